"""PDF documents: ruled tables as records, the page's other text as lines.

Each page is read top to bottom:

* **A table drawn with ruling lines** is found by pdfplumber's table finder
  (``page.find_tables()``); its cells' boxes give the grid: the distinct left edges are
  the columns, the distinct top edges the rows, and a box that reaches over several is a
  merged cell, kept as a spreadsheet's CSV export writes it (its text in the top-left
  cell, the others ``""``) with a :class:`~.grid.Span`. A cell's text lines are joined
  with ``"\\n"``.
* **A table continued on the next page** is joined to its first part when nothing but
  running lines (page numbers, a header or footer repeated on other pages) stands
  between the two and they have the same columns; the header rows repeated at the top of
  the continuation are dropped, and the pieces of a row broken by the page break are put
  back into one record.
* **The text outside ruled tables** is grouped into lines by position. A line whose words
  stand apart in columns (gaps wider than twice a word space) is a record of cells: the
  columns of a block of such lines are the x-ranges its words fill, so a wrapped cell
  stays in its column. Other lines are prose: the title, satker, year and sasaran
  headings the reader looks for.

Every line's :attr:`~.grid.Line.where` is its page (``halaman 3``). A document with no
ruled table is a ``text`` grid (the tab-separated layout the text reader knows from the
seeds), one with ruled tables a ``records`` grid.

Needs the ``pdfplumber`` package (``pip install 'kinerja-target[pdf]'``). A PDF without
a text layer (a scan), one that needs a password and a damaged one raise
:class:`~kinerja_target.errors.DocumentReadError`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import DocumentReadError, MissingExtraError
from .grid import Grid, Line, Span
from .pdf_text import (
    _JOINING,
    _PAGE_NUMBER,
    _framed,
    _rejoined,
    _Segment,
    _Text,
    _text_lines,
    _unbroken,
    _wrapped,
)

__all__ = ["grids"]

_NO_TEXT = "the PDF has no text layer (a scan?): run OCR (e.g. ocrmypdf) first"
# Two edges closer than this (points) are the same ruling line.
_SNAP = 2.0
_DIGITS = re.compile(r"\d+")


def grids(path: Path, source: str) -> list[Grid]:
    """The one grid of the PDF at ``path``."""
    plumber = _pdfplumber()
    document = _open(plumber, path, source)
    notes: list[str] = []
    pages: list[_Page] = []
    damaged: list[str] = []
    try:
        for number, page in enumerate(_pages(document, source), 1):
            try:
                pages.append(_read_page(plumber, page, number, source))
            except Exception as exc:
                # One broken page does not lose the others; it is named in a note.
                damaged.append(f"halaman {number} ({_reason(exc)})")
                pages.append(_Page(number, False, [], 0.0))
    finally:
        document.close()
    if damaged and len(damaged) == len(pages):
        raise DocumentReadError(source, f"the PDF is damaged: {'; '.join(damaged)}")
    if damaged:
        notes.append(f"damaged, not read: {'; '.join(damaged)}")
    if not any(page.has_text for page in pages):
        raise DocumentReadError(source, _NO_TEXT)
    blank = [page.number for page in pages if not page.has_text]
    unread = len(damaged)
    if len(blank) > unread:
        numbers = [n for n in blank if not any(d.startswith(f"halaman {n} ") for d in damaged)]
        notes.append(f"halaman {', '.join(map(str, numbers))}: no text layer (scanned?), not read")
    _framed([b for page in pages for b in page.blocks if isinstance(b, _Text)])
    _rejoined([page.blocks for page in pages if page.has_text])
    blocks = _join_tables(pages)
    ruled = any(isinstance(block, _Table) for block in blocks)
    lines = _number(blocks)
    return [Grid(source, tuple(lines), "records" if ruled else "text", tuple(notes), None, "pdf")]


def _pages(document: Any, source: str) -> list[Any]:
    try:
        return list(document.pages)
    except Exception as exc:
        raise DocumentReadError(source, f"the PDF is damaged ({_reason(exc)})") from None


# -- opening ---------------------------------------------------------------------------


def _pdfplumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtraError("PDF documents", "pdfplumber", "pdf") from None
    return pdfplumber


def _open(plumber: Any, path: Path, source: str) -> Any:
    try:
        return plumber.open(path)
    except OSError as exc:
        raise DocumentReadError(source, exc.strerror or str(exc)) from None
    except Exception as exc:
        reason = _reason(exc)
        if "password" in reason.lower() or "encrypt" in reason.lower():
            raise DocumentReadError(
                source,
                "the PDF is password-protected (encrypted); save it without a password first",
            ) from None
        raise DocumentReadError(source, f"the PDF is damaged ({reason})") from None


def _reason(exc: BaseException) -> str:
    # pdfplumber wraps pdfminer's errors; the wrapped one names the problem.
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner) or type(inner).__name__
    return f"{type(inner).__name__}: {text}" if text != type(inner).__name__ else text


# -- one page --------------------------------------------------------------------------


@attrs.define
class _Table:
    top: float
    page: int
    bottom: float
    columns: list[float]
    #: per row: (cells, spans, page)
    rows: list[tuple[tuple[str, ...], tuple[Span, ...], int]]
    left: float = 0.0
    right: float = 0.0
    #: the last row is cut by the page end (its rest is the first row on the next page)
    cut: bool = False
    #: per row, per cell: its first and last lines and the right edge of its text, for
    #: the first rows and the last (where a page break cuts a row); else ``None``
    lines: list[tuple[_Lines | None, ...]] = attrs.Factory(list)


_Block = _Text | _Table
# A cell's first line, last line, and the right edge its text wraps at.
_Lines = tuple[_Segment, _Segment, float]


@attrs.define
class _Page:
    number: int
    has_text: bool
    blocks: list[_Block]
    height: float


def _read_page(plumber: Any, page: Any, number: int, source: str) -> _Page:
    chars = page.chars
    height = float(page.height)
    if not chars:
        return _Page(number, False, [], height)
    # A single box (a frame round the page or a note) is not a table: its text is read
    # as the page's text.
    tables = [t for t in page.find_tables() if len(t.cells) >= 2]
    blocks: list[_Block] = []
    free = chars
    if tables:
        tails = [_tail(t.bbox, page.edges) for t in tables]
        boxes = [_reach(t.bbox, tail) for t, tail in zip(tables, tails, strict=True)]
        free = [c for c in chars if not any(_inside(c, box) for box in boxes)]
        for table, box, tail in zip(tables, boxes, tails, strict=True):
            inside = [c for c in chars if _inside(c, box)]
            blocks.append(_ruled(plumber, table, inside, number, tail))
    blocks.extend(_text_lines(plumber, free, number, height))
    blocks.sort(key=lambda block: block.top)
    return _Page(number, True, blocks, height)


@attrs.frozen
class _Tail:
    """The first part of a row cut by the page end: where it ends, and its column rules."""

    bottom: float
    rules: tuple[float, ...]


def _tail(box: Sequence[float], edges: list[dict[str, Any]]) -> _Tail | None:
    """A row that the page break cuts, below the table the finder found.

    A browser or a word processor draws the first part of a row cut by the page end
    without its bottom rule: the table finder stops at the row's top, but the row's
    vertical rules go on down to the page break. The text between them is that row's,
    and the rules that go on are its cells' sides (a merged cell has none inside).
    """
    x0, _, x1, bottom = map(float, box)
    reaching = [
        e
        for e in edges
        if e["orientation"] == "v"
        and x0 - _SNAP <= e["x0"] <= x1 + _SNAP
        and e["top"] <= bottom + _SNAP
        and e["bottom"] > bottom + 2 * _SNAP
    ]
    if len(reaching) < 2:
        return None
    return _Tail(
        max(float(e["bottom"]) for e in reaching),
        tuple(_edges(float(e["x0"]) for e in reaching)),
    )


def _reach(box: Sequence[float], tail: _Tail | None) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = map(float, box)
    return (x0, top, x1, bottom if tail is None else tail.bottom + 1)


def _inside(char: dict[str, Any], box: Sequence[float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return bool(box[0] <= x < box[2] and box[1] <= y < box[3])


def _edges(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _SNAP:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return max(0, bisect.bisect_right(edges, value + _SNAP) - 1)


def _ruled(
    plumber: Any, table: Any, chars: list[dict[str, Any]], page: int, tail: _Tail | None
) -> _Table:
    """The records of a ruled table, and of the row cut below it by the page end."""
    cells = [tuple(map(float, cell)) for cell in table.cells]
    xs = _edges(cell[0] for cell in cells)
    tops = _edges(cell[1] for cell in cells)
    if tail is not None:
        # The cut row has no boxes: its cells lie between the rules that go on down.
        cut = float(table.bbox[3])
        tops.append(cut)
        sides = _edges([float(table.bbox[0]), *tail.rules, float(table.bbox[2])])
        cells.extend((a, cut, b, tail.bottom) for a, b in itertools.pairwise(sides))
    # owner[(row, column)]: the cell (anchor) whose box covers that slot.
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    boxes: dict[tuple[int, int], tuple[float, float]] = {}
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for x0, top, x1, bottom in cells:
        r, c = _index(tops, top), _index(xs, x0)
        rows_down = max(1, bisect.bisect_left(tops, bottom - _SNAP) - r)
        columns = max(1, bisect.bisect_left(xs, x1 - _SNAP) - c)
        if (r, c) in owner:
            continue
        anchors[(r, c)] = (rows_down, columns)
        boxes[(r, c)] = (x0, x1)
        for dr in range(rows_down):
            for dc in range(columns):
                owner.setdefault((r + dr, c + dc), (r, c))
    texts: dict[tuple[int, int], list[dict[str, Any]]] = {}
    slots: list[tuple[int, int]] = []
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        slots.append(
            (max(0, bisect.bisect_right(tops, y) - 1), max(0, bisect.bisect_right(xs, x) - 1))
        )
    orphans = {slot for slot in slots if slot not in owner}
    if orphans:
        slots = _overflow(chars, slots, orphans)
    for char, slot in zip(chars, slots, strict=True):
        # Text in no cell's box (a browser draws an overlapping cell there) is kept in
        # the slot it falls in.
        texts.setdefault(owner.get(slot, slot), []).append(char)
    rows: list[tuple[tuple[str, ...], tuple[Span, ...], int]] = []
    lines: list[tuple[_Lines | None, ...]] = []
    for r in range(len(tops)):
        record = [""] * len(xs)
        spans: list[Span] = []
        if r < 6 or r == len(tops) - 1:
            lines.append(
                tuple(
                    _cell_lines(plumber, texts.get((r, c), []), boxes.get((r, c)))
                    for c in range(len(xs))
                )
            )
        else:
            lines.append((None,) * len(xs))
        for c in range(len(xs)):
            if (r, c) not in anchors:
                if (r, c) in texts:
                    record[c] = _cell_text(plumber, texts[(r, c)])
                continue
            record[c] = _cell_text(plumber, texts.get((r, c), []))
            rows_down, columns = anchors[(r, c)]
            if rows_down > 1 or columns > 1:
                spans.append(Span(c, rows_down, columns))
        rows.append((tuple(record), tuple(spans), page))
    x0, top, x1, bottom = map(float, table.bbox)
    return _Table(top, page, bottom, xs, rows, x0, x1, tail is not None, lines)


def _cell_lines(
    plumber: Any, chars: list[dict[str, Any]], side: tuple[float, float] | None
) -> _Lines | None:
    """A cell's first and last lines, and the right edge of its text: the box's, less
    the padding its text keeps on the left."""
    if not chars or side is None:
        return None
    words = sorted(plumber.utils.extract_words(chars), key=lambda w: (w["top"], w["x0"]))
    if not words:
        return None
    groups: list[list[dict[str, Any]]] = []
    for word in words:
        if groups and word["top"] - groups[-1][0]["top"] <= 0.5 * (word["bottom"] - word["top"]):
            groups[-1].append(word)
        else:
            groups.append([word])

    def line(group: list[dict[str, Any]]) -> _Segment:
        group.sort(key=lambda w: w["x0"])
        return _Segment(
            float(group[0]["x0"]),
            float(group[-1]["x1"]),
            " ".join(w["text"] for w in group),
            float(group[0]["top"]),
            float(group[0]["bottom"]),
        )

    first, last = line(groups[0]), line(groups[-1])
    padding = max(0.0, min(s.x0 for s in (first, last)) - side[0])
    return first, last, side[1] - padding


def _overflow(
    chars: list[dict[str, Any]], slots: list[tuple[int, int]], orphans: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Text drawn where no cell's box is (a cell overlapping others: a table model error
    in the HTML the PDF was printed from) runs on over the slots to its right: each of its
    lines keeps the letters that follow it closely on the same baseline."""
    slots = list(slots)
    order = sorted(range(len(chars)), key=lambda i: (round(chars[i]["top"]), chars[i]["x0"]))
    for position, i in enumerate(order):
        if slots[i] not in orphans:
            continue
        current = chars[i]
        for j in order[position + 1 :]:
            char = chars[j]
            size = max(1.0, current["bottom"] - current["top"])
            if (
                round(char["top"]) != round(current["top"])
                or char["x0"] - current["x1"] > 0.35 * size
            ):
                break
            if slots[j][0] == slots[i][0] and slots[j] not in orphans:
                slots[j] = slots[i]
            current = char
    return slots


