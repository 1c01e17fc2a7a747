"""Polarity measured on real wordings with their sources (tests/data/polarity_wordings.tsv)."""

from __future__ import annotations

import csv

import pytest

from conftest import DATA
from kinerja_target import achievement
from kinerja_target.polarity import Polarity, infer_polarity


def _wordings() -> list[dict[str, str]]:
    with (DATA / "polarity_wordings.tsv").open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


WORDINGS = _wordings()


def test_every_wording_has_a_source() -> None:
    assert len(WORDINGS) >= 30
    assert all(row["source"].strip() for row in WORDINGS)


@pytest.mark.parametrize("row", WORDINGS, ids=[r["wording"][:60] for r in WORDINGS])
def test_wording(row: dict[str, str]) -> None:
    result = infer_polarity(row["wording"], row["target"] or None)
    assert result.polarity is Polarity(row["polarity"]), result.reason


@pytest.mark.parametrize(
    ("indicator", "target", "actual"),
    [
        # The three reports: 300% "Tercapai" for 6 days late against 2.
        ("Jumlah hari keterlambatan penyampaian laporan", "2 hari", "6 hari"),
        ("Persentase pemilih ganda dalam DPT", "1%", "3%"),
        ("Persentase sisa anggaran yang tidak terserap", "5%", "15%"),
        ("Jumlah temuan yang belum ditindaklanjuti", "2", "6"),
        ("Jumlah pengaduan masyarakat atas layanan", "10", "30"),
    ],
)
def test_more_of_a_bad_thing_is_not_met(indicator: str, target: str, actual: str) -> None:
    result = achievement(target, actual, indicator=indicator)
    assert result.polarity is Polarity.MIN
    assert result.met is False
    assert result.percent is not None
    assert result.percent < 100
