"""Reading is linear: rows per second at 1k, 10k and 100k rows, in each container.

The documents are built from the seed rows (``tests/data/seed_indicators.tsv``: real
indicators and target cells, their numbers varied so that the parser's cache does not
carry the run), laid out as a real LKj: a title, sasaran groups, tables of 40 rows under
their header with a page-break header repeated, signatures. Each size is read in the same
process, best of ``--repeat`` runs; the ratio column is the cost per row against the 1k
document's (1.0 is linear).

    python benchmarks/read_scale.py [--repeat 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from kinerja_target.documents import read_document
from kinerja_target.documents.row import _read_target
from kinerja_target.parse import _read

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
HEADER = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]


def seed_rows() -> list[tuple[str, str]]:
    with (DATA / "seed_indicators.tsv").open(encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["indicator"], r["target"]) for r in reader if r["target"]]


def vary(cell: str, rng: random.Random) -> str:
    return "".join(str(rng.randint(1, 9)) if ch.isdigit() else ch for ch in cell)


def records(n: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    rows = seed_rows()
    out: list[list[str]] = [["LAPORAN KINERJA KPU KABUPATEN SLEMAN TAHUN 2024"], []]
    for start in range(0, n, 40):
        out += [HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
        for k in range(start, min(n, start + 40)):
            indicator, target = rows[k % len(rows)]
            sasaran = "Meningkatnya kualitas penyelenggaraan Pemilu" if k % 5 == 0 else ""
            realisasi = vary(target, rng)
            out.append([str(k % 40 + 1), sasaran, indicator, vary(target, rng), realisasi, ""])
        out += [[], [f"Halaman {start // 40 + 1}"], []]
    return out


def write(kind: str, table: list[list[str]], folder: Path) -> Path:
    path = folder / f"lkj.{kind}"
    if kind == "txt":
        path.write_text("\n".join("\t".join(r) for r in table), encoding="utf-8")
    elif kind == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=";").writerows(table)
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for r in table:
            sheet.append(r or [None])
        book.save(path)
    return path


def best(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        _read.cache_clear()
        _read_target.cache_clear()
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return min(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--kinds", default="txt,csv,xlsx")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in args.kinds.split(","):
            base = None
            for n in sizes:
                path = write(kind, records(n), folder)
                repeat = args.repeat if n <= 10_000 else 1
                seconds, count = best(repeat, lambda p=path: len(read_document(p)))
                per_row = seconds / max(count, 1)
                base = base or per_row
                print(
                    f"{kind:5} {n:>7} rows: {count:>7} read in {seconds:7.2f} s, "
                    f"{count / seconds:>8,.0f} rows/s, cost per row x{per_row / base:.2f}"
                )


if __name__ == "__main__":
    main()
