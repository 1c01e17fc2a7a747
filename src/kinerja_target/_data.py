"""The one loader of the vocabulary files shipped in ``kinerja_target/data/``.

Every word list the library reads (column names, the gazetteer, the matcher's word
classes, spellings and abbreviations) is a UTF-8 CSV file with a header row. A file may
open with comment lines that carry its provenance, before the header::

    # source: Kepmendagri 300.2.2-2138 Tahun 2025 (kode dan data wilayah)
    # update: see data/README.md
    level,name,province,aliases
    provinsi,Aceh,Aceh,Nanggroe Aceh Darussalam|NAD

Only lines *before* the header may be comments (a ``#`` in a data row is data). Each
file is read once per process.

>>> rows("matching_confusables.csv")[0]["word_a"]
'penetapan'
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from .errors import SchemaError

__all__ = ["provenance", "rows"]


@functools.cache
def _text(name: str) -> tuple[tuple[str, ...], str]:
    """(comment lines, the CSV text after them) of ``data/<name>``."""
    try:
        text = resources.files("kinerja_target").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"data/{name}: cannot be read: {exc}") from exc
    lines = text.splitlines(keepends=True)
    comments: list[str] = []
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        line = lines.pop(0).strip()
        if line:
            comments.append(line.removeprefix("#").strip())
    return tuple(comments), "".join(lines)


@functools.cache
def _rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    _comments, text = _text(name)
    reader = csv.DictReader(io.StringIO(text))
    out = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise SchemaError(
                f"data/{name}: row {number} does not have the header's "
                f"{len(reader.fieldnames or ())} columns"
            )
        out.append(tuple((key, value) for key, value in row.items()))
    return tuple(out)


def rows(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts keyed by the header, comments skipped.

    A fresh list of fresh dicts each call (the parsed file is cached), so a caller may
    change what it gets. :class:`~kinerja_target.errors.SchemaError` when the file is
    missing, not UTF-8, or has a row with more or fewer cells than the header.
    """
    return [dict(row) for row in _rows(name)]


def provenance(name: str) -> tuple[str, ...]:
    """The comment lines that open ``data/<name>`` (without their ``#``)."""
    return _text(name)[0]
