"""The grammar of a target cell, and the whole reading of a cell that is not simple.

``[qualifier] amount [range | more amounts] [(annotation)]``, where an amount is a number
(digits or Indonesian words) with an optional magnitude word and a unit, and an
annotation is a cross-check in words, a basis, or a note. :class:`Parser` reads the
tokens of one cell by recursive descent; :func:`parse_full` runs the whole pipeline:
Unicode normalisation, layout repair, blank template cells, OCR repair (kept only when
it gives a target), the grammar, the indicator's wording and plausibility.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from ..errors import TargetParseError
from ..numbers import NUMBER_WORDS, NumberHint, NumberSyntaxError, read_number_words
from ..scales import LETTER_CODES, LEVEL_SCALES, SCALES, lookup_grade
from ..units import Unit, lookup_unit_phrase, unknown_unit
from ..values import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    _evolve,
)
from ..values import WarningCode as W
from .fastpath import letter_grade, opens_no_target, parse_simple
from .plausibility import finish, magnified, number_hint, read_amount, whole_count
from .repair import normalize, ocr_repair, repair, tidy_note
from .tokens import Token, tokens
from .vocabulary import (
    BLANK_TEMPLATE,
    BLANK_UNIT,
    CURRENCY_WORDS,
    FILLER_WORDS,
    JOINERS,
    MAGNITUDES,
    MISSING_TEXTS,
    MONEY_ABBREVIATIONS,
    MONTHS,
    NOT_YET,
    PERCENT_WORDS,
    QUALIFIER_PHRASES,
    RANGE_WORDS,
    SPIP_LEVEL_WORDS,
    SYMBOL_QUALIFIERS,
    TRAILING_QUALIFIERS,
    ZERO_WORDS,
    pattern,
)
from .wording import Expectation

__all__ = ["Parser", "parse_full"]


class _Amount(NamedTuple):
    value: Target
    multiplier: int  # a magnitude word's (juta, miliar), 1 without one


class Parser:
    """A recursive-descent reader over the tokens of one cell."""

    def __init__(self, text: str, expect: Expectation | None, raw: str | None = None) -> None:
        self.text = text
        # Errors name the text as the caller gave it; positions are those of the repaired
        # text, which is shorter only where repair joined or rewrote something (a soft or
        # line-break hyphen, "o/o", a product such as "1x24").
        self.raw = text if raw is None else raw
        self.tokens = tokens(text)
        self.i = 0
        self.expect = expect
        self.warnings: set[str] = set()

    # token helpers

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, k: int = 0) -> Token:
        j = self.i + k
        toks = self.tokens
        return toks[j] if j < len(toks) else toks[-1]  # the last token is always "end"

    def fail(self, reason: str, at: Token | None = None) -> TargetParseError:
        return self.error((at or self.tok).start, reason)

    def error(self, position: int, reason: str) -> TargetParseError:
        return TargetParseError(self.raw, min(position, len(self.raw)), reason)

    def words_ahead(self, limit: int = 6) -> tuple[str, ...]:
        words: list[str] = []
        for t in self.tokens[self.i : self.i + limit]:
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
        if self.tok.kind == "punct" and self.tok.text == "=" and self.peek(1).kind != "end":
            self.i += 1  # "= 93,98%": the result of a computation written beside it
        qualifier = self.qualifier()
        while True:
            if self.tok.text in FILLER_WORDS:
                self.i += 1
            elif " ".join(self.words_ahead(2)) in FILLER_WORDS:
                self.i += 2  # "kurang lebih"
            elif self.i and self.tok.kind == "punct" and self.tok.text == ":":
                self.i += 1  # "Nilai : 20%", "Target: 80%": a label and its colon
            else:
                break
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
        return _evolve(value, **changes) if changes else value

    def qualifier(self) -> str | None:
        if self.tok.kind == "sym":
            op = SYMBOL_QUALIFIERS[self.tok.text]
            self.i += 1
            if op in (">", "<") and self.tok.kind == "punct" and self.tok.text == "=":
                self.i += 1  # "> = 70 %": the sign typed apart
                op += "="
            return op
        return self.take_phrase(QUALIFIER_PHRASES)

    def grade(self) -> Target | None:
        words = self.words_ahead()
        if not words:
            return None
        if words[0] in SPIP_LEVEL_WORDS and self.peek(1).kind == "num":
            return self.level(self.peek(1).text)
        found = lookup_grade(words, self.expect.scale if self.expect else None)
        if found is not None and self.ends_value(found[2]):
            self.i += found[2]
            return Grade(found[1], found[0])
        if len(words) == 1 and words[0].upper() in LETTER_CODES and self.ends_value(1):
            self.i += 1
            return letter_grade(words[0].upper(), self.expect, None, None)
        return None

    def level(self, level: str) -> Target | None:
        """``Level 4``: a level of the scale the indicator names, SPIP when it names none
        or names a scale without levels (flagged)."""
        named = self.expect.scale if self.expect else None
        scale = named if named in LEVEL_SCALES else "spip"
        if level not in {g.code for g in SCALES[scale].grades}:
            return None
        self.i += 2
        if named is not None and named != scale:
            return Grade(level, scale, warnings=(W.UNIT_MISMATCH,))
        return Grade(level, scale)

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
            noted = self.note_before_part(parts[-1].value)
            if noted is not None:
                parts[-1] = _Amount(_evolve(parts[-1].value, note=noted), parts[-1].multiplier)
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

    def note_before_part(self, part: Target) -> str | None:
        """``75 Orang Peserta & 4 Orang ...``: the words after a counted part's unit, when
        a joiner and another number follow them, are that part's note, not the start of a
        note that would swallow the second part."""
        if not isinstance(part, Quantity) or part.note is not None:
            return None
        j = self.i
        while j - self.i < 4 and self.tokens[j].kind == "word":
            word = self.tokens[j].text
            if word in JOINERS or word in NUMBER_WORDS or word == "dari":
                break
            j += 1
        joiner = self.tokens[j]
        if j == self.i or joiner.text not in JOINERS or self.tokens[j + 1].kind != "num":
            return None
        note = self.text[self.tok.start : self.tokens[j - 1].end]
        self.i = j
        return tidy_note(note)

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
            lo = self.like(hi, magnified(lo.value, high.multiplier), lo)
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
        words_value = self.number_again_in_words()
        # magnitude (juta, miliar; rb/jt/M/T only beside a currency word)
        multiplier = 1
        t = self.tok
        if t.kind == "word" and (
            t.text in MAGNITUDES or (currency and t.text in MONEY_ABBREVIATIONS)
        ):
            multiplier = MAGNITUDES.get(t.text) or MONEY_ABBREVIATIONS[t.text]
            self.i += 1
        if self.tok.kind == "word" and self.tok.text in CURRENCY_WORDS:
            # "5.000 rupiah"; and "Rp 5.000 rupiah" says the currency twice, no note
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
        else:
            hint = number_hint(self.expect)
        bare = unit is None and not percent and not currency
        warnings: list[str] = []
        if digits is not None:
            try:
                value, guessed = read_amount(digits, hint, bare and whole_count(self.expect))
            except NumberSyntaxError as exc:
                raise self.error(tok.start, str(exc)) from None
            if guessed:
                warnings.append(W.AMBIGUOUS_SEPARATOR)
        assert value is not None
        if negative:
            value = -value
        if words_value is None:
            words_value = self.number_again_in_words()
        if words_value is not None and words_value != value:
            warnings.append(W.WORDS_MISMATCH)
        if unknown:
            warnings.append(W.UNKNOWN_UNIT)
        value = magnified(value, multiplier)
        target: Target
        if percent:
            target = Percent(value, warnings=warnings)
        elif currency:
            target = Money(value, warnings=warnings)
        elif unit is not None:
            target = Quantity(value, unit.name, warnings=warnings)
        else:
            target = Number(value, warnings=warnings)
        base = self.rate_base()
        if base is not None:
            target = _evolve(target, note=base)
        return _Amount(target, multiplier)

    def rate_base(self) -> str | None:
        """``4,88 per 1000 kelahiran hidup``, ``186/100.000 KH``: the base of a rate, kept
        as the value's note (the number is the rate), where it was read as a second count
        or refused."""
        if not (
            (self.tok.text == "per" or (self.tok.kind == "punct" and self.tok.text == "/"))
            and self.peek(1).kind == "num"
        ):
            return None
        self.i += 1
        number = self.tok.text
        self.i += 1
        words = self.words_ahead(3)
        words = words[: next((k for k, w in enumerate(words) if w in JOINERS), len(words))]
        start = self.tok.start
        self.i += len(words)
        end = self.tokens[self.i - 1].end if words else start
        said = self.text[start:end]
        return f"per {number} {said}".strip()

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

    def number_again_in_words(self) -> Decimal | None:
        """The number written again in words right after its digits, in brackets (``5
        (lima) hari``) or, where an extraction lost them, without, when a unit follows."""
        t = self.tok
        if t.kind == "word" and t.text in NUMBER_WORDS and t.text not in MAGNITUDES:
            # "38 tiga puluh delapan hari": the number again in words, its brackets lost
            # in the text's extraction; read as the bracketed words are
            ahead = self.words_ahead(8)
            count = next((k for k, w in enumerate(ahead) if w not in NUMBER_WORDS), len(ahead))
            said = read_number_words(list(ahead[:count]))
            if said is None or count == len(ahead):
                return None  # no unit after the words: "3 tiga" is two numbers
            self.i += count
            return said
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
        if words[0] == "per" and len(words) == 1 and self.peek(1).kind == "num":
            return None, False  # a rate's base follows: "4,88 per 1000 kelahiran hidup"
        if words[:2] in TRAILING_QUALIFIERS:
            return None, False
        if any(words[: len(p)] == p for p in RANGE_WORDS):
            return None, False
        # "15 jenis belanja cetak dan 4.559 lbr": the noun's words end before a joiner
        # that another number follows
        joined = next(
            (
                k
                for k, word in enumerate(words)
                if word in JOINERS and self.peek(k + 1).kind == "num"
            ),
            len(words),
        )
        if joined > 3:
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
                    notes.append(tidy_note(content))
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
                value = _evolve(value, basis=inner)  # "36,36% (4 satker)"
            else:
                notes.append(tidy_note(content))  # "(Provinsi/Kabupaten/Kota)", "(B)"
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
        return tidy_note(rest)


def _numeric(value: Target) -> Decimal | None:
    return value.value if isinstance(value, Percent | Quantity | Number | Money) else None


def _inner_value(content: str) -> Target | None:
    try:
        return parse_simple(content, None) or parse_full(content, None)
    except TargetParseError:
        return None


# -- the whole reading ------------------------------------------------------------------------


def parse_full(text: str, expect: Expectation | None) -> Target:
    """Read a cell through normalisation, repair and the whole grammar.

    A unit mark alone (``%``, ``Persen``, ``Rp``, ``... %``) is a template cell left
    blank: :class:`Missing` with ``blank_template`` (docs/decisions/0008).
    """
    clean, normalized = normalize(text)
    if not normalized:
        return _parse_spaced(clean, text, expect)
    value = parse_simple(clean, expect, raw=text) or _parse_spaced(clean, text, expect)
    return value.with_warnings(W.NORMALIZED)


def _parse_spaced(text: str, raw: str, expect: Expectation | None) -> Target:
    try:
        return _parse_repaired(text, raw, expect)
    except TargetParseError as error:
        # "102, 8", "Rp717, 141 miliar": a separator the line break left a space after.
        joined = pattern(_SPACED_SEPARATOR).sub(r"\1", text)
        if joined == text:
            raise
        try:
            value = _parse_repaired(joined, raw, expect)
        except TargetParseError:
            raise error from None
        return value.with_warnings(W.AMBIGUOUS_SEPARATOR)


_SPACED_SEPARATOR = r"(?<=\d)([.,]) (?=\d{1,3}(?!\d))"


# Two clock times and a word that says they are times of day (a day, a time zone).
_CLOCK = r"\b(?:[01]?\d|2[0-3])[.:][0-5]\d\b"
_CLOCK_TIMES = (
    rf"{_CLOCK}\s*(?:-|–|s\.?d\.?|s/d|sampai|hingga)\s*{_CLOCK}"
    r"(?=[\s\S]*\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|wib|wita|wit)\b)"
)


def _parse_repaired(text: str, raw: str, expect: Expectation | None) -> Target:
    laid = repair(text)
    stripped = laid.strip()
    if stripped.lower() in MISSING_TEXTS or pattern(r"[-–—−]{2,}").fullmatch(stripped):
        return Missing(raw=raw)
    if pattern(NOT_YET, re.IGNORECASE).fullmatch(" ".join(stripped.split())):
        return Missing(raw=raw)
    if pattern(BLANK_TEMPLATE, re.IGNORECASE).fullmatch(stripped):
        return Missing(raw=raw, warnings=(W.BLANK_TEMPLATE,))
    if (blank := pattern(BLANK_UNIT).fullmatch(stripped)) is not None:
        word = (blank.group(1) or blank.group(2)).lower()
        if lookup_unit_phrase(tuple(word.split())) is not None:
            return Missing(raw=raw, warnings=(W.BLANK_TEMPLATE,))
    if stripped.startswith("(") and stripped.endswith(")") and stripped.count("(") == 1:
        # "(99,25 persen)": a value alone in brackets; a bare number so written is a
        # code ("(3355)"), not a target
        try:
            inner = _parse_repaired(stripped[1:-1], raw, expect)
        except TargetParseError:
            inner = None
        if inner is not None and not isinstance(inner, Number | Missing):
            return inner
    clock = pattern(_CLOCK_TIMES, re.IGNORECASE).search(laid)
    if clock is not None:
        # "07.30 s/d 14.30 Senin-Kamis", "08.00 - 16.00 WIB": opening hours, not a range
        raise TargetParseError(raw, clock.start(), "a time of day (opening hours) is not a target")
    numbered = pattern(r"[ \t]*\d{1,2}\.[ \t]{2,}(?=\S)").match(laid)
    if numbered is not None:
        # "3.   60 %": a list's number, then the value, as a numbered column of a form
        # runs into the target cell; a number and one space ("1. 24") stays a guess
        try:
            value = _parse_repaired(laid[numbered.end() :], raw, expect)
        except TargetParseError:
            pass
        else:
            return value.with_warnings(W.LIST_NUMBER)
    if opens_no_target(laid):
        # "TAHUN 2O2O": no repair of the letters after a word no target opens with makes
        # a target of it, and reading it again repaired would cost a second reading.
        return _read(laid, raw, expect)
    fixed = ocr_repair(laid)
    if fixed != laid:
        # OCR letters are repaired only where the repair gives a target, and one the text
        # as written does not: letters in a note ("A (0O") stay as written, as the fast
        # path keeps them.
        try:
            repaired = _read(fixed, raw, expect)
        except TargetParseError:
            pass
        else:
            try:
                written = _read(laid, raw, expect)
            except TargetParseError:
                return repaired.with_warnings(W.OCR_CORRECTED)
            if written != repaired:
                return repaired.with_warnings(W.OCR_CORRECTED)
            return written
    return _read(laid, raw, expect)


def _read(text: str, raw: str, expect: Expectation | None) -> Target:
    parser = Parser(text, expect, raw=raw)
    value = finish(parser.parse(), expect)
    return _evolve(value, raw=raw, warnings=(*value.warnings, *parser.warnings))
