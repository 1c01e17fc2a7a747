"""Unit tests of indicator normalising, the decision on differing words, and the catalog."""

from __future__ import annotations

import csv
import json
import pickle
from pathlib import Path

import attrs
import pytest

from kinerja_target.errors import (
    DocumentReadError,
    DocumentWriteError,
    KinerjaTargetError,
    SchemaError,
)
from kinerja_target.linking.spelling import Corrector
from kinerja_target.matching import (
    CatalogEntry,
    Cluster,
    IndicatorCatalog,
    Link,
    LinkResult,
    MatchingRules,
    Mention,
    link_indicators,
    normalize_indicator,
)

# -- normalize_indicator ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # satker names and levels
        (
            "Persentase Sengketa Hukum yang dimenangkan KPU Kota Ambon.",
            "persentase sengketa hukum yang dimenangkan satker",
        ),
        (
            "Persentase KPU Provinsi dan KPU Kabupaten/Kota yang mengelola arsip",
            "persentase satker yang mengelola arsip",
        ),
        ("Persentase KPU Provinsi/KPU Kab/Kota yang", "persentase satker yang"),
        (
            "Anggota Provinsi Maluku dan KPU Kabupaten/Kota Se-Maluku yang di seleksi",
            "anggota satker yang di seleksi",
        ),
        ("Bakohumas KPU Provinsi dan KPU Kabupaten/Kota se-Kalimantan Timur", "bakohumas satker"),
        ("Pegawai Set. KPU Kota Ambon", "pegawai satker"),
        ("di Lingkungan KPU kota Kupang", "di lingkungan satker"),
        ("KPU Kabupaten Kota Baru", "satker"),
        ("KPU Kabupaten Pangkajene dan Kepulauan", "satker"),
        ("KIP Kabupaten Aceh Besar", "satker"),
        ("Persentase Satker KPU Kota Ambon yang", "persentase satker yang"),
        # a typo in the level or the place name after a level word
        ("KPU Kabuptaen Karimmun", "satker"),
        # typos, abbreviations, html, hyphenation, glosses
        ("Presentase badan adhock", "persentase badan adhoc"),
        ("Presentasi pegawai adminstrasi", "persentase pegawai administrasi"),
        ("dalam <i>database</i> Kepegawaian", "dalam database kepegawaian"),
        ("dalam Data Base Kepegawaian", "dalam database kepegawaian"),
        ("mendistribusikan logis-tik Pemilu", "mendistribusikan logistik pemilu"),
        ("sesuai peraturan perundang-undangan", "sesuai peraturan perundang undangan"),
        (
            "melalui PPID dan e-PPID",
            "melalui pejabat pengelola informasi dan dokumentasi"
            " dan e pejabat pengelola informasi dan dokumentasi",
        ),
        ("Barang Milik Negara (BMN) yang", "barang milik negara yang"),
        ("paling lambat 5 (Lima) hari kerja", "paling lambat 5 hari kerja"),
        ("Nilai Akuntabilitas Kinerja (SAKIP)", "nilai akuntabilitas kinerja"),
        ("lulus S2 (IT, Akuntansi, Hukum)", "lulus s2 teknologi informasi akuntansi hukum"),
        ("Laporan BMN sesuai SAK", "laporan barang milik negara sesuai sistem akuntansi keuangan"),
        ("ditindak lanjuti", "ditindaklanjuti"),
        ("Milik  Negara &amp; aset", "milik negara aset"),
        ("sarana yang berjalan dengan baik", "sarana yang berfungsi dengan baik"),
    ],
)
def test_normalize_indicator(text: str, expected: str) -> None:
    assert normalize_indicator(text) == expected


def test_normalize_keeps_what_only_looks_like_a_place() -> None:
    # 'Batang' and 'Malang' are kabupaten, but not without a level word before them
    assert normalize_indicator("batang dan barang malang") == "batang dan barang malang"
    # case-sensitive abbreviations are plain words in lower case
    assert normalize_indicator("ti") == "ti"
    assert normalize_indicator("TI") == "teknologi informasi"


