"""A griffe extension for the API reference: the docstrings are written for ``help()``
and doctest (reST habits), and the site renders them as Markdown. Three things differ:

* doctest blocks (``>>>`` lines and their output) become ``pycon`` code blocks, so that a
  doctest's output (``[Percent(...), Missing()]``) is not read as a Markdown link;
* a paragraph ending in ``::`` introduces a literal block, which becomes a code block;
* a role (``:class:`~kinerja_target.errors.SchemaError```) becomes inline code, the
  name shortened where ``~`` asks for it.

mkdocs.yml loads it by path (``extensions: [tools/docs/rest_docstrings.py]``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def markdown(text: str) -> str:
    """``text`` with its doctest and literal blocks fenced and its roles as code."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            pad = " " * _indent(line)
            out.append(f"{pad}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{pad}```")
            continue
        if stripped.endswith("::") and i + 1 < len(lines) and not lines[i + 1].strip():
            block_start = i + 2
            end = block_start
            base = _indent(line)
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
                end += 1
            block = lines[block_start:end]
            while block and not block[-1].strip():
                block.pop()
            if block:
                text_part = stripped[:-2].rstrip()
                pad = " " * base
                out.append(f"{pad}{_ROLE.sub(_role, text_part)}:" if text_part else "")
                out.append("")
                width = min(_indent(b) for b in block if b.strip())
                out.append(f"{pad}```text")
                out.extend(pad + b[width:] if b.strip() else "" for b in block)
                out.append(f"{pad}```")
                out.append("")
                i = end
                continue
        out.append(_ROLE.sub(_role, line))
        i += 1
    return "\n".join(out)


class RestDocstrings(griffe.Extension):
    """Rewrite each docstring once it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
