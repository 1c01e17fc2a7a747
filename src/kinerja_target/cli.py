"""The ``kinerja-target`` command line.

Each subcommand is a pair of functions: ``_add_NAME`` declares its arguments and
``_run_NAME`` does the work and returns the exit status. ``main`` wires them together.
Exit status: 0 when all went well, 1 when the input had problems the command reports
(an unreadable target, a finding of severity ``error``), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import DocumentReadError, KinerjaTargetError, TargetParseError
from .parse import parse_target
from .rollup.command import add_parser as _add_rollup

__all__ = ["main"]

Runner = Callable[[argparse.Namespace], int]


def _lines(values: Sequence[str], stdin: TextIO) -> Iterable[str]:
    for value in values:
        if value == "-":
            yield from (line.rstrip("\r\n") for line in stdin)
        else:
            yield value


# -- parse ---------------------------------------------------------------------------------------


def _add_parse(sub: Any) -> Runner:
    p = sub.add_parser(
        "parse",
        help="read target cells into typed values",
        description="Read target cells ('97,5%%', '12 Lap', '6 kec. 29 kel') into typed values. "
        "Give '-' to read one value per line from standard input.",
    )
    p.add_argument("values", nargs="+", metavar="VALUE", help="target text, or - for stdin")
    p.add_argument("--indicator", help="the indicator's wording, to type bare numbers")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    return _run_parse


def _run_parse(args: argparse.Namespace) -> int:
    status = 0
    for text in _lines(args.values, sys.stdin):
        try:
            value = parse_target(text, indicator=args.indicator)
        except TargetParseError as exc:
            status = 1
            if args.json:
                error = {"raw": text, "error": exc.reason, "position": exc.position}
                print(json.dumps(error, ensure_ascii=False))
            else:
                print(f"{text!r}\terror: {exc.reason} (at {exc.position})")
            continue
        if args.json:
            print(json.dumps(value.to_dict(), ensure_ascii=False))
        else:
            warnings = f"\t[{', '.join(value.warnings)}]" if value.warnings else ""
            scale = getattr(value, "scale", None)
            kind = f"{value.kind} ({scale})" if scale else value.kind
            print(f"{text!r}\t{kind}\t{value}{warnings}")
    return status


# -- capaian -------------------------------------------------------------------------------------


def _add_capaian(sub: Any) -> Runner:
    p = sub.add_parser(
        "capaian",
        help="compute the capaian of every row of a LAKIP table (CSV or XLSX)",
        description="Read a CSV or XLSX table of indicators, targets and realisations and "
        "write it back with Capaian, Status and Keterangan columns (docs/capaian.md).",
    )
    p.add_argument("file", metavar="FILE", help="a .csv or .xlsx table")
    p.add_argument("-o", "--output", help="where to write (default FILE.capaian.EXT; - for CSV)")
    p.add_argument("--json", action="store_true", help="one JSON object per row on stdout")
    p.add_argument("--cap", help="cap the capaian: a number (100, 120) or 'none' (default)")
    p.add_argument("--polarity", choices=("max", "min", "stable"), help="default polarity")
    p.add_argument("--formula", choices=("2t-r", "t/r"), default="2t-r", help="lower-is-better")
    p.add_argument("--indikator", metavar="COL", help="the indicator column's header")
    p.add_argument("--target", metavar="COL", help="the target column's header")
    p.add_argument("--realisasi", metavar="COL", help="the realisation column's header")
    p.add_argument("--polaritas", metavar="COL", help="the polarity column's header")
    p.add_argument("--sheet", help="the XLSX sheet (default: the one with the table)")
    return _run_capaian


def _run_capaian(args: argparse.Namespace) -> int:
    from pathlib import Path

    # Imported here: only this command needs tables (and openpyxl).
    from .lakip import compute_table, write_table

    report = compute_table(
        args.file,
        indicator=args.indikator,
        target=args.target,
        realisasi=args.realisasi,
        polarity_column=args.polaritas,
        polarity=args.polarity,
        cap=args.cap,
        formula=args.formula,
        sheet=args.sheet,
    )
    if args.json:
        for row in report.rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
    source = Path(args.file)
    output = args.output
    if output is None and not args.json:
        output = str(source.with_name(f"{source.stem}.capaian{source.suffix}"))
    if output == "-":
        write_table(report, sys.stdout)
    elif output is not None:
        write_table(report, output)
        if not args.json:
            print(output)
    for problem in report.problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    print(f"{args.file}: {report.summary}", file=sys.stderr)
    return 1 if report.problems else 0


# -- read and check -------------------------------------------------------------------------------

_FORMATS = ("table", "csv", "json")


def _add_documents(p: Any) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="RKT/PK/IKU/LKj: .txt, .csv, .xlsx")
    p.add_argument("--format", choices=_FORMATS, default="table", help="output (default table)")
    p.add_argument("--progress", action="store_true", help="show a progress bar on stderr")


def _add_read(sub: Any) -> Runner:
    p = sub.add_parser(
        "read",
        help="read the indicator rows of RKT, PK, IKU and LKj documents",
        description="Read the rows of every performance table in the documents (text "
        "exported from PDF or Word, CSV, XLSX): unit, sasaran, indicator, target "
        "(docs/tables.md). JSON is one object per line.",
    )
    _add_documents(p)
    return _run_read


def _add_check(sub: Any) -> Runner:
    p = sub.add_parser(
        "check",
        help="check the data quality of RKT, PK, IKU and LKj documents",
        description="Read the documents and report what is wrong with their rows: cut-off "
        "cells, targets of the wrong kind, contradictions, duplicates, inconsistent "
        "targets (docs/checks.md). Exits 1 when a finding is an error.",
    )
    _add_documents(p)
    p.add_argument("--select", metavar="CODES", help="only these checks (comma-separated)")
    p.add_argument("--ignore", metavar="CODES", help="leave these checks out (comma-separated)")
    p.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a finding is an error (report without gating)",
    )
    return _run_check


def _read_all(args: argparse.Namespace) -> tuple[list[Any], int]:
    """The rows of every file; unreadable files are reported on stderr (status 1)."""
    from tqdm import tqdm

    from .tables import read_document

    show = args.progress or (len(args.files) > 3 and sys.stderr.isatty())
    rows: list[Any] = []
    status = 0
    for name in tqdm(args.files, disable=not show, file=sys.stderr, unit="file"):
        try:
            rows.extend(read_document(Path(name), source=name))
        except DocumentReadError as exc:
            print(f"kinerja-target: {exc}", file=sys.stderr)
            status = 1
    return rows, status


def _emit(args: argparse.Namespace, header: Sequence[str], records: list[list[str]]) -> None:
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(records)
        return
    if not records:
        return
    widths = [min(60, max([len(h), *(len(r[i]) for r in records)])) for i, h in enumerate(header)]
    for record in [list(header), *records]:
        cells = [
            c if i == len(record) - 1 else _fit(c, widths[i]).ljust(widths[i])
            for i, c in enumerate(record)
        ]
        print("  ".join(cells).rstrip())


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# The columns each output shows, by --format (JSON shows every field).
_READ_COLUMNS = {
    "table": ("where", "unit", "indicator", "target_raw", "kind", "doubts"),
    "csv": (
        "source",
        "line",
        "satker",
        "unit",
        "year",
        "doc_type",
        "sasaran",
        "indicator",
        "target_raw",
        "satuan",
        "target",
        "kind",
        "realisasi_raw",
        "capaian_raw",
        "doubts",
    ),
}
_CHECK_COLUMNS = {
    "table": ("where", "severity", "code", "message"),
    "csv": ("source", "line", "severity", "code", "message", "unit", "indicator", "target_raw"),
}


def _records(items: Iterable[dict[str, Any]], columns: Sequence[str]) -> list[list[str]]:
    return [["" if item[c] is None else str(item[c]) for c in columns] for item in items]


def _run_read(args: argparse.Namespace) -> int:
    rows, status = _read_all(args)
    if args.format == "json":
        for row in rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
        return status
    fields = []
    for row in rows:
        item = row.to_dict()
        item["where"] = row.where
        item["target"] = str(row.target) if row.target is not None else ""
        item["kind"] = row.target.kind if row.target is not None else "unreadable"
        item["doubts"] = ",".join(row.doubts)
        fields.append(item)
    columns = _READ_COLUMNS[args.format]
    _emit(args, columns, _records(fields, columns))
    return status


def _codes(text: str | None) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def _run_check(args: argparse.Namespace) -> int:
    from .checks import check

    rows, status = _read_all(args)
    findings = check(rows, select=_codes(args.select), ignore=_codes(args.ignore) or ())
    if args.format == "json":
        for finding in findings:
            print(json.dumps(finding.to_dict(), ensure_ascii=False))
    else:
        fields = [{**f.to_dict(), "where": f.where} for f in findings]
        columns = _CHECK_COLUMNS[args.format]
        _emit(args, columns, _records(fields, columns))
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] > 1 else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    print(
        f"{len(rows)} rows in {len(args.files)} file(s): {summary or 'no findings'}",
        file=sys.stderr,
    )
    if args.exit_zero:
        return status
    return 1 if counts["error"] or status else 0


# -- link ----------------------------------------------------------------------------------------


def _add_link(sub: Any) -> Runner:
    p = sub.add_parser(
        "link",
        help="link the same indicator across satker",
        description="Read the documents and cluster the indicators that measure the same "
        "thing across satker; indicators a decisive word apart stay apart "
        "(docs/linking.md). Table and JSON show one cluster per line, CSV one mention.",
    )
    _add_documents(p)
    p.add_argument("--explain", action="store_true", help="also print every link and near miss")
    return _run_link


def _plain_mentions(name: str) -> list[Any] | None:
    """The mentions of a CSV with ``satker`` and ``indicator`` columns and no target."""
    from .matching import Mention

    path = Path(name)
    if path.suffix.lower() != ".csv" or not path.is_file():
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {c.strip().lower(): c for c in reader.fieldnames or ()}
        if "target" in columns or not {"satker", "indicator"} <= columns.keys():
            return None
        return [
            Mention(satker=r[columns["satker"]], text=r[columns["indicator"]], id=f"{name}:{n}")
            for n, r in enumerate(reader, start=2)
            if r[columns["indicator"]]
        ]


def _run_link(args: argparse.Namespace) -> int:
    from .matching import Mention, link_indicators

    mentions: list[Mention] = []
    documents = []
    for name in args.files:
        plain = _plain_mentions(name)
        mentions.extend(plain or [])
        if plain is None:
            documents.append(name)
    rows, status = _read_all(argparse.Namespace(**{**vars(args), "files": documents}))
    mentions += [
        Mention(satker=r.satker or r.source, text=r.indicator, id=r.where, target=r.target_raw)
        for r in rows
    ]
    result = link_indicators(mentions)
    if args.format == "json":
        for c in result.clusters:
            members = [
                {"where": m.id, "satker": m.satker, "indicator": m.text, "target": m.target}
                for m in (result.mentions[i] for i in c.members)
            ]
            record = {"cluster": c.id, "canonical": c.canonical, "confidence": c.confidence}
            print(
                json.dumps({**record, "satkers": c.satkers, "members": members}, ensure_ascii=False)
            )
    elif args.format == "csv":
        header = ("cluster", "confidence", "where", "satker", "indicator", "target", "canonical")
        _emit(
            args,
            header,
            [
                [
                    str(c.id),
                    str(c.confidence),
                    m.id or "",
                    m.satker,
                    m.text,
                    m.target or "",
                    c.canonical,
                ]
                for c in result.clusters
                for m in (result.mentions[i] for i in c.members)
            ],
        )
    else:
        records = [
            [
                str(c.id),
                str(len(c.members)),
                str(len(c.satkers)),
                f"{c.confidence:.2f}",
                c.canonical,
            ]
            for c in result.clusters
        ]
        _emit(args, ("cluster", "mentions", "satker", "confidence", "indicator"), records)
    if args.explain:
        for link in (*result.links, *result.near_misses):
            print(f"{link.left}\n  ~ {link.right}\n  {link.explain()}")
    print(
        f"{len(mentions)} mentions in {len(args.files)} file(s): {len(result.clusters)} "
        f"clusters, {len(result.links)} links, {len(result.near_misses)} near misses",
        file=sys.stderr,
    )
    return status


# -- main ----------------------------------------------------------------------------------------

_COMMANDS: tuple[Callable[[Any], Runner], ...] = (
    _add_parse,
    _add_capaian,
    _add_read,
    _add_check,
    _add_link,
    _add_rollup,
)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Runner]]:
    parser = argparse.ArgumentParser(
        prog="kinerja-target",
        description="Read, compare, link and check KPU performance targets (RKT, PK, LKj).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    runners: dict[str, Runner] = {}
    for add in _COMMANDS:
        before = set(sub.choices)
        runner = add(sub)
        for name in set(sub.choices) - before:
            runners[name] = runner
    return parser, runners


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser, runners = _parser()
    args = parser.parse_args(argv)
    try:
        return runners[args.command](args)
    except KinerjaTargetError as exc:
        print(f"kinerja-target: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # "| head" closed the pipe: not an error of ours
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
