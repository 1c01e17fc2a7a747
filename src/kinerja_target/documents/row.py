"""The row of a performance table: :class:`Row`, and the codes of the reader's doubts."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..errors import SchemaError, TargetParseError
from ..parse import parse_target
from ..values import Number, Target

#: What each code in :attr:`Row.doubts` means: why the reader is unsure of a row.
DOUBTS: Final[dict[str, str]] = {
    "no_measure_word": "the indicator was told from the sasaran by its position only: "
    "it does not begin with a measure word (Persentase, Jumlah, Nilai...)",
    "start_guessed": "no cue marks where the indicator begins; the lines after the "
    "previous row were taken",
    "target_split": "the target was joined from two lines",
    "inline_target": "the target was found inside a line of text",
    "joined_lines": "a row that begins in lower case was joined to the row above",
    "no_header": "no header row was found; the columns were taken from the right",
    "extra_cells": "the row has more cells than the header; the extra ones were dropped",
    "no_indicator": "the row has values but no indicator text",
    "unreadable_year": "the year column holds no year",
    "realigned": "the row's cells did not sit under the header's columns; they were moved "
    "to the columns their contents fit",
}


def _optional_text(value: str | None) -> str | None:
    return value if value else None


def _doubt_codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


@functools.lru_cache(maxsize=1 << 14)
def _read_target(text: str, indicator: str | None) -> Target | None:
    # Cached here too: the parser caches values, not the texts that hold none, and the
    # flattened reader tries many of those.
    try:
        return parse_target(text, indicator=indicator or None)
    except TargetParseError:
        return None


def _row_target(row: Row) -> Target | None:
    """The target cell read with the indicator's wording; a bare number with the unit of
    the row's Satuan column, when that makes a known unit (docs/decisions/0206)."""
    if row.satuan and _bare_number(row.target_raw):
        typed = _read_target(f"{row.target_raw} {row.satuan}", row.indicator)
        if typed is not None and "unknown_unit" not in typed.warnings:
            return typed
    return _read_target(row.target_raw, row.indicator)


