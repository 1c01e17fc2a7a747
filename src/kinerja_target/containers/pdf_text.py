"""The text of a PDF page outside ruled tables: prose lines, and tables without ruling
lines read from the words' positions.

Words are grouped into visual lines, and a line is split where the gap between two words
is wider than twice a word space. A run of such lines in columns is a table: its columns
are the x-ranges its words fill over the whole block (a gap that stays clear over the
lines), and its rows are rebuilt from the text's own geometry, as a ruled table's boxes
would give them:

* in each column, lines at the text's line spacing are one cell (a wrapped cell); a wider
  gap (the cells' padding, a paragraph's spacing) or an empty line in the column ends it;
* a row begins where cells begin, and a cell that runs on beside the cells of later rows
  (a sasaran beside its indicators) is a merged cell over them, a :class:`~.grid.Span`;
* printed without any gap between rows, a cell that reaches a line where another column
  begins a cell is cut there, unless its text goes on (it continues in lower case, or the
  line above ends with a comma, a hyphen or a joining word).

A line in the top or bottom band of the page shaped like a page number, an address or a
printed date is a running line.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import attrs

from .grid import Span

_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:halaman|hal\.?|page)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:dari|/|of)\s*\d{1,4})?\s*$",
    re.I,
)
_ADDRESS = re.compile(r"^(?:file|https?)://|^www\.", re.I)
# The date and time a browser prints in the header: 12/1/26, 9:07 AM
_PRINTED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}[:.]\d{2}\b")
# A line that ends in a hyphen after a letter, before a letter: a word the printer broke
# at its hyphen (``Perundang-`` / ``Undangan``, ``e-`` / ``government``).
_HYPHEN_BREAK = re.compile(r"(?<=\w-)\n(?=\w)")
# Words that do not end a phrase: a cell whose line ends with one goes on below.
_JOINING = frozenset(
    [
        "dan",
        "atau",
        "yang",
        "dengan",
        "dalam",
        "untuk",
        "di",
        "ke",
        "dari",
        "pada",
        "oleh",
        "serta",
        "terhadap",
        "bagi",
    ]
)


def _unbroken(text: str) -> str:
    """A cell's lines with the words broken at their hyphens put back together: a
    browser and a word processor break a line after a hyphen, so the hyphen is the
    word's, and the break is no space."""
    return _HYPHEN_BREAK.sub("", text)


@attrs.define
class _Text:
    """A line outside ruled tables: prose, or cells of a table without ruling lines."""

    top: float
    page: int
    text: str = ""
    cells: tuple[str, ...] | None = None
    spans: tuple[Span, ...] = ()
    #: a header or footer line in the page's margin (a date, an address, a page number)
    running: bool = False
    #: in the top or bottom band of the page, where running headers and footers stand
    margin: bool = False
    #: the x-ranges of the columns of the block of records the line belongs to
    columns: tuple[tuple[float, float], ...] = ()
    #: per cell of a record, its first and last lines (``None`` for an empty cell); a
    #: line of prose's one part
    edges: tuple[tuple[_Segment, _Segment] | None, ...] = ()


@attrs.define
class _Segment:
    x0: float
    x1: float
    text: str
    top: float = 0.0
    bottom: float = 0.0


@attrs.define
class _Row:
    top: float
    bottom: float
    segments: list[_Segment]


def _text_lines(plumber: Any, chars: list[dict[str, Any]], page: int, height: float) -> list[_Text]:
    if not chars:
        return []
    words = plumber.utils.extract_words(chars)
    rows = _rows(words)
    # A printed page's header and footer (a browser's date, title, address and page
    # number) sit in the margin: prose, never cells of a table.
    margin = [r for r in rows if _in_margin(r, height) and _looks_running(r)]
    body = [r for r in rows if not any(r is m for m in margin)]
    running = [
        _Text(r.top, page, text=" ".join(s.text for s in r.segments), running=True) for r in margin
    ]
    laid = _layout(body, page)
    for line in laid:
        line.margin = line.top < 0.08 * height or line.top > 0.92 * height
    return sorted(running + laid, key=lambda t: t.top)


