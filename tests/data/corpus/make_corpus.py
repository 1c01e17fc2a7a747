"""Render the project's own documents into the containers a satker holds: HTML, PDF, DOCX.

The sources are the tab-separated texts under ``tests/data`` (the five seeds, extracted
from PDFs) and ``tests/data/unseen``. Each becomes:

* ``NAME.html``: prose lines as ``<p>``, each run of tabbed lines as a ``<table>`` whose
  first row is its ``<thead>``; an empty cell under a filled one is merged into it
  (``rowspan``, as a sasaran over its indicators) and a row with one value followed by
  empty cells spans them (``colspan``), so the expanded grid gives back the source's cells;
* ``NAME.pdf``: that page printed by headless Chromium (A4 landscape, ruled cells, the
  header repeated on every page, Chromium's own date/title/page-number lines kept);
* ``NAME.unruled.pdf`` (the seeds): the same without ruling lines, read from the words'
  positions;
* ``NAME.docx``: a Word document written with python-docx, the same merges as Word merges;
* ``NAME.lo.docx`` (the seeds): the HTML opened and saved as Word by LibreOffice;
* ``NAME.lo.pdf``: that Word document exported to PDF by LibreOffice (``soffice
  --convert-to pdf``: a word processor's layout, Liberation fonts, no running lines, rows
  cut at the page ends and no header repeated);
* ``NAME.lo.unruled.pdf``: the same Word document with tables without borders (Word's
  plain table style), exported by LibreOffice: rows apart by the paragraph spacing only;
* ``NAME.portrait.pdf`` (the unseen documents): the HTML printed by Chromium on Letter
  paper in portrait at 80%, without ruling lines and without Chromium's header and footer,
  so that columns are narrow and cells wrap over many lines.

The real tables under ``real/`` (SOURCES.md) become ``NAME.pdf`` and ``NAME.lo.docx`` beside
them, and ``NAME.csv`` (``make_corpus.py real`` makes only those; ``make_corpus.py real
layouts`` only the tables of ``real/layouts/``; ``make_corpus.py printed`` only the
``.lo.pdf``, ``.lo.unruled.pdf`` and ``.portrait.pdf`` files, from the Word documents
there, and the real tables' ``.unruled.pdf``).

Run from anywhere: ``python tests/data/corpus/make_corpus.py`` (needs ``chromium``,
``soffice`` and python-docx; missing tools skip their files with a message).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
SEEDS = sorted(DATA.glob("00*.txt"))
UNSEEN = sorted((DATA / "unseen").glob("*.txt"))

CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
th, td { padding: 2pt 4pt; vertical-align: top; text-align: left; }
table.ruled th, table.ruled td { border: 0.75pt solid #000; }
table.plain th, table.plain td { padding: 2pt 9pt; }
thead { display: table-header-group; }
p { margin: 2pt 0; }
"""


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """The source as ("prose", [line]) and ("table", [tabbed lines]) blocks."""
    out: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        kind = "table" if "\t" in line else "prose"
        if kind == "table" and out and out[-1][0] == "table":
            out[-1][1].append(line)
        else:
            out.append((kind, [line]))
    return out


