"""The fast path: cells of the shapes most cells take, read without tokens.

``100%``, ``12 Lap``, ``8.435 orang``, ``-0,5``, ``Rp 10.252.187.000``, ``Rp 9,9 miliar``,
``80 - 90%``, ``7 - 8 bulan``, ``BB``, ``minimal 80%``, ``sebanyak 12 orang``,
``36,36% (4 satker)``, ``12 Satker (Provinsi/Kabupaten/Kota)``, ``5 (lima) hari``,
``6 kec. 29 kel``, ``3 Kolom``: each shape is one regular expression, and the value is the
one the grammar gives, warnings and notes included (a property test and the real cells of
``tests/data`` hold the two together). Anything else (``None``) goes to the grammar.

Only ASCII digits and plain spaces are matched here: other scripts' digits and spaces go
through normalisation first. Number-like values are built through
:func:`~kinerja_target.values._quick` with the indicator's wording already applied, so a
common cell costs one match, one ``Decimal`` and one object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache, partial
from typing import Literal, TypeVar

from ..errors import TargetParseError
from ..numbers import NUMBER_WORDS, NumberSyntaxError, read_number_words
from ..scales import LETTER_CODES, LETTER_SCALES, SCALES, lookup_grade
from ..units import lookup_unit
from ..values import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    _amend,
    _quick,
    _quick_parts,
)
from ..values import WarningCode as W
from . import shapes
from .amounts import (
    PERCENT_OR_MONEY,
    AmountPlan,
    MoneyPlan,
    after_number,
    amount_plan,
    amount_value,
    certain_form,
    certain_number,
    money_plan,
    money_value,
    pair_side,
    planned_money,
    planned_value,
    range_plan,
    range_value,
)
from .plausibility import (
    PERCENT_CEILING,
    finish,
    read_amount,
)
from .repair import has_control, has_product, normalize, ocr_repair, tidy_note
from .shapes import (
    GRAMMAR,
    KEPT,
    NO_SHAPE,
    SPACED,
    ZEROS,
    Annotated,
    Based,
    Bracketed,
    Digits,
    Direct,
    Paired,
    PlannedMoney,
    Ranged,
    annotate,
    digits_of,
)
from .vocabulary import (
    CURRENCY_WORDS,
    FILLER_WORDS,
    MAGNITUDES,
    MISSING_TEXTS,
    PERCENT_WORDS,
    QUALIFIER_PHRASES,
    SPIP_LEVEL_WORDS,
    SYMBOL_QUALIFIERS,
    ZERO_WORDS,
)
from .wording import Expectation, reading_of

__all__ = ["clear_plans", "letter_grade", "opens_no_target", "parse_amount", "parse_simple"]

_AMBIGUOUS = str(W.AMBIGUOUS_SEPARATOR)
_INFERRED = str(W.UNIT_INFERRED)
_MISMATCH = str(W.UNIT_MISMATCH)
_UNKNOWN = str(W.UNKNOWN_UNIT)
_WORDS_MISMATCH = str(W.WORDS_MISMATCH)
_TRUNCATED = str(W.TRUNCATED)

_S = r"[ \t\r\n]"  # the spaces of the fast path; the others are normalised first
_NUM = r"([0-9]+(?:[.,][0-9]+)*)"
_WORD = r"[^\W\d_]+(?:[-/][^\W\d_]+)*"
# A number with a percent sign or up to two words (a unit, a magnitude, a noun).
_WORDS = rf"({_WORD}(?:[ \t]{_WORD})?)(\.)?"
# An amount is a number and what follows it; the two halves are matched apart on the hot
# path (see parse_amount), and the number cannot end where the tail begins (a tail starts
# with a space, "%" or a letter), so the halves match exactly where the whole does.
_LEAD_PATTERN = rf"{_S}*(-?){_NUM}"
_AFTER_PATTERN = rf"{_S}*(?:(%)(?:{_S}*{_WORDS})?|{_WORDS})?{_S}*"
_AMOUNT = re.compile(_LEAD_PATTERN + _AFTER_PATTERN)
# The number and the rest of the cell in one match: what the hot path needs of it.
_LEAD_TAIL = re.compile(_LEAD_PATTERN + "(.*)", re.S)
_AFTER = re.compile(_AFTER_PATTERN)
# Money, in the same two halves (a tail starts with ",-", a space or a letter).
_MONEY_LEAD_PATTERN = rf"{_S}*(?:[Rr][Pp]|IDR|idr)(?:\.|(?=[ \t\r\n0-9])){_S}*{_NUM}"
_MONEY_AFTER_PATTERN = rf"(,-)?(?:{_S}*([^\W\d_]+)(\.)?)?{_S}*"
_MONEY = re.compile(_MONEY_LEAD_PATTERN + _MONEY_AFTER_PATTERN)
_MONEY_LEAD = re.compile(_MONEY_LEAD_PATTERN)
_MONEY_AFTER = re.compile(_MONEY_AFTER_PATTERN)
_SIDE = rf"{_NUM}{_S}*(?:(%)|({_WORD}(?:[ \t]{_WORD})?)(\.)?)?"
_RANGE = re.compile(rf"{_S}*{_SIDE}{_S}*(?:-|–|[sS]\.[dD]\.?|[sS]/[dD]){_S}*{_SIDE}{_S}*")
_PAIR = re.compile(
    rf"{_S}*{_NUM}{_S}*({_WORD})\.?{_S}*(?:[,;+&]|dan(?=[ \t\r\n]))?"
    rf"{_S}*{_NUM}{_S}*({_WORD})\.?{_S}*"
)
_PRODUCT = re.compile(
    rf"{_S}*([0-9]{{1,3}}){_S}*[xX]{_S}*([0-9]{{1,4}})(?={_S}*[^\W\d_])(.*)", re.S
)
_GRADE = re.compile(rf"{_S}*([A-Za-z]+(?:{_S}+[A-Za-z]+){{0,5}}){_S}*")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS - {"koma"}, key=len, reverse=True))
_WORDED = re.compile(
    rf"{_S}*((?:{_NUMBER_WORD})(?:{_S}+(?:{_NUMBER_WORD}))*)(?:{_S}+{_WORDS})?{_S}*", re.I
)
_SPELLED = re.compile(rf"{_S}*{_NUM}{_S}*\(([A-Za-z ]+)\){_S}*({_WORD}(?:[ \t]{_WORD})?)(\.)?{_S}*")
_TAIL = re.compile(r"\(([^()]*)\)[ \t\r\n]*\Z")
_QUOTES = re.compile(r"[“”„«»]")
_DIGIT = re.compile(r"[0-9]")
_SPACED_SEPARATOR = re.compile(r"(?<=[0-9])([.,]) (?=[0-9]{1,3}(?![0-9]))")
_OPEN_TAIL = re.compile(r"\(([^()]*)\Z")


def _phrases(words: object) -> str:
    texts = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(t).replace(r"\ ", rf"{_S}+") for t in texts)


_QUALIFIER_WORDS = {" ".join(k): v for k, v in QUALIFIER_PHRASES.items()}
_FILLERS = {w for w in FILLER_WORDS if w.replace(" ", "").isalpha() or "-" in w}
# A qualifier or a filler word at the start of a cell, the way the grammar's tokens see
# it: a whole word (a dot may close it), followed by a space or a digit.
_PREFIX = re.compile(
    rf"{_S}*(?:({'|'.join(map(re.escape, sorted(SYMBOL_QUALIFIERS, key=len, reverse=True)))})"
    rf"|(±)|({_phrases(set(_QUALIFIER_WORDS) | _FILLERS)})(?:\.(?![^\W\d_]))?"
    rf"(?=[ \t\r\n0-9]))",
    re.IGNORECASE,
)
# The characters a qualifier or filler can begin with: a cheap test before _PREFIX.
_PREFIX_FIRST = frozenset(
    {w[0] for w in _QUALIFIER_WORDS} | {w[0] for w in _FILLERS} | {s[0] for s in SYMBOL_QUALIFIERS}
) | {"±"}


def parse_simple(
    text: str,
    expect: Expectation | None,
    qualifier: str | None = None,
    raw: str | None = None,
    *,
    amount_tried: bool = False,
) -> Target | None:
    """The value of a simple cell, or ``None`` to leave the cell to the grammar;
    ``amount_tried`` says that :func:`parse_amount` found no amount (nor a range) in
    ``text``."""
    raw = text if raw is None else raw
    try_amount = not amount_tried
    if text.isascii():
        if has_control(text):
            return None  # the grammar's pipeline drops it, with a warning
    else:
        text, normalized = normalize(text)
        if normalized or _QUOTES.search(text):
            return None  # the grammar's pipeline says so with a warning, or repairs it
        try_amount = True  # parse_amount reads ASCII only
    if try_amount and (found := _AMOUNT.fullmatch(text)) is not None:
        return amount_value(found, expect, qualifier, raw, fit=True)
    if _left_to_repair(text):
        return None
    first = text.lstrip(" \t\r\n")[:1]
    if first.isdigit():
        # parse_amount has tried the range of an ASCII cell that opens with a digit
        if try_amount and "(" not in text and (span := _RANGE.fullmatch(text)) is not None:
            ranged = range_value(span, expect, qualifier, raw, fit=True)
            if ranged is not None:
                return ranged
    else:
        if (money := _MONEY.fullmatch(text)) is not None:
            return money_value(money, expect, qualifier, raw, fit=True)
        if qualifier is None and first.lower() in _PREFIX_FIRST and (prefix := _PREFIX.match(text)):
            # The qualifier and filler words first, as the grammar reads them; the rest
            # is a cell of its own shape.
            stripped = _strip_prefix(text, prefix)
            if stripped is None:
                return None
            return parse_simple(stripped[0], expect, stripped[1], raw)
    value = _value(text, expect, qualifier, raw, tried=True)
    if value is None and _may_be_spaced(text):
        return _spaced(text, expect, qualifier, raw)
    return None if value is None else finish(value, expect)


def _may_be_spaced(text: str) -> bool:
    """Whether ``text`` may hold a separator a line break left a space after."""
    return ", " in text or ". " in text


def _spaced(
    text: str, expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    """``102, 8``, ``Rp717, 141 miliar``: a separator a line break left a space after,
    inside the one number of the cell. The grammar reads such a cell as written first,
    and fails (a number, a separator, another number: no reading of two numbers without
    units), then joined, flagged ``ambiguous_separator``; so does this."""
    joined = _SPACED_SEPARATOR.sub(r"\1", text)
    if joined == text or not (_AMOUNT.fullmatch(joined) or _MONEY.fullmatch(joined)):
        return None
    value = parse_simple(joined, expect, qualifier, raw)
    return None if value is None else _amend(value, warning=_AMBIGUOUS)


def parse_amount(text: str, indicator: str | None) -> Target | bool:
    """:func:`parse_simple` for the most common cells, a number with ``%`` or one or two
    words after it and an amount of money, tried first and without the rest of the
    dispatch: the value, ``True`` when the cell has that shape but is left to the
    grammar, ``False`` when it has another shape (then ``parse_simple(...,
    amount_tried=True)`` reads it). ``indicator`` is the indicator's wording, read with
    :func:`~.wording.reading_for` where a reading needs it.

    What follows the number (``%``, `` Lap``, `` orang``, `` miliar``) is decided once
    per spelling and wording, and a cell of a shape read before (``00,0%``) is read from
    its digits alone (:mod:`.shapes`): a column repeats a few shapes with other digits,
    so most cells cost one translation, one look-up and their ``Decimal``."""
    if not text.isascii():
        typed = _typographic(text)
        if typed is None:
            return False
        found = parse_amount(typed, indicator)
        return found if type(found) is bool else _amend(found, raw=text)
    kept = KEPT.get(indicator)
    if kept is not None:
        shape = kept.get(text.encode().translate(ZEROS))
        if type(shape) is Direct:
            start, end, old, new, build, qualifier = shape
            return build(Decimal(text[start:end].replace(old, new)), text, qualifier, False)
        if shape is not None and (known := shapes.read(shape, text)) is not None:
            return known
        if shape is GRAMMAR:
            return True
        if shape is SPACED:  # read joined, as _spaced reads it
            joined = parse_amount(_SPACED_SEPARATOR.sub(r"\1", text), indicator)
            if type(joined) is not bool:
                return _amend(joined, raw=text, warning=_AMBIGUOUS)
    lead = _LEAD_TAIL.match(text)
    if lead is not None:
        found = _number_first(text, indicator, lead)
    elif text[:1] not in _MONEY_FIRST or (lead := _MONEY_LEAD.match(text)) is None:
        found = _prefixed_amount(text, indicator)
    else:
        found = _money_first(text, indicator, lead)
    if found is True:
        shapes.remember(text, indicator, GRAMMAR)
    return found


def _number_first(text: str, indicator: str | None, lead: re.Match[str]) -> Target | bool:
    """:func:`parse_amount` for a cell that opens with a number: an amount whose words
    have a plan, or the shapes :func:`parse_simple` reads in such a cell."""
    sign, digits, tail = lead.groups()
    plan = _TAIL_PLANS.get((tail, indicator))
    if plan is None:
        plan = _tail_plan(tail, indicator)
    if type(plan) is not AmountPlan:
        if has_control(text):
            return True  # the grammar's pipeline drops it, with a warning
        if plan is False and not sign:
            if _range_first(text):
                return _range_or_compound(text, indicator)
            if "(" in tail:
                return _bracketed(text, indicator)
        return plan is True
    if plan.direct and not sign:
        # A certain reading, as planned_value reads it; a percent over the ceiling takes
        # the slow check.
        number = certain_number(digits)
        if number is not None and (plan.fitted is not Percent or number <= PERCENT_CEILING):
            expect = reading_of(indicator)
            shapes.remember_amount(text, indicator, lead.span(2), sign, plan, None, expect)
            return plan.build(number, text, None, False)
    expect = reading_of(indicator)
    value = planned_value(plan, sign, digits, expect, None, text, True)
    if value is None:
        return True
    shapes.remember_amount(text, indicator, lead.span(2), sign, plan, None, expect)
    return value


def _range_or_compound(text: str, indicator: str | None) -> Target | bool:
    """What :func:`parse_simple` reads in a cell that opens with a number and has no plan
    for its words: a range, then a compound or a product, then a separator a line break
    left a space after; ``True`` for none of them (the grammar's cell)."""
    expect = reading_of(indicator)
    span = _RANGE.fullmatch(text)
    if span is not None:
        ranged = range_value(span, expect, None, text, fit=True)
        if ranged is not None:
            _remember_range(text, indicator, span, expect)
            return ranged
    value = _value(text, expect, None, text, tried=True)
    if value is not None:
        if type(value) is Compound:
            _remember_pair(text, indicator, value, expect)
        return finish(value, expect)
    spaced = _spaced(text, expect, None, text) if _may_be_spaced(text) else None
    if spaced is None:
        return True
    shapes.remember(text, indicator, SPACED)
    return spaced


def _money_first(text: str, indicator: str | None, lead: re.Match[str]) -> Target | bool:
    """:func:`parse_amount` for a cell that opens with ``Rp`` or ``IDR`` and a number."""
    if _left_to_repair(text):
        return False
    tail = text[lead.end() :]
    money = _MONEY_PLANS.get((tail, indicator))
    if money is None:
        money = _money_plan(tail, indicator)
    if type(money) is not MoneyPlan:
        if has_control(text):
            return True
        if money is False and not (text[:1].lower() in _PREFIX_FIRST and _PREFIX.match(text)):
            # What parse_simple reads in such a cell: an annotation (Rp 2.802.179.205
            # (77,67%)), or a separator a line break left a space after (Rp373, 479 miliar).
            if "(" in tail:
                return _bracketed(text, indicator)
            if _may_be_spaced(text):
                spaced = _spaced(text, reading_of(indicator), None, text)
                if spaced is not None:
                    shapes.remember(text, indicator, SPACED)
                return False if spaced is None else spaced
        return False  # parse_simple tries the other readings of an "Rp" cell
    value = planned_money(money, lead.group(1), None, text)
    if value is None:
        return False
    if money.multiplier != 1 or not shapes.remember_direct(
        text, indicator, lead.span(1), money.build, None, False
    ):
        shapes.remember(text, indicator, PlannedMoney(*lead.span(1), money))
    return value


_MONEY_FIRST = frozenset("RrIi")


# An en dash between two numbers: a range's dash, which every pattern here reads as "-".
_NUMBER_DASH = re.compile(r"(?<=[0-9])( *)\u2013( *)(?=[0-9])")


def _typographic(text: str) -> str | None:
    """The cell with the typographic signs word processors put in (``≥ 85%``, ``11 – 53
    %``) written as the fast path's patterns read them (``>=``, ``-``); ``None`` when
    other characters beyond ASCII remain, for the whole pipeline to normalise, or when
    a note in brackets may keep them as written."""
    if "(" in text:
        return None
    typed = text.replace("\u2265", ">=").replace("\u2264", "<=")
    if "\u2013" in typed:
        typed = _NUMBER_DASH.sub(r"\1-\2", typed)
    return typed if typed.isascii() else None


def _prefixed_amount(text: str, indicator: str | None) -> Target | bool:
    """:func:`parse_amount` for an amount after qualifier and filler words (``sebesar
    45%``, ``kurang dari 60 %``, ``di bawah 63``, ``selama 15 hari kerja``): what the
    words make of it is decided once per spelling, as the words after the number are."""
    if text[:1].lower() not in _PREFIX_FIRST or (found := _PREFIXED.match(text)) is None:
        return False
    if has_control(text):
        return True
    head, sign, digits, tail = found.groups()
    words = _PREFIX_PLANS.get((head, sign))
    if words is None:
        words = _prefix_plan(text, head, sign)
    if words is False:
        return False
    plan = _TAIL_PLANS.get((tail, indicator))
    if plan is None:
        plan = _tail_plan(tail, indicator)
    if type(plan) is not AmountPlan:
        return False
    if _left_to_repair(text):
        return True
    expect = reading_of(indicator)
    value = planned_value(plan, sign, digits, expect, words[0], text, True)
    if value is None:
        return True
    shapes.remember_amount(text, indicator, found.span(3), sign, plan, words[0], expect)
    return value


# The words before the first number, its sign, the number and the rest.
_PREFIXED = re.compile(rf"(\D*?)(-?){_NUM}(.*)", re.S)
# (words before the number, sign) -> the qualifier they make, alone in a tuple (None:
# fillers only), or False: not qualifier and filler words alone.
_PREFIX_PLANS: dict[tuple[str, str], tuple[str | None] | Literal[False]] = {}


def _prefix_plan(text: str, head: str, sign: str) -> tuple[str | None] | Literal[False]:
    stripped = _strip_prefix(text, _PREFIX.match(text))
    plan: tuple[str | None] | Literal[False] = False
    if stripped is not None and stripped[0].lstrip(" \t\r\n") == text[len(head) :]:
        plan = (stripped[1],)
    if len(_PREFIX_PLANS) >= 1 << 12:
        _PREFIX_PLANS.clear()
    _PREFIX_PLANS[head, sign] = plan
    return plan


def _left_to_repair(text: str) -> bool:
    """Quotes, or a word perhaps hyphenated across lines: the grammar repairs them first."""
    return '"' in text or ("\n" in text and "-" in text)


def clear_plans() -> None:
    """Forget every plan the fast path has made (the tails', the words before a number,
    the shapes): for the tests that read a cell after another of its shape."""
    for store in (_TAIL_PLANS, _MONEY_PLANS, _HEAD_PLANS, _PREFIX_PLANS):
        store.clear()
    shapes.clear()


def _remember_pair(
    text: str, indicator: str | None, value: Compound, expect: Expectation | None
) -> None:
    """Keep the shape of a compound parse_amount has read (``6 kec. 29 kel``), where its
    two parts' digits are read certainly: every cell of that shape has the same units and
    warnings, and its own digits."""
    pair = None if _PRODUCT.match(text) else _PAIR.fullmatch(text)
    if pair is None or len(value.parts) != 2:
        return
    first = _pair_side(pair, 1, value.parts[0])
    second = _pair_side(pair, 3, value.parts[1])
    if first is not None and second is not None:
        shapes.remember(text, indicator, Paired(first, second, expect))


def _pair_side(
    pair: re.Match[str], group: int, part: Target
) -> tuple[int, int, str, str, str, tuple[str, ...]] | None:
    form = certain_form(pair.group(group))
    if form is None or type(part) is not Quantity:
        return None
    return (*pair.span(group), *form, part.unit_name, part.warnings)


def _remember_range(
    text: str, indicator: str | None, found: re.Match[str], expect: Expectation | None
) -> None:
    """Keep the shape of a range parse_amount has read (``80 - 90%``): the range of every
    cell of that shape is its plan's, from its own digits."""
    _, p1, w1, _, _, p2, w2, _ = found.groups()
    plan = range_plan(p1, w1, p2, w2, expect, True)
    if plan is not None:
        shapes.remember(text, indicator, Ranged(found.span(1), found.span(5), plan))


def _bracketed(text: str, indicator: str | None) -> Target | bool:
    """:func:`parse_amount` for a cell with a parenthesis (``40,17% (3 satker)``, ``12
    Satker (Provinsi/Kabupaten/``, ``5 (lima) hari``, ``Rp 2.802.179.205 (77,67%)``): what
    :func:`parse_simple` reads first in it, without the dispatch before; ``False`` leaves
    the other shapes to it."""
    if _left_to_repair(text):
        return True
    expect = reading_of(indicator)
    spelled = _SPELLED.fullmatch(text)
    if spelled is not None:
        value = _spelled(spelled, expect, None, text)
    else:
        value = _annotated(text, expect, None, text)
        if value is not None:
            shapes.remember(text, indicator, _annotated_shape(text, expect) or NO_SHAPE)
    return False if value is None else finish(value, expect)


def _annotated_shape(text: str, expect: Expectation | None) -> Annotated | Based | Bracketed | None:
    """The shape of a cell :func:`_annotated` has read, where every cell of that shape is
    read so: an amount or an Rp amount read directly before an annotation without digits,
    or before a basis read directly (``40,17% (3 satker)``)."""
    tail = _TAIL.search(text)
    closed = tail is not None
    if tail is None and (tail := _OPEN_TAIL.search(text)) is None:
        return None
    head = text[: tail.start()]
    content = " ".join(tail.group(1).split())
    part = _head_part(head, expect)
    if part is None:
        return None
    digits_read, cls = part
    if _DIGIT.search(content) is None:
        action, said = _annotation(content, closed, cls is Number)
        if action == "unit":
            return _unit_shape(head, said, expect)  # type: ignore[arg-type]
        if action == "none":
            return None
        if action == "said" and (cls not in (Percent, Quantity) or not _no_magnitude(head)):
            return None
        return Annotated(digits_read, action, said, expect)
    if not closed or tail.group(1) != content or cls is Number:
        return None  # a number's annotation with digits may name a unit (m2): not kept
    inner = _LEAD_TAIL.match(content)
    if inner is None:
        return None
    plan = _TAIL_PLANS.get((inner.group(3), None))
    if type(plan) is not AmountPlan or plan.fitted not in (Quantity, Percent, Money):
        return None
    offset = tail.start(1)
    span = (offset + inner.start(2), offset + inner.end(2))
    basis = _read_directly(text, span, inner.group(1), plan)
    return None if basis is None else Based(digits_read, basis, tail.span(1), expect)


def _read_directly(text: str, span: tuple[int, int], sign: str, plan: AmountPlan) -> Digits | None:
    """How the digits of ``text`` at ``span`` are read where ``plan`` reads them directly
    (no sign, note or magnitude word) and every cell of their shape reads them alike."""
    if not plan.direct or sign:
        return None
    return digits_of(text, span, plan.build, plan.fitted is Percent)


def _unit_shape(head: str, unit: str, expect: Expectation | None) -> Bracketed | None:
    """The shape of an amount whose unit is written in brackets, read as :func:`_annotated`
    reads it: the amount with that unit."""
    found = _AMOUNT.fullmatch(f"{head.rstrip()} {unit}")
    if found is None:
        return None
    sign, _, *words = found.groups()
    plan = amount_plan(*words, expect, False)
    return None if plan is None else Bracketed(*found.span(2), sign, plan, expect)


def _head_part(head: str, expect: Expectation | None) -> tuple[Digits, type] | None:
    """How the digits of the value before an annotation are read, when it is an amount or
    an Rp amount read directly (as :func:`_head_value` reads it), with its class."""
    lead = _LEAD_TAIL.match(head)
    if lead is not None:
        sign, _, words = lead.groups()
        plan = _HEAD_PLANS.get((words, expect))
        if type(plan) is not AmountPlan:
            return None
        read = _read_directly(head, lead.span(2), sign, plan)
        return None if read is None else (read, plan.fitted)
    money = _MONEY.fullmatch(head)
    if money is None:
        return None
    _, no_cents, word, dot = money.groups()
    money_of = money_plan(no_cents, word, dot, expect, False)
    if money_of is None or money_of.multiplier != 1:
        return None
    read = digits_of(head, money.span(1), money_of.build)
    return None if read is None else (read, Money)


def _range_first(text: str) -> bool:
    """Whether :func:`parse_simple` tries a digit-first cell as a range before the rest."""
    return "(" not in text and not _left_to_repair(text)


# (tail, indicator) -> the tail's plan; False: not an amount's tail; True: an amount the
# grammar reads. Keyed by the indicator as written, not by its reading, so that a cell
# whose plan is known needs no reading of its indicator. Bounded: a column of free text
# must not grow them without end; the plans themselves are shared by every wording of
# one reading (amount_plan, money_plan).
_TAIL_PLANS: dict[tuple[str, str | None], AmountPlan | bool] = {}
_MONEY_PLANS: dict[tuple[str, str | None], MoneyPlan | bool] = {}
# (tail, reading) -> the same for a value before an annotation, read before the wording
# is applied.
_HEAD_PLANS: dict[tuple[str, Expectation | None], AmountPlan | bool] = {}


def _tail_plan(tail: str, indicator: str | None) -> AmountPlan | bool:
    reading = partial(reading_of, indicator)
    return _decided(tail, reading, _AFTER, amount_plan, _TAIL_PLANS, (tail, indicator), 1 << 14)


def _money_plan(tail: str, indicator: str | None) -> MoneyPlan | bool:
    reading = partial(reading_of, indicator)
    key = (tail, indicator)
    return _decided(tail, reading, _MONEY_AFTER, money_plan, _MONEY_PLANS, key, 1 << 12)


def _head_value(
    text: str, expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    """:func:`_value` of the value before an annotation, an amount's words decided once
    per spelling and wording as :func:`parse_amount` decides them."""
    lead = _LEAD_TAIL.match(text)
    if lead is None:
        return _value(text, expect, qualifier, raw)
    sign, digits, tail = lead.groups()
    plan = _HEAD_PLANS.get((tail, expect))
    if plan is None:
        key = (tail, expect)
        plan = _decided(
            tail, lambda: expect, _AFTER, amount_plan, _HEAD_PLANS, key, 1 << 12, fit=False
        )
    if plan is False:
        return _value(text, expect, qualifier, raw)
    if plan is True:
        return None  # as amount_value: words no amount is read with
    return planned_value(plan, sign, digits, expect, qualifier, raw, False)


_Plan = TypeVar("_Plan", AmountPlan, MoneyPlan)
_Key = TypeVar("_Key", tuple[str, str | None], tuple[str, Expectation | None])


def _decided(
    tail: str,
    reading: Callable[[], Expectation | None],
    after: re.Pattern[str],
    plan_of: Callable[..., _Plan | None],
    store: dict[_Key, _Plan | bool],
    key: _Key,
    limit: int,
    *,
    fit: bool = True,
) -> _Plan | bool:
    """The plan of a tail, kept in ``store`` under ``key``: ``False`` when ``after`` does
    not match it, ``True`` when the words make an amount the grammar reads; the wording's
    ``reading`` is asked for only where the words are an amount's."""
    if _DIGIT.search(tail):
        return False  # a range, a compound, a basis: not kept, their digits vary
    found = after.fullmatch(tail)
    plan: _Plan | bool = False
    if found is not None:
        plan = plan_of(*found.groups(), reading(), fit) or True
    if len(store) >= limit:
        store.clear()
    store[key] = plan
    return plan


def _value(
    text: str,
    expect: Expectation | None,
    qualifier: str | None,
    raw: str,
    tried: bool = False,
) -> Target | None:
    """A cell of one of the shapes, before the indicator's wording is applied; ``tried``
    says that :func:`parse_simple` has tried the amount, range, money and prefix shapes.

    The shapes are told apart by their first character first: each pattern is anchored
    at the start of the cell, so a cell that begins with a digit can only be an amount, a
    range, a product or a compound, and one that begins with a letter or a sign only
    money, a grade, a qualified value, a number in words, or a missing mark."""
    if not tried and (found := _AMOUNT.fullmatch(text)) is not None:
        return amount_value(found, expect, qualifier, raw, fit=False)
    if "(" in text:
        if (spelled := _SPELLED.fullmatch(text)) is not None:
            return _spelled(spelled, expect, qualifier, raw)
        value = _annotated(text, expect, qualifier, raw)
        if value is not None:
            return value
    first = text.lstrip(" \t\r\n")[:1]
    if first.isdigit():
        if not tried and (span := _RANGE.fullmatch(text)) is not None:
            value = range_value(span, expect, qualifier, raw, fit=False)
            if value is not None:
                return value
        if (product := _PRODUCT.match(text)) is not None:
            # "1x24 jam" is 24 jam: the grammar's repair multiplies before reading
            times = int(product.group(1)) * int(product.group(2))
            return _value(f"{times}{product.group(3)}", expect, qualifier, raw)
        if qualifier is None and (pair := _PAIR.fullmatch(text)) is not None:
            return _pair(pair, raw)
        return None
    if not tried and (money := _MONEY.fullmatch(text)) is not None:
        return money_value(money, expect, qualifier, raw, fit=False)
    if (graded := _GRADE.fullmatch(text)) is not None:
        value = _grade(graded.group(1), expect, qualifier, raw)
        if value is not None:
            return value
    if not tried and qualifier is None and (prefix := _PREFIX.match(text)) is not None:
        return _prefixed(text, prefix, expect, raw)
    if (worded := _WORDED.fullmatch(text)) is not None:
        return _worded(worded, qualifier, raw)
    stripped = text.strip(" \t\r\n")
    if qualifier is None and stripped.lower() in MISSING_TEXTS and stripped.isascii():
        return Missing(raw=raw)
    return None


def _strip_prefix(text: str, prefix: re.Match[str] | None) -> tuple[str, str | None] | None:
    """``minimal 80%``, ``sebanyak 12 orang``, ``target ≥ 80%``: the rest of the cell after
    filler words and at most one qualifier, first or last, as the grammar reads
    ``[qualifier] filler* [qualifier]``, with the qualifier; ``None`` for any other
    order, or for nothing after them."""
    ops: list[str | None] = []  # a qualifier's operator, None for a filler word
    while prefix is not None:
        symbol, _, phrase = prefix.groups()
        word = " ".join(phrase.lower().split()) if phrase else ""
        ops.append(SYMBOL_QUALIFIERS[symbol] if symbol else _QUALIFIER_WORDS.get(word))
        text = text[prefix.end() :]
        # no phrase begins with a digit: "minimal 80%" needs no second look
        prefix = None if text.lstrip(" \t\r\n")[:1].isdigit() else _PREFIX.match(text)
    qualifiers = [i for i, op in enumerate(ops) if op is not None]
    if len(qualifiers) > 1 or (qualifiers and qualifiers[0] not in (0, len(ops) - 1)):
        return None  # the grammar says what is wrong
    if not text.strip() or text.strip(" \t\r\n").lower() in MISSING_TEXTS:
        return None
    return text, ops[qualifiers[0]] if qualifiers else None


def _prefixed(
    text: str, prefix: re.Match[str] | None, expect: Expectation | None, raw: str
) -> Target | None:
    """A cell after its qualifier and filler words, before the wording is applied."""
    stripped = _strip_prefix(text, prefix)
    return None if stripped is None else _value(stripped[0], expect, stripped[1], raw)


def _spelled(
    found: re.Match[str], expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    """``5 (lima) hari kerja``, ``9 (tiga) orang``: the number again in words right after
    it, then what follows a number."""
    digits, spelled, words, dot = found.groups()
    said = read_number_words(spelled.lower().split())
    cls, hint, unit, multiplier, note, unknown = after_number(words, dot)
    if said is None or cls is None or multiplier != 1:
        return None
    try:
        value, guessed = read_amount(digits, hint)
    except NumberSyntaxError:
        return None
    warnings = [_AMBIGUOUS] if guessed else []
    if said != value:
        warnings.append(_WORDS_MISMATCH)
    if unknown:
        warnings.append(_UNKNOWN)
    extra = unit.name if unit is not None else None
    target = _quick(cls, value, raw, qualifier, tuple(sorted(warnings)), extra)
    return target if note is None else _amend(target, note=note)  # "2 (dua) kali lipat"


def _pair(found: re.Match[str], raw: str) -> Target | None:
    """``6 kec. 29 kel``, ``2 Lap dan 1 Dok``, ``22 laki-laki dan 33 perempuan``: two
    quantities."""
    d1, w1, d2, w2 = found.groups()
    if w1.lower() == "x":
        return None  # "1x24 jam" is a product: the grammar's repair reads it
    first = pair_side(d1, w1)
    second = pair_side(d2, w2)
    if first is None or second is None:
        return None
    return _quick_parts(Compound, (first, second), raw)


def _annotated(
    text: str, expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    """A value with one parenthesised annotation: a basis (``36,36% (4 satker)``), a note
    (``12 Satker (Provinsi/Kabupaten/Kota)``, ``A (Memuaskan)``), the number again in
    words (``100% (seratus persen)``), or a note cut off (``12 Satker (Provinsi/``)."""
    tail = _TAIL.search(text)
    closed = tail is not None
    if tail is None and (tail := _OPEN_TAIL.search(text)) is None:
        return None
    head = text[: tail.start()]
    if "(" in head or ")" in head or not head.strip() or has_product(text, tail.start()):
        return None  # a product in the brackets: the grammar's repair multiplies it first
    value = _head_value(head, expect, qualifier, raw)
    if value is None or value.note is not None or isinstance(value, Missing):
        return None
    content = " ".join(tail.group(1).split())
    number_head = isinstance(value, Number) or (
        isinstance(value, Range) and isinstance(value.high, Number)
    )
    if _DIGIT.search(content) is None:
        action, said = _annotation(content, closed, number_head)
        if action == "none":
            return None
        if action == "unit":
            return _value(f"{head.rstrip()} {said}", expect, qualifier, raw)
        if action == "said" and not _said_after(value, head):
            return None
        return annotate(value, action, said)
    if number_head:
        unit = _number_annotation(content, closed)
        if unit is False:
            return None
        if unit is not True:
            return _value(f"{head.rstrip()} {unit}", expect, qualifier, raw)
    if not closed:
        return _amend(value, note=tidy_note(content), warning=_TRUNCATED)
    amount = parse_amount(content, None)  # a basis is mostly a count or a percent
    inner = amount if isinstance(amount, Target) else parse_simple(content, None)
    if inner is None:
        if opens_no_target(content):
            return _amend(value, note=tidy_note(content))  # "(Skala 5)": a note
        from .grammar import parse_full  # the grammar imports this module

        try:
            inner = parse_full(content, None)
        except TargetParseError:
            return _amend(value, note=tidy_note(content))
    if isinstance(inner, Quantity | Percent | Money):
        return _amend(value, basis=inner)
    return _amend(value, note=tidy_note(content))


def _said_after(value: Target, head: str) -> bool:
    """Whether the number again in words after ``value`` is read as the grammar's amount
    reads it right after a unit: after a percent or a quantity with no magnitude word."""
    return isinstance(value, Percent | Quantity) and _no_magnitude(head)


def _no_magnitude(head: str) -> bool:
    return not any(w in MAGNITUDES for w in head.lower().split())


_PERCENT_MARKS = PERCENT_WORDS | {"%"}


def _number_annotation(content: str, closed: bool) -> str | bool:
    """What an annotation makes of a value of a number's kind (``73,04 (persen)``, ``12
    (Laporan)``, ``5 (lima)``): the unit written in brackets, read as the value's unit;
    ``False`` where the grammar reads the number in words or says what is wrong; ``True``
    for a note or a basis, read on."""
    bracketed = content.lower().replace(".", " ").split()
    if not closed or not bracketed:
        return False
    joined = " ".join(bracketed)
    if (len(bracketed) == 1 and bracketed[0] in _PERCENT_MARKS) or lookup_unit(joined) is not None:
        return "%" if bracketed[0] in _PERCENT_MARKS else joined
    return not any(
        w in PERCENT_OR_MONEY or w in NUMBER_WORDS or w in ZERO_WORDS or w == "%" for w in bracketed
    )


@lru_cache(maxsize=4096)
def _annotation(content: str, closed: bool, number_head: bool) -> tuple[str, str | Decimal | None]:
    """What an annotation without digits makes of the value before it (of a number's
    kind, or a range of numbers, when ``number_head``), decided once per spelling:
    ``("unit", unit)`` the value with the unit written in brackets; ``("truncated",
    note)``, ``("note", note)``; ``("same", None)`` for empty brackets; ``("said",
    number)`` the number again in words, to be checked against the value; ``("none",
    None)`` where the fast path reads no value."""
    if number_head:
        unit = _number_annotation(content, closed)
        if unit is False:
            return "none", None
        if unit is not True:
            return "unit", unit
    if not closed:
        return "truncated", tidy_note(content) if content else None
    if not content:
        return "same", None
    words = content.lower().split()
    if not any(w.strip(".") in NUMBER_WORDS or w.strip(".") in ZERO_WORDS for w in words):
        return "note", tidy_note(content)
    while words and (words[-1] in PERCENT_WORDS or words[-1] in CURRENCY_WORDS):
        words.pop()
    said = read_number_words(words)
    if said is None and len(words) == 1 and words[0] in ZERO_WORDS:
        said = Decimal(0)
    return ("none", None) if said is None else ("said", said)


@lru_cache(maxsize=1)
def _opening_words() -> frozenset[str]:
    """Every word a target can open with: qualifiers, fillers, level words, grade words,
    currency, number and percent words."""
    words = {phrase[0] for phrase in QUALIFIER_PHRASES} | set(FILLER_WORDS)
    words |= SPIP_LEVEL_WORDS | CURRENCY_WORDS | NUMBER_WORDS | ZERO_WORDS | PERCENT_WORDS
    words |= {code.lower() for code in LETTER_CODES} | set(MAGNITUDES)
    for scale in SCALES.values():
        for grade in scale.grades:
            words.update(s.split()[0] for s in grade.spellings)
            words.add(grade.code.lower().split()[0])
    return frozenset(words)


_FIRST_WORD = re.compile(r"[ \t\r\n]*([^\W\d_]+)(?=[ \t\r\n]|[0-9])")


def opens_no_target(content: str) -> bool:
    """Whether the grammar surely reads no target in ``content`` (``Skala 5``): it opens
    with a plain word no target opens with, which no OCR repair changes. Only a shortcut:
    ``False`` leaves the question to the grammar."""
    first = _FIRST_WORD.match(content)
    if first is None or first.group(1).lower() in _opening_words():
        return False
    return ocr_repair(content)[: first.end()] == content[: first.end()]


def _worded(found: re.Match[str], qualifier: str | None, raw: str) -> Target | None:
    """``tiga orang``, ``tujuh kali``, ``tiga puluh persen``: a number in words."""
    words, after, _ = found.groups()
    value = read_number_words(words.lower().split())
    if value is None:
        return None
    if after is None:
        return Number(value, qualifier=qualifier, raw=raw)
    folded = " ".join(after.lower().split())
    if folded in PERCENT_WORDS:
        return Percent(value, qualifier=qualifier, raw=raw)
    unit = lookup_unit(folded)
    if unit is None:
        return None
    return Quantity(value, unit.name, qualifier=qualifier, raw=raw)


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


def _grade(word: str, expect: Expectation | None, qualifier: str | None, raw: str) -> Target | None:
    code = word.upper()
    if code in LETTER_CODES:
        return letter_grade(code, expect, qualifier, raw)
    words = tuple(word.lower().split())
    named = lookup_grade(words, expect.scale if expect else None)
    if named is None or named[2] != len(words):
        return None
    return Grade(named[1], named[0], qualifier=qualifier, raw=raw)
