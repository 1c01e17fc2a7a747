"""Read the performance tables of RKT, PK, IKU and LKj documents: :func:`read_document`.

The targets live in tables (No, Sasaran, Indikator, Target; Realisasi and Capaian in an
LKj) that reach this library as text exported from PDF or Word, as CSV or as XLSX. What
such text looks like is not what the table looked like:

* a *continuation row* leaves the leading cells empty: its sasaran is "as above";
* a row broken by a *page break* goes on after the repeated header (``Program/Kegiatan
  Sasaran Strategis Indikator Kinerja Target`` then ``(1) (2) (3) (4)``), with the rest
  of its cells and an empty target;
* cells go missing or are added at either end (a trailing empty cell, a dropped leading
  one), so the columns of a row do not always line up with its header;
* markdown residue (``| --- |``), HTML tags (``<i>(4)</i>``), signature blocks, budget
  tables and cover pages sit between the tables;
* some converters flatten the whole table into one cell per line, the cells of a row
  wrapped over several lines (the *flattened* layout).

:func:`read_document` reads all of them. A table is found by its header, recognised
from a vocabulary of column names kept as data (``data/tables_columns.csv``); the rows
under it are assembled by the continuation rules above (``docs/decisions/0201``); a
text with no header is read as the flattened layout, where a row is the run of wrapped
lines that ends in a target-shaped cell, and a cell is *target-shaped* when the target
parser reads it (``docs/decisions/0202``). Rows the reader had to guess about carry
codes in :attr:`Row.doubts`. The unit, satker, year and document type of each table come
from the headings above it and, in a PK, from the *Pihak Pertama* who signs below it.

>>> rows = read_document("NO\\tSASARAN\\tINDIKATOR KINERJA\\tTARGET\\n"
...                      "1.\\tTerwujudnya X\\tPersentase A\\t100%\\n"
...                      "\\t\\tJumlah B\\t12 Lap\\n")
>>> [(r.line, r.sasaran, r.indicator, str(r.target)) for r in rows]
[(2, 'Terwujudnya X', 'Persentase A', '100%'), (3, 'Terwujudnya X', 'Jumlah B', '12 laporan')]

:func:`write_rows` writes rows to CSV or XLSX with a header this reader recognises, so
rows survive the trip out and back.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from .errors import DocumentReadError, TargetParseError
from .parse import expectation_for, parse_target
from .values import Grade, Missing, Number, Target

__all__ = ["DOC_TYPES", "DOUBTS", "Row", "read_document", "write_rows"]

# -- vocabulary (data) ---------------------------------------------------------------------

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

#: What each code in :attr:`Row.doubts` means: why the reader is unsure of a row.
DOUBTS: Final[dict[str, str]] = {
    "no_measure_word": "the indicator was told from the sasaran by its position only: "
    "it does not begin with a measure word (Persentase, Jumlah, Nilai...)",
    "start_guessed": "no cue marks where the indicator begins; the lines after the "
    "previous row were taken",
    "target_split": "the target was joined from two lines",
    "inline_target": "the target was found inside a line of text",
    "joined_lines": "a row that begins in lower case was joined to the row above",
    "no_header": "no header row was found; the columns were taken from the right",
    "extra_cells": "the row has more cells than the header; the extra ones were dropped",
    "no_indicator": "the row has values but no indicator text",
    "unreadable_year": "the year column holds no year",
}

# Words a flattened header line may hold besides the column names.
_HEADER_FILLERS = frozenset({"kinerja", "strategis", "utama", "kerja", "program", "tahun", "%"})

_MONTHS = (
    "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    "november|nopember|desember"
)
_DATE_LINE = re.compile(rf"^[\w .'-]*,?\s*\d{{1,2}}\s+({_MONTHS})\s+\d{{4}}\W*$", re.I)
_PAGE_NUMBER = re.compile(r"^\W*(hal(aman)?\.?\s*)?\d{1,3}(\s*(/|dari)\s*\d{1,3})?\W*$", re.I)
# A row number: 1, 1., 1.1, 2.3.1, a., b), I, II., IV (roman numerals of sasaran groups).
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[IVX]{1,5})[.)]?$")
_SEPARATOR_CELL = re.compile(r"^[-–—=_:|*\s]+$")
_TAG = re.compile(r"<[^>]{0,40}>")
_SIGNATORY = re.compile(r"^\W*pihak\s+(?P<which>pertama|kedua)\W*$", re.I)
# Indicators are nominal phrases; a sasaran names a state reached, with a nominalised
# passive (Terwujudnya, Meningkatnya...). Used only where no measure word decides.
_SASARAN_OPENER = re.compile(r"^(?:(?:Ter|Me|Di|Ber)\w+nya|Peningkatan|Penguatan)\b")

_ORG = re.compile(
    r"(?P<sek>\bsekretariat\s+(?P<jen>jenderal\s+)?|\bsetjen\s+)?"
    r"\b(?:kpu|komisi\s+pemilihan\s+umum)"
    r"(?:\s+(?P<ri>ri|republik\s+indonesia)\b|\s+(?P<level>provinsi|propinsi|prov\.?|"
    r"kabupaten|kab\.?|kota)(?=\s)|(?<=\w)(?!\s+(?:provinsi|propinsi|prov|kabupaten|kab|kota)\b))",
    re.I,
)
#: The unit of the commission's secretariat at the centre, and its satker.
_SETJEN, _KPU_RI = "Sekretariat Jenderal KPU", "KPU RI"
_LEVELS = {"provinsi": "provinsi", "propinsi": "provinsi", "prov": "provinsi"}
_LEVELS |= {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}
# A mention right after one of these is a person's office (a signature), not a heading.
_OFFICE_BEFORE = re.compile(
    r"\b(ketua|sekretaris(\s+jenderal)?|anggota|kepala|kabag|kasubbag|plt|plh|selaku)\W*$", re.I
)
# A sasaran named in prose above the tables that measure it (docs/decisions/0209):
# "Sasaran Strategis 1: Meningkatnya ...", "Sasaran 2 : ...", "SASARAN STRATEGIS III ...".
_SASARAN_HEADING = re.compile(
    r"^(?:[A-Za-z\d]{1,3}[.)]\s+)?sasaran(?:\s+(?:strategis|kegiatan|program))?"
    r"(?:\s+(?:ke[-\s]?)?(?P<num>\d{1,2}(?:\.\d{1,2})?|(?-i:[IVX]{1,5}))\b)?"
    r"\s*(?P<sep>[:.)–—-])?\s*(?P<text>\S.*)$",
    re.I,
)
_CHAPTER = re.compile(r"^(?:bab|chapter)\s+(?:[IVX]+|\d+)\b", re.I)
_HEADING_LABEL = re.compile(r"\b(unit\s+organisasi|unit\s+kerja|satuan\s+kerja|satker)\b", re.I)
_NAME_STOP = frozenset({"tahun", "alamat", "nama", "jalan", "jl", "telp", "email", "periode"})
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
_SMALL_WORDS = frozenset({"dan", "atau", "di", "ke", "dari", "yang", "untuk", "serta", "se"})
_ACRONYMS = frozenset(
    {"KPU", "RI", "SDM", "DPR", "DPD", "DPRD", "BMN", "TI", "PPID", "SPIP", "TPS", "PAW"}
)


@functools.cache
def _column_phrases() -> tuple[tuple[str, str], ...]:
    """``(phrase, role)`` pairs of ``data/tables_columns.csv``, longest phrase first."""
    path = resources.files("kinerja_target").joinpath("data", "tables_columns.csv")
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    pairs = {(_header_text(r["phrase"]), r["role"]) for r in rows}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


# -- the row -------------------------------------------------------------------------------


def _optional_text(value: str | None) -> str | None:
    return value if value else None


def _doubt_codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


@functools.lru_cache(maxsize=1 << 14)
def _read_target(text: str, indicator: str | None) -> Target | None:
    # Cached here too: the parser caches values, not the texts that hold none, and the
    # flattened reader tries many of those.
    try:
        return parse_target(text, indicator=indicator or None)
    except TargetParseError:
        return None


def _row_target(row: Row) -> Target | None:
    """The target cell read with the indicator's wording; a bare number with the unit of
    the row's Satuan column, when that makes a known unit (docs/decisions/0206)."""
    if row.satuan and _bare_number(row.target_raw):
        typed = _read_target(f"{row.target_raw} {row.satuan}", row.indicator)
        if typed is not None and "unknown_unit" not in typed.warnings:
            return typed
    return _read_target(row.target_raw, row.indicator)


