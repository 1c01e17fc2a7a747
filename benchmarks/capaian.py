"""How fast capaian is computed over a LAKIP table, end to end, and per achievement() call.

Prints:
* a 10k-row XLSX table (generated, seeded; realistic indicators and cells) read, computed
  and written back: rows/s end to end, and the time split into read, compute and write;
* the same table as a ``;`` CSV, end to end;
* ``achievement()`` calls/s on distinct inputs (text, caches cleared: parsing included),
  on the same inputs already parsed (the arithmetic alone), and on a repeated mix (most
  cells ``100%``, as real tables are).

Each figure is the best of three runs, caches cleared before each.
Run: ``python benchmarks/capaian.py [--rows 10000] [--seed 1]``. Figures, no assertions.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from kinerja_target import lakip, parse_target, polarity
from kinerja_target import parse as parse_module
from kinerja_target.achievement import achievement
from kinerja_target.lakip import compute_table, write_table

SATKER = ["KPU Kota Ambon", "KPU Kota Pontianak", "KPU Provinsi Maluku", "KPU Kabupaten Buru"]
# Real indicator wordings (seeds 000-003) with the kind of target each carries.
INDICATORS = [
    ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "percent"),
    ("Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", "percent"),
    (
        "Persentase penyelenggaraan Pemilu sesuai dengan jadwal dan ketentuan yang berlaku",
        "percent",
    ),
    ("Persentase Sengketa Hukum yang dimenangkan {satker}", "percent"),
    ("Persentase laporan monitoring dan evaluasi yang akuntabel dan tepat waktu", "percent"),
    ("Persentase arsip yang dikelola sesuai jadwal retensi arsip (JRA) oleh {satker}", "percent"),
    ("Jumlah Laporan sistem akuntansi dan pelaporan keuangan yang diselesaikan tepat waktu", "lap"),
    ("Jumlah kegiatan Pendidikan Pemilih Kepemiluan dan Demokrasi oleh {satker}", "keg"),
    ("Jumlah badan adhoc yang dipersiapkan dan dibentuk", "satker"),
    ("Nilai Akuntabilitas Kinerja {satker}", "grade"),
    ("Nilai maturitas SPIP", "score"),
    ("Penurunan Jumlah sengketa Hukum yang diajukan ke Mahkamah Konstitusi", "perkara"),
    ("Lama waktu penyelesaian proses PAW anggota DPRD", "range"),
    ("Realisasi anggaran {satker}", "money"),
]
GRADES = ["C", "CC", "B", "BB", "A", "AA"]
PERCENT_FORMAT_SHARE = 0.4  # realisations typed as numbers in a 0.00% cell


def _id(value: Decimal) -> str:
    """A decimal the Indonesian way, thousands dots and a decimal comma."""
    whole, _, frac = format(value, "f").partition(".")
    return f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def _percent(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def table_rows(n: int, seed: int) -> list[list[Any]]:
    """``n`` rows: No, Satker, Indikator Kinerja, Target, Realisasi (cell values), and the
    realisation cell's number format."""
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    for number in range(1, n + 1):
        satker = rng.choice(SATKER)
        wording, kind = rng.choice(INDICATORS)
        indicator = wording.format(satker=satker)
        target: Any
        actual: Any
        if kind == "percent":
            t = rng.choice([Decimal(100)] * 6 + [_percent(rng, 60, 99)])
            target = f"{_id(t)}%"
            a = min(Decimal(100), t * _percent(rng, 60, 115) / 100).quantize(Decimal("0.01"))
            # Some realisations are numbers in a percent-formatted cell, the rest text.
            actual = float(a / 100) if rng.random() < PERCENT_FORMAT_SHARE else f"{_id(a)}%"
        elif kind in ("lap", "keg", "satker", "perkara"):
            unit = {"lap": "Lap", "keg": "Kegiatan", "satker": "Satker", "perkara": "Perkara"}
            t = Decimal(rng.randint(1, 24))
            target = f"{t} {unit[kind]}"
            actual = f"{rng.randint(0, int(t) + 3)} {unit[kind]}"
        elif kind == "grade":
            target, actual = rng.choice(GRADES[1:4]), rng.choice(GRADES)
        elif kind == "score":
            target = _id(Decimal(rng.randint(25, 40)) / 10)
            actual = float(Decimal(rng.randint(20, 45)) / 10)
        elif kind == "range":
            low = rng.randint(3, 8)
            target = f"{low} - {low + 1} bulan"
            actual = f"{_id(Decimal(rng.randint(low * 2 - 4, low * 2 + 6)) / 2)} bulan"
        else:
            t = Decimal(rng.randint(10**9, 2 * 10**10))
            target = f"Rp {_id(t)}"
            actual = f"Rp {_id((t * _percent(rng, 70, 100) / 100).quantize(Decimal(1)))}"
        r = rng.random()
        if r < 0.04:
            actual = "-"  # not reported yet: "Tidak dapat dihitung"
        elif r < 0.05:
            actual = "lihat lampiran"  # a row error: "Galat"
        percent = kind == "percent" and isinstance(actual, float)
        rows.append([number, satker, indicator, target, actual, "0.00%" if percent else "General"])
    return rows


def write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Pengukuran Kinerja"
    sheet.append(["PENGUKURAN KINERJA TAHUN 2024"])
    sheet.append([])
    sheet.append(["No", "Satker", "Indikator Kinerja", "Target", "Realisasi"])
    for row in rows:
        sheet.append(row[:5])
        sheet.cell(row=sheet.max_row, column=5).number_format = row[5]
    workbook.save(path)


