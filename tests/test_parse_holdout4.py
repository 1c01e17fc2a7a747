"""The fourth holdout set: real target cells of documents none of the other sets saw
(tests/data/eval_targets_holdout4.jsonl, sources in tests/data/eval_targets_SOURCES.md,
section ``eval_targets_holdout4.jsonl``).

Same design as ``tests/test_parse_holdout3.py``: the cells are scored by
``benchmarks/evaluate_parse.py``'s ``evaluate`` (one comparison for the test and the printed
figures), the accuracy may not fall below what the parser reached when the set was
collected, and every cell it gets wrong must be in ``KNOWN_MISSES``, so that any new miss
fails while a known miss that starts to pass is welcome (remove it from the list and raise
the floor).
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from conftest import read_jsonl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from evaluate_parse import Outcome, evaluate

NAME = "eval_targets_holdout4.jsonl"

# hits / total: 282 of 321 when the set was collected, 310 once rates per a base, "> =",
# a leading "=", fillers, form blanks with "…" and numbers in words without brackets
# were read (docs/decisions/0012).
FLOOR = Fraction(310, 321)

_CAKUPAN_KN1 = "1. Cakupan kunjungan neonatal pertama (KN1)"
_RSI_BANDS = "Tabel Konversi Nilai Indikator ke Indeks (Skala 1-5) Road Safety Indeks (RSI)"

# (raw, indicator) of every cell the parser gets wrong now, each of them doubtful.
KNOWN_MISSES: frozenset[tuple[str, str | None]] = frozenset(
    {
        # a "Cakupan" (coverage) wording's bare number: a number, as the second holdout's
        # "Cakupan Stabilitas Keamanan ... 80.00" (not doubtful) says
        *(("92", _CAKUPAN_KN1), ("95", _CAKUPAN_KN1), ("97", _CAKUPAN_KN1)),
        *(("99", _CAKUPAN_KN1), ("100", _CAKUPAN_KN1)),
        # a band open at its upper end ("1,0 - < 2,0"): a conversion table, not a target
        *((band, _RSI_BANDS) for band in ("1,0 - < 2,0", "2,0 - < 3,0")),
        *((band, _RSI_BANDS) for band in ("3,0 - < 4.0", "4,0 - < 4.5")),
        # a figure with its note on the lines below it
        ("0,269\nBPS tidak\nmelakukan\npenghitungan", "Indeks Gini"),
        # "sd" bounding the scope ("up to five plots"), read as a range of two units
        ("15 Hari sd 5 bidang", "Jangka waktu pelayanan Pemecahan Sertifikat – Perorangan"),
    }
)

ROLES = {"target", "realisasi", "capaian", "baseline", "other"}
SOURCE_KINDS = {"kpu", "pemda", "other"}

CASES: list[dict[str, Any]] = read_jsonl(NAME)


def _key(entry: dict[str, Any]) -> tuple[str, str | None]:
    return entry["raw"], entry.get("indicator")


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate(enumerate(CASES, start=1))


def test_the_set_is_there() -> None:
    assert len(CASES) >= 150
    assert len({entry["source"] for entry in CASES}) >= 8
    for entry in CASES:
        assert entry["role"] in ROLES, entry
        assert entry["source_kind"] in SOURCE_KINDS, entry
        assert entry["expect"].get("kind") or entry["expect"].get("error"), entry


def test_the_set_is_new() -> None:
    # A holdout is only worth its name if its cells are not cells of the other sets.
    seen = {
        (entry["raw"], entry.get("indicator"))
        for name in (
            "eval_targets.jsonl",
            "eval_targets_pemda.jsonl",
            "eval_targets_holdout.jsonl",
            "eval_targets_holdout2.jsonl",
            "eval_targets_holdout3.jsonl",
        )
        for entry in read_jsonl(name)
    }
    assert not {_key(entry) for entry in CASES} & seen


def test_each_cell_is_there_once() -> None:
    keys = [_key(entry) for entry in CASES]
    assert len(keys) == len(set(keys))


def test_known_misses_are_cells_of_the_set() -> None:
    # A stale entry would let a new miss of the same text slip through unnoticed.
    assert {_key(entry) for entry in CASES} >= KNOWN_MISSES


def test_no_new_miss(outcomes: list[Outcome]) -> None:
    wrong = {_key(outcome.entry) for outcome in outcomes if not outcome.ok}
    new = sorted(wrong - KNOWN_MISSES, key=repr)
    assert not new, f"cells the parser now gets wrong: {new}"


def test_accuracy_does_not_fall(outcomes: list[Outcome]) -> None:
    hits = sum(outcome.ok for outcome in outcomes)
    assert Fraction(hits, len(outcomes)) >= FLOOR, f"{hits}/{len(outcomes)}"
