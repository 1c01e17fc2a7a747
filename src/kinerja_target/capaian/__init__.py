"""Capaian tables: the capaian of every indicator row of a document, written back.

An LKj (LAKIP) author keeps a table of indicators with their target and realisation.
:func:`compute_table` reads it with the one table reader (every container: CSV, XLSX,
text, HTML, Word, PDF), computes each row's capaian with
:func:`~kinerja_target.achievement.achievement`, and :func:`write_table` writes the same
table back with three more columns: ``Capaian`` (``107,14%``), ``Status``
(``Tercapai``, ``Tidak tercapai``, ``Tidak dapat dihitung``, ``Galat``) and
``Keterangan`` (the arithmetic, or what went wrong).

What it promises:

* **No row is lost.** Every indicator row the reader finds is computed or says why not
  (no realisation yet, a cell that cannot be read), with its line or sheet row; the
  rows around the table (titles, signatures) stay in the file as they were.
* **What the author wrote stays.** The new columns go after the last used column (or
  into the ``Capaian``/``Status``/``Keterangan`` columns of an earlier run, so running
  twice gives the same file); a workbook keeps its formulas with their cached values,
  macros, charts and styles.
* **Exact numbers.** Text is read by :func:`~kinerja_target.parse.parse_target`, never
  through ``float``; a workbook's number cells by one rule
  (:mod:`kinerja_target.containers.workbook`).

The polarity of a row comes from a ``Polaritas`` column when there is one
(:data:`POLARITY_WORDS`), else from the ``polarity`` option, else from the indicator's
wording (:func:`~kinerja_target.polarity.infer_polarity`).

>>> row = compute_row("Persentase Partisipasi Pemilih", "77,5%", "81,2%", row=5)
>>> row.capaian, row.status
('104,77%', 'Tercapai')
"""

from __future__ import annotations

from .row import (
    OUTPUT_COLUMNS,
    POLARITY_WORDS,
    CapaianRow,
    Problem,
    RowKind,
    Summary,
    compute_row,
)
from .table import COLUMN_SYNONYMS, CapaianReport, Columns, compute_table
from .write import write_table

__all__ = [
    "COLUMN_SYNONYMS",
    "OUTPUT_COLUMNS",
    "POLARITY_WORDS",
    "CapaianReport",
    "CapaianRow",
    "Columns",
    "Problem",
    "RowKind",
    "Summary",
    "compute_row",
    "compute_table",
    "write_table",
]
