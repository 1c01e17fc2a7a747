"""Linking a corpus of indicator mentions: :func:`link_indicators`.

Candidates come from an inverted index on each wording's rarest words (so a national
corpus is not compared pair by pair); each candidate pair is decided by
:func:`~.decision.compare`; links are taken best first, and clusters are grown under two
constraints: no decisive difference inside a cluster, and one indicator per satker (a
satker's own repeated mentions join the same cluster only when they are the same
indicator). A wording that links to two wordings a decisive rule apart is *ambiguous* and
kept apart from both.

Every link and near miss carries its explanation, and :meth:`LinkResult.explain` reads
any pair of mentions as the run did: with the run's corrected spelling and its word
weights (``docs/decisions/0112``).
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .decision import (
    Link,
    MatchingRules,
    Rule,
    Weights,
    Wording,
    compare,
    index_terms,
    read_wording,
)
from .normalize import normalize_indicator
from .spelling import Corrector

__all__ = ["Cluster", "LinkResult", "Mention", "MentionLike", "link_indicators"]


@attrs.frozen
class Mention:
    """One indicator as one satker wrote it: its ``satker``, its ``text``, and optionally
    an ``id`` of the caller's choosing and the ``target`` cell beside it."""

    satker: str
    text: str
    id: str | None = None
    target: str | None = None


MentionLike = Mention | tuple[str, str]


def _as_mention(item: MentionLike) -> Mention:
    if isinstance(item, Mention):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        return Mention(satker=str(item[0]), text=str(item[1]))
    raise TypeError(f"a mention is a Mention or a (satker, text) pair, not {item!r}")


@attrs.frozen
class Cluster:
    """One indicator: the mentions that measure the same thing.

    ``id`` is the cluster's number (its place in ``LinkResult.clusters``); ``canonical``
    the normalised wording most satker use; ``members`` the input positions of its
    mentions in input order; ``satkers`` the satker it spans; ``texts`` its distinct
    normalised wordings. ``confidence`` is the score of the weakest link that built it
    (1.0 when all its mentions read the same once normalised).
    """

    id: int
    canonical: str
    members: tuple[int, ...]
    satkers: tuple[str, ...]
    texts: tuple[str, ...]
    confidence: float


@attrs.frozen
class LinkResult:
    """The outcome of :func:`link_indicators`.

    ``labels[i]`` is the cluster id of ``mentions[i]``; ``clusters`` lists the clusters by
    id; ``links`` explains every link that joined two wordings into a cluster and
    ``near_misses`` every pair of wordings that came close but stayed apart.
    """

    mentions: tuple[Mention, ...]
    labels: tuple[int, ...]
    clusters: tuple[Cluster, ...]
    links: tuple[Link, ...] = attrs.field(repr=False)
    near_misses: tuple[Link, ...] = attrs.field(repr=False)
    rules: MatchingRules = attrs.field(repr=False, factory=MatchingRules)
    # the run's reading of the corpus, so that explain() reads a pair as the run did
    _reading: _Reading | None = attrs.field(
        default=None, repr=False, eq=False, kw_only=True, alias="_reading"
    )

    def cluster_of(self, index: int) -> Cluster:
        """The cluster of the mention at input position ``index``."""
        return self.clusters[self.labels[index]]

    def wording_of(self, index: int) -> str:
        """The wording of the mention at position ``index`` as the run compared it: its
        normalised text with the spelling learned from the corpus (what a :class:`Link`
        calls ``left`` or ``right``)."""
        return self._read().match_keys[index]

    def _read(self) -> _Reading:
        return self._reading if self._reading is not None else _Reading.of(self.mentions)

    def explain(self, i: int, j: int) -> Link:
        """How the decision rule reads the mentions at positions ``i`` and ``j``.

        The two wordings are read as the run read them (the spelling it learned from the
        corpus, the weights of its words), so a pair the run decided gets the same score
        and rule here. This compares the two wordings directly; two mentions can share a
        cluster through a chain of links even when their direct comparison is not a link.
        """
        reading = self._read()
        a, b = reading.wording(i), reading.wording(j)
        return compare(a, b, reading.weights, self.rules)


@attrs.frozen
class _Reading:
    """How a run reads its corpus: each mention's normalised wording (``keys``), the same
    with the spelling learned from the corpus (``match_keys``), and the weight of each
    word over the corpus's distinct (satker, wording) pairs."""

    keys: tuple[str, ...]
    match_keys: tuple[str, ...]
    weights: Weights

    @classmethod
    def of(cls, items: Sequence[Mention]) -> _Reading:
        keys = tuple(normalize_indicator(m.text, satker=m.satker) for m in items)
        # Spelling learned from the corpus, counted once per satker and wording.
        satker_forms = sorted({(m.satker, k) for m, k in zip(items, keys, strict=True)})
        corrector = Corrector([key.split() for _satker, key in satker_forms])
        match_keys = tuple(corrector(k) for k in keys)
        distinct = sorted({(m.satker, k) for m, k in zip(items, match_keys, strict=True)})
        weights = Weights(read_wording(key).content for _satker, key in distinct)
        return cls(keys=keys, match_keys=match_keys, weights=weights)

    def wording(self, position: int) -> Wording:
        return read_wording(self.match_keys[position])