@attrs.frozen(kw_only=True, repr=False)
class Row:
    """One indicator row of a performance table.

    ``target_raw`` is the target cell as written; ``target`` the value the target parser
    reads from it (with the indicator's wording), or ``None`` when the cell holds no
    target. ``sasaran`` is carried down continuation rows. ``unit`` is the organisation
    unit as its heading names it (``Sekretariat KPU Kota Ambon``; in a PK cascade with the
    signing sub-unit, ``Sekretariat KPU Provinsi Maluku / Sub Bagian Keuangan``) and
    ``satker`` the work unit it belongs to (``KPU Kota Ambon``). ``satuan`` is the
    table's Satuan column, when it has one: ``target_raw`` stays the cell as written
    (``12``) and ``target`` is read with the unit (``12 laporan``).

    ``polarity_raw`` is what a Polaritas column says (``max``, ``min``, ``stabil``).
    In a table with several indicator levels (a Renstra's sasaran indicators above its
    program and kegiatan indicators) ``level`` names the row's (``sasaran``,
    ``program``, ``kegiatan``, ``sub kegiatan``); ``budget_raw`` is the budget the table
    sets beside the target for that year (the ``Rp`` column), as written; ``period`` says
    which part of the plan the target is for when it is not a whole year: ``akhir`` for
    the end of the Renstra period, ``TW I`` .. ``TW IV`` for a quarter.

    ``source`` and ``line`` (where the indicator text begins) say where the row was read,
    ``sheet`` the workbook sheet, ``table`` which table of the document it belongs to (0
    for the first, ``None`` for a data export), and ``doubts`` why the reader is unsure of
    it (codes of :data:`DOUBTS`); these stay out of equality, so a row read back from a
    CSV equals the row written.
    """

    indicator: str
    target_raw: str = ""
    sasaran: str | None = attrs.field(default=None, converter=_optional_text)
    satker: str | None = attrs.field(default=None, converter=_optional_text)
    unit: str | None = attrs.field(default=None, converter=_optional_text)
    year: int | None = None
    doc_type: str | None = attrs.field(default=None, converter=_optional_text)
    realisasi_raw: str | None = attrs.field(default=None, converter=_optional_text)
    capaian_raw: str | None = attrs.field(default=None, converter=_optional_text)
    satuan: str | None = attrs.field(default=None, converter=_optional_text)
    polarity_raw: str | None = attrs.field(default=None, converter=_optional_text)
    level: str | None = attrs.field(default=None, converter=_optional_text)
    budget_raw: str | None = attrs.field(default=None, converter=_optional_text)
    period: str | None = attrs.field(default=None, converter=_optional_text)
    target: Target | None = attrs.field(
        eq=False, default=attrs.Factory(_row_target, takes_self=True)
    )
    source: str | None = attrs.field(default=None, eq=False)
    line: int | None = attrs.field(default=None, eq=False)
    doubts: tuple[str, ...] = attrs.field(default=(), eq=False, converter=_doubt_codes)
    table: int | None = attrs.field(default=None, eq=False)
    sheet: str | None = attrs.field(default=None, eq=False)

    @property
    def unsure(self) -> bool:
        """True when the reader had to guess about this row (see :attr:`doubts`)."""
        return bool(self.doubts)

    @property
    def where(self) -> str:
        """``source:line``, for messages."""
        source = self.source or "<text>"
        return f"{source}:{self.line}" if self.line is not None else source

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the fields, with ``target`` in its canonical form."""
        return {
            "source": self.source,
            "line": self.line,
            "satker": self.satker,
            "unit": self.unit,
            "year": self.year,
            "doc_type": self.doc_type,
            "sasaran": self.sasaran,
            "indicator": self.indicator,
            "target_raw": self.target_raw,
            "target": self.target.to_dict() if self.target is not None else None,
            "realisasi_raw": self.realisasi_raw,
            "capaian_raw": self.capaian_raw,
            "satuan": self.satuan,
            "doubts": list(self.doubts),
            "table": self.table,
            "polarity_raw": self.polarity_raw,
            "level": self.level,
            "budget_raw": self.budget_raw,
            "period": self.period,
            "sheet": self.sheet,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Row:
        """The row of a dict that :meth:`to_dict` made (``target`` is read again from
        ``target_raw``, as the reader reads it); unknown keys are an error.

        >>> row = Row(indicator="Persentase A", target_raw="97,5%", year=2024)
        >>> Row.from_dict(row.to_dict()) == row
        True
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("indicator"), str):
            raise SchemaError(f"a row needs an 'indicator' text, not {data!r}")
        unknown = set(data) - _DICT_KEYS
        if unknown:
            raise SchemaError(f"unknown row fields: {', '.join(sorted(unknown))}")
        fields = {k: v for k, v in data.items() if k not in ("target", "doubts")}
        fields["target_raw"] = fields.get("target_raw") or ""
        try:
            return cls(**fields, doubts=tuple(data.get("doubts") or ()))
        except TypeError as exc:
            raise SchemaError(f"not a row: {exc}") from None

    def __repr__(self) -> str:
        parts = [f"indicator={self.indicator!r}", f"target_raw={self.target_raw!r}"]
        for name in ("unit", "year", "doc_type", "level", "period", "source", "line", "doubts"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}={value!r}")
        return f"Row({', '.join(parts)})"


_DICT_KEYS = frozenset(
    {
        "source",
        "line",
        "satker",
        "unit",
        "year",
        "doc_type",
        "sasaran",
        "indicator",
        "target_raw",
        "target",
        "realisasi_raw",
        "capaian_raw",
        "satuan",
        "doubts",
        "table",
        "polarity_raw",
        "level",
        "budget_raw",
        "period",
        "sheet",
    }
)


def _retarget(row: Row, **changes: Any) -> Row:
    """``row`` with ``changes``, its target read again from the changed cells."""
    changed = attrs.evolve(row, **changes)
    return attrs.evolve(changed, target=_row_target(changed))


def _bare_number(text: str) -> bool:
    value = _read_target(text, None)
    return isinstance(value, Number) and value.scale is None and not value.note
