"""Word documents (``.docx``): body paragraphs and tables in document order.

The body is read element by element, so a table stays where it stands between its
title, its satker and year lines and the sasaran headings around it:

* a paragraph is a prose :class:`~.grid.Line`, one per line break inside it; a
  paragraph of tab stops (``No<tab>Indikator<tab>Target``, a table typed with tabs) is a
  record of cells, as a tab-separated line of text is;
* a table row is a record. Merged cells follow a spreadsheet's CSV export: a horizontal
  merge (``gridSpan``, or the legacy ``hMerge``) and a vertical one (``vMerge``) keep
  their text in the top-left cell, the covered cells are ``""``, and the merge is a
  :class:`~.grid.Span` on the anchor's line; ``gridBefore``/``gridAfter`` leave empty
  cells. The paragraphs of a cell are joined with ``"\\n"``. A table inside a cell is
  read as a table of its own right after the row that holds it;
* content controls (``w:sdt``) are read through; deleted revisions are not text.

Needs the ``python-docx`` package (``pip install 'kinerja-target[docx]'``). A
password-protected document is an OLE file, not a zip, and is refused before it gets
here (:func:`kinerja_target.containers.open_grids`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import DocumentReadError, MissingExtraError
from .grid import Grid, Line, Span

__all__ = ["grids"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt"))
_CONTENT = f"{_W}sdtContent"
_CUSTOM = f"{_W}customXml"
_VAL = f"{_W}val"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MAIN_PART = re.compile(r"word/document\d*\.xml")


def grids(path: Path, source: str) -> list[Grid]:
    """The one grid of the Word document at ``path``."""
    body = _body(path, source)
    lines = _Lines()
    for element in _children(body):
        if element.tag == _P:
            lines.paragraph(_paragraph_text(element))
        elif element.tag == _TBL:
            lines.table(element)
    return [Grid(source, tuple(lines.lines), "records", (), None, "docx")]


def _body(path: Path, source: str) -> Any:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise MissingExtraError("Word documents", "python-docx", "docx") from None
    reason = _not_a_document(path)
    if reason:
        raise DocumentReadError(source, reason)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, EOFError):
        raise DocumentReadError(
            source, "the Word file is damaged (not a complete .docx zip archive)"
        ) from None
    except KeyError as exc:
        raise DocumentReadError(source, f"the Word file is damaged (no part {exc})") from None
    except OSError as exc:
        raise DocumentReadError(source, exc.strerror or str(exc)) from None
    except Exception as exc:  # lxml's XMLSyntaxError, a broken part: the file is damaged
        raise DocumentReadError(source, f"the Word file is damaged ({exc})") from None
    return document.element.body


def _not_a_document(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, EOFError):
        return "the Word file is damaged (not a complete .docx zip archive)"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not any(_MAIN_PART.fullmatch(name) for name in names):
        return "the zip holds no Word document (no word/document.xml)"
    return None


def _children(element: Any) -> Iterator[Any]:
    """The block children of ``element``, through content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag == _SDT:
            content = child.find(_CONTENT)
            if content is not None:
                yield from _children(content)
        elif child.tag == _CUSTOM:
            yield from _children(child)
        else:
            yield child


