"""How fast :func:`patch_workbook` writes cells into a workbook, against openpyxl's load
and save of the same workbook (what ``capaian`` did before), in the same process.

For sheets of 1k, 10k and 100k rows (8 columns: text, percent-formatted numbers and a
capaian formula with its cached value), three cells are written on every row (Capaian,
Status, Keterangan, as ``capaian`` writes them). Prints the seconds of each, rows/s and
the ratio patch / openpyxl, and the per-row cost at each size (linear when it stays flat).

Run: ``python benchmarks/workbook_patch.py [--sizes 1000 10000 100000]``. Figures, no
assertions.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import openpyxl

from kinerja_target.containers.workbook_patch import CellWrite, patch_workbook


def build(path: Path, rows: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("LKj")
    sheet.append(["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"])
    for n in range(2, rows + 2):
        sheet.append(
            [
                n - 1,
                "Meningkatnya partisipasi pemilih",
                f"Persentase partisipasi pemilih di TPS {n}",
                0.8,
                0.8 + (n % 7) / 100,
                f"=E{n}/D{n}",
            ]
        )
    book.save(path)


def writes(rows: int) -> list[CellWrite]:
    cells = [
        CellWrite(1, 7, "Capaian", bold=True),
        CellWrite(1, 8, "Status", bold=True),
        CellWrite(1, 9, "Keterangan", bold=True),
    ]
    for n in range(2, rows + 2):
        cells.append(CellWrite(n, 7, Decimal("1.0375"), number_format="0.00%"))
        cells.append(CellWrite(n, 8, "Tercapai"))
        cells.append(CellWrite(n, 9, "realisasi 83% dari target 80%"))
    return cells


def openpyxl_round_trip(source: Path, destination: Path, cells: list[CellWrite]) -> None:
    book = openpyxl.load_workbook(source)
    sheet = book["LKj"]
    for cell in cells:
        value = float(cell.value) if isinstance(cell.value, Decimal) else cell.value
        target = sheet.cell(cell.row, cell.column, value)
        if cell.number_format:
            target.number_format = cell.number_format
    book.save(destination)


def best(function: object, *args: object, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    options = parser.parse_args()
    print(f"{'rows':>8} {'patch s':>9} {'rows/s':>9} {'µs/row':>8} {'openpyxl s':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            source = Path(folder) / f"lkj_{size}.xlsx"
            build(source, size)
            cells = writes(size)
            runs = 3 if size <= 10_000 else 1
            patched = best(
                patch_workbook, source, Path(folder) / "out.xlsx", "LKj", cells, runs=runs
            )
            baseline = best(
                openpyxl_round_trip, source, Path(folder) / "base.xlsx", cells, runs=runs
            )
            print(
                f"{size:>8} {patched:>9.3f} {size / patched:>9.0f} {patched / size * 1e6:>8.1f} "
                f"{baseline:>11.3f} {patched / baseline:>6.2f}"
            )


if __name__ == "__main__":
    main()
