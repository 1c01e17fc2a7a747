"""Workbooks (XLSX, XLSM): every visible worksheet a grid, cell values as the sheet holds them.

One rule for a number cell, whatever reads it (docs/decisions/0270): the number as the
sheet shows it, written the Indonesian way with a decimal comma and no grouping. A float
is read to the 15 significant digits Excel keeps (``87.49999999999999`` is ``87,5``); a
percent number format (``0%``, ``0.00%``) shows it times 100 with a ``%``, while a format
that only prints the sign (``0\\%``, ``0"%"``) adds the sign to the number as it is; a
format with fixed decimals (``0.00``, ``#,##0.00``) shows them all, rounded half up, as
the printed table does (``80,00%``). Under the General format a three-digit fraction
gets a trailing zero (``1,1250``), since ``1,125`` would read as a thousands group: the
text reads back as exactly the number.

A formula's value is the one Excel cached when it saved the file. A file saved by a
program that does not compute formulas has none: a formula of numbers and cells
(``=19/20``, ``=C5/B5*100``) is then computed here, and any other is left empty with a
note. Merged cells keep their text in the top-left cell, with a :class:`Span`; hidden
sheets and chart sheets are skipped with a note.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import DocumentReadError, MissingExtraError
from .grid import Grid, Line, Span

__all__ = ["cell_text", "grids", "number_text"]

_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_PRINTED_PERCENT = re.compile(r'\\%|"[^"]*%[^"]*"')
_FORMAT_DECIMALS = re.compile(r"0(?:\.(0+))?")


def number_text(value: Decimal, number_format: str = "General") -> str:
    """A number cell as text the target parser reads back exactly (see the module doc).

    >>> number_text(Decimal("0.9548"), "0.00%"), number_text(Decimal(95), "0\\\\%")
    ('95,48%', '95%')
    >>> number_text(Decimal("1.125")), number_text(Decimal("102.9375"), "#,##0.00")
    ('1,1250', '102,94')
    >>> number_text(Decimal("0.8"), "0.00%"), number_text(Decimal("1.25"), "0.000")
    ('80,00%', '1,250')
    """
    section = number_format.split(";")[0]
    bare = _FORMAT_LITERALS.sub("", section)
    scaled = "%" in bare
    printed = scaled or bool(_PRINTED_PERCENT.search(section))
    if scaled:
        value = value * 100
    decimals = _FORMAT_DECIMALS.search(bare.replace(",", ""))
    if decimals is not None and number_format.lower() != "general":
        places = Decimal(1).scaleb(-len(decimals.group(1) or ""))
        value = value.quantize(places, rounding=ROUND_HALF_UP)
    if decimals is not None and number_format.lower() != "general":
        # as the sheet shows it: "80,00%", "1,250"
        text = format(value, "f").replace(".", ",")
    elif value == value.to_integral_value():
        text = format(value.quantize(Decimal(1)), "f")
    else:
        whole, _, fraction = format(value.normalize(), "f").partition(".")
        text = f"{whole},{fraction}{'0' if len(fraction) == 3 else ''}"
    return text + ("%" if printed else "")


def cell_text(value: object, number_format: str = "General") -> str:
    """The text of a cell value from openpyxl (or pandas): what the reader reads."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN: pandas' empty cell
            return ""
        return number_text(Decimal(format(value, ".15g")), number_format or "General")
    if isinstance(value, int | Decimal):
        return number_text(Decimal(value), number_format or "General")
    if isinstance(value, datetime.datetime):
        # a date as a sheet shows it: the time only where there is one
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M" if not value.second else "%Y-%m-%d %H:%M:%S")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a core dependency
        raise MissingExtraError("Excel workbooks", "openpyxl", "xlsx") from None
    return openpyxl


def load(path: Path, source: str, *, data_only: bool = True) -> Any:
    """The workbook at ``path`` loaded by openpyxl; a damaged file a clear error."""
    openpyxl = _openpyxl()
    try:
        return openpyxl.load_workbook(path, data_only=data_only)
    except zipfile.BadZipFile:
        raise DocumentReadError(source, "not a readable workbook: a damaged zip file") from None
    except KeyError as exc:
        raise DocumentReadError(source, f"not a readable workbook: no part {exc}") from None
    except Exception as exc:  # openpyxl raises what its XML parser raises
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DocumentReadError(source, f"not a readable workbook: {reason}") from None


def grids(path: Path, source: str) -> list[Grid]:
    book = load(path, source)
    notes: list[str] = []
    for chart in getattr(book, "chartsheets", ()):
        notes.append(f"chart sheet {chart.title!r} skipped")
    sheets = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            notes.append(f"hidden sheet {sheet.title!r} skipped")
        else:
            sheets.append(sheet)
    if not sheets:
        what = "no visible worksheet" if book.worksheets else "no worksheet"
        raise DocumentReadError(source, f"the workbook has {what} ({'; '.join(notes) or 'empty'})")
    uncomputed = _uncomputed_formulas(path, source, book)
    out: list[Grid] = []
    for sheet in sheets:
        name = f"{source}[{sheet.title}]" if len(sheets) > 1 else source
        formulas = uncomputed.get(sheet.title, {})
        lines, sheet_notes = _sheet_lines(sheet, formulas)
        out.append(
            Grid(
                name,
                tuple(lines),
                "records",
                (*notes, *sheet_notes),
                sheet=sheet.title,
                container="workbook",
            )
        )
    return out


