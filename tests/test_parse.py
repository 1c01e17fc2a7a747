"""The formats satker write targets in, each with the value it must read as.

Examples come from the seeds, from docs/domain.md (regulations, LKj documents) and from the
issue; new bugs become new rows.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_target import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    TargetParseError,
    parse_target,
)


def q(value: str, unit: str, **kw: object) -> Quantity:
    return Quantity(D(value), unit, **kw)  # type: ignore[arg-type]


CASES: list[tuple[str, Target, set[str]]] = [
    # percents, comma or dot decimals, any spacing or word
    ("97,5%", Percent(D("97.5")), set()),
    ("87.5%", Percent(D("87.5")), set()),
    ("100 %", Percent(D(100)), set()),
    ("100 persen", Percent(D(100)), set()),
    ("0,2%", Percent(D("0.2")), set()),
    ("0.2%", Percent(D("0.2")), set()),
    ("75,50 %", Percent(D("75.50")), set()),
    # Indonesian separators; English commas where they can only be grouping
    ("8.435 orang", q("8435", "orang"), set()),
    ("1.250 TPS", q("1250", "tps"), set()),
    ("75,50", Number(D("75.50")), set()),
    ("Rp855,830,897,000", Money(D("855830897000")), set()),
    ("1.000", Number(D(1000)), {"ambiguous_separator"}),
    ("1,250 orang", q("1250", "orang"), set()),
    ("12.345.678", Number(D(12345678)), set()),
    ("1.234,5", Number(D("1234.5")), set()),
    # units and abbreviations, any case, trailing dot or not
    ("12 Lap", q("12", "laporan"), set()),
    ("12 LAP.", q("12", "laporan"), set()),
    ("1 Dok", q("1", "dokumen"), set()),
    ("5 keg", q("5", "kegiatan"), set()),
    ("12 Kegiatan", q("12", "kegiatan"), set()),
    ("6 Kec.", q("6", "kecamatan"), set()),
    ("29 kel", q("29", "kelurahan"), set()),
    ("8 kali", q("8", "kali"), set()),
    ("3 Perkara", q("3", "perkara"), set()),
    ("2 Org", q("2", "orang"), set()),
    ("12 Satker", q("12", "satker"), set()),
    ("1.250 TPS", q("1250", "tps"), set()),
    ("15 Desa", q("15", "desa"), set()),
    ("3 Pkt", q("3", "paket"), set()),
    ("4 Paket", q("4", "paket"), set()),
    ("2 Unit", q("2", "unit"), set()),
    ("100 Eks", q("100", "eksemplar"), set()),
    ("3 Rekomendasi", q("3", "rekomendasi"), set()),
    ("1 Layanan", q("1", "layanan"), set()),
    ("10 media massa", q("10", "media"), set()),
    ("20 OK", q("20", "orang_kegiatan"), set()),
    ("5 OH", q("5", "orang_hari"), set()),
    ("8 OJ", q("8", "orang_jam"), set()),
    ("12 OB", q("12", "orang_bulan"), set()),
    ("4 OP", q("4", "orang_perjalanan"), set()),
    ("1 hari", q("1", "hari"), set()),
    ("5 hari kerja", q("5", "hari_kerja"), set()),
    ("6 Bln", q("6", "bulan"), set()),
    ("2 Thn", q("2", "tahun"), set()),
    ("1 minggu", q("1", "minggu"), set()),
    ("24 jam", q("24", "jam"), set()),
    ("3 Kolom", q("3", "kolom"), {"unknown_unit"}),
    ("12 kali/tahun", q("12", "kali", note="per tahun"), set()),
    ("3 Laporan/Dokumen", q("3", "laporan", note="Dokumen"), set()),
    ("1 Dokumen RKT 2025", q("1", "dokumen", note="RKT 2025"), set()),
    # compounds, bases, notes, cut-off cells, line breaks
    ("6 kec. 29 kel", Compound([q("6", "kecamatan"), q("29", "kelurahan")]), set()),
    ("2 Lap dan 1 Dok", Compound([q("2", "laporan"), q("1", "dokumen")]), set()),
    ("36,36% (4 satker)", Percent(D("36.36"), basis=q("4", "satker")), set()),
    ("12 Satker (Provinsi/Kabupaten/ Kota)", q("12", "satker"), set()),
    ("12 Satker (Provinsi/Kabupaten/", q("12", "satker"), {"truncated"}),
    ("8.435 \n\norang", q("8435", "orang"), set()),
    ("100%\n", Percent(D(100)), set()),
    # grades
    ("BB", Grade("BB"), set()),
    ("AA", Grade("AA"), set()),
    ("CC", Grade("CC"), set()),
    ("minimal BB", Grade("BB", qualifier=">="), set()),
    ("min. B", Grade("B", qualifier=">="), set()),
    ("Informatif", Grade("Informatif", "kip"), set()),
    ("Menuju Informatif", Grade("Menuju Informatif", "kip"), set()),
    ("WTP", Grade("WTP", "opini_bpk"), set()),
    ("Opini WTP", Grade("WTP", "opini_bpk"), set()),
    ("WDP", Grade("WDP", "opini_bpk"), set()),
    ("Level 3", Grade("3", "spip"), set()),
    ("WBK", Grade("WBK", "zi"), set()),
    ("A (Memuaskan)", Grade("A", note="Memuaskan"), set()),
    ("Level 3 (Terdefinisi)", Grade("3", "spip", note="Terdefinisi"), set()),
    ("70 (B)", Number(D(70), note="B"), set()),
    ("0 Kasus", q("0", "kasus"), set()),
    ("± 80%", Percent(D(80)), set()),
    # from the real-world evaluation set (tests/data/eval_targets.jsonl)
    ("selama 10 hari kerja", q("10", "hari_kerja"), set()),
    ("dalam waktu 3 hari", q("3", "hari", qualifier="<="), set()),
    ('minimal "BB" (Sangat Baik)', Grade("BB", qualifier=">=", note="Sangat Baik"), set()),
    ("lOOo/o", Percent(D(100)), {"ocr_corrected"}),
    ("1x24 jam", q("24", "jam"), set()),
    ("2 x 24 jam", q("48", "jam"), set()),
    (
        "22 laki-laki dan 33 perempuan",
        Compound([q("22", "laki_laki"), q("33", "perempuan")]),
        set(),
    ),
    ("Rp717, 141 miliar", Money(D("717141000000")), {"ambiguous_separator"}),
    ("102, 8", Number(D("102.8")), {"ambiguous_separator"}),
    ("73,04 (persen)", Percent(D("73.04")), set()),
    ("12 (Laporan)", q("12", "laporan"), set()),
    ("±80%", Percent(D(80)), set()),
    ("100%%", Percent(D(100)), set()),
    ("100 %)", Percent(D(100)), set()),
    ("2 dari 4 satker", q("2", "satker", note="dari 4 satker"), set()),
    ("50% (2 dari 4 satker)", Percent(D(50), basis=q("2", "satker")), set()),
    ("Rp 1 - 2 juta", Range(Money(D(10**6)), Money(D(2 * 10**6))), set()),
    ("Rp 1,5 - 2 miliar", Range(Money(D(15 * 10**8)), Money(D(2 * 10**9))), set()),
    # money
    ("Rp 10.252.187.000", Money(D("10252187000")), set()),
    ("Rp10.252.187.000,00", Money(D("10252187000")), set()),
    ("Rp. 1.000.000,-", Money(D("1000000")), set()),
    ("IDR 1.600.000", Money(D("1600000")), set()),
    ("30.000 IDR", Money(D("30000")), set()),
    ("Rp 1,2 M", Money(D("1200000000")), set()),
    ("Rp 500 juta", Money(D("500000000")), set()),
    ("Rp 500 jt", Money(D("500000000")), set()),
    ("2,5 miliar", Money(D("2500000000")), set()),
    ("3 milyar", Money(D("3000000000")), set()),
    ("Rp 1 triliun", Money(D("1000000000000")), set()),
    ("250 juta rupiah", Money(D("250000000")), set()),
    # numbers with words, cross-checked
    ("5 (lima) hari kerja", q("5", "hari_kerja"), set()),
    ("5 (Lima) hari kerja", q("5", "hari_kerja"), set()),
    ("12 (dua belas) Laporan", q("12", "laporan"), set()),
    ("5 (enam) hari kerja", q("5", "hari_kerja"), {"words_mismatch"}),
    ("100% (seratus persen)", Percent(D(100)), set()),
    ("lima hari kerja", q("5", "hari_kerja"), set()),
    ("nihil", Number(D(0)), set()),
    ("0 (nol)", Number(D(0)), set()),
    # qualifiers
    ("≥ 80%", Percent(D(80), qualifier=">="), set()),
    (">= 80 %", Percent(D(80), qualifier=">="), set()),
    ("minimal 80%", Percent(D(80), qualifier=">="), set()),
    ("paling sedikit 3 kali", q("3", "kali", qualifier=">="), set()),
    ("sekurang-kurangnya 2 Lap", q("2", "laporan", qualifier=">="), set()),
    ("maksimal 2 hari", q("2", "hari", qualifier="<="), set()),
    ("maks. 2 hari", q("2", "hari", qualifier="<="), set()),
    ("paling lambat 4 hari kerja", q("4", "hari_kerja", qualifier="<="), set()),
    ("paling lama 14 hari", q("14", "hari", qualifier="<="), set()),
    ("tidak lebih dari 5%", Percent(D(5), qualifier="<="), set()),
    ("≤ 2 hari", q("2", "hari", qualifier="<="), set()),
    ("< 5%", Percent(D(5), qualifier="<"), set()),
    ("80% ke atas", Percent(D(80), qualifier=">="), set()),
    # ranges
    ("80 - 90%", Range(Percent(D(80)), Percent(D(90))), set()),
    ("80% – 90%", Range(Percent(D(80)), Percent(D(90))), set()),
    ("7 – 8 bulan", Range(q("7", "bulan"), q("8", "bulan")), set()),
    ("7 s.d. 8 bulan", Range(q("7", "bulan"), q("8", "bulan")), set()),
    ("7 s/d 8 bulan", Range(q("7", "bulan"), q("8", "bulan")), set()),
    ("7 sampai dengan 8 bulan", Range(q("7", "bulan"), q("8", "bulan")), set()),
    ("88-100%", Range(Percent(D(88)), Percent(D(100))), set()),
    # OCR letters for digits
    ("1O0%", Percent(D(100)), {"ocr_corrected"}),
    ("l00%", Percent(D(100)), {"ocr_corrected"}),
    ("lO0%", Percent(D(100)), {"ocr_corrected"}),
    ("100 o/o", Percent(D(100)), {"ocr_corrected"}),
    # missing
    ("", Missing(), set()),
    ("-", Missing(), set()),
    ("–", Missing(), set()),
    ("  ", Missing(), set()),
]


@pytest.mark.parametrize(("text", "expected", "warnings"), CASES, ids=[c[0] for c in CASES])
def test_format(text: str, expected: Target, warnings: set[str]) -> None:
    value = parse_target(text)
    assert value == expected
    assert value.basis == expected.basis
    assert set(value.warnings) == warnings


def test_notes_are_kept() -> None:
    assert parse_target("12 Satker (Provinsi/Kabupaten/ Kota)").note == "Provinsi/Kabupaten/Kota"
    assert parse_target("12 Satker (Provinsi/Kabupaten/").note == "Provinsi/Kabupaten/"
    assert parse_target("2 Laporan Keuangan").note == "Keuangan"
    assert parse_target("12 kali/tahun").note == "per tahun"
    assert parse_target("3 Laporan/Dokumen").note == "Dokumen"


INDICATOR_CASES: list[tuple[str, str, Target, set[str]]] = [
    ("35", "Persentase informasi partai politik", Percent(D(35)), {"unit_inferred"}),
    ("3,4", "Nilai maturitas SPIP", Number(D("3.4"), scale="spip"), set()),
    ("4", "Jumlah revisi yang dilakukan", Number(D(4)), set()),
    ("100", "Nilai Keterbukaan Informasi Publik", Number(D(100), scale="kip"), set()),
    ("12 Lap", "Persentase BMN yang dikelola", q("12", "laporan"), {"unit_mismatch"}),
    ("100%", "Jumlah revisi yang dilakukan", Percent(D(100)), {"unit_mismatch"}),
    ("B", "Nilai Akuntabilitas Kinerja", Grade("B", "sakip"), set()),
    ("BB", "Indeks Reformasi Birokrasi", Grade("BB", "rb"), set()),
    ("B", "Indeks Kepuasan Masyarakat", Grade("B", "ikm"), set()),
    ("100%", "Presentase Penyediaan Logistik", Percent(D(100)), set()),
    ("12 Satker", "Presentasae pelaksanaan evaluasi", q("12", "satker"), {"unit_mismatch"}),
    ("80 - 90", "Persentase partisipasi", Range(Percent(D(80)), Percent(D(90))), {"unit_inferred"}),
    (
        "87.500",
        "Persentase partisipasi",
        Percent(D("87.5")),
        {"ambiguous_separator", "unit_inferred"},
    ),
    ("3 Lap", "Lama waktu penyelesaian sengketa", q("3", "laporan"), {"unit_mismatch"}),
    ("14 hari", "Lama waktu penyelesaian sengketa", q("14", "hari"), set()),
    ("BB", "Jumlah laporan", Grade("BB"), {"unit_mismatch"}),
    ("CC", "Indeks Kepuasan Masyarakat", Grade("CC"), {"unit_mismatch"}),
]


@pytest.mark.parametrize(
    ("text", "indicator", "expected", "warnings"),
    INDICATOR_CASES,
    ids=[f"{c[0]}|{c[1]}" for c in INDICATOR_CASES],
)
def test_indicator_types_the_value(
    text: str, indicator: str, expected: Target, warnings: set[str]
) -> None:
    value = parse_target(text, indicator=indicator)
    assert value == expected
    assert set(value.warnings) == warnings


NOT_TARGETS = [
    ("Terwujudnya Sumber Daya Manusia", 0),
    ("6709.QGE.001", 4),
    ("abc", 0),
    ("1. Mewujudkan Komisi Pemilihan Umum yang Mandiri", 1),
    ("(3355)", 0),
    ("TA 2024", 0),
    ("1.2.3%", 0),
    ("% %", 0),
    ("12 14 15", 3),
    ("80 - abc%", 5),
    ("30 Juni 2024", 3),
    ("2024 Terwujudnya tata kelola yang baik 5", 5),
    ("31 Desember", 3),
]


@pytest.mark.parametrize(("text", "position"), NOT_TARGETS, ids=[t for t, _ in NOT_TARGETS])
def test_not_a_target(text: str, position: int) -> None:
    with pytest.raises(TargetParseError) as info:
        parse_target(text)
    error = info.value
    assert error.text == text
    assert error.position == position
    assert error.reason
    assert repr(text) in str(error)
    assert isinstance(error, ValueError)


def test_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_target(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_target(True)  # type: ignore[arg-type]


def test_numbers_are_accepted() -> None:
    assert parse_target(12) == Number(D(12))
    assert parse_target(D("97.5")) == Number(D("97.5"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Percent(D("97.5")), "97,5%"),
        (q("8435", "orang"), "8.435 orang"),
        (Money(D("10252187000")), "Rp10.252.187.000"),
        (Grade("BB"), "BB"),
        (Percent(D(80), qualifier=">="), "≥ 80%"),
        (Range(q("7", "bulan"), q("8", "bulan")), "7 – 8 bulan"),
        (Compound([q("6", "kecamatan"), q("29", "kelurahan")]), "6 kecamatan, 29 kelurahan"),
        (Percent(D("36.36"), basis=q("4", "satker")), "36,36% (4 satker)"),
        (q("5", "hari_kerja"), "5 hari kerja"),
        (Grade("3", "spip"), "Level 3"),
        (Missing(), "-"),
    ],
)
def test_formats_the_indonesian_way(value: Target, text: str) -> None:
    assert str(value) == text
    assert parse_target(text) == value


def test_a_score_formats_without_its_scale_and_reads_back_with_the_indicator() -> None:
    value = Number(D("3.4"), scale="spip")
    assert str(value) == "3,4"
    assert parse_target(str(value), indicator="Nilai maturitas SPIP") == value


def test_no_qualifier_is_a_filler_word() -> None:
    # "mencapai sebanyak-banyaknya 5": a word that is both would be a qualifier at the
    # start of a cell and a filler after another filler, and the fast path and the
    # grammar would read the qualifier apart (a hypothesis property found it).
    from kinerja_target.parsing.vocabulary import FILLER_WORDS, QUALIFIER_PHRASES

    qualifiers = {" ".join(phrase) for phrase in QUALIFIER_PHRASES}
    assert not qualifiers & FILLER_WORDS
    assert parse_target("mencapai sebanyak-banyaknya 5").qualifier == "<="
