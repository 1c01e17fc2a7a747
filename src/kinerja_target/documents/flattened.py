"""The flattened layout: a table whose cells come one per line, a row's cells wrapped over
several lines; a row is the run of lines that ends in a target-shaped cell
(docs/decisions/0202).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..containers.grid import Line
from ..parse import expectation_for
from ..values import Grade, Missing, Number, Target
from .assemble import _SASARAN_OPENER, _Draft, _row
from .cells import _DATE_LINE, _SIGNATORY, _starts_lower, _starts_measure
from .context import _all_caps, _Context, _context
from .header import _flat_header_roles, _header_like
from .row import Row, _read_target

_DIGIT = re.compile(r"\d")


_STRONG_KINDS = frozenset({"percent", "quantity", "money", "compound", "range", "grade"})


_WORD = re.compile(r"\S+")


@attrs.frozen
class _Split:
    """A line cut around the target it holds."""

    before: str
    target: str
    after: str
    where: str  # whole, head, tail, middle
    extra_piece: bool = False  # the target goes on in the next piece (8.435 / orang)


@attrs.frozen
class _Piece:
    """A non-blank line of a flattened document."""

    number: int
    text: str
    boundary: bool
    split: _Split | None


def _clean_value(text: str, *, whole: bool) -> Target | None:
    """The target in ``text`` if all of ``text`` is that target."""
    if not _may_be_target(text):
        return None
    value = _read_target(text, None)
    if value is None or isinstance(value, Missing):
        return None
    if value.note is not None and (not whole or "(" not in text):
        return None  # the parser took the words after the value as a note
    if not whole and "unknown_unit" in value.warnings:
        return None
    if isinstance(value, Number):
        is_year = value.value == value.value.to_integral_value() and 1900 <= value.value <= 2100
        if is_year or text.rstrip().endswith("."):
            return None  # a year or a list number
    if "unknown_unit" in value.warnings and len(text.split()) > 2:
        return None
    return value


def _may_be_target(text: str) -> bool:
    """A cheap test before the parser: a target has a digit, or is a short grade."""
    return _DIGIT.search(text) is not None or (len(text) <= 24 and text.count(" ") <= 2)


def _strong(value: Target, text: str) -> bool:
    if value.kind not in _STRONG_KINDS:
        return False
    # A lone letter (A, B, C, D) inside text is a word, not a grade.
    return not (isinstance(value, Grade) and len(text.strip()) < 2)


def _split_line(text: str) -> _Split | None:
    """Find a target in one line: the whole line, its head, its tail or its middle."""
    if _clean_value(text, whole=True) is not None:
        return _Split("", text, "", "whole")
    words = list(_WORD.finditer(text))
    n = len(words)
    for k in range(min(4, n - 1), 0, -1):
        head, rest = text[: words[k - 1].end()], text[words[k].start() :]
        value = _clean_value(head, whole=False)
        if value is not None and _strong(value, head) and rest[:1].isalpha():
            return _Split("", head, rest, "head")
    for k in range(min(5, n - 1), 0, -1):
        before, tail = text[: words[n - k].start()].rstrip(), text[words[n - k].start() :]
        value = _clean_value(tail, whole=False)
        if value is not None and (_strong(value, tail) or isinstance(value, Number)):
            return _Split(before, tail, "", "tail")
    for i in range(1, n - 1):
        token = words[i].group()
        value = _clean_value(token, whole=False)
        if value is not None and _strong(value, token) and value.kind in ("percent", "grade"):
            before, after = text[: words[i].start()].rstrip(), text[words[i].end() :].strip()
            return _Split(before, token, after, "middle")
    return None


def _pieces(lines: Sequence[Line]) -> list[_Piece]:
    pieces: list[_Piece] = []
    for line in lines:
        text = line.text.replace("*", "").strip()
        if not text:
            continue
        boundary = (
            _flat_header_roles(text) is not None
            or _DATE_LINE.match(text) is not None
            or _SIGNATORY.match(text) is not None
            or (_all_caps(text) and len(text.split()) >= 2)
        )
        pieces.append(_Piece(line.number, text, boundary, None if boundary else _split_line(text)))
    return _settle(_header_runs(pieces))


def _header_runs(pieces: list[_Piece]) -> list[_Piece]:
    """A header flattened one cell per line (``Indikator Kinerja`` / ``Target`` /
    ``Realisasi`` / ``Capaian (%)``): consecutive lines of header words that name the
    columns together are one header line, a boundary (docs/decisions/0209)."""
    out = list(pieces)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and not out[j].boundary and _header_like([out[j].text]):
            j += 1
        joined = " ".join(p.text for p in out[i:j])
        if j - i >= 2 and _flat_header_roles(joined) is not None:
            out[i] = _Piece(out[i].number, joined, True, None)
            for k in range(i + 1, j):
                out[k] = _Piece(out[k].number, "", True, None)
            i = j
            continue
        i = max(j, i + 1)
    return out


def _settle(pieces: list[_Piece]) -> list[_Piece]:
    """Resolve what one line cannot: a bare number finished by a unit on the next line,
    and a number inside indicator text that the next line's target shows is no target."""
    out = list(pieces)
    for i, piece in enumerate(out):
        split = piece.split
        nxt = out[i + 1] if i + 1 < len(out) else None
        next_is_target = (
            nxt is not None and nxt.split is not None and nxt.split.where in ("whole", "head")
        )
        if split is None or (split.where == "whole" and not _starts_lower(piece.text)):
            continue
        if split.where == "whole":
            # "paling lambat 1 hari kerja" in lower case goes on from the line above; it
            # is the indicator's own wording when the target comes next.
            if next_is_target:
                out[i] = attrs.evolve(piece, split=None)
            continue
        value = _read_target(split.target, None)
        if split.where == "tail" and isinstance(value, Number):
            joined = f"{split.target} {nxt.text}" if nxt else ""
            joinable = nxt is not None and not nxt.boundary and len(nxt.text.split()) <= 2
            if joinable and _clean_value(joined, whole=False) is not None:
                out[i] = attrs.evolve(
                    piece, split=attrs.evolve(split, target=joined, extra_piece=True)
                )
                assert nxt is not None
                out[i + 1] = attrs.evolve(nxt, split=None, boundary=False, text="")
                continue
            out[i] = attrs.evolve(piece, split=None)
            continue
        if next_is_target:
            out[i] = attrs.evolve(piece, split=None)
    return out


