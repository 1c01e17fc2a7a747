"""Targets and capaian in pandas (the optional ``pandas`` extra).

Importing this module registers a ``kt`` accessor on Series and DataFrames:

* ``series.kt.parse(indicator=...)``: a Series of target values, one per cell, each
  distinct cell read once (:func:`~kinerja_target.parse_many`). NaN, ``None``, ``pd.NA``
  and empty cells are :class:`~kinerja_target.Missing`; a cell that holds no target
  keeps its :class:`~kinerja_target.TargetParseError` in its place, so no row is lost.
* ``series.kt.columns(indicator=...)``: the same values as columns for analysis:
  ``kind``, ``value`` (``Float64``), ``unit``, ``qualifier``, ``warnings`` (the codes,
  comma-separated) and ``error``.
* ``frame.kt.parse()`` and ``frame.kt.columns()``: the same for the frame's target
  column, each cell read with its row's indicator.
* ``frame.kt.capaian(...)``: each row's capaian (``percent`` as ``Float64`` for analysis,
  ``capaian`` as the report writes it, ``met``, ``status``, ``polarity``,
  ``keterangan``); ``frame.kt.add_capaian(...)`` is :func:`add_capaian`.

The indicator, target, realisasi and polarity columns are found by their headers as the
table reader finds them (the vocabulary of ``data/tables_columns.csv``, with the header
names a LAKIP table uses), unless named.

``value`` is a float for analysis (a sum, a mean, a chart); the exact ``Decimal`` stays
in the values of ``kt.parse()`` and in ``add_capaian``'s ``capaian_percent``
(docs/decisions/0504).
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import Any

from .achievement import MinFormula
from .documents.header import _column_role, _header_text, _phrase_roles
from .errors import MissingExtraError, SchemaError, TargetParseError
from .lakip import OUTPUT_COLUMNS, CapaianRow, compute_row
from .parse import parse_many
from .polarity import Polarity
from .values import Compound, Grade, Missing, Range, Target

try:
    import numpy as np
    import pandas as pd
except ImportError as error:  # pragma: no cover - depends on the environment
    raise MissingExtraError("kinerja_target.dataframe", "pandas", "pandas") from error

__all__ = [
    "ANALYSIS_COLUMNS",
    "PERCENT_COLUMN",
    "FrameAccessor",
    "SeriesAccessor",
    "add_capaian",
    "analysis_row",
    "column_role",
]

#: The numeric column added beside the three text columns: the exact percent, a
#: ``Decimal`` (34 significant digits), or ``None`` where no capaian was computed.
PERCENT_COLUMN = "capaian_percent"

#: The columns of ``kt.columns()`` (and of the polars struct), in order.
ANALYSIS_COLUMNS: tuple[str, ...] = ("kind", "value", "unit", "qualifier", "warnings", "error")

Cell = str | int | Decimal | float | None


# -- the column vocabulary -----------------------------------------------------------------


def column_role(header: str) -> str | None:
    """The role of a column from its header (``indicator``, ``target``, ``realisasi``,
    ``capaian``, ``polarity``, ``satuan``, ...), as the table reader reads a header cell:
    the one vocabulary of ``data/tables_columns.csv``.

    >>> column_role("Target 2024"), column_role("INDIKATOR KINERJA UTAMA")
    ('target', 'indicator')
    >>> column_role("Realisasi (%)"), column_role("Uraian") is None
    ('realisasi', True)
    """
    return _column_role(header)


def _named(frame: pd.DataFrame, name: str, role: str) -> Hashable:
    """The frame's column called ``name``: exactly, else ignoring case and spaces."""
    if name in frame.columns:
        return name
    wanted = " ".join(name.casefold().split())
    for column in frame.columns:
        if isinstance(column, str) and " ".join(column.casefold().split()) == wanted:
            return column
    found = ", ".join(repr(c) for c in frame.columns)
    raise SchemaError(f"no {role} column {name!r} in the DataFrame (columns: {found})")


_KEYWORDS = {"indicator": "indicator", "target": "target", "realisasi": "realisasi"}


