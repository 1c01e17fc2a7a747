"""One harness for the document containers (HTML, Word, PDF): the same table read from
each container gives the same records.

* The shared real table (``../shared/realdocs/sumedang_renstra_diskominfo.*``, a Pemda
  Renstra as HTML, a LibreOffice Word conversion and a Chromium print) gives, in every
  container, the records its CSV export gives, and every (indicator, target) pair of its
  hand-checked gold in one record.
* The project's own documents rendered by ``tests/data/corpus/make_corpus.py`` give back
  the tab-separated records of their source text, and its prose in order.
* Unreadable files (a scan, a password, a cut-off download) raise clear errors.
"""

from __future__ import annotations

import csv
import functools
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from conftest import DATA, REALDOCS
from kinerja_target.containers import Grid, open_grids
from kinerja_target.errors import DocumentReadError, MissingExtraError

CORPUS = DATA / "corpus"
BROKEN = CORPUS / "broken"
REAL = REALDOCS / "sumedang_renstra_diskominfo"


def squash(text: str) -> str:
    """A cell's text without its whitespace: line breaks and wrapping differ by container."""
    return "".join(text.split())


def records(rows: Iterable[Iterable[str]]) -> list[tuple[str, ...]]:
    """The filled cells of each record, in order; empty records left out (a covered row
    of a merge, a spacer row), as are empty cells (the columns of a merge differ)."""
    out = [tuple(squash(cell) for cell in row if squash(cell)) for row in rows]
    return [row for row in out if row]


def grid_records(grid: Grid) -> list[tuple[str, ...]]:
    return records(line.cells for line in grid.lines if line.cells is not None)


def grid_prose(grid: Grid) -> list[str]:
    return [squash(line.text) for line in grid.lines if line.cells is None and line.text.strip()]


@functools.cache
def only(path: Path) -> Grid:
    """The one grid of a document, read once for all the tests that look at it."""
    grids = open_grids(path)
    assert len(grids) == 1
    return grids[0]


# -- the shared real table ---------------------------------------------------------------


def _real(suffix: str) -> Path:
    path = REAL.with_suffix(suffix)
    if not path.exists():
        pytest.skip(f"the shared real documents are not beside the checkout ({REALDOCS})")
    return path


