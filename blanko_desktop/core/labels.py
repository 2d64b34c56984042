"""Indonesian names of core codes (document kinds, request kinds, audit actions) for the CLI; same words as the UI."""

from __future__ import annotations

#: Document kinds, as the window's Indonesian catalogue names them (ui/i18n.document_kind_label).
DOCUMENT_KINDS = {
    "letter": "Surat permohonan",
    "minutes": "Berita acara asesmen",
    "decision": "Keputusan sertifikasi",
    "list": "Daftar peserta",
    "email": "E-mail",
    "other": "Lainnya",
    "completion": "Permintaan kelengkapan",
    "approval_scan": "Pindaian lembar persetujuan",
    "notice": "Pemberitahuan pengiriman",
    "receipt_courier": "Tanda terima kurir",
    "receipt_lsp": "Tanda terima bertanda tangan LSP",
}

REQUEST_KINDS = {"new": "Blanko baru", "replacement": "Penggantian blanko rusak"}

CLOSURE_KINDS = {"cuti_bersama": "Cuti bersama", "closure": "Kantor tutup"}

SEVERITIES = {"error": "galat", "warning": "peringatan"}

#: Audit actions by code; `request.<state>` (a transition) is "Status diubah" like in the window.
AUDIT_ACTIONS = {
    "request.create": "Dicatat",
    "request.edit": "Diubah",
    "request.due_recomputed": "Tenggat dihitung ulang",
    "document.add": "Dokumen ditambahkan",
    "document.kind": "Jenis dokumen diubah",
    "finding.accept": "Temuan pemeriksaan diterima",
    "finding.reopen": "Temuan pemeriksaan dibuka kembali",
    "completion.write": "Permintaan kelengkapan ditulis",
    "completion.sent": "Permintaan kelengkapan tercatat terkirim",
    "demo.bulk_insert": "Data contoh diisikan",
    "closure.add": "Hari libur dicatat",
    "closure.remove": "Hari libur dihapus",
    "setting.change": "Pengaturan diubah",
    "lsp.add": "LSP didaftarkan",
    "lsp.edit": "LSP diubah",
    "signatory.add": "Pejabat penandatangan ditambahkan",
    "signatory.edit": "Pejabat penandatangan diubah",
    "approval.add": "Persetujuan dicatat",
    "approval.cancel": "Persetujuan dibatalkan",
    "approval.scan": "Pindaian lembar persetujuan dilampirkan",
    "form.print": "Formulir dicetak",
    "stock.receive": "Blanko diterima dari percetakan",
    "stock.issue": "Blanko dikeluarkan",
    "stock.spoil": "Blanko rusak di kantor dicatat",
    "stock.return_damaged": "Blanko rusak dikembalikan LSP",
    "stock.reverse": "Mutasi stok dibatalkan (jurnal balik)",
    "stock.cancel_issue": "Pengeluaran blanko dibatalkan",
    "stock.count": "Stock opname dicatat",
    "stock.count_settled": "Selisih stock opname diselesaikan",
    "stock.line": "Baris buku stok dicatat",
    "shipping.pack": "Paket dikemas",
    "shipping.tracking": "Nomor resi dicatat",
    "shipping.pickup": "Penjemputan kurir dicatat",
    "shipping.handover": "Paket diserahkan ke kurir",
    "shipping.delivered": "Paket diterima LSP",
    "shipping.problem": "Paket kembali atau hilang",
    "shipping.resend": "Paket dikirim ulang",
    "shipping.reverse": "Pengeluaran blanko paket dibatalkan",
    "shipping.receipt": "Tanda terima kembali disimpan",
    "shipping.receipt_back": "Tanda terima kembali dicatat pada paket",
    "shipping.notice": "Pemberitahuan pengiriman ditulis",
}


def document_kind(kind: str) -> str:
    return DOCUMENT_KINDS.get(kind, kind)


def request_kind(kind: str) -> str:
    return REQUEST_KINDS.get(kind, kind)


def closure_kind(kind: str) -> str:
    return CLOSURE_KINDS.get(kind, kind)


def severity(code: str) -> str:
    return SEVERITIES.get(code, code)


def audit_action(action: str) -> str:
    """'request.verified' as the officer reads it; an unknown code is shown as it is rather than hidden."""
    if action in AUDIT_ACTIONS:
        return AUDIT_ACTIONS[action]
    from blanko_desktop.core.workflow import State

    entity, _, verb = action.partition(".")
    if entity == "request" and verb in {s.value for s in State}:
        return "Status diubah"
    return action
