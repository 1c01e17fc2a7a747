"""Delimited text: CSV (``,`` or ``;``, as an Indonesian Excel writes it), TSV, ``|``.

The dialect is sniffed once, from the records themselves: the delimiter that cuts the
sample into the most cells wins, counting only records it cuts at all. The delimiter of
a file sits between every two of its cells, while a comma inside a ``;`` file's cells
(``77,5%``) is in some cells only. A ragged record, shorter or
longer than its neighbours, is kept as it is: the table reader says what it did with it.
A quote left open is an error naming the line where its record begins, since everything
after it would be read as one cell.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "pk.csv"
>>> _ = path.write_text("No;Indikator;Target\\n1;Persentase A;77,5%\\n", encoding="utf-8")
>>> [line.cells for line in grids(path, "pk.csv")[0].lines]
[('No', 'Indikator', 'Target'), ('1', 'Persentase A', '77,5%')]
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs

from ..errors import DocumentReadError
from .grid import Grid, Line
from .text import newline_of, read_text

__all__ = ["grids", "records", "sniff_delimiter"]

_CANDIDATES = (",", ";", "\t", "|")
_SAMPLE_RECORDS = 200


def sniff_delimiter(text: str) -> str:
    """The delimiter of ``text``: the one that cuts its records into the most cells."""
    best, best_score = ",", (-1, 0)
    for delimiter in _CANDIDATES:
        cells = records = 0
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for index, record in enumerate(reader):
                if index >= _SAMPLE_RECORDS:
                    break
                if len(record) >= 2:
                    cells += len(record)
                    records += 1
        except csv.Error:
            continue
        if (cells, records) > best_score:
            best, best_score = delimiter, (cells, records)
    return best


def records(text: str, source: str, delimiter: str) -> list[Line]:
    """The records of ``text`` as lines of cells, numbered by the line they begin on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[Line] = []
    start = 1
    try:
        for record in reader:
            lines.append(Line(start, cells=tuple(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc)
        if "unexpected end of data" in reason or "EOF" in reason:
            reason = "a quote opened here is never closed"
        raise DocumentReadError(source, f"malformed CSV record: {reason}", start) from None
    return lines


def grids(path: Path, source: str) -> list[Grid]:
    text, encoding, notes = read_text(path, source)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else sniff_delimiter(text)
    lines = records(text, source, delimiter)
    grid = Grid(source, tuple(lines), "records", notes, container="delimited")
    return [attrs.evolve(grid, encoding=encoding, newline=newline_of(text), delimiter=delimiter)]
