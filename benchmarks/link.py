"""Benchmark: link a national-scale corpus of indicator mentions.

The corpus is generated from the seed indicators (``tests/data/seed_indicators.tsv``):
553 satker (KPU RI, the 38 provincial KPU and the 514 KPU of kabupaten/kota, named from
the gazetteer) each write 60 indicators — the 54 indicators that more than one seed
satker uses plus six indicators a single word apart from others (pendidikan pemilih for
masyarakat umum / perempuan / pemula / disabilitas, partisipasi pemilih perempuan /
disabilitas). For each mention the generator

* picks one of the wordings the seeds use for that indicator,
* puts the satker's own name where the seed satker's name stood,
* injects realistic noise: a known misspelling (``Presentase``, ``adhock``), a random
  typing error in a long word (a dropped, doubled or swapped letter), a word
  hyphenated across a line, an HTML tag, a changed case, a final full stop, extra spaces.

The truth is the seed indicator each mention was drawn from. The script prints, for 1×,
2× and 4× the size (each satker writing 1, 2 or 4 documents), the time to link and the
pairwise precision and recall. Run it with ``python benchmarks/link.py``; ``--sizes``
and ``--seed`` change the run.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from kinerja_target.linking import Mention, link_indicators, normalize_indicator
from kinerja_target.places import gazetteer

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "seed_indicators.tsv"

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
    "Persentase": ["Presentase", "Presentasi", "Prosentase", "Presentasae"],
    "persentase": ["presentase", "prosentase"],
    "adhoc": ["adhock", "adhok", "ad hoc"],
    "Adhoc": ["Adhock", "Adhok"],
    "administrasi": ["adminstrasi", "admintrasi"],
    "Sekretariat": ["Sekertariat"],
    "database": ["data base", "<i>database</i>"],
    "ditindaklanjuti": ["ditindak lanjuti"],
    "Provinsi": ["Propinsi"],
    "Kabupaten/Kota": ["Kab/Kota", "Kabupaten / Kota", "Kab./Kota"],
}

# The five seed satker, and how their names appear inside indicator texts.
SEED_NAME = re.compile(
    r"(?:KPU\s+)?(?:Kota|Provinsi)\s+(?:Ambon|Pontianak|Kupang|Maluku|Kalimantan\s+Timur)"
    r"|[Ss]e-?(?:Maluku|Kalimantan\s+Timur)",
)


def load_gold() -> dict[str, list[str]]:
    """Distinct wordings of every gold cluster, by cluster slug."""
    wordings: dict[str, list[str]] = defaultdict(list)
    with GOLD.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            text, cluster = row[4], row[6]
            if text not in wordings[cluster]:
                wordings[cluster].append(text)
    return wordings


def chosen_indicators(wordings: dict[str, list[str]]) -> list[str]:
    satkers: dict[str, set[str]] = defaultdict(set)
    with GOLD.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            satkers[row[6]].add(row[2])
    shared = sorted(c for c in wordings if len(satkers[c]) > 1)
    return shared + [c for c in DECISIVE_SINGLETONS if c not in shared]


def satker_names() -> list[tuple[str, str]]:
    """(satker name, how it is named inside a text) for KPU RI and every region."""
    names = [("KPU RI", "KPU")]
    for place in gazetteer():
        level = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}[place.level]
        full = f"KPU {level} {place.name}"
        names.append((full, full))
    return names


def typo(word: str, rng: random.Random) -> str:
    """One typing error inside a word (never its first letter)."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap"))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def capitalised(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def noisy(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        text = text.upper()
    elif roll < 0.2:
        text = text.lower()
    elif roll < 0.3:
        text = capitalised(text)
    words = text.split(" ")
    touched: set[int] = set()
    for n, word in enumerate(words):
        if word in KNOWN_TYPOS and rng.random() < 0.25:
            words[n] = rng.choice(KNOWN_TYPOS[word])
            touched.add(n)
    long_words = [
        n for n, w in enumerate(words) if len(w) >= 7 and w.isalpha() and n not in touched
    ]
    if long_words and rng.random() < 0.15:
        n = rng.choice(long_words)
        words[n] = typo(words[n], rng)
        long_words.remove(n)
    if long_words and rng.random() < 0.05:
        n = rng.choice(long_words)
        w = words[n]
        if w[1:].islower():
            cut = rng.randrange(3, len(w) - 2)
            words[n] = w[:cut] + "-" + w[cut:]
            long_words.remove(n)
    if long_words and rng.random() < 0.03:
        n = rng.choice(long_words)
        words[n] = f"<i>{words[n]}</i>"
    text = " ".join(words)
    if rng.random() < 0.2:
        text += "."
    if rng.random() < 0.1:
        text = text.replace(" ", "  ", 1)
    return text


def generate(size: int, seed: int) -> tuple[list[Mention], list[str]]:
    """``size`` documents per satker, 60 indicators each; the mentions and their truth."""
    rng = random.Random(seed)
    wordings = load_gold()
    indicators = chosen_indicators(wordings)[:60]
    mentions: list[Mention] = []
    truth: list[str] = []
    for satker, inside in satker_names():
        for document in range(size):
            for cluster in indicators:
                text = rng.choice(wordings[cluster])
                text = SEED_NAME.sub(inside, text)
                mentions.append(
                    Mention(satker=satker, text=noisy(text, rng), id=f"{satker}#{document}")
                )
                truth.append(cluster)
    return mentions, truth


def pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def pairwise(labels: tuple[int, ...], truth: list[str]) -> tuple[float, float]:
    both = pairs(Counter(zip(labels, truth, strict=True)))
    predicted = pairs(Counter(labels))
    actual = pairs(Counter(truth))
    return both / predicted if predicted else 1.0, both / actual if actual else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    header = ("size", "mentions", "clusters", "seconds", "precision", "recall")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (5, 9, 9, 8, 10, 7), strict=True)))
    for size in args.sizes:
        mentions, truth = generate(size, args.seed)
        normalize_indicator.cache_clear()
        start = time.perf_counter()
        result = link_indicators(mentions)
        seconds = time.perf_counter() - start
        precision, recall = pairwise(result.labels, truth)
        print(
            f"{size:>4}x {len(mentions):>9} {len(result.clusters):>9} {seconds:>8.2f}"
            f" {precision:>10.4f} {recall:>7.4f}"
        )


if __name__ == "__main__":
    main()
