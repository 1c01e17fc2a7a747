"""Editing an XML part by splicing its text, so that everything not edited stays as it was.

A workbook's parts carry namespace prefixes, ``mc:Ignorable`` lists naming those
prefixes, extension lists and attribute orders that a parse-and-serialise round trip
(ElementTree above all) rewrites. Here a part is *checked* with a real parser (expat),
then *scanned* for the few elements an edit needs, each with its offsets in the text, and
edited by replacing those spans. The scanner relies on the part being well-formed (so it
is checked first): in well-formed XML every ``<`` outside a comment, a CDATA section or a
processing instruction starts a tag, and an attribute value never holds one.

>>> text = '<x:row r="2" spans="1:2"><x:c r="A2"/><!-- <x:c r="Z9"/> --></x:row>'
>>> [(t.name, t.attributes.get("r")) for t in scan(text, "x:", ("row", "c"))]
[('x:row', '2'), ('x:c', 'A2'), ('x:row', None)]
>>> with_attributes('<x:row r="2" spans="1:2">', {"spans": "1:5", "ht": "15"})
'<x:row r="2" spans="1:5" ht="15">'
"""

from __future__ import annotations

import codecs
import re
import xml.parsers.expat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import NamedTuple

__all__ = [
    "Splice",
    "Tag",
    "XmlError",
    "check",
    "decode",
    "element_end",
    "encode",
    "escape_attribute",
    "escape_text",
    "pairs",
    "root_prefix",
    "scan",
    "splice",
    "unescape",
    "with_attributes",
]

_ATTRIBUTE = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_NAME = re.compile(r"</?[^\s/>]+")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class XmlError(ValueError):
    """A part is not well-formed XML (the caller names the file and the part)."""


class Tag(NamedTuple):
    """A start, end or empty-element tag found by :func:`scan`, with its offsets."""

    name: str
    raw: str
    start: int
    end: int
    closing: bool
    empty: bool

    def attribute(self, name: str) -> str | None:
        """One attribute's value, unescaped (faster than :attr:`attributes`)."""
        match = _one_attribute(name).search(self.raw, len(self.name) + 1)
        if match is None:
            return None
        return unescape(match.group(1) if match.group(1) is not None else match.group(2))

    @property
    def attributes(self) -> dict[str, str]:
        """The tag's attributes by qualified name, values unescaped."""
        return {
            m.group(1): unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(self.raw, len(self.name) + 1)
        }


