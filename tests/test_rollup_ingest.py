"""Ingest semantics: every row kept, by content, whole files or nothing, errors recorded."""

from __future__ import annotations

import importlib
import os
import shutil
import signal
from collections.abc import Sequence
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("duckdb")

from kinerja_target import DocumentReadError, read_document
from kinerja_target.rollup import (
    IngestInterruptedError,
    Store,
    discover,
    ingest,
    open_store,
)
from kinerja_target.rollup.schema import DOCUMENT_COLUMNS, ROW_COLUMNS
from rollup_corpus import generate

# ``kinerja_target.rollup.ingest`` is the function; the module is looked up by name.
ingest_module = importlib.import_module("kinerja_target.rollup.ingest")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "lkj"
    generate(folder, satker=12, years=(2023, 2024), outliers=0)
    return folder


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with open_store(tmp_path / "kinerja.duckdb") as opened:
        yield opened


def _stored(store: Store) -> dict[tuple[str, int | None], tuple[Any, ...]]:
    found = store.execute(
        "SELECT d.path, r.line, r.indicator, r.target_raw, r.realisasi_raw, r.satker, r.year "
        "FROM indicator_rows r JOIN documents d USING (document_id)"
    )
    keyed = {(p, line): rest for p, line, *rest in found}
    assert len(keyed) == len(found), "a row is stored twice"
    return {k: tuple(v) for k, v in keyed.items()}


def _read(files: Sequence[Path]) -> dict[tuple[str, int | None], tuple[Any, ...]]:
    out = {}
    for path in files:
        for row in read_document(path):
            out[(str(path), row.line)] = (
                row.indicator,
                row.target_raw,
                row.realisasi_raw,
                row.satker,
                row.year,
            )
    return out


def test_the_schema_is_the_documented_contract(store: Store) -> None:
    for table, columns in (("documents", DOCUMENT_COLUMNS), ("indicator_rows", ROW_COLUMNS)):
        found = dict(
            store.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ?",
                [table],
            )
        )
        assert list(found) == [c for c, _ in columns]
    types = dict(
        store.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'indicator_rows'"
        )
    )
    assert types["capaian"] == types["target_value"] == "DECIMAL(38,10)"
    indicators = store.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'indicators'"
    )
    assert [c for (c,) in indicators][:4] == ["indicator_id", "label", "satker_count", "mentions"]


def test_every_row_is_kept_as_read(corpus: Path, store: Store) -> None:
    result = ingest(store, [corpus], jobs=2)
    files = discover([corpus])
    assert result.added == len(files) == 24
    assert _stored(store) == _read(files)
    assert result.rows == store.scalar("SELECT count(*) FROM indicator_rows")
    assert store.scalar("SELECT count(*) FROM indicator_rows WHERE indicator_id IS NULL") == 0


