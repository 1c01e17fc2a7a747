"""read_document: the gold rows of the five seeds, each layout rule, the file formats."""

from __future__ import annotations

import csv
import json
import pickle
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import attrs
import openpyxl
import pytest

from containers import as_crlf, as_csv, as_pipes, as_xlsx
from kinerja_target.documents import DOUBTS, Row, read_document, read_file, write_rows
from kinerja_target.errors import DocumentReadError
from kinerja_target.values import Percent, Quantity

DATA = Path(__file__).parent / "data"
SEEDS = sorted(DATA.glob("00[0-4]_*.txt"))


class Gold(NamedTuple):
    line: int
    satker: str
    unit: str
    indicator: str
    target: str


def _gold() -> dict[str, list[Gold]]:
    out: dict[str, list[Gold]] = defaultdict(list)
    with (DATA / "seed_indicators.tsv").open(encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for seed, line, satker, unit, indicator, target, _cluster in reader:
            out[seed].append(Gold(int(line), satker, unit, indicator, target))
    return out


GOLD = _gold()


def _key(line: int, indicator: str, target: str) -> tuple[int, str, str]:
    return (line, indicator, target)


@pytest.fixture(scope="module")
def seed_rows() -> dict[str, list[Row]]:
    return {path.name: read_document(path) for path in SEEDS}


# -- the gold ---------------------------------------------------------------------------------


def test_the_five_seeds_are_there() -> None:
    assert [p.name[:3] for p in SEEDS] == ["000", "001", "002", "003", "004"]
    assert sum(len(GOLD[p.name]) for p in SEEDS) == 360


@pytest.mark.parametrize("path", SEEDS[:4], ids=lambda p: p.name[:3])
def test_tabbed_seeds_give_exactly_the_gold_rows(
    path: Path, seed_rows: dict[str, list[Row]]
) -> None:
    gold = {_key(g.line, g.indicator, g.target) for g in GOLD[path.name]}
    got = [_key(r.line or 0, r.indicator, r.target_raw) for r in seed_rows[path.name]]
    assert len(got) == len(set(got))
    assert sorted(gold - set(got)) == []  # missed
    assert sorted(set(got) - gold) == []  # extra
    assert not any(r.unsure for r in seed_rows[path.name])


def test_flattened_seed_gives_the_gold_rows_or_says_it_is_unsure(
    seed_rows: dict[str, list[Row]],
) -> None:
    path = SEEDS[4]
    rows = seed_rows[path.name]
    gold = {_key(g.line, g.indicator, g.target) for g in GOLD[path.name]}
    got = {_key(r.line or 0, r.indicator, r.target_raw): r for r in rows}
    found = gold & set(got)
    assert len(found) >= 0.9 * len(gold)
    unsure_lines = {r.line for r in rows if r.unsure}
    assert {line for line, *_ in gold - found} <= unsure_lines  # every miss is flagged
    assert set(got) - gold <= {k for k, r in got.items() if r.unsure}  # so is every extra
    assert len(rows) == len(gold)


def test_flattened_seed_flags_its_hard_rows(seed_rows: dict[str, list[Row]]) -> None:
    rows = {r.line: r for r in seed_rows[SEEDS[4].name]}
    # 8.435 on one line, "orang" two lines down
    assert rows[133].target_raw == "8.435 orang"
    assert rows[133].target == Quantity(Decimal(8435), "orang")
    assert rows[133].doubts == ("target_split",)
    # sasaran-style wording in the indicator cell
    assert rows[420].doubts == ("no_measure_word",)
    assert rows[506].doubts == ("no_measure_word",)
    # the sasaran copies of three indicators are not rows of their own
    assert not {398, 457, 464} & set(rows)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_units_and_satker_follow_the_gold(path: Path, seed_rows: dict[str, list[Row]]) -> None:
    gold = {g.line: (g.satker, g.unit) for g in GOLD[path.name]}
    got = {r.line: (r.satker, r.unit) for r in seed_rows[path.name]}
    wrong = {line: (got.get(line), want) for line, want in gold.items() if got.get(line) != want}
    assert wrong == {}


@pytest.mark.parametrize(
    ("index", "year", "doc_type"),
    [(0, 2024, "RKT"), (1, 2023, "RKT"), (2, 2024, "RKT"), (3, 2024, "PK"), (4, 2024, "RKT")],
)
def test_year_and_document_type(
    index: int, year: int, doc_type: str, seed_rows: dict[str, list[Row]]
) -> None:
    rows = seed_rows[SEEDS[index].name]
    assert {(r.year, r.doc_type) for r in rows} == {(year, doc_type)}


def test_targets_are_parsed_with_the_indicator(seed_rows: dict[str, list[Row]]) -> None:
    rows = {r.line: r for r in seed_rows[SEEDS[1].name]}
    assert rows[23].target == Percent(Decimal(35))  # a bare 35 under "Persentase ..."
    assert rows[23].target is not None
    assert "unit_inferred" in rows[23].target.warnings
    assert all(r.target is not None for rs in seed_rows.values() for r in rs)


def test_sasaran_is_carried_down_and_page_splits_joined(seed_rows: dict[str, list[Row]]) -> None:
    kaltim = {r.line: r for r in seed_rows[SEEDS[2].name]}
    assert kaltim[90].indicator == (
        "Persentase sarana transportasi untuk mendukung kinerja pegawai yang berfungsi dengan baik"
    )
    assert kaltim[90].sasaran == (
        "Terwujudnya Dukungan Sarana dan Prasarana guna Meningkatkan Kelancaran Tugas KPU"
    )
    assert kaltim[96].sasaran == kaltim[90].sasaran  # "as above"
    assert kaltim[115].indicator.endswith("diajukan ke Mahkamah Konstitusi")
    assert kaltim[115].target_raw == "2 perkara"


# -- layout rules, one by one --------------------------------------------------------------------

HEADER = "No\tSasaran Strategis\tIndikator Kinerja\tTarget\n"


def _read(text: str) -> list[Row]:
    return read_document(text)


def test_header_found_by_vocabulary_not_position() -> None:
    text = "NO\tTUJUAN\tSASARAN\tINDIKATOR KINERJA UTAMA\tTARGET 2025\n1.\tT\tS\tJumlah X\t3 Lap\n"
    assert [(r.sasaran, r.indicator, r.target_raw) for r in _read(text)] == [
        ("S", "Jumlah X", "3 Lap")
    ]


def test_rows_that_do_not_line_up_are_right_aligned() -> None:
    text = (
        "NO\tPROGRAM\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"
        "1.\tProgram A\tTerwujudnya A\tPersentase A\t100%\n"
        "\tTerwujudnya B\tPersentase B\t90%\n"  # a leading cell dropped
        "Terwujudnya C\tPersentase C\t80%\t\n"  # and a trailing one added
        "\t\tPersentase D\t70%\n"
    )
    got = [(r.sasaran, r.indicator, r.target_raw) for r in _read(text)]
    assert got == [
        ("Terwujudnya A", "Persentase A", "100%"),
        ("Terwujudnya B", "Persentase B", "90%"),
        ("Terwujudnya C", "Persentase C", "80%"),
        ("Terwujudnya C", "Persentase D", "70%"),
    ]


def test_page_split_after_a_repeated_header_with_column_numbers() -> None:
    text = (
        HEADER + "(1)\t(2)\t(3)\t(4)\n1\tTerwujudnya A\tPersentase informasi dan\t100%\n\n"
        "\f" + HEADER + "<i>(1)</i>\t<i>(2)</i>\t<i>(3)</i>\t<i>(4)</i>\n"
        "\t\tpublikasi yang ditampilkan\t\n2\tTerwujudnya B\tJumlah B\t2 Lap\n"
    )
    rows = _read(text)
    assert [(r.line, r.indicator, r.target_raw, r.doubts) for r in rows] == [
        (3, "Persentase informasi dan publikasi yang ditampilkan", "100%", ()),
        (8, "Jumlah B", "2 Lap", ()),
    ]


def test_a_row_in_lower_case_without_a_target_continues_the_row_above() -> None:
    text = HEADER + "1\tS\tPersentase logistik tepat\t\n\t\twaktu dan jumlah\t100%\n"
    (row,) = _read(text)
    assert (row.indicator, row.target_raw) == ("Persentase logistik tepat waktu dan jumlah", "100%")
    assert row.doubts == ("joined_lines",)


def test_a_row_without_target_is_kept_as_a_row() -> None:
    (row,) = _read(HEADER + "1\tS\tPersentase A\t\n")
    assert row.target_raw == ""
    assert row.target is not None
    assert row.target.kind == "missing"


def test_separators_budget_tables_and_prose_are_not_rows() -> None:
    text = (
        HEADER + "1\tS\tPersentase A\t100%\n--\t--\t---\t-----\n\nProgram\n\nAnggaran\n\n"
        "- | | | |\n|---|---|---|\n| 1 | Program Dukungan Manajemen | Rp 10.252.187.000 |\n"
    )
    assert [r.indicator for r in _read(text)] == ["Persentase A"]


def test_markdown_pipe_table_with_realisasi_and_capaian_is_an_lkj() -> None:
    text = (
        "LAPORAN KINERJA KPU KABUPATEN SAROLANGUN TAHUN 2019\n\n"
        "| No | Sasaran | Indikator Kinerja | Target | Realisasi | Capaian (%) |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Meningkatnya partisipasi | Persentase Partisipasi Pemilih | 80% | 83% | 100% |\n"
    )
    (row,) = _read(text)
    assert (row.target_raw, row.realisasi_raw, row.capaian_raw) == ("80%", "83%", "100%")
    assert (row.unit, row.year, row.doc_type) == ("KPU Kabupaten Sarolangun", 2019, "LKj")


def test_lkj_rows_align_on_their_values_when_a_remark_column_follows() -> None:
    text = (
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tKeterangan\n"
        "1\tMeningkatnya A\tPersentase partisipasi\t80%\t83%\t100%\tTercapai\n"
        "\tPersentase B\t90%\t85%\t94,4%\n"  # no remark, a leading cell lost
        "\t\tJumlah laporan\t12 Lap\t12 Lap\t100%\tTercapai\t\n"  # a trailing cell added
    )
    got = [(r.indicator, r.target_raw, r.realisasi_raw, r.capaian_raw) for r in _read(text)]
    assert got == [
        ("Persentase partisipasi", "80%", "83%", "100%"),
        ("Persentase B", "90%", "85%", "94,4%"),
        ("Jumlah laporan", "12 Lap", "12 Lap", "100%"),
    ]


def test_a_satuan_column_types_a_bare_target() -> None:
    text = "No\tIndikator Kinerja Utama\tSatuan\tTarget\n1\tPersentase X\t%\t90\n"
    (row,) = _read(text)
    assert row.target_raw == "90"
    assert row.target == Percent(Decimal(90))


def test_rows_without_a_header_are_read_from_the_right_and_flagged() -> None:
    text = "RKT KPU KOTA AMBON\n\n1\tTerwujudnya A\tPersentase X\t100%\n\t\tJumlah Y\t12 Lap\n"
    rows = _read(text)
    assert [(r.sasaran, r.indicator, r.target_raw) for r in rows] == [
        ("Terwujudnya A", "Persentase X", "100%"),
        ("Terwujudnya A", "Jumlah Y", "12 Lap"),
    ]
    assert all(r.doubts == ("no_header",) for r in rows)


def test_a_text_without_tables_gives_no_rows() -> None:
    assert _read("Kata Pengantar\n\nPuji syukur kami panjatkan.\n") == []


# -- headings, units and the PK cascade -------------------------------------------------------


def test_units_come_from_headings_not_from_signatures() -> None:
    text = (
        "RENCANA KINERJA TAHUNAN (RKT)\nKOMISI PEMILIHAN UMUM KOTA AMBON\nTAHUN 2024\n\n"
        + HEADER
        + "1\tS\tPersentase A\t100%\n\nKetua,\nKomisi Pemilihan Umum\nKota Ambon\n\n"
        "Nama/Unit Organisasi : Sekretariat KPU Provinsi insi Kalimantan Timur\n"
        "Tahun Anggaran : 2025\n\n" + HEADER + "1\tS\tJumlah B\t2 Lap\n"
    )
    rows = _read(text)
    assert [(r.unit, r.satker, r.year) for r in rows] == [
        ("KPU Kota Ambon", "KPU Kota Ambon", 2024),
        ("Sekretariat KPU Provinsi Kalimantan Timur", "KPU Provinsi Kalimantan Timur", 2025),
    ]


def test_a_pk_table_belongs_to_the_pihak_pertama_signing_below_it() -> None:
    text = (
        "PERJANJIAN KINERJA TAHUN 2025\nSEKRETARIAT KPU KABUPATEN BANDUNG\n\n"
        + HEADER
        + "1\tS\tPersentase A\t100%\n\nBandung, Januari 2025\nPIHAK KEDUA\n"
        "Kepala Bagian Umum dan Logistik\n\nBudi\n\nPIHAK PERTAMA\nKepala Bagian Umum\n\nAni\n\n"
        "PERJANJIAN KINERJA TAHUN 2025\nSEKRETARIAT KPU KABUPATEN BANDUNG\n\n"
        + HEADER
        + "1\tS\tPersentase B\t100%\n\nPihak Kedua\nSekretaris KPU Kabupaten Bandung\n\n"
        "Pihak Pertama\nKepala Bagian Keuangan,\nUmum dan Logistik\n"
    )
    rows = _read(text)
    # a head of a Bagian signing under another head of a Bagian heads a sub-bagian
    assert [r.unit for r in rows] == [
        "Sekretariat KPU Kabupaten Bandung / Sub Bagian Umum",
        "Sekretariat KPU Kabupaten Bandung / Bagian Keuangan, Umum dan Logistik",
    ]
    assert {r.satker for r in rows} == {"KPU Kabupaten Bandung"}
    assert {r.doc_type for r in rows} == {"PK"}


def test_a_legal_citation_is_not_the_year() -> None:
    text = (
        "PERJANJIAN KINERJA TAHUN 2024\nKPU KOTA TUAL\n\n"
        "Berdasarkan Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum\n\n"
        + HEADER
        + "1\tS\tPersentase A\t100%\n"
    )
    assert [r.year for r in _read(text)] == [2024]


# -- the flattened layout -------------------------------------------------------------------------


def test_flattened_rows_end_at_target_shaped_lines() -> None:
    text = (
        "RENCANA KINERJA TAHUNAN (RKT) KPU KOTA TUAL TAHUN 2023\n\n"
        "Sasaran Kinerja Indikator Kinerja Target Kegiatan\n\n"
        "Terwujudnya layanan yang baik\n\n"
        "Persentase laporan yang\n\nselesai tepat waktu\n\n100%\n\n"
        "Menyusun laporan\n\nbulanan\n\n"
        "Jumlah dokumen yang disusun 12 Dok\n\n"
        "Menyusun dokumen\n\n"
        "Persentase pegawai terlatih\n\n"
        "100% Pelatihan pegawai\n\n"
        "Nilai Akuntabilitas Kinerja BB Penyusunan Laporan SAKIP\n\n"
        "Tual, 5 Januari 2023\n"
    )
    rows = _read(text)
    assert [(r.line, r.indicator, r.target_raw) for r in rows] == [
        (7, "Persentase laporan yang selesai tepat waktu", "100%"),
        (17, "Jumlah dokumen yang disusun", "12 Dok"),
        (21, "Persentase pegawai terlatih", "100%"),
        (25, "Nilai Akuntabilitas Kinerja", "BB"),
    ]
    assert rows[0].sasaran == "Terwujudnya layanan yang baik"
    assert {(r.unit, r.year, r.doc_type) for r in rows} == {("KPU Kota Tual", 2023, "RKT")}
    assert not any(r.unsure for r in rows)


def test_flattened_number_inside_indicator_is_not_the_target() -> None:
    text = (
        "Persentase informasi yang ditampilkan\n\npaling lambat 1 hari kerja\n\n100%\n\n"
        "Pengelolaan media\n"
    )
    (row,) = _read(text)
    assert (row.indicator, row.target_raw) == (
        "Persentase informasi yang ditampilkan paling lambat 1 hari kerja",
        "100%",
    )


def test_flattened_values_after_the_target_fill_realisasi_and_capaian() -> None:
    text = (
        "LAPORAN KINERJA KPU KOTA TUAL TAHUN 2023\nIndikator Kinerja Target Realisasi Capaian\n"
        "Persentase partisipasi pemilih\ndalam pemilu\n80%\n75%\n93,75%\n"
    )
    (row,) = _read(text)
    assert (row.target_raw, row.realisasi_raw, row.capaian_raw) == ("80%", "75%", "93,75%")
    assert row.doc_type == "LKj"


def test_flattened_row_with_no_cue_is_flagged() -> None:
    text = "100%\n\nKegiatan A\n\nlaporan yang disusun\n\n100%\n"
    rows = _read(text)
    assert [(r.indicator, r.doubts) for r in rows] == [
        ("Kegiatan A laporan yang disusun", ("start_guessed",))
    ]


# -- CSV and XLSX ----------------------------------------------------------------------------------


def test_csv_with_title_rows_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "rkt.csv"
    path.write_text(
        "RENCANA KINERJA TAHUNAN KPU KOTA AMBON TAHUN 2024;;;\n;;;\n"
        "No;Sasaran;Indikator Kinerja;Target\n1;Terwujudnya A;Persentase X;100%\n"
        ';;Jumlah Y;"12 Lap"\n',
        encoding="utf-8",
    )
    rows = read_document(path)
    assert [(r.line, r.sasaran, r.indicator, r.target_raw) for r in rows] == [
        (4, "Terwujudnya A", "Persentase X", "100%"),
        (5, "Terwujudnya A", "Jumlah Y", "12 Lap"),
    ]
    assert {(r.unit, r.year, r.doc_type, r.source) for r in rows} == {
        ("KPU Kota Ambon", 2024, "RKT", str(path))
    }


def test_xlsx_merged_sasaran_and_percent_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PERJANJIAN KINERJA KPU PROVINSI MALUKU TAHUN 2024"])
    sheet.append(["No", "Sasaran", "Indikator", "Target"])
    sheet.append([1, "Terwujudnya A", "Persentase X", 0.975])
    sheet.append([2, None, "Jumlah laporan", 2])
    sheet.merge_cells("B3:B4")
    sheet["D3"].number_format = "0.0%"
    path = tmp_path / "pk.xlsx"
    book.save(path)
    rows = read_document(path)
    assert [(r.line, r.sasaran, r.target_raw) for r in rows] == [
        (3, "Terwujudnya A", "97,5%"),
        (4, "Terwujudnya A", "2"),
    ]
    assert rows[0].target == Percent(Decimal("97.5"))
    assert {(r.unit, r.doc_type) for r in rows} == {("KPU Provinsi Maluku", "PK")}


def test_write_table_reads_back_as_the_same_rows(tmp_path: Path) -> None:
    rows = [
        Row(
            indicator='Jumlah "laporan", disusun',
            target_raw="=1+1",
            sasaran="S",
            satker="KPU Kota Ambon",
            unit="Sekretariat KPU Kota Ambon",
            year=2024,
            doc_type="PK",
        ),
        Row(indicator="Persentase X", target_raw="", realisasi_raw="3", capaian_raw="100"),
    ]
    for suffix in (".csv", ".tsv", ".xlsx"):
        path = tmp_path / f"rows{suffix}"
        write_rows(rows, path)
        back = read_document(path)
        assert back == rows
        assert [r.line for r in back] == [2, 3]


# -- errors: the file and the line, never a traceback -------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"),
    [
        ("open.csv", 'No,Indikator,Target\n1,"Persentase X,100%\n2,Y,3\n', 2, "malformed CSV"),
        ("plain.csv", "a,b,c\n1,2,3\n", 1, "no header row"),
        ("binary.txt", b"RKT\nabc\x00def", 2, "binary"),
        ("book.xlsx", b"PK\x03\x04 not really a zip", None, "workbook"),
    ],
)
def test_malformed_files_raise_document_read_error(
    tmp_path: Path, name: str, content: str | bytes, line: int | None, reason: str
) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    assert info.value.source == str(path)
    assert info.value.line == line
    assert reason in info.value.reason
    assert str(path) in str(info.value)


