"""Writing a computed document back: :func:`write_table`.

What the author put in the file stays. A CSV is written back in its own delimiter,
encoding and line ends with three more columns; a workbook written back as a workbook
gets its new cells added to the sheet's XML, every other part of it (formulas with
their cached values, macros, charts, styles) copied as it was
(:mod:`kinerja_target.containers.workbook_patch`). A document of text (or HTML, Word,
PDF) cannot be written back as it was: its rows are written as a new table. Every
output goes through a temporary file and a rename; writing over the input is refused
unless asked for, and then keeps a ``.bak`` copy of it.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import TextIO

from ..containers.grid import Grid
from ..containers.output import atomic_write, same_file
from ..documents import Row
from ..documents.write import ROW_HEADER, row_cells
from ..errors import DocumentWriteError
from .row import OUTPUT_COLUMNS, CapaianRow
from .table import CapaianReport, Columns

__all__ = ["write_table"]

_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_CSV_SUFFIXES = {".csv": None, ".tsv": "\t", ".tab": "\t", ".txt": "\t"}
_PERCENT_FORMAT = "0.00%"


def write_table(
    report: CapaianReport,
    destination: str | os.PathLike[str] | TextIO,
    *,
    delimiter: str | None = None,
    in_place: bool = False,
) -> None:
    """Write the document of ``report`` with its ``Capaian``, ``Status`` and ``Keterangan``.

    ``destination`` is a path (``.csv``/``.tsv`` or ``.xlsx``/``.xlsm``; the format
    follows the suffix) or a text stream (CSV). ``delimiter`` sets a CSV's delimiter
    (default: the source's; ``;`` for a workbook, which Excel with Indonesian settings
    reads, since the capaian holds a decimal comma). Writing over the input raises
    :class:`~kinerja_target.errors.DocumentWriteError` unless ``in_place``, which first
    keeps the input as ``NAME.bak.EXT``.
    """
    if not isinstance(destination, str | os.PathLike):
        destination.write(_csv_text(report, delimiter))
        return
    path = Path(destination)
    suffix = path.suffix.lower()
    if suffix not in _WORKBOOK_SUFFIXES and suffix not in _CSV_SUFFIXES:
        raise DocumentWriteError(
            str(path), f"cannot write a {suffix or 'suffix-less'} file: give .csv or .xlsx"
        )
    if report.path is not None and same_file(path, report.path):
        if not in_place:
            raise DocumentWriteError(
                str(path), "that is the input: give another output (or write in place)"
            )
        _backup(path)
    if suffix in _WORKBOOK_SUFFIXES:
        if report.format == "workbook" and report.path is not None:
            _patch(report, path)
        else:
            data = _new_workbook(_records(report), _percent_cells(report))
            with atomic_write(path) as f:
                f.write(data)
        return
    text = _csv_text(report, delimiter or _CSV_SUFFIXES[suffix])
    encoding = _encoding(report)
    with atomic_write(path) as f:
        f.write(text.encode(encoding))


def _backup(path: Path) -> None:
    copy = path.with_name(f"{path.stem}.bak{path.suffix}")
    with path.open("rb") as source, atomic_write(copy) as target:
        shutil.copyfileobj(source, target)


# -- what goes into the new cells ----------------------------------------------------------------


def _fraction(row: CapaianRow) -> Decimal | None:
    """The capaian as a spreadsheet holds a percent: 107,14% is 1.0714 (half up to two
    decimals of the percent, as the text shows it)."""
    found = row.achievement
    if found is None or found.percent is None or row.problem is not None:
        return None
    with localcontext() as context:
        context.prec = 60
        try:
            value = found.percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) / 100
        except InvalidOperation:
            return None  # beyond what a cell holds: written as the text
    return value if value.adjusted() < 15 else None


# -- grids: a CSV or a sheet with three more columns ----------------------------------------------


def _grid_of(report: CapaianReport) -> Grid | None:
    """The grid written back: a CSV's, or the first sheet with a table."""
    if not report.layouts or report.format not in ("delimited", "workbook"):
        return None
    return report.layouts[0].grid


def _table_of(row: Row, tables: Sequence[Columns]) -> Columns:
    """The table a row sits under: the last header above its line."""
    above = [t for t in tables if t.header_row <= (row.line or 0)]
    return above[-1] if above else tables[0]


def _placed(report: CapaianReport) -> dict[str | None, dict[int, tuple[Columns, CapaianRow]]]:
    """For each sheet (``None`` for a CSV), the computed row of each line."""
    placed: dict[str | None, dict[int, tuple[Columns, CapaianRow]]] = {}
    by_grid: dict[str, list[Columns]] = {}
    for layout, columns in zip(report.layouts, report.tables, strict=True):
        by_grid.setdefault(layout.grid.source, []).append(columns)
    for row, computed in zip(report.read, report.rows, strict=True):
        tables = by_grid.get(row.source or "")
        if not tables or row.line is None:
            continue
        table = _table_of(row, tables)
        placed.setdefault(row.sheet, {})[row.line] = (table, computed)
    return placed