# -- linking ------------------------------------------------------------------------------------


class _Clusters:
    """Union of wordings under the two constraints of the module docstring."""

    #: how many of a cluster's most used wordings speak for it when merging
    representatives = 4

    def __init__(
        self,
        texts: Sequence[str],
        satkers: Sequence[frozenset[str]],
        decide: Any,
    ) -> None:
        self.parent = list(range(len(texts)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
        self.by_satker: dict[int, dict[str, list[int]]] = {
            i: {s: [i] for s in satkers[i]} for i in range(len(texts))
        }
        self.size = [len(s) for s in satkers]
        self.total = list(self.size)
        self.top: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
        self.version = [0] * len(texts)
        self.refused: dict[tuple[int, int, int, int], Rule] = {}
        self.decide = decide

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _representatives(self, root: int) -> list[int]:
        # The wordings that carry the cluster: a wording one satker in a hundred uses
        # (often with a typo left in it) does not get to veto a merge.
        top, total = self.top[root], self.total[root]
        return [m for n, m in enumerate(top) if n == 0 or self.size[m] * 10 >= total]

    def try_union(self, i: int, j: int) -> Rule | None:
        """Join the clusters of wordings ``i`` and ``j``; the refusing rule, if any."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        if ri > rj:
            ri, rj = rj, ri
        # Many links can join the same two clusters; a refusal holds until one changes.
        key = (ri, self.version[ri], rj, self.version[rj])
        if key in self.refused:
            return self.refused[key]
        rule = self._refusal(ri, rj)
        if rule is not None:
            self.refused[key] = rule
            return rule
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.version[ri] += 1
        self.members[ri].extend(self.members.pop(rj))
        merged = self.by_satker[ri]
        for satker, forms in self.by_satker.pop(rj).items():
            merged.setdefault(satker, []).extend(forms)
        ranked = sorted({*self.top[ri], *self.top.pop(rj)}, key=lambda m: (-self.size[m], m))
        self.top[ri] = ranked[: self.representatives]
        self.total[ri] += self.total[rj]
        return None

    def _refusal(self, ri: int, rj: int) -> Rule | None:
        si, sj = self.by_satker[ri], self.by_satker[rj]
        small, large = (si, sj) if len(si) <= len(sj) else (sj, si)
        for satker, forms in small.items():
            others = large.get(satker)
            if others and not all(self.decide(f, g).linked for f in forms for g in others):
                return "one_per_satker"
        for f in self._representatives(ri):
            for g in self._representatives(rj):
                if self.decide(f, g).decisive:
                    return "conflicts_with_cluster"
        return None


def link_indicators(
    mentions: Iterable[MentionLike],
    *,
    rules: MatchingRules | None = None,
) -> LinkResult:
    """Cluster indicator mentions that measure the same thing across satker.

    ``mentions`` are :class:`Mention` objects or ``(satker, text)`` pairs. The result's
    ``labels`` give one cluster id per mention in input order; its ``clusters``, ``links``
    and ``near_misses`` explain the decision. The outcome does not depend on the order of
    the mentions.

    >>> r = link_indicators([
    ...     ("KPU Provinsi Maluku", "Persentase sarana transportasi yang berfungsi dengan baik"),
    ...     ("KPU Kota Kupang", "Presentase sarana transportasi yang berjalan dengan baik"),
    ...     ("KPU Kota Kupang", "Persentase fasilitas perkantoran yang berfungsi dengan baik"),
    ... ])
    >>> r.labels
    (1, 1, 0)
    >>> r.explain(0, 2).rule
    'replaced'
    """
    rules = rules or MatchingRules()
    items = tuple(_as_mention(m) for m in mentions)
    reading = _Reading.of(items)
    keys, match_keys, weights = reading.keys, reading.match_keys, reading.weights

    texts = sorted(set(match_keys))
    index = {t: n for n, t in enumerate(texts)}
    wordings = [read_wording(t) for t in texts]
    satkers_of: list[set[str]] = [set() for _ in texts]
    mentions_of: list[list[int]] = [[] for _ in texts]
    for position, (mention, key) in enumerate(zip(items, match_keys, strict=True)):
        satkers_of[index[key]].add(mention.satker)
        mentions_of[index[key]].append(position)

    @functools.cache
    def decide(i: int, j: int) -> Link:
        if i > j:
            return decide(j, i).swapped()
        return compare(wordings[i], wordings[j], weights, rules)

    candidates = _candidate_pairs(wordings)
    verdicts = [decide(i, j) for i, j in candidates]

    frozen_satkers = [frozenset(s) for s in satkers_of]

    def tier(i: int, j: int) -> int:
        # Links between satker first: a satker's own second wording joins a cluster only
        # after the other satker have had their say.
        alone = len(frozen_satkers[i]) == 1 and frozen_satkers[i] == frozen_satkers[j]
        return 1 if alone else 0

    linked_pairs = [(i, j) for (i, j), v in zip(candidates, verdicts, strict=True) if v.linked]
    ambiguous = _ambiguous(linked_pairs, [len(s) for s in frozen_satkers], decide)
    order = sorted(
        (tier(i, j), -decide(i, j).score, texts[i], texts[j], i, j) for i, j in linked_pairs
    )
    clusters = _Clusters(texts, frozen_satkers, decide)
    links: list[Link] = []
    near: list[Link] = []
    weakest: dict[int, float] = {}
    for _tier, _score, _a, _b, i, j in order:
        link = decide(i, j)
        if i in ambiguous or j in ambiguous:
            near.append(link.with_rule("ambiguous"))
            continue
        refused = clusters.try_union(i, j)
        if refused is None:
            if clusters.find(i) == clusters.find(j):
                links.append(link)
        else:
            near.append(link.with_rule(refused))
    for v in verdicts:
        # a candidate kept apart by a decisive word is a near miss whatever its score
        if not v.linked and (v.decisive or v.score >= rules.near_miss):
            near.append(v)
    for link in links:
        root = clusters.find(index[link.left])
        weakest[root] = min(weakest.get(root, 1.0), link.score)

    # Clusters numbered by their canonical wording, so ids do not depend on input order.
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(texts)):
        groups[clusters.find(n)].append(n)
    display: dict[int, str] = {}
    for root, forms in groups.items():
        # the wording most satker use, as normalised (before the corpus spelling)
        users: dict[str, set[str]] = defaultdict(set)
        for form in forms:
            for position in mentions_of[form]:
                users[keys[position]].add(items[position].satker)
        display[root] = min(users, key=lambda t: (-len(users[t]), len(t), t))
    roots = sorted(groups, key=lambda r: (display[r], min(texts[f] for f in groups[r])))
    number = {root: n for n, root in enumerate(roots)}
    labels = tuple(number[clusters.find(index[k])] for k in match_keys)
    built: list[Cluster] = []
    for root in roots:
        forms = groups[root]
        members = tuple(sorted(p for f in forms for p in mentions_of[f]))
        built.append(
            Cluster(
                id=number[root],
                canonical=display[root],
                members=members,
                satkers=tuple(sorted({items[p].satker for p in members})),
                texts=tuple(sorted({keys[p] for p in members})),
                confidence=round(weakest.get(root, 1.0), 4),
            )
        )
    near.sort(key=lambda v: (-v.score, v.left, v.right))
    links.sort(key=lambda v: (v.left, v.right))
    return LinkResult(
        mentions=items,
        labels=labels,
        clusters=tuple(built),
        links=tuple(links),
        near_misses=tuple(near),
        rules=rules,
        _reading=reading,
    )


def _ambiguous(
    linked: Sequence[tuple[int, int]], size: Sequence[int], decide: Any, *, anchors: int = 8
) -> frozenset[int]:
    """Wordings that link to two indicators a decisive word apart.

    A short wording can be contained in two longer ones that are different indicators
    (``informasi … ditampilkan di media publikasi`` in both ``penyampaian informasi …``
    and ``informasi … paling lambat 1 hari kerja``). Nothing in its words says which one
    it is, so it is kept apart from both rather than guessed. Only neighbours used by
    at least as many satker are weighed (up to ``anchors`` of them): a wording is not
    made ambiguous by the typo variants around it.
    """
    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in linked:
        if decide(i, j).rule == "identical":
            continue
        neighbours[i].append(j)
        neighbours[j].append(i)
    out: set[int] = set()
    for form, others in neighbours.items():
        strong = sorted(
            (o for o in others if size[o] >= size[form]),
            key=lambda o: (-size[o], -decide(form, o).score, o),
        )[:anchors]
        if any(decide(g, h).decisive for g, h in itertools.combinations(sorted(strong), 2)):
            out.add(form)
    return frozenset(out)


def _candidate_pairs(wordings: Sequence[Wording], *, per_wording: int = 4) -> list[tuple[int, int]]:
    """Pairs of wordings worth comparing: those that share one of their rarest words.

    An inverted index keeps a national corpus from being compared pair by pair. Each
    word is indexed with its roots, so ``mendistribusikan`` finds ``didistribusikan``;
    each wording looks up only its rarest words, since a link allows only a few
    differing words and the rare words are the ones two wordings of one indicator share.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for n, wording in enumerate(wordings):
        for term in set().union(*(index_terms(w) for w in wording.words)):
            postings[term].append(n)
    frequency: Counter[str] = Counter(w for wording in wordings for w in wording.words)
    pairs: set[tuple[int, int]] = set()
    for n, wording in enumerate(wordings):
        rarest = sorted(wording.words, key=lambda w: (frequency[w], w))[:per_wording]
        for word in rarest:
            for term in index_terms(word):
                for other in postings[term]:
                    if other != n:
                        pairs.add((min(n, other), max(n, other)))
    return sorted(pairs)