def _gold_pairs() -> list[tuple[str, str]]:
    with _real(".gold.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(squash(row["indicator"]), squash(row["target"])) for row in rows]


def _csv_records() -> list[tuple[str, ...]]:
    with _real(".csv").open(encoding="utf-8", newline="") as f:
        return records(csv.reader(f))


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_real_table_gives_the_records_of_its_csv_export(suffix: str) -> None:
    grid = only(_real(suffix))
    assert grid.container == suffix[1:]
    assert grid_records(grid) == _csv_records()


@pytest.mark.parametrize("suffix", [".csv", ".html", ".docx", ".pdf"])
def test_real_table_keeps_each_gold_indicator_with_its_targets(suffix: str) -> None:
    path = _real(suffix)
    rows = _csv_records() if suffix == ".csv" else grid_records(only(path))
    pairs = _gold_pairs()
    assert len(pairs) == 56
    found = [pair for pair in pairs if any(pair[0] in row and pair[1] in row for row in rows)]
    assert found == pairs


def test_real_table_merges_are_spans_on_the_anchor() -> None:
    html = only(_real(".html"))
    header = html.lines[0]
    assert header.cells is not None
    assert header.cells[3] == "Kode"
    # `Kode` over five columns and six header rows, clipped to the five rows of <thead>.
    assert any(s.column == 3 and s.columns == 5 and s.rows == 5 for s in header.spans)
    assert header.cells[4:8] == ("", "", "", "")


def test_real_pdf_lines_name_their_page() -> None:
    grid = only(_real(".pdf"))
    assert {line.where for line in grid.lines} == {"halaman 1"}


# -- the corpus made from the project's own documents -------------------------------------


def _source(name: str) -> Path:
    stem = name.split(".")[0]
    for folder in (DATA, DATA / "unseen"):
        if (folder / f"{stem}.txt").exists():
            return folder / f"{stem}.txt"
    raise AssertionError(f"no source text for {name}")


def _source_records(text: str) -> list[tuple[str, ...]]:
    return records(line.split("\t") for line in text.split("\n") if "\t" in line)


def _source_prose(text: str) -> list[str]:
    return [squash(line) for line in text.split("\n") if "\t" not in line and line.strip()]


# PDFs of other printers (LibreOffice, Chromium in portrait) are measured row by row in
# ``tests/test_corpus_rows.py``; their grids are not the source's records one for one.
OTHER_PRINTERS = (".lo.pdf", ".lo.unruled.pdf", ".portrait.pdf")
RULED = sorted(
    p.name
    for p in CORPUS.iterdir()
    if p.suffix in (".html", ".docx", ".pdf")
    and ".unruled." not in p.name
    and not p.name.endswith(OTHER_PRINTERS)
)
UNRULED = sorted(
    p.name for p in CORPUS.glob("*.unruled.pdf") if not p.name.endswith(OTHER_PRINTERS)
)


def test_corpus_covers_every_container() -> None:
    kinds = {name.split(".", 1)[1] for name in RULED + UNRULED}
    assert kinds == {"html", "docx", "lo.docx", "pdf", "unruled.pdf"}
    assert len(RULED) >= 40


@pytest.mark.parametrize("name", RULED)
def test_corpus_document_gives_back_its_source_records(name: str) -> None:
    text = _source(name).read_text(encoding="utf-8")
    grid = only(CORPUS / name)
    assert grid_records(grid) == _source_records(text)


@pytest.mark.parametrize("name", [n for n in RULED if not n.endswith(".pdf")])
def test_corpus_html_and_word_keep_the_prose_lines(name: str) -> None:
    text = _source(name).read_text(encoding="utf-8")
    assert grid_prose(only(CORPUS / name)) == _source_prose(text)


@pytest.mark.parametrize("name", [n for n in RULED + UNRULED if n.endswith(".pdf")])
def test_corpus_pdf_keeps_the_prose_in_order(name: str) -> None:
    # A printed line wraps, and the browser adds its date and page lines: the source's
    # prose is found in order in the text of the prose lines.
    text = _source(name).read_text(encoding="utf-8")
    grid = only(CORPUS / name)
    printed = "".join(grid_prose(grid))
    if grid.layout == "text":
        printed = "".join(squash(line.text or " ".join(line.cells or ())) for line in grid.lines)
    position = 0
    for line in _source_prose(text):
        found = printed.find(line, position)
        assert found >= 0, line
        position = found + len(line)
    assert all(line.where and line.where.startswith("halaman ") for line in grid.lines)


@pytest.mark.parametrize("name", UNRULED)
def test_unruled_pdf_keeps_each_cell_in_one_column(name: str) -> None:
    """Without ruling lines a record is a printed line: a wrapped cell goes on in the same
    column of the lines below, so each source cell is found in one column's text."""
    text = _source(name).read_text(encoding="utf-8")
    grid = only(CORPUS / name)
    assert grid.layout == "text"
    columns: list[str] = []
    block: list[tuple[str, ...]] = []
    for line in [*grid.lines, None]:
        if line is not None and line.cells is not None:
            block.append(line.cells)
            continue
        width = max((len(cells) for cells in block), default=0)
        columns += ["".join(squash(c[k]) for c in block if k < len(c)) for k in range(width)]
        block = []
    cells = [c for row in _source_records(text) for c in row]
    found = [c for c in cells if any(c in column for column in columns)]
    assert len(found) >= 0.98 * len(cells)


def test_pdf_joins_a_table_across_pages_without_its_repeated_header() -> None:
    grid = only(CORPUS / "002_e40dd7b3712ee41b.pdf")
    pages = {line.where for line in grid.lines if line.cells is not None}
    assert len(pages) > 1
    # The row cut by the first page break is one record, as in the source.
    row = next(
        line.cells
        for line in grid.lines
        if line.cells and line.cells[0].startswith("Operasional Perkantoran dan")
    )
    assert squash(row[1]) == squash(
        "Terwujudnya dukungan sarana dan prasarana guna meningkatkan kelancaran tugas KPU"
    )


# -- real tables in other layouts (tests/data/corpus/SOURCES.md) -------------------------

REAL_TABLES = sorted(p.stem for p in (CORPUS / "real").glob("*.html"))


def _expected_pairs(name: str) -> list[tuple[str, str]]:
    with (CORPUS / "real" / "expected_pairs.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(squash(r["indicator"]), squash(r["target"])) for r in rows if r["file"] == name]


@pytest.mark.parametrize("suffix", [".pdf", ".pages.pdf", ".unruled.pdf", ".lo.docx"])
@pytest.mark.parametrize("name", REAL_TABLES)
def test_real_layout_gives_the_same_records_in_each_container(name: str, suffix: str) -> None:
    page = grid_records(only(CORPUS / "real" / f"{name}.html"))
    assert grid_records(only(CORPUS / "real" / f"{name}{suffix}")) == page


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".pages.pdf", ".unruled.pdf", ".lo.docx"])
@pytest.mark.parametrize("name", REAL_TABLES)
def test_real_layout_keeps_each_indicator_with_its_targets(name: str, suffix: str) -> None:
    rows = grid_records(only(CORPUS / "real" / f"{name}{suffix}"))
    pairs = _expected_pairs(name)
    assert len(pairs) >= 8
    assert [p for p in pairs if any(p[0] in row and p[1] in row for row in rows)] == pairs


