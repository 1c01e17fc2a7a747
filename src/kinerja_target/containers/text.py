"""Text documents: bytes decoded, lines split, tab and ``|`` pipe rows cut into cells.

Encodings, in the order they are tried: the byte-order mark (UTF-8, UTF-16 and UTF-32,
either byte order), then UTF-16 told by its zero bytes (Excel's "Unicode Text" export
without a mark), then UTF-8, then Windows-1252 (what Office writes on Windows) and, for
the five bytes Windows-1252 leaves undefined, Latin-1. A guess is said in the grid's
notes. A UTF-8 mark followed by bytes that are not UTF-8 is Windows-1252 too: an editor
that adds the mark to a file it did not convert.

Line ends may be LF, CRLF or CR alone (Excel for Mac); a form feed (a page break in text
extracted from a PDF) is dropped, keeping the line numbering of the file.

>>> text = "Judul\\nNo\\tIndikator\\tTarget\\n| 1 | Persentase A | 100% |\\r\\n"
>>> grid = text_grid(text, "<text>")
>>> [line.cells for line in grid.lines]
[None, ('No', 'Indikator', 'Target'), ('1', 'Persentase A', '100%'), None]
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import attrs

from ..errors import DocumentReadError
from .grid import Grid, Line

__all__ = [
    "decode",
    "decode_as",
    "grids",
    "newline_of",
    "pipe_cells",
    "read_text",
    "split_lines",
    "text_grid",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_PIPE_ROW = re.compile(r"^\s*(?:[-*+]\s+)?\|(?P<body>.*)\|\s*$")


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """The text of ``data``, and a note when its encoding was guessed rather than known.

    Raises :class:`~kinerja_target.errors.DocumentReadError` for binary data (zero bytes
    in what is not UTF-16 or UTF-32), naming the line where it starts.
    """
    text, _, notes = decode_as(data, source)
    return text, notes


def decode_as(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """:func:`decode`, with the encoding to write the text back in (``utf-8-sig`` for a
    file that had a UTF-8 mark; UTF-8 with a mark, which Excel reads, for a guessed one)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding != "utf-8":
                return (
                    _strict(body, encoding, source),
                    encoding.replace("-le", "").replace("-be", ""),
                    (),
                )
            try:
                return body.decode("utf-8"), "utf-8-sig", ()
            except UnicodeDecodeError as exc:
                text = _windows(body)
                line = body.count(b"\n", 0, exc.start) + 1
                return (
                    text,
                    "utf-8-sig",
                    (
                        f"a UTF-8 mark, then bytes that are not UTF-8 (line {line}): "
                        "read as Windows-1252",
                    ),
                )
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        note = f"no byte-order mark: read as {utf16.upper()}"
        return _strict(data, utf16, source), "utf-16", (note,)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise DocumentReadError(source, "binary data (a NUL byte): not a text document", line)
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    # Written back as UTF-8 with a mark: the new cells hold characters cp1252 lacks (≤, −).
    return _windows(data), "utf-8-sig", (f"not UTF-8 (line {line}): read as Windows-1252",)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            source, f"not valid {encoding.upper()} text at byte {exc.start}"
        ) from None


def _windows(data: bytes) -> str:
    # Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 reads them.
    return "".join(
        chunk.decode("cp1252", errors="strict") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    # ASCII-heavy UTF-16: one byte of each pair is zero almost everywhere.
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def read_text(path: Path, source: str) -> tuple[str, str, tuple[str, ...]]:
    """The decoded text of the file at ``path``, its encoding, and the decoding's notes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(source, exc.strerror or str(exc)) from None
    return decode_as(data, source)


def newline_of(text: str) -> str:
    """The line end a text mostly uses (what a writer writes it back with)."""
    sample = text[:65536]
    crlf = sample.count("\r\n")
    cr, lf = sample.count("\r") - crlf, sample.count("\n") - crlf
    return max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1]


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, whatever its line ends (LF, CRLF, CR)."""
    lines = _LINE_END.split(text)
    return [line.replace("\f", "") for line in lines]


def pipe_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a markdown pipe row (``| 1 | Persentase A | 100% |``), or ``None``
    for a line that is not one."""
    pipe = _PIPE_ROW.match(line)
    if pipe is None or "|" not in pipe.group("body"):
        return None
    return tuple(c.strip() for c in pipe.group("body").split("|"))


def text_grid(text: str, source: str, notes: tuple[str, ...] = ()) -> Grid:
    """The grid of a text document: each line prose, or cells where it has tabs or is a
    markdown pipe row."""
    lines: list[Line] = []
    for number, line in enumerate(split_lines(text), 1):
        if "\t" in line:
            lines.append(Line(number, line, tuple(c.strip() for c in line.split("\t"))))
            continue
        cells = pipe_cells(line)
        lines.append(Line(number, line, cells) if cells is not None else Line(number, line))
    return Grid(source, tuple(lines), "text", notes, container="text")


def grids(path: Path, source: str) -> list[Grid]:
    text, encoding, notes = read_text(path, source)
    grid = text_grid(text, source, notes)
    return [attrs.evolve(grid, encoding=encoding, newline=newline_of(text))]
