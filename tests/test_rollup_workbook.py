"""The streaming XLSX writer: what goes in is what Excel (here openpyxl) reads back."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from kinerja_target.rollup.workbook import Sheet, row_sql, write_workbook

duckdb = pytest.importorskip("duckdb")

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

cells = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    ),
    st.text(max_size=30),
)


def _read_back(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def _expected(value: object) -> object:
    if isinstance(value, str):
        text = _ILLEGAL.sub("", value)
        return text or None  # openpyxl reads an empty inline string as no value
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


@given(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=20))
def test_every_cell_reads_back(rows: list[list[object]]) -> None:
    handle = io.BytesIO()
    write_workbook(handle, [Sheet("data", ["a", "b", "c"], rows)])
    sheet = _read_back(handle.getvalue())["data"]
    assert sheet[0] == ("a", "b", "c")
    assert [tuple(_expected(v) for v in row) for row in rows] == [
        tuple(v if v != "" else None for v in row) for row in sheet[1:]
    ]


def test_rows_rendered_by_duckdb_read_back() -> None:
    tricky = ["a < b & c > d", "tab\there", "bell\x07gone", "'q' \"too\"", "cr\r\nlf", "97,5%"]
    connection = duckdb.connect()
    connection.execute("CREATE TABLE t (label VARCHAR, value DECIMAL(38, 10), n INTEGER)")
    connection.executemany(
        "INSERT INTO t VALUES (?, ?, ?)",
        [(text, Decimal("97.5") if n % 2 else None, n) for n, text in enumerate(tricky)],
    )
    render = row_sql([("label", False), ("value", True), ("n", True)])
    rows = connection.execute(f"SELECT {render} FROM t ORDER BY n").fetchall()
    handle = io.BytesIO()
    write_workbook(
        handle, [Sheet("t", ["label", "value", "n"], rows, (False, True, True), xml=True)]
    )
    sheet = _read_back(handle.getvalue())["t"]
    assert sheet[1:] == [
        (_expected(text), 97.5 if n % 2 else None, n) for n, text in enumerate(tricky)
    ]


def test_sheet_names_and_order() -> None:
    handle = io.BytesIO()
    write_workbook(handle, [Sheet("summary", ["x"], [[1]]), Sheet('ranks "all"', ["y"], [])])
    assert list(_read_back(handle.getvalue())) == ["summary", 'ranks "all"']
