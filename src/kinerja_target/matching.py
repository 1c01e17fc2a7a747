"""Link the same performance indicator across satker, and keep apart the ones a word apart.

Every KPU satker words its indicators a little differently: its own name inside
(``… KPU Kota Ambon …``), its level (``KPU Provinsi dan KPU Kabupaten/Kota yang …``),
typos (``Presentase``, ``adhock``), abbreviations (``BMN``), HTML left by converters
(``<i>database</i>``) and words hyphenated across lines (``logis-tik``). Yet two
indicators a single word apart are different indicators: ``… untuk pemilih Perempuan``
against ``… Pemula``. No threshold on one similarity score separates the two families,
so this module decides on *the words that differ*:

1. :func:`normalize_indicator` gives a canonical text: satker names and levels masked as
   ``satker`` (a gazetteer of the 38 provinces and 514 kabupaten/kota ships as data),
   typos folded, abbreviations expanded, HTML and hyphenation repaired, case and spacing
   folded.
2. Two mentions are compared on their *content words* (function words, the satker mask
   and scope words such as ``Pemilu/Pemilihan`` set aside). Differing words that are the
   same word in another form (``didistribusikan``/``mendistribusikan``) or a typo of
   each other are aligned. What is left decides:

   * a different measure word (``Jumlah`` against ``Persentase``) — *decisive*;
   * a differing target-group or negation word (``perempuan``, ``tanpa``) — *decisive*;
   * words on both sides (a word *replaced*: ``transportasi`` against ``perkantoran``)
     — *decisive*;
   * words on one side only, in one run of at most a few words (a qualifier dropped or
     added: ``secara transparan dan akuntabel``) — linked;
   * nothing left — linked.

   A similarity weighted by how rare each word is in the corpus (rare words tell more)
   ranks the candidates and must clear a floor.
3. :func:`link_indicators` links the mentions of a corpus: candidates come from an
   inverted index on rare words (so a national corpus is not compared pair by pair),
   links are taken best first, and clusters are grown under two constraints: no
   decisive difference inside a cluster, and one indicator per satker (a satker's own
   repeated mentions join the same cluster only when they are the same indicator).
4. :class:`IndicatorCatalog` matches new texts against known indicators.

Every link and every near miss carries its explanation (:class:`Link`): the score, the
shared words, the differing words and the rule that decided. ``docs/linking.md`` tells
how to read and tune them.

>>> normalize_indicator("Presentase KPU Kota Ambon yang mengelola <i>database</i> BMN")
'persentase satker yang mengelola database barang milik negara'
>>> result = link_indicators([
...     ("KPU Kota Ambon", "Persentase Partisipasi Pemilih Perempuan dalam Pemilu"),
...     ("KPU Kota Kupang", "Presentase partisipasi pemilih perempuan dalam Pemilu"),
...     ("KPU Kota Kupang", "Persentase Partisipasi Pemilih Pemula dalam Pemilu"),
... ])
>>> result.labels
(1, 1, 0)
"""

from __future__ import annotations

import csv
import functools
import html
import io
import itertools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from .errors import SchemaError

__all__ = [
    "CatalogEntry",
    "CatalogMatch",
    "Cluster",
    "IndicatorCatalog",
    "Link",
    "LinkResult",
    "MatchingRules",
    "Mention",
    "link_indicators",
    "normalize_indicator",
]

# -- vocabulary shipped as data -------------------------------------------------------------------


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("kinerja_target").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


_TOKEN_RE: Final = re.compile(r"[^\W_]+|[/,&]")


def _fold(text: str) -> str:
    # NFKD then drop combining marks: 'é' and 'e' are one letter to an indicator author.
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _plain_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _TOKEN_RE.findall(_fold(text).lower()) if t not in "/,&")


@attrs.frozen
class _Vocabulary:
    """Every table the matcher reads, loaded once (see ``data/matching_*.csv``)."""

    word_class: Mapping[str, str]
    spelling: Mapping[tuple[str, ...], tuple[str, ...]]
    abbreviations: Mapping[str, tuple[tuple[str, ...], bool]]
    confusables: frozenset[frozenset[str]]
    # gazetteer: token sequences of every province, kabupaten and kota name and alias
    place_names: frozenset[tuple[str, ...]]
    province_names: frozenset[tuple[str, ...]]
    longest_place: int
    # first words that can open a spelling variant or a satker mention: the fast path
    spelling_starts: frozenset[str]
    satker_starts: frozenset[str]
    # words the tables know are spelt right (never a typo in matching_spelling.csv)
    known_words: frozenset[str]


@functools.cache
def _vocabulary() -> _Vocabulary:
    word_class = {row["word"]: row["class"] for row in _data_rows("matching_words.csv")}
    spelling_rows = _data_rows("matching_spelling.csv")
    spelling = {_plain_tokens(r["variant"]): _plain_tokens(r["canonical"]) for r in spelling_rows}
    known = set(word_class)
    for row in spelling_rows:
        known.update(_plain_tokens(row["canonical"]))
        if row["kind"] != "typo":
            known.update(_plain_tokens(row["variant"]))
    abbreviations = {
        row["abbreviation"].lower(): (
            _plain_tokens(row["expansion"]),
            row["case_sensitive"].strip().lower() == "yes",
        )
        for row in _data_rows("matching_abbreviations.csv")
    }
    for expansion, _case in abbreviations.values():
        known.update(expansion)
    confusables = frozenset(
        frozenset((row["word_a"], row["word_b"])) for row in _data_rows("matching_confusables.csv")
    )
    places: set[tuple[str, ...]] = set()
    provinces: set[tuple[str, ...]] = set()
    for row in _data_rows("wilayah.csv"):
        names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
        for name in names:
            tokens = _plain_tokens(name)
            places.add(tokens)
            if row["level"] == "provinsi":
                provinces.add(tokens)
    satker_starts = (
        {p[0] for p in provinces}
        | _LEVEL_WORDS
        | _SECRETARIAT
        | {h[0] for h in _HEADS}
        | {w[0] for w in _SATKER_WORDS}
        | {"se"}
    )
    return _Vocabulary(
        word_class=word_class,
        spelling=spelling,
        abbreviations=abbreviations,
        confusables=confusables,
        place_names=frozenset(places),
        province_names=frozenset(provinces),
        longest_place=max(len(p) for p in places),
        spelling_starts=frozenset(k[0] for k in spelling),
        satker_starts=frozenset(satker_starts),
        known_words=frozenset(w for w in known if len(w) >= 5),
    )


