"""A generated corpus of LKj tables for the roll-up: many satker, several years, a truth.

The indicators are the seed indicators (``tests/data/seed_indicators.tsv``): the 54 that
more than one seed satker writes and six a single decisive word apart from others
(pendidikan pemilih for masyarakat umum / perempuan / pemula / disabilitas; partisipasi
pemilih perempuan / disabilitas). The satker are named from the gazetteer
(``src/kinerja_target/data/wilayah.csv``). Each satker

* picks, for each indicator, one of the wordings the seeds use and keeps it from year
  to year, rewording it now and then, with its own name where the seed satker's stood;
* writes it with the noise of real documents: known misspellings (``Presentase``,
  ``adhock``), a typing error in a long word, an abbreviation (``BMN``, ``SPIP``), a
  changed case, a final full stop, an HTML tag, doubled spaces;
* writes the target in the kind and unit the seeds use for the indicator, with a value
  of its own, and a realisasi and capaian beside it;
* writes one LKj per year as tab-separated text, a ``;`` CSV or an XLSX workbook.

Outliers are planted and recorded: a target of another kind (``12 Lap`` where the others
write a percent), of another unit (``12 dokumen`` where the others write laporan), far
from the peers (``10%`` where the others write 75-100%), and indicators a satker leaves
out. :func:`generate` writes the folder and returns the truth.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import attrs

from kinerja_target import Percent, Quantity, TargetParseError, parse_target

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_indicators.tsv"
GAZETTEER = ROOT / "src" / "kinerja_target" / "data" / "wilayah.csv"

DECISIVE_SINGLETONS = (
    "satker_pendidikan_pemilih_masyarakat_umum",
    "satker_pendidikan_pemilih_perempuan",
    "satker_pendidikan_pemilih_pemula",
    "satker_pendidikan_pemilih_disabilitas",
    "partisipasi_pemilih_perempuan",
    "partisipasi_pemilih_disabilitas",
)

# Misspellings seen in real KPU documents, applied as whole-word replacements.
KNOWN_TYPOS = {
    "Persentase": ["Presentase", "Presentasi", "Prosentase"],
    "persentase": ["presentase", "prosentase"],
    "adhoc": ["adhock", "adhok"],
    "Adhoc": ["Adhock", "Adhok"],
    "administrasi": ["adminstrasi", "admintrasi"],
    "Sekretariat": ["Sekertariat"],
    "database": ["<i>database</i>"],
    "ditindaklanjuti": ["ditindak lanjuti"],
    "Provinsi": ["Propinsi"],
}

# Expansions written as their abbreviation (data/matching_abbreviations.csv expands them).
ABBREVIATIONS = {
    "Barang Milik Negara": "BMN",
    "barang milik negara": "BMN",
    "Sistem Pengendalian Intern Pemerintah": "SPIP",
    "Sumber Daya Manusia": "SDM",
    "Jadwal Retensi Arsip": "JRA",
    "Standar Operasional Prosedur": "SOP",
}

# The five seed satker, and how their names appear inside indicator texts.
SEED_NAME = re.compile(
    r"(?:KPU\s+)?(?:Kota|Provinsi)\s+(?:Ambon|Pontianak|Kupang|Maluku|Kalimantan\s+Timur)"
    r"|[Ss]e-?(?:Maluku|Kalimantan\s+Timur)",
)

SASARAN = (
    "Meningkatnya kualitas penyelenggaraan Pemilu dan Pemilihan",
    "Meningkatnya partisipasi dan kualitas pemilih",
    "Terwujudnya tata kelola organisasi yang akuntabel",
    "Meningkatnya kualitas pelayanan administrasi dan dukungan teknis",
)

#: The kinds of planted outliers.
PLANTED = ("kind", "unit", "far", "missing")


@attrs.frozen
class TruthRow:
    """One generated row: where it is (``path`` relative to the corpus, ``line``), who
    wrote it, the indicator it is (``cluster``) and what was planted in it."""

    path: str
    line: int
    satker: str
    year: int
    indicator: str
    target: str
    cluster: str
    planted: str = ""


@attrs.frozen
class Corpus:
    """A generated corpus: its folder, its rows' truth and the planted omissions
    (``(satker, year, cluster)``)."""

    folder: Path
    rows: tuple[TruthRow, ...]
    missing: tuple[tuple[str, int, str], ...]

    def planted(self, kind: str) -> list[TruthRow]:
        """The rows with an outlier of ``kind`` (``kind``, ``unit``, ``far``)."""
        return [r for r in self.rows if r.planted == kind]


def _gold() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, set[str]]]:
    wordings: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, list[str]] = defaultdict(list)
    satkers: dict[str, set[str]] = defaultdict(set)
    with GOLD.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            satker, text, target, cluster = row[2], row[4], row[5], row[6]
            if text not in wordings[cluster]:
                wordings[cluster].append(text)
            targets[cluster].append(target)
            satkers[cluster].add(satker)
    return wordings, targets, satkers


def indicators() -> tuple[list[str], dict[str, list[str]], dict[str, list[str]]]:
    """The 60 clusters, their wordings and their seed targets."""
    wordings, targets, satkers = _gold()
    shared = sorted(c for c in wordings if len(satkers[c]) > 1)
    chosen = (shared + [c for c in DECISIVE_SINGLETONS if c not in shared])[:60]
    return chosen, wordings, targets


def satker_names() -> list[str]:
    """The 553 satker: KPU RI, then every provincial and kabupaten/kota KPU, named from
    the gazetteer."""
    names = ["KPU RI"]
    with GAZETTEER.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            level = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
            names.append(f"KPU {level[row['level']]} {row['name']}")
    return names


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def noisy(text: str, rng: random.Random) -> str:
    """``text`` as one satker might type it."""
    for long, short in ABBREVIATIONS.items():
        if long in text and rng.random() < 0.3:
            text = text.replace(long, short)
    roll = rng.random()
    if roll < 0.08:
        text = text.upper()
    elif roll < 0.16:
        text = text.lower()
    words = text.split(" ")
    touched: set[int] = set()
    for n, word in enumerate(words):
        if word in KNOWN_TYPOS and rng.random() < 0.25:
            words[n] = rng.choice(KNOWN_TYPOS[word])
            touched.add(n)
    long_words = [
        n for n, w in enumerate(words) if len(w) >= 8 and w.isalpha() and n not in touched
    ]
    if long_words and rng.random() < 0.12:
        n = rng.choice(long_words)
        words[n] = _typo(words[n], rng)
    text = " ".join(words)
    if rng.random() < 0.15:
        text += "."
    if rng.random() < 0.05:
        text = text.replace(" ", "  ", 1)
    return text


def _usual(targets: Sequence[str]) -> str:
    """The seed target most written for an indicator that reads as one value."""
    counts = Counter(targets)
    for text, _n in counts.most_common():
        try:
            parse_target(text)
        except TargetParseError:
            continue
        return text
    return "100%"


def _target(usual: str, rng: random.Random) -> tuple[str, str]:
    """A target of the usual kind with a value of this satker's, and a realisasi."""
    value = parse_target(usual)
    if isinstance(value, Percent):
        target = rng.choice((100, 100, 100, 95, 90, 85, 80, 75))
        actual = min(100, target + rng.choice((-10, -5, 0, 0, 5, 10)))
        return f"{target}%", f"{actual}%"
    if isinstance(value, Quantity):
        unit = usual.split()[-1] if len(usual.split()) == 2 else str(value.unit)
        count = int(value.value) if value.value == int(value.value) else 1
        count = max(1, count + rng.choice((0, 0, 0, 1, -1)))
        return f"{count} {unit}", f"{max(0, count - rng.choice((0, 0, 1)))} {unit}"
    return usual, usual


