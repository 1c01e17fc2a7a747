"""Headers: a column's role from its header text (``data/tables_columns.csv``), headers over
several lines, header blocks (column paths, periods) and where they begin, years in
headers, column-number rows.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from collections.abc import Iterator, Mapping, Sequence

import attrs

from .. import _data
from ..containers.grid import Line
from ..folding import strip_tags
from .cells import _SEPARATOR_CELL, _target_shaped

# Words a flattened header line may hold besides the column names.
_HEADER_FILLERS = frozenset({"kinerja", "strategis", "utama", "kerja", "program", "tahun", "%"})


@functools.cache
def _column_phrases() -> tuple[tuple[str, str], ...]:
    """``(phrase, role)`` pairs of ``data/tables_columns.csv``, longest phrase first."""
    pairs = {(_header_text(r["phrase"]), r["role"]) for r in _data.rows("tables_columns.csv")}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


_HEADER_JUNK = re.compile(r"[^\w/%]+")


def _header_text(cell: str) -> str:
    return " ".join(_HEADER_JUNK.sub(" ", strip_tags(cell).lower()).split())


#: Header texts a caller names for a role (``--indikator Uraian``), folded: they win
#: over the vocabulary while one document is read.
_OVERRIDES: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "column_overrides", default=None
)


@contextlib.contextmanager
def column_overrides(columns: Mapping[str, str] | None) -> Iterator[None]:
    """Within the block, a header cell reading as ``columns[role]`` has that role."""
    if not columns:
        yield
        return
    folded = {_header_text(text): role for role, text in columns.items() if text}
    token = _OVERRIDES.set(folded)
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def _column_role(cell: str) -> str | None:
    """The role of a header cell: the longest phrase it begins with; failing that, the
    first of its ``/`` alternatives that has one (``Penjelasan/Formulasi``)."""
    text = _header_text(cell)
    if not text:
        return None
    overrides = _OVERRIDES.get()
    if overrides and text in overrides:
        return overrides[text]
    role = _role_of_text(text)
    if role is None and "/" in text:
        for part in text.split("/"):
            role = _role_of_text(part.strip())
            if role is not None:
                break
    return role


def _role_of_text(text: str) -> str | None:
    """The role of the longest phrase that ``text`` begins with (whole words)."""
    by_phrase, longest = _phrase_roles()
    words = text.split(" ", longest)
    for size in range(min(len(words), longest), 0, -1):
        role = by_phrase.get(" ".join(words[:size]))
        if role is not None:
            return role
    return None


@functools.cache
def _indicator_words() -> tuple[str, ...]:
    """The first words of the indicator column's phrases (``indikator``, ``iku``)."""
    words = {p.split()[0].split("/")[0] for p, role in _column_phrases() if role == "indicator"}
    return tuple(sorted(words))


@functools.cache
def _phrase_roles() -> tuple[dict[str, str], int]:
    """Each phrase's role (the first listed, as the longest-first scan had it), and the
    number of words of the longest phrase."""
    by_phrase: dict[str, str] = {}
    for phrase, role in _column_phrases():
        by_phrase.setdefault(phrase, role)
    return by_phrase, max(p.count(" ") + 1 for p in by_phrase)


_YEAR_IN_HEADER = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


_BARE_YEAR = re.compile(r"^\W*(?:tahun\s+)?((?:19|20)\d\d)\W*$", re.I)


_YEAR_TARGET_WORDS = frozenset({"target", "tahun", "th", "ta", "kinerja", "capaian"})


# The roles a column takes from a header cell spanning several header lines, most
# telling first: "Tahun 2023" over "Target" is a target column of 2023.
_VALUE_FIRST = ("target", "realisasi", "capaian")


@functools.cache
def _header_words() -> frozenset[str]:
    """Every word a header line may hold: the column phrases' words and the fillers."""
    words = {w for phrase, _ in _column_phrases() for w in re.split(r"[\s/]+", phrase)}
    return frozenset(words | _HEADER_FILLERS | _HEADER_EXTRAS)


