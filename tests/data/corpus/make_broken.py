"""Make the unreadable documents the containers must refuse with a clear error.

* ``scanned.pdf``: a page that is only an image (a scan without OCR), drawn with Pillow;
* ``encrypted.pdf``: a corpus PDF that needs a password to open (pypdf, AES-256);
* ``owner_only.pdf``: a PDF encrypted with an owner password only, which opens without
  one and must be read as usual;
* ``truncated.pdf``, ``truncated.docx``: the first half of a corpus file (a download cut off);
* ``no_document.docx``: a zip holding no Word document part;
* ``encrypted.docx``: a Word document saved with a password (an OLE file), written with
  msoffcrypto-tool when it is installed (``pip install msoffcrypto-tool``).

Run: ``python tests/data/corpus/make_broken.py``.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "broken"
PDF = HERE / "rkt_kab_kulon_progo_2024.pdf"
DOCX = HERE / "rkt_kab_kulon_progo_2024.docx"


def scanned() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 300), 255)
    draw = ImageDraw.Draw(image)
    lines = ["RENCANA KINERJA TAHUNAN 2024", "No  Indikator Kinerja  Target", "1   Nilai SAKIP  BB"]
    for k, text in enumerate(lines):
        draw.text((30, 30 + 40 * k), text, fill=0)
    image.save(OUT / "scanned.pdf", "PDF", resolution=72)


def encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    for name, user in (("encrypted.pdf", "rahasia"), ("owner_only.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(PDF))
        writer.encrypt(user_password=user, owner_password="pemilik", algorithm="AES-256")
        with (OUT / name).open("wb") as f:
            writer.write(f)


def truncated() -> None:
    for source, name in ((PDF, "truncated.pdf"), (DOCX, "truncated.docx")):
        data = source.read_bytes()
        (OUT / name).write_bytes(data[: len(data) // 2])


def no_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("notes.txt", "not a Word document")
    (OUT / "no_document.docx").write_bytes(buffer.getvalue())


def encrypted_docx() -> None:
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("no msoffcrypto-tool: encrypted.docx not made", file=sys.stderr)
        return
    with DOCX.open("rb") as plain, (OUT / "encrypted.docx").open("wb") as out:
        OOXMLFile(plain).encrypt("rahasia", out)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    scanned()
    encrypted_pdf()
    truncated()
    no_document()
    encrypted_docx()
    for path in sorted(OUT.iterdir()):
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
