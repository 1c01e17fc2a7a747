"""Data-quality checks over the rows of performance tables: :func:`check`.

A check is a small function registered under a code (:data:`CHECKS`). A *row check*
looks at one row and returns a message, or ``None`` when it has nothing to say; a
*table check* looks at all rows together (the same indicator twice in one unit, or with
two targets across the agreements of one satker) and yields ``(row, message, related)``.
:func:`check` runs them all and returns :class:`Finding` objects in reading order; a
bulk run loses no row and stops at nothing.

========================== ========== =================================================
code                       severity   what it finds
========================== ========== =================================================
``unparseable_target``     error      a target cell that holds no value
``missing_target``         error      an empty target cell, or ``-``
``truncated``              error      a cell cut off (``12 Satker (Provinsi/Kabupaten/``)
``unit_mismatch``          error      a target of the wrong kind for the wording
                                      (``Persentase ...`` with ``12 Lap``)
``words_mismatch``         error      digits and words that disagree (``5 (enam) hari``)
``percent_out_of_range``   error      a percentage of a whole above 100
``duplicate_indicator``    warning    the same indicator twice in one unit
                           / error    (error when the two targets differ)
``inconsistent_target``    warning    the same indicator with another target elsewhere
                                      in the same satker's agreements
``polarity_contradiction`` warning    the wording and the target point opposite ways
``capaian_mismatch``       warning    an LKj's reported capaian that its target and
                                      realisasi do not give, under any usual formula
``ambiguous_separator``    warning    a number whose separator is a guess (``1.000``)
``unsure_row``             warning    a row the reader had to guess about
========================== ========== =================================================

Severities are argued in ``docs/decisions/0204-check-severities.md``; what counts as
"the same indicator" in ``docs/decisions/0203-same-indicator.md``. Add a check with
:func:`register`::

    @register("no_sasaran", "info", "a row without a sasaran")
    def _no_sasaran(row: Row) -> str | None:
        return None if row.sasaran else "the row has no sasaran"
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias

import attrs

from .achievement import achievement
from .documents import DOUBTS, Row
from .errors import IncomparableError, SchemaError, TargetParseError
from .matching import normalize_indicator
from .parse import expectation_for, parse_target
from .polarity import infer_polarity
from .values import Compound, Grade, Missing, Money, Number, Percent, Quantity, Range, Target

__all__ = ["CHECKS", "SEVERITIES", "Check", "Finding", "check", "register"]

Severity: TypeAlias = Literal["error", "warning", "info"]
#: The severities, most serious first. ``kinerja-target check`` exits 1 on an ``error``.
SEVERITIES: Final[tuple[str, ...]] = ("error", "warning", "info")


@attrs.frozen(repr=False)
class Finding:
    """What a check found about one row: a ``code``, a ``severity`` and a plain ``message``.

    ``related`` are the other rows the finding is about (the first mention of a
    duplicate, the rows with the other target).
    """

    code: str
    severity: str
    row: Row
    message: str
    related: tuple[Row, ...] = attrs.field(default=(), eq=False)

    @property
    def where(self) -> str:
        """``source:line`` of the row."""
        return self.row.where

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: where, code, severity, message and the row's cells."""
        return {
            "source": self.row.source,
            "line": self.row.line,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "unit": self.row.unit,
            "indicator": self.row.indicator,
            "target_raw": self.row.target_raw,
            "related": [r.where for r in self.related],
        }

    def __repr__(self) -> str:
        return f"Finding({self.code!r}, {self.severity!r}, {self.where!r}, {self.message!r})"


@attrs.frozen
class Check:
    """A registered check: its code, default severity, a description and the function."""

    code: str
    severity: str
    description: str
    function: Callable[..., Any] = attrs.field(repr=False)
    per_row: bool = True


#: Every check, by code, in the order they run. Extend with :func:`register`.
CHECKS: dict[str, Check] = {}