# Words of header cells that name no column: "Kondisi Awal (2019)", "Capaian s.d. 2023
# terhadap Renstra", "Target Akhir Renstra".
_HEADER_EXTRAS = frozenset(
    {"awal", "akhir", "renstra", "s", "d", "sd", "terhadap", "thd", "tw", "triwulan", "dan"}
    | {"periode", "pada", "pd"}
)


def _header_like(cells: Sequence[str]) -> bool:
    """Whether every filled cell of a line is made of header words and years only: a part
    of a header written over two lines (``Strategis`` / ``Utama`` / ``Tahun 2025``)."""
    filled = [c for c in cells if c]
    if not filled:
        return False
    words = _header_words()
    for cell in filled:
        tokens = _header_text(cell).replace("/", " ").split()
        if not tokens or not all(t in words or _BARE_YEAR.match(t) for t in tokens):
            return False
    return True


@attrs.frozen
class _Header:
    """A header: the role and the year of each column, from one or more header lines;
    ``periods`` the part of a plan each column is for, where a header block names one
    (``2022``, ``Tahun-3``, ``TW I``, ``akhir``), and ``levels`` the indicator level an
    indicator column holds (``sasaran``, ``program``)."""

    roles: tuple[str | None, ...]
    years: tuple[int | None, ...]
    periods: tuple[str | None, ...] = ()
    levels: tuple[str | None, ...] = ()
    #: one past the rightmost column the header's labels name, once they sit right
    reach: int = 0


def _header(parts: Sequence[Sequence[str]]) -> _Header | None:
    """The header that the lines ``parts`` (top to bottom) make together, if they make one.

    Each column's texts are read together (``Sasaran`` + ``Strategis``) and one by one;
    a value role named on any line wins (``Tahun 2023`` over ``Target``), a year on any
    line is the column's year. A column holding only a year after a target column goes on
    the target (``Target`` spanning ``2020 | 2021 | ...``). Of two columns with one role,
    the second is ``other`` unless the years say which is meant (docs/decisions/0205).
    """
    openers = _indicator_words()
    if not any(w in c.lower() for p in parts for c in p if c for w in openers):
        return None  # no indicator column: most lines of a document, told cheaply
    width = max(len(p) for p in parts)
    roles: list[str | None] = []
    years: list[int | None] = []
    plain: list[bool] = []  # "Target 2024", "2024": a year's target and nothing more
    ends: list[bool] = []  # "Kondisi Akhir 2023": the end of the plan's period
    quarters: list[str | None] = []  # "Target TW II": the quarter a column is for
    recognised = filled = 0
    for i in range(width):
        texts = list(dict.fromkeys(p[i] for p in parts if i < len(p) and p[i]))
        role = _column_role(" ".join(texts)) if texts else None
        own = [role] if len(texts) == 1 else [r for r in map(_column_role, texts) if r]
        value = next((r for r in own if r in _VALUE_FIRST), None)
        if value is not None and role not in _VALUE_FIRST:
            role = value
        elif role is None and own:
            role = own[0]
        found = [int(m) for t in texts for m in _YEAR_IN_HEADER.findall(t)]
        year = found[0] if found else None
        bare_year = bool(texts) and all(_BARE_YEAR.match(t) for t in texts)
        if (
            role is None
            and bare_year
            and roles
            and ((roles[-1] == "target" and years[-1]) or roles[-1] == "baseline")
        ):
            # ``Target 2020 | 2021``, and ``Baseline 2024 | 2025 | ... | 2030``: years
            # after the plan's starting point are its targets (docs/decisions/0275)
            role = "target"
        words = " ".join(map(_header_text, texts)).split()
        filled += bool(texts)
        recognised += role is not None or bare_year
        roles.append(role)
        years.append(year)
        plain.append(
            bool(words) and all(w in _YEAR_TARGET_WORDS or _BARE_YEAR.match(w) for w in words)
        )
        ends.append(any(_PERIOD_END.search(t) for t in texts))
        quarters.append(_quarter_in(texts))
    seen = set(roles)
    if "indicator" not in seen or not seen & {"target", "realisasi"}:
        return None
    if recognised < max(2, (filled * 3 + 4) // 5):
        return None
    by_quarter = _by_quarter(roles, quarters)
    if by_quarter is not None:
        return _Header(by_quarter, tuple(years), tuple(quarters))
    resolved, periods = _resolve(roles, years, plain, ends)
    return _Header(resolved, tuple(years), periods)


# -- header blocks: several rows of a table's header, group labels over sub-columns ------

# A period a column of a plan is for, when it is not a calendar year: "Tahun-3",
# "Tahun ke-2", "TW I", "Triwulan IV", and the end of the plan's period.
_PLAN_YEAR = re.compile(
    r"^\W*(?:tahun|th|thn)\.?\s*(?:ke)?\s*[-–.]?\s*(\d{1,2}|(?-i:I{1,3}|IV|V|VI))\W*$", re.I
)
_QUARTER = re.compile(r"^\W*(?:tw|triwulan|trw)\.?\s*[-–.]?\s*(iv|i{1,3}|[1-4])\W*$", re.I)
_PERIOD_END = re.compile(r"\bakhir\b|\bend\b", re.I)
_QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}
# What an indicator column's header says of the level its indicators are at.
_LEVEL_WORDS = (
    ("sub kegiatan", "sub kegiatan"),
    ("kegiatan", "kegiatan"),
    ("program", "program"),
    ("sasaran", "sasaran"),
    ("tujuan", "tujuan"),
)


