"""The cross-satker report: per national indicator and year, what the satker write.

Four parts, each a query over the store (so any engine can compute them too):

``summary``
    per indicator and year: the satker count, the rows, the kind and unit most satker
    write, the distribution of capaian (min, quartiles, median, max, rounded half-up to
    two places as LKj tables report them) and how many rows are *Tercapai*;
``targets``
    per indicator, year, target kind and unit: how many satker, the distribution of the
    target values (exact), the target most often written;
``ranks``
    every row with its capaian and its rank among the rows of the same indicator and
    year (1 = highest capaian; ties share a rank), out of how many were ranked;
``findings``
    the cross-satker findings of :mod:`~.findings`.

:func:`build_report` returns them as pandas frames (or polars ones); :func:`write_report`
writes them as one XLSX workbook (a sheet each), one HTML page (without ``ranks``, a line
per row of the store, which belongs in a spreadsheet), or CSV / Parquet files: the named
file holds ``summary`` and its siblings ``NAME.targets.EXT``, ``NAME.ranks.EXT`` and
``NAME.findings.EXT`` the others. Every file is written to a temporary file and renamed.
"""

from __future__ import annotations

import contextlib
import html
import os
import tempfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from ..containers.output import atomic_write
from ..errors import DocumentWriteError, SchemaError
from ..numbers import format_decimal
from .findings import PeerFinding, find_outliers
from .store import Store, insert, to_pandas
from .workbook import Sheet, row_sql, write_workbook

__all__ = ["PARTS", "QUERIES", "Report", "build_report", "write_report"]

#: The SQL of each part but the findings (those come from :func:`find_outliers`).
QUERIES: Final[dict[str, str]] = {
    "summary": """
        SELECT l.indicator_id, i.label, l.year,
               count(DISTINCT l.satker_key) AS satker, count(*) AS rows,
               any_value(k.kind) AS usual_kind, any_value(nullif(u.unit, '')) AS usual_unit,
               count(l.capaian) AS with_capaian,
               round(min(l.capaian), 2) AS capaian_min,
               round(quantile_cont(l.capaian, 0.25), 2) AS capaian_q1,
               round(median(l.capaian), 2) AS capaian_median,
               round(quantile_cont(l.capaian, 0.75), 2) AS capaian_q3,
               round(max(l.capaian), 2) AS capaian_max,
               count(*) FILTER (WHERE l.status = 'Tercapai') AS tercapai
        FROM rollup_rows l JOIN indicators i USING (indicator_id)
        LEFT JOIN rollup_major_kind k
          ON k.indicator_id = l.indicator_id AND k.year IS NOT DISTINCT FROM l.year
        LEFT JOIN rollup_major_unit u
          ON u.indicator_id = l.indicator_id AND u.year IS NOT DISTINCT FROM l.year
        GROUP BY l.indicator_id, i.label, l.year
        ORDER BY l.indicator_id, l.year NULLS LAST
    """,
    "targets": """
        SELECT l.indicator_id, i.label, l.year, l.target_kind, l.target_unit,
               count(DISTINCT l.satker_key) AS satker, count(*) AS rows,
               min(l.target_value) AS target_min,
               quantile_cont(l.target_value, 0.25) AS target_q1,
               median(l.target_value) AS target_median,
               quantile_cont(l.target_value, 0.75) AS target_q3,
               max(l.target_value) AS target_max,
               mode(l.target_raw) AS most_written
        FROM rollup_rows l JOIN indicators i USING (indicator_id)
        GROUP BY ALL
        ORDER BY l.indicator_id, l.year NULLS LAST, satker DESC, l.target_kind, l.target_unit
    """,
    "ranks": """
        SELECT l.indicator_id, i.label, l.year, l.satker_key AS satker, l.unit,
               l.document_id, l.row_no, l.target_raw, l.target_kind, l.target_value,
               l.target_unit, l.realisasi_raw, round(l.capaian, 2) AS capaian, l.status,
               CASE WHEN l.capaian IS NOT NULL THEN rank() OVER (
                   PARTITION BY l.indicator_id, l.year ORDER BY l.capaian DESC NULLS LAST)
               END AS capaian_rank,
               count(l.capaian) OVER (PARTITION BY l.indicator_id, l.year) AS ranked
        FROM rollup_rows l JOIN indicators i USING (indicator_id)
        ORDER BY l.indicator_id, l.year NULLS LAST, capaian_rank NULLS LAST, satker, l.row_no
    """,
}