def _in_margin(row: _Row, height: float) -> bool:
    return row.bottom < 0.08 * height or row.top > 0.92 * height


def _looks_running(row: _Row) -> bool:
    return any(
        _PAGE_NUMBER.match(s.text) or _ADDRESS.search(s.text) or _PRINTED.search(s.text)
        for s in row.segments
    )


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words grouped into visual lines, each split where the gap is twice a word space."""
    words = sorted(words, key=lambda w: (w["top"], w["x0"]))
    groups: list[list[dict[str, Any]]] = []
    for word in words:
        height = word["bottom"] - word["top"]
        if groups:
            last = groups[-1]
            top = min(w["top"] for w in last)
            if word["top"] - top <= max(1.0, 0.5 * height):
                last.append(word)
                continue
        groups.append([word])
    rows: list[_Row] = []
    for group in groups:
        group.sort(key=lambda w: w["x0"])
        size = max(w["bottom"] - w["top"] for w in group)
        segments: list[_Segment] = []
        for word in group:
            # A word space is about 0.3 of the letters' height; a column gap is wider.
            if segments and word["x0"] - segments[-1].x1 <= 0.6 * size:
                segment = segments[-1]
                segment.text = f"{segment.text} {word['text']}"
                segment.x1 = max(segment.x1, float(word["x1"]))
                segment.top = min(segment.top, float(word["top"]))
                segment.bottom = max(segment.bottom, float(word["bottom"]))
            else:
                segments.append(
                    _Segment(
                        float(word["x0"]),
                        float(word["x1"]),
                        word["text"],
                        float(word["top"]),
                        float(word["bottom"]),
                    )
                )
        top = min(float(w["top"]) for w in group)
        bottom = max(float(w["bottom"]) for w in group)
        rows.append(_Row(top, bottom, segments))
    return rows


def _layout(rows: list[_Row], page: int) -> list[_Text]:
    """Prose lines, and blocks of lines in columns as records of cells.

    A block starts at a line of two columns or more and goes on over such lines close
    below it, and over the single lines that continue a cell (at a wrapped text's line
    spacing, starting at a column's left edge).
    """
    out: list[_Text] = []
    i = 0
    while i < len(rows):
        if len(rows[i].segments) < 2:
            segment = rows[i].segments[0]
            out.append(_Text(rows[i].top, page, text=segment.text, edges=((segment, segment),)))
            i += 1
            continue
        j = i
        columns = _columns([rows[i]])
        while j + 1 < len(rows):
            following = rows[j + 1]
            if len(following.segments) >= 2 and _close(rows[j], following, columns):
                if j - i >= 2 and _crosses(following, columns):
                    break  # another table close below, laid out on other columns
                j += 1
                columns = _columns([row for row in rows[i : j + 1] if len(row.segments) >= 2])
            elif _continues(rows[j], following, columns) or _between(
                rows, j + 1, columns, known=j - i >= 2
            ):
                j += 1
            else:
                break
        out.extend(_records(rows[i : j + 1], columns, page))
        i = j + 1
    return out


def _crosses(row: _Row, columns: list[tuple[float, float]]) -> bool:
    """Whether half the line's parts or more stand off the block's columns: reaching over
    a gap into the next column (a line a little wider than those above only narrows the
    gap), or beginning away from every column's left edge (other than a short value
    inside a column, centred or right-aligned)."""

    def off(s: _Segment) -> bool:
        if any(
            s.x0 < end and s.x1 > start + 2 for (_, end), (start, _) in itertools.pairwise(columns)
        ):
            return True
        if any(abs(s.x0 - a) <= 3 for a, _ in columns):
            return False
        return not (len(s.text) <= 12 and any(a - 2 <= s.x0 and s.x1 <= b + 2 for a, b in columns))

    over = sum(1 for s in row.segments if off(s))
    return over >= max(1, len(row.segments) // 2) and len(row.segments) >= 2


def _between(rows: list[_Row], k: int, columns: list[tuple[float, float]], *, known: bool) -> bool:
    """A single line (a wrapped cell, a cell centred between others) closely followed,
    within a few lines, by a line in columns: inside the table, not after it. Once the
    block's ``columns`` are ``known`` over a few lines, a line that reaches over a gap
    between them is prose (a paragraph, the heading of the next table), and so is what
    follows it."""
    gaps = [(end, start) for (_, end), (start, _) in itertools.pairwise(columns)] if known else []
    for n in range(k, min(k + 6, len(rows))):
        if n > k - 1 and not _close(rows[n - 1], rows[n], columns):
            return False
        if len(rows[n].segments) >= 2:
            return n > k and not (known and _crosses(rows[n], columns))
        line = rows[n].segments[0]
        if any(line.x0 < end and line.x1 > start + 2 for end, start in gaps):
            return False
    return False


def _close(a: _Row, b: _Row, columns: list[tuple[float, float]] | None = None) -> bool:
    """Whether ``b`` follows ``a`` within the same block: at about a line's distance, or
    (rows printed with paragraph spacing) a little further when its words stand in the
    block's columns."""
    height = max(a.bottom - a.top, b.bottom - b.top, 1.0)
    gap = b.top - a.bottom
    if gap <= 1.2 * height:
        return True
    return columns is not None and gap <= 2.6 * height and _fits(b, columns)


