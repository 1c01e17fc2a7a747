"""The content of an LKj chapter III: per indicator, per sasaran, per unit.

:func:`build_report` reads documents with :func:`~kinerja_target.read_document`, computes
each row's capaian the way ``kinerja-target capaian`` does
(:func:`~kinerja_target.lakip.compute_row`: the same parsing, polarity and warnings),
puts a category from the chosen :class:`~kinerja_target.report.categories.Scale` beside
it, aggregates per sasaran and per unit (:func:`~kinerja_target.achievement.aggregate`),
and, when given, sets last year's realisation and capaian beside this year's and the
progress toward a Renstra's end-of-period target.

Nothing is dropped: a row whose capaian cannot be computed, or cannot be read, stays in
the report with its reason, and is counted (not computed) in its sasaran's figure.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import Generic, TypeVar

import attrs

# The package's public names (documents and linking are restructured behind them).
from .. import (
    Achievement,
    Aggregate,
    MinFormula,
    Number,
    Percent,
    Row,
    achievement,
    aggregate,
    normalize_indicator,
    parse_target,
    read_document,
)
from ..containers.output import same_file
from ..errors import DocumentWriteError, IncomparableError, SchemaError, TargetParseError
from ..lakip import CapaianRow, compute_row
from ..numbers import format_decimal
from .categories import DEFAULT_SCALE, Band, Scale, get_scale, load_bands

__all__ = [
    "METHODS",
    "Group",
    "Previous",
    "Progress",
    "Report",
    "ReportRow",
    "build_report",
    "check_destination",
    "percent_text",
    "round_percent",
]

#: The aggregation methods of :func:`~kinerja_target.achievement.aggregate`.
METHODS = ("mean", "geometric", "weighted")
_NO_UNIT = "(unit tidak disebut)"
_NO_SASARAN = "(sasaran tidak disebut)"
_RENSTRA = frozenset({"renstra"})
_T = TypeVar("_T")


@attrs.frozen
class Previous:
    """Last year's row for the same indicator: its realisation and capaian."""

    year: int | None
    realisasi: str
    capaian: Decimal | None
    where: str

    def change(self, now: Decimal | None) -> Decimal | None:
        """This year's capaian minus last year's, in percentage points."""
        if now is None or self.capaian is None:
            return None
        return now - self.capaian


@attrs.frozen
class Progress:
    """Progress toward a Renstra's end-of-period target: this year's realisation
    against the target of the Renstra's last year."""

    year: int | None
    target: str
    achievement: Achievement | None
    explanation: str

    @property
    def percent(self) -> Decimal | None:
        return self.achievement.percent if self.achievement is not None else None


@attrs.frozen
class ReportRow:
    """One indicator row: what the document says, its capaian and its category."""

    row: Row
    capaian: CapaianRow
    category: Band | None
    previous: Previous | None = None
    progress: Progress | None = None

    @property
    def unit(self) -> str:
        return self.row.unit or self.row.satker or _NO_UNIT

    @property
    def sasaran(self) -> str:
        return self.row.sasaran or _NO_SASARAN

    @property
    def percent(self) -> Decimal | None:
        """The exact capaian, or ``None`` when not computable."""
        found = self.capaian.achievement
        return found.percent if found is not None else None

    @property
    def status(self) -> str:
        """``Tercapai``, ``Tidak tercapai``, ``Tidak dapat dihitung`` or ``Galat``."""
        return self.capaian.status or "Tidak dapat dihitung"

    @property
    def document_capaian(self) -> Decimal | None:
        """The capaian the document itself prints (an LKj's Capaian column), if any."""
        raw = (self.row.capaian_raw or "").strip()
        if not raw:
            return None
        try:
            value = parse_target(raw)
        except TargetParseError:
            return None
        return value.value if isinstance(value, Percent | Number) else None

    @property
    def differs(self) -> bool:
        """Whether the document's own capaian differs from the computed one (two decimals)."""
        printed, computed = self.document_capaian, self.percent
        if printed is None or computed is None:
            return False
        return round_percent(printed) != round_percent(computed)

    @property
    def explanation(self) -> str:
        """The one-line arithmetic, with what the reader and parser noticed, and the
        document's own capaian where it differs."""
        text = self.capaian.keterangan or "tidak ada target dan realisasi"
        if self.differs:
            text = f"{text}; dokumen menulis {percent_text(self.document_capaian)}"
        doubts = ", ".join(self.row.doubts)
        return f"{text} [dibaca: {doubts}]" if doubts else text

    @property
    def where(self) -> str:
        return f"{self.row.source}:{self.row.line}"


