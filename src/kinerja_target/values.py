"""Target values: small, frozen, typed objects for what a target cell says.

One class per kind of target:

============  ========================================  ======================
kind          class                                     example
============  ========================================  ======================
``percent``   :class:`Percent`                          ``97,5%``
``quantity``  :class:`Quantity` (a count or duration)   ``12 Lap``, ``5 hari``
``number``    :class:`Number` (optionally on a scale)   ``3,4``, ``35``
``grade``     :class:`Grade` (a letter or category)     ``BB``, ``Opini WTP``
``money``     :class:`Money` (rupiah)                   ``Rp 10.252.187.000``
``compound``  :class:`Compound` (several quantities)    ``6 kec. 29 kel``
``range``     :class:`Range`                            ``80 - 90%``
``missing``   :class:`Missing`                          ``-``, empty cell
============  ========================================  ======================

Every value keeps the text it was read from (``raw``), the codes of what the parser
noticed (``warnings``), an optional ``qualifier`` (``>=``, ``<=``, ``>``, ``<``), an
optional ``basis`` (``36,36% (4 satker)``: the count behind a percentage) and an optional
``note`` (a parenthesised annotation). Numbers are :class:`~decimal.Decimal`.

Equality is equality of *values*: kind, number, unit or scale, qualifier. ``raw``,
``warnings``, ``note`` and ``basis`` describe where a value came from and stay out of it,
so ``97,5%`` and ``97,5 %`` are equal (``docs/decisions/0001-value-equality.md``).
Ordering is total within a kind and raises :class:`~kinerja_target.errors.IncomparableError`
across kinds. ``str()`` writes a value the Indonesian way; :meth:`Target.to_dict` and
:func:`from_dict` give the canonical JSON form and round-trip exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

import attrs

from .errors import IncomparableError, SchemaError
from .numbers import format_decimal
from .scales import SCALES
from .units import get_unit, to_pint

if TYPE_CHECKING:
    import pint

__all__ = [
    "Compound",
    "Grade",
    "Missing",
    "Money",
    "Number",
    "Percent",
    "Qualifier",
    "Quantity",
    "Range",
    "Target",
    "WarningCode",
    "from_dict",
]

Qualifier = Literal[">=", "<=", ">", "<"]
QUALIFIERS: tuple[str, ...] = (">=", "<=", ">", "<")
_QUALIFIER_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
# For a total order consistent with equality: "< 80%" sorts before "80%" before "≥ 80%".
_QUALIFIER_RANK = {"<": -2, "<=": -1, None: 0, ">=": 1, ">": 2}


class WarningCode(enum.StrEnum):
    """What the parser noticed about a value. Codes, not prose: compare with strings."""

    #: The cell was cut off (an unclosed parenthesis, a trailing ``/``).
    TRUNCATED = "truncated"
    #: The indicator's wording asks for another kind of value (``Persentase`` with ``12 Lap``).
    UNIT_MISMATCH = "unit_mismatch"
    #: A bare number whose unit was taken from the indicator (``35`` under ``Persentase``).
    UNIT_INFERRED = "unit_inferred"
    #: A unit noun the vocabulary does not know; kept as its own unit.
    UNKNOWN_UNIT = "unknown_unit"
    #: A separator whose reading is a guess (``1.000``: a thousand, or one?).
    AMBIGUOUS_SEPARATOR = "ambiguous_separator"
    #: The number and the words in parentheses disagree (``5 (enam) hari``).
    WORDS_MISMATCH = "words_mismatch"
    #: Letters read for digits were repaired (``1O0%``, ``l00%``, ``o/o``).
    OCR_CORRECTED = "ocr_corrected"
    #: The indicator's wording and the target point to opposite polarities.
    POLARITY_CONTRADICTION = "polarity_contradiction"
    #: The text was Unicode-normalised before it was read: full-width digits or signs
    #: (``９７％``), digits of another script, the Arabic percent sign ``٪``, control
    #: characters dropped (``97\x00%``).
    NORMALIZED = "normalized"
    #: A value no target plausibly is (``4900%``); the note says what it may have meant
    #: (a spreadsheet's percent format shows 49 as ``4900%``).
    IMPLAUSIBLE = "implausible"
    #: A template cell left blank: only the unit mark (``%``, ``Persen``, ``Rp``, ``... %``).
    BLANK_TEMPLATE = "blank_template"
    #: A list number before the value, set apart by spaces, was dropped (``3.   60 %``).
    LIST_NUMBER = "list_number"


def _parts(parts: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(parts)


def _warning_codes(codes: Any) -> tuple[str, ...]:
    if not codes:  # the common case, on the parser's hot path
        return ()
    return tuple(sorted({str(c) for c in codes}))


def _check_qualifier(_: Any, __: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in QUALIFIERS:
        raise SchemaError(f"qualifier must be one of {QUALIFIERS}, not {value!r}")


@attrs.frozen(kw_only=True, repr=False)
class Target:
    """Base class of every target value. Not instantiated itself."""

    kind: ClassVar[str] = ""

    qualifier: str | None = attrs.field(default=None, validator=_check_qualifier)
    basis: Target | None = attrs.field(default=None, eq=False)
    note: str | None = attrs.field(default=None, eq=False)
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False, converter=_warning_codes)
    raw: str | None = attrs.field(default=None, eq=False)

    # -- what every kind answers -------------------------------------------------------

    @property
    def unit(self) -> str | None:
        """The canonical unit (``percent``, ``IDR``, ``laporan``...), or ``None``."""
        return None

    def with_warnings(self, *codes: str) -> Target:
        """A copy with ``codes`` added to its warnings."""
        return _evolve(self, warnings=(*self.warnings, *codes))

    def to_dict(self) -> dict[str, Any]:
        """The canonical JSON form (see ``docs/values.md``); :func:`from_dict` reads it back."""
        out: dict[str, Any] = {"kind": self.kind}
        out.update(self._payload())
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        if self.basis is not None:
            out["basis"] = self.basis.to_dict()
        if self.note is not None:
            out["note"] = self.note
        out["warnings"] = list(self.warnings)
        if self.raw is not None:
            out["raw"] = self.raw
        return out

    def _payload(self) -> dict[str, Any]:
        return {}

    def _body(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        text = self._body()
        if self.qualifier is not None:
            text = f"{_QUALIFIER_SIGNS[self.qualifier]} {text}"
        if self.basis is not None:
            text = f"{text} ({self.basis})"
        if self.note is not None and self.note.startswith("dari ") and isinstance(self, Quantity):
            text = f"{format_decimal(self.value)} {self.note}"  # "2 dari 4 satker"
        elif self.note is not None:
            # A cut-off annotation is written cut off, so that it reads back as truncated.
            close = "" if WarningCode.TRUNCATED in self.warnings else ")"
            text = f"{text} ({self.note}{close}"
        return text

    def __repr__(self) -> str:
        args = [repr(getattr(self, a.name)) for a in self._positional()]
        for name in ("qualifier", "basis", "note"):
            if getattr(self, name) is not None:
                args.append(f"{name}={getattr(self, name)!r}")
        if self.warnings:
            args.append(f"warnings={self.warnings!r}")
        return f"{type(self).__name__}({', '.join(args)})"

    @classmethod
    def _positional(cls) -> tuple[attrs.Attribute[Any], ...]:
        return tuple(a for a in attrs.fields(cls) if not a.kw_only)

    # -- ordering ----------------------------------------------------------------------

    def _key(self, other: Target) -> tuple[Any, ...]:
        """A sort key against ``other`` (same kind); raises when the two cannot compare."""
        raise IncomparableError(self, other, f"{self.kind} values have no order")

    def _cmp_keys(self, other: object) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        if not isinstance(other, Target):
            raise IncomparableError(self, other, "not a target value")
        if isinstance(self, Grade) != isinstance(other, Grade) and _grade_and_score(self, other):
            return _grade_keys(self, other)
        if type(self) is not type(other):
            raise IncomparableError(self, other, f"a {self.kind} is not a {other.kind}")
        return self._key(other), other._key(self)

    def __lt__(self, other: object) -> bool:
        a, b = self._cmp_keys(other)
        return a < b

    def __le__(self, other: object) -> bool:
        a, b = self._cmp_keys(other)
        return a <= b

    def __gt__(self, other: object) -> bool:
        a, b = self._cmp_keys(other)
        return a > b

    def __ge__(self, other: object) -> bool:
        a, b = self._cmp_keys(other)
        return a >= b


def _rank(qualifier: str | None) -> int:
    return _QUALIFIER_RANK[qualifier]


@attrs.frozen(kw_only=True, repr=False)
class Percent(Target):
    """A percentage, in percentage points: ``Percent(Decimal("97.5"))`` is 97,5%."""

    kind: ClassVar[str] = "percent"
    value: Decimal = attrs.field(kw_only=False)

    @property
    def unit(self) -> str:
        return "percent"

    def _payload(self) -> dict[str, Any]:
        return {"value": _dec(self.value), "unit": "percent"}

    def _body(self) -> str:
        return format_decimal(self.value, group=False) + "%"

    def _key(self, other: Target) -> tuple[Any, ...]:
        return (self.value, _rank(self.qualifier))


@attrs.frozen(kw_only=True, repr=False)
class Quantity(Target):
    """A count or a duration in a unit of the vocabulary: ``Quantity(Decimal(12), "laporan")``."""

    kind: ClassVar[str] = "quantity"
    value: Decimal = attrs.field(kw_only=False)
    unit_name: str = attrs.field(kw_only=False, alias="unit")

    @property
    def unit(self) -> str:
        return self.unit_name

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The value as a pint quantity of the library's own registry."""
        return to_pint(self.value, self.unit_name)

    def _payload(self) -> dict[str, Any]:
        return {"value": _dec(self.value), "unit": self.unit_name}

    def _body(self) -> str:
        return f"{format_decimal(self.value)} {get_unit(self.unit_name).label}"

    def _key(self, other: Target) -> tuple[Any, ...]:
        assert isinstance(other, Quantity)
        if other.unit_name == self.unit_name:
            return (self.value, _rank(self.qualifier), self.unit_name)
        mine, theirs = get_unit(self.unit_name), get_unit(other.unit_name)
        if mine.dimension != theirs.dimension:
            raise IncomparableError(
                self, other, f"{mine.label} and {theirs.label} measure different things"
            )
        # Compare in the dimension's base unit; the factors are exact decimals. The unit
        # breaks ties (12 bulan and 1 tahun are the same span, not the same value).
        return (self.value * mine.factor, _rank(self.qualifier), self.unit_name)


