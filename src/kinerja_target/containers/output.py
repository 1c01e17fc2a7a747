"""Writing files safely: every output goes to a temporary file beside its destination and
is renamed over it only when complete, so a failure (a full disk, a size limit, an
interrupt) leaves the destination as it was and never a half-written file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_write(folder / "out.csv") as f:
...     _ = f.write(b"a,b\\n")
>>> (folder / "out.csv").read_bytes()
b'a,b\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import DocumentWriteError

__all__ = ["atomic_write", "same_file"]


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name the same existing file (links and spelling aside)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_write(destination: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file to write ``destination`` through; renamed over it on success.

    Raises :class:`~kinerja_target.errors.DocumentWriteError` naming the destination when
    its folder is missing or unwritable, when it is a folder, or when the writing fails;
    the temporary file is removed and the destination is untouched.
    """
    path = Path(destination)
    name = str(destination)
    if path.is_dir():
        raise DocumentWriteError(name, "it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DocumentWriteError(name, f"no such folder: {folder}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DocumentWriteError(name, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(handle, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise DocumentWriteError(name, exc.strerror or str(exc)) from None
    except BaseException:
        _remove(temporary)
        raise


def _keep_mode(path: Path, temporary: str) -> None:
    # mkstemp creates 0600; an output that replaces a file keeps that file's mode, and a
    # new one gets what the user's umask gives any new file.
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(temporary)
