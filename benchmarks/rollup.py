"""Benchmark: the national roll-up at its real size.

553 satker (KPU RI, the 38 provincial KPU and the 514 KPU of kabupaten/kota, named from
``src/kinerja_target/data/wilayah.csv``) × 60 seed indicators
(``tests/data/seed_indicators.tsv``) × 10 years ≈ 330k rows, written as LKj tables
(tab-separated text, ``;`` CSV and XLSX in turn) by ``tests/rollup_corpus.py``: each
satker words each indicator its own way, with real documents' noise, and rewords it
now and then from year to year; outliers of kind, unit and value are planted.

The script prints, on the cores it is given (``--cores``, default 2):

* the ingest: wall time, rows per second, the CPU time of the writer and of the
  workers (on a shared machine the wall time says more about the neighbours), the peak
  resident memory of the writing process and its workers together (sampled from
  ``/proc``), and the ratio of its CPU cost per file to plain
  :func:`~kinerja_target.read_document` of a sample of the same files in this process
  (the baseline);
* the precision and recall of the national indicator ids against the truth, pairwise
  over the rows;
* a second ingest of the same folders (nothing to do);
* the cross-satker report: the frames, and each output format;
* whether the planted kind, unit and far outliers were all found.

Run ``python benchmarks/rollup.py`` (``--years 2``, ``--satker 100`` for a quick run).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kinerja_target import read_document  # noqa: E402
from kinerja_target.rollup import build_report, ingest, open_store, write_report  # noqa: E402
from rollup_corpus import generate, pairwise  # noqa: E402


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                children = [int(c) for c in handle.read().split()]
        except OSError:
            continue
        for child in children:
            out += [child, *_descendants(child)]
    return out


class PeakMemory:
    """The peak of the summed resident memory of this process and its descendants."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = sum(_rss(p) for p in [me, *_descendants(me)])
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--satker", type=int, default=553)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="write the corpus and store here")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        available = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, set(available[: args.cores]))
    work = args.keep or Path(tempfile.mkdtemp(prefix="rollup-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    folder, db = work / "corpus", work / "kinerja.duckdb"
    shutil.rmtree(folder, ignore_errors=True)
    for stale in (db, Path(f"{db}.wal")):
        stale.unlink(missing_ok=True)
    years = tuple(range(2015, 2015 + args.years))

    start = time.perf_counter()
    corpus = generate(folder, satker=args.satker, years=years, seed=args.seed, outliers=20)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    print(
        f"corpus: {args.satker} satker x {len(years)} years = {len(files)} files, "
        f"{len(corpus.rows)} rows (generated in {time.perf_counter() - start:.0f} s)"
    )

    sample = random.Random(args.seed).sample(files, min(200, len(files)))
    start = time.process_time()
    for path in sample:
        read_document(path)
    baseline = (time.process_time() - start) / len(sample)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with open_store(db) as store, PeakMemory() as memory:
        own, workers = _cpu()
        start = time.perf_counter()
        first = ingest(store, [folder], jobs=args.cores)
        seconds = time.perf_counter() - start
        own, workers = (a - b for a, b in zip(_cpu(), (own, workers), strict=True))
    per_file = (own + workers) / len(files)
    linking = first.catalog.cpu_seconds
    # Reading and writing overlap on the cores; linking runs alone after them.
    idle = max(own - linking, (own - linking + workers) / args.cores) + linking
    print(
        f"ingest on {args.cores} cores: {seconds:.1f} s wall (load average {load:.1f} "
        f"before it), {first.rows / seconds:,.0f} rows/s; CPU {own - linking:.1f} s "
        f"writing + {workers:.1f} s in the workers + {linking:.1f} s linking: "
        f"about {idle:.0f} s on {args.cores} idle cores; "
        f"peak memory {memory.peak / 2**20:,.0f} MiB (writer and workers together)"
    )
    print(
        f"  {per_file * 1000:.1f} ms of CPU a file against {baseline * 1000:.1f} ms to "
        f"read one alone (x{per_file / baseline:.2f})"
    )
    print(f"  {first}")

    with open_store(db) as store:
        stored = store.execute(
            "SELECT d.path, r.line, r.indicator_id FROM indicator_rows r "
            "JOIN documents d USING (document_id)"
        )
        got = {(path, line): ident for path, line, ident in stored}
        truth = {(str((folder / t.path).resolve()), t.line): t.cluster for t in corpus.rows}
        keys = sorted(truth)
        lost = len(set(truth) - set(got))
        precision, recall = pairwise([got.get(k) for k in keys], [truth[k] for k in keys])
        print(
            f"linking: {len(got)} rows stored of {len(truth)} written ({lost} lost), "
            f"{first.catalog.indicators} national indicators for 60 true ones; "
            f"precision {precision:.4f}, recall {recall:.4f}"
        )

        start = time.perf_counter()
        second = ingest(store, [folder], jobs=args.cores)
        print(
            f"second ingest: {time.perf_counter() - start:.1f} s, {second.added} added, "
            f"{second.unchanged} unchanged"
        )

        start, cpu = time.perf_counter(), time.process_time()
        report = build_report(store)
        print(
            f"report frames (pandas): {time.perf_counter() - start:.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU ({len(report.summary)} summary rows, "
            f"{len(report.ranks)} ranked rows, {len(report.findings)} findings)"
        )
        start, cpu = time.perf_counter(), time.process_time()
        build_report(store, frames="polars")
        print(
            f"report frames (polars): {time.perf_counter() - start:.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU"
        )
        for suffix in (".parquet", ".csv", ".html", ".xlsx"):
            start, cpu = time.perf_counter(), time.process_time()
            written = write_report(store, work / f"report{suffix}")
            size = sum(p.stat().st_size for p in written)
            print(
                f"report {suffix}: {time.perf_counter() - start:.1f} s wall, "
                f"{time.process_time() - cpu:.1f} s CPU, {len(written)} file(s), "
                f"{size / 2**20:.1f} MiB"
            )

        codes = {"kind": "kind_outlier", "unit": "unit_outlier", "far": "far_target"}
        for kind, code in codes.items():
            planted = {(str((folder / t.path).resolve()), t.line) for t in corpus.planted(kind)}
            found = {(f.path, f.line) for f in report.peer_findings if f.code == code}
            print(
                f"planted {kind} outliers: {len(planted & found)} of {len(planted)} found, "
                f"{len(found - planted)} other {code} findings"
            )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
