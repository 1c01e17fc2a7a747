"""Read a target cell into a typed value: :func:`parse_target`.

A target cell is short free text: ``97,5%``, ``12 Lap``, ``6 kec. 29 kel``,
``36,36% (4 satker)``, ``minimal BB``, ``Rp 10.252.187.000``, ``5 (lima) hari kerja``,
``7 s.d. 8 bulan``. The parser reads it in three steps:

1. *layout repair*: line breaks inside a value (``8.435 \\n\\norang``), words hyphenated
   across lines, letters that OCR read for digits (``1O0%``, ``o/o``);
2. *tokens and grammar*: ``[qualifier] amount [range | more amounts] [(annotation)]``,
   where an amount is a number (digits or Indonesian words) with an optional magnitude
   word and a unit, and an annotation is a cross-check in words, a basis, or a note;
3. *the indicator's wording*, when one is given: a bare ``35`` under ``Persentase ...``
   is a percent (``unit_inferred``), ``3,4`` under ``Nilai maturitas SPIP`` a number on the
   SPIP scale, and a value of the wrong kind is flagged ``unit_mismatch``.

Everything the parser notices but can live with is a warning code on the value
(:class:`~kinerja_target.values.WarningCode`). Text that holds no target raises
:class:`~kinerja_target.errors.TargetParseError` naming the text, the position and the
reason; no other exception escapes for any string.

Results are cached: a document repeats ``100%`` hundreds of times, and values are
immutable, so a repeated cell costs a dictionary look-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, NamedTuple

import attrs

from .errors import TargetParseError
from .numbers import NUMBER_WORDS, NumberHint, NumberSyntaxError, read_digits, read_number_words
from .scales import LETTER_CODES, LETTER_SCALES, SCALES, lookup_grade
from .units import Unit, lookup_unit_phrase, unknown_unit
from .values import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    WarningCode,
)

__all__ = ["Expectation", "expectation_for", "fold_wording", "parse_many", "parse_target"]

W = WarningCode

# -- vocabulary (data) ---------------------------------------------------------------------

MISSING_TEXTS = frozenset({"", "-", "--", "---", "–", "—", "−", "n/a", "na", "n.a", "-/-", "…"})

QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): op
    for op, phrases in {
        ">=": (
            "minimal",
            "min",
            "minimum",
            "paling sedikit",
            "paling rendah",
            "sekurang-kurangnya",
            "sekurangnya",
            "setidaknya",
            "setidak-tidaknya",
            "tidak kurang dari",
            "sedikitnya",
        ),
        ">": ("lebih dari", "di atas", "diatas", "lebih besar dari"),
        "<=": (
            "maksimal",
            "maks",
            "maksimum",
            "max",
            "paling lambat",
            "paling lama",
            "paling banyak",
            "paling tinggi",
            "tidak lebih dari",
            "selambat-lambatnya",
            "dalam waktu",
            "dalam jangka waktu",
            "dalam tempo",
            "selambatnya",
            "sebanyak-banyaknya",
            "sebanyaknya",
        ),
        "<": ("kurang dari", "di bawah", "dibawah", "lebih kecil dari"),
    }.items()
    for phrase in phrases
}
# "80% ke atas", "2 hari atau kurang"
TRAILING_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("ke", "atas"): ">=",
    ("atau", "lebih"): ">=",
    ("ke", "bawah"): "<=",
    ("atau", "kurang"): "<=",
}
SYMBOL_QUALIFIERS = {"≥": ">=", ">=": ">=", "=>": ">=", "≤": "<=", "<=": "<=", "=<": "<="}
SYMBOL_QUALIFIERS.update({">": ">", "<": "<"})

RANGE_WORDS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split()) for p in ("sampai dengan", "sampai", "hingga", "s.d", "s/d", "sd", "to")
)
PERCENT_WORDS = frozenset({"persen", "prosen", "percent", "pct"})
CURRENCY_WORDS = frozenset({"rp", "idr", "rupiah"})
# Magnitude words; the one-letter abbreviations only count next to a currency word,
# because "5 M" alone could be anything ("M" is miliar, never million: DOMAIN.md §4.3).
MAGNITUDES = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "milliar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
MONEY_ABBREVIATIONS = {"rb": 10**3, "jt": 10**6, "m": 10**9, "t": 10**12, "b": 10**9}
ZERO_WORDS = frozenset({"nihil", "nol", "kosong"})
MONTHS = frozenset(
    {"januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus"}
    | {"september", "oktober", "nopember", "november", "desember", "jan", "feb", "mar"}
    | {"apr", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des"}
)
# Words that may stand before the value and say nothing about it.
FILLER_WORDS = frozenset(
    {"sebanyak", "sebesar", "sejumlah", "target", "mencapai", "nilai", "predikat", "opini"}
    | {"kategori", "kualifikasi", "status", "±", "sekitar", "kurang-lebih", "selama"}
    | {"hingga", "sampai", "menjadi", "sebanyak-banyaknya"}
)
SPIP_LEVEL_WORDS = frozenset({"level", "tingkat"})
JOINERS = frozenset({",", ";", "+", "&", "dan", "serta"})


# -- the indicator's wording -----------------------------------------------------------------


class Expectation(NamedTuple):
    """What an indicator's wording asks of its target.

    ``kind`` is ``percent``, ``count``, ``score``, ``grade`` or ``duration``; ``scale``
    names the grade scale the wording points to (``sakip``, ``spip``...), if any; ``cue``
    is the words that decided.
    """

    kind: str
    scale: str | None
    cue: str


@cache
def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use: the grammar's and the wording's patterns are not
    needed by a script that only reads simple cells, and compiling them all at import
    would cost it a tenth of the import time."""
    return re.compile(pattern, flags)


