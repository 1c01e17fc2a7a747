"""What a cell of a performance table looks like: row numbers, list markers, separators,
target-shaped text, dates and signature marks.
"""

from __future__ import annotations

import re

from ..errors import TargetParseError
from ..parse import expectation_for, parse_target
from ..values import Missing, WarningCode

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    "november|nopember|desember"
)


_DATE_LINE = re.compile(rf"^[\w .'-]*,?\s*\d{{1,2}}\s+({_MONTHS})\s+\d{{4}}\W*$", re.I)


_PAGE_NUMBER = re.compile(r"^\W*(hal(aman)?\.?\s*)?\d{1,3}(\s*(/|dari)\s*\d{1,3})?\W*$", re.I)


# A row number: 1, 1., 1.1, 2.3.1, a., b), I, II., IV (roman numerals of sasaran groups).
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[IVX]{1,5})[.)]?$")


_SEPARATOR_CELL = re.compile(r"^[-–—=_:|*\s]+$")


_SIGNATORY = re.compile(r"^\W*pihak\s+(?P<which>pertama|kedua)\W*$", re.I)


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _cell(text: str) -> str:
    # A cell never holds a line break: a wrapped cell is one text (the seeds' convention
    # for page-split pieces is one space). ``<br>`` is a line break a converter wrote.
    if "<" in text:
        text = _LINE_BREAK_TAG.sub("\n", text)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text.strip()


def _target_shaped(text: str) -> bool:
    """Whether the target parser reads ``text`` as a target (``-`` included).

    A unit mark alone (``%``, ``Rp``) is a blank template cell to the parser, but in a
    row of its own it is as likely a column header (``Pagu | Realisasi | %``): it does
    not make a row a data row (docs/decisions/0008)."""
    if not text:
        return False
    try:
        value = parse_target(text)
    except TargetParseError:
        return False
    return not (isinstance(value, Missing) and _BLANK in value.warnings)


_BLANK = str(WarningCode.BLANK_TEMPLATE)


def _join(head: str, tail: str) -> str:
    return f"{head} {tail}" if head and tail else head or tail


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()


# A list marker opening a cell: "a. ", "b) ", "1.1 ", "(2) ", "- ", "• " (docs/decisions/0207).
_LIST_MARKER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-z][.)]|\([a-z\d]{1,2}\)|[-•·▪◦])\s+(?=\w)"
)


def _unmarked(text: str) -> tuple[str, bool]:
    """``text`` without a list marker at its start, and whether it had one."""
    found = _LIST_MARKER.match(text)
    return (text[found.end() :], True) if found else (text, False)


def _starts_measure(text: str) -> bool:
    return text[:1].isupper() and expectation_for(text) is not None
