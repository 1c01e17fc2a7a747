"""What the prose of a document says about its tables: unit, satker, year, document type,
and the signatures of a PK (docs/decisions/0201, 0209).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from .. import places
from ..containers.grid import Line
from .cells import _SIGNATORY

#: Document types and the title phrases that name them (matched in headings).
DOC_TYPES: Final[dict[str, tuple[str, ...]]] = {
    "RKT": ("rencana kinerja tahunan", "rkt"),
    "PK": ("perjanjian kinerja", "penetapan kinerja"),
    "IKU": ("indikator kinerja utama", "iku"),
    "Renstra": ("rencana strategis", "renstra"),
    "LKj": (
        "laporan kinerja",
        "laporan akuntabilitas kinerja",
        "lkj",
        "lkjip",
        "lakip",
        "lkip",
    ),
}


_HEADING_LABEL = re.compile(
    r"\b(unit\s+organisasi|unit\s+kerja|satuan\s+kerja|satker|nama\s+kelembagaan)\b"
    r"|^\W*tahun(?:\s+anggaran)?\s*:",
    re.I,
)


_YEAR_PATTERNS = (
    re.compile(r"\b(?:tahun(?:\s+anggaran)?|t\.?a\.?)\s*:?\s*((?:19|20)\d\d)\b", re.I),
    re.compile(r"^\W*:?\s*((?:19|20)\d\d)\W*$"),
)


# A table's caption: "Tabel 3.1 Pengukuran Kinerja KPU Kabupaten Bantul Tahun 2023".
_CAPTION = re.compile(r"^(?:tabel|table)\s+[\dIVX]+(?:[.-]\d+)*\b", re.I)


_LEGAL_CITATION = re.compile(r"\bnomor\s+\S+\s+$", re.I)


# Offices in the order of the hierarchy, for the Pihak Pertama of a PK cascade.
_OFFICE_RANKS: tuple[tuple[str, int], ...] = (
    ("kepala sub bagian", 4),
    ("kepala subbagian", 4),
    ("kasubbag", 4),
    ("kepala bagian", 3),
    ("kabag", 3),
    ("kepala biro", 2),
    ("kepala pusat", 2),
    ("kepala inspektorat", 2),
    ("inspektur", 2),
    ("karo", 2),
    ("kapus", 2),
    ("sekretaris", 1),
    ("ketua", 0),
)


@attrs.frozen
class _Event:
    line: int
    value: str


@attrs.frozen
class _Signature:
    line: int
    first: str
    second: str | None


@attrs.frozen
class _Context:
    """What the prose of a document says about its tables, line by line."""

    units: tuple[_Event, ...]
    years: tuple[_Event, ...]
    doc_types: tuple[_Event, ...]
    signatures: tuple[_Signature, ...]

    def at(self, events: tuple[_Event, ...], line: int) -> str | None:
        """The last event before ``line``, else the first one of the document.

        Events are in line order: a binary search, so that a document's tables cost a
        logarithm each, not a scan of every heading (reading stays linear)."""
        if not events:
            return None
        index = bisect.bisect_left(events, line, key=lambda e: e.line)
        return events[index - 1].value if index else events[0].value

    def signature(self, after: int, before: int) -> _Signature | None:
        index = bisect.bisect_right(self.signatures, after, key=lambda s: s.line)
        found = self.signatures[index] if index < len(self.signatures) else None
        return found if found is not None and found.line < before else None


# The labels of a cover table's records (``Nama Kelembagaan | KPU Kabupaten Ponorogo``,
# ``Tahun | 2020``): a PK's and an LKj's identification, written as cells.
_LABEL_CELL = re.compile(
    r"^\W*(?:nama\s+kelembagaan|nama\s+instansi|(?:nama\s*/\s*)?unit\s+organisasi|unit\s+kerja"
    r"|satuan\s+kerja|satker|tahun(?:\s+anggaran)?)\W*$",
    re.I,
)


def _label_record(line: Line) -> str | None:
    """A record of a label and its value, read as the label line it stands for
    (``Tahun : 2020``)."""
    filled = [c.strip() for c in line.cells or () if c.strip()]
    if len(filled) == 2 and _LABEL_CELL.match(filled[0]):
        return f"{filled[0].rstrip(' :')} : {filled[1]}"
    return None


def _paragraphs(lines: Sequence[Line]) -> Iterator[tuple[int, list[str]]]:
    """Runs of consecutive non-blank prose lines, with the number of their first line; a
    label record (``Tahun | 2020``) is the label line it stands for."""
    start, block = 0, list[str]()
    for line in lines:
        text = line.text.strip() if line.cells is None or line.lone else ""
        if line.cells is not None and not line.lone:
            text = _label_record(line) or ""
        text = text.replace("*", "").strip()
        if text:
            if not block:
                start = line.number
            block.append(text)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _context(lines: Sequence[Line]) -> _Context:
    units: list[_Event] = []
    years: list[_Event] = []
    doc_types: list[_Event] = []
    signatures: list[_Signature] = []
    pending_second: str | None = None
    paragraphs = list(_paragraphs(lines))
    for index, (start, block) in enumerate(paragraphs):
        marks = [k for k, text in enumerate(block) if _SIGNATORY.match(text)]
        for k in marks:
            # The office is written under "Pihak Pertama", up to the blank line (or, when
            # the name follows first, in the next paragraph).
            stop = next((m for m in marks if m > k), len(block))
            office = " ".join(block[k + 1 : stop])
            if not office and index + 1 < len(paragraphs):
                office = " ".join(paragraphs[index + 1][1])
            which = _SIGNATORY.match(block[k])
            assert which is not None
            if which.group("which").lower() == "kedua":
                pending_second = office
            else:
                signatures.append(_Signature(start + k, office, pending_second))
                pending_second = None
        if marks:
            continue
        text = " ".join(" ".join(block).split())
        if _heading_like(text):
            headings = [(start, text)]
        else:
            # Title rows with no blank row between them and the paragraph below (a sheet's
            # or a CSV's rows, one a line): each line that is a heading on its own.
            headings = [(start + k, t) for k, t in enumerate(block) if _heading_like(t)]
            for k, line_text in enumerate(block):
                if _dated_title(line_text) and not _heading_like(line_text):
                    # A short title in title case that names the year (``Balai Karantina
                    # Pertanian Kelas II Yogyakarta Tahun 2020``): its year, not its places.
                    year = _year_in(line_text)
                    if year is not None:
                        years.append(_Event(start + k, year))
        for at, heading in headings:
            unit = places.unit_in(heading)
            if unit is not None:
                units.append(_Event(at, unit))
            year = _year_in(heading)
            if year is not None:
                years.append(_Event(at, year))
            doc_type = _doc_type_in(heading)
            if doc_type is not None:
                doc_types.append(_Event(at, doc_type))
    signatures.extend(_side_by_side_signatures(lines))
    signatures.sort(key=lambda s: s.line)
    years.sort(key=lambda e: e.line)  # a block's title lines may be read out of order
    return _Context(tuple(units), tuple(years), tuple(doc_types), tuple(signatures))


def _side_by_side_signatures(lines: Sequence[Line]) -> Iterator[_Signature]:
    """Signatures written side by side in cells (``Pihak Kedua | | Pihak Pertama``), as a
    two-column signature block comes out of Word, Excel or a CSV: each party's office is
    the text under its mark in the same column, down to the first empty cell."""
    for index, line in enumerate(lines):
        if line.cells is None or line.lone:
            continue
        marks = {c: _SIGNATORY.match(cell) for c, cell in enumerate(line.cells)}
        parties = {c: m.group("which").lower() for c, m in marks.items() if m is not None}
        if "pertama" not in parties.values():
            continue
        offices: dict[str, str] = {}
        for column, which in parties.items():
            texts: list[str] = []
            for below in lines[index + 1 :]:
                cell = below.cells[column] if below.cells and column < len(below.cells) else ""
                if not cell or below.lone:
                    break
                texts.append(cell)
            offices[which] = " ".join(texts)
        yield _Signature(line.number, offices.get("pertama", ""), offices.get("kedua"))


def _heading_like(text: str) -> bool:
    """A title, a cover, a label line, a table's caption: where a document names its unit
    and year."""
    if _all_caps(text) or _HEADING_LABEL.search(text) or _CAPTION.match(text):
        return True
    if _doc_type_in(text) is not None and _title_like(text):
        return True
    words = text.split()
    return text.startswith(":") or (
        len(words) <= 8 and words[0].lower() in ("kpu", "komisi", "sekretariat")
    )


def _dated_title(text: str) -> bool:
    """A short line in title case that names a year as a title does (``... Tahun 2020``)."""
    return len(text.split()) <= 12 and _title_like(text) and bool(_YEAR_PATTERNS[0].search(text))


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 2 and all(ch.isupper() for ch in letters)


def _title_like(text: str) -> bool:
    """Every longer word capitalised, as in ``Perjanjian Kinerja Tahun 2024``."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _doc_type_in(text: str) -> str | None:
    if len(text.split()) > 15:
        return None  # prose mentions every document type; a title is short
    found = _doc_type_pattern().search(text.lower())
    return _doc_type_by_phrase()[found.group(0)] if found else None


