"""Amounts for the fast path: what the words after a number make of it, and the value.

:func:`amount_plan` decides once per spelling and wording what the words after a number
mean (``%``, a unit, a magnitude, a currency word, an unknown noun, a note) and what the
indicator's wording makes of the value; :func:`amount_value`, :func:`money_value` and
:func:`range_value` then read the digits and build the value through
:func:`~kinerja_target.values._quick`. Every rule is the grammar's (``parsing.grammar``);
``tests/test_parse_fastpath.py`` holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..numbers import NUMBER_WORDS, NumberHint, NumberSyntaxError
from ..units import Unit, lookup_unit, unknown_unit
from ..values import (
    Money,
    Number,
    Percent,
    Quantity,
    Target,
    _amend,
    _builder,
    _quick,
    _quick_range,
)
from ..values import WarningCode as W
from .plausibility import (
    DURATION_UNITS,
    PERCENT_CEILING,
    finish,
    magnified,
    number_hint,
    plausible,
    read_amount,
    whole_count,
)
from .vocabulary import (
    CURRENCY_WORDS,
    JOINERS,
    MAGNITUDES,
    MONTHS,
    PERCENT_WORDS,
    RANGE_WORDS,
    TRAILING_QUALIFIERS,
    ZERO_WORDS,
)
from .wording import Expectation

__all__ = [
    "AFTER_NUMBER_STOP",
    "PERCENT_OR_MONEY",
    "AmountPlan",
    "MoneyPlan",
    "RangePlan",
    "after_number",
    "amount_plan",
    "amount_value",
    "build_fitted",
    "certain_form",
    "certain_number",
    "fit_to_wording",
    "money_plan",
    "money_value",
    "note_after",
    "pair_side",
    "planned_money",
    "planned_range",
    "planned_value",
    "range_plan",
    "range_side",
    "range_value",
    "read_number",
    "slashed",
]

_AMBIGUOUS = str(W.AMBIGUOUS_SEPARATOR)
_INFERRED = str(W.UNIT_INFERRED)
_MISMATCH = str(W.UNIT_MISMATCH)
_UNKNOWN = str(W.UNKNOWN_UNIT)


def certain_form(digits: str) -> tuple[str, str] | None:
    """How digits whose reading is certain are written for ``Decimal``: the replacement
    (``old``, ``new``) that makes them a decimal literal. Certain are: no separator, one
    separator not before exactly three digits (a decimal separator), or groups of three after
    two or more separators of one kind (``10.252.187.000``); ``None`` for any other
    digits, which :func:`~kinerja_target.numbers.read_digits` reads. For digits the fast
    path's patterns have matched (``[0-9]+([.,][0-9]+)*``): string methods first, as most
    cells on the hot path are of the first two kinds."""
    if digits.isdigit():
        return _AS_WRITTEN
    point = digits.replace(",", ".")
    fraction = point.partition(".")[2]
    if fraction.isdigit():  # digits after the first separator, and no second one
        if len(fraction) == 3:
            return None
        return _DECIMAL_COMMA if "," in digits else _AS_WRITTEN
    if _GROUPED.fullmatch(digits) is not None:
        return _DOT_GROUPS if "." in digits else _COMMA_GROUPS
    return None


_AS_WRITTEN = ("", "")
_DECIMAL_COMMA = (",", ".")
_DOT_GROUPS = (".", "")
_COMMA_GROUPS = (",", "")


def certain_number(digits: str) -> Decimal | None:
    """The value of digits whose reading is certain (:func:`certain_form`), or ``None``."""
    form = certain_form(digits)
    return None if form is None else Decimal(digits.replace(*form))


_GROUPED = re.compile(r"[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}|(?:,[0-9]{3}){2,})")


_OCR_SUSPECT = re.compile(r"[o/ ]+")  # after lower-casing: o, oo, o/o

PERCENT_OR_MONEY = PERCENT_WORDS | CURRENCY_WORDS | set(MAGNITUDES)

AFTER_NUMBER_STOP = (
    NUMBER_WORDS
    | ZERO_WORDS
    | JOINERS
    | MONTHS
    | {"dari", "x"}
    | {p[0] for p in RANGE_WORDS}
    | {p[0] for p in TRAILING_QUALIFIERS}
    | {"sd", "s/d"}
)


def fit_to_wording(
    cls: type[Percent | Quantity | Number | Money],
    value: Decimal,
    extra: str | None,
    expect: Expectation | None,
) -> tuple[type[Percent | Quantity | Number | Money], str | None, str | None]:
    """The class, unit or scale and the added warning of a number-like value under the
    indicator's wording: what :func:`~.plausibility.apply_expectation` gives."""
    if expect is None:
        return cls, extra, None
    kind = expect.kind
    if kind == "percent":
        if cls is Number:
            if abs(value) <= PERCENT_CEILING:
                return Percent, None, _INFERRED
            return Number, None, _MISMATCH
        if cls is Quantity or cls is Money:
            return cls, extra, _MISMATCH
    elif kind == "count":
        if cls is Percent:
            return cls, extra, _MISMATCH
    elif kind in ("score", "grade"):
        if cls is Quantity or cls is Money:
            return cls, extra, _MISMATCH
        if cls is Number and expect.scale is not None:
            return Number, expect.scale, None
    elif kind == "duration" and (
        cls is Percent or cls is Money or (cls is Quantity and extra not in DURATION_UNITS)
    ):
        return cls, extra, _MISMATCH
    return cls, extra, None


