"""read_document on documents it was not built on (tests/data/unseen), and the layout
rules those documents called for, one by one."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kinerja_target.tables import Row, read_document, write_rows
from kinerja_target.values import Grade, Number, Percent, Quantity

UNSEEN = Path(__file__).parent / "data" / "unseen"
sys.path.insert(0, str(UNSEEN))
import corpus  # noqa: E402

from containers import as_pipes, as_semicolon_csv, as_xlsx  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("unseen")


def test_the_corpus_is_there() -> None:
    names = corpus.documents()
    assert len(names) == 11
    assert (
        sum(len(corpus.expected(n)) for n in names) == 134
    )  # 128, and the six "-" years of the Magelang Renstra (decision 0271)


@pytest.mark.parametrize("name", corpus.documents())
def test_unseen_document_gives_exactly_its_expected_rows(name: str, folder: Path) -> None:
    rows = read_document(corpus.path_of(name, folder))
    score = corpus.score(rows, corpus.expected(name))
    assert score.missed == []
    assert score.extra == []
    assert score.found == score.want


# -- headers ---------------------------------------------------------------------------------------


def _read(text: str) -> list[Row]:
    return read_document(text)


def test_a_header_written_over_two_lines_is_one_header() -> None:
    # Neither line alone names an indicator and a target column.
    text = (
        "No\tSasaran\tIndikator\t\n"
        "\tStrategis\tKinerja\tTarget 2025\n"
        "1\tTerwujudnya A\tPersentase X\t90%\n"
    )
    (row,) = _read(text)
    assert (row.sasaran, row.indicator, row.target_raw) == ("Terwujudnya A", "Persentase X", "90%")


def test_header_words_under_a_header_are_not_a_row() -> None:
    text = (
        "No\tSasaran\tIndikator Kinerja\tTarget\n"
        "\tStrategis\tUtama\tTahun 2025\n"
        "1\tS\tJumlah A\t2 Lap\n"
    )
    assert [(r.line, r.indicator) for r in _read(text)] == [(3, "Jumlah A")]


def test_of_two_realisasi_columns_the_one_of_the_target_year_is_read() -> None:
    text = (
        "No\tIndikator Kinerja\tKondisi Awal (2019)\tRealisasi 2022\tTarget 2023\t"
        "Realisasi 2023\tCapaian (%)\n"
        "1\tPersentase partisipasi\t70%\t-\t80%\t83%\t103,75\n"
    )
    (row,) = _read(text)
    assert (row.target_raw, row.realisasi_raw, row.capaian_raw) == ("80%", "83%", "103,75")


def test_a_baseline_column_is_never_the_target() -> None:
    text = "Indikator Kinerja\tKondisi Awal\tTarget\nPersentase A\t60%\t\n"
    (row,) = _read(text)
    assert row.target_raw == ""


def test_column_numbers_may_carry_their_formula() -> None:
    text = (
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n"
        "(1)\t(2)\t(3)\t(4)\t(5)=(4)/(3)x100%\n"
        "1\tPersentase A\t80%\t80%\t100%\n"
    )
    assert [r.line for r in _read(text)] == [3]


def test_the_header_of_a_budget_table_ends_the_performance_table() -> None:
    text = (
        "No\tSasaran\tIndikator Kinerja\tTarget\n1\tS\tPersentase A\t100%\n"
        "Program\tAnggaran\n1\tProgram Dukungan Manajemen\tRp 6.875.412.000\n"
    )
    assert [r.indicator for r in _read(text)] == ["Persentase A"]


def test_an_iku_formula_column_between_indicator_and_target() -> None:
    text = (
        "No\tIndikator Kinerja Utama\tPenjelasan/Formulasi\tSumber Data\tTarget\n"
        "1\tPersentase laporan tepat waktu\tlaporan tepat waktu / seluruh laporan x 100%\t"
        "SAKTI\t100%\n"
        "\t\tx 100%\t\t\n"
    )
    (row,) = _read(text)
    assert (row.indicator, row.target_raw) == ("Persentase laporan tepat waktu", "100%")


# -- multi-year targets (docs/decisions/0205) ------------------------------------------------------


def test_a_multi_year_table_gives_one_row_for_each_year_with_a_target() -> None:
    text = (
        "RENCANA STRATEGIS KPU KOTA TUAL TAHUN 2020-2024\n\n"
        "Indikator\tTarget 2020\t2021\t2022\t2023\t2024\n"
        "Persentase partisipasi pemilih\t75%\t-\t-\t\t80%\n"
        "Jumlah laporan\t\t\t\t\t\n"
    )
    rows = _read(text)
    # A "-" is the plan saying it sets no target that year: a row, as the cell says
    # (docs/decisions/0271); an empty cell is no row.
    assert [(r.indicator, r.year, r.target_raw) for r in rows] == [
        ("Persentase partisipasi pemilih", 2020, "75%"),
        ("Persentase partisipasi pemilih", 2021, "-"),
        ("Persentase partisipasi pemilih", 2022, "-"),
        ("Persentase partisipasi pemilih", 2024, "80%"),
        ("Jumlah laporan", 2020, ""),  # no year has a target: one row, the heading's year
    ]
    assert {r.doc_type for r in rows} == {"Renstra"}
    assert rows[3].target == Percent(Decimal(80))


def test_target_columns_under_a_spanning_target_header() -> None:
    text = (
        "No\tIndikator Kinerja\tSatuan\tTarget\t\t\n"
        "\t\t\t2023\t2024\t2025\n"
        "1\tPersentase A\t%\t80\t85\t90\n"
    )
    rows = _read(text)
    assert [(r.year, r.target_raw, r.target) for r in rows] == [
        (2023, "80", Percent(Decimal(80))),
        (2024, "85", Percent(Decimal(85))),
        (2025, "90", Percent(Decimal(90))),
    ]


def test_one_target_year_is_no_multi_year_table() -> None:
    text = "Indikator\tTarget 2024\tTarget Renstra 2026\nPersentase A\t80%\t90%\n"
    (row,) = _read(text)
    assert row.target_raw == "80%"


# -- Satuan columns (docs/decisions/0206) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "satuan", "value"),
    [
        ("12", "Laporan", Quantity(Decimal(12), "laporan")),
        ("100", "%", Percent(Decimal(100))),
        ("80", "Persen", Percent(Decimal(80))),
        ("3,5", "Indeks", Number(Decimal("3.5"))),  # not a unit: the number stays bare
        ("BB", "Nilai", Grade("BB", "sakip")),  # not a bare number: the cell as it is
        ("6 kegiatan", "Kegiatan", Quantity(Decimal(6), "kegiatan")),
    ],
)
def test_a_satuan_column_types_a_bare_number(target: str, satuan: str, value: object) -> None:
    text = f"No\tIndikator Kinerja\tTarget\tSatuan\n1\tJumlah X\t{target}\t{satuan}\n"
    (row,) = _read(text)
    assert (row.target_raw, row.satuan) == (target, satuan)
    assert row.target == value


def test_satuan_survives_the_round_trip(tmp_path: Path) -> None:
    row = Row(indicator="Jumlah laporan", target_raw="12", satuan="Laporan", year=2024)
    assert row.target == Quantity(Decimal(12), "laporan")
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"rows{suffix}"
        write_rows([row], path)
        (back,) = read_document(path)
        assert back == row
        assert back.target == row.target


# -- numbering (docs/decisions/0207) ---------------------------------------------------------------


def test_roman_group_rows_are_sasaran_and_sub_numbers_stay_in_the_no_column() -> None:
    text = (
        "No\tSasaran Strategis\tIndikator Kinerja\tTarget\n"
        "I.\tMeningkatnya A\n"
        "1.1\tPersentase X\t90%\n"
        "1.2\t\tIndeks Y\t3,5\n"
        "II\tTerwujudnya B\n"
        "a.\tNilai Z\tBB\n"
    )
    rows = _read(text)
    assert [(r.sasaran, r.indicator, r.target_raw) for r in rows] == [
        ("Meningkatnya A", "Persentase X", "90%"),
        ("Meningkatnya A", "Indeks Y", "3,5"),
        ("Terwujudnya B", "Nilai Z", "BB"),
    ]


def test_list_markers_in_a_cell_are_numbering_not_wording() -> None:
    text = (
        "No\tSasaran\tIndikator Kinerja\tTarget\n"
        "1.\ta. Terwujudnya A\ta. Persentase X\t100%\n"
        "\t\tb. jumlah laporan yang<br>disusun\t4 Lap\n"
    )
    rows = _read(text)
    assert [(r.sasaran, r.indicator, r.doubts) for r in rows] == [
        ("Terwujudnya A", "Persentase X", ()),
        ("Terwujudnya A", "jumlah laporan yang disusun", ()),  # a marked row is a new row
    ]


# -- signatures and spreadsheets -------------------------------------------------------------------


def test_a_signature_block_side_by_side_in_cells_names_the_pihak_pertama() -> None:
    text = (
        "PERJANJIAN KINERJA TAHUN 2024\nSEKRETARIAT KPU KABUPATEN SLEMAN\n\n"
        "No\tSasaran\tIndikator Kinerja\tTarget\n1\tS\tPersentase A\t100%\n\n"
        "Sleman, 2 Januari 2024\n\n"
        "Pihak Kedua\t\tPihak Pertama\n"
        "Sekretaris KPU Kabupaten Sleman\t\tKepala Subbagian Keuangan,\n"
        "\t\tUmum dan Logistik\n\nAni\t\tBudi\n"
    )
    (row,) = _read(text)
    assert row.unit == "Sekretariat KPU Kabupaten Sleman / Subbagian Keuangan, Umum dan Logistik"


def test_a_date_in_the_right_hand_columns_of_a_csv_ends_the_table(tmp_path: Path) -> None:
    path = tmp_path / "pk.csv"
    path.write_text(
        "PK KPU KOTA TUAL TAHUN 2024;;;\nNo;Indikator Kinerja;Target;\n1;Persentase A;100%;\n"
        ";;Tual, 2 Januari 2024;\nPihak Kedua;;Pihak Pertama;\n"
        "Ketua KPU Kota Tual;;Sekretaris KPU Kota Tual;\n",
        encoding="utf-8",
    )
    (row,) = read_document(path)
    assert row.unit == "KPU Kota Tual / Sekretaris"


def test_workbook_numbers_are_shown_as_their_format_shows_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["LAPORAN KINERJA KPU KOTA TUAL TAHUN 2023"])
    sheet.merge_cells("A1:D1")  # a title across the columns is one value
    sheet.append(["Indikator Kinerja", "Target", "Realisasi", "Capaian"])
    sheet.append(["Persentase A", 0.8, 0.8235, 0.8235 / 0.8 * 100])
    sheet.append(["Nilai B", 2.5, 0.1 + 0.2, 1234.5])
    sheet["B3"].number_format, sheet["C3"].number_format = "0%", "0.00%"
    sheet["D3"].number_format = "#,##0.00"
    path = tmp_path / "lkj.xlsx"
    book.save(path)
    rows = read_document(path)
    assert [(r.target_raw, r.realisasi_raw, r.capaian_raw) for r in rows] == [
        ("80%", "82,35%", "102,94"),
        ("2,5", "0,3", "1234,5"),
    ]
    assert {(r.unit, r.year, r.doc_type) for r in rows} == {("KPU Kota Tual", 2023, "LKj")}


def test_a_row_padded_back_to_the_header_width_is_realigned() -> None:
    # A sheet (or a converter) pads a row that lost its first cell back to full width.
    text = (
        "No\tSasaran\tIndikator Kinerja\tTarget\tSatuan\n"
        "1\tTerwujudnya A\tJumlah laporan\t2\tLaporan\n"
        "\tJumlah revisi\t4\tKali\t\n"
    )
    rows = _read(text)
    assert [(r.sasaran, r.indicator, r.target_raw, r.satuan) for r in rows] == [
        ("Terwujudnya A", "Jumlah laporan", "2", "Laporan"),
        ("Terwujudnya A", "Jumlah revisi", "4", "Kali"),
    ]


# -- the same unseen document in another container -------------------------------------------------


def _tabbed(name: str) -> bool:
    """A text document whose rows are all tab-separated: a markdown table's rows have
    no tabs for the containers below to split into cells."""
    path = UNSEEN / f"{name}.txt"
    if not path.is_file():
        return False
    lines = path.read_text(encoding="utf-8").split("\n")
    return all("\t" in lines[int(row[0]) - 1] for row in corpus.expected(name))


TABBED = [n for n in corpus.documents() if _tabbed(n)]


@pytest.mark.parametrize("container", [as_pipes, as_semicolon_csv, as_xlsx])
@pytest.mark.parametrize("name", TABBED)
def test_the_same_unseen_document_in_another_container_gives_the_same_rows(
    name: str, container: object, tmp_path: Path
) -> None:
    assert callable(container)
    path = UNSEEN / f"{name}.txt"
    rows = read_document(container(path.read_text(encoding="utf-8"), tmp_path))
    assert sorted(corpus.key(r) for r in rows) == sorted(corpus.expected(name))


# -- sasaran headings, KPU RI, two-line headers across pages (docs/decisions/0209) -------------


def test_a_sasaran_named_in_prose_goes_to_the_table_below_it() -> None:
    text = (
        "Sasaran Strategis 1: Meningkatnya partisipasi\n\n"
        "Indikator Kinerja\tTarget\tRealisasi\tCapaian\nPersentase A\t80%\t82%\t102,5%\n\n"
        "Sasaran 2 : Terwujudnya tata kelola\nyang akuntabel\n\n"
        "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n1\tNilai B\tA\tBB\t88\n\n"
        "SASARAN STRATEGIS III MENINGKATNYA LAYANAN\n\n"
        "Indikator Kinerja\tTarget\tRealisasi\tCapaian\nJumlah C\t2 Lap\t2 Lap\t100%\n\n"
        "BAB IV\n\nIndikator Kinerja\tTarget\tRealisasi\tCapaian\nJumlah D\t1 Lap\t1 Lap\t100%\n"
    )
    assert [(r.indicator, r.sasaran) for r in _read(text)] == [
        ("Persentase A", "Meningkatnya partisipasi"),
        ("Nilai B", "Terwujudnya tata kelola yang akuntabel"),
        ("Jumlah C", "MENINGKATNYA LAYANAN"),
        ("Jumlah D", None),  # a new chapter: the heading no longer applies
    ]


def test_prose_about_a_sasaran_is_no_heading() -> None:
    text = (
        "Sasaran ini diukur dengan dua indikator.\n\nIndikator Kinerja\tTarget\nPersentase A\t80%\n"
    )
    (row,) = _read(text)
    assert row.sasaran is None


@pytest.mark.parametrize(
    ("heading", "unit"),
    [
        ("KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA", "KPU RI"),
        ("SEKRETARIAT JENDERAL KOMISI PEMILIHAN UMUM", "Sekretariat Jenderal KPU"),
        ("Sekretariat Jenderal KPU RI", "Sekretariat Jenderal KPU"),
        ("SETJEN KPU", "Sekretariat Jenderal KPU"),
    ],
)
def test_the_commission_at_the_centre_and_its_secretariat(heading: str, unit: str) -> None:
    text = f"RKT TAHUN 2024\n{heading}\n\nIndikator Kinerja\tTarget\nPersentase A\t80%\n"
    (row,) = _read(text)
    assert (row.satker, row.unit) == ("KPU RI", unit)


def test_a_bureau_head_signing_a_setjen_pk_is_the_sub_unit() -> None:
    text = (
        "PERJANJIAN KINERJA TAHUN 2024\nSEKRETARIAT JENDERAL KPU\n\n"
        "Indikator Kinerja\tTarget\nPersentase A\t80%\n\n"
        "Pihak Kedua\nKepala Biro Perencanaan dan Data\n\nAni\n\n"
        "Pihak Pertama\nKepala Bagian Perencanaan\nSekretariat Jenderal KPU\n\nBudi\n"
    )
    (row,) = _read(text)
    # a Bagian under a Biro is a Bagian, not a Sub Bagian
    assert (row.satker, row.unit) == ("KPU RI", "Sekretariat Jenderal KPU / Bagian Perencanaan")


def test_a_two_line_header_repeated_after_a_page_break_continues_the_table() -> None:
    text = (
        "No\tSasaran\tIndikator Kinerja\t\n\tStrategis\tUtama\tTarget 2025\n"
        "1\tTerwujudnya A\tPersentase laporan yang\t\n12\n"
        "No\tSasaran\tIndikator Kinerja\t\n\tStrategis\tUtama\tTarget 2025\n"
        "\t\tdisusun tepat waktu\t90%\n\t\tJumlah B\t2 Lap\n"
    )
    assert [(r.line, r.sasaran, r.indicator, r.target_raw, r.doubts) for r in _read(text)] == [
        (3, "Terwujudnya A", "Persentase laporan yang disusun tepat waktu", "90%", ()),
        (8, "Terwujudnya A", "Jumlah B", "2 Lap", ()),
    ]


def test_a_flattened_lkj_header_one_cell_per_line_fills_realisasi_and_capaian() -> None:
    text = (
        "LAPORAN KINERJA KPU KOTA TUAL TAHUN 2023\n\n"
        "Indikator Kinerja\n\nTarget\n\nRealisasi\n\nCapaian (%)\n\n"
        "Persentase partisipasi\npemilih\n\n80%\n\n84%\n\n105%\n\n"
        "Nilai Akuntabilitas\nKinerja\n\nBB\n\nB\n\n87,5\n"
    )
    assert [(r.indicator, r.target_raw, r.realisasi_raw, r.capaian_raw) for r in _read(text)] == [
        ("Persentase partisipasi pemilih", "80%", "84%", "105%"),
        ("Nilai Akuntabilitas Kinerja", "BB", "B", "87,5"),
    ]
