"""The reader on the awkward-file corpus (``tests/data/awkward/``, its README and
``expected.json``): every row kept where it stands, or a clear error naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kinerja_target.documents import read_file
from kinerja_target.errors import DocumentReadError

AWKWARD = Path(__file__).parent / "data" / "awkward"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (AWKWARD / "expected.json").read_text(encoding="utf-8")
)
FIELDS = {
    "target": "target_raw",
    "realisasi": "realisasi_raw",
    "capaian": "capaian_raw",
    "sasaran": "sasaran",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_awkward_file_keeps_its_rows_or_says_why(name: str) -> None:
    spec = EXPECTED[name]
    path = AWKWARD / name
    if spec["expect"] == "error":
        with pytest.raises(DocumentReadError) as caught:
            read_file(path)
        assert caught.value.source == str(path)
        assert caught.value.reason  # a reason in words, not a traceback
        return
    reading = read_file(path)
    got = {(r.line, r.indicator): r for r in reading.rows}
    assert len(reading.rows) == len(spec["rows"]), [r.indicator for r in reading.rows]
    for want in spec["rows"]:
        row = got[(want["line"], want["indicator"])]
        for field, attribute in FIELDS.items():
            if field in want:
                assert (getattr(row, attribute) or "") == (want[field] or ""), (field, want)


def test_an_encrypted_workbook_is_named_as_such() -> None:
    with pytest.raises(DocumentReadError, match="password-protected"):
        read_file(AWKWARD / "encrypted.xlsx")


def test_a_guessed_encoding_is_a_note() -> None:
    reading = read_file(AWKWARD / "cp1252.csv")
    assert any("Windows-1252" in note for note in reading.notes)
