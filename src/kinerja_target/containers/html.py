"""HTML documents: every ``<table>`` as records, the text around them as prose.

An e-SAKIP page, a LibreOffice or Excel "Save as HTML" export or a Word "Web page" all
reach the reader the same way: the page's lines in document order, each heading,
paragraph, caption or block of text a prose :class:`~.grid.Line`, each table row a record
of cells. Only the standard library's :mod:`html.parser` is used, so HTML needs no extra.

Tables follow the HTML table model (the one browsers, and so a printed page, use):

* ``rowspan``/``colspan`` are expanded the way a spreadsheet's CSV export writes a merge:
  the text in the top-left cell, the covered cells ``""``, and a
  :class:`~.grid.Span` on the anchor's line. A ``rowspan`` stops at the end of its row
  group (``<thead>``, ``<tbody>``, ``<tfoot>``), ``rowspan=0`` reaches to it; a cell is
  placed in the first column no span above covers.
* ``<th>`` and ``<td>`` alike; ``<br>`` and block elements (``<p>``, ``<div>``, ``<li>``)
  inside a cell are line breaks inside the cell's text; spaces are collapsed as a browser
  shows them, entities decoded.
* A table inside a cell is read as a table of its own, right after the row that holds it;
  when no other cell of that row holds text (a page laid out with a table), the row's own
  text becomes prose, else the row stays a record.
* Excel 2003 XML workbooks (``<?xml`` files e-office applications serve as ``.xls``)
  read the same way: ``<Row>`` and ``<Cell>`` with ``ss:MergeAcross``, ``ss:MergeDown``
  and ``ss:Index``, the workbook's metadata skipped.
* ``<script>``, ``<style>``, ``<template>``, ``<head>`` metadata and form controls are
  skipped; ``<col>`` tags, Excel's ``x:str``/``x:num`` attributes, ``mso`` styles and
  conditional comments do not change the text a user sees.

The encoding is read from a byte-order mark, else the page's ``<meta charset>``, else
UTF-8 when the bytes are valid UTF-8, else Windows-1252 (with a note).

>>> import tempfile, pathlib
>>> page = pathlib.Path(tempfile.mkdtemp()) / "rkt.html"
>>> _ = page.write_text(
...     "<h2>RKT KPU Kota Ambon 2024</h2><table><tr><th>Indikator</th><th>Target</th></tr>"
...     "<tr><td rowspan=2>Nilai<br>SAKIP</td><td>70%</td></tr><tr><td>75%</td></tr></table>",
...     encoding="utf-8",
... )
>>> for line in grids(page, "rkt.html")[0].lines:
...     print(line.number, line.text or line.cells, line.spans)
1 RKT KPU Kota Ambon 2024 ()
2 ('Indikator', 'Target') ()
3 ('Nilai\\nSAKIP', '70%') (Span(column=0, rows=2, columns=1),)
4 ('', '75%') ()
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs

from ..errors import DocumentReadError
from .grid import Grid, Line, Span

__all__ = ["decode_html", "grids", "html_lines"]

# Elements that end a line of text (in a cell: a line break inside the cell's text).
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
    ]
)
# Elements whose content is not text a reader of the page sees.
_SKIPPED = frozenset(
    [
        *("script", "style", "template", "noscript", "head", "select", "button", "textarea"),
        "svg",
        # the metadata of an Excel 2003 XML workbook
        *("documentproperties", "officedocumentsettings", "excelworkbook", "styles"),
        *("worksheetoptions", "names", "customdocumentproperties"),
    ]
)
_IN_HEAD = frozenset(["meta", "title", "link", "style", "script", "base", "noscript", "template"])
# Excel 2003 XML ("XML Spreadsheet", which e-office applications serve as .xls) writes
# its rows and cells as <Row> and <Cell ss:MergeAcross ss:MergeDown ss:Index>.
_ALIASES = {"row": "tr", "cell": "td"}
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
# The HTML table model's limits (WHATWG "processing model" for tables).
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534

_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def grids(path: Path, source: str) -> list[Grid]:
    """The one grid of the HTML page at ``path``: its tables' rows and the prose around."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(source, exc.strerror or str(exc)) from None
    text, note = decode_html(data)
    notes = (note,) if note else ()
    return [Grid(source, tuple(html_lines(text)), "records", notes, None, "html")]


