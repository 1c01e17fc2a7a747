"""What real cells from documents the parser had not seen taught it (issue 12): every
Unicode form of a target, no absurd readings, blank template cells, grade scales named
by the indicator's wording, OCR letters, and a column read at once (``parse_many``).

Each example is a shape seen in Pemda Renstra/RPJMD tables and other government offices'
performance documents (tests/data/eval_targets_SOURCES.md); the indicators are written
as those documents write them.
"""

from __future__ import annotations

import math
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_target import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    TargetParseError,
    parse_many,
    parse_target,
)
from kinerja_target.parse import expectation_for
from kinerja_target.strategies import target_cells

# -- Unicode ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("９７％", Percent(D(97))),  # full-width digits and sign
        ("97٪", Percent(D(97))),  # the Arabic percent sign
        ("97\x00%", Percent(D(97))),  # a NUL from a broken export
        ("9\x087,5 %", Percent(D("97.5"))),  # a backspace control character
        ("٩٧%", Percent(D(97))),  # Arabic-Indic digits
        ("１２ Ｌａｐ", Quantity(D(12), "laporan")),
        ("Rp １０.２５２.１８７.０００", parse_target("Rp 10.252.187.000")),
    ],
)
def test_normalised_text_reads_the_same_and_says_so(text: str, value: object) -> None:
    got = parse_target(text)
    assert got == value
    assert "normalized" in got.warnings
    assert got.raw == text


def test_layout_spaces_are_not_a_normalisation() -> None:
    # A no-break space or a soft hyphen is layout: read without a warning.
    assert parse_target("97,5\u00a0%").warnings == ()
    assert parse_target("8.435\u202forang") == Quantity(D(8435), "orang")


def test_per_mille_is_a_unit_of_its_own() -> None:
    value = parse_target("97,5‰")
    assert value == Quantity(D("97.5"), "permil")
    assert value != Percent(D("97.5"))
    assert parse_target("1,250 permil") == Quantity(D("1.250"), "permil")


_WIDE = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}  # NFKC: back to ASCII
_BOLD_DIGITS = {str(d): chr(0x1D7CE + d) for d in range(10)}  # MATHEMATICAL BOLD DIGIT


@st.composite
def _variant(draw: st.DrawFn, text: str) -> str:
    out = []
    for char in text:
        forms = [char, _WIDE.get(char, char), _BOLD_DIGITS.get(char, char)]
        if char == " ":
            forms.append("\u3000")  # IDEOGRAPHIC SPACE
        out.append(draw(st.sampled_from(forms)))
    return "".join(out)


@given(st.data())
@settings(max_examples=400)
def test_any_unicode_normalised_variant_of_a_target_parses_to_the_same_value(
    data: st.DataObject,
) -> None:
    text, expected = data.draw(target_cells())
    variant = data.draw(_variant(text))
    original, got = parse_target(text), parse_target(variant)
    assert got == expected == original, (text, variant)
    assert got.note == original.note
    assert got.basis == original.basis
    assert got.raw == variant


# -- plausibility ------------------------------------------------------------------------------

SHARE = "Persentase realisasi anggaran"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22,096,885,600", D("22096885600")),  # the budget column of the same row
        (" 58,370,290,368.00 ", D("58370290368.00")),
        ("5.412.330.000", D("5412330000")),
    ],
)
def test_no_percent_is_inferred_for_an_amount(text: str, value: D) -> None:
    got = parse_target(text, indicator=SHARE)
    assert got == Number(value)
    assert set(got.warnings) == {"unit_mismatch"}


def test_a_plausible_bare_number_under_persentase_is_still_a_percent() -> None:
    assert parse_target("97,5", indicator=SHARE) == Percent(D("97.5"))
    assert parse_target("150", indicator=SHARE) == Percent(D(150))


