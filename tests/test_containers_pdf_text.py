"""Tables without ruling lines rebuilt from the words' positions (``containers.pdf_text``),
on pages laid out here the way a browser or a word processor lays them out: cells wrapped
at their column's width, rows apart by the cells' padding or not at all, merged cells
beside the rows they cover, rows cut by the page end."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target.containers import Span
from kinerja_target.containers.pdf_text import (
    _columns,
    _framed,
    _records,
    _rejoined,
    _Row,
    _Segment,
    _Text,
    _wrapped,
)

LETTER = 5.0  # width of a letter, points
SIZE = 9.0  # height of the letters
PITCH = 10.5  # distance between two lines of a cell
GAP = 20.0  # between two columns


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _lay_out(
    rows: list[list[str]], widths: list[int], padding: float, top: float = 100.0
) -> tuple[list[_Row], list[float]]:
    """The printed lines of ``rows`` (cell texts; ``""`` under a merged cell) in columns
    ``widths`` letters wide, and each row's top. A cell followed by empty cells in its
    column is merged over those rows: its lines run on beside them."""
    starts = list(itertools.accumulate([40.0] + [w * LETTER + GAP for w in widths]))[:-1]
    placed: dict[float, list[_Segment]] = {}
    tops: list[float] = []
    heights: list[int] = [1] * len(rows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            below = next((k for k in range(r + 1, len(rows)) if rows[k][c]), len(rows))
            if text and below == r + 1:
                heights[r] = max(heights[r], len(_wrap(text, widths[c])))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            below = next((k for k in range(r + 1, len(rows)) if rows[k][c]), len(rows))
            # A merged cell's rows grow, the last of them, to hold its lines.
            room = sum(heights[r:below]) * PITCH + (below - r - 1) * padding
            need = len(_wrap(text, widths[c])) * PITCH if text else 0
            while room < need:
                heights[below - 1] += 1
                room += PITCH
    for r in range(len(rows)):
        tops.append(top)
        top += heights[r] * PITCH + padding
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            for k, line in enumerate(_wrap(text, widths[c]) if text else []):
                y = tops[r] + k * PITCH
                x0 = starts[c]
                placed.setdefault(y, []).append(
                    _Segment(x0, x0 + len(line) * LETTER, line, y, y + SIZE)
                )
    printed = [
        _Row(y, y + SIZE, sorted(segments, key=lambda s: s.x0))
        for y, segments in sorted(placed.items())
    ]
    return printed, tops


def _cells(lines: list[_Text]) -> list[tuple[str, ...]]:
    return [tuple(" ".join(c.split()) for c in line.cells or ()) for line in lines]


WORD = st.text("abcdefghijklmnop", min_size=2, max_size=8)
# A cell begins with a capital letter, as a table's cells do.
CELL = st.lists(WORD, min_size=1, max_size=9).map(lambda words: " ".join(words).capitalize())


@given(
    st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=2, max_size=8),
    st.sampled_from([2.0, 4.0, 10.0]),
)
def test_each_cell_is_read_back_whole_in_its_row_and_column(
    table: list[list[str]], padding: float
) -> None:
    lines, _ = _lay_out(table, [16, 24, 10], padding)
    records = _records(lines, _columns(lines), 1)
    assert _cells(records) == [tuple(row) for row in table]


def test_a_sasaran_beside_its_indicators_is_merged_over_their_rows() -> None:
    table = [
        ["Sasaran", "Indikator", "Target"],
        ["Meningkatnya kualitas layanan informasi publik", "Indeks kepuasan", "3,5"],
        ["", "Persentase permohonan informasi", "100%"],
        ["Terwujudnya tata kelola", "Nilai SAKIP", "BB"],
    ]
    lines, _ = _lay_out(table, [14, 20, 8], 4.0)
    records = _records(lines, _columns(lines), 1)
    assert _cells(records) == [tuple(row) for row in table]
    assert records[1].spans == (Span(0, 2, 1),)


def test_rows_printed_without_a_gap_are_cut_where_a_line_was_not_wrapped() -> None:
    table = [
        ["No", "Indikator Kinerja", "Target"],
        ["1", "Persentase laporan keuangan yang disusun tepat waktu", "100%"],
        ["2", "Nilai SAKIP", "BB"],
        ["3", "Indeks Kepuasan Masyarakat", "3,5"],
    ]
    lines, _ = _lay_out(table, [3, 20, 6], 0.0)
    records = _records(lines, _columns(lines), 1)
    assert _cells(records) == [tuple(row) for row in table]


def test_a_line_is_wrapped_when_the_next_word_would_not_have_fitted() -> None:
    full = _Segment(100, 195, "Persentase laporan yang", 0, 9)
    short = _Segment(100, 140, "Nilai SAKIP", 0, 9)
    assert _wrapped(full, _Segment(100, 130, "disusun", 10, 19), right=200)
    assert not _wrapped(short, _Segment(100, 150, "Indeks Kepuasan", 10, 19), right=200)
    # a value alone on its line is no sign of wrapping; lower case is
    assert not _wrapped(_Segment(100, 195, "100%", 0, 9), _Segment(100, 120, "BB", 10, 19), 200)
    assert _wrapped(short, _Segment(100, 130, "kinerja", 10, 19), right=200)


def test_blocks_that_fill_fewer_columns_are_put_on_the_table_s_columns() -> None:
    frame = ((40.0, 60.0), (80.0, 200.0), (220.0, 400.0), (420.0, 460.0))
    header = _Text(0, 1, cells=("No", "Sasaran", "Indikator", "Target"), columns=frame)
    narrower = ((85.0, 190.0), (220.0, 380.0), (421.0, 450.0))
    row = _Text(10, 2, cells=("Terwujudnya", "Nilai SAKIP", "BB"), columns=narrower)
    other = _Text(20, 2, cells=("a", "b", "c"), columns=((0.0, 300.0), (310, 320), (330, 340)))
    _framed([header, row, other])
    assert row.cells == ("", "Terwujudnya", "Nilai SAKIP", "BB")
    assert row.columns == frame
    assert other.cells == ("a", "b", "c")  # laid out anew: another table


def _page_break(
    rest: list[str], last: str = "Persentase laporan keuangan yang", padding: float = 4.0
) -> tuple[list[list[_Text]], list[_Text]]:
    """A table whose last row (its indicator ``last``) is cut by the page end: ``rest``
    is what the next page shows at its top, in the same columns."""
    table = [
        ["No", "Indikator Kinerja", "Target"],
        ["1", last, "100%"],
    ]
    lines, _ = _lay_out(table, [3, 32, 6], padding)
    first = _records(lines, _columns(lines), 1)
    columns = first[-1].columns
    after, _ = _lay_out([rest], [3, 32, 6], padding, top=50.0)
    segments = [s for line in after for s in line.segments]
    continued = _Text(50.0, 2, cells=("", "", ""), columns=columns)
    cells = ["", "", ""]
    edges: list[tuple[_Segment, _Segment] | None] = [None, None, None]
    for s in segments:
        k = max(k for k, (a, _) in enumerate(columns) if a <= s.x0 + 2)
        cells[k] = s.text
        edges[k] = (s, s)
    continued.cells, continued.edges = tuple(cells), tuple(edges)
    return [first, [continued]], first


def test_a_row_cut_by_the_page_end_is_put_back_together() -> None:
    pages, first = _page_break(["", "disusun tepat waktu", ""])
    _rejoined(pages)
    assert _cells(first)[-1] == (
        "1",
        "Persentase laporan keuangan yang disusun tepat waktu",
        "100%",
    )
    assert pages[1] == []


def test_the_next_row_at_the_top_of_a_page_stays_a_row() -> None:
    pages, first = _page_break(["2", "Nilai SAKIP", "BB"])
    _rejoined(pages)
    assert _cells(first)[-1] == ("1", "Persentase laporan keuangan yang", "100%")
    assert _cells(pages[1]) == [("2", "Nilai SAKIP", "BB")]


def _alone(text: str, x0: float, top: float) -> _Text:
    segment = _Segment(x0, x0 + len(text) * LETTER, text, top, top + SIZE)
    return _Text(top, 2, text=text, edges=((segment, segment),))


def test_a_cell_s_last_line_carried_over_alone_is_joined_while_the_table_goes_on() -> None:
    pages, first = _page_break(["2", "Nilai SAKIP", "BB"])
    columns = first[-1].columns
    x = columns[1][0]
    # "Persentase laporan keuangan yang" filled its line; the rest of the cell stands
    # alone at the top of the next page, above the table's next row.
    pages[1].insert(0, _alone("Disusun tepat waktu", x, 40.0))
    _rejoined(pages)
    whole = "Persentase laporan keuangan yang Disusun tepat waktu"
    assert _cells(first)[-1] == ("1", whole, "100%")
    assert _cells(pages[1]) == [("2", "Nilai SAKIP", "BB")]


def test_prose_after_a_table_at_the_top_of_a_page_stays_prose() -> None:
    # The last line filled the column, but no row of the table follows the line alone.
    pages, first = _page_break(["", "", ""], last="Persentase laporan keuangan desa")
    columns = first[-1].columns
    pages[1] = [_alone("Samarinda, 1 Maret 2024", columns[1][0], 40.0)]
    _rejoined(pages)
    assert _cells(first)[-1] == ("1", "Persentase laporan keuangan desa", "100%")
    assert pages[1][0].cells is None


@pytest.mark.xfail(
    strict=True,
    reason="rows of one-line cells whose first row fills its columns, 2 pt apart, look like "
    "wrapped lines: with no wrapped cell elsewhere the line spacing is taken from them",
)
def test_two_rows_of_short_cells_close_together_stay_two_rows() -> None:
    # Found by test_each_cell_is_read_back_whole_in_its_row_and_column (padding 2.0).
    table = [["Aa aa", "Aa aa", "Aa aa"], ["Aa", "Aa", "Aa"]]
    lines, _ = _lay_out(table, [16, 24, 10], 2.0)
    assert _cells(_records(lines, _columns(lines), 1)) == [tuple(row) for row in table]