def _found(frame: pd.DataFrame, role: str, *, required: bool = True) -> Hashable | None:
    """The one column whose header has ``role``; of several, the one whose header is a
    known phrase exactly (``Realisasi`` over ``Realisasi Anggaran``)."""
    candidates = [c for c in frame.columns if isinstance(c, str) and column_role(c) == role]
    if len(candidates) > 1:
        # a header that is a phrase of the vocabulary, whole (Realisasi, not Realisasi
        # Anggaran), before one that only begins with it
        exact = [c for c in candidates if _header_text(c) in _phrase_roles()[0]]
        candidates = exact if exact else candidates
    if len(candidates) == 1:
        return candidates[0]
    keyword = _KEYWORDS.get(role, f"{role}_column")
    if candidates:
        shown = ", ".join(repr(c) for c in candidates)
        raise SchemaError(f"several {role} columns ({shown}): name one with {keyword}=")
    if not required:
        return None
    example = {"indicator": "Indikator", "target": "Target", "realisasi": "Realisasi"}[role]
    found = ", ".join(repr(c) for c in frame.columns)
    raise SchemaError(
        f"no {role} column {example!r} (nor another header the reader knows) in the "
        f"DataFrame (columns: {found}): name it with {keyword}="
    )


def _column(frame: pd.DataFrame, name: str | None, role: str) -> Hashable:
    if name is not None:
        return _named(frame, name, role)
    found = _found(frame, role)
    assert found is not None
    return found


# -- cells ---------------------------------------------------------------------------------


def _cell(value: Any) -> Cell:
    """A frame's cell as :func:`parse_many` takes it: pd.NA and NaT are empty cells too,
    and numpy numbers become Python numbers."""
    if isinstance(value, str | Decimal) or value is None:
        return value
    if bool(pd.isna(value)):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)


def _indicator_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None if value is None or bool(pd.isna(value)) else str(value)


def _parse(
    cells: Sequence[Any], indicators: Sequence[str | None]
) -> list[Target | TargetParseError]:
    """Each cell read with its indicator; each distinct (cell, indicator) read once."""
    by_indicator: dict[str | None, list[int]] = {}
    for position, indicator in enumerate(indicators):
        by_indicator.setdefault(indicator, []).append(position)
    results: list[Target | TargetParseError] = [Missing()] * len(cells)
    for indicator, positions in by_indicator.items():
        read = parse_many([_cell(cells[p]) for p in positions], indicator=indicator)
        for position, value in zip(positions, read, strict=True):
            results[position] = value
    return results


def _indicators(series: pd.Series[Any], indicator: str | pd.Series[Any] | None) -> list[str | None]:
    if isinstance(indicator, pd.Series):
        return [_indicator_text(v) for v in indicator.reindex(series.index)]
    return [indicator] * len(series)


def analysis_row(value: Target | TargetParseError) -> dict[str, Any]:
    """One value as the analysis columns hold it (:data:`ANALYSIS_COLUMNS`): ``value`` a
    float for the kinds that are one number (percent, quantity, number, money), ``None``
    for grades, ranges, compounds, missing cells and errors.

    >>> from kinerja_target import parse_target
    >>> row = analysis_row(parse_target("≥ 97,5%"))
    >>> row["kind"], row["value"], row["unit"], row["qualifier"], row["warnings"]
    ('percent', 97.5, 'percent', '>=', '')
    """
    if isinstance(value, TargetParseError):
        row: dict[str, Any] = dict.fromkeys(ANALYSIS_COLUMNS)
        row.update(kind="error", warnings="", error=value.reason)
        return row
    number = getattr(value, "value", None)
    plain = isinstance(number, Decimal) and not isinstance(value, Grade | Range | Compound)
    return {
        "kind": value.kind,
        "value": float(number) if plain and isinstance(number, Decimal) else None,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "warnings": ",".join(value.warnings),
        "error": None,
    }


_DTYPES = {
    "kind": "string",
    "value": "Float64",
    "unit": "string",
    "qualifier": "string",
    "warnings": "string",
    "error": "string",
}


def _analysis_frame(values: Sequence[Target | TargetParseError], index: pd.Index) -> pd.DataFrame:
    # parse_many gives one object per distinct cell: each is converted once, and the
    # rows take their distinct value's position.
    position: dict[int, int] = {}
    distinct: list[Target | TargetParseError] = []
    codes = np.empty(len(values), dtype=np.intp)
    for row, value in enumerate(values):
        found = position.get(id(value))
        if found is None:
            found = position[id(value)] = len(distinct)
            distinct.append(value)
        codes[row] = found
    rows = [analysis_row(v) for v in distinct]
    columns = {
        name: pd.array([r[name] for r in rows], dtype=_DTYPES[name]).take(codes)  # type: ignore[call-overload]
        for name in ANALYSIS_COLUMNS
    }
    return pd.DataFrame(columns, index=index)


