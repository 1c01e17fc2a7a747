"""The tokens of a cell: numbers, words, signs, and parenthesised groups as one token."""

from __future__ import annotations

import re
from typing import NamedTuple

from .vocabulary import pattern

__all__ = ["Token", "tokens"]

_TOKEN = r"""
    (?P<ws>\s+)
   |(?P<num>\d+(?:[.,]\d+)*)
   |(?P<sym>≥|≤|>=|=>|<=|=<|>|<)
   |(?P<sd>[sS]\.\s?[dD]\b\.?|[sS]/[dD]\b)
   |(?P<word>[^\W\d_]+(?:[-/][^\W\d_]+)*)(?P<dot>\.(?![^\W\d_]))?
   |(?P<pct>%)
   |(?P<open>\()
   |(?P<close>\))
   |(?P<dash>[-–—−‒])
   |(?P<punct>.)
    """


class Token(NamedTuple):
    kind: str  # num, sym, sd, word, pct, open, close, dash, punct, paren, end
    text: str  # as written; for words lower-cased without the trailing dot
    start: int
    end: int
    closed: bool = True  # for a parenthesised group: whether its ")" was found


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    depth_start = -1
    depth = 0
    pos = 0
    for m in pattern(_TOKEN, re.VERBOSE).finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "dot":  # only reachable through the word group
            kind = "word"
        if kind == "ws":
            continue
        if depth:  # inside parentheses: one token for the whole group, nested ones included
            depth += (kind == "open") - (kind == "close")
            if depth == 0:
                out.append(Token("paren", text[depth_start + 1 : m.start()], depth_start, m.end()))
            continue
        if kind == "open":
            depth_start, depth = m.start(), 1
            continue
        if kind == "word":
            out.append(Token("word", m.group("word").lower(), m.start(), m.end()))
        elif kind == "sd":
            out.append(Token("sd", "s.d.", m.start(), m.end()))
        else:
            out.append(Token(kind, m.group(), m.start(), m.end()))
        pos = m.end()
    if depth:
        out.append(Token("paren", text[depth_start + 1 :], depth_start, len(text), closed=False))
        pos = len(text)
    out.append(Token("end", "", max(pos, len(text)), len(text)))
    return out