def _period_of(texts: Sequence[str], *, end_first: bool = False) -> str | None:
    """The period a column's header texts name: a year, a plan year, a quarter, the end
    of the plan's period; with ``end_first`` the end wins over the year written under it
    (``Kondisi Kinerja pada Akhir periode RPJMD`` / ``2021``)."""
    if end_first and any(_PERIOD_END.search(t) for t in texts):
        return "akhir"
    for text in texts:
        found = _YEAR_IN_HEADER.search(text)
        if found:
            return found.group(1)
    for text in texts:
        plan = _PLAN_YEAR.match(text)
        if plan:
            return " ".join(text.split())
        quarter = _QUARTER.match(text)
        if quarter:
            number = quarter.group(1).upper()
            return f"TW {_QUARTERS.get(number, number)}"
    if any(_PERIOD_END.search(t) for t in texts):
        return "akhir"
    return None


def _period_only(text: str) -> bool:
    """A label that names a period and nothing else (``2022``, ``Tahun 2012``,
    ``Tahun-3``, ``TW I``): in a header block it says when, never what, a column is."""
    return bool(_BARE_YEAR.match(text) or _PLAN_YEAR.match(text) or _QUARTER.match(text))


def _level_of(text: str) -> str | None:
    """The level an indicator column's header (or an indicator's own prefix) names."""
    low = _header_text(text)
    if low.startswith("indikator"):
        low = low[len("indikator") :]
    for words, level in _LEVEL_WORDS:
        if re.search(rf"\b{words}\b", low):
            return level
    return None


def _under_groups(grid: list[list[str]]) -> list[list[str]]:
    """A header row whose labels all sit right of the rows above it was pushed there (a
    merged header cell that runs on, in a converter's output): it goes back under the
    group label above whose span is as wide as its run of labels."""
    width = len(grid[0])
    for r in range(1, len(grid)):
        reach = 1 + max((i for row in grid[:r] for i, c in enumerate(row) if c), default=-1)
        labels = [i for i, c in enumerate(grid[r]) if c]
        if not labels or labels[0] < reach:
            continue
        run = labels[-1] - labels[0] + 1
        for top in grid[:r]:
            starts = [i for i, c in enumerate(top) if c]
            for a, b in zip(starts, [*starts[1:], reach], strict=True):
                if b - a == run:
                    shift = labels[0] - a
                    grid[r] = [*grid[r][shift:], *[""] * shift][:width]
                    break
            else:
                continue
            break
    return grid