def build_fitted(
    cls: type[Percent | Quantity | Number | Money],
    value: Decimal,
    extra: str | None,
    warnings: tuple[str, ...],
    expect: Expectation | None,
    qualifier: str | None,
    raw: str | None,
    fit: bool,
) -> Target:
    if fit and expect is not None:
        cls, extra, added = fit_to_wording(cls, value, extra, expect)
        if added is not None:
            warnings = (added,) if not warnings else tuple(sorted({*warnings, added}))
    target = _quick(cls, value, raw, qualifier, warnings, extra)
    if fit and cls is Percent and abs(value) > PERCENT_CEILING:
        return plausible(target)
    return target


class AmountPlan(NamedTuple):
    """What the words after a number make of it, decided once per spelling and wording
    (a cache: real cells repeat a few hundred unit spellings)."""

    cls: type[Percent | Quantity | Number | Money]
    hint: NumberHint
    extra: str | None  # the unit's name
    multiplier: int
    note: str | None
    whole: bool  # a bare number counting whole things
    # the value under the wording, when ``fit``: its class, unit or scale, and warnings
    # without and with ambiguous_separator
    fitted: type[Percent | Quantity | Number | Money]
    fitted_extra: str | None
    plain: tuple[str, ...]
    guessed: tuple[str, ...]
    build: Callable[[Decimal, str | None, str | None, bool], Target]  # the fitted value
    direct: bool  # no note and no magnitude: the digits' value is the value


@lru_cache(maxsize=8192)
def amount_plan(
    percent: str | None,
    note_words: str | None,
    note_dot: str | None,
    words: str | None,
    dot: str | None,
    expect: Expectation | None,
    fit: bool,
) -> AmountPlan | None:
    note: str | None = None
    multiplier = 1
    unit: Unit | None = None
    cls: type[Percent | Quantity | Number | Money]
    hint: NumberHint
    unknown = False
    if percent:
        cls, hint = Percent, "bounded"
        if note_words is not None:
            note = note_after(note_words, note_dot)
            if note is None:
                return None
    elif words:
        cls, hint, unit, multiplier, note, unknown = after_number(words, dot)  # type: ignore[assignment]
        if cls is None:
            return None
    else:
        cls, hint = Number, number_hint(expect)
    extra = unit.name if unit is not None else None
    base = (_UNKNOWN,) if unknown else ()
    fitted, fitted_extra, added = cls, extra, None
    if fit and note is None and expect is not None:
        # The value is only known later; the ceiling of an inferred percent is checked then.
        fitted, fitted_extra, added = fit_to_wording(cls, Decimal(0), extra, expect)
    plain = tuple(sorted({*base, *([added] if added else [])}))
    guessed = tuple(sorted({*plain, _AMBIGUOUS}))
    whole = cls is Number and whole_count(expect)
    build = _builder(fitted, fitted_extra, plain, guessed)
    direct = note is None and multiplier == 1
    return AmountPlan(
        cls,
        hint,
        extra,
        multiplier,
        note,
        whole,
        fitted,
        fitted_extra,
        plain,
        guessed,
        build,
        direct,
    )


