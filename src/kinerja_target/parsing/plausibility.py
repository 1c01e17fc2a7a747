"""Fit a value read from a cell to its indicator, and flag what no target can be.

* :func:`apply_expectation`: the indicator's wording types what the cell leaves open
  (``35`` under ``Persentase ...`` is 35%, ``unit_inferred``; ``3,4`` under ``Nilai
  maturitas SPIP`` is on the SPIP scale) and flags a value of another kind
  (``unit_mismatch``). A unit is inferred only where the number is plausible for it: an
  amount of billions under ``Persentase ...`` (the budget column of the same row) stays a
  number, flagged ``unit_mismatch``.
* :func:`plausible`: a percentage beyond :data:`PERCENT_CEILING` is flagged
  ``implausible``, with the reading a spreadsheet's percent format suggests as a note
  (``4900%`` is 49 shown through a ``0%`` format).
* :func:`read_amount`: digits read with the hint their unit and wording give (a count of
  whole things has no fraction: ``2,697`` pemuda are 2697, still flagged).

See ``docs/decisions/0006-plausibility.md``.
"""

from __future__ import annotations

from decimal import Decimal

from ..numbers import NumberHint, format_decimal, read_digits
from ..values import Number, Percent, Quantity, Range, Target, WarningCode, _evolve
from .wording import Expectation

__all__ = [
    "DURATION_UNITS",
    "PERCENT_CEILING",
    "apply_expectation",
    "finish",
    "magnified",
    "number_hint",
    "plausible",
    "read_amount",
    "whole_count",
]

W = WarningCode

#: The largest percentage a target or realisation plausibly is. Shares of a whole stop at
#: 100; growth and achievement pass it (150%, 300%), but no target of the evaluation sets
#: or the seeds comes near a thousand. Above it the cell is a number shown through a
#: percent format, or an amount in the wrong column.
PERCENT_CEILING = Decimal(1000)
_HUNDRED = Decimal(100)


def read_amount(digits: str, hint: NumberHint, whole: bool = False) -> tuple[Decimal, bool]:
    """Read ``digits`` with ``hint``; ``whole`` says that the number counts whole things
    although no unit was written (the indicator's wording says so): a lone separator
    before three digits is then grouping, and still a guess."""
    value, guessed = read_digits(digits, hint)
    if guessed and whole and hint is None and value != value.to_integral_value():
        value, _ = read_digits(digits, "integral")
    return value, guessed


def magnified(value: Decimal, multiplier: int) -> Decimal:
    """``value`` times a magnitude word's ``multiplier`` (``juta``, ``miliar``)."""
    if multiplier == 1:
        return value
    value = value * multiplier
    if value == value.to_integral_value():  # "Rp 1,2 M" is Rp1.200.000.000, not ",0"
        value = value.quantize(Decimal(1))
    return value


def number_hint(expect: Expectation | None) -> NumberHint:
    """The hint for a bare number (no unit, no sign) under ``expect``."""
    if expect is not None and expect.kind in ("percent", "score"):
        return "bounded"
    return None


def whole_count(expect: Expectation | None) -> bool:
    """Whether a bare number under ``expect`` counts whole things."""
    return expect is not None and expect.kind == "count" and expect.whole


def _kind_of(value: Target) -> str:
    return value.low.kind if isinstance(value, Range) else value.kind


def apply_expectation(value: Target, expect: Expectation) -> Target:
    """``value`` typed and flagged by what the indicator's wording asks for."""
    kind = _kind_of(value)
    if kind == "missing":
        return value
    if expect.kind == "percent":
        if kind == "number" and not _scaled(value):
            if not _plausible_percent(value):
                return value.with_warnings(W.UNIT_MISMATCH)  # an amount, not a share
            return _as_percent(value).with_warnings(W.UNIT_INFERRED)
        if kind in ("quantity", "money", "compound", "grade"):
            return value.with_warnings(W.UNIT_MISMATCH)
    elif expect.kind == "count":
        if kind in ("percent", "grade"):
            return value.with_warnings(W.UNIT_MISMATCH)
    elif expect.kind in ("score", "grade"):
        if kind in ("quantity", "money", "compound"):
            return value.with_warnings(W.UNIT_MISMATCH)
        if kind == "number" and expect.scale is not None:
            return _on_scale(value, expect.scale)
    elif expect.kind == "duration":
        if kind in ("percent", "grade", "money", "compound"):
            return value.with_warnings(W.UNIT_MISMATCH)
        if isinstance(value, Quantity) and value.unit not in DURATION_UNITS:
            return value.with_warnings(W.UNIT_MISMATCH)
    return value


DURATION_UNITS = frozenset({"menit", "jam", "hari", "minggu", "hari_kerja", "bulan"})
DURATION_UNITS |= {"triwulan", "semester", "tahun"}


def _plausible_percent(value: Target) -> bool:
    parts = value.parts if isinstance(value, Range) else (value,)
    return all(isinstance(p, Number) and abs(p.value) <= PERCENT_CEILING for p in parts)


def _scaled(value: Target) -> bool:
    inner = value.low if isinstance(value, Range) else value
    return isinstance(inner, Number) and inner.scale is not None


def _as_percent(value: Target) -> Target:
    if isinstance(value, Range):
        return _evolve(value, low=_as_percent(value.low), high=_as_percent(value.high))
    assert isinstance(value, Number)
    return Percent(
        value.value,
        qualifier=value.qualifier,
        basis=value.basis,
        note=value.note,
        warnings=value.warnings,
        raw=value.raw,
    )


def _on_scale(value: Target, scale: str) -> Target:
    if isinstance(value, Range):
        low, high = _on_scale(value.low, scale), _on_scale(value.high, scale)
        return _evolve(value, low=low, high=high)
    assert isinstance(value, Number)
    return _evolve(value, scale=scale)


def plausible(value: Target) -> Target:
    """``value``, flagged ``implausible`` when it is a percentage no target can be."""
    top = value.high if isinstance(value, Range) else value
    if not isinstance(top, Percent) or abs(top.value) <= PERCENT_CEILING:
        return value
    note = "bukan target yang mungkin"
    if abs(top.value) <= 100 * _HUNDRED:
        # A sheet's "0%" format shows the cell's number times a hundred.
        shown = format_decimal((top.value / _HUNDRED).normalize(), group=False)
        note = f"format persen lembar kerja? {shown}%"
    if value.note and note in value.note:  # read back from its own str()
        note = value.note
    elif value.note:
        note = f"{value.note}; {note}"
    return _evolve(value.with_warnings(W.IMPLAUSIBLE), note=note)


def finish(value: Target, expect: Expectation | None) -> Target:
    """The last step of every reading: the wording applied, plausibility checked."""
    if expect is not None:
        value = apply_expectation(value, expect)
    return plausible(value)