_PERCENT_CUE = r"^(p[a-z]{1,3}sent[a-z]*|rasio|proporsi|tingkat partisipasi)\b"
_EXPECTATION_RULES: tuple[tuple[str, str], ...] = (
    (r"^((penurunan|peningkatan|pengurangan) )?(jumlah|banyaknya|frekuensi|total)\b", "count"),
    (r"^(opini|predikat|kategori|kualifikasi)\b", "grade"),
    (r"^(nilai|indeks|skor|level|tingkat|hasil penilaian|hasil evaluasi)\b", "score"),
    (
        r"^(lama|lamanya|rata-rata waktu|waktu|durasi|jangka waktu|ketepatan waktu)\b",
        "duration",
    ),
)
_SCALE_CUES: tuple[tuple[str, str], ...] = (
    (r"\b(reformasi birokrasi|rb)\b", "rb"),
    (r"\b(spip|maturitas|pengendalian intern)\b", "spip"),
    (r"\bketerbukaan informasi\b", "kip"),
    (r"\b(kepuasan masyarakat|ikm|skm)\b", "ikm"),
    (r"\b(opini|wtp)\b", "opini_bpk"),
    (r"\b(zona integritas|wbk|wbbm)\b", "zi"),
    (r"\b(akuntabilitas kinerja|sakip|lakip|akip)\b", "sakip"),
)
_TAG = r"<[^>]{0,40}>"
_LEADING_NOISE = r"^[\W\d_]*(?:[a-z][.)]\s+)?"


def fold_wording(indicator: str) -> str:
    """An indicator's wording for matching cues: HTML tags and leading numbering
    (``1.``, ``a)``) removed, lower case, single spaces."""
    text = _re(_TAG).sub("", indicator).lower()
    return _re(_LEADING_NOISE).sub("", " ".join(text.split()))


@lru_cache(maxsize=4096)
def expectation_for(indicator: str) -> Expectation | None:
    """What the wording of ``indicator`` asks for, or ``None`` when it does not say.

    >>> expectation_for("Persentase Partisipasi Pemilih").kind
    'percent'
    >>> expectation_for("Nilai maturitas SPIP")
    Expectation(kind='score', scale='spip', cue='nilai')
    """
    text = fold_wording(indicator)
    scale = next((s for pattern, s in _SCALE_CUES if _re(pattern).search(text)), None)
    found = _re(_PERCENT_CUE).match(text)
    if found:
        return Expectation("percent", scale, found.group(0))
    for pattern, kind in _EXPECTATION_RULES:
        found = _re(pattern).match(text)
        if found:
            return Expectation(kind, scale, found.group(0))
    return None


# -- layout repair and tokens ------------------------------------------------------------------

_HYPHEN_BREAK = r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])"
_OCR_PERCENT = r"(?<=[\d\s])[oO]/[oO](?!\w)"
_OCR_HUNDRED = r"(?<![\w.,])[lI1][Oo0]{2}(?=\s*(?:%|[oO]/[oO]))"
_QUOTES = r"[\"“”„«»]"
_TIMES = r"(?<![\d.,])(\d{1,3})\s*[xX×]\s*(\d{1,4})(?=\s*[^\W\d_])"


def _multiply(found: re.Match[str]) -> str:
    return str(int(found.group(1)) * int(found.group(2)))


_OCR_ZERO = r"(?<=\d)[Oo](?=[\dOo]*(?:[%.,\s]|$))"
_OCR_ONE = r"(?<![^\s(])[lI](?=[Oo]*\d)"

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


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    depth_start = -1
    depth = 0
    pos = 0
    for m in _re(_TOKEN, re.VERBOSE).finditer(text):
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


def _repair(text: str) -> tuple[str, bool]:
    """Undo what PDF extraction and OCR do to a cell; says whether OCR letters were fixed."""
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    text = _re(_HYPHEN_BREAK).sub("", text)
    text = _re(_QUOTES).sub(" ", text)  # 'minimal "BB"'
    text = _re(_TIMES).sub(_multiply, text)  # "1x24 jam" is 24 jam
    fixed = _re(_OCR_HUNDRED).sub("100", text)  # "lOOo/o": no digit left to anchor on
    fixed = _re(_OCR_PERCENT).sub("%", fixed)
    fixed = _re(_OCR_ONE).sub("1", fixed)  # before zeros: "lO0%" is 1, O, 0
    fixed = _re(_OCR_ZERO).sub("0", fixed)
    return fixed, fixed != text


