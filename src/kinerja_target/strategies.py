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

>>> from hypothesis import given
>>> @given(target_cells())
... def test_reads(cell):
...     text, value = cell
...     assert parse_target(text) == value
"""

from __future__ import annotations

from decimal import Decimal

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "kinerja_target.strategies needs hypothesis: pip install 'kinerja-target[hypothesis]'"
    ) from error

from .numbers import format_decimal, write_number_words
from .scales import SCALES
from .units import UNIT_TABLE, Unit
from .values import Compound, Grade, Money, Number, Percent, Quantity, Range, Target

__all__ = ["cell_texts", "same_kind_values", "target_cells", "target_values"]

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
    import attrs

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
    }


def target_values(kind: str | None = None) -> st.SearchStrategy[Target]:
    """Target values drawn directly rather than through text: of one ``kind``
    (``percent``, ``quantity``, ``number``, ``grade``, ``money``, ``range``, ``compound``)
    or of any kind."""
    strategies = _value_strategies()
    if kind is not None:
        return strategies[kind]
    return st.one_of(*strategies.values())


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