@attrs.frozen
class Group:
    """The capaian of a sasaran or a unit: the aggregate of its indicators."""

    unit: str
    sasaran: str | None
    rows: tuple[ReportRow, ...]
    aggregate: Aggregate
    category: Band | None

    @property
    def indicators(self) -> int:
        return len(self.rows)

    @property
    def computed(self) -> int:
        return self.aggregate.count


@attrs.frozen
class Report:
    """An LKj chapter III: rows, per-sasaran and per-unit figures, and how they were made."""

    rows: tuple[ReportRow, ...]
    sasaran: tuple[Group, ...]
    units: tuple[Group, ...]
    overall: Group
    scale: Scale
    method: str
    sources: tuple[str, ...]
    year: int | None
    previous_year: int | None = None
    renstra: tuple[str, ...] = ()
    given_title: str | None = None
    #: Every file read (documents, last year's, the Renstra): never written over.
    inputs: tuple[str, ...] = ()
    #: Rows that repeat an indicator already in the report (decision 0310): a PK table's
    #: target-only row beside its measurement, or the same measurement in a second table.
    folded: tuple[Row, ...] = ()

    @property
    def title(self) -> str:
        """The given title, else one made of the units and the year."""
        if self.given_title:
            return self.given_title
        units = sorted({r.unit for r in self.rows} - {_NO_UNIT})
        who = units[0] if len(units) == 1 else ", ".join(units[:3]) if units else ""
        year = f" Tahun {self.year}" if self.year is not None else ""
        if not who:  # the documents do not name their unit: say which files they are
            return (
                f"Pengukuran Capaian Kinerja{year}: {', '.join(Path(s).name for s in self.sources)}"
            )
        return f"Pengukuran Capaian Kinerja {who}{year}"

    @property
    def has_previous(self) -> bool:
        return any(r.previous is not None for r in self.rows)

    @property
    def has_progress(self) -> bool:
        return any(r.progress is not None for r in self.rows)

    @property
    def has_document_capaian(self) -> bool:
        return any(r.document_capaian is not None for r in self.rows)


def check_destination(report: Report, destination: str | os.PathLike[str]) -> None:
    """Refuse to write a report over one of the files it was made from."""
    for name in report.inputs:
        if same_file(name, destination):
            raise DocumentWriteError(
                os.fspath(destination), f"it is the input {name}; write the report elsewhere"
            )


# -- building ------------------------------------------------------------------------------------


def _key(row: Row) -> str:
    return normalize_indicator(row.indicator, satker=row.satker or row.unit)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _read(paths: Iterable[str]) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        rows.extend(read_document(Path(path), source=path))
    return rows


# Rounding what is reported must never fail, whatever the size (as in achievement.py).
_ROUND = Context(prec=1000, rounding=ROUND_HALF_UP)


def round_percent(value: Decimal) -> Decimal:
    """Half-up to two decimals, as LKj tables report a capaian."""
    return value.quantize(Decimal("0.01"), context=_ROUND)


def percent_text(percent: Decimal | None) -> str:
    """``96,43%``, ``100%`` or ``-``: half-up to two decimals, decimal comma."""
    if percent is None:
        return "-"
    rounded = round_percent(percent)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1), context=_ROUND)
    return format_decimal(rounded) + "%"


