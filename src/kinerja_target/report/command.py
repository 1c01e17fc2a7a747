"""``kinerja-target report``: the LKj chapter III as an XLSX workbook or an HTML page.

Registered in :mod:`kinerja_target.cli` through :func:`add_parser`. Exit status: 0 when
all went well, 1 when some row could not be read or compared (the report is written and
says which), 2 for bad usage or an unreadable input.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import DocumentReadError, DocumentWriteError, SchemaError
from .categories import DEFAULT_SCALE, scale_names

__all__ = ["add_parser"]

_FORMATS = {".xlsx": "xlsx", ".html": "html", ".htm": "html"}


def add_parser(sub: Any) -> Callable[[argparse.Namespace], int]:
    """Declare the ``report`` subcommand on ``sub``; returns its runner."""
    p = sub.add_parser(
        "report",
        help="write the capaian report (LKj chapter III) as XLSX or HTML",
        description="Read RKT/PK/IKU/LKj documents and write the capaian report an LKj "
        "author hands in: per indicator the target, realisation, capaian, category and "
        "status; per sasaran and per unit the aggregate; charts; last year beside this "
        "year (--previous) and progress toward a Renstra (docs/report.md). The format "
        "follows the output's suffix (.xlsx, .html).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="documents: .txt, .csv, .xlsx ...")
    p.add_argument("-o", "--output", required=True, help="laporan.xlsx or laporan.html")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the summary on stdout as JSON (default: a line on stderr)",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--scale",
        choices=scale_names(),
        default=DEFAULT_SCALE,
        help=f"interpretation scale for the category (default {DEFAULT_SCALE})",
    )
    which.add_argument("--bands", metavar="FILE", help="your own bands: CSV label,low,high")
    p.add_argument(
        "--aggregate",
        choices=("mean", "geometric", "weighted"),
        default="mean",
        help="capaian of a sasaran or unit (default mean)",
    )
    p.add_argument("--weights", metavar="FILE", help="for weighted: CSV indikator,bobot")
    p.add_argument(
        "--previous", nargs="+", action="extend", default=[], metavar="FILE", help="last year"
    )
    p.add_argument(
        "--renstra", nargs="+", action="extend", default=[], metavar="FILE", help="a Renstra"
    )
    p.add_argument("--cap", help="cap the capaian: a number (100, 120) or 'none' (default)")
    p.add_argument("--formula", choices=("2t-r", "t/r"), default="2t-r", help="lower-is-better")
    p.add_argument("--judul", metavar="TEXT", help="the report's title")
    return _run


def _weights(path: str) -> dict[str, Decimal | int | str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentReadError(path, f"cannot read the weights: {exc}") from None
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if first.count(";") else ",")
    rows = list(reader)
    if not rows:
        raise SchemaError(f"{path}: no weights")
    header = [c.strip().lower() for c in rows[0]]
    try:
        name = next(i for i, c in enumerate(header) if c in ("indikator", "indicator"))
        weight = next(i for i, c in enumerate(header) if c in ("bobot", "weight"))
    except StopIteration:
        raise SchemaError(f"{path}: the header needs 'indikator' and 'bobot' columns") from None
    return {r[name]: r[weight] for r in rows[1:] if len(r) > max(name, weight) and r[name].strip()}


def _run(args: argparse.Namespace) -> int:
    from .html import percent_text, write_html
    from .model import build_report
    from .xlsx import write_xlsx

    kind = _FORMATS.get(Path(args.output).suffix.lower())
    if kind is None:
        print("kinerja-target report: -o must end in .xlsx or .html", file=sys.stderr)
        return 2
    if args.aggregate == "weighted" and not args.weights:
        print("kinerja-target report: --aggregate weighted needs --weights FILE", file=sys.stderr)
        return 2
    try:
        report = build_report(
            args.files,
            scale=args.scale,
            bands=args.bands,
            method=args.aggregate,
            weights=_weights(args.weights) if args.weights else None,
            previous=args.previous,
            renstra=args.renstra,
            cap=args.cap,
            formula=args.formula,
            title=args.judul,
        )
    except (DocumentReadError, SchemaError) as exc:
        print(f"kinerja-target: {exc}", file=sys.stderr)
        return 2
    try:
        (write_xlsx if kind == "xlsx" else write_html)(report, args.output)
    except DocumentWriteError as exc:
        print(f"kinerja-target: {exc}", file=sys.stderr)
        return 2
    failed = [r for r in report.rows if r.capaian.problem is not None]
    for item in failed:
        print(f"{item.where}: {item.explanation}", file=sys.stderr)
    overall = report.overall.aggregate
    if args.format == "json":
        summary = {
            "output": args.output,
            "indicators": len(report.rows),
            "computed": overall.count,
            "not_computable": overall.skipped,
            "capaian": None if overall.percent is None else format(overall.percent, "f"),
            "method": str(report.method),
            "scale": report.scale.name,
            "problems": [{"where": r.where, "message": r.explanation} for r in failed],
        }
        print(json.dumps(summary, ensure_ascii=False))
    print(
        f"{args.output}: {len(report.rows)} indikator, {overall.count} dihitung, "
        f"{overall.skipped} tidak dapat dihitung; capaian {percent_text(overall.percent)} "
        f"({report.method}, {report.scale.name})",
        file=sys.stderr,
    )
    return 1 if failed else 0
