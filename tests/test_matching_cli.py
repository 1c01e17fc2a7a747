"""The ``kinerja-target link`` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kinerja_target.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture
def plain_csv(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["satker", "indicator"])
        writer.writerow(["KPU Kota Ambon", "Persentase Partisipasi Pemilih Perempuan"])
        writer.writerow(["KPU Kota Kupang", "Presentase partisipasi pemilih perempuan"])
        writer.writerow(["KPU Kota Kupang", "Persentase Partisipasi Pemilih Pemula"])
    return path


def test_link_table(plain_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", str(plain_csv)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["cluster", "mentions", "satker", "confidence", "indicator"]
    assert len(lines) == 3
    assert "persentase partisipasi pemilih perempuan" in out
    assert "3 mentions in 1 file(s): 2 clusters" in err


def test_link_json_and_csv(plain_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", str(plain_csv), "--format", "json"]) == 0
    clusters = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    sizes = sorted(len(c["members"]) for c in clusters)
    assert sizes == [1, 2]
    assert main(["link", str(plain_csv), "--format", "csv", "--explain"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.reader(out.splitlines()[:4]))
    assert rows[0] == [
        "cluster",
        "confidence",
        "where",
        "satker",
        "indicator",
        "target",
        "canonical",
    ]
    assert {r[3] for r in rows[1:]} == {"KPU Kota Ambon", "KPU Kota Kupang"}
    assert "decisive_word" in out


def test_link_reads_documents(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(DATA / "000_df312e3c0cb04378.txt"), str(DATA / "001_53cc4f34b63af8fb.txt")]
    assert main(["link", *files, "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows
    won = {r["cluster"] for r in rows if "dimenangkan" in r["indicator"]}
    assert len(won) == 1  # 'Sengketa Hukum yang dimenangkan KPU Kota …' in both cities


def test_link_reports_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["link", str(tmp_path / "missing.txt")]) == 2  # an unreadable input
    assert "missing.txt" in capsys.readouterr().err
