"""The container layer: the only code that opens a document. File in, :class:`Grid` out.

:func:`open_grids` looks at a file's first bytes (and, where they do not decide, its
name) and hands it to one container module:

========== ====================================================== ==================
container  what it reads                                          needs
========== ====================================================== ==================
text       extracted text: tabbed, ``|`` pipe rows, prose         --
delimited  CSV/TSV (dialect sniffed once), Excel "Unicode Text"   --
workbook   XLSX/XLSM (merged cells, number formats, formulas)     openpyxl
pdf        tables with ruling lines, or the page's layout text    ``[pdf]`` extra
docx       Word tables (merged cells) and the paragraphs around   ``[docx]`` extra
html       every ``<table>`` (``rowspan``/``colspan``), headings  --
========== ====================================================== ==================

Each module has the same one function, ``grids(path, source) -> list[Grid]``, and raises
:class:`~kinerja_target.errors.DocumentReadError` naming the file and the reason.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..errors import DocumentReadError
from .grid import Grid, Layout, Line, Span

__all__ = ["Grid", "Layout", "Line", "Span", "container_of", "open_grids"]

_BY_SUFFIX = {
    ".csv": "delimited",
    ".tsv": "delimited",
    ".tab": "delimited",
    ".xlsx": "workbook",
    ".xlsm": "workbook",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def container_of(path: Path, head: bytes) -> str:
    """The container for a file whose first bytes are ``head``.

    The bytes win over the name where they are certain: a ``.xls`` that a web
    application wrote as HTML is HTML, a ``.csv`` that is really a workbook is a workbook.
    """
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        # A zip: Word or a workbook; the name says which, else its parts do.
        if suffix in (".docx", ".xlsx", ".xlsm"):
            return _BY_SUFFIX[suffix]
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<?xml")) or (
        stripped.startswith(b"<") and b"<table" in head.lower()
    ):
        return "html"
    if suffix in _BY_SUFFIX:
        # A damaged file of a known kind: its container says what is wrong with it.
        return _BY_SUFFIX[suffix]
    if suffix in (".xls",):
        # An old binary .xls is OLE (above); a ".xls" of text is a tab-separated export.
        return "delimited"
    return "text"


def _zip_kind(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return "workbook"
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names and "content.xml" in names:
        return "opendocument"
    return "workbook"


def open_grids(path: str | os.PathLike[str], *, source: str | None = None) -> list[Grid]:
    """The grids of the document at ``path``: one per document, or one per sheet.

    ``source`` names the document in rows and errors (default: the path as given).
    Raises :class:`~kinerja_target.errors.DocumentReadError` when the file is missing,
    unreadable, of a kind no container reads (an old binary ``.xls``/``.doc``, an
    encrypted workbook), or damaged; :class:`~kinerja_target.errors.MissingExtraError`
    when its container needs an extra that is not installed.
    """
    file = Path(path)
    name = source or str(path)
    if file.is_dir():
        raise DocumentReadError(name, "it is a folder, not a document")
    try:
        with file.open("rb") as f:
            head = f.read(2048)
    except FileNotFoundError:
        raise DocumentReadError(name, "no such file") from None
    except OSError as exc:
        raise DocumentReadError(name, exc.strerror or str(exc)) from None
    if not head:
        raise DocumentReadError(name, "the file is empty")
    kind = container_of(file, head)
    if kind == "ole":
        raise DocumentReadError(name, _ole_reason(file))
    if kind == "opendocument":
        raise DocumentReadError(
            name, "an OpenDocument file (.ods/.odt) is not read; save it as .xlsx/.docx first"
        )
    module = importlib.import_module(f".{kind}", __name__)
    grids: list[Grid] = module.grids(file, name)
    return grids


def _ole_reason(path: Path) -> str:
    # An OLE compound file is an encrypted (password-protected) OOXML file, or a
    # pre-2007 binary .xls/.doc; the stream names say which.
    try:
        data = path.read_bytes()[: 1 << 20]
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "the file is password-protected (encrypted); save it without a password first"
    kind = {".doc": "Word 97-2003 (.doc)", ".xls": "Excel 97-2003 (.xls)"}.get(
        path.suffix.lower(), "an Office 97-2003 binary file"
    )
    return f"{kind} is not read; save it as .docx/.xlsx (or CSV) first"
