"""One document read into the records the store keeps: what a worker process returns.

A worker reads a file with :func:`~kinerja_target.read_document` (or the reader it was
given), types every row's target, computes its capaian with
:func:`~kinerja_target.lakip.compute_row` and hands back plain tuples in the column
order of :data:`~kinerja_target.rollup.schema.ROW_COLUMNS`, so the writing process only
inserts. Nothing a file holds can make the worker raise: an unreadable file comes back
as a :class:`FileRecords` with its ``error``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import Any

import attrs

from ..errors import DocumentReadError
from ..values import Compound, Grade, Missing, Number, Range, Target

__all__ = [
    "FileRecords",
    "Reader",
    "exact",
    "read_records",
    "sha256_of",
    "target_columns",
    "year_in_path",
]

#: What reads a file into rows: :func:`kinerja_target.read_document` or a stand-in.
Reader = Callable[..., Sequence[Any]]

_PLACES = Decimal("1e-10")
_LIMIT = Decimal(10) ** 28
_CONTEXT = Context(prec=38)


def exact(value: Decimal | None) -> Decimal | None:
    """``value`` as the store keeps it: rounded half-up to 10 places, ``None`` when it
    does not fit ``DECIMAL(38, 10)`` (the text keeps it).

    >>> exact(Decimal("2") / Decimal("3") * 100)
    Decimal('66.6666666667')
    >>> exact(Decimal("1E+30")) is None
    True
    """
    if value is None or not value.is_finite() or abs(value) >= _LIMIT:
        return None
    # DECIMAL(38, 10) holds 38 digits: more than the default context's 28.
    return value.quantize(_PLACES, rounding=ROUND_HALF_UP, context=_CONTEXT)


def _unit(target: Target) -> str | None:
    if isinstance(target, Number):
        return target.scale
    if isinstance(target, Grade):
        return target.scale
    if isinstance(target, Compound):
        return "+".join(str(_unit(p)) for p in target.parts)
    unit = getattr(target, "unit", None)
    return None if unit is None else str(unit)


def target_columns(
    target: Target | None,
) -> tuple[str | None, Decimal | None, str | None, str | None, str | None]:
    """``(kind, value, unit, qualifier, canonical JSON)`` of a target; the value only
    for the kinds that are one number (percent, quantity, number, money)."""
    if target is None:
        return (None, None, None, None, None)
    value = getattr(target, "value", None)
    number = value if isinstance(value, Decimal) else None
    if isinstance(target, (Range, Missing, Compound)):
        number = None
    payload = json.dumps(target.to_dict(), ensure_ascii=False, sort_keys=True)
    return (target.kind, exact(number), _unit(target), target.qualifier, payload)


def _capaian(row: Any) -> tuple[Decimal | None, Decimal | None, str | None]:
    """``(realisasi value, capaian percent, status)`` of a row with a realisasi."""
    if not row.realisasi_raw:
        return (None, None, None)
    target_text = row.target.raw if row.target is not None else row.target_raw
    realisasi = row.realisasi_raw
    if row.satuan and target_text != row.target_raw and _bare(realisasi):
        # The target took its unit from the Satuan column (docs/decisions/0206); so
        # does a bare realisasi beside it.
        realisasi = f"{realisasi} {row.satuan}"
    return _computed(row.indicator, target_text, realisasi)


# A satker writes the same indicator, target and realisasi year after year, and many
# satker write the same cells: each distinct triple is computed once per worker.
@functools.lru_cache(maxsize=1 << 16)
def _computed(
    indicator: str, target_text: str, realisasi: str
) -> tuple[Decimal | None, Decimal | None, str | None]:
    # Lazy: lakip is being moved into a package; its public name stays importable.
    from ..lakip import compute_row

    computed = compute_row(indicator, target_text, realisasi)
    actual = computed.actual
    value = getattr(actual, "value", None)
    number = value if isinstance(value, Decimal) else None
    found = computed.achievement
    percent = found.percent if found is not None else None
    return (exact(number), exact(percent), computed.status or None)


def _bare(text: str) -> bool:
    stripped = text.strip().replace(".", "").replace(",", "")
    return stripped.isdigit()


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_in_path(path: str | os.PathLike[str]) -> int | None:
    """The year a file's name gives (``lkj_kota_ambon_2023.xlsx``), else its nearest
    folder's (``2023/lkj.xlsx``): the last year in the name, ``None`` without one.

    >>> year_in_path("lkj/2023/lkj_kota_ambon.xlsx"), year_in_path("pk_2020_2024.csv")
    (2023, 2024)
    """
    for part in reversed(Path(path).parts):
        found = _YEAR.findall(part)
        if found:
            return int(found[-1])
    return None


def _record(row: Any, row_no: int, fallback_year: int | None) -> tuple[Any, ...]:
    kind, value, unit, qualifier, payload = target_columns(row.target)
    realisasi_value, capaian, status = _capaian(row)
    doubts = list(row.doubts)
    year = row.year
    if year is None and fallback_year is not None:
        # No heading named the year: the file's name does (and the row says so).
        year = fallback_year
        doubts.append("year_from_path")
    return (
        row_no,
        row.line,
        row.satker,
        row.unit,
        year,
        row.doc_type,
        row.sasaran,
        row.indicator,
        row.target_raw,
        kind,
        value,
        unit,
        qualifier,
        payload,
        row.satuan,
        row.realisasi_raw,
        realisasi_value,
        row.capaian_raw,
        capaian,
        status,
        ",".join(doubts) or None,
    )


@attrs.frozen
class FileRecords:
    """What a worker read from one file: its identity, its row records (without
    ``document_id`` and ``indicator_id``, which the writer sets) or its error."""

    path: str
    sha256: str
    size: int
    records: tuple[tuple[Any, ...], ...] = attrs.field(repr=lambda r: f"<{len(r)} rows>")
    error: str | None = None

    def _mode(self, position: int) -> Any:
        counts = Counter(r[position] for r in self.records if r[position] is not None)
        return min(counts, key=lambda v: (-counts[v], str(v))) if counts else None

    @property
    def satker(self) -> str | None:
        """The satker most of the rows name."""
        return self._mode(2)  # type: ignore[no-any-return]

    @property
    def year(self) -> int | None:
        """The year most of the rows name."""
        return self._mode(4)  # type: ignore[no-any-return]

    @property
    def doc_type(self) -> str | None:
        """The document type most of the rows name."""
        return self._mode(5)  # type: ignore[no-any-return]


def sha256_of(path: str | os.PathLike[str]) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file's bytes."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_records(path: str, reader: Reader | None = None) -> FileRecords:
    """Read one file into records; never raises for what the file holds.

    A :class:`~kinerja_target.errors.DocumentReadError` becomes the record's ``error``;
    so does any other exception of the reader (a reader bug on one file must not stop a
    national ingest), named by its type.
    """
    if reader is None:
        from .. import read_document

        reader = read_document
    try:
        sha, size = sha256_of(path)
    except OSError as exc:
        return FileRecords(path, "", 0, (), f"cannot read {path}: {exc.strerror or exc}")
    try:
        rows = reader(Path(path), source=path)
        year = year_in_path(path)
        records = tuple(_record(row, n, year) for n, row in enumerate(rows))
    except DocumentReadError as exc:
        return FileRecords(path, sha, size, (), str(exc))
    except Exception as exc:
        return FileRecords(path, sha, size, (), f"{type(exc).__name__} reading {path}: {exc}")
    return FileRecords(path, sha, size, records)
