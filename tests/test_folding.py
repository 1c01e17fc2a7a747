"""The text folds (kinerja_target.folding): each removes one difference and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target.folding import (
    fold_accents,
    fold_case,
    fold_punctuation,
    fold_spaces,
    fold_wording,
    plain_words,
    strip_tags,
    tokens,
    unescape,
)

FOLDS = [fold_accents, fold_case, fold_spaces, fold_wording, strip_tags, fold_punctuation]
# Text as cells and indicators come: words, numbers, comparisons, tags, accents, spaces.
cell_like = st.lists(
    st.one_of(
        st.sampled_from(["Persentase", "INDIKATOR", "Pémilu", "tepat", "waktu", "KPU", "97,5%"]),
        st.sampled_from(["<i>", "</i>", "<br/>", "<td class='x'>", "<!-- c -->", "< 5", ">= 3"]),
        st.sampled_from([" ", "  ", "\t", "\n", "(", ")", ":", "/", "-", "&amp;", "\u00a0"]),
        st.text(max_size=6),
    ),
    max_size=20,
).map("".join)


@pytest.mark.parametrize("fold", FOLDS)
@given(text=cell_like)
def test_every_fold_is_idempotent(fold: object, text: str) -> None:
    assert callable(fold)
    once = fold(text)
    assert fold(once) == once


@given(cell_like)
def test_text_without_a_tag_keeps_every_character(text: str) -> None:
    if "<" not in text:
        assert strip_tags(text) == text
    # whatever strip_tags takes is tags: every letter left was in the text, in order
    left = iter(text)
    assert all(ch in left for ch in strip_tags(text) if ch != " ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mengelola <i>database</i> BMN", "mengelola database BMN"),
        ("Persen<b>tase</b>", "Persentase"),  # an inline tag sits inside the word
        ("luas m<sup>2</sup>", "luas m2"),
        ("Target<br>2024", "Target 2024"),  # a line break keeps the words apart
        ("<p>satu</p><p>dua</p>", " satu  dua "),
        ("<td rowspan='2'>97,5%</td>", " 97,5% "),
        ("nilai < 5 dan > 3", "nilai < 5 dan > 3"),  # comparisons are text
        ("capaian <= 100% <- catatan", "capaian <= 100% <- catatan"),
        ("a <!-- komentar\n --> b", "a  b"),
        ('<span style="color:red">Tepat</span> waktu', "Tepat waktu"),
    ],
)
def test_strip_tags_renders_as_a_browser_does(text: str, expected: str) -> None:
    assert strip_tags(text) == expected


def test_the_other_folds() -> None:
    assert fold_spaces("  Target\n\t 2024  ") == "Target 2024"
    assert fold_case(" INDIKATOR  Kinerja ") == "indikator kinerja"
    assert fold_case("Straße") == fold_case("STRASSE")  # casefold, not lower
    assert fold_accents("Pémilu Ñ") == "Pemilu N"
    assert fold_punctuation("Target (%) 2024:", keep="%/") == "Target  %  2024 "
    assert fold_punctuation("no_urut") == "no urut"
    assert unescape("Rp&nbsp;5 &amp; 6") == "Rp\u00a05 & 6"
    assert fold_wording(" 1.2 Persentase <i>Partisipasi</i>  Pemilih") == (
        "persentase partisipasi pemilih"
    )
    assert fold_wording("a) Jumlah laporan") == "jumlah laporan"


def test_words_and_tokens() -> None:
    assert plain_words("Pémilu di KPU Kab. Bolaang-Mongondow (2024)") == (
        "pemilu",
        "di",
        "kpu",
        "kab",
        "bolaang",
        "mongondow",
        "2024",
    )
    assert plain_words("no_urut") == ("no", "urut")
    assert tokens("KPU Provinsi/Kab, Kota & Setjen") == [
        "KPU",
        "Provinsi",
        "/",
        "Kab",
        ",",
        "Kota",
        "&",
        "Setjen",
    ]


@given(st.one_of(cell_like, st.text()))
def test_plain_words_are_folded_words(text: str) -> None:
    words = plain_words(text)
    assert all(w.isalnum() and w == w.lower() for w in words)
    assert plain_words(" ".join(words)) == words
