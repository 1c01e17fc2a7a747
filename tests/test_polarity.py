"""Polarity from wording: the cues of docs/domain.md §6 and the seeds' contradictions."""

from __future__ import annotations

import pytest

from kinerja_target.polarity import Polarity, infer_polarity

CASES = [
    ("Penurunan jumlah sengketa hukum yang diajukan ke Mahkamah Konstitusi", "3 Perkara", "min"),
    ("Persentase penurunan nilai temuan hasil pemeriksaan BPK", "55%", "max"),
    ("Persentase penurunan temuan keuangan yang bersifat materil", None, "max"),
    ("Persentase permohonan informasi yang diselesaikan dalam waktu 5 hari kerja", "100%", "max"),
    ("Persentase informasi yang disampaikan paling lambat 1 (satu) hari kerja", "100%", "max"),
    ("Lama waktu penyelesaian pengaduan", "5 hari", "min"),
    ("Rata-rata waktu penyelesaian sengketa informasi", "14 hari", "min"),
    ("Persentase Sengketa Hukum yang dimenangkan KPU Kota Ambon", "100%", "max"),
    ("Persentase penyelesaian tindak lanjut temuan BPK", "100%", "max"),
    ("Persentase pengaduan masyarakat yang ditindaklanjuti sesuai SOP", "100%", "max"),
    ("Jumlah sengketa hukum yang diselesaikan", "3 perkara", "max"),
    ("Jumlah temuan BPK yang bersifat material", "0", "min"),
    ("Jumlah kasus pelanggaran disiplin pegawai", "2 kasus", "min"),
    ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "77,5%", "max"),
    ("Jumlah Laporan sistem akuntansi dan pelaporan keuangan", "12 Lap", "max"),
    ("Nilai Akuntabilitas Kinerja", "BB", "max"),
    ("Persentase deviasi halaman III DIPA", "5%", "stable"),
    ("Persentase Partisipasi Pemilih", "minimal 80%", "max"),
    ("Waktu rata-rata layanan", "maksimal 2 hari", "min"),
]


@pytest.mark.parametrize(("indicator", "target", "expected"), CASES, ids=[c[0] for c in CASES])
def test_polarity(indicator: str, target: str | None, expected: str) -> None:
    result = infer_polarity(indicator, target)
    assert result.polarity == Polarity(expected)
    assert result.reason
    assert result.contradiction is False
    assert result.warnings == ()


@pytest.mark.parametrize(
    "indicator",
    [
        "Persentase pegawai yang dijatuhi hukuman disiplin Pegawai Set. KPU Kota Ambon",
        "Persentase Partisipasi Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar "
        "Pemilih Tetap",
    ],
)
def test_contradiction_is_said_not_guessed(indicator: str) -> None:
    result = infer_polarity(indicator, "100%")
    assert result.contradiction is True
    assert result.warnings == ("polarity_contradiction",)
    assert result.polarity is Polarity.MIN
    assert "100%" in result.reason


def test_a_unit_mismatch_is_not_also_a_contradiction() -> None:
    # "Jumlah sengketa ... 100%": the unit is wrong; polarity has nothing to add.
    indicator = "Jumlah Sengketa Hukum dalam perkara perselisian yang dihadapi KPU Kota Ambon."
    assert infer_polarity(indicator, "100%").contradiction is False


def test_ceiling_qualifier_against_a_maximise_wording_is_a_contradiction() -> None:
    result = infer_polarity("Persentase Sengketa Hukum yang dimenangkan KPU", "maksimal 50%")
    assert result.contradiction is True


def test_unreadable_target_is_ignored() -> None:
    assert infer_polarity("Jumlah laporan", "Terwujudnya laporan").polarity is Polarity.MAX


def test_cue_is_quoted() -> None:
    assert infer_polarity("Penurunan jumlah sengketa").cue == "penurunan jumlah"
    assert infer_polarity("Lama waktu penyelesaian").cue == "lama waktu"