@attrs.frozen(kw_only=True, repr=False)
class Number(Target):
    """A bare number, optionally on a named scale (``spip``, ``sakip``, ``kip``...)."""

    kind: ClassVar[str] = "number"
    value: Decimal = attrs.field(kw_only=False)
    scale: str | None = None

    def _payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _dec(self.value)}
        if self.scale is not None:
            out["scale"] = self.scale
        return out

    def _body(self) -> str:
        return format_decimal(self.value, group=self.scale is None)

    def __repr__(self) -> str:
        text = super().__repr__()
        return text if self.scale is None else text[:-1] + f", scale={self.scale!r})"

    def _key(self, other: Target) -> tuple[Any, ...]:
        assert isinstance(other, Number)
        if self.scale and other.scale and self.scale != other.scale:
            raise IncomparableError(self, other, "scores on different scales")
        # A score on a named scale and the same bare number are different values.
        return (self.value, _rank(self.qualifier), self.scale or "")


@attrs.frozen(kw_only=True, repr=False)
class Grade(Target):
    """A grade on a named scale: ``Grade("BB", "sakip")``, ``Grade("WTP", "opini_bpk")``,
    ``Grade("3", "spip")`` (SPIP level 3)."""

    kind: ClassVar[str] = "grade"
    value: str = attrs.field(kw_only=False)
    scale: str = attrs.field(kw_only=False, default="sakip")

    def __attrs_post_init__(self) -> None:
        if self.scale not in SCALES:
            raise SchemaError(f"unknown grade scale {self.scale!r}")
        try:
            SCALES[self.scale].rank(self.value)
        except KeyError as exc:
            raise SchemaError(str(exc.args[0])) from None

    @property
    def rank(self) -> int:
        """The grade's position on its scale, 0 for the worst."""
        return SCALES[self.scale].rank(self.value)

    def _payload(self) -> dict[str, Any]:
        return {"value": self.value, "scale": self.scale}

    def _body(self) -> str:
        return SCALES[self.scale].grade(self.value).label

    def _key(self, other: Target) -> tuple[Any, ...]:
        assert isinstance(other, Grade)
        if other.scale != self.scale:
            raise IncomparableError(self, other, "grades on different scales")
        return (self.rank, _rank(self.qualifier))


