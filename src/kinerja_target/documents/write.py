"""Writing rows to CSV or XLSX with a header the reader recognises, so rows survive the trip
out and back.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from ..containers.output import atomic_write
from .row import Row

__all__ = ["ROW_HEADER", "row_cells", "write_rows"]

_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DELIMITED_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t"}


def write_rows(rows: Iterable[Row], path: str | os.PathLike[str]) -> None:
    """Write ``rows`` to a CSV (``.csv``; ``.tsv`` tab-separated) or XLSX (``.xlsx``) file.

    The header names the columns in words :func:`read_document` recognises, so reading
    the file back gives rows equal to ``rows`` (cells are written as text). The file is
    written to a temporary file beside ``path`` and renamed: a failure leaves ``path`` as
    it was (:class:`~kinerja_target.errors.DocumentWriteError`).
    """
    path = Path(path)
    records = [_WRITE_HEADER, *(_record(r) for r in rows)]
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        data = _xlsx_bytes(records)
    else:
        text = io.StringIO(newline="")
        csv.writer(text, delimiter=_DELIMITED_SUFFIXES.get(suffix, ",")).writerows(records)
        data = text.getvalue().encode("utf-8")
    with atomic_write(path) as f:
        f.write(data)


# The columns a row is written in, in words the reader recognises; the capaian report
# writes the same columns before its own.
ROW_HEADER: Final = (
    "Satker",
    "Unit Organisasi",
    "Tahun",
    "Jenis Dokumen",
    "Sasaran",
    "Indikator Kinerja",
    "Target",
    "Satuan",
    "Realisasi",
)
_WRITE_HEADER: Final = (*ROW_HEADER, "Capaian")


def row_cells(row: Row) -> list[str]:
    """The cells of ``row`` under :data:`ROW_HEADER`, as text."""
    values: tuple[object, ...] = (row.satker, row.unit, row.year, row.doc_type, row.sasaran)
    values += (row.indicator, row.target_raw, row.satuan, row.realisasi_raw)
    return ["" if v is None else str(v) for v in values]


def _record(row: Row) -> tuple[str, ...]:
    return (*row_cells(row), row.capaian_raw or "")


def _xlsx_bytes(records: Sequence[Sequence[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, record in enumerate(records, 1):
        for c, text in enumerate(record, 1):
            if not text:
                continue
            cell = sheet.cell(r, c)
            cell.value = text
            cell.data_type = "s"  # text stays text: "=..." is not a formula, "100" not a number
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
