"""Reading documents: a file becomes grids (the container layer), a grid becomes rows.

Every command and helper reads through here: :func:`read_document` for the rows,
:func:`read_file` for the rows with what the reader noticed on the way (an encoding
guessed, a sheet skipped, a sheet without a table). The layout of a grid decides the
road: a text grid is read as extracted text (tables found by their headers, else the
flattened layout); a grid of records (a CSV, a sheet, the tables of an HTML, Word or PDF
document) by its header rows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from ..containers import open_grids
from ..containers.grid import Grid, Line
from ..containers.text import pipe_cells, text_grid
from ..errors import DocumentReadError
from .assemble import _Draft, _row, _Table, _tables
from .cells import _DATE_LINE, _SIGNATORY, _cell, _starts_lower, _target_shaped
from .context import _Context, _context, _sub_unit
from .flattened import _read_flattened
from .header import _is_number_row, column_overrides
from .row import Row, _retarget

__all__ = ["Reading", "TableLayout", "read_document", "read_file", "read_grid", "read_layouts"]


@attrs.frozen
class Reading:
    """What reading one document gave: its rows, and what the reader noticed.

    ``notes`` are the containers' (an encoding guessed, a hidden sheet skipped) and the
    reader's (a sheet with values but no table header); a row the reader guessed about
    says so in its own :attr:`Row.doubts`.
    """

    source: str
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    @property
    def doubted(self) -> int:
        """How many rows the reader had to guess about."""
        return sum(1 for row in self.rows if row.doubts)


@attrs.frozen
class TableLayout:
    """Where one table sits in its grid, for a writer that adds columns to it.

    ``header_line`` is the number of the header's (last) line, ``roles`` the role of each
    of its columns (``None`` for a column the vocabulary does not name) and ``names`` its
    header cells as written.
    """

    grid: Grid = attrs.field(repr=False)
    header_line: int
    roles: tuple[str | None, ...]
    names: tuple[str, ...]


def read_document(
    path_or_text: str | os.PathLike[str],
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> list[Row]:
    """The rows of every performance table in an RKT, PK, IKU, Renstra or LKj document.

    ``path_or_text`` is a path (a :class:`~pathlib.Path`, or a string without a line
    break) or the document's text itself (a string with at least one line break). The
    file's container is told by its first bytes and its name: text, CSV/TSV, XLSX/XLSM,
    HTML, Word (DOCX) or PDF. ``source`` names the document in the rows and in errors
    (default: the path, or ``<text>``). ``columns`` names header cells the vocabulary
    does not know, by role: ``{"indicator": "Uraian", "target": "Sasaran Mutu"}``.

    Raises :class:`~kinerja_target.errors.DocumentReadError` (a ``ValueError``) naming the
    file and, where known, the line when the file cannot be read: missing, undecodable,
    malformed CSV quoting, a damaged or encrypted file, or values under no recognisable
    header. A text with no table in it gives no rows.
    """
    return list(read_file(path_or_text, source=source, columns=columns).rows)


def read_file(
    path_or_text: str | os.PathLike[str],
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Reading:
    """The rows of a document, with the notes of its reading (see :func:`read_document`).

    Of a workbook with several sheets, a sheet with values but no table header is a note
    when other sheets have rows, and the error when none has.
    """
    return read_layouts(path_or_text, source=source, columns=columns)[0]


def read_layouts(
    path_or_text: str | os.PathLike[str],
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> tuple[Reading, tuple[TableLayout, ...]]:
    """The reading of a document (:func:`read_file`) and where each of its tables sits."""
    if isinstance(path_or_text, str) and "\n" in path_or_text:
        name = source or "<text>"
        grids = [text_grid(path_or_text, name)]
    else:
        name = source or str(path_or_text)
        grids = open_grids(Path(path_or_text), source=name)
    rows: list[Row] = []
    notes: list[str] = []
    errors: list[DocumentReadError] = []
    layouts: list[TableLayout] = []
    for grid in grids:
        notes.extend(n for n in grid.notes if n not in notes)
        try:
            found, tables = _grid_rows(grid, columns)
        except DocumentReadError as exc:
            if len(grids) == 1:
                raise
            errors.append(exc)
            continue
        rows.extend(found)
        layouts.extend(tables)
    if errors:
        if not rows:
            raise errors[0]
        notes.extend(f"{e.source}: {e.reason}" for e in errors)
    return Reading(name, tuple(rows), tuple(notes)), tuple(layouts)


def read_grid(grid: Grid, *, columns: Mapping[str, str] | None = None) -> list[Row]:
    """The rows of one grid (one document, or one sheet of a workbook)."""
    return _grid_rows(grid, columns)[0]


def _grid_rows(
    grid: Grid, columns: Mapping[str, str] | None
) -> tuple[list[Row], list[TableLayout]]:
    with column_overrides(columns):
        lines = _prepared(grid)
        if grid.layout == "text":
            # A PDF page's text in columns wraps a cell over several lines.
            rows, tables = _text_rows(lines, grid.source, wrapped=grid.container == "pdf")
        else:
            rows, tables = _rows_of_lines(lines, grid.source, positional=grid.container != "pdf")
    if grid.sheet is not None:
        rows = [attrs.evolve(row, sheet=grid.sheet) for row in rows]
    by_number = {line.number: line for line in lines}
    layouts = [
        TableLayout(grid, t.start, t.roles, by_number[t.start].cells or ())
        for t in tables
        if t.start in by_number
    ]
    return rows, layouts


_DIGITS = re.compile(r"\d+")


def _page_furniture(grid: Grid) -> set[int]:
    """The running header and footer lines of a PDF: the first or last line of a page
    that stands there on two pages or more, digits aside (a printing date, ``file:///...
    3/4``). Left in, they would end every table at every page break."""
    pages: dict[str, list[int]] = {}
    for index, line in enumerate(grid.lines):
        if line.where is not None:
            pages.setdefault(line.where, []).append(index)
    if len(pages) < 2:
        return set()
    ends: dict[str, list[int]] = {}
    for indexes in pages.values():
        for index in {indexes[0], indexes[-1]}:
            line = grid.lines[index]
            if line.cells is None and line.text.strip():
                ends.setdefault(_DIGITS.sub("#", line.text.strip()), []).append(index)
    return {i for found in ends.values() if len(found) >= 2 for i in found}


def _prepared(grid: Grid) -> list[Line]:
    """The grid's lines with clean cells: a merged cell's text carried down the rows it
    spans (a sasaran merged over its indicators), and a record that holds one value
    alone told as prose (a title typed into a spreadsheet)."""
    # (line index, column) -> the text merged down into it, and how far right the line
    # that holds the merged cell reaches: a line reaching further is a row shifted right
    # (an overlapping HTML row), not one the merged cell covers.
    carried: dict[tuple[int, int], tuple[str, int]] = {}
    out: list[Line] = []
    furniture = _page_furniture(grid) if grid.container == "pdf" else set()
    for index, line in enumerate(grid.lines):
        if index in furniture:
            continue
        if line.cells is None and grid.layout == "records":
            # a markdown row written as a paragraph (a document converted from Markdown)
            pipe = pipe_cells(line.text)
            if pipe is not None:
                line = attrs.evolve(line, cells=pipe)
        if line.cells is None:
            out.append(line)
            following = grid.lines[index + 1] if index + 1 < len(grid.lines) else None
            if (
                (grid.layout == "records" or grid.container == "pdf")
                and following is not None
                and following.cells is None
                and not _goes_on(following.text)
                and not _CAPTION_LABEL.match(line.text)
            ):
                # A prose line of an HTML, Word or PDF document is a block of its own (a
                # heading, a paragraph): a paragraph break after it, as a blank line
                # makes in text, so that a title is read apart from the text below it;
                # a line that goes on ("dan Informasi", "Keuangan, Umum dan Logistik")
                # stays with it.
                out.append(Line(line.number, ""))
            continue
        cells = [_cell(c) for c in line.cells]
        last = max((i for i, c in enumerate(cells) if c), default=-1)
        merged = tuple(
            (column, found[0])
            for column in range(len(cells))
            if not cells[column]
            and (found := carried.get((index, column))) is not None
            and -1 < last <= found[1]
        )
        # A column-number row's cell merged down over the first data row is a converter's
        # doing, not a value of that row: "(1)" over the first Program cell.
        spans = () if _is_number_row(cells) else line.spans
        for span in spans:
            if span.rows > 1 and span.column < len(cells) and cells[span.column]:
                for below in range(index + 1, index + span.rows):
                    carried[(below, span.column)] = (cells[span.column], last)
        if grid.layout == "text":
            out.append(attrs.evolve(line, cells=tuple(cells), merged=merged))
        else:
            out.append(attrs.evolve(_record_line(line, cells), merged=merged))
    return out


# "Tabel 4.2" alone on its line: the table's title follows it.
_CAPTION_LABEL = re.compile(r"^\W*(?:tabel|table|lampiran)\s+[\dIVX]+(?:[.-]\d+)*\W*$", re.I)
_JOINING_WORD = re.compile(r"(?<!\S)(?:dan|atau|serta|untuk|pada|di|ke|dari|yang)(?!\S)")


def _goes_on(text: str) -> bool:
    """A prose line that continues the one above: it begins in lower case, or it joins
    words the way a wrapped title or office does (``Keuangan, Umum dan Logistik``,
    ``Penyelenggaraan Pemilu, Partisipasi``), and is no date line (``Ambon, 2 Januari
    2024``)."""
    if _starts_lower(text):
        return True
    if len(text.split()) > 8 or _DATE_LINE.match(text):
        return False
    return bool(_JOINING_WORD.search(text) or _LISTING_COMMA.search(text))


# A comma between two words of a line: an office that lists what it heads.
_LISTING_COMMA = re.compile(r"[^\W\d_],\s+[^\W\d_]")


def _record_line(line: Line, cells: list[str]) -> Line:
    """A record of a delimited file or a sheet. A value alone in its first column is a
    line of prose (a title), and so is a date or a *Pihak* mark alone anywhere (the
    signature block an author writes into the right-hand columns)."""
    filled = [i for i, c in enumerate(cells) if c]
    lone = len(filled) == 1 and (
        filled[0] == 0
        or bool(_DATE_LINE.match(cells[filled[0]]) or _SIGNATORY.match(cells[filled[0]]))
    )
    text = cells[filled[0]] if lone else ""
    return attrs.evolve(line, text=text, cells=tuple(cells), lone=lone)


def _text_rows(
    lines: Sequence[Line], source: str, *, wrapped: bool = False
) -> tuple[list[Row], list[_Table]]:
    found = _tables(lines, wrapped=wrapped)
    tables = [t for t in found if t.drafts]
    if tables:
        return _rows_of_tables(tables, _context(lines), source), tables
    if found:
        return [], []  # a header with no row under it yet
    rows = _read_flattened(lines, source)
    if not rows and _holds_values(lines):
        raise _no_header(source)
    return rows, []


def _holds_values(lines: Sequence[Line]) -> bool:
    """Rows of cells with targets in them: a table, whose header we do not know."""
    shaped = 0
    for line in lines:
        if line.cells and len([c for c in line.cells if c]) >= 2:
            shaped += any(_target_shaped(c) for c in line.cells[1:] if c)
            if shaped >= 2:
                return True
    return False


def _no_header(source: str) -> DocumentReadError:
    return DocumentReadError(
        source,
        "no header row over its values: looked for a row with an indicator column "
        "(Indikator, Indikator Kinerja, IKU, ...) and a target or realisation column "
        "(Target, Rencana, Realisasi, ...); name the columns with --indikator/--target "
        "(data/tables_columns.csv lists the names recognised)",
        1,
    )


def _rows_of_tables(tables: Sequence[_Table], context: _Context, source: str) -> list[Row]:
    rows: list[Row] = []
    for index, table in enumerate(tables):
        next_start = tables[index + 1].start if index + 1 < len(tables) else 1 << 30
        unit = context.at(context.units, table.start)
        signature = context.signature(table.end, next_start)
        sub = _sub_unit(signature) if signature is not None else None
        if unit is not None and sub is not None:
            unit = f"{unit} / {sub}"
        doc_type = context.at(context.doc_types, table.start)
        if table.has_value_columns:
            doc_type = "LKj"  # a table with realisasi reports; whatever the cover says
        year = context.at(context.years, table.start)
        for draft in table.drafts:
            row = _row(draft, unit, year, doc_type, source, index)
            if table.by_period:
                rows.extend(_rows_by_year(row, draft))
            else:
                rows.append(row)
    return rows


def _rows_by_year(row: Row, draft: _Draft) -> list[Row]:
    """A multi-year table's row: one row for each period whose cell holds something, in
    the order of the columns (0205, 0271). A period that is a year is the row's year; a
    plan's own label of it (``Tahun-3``) or the end of its period (``akhir``) is the
    row's period. A ``-`` stays a row: the plan says it sets no target that year."""
    if not draft.per_year:
        if draft.target:  # a monitoring table's row with no period reported yet
            return [row]
        return [_retarget(row, target_raw="")]
    rows = []
    # the year's one capaian beside its realisasi by period is the last period's
    last = next(reversed(draft.per_year)) if draft.capaian and not draft.per_capaian else None
    for period, cell in draft.per_year.items():
        year = int(period) if period.isdigit() and len(period) == 4 else None
        changes: dict[str, object] = {
            "target_raw": cell,
            "budget_raw": draft.per_budget.get(period),
        }
        # values reported by period: the period's own, none where it has none
        if draft.per_realisasi:
            changes["realisasi_raw"] = draft.per_realisasi.get(period)
        if draft.per_capaian:
            changes["capaian_raw"] = draft.per_capaian.get(period)
        elif last is not None and period != last:
            changes["capaian_raw"] = None
        if year is not None:
            changes["year"] = year
        elif period:  # "": the year's own target, beside its quarters'
            changes["period"] = period
        rows.append(_retarget(row, **changes))
    return rows