@attrs.frozen(kw_only=True, repr=False)
class Money(Target):
    """An amount of rupiah: ``Money(Decimal("10252187000"))``."""

    kind: ClassVar[str] = "money"
    value: Decimal = attrs.field(kw_only=False)

    @property
    def unit(self) -> str:
        return "IDR"

    def _payload(self) -> dict[str, Any]:
        return {"value": _dec(self.value), "unit": "IDR"}

    def _body(self) -> str:
        return "Rp" + format_decimal(self.value)

    def _key(self, other: Target) -> tuple[Any, ...]:
        return (self.value, _rank(self.qualifier))


@attrs.frozen(kw_only=True, repr=False)
class Compound(Target):
    """Several quantities that make one target together: ``6 kec. 29 kel``."""

    kind: ClassVar[str] = "compound"
    parts: tuple[Target, ...] = attrs.field(kw_only=False, converter=_parts)

    def _payload(self) -> dict[str, Any]:
        return {"parts": [p.to_dict() for p in self.parts]}

    def _body(self) -> str:
        return ", ".join(str(p) for p in self.parts)

    def _key(self, other: Target) -> tuple[Any, ...]:
        assert isinstance(other, Compound)
        if [p.unit for p in self.parts] != [p.unit for p in other.parts]:
            raise IncomparableError(self, other, "compounds of different units")
        return (tuple(p._key(q) for p, q in zip(self.parts, other.parts, strict=True)),)