# -- normalisation --------------------------------------------------------------------------------

_TAG_RE: Final = re.compile(r"</?[A-Za-z][^<>]*>")
_PAREN_RE: Final = re.compile(r"\(([^()]*)\)")
_ACRONYM_RE: Final = re.compile(r"(?:[a-z]-)?[A-Z][A-Z0-9&./-]+")
_NUMBER_WORDS: Final = frozenset(
    {
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
    }
)
_HYPHEN_RE: Final = re.compile(r"([^\W\d_]+)-[ \t]*([^\W\d_]+)")
# Prefixes written with a hyphen on purpose ('e-PPID', 'se-Maluku', 'non-tahapan').
_HYPHEN_PREFIXES: Final = frozenset(
    ["e", "se", "non", "pra", "pasca", "anti", "sub", "antar", "multi", "pro", "re", "co"]
)

# Level words, with their abbreviations and common misspellings: they open a satker name.
_LEVEL_WORDS: Final = frozenset(
    {
        "provinsi",
        "prov",
        "propinsi",
        "kabupaten",
        "kab",
        "kabupten",
        "kota",
        "kotamadya",
        "kotamadia",
    }
)
_SECRETARIAT: Final = frozenset(["sekretariat", "sekertariat", "sekretarit", "set", "setjen"])
_HEADS: Final = (
    ("komisi", "pemilihan", "umum"),
    ("komisi", "independen", "pemilihan"),
    ("kpu",),
    ("kip",),
)
_SATKER_WORDS: Final = (("satker",), ("satuan", "kerja"))
_CONNECTORS: Final = frozenset({"dan", "atau", "serta", "/", ",", "&", "se"})
_MASK: Final = "satker"
_PUNCTUATION: Final = frozenset({"/", ",", "&"})


def _repair_hyphens(text: str) -> str:
    """Join words split at a line end ('logis-tik'); keep reduplication and real prefixes.

    A PDF converter splits a word between two lower-case pieces. A reduplication
    ('perundang-undangan', 'rata-rata') repeats a piece, a prefix ('e-PPID') is short and
    listed, and a capitalised piece is a name: those keep their hyphen (and are later
    read as separate tokens).
    """
    classes = _vocabulary().word_class

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        # the right piece is lower case; the left one may open a capitalised word
        if not right.islower() or not (left.islower() or left[1:].islower()):
            return match.group(0)
        piece = left.lower()
        if piece + right in _LEVEL_WORDS or piece + right in classes:
            return left + right  # 'Kab-upaten', 'pro-vinsi'
        if piece in _HYPHEN_PREFIXES or piece in classes or right in classes:
            return match.group(0)
        if piece in _LEVEL_WORDS or right in _LEVEL_WORDS:
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
        abbreviations = _vocabulary().abbreviations
        if len(words) <= 3 and all(
            _ACRONYM_RE.fullmatch(w) or w.lower() in abbreviations for w in words
        ):
            return " "
        return match.group(0)

    return _PAREN_RE.sub(drop, text)


def _match_place(
    low: Sequence[str], i: int, *, provinces_only: bool = False, fuzzy: bool = False
) -> int:
    """The end of the longest place name starting at ``low[i]``, or ``i``.

    With ``fuzzy`` (only right after a level word or ``KPU``, where a place name is
    expected) a name may carry a typo in each word: ``Kabupaten Karimmun``.
    """
    vocab = _vocabulary()
    names = vocab.province_names if provinces_only else vocab.place_names
    for size in range(min(vocab.longest_place, len(low) - i), 0, -1):
        if tuple(low[i : i + size]) in names:
            return i + size
    if fuzzy and i < len(low) and len(low[i]) >= 5 and low[i] not in vocab.known_words:
        best = i
        for name in _places_like(low[i]):
            size = len(name)
            words = low[i : i + size]
            if len(words) == size and all(
                w == n or _typo_of(w, n) for w, n in zip(words, name, strict=True)
            ):
                best = max(best, i + size)
        return best
    return i


@functools.lru_cache(maxsize=4096)
def _places_like(word: str) -> tuple[tuple[str, ...], ...]:
    """Place names whose first word is ``word`` give or take a typo."""
    return tuple(
        name
        for name in sorted(_vocabulary().place_names)
        if name[0] == word or _typo_of(word, name[0])
    )


@functools.lru_cache(maxsize=4096)
def _is_level(word: str) -> bool:
    """A level word, or a typo of one (``povinsi``, ``kabuptaen``)."""
    if word in _LEVEL_WORDS:
        return True
    return len(word) >= 6 and any(_typo_of(word, level) for level in ("provinsi", "kabupaten"))


def _match_words(low: Sequence[str], i: int, options: Iterable[tuple[str, ...]]) -> int:
    for words in options:
        if tuple(low[i : i + len(words)]) == words:
            return i + len(words)
    return i


def _match_satker(low: Sequence[str], i: int, own: tuple[tuple[str, ...], ...]) -> int:
    """The end of a satker mention starting at ``low[i]`` (``i`` when there is none),
    with the place names that follow it ('satker Lhokseumawe', 'KPU Ambon Ambon')."""
    end = _match_satker_once(low, i, own)
    if end == i:
        return i
    while end < len(low):
        # punctuation is dropped from the output, so 'KPU / Kupang' must read as
        # 'KPU Kupang' does
        start = end
        while start < len(low) and low[start] in _PUNCTUATION:
            start += 1
        after = _match_place(low, start, fuzzy=True)
        if after == start:
            break
        end = after
    return end


