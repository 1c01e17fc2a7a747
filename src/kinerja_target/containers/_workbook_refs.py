"""A1 references: ``F2`` is row 2, column 6; ``A1:C3`` a range.

>>> column_letters(28), parse_ref("$AB$12"), parse_range("C3:A1")
('AB', (12, 28), (1, 1, 3, 3))
"""

from __future__ import annotations

import re

__all__ = ["column_letters", "column_number", "parse_range", "parse_ref"]

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")


def column_letters(column: int) -> str:
    """``1`` is ``A``, ``27`` is ``AA``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int] | None:
    match = _REF.fullmatch(ref.strip())
    if match is None:
        return None
    return int(match.group(2)), column_number(match.group(1))


def parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of ``A1`` or ``A1:C3``."""
    first, _, last = ref.partition(":")
    a, b = parse_ref(first), parse_ref(last or first)
    if a is None or b is None:
        return None
    return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])
