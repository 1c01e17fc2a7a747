"""The cell formats of a workbook's ``styles.xml``, extended only where a write needs it.

A cell's ``s`` attribute is an index into ``<cellXfs>``; an ``xf`` names a number format
(``numFmtId``: a built-in id, or a ``<numFmt>`` of the workbook from 164 up) and a font
(``fontId`` into ``<fonts>``), beside fill, border, alignment and protection. A write that
needs another number format or a bold font gets the cell's own ``xf`` with only that
changed: an identical ``xf`` already there is reused, else one is appended (and a
``<numFmt>`` or ``<font>`` with it where none is identical). Nothing else in the part
changes, so writing the same cells twice adds nothing the second time.
"""

from __future__ import annotations

from ._xmlsplice import (
    Splice,
    Tag,
    XmlError,
    element_end,
    escape_attribute,
    root_prefix,
    scan,
    splice,
    with_attributes,
)

__all__ = ["GENERAL", "Styles"]

GENERAL = 0

# Built-in formats that mean the same in every locale (ids 5-8 and 14-44 are currency,
# dates and times that Excel shows in the reader's locale, so a format code asking for one
# of those exact texts is written as a numFmt of its own).
_BUILTIN = {
    "General": 0,
    "0": 1,
    "0.00": 2,
    "#,##0": 3,
    "#,##0.00": 4,
    "0%": 9,
    "0.00%": 10,
    "0.00E+00": 11,
    "# ?/?": 12,
    "# ??/??": 13,
    "@": 49,
}
_FIRST_CUSTOM = 164

Canonical = tuple[str, tuple[tuple[str, str], ...], tuple["Canonical", ...]]


class _List:
    """A list element of styles.xml (``numFmts``, ``fonts``, ``cellXfs``): its children's
    texts, and those a write appends."""

    def __init__(self, text: str, prefix: str, name: str, child: str) -> None:
        self.prefix = prefix
        self.name = name
        self.child = child
        self.tag: Tag | None = None
        self.close: tuple[int, int] | None = None
        self.items: list[str] = []
        self.added: list[str] = []
        for tag in scan(text, prefix, (name,)):
            if not tag.closing:
                self.tag = tag
                break
        if self.tag is None:
            return
        self.close = element_end(text, self.tag)
        for tag in scan(text, prefix, (child,), self.tag.end, self.close[0]):
            if tag.closing:
                continue
            self.items.append(text[tag.start : element_end(text, tag)[1]])
        self._canonical = [_canonical(item, prefix) for item in self.items]

    def find(self, item: str) -> int | None:
        key = _canonical(item, self.prefix)
        for index, known in enumerate(self._canonical):
            if known == key:
                return index
        return None

    def add(self, item: str) -> int:
        self.items.append(item)
        self.added.append(item)
        self._canonical.append(_canonical(item, self.prefix))
        return len(self.items) - 1

    def splices(self, text: str, create_at: int | None = None) -> list[Splice]:
        if not self.added:
            return []
        body = "".join(self.added)
        count = str(len(self.items))
        if self.tag is None:
            if create_at is None:
                raise XmlError(f"styles.xml has no <{self.name}>")
            element = f'<{self.prefix}{self.name} count="{count}">{body}</{self.prefix}{self.name}>'
            return [Splice(create_at, create_at, element)]
        assert self.close is not None
        start_tag = _with_count(self.tag, count)
        if self.tag.empty:
            opened = start_tag[:-2].rstrip() + ">"
            return [
                Splice(self.tag.start, self.tag.end, f"{opened}{body}</{self.prefix}{self.name}>")
            ]
        return [
            Splice(self.tag.start, self.tag.end, start_tag),
            Splice(self.close[0], self.close[0], body),
        ]


def _with_count(tag: Tag, count: str) -> str:
    if "count" in tag.attributes or not tag.empty:
        return with_attributes(tag.raw, {"count": count})
    return tag.raw