@pytest.mark.parametrize(
    ("text", "shown"), [("4900%", "49%"), ("10000%", "100%"), ("9750%", "97,5%")]
)
def test_a_percent_beyond_any_target_is_flagged_with_what_a_sheet_format_suggests(
    text: str, shown: str
) -> None:
    got = parse_target(text)
    assert isinstance(got, Percent)
    assert got.value == D(text[:-1])  # read as written, not changed behind the reader's back
    assert "implausible" in got.warnings
    assert got.note is not None
    assert got.note.endswith(shown)


@pytest.mark.parametrize("text", ["100%", "150%", "250 %", "1000%", "-5%"])
def test_percents_of_growth_and_achievement_are_plausible(text: str) -> None:
    assert "implausible" not in parse_target(text).warnings


def test_an_implausible_range_is_flagged() -> None:
    assert "implausible" in parse_target("80 - 4900%").warnings


@pytest.mark.parametrize(
    ("indicator", "value"),
    [
        ("Jumlah Pemuda yang dibina", D(2697)),  # people are whole
        ("Jumlah dokumen perencanaan yang disusun", D(2697)),
        ("Jumlah KPU Kabupaten/Kota yang menyampaikan laporan", D(2697)),
        ("Jumlah produksi padi", D("2.697")),  # tonnes may have a fraction
    ],
)
def test_a_count_of_whole_things_reads_an_ambiguous_separator_as_grouping(
    indicator: str, value: D
) -> None:
    got = parse_target("2,697", indicator=indicator)
    assert got == Number(value)
    assert "ambiguous_separator" in got.warnings  # still a guess, and said so


def test_a_whole_count_keeps_a_real_fraction() -> None:
    assert parse_target("2,5", indicator="Jumlah Pemuda yang dibina") == Number(D("2.5"))
    assert expectation_for("Jumlah Pemuda yang dibina").whole  # type: ignore[union-attr]
    assert not expectation_for("Jumlah produksi padi").whole  # type: ignore[union-attr]


# -- blank template cells -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["%", "Persen", "Rp", "... %", "Rp. -", " % ", "…%"])
def test_a_unit_mark_alone_in_a_target_cell_is_missing(text: str) -> None:
    got = parse_target(text, indicator="Persentase dokumen yang disusun tepat waktu")
    assert isinstance(got, Missing)
    assert "blank_template" in got.warnings
    assert got.raw == text


@pytest.mark.parametrize("text", ["%", "Persen", "Rp", "... %", "Rp. -", " % ", "…%"])
def test_a_unit_mark_alone_is_missing_without_an_indicator_too(text: str) -> None:
    got = parse_target(text)
    assert isinstance(got, Missing)
    assert "blank_template" in got.warnings
    assert parse_many([text]) == [got]


@pytest.mark.parametrize("text", ["% %", "Rp Rp", "%%", "persen persen"])
def test_two_unit_marks_are_no_blank_cell(text: str) -> None:
    with pytest.raises(TargetParseError):
        parse_target(text)


def test_a_header_row_of_unit_marks_is_not_read_as_data() -> None:
    # "% | Rp" under "Target | Anggaran" is a header line, not a row of blank targets.
    from kinerja_target.documents.cells import _target_shaped

    assert not _target_shaped("%")
    assert not _target_shaped("Rp")
    assert _target_shaped("-")
    assert _target_shaped("97,5%")