# -- unreadable documents -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scanned.pdf", "has no text layer (a scan?): run OCR (e.g. ocrmypdf) first"),
        ("encrypted.pdf", "password-protected"),
        ("truncated.pdf", "damaged"),
        ("truncated.docx", "damaged"),
        ("no_document.docx", "no Word document"),
        ("encrypted.docx", "password-protected"),
    ],
)
def test_unreadable_document_is_a_clear_error(name: str, reason: str) -> None:
    path = BROKEN / name
    with pytest.raises(DocumentReadError) as caught:
        open_grids(path, source=name)
    assert caught.value.source == name
    assert reason in caught.value.reason


def test_pdf_with_only_an_owner_password_is_read() -> None:
    source = _source("rkt_kab_kulon_progo_2024.txt").read_text(encoding="utf-8")
    assert grid_records(only(BROKEN / "owner_only.pdf")) == _source_records(source)


@pytest.mark.parametrize(
    ("name", "module", "extra"),
    [
        ("rkt_kab_kulon_progo_2024.pdf", "pdfplumber", "pdf"),
        ("rkt_kab_kulon_progo_2024.docx", "docx", "docx"),
    ],
)
def test_missing_extra_names_it(
    name: str, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError) as caught:
        open_grids(CORPUS / name)
    assert caught.value.extra == extra
    assert f"kinerja-target[{extra}]" in str(caught.value)


def test_a_broken_page_is_noted_and_the_others_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from kinerja_target.containers import pdf

    read_page = pdf._read_page

    def failing(plumber: object, page: object, number: int, source: str) -> object:
        if number == 2:
            raise ValueError("bad content stream")
        return read_page(plumber, page, number, source)

    monkeypatch.setattr(pdf, "_read_page", failing)
    (grid,) = open_grids(CORPUS / "001_53cc4f34b63af8fb.pdf")
    assert grid.notes == ("damaged, not read: halaman 2 (ValueError: bad content stream)",)
    assert {line.where for line in grid.lines} == {"halaman 1", "halaman 3"}