def merges(rows: list[list[str]]) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) -> (rowspan, colspan) for every cell written; covered cells absent."""
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        filled = [c for c, text in enumerate(row) if text.strip()]
        if (
            r > 0
            and len(filled) == 1
            and filled[0] < width - 1
            and all(not t.strip() for t in row[filled[0] + 1 :])
        ):
            # A group row: one value over the rest of the row.
            spans[(r, filled[0])] = (1, width - filled[0])
            covered.update((r, c) for c in range(filled[0] + 1, width))
    for c in range(width - 1):
        r = 1  # the header row is never merged down
        while r < len(grid):
            if (r, c) in covered or not grid[r][c].strip() or spans.get((r, c), (1, 1))[1] > 1:
                r += 1
                continue
            down = 1
            while (
                r + down < len(grid)
                and not grid[r + down][c].strip()
                and (r + down, c) not in covered
                and (r + down, c) not in spans
            ):
                down += 1
            if down > 1:
                spans[(r, c)] = (down, 1)
                covered.update((r + k, c) for k in range(1, down))
            r += down
    for r in range(len(grid)):
        for c in range(width):
            if (r, c) not in covered and (r, c) not in spans:
                spans[(r, c)] = (1, 1)
    return spans


def to_html(text: str, title: str, ruled: bool = True) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
    ]
    for kind, lines in blocks(text):
        if kind == "prose":
            parts.extend(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
            continue
        rows = [line.split("\t") for line in lines]
        spans = merges(rows)
        width = max(len(r) for r in rows)
        parts.append(f'<table class="{"ruled" if ruled else "plain"}">')
        for r, row in enumerate(rows):
            row = row + [""] * (width - len(row))
            if r == 0:
                parts.append("<thead>")
            elif r == 1:
                parts.append("<tbody>")
            cells = []
            tag = "th" if r == 0 else "td"
            for c, value in enumerate(row):
                if (r, c) not in spans:
                    continue
                down, across = spans[(r, c)]
                attributes = (f" rowspan={down}" if down > 1 else "") + (
                    f" colspan={across}" if across > 1 else ""
                )
                cells.append(f"<{tag}{attributes}>{html.escape(value.strip())}</{tag}>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
            if r == 0:
                parts.append("</thead>")
        if len(rows) > 1:
            parts.append("</tbody>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_pdf(page: Path, out: Path, *extra: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium: skipping", out.name, file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                *extra,
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def to_docx(text: str, out: Path, ruled: bool = True) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.styles["Normal"].font.size = Pt(8)
    for kind, lines in blocks(text):
        if kind == "prose":
            for line in lines:
                if line.strip():
                    document.add_paragraph(line)
            continue
        rows = [line.split("\t") for line in lines]
        width = max(len(r) for r in rows)
        spans = merges(rows)
        table = document.add_table(rows=len(rows), cols=width)
        if ruled:
            table.style = "Table Grid"
        for (r, c), (down, across) in spans.items():
            value = rows[r][c].strip() if c < len(rows[r]) else ""
            cell = table.cell(r, c)
            if value:
                cell.text = value
            if down > 1 or across > 1:
                cell.merge(table.cell(r + down - 1, c + across - 1))
    document.save(str(out))


def _soffice(source: Path, out: Path, target: str, suffix: str) -> None:
    """``source`` converted by LibreOffice to ``target`` (``pdf``, ``docx:MS Word 2007
    XML``) and moved to ``out``; a message, and no file, when LibreOffice is missing or
    fails."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("no soffice: skipping", out.name, file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        made = Path(work) / (source.stem + suffix)
        if not made.exists():
            print("soffice could not convert (is libreoffice-writer installed?):", out.name)
            return
        shutil.move(made, out)


def to_lo_pdf(document: Path, out: Path) -> None:
    """A Word document exported to PDF by LibreOffice."""
    _soffice(document, out, "pdf", ".pdf")


# Letter paper in portrait at 80%, without ruling lines: narrow columns.
PORTRAIT = "<style>@page { size: Letter portrait; margin: 15mm; } body { zoom: 0.8; }</style>"


def to_lo_docx(page: Path, out: Path) -> None:
    """An HTML page saved as Word by LibreOffice."""
    _soffice(page, out, "docx:MS Word 2007 XML", ".docx")


# A wide Renstra table printed as a user would fit it on the page (as the realdocs PDF).
PRINT_FIT = (
    "<style>@page { size: A3 landscape; margin: 10mm; } body { zoom: 0.6; }"
    " table { border-collapse: collapse; } th, td { border: 1px solid #000; }</style>"
)


# The same on A4 at a readable size: the table runs over pages, its three header rows
# repeated on each, rows cut by the page ends.
PRINT_PAGES = (
    "<style>@page { size: A4 landscape; margin: 10mm; } body { zoom: 0.75; }"
    " table { border-collapse: collapse; } th, td { border: 1px solid #000; }</style>"
)


