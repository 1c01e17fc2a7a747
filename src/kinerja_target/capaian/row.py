"""The capaian of one row of a LAKIP table: :func:`compute_row`, and what it gives.

A row's cells (indicator, target, realisation, and what a Polaritas column says) become a
:class:`CapaianRow`: the two values as the target parser reads them, the
:class:`~kinerja_target.achievement.Achievement` with its one-line explanation, and the
three cells an LKj table gets: ``Capaian`` (``107,14%``), ``Status`` (``Tercapai``,
``Tidak tercapai``, ``Tidak dapat dihitung``, ``Galat``) and ``Keterangan``. A cell that
cannot be read gives a row with a :class:`Problem`; nothing raises for a cell's content.

>>> row = compute_row("Persentase Partisipasi Pemilih", "77,5%", "81,2%", row=5)
>>> row.capaian, row.status
('104,77%', 'Tercapai')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from ..achievement import Achievement, Aggregate, MinFormula, achievement
from ..containers.workbook import cell_text as _cell_text
from ..errors import IncomparableError, SchemaError, TargetParseError
from ..numbers import format_decimal
from ..parse import parse_target
from ..polarity import Polarity
from ..values import Target, WarningCode

__all__ = [
    "OUTPUT_COLUMNS",
    "POLARITY_WORDS",
    "CapaianRow",
    "Problem",
    "RowKind",
    "Summary",
    "compute_row",
]

# -- vocabulary ----------------------------------------------------------------------------------

#: The columns added to the table, in this order.
OUTPUT_COLUMNS: tuple[str, str, str] = ("Capaian", "Status", "Keterangan")

#: What a polarity cell may say, folded to lower case with single spaces. A ``-`` or an
#: empty cell says nothing (the default or the wording decides).
POLARITY_WORDS: Mapping[str, Polarity] = {
    **dict.fromkeys(
        (
            "max",
            "maks",
            "maximize",
            "maximise",
            "maksimal",
            "maksimum",
            "maksimalkan",
            "positif",
            "positive",
            "+",
            "↑",
            "semakin tinggi semakin baik",
            "makin tinggi makin baik",
            "lebih tinggi lebih baik",
            "semakin besar semakin baik",
            "higher is better",
        ),
        Polarity.MAX,
    ),
    **dict.fromkeys(
        (
            "min",
            "minimize",
            "minimise",
            "minimal",
            "minimum",
            "minimalkan",
            "negatif",
            "negative",
            "↓",
            "semakin rendah semakin baik",
            "makin rendah makin baik",
            "lebih rendah lebih baik",
            "semakin kecil semakin baik",
            "lower is better",
        ),
        Polarity.MIN,
    ),
    **dict.fromkeys(
        (
            "stable",
            "stabil",
            "stabilize",
            "stabilise",
            "stabilkan",
            "tepat target",
            "sesuai target",
            "harus sesuai target",
            "tepat target lebih baik",
        ),
        Polarity.STABLE,
    ),
}

_NO_POLARITY = frozenset({"", "-", "–", "—"})
# Warnings worth a word in Keterangan. ``unit_inferred`` is left out: a bare "100" under
# "Persentase ..." is how most tables are written, and saying so on every row is noise.
_SHOWN_WARNINGS = frozenset(WarningCode) - {WarningCode.UNIT_INFERRED}


# -- results -------------------------------------------------------------------------------------


class RowKind(enum.StrEnum):
    """What became of a data row."""

    #: A capaian was computed.
    COMPUTED = "computed"
    #: An indicator row whose capaian cannot be computed (no realisation yet, target 0).
    NOT_COMPUTABLE = "not_computable"
    #: The row could not be read or compared (see its :class:`Problem`).
    ERROR = "error"
    #: Not an indicator row: target and realisation are both blank (a heading, a blank line).
    SKIPPED = "skipped"


@attrs.frozen
class Problem:
    """What went wrong in one row: the row number as a spreadsheet shows it (1-based),
    the header of the column at fault (if one is), a machine code and a message."""

    row: int
    column: str | None
    code: str
    message: str

    def __str__(self) -> str:
        return f"baris {self.row}: {self.message}"


@attrs.frozen
class CapaianRow:
    """One data row: its cells as read, and its capaian or its problem."""

    row: int
    indicator: str
    target_text: str
    realisasi_text: str
    polarity_text: str = ""
    target: Target | None = None
    actual: Target | None = None
    achievement: Achievement | None = None
    problem: Problem | None = None
    #: The capaian as written into the table (``107,14%``; ``-`` when not computable).
    capaian: str = ""

    @property
    def kind(self) -> RowKind:
        """Computed, not computable, error, or skipped (not an indicator row)."""
        if self.problem is not None:
            return RowKind.ERROR
        if self.achievement is None:
            return RowKind.SKIPPED
        return RowKind.COMPUTED if self.achievement.computable else RowKind.NOT_COMPUTABLE

    @property
    def status(self) -> str:
        """``Tercapai``, ``Tidak tercapai``, ``Tidak dapat dihitung``, ``Galat``, or ``""``."""
        if self.problem is not None:
            return "Galat"
        return "" if self.achievement is None else self.achievement.status

    @property
    def keterangan(self) -> str:
        """The arithmetic (with what the parser noticed), or the problem's message."""
        if self.problem is not None:
            return self.problem.message
        if self.achievement is None:
            return ""
        noticed = [
            f"{code} ({side})"
            for side, value in (("target", self.target), ("realisasi", self.actual))
            if value is not None
            for code in value.warnings
            if code in _SHOWN_WARNINGS
        ]
        extra = f" [peringatan: {', '.join(noticed)}]" if noticed else ""
        return self.achievement.explanation + extra

    @property
    def output(self) -> tuple[str, str, str]:
        """The three cells written into the table: Capaian, Status, Keterangan."""
        return (self.capaian, self.status, self.keterangan)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the canonical target and realisation (``Target.to_dict()``),
        the exact percent as a decimal string, and what the table shows."""
        found = self.achievement
        percent = found.percent if found is not None else None
        return {
            "row": self.row,
            "kind": str(self.kind),
            "indicator": self.indicator,
            "target_text": self.target_text,
            "realisasi_text": self.realisasi_text,
            "target": self.target.to_dict() if self.target is not None else None,
            "realisasi": self.actual.to_dict() if self.actual is not None else None,
            "polarity": str(found.polarity) if found is not None else None,
            "percent": format(percent, "f") if percent is not None else None,
            "capaian": self.capaian,
            "met": found.met if found is not None else None,
            "capped": found.capped if found is not None else False,
            "status": self.status,
            "keterangan": self.keterangan,
            "problem": (
                {"code": self.problem.code, "message": self.problem.message}
                if self.problem is not None
                else None
            ),
        }


@attrs.frozen
class Summary:
    """The counts of a table and its mean capaian (arithmetic, via :func:`aggregate`)."""

    indicators: int
    computed: int
    not_computable: int
    errors: int
    skipped: int
    mean: Aggregate

    def __str__(self) -> str:
        return (
            f"{self.indicators} indikator: {self.computed} dihitung, "
            f"{self.not_computable} tidak dapat dihitung, {self.errors} galat; "
            f"rata-rata capaian {_percent_text(self.mean.percent)} ({self.mean.count} indikator)"
        )


def _percent_text(percent: Decimal | None) -> str:
    """``97,52%``, ``100%`` or ``-``: half-up to two decimals, as LKj tables report."""
    if percent is None:
        return "-"
    rounded = percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_decimal(rounded.quantize(Decimal(1)) if rounded % 1 == 0 else rounded) + "%"


# -- options -------------------------------------------------------------------------------------


@attrs.frozen
class _Options:
    polarity: Polarity | None
    cap: Decimal | None
    formula: MinFormula


def _options(
    polarity: Polarity | str | None, cap: Decimal | int | str | None, formula: MinFormula | str
) -> _Options:
    """Check the options once, before any row is read."""
    chosen: Polarity | None = None
    if polarity is not None:
        chosen = POLARITY_WORDS.get(_fold(str(polarity)))
        if chosen is None:
            raise SchemaError(f"polarity must be 'max', 'min' or 'stable', not {polarity!r}")
    limit: Decimal | None = None
    if cap is not None and not (isinstance(cap, str) and _fold(cap) in ("none", "tanpa", "")):
        try:
            limit = Decimal(str(cap).strip().rstrip("%").replace(",", "."))
        except ArithmeticError:
            raise SchemaError(f"cap must be a number or 'none', not {cap!r}") from None
        if not limit.is_finite() or limit <= 0:
            raise SchemaError(f"cap must be a positive number, not {cap!r}")
    try:
        min_formula = MinFormula(formula)
    except ValueError:
        raise SchemaError(f"formula must be '2t-r' or 't/r', not {formula!r}") from None
    return _Options(chosen, limit, min_formula)


# -- one row -------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def compute_row(
    indicator: object,
    target: object,
    realisasi: object,
    *,
    polarity_cell: object = None,
    row: int = 0,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
) -> CapaianRow:
    """The capaian of one table row from its cells; never raises for the cells' content.

    A cell is text, or a number as a spreadsheet library gives it (``int``, ``float``
    through ``Decimal(repr(x))``, ``Decimal``), or ``None``/NaN for an empty cell.
    ``polarity_cell`` is what a polarity column says (it wins over ``polarity``, the
    default; with neither, the indicator's wording decides). ``cap`` is ``None``/``"none"``,
    ``100``, ``120`` or any positive number. Bad options raise
    :class:`~kinerja_target.errors.SchemaError`; a bad cell gives a row with a
    :class:`Problem`.
    """
    options = _options(polarity, cap, formula)
    text = _cell_text
    return _evaluate(
        row, text(indicator), text(target), text(realisasi), text(polarity_cell), options
    )


def _evaluate(
    row: int,
    indicator: str,
    target: str,
    realisasi: str,
    polarity_cell: str,
    options: _Options,
    names: Mapping[str, str] | None = None,
    *,
    indicator_row: bool = False,
) -> CapaianRow:
    """The capaian of one row's cells. ``names`` are the headers of the table's columns
    by role, to name the column at fault; an ``indicator_row`` (one the table reader
    found) is computed even with both values blank, to say it cannot be."""
    cells = CapaianRow(row, indicator, target, realisasi, polarity_cell)
    if not indicator_row and not target.strip() and not realisasi.strip():
        return cells  # a heading or a blank row: kept, not computed

    def failed(code: str, role: str, message: str) -> CapaianRow:
        column = names.get(role) if names is not None else None
        return attrs.evolve(cells, problem=Problem(row, column, code, message), capaian="-")

    wording = indicator.strip() or None
    chosen = options.polarity
    if _fold(polarity_cell) not in _NO_POLARITY:
        found = POLARITY_WORDS.get(_fold(polarity_cell))
        if found is None:
            known = "max, min, stable, maksimal, minimal, stabil, ..."
            return failed(
                "unknown_polarity",
                "polarity",
                f"polaritas {polarity_cell!r} tidak dikenal ({known})",
            )
        chosen = found
    values: list[Target] = []
    for role, text in (("target", target), ("realisasi", realisasi)):
        try:
            values.append(parse_target(text, indicator=wording))
        except TargetParseError as exc:
            where = f"posisi {exc.position + 1}"
            return failed(
                f"unparseable_{role}",
                role,
                f"{role} tidak terbaca: {text!r} ({exc.reason}, {where})",
            )
    t_value, a_value = values
    cells = attrs.evolve(cells, target=t_value, actual=a_value)
    try:
        found_achievement = achievement(
            t_value,
            a_value,
            polarity=chosen,
            cap=options.cap,
            formula=options.formula,
            indicator=wording,
        )
        shown = str(found_achievement)
    except IncomparableError as exc:
        return failed(
            "incomparable",
            "realisasi",
            f"target dan realisasi tidak dapat dibandingkan: {exc.reason}",
        )
    except ArithmeticError as exc:
        # Magnitudes beyond what the decimal contexts hold (a capaian of 10^30 %).
        return failed("arithmetic", "realisasi", f"capaian tidak dapat dihitung: {exc!r}")
    return attrs.evolve(cells, achievement=found_achievement, capaian=shown)
