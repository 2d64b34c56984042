"""The data of each request's form, built from the database (the render functions take plain data only)."""

from __future__ import annotations

from datetime import date

from blanko_desktop.core import approval as approval_op
from blanko_desktop.core.calendar import OfficeHours
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import (
    ApprovalSheetData,
    CompletionLetterData,
    LabelData,
    ReceiptData,
    SchemeCount,
    SerialRange,
    SignatoryData,
    receipt_number,
)
from blanko_desktop.core.models import Lsp, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import State, label


def office_today(services: Services) -> date:
    """Today on the office clock (the date printed on a form)."""
    return utcnow().astimezone(OfficeHours.from_dict(services.setting("office_hours")).zone).date()


def _office_date(services: Services, moment) -> date:
    return moment.astimezone(OfficeHours.from_dict(services.setting("office_hours")).zone).date()


def lsp_address(lsp: Lsp | None) -> str:
    """The LSP's address of record on lines: street, then postal code and city."""
    if lsp is None:
        return ""
    town = " ".join(part for part in (lsp.city, lsp.postal_code) if part)
    return "\n".join(part for part in (lsp.address.strip(), town) if part)


def _lsp_of(req: Request) -> Lsp:
    if req.lsp is None:
        raise RuleError(f"Permohonan #{req.id} belum memiliki LSP; tentukan LSP-nya dulu.")
    return req.lsp


def _signatory(sig) -> SignatoryData:
    return SignatoryData(sig.name, sig.nip, sig.title)


def scheme_counts(services: Services, request_id: int) -> list[SchemeCount]:
    """Competent and not-yet-competent participants per scheme, from the participant list analysis."""
    from blanko_desktop.core.verification.checklist import build

    per_scheme = build(services, request_id).per_scheme
    return [SchemeCount(scheme, counts.get("K", 0), counts.get("BK", 0))
            for scheme, counts in sorted(per_scheme.items())]


def approval_sheet_data(services: Services, request_id: int, signatory_id: int | None = None,
                        quantity: int | None = None, reason: str = "") -> ApprovalSheetData:
    """The approval sheet: of the approval recorded, or (verified, not yet approved) the one proposed for signing."""
    req = services.request(request_id)
    lsp = _lsp_of(req)
    current = approval_op.active_approval(req.id)
    if req.state == State.APPROVED and current is not None:
        signer, qty, reason = current.signatory, current.approved_qty, current.note
        day = _office_date(services, current.approved_at)
    elif req.state == State.VERIFIED:
        signer = approval_op.choose_signatory(signatory_id)
        qty = approval_op.check_quantity(req.competent_qty, quantity, reason, req.id)
        day = office_today(services)
    else:
        raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': lembar persetujuan dicetak untuk "
                        "permohonan yang terverifikasi atau disetujui.")
    return ApprovalSheetData(
        request_id=req.id, lsp_name=lsp.name, lsp_address=lsp_address(lsp), letter_number=req.letter_number,
        letter_date=req.letter_date, received_on=_office_date(services, req.received_at),
        schemes=scheme_counts(services, req.id), competent=req.competent_qty or 0, quantity=qty,
        reason=reason, signatory=_signatory(signer), officer=services.signing_officer("lembar persetujuan"),
        date=day)


def issued_ranges(services: Services, request_id: int) -> list[SerialRange]:
    """The serial ranges issued to a request (the stock ledger), printed as the stock register prints them."""
    from blanko_desktop.core.stock import StockLedger

    ledger = StockLedger(services)
    digits = ledger.serial_format().digits
    return [SerialRange(r.prefix, r.first, r.last, width=digits, sep=" ")
            for r in ledger.request_ranges(request_id)]


def receipt_data(services: Services, request_id: int, ranges: list[SerialRange] | tuple | None = None) -> ReceiptData:
    """The receipt of an approved request with the serial ranges issued to it (read from the stock ledger
    unless given); none issued yet → lines to fill in by hand."""
    req = services.request(request_id)
    lsp = _lsp_of(req)
    current = approval_op.active_approval(req.id)
    if current is None or State(req.state) not in approval_op.APPROVED_OR_LATER:
        raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': tanda terima dibuat setelah "
                        "persetujuan pejabat dicatat.")
    ranges = issued_ranges(services, req.id) if ranges is None else list(ranges)
    sent = sum(r.count for r in ranges)
    if ranges and sent != current.approved_qty:
        raise RuleError(f"Rentang nomor seri berisi {sent} lembar, sedangkan yang disetujui "
                        f"{current.approved_qty} lembar (permohonan #{req.id}).")
    approved_on = _office_date(services, current.approved_at)
    return ReceiptData(
        number=receipt_number(req.id, approved_on.year), request_id=req.id, lsp_name=lsp.name,
        lsp_address=lsp_address(lsp), letter_number=req.letter_number, quantity=current.approved_qty,
        ranges=ranges, signatory=_signatory(current.signatory), date=office_today(services))


def label_data(services: Services, request_id: int) -> LabelData:
    """The parcel's address label: the LSP's address of record."""
    receipt = receipt_data(services, request_id)
    lsp = services.request(request_id).lsp
    if not lsp.address.strip():
        raise RuleError(f"Alamat {lsp.name} belum tercatat; lengkapi di Daftar LSP sebelum mencetak label.")
    return LabelData(lsp_name=lsp.name, address=lsp_address(lsp), contact_person=lsp.contact_person,
                     phone=lsp.phone, reference=receipt.number, quantity=receipt.quantity, request_id=request_id)


def completion_letter_data(services: Services, request_id: int) -> CompletionLetterData:
    """The completion request as a letter: the same lines as the e-mail (completion.problem_lines)."""
    from blanko_desktop.core.verification.checklist import build
    from blanko_desktop.core.verification.completion import problem_lines

    req = services.request(request_id)
    lines = problem_lines(build(services, request_id))
    if not lines:
        raise RuleError(f"Permohonan #{req.id} sudah lengkap; tidak ada yang perlu dimintakan ke LSP.")
    return CompletionLetterData(
        request_id=req.id, lsp_name=req.lsp.name if req.lsp else "Bapak/Ibu", lsp_address=lsp_address(req.lsp),
        letter_number=req.letter_number, received_on=_office_date(services, req.received_at), lines=lines,
        officer=services.signing_officer("surat permintaan kelengkapan"), deadline="1 (satu) hari kerja",
        date=office_today(services))
