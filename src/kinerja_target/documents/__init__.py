"""Performance tables read into rows: file → grids (:mod:`kinerja_target.containers`) →
tables → :class:`Row` objects, and rows written back to CSV or XLSX.

The targets live in tables (No, Sasaran, Indikator, Target; Realisasi and Capaian in an
LKj) that reach this library as text exported from PDF or Word, as CSV, XLSX, HTML, Word
or PDF files. What such a table looks like once it is text is not what it looked like:

* a *continuation row* leaves the leading cells empty: its sasaran is "as above";
* a row broken by a *page break* goes on after the repeated header (``Program/Kegiatan
  Sasaran Strategis Indikator Kinerja Target`` then ``(1) (2) (3) (4)``), with the rest
  of its cells and an empty target;
* cells go missing or are added at either end (a trailing empty cell, a dropped leading
  one), so the columns of a row do not always line up with its header;
* markdown residue (``| --- |``), HTML tags (``<i>(4)</i>``), signature blocks, budget
  tables and cover pages sit between the tables;
* some converters flatten the whole table into one cell per line, the cells of a row
  wrapped over several lines (the *flattened* layout).

:func:`read_document` reads all of them. A table is found by its header, recognised
from a vocabulary of column names kept as data (``data/tables_columns.csv``); the rows
under it are assembled by the continuation rules above (``docs/decisions/0201``); a
text with no header is read as the flattened layout, where a row is the run of wrapped
lines that ends in a target-shaped cell, and a cell is *target-shaped* when the target
parser reads it (``docs/decisions/0202``). Rows the reader had to guess about carry
codes in :attr:`Row.doubts`. The unit, satker, year and document type of each table come
from the headings above it and, in a PK, from the *Pihak Pertama* who signs below it.

>>> rows = read_document("NO\\tSASARAN\\tINDIKATOR KINERJA\\tTARGET\\n"
...                      "1.\\tTerwujudnya X\\tPersentase A\\t100%\\n"
...                      "\\t\\tJumlah B\\t12 Lap\\n")
>>> [(r.line, r.sasaran, r.indicator, str(r.target)) for r in rows]
[(2, 'Terwujudnya X', 'Persentase A', '100%'), (3, 'Terwujudnya X', 'Jumlah B', '12 laporan')]

:func:`write_rows` writes rows to CSV or XLSX with a header this reader recognises, so
rows survive the trip out and back.
"""

from __future__ import annotations

from .context import DOC_TYPES
from .read import Reading, read_document, read_file, read_grid
from .row import DOUBTS, Row
from .write import write_rows

__all__ = [
    "DOC_TYPES",
    "DOUBTS",
    "Reading",
    "Row",
    "read_document",
    "read_file",
    "read_grid",
    "write_rows",
]
