"""The ``kinerja-target`` command line.

Each subcommand is a pair of functions: ``_add_NAME`` declares its arguments and
``_run_NAME`` does the work and returns the exit status. ``main`` wires them together.
Exit status: 0 when all went well, 1 when the input had problems the command reports
(an unreadable target, a finding of severity ``error``), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from .errors import KinerjaTargetError, TargetParseError
from .parse import parse_target

__all__ = ["main"]

Runner = Callable[[argparse.Namespace], int]


def _lines(values: Sequence[str], stdin: TextIO) -> Iterable[str]:
    for value in values:
        if value == "-":
            yield from (line.rstrip("\n") for line in stdin)
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
            print(f"{text!r}\t{value.kind}\t{value}{warnings}")
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


# -- main ----------------------------------------------------------------------------------------

_COMMANDS: tuple[Callable[[Any], Runner], ...] = (_add_parse, _add_capaian)


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
