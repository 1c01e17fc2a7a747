"""The fast path: cells of the few shapes most cells take, read without tokens.

``100%``, ``12 Lap``, ``8.435 orang``, ``Rp 10.252.187.000``, ``80 - 90%``, ``BB``,
``minimal 80%``, ``6 kec. 29 kel``: each shape is one regular expression, and the value
is the one the grammar gives (a property test holds the two together). Anything else
(``None``) goes to the grammar. Only ASCII digits and plain spaces are matched here:
other scripts' digits and spaces go through normalisation in the grammar's pipeline.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..numbers import NumberHint, NumberSyntaxError
from ..scales import LETTER_CODES, LETTER_SCALES, SCALES, lookup_grade
from ..units import Unit, lookup_unit_phrase
from ..values import Compound, Grade, Money, Number, Percent, Quantity, Range, Target
from ..values import WarningCode as W
from .plausibility import finish, number_hint, read_amount, whole_count
from .vocabulary import QUALIFIER_PHRASES, SYMBOL_QUALIFIERS
from .wording import Expectation

__all__ = ["letter_grade", "parse_simple"]

_S = r"[ \t\r\n]"  # the spaces of the fast path; the others are normalised first
_NUM = r"([0-9]+(?:[.,][0-9]+)*)"
_SIMPLE = re.compile(rf"{_S}*{_NUM}{_S}*(?:(%|persen)|([^\W\d_]+(?:[ \t][^\W\d_]+)?)\.?)?{_S}*")
_SIMPLE_MONEY = re.compile(
    rf"{_S}*(?:Rp\.?|IDR){_S}*([0-9]{{1,3}}(?:\.[0-9]{{3}})+|[0-9]{{1,3}})(,00|,-)?{_S}*"
)
_SIMPLE_RANGE = re.compile(
    rf"{_S}*([0-9]+(?:,[0-9]+)?){_S}*%?{_S}*[-–]{_S}*([0-9]+(?:,[0-9]+)?){_S}*%{_S}*"
)
_SIMPLE_QUALIFIER = re.compile(
    rf"{_S}*(≥|≤|>=|<=|minimal|min\.|maksimal|maks\.|paling lambat|paling lama|paling sedikit)"
    rf"{_S}*(?<=[ \t\r\n.≥≤=])(.*)",
    re.IGNORECASE | re.DOTALL,
)
_QUALIFIER_OF = {k.lower(): v for k, v in SYMBOL_QUALIFIERS.items()} | {
    " ".join(k): v for k, v in QUALIFIER_PHRASES.items()
}
_SIMPLE_PAIR = re.compile(
    rf"{_S}*{_NUM}{_S}*([^\W\d_]+)\.?{_S}*(?:[,;+&]|dan)?{_S}*"
    rf"{_NUM}{_S}*([^\W\d_]+)\.?{_S}*"
)
_SIMPLE_GRADE = re.compile(rf"{_S}*([A-Za-z]{{1,4}}|[A-Za-z]+ [A-Za-z]+){_S}*")


def parse_simple(
    text: str, expect: Expectation | None, qualifier: str | None = None, raw: str | None = None
) -> Target | None:
    """The value of a simple cell, or ``None`` to leave the cell to the grammar."""
    raw = text if raw is None else raw
    target: Target | None
    found = _SIMPLE.fullmatch(text)
    if found is not None:
        digits, percent, words = found.groups()
        target = _simple_amount(digits, percent, words, expect, qualifier, raw)
    elif (money := _SIMPLE_MONEY.fullmatch(text)) is not None:
        whole, cents = money.groups()
        amount = whole.replace(".", "") + (".00" if cents == ",00" else "")
        target = Money(Decimal(amount), qualifier=qualifier, raw=raw)
    elif qualifier is None and (span := _SIMPLE_RANGE.fullmatch(text)) is not None:
        low, high = sorted(Decimal(g.replace(",", ".")) for g in span.groups())
        target = Range(Percent(low), Percent(high), raw=raw)
    elif (graded := _SIMPLE_GRADE.fullmatch(text)) is not None:
        target = _simple_grade(graded.group(1), expect, qualifier, raw)
    elif qualifier is None and (bound := _SIMPLE_QUALIFIER.fullmatch(text)) is not None:
        op = _QUALIFIER_OF[bound.group(1).lower().rstrip(".")]
        return parse_simple(bound.group(2), expect, op, raw)
    elif qualifier is None and (pair := _SIMPLE_PAIR.fullmatch(text)) is not None:
        if pair.group(2).lower() == "x":
            return None  # "1x24 jam" is a product: the grammar's repair reads it
        first = _simple_amount(pair.group(1), None, pair.group(2), None, None, None)
        second = _simple_amount(pair.group(3), None, pair.group(4), None, None, None)
        if not isinstance(first, Quantity) or not isinstance(second, Quantity):
            return None
        target = Compound((first, second), raw=raw)
    else:
        return None
    if target is None:
        return None
    return finish(target, expect)


def _simple_amount(
    digits: str,
    percent: str | None,
    words: str | None,
    expect: Expectation | None,
    qualifier: str | None,
    raw: str | None,
) -> Target | None:
    """A number with ``%`` or one known unit (or nothing), as the grammar reads it."""
    unit: Unit | None = None
    hint: NumberHint = None
    if percent:
        hint = "bounded"
    elif words:
        split = words.lower().split()
        known = lookup_unit_phrase(split)
        if known is None or known[1] != len(split):
            return None
        unit = known[0]
        hint = "integral" if unit.is_count else None
    else:
        hint = number_hint(expect)
    try:
        value, guessed = read_amount(
            digits, hint, not percent and not words and whole_count(expect)
        )
    except NumberSyntaxError:
        return None
    warnings = (W.AMBIGUOUS_SEPARATOR,) if guessed else ()
    if percent:
        return Percent(value, qualifier=qualifier, warnings=warnings, raw=raw)
    if unit is not None:
        return Quantity(value, unit.name, qualifier=qualifier, warnings=warnings, raw=raw)
    return Number(value, qualifier=qualifier, warnings=warnings, raw=raw)


def letter_grade(
    code: str, expect: Expectation | None, qualifier: str | None, raw: str | None
) -> Grade:
    """A letter grade on the scale the indicator names (SAKIP when it names none)."""
    scale = expect.scale if expect is not None and expect.scale in LETTER_SCALES else "sakip"
    if code not in {g.code for g in SCALES[scale].grades}:
        # "CC" under an IKM indicator: a SAKIP letter where the wording asks for IKM's.
        warnings: tuple[str, ...] = (W.UNIT_MISMATCH,)
        return Grade(code, "sakip", qualifier=qualifier, warnings=warnings, raw=raw)
    return Grade(code, scale, qualifier=qualifier, raw=raw)


def _simple_grade(
    word: str, expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    code = word.upper()
    if code in LETTER_CODES:
        return letter_grade(code, expect, qualifier, raw)
    words = tuple(word.lower().split())
    named = lookup_grade(words, expect.scale if expect else None)
    if named is None or named[2] != len(words):
        return None
    return Grade(named[1], named[0], qualifier=qualifier, raw=raw)
