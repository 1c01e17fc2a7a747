"""Properties of LAKIP tables: whatever the rows, none is lost and no original cell changes."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kinerja_target.documents.assemble import _unmarked
from kinerja_target.documents.cells import _cell
from kinerja_target.lakip import OUTPUT_COLUMNS, RowKind, compute_row, compute_table, write_table
from kinerja_target.strategies import cell_texts, target_cells

HEADER = ["No", "Indikator", "Target", "Realisasi"]
# An author's own "Capaian" or "Keterangan" column must be kept, not refilled.
EXTRA_HEADERS = ("Satuan", "Sumber Data", "Catatan", "Capaian", "Keterangan")
INDICATORS = (
    "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
    "Jumlah Laporan sistem akuntansi dan pelaporan keuangan",
    "Nilai Akuntabilitas Kinerja",
    "Penurunan Jumlah sengketa Hukum yang diajukan ke Mahkamah Konstitusi",
    "Lama waktu penyelesaian proses PAW",
    "",
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.one_of(
    target_cells().map(lambda cell: cell[0]),
    cell_texts(),
    st.sampled_from(["", "-", "  ", "100%", "12 Lap", "7 - 8 bulan"]),
).map(lambda text: text.replace("\x00", ""))


@st.composite
def tables(draw: st.DrawFn, cell: st.SearchStrategy[Any]) -> tuple[list[list[Any]], int]:
    """Title rows, a header row (maybe with extra columns), then data rows of any width."""
    extra = draw(st.lists(st.sampled_from(EXTRA_HEADERS), max_size=2, unique=True))
    header = [*HEADER, *extra]
    titles = draw(st.lists(st.lists(cell, min_size=0, max_size=1), max_size=2))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        row = [
            draw(st.one_of(st.integers(1, 99), cell)),
            draw(st.one_of(st.sampled_from(INDICATORS), cell)),
            draw(cell),
            draw(cell),
        ]
        row += draw(st.lists(cell, max_size=len(extra) + 1))
        rows.append(row[: draw(st.integers(0, len(row)))] if draw(st.booleans()) else row)
    return [*titles, header, *rows], len(titles) + 1


def _assert_every_indicator_row_kept(
    report: Any, rows: dict[int, list[Any]], header_line: int
) -> None:
    """A numbered line that names a real indicator is a row of the report, at its line
    (a line of other cells may be joined to the row above, and says so in its doubts)."""
    lines = {r.row for r in report.rows}
    assert lines <= {n for n in rows if n > header_line}
    for number, cells in rows.items():
        if number <= header_line:
            continue
        if (
            len(cells) >= 2
            and isinstance(cells[0], int)
            and isinstance(cells[1], str)
            and cells[1] in INDICATORS[:-1]
        ):
            assert number in lines, (number, cells)


def read_back(path: Path, delimiter: str) -> list[list[str]]:
    return list(lines_of(path, delimiter).values())


def lines_of(path: Path, delimiter: str) -> dict[int, list[str]]:
    """The records of a CSV by the line each begins on: a report names rows by line, as
    ``read`` does (a cell holding a line break makes a record two lines long)."""
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found, start = {}, 1
    for record in reader:
        found[start] = record
        start = reader.line_num + 1
    return found


@SETTINGS
@given(
    table=tables(texts),
    delimiter=st.sampled_from([";", ",", "\t"]),
    bom=st.booleans(),
)
def test_csv_no_row_lost_and_cells_kept(
    tmp_path_factory: Any, table: tuple[list[list[Any]], int], delimiter: str, bom: bool
) -> None:
    drawn, header_row = table
    directory: Path = tmp_path_factory.mktemp("csv")
    source, out = directory / "in.csv", directory / "out.csv"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(drawn)
    source.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    # The table is what a CSV reader sees in the file (a lone "\r" in a cell ends a line).
    by_line = lines_of(source, delimiter)
    rows = list(by_line.values())

    report = compute_table(source)
    write_table(report, out)
    written = read_back(out, delimiter)
    written_by_line = dict(zip(by_line, written, strict=True))

    assert report.columns is not None
    header_line = list(by_line)[header_row - 1]
    assert report.columns.header_row == header_line
    _assert_every_indicator_row_kept(report, by_line, header_line)
    assert len(written) == len(rows)
    for original, row in zip(rows, written, strict=True):
        # every cell the author filled is kept (an empty one may take a new column)
        assert [w for w, o in zip(row, original, strict=False) if o] == [o for o in original if o]
    assert [written_by_line[header_line][p] for p in report.columns.output] == list(OUTPUT_COLUMNS)
    for result in report.rows:
        line = written_by_line[result.row]
        cells = [line[p] if p < len(line) else "" for p in report.columns.output]
        assert tuple(cells) == result.output
        # (a list marker opening the cell, "1.1 ", is the reader's to drop)
        own = _unmarked(_cell((by_line[result.row][1:2] or [""])[0]))[0]
        read = next(r for r in report.read if r.line == result.row)
        # the indicator cell as written, unless the reader says it moved the row's cells
        assert result.indicator.startswith(own) or "realigned" in read.doubts


def _xlsx_text(text: str) -> str | None:
    # What an XLSX cell can hold as text: no control characters, no leading "=" (a formula),
    # and no empty string (an empty cell is no cell; openpyxl drops "" when it saves).
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned.lstrip("=") or None


xlsx_cells = st.one_of(
    texts.map(_xlsx_text),
    st.integers(-(10**6), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda x: abs(x) < 1e15),
    st.none(),
)


@SETTINGS
@given(table=tables(xlsx_cells), percent=st.booleans())
def test_xlsx_no_row_lost_and_cells_kept(
    tmp_path_factory: Any, table: tuple[list[list[Any]], int], percent: bool
) -> None:
    rows, header_row = table
    directory: Path = tmp_path_factory.mktemp("xlsx")
    source, out = directory / "in.xlsx", directory / "out.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if percent:  # the realisation column formatted as a percentage
        for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=4, max_col=4):
            cell.number_format = "0.00%"
    workbook.save(source)

    report = compute_table(source)
    write_table(report, out)
    before = openpyxl.load_workbook(source).active
    after = openpyxl.load_workbook(out).active

    assert report.columns is not None
    assert report.columns.header_row == header_row
    _assert_every_indicator_row_kept(
        report, {n: list(r) for n, r in enumerate(rows, 1)}, header_row
    )
    assert after.max_row == before.max_row
    for line in before.iter_rows():
        for cell in line:
            twin = after.cell(row=cell.row, column=cell.column).value
            if isinstance(cell.value, float) and math.isnan(cell.value):
                continue
            assert twin == cell.value
    for result in report.rows:
        cells = [after.cell(row=result.row, column=p + 1).value for p in report.columns.output]
        capaian, *texts = cells
        assert tuple(t or "" for t in texts) == result.output[1:]
        if isinstance(capaian, int | float):  # a computed capaian is a number, shown as a percent
            shown = result.output[0].rstrip("%").replace(".", "").replace(",", ".")
            assert abs(capaian * 100 - float(shown)) <= 1e-9 * max(1.0, abs(float(shown)))
        else:
            assert (capaian or "") == result.output[0]


@settings(max_examples=300, deadline=None)
@given(indicator=st.sampled_from(INDICATORS), target=texts, realisasi=texts, cap=st.booleans())
def test_compute_row_never_raises_for_cell_content(
    indicator: str, target: str, realisasi: str, cap: bool
) -> None:
    row = compute_row(indicator, target, realisasi, row=7, cap=100 if cap else None)
    assert row.kind in RowKind
    if row.kind is RowKind.ERROR:
        assert row.problem is not None
        assert row.problem.row == 7
        assert row.status == "Galat"
    elif row.kind is RowKind.COMPUTED:
        assert row.achievement is not None
        assert row.achievement.percent is not None
        assert row.achievement.percent >= 0
        assert not cap or row.achievement.percent <= 100
    elif row.kind is RowKind.SKIPPED:
        assert not target.strip()
        assert not realisasi.strip()