def _grid_records(report: CapaianReport, grid: Grid) -> list[list[str]]:
    records = [list(line.cells or ((line.text,) if line.text else ())) for line in grid.lines]
    numbers = [line.number for line in grid.lines]
    index = {n: i for i, n in enumerate(numbers)}
    placed = _placed(report).get(grid.sheet, {})
    tables = [
        t for layout, t in zip(report.layouts, report.tables, strict=True) if layout.grid is grid
    ]
    for table in tables:
        at = index.get(table.header_row)
        if at is not None:
            _put(records[at], table.output, OUTPUT_COLUMNS)
    for line, (table, computed) in placed.items():
        at = index.get(line)
        if at is not None:
            _put(records[at], table.output, computed.output)
    return records


def _put(record: list[str], positions: Sequence[int], texts: Sequence[str]) -> None:
    width = max(positions) + 1
    if len(record) < width:
        record.extend([""] * (width - len(record)))
    for position, text in zip(positions, texts, strict=True):
        record[position] = text


# -- a document without a grid: its rows as a new table -------------------------------------------


def _row_records(report: CapaianReport) -> list[list[str]]:
    own = any(row.capaian_raw for row in report.read)
    header = [*ROW_HEADER, *OUTPUT_COLUMNS, *(["Capaian Dokumen"] if own else [])]
    records = [header]
    for row, computed in zip(report.read, report.rows, strict=True):
        texts = [*row_cells(row), *computed.output]
        if own:
            texts.append(row.capaian_raw or "")
        records.append(texts)
    return records


def _records(report: CapaianReport) -> list[list[str]]:
    grid = _grid_of(report)
    return _row_records(report) if grid is None else _grid_records(report, grid)


def _percent_cells(report: CapaianReport) -> dict[tuple[int, int], Decimal]:
    """(record index, column) of each capaian written as a number into a new workbook."""
    grid = _grid_of(report)
    cells: dict[tuple[int, int], Decimal] = {}
    if grid is None:
        column = len(ROW_HEADER)
        for index, computed in enumerate(report.rows, 1):
            value = _fraction(computed)
            if value is not None:
                cells[(index, column)] = value
        return cells
    record_of = {line.number: i for i, line in enumerate(grid.lines)}
    for line, (table, computed) in _placed(report).get(grid.sheet, {}).items():
        value = _fraction(computed)
        if value is not None and line in record_of:
            cells[(record_of[line], table.output[0])] = value
    return cells


# -- CSV ------------------------------------------------------------------------------------------


def _csv_text(report: CapaianReport, delimiter: str | None) -> str:
    grid = _grid_of(report)
    chosen = delimiter or (grid.delimiter if grid is not None and grid.delimiter else ";")
    newline = grid.newline if grid is not None and grid.newline else "\r\n"
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=chosen, lineterminator=newline).writerows(_records(report))
    return text.getvalue()


def _encoding(report: CapaianReport) -> str:
    grid = _grid_of(report)
    if grid is not None and grid.container == "delimited" and grid.encoding:
        return grid.encoding
    return "utf-8-sig"  # what Excel opens as UTF-8


# -- workbooks -------------------------------------------------------------------------------------


def _new_workbook(
    records: Iterable[Sequence[str]], numbers: dict[tuple[int, int], Decimal]
) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, record in enumerate(records):
        for c, text in enumerate(record):
            number = numbers.get((r, c))
            if number is not None:
                cell = sheet.cell(r + 1, c + 1, number)
                cell.number_format = _PERCENT_FORMAT
            elif text:
                cell = sheet.cell(r + 1, c + 1)
                cell.value = text
                cell.data_type = "s"  # text stays text: "=..." is no formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _patch(report: CapaianReport, path: Path) -> None:
    from ..containers.workbook_patch import CellWrite, patch_workbook

    assert report.path is not None
    by_sheet: dict[str, list[CellWrite]] = {}
    for layout, table in zip(report.layouts, report.tables, strict=True):
        sheet = layout.grid.sheet
        if sheet is None:
            continue
        writes = by_sheet.setdefault(sheet, [])
        for position, name in zip(table.output, OUTPUT_COLUMNS, strict=True):
            writes.append(CellWrite(table.header_row, position + 1, name, bold=True))
    for sheet, lines in _placed(report).items():
        if sheet is None:
            continue
        writes = by_sheet.setdefault(sheet, [])
        for line, (table, computed) in sorted(lines.items()):
            capaian, status, keterangan = computed.output
            value = _fraction(computed)
            writes.append(
                CellWrite(line, table.output[0] + 1, value, number_format=_PERCENT_FORMAT)
                if value is not None
                else CellWrite(line, table.output[0] + 1, capaian or None)
            )
            writes.append(CellWrite(line, table.output[1] + 1, status or None))
            writes.append(CellWrite(line, table.output[2] + 1, keterangan or None))
    source = report.path
    for sheet, writes in by_sheet.items():
        patch_workbook(source, path, sheet, writes)
        source = path
    if not by_sheet:
        with report.path.open("rb") as original, atomic_write(path) as f:
            shutil.copyfileobj(original, f)