# -- the grammar ---------------------------------------------------------------------------------


class _Amount(NamedTuple):
    value: Target
    multiplier: int  # a magnitude word's (juta, miliar), 1 without one


class _Parser:
    """A recursive-descent reader over the tokens of one cell."""

    def __init__(self, text: str, expect: Expectation | None, raw: str | None = None) -> None:
        self.text = text
        # Errors name the text as the caller gave it; positions are those of the repaired
        # text, which is shorter only where repair joined or rewrote something (a soft or
        # line-break hyphen, "o/o", a product such as "1x24").
        self.raw = text if raw is None else raw
        self.tokens = _tokens(text)
        self.i = 0
        self.expect = expect
        self.warnings: set[str] = set()

    # token helpers

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, k: int = 0) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def fail(self, reason: str, at: Token | None = None) -> TargetParseError:
        return self.error((at or self.tok).start, reason)

    def error(self, position: int, reason: str) -> TargetParseError:
        return TargetParseError(self.raw, min(position, len(self.raw)), reason)

    def words_ahead(self, limit: int = 6) -> tuple[str, ...]:
        words: list[str] = []
        for k in range(limit):
            t = self.peek(k)
            if t.kind != "word":
                break
            words.append(t.text)
        return tuple(words)

    def take_phrase(self, table: dict[tuple[str, ...], str]) -> str | None:
        words = self.words_ahead()
        for n in range(len(words), 0, -1):
            hit = table.get(words[:n])
            if hit is not None:
                self.i += n
                return hit
        return None

    # the cell

    def parse(self) -> Target:
        qualifier = self.qualifier()
        while self.tok.text in FILLER_WORDS:
            self.i += 1
        qualifier = qualifier or self.qualifier()
        value = self.grade() or self.measure()
        trailing_q = self.take_phrase(TRAILING_QUALIFIERS)
        qualifier = qualifier or trailing_q
        value, note = self.annotations(value)
        if self.tok.kind == "punct" and self.tok.text in ".,;:" and self.peek(1).kind == "end":
            self.i += 1
        if self.tok.kind != "end":
            rest = self.rest_as_note()
            note = f"{note}; {rest}" if note and rest else (note or rest)
        changes: dict[str, Any] = {}
        if qualifier is not None:
            changes["qualifier"] = qualifier
        if note is not None:
            changes["note"] = f"{value.note}; {note}" if value.note else note
        return attrs.evolve(value, **changes) if changes else value

    def qualifier(self) -> str | None:
        if self.tok.kind == "sym":
            op = SYMBOL_QUALIFIERS[self.tok.text]
            self.i += 1
            return op
        return self.take_phrase(QUALIFIER_PHRASES)

    def grade(self) -> Target | None:
        words = self.words_ahead()
        if not words:
            return None
        if words[0] in SPIP_LEVEL_WORDS and self.peek(1).kind == "num":
            level = self.peek(1).text
            if level in {g.code for g in SCALES["spip"].grades}:
                self.i += 2
                return Grade(level, "spip")
            return None
        found = lookup_grade(words)
        if found is not None and self.ends_value(found[2]):
            self.i += found[2]
            return Grade(found[1], found[0])
        if len(words) == 1 and words[0].upper() in LETTER_CODES and self.ends_value(1):
            self.i += 1
            return _letter_grade(words[0].upper(), self.expect, None, None)
        return None

    def ends_value(self, n: int) -> bool:
        nxt = self.peek(n)
        return nxt.kind in ("end", "paren") or (
            nxt.kind == "punct" and self.peek(n + 1).kind == "end"
        )

    def measure(self) -> Target:
        currency = self.currency()
        first = self.amount(currency)
        if isinstance(first.value, Number) and self.tok.text == "dari":
            first = self.part_of_whole(first)
        if self.at_range_word():
            self.skip_range_word()
            second = self.amount(self.currency() or currency)
            return self.make_range(first, second)
        parts = [first]
        while True:
            save = self.i
            if self.tok.text in JOINERS or (self.tok.kind == "punct" and self.tok.text in JOINERS):
                self.i += 1
            if self.tok.kind == "num" or (self.tok.kind == "word" and self.is_number_word()):
                part = self.amount(False)
                if not isinstance(part.value, Quantity):
                    raise self.fail("a second number needs a unit of its own", self.tokens[save])
                if not isinstance(parts[0].value, Quantity):
                    raise self.fail("numbers in a row without units", self.tokens[save])
                parts.append(part)
                continue
            self.i = save
            break
        if len(parts) > 1:
            return Compound(p.value for p in parts)
        return first.value

    def part_of_whole(self, part: _Amount) -> _Amount:
        """``2 dari 4 satker``: two satker, of four."""
        self.i += 1
        whole = self.amount(False).value
        if not isinstance(whole, Quantity):
            raise self.fail("'dari' needs a counted whole, as in '2 dari 4 satker'")
        assert isinstance(part.value, Number)
        value = Quantity(part.value.value, whole.unit, note=f"dari {whole}")
        return _Amount(value.with_warnings(*part.value.warnings, *whole.warnings), 1)

    def at_range_word(self) -> bool:
        t = self.tok
        if t.kind in ("dash", "sd"):
            return self.peek(1).kind in ("num", "word") and self.peek(1).kind != "end"
        return t.kind == "word" and any(
            self.words_ahead(len(p)) == p for p in RANGE_WORDS if p[0] == t.text
        )

    def skip_range_word(self) -> None:
        if self.tok.kind in ("dash", "sd"):
            self.i += 1
            return
        words = self.words_ahead(2)
        self.i += 2 if words[:2] in RANGE_WORDS and len(words) > 1 else 1

    def make_range(self, low: _Amount, high: _Amount) -> Target:
        lo, hi = low.value, high.value
        if high.multiplier != 1 and low.multiplier == 1 and isinstance(lo, Number | Money):
            # "Rp 1,5 - 2 miliar": the magnitude word is written once, for both ends.
            lo = self.like(hi, _magnified(lo.value, high.multiplier), lo)
        elif isinstance(lo, Number) and not isinstance(hi, Number):
            lo = self.like(hi, lo.value, lo)
        if type(lo) is not type(hi) or lo.unit != hi.unit:
            raise self.fail(f"a range from {lo} to {hi} mixes kinds or units")
        low_value, high_value = _numeric(lo), _numeric(hi)
        if low_value is None or high_value is None:
            raise self.fail("only numbers, percentages, quantities and money form ranges")
        if low_value > high_value:
            lo, hi = hi, lo
        return Range(lo, hi)

    @staticmethod
    def like(model: Target, value: Decimal, source: Target) -> Target:
        """``value`` in the kind and unit of ``model`` (``80`` in ``80 - 90%``)."""
        if isinstance(model, Percent):
            return Percent(value, warnings=source.warnings)
        if isinstance(model, Quantity):
            return Quantity(value, model.unit, warnings=source.warnings)
        if isinstance(model, Money):
            return Money(value, warnings=source.warnings)
        return source

    def currency(self) -> bool:
        if self.tok.kind == "word" and self.tok.text in CURRENCY_WORDS:
            self.i += 1
            return True
        return False

    def is_number_word(self) -> bool:
        return self.tok.text in NUMBER_WORDS or self.tok.text in ZERO_WORDS

    def amount(self, currency: bool) -> _Amount:
        """A number with what follows it: words in parentheses, a magnitude, a unit."""
        tok = self.tok
        negative = False
        if tok.kind == "dash" and self.peek(1).kind == "num" and self.peek(1).start == tok.end:
            negative = True
            self.i += 1
            tok = self.tok
        digits: str | None = None
        value: Decimal | None = None
        if tok.kind == "num":
            digits = tok.text
            self.i += 1
        elif tok.kind == "word" and tok.text in ZERO_WORDS:
            value = Decimal(0)
            self.i += 1
        elif tok.kind == "word" and tok.text in NUMBER_WORDS:
            value = self.number_words()
        else:
            what = "nothing" if tok.kind == "end" else repr(self.text[tok.start : tok.end])
            raise self.fail(f"expected a number, found {what}")
        if self.tok.kind == "punct" and self.tok.text == "." and self.peek(1).kind != "end":
            raise self.fail("a number followed by '.' is a list number or a code, not a target")
        words_value = self.words_in_parentheses()
        # magnitude (juta, miliar; rb/jt/M/T only beside a currency word)
        multiplier = 1
        t = self.tok
        if t.kind == "word" and (
            t.text in MAGNITUDES or (currency and t.text in MONEY_ABBREVIATIONS)
        ):
            multiplier = MAGNITUDES.get(t.text) or MONEY_ABBREVIATIONS[t.text]
            self.i += 1
        if not currency and self.tok.kind == "word" and self.tok.text in CURRENCY_WORDS:
            currency = True
            self.i += 1
        if currency and self.tok.text == "," and self.peek(1).kind == "dash":
            self.i += 2  # "Rp1.000.000,-": no sen
        # the unit
        unit: Unit | None = None
        percent = False
        unknown = False
        if not currency and multiplier == 1 and self.tok.kind == "paren" and self.tok.closed:
            # "73,04 (persen)", "12 (Laporan)": the unit written in brackets
            bracketed = tuple(self.tok.text.lower().replace(".", " ").split())
            if len(bracketed) == 1 and bracketed[0] in PERCENT_WORDS | {"%"}:
                percent = True
                self.i += 1
            elif (found := lookup_unit_phrase(bracketed)) and found[1] == len(bracketed):
                unit = found[0]
                self.i += 1
        if percent or unit is not None:
            pass
        elif not currency and multiplier == 1:
            if self.tok.kind == "pct" or (
                self.tok.kind == "word" and self.tok.text in PERCENT_WORDS
            ):
                percent = True
                self.i += 1
            else:
                unit, unknown = self.unit()
        elif multiplier != 1 and not currency:
            unit, unknown = self.unit()
            currency = unit is None
        hint: NumberHint
        if percent:
            hint = "bounded"
        elif currency:
            hint = "integral" if multiplier == 1 else None
        elif unit is not None:
            hint = "integral" if unit.is_count and not unknown else None
        elif self.expect is not None and self.expect.kind in ("percent", "score"):
            hint = "bounded"
        else:
            hint = None
        warnings: list[str] = []
        if digits is not None:
            try:
                value, guessed = read_digits(digits, hint)
            except NumberSyntaxError as exc:
                raise self.error(tok.start, str(exc)) from None
            if guessed:
                warnings.append(W.AMBIGUOUS_SEPARATOR)
        assert value is not None
        if negative:
            value = -value
        if words_value is None:
            words_value = self.words_in_parentheses()
        if words_value is not None and words_value != value:
            warnings.append(W.WORDS_MISMATCH)
        if unknown:
            warnings.append(W.UNKNOWN_UNIT)
        value = _magnified(value, multiplier)
        target: Target
        if percent:
            target = Percent(value, warnings=warnings)
        elif currency:
            target = Money(value, warnings=warnings)
        elif unit is not None:
            target = Quantity(value, unit.name, warnings=warnings)
        else:
            target = Number(value, warnings=warnings)
        return _Amount(target, multiplier)

    def number_words(self) -> Decimal:
        start = self.tok
        words: list[str] = []
        while self.tok.kind == "word" and self.tok.text in NUMBER_WORDS:
            words.append(self.tok.text)
            self.i += 1
        # "lima juta" keeps "juta" for the magnitude step when the words alone read fine
        value = read_number_words(words)
        while value is None and words and words[-1] in MAGNITUDES:
            words.pop()
            self.i -= 1
            value = read_number_words(words)
        if value is None:
            raise self.fail(f"{' '.join(words)!r} is not a number in words", start)
        return value

    def words_in_parentheses(self) -> Decimal | None:
        t = self.tok
        if t.kind != "paren" or not t.closed:
            return None
        words = t.text.lower().split()
        while words and (words[-1] in PERCENT_WORDS or words[-1] in CURRENCY_WORDS):
            words.pop()
        value = read_number_words(words)
        if value is None and len(words) == 1 and words[0] in ZERO_WORDS:
            value = Decimal(0)
        if value is not None:
            self.i += 1
        return value

    def unit(self) -> tuple[Unit | None, bool]:
        """The unit after a number: the longest known spelling, else an unknown noun."""
        words = self.words_ahead(8)
        if not words:
            return None, False
        if "/" in words[0] and lookup_unit_phrase(words[:1]) is None:
            self.split_slashed_word()
            words = self.words_ahead(8)
        found = lookup_unit_phrase(words)
        if found is not None:
            self.i += found[1]
            return found[0], False
        # Words that begin another reading are not a unit.
        if words[0] in NUMBER_WORDS or words[0] in JOINERS or words[0] == "dari":
            return None, False
        if words[:2] in TRAILING_QUALIFIERS:
            return None, False
        if any(words[: len(p)] == p for p in RANGE_WORDS):
            return None, False
        if len(words) > 3:
            raise self.fail("a number followed by a sentence is not a target")
        if words[0] in MONTHS:
            raise self.fail("a date is not a target")
        noun: list[str] = []
        for word in words[:2]:
            if word in JOINERS or word in NUMBER_WORDS or word == "dari":
                break  # "22 laki-laki dan 33 perempuan": the noun ends at "dan"
            noun.append(word)
        self.i += len(noun)
        return unknown_unit(noun), True

    def split_slashed_word(self) -> None:
        """Split ``kali/tahun`` into ``kali`` ``/`` ``tahun``: a unit and a rate note."""
        t = self.tok
        head, _, tail = t.text.partition("/")
        slash = t.start + len(head)
        self.tokens[self.i : self.i + 1] = [
            Token("word", head, t.start, slash),
            Token("punct", "/", slash, slash + 1),
            Token("word", tail, slash + 1, t.end),
        ]

    def annotations(self, value: Target) -> tuple[Target, str | None]:
        """Parenthesised text after the value: words that repeat it, a basis, or a note."""
        notes: list[str] = []
        while self.tok.kind == "paren":
            t = self.tok
            self.i += 1
            content = " ".join(t.text.split())
            if not t.closed:
                self.warnings.add(W.TRUNCATED)
                if content:
                    notes.append(_tidy_note(content))
                continue
            if not content:
                continue
            inner = _inner_value(content)
            spelled = not any(c.isdigit() for c in content)
            if inner is not None and spelled and _numeric(inner) is not None:
                # "5 (lima)", "100% (seratus persen)": the number again, in words.
                if _numeric(inner) != _numeric(value):
                    self.warnings.add(W.WORDS_MISMATCH)
            elif (
                inner is not None
                and not spelled
                and value.basis is None
                and isinstance(inner, Quantity | Percent | Money)
            ):
                value = attrs.evolve(value, basis=inner)  # "36,36% (4 satker)"
            else:
                notes.append(_tidy_note(content))  # "(Provinsi/Kabupaten/Kota)", "(B)"
        return value, "; ".join(notes) if notes else None

    def rest_as_note(self) -> str | None:
        start = self.tok.start
        last = self.tokens[-1]
        rest = self.text[start : last.start].strip()
        # Words after the value are a note, numbers among them too ("1 Dokumen RKT 2025");
        # a number right after the value is another value this grammar did not take.
        if self.tok.kind == "num" or (
            self.tok.kind != "word" and any(t.kind == "num" for t in self.tokens[self.i : -1])
        ):
            raise self.fail(f"unexpected text after the value: {rest!r}")
        if rest.endswith(("/", "-", ",")):
            self.warnings.add(W.TRUNCATED)
        if rest.startswith("/"):
            after = lookup_unit_phrase(rest[1:].lower().split()[:3])
            if after is not None and not after[0].is_count:
                rest = "per " + rest[1:]  # "12 kali/tahun": a rate
            # else "3 Laporan/Dokumen": an alternative, kept as written
        rest = rest.strip(" ,;:/-")
        self.i = len(self.tokens) - 1
        if not any(c.isalnum() for c in rest):
            return None  # stray marks ("100%%", "100 %)") say nothing
        return _tidy_note(rest)


