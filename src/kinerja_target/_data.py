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

__all__ = ["parse", "provenance", "rows"]


def parse(text: str, name: str = "<text>") -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """(the comment lines without their ``#``, the rows) of a data file's ``text``.

    ``name`` is used in errors: :class:`~kinerja_target.errors.SchemaError` for a row with
    more or fewer cells than the header.

    >>> parse("# source: the seeds\\nword,class\\nyang,function\\n")
    (('source: the seeds',), [{'word': 'yang', 'class': 'function'}])
    """
    lines = text.splitlines(keepends=True)
    comments: list[str] = []
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        comment = lines[start].strip().removeprefix("#").strip()
        if comment:
            comments.append(comment)
        start += 1
    reader = csv.DictReader(io.StringIO("".join(lines[start:])))
    out: list[dict[str, str]] = []
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise SchemaError(
                f"{name}: line {start + reader.line_num} does not have the header's "
                f"{len(reader.fieldnames or ())} cells"
            )
        out.append(row)
    return tuple(comments), out


@functools.cache
def _parsed(name: str) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, str], ...], ...]]:
    try:
        text = resources.files("kinerja_target").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"data/{name}: cannot be read: {exc}") from exc
    comments, found = parse(text, f"data/{name}")
    return comments, tuple(tuple(row.items()) for row in found)


def rows(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts keyed by the header, comments skipped.

    A fresh list of fresh dicts each call (the parsed file is cached), so a caller may
    change what it gets. :class:`~kinerja_target.errors.SchemaError` when the file is
    missing, not UTF-8, or has a row with more or fewer cells than the header.
    """
    return [dict(row) for row in _parsed(name)[1]]


def provenance(name: str) -> tuple[str, ...]:
    """The comment lines that open ``data/<name>`` (without their ``#``)."""
    return _parsed(name)[0]