def _fits(row: _Row, columns: list[tuple[float, float]]) -> bool:
    """Text in the block's cells, not prose or another table below it: two of the line's
    parts or more begin at the left edges of ``columns`` (all of them, in a line of
    one), and no other part reaches over a gap between two columns (a short value
    centred in its cell, a cell to the right of those above, do not)."""
    if len(columns) < 2:
        return False
    starts = [s for s in row.segments if any(abs(s.x0 - a) <= 2 for a, _ in columns)]
    if len(starts) < min(2, len(row.segments)):
        return False
    gaps = [(end, start) for (_, end), (start, _) in itertools.pairwise(columns)]
    return not any(s.x0 < end and s.x1 > start + 2 for s in row.segments for end, start in gaps)


def _columns(block: list[_Row]) -> list[tuple[float, float]]:
    """The x-ranges that the words of a block fill; a range crossed by few lines (a
    header over several columns) does not join two columns, and words alone in an
    empty stretch (a number column that few rows fill) are a column of their own."""
    segments = [s for row in block for s in row.segments]
    low = int(min(s.x0 for s in segments))
    high = int(max(s.x1 for s in segments)) + 2
    coverage = [0] * (high - low + 1)
    for s in segments:
        coverage[int(s.x0) - low] += 1
        coverage[int(s.x1) - low + 1] -= 1
    weak = len(block) // 10
    strong = _ranges(coverage, weak, low, high)
    sparse = [
        (a, b)
        for a, b in _ranges(coverage, 0, low, high)
        if not any(a < d and c < b for c, d in strong)
    ]
    return sorted(strong + sparse) or [(float(low), float(high))]


def _ranges(coverage: list[int], weak: int, low: int, high: int) -> list[tuple[float, float]]:
    """The x-ranges crossed by more than ``weak`` of the words' extents."""
    columns: list[tuple[float, float]] = []
    running = 0
    start: int | None = None
    for offset, change in enumerate(coverage):
        running += change
        if running > weak and start is None:
            start = offset
        elif running <= weak and start is not None:
            columns.append((float(low + start), float(low + offset)))
            start = None
    if start is not None:
        columns.append((float(low + start), float(high)))
    return columns


def _continues(above: _Row, row: _Row, columns: list[tuple[float, float]]) -> bool:
    """A single line that goes on with a cell of the block above: at the line spacing of
    a wrapped text, beginning at the left edge of a column and ending before the next."""
    if len(row.segments) != 1 or len(columns) < 2:
        return False
    height = max(row.bottom - row.top, 1.0)
    if row.top - above.bottom > 0.6 * height:
        return False
    segment = row.segments[0]
    starts = [a for a, _ in columns] + [float("inf")]
    return any(
        abs(segment.x0 - a) <= 2 and segment.x1 < starts[k + 1] for k, (a, _) in enumerate(columns)
    )