def _cell_text(plumber: Any, chars: list[dict[str, Any]]) -> str:
    if not chars:
        return ""
    text: str = plumber.utils.extract_text(chars)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _unbroken("\n".join(line for line in lines if line))


# -- across pages ----------------------------------------------------------------------


def _running(pages: list[_Page]) -> set[str]:
    """Texts that repeat on several pages (digits aside): running headers and footers."""
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {_DIGITS.sub("#", b.text) for b in page.blocks if isinstance(b, _Text) and b.text}
        seen.update(keys)
    return {key for key, count in seen.items() if count >= 2 and len(pages) >= 2}


def _is_running(block: _Block, running: set[str]) -> bool:
    if not isinstance(block, _Text) or block.cells is not None:
        return False
    if block.running:
        return True
    if not block.margin:
        return False
    return bool(_PAGE_NUMBER.match(block.text)) or _DIGITS.sub("#", block.text) in running


def _join_tables(pages: list[_Page]) -> list[_Block]:
    running = _running(pages)
    blocks: list[_Block] = []
    last_table: _Table | None = None
    pending: list[_Block] = []  # running lines after the last table, held back
    for page in pages:
        if not page.has_text:
            continue
        for index, block in enumerate(page.blocks):
            if isinstance(block, _Table):
                before = page.blocks[:index]
                if (
                    last_table is not None
                    and block.page == last_table.page + 1
                    and all(_is_running(b, running) for b in before)
                    and all(b in pending for b in before)
                    and _same_columns(last_table, block)
                ):
                    _continue(last_table, block)
                    pending = []
                    continue
                blocks.extend(pending)
                pending = []
                blocks.append(block)
                last_table = block
            elif last_table is not None and _is_running(block, running):
                pending.append(block)
            elif (
                last_table is not None
                and block.page == last_table.page
                and block.top < last_table.bottom
            ):
                # Text beside the table (drawn out of its cells): kept, and the table
                # may still go on on the next page.
                blocks.append(block)
            else:
                blocks.extend(pending)
                pending = []
                blocks.append(block)
                last_table = None
        # Whatever follows the last table on a page may be a footer before its sequel.
    blocks.extend(pending)
    return blocks


