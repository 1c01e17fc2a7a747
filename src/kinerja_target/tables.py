"""The table reader's former home, kept so that ``kinerja_target.tables`` goes on working:
everything now lives in :mod:`kinerja_target.documents` (rows) and
:mod:`kinerja_target.containers` (files).
"""

from __future__ import annotations

from .documents import DOC_TYPES, DOUBTS, Row, read_document, write_rows
from .documents.row import _read_target

__all__ = ["DOC_TYPES", "DOUBTS", "Row", "read_document", "write_rows"]

# ``benchmarks/read.py`` times the cell parser the reader uses.
_ = _read_target
