"""Plans per whole shape: how the fast path reads a cell of a shape it has read before.

A column repeats a few shapes with other digits: ``97,5%``, ``12 Lap``, ``8.902 orang``,
``Rp 10.252.187.000``, ``80 - 90%``, ``6 kec. 29 kel``, ``12 Satker (Provinsi/``,
``40,17% (3 satker)``. The *shape* of a cell is its text with every digit a ``0``; per
indicator, the fast path keeps for a shape where its digits are and what reads them, so a
cell of a known shape costs one translation of its bytes and one look-up before its
value is built, instead of the matches and the look-ups of its words.

A shape is kept only where every cell of that shape is read the same way as the one it
was learnt from: the fast path's patterns see digits only as digits, so cells of one
shape are matched alike and have the same words; what still turns on the digits is done
again on each cell, by the same reader the whole fast path calls (:func:`planned_value`,
:func:`planned_money`, :func:`planned_range`) or, for the commonest cells, by the
digits' certain reading alone (``Direct``: no separator, one decimal separator, groups
of three, and a percent with at most three digits before its separator, which no
ceiling check can refuse). The property tests hold a cell read after another of its
shape to the cell read alone (``tests/test_properties.py``), and the cells whose checks
turn on their digits (a ceiling, a range's order, a guess at a separator, a number again
in words) to themselves (``tests/test_parse_fastpath.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from ..values import Compound, Percent, Quantity, Target, _amend, _quick, _quick_parts
from ..values import WarningCode as W
from .amounts import (
    AmountPlan,
    MoneyPlan,
    RangePlan,
    certain_form,
    planned_money,
    planned_range,
    planned_value,
)
from .plausibility import finish
from .wording import Expectation

__all__ = [
    "GRAMMAR",
    "KEPT",
    "NO_SHAPE",
    "SPACED",
    "ZEROS",
    "Annotated",
    "Based",
    "Bracketed",
    "Direct",
    "Paired",
    "Planned",
    "PlannedMoney",
    "Ranged",
    "annotate",
    "below_ceiling",
    "clear",
    "digits_of",
    "read",
    "remember",
    "remember_amount",
    "remember_direct",
    "shape_of",
]

_TRUNCATED = str(W.TRUNCATED)
_WORDS_MISMATCH = str(W.WORDS_MISMATCH)

# How a value's digits are read: where they are, the replacement that makes them a
# decimal literal (certain_form), and the builder of the value.
Digits = tuple[int, int, str, str, Callable[..., Target]]


class Direct(NamedTuple):
    """An amount read from its digits' certain reading alone (``97,5%``, ``12 Lap``,
    ``Rp 10.252.187.000``, ``sebesar 45%``): the commonest cells, read inline."""

    start: int
    end: int
    old: str
    new: str
    build: Callable[..., Target]
    qualifier: str | None


class Planned(NamedTuple):
    """An amount whose words a plan has decided (``8.902 orang``, ``-13,24``, ``55
    desa/kelurahan``, ``5 miliar``): its digits and sign, read by :func:`planned_value`."""

    start: int
    end: int
    sign: str
    plan: AmountPlan
    qualifier: str | None
    expect: Expectation | None


class Bracketed(NamedTuple):
    """An amount whose unit is written in brackets (``58,03 (persen)``, ``12 (Laporan)``):
    read as the amount with that unit by :func:`planned_value`, before the wording is
    applied."""

    start: int
    end: int
    sign: str
    plan: AmountPlan
    expect: Expectation | None


class PlannedMoney(NamedTuple):
    """An Rp amount (``Rp 9,9 miliar``, ``Rp 5.000``): its digits, read by
    :func:`planned_money`."""

    start: int
    end: int
    plan: MoneyPlan


class Ranged(NamedTuple):
    """A range (``80 - 90%``): its two ends' digits, read by :func:`planned_range`."""

    low: tuple[int, int]
    high: tuple[int, int]
    plan: RangePlan


class Annotated(NamedTuple):
    """A value before an annotation without digits (``12 Satker (Provinsi/``, ``5%
    (lima persen)``): what the annotation makes of it (:func:`annotate`)."""

    value: Digits
    action: str
    said: str | Decimal | None
    expect: Expectation | None


class Based(NamedTuple):
    """A value before its basis (``40,17% (3 satker)``): both read from their digits; where
    the basis is written, its text."""

    value: Digits
    basis: Digits
    written: tuple[int, int]
    expect: Expectation | None


class Paired(NamedTuple):
    """A compound of two quantities (``6 kec. 29 kel``): each part's digits, unit and
    warnings."""

    first: tuple[int, int, str, str, str, tuple[str, ...]]
    second: tuple[int, int, str, str, str, tuple[str, ...]]
    expect: Expectation | None


# A shape no plan is kept for: its cells take the whole fast path.
NO_SHAPE = object()
# A shape whose cells the fast path leaves to the grammar (their words, quotes or control
# characters, or digits that form no number, say so, and digits only as digits).
GRAMMAR = object()
# A shape whose cells have a separator a line break left a space after (``102, 8``,
# ``Rp717, 141 miliar``): the fast path reads them joined.
SPACED = object()

Shape = Direct | Planned | Bracketed | PlannedMoney | Ranged | Annotated | Based | Paired | object