def _magnified(value: Decimal, multiplier: int) -> Decimal:
    if multiplier == 1:
        return value
    value = value * multiplier
    if value == value.to_integral_value():  # "Rp 1,2 M" is Rp1.200.000.000, not ",0"
        value = value.quantize(Decimal(1))
    return value


def _tidy_note(text: str) -> str:
    # Line breaks leave "Provinsi/Kabupaten/ Kota"; the words are "Provinsi/Kabupaten/Kota".
    return re.sub(r"\s*/\s*", "/", " ".join(text.split()))


def _numeric(value: Target) -> Decimal | None:
    return value.value if isinstance(value, Percent | Quantity | Number | Money) else None


def _inner_value(content: str) -> Target | None:
    try:
        return _parse(content, None)
    except TargetParseError:
        return None


# -- applying the indicator's wording ---------------------------------------------------------


def _kind_of(value: Target) -> str:
    return value.low.kind if isinstance(value, Range) else value.kind


def _apply_expectation(value: Target, expect: Expectation) -> Target:
    kind = _kind_of(value)
    if kind == "missing":
        return value
    if expect.kind == "percent":
        if kind == "number" and not _scaled(value):
            return _as_percent(value).with_warnings(W.UNIT_INFERRED)
        if kind in ("quantity", "money", "compound", "grade"):
            return value.with_warnings(W.UNIT_MISMATCH)
    elif expect.kind == "count":
        if kind in ("percent", "grade"):
            return value.with_warnings(W.UNIT_MISMATCH)
    elif expect.kind in ("score", "grade"):
        if kind in ("quantity", "money", "compound"):
            return value.with_warnings(W.UNIT_MISMATCH)
        if kind == "number" and expect.scale is not None:
            return _on_scale(value, expect.scale)
    elif expect.kind == "duration":
        if kind in ("percent", "grade", "money", "compound"):
            return value.with_warnings(W.UNIT_MISMATCH)
        if isinstance(value, Quantity) and value.unit not in _DURATION_UNITS:
            return value.with_warnings(W.UNIT_MISMATCH)
    return value