#: The parts of a report, in the order they are written.
PARTS: Final = ("summary", "targets", "ranks", "findings")

_FINDING_COLUMNS: Final = tuple(a.name for a in attrs.fields(PeerFinding))
_FINDING_TYPES: Final = {
    "indicator_id": "INTEGER",
    "year": "INTEGER",
    "agree": "INTEGER",
    "peers": "INTEGER",
    "document_id": "INTEGER",
    "row_no": "INTEGER",
    "line": "INTEGER",
}


@attrs.frozen
class Report:
    """The four parts as frames (pandas, or polars with ``frames="polars"``) and the
    findings as :class:`~.findings.PeerFinding` values."""

    summary: Any = attrs.field(repr=False)
    targets: Any = attrs.field(repr=False)
    ranks: Any = attrs.field(repr=False)
    findings: Any = attrs.field(repr=False)
    peer_findings: tuple[PeerFinding, ...] = attrs.field(repr=lambda f: f"<{len(f)}>")

    def part(self, name: str) -> Any:
        """The frame of part ``name`` (:data:`PARTS`)."""
        if name not in PARTS:
            raise SchemaError(f"no report part {name!r}; the parts are {', '.join(PARTS)}")
        return getattr(self, name)


def _stage_findings(store: Store) -> list[PeerFinding]:
    """Compute the findings and keep them in a temporary table, for SQL and COPY."""
    found = find_outliers(store)
    columns = ", ".join(f"{c} {_FINDING_TYPES.get(c, 'VARCHAR')}" for c in _FINDING_COLUMNS)
    store.connection.execute(
        f"CREATE OR REPLACE TEMP TABLE peer_findings (position INTEGER, {columns})"
    )
    records = [(n, *(getattr(f, c) for c in _FINDING_COLUMNS)) for n, f in enumerate(found)]
    typed = [("position", "INTEGER")]
    typed += [(c, _FINDING_TYPES.get(c, "VARCHAR")) for c in _FINDING_COLUMNS]
    insert(store.connection, "peer_findings", typed, records)
    return found


def _query(name: str) -> str:
    if name == "findings":
        columns = ", ".join(_FINDING_COLUMNS)
        return f"SELECT {columns} FROM peer_findings ORDER BY position"
    return QUERIES[name]


def build_report(store: Store, *, frames: str = "pandas") -> Report:
    """The report of the store as frames: ``frames`` is ``"pandas"`` or ``"polars"``."""
    if frames not in ("pandas", "polars"):
        raise SchemaError(f"frames is 'pandas' or 'polars', not {frames!r}")
    found = _stage_findings(store)
    made: dict[str, Any] = {}
    for name in PARTS:
        if frames == "polars":
            made[name] = store.polars(_query(name))
        else:
            made[name] = to_pandas(store.relation(_query(name)))
    return Report(**made, peer_findings=tuple(found))


# -- writing ------------------------------------------------------------------------------------


def _siblings(destination: Path) -> dict[str, Path]:
    suffix = destination.suffix
    stem = destination.with_suffix("")
    return {
        name: destination if name == "summary" else Path(f"{stem}.{name}{suffix}") for name in PARTS
    }


