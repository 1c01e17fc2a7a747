"""Property tests of normalising and linking (hypothesis)."""

from __future__ import annotations

import csv
import functools
import random
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_target.matching import LinkResult, Mention, link_indicators, normalize_indicator
from kinerja_target.places import gazetteer

DATA = Path(__file__).parent / "data"


def _gold() -> list[Mention]:
    with (DATA / "seed_indicators.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [Mention(satker=r[2], text=r[4]) for r in reader]


def _satker_names() -> list[str]:
    level = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
    return [f"KPU {level[p.level]} {p.name}" for p in gazetteer()]


GOLD = _gold()
SATKERS = [s for s in _satker_names() if s not in {m.satker for m in GOLD}]
WORDS = sorted({w for m in GOLD for w in m.text.split()})

# Text made of the words the matcher cares about, glued with the punctuation it meets.
indicator_like = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(["KPU", "Kota", "Kab/Kota", "Provinsi", "se-Maluku", "(BMN)", "(lima)"]),
        st.sampled_from(["Kupang", "Kota Baru", "Sekretariat", "Set.", "Kabuptaen", "satker"]),
        st.sampled_from(["KIP", "RI", "TI", "ti", "data base", "tindak lanjut", "pro-", "vinsi"]),
        st.sampled_from(["<i>", "</i>", "-", "/", ",", ".", "(", ")", "&amp;", "logis-", "tik"]),
        st.text(max_size=8),
    ),
    max_size=25,
).map(" ".join)


@given(indicator_like)
@settings(max_examples=300, deadline=None)
def test_normalising_is_idempotent(text: str) -> None:
    once = normalize_indicator(text)
    assert normalize_indicator(once) == once


@given(st.sampled_from(GOLD), st.sampled_from(SATKERS))
@settings(max_examples=100, deadline=None)
def test_normalising_masks_any_satker_name(mention: Mention, satker: str) -> None:
    renamed = _rename(mention.text, satker)
    assert normalize_indicator(renamed) == normalize_indicator(mention.text)


_SEED_NAME = re.compile(
    r"(?:KPU\s+)?(?:Kota|Provinsi)\s+(?:Ambon|Pontianak|Kupang|Maluku|Kalimantan\s+Timur)"
    r"|[Ss]e-?(?:Maluku|Kalimantan\s+Timur)",
    re.IGNORECASE,
)


def _rename(text: str, satker: str) -> str:
    return _SEED_NAME.sub(satker, text)


def _partition(labels: tuple[int, ...]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(label, set()).add(position)
    return {frozenset(g) for g in groups.values()}


@given(st.randoms(use_true_random=False), st.integers(min_value=20, max_value=80))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_linking_does_not_depend_on_the_order_of_mentions(rng: random.Random, size: int) -> None:
    sample = rng.sample(GOLD, size)
    shuffled = list(range(size))
    rng.shuffle(shuffled)
    first = link_indicators(sample)
    second = link_indicators([sample[i] for i in shuffled])
    # mention shuffled[k] of the first run is mention k of the second
    assert [first.labels[i] for i in shuffled] == list(second.labels)
    assert [c.canonical for c in first.clusters] == [c.canonical for c in second.clusters]
    assert first.links == second.links
    assert first.near_misses == second.near_misses


NAMED = [n for n, m in enumerate(GOLD) if _SEED_NAME.search(m.text)]


@functools.cache
def _linked_gold() -> LinkResult:
    return link_indicators(GOLD)


@given(st.sampled_from(NAMED), st.sampled_from(SATKERS))
@settings(max_examples=25, deadline=None)
def test_a_mention_renamed_to_another_satker_links_to_the_same_cluster(
    position: int, satker: str
) -> None:
    original = _linked_gold()
    mention = GOLD[position]
    renamed = Mention(satker=satker, text=_rename(mention.text, satker))
    corpus = [*GOLD[:position], renamed, *GOLD[position + 1 :]]
    result = link_indicators(corpus)
    mates = {n for n, label in enumerate(original.labels) if label == original.labels[position]}
    now = {n for n, label in enumerate(result.labels) if label == result.labels[position]}
    assert now == mates