@attrs.frozen(kw_only=True, repr=False)
class Row:
    """One indicator row of a performance table.

    ``target_raw`` is the target cell as written; ``target`` the value the target parser
    reads from it (with the indicator's wording), or ``None`` when the cell holds no
    target. ``sasaran`` is carried down continuation rows. ``unit`` is the organisation
    unit as its heading names it (``Sekretariat KPU Kota Ambon``; in a PK cascade with the
    signing sub-unit, ``Sekretariat KPU Provinsi Maluku / Sub Bagian Keuangan``) and
    ``satker`` the work unit it belongs to (``KPU Kota Ambon``). ``satuan`` is the
    table's Satuan column, when it has one: ``target_raw`` stays the cell as written
    (``12``) and ``target`` is read with the unit (``12 laporan``).

    ``source`` and ``line`` (where the indicator text begins) say where the row was read,
    ``table`` which table of the document it belongs to (0 for the first, ``None`` for a
    data export), and ``doubts`` why the reader is unsure of it (codes of
    :data:`DOUBTS`); these stay out of equality, so a row read back from a CSV equals the
    row written.
    """

    indicator: str
    target_raw: str = ""
    sasaran: str | None = attrs.field(default=None, converter=_optional_text)
    satker: str | None = attrs.field(default=None, converter=_optional_text)
    unit: str | None = attrs.field(default=None, converter=_optional_text)
    year: int | None = None
    doc_type: str | None = attrs.field(default=None, converter=_optional_text)
    realisasi_raw: str | None = attrs.field(default=None, converter=_optional_text)
    capaian_raw: str | None = attrs.field(default=None, converter=_optional_text)
    satuan: str | None = attrs.field(default=None, converter=_optional_text)
    target: Target | None = attrs.field(
        eq=False, default=attrs.Factory(_row_target, takes_self=True)
    )
    source: str | None = attrs.field(default=None, eq=False)
    line: int | None = attrs.field(default=None, eq=False)
    doubts: tuple[str, ...] = attrs.field(default=(), eq=False, converter=_doubt_codes)
    table: int | None = attrs.field(default=None, eq=False)

    @property
    def unsure(self) -> bool:
        """True when the reader had to guess about this row (see :attr:`doubts`)."""
        return bool(self.doubts)

    @property
    def where(self) -> str:
        """``source:line``, for messages."""
        source = self.source or "<text>"
        return f"{source}:{self.line}" if self.line is not None else source

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the fields, with ``target`` in its canonical form."""
        return {
            "source": self.source,
            "line": self.line,
            "satker": self.satker,
            "unit": self.unit,
            "year": self.year,
            "doc_type": self.doc_type,
            "sasaran": self.sasaran,
            "indicator": self.indicator,
            "target_raw": self.target_raw,
            "target": self.target.to_dict() if self.target is not None else None,
            "realisasi_raw": self.realisasi_raw,
            "capaian_raw": self.capaian_raw,
            "satuan": self.satuan,
            "doubts": list(self.doubts),
            "table": self.table,
        }

    def __repr__(self) -> str:
        parts = [f"indicator={self.indicator!r}", f"target_raw={self.target_raw!r}"]
        for name in ("unit", "year", "doc_type", "source", "line", "doubts"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}={value!r}")
        return f"Row({', '.join(parts)})"


# -- entry points --------------------------------------------------------------------------

_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
_DELIMITED_SUFFIXES = {".csv": None, ".tsv": "\t", ".tab": "\t"}
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def read_document(path_or_text: str | os.PathLike[str], *, source: str | None = None) -> list[Row]:
    """The rows of every performance table in an RKT, PK, IKU or LKj document.

    ``path_or_text`` is a path (a :class:`~pathlib.Path`, or a string without a line
    break) or the document's text itself (a string with at least one line break).
    Files ending in ``.csv``/``.tsv`` are read as delimited tables, ``.xlsx`` as a
    workbook (every sheet), anything else as text. ``source`` names the document in the
    rows and in errors (default: the path, or ``<text>``).

    Raises :class:`~kinerja_target.errors.DocumentReadError` (a ``ValueError``) naming the
    file and, where known, the line when the file cannot be read: missing, undecodable,
    malformed CSV quoting, not a workbook, or a CSV/XLSX with no recognisable header.
    A text with no table in it gives no rows.
    """
    if isinstance(path_or_text, str) and "\n" in path_or_text:
        return _read_text(path_or_text, source or "<text>")
    path = Path(path_or_text)
    name = source or str(path_or_text)
    if not path.is_file():
        raise DocumentReadError(name, "no such file")
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return _read_xlsx(path, name)
    data = _read_bytes(path, name)
    text = _decode(data, name)
    if suffix in _DELIMITED_SUFFIXES:
        return _read_delimited(text, name, _DELIMITED_SUFFIXES[suffix])
    return _read_text(text, name)


def write_rows(rows: Iterable[Row], path: str | os.PathLike[str]) -> None:
    """Write ``rows`` to a CSV (``.csv``; ``.tsv`` tab-separated) or XLSX (``.xlsx``) file.

    The header names the columns in words :func:`read_document` recognises, so reading
    the file back gives rows equal to ``rows`` (cells are written as text).
    """
    path = Path(path)
    records = [_WRITE_HEADER, *(_record(r) for r in rows)]
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        _write_xlsx(records, path)
        return
    delimiter = _DELIMITED_SUFFIXES.get(suffix) or ","
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(records)


_WRITE_HEADER: Final = (
    "Satker",
    "Unit Organisasi",
    "Tahun",
    "Jenis Dokumen",
    "Sasaran",
    "Indikator Kinerja",
    "Target",
    "Satuan",
    "Realisasi",
    "Capaian",
)


def _record(row: Row) -> tuple[str, ...]:
    values: tuple[object, ...] = (row.satker, row.unit, row.year, row.doc_type, row.sasaran)
    values += (row.indicator, row.target_raw, row.satuan, row.realisasi_raw, row.capaian_raw)
    return tuple("" if v is None else str(v) for v in values)


# -- bytes and text ------------------------------------------------------------------------


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(name, exc.strerror or str(exc)) from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as office exports on Windows are."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise DocumentReadError(name, "binary data (a NUL byte): not a text document", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first_bad) + 1
        raise DocumentReadError(name, "not UTF-8 or Windows-1252 text", line) from None


# -- lines ---------------------------------------------------------------------------------


@attrs.frozen
class _Line:
    """One line of a document: prose (``cells`` is ``None``) or a row of cells."""

    number: int
    text: str
    cells: tuple[str, ...] | None = None
    # a record of a delimited file with a single value in its first column: a title
    # or a signature line written into a spreadsheet, unless inside a table
    lone: bool = False


_PIPE_ROW = re.compile(r"^\s*(?:[-*+]\s+)?\|(?P<body>.*)\|\s*$")


def _text_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r").replace("\f", "")
        if "\t" in line:
            cells = tuple(_cell(c) for c in line.split("\t"))
            lines.append(_Line(number, line, cells))
            continue
        pipe = _PIPE_ROW.match(line)
        if pipe and "|" in pipe.group("body"):
            cells = tuple(_cell(c) for c in pipe.group("body").split("|"))
            lines.append(_Line(number, line, cells))
            continue
        lines.append(_Line(number, line))
    return lines


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)


def _cell(text: str) -> str:
    # A cell never holds a line break: a wrapped cell is one text (the seeds' convention
    # for page-split pieces is one space). ``<br>`` is a line break a converter wrote.
    if "<" in text:
        text = _LINE_BREAK_TAG.sub("\n", text)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text.strip()


# -- the header ----------------------------------------------------------------------------

_HEADER_JUNK = re.compile(r"[^\w/%]+")


def _header_text(cell: str) -> str:
    return " ".join(_HEADER_JUNK.sub(" ", _TAG.sub("", cell).lower()).split())


def _column_role(cell: str) -> str | None:
    """The role of a header cell: the longest phrase it begins with; failing that, the
    first of its ``/`` alternatives that has one (``Penjelasan/Formulasi``)."""
    text = _header_text(cell)
    if not text:
        return None
    role = _role_of_text(text)
    if role is None and "/" in text:
        for part in text.split("/"):
            role = _role_of_text(part.strip())
            if role is not None:
                break
    return role


def _role_of_text(text: str) -> str | None:
    """The role of the longest phrase that ``text`` begins with (whole words)."""
    by_phrase, longest = _phrase_roles()
    words = text.split(" ", longest)
    for size in range(min(len(words), longest), 0, -1):
        role = by_phrase.get(" ".join(words[:size]))
        if role is not None:
            return role
    return None


@functools.cache
def _indicator_words() -> tuple[str, ...]:
    """The first words of the indicator column's phrases (``indikator``, ``iku``)."""
    words = {p.split()[0].split("/")[0] for p, role in _column_phrases() if role == "indicator"}
    return tuple(sorted(words))


