"""LAKIP tables: reading CSV and XLSX, computing every row, writing the table back."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font

from kinerja_target import DocumentReadError, SchemaError, parse_target
from kinerja_target.achievement import achievement
from kinerja_target.cli import main
from kinerja_target.lakip import (
    COLUMN_SYNONYMS,
    OUTPUT_COLUMNS,
    POLARITY_WORDS,
    CapaianReport,
    RowKind,
    compute_row,
    compute_table,
    write_table,
)
from kinerja_target.polarity import Polarity

EXAMPLE = Path(__file__).parent.parent / "examples" / "capaian_kota_ambon.csv"

# Real indicators (seed 000, KPU Kota Ambon RKT 2024) with realisations; the last rows are
# the PermenPANRB 8/2021 worked examples.
ROWS = [
    ["1", "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "77,5%", "81,2%"],
    ["2", "Jumlah Laporan sistem akuntansi dan pelaporan keuangan", "12 Lap", "11 Lap"],
    ["3", "Nilai Akuntabilitas Kinerja KPU Kota Ambon", "70%", "72%"],
    ["4", "Jumlah Laporan Pertanggungjawaban Penggunaan Anggaran", "12 Lap", "75%"],
    ["5", "Persentase Sengketa Hukum yang dimenangkan KPU Kota Ambon", "100%", ""],
    ["6", "Lama waktu penyelesaian proses PAW", "7 - 8 bulan", "6,5 bulan"],
    ["7", "Lama waktu penyelesaian proses PAW", "7 - 8 bulan", "9 bulan"],
    ["8", "Persentase laporan monitoring dan evaluasi", "80 - 90%", "70%"],
    ["9", "Persentase dokumen yang tidak terbaca", "sesuai kebutuhan", "10%"],
]
HEADER = ["No", "Indikator Kinerja", "Target", "Realisasi"]
TITLE = [["Pengukuran Kinerja KPU Kota Ambon Tahun 2024"], []]


def _ods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


ODS = _ods()


def write_csv(path: Path, rows: list[list[str]], delimiter: str, *, bom: bool = True) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def expected_capaian(target: str, realisasi: str, indicator: str) -> str:
    """What the table must say, computed independently through achievement()."""
    return str(achievement(target, realisasi, indicator=indicator))


# -- CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_round_trip_keeps_every_row_and_cell(tmp_path: Path, delimiter: str) -> None:
    source = tmp_path / "lkj.csv"
    table = [*TITLE, HEADER, *ROWS]
    write_csv(source, table, delimiter)
    report = compute_table(source)
    assert report.columns is not None
    assert report.columns.header_row == 3
    assert len(report.rows) == len(ROWS)

    out = tmp_path / "out.csv"
    write_table(report, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM is kept
    assert b"\r\n" in out.read_bytes()
    written = read_csv(out, delimiter)
    assert len(written) == len(table)
    assert written[:2] == TITLE  # rows above the header are untouched
    assert written[2] == [*HEADER, *OUTPUT_COLUMNS]
    for original, row in zip(ROWS, written[3:], strict=True):
        assert row[:4] == original
    by_no = {row[0]: row[4:] for row in written[3:]}
    assert by_no["1"][0] == expected_capaian("77,5%", "81,2%", ROWS[0][1])
    assert by_no["6"][:2] == ["107,14%", "Tercapai"]  # PermenPANRB 8/2021, kondisi khusus
    assert by_no["7"][:2] == ["87,50%", "Tidak tercapai"]
    assert by_no["8"][:2] == ["87,50%", "Tidak tercapai"]  # range: the lower bound
    assert by_no["5"][:2] == ["-", "Tidak dapat dihitung"]
    assert by_no["4"][:2] == ["-", "Galat"]
    assert by_no["9"][:2] == ["-", "Galat"]


def test_problems_name_the_row_and_column(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [*TITLE, HEADER, *ROWS], ";")
    report = compute_table(source)
    problems = {p.row: p for p in report.problems}
    assert set(problems) == {7, 12}  # ROWS[3] and ROWS[8], as a spreadsheet numbers them
    assert problems[7].code == "incomparable"
    assert problems[7].column == "Realisasi"
    assert problems[12].code == "unparseable_target"
    assert problems[12].column == "Target"
    assert "sesuai kebutuhan" in problems[12].message
    assert str(problems[12]).startswith("baris 12: ")
    row = next(r for r in report.rows if r.row == 12)
    assert row.keterangan == problems[12].message
    assert row.kind is RowKind.ERROR


def test_summary_counts_and_mean(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    # A line that names something in the indicator column is an indicator row, with its
    # values blank: counted, and not computable (no row is dropped without a word).
    write_csv(source, [HEADER, *ROWS, ["", "Sasaran 2", "", ""]], ";")
    summary = compute_table(source).summary
    assert (summary.indicators, summary.computed) == (10, 6)
    assert (summary.not_computable, summary.errors, summary.skipped) == (2, 2, 0)
    computed = [
        achievement(t, r, indicator=i).percent
        for _, i, t, r in ROWS
        if r and t != "sesuai kebutuhan" and r != "75%"
    ]
    mean = sum((p for p in computed if p is not None), D(0)) / len(computed)
    assert summary.mean.percent is not None
    assert abs(summary.mean.percent - mean) < D("1e-20")
    assert str(summary).startswith("10 indikator: 6 dihitung, 2 tidak dapat dihitung, 2 galat")


def test_header_found_by_synonyms_case_and_year(tmp_path: Path) -> None:
    source = tmp_path / "iku.csv"
    header = ["NO.", "INDIKATOR KINERJA UTAMA", "Target 2024", "Realisasi (%)"]
    write_csv(source, [["Tabel 3.1"], header, ["1", "Persentase x", "90%", "45%"]], ",")
    report = compute_table(source)
    assert (report.columns.indicator, report.columns.target, report.columns.realisasi) == (1, 2, 3)
    assert report.rows[0].capaian == "50%"


def test_column_names_can_be_given(tmp_path: Path) -> None:
    source = tmp_path / "custom.csv"
    write_csv(source, [["Uraian", "Rencana Aksi", "Hasil"], ["Persentase x", "80%", "60%"]], ";")
    with pytest.raises(DocumentReadError, match="no header row"):
        compute_table(source)
    report = compute_table(source, indicator="uraian", target="RENCANA AKSI", realisasi="hasil")
    assert report.rows[0].capaian == "75%"


def test_column_number_row_is_not_an_indicator(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [HEADER, ["(1)", "(2)", "(3)", "(4)"], ROWS[0]], ";")
    report = compute_table(source)
    assert [(r.row, r.kind) for r in report.rows] == [(3, RowKind.COMPUTED)]


def test_polarity_column_wins_over_the_default(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    rows = [
        ["Indikator", "Target", "Realisasi", "Polaritas"],
        ["Jumlah temuan", "3 perkara", "2 perkara", "Semakin rendah semakin baik"],
        ["Jumlah temuan", "3 perkara", "2 perkara", "maksimal"],
        ["Jumlah temuan", "3 perkara", "2 perkara", ""],
        ["Jumlah temuan", "3 perkara", "2 perkara", "naik turun"],
    ]
    write_csv(source, rows, ";")
    report = compute_table(source, polarity="stable")
    polarities = [r.achievement.polarity if r.achievement else None for r in report.rows]
    assert polarities == [Polarity.MIN, Polarity.MAX, Polarity.STABLE, None]
    assert report.rows[0].capaian == "133,33%"
    assert report.problems[0].code == "unknown_polarity"
    assert report.problems[0].column == "Polaritas"
    # Without a default, the wording decides: "Jumlah temuan" counts something to avoid.
    inferred = compute_table(source).rows[2].achievement
    assert inferred is not None
    assert inferred.polarity is Polarity.MIN


def test_options_cap_and_formula(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [HEADER, ["1", "Persentase x", "80%", "83%"]], ";")
    assert compute_table(source).rows[0].capaian == "103,75%"
    capped = compute_table(source, cap=100).rows[0]
    assert (capped.capaian, capped.achievement and capped.achievement.capped) == ("100%", True)
    assert compute_table(source, cap="none").rows[0].capaian == "103,75%"
    reflected = compute_table(source, polarity="min").rows[0]
    assert reflected.capaian == "96,25%"  # (2 − 83/80) × 100%
    ratio = compute_table(source, polarity="min", formula="t/r").rows[0]
    assert ratio.capaian == "96,39%"  # 80/83 × 100%
    with pytest.raises(SchemaError):
        compute_table(source, cap="lots")
    with pytest.raises(SchemaError):
        compute_table(source, cap=0)
    with pytest.raises(SchemaError):
        compute_table(source, polarity="up")


def test_cp1252_export_is_read_and_written_as_utf8(tmp_path: Path) -> None:
    source = tmp_path / "ansi.csv"
    text = "Indikator;Target;Realisasi\r\nPersentase pegawai terlatih ± 5;100%;95%\r\n"
    source.write_bytes(text.encode("cp1252"))
    report = compute_table(source)
    assert report.rows[0].indicator == "Persentase pegawai terlatih ± 5"
    out = tmp_path / "ansi.capaian.csv"
    write_table(report, out)
    assert read_csv(out, ";")[1][:3] == ["Persentase pegawai terlatih ± 5", "100%", "95%"]


def test_rerun_on_the_output_refills_the_columns(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [HEADER, *ROWS], ";")
    first = tmp_path / "first.csv"
    write_table(compute_table(source), first)
    second = tmp_path / "second.csv"
    write_table(compute_table(first), second)
    assert second.read_bytes() == first.read_bytes()


def test_an_authors_own_capaian_column_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    header = ["Indikator", "Target", "Realisasi", "Capaian", "Keterangan"]
    write_csv(source, [header, ["Persentase x", "80%", "60%", "70%", "dihitung manual"]], ";")
    first = tmp_path / "first.csv"
    write_table(compute_table(source), first)
    assert read_csv(first, ";")[1] == [
        "Persentase x",
        "80%",
        "60%",
        "70%",
        "dihitung manual",
        "75%",
        "Tidak tercapai",
        "60% vs 80%, lebih tinggi lebih baik: 60/80 × 100% = 75%",
    ]
    second = tmp_path / "second.csv"
    write_table(compute_table(first), second)
    assert second.read_bytes() == first.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "no such file"),
        ("table.ods", ODS, "OpenDocument"),
        ("empty.csv", b"", "empty"),
        ("broken.xlsx", b"not a zip", "not a readable workbook"),
    ],
)
def test_unreadable_files_raise_document_read_error(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentReadError, match=message) as caught:
        compute_table(path)
    assert caught.value.source == str(path)


def test_undecodable_bytes_are_read_and_noted_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"Indikator;Target;Realisasi\nx;1;\x81\n")  # 0x81 is not in cp1252
    report = compute_table(path)
    assert [r.realisasi_text for r in report.rows] == ["\x81"]  # Latin-1 reads it
    assert any("line 2" in note and "Windows-1252" in note for note in report.notes)


# -- compute_row ----------------------------------------------------------------------------------


def test_compute_row_reads_cells_as_spreadsheets_give_them() -> None:
    # A float goes through Decimal(repr(x)): 1.125 is not read as the thousands group 1125.
    row = compute_row("Jumlah laporan keuangan", 2.5, 1.125)
    assert row.actual is not None
    assert row.actual.to_dict()["value"] == "1.1250"
    assert row.capaian == "45%"
    assert compute_row("Persentase x", 12.0, D("9")).capaian == "75%"
    assert compute_row("Persentase x", None, float("nan")).kind is RowKind.SKIPPED
    assert compute_row("Persentase x", "-", "-").kind is RowKind.NOT_COMPUTABLE


def test_compute_row_turns_arithmetic_overflow_into_a_problem() -> None:
    huge = "1" + "0" * 31
    row = compute_row("Nilai x", "1", huge)
    try:
        expected = achievement("1", huge, indicator="Nilai x")
        shown = str(expected)
    except ArithmeticError:
        # achievement() lets decimal.InvalidOperation out for capaian beyond 10^26 %;
        # the table must turn that into a row problem, not stop.
        assert row.problem is not None
        assert row.problem.code == "arithmetic"
        assert row.status == "Galat"
    else:
        assert row.capaian == shown


def test_polarity_words_cover_the_three_polarities() -> None:
    assert set(POLARITY_WORDS.values()) == set(Polarity)
    for word in ("maksimal", "minimal", "semakin tinggi semakin baik", "stabil"):
        assert word in POLARITY_WORDS
    assert {"indicator", "target", "realisasi"} <= COLUMN_SYNONYMS.keys()


# -- XLSX -----------------------------------------------------------------------------------------


def make_workbook(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Pengukuran"
    sheet["A1"] = "Pengukuran Kinerja 2024"
    sheet.append([])
    sheet.append(["No", "Indikator", "Target", "Realisasi", "Catatan"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.append([1, "Persentase Partisipasi Pemilih", 0.775, 0.812, "rekap"])
    sheet.append([2, "Jumlah Laporan keuangan", "12 Lap", 12.0, None])
    sheet.append([3, "Persentase informasi dipublikasikan", 0.9, "=0.9+0.075", None])
    sheet.append([4, "Nilai maturitas SPIP", 3.4, 3.2, None])
    sheet.append([5, "Lama waktu penyelesaian PAW", "7 - 8 bulan", "x", None])
    for row in (4, 6):
        sheet.cell(row=row, column=3).number_format = "0.00%"
        sheet.cell(row=row, column=4).number_format = "0.0%"
    sheet.cell(row=4, column=4).number_format = "0.0%"
    workbook.save(path)


def cache_formula_value(path: Path, formula: str, value: str) -> None:
    """Give a formula the value Excel would have saved beside it (openpyxl saves none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    # openpyxl writes the empty value as <v /> or <v></v>, by its XML library
    empty = re.compile(
        rb"<f>"
        + re.escape(formula.encode())
        + rb"</f><v\s*/>|<f>"
        + re.escape(formula.encode())
        + rb"</f><v></v>"
    )
    assert empty.search(parts[sheet])
    parts[sheet] = empty.sub(f"<f>{formula}</f><v>{value}</v>".encode(), parts[sheet])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_xlsx_percent_cells_integer_floats_and_cached_formulas(tmp_path: Path) -> None:
    source = tmp_path / "lkj.xlsx"
    make_workbook(source)
    cache_formula_value(source, "0.9+0.075", "0.975")
    report = compute_table(source)
    assert report.columns.header_row == 3
    rows = {r.row: r for r in report.rows}
    assert rows[4].target_text == "77,5%"
    assert rows[4].realisasi_text == "81,2%"
    assert rows[4].capaian == expected_capaian("77,5%", "81,2%", "Persentase Partisipasi Pemilih")
    assert rows[5].realisasi_text == "12"
    assert rows[5].capaian == "100%"
    assert rows[6].realisasi_text == "97,5%"  # the formula's saved value, percent-formatted
    assert rows[6].capaian == "108,33%"
    assert rows[7].target_text == "3,4"
    assert rows[7].capaian == "94,12%"
    assert rows[8].status == "Galat"


def test_xlsx_formula_without_saved_value_is_computed(tmp_path: Path) -> None:
    # openpyxl saves no value for a formula: a formula of numbers is computed as read.
    source = tmp_path / "lkj.xlsx"
    make_workbook(source)
    row = next(r for r in compute_table(source).rows if r.row == 6)
    assert (row.realisasi_text, row.capaian) == ("97,5%", "108,33%")


def test_xlsx_written_back_keeps_cells_styles_and_formulas(tmp_path: Path) -> None:
    source = tmp_path / "lkj.xlsx"
    make_workbook(source)
    report = compute_table(source)
    out = tmp_path / "lkj.capaian.xlsx"
    write_table(report, out)
    before = openpyxl.load_workbook(source)["Pengukuran"]
    after = openpyxl.load_workbook(out)["Pengukuran"]
    assert after.max_row == before.max_row
    for row in before.iter_rows():
        for cell in row:
            twin = after.cell(row=cell.row, column=cell.column)
            assert (twin.value, twin.number_format) == (cell.value, cell.number_format)
    assert [after.cell(row=3, column=c).value for c in (6, 7, 8)] == list(OUTPUT_COLUMNS)
    assert after.cell(row=3, column=6).font.bold
    for row in report.rows:
        capaian = after.cell(row=row.row, column=6)
        if row.achievement is not None and row.achievement.percent is not None:
            # a number the sheet shows as the text does: 1.0833 as 108,33%
            assert capaian.number_format == "0.00%"
            assert capaian.value * 100 == pytest.approx(
                float(row.capaian.rstrip("%").replace(",", "."))
            )
        else:
            assert (capaian.value or "") == row.capaian
        written = tuple(after.cell(row=row.row, column=c).value or "" for c in (7, 8))
        assert written == row.output[1:]


def test_xlsx_sheet_is_found_or_named(tmp_path: Path) -> None:
    source = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Sampul"
    workbook.active["A1"] = "Laporan Kinerja"
    table = workbook.create_sheet("Tabel")
    table.append(["Indikator", "Target", "Realisasi"])
    table.append(["Persentase x", "90%", "90%"])
    workbook.save(source)
    assert compute_table(source).rows[0].capaian == "100%"
    with pytest.raises(DocumentReadError, match="no sheet named 'Lampiran'"):
        compute_table(source, sheet="Lampiran")


def test_xlsx_to_csv_and_csv_to_xlsx(tmp_path: Path) -> None:
    source = tmp_path / "lkj.xlsx"
    make_workbook(source)
    cache_formula_value(source, "0.9+0.075", "0.975")
    report = compute_table(source)
    as_csv = tmp_path / "lkj.csv"
    write_table(report, as_csv)
    rows = read_csv(as_csv, ";")
    assert rows[3][:6] == [
        "1",
        "Persentase Partisipasi Pemilih",
        "77,5%",
        "81,2%",
        "rekap",
        rows[3][5],
    ]
    assert rows[5][3] == "97,5%"
    again = compute_table(as_csv)
    assert [r.output for r in again.rows] == [r.output for r in report.rows]
    as_xlsx = tmp_path / "again.xlsx"
    write_table(again, as_xlsx)
    assert [r.output for r in compute_table(as_xlsx).rows] == [r.output for r in report.rows]


# -- CLI ------------------------------------------------------------------------------------------


def test_cli_writes_beside_the_input_and_exits_1_on_row_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [HEADER, *ROWS], ";")
    assert main(["capaian", str(source)]) == 1
    out = tmp_path / "lkj.capaian.csv"
    assert read_csv(out, ";")[0][-3:] == list(OUTPUT_COLUMNS)
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert f"{source}: baris 5:" in captured.err
    assert "9 indikator" in captured.err


