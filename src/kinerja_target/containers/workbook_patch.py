"""Writing cells into an existing XLSX/XLSM without re-saving the workbook.

Re-saving a workbook through openpyxl drops what openpyxl does not model: the values
Excel cached for formulas (a second reader sees ``=19/20`` and no value), the macros of an
``.xlsm``, charts, images, comments' shapes, extension lists. :func:`patch_workbook`
instead edits the one sheet's XML in the zip, text spliced at the cells written, and
copies every other part as it was; ``styles.xml`` gains a cell format only where a write
needs one that is not there yet (decision 0250).

>>> import tempfile, openpyxl
>>> folder = Path(tempfile.mkdtemp())
>>> book = openpyxl.Workbook(); book.active.title = "LKj"; book.active["A1"] = "Target"
>>> book.save(folder / "lkj.xlsx")
>>> patch_workbook(folder / "lkj.xlsx", folder / "lkj.xlsx", "LKj", [
...     CellWrite(1, 2, "Capaian", bold=True),
...     CellWrite(2, 2, Decimal("0.975"), number_format="0.00%"),
... ])
>>> sheet = openpyxl.load_workbook(folder / "lkj.xlsx")["LKj"]
>>> sheet["B1"].value, sheet["B1"].font.b, sheet["B2"].value, sheet["B2"].number_format
('Capaian', True, 0.975, '0.00%')
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ..errors import DocumentReadError, DocumentWriteError, SchemaError
from . import _xmlsplice as xml
from ._workbook_package import Package
from ._workbook_refs import column_letters, parse_range, parse_ref
from ._workbook_styles import GENERAL, Styles

__all__ = ["CellWrite", "patch_workbook"]

MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
MAX_TEXT = 32_767  # characters in one cell: what Excel keeps

# Characters XML 1.0 cannot carry, and text that reads as Excel's own escape of one
# (``_x000D_``), are written as that escape, as Excel does (ECMA-376's ST_Xstring).
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|_(?=x[0-9A-Fa-f]{4}_)"
)


def _check_value(instance: CellWrite, attribute: Any, value: str | Decimal | int | None) -> None:
    if value is None or isinstance(value, str):
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise SchemaError(
                f"{instance.ref}: a cell holds at most {MAX_TEXT} characters, not {len(value)}"
            )
        return
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise SchemaError(
            f"{instance.ref}: a cell value is text, a Decimal, an int or None, not "
            f"{type(value).__name__} (write Decimal(str(x)) for a float)"
        )
    if isinstance(value, Decimal) and (not value.is_finite() or not math.isfinite(float(value))):
        raise SchemaError(f"{instance.ref}: {value} is not a number a spreadsheet can hold")


def _check_position(instance: CellWrite, attribute: Any, value: int) -> None:
    limit = MAX_ROW if attribute.name == "row" else MAX_COLUMN
    if not 1 <= value <= limit:
        raise SchemaError(f"cell {attribute.name} {value} is outside a sheet (1 to {limit})")


@attrs.frozen
class CellWrite:
    """One cell to write: its 1-based ``row`` and ``column`` and its ``value``.

    Text is written as text (an inline string: ``=19/20`` stays text), a ``Decimal`` or an
    ``int`` as a number, and ``None`` or ``""`` clears the cell (its format stays).
    ``number_format`` is a format code (``"0.00%"``, ``"0.00"``); ``None`` shows a number
    as ``General`` and leaves text and cleared cells in their format. ``bold`` makes the
    font bold (a header); ``False`` leaves the font as it is.

    >>> CellWrite(2, 6, Decimal("1.0714"), number_format="0.00%")
    CellWrite(row=2, column=6, value=Decimal('1.0714'), number_format='0.00%', bold=False)
    >>> CellWrite(2, 6, Decimal("1.0714")).ref
    'F2'
    """

    row: int = attrs.field(validator=_check_position)
    column: int = attrs.field(validator=_check_position)
    value: str | Decimal | int | None = attrs.field(validator=_check_value)
    number_format: str | None = None
    bold: bool = False

    @property
    def ref(self) -> str:
        """The cell's A1 reference."""
        return f"{column_letters(self.column)}{self.row}"


