"""kinerja-target read and check: formats, exit status, unreadable files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kinerja_target.checks import check
from kinerja_target.cli import main
from kinerja_target.tables import read_document

DATA = Path(__file__).parent / "data"
SEEDS = [str(p) for p in sorted(DATA.glob("00[0-4]_*.txt"))]
CLEAN = "No\tSasaran\tIndikator Kinerja\tTarget\n1\tTerwujudnya A\tJumlah laporan\t12 Lap\n"


def test_check_on_the_seeds_fails_the_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", *SEEDS]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["where", "severity", "code", "message"]
    findings = check([r for path in SEEDS for r in read_document(Path(path), source=path)])
    assert len(lines) == 1 + len(findings)
    assert "003_cbb8dcb11a66d98f.txt:113  error     truncated" in out
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    assert (
        err.strip()
        == f"360 rows read (3 doubted) in 5 file(s): {errors} errors, {warnings} warnings"
    )


def test_check_csv_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "csv", SEEDS[0]])
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["line"], r["code"]) for r in records][:3] == [
        ("24", "inconsistent_target"),
        ("29", "polarity_contradiction"),
        ("54", "unit_mismatch"),
    ]
    main(["check", "--format", "json", "--select", "unit_mismatch", SEEDS[0]])
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(f["line"], f["severity"]) for f in found] == [
        (54, "error"),
        (69, "error"),
        (78, "error"),
    ]


def test_check_passes_a_clean_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "1 rows read (0 doubted) in 1 file(s): no findings"
    # warnings alone do not fail the pipeline
    assert main(["check", "--ignore", "unit_mismatch,truncated", SEEDS[3]]) == 0


def test_an_unreadable_file_is_reported_and_the_rest_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CLEAN, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text('No,Indikator,Target\n1,"open\n', encoding="utf-8")
    assert main(["read", "--format", "json", str(bad), str(good)]) == 2  # an unreadable input
    out, err = capsys.readouterr()
    assert [json.loads(line)["indicator"] for line in out.splitlines()] == ["Jumlah laporan"]
    assert f"cannot read {bad}:2: malformed CSV record" in err


def test_read_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", SEEDS[4]]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == [
        "where",
        "unit",
        "when",
        "indicator",
        "target_raw",
        "kind",
        "doubts",
    ]
    assert len(table) == 1 + 42
    assert any(line.endswith("target_split") for line in table)
    main(["read", "--format", "csv", SEEDS[1]])
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(records) == 34
    assert records[1]["target"] == "B"
    assert records[1]["kind"] == "grade"
    assert records[0]["unit"] == "KPU Kota Pontianak"


def test_progress_bar_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "--progress", "--format", "json", *SEEDS]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 360
    assert "5/5" in err


def test_exit_zero_reports_without_gating(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(Path(__file__).parent.parent / "examples" / "rkt_kpu_kota_ambon_2024.txt")
    assert main(["check", example]) == 1
    gated = capsys.readouterr().out
    assert main(["check", "--exit-zero", example]) == 0
    reported = capsys.readouterr().out
    assert "unit_mismatch" in reported
    assert reported == gated


def test_read_table_says_which_period_each_row_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    renstra = tmp_path / "renstra.csv"
    renstra.write_text(
        "No,Indikator,Target 2025,Target 2026\n1,Persentase laporan tepat waktu,90%,95%\n",
        encoding="utf-8",
    )
    assert main(["read", str(renstra)]) == 0
    table = capsys.readouterr().out.splitlines()
    when = table[0].index("when")
    assert [line[when:].split()[0] for line in table[1:]] == ["2025", "2026"]


def test_a_folder_without_documents_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "lkj"
    empty.mkdir()
    (empty / "notes.png").write_bytes(b"\x89PNG")
    assert main(["read", str(empty)]) == 2
    assert f"no documents in the folder {empty}" in capsys.readouterr().err
