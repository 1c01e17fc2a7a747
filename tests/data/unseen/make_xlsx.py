"""Build the unseen workbook ``lkj_kab_sukoharjo_2023.xlsx`` the way an LKj author's Excel
file comes out: title rows above the table, a header over two rows with merged cells
(``Tahun 2023`` over Target / Realisasi / Capaian), sasaran merged down their rows,
percent-formatted fractions, numbers with a fixed number of decimals, float noise from
computed capaian, a signature written into the right-hand columns, and a second sheet
with a budget table that has no performance header.

The workbook is built, not stored: ``build(path)`` writes it (the unseen-corpus test calls
it), and ``python tests/data/unseen/make_xlsx.py [folder]`` writes it to a folder to look
at. Its expected rows are ``lkj_kab_sukoharjo_2023.expected.tsv`` beside this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

NAME = "lkj_kab_sukoharjo_2023.xlsx"


def build(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Pengukuran Kinerja"
    sheet["A1"] = "LAPORAN KINERJA KOMISI PEMILIHAN UMUM KABUPATEN SUKOHARJO TAHUN 2023"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "Tabel 3.1 Pengukuran Kinerja"
    sheet.merge_cells("A2:H2")
    # Row 3 is empty; the header takes rows 4 and 5.
    for column, text in zip(
        "ABCD", ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan"), strict=True
    ):
        sheet[f"{column}4"] = text
        sheet.merge_cells(f"{column}4:{column}5")
    sheet["E4"] = "Tahun 2023"
    sheet.merge_cells("E4:G4")
    sheet["E5"], sheet["F5"], sheet["G5"] = "Target", "Realisasi", "Capaian (%)"
    sheet["H4"] = "Keterangan"
    sheet.merge_cells("H4:H5")

    target, actual = 0.8, 0.8235
    records = [
        # No, sasaran, indicator, satuan, target, realisasi, capaian (computed), keterangan
        (
            1,
            "Meningkatnya partisipasi pemilih dalam Pemilu",
            "Persentase partisipasi pemilih dalam Pemilu",
            "%",
            target,
            actual,
            actual / target * 100,
            "Tercapai",
        ),
        (
            None,
            None,
            "Persentase partisipasi pemilih perempuan",
            "%",
            0.82,
            0.8511,
            0.8511 / 0.82 * 100,
            "Tercapai",
        ),
        (
            2,
            "Meningkatnya kualitas pengelolaan keuangan",
            "Jumlah laporan keuangan yang disusun tepat waktu",
            "Laporan",
            2,
            2,
            100,
            None,
        ),
        (
            3,
            "Meningkatnya akuntabilitas kinerja",
            "Nilai Akuntabilitas Kinerja",
            "Nilai",
            "BB",
            "B",
            0.7 / 0.8 * 100,  # 87.49999999999999: float noise, General format
            "Tidak tercapai",
        ),
    ]
    for r, record in enumerate(records, 6):
        for c, value in enumerate(record, 1):
            if value is not None:
                sheet.cell(r, c).value = value
    # The number and the sasaran of the first group are merged over its two rows.
    sheet.merge_cells("A6:A7")
    sheet.merge_cells("B6:B7")
    for row in (6, 7):
        sheet[f"E{row}"].number_format = "0%"
        sheet[f"F{row}"].number_format = "0.00%"
        sheet[f"G{row}"].number_format = "0.00"

    sheet["G11"] = "Sukoharjo, 31 Januari 2024"
    sheet["G12"] = "Ketua KPU Kabupaten Sukoharjo,"
    sheet["G15"] = "Nanda Alifiya Rahmawati"

    budget = book.create_sheet("Anggaran")
    budget["A1"] = "Realisasi Anggaran Tahun 2023"
    budget.append([])
    budget.append(["No", "Program", "Pagu", "Realisasi", "%"])
    budget.append([1, "Program Dukungan Manajemen", 5_412_330_000, 5_301_882_115, 0.9796])
    budget["E4"].number_format = "0.00%"
    book.save(path)


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    build(folder / NAME)
    print(folder / NAME)
