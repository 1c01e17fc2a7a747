"""Interpretation scales: the category word an LKj puts beside a capaian.

An LKj author picks the scale (docs/domain.md §1.5, §8): KPU practice writes ``Berhasil`` or
``Tidak Berhasil``; PermenPANRB 8/2021 names the IKI categories (Sangat Baik ... Sangat
Kurang); regions print their own intervals (Inspektorat Kab. Sampang, Kab. Maluku
Tengah). The scales ship as data (``data/report_categories.csv``, one band a line with
its source); :func:`load_bands` reads a user's own bands from a CSV file.

A band is an interval of capaian percent, each end open or closed, or unbounded:

>>> scale = get_scale("sampang")
>>> scale.category(Decimal("90")).label, scale.category(Decimal("90.01")).label
('Baik', 'Sangat Baik')
>>> get_scale("berhasil").category(Decimal("99.99")).label
'Tidak Berhasil'
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import attrs

from .. import _data
from ..errors import DocumentReadError, SchemaError

__all__ = ["DEFAULT_SCALE", "Band", "Scale", "get_scale", "load_bands", "scale_names"]

#: KPU LKj practice (LKj Sekretariat KPU Prov. Kaltim 2020); decision 0314.
DEFAULT_SCALE = "berhasil"

_TRUE = frozenset({"true", "ya", "y", "1", "yes"})
_NEUTRAL = "D5D8DC"


@attrs.frozen
class Band:
    """One category: capaian from ``low`` to ``high`` (percent; ``None`` is unbounded)."""

    label: str
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = False
    #: An RGB colour, six hex digits, for the table and the chart.
    colour: str = _NEUTRAL

    def __contains__(self, percent: object) -> bool:
        if not isinstance(percent, Decimal):
            return False
        if self.low is not None and (
            percent < self.low or (percent == self.low and not self.low_inclusive)
        ):
            return False
        return self.high is None or (
            percent < self.high or (percent == self.high and self.high_inclusive)
        )

    @property
    def interval(self) -> str:
        """The band with C for the capaian: ``C ≥ 101%``, ``75% < C ≤ 90%``, ``C < 60%``."""
        parts = []
        if self.low is not None:
            parts.append(f"{_shown(self.low)} {'≤' if self.low_inclusive else '<'} ")
        parts.append("C")
        if self.high is not None:
            parts.append(f" {'≤' if self.high_inclusive else '<'} {_shown(self.high)}")
        if self.low is not None and self.high is None:
            return f"C {'≥' if self.low_inclusive else '>'} {_shown(self.low)}"
        return "".join(parts) if len(parts) > 1 else "semua nilai"


def _shown(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f").replace(".", ",")
    return f"{text}%"


@attrs.frozen
class Scale:
    """A named interpretation scale: its bands (best first), title and source."""

    name: str
    title: str
    bands: tuple[Band, ...]
    source: str = ""

    def category(self, percent: Decimal | None) -> Band | None:
        """The band of ``percent``, or ``None`` (not computable, or outside every band)."""
        if percent is None:
            return None
        return next((band for band in self.bands if percent in band), None)


def _decimal(text: str, where: str) -> Decimal | None:
    text = text.strip().rstrip("%").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise SchemaError(f"{where}: {text!r} is not a number") from None
    if not value.is_finite():
        raise SchemaError(f"{where}: {text!r} is not a finite number")
    return value


def _colour(text: str, where: str) -> str:
    text = text.strip().lstrip("#").upper()
    if not text:
        return _NEUTRAL
    if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
        raise SchemaError(f"{where}: colour {text!r} is not six hex digits (RRGGBB)")
    return text


def _band(row: dict[str, str], where: str) -> Band:
    def get(*names: str) -> str:
        return next((row[n] or "" for n in names if n in row and row[n] is not None), "")

    label = get("label", "kategori").strip()
    if not label:
        raise SchemaError(f"{where}: a band needs a label (kategori)")
    low = _decimal(get("low", "batas_bawah"), where)
    high = _decimal(get("high", "batas_atas"), where)
    if low is not None and high is not None and low > high:
        raise SchemaError(f"{where}: the low end {low} is above the high end {high}")
    low_inclusive = get("low_inclusive").strip().lower()
    high_inclusive = get("high_inclusive").strip().lower()
    return Band(
        label,
        low,
        high,
        low_inclusive in _TRUE if low_inclusive else True,
        high_inclusive in _TRUE if high_inclusive else False,
        _colour(get("colour", "color", "warna"), where),
    )


@cache
def _shipped() -> dict[str, Scale]:
    scales: dict[str, list[tuple[dict[str, str], Band]]] = {}
    for number, row in enumerate(_data.rows("report_categories.csv"), start=1):
        band = _band(row, f"data/report_categories.csv, band {number}")
        scales.setdefault(row["scale"], []).append((row, band))
    return {
        name: Scale(name, rows[0][0]["title"], tuple(b for _, b in rows), rows[0][0]["source"])
        for name, rows in scales.items()
    }


def scale_names() -> tuple[str, ...]:
    """The names of the shipped scales."""
    return tuple(_shipped())


def get_scale(name: str) -> Scale:
    """A shipped scale by name (:func:`scale_names`); raises SchemaError for an unknown one."""
    found = _shipped().get(name.strip().lower())
    if found is None:
        known = ", ".join(scale_names())
        raise SchemaError(f"unknown scale {name!r} (known: {known})")
    return found


def load_bands(path: str | Path) -> Scale:
    """A user's own scale from a CSV file with columns ``label,low,high`` (or Indonesian
    ``kategori,batas_bawah,batas_atas``), optional ``low_inclusive``, ``high_inclusive``
    (``true``/``false``; by default the low end is in the band and the high end is not)
    and ``colour``/``warna`` (RRGGBB). A ``;``-separated file works too. Bands are tried
    in the order written; an empty end is unbounded.
    """
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentReadError(str(path), f"cannot read the bands: {exc}") from None
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {f.strip().lower() for f in reader.fieldnames or ()}
    if not fields & {"label", "kategori"}:
        raise SchemaError(f"{path}: the header needs a 'label' (or 'kategori') column")
    bands = []
    for number, row in enumerate(reader, start=2):
        cleaned = {k.strip().lower(): v for k, v in row.items() if k is not None}
        if not any((v or "").strip() for v in cleaned.values()):
            continue
        bands.append(_band(cleaned, f"{path} line {number}"))
    if not bands:
        raise SchemaError(f"{path}: no bands")
    return Scale(source.stem, f"Kategori dari {source.name}", tuple(bands), str(path))
