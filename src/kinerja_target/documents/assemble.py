"""Assembling rows under a header: continuation rows, page splits, misaligned cells, numbered
sasaran groups, sasaran named in prose headings (docs/decisions/0201, 0207, 0209).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .. import places
from ..containers.grid import Line
from .cells import (
    _DATE_LINE,
    _PAGE_NUMBER,
    _ROW_NUMBER,
    _SIGNATORY,
    _join,
    _starts_lower,
    _starts_measure,
    _target_shaped,
    _unmarked,
)
from .header import (
    _YEAR_LABEL,
    _block_header,
    _first_roles,
    _Header,
    _header,
    _header_like,
    _header_over_block,
    _is_number_row,
    _is_separator_row,
    _level_of,
    _names_columns,
)
from .row import Row

# Indicators are nominal phrases; a sasaran names a state reached, with a nominalised
# passive (Terwujudnya, Meningkatnya...). Used only where no measure word decides.
_SASARAN_OPENER = re.compile(r"^(?:(?:Ter|Me|Di|Ber)\w+nya|Peningkatan|Penguatan)\b")


# A sasaran named in prose above the tables that measure it (docs/decisions/0209):
# "Sasaran Strategis 1: Meningkatnya ...", "Sasaran 2 : ...", "SASARAN STRATEGIS III ...".
_SASARAN_HEADING = re.compile(
    r"^(?:[A-Za-z\d]{1,3}[.)]\s+)?sasaran(?:\s+(?:strategis|kegiatan|program))?"
    r"(?:\s+(?:ke[-\s]?)?(?P<num>\d{1,2}(?:\.\d{1,2})?|(?-i:[IVX]{1,5}))\b)?"
    r"\s*(?P<sep>[:.)–—-])?\s*(?P<text>\S.*)$",
    re.I,
)


_CHAPTER = re.compile(r"^(?:bab|chapter)\s+(?:[IVX]+|\d+)\b", re.I)


@attrs.define
class _Draft:
    """A row being assembled; continuation rows and page splits extend it."""

    line: int
    sasaran: str
    indicator: str
    target: str
    realisasi: str = ""
    capaian: str = ""
    satuan: str = ""
    doubts: list[str] = attrs.Factory(list)
    polarity: str = ""
    # a multi-year table's targets, by period: "2024", "Tahun-3", "akhir" (0205, 0271)
    per_year: dict[str, str] = attrs.Factory(dict)
    # the budget beside each period's target, and the indicator's level
    per_budget: dict[str, str] = attrs.Factory(dict)
    level: str = ""
    # a plan's realisasi and capaian of each period, where it reports them by period
    per_realisasi: dict[str, str] = attrs.Factory(dict)
    per_capaian: dict[str, str] = attrs.Factory(dict)


@attrs.define
class _Table:
    """One table: its header and the rows assembled under it."""

    roles: tuple[str | None, ...]
    start: int
    structured: bool
    years: tuple[int | None, ...] = ()
    first: tuple[str | None, ...] = ()  # the roles of its first header line (page breaks)
    end: int = 0
    drafts: list[_Draft] = attrs.Factory(list)
    sasaran: str = ""
    after_break: bool = False
    no_header: bool = False
    # cells placed by position (a CSV, a sheet, an HTML/Word/PDF table): a row longer or
    # shorter than the header is not shifted, its extra cells are doubted
    positional: bool = False
    periods: tuple[str | None, ...] = ()
    levels: tuple[str | None, ...] = ()
    # how far right the header's labels reach (a positional table's own width)
    reach: int = 0
    # whether the last row aligned had its cells moved to other columns than theirs
    realigned: bool = False
    # a row shorter than the header lost cells under merged ones (a PDF's table finder):
    # its cells go where what they hold fits, as in text
    short_rows: bool = False
    # cells wrap over several lines (a PDF page's text in columns): a line with no target
    # and no number whose indicator does not open like one goes on the row above
    wrapped: bool = False
    # the header is a block of rows read as column paths (0271, 0274): its label rows go
    # on it in text too, where cells keep their columns by their tabs
    block: bool = False

    def __attrs_post_init__(self) -> None:
        self.end = self.start

    @property
    def has_value_columns(self) -> bool:
        return "realisasi" in self.roles or "capaian" in self.roles

    @property
    def year_columns(self) -> tuple[tuple[int, str], ...]:
        """A multi-year table's target columns with their periods (none in other tables):
        the year, or the plan's own label of it (``Tahun-3``, ``akhir``)."""
        periods = dict(enumerate(self.periods))
        years = dict(enumerate(self.years))
        columns: list[tuple[int, str | None]] = [
            (i, periods.get(i) or (str(years[i]) if years.get(i) else None))
            for i, role in enumerate(self.roles)
            if role == "target"
        ]
        if len(columns) < 2:
            return ()
        quarters = [p for _, p in columns if p and p.startswith("TW ")]
        if quarters and len(quarters) == len(columns) - 1:  # the year's own beside (0279)
            return tuple((i, p or "") for i, p in columns)
        return tuple((i, p) for i, p in columns if p is not None)

    @property
    def realisasi_periods(self) -> tuple[tuple[int, str], ...]:
        """A monitoring table's realisasi columns with their periods (``TW I`` .. ``TW
        IV`` beside the year's one target, 0279); none in other tables."""
        columns = self.period_columns("realisasi")
        one_target = not self.year_columns and self.roles.count("target") == 1
        return columns if one_target and len(columns) >= 2 else ()

    @property
    def by_period(self) -> bool:
        return bool(self.year_columns or self.realisasi_periods)  # a row for each period

    @property
    def budget_columns(self) -> tuple[tuple[int, str], ...]:
        return self.period_columns("anggaran")

    def period_columns(self, role: str) -> tuple[tuple[int, str], ...]:
        """The columns of ``role`` that a header block gives a period, with it."""
        periods = dict(enumerate(self.periods))
        return tuple(
            (i, period)
            for i, r in enumerate(self.roles)
            if r == role and (period := periods.get(i))
        )

    def level_of(self, cells: Sequence[str], indicator: str) -> str:
        """The level of a row's indicator: its own prefix (``Indikator Program
        (Outcome) : ...``), else the level its column's header names."""
        own = _INDICATOR_PREFIX.match(indicator)
        if own is not None:
            level = _level_of(own.group(0))
            if level is not None:
                return level
        for i, level in enumerate(self.levels):
            if level and i < len(cells) and cells[i] and cells[i].strip() == indicator:
                return level
        return ""

    def page_break(self) -> None:
        """A repeated header: the table goes on, and its next row may finish the last."""
        self.after_break = True

    def cells_of(self, line: Line) -> tuple[str, ...]:
        """A record's cells, with the text of a merged cell above carried down into the
        columns merged over rows (a sasaran over its indicators), never into an
        indicator's or a value's column, where a row of its own would be made up."""
        assert line.cells is not None
        if not line.merged:
            return line.cells
        filled = list(line.cells)
        for column, text in line.merged:
            role = self.roles[column] if column < len(self.roles) else None
            if role in _CARRIED_ROLES and column < len(filled) and not filled[column]:
                filled[column] = text
        return tuple(filled)

    def add(self, line: Line) -> None:
        assert line.cells is not None
        values, extra, aligned = self.align(self.cells_of(line))
        indicator, marked = _unmarked(values.get("indicator", ""))
        target = values.get("target", "")
        if self.structured:
            self.end = line.number
            doubts = ["extra_cells"] if extra else []
            if not indicator:
                doubts.append("no_indicator")
            self.drafts.append(self.draft(line.number, values, values.get("sasaran", ""), doubts))
            return
        sasaran = _unmarked(values.get("sasaran", ""))[0]
        per_year = {y: aligned[i] for i, y in self.year_columns if aligned[i]}
        per_budget = {y: aligned[i] for i, y in self.budget_columns if aligned[i]}
        if self.year_columns and not per_year and self._group_row(indicator, aligned):
            return  # an aspek, fokus or urusan over the indicators, or a total: no indicator
        prev = self.drafts[-1] if self.drafts else None
        numbered = bool(values.get("no"))
        continues = (
            prev is not None
            and bool(indicator)
            and not marked
            and (
                (not target and self.after_break)
                or (_starts_lower(indicator) and not (target and prev.target))
                or (
                    self.wrapped
                    and not target
                    and not numbered
                    and not _starts_measure(indicator)
                    and not any(values.get(r) for r in ("realisasi", "capaian"))
                )
            )
        )
        if prev is not None and continues:
            self.end = line.number
            if sasaran:
                self.sasaran = _join(self.sasaran, sasaran)
                prev.sasaran = self.sasaran
            prev.indicator = _join(prev.indicator, indicator)
            for name in ("target", "realisasi", "capaian", "satuan", "polarity"):
                if not getattr(prev, name):
                    setattr(prev, name, values.get(name, ""))
            for year, cell in per_year.items():
                prev.per_year.setdefault(year, cell)
            if not self.after_break:
                prev.doubts.append("joined_lines")
            self.after_break = False
            return
        if sasaran:
            # A sasaran that begins in lower case is the rest of the one above.
            self.sasaran = _join(self.sasaran, sasaran) if _starts_lower(sasaran) else sasaran
        if not indicator:
            if target and prev is not None and not prev.target:
                prev.target = target  # the target was wrapped onto a row of its own
                self.end = line.number
            return
        self.end = line.number
        self.after_break = False
        doubts = ["no_header"] if self.no_header else []
        if extra:
            doubts.append("extra_cells")
        if self.realigned:
            doubts.append("realigned")
        draft = self.draft(line.number, values, self.sasaran, doubts)
        draft.indicator, draft.per_year, draft.per_budget = indicator, per_year, per_budget
        if self.realisasi_periods:
            # each period reported is a row of the year's target and that period's value
            draft.per_realisasi = {p: aligned[i] for i, p in self.realisasi_periods if aligned[i]}
            draft.per_year = dict.fromkeys(draft.per_realisasi, draft.target)
            if draft.per_realisasi:
                draft.realisasi = ""
        for role, into in (("realisasi", draft.per_realisasi), ("capaian", draft.per_capaian)):
            columns = self.period_columns(role) if len(self.year_columns) >= 2 else ()
            if len(columns) >= 2:
                into.update({y: aligned[i] for i, y in columns if aligned[i]})
                setattr(draft, role, "")  # each period's row takes its own
        if self.levels:
            draft.level = self.level_of(aligned, values.get("indicator", ""))
        self.drafts.append(draft)

    def _group_row(self, indicator: str, aligned: Sequence[str]) -> bool:
        """A row of a plan over periods with no target in any period that is no
        indicator (docs/decisions/0274): its text is in capitals (``ASPEK KESEJAHTERAAN
        MASYARAKAT``, ``RATA-RATA CAPAIAN KINERJA``), as a table's headings and totals are
        written, or it holds no value in any column and opens with no measure word
        (``Fokus Kesejahteraan dan Pemerataan Ekonomi``, an urusan). An indicator whose
        plan sets no target yet (``Jumlah laporan``) stays a row."""
        if _all_caps(indicator):
            return True
        return not _starts_measure(indicator) and not any(
            cell
            for role, cell in zip(self.roles, aligned, strict=False)
            if role in _VALUE_HOLDING or role in ("anggaran", "satuan")
        )

    def draft(self, number: int, values: dict[str, str], sasaran: str, doubts: list[str]) -> _Draft:
        return _Draft(
            number,
            sasaran,
            values.get("indicator", ""),
            values.get("target", ""),
            values.get("realisasi", ""),
            values.get("capaian", ""),
            values.get("satuan", ""),
            doubts,
            polarity=values.get("polarity", ""),
        )

    def align(self, cells: Sequence[str]) -> tuple[dict[str, str], bool, list[str]]:
        """Map ``cells`` to column roles: the values by role, whether non-empty cells had
        to be dropped, and the cells as aligned to the columns."""
        roles = self.roles
        n = len(roles)
        aligned = list(cells)
        extra = False
        self.realigned = False
        width = self.reach or n
        last = max((i for i, c in enumerate(aligned) if c), default=-1)
        shift = last + 1 - width
        # Three or more columns past the header's last label: not a note beside the table
        # but a row pushed right.
        if self.positional and shift >= 3:
            # a record pushed right past its header (a spreadsheet's export of a merged
            # header that runs on, an HTML row whose cells overlap): back under it, the
            # cells at its right end under the header's last columns; a code pushed out
            # at the left is dropped, and the row says so
            if (
                not any(_LETTER.search(c) for c in aligned[:shift])
                and sum(bool(c) for c in aligned[:shift]) <= 1
            ):
                extra = any(aligned[:shift])
                aligned = aligned[shift:]
            else:
                aligned, extra = _two_runs(aligned, shift, width)
        if self.short_rows and not self.structured and len(aligned) < n:
            aligned = _realign(roles, aligned)
            self.realigned = True
        elif self.structured or (self.positional and len(aligned) != n):
            extra = extra or any(aligned[n:])
            aligned = (aligned + [""] * n)[:n]
            if self.positional and not self.structured and self.misplaced(aligned):
                aligned = _realign(roles, aligned)
                self.realigned = True
        elif not self.positional and (shifted := _run_shifted(roles, aligned)) is not None:
            aligned, self.realigned = shifted, True
        elif len(aligned) != n or self.misplaced(aligned):
            aligned = _realign(roles, aligned)
            self.realigned = self.positional
        values: dict[str, str] = {}
        levels = len(self.levels) > 1
        for role, text in zip(roles, aligned, strict=True):
            if role is not None and text and role not in values:
                if levels and role == "indicator" and not _LETTER.search(text):
                    continue  # a code (``03``, ``2.02``) that slipped into an indicator column
                values[role] = text
        return values, extra, aligned

    def misplaced(self, cells: list[str]) -> bool:
        """A row that has the header's width but not its alignment: an empty target cell
        while a target-shaped cell sits further left, or a target cell that holds no
        target while a text column left of it does (a sheet pads a row that lost its
        first cell back to full width: ``| Jumlah X | 4 | Kali |`` under ``Sasaran |
        Indikator | Target | Satuan``). Row numbers and columns that hold values of their
        own (Kondisi Awal, Realisasi 2022) do not count, nor does a row number in the No
        column."""
        if "target" not in self.roles:
            return False
        t = self.roles.index("target")
        if cells[t] and _target_shaped(cells[t]):
            return False
        filled = [i for i, c in enumerate(cells[:t]) if c]
        if not cells[t]:
            # every later cell empty too: the row ends early
            if any(cells[t + 1 :]) or not filled:
                return False
            last = filled[-1]
            return self.roles[last] not in _VALUE_HOLDING and _target_shaped(cells[last])
        return any(self.roles[i] in _TEXT_ROLES and _target_shaped(cells[i]) for i in filled)