def _same_columns(a: _Table, b: _Table) -> bool:
    """Two parts of one table: the same left side, and columns that mostly coincide (a
    page may lack a column edge that no cell on it starts at, or have one more where a
    cell overflows)."""
    near = 3 * _SNAP
    if abs(a.left - b.left) > near:
        return False
    shared = sum(1 for x in a.columns if any(abs(x - y) <= near for y in b.columns))
    return shared >= 0.6 * min(len(a.columns), len(b.columns))


def _remap(table: _Table, columns: list[float]) -> None:
    """The table's rows on the column edges ``columns`` (a superset of its own)."""
    own = table.columns
    ends = [*own[1:], table.right]
    place = [_nearest(columns, x) for x in own]
    rows = []
    table.lines = [
        tuple(
            next((found[k] for k in range(len(own)) if place[k] == j), None)
            for j in range(len(columns))
        )
        for found in table.lines
    ]
    for cells, spans, page in table.rows:
        record = [""] * len(columns)
        for k, text in enumerate(cells):
            if text:
                record[place[k]] = _join(record[place[k]], text)
        moved = tuple(
            Span(
                place[s.column],
                s.rows,
                max(
                    1,
                    bisect.bisect_left(columns, ends[s.column + s.columns - 1] - _SNAP)
                    - place[s.column],
                ),
            )
            for s in spans
        )
        rows.append((tuple(record), moved, page))
    table.rows = rows
    table.columns = columns


