"""The unseen corpus: documents written the way KPU documents come out of PDF, Word and
Excel, that the reader was not built on, each with the rows it should give.

``<name>.expected.tsv`` beside each document lists those rows, one a line, tab-separated,
no quoting: ``line`` (where the indicator begins), ``satker``, ``unit``, ``year``,
``doc_type``, ``sasaran``, ``indicator``, ``target`` (the target cell as written),
``satuan`` (the Satuan column, where there is one), ``realisasi``, ``capaian``, and
``value``: ``str(row.target)``, the canonical form of the target the reader gives. An
empty field is an empty or absent value.

Used by ``tests/test_tables_unseen.py`` and ``benchmarks/read_unseen.py``.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
COLUMNS = (
    "line",
    "satker",
    "unit",
    "year",
    "doc_type",
    "sasaran",
    "indicator",
    "target",
    "satuan",
    "realisasi",
    "capaian",
    "value",
)
Key = tuple[str, ...]


def _xlsx_builders() -> dict[str, Callable[[Path], None]]:
    spec = importlib.util.spec_from_file_location("unseen_make_xlsx", HERE / "make_xlsx.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {module.NAME: module.build}


def documents() -> list[str]:
    """The names of the documents (files, and workbooks built by ``make_xlsx.py``)."""
    return sorted(p.name.removesuffix(".expected.tsv") for p in HERE.glob("*.expected.tsv"))


def path_of(name: str, folder: Path) -> Path:
    """The document's file: the one beside this module, or a workbook built in ``folder``."""
    for path in HERE.iterdir():
        if path.stem == name and path.suffix in (".txt", ".csv", ".tsv", ".md"):
            return path
    for file_name, build in _xlsx_builders().items():
        if Path(file_name).stem == name:
            built = folder / file_name
            if not built.exists():
                build(built)
            return built
    raise FileNotFoundError(name)


def expected(name: str) -> list[Key]:
    with (HERE / f"{name}.expected.tsv").open(encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert tuple(next(reader)) == COLUMNS
        return [tuple(record) for record in reader]


def key(row: Any) -> Key:
    """A row as the fields of an expected-rows file."""
    values = (
        row.line,
        row.satker,
        row.unit,
        row.year,
        row.doc_type,
        row.sasaran,
        row.indicator,
        row.target_raw,
        getattr(row, "satuan", None),
        row.realisasi_raw,
        row.capaian_raw,
        row.target,
    )
    return tuple("" if v is None else str(v) for v in values)


class Score(NamedTuple):
    want: int
    found: int
    missed: list[Key]
    extra: list[Key]


def score(rows: Sequence[Any], want: Sequence[Key]) -> Score:
    got, wanted = Counter(key(r) for r in rows), Counter(want)
    missed, extra = wanted - got, got - wanted
    return Score(
        len(want),
        sum((got & wanted).values()),
        sorted(missed.elements(), key=_order),
        sorted(extra.elements(), key=_order),
    )


def _order(k: Key) -> tuple[int, Key]:
    return (int(k[0]) if k[0].isdigit() else 0, k)
