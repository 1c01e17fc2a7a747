"""The words of target cells: qualifiers, range words, magnitudes, fillers.

Word lists that the grammar and the fast path share. They are short closed classes of
Indonesian (``minimal``, ``s.d.``, ``miliar``); the open vocabularies (units, grade
scales, the wording of indicators, OCR repairs) are data files under ``data/``.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "BLANK_TEMPLATE",
    "BLANK_UNIT",
    "CURRENCY_WORDS",
    "FILLER_WORDS",
    "JOINERS",
    "MAGNITUDES",
    "MISSING_TEXTS",
    "MONEY_ABBREVIATIONS",
    "MONTHS",
    "NOT_YET",
    "PERCENT_WORDS",
    "QUALIFIER_PHRASES",
    "RANGE_WORDS",
    "SPIP_LEVEL_WORDS",
    "SYMBOL_QUALIFIERS",
    "TRAILING_QUALIFIERS",
    "ZERO_WORDS",
    "pattern",
]


@cache
def pattern(text: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use: the grammar's and the wording's patterns are not
    needed by a script that only reads simple cells, and compiling them all at import
    would cost it a tenth of the import time."""
    return re.compile(text, flags)


MISSING_TEXTS = frozenset(
    {"", "-", "--", "---", "–", "—", "−", "n/a", "na", "n.a", "-/-", "…", "...", "--/--"}
)
# A value not there yet: "Belum Rilis" (a statistic not published), "Data belum
# tersedia", "Diukur di TW IV" (measured in the fourth quarter).
NOT_YET = (
    r"(?:data )?belum (?:rilis|dirilis|tersedia|ada(?: data)?|diukur|dihitung|terukur)"
    r"|diukur (?:di|pada) (?:tw|triwulan|semester) ?[ivx1-4]+"
)

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
# because "5 M" alone could be anything ("M" is miliar, never million: docs/domain.md §4.3).
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
    | {"hingga", "sampai", "menjadi"}
    # the words of news and narrative text before a figure ("mencapai angka 82 persen",
    # "baru mencapai 69 persen", "menembus 83,3 persen", "kisaran 22 persen", "ada 32
    # perkara", "hampir Rp 1 milyar"); "naik" and "turun" are not among them: they make
    # the figure a change
    | {"angka", "baru", "menembus", "kisaran", "ada", "hampir"}
    # "Proses 1 Minggu" (a service's time); "kurang lebih 30 menit" is "±", and must not
    # be read as "kurang" (less than)
    | {"proses", "kurang lebih", "lebih kurang"}
    | {"indeks", "indek", "skor", "senilai"}  # "indek 4,89", "senilai Rp3,5 miliar"
)
SPIP_LEVEL_WORDS = frozenset({"level", "tingkat"})
JOINERS = frozenset({",", ";", "+", "&", "dan", "serta"})

# A template cell left blank: only the unit mark, perhaps with a placeholder
# ("%", "Persen", "Rp", "... %", "Rp. -").
BLANK_TEMPLATE = (
    r":?\s*(?:\.{2,}|…+\.*|_+|-+)?\s*(?:%|persen|prosen|rp\.?|idr|rupiah)"
    r"\s*(?:\.{2,}|…+\.*|_+|-+|,-|,00)?(?:\s*per\s+\w{1,12})?"
)
# A form's blank before or after a unit word ("-----orang", "....... Dokumen",
# "Laporan ......"): the placeholder is required, the unit is looked up.
_PLACEHOLDER = r"(?:\.{2,}|…+|_{2,}|-{2,})"
_UNIT_WORDS = r"([^\W\d_]+(?: [^\W\d_]+)?)\.?"
BLANK_UNIT = rf"{_PLACEHOLDER}\s*{_UNIT_WORDS}|{_UNIT_WORDS}\s*{_PLACEHOLDER}"