_DURATION_UNITS = frozenset({"menit", "jam", "hari", "minggu", "hari_kerja", "bulan"})
_DURATION_UNITS |= {"triwulan", "semester", "tahun"}


def _scaled(value: Target) -> bool:
    inner = value.low if isinstance(value, Range) else value
    return isinstance(inner, Number) and inner.scale is not None


def _as_percent(value: Target) -> Target:
    if isinstance(value, Range):
        return attrs.evolve(value, low=_as_percent(value.low), high=_as_percent(value.high))
    assert isinstance(value, Number)
    return Percent(
        value.value,
        qualifier=value.qualifier,
        basis=value.basis,
        note=value.note,
        warnings=value.warnings,
        raw=value.raw,
    )


def _on_scale(value: Target, scale: str) -> Target:
    if isinstance(value, Range):
        low, high = _on_scale(value.low, scale), _on_scale(value.high, scale)
        return attrs.evolve(value, low=low, high=high)
    assert isinstance(value, Number)
    return attrs.evolve(value, scale=scale)


# -- the entry point ----------------------------------------------------------------------------


# Most cells are a number with a percent sign or one known unit: "100%", "12 Lap",
# "8.435 orang". They are read by one regular expression without building tokens; the
# result is the same value the grammar gives (a property test holds the two together).
_SIMPLE = re.compile(r"\s*(\d+(?:[.,]\d+)*)\s*(?:(%|persen)|([^\W\d_]+(?:[ \t][^\W\d_]+)?)\.?)?\s*")


