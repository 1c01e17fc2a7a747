"""Ingest documents into the store: by content, in parallel, whole files per transaction.

:func:`ingest` walks the paths (folders recursively), hashes every file and decides what
to do with it by its SHA-256:

* a file whose path and content are stored already is left alone (a second ingest of
  the same folder reads nothing);
* a file whose content is stored under another path that no longer exists has moved:
  its path is updated; if that other path still exists the file is a *duplicate* and is
  not stored twice;
* any other file is read in a worker process (:func:`~.records.read_records`) and
  written whole: the document and all its rows, replacing the rows of an earlier
  version of the same path, in a transaction that holds whole files only
  (:class:`Writer`). An unreadable file is stored with its ``error`` and the run goes on.

One process writes; workers only read files, so a worker that dies mid-file leaves
nothing half-written, and an exception while writing rolls the transaction back: the
store is as it was before that file (and the few files queued with it, which were not
yet reported stored; running again resumes). After the files, the national catalog is
brought up to date (:func:`~.catalog.update_catalog`), also in one transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import attrs

from .. import __version__
from ..errors import DocumentReadError, KinerjaTargetError
from .catalog import CatalogUpdate, update_catalog
from .records import FileRecords, Reader, read_records, sha256_of
from .schema import DOCUMENT_COLUMNS, ROW_COLUMNS
from .store import Store, insert

__all__ = [
    "DOCUMENT_SUFFIXES",
    "IngestInterruptedError",
    "IngestResult",
    "Writer",
    "discover",
    "ingest",
]

#: The files a folder walk picks up: every container the reader reads. A file named
#: explicitly is read whatever its name.
DOCUMENT_SUFFIXES: Final = frozenset(
    {".txt", ".text", ".md", ".markdown", ".csv", ".tsv", ".tab", ".xlsx", ".xlsm"}
    | {".pdf", ".docx", ".html", ".htm", ".xhtml"}
)


class IngestInterruptedError(KinerjaTargetError, RuntimeError):
    """A worker process died (killed, out of memory) while reading files.

    ``path`` is a file it was reading, ``written`` how many files were committed whole
    before, ``others`` how many more files were in flight (none of them is in the
    store). Running the same ingest again resumes: stored files are skipped.
    """

    code = "interrupted"

    def __init__(self, path: str, written: int, others: int = 0) -> None:
        super().__init__(path, written, others)
        self.path = path
        self.written = written
        self.others = others

    def __str__(self) -> str:
        more = f" (and {self.others} other file(s) in flight)" if self.others else ""
        return (
            f"a worker process died while reading {self.path}{more}; {self.written} "
            "file(s) were stored whole before it, the files in flight were not: run the "
            "ingest again to resume"
        )


@attrs.frozen
class IngestResult:
    """What an ingest did: counts of files by outcome, the rows written, the errors of
    the files that could not be read (``(path, error)``), the duplicates (``(path,
    stored path)``) and the catalog update."""

    added: int
    replaced: int
    unchanged: int
    moved: int
    rows: int
    failed: tuple[tuple[str, str], ...]
    duplicates: tuple[tuple[str, str], ...]
    catalog: CatalogUpdate
    seconds: float

    @property
    def files(self) -> int:
        """Every file the walk found."""
        return self.added + self.replaced + self.unchanged + self.moved + len(self.duplicates)

    def __str__(self) -> str:
        parts = [
            f"{self.files} file(s): {self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged"
        ]
        if self.moved:
            parts.append(f"{self.moved} moved")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate(s)")
        if self.failed:
            parts.append(f"{len(self.failed)} unreadable")
        parts.append(f"{self.rows} rows written")
        parts.append(str(self.catalog))
        return "; ".join(parts) + f" ({self.seconds:.1f} s)"


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files under ``paths``, absolute, sorted, each once.

    A folder is walked recursively for :data:`DOCUMENT_SUFFIXES` (hidden files and
    folders, and Office lock files ``~$…``, left out); a file is taken as named. Raises
    :class:`~kinerja_target.errors.DocumentReadError` for a path that does not exist.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.add(path.resolve())
        elif path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.startswith((".", "~$")):
                        continue
                    if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                        found.add((Path(folder) / name).resolve())
        else:
            raise DocumentReadError(str(given), "no such file or folder")
    return sorted(found)


@attrs.frozen
class _Stored:
    document_id: int
    path: str
    sha256: str


# The columns a worker's records fill, with the document's id before them.
_ROW_COLUMNS: Final = tuple(c for c in ROW_COLUMNS if c[0] != "indicator_id")


class Writer:
    """Writes read files into the store, whole files per transaction.

    A transaction holds one or more whole files: :meth:`add` queues a file and commits
    the queue once it holds ``commit_rows`` rows (``1``: every file in a transaction
    of its own). A commit costs a disk sync, and a national ingest has thousands of
    files, so a few thousand rows per transaction keep the writer ahead of the readers
    (``docs/decisions/0403-transactions-of-whole-files.md``). Whatever happens, a file
    is in the store with all its rows or not at all.
    """

    def __init__(self, store: Store, next_id: int, commit_rows: int = 5000) -> None:
        self.store = store
        self.next_id = next_id
        self.commit_rows = max(1, commit_rows)
        self.queue: list[tuple[int, FileRecords, bool]] = []
        self.queued_rows = 0
        #: Files committed so far.
        self.committed = 0

    def add(self, found: FileRecords, replaces: int | None) -> None:
        """Queue ``found``; ``replaces`` is the id of the stored version of its path."""
        if replaces is None:
            document_id, self.next_id = self.next_id, self.next_id + 1
        else:
            document_id = replaces
        self.queue.append((document_id, found, replaces is not None))
        self.queued_rows += max(1, len(found.records))
        if self.queued_rows >= self.commit_rows:
            self.flush()

    def flush(self) -> None:
        """Commit the queued files in one transaction."""
        if not self.queue:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        documents = [
            (
                document_id,
                found.path,
                found.sha256,
                found.satker,
                found.year,
                found.doc_type,
                len(found.records),
                found.error,
                now,
                found.size,
                __version__,
            )
            for document_id, found, _ in self.queue
        ]
        rows = [(i, *r) for i, found, _ in self.queue for r in found.records]
        replaced = [i for i, _, again in self.queue if again]
        with self.store.transaction() as c:
            if replaced:
                for table in ("indicator_rows", "documents"):
                    c.execute(
                        f"DELETE FROM {table} WHERE list_contains($1, document_id)",
                        [replaced],
                    )
            insert(c, "documents", DOCUMENT_COLUMNS, documents)
            insert(c, "indicator_rows", _ROW_COLUMNS, rows)
        self.committed += len(self.queue)
        self.queue.clear()
        self.queued_rows = 0


def _context() -> Any:
    # Spawned, not forked: the writing process holds DuckDB's threads, and forking a
    # process with running threads can deadlock the child.
    return multiprocessing.get_context("spawn")


def _results(paths: Sequence[str], reader: Reader | None, jobs: int) -> Iterator[FileRecords]:
    """Each file's records, in the order they are read; at most a few files in flight
    per worker, so memory does not grow with the corpus."""
    if jobs <= 1:
        for path in paths:
            yield read_records(path, reader)
        return
    pending = deque(paths)
    running: dict[Future[FileRecords], str] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        try:
            while pending or running:
                while pending and len(running) < 4 * jobs:
                    path = pending.popleft()
                    running[pool.submit(read_records, path, reader)] = path
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: running[f]):
                    running.pop(future)
                    yield future.result()
        except BrokenProcessPool:
            flight = sorted(running.values())
            raise IngestInterruptedError(flight[0], 0, len(flight) - 1) from None
        except BaseException:
            for future in running:
                future.cancel()
            raise


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    progress: bool = False,
    reader: Reader | None = None,
    commit_rows: int = 5000,
) -> IngestResult:
    """Ingest every document under ``paths`` into ``store``; see the module docstring.

    ``jobs`` worker processes read the files (default: the CPU count, at most 8; ``1``
    reads in this process). ``progress`` shows a progress bar on stderr. ``reader``
    replaces :func:`~kinerja_target.read_document` (it must be importable by the
    workers: a module-level function). ``commit_rows`` bounds the rows of one
    transaction (:class:`Writer`). Raises :class:`IngestInterruptedError` when a worker
    dies; every file committed before stays whole.
    """
    from tqdm import tqdm

    start = time.perf_counter()
    files = discover(paths)
    jobs = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    stored = {
        path: _Stored(int(i), path, sha)
        for i, path, sha in store.execute("SELECT document_id, path, sha256 FROM documents")
    }
    by_sha = {s.sha256: s for s in stored.values()}
    todo: list[str] = []
    unchanged = moved = 0
    duplicates: list[tuple[str, str]] = []
    for file in files:
        name = str(file)
        try:
            sha, _size = sha256_of(file)
        except OSError:
            todo.append(name)  # read_records records why it cannot be read
            continue
        known = stored.get(name)
        if known is not None and known.sha256 == sha:
            unchanged += 1
            continue
        twin = by_sha.get(sha)
        if twin is not None and twin.path != name:
            if known is None and twin.document_id >= 0 and not Path(twin.path).exists():
                with store.transaction() as c:
                    c.execute(
                        "UPDATE documents SET path = ? WHERE document_id = ?",
                        [name, twin.document_id],
                    )
                moved += 1
            else:
                if known is not None:
                    # This path's content became a copy of another stored document:
                    # its old rows are gone from the file, so from the store too.
                    with store.transaction() as c:
                        for table in ("indicator_rows", "documents"):
                            c.execute(
                                f"DELETE FROM {table} WHERE document_id = ?",
                                [known.document_id],
                            )
                duplicates.append((name, twin.path))
            continue
        todo.append(name)
        # A second copy of this content later in the walk is a duplicate of this path.
        by_sha[sha] = _Stored(-1, name, sha)

    added = replaced = rows = 0
    failed: list[tuple[str, str]] = []
    next_id = 1 + int(store.scalar("SELECT coalesce(max(document_id), 0) FROM documents"))
    writer = Writer(store, next_id, commit_rows)
    bar = tqdm(total=len(todo), disable=not progress, file=sys.stderr, unit="file")
    try:
        for found in _results(todo, reader, jobs):
            known = stored.get(found.path)
            writer.add(found, known.document_id if known else None)
            replaced += known is not None
            added += known is None
            rows += len(found.records)
            if found.error is not None:
                failed.append((found.path, found.error))
            bar.update()
        writer.flush()
    except IngestInterruptedError as exc:
        raise IngestInterruptedError(exc.path, writer.committed, exc.others) from None
    finally:
        bar.close()
    catalog = update_catalog(store)
    return IngestResult(
        added=added,
        replaced=replaced,
        unchanged=unchanged,
        moved=moved,
        rows=rows,
        failed=tuple(failed),
        duplicates=tuple(duplicates),
        catalog=catalog,
        seconds=time.perf_counter() - start,
    )