def _column_of(x: float, columns: list[tuple[float, float]]) -> int:
    # A point in the gap between two columns belongs to the one on its right.
    for k, (_, end) in enumerate(columns):
        if x < end:
            return k
    return len(columns) - 1


# -- the rows of a table without ruling lines ------------------------------------------


@attrs.define
class _Cell:
    """The lines of one cell: segments of one column at the text's line spacing."""

    column: int
    last: int
    segments: list[_Segment]

    @property
    def top(self) -> float:
        return self.segments[0].top


def _records(block: list[_Row], columns: list[tuple[float, float]], page: int) -> list[_Text]:
    """The block's rows as records, each cell's wrapped lines joined with ``"\\n"``."""
    frame = tuple(columns)
    by_column: dict[int, list[tuple[int, _Segment]]] = {}
    for row in block:
        for segment in row.segments:
            first = _column_of(segment.x0, columns)
            # A text merged over columns reaches into the next one, not only its gap.
            last = max(k for k, (a, _) in enumerate(columns) if k <= first or a < segment.x1 - 2)
            by_column.setdefault(first, []).append((last, segment))
    right = {
        column: max(s.x1 for last, s in found if last == column)
        if any(last == column for last, _ in found)
        else max(s.x1 for _, s in found)
        for column, found in by_column.items()
    }
    pitch = _pitch(by_column, right)
    # Printed without a gap between rows, a cell ends where its line ends short.
    spaced = _spaced(by_column, pitch)
    ends = None if spaced else right
    cells = [
        cell for column, found in by_column.items() for cell in _cells(column, found, pitch, ends)
    ]
    tops = _row_tops(cells, pitch)
    cells = _cut(cells, tops, pitch, right if spaced else None)
    tops = _row_tops(cells, pitch)
    # A row is where a cell is: a line that began none (two cells side by side in one
    # column) makes no row.
    tops = [tops[k] for k in sorted({_row_of(cell.top, tops, pitch) for cell in cells})]
    records: list[list[str]] = [[""] * len(columns) for _ in tops]
    spans: list[list[Span]] = [[] for _ in tops]
    edges: list[list[tuple[_Segment, _Segment] | None]] = [[None] * len(columns) for _ in tops]
    starts = sorted({(cell.column, _row_of(cell.top, tops, pitch)) for cell in cells})
    for cell in sorted(cells, key=lambda c: (c.column, c.top)):
        r = _row_of(cell.top, tops, pitch)
        below = [s for c, s in starts if c == cell.column and s > r]
        end = min(below, default=len(tops))
        reach = cell.segments[-1].top + 0.3 * pitch
        down = max(1, sum(1 for t in tops[r:end] if t <= reach))
        text = _unbroken("\n".join(s.text for s in cell.segments))
        records[r][cell.column] = f"{records[r][cell.column]}\n{text}".strip()
        began = edges[r][cell.column]
        edges[r][cell.column] = (began[0] if began else cell.segments[0], cell.segments[-1])
        if down > 1 or cell.last > cell.column:
            spans[r].append(Span(cell.column, down, cell.last - cell.column + 1))
    return [
        _Text(top, page, cells=tuple(record), spans=tuple(span), columns=frame, edges=tuple(ends))
        for top, record, span, ends in zip(tops, records, spans, edges, strict=True)
    ]


