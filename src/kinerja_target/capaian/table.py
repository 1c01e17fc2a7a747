"""The capaian of every indicator row of a document: :func:`compute_table`.

The document is read by the one table reader (:func:`~kinerja_target.documents.read_file`),
whatever its container: every row it finds becomes a :class:`~.row.CapaianRow`, so that
``capaian`` computes on every LKj document ``read`` reads, and a row is never lost: one
without a realisation yet is *not computable*, one whose cells cannot be read an *error*,
each with its line or sheet row.

>>> report = compute_table("No\\tIndikator Kinerja\\tTarget\\tRealisasi\\n"
...                        "1\\tPersentase partisipasi pemilih\\t77,5%\\t81,2%\\n"
...                        "2\\tJumlah laporan\\t12 Lap\\t\\n")
>>> [(r.row, r.capaian, r.status) for r in report.rows]
[(2, '104,77%', 'Tercapai'), (3, '-', 'Tidak dapat dihitung')]
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import attrs

from ..achievement import MinFormula, aggregate
from ..documents import Row
from ..documents.header import _column_phrases
from ..documents.read import Reading, TableLayout, read_layouts
from ..documents.row import _bare_number
from ..errors import DocumentReadError
from ..polarity import Polarity
from .row import OUTPUT_COLUMNS, CapaianRow, Problem, RowKind, Summary, _evaluate, _options

__all__ = ["COLUMN_SYNONYMS", "CapaianReport", "Columns", "compute_table"]


def _synonyms() -> Mapping[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for phrase, role in _column_phrases():
        if role in ("indicator", "target", "realisasi", "polarity"):
            found.setdefault(role, []).append(phrase)
    return {role: tuple(sorted(v, key=len)) for role, v in found.items()}


#: The header names recognised for each column :func:`compute_table` reads: the phrases
#: of the one column vocabulary (``data/tables_columns.csv``) a header cell begins with.
COLUMN_SYNONYMS: Mapping[str, tuple[str, ...]] = _synonyms()


@attrs.frozen
class Columns:
    """Where a table's columns are (0-based positions) and its header row (1-based)."""

    header_row: int
    indicator: int
    target: int | None
    realisasi: int | None
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

    @property
    def by_role(self) -> dict[str, str]:
        """The header text of each column read, by role."""
        roles = {
            "indicator": self.indicator,
            "target": self.target,
            "realisasi": self.realisasi,
            "polarity": self.polarity,
        }
        return {role: name for role, at in roles.items() if (name := self.name(at))}


@attrs.frozen
class CapaianReport:
    """A document read and computed: one :class:`CapaianRow` per indicator row, in order.

    ``rows`` and ``read`` (the reader's rows) go together, one for one. ``tables`` say
    where each table of a CSV or workbook sits, for :func:`~.write.write_table` to add
    the three columns to it; a document of text (or HTML, Word, PDF) has none and is
    written as a new table of its rows.
    """

    source: str
    format: str
    rows: tuple[CapaianRow, ...]
    read: tuple[Row, ...] = attrs.field(repr=False)
    tables: tuple[Columns, ...] = attrs.field(repr=False)
    layouts: tuple[TableLayout, ...] = attrs.field(repr=False, eq=False)
    notes: tuple[str, ...] = ()
    path: Path | None = attrs.field(default=None, repr=False)

    @property
    def columns(self) -> Columns | None:
        """The columns of the first table (``None`` for a document without a grid)."""
        return self.tables[0] if self.tables else None

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


