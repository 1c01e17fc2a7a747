"""The PDF container's decisions that do not need a PDF: running lines, rows cut by a
page break, parts of a table on different column edges, columns of unruled text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target.containers import Span
from kinerja_target.containers.pdf import _broken, _continue, _Table
from kinerja_target.containers.pdf_text import (
    _PAGE_NUMBER,
    _PRINTED,
    _columns,
    _Row,
    _Segment,
    _unbroken,
)


@pytest.mark.parametrize("text", ["3", "- 3 -", "Hal. 4", "Halaman 2 dari 5", "2/5", "Page 7"])
def test_page_numbers(text: str) -> None:
    assert _PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["100%", "3,5", "12 Laporan", "2024 - 2026", "Tahun 2024"])
def test_values_are_not_page_numbers(text: str) -> None:
    assert not _PAGE_NUMBER.match(text)


def test_a_browsers_printed_date_is_running() -> None:
    assert _PRINTED.search("12/1/26, 9:07 AM")
    assert not _PRINTED.search("Ambon, 09 Januari 2024")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sesuai Peraturan Perundang-\nUndangan", "sesuai Peraturan Perundang-Undangan"),
        ("penerapan e-\ngovernment KPU", "penerapan e-government KPU"),
        # a dash standing alone, or a line break without a hyphen, is a space
        ("2024 -\n2026", "2024 -\n2026"),
        ("Laporan\nKeuangan", "Laporan\nKeuangan"),
    ],
)
def test_a_word_broken_at_its_hyphen_is_put_back(text: str, expected: str) -> None:
    assert _unbroken(text) == expected


@pytest.mark.parametrize(
    ("last", "first", "expected"),
    [
        # the rest of the indicator goes on in lower case, the short cells were complete
        (("1", "Persentase laporan yang", "100%"), ("", "disusun tepat waktu", ""), True),
        # the first part ends with a joining word
        (("1", "Jumlah dokumen dan", "2"), ("", "Laporan Keuangan", ""), True),
        # a new row of the same sasaran: it has its own target
        (("1", "Nilai SAKIP", "BB"), ("", "Indeks Kepuasan", "3,5"), False),
        # a new row that starts a text of its own
        (("1", "Nilai SAKIP", "BB"), ("", "Indeks Kepuasan", ""), False),
        # cells the first part left empty are not continued
        (("", "Nilai SAKIP", "BB"), ("2", "lanjutan", ""), False),
    ],
)
def test_a_row_broken_by_the_page_break(
    last: tuple[str, ...], first: tuple[str, ...], expected: bool
) -> None:
    assert _broken(last, first) is expected


def test_a_row_broken_where_its_lines_were_wrapped_is_the_rest_of_the_row() -> None:
    # "... kinerja" filled its line in a cell whose text wraps at 200: "KPU" did not fit.
    last = ("3", "Meningkatnya akuntabilitas kinerja", "Nilai Akuntabilitas Kinerja", "BB")
    first = ("", "KPU Kabupaten Bantul", "KPU Kabupaten Bantul", "")
    full = _Segment(100, 196, "Meningkatnya akuntabilitas kinerja", 0, 9)
    rest = _Segment(100, 160, "KPU Kabupaten Bantul", 0, 9)
    above = (None, (full, full, 200.0), (full, full, 200.0), None)
    below = (None, (rest, rest, 200.0), (rest, rest, 200.0), None)
    assert _broken(last, first, above, below)
    short = _Segment(100, 150, "Meningkatnya kinerja", 0, 9)
    ended = (None, (short, short, 200.0), (short, short, 200.0), None)
    assert not _broken(last, first, ended, below)


def test_parts_on_different_column_edges_are_joined_on_their_union() -> None:
    header = (("No", "Indikator", "Target"), (), 1)
    first = _Table(
        0, 1, 500, [40.0, 80.0, 400.0], [header, (("1", "IKM", "3,5"), (), 1)], 40.0, 700.0
    )
    # The next page has an edge more (a cell there is split) and repeats the header.
    sequel = _Table(
        30,
        2,
        300,
        [40.0, 80.0, 250.0, 401.0],
        [
            (("No", "Indikator", "", "Target"), (Span(1, 1, 2),), 2),
            (("2", "SAKIP", "", "BB"), (), 2),
        ],
        40.0,
        700.0,
    )
    _continue(first, sequel)
    assert [cells for cells, _, _ in first.rows] == [
        ("No", "Indikator", "", "Target"),
        ("1", "IKM", "", "3,5"),
        ("2", "SAKIP", "", "BB"),
    ]
    assert first.rows[0][1] == ()
    assert [page for _, _, page in first.rows] == [1, 1, 2]


@given(
    st.lists(
        st.lists(st.integers(1, 30), min_size=3, max_size=3),  # widths of three words
        min_size=2,
        max_size=12,
    )
)
def test_columns_of_aligned_lines_are_the_gaps_between_them(widths: list[list[int]]) -> None:
    """Three left-aligned columns 100 pt apart: each line's words fall in their own column,
    however long each word is within its column."""
    rows = [
        _Row(
            12.0 * k,
            12.0 * k + 9,
            [_Segment(40.0 + 100 * c, 40.0 + 100 * c + 2 * w, "x" * w) for c, w in enumerate(ws)],
        )
        for k, ws in enumerate(widths)
    ]
    columns = _columns(rows)
    assert len(columns) == 3
    for c, (start, end) in enumerate(columns):
        assert start <= 40 + 100 * c < end
