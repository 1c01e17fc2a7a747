"""LAKIP tables' former home, kept so that ``kinerja_target.lakip`` goes on working:
everything now lives in :mod:`kinerja_target.capaian`.

>>> row = compute_row("Persentase Partisipasi Pemilih", "77,5%", "81,2%", row=5)
>>> row.capaian, row.status
('104,77%', 'Tercapai')
"""

from __future__ import annotations

from .capaian import (
    COLUMN_SYNONYMS,
    OUTPUT_COLUMNS,
    POLARITY_WORDS,
    CapaianReport,
    CapaianRow,
    Columns,
    Problem,
    RowKind,
    Summary,
    compute_row,
    compute_table,
    write_table,
)

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
