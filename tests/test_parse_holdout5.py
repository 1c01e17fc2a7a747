"""The fifth holdout set: real target cells of documents none of the other sets saw
(tests/data/eval_targets_holdout5.jsonl, sources in tests/data/eval_targets_SOURCES.md,
section ``eval_targets_holdout5.jsonl``).

Same design as ``tests/test_parse_holdout4.py``: the cells are scored by
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

NAME = "eval_targets_holdout5.jsonl"

# hits / total when the set was collected (before any rule it suggests).
FLOOR = Fraction(53, 66)

_POLRI_COUNTS = "Perbandingan tingkat kepuasan masyarakat terhadap Polri"
_SPKT_COUNTS = "Data Tingkat Kepuasan Masyarakat SPKT Polda Jateng dan SPKT Jajaran"

# (raw, indicator) of every cell the parser gets wrong now.
KNOWN_MISSES: frozenset[tuple[str, str | None]] = frozenset(
    {
        # counts of respondents with a thousands dot under a kepuasan wording, read as an
        # IKM value with three decimals (with an ambiguous_separator warning); doubtful
        *((count, _POLRI_COUNTS) for count in ("17.457", "10.688", "31.991", "3.230")),
        *((count, _SPKT_COUNTS) for count in ("3.351", "1.924", "1.288", "1.493", "1.085")),
        # a weight written after a label and a colon ("Nilai : 20%"): an error, not 20%
        ("Nilai : 20%", "Penyajian Laporan Keuangan, Pengelolaan Kas serta Penyajian Laporan BMD"),
        (
            "Nilai : 10%",
            "Kesesuaian IKU, RENJA, RESTRA, Capaian Outcome, Impact dan Benefit serta Laporan"
            " Kesesuaian Sistematika Penulisan",
        ),
        ("Nilai : 15%", "Perencanaan (Kesesuaian antara Kebutuhan dan Penggunaan/Permintaan)"),
        (
            "Nilai : 5%",
            "Pencapaian target triwulan, Kepatuhan penatausaahaan dokumen PAD, Pelaporan tepat"
            " waktu dan rekon (tepat angka)",
        ),
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
    assert len(CASES) >= 60
    assert len({entry["source"] for entry in CASES}) >= 4
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
            "eval_targets_holdout4.jsonl",
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
