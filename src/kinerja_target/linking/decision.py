"""The decision on one pair of wordings: the words that differ decide, not a threshold.

Two indicators a single word apart are different indicators (``… pemilih Perempuan``
against ``… Pemula``), and two wordings of one indicator can differ by a whole qualifier
(``… secara transparan dan akuntabel``). No threshold on one similarity score separates
the two families, so two wordings are compared on their *content words* (function words,
the satker mask and scope words such as ``Pemilu`` set aside). Differing words that are
the same word in another form (``didistribusikan``/``mendistribusikan``) or a typo of each
other are aligned. What is left decides (the first rule that applies):

* the same text: ``identical``, linked;
* a different measure word (``Jumlah`` against ``Persentase``): ``measure``, *decisive*;
* a differing target-group or negation word (``perempuan``, ``tanpa``):
  ``decisive_word``, *decisive*;
* words on both sides (a word *replaced*: ``transportasi`` against ``perkantoran``):
  ``replaced``, *decisive*;
* nothing left: ``same_words`` or ``word_forms``, linked;
* words on one side only, in one run of at most a few words (a qualifier dropped or
  added): ``qualifier_added``, linked, unless too large (``addition_too_large``) or too
  little is shared (``too_little_shared``).

A similarity weighted by how rare each word is in the corpus (:class:`Weights`: rare
words tell more) ranks the candidates and must clear a floor; a decisive rule holds
whatever the score. Every decision is a :class:`Link` that says why.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs

from .vocabulary import MASK, typo_of, vocabulary

__all__ = [
    "DECISIVE_RULES",
    "Link",
    "MatchingRules",
    "Rule",
    "Weights",
    "Wording",
    "affixed",
    "compare",
    "index_terms",
    "read_wording",
    "roots",
    "same_root",
]

# -- the words of one wording ---------------------------------------------------------------------

_GOAL_RE: Final = re.compile(r"(?:ter|me|ber)[^\W\d_]{3,}nya")
_YEAR_RE: Final = re.compile(r"(?:19|20)\d\d")
_NOT_CONTENT: Final = frozenset({"function", "scope", "generic"})
_DECISIVE_CLASSES: Final = frozenset({"target_group", "negation"})


@attrs.frozen
class Wording:
    """What the matcher reads in one normalised text."""

    text: str
    measure: str | None
    content: tuple[str, ...]  # content words in reading order, repeats kept

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.content)


@functools.lru_cache(maxsize=65536)
def read_wording(text: str) -> Wording:
    """The measure word and the content words of a normalised wording.

    The measure is the first word when it is one (``persentase``; ``penurunan jumlah``
    for a change of a measure); a goal statement (``Terwujudnya …``) is the measure
    ``goal``. Function words, scope and generic words, the satker mask and years are no
    content.
    """
    classes = vocabulary().word_class
    tokens = [t for t in text.split() if classes.get(t) != "function"]
    measure: str | None = None
    start = 0
    if tokens:
        first = tokens[0]
        second = tokens[1] if len(tokens) > 1 else ""
        if classes.get(first) == "change" and classes.get(second) == "measure":
            measure, start = f"{first} {second}", 2  # 'Penurunan jumlah'
        elif classes.get(first) == "measure":
            measure, start = first, 1
        elif _GOAL_RE.fullmatch(first):
            # 'Terwujudnya …', 'Terlaksananya …': a sasaran (goal) written where an
            # indicator should be; it has no measure to compare, so it is its own kind.
            measure, start = "goal", 1
    content = tuple(
        t
        for t in tokens[start:]
        if t != MASK and classes.get(t) not in _NOT_CONTENT and not _YEAR_RE.fullmatch(t)
    )
    return Wording(text=text, measure=measure, content=content)


_VERBAL_PREFIXES: Final = (
    ("meny", ("s",)),
    ("meng", ("", "k")),
    ("mem", ("", "p")),
    ("men", ("", "t")),
    ("me", ("",)),
    ("di", ("",)),
    ("ter", ("",)),
    ("ber", ("",)),
)
_NOMINAL_PREFIXES: Final = (
    ("peny", ("s",)),
    ("peng", ("", "k")),
    ("pem", ("", "p")),
    ("pen", ("", "t")),
    ("per", ("",)),
    ("pe", ("",)),
)


@functools.lru_cache(maxsize=65536)
def roots(word: str) -> frozenset[str]:
    """Candidate roots of an Indonesian word, for telling two forms of one word.

    Active, passive and process forms share a root: ``mendistribusikan`` /
    ``didistribusikan``, ``menyelesaikan`` / ``penyelesaian``. The agent noun ``pe-X``
    (``pemilih``, ``pemula``) is *not* reduced, and ``-an`` is only removed together with
    a prefix, so ``pemilih`` never meets ``pemilihan`` and ``pemula`` never meets ``mula``.
    """
    base = word[:-3] if word.endswith("nya") and len(word) >= 7 else word
    out: set[str] = {base}

    def add(stem: str, with_an: bool) -> None:
        if len(stem) >= 4:
            out.add(stem)
        for suffix in ("kan", "i", "an") if with_an else ("kan", "i"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                out.add(stem[: -len(suffix)])

    add(base, with_an=False)
    prefixes = _VERBAL_PREFIXES + (_NOMINAL_PREFIXES if base.endswith("an") else ())
    for prefix, restores in prefixes:
        if base.startswith(prefix) and len(base) - len(prefix) >= 3:
            rest = base[len(prefix) :]
            for restore in restores:
                add(restore + rest, with_an=True)
    return frozenset(out)


def same_root(a: str, b: str) -> bool:
    """Whether two words are one word in two forms (they share a candidate root)."""
    return bool(roots(a) & roots(b))


def affixed(a: str, b: str) -> bool:
    """One word is the other with an affix (``pemilih``/``pemilihan``): never a typo."""
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


# -- explanations ---------------------------------------------------------------------------------


Rule = Literal[
    "identical",
    "same_words",
    "word_forms",
    "qualifier_added",
    "measure",
    "decisive_word",
    "replaced",
    "addition_too_large",
    "too_little_shared",
    "one_per_satker",
    "conflicts_with_cluster",
    "ambiguous",
]

#: Rules that say two wordings are different indicators whatever their score; a cluster
#: never holds two wordings that one of these rules sets apart.
DECISIVE_RULES: Final[frozenset[str]] = frozenset({"measure", "decisive_word", "replaced"})


@attrs.frozen
class MatchingRules:
    """The knobs of the decision (``docs/linking.md`` tells how to tune them).

    ``min_score``: the weighted similarity a link must reach. ``max_added_words`` and
    ``max_added_runs``: how large a qualifier dropped or added may be (in content words,
    and in separate places in the text). ``min_shared``: content words both sides must
    share. ``near_miss``: the similarity above which a candidate pair that was not linked
    is reported as a near miss (a pair kept apart by a decisive rule always is).
    """

    min_score: float = 0.35
    max_added_words: int = 4
    max_added_runs: int = 1
    min_shared: int = 2
    near_miss: float = 0.5


@attrs.frozen
class Link:
    """Why two wordings are, or are not, the same indicator.

    ``left`` and ``right`` are normalised texts; ``shared`` the content words both have;
    ``aligned`` pairs of words taken as one word in two forms or spellings;
    ``left_only``/``right_only`` the words that differ; ``measure`` the two measure
    words; ``rule`` the rule that decided and ``linked`` the decision. ``score`` is the
    similarity weighted by how rare each word is (0 to 1).
    """

    left: str
    right: str
    score: float
    linked: bool
    rule: Rule
    shared: tuple[str, ...] = ()
    aligned: tuple[tuple[str, str], ...] = ()
    left_only: tuple[str, ...] = ()
    right_only: tuple[str, ...] = ()
    measure: tuple[str | None, str | None] = (None, None)

    @property
    def decisive(self) -> bool:
        """True when the rule sets the two apart whatever the score."""
        return self.rule in DECISIVE_RULES

    def explain(self) -> str:
        """One line in plain words."""
        verdict = "linked" if self.linked else "not linked"
        parts = [f"{verdict} by {self.rule} (score {self.score:.2f})"]
        if self.measure[0] != self.measure[1]:
            parts.append(f"measure {self.measure[0]!r} / {self.measure[1]!r}")
        if self.left_only or self.right_only:
            parts.append(f"differ: {list(self.left_only)} / {list(self.right_only)}")
        if self.aligned:
            parts.append("same word: " + ", ".join(f"{a}~{b}" for a, b in self.aligned))
        if self.shared:
            parts.append(f"shared: {' '.join(self.shared)}")
        return "; ".join(parts)

    def swapped(self) -> Link:
        """The same link read from the other side."""
        return attrs.evolve(
            self,
            left=self.right,
            right=self.left,
            aligned=tuple((b, a) for a, b in self.aligned),
            left_only=self.right_only,
            right_only=self.left_only,
            measure=(self.measure[1], self.measure[0]),
        )

    def with_rule(self, rule: Rule) -> Link:
        """The link refused by a clustering constraint (``one_per_satker``, …)."""
        return attrs.evolve(self, linked=False, rule=rule)


class Weights:
    """How much each word tells: inverse document frequency over a corpus."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for words in documents:
            n += 1
            counts.update(set(words))
        self.counts = counts
        self.n = n

    def __call__(self, word: str) -> float:
        return math.log((1 + self.n) / (1 + self.counts.get(word, 0))) + 1.0