@attrs.frozen(kw_only=True, repr=False)
class Range(Target):
    """A band ``low`` to ``high`` of one kind: ``80 - 90%``, ``7 - 8 bulan``."""

    kind: ClassVar[str] = "range"
    low: Target = attrs.field(kw_only=False)
    high: Target = attrs.field(kw_only=False)

    @property
    def unit(self) -> str | None:
        return self.low.unit

    @property
    def parts(self) -> tuple[Target, Target]:
        """``(low, high)``."""
        return (self.low, self.high)

    def _payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"parts": [self.low.to_dict(), self.high.to_dict()]}
        if self.unit is not None:
            out["unit"] = self.unit
        return out

    def _body(self) -> str:
        low, high = str(self.low), str(self.high)
        if isinstance(self.low, Percent) and isinstance(self.high, Percent):
            low = low[:-1]
        elif isinstance(self.low, Quantity) and self.low.unit == self.high.unit:
            low = format_decimal(self.low.value)
        return f"{low} – {high}"

    def _key(self, other: Target) -> tuple[Any, ...]:
        assert isinstance(other, Range)
        return (self.low._key(other.low), self.high._key(other.high), _rank(self.qualifier))


@attrs.frozen(kw_only=True, repr=False)
class Missing(Target):
    """No target was written (an empty cell, ``-``)."""

    kind: ClassVar[str] = "missing"

    def _body(self) -> str:
        return "-"

    def _key(self, other: Target) -> tuple[Any, ...]:
        return ()


# -- grades against scores ---------------------------------------------------------------


def _grade_and_score(a: Target, b: Target) -> bool:
    grade, score = (a, b) if isinstance(a, Grade) else (b, a)
    if not isinstance(grade, Grade) or not isinstance(score, Number | Percent):
        return False
    scale = SCALES[grade.scale]
    own = score.scale if isinstance(score, Number) else None
    return scale.has_bands and own in (None, grade.scale)


def _grade_keys(a: Target, b: Target) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Compare a grade with a score through the scale's published bands (70 is grade B)."""
    grade = a if isinstance(a, Grade) else b
    assert isinstance(grade, Grade)
    scale = SCALES[grade.scale]

    def key(t: Target) -> tuple[Any, ...]:
        if isinstance(t, Grade):
            return (t.rank,)
        assert isinstance(t, Number | Percent)
        found = scale.grade_for_score(t.value)
        if found is None:
            raise IncomparableError(a, b, f"{t} is outside the {scale.name} scale")
        return (scale.rank(found.code),)

    return key(a), key(b)


# -- the canonical dict form ---------------------------------------------------------------


def _dec(value: Decimal) -> str:
    return format(value, "f")


_KINDS: dict[str, type[Target]] = {
    cls.kind: cls for cls in (Percent, Quantity, Number, Grade, Money, Compound, Range, Missing)
}


def _read_decimal(data: Mapping[str, Any], key: str = "value") -> Decimal:
    text = data.get(key)
    if not isinstance(text, str):
        raise SchemaError(f"{data.get('kind')!r} needs {key!r} as a decimal string, got {text!r}")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise SchemaError(f"{key!r} is not a decimal: {text!r}") from None
    if not value.is_finite():
        raise SchemaError(f"{key!r} must be finite, got {text!r}")
    return value


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise SchemaError(f"{key!r} must be a string, got {value!r}")
    return value


