"""What an indicator's wording asks of its target: :func:`expectation_for`.

The wording types what a cell leaves open: ``35`` under ``Persentase ...`` is a percent,
``3,4`` under ``Nilai maturitas SPIP`` a score on the SPIP scale, ``2,697`` under
``Jumlah pemuda yang dibina`` a count of people, so 2697. Which scale a wording names
comes from ``data/parse_scale_cues.csv``; which counts are of whole things from
``data/parse_whole_nouns.csv`` and the counted units of :mod:`kinerja_target.units`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from .. import _data
from ..folding import fold_wording
from ..units import UNIT_TABLE
from .vocabulary import pattern

__all__ = ["Expectation", "expectation_for", "fold_wording", "reading_for", "reading_of"]


class Expectation(NamedTuple):
    """What an indicator's wording asks of its target.

    ``kind`` is ``percent``, ``count``, ``score``, ``grade`` or ``duration``; ``scale``
    names the grade scale the wording points to (``sakip``, ``spip``...), if any; ``cue``
    is the words that decided; ``whole`` says that a count is of whole things (people,
    documents, offices), so that it has no fraction.
    """

    kind: str
    scale: str | None
    cue: str
    whole: bool = False

    def __repr__(self) -> str:
        whole = ", whole=True" if self.whole else ""
        return f"Expectation(kind={self.kind!r}, scale={self.scale!r}, cue={self.cue!r}{whole})"


# A participation is a share ("Partisipasi angkatan kerja perempuan 66,00"); a ratio
# ("Rasio pembangunan prasarana pertanian 1,06") is not always one, and is a score
# below. A rate ("Laju inflasi (%) 5,50") keeps its bare number: the evaluation sets read
# it so, as they read a unit written only in the wording (docs/decisions/0012).
_PERCENT_CUE = r"^(p[a-z]{1,3}sent[a-z]*|proporsi|(tingkat )?partisipasi)\b"
_COUNT_CUE = r"^((penurunan|peningkatan|pengurangan) )?(jumlah|banyaknya|frekuensi|total)\b"
_EXPECTATION_RULES: tuple[tuple[str, str], ...] = (
    (_COUNT_CUE, "count"),
    (r"^(opini|predikat|kategori|kualifikasi)\b", "grade"),
    (r"^(nilai|indeks|skor|level|tingkat|rasio|hasil penilaian|hasil evaluasi)\b", "score"),
    (
        r"^(lama|lamanya|rata-rata waktu|waktu|durasi|jangka waktu|ketepatan waktu)\b",
        "duration",
    ),
)
# Words between "Jumlah" and the counted noun that say nothing of it.
_COUNT_FILLERS = frozenset({"seluruh", "total", "para", "yang", "dari", "kelompok", "kader"})


@cache
def _scale_cues() -> tuple[tuple[str, str], ...]:
    return tuple((row["pattern"], row["scale"]) for row in _data.rows("parse_scale_cues.csv"))


@cache
def _whole_nouns() -> frozenset[str]:
    nouns = {row["noun"] for row in _data.rows("parse_whole_nouns.csv")}
    for unit in UNIT_TABLE:
        if unit.is_count:
            nouns.update(s for s in (unit.name, *unit.spellings) if " " not in s)
    return frozenset(nouns)


def _scale_named(text: str) -> tuple[str, str] | None:
    for cue, scale in _scale_cues():
        found = pattern(cue).search(text)
        if found:
            return scale, found.group(0)
    return None


def _counts_whole(rest: str) -> bool:
    """Whether the words after ``Jumlah`` name whole things (the first noun decides)."""
    for word in pattern(r"[a-z]+").findall(rest)[:4]:
        if word not in _COUNT_FILLERS:
            return word in _whole_nouns()
    return False


@lru_cache(maxsize=4096)
def expectation_for(indicator: str) -> Expectation | None:
    """What the wording of ``indicator`` asks for, or ``None`` when it does not say.

    >>> expectation_for("Persentase Partisipasi Pemilih").kind
    'percent'
    >>> expectation_for("Nilai maturitas SPIP")
    Expectation(kind='score', scale='spip', cue='nilai')
    >>> expectation_for("Jumlah Pemuda yang dibina")
    Expectation(kind='count', scale=None, cue='jumlah', whole=True)
    """
    text = fold_wording(indicator)
    named = _scale_named(text)
    scale = named[0] if named else None
    found = pattern(_PERCENT_CUE).match(text)
    if found:
        return Expectation("percent", scale, found.group(0))
    for rule, kind in _EXPECTATION_RULES:
        found = pattern(rule).match(text)
        if found:
            whole = kind == "count" and _counts_whole(text[found.end() :])
            return Expectation(kind, scale, found.group(0), whole)
    return None


@lru_cache(maxsize=4096)
def reading_for(indicator: str) -> Expectation | None:
    """What the parser takes from the wording: :func:`expectation_for`, or, for a wording
    that only names a scale (``Meningkatnya indeks kepuasan masyarakat``), a score on it.

    The second case stays out of :func:`expectation_for`, whose ``None`` tells callers
    that a text does not read like an indicator at all.
    """
    expect = expectation_for(indicator)
    if expect is not None:
        return expect
    named = _scale_named(fold_wording(indicator))
    return Expectation("score", named[0], named[1]) if named else None


def reading_of(indicator: str | None) -> Expectation | None:
    """:func:`reading_for` the indicator, if a cell has one."""
    return reading_for(indicator) if indicator else None
