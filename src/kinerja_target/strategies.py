"""Hypothesis strategies for target cells and values, for this library's tests and yours.

Needs the ``hypothesis`` extra (``pip install kinerja-target[hypothesis]``).

* :func:`target_cells` draws ``(text, value)``: a realistic target cell, written the way
  satker write them (decimal comma or dot, thousands dots, abbreviations in any case,
  qualifiers, ranges, words in parentheses, rupiah with magnitude words) together with
  the value it must parse to. Tools that import this library can property-test their
  own handling of targets with it.
* :func:`target_values` draws values directly (for round trips through ``to_dict`` and
  through ``str``).
* :func:`cell_texts` draws arbitrary cell-like text, for "never crashes" tests.
* :func:`read_values` draws values as the parser returns them (with their ``raw`` text
  and warning codes); ``st.from_type(Percent)`` and the other value classes use it.
* :func:`achievement_cases` draws ``(target, realisation, polarity)`` triples that
  :func:`~kinerja_target.achievement` compares, for properties of capaian.
* :func:`rows` draws :class:`~kinerja_target.Row` objects, as the table reader gives them.

Installing the library registers these strategies with hypothesis (an entry point of
the ``hypothesis`` group), so ``st.from_type(kinerja_target.Percent)`` and
``st.from_type(kinerja_target.Target)`` draw valid values without importing this
module. See ``docs/testing.md``.

>>> from hypothesis import given
>>> @given(target_cells())
... def test_reads(cell):
...     text, value = cell
...     assert parse_target(text) == value
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .errors import SchemaError, TargetParseError
from .numbers import format_decimal, write_number_words
from .parse import parse_target
from .polarity import Polarity
from .scales import SCALES
from .units import UNIT_TABLE, Unit
from .values import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    WarningCode,
)

_ready = False


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every value class, for ``st.from_type``: called by
    hypothesis, when it is imported, through the entry point in ``pyproject.toml``.

    Defined before hypothesis is imported: importing this module first imports
    hypothesis, which runs the entry point on this module while it is half loaded. The
    hook then does nothing, and the module registers the strategies itself once loaded.
    """
    if _ready:
        _register()


try:
    # After the hook (see its docstring).
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "kinerja_target.strategies needs hypothesis: pip install 'kinerja-target[hypothesis]'"
    ) from error

if TYPE_CHECKING:
    from .tables import Row

__all__ = [
    "KINDS",
    "achievement_cases",
    "cell_texts",
    "read_values",
    "rows",
    "same_kind_values",
    "target_cells",
    "target_values",
]

#: The value kinds the strategies draw, one per value class.
KINDS: tuple[str, ...] = (
    "percent",
    "quantity",
    "number",
    "grade",
    "money",
    "compound",
    "range",
    "missing",
)

Cell = tuple[str, Target]

COUNT_UNITS: tuple[Unit, ...] = tuple(u for u in UNIT_TABLE if u.is_count)
TIME_UNITS: tuple[Unit, ...] = tuple(u for u in UNIT_TABLE if not u.is_count)
_QUALIFIER_WORDS = {
    ">=": ("minimal ", "min. ", "≥ ", ">= ", "paling sedikit ", "sekurang-kurangnya "),
    "<=": ("maksimal ", "maks. ", "≤ ", "<= ", "paling lambat ", "tidak lebih dari "),
}


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from((word, word.lower(), word.upper(), word.capitalize()))


@st.composite
def _decimal(draw: st.DrawFn, low: int, high: int, places: int) -> Decimal:
    whole = draw(st.integers(low, high))
    if places == 0 or draw(st.booleans()):
        return Decimal(whole)
    digits = draw(st.integers(1, places))
    frac = draw(st.integers(1, 10**digits - 1))
    return Decimal(f"{whole}.{frac:0{digits}d}")


def _write(value: Decimal, *, english: bool = False, group: bool = True) -> str:
    text = format_decimal(value, group=group)
    if english:  # 87.5, 1,250: the English habit, seen beside the Indonesian one
        text = text.replace(".", "\0").replace(",", ".").replace("\0", ",")
    return text


@st.composite
def _percent(draw: st.DrawFn) -> Cell:
    value = draw(_decimal(0, 100, 2))
    text = _write(value, english=draw(st.booleans()), group=False)
    sign = draw(st.sampled_from(("%", " %", " persen", "%")))
    return text + sign, Percent(value)


@st.composite
def _count(draw: st.DrawFn) -> Cell:
    unit = draw(st.sampled_from(COUNT_UNITS))
    value = Decimal(draw(st.integers(0, 99_999)))
    spelling = draw(st.sampled_from((unit.label, *unit.spellings)))
    word = draw(_cased(spelling))
    if len(spelling) <= 4 and " " not in spelling and draw(st.booleans()):
        word += "."
    text = _write(value)
    if draw(st.integers(0, 5)) == 0 and value < 1000:
        text = f"{text} ({write_number_words(int(value))})"
    return f"{text} {word}", Quantity(value, unit.name)