@functools.cache
def _doc_type_by_phrase() -> dict[str, str]:
    return {phrase: kind for kind, phrases in DOC_TYPES.items() for phrase in phrases}


@functools.cache
def _doc_type_pattern() -> re.Pattern[str]:
    phrases = sorted(_doc_type_by_phrase(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")


def _year_in(text: str) -> str | None:
    for pattern in _YEAR_PATTERNS:
        for m in pattern.finditer(text):
            if not _LEGAL_CITATION.search(text[: m.start()]):
                return m.group(1)
    return None


def _office_rank(title: str) -> int | None:
    low = " ".join(title.lower().split())
    return next((rank for phrase, rank in _OFFICE_RANKS if low.startswith(phrase)), None)


def _sub_unit(signature: _Signature) -> str | None:
    """The office of a PK's Pihak Pertama as a sub-unit (``Sub Bagian Keuangan``).

    The first party's title names the unit it heads, without ``Kepala`` and without the
    organisation's own name (``Sekretaris Komisi Pemilihan Umum Provinsi Maluku`` is the
    ``Sekretaris``). A head of a *Bagian* who signs under another head of a Bagian heads a
    sub-bagian, whatever the title says (``docs/decisions/0201``).
    """
    title = places.destutter(" ".join(signature.first.split()))
    start = places.mention_start(title)
    office = title[:start] if start is not None else title
    office = re.sub(r"^kepala\s+", "", office.strip(" ,"), flags=re.I)
    office = places.title_case(office.strip(" ,"))
    if not office:
        return None
    first, second = _office_rank(title), _office_rank(signature.second or "")
    if (
        first is not None
        and second is not None
        and first <= second
        and office.lower().startswith("bagian ")
    ):
        office = "Sub " + office
    return office