def write_csv(path: Path, rows: list[list[Any]]) -> None:
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["No", "Satker", "Indikator Kinerja", "Target", "Realisasi"])
        for row in rows:
            # What Excel exports: each cell as it shows it.
            writer.writerow([*row[:4], lakip._cell_text(row[4], row[5])])


def clear_caches() -> None:
    parse_module._read.cache_clear()
    parse_module.expectation_for.cache_clear()
    polarity._from_wording.cache_clear()


REPEAT = 3


def timed(action: Callable[[], Any], *, clear: bool = True) -> tuple[float, Any]:
    """The best of :data:`REPEAT` runs (others share the machine), and the last result."""
    best, result = float("inf"), None
    for _ in range(REPEAT):
        if clear:
            clear_caches()
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def bench_table(path: Path, out: Path, n: int) -> None:
    """End to end, then the same work split into its three phases."""

    def end_to_end() -> lakip.CapaianReport:
        report = compute_table(path)
        write_table(report, out)
        return report

    total, report = timed(end_to_end)
    summary = report.summary
    print(f"{path.suffix[1:].upper()} end to end  {n / total:>10,.0f} rows/s  ({total:.2f} s)")
    print(f"  {summary}")

    # The split: reading cells to text, computing each row, writing the table back.
    overrides: dict[str, str | None] = dict.fromkeys(("indicator", "target", "realisasi"))
    options = lakip._options(None, None, "2t-r")
    if path.suffix == ".xlsx":

        def read() -> list[tuple[lakip.Columns, tuple[int, Sequence[str]]]]:
            table, columns, sheet = lakip._read_xlsx(path, overrides, None)
            return [(columns, r) for r in lakip._xlsx_data_rows(path, table, columns, sheet)]

    else:

        def read() -> list[tuple[lakip.Columns, tuple[int, Sequence[str]]]]:
            table, columns = lakip._read_csv(path, overrides)
            cells = table.rows[columns.header_row :]
            return [(columns, (i, r)) for i, r in enumerate(cells, columns.header_row + 1)]

    read_s, rows = timed(read)

    def compute() -> None:
        for columns, (number, cells) in rows:
            lakip._evaluate(
                number,
                cells[columns.indicator],
                cells[columns.target],
                cells[columns.realisasi],
                "",
                options,
                columns,
            )

    compute_s, _ = timed(compute)
    write_s, _ = timed(lambda: write_table(report, out))
    split = read_s + compute_s + write_s
    for name, seconds in (("read", read_s), ("compute", compute_s), ("write", write_s)):
        print(f"  {name:<8} {seconds:6.2f} s  {seconds / split:6.1%}  {n / seconds:>10,.0f} rows/s")


def bench_achievement(rows: list[list[Any]]) -> None:
    """achievement() alone: distinct text, the same already parsed, a repeated mix."""
    distinct = list(
        {(str(r[3]), lakip._cell_text(r[4], r[5]), r[2]): None for r in rows if r[4] != "-"}
    )
    distinct = [d for d in distinct if d[1] != "lihat lampiran"]

    def run(cases: list[tuple[Any, Any, str]]) -> int:
        failed = 0
        for target, actual, indicator in cases:
            try:
                achievement(target, actual, indicator=indicator)
            except (ValueError, TypeError):
                failed += 1
        return failed

    seconds, failed = timed(lambda: run(distinct))
    print(f"achievement() distinct text   {len(distinct) / seconds:>10,.0f} calls/s", end="")
    print(f"  ({len(distinct):,} inputs, caches cleared, parsing included; {failed} incomparable)")

    parsed = []
    for target, actual, indicator in distinct:
        try:
            parsed.append(
                (
                    parse_target(target, indicator=indicator),
                    parse_target(actual, indicator=indicator),
                    indicator,
                )
            )
        except ValueError:
            continue
    seconds, _ = timed(lambda: run(parsed))
    print(f"achievement() distinct values {len(parsed) / seconds:>10,.0f} calls/s", end="")
    print("  (already parsed: polarity inference and arithmetic)")

    rng = random.Random(3)
    common = [
        ("100%", "100%", "Persentase penyelenggaraan Pemilu sesuai dengan jadwal"),
        ("100%", "97,5%", "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan"),
        ("12 Lap", "12 Lap", "Jumlah Laporan sistem akuntansi dan pelaporan keuangan"),
        ("B", "BB", "Nilai Akuntabilitas Kinerja"),
        ("3 Perkara", "2 Perkara", "Penurunan Jumlah sengketa Hukum"),
    ]
    weights = [60, 20, 10, 5, 5]
    stream = rng.choices(common, weights, k=len(distinct)) + rng.sample(distinct, 200)
    seconds, _ = timed(lambda: run(stream))
    print(f"achievement() repeated mix    {len(stream) / seconds:>10,.0f} calls/s", end="")
    print(f"  ({len(stream):,} calls, mostly 100% against 100%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = table_rows(args.rows, args.seed)
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        xlsx, csv_path = folder / "lkj.xlsx", folder / "lkj.csv"
        write_xlsx(xlsx, rows)
        write_csv(csv_path, rows)
        print(f"{args.rows:,} rows, seed {args.seed}\n")
        bench_table(xlsx, folder / "lkj.capaian.xlsx", args.rows)
        print()
        bench_table(csv_path, folder / "lkj.capaian.csv", args.rows)
        print()
        bench_achievement(rows)


if __name__ == "__main__":
    main()
