"""Packing: the check before a parcel may be marked packed (blanks issued, receipt produced and right, address
of record), the receipt and label to print, and marking it packed, which stops the request's SLA clock."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from blanko_desktop.core import approval as approval_op
from blanko_desktop.core import forms
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import loaders, readback
from blanko_desktop.core.models import AuditEvent, Lsp, Parcel, PrintedForm, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import PACKED, parcel_dict
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.stock.serials import SerialFormat, SerialRange, merge, total
from blanko_desktop.core.workflow import State, label

ADDRESS_FIELDS = ("address", "city", "postal_code")


@dataclass(frozen=True)
class CheckItem:
    """One line of the packing check: what it checks, whether it holds, and what was found."""

    key: str  # approved | issued | receipt | receipt_content | address | label
    title: str
    ok: bool
    text: str
    blocking: bool = True


@dataclass(frozen=True)
class PackingCheck:
    request_id: int
    state: str
    lsp_name: str
    items: tuple[CheckItem, ...]
    address_of_record: str
    label_address: str
    confirm_reasons: tuple[str, ...]  # why the officer must confirm the label's address ('' when none)
    receipt_number: str
    quantity: int
    ranges: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items if item.blocking)

    @property
    def problems(self) -> list[str]:
        return [item.text for item in self.items if item.blocking and not item.ok]

    def as_dict(self) -> dict:
        return {"request": self.request_id, "state": self.state, "lsp": self.lsp_name, "ok": self.ok,
                "items": [{"key": i.key, "title": i.title, "ok": i.ok, "text": i.text, "blocking": i.blocking}
                          for i in self.items],
                "address_of_record": self.address_of_record, "label_address": self.label_address,
                "confirm_reasons": list(self.confirm_reasons), "receipt_number": self.receipt_number,
                "quantity": self.quantity, "ranges": list(self.ranges)}


def _same_address(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return re.sub(r"[\s,.]+", " ", text or "").strip().lower()
    return norm(a) == norm(b)


def form_ranges(ranges: list[SerialRange], fmt: SerialFormat) -> list[forms.SerialRange]:
    """Stock ranges as the receipt prints them ('KB 0000001 – KB 0000037', as everywhere else)."""
    return [forms.SerialRange(f"{r.prefix} ", r.first, r.last, fmt.digits) for r in ranges]


def receipt_pdf(services: Services, request_id: int) -> tuple[bytes, str]:
    """The receipt of an approved request with the serials issued to it: (PDF, its number TT-...)."""
    ledger = StockLedger(services)
    ranges = ledger.request_ranges(request_id)
    if not ranges:
        req = services.request(request_id)
        raise RuleError(f"Blanko untuk permohonan #{req.id} belum dikeluarkan dari stok; tanda terima dicetak "
                        "dengan nomor seri yang dikeluarkan.")
    data = loaders.receipt_data(services, request_id, form_ranges(ranges, ledger.serial_format()))
    return forms.render("receipt", data), data.number


def label_pdf(services: Services, request_id: int, address: str | None = None) -> bytes:
    """The parcel's address label: the LSP's address of record, or the address the officer confirmed."""
    data = loaders.label_data(services, request_id)
    if address is not None and address.strip():
        data.address = address.strip()
    return forms.render("label", data)


@lru_cache(maxsize=64)
def _first_page_text(pdf: bytes) -> str:
    # a stored form never changes: the check before packing and the packing itself read it once
    return readback.page_text(pdf, 0)


def read_receipt_pdf(pdf: bytes, prefixes: set[str]) -> tuple[int | None, list[SerialRange]]:
    """What a produced receipt says: the number of blanks ('Jumlah: 37 (...)') and the serial ranges listed."""
    flat = _first_page_text(pdf)
    qty = re.search(r"Jumlah\s*:?\s*(\d[\d.]*)\s*\(", flat)
    ranges: list[SerialRange] = []
    for prefix in sorted(prefixes):
        p = re.escape(prefix)
        for m in re.finditer(rf"\b{p}\s?(\d+)(?:\s*[–\-]\s*{p}\s?(\d+))?", flat):
            first = int(m.group(1))
            ranges.append(SerialRange(prefix, first, int(m.group(2) or first)))
    return (int(qty.group(1).replace(".", "")) if qty else None), merge(ranges)


def _address_changes(lsp: Lsp, since, zone) -> list[str]:
    """Edits of the LSP's address of record after `since` (the request's arrival), as the officer reads them."""
    out = []
    for e in (AuditEvent.select().where((AuditEvent.entity == "lsp") & (AuditEvent.entity_id == str(lsp.id))
                                        & (AuditEvent.action == "lsp.edit") & (AuditEvent.at > since))
              .order_by(AuditEvent.id)):
        before, after = e.before or {}, e.after or {}
        if any((before.get(f) or "") != (after.get(f) or "") for f in ADDRESS_FIELDS):
            who = e.officer or e.os_user
            out.append(f"alamat {lsp.name} di Daftar LSP diubah pada {e.at.astimezone(zone):%d-%m-%Y %H:%M} oleh "
                       f"{who}, setelah permohonan diterima")
    return out


def packing_check(services: Services, request_id: int, label_address: str | None = None,
                  confirm_address: bool = False) -> PackingCheck:
    """Everything that must hold before the parcel of `request_id` is marked packed; reads only."""
    return _packing_check(services, services.request(request_id), label_address, confirm_address)


def _packing_check(services: Services, req: Request, label_address: str | None,
                   confirm_address: bool) -> PackingCheck:
    """packing_check of the request row `req` (pack reads it once for the check and its move)."""
    from blanko_desktop.core.shipping.common import office_hours

    lsp = req.lsp
    zone = office_hours(services).zone
    items: list[CheckItem] = []
    current = approval_op.active_approval(req.id)
    qty = current.approved_qty if current else (req.approved_qty or 0)
    if req.state == State.APPROVED and current is not None:
        signer = current.signatory.name if current.signatory else "pejabat"
        items.append(CheckItem("approved", "Persetujuan", True,
                               f"Disetujui {qty} lembar oleh {signer}" + ("" if signer.endswith(".") else ".")))
    elif req.state in (State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED):
        parcel = Parcel.select().where(Parcel.request == req.id).order_by(Parcel.id.desc()).first()
        items.append(CheckItem("approved", "Persetujuan", False,
                               f"Permohonan #{req.id} sudah dikemas"
                               + (f" (paket #{parcel.id})" if parcel else "") + f"; statusnya '{label(req.state)}'."))
    else:
        items.append(CheckItem("approved", "Persetujuan", False,
                               f"Permohonan #{req.id} berstatus '{label(req.state)}': hanya permohonan yang sudah "
                               "disetujui pejabat yang dapat dikemas."))

    ledger = StockLedger(services)
    fmt = ledger.serial_format()
    issued = ledger.request_ranges(req.id)
    issued_text = ", ".join(r.text(fmt) for r in issued)
    if not issued:
        items.append(CheckItem("issued", "Blanko dikeluarkan", False,
                               f"Blanko untuk permohonan #{req.id} belum dikeluarkan dari stok (disetujui {qty} "
                               "lembar)."))
    elif total(issued) != qty:
        items.append(CheckItem("issued", "Blanko dikeluarkan", False,
                               f"Blanko yang dikeluarkan {total(issued)} lembar ({issued_text}), sedangkan yang "
                               f"disetujui {qty} lembar."))
    else:
        items.append(CheckItem("issued", "Blanko dikeluarkan", True, f"{total(issued)} lembar: {issued_text}."))

    receipt_number = ""
    printed = (PrintedForm.select().where((PrintedForm.request == req.id) & (PrintedForm.form == "receipt"))
               .order_by(PrintedForm.id.desc()).first())
    if printed is None:
        items.append(CheckItem("receipt", "Tanda terima", False,
                               f"Tanda terima permohonan #{req.id} belum dicetak (atau disimpan sebagai PDF)."))
        items.append(CheckItem("receipt_content", "Isi tanda terima", False,
                               "Isi tanda terima belum dapat diperiksa: cetak tanda terimanya dulu."))
    else:
        receipt_number = printed.number
        where = "disimpan sebagai PDF" if not printed.printer else f"dicetak di {printed.printer}"
        items.append(CheckItem("receipt", "Tanda terima", True,
                               f"Tanda terima {printed.number or ''} {where} pada "
                               f"{printed.printed_at.astimezone(zone):%d-%m-%Y %H:%M} oleh {printed.printed_by}."
                               .replace("  ", " ")))
        count, listed = read_receipt_pdf(services.storage.files.read(printed.sha256),
                                         {r.prefix for r in issued} or {fmt.prefix})
        shown = ", ".join(r.text(fmt) for r in listed) or "tanpa nomor seri"
        if count is None:
            items.append(CheckItem("receipt_content", "Isi tanda terima", False,
                                   f"Jumlah blanko pada tanda terima {printed.number} tidak terbaca; cetak ulang "
                                   "tanda terimanya."))
        elif issued and (count != total(issued) or listed != merge(issued)):
            items.append(CheckItem("receipt_content", "Isi tanda terima", False,
                                   f"Tanda terima {printed.number} berisi {count} lembar ({shown}), sedangkan blanko "
                                   f"yang dikeluarkan {total(issued)} lembar ({issued_text}): cetak ulang tanda "
                                   "terimanya."))
        elif not issued:
            items.append(CheckItem("receipt_content", "Isi tanda terima", False,
                                   f"Tanda terima {printed.number} berisi {count} lembar, tetapi belum ada blanko "
                                   "yang dikeluarkan."))
        else:
            items.append(CheckItem("receipt_content", "Isi tanda terima", True,
                                   f"{count} lembar, nomor seri sama dengan yang dikeluarkan."))

    record = loaders.lsp_address(lsp)
    wanted = (label_address or "").strip() or record
    reasons: list[str] = []
    if lsp is None:
        items.append(CheckItem("address", "Alamat", False, f"Permohonan #{req.id} belum memiliki LSP."))
    elif not lsp.address.strip():
        items.append(CheckItem("address", "Alamat", False,
                               f"Alamat {lsp.name} belum tercatat; lengkapi di Daftar LSP."))
    else:
        if not _same_address(wanted, record):
            reasons.append("alamat pada label berbeda dari alamat yang tercatat di Daftar LSP")
        reasons += _address_changes(lsp, req.received_at, zone)
        if reasons and not confirm_address:
            items.append(CheckItem("address", "Alamat", False,
                                   f"Alamat pada label perlu dikonfirmasi petugas: {'; '.join(reasons)}."))
        else:
            extra = " (dikonfirmasi petugas)" if reasons else ""
            items.append(CheckItem("address", "Alamat", True,
                                   f"{wanted.replace(chr(10), ', ')}{extra}."))
    labels = PrintedForm.select().where((PrintedForm.request == req.id) & (PrintedForm.form == "label")).count()
    items.append(CheckItem("label", "Label alamat", bool(labels),
                           "Label alamat sudah dicetak." if labels else "Label alamat belum dicetak (boleh ditulis "
                           "tangan).", blocking=False))
    return PackingCheck(req.id, req.state, lsp.name if lsp else "", tuple(items), record, wanted, tuple(reasons),
                        receipt_number, total(issued) or qty, tuple(r.text(fmt) for r in issued))


def pack(services: Services, request_id: int, label_address: str | None = None, confirm_address: bool = False,
         expected_version: int | None = None) -> Parcel:
    """Mark the parcel packed after the check holds: a Parcel row, the request packed, its SLA clock stopped."""
    def op():
        req = services.request(request_id)
        check = _packing_check(services, req, label_address, confirm_address)
        if not check.ok:
            raise RuleError(f"Paket permohonan #{request_id} belum dapat dikemas: " + " ".join(check.problems))
        services._open_request(req, "tidak dapat dikemas")
        parcel = Parcel.create(request=req, address=check.label_address, packed_at=utcnow(), status=PACKED,
                               receipt_number=check.receipt_number, updated_by=services.actor.label)
        services._audit("shipping.pack", "request", req.id, None,
                        {**parcel_dict(parcel), "quantity": check.quantity, "ranges": list(check.ranges),
                         "address_confirmed": list(check.confirm_reasons)})
        services._enter(req, State.PACKED, expected_version=expected_version)
        return parcel

    return services._write(op)


__all__ = ["CheckItem", "PackingCheck", "form_ranges", "label_pdf", "pack", "packing_check", "read_receipt_pdf",
           "receipt_pdf"]




@dataclass(frozen=True)
class ReadyView:
    """An approved request waiting to be packed, as the Pengiriman tab lists it."""

    request_id: int
    lsp_name: str
    quantity: int
    issued: int
    receipt: bool


def ready_to_pack(services: Services) -> list[ReadyView]:
    """Approved requests (their blanks issued or not yet), oldest first, in a fixed number of queries."""
    from blanko_desktop.core.models import Lsp, Request
    from blanko_desktop.core.shipping.common import issued_ranges
    from blanko_desktop.core.workflow import State as S

    rows = list(Request.select().where(Request.state == S.APPROVED).order_by(Request.received_at, Request.id))
    ids = [r.id for r in rows]
    ranges = issued_ranges(ids)
    names = dict(Lsp.select(Lsp.id, Lsp.name).tuples())
    printed = {r for (r,) in PrintedForm.select(PrintedForm.request).where(
        PrintedForm.request.in_(ids) & (PrintedForm.form == "receipt")).tuples()} if ids else set()
    return [ReadyView(r.id, names.get(r.lsp_id, ""), r.approved_qty or 0, total(ranges.get(r.id, [])), r.id in printed)
            for r in rows]