_SIMPLE_MONEY = re.compile(r"\s*(?:Rp\.?|IDR)\s*(\d{1,3}(?:\.\d{3})+|\d{1,3})(,00|,-)?\s*")
_SIMPLE_RANGE = re.compile(r"\s*(\d+(?:,\d+)?)\s*%?\s*[-–]\s*(\d+(?:,\d+)?)\s*%\s*")


_SIMPLE_QUALIFIER = re.compile(
    r"\s*(≥|≤|>=|<=|minimal|min\.|maksimal|maks\.|paling lambat|paling lama|paling sedikit)"
    r"\s*(?<=[\s.≥≤=])(.*)",
    re.IGNORECASE | re.DOTALL,
)
_QUALIFIER_OF = {k.lower(): v for k, v in SYMBOL_QUALIFIERS.items()} | {
    " ".join(k): v for k, v in QUALIFIER_PHRASES.items()
}
_SIMPLE_PAIR = re.compile(
    r"\s*(\d+(?:[.,]\d+)*)\s*([^\W\d_]+)\.?\s*(?:[,;+&]|dan)?\s*"
    r"(\d+(?:[.,]\d+)*)\s*([^\W\d_]+)\.?\s*"
)
_SIMPLE_GRADE = re.compile(r"\s*([A-Za-z]{1,4}|[A-Za-z]+ [A-Za-z]+)\s*")