@functools.cache
def _phrase_roles() -> tuple[dict[str, str], int]:
    """Each phrase's role (the first listed, as the longest-first scan had it), and the
    number of words of the longest phrase."""
    by_phrase: dict[str, str] = {}
    for phrase, role in _column_phrases():
        by_phrase.setdefault(phrase, role)
    return by_phrase, max(p.count(" ") + 1 for p in by_phrase)


_YEAR_IN_HEADER = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_BARE_YEAR = re.compile(r"^\W*(?:tahun\s+)?((?:19|20)\d\d)\W*$", re.I)
_YEAR_TARGET_WORDS = frozenset({"target", "tahun", "th", "ta", "kinerja"})
# The roles a column takes from a header cell spanning several header lines, most
# telling first: "Tahun 2023" over "Target" is a target column of 2023.
_VALUE_FIRST = ("target", "realisasi", "capaian")


@functools.cache
def _header_words() -> frozenset[str]:
    """Every word a header line may hold: the column phrases' words and the fillers."""
    words = {w for phrase, _ in _column_phrases() for w in re.split(r"[\s/]+", phrase)}
    return frozenset(words | _HEADER_FILLERS | _HEADER_EXTRAS)


# Words of header cells that name no column: "Kondisi Awal (2019)", "Capaian s.d. 2023
# terhadap Renstra", "Target Akhir Renstra".
_HEADER_EXTRAS = frozenset(
    {"awal", "akhir", "renstra", "s", "d", "sd", "terhadap", "thd", "tw", "triwulan", "dan"}
)


def _header_like(cells: Sequence[str]) -> bool:
    """Whether every filled cell of a line is made of header words and years only: a part
    of a header written over two lines (``Strategis`` / ``Utama`` / ``Tahun 2025``)."""
    filled = [c for c in cells if c]
    if not filled:
        return False
    words = _header_words()
    for cell in filled:
        tokens = _header_text(cell).replace("/", " ").split()
        if not tokens or not all(t in words or _BARE_YEAR.match(t) for t in tokens):
            return False
    return True


@attrs.frozen
class _Header:
    """A header: the role and the year of each column, from one or more header lines."""

    roles: tuple[str | None, ...]
    years: tuple[int | None, ...]


