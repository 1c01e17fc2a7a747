"""``kinerja-target rollup``: ingest documents into a DuckDB store, write the report.

::

    kinerja-target rollup lkj/2023 lkj/2024 --db kinerja.duckdb
    kinerja-target rollup --db kinerja.duckdb --report rekap.xlsx

Exit status: 0 when all went well, 1 when files could not be read (they are stored with
their error and the run goes on) or a worker died, 2 for bad usage, a missing path or a
store that cannot be opened. Findings of the report are counted, not failed on: every
national corpus has outliers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..errors import DocumentReadError, DocumentWriteError, KinerjaTargetError, SchemaError

__all__ = ["add_parser"]


def add_parser(sub: Any) -> Callable[[argparse.Namespace], int]:
    """Declare the ``rollup`` subcommand on ``sub``; returns its runner."""
    p = sub.add_parser(
        "rollup",
        help="ingest every satker's documents into one DuckDB store; cross-satker report",
        description="Ingest the documents under PATH (files, or folders read recursively) "
        "into a DuckDB store, linking the national indicators across satker and years; "
        "unchanged files are skipped. With --report, write the cross-satker report "
        "(docs/rollup.md).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="documents or folders of them")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the store's counts on stdout as JSON",
    )
    p.add_argument(
        "--db", default="kinerja.duckdb", metavar="FILE", help="the store (kinerja.duckdb)"
    )
    p.add_argument(
        "--report",
        metavar="OUT",
        help="write the report: out.xlsx, out.html, out.csv or out.parquet",
    )
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (CPU count)")
    p.add_argument(
        "--commit-rows",
        type=int,
        default=5000,
        metavar="N",
        help="rows per transaction of whole files (1: a transaction per file)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true", default=None, help="progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    return run


def _counts(store: Any) -> dict[str, Any]:
    documents, failed = store.execute("SELECT count(*), count(error) FROM documents")[0]
    rows = store.scalar("SELECT count(*) FROM indicator_rows")
    indicators = store.scalar("SELECT count(*) FROM indicators")
    return {
        "db": str(store.path),
        "documents": documents,
        "unreadable": failed,
        "rows": rows,
        "indicators": indicators,
    }


def _status(store: Any) -> str:
    c = _counts(store)
    return (
        f"{c['db']}: {c['documents']} documents ({c['unreadable']} unreadable), {c['rows']} "
        f"rows, {c['indicators']} national indicators"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``kinerja-target rollup``; returns the exit status."""
    from . import ingest, open_store, write_report
    from .ingest import IngestInterruptedError

    if args.jobs is not None and args.jobs < 1:
        print("kinerja-target rollup: --jobs must be at least 1", file=sys.stderr)
        return 2
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        store = open_store(args.db, read_only=not args.paths and bool(args.report))
    except (DocumentReadError, SchemaError) as exc:
        print(f"kinerja-target: {exc}", file=sys.stderr)
        return 2
    status = 0
    with store:
        if args.paths:
            try:
                result = ingest(
                    store,
                    args.paths,
                    jobs=args.jobs,
                    progress=progress,
                    commit_rows=args.commit_rows,
                )
            except DocumentReadError as exc:  # a path that does not exist
                print(f"kinerja-target: {exc}", file=sys.stderr)
                return 2
            except IngestInterruptedError as exc:
                print(f"kinerja-target: {exc}", file=sys.stderr)
                return 1
            except KeyboardInterrupt:
                # The transaction in flight was rolled back; committed files stay whole.
                print(
                    "kinerja-target: interrupted; the files stored so far are whole, "
                    "run the same command again to resume",
                    file=sys.stderr,
                )
                return 1
            for _path, error in result.failed:
                print(f"kinerja-target: {error}", file=sys.stderr)
            for path, twin in result.duplicates:
                print(f"kinerja-target: {path}: the same content as {twin}", file=sys.stderr)
            print(result, file=sys.stderr)
            status = 1 if result.failed else 0
        if args.report:
            try:
                written = write_report(store, args.report)
            except DocumentWriteError as exc:
                print(f"kinerja-target: {exc}", file=sys.stderr)
                return 2
            except KinerjaTargetError as exc:
                print(f"kinerja-target: {exc}", file=sys.stderr)
                return 1
            for file in written:
                print(file)
            # The findings the report was written from, staged by write_report.
            counts = Counter(code for (code,) in store.execute("SELECT code FROM peer_findings"))
            shown = ", ".join(f"{n} {code}" for code, n in sorted(counts.items()))
            print(f"findings: {shown or 'none'}", file=sys.stderr)
        if args.format == "json":
            print(json.dumps(_counts(store), ensure_ascii=False))
        elif not args.paths and not args.report:
            print(_status(store))
    return status
