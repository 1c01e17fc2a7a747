"""The store's schema: a contract. Columns may be added; none is renamed or retyped.

Three tables answer the national questions, two keep the bookkeeping:

``documents``
    one row per file ingested: its ``path``, the ``sha256`` of its bytes (re-ingesting
    an unchanged file is a no-op), the ``satker``/``year``/``doc_type`` most of its rows
    name, how many ``rows`` it gave, and the ``error`` that kept it from being read
    (``NULL`` when it was read).
``indicator_rows``
    one row per indicator row of a document, in document order (``row_no`` from 0):
    what the reader read (:class:`~kinerja_target.Row`), the target typed
    (``target_kind``, ``target_value``, ``target_unit``), the capaian computed from
    target and realisasi, and ``indicator_id``, the national indicator it is.
``indicators``
    the national catalog: ``indicator_id`` (stable across runs), a ``label`` (the
    wording most satker use), how many satker and rows mention it.
``wordings``
    every ``(satker, indicator)`` wording seen and the ``indicator_id`` it was given:
    the memory that keeps ids stable when new documents or years arrive.
``rollup_meta``
    the schema version.

Values read from text are ``DECIMAL(38, 10)``: exact, never floats.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "DDL",
    "DECIMAL",
    "DOCUMENT_COLUMNS",
    "ROW_COLUMNS",
    "SCHEMA_VERSION",
    "WORDING_COLUMNS",
]

#: Bumped when a column is added; a store of a newer version is refused.
SCHEMA_VERSION: Final = 1

#: The SQL type of every exact value: 28 digits before the point, 10 after.
DECIMAL: Final = "DECIMAL(38, 10)"

#: The columns of ``indicator_rows``, in table order, with their SQL types.
ROW_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("document_id", "INTEGER NOT NULL"),
    ("row_no", "INTEGER NOT NULL"),
    ("line", "INTEGER"),
    ("satker", "VARCHAR"),
    ("unit", "VARCHAR"),
    ("year", "INTEGER"),
    ("doc_type", "VARCHAR"),
    ("sasaran", "VARCHAR"),
    ("indicator", "VARCHAR NOT NULL"),
    ("target_raw", "VARCHAR NOT NULL"),
    ("target_kind", "VARCHAR"),
    ("target_value", DECIMAL),
    ("target_unit", "VARCHAR"),
    ("target_qualifier", "VARCHAR"),
    ("target_json", "VARCHAR"),
    ("satuan", "VARCHAR"),
    ("realisasi_raw", "VARCHAR"),
    ("realisasi_value", DECIMAL),
    ("capaian_raw", "VARCHAR"),
    ("capaian", DECIMAL),
    ("status", "VARCHAR"),
    ("doubts", "VARCHAR"),
    ("indicator_id", "INTEGER"),
)

#: The columns of ``documents``, in table order, with their SQL types.
DOCUMENT_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("document_id", "INTEGER PRIMARY KEY"),
    ("path", "VARCHAR NOT NULL"),
    ("sha256", "VARCHAR NOT NULL"),
    ("satker", "VARCHAR"),
    ("year", "INTEGER"),
    ("doc_type", "VARCHAR"),
    ("rows", "INTEGER NOT NULL"),
    ("error", "VARCHAR"),
    ("ingested_at", "TIMESTAMP NOT NULL"),
    ("size", "BIGINT NOT NULL"),
    ("reader_version", "VARCHAR NOT NULL"),
)


#: The columns of ``wordings``.
WORDING_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("satker", "VARCHAR NOT NULL"),
    ("indicator", "VARCHAR NOT NULL"),
    ("indicator_id", "INTEGER NOT NULL"),
)


def _table(name: str, columns: tuple[tuple[str, str], ...]) -> str:
    body = ",\n    ".join(f"{column} {kind}" for column, kind in columns)
    return f"CREATE TABLE IF NOT EXISTS {name} (\n    {body}\n)"


#: The statements that create an empty store (each safe to run on an existing one).
DDL: Final[tuple[str, ...]] = (
    "CREATE TABLE IF NOT EXISTS rollup_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    _table("documents", DOCUMENT_COLUMNS),
    _table("indicator_rows", ROW_COLUMNS),
    _table(
        "indicators",
        (
            ("indicator_id", "INTEGER NOT NULL"),
            ("label", "VARCHAR NOT NULL"),
            ("satker_count", "INTEGER NOT NULL"),
            ("mentions", "INTEGER NOT NULL"),
            ("wordings", "INTEGER NOT NULL"),
        ),
    ),
    _table("wordings", WORDING_COLUMNS),
)