@cache
def _one_attribute(name: str) -> re.Pattern[str]:
    return re.compile(rf"""\s{re.escape(name)}\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def pairs(
    text: str, prefix: str, name: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[Tag, int, int]]:
    """The elements named ``prefix + name`` that do not nest (rows, cells), each as its
    start tag and the offsets of its end tag (both ``tag.end`` for an empty element)."""
    opened: Tag | None = None
    for tag in scan(text, prefix, (name,), start, end):
        if tag.closing:
            if opened is None:
                raise XmlError(f"</{tag.name}> without its start")
            yield opened, tag.start, tag.end
            opened = None
        elif tag.empty:
            yield tag, tag.end, tag.end
        elif opened is not None:
            raise XmlError(f"<{tag.name}> inside <{tag.name}>")
        else:
            opened = tag
    if opened is not None:
        raise XmlError(f"no end tag for <{opened.name}>")


class Splice(NamedTuple):
    """Replace ``text[start:end]`` with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def decode(data: bytes) -> tuple[str, str]:
    """The text of a part and the encoding to write it back in (its BOM kept)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding), encoding
    return data.decode("utf-8"), "utf-8"


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


def check(data: bytes) -> str:
    """Check that ``data`` is well-formed, namespace-correct XML without a DTD; return the
    namespace of its root element. Raises :class:`XmlError` with the parser's reason."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    root: list[str] = []

    def start(name: str, _: object) -> None:
        if not root:
            root.append(name.rpartition(" ")[0])

    def doctype(*_: object) -> None:
        raise XmlError("a DTD is not allowed in a workbook part")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise XmlError(
            f"not well-formed XML at line {exc.lineno}, column {exc.offset + 1}: "
            f"{xml.parsers.expat.errors.messages[exc.code]}"
        ) from None
    if not root:
        raise XmlError("no root element")
    return root[0]


def root_prefix(text: str) -> str:
    """The prefix of the root element with its colon (``"x:"``), or ``""``."""
    for match in _markup(("",)).finditer(text):
        if match.group(2) is None:
            continue
        name = match.group(2)
        return name[: name.index(":") + 1] if ":" in name else ""
    raise XmlError("no root element")


@cache
def _markup(names: tuple[str, ...], prefix: str = "") -> re.Pattern[str]:
    # Comments, CDATA and processing instructions are matched (and skipped) as wholes, so
    # that a tag-like text inside them is never taken for a tag. names == ("",) matches
    # any element.
    if names == ("",):
        name = r"[^\s/>!?][^\s/>]*"
    else:
        name = re.escape(prefix) + "(?:" + "|".join(re.escape(n) for n in names) + ")"
    return re.compile(
        r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"
        rf"|<(/?)({name})((?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?/?)>",
        re.S,
    )


def scan(
    text: str, prefix: str, names: Sequence[str], start: int = 0, end: int | None = None
) -> Iterator[Tag]:
    """The tags named ``prefix + name`` for each of ``names``, in document order."""
    pattern = _markup(tuple(names), prefix)
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        name = match.group(2)
        if name is None:
            continue
        raw = match.group(0)
        yield Tag(
            name,
            raw,
            match.start(),
            match.end(),
            closing=match.group(1) == "/",
            empty=raw.endswith("/>"),
        )


def element_end(text: str, tag: Tag) -> tuple[int, int]:
    """The offsets of the end tag matching the start tag ``tag`` (both ``tag.end`` for an
    empty-element tag): the element's content is ``text[tag.end:first]``."""
    if tag.empty:
        return tag.end, tag.end
    depth = 0
    prefix, _, local = tag.name.rpartition(":")
    for other in scan(text, prefix + ":" if prefix else "", (local,), tag.end):
        if other.name != tag.name:
            continue
        if other.closing:
            if depth == 0:
                return other.start, other.end
            depth -= 1
        elif not other.empty:
            depth += 1
    raise XmlError(f"no end tag for <{tag.name}>")


def unescape(value: str) -> str:
    """Resolve the five named entities and character references of XML."""
    if "&" not in value:
        return value

    def resolve(match: re.Match[str]) -> str:
        hexadecimal, decimal, named = match.groups()
        if named is not None:
            return _NAMED[named]
        return chr(int(hexadecimal, 16) if hexadecimal is not None else int(decimal))

    return _REFERENCE.sub(resolve, value)


def escape_text(value: str) -> str:
    """Element content; a carriage return as a reference (a parser turns a raw one into a
    line feed)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def escape_attribute(value: str) -> str:
    """An attribute value in double quotes; white space a parser would normalise as a
    reference."""
    return escape_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def with_attributes(raw: str, changes: Mapping[str, str | None]) -> str:
    """The start tag ``raw`` with attributes changed in place, removed (``None``) or added
    at its end; the others, their order and quoting kept."""
    remaining = dict(changes)
    name_end = len(_NAME.match(raw).group(0))  # type: ignore[union-attr]
    pieces = [raw[:name_end]]
    position = name_end
    for match in _ATTRIBUTE.finditer(raw, name_end):
        name = match.group(1)
        if name not in remaining:
            continue
        value = remaining.pop(name)
        between = raw[position : match.start()]
        if value is None:
            pieces.append(between.rstrip())  # the white space before it goes with it
        else:
            pieces.append(between + f'{name}="{escape_attribute(value)}"')
        position = match.end()
    closing = "/>" if raw.endswith("/>") else ">"
    rest = raw[position : len(raw) - len(closing)]
    kept = rest.rstrip()
    pieces.append(kept)
    pieces.extend(f' {n}="{escape_attribute(v)}"' for n, v in remaining.items() if v is not None)
    pieces.append(rest[len(kept) :])
    pieces.append(closing)
    return "".join(pieces)


def splice(text: str, splices: Iterable[Splice]) -> str:
    """``text`` with every splice applied; splices may not overlap."""
    ordered = sorted(splices, key=lambda s: (s.start, s.end))
    pieces: list[str] = []
    position = 0
    for item in ordered:
        if item.start < position:
            raise XmlError(f"overlapping edits at offset {item.start}")
        pieces.append(text[position : item.start])
        pieces.append(item.text)
        position = item.end
    pieces.append(text[position:])
    return "".join(pieces)
