"""Reading a list of LSPs from an Excel workbook (header anywhere in the first rows, wording that varies)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

HEADER_SCAN_ROWS = 15
# canonical field -> header words seen in LSP lists (normalised: upper case, single spaces)
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("NAMA LSP", "LSP", "NAMA LEMBAGA", "NAMA"),
    "licence_no": ("NOMOR LISENSI", "NO LISENSI", "NO. LISENSI", "LISENSI", "NOMOR SK LISENSI"),
    "address": ("ALAMAT", "ALAMAT LENGKAP", "ALAMAT KANTOR"),
    "city": ("KOTA", "KABUPATEN/KOTA", "KOTA/KABUPATEN"),
    "postal_code": ("KODE POS", "KODEPOS"),
    "phone": ("TELEPON", "TELP", "NO TELP", "NO. TELP", "NOMOR TELEPON", "HP", "NO HP"),
    "emails": ("EMAIL", "E-MAIL", "ALAMAT EMAIL", "ALAMAT E-MAIL", "DOMAIN"),
    "contact_person": ("KONTAK", "NARAHUBUNG", "CONTACT PERSON", "PIC", "NAMA KONTAK"),
}


def _norm(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().upper()


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a postal code or phone typed as a number
    return str(value).strip() if value is not None else ""


def _header_map(row: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, cell in enumerate(row):
        text = _norm(cell)
        for field, words in HEADERS.items():
            if field not in found and text in words:
                found[field] = col
                break
    return found


def read_lsp_rows(path: Path | str) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """The LSP rows of every sheet as (where, data) and the problems found, by sheet and row."""
    path = Path(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for every unreadable file
        return [], [f"{path.name}: bukan berkas Excel yang dapat dibaca ({exc})."]
    rows_out: list[tuple[str, dict[str, Any]]] = []
    problems: list[str] = []
    for sheet in book.sheet_names:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        header_at, columns = None, {}
        for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
            columns = _header_map(row)
            if "name" in columns and len(columns) >= 2:
                header_at = index
                break
        if header_at is None:
            problems.append(f"{path.name}, lembar '{sheet}': judul kolom 'NAMA LSP' tidak ditemukan.")
            continue
        for index in range(header_at + 1, len(rows)):
            row = rows[index]
            data = {f: _cell_text(row[c]) if c < len(row) else "" for f, c in columns.items()}
            if not any(data.values()):
                continue
            where = f"{path.name}, lembar '{sheet}', baris {index + 1}"
            if not data.get("name"):
                problems.append(f"{where}: nama LSP kosong.")
                continue
            # one cell often holds several addresses: "admin@lsp.id, sertifikasi@lsp.id" or one per line
            data["emails"] = [e for e in re.split(r"[,;\s]+", data.get("emails") or "") if e]
            rows_out.append((where, data))
    return rows_out, problems