# -- the accessors -------------------------------------------------------------------------


@pd.api.extensions.register_series_accessor("kt")
class SeriesAccessor:
    """``series.kt``: a column of target cells read into values."""

    def __init__(self, series: pd.Series[Any]) -> None:
        self._series = series

    def parse(self, *, indicator: str | pd.Series[Any] | None = None) -> pd.Series[Any]:
        """The cells as target values (an object Series with the same index and name).

        ``indicator`` is one wording for every cell, or a Series of wordings aligned on
        the index (each cell read with its row's indicator).

        >>> import pandas as pd
        >>> import kinerja_target.dataframe
        >>> values = pd.Series(["97,5%", None, float("nan"), "", "12 Lap"]).kt.parse()
        >>> values[0], values[4]
        (Percent(Decimal('97.5')), Quantity(Decimal('12'), 'laporan'))
        >>> [value.kind for value in values]
        ['percent', 'missing', 'missing', 'missing', 'quantity']
        """
        series = self._series
        values = _parse(series.tolist(), _indicators(series, indicator))
        return pd.Series(values, index=series.index, name=series.name, dtype=object)

    def columns(self, *, indicator: str | pd.Series[Any] | None = None) -> pd.DataFrame:
        """The cells as analysis columns: ``kind``, ``value`` (``Float64``), ``unit``,
        ``qualifier``, ``warnings``, ``error`` (see :func:`analysis_row`).

        >>> import pandas as pd
        >>> import kinerja_target.dataframe
        >>> frame = pd.Series(["97,5%", "12 Lap", "-", "xyz"]).kt.columns()
        >>> frame["kind"].tolist(), float(frame["value"].sum()), str(frame["value"].dtype)
        (['percent', 'quantity', 'missing', 'error'], 109.5, 'Float64')
        >>> frame.loc[3, "error"]
        "expected a number, found 'xyz'"
        """
        series = self._series
        values = _parse(series.tolist(), _indicators(series, indicator))
        return _analysis_frame(values, series.index)


@pd.api.extensions.register_dataframe_accessor("kt")
class FrameAccessor:
    """``frame.kt``: a table of indicators, targets and realisations."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def _target_and_indicators(
        self, column: str | None, indicator: str | None
    ) -> tuple[pd.Series[Any], list[str | None]]:
        frame = self._frame
        cells = frame[_column(frame, column, "target")]
        wording = (
            _named(frame, indicator, "indicator")
            if indicator
            else _found(frame, "indicator", required=False)
        )
        if wording is None:
            return cells, [None] * len(frame)
        return cells, [_indicator_text(v) for v in frame[wording]]

    def parse(self, column: str | None = None, *, indicator: str | None = None) -> pd.Series[Any]:
        """The target column (``column``, else the one whose header says target) as
        values, each cell read with its row's indicator (the ``indicator`` column, else
        the one whose header says indicator, if there is one)."""
        cells, indicators = self._target_and_indicators(column, indicator)
        values = _parse(cells.tolist(), indicators)
        return pd.Series(values, index=cells.index, name=cells.name, dtype=object)

    def columns(self, column: str | None = None, *, indicator: str | None = None) -> pd.DataFrame:
        """The analysis columns of :meth:`parse`'s values (see :meth:`SeriesAccessor.columns`)."""
        cells, indicators = self._target_and_indicators(column, indicator)
        return _analysis_frame(_parse(cells.tolist(), indicators), cells.index)

    def capaian(
        self,
        *,
        indicator: str | None = None,
        target: str | None = None,
        realisasi: str | None = None,
        polarity_column: str | None = None,
        polarity: Polarity | str | None = None,
        cap: Decimal | int | str | None = None,
        formula: MinFormula | str = MinFormula.REFLECTED,
    ) -> pd.DataFrame:
        """Each row's capaian, for analysis: ``percent`` (``Float64``), ``capaian`` (as the
        report writes it, ``104,77%``), ``met`` (``boolean``), ``status``, ``polarity`` and
        ``keterangan``, on the frame's index. Options as :func:`add_capaian`.

        >>> import pandas as pd
        >>> import kinerja_target.dataframe
        >>> table = pd.DataFrame({"Indikator Kinerja": ["Persentase Partisipasi Pemilih"],
        ...                       "Target": ["77,5%"], "Realisasi": ["81,2%"]})
        >>> result = table.kt.capaian()
        >>> result.loc[0, "capaian"], round(float(result.loc[0, "percent"]), 4)
        ('104,77%', 104.7742)
        """
        rows = _rows(
            self._frame, indicator, target, realisasi, polarity_column, polarity, cap, formula
        )
        found = [r.achievement for r in rows]
        columns: dict[str, Any] = {
            "percent": pd.array(
                [
                    float(a.percent) if a is not None and a.percent is not None else None
                    for a in found
                ],
                dtype="Float64",
            ),
            "capaian": pd.array([r.capaian or None for r in rows], dtype="string"),
            "met": pd.array([a.met if a is not None else None for a in found], dtype="boolean"),
            "status": pd.array([r.status or None for r in rows], dtype="string"),
            "polarity": pd.array(
                [str(a.polarity) if a is not None else None for a in found], dtype="string"
            ),
            "keterangan": pd.array([r.keterangan or None for r in rows], dtype="string"),
        }
        return pd.DataFrame(columns, index=self._frame.index)

    def add_capaian(self, **options: Any) -> pd.DataFrame:
        """:func:`add_capaian` of this frame."""
        return add_capaian(self._frame, **options)