# -- scales named by the wording ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator", "value"),
    [
        ("Level 4", "Tingkat Kematangan UKPBJ", Grade("4", "ukpbj")),
        ("Level 3", "Nilai maturitas SPIP", Grade("3", "spip")),
        ("Level 3", None, Grade("3", "spip")),
        ("proaktif", "Tingkat Kematangan UKPBJ", Grade("3", "ukpbj")),
        ("84", "Meningkatnya indeks kepuasan masyarakat", Number(D(84), scale="ikm")),
        ("84,5", "Nilai SKM pelayanan publik", Number(D("84.5"), scale="ikm")),
        ("Baik", "Indeks Kepuasan Masyarakat", Grade("B", "ikm")),
        ("3,21", "Indeks SPBE", Number(D("3.21"), scale="spbe")),
        ("Baik", "Indeks SPBE", Grade("Baik", "spbe")),
        ("96,5", "Nilai IKPA", Number(D("96.5"), scale="ikpa")),
        (
            "Sangat Baik",
            "Nilai Indikator Kinerja Pelaksanaan Anggaran",
            Grade("Sangat Baik", "ikpa"),
        ),
        ("BB", "Nilai SAKIP", Grade("BB", "sakip")),
        ("A", "Indeks Reformasi Birokrasi", Grade("A", "rb")),
        ("72,5", "Indeks Reformasi Birokrasi", Number(D("72.5"), scale="rb")),
        ("Informatif", "Nilai Keterbukaan Informasi Publik", Grade("Informatif", "kip")),
        ("WTP", "Opini BPK atas laporan keuangan", Grade("WTP", "opini_bpk")),
    ],
)
def test_a_value_takes_the_scale_its_indicator_names(
    text: str, indicator: str | None, value: object
) -> None:
    got = parse_target(text, indicator=indicator)
    assert got == value
    assert "unit_mismatch" not in got.warnings


def test_a_level_under_a_scale_without_levels_is_flagged() -> None:
    got = parse_target("Level 3", indicator="Indeks SPBE")
    assert got == Grade("3", "spip")
    assert "unit_mismatch" in got.warnings


def test_a_common_word_is_a_grade_only_under_its_scale() -> None:
    with pytest.raises(TargetParseError):
        parse_target("Baik")


def test_scores_and_predicates_compare_through_the_published_bands() -> None:
    spbe = parse_target("3,6", indicator="Indeks SPBE")
    assert spbe > Grade("Baik", "spbe")  # 3,5 - 4,2 is Sangat Baik
    assert parse_target("94", indicator="Nilai IKPA") < Grade("Sangat Baik", "ikpa")


# -- OCR ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["too%", "t00%", "1OO%", "lOO %", "100 o/o"])
def test_ocr_letters_for_a_hundred_percent(text: str) -> None:
    got = parse_target(text)
    assert got == Percent(D(100))
    assert "ocr_corrected" in got.warnings


def test_an_ocr_repair_that_gives_no_target_is_not_made() -> None:
    with pytest.raises(TargetParseError) as info:
        parse_target("TAHUN 2O2O")
    assert info.value.text == "TAHUN 2O2O"


def test_words_with_ocr_letters_are_not_repaired() -> None:
    got = parse_target("12 Laporan total")
    assert "ocr_corrected" not in got.warnings
    assert got == Quantity(D(12), "laporan")


# -- a column at once ----------------------------------------------------------------------------


def test_parse_many_gives_one_result_per_cell_in_order() -> None:
    cells = ["97,5%", None, "12 Lap", math.nan, "", "  ", "xyz", "97,5%", 12, D("1.5"), 0.1]
    got = parse_many(cells)
    assert len(got) == len(cells)
    assert got[0] == Percent(D("97.5"))
    assert got[7] is got[0]
    assert all(isinstance(v, Missing) for v in got[1:2] + got[3:6])
    assert isinstance(got[6], TargetParseError)
    assert got[6].text == "xyz"
    assert got[8] == Number(D(12))
    assert got[9] == Number(D("1.5"))
    assert got[10] == Number(D("0.1"))


def test_parse_many_reads_each_cell_as_parse_target_does() -> None:
    cells = ["80 - 90", "35", "Level 4", "%", "22,096,885,600", "９７％", "too%", "TAHUN 2O2O"]
    for indicator in (None, SHARE, "Tingkat Kematangan UKPBJ"):
        for cell, got in zip(cells, parse_many(cells, indicator=indicator), strict=True):
            try:
                want = parse_target(cell, indicator=indicator)
            except TargetParseError as error:
                assert isinstance(got, TargetParseError)
                assert got.reason == error.reason
            else:
                assert got == want
                assert got.to_dict() == want.to_dict()