def _write_text(path: Path, satker: str, year: int, rows: list[list[str]]) -> list[int]:
    head = [
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        satker.replace("KPU", "KOMISI PEMILIHAN UMUM").upper(),
        f"TAHUN {year}",
        "",
        "Tabel 3.1",
        f"Pengukuran Kinerja {satker} Tahun {year}",
        "",
        "No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
    ]
    lines = list(head)
    numbers = []
    for row in rows:
        lines.append("\t".join(row))
        numbers.append(len(lines))
    lines += ["", "Berdasarkan tabel di atas, sebagian besar indikator tercapai.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return numbers


def _write_csv(path: Path, satker: str, year: int, rows: list[list[str]]) -> list[int]:
    records = [
        [f"LAPORAN KINERJA {satker.upper()} TAHUN {year}", "", "", "", "", ""],
        ["", "", "", "", "", ""],
        ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
        *rows,
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(records)
    return list(range(4, 4 + len(rows)))


def _write_xlsx(path: Path, satker: str, year: int, rows: list[list[str]]) -> list[int]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([f"LAPORAN KINERJA {satker.upper()} TAHUN {year}"])
    sheet.append([])
    sheet.append(["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return list(range(4, 4 + len(rows)))


WRITERS = {".txt": _write_text, ".csv": _write_csv, ".xlsx": _write_xlsx}


def _capaian(target: str, actual: str) -> str:
    try:
        t, a = parse_target(target), parse_target(actual)
    except TargetParseError:
        return ""
    tv, av = getattr(t, "value", None), getattr(a, "value", None)
    if not tv or av is None or type(tv) is str:
        return ""
    return f"{av * 100 / tv:.2f}%".replace(".", ",")


def generate(
    folder: Path,
    *,
    satker: int = 300,
    years: Sequence[int] = (2023, 2024),
    seed: int = 11,
    outliers: int = 12,
    layouts: Sequence[str] = (".txt", ".csv", ".xlsx"),
    reword: float = 0.3,
) -> Corpus:
    """Write ``satker`` satker × ``years`` LKj documents into ``folder``; the truth.

    ``outliers`` of each planted kind are placed at random (seeded) rows; ``reword`` is
    the chance that a satker rewords an indicator from one year to the next.
    """
    rng = random.Random(seed)
    chosen, wordings, seed_targets = indicators()
    usual = {c: _usual(seed_targets[c]) for c in chosen}
    percent = [c for c in chosen if isinstance(parse_target(usual[c]), Percent)]
    counted = [
        c
        for c in chosen
        if isinstance(parse_target(usual[c]), Quantity)
        and str(parse_target(usual[c]).unit) == "laporan"
    ]
    everyone = satker_names()
    names = everyone if satker >= len(everyone) else rng.sample(everyone, satker)
    plan: dict[tuple[str, int, str], str] = {}
    for kind in PLANTED:
        pool = counted if kind == "unit" else percent
        for _ in range(outliers):
            key = (rng.choice(names), rng.choice(list(years)), rng.choice(pool))
            plan.setdefault(key, kind)
    folder.mkdir(parents=True, exist_ok=True)
    truth: list[TruthRow] = []
    missing: list[tuple[str, int, str]] = []
    for index, name in enumerate(names):
        layout = layouts[index % len(layouts)]
        texts: dict[str, str] = {}
        targets: dict[str, tuple[str, str]] = {}
        for year in years:
            for cluster in chosen:
                if cluster not in texts or rng.random() < reword:
                    base = rng.choice(wordings[cluster])
                    inside = "KPU" if name == "KPU RI" else name
                    texts[cluster] = noisy(SEED_NAME.sub(inside, base), rng)
                if cluster not in targets or rng.random() < 0.3:
                    targets[cluster] = _target(usual[cluster], rng)
            rows: list[list[str]] = []
            kept: list[tuple[str, str, str]] = []
            number = 0
            sasaran_seen: set[str] = set()
            for n, cluster in enumerate(chosen):
                planted = plan.get((name, year, cluster), "")
                if planted == "missing":
                    missing.append((name, year, cluster))
                    continue
                target, actual = targets[cluster]
                if planted == "kind":
                    target, actual = "12 Lap", "12 Lap"
                elif planted == "unit":
                    count = target.split()[0]
                    target, actual = f"{count} Dokumen", f"{count} Dokumen"
                elif planted == "far":
                    target = "10%"
                sasaran = SASARAN[n * len(SASARAN) // len(chosen)]
                first = sasaran not in sasaran_seen
                sasaran_seen.add(sasaran)
                number += first
                rows.append(
                    [
                        f"{number}" if first else "",
                        sasaran if first else "",
                        texts[cluster],
                        target,
                        actual,
                        _capaian(target, actual),
                    ]
                )
                kept.append((cluster, target, planted))
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            relative = f"{year}/lkj_{slug}_{year}{layout}"
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            lines = WRITERS[layout](path, name, year, rows)
            for line, row, (cluster, target, planted) in zip(lines, rows, kept, strict=True):
                truth.append(TruthRow(relative, line, name, year, row[2], target, cluster, planted))
    return Corpus(folder, tuple(truth), tuple(missing))


def pairwise(predicted: Sequence[object], truth: Sequence[object]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against its truth."""

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, truth, strict=True)))
    found, actual = pairs(Counter(predicted)), pairs(Counter(truth))
    return (both / found if found else 1.0, both / actual if actual else 1.0)