def _header(parts: Sequence[Sequence[str]]) -> _Header | None:
    """The header that the lines ``parts`` (top to bottom) make together, if they make one.

    Each column's texts are read together (``Sasaran`` + ``Strategis``) and one by one;
    a value role named on any line wins (``Tahun 2023`` over ``Target``), a year on any
    line is the column's year. A column holding only a year after a target column goes on
    the target (``Target`` spanning ``2020 | 2021 | ...``). Of two columns with one role,
    the second is ``other`` unless the years say which is meant (docs/decisions/0205).
    """
    openers = _indicator_words()
    if not any(w in c.lower() for p in parts for c in p if c for w in openers):
        return None  # no indicator column: most lines of a document, told cheaply
    width = max(len(p) for p in parts)
    roles: list[str | None] = []
    years: list[int | None] = []
    plain: list[bool] = []  # "Target 2024", "2024": a year's target and nothing more
    recognised = filled = 0
    for i in range(width):
        texts = list(dict.fromkeys(p[i] for p in parts if i < len(p) and p[i]))
        role = _column_role(" ".join(texts)) if texts else None
        own = [role] if len(texts) == 1 else [r for r in map(_column_role, texts) if r]
        value = next((r for r in own if r in _VALUE_FIRST), None)
        if value is not None and role not in _VALUE_FIRST:
            role = value
        elif role is None and own:
            role = own[0]
        found = [int(m) for t in texts for m in _YEAR_IN_HEADER.findall(t)]
        year = found[0] if found else None
        bare_year = bool(texts) and all(_BARE_YEAR.match(t) for t in texts)
        if role is None and bare_year and roles and roles[-1] == "target" and years[-1]:
            role = "target"
        words = " ".join(map(_header_text, texts)).split()
        filled += bool(texts)
        recognised += role is not None or bare_year
        roles.append(role)
        years.append(year)
        plain.append(
            bool(words) and all(w in _YEAR_TARGET_WORDS or _BARE_YEAR.match(w) for w in words)
        )
    seen = set(roles)
    if "indicator" not in seen or not seen & {"target", "realisasi"}:
        return None
    if recognised < max(2, (filled * 3 + 4) // 5):
        return None
    return _Header(_resolve(roles, years, plain), tuple(years))


def _resolve(
    roles: list[str | None], years: list[int | None], plain: list[bool]
) -> tuple[str | None, ...]:
    """One column per role: of repeated columns, the one whose year the others share.

    A multi-year target table (``Target 2020 | 2021 | ...``: target columns that name a
    year and nothing more, no realisasi) keeps all its target columns: each is read as
    the target of its year.
    """
    out = list(roles)
    targets = [i for i, r in enumerate(roles) if r == "target"]
    multi_year = (
        len({years[i] for i in targets}) == len(targets) >= 2
        and all(years[i] and plain[i] for i in targets)
        and not {"realisasi", "capaian"} & set(roles)
    )
    if multi_year:
        return tuple(out)
    value_years = {years[i] for i, r in enumerate(roles) if r in ("realisasi", "capaian")}
    target_years = [years[i] for i in targets]
    year = next((y for y in target_years if y and y in value_years), None)
    if year is None:
        year = next((y for y in target_years if y), None)
    for role in dict.fromkeys(r for r in roles if r is not None):
        columns = [i for i, r in enumerate(roles) if r == role]
        if len(columns) < 2:
            continue
        keep = next((i for i in columns if year and years[i] == year), columns[0])
        for i in columns:
            if i != keep:
                out[i] = "other"
    return tuple(out)


def _header_roles(cells: Sequence[str]) -> tuple[str | None, ...] | None:
    """The role of each column if ``cells`` is a header row of a performance table."""
    header = _header([cells])
    return header.roles if header is not None else None


def _flat_header_roles(text: str) -> tuple[str, ...] | None:
    """The columns named by a header flattened into one line of words, if it is one."""
    words = _header_text(text).split()
    if not words or len(words) > 16 or not {"indikator", "iku"} & set(words):
        return None
    roles: list[str] = []
    i = 0
    while i < len(words):
        for phrase, role in _column_phrases():
            size = phrase.count(" ") + 1
            if " ".join(words[i : i + size]) == phrase:
                roles.append(role)
                i += size
                break
        else:
            if words[i] not in _HEADER_FILLERS and not words[i].isdigit():
                return None
            i += 1
    if "indicator" not in roles or "target" not in roles or len(roles) < 3:
        return None
    return tuple(roles)


_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?(?:\s*[=x×:/*+−-].*)?$")


def _is_number_row(cells: Sequence[str]) -> bool:
    """``(1) (2) (3) (4)`` or ``1 2 3 4`` under a header: column numbers, not data; a
    number may carry the column's formula (``(7)=(6)/(5)x100%``)."""
    found = [_COLUMN_NUMBER.match(_TAG.sub("", c).strip()) for c in cells if c]
    values = [m.group(1) if m else "" for m in found]
    return len(values) >= 2 and values == [str(i) for i in range(1, len(values) + 1)]


def _is_separator_row(cells: Sequence[str]) -> bool:
    return all(not c or _SEPARATOR_CELL.match(c) for c in cells)


# -- target-shaped cells -------------------------------------------------------------------


def _target_shaped(text: str) -> bool:
    """Whether the target parser reads ``text`` as a target (``-`` included)."""
    if not text:
        return False
    try:
        parse_target(text)
    except TargetParseError:
        return False
    return True


# -- tables of cells -----------------------------------------------------------------------


@attrs.define
class _Draft:
    """A row being assembled; continuation rows and page splits extend it."""

    line: int
    sasaran: str
    indicator: str
    target: str
    realisasi: str = ""
    capaian: str = ""
    satuan: str = ""
    doubts: list[str] = attrs.Factory(list)
    # a multi-year table's targets, by year (docs/decisions/0205)
    per_year: dict[int, str] = attrs.Factory(dict)


def _join(head: str, tail: str) -> str:
    return f"{head} {tail}" if head and tail else head or tail


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()


# A list marker opening a cell: "a. ", "b) ", "1.1 ", "(2) ", "- ", "• " (docs/decisions/0207).
_LIST_MARKER = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[a-z][.)]|\([a-z\d]{1,2}\)|[-•·▪◦])\s+(?=\w)"
)


def _unmarked(text: str) -> tuple[str, bool]:
    """``text`` without a list marker at its start, and whether it had one."""
    found = _LIST_MARKER.match(text)
    return (text[found.end() :], True) if found else (text, False)


@attrs.define
class _Table:
    """One table: its header and the rows assembled under it."""

    roles: tuple[str | None, ...]
    start: int
    structured: bool
    years: tuple[int | None, ...] = ()
    first: tuple[str | None, ...] = ()  # the roles of its first header line (page breaks)
    end: int = 0
    drafts: list[_Draft] = attrs.Factory(list)
    sasaran: str = ""
    after_break: bool = False
    no_header: bool = False

    def __attrs_post_init__(self) -> None:
        self.end = self.start

    @property
    def has_value_columns(self) -> bool:
        return "realisasi" in self.roles or "capaian" in self.roles

    @property
    def year_columns(self) -> tuple[tuple[int, int], ...]:
        """A multi-year table's target columns with their years (none in other tables)."""
        years = dict(enumerate(self.years))
        columns = [(i, years.get(i)) for i, role in enumerate(self.roles) if role == "target"]
        if len(columns) < 2:
            return ()
        return tuple((i, y) for i, y in columns if y is not None)

    def page_break(self) -> None:
        """A repeated header: the table goes on, and its next row may finish the last."""
        self.after_break = True

    def add(self, line: _Line) -> None:
        assert line.cells is not None
        values, extra, aligned = self.align(line.cells)
        indicator, marked = _unmarked(values.get("indicator", ""))
        target = values.get("target", "")
        if self.structured:
            self.end = line.number
            doubts = ["extra_cells"] if extra else []
            if not indicator:
                doubts.append("no_indicator")
            self.drafts.append(self.draft(line.number, values, values.get("sasaran", ""), doubts))
            return
        sasaran = _unmarked(values.get("sasaran", ""))[0]
        per_year = {y: aligned[i] for i, y in self.year_columns if aligned[i]}
        prev = self.drafts[-1] if self.drafts else None
        continues = (
            prev is not None
            and bool(indicator)
            and not marked
            and (
                (not target and self.after_break)
                or (_starts_lower(indicator) and not (target and prev.target))
            )
        )
        if prev is not None and continues:
            self.end = line.number
            if sasaran:
                self.sasaran = _join(self.sasaran, sasaran)
                prev.sasaran = self.sasaran
            prev.indicator = _join(prev.indicator, indicator)
            for name in ("target", "realisasi", "capaian", "satuan"):
                if not getattr(prev, name):
                    setattr(prev, name, values.get(name, ""))
            for year, cell in per_year.items():
                prev.per_year.setdefault(year, cell)
            if not self.after_break:
                prev.doubts.append("joined_lines")
            self.after_break = False
            return
        if sasaran:
            # A sasaran that begins in lower case is the rest of the one above.
            self.sasaran = _join(self.sasaran, sasaran) if _starts_lower(sasaran) else sasaran
        if not indicator:
            if target and prev is not None and not prev.target:
                prev.target = target  # the target was wrapped onto a row of its own
                self.end = line.number
            return
        self.end = line.number
        self.after_break = False
        doubts = ["no_header"] if self.no_header else []
        if extra:
            doubts.append("extra_cells")
        draft = self.draft(line.number, values, self.sasaran, doubts)
        draft.indicator, draft.per_year = indicator, per_year
        self.drafts.append(draft)

    def draft(self, number: int, values: dict[str, str], sasaran: str, doubts: list[str]) -> _Draft:
        return _Draft(
            number,
            sasaran,
            values.get("indicator", ""),
            values.get("target", ""),
            values.get("realisasi", ""),
            values.get("capaian", ""),
            values.get("satuan", ""),
            doubts,
        )

    def align(self, cells: Sequence[str]) -> tuple[dict[str, str], bool, list[str]]:
        """Map ``cells`` to column roles: the values by role, whether non-empty cells had
        to be dropped, and the cells as aligned to the columns."""
        roles = self.roles
        n = len(roles)
        aligned = list(cells)
        extra = False
        if self.structured:
            extra = any(aligned[n:])
            aligned = (aligned + [""] * n)[:n]
        elif len(aligned) != n or self.misplaced(aligned):
            aligned = _realign(roles, aligned)
        values: dict[str, str] = {}
        for role, text in zip(roles, aligned, strict=True):
            if role is not None and text and role not in values:
                values[role] = text
        return values, extra, aligned

    def misplaced(self, cells: list[str]) -> bool:
        """A row that has the header's width but not its alignment: an empty target cell
        while a target-shaped cell sits further left, or a target cell that holds no
        target while a text column left of it does (a sheet pads a row that lost its
        first cell back to full width: ``| Jumlah X | 4 | Kali |`` under ``Sasaran |
        Indikator | Target | Satuan``). Row numbers and columns that hold values of their
        own (Kondisi Awal, Realisasi 2022) do not count, nor does a row number in the No
        column."""
        if "target" not in self.roles:
            return False
        t = self.roles.index("target")
        if cells[t] and _target_shaped(cells[t]):
            return False
        filled = [i for i, c in enumerate(cells[:t]) if c]
        if not cells[t]:
            # every later cell empty too: the row ends early
            if any(cells[t + 1 :]) or not filled:
                return False
            last = filled[-1]
            return self.roles[last] not in _VALUE_HOLDING and _target_shaped(cells[last])
        return any(self.roles[i] in _TEXT_ROLES and _target_shaped(cells[i]) for i in filled)


def _realign(roles: Sequence[str | None], cells: list[str]) -> list[str]:
    """Right-align a row whose cells do not line up with the header (docs 0201).

    The rightmost target-shaped cell goes to the last value column (Target, or Capaian in
    an LKj), the cells after it to the columns after that (Keterangan), the cells before
    it to the columns before; a row with no target-shaped cell fills the columns before
    the first value column. A row number in the first cell stays in the No column; a
    numbered row with one text and no target is a sasaran (a group row: ``II.``
    ``Meningkatnya ...``) unless the text opens with a measure word (docs 0207).
    """
    n = len(roles)
    while cells and not cells[-1]:
        cells = cells[:-1]
    if not cells:
        return [""] * n
    if n > 1 and roles[0] == "no" and _ROW_NUMBER.match(cells[0]):
        rest = cells[1:]
        texts = [c for c in rest if c]
        if (
            len(texts) == 1
            and "sasaran" in roles
            and not _target_shaped(texts[0])
            and not _starts_measure(texts[0])
            and not _starts_lower(texts[0])
        ):
            out = [""] * n
            out[0], out[roles.index("sasaran")] = cells[0], texts[0]
            return out
        return [cells[0], *_realign(roles[1:], rest)]
    values = [i for i, role in enumerate(roles) if role in _VALUE_ROLES]
    if not values:
        return _right_fit(cells, n)
    shaped = [i for i, cell in enumerate(cells) if _target_shaped(cell)]
    last = values[-1]
    after = len(cells) - 1 - shaped[-1] if shaped else 0
    if not shaped or last + 1 + after > n:
        # No target in this row: its cells belong to the columns before the values.
        width = values[0]
        return _right_fit(cells, width) + [""] * (n - width)
    head = _right_fit(cells[: shaped[-1] + 1], last + 1)
    tail = cells[shaped[-1] + 1 :]
    return head + tail + [""] * (n - len(head) - len(tail))


_VALUE_ROLES = frozenset({"target", "realisasi", "capaian"})
# Columns whose cells are values in their own right: never a target that slipped left.
_VALUE_HOLDING = _VALUE_ROLES | {"baseline", "other", "year"}
# Columns of words, where a target-shaped cell says the row slipped left.
_TEXT_ROLES = frozenset({"sasaran", "indicator", "tujuan", "program", "kegiatan"})


def _right_fit(cells: list[str], width: int) -> list[str]:
    if width <= 0:
        return []
    while len(cells) > width and _ROW_NUMBER.match(cells[0]):
        cells = cells[1:]  # a row number the header did not name
    if len(cells) > width:
        # More cells than columns: the leftmost ones are one cell split by the converter.
        cut = len(cells) - width + 1
        return [" ".join(c for c in cells[:cut] if c), *cells[cut:]]
    return [""] * (width - len(cells)) + cells


def _headerless_roles(lines: Sequence[_Line]) -> tuple[str | None, ...] | None:
    """Columns for rows with no header: ``sasaran, indicator, target`` from the right."""
    hits = 0
    for line in lines:
        cells = [c for c in line.cells or () if c]
        if len(cells) >= 2 and _target_shaped(cells[-1]) and not _target_shaped(cells[-2]):
            hits += 1
    return ("sasaran", "indicator", "target") if hits else None


def _first_roles(cells: Sequence[str]) -> tuple[str | None, ...]:
    return tuple(_column_role(c) if c else None for c in cells)


def _names_columns(cells: Sequence[str]) -> bool:
    """A header of a table that is not a performance table (``Program | Anggaran``)."""
    return _header_like(cells) and sum(bool(c and _column_role(c)) for c in cells) >= 2


def _sasaran_heading(text: str) -> str | None:
    """The sasaran a prose line names as a heading (``Sasaran Strategis 1: Meningkatnya
    ...``, ``SASARAN STRATEGIS III MENINGKATNYA ...``), if it is one: a colon after the
    word, or a number with a separator or a text that opens like a sasaran."""
    found = _SASARAN_HEADING.match(text.replace("*", "").strip().lstrip("#").strip())
    if found is None:
        return None
    rest, num, sep = found.group("text").strip(), found.group("num"), found.group("sep")
    if _starts_lower(rest) or len(rest.split()) > 30 or _target_shaped(rest):
        return None
    named = sep in (":", "–", "—", "-") or (
        num is not None and (sep is not None or _SASARAN_OPENER.match(rest.capitalize()))
    )
    return rest if named else None


def _tables(lines: Sequence[_Line]) -> list[_Table]:
    """Find the tables of a document and assemble their rows."""
    tables: list[_Table] = []
    current: _Table | None = None
    orphans: list[_Line] = []
    # A table ended by the top line of a two-line header: a page break if the header
    # that line begins is the table's own (docs/decisions/0209).
    suspended: _Table | None = None
    # The sasaran a prose heading names, for the tables below it without a sasaran
    # column; ``heading_open`` while its wrapped lines may follow.
    prose_sasaran: str | None = None
    heading_open = False
    # A line of header words just above: the top of a header written over two lines.
    above: _Line | None = None
    # The lines of the header just read; a line of header words right below goes on it.
    parts: list[Sequence[str]] = []
    for index, line in enumerate(lines):
        prose = line.cells is None or (line.lone and not (current and current.structured))
        if prose:
            text = line.text.strip()
            if not text:
                heading_open = False
                continue
            if (current or suspended) and _PAGE_NUMBER.match(text):
                continue
            current, suspended, above, parts = None, None, None, []  # text ends a table
            named = _sasaran_heading(text)
            if named is not None:
                prose_sasaran, heading_open = named, True
            elif heading_open and prose_sasaran and _starts_lower(text):
                prose_sasaran = _join(prose_sasaran, text)  # the heading goes on
            else:
                heading_open = False
                if _CHAPTER.match(text):
                    prose_sasaran = None
            continue
        heading_open = False
        assert line.cells is not None
        cells = line.cells
        printed = current is None or not current.structured
        if not any(cells) or (printed and _is_separator_row(cells)):
            continue
        if parts and current is not None and not current.structured and _header_like(cells):
            # The rest of a header written over two lines (Strategis / Utama / 2025); an
            # export's header is one record, and what follows it is data.
            parts.append(cells)
            header = _header(parts)
            if header is not None and not current.drafts:
                current.roles, current.years = header.roles, header.years
            continue
        parts = []
        top = above if above is not None and above.number == line.number - 1 else None
        header = _header([cells])
        header_lines: list[Sequence[str]] = [cells]
        if top is not None and top.cells is not None:
            with_top = _header([top.cells, cells])
            if with_top is not None:
                header, header_lines = with_top, [top.cells, cells]
        above = None
        if header is not None and not (current and current.structured):
            first = _first_roles(cells)
            if current is not None and first == current.first:
                current.page_break()
            elif suspended is not None and (header.roles, header.years) == (
                suspended.roles,
                suspended.years,
            ):
                current = suspended  # a two-line header repeated on a new page
                current.page_break()
            else:
                # A data export, one complete record per line (docs/decisions/0201).
                roles = set(header.roles)
                structured = "satker" in roles or {"unit", "year"} <= roles
                current = _Table(header.roles, line.number, structured, header.years, first)
                if prose_sasaran and not structured and "sasaran" not in header.roles:
                    current.sasaran = prose_sasaran
                tables.append(current)
            suspended = None
            parts = header_lines
            continue
        if current is None:
            if _header_like(cells):
                above = line
            orphans.append(line)
            continue
        if printed and _is_number_row(cells):
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if (
            printed
            and nxt is not None
            and nxt.cells is not None
            and _header_like(cells)
            and _header([cells]) is None
            and _header([cells, nxt.cells]) is not None
        ):
            # The top line of a header over two lines: the table ends here, unless that
            # header is the table's own, repeated after a page break.
            suspended, current, above = current, None, line
            continue
        if printed and _names_columns(cells):
            # The header of a budget table or the like: it ends the performance table.
            current, above = None, line
            continue
        current.add(line)
    if not tables:
        headerless = _headerless_roles(orphans)
        if headerless is not None:
            table = _Table(headerless, orphans[0].number, False, no_header=True)
            for line in orphans:
                if line.cells and not _is_separator_row(line.cells):
                    table.add(line)
            tables.append(table)
    return [t for t in tables if t.drafts]


# -- context: unit, satker, year, document type ---------------------------------------------


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
        """The last event before ``line``, else the first one of the document."""
        before = [e for e in events if e.line < line]
        if before:
            return before[-1].value
        return events[0].value if events else None

    def signature(self, after: int, before: int) -> _Signature | None:
        return next((s for s in self.signatures if after < s.line < before), None)


def _paragraphs(lines: Sequence[_Line]) -> Iterator[tuple[int, list[str]]]:
    """Runs of consecutive non-blank prose lines, with the number of their first line."""
    start, block = 0, list[str]()
    for line in lines:
        text = line.text.strip() if line.cells is None or line.lone else ""
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


def _context(lines: Sequence[_Line]) -> _Context:
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
        if not _heading_like(text):
            continue
        unit = _unit_in(text)
        if unit is not None:
            units.append(_Event(start, unit))
        year = _year_in(text)
        if year is not None:
            years.append(_Event(start, year))
        doc_type = _doc_type_in(text)
        if doc_type is not None:
            doc_types.append(_Event(start, doc_type))
    signatures.extend(_side_by_side_signatures(lines))
    signatures.sort(key=lambda s: s.line)
    return _Context(tuple(units), tuple(years), tuple(doc_types), tuple(signatures))


def _side_by_side_signatures(lines: Sequence[_Line]) -> Iterator[_Signature]:
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


@functools.cache
def _places() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Region names by level (``provinsi``, ``kabupaten``, ``kota``), longest first."""
    path = resources.files("kinerja_target").joinpath("data", "wilayah.csv")
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))):
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        for name in names:
            table.setdefault(row["level"], []).append((tuple(name.lower().split()), row["name"]))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}


def _destutter(text: str) -> str:
    """Drop a word that repeats the end of the word before it (``Provinsi insi``)."""
    words = text.split()
    kept = [
        w
        for i, w in enumerate(words)
        if not (
            i
            and len(w) >= 3
            and w.islower()
            and words[i - 1].lower().endswith(w)
            and words[i - 1].lower() != w
        )
    ]
    return " ".join(kept)


def _unit_in(text: str) -> str | None:
    """The last organisation unit named in ``text`` outside a signature, in title case."""
    text = _destutter(text)
    found: str | None = None
    for m in _ORG.finditer(text):
        if _OFFICE_BEFORE.search(text[: m.start()].rstrip(" ,:;")):
            continue
        prefix = "Sekretariat KPU" if m.group("sek") else "KPU"
        sek = (m.group("sek") or "").lower()
        setjen = bool(m.group("jen")) or sek.startswith("setjen")
        if setjen or (m.group("ri") and sek):
            # The secretariat of KPU RI is the Sekretariat Jenderal, named with or
            # without "RI" (SEKRETARIAT JENDERAL KOMISI PEMILIHAN UMUM).
            found = _SETJEN
            continue
        if m.group("ri"):
            found = _KPU_RI
            continue
        if m.group("level") is None:
            continue  # "KPU" alone, outside the secretariat: names no unit
        level = _LEVELS[m.group("level").lower().rstrip(".")]
        name = _place_name(level, text[m.end() :])
        if name is not None:
            found = f"{prefix} {level.capitalize()} {name}"
    return found


def _place_name(level: str, rest: str) -> str | None:
    words = [w.strip(".,;:()*") for w in rest.split()]
    low = [w.lower() for w in words]
    levels = ("kota", "kabupaten") if level != "provinsi" else ("provinsi",)
    for key in (level, *levels):
        for tokens, name in _places().get(key, ()):
            if tuple(low[: len(tokens)]) == tokens:
                return name
    taken: list[str] = []
    for word in words[:4]:
        if not word[:1].isupper() or word.lower() in _NAME_STOP or word.isdigit():
            break
        taken.append(word)
    return _title_case(" ".join(taken)) if taken else None


def _title_case(text: str) -> str:
    """``BAGIAN KEUANGAN DAN SDM`` → ``Bagian Keuangan dan SDM``; mixed case is kept."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    out = []
    for i, word in enumerate(text.split()):
        bare = word.strip(",.;:()")
        if bare in _ACRONYMS:
            out.append(word)
        elif i and bare.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word.capitalize())
    return " ".join(out)


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
    title = _destutter(" ".join(signature.first.split()))
    m = _ORG.search(title)
    office = title[: m.start()] if m else title
    office = re.sub(r"^kepala\s+", "", office.strip(" ,"), flags=re.I)
    office = _title_case(office.strip(" ,"))
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


def _satker_of(unit: str | None) -> str | None:
    if unit is None:
        return None
    head = unit.split(" / ")[0]
    if head == _SETJEN:
        return _KPU_RI
    return head.removeprefix("Sekretariat ").strip() or None


# -- from drafts to rows ----------------------------------------------------------------------


def _rows_of_tables(tables: Sequence[_Table], context: _Context, source: str) -> list[Row]:
    rows: list[Row] = []
    for index, table in enumerate(tables):
        next_start = tables[index + 1].start if index + 1 < len(tables) else 1 << 30
        unit = context.at(context.units, table.start)
        signature = context.signature(table.end, next_start)
        sub = _sub_unit(signature) if signature is not None else None
        if unit is not None and sub is not None:
            unit = f"{unit} / {sub}"
        doc_type = context.at(context.doc_types, table.start)
        if table.has_value_columns:
            doc_type = "LKj"  # a table with realisasi reports; whatever the cover says
        year = context.at(context.years, table.start)
        for draft in table.drafts:
            row = _row(draft, unit, year, doc_type, source, index)
            if table.year_columns:
                rows.extend(_rows_by_year(row, draft))
            else:
                rows.append(row)
    return rows


def _rows_by_year(row: Row, draft: _Draft) -> list[Row]:
    """A multi-year table's row: one row for each year it sets a target for (0205)."""
    set_years = [
        (year, cell)
        for year, cell in sorted(draft.per_year.items())
        if not isinstance(_read_target(cell, None), Missing)
    ]
    if not set_years:
        return [_retarget(row, target_raw="")]
    return [_retarget(row, year=year, target_raw=cell) for year, cell in set_years]


def _retarget(row: Row, **changes: Any) -> Row:
    """``row`` with ``changes``, its target read again from the changed cells."""
    changed = attrs.evolve(row, **changes)
    return attrs.evolve(changed, target=_row_target(changed))


def _bare_number(text: str) -> bool:
    value = _read_target(text, None)
    return isinstance(value, Number) and value.scale is None and not value.note


# -- text documents -----------------------------------------------------------------------------


def _read_text(text: str, source: str) -> list[Row]:
    lines = _text_lines(text)
    tables = _tables(lines)
    if tables:
        return _rows_of_tables(tables, _context(lines), source)
    return _read_flattened(lines, source)


# -- the flattened layout -------------------------------------------------------------------------

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


def _pieces(lines: Sequence[_Line]) -> list[_Piece]:
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


def _starts_measure(text: str) -> bool:
    return text[:1].isupper() and expectation_for(text) is not None


def _read_flattened(lines: Sequence[_Line], source: str) -> list[Row]:
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


def _row(
    draft: _Draft,
    unit: str | None,
    year: str | None,
    doc_type: str | None,
    source: str,
    table: int,
) -> Row:
    """The row a draft becomes, placed in its unit, year and kind of document."""
    return Row(
        indicator=draft.indicator,
        target_raw=draft.target,
        sasaran=draft.sasaran,
        satker=_satker_of(unit),
        unit=unit,
        year=int(year) if year else None,
        doc_type=doc_type,
        realisasi_raw=draft.realisasi,
        capaian_raw=draft.capaian,
        satuan=draft.satuan,
        source=source,
        line=draft.line,
        doubts=draft.doubts,
        table=table,
    )


# -- delimited files ------------------------------------------------------------------------------


def _read_delimited(text: str, source: str, delimiter: str | None) -> list[Row]:
    if delimiter is None:
        delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[_Line] = []
    start = 1
    try:
        for record in reader:
            lines.append(_record_line(start, [_cell(c) for c in record]))
            start = reader.line_num + 1
    except csv.Error as exc:
        # Name the line where the bad record begins: an unclosed quote is read to the end.
        raise DocumentReadError(source, f"malformed CSV record: {exc}", start) from None
    return _rows_of_lines(lines, source)


def _sniff(text: str) -> str:
    """The delimiter under which a header row appears (``;`` from an Indonesian Excel)."""
    sample = "\n".join(text.split("\n")[:60])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = ","
    for delimiter in dict.fromkeys((sniffed, ",", ";", "\t", "|")):
        try:
            records = list(csv.reader(io.StringIO(sample), delimiter=delimiter))
        except csv.Error:
            continue
        if any(_header_roles([_cell(c) for c in r]) for r in records):
            return delimiter
    return sniffed


def _record_line(number: int, cells: list[str]) -> _Line:
    """A record of a delimited file or a sheet. A value alone in its first column is a
    line of prose (a title), and so is a date or a *Pihak* mark alone anywhere (the
    signature block an author writes into the right-hand columns)."""
    filled = [i for i, c in enumerate(cells) if c]
    lone = len(filled) == 1 and (
        filled[0] == 0
        or bool(_DATE_LINE.match(cells[filled[0]]) or _SIGNATORY.match(cells[filled[0]]))
    )
    return _Line(number, cells[filled[0]] if lone else "", tuple(cells), lone)


def _rows_of_lines(lines: Sequence[_Line], source: str) -> list[Row]:
    """Rows of a delimited file or a sheet: its tables, or a flattened table written one
    value a record; a file with values and neither has no header we know."""
    tables = _tables(lines)
    if not tables:
        filled = [line for line in lines if line.cells and any(line.cells)]
        if filled and all(line.lone for line in filled):
            # One value a record: a flattened table pasted into a spreadsheet.
            flattened = _read_flattened(lines, source)
            if flattened:
                return flattened
        if filled:
            raise DocumentReadError(
                source,
                "no header row with an indicator column and a target column "
                "(see data/tables_columns.csv for the names recognised)",
                1,
            )
        return []
    rows: list[Row] = []
    printed = [t for t in tables if not t.structured]
    if printed:
        rows.extend(_rows_of_tables(printed, _context(lines), source))
    for table in tables:
        if table.structured:
            rows.extend(_structured_rows(table, lines, source))
    rows.sort(key=lambda r: r.line or 0)
    return rows


def _structured_rows(table: _Table, lines: Sequence[_Line], source: str) -> list[Row]:
    by_number = {line.number: line for line in lines}
    rows: list[Row] = []
    for draft in table.drafts:
        cells = by_number[draft.line].cells or ()
        values, _, _ = table.align(cells)
        year = values.get("year", "")
        rows.append(
            Row(
                indicator=draft.indicator,
                target_raw=draft.target,
                sasaran=draft.sasaran,
                satker=values.get("satker"),
                unit=values.get("unit"),
                year=_year_value(year),
                doc_type=values.get("doc_type"),
                realisasi_raw=draft.realisasi,
                capaian_raw=draft.capaian,
                satuan=values.get("satuan"),
                source=source,
                line=draft.line,
                doubts=[
                    *draft.doubts,
                    *(["unreadable_year"] if year and not _year_value(year) else []),
                ],
            )
        )
    return rows


def _year_value(text: str) -> int | None:
    found = re.fullmatch(r"\s*(\d{4})(?:[.,]0+)?\s*", text)
    return int(found.group(1)) if found else None


# -- workbooks ------------------------------------------------------------------------------------


def _read_xlsx(path: Path, source: str) -> list[Row]:
    import openpyxl  # imported here: most callers read text

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DocumentReadError(source, f"not a readable XLSX workbook: {exc}") from None
    rows: list[Row] = []
    errors: list[DocumentReadError] = []
    sheets = list(book.worksheets)
    for sheet in sheets:
        name = f"{source}[{sheet.title}]" if len(sheets) > 1 else source
        lines = [_record_line(n, cells) for n, cells in _sheet_records(sheet)]
        try:
            rows.extend(_rows_of_lines(lines, name))
        except DocumentReadError as exc:
            errors.append(exc)
    if errors and not rows:
        raise errors[0]
    return rows


def _sheet_records(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    # Merged cells hold their value in the top-left cell only. A printed table merges
    # the sasaran of its rows, so every row of a merged range gets the value; a range
    # across columns (a title over the table) is one value, in its first column.
    merged: dict[tuple[int, int], Any] = {}
    for cell_range in sheet.merged_cells.ranges:
        anchor = sheet.cell(cell_range.min_row, cell_range.min_col)
        for r in range(cell_range.min_row, cell_range.max_row + 1):
            merged[(r, cell_range.min_col)] = anchor
    for row in sheet.iter_rows():
        number = row[0].row if row else 0
        cells = [_xlsx_text(merged.get((number, c.column), c)) for c in row]
        yield number, cells


def _xlsx_text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return _xlsx_number(value, cell.number_format or "General")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return _cell(str(value))


_FORMAT_DECIMALS = re.compile(r"0(?:\.(0+))?")


def _xlsx_number(value: float | Decimal, number_format: str) -> str:
    """A number as the sheet shows it, written the Indonesian way (``82,35%``, ``102,94``):
    a percent format multiplies by 100, a format with fixed decimals rounds to them, and a
    float is read to 15 significant digits (``87.49999999999999`` is ``87,5``)."""
    number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
    section = _TAG.sub("", re.sub(r'"[^"]*"|\[[^]]*]', "", number_format.split(";")[0]))
    if "%" in section:
        number *= 100
    decimals = _FORMAT_DECIMALS.search(section.replace(",", ""))
    if decimals is not None and number_format.lower() != "general":
        places = len(decimals.group(1) or "")
        text = format(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    else:
        text = _plain_decimal(number)
    return text.replace(".", ",") + ("%" if "%" in section else "")


def _plain_decimal(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _write_xlsx(records: Sequence[Sequence[str]], path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, record in enumerate(records, 1):
        for c, text in enumerate(record, 1):
            if not text:
                continue
            cell = sheet.cell(r, c)
            cell.value = text
            cell.data_type = "s"  # text stays text: "=..." is not a formula, "100" not a number
    book.save(path)
