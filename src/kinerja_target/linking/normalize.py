"""An indicator's canonical wording: :func:`normalize_indicator`.

Every satker writes its indicators a little differently: its own name inside (``… KPU
Kota Ambon …``), its level (``KPU Provinsi dan KPU Kabupaten/Kota yang …``), typos
(``Presentase``, ``adhock``), abbreviations (``BMN``), HTML left by converters
(``<i>database</i>``) and words hyphenated across lines (``logis-tik``). The canonical
wording takes these differences out, in this order:

1. HTML entities and tags go (:mod:`kinerja_target.folding`), Unicode is folded (NFKC,
   soft hyphens dropped);
2. a word hyphenated across a line is joined (``logis-tik``), a reduplication or a real
   prefix keeps its hyphen (``rata-rata``, ``e-PPID``);
3. a parenthesis that repeats what stands before it goes (``Barang Milik Negara
   (BMN)``, ``5 (lima) hari``);
4. every satker name and level becomes the word ``satker`` (the grammar and gazetteer of
   :mod:`kinerja_target.places`), and a run of them joined by ``dan``, ``/``, ``,`` is one;
5. typos and variants are folded and abbreviations expanded (``data/matching_*.csv``);
6. case, accents, punctuation and spacing are folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from .. import places
from ..folding import strip_tags, tokens, unescape
from .vocabulary import MASK, vocabulary

__all__ = ["apply_spelling", "normalize_indicator"]

_PAREN_RE: Final = re.compile(r"\(([^()]*)\)")
_ACRONYM_RE: Final = re.compile(r"(?:[a-z]-)?[A-Z][A-Z0-9&./-]+")
_NUMBER_WORDS: Final = frozenset(
    [
        "nol",
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
        "seratus",
        "belas",
        "puluh",
        "ratus",
        "ribu",
    ]
)
# The lookbehind starts a match only at a word's first letter: without it a long word
# with no hyphen is scanned again from each of its letters (quadratic time).
_HYPHEN_RE: Final = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-[ \t]*([^\W\d_]+)")
# Prefixes written with a hyphen on purpose ('e-PPID', 'se-Maluku', 'non-tahapan').
_HYPHEN_PREFIXES: Final = frozenset(
    ["e", "se", "non", "pra", "pasca", "anti", "sub", "antar", "multi", "pro", "re", "co"]
)
_CONNECTORS: Final = frozenset({"dan", "atau", "serta", "/", ",", "&", "se"})
_PUNCTUATION: Final = frozenset({"/", ",", "&"})


def _repair_hyphens(text: str) -> str:
    """Join words split at a line end ('logis-tik'); keep reduplication and real prefixes.

    A PDF converter splits a word between two lower-case pieces. A reduplication
    ('perundang-undangan', 'rata-rata') repeats a piece, a prefix ('e-PPID') is short and
    listed, and a capitalised piece is a name: those keep their hyphen (and are later
    read as separate tokens).
    """
    classes = vocabulary().word_class
    levels = places.LEVEL_WORDS

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        # the right piece is lower case; the left one may open a capitalised word
        if not right.islower() or not (left.islower() or left[1:].islower()):
            return match.group(0)
        piece = left.lower()
        if piece + right in levels or piece + right in classes:
            return left + right  # 'Kab-upaten', 'pro-vinsi'
        if piece in _HYPHEN_PREFIXES or piece in classes or right in classes:
            return match.group(0)
        if piece in levels or right in levels:
            return match.group(0)
        if right[:4] in piece or piece[-4:] in right or right.startswith(piece):
            return match.group(0)
        return left + right

    return _HYPHEN_RE.sub(join, text)


def _drop_glosses(text: str) -> str:
    """Drop a parenthesis that only repeats what stands before it.

    ``Barang Milik Negara (BMN)`` and ``5 (lima) hari`` say the same thing twice; keeping
    the gloss would make the text differ from one written without it.
    """

    def drop(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        words = inner.split()
        if not words:
            return " "
        if all(w.lower() in _NUMBER_WORDS for w in words):
            return " "
        abbreviations = vocabulary().abbreviations
        if len(words) <= 3 and all(
            _ACRONYM_RE.fullmatch(w) or w.lower() in abbreviations for w in words
        ):
            return " "
        return match.group(0)

    return _PAREN_RE.sub(drop, text)


def _opens_satker(word: str, own_starts: set[str]) -> bool:
    return (
        word in places.satker_starts()
        or word in own_starts
        or (word[:1] in "pk" and 6 <= len(word) <= 11 and places.is_level(word))
    )


def _mask_satker(words: list[str], own: tuple[tuple[str, ...], ...]) -> list[str]:
    low = [t.lower() for t in words]
    known = vocabulary().known_words
    own_starts = {name[0] for name in own}
    out: list[str] = []
    i = 0
    while i < len(words):
        opens = _opens_satker(low[i], own_starts)
        end = places.satker_end(low, i, own, known=known) if opens else i
        if end > i:
            out.append(MASK)
            i = end
        else:
            out.append(words[i])
            i += 1
    # 'KPU Provinsi dan KPU Kabupaten/Kota' is one mention of the satker levels
    collapsed: list[str] = []
    pending: list[str] = []
    for token in out:
        if collapsed and collapsed[-1] == MASK and token.lower() in _CONNECTORS:
            pending.append(token)
            continue
        if token == MASK and collapsed and collapsed[-1] == MASK:
            pending.clear()
            continue
        collapsed.extend(pending)
        pending.clear()
        collapsed.append(token)
    collapsed.extend(pending)
    return collapsed


def apply_spelling(words: list[str]) -> list[str]:
    """``words`` with every typo and variant of ``data/matching_spelling.csv`` (phrases
    of up to four words, longest first) replaced by its canonical spelling."""
    vocab = vocabulary()
    spelling, starts = vocab.spelling, vocab.spelling_starts
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i].lower() not in starts:
            out.append(words[i])
            i += 1
            continue
        for size in (4, 3, 2, 1):
            key = tuple(t.lower() for t in words[i : i + size])
            if len(key) == size and key in spelling:
                out.extend(spelling[key])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _expand_abbreviations(words: list[str]) -> list[str]:
    abbreviations = vocabulary().abbreviations
    out: list[str] = []
    for token in words:
        entry = abbreviations.get(token.lower())
        # A case-sensitive abbreviation ('TI', 'MK') is also a plain word in lower case.
        if entry is not None and (not entry[1] or token.isupper()):
            out.extend(entry[0])
        else:
            out.append(token)
    return out


@functools.lru_cache(maxsize=65536)
def normalize_indicator(text: str, *, satker: str | None = None) -> str:
    """The canonical form of an indicator's wording, for comparing and linking.

    Satker names and levels become the word ``satker`` (``KPU Provinsi dan KPU
    Kabupaten/Kota``, ``KPU Kota Ambon``, ``se-Maluku``; the gazetteer of provinces and
    kabupaten/kota ships in ``data/wilayah.csv``; ``satker`` names one more satker to mask,
    such as ``KPU RI``). HTML tags and entities go, words hyphenated across lines are
    joined, glosses in parentheses (``(BMN)``, ``(lima)``) are dropped, typos are folded
    and abbreviations expanded (``data/matching_spelling.csv``,
    ``data/matching_abbreviations.csv``), and the result is lower case, without
    punctuation, one space between words.

    The function is pure and cached; normalising its own output gives the same text.

    >>> normalize_indicator("Persentase KPU Provinsi dan KPU Kab/Kota yang mengelola logis-tik")
    'persentase satker yang mengelola logistik'
    >>> normalize_indicator("Jumlah badan adhock di lingkungan KPU Kota Pontianak.")
    'jumlah badan adhoc di lingkungan satker'
    """
    text = strip_tags(unescape(text))
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _repair_hyphens(text)
    text = _drop_glosses(text)
    words = _mask_satker(tokens(text), places.own_names(satker))
    words = apply_spelling(words)
    words = _expand_abbreviations(words)
    low = [t.lower() for t in words if t not in _PUNCTUATION]
    # Spelling and abbreviations may bring words back next to the mask; one more pass
    # over the plain words makes the function idempotent.
    again = apply_spelling(low)
    if again != low or any(w in places.satker_starts() for w in low if w != MASK):
        low = _mask_satker(again, ())
    return " ".join(w for w in low if w not in _PUNCTUATION)