def patch_workbook(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    sheet: str,
    cells: Sequence[CellWrite],
) -> None:
    """Write ``cells`` into the sheet named ``sheet`` of the workbook ``source``, as
    ``destination`` (which may be ``source``): every other part is copied as it was.

    A cell already there is replaced (a formula too); where several writes name the same
    cell, the last wins. Raises :class:`~kinerja_target.errors.DocumentReadError` for a
    file that is not a workbook, is damaged, or has no worksheet of that name, and
    :class:`~kinerja_target.errors.DocumentWriteError` when the output cannot be written
    or a write would damage the sheet (a value under a merged range, a part of an array
    formula, a new text in the header of an Excel table); the destination is then left as
    it was.
    """
    name = str(source)
    package = Package.read(Path(source), name)
    part = package.worksheet(sheet)
    sheet_text, sheet_encoding = package.text(part)
    writes = {(c.row, c.column): c for c in cells}
    # A header cell of an Excel table holds its column's name: only that text may go there.
    headers = {k: w.value if isinstance(w.value, str) else None for k, w in writes.items()}
    package.refuse_table_headers(part, headers, str(destination))
    styles_part = package.related(package.workbook, "/styles")
    styles: Styles | None = None
    needs_style = any(
        c.number_format is not None or c.bold or isinstance(c.value, Decimal | int) for c in cells
    )
    if styles_part is not None and needs_style:
        styles = package.styles(styles_part)
    editor = _SheetEditor(sheet_text, name, part, str(destination), styles)
    new_sheet = editor.apply(writes)
    replaced = {part: xml.encode(new_sheet, sheet_encoding)}
    if styles is not None and styles.changed and styles_part is not None:
        replaced[styles_part] = xml.encode(styles.render(), package.text(styles_part)[1])
    removed: set[str] = set()
    if editor.removed_formula:
        package.drop_calc_chain(replaced, removed)
    for member, data in replaced.items():
        try:
            xml.check(data)
        except xml.XmlError as exc:  # pragma: no cover - a bug here, never the input's
            raise DocumentWriteError(str(destination), f"{member}: {exc}") from None
    package.write(Path(destination), replaced, removed)


@attrs.define
class _Cell:
    column: int
    start: int
    end: int
    tag: xml.Tag


@attrs.define
class _Row:
    number: int
    tag: xml.Tag
    close: tuple[int, int]