def _realign(roles: Sequence[str | None], cells: list[str]) -> list[str]:
    """Right-align a row whose cells do not line up with the header (docs 0201).

    The rightmost target-shaped cell goes to the last value column (Target, or Capaian in
    an LKj), the cells after it to the columns after that (Keterangan), the cells before
    it to the columns before; a row with no target-shaped cell fills the columns before
    the first value column. A row number in the first cell stays in the No column; a
    numbered row with one text and no target is a sasaran (a group row: ``II.``
    ``Meningkatnya ...``) unless the text opens with a measure word (docs 0207).
    """
    n = len(roles)
    while cells and not cells[-1]:
        cells = cells[:-1]
    if not cells:
        return [""] * n
    t = roles.index("target") if "target" in roles else -1
    if (
        0 < t < len(cells) < n
        and _target_shaped(cells[t])
        and not _target_shaped(cells[t - 1])
        and all(_target_shaped(c) for c in cells[t:] if c)
    ):
        # The line ends after its target (an LKj whose realisasi is not filled in yet):
        # its cells sit in their columns, the rest are empty.
        return [*cells, *[""] * (n - len(cells))]
    if n > 1 and roles[0] == "no" and _ROW_NUMBER.match(cells[0]):
        rest = cells[1:]
        texts = [c for c in rest if c]
        if (
            len(texts) == 1
            and "sasaran" in roles
            and not _target_shaped(texts[0])
            and not _starts_measure(texts[0])
            and not _starts_lower(texts[0])
        ):
            out = [""] * n
            out[0], out[roles.index("sasaran")] = cells[0], texts[0]
            return out
        return [cells[0], *_realign(roles[1:], rest)]
    values = [i for i, role in enumerate(roles) if role in _VALUE_ROLES]
    if not values:
        return _right_fit(cells, n)
    shaped = [i for i, cell in enumerate(cells) if _target_shaped(cell)]
    last = values[-1]
    after = len(cells) - 1 - shaped[-1] if shaped else 0
    if not shaped or last + 1 + after > n:
        # No target in this row: its cells belong to the columns before the values.
        width = values[0]
        return _right_fit(cells, width) + [""] * (n - width)
    head = _right_fit(cells[: shaped[-1] + 1], last + 1)
    tail = cells[shaped[-1] + 1 :]
    return head + tail + [""] * (n - len(head) - len(tail))