def _copy(store: Store, name: str, target: Path, options: str) -> None:
    """COPY a part to a temporary file beside ``target``, then rename it over."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DocumentWriteError(str(target), f"no such folder: {folder}")
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        store.connection.execute(f"COPY ({_query(name)}) TO '{_quoted(partial)}' ({options})")
        os.replace(partial, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.remove(partial)
        if isinstance(exc, Exception):
            raise DocumentWriteError(str(target), str(exc)) from None
        raise


def _quoted(path: str) -> str:
    return path.replace("'", "''")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        plain = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        return format_decimal(plain.normalize() if plain != plain.to_integral_value() else plain)
    return str(value)


def _html(store: Store, destination: Path) -> None:
    out = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        "<title>Rekap kinerja lintas satker</title>",
        "<style>body{font-family:sans-serif}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #bbb;padding:2px 6px;font-size:90%}"
        "td.n{text-align:right}</style></head><body>",
        "<h1>Rekap kinerja lintas satker</h1>",
        "<p>Ranks (one line per row of the store) are in the XLSX, CSV and Parquet reports.</p>",
    ]
    for name in ("summary", "targets", "findings"):
        result = store.connection.execute(_query(name))
        columns = [d[0] for d in result.description or ()]
        out.append(f"<h2>{html.escape(name)}</h2><table><thead><tr>")
        out.extend(f"<th>{html.escape(c)}</th>" for c in columns)
        out.append("</tr></thead><tbody>")
        for row in result.fetchall():
            cells = (
                f'<td class="n">{_cell(v)}</td>'
                if isinstance(v, (int, Decimal)) and not isinstance(v, bool)
                else f"<td>{html.escape(_cell(v))}</td>"
                for v in row
            )
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    out.append("</body></html>")
    with atomic_write(destination) as handle:
        handle.write("\n".join(out).encode("utf-8"))


_NUMERIC = ("DECIMAL", "INTEGER", "BIGINT", "HUGEINT", "SMALLINT", "TINYINT", "DOUBLE")


def _sheet(store: Store, name: str) -> Sheet:
    """A part as a sheet whose rows DuckDB renders as XML; fetched when written."""
    described = store.connection.execute(f"DESCRIBE ({_query(name)})").fetchall()
    header = [str(row[0]) for row in described]
    numbers = [str(row[1]).startswith(_NUMERIC) for row in described]
    render = row_sql(list(zip(header, numbers, strict=True)))

    def rows() -> Iterator[Sequence[object]]:
        result = store.connection.execute(f"SELECT {render} FROM ({_query(name)})")
        while batch := result.fetchmany(20_000):
            yield from batch

    return Sheet(name, header, rows(), numbers, xml=True)


def _xlsx(store: Store, destination: Path) -> None:
    sheets = [_sheet(store, name) for name in PARTS]
    with atomic_write(destination) as handle:
        write_workbook(handle, sheets)


def write_report(store: Store, destination: str | os.PathLike[str]) -> list[Path]:
    """Write the report as ``.xlsx``, ``.html``, ``.csv`` or ``.parquet`` (by the
    suffix); returns the files written. Raises
    :class:`~kinerja_target.errors.DocumentWriteError` for another suffix or a failed
    write (no file is left half-written)."""
    path = Path(destination)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".html", ".htm", ".csv", ".parquet"):
        raise DocumentWriteError(str(destination), "a report is .xlsx, .html, .csv or .parquet")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DocumentWriteError(str(destination), f"no such folder: {folder}")
    if path.is_dir():
        raise DocumentWriteError(str(destination), "it is a folder")
    _stage_findings(store)
    if suffix == ".xlsx":
        _xlsx(store, path)
        return [path]
    if suffix in (".html", ".htm"):
        _html(store, path)
        return [path]
    options = "FORMAT parquet" if suffix == ".parquet" else "FORMAT csv, HEADER"
    written: list[Path] = []
    for name, target in _siblings(path).items():
        _copy(store, name, target, options)
        written.append(target)
    return written