@st.composite
def _duration(draw: st.DrawFn) -> Cell:
    unit = draw(st.sampled_from(TIME_UNITS))
    value = draw(_decimal(0, 365, 1))
    spelling = draw(st.sampled_from((unit.label, *unit.spellings)))
    return f"{_write(value)} {draw(_cased(spelling))}", Quantity(value, unit.name)


@st.composite
def _money(draw: st.DrawFn) -> Cell:
    value = Decimal(draw(st.integers(1, 10**13)))
    style = draw(st.integers(0, 3))
    digits = _write(value)
    if style == 0:
        return f"Rp {digits}", Money(value)
    if style == 1:
        return f"Rp{digits},00", Money(value)
    if style == 2:
        return f"Rp. {digits},-", Money(value)
    millions = Decimal(draw(st.integers(1, 999)))
    return f"Rp {millions} juta", Money(millions * 10**6)


@st.composite
def _grade(draw: st.DrawFn) -> Cell:
    scale = draw(st.sampled_from(("sakip", "opini_bpk", "kip", "zi")))
    grade = draw(st.sampled_from(SCALES[scale].grades))
    return grade.label, Grade(grade.code, scale)


@st.composite
def _qualified(draw: st.DrawFn) -> Cell:
    text, value = draw(st.one_of(_percent(), _count(), _grade()))
    op = draw(st.sampled_from((">=", "<=")))
    prefix = draw(st.sampled_from(_QUALIFIER_WORDS[op]))
    return prefix + text, _with_qualifier(value, op)


def _with_qualifier(value: Target, op: str) -> Target:
    return attrs.evolve(value, qualifier=op)


@st.composite
def _range(draw: st.DrawFn) -> Cell:
    low = draw(st.integers(0, 98))
    high = draw(st.integers(low + 1, 100))
    joiner = draw(st.sampled_from((" - ", " – ", "-", " s.d. ", " sampai dengan ", " s/d ")))
    if draw(st.booleans()):
        return f"{low}{joiner}{high}%", Range(Percent(Decimal(low)), Percent(Decimal(high)))
    unit = draw(st.sampled_from(("bulan", "hari", "hari kerja")))
    name = unit.replace(" ", "_")
    value = Range(Quantity(Decimal(low), name), Quantity(Decimal(high), name))
    return f"{low}{joiner}{high} {unit}", value


@st.composite
def _compound(draw: st.DrawFn) -> Cell:
    first, second = draw(
        st.lists(st.sampled_from(COUNT_UNITS), min_size=2, max_size=2, unique_by=lambda u: u.name)
    )
    a, b = draw(st.integers(1, 999)), draw(st.integers(1, 999))
    joiner = draw(st.sampled_from((" ", ", ", " dan ", "; ")))
    dot = "." if draw(st.booleans()) else ""
    text = f"{a} {first.spellings[0]}{dot}{joiner}{b} {second.spellings[0]}"
    return text, Compound([Quantity(Decimal(a), first.name), Quantity(Decimal(b), second.name)])


def target_cells() -> st.SearchStrategy[Cell]:
    """A realistic target cell and the value it must parse to (without an indicator)."""
    return st.one_of(
        _percent(),
        _count(),
        _duration(),
        _money(),
        _grade(),
        _qualified(),
        _range(),
        _compound(),
    )


def _value_strategies() -> dict[str, st.SearchStrategy[Target]]:
    qualifier = st.sampled_from((None, ">=", "<=", ">", "<"))
    percent = st.builds(Percent, _decimal(0, 1000, 3), qualifier=qualifier)
    basis = st.builds(
        lambda p, n: Percent(p, basis=Quantity(Decimal(n), "satker")),
        _decimal(0, 100, 2),
        st.integers(1, 600),
    )
    count = st.builds(
        lambda u, v, q: Quantity(Decimal(v), u.name, qualifier=q),
        st.sampled_from(COUNT_UNITS),
        st.integers(0, 10**7),
        qualifier,
    )
    duration = st.builds(
        lambda u, v: Quantity(v, u.name), st.sampled_from(TIME_UNITS), _decimal(0, 999, 2)
    )
    return {
        "percent": st.one_of(percent, basis),
        "quantity": st.one_of(count, duration),
        "number": st.builds(
            Number, _decimal(0, 10**6, 3), scale=st.sampled_from((None, "spip", "sakip", "kip"))
        ),
        "money": st.builds(Money, _decimal(0, 10**13, 2)),
        "grade": st.sampled_from(
            [Grade(g.code, name) for name, scale in SCALES.items() for g in scale.grades]
        ),
        "range": st.builds(
            lambda a, b: Range(Percent(Decimal(min(a, b))), Percent(Decimal(max(a, b) + 1))),
            st.integers(0, 100),
            st.integers(0, 100),
        ),
        "compound": _compound().map(lambda cell: cell[1]),
        "missing": st.just(Missing()),
    }