def _rows_of_lines(
    lines: Sequence[Line], source: str, *, positional: bool = True
) -> tuple[list[Row], list[_Table]]:
    """Rows of a grid of records: its tables, or a flattened table written one value a
    record; a grid with values and neither has no header we know."""
    # A PDF's table finder gives a row under a merged cell fewer cells than its header:
    # such a row's cells are placed by what they hold, as in text (``short_rows``).
    found = _tables(lines, positional=True, short_rows=not positional)
    tables = [t for t in found if t.drafts]
    if found and not tables:
        return [], found[:1]  # a header with no row under it yet: a table to fill
    if not tables:
        filled = [line for line in lines if line.cells and any(line.cells)]
        if all(line.lone for line in filled):
            # One value a record (a flattened table pasted into a spreadsheet), or a
            # document of prose only (a flattened table in HTML, Word or PDF paragraphs).
            flattened = _read_flattened(lines, source)
            if flattened:
                return flattened, []
        if filled:
            raise _no_header(source)
        return [], []
    rows: list[Row] = []
    printed = [t for t in tables if not t.structured]
    if printed:
        rows.extend(_rows_of_tables(printed, _context(lines), source))
    for table in tables:
        if table.structured:
            rows.extend(_structured_rows(table, lines, source))
    rows.sort(key=lambda r: r.line or 0)
    return rows, tables


def _structured_rows(table: _Table, lines: Sequence[Line], source: str) -> list[Row]:
    by_number = {line.number: line for line in lines}
    rows: list[Row] = []
    for draft in table.drafts:
        values, _, _ = table.align(table.cells_of(by_number[draft.line]))
        year = values.get("year", "")
        rows.append(
            Row(
                indicator=draft.indicator,
                target_raw=draft.target,
                sasaran=draft.sasaran,
                satker=values.get("satker"),
                unit=values.get("unit"),
                year=_year_value(year),
                doc_type=values.get("doc_type"),
                realisasi_raw=draft.realisasi,
                capaian_raw=draft.capaian,
                satuan=values.get("satuan"),
                polarity_raw=values.get("polarity"),
                source=source,
                line=draft.line,
                doubts=[
                    *draft.doubts,
                    *(["unreadable_year"] if year and not _year_value(year) else []),
                ],
            )
        )
    return rows


def _year_value(text: str) -> int | None:
    found = re.fullmatch(r"\s*(\d{4})(?:[.,]0+)?\s*", text)
    return int(found.group(1)) if found else None