def test_bytes_undefined_in_windows_1252_are_read_as_latin_1(tmp_path: Path) -> None:
    # 0x81 has no Windows-1252 character: Latin-1 reads it, and the guess is a note.
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Indikator\x81\n")
    reading = read_file(path)
    assert reading.rows == ()
    assert any("Windows-1252" in note and "line 1" in note for note in reading.notes)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match="no such file"):
        read_document(tmp_path / "none.txt")


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes((HEADER + "1\tS\tPersentase caf\xe9\t100%\n").encode("cp1252"))
    assert [r.indicator for r in read_document(path)] == ["Persentase café"]


# -- the Row value --------------------------------------------------------------------------------


def test_row_equality_leaves_out_where_it_was_read() -> None:
    a = Row(indicator="Persentase A", target_raw="100%", source="a.txt", line=3)
    b = Row(indicator="Persentase A", target_raw="100%", source="b.csv", line=9, doubts=["x"])
    assert a == b
    assert a != attrs.evolve(a, target_raw="90%")
    assert a.target == Percent(Decimal(100))
    assert Row(indicator="X", target_raw="hmm").target is None


def test_row_is_frozen_slotted_and_pickles() -> None:
    row = Row(indicator="Jumlah A", target_raw="2 Lap", unit="KPU Kota Ambon", line=4)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.indicator = "B"  # type: ignore[misc]
    assert not hasattr(row, "__dict__")
    assert pickle.loads(pickle.dumps(row)) == row
    assert repr(row) == (
        "Row(indicator='Jumlah A', target_raw='2 Lap', unit='KPU Kota Ambon', line=4)"
    )