def _match_satker_once(low: Sequence[str], i: int, own: tuple[tuple[str, ...], ...]) -> int:
    """The end of a satker mention starting at ``low[i]`` (``i`` when there is none).

    A satker mention is ``[Sekretariat] [KPU|KIP|Komisi Pemilihan Umum] [level] [name]``
    with at least a head, a level or a name; ``se-<name>``; a bare province name; the
    words ``satker``/``satuan kerja``; or the satker's own name when the caller gave it.
    """
    j = _match_words(low, i, own)
    if j > i:
        return j
    j = _match_words(low, i, _SATKER_WORDS)
    if j > i:
        return j
    start = i
    if low[i] in _SECRETARIAT:
        after = i + 1
        if after < len(low) and low[after] == "jenderal":
            after += 1
        if after < len(low) and (_is_level(low[after]) or _match_words(low, after, _HEADS) > after):
            i = after
        else:
            return start
    head_end = _match_words(low, i, _HEADS)
    found = head_end > i
    i = head_end
    if found and i < len(low) and low[i] in {"ri", "pusat"}:
        i += 1
    if found and tuple(low[i : i + 2]) == ("republik", "indonesia"):
        i += 2
    if i < len(low) and _is_level(low[i]):
        i += 1
        found = True
        # 'Kabupaten/Kota' and 'Provinsi/Kabupaten/Kota' name levels, not places
        while i + 1 < len(low) and low[i] in {"/", "dan"} and _is_level(low[i + 1]):
            i += 2
        i = _match_place(low, i, fuzzy=True)
    elif found:
        i = _match_place(low, i, fuzzy=True)  # 'KPU Sleman'
    elif low[i] == "se" and i + 1 < len(low):
        end = _match_place(low, i + 1)
        if end == i + 1 and _is_level(low[i + 1]):
            end = i + 2
        return end if end > i + 1 else start
    else:
        end = _match_place(low, i, provinces_only=True)
        return end if end > i else start
    return i if found else start


def _mask_satker(tokens: list[str], own: tuple[tuple[str, ...], ...]) -> list[str]:
    low = [t.lower() for t in tokens]
    starts = _vocabulary().satker_starts
    own_starts = {name[0] for name in own}
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word = low[i]
        opens = (
            word in starts
            or word in own_starts
            or (word[:1] in "pk" and 6 <= len(word) <= 11 and _is_level(word))
        )
        end = _match_satker(low, i, own) if opens else i
        if end > i:
            out.append(_MASK)
            i = end
        else:
            out.append(tokens[i])
            i += 1
    # 'KPU Provinsi dan KPU Kabupaten/Kota' is one mention of the satker levels
    collapsed: list[str] = []
    pending: list[str] = []
    for token in out:
        if collapsed and collapsed[-1] == _MASK and token.lower() in _CONNECTORS:
            pending.append(token)
            continue
        if token == _MASK and collapsed and collapsed[-1] == _MASK:
            pending.clear()
            continue
        collapsed.extend(pending)
        pending.clear()
        collapsed.append(token)
    collapsed.extend(pending)
    return collapsed


def _apply_spelling(tokens: list[str]) -> list[str]:
    vocab = _vocabulary()
    spelling, starts = vocab.spelling, vocab.spelling_starts
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i].lower() not in starts:
            out.append(tokens[i])
            i += 1
            continue
        for size in (4, 3, 2, 1):
            key = tuple(t.lower() for t in tokens[i : i + size])
            if len(key) == size and key in spelling:
                out.extend(spelling[key])
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _expand_abbreviations(tokens: list[str]) -> list[str]:
    abbreviations = _vocabulary().abbreviations
    out: list[str] = []
    for token in tokens:
        entry = abbreviations.get(token.lower())
        # A case-sensitive abbreviation ('TI', 'MK') is also a plain word in lower case.
        if entry is not None and (not entry[1] or token.isupper()):
            out.extend(entry[0])
        else:
            out.append(token)
    return out


@functools.lru_cache(maxsize=4096)
def _own_names(satker: str | None) -> tuple[tuple[str, ...], ...]:
    if not satker:
        return ()
    tokens = _plain_tokens(satker)
    # the bare place: 'KPU Kota Ambon' -> 'ambon'
    skip = _LEVEL_WORDS | _SECRETARIAT | {"kpu", "kip", "komisi", "pemilihan", "umum"}
    bare = tuple(t for t in tokens if t not in skip)
    names = {tokens}
    if bare:
        names.add(bare)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


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
    text = html.unescape(text)
    text = _TAG_RE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _repair_hyphens(text)
    text = _drop_glosses(text)
    tokens = list(_TOKEN_RE.findall(_fold(text)))
    tokens = _mask_satker(tokens, _own_names(satker))
    tokens = _apply_spelling(tokens)
    tokens = _expand_abbreviations(tokens)
    words = [t.lower() for t in tokens if t not in {"/", ",", "&"}]
    # Spelling and abbreviations may bring words back next to the mask; one more pass
    # over the plain words makes the function idempotent.
    again = _apply_spelling(words)
    if again != words or any(w in _vocabulary().satker_starts for w in words if w != _MASK):
        words = _mask_satker(again, ())
    return " ".join(w for w in words if w not in {"/", ",", "&"})


# -- the words of one wording ---------------------------------------------------------------------

_GOAL_RE: Final = re.compile(r"(?:ter|me|ber)[^\W\d_]{3,}nya")
_YEAR_RE: Final = re.compile(r"(?:19|20)\d\d")
_NOT_CONTENT: Final = frozenset({"function", "scope", "generic"})
_DECISIVE_CLASSES: Final = frozenset({"target_group", "negation"})


@attrs.frozen
class _Wording:
    """What the matcher reads in one normalised text."""

    text: str
    measure: str | None
    content: tuple[str, ...]  # content words in reading order, repeats kept

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.content)


