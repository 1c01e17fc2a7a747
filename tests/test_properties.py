"""Property tests of the parser and the value types (hypothesis)."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
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
from kinerja_target.errors import SchemaError
from kinerja_target.numbers import (
    format_decimal,
    read_digits,
    read_number_words,
    write_number_words,
)
from kinerja_target.parse import _parse_fast, _parse_full, _parse_simple, expectation_for
from kinerja_target.parsing.fastpath import clear_plans
from kinerja_target.parsing.vocabulary import FILLER_WORDS, QUALIFIER_PHRASES, SYMBOL_QUALIFIERS
from kinerja_target.parsing.wording import reading_of
from kinerja_target.strategies import (
    cell_texts,
    read_values,
    same_kind_values,
    target_cells,
    target_values,
)
from kinerja_target.values import QUALIFIERS, WarningCode, _evolve

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
@example("A(\x1f", None)  # a control character Python splits on: the grammar drops it
@example("A(0X0A", None)  # a product in a note: the grammar multiplies it
def test_fast_path_agrees_with_the_grammar(text: str, indicator: str | None) -> None:
    expect = expectation_for(indicator) if indicator else None
    simple = _parse_simple(text, expect)
    if simple is not None:
        full = _parse_full(text, expect)
        assert simple == full
        assert simple.to_dict() == full.to_dict()


# -- the whole fast path, as parse_target takes it -------------------------------------------

# What real cells put before and after their number, and in brackets after it: every route
# of parsing.fastpath.parse_amount (the words before a number, typographic signs, a tail,
# money, a range, a compound, an annotation) and the shapes it leaves to the grammar.
_BEFORE = sorted(
    {" ".join(phrase) for phrase in QUALIFIER_PHRASES}
    | FILLER_WORDS
    | set(SYMBOL_QUALIFIERS)
    | {"=", ":", "Nilai :", "Rp", "Rp.", "IDR", "TAHUN", "naik", "x", "-", "("}
)
_AFTER = [
    *["", "%", " %", " persen", " orang", " Satker", " Lap", " hari kerja", " kali", " jam"],
    *[" miliar", " juta", " rupiah", ",-", ".", " ke atas", " desa/kelurahan", "/tahun"],
    *[" kec. 5 kel", " laki-laki dan 3 perempuan", "x24 jam", ", 5", ". 7", " - 90%"],
    *[" – 90 %", "–7", " s.d. 8 bulan", " per 1.000 kelahiran hidup", " Relawan", " ≥"],
]
_BRACKETED = [
    *["persen", "%", "lima", "tiga puluh persen", "seratus persen", "nol", "Laporan"],
    *["Provinsi/Kabupaten/Kota", "Provinsi/Kabupaten/ Kota", "Provinsi/", "Skala 5"],
    *["3 satker", "16,70%", "4/5", "Sangat Baik", "dua", "≥ 5 satker", "juta", "", " "],
]
_INDICATORS = [
    *[None, "Persentase partisipasi pemilih", "Jumlah pemilih", "Nilai maturitas SPIP"],
    *["Nilai IKPA", "Indeks Kepuasan Masyarakat", "Jumlah Pemuda yang dibina", "Lama waktu"],
]


@st.composite
def fast_path_cells(draw: st.DrawFn) -> str:
    space = st.sampled_from(["", " ", " ", "  ", "\n"])
    before = "".join(w + draw(space) for w in draw(st.lists(st.sampled_from(_BEFORE), max_size=2)))
    number = draw(st.from_regex(r"-?[0-9]{1,4}([.,][0-9]{1,4}){0,3}", fullmatch=True))
    text = before + number + draw(st.sampled_from(_AFTER))
    if draw(st.booleans()):
        opening = draw(st.sampled_from([" (", "(", "  ("]))
        closing = draw(st.sampled_from([")", " )", ""]))
        text += opening + draw(st.sampled_from(_BRACKETED)) + closing
        text += draw(st.sampled_from(["", "", " hari", " orang"]))
    return text.upper() if draw(st.integers(0, 9)) == 0 else text


@given(st.one_of(fast_path_cells(), cell_texts()), st.sampled_from(_INDICATORS))
@settings(max_examples=1500)
@example("≥ 85%", "Persentase partisipasi pemilih")
@example("Nilai : 45%", None)
@example("40,17% (3 satker)", "Persentase satker")
@example("70 Satker (Provinsi/Kabupaten/", None)
@example("Rp. 2.802.179.205 (77,67%)", None)
@example("Rp373, 479 miliar", None)
@example("5 (\x1f)", None)
@example("MENCAPAI SEBANYAK-BANYAKNYA0", None)
@example("12 Satker (0x0A)", None)
def test_the_whole_fast_path_agrees_with_the_grammar(text: str, indicator: str | None) -> None:
    fast = _parse_fast(text, indicator)
    if fast is not None:
        full = _parse_full(text, reading_of(indicator))
        assert fast == full
        assert fast.to_dict() == full.to_dict()


# -- a value changed by the parser -------------------------------------------------------------

_CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "note": st.one_of(st.none(), st.text(max_size=8)),
        "basis": st.one_of(st.none(), target_values("quantity")),
        "warnings": st.lists(st.sampled_from(sorted(WarningCode)), max_size=3),
        "raw": st.one_of(st.none(), st.text(max_size=8)),
        "qualifier": st.sampled_from([None, *QUALIFIERS, "~", "≥"]),
    },
)


@given(read_values(), _CHANGES)
def test_a_quick_change_is_attrs_evolve(value: Target, changes: dict[str, object]) -> None:
    try:
        expected = attrs.evolve(value, **changes)
    except SchemaError:
        with pytest.raises(SchemaError):
            _evolve(value, **changes)
        return
    changed = _evolve(value, **changes)
    assert type(changed) is type(value)
    assert changed == expected
    assert changed.to_dict() == expected.to_dict()
    assert repr(changed) == repr(expected)


_DIGIT_RUN = re.compile(r"[0-9]")


@given(st.one_of(fast_path_cells(), target_cells().map(lambda cell: cell[0])), st.data())
@settings(max_examples=800)
def test_a_cell_reads_the_same_after_another_of_its_shape(text: str, data: st.DataObject) -> None:
    # The fast path keeps what it decides per shape (the cell with its digits as 0s): a
    # cell must read the same whether or not one of its shape was read before it.
    other = _DIGIT_RUN.sub(lambda _: str(data.draw(st.integers(0, 9))), text)
    indicator = data.draw(st.sampled_from(_INDICATORS))
    clear_plans()
    alone = _parse_fast(other, indicator)
    clear_plans()
    _parse_fast(text, indicator)
    after = _parse_fast(other, indicator)
    assert (alone is None) == (after is None)
    if alone is not None and after is not None:
        assert alone == after
        assert alone.to_dict() == after.to_dict()
