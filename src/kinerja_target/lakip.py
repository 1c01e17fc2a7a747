"""LAKIP tables: the capaian of every row of a CSV or XLSX performance table.

An LKj (LAKIP) author keeps a table of indicators with their target and realisation,
exported from Excel. :func:`compute_table` reads it, computes each row's capaian with
:func:`~kinerja_target.achievement.achievement`, and :func:`write_table` writes the same
table back with three more columns: ``Capaian`` (``107,14%``), ``Status`` (``Tercapai``,
``Tidak tercapai``, ``Tidak dapat dihitung``, ``Galat``) and ``Keterangan`` (the
arithmetic, or what went wrong).

What it promises:

* **No row is lost.** Title rows above the header, heading rows, blank rows and rows that
  fail are all in the output; a failing row says why in ``Keterangan`` and in
  :attr:`CapaianReport.problems`, with its row number as a spreadsheet shows it.
* **Original cells are kept.** The new columns go after the last used column (or into the
  ``Capaian``/``Status``/``Keterangan`` columns of an earlier run, so running twice gives
  the same file); an XLSX keeps its cells, formulas and styles.
* **Exact numbers.** Text is read by :func:`~kinerja_target.parse.parse_target`, never
  through ``float``. An XLSX number cell *is* a float; it is converted with
  ``Decimal(repr(x))`` (the shortest text that reads back as the same float, which is what
  Excel showed), and a cell formatted as a percentage (``0.00%``) holds a fraction:
  ``0.975`` is 97,5%.

The header row is found, not assumed: the first row (within :data:`HEADER_SEARCH_ROWS`)
that names an indicator, a target and a realisation column, matched case-insensitively
against :data:`COLUMN_SYNONYMS` or the names given. A CSV's delimiter (``;`` from an
Indonesian Excel, ``,`` elsewhere, or a tab) is the one under which such a header row is
found. The polarity of a row comes from a ``Polaritas`` column when there is one
(:data:`POLARITY_WORDS`), else from the ``polarity`` option, else from the indicator's
wording (:func:`~kinerja_target.polarity.infer_polarity`).

>>> row = compute_row("Persentase Partisipasi Pemilih", "77,5%", "81,2%", row=5)
>>> row.capaian, row.status
('104,77%', 'Tercapai')
"""

from __future__ import annotations

import csv
import enum
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from copy import copy
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, TextIO

import attrs

from .achievement import Achievement, Aggregate, MinFormula, achievement, aggregate
from .errors import DocumentReadError, IncomparableError, SchemaError, TargetParseError
from .numbers import format_decimal
from .parse import parse_target
from .polarity import Polarity
from .values import Target, WarningCode

__all__ = [
    "COLUMN_SYNONYMS",
    "HEADER_SEARCH_ROWS",
    "OUTPUT_COLUMNS",
    "POLARITY_WORDS",
    "CapaianReport",
    "CapaianRow",
    "Columns",
    "Problem",
    "RowKind",
    "Summary",
    "compute_row",
    "compute_table",
    "write_table",
]

# -- vocabulary ----------------------------------------------------------------------------------

#: Header names of each column role, compared after :func:`_fold_header` (lower case,
#: parentheses, a trailing year and punctuation removed). The first three are required.
COLUMN_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "indicator": (
        "indikator",
        "indikator kinerja",
        "indikator kinerja utama",
        "iku",
        "indikator sasaran",
        "indikator kinerja sasaran",
        "indikator kinerja program",
        "indikator kinerja kegiatan",
        "indicator",
    ),
    "target": ("target", "target kinerja", "target tahunan", "target pk", "rencana"),
    "realisasi": (
        "realisasi",
        "capaian realisasi",
        "realisasi kinerja",
        "realisasi tahunan",
        "realisasi pk",
        "realisation",
        "realization",
        "actual",
    ),
    "polarity": (
        "polaritas",
        "polarity",
        "polarisasi",
        "polarisasi capaian",
        "polarisasi indikator",
        "sifat indikator",
    ),
}