def test_parse_many_keeps_numbers_and_their_text_apart() -> None:
    got = parse_many(["1.000", D(1000), 1000, 1000.0, "1.000"])
    assert got[0] is got[4]
    assert got[1] == got[2] == got[3] == Number(D(1000))
    assert "ambiguous_separator" in got[0].warnings  # type: ignore[union-attr]


# -- rules from the holdout set (docs/decisions/0012) ------------------------------------


@pytest.mark.parametrize(
    ("text", "parts", "first_note"),
    [
        (
            "75 Orang Peserta & 4 Orang Yang menjadi Duta",
            [("75", "orang"), ("4", "orang")],
            "Peserta",
        ),
        (
            "30 orang Peserta Tingkat Kota dan 2 Orang",
            [("30", "orang"), ("2", "orang")],
            "Peserta Tingkat Kota",
        ),
        (
            "15 jenis belanja cetak dan 4.559 lbr",
            [("15", "jenis_belanja"), ("4559", "lembar")],
            "cetak",
        ),
    ],
)
def test_a_second_counted_part_after_a_note_is_a_part(
    text: str, parts: list[tuple[str, str]], first_note: str
) -> None:
    value = parse_target(text)
    assert isinstance(value, Compound)
    assert [(str(p.value), p.unit) for p in value.parts] == parts  # type: ignore[attr-defined]
    assert value.parts[0].note == first_note


def test_words_after_a_unit_without_another_part_stay_a_note() -> None:
    assert parse_target("2 Laporan Keuangan") == Quantity(D(2), "laporan", note="Keuangan")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mencapai angka 82 persen", Percent(D(82))),
        ("baru mencapai 69 persen", Percent(D(69))),
        ("menembus 83,3 persen", Percent(D("83.3"))),
        ("kisaran 22 persen", Percent(D(22))),
        ("ada 32 perkara", Quantity(D(32), "perkara")),
        ("(99,25 persen)", Percent(D("99.25"))),
        ("1 Berita Acara", Quantity(D(1), "berita_acara")),
    ],
)
def test_news_fillers_brackets_and_minutes(text: str, value: object) -> None:
    assert parse_target(text) == value


def test_a_bare_number_in_brackets_is_a_code_not_a_target() -> None:
    with pytest.raises(TargetParseError):
        parse_target("(3355)")


@pytest.mark.parametrize("text", ["-----orang", "....... Dokumen", "Laporan ......", "----"])
def test_a_form_blank_beside_a_unit_is_missing(text: str) -> None:
    got = parse_target(text)
    assert isinstance(got, Missing)


def test_a_placeholder_beside_a_word_that_is_no_unit_is_no_blank() -> None:
    with pytest.raises(TargetParseError):
        parse_target("----- Terwujudnya")


@pytest.mark.parametrize(
    "text", ["Belum Rilis", "belum tersedia", "Data belum tersedia", "Diukur di\nTW IV"]
)
def test_a_value_not_there_yet_is_missing(text: str) -> None:
    assert isinstance(parse_target(text, indicator="Indeks Akses Keuangan Daerah"), Missing)


def test_a_ratio_is_a_number_and_a_participation_a_share() -> None:
    assert parse_target("1,06", indicator="Rasio pembangunan prasarana") == Number(D("1.06"))
    assert parse_target("66,00", indicator="Partisipasi angkatan kerja") == Percent(
        D("66.00"), warnings=("unit_inferred",)
    )


@pytest.mark.parametrize(
    ("indicator", "kind"),
    [
        ("[IKU 1.1] Persentase lulusan yang mendapat pekerjaan", "percent"),
        ("(IKU 1) Persentase lulusan", "percent"),
        ("IKU 2.3: Jumlah kerja sama", "count"),
        ("1.b.1. Rasio daya tampung rumah sakit", "score"),
    ],
)
def test_a_code_before_the_wording_does_not_hide_what_it_asks(indicator: str, kind: str) -> None:
    found = expectation_for(indicator)
    assert found is not None
    assert found.kind == kind