def test_normalize_masks_the_satker_it_is_given() -> None:
    text = "Persentase layanan Biro Perencanaan Sekretariat Jenderal yang tepat waktu"
    assert normalize_indicator(text, satker="Sekretariat Jenderal") == (
        "persentase layanan biro perencanaan satker yang tepat waktu"
    )
    assert normalize_indicator("Indeks layanan KPU RI", satker="KPU RI") == "indeks layanan satker"
    assert normalize_indicator("arsip di Ambon", satker="KPU Kota Ambon") == "arsip di satker"
    assert normalize_indicator("arsip di Ambon") == "arsip di ambon"


def test_normalize_is_cached_and_pure() -> None:
    first = normalize_indicator("Persentase KPU Kota Ambon")
    assert normalize_indicator("Persentase KPU Kota Ambon") is first
    assert normalize_indicator.cache_info().hits >= 1


# -- the decision on differing words -----------------------------------------------------------


def decide(left: str, right: str, *, satker: tuple[str, str] = ("KPU A", "KPU B")) -> Link:
    result = link_indicators([(satker[0], left), (satker[1], right)])
    return result.explain(0, 1)


@pytest.mark.parametrize(
    ("left", "right", "rule"),
    [
        # the examples: a single word apart, different indicators
        (
            "Persentase KPU Kabupaten/Kota yang memiliki Pendidikan Pemilih untuk Perempuan",
            "Persentase KPU Kabupaten/Kota yang memiliki Pendidikan Pemilih untuk pemilih Pemula",
            "decisive_word",
        ),
        (
            "Persentase partisipasi pemilih dalam Pemilu",
            "Persentase partisipasi pemilih Disabilitas dalam Pemilu",
            "decisive_word",
        ),
        (
            "Persentase sarana transportasi untuk mendukung kinerja yang berfungsi dengan baik",
            "Persentase fasilitas perkantoran untuk mendukung kinerja yang berfungsi dengan baik",
            "replaced",
        ),
        (
            "Persentase gedung dan gudang KPU Provinsi yang berfungsi dengan baik",
            "Persentase gedung dan gudang KPU Provinsi yang dapat dipenuhi",
            "replaced",
        ),
        ("Jumlah badan adhoc yang dibentuk", "Persentase Badan Adhoc yang dibentuk", "measure"),
        (
            "Penurunan jumlah sengketa hukum yang diajukan ke Mahkamah Konstitusi",
            "Jumlah sengketa hukum yang diajukan ke Mahkamah Konstitusi",
            "measure",
        ),
        (
            "Persentase pemilih yang tidak masuk daftar pemilih",
            "Persentase pemilih yang masuk daftar pemilih",
            "decisive_word",
        ),
        # the same indicator, worded differently
        (
            "Persentase Sengketa Hukum yang dimenangkan KPU Kota Ambon",
            "Persentase sengketa hukum yang dimenangkan KPU Provinsi/KPU Kabupaten/Kota",
            "identical",
        ),
        (
            "Persentase Logistik Pemilu yang didistribusikan tepat jenis, jumlah dan waktu",
            "Persentase satker yang mendistribusikan logistik Pemilu tepat jenis, jumlah dan waktu",
            "word_forms",
        ),
        (
            "Persentase pegawai yang terseleksi",
            "Persentase pegawai yang terseleksi secara transparan dan akuntabel",
            "qualifier_added",
        ),
        (
            "Persentase aplikasi yang diterapkan secara terintegrasi",
            "Presentase aplikasi yang diterapkan secara terinttegrasi",
            "word_forms",
        ),
        # too much added in too many places
        (
            "Persentase Laporan dan Dokumentasi Logistik",
            "Persentase satker yang memfasilitasi pengelolaan, pengadaan, laporan dan "
            "dokumentasi logistik dengan tepat",
            "addition_too_large",
        ),
    ],
)
def test_decision(left: str, right: str, rule: str) -> None:
    link = decide(left, right)
    assert link.rule == rule
    assert link.linked == (rule in {"identical", "same_words", "word_forms", "qualifier_added"})
    assert link.decisive == (rule in {"measure", "decisive_word", "replaced"})


