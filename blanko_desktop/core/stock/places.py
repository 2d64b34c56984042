"""Where a serial can be, what each kind of ledger line does, and their Indonesian names."""

from __future__ import annotations

OUTSIDE = ""  # not (or no longer) in the register: the printer's side of a receipt
AVAILABLE = "available"
ISSUED = "issued"
SPOILED = "spoiled"
RETURNED = "returned"
MISSING = "missing"

PLACES = (AVAILABLE, ISSUED, SPOILED, RETURNED, MISSING)

PLACE_LABELS = {
    OUTSIDE: "belum pernah diterima",
    AVAILABLE: "tersedia di gudang",
    ISSUED: "dikeluarkan",
    SPOILED: "rusak di kantor",
    RETURNED: "dikembalikan rusak oleh LSP",
    MISSING: "hilang (selisih stock opname)",
}

RECEIVE, ISSUE, SPOIL, RETURN, REVERSAL, ADJUST = "receive", "issue", "spoil", "return_damaged", "reversal", "adjust"
KINDS = (RECEIVE, ISSUE, SPOIL, RETURN, REVERSAL, ADJUST)

KIND_LABELS = {
    RECEIVE: "Penerimaan dari percetakan",
    ISSUE: "Pengeluaran ke LSP",
    SPOIL: "Rusak di kantor",
    RETURN: "Dikembalikan rusak oleh LSP",
    REVERSAL: "Pembatalan (jurnal balik)",
    ADJUST: "Penyesuaian stock opname",
}


def place_label(place: str) -> str:
    return PLACE_LABELS.get(place, place)