def _kind_strategy(kind: str) -> st.SearchStrategy[Target]:
    strategies = _value_strategies()
    if kind not in strategies:
        raise SchemaError(f"unknown target kind {kind!r}; expected one of {sorted(strategies)}")
    return strategies[kind]


def target_values(kind: str | None = None) -> st.SearchStrategy[Target]:
    """Target values drawn directly rather than through text: of one ``kind`` (one of
    :data:`KINDS`) or of any kind. An unknown kind raises
    :class:`~kinerja_target.errors.SchemaError` naming the kinds there are."""
    if kind is not None:
        return _kind_strategy(kind)
    return st.one_of(*_value_strategies().values())


def _reads_as(text: str | None, value: Target) -> str | None:
    if text is None:
        return None
    try:
        return text if parse_target(text) == value else None
    except TargetParseError:
        return None


def read_values(kind: str | None = None) -> st.SearchStrategy[Target]:
    """Values as :func:`~kinerja_target.parse_target` returns them: those of
    :func:`target_values`, with the text they were read from (``raw``, their Indonesian
    writing, when that reads back to the value without an indicator) and warning codes.
    What ``st.from_type`` draws for the value classes."""
    codes = st.lists(st.sampled_from(sorted(WarningCode)), max_size=2, unique=True)

    def provenance(value: Target) -> st.SearchStrategy[Target]:
        # A score on a named scale (``3,4`` on SPIP) needs its indicator to read back:
        # such a value keeps no raw text rather than one that reads as something else.
        return st.builds(
            lambda raw, warnings: attrs.evolve(value, raw=raw, warnings=warnings),
            st.sampled_from((None, str(value))).map(lambda text: _reads_as(text, value)),
            codes,
        )

    return target_values(kind).flatmap(provenance)


def same_kind_values(size: int) -> st.SearchStrategy[list[Target]]:
    """``size`` values of one kind, for ordering laws."""
    strategies = _value_strategies()
    return st.sampled_from(sorted(strategies)).flatmap(
        lambda kind: st.lists(strategies[kind], min_size=size, max_size=size)
    )


def cell_texts() -> st.SearchStrategy[str]:
    """Arbitrary text shaped like table cells: digits, separators, unit words, brackets."""
    pieces = [*"0123456789.,%-–()/ ≥≤<>=:;+\n\tRpMkKdDaAlLoOIxX"]
    pieces += ["Rp", "persen", "lap", "kec.", "kel", "hari kerja", "s.d.", "juta", "lima"]
    pieces += ["belas", "minimal ", "maks. ", "BB", "WTP", "Level ", "nihil", "sampai dengan"]
    alphabet = st.sampled_from(pieces)
    return st.one_of(
        st.text(),
        st.lists(alphabet, max_size=12).map("".join),
        target_cells().map(lambda cell: cell[0]),
    )


# -- capaian -------------------------------------------------------------------------------


def _points(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return _decimal(low, high, 2)


@st.composite
def _case(draw: st.DrawFn, kind: str) -> tuple[Target, Target]:
    if kind == "percent":
        return Percent(draw(_points(0, 100))), Percent(draw(_points(0, 150)))
    if kind == "quantity":
        unit = draw(st.sampled_from(UNIT_TABLE)).name
        return Quantity(draw(_points(0, 500)), unit), Quantity(draw(_points(0, 500)), unit)
    if kind == "number":
        return Number(draw(_points(0, 100))), Number(draw(_points(0, 100)))
    if kind == "money":
        amount = st.integers(0, 10**12).map(Decimal)
        return Money(draw(amount)), Money(draw(amount))
    if kind == "grade":
        scale = draw(st.sampled_from(sorted(SCALES)))
        grades = st.sampled_from(SCALES[scale].grades)
        return Grade(draw(grades).code, scale), Grade(draw(grades).code, scale)
    if kind == "range":
        low = draw(st.integers(0, 98))
        high = draw(st.integers(low + 1, 100))
        band = Range(Percent(Decimal(low)), Percent(Decimal(high)))
        return band, Percent(draw(_points(0, 120)))
    units = draw(
        st.lists(st.sampled_from(COUNT_UNITS), min_size=2, max_size=3, unique_by=lambda u: u.name)
    )
    sizes = [draw(st.integers(1, 999)) for _ in units]
    done = [draw(st.integers(0, 999)) for _ in units]
    target = Compound([Quantity(Decimal(n), u.name) for n, u in zip(sizes, units, strict=True)])
    actual = Compound([Quantity(Decimal(n), u.name) for n, u in zip(done, units, strict=True)])
    return target, actual


#: The kinds of target :func:`achievement_cases` draws (a realisation is never missing).
CASE_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "missing")