@functools.lru_cache(maxsize=65536)
def _read_wording(text: str) -> _Wording:
    classes = _vocabulary().word_class
    tokens = [t for t in text.split() if classes.get(t) != "function"]
    measure: str | None = None
    start = 0
    if tokens:
        first = tokens[0]
        second = tokens[1] if len(tokens) > 1 else ""
        if classes.get(first) == "change" and classes.get(second) == "measure":
            measure, start = f"{first} {second}", 2  # 'Penurunan jumlah'
        elif classes.get(first) == "measure":
            measure, start = first, 1
        elif _GOAL_RE.fullmatch(first):
            # 'Terwujudnya …', 'Terlaksananya …': a sasaran (goal) written where an
            # indicator should be; it has no measure to compare, so it is its own kind.
            measure, start = "goal", 1
    content = tuple(
        t
        for t in tokens[start:]
        if t != _MASK and classes.get(t) not in _NOT_CONTENT and not _YEAR_RE.fullmatch(t)
    )
    return _Wording(text=text, measure=measure, content=content)


_VERBAL_PREFIXES: Final = (
    ("meny", ("s",)),
    ("meng", ("", "k")),
    ("mem", ("", "p")),
    ("men", ("", "t")),
    ("me", ("",)),
    ("di", ("",)),
    ("ter", ("",)),
    ("ber", ("",)),
)
_NOMINAL_PREFIXES: Final = (
    ("peny", ("s",)),
    ("peng", ("", "k")),
    ("pem", ("", "p")),
    ("pen", ("", "t")),
    ("per", ("",)),
    ("pe", ("",)),
)


