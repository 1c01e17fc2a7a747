"""The store: one DuckDB file, opened with its schema, queried into pandas or polars frames.

DuckDB is embedded: ``pip install 'kinerja-target[rollup]'`` and a file path, no server.
One process writes a store at a time (DuckDB's own lock); any number of readers may open
it ``read_only``. Every change goes through :meth:`Store.transaction`, so a failure
anywhere inside leaves the store as it was before.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import DocumentReadError, MissingExtraError, SchemaError
from .schema import DDL, SCHEMA_VERSION

if TYPE_CHECKING:
    import duckdb
    import pandas
    import polars

__all__ = ["Store", "insert", "open_store", "to_pandas"]


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingExtraError("the roll-up store", "duckdb", "rollup") from None
    return duckdb


class Store:
    """An open roll-up store. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str) -> None:
        self.connection = connection
        self.path = path

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back)."""
        self.connection.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: committed when the block ends, rolled back when it raises
        (whatever it raises: an error, ``KeyboardInterrupt``, ``SystemExit``)."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows as tuples (DECIMAL as ``Decimal``)."""
        return self.connection.execute(sql, list(parameters)).fetchall()

    def scalar(self, sql: str, parameters: Sequence[object] = ()) -> Any:
        """The first column of the first row of a query (``None`` when it has none)."""
        found = self.connection.execute(sql, list(parameters)).fetchone()
        return None if found is None else found[0]

    def relation(self, query: str, parameters: Sequence[object] = ()) -> Any:
        """A query as a lazy DuckDB relation (``.fetchall()``, ``.pl()``, ...)."""
        return self.connection.sql(query, params=list(parameters) or None)

    def sql(self, query: str, parameters: Sequence[object] = ()) -> pandas.DataFrame:
        """A query's result as a pandas frame; DECIMAL columns hold exact ``Decimal``
        values (DuckDB's own ``.df()`` would turn them into floats)."""
        return to_pandas(self.relation(query, parameters))

    def polars(self, query: str, parameters: Sequence[object] = ()) -> polars.DataFrame:
        """A query's result as a polars frame (DECIMAL columns stay decimals)."""
        try:
            import polars  # noqa: F401  (only to give the helpful error)
        except ImportError:
            raise MissingExtraError("polars frames", "polars", "polars") from None
        frame: polars.DataFrame = self.relation(query, parameters).pl()
        return frame


def _sql_type(declared: str) -> str:
    return declared.replace(" NOT NULL", "").replace(" PRIMARY KEY", "")


def insert(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str]],
    records: Sequence[Sequence[object]],
) -> None:
    """Insert ``records`` (tuples in the order of ``columns``, ``(name, SQL type)``
    pairs) into ``table`` with one statement.

    The values travel as one list per column: DuckDB binds a few list parameters far
    faster than a parameter per value. Decimals travel as their exact text and are cast
    by DuckDB, never through a float.
    """
    if not records:
        return
    selects, values = [], []
    for n, ((name, declared), column) in enumerate(
        zip(columns, zip(*records, strict=True), strict=True), 1
    ):
        kind = _sql_type(declared)
        if kind.startswith("DECIMAL"):
            selects.append(f"CAST(unnest(${n}::VARCHAR[]) AS {kind}) AS {name}")
            values.append([None if v is None else str(v) for v in column])
        else:
            selects.append(f"unnest(${n}::{kind}[]) AS {name}")
            values.append(list(column))
    names = ", ".join(name for name, _ in columns)
    connection.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(selects)}", values)


def to_pandas(relation: Any) -> pandas.DataFrame:
    """A DuckDB relation as a pandas frame, exact decimals kept."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas frames", "pandas", "pandas") from None
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return pandas.DataFrame.from_records(relation.fetchall(), columns=relation.columns)
    # Arrow keeps DECIMAL as decimal128, which pandas receives as Decimal objects.
    frame: pandas.DataFrame = relation.to_arrow_table().to_pandas()
    return frame


def _check_version(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    found = connection.execute("SELECT value FROM rollup_meta WHERE key = 'schema'").fetchone()
    if found is None:
        connection.execute("INSERT INTO rollup_meta VALUES ('schema', ?)", [str(SCHEMA_VERSION)])
        return
    if int(found[0]) > SCHEMA_VERSION:
        raise SchemaError(
            f"{name}: a roll-up store of schema {found[0]}, newer than this library's "
            f"{SCHEMA_VERSION}; upgrade kinerja-target"
        )


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open (creating when missing) the DuckDB store at ``path``.

    Raises :class:`~kinerja_target.errors.DocumentReadError` when the file is not a
    DuckDB database or is locked by another writer, and
    :class:`~kinerja_target.errors.MissingExtraError` when duckdb is not installed.
    """
    duckdb = _duckdb()
    name = str(path)
    folder = Path(path).parent
    if not read_only and not folder.is_dir():
        raise DocumentReadError(name, f"no such folder: {folder}")
    if read_only and not Path(path).is_file():
        raise DocumentReadError(name, "no such store")
    try:
        connection = duckdb.connect(name, read_only=read_only)
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        raise DocumentReadError(name, f"not a usable DuckDB store: {exc}") from None
    try:
        # DuckDB draws its own progress bar on long queries; the command has its own.
        connection.execute("SET enable_progress_bar = false")
        if not read_only:
            for statement in DDL:
                connection.execute(statement)
            _check_version(connection, name)
        elif connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'indicator_rows'"
        ).fetchone() != (1,):
            raise DocumentReadError(name, "not a roll-up store (no indicator_rows table)")
    except BaseException:
        connection.close()
        raise
    return Store(connection, name)
