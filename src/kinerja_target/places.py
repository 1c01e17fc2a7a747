"""The gazetteer of Indonesia's regions and the grammar of KPU satker names.

KPU has one satker per region: KPU RI (with its Sekretariat Jenderal), a KPU Provinsi for
each of the 38 provinces and a KPU Kabupaten or KPU Kota for each of the 514 kabupaten and
kota (in Aceh the commission is the KIP, *Komisi Independen Pemilihan*). Documents name
them in many ways: ``KPU Kabupaten Bantul``, ``Komisi Pemilihan Umum Kota Ambon``,
``Sekretariat KPU Prov. Maluku``, ``KPU Kab/Kota``, ``se-Maluku``, with typos
(``Kabupten``, ``Karimmun``) and converter stutters (``Provinsi insi``).

The region names are one data file, ``data/wilayah.csv`` (its source is in
``data/README.md``), read once: :func:`gazetteer`. One grammar reads a mention of the
commission over folded words, ``[Sekretariat [Jenderal]] [KPU|KIP|Komisi Pemilihan Umum]
[RI] [level [/level]…] [place]``, with typos in level words (``Kabupten``) and places
(``Karimmun``); two readers use it:

* the document reader names the unit a heading speaks of, in title case:
  :func:`unit_in` (``"RENCANA KINERJA KPU KABUPATEN BANTUL"`` → ``"KPU Kabupaten
  Bantul"``), with :func:`place_name`, :func:`title_case`, :func:`destutter`,
  :func:`satker_of` and :func:`mention_start`. A unit needs the head ``KPU`` and one
  level (or ``RI``): ``KPU`` alone, or ``KPU Kabupaten/Kota``, names no unit;
* the indicator matcher finds where a satker is named inside an indicator's words, to
  mask it (:func:`satker_end`, :func:`satker_starts`, :func:`own_names`): any mention
  counts, and also ``se-<place>``, a bare province and ``satker``/``satuan kerja``.

>>> unit_in("LAPORAN KINERJA SEKRETARIAT KPU PROVINSI MALUKU TAHUN 2023")
'Sekretariat KPU Provinsi Maluku'
>>> satker_of("Sekretariat KPU Provinsi Maluku")
'KPU Provinsi Maluku'
>>> words = plain_words("persentase kpu kabupten karimmun yang")
>>> words[satker_end(words, 1):]
('yang',)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import attrs

from . import _data
from .folding import fold_accents, plain_words
from .typos import is_typo

__all__ = [
    "HEADS",
    "KPU_RI",
    "LEVEL_WORDS",
    "SECRETARIAT_WORDS",
    "SETJEN",
    "Place",
    "destutter",
    "gazetteer",
    "is_level",
    "match_place",
    "mention_start",
    "own_names",
    "place_name",
    "satker_end",
    "satker_of",
    "satker_starts",
    "title_case",
    "unit_in",
]

# -- the gazetteer ----------------------------------------------------------------------------


@attrs.frozen
class Place:
    """A province, kabupaten or kota: its ``level``, official ``name``, the ``province``
    it lies in, and other names it is written under (``aliases``: ``Sumut``,
    ``Bau-Bau``)."""

    level: str
    name: str
    province: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The official name, then the aliases."""
        return (self.name, *self.aliases)