#: The columns added to the table, in this order.
OUTPUT_COLUMNS: tuple[str, str, str] = ("Capaian", "Status", "Keterangan")

#: How many rows from the top are searched for the header row.
HEADER_SEARCH_ROWS = 30

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
# CSV delimiters tried, in this order; the one that yields a header row wins.
_DELIMITERS = (";", ",", "\t")
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


@attrs.frozen
class Columns:
    """Where the table's columns are (0-based positions) and its header row (1-based)."""

    header_row: int
    indicator: int
    target: int
    realisasi: int
    polarity: int | None
    #: Positions of Capaian, Status, Keterangan: after the last used column, or the
    #: columns of an earlier run.
    output: tuple[int, int, int]
    #: The header row as written.
    names: tuple[str, ...]

    def name(self, position: int | None) -> str | None:
        """The header text of the column at ``position``."""
        if position is None or position >= len(self.names):
            return None
        return self.names[position]


@attrs.frozen
class CapaianReport:
    """A table read and computed: its rows (every data row), their problems, a summary.

    Hand it to :func:`write_table` to write the table back with the three new columns.
    """

    source: str
    format: str
    columns: Columns
    rows: tuple[CapaianRow, ...]
    #: The table as read, kept to be written back (a cell grid, or the XLSX workbook).
    table: _CsvTable | _XlsxTable = attrs.field(eq=False, repr=False)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every row problem, in row order."""
        return tuple(r.problem for r in self.rows if r.problem is not None)

    @property
    def summary(self) -> Summary:
        """Counts per kind and the arithmetic mean of the computed capaian."""
        kinds = [r.kind for r in self.rows]
        computed = [r.achievement for r in self.rows if r.kind is RowKind.COMPUTED]
        skipped = kinds.count(RowKind.SKIPPED)
        return Summary(
            indicators=len(kinds) - skipped,
            computed=len(computed),
            not_computable=kinds.count(RowKind.NOT_COMPUTABLE),
            errors=kinds.count(RowKind.ERROR),
            skipped=skipped,
            mean=aggregate(computed),
        )


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
    names: Columns | None = None,
) -> CapaianRow:
    cells = CapaianRow(row, indicator, target, realisasi, polarity_cell)
    if not target.strip() and not realisasi.strip():
        return cells  # a heading or a blank row: kept, not computed

    def failed(code: str, role: str, message: str) -> CapaianRow:
        column = names.name(getattr(names, role)) if names is not None else None
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


# -- headers -------------------------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TRAILING_YEAR = re.compile(r"\s*(tahun|th\.?|thn\.?)?\s*(19|20)\d\d$")
_PUNCTUATION = re.compile(r"[^\w\s/+↑↓]")


def _fold_header(text: str) -> str:
    """``"Target (%) 2024"`` → ``"target"``; ``"INDIKATOR KINERJA:"`` → ``"indikator kinerja"``."""
    text = _PARENTHESES.sub(" ", text.casefold())
    text = " ".join(_PUNCTUATION.sub(" ", text).split())
    return _TRAILING_YEAR.sub("", text).strip()


def _role_names(overrides: Mapping[str, str | None]) -> dict[str, frozenset[str]]:
    names: dict[str, frozenset[str]] = {}
    for role, synonyms in COLUMN_SYNONYMS.items():
        given = overrides.get(role)
        names[role] = frozenset({_fold_header(given)} if given else map(_fold_header, synonyms))
    return names


def _find_columns(row: Sequence[str], names: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """The position of each role in a candidate header row (first match, one role each)."""
    found: dict[str, int] = {}
    for position, cell in enumerate(row):
        folded = _fold_header(cell)
        if not folded:
            continue
        for role, accepted in names.items():
            if role not in found and folded in accepted:
                found[role] = position
                break
    return found


def _locate(
    rows: Iterable[Sequence[str]], names: Mapping[str, frozenset[str]], width: int
) -> Columns | None:
    """The header row among ``rows`` (the first that names the three required roles)."""
    for number, row in enumerate(rows, start=1):
        if number > HEADER_SEARCH_ROWS:
            break
        found = _find_columns(row, names)
        if {"indicator", "target", "realisasi"} <= found.keys():
            # An earlier run's output (the three names side by side, the last such run):
            # refill its columns, so a second run gives the same file. An author's own
            # "Capaian" column alone is not ours and is kept.
            folded = [_fold_header(c) for c in row]
            ours = [_fold_header(c) for c in OUTPUT_COLUMNS]
            runs = [i for i in range(len(folded) - 2) if folded[i : i + 3] == ours]
            start = runs[-1] if runs else width
            output = (start, start + 1, start + 2)
            return Columns(
                header_row=number,
                indicator=found["indicator"],
                target=found["target"],
                realisasi=found["realisasi"],
                polarity=found.get("polarity"),
                output=output,
                names=tuple(row),
            )
    return None


def _missing_header(source: str, overrides: Mapping[str, str | None]) -> DocumentReadError:
    wanted = [
        repr(overrides.get(role) or COLUMN_SYNONYMS[role][0].title())
        for role in ("indicator", "target", "realisasi")
    ]
    return DocumentReadError(
        source,
        f"no header row naming the columns {', '.join(wanted)} in the first "
        f"{HEADER_SEARCH_ROWS} rows (use --indikator/--target/--realisasi to name them)",
    )


_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?")


def _is_column_numbers(cells: Sequence[str]) -> bool:
    """A row "(1) (2) (3) ..." under the header numbers the columns: it is no indicator.

    Each number is its column's position plus one offset (tables need not start in A).
    """
    offsets = set()
    for position, cell in enumerate(cells):
        if not cell.strip():
            continue
        found = _COLUMN_NUMBER.fullmatch(cell.strip())
        if found is None:
            return False
        offsets.add(int(found.group(1)) - position)
    filled = sum(1 for c in cells if c.strip())
    return filled >= 3 and len(offsets) == 1


# -- cells ---------------------------------------------------------------------------------------

_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_percent_format(number_format: str) -> bool:
    """``0.00%`` scales by 100; ``0.00"%"`` and ``0.00\\%`` only print the sign."""
    return "%" in _FORMAT_LITERALS.sub("", number_format)


def _number_text(value: Decimal, *, percent: bool = False) -> str:
    """A number cell as text the parser reads back exactly.

    A comma decimal, no grouping; a fraction of exactly three digits gets a trailing zero,
    since ``1,125`` could be read as a thousands group (1125), while ``1,1250`` cannot.
    """
    if percent:
        value = value * 100
    if value == value.to_integral_value():
        text = format(value.quantize(Decimal(1)), "f")
    else:
        whole, _, frac = format(value.normalize(), "f").partition(".")
        text = f"{whole},{frac}{'0' if len(frac) == 3 else ''}"
    return text + ("%" if percent else "")


def _float_decimal(value: float) -> Decimal:
    # repr() is the shortest text that reads back as the same float: what Excel showed.
    return Decimal(repr(value))


def _cell_text(value: object, number_format: str = "General") -> str:
    """The text of a cell value (from openpyxl or pandas): what the parser reads, and what
    an XLSX cell becomes in a CSV."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value != value:  # NaN: pandas' empty cell
            return ""
        return _number_text(_float_decimal(value), percent=_is_percent_format(number_format))
    if isinstance(value, int | Decimal):
        return _number_text(Decimal(value), percent=_is_percent_format(number_format))
    return str(value)