def decode_html(data: bytes) -> tuple[str, str | None]:
    """The text of an HTML page's bytes, and a note when the encoding was guessed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), None
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        # A page served as UTF-16 cannot declare it in ASCII bytes; such a meta is wrong.
        if codec and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            "the page is not UTF-8 and declares no usable charset: read as Windows-1252"
        )


def html_lines(text: str) -> list[Line]:
    """The lines of an HTML page's text, numbered from 1 in document order."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return parser.finish()


@attrs.define
class _Cell:
    parts: list[str] = attrs.Factory(list)
    rowspan: int = 1
    colspan: int = 1
    has_table: bool = False
    #: the 1-based column an Excel 2003 XML cell names (ss:Index), 0 when it names none
    index: int = 0

    def text(self) -> str:
        return _cell_text("".join(self.parts))


@attrs.define
class _Row:
    cells: list[_Cell] = attrs.Factory(list)
    group: int = 0
    #: what follows the row: the lines of the tables nested in its cells.
    after: list[_Item] = attrs.Factory(list)


@attrs.define
class _Table:
    number: int
    rows: list[_Row] = attrs.Factory(list)
    group: int = 0
    cell: _Cell | None = None
    #: text inside the table but outside any cell (a caption, stray text): prose.
    prose: list[str] = attrs.Factory(list)

    def row(self) -> _Row:
        if not self.rows or self.rows[-1] is _CLOSED:
            self.rows.append(_Row(group=self.group))
        return self.rows[-1]


# A prose text, or a record: (cells, spans, where).
_Item = str | tuple[tuple[str, ...], tuple[Span, ...], str]
_CLOSED = _Row(group=-1)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Item] = []
        self.prose: list[str] = []
        self.tables: list[_Table] = []
        self.skipping: list[str] = []
        self.count = 0

    # -- events ---------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        tag = _local(tag)
        if self.tables and tag in _ALIASES:
            self._spreadsheet_start(_ALIASES[tag], dict(attrs_))
            return
        if self.skipping == ["head"] and tag not in _IN_HEAD:
            # A <head> left open ends where the body's content begins, as in a browser.
            self.skipping.clear()
        if self.skipping:
            if tag == self.skipping[-1] and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag == "table":
            self._break()
            if self.tables and self.tables[-1].cell is not None:
                self.tables[-1].cell.has_table = True
            elif not self.tables:
                self._flush_prose()
            self.count += 1
            self.tables.append(_Table(self.count))
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and tag in _ROW_GROUPS:
            self._end_row(table)
            table.group += 1
        elif table is not None and tag == "tr":
            self._end_row(table)
            table.row()
        elif table is not None and tag in ("td", "th"):
            self._end_cell(table)
            values = dict(attrs_)
            cell = _Cell(
                rowspan=_span(values.get("rowspan"), 1, _MAX_ROWSPAN, zero=0),
                colspan=_span(values.get("colspan"), 1, _MAX_COLSPAN, zero=1),
            )
            table.row().cells.append(cell)
            table.cell = cell
        elif tag in _BLOCKS:
            self._break()

    def _spreadsheet_start(self, tag: str, values: dict[str, str | None]) -> None:
        table = self.tables[-1]
        if tag == "tr":
            self._end_row(table)
            table.row()
            return
        self._end_cell(table)
        index = _span(values.get("ss:index"), 0, _MAX_COLSPAN, zero=0)
        cell = _Cell(
            rowspan=1 + _span(values.get("ss:mergedown"), 0, _MAX_ROWSPAN, zero=0),
            colspan=1 + _span(values.get("ss:mergeacross"), 0, _MAX_COLSPAN, zero=0),
            index=index,
        )
        table.row().cells.append(cell)
        table.cell = cell

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        # <br/>, <td/> and friends: a start without content.
        self.handle_starttag(tag, attrs_)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = _local(tag)
        if self.tables and tag in _ALIASES and not self.skipping:
            tag = _ALIASES[tag]
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        table = self.tables[-1] if self.tables else None
        if tag == "table":
            if table is not None:
                self._end_table()
            return
        if table is None:
            if tag in _BLOCKS:
                self._break()
            return
        if tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        elif tag in _ROW_GROUPS:
            self._end_row(table)
            table.group += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.tables:
            table = self.tables[-1]
            if table.cell is not None:
                table.cell.parts.append(data)
            else:
                table.prose.append(data)
        else:
            self.prose.append(data)

    # -- structure ------------------------------------------------------------

    def _break(self) -> None:
        if self.tables:
            table = self.tables[-1]
            (table.cell.parts if table.cell is not None else table.prose).append("\n")
        else:
            self.prose.append("\n")

    def _flush_prose(self) -> None:
        self.items.extend(_prose_lines("".join(self.prose)))
        self.prose.clear()

    def _end_cell(self, table: _Table) -> None:
        table.cell = None

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.rows and table.rows[-1] is not _CLOSED:
            table.rows.append(_CLOSED)

    def _end_table(self) -> None:
        table = self.tables.pop()
        items = _prose_lines("".join(table.prose)) + _table_items(table)
        if self.tables:
            outer = self.tables[-1]
            outer.row().after.extend(items)
        else:
            self.items.extend(items)

    def finish(self) -> list[Line]:
        while self.tables:
            self._end_table()
        self._flush_prose()
        lines: list[Line] = []
        for number, item in enumerate(self.items, 1):
            if isinstance(item, str):
                lines.append(Line(number, text=item))
            else:
                cells, spans, where = item
                lines.append(Line(number, cells=cells, spans=spans, where=where))
        return lines