def achievement_cases(
    kind: str | None = None,
) -> st.SearchStrategy[tuple[Target, Target, Polarity]]:
    """``(target, realisation, polarity)``: a target of ``kind`` (one of
    :data:`CASE_KINDS`, or any), a realisation it compares with (the same unit, the same
    grade scale, the same compound units; a point for a range) and a polarity.
    :func:`~kinerja_target.achievement` never raises for them; a zero target gives a
    capaian that is not computable, as it should.
    """
    if kind is not None and kind not in CASE_KINDS:
        raise SchemaError(f"unknown target kind {kind!r}; expected one of {sorted(CASE_KINDS)}")
    kinds = st.just(kind) if kind is not None else st.sampled_from(CASE_KINDS)
    pairs = kinds.flatmap(_case)
    return st.tuples(pairs, st.sampled_from(list(Polarity))).map(
        lambda drawn: (drawn[0][0], drawn[0][1], drawn[1])
    )


# -- table rows ----------------------------------------------------------------------------

# Measure words that fit each kind of target cell, so the indicator's wording and the
# target agree (no unit_mismatch by construction).
_MEASURES: dict[type[Target], tuple[str, ...]] = {
    Percent: ("Persentase", "Tingkat", "Presentase"),
    Quantity: ("Jumlah", "Banyaknya"),
    Money: ("Jumlah anggaran", "Realisasi anggaran"),
    Grade: ("Nilai", "Predikat", "Opini"),
    Range: ("Persentase", "Tingkat"),
    Compound: ("Jumlah",),
}
_SUBJECTS = (
    "partisipasi pemilih dalam Pemilu",
    "laporan keuangan yang disusun tepat waktu",
    "pengaduan masyarakat yang ditindaklanjuti",
    "dokumen perencanaan yang disusun",
    "akuntabilitas kinerja",
    "badan adhoc yang dibentuk",
)
_SASARAN = (
    "Meningkatnya kualitas penyelenggaraan Pemilu",
    "Terwujudnya tata kelola yang baik",
    "Meningkatnya partisipasi pemilih",
)
_SATKER = (
    "KPU Kota Ambon",
    "KPU Kota Kupang",
    "KPU Kabupaten Bantul",
    "KPU Provinsi Maluku",
    "KPU RI",
)


@st.composite
def _row(draw: st.DrawFn) -> Row:
    from .tables import DOC_TYPES, DOUBTS, Row

    # The indicator begins with a measure word: never the doubt that it does not.
    doubts = sorted(set(DOUBTS) - {"no_measure_word"})
    text, value = draw(target_cells())
    shape = type(value.low) if isinstance(value, Range) else type(value)
    measure = draw(st.sampled_from(_MEASURES.get(shape, ("Jumlah",))))
    indicator = f"{measure} {draw(st.sampled_from(_SUBJECTS))}"
    satker = draw(st.sampled_from(_SATKER))
    realised = draw(st.none() | target_cells().map(lambda cell: cell[0]))
    return Row(
        indicator=indicator,
        target_raw=text,
        sasaran=draw(st.none() | st.sampled_from(_SASARAN)),
        satker=satker,
        unit=draw(st.sampled_from((satker, f"Sekretariat {satker}"))),
        year=draw(st.none() | st.integers(2019, 2030)),
        doc_type=draw(st.none() | st.sampled_from(sorted(DOC_TYPES))),
        realisasi_raw=realised,
        capaian_raw=draw(st.none() | _percent().map(lambda cell: cell[0])) if realised else None,
        source=draw(st.none() | st.sampled_from(("rkt_2024.txt", "pk.xlsx", "lkj.csv"))),
        line=draw(st.none() | st.integers(1, 5000)),
        doubts=draw(st.lists(st.sampled_from(doubts), max_size=2, unique=True)),
        table=draw(st.none() | st.integers(0, 5)),
    )


def rows() -> st.SearchStrategy[Row]:
    """Table rows as :func:`~kinerja_target.read_document` gives them: an indicator whose
    measure word fits its target cell (``Persentase`` with a percent), a realistic target
    cell (read into ``Row.target``), and the fields a document fills in (sasaran, satker,
    year, document type, realisasi, where it was read, the reader's doubts)."""
    return _row()


# -- registration with hypothesis ----------------------------------------------------------


def _register() -> None:
    for cls in (Percent, Quantity, Number, Grade, Money, Compound, Range, Missing):
        st.register_type_strategy(cls, read_values(cls.kind))
    st.register_type_strategy(Target, read_values())


# Importing the module registers them too (a checkout used without installing has no
# entry point); registering twice replaces the first.
_register()
_ready = True