def _runs(content: Sequence[str], extra: frozenset[str]) -> int:
    runs = 0
    inside = False
    for word in content:
        if word in extra:
            if not inside:
                runs += 1
            inside = True
        else:
            inside = False
    return runs


def compare(a: Wording, b: Wording, weight: Weights, rules: MatchingRules) -> Link:
    """The decision for one pair of wordings (see the module docstring)."""
    wa, wb = a.words, b.words
    shared = wa & wb
    left = sorted(wa - shared)
    right = sorted(wb - shared)
    aligned: list[tuple[str, str]] = []
    for relation in (same_root, typo_of):
        for x in list(left):
            for y in right:
                if relation(x, y):
                    aligned.append((x, y))
                    left.remove(x)
                    right.remove(y)
                    break
    w_shared = sum(weight(t) for t in shared)
    w_aligned = sum((weight(x) + weight(y)) / 2 for x, y in aligned)
    w_diff = sum(weight(t) for t in left) + sum(weight(t) for t in right)
    total = w_shared + w_aligned + w_diff
    score = (w_shared + w_aligned) / total if total else 1.0
    if not a.content and not b.content:
        score = 1.0 if a.measure == b.measure else 0.0

    def verdict(linked: bool, rule: Rule) -> Link:
        return Link(
            left=a.text,
            right=b.text,
            score=round(score, 4),
            linked=linked,
            rule=rule,
            shared=tuple(sorted(shared)),
            aligned=tuple(aligned),
            left_only=tuple(left),
            right_only=tuple(right),
            measure=(a.measure, b.measure),
        )

    classes = vocabulary().word_class
    if a.text == b.text:
        return verdict(True, "identical")
    if a.measure and b.measure and a.measure != b.measure:
        return verdict(False, "measure")
    if any(classes.get(t) in _DECISIVE_CLASSES for t in (*left, *right)):
        return verdict(False, "decisive_word")
    if left and right:
        return verdict(False, "replaced")
    if not left and not right:
        if len(shared) + len(aligned) < min(rules.min_shared, len(wa), len(wb)) or not (wa or wb):
            return verdict(a.measure == b.measure and not wa, "too_little_shared")
        return verdict(True, "word_forms" if aligned else "same_words")
    extra, longer = (frozenset(left), a) if left else (frozenset(right), b)
    if len(extra) > rules.max_added_words or _runs(longer.content, extra) > rules.max_added_runs:
        return verdict(False, "addition_too_large")
    shorter = len(b.words) if left else len(a.words)
    if len(shared) + len(aligned) < min(rules.min_shared, shorter) or score < rules.min_score:
        return verdict(False, "too_little_shared")
    return verdict(True, "qualifier_added")


# -- mentions and results -------------------------------------------------------------------------


def index_terms(word: str) -> frozenset[str]:
    """The terms a word is indexed under to find candidates: itself and its longer roots
    (so ``mendistribusikan`` finds ``didistribusikan``)."""
    return frozenset({word, *(r for r in roots(word) if len(r) >= 5)})