def from_dict(data: Mapping[str, Any]) -> Target:
    """Read a target back from its canonical dict (the inverse of :meth:`Target.to_dict`).

    Raises :class:`~kinerja_target.errors.SchemaError` naming the field that is wrong.

    >>> from_dict({"kind": "percent", "value": "97.5", "unit": "percent"})
    Percent(Decimal('97.5'))
    """
    if not isinstance(data, Mapping):
        raise SchemaError(f"a target dict must be a mapping, got {type(data).__name__}")
    kind = data.get("kind")
    cls = _KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise SchemaError(f"unknown target kind {kind!r}; expected one of {sorted(_KINDS)}")
    warnings = data.get("warnings", [])
    if not isinstance(warnings, list | tuple) or not all(isinstance(w, str) for w in warnings):
        raise SchemaError(f"'warnings' must be a list of codes, got {warnings!r}")
    basis = data.get("basis")
    common: dict[str, Any] = {
        "qualifier": _optional_str(data, "qualifier"),
        "basis": from_dict(basis) if basis is not None else None,
        "note": _optional_str(data, "note"),
        "warnings": tuple(warnings),
        "raw": _optional_str(data, "raw"),
    }
    unit = _optional_str(data, "unit")
    if cls is Percent:
        if unit not in (None, "percent"):
            raise SchemaError(f"a percent has unit 'percent', not {unit!r}")
        return Percent(_read_decimal(data), **common)
    if cls is Money:
        if unit not in (None, "IDR"):
            raise SchemaError(f"money is in 'IDR', not {unit!r}")
        return Money(_read_decimal(data), **common)
    if cls is Quantity:
        if not unit:
            raise SchemaError("a quantity needs a 'unit'")
        return Quantity(_read_decimal(data), unit, **common)
    if cls is Number:
        return Number(_read_decimal(data), scale=_optional_str(data, "scale"), **common)
    if cls is Grade:
        value, scale = _optional_str(data, "value"), _optional_str(data, "scale") or "sakip"
        if value is None:
            raise SchemaError("a grade needs a 'value'")
        return Grade(value, scale, **common)
    if cls is Missing:
        return Missing(**common)
    parts = data.get("parts")
    if not isinstance(parts, list | tuple) or not parts:
        raise SchemaError(f"a {kind} needs a non-empty list of 'parts'")
    read = [from_dict(p) for p in parts]
    if cls is Compound:
        return Compound(read, **common)
    if len(read) != 2:
        raise SchemaError(f"a range has two parts, low and high, not {len(read)}")
    return Range(read[0], read[1], **common)


# -- the parser's hot path -----------------------------------------------------------------

_T = TypeVar("_T", bound="Target")
_COMMON_FIELDS = frozenset({"qualifier", "basis", "note", "warnings", "raw"})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_SET = object.__setattr__


def _evolve(target: _T, **changes: Any) -> _T:
    """``attrs.evolve(target, **changes)``, quicker where only the fields every value has
    change (``qualifier``, ``basis``, ``note``, ``warnings``, ``raw``), as the parser's
    changes do: the other fields are copied as they are, having been checked when
    ``target`` was made, and the changed ones are converted and checked as ``__init__``
    converts and checks them. Any other change goes through ``attrs.evolve``."""
    if not changes.keys() <= _COMMON_FIELDS:
        return attrs.evolve(target, **changes)
    if "qualifier" in changes:
        _check_qualifier(None, None, changes["qualifier"])  # type: ignore[arg-type]
    if "warnings" in changes:
        changes["warnings"] = _warning_codes(changes["warnings"])
    cls = type(target)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    obj = _NEW(cls)
    for name in names:
        _SET(obj, name, changes[name] if name in changes else getattr(target, name))
    return obj


_NEW = object.__new__
_SET_QUALIFIER = Target.__dict__["qualifier"].__set__
_SET_BASIS = Target.__dict__["basis"].__set__
_SET_NOTE = Target.__dict__["note"].__set__
_SET_WARNINGS = Target.__dict__["warnings"].__set__
_SET_RAW = Target.__dict__["raw"].__set__
_SET_VALUE = {cls: cls.__dict__["value"].__set__ for cls in (Percent, Quantity, Number, Money)}
_SET_UNIT = Quantity.__dict__["unit_name"].__set__
_SET_SCALE = Number.__dict__["scale"].__set__


