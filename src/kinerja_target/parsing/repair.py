"""Undo what encodings, PDF extraction and OCR do to a cell, before it is read.

Two steps, each saying whether it changed anything that a reader should know of:

* :func:`normalize`: Unicode NFKC (full-width ``９７％`` is ``97%``), every script's
  digits as ASCII digits, the Arabic percent sign ``٪`` as ``%``, control characters
  (``NUL``) dropped; the warning ``normalized``. Spaces of other widths, soft hyphens and
  zero-width marks become plain spaces or nothing without a warning: they are layout,
  not content. ``‰`` is written out as the unit ``permil``.
* :func:`repair`: words hyphenated across lines, quotes, products (``1x24 jam``), and
  the OCR repairs of ``data/parse_ocr_repairs.csv`` (``l00%``, ``too%``, ``100 o/o``);
  the parser keeps the OCR reading only when it is a target (``ocr_corrected``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .. import _data
from .vocabulary import pattern

__all__ = ["has_control", "has_product", "normalize", "ocr_repair", "repair", "tidy_note"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Layout characters: replaced without a warning.
_LAYOUT = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u00ad": "",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u2026": "...",
    }
)
_SIGNS = str.maketrans({"\u066a": "%", "\ufe6a": "%", "\u2030": " permil"})


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character :func:`normalize` drops (``NUL``, the
    separators ``\\x1c``-``\\x1f``...), which the readers that split on white space must
    not see: Python counts some of them as spaces."""
    return _CONTROL.search(text) is not None


def normalize(text: str) -> tuple[str, bool]:
    """``text`` in the form the parser reads, and whether content was normalised."""
    if text.isascii():
        if _CONTROL.search(text) is None:
            return text, False
        return _CONTROL.sub("", text), True
    text = text.translate(_LAYOUT)
    if text.isascii():
        return normalize(text)
    folded = unicodedata.normalize("NFKC", text).translate(_SIGNS)
    if not folded.isascii():
        folded = "".join(_ascii_digit(c) for c in folded)
    folded = _CONTROL.sub("", folded)
    return folded, folded.replace(" permil", "\u2030") != text


def _ascii_digit(char: str) -> str:
    if char.isdecimal() and not char.isascii():
        return str(unicodedata.decimal(char))
    return char


_HYPHEN_BREAK = r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])"
_QUOTES = r"[\"“”„«»]"
_TIMES = r"(?<![\d.,])(\d{1,3})\s*[xX×]\s*(\d{1,4})(?=\s*[^\W\d_])"


def _multiply(found: re.Match[str]) -> str:
    return str(int(found.group(1)) * int(found.group(2)))


def has_product(text: str, start: int = 0) -> bool:
    """Whether :func:`repair` multiplies a product (``1x24 jam``) in ``text`` from
    ``start`` on."""
    return pattern(_TIMES).search(text, start) is not None


def repair(text: str) -> str:
    """Undo what PDF extraction does to a cell's layout (no OCR repair)."""
    # Each repair is tried only where its mark is there: most cells have none of them.
    if "\n" in text and "-" in text:
        text = pattern(_HYPHEN_BREAK).sub("", text)
    if not _QUOTE_MARKS.isdisjoint(text):
        text = pattern(_QUOTES).sub(" ", text)  # 'minimal "BB"'
    if not _TIMES_MARKS.isdisjoint(text):
        text = pattern(_TIMES).sub(_multiply, text)  # "1x24 jam" is 24 jam
    return text


_QUOTE_MARKS = frozenset('"“”„«»')
_TIMES_MARKS = frozenset("xX×")


@cache
def _ocr_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = _data.rows("parse_ocr_repairs.csv")
    return tuple((re.compile(row["pattern"]), row["replacement"]) for row in rows)


def ocr_repair(text: str) -> str:
    """``text`` with the letters OCR read for digits repaired (the same text if none)."""
    for rule, replacement in _ocr_rules():
        text = rule.sub(replacement, text)
    return text


_SLASH = re.compile(r"\s*/\s*")


def tidy_note(text: str) -> str:
    """A note's words on one line: line breaks leave ``Provinsi/Kabupaten/ Kota``, the
    words are ``Provinsi/Kabupaten/Kota``."""
    return _SLASH.sub("/", " ".join(text.split()))
