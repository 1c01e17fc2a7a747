"""The holdout set: real target cells of documents the parser was not tuned on
(tests/data/eval_targets_holdout.jsonl, sources in tests/data/eval_targets_SOURCES.md).

The cells are scored exactly as ``benchmarks/evaluate_parse.py`` scores them (its
``evaluate`` is the one comparison), so the test and the printed figures cannot disagree.
Two rules hold the set in place while the parser changes:

* the accuracy may not fall below what the parser reached when the set was collected;
* the cells it gets wrong must all be in ``KNOWN_MISSES``: any new miss fails, and a
  known miss that starts to pass is welcome (remove it from the list).
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

NAME = "eval_targets_holdout.jsonl"

# hits / total when the set was collected: 200 of 217.
FLOOR = Fraction(200, 217)

# (raw, indicator) of every cell the parser gets wrong now. See the SOURCES file and the
# report of issue 12 for what each one should be and the rule that is missing.
KNOWN_MISSES: frozenset[tuple[str, str | None]] = frozenset(
    {
        # a compound whose first unit has words after it, then "dan" and a known unit
        (
            "15 jenis belanja cetak dan 4.559 lbr belanja penggandaan",
            "Jumlah cetakan blangko surat dan lain-lain",
        ),
        # a second "<number> <unit>" after "&" inside what is read as the note
        (
            "75 Orang Peserta & 4 Orang Yang menjadi Duta Anti Narkoba",
            "Terpilihnya Duta Anti Narkoba Kota Metro",
        ),
        (
            "30 orang Peserta Tingkat Kota & 2 Orang Peserta Tingkat Provinsi",
            "Jumlah calon paskibraka tingkat SMA/ SMK/ MA",
        ),
        # "berita acara" (minutes) read as the unit "berita" (news) with the note "Acara"
        ("1 Berita Acara", "Jumlah Berita Acara Konsultasi Publik"),
        ("1 Berita Acara", "Jumlah Berita Acara Musrenbang Kabupaten/Kota"),
        # a zero in the budget column of a Persentase row, read as 0 %
        (
            "0.00",
            "Persentase Perangkat Daerah yang Kinerjanya\n(Tujuan dan Sasaran Renstra) Tercapai",
        ),
        # words of news prose before the value that are not filler words yet
        (
            "mencapai angka 82 persen",
            "Tingkat partisipasi pemilih dalam Pilkada Serentak Nasional 2024",
        ),
        ("naik 2,75 persen", "Kenaikan tingkat partisipasi pemilih"),
        ("menembus 83,3 persen", "Jumlah pengguna hak suara"),
        ("baru mencapai 69 persen", "Tingkat partisipasi nasional dalam Pilkada"),
        ("hampir Rp 1 milyar", "Anggaran sengketa di MK"),
        ("kisaran 22 persen", "Capaian tracer study Unkhair"),
        ("ada 32 perkara", "Perkara yang lanjut ke sidang pemeriksaan lanjutan"),
        # a whole value in brackets
        (
            "(99,25 persen)",
            "Partisipasi pemilih tertinggi dalam pemilihan bupati: Pegunungan Arfak",
        ),
        # a dashed blank before a unit in a form to fill in
        ("-----orang", "Rasio personil Satpol PP terhadap jumlah penduduk"),
        # OCR damage: "level" read as "I vel"; the digits of a percent lost, its words kept
        ("I vel 3", "Kapabilitas Aparat Pengawasan Intern Pemerintah"),
        (
            "% (delapan puluh lima persen)",
            "Kapabilitas Aparat Pengawasan Intern Pemerintah level 3",
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
    assert len(CASES) >= 200
    assert len({entry["source"] for entry in CASES}) >= 20
    for entry in CASES:
        assert entry["role"] in ROLES, entry
        assert entry["source_kind"] in SOURCE_KINDS, entry
        assert entry["expect"].get("kind") or entry["expect"].get("error"), entry


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


def test_the_comparison_can_fail() -> None:
    # The scoring must notice a wrong value, unit and kind, or the floor means nothing.
    entry = {"raw": "12 Lap", "expect": {"kind": "quantity", "value": "13", "unit": "dokumen"}}
    (outcome,) = evaluate([(1, entry)])
    assert len(outcome.diffs) == 2
    (outcome,) = evaluate([(1, {"raw": "12 Lap", "expect": {"error": True}})])
    assert not outcome.ok
