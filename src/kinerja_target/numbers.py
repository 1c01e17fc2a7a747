"""Indonesian number writing: separators, number words, and formatting back.

Indonesian writes a decimal comma and a thousands dot (``8.435``, ``97,5``; EYD/PUEBI),
but real KPU documents mix in English habits (``87.5%``, ``Rp855,830,897,000``). A
number's digits are therefore read *with a hint* about what it counts:

* ``"integral"`` (counted things, money without a magnitude word): a separator followed
  by exactly three digits can only be grouping, so ``1.250`` and ``1,250`` are 1250;
* ``"bounded"`` (percentages and scores): a value on a 0-100 or 0-5 scale is written with
  decimals, so a lone separator is a decimal point (``87.500%`` is 87,5%), flagged;
* ``None``: the Indonesian convention (dot groups, comma decimal), flagged when a lone
  separator is followed by exactly three digits (``1.000``), because that is a guess.

Where both separators occur the last one is the decimal (``10.252.187.000,00``,
``1,234.5``). See ``docs/decisions/0002-separators.md``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

__all__ = [
    "NUMBER_WORDS",
    "NumberHint",
    "format_decimal",
    "read_digits",
    "read_number_words",
    "write_number_words",
]

NumberHint = Literal["integral", "bounded"] | None


class NumberSyntaxError(ValueError):
    """Digits that do not form a number (``1.2.3``); the parser turns it into a
    :class:`~kinerja_target.errors.TargetParseError` with the position."""


def _grouping_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def read_digits(digits: str, hint: NumberHint = None) -> tuple[Decimal, bool]:
    """Read a run of digits with ``.`` and ``,`` separators.

    Returns the value and whether the reading was a guess (``ambiguous_separator``).

    >>> read_digits("8.435", "integral")
    (Decimal('8435'), False)
    >>> read_digits("97,5")
    (Decimal('97.5'), False)
    >>> read_digits("1.000")
    (Decimal('1000'), True)
    >>> read_digits("10.252.187.000,00")
    (Decimal('10252187000.00'), False)
    """
    has_dot = "." in digits
    has_comma = "," in digits
    if not has_dot and not has_comma:
        return Decimal(digits), False
    if has_dot and has_comma:
        last = max(digits.rfind("."), digits.rfind(","))
        point = digits[last]
        group = "," if point == "." else "."
        head, tail = digits[:last], digits[last + 1 :]
        if point in head or not _grouping_ok(head.split(group)):
            raise NumberSyntaxError(f"{digits!r} mixes separators in no known way")
        return Decimal(head.replace(group, "") + "." + tail), False
    sep = "." if has_dot else ","
    parts = digits.split(sep)
    if len(parts) > 2:
        if not _grouping_ok(parts):
            raise NumberSyntaxError(f"{digits!r}: digit groups after a separator must be of three")
        return Decimal("".join(parts)), False
    head, tail = parts
    grouping_possible = len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"
    if not grouping_possible:
        return Decimal(head + "." + tail), False
    if hint == "integral":
        return Decimal(head + tail), False
    if hint == "bounded":
        return Decimal(head + "." + tail), True
    if sep == ".":
        return Decimal(head + tail), True
    return Decimal(head + "." + tail), True


# Number words, as data. A "digit" word carries its value; a multiplier word scales
# what precedes it; the ``se-`` forms are one followed by the multiplier.
_DIGIT_WORDS = {
    "nol": 0,
    "kosong": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_SE_WORDS = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 10**6}
_SMALL_MULTIPLIERS = {"belas": 10, "puluh": 10, "ratus": 100}
_LARGE_MULTIPLIERS = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
_POINT_WORD = "koma"

NUMBER_WORDS: frozenset[str] = frozenset(
    {*_DIGIT_WORDS, *_SE_WORDS, *_SMALL_MULTIPLIERS, *_LARGE_MULTIPLIERS, _POINT_WORD}
)


def read_number_words(words: list[str]) -> Decimal | None:
    """Read Indonesian number words (already lower-cased); ``None`` if they are not one.

    >>> read_number_words("dua belas".split())
    Decimal('12')
    >>> read_number_words("seratus dua puluh lima".split())
    Decimal('125')
    >>> read_number_words("tiga koma empat".split())
    Decimal('3.4')
    >>> read_number_words(["laporan"]) is None
    True
    """
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    if _POINT_WORD in words:
        i = words.index(_POINT_WORD)
        whole = read_number_words(words[:i])
        frac = words[i + 1 :]
        if whole is None or not frac or any(w not in _DIGIT_WORDS for w in frac):
            return None
        return Decimal(f"{whole}." + "".join(str(_DIGIT_WORDS[w]) for w in frac))
    total = 0
    group = 0
    last: int | None = None  # the pending digit, waiting for a multiplier
    for word in words:
        if word in _DIGIT_WORDS:
            if last is not None:
                return None  # "dua lima" is not a number
            last = _DIGIT_WORDS[word]
        elif word in _SE_WORDS:
            if last is not None:
                return None
            value = _SE_WORDS[word]
            if value < 1000:
                group += value
            elif group:
                return None  # "dua ratus seribu" is not a number
            else:
                total += value
        elif word in _SMALL_MULTIPLIERS:
            if last is None or last == 0:
                return None
            group += (10 + last) if word == "belas" else last * _SMALL_MULTIPLIERS[word]
            last = None
        else:  # a large multiplier closes the group before it
            amount = group + (last or 0)
            if amount == 0:
                return None
            total += amount * _LARGE_MULTIPLIERS[word]
            group, last = 0, None
    return Decimal(total + group + (last or 0))


_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALE_WORDS = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def write_number_words(number: int) -> str:
    """Write a whole number in Indonesian words, as legal documents do beside the digits.

    >>> write_number_words(12)
    'dua belas'
    >>> write_number_words(1250)
    'seribu dua ratus lima puluh'
    """
    if not 0 <= number < 10**15:
        raise ValueError(f"can write whole numbers from 0 to 10^15 in words, not {number}")
    if number == 0:
        return "nol"
    words: list[str] = []
    for size, name in _SCALE_WORDS:
        count, number = divmod(number, size)
        if count:
            words.append(
                "seribu" if size == 1000 and count == 1 else f"{_below_1000(count)} {name}"
            )
    if number:
        words.append(_below_1000(number))
    return " ".join(words)


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append("seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(f"{_ONES[tens]} puluh" + (f" {_ONES[ones]}" if ones else ""))
    elif rest >= 12:
        words.append(f"{_ONES[rest - 10]} belas")
    elif rest == 11:
        words.append("sebelas")
    elif rest == 10:
        words.append("sepuluh")
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)


def format_decimal(value: Decimal, *, group: bool = True) -> str:
    """Write a decimal the Indonesian way: ``8.435``, ``97,5``, ``10.252.187.000``.

    The digits are kept as they are (``75,50`` stays ``75,50``); no exponent is ever shown.

    >>> format_decimal(Decimal("8435"))
    '8.435'
    >>> format_decimal(Decimal("97.5"))
    '97,5'
    >>> format_decimal(Decimal("1.2E+9"))
    '1.200.000.000'
    """
    text = format(value, "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join("." + whole[i : i + 3] for i in range(head, len(whole), 3))
    return sign + whole + ("," + frac if frac else "")