def test_values_are_exact_decimals(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "lkj_kota_ambon_2023.txt"
    path.write_text(
        "LAPORAN KINERJA KPU KOTA AMBON TAHUN 2023\n\n"
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\n"
        "1\tMeningkatnya X\tPersentase partisipasi pemilih\t95%\t85%\t89,47%\n"
        "\t\tJumlah laporan keuangan\t12 Lap\t11 Lap\t91,67%\n"
        "\t\tNilai SAKIP\tBB\t\t\n",
        encoding="utf-8",
    )
    ingest(store, [path], jobs=1)
    found = store.execute(
        "SELECT target_kind, target_value, target_unit, realisasi_value, capaian, status "
        "FROM indicator_rows ORDER BY row_no"
    )
    assert found == [
        ("percent", D("95"), "percent", D("85"), D("89.4736842105"), "Tidak tercapai"),
        ("quantity", D("12"), "laporan", D("11"), D("91.6666666667"), "Tidak tercapai"),
        ("grade", None, "sakip", None, None, None),
    ]


def test_a_second_ingest_adds_nothing(corpus: Path, store: Store) -> None:
    ingest(store, [corpus], jobs=2)
    before = store.execute("SELECT * FROM documents ORDER BY document_id")
    rows = _stored(store)
    again = ingest(store, [corpus], jobs=2)
    assert (again.added, again.replaced, again.rows) == (0, 0, 0)
    assert again.unchanged == len(before)
    assert store.execute("SELECT * FROM documents ORDER BY document_id") == before
    assert _stored(store) == rows


def test_a_changed_file_replaces_its_rows(corpus: Path, store: Store) -> None:
    ingest(store, [corpus], jobs=1)
    path = next(p for p in discover([corpus]) if p.suffix == ".txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("1\t"))
    cells = lines[first].split("\t")
    cells[3] = "77%"
    lines[first] = "\t".join(cells)
    del lines[first + 1]  # and one row less
    path.write_text("\n".join(lines), encoding="utf-8")
    result = ingest(store, [corpus], jobs=1)
    assert (result.added, result.replaced) == (0, 1)
    assert _stored(store) == _read(discover([corpus]))


def test_an_unreadable_file_is_recorded_and_the_run_goes_on(corpus: Path, store: Store) -> None:
    bad = corpus / "2023" / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    result = ingest(store, [corpus], jobs=2)
    assert [p for p, _ in result.failed] == [str(bad.resolve())]
    error, rows = store.execute(
        "SELECT error, rows FROM documents WHERE path = ?", [str(bad.resolve())]
    )[0]
    assert "rusak.xlsx" in error
    assert rows == 0
    assert result.added == 25
    assert ingest(store, [corpus]).added == 0  # recorded: not read again


def test_a_copy_is_not_stored_twice_and_a_move_is_followed(corpus: Path, store: Store) -> None:
    ingest(store, [corpus], jobs=1)
    rows = store.scalar("SELECT count(*) FROM indicator_rows")
    original = next(p for p in discover([corpus]) if p.suffix == ".csv")
    copy = corpus / "salinan.csv"
    shutil.copyfile(original, copy)
    result = ingest(store, [corpus], jobs=1)
    assert result.duplicates == ((str(copy.resolve()), str(original)),)
    assert store.scalar("SELECT count(*) FROM indicator_rows") == rows
    copy.unlink()
    moved = corpus / "dipindah.csv"
    original.rename(moved)
    result = ingest(store, [corpus], jobs=1)
    assert (result.moved, result.added) == (1, 0)
    assert store.scalar("SELECT count(*) FROM documents WHERE path = ?", [str(moved.resolve())])
    assert store.scalar("SELECT count(*) FROM indicator_rows") == rows


def test_a_missing_path_is_an_error_before_anything_is_written(store: Store) -> None:
    with pytest.raises(DocumentReadError, match="no such file or folder"):
        ingest(store, ["/no/such/folder"])
    assert store.scalar("SELECT count(*) FROM documents") == 0


def test_an_error_while_writing_leaves_the_store_as_before_that_file(
    corpus: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    original = ingest_module.insert

    def failing(connection: Any, table: str, columns: Any, records: Any) -> None:
        if table == "indicator_rows":
            calls.append(len(records))
            if len(calls) == 3:  # the third file: its rows half written, then a failure
                original(connection, table, columns, records[: len(records) // 2])
                raise OSError("disk full")
        original(connection, table, columns, records)

    monkeypatch.setattr(ingest_module, "insert", failing)
    with pytest.raises(OSError, match="disk full"):
        ingest(store, [corpus], jobs=1, commit_rows=1)
    documents = store.execute("SELECT path, rows FROM documents ORDER BY document_id")
    assert len(documents) == 2
    for path, rows in documents:
        assert (
            store.scalar(
                "SELECT count(*) FROM indicator_rows r JOIN documents d USING (document_id) "
                "WHERE d.path = ?",
                [path],
            )
            == rows
            == len(read_document(Path(path)))
        )
    monkeypatch.setattr(ingest_module, "insert", original)
    resumed = ingest(store, [corpus], jobs=1)
    assert (resumed.added, resumed.unchanged) == (22, 2)
    assert _stored(store) == _read(discover([corpus]))


def dying_reader(path: Path, *, source: str) -> list[Any]:
    """A reader whose worker is killed on one file (spawned workers import this)."""
    if "2024" in path.name and "csv" in path.suffix:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_document(path, source=source)


def test_a_killed_worker_leaves_only_whole_files(corpus: Path, store: Store) -> None:
    with pytest.raises(IngestInterruptedError) as caught:
        ingest(store, [corpus], jobs=2, reader=dying_reader, commit_rows=1)
    # The error names a file in flight when the worker died: the killed one, or, when the
    # pool breaks while the other worker holds a file, that one (which of the two depends
    # on the machine's scheduling).
    assert Path(caught.value.path) in set(discover([corpus]))
    committed = store.execute("SELECT path, rows FROM documents")
    assert len(committed) == caught.value.written
    for path, rows in committed:
        assert rows == len(read_document(Path(path)))
    assert store.scalar("SELECT count(*) FROM indicator_rows") == sum(r for _, r in committed)
    resumed = ingest(store, [corpus], jobs=2)
    assert resumed.added == 24 - len(committed)
    assert _stored(store) == _read(discover([corpus]))


def test_a_store_that_is_not_duckdb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "not.duckdb"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="not a usable DuckDB store"):
        open_store(path)


def test_discover_walks_folders_for_documents_only(tmp_path: Path) -> None:
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    for name in ("a/x.txt", "a/y.XLSX", "a/z.png", "a/.hidden/w.csv", "a/~$lock.xlsx", "b.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = discover([tmp_path / "a", tmp_path / "b.pdf", tmp_path / "a" / "x.txt"])
    assert sorted(p.name for p in found) == ["b.pdf", "x.txt", "y.XLSX"]