_TEXT_TAGS = {
    f"{_W}t": None,
    f"{_W}tab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    f"{_W}softHyphen": "",
}


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    # A text box is stored twice (the DrawingML choice and a VML fallback): read once.
    fallback = paragraph.find(f".//{_FALLBACK}") is not None
    for element in paragraph.iter(*_TEXT_TAGS):
        if fallback and any(a.tag == _FALLBACK for a in element.iterancestors()):
            continue
        text = _TEXT_TAGS[element.tag]
        if text is None:
            # LibreOffice writes a literal "_x0002_" escaped as "_x005F_x0002_" (the
            # OOXML string escape); the escaped underscore is an underscore.
            parts.append((element.text or "").replace("_x005F_", "_"))
        elif element.tag == f"{_W}br" and element.get(f"{_W}type") == "page":
            parts.append("\n")
        else:
            parts.append(text)
    return "".join(parts)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tables = 0

    def _number(self) -> int:
        return len(self.lines) + 1

    def paragraph(self, text: str) -> None:
        for part in text.split("\n"):
            if "\t" in part and part.strip():
                cells = tuple(" ".join(c.split()) for c in part.split("\t"))
                self.lines.append(Line(self._number(), cells=cells))
            elif part.strip():
                self.lines.append(Line(self._number(), text=" ".join(part.split())))

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        rows = [row for row in _children(table) if row.tag == _TR]
        # texts[r][c], and for each anchor (r, c) its [rows, columns] reach.
        texts: list[dict[int, str]] = []
        reach: dict[tuple[int, int], list[int]] = {}
        nested: list[list[Any]] = []
        owner: dict[int, tuple[int, int]] = {}  # column -> anchor of the open vMerge
        width = 0
        for r, row in enumerate(rows):
            texts.append({})
            nested.append([])
            column = _grid_value(row, "gridBefore")
            previous: tuple[int, int] | None = None
            for cell in (c for c in _children(row) if c.tag == _TC):
                span = max(1, _cell_value(cell, "gridSpan", 1))
                vmerge = _cell_merge(cell, "vMerge")
                hmerge = _cell_merge(cell, "hMerge")
                text, inner = _cell_content(cell)
                nested[r].extend(inner)
                if hmerge == "continue" and previous is not None:
                    reach[previous][1] += span
                    _keep(texts[previous[0]], previous[1], text)
                elif vmerge == "continue" and column in owner:
                    anchor = owner[column]
                    reach[anchor][0] = r - anchor[0] + 1
                    _keep(texts[anchor[0]], anchor[1], text)
                    previous = anchor
                else:
                    texts[r][column] = text
                    reach[(r, column)] = [1, span]
                    previous = (r, column)
                    if vmerge == "restart":
                        owner[column] = (r, column)
                    else:
                        owner.pop(column, None)
                column += span
            column += _grid_value(row, "gridAfter")
            width = max(width, column)
        for r, row_texts in enumerate(texts):
            cells = [""] * width
            spans: list[Span] = []
            for column, text in row_texts.items():
                cells[column] = text
                rows_down, columns = reach[(r, column)]
                if rows_down > 1 or columns > 1:
                    spans.append(Span(column, rows_down, columns))
            where = f"tabel {number}, baris {r + 1}"
            self.lines.append(
                Line(self._number(), cells=tuple(cells), spans=tuple(spans), where=where)
            )
            for inner in nested[r]:
                self.table(inner)


def _keep(texts: dict[int, str], column: int, text: str) -> None:
    # A covered cell is empty in Word; one that still holds text (a converter's copy of
    # the anchor's, or words typed before merging) keeps it, unless it repeats the anchor.
    if text and text != texts.get(column, ""):
        texts[column] = f"{texts[column]}\n{text}" if texts.get(column) else text


def _cell_content(cell: Any) -> tuple[str, list[Any]]:
    paragraphs: list[str] = []
    tables: list[Any] = []
    for element in _children(cell):
        if element.tag == _P:
            paragraphs.append(_paragraph_text(element))
        elif element.tag == _TBL:
            tables.append(element)
    lines = (" ".join(part.split()) for text in paragraphs for part in text.split("\n"))
    return "\n".join(line for line in lines if line), tables


def _properties(element: Any, name: str) -> Any:
    tag = "tcPr" if name in ("gridSpan", "vMerge", "hMerge") else "trPr"
    properties = element.find(f"{_W}{tag}")
    return None if properties is None else properties.find(f"{_W}{name}")


def _cell_value(cell: Any, name: str, default: int) -> int:
    found = _properties(cell, name)
    if found is None:
        return default
    try:
        return int(found.get(_VAL, default))
    except ValueError:
        return default


def _grid_value(row: Any, name: str) -> int:
    found = _properties(row, name)
    if found is None:
        return 0
    try:
        return max(0, int(found.get(_VAL, 0)))
    except ValueError:
        return 0


def _cell_merge(cell: Any, name: str) -> str | None:
    found = _properties(cell, name)
    if found is None:
        return None
    # <w:vMerge/> without a value continues the merge above (ECMA-376 17.4.85).
    return str(found.get(_VAL, "continue"))
