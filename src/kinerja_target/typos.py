"""Whether two words are one word, one of them mistyped.

Indicator texts and headings are typed by hand in 553 satker: ``Kabupten``, ``pegawwai``,
``Karimmun``. A typing error rarely hits the first letter and rarely turns a long word
into another real one, so two words are taken for one when both are long enough (five
letters or more), start with the same letter and are one edit apart (an insertion,
deletion, substitution or swap of neighbours; two edits for words of nine letters or
more). Pairs of real words that meet this rule (``penetapan``/``penerapan``) are the
caller's to exclude: the indicator matcher lists them in ``data/matching_confusables.csv``.

>>> is_typo("kabupten", "kabupaten"), is_typo("pemilih", "pemula"), is_typo("data", "dana")
(True, False, False)
"""

from __future__ import annotations

import functools

__all__ = ["edit_limit", "is_typo"]


def edit_limit(word: str) -> int:
    """How many edits a mistyped ``word`` may carry: one, two from nine letters on."""
    return 2 if len(word) >= 9 else 1


@functools.lru_cache(maxsize=65536)
def is_typo(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (lower case) may be one word, one of them mistyped."""
    from rapidfuzz.distance import DamerauLevenshtein

    if not a or not b or a[0] != b[0] or a.isdigit() or b.isdigit():
        return False
    shortest = a if len(a) <= len(b) else b
    if len(shortest) < 5:
        return False
    limit = edit_limit(shortest)
    return bool(DamerauLevenshtein.distance(a, b, score_cutoff=limit) <= limit)
