"""Property tests for read_document: round trips through CSV, XLSX and tab text, and
malformed input that must give DocumentReadError (naming the file) and nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_target.errors import DocumentReadError
from kinerja_target.strategies import target_cells
from kinerja_target.tables import Row, read_document, write_rows

# One line of cell text as a reader hands it back: no control characters (so no line
# breaks or tabs), no surrogates, no whitespace at either end.
_CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
cell_text = st.text(_CHARS, min_size=1, max_size=40).filter(lambda t: t == t.strip())
optional_text = st.none() | cell_text


@st.composite
def rows(draw: st.DrawFn) -> Row:
    return Row(
        indicator=draw(cell_text),
        target_raw=draw(st.just("") | cell_text),
        sasaran=draw(optional_text),
        satker=draw(optional_text),
        unit=draw(optional_text),
        year=draw(st.none() | st.integers(1900, 2100)),
        doc_type=draw(st.none() | st.sampled_from(("RKT", "PK", "IKU", "LKj"))),
        realisasi_raw=draw(optional_text),
        capaian_raw=draw(optional_text),
    )


_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx"])
@_SLOW
@given(table=st.lists(rows(), min_size=1, max_size=6))
def test_rows_written_and_read_back_are_the_same_rows(suffix: str, table: list[Row]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"rows{suffix}"
        write_rows(table, path)
        back = read_document(path)
    assert back == table
    assert [r.line for r in back] == list(range(2, len(table) + 2))


# -- a printed table, as tab-separated text ------------------------------------------------------

_WORDS = ("laporan", "pegawai", "yang", "tepat", "waktu", "Pemilu", "data", "KPU", "sesuai")
_MEASURES = ("Persentase", "Presentase", "Jumlah", "Nilai", "Indeks")
_OPENERS = ("Terwujudnya", "Meningkatnya", "Tersedianya", "Terlaksananya")


def _phrase(first: tuple[str, ...]) -> st.SearchStrategy[str]:
    rest = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8)
    return st.builds(lambda a, b: " ".join([a, *b]), st.sampled_from(first), rest)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.just("") | _phrase(_OPENERS), _phrase(_MEASURES), target_cells()),
        min_size=1,
        max_size=8,
    )
)
def test_a_printed_table_reads_back_row_by_row(
    table: list[tuple[str, str, tuple[str, object]]],
) -> None:
    lines = ["No\tSasaran Strategis\tIndikator Kinerja\tTarget"]
    expected = []
    sasaran = ""
    for number, (own_sasaran, indicator, (target, value)) in enumerate(table, 1):
        lines.append(f"{number}\t{own_sasaran}\t{indicator}\t{target}")
        sasaran = own_sasaran or sasaran  # an empty cell is "as above"
        expected.append((number + 1, sasaran or None, indicator, target, value))
    got = read_document("\n".join(lines) + "\n")
    assert [(r.line, r.sasaran, r.indicator, r.target_raw, r.target) for r in got] == expected


# -- malformed input ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=400),
    suffix=st.sampled_from((".csv", ".tsv", ".txt", ".xlsx")),
)
def test_garbage_files_give_rows_or_a_document_read_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"garbage{suffix}"
        path.write_bytes(data)
        try:
            result = read_document(path)
        except DocumentReadError as exc:
            assert exc.source == str(path)
            assert str(path) in str(exc)
            assert exc.line is None or exc.line >= 1
        else:
            assert all(isinstance(r, Row) for r in result)


_PIECES = ("\t", "\n", "|", '"', ";", ",", "(1)", "No", "Indikator", "Target", "Sasaran")
_PIECES += ("100%", "12 Lap", "Persentase", "Pihak Pertama", "KPU KOTA AMBON", "TAHUN 2024")
_STRUCTURE = st.sampled_from((*_PIECES, " ", "---"))


@settings(max_examples=100, deadline=None)
@given(st.lists(_STRUCTURE | st.text(max_size=5), max_size=60).map("".join))
def test_any_text_reads_without_an_exception(text: str) -> None:
    rows = read_document(text + "\n")
    assert all(r.indicator for r in rows)


@settings(max_examples=60, deadline=None)
@given(st.lists(_STRUCTURE | st.text(max_size=5), max_size=60).map("".join))
def test_any_csv_gives_rows_or_a_document_read_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "any.csv"
        path.write_text(text, encoding="utf-8")
        try:
            read_document(path)
        except DocumentReadError as exc:
            assert exc.source == str(path)