_VALUE_ROLES = frozenset({"target", "realisasi", "capaian"})
# Columns whose cells a printed table merges over the rows below them.
_CARRIED_ROLES = frozenset(
    {"sasaran", "tujuan", "program", "kegiatan", "satker", "unit", "year", "doc_type", "satuan"}
)


# Columns whose cells are values in their own right: never a target that slipped left.
_VALUE_HOLDING = _VALUE_ROLES | {"baseline", "other", "year"}


# Columns of words, where a target-shaped cell says the row slipped left.
_TEXT_ROLES = frozenset({"sasaran", "indicator", "tujuan", "program", "kegiatan"})


# The value columns whose run a row's run of values is matched against.
_RUN_ROLES = frozenset({"target", "realisasi", "capaian", "baseline"})


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The (start, length) of each run of true flags."""
    out: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i - start))
            start = None
    return out


def _run_shifted(roles: Sequence[str | None], cells: list[str]) -> list[str] | None:
    """A row of text cells that lost (or gained) a cell before its values (an empty cell
    a page's text left out): its run of values is exactly as long as the header's run of
    value columns, three or more, but starts one or two columns off. The whole row moves
    by that much, so that its values and the texts before them are under their columns
    again (docs/decisions/0275)."""
    header = [r for r in _runs([r in _RUN_ROLES for r in roles]) if r[1] >= 3]
    if len(header) != 1:
        return None
    start, length = header[0]
    row = [r for r in _runs([bool(c) and _target_shaped(c) for c in cells]) if r[1] == length]
    if len(row) != 1 or not 0 < abs(start - row[0][0]) <= 2:
        return None
    shift = start - row[0][0]
    moved = [*[""] * shift, *cells] if shift > 0 else cells[-shift:]
    n = len(roles)
    if any(moved[n:]):
        return None
    return (moved + [""] * n)[:n]


def _right_fit(cells: list[str], width: int) -> list[str]:
    if width <= 0:
        return []
    while len(cells) > width and _ROW_NUMBER.match(cells[0]):
        cells = cells[1:]  # a row number the header did not name
    if len(cells) > width:
        # More cells than columns: the leftmost ones are one cell split by the converter.
        cut = len(cells) - width + 1
        return [" ".join(c for c in cells[:cut] if c), *cells[cut:]]
    return [""] * (width - len(cells)) + cells


def _headerless_roles(lines: Sequence[Line]) -> tuple[str | None, ...] | None:
    """Columns for rows with no header: ``sasaran, indicator, target`` from the right."""
    hits = 0
    for line in lines:
        cells = [c for c in line.cells or () if c]
        if len(cells) >= 2 and _target_shaped(cells[-1]) and not _target_shaped(cells[-2]):
            hits += 1
    return ("sasaran", "indicator", "target") if hits else None


def _sasaran_heading(text: str) -> str | None:
    """The sasaran a prose line names as a heading (``Sasaran Strategis 1: Meningkatnya
    ...``, ``SASARAN STRATEGIS III MENINGKATNYA ...``), if it is one: a colon after the
    word, or a number with a separator or a text that opens like a sasaran."""
    found = _SASARAN_HEADING.match(text.replace("*", "").strip().lstrip("#").strip())
    if found is None:
        return None
    rest, num, sep = found.group("text").strip(), found.group("num"), found.group("sep")
    if _starts_lower(rest) or len(rest.split()) > 30 or _target_shaped(rest):
        return None
    named = sep in (":", "–", "—", "-") or (
        num is not None and (sep is not None or _SASARAN_OPENER.match(rest.capitalize()))
    )
    return rest if named else None


# An indicator's own statement of its level: "Indikator Program (Outcome) :", "Indikator
# Keluaran Kegiatan :", "Indikator Sub Kegiatan:".
_INDICATOR_PREFIX = re.compile(r"^\s*indikator\b[^:]{0,60}:", re.I)


def _continues_block(cells: Sequence[str], table: _Table, parts: Sequence[Sequence[str]]) -> bool:
    """A line under a positional table's header, before its first row, that goes on the
    header (``Tahun-3 | | Tahun-4``, ``Target | Rp``): short labels, no target-shaped
    value but a year, and nothing under the indicator column. A label merged down from
    the rows above (``Indikator Sasaran`` over the whole block) is no cell of its own."""
    if table.drafts or table.structured or not (table.positional or table.block):
        return False
    above = {(i, c) for p in parts for i, c in enumerate(p) if c}
    filled = [(i, c) for i, c in enumerate(cells) if c and (i, c) not in above]
    if not filled:
        return False
    for i, cell in filled:
        if i < len(table.roles) and table.roles[i] == "indicator":
            return False
        if len(cell.split()) > 10:
            return False
        if _target_shaped(cell) and not _YEAR_LABEL.match(cell):
            return False
    return True


def _two_runs(cells: list[str], shift: int, width: int) -> tuple[list[str], bool]:
    """A record whose texts and values were pushed right by different amounts (the first
    row under a merged header that runs on): its values, from the first target-shaped
    cell on, under the header's last columns; the texts before them from the first
    column on. Whether cells had to be dropped."""
    first = next((i for i, c in enumerate(cells) if c and _target_shaped(c)), None)
    if first is None or first < shift:
        return cells[shift:], any(cells[:shift])
    head = cells[:first]
    lead = next((i for i, c in enumerate(head) if c), len(head))
    texts = head[lead:]
    values = cells[first:]
    start = max(0, width - len(values))
    out = [*texts, *[""] * max(0, start - len(texts))][:start] + values[: width - start]
    dropped = len([c for c in texts[start:] if c]) + len([c for c in values[width - start :] if c])
    return out, bool(dropped)


def _same(a: Sequence[str | None], b: Sequence[str | None]) -> bool:
    """Two headers' roles alike, but for unnamed columns at their right end (an empty
    column that one rendering of the table keeps and another drops)."""

    def trimmed(roles: Sequence[str | None]) -> tuple[str | None, ...]:
        out = list(roles)
        while out and out[-1] is None:
            out.pop()
        return tuple(out)

    return trimmed(a) == trimmed(b)


def _keeps_roles(alone: _Header | None, with_top: _Header) -> bool:
    """Whether the line above a header goes on it without changing what the header
    names by itself: ``Tahun 2023`` over ``Target`` gives the target its year, but a
    label record ``Tahun | 2020`` over ``Sasaran | Indikator | Target`` (a PK's cover
    table) does not make the sasaran a year column."""
    if alone is None:
        return True
    return all(a is None or a == b for a, b in zip(alone.roles, with_top.roles, strict=False))


def _reach(parts: Sequence[Sequence[str]]) -> int:
    """One past the rightmost column a header's labels name."""
    return 1 + max((i for p in parts for i, c in enumerate(p) if c), default=-1)


