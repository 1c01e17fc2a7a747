"""Capaian sanity (issue 10): fractions against percents, negative targets, and the
pandas route after ``pd.read_excel`` giving what ``kinerja-target capaian`` gives."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target import achievement, compute_table, parse_target
from kinerja_target.achievement import NEGATIVE_TARGET, PERCENT_FRACTION, aggregate
from kinerja_target.errors import SchemaError

PERSENTASE = "Persentase Partisipasi Pemilih"


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("77,5%", "0,812", "104.77"),  # issue 10: '1,05%' before
        ("0,8", "82,1%", "102.63"),  # issue 10: '10.262,50% Tercapai' before
        ("100%", "1,0477", "104.77"),
        ("80 - 90%", "0,85", "100.00"),
        ("100", "0,852", "85.20"),  # both unmarked under a percentage wording
        ("70%", "0,675", "96.43"),
    ],
)
def test_a_bare_fraction_against_a_percent_is_a_fraction_of_100(
    target: str, actual: str, expected: str
) -> None:
    result = achievement(target, actual, indicator=PERSENTASE)
    assert result.rounded() == D(expected)
    assert PERCENT_FRACTION in result.warnings
    assert PERCENT_FRACTION in result.explanation


@pytest.mark.parametrize(
    ("target", "actual", "indicator"),
    [
        ("1%", "0,5", "Persentase pemilih ganda dalam DPT"),  # 0,5% is plausible
        ("0,775", "0,812", PERSENTASE),  # both fractions: the ratio is right as it is
        ("5", "0,3", "Persentase temuan"),  # both unmarked, no whole percent
        ("12 Lap", "11 Lap", None),
        ("100", "1", "Jumlah peserta bimbingan teknis"),  # counts, not percents
        ("4", "0,5", "Nilai maturitas SPIP"),  # a 1–5 scale: 0,5 is a score
    ],
)
def test_no_fraction_reading_where_the_values_agree_as_written(
    target: str, actual: str, indicator: str | None
) -> None:
    result = achievement(target, actual, indicator=indicator)
    assert PERCENT_FRACTION not in result.warnings


@given(
    st.decimals(min_value=D("0.1"), max_value=D(200), places=2),
    st.decimals(min_value=D("0.01"), max_value=D(2), places=4),
)
def test_fraction_and_its_percent_give_one_capaian(percent: D, fraction: D) -> None:
    """A percent-formatted cell read without its format (0,812) gives what its shown
    text (81,2%) gives, whenever the fraction reading applies."""
    shown = achievement(f"{percent}%", f"{fraction * 100}%")
    bare = achievement(f"{percent}%", str(fraction))
    if PERCENT_FRACTION in bare.warnings:
        assert bare.percent == shown.percent
        assert bare.met == shown.met
    else:
        assert fraction / percent >= D("0.1")


@pytest.mark.parametrize(
    ("target", "actual", "polarity"),
    [("-5%", "0%", "max"), ("-10", "-12", "max"), ("-5%", "-8%", "min"), ("-2 - 3%", "5%", None)],
)
def test_a_negative_target_is_never_met_at_0(target: str, actual: str, polarity: str) -> None:
    result = achievement(target, actual, polarity=polarity)
    assert result.percent is None
    assert result.met is None
    assert result.status == "Tidak dapat dihitung"
    assert NEGATIVE_TARGET in result.warnings


@given(
    st.decimals(min_value=D(-1000), max_value=D(1000), places=2),
    st.decimals(min_value=D(-1000), max_value=D(1000), places=2),
    st.sampled_from(["max", "min", "stable"]),
)
def test_met_never_comes_with_a_capaian_of_0(target: D, actual: D, polarity: str) -> None:
    result = achievement(parse_target(str(target)), parse_target(str(actual)), polarity=polarity)
    if result.met:
        assert result.percent is not None
        assert result.percent > 0


def test_weighted_aggregate_skips_the_weight_of_a_skipped_item() -> None:
    result = aggregate([D(100), None, D(50)], method="weighted", weights=[1, 5, 3])
    assert result.percent == D("62.5")
    assert (result.count, result.skipped) == (2, 1)
    with pytest.raises(SchemaError):
        aggregate([D(100)], method="weighted", weights=[1, 2])
    with pytest.raises(SchemaError):
        aggregate([D(100)], method="weighted")


# -- the pandas route ----------------------------------------------------------------------------

ROWS = [
    # indicator, target cell, target format, realisasi cell, realisasi format
    (PERSENTASE, "77,5%", None, 0.812, "0.00%"),
    ("Persentase Partisipasi Pemilih Perempuan", 0.8, "0%", "82,1%", None),
    ("Persentase arsip yang dikelola sesuai JRA", 1, "0%", 0.875, "0.00%"),
    ("Persentase laporan monev tepat waktu", 100, "General", 0.9167, "0.00%"),
    ("Persentase penyelenggaraan sesuai jadwal", 1, "0%", 1.0477, "0.00%"),
    ("Jumlah Laporan keuangan", "12 Lap", None, "11 Lap", None),
    ("Nilai Akuntabilitas Kinerja", "70%", None, 67.5, "General"),
    ("Nilai Akuntabilitas Kinerja KPU Kota Ambon", "70%", None, 0.675, "0.00%"),
    ("Nilai Keterbukaan Informasi Publik", 100, "General", 0.852, "0.0%"),
    ("Nilai maturitas SPIP", "3,5", None, 3.4, "General"),
    ("Persentase pemilih ganda dalam DPT", 0.01, "0.00%", 0.004, "0.00%"),
    ("Jumlah hari keterlambatan penyampaian laporan", "2 hari", None, "6 hari", None),
    ("Persentase sisa anggaran yang tidak terserap", "5%", None, 0.15, "0%"),
]


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi"])
    for number, (indicator, target, t_format, actual, a_format) in enumerate(ROWS, 1):
        sheet.append([number, indicator, target, actual])
        row = sheet.max_row
        if t_format:
            sheet.cell(row, 3).number_format = t_format
        if a_format:
            sheet.cell(row, 4).number_format = a_format
    book.save(path)


def test_pandas_after_read_excel_gives_the_capaian_of_the_command(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from kinerja_target.dataframe import PERCENT_COLUMN, add_capaian

    path = tmp_path / "lkj.xlsx"
    _workbook(path)
    command = compute_table(path)
    frame = add_capaian(
        pd.read_excel(path), indicator="Indikator Kinerja", target="Target", realisasi="Realisasi"
    )
    expected = [r.capaian for r in command.rows if r.achievement is not None]
    assert len(expected) == len(ROWS)
    assert frame["Capaian"].tolist() == expected
    assert frame["Status"].tolist() == [r.status for r in command.rows if r.achievement]
    percents = [r.achievement.percent for r in command.rows if r.achievement is not None]
    assert frame[PERCENT_COLUMN].tolist() == percents
