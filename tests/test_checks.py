"""check(): the findings on the five seeds, each check on small rows, the registry."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja_target.checks import CHECKS, SEVERITIES, Finding, check, register
from kinerja_target.tables import Row, read_document

DATA = Path(__file__).parent / "data"
SEEDS = sorted(DATA.glob("00[0-4]_*.txt"))


@pytest.fixture(scope="module")
def seed_rows() -> list[Row]:
    return [row for path in SEEDS for row in read_document(path, source=path.name[:3])]


@pytest.fixture(scope="module")
def seed_findings(seed_rows: list[Row]) -> list[Finding]:
    return check(seed_rows)


# Every finding on the seeds, reviewed by hand: (seed, line, code).
EXPECTED = {
    # Ambon: the commission's 70% against the secretariat's 100% for the SAKIP score
    ("000", 24, "inconsistent_target"),
    ("000", 74, "inconsistent_target"),
    # voters missing from the DPT, and staff given a disciplinary sentence, at 100%
    ("000", 29, "polarity_contradiction"),
    ("000", 62, "polarity_contradiction"),
    # "Jumlah revisi ..." and "Jumlah Sengketa ..." with 100%; "Persentase BMN" with 12 Lap
    ("000", 54, "unit_mismatch"),
    ("000", 69, "unit_mismatch"),
    ("000", 78, "unit_mismatch"),
    # Pontianak: disputes won, 100% for the commission and 89% for the secretariat
    ("001", 28, "inconsistent_target"),
    ("001", 69, "inconsistent_target"),
    ("001", 79, "unit_mismatch"),  # 6 Kec
    # Kaltim: the same, 89% against 90%
    ("002", 28, "inconsistent_target"),
    ("002", 120, "inconsistent_target"),
    ("002", 133, "unit_mismatch"),  # 10 satker
    # Maluku: "12 Satker (Provinsi/Kabupaten/" cut off; counts of satker for percentages
    ("003", 113, "truncated"),
    ("003", 113, "unit_mismatch"),
    ("003", 115, "truncated"),
    ("003", 123, "unit_mismatch"),
    ("003", 129, "unit_mismatch"),
    ("003", 130, "unit_mismatch"),
    ("003", 237, "unit_mismatch"),
    ("003", 238, "unit_mismatch"),
    ("003", 300, "truncated"),
    ("003", 300, "unit_mismatch"),
    ("003", 310, "unit_mismatch"),
    ("003", 425, "unit_mismatch"),
    ("003", 435, "unit_mismatch"),
    ("003", 591, "unit_mismatch"),
    ("003", 592, "unit_mismatch"),
    # Kupang: the three rows the flattened reader is unsure of
    ("004", 133, "unsure_row"),
    ("004", 420, "unsure_row"),
    ("004", 506, "unsure_row"),
}


def _keys(findings: list[Finding]) -> set[tuple[str, int, str]]:
    return {(f.row.source or "", f.row.line or 0, f.code) for f in findings}


def test_the_findings_on_the_seeds_are_the_expected_ones(seed_findings: list[Finding]) -> None:
    assert _keys(seed_findings) == EXPECTED
    assert len(seed_findings) == len(_keys(seed_findings))  # one finding per row and code


def test_clean_rows_have_no_finding(seed_rows: list[Row], seed_findings: list[Finding]) -> None:
    flagged = {(s, line) for s, line, _ in EXPECTED}
    clean = [r for r in seed_rows if (r.source, r.line) not in flagged]
    assert len(clean) == len(seed_rows) - len(flagged) == 360 - 29
    assert check(clean, ignore=["inconsistent_target"]) == []


def _gold_cases(code: str) -> Iterator[dict[str, object]]:
    with (DATA / "seed_targets.jsonl").open(encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            if code in case["expect"].get("warnings", ()):
                yield case


@pytest.mark.parametrize("code", ["unit_mismatch", "truncated"])
def test_every_gold_case_is_reported(code: str, seed_findings: list[Finding]) -> None:
    cases = list(_gold_cases(code))
    assert cases
    for case in cases:
        hits = [
            f
            for f in seed_findings
            if f.code == code
            and f.row.target_raw == case["raw"]
            and case.get("indicator", f.row.indicator) == f.row.indicator
        ]
        assert hits, case


def test_jumlah_revisi_with_a_percentage(seed_findings: list[Finding]) -> None:
    (finding,) = [
        f
        for f in seed_findings
        if f.row.indicator.startswith("Jumlah revisi") and f.row.target_raw == "100%"
    ]
    assert (finding.code, finding.severity) == ("unit_mismatch", "error")
    assert finding.message == (
        "the indicator asks for a count ('jumlah'), but the target '100%' is a percentage"
    )


def test_disciplinary_sentences_at_100_percent(seed_findings: list[Finding]) -> None:
    (finding,) = [f for f in seed_findings if "hukuman disiplin" in f.row.indicator]
    assert (finding.code, finding.severity) == ("polarity_contradiction", "warning")
    assert "hukuman disiplin" in finding.message


# -- each check on small rows ------------------------------------------------------------------


def _codes(*rows: Row) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in check(rows)]


def _row(indicator: str, target: str, **kw: object) -> Row:
    return Row(indicator=indicator, target_raw=target, **kw)  # type: ignore[arg-type]


def test_clean_rows() -> None:
    rows = [
        _row("Persentase partisipasi pemilih", "77,5%"),
        _row("Jumlah laporan keuangan", "12 Lap"),
        _row("Nilai Akuntabilitas Kinerja", "BB"),
        _row("Penurunan jumlah sengketa hukum yang diajukan ke MK", "2 perkara"),
        _row("Persentase penurunan nilai temuan", "30%"),
        _row("Persentase peningkatan partisipasi", "120%"),
    ]
    assert check(rows) == []


def test_unparseable_target() -> None:
    (finding,) = check([_row("Persentase A", "tinggi sekali")])
    assert (finding.code, finding.severity) == ("unparseable_target", "error")
    assert finding.message.startswith("the target 'tinggi sekali' holds no value: ")


@pytest.mark.parametrize(("raw", "message"), [("", "empty"), ("-", "no target")])
def test_missing_target(raw: str, message: str) -> None:
    (finding,) = check([_row("Persentase A", raw)])
    assert finding.code == "missing_target"
    assert message in finding.message


def test_truncated_target_and_indicator() -> None:
    assert _codes(_row("Jumlah satker", "12 Satker (Provinsi/Kabupaten/")) == [
        ("truncated", "error")
    ]
    assert _codes(_row("Persentase sarana transportasi untuk", "100%")) == [("truncated", "error")]
    assert _codes(_row("Persentase pegawai (PNS", "100%")) == [("truncated", "error")]


def test_unit_mismatch_names_the_cue_and_the_kind() -> None:
    (finding,) = check([_row("Persentase penyediaan logistik", "6 Kec")])
    assert finding.message == (
        "the indicator asks for a percentage ('persentase'), "
        "but the target '6 Kec' is a count of kecamatan"
    )


def test_words_mismatch() -> None:
    assert _codes(_row("Lama waktu penyelesaian", "5 (enam) hari kerja")) == [
        ("words_mismatch", "error")
    ]


def test_percent_out_of_range() -> None:
    assert _codes(_row("Persentase pegawai terlatih", "120%")) == [
        ("percent_out_of_range", "error")
    ]
    assert _codes(_row("Persentase pegawai terlatih", "90 - 110%")) == [
        ("percent_out_of_range", "error")
    ]
    assert _codes(_row("Persentase pegawai terlatih", "100%", realisasi_raw="105%")) == [
        ("percent_out_of_range", "error")
    ]
    assert _codes(_row("Persentase capaian target kinerja", "110%")) == []
    assert _codes(_row("Persentase pegawai terlatih", "100%", capaian_raw="120%")) == []


def test_polarity_contradiction() -> None:
    row = _row("Persentase pegawai yang dijatuhi hukuman disiplin", "100%")
    assert _codes(row) == [("polarity_contradiction", "warning")]
    assert _codes(_row("Persentase pegawai yang dijatuhi hukuman disiplin", "0%")) == []


def test_ambiguous_separator() -> None:
    (finding,) = check([_row("Jumlah pegawai", "1.250")])
    assert (finding.code, finding.severity) == ("ambiguous_separator", "warning")
    assert "1250" in finding.message


def test_unsure_row_explains_its_doubts() -> None:
    (finding,) = check([_row("Jumlah badan adhoc", "8.435 orang", doubts=["target_split"])])
    assert finding.code == "unsure_row"
    assert finding.message.endswith("the target was joined from two lines")


def test_duplicate_indicator_in_one_unit() -> None:
    unit = {"unit": "Sekretariat KPU Kota Ambon", "satker": "KPU Kota Ambon", "source": "a"}
    first = _row("Persentase Sengketa Hukum yang dimenangkan KPU Kota Ambon", "100%", **unit)
    same = _row("Presentase sengketa hukum yang dimenangkan KPU Kota Ambon.", "100%", **unit)
    other = _row("Persentase sengketa hukum yang dimenangkan KPU Kota Ambon", "90%", **unit)
    findings = check([first, same, other])
    assert [(f.row, f.code, f.severity) for f in findings] == [
        (same, "duplicate_indicator", "warning"),
        (other, "duplicate_indicator", "error"),
    ]
    assert findings[1].related == (first,)
    assert "'90%' here, '100%' there" in findings[1].message


def test_the_same_indicator_in_two_units_is_no_duplicate() -> None:
    rows = [
        _row("Persentase A yang tepat", "100%", unit=u, satker="KPU Kota Tual", source="a")
        for u in ("KPU Kota Tual", "Sekretariat KPU Kota Tual")
    ]
    assert check(rows) == []


def test_repeats_in_other_tables_or_years_are_no_duplicates() -> None:
    # An LKj repeats its PK table's indicators in its measurement tables, and a Renstra
    # gives one row a year: neither is a duplicate; a repeat in one table and year is.
    unit = {"unit": "KPU Kabupaten Bantul", "satker": "KPU Kabupaten Bantul", "source": "a"}
    text = "Persentase partisipasi pemilih dalam Pemilu"
    pk = _row(text, "80%", table=0, year=2023, **unit)
    measured = _row(text, "80%", table=1, year=2023, realisasi_raw="83%", **unit)
    later = _row(text, "82%", table=0, year=2024, **unit)
    again = _row(text, "85%", table=0, year=2023, **unit)
    findings = check([pk, measured, later, again], select=["duplicate_indicator"])
    assert [(f.row, f.severity) for f in findings] == [(again, "error")]


def test_a_grade_capaian_is_not_judged() -> None:
    row = _row("Nilai Akuntabilitas Kinerja", "BB", realisasi_raw="B", capaian_raw="87,50")
    assert check([row], select=["capaian_mismatch"]) == []


def _cascade(*targets: str) -> list[Row]:
    return [
        _row(
            "Persentase Calon Peserta Pemilu yang dapat difasilitasi",
            target,
            unit=f"Sekretariat KPU Provinsi Maluku / Bagian {i}",
            satker="KPU Provinsi Maluku",
            source="pk",
            line=i,
        )
        for i, target in enumerate(targets, 1)
    ]


def test_inconsistent_target_flags_the_odd_one_out() -> None:
    rows = _cascade("100%", "100%", "90%")
    findings = check(rows)
    assert [(f.row.line, f.code, f.severity) for f in findings] == [
        (3, "inconsistent_target", "warning")
    ]
    assert findings[0].related == (rows[0], rows[1])
    assert "'100%' at line 1 in Sekretariat KPU Provinsi Maluku / Bagian 1" in findings[0].message


def test_inconsistent_target_with_no_majority_flags_both() -> None:
    assert [f.row.line for f in check(_cascade("89%", "90%"))] == [1, 2]


def test_consistent_targets_and_other_satker_are_fine() -> None:
    assert check(_cascade("100%", "100 %", "100%")) == []
    other = [
        _row("Persentase A", t, unit=u, satker=u, source=u)
        for u, t in (("KPU Kota Tual", "90%"), ("KPU Kota Ambon", "100%"))
    ]
    assert check(other) == []


# -- the registry ----------------------------------------------------------------------------------


def test_every_check_is_registered_with_a_known_severity() -> None:
    assert list(CHECKS) == [
        "unparseable_target",
        "missing_target",
        "truncated",
        "unit_mismatch",
        "words_mismatch",
        "percent_out_of_range",
        "polarity_contradiction",
        "capaian_mismatch",
        "ambiguous_separator",
        "unsure_row",
        "duplicate_indicator",
        "inconsistent_target",
    ]
    assert all(c.severity in SEVERITIES and c.description for c in CHECKS.values())


def test_a_new_check_can_be_registered() -> None:
    @register("no_sasaran", "info", "a row without a sasaran")
    def _no_sasaran(row: Row) -> str | None:
        return None if row.sasaran else "the row has no sasaran"

    try:
        row = _row("Persentase A", "100%")
        (finding,) = check([row])
        assert (finding.code, finding.severity, finding.message) == (
            "no_sasaran",
            "info",
            "the row has no sasaran",
        )
        assert check([row], ignore=["no_sasaran"]) == []
    finally:
        del CHECKS["no_sasaran"]


def test_select_ignore_and_unknown_codes() -> None:
    row = _row("Persentase A", "12 Satker (Provinsi/")
    assert {f.code for f in check([row])} == {"truncated", "unit_mismatch"}
    assert [f.code for f in check([row], select=["truncated"])] == ["truncated"]
    assert [f.code for f in check([row], ignore=["truncated"])] == ["unit_mismatch"]
    with pytest.raises(ValueError, match="unknown check"):
        check([row], select=["nonsense"])
    with pytest.raises(ValueError, match="severity"):
        register("x", "fatal", "no such severity")  # type: ignore[arg-type]


def test_finding_repr_and_dict() -> None:
    (finding,) = check([_row("Persentase A", "", source="a.txt", line=7)])
    assert repr(finding) == (
        "Finding('missing_target', 'error', 'a.txt:7', 'the target cell is empty')"
    )
    data = json.loads(json.dumps(finding.to_dict()))
    assert (data["source"], data["line"], data["code"]) == ("a.txt", 7, "missing_target")


# An LKj measurement table, as KPU LKj write them (figures of LKj KPU Kab. Sarolangun
# 2019, docs/domain.md §1.5: 80% / 83% reported as 100%, capped).
LKJ = """LAPORAN KINERJA (LKj)
SEKRETARIAT KPU KABUPATEN SAROLANGUN
TAHUN 2019