def test_a_high_score_does_not_link_a_decisive_difference() -> None:
    link = decide(
        "Persentase KPU Kabupaten/Kota yang memiliki Pendidikan Pemilih Kepemiluan dan "
        "Demokrasi untuk pemilih Perempuan",
        "Persentase KPU Kabupaten/Kota yang memiliki Pendidikan Pemilih Kepemiluan dan "
        "Demokrasi untuk pemilih Pemula",
    )
    assert link.score > 0.5
    assert not link.linked
    assert (link.left_only, link.right_only) == (("perempuan",), ("pemula",))
    assert "perempuan" in link.explain()


def test_stemming_does_not_merge_agent_and_process_nouns() -> None:
    # pemilih (voter) is not pemilihan (election); pemula is not mula
    link = decide("Jumlah kartu pemilih tetap", "Jumlah kartu pemilihan tetap")
    assert link.aligned == ()
    assert link.left_only == ("pemilih",)
    link = decide("Jumlah pemilih pemula", "Jumlah pemilih mula")
    assert link.aligned == ()
    assert not link.linked
    # while active, passive and process forms of one verb are one word
    link = decide("Persentase penyelesaian laporan", "Persentase laporan yang diselesaikan")
    assert link.aligned == (("penyelesaian", "diselesaikan"),)
    assert link.linked


def test_link_explanation_reads_both_ways() -> None:
    link = decide(
        "Persentase pegawai yang terseleksi", "Persentase pegawai yang terseleksi secara transparan"
    )
    back = link.swapped()
    assert (back.left, back.right) == (link.right, link.left)
    assert back.left_only == link.right_only
    assert back.swapped() == link


# -- link_indicators --------------------------------------------------------------------------


def test_link_accepts_pairs_and_mentions() -> None:
    result = link_indicators(
        [
            ("KPU Kota Ambon", "Nilai Akuntabilitas Kinerja KPU Kota Ambon"),
            Mention(
                satker="KPU Kota Kupang", text="Nilai Akuntabilitas Kinerja", id="k1", target="BB"
            ),
            ("KPU Kota Kupang", "Indeks Reformasi Birokrasi"),
        ]
    )
    assert result.labels[0] == result.labels[1] != result.labels[2]
    cluster = result.cluster_of(0)
    assert cluster.members == (0, 1)
    assert cluster.satkers == ("KPU Kota Ambon", "KPU Kota Kupang")
    assert (
        cluster.canonical == "nilai akuntabilitas kinerja satker"
        or cluster.canonical == "nilai akuntabilitas kinerja"
    )
    assert result.mentions[1].target == "BB"
    with pytest.raises(TypeError):
        link_indicators([("only one",)])  # type: ignore[list-item]


def test_link_empty_corpus() -> None:
    result = link_indicators([])
    assert result.labels == ()
    assert result.clusters == ()


def test_one_indicator_per_satker() -> None:
    # Two indicators of one satker a qualifier apart stay apart when another satker
    # has both too and its two wordings differ decisively.
    result = link_indicators(
        [
            ("KPU Kota A", "Persentase penyelenggaraan tahapan Pemilu sesuai dengan jadwal"),
            (
                "KPU Kota A",
                "Persentase penyelenggaraan Pemilu sesuai dengan jadwal dan ketentuan yang berlaku",
            ),
            (
                "KPU Provinsi B",
                "Persentase KPU Provinsi yang menyelenggarakan Pemilu sesuai dengan jadwal",
            ),
            (
                "KPU Provinsi B",
                "Persentase KPU Provinsi yang menyelenggarakan Pemilu sesuai dengan jadwal"
                " dan ketentuan yang berlaku",
            ),
        ]
    )
    assert result.labels[0] != result.labels[1]
    assert result.labels[1] == result.labels[3]


def test_rules_can_be_tuned() -> None:
    mentions = [
        ("KPU A", "Persentase pegawai yang terseleksi"),
        ("KPU B", "Persentase pegawai yang terseleksi secara transparan dan akuntabel"),
    ]
    assert link_indicators(mentions).labels == (0, 0)
    strict = MatchingRules(max_added_words=1)
    assert link_indicators(mentions, rules=strict).labels in {(0, 1), (1, 0)}