def compute_table(
    path: str | os.PathLike[str],
    *,
    indicator: str | None = None,
    target: str | None = None,
    realisasi: str | None = None,
    polarity_column: str | None = None,
    polarity: Polarity | str | None = None,
    cap: Decimal | int | str | None = None,
    formula: MinFormula | str = MinFormula.REFLECTED,
    sheet: str | None = None,
    source: str | None = None,
) -> CapaianReport:
    """Read a document and compute the capaian of every indicator row.

    ``path`` is any document the reader reads (CSV, XLSX, text, HTML, Word, PDF), or a
    document's text. ``indicator``, ``target``, ``realisasi`` and ``polarity_column``
    name header cells the vocabulary does not know. ``polarity`` is the default for rows
    whose polarity column is empty (or for a table without one); with no default, each
    indicator's wording decides. ``cap`` and ``formula`` are those of
    :func:`~kinerja_target.achievement.achievement`. ``sheet`` keeps the rows of one
    sheet of a workbook.

    Raises :class:`~kinerja_target.errors.DocumentReadError` for a document that cannot
    be read or has values under no recognisable header,
    :class:`~kinerja_target.errors.SchemaError` for bad options. Problems of single rows
    never raise: they are in the report.
    """
    options = _options(polarity, cap, formula)
    overrides = {
        role: name
        for role, name in (
            ("indicator", indicator),
            ("target", target),
            ("realisasi", realisasi),
            ("polarity", polarity_column),
        )
        if name
    }
    reading, layouts = read_layouts(path, source=source, columns=overrides)
    reading, layouts = _of_sheet(reading, layouts, sheet)
    tables = tuple(_columns(layout) for layout in layouts)
    names = tables[0].by_role if tables else {}
    rows = tuple(
        _evaluate(
            row.line or 0,
            row.indicator,
            _with_satuan(row.target_raw, row.satuan),
            _with_satuan(row.realisasi_raw or "", row.satuan),
            row.polarity_raw or "",
            options,
            names,
            indicator_row=True,
        )
        for row in reading.rows
    )
    is_text = isinstance(path, str) and "\n" in path
    file = None if is_text else Path(path)
    kind = layouts[0].grid.container if layouts else ("text" if is_text else _container(file))
    return CapaianReport(
        reading.source, kind, rows, reading.rows, tables, layouts, reading.notes, file
    )


def _container(path: Path | None) -> str:
    from ..containers import container_of

    if path is None:
        return "text"
    with path.open("rb") as f:
        return container_of(path, f.read(2048))


def _of_sheet(
    reading: Reading, layouts: tuple[TableLayout, ...], sheet: str | None
) -> tuple[Reading, tuple[TableLayout, ...]]:
    if sheet is None:
        return reading, layouts
    sheets = {row.sheet for row in reading.rows} | {layout.grid.sheet for layout in layouts}
    if sheet not in sheets and not (len(sheets) == 1 and None in sheets):
        known = ", ".join(sorted(s for s in sheets if s)) or "none with a table"
        raise DocumentReadError(reading.source, f"no sheet named {sheet!r} (sheets: {known})")
    kept = tuple(r for r in reading.rows if r.sheet in (sheet, None))
    return attrs.evolve(reading, rows=kept), tuple(
        layout for layout in layouts if layout.grid.sheet in (sheet, None)
    )


def _with_satuan(text: str, satuan: str | None) -> str:
    """A bare number read with the table's Satuan column, as the reader reads targets."""
    if satuan and text and _bare_number(text):
        return f"{text} {satuan}"
    return text


def _columns(layout: TableLayout) -> Columns:
    """The positions of a table's columns, and where its three new columns go."""
    roles = layout.roles

    def at(role: str) -> int | None:
        return roles.index(role) if role in roles else None

    names = tuple(layout.names)
    folded = [" ".join(n.casefold().split()) for n in names]
    wanted = [c.casefold() for c in OUTPUT_COLUMNS]
    earlier = next(
        (i for i in range(len(folded) - 2) if folded[i : i + 3] == wanted),
        None,
    )
    if earlier is not None:
        output = (earlier, earlier + 1, earlier + 2)
    else:
        width = max((len(line.cells) for line in layout.grid.lines if line.cells), default=0)
        used = max(
            (
                max((i for i, c in enumerate(line.cells) if c), default=-1)
                for line in layout.grid.lines
                if line.cells
            ),
            default=-1,
        )
        start = max(used + 1, min(width, len(names)))
        output = (start, start + 1, start + 2)
    indicator = at("indicator")
    return Columns(
        header_row=layout.header_line,
        indicator=indicator if indicator is not None else 0,
        target=at("target"),
        realisasi=at("realisasi"),
        polarity=at("polarity"),
        output=output,
        names=names,
    )
