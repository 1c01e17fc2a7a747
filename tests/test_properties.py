"""Property tests of the parser and the value types (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from kinerja_target import (
    Grade,
    IncomparableError,
    Number,
    Target,
    TargetParseError,
    from_dict,
    parse_target,
)
from kinerja_target.numbers import (
    format_decimal,
    read_digits,
    read_number_words,
    write_number_words,
)
from kinerja_target.parse import _parse_full, _parse_simple, expectation_for
from kinerja_target.strategies import cell_texts, same_kind_values, target_cells, target_values

# An indicator that carries each scale, so a score formatted without its scale reads back.
SCALE_INDICATORS = {
    "spip": "Nilai maturitas SPIP",
    "sakip": "Nilai Akuntabilitas Kinerja",
    "kip": "Nilai Keterbukaan Informasi Publik",
    "rb": "Indeks Reformasi Birokrasi",
    "ikm": "Indeks Kepuasan Masyarakat",
    "ukpbj": "Tingkat Kematangan UKPBJ",
    "spbe": "Indeks SPBE",
    "ikpa": "Nilai IKPA",
}


@given(target_cells())
@settings(max_examples=400)
def test_realistic_cells_parse_to_their_value(cell: tuple[str, Target]) -> None:
    text, expected = cell
    value = parse_target(text)
    assert value == expected, text
    assert value.raw == text


@given(target_values())
@settings(max_examples=400)
def test_dict_round_trip(value: Target) -> None:
    data = value.to_dict()
    again = from_dict(data)
    assert again == value
    assert again.to_dict() == data


@given(target_values())
@settings(max_examples=400)
def test_format_then_parse_gives_the_same_value(value: Target) -> None:
    scale = value.scale if isinstance(value, Number | Grade) else None
    text = str(value)
    again = parse_target(text, indicator=SCALE_INDICATORS.get(scale or ""))
    assert again == value, text
    assert again.basis == value.basis


@given(cell_texts())
@settings(max_examples=1500)
@example("(")
@example("12 (")
@example("Rp ,-")
@example("1.000.000,-")
@example("s.d. 5")
@example("lima lima")
@example("- 5 %")
@example("5 - ")
@example("(lima) hari")
def test_any_text_gives_a_value_or_the_documented_error(text: str) -> None:
    try:
        value = parse_target(text)
    except TargetParseError as error:
        assert error.text == text
        assert 0 <= error.position <= len(text)
        assert error.reason
    else:
        assert isinstance(value, Target)
        assert value.raw == text
        assert from_dict(value.to_dict()) == value


@given(cell_texts(), st.sampled_from(["Persentase x", "Jumlah x", "Nilai SPIP", "Lama waktu"]))
@settings(max_examples=500)
def test_any_text_with_an_indicator_gives_a_value_or_the_documented_error(
    text: str, indicator: str
) -> None:
    try:
        value = parse_target(text, indicator=indicator)
    except TargetParseError:
        return
    assert isinstance(value, Target)


def _comparable(a: Target, b: Target) -> bool:
    try:
        _ = a < b
    except IncomparableError:
        return False
    return True


@given(same_kind_values(2))
@settings(max_examples=600)
def test_order_is_total_and_consistent_with_equality(pair: list[Target]) -> None:
    a, b = pair
    assume(_comparable(a, b))
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)


@given(same_kind_values(3))
@settings(max_examples=600)
def test_order_is_transitive(triple: list[Target]) -> None:
    a, b, c = triple
    assume(_comparable(a, b) and _comparable(b, c) and _comparable(a, c))
    if a <= b and b <= c:
        assert a <= c


@given(st.integers(0, 10**15 - 1))
def test_number_words_round_trip(n: int) -> None:
    assert read_number_words(write_number_words(n).split()) == n


@given(st.integers(0, 10**12), st.integers(0, 99))
def test_indonesian_digits_round_trip(whole: int, cents: int) -> None:
    value = Decimal(f"{whole}.{cents:02d}") if cents else Decimal(whole)
    text = format_decimal(value)
    read, _ = read_digits(text, "integral" if not cents else None)
    assert read == value


@given(
    st.one_of(target_cells().map(lambda cell: cell[0]), cell_texts()),
    st.sampled_from([None, "Persentase x", "Jumlah x", "Nilai maturitas SPIP", "Lama waktu"]),
)
@settings(max_examples=800)
def test_fast_path_agrees_with_the_grammar(text: str, indicator: str | None) -> None:
    expect = expectation_for(indicator) if indicator else None
    simple = _parse_simple(text, expect)
    if simple is not None:
        full = _parse_full(text, expect)
        assert simple == full
        assert simple.to_dict() == full.to_dict()