def amount_value(
    found: re.Match[str],
    expect: Expectation | None,
    qualifier: str | None,
    raw: str | None,
    fit: bool,
) -> Target | None:
    """A number with ``%``, a unit, a magnitude or a noun after it, as the grammar reads
    it; ``fit`` applies the indicator's wording at once."""
    sign, digits, percent, note_words, note_dot, words, dot = found.groups()
    plan = amount_plan(percent, note_words, note_dot, words, dot, expect, fit)
    if plan is None:
        return None
    return planned_value(plan, sign, digits, expect, qualifier, raw, fit)


def planned_value(
    plan: AmountPlan,
    sign: str,
    digits: str,
    expect: Expectation | None,
    qualifier: str | None,
    raw: str | None,
    fit: bool,
) -> Target | None:
    """The value of an amount whose words ``plan`` has decided: the digits read, the sign
    and magnitude applied; ``None`` for digits that form no number."""
    read = read_number(digits, plan.hint, plan.whole)
    if read is None:
        return None
    value, guessed = read
    if sign:
        value = -value
    if plan.multiplier != 1:
        value = magnified(value, plan.multiplier)
    warnings: tuple[str, ...]
    if plan.note is not None:  # no wording applied yet: plain holds the unit's warnings
        warnings = plan.guessed if guessed else plan.plain
        target = _quick(plan.cls, value, raw, qualifier, warnings, plan.extra)
        target = _amend(target, note=plan.note)
        return finish(target, expect) if fit else target
    if plan.fitted is Percent and len(digits) > 3 and abs(value) > PERCENT_CEILING:
        # An inferred percent that no target can be, or a written one: the slow check.
        warnings = tuple(w for w in plan.plain if w not in (_INFERRED, _MISMATCH))
        if guessed:
            warnings = tuple(sorted({*warnings, _AMBIGUOUS}))
        return build_fitted(plan.cls, value, plan.extra, warnings, expect, qualifier, raw, fit)
    return plan.build(value, raw, qualifier, guessed)


def note_after(words: str, dot: str | None) -> str | None:
    """One or two words after a value, kept as written as a note (``99% pemilih``), or
    ``None`` where they may begin another reading (``ke atas``, ``dan``, ``hingga``)."""
    split = words.lower().split()
    if any(w in AFTER_NUMBER_STOP or w in MAGNITUDES or w in CURRENCY_WORDS for w in split):
        return None
    if "/" in words:
        return None  # "/tahun" is a rate, "/Dokumen" an alternative: the grammar decides
    return " ".join(words.split()) + (dot or "")


@lru_cache(maxsize=4096)
def after_number(
    words: str, dot: str | None
) -> tuple[type | None, NumberHint, Unit | None, int, str | None, bool]:
    """What one or two words after a number make of it: ``(class, hint, unit,
    multiplier, note, unknown)``; class ``None`` leaves the cell to the grammar."""
    none = (None, None, None, 1, None, False)
    folded = " ".join(words.lower().split())
    if _OCR_SUSPECT.fullmatch(folded):
        return none  # "100 o/o", "10O": OCR letters, which the grammar repairs
    unit = lookup_unit(folded)
    if unit is not None:
        return Quantity, "integral" if unit.is_count else None, unit, 1, None, False
    split = folded.split(" ")
    first = split[0]
    if len(split) == 1:
        if first in PERCENT_WORDS:
            return Percent, "bounded", None, 1, None, False
        if first in CURRENCY_WORDS:
            return Money, "integral", None, 1, None, False
        if first in MAGNITUDES:
            return Money, None, None, MAGNITUDES[first], None, False
    elif first in MAGNITUDES and split[1] in CURRENCY_WORDS:
        return Money, None, None, MAGNITUDES[first], None, False
    if any(w in AFTER_NUMBER_STOP or w in MAGNITUDES or w in CURRENCY_WORDS for w in split):
        return none
    if "/" in folded:
        return slashed(words, dot)
    known = lookup_unit(first)
    if known is not None or first in PERCENT_WORDS:
        # "2 Laporan Keuangan", "90 persen pemilih": the unit, the next word a note
        if len(split) == 1:
            return none
        note = words.split()[1] + (dot or "")
        if known is None:
            return Percent, "bounded", None, 1, note, False
        return Quantity, "integral" if known.is_count else None, known, 1, note, False
    return Quantity, None, unknown_unit(split), 1, None, True


