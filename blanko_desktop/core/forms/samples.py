"""Example data for every form: a preview for whoever edits a template, and the fixed input of tests and benchmarks."""

from __future__ import annotations

from datetime import date

from blanko_desktop.core.forms import (
    ApprovalSheetData,
    CompletionLetterData,
    LabelData,
    ManifestData,
    ManifestParcel,
    ReceiptData,
    SchemeCount,
    SerialRange,
    SignatoryData,
)

OFFICIAL = SignatoryData("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian Sertifikasi")
LSP = "LSP Kelistrikan Tenaga Raya"
ADDRESS = "Jl. Ahmad Yani No. 45\nSurabaya 60234"


def sample(form: str):
    """The example data of `form`."""
    if form == "approval":
        return ApprovalSheetData(
            12, LSP, ADDRESS, "045/LSP-TKN/XI/2026", date(2026, 11, 12), date(2026, 11, 16),
            [SchemeCount("SKM.001 Teknisi Instalasi Listrik", 25, 1), SchemeCount("SKM.002 Operator Gardu Induk",
                                                                                 12, 1)],
            37, 35, "2 peserta sudah menerima blanko pada permohonan #9", OFFICIAL, "Budi Santoso",
            date(2026, 11, 25))
    if form == "receipt":
        return ReceiptData("TT-2026-000012", 12, LSP, ADDRESS, "045/LSP-TKN/XI/2026", 37,
                           [SerialRange("B", 1200, 1224), SerialRange("B", 1300, 1311)], OFFICIAL, date(2026, 11, 25))
    if form == "label":
        return LabelData(LSP, ADDRESS, "Ani Rahmawati", "031-5551234", "TT-2026-000012", 37, 12)
    if form == "manifest":
        return ManifestData(date(2026, 11, 27), "JNE", [
            ManifestParcel(LSP, "Surabaya", "JNE0012345678", "TT-2026-000012", 37),
            ManifestParcel("LSP Teknologi Digital Nusantara", "Bandung", "", "TT-2026-000013", 5),
        ], "Budi Santoso")
    if form == "completion":
        return CompletionLetterData(
            12, LSP, ADDRESS, "045/LSP-TKN/XI/2026", date(2026, 11, 16),
            ["Keputusan sertifikasi: belum kami terima.",
             "Daftar Peserta.xlsx, lembar 'Peserta', baris 7: NIK 3201 bukan 16 digit."],
            "Budi Santoso", "1 (satu) hari kerja", date(2026, 11, 25))
    raise KeyError(form)