def _filled(cells: tuple[str, ...]) -> tuple[str, ...]:
    # A repeated header is the same words, whichever columns a page's edges give them.
    return tuple("".join(c.split()) for c in cells if c.strip())


def _nearest(columns: list[float], x: float) -> int:
    return min(range(len(columns)), key=lambda k: abs(columns[k] - x))


def _continue(table: _Table, sequel: _Table) -> None:
    near = 3 * _SNAP
    columns = list(table.columns)
    for x in sequel.columns:
        if not any(abs(x - y) <= near for y in columns):
            columns.append(x)
    columns.sort()
    for part in (table, sequel):
        if part.columns != columns:
            _remap(part, columns)
    rows = sequel.rows
    # A header repeated on each page: the sequel's first rows equal the table's first.
    repeated = 0
    while (
        repeated < len(rows) - 1
        and repeated < len(table.rows)
        and _filled(rows[repeated][0])
        and _filled(rows[repeated][0]) == _filled(table.rows[repeated][0])
    ):
        repeated += 1
    rows = rows[repeated:]
    lines = sequel.lines[repeated:]
    if (
        rows
        and table.rows
        and (
            table.cut
            or _broken(
                table.rows[-1][0],
                rows[0][0],
                table.lines[-1] if table.lines else None,
                lines[0] if lines else None,
            )
        )
    ):
        cells, spans, page = table.rows[-1]
        joined = tuple(_join(a, b) for a, b in zip(cells, rows[0][0], strict=True))
        table.rows[-1] = (joined, spans, page)
        rows, lines = rows[1:], lines[1:]
    table.rows.extend(rows)
    table.lines = table.lines[: len(table.rows) - len(rows)] + list(lines)
    table.page = sequel.page
    table.bottom = sequel.bottom
    table.cut = sequel.cut