def test_results_are_frozen_value_objects() -> None:
    result = link_indicators([("KPU A", "Indeks Reformasi Birokrasi")])
    for value in (result, result.clusters[0], result.mentions[0]):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            value.id = 3  # type: ignore[misc,union-attr]
        assert not hasattr(value, "__dict__")
        assert pickle.loads(pickle.dumps(value)) == value
    assert "Cluster(id=0" in repr(result.clusters[0])
    assert isinstance(result, LinkResult)
    assert isinstance(result.clusters[0], Cluster)


# -- catalog ----------------------------------------------------------------------------------


@pytest.fixture
def catalog() -> IndicatorCatalog:
    return IndicatorCatalog(
        [
            CatalogEntry("sarana", "Persentase sarana transportasi yang berfungsi dengan baik"),
            CatalogEntry("kantor", "Persentase fasilitas perkantoran yang berfungsi dengan baik"),
            CatalogEntry(
                "perempuan",
                "Persentase partisipasi pemilih perempuan",
                aliases=("Partisipasi pemilih wanita",),
            ),
            CatalogEntry("pemula", "Persentase partisipasi pemilih pemula"),
        ]
    )


def test_catalog_match(catalog: IndicatorCatalog) -> None:
    found = catalog.match("Presentase sarana transportasi KPU Kota Kupang berjalan dengan baik")
    assert found is not None
    assert found.entry.id == "sarana"
    assert found.link.linked
    assert 0 < found.score <= 1
    found = catalog.match("Persentase Partisipasi Pemilih Pemula dalam Pemilu")
    assert found is not None
    assert found.entry.id == "pemula"
    assert catalog.match("Persentase partisipasi pemilih disabilitas") is None
    assert catalog.match("Jumlah sarana transportasi yang berfungsi dengan baik") is None
    assert catalog.match("") is None


def test_catalog_from_result_matches_its_own_mentions() -> None:
    mentions = [
        ("KPU Kota Ambon", "Persentase Partisipasi Pemilih Perempuan dalam Pemilu"),
        ("KPU Kota Kupang", "Presentase partisipasi pemilih perempuan dalam Pemilu"),
        ("KPU Kota Kupang", "Persentase Partisipasi Pemilih Pemula dalam Pemilu"),
    ]
    result = link_indicators(mentions)
    catalog = IndicatorCatalog.from_result(result)
    assert len(catalog) == len(result.clusters)
    for n, (_satker, text) in enumerate(mentions):
        found = catalog.match(text)
        assert found is not None
        assert found.entry.id == f"C{result.labels[n]}"


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_catalog_round_trip(catalog: IndicatorCatalog, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"catalog{suffix}"
    catalog.save(path)
    loaded = IndicatorCatalog.load(path)
    assert list(loaded) == list(catalog)


def test_catalog_reads_an_indicator_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "indicator"])
        writer.writerow(["x", "Nilai Keterbukaan Informasi Publik"])
    found = IndicatorCatalog.load(path).match("Nilai Keterbukaan Informasi Publik KPU Kota Ambon")
    assert found is not None
    assert found.entry.id == "x"


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"id": "x"}),
        json.dumps([{"id": "x"}]),
        json.dumps([{"id": "x", "text": "t", "aliases": "a"}]),
    ],
)
def test_catalog_rejects_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        IndicatorCatalog.load(path)
    assert isinstance(info.value, KinerjaTargetError)
    assert isinstance(info.value, ValueError)


def test_catalog_ids_are_unique() -> None:
    with pytest.raises(SchemaError, match="repeated: a"):
        IndicatorCatalog([CatalogEntry("a", "x"), CatalogEntry("a", "y")])


def test_catalog_unreadable_files_are_library_errors(tmp_path: Path) -> None:
    path = tmp_path / "katalog.csv"
    path.write_bytes("id,text\nx,Persentase pengadaan tepat waktu \u2013 2024\n".encode("cp1252"))
    with pytest.raises(DocumentReadError, match="not UTF-8"):
        IndicatorCatalog.load(path)
    with pytest.raises(DocumentReadError, match="cannot be read"):
        IndicatorCatalog.load(tmp_path / "missing.json")