def register(
    code: str, severity: Severity, description: str, *, per_row: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the check ``code``.

    A row check (``per_row=True``) takes a :class:`~kinerja_target.tables.Row` and returns
    a message or ``None``. A table check takes every row and yields ``(row, message,
    related_rows)`` tuples, or :class:`Finding` objects when it sets the severity itself.
    Registering a code again replaces the check.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        CHECKS[code] = Check(code, severity, description, function, per_row)
        return function

    return decorate


def check(
    rows: Iterable[Row],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Run the checks over ``rows``; the findings in reading order (source, line, check).

    ``select`` limits the run to those codes, ``ignore`` leaves codes out. Rows of
    several documents can be checked together: the cross-row checks compare rows of the
    same satker across documents.
    """
    rows = list(rows)
    codes = list(CHECKS) if select is None else list(select)
    unknown = [c for c in (*codes, *ignore) if c not in CHECKS]
    if unknown:
        raise SchemaError(f"unknown check code(s) {unknown}; known: {sorted(CHECKS)}")
    skip = set(ignore)
    findings: list[Finding] = []
    for code in codes:
        if code in skip:
            continue
        spec = CHECKS[code]
        if spec.per_row:
            for row in rows:
                message = spec.function(row)
                if message is not None:
                    findings.append(Finding(code, spec.severity, row, message))
            continue
        for item in spec.function(rows):
            if isinstance(item, Finding):
                findings.append(item)
            else:
                row, message, related = item
                findings.append(Finding(code, spec.severity, row, message, related))
    order = {code: i for i, code in enumerate(CHECKS)}
    findings.sort(key=lambda f: (f.row.source or "", f.row.line or 0, order[f.code]))
    return findings


# -- wording ---------------------------------------------------------------------------------

_ASKS = {
    "percent": "a percentage",
    "count": "a count",
    "score": "a score or a grade",
    "grade": "a grade",
    "duration": "a duration",
}


def _describe(target: Target) -> str:
    """The kind of value ``target`` is, in words."""
    inner = target.low if isinstance(target, Range) else target
    if isinstance(inner, Percent):
        return "a percentage"
    if isinstance(inner, Quantity):
        return f"a count of {inner.unit.replace('_', ' ')}"
    if isinstance(inner, Money):
        return "an amount of money"
    if isinstance(inner, Compound):
        return "several counts"
    if isinstance(inner, Grade):
        return "a grade"
    return "a number"


def _cell(text: str) -> str:
    return repr(" ".join(text.split()))


# -- row checks ---------------------------------------------------------------------------------


@register("unparseable_target", "error", "a target cell that holds no value")
def _unparseable_target(row: Row) -> str | None:
    if row.target is not None:
        return None
    try:
        parse_target(row.target_raw, indicator=row.indicator)
    except TargetParseError as exc:
        return f"the target {_cell(row.target_raw)} holds no value: {exc.reason}"
    return None


@register("missing_target", "error", "an empty target cell, or '-'")
def _missing_target(row: Row) -> str | None:
    if not isinstance(row.target, Missing):
        return None
    if not row.target_raw.strip():
        return "the target cell is empty"
    if row.doc_type == "Renstra" or row.period:
        # A plan over several years writes "-" for a year it sets no target for (the
        # years between two elections): that is the plan, not a gap in it.
        return None
    return f"the target cell says {_cell(row.target_raw)}: no target"


# An indicator cell that stops on a word that cannot end a phrase was cut off.
_DANGLING_END = re.compile(
    r"(\b(dan|atau|yang|untuk|di|ke|dari|serta|dengan|dalam|pada|oleh)|[/,(-])\s*$", re.I
)


@register("truncated", "error", "a target or indicator cell that was cut off")
def _truncated(row: Row) -> str | None:
    if row.target is not None and "truncated" in row.target.warnings:
        return (
            f"the target {_cell(row.target_raw)} is cut off "
            "(an unclosed parenthesis or a trailing '/'); "
            f"read as {row.target}"
        )
    indicator = row.indicator.strip()
    if _DANGLING_END.search(indicator) or indicator.count("(") > indicator.count(")"):
        return f"the indicator ends mid-phrase, as if cut off: ...{indicator[-40:]!r}"
    return None


@register("unit_mismatch", "error", "a target of another kind than the wording asks for")
def _unit_mismatch(row: Row) -> str | None:
    target = row.target
    if target is None or "unit_mismatch" not in target.warnings:
        return None
    expect = expectation_for(row.indicator)
    asks = _ASKS.get(expect.kind, expect.kind) if expect else "another kind of value"
    cue = f" ({expect.cue!r})" if expect else ""
    return (
        f"the indicator asks for {asks}{cue}, "
        f"but the target {_cell(row.target_raw)} is {_describe(target)}"
    )


@register("words_mismatch", "error", "digits and words in parentheses that disagree")
def _words_mismatch(row: Row) -> str | None:
    if row.target is None or "words_mismatch" not in row.target.warnings:
        return None
    return f"in the target {_cell(row.target_raw)} the number and the words disagree"


# A percentage of change, or of achievement, may pass 100; a share of a whole may not.
_UNBOUNDED_PERCENT = re.compile(
    r"\b(peningkatan|kenaikan|pertumbuhan|capaian|realisasi|rasio|perbandingan|laju)\b",
    re.I,
)


def _percent_above_100(value: Target | None) -> Decimal | None:
    inner = value.high if isinstance(value, Range) else value
    if isinstance(inner, Percent) and inner.value > 100:
        return inner.value
    return None


@register("percent_out_of_range", "error", "a percentage of a whole above 100")
def _percent_out_of_range(row: Row) -> str | None:
    if _UNBOUNDED_PERCENT.search(row.indicator):
        return None
    expect = expectation_for(row.indicator)
    if expect is None or expect.kind != "percent":
        return None
    if _percent_above_100(row.target) is not None:
        return (
            f"the target {_cell(row.target_raw)} is above 100%, "
            "but the indicator is a share of a whole"
        )
    if row.realisasi_raw:
        try:
            realisasi = parse_target(row.realisasi_raw, indicator=row.indicator)
        except TargetParseError:
            return None
        if _percent_above_100(realisasi) is not None:
            return (
                f"the realisasi {_cell(row.realisasi_raw)} is above 100%, "
                "but the indicator is a share of a whole"
            )
    return None


@register("polarity_contradiction", "warning", "wording and target point opposite ways")
def _polarity_contradiction(row: Row) -> str | None:
    if row.target is None or isinstance(row.target, Missing):
        return None
    inference = infer_polarity(row.indicator, row.target)
    if not inference.contradiction:
        return None
    cue = f" ({inference.cue!r})" if inference.cue else ""
    return f"the wording and the target {_cell(row.target_raw)} disagree{cue}: {inference.reason}"


# The ways LKj tables compute a capaian: no cap, KPU's cap at 100, PermenPANRB's at 120;
# lower-is-better by (2T - R)/T or by T/R (docs/decisions/0301, 0305).
_CAPAIAN_WAYS: Final = (
    (None, "2t-r"),
    (Decimal(100), "2t-r"),
    (Decimal(120), "2t-r"),
    (None, "t/r"),
    (Decimal(100), "t/r"),
)


def _reported_capaian(text: str) -> tuple[Decimal, int] | None:
    """A reported capaian cell (``107,14%``, ``100``) and its number of decimals."""
    try:
        value = parse_target(text)
    except TargetParseError:
        return None
    if not isinstance(value, Percent | Number):
        return None
    exponent = value.value.as_tuple().exponent
    return value.value, max(0, -exponent) if isinstance(exponent, int) else 0


@register("capaian_mismatch", "warning", "a reported capaian its target and realisasi do not give")
def _capaian_mismatch(row: Row) -> str | None:
    if not row.capaian_raw or not row.realisasi_raw or not _has_target(row):
        return None
    if isinstance(row.target, Grade):
        return None  # LKj compute a grade's capaian in too many ways to judge one (0302)
    reported = _reported_capaian(row.capaian_raw)
    if reported is None:
        return None
    value, places = reported
    assert row.target is not None
    explanation = ""
    for cap, formula in _CAPAIAN_WAYS:
        try:
            result = achievement(
                row.target, row.realisasi_raw, indicator=row.indicator, cap=cap, formula=formula
            )
        except (IncomparableError, TargetParseError):
            return None  # a realisasi of another kind is not a capaian question
        rounded = result.rounded(places)
        if rounded is None:
            return None
        if rounded == value:
            return None
        explanation = explanation or result.explanation
    return (
        f"the reported capaian {_cell(row.capaian_raw)} is not what the target and the "
        f"realisasi give ({explanation})"
    )


@register("ambiguous_separator", "warning", "a number whose separator is a guess")
def _ambiguous_separator(row: Row) -> str | None:
    if row.target is None or "ambiguous_separator" not in row.target.warnings:
        return None
    value = getattr(row.target, "value", None)
    reading = format(value, "f") if isinstance(value, Decimal) else str(row.target)
    return (
        f"the separator in {_cell(row.target_raw)} could be a thousands dot or a "
        f"decimal point; read as {reading}"
    )


@register("unsure_row", "warning", "a row the reader had to guess about")
def _unsure_row(row: Row) -> str | None:
    if not row.doubts:
        return None
    reasons = "; ".join(DOUBTS.get(code, code) for code in row.doubts)
    return f"the reader is unsure of this row: {reasons}"


# -- table checks ---------------------------------------------------------------------------------


def _identity(row: Row) -> str:
    """What makes two rows "the same indicator" (docs/decisions/0203)."""
    return normalize_indicator(row.indicator, satker=row.satker)


def _target_key(row: Row) -> object:
    """What makes two targets the same: the value, else the text."""
    if row.target is not None:
        return row.target
    return " ".join(row.target_raw.lower().split())


def _occasion(row: Row) -> tuple[int | None, int | None, bool]:
    """What else must match for two mentions in one unit to be a duplicate: the table (an
    LKj repeats its measurements in several tables), the year (a Renstra gives one row a
    year) and whether the row reports a realisation (a data export has no tables)."""
    return row.table, row.year, bool(row.realisasi_raw or row.capaian_raw)


def _has_target(row: Row) -> bool:
    return row.target is not None and not isinstance(row.target, Missing)


def _label(row: Row) -> str:
    unit = f" in {row.unit}" if row.unit else ""
    return f"line {row.line}{unit}" if row.line is not None else (row.unit or "elsewhere")


@register(
    "duplicate_indicator",
    "warning",
    "the same indicator twice in one unit (an error when the targets differ)",
    per_row=False,
)
def _duplicate_indicator(rows: Sequence[Row]) -> Iterator[Finding]:
    groups: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row.source, row.unit, *_occasion(row), _identity(row))].append(row)
    for group in groups.values():
        first = group[0]
        for row in group[1:]:
            same = _target_key(row) == _target_key(first)
            if same:
                message = f"the same indicator as {_label(first)}, with the same target"
            else:
                message = (
                    f"the same indicator as {_label(first)}, with another target: "
                    f"{_cell(row.target_raw)} here, {_cell(first.target_raw)} there"
                )
            severity = "warning" if same else "error"
            yield Finding("duplicate_indicator", severity, row, message, (first,))


@register(
    "inconsistent_target",
    "warning",
    "the same indicator with another target in another agreement of the same satker",
    per_row=False,
)
def _inconsistent_target(rows: Sequence[Row]) -> Iterator[tuple[Row, str, tuple[Row, ...]]]:
    groups: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in rows:
        if row.satker and _has_target(row):
            groups[(row.satker, row.year, _identity(row))].append(row)
    for group in groups.values():
        if len({(r.source, r.unit) for r in group}) < 2:
            continue  # one agreement: a repeat there is a duplicate_indicator
        counts = Counter(_target_key(r) for r in group)
        if len(counts) < 2:
            continue
        (top, top_count), (_, second_count) = counts.most_common(2)
        for row in group:
            key = _target_key(row)
            if top_count > second_count and key == top:
                continue  # the target most agreements use
            others = tuple(
                r
                for r in group
                if _target_key(r) != key and (r.source, r.unit) != (row.source, row.unit)
            )
            if not others:
                continue
            shown = ", ".join(f"{_cell(r.target_raw)} at {_label(r)}" for r in others[:3]) + (
                f" and {len(others) - 3} more" if len(others) > 3 else ""
            )
            yield (
                row,
                f"the target {_cell(row.target_raw)} differs from the same indicator's "
                f"target elsewhere in {row.satker}: {shown}",
                others,
            )