def _fold_repeats(
    rows: Sequence[tuple[Row, CapaianRow]],
) -> tuple[list[tuple[Row, CapaianRow]], list[Row]]:
    """One row per measurement: an LKj often restates its PK table (targets only) before
    the measurement table, and prints the same measurement again in a comparison table.
    Per unit, year and canonical indicator, rows with a realisation win over rows
    without, and a row that repeats another's capaian (or target) is folded into it.
    Different realisations of one indicator both stay: that is for the author to see."""
    groups: dict[tuple[str, str, int | None], list[int]] = {}
    for index, (row, _) in enumerate(rows):
        unit = row.unit or row.satker or ""
        groups.setdefault((unit, _key(row), row.year), []).append(index)
    folded: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        measured = [i for i in members if (rows[i][0].realisasi_raw or "").strip()]
        pool = measured or members
        folded.update(i for i in members if i not in pool)
        seen: set[object] = set()
        for index in pool:
            row, computed = rows[index]
            found = computed.achievement
            percent = found.percent if found is not None else None
            signature = (
                ("capaian", round_percent(percent))
                if percent is not None
                else ("text", _fold(row.target_raw), _fold(row.realisasi_raw or ""))
            )
            if signature in seen:
                folded.add(index)
            seen.add(signature)
    kept = [pair for i, pair in enumerate(rows) if i not in folded]
    return kept, [rows[i][0] for i in sorted(folded)]


def _year(rows: Sequence[Row]) -> int | None:
    years = Counter(r.year for r in rows if r.year is not None)
    return years.most_common(1)[0][0] if years else None


def _computed(row: Row, cap: Decimal | int | str | None, formula: MinFormula | str) -> CapaianRow:
    return compute_row(
        row.indicator,
        row.target_raw,
        row.realisasi_raw,
        row=row.line or 0,
        cap=cap,
        formula=formula,
    )


def _unit_of(row: Row) -> str:
    return _fold(row.unit or row.satker or "")


class _Lookup(Generic[_T]):
    """Rows of other documents by unit and canonical indicator; an indicator found in
    one unit only also matches a row whose unit is spelt differently or not named."""

    def __init__(self) -> None:
        self._by_unit: dict[tuple[str, str], _T] = {}
        self._units: dict[str, set[str]] = {}

    def put(self, row: Row, value: _T, *, replace: bool = False) -> None:
        key, unit = _key(row), _unit_of(row)
        if replace or (unit, key) not in self._by_unit:
            self._by_unit[(unit, key)] = value
        self._units.setdefault(key, set()).add(unit)

    def peek(self, row: Row) -> _T | None:
        return self._by_unit.get((_unit_of(row), _key(row)))

    def get(self, row: Row) -> _T | None:
        key, unit = _key(row), _unit_of(row)
        found = self._by_unit.get((unit, key))
        if found is None and len(self._units.get(key, ())) == 1:
            (only,) = self._units[key]
            found = self._by_unit[(only, key)]
        return found


def _previous(
    rows: Sequence[Row], cap: Decimal | int | str | None, formula: MinFormula | str
) -> _Lookup[Previous]:
    found: _Lookup[Previous] = _Lookup()
    for row in rows:
        if not (row.realisasi_raw or "").strip():
            continue
        computed = _computed(row, cap, formula)
        percent = computed.achievement.percent if computed.achievement is not None else None
        where = f"{row.source}:{row.line}"
        found.put(row, Previous(row.year, row.realisasi_raw or "", percent, where))
    return found


def _end_targets(rows: Sequence[Row]) -> _Lookup[Row]:
    """Per unit and indicator, the Renstra row of the latest year that has a target."""
    found: _Lookup[Row] = _Lookup()
    for row in rows:
        text = row.target_raw.strip()
        if row.target is None or not text or text in ("-", "–", "—"):
            continue
        best = found.peek(row)
        found.put(row, row, replace=best is None or (row.year or 0) >= (best.year or 0))
    return found


def _progress(
    row: Row, end: Row, cap: Decimal | int | str | None, formula: MinFormula | str
) -> Progress:
    if not (row.realisasi_raw or "").strip():
        return Progress(end.year, end.target_raw, None, "belum ada realisasi")
    try:
        found = achievement(
            end.target_raw,
            row.realisasi_raw or "",
            indicator=row.indicator,
            cap=cap,
            formula=formula,
        )
    except (IncomparableError, TargetParseError) as exc:
        return Progress(end.year, end.target_raw, None, f"tidak dapat dibandingkan: {exc}")
    return Progress(end.year, end.target_raw, found, found.explanation)


def _weights(weights: Mapping[str, Decimal | int | str] | None) -> dict[str, Decimal | int | str]:
    return {_fold(k): v for k, v in (weights or {}).items()}


