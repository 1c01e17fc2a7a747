"""A workbook's zip as its parts: read whole, located by their relationships, written
back with every member that was not edited copied as it was.

A workbook is an Open Packaging Conventions zip (ECMA-376 Part 2): ``_rels/.rels`` names
the workbook part, the workbook's relationships name its sheets, styles and calculation
chain, and ``[Content_Types].xml`` types each part. Part names are matched without case,
as OPC requires.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from ..errors import DocumentReadError, DocumentWriteError
from . import _xmlsplice as xml
from ._workbook_refs import column_letters, parse_range
from ._workbook_styles import Styles
from .output import atomic_write

__all__ = ["Package"]


class Package:
    """The zip's members, read whole (so the destination may be the source), and the parts
    that locate a sheet: ``_rels/.rels``, ``workbook.xml`` and its relationships."""

    def __init__(self, name: str, infos: list[zipfile.ZipInfo], data: dict[str, bytes]) -> None:
        self.name = name
        self.infos = infos
        self.data = data
        self.comment = b""
        self._lower = {n.lower(): n for n in data}
        if self.member("_rels/.rels") is None:
            raise DocumentReadError(name, "not a workbook: no _rels/.rels in the zip")
        workbook = self.related("", "/officeDocument")
        if workbook is None:
            raise DocumentReadError(name, "not a workbook: no office document in _rels/.rels")
        self.workbook = workbook

    @classmethod
    def read(cls, path: Path, name: str) -> Package:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DocumentReadError(name, "no such file") from None
        except IsADirectoryError:
            raise DocumentReadError(name, "it is a folder, not a workbook") from None
        except OSError as exc:
            raise DocumentReadError(name, exc.strerror or str(exc)) from None
        if raw.startswith(b"\xd0\xcf\x11\xe0"):
            from . import _ole_reason

            raise DocumentReadError(name, _ole_reason(path))
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                infos = archive.infolist()
                data = {info.filename: archive.read(info) for info in infos}
                comment = archive.comment
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
            raise DocumentReadError(name, f"not a workbook, or a damaged one: {exc}") from None
        except (RuntimeError, NotImplementedError, ValueError) as exc:
            # A member encrypted by the zip itself, or compressed by a method zipfile lacks.
            raise DocumentReadError(name, f"a part cannot be read: {exc}") from None
        package = cls(name, infos, data)
        package.comment = comment
        return package

    def member(self, part: str) -> str | None:
        return part if part in self.data else self._lower.get(part.lower())

    def bytes_of(self, part: str) -> bytes:
        member = self.member(part)
        if member is None:
            raise DocumentReadError(self.name, f"the part {part} is missing")
        return self.data[member]

    def text(self, part: str) -> tuple[str, str]:
        data = self.bytes_of(part)
        try:
            xml.check(data)
            return xml.decode(data)
        except (xml.XmlError, UnicodeDecodeError) as exc:
            raise DocumentReadError(self.name, f"{part}: {exc}") from None

    def styles(self, part: str) -> Styles:
        try:
            return Styles(self.text(part)[0])
        except xml.XmlError as exc:
            raise DocumentReadError(self.name, f"{part}: {exc}") from None

    def relationships(self, part: str) -> list[dict[str, str]]:
        """The relationships of ``part`` (its ``_rels/*.rels``), targets resolved."""
        folder, _, base = part.rpartition("/")
        rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if self.member(rels) is None:
            return []
        text = self.text(rels)[0]
        found = []
        for tag in xml.scan(text, xml.root_prefix(text), ("Relationship",)):
            if tag.closing:
                continue
            attributes = tag.attributes
            target = attributes.get("Target", "")
            if attributes.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found.append({**attributes, "part": resolved, "rels": rels})
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The first part that ``part`` relates to by a type ending in ``kind``."""
        for relationship in self.relationships(part):
            if relationship.get("Type", "").endswith(kind):
                return self.member(relationship["part"]) or relationship["part"]
        return None

    def worksheet(self, sheet: str) -> str:
        """The part of the worksheet named ``sheet`` (by name; case aside if unique)."""
        text = self.text(self.workbook)[0]
        prefix = xml.root_prefix(text)
        by_id = {r.get("Id"): r for r in self.relationships(self.workbook)}
        entries = []
        for tag in xml.scan(text, prefix, ("sheet",)):
            if tag.closing:
                continue
            attributes = tag.attributes
            ids = [v for k, v in attributes.items() if k.endswith(":id")]
            entries.append((attributes.get("name", ""), ids[0] if ids else None))
        names = [n for n, _ in entries]
        chosen = [e for e in entries if e[0] == sheet] or [
            e for e in entries if e[0].casefold() == sheet.casefold()
        ]
        if len(chosen) != 1:
            listed = ", ".join(repr(n) for n in names) or "none"
            raise DocumentReadError(self.name, f"no sheet {sheet!r} (sheets: {listed})")
        relationship = by_id.get(chosen[0][1])
        if relationship is None:
            raise DocumentReadError(self.name, f"sheet {sheet!r} has no part in the workbook")
        kind = relationship.get("Type", "").rpartition("/")[2]
        if kind != "worksheet":
            what = {"chartsheet": "a chart sheet"}.get(kind, f"a {kind or 'part'}")
            raise DocumentReadError(
                self.name, f"sheet {sheet!r} is {what}, not a worksheet of cells"
            )
        member = self.member(relationship["part"])
        if member is None:
            raise DocumentReadError(
                self.name, f"sheet {sheet!r}: its part {relationship['part']} is missing"
            )
        return member

    def refuse_table_headers(
        self, sheet: str, headers: dict[tuple[int, int], str | None], destination: str
    ) -> None:
        """Refuse a write that changes the text of an Excel table's header cell: Excel
        requires it to be the table column's name (else it repairs the table on opening),
        and renaming the column would break the formulas that name it."""
        for relationship in self.relationships(sheet):
            if not relationship.get("Type", "").endswith("/table"):
                continue
            member = self.member(relationship["part"])
            if member is None:
                continue
            text = self.text(member)[0]
            prefix = xml.root_prefix(text)
            root = next(t for t in xml.scan(text, prefix, ("table",)) if not t.closing)
            bounds = parse_range(root.attribute("ref") or "")
            if bounds is None or root.attribute("headerRowCount") == "0":
                continue
            names = [
                t.attribute("name") or ""
                for t in xml.scan(text, prefix, ("tableColumn",))
                if not t.closing
            ]
            top, left, _, right = bounds
            for column in range(left, right + 1):
                index = column - left
                if (top, column) not in headers or index >= len(names):
                    continue
                if headers[top, column] != names[index]:
                    table = root.attribute("displayName") or root.attribute("name")
                    raise DocumentWriteError(
                        destination,
                        f"{column_letters(column)}{top} is the header {names[index]!r} of the "
                        f"Excel table {table!r}; it cannot be changed without renaming the "
                        "table's column",
                    )

    def drop_calc_chain(self, replaced: dict[str, bytes], removed: set[str]) -> None:
        """Remove ``calcChain.xml``: it lists formula cells, and Excel reports a damaged
        file when one of them no longer has a formula. Excel rebuilds it when it calculates."""
        for relationship in self.relationships(self.workbook):
            if not relationship.get("Type", "").endswith("/calcChain"):
                continue
            member = self.member(relationship["part"])
            if member is not None:
                removed.add(member)
            # Keyed by the member's own name: part names match without case.
            rels = self.member(relationship["rels"]) or relationship["rels"]
            replaced[rels] = self._without(rels, "Relationship", "Id", relationship.get("Id"))
            types = self.member("[Content_Types].xml")
            if member is not None and types is not None:
                replaced[types] = self._without(types, "Override", "PartName", "/" + member)

    def _without(self, part: str, element: str, key: str, value: str | None) -> bytes:
        text, encoding = self.text(self.member(part) or part)
        edits = [
            xml.Splice(tag.start, xml.element_end(text, tag)[1], "")
            for tag in xml.scan(text, xml.root_prefix(text), (element,))
            if not tag.closing and tag.attributes.get(key, "").lower() == (value or "").lower()
        ]
        return xml.encode(xml.splice(text, edits), encoding)

    def write(self, destination: Path, replaced: dict[str, bytes], removed: set[str]) -> None:
        with atomic_write(destination) as stream, zipfile.ZipFile(stream, "w") as archive:
            for info in self.infos:
                if info.filename in removed:
                    continue
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.create_system = info.create_system
                copy.comment = info.comment
                archive.writestr(copy, replaced.get(info.filename, self.data[info.filename]))
            archive.comment = self.comment
