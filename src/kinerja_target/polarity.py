"""Polarity: whether a higher or a lower realisation is better, read from the wording.

Most indicators are *maximise* (``Persentase ...``, ``Jumlah laporan ...``, ``Nilai ...``).
Some are *minimise*: counts of disputes, findings, violations; waiting times. A few
look negative but measure the good thing (``Persentase penurunan nilai temuan``: the
decrease is what is measured, so more is better). :func:`infer_polarity` applies the
cue lists below in a fixed order and says which cue decided.

The target itself is a cue too: ``maksimal 2 hari`` or ``paling lambat`` bound from
above (minimise), and a zero or ``nihil`` target only makes sense for something to
avoid. Where the wording and the target disagree (``Persentase pegawai yang dijatuhi
hukuman disiplin`` with ``100%``), the result says so (``contradiction``) instead of
guessing silently. Sources: docs/domain.md §6 (seeds, LKj practice; the cue lists are [I]).
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from functools import cache, lru_cache

import attrs

from . import _data
from .errors import TargetParseError
from .parse import fold_wording, parse_target
from .units import get_unit
from .values import Number, Percent, Quantity, Range, Target, WarningCode

__all__ = ["Polarity", "PolarityInference", "infer_polarity", "wording_cues"]


class Polarity(enum.StrEnum):
    """Which way is better."""

    #: Higher is better (*semakin tinggi semakin baik*): capaian = R / T.
    MAX = "max"
    #: Lower is better (*semakin rendah semakin baik*): capaian = (2T - R) / T.
    MIN = "min"
    #: Inside the target band is best; off either side is worse.
    STABLE = "stable"


@attrs.frozen
class PolarityInference:
    """The polarity of an indicator, with the cue that decided it."""

    polarity: Polarity
    reason: str
    cue: str | None = None
    contradiction: bool = False

    @property
    def warnings(self) -> tuple[str, ...]:
        """``("polarity_contradiction",)`` when wording and target disagree."""
        return (WarningCode.POLARITY_CONTRADICTION,) if self.contradiction else ()


# The cue lists are data (``data/polarity_cues.csv``, ``data/polarity_objects.csv``):
# (pattern on the folded wording, polarity, reason), checked in order; the first that
# matches decides. ``{objects}`` in a pattern stands for the things to avoid (findings,
# errors, violations, complaints, delays, duplicates, unabsorbed budget ...). Patterns
# match lower-case text with typos of "persentase" folded and HTML removed.


@cache
def wording_cues() -> tuple[tuple[str, Polarity, str], ...]:
    """The ordered cue list: (regular expression, polarity, reason), from the data files."""
    objects = "|".join(row["pattern"] for row in _data.rows("polarity_objects.csv"))
    return tuple(
        (row["pattern"].replace("{objects}", objects), Polarity(row["polarity"]), row["reason"])
        for row in _data.rows("polarity_cues.csv")
    )


_PERCENT_TYPO = r"^p[a-z]{1,3}sent[a-z]*\b"


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], Polarity, str], ...]:
    """The cue patterns, compiled when polarity is first asked for."""
    return tuple((re.compile(p), pol, why) for p, pol, why in wording_cues())


def _fold(indicator: str) -> str:
    return re.sub(_PERCENT_TYPO, "persentase", fold_wording(indicator))


@lru_cache(maxsize=4096)
def _from_wording(indicator: str) -> tuple[Polarity, str, str | None, bool]:
    """(polarity, reason, cue, whether a cue matched) for the wording alone."""
    text = _fold(indicator)
    for pattern, polarity, reason in _compiled():
        found = pattern.search(text)
        if found:
            # Quote the whole match when short; else the word that decided (the last group).
            cue = found.group(0)
            if len(cue) > 32 and found.lastindex:
                cue = found.group(found.lastindex)
            return polarity, reason, cue, True
    return Polarity.MAX, "no cue for lower-is-better: higher is better by default", None, False


# Dimensions of durations (units.py) and wordings about time: a target of "7 – 8 bulan"
# for "Ketepatan waktu penyelesaian ..." is a duration to stay under (PermenPANRB 8/2021,
# kondisi khusus), while "Persentase ... dalam waktu 5 hari kerja" targets a percentage.
_DURATIONS = frozenset({"waktu", "hari_kerja", "bulan"})
_ABOUT_TIME = re.compile(r"\b(waktu|lama|lamanya|durasi|keterlambatan|terlambat)\b")


def _is_duration(target: Target) -> bool:
    inner = target.low if isinstance(target, Range) else target
    return isinstance(inner, Quantity) and get_unit(inner.unit).dimension in _DURATIONS


def _from_target(target: Target, indicator: str = "") -> tuple[Polarity, str] | None:
    """What the target alone (or with the wording's mention of time) says, if anything."""
    if _is_duration(target) and _ABOUT_TIME.search(_fold(indicator)):
        return Polarity.MIN, "the target is a duration to stay within: shorter is better"
    if target.qualifier in ("<=", "<"):
        return Polarity.MIN, "the target is a ceiling (maksimal, paling lambat, ≤)"
    if target.qualifier in (">=", ">"):
        return Polarity.MAX, "the target is a floor (minimal, paling sedikit, ≥)"
    value = target.value if isinstance(target, Percent | Quantity | Number) else None
    if value == 0:
        return Polarity.MIN, "a zero target only makes sense for something to avoid"
    return None


def _is_full_percent(target: Target) -> bool:
    inner = target.high if isinstance(target, Range) else target
    return isinstance(inner, Percent) and inner.value >= Decimal(100)


def infer_polarity(indicator: str, target: Target | str | None = None) -> PolarityInference:
    """The polarity of ``indicator`` (higher or lower is better), with the cue that decided.

    ``target`` (a value or its text) is used as a cue too, and to notice contradictions.

    >>> infer_polarity("Penurunan jumlah sengketa hukum yang diajukan ke MK").polarity
    <Polarity.MIN: 'min'>
    >>> infer_polarity("Persentase penurunan nilai temuan").polarity
    <Polarity.MAX: 'max'>
    >>> infer_polarity("Persentase pegawai yang dijatuhi hukuman disiplin", "100%").contradiction
    True
    """
    if isinstance(target, str):
        try:
            target = parse_target(target, indicator=indicator)
        except TargetParseError:
            target = None
    polarity, reason, cue, matched = _from_wording(indicator)
    by_target = _from_target(target, indicator) if target is not None else None
    if by_target is None:
        mismatched = target is not None and WarningCode.UNIT_MISMATCH in target.warnings
        if (
            target is not None
            and not mismatched
            and polarity is Polarity.MIN
            and _is_full_percent(target)
        ):
            return PolarityInference(
                polarity,
                f"{reason}, yet the target is {target}: a 100% target asks for the most",
                cue,
                contradiction=True,
            )
        return PolarityInference(polarity, reason, cue)
    target_polarity, target_reason = by_target
    if not matched or target_polarity is polarity:
        return PolarityInference(target_polarity, target_reason, cue or str(target))
    return PolarityInference(
        polarity,
        f"{reason}, yet {target_reason}",
        cue,
        contradiction=True,
    )
