"""Capaian: realisation against target, as LAKIP reports compute it.

:func:`achievement` takes a target and a realisation (values or text) and returns an
:class:`Achievement`: the capaian as an exact ``Decimal`` percent, whether the target was
met, whether a cap applied, and one line of the arithmetic.

The formulas (PermenPANRB 8/2021, Lampiran; docs/domain.md §1):

* higher is better (``max``): ``C = R / T × 100%``;
* lower is better (``min``): ``C = (2T − R) / T × 100%`` ("kondisi khusus"), floored at
  0; ``T / R × 100%`` is selectable with ``formula="t/r"``;
* on target (``stable``): 100% when R = T (or inside a band), ``R / T`` below it and
  ``(2T − R) / T`` above it.

A range target is compared with its lower bound when the realisation is below it, with
its upper bound when above (PermenPANRB 8/2021), and is met anywhere inside.
A zero target makes R/T undefined: the result is *not computable* (``percent`` is
``None``), never a division error and never a silent 0 or 100, except under ``min``,
where R = 0 meets the target (100%) and anything more misses it (0%).
Grades are compared through their scale: the band's midpoint where the regulation
publishes bands (SAKIP, RB, SPIP, KIP, IKM), the 1-based position otherwise (BPK
opinion, ZI). Caps: none by default; :data:`CAP_KPU` (100, KPU LKj practice) and
:data:`CAP_PERMENPANRB` (120) are presets. Each choice is recorded in ``docs/decisions/``.

:func:`aggregate` combines the capaian of several indicators (a sasaran, a satker):
arithmetic mean (LKj practice) or geometric mean (PMK 22/2021), skipping the
not-computable ones and saying how many were skipped.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import NamedTuple

import attrs

from .errors import IncomparableError, SchemaError
from .numbers import format_decimal
from .parse import parse_target
from .polarity import Polarity, PolarityInference, infer_polarity
from .scales import SCALES
from .units import get_unit
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

__all__ = [
    "CAP_KPU",
    "CAP_PERMENPANRB",
    "NEGATIVE_TARGET",
    "PERCENT_FRACTION",
    "Achievement",
    "Aggregate",
    "MinFormula",
    "achievement",
    "aggregate",
]

#: KPU LKj practice: capaian reported at most 100% (LKj KPU Kab. Sarolangun 2019).
CAP_KPU = Decimal(100)
#: The ceiling of PermenPANRB 8/2021 (SKP "nilai capaian" tops at 120).
CAP_PERMENPANRB = Decimal(120)

#: Warning: one side is a bare fraction (``0.812``, what a percent-formatted cell holds)
#: and the other a written percent (``77,5%``); the fraction was read as 81,2%.
PERCENT_FRACTION = "percent_fraction"
#: Warning: the target is below zero, where R / T has no meaning (decision 0313).
NEGATIVE_TARGET = "negative_target"

_HUNDRED = Decimal(100)
# A bare number up to this is read as a fraction of 100% against a written percent: a
# percent-formatted cell of 200% holds 2.
_FRACTION_LIMIT = Decimal(2)
# ... when, read as it stands, it would be less than a tenth of the other side: the
# reading that puts the two nearer each other (on a log scale) wins.
_FRACTION_RATIO = Decimal("0.1")
# Both sides unmarked under a percentage wording ("100" and "0,852"): only when the other
# side reads as a whole percent of at least this.
_WHOLE_PERCENT = Decimal(50)
# Enough digits that no reported figure is ever affected by the division's rounding.
_CTX = Context(prec=34)
# Rounding a result for a report must never fail, whatever its size.
_ROUND = Context(prec=1000, rounding=ROUND_HALF_UP)


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), context=_ROUND)


def _sum(values: Iterable[Decimal]) -> Decimal:
    """A sum in the library's own context, not the caller's."""
    total = Decimal(0)
    for value in values:
        total = _CTX.add(total, value)
    return total


_POLARITY_WORDS = {
    Polarity.MAX: "lebih tinggi lebih baik",
    Polarity.MIN: "lebih rendah lebih baik",
    Polarity.STABLE: "tepat target lebih baik",
}


class MinFormula(enum.StrEnum):
    """The formula for lower-is-better indicators."""

    #: ``(2T − R) / T``: PermenPANRB 8/2021 "kondisi khusus" (the default).
    REFLECTED = "2t-r"
    #: ``T / R``: common in LKj practice, no regulation found.
    RATIO = "t/r"


@attrs.frozen
class Achievement:
    """The capaian of one indicator.

    ``percent`` is ``None`` and ``met`` is ``None`` when the capaian cannot be computed
    (a zero target, a missing value); ``explanation`` then says why.
    """

    percent: Decimal | None
    met: bool | None
    capped: bool
    explanation: str
    polarity: Polarity = Polarity.MAX
    target: Target | None = attrs.field(default=None, eq=False, repr=False)
    actual: Target | None = attrs.field(default=None, eq=False, repr=False)
    #: What the computation noticed: ``percent_fraction`` (a bare fraction against a
    #: percent was read as a fraction of 100%), ``negative_target``.
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)

    @property
    def computable(self) -> bool:
        """Whether a capaian could be computed."""
        return self.percent is not None

    def rounded(self, places: int = 2) -> Decimal | None:
        """The capaian rounded half-up to ``places`` decimals, as LKj tables report it."""
        if self.percent is None:
            return None
        return _round(self.percent, places)

    @property
    def status(self) -> str:
        """``Tercapai``, ``Tidak tercapai`` or ``Tidak dapat dihitung``."""
        if self.met is None:
            return "Tidak dapat dihitung"
        return "Tercapai" if self.met else "Tidak tercapai"

    def __str__(self) -> str:
        rounded = self.rounded()
        return "-" if rounded is None else _pct(rounded)


@attrs.frozen
class Aggregate:
    """The capaian of a group of indicators."""

    percent: Decimal | None
    method: str
    count: int
    skipped: int
    explanation: str

    def rounded(self, places: int = 2) -> Decimal | None:
        """The aggregate rounded half-up to ``places`` decimals."""
        if self.percent is None:
            return None
        return _round(self.percent, places)


# -- helpers --------------------------------------------------------------------------------------


def _pct(value: Decimal) -> str:
    return _num(value) + "%"


def _num(value: Decimal) -> str:
    """A number in an explanation: as written, whole numbers without decimals, at most
    four decimals (a converted unit can have many), never an exponent."""
    exponent = value.as_tuple().exponent
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1), context=_ROUND)
    elif isinstance(exponent, int) and exponent < -4:
        value = _round(value, 4).normalize(_ROUND)
    return format_decimal(value)


def _show(value: Decimal) -> str:
    """A computed percent the way a report shows it: two decimals at most, comma."""
    return _pct(_round(value, 2).normalize(_ROUND))


def _coerce_polarity(polarity: Polarity | str | None) -> Polarity | None:
    if polarity is None or isinstance(polarity, Polarity):
        return polarity
    try:
        return Polarity(str(polarity).strip().lower())
    except ValueError:
        raise SchemaError(f"polarity must be 'max', 'min' or 'stable', not {polarity!r}") from None


def _coerce_cap(cap: Decimal | int | str | None) -> Decimal | None:
    if cap is None:
        return None
    try:
        value = Decimal(str(cap))
    except ArithmeticError:
        raise SchemaError(f"cap must be a number, not {cap!r}") from None
    if not value.is_finite() or value <= 0:
        raise SchemaError(f"cap must be a positive number, not {cap!r}")
    return value


class _Scores(NamedTuple):
    """Target and realisation as two numbers on one footing, and how they were read."""

    target: Decimal | tuple[Decimal, Decimal]
    actual: Decimal
    # The grades both sides were read as, when the comparison went through a scale.
    graded: tuple[Grade, Grade] | None = None


def _point(value: Target) -> Decimal | None:
    if isinstance(value, Percent | Quantity | Number | Money):
        return value.value
    return None


def _grade_score(grade: Grade) -> Decimal:
    """A grade as a number on its scale: the band midpoint, or the 1-based position."""
    definition = SCALES[grade.scale].grade(grade.value)
    if definition.band is not None:
        return definition.band.midpoint
    return Decimal(grade.rank + 1)


def _as_grade(value: Target, scale: str, other: Target) -> Grade:
    if isinstance(value, Grade):
        if value.scale != scale:
            raise IncomparableError(value, other, "grades on different scales")
        return value
    score = _point(value)
    found = SCALES[scale].grade_for_score(score) if score is not None else None
    if found is None:
        raise IncomparableError(value, other, f"cannot be read on the {scale} scale")
    return Grade(found.code, scale)


def _scores(target: Target, actual: Target) -> _Scores:
    """Put target and realisation on one footing, or raise IncomparableError."""
    grade = target if isinstance(target, Grade) else actual
    if isinstance(grade, Grade):
        if not isinstance(target, Grade | Number | Percent) or not isinstance(
            actual, Grade | Number | Percent
        ):
            raise IncomparableError(target, actual, "a grade compares only with a grade or score")
        t_grade = _as_grade(target, grade.scale, actual)
        a_grade = _as_grade(actual, grade.scale, target)
        return _Scores(_grade_score(t_grade), _grade_score(a_grade), (t_grade, a_grade))
    if isinstance(target, Range):
        low, high = _scores(target.low, actual), _scores(target.high, actual)
        assert isinstance(low.target, Decimal)
        assert isinstance(high.target, Decimal)
        return _Scores((low.target, high.target), low.actual)
    if isinstance(actual, Range):
        raise IncomparableError(target, actual, "a realisation is one value, not a range")
    if isinstance(target, Percent) and target.basis is not None and isinstance(actual, Quantity):
        # "36,36% (4 satker)" against "5 satker": the percentage stands for 4 satker.
        return _scores(target.basis, actual)
    t, a = _point(target), _point(actual)
    if t is None or a is None:
        raise IncomparableError(target, actual, f"a {target.kind} and a {actual.kind}")
    if isinstance(target, Quantity) and isinstance(actual, Quantity):
        if target.unit != actual.unit:
            mine, theirs = get_unit(target.unit), get_unit(actual.unit)
            if mine.dimension != theirs.dimension:
                raise IncomparableError(
                    target, actual, f"{mine.label} and {theirs.label} measure different things"
                )
            a = _CTX.divide(_CTX.multiply(a, theirs.factor), mine.factor)
        return _Scores(t, a)
    # A bare number carries no unit of its own: it compares with a count, a percent or a
    # score ("4" revisions against "3 kali"); kinds that both carry units must agree.
    if isinstance(target, Number) or isinstance(actual, Number):
        scales = {v.scale for v in (target, actual) if isinstance(v, Number) and v.scale}
        if len(scales) > 1:
            raise IncomparableError(target, actual, "scores on different scales")
        if isinstance(target, Money) or isinstance(actual, Money):
            raise IncomparableError(target, actual, "money against a bare number")
        return _Scores(t, a)
    if type(target) is not type(actual):
        raise IncomparableError(target, actual, f"a {target.kind} and a {actual.kind}")
    return _Scores(t, a)


def _formula(
    t: Decimal, r: Decimal, polarity: Polarity, formula: MinFormula
) -> tuple[Decimal | None, str]:
    """The capaian of R against a point target T, and the arithmetic as text."""
    tt, rr = _num(t), _num(r)
    if polarity is Polarity.MIN or (polarity is Polarity.STABLE and r > t):
        if t == 0:
            if r <= 0:
                return _HUNDRED, "target 0 dan realisasi 0: target terpenuhi = 100%"
            return Decimal(0), f"target 0 terlampaui ({rr}): 0%"
        if formula is MinFormula.RATIO and polarity is Polarity.MIN:
            if r == 0:
                return None, f"realisasi 0: {tt}/0 tidak dapat dihitung"
            value = _CTX.multiply(_CTX.divide(t, r), _HUNDRED)
            return value, f"{tt}/{rr} × 100% = {_show(value)}"
        value = _CTX.multiply(_CTX.subtract(2, _CTX.divide(r, t)), _HUNDRED)
        text = f"(2 − {rr}/{tt}) × 100% = {_show(value)}"
        if value < 0:
            return Decimal(0), f"{text}, dibatasi bawah 0%"
        return value, text
    if polarity is Polarity.STABLE and r == t:
        return _HUNDRED, "tepat target = 100%"
    if t == 0:
        return None, "target 0: capaian tidak dapat dihitung"
    value = _CTX.multiply(_CTX.divide(r, t), _HUNDRED)
    text = f"{rr}/{tt} × 100% = {_show(value)}"
    if value < 0:
        return Decimal(0), f"{text}, dibatasi bawah 0%"
    return value, text


def _met(t: Decimal, r: Decimal, polarity: Polarity, qualifier: str | None) -> bool:
    if qualifier == ">":
        return r > t
    if qualifier == "<":
        return r < t
    if qualifier == ">=":
        return r >= t
    if qualifier == "<=":
        return r <= t
    if polarity is Polarity.MIN:
        return r <= t
    if polarity is Polarity.STABLE:
        return r == t
    return r >= t


def _resolve(value: Target | str | int | Decimal, indicator: str | None) -> Target:
    if isinstance(value, Target):
        return value
    return parse_target(value, indicator=indicator)


# -- sanity: fractions against percents, negative targets ----------------------------------------


def _written_percent(value: Target) -> Decimal | None:
    """The value of a percent written with its sign (or a range of them), else ``None``."""
    inner = value.low if isinstance(value, Range) else value
    if isinstance(inner, Percent) and WarningCode.UNIT_INFERRED not in inner.warnings:
        return inner.value
    return None


def _hundred_point(scale: str | None) -> bool:
    """Whether ``scale`` scores from 0 to 100 (SAKIP, RB, KIP, IKM), where 0,852 is no
    plausible score but a percent-formatted 85,2."""
    if scale is None or scale not in SCALES:
        return False
    highs = [g.band.high for g in SCALES[scale].grades if g.band is not None]
    return bool(highs) and max(highs) >= _HUNDRED


def _unmarked(value: Target) -> Decimal | None:
    """The value of a number written without a unit (a bare number or a score on a
    0–100 scale, or a percent only the wording made one), else ``None``."""
    if isinstance(value, Number) and (value.scale is None or _hundred_point(value.scale)):
        return value.value
    if isinstance(value, Percent) and WarningCode.UNIT_INFERRED in value.warnings:
        return value.value if value.basis is None else None
    return None


def _as_fraction(value: Target, number: Decimal) -> Percent:
    percent = _CTX.multiply(number, _HUNDRED).normalize(_CTX)
    if percent == percent.to_integral_value():
        percent = percent.quantize(Decimal(1))
    return Percent(percent, qualifier=value.qualifier, raw=value.raw)


def _fraction_sanity(target: Target, actual: Target) -> tuple[Target, Target, str | None]:
    """Read a bare fraction as a fraction of 100% where the other side is a percent.

    ``77,5%`` against ``0.812`` (a percent-formatted cell read without its format, as
    ``pd.read_excel`` gives it) is 81,2%, not 0,812%: the fraction is read so when it is
    at most 2 and, read as it stands, less than a tenth of the written percent. Two
    unmarked numbers under a percentage wording, or two scores on one 0–100 scale
    (``100`` and ``0,852``), are read so only when the other is at least 50. Decision 0312.
    """
    for role, side, other in (("realisasi", actual, target), ("target", target, actual)):
        number = _unmarked(side)
        if number is None or not 0 < number <= _FRACTION_LIMIT:
            continue
        written = _written_percent(other)
        reference = written
        if reference is None:
            unmarked = _unmarked(other)
            either_percent = isinstance(side, Percent) or isinstance(other, Percent)
            same_score = (
                isinstance(side, Number)
                and isinstance(other, Number)
                and side.scale is not None
                and side.scale == other.scale
            )
            wording_says_percent = either_percent or same_score
            if unmarked is not None and wording_says_percent and unmarked >= _WHOLE_PERCENT:
                reference = unmarked
        if reference is None or reference <= 0:
            continue
        if _CTX.divide(number, reference) >= _FRACTION_RATIO:
            continue
        replaced = _as_fraction(side, number)
        note = (
            f"{role} {_num(number)} dibaca sebagai pecahan dari 100% = {replaced} "
            f"({PERCENT_FRACTION})"
        )
        if role == "realisasi":
            return target, replaced, note
        return replaced, actual, note
    return target, actual, None


def _negative(value: Target) -> Decimal | None:
    inner = value.low if isinstance(value, Range) else value
    point = _point(inner)
    return point if point is not None and point < 0 else None


# -- the computation ------------------------------------------------------------------------------


def achievement(
    target: Target | str | int | Decimal,
    actual: Target | str | int | Decimal,
    *,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
    indicator: str | None = None,
) -> Achievement:
    """The capaian of ``actual`` (realisasi) against ``target``.

    ``polarity`` is ``"max"``, ``"min"``, ``"stable"`` or a :class:`Polarity`; when
    ``None`` it is inferred from ``indicator`` and the target (:func:`infer_polarity`),
    and is ``max`` without an indicator. ``cap`` limits the capaian (``100``, ``120``, any
    number; ``None`` for no cap). ``formula`` picks the lower-is-better formula.
    Text arguments are parsed with ``indicator``.

    >>> result = achievement("7 - 8 bulan", "6,5 bulan", polarity="min")
    >>> str(result), result.met
    ('107,14%', True)
    >>> result.explanation.split(": ")[-1]
    '(2 − 6,5/7) × 100% = 107,14%'
    >>> achievement("80%", "83%", cap=100).percent
    Decimal('100')

    Raises :class:`~kinerja_target.errors.IncomparableError` when the two cannot be
    compared (``12 Lap`` against ``75%``) and
    :class:`~kinerja_target.errors.TargetParseError` for text that holds no value.
    """
    t_value, a_value = _resolve(target, indicator), _resolve(actual, indicator)
    chosen = _coerce_polarity(polarity)
    inference: PolarityInference | None = None
    if chosen is None:
        if indicator is not None:
            inference = infer_polarity(indicator, t_value)
            chosen = inference.polarity
        elif t_value.qualifier in ("<=", "<"):
            chosen = Polarity.MIN
        else:
            chosen = Polarity.MAX
    limit = _coerce_cap(cap)
    min_formula = MinFormula(formula) if not isinstance(formula, MinFormula) else formula
    warnings: list[str] = []
    compared_target, compared_actual, fraction = _fraction_sanity(t_value, a_value)
    negative = _negative(compared_target)
    if negative is not None:
        # R / T flips its meaning below zero (-12 against -10 would be 120%), and no
        # regulation gives a formula: not computable, and said (decision 0313).
        percent, met = None, None
        text = (
            f"{compared_actual} vs {compared_target}: target negatif ({_num(negative)}), "
            f"R/T tidak bermakna; capaian tidak dapat dihitung ({NEGATIVE_TARGET})"
        )
        warnings.append(NEGATIVE_TARGET)
    else:
        percent, met, text = _compute(compared_target, compared_actual, chosen, min_formula)
    if fraction is not None:
        text = f"{text} [{fraction}]"
        warnings.append(PERCENT_FRACTION)
    capped = False
    if percent is not None and limit is not None and percent > limit:
        text = f"{text}, dibatasi {_pct(limit)}"
        percent, capped = limit, True
    if inference is not None and inference.contradiction:
        text = f"{text} (polarity_contradiction: {inference.reason})"
    return Achievement(
        percent, met, capped, text, chosen, t_value, a_value, warnings=tuple(warnings)
    )


def _compute(
    target: Target, actual: Target, polarity: Polarity, formula: MinFormula
) -> tuple[Decimal | None, bool | None, str]:
    if isinstance(target, Missing):
        return None, None, "tidak ada target: capaian tidak dapat dihitung"
    if isinstance(actual, Missing):
        return None, None, "tidak ada realisasi: capaian tidak dapat dihitung"
    words = _POLARITY_WORDS[polarity]
    if isinstance(target, Compound):
        return _compound(target, actual, polarity, formula)
    scores = _scores(target, actual)
    r = scores.actual
    shown_actual = str(attrs.evolve(actual, note=None, basis=None))
    if isinstance(scores.target, tuple):
        low, high = scores.target
        if r < low:
            bound, side = low, f"batas bawah {_num(low)}"
        elif r > high:
            bound, side = high, f"batas atas {_num(high)}"
        else:
            head = f"{shown_actual} vs {target}, di dalam rentang"
            return _HUNDRED, True, f"{head}: target terpenuhi = 100%"
        effective = Polarity.MIN if polarity is Polarity.STABLE and r > high else polarity
        effective = Polarity.MAX if polarity is Polarity.STABLE and r < low else effective
        percent, arithmetic = _formula(bound, r, effective, formula)
        met = _met(bound, r, effective, None) if percent is not None else None
        return percent, met, f"{shown_actual} vs {target} ({side}), {words}: {arithmetic}"
    t = scores.target
    percent, arithmetic = _formula(t, r, polarity, formula)
    met = _met(t, r, polarity, target.qualifier) if percent is not None else None
    shown_target = str(target)
    if scores.graded is not None:
        t_grade, a_grade = scores.graded
        shown_target = f"{shown_target} (= {t_grade}, {_num(t)})"
        shown_actual = f"{shown_actual} (= {a_grade}, {_num(r)})"
    return percent, met, f"{shown_actual} vs {shown_target}, {words}: {arithmetic}"


def _compound(
    target: Compound, actual: Target, polarity: Polarity, formula: MinFormula
) -> tuple[Decimal | None, bool | None, str]:
    """Component by component (matched by unit), then the arithmetic mean."""
    if not isinstance(actual, Compound):
        raise IncomparableError(target, actual, "a compound target needs a compound realisation")
    by_unit = {p.unit: p for p in actual.parts}
    if len(by_unit) != len(actual.parts) or set(by_unit) != {p.unit for p in target.parts}:
        raise IncomparableError(target, actual, "the parts do not have the same units")
    results = [_compute(p, by_unit[p.unit], polarity, formula) for p in target.parts]
    percents = [p for p, _, _ in results if p is not None]
    explained = "; ".join(text for _, _, text in results)
    if len(percents) != len(results):
        return None, None, f"{explained}; capaian gabungan tidak dapat dihitung"
    mean = _CTX.divide(_sum(percents), len(percents))
    met = all(m for _, m, _ in results)
    return mean, met, f"{explained}; rata-rata = {_show(mean)}"


def aggregate(
    items: Iterable[Achievement | Decimal | None],
    *,
    method: str = "mean",
    weights: Iterable[Decimal | int | str] | None = None,
) -> Aggregate:
    """The capaian of a sasaran or a satker from its indicators.

    ``method`` is ``"mean"`` (arithmetic, LKj practice), ``"geometric"`` (PMK 22/2021)
    or ``"weighted"`` (an arithmetic mean with one weight per item, ``weights``; a weight
    of a skipped item is dropped with it). Not-computable items (``None``) are skipped
    and counted in ``skipped``.

    >>> aggregate([Decimal(100), Decimal(90)], method="geometric").rounded()
    Decimal('94.87')
    >>> aggregate([Decimal(100), Decimal(70)], method="weighted", weights=[3, 1]).rounded()
    Decimal('92.50')
    """
    if method not in ("mean", "geometric", "weighted"):
        raise SchemaError(f"method must be 'mean', 'geometric' or 'weighted', not {method!r}")
    listed = list(items)
    if method == "weighted":
        return _weighted(listed, weights)
    values: list[Decimal] = []
    skipped = 0
    for item in listed:
        value = item.percent if isinstance(item, Achievement) else item
        if value is None:
            skipped += 1
        else:
            values.append(Decimal(value))
    if not values:
        return Aggregate(None, method, 0, skipped, "tidak ada capaian yang dapat dihitung")
    if method == "mean":
        result = _CTX.divide(_sum(values), len(values))
        how = f"rata-rata hitung {len(values)} indikator"
    elif any(v <= 0 for v in values):
        result = Decimal(0)
        how = f"rata-rata ukur {len(values)} indikator (ada capaian 0%)"
    else:
        # exp(mean of logs) of the fractions, in Decimal: no float anywhere.
        logs = _sum(_CTX.ln(_CTX.divide(v, _HUNDRED)) for v in values)
        result = _CTX.multiply(_CTX.exp(_CTX.divide(logs, len(values))), _HUNDRED)
        how = f"rata-rata ukur {len(values)} indikator"
    skipped_text = f", {skipped} dilewati (tidak dapat dihitung)" if skipped else ""
    return Aggregate(result, method, len(values), skipped, f"{how}{skipped_text} = {_show(result)}")


def _weight(value: Decimal | int | str) -> Decimal:
    try:
        weight = Decimal(str(value).strip().replace(",", "."))
    except ArithmeticError:
        raise SchemaError(f"a weight must be a number, not {value!r}") from None
    if not weight.is_finite() or weight < 0:
        raise SchemaError(f"a weight must be zero or more, not {value!r}")
    return weight


def _weighted(
    items: list[Achievement | Decimal | None], weights: Iterable[Decimal | int | str] | None
) -> Aggregate:
    if weights is None:
        raise SchemaError("method 'weighted' needs one weight per item")
    given = [_weight(w) for w in weights]
    if len(given) != len(items):
        raise SchemaError(f"{len(given)} weights for {len(items)} items")
    pairs: list[tuple[Decimal, Decimal]] = []
    skipped = 0
    for item, weight in zip(items, given, strict=True):
        value = item.percent if isinstance(item, Achievement) else item
        if value is None:
            skipped += 1
        else:
            pairs.append((Decimal(value), weight))
    total = _sum(w for _, w in pairs)
    if not pairs or total == 0:
        why = "tidak ada capaian yang dapat dihitung" if not pairs else "jumlah bobot 0"
        return Aggregate(None, "weighted", len(pairs), skipped, why)
    result = _CTX.divide(_sum(_CTX.multiply(v, w) for v, w in pairs), total)
    skipped_text = f", {skipped} dilewati (tidak dapat dihitung)" if skipped else ""
    how = f"rata-rata tertimbang {len(pairs)} indikator (jumlah bobot {_num(total)})"
    return Aggregate(
        result, "weighted", len(pairs), skipped, f"{how}{skipped_text} = {_show(result)}"
    )