def _carried(parts: Sequence[Sequence[str]]) -> list[list[str]]:
    """The header block with each group label carried over the columns it spans: right,
    over the empty cells beside it that have labels below them (``Tahun 2022`` over
    ``Target | Rp``), as a merged cell is shown."""
    width = max(len(p) for p in parts)
    grid = _under_groups([[*p, *[""] * (width - len(p))] for p in parts])
    filled = [row[:] for row in grid]
    for r in range(len(grid) - 1):
        c = 0
        while c < width:
            if not grid[r][c]:
                c += 1
                continue
            k = c + 1
            while (
                k < width
                and not grid[r][k]
                and any(grid[q][k] for q in range(r + 1, len(grid)))
                # a sub-group stays inside its group: ``2023`` under ``Capaian Kinerja``
                # does not run on under ``Kondisi Kinerja pada akhir periode``
                and all(filled[q][k] == filled[q][c] for q in range(r))
            ):
                filled[r][k] = grid[r][c]
                k += 1
            c = k
    # A column no label names, inside the block's reach, lies under a label merged across
    # columns (``Aspek/Fokus/Bidang Urusan/ Indikator Kinerja`` over four): it reads as
    # the column to its left.
    reach = 1 + max((i for row in grid for i, cell in enumerate(row) if cell), default=-1)
    for k in range(1, reach):
        if not any(row[k] for row in grid):
            for row in filled:
                row[k] = row[k - 1]
    return filled


_PERIOD_ROLES = frozenset({"target", "realisasi", "capaian", "anggaran"})


def _block_header(parts: Sequence[Sequence[str]]) -> _Header | None:
    """The header a block of several header rows makes (docs/decisions/0271).

    Each column reads as the path of the labels above it, group labels carried over
    their span; the lowest label that names a role gives the column's role (``Rp``
    under ``Tahun 2022`` under ``Capaian Kinerja dan Kerangka Pendanaan`` is the budget
    of 2022), and a label that names a period gives its period. Target columns of
    different periods are all kept, one row each; so are the budget columns beside them
    and several indicator columns, one per level.
    """
    grid = _carried(parts)
    width = len(grid[0])
    reach = 1 + max((i for row in grid for i, c in enumerate(row) if c), default=-1)
    roles: list[str | None] = []
    columns: list[list[str]] = []
    levels: list[str | None] = []
    for i in range(width):
        texts = list(dict.fromkeys(row[i] for row in grid if row[i]))
        named = [t for t in texts if not _period_only(t)]
        role = next((r for r in map(_column_role, reversed(named)) if r), None)
        if role is None and named:
            role = _column_role(" ".join(named))
        roles.append(role)
        columns.append(texts)
        levels.append(_level_of(" ".join(texts)) if role == "indicator" else None)
    seen = set(roles)
    if "indicator" not in seen or not seen & {"target", "realisasi"}:
        return None
    targets = [i for i, r in enumerate(roles) if r == "target"]
    # The end of the period is named above the year it falls in, where that keeps the
    # periods apart; a label over every year that says "akhir" does not.
    for end_first in (True, False):
        periods = [
            _period_of(texts, end_first=end_first) if role in _PERIOD_ROLES else None
            for role, texts in zip(roles, columns, strict=True)
        ]
        by_period = [periods[i] for i in targets]
        if None not in by_period and len(set(by_period)) == len(by_period):
            break
    years = [int(p) if p and p.isdigit() else None for p in periods]
    realised = [i for i, r in enumerate(roles) if r == "realisasi"]
    # A monitoring table: the year's one target, its realisasi by quarter (or month)
    monitoring = len(targets) == 1 and _distinct_periods(realised, periods)
    if not monitoring and (
        len(targets) < 2 or None in by_period or len(set(by_period)) < len(by_period)
    ):
        return None  # not a plan over periods: the one-header reading stands
    out = list(roles)
    for role in ("realisasi", "capaian", "satuan", "sasaran", "no"):
        same = [i for i, r in enumerate(roles) if r == role]
        if role in ("realisasi", "capaian") and (
            _per_period(same, periods, by_period) or (monitoring and role == "realisasi")
        ):
            continue  # a realisasi and a capaian for each period: each row takes its own
        for i in same[1:]:
            out[i] = "other"
    return _Header(tuple(out), tuple(years), tuple(periods), tuple(levels), reach)