def _broken(
    last: tuple[str, ...],
    first: tuple[str, ...],
    above: tuple[_Lines | None, ...] | None = None,
    below: tuple[_Lines | None, ...] | None = None,
) -> bool:
    """Whether ``first`` (the top row after a page break) is the rest of ``last``.

    The rest of a broken row fills only columns that its first part has begun and
    leaves at least one of them empty (the short cells fit before the break), and it
    continues text rather than starting a row: its first filled cell does not begin
    with a capital letter or a number while that column's text did not end a sentence,
    or (the cells' lines ``above`` and ``below`` the break known) the last line of each
    of the cells it goes on with was wrapped there: its first word would not have
    fitted at the end of that line.
    """
    filled = [k for k, text in enumerate(first) if text]
    if not filled or any(not last[k] for k in filled):
        return False
    if len(filled) >= len([k for k, text in enumerate(last) if text]):
        return False
    if above is not None and below is not None and len(above) == len(below) == len(last):
        wrapped = [
            (a := above[k]) is not None
            and (b := below[k]) is not None
            and _wrapped(a[1], b[0], a[2])
            for k in filled
        ]
        if all(wrapped):
            return True
    head = first[filled[0]]
    before = last[filled[0]].rstrip()
    words = before.split()
    return (
        head[:1].islower()
        or before[-1:] in (",", "-", "/", "(")
        or (bool(words) and words[-1].lower() in _JOINING)
    )


def _join(a: str, b: str) -> str:
    if not b:
        return a
    if not a:
        return b
    if a.endswith("-"):
        return a + b
    return f"{a} {b}"


def _number(blocks: list[_Block]) -> list[Line]:
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, _Table):
            for cells, spans, page in block.rows:
                lines.append(
                    Line(len(lines) + 1, cells=cells, spans=spans, where=f"halaman {page}")
                )
        elif block.cells is not None:
            lines.append(
                Line(
                    len(lines) + 1,
                    cells=block.cells,
                    spans=block.spans,
                    where=f"halaman {block.page}",
                )
            )
        else:
            lines.append(Line(len(lines) + 1, text=block.text, where=f"halaman {block.page}"))
    return lines