def _parse_simple(
    text: str, expect: Expectation | None, qualifier: str | None = None, raw: str | None = None
) -> Target | None:
    """The value of a simple cell, or ``None`` to leave the cell to the grammar."""
    raw = text if raw is None else raw
    target: Target | None
    found = _SIMPLE.fullmatch(text)
    if found is not None:
        digits, percent, words = found.groups()
        target = _simple_amount(digits, percent, words, expect, qualifier, raw)
    elif (money := _SIMPLE_MONEY.fullmatch(text)) is not None:
        whole, cents = money.groups()
        amount = whole.replace(".", "") + (".00" if cents == ",00" else "")
        target = Money(Decimal(amount), qualifier=qualifier, raw=raw)
    elif qualifier is None and (span := _SIMPLE_RANGE.fullmatch(text)) is not None:
        low, high = sorted(Decimal(g.replace(",", ".")) for g in span.groups())
        target = Range(Percent(low), Percent(high), raw=raw)
    elif (graded := _SIMPLE_GRADE.fullmatch(text)) is not None:
        target = _simple_grade(graded.group(1), expect, qualifier, raw)
    elif qualifier is None and (bound := _SIMPLE_QUALIFIER.fullmatch(text)) is not None:
        op = _QUALIFIER_OF[bound.group(1).lower().rstrip(".")]
        return _parse_simple(bound.group(2), expect, op, raw)
    elif qualifier is None and (pair := _SIMPLE_PAIR.fullmatch(text)) is not None:
        if pair.group(2).lower() == "x":
            return None  # "1x24 jam" is a product: the grammar's repair reads it
        first = _simple_amount(pair.group(1), None, pair.group(2), None, None, None)
        second = _simple_amount(pair.group(3), None, pair.group(4), None, None, None)
        if not isinstance(first, Quantity) or not isinstance(second, Quantity):
            return None
        target = Compound((first, second), raw=raw)
    else:
        return None
    if target is None or expect is None:
        return target
    return _apply_expectation(target, expect)


def _simple_amount(
    digits: str,
    percent: str | None,
    words: str | None,
    expect: Expectation | None,
    qualifier: str | None,
    raw: str | None,
) -> Target | None:
    """A number with ``%`` or one known unit (or nothing), as the grammar reads it."""
    unit: Unit | None = None
    hint: NumberHint = None
    if percent:
        hint = "bounded"
    elif words:
        split = words.lower().split()
        known = lookup_unit_phrase(split)
        if known is None or known[1] != len(split):
            return None
        unit = known[0]
        hint = "integral" if unit.is_count else None
    elif expect is not None and expect.kind in ("percent", "score"):
        hint = "bounded"
    try:
        value, guessed = read_digits(digits, hint)
    except NumberSyntaxError:
        return None
    warnings = (W.AMBIGUOUS_SEPARATOR,) if guessed else ()
    if percent:
        return Percent(value, qualifier=qualifier, warnings=warnings, raw=raw)
    if unit is not None:
        return Quantity(value, unit.name, qualifier=qualifier, warnings=warnings, raw=raw)
    return Number(value, qualifier=qualifier, warnings=warnings, raw=raw)


def _letter_grade(
    code: str, expect: Expectation | None, qualifier: str | None, raw: str | None
) -> Grade:
    """A letter grade on the scale the indicator names (SAKIP when it names none)."""
    scale = expect.scale if expect is not None and expect.scale in LETTER_SCALES else "sakip"
    if code not in {g.code for g in SCALES[scale].grades}:
        # "CC" under an IKM indicator: a SAKIP letter where the wording asks for IKM's.
        warnings: tuple[str, ...] = (W.UNIT_MISMATCH,)
        return Grade(code, "sakip", qualifier=qualifier, warnings=warnings, raw=raw)
    return Grade(code, scale, qualifier=qualifier, raw=raw)