_QUARTER_IN = re.compile(r"\b(?:tw|triwulan|trw)\.?\s*[-–.]?\s*(iv|i{1,3}|[1-4])\b", re.I)


def _quarter_in(texts: Sequence[str]) -> str | None:
    """The quarter a one-line header's label names (``Target TW II``, ``Realisasi
    Triwulan 3``), if it names one."""
    for text in texts:
        found = _QUARTER_IN.search(text)
        if found:
            number = found.group(1).upper()
            return f"TW {_QUARTERS.get(number, number)}"
    return None


def _by_quarter(
    roles: Sequence[str | None], quarters: Sequence[str | None]
) -> tuple[str | None, ...] | None:
    """The roles of a one-line header whose targets or realisasi are by quarter
    (``Target TW I | Target TW II ...``), every quarter's column kept (docs/decisions/
    0279); ``None`` when no role has two or more columns of their own quarters. Of the
    other repeated roles the first column stands."""
    quartered = {
        role
        for role in ("target", "realisasi")
        if _distinct_periods(
            [i for i, r in enumerate(roles) if r == role and quarters[i]], quarters
        )
    }
    if not quartered:
        return None
    out = list(roles)
    seen: set[str] = set()
    for i, role in enumerate(roles):
        if role is None:
            continue
        if role in quartered and (quarters[i] or role == "target"):
            continue  # a quarter's column, or the year's own target beside them
        if role in seen:
            out[i] = "other"
        seen.add(role)
    return tuple(out)


def _distinct_periods(columns: Sequence[int], periods: Sequence[str | None]) -> bool:
    """Whether two or more ``columns`` each have a period of their own."""
    named = [periods[i] for i in columns]
    return len(named) >= 2 and None not in named and len(set(named)) == len(named)


def _per_period(
    columns: Sequence[int], periods: Sequence[str | None], targets: Sequence[str | None]
) -> bool:
    """Whether value columns are one per period, two or more of them of periods a target
    column has (``REALISASI`` over ``2016 .. 2019`` beside ``TARGET`` over the same years;
    a ``Capaian terhadap akhir`` beside them too)."""
    named = {periods[i] for i in columns}
    return _distinct_periods(columns, periods) and len(named & set(targets)) >= 2


def _resolve(
    roles: list[str | None], years: list[int | None], plain: list[bool], ends: list[bool]
) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    """One column per role: of repeated columns, the one whose year the others share;
    and the periods of a multi-year table's columns where a year does not say it.

    A multi-year target table (``Target 2020 | 2021 | ...``: target columns that name a
    year and nothing more, no realisasi) keeps all its target columns: each is read as
    the target of its year, and one column for the end of the period (``Kondisi Akhir
    2023``, ``Target Akhir Renstra``) as the target of ``akhir`` (docs/decisions/0277).
    """
    out = list(roles)
    targets = [i for i, r in enumerate(roles) if r == "target"]
    yearly = [i for i in targets if not ends[i]]
    closing = [i for i in targets if ends[i]]
    multi_year = (
        len({years[i] for i in yearly}) == len(yearly) >= 2
        and all(years[i] and plain[i] for i in yearly)
        and len(closing) <= 1
        and not {"realisasi", "capaian"} & set(roles)
    )
    if multi_year:
        if not closing:
            return tuple(out), ()
        return tuple(out), tuple("akhir" if i in closing else None for i in range(len(out)))
    value_years = {years[i] for i, r in enumerate(roles) if r in ("realisasi", "capaian")}
    target_years = [years[i] for i in targets]
    year = next((y for y in target_years if y and y in value_years), None)
    if year is None:
        year = next((y for y in target_years if y), None)
    for role in dict.fromkeys(r for r in roles if r is not None):
        columns = [i for i, r in enumerate(roles) if r == role]
        if len(columns) < 2:
            continue
        keep = next((i for i in columns if year and years[i] == year), columns[0])
        for i in columns:
            if i != keep:
                out[i] = "other"
    return tuple(out), ()