def test_a_word_that_begins_like_a_code_is_wording() -> None:
    assert expectation_for("Ikut sertanya pemilih") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.   60 %", Percent(D(60), warnings=("list_number",))),
        ("kurang lebih 30 menit", Quantity(D(30), "menit")),
        ("Proses 1 Minggu", Quantity(D(1), "minggu")),
        ("< 2 per seribu", Quantity(D(2), "permil", qualifier="<")),
    ],
)
def test_list_numbers_approximations_and_rates_per_thousand(text: str, value: object) -> None:
    got = parse_target(text)
    assert got == value
    assert got.warnings == value.warnings  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", ["08.00 - 16.00 WIB", "07.30 s/d 14.30\nSenin-Kamis"])
def test_opening_hours_are_no_target(text: str) -> None:
    with pytest.raises(TargetParseError, match="time of day"):
        parse_target(text)


def test_a_range_of_decimals_is_not_a_time() -> None:
    assert parse_target("7,30 - 14,30") == Range(Number(D("7.30")), Number(D("14.30")))


def test_a_text_that_holds_no_target_is_read_once_and_raises_each_time() -> None:
    from kinerja_target.parse import _read

    errors = []
    before = _read.cache_info().hits
    for _ in range(3):
        with pytest.raises(TargetParseError) as info:
            parse_target("Sasaran Strategis yang tidak punya angka")
        errors.append(info.value)
    assert _read.cache_info().hits >= before + 2
    assert len({id(e) for e in errors}) == 3  # fresh errors: no traceback carried over
    assert {(e.text, e.position, e.reason) for e in errors} == {
        (errors[0].text, errors[0].position, errors[0].reason)
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,88 per 1000 kelahiran hidup", Number(D("4.88"), note="per 1000 kelahiran hidup")),
        ("186/100.000 KH", Number(D(186), note="per 100.000 KH")),
        ("> = 70 %", Percent(D(70), qualifier=">=")),
        ("= 93,98%", Percent(D("93.98"))),
        ("indek 4,89", Number(D("4.89"))),
        ("senilai Rp3,5 miliar", Money(D(3500000000))),
        ("38 tiga puluh delapan hari", Quantity(D(38), "hari")),
    ],
)
def test_rates_signs_apart_computations_and_words_without_brackets(
    text: str, value: object
) -> None:
    assert parse_target(text) == value


def test_a_number_and_other_words_in_numbers_is_flagged() -> None:
    assert parse_target("38 tiga puluh hari").warnings == ("words_mismatch",)


def test_a_magnitude_after_the_digits_is_no_number_in_words() -> None:
    assert parse_target("2 ribu orang") == Quantity(D(2000), "orang")


@pytest.mark.parametrize("text", ["Rp….. per m3", ": Rp"])
def test_more_blank_template_cells(text: str) -> None:
    assert isinstance(parse_target(text), Missing)


@pytest.mark.parametrize("text", ["Nilai : 20%", "Target: 20%"])
def test_a_label_and_its_colon_before_the_value(text: str) -> None:
    assert parse_target(text) == Percent(D(20))


def test_ocr_letters_in_a_note_stay_as_written() -> None:
    # Found by test_fast_path_agrees_with_the_grammar: the grammar repaired "0O" to "00"
    # in the note of a grade the text reads without any repair.
    from kinerja_target.parse import _parse_full, _parse_simple

    assert _parse_full("A(0O", None).to_dict() == _parse_simple("A(0O", None).to_dict()  # type: ignore[union-attr]
    assert parse_target("A(0O").note == "0O"
    assert parse_target("1O0%") == Percent(D(100), warnings=("ocr_corrected",))
