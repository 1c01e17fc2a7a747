"""The gazetteer and the satker grammar (kinerja_target.places)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target import places
from kinerja_target.folding import plain_words, tokens
from kinerja_target.places import (
    KPU_RI,
    SETJEN,
    destutter,
    gazetteer,
    is_level,
    mention_start,
    own_names,
    place_name,
    satker_end,
    satker_of,
    title_case,
    unit_in,
)

LEVEL = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
PLACES = gazetteer()


def test_the_gazetteer_is_the_register() -> None:
    assert Counter(p.level for p in PLACES) == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    provinces = {p.name for p in PLACES if p.level == "provinsi"}
    assert {p.province for p in PLACES} == provinces
    assert "Papua Barat Daya" in provinces
    assert len({(p.level, p.name) for p in PLACES}) == len(PLACES)
    bau = next(p for p in PLACES if p.name == "Baubau")
    assert bau.names == ("Baubau", "Bau-Bau", "Bau Bau")
    assert gazetteer() is PLACES  # read once


# -- the unit a heading names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "unit"),
    [
        ("RENCANA KINERJA TAHUNAN KPU KABUPATEN BANTUL TAHUN 2024", "KPU Kabupaten Bantul"),
        ("Perjanjian Kinerja KPU Kota Ambon", "KPU Kota Ambon"),
        ("LAPORAN KINERJA KPU PROVINSI MALUKU", "KPU Provinsi Maluku"),
        ("Komisi Pemilihan Umum Kab. Sleman", "KPU Kabupaten Sleman"),
        ("KPU Prov. Kalimantan Timur", "KPU Provinsi Kalimantan Timur"),
        ("KPU Propinsi Sumut", "KPU Provinsi Sumatera Utara"),  # an alias
        ("KPU Kota Bau-Bau", "KPU Kota Baubau"),
        ("SEKRETARIAT KPU KOTA KUPANG", "Sekretariat KPU Kota Kupang"),
        ("Sekretariat Jenderal Komisi Pemilihan Umum", SETJEN),
        ("SETJEN KPU", SETJEN),
        ("Sekretariat KPU RI", SETJEN),
        ("KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA", KPU_RI),
        ("KPU RI", KPU_RI),
        # a stutter of the converter, typos
        ("KPU Provinsi insi Maluku", "KPU Provinsi Maluku"),
        ("Sekertariat KPU Kabupten Karimmun", "Sekretariat KPU Kabupaten Karimun"),
        ("Set. KPU Kota Ambon", "Sekretariat KPU Kota Ambon"),
        ("KPU Prov.Maluku", "KPU Provinsi Maluku"),
        ("KPU Kab. Bolaang Mongondow Timur", "KPU Kabupaten Bolaang Mongondow Timur"),
        # a place the register does not know yet: its capitalised words
        ("KPU KABUPATEN NUSANTARA BARU TAHUN 2030", "KPU Kabupaten Nusantara Baru"),
        # the last unit named wins
        ("KPU Kota Ambon dan KPU Provinsi Maluku", "KPU Provinsi Maluku"),
    ],
)
def test_unit_in_names_the_unit(heading: str, unit: str) -> None:
    assert unit_in(heading) == unit


@pytest.mark.parametrize(
    "text",
    [
        "Ketua KPU Kota Ambon",  # an office: a signature, not a heading
        "Sekretaris KPU Provinsi Maluku",
        "Persentase laporan KPU yang tepat waktu",  # KPU alone names no unit
        "Laporan Kinerja Tahun 2024",
        "Persentase KPU Kabupaten/Kota yang",  # levels, not a unit
        "@kpuprovmaluku",  # a handle, not a mention
    ],
)
def test_unit_in_ignores_offices_and_bare_mentions(text: str) -> None:
    assert unit_in(text) is None


def test_every_region_is_a_unit_under_each_of_its_names() -> None:
    for place in PLACES:
        level = LEVEL[place.level]
        for name in place.names:
            for secretariat in ("", "Sekretariat "):
                heading = f"{secretariat}KPU {level} {name} Tahun 2024"
                expected = f"{secretariat}KPU {level} {place.name}"  # the register's name
                assert unit_in(heading) == expected, heading
                assert unit_in(heading.upper()) == expected, heading
                assert satker_of(expected) == f"KPU {level} {place.name}"


def test_the_helpers_of_unit_in() -> None:
    assert destutter("Provinsi insi Maluku") == "Provinsi Maluku"
    assert destutter("Kota Kotabaru  Baru") == "Kota Kotabaru Baru"  # 'Baru' is capitalised
    assert title_case("BAGIAN KEUANGAN DAN SDM") == "Bagian Keuangan dan SDM"
    assert title_case("Bagian Keuangan dan SDM") == "Bagian Keuangan dan SDM"
    assert place_name("kota", "Bekasi Tahun 2024") == "Bekasi"
    assert place_name("provinsi", "DIY") == "Daerah Istimewa Yogyakarta"
    assert place_name("kabupaten", "tahun 2024") is None
    assert satker_of("Sekretariat KPU Kota Ambon / Sub Bagian Keuangan") == "KPU Kota Ambon"
    assert satker_of(SETJEN) == KPU_RI
    assert satker_of(None) is None
    office = "Kepala Bagian Keuangan Sekretariat KPU Provinsi Maluku"
    start = mention_start(office)
    assert start is not None
    assert office[:start].strip() == "Kepala Bagian Keuangan"
    assert mention_start("Kepala Bagian Keuangan") is None
    assert mention_start("@kpuprovmaluku | KPU Provinsi Maluku") == 17
    assert mention_start("Kepala Sub Bagian Umum KPU Kabupaten/Kota") == 23


# -- satker inside an indicator's words ------------------------------------------------------


def _masked(text: str, satker: str | None = None) -> list[str]:
    """The words of ``text`` with every satker mention replaced by '#'."""
    words = [t.lower() for t in tokens(text)]
    out: list[str] = []
    i = 0
    while i < len(words):
        end = satker_end(words, i, own_names(satker))
        out.append("#" if end > i else words[i])
        i = max(end, i + 1)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dimenangkan KPU Kota Ambon", "dimenangkan #"),
        ("KPU Kabupaten/Kota yang", "# yang"),
        ("KPU Provinsi dan KPU Kabupaten/Kota", "# dan #"),
        ("Sekretariat KPU Provinsi Maluku", "#"),
        ("Sekertariat Jenderal KPU RI", "#"),
        ("di KIP Aceh Besar", "di #"),
        ("Komisi Pemilihan Umum Kota Kupang", "#"),
        ("se-Maluku", "#"),
        ("di satuan kerja", "di #"),
        ("Provinsi Kalimantan Timur", "#"),
        ("KPU Kabupten Karimmun yang", "# yang"),  # typos in the level and the place
        ("KPU Kabuptaen Sleman", "#"),
        ("KPU Ambon Ambon", "#"),  # a stutter
        ("KPU / Kupang", "#"),
        ("Batang pohon", "batang pohon"),  # a kabupaten name alone is also a word
        ("Persentase laporan", "persentase laporan"),
    ],
)
def test_satker_end_finds_satker_mentions(text: str, expected: str) -> None:
    assert " ".join(_masked(text)) == expected


def test_own_names_mask_the_writer() -> None:
    assert own_names("KPU Kota Ambon") == (("kpu", "kota", "ambon"), ("ambon",))
    assert own_names(None) == ()
    assert _masked("Nilai SAKIP Ambon") == ["nilai", "sakip", "ambon"]
    assert _masked("Nilai SAKIP Ambon", "KPU Kota Ambon") == ["nilai", "sakip", "#"]


def test_known_words_are_no_mistyped_place() -> None:
    words = list(plain_words("KPU Kabupaten Karimmun"))
    assert satker_end(words, 0) == 3
    assert satker_end(words, 0, known=frozenset({"karimmun"})) == 2


def test_level_words() -> None:
    assert all(is_level(w) for w in ("provinsi", "kab", "kotamadya", "povinsi", "kabuptaen"))
    assert not any(is_level(w) for w in ("kota" + "k", "pemilihan", "provokasi"))
    assert places.satker_starts() >= {"kpu", "kip", "sekretariat", "satker", "se", "aceh"}


@pytest.mark.parametrize("head", ["KPU", "Sekretariat KPU", "Komisi Pemilihan Umum"])
@pytest.mark.parametrize("caps", [False, True])
def test_every_satker_of_the_register_is_one_mention(head: str, caps: bool) -> None:
    for place in PLACES:
        for name in place.names:
            text = f"laporan {head} {LEVEL[place.level]} {name} tepat waktu"
            masked = _masked(text.upper() if caps else text)
            assert masked == ["laporan", "#", "tepat", "waktu"], text


heading_like = st.lists(
    st.one_of(
        st.sampled_from(["KPU", "Komisi", "Pemilihan", "Umum", "Sekretariat", "Jenderal", "RI"]),
        st.sampled_from(["Provinsi", "Prov.", "Kab.", "Kabupaten", "Kota", "insi", "se-", "/"]),
        st.sampled_from(["Maluku", "Ambon", "Bau-Bau", "Tahun", "2024", "Ketua", "dan", ","]),
        st.text(max_size=6),
    ),
    max_size=15,
).map(" ".join)


@given(heading_like)
def test_the_grammar_reads_any_text(text: str) -> None:
    unit = unit_in(text)
    assert unit is None or unit.startswith(("KPU", "Sekretariat"))
    assert satker_of(unit) is None or unit is not None
    words = [t.lower() for t in tokens(text)]
    for i in range(len(words)):
        assert i <= satker_end(words, i) <= len(words)
    assert destutter(destutter(text)) == destutter(text)
