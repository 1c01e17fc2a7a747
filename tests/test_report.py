"""The capaian report (issue 10): model, scales, the XLSX read back, the command line."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja_target
from kinerja_target import aggregate, compute_table
from kinerja_target.cli import main
from kinerja_target.errors import DocumentReadError, DocumentWriteError, SchemaError
from kinerja_target.report import build_report, get_scale, load_bands, scale_names, write_report
from kinerja_target.report import xlsx as report_xlsx
from kinerja_target.report.xlsx import PERCENT_FORMAT

ROOT = Path(__file__).resolve().parents[1]
AMBON = ROOT / "examples" / "capaian_kota_ambon.csv"
RENSTRA = Path(__file__).parent / "data" / "unseen" / "renstra_kab_magelang_2020_2024.txt"


# -- scales --------------------------------------------------------------------------------------


def test_shipped_scales_have_sources() -> None:
    assert set(scale_names()) >= {"berhasil", "iki", "sampang", "maluku-tengah"}
    for name in scale_names():
        scale = get_scale(name)
        assert scale.source.strip()
        assert len({b.label for b in scale.bands}) == len(scale.bands)


@given(
    st.sampled_from(["berhasil", "iki", "sampang", "maluku-tengah"]), st.decimals(0, 300, places=3)
)
def test_every_capaian_falls_in_exactly_one_band(name: str, percent: D) -> None:
    scale = get_scale(name)
    assert sum(percent in band for band in scale.bands) == 1


@pytest.mark.parametrize(
    ("scale", "percent", "label"),
    [
        ("sampang", "90", "Baik"),  # "91 % ≤ 100 %": 90 is still Baik
        ("sampang", "90.01", "Sangat Baik"),
        ("sampang", "50", "Sangat Kurang"),
        ("sampang", "104.77", "Sangat Baik"),
        ("iki", "100", "Baik"),
        ("iki", "99.99", "Cukup"),
        ("iki", "59.99", "Sangat Kurang"),
        ("iki", "110", "Sangat Baik"),
        ("maluku-tengah", "85", "Sangat Baik"),
        ("maluku-tengah", "30", "Kurang"),
        ("berhasil", "100", "Berhasil"),
        ("berhasil", "99.99", "Tidak Berhasil"),
    ],
)
def test_band_boundaries(scale: str, percent: str, label: str) -> None:
    band = get_scale(scale).category(D(percent))
    assert band is not None
    assert band.label == label


def test_users_bands_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "pita.csv"
    path.write_text(
        "kategori;batas_bawah;batas_atas;warna\nTinggi;90;;1E8449\nRendah;;90;#C0392B\n"
    )
    scale = load_bands(path)
    assert [b.label for b in scale.bands] == ["Tinggi", "Rendah"]
    assert scale.category(D(90)).label == "Tinggi"  # low end in the band by default
    assert scale.category(D("89.99")).label == "Rendah"
    assert scale.category(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "low,high\n1,2\n",
        "label,low,high\nA,90,10\n",
        "label,low,high,colour\nA,1,2,red\n",
        "label\n",
    ],
)
def test_bad_bands_are_schema_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bands.csv"
    path.write_text(text)
    with pytest.raises(SchemaError):
        load_bands(path)


def test_missing_bands_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError):
        load_bands(tmp_path / "none.csv")
    with pytest.raises(SchemaError):
        get_scale("no-such-scale")


# -- the model -----------------------------------------------------------------------------------


def test_rows_have_the_capaian_of_the_capaian_command() -> None:
    report = build_report([AMBON], scale="iki")
    command = {r.row: r for r in compute_table(AMBON).rows if r.achievement is not None}
    assert len(report.rows) == len(command) == 16
    for item in report.rows:
        assert item.capaian.capaian == command[item.row.line or 0].capaian
        assert item.status == command[item.row.line or 0].status
        assert item.category == report.scale.category(item.percent)
        assert item.explanation


def test_groups_aggregate_their_rows() -> None:
    report = build_report([AMBON], method="geometric")
    assert sum(g.indicators for g in report.sasaran) == len(report.rows)
    assert sum(g.indicators for g in report.units) == len(report.rows)
    for group in (*report.sasaran, *report.units):
        expected = aggregate([r.percent for r in group.rows], method="geometric")
        assert group.aggregate.percent == expected.percent
        assert group.computed + group.aggregate.skipped == group.indicators
    # the PAW row has no realisation: counted, not computed, never 0%
    paw = next(g for g in report.sasaran if "PAW" in g.sasaran)
    assert (paw.indicators, paw.computed) == (2, 1)
    assert paw.aggregate.percent == D(100)


def test_weighted_needs_known_method_and_uses_weights() -> None:
    plain = build_report([AMBON])
    heavy = build_report(
        [AMBON],
        method="weighted",
        weights={"Persentase Partisipasi Pemilih Disabilitas dalam Pemilu/Pemilihan": 10},
    )
    assert heavy.overall.aggregate.percent is not None
    assert plain.overall.aggregate.percent is not None
    assert heavy.overall.aggregate.percent < plain.overall.aggregate.percent
    with pytest.raises(SchemaError):
        build_report([AMBON], method="median")


def _last_year(tmp_path: Path) -> Path:
    text = AMBON.read_text(encoding="utf-8-sig")
    path = tmp_path / "capaian_kota_ambon_2023.csv"
    path.write_text(
        text.replace(";100%;72,15%", ";100%;70%").replace(";12 Lap;11 Lap", ";12 Lap;12 Lap")
    )
    return path


def test_year_over_year(tmp_path: Path) -> None:
    report = build_report([AMBON], previous=[_last_year(tmp_path)])
    assert report.has_previous
    by_indicator = {r.row.indicator: r for r in report.rows}
    turnout = by_indicator["Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan"]
    assert turnout.previous is not None
    assert turnout.previous.realisasi == "70%"
    assert turnout.previous.capaian == D(70)
    assert turnout.previous.change(turnout.percent) == D("2.15")
    reports = next(r for r in report.rows if r.row.indicator.startswith("Jumlah Laporan Pert"))
    assert reports.previous is not None
    change = reports.previous.change(reports.percent)
    assert change is not None
    assert change.quantize(D("0.01"), rounding=ROUND_HALF_UP) == D("-8.33")


def test_renstra_progress_toward_the_end_of_period_target(tmp_path: Path) -> None:
    lkj = tmp_path / "lkj_magelang_2022.csv"
    lkj.write_text(
        "Sasaran Strategis;Indikator Kinerja;Target;Realisasi\n"
        "Meningkatnya partisipasi pemilih dalam Pemilu/Pemilihan;"
        "Persentase partisipasi pemilih dalam Pemilu/Pemilihan;78%;76%\n"
        ";Persentase arsip yang dikelola sesuai jadwal retensi arsip;80%;81%\n",
        encoding="utf-8",
    )
    report = build_report([lkj, RENSTRA])
    assert len(report.rows) == 2  # the Renstra is the reference, not rows of the report
    assert report.renstra == (str(RENSTRA),)
    turnout, archive = report.rows
    assert turnout.progress is not None
    assert turnout.progress.target.startswith("80")
    assert turnout.progress.percent == D(95)  # 76 of the 2024 target 80
    assert archive.progress is not None
    assert archive.progress.percent == D(90)  # 81 of the 2024 target 90


# -- the workbook --------------------------------------------------------------------------------


def test_xlsx_read_back(tmp_path: Path) -> None:
    path = tmp_path / "laporan.xlsx"
    report = build_report([AMBON], scale="sampang")
    write_report(report, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Capaian Kinerja", "Per Sasaran", "Per Unit", "Grafik", "Skala"]
    sheet = book["Capaian Kinerja"]
    header = [c.value for c in sheet[4]]
    assert header[:9] == [
        "No", "Unit", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
        "Kategori", "Status",
    ]  # fmt: skip
    values = {}
    for row in sheet.iter_rows(min_row=5):
        values[row[3].value] = row
    first = values["Nilai Akuntabilitas Kinerja KPU Kota Ambon"]
    assert first[6].value == pytest.approx(0.9643)
    assert first[6].number_format == PERCENT_FORMAT
    assert first[7].value == "Sangat Baik"
    blank = values["Persentase Proses PAW Anggota DPR Kota diselesaikan dalam Waktu 5 hari kerja"]
    assert blank[6].value is None
    assert blank[8].value == "Tidak dapat dihitung"
    assert sheet.freeze_panes == "A5"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["D"].width > 30
    # one rule per band on the capaian column and the category column
    rules = {str(r.sqref): r.rules for r in sheet.conditional_formatting}
    assert set(rules) == {"G5:G20", "H5:H20"}
    formulas = [rule.formula[0] for rule in rules["G5:G20"]]
    assert len(formulas) == len(report.scale.bands)
    assert "AND(ISNUMBER($G5),$G5>0.9)" in formulas
    per_sasaran = book["Per Sasaran"]
    assert per_sasaran["F5"].number_format == PERCENT_FORMAT
    assert per_sasaran["F5"].value == pytest.approx(0.9081)
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1 + len(report.sasaran)
        first_chart = archive.read("xl/charts/chart1.xml").decode()
        assert "<barChart>" in first_chart
        last = 4 + len(report.sasaran)
        assert f"<f>'Per Sasaran'!$F$5:$F${last}</f>" in first_chart


def test_a_failed_write_leaves_the_destination_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(b"the author's earlier file")
    report = build_report([AMBON])

    def broken(_: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_xlsx, "workbook_bytes", broken)
    with pytest.raises(OSError, match="No space"):
        write_report(report, path)
    assert path.read_bytes() == b"the author's earlier file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.xlsx"]
    with pytest.raises(DocumentWriteError):
        write_report(report, tmp_path / "no" / "such" / "laporan.html")
    with pytest.raises(SchemaError):
        write_report(report, tmp_path / "laporan.pdf")


def test_the_report_is_never_written_over_an_input(tmp_path: Path) -> None:
    table = tmp_path / "lkj.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Sasaran", "Indikator Kinerja", "Target", "Realisasi"])
    sheet.append(["Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "80%", "84%"])
    book.save(table)
    before = table.read_bytes()
    report = build_report([table])
    assert len(report.rows) == 1
    with pytest.raises(DocumentWriteError, match="is the input"):
        write_report(report, table)
    assert table.read_bytes() == before
    assert main(["report", str(table), "-o", str(table)]) == 2
    assert table.read_bytes() == before


# -- command line and API ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".html"])
def test_command_writes_the_report(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"laporan{suffix}"
    assert main(["report", str(AMBON), "-o", str(out), "--scale", "iki"]) == 0
    assert out.stat().st_size > 1000
    err = capsys.readouterr().err
    assert "16 indikator, 15 dihitung" in err
    assert "91,02%" in err


def test_command_options_and_usage_errors(tmp_path: Path) -> None:
    bands = tmp_path / "bands.csv"
    bands.write_text("label,low,high\nBaik,90,\nKurang,,90\n")
    weights = tmp_path / "bobot.csv"
    weights.write_text("indikator,bobot\nNilai Keterbukaan Informasi Publik,3\n")
    out = tmp_path / "laporan.html"
    argv = ["report", str(AMBON), "-o", str(out), "--bands", str(bands), "--aggregate", "weighted"]
    assert main([*argv, "--weights", str(weights)]) == 0
    assert "Kurang" in out.read_text(encoding="utf-8")
    assert main(argv) == 2  # weighted without weights
    assert main(["report", str(AMBON), "-o", str(tmp_path / "laporan.pdf")]) == 2
    assert main(["report", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
    # bad usage (two scales at once) is exit 2, with argparse's message and no traceback
    assert (
        main(["report", str(AMBON), "-o", str(out), "--scale", "iki", "--bands", str(bands)]) == 2
    )


def test_top_level_report_is_callable_in_any_import_order() -> None:
    assert "report" in kinerja_target.__all__
    assert "build_report" in kinerja_target.__all__
    for first in ("import kinerja_target.report.xlsx", "pass"):
        code = (
            f"{first}\nimport kinerja_target as k\nfrom kinerja_target import report\n"
            f"r = report([{str(AMBON)!r}])\nassert k.report([{str(AMBON)!r}]).rows == r.rows\n"
            "print(len(r.rows))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "16"


BANTUL = Path(__file__).parent / "data" / "unseen" / "lkj_kab_bantul_2023.txt"


def test_repeated_indicators_are_folded_and_kept(tmp_path: Path) -> None:
    """The Bantul LKj prints its PK table (targets only), the measurement table and a
    comparison table: one row per measurement, the rest folded, none lost."""
    from kinerja_target import read_document

    report = build_report([BANTUL])
    read = [r for r in read_document(BANTUL) if r.target_raw.strip() or r.realisasi_raw]
    assert len(report.rows) + len(report.folded) == len(read)
    assert len(report.rows) == 4
    assert all(r.row.realisasi_raw for r in report.rows)
    path = tmp_path / "laporan.xlsx"
    write_report(report, path)
    notes = openpyxl.load_workbook(path)["Catatan"]
    assert notes.max_row == 4 + len(report.folded)


def test_the_documents_own_capaian_is_shown_and_a_difference_said() -> None:
    report = build_report([BANTUL])
    grade = next(r for r in report.rows if r.row.target_raw == "BB")
    assert grade.document_capaian == D("87.50")
    assert grade.differs
    assert "dokumen menulis 87,50%" in grade.explanation
    turnout = report.rows[0]
    assert turnout.document_capaian == D("104.06")
    assert not turnout.differs