def test_catalog_save_fails_cleanly_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "katalog.json"
    IndicatorCatalog([CatalogEntry("a", "Indeks Reformasi Birokrasi")]).save(path)
    before = path.read_bytes()
    with pytest.raises(DocumentWriteError):
        IndicatorCatalog([CatalogEntry("b", "Nilai SAKIP")]).save(tmp_path / "no" / "k.json")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["katalog.json"]


# -- spelling learned from the corpus ---------------------------------------------------------


def test_learned_spelling_never_corrects_a_real_word() -> None:
    # 'tepat' is one edit from 'tempat' (a word the tables know, from 'TPS'); in a small
    # corpus it is also the rarer of the two. It is a real word: it stays.
    mentions = [
        ("KPU A", "Persentase laporan keuangan yang disampaikan tepat waktu"),
        ("KPU B", "Jumlah tempat pemungutan suara yang memenuhi standar"),
        ("KPU C", "Jumlah tempat pemungutan suara yang memenuhi standar"),
        ("KPU D", "Jumlah tempat pemungutan suara yang memenuhi standar"),
    ]
    result = link_indicators(mentions)
    assert result.wording_of(0) == "persentase laporan keuangan yang disampaikan tepat waktu"
    assert result.wording_of(1) == "jumlah tempat pemungutan suara yang memenuhi standar"


def test_learned_spelling_needs_the_word_in_the_same_place() -> None:
    common = [["penataan", "arsip", "dinamis"]] * 3
    # one edit from a common word, and where that word stands: a typo
    assert Corrector([*common, ["penatan", "arsip", "statis"]]).fix == {"penatan": "penataan"}
    assert Corrector([*common, ["pengelolaan", "arsip", "dinamsi"]]).fix == {"dinamsi": "dinamis"}
    # one edit from a common word but in a context of its own: another word
    assert Corrector([*common, ["penataran", "pegawai", "baru"]]).fix == {}
    # the tables' phrases are contexts too: 'berjalan dengan baik' (spelling table)
    fixed = Corrector([["sarana", "yang", "beerjalan", "dengan", "baik"]])
    assert fixed("sarana yang beerjalan dengan baik") == "sarana yang berfungsi dengan baik"


def test_learned_spelling_mends_typos_at_scale() -> None:
    mentions = [
        (f"KPU {n}", "Persentase pegawai negeri yang mengikuti pelatihan") for n in range(4)
    ]
    mentions.append(("KPU X", "Persentase pegawwai negeri yang mengikuti pelatihan"))
    result = link_indicators(mentions)
    assert result.wording_of(4) == result.wording_of(0)
    assert len(set(result.labels)) == 1


def test_a_result_built_by_hand_explains_as_the_run_would() -> None:
    mentions = [
        ("KPU A", "Persentase sarana transportasi yang berfungsi dengan baik"),
        ("KPU B", "Presentase sarana transportasi yang berjalan dengan baik"),
        ("KPU C", "Persentase sarana transportasi yang berfungsi dengan baik dan aman"),
    ]
    run = link_indicators(mentions)
    by_hand = LinkResult(
        mentions=run.mentions,
        labels=run.labels,
        clusters=run.clusters,
        links=run.links,
        near_misses=run.near_misses,
    )
    assert by_hand == run
    for i, j in [(0, 1), (0, 2), (1, 2)]:
        assert by_hand.explain(i, j) == run.explain(i, j)
        assert by_hand.wording_of(i) == run.wording_of(i)
    assert pickle.loads(pickle.dumps(run)).explain(0, 2) == run.explain(0, 2)


def test_a_hyphenated_word_is_looked_for_only_from_a_word_start() -> None:
    # Matching from inside a word would scan a long word once per letter: a single cell
    # of 100.000 letters took minutes in `check`.
    from kinerja_target.linking.normalize import _HYPHEN_RE

    assert _HYPHEN_RE.search("xlogis-tik", 1) is None
    assert _HYPHEN_RE.search("xlogis-tik", 0) is not None
    assert normalize_indicator("Jumlah logis-tik pemilu") == normalize_indicator(
        "Jumlah logistik pemilu"
    )
