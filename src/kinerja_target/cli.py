"""The ``kinerja-target`` command line.

Each subcommand is a pair of functions: ``_add_NAME`` declares its arguments and
``_run_NAME`` does the work and returns the exit status. ``main`` wires them together.
Exit status: 0 when all went well, 1 when the input had problems the command reports
(an unreadable target, a finding of severity ``error``), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from .errors import DocumentReadError, KinerjaTargetError, TargetParseError
from .parse import parse_target
from .report.command import add_parser as _add_report
from .rollup.command import add_parser as _add_rollup

if TYPE_CHECKING:
    from .documents import Reading

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
        description="Read target cells ('97,5%', '12 Lap', '6 kec. 29 kel') into typed values. "
        "Give '-' to read one value per line from standard input.",
    )
    p.add_argument("values", nargs="+", metavar="VALUE", help="target text, or - for stdin")
    p.add_argument("--indicator", help="the indicator's wording, to type bare numbers")
    p.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output (default table)"
    )
    p.add_argument("--json", action="store_true", help="the same as --format json")
    return _run_parse


def _run_parse(args: argparse.Namespace) -> int:
    status = 0
    shown = "json" if args.json else args.format
    writer = csv.writer(sys.stdout) if shown == "csv" else None
    if writer is not None:
        writer.writerow(["raw", "kind", "value", "unit", "warnings", "error"])
    if "-" in args.values and sys.stdin is None:
        print("kinerja-target: cannot read standard input: it is closed", file=sys.stderr)
        return 2
    try:
        texts = list(_lines(args.values, sys.stdin))
    except (OSError, ValueError) as exc:  # standard input unreadable
        print(f"kinerja-target: cannot read standard input: {exc}", file=sys.stderr)
        return 2
    for text in texts:
        try:
            value = parse_target(text, indicator=args.indicator)
        except TargetParseError as exc:
            status = 1
            if shown == "json":
                error = {"raw": text, "error": exc.reason, "position": exc.position}
                print(json.dumps(error, ensure_ascii=False))
            elif writer is not None:
                writer.writerow([text, "", "", "", "", f"{exc.reason} (at {exc.position})"])
            else:
                print(f"{text!r}\terror: {exc.reason} (at {exc.position})")
            continue
        if shown == "json":
            print(json.dumps(value.to_dict(), ensure_ascii=False))
        elif writer is not None:
            data = value.to_dict()
            shown_value = data.get("value", "")
            writer.writerow(
                [text, value.kind, shown_value, data.get("unit", ""), " ".join(value.warnings), ""]
            )
        else:
            warnings = f"\t[{', '.join(value.warnings)}]" if value.warnings else ""
            scale = getattr(value, "scale", None)
            kind = f"{value.kind} ({scale})" if scale else value.kind
            print(f"{text!r}\t{kind}\t{value}{warnings}")
    return status


# -- inputs --------------------------------------------------------------------------------------

# The files a folder holds that a container reads; others (images, notes) are passed over.
_DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".csv", ".tsv", ".tab", ".xlsx", ".xlsm", ".html", ".htm"}
    | {".xhtml", ".docx", ".pdf", ".xls"}
)


def _inputs(names: Sequence[str]) -> list[str]:
    """The files named: a folder stands for the documents under it (recursively, in
    order), a pattern (``*.xlsx``, for shells that do not expand it) for its matches."""
    import glob

    found: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            inside = [
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in _DOCUMENT_SUFFIXES
                and not p.name.startswith((".", "~$"))
            ]
            found.extend(inside or [name])  # none: reported as a folder without documents
        elif not path.exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            found.extend(matches or [name])  # no match: reported as a missing file
        else:
            found.append(name)
    return found


# -- capaian -------------------------------------------------------------------------------------


def _add_capaian(sub: Any) -> Runner:
    p = sub.add_parser(
        "capaian",
        help="compute the capaian of every indicator row of an LKj document",
        description="Read a document's indicator rows (CSV, XLSX, text, HTML, Word or PDF) "
        "and write it back with Capaian, Status and Keterangan columns (docs/capaian.md). "
        "A CSV or workbook is written back as it was, with three more columns; any other "
        "document as a new CSV or XLSX table of its rows. Exits 1 when a row cannot be "
        "computed.",
    )
    p.add_argument("file", metavar="FILE", help="the document")
    p.add_argument(
        "-o",
        "--output",
        help="where to write: .csv or .xlsx (default FILE.capaian.EXT; .csv for a document "
        "that is not a table file); - for CSV on stdout",
    )
    p.add_argument(
        "--in-place", action="store_true", help="allow -o to be FILE (keeps FILE as .bak)"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per row on stdout")
    p.add_argument("--format", choices=("table", "csv", "json"), help="print the rows too")
    p.add_argument("--cap", help="cap the capaian: a number (100, 120) or 'none' (default)")
    p.add_argument("--polarity", choices=("max", "min", "stable"), help="default polarity")
    p.add_argument("--formula", choices=("2t-r", "t/r"), default="2t-r", help="lower-is-better")
    p.add_argument("--indikator", metavar="COL", help="the indicator column's header")
    p.add_argument("--target", metavar="COL", help="the target column's header")
    p.add_argument("--realisasi", metavar="COL", help="the realisation column's header")
    p.add_argument("--polaritas", metavar="COL", help="the polarity column's header")
    p.add_argument("--sheet", help="the XLSX sheet (default: every sheet with a table)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return _run_capaian


def _default_output(source: Path, container: str) -> Path:
    suffix = source.suffix.lower()
    if container == "workbook" and suffix in (".xlsx", ".xlsm"):
        return source.with_name(f"{source.stem}.capaian{source.suffix}")
    if container == "delimited":
        return source.with_name(f"{source.stem}.capaian{source.suffix or '.csv'}")
    return source.with_name(f"{source.stem}.capaian.csv")


def _run_capaian(args: argparse.Namespace) -> int:
    # Imported here: only this command needs the capaian tables.
    from .capaian import compute_table, write_table

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
    shown = "json" if args.json else args.format
    if shown == "json":
        for row in report.rows:
            print(json.dumps(row.to_dict(), ensure_ascii=False))
    elif shown in ("table", "csv"):
        header = ("row", "indicator", "target", "realisasi", "capaian", "status")
        records = [
            [str(r.row), r.indicator, r.target_text, r.realisasi_text, r.capaian, r.status]
            for r in report.rows
        ]
        _emit(argparse.Namespace(format=shown), header, records)
    output = args.output
    if output is None and shown is None:
        output = str(_default_output(Path(args.file), report.format))
    if output == "-":
        write_table(report, sys.stdout)
    elif output is not None:
        write_table(report, output, in_place=args.in_place)
        if shown is None:
            print(output)
    if not args.quiet:
        for note in report.notes:
            print(f"{args.file}: {note}", file=sys.stderr)
        for problem in report.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        print(f"{args.file}: {report.summary}", file=sys.stderr)
    summary = report.summary
    return 1 if summary.errors or summary.not_computable else 0


# -- read and check -------------------------------------------------------------------------------

_FORMATS = ("table", "csv", "json")


def _add_documents(p: Any) -> None:
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="documents (.txt, .csv, .xlsx, .html, .docx, .pdf), folders or patterns",
    )
    p.add_argument("--format", choices=_FORMATS, default="table", help="output (default table)")
    p.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    p.add_argument("-q", "--quiet", action="store_true", help="no notes or summary on stderr")


def _add_read(sub: Any) -> Runner:
    p = sub.add_parser(
        "read",
        help="read the indicator rows of RKT, PK, IKU, Renstra and LKj documents",
        description="Read the rows of every performance table in the documents (text "
        "exported from PDF or Word, CSV, XLSX, HTML, Word, PDF): unit, sasaran, indicator, "
        "target (docs/tables.md). Each document's rows are printed as soon as it is read; "
        "JSON is one object per line.",
    )
    _add_documents(p)
    return _run_read


def _add_check(sub: Any) -> Runner:
    p = sub.add_parser(
        "check",
        help="check the data quality of RKT, PK, IKU, Renstra and LKj documents",
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


@attrs.define
class _Tally:
    """What a run over many documents read, for its closing line and its exit status."""

    files: int = 0
    rows: int = 0
    doubted: int = 0
    unreadable: int = 0

    def line(self) -> str:
        unread = f", {self.unreadable} unreadable" if self.unreadable else ""
        return f"{self.rows} rows read ({self.doubted} doubted) in {self.files} file(s){unread}"


def _readings(args: argparse.Namespace, tally: _Tally) -> Iterator[Reading]:
    """Each document's reading, as soon as it is read; an unreadable one is reported on
    stderr and counted, and the others are still read."""
    from tqdm import tqdm

    from .documents import read_file

    files = _inputs(args.files)
    show = args.progress or (len(files) > 3 and sys.stderr.isatty())
    for name in tqdm(files, disable=not show, file=sys.stderr, unit="file"):
        tally.files += 1
        if Path(name).is_dir():
            print(f"kinerja-target: no documents in the folder {name}", file=sys.stderr)
            tally.unreadable += 1
            continue
        try:
            reading = read_file(Path(name), source=name)
        except DocumentReadError as exc:
            print(f"kinerja-target: {exc}", file=sys.stderr)
            tally.unreadable += 1
            continue
        tally.rows += len(reading.rows)
        tally.doubted += reading.doubted
        if not args.quiet:
            for note in reading.notes:
                print(f"{name}: {note}", file=sys.stderr)
        yield reading


def _emit(
    args: argparse.Namespace,
    header: Sequence[str],
    records: list[list[str]],
    *,
    show_header: bool = True,
) -> None:
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        if show_header:
            writer.writerow(header)
        writer.writerows(records)
        return
    if not records:
        return
    # ``where`` is never cut: a line number lost at the end of a long path helps nobody.
    widths = [
        max([len(h), *(len(r[i]) for r in records)])
        if h == "where"
        else min(60, max([len(h), *(len(r[i]) for r in records)]))
        for i, h in enumerate(header)
    ]
    for record in [list(header), *records] if show_header else records:
        cells = [
            c if i == len(record) - 1 else _fit(c, widths[i]).ljust(widths[i])
            for i, c in enumerate(record)
        ]
        print("  ".join(cells).rstrip())


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# The columns each output shows, by --format (JSON shows every field).
_READ_COLUMNS = {
    "table": ("where", "unit", "when", "indicator", "target_raw", "kind", "doubts"),
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
        "level",
        "period",
        "budget_raw",
        "polarity_raw",
    ),
}
_CHECK_COLUMNS = {
    "table": ("where", "severity", "code", "message"),
    "csv": ("source", "line", "severity", "code", "message", "unit", "indicator", "target_raw"),
}


def _records(items: Iterable[dict[str, Any]], columns: Sequence[str]) -> list[list[str]]:
    return [["" if item[c] is None else str(item[c]) for c in columns] for item in items]


def _run_read(args: argparse.Namespace) -> int:
    tally = _Tally()
    columns = _READ_COLUMNS.get(args.format, ())
    shown = False
    for reading in _readings(args, tally):
        if args.format == "json":
            for row in reading.rows:
                print(json.dumps(row.to_dict(), ensure_ascii=False))
            sys.stdout.flush()
            continue
        fields = []
        for row in reading.rows:
            item = row.to_dict()
            item["where"] = row.where
            # a Renstra row's period ("Tahun-3", "akhir") says more than the document's year
            item["when"] = row.period or (str(row.year) if row.year else "")
            item["target"] = str(row.target) if row.target is not None else ""
            item["kind"] = row.target.kind if row.target is not None else "unreadable"
            item["doubts"] = ",".join(row.doubts)
            fields.append(item)
        records = _records(fields, columns)
        _emit(args, columns, records, show_header=not shown)
        shown = shown or bool(records) or args.format == "csv"
        sys.stdout.flush()
    if not args.quiet:
        print(tally.line(), file=sys.stderr)
    return 2 if tally.unreadable else 0


def _codes(text: str | None) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def _run_check(args: argparse.Namespace) -> int:
    from .checks import check

    select, ignore = _codes(args.select), _codes(args.ignore) or ()
    check([], select=select, ignore=ignore)  # unknown codes: bad usage, before any reading
    tally = _Tally()
    counts: Counter[str] = Counter()
    columns = _CHECK_COLUMNS.get(args.format, ())
    shown = False
    for reading in _readings(args, tally):
        findings = check(list(reading.rows), select=select, ignore=ignore)
        counts.update(f.severity for f in findings)
        if args.format == "json":
            for finding in findings:
                print(json.dumps(finding.to_dict(), ensure_ascii=False))
        else:
            fields = [{**f.to_dict(), "where": f.where} for f in findings]
            records = _records(fields, columns)
            _emit(args, columns, records, show_header=not shown)
            shown = shown or bool(records) or args.format == "csv"
        sys.stdout.flush()
    summary = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] > 1 else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    if not args.quiet:
        print(f"{tally.line()}: {summary or 'no findings'}", file=sys.stderr)
    if tally.unreadable:
        return 2
    if args.exit_zero:
        return 0
    return 1 if counts["error"] else 0


# -- link ----------------------------------------------------------------------------------------


def _add_link(sub: Any) -> Runner:
    p = sub.add_parser(
        "link",
        help="link the same indicator across satker",
        description="Read the documents and cluster the indicators that measure the same "
        "thing across satker; indicators a decisive word apart stay apart "
        "(docs/linking.md). A CSV with satker and indicator columns and no target is a "
        "list of wordings. Table and JSON show one cluster per line, CSV one mention.",
    )
    _add_documents(p)
    p.add_argument("--explain", action="store_true", help="also print every link and near miss")
    return _run_link


def _plain_mentions(name: str) -> list[Any] | None:
    """The mentions of a CSV with ``satker`` and ``indicator`` columns and no target."""
    from .containers import open_grids
    from .matching import Mention

    path = Path(name)
    if path.suffix.lower() != ".csv" or not path.is_file():
        return None
    grid = open_grids(path, source=name)[0]
    records = [line for line in grid.lines if line.cells and any(c.strip() for c in line.cells)]
    if not records:
        return None
    header = [c.strip().lower() for c in records[0].cells or ()]
    if "target" in header or not {"satker", "indicator"} <= set(header):
        return None
    satker, indicator = header.index("satker"), header.index("indicator")
    mentions = []
    for line in records[1:]:
        cells = line.cells or ()
        text = cells[indicator].strip() if indicator < len(cells) else ""
        if text:
            who = cells[satker].strip() if satker < len(cells) else ""
            mentions.append(Mention(satker=who, text=text, id=f"{name}:{line.number}"))
    return mentions


def _run_link(args: argparse.Namespace) -> int:
    from .matching import Mention, link_indicators

    mentions: list[Mention] = []
    documents = []
    tally = _Tally()
    files = _inputs(args.files)
    for name in files:
        try:
            plain = _plain_mentions(name)
        except DocumentReadError as exc:
            print(f"kinerja-target: {exc}", file=sys.stderr)
            tally.files += 1
            tally.unreadable += 1
            continue
        mentions.extend(plain or [])
        if plain is None:
            documents.append(name)
    for reading in _readings(argparse.Namespace(**{**vars(args), "files": documents}), tally):
        mentions += [
            Mention(
                satker=r.satker or r.source or "", text=r.indicator, id=r.where, target=r.target_raw
            )
            for r in reading.rows
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
    if not args.quiet:
        print(
            f"{len(mentions)} mentions in {len(files)} file(s): {len(result.clusters)} "
            f"clusters, {len(result.links)} links, {len(result.near_misses)} near misses",
            file=sys.stderr,
        )
    return 2 if tally.unreadable else 0


# -- main ----------------------------------------------------------------------------------------

_COMMANDS: tuple[Callable[[Any], Runner], ...] = (
    _add_parse,
    _add_capaian,
    _add_read,
    _add_check,
    _add_link,
    _add_report,
    _add_rollup,
)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Runner]]:
    parser = argparse.ArgumentParser(
        prog="kinerja-target",
        description="Read, compare, link and check KPU performance targets (RKT, PK, LKj).",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    runners: dict[str, Runner] = {}
    for add in _COMMANDS:
        before = set(sub.choices)
        runner = add(sub)
        for name in set(sub.choices) - before:
            runners[name] = runner
    return parser, runners


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 when all is well, 1 for findings
    or rows that cannot be computed, 2 for bad usage or an input that cannot be read (or
    an output that cannot be written). Nothing ends in a traceback."""
    parser, runners = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # argparse: --help (0) or bad usage (2)
        return int(exit.code or 0) if not isinstance(exit.code, str) else 2
    try:
        return runners[args.command](args)
    except KinerjaTargetError as exc:
        print(f"kinerja-target: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # "| head" closed the pipe: not an error of ours
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        print("kinerja-target: interrupted", file=sys.stderr)
        return 130


def _quiet_stdout() -> None:
    # Python flushes stdout again at exit: point it at devnull so that flush cannot fail.
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