def _sheet_lines(sheet: Any, formulas: dict[tuple[int, int], str]) -> tuple[list[Line], list[str]]:
    spans: dict[int, list[Span]] = {}
    for cell_range in sheet.merged_cells.ranges:
        spans.setdefault(cell_range.min_row, []).append(
            Span(
                cell_range.min_col - 1,
                cell_range.max_row - cell_range.min_row + 1,
                cell_range.max_col - cell_range.min_col + 1,
            )
        )
    notes: list[str] = []
    lines: list[Line] = []
    for row in sheet.iter_rows():
        if not row:
            continue
        number = row[0].row
        texts: list[str] = []
        for cell in row:
            value = cell.value
            if value is None and (number, cell.column) in formulas:
                value = _evaluate(formulas[(number, cell.column)], sheet, formulas)
                if value is None:
                    notes.append(
                        f"{cell.coordinate}: formula ={formulas[(number, cell.column)]} has no "
                        "saved value (open and save the file in Excel or LibreOffice)"
                    )
            texts.append(cell_text(value, cell.number_format))
        lines.append(Line(number, cells=tuple(texts), spans=tuple(spans.get(number, ()))))
    return lines, notes


# -- formulas without a cached value ------------------------------------------------------------

_FORMULA_CELL = re.compile(
    r'<c r="(?P<ref>[A-Z]{1,3}\d+)"[^>]*>\s*<f>(?P<f>[^<]*)</f>\s*(?:<v\s*/>|<v></v>)?\s*</c>'
)


def _uncomputed_formulas(
    path: Path, source: str, book: Any
) -> dict[str, dict[tuple[int, int], str]]:
    """Formulas saved without a value, by sheet title and (row, column). The sheets' parts
    are found as the writer finds them (:class:`._workbook_package.Package`)."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    from ._workbook_package import Package

    try:
        package = Package.read(path, source)
    except DocumentReadError:
        return {}  # openpyxl read it: nothing more to learn from the parts
    found: dict[str, dict[tuple[int, int], str]] = {}
    for sheet in book.worksheets:
        try:
            xml = package.text(package.worksheet(sheet.title))[0]
        except DocumentReadError:
            continue
        if "<f>" not in xml:
            continue
        cells: dict[tuple[int, int], str] = {}
        for m in _FORMULA_CELL.finditer(xml):
            letters, row = coordinate_from_string(m.group("ref"))
            cells[(row, column_index_from_string(letters))] = _unescape(m.group("f"))
        if cells:
            found[sheet.title] = cells
    return found


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<ref>\$?[A-Z]{1,3}\$?\d+)|(?P<op>[-+*/()]))")


def _evaluate(
    formula: str, sheet: Any, formulas: dict[tuple[int, int], str], depth: int = 0
) -> Decimal | None:
    """A formula of numbers, cell references, ``+ - * /`` and brackets, in Decimal."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    tokens: list[tuple[str, str]] = []
    position = 0
    text = formula.strip()
    while position < len(text):
        m = _TOKEN.match(text, position)
        if m is None or m.end() == position:
            return None
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        position = m.end()

    def value_of(ref: str) -> Decimal | None:
        letters, row = coordinate_from_string(ref.replace("$", ""))
        column = column_index_from_string(letters)
        cell = sheet.cell(row, column).value
        if cell is None and (row, column) in formulas and depth < 8:
            return _evaluate(formulas[(row, column)], sheet, formulas, depth + 1)
        if isinstance(cell, bool) or not isinstance(cell, int | float | Decimal):
            return None
        return Decimal(format(cell, ".15g")) if isinstance(cell, float) else Decimal(cell)

    index = 0

    def atom() -> Decimal | None:
        nonlocal index
        if index >= len(tokens):
            return None
        kind, token = tokens[index]
        index += 1
        if kind == "num":
            return Decimal(token)
        if kind == "ref":
            return value_of(token)
        if token == "-":
            inner = atom()
            return -inner if inner is not None else None
        if token == "(":
            inner = sum_()
            if index < len(tokens) and tokens[index][1] == ")":
                index += 1
                return inner
        return None

    def product() -> Decimal | None:
        nonlocal index
        left = atom()
        while left is not None and index < len(tokens) and tokens[index][1] in "*/":
            op = tokens[index][1]
            index += 1
            right = atom()
            if right is None:
                return None
            try:
                left = left * right if op == "*" else left / right
            except (InvalidOperation, ZeroDivisionError):
                return None
        return left

    def sum_() -> Decimal | None:
        nonlocal index
        left = product()
        while left is not None and index < len(tokens) and tokens[index][1] in "+-":
            op = tokens[index][1]
            index += 1
            right = product()
            if right is None:
                return None
            left = left + right if op == "+" else left - right
        return left

    result = sum_()
    return result if index == len(tokens) else None
