"""The table reader's former home, kept so that ``kinerja_target.tables`` goes on working:
everything now lives in :mod:`kinerja_target.documents` (rows) and
:mod:`kinerja_target.containers` (files).
"""

from __future__ import annotations

from .documents import DOC_TYPES, DOUBTS, Row, read_document, write_rows

__all__ = ["DOC_TYPES", "DOUBTS", "Row", "read_document", "write_rows"]
