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
guessing silently. Sources: DOMAIN.md §6 (seeds, LKj practice; the cue lists are [I]).
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from functools import cache, lru_cache

import attrs

from .errors import TargetParseError
from .parse import fold_wording, parse_target
from .values import Number, Percent, Quantity, Range, Target, WarningCode

__all__ = ["Polarity", "PolarityInference", "infer_polarity"]


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


# Cue lists, as data: (pattern on the folded wording, polarity, reason). Checked in order;
# the first that matches decides. Patterns match lower-case text with typos of
# "persentase" folded and HTML removed.
_NEGATIVE_OBJECTS = (
    r"temuan|kesalahan|pelanggaran|sengketa|perkara|keluhan|pengaduan|kasus|"
    r"hukuman disiplin|dijatuhi hukuman|kerugian|tunggakan|deviasi|retur|void|dispensasi|"
    r"tidak masuk dalam daftar|tidak terdaftar|gugatan|keberatan"
)
WORDING_CUES: tuple[tuple[str, Polarity, str], ...] = (
    (
        r"^(rata-rata )?(lama waktu|lamanya|waktu penyelesaian|waktu pelayanan|"
        r"waktu tunggu|jangka waktu|durasi)\b",
        Polarity.MIN,
        "a waiting or processing time: shorter is better",
    ),
    (
        r"^persentase (penurunan|pengurangan)\b",
        Polarity.MAX,
        "a percentage of decrease measures the decrease itself: more is better",
    ),
    (
        r"\b(penyelesaian|tindak lanjut|ditindaklanjuti|diselesaikan)\b.*\b("
        + _NEGATIVE_OBJECTS
        + r")",
        Polarity.MAX,
        "settling or following up problems is the good thing measured",
    ),
    (
        # the same, with the problem named first: "pengaduan ... yang ditindaklanjuti"
        r"\b("
        + _NEGATIVE_OBJECTS
        + r")\b.*\b(ditindaklanjuti|diselesaikan|terselesaikan|ditangani|tertangani|"
        r"direspon|direspons|dijawab|dituntaskan)\b",
        Polarity.MAX,
        "settling or following up problems is the good thing measured",
    ),
    (
        r"\b(bebas|tanpa|dimenangkan|menang)\b",
        Polarity.MAX,
        "'bebas', 'tanpa' or 'dimenangkan' phrase the good outcome",
    ),
    (
        r"\b(deviasi|rentang|stabil|proporsional)\b",
        Polarity.STABLE,
        "a deviation or band around the target is what is measured",
    ),
    (
        r"^(penurunan|pengurangan) (jumlah|angka|tingkat|nilai)\b",
        Polarity.MIN,
        "a decrease in a count: the target is a ceiling",
    ),
    (
        r"^(jumlah|angka|tingkat|rasio|banyaknya|frekuensi|persentase)\b.*\b("
        + _NEGATIVE_OBJECTS
        + r")",
        Polarity.MIN,
        "it counts something to avoid",
    ),
)
_PERCENT_TYPO = r"^p[a-z]{1,3}sent[a-z]*\b"


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], Polarity, str], ...]:
    """The cue patterns, compiled when polarity is first asked for."""
    return tuple((re.compile(p), pol, why) for p, pol, why in WORDING_CUES)


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


def _from_target(target: Target) -> tuple[Polarity, str] | None:
    """What the target alone says, if anything."""
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
    by_target = _from_target(target) if target is not None else None
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
