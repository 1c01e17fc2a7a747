"""The national roll-up: every satker's targets and capaian in one embedded DuckDB store.

>>> from kinerja_target.rollup import open_store, ingest, build_report  # doctest: +SKIP
>>> with open_store("kinerja.duckdb") as store:                        # doctest: +SKIP
...     print(ingest(store, ["lkj/2023", "lkj/2024"], progress=True))
...     report = build_report(store)
...     report.findings.head()

The pieces, top to bottom:

* :mod:`~.schema` — the tables, a documented contract (``docs/rollup.md``);
* :mod:`~.store` — :func:`open_store`: a DuckDB file, queried into pandas or polars;
* :mod:`~.records` — one document read into rows, typed, with capaian (in a worker);
* :mod:`~.ingest` — :func:`ingest`: walk, hash, read in parallel, one transaction a file;
* :mod:`~.catalog` — national indicator ids, stable across runs;
* :mod:`~.findings` — cross-satker findings: kind and unit outliers, targets far from
  their peers, satker lacking an indicator most of their peers have;
* :mod:`~.report` — :func:`build_report` and :func:`write_report` (xlsx, html, csv,
  parquet).

DuckDB comes with the ``rollup`` extra: ``pip install 'kinerja-target[rollup]'``.
"""

from __future__ import annotations

from .catalog import CatalogUpdate, catalog_of, update_catalog
from .findings import PeerFinding, find_outliers
from .ingest import IngestInterruptedError, IngestResult, discover, ingest
from .report import Report, build_report, write_report
from .store import Store, open_store

__all__ = [
    "CatalogUpdate",
    "IngestInterruptedError",
    "IngestResult",
    "PeerFinding",
    "Report",
    "Store",
    "build_report",
    "catalog_of",
    "discover",
    "find_outliers",
    "ingest",
    "open_store",
    "update_catalog",
    "write_report",
]