No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\tCapaian
1\tMeningkatnya partisipasi pemilih\tPersentase Partisipasi Pemilih dalam Pemilu\t80%\t83%\t100%
\t\tPersentase Pemilih yang Berhak Memilih tetapi Tidak Masuk dalam DPT\t0.2%\t0.2%\t100%
2\tTerselesaikannya sengketa\tPenurunan jumlah sengketa hukum\t3 Perkara\t1 Perkara\t166,67%
\t\tJumlah laporan kinerja yang disusun tepat waktu\t4 Lap\t3 Lap\t80%
\t\tOpini BPK atas laporan keuangan\tWTP\tWTP\t100%
"""


def test_reported_capaian_is_checked_against_target_and_realisasi() -> None:
    rows = read_document(LKJ)
    assert [r.capaian_raw for r in rows] == ["100%", "100%", "166,67%", "80%", "100%"]
    findings = check(rows, select=["capaian_mismatch"])
    assert [(f.row.indicator, f.severity) for f in findings] == [
        ("Jumlah laporan kinerja yang disusun tepat waktu", "warning")
    ]
    assert "3/4 × 100% = 75%" in findings[0].message


def test_the_unseen_documents_are_clean() -> None:
    # Eleven documents in other layouts (PK, LKj with several tables, IKU, Renstra, KPU RI):
    # none of their rows is wrong, so check finds nothing but the one row the reader
    # joined on a guess. False alarms on clean documents would make check useless.
    unseen = sorted((DATA / "unseen").glob("*.txt")) + sorted((DATA / "unseen").glob("*.csv"))
    rows = [r for path in unseen for r in read_document(path)]
    assert len(rows) >= 120
    found = {(Path(f.row.source or "").name, f.row.line, f.code) for f in check(rows)}
    assert found == {("iku_kota_yogyakarta_2023.txt", 39, "unsure_row")}