def _at(cells: Sequence[str], position: int | None) -> str:
    if position is None or position >= len(cells):
        return ""
    return cells[position]


# -- CSV -----------------------------------------------------------------------------------------


@attrs.define
class _CsvTable:
    """A CSV file as a grid of text, with what it takes to write it back alike."""

    rows: list[list[str]]
    delimiter: str
    encoding: str
    line_terminator: str


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """The text and the encoding to write it back in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # An "ANSI" export from Excel on Windows. Written back as UTF-8 with a BOM (Excel
        # reads it), since the new cells hold characters cp1252 lacks (−, ≤).
        try:
            return data.decode("cp1252"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise DocumentReadError(source, "neither UTF-8 nor Windows-1252 text", line) from exc


def _parse_csv(text: str, delimiter: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [list(row) for row in reader]
    except csv.Error as exc:
        raise DocumentReadError(source, f"not a CSV table ({exc})", reader.line_num) from exc


def _read_csv(path: Path, overrides: Mapping[str, str | None]) -> tuple[_CsvTable, Columns]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(source, exc.strerror or str(exc)) from exc
    text, encoding = _decode(data, source)
    terminator = "\r\n" if "\r\n" in text[:65536] else "\n"
    names = _role_names(overrides)
    best: tuple[_CsvTable, Columns] | None = None
    failure: DocumentReadError | None = None
    for delimiter in _DELIMITERS:
        try:
            rows = _parse_csv(text, delimiter, source)
        except DocumentReadError as exc:
            failure = failure or exc
            continue
        width = max((len(r) for r in rows), default=0)
        columns = _locate(rows, names, width)
        # Under the wrong delimiter a header row is rarely found at all; if two are, the
        # one that splits the header into more cells is the real one.
        if columns is not None and (best is None or len(columns.names) > len(best[1].names)):
            best = (_CsvTable(rows, delimiter, encoding, terminator), columns)
    if best is None:
        raise failure or _missing_header(source, overrides)
    return best


def _write_csv(
    grid: Sequence[Sequence[str]], stream: TextIO, delimiter: str, terminator: str
) -> None:
    writer = csv.writer(stream, delimiter=delimiter, lineterminator=terminator)
    writer.writerows(grid)


# -- XLSX ----------------------------------------------------------------------------------------


@attrs.define
class _XlsxTable:
    """An XLSX workbook as loaded (cells, formulas and styles kept), and the sheet used."""

    workbook: Any
    sheet: str


def _load_workbook(path: Path, *, data_only: bool) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, data_only=data_only)
    except FileNotFoundError as exc:
        raise DocumentReadError(str(path), exc.strerror or str(exc)) from exc
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as exc:
        raise DocumentReadError(str(path), f"not a readable XLSX workbook ({exc})") from exc


def _sheet_rows(sheet: Any, limit: int | None = None) -> Iterator[list[str]]:
    for cells in sheet.iter_rows(max_row=limit):
        yield [_cell_text(c.value, c.number_format) for c in cells]


def _read_xlsx(
    path: Path, overrides: Mapping[str, str | None], sheet: str | None
) -> tuple[_XlsxTable, Columns, Any]:
    workbook = _load_workbook(path, data_only=False)
    if sheet is not None:
        if sheet not in workbook.sheetnames:
            raise DocumentReadError(
                str(path), f"no sheet named {sheet!r} (sheets: {', '.join(workbook.sheetnames)})"
            )
        candidates = [workbook[sheet]]
    else:
        # The active sheet first, then the others: the table is often not on the first.
        candidates = [
            workbook.active,
            *(s for s in workbook.worksheets if s is not workbook.active),
        ]
    names = _role_names(overrides)
    for candidate in candidates:
        columns = _locate(_sheet_rows(candidate, HEADER_SEARCH_ROWS), names, candidate.max_column)
        if columns is not None:
            return _XlsxTable(workbook, candidate.title), columns, candidate
    raise _missing_header(str(path), overrides)


def _cached_value(cached: Any, cell: Any) -> Any:
    """The value Excel saved for a formula cell; the formula itself when there is none
    (a file written by a program that does not compute), so the row says what it holds."""
    value = cached.cell(row=cell.row, column=cell.column).value
    return str(cell.value) if value is None else value


def _xlsx_data_rows(
    path: Path, table: _XlsxTable, columns: Columns, sheet: Any
) -> Iterator[tuple[int, list[str]]]:
    """(row number, texts of the used columns) for every row under the header.

    A formula's value is read from the values Excel cached when it saved the file (a
    second, value-only load, done only when a formula sits in a column we read).
    """
    wanted = [columns.indicator, columns.target, columns.realisasi]
    if columns.polarity is not None:
        wanted.append(columns.polarity)
    low, high = min(wanted), max(wanted)
    cached: Any = None
    for cells in sheet.iter_rows(min_row=columns.header_row + 1, min_col=low + 1, max_col=high + 1):
        number = cells[0].row
        texts = [""] * (high + 1)
        for position in wanted:
            cell = cells[position - low]
            value = cell.value
            if cell.data_type == "f":
                if cached is None:
                    cached = _load_workbook(path, data_only=True)[table.sheet]
                value = _cached_value(cached, cell)
            texts[position] = _cell_text(value, cell.number_format)
        yield number, texts


def _write_xlsx_cells(table: _XlsxTable, columns: Columns, rows: Sequence[CapaianRow]) -> Any:
    sheet = table.workbook[table.sheet]
    header = sheet.cell(row=columns.header_row, column=columns.realisasi + 1)
    for name, position in zip(OUTPUT_COLUMNS, columns.output, strict=True):
        cell = sheet.cell(row=columns.header_row, column=position + 1, value=name)
        if header.has_style:
            cell.font, cell.fill = copy(header.font), copy(header.fill)
            cell.border, cell.alignment = copy(header.border), copy(header.alignment)
    for row in rows:
        for text, position in zip(row.output, columns.output, strict=True):
            # Written as text, as the report shows it ("107,14%"), whatever the locale.
            sheet.cell(row=row.row, column=position + 1, value=text or None)
    keterangan = sheet.cell(row=columns.header_row, column=columns.output[2] + 1).column_letter
    if keterangan not in sheet.column_dimensions:  # the author's own width stays
        sheet.column_dimensions[keterangan].width = 60
    return table.workbook


# -- the table -----------------------------------------------------------------------------------


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise DocumentReadError(
        str(path), f"unsupported file type {suffix or '(none)'!r}: give a .csv or .xlsx table"
    )


def compute_table(
    path: str | Path,
    *,
    indicator: str | None = None,
    target: str | None = None,
    realisasi: str | None = None,
    polarity_column: str | None = None,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
    sheet: str | None = None,
) -> CapaianReport:
    """Read a CSV or XLSX table and compute the capaian of every row.

    ``indicator``, ``target``, ``realisasi`` and ``polarity_column`` name the header of
    each column (case-insensitive); left ``None``, the :data:`COLUMN_SYNONYMS` are tried.
    ``polarity`` is the default for rows whose polarity column is empty (or for a table
    without one); with no default, each indicator's wording decides. ``cap`` and
    ``formula`` are those of :func:`~kinerja_target.achievement.achievement`. ``sheet``
    picks an XLSX sheet (by default the active one, then the others).

    Raises :class:`~kinerja_target.errors.DocumentReadError` for a file that cannot be
    read or has no header row, :class:`~kinerja_target.errors.SchemaError` for bad
    options. Problems of single rows never raise: they are in the report.
    """
    options = _options(polarity, cap, formula)
    path = Path(path)
    kind = _format_of(path)
    overrides = {
        "indicator": indicator,
        "target": target,
        "realisasi": realisasi,
        "polarity": polarity_column,
    }
    table: _CsvTable | _XlsxTable
    data_rows: Iterable[tuple[int, Sequence[str]]]
    if kind == "csv":
        table, columns = _read_csv(path, overrides)
        data_rows = enumerate(table.rows[columns.header_row :], start=columns.header_row + 1)
    else:
        table, columns, worksheet = _read_xlsx(path, overrides, sheet)
        data_rows = _xlsx_data_rows(path, table, columns, worksheet)
    rows: list[CapaianRow] = []
    for number, cells in data_rows:
        if not rows and _is_column_numbers(cells):
            rows.append(CapaianRow(number, _at(cells, columns.indicator), "", ""))
            continue
        rows.append(
            _evaluate(
                number,
                _at(cells, columns.indicator),
                _at(cells, columns.target),
                _at(cells, columns.realisasi),
                _at(cells, columns.polarity),
                options,
                columns,
            )
        )
    return CapaianReport(str(path), kind, columns, tuple(rows), table)


def _xlsx_grid(path: str, table: _XlsxTable) -> list[list[str]]:
    """An XLSX sheet as text; a formula shows the value Excel cached for it."""
    sheet = table.workbook[table.sheet]
    cached: Any = None
    grid = []
    for cells in sheet.iter_rows():
        texts = []
        for cell in cells:
            value = cell.value
            if cell.data_type == "f":
                if cached is None:
                    cached = _load_workbook(Path(path), data_only=True)[table.sheet]
                value = _cached_value(cached, cell)
            texts.append(_cell_text(value, cell.number_format))
        grid.append(texts)
    return grid


def _grid(report: CapaianReport) -> list[list[str]]:
    """The table as text rows, with the three columns filled in."""
    columns, table = report.columns, report.table
    if isinstance(table, _CsvTable):
        grid = [list(r) for r in table.rows]
    else:
        grid = _xlsx_grid(report.source, table)
    width = max(columns.output) + 1
    header = columns.header_row - 1
    by_row = {r.row: r for r in report.rows}
    for index in range(header, len(grid)):
        cells = grid[index]
        row = by_row.get(index + 1)
        output = OUTPUT_COLUMNS if index == header else row.output if row else ("", "", "")
        if not any(cells) and not any(output):
            continue  # an empty line stays empty
        cells.extend([""] * (width - len(cells)))
        for text, position in zip(output, columns.output, strict=True):
            cells[position] = text
    return grid


def write_table(
    report: CapaianReport, destination: str | Path | TextIO, *, delimiter: str | None = None
) -> None:
    """Write the table of ``report`` with its ``Capaian``, ``Status`` and ``Keterangan``.

    ``destination`` is a path (``.csv`` or ``.xlsx``; the format follows the suffix) or a
    text stream (CSV). A CSV keeps the source's delimiter, encoding and line endings; an
    XLSX source written as XLSX keeps its cells, formulas and styles. An XLSX written as
    CSV uses ``;`` (what Excel with Indonesian settings reads, and the capaian holds a
    decimal comma), unless ``delimiter`` says otherwise.
    """
    table = report.table
    source_delimiter = table.delimiter if isinstance(table, _CsvTable) else ";"
    chosen = delimiter or source_delimiter
    terminator = table.line_terminator if isinstance(table, _CsvTable) else "\r\n"
    if not isinstance(destination, str | Path):
        _write_csv(_grid(report), destination, chosen, terminator)
        return
    path = Path(destination)
    kind = _format_of(path)
    if kind == "csv":
        encoding = table.encoding if isinstance(table, _CsvTable) else "utf-8-sig"
        with path.open("w", encoding=encoding, newline="") as stream:
            _write_csv(_grid(report), stream, chosen, terminator)
        return
    if isinstance(table, _XlsxTable):
        _write_xlsx_cells(table, report.columns, report.rows).save(path)
        return
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for cells in _grid(report):
        sheet.append([c if c else None for c in cells])
    workbook.save(path)
