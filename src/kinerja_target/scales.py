"""Grade scales: the ordered letters and categories KPU targets are written in, with the
score bands that regulations publish for them.

Each :class:`Scale` lists its grades from worst to best, the score band of each where
one is published, and the regulation it comes from. Tags in ``source`` follow
``docs/domain.md``: [C] confirmed in the regulation's text, [S] secondary sources, [I] inferred.
Bands are half-open on the side the regulation says: SAKIP writes ``> 70 - 80`` (70 is
B, not BB), SPIP ``3,00 <= s < 4,00``. See ``docs/decisions/0004-grade-bands.md``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

__all__ = [
    "LETTER_SCALES",
    "LEVEL_SCALES",
    "SCALES",
    "SCOPED_SCALES",
    "Band",
    "GradeDef",
    "Scale",
    "get_scale",
    "lookup_grade",
]


class Band(NamedTuple):
    """A score interval; ``low_open`` / ``high_open`` exclude that bound."""

    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    def holds(self, score: Decimal) -> bool:
        """Whether ``score`` lies in the band."""
        above = score > self.low if self.low_open else score >= self.low
        below = score < self.high if self.high_open else score <= self.high
        return above and below

    @property
    def midpoint(self) -> Decimal:
        """The middle of the band."""
        return (self.low + self.high) / 2


class GradeDef(NamedTuple):
    """One grade: its code (what ``Grade.value`` holds), how it is written back, its
    band, and the other ways documents spell it."""

    code: str
    label: str
    band: Band | None = None
    spellings: tuple[str, ...] = ()


class Scale(NamedTuple):
    """An ordered grade scale, worst grade first."""

    name: str
    title: str
    source: str
    grades: tuple[GradeDef, ...]

    def rank(self, code: str) -> int:
        """The position of ``code`` on the scale, 0 for the worst grade."""
        for i, grade in enumerate(self.grades):
            if grade.code == code:
                return i
        raise KeyError(f"{code!r} is not a grade of the {self.name} scale")

    def grade(self, code: str) -> GradeDef:
        """The definition of grade ``code``."""
        return self.grades[self.rank(code)]

    @property
    def has_bands(self) -> bool:
        """Whether the regulation publishes a score band for every grade."""
        return all(g.band is not None for g in self.grades)

    def grade_for_score(self, score: Decimal) -> GradeDef | None:
        """The grade whose band holds ``score``; ``None`` outside every band."""
        for grade in self.grades:
            if grade.band is not None and grade.band.holds(score):
                return grade
        return None


def _d(text: str) -> Decimal:
    return Decimal(text)


def _letters(low_open: bool = True) -> tuple[GradeDef, ...]:
    # SAKIP and RB: "D 0-30, C >30-50, CC >50-60, B >60-70, BB >70-80, A >80-90, AA >90-100".
    cuts = ("0", "30", "50", "60", "70", "80", "90", "100")
    codes = ("D", "C", "CC", "B", "BB", "A", "AA")
    return tuple(
        GradeDef(code, code, Band(_d(cuts[i]), _d(cuts[i + 1]), low_open=low_open and i > 0))
        for i, code in enumerate(codes)
    )


SCALES: dict[str, Scale] = {
    s.name: s
    for s in (
        Scale(
            "sakip",
            "Nilai SAKIP (evaluasi akuntabilitas kinerja)",
            "PermenPANRB 88/2021 (as 12/2015); bands [S], lower bound exclusive [S]",
            _letters(),
        ),
        Scale(
            "rb",
            "Indeks Reformasi Birokrasi",
            "PermenPANRB 26/2020 and 9/2023; same letters and bands as SAKIP [S]",
            _letters(),
        ),
        Scale(
            "spip",
            "Maturitas SPIP",
            "PP 60/2008; Peraturan BPKP 5/2021, Tabel II.4 [S]; level 0 from Perka BPKP 4/2016 [I]",
            (
                GradeDef("0", "Level 0", Band(_d("0"), _d("1"), high_open=True), ("belum ada",)),
                GradeDef("1", "Level 1", Band(_d("1"), _d("2"), high_open=True), ("rintisan",)),
                GradeDef("2", "Level 2", Band(_d("2"), _d("3"), high_open=True), ("berkembang",)),
                GradeDef("3", "Level 3", Band(_d("3"), _d("4"), high_open=True), ("terdefinisi",)),
                GradeDef(
                    "4",
                    "Level 4",
                    Band(_d("4"), _d("4.5"), high_open=True),
                    ("terkelola dan terukur", "terkelola"),
                ),
                GradeDef("5", "Level 5", Band(_d("4.5"), _d("5")), ("optimum",)),
            ),
        ),
        Scale(
            "kip",
            "Keterbukaan Informasi Publik (monev Komisi Informasi)",
            "UU 14/2008; Komisi Informasi monev, PerKI 1/2022 [S]; each band runs up to the "
            "next one's lower bound",
            (
                GradeDef(
                    "Tidak Informatif",
                    "Tidak Informatif",
                    Band(_d("0"), _d("40"), high_open=True),
                    ("tidak informatif",),
                ),
                GradeDef(
                    "Kurang Informatif",
                    "Kurang Informatif",
                    Band(_d("40"), _d("60"), high_open=True),
                    ("kurang informatif",),
                ),
                GradeDef(
                    "Cukup Informatif",
                    "Cukup Informatif",
                    Band(_d("60"), _d("80"), high_open=True),
                    ("cukup informatif",),
                ),
                GradeDef(
                    "Menuju Informatif",
                    "Menuju Informatif",
                    Band(_d("80"), _d("90"), high_open=True),
                    ("menuju informatif",),
                ),
                GradeDef("Informatif", "Informatif", Band(_d("90"), _d("100")), ("informatif",)),
            ),
        ),
        Scale(
            "ikm",
            "Indeks Kepuasan Masyarakat",
            "PermenPANRB 14/2017, nilai interval konversi and mutu pelayanan [I]",
            (
                GradeDef("D", "D", Band(_d("25"), _d("65"), high_open=True), ("tidak baik",)),
                GradeDef("C", "C", Band(_d("65"), _d("76.61"), high_open=True), ("kurang baik",)),
                GradeDef("B", "B", Band(_d("76.61"), _d("88.31"), high_open=True), ("baik",)),
                GradeDef("A", "A", Band(_d("88.31"), _d("100")), ("sangat baik",)),
            ),
        ),
        Scale(
            "opini_bpk",
            "Opini BPK atas laporan keuangan",
            "UU 15/2004 on BPK audit opinions [I]",
            (
                GradeDef("TMP", "TMP", None, ("tmp", "tidak menyatakan pendapat", "disclaimer")),
                GradeDef("TW", "TW", None, ("tw", "tidak wajar")),
                GradeDef("WDP", "WDP", None, ("wdp", "wajar dengan pengecualian")),
                GradeDef("WTP", "WTP", None, ("wtp", "wajar tanpa pengecualian")),
            ),
        ),
        Scale(
            "ukpbj",
            "Tingkat Kematangan UKPBJ (unit kerja pengadaan barang/jasa)",
            "Peraturan LKPP 10/2021, model kematangan UKPBJ: levels 1-5 and their names [I]; no "
            "score bands",
            tuple(
                GradeDef(str(n), f"Level {n}", None, (name,))
                for n, name in enumerate(
                    ("inisiasi", "esensi", "proaktif", "integratif", "unggul"), start=1
                )
            ),
        ),
        Scale(
            "spbe",
            "Indeks SPBE (sistem pemerintahan berbasis elektronik)",
            "Perpres 95/2018; PermenPANRB 59/2020, predikat of the index 0-5 [I]",
            (
                GradeDef("Kurang", "Kurang", Band(_d("0"), _d("1.8"), high_open=True), ("kurang",)),
                GradeDef("Cukup", "Cukup", Band(_d("1.8"), _d("2.6"), high_open=True), ("cukup",)),
                GradeDef("Baik", "Baik", Band(_d("2.6"), _d("3.5"), high_open=True), ("baik",)),
                GradeDef(
                    "Sangat Baik",
                    "Sangat Baik",
                    Band(_d("3.5"), _d("4.2"), high_open=True),
                    ("sangat baik",),
                ),
                GradeDef("Memuaskan", "Memuaskan", Band(_d("4.2"), _d("5")), ("memuaskan",)),
            ),
        ),
        Scale(
            "ikpa",
            "Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
            "PMK 195/2018; Perdirjen Perbendaharaan PER-5/PB/2022, kategori of the 0-100 value [I]",
            (
                GradeDef("Kurang", "Kurang", Band(_d("0"), _d("70"), high_open=True), ("kurang",)),
                GradeDef("Cukup", "Cukup", Band(_d("70"), _d("89"), high_open=True), ("cukup",)),
                GradeDef("Baik", "Baik", Band(_d("89"), _d("95"), high_open=True), ("baik",)),
                GradeDef("Sangat Baik", "Sangat Baik", Band(_d("95"), _d("100")), ("sangat baik",)),
            ),
        ),
        Scale(
            "zi",
            "Predikat Zona Integritas",
            "PermenPANRB 90/2021 [C]",
            (
                GradeDef("WBK", "WBK", None, ("wbk", "wilayah bebas dari korupsi")),
                GradeDef("WBBM", "WBBM", None, ("wbbm", "wilayah birokrasi bersih dan melayani")),
            ),
        ),
    )
}

# Scales whose grades are bare letters; which one a letter belongs to is decided by the
# indicator's wording, SAKIP when nothing says otherwise.
LETTER_SCALES = frozenset({"sakip", "rb", "ikm"})
LETTER_CODES = frozenset(g.code for g in SCALES["sakip"].grades)
# Scales whose grades are levels ("Level 4"); SPIP when the wording names none.
LEVEL_SCALES = frozenset({"spip", "ukpbj"})
# Scales whose grade words are common words ("baik", "unggul"): they are grades only
# under an indicator that names the scale.
SCOPED_SCALES = frozenset({"ikm", "spbe", "ikpa", "ukpbj"})

_BY_SPELLING: dict[tuple[str, ...], tuple[str, str]] = {}
_BY_SCALE: dict[str, dict[tuple[str, ...], str]] = {}
for _scale in SCALES.values():
    for _grade in _scale.grades:
        for _spelling in _grade.spellings:
            _BY_SCALE.setdefault(_scale.name, {})[tuple(_spelling.split())] = _grade.code
            if _scale.name not in LETTER_SCALES | SCOPED_SCALES:
                _BY_SPELLING[tuple(_spelling.split())] = (_scale.name, _grade.code)
_MAX_WORDS = max(len(k) for k in _BY_SPELLING)
_MAX_SCOPED_WORDS = max(len(k) for table in _BY_SCALE.values() for k in table)


def get_scale(name: str) -> Scale:
    """The scale called ``name`` (``sakip``, ``rb``, ``spip``, ``kip``, ``ikm``, ``ukpbj``,
    ``spbe``, ``ikpa``, ``opini_bpk``, ``zi``)."""
    return SCALES[name]


def lookup_grade(words: tuple[str, ...], scale: str | None = None) -> tuple[str, str, int] | None:
    """A named grade (not a bare letter) at the start of lower-case ``words``:
    ``(scale, code, words taken)``; the longest spelling wins. With ``scale`` (the one
    the indicator names), that scale's words are tried first, common words among them
    (``baik`` under an IKM indicator)."""
    own = _BY_SCALE.get(scale) if scale is not None else None
    if own is not None:
        for n in range(min(_MAX_SCOPED_WORDS, len(words)), 0, -1):
            code = own.get(words[:n])
            if code is not None:
                return scale, code, n  # type: ignore[return-value]
    for n in range(min(_MAX_WORDS, len(words)), 0, -1):
        hit = _BY_SPELLING.get(words[:n])
        if hit is not None:
            return hit[0], hit[1], n
    return None