def slashed(
    words: str, dot: str | None
) -> tuple[type | None, NumberHint, Unit | None, int, str | None, bool]:
    """``12 kali/tahun`` (a rate: ``per tahun``), ``99 desa/kelurahan`` (an alternative,
    kept as written): the unit before the slash, a note after it, as the grammar splits
    a slashed word the vocabulary does not know."""
    none = (None, None, None, 1, None, False)
    parts = words.split("/")
    if len(parts) != 2 or " " in words or "-" in words or dot:
        return none
    head, tail = parts
    unit = lookup_unit(head.lower())
    if unit is None and head.lower() in PERCENT_OR_MONEY:
        return none
    after = lookup_unit(tail.lower())
    note = f"per {tail}" if after is not None and not after.is_count else tail
    if unit is None:
        return Quantity, None, unknown_unit([head.lower()]), 1, note, True
    return Quantity, "integral" if unit.is_count else None, unit, 1, note, False


class MoneyPlan(NamedTuple):
    """What the words after an amount of money make of it (see :class:`AmountPlan`)."""

    multiplier: int
    hint: NumberHint
    build: Callable[[Decimal, str | None, str | None, bool], Target]


@lru_cache(maxsize=1024)
def money_plan(
    no_cents: str | None, word: str | None, dot: str | None, expect: Expectation | None, fit: bool
) -> MoneyPlan | None:
    multiplier = 1
    if word is not None:
        folded = word.lower()
        if folded in MAGNITUDES:
            multiplier = MAGNITUDES[folded]
        elif folded in CURRENCY_WORDS and not dot:
            pass  # "Rp 5.000 rupiah"
        else:
            return None  # "M", "jt": abbreviations the grammar reads beside a currency
        if no_cents:
            return None
    # Money's fit to a wording does not depend on the amount: only a mismatch is added.
    added = fit_to_wording(Money, Decimal(0), None, expect)[2] if fit else None
    plain = (added,) if added else ()
    guessed = tuple(sorted({*plain, _AMBIGUOUS}))
    hint: NumberHint = "integral" if multiplier == 1 else None
    return MoneyPlan(multiplier, hint, _builder(Money, None, plain, guessed))


def money_value(
    found: re.Match[str],
    expect: Expectation | None,
    qualifier: str | None,
    raw: str,
    *,
    fit: bool,
) -> Target | None:
    """``Rp 10.252.187.000``, ``Rp1.000.000,-``, ``Rp 9,9 miliar``."""
    digits, no_cents, word, dot = found.groups()
    plan = money_plan(no_cents, word, dot, expect, fit)
    return None if plan is None else planned_money(plan, digits, qualifier, raw)


def planned_money(
    plan: MoneyPlan, digits: str, qualifier: str | None, raw: str | None
) -> Target | None:
    """The amount of money whose words ``plan`` has decided; ``None`` for digits that
    form no number."""
    read = read_number(digits, plan.hint, False)
    if read is None:
        return None
    value, guessed = read
    return plan.build(magnified(value, plan.multiplier), raw, qualifier, guessed)


def read_number(digits: str, hint: NumberHint, whole: bool) -> tuple[Decimal, bool] | None:
    """``read_amount``, with the certain readings first (:func:`certain_number`); ``None``
    for digits that form no number."""
    certain = certain_number(digits)
    if certain is not None:
        return certain, False
    try:
        return read_amount(digits, hint, whole)
    except NumberSyntaxError:
        return None


Side = tuple[type[Percent | Quantity | Number], NumberHint, "str | None"]


def range_side(percent: str | None, words: str | None, expect: Expectation | None) -> Side | None:
    """What one end of a range is, as the grammar's amount reads it: ``(class, hint,
    unit)``; ``None`` for words that make no unit."""
    if percent:
        return Percent, "bounded", None
    if words:
        unit = lookup_unit(" ".join(words.lower().split()))
        if unit is None:
            return (Percent, "bounded", None) if words.lower() in PERCENT_WORDS else None
        return Quantity, "integral" if unit.is_count else None, unit.name
    return Number, number_hint(expect), None


