"""A fast write-only XLSX workbook of plain cells: the report's spreadsheet.

A national report has a sheet of ~330k rows; openpyxl builds an object per cell and
takes minutes for it. This writer streams each sheet's XML straight into the zip: a
number (``int``, ``Decimal``, exact as its text) is a number cell, anything else an
inline string, ``None`` an empty cell; a column declared numeric takes its values
text as numbers (DuckDB writes a DECIMAL as text far faster than Python builds a
``Decimal``). No styles, formulas or shared strings: what the
report needs and nothing else (ECMA-376 Part 1, SpreadsheetML, §18.3).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO
from xml.sax.saxutils import escape

import attrs

__all__ = ["Sheet", "row_sql", "write_workbook"]

# Characters XML 1.0 cannot carry at all: dropped from the text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{sheets}</sheets></workbook>"
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{rels}</Relationships>"
)
_SHEET_REL = (
    '<Relationship Id="rId{n}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet{n}.xml"/>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)


def _cell(value: object, number: bool = False) -> str:
    if value is None:
        return "<c/>"
    if number or (isinstance(value, int) and not isinstance(value, bool)):
        return f"<c><v>{value}</v></c>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, Decimal) and value.is_finite():
        return f"<c><v>{value:f}</v></c>"
    # A bare CR would be read back as LF (XML normalises line ends): written as &#13;.
    text = escape(_ILLEGAL.sub("", str(value)), {"\r": "&#13;"})
    return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def row_sql(columns: Sequence[tuple[str, bool]]) -> str:
    """A DuckDB expression that renders a row as its ``<row>`` element, for a
    :class:`Sheet` with ``xml=True``: ``columns`` are ``(name, numeric)`` pairs. The
    database builds the XML of a national sheet many times faster than Python."""
    cells = []
    for name, numeric in columns:
        text = f'CAST("{name}" AS VARCHAR)'
        if numeric:
            cell = f"'<c><v>' || {text} || '</v></c>'"
        else:
            clean = f"regexp_replace({text}, '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]', '', 'g')"
            for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
                clean = f"replace({clean}, '{char}', '{entity}')"
            clean = f"replace({clean}, chr(13), '&#13;')"
            cell = (
                f"""'<c t="inlineStr"><is><t xml:space="preserve">' || {clean} || '</t></is></c>'"""
            )
        cells.append(f"""CASE WHEN "{name}" IS NULL THEN '<c/>' ELSE {cell} END""")
    return "'<row>' || " + " || ".join(cells) + " || '</row>'"


def _sheet(handle: IO[bytes], sheet: Sheet) -> None:
    handle.write(_SHEET_HEAD.encode())
    handle.write(("<row>" + "".join(_cell(h) for h in sheet.header) + "</row>").encode())
    numbers = sheet.numbers or (False,) * len(sheet.header)
    batch: list[str] = []
    for row in sheet.rows:
        if sheet.xml:
            batch.append(str(row[0]))
        else:
            cells = "".join(_cell(v, n) for v, n in zip(row, numbers, strict=True))
            batch.append(f"<row>{cells}</row>")
        if len(batch) >= 2000:
            handle.write("".join(batch).encode("utf-8"))
            batch.clear()
    handle.write(("".join(batch) + "</sheetData></worksheet>").encode("utf-8"))


@attrs.frozen
class Sheet:
    """One sheet: its ``name`` (at most 31 characters), its ``header``, its ``rows``,
    and which columns hold numbers written as text (``numbers``: a column of ``"97.5"``
    strings is written as number cells; empty: every value by its own type). With
    ``xml``, each row is a 1-tuple of its rendered ``<row>`` element (:func:`row_sql`)."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]] = attrs.field(repr=False)
    numbers: Sequence[bool] = ()
    xml: bool = False


def write_workbook(handle: IO[bytes], sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` as an XLSX workbook to the binary file ``handle``."""
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        numbers = range(1, len(sheets) + 1)
        book.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in numbers)),
        )
        book.writestr("_rels/.rels", _ROOT_RELS)
        entries = "".join(
            f'<sheet name="{escape(sheet.name[:31], {chr(34): "&quot;"})}" '
            f'sheetId="{n}" r:id="rId{n}"/>'
            for n, sheet in zip(numbers, sheets, strict=True)
        )
        book.writestr("xl/workbook.xml", _BOOK.format(sheets=entries))
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            _BOOK_RELS.format(rels="".join(_SHEET_REL.format(n=n) for n in numbers)),
        )
        for n, sheet in zip(numbers, sheets, strict=True):
            with book.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as part:
                _sheet(part, sheet)
