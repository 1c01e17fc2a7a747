"""Capaian: the gold examples, the PermenPANRB 8/2021 worked examples, and properties."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, read_jsonl
from kinerja_target import IncomparableError, Percent, Quantity, Target, parse_target
from kinerja_target.achievement import (
    CAP_KPU,
    CAP_PERMENPANRB,
    Achievement,
    achievement,
    aggregate,
)
from kinerja_target.errors import SchemaError
from kinerja_target.strategies import target_cells

GOLD = read_jsonl("capaian_examples.jsonl")


@pytest.mark.parametrize("case", GOLD, ids=[f"{c['target']}|{c['actual']}" for c in GOLD])
def test_gold(case: dict[str, Any]) -> None:
    args = {"polarity": case["polarity"], "cap": case.get("cap")}
    if case["percent"] == "error":
        with pytest.raises(IncomparableError):
            achievement(case["target"], case["actual"], **args)
        return
    result = achievement(case["target"], case["actual"], **args)
    if case["percent"] is None:
        assert result.percent is None
        assert result.met is None
        assert result.status == "Tidak dapat dihitung"
    else:
        assert result.rounded() == D(case["percent"]).quantize(D("0.01"))


@pytest.mark.parametrize(
    ("target", "actual", "polarity", "cap", "expected", "explanation"),
    [
        (
            "7 – 8 bulan",
            "6,5 bulan",
            "min",
            None,
            "107.14",
            "6,5 bulan vs 7 – 8 bulan (batas bawah 7), lebih rendah lebih baik: "
            "(2 − 6,5/7) × 100% = 107,14%",
        ),
        (
            "7 – 8 bulan",
            "9 bulan",
            "min",
            None,
            "87.50",
            "9 bulan vs 7 – 8 bulan (batas atas 8), lebih rendah lebih baik: "
            "(2 − 9/8) × 100% = 87,5%",
        ),
        (
            "80 - 90%",
            "70%",
            "max",
            None,
            "87.50",
            "70% vs 80 – 90% (batas bawah 80), lebih tinggi lebih baik: 70/80 × 100% = 87,5%",
        ),
        (
            "80%",
            "83%",
            "max",
            CAP_KPU,
            "100.00",
            "83% vs 80%, lebih tinggi lebih baik: 83/80 × 100% = 103,75%, dibatasi 100%",
        ),
    ],
)
def test_permenpanrb_worked_examples(
    target: str, actual: str, polarity: str, cap: D | None, expected: str, explanation: str
) -> None:
    result = achievement(target, actual, polarity=polarity, cap=cap)
    assert result.rounded() == D(expected)
    assert result.explanation == explanation


def test_min_ratio_formula_is_selectable() -> None:
    result = achievement("3 perkara", "2 perkara", polarity="min", formula="t/r")
    assert result.rounded() == D("150.00")
    assert achievement("3 perkara", "0 perkara", polarity="min", formula="t/r").percent is None


def test_zero_targets() -> None:
    assert achievement("0 perkara", "0 perkara", polarity="min").percent == 100
    missed = achievement("0 perkara", "2 perkara", polarity="min")
    assert missed.percent == 0
    assert missed.met is False
    not_computable = achievement("0%", "0%", polarity="max")
    assert not_computable.percent is None
    assert not_computable.computable is False
    assert "tidak dapat dihitung" in not_computable.explanation


def test_ranges_are_met_anywhere_inside() -> None:
    for polarity in ("max", "min", "stable"):
        result = achievement("80 - 90%", "85%", polarity=polarity)
        assert result.percent == 100
        assert result.met is True
    above = achievement("80 - 90%", "99%", polarity="max")
    assert above.rounded() == D("110.00")


def test_stable_falls_off_on_both_sides() -> None:
    below = achievement("80%", "60%", polarity="stable")
    above = achievement("80%", "100%", polarity="stable")
    assert below.rounded() == D("75.00")
    assert above.rounded() == D("75.00")
    assert below.met is above.met is False
    assert achievement("80%", "80%", polarity="stable").met is True


def test_qualifiers_decide_met() -> None:
    assert achievement("≥ 80%", "85%").met is True
    assert achievement("> 80%", "80%").met is False
    result = achievement("maks. 2 hari", "1 hari")
    assert result.polarity == "min"
    assert result.met is True
    assert achievement("maks. 2 hari", "3 hari").met is False


def test_grades_go_through_their_scale() -> None:
    assert achievement("BB", "BB").percent == 100
    assert achievement("BB", "A").rounded() == D("113.33")  # midpoints 85 / 75
    assert achievement("BB", "78").percent == 100  # 78 is graded BB first
    assert achievement("WTP", "WDP").percent == 75  # positions 3 / 4
    with pytest.raises(IncomparableError):
        achievement("BB", "WTP")
    with pytest.raises(IncomparableError):
        achievement("BB", "12 Lap")


def test_compound_and_basis() -> None:
    both = achievement("6 kec. 29 kel", "3 kec, 29 kel")
    assert both.rounded() == D("75.00")
    assert both.met is False
    assert achievement("36,36% (4 satker)", "5 satker").percent == 125
    with pytest.raises(IncomparableError):
        achievement("6 kec. 29 kel", "6 kec")


def test_units_convert_within_a_dimension() -> None:
    assert achievement("1 minggu", "7 hari").percent == 100
    with pytest.raises(IncomparableError):
        achievement("5 hari kerja", "5 hari")


def test_indicator_infers_polarity_and_types_bare_numbers() -> None:
    result = achievement(
        "3 Perkara", "2", indicator="Penurunan jumlah sengketa hukum yang diajukan ke MK"
    )
    assert result.polarity == "min"
    assert result.rounded() == D("133.33")
    percent = achievement("35", "28", indicator="Persentase informasi partai politik")
    assert percent.percent == 80
    contradiction = achievement(
        "100%", "2%", indicator="Persentase pegawai yang dijatuhi hukuman disiplin"
    )
    assert "polarity_contradiction" in contradiction.explanation


def test_missing_values_are_not_computable() -> None:
    assert achievement("-", "80%").status == "Tidak dapat dihitung"
    assert achievement("80%", "").percent is None


def test_bad_options_are_clear_errors() -> None:
    with pytest.raises(SchemaError):
        achievement("80%", "80%", polarity="up")
    with pytest.raises(SchemaError):
        achievement("80%", "80%", cap="lots")
    with pytest.raises(SchemaError):
        achievement("80%", "80%", cap=0)


def test_str_reports_two_decimals_the_indonesian_way() -> None:
    assert str(achievement("3", "2")) == "66,67%"
    assert str(achievement("0%", "1%")) == "-"


def test_aggregate_pmk_22_2021_example() -> None:
    # PMK 22/2021 Lampiran: indicators 100% & 90% -> 94,87%; 66,67/66,67/100 -> 76,31%.
    first = aggregate([D(100), D(90)], method="geometric")
    two_thirds = D(200) / D(3)  # the Lampiran's 66,67% is 2 of 3 realised
    second = aggregate([two_thirds, two_thirds, D(100)], method="geometric")
    assert first.rounded() == D("94.87")
    assert second.rounded() == D("76.31")
    assert first.percent is not None
    assert second.percent is not None
    program = aggregate([first.percent, second.percent], method="geometric")
    assert program.rounded() == D("85.09")


def test_aggregate_skips_and_counts_the_not_computable() -> None:
    items: list[Achievement | D | None] = [
        achievement("100%", "90%"),
        achievement("0%", "5%"),
        None,
        D(110),
    ]
    result = aggregate(items)
    assert result.percent == 100
    assert result.count == 2
    assert result.skipped == 2
    assert "2 dilewati" in result.explanation
    assert aggregate([None]).percent is None
    with pytest.raises(SchemaError):
        aggregate([D(1)], method="median")


# -- properties ----------------------------------------------------------------------------------

POLARITIES = ("max", "min", "stable")
positive = st.decimals(min_value=D("0.01"), max_value=D(10**6), places=2)
realisation = st.decimals(min_value=D(0), max_value=D(10**6), places=2)


@given(target_cells(), st.sampled_from(POLARITIES))
@settings(max_examples=300)
def test_realisation_equal_to_target_is_100(cell: tuple[str, Target], polarity: str) -> None:
    text, value = cell
    point = value.low if value.kind == "range" else value  # type: ignore[attr-defined]
    result = achievement(value, point, polarity=polarity)
    if result.percent is not None:
        assert result.percent == 100, text


@given(positive, realisation, realisation)
def test_max_never_decreases_as_realisation_grows(t: D, r1: D, r2: D) -> None:
    low, high = sorted((r1, r2))
    a = achievement(Percent(t), Percent(low), polarity="max")
    b = achievement(Percent(t), Percent(high), polarity="max")
    assert a.percent is not None
    assert b.percent is not None
    assert a.percent <= b.percent


@given(positive, realisation, realisation, st.sampled_from(("2t-r", "t/r")))
def test_min_never_increases_as_realisation_grows(t: D, r1: D, r2: D, formula: str) -> None:
    low, high = sorted((r1, r2))
    a = achievement(Quantity(t, "hari"), Quantity(low, "hari"), polarity="min", formula=formula)
    b = achievement(Quantity(t, "hari"), Quantity(high, "hari"), polarity="min", formula=formula)
    if a.percent is not None and b.percent is not None:
        assert a.percent >= b.percent


@given(positive, realisation, st.sampled_from(POLARITIES), st.sampled_from((None, 100, 120, 150)))
def test_caps_and_floors_hold(t: D, r: D, polarity: str, cap: int | None) -> None:
    result = achievement(Percent(t), Percent(r), polarity=polarity, cap=cap)
    assert result.percent is not None
    assert result.percent >= 0
    if cap is not None:
        assert result.percent <= cap
        assert result.capped == (result.percent == cap and result.explanation.count("dibatasi") > 0)


def test_caps_presets() -> None:
    assert CAP_KPU == 100
    assert CAP_PERMENPANRB == 120


def test_every_seed_target_can_be_a_target() -> None:
    """Each seed target against a realisation of the same kind gives a capaian or a
    documented not-computable result, never an error."""
    seen = 0
    with (DATA / "seed_targets.jsonl").open(encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            target = parse_target(case["raw"], indicator=case.get("indicator"))
            result = achievement(target, target.low if target.kind == "range" else target)  # type: ignore[attr-defined]
            if target.kind == "missing":
                assert result.percent is None
            else:
                assert result.percent == 100, case["raw"]
            seen += 1
    assert seen == 67


def test_numbers_are_not_read_as_text() -> None:
    # Decimal("1.125") is one and an eighth, not 1125 read through Indonesian grouping.
    assert achievement(D("2.5"), D("1.125")).percent == 45
    assert parse_target(D("1.125")).to_dict()["value"] == "1.125"
    assert parse_target(35, indicator="Persentase partisipasi").kind == "percent"


def test_huge_values_never_raise_outside_the_library() -> None:
    result = achievement("1", D("1e31"))
    assert result.rounded() == D("1e33")
    assert str(result).endswith("%")


def test_the_callers_decimal_context_does_not_change_results() -> None:
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 4
        assert aggregate([D("123.45"), D("0.01")]).rounded() == D("61.73")
        assert achievement("3", "2").rounded() == D("66.67")


def test_converted_units_are_shown_briefly() -> None:
    result = achievement("2 minggu", "10 hari", polarity="min")
    assert "(2 − 1,4286/2)" in result.explanation
    assert result.rounded() == D("128.57")