class _SheetEditor:
    """The splices that write cells into one sheet's XML text."""

    def __init__(
        self, text: str, name: str, part: str, destination: str, styles: Styles | None
    ) -> None:
        self.text = text
        self.name = name
        self.part = part
        self.destination = destination
        self.styles = styles
        self.removed_formula = False
        self._masters: list[tuple[str, str, _Cell, xml.Tag]] = []
        self.p = xml.root_prefix(text)
        self.edits: list[xml.Splice] = []
        data = [t for t in xml.scan(text, self.p, ("sheetData",)) if not t.closing]
        if not data:
            raise DocumentReadError(name, f"{part}: a worksheet without <sheetData>")
        self.data = data[0]
        self.data_close = xml.element_end(text, self.data)

    def apply(self, writes: dict[tuple[int, int], CellWrite]) -> str:
        if not writes:
            return self.text
        self._refuse_merged(writes)
        self._refuse_arrays(writes)
        rows = self._rows()
        by_row: dict[int, list[CellWrite]] = {}
        for (number, _), write in sorted(writes.items()):
            by_row.setdefault(number, []).append(write)
        column_styles = self._column_styles()
        new_rows: list[tuple[int, str]] = []
        for number, row_writes in by_row.items():
            existing = rows.get(number)
            if existing is None:
                created = self._new_row(number, row_writes, column_styles)
                if created:
                    new_rows.append((number, created))
            else:
                self._patch_row(existing, row_writes, column_styles)
        self._insert_rows(rows, new_rows)
        self._unshare()
        self._dimension(writes)
        return xml.splice(self.text, self.edits)

    # -- rows -----------------------------------------------------------------------------

    def _rows(self) -> dict[int, _Row]:
        rows: dict[int, _Row] = {}
        number = 0
        for tag, close, end in xml.pairs(self.text, self.p, "row", *self._data_content):
            r = tag.attribute("r")
            number = int(r) if r is not None and r.strip().isdigit() else number + 1
            rows[number] = _Row(number, tag, (close, end))
        return rows

    @property
    def _data_content(self) -> tuple[int, int]:
        return self.data.end, self.data_close[0]

    def _insert_rows(self, rows: dict[int, _Row], new_rows: list[tuple[int, str]]) -> None:
        if not new_rows:
            return
        if self.data.empty:
            body = "".join(text for _, text in new_rows)
            opened = self.data.raw[:-2].rstrip() + ">"
            self.edits.append(
                xml.Splice(self.data.start, self.data.end, f"{opened}{body}</{self.data.name}>")
            )
            return
        # Rows stand in row order; a new row goes before the first row numbered after it.
        existing = sorted(rows.values(), key=lambda r: r.tag.start)
        numbers = [r.number for r in existing]
        for number, text in new_rows:
            index = bisect_right(numbers, number)
            at = existing[index].tag.start if index < len(existing) else self.data_close[0]
            self.edits.append(xml.Splice(at, at, text))

    def _new_row(
        self, number: int, writes: list[CellWrite], column_styles: list[tuple[int, int, int]]
    ) -> str:
        cells = []
        for write in writes:
            base = _column_style(column_styles, write.column)
            text = self._cell(write, base, None)
            if text:
                cells.append(text)
        if not cells:
            return ""
        return f'<{self.p}row r="{number}">{"".join(cells)}</{self.p}row>'

    def _patch_row(
        self, row: _Row, writes: list[CellWrite], column_styles: list[tuple[int, int, int]]
    ) -> None:
        cells = self._cells(row)
        columns = sorted(cells)
        custom = row.tag.attribute("customFormat") in ("1", "true")
        row_style = _int(row.tag.attribute("s")) if custom else None
        inserts: list[str] = []
        insert_at: list[int] = []
        for write in writes:
            old = cells.get(write.column)
            if old is None:
                base = (
                    row_style
                    if row_style is not None
                    else _column_style(column_styles, write.column)
                )
                text = self._cell(write, base, None)
                if not text:
                    continue
                # Cells stand in column order: a new one goes before the first after it.
                index = bisect_right(columns, write.column)
                at = cells[columns[index]].start if index < len(columns) else row.close[0]
                inserts.append(text)
                insert_at.append(at)
            else:
                base = _int(old.tag.attribute("s"))
                text = self._cell(write, base, old)
                self.edits.append(xml.Splice(old.start, old.end, text))
                following = cells.get(write.column + 1)
                written = {w.column for w in writes}
                if not text and following and following.column not in written:
                    self._pin(following, write.row)
        start_tag = self._row_tag(row.tag, writes)
        if row.tag.empty:
            if not inserts:
                return
            opened = start_tag[:-2].rstrip() + ">"
            body = "".join(inserts)
            self.edits.append(
                xml.Splice(row.tag.start, row.tag.end, f"{opened}{body}</{row.tag.name}>")
            )
            return
        if start_tag != row.tag.raw:
            self.edits.append(xml.Splice(row.tag.start, row.tag.end, start_tag))
        for at, text in zip(insert_at, inserts, strict=True):
            self.edits.append(xml.Splice(at, at, text))

    def _pin(self, cell: _Cell, row: int) -> None:
        # A cell without r stands right after the one before it: when that one is
        # removed, its position is written out, or it would move left.
        if cell.tag.attribute("r") is None:
            ref = f"{column_letters(cell.column)}{row}"
            self.edits.append(
                xml.Splice(cell.start, cell.tag.end, xml.with_attributes(cell.tag.raw, {"r": ref}))
            )

    def _row_tag(self, tag: xml.Tag, writes: list[CellWrite]) -> str:
        spans = tag.attribute("spans")
        if not spans:
            return tag.raw
        bounds = [int(n) for n in re.findall(r"[0-9]+", spans)]
        columns = [w.column for w in writes if w.value not in (None, "")]
        if not bounds or not columns:
            return tag.raw
        low, high = min(*bounds, *columns), max(*bounds, *columns)
        if low >= min(bounds) and high <= max(bounds):
            return tag.raw
        return xml.with_attributes(tag.raw, {"spans": f"{low}:{high}"})

    def _cells(self, row: _Row) -> dict[int, _Cell]:
        cells: dict[int, _Cell] = {}
        column = 0
        for tag, _, end in xml.pairs(self.text, self.p, "c", row.tag.end, row.close[0]):
            ref = tag.attribute("r")
            position = parse_ref(ref) if ref else None
            column = position[1] if position is not None else column + 1
            cells[column] = _Cell(column, tag.start, end, tag)
        return cells

    # -- cells ----------------------------------------------------------------------------

    def _cell(self, write: CellWrite, base: int, old: _Cell | None) -> str:
        """The XML of the written cell ("" for a cleared cell with no format)."""
        if old is not None:
            self._check_formula(write, old)
        value = None if write.value == "" else write.value
        number_format = write.number_format
        if number_format is None and value is not None and not isinstance(value, str):
            number_format = "General"
        style = base
        if number_format is not None or write.bold:
            if self.styles is None:
                if number_format not in (None, "General") or write.bold:
                    raise DocumentWriteError(
                        self.destination, "the workbook has no styles part to add a format to"
                    )
            else:
                style = self.styles.resolve(base, number_format, write.bold)
        ref = write.ref
        s = f' s="{style}"' if style != GENERAL else ""
        p = self.p
        if value is None:
            return f'<{p}c r="{ref}"{s}/>' if style != GENERAL else ""
        if isinstance(value, str):
            space = ' xml:space="preserve"' if _needs_preserve(value) else ""
            return (
                f'<{p}c r="{ref}"{s} t="inlineStr"><{p}is><{p}t{space}>'
                f"{xml.escape_text(_xstring(value))}</{p}t></{p}is></{p}c>"
            )
        number = format(value, "f") if isinstance(value, Decimal) else str(value)
        return f'<{p}c r="{ref}"{s}><{p}v>{number}</{p}v></{p}c>'

    def _check_formula(self, write: CellWrite, old: _Cell) -> None:
        if old.tag.empty or f"<{self.p}f" not in self.text[old.tag.end : old.end]:
            return
        for tag in xml.scan(self.text, self.p, ("f",), old.tag.end, old.end):
            if tag.closing:
                continue
            self.removed_formula = True
            attributes = tag.attributes
            kind = attributes.get("t", "normal")
            if kind == "shared" and "ref" in attributes:
                self._masters.append((attributes.get("si", ""), write.ref, old, tag))

    def _unshare(self) -> None:
        """A shared formula is written once, in its first cell, and the other cells of its
        range point to it: when that cell is overwritten, each of them gets the formula
        written out in full (translated to its position), keeping its cached value."""
        if not self._masters:
            return
        from openpyxl.formula.translate import Translator

        written = {(e.start, e.end) for e in self.edits}
        masters = {}
        for si, ref, old, tag in self._masters:
            formula = xml.unescape(self.text[tag.end : xml.element_end(self.text, tag)[0]])
            masters[si] = (ref, formula, old)
        row_number, column = 0, 0
        tags = xml.scan(self.text, self.p, ("row", "c", "f"), self.data.end, self.data_close[0])
        for tag in tags:
            if tag.closing:
                continue
            attributes = tag.attributes
            local = tag.name[len(self.p) :]
            if local == "row":
                r = attributes.get("r")
                row_number = int(r) if r and r.isdigit() else row_number + 1
                column = 0
            elif local == "c":
                position = parse_ref(attributes.get("r", ""))
                column = position[1] if position is not None else column + 1
                cell_start = tag.start
            elif attributes.get("t") == "shared" and "ref" not in attributes:
                si = attributes.get("si", "")
                if si not in masters:
                    continue
                origin, formula, _ = masters[si]
                if any(s <= cell_start < e for s, e in written):
                    continue  # overwritten too
                here = f"{column_letters(column)}{row_number}"
                translated = Translator("=" + formula, origin=origin).translate_formula(here)
                end = xml.element_end(self.text, tag)[1]
                body = xml.escape_text(translated[1:])
                self.edits.append(xml.Splice(tag.start, end, f"<{self.p}f>{body}</{self.p}f>"))

    # -- the sheet around the cells ---------------------------------------------------

    def _refuse_merged(self, writes: dict[tuple[int, int], CellWrite]) -> None:
        by_row = _by_row(writes)
        for tag in xml.scan(self.text, self.p, ("mergeCell",)):
            bounds = parse_range(tag.attributes.get("ref", "")) if not tag.closing else None
            if bounds is None:
                continue
            top, left = bounds[:2]
            for write in _within(by_row, bounds):
                if (write.row, write.column) != (top, left) and write.value not in (None, ""):
                    raise DocumentWriteError(
                        self.destination,
                        f"{write.ref} lies under the merged cell {tag.attributes['ref']}; "
                        f"only its first cell {column_letters(left)}{top} can be written",
                    )

    def _refuse_arrays(self, writes: dict[tuple[int, int], CellWrite]) -> None:
        # An array formula (or a data table) fills its whole range from its first cell:
        # overwriting any cell of a range of several would leave Excel a broken array.
        if 't="array"' not in self.text and 't="dataTable"' not in self.text:
            return
        by_row = _by_row(writes)
        for tag in xml.scan(self.text, self.p, ("f",), self.data.end, self.data_close[0]):
            attributes = tag.attributes if not tag.closing else {}
            if attributes.get("t") not in ("array", "dataTable"):
                continue
            bounds = parse_range(attributes.get("ref", ""))
            if bounds is None or bounds[:2] == bounds[2:]:
                continue
            for write in _within(by_row, bounds):
                raise DocumentWriteError(
                    self.destination,
                    f"{write.ref} is part of the array formula of {attributes['ref']}, "
                    "which Excel does not let a part of be overwritten",
                )

    def _column_styles(self) -> list[tuple[int, int, int]]:
        styles = []
        for tag in xml.scan(self.text, self.p, ("col",), 0, self.data.start):
            if tag.closing:
                continue
            attributes = tag.attributes
            style = _int(attributes.get("style"))
            if style:
                styles.append((_int(attributes.get("min")), _int(attributes.get("max")), style))
        return styles

    def _dimension(self, writes: dict[tuple[int, int], CellWrite]) -> None:
        positions = [k for k, w in writes.items() if w.value not in (None, "")]
        if not positions:
            return
        for tag in xml.scan(self.text, self.p, ("dimension",), 0, self.data.start):
            if tag.closing:
                continue
            old = parse_range(tag.attributes.get("ref", ""))
            rows = [r for r, _ in positions]
            columns = [c for _, c in positions]
            if old is not None:
                rows += [old[0], old[2]]
                columns += [old[1], old[3]]
            first = f"{column_letters(min(columns))}{min(rows)}"
            last = f"{column_letters(max(columns))}{max(rows)}"
            ref = first if first == last else f"{first}:{last}"
            if ref != tag.attributes.get("ref"):
                self.edits.append(
                    xml.Splice(tag.start, tag.end, xml.with_attributes(tag.raw, {"ref": ref}))
                )
            return


def _by_row(writes: dict[tuple[int, int], CellWrite]) -> dict[int, list[CellWrite]]:
    rows: dict[int, list[CellWrite]] = {}
    for write in writes.values():
        rows.setdefault(write.row, []).append(write)
    return rows


def _within(
    by_row: dict[int, list[CellWrite]], bounds: tuple[int, int, int, int]
) -> list[CellWrite]:
    """The writes inside a range, looked up row by row (a sheet may hold thousands of
    merged ranges and a write thousands of cells)."""
    top, left, bottom, right = bounds
    if bottom - top + 1 > len(by_row):
        rows = [r for r in by_row if top <= r <= bottom]
    else:
        rows = [r for r in range(top, bottom + 1) if r in by_row]
    return [w for r in rows for w in by_row[r] if left <= w.column <= right]


def _column_style(styles: list[tuple[int, int, int]], column: int) -> int:
    for low, high, style in styles:
        if low <= column <= high:
            return style
    return GENERAL


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.strip().isdigit() else 0


def _xstring(text: str) -> str:
    return _UNWRITABLE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def _needs_preserve(text: str) -> bool:
    return text != text.strip() or any(c in text for c in "\t\n\r") or "  " in text
