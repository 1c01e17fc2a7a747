"""The capaian of a pandas DataFrame, row by row (the optional ``pandas`` extra).

:func:`add_capaian` does on a DataFrame what ``kinerja-target capaian`` does on a file:
each row's capaian from its indicator, target and realisation columns, with the same
rules (:func:`~kinerja_target.lakip.compute_row`). pandas is imported only when the
function runs, so the library does not need it.
"""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .achievement import MinFormula
from .errors import SchemaError
from .lakip import OUTPUT_COLUMNS, compute_row
from .polarity import Polarity

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PERCENT_COLUMN", "add_capaian"]

#: The numeric column added beside the three text columns: the exact percent, a
#: ``Decimal`` (34 significant digits), or ``None`` where no capaian was computed.
PERCENT_COLUMN = "capaian_percent"


def _column(frame: pd.DataFrame, name: str, role: str) -> Hashable:
    """The frame's column called ``name``: exactly, else ignoring case and spaces."""
    if name in frame.columns:
        return name
    wanted = " ".join(name.casefold().split())
    for column in frame.columns:
        if isinstance(column, str) and " ".join(column.casefold().split()) == wanted:
            return column
    found = ", ".join(repr(c) for c in frame.columns)
    raise SchemaError(f"no {role} column {name!r} in the DataFrame (columns: {found})")


def add_capaian(
    frame: pd.DataFrame,
    *,
    indicator: str = "Indikator",
    target: str = "Target",
    realisasi: str = "Realisasi",
    polarity_column: str | None = None,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
) -> pd.DataFrame:
    """A copy of ``frame`` with ``Capaian``, ``Status``, ``Keterangan`` and ``capaian_percent``.

    Column names are matched exactly, else ignoring case. Cells may be text or numbers
    (a float goes through ``Decimal(repr(x))``: ``0.975`` stays 0,975, not a percent);
    empty cells are ``None``/NaN. Options are those of
    :func:`~kinerja_target.lakip.compute_table`. Existing columns with the added names are
    replaced in the copy; ``frame`` itself is not changed. A row's problem is in its
    ``Keterangan`` with ``Status`` ``Galat``; nothing raises for a cell's content.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"Indikator": ["Persentase Partisipasi Pemilih"],
    ...                       "Target": ["77,5%"], "Realisasi": ["81,2%"]})
    >>> add_capaian(table)[["Capaian", "Status"]].iloc[0].tolist()
    ['104,77%', 'Tercapai']
    """
    import pandas as pd

    roles = [(indicator, "indicator"), (target, "target"), (realisasi, "realisasi")]
    if polarity_column is not None:
        roles.append((polarity_column, "polarity"))
    columns = [_column(frame, name, role) for name, role in roles]

    def cell(value: Any) -> Any:
        # pd.NA and NaT are missing cells too, and neither is text nor a number.
        return None if not isinstance(value, str) and bool(pd.isna(value)) else value

    rows = []
    for position, values in enumerate(frame[columns].itertuples(index=False, name=None), 1):
        cells = [cell(v) for v in values]
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
    out = frame.copy()
    for index, name in enumerate(OUTPUT_COLUMNS):
        out[name] = pd.Series([r.output[index] for r in rows], index=frame.index, dtype=object)
    percents = [r.achievement.percent if r.achievement is not None else None for r in rows]
    out[PERCENT_COLUMN] = pd.Series(percents, index=frame.index, dtype=object)
    return out