def _group(
    unit: str,
    sasaran: str | None,
    rows: Sequence[ReportRow],
    scale: Scale,
    method: str,
    weights: Mapping[str, Decimal | int | str],
) -> Group:
    # A row that failed or has no realisation is an indicator whose capaian is unknown:
    # counted as skipped, never as 0%.
    listed: list[Achievement | Decimal | None] = [r.capaian.achievement for r in rows]
    if method == "weighted":
        given = [weights.get(_fold(r.row.indicator), 1) for r in rows]
        result = aggregate(listed, method="weighted", weights=given)
    else:
        result = aggregate(listed, method=method)
    return Group(unit, sasaran, tuple(rows), result, scale.category(result.percent))


def build_report(
    paths: Iterable[str | os.PathLike[str]],
    *,
    scale: str | Scale = DEFAULT_SCALE,
    bands: str | os.PathLike[str] | None = None,
    method: str = "mean",
    weights: Mapping[str, Decimal | int | str] | None = None,
    previous: Iterable[str | os.PathLike[str]] = (),
    renstra: Iterable[str | os.PathLike[str]] = (),
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
    title: str | None = None,
) -> Report:
    """The report of the documents at ``paths`` (RKT, PK, IKU, LKj: text, CSV, XLSX ...).

        ``scale`` names a shipped interpretation scale (``berhasil``, ``iki``, ``sampang``,
        ``maluku-tengah``) or is a :class:`Scale`; ``bands`` reads a user's own bands from a
        CSV file instead. ``method`` is ``mean`` (default), ``geometric`` or ``weighted``
        (``weights`` maps indicator wordings to weights; others weigh 1). ``previous`` are
        last year's documents; ``renstra`` are Renstra documents (a Renstra among ``paths``
        is used as one too). ``cap`` and ``formula`` are those of ``kinerja-target capaian``;
    ``title`` heads the report (default: the units and the year).

        Raises :class:`~kinerja_target.errors.DocumentReadError` for an unreadable document
        and :class:`~kinerja_target.errors.SchemaError` for bad options.
    """
    if method not in METHODS:
        raise SchemaError(f"aggregate must be one of {', '.join(METHODS)}, not {method!r}")
    if bands is not None:
        chosen = load_bands(os.fspath(bands))
    else:
        chosen = scale if isinstance(scale, Scale) else get_scale(scale)
    names = [str(p) for p in paths]
    read = _read(names)
    reported = [r for r in read if (r.doc_type or "").lower() not in _RENSTRA]
    plans = [r for r in read if (r.doc_type or "").lower() in _RENSTRA]
    plan_names = [str(p) for p in renstra]
    previous_names = [str(p) for p in previous]
    plans += _read(plan_names)
    before = _read(previous_names)
    last = _previous(before, cap, formula)
    ends = _end_targets(plans)
    pairs = []
    for row in reported:
        computed = _computed(row, cap, formula)
        if computed.achievement is None and computed.problem is None and not row.target_raw.strip():
            continue  # neither target nor realisation: a heading the reader kept
        pairs.append((row, computed))
    kept, folded = _fold_repeats(pairs)
    rows: list[ReportRow] = []
    for row, computed in kept:
        percent = computed.achievement.percent if computed.achievement is not None else None
        end = ends.get(row)
        rows.append(
            ReportRow(
                row,
                computed,
                chosen.category(percent),
                last.get(row),
                _progress(row, end, cap, formula) if end is not None else None,
            )
        )
    table = _weights(weights)
    by_sasaran: dict[tuple[str, str], list[ReportRow]] = {}
    by_unit: dict[str, list[ReportRow]] = {}
    for item in rows:
        by_sasaran.setdefault((item.unit, item.sasaran), []).append(item)
        by_unit.setdefault(item.unit, []).append(item)
    return Report(
        rows=tuple(rows),
        sasaran=tuple(
            _group(u, s, members, chosen, method, table) for (u, s), members in by_sasaran.items()
        ),
        units=tuple(
            _group(u, None, members, chosen, method, table) for u, members in by_unit.items()
        ),
        overall=_group("", None, rows, chosen, method, table),
        scale=chosen,
        method=method,
        sources=tuple(names),
        inputs=tuple(dict.fromkeys([*names, *plan_names, *previous_names])),
        year=_year(reported),
        previous_year=_year(before),
        renstra=tuple(sorted({r.source or "" for r in plans})),
        given_title=title,
        folded=tuple(folded),
    )
