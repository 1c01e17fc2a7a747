"""Header shapes of real plans and reports, in small: where a header block begins, the
end-of-period column, years after a baseline, values by period, group rows, cover tables
(docs/decisions/0274-0277)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kinerja_target.documents import read_document


def _periods(text: str) -> list[tuple[str, int | None, str | None]]:
    return [(r.target_raw, r.year, r.period) for r in read_document(text)]


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_end_of_period_column_beside_the_years_is_the_target_of_akhir() -> None:
    text = (
        "No\tIndikator\tSatuan\tKondisi Awal 2018\tTarget 2019\t2020\t2021\tKondisi Akhir 2021\n"
        "1\tPersentase A\t%\t50\t55\t60\t65\t65\n"
    )
    assert _periods(text) == [
        ("55", 2019, None),
        ("60", 2020, None),
        ("65", 2021, None),
        ("65", None, "akhir"),
    ]


def test_a_report_keeps_reading_one_target_beside_the_plans_end() -> None:
    # Realisasi columns: an LKj, whose target is the year the realisasi shares (0205).
    text = (
        "Indikator\tTarget 2023\tRealisasi 2022\tRealisasi 2023\tTarget Akhir Renstra (2024)\n"
        "Persentase A\t90%\t80%\t91%\t95%\n"
    )
    (row,) = read_document(text)
    assert (row.target_raw, row.realisasi_raw) == ("90%", "91%")


def test_years_after_a_baseline_are_targets() -> None:
    text = (
        "Indikator\tSatuan\tBaseline 2024\t2025\t2026\n"
        "Rata-rata lama sekolah\tTahun\t9,55\t9,66\t9,79\n"
    )
    assert _periods(text) == [("9,66", 2025, None), ("9,79", 2026, None)]


def test_a_block_whose_first_row_names_no_target_is_a_header(tmp_path: Path) -> None:
    csv_text = (
        "No,Indikator,Kondisi Kinerja pada Awal RPJMD,Target Capaian setiap Tahun,,"
        "Kondisi Kinerja pada akhir periode RPJMD\n"
        ",,Tahun 2012,2013,2014,\n"
        "1),Fokus Kesejahteraan dan Pemerataan Ekonomi,,,,\n"
        '2),Pertumbuhan ekonomi (%),"7,69","7,14","7,02","7,02"\n'
    )
    rows = read_document(_csv(tmp_path, csv_text))
    assert [(r.indicator, r.target_raw, r.year, r.period) for r in rows] == [
        ("Pertumbuhan ekonomi (%)", "7,14", 2013, None),
        ("Pertumbuhan ekonomi (%)", "7,02", 2014, None),
        ("Pertumbuhan ekonomi (%)", "7,02", None, "akhir"),
    ]


def test_realisasi_and_capaian_by_period_go_to_their_periods_row(tmp_path: Path) -> None:
    csv_text = (
        "Indikator,Target dan Capaian,,,,,,Capaian terhadap akhir RPJMD\n"
        ",TARGET,,REALISASI,,CAPAIAN,,\n"
        ",2016,2017,2016,2017,2016,2017,\n"
        "Pertumbuhan Ekonomi,6.17,6.2,5.22,5.46,84.60%,111.57%,83%\n"
    )
    rows = read_document(_csv(tmp_path, csv_text))
    assert [(r.year, r.target_raw, r.realisasi_raw, r.capaian_raw) for r in rows] == [
        (2016, "6.17", "5.22", "84.60%"),
        (2017, "6.2", "5.46", "111.57%"),
    ]


def test_a_cover_table_names_the_year_without_becoming_part_of_the_header(
    tmp_path: Path,
) -> None:
    csv_text = (
        "Nama Kelembagaan,KPU Kabupaten Ponorogo,\n"
        "Tahun,2020,\n"
        "Sasaran Strategis,Indikator Kinerja,Target\n"
        "Terwujudnya Data Pemilih Yang Terkini,Persentase pemutakhiran data pemilih,100%\n"
    )
    (row,) = read_document(_csv(tmp_path, csv_text))
    assert (row.sasaran, row.year, row.unit) == (
        "Terwujudnya Data Pemilih Yang Terkini",
        2020,
        "KPU Kabupaten Ponorogo",
    )


@given(
    st.lists(st.integers(2015, 2035), min_size=2, max_size=6, unique=True).map(sorted),
    st.booleans(),
    st.lists(st.sampled_from(["80%", "-", "", "12 Laporan", "A"]), min_size=7, max_size=7),
)
def test_a_plan_gives_one_row_per_period_whose_cell_holds_something(
    years: list[int], with_end: bool, cells: list[str]
) -> None:
    header = [
        "Indikator Kinerja",
        *(f"Target {y}" if i == 0 else str(y) for i, y in enumerate(years)),
    ]
    values = cells[: len(years)]
    if with_end:
        header.append(f"Kondisi Kinerja pada Akhir Periode ({years[-1]})")
        values.append(cells[-1])
    text = "\t".join(header) + "\n" + "\t".join(["Persentase A", *values]) + "\n"
    expected = [(v, y, None) for y, v in zip(years, values, strict=False) if v]
    if with_end and values[-1]:
        expected.append((values[-1], None, "akhir"))
    if not expected:
        expected = [("", None, None)]  # no period has a target: the indicator is kept
    assert _periods(text) == expected


def test_plan_years_in_roman_numerals_are_periods(tmp_path: Path) -> None:
    # An e-Renstra template's header: "Tahun I | Tahun II" over "Target | Rp".
    page = tmp_path / "renstra.html"
    page.write_text(
        "<table><tr><th rowspan=3>Indikator Kinerja Program (outcome)</th>"
        "<th rowspan=3>Data Capaian pada Tahun Awal Perencanaan</th>"
        "<th colspan=4>Tahun Kinerja Program dan Kerangka Pendanaan</th>"
        "<th rowspan=2 colspan=2>Kondisi Kinerja pada akhir periode</th></tr>"
        "<tr><th colspan=2>Tahun I</th><th colspan=2>Tahun II</th></tr>"
        "<tr><th>Target</th><th>Rp</th><th>Target</th><th>Rp</th><th>Target</th><th>Rp</th></tr>"
        "<tr><td>Persentase A</td><td>50%</td><td>60%</td><td>1.000</td><td>70%</td>"
        "<td>2.000</td><td>70%</td><td>3.000</td></tr></table>",
        encoding="utf-8",
    )
    rows = read_document(page)
    assert [(r.target_raw, r.period, r.budget_raw) for r in rows] == [
        ("60%", "Tahun I", "1.000"),
        ("70%", "Tahun II", "2.000"),
        ("70%", "akhir", "3.000"),
    ]


def test_a_header_block_in_tabbed_text_reads_as_in_a_table() -> None:
    text = (
        "No\tIndikator Kinerja\tCapaian Kinerja dan Kerangka Pendanaan\t\t\t\n"
        "\t\t2021\t\t2022\t\n"
        "\t\tTarget\tRp\tTarget\tRp\n"
        "1\tPersentase A\t90%\t1.000\t95%\t2.000\n"
    )
    rows = read_document(text)
    assert [(r.target_raw, r.year, r.budget_raw) for r in rows] == [
        ("90%", 2021, "1.000"),
        ("95%", 2022, "2.000"),
    ]


def test_a_monitoring_table_gives_a_row_for_each_quarter_reported(tmp_path: Path) -> None:
    # The year's one target, its realisasi by quarter, one capaian for the year: each
    # quarter is a row (nothing dropped), the capaian on the last quarter's row.
    table = tmp_path / "pengukuran.csv"
    table.write_text(
        "No,Indikator Kinerja,Target,Realisasi,,,,Capaian\n"
        ",,,TW I,TW II,TW III,TW IV,\n"
        "1,Persentase laporan tepat waktu,100%,20%,45%,,,45%\n",
        encoding="utf-8",
    )
    rows = read_document(table)
    assert [(r.period, r.target_raw, r.realisasi_raw, r.capaian_raw) for r in rows] == [
        ("TW I", "100%", "20%", None),
        ("TW II", "100%", "45%", "45%"),
    ]


def test_one_line_quarter_headers_keep_every_quarter(tmp_path: Path) -> None:
    table = tmp_path / "rkt.csv"
    table.write_text(
        "No,Indikator Kinerja,Target Tahunan,Target TW I,Target TW II,Target TW III,"
        "Target TW IV\n1,Jumlah dokumen perencanaan,4 Dok,1 Dok,2 Dok,3 Dok,4 Dok\n",
        encoding="utf-8",
    )
    rows = read_document(table)
    assert [(r.period, r.target_raw) for r in rows] == [
        (None, "4 Dok"),
        ("TW I", "1 Dok"),
        ("TW II", "2 Dok"),
        ("TW III", "3 Dok"),
        ("TW IV", "4 Dok"),
    ]
    measured = tmp_path / "pengukuran.csv"
    measured.write_text(
        "No,Indikator Kinerja,Target,Realisasi TW I,Realisasi TW II,Capaian\n"
        "1,Persentase laporan tepat waktu,100%,20%,45%,45%\n",
        encoding="utf-8",
    )
    assert [(r.period, r.realisasi_raw) for r in read_document(measured)] == [
        ("TW I", "20%"),
        ("TW II", "45%"),
    ]