def print_fitted(page: Path, style: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        fitted = Path(work) / page.name
        fitted.write_text(
            page.read_text(encoding="utf-8").replace("</head>", style + "</head>"),
            encoding="utf-8",
        )
        to_pdf(fitted, out)


def to_csv(page: Path, out: Path) -> None:
    """The page as a spreadsheet's CSV export gives it: a merged cell's text in its
    top-left cell, the cells it covers empty, a line break kept inside its quoted field;
    a heading or paragraph is a record of one cell. The grid is the project's own HTML
    table model (``containers.html``), the one a browser prints."""
    import csv
    import io

    sys.path.insert(0, str(HERE.parents[2] / "src"))
    from kinerja_target.containers import open_grids

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for grid in open_grids(page):
        for line in grid.lines:
            writer.writerow(line.cells if line.cells is not None else (line.text,))
    out.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def real() -> None:
    """The real tables under ``real/`` (see SOURCES.md) printed to PDF, saved as Word and
    exported as CSV; those under ``real/layouts/`` are small: one PDF print each."""
    for page in sorted((HERE / "real").glob("*.html")):
        for style, suffix in ((PRINT_FIT, ".pdf"), (PRINT_PAGES, ".pages.pdf")):
            print_fitted(page, style, page.with_suffix(suffix))
        to_lo_docx(page, page.with_suffix(".lo.docx"))
        to_csv(page, page.with_suffix(".csv"))
        print("made", page.stem)
    real_layouts()


def real_layouts() -> None:
    """The tables of ``real/layouts/`` only (``make_corpus.py real layouts``)."""
    for page in sorted((HERE / "real" / "layouts").glob("*.html")):
        print_fitted(page, PRINT_PAGES, page.with_suffix(".pdf"))
        to_lo_docx(page, page.with_suffix(".lo.docx"))
        to_csv(page, page.with_suffix(".csv"))
        print("made", page.stem)


# The real tables fitted on the page as PRINT_FIT, without ruling lines.
PRINT_UNRULED = (
    "<style>@page { size: A3 landscape; margin: 10mm; } body { zoom: 0.6; }"
    " table { border-collapse: collapse; } th, td { padding: 1pt 4pt; }</style>"
)


def real_unruled() -> None:
    """The real tables under ``real/`` printed without ruling lines (``NAME.unruled.pdf``)."""
    for page in sorted((HERE / "real").glob("*.html")):
        with tempfile.TemporaryDirectory() as work:
            plain = Path(work) / page.name
            plain.write_text(
                page.read_text(encoding="utf-8").replace("</head>", PRINT_UNRULED + "</head>"),
                encoding="utf-8",
            )
            to_pdf(plain, page.with_suffix(".unruled.pdf"), "--no-pdf-header-footer")


def printed(source: Path) -> None:
    """The PDFs of other printers: LibreOffice's export of the Word document (ruled, and
    without borders) and, for the unseen documents, Chromium in portrait."""
    text = source.read_text(encoding="utf-8")
    name = source.stem
    to_lo_pdf(HERE / f"{name}.docx", HERE / f"{name}.lo.pdf")
    with tempfile.TemporaryDirectory() as work:
        plain = Path(work) / f"{name}.docx"
        to_docx(text, plain, ruled=False)
        to_lo_pdf(plain, HERE / f"{name}.lo.unruled.pdf")
    if source in UNSEEN:
        with tempfile.TemporaryDirectory() as work:
            narrow = Path(work) / f"{name}.html"
            narrow.write_text(
                to_html(text, name, ruled=False).replace("</head>", PORTRAIT + "</head>"),
                encoding="utf-8",
            )
            to_pdf(narrow, HERE / f"{name}.portrait.pdf", "--no-pdf-header-footer")


def main() -> None:
    if sys.argv[1:] == ["real", "layouts"]:
        real_layouts()
        return
    if sys.argv[1:] == ["real"]:
        real()
        return
    if sys.argv[1:] == ["printed"]:
        real_unruled()
        for source in SEEDS + UNSEEN:
            printed(source)
            print("printed", source.stem)
        return
    real()
    real_unruled()
    for source in SEEDS + UNSEEN:
        text = source.read_text(encoding="utf-8")
        name = source.stem
        page = HERE / f"{name}.html"
        page.write_text(to_html(text, name), encoding="utf-8")
        to_pdf(page, HERE / f"{name}.pdf")
        to_docx(text, HERE / f"{name}.docx")
        printed(source)
        if source in SEEDS:
            with tempfile.TemporaryDirectory() as work:
                plain = Path(work) / f"{name}.html"
                plain.write_text(to_html(text, name, ruled=False), encoding="utf-8")
                to_pdf(plain, HERE / f"{name}.unruled.pdf")
            to_lo_docx(page, HERE / f"{name}.lo.docx")
        print("made", name)


if __name__ == "__main__":
    main()