def _pitch(by_column: dict[int, list[tuple[int, _Segment]]], right: dict[int, float]) -> float:
    """The line spacing of the block's wrapped text: the commonest distance between two
    lines of one column that is about a line's height (1 to 1.45 times the letters),
    the first of them wrapped (the rows of one-line cells close together are not)."""
    seen: dict[float, list[float]] = {}
    heights: list[float] = []
    for column, found in by_column.items():
        ordered = sorted((s for _, s in found), key=lambda s: s.top)
        for a, b in itertools.pairwise(ordered):
            size = max(a.bottom - a.top, 1.0)
            heights.append(size)
            if size <= b.top - a.top <= 1.45 * size and _wrapped(a, b, right[column]):
                seen.setdefault(round(2 * (b.top - a.top)) / 2, []).append(b.top - a.top)
    if seen:
        # The distances of the commonest half point, averaged: the spacing itself, to
        # tell a whole number of lines from a line and some padding.
        best = max(len(f) for f in seen.values())
        spacing = seen[min(d for d, f in seen.items() if len(f) == best)]
        return sum(spacing) / len(spacing)
    sizes = sorted(heights) or [max(s.bottom - s.top for f in by_column.values() for _, s in f)]
    return 1.2 * sizes[len(sizes) // 2]


def _cells(
    column: int,
    found: list[tuple[int, _Segment]],
    pitch: float,
    ends: dict[int, float] | None,
) -> list[_Cell]:
    """The cells of one column. Lines of one cell are a line apart, to the rounding of
    the positions; the padding or spacing between two cells, however small, is more.
    With ``ends`` (the column's right edges, rows printed without any gap), a line
    that ends short of the edge also ends its cell."""
    cells: list[_Cell] = []
    for last, segment in sorted(found, key=lambda f: f[1].top):
        above = cells[-1].segments[-1] if cells else None
        if (
            above is not None
            and segment.top - above.top <= pitch + max(0.8, 0.08 * pitch)
            and (ends is None or _wrapped(above, segment, ends[column]))
        ):
            cells[-1].segments.append(segment)
            cells[-1].last = max(cells[-1].last, last)
        else:
            cells.append(_Cell(column, last, [segment]))
    return cells


def _spaced(by_column: dict[int, list[tuple[int, _Segment]]], pitch: float) -> bool:
    """Whether the rows stand apart by more than the line spacing (cell padding, a
    paragraph's spacing): some distance in a column is no whole number of lines."""
    for found in by_column.values():
        ordered = sorted((s for _, s in found), key=lambda s: s.top)
        for a, b in itertools.pairwise(ordered):
            lines = (b.top - a.top) / pitch
            if lines > 1.04 and abs(lines - round(lines)) > 0.04:
                return True
    return False


def _row_tops(cells: list[_Cell], pitch: float) -> list[float]:
    """Where rows begin: at a cell's first line, unless that line is beside the first
    line of the row begun above (a cell printed a little lower, in another column)."""
    tops: list[float] = []
    columns: set[int] = set()
    for cell in sorted(cells, key=lambda c: c.top):
        if tops and cell.top - tops[-1] <= 0.6 * pitch and cell.column not in columns:
            columns.add(cell.column)
            continue
        tops.append(cell.top)
        columns = {cell.column}
    return tops


def _row_of(top: float, tops: list[float], pitch: float) -> int:
    # The row begun nearest above the cell's first line (or a little below it).
    return min(
        (k for k, t in enumerate(tops) if t <= top + 0.6 * pitch),
        key=lambda k: abs(tops[k] - top),
        default=0,
    )


def _cut(
    cells: list[_Cell], tops: list[float], pitch: float, right: dict[int, float] | None
) -> list[_Cell]:
    """A cell that reaches the line where another cell begins a row is two cells there,
    unless its line above was wrapped there (at ``right``, the column's edge), or, rows
    printed without a gap (``right`` is ``None``), its text says it goes on: a merged
    cell (a sasaran beside its indicators) goes on past the rows beside it."""
    out: list[_Cell] = []
    for cell in cells:
        current = _Cell(cell.column, cell.last, [cell.segments[0]])
        for segment in cell.segments[1:]:
            at_row = any(abs(segment.top - t) <= 0.3 * pitch for t in tops)
            above = current.segments[-1]
            goes_on = (
                _goes_on(above.text, segment.text)
                if right is None
                else _wrapped(above, segment, right[cell.column])
            )
            if at_row and not goes_on:
                out.append(current)
                current = _Cell(cell.column, cell.column, [segment])
            else:
                current.segments.append(segment)
        out.append(current)
    return out


def _wrapped(above: _Segment, below: _Segment, right: float) -> bool:
    """Whether the text of ``above`` goes on in ``below``: the first word below would not
    have fitted at the end of the line above (the column's text reaches ``right``; a
    space and a letter's slack for the letters' widths), or the text goes on in lower
    case or after a hyphen. A line of one word is no sign of wrapping (a value in a
    narrow column fills it)."""
    if " " not in above.text:
        return below.text[:1].islower() or _hyphenated(above.text)
    word = below.text.split(" ", 1)[0]
    per_letter = (below.x1 - below.x0) / max(1, len(below.text))
    fits = above.x1 + per_letter * (len(word) + 2) <= right
    return not fits or below.text[:1].islower() or _hyphenated(above.text)


# -- one table's blocks ----------------------------------------------------------------


def _framed(lines: list[_Text]) -> None:
    """Records of one table in blocks that fill fewer columns (the rows of a page that
    leave the first columns empty, a page after a break) put on the columns of the
    widest block before them, which theirs fall into one by one."""
    frame: tuple[tuple[float, float], ...] = ()
    for line in lines:
        if line.cells is None or not line.columns:
            continue
        if line.columns == frame:
            continue
        places = _places(line.columns, frame) if len(line.columns) < len(frame) else None
        if places is None:
            frame = line.columns
            continue
        cells = [""] * len(frame)
        edges: list[tuple[_Segment, _Segment] | None] = [None] * len(frame)
        for k, text in enumerate(line.cells):
            cells[places[k]] = text
            edges[places[k]] = line.edges[k] if k < len(line.edges) else None
        line.edges = tuple(edges)
        line.spans = tuple(
            Span(places[s.column], s.rows, places[s.column + s.columns - 1] - places[s.column] + 1)
            for s in line.spans
        )
        line.cells = tuple(cells)
        line.columns = frame


def _places(
    columns: tuple[tuple[float, float], ...], frame: tuple[tuple[float, float], ...]
) -> list[int] | None:
    """The column of ``frame`` each of ``columns`` lies in, mostly, when they keep their
    order and no two share one."""
    places: list[int] = []
    for a, b in columns:
        overlaps = [min(b, fb) - max(a, fa) for fa, fb in frame]
        best = max(range(len(frame)), key=lambda k: overlaps[k])
        # Most of the column inside the frame's: the same table, not one laid out anew.
        if overlaps[best] <= 0.5 * (b - a) or (places and best <= places[-1]):
            return None
        places.append(best)
    return places


def _rejoined(pages: list[list[Any]]) -> None:
    """A row of a table without ruling lines cut by the page end, put back together.

    The first record on a page (after the running lines, and the table's header if it
    is repeated) is the rest of the last row of the page before when both are in the
    same columns, it leaves a column empty that the last row fills, and its cells go on
    with the text of the cells above them: the line before the break was wrapped there
    (its first word would not have fitted on it), or the rest begins in lower case or
    follows a comma, a hyphen or a joining word. Those cells are joined to the cells
    above; a cell that does not go on stays a row of its own (the next row, beside the
    end of a merged cell). The last lines of a cell carried over alone are lines of
    prose: they are read so while the table goes on below them, and a line alone that
    does not go on with a cell is a record of the table with that one cell.
    """
    for before, page in itertools.pairwise(pages):
        records = [b for b in before if isinstance(b, _Text) and b.cells is not None]
        if not records or not _ends_page(before, records[-1]):
            continue
        columns = records[-1].columns
        table = [r for r in records if r.columns == columns]
        head = _folded(table[0].cells or ())
        shown = [
            b
            for b in page
            if isinstance(b, _Text)
            and not b.running
            and not (b.margin and b.cells is None)
            and not (b.cells is not None and _folded(b.cells) == head)
        ]
        for index, found in enumerate(shown):
            alone = found.cells is None
            rest = _as_record(found, columns) if alone else found
            if rest is None or rest.cells is None or rest.columns != columns:
                break
            goes_on = not alone or _table_below(shown, index + 1, columns)
            owners = _owners(table, rest, geometric=goes_on)
            cells = list(rest.cells)
            for k, owner in owners.items():
                joined = list(owner.cells or ())
                joined[k] = _unbroken(f"{joined[k]}\n{cells[k]}")
                owner.cells = tuple(joined)
                above, below = owner.edges[k], rest.edges[k]
                if above is not None and below is not None:  # as _owners found them
                    owner.edges = (*owner.edges[:k], (above[0], below[1]), *owner.edges[k + 1 :])
                cells[k] = ""
            if owners and not any(cells):
                page.remove(found)
                if alone:
                    continue
                break
            if owners:
                # The rest of a merged cell beside the first row of the page: the row stays.
                found.cells = tuple(cells)
                found.edges = tuple(e if cells[k] else None for k, e in enumerate(found.edges))
                break
            if alone and goes_on:
                page[page.index(found)] = rest
                table.append(rest)
                continue
            break


def _table_below(shown: list[_Text], start: int, columns: tuple[tuple[float, float], ...]) -> bool:
    """Whether the table goes on below the lines alone from ``start``: a record follows
    them, and they stand inside its columns."""
    after = start
    while after < len(shown) and shown[after].cells is None and _as_record(shown[after], columns):
        after += 1
    return after < len(shown) and shown[after].cells is not None


def _as_record(line: _Text, columns: tuple[tuple[float, float], ...]) -> _Text | None:
    """A line of prose that stands inside one of ``columns``, as a record of that cell:
    the last line of a cell carried over to the next page is a line alone."""
    if len(line.edges) != 1 or line.edges[0] is None:
        return None
    segment = line.edges[0][0]
    inside = [k for k, (a, b) in enumerate(columns) if a - 2 <= segment.x0 and segment.x1 <= b + 2]
    # A text reaching over the columns to its right from one's left edge: a cell merged
    # over them (not from the first column's, where the prose after the table begins).
    starts = [k for k, (a, _) in enumerate(columns) if k and abs(segment.x0 - a) <= 3]
    if len(inside) != 1 and len(starts) != 1:
        return None
    column = inside[0] if len(inside) == 1 else starts[0]
    last = max(k for k, (a, _) in enumerate(columns) if k == column or a < segment.x1 - 2)
    cells = [""] * len(columns)
    edges: list[tuple[_Segment, _Segment] | None] = [None] * len(columns)
    cells[column], edges[column] = line.text, line.edges[0]
    spans = (Span(column, 1, last - column + 1),) if last > column else ()
    return attrs.evolve(line, cells=tuple(cells), columns=columns, edges=tuple(edges), spans=spans)


def _ends_page(blocks: list[Any], last: _Text) -> bool:
    after = blocks[blocks.index(last) + 1 :]
    return all(isinstance(b, _Text) and (b.running or b.margin) for b in after)


def _folded(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("".join(c.split()) for c in cells if c.strip())


def _owners(table: list[_Text], rest: _Text, *, geometric: bool) -> dict[int, _Text]:
    """The record above each filled cell of ``rest`` whose text goes on in it (by the
    words' positions too when ``geometric``), when ``rest`` leaves a column empty that
    the last row fills: a row that fills them all is a row of its own."""
    assert rest.cells is not None
    filled = [k for k, text in enumerate(rest.cells) if text]
    last = table[-1].cells or ()
    if not filled or all(k in filled for k, text in enumerate(last) if text):
        return {}
    owners: dict[int, _Text] = {}
    for k in filled:
        owner = next((r for r in reversed(table) if r.cells and r.cells[k]), None)
        if owner is None or k >= len(owner.edges) or k >= len(rest.edges):
            continue
        above, below = owner.edges[k], rest.edges[k]
        if above is None or below is None:
            continue
        if _goes_on(above[1].text, below[0].text) or (
            geometric and _wrapped(above[1], below[0], rest.columns[k][1])
        ):
            owners[k] = owner
    return owners


def _goes_on(above: str, below: str) -> bool:
    """The text says it goes on: in lower case, or after a comma, a hyphen or a word
    that does not end a phrase."""
    words = above.split()
    return (
        below[:1].islower()
        or above.endswith((",", "/"))
        or _hyphenated(above)
        or (bool(words) and words[-1].lower() in _JOINING)
    )


def _hyphenated(text: str) -> bool:
    # A word broken at its hyphen (``Perundang-``), not a dash or a separator (``--``).
    return len(text) >= 2 and text.endswith("-") and text[-2].isalpha()
