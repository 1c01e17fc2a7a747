"""Targets and capaian as polars expressions (the optional ``polars`` extra).

* :func:`parse` reads a column of target cells into a struct of ``kind``, ``value``
  (``Float64``), ``unit``, ``qualifier``, ``warnings`` (a list of codes) and ``error``
  (why a cell holds no target, else null). Each distinct cell of a batch is read once
  (:func:`~kinerja_target.parse_many`), and the results are gathered back to the rows
  by polars, so a column of a million rows with a few hundred distinct targets costs a
  few hundred parses.
* :func:`capaian` computes each row's capaian from a target and a realisation column
  (and an indicator, a polarity column), as ``kinerja-target capaian`` does, into a
  struct of ``percent`` (``Float64``), ``capaian`` (as the report writes it), ``met``,
  ``status``, ``polarity`` and ``keterangan``; each distinct row is computed once.

>>> import polars as pl
>>> from kinerja_target import polars as ktp
>>> frame = pl.DataFrame({"target": ["97,5%", "12 Lap", None, "xyz", "97,5%"]})
>>> parsed = frame.select(ktp.parse("target")).unnest("target")
>>> parsed["kind"].to_list()
['percent', 'quantity', 'missing', 'error', 'percent']
>>> parsed["value"].to_list()
[97.5, 12.0, None, None, 97.5]

``value`` is a float for analysis; the exact values are those of
:func:`~kinerja_target.parse_target` (docs/decisions/0504).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .achievement import MinFormula
from .errors import MissingExtraError, TargetParseError
from .lakip import CapaianRow, compute_row
from .parse import parse_many
from .polarity import Polarity
from .values import Compound, Grade, Range, Target

try:
    import polars as pl
except ImportError as error:  # pragma: no cover - depends on the environment
    raise MissingExtraError("kinerja_target.polars", "polars", "polars") from error

__all__ = ["CAPAIAN_STRUCT", "TARGET_STRUCT", "capaian", "parse"]

#: The struct :func:`parse` returns.
TARGET_STRUCT = pl.Struct(
    {
        "kind": pl.String,
        "value": pl.Float64,
        "unit": pl.String,
        "qualifier": pl.String,
        "warnings": pl.List(pl.String),
        "error": pl.String,
    }
)

#: The struct :func:`capaian` returns.
CAPAIAN_STRUCT = pl.Struct(
    {
        "percent": pl.Float64,
        "capaian": pl.String,
        "met": pl.Boolean,
        "status": pl.String,
        "polarity": pl.String,
        "keterangan": pl.String,
    }
)

IntoExpr = str | pl.Expr


def _expr(column: IntoExpr) -> pl.Expr:
    return pl.col(column) if isinstance(column, str) else column


def _fields(value: Target | TargetParseError) -> dict[str, Any]:
    if isinstance(value, TargetParseError):
        return {
            "kind": "error",
            "value": None,
            "unit": None,
            "qualifier": None,
            "warnings": [],
            "error": value.reason,
        }
    number = getattr(value, "value", None)
    plain = isinstance(number, Decimal) and not isinstance(value, Grade | Range | Compound)
    return {
        "kind": value.kind,
        "value": float(number) if plain and isinstance(number, Decimal) else None,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "warnings": list(value.warnings),
        "error": None,
    }


def _cells(series: pl.Series) -> list[Any]:
    return series.to_list()


def _read_one_indicator(series: pl.Series, indicator: str | None) -> pl.Series:
    """Read the distinct cells once, then gather: polars maps every row to its cell's
    position among the distinct cells, nulls to the last one."""
    distinct = series.drop_nulls().unique()
    values = parse_many([*_cells(distinct), None], indicator=indicator)
    table = pl.Series([_fields(v) for v in values], dtype=TARGET_STRUCT)
    positions = pl.int_range(len(distinct), eager=True, dtype=pl.UInt32)
    codes = series.replace_strict(
        distinct, positions, default=len(distinct), return_dtype=pl.UInt32
    )
    return table.gather(codes).alias(series.name)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _read_per_row(batch: pl.Series) -> pl.Series:
    """Cells with one indicator each: every distinct (cell, indicator) read once."""
    cells, wordings = (batch.struct.field(n) for n in batch.struct.fields)
    pairs = list(zip(_cells(cells), (_text(w) for w in wordings.to_list()), strict=True))
    by_indicator: dict[str | None, dict[Any, int]] = {}
    for cell, wording in pairs:
        keys = by_indicator.setdefault(wording, {})
        keys.setdefault(_key(cell), len(keys))
    read: dict[str | None, list[Target | TargetParseError]] = {}
    for wording, keys in by_indicator.items():
        read[wording] = parse_many([_value(k) for k in keys], indicator=wording)
    rows = [_fields(read[wording][by_indicator[wording][_key(cell)]]) for cell, wording in pairs]
    return pl.Series(cells.name, rows, dtype=TARGET_STRUCT)


def _key(cell: Any) -> Any:
    # Floats and NaN: a NaN is not equal to itself, so it cannot be a dict key.
    if isinstance(cell, float) and cell != cell:
        return None
    return (type(cell), cell)


def _value(key: Any) -> Any:
    return None if key is None else key[1]


def parse(column: IntoExpr, *, indicator: str | IntoExpr | None = None) -> pl.Expr:
    """An expression reading ``column`` (a name or an expression) into a struct of
    :data:`TARGET_STRUCT`: ``kind``, ``value``, ``unit``, ``qualifier``, ``warnings``,
    ``error``. Nulls, NaN and blank cells are ``missing``; a cell that holds no target is
    ``error`` with the reason, and its row is kept.

    ``indicator`` is one wording for every cell (a Python string), or an expression (a
    column name given as ``pl.col("Indikator")``) giving each row's wording, which types
    bare numbers (``35`` under ``Persentase ...`` is a percent).

    >>> import polars as pl
    >>> from kinerja_target import polars as ktp
    >>> frame = pl.DataFrame({"ikk": ["Persentase x", "Nilai SPIP", None], "t": ["3"] * 3})
    >>> out = frame.select(ktp.parse("t", indicator=pl.col("ikk"))).unnest("t")
    >>> out["kind"].to_list(), out["unit"].to_list(), out["warnings"].to_list()
    (['percent', 'number', 'number'], ['percent', None, None], [['unit_inferred'], [], []])
    """
    cells = _expr(column)
    if indicator is None or isinstance(indicator, str):
        wording = indicator

        def read(batch: pl.Series) -> pl.Series:
            return _read_one_indicator(batch, wording)

        return cells.map_batches(read, return_dtype=TARGET_STRUCT, is_elementwise=True)
    pair = pl.struct(cells.alias("cell"), _expr(indicator).cast(pl.String).alias("indicator"))
    name = cells.meta.output_name(raise_if_undetermined=False)
    out = pair.map_batches(_read_per_row, return_dtype=TARGET_STRUCT, is_elementwise=True)
    return out.alias(name) if name else out


def _capaian_fields(row: CapaianRow) -> dict[str, Any]:
    found = row.achievement
    percent = found.percent if found is not None else None
    return {
        "percent": float(percent) if percent is not None else None,
        "capaian": row.capaian or None,
        "met": found.met if found is not None else None,
        "status": row.status or None,
        "polarity": str(found.polarity) if found is not None else None,
        "keterangan": row.keterangan or None,
    }


def capaian(
    target: IntoExpr,
    realisasi: IntoExpr,
    *,
    indicator: IntoExpr | None = None,
    polarity_column: IntoExpr | None = None,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
) -> pl.Expr:
    """An expression computing each row's capaian into a struct of
    :data:`CAPAIAN_STRUCT`, with the rules of
    :func:`~kinerja_target.lakip.compute_row`: ``target``, ``realisasi``, ``indicator``
    and ``polarity_column`` are column names or expressions; ``polarity`` (the default
    when a row's polarity cell and its wording say nothing), ``cap`` and ``formula`` are
    options as in :func:`~kinerja_target.compute_table`, checked when the expression is
    built. A row that cannot be computed keeps its reason in ``keterangan``.

    >>> import polars as pl
    >>> from kinerja_target import polars as ktp
    >>> frame = pl.DataFrame({"Indikator": ["Persentase Partisipasi Pemilih"],
    ...                       "Target": ["77,5%"], "Realisasi": ["81,2%"]})
    >>> row = frame.select(ktp.capaian("Target", "Realisasi", indicator="Indikator")).item()
    >>> row["capaian"], row["status"], round(row["percent"], 2)
    ('104,77%', 'Tercapai', 104.77)
    """
    # Bad options fail here, when the expression is built, not inside the engine.
    compute_row(None, None, None, polarity=polarity, cap=cap, formula=formula)
    columns = [_expr(target).alias("target"), _expr(realisasi).alias("realisasi")]
    if indicator is not None:
        columns.append(_expr(indicator).alias("indicator"))
    if polarity_column is not None:
        columns.append(_expr(polarity_column).alias("polarity"))

    def compute(batch: pl.Series) -> pl.Series:
        fields = batch.struct.fields
        lists = [batch.struct.field(n).to_list() for n in fields]
        done: dict[tuple[Any, ...], dict[str, Any]] = {}
        rows: list[dict[str, Any]] = []
        for number, cells in enumerate(zip(*lists, strict=True), 1):
            named = dict(zip(fields, cells, strict=True))
            key = tuple(_key(c) for c in cells)
            if key not in done:
                done[key] = _capaian_fields(
                    compute_row(
                        named.get("indicator"),
                        named["target"],
                        named["realisasi"],
                        polarity_cell=named.get("polarity"),
                        row=number,
                        polarity=polarity,
                        cap=cap,
                        formula=formula,
                    )
                )
            rows.append(done[key])
        return pl.Series("capaian", rows, dtype=CAPAIAN_STRUCT)

    out = pl.struct(columns).map_batches(compute, return_dtype=CAPAIAN_STRUCT, is_elementwise=True)
    return out.alias("capaian")