@functools.cache
def gazetteer() -> tuple[Place, ...]:
    """Every region of ``data/wilayah.csv``, in the file's order (provinces first)."""
    return tuple(
        Place(
            level=row["level"],
            name=row["name"],
            province=row["province"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in _data.rows("wilayah.csv")
    )


@attrs.frozen
class _Index:
    # folded words of every name and alias, of any level, and of provinces alone
    names: frozenset[tuple[str, ...]]
    provinces: frozenset[tuple[str, ...]]
    longest: int
    # per level, (words as a heading spells them, official name), longest first
    by_level: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    # folded words of a name or alias -> the (level, official name) of each place so named
    official: dict[tuple[str, ...], tuple[tuple[str, str], ...]]


@functools.cache
def _index() -> _Index:
    names: set[tuple[str, ...]] = set()
    provinces: set[tuple[str, ...]] = set()
    by_level: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    official: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for place in gazetteer():
        for name in place.names:
            words = plain_words(name)
            names.add(words)
            official.setdefault(words, []).append((place.level, place.name))
            if place.level == "provinsi":
                provinces.add(words)
            # A heading keeps a name's hyphen ('Muko-Muko'): compared word by word as
            # written, lower case.
            by_level.setdefault(place.level, []).append((tuple(name.lower().split()), place.name))
    return _Index(
        names=frozenset(names),
        provinces=frozenset(provinces),
        longest=max(len(n) for n in names),
        by_level={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in by_level.items()},
        official={k: tuple(v) for k, v in official.items()},
    )


# -- the words of a satker name -----------------------------------------------------------------

#: Level words, with their abbreviations and common misspellings, and the level each names.
LEVEL_WORDS: Final[dict[str, str]] = {
    "provinsi": "provinsi",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kabupten": "kabupaten",
    "kota": "kota",
    "kotamadya": "kota",
    "kotamadia": "kota",
}
#: Words that open a secretariat (``Sekretariat KPU …``, ``Setjen KPU``), typos included.
SECRETARIAT_WORDS: Final = frozenset(["sekretariat", "sekertariat", "sekretarit", "set", "setjen"])
#: The commission itself: KPU, or KIP in Aceh.
HEADS: Final = (
    ("komisi", "pemilihan", "umum"),
    ("komisi", "independen", "pemilihan"),
    ("kpu",),
    ("kip",),
)
_HEAD_STARTS: Final = frozenset(h[0] for h in HEADS)
_SATKER_WORDS: Final = (("satker",), ("satuan", "kerja"))
_PUNCTUATION: Final = frozenset({"/", ",", "&"})

#: The unit of the commission's secretariat at the centre, and its satker.
SETJEN: Final = "Sekretariat Jenderal KPU"
KPU_RI: Final = "KPU RI"


@functools.lru_cache(maxsize=4096)
def is_level(word: str) -> bool:
    """A level word, or a typo of one (``povinsi``, ``kabuptaen``); ``word`` in lower case."""
    if word in LEVEL_WORDS:
        return True
    return len(word) >= 6 and any(is_typo(word, level) for level in ("provinsi", "kabupaten"))


@functools.cache
def satker_starts() -> frozenset[str]:
    """Every word that can open a satker mention (the matcher's fast path)."""
    return frozenset(
        {p[0] for p in _index().provinces}
        | set(LEVEL_WORDS)
        | SECRETARIAT_WORDS
        | {h[0] for h in HEADS}
        | {w[0] for w in _SATKER_WORDS}
        | {"se"}
    )


@functools.lru_cache(maxsize=4096)
def _places_like(word: str) -> tuple[tuple[str, ...], ...]:
    """Place names whose first word is ``word`` give or take a typo."""
    return tuple(
        name for name in sorted(_index().names) if name[0] == word or is_typo(word, name[0])
    )


def match_place(
    words: Sequence[str],
    i: int,
    *,
    provinces_only: bool = False,
    fuzzy: bool = False,
    known: frozenset[str] = frozenset(),
) -> int:
    """The end of the longest place name starting at ``words[i]`` (folded words), or ``i``.

    With ``fuzzy`` (where a place name is expected: after a level word or ``KPU``) a name
    may carry a typo in each word (``Kabupaten Karimmun``), unless its first word is one
    of the ``known`` words, which are spelt right and so are no mistyped place.
    """
    index = _index()
    names = index.provinces if provinces_only else index.names
    for size in range(min(index.longest, len(words) - i), 0, -1):
        if tuple(words[i : i + size]) in names:
            return i + size
    if fuzzy and i < len(words) and len(words[i]) >= 5 and words[i] not in known:
        best = i
        for name in _places_like(words[i]):
            size = len(name)
            found = words[i : i + size]
            if len(found) == size and all(
                w == n or is_typo(w, n) for w, n in zip(found, name, strict=True)
            ):
                best = max(best, i + size)
        return best
    return i


def _match_words(words: Sequence[str], i: int, options: Iterable[tuple[str, ...]]) -> int:
    for option in options:
        if tuple(words[i : i + len(option)]) == option:
            return i + len(option)
    return i


def satker_end(
    words: Sequence[str],
    i: int,
    own: tuple[tuple[str, ...], ...] = (),
    *,
    known: frozenset[str] = frozenset(),
) -> int:
    """The end of a satker mention starting at ``words[i]``, or ``i`` when none starts there.

    ``words`` are folded words (:func:`plain_words`, with ``/``, ``,`` and ``&`` kept as
    words of their own). A mention is ``[Sekretariat [Jenderal]] [KPU|KIP|Komisi
    Pemilihan Umum] [RI] [level [/level]…] [place]`` with at least a head, a level or a
    place; ``se-<place>``; a bare province; ``satker``/``satuan kerja``; or one of the
    ``own`` names (:func:`own_names`) of the satker that wrote the text. The place names
    that follow are part of it (``satker Lhokseumawe``, ``KPU Ambon Ambon``). ``known``
    words are never read as mistyped places.
    """
    end = _satker_end_once(words, i, own, known)
    if end == i:
        return i
    while end < len(words):
        # punctuation is no word: 'KPU / Kupang' reads as 'KPU Kupang' does
        start = end
        while start < len(words) and words[start] in _PUNCTUATION:
            start += 1
        after = match_place(words, start, fuzzy=True, known=known)
        if after == start:
            break
        end = after
    return end


@attrs.frozen
class _Org:
    """A mention of the commission at ``words[start:end]``: ``[Sekretariat [Jenderal]]
    [head] [RI] [level [/level]…]``, with a head or a level; the place that may follow is
    not part of it."""

    start: int
    end: int
    secretariat: bool
    jenderal: bool  # 'Sekretariat Jenderal …', 'Setjen …': the secretariat at the centre
    head: tuple[str, ...]  # 'kpu', 'komisi pemilihan umum', 'kip'…, or () when left out
    ri: bool  # 'RI', 'Republik Indonesia', 'Pusat'
    levels: tuple[str, ...]  # the levels named, in order ('kabupaten', 'kota')


def _level_of(word: str) -> str:
    found = LEVEL_WORDS.get(word)
    if found is not None:
        return found
    return "provinsi" if is_typo(word, "provinsi") else "kabupaten"


def _org_at(low: Sequence[str], i: int) -> _Org | None:
    start = i
    secretariat = jenderal = False
    if low[i] in SECRETARIAT_WORDS:
        after = i + 1
        jenderal = low[i] == "setjen"
        if after < len(low) and low[after] == "jenderal":
            after += 1
            jenderal = True
        if after < len(low) and (is_level(low[after]) or _match_words(low, after, HEADS) > after):
            i, secretariat = after, True
        else:
            return None
    head_end = _match_words(low, i, HEADS)
    head = tuple(low[i:head_end])
    i = head_end
    ri = False
    if head and i < len(low) and low[i] in {"ri", "pusat"}:
        i, ri = i + 1, True
    if head and tuple(low[i : i + 2]) == ("republik", "indonesia"):
        i, ri = i + 2, True
    levels: list[str] = []
    if i < len(low) and is_level(low[i]):
        levels.append(_level_of(low[i]))
        i += 1
        # 'Kabupaten/Kota' and 'Provinsi/Kabupaten/Kota' name levels, not places
        while i + 1 < len(low) and low[i] in {"/", "dan"} and is_level(low[i + 1]):
            levels.append(_level_of(low[i + 1]))
            i += 2
    if not head and not levels:
        return None
    return _Org(start, i, secretariat, jenderal, head, ri, tuple(levels))


def _satker_end_once(
    low: Sequence[str], i: int, own: tuple[tuple[str, ...], ...], known: frozenset[str]
) -> int:
    j = _match_words(low, i, own)
    if j > i:
        return j
    j = _match_words(low, i, _SATKER_WORDS)
    if j > i:
        return j
    if low[i] in SECRETARIAT_WORDS or low[i] in _HEAD_STARTS or is_level(low[i]):
        org = _org_at(low, i)
        if org is not None:
            return match_place(low, org.end, fuzzy=True, known=known)  # 'KPU Sleman'
        if low[i] in SECRETARIAT_WORDS:
            return i
    if low[i] == "se" and i + 1 < len(low):
        end = match_place(low, i + 1)
        if end == i + 1 and is_level(low[i + 1]):
            end = i + 2
        return end if end > i + 1 else i
    end = match_place(low, i, provinces_only=True)
    return end if end > i else i


@functools.lru_cache(maxsize=4096)
def own_names(satker: str | None) -> tuple[tuple[str, ...], ...]:
    """The folded names a satker goes by in its own texts, longest first: its whole
    name and its bare place (``KPU Kota Ambon`` → ``kpu kota ambon``, ``ambon``)."""
    if not satker:
        return ()
    words = plain_words(satker)
    skip = set(LEVEL_WORDS) | SECRETARIAT_WORDS | {"kpu", "kip", "komisi", "pemilihan", "umum"}
    bare = tuple(t for t in words if t not in skip)
    names = {words}
    if bare:
        names.add(bare)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


# -- the unit a heading names -----------------------------------------------------------------

# The heads that name a unit of a heading: KPU (in Aceh's KIP documents too, the unit is
# named after KPU's structure, so KIP is left to the indicator mask).
_UNIT_HEADS: Final = frozenset({("kpu",), ("komisi", "pemilihan", "umum")})
_SPAN: Final = re.compile(r"[^\W_]+|/")
# A mention right after one of these is a person's office (a signature), not a heading.
_OFFICE_BEFORE: Final = re.compile(
    r"\b(ketua|sekretaris(\s+jenderal)?|anggota|kepala|kabag|kasubbag|plt|plh|selaku)\W*$", re.I
)
# Words after a place that are no longer its name ('KPU Kota Ambon Tahun 2024').
_NAME_STOP: Final = frozenset(
    {"tahun", "alamat", "nama", "jalan", "jl", "telp", "email", "periode"}
)
_SMALL_WORDS: Final = frozenset({"dan", "atau", "di", "ke", "dari", "yang", "untuk", "serta", "se"})
_ACRONYMS: Final = frozenset(
    {"KPU", "RI", "SDM", "DPR", "DPD", "DPRD", "BMN", "TI", "PPID", "SPIP", "TPS", "PAW"}
)


def destutter(text: str) -> str:
    """Drop a word that repeats the end of the word before it, as a converter stutters
    (``Provinsi insi`` → ``Provinsi``); white space folded.

    >>> destutter("KPU Provinsi insi Maluku")
    'KPU Provinsi Maluku'
    """
    kept: list[str] = []
    for word in text.split():
        # against the word kept before it: "Provinsi insi insi" stutters twice
        before = kept[-1].lower() if kept else ""
        if len(word) >= 3 and word.islower() and before.endswith(word) and before != word:
            continue
        kept.append(word)
    return " ".join(kept)


def _orgs(text: str) -> Iterator[tuple[int, int, _Org]]:
    """(where it starts, where it ends in ``text``, the mention) for each mention of the
    commission with a unit head (``KPU``, ``Komisi Pemilihan Umum``), left to right."""
    spans = [m.span() for m in _SPAN.finditer(text)]
    low = [fold_accents(text[a:b]).lower() for a, b in spans]
    i = 0
    while i < len(low):
        opens = low[i] in SECRETARIAT_WORDS or low[i] in _HEAD_STARTS
        org = _org_at(low, i) if opens else None
        if org is None or org.head not in _UNIT_HEADS:
            i += 1
            continue
        yield spans[org.start][0], spans[org.end - 1][1], org
        i = org.end


def unit_in(text: str) -> str | None:
    """The last organisation unit named in ``text`` outside a signature, in title case:
    ``KPU RI``, ``Sekretariat Jenderal KPU``, ``[Sekretariat] KPU <Level> <Place>``.

    The satker grammar reads it: level words and places may carry a typo (``KPU Kabupten
    Karimmun`` is ``KPU Kabupaten Karimun``), a converter's stutter is dropped; ``KPU``
    alone, or with several levels (``KPU Kabupaten/Kota``), names no unit.

    >>> unit_in("PERJANJIAN KINERJA KOMISI PEMILIHAN UMUM KAB. SLEMAN")
    'KPU Kabupaten Sleman'
    >>> unit_in("Ketua KPU Kota Ambon") is None
    True
    """
    text = destutter(text)
    found: str | None = None
    for start, end, org in _orgs(text):
        if _OFFICE_BEFORE.search(text[:start].rstrip(" ,:;")):
            continue
        if org.jenderal or (org.ri and org.secretariat):
            # The secretariat of KPU RI is the Sekretariat Jenderal, named with or
            # without "RI" (SEKRETARIAT JENDERAL KOMISI PEMILIHAN UMUM).
            found = SETJEN
        elif org.ri:
            found = KPU_RI
        elif len(org.levels) == 1:
            level = org.levels[0]
            name = place_name(level, text[end:].removeprefix("."))
            if name is not None:
                prefix = "Sekretariat KPU" if org.secretariat else "KPU"
                found = f"{prefix} {level.capitalize()} {name}"
    return found


def mention_start(text: str) -> int | None:
    """Where the first mention of the commission (``KPU …``, ``Sekretariat Komisi
    Pemilihan Umum …``) starts in ``text``, or ``None``: what stands before it is an
    office (``Kepala Bagian Keuangan Sekretariat KPU …``)."""
    return next((start for start, _end, _org in _orgs(text)), None)


def place_name(level: str, rest: str) -> str | None:
    """The place that opens ``rest``, after a word of ``level``: its official name when
    the gazetteer knows it (a name of the same level first; then a name with a typo in a
    word, ``Karimmun``), else up to four capitalised words in title case; ``None`` when
    ``rest`` opens with no name.

    >>> place_name("kota", "BAU-BAU TAHUN 2024"), place_name("kabupaten", "Nusantara Baru 2030")
    ('Baubau', 'Nusantara Baru')
    """
    words = [w.strip(".,;:()*") for w in rest.split()]
    low = [w.lower() for w in words]
    levels = ("kota", "kabupaten") if level != "provinsi" else ("provinsi",)
    by_level = _index().by_level
    for key in (level, *levels):
        for tokens, name in by_level.get(key, ()):
            if tuple(low[: len(tokens)]) == tokens:
                return name
    mistyped = _mistyped_place(plain_words(rest), (level, *levels))
    if mistyped is not None:
        return mistyped
    taken: list[str] = []
    for word in words[:4]:
        if not word[:1].isupper() or word.lower() in _NAME_STOP or word.isdigit():
            break
        taken.append(word)
    return title_case(" ".join(taken)) if taken else None


def _mistyped_place(words: Sequence[str], levels: Sequence[str]) -> str | None:
    """The official name of the place ``words`` open with, one typo a word allowed
    (``Karimmun``), the longest name first and a name of ``levels`` before the others."""
    end = match_place(words, 0, fuzzy=True)
    if end == 0:
        return None
    official = _index().official
    for size in range(end, 0, -1):
        for name in _places_like(words[0]):
            if len(name) != size or not all(
                w == n or is_typo(w, n) for w, n in zip(words[:size], name, strict=True)
            ):
                continue
            places = sorted(official[name], key=lambda p: (p[0] not in levels, p))
            return places[0][1]
    return None


def title_case(text: str) -> str:
    """``BAGIAN KEUANGAN DAN SDM`` → ``Bagian Keuangan dan SDM``; mixed case is kept.

    >>> title_case("SEKRETARIAT KPU KOTA AMBON"), title_case("KPU Kota Ambon")
    ('Sekretariat KPU Kota Ambon', 'KPU Kota Ambon')
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    out = []
    for i, word in enumerate(text.split()):
        bare = word.strip(",.;:()")
        if bare in _ACRONYMS:
            out.append(word)
        elif i and bare.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word.capitalize())
    return " ".join(out)


def satker_of(unit: str | None) -> str | None:
    """The satker a unit belongs to: its secretariat's commission, a sub-unit's satker
    (``Sekretariat KPU Kota Ambon / Sub Bagian Keuangan`` → ``KPU Kota Ambon``), and
    ``KPU RI`` for the Sekretariat Jenderal.

    >>> satker_of("Sekretariat Jenderal KPU"), satker_of(None)
    ('KPU RI', None)
    """
    if unit is None:
        return None
    head = unit.split(" / ")[0]
    if head == SETJEN:
        return KPU_RI
    return head.removeprefix("Sekretariat ").strip() or None