def _quick(
    cls: type[Percent | Quantity | Number | Money],
    value: Decimal,
    raw: str | None,
    qualifier: str | None = None,
    warnings: tuple[str, ...] = (),
    extra: str | None = None,
) -> Target:
    """A number-like value built without attrs' ``__init__``, for the parser's fast path.

    The fields are set through the slots directly: the parser's arguments are valid by
    construction (a qualifier from its own table, ``warnings`` a sorted tuple of plain
    codes), and checking them again costs as much as reading the cell. ``extra`` is a
    quantity's unit or a number's scale. The value is the one ``cls(...)`` gives.
    """
    obj = _NEW(cls)
    _SET_VALUE[cls](obj, value)
    if cls is Quantity:
        _SET_UNIT(obj, extra)
    elif cls is Number:
        _SET_SCALE(obj, extra)
    _SET_QUALIFIER(obj, qualifier)
    _SET_BASIS(obj, None)
    _SET_NOTE(obj, None)
    _SET_WARNINGS(obj, warnings)
    _SET_RAW(obj, raw)
    return obj


_SET_LOW = Range.__dict__["low"].__set__
_SET_HIGH = Range.__dict__["high"].__set__


def _quick_range(
    low: Target, high: Target, raw: str | None, qualifier: str | None, warnings: tuple[str, ...]
) -> Range:
    """A :class:`Range` built as :func:`_quick` builds a number: for the fast path."""
    obj = _NEW(Range)
    _SET_LOW(obj, low)
    _SET_HIGH(obj, high)
    _SET_QUALIFIER(obj, qualifier)
    _SET_BASIS(obj, None)
    _SET_NOTE(obj, None)
    _SET_WARNINGS(obj, warnings)
    _SET_RAW(obj, raw)
    return obj


def _amend(
    target: Target,
    *,
    note: str | None = None,
    basis: Target | None = None,
    warning: str | None = None,
    raw: str | None = None,
) -> Target:
    """``target`` with a note, a basis, one more warning code or the text it was read
    from, changed in place.

    Only for a value the fast path has just built and no one else holds: a frozen value
    is never changed once it has left the parser (the same value as ``attrs.evolve``
    gives, without copying a fresh object)."""
    if note is not None:
        _SET_NOTE(target, note)
    if basis is not None:
        _SET_BASIS(target, basis)
    if warning is not None and warning not in target.warnings:
        _SET_WARNINGS(target, tuple(sorted((*target.warnings, warning))))
    if raw is not None:
        _SET_RAW(target, raw)
    return target


_SET_PARTS = Compound.__dict__["parts"].__set__


def _quick_parts(cls: type[Compound], parts: tuple[Target, ...], raw: str | None) -> Compound:
    """A :class:`Compound` built as :func:`_quick` builds a number: for the fast path."""
    obj = _NEW(cls)
    _SET_PARTS(obj, parts)
    _SET_QUALIFIER(obj, None)
    _SET_BASIS(obj, None)
    _SET_NOTE(obj, None)
    _SET_WARNINGS(obj, ())
    _SET_RAW(obj, raw)
    return obj


def _builder(
    cls: type[Percent | Quantity | Number | Money],
    extra: str | None,
    plain: tuple[str, ...],
    guessed: tuple[str, ...],
) -> Callable[[Decimal, str | None, str | None, bool], Target]:
    """A constructor of ``cls`` values with this unit or scale and these warnings
    (``plain``, or ``guessed`` when the separator reading was a guess), as :func:`_quick`
    builds them: for the fast path, one per shape of cell it has seen."""
    new, set_value = _NEW, _SET_VALUE[cls]
    set_extra = _SET_UNIT if cls is Quantity else _SET_SCALE if cls is Number else None
    set_qualifier, set_basis, set_note = _SET_QUALIFIER, _SET_BASIS, _SET_NOTE
    set_warnings, set_raw = _SET_WARNINGS, _SET_RAW

    def build(value: Decimal, raw: str | None, qualifier: str | None, ambiguous: bool) -> Target:
        obj = new(cls)
        set_value(obj, value)
        if set_extra is not None:
            set_extra(obj, extra)
        set_qualifier(obj, qualifier)
        set_basis(obj, None)
        set_note(obj, None)
        set_warnings(obj, guessed if ambiguous else plain)
        set_raw(obj, raw)
        return obj

    return build
