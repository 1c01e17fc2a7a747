"""Contracts every value kind shares, stated once over every kind (as whenever does)."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal as D

import attrs
import pytest

from kinerja_target import (
    Compound,
    Grade,
    IncomparableError,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    SchemaError,
    Target,
    from_dict,
    parse_target,
)

EXAMPLES: list[Target] = [
    Percent(D("97.5"), raw="97,5%"),
    Quantity(D(12), "laporan", note="x", warnings=("truncated",)),
    Number(D("3.4"), scale="spip"),
    Grade("BB"),
    Money(D("10252187000")),
    Compound([Quantity(D(6), "kecamatan"), Quantity(D(29), "kelurahan")]),
    Range(Percent(D(80)), Percent(D(90))),
    Missing(raw="-"),
    Percent(D("36.36"), basis=Quantity(D(4), "satker")),
]
IDS = [type(v).__name__ for v in EXAMPLES]


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_pickle_round_trip(value: Target) -> None:
    again = pickle.loads(pickle.dumps(value))
    assert again == value
    assert again.to_dict() == value.to_dict()


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_immutable(value: Target) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.raw = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_slotted(value: Target) -> None:
    assert not hasattr(value, "__dict__")


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_hashable_and_copyable(value: Target) -> None:
    assert hash(value) == hash(copy.deepcopy(value))
    assert {value, copy.copy(value)} == {value}


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_dict_round_trip(value: Target) -> None:
    data = value.to_dict()
    assert data["kind"] == value.kind
    assert from_dict(data) == value
    assert from_dict(data).to_dict() == data


@pytest.mark.parametrize("value", EXAMPLES, ids=IDS)
def test_repr_is_readable_and_evaluable(value: Target) -> None:
    text = repr(value)
    assert text.startswith(type(value).__name__ + "(")
    assert "raw=" not in text
    namespace = {cls.__name__: cls for cls in (Percent, Quantity, Number, Grade, Money)}
    namespace |= {"Compound": Compound, "Range": Range, "Missing": Missing, "Decimal": D}
    assert eval(text, namespace) == value


@pytest.mark.parametrize("a", EXAMPLES, ids=IDS)
@pytest.mark.parametrize("b", EXAMPLES, ids=IDS)
def test_equality_across_kinds_is_false(a: Target, b: Target) -> None:
    if type(a) is not type(b):
        assert a != b


@pytest.mark.parametrize("a", EXAMPLES, ids=IDS)
@pytest.mark.parametrize("b", EXAMPLES, ids=IDS)
def test_ordering_across_kinds_raises(a: Target, b: Target) -> None:
    grade_and_score = {type(a), type(b)} in ({Grade, Number}, {Grade, Percent})
    if type(a) is not type(b) and not grade_and_score:
        with pytest.raises(IncomparableError):
            _ = a < b


def test_raw_and_warnings_stay_out_of_equality() -> None:
    assert parse_target("97,5%") == parse_target("97,5 %") == parse_target("97.5%")
    assert parse_target("12 Lap") == parse_target("12 laporan")
    assert parse_target("100%", indicator="Jumlah revisi") == parse_target("100%")


def test_qualifier_is_part_of_the_value() -> None:
    assert parse_target("≥ 80%") != parse_target("80%")
    assert parse_target("80%") < parse_target("≥ 80%") < parse_target("81%")


def test_quantities_compare_through_their_dimension() -> None:
    assert Quantity(D(1), "minggu") > Quantity(D(6), "hari")
    assert Quantity(D(1), "tahun") == Quantity(D(1), "tahun")
    assert Quantity(D(12), "bulan") <= Quantity(D(1), "tahun")
    with pytest.raises(IncomparableError):
        _ = Quantity(D(1), "hari") < Quantity(D(1), "hari_kerja")
    with pytest.raises(IncomparableError):
        _ = Quantity(D(1), "laporan") < Quantity(D(1), "dokumen")


def test_pint_quantity() -> None:
    week = Quantity(D(2), "minggu").quantity
    assert week.to("hari").magnitude == D(14)
    assert isinstance(week.magnitude, D)
    assert str(Quantity(D(3), "kolom").quantity.units) == "kolom"


def test_grades_order_on_their_scale() -> None:
    order = ["D", "C", "CC", "B", "BB", "A", "AA"]
    grades = [Grade(code) for code in order]
    assert sorted(reversed(grades)) == grades
    assert Grade("TMP", "opini_bpk") < Grade("TW", "opini_bpk") < Grade("WDP", "opini_bpk")
    assert Grade("WDP", "opini_bpk") < Grade("WTP", "opini_bpk")
    assert Grade("Tidak Informatif", "kip") < Grade("Menuju Informatif", "kip")
    assert Grade("Menuju Informatif", "kip") < Grade("Informatif", "kip")
    with pytest.raises(IncomparableError):
        _ = Grade("BB") < Grade("WTP", "opini_bpk")


@pytest.mark.parametrize(
    ("score", "grade"),
    [("70", "B"), ("70.01", "BB"), ("90", "A"), ("90.5", "AA"), ("30", "D"), ("30.5", "C")],
)
def test_sakip_bands_exclude_their_lower_bound(score: str, grade: str) -> None:
    assert Grade(grade) <= Number(D(score)) <= Grade(grade)
    assert Number(D(score)) >= Grade(grade)


def test_spip_and_kip_bands() -> None:
    assert Grade("3", "spip") <= Number(D("3.00"), scale="spip") <= Grade("3", "spip")
    assert Number(D("4.49"), scale="spip") < Grade("5", "spip")
    assert Number(D("4.5"), scale="spip") >= Grade("5", "spip")
    assert Number(D("89.9"), scale="kip") < Grade("Informatif", "kip")
    assert Number(D(90), scale="kip") >= Grade("Informatif", "kip")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "percentage", "value": "1"},
        {"kind": "percent"},
        {"kind": "percent", "value": 97.5},
        {"kind": "percent", "value": "abc"},
        {"kind": "percent", "value": "NaN"},
        {"kind": "percent", "value": "1", "unit": "IDR"},
        {"kind": "quantity", "value": "1"},
        {"kind": "grade", "value": "Z", "scale": "sakip"},
        {"kind": "grade", "value": "B", "scale": "nope"},
        {"kind": "range", "parts": [{"kind": "percent", "value": "1"}]},
        {"kind": "compound", "parts": []},
        {"kind": "percent", "value": "1", "qualifier": "~"},
        {"kind": "percent", "value": "1", "warnings": "truncated"},
    ],
)
def test_from_dict_rejects_bad_input_clearly(data: dict[str, object]) -> None:
    with pytest.raises(SchemaError) as info:
        from_dict(data)
    assert isinstance(info.value, ValueError)
    assert str(info.value)