# -- capaian -------------------------------------------------------------------------------


def _rows(
    frame: pd.DataFrame,
    indicator: str | None,
    target: str | None,
    realisasi: str | None,
    polarity_column: str | None,
    polarity: Polarity | str | None,
    cap: Decimal | int | str | None,
    formula: MinFormula | str,
) -> list[CapaianRow]:
    columns = [
        _column(frame, indicator, "indicator"),
        _column(frame, target, "target"),
        _column(frame, realisasi, "realisasi"),
    ]
    if polarity_column is not None:
        columns.append(_named(frame, polarity_column, "polarity"))
    else:
        found = _found(frame, "polarity", required=False)
        if found is not None:
            columns.append(found)
    rows = []
    for position, values in enumerate(frame[columns].itertuples(index=False, name=None), 1):
        cells = [_cell(v) for v in values]
        rows.append(
            compute_row(
                *cells[:3],
                polarity_cell=cells[3] if len(cells) > 3 else None,
                row=position,
                polarity=polarity,
                cap=cap,
                formula=formula,
            )
        )
    return rows


def add_capaian(
    frame: pd.DataFrame,
    *,
    indicator: str | None = None,
    target: str | None = None,
    realisasi: str | None = None,
    polarity_column: str | None = None,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
) -> pd.DataFrame:
    """A copy of ``frame`` with ``Capaian``, ``Status``, ``Keterangan`` and ``capaian_percent``.

    The indicator, target and realisasi columns (and a polarity column, if the frame has
    one) are found by their headers as the table reader finds them (``Indikator Kinerja
    Utama``, ``Target 2024``, ``Realisasi``, ``Polaritas``); a name given is matched
    exactly, else ignoring case. Cells may be text or numbers (a float goes through
    ``Decimal(repr(x))``: ``0.975`` stays 0,975, not a percent); empty cells are
    ``None``/NaN/``pd.NA``. Options are those of :func:`~kinerja_target.compute_table`.
    Existing columns with the added names are replaced in the copy; ``frame`` itself is
    not changed. A row's problem is in its ``Keterangan`` with ``Status`` ``Galat``;
    nothing raises for a cell's content.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"Indikator Kinerja": ["Persentase Partisipasi Pemilih"],
    ...                       "Target 2024": ["77,5%"], "Realisasi": ["81,2%"]})
    >>> add_capaian(table)[["Capaian", "Status"]].iloc[0].tolist()
    ['104,77%', 'Tercapai']
    """
    rows = _rows(frame, indicator, target, realisasi, polarity_column, polarity, cap, formula)
    out = frame.copy()
    for index, name in enumerate(OUTPUT_COLUMNS):
        out[name] = pd.Series([r.output[index] for r in rows], index=frame.index, dtype=object)
    percents = [r.achievement.percent if r.achievement is not None else None for r in rows]
    out[PERCENT_COLUMN] = pd.Series(percents, index=frame.index, dtype=object)
    return out
