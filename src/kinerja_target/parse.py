"""Read a target cell into a typed value: :func:`parse_target`, :func:`parse_many`.

A target cell is short free text: ``97,5%``, ``12 Lap``, ``6 kec. 29 kel``,
``36,36% (4 satker)``, ``minimal BB``, ``Rp 10.252.187.000``, ``5 (lima) hari kerja``,
``7 s.d. 8 bulan``. The reading is done by the modules of :mod:`kinerja_target.parsing`:

1. *the fast path* (``parsing.fastpath``): the few shapes most cells take, one regular
   expression each;
2. otherwise *the whole pipeline* (``parsing.grammar``): Unicode normalisation
   (full-width ``９７％``, ``٪``, control characters), layout repair (line breaks inside a
   value, words hyphenated across lines), blank template cells (``%``, ``Rp`` alone),
   OCR repair (``l00%``, ``too%``, ``o/o``; kept only where it gives a target), and
   the grammar ``[qualifier] amount [range | more amounts] [(annotation)]``;
3. *the indicator's wording*, when one is given (``parsing.wording``,
   ``parsing.plausibility``): a bare ``35`` under ``Persentase ...`` is a percent
   (``unit_inferred``), ``3,4`` under ``Nilai maturitas SPIP`` a number on the SPIP
   scale, ``Level 4`` under ``Tingkat Kematangan UKPBJ`` a UKPBJ level, and a value of the
   wrong kind is flagged ``unit_mismatch``; a percentage no target can be (``4900%``) is
   flagged ``implausible``.

Everything the parser notices but can live with is a warning code on the value
(:class:`~kinerja_target.values.WarningCode`). Text that holds no target raises
:class:`~kinerja_target.errors.TargetParseError` naming the text, the position and the
reason; no other exception escapes for any string.

Results are cached: a document repeats ``100%`` hundreds of times, and values are
immutable, so a repeated cell costs a dictionary look-up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .errors import TargetParseError
from .parsing.fastpath import parse_amount, parse_simple
from .parsing.grammar import parse_full
from .parsing.plausibility import apply_expectation
from .parsing.wording import Expectation, expectation_for, fold_wording, reading_of
from .values import Missing, Number, Target

__all__ = ["Expectation", "expectation_for", "fold_wording", "parse_many", "parse_target"]

# The readers under the names the property tests that hold them together use.
_parse_simple = parse_simple
_parse_full = parse_full


class _Failure(NamedTuple):
    """Why a text holds no target, kept in the cache as a value is: a document repeats
    its headers and notes as it repeats ``100%``, and reading them again costs the whole
    grammar each time."""

    position: int
    reason: str


def _parse_fast(text: str, indicator: str | None) -> Target | None:
    """What the fast path reads in ``text``, as :func:`parse_target` takes it: the common
    amounts first (:func:`~.parsing.fastpath.parse_amount`), then the other simple
    shapes; ``None`` leaves the cell to the grammar."""
    amount = parse_amount(text, indicator)
    if type(amount) is not bool:
        return amount
    # True: an amount's shape the fast path leaves to the grammar
    return None if amount else _parse_simple_rest(text, indicator)


def _parse_simple_rest(text: str, indicator: str | None) -> Target | None:
    """The simple shapes other than the common amounts (:func:`_parse_fast`)."""
    return parse_simple(text, reading_of(indicator), amount_tried=True)


@lru_cache(maxsize=1 << 16)
def _read(text: str, indicator: str | None) -> Target | _Failure:
    # _parse_fast, with the common amounts without a call more
    amount = parse_amount(text, indicator)
    if type(amount) is not bool:
        return amount
    fast = None if amount else _parse_simple_rest(text, indicator)
    if fast is not None:
        return fast
    try:
        return parse_full(text, reading_of(indicator))
    except TargetParseError as error:
        return _Failure(error.position, error.reason)


def _parse(text: str, indicator: str | None) -> Target:
    """The cached reading of ``text``; a fresh :class:`TargetParseError` for a text that
    holds none (an error raised again would carry every earlier traceback)."""
    found = _read(text, indicator)
    if type(found) is _Failure:
        raise TargetParseError(text, found.position, found.reason)
    return found  # type: ignore[return-value]


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
    if type(text) is str and (indicator is None or type(indicator) is str):
        found = _read(text, indicator)  # _parse, without a call more on the hot path
        if type(found) is _Failure:
            raise TargetParseError(text, found.position, found.reason)
        return found  # type: ignore[return-value]
    if isinstance(text, bool) or not isinstance(text, str | int | Decimal):
        raise TypeError(f"parse_target() takes text, not {type(text).__name__}")
    if indicator is not None and not isinstance(indicator, str):
        raise TypeError(f"indicator must be text, not {type(indicator).__name__}")
    if isinstance(text, str):
        return _parse(str(text), indicator)
    # A number from a spreadsheet is a number already: reading its text again would
    # take the dot of Decimal("1.125") for a thousands separator.
    value = Decimal(text)
    if not value.is_finite():
        raise TargetParseError(str(text), 0, "not a finite number")
    number: Target = Number(value, raw=str(text))
    expect = reading_of(indicator)
    return apply_expectation(number, expect) if expect is not None else number


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
    if indicator is not None and not isinstance(indicator, str):
        raise TypeError(f"indicator must be text, not {type(indicator).__name__}")
    seen: dict[object, Target | TargetParseError] = {}
    results: list[Target | TargetParseError] = []
    append = results.append
    for text in texts:
        # A str key and a number key never collide: 1 == 1.0 == Decimal(1), but "1" is
        # none of them, and numbers are keyed with their type.
        key: object = text if type(text) is str else (type(text), text)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _parse_cell(text, indicator)
        append(found)
    return results


def _parse_cell(
    text: str | int | Decimal | float | None, indicator: str | None
) -> Target | TargetParseError:
    try:
        if type(text) is str:
            if not text or text.isspace():
                return Missing(raw=text)
            return _parse(text, indicator)
        if text is None:
            return Missing(raw="")
        if isinstance(text, float):
            if math.isnan(text):
                return Missing(raw="")
            # A float from a frame is read through its shortest repr: 0.1 is "0.1", not
            # the binary expansion.
            text = Decimal(repr(text))
        elif isinstance(text, Decimal) and text.is_nan():
            return Missing(raw="")
        return parse_target(text, indicator=indicator)
    except TargetParseError as exc:
        return exc