@functools.lru_cache(maxsize=65536)
def _roots(word: str) -> frozenset[str]:
    """Candidate roots of an Indonesian word, for telling two forms of one word.

    Active, passive and process forms share a root: ``mendistribusikan`` /
    ``didistribusikan``, ``menyelesaikan`` / ``penyelesaian``. The agent noun ``pe-X``
    (``pemilih``, ``pemula``) is *not* reduced, and ``-an`` is only removed together with
    a prefix, so ``pemilih`` never meets ``pemilihan`` and ``pemula`` never meets ``mula``.
    """
    base = word[:-3] if word.endswith("nya") and len(word) >= 7 else word
    out: set[str] = {base}

    def add(stem: str, with_an: bool) -> None:
        if len(stem) >= 4:
            out.add(stem)
        for suffix in ("kan", "i", "an") if with_an else ("kan", "i"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                out.add(stem[: -len(suffix)])

    add(base, with_an=False)
    prefixes = _VERBAL_PREFIXES + (_NOMINAL_PREFIXES if base.endswith("an") else ())
    for prefix, restores in prefixes:
        if base.startswith(prefix) and len(base) - len(prefix) >= 3:
            rest = base[len(prefix) :]
            for restore in restores:
                add(restore + rest, with_an=True)
    return frozenset(out)


def _same_root(a: str, b: str) -> bool:
    return bool(_roots(a) & _roots(b))


def _affixed(a: str, b: str) -> bool:
    """One word is the other with an affix (``pemilih``/``pemilihan``): never a typo."""
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


@functools.lru_cache(maxsize=65536)
def _typo_of(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word, one of them mistyped.

    Both long enough that an edit is unlikely to make another real word, same first
    letter (typing errors rarely hit it), one edit apart (two for long words), and not a
    known pair of real words (``data/matching_confusables.csv``).
    """
    from rapidfuzz.distance import DamerauLevenshtein

    if a[0] != b[0] or a.isdigit() or b.isdigit():
        return False
    shortest = min(len(a), len(b))
    if shortest < 5:
        return False
    if frozenset((a, b)) in _vocabulary().confusables:
        return False
    limit = 2 if shortest >= 9 else 1
    return bool(DamerauLevenshtein.distance(a, b, score_cutoff=limit) <= limit)


# -- explanations ---------------------------------------------------------------------------------

Rule = Literal[
    "identical",
    "same_words",
    "word_forms",
    "qualifier_added",
    "measure",
    "decisive_word",
    "replaced",
    "addition_too_large",
    "too_little_shared",
    "one_per_satker",
    "conflicts_with_cluster",
    "ambiguous",
]

#: Rules that say two wordings are different indicators whatever their score; a cluster
#: never holds two wordings that one of these rules sets apart.
DECISIVE_RULES: Final[frozenset[str]] = frozenset({"measure", "decisive_word", "replaced"})


@attrs.frozen
class MatchingRules:
    """The knobs of the decision (``docs/linking.md`` tells how to tune them).

    ``min_score``: the weighted similarity a link must reach. ``max_added_words`` and
    ``max_added_runs``: how large a qualifier dropped or added may be (in content words,
    and in separate places in the text). ``min_shared``: content words both sides must
    share. ``near_miss``: the similarity above which a candidate pair that was not linked
    is reported as a near miss (a pair kept apart by a decisive rule always is).
    """

    min_score: float = 0.35
    max_added_words: int = 4
    max_added_runs: int = 1
    min_shared: int = 2
    near_miss: float = 0.5


@attrs.frozen
class Link:
    """Why two wordings are, or are not, the same indicator.

    ``left`` and ``right`` are normalised texts; ``shared`` the content words both have;
    ``aligned`` pairs of words taken as one word in two forms or spellings;
    ``left_only``/``right_only`` the words that differ; ``measure`` the two measure
    words; ``rule`` the rule that decided and ``linked`` the decision. ``score`` is the
    similarity weighted by how rare each word is (0 to 1).
    """

    left: str
    right: str
    score: float
    linked: bool
    rule: Rule
    shared: tuple[str, ...] = ()
    aligned: tuple[tuple[str, str], ...] = ()
    left_only: tuple[str, ...] = ()
    right_only: tuple[str, ...] = ()
    measure: tuple[str | None, str | None] = (None, None)

    @property
    def decisive(self) -> bool:
        """True when the rule sets the two apart whatever the score."""
        return self.rule in DECISIVE_RULES

    def explain(self) -> str:
        """One line in plain words."""
        verdict = "linked" if self.linked else "not linked"
        parts = [f"{verdict} by {self.rule} (score {self.score:.2f})"]
        if self.measure[0] != self.measure[1]:
            parts.append(f"measure {self.measure[0]!r} / {self.measure[1]!r}")
        if self.left_only or self.right_only:
            parts.append(f"differ: {list(self.left_only)} / {list(self.right_only)}")
        if self.aligned:
            parts.append("same word: " + ", ".join(f"{a}~{b}" for a, b in self.aligned))
        if self.shared:
            parts.append(f"shared: {' '.join(self.shared)}")
        return "; ".join(parts)

    def swapped(self) -> Link:
        """The same link read from the other side."""
        return attrs.evolve(
            self,
            left=self.right,
            right=self.left,
            aligned=tuple((b, a) for a, b in self.aligned),
            left_only=self.right_only,
            right_only=self.left_only,
            measure=(self.measure[1], self.measure[0]),
        )

    def with_rule(self, rule: Rule) -> Link:
        """The link refused by a clustering constraint (``one_per_satker``, …)."""
        return attrs.evolve(self, linked=False, rule=rule)


class _Weights:
    """How much each word tells: inverse document frequency over a corpus."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for words in documents:
            n += 1
            counts.update(set(words))
        self.counts = counts
        self.n = n

    def __call__(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.counts.get(word, 0))) + 1.0


def _runs(content: Sequence[str], extra: frozenset[str]) -> int:
    runs = 0
    inside = False
    for word in content:
        if word in extra:
            if not inside:
                runs += 1
            inside = True
        else:
            inside = False
    return runs


def _compare(a: _Wording, b: _Wording, weight: _Weights, rules: MatchingRules) -> Link:
    """The decision for one pair of wordings (see the module docstring)."""
    wa, wb = a.words, b.words
    shared = wa & wb
    left = sorted(wa - shared)
    right = sorted(wb - shared)
    aligned: list[tuple[str, str]] = []
    for relation in (_same_root, _typo_of):
        for x in list(left):
            for y in right:
                if relation(x, y):
                    aligned.append((x, y))
                    left.remove(x)
                    right.remove(y)
                    break
    w_shared = sum(weight(t) for t in shared)
    w_aligned = sum((weight(x) + weight(y)) / 2 for x, y in aligned)
    w_diff = sum(weight(t) for t in left) + sum(weight(t) for t in right)
    total = w_shared + w_aligned + w_diff
    score = (w_shared + w_aligned) / total if total else 1.0
    if not a.content and not b.content:
        score = 1.0 if a.measure == b.measure else 0.0

    def verdict(linked: bool, rule: Rule) -> Link:
        return Link(
            left=a.text,
            right=b.text,
            score=round(score, 4),
            linked=linked,
            rule=rule,
            shared=tuple(sorted(shared)),
            aligned=tuple(aligned),
            left_only=tuple(left),
            right_only=tuple(right),
            measure=(a.measure, b.measure),
        )

    classes = _vocabulary().word_class
    if a.text == b.text:
        return verdict(True, "identical")
    if a.measure and b.measure and a.measure != b.measure:
        return verdict(False, "measure")
    if any(classes.get(t) in _DECISIVE_CLASSES for t in (*left, *right)):
        return verdict(False, "decisive_word")
    if left and right:
        return verdict(False, "replaced")
    if not left and not right:
        if len(shared) + len(aligned) < min(rules.min_shared, len(wa), len(wb)) or not (wa or wb):
            return verdict(a.measure == b.measure and not wa, "too_little_shared")
        return verdict(True, "word_forms" if aligned else "same_words")
    extra, longer = (frozenset(left), a) if left else (frozenset(right), b)
    if len(extra) > rules.max_added_words or _runs(longer.content, extra) > rules.max_added_runs:
        return verdict(False, "addition_too_large")
    shorter = len(b.words) if left else len(a.words)
    if len(shared) + len(aligned) < min(rules.min_shared, shorter) or score < rules.min_score:
        return verdict(False, "too_little_shared")
    return verdict(True, "qualifier_added")


# -- mentions and results -------------------------------------------------------------------------


@attrs.frozen
class Mention:
    """One indicator as one satker wrote it: its ``satker``, its ``text``, and optionally
    an ``id`` of the caller's choosing and the ``target`` cell beside it."""

    satker: str
    text: str
    id: str | None = None
    target: str | None = None


MentionLike = Mention | tuple[str, str]


def _as_mention(item: MentionLike) -> Mention:
    if isinstance(item, Mention):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        return Mention(satker=str(item[0]), text=str(item[1]))
    raise TypeError(f"a mention is a Mention or a (satker, text) pair, not {item!r}")


@attrs.frozen
class Cluster:
    """One indicator: the mentions that measure the same thing.

    ``id`` is the cluster's number (its place in ``LinkResult.clusters``); ``canonical``
    the normalised wording most satker use; ``members`` the input positions of its
    mentions in input order; ``satkers`` the satker it spans; ``texts`` its distinct
    normalised wordings. ``confidence`` is the score of the weakest link that built it
    (1.0 when all its mentions read the same once normalised).
    """

    id: int
    canonical: str
    members: tuple[int, ...]
    satkers: tuple[str, ...]
    texts: tuple[str, ...]
    confidence: float


@attrs.frozen
class LinkResult:
    """The outcome of :func:`link_indicators`.

    ``labels[i]`` is the cluster id of ``mentions[i]``; ``clusters`` lists the clusters by
    id; ``links`` explains every link that joined two wordings into a cluster and
    ``near_misses`` every pair of wordings that came close but stayed apart.
    """

    mentions: tuple[Mention, ...]
    labels: tuple[int, ...]
    clusters: tuple[Cluster, ...]
    links: tuple[Link, ...] = attrs.field(repr=False)
    near_misses: tuple[Link, ...] = attrs.field(repr=False)
    rules: MatchingRules = attrs.field(repr=False, factory=MatchingRules)

    def cluster_of(self, index: int) -> Cluster:
        """The cluster of the mention at input position ``index``."""
        return self.clusters[self.labels[index]]

    def explain(self, i: int, j: int) -> Link:
        """How the decision rule reads the mentions at positions ``i`` and ``j``.

        This compares the two wordings directly; two mentions can share a cluster
        through a chain of links even when their direct comparison is not a link.
        """
        weights = _Weights(
            _read_wording(normalize_indicator(m.text, satker=m.satker)).content
            for m in self.mentions
        )
        a = _read_wording(
            normalize_indicator(self.mentions[i].text, satker=self.mentions[i].satker)
        )
        b = _read_wording(
            normalize_indicator(self.mentions[j].text, satker=self.mentions[j].satker)
        )
        return _compare(a, b, weights, self.rules)


# -- linking ------------------------------------------------------------------------------------


class _Corrector:
    """Spelling learned from the corpus being linked.

    At national scale the right spelling of a word is the common one: a rare word one
    edit from a word at least ``ratio`` times as common is taken for a typo of it
    (``pegawwai`` → ``pegawai``), and two adjacent pieces whose concatenation is a common
    word are joined (``transpor tasi`` → ``transportasi``, a line break that lost its
    hyphen). Words are counted once per satker and wording, so one satker repeating a
    typo does not make it common.
    """

    def __init__(
        self, documents: Sequence[Sequence[str]], *, min_count: int = 3, ratio: int = 3
    ) -> None:
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        counts: Counter[str] = Counter()
        bigrams: Counter[tuple[str, str]] = Counter()
        for words in documents:
            counts.update(set(words))
            bigrams.update(set(itertools.pairwise(words)))
        # Words the tables know to be right count as common, so that a typo of a word
        # the normaliser rewrites ('beerjalan' for 'berjalan') can still be mended.
        for word in _vocabulary().known_words:
            counts[word] = max(counts[word], min_count)
        self.joins = {
            pair: pair[0] + pair[1]
            for pair, count in bigrams.items()
            if counts.get(pair[0] + pair[1], 0) >= max(min_count, ratio * count)
        }
        common = sorted(
            w for w, c in counts.items() if c >= min_count and len(w) >= 5 and not w.isdigit()
        )
        self.fix: dict[str, str] = {}
        for word in sorted(counts):
            count = counts[word]
            if len(word) < 5 or word.isdigit() or word == _MASK or not common:
                continue
            limit = 2 if len(word) >= 9 else 1
            found = process.extract(
                word, common, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None
            )
            best: tuple[int, int, str] | None = None
            for candidate, distance, _index in found:
                if candidate == word or counts[candidate] < ratio * count:
                    continue
                if not _typo_of(word, candidate) or _affixed(word, candidate):
                    continue
                key = (int(distance), -counts[candidate], candidate)
                if best is None or key < best:
                    best = key
            if best is not None:
                self.fix[word] = best[2]

    def __call__(self, text: str) -> str:
        if not self.fix and not self.joins:
            return text
        tokens = text.split()
        out: list[str] = []
        i = 0
        while i < len(tokens):
            pair = (tokens[i], tokens[i + 1]) if i + 1 < len(tokens) else None
            if pair is not None and pair in self.joins:
                out.append(self.joins[pair])
                i += 2
            else:
                out.append(self.fix.get(tokens[i], tokens[i]))
                i += 1
        # a corrected word may complete a phrase of the spelling table ('berjalan dengan baik')
        return " ".join(_apply_spelling(out))


class _Clusters:
    """Union of wordings under the two constraints of the module docstring."""

    #: how many of a cluster's most used wordings speak for it when merging
    representatives = 4

    def __init__(
        self,
        texts: Sequence[str],
        satkers: Sequence[frozenset[str]],
        decide: Any,
    ) -> None:
        self.parent = list(range(len(texts)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
        self.by_satker: dict[int, dict[str, list[int]]] = {
            i: {s: [i] for s in satkers[i]} for i in range(len(texts))
        }
        self.size = [len(s) for s in satkers]
        self.total = list(self.size)
        self.top: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
        self.version = [0] * len(texts)
        self.refused: dict[tuple[int, int, int, int], Rule] = {}
        self.decide = decide

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _representatives(self, root: int) -> list[int]:
        # The wordings that carry the cluster: a wording one satker in a hundred uses
        # (often with a typo left in it) does not get to veto a merge.
        top, total = self.top[root], self.total[root]
        return [m for n, m in enumerate(top) if n == 0 or self.size[m] * 10 >= total]

    def try_union(self, i: int, j: int) -> Rule | None:
        """Join the clusters of wordings ``i`` and ``j``; the refusing rule, if any."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        if ri > rj:
            ri, rj = rj, ri
        # Many links can join the same two clusters; a refusal holds until one changes.
        key = (ri, self.version[ri], rj, self.version[rj])
        if key in self.refused:
            return self.refused[key]
        rule = self._refusal(ri, rj)
        if rule is not None:
            self.refused[key] = rule
            return rule
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.version[ri] += 1
        self.members[ri].extend(self.members.pop(rj))
        merged = self.by_satker[ri]
        for satker, forms in self.by_satker.pop(rj).items():
            merged.setdefault(satker, []).extend(forms)
        ranked = sorted({*self.top[ri], *self.top.pop(rj)}, key=lambda m: (-self.size[m], m))
        self.top[ri] = ranked[: self.representatives]
        self.total[ri] += self.total[rj]
        return None

    def _refusal(self, ri: int, rj: int) -> Rule | None:
        si, sj = self.by_satker[ri], self.by_satker[rj]
        small, large = (si, sj) if len(si) <= len(sj) else (sj, si)
        for satker, forms in small.items():
            others = large.get(satker)
            if others and not all(self.decide(f, g).linked for f in forms for g in others):
                return "one_per_satker"
        for f in self._representatives(ri):
            for g in self._representatives(rj):
                if self.decide(f, g).decisive:
                    return "conflicts_with_cluster"
        return None


def link_indicators(
    mentions: Iterable[MentionLike],
    *,
    rules: MatchingRules | None = None,
) -> LinkResult:
    """Cluster indicator mentions that measure the same thing across satker.

    ``mentions`` are :class:`Mention` objects or ``(satker, text)`` pairs. The result's
    ``labels`` give one cluster id per mention in input order; its ``clusters``, ``links``
    and ``near_misses`` explain the decision. The outcome does not depend on the order of
    the mentions.

    >>> r = link_indicators([
    ...     ("KPU Provinsi Maluku", "Persentase sarana transportasi yang berfungsi dengan baik"),
    ...     ("KPU Kota Kupang", "Presentase sarana transportasi yang berjalan dengan baik"),
    ...     ("KPU Kota Kupang", "Persentase fasilitas perkantoran yang berfungsi dengan baik"),
    ... ])
    >>> r.labels
    (1, 1, 0)
    >>> r.explain(0, 2).rule
    'replaced'
    """
    rules = rules or MatchingRules()
    items = tuple(_as_mention(m) for m in mentions)
    keys = [normalize_indicator(m.text, satker=m.satker) for m in items]

    # Spelling learned from the corpus, counted once per satker and wording.
    satker_forms = sorted({(m.satker, k) for m, k in zip(items, keys, strict=True)})
    corrector = _Corrector([key.split() for _satker, key in satker_forms])
    match_keys = [corrector(k) for k in keys]

    texts = sorted(set(match_keys))
    index = {t: n for n, t in enumerate(texts)}
    wordings = [_read_wording(t) for t in texts]
    satkers_of: list[set[str]] = [set() for _ in texts]
    mentions_of: list[list[int]] = [[] for _ in texts]
    for position, (mention, key) in enumerate(zip(items, match_keys, strict=True)):
        satkers_of[index[key]].add(mention.satker)
        mentions_of[index[key]].append(position)
    weights = _Weights(
        wordings[index[key]].content
        for _satker, key in sorted({(m.satker, k) for m, k in zip(items, match_keys, strict=True)})
    )

    @functools.cache
    def decide(i: int, j: int) -> Link:
        if i > j:
            return decide(j, i).swapped()
        return _compare(wordings[i], wordings[j], weights, rules)

    candidates = _candidate_pairs(wordings)
    verdicts = [decide(i, j) for i, j in candidates]

    frozen_satkers = [frozenset(s) for s in satkers_of]

    def tier(i: int, j: int) -> int:
        # Links between satker first: a satker's own second wording joins a cluster only
        # after the other satker have had their say.
        alone = len(frozen_satkers[i]) == 1 and frozen_satkers[i] == frozen_satkers[j]
        return 1 if alone else 0

    linked_pairs = [(i, j) for (i, j), v in zip(candidates, verdicts, strict=True) if v.linked]
    ambiguous = _ambiguous(linked_pairs, [len(s) for s in frozen_satkers], decide)
    order = sorted(
        (tier(i, j), -decide(i, j).score, texts[i], texts[j], i, j) for i, j in linked_pairs
    )
    clusters = _Clusters(texts, frozen_satkers, decide)
    links: list[Link] = []
    near: list[Link] = []
    weakest: dict[int, float] = {}
    for _tier, _score, _a, _b, i, j in order:
        link = decide(i, j)
        if i in ambiguous or j in ambiguous:
            near.append(link.with_rule("ambiguous"))
            continue
        refused = clusters.try_union(i, j)
        if refused is None:
            if clusters.find(i) == clusters.find(j):
                links.append(link)
        else:
            near.append(link.with_rule(refused))
    for v in verdicts:
        # a candidate kept apart by a decisive word is a near miss whatever its score
        if not v.linked and (v.decisive or v.score >= rules.near_miss):
            near.append(v)
    for link in links:
        root = clusters.find(index[link.left])
        weakest[root] = min(weakest.get(root, 1.0), link.score)

    # Clusters numbered by their canonical wording, so ids do not depend on input order.
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(texts)):
        groups[clusters.find(n)].append(n)
    display: dict[int, str] = {}
    for root, forms in groups.items():
        # the wording most satker use, as normalised (before the corpus spelling)
        users: dict[str, set[str]] = defaultdict(set)
        for form in forms:
            for position in mentions_of[form]:
                users[keys[position]].add(items[position].satker)
        display[root] = min(users, key=lambda t: (-len(users[t]), len(t), t))
    roots = sorted(groups, key=lambda r: (display[r], min(texts[f] for f in groups[r])))
    number = {root: n for n, root in enumerate(roots)}
    labels = tuple(number[clusters.find(index[k])] for k in match_keys)
    built: list[Cluster] = []
    for root in roots:
        forms = groups[root]
        members = tuple(sorted(p for f in forms for p in mentions_of[f]))
        built.append(
            Cluster(
                id=number[root],
                canonical=display[root],
                members=members,
                satkers=tuple(sorted({items[p].satker for p in members})),
                texts=tuple(sorted({keys[p] for p in members})),
                confidence=round(weakest.get(root, 1.0), 4),
            )
        )
    near.sort(key=lambda v: (-v.score, v.left, v.right))
    links.sort(key=lambda v: (v.left, v.right))
    return LinkResult(
        mentions=items,
        labels=labels,
        clusters=tuple(built),
        links=tuple(links),
        near_misses=tuple(near),
        rules=rules,
    )


def _ambiguous(
    linked: Sequence[tuple[int, int]], size: Sequence[int], decide: Any, *, anchors: int = 8
) -> frozenset[int]:
    """Wordings that link to two indicators a decisive word apart.

    A short wording can be contained in two longer ones that are different indicators
    (``informasi … ditampilkan di media publikasi`` in both ``penyampaian informasi …``
    and ``informasi … paling lambat 1 hari kerja``). Nothing in its words says which one
    it is, so it is kept apart from both rather than guessed. Only neighbours used by
    at least as many satker are weighed (up to ``anchors`` of them): a wording is not
    made ambiguous by the typo variants around it.
    """
    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in linked:
        if decide(i, j).rule == "identical":
            continue
        neighbours[i].append(j)
        neighbours[j].append(i)
    out: set[int] = set()
    for form, others in neighbours.items():
        strong = sorted(
            (o for o in others if size[o] >= size[form]),
            key=lambda o: (-size[o], -decide(form, o).score, o),
        )[:anchors]
        if any(decide(g, h).decisive for g, h in itertools.combinations(sorted(strong), 2)):
            out.add(form)
    return frozenset(out)


def _index_terms(word: str) -> frozenset[str]:
    return frozenset({word, *(r for r in _roots(word) if len(r) >= 5)})


def _candidate_pairs(
    wordings: Sequence[_Wording], *, per_wording: int = 4
) -> list[tuple[int, int]]:
    """Pairs of wordings worth comparing: those that share one of their rarest words.

    An inverted index keeps a national corpus from being compared pair by pair. Each
    word is indexed with its roots, so ``mendistribusikan`` finds ``didistribusikan``;
    each wording looks up only its rarest words, since a link allows only a few
    differing words and the rare words are the ones two wordings of one indicator share.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for n, wording in enumerate(wordings):
        for term in set().union(*(_index_terms(w) for w in wording.words)):
            postings[term].append(n)
    frequency: Counter[str] = Counter(w for wording in wordings for w in wording.words)
    pairs: set[tuple[int, int]] = set()
    for n, wording in enumerate(wordings):
        rarest = sorted(wording.words, key=lambda w: (frequency[w], w))[:per_wording]
        for word in rarest:
            for term in _index_terms(word):
                for other in postings[term]:
                    if other != n:
                        pairs.add((min(n, other), max(n, other)))
    return sorted(pairs)


# -- catalog -------------------------------------------------------------------------------------


@attrs.frozen
class CatalogEntry:
    """One known indicator: its ``id``, its ``text`` and other wordings (``aliases``)."""

    id: str
    text: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class CatalogMatch:
    """The entry a text matched, with the :class:`Link` that explains it."""

    entry: CatalogEntry
    link: Link

    @property
    def score(self) -> float:
        """The similarity of the best-matching wording of the entry."""
        return self.link.score


class IndicatorCatalog:
    """Known indicators to match new wordings against.

    Build one from a :class:`LinkResult` (:meth:`from_result`), from entries, or from a
    CSV (columns ``id,text`` and optionally ``aliases`` separated by ``|``) or JSON file
    (a list of objects with ``id``, ``text`` and optionally ``aliases``) with
    :meth:`load`. :meth:`match` gives the best entry with its explanation, or ``None``.
    """

    def __init__(self, entries: Iterable[CatalogEntry], *, rules: MatchingRules | None = None):
        self.entries: tuple[CatalogEntry, ...] = tuple(entries)
        self.rules = rules or MatchingRules()
        ids = [e.id for e in self.entries]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise SchemaError(f"catalog ids must be unique; repeated: {', '.join(duplicated)}")
        self._forms: list[tuple[int, _Wording]] = []
        for n, entry in enumerate(self.entries):
            seen: set[str] = set()
            for written in (entry.text, *entry.aliases):
                key = normalize_indicator(written)
                if key not in seen:
                    seen.add(key)
                    self._forms.append((n, _read_wording(key)))
        self._weights = _Weights(w.content for _, w in self._forms)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for f, (_n, wording) in enumerate(self._forms):
            for term in set().union(*(_index_terms(w) for w in wording.words)):
                self._postings[term].append(f)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"IndicatorCatalog(<{len(self.entries)} entries>)"

    @classmethod
    def from_result(cls, result: LinkResult) -> IndicatorCatalog:
        """One entry per cluster: id ``C<id>``, the canonical wording, and the other
        wordings of the cluster's mentions as aliases."""
        entries = []
        for cluster in result.clusters:
            originals = sorted({result.mentions[p].text for p in cluster.members})
            entries.append(
                CatalogEntry(id=f"C{cluster.id}", text=originals[0], aliases=tuple(originals[1:]))
            )
        return cls(entries, rules=result.rules)

    @classmethod
    def load(cls, path: str | Path) -> IndicatorCatalog:
        """Read a catalog from a ``.csv`` or ``.json`` file; :class:`SchemaError` when
        the file does not have the expected columns or keys."""
        path = Path(path)
        text = path.read_text(encoding="utf-8-sig")
        records: list[Mapping[str, Any]]
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{path}: not JSON: {exc}") from exc
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise SchemaError(f"{path}: a catalog is a JSON list of objects")
            records = data
        else:
            reader = csv.DictReader(io.StringIO(text))
            records = list(reader)
            records = [{**r, "aliases": (r.get("aliases") or "").split("|")} for r in records]
        entries = []
        for n, record in enumerate(records, start=1):
            ident, wording = record.get("id"), record.get("text") or record.get("indicator")
            if not ident or not wording:
                raise SchemaError(f"{path}: entry {n} needs an 'id' and a 'text'")
            aliases = record.get("aliases") or []
            if not isinstance(aliases, list):
                raise SchemaError(f"{path}: entry {n}: 'aliases' must be a list")
            entries.append(
                CatalogEntry(
                    id=str(ident),
                    text=str(wording),
                    aliases=tuple(str(a) for a in aliases if a),
                )
            )
        return cls(entries)

    def save(self, path: str | Path) -> None:
        """Write the catalog as ``.json`` or ``.csv`` (by the file's suffix)."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            data = [{"id": e.id, "text": e.text, "aliases": list(e.aliases)} for e in self]
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
            return
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "text", "aliases"])
            for e in self:
                writer.writerow([e.id, e.text, "|".join(e.aliases)])

    def match(self, text: str, *, satker: str | None = None) -> CatalogMatch | None:
        """The entry whose wording links best with ``text``, or ``None``."""
        query = _read_wording(normalize_indicator(text, satker=satker))
        seen: set[int] = set()
        for word in query.words:
            for term in _index_terms(word):
                seen.update(self._postings.get(term, ()))
        if not query.content:
            seen.update(f for f, (_n, w) in enumerate(self._forms) if not w.content)
        best: tuple[float, str, CatalogMatch] | None = None
        for f in sorted(seen):
            n, wording = self._forms[f]
            link = _compare(query, wording, self._weights, self.rules)
            if not link.linked:
                continue
            key = (-link.score, self.entries[n].id)
            if best is None or key < (best[0], best[1]):
                best = (-link.score, self.entries[n].id, CatalogMatch(self.entries[n], link))
        return best[2] if best else None