def test_row_to_dict_is_json() -> None:
    row = Row(indicator="Jumlah A", target_raw="2 Lap", doubts=["target_split"], line=1)
    data = json.loads(json.dumps(row.to_dict()))
    assert data["target"]["unit"] == "laporan"
    assert data["doubts"] == ["target_split"]
    assert row.where == "<text>:1"
    assert row.unsure


def test_every_doubt_is_explained() -> None:
    rows = [r for p in SEEDS for r in read_document(p)]
    assert {d for r in rows for d in r.doubts} <= set(DOUBTS)
    assert all(DOUBTS.values())


# -- the same document in another container ---------------------------------------------------


@pytest.mark.parametrize("container", [as_pipes, as_crlf, as_csv, as_xlsx])
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_the_same_document_in_another_container_gives_the_same_rows(
    path: Path, container: object, tmp_path: Path, seed_rows: dict[str, list[Row]]
) -> None:
    assert callable(container)
    rows = read_document(container(path.read_text(encoding="utf-8"), tmp_path))
    want = [(r.line, r.indicator, r.target_raw, r.sasaran, r.unit) for r in seed_rows[path.name]]
    assert [(r.line, r.indicator, r.target_raw, r.sasaran, r.unit) for r in rows] == want


def test_an_exported_row_that_reads_like_a_column_name_stays_a_row(tmp_path: Path) -> None:
    # Found by the round-trip property: an indicator cell "SATUAN" was taken for the
    # second line of the export's header, and the file had no rows left.
    rows = [Row(indicator="SATUAN", target_raw="12 Lap"), Row(indicator="Target", target_raw="")]
    path = tmp_path / "rows.csv"
    write_rows(rows, path)
    again = read_document(path)
    assert [(r.indicator, r.target_raw) for r in again] == [("SATUAN", "12 Lap"), ("Target", "")]