# indicator -> shape -> its plan; the fast path looks in it directly. Bounded: a column
# of free text must not grow it without end.
KEPT: dict[str | None, dict[bytes, Shape]] = {}
# A cell's bytes translated by it are its shape.
ZEROS = bytes.maketrans(b"0123456789", b"0000000000")
# At most this many shapes in all: a roll-up of every satker's wordings must not hold one
# plan per wording and shape without end.
_LIMIT = 1 << 15
_count = 0


def shape_of(text: str) -> bytes:
    """The shape of an ASCII cell: its bytes with every digit a ``0``."""
    return text.encode().translate(ZEROS)


def remember(text: str, indicator: str | None, shape: Shape) -> None:
    """Keep ``shape`` for the cells of ``text``'s shape under ``indicator``."""
    global _count
    if _count >= _LIMIT:
        clear()
    shapes = KEPT.get(indicator)
    if shapes is None:
        shapes = KEPT[indicator] = {}
    key = shape_of(text)
    _count += key not in shapes
    shapes[key] = shape


def clear() -> None:
    """Forget every shape."""
    global _count
    KEPT.clear()
    _count = 0


def below_ceiling(digits: str) -> bool:
    """Whether every number written with these digits' shape is below a percent's ceiling
    (1000): at most three digits before one separator."""
    point = digits.replace(",", ".")
    return point.count(".") <= 1 and len(point.partition(".")[0]) <= 3


def digits_of(
    text: str, span: tuple[int, int], build: Callable[..., Target], percent: bool = False
) -> Digits | None:
    """How the digits of ``text`` at ``span`` are read, when every cell of their shape
    reads them alike: certainly, and for a ``percent`` with at most three digits before
    the separator (a percent's ceiling is checked on the value, which a longer percent
    keeps)."""
    digits = text[span[0] : span[1]]
    form = certain_form(digits)
    if form is None or (percent and not below_ceiling(digits)):
        return None
    return (*span, *form, build)


def remember_direct(
    text: str,
    indicator: str | None,
    span: tuple[int, int],
    build: Callable[..., Target],
    qualifier: str | None,
    percent: bool,
) -> bool:
    """Keep a :class:`Direct` shape for an amount read from its digits' certain reading,
    where every cell of its shape is (:func:`digits_of`); whether it was kept."""
    read = digits_of(text, span, build, percent)
    if read is None:
        return False
    remember(text, indicator, Direct(*read, qualifier))
    return True


def remember_amount(
    text: str,
    indicator: str | None,
    span: tuple[int, int],
    sign: str,
    plan: AmountPlan,
    qualifier: str | None,
    expect: Expectation | None,
) -> None:
    """Keep the shape of an amount a plan has read: :class:`Direct` where its digits
    alone read it, :class:`Planned` otherwise."""
    if plan.direct and not sign:
        percent = plan.fitted is Percent
        if remember_direct(text, indicator, span, plan.build, qualifier, percent):
            return
    remember(text, indicator, Planned(*span, sign, plan, qualifier, expect))


def annotate(value: Target, action: str, said: str | Decimal | None) -> Target:
    """``value`` with what an annotation without digits makes of it (``note``,
    ``truncated``, ``same``, or ``said``: the number again in words, checked against the
    value)."""
    if action == "note":
        return _amend(value, note=said)  # type: ignore[arg-type]
    if action == "truncated":
        return _amend(value, note=said, warning=_TRUNCATED)  # type: ignore[arg-type]
    if action == "said" and said != value.value:  # type: ignore[attr-defined]
        return _amend(value, warning=_WORDS_MISMATCH)
    return value


def _digits(text: str, digits: Digits, raw: str) -> Target:
    start, end, old, new, build = digits
    return build(Decimal(text[start:end].replace(old, new)), raw, None, False)


def read(shape: Shape, text: str) -> Target | bool | None:
    """The reading of ``text`` by a kept shape other than :class:`Direct`, as the fast path
    reads it: a value, ``True`` for a cell it leaves to the grammar, ``False`` for one it
    leaves to its other readers; ``None`` where the shape keeps no plan."""
    if type(shape) is Planned:
        start, end, sign, plan, qualifier, expect = shape
        value = planned_value(plan, sign, text[start:end], expect, qualifier, text, True)
        return True if value is None else value
    if type(shape) is Bracketed:
        start, end, sign, plan, expect = shape
        value = planned_value(plan, sign, text[start:end], expect, None, text, False)
        return False if value is None else finish(value, expect)
    if type(shape) is PlannedMoney:
        start, end, money = shape
        found = planned_money(money, text[start:end], None, text)
        return False if found is None else found
    if type(shape) is Ranged:
        (s1, e1), (s2, e2), ranged = shape
        return planned_range(ranged, text[s1:e1], text[s2:e2], None, text, True) or False
    if type(shape) is Annotated:
        digits, action, said, expect = shape
        return finish(annotate(_digits(text, digits, text), action, said), expect)
    if type(shape) is Based:
        digits, basis_digits, (ws, we), expect = shape
        basis = _digits(text, basis_digits, text[ws:we])
        return finish(_amend(_digits(text, digits, text), basis=basis), expect)
    if type(shape) is Paired:
        (s1, e1, o1, n1, u1, w1), (s2, e2, o2, n2, u2, w2), expect = shape
        first = _quick(Quantity, Decimal(text[s1:e1].replace(o1, n1)), None, None, w1, u1)
        second = _quick(Quantity, Decimal(text[s2:e2].replace(o2, n2)), None, None, w2, u2)
        return finish(_quick_parts(Compound, (first, second), text), expect)
    return None
