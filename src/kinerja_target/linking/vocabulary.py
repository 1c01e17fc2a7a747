"""The word lists the matcher reads, loaded once from ``data/matching_*.csv``.

* ``matching_words.csv``: the class of a word (``function``, ``scope``, ``generic``,
  ``measure``, ``change``, ``target_group``, ``negation``…), which says whether it counts
  as content and whether a difference in it is decisive;
* ``matching_spelling.csv``: typos and variants with their canonical spelling (``kind``
  ``typo`` or ``variant``/``synonym``), single words or phrases;
* ``matching_abbreviations.csv``: abbreviations and their expansions, some only when
  written in capitals (``TI``, ``MK``);
* ``matching_confusables.csv``: pairs of real words one edit apart (``penetapan`` /
  ``penerapan``), never a typo of each other.

Every word these lists spell right is a *known word*: the learned spelling never
corrects it and the satker grammar never reads it as a mistyped place.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

import attrs

from .. import _data
from ..folding import plain_words
from ..typos import is_typo

__all__ = ["MASK", "Vocabulary", "typo_of", "vocabulary"]

#: The word every satker name and level becomes in a normalised wording.
MASK: Final = "satker"


@attrs.frozen
class Vocabulary:
    """Every table the matcher reads (see ``data/matching_*.csv``)."""

    word_class: Mapping[str, str]
    spelling: Mapping[tuple[str, ...], tuple[str, ...]]
    abbreviations: Mapping[str, tuple[tuple[str, ...], bool]]
    confusables: frozenset[frozenset[str]]
    # first words that can open a spelling variant: the fast path
    spelling_starts: frozenset[str]
    # words the tables know are spelt right (never a typo in matching_spelling.csv)
    known_words: frozenset[str]


@functools.cache
def vocabulary() -> Vocabulary:
    """The matcher's word lists, read once."""
    word_class = {row["word"]: row["class"] for row in _data.rows("matching_words.csv")}
    spelling_rows = _data.rows("matching_spelling.csv")
    spelling = {plain_words(r["variant"]): plain_words(r["canonical"]) for r in spelling_rows}
    known = set(word_class)
    for row in spelling_rows:
        known.update(plain_words(row["canonical"]))
        if row["kind"] != "typo":
            known.update(plain_words(row["variant"]))
    abbreviations = {
        row["abbreviation"].lower(): (
            plain_words(row["expansion"]),
            row["case_sensitive"].strip().lower() == "yes",
        )
        for row in _data.rows("matching_abbreviations.csv")
    }
    for expansion, _case in abbreviations.values():
        known.update(expansion)
    confusables = frozenset(
        frozenset((row["word_a"], row["word_b"])) for row in _data.rows("matching_confusables.csv")
    )
    # A confusable pair is a pair of real words: both are spelt right.
    for pair in confusables:
        known.update(pair)
    return Vocabulary(
        word_class=word_class,
        spelling=spelling,
        abbreviations=abbreviations,
        confusables=confusables,
        spelling_starts=frozenset(k[0] for k in spelling),
        known_words=frozenset(w for w in known if len(w) >= 5),
    )


@functools.lru_cache(maxsize=65536)
def typo_of(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word, one of them mistyped: the rule of
    :func:`kinerja_target.typos.is_typo`, except for a known pair of real words
    (``data/matching_confusables.csv``)."""
    if frozenset((a, b)) in vocabulary().confusables:
        return False
    return is_typo(a, b)