def _simple_grade(
    word: str, expect: Expectation | None, qualifier: str | None, raw: str
) -> Target | None:
    code = word.upper()
    if code in LETTER_CODES:
        return _letter_grade(code, expect, qualifier, raw)
    words = tuple(word.lower().split())
    named = lookup_grade(words)
    if named is None or named[2] != len(words):
        return None
    return Grade(named[1], named[0], qualifier=qualifier, raw=raw)


@lru_cache(maxsize=1 << 16)
def _parse(text: str, indicator: str | None) -> Target:
    expect = expectation_for(indicator) if indicator else None
    simple = _parse_simple(text, expect)
    return simple if simple is not None else _parse_full(text, expect)


def _parse_full(text: str, expect: Expectation | None) -> Target:
    """Read a cell through layout repair and the whole grammar."""
    try:
        return _parse_repaired(text, text, expect)
    except TargetParseError as error:
        # "102, 8", "Rp717, 141 miliar": a separator the line break left a space after.
        joined = _re(_SPACED_SEPARATOR).sub(r"\1", text)
        if joined == text:
            raise
        try:
            value = _parse_repaired(joined, text, expect)
        except TargetParseError:
            raise error from None
        return value.with_warnings(W.AMBIGUOUS_SEPARATOR)


_SPACED_SEPARATOR = r"(?<=\d)([.,]) (?=\d{1,3}(?!\d))"


def _parse_repaired(text: str, raw: str, expect: Expectation | None) -> Target:
    repaired, ocr = _repair(text)
    stripped = repaired.strip()
    if stripped.lower() in MISSING_TEXTS:
        return Missing(raw=raw)
    parser = _Parser(repaired, expect, raw=raw)
    value = parser.parse()
    if ocr:
        parser.warnings.add(W.OCR_CORRECTED)
    if expect is not None:
        value = _apply_expectation(value, expect)
    return attrs.evolve(value, raw=raw, warnings=(*value.warnings, *parser.warnings))


def parse_target(text: str | int | Decimal, *, indicator: str | None = None) -> Target:
    """Read a target cell into a value.

    ``indicator`` is the indicator's wording; when given, it types bare numbers
    (``35`` under ``Persentase ...`` is a percent) and flags values of the wrong kind.

    >>> parse_target("97,5%")
    Percent(Decimal('97.5'))
    >>> parse_target("6 kec. 29 kel")
    Compound((Quantity(Decimal('6'), 'kecamatan'), Quantity(Decimal('29'), 'kelurahan')))
    >>> parse_target("12 Satker (Provinsi/Kabupaten/")
    Quantity(Decimal('12'), 'satker', note='Provinsi/Kabupaten/', warnings=('truncated',))

    Raises :class:`~kinerja_target.errors.TargetParseError` (a ``ValueError``) for text
    that holds no target, and ``TypeError`` for an argument that is not text or a number.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | Decimal):
        raise TypeError(f"parse_target() takes text, not {type(text).__name__}")
    if indicator is not None and not isinstance(indicator, str):
        raise TypeError(f"indicator must be text, not {type(indicator).__name__}")
    if not isinstance(text, str):
        # A number from a spreadsheet is a number already: reading its text again would
        # take the dot of Decimal("1.125") for a thousands separator.
        value = Decimal(text)
        if not value.is_finite():
            raise TargetParseError(str(text), 0, "not a finite number")
        number: Target = Number(value, raw=str(text))
        expect = expectation_for(indicator) if indicator else None
        return _apply_expectation(number, expect) if expect is not None else number
    return _parse(text, indicator)


def parse_many(
    texts: Iterable[str | int | Decimal | float | None], *, indicator: str | None = None
) -> list[Target | TargetParseError]:
    """Read a column of target cells: one result per input, in order, each distinct cell
    read once.

    A cell that holds no target gives its :class:`~kinerja_target.errors.TargetParseError`
    in its place instead of stopping the column, so a bulk run keeps every row and says
    what each one holds. ``None``, ``NaN`` and empty or blank text are
    :class:`~kinerja_target.values.Missing`.

    >>> values = parse_many(["97,5%", None, "12 Lap", "97,5%", "xyz"])
    >>> values[:3]
    [Percent(Decimal('97.5')), Missing(), Quantity(Decimal('12'), 'laporan')]
    >>> values[3] is values[0], type(values[4]).__name__
    (True, 'TargetParseError')
    """
    seen: dict[object, Target | TargetParseError] = {}
    results: list[Target | TargetParseError] = []
    for text in texts:
        key: object = text if isinstance(text, str) else (type(text), text)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _parse_cell(text, indicator)
        results.append(found)
    return results


def _parse_cell(
    text: str | int | Decimal | float | None, indicator: str | None
) -> Target | TargetParseError:
    if text is None or (isinstance(text, float | Decimal) and text != text):
        return Missing(raw="")
    if isinstance(text, float):
        # A float from a frame is read through its shortest repr: 0.1 is "0.1", not the
        # binary expansion.
        text = Decimal(repr(text))
    if isinstance(text, str) and not text.strip():
        return Missing(raw=text)
    try:
        return parse_target(text, indicator=indicator)
    except TargetParseError as exc:
        return exc