def test_cli_exit_0_and_stdout_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ok.csv"
    write_csv(source, [HEADER, ROWS[0], ROWS[5]], ",")
    assert main(["capaian", str(source), "-o", "-", "--cap", "100"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [r[4] for r in rows[1:]] == ["100%", "100%"]
    assert not (tmp_path / "ok.capaian.csv").exists()


def test_cli_json_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "lkj.csv"
    write_csv(source, [HEADER, *ROWS], ";")
    assert main(["capaian", str(source), "--json", "--polarity", "max"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["row"] for line in lines] == list(range(2, 2 + len(ROWS)))
    first: dict[str, Any] = lines[0]
    assert first["target"] == parse_target("77,5%", indicator=ROWS[0][1]).to_dict()
    assert first["realisasi"] == parse_target("81,2%", indicator=ROWS[0][1]).to_dict()
    assert D(first["percent"]) == achievement("77,5%", "81,2%").percent
    assert lines[3]["problem"]["code"] == "incomparable"
    assert not (tmp_path / "lkj.capaian.csv").exists()


def test_cli_options_reach_the_computation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.csv"
    write_csv(source, [["Uraian", "Rencana", "Hasil"], ["Jumlah x", "3 kali", "2 kali"]], ";")
    args = ["capaian", str(source), "--json", "--indikator", "Uraian", "--realisasi", "Hasil"]
    assert main([*args, "--polarity", "min"]) == 0
    assert json.loads(capsys.readouterr().out)["capaian"] == "133,33%"
    assert main([*args, "--cap", "abc"]) == 2  # bad usage
    assert "cap must be a number" in capsys.readouterr().err


def test_cli_xlsx_default_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "lkj.xlsx"
    make_workbook(source)
    assert main(["capaian", str(source)]) == 1
    out = tmp_path / "lkj.capaian.xlsx"
    assert openpyxl.load_workbook(out)["Pengukuran"].cell(row=3, column=8).value == "Keterangan"
    assert "galat" in capsys.readouterr().err


def test_the_documented_example_computes_as_the_docs_say(tmp_path: Path) -> None:
    docs = (EXAMPLE.parent.parent / "docs" / "capaian.md").read_text(encoding="utf-8")
    report: CapaianReport = compute_table(EXAMPLE)
    assert report.problems == ()
    out = tmp_path / "ambon.csv"
    write_table(report, out)
    assert len(read_csv(out, ";")) == len(read_csv(EXAMPLE, ";"))
    # The summary lines and rows quoted in docs/capaian.md are what the table gives.
    assert f"capaian_kota_ambon.csv: {report.summary}" in docs
    assert f"capaian_kota_ambon.csv: {compute_table(EXAMPLE, cap=100).summary}" in docs
    statuses = {"Tercapai", "Tidak tercapai", "Tidak dapat dihitung"}
    quoted = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in docs.splitlines()
        if line.startswith("| ") and line.count("|") == 7
    ]
    checked = 0
    for indicator, target, realisasi, capaian, status, keterangan in quoted:
        if status not in statuses:
            continue
        row = next(r for r in report.rows if r.indicator.startswith(indicator.split(" …")[0]))
        assert (target, realisasi, capaian, status, keterangan) == (
            row.target_text,
            row.realisasi_text,
            *row.output,
        )
        checked += 1
    assert checked >= 5


# -- pandas ---------------------------------------------------------------------------------------


def test_add_capaian_on_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    from kinerja_target.dataframe import PERCENT_COLUMN, add_capaian

    frame = pd.DataFrame(
        {
            "indikator": [r[1] for r in ROWS] + ["Persentase x", "Jumlah laporan keuangan"],
            "Target": [r[2] for r in ROWS] + [0.8, D("2.5")],
            "Realisasi": [r[3] or None for r in ROWS] + [float("nan"), 1.125],
        },
        index=[f"r{i}" for i in range(len(ROWS) + 2)],
    )
    original = frame.copy()
    out = add_capaian(frame, cap=120)
    pd.testing.assert_frame_equal(frame, original)  # the input is not changed
    assert list(out.columns) == [*frame.columns, *OUTPUT_COLUMNS, PERCENT_COLUMN]
    assert list(out.index) == list(frame.index)
    written = zip(*(out[c].tolist() for c in (*OUTPUT_COLUMNS, PERCENT_COLUMN)), strict=True)
    for (*cells, percent), (number, indicator, target, realisasi) in zip(
        list(written)[: len(ROWS)], ROWS, strict=True
    ):
        expected = compute_row(indicator, target, realisasi or None, cap=120)
        assert tuple(cells) == expected.output, number
        assert percent == (expected.achievement.percent if expected.achievement else None)
    assert out.loc["r5", "Capaian"] == "107,14%"
    assert isinstance(out.loc["r5", PERCENT_COLUMN], D)
    assert out.loc["r9", "Status"] == "Tidak dapat dihitung"  # NaN realisation
    assert out.loc["r10", "Capaian"] == "45%"  # 1.125 / 2.5, not 1125 / 2.5


def test_add_capaian_names_a_missing_column() -> None:
    pd = pytest.importorskip("pandas")
    from kinerja_target.dataframe import add_capaian

    frame = pd.DataFrame({"Indikator": ["x"], "Target": ["1"], "Hasil": ["1"]})
    with pytest.raises(SchemaError, match=r"no realisasi column 'Realisasi'.*'Hasil'"):
        add_capaian(frame)
    assert add_capaian(frame, realisasi="hasil")["Capaian"].tolist() == ["100%"]
