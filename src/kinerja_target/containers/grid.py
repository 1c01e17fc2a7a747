"""What every container gives: a :class:`Grid` of :class:`Line` objects.

A container (text, delimited text, workbook, PDF, Word, HTML) is the only code that opens
a file. Whatever the file, it hands the table reader the same thing: the document's lines
in reading order, each either *prose* (a heading, a paragraph, a title) or a *record* of
cells (a row of a table), with the position it came from. The reader never looks at
bytes, and a container never decides what a column means.

Merged cells follow the convention of a spreadsheet's CSV export: the text sits in the
top-left cell of the merged range and the other cells of the range are empty. A container
that knows the spans (a workbook, HTML ``rowspan``/``colspan``, a Word merge, a PDF's
ruling lines) also records them in :attr:`Line.spans`, so that the reader can tell a
header cell over several columns from a header cell followed by empty ones.

>>> line = Line(3, cells=("Indikator", "Target 2024", ""), spans=(Span(1, 1, 2),))
>>> line
Line(3, cells=('Indikator', 'Target 2024', ''), spans=(Span(column=1, rows=1, columns=2),))
>>> line.is_record
True
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Grid", "Layout", "Line", "Span"]

#: ``text``: lines of a text document, where a tab or a ``|`` pipe row holds cells and
#: every other line is prose; ``records``: rows of a delimited file, a sheet or the tables
#: of a PDF, Word or HTML document, with the prose around them as lines of their own.
Layout = Literal["text", "records"]


@attrs.frozen
class Span:
    """A merged cell: its column (0-based) in its line, and how far it reaches."""

    column: int
    rows: int = 1
    columns: int = 1


@attrs.frozen(repr=False)
class Line:
    """One line of a document: prose (``cells`` is ``None``) or a record of cells.

    ``number`` is the line's position, 1-based, in the numbering a user sees: the line of
    a text or CSV file, the row of a sheet, or the running number of the line in a PDF,
    Word or HTML document (whose page or table :attr:`where` names). ``lone`` marks a
    record with a single value that reads as prose (a title or a signature typed into a
    spreadsheet).
    """

    number: int
    text: str = ""
    cells: tuple[str, ...] | None = None
    lone: bool = False
    spans: tuple[Span, ...] = ()
    #: a finer position than ``number`` where the container has one ("halaman 3").
    where: str | None = None
    #: texts a merged cell above carries into this line's empty cells, by column: the
    #: reader fills them where the column's role is one merged over rows (a sasaran).
    merged: tuple[tuple[int, str], ...] = ()

    @property
    def is_record(self) -> bool:
        return self.cells is not None

    def __repr__(self) -> str:
        parts = [str(self.number)]
        if self.text:
            parts.append(f"text={self.text!r}")
        if self.cells is not None:
            parts.append(f"cells={self.cells!r}")
        if self.lone:
            parts.append("lone=True")
        if self.spans:
            parts.append(f"spans={self.spans!r}")
        if self.where:
            parts.append(f"where={self.where!r}")
        return f"Line({', '.join(parts)})"


@attrs.frozen
class Grid:
    """The lines of one document, or of one sheet of a workbook.

    ``source`` names it in rows and errors (the path; ``path[Sheet]`` for a sheet of a
    workbook with several). ``notes`` say what the container noticed without failing:
    an encoding guessed, a hidden or chart sheet skipped, a ragged record kept as it is.
    """

    source: str
    lines: tuple[Line, ...]
    layout: Layout = "records"
    notes: tuple[str, ...] = ()
    sheet: str | None = None
    #: the container that read it: ``text``, ``delimited``, ``workbook``, ``pdf``,
    #: ``docx`` or ``html``.
    container: str = "text"
    #: how a text file was written, so that a writer can write it back alike: its
    #: encoding (``utf-8-sig`` with a byte-order mark), line end and CSV delimiter.
    encoding: str | None = None
    newline: str | None = None
    delimiter: str | None = None
