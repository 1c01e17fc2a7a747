"""Spelling learned from the corpus being linked.

At national scale the right spelling of a word is the common one: a rare word one edit
from a word at least ``ratio`` times as common is taken for a typo of it (``pegawwai`` →
``pegawai``), and two adjacent pieces whose concatenation is a common word are joined
(``transpor tasi`` → ``transportasi``, a line break that lost its hyphen). Words are
counted once per satker and wording, so one satker repeating a typo does not make it
common.

A correction needs evidence beyond the counts, since in a small corpus a real word can
be rarer than its neighbour in spelling (``tepat waktu`` written once, ``tempat
pemungutan suara`` three times; ``docs/decisions/0111``):

* a word the vocabulary spells right (:attr:`~.vocabulary.Vocabulary.known_words`) is
  never corrected;
* a word is corrected only towards one at least ``ratio`` times as common, so a word
  common in the corpus keeps its spelling;
* the correction must stand where the word stands: the two share a neighbour (the word
  before or after) somewhere in the corpus, or in a phrase of the spelling and
  abbreviation tables. A typo keeps its context (``pegawwai negeri`` / ``pegawai
  negeri``); a different word brings its own (``tepat waktu`` / ``tempat pemungutan
  suara``).
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..typos import edit_limit
from .decision import affixed
from .normalize import apply_spelling
from .vocabulary import MASK, typo_of, vocabulary

__all__ = ["Corrector"]

_EDGE = ""  # the neighbour of a wording's first and last word


@functools.cache
def _table_phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases of the spelling and abbreviation tables, as contexts of their words."""
    vocab = vocabulary()
    phrases = {*vocab.spelling, *vocab.spelling.values()}
    phrases.update(expansion for expansion, _case in vocab.abbreviations.values())
    return tuple(sorted(p for p in phrases if len(p) > 1))


class Corrector:
    """The spelling of one corpus: call it on a normalised text to correct it.

    ``documents`` are the word lists of the corpus's distinct (satker, wording) pairs.
    """

    def __init__(
        self, documents: Sequence[Sequence[str]], *, min_count: int = 3, ratio: int = 3
    ) -> None:
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        counts: Counter[str] = Counter()
        bigrams: Counter[tuple[str, str]] = Counter()
        before: dict[str, set[str]] = defaultdict(set)
        after: dict[str, set[str]] = defaultdict(set)
        for words in documents:
            counts.update(set(words))
            bigrams.update(set(itertools.pairwise(words)))
            padded = [_EDGE, *words, _EDGE]
            for left, word, right in zip(padded, padded[1:], padded[2:], strict=False):
                before[word].add(left)
                after[word].add(right)
        seen = set(counts)
        vocab = vocabulary()
        known = vocab.known_words
        # Words the tables know to be right count as common, so that a typo of a word
        # the normaliser rewrites ('beerjalan' for 'berjalan') can still be mended; the
        # phrases they stand in give them a context ('berjalan dengan baik').
        for word in known:
            counts[word] = max(counts[word], min_count)
        for phrase in _table_phrases():
            padded = [_EDGE, *phrase, _EDGE]
            for left, word, right in zip(padded, padded[1:], padded[2:], strict=False):
                before[word].add(left)
                after[word].add(right)
        self.joins = {
            pair: pair[0] + pair[1]
            for pair, count in bigrams.items()
            if counts.get(pair[0] + pair[1], 0) >= max(min_count, ratio * count)
        }
        common = sorted(
            w for w, c in counts.items() if c >= min_count and len(w) >= 5 and not w.isdigit()
        )

        def same_place(word: str, candidate: str) -> bool:
            return bool(
                (before[word] & before[candidate]) - {_EDGE}
                or (after[word] & after[candidate]) - {_EDGE}
            )

        self.fix: dict[str, str] = {}
        for word in sorted(seen):
            count = counts[word]
            if len(word) < 5 or word.isdigit() or word == MASK or not common:
                continue
            if word in known:
                continue
            limit = edit_limit(word)
            found = process.extract(
                word, common, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None
            )
            best: tuple[int, int, str] | None = None
            for candidate, distance, _index in found:
                if candidate == word or counts[candidate] < ratio * count:
                    continue
                if not typo_of(word, candidate) or affixed(word, candidate):
                    continue
                if not same_place(word, candidate):
                    continue
                key = (int(distance), -counts[candidate], candidate)
                if best is None or key < best:
                    best = key
            if best is not None:
                self.fix[word] = best[2]

    def __call__(self, text: str) -> str:
        if not self.fix and not self.joins:
            return text
        words = text.split()
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = (words[i], words[i + 1]) if i + 1 < len(words) else None
            if pair is not None and pair in self.joins:
                out.append(self.joins[pair])
                i += 2
            else:
                out.append(self.fix.get(words[i], words[i]))
                i += 1
        # a corrected word may complete a phrase of the spelling table ('berjalan dengan baik')
        return " ".join(apply_spelling(out))
