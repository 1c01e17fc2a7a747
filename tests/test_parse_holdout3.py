"""The third holdout set: real target cells of documents none of the other sets saw
(tests/data/eval_targets_holdout3.jsonl, sources in tests/data/eval_targets_SOURCES.md,
section ``eval_targets_holdout3.jsonl``).

Same design as ``tests/test_parse_holdout2.py``: the cells are scored by
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

NAME = "eval_targets_holdout3.jsonl"

# hits / total when the set was collected (after the rules of docs/decisions/0012).
# 176 once a leading code of the wording, list numbers, "kurang lebih", "per seribu"
# and opening hours were read (docs/decisions/0012).
FLOOR = Fraction(176, 177)

_IKU_1_1 = (
    "[IKU 1.1] Persentase lulusan S1 dan D4/D3/D2 yang berhasil mendapat pekerjaan; "
    "melanjutkan studi; atau menjadi wiraswasta."
)
_IKU_1_2 = (
    "[IKU 1.2] Persentase mahasiswa S1 dan D4/D3/D2 yang menghabiskan paling sedikit 20 "
    "(dua puluh) sks di luar kampus; atau meraih prestasi paling rendah tingkat nasional."
)
_IKU_2_1 = (
    "[IKU 2.1] Persentase dosen yang berkegiatan tridarma di kampus lain, di QS100 "
    "berdasarkan bidang ilmu (QS100 by subject), bekerja sebagai praktisi di dunia "
    "industri, atau membina mahasiswa yang berhasil meraih prestasi paling rendah tingkat "
    "nasional dalam 5 (lima) tahun terakhir."
)
_IKU_2_2 = (
    "[IKU 2.2] Persentase dosen tetap berkualifikasi akademik S3; memiliki sertifikat "
    "kompetensi/profesi yang diakui oleh industri dan dunia kerja; atau berasal dari "
    "kalangan praktisi profesional, dunia industri, atau dunia kerja."
)
_IKU_3_1 = (
    "[IKU 3.1] Persentase program studi S1 dan D4/D3/D2 yang melaksanakan kerja sama dengan mitra."
)
_IKU_3_2 = (
    "[IKU 3.2] Persentase mata kuliah S1 dan D4/D3/D2 yang menggunakan metode "
    "pembelajaran pemecahan kasus (case method) atau pembelajaran kelompok berbasis "
    "projek (team-based project) sebagai sebagian bobot evaluasi."
)
_IKU_3_3 = (
    "[IKU 3.3] Persentase program studi S1 dan D4/D3/D2 yang memiliki akreditasi atau "
    "sertifikat internasional yang diakui pemerintah."
)

# (raw, indicator) of every cell the parser gets wrong now.
KNOWN_MISSES: frozenset[tuple[str, str | None]] = frozenset(
    {
        # a list number and ONE space before the value ("1. 24jam"): read as 1,24 jam,
        # flagged ambiguous_separator; "1. 24" may as well be a decimal a line broke
        ("1. 24jam", "Jam buka pelayanan Gawat Darurat"),
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