def _table_items(table: _Table) -> list[_Item]:
    """The table's rows as records, spans expanded by the HTML table model."""
    rows = [row for row in table.rows if row is not _CLOSED]
    # covered[(row, column)] is True where a span from an earlier cell reaches.
    covered: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, _Cell, int, int]]] = []
    width = 0
    group_end = _group_ends(rows)
    for r, row in enumerate(rows):
        column = 0
        anchors: list[tuple[int, _Cell, int, int]] = []
        for cell in row.cells:
            column = max(column, cell.index - 1)
            while (r, column) in covered:
                column += 1
            last = group_end[r]
            rows_down = last - r + 1 if cell.rowspan == 0 else min(cell.rowspan, last - r + 1)
            for dr in range(rows_down):
                for dc in range(cell.colspan):
                    covered.add((r + dr, column + dc))
            anchors.append((column, cell, rows_down, cell.colspan))
            column += cell.colspan
            width = max(width, column)
        placed.append(anchors)
    items: list[_Item] = []
    for r, (row, anchors) in enumerate(zip(rows, placed, strict=True)):
        where = f"tabel {table.number}, baris {r + 1}"
        if _lays_out(anchors):
            # A layout table's row: its own text is prose, its nested tables the records.
            for _, cell, _, _ in anchors:
                items.extend(_prose_lines("".join(cell.parts)))
            items.extend(row.after)
            continue
        cells = [""] * width
        spans: list[Span] = []
        for column, cell, rows_down, columns in anchors:
            cells[column] = cell.text()
            if rows_down > 1 or columns > 1:
                spans.append(Span(column, rows_down, columns))
        items.append((tuple(cells), tuple(spans), where))
        items.extend(row.after)
    return items


def _lays_out(anchors: list[tuple[int, _Cell, int, int]]) -> bool:
    """A row that holds tables and no cell of data beside them: a page laid out with a
    table. A data row with a small table in one cell stays a record."""
    if not any(cell.has_table for _, cell, _, _ in anchors):
        return False
    return all(cell.has_table or not cell.text() for _, cell, _, _ in anchors)


def _group_ends(rows: list[_Row]) -> list[int]:
    """For each row, the index of the last row of its row group."""
    ends = [0] * len(rows)
    last = len(rows) - 1
    for r in range(len(rows) - 1, -1, -1):
        if r < len(rows) - 1 and rows[r + 1].group != rows[r].group:
            last = r
        ends[r] = last
    return ends


def _local(tag: str) -> str:
    # <ss:Row> and <Row> alike; HTML has no prefixed tags this reader uses.
    return tag.rsplit(":", 1)[-1] if ":" in tag else tag


def _span(value: str | None, default: int, limit: int, *, zero: int) -> int:
    if value is None:
        return default
    digits = re.match(r"\s*(\d+)", value)
    if digits is None:
        return default
    number = int(digits.group(1))
    if number == 0:
        return zero
    return min(number, limit)


def _cell_text(raw: str) -> str:
    lines = (_SPACES.sub(" ", part).strip() for part in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def _prose_lines(raw: str) -> list[_Item]:
    lines = (_SPACES.sub(" ", part).strip() for part in raw.split("\n"))
    return [line for line in lines if line]
