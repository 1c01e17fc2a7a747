"""The same tab-separated document in other containers: markdown pipes, CRLF text, CSV
(``,`` or ``;``) and XLSX. The table tests read a document in each and expect the
same rows."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl

Container = Callable[[str, Path], "Path | str"]


def records(text: str) -> list[list[str]]:
    """A line of cells is a record of cells; a line of prose a record of one value."""
    return [x.split("\t") if "\t" in x else [x] if x.strip() else [] for x in text.split("\n")]


def as_pipes(text: str, _: Path) -> Path | str:
    lines = text.split("\n")
    return "\n".join("| " + " | ".join(x.split("\t")) + " |" if "\t" in x else x for x in lines)


def as_crlf(text: str, folder: Path) -> Path | str:
    path = folder / "doc.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def _csv(text: str, folder: Path, delimiter: str) -> Path:
    path = folder / "doc.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(records(text))
    return path


def as_csv(text: str, folder: Path) -> Path | str:
    return _csv(text, folder, ",")


def as_semicolon_csv(text: str, folder: Path) -> Path | str:
    """As an Indonesian Excel exports CSV."""
    return _csv(text, folder, ";")


def as_xlsx(text: str, folder: Path) -> Path | str:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for r, record in enumerate(records(text), 1):
        for c, value in enumerate(record, 1):
            if value:
                sheet.cell(r, c).value = value
    path = folder / "doc.xlsx"
    book.save(path)
    return path