class RangePlan(NamedTuple):
    """A range's shape decided once per spelling and wording (see :class:`AmountPlan`)."""

    low: Side
    high: Side
    whole: bool  # bare ends count whole things
    fitted: type[Percent | Quantity | Number | Money]
    extra: str | None
    added: tuple[str, ...]
    inferred: bool  # bare numbers made percents: the ceiling is checked on the values


@lru_cache(maxsize=4096)
def range_plan(
    p1: str | None,
    w1: str | None,
    p2: str | None,
    w2: str | None,
    expect: Expectation | None,
    fit: bool,
) -> RangePlan | None:
    low, high = range_side(p1, w1, expect), range_side(p2, w2, expect)
    if low is None or high is None:
        return None
    cls, unit = high[0], high[2]
    if low[0] is not cls and low[0] is not Number:
        return None  # "80% - 90": the grammar says what is wrong
    if low[0] is cls and low[2] != unit:
        return None  # "7 bulan - 1 tahun"
    fitted: type[Percent | Quantity | Number | Money] = cls
    extra, added = unit, None
    if fit and expect is not None:
        fitted, extra, added = fit_to_wording(cls, Decimal(0), unit, expect)
    whole = expect is not None and expect.whole
    inferred = cls is Number and fitted is Percent
    return RangePlan(low, high, whole, fitted, extra, () if added is None else (added,), inferred)


def range_value(
    found: re.Match[str],
    expect: Expectation | None,
    qualifier: str | None,
    raw: str,
    *,
    fit: bool,
) -> Target | None:
    """``80 - 90%``, ``7 s.d. 8 bulan``, ``42,05 - 82,24``: the grammar's ``make_range``
    (the first end takes the second's unit: ``80 - 90%``)."""
    d1, p1, w1, _, d2, p2, w2, _ = found.groups()
    plan = range_plan(p1, w1, p2, w2, expect, fit)
    if plan is None:
        return None
    return planned_range(plan, d1, d2, qualifier, raw, fit)


def planned_range(
    plan: RangePlan, d1: str, d2: str, qualifier: str | None, raw: str, fit: bool
) -> Target | None:
    """The range whose shape ``plan`` has decided, from its two ends' digits; ``None``
    for digits that form no number."""
    low = read_number(d1, plan.low[1], plan.low[0] is Number and plan.whole)
    high = read_number(d2, plan.high[1], plan.high[0] is Number and plan.whole)
    if low is None or high is None:
        return None
    if low[0] > high[0]:
        low, high = high, low
    top = high[0]
    fitted, extra, added = plan.fitted, plan.extra, plan.added
    if plan.inferred and max(abs(low[0]), abs(top)) > PERCENT_CEILING:
        fitted, extra, added = Number, None, (_MISMATCH,)  # an amount, not a share
    target = _quick_range(
        _quick(fitted, low[0], None, None, (_AMBIGUOUS,) if low[1] else (), extra),
        _quick(fitted, high[0], None, None, (_AMBIGUOUS,) if high[1] else (), extra),
        raw,
        qualifier,
        added,
    )
    if fit and fitted is Percent and abs(top) > PERCENT_CEILING:
        return plausible(target)
    return target


def pair_side(digits: str, word: str) -> Quantity | None:
    """One part of a compound: a number and a known unit or one unknown noun."""
    folded = word.lower()
    unit = lookup_unit(folded)
    unknown = unit is None
    if unit is None:
        if folded in AFTER_NUMBER_STOP or folded in PERCENT_OR_MONEY or "/" in folded:
            return None
        if _OCR_SUSPECT.fullmatch(folded):
            return None
        unit = unknown_unit([folded])
    read = read_number(digits, "integral" if unit.is_count and not unknown else None, False)
    if read is None:
        return None
    value, guessed = read
    warnings = ((_AMBIGUOUS,) if guessed else ()) + ((_UNKNOWN,) if unknown else ())
    return _quick(Quantity, value, None, None, warnings, unit.name)  # type: ignore[return-value]