_LETTER = re.compile(r"[^\W\d_]")


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


def _tables(
    lines: Sequence[Line],
    *,
    positional: bool = False,
    short_rows: bool = False,
    wrapped: bool = False,
) -> list[_Table]:
    """Find the tables of a document and assemble their rows. ``positional``: the lines
    are records whose cells sit in their columns (not text cut into cells)."""
    tables: list[_Table] = []
    current: _Table | None = None
    orphans: list[Line] = []
    # A table ended by the top line of a two-line header: a page break if the header
    # that line begins is the table's own (docs/decisions/0209).
    suspended: _Table | None = None
    # The sasaran a prose heading names, for the tables below it without a sasaran
    # column; ``heading_open`` while its wrapped lines may follow.
    prose_sasaran: str | None = None
    heading_open = False
    # A line of header words just above: the top of a header written over two lines.
    above: Line | None = None
    # The lines of the header just read; a line of header words right below goes on it.
    parts: list[Sequence[str]] = []
    # The table a line of text ended, which records after it may go on (positional only).
    ended: _Table | None = None
    for index, line in enumerate(lines):
        prose = line.cells is None or (line.lone and not (current and current.structured))
        if prose:
            text = line.text.strip()
            if not text:
                heading_open = False
                continue
            if (current or suspended) and _PAGE_NUMBER.match(text):
                continue
            # A value alone in a record (a note typed into a sheet) may interrupt a table
            # that goes on below; any other text ends it for good.
            note = line.lone and not (_DATE_LINE.match(text) or _SIGNATORY.match(text))
            ended = (current or ended) if note else None
            current, suspended, above, parts = None, None, None, []  # text ends a table
            named = _sasaran_heading(text)
            if named is None and note and ended is not None and _SASARAN_OPENER.match(text):
                # a row across a table that names the sasaran of the rows below it
                # (``Meningkatnya Pembinaan Perbendaharaan.``), as a merged cell does
                named = text
            if named is not None:
                prose_sasaran, heading_open = named, True
            elif heading_open and prose_sasaran and _starts_lower(text):
                prose_sasaran = _join(prose_sasaran, text)  # the heading goes on
            else:
                heading_open = False
                if _CHAPTER.match(text):
                    prose_sasaran = None
            continue
        heading_open = False
        assert line.cells is not None
        cells = line.cells
        printed = current is None or not current.structured
        if not any(cells) or (printed and _is_separator_row(cells)):
            continue
        if (
            parts
            and current is not None
            and not current.structured
            and (_header_like(cells) or _continues_block(cells, current, parts))
        ):
            # The rest of a header written over two lines (Strategis / Utama / 2025); an
            # export's header is one record, and what follows it is data. A positional
            # table's header may be a block of several rows (docs/decisions/0271).
            parts.append(cells)
            header = _block_header(parts) or _header(parts)
            if header is not None and not current.drafts:
                current.roles, current.years = header.roles, header.years
                current.periods, current.levels = header.periods, header.levels
                current.reach = header.reach or _reach(parts)
            continue
        parts = []
        top = above if above is not None and above.number == line.number - 1 else None
        header = _header([cells])
        header_lines: list[Sequence[str]] = [cells]
        if top is not None and top.cells is not None:
            with_top = _header([top.cells, cells])
            if with_top is not None and _keeps_roles(header, with_top):
                header, header_lines = with_top, [top.cells, cells]
        if header is None and not (current and current.structured):
            header = _header_over_block(cells, lines[index + 1 :])
        above = None
        if header is not None and not (current and current.structured):
            first = _first_roles(cells)
            if current is not None and _same(first, current.first):
                current.page_break()

            elif suspended is not None and (header.roles, header.years) == (
                suspended.roles,
                suspended.years,
            ):
                current = suspended  # a two-line header repeated on a new page
                current.page_break()
            else:
                # A data export, one complete record per line (docs/decisions/0201).
                roles = set(header.roles)
                structured = "satker" in roles or {"unit", "year"} <= roles
                current = _Table(
                    header.roles,
                    line.number,
                    structured,
                    header.years,
                    first,
                    positional=positional,
                    periods=header.periods,
                    levels=header.levels,
                    reach=header.reach,
                    short_rows=short_rows,
                    wrapped=wrapped,
                    block=header.reach > 0,
                )
                if prose_sasaran and not structured and "sasaran" not in header.roles:
                    current.sasaran = prose_sasaran
                tables.append(current)
            suspended = None
            parts = header_lines
            continue
        if (
            current is None
            and positional
            and ended is not None
            and not _header_like(cells)
            and any(_target_shaped(c) for c in cells[1:] if c)
        ):
            # Records go on under the table a line of text interrupted (a note typed into
            # a sheet): its header still names their columns, and no row is left out.
            current, ended = ended, None
            current.after_break = False
            if prose_sasaran and "sasaran" not in current.roles and not current.structured:
                current.sasaran = prose_sasaran  # the sasaran row the records go on under
        if current is None:
            if _header_like(cells):
                above = line
                ended = None  # another table's header: what follows is not the old table's
            orphans.append(line)
            continue
        if printed and _is_number_row(cells):
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if (
            printed
            and nxt is not None
            and nxt.cells is not None
            and _header_like(cells)
            and _header([cells]) is None
            and _header([cells, nxt.cells]) is not None
        ):
            # The top line of a header over two lines: the table ends here, unless that
            # header is the table's own, repeated after a page break.
            suspended, current, above = current, None, line
            continue
        if printed and _names_columns(cells):
            # The header of a budget table or the like: it ends the performance table.
            current, above = None, line
            continue
        current.add(line)
    if not tables:
        headerless = _headerless_roles(orphans)
        if headerless is not None:
            table = _Table(headerless, orphans[0].number, False, no_header=True)
            for line in orphans:
                if line.cells and not _is_separator_row(line.cells):
                    table.add(line)
            tables.append(table)
    return tables


def _row(
    draft: _Draft,
    unit: str | None,
    year: str | None,
    doc_type: str | None,
    source: str,
    table: int,
) -> Row:
    """The row a draft becomes, placed in its unit, year and kind of document."""
    return Row(
        indicator=draft.indicator,
        target_raw=draft.target,
        sasaran=draft.sasaran,
        satker=places.satker_of(unit),
        unit=unit,
        year=int(year) if year else None,
        doc_type=doc_type,
        realisasi_raw=draft.realisasi,
        capaian_raw=draft.capaian,
        satuan=draft.satuan,
        polarity_raw=draft.polarity,
        level=draft.level,
        source=source,
        line=draft.line,
        doubts=draft.doubts,
        table=table,
    )
