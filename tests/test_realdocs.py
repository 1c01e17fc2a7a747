"""The shared real Renstra table, read in place from every container it comes in.

``../shared/realdocs/`` holds one real table (Kabupaten Sumedang, Permendagri 86/2017
form) as HTML, its CSV export, a Word conversion and a printed PDF, with a hand-checked
gold of 56 (indicator, target, year column) lines. Each container must give all of them
and nothing more (``benchmarks/evaluate_realdocs.py`` prints the same figures).
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from conftest import REALDOCS
from kinerja_target.documents import Row, read_document

STEM = "sumedang_renstra_diskominfo"
Key = tuple[str, str, str]


def _period(text: str) -> str:
    low = " ".join(text.split()).lower()
    return "akhir" if "akhir" in low else low


def _gold() -> Counter[Key]:
    with (REALDOCS / f"{STEM}.gold.tsv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return Counter(
            (" ".join(r["indicator"].split()), r["target"].strip(), _period(r["year"]))
            for r in reader
        )


def _key(row: Row) -> Key:
    period = str(row.year) if row.year is not None else row.period or ""
    return (" ".join(row.indicator.split()), row.target_raw.strip(), _period(period))


@pytest.fixture(scope="module")
def gold() -> Counter[Key]:
    if not (REALDOCS / f"{STEM}.gold.tsv").is_file():
        pytest.skip(f"the shared real documents are not beside the checkout ({REALDOCS})")
    return _gold()


@pytest.mark.parametrize("suffix", [".csv", ".html", ".docx", ".pdf"])
def test_the_real_renstra_reads_whole_from_every_container(gold: Counter[Key], suffix: str) -> None:
    rows = read_document(REALDOCS / f"{STEM}{suffix}")
    read = Counter(_key(r) for r in rows)
    assert sum((gold - read).values()) <= len(gold) * 0.02  # ≥ 98% of the gold lines
    assert read - gold == Counter()  # and nothing more


def test_the_real_renstra_rows_carry_level_period_and_budget(gold: Counter[Key]) -> None:
    rows = read_document(REALDOCS / f"{STEM}.html")
    assert {r.level for r in rows} == {"sasaran", "program", "kegiatan"}
    assert {r.period for r in rows} == {"Tahun-3", "Tahun-4", "Tahun-5", "akhir"}
    first = [r for r in rows if r.indicator.startswith("Persentase Kepuasan Masyarakat")]
    assert [(r.period, r.target_raw, r.budget_raw) for r in first] == [
        ("Tahun-3", "42.50%", "1,775,000,000"),
        ("Tahun-4", "50%", "2,330,000,000"),
        ("Tahun-5", "60%", "2,670,000,000"),
        ("akhir", "60%", None),
    ]
    # the baseline column (Data Capaian pada Tahun Awal) is never a target
    assert "32.25%" not in {r.target_raw for r in first}