def _read_flattened(lines: Sequence[Line], source: str) -> list[Row]:
    """Rows of a table flattened to one cell per line (``docs/decisions/0202``).

    A row is the run of wrapped lines that ends in a target-shaped line. Walking up from
    the target, the indicator begins at the nearest line that opens with a measure word
    (``Persentase``, ``Jumlah``, ``Nilai``...); failing that, at the nearest line that
    opens like a sasaran (the row is then marked unsure), and the walk never crosses the
    previous row's target or a header. The lines after a target, up to the next row, are
    its kegiatan and sasaran cells, which are not indicator text.
    """
    pieces = _pieces(lines)
    value_roles = _flat_value_roles(pieces)
    drafts: list[_Draft] = []
    floor = -1  # the walk up from a target stops above this piece
    last: _Draft | None = None
    for i, piece in enumerate(pieces):
        if piece.boundary:
            floor, last = i, None
            continue
        split = piece.split
        if split is None:
            continue
        found = _indicator_above(pieces, i, floor)
        below, floor = floor, i
        if found is None:
            # A target straight after a target: the realisasi or capaian of the row,
            # when the header names those columns.
            if last is not None and split.where == "whole":
                free = [r for r in value_roles if not getattr(last, r)]
                if free:
                    setattr(last, free[0], split.target)
            continue
        start, parts, doubts = found
        # No carrying down here: the flattened layout does not show which rows share a
        # sasaran cell, and some pages list the sasaran apart from their rows.
        sasaran = _sasaran_above(pieces, start, below) or ""
        if split.before:
            parts.append(split.before)
        if split.extra_piece:
            doubts.append("target_split")
        if split.where == "middle" and not _fits(split.target, " ".join(parts)):
            doubts.append("inline_target")
        last = _Draft(pieces[start].number, sasaran, " ".join(parts), split.target)
        last.doubts = doubts
        drafts.append(last)
    context = _context(lines)
    return [_flat_row(d, context, source) for d in drafts]


def _indicator_above(
    pieces: Sequence[_Piece], i: int, floor: int
) -> tuple[int, list[str], list[str]] | None:
    """Where the indicator ending at piece ``i`` begins: (index, text pieces, doubts)."""
    own = pieces[i].split
    assert own is not None
    if own.before and _starts_measure(own.before):
        return i, [], []
    above = [j for j in range(i - 1, floor, -1) if pieces[j].text and pieces[j].split is None]
    for j in above:
        if _starts_measure(pieces[j].text):
            return j, _texts(pieces, j, i), []
    for j in above:
        if _SASARAN_OPENER.match(pieces[j].text):
            return j, _texts(pieces, j, i), ["no_measure_word"]
    if own.before:
        return i, [], ["no_measure_word"]
    if above:
        return above[-1], _texts(pieces, above[-1], i), ["start_guessed"]
    return None


def _texts(pieces: Sequence[_Piece], start: int, end: int) -> list[str]:
    return [p.text for p in pieces[start:end] if p.text]


def _sasaran_above(pieces: Sequence[_Piece], start: int, floor: int) -> str | None:
    """The sasaran cell just above an indicator, when one opens like a sasaran."""
    for j in range(start - 1, floor, -1):
        if pieces[j].split is not None or pieces[j].boundary:
            break
        if _SASARAN_OPENER.match(pieces[j].text):
            return " ".join(_texts(pieces, j, start))
    return None


def _fits(target: str, indicator: str) -> bool:
    """Whether the indicator's wording asks for the kind of value ``target`` is."""
    value = _read_target(target, indicator)
    expect = expectation_for(indicator)
    return value is not None and expect is not None and "unit_mismatch" not in value.warnings


def _flat_value_roles(pieces: Sequence[_Piece]) -> list[str]:
    """The value columns after the target (realisasi, capaian) a flattened header names."""
    for piece in pieces:
        roles = _flat_header_roles(piece.text) if piece.boundary else None
        if roles is not None:
            after = roles[roles.index("target") + 1 :]
            return [r for r in after if r in ("realisasi", "capaian")]
    return []


def _flat_row(draft: _Draft, context: _Context, source: str) -> Row:
    unit = context.at(context.units, draft.line)
    year = context.at(context.years, draft.line)
    doc_type = context.at(context.doc_types, draft.line)
    if draft.realisasi or draft.capaian:
        doc_type = "LKj"
    return _row(draft, unit, year, doc_type, source, 0)