class Styles:
    """The ``xf`` indexes for the formats cells ask for, from a ``styles.xml`` text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.prefix = root_prefix(text)
        self._formats = _List(text, self.prefix, "numFmts", "numFmt")
        self._fonts = _List(text, self.prefix, "fonts", "font")
        self._xfs = _List(text, self.prefix, "cellXfs", "xf")
        if not self._xfs.items:
            raise XmlError("styles.xml has no cell formats (<cellXfs>)")
        self._codes: dict[str, int] = {}
        self._resolved: dict[tuple[int, str | None, bool], int] = {}
        for item in self._formats.items:
            attributes = _start(item).attributes
            code, number = attributes.get("formatCode"), attributes.get("numFmtId", "")
            if code is not None and number.isdigit():
                self._codes.setdefault(code, int(number))

    @property
    def changed(self) -> bool:
        return bool(self._formats.added or self._fonts.added or self._xfs.added)

    def resolve(self, style: int, number_format: str | None, bold: bool) -> int:
        """The index of the ``xf`` that is ``style`` with ``number_format`` (a format code;
        ``None`` keeps the format) and, when ``bold``, a bold font."""
        key = (style, number_format, bold)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(style, number_format, bold)
        return self._resolved[key]

    def _resolve(self, style: int, number_format: str | None, bold: bool) -> int:
        xf = self._xf(style)
        attributes = _start(xf).attributes
        changes: dict[str, str | None] = {}
        if number_format is not None:
            wanted = self._format_id(number_format)
            if _int(attributes.get("numFmtId")) != wanted:
                changes["numFmtId"] = str(wanted)
                changes["applyNumberFormat"] = "1"
        if bold:
            font = _int(attributes.get("fontId"))
            bold_font = self._bold_font(font)
            if bold_font != font:
                changes["fontId"] = str(bold_font)
                changes["applyFont"] = "1"
        if not changes:
            return style if style < len(self._xfs.items) else GENERAL
        start = _start(xf)
        wanted_xf = with_attributes(start.raw, changes) + xf[len(start.raw) :]
        found = self._xfs.find(wanted_xf)
        return found if found is not None else self._xfs.add(wanted_xf)

    def render(self) -> str:
        """The ``styles.xml`` text with what the writes added."""
        start = next(t for t in scan(self.text, self.prefix, ("styleSheet",)) if not t.closing)
        return splice(
            self.text,
            [
                *self._formats.splices(self.text, create_at=start.end),
                *self._fonts.splices(self.text),
                *self._xfs.splices(self.text),
            ],
        )

    def _xf(self, style: int) -> str:
        items = self._xfs.items
        return items[style] if 0 <= style < len(items) else items[GENERAL]

    def _format_id(self, code: str) -> int:
        if code in _BUILTIN:
            return _BUILTIN[code]
        if code in self._codes:
            return self._codes[code]
        used = [n for n in self._codes.values()]
        number = max([_FIRST_CUSTOM - 1, *used]) + 1
        self._formats.add(
            f'<{self.prefix}numFmt numFmtId="{number}" formatCode="{escape_attribute(code)}"/>'
        )
        self._codes[code] = number
        return number

    def _bold_font(self, font: int) -> int:
        fonts = self._fonts.items
        if not fonts:
            raise XmlError("styles.xml has no fonts")
        text = fonts[font] if 0 <= font < len(fonts) else fonts[0]
        start = _start(text)
        marks = [t for t in scan(text, self.prefix, ("b",)) if not t.closing]
        if marks and marks[0].attributes.get("val", "1") in ("1", "true"):
            return font
        bold = f"<{self.prefix}b/>"
        if marks:  # <b val="0"/>: replaced
            mark = marks[0]
            wanted = text[: mark.start] + bold + text[element_end(text, mark)[1] :]
        elif start.empty:
            opened = start.raw[:-2].rstrip() + ">"
            wanted = f"{opened}{bold}</{start.name}>"
        else:
            wanted = start.raw + bold + text[len(start.raw) :]
        found = self._fonts.find(wanted)
        return found if found is not None else self._fonts.add(wanted)


def _start(item: str) -> Tag:
    return next(scan(item, "", ("",)))


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.strip().isdigit() else 0


def _canonical(item: str, prefix: str) -> Canonical:
    """An element's name, attributes (in any order) and child elements: what makes two
    ``xf`` or ``font`` elements the same format."""
    stack: list[tuple[str, tuple[tuple[str, str], ...], list[Canonical]]] = []
    result: list[Canonical] = []
    for tag in scan(item, "", ("",)):
        if tag.closing:
            name, attributes, children = stack.pop()
            node: Canonical = (name, attributes, tuple(children))
            (stack[-1][2] if stack else result).append(node)
            continue
        attributes = tuple(sorted(tag.attributes.items()))
        if tag.empty:
            leaf: Canonical = (tag.name, attributes, ())
            (stack[-1][2] if stack else result).append(leaf)
        else:
            stack.append((tag.name, attributes, []))
    return result[0] if result else ("", (), ())