def _header_roles(cells: Sequence[str]) -> tuple[str | None, ...] | None:
    """The role of each column if ``cells`` is a header row of a performance table."""
    header = _header([cells])
    return header.roles if header is not None else None


def _flat_header_roles(text: str) -> tuple[str, ...] | None:
    """The columns named by a header flattened into one line of words, if it is one."""
    words = _header_text(text).split()
    if not words or len(words) > 16 or not {"indikator", "iku"} & set(words):
        return None
    roles: list[str] = []
    i = 0
    while i < len(words):
        for phrase, role in _column_phrases():
            size = phrase.count(" ") + 1
            if " ".join(words[i : i + size]) == phrase:
                roles.append(role)
                i += size
                break
        else:
            if words[i] not in _HEADER_FILLERS and not words[i].isdigit():
                return None
            i += 1
    if "indicator" not in roles or "target" not in roles or len(roles) < 3:
        return None
    return tuple(roles)


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?(?:\s*[=x×:/*+−-].*)?$")


def _is_number_row(cells: Sequence[str]) -> bool:
    """``(1) (2) (3) (4)`` or ``1 2 3 4`` under a header: column numbers, not data; a
    number may carry the column's formula (``(7)=(6)/(5)x100%``)."""
    found = [_COLUMN_NUMBER.match(strip_tags(c).strip()) for c in cells if c]
    values = [m.group(1) if m else "" for m in found]
    return len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]


def _is_separator_row(cells: Sequence[str]) -> bool:
    return all(not c or _SEPARATOR_CELL.match(c) for c in cells)


def _first_roles(cells: Sequence[str]) -> tuple[str | None, ...]:
    return tuple(_column_role(c) if c else None for c in cells)


def _names_columns(cells: Sequence[str]) -> bool:
    """A header of a table that is not a performance table (``Program | Anggaran``)."""
    return _header_like(cells) and sum(bool(c and _column_role(c)) for c in cells) >= 2


_YEAR_LABEL = re.compile(r"^\W*(?:tahun\s*)?(?:19|20)\d\d\W*$", re.I)


# How many rows a header block may run to below its first row.
_BLOCK_ROWS = 4


def _header_over_block(cells: Sequence[str], below: Sequence[Line]) -> _Header | None:
    """The header that ``cells`` begins when its value columns are named only on the
    rows below it (docs/decisions/0274): ``Indikator | Capaian Kinerja dan Kerangka
    Pendanaan`` over ``2021 | 2022`` over ``Target | Rp``, ``Indikator | Target Capaian
    setiap Tahun`` over ``2013 .. 2018``. The rows below are short labels (``_labels``);
    the block is read as column paths, or as one header over several lines."""
    first = _first_roles(cells)
    if "indicator" not in first or sum(r is not None for r in first) < 2:
        return None
    if any(_target_shaped(c) and not _YEAR_LABEL.match(c) for c in cells if c):
        return None
    block: list[Sequence[str]] = [cells]
    for line in below[:_BLOCK_ROWS]:
        if line.cells is None or not _labels(line.cells, first):
            break
        block.append(line.cells)
    if len(block) < 2:
        return None
    return _block_header(block) or _header(block)


def _labels(cells: Sequence[str], first: Sequence[str | None]) -> bool:
    """A row of a header block under its first row: header words, or two or more short
    labels (a year, ``Target``, ``Rp``, ``TARGET``) with no value but a year and nothing
    under an indicator column."""
    if _header_like(cells):
        return True
    filled = [(i, c) for i, c in enumerate(cells) if c]
    if len(filled) < 2:
        return False
    for i, cell in filled:
        if i < len(first) and first[i] == "indicator":
            return False
        if len(cell.split()) > 10 or (_target_shaped(cell) and not _YEAR_LABEL.match(cell)):
            return False
    return True
