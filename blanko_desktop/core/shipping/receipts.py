"""Receipts coming back: the courier's delivery receipt and the LSP's signed scan, dropped as files or whole
e-mails, matched to their parcel by the software (the receipt's QR code, its number TT-... in the text, or
the courier's tracking number), else by the officer; with both back the request is closed."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.intake import detect_type, media_type, parse_email, safe_filename
from blanko_desktop.core.intake.sniff import EMAIL_TYPES
from blanko_desktop.core.models import Document, Lsp, Parcel, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import (
    DELIVERED,
    PACKED,
    SHIPPED,
    current_parcel,
    office_date,
    parcel_by_id,
    parcel_dict,
    status_label,
)
from blanko_desktop.core.storage import sha256_bytes
from blanko_desktop.core.workflow import State, label

COURIER, LSP = "courier", "lsp"
KINDS = (COURIER, LSP)
KIND_LABELS = {COURIER: "tanda terima kurir", LSP: "tanda terima bertanda tangan LSP"}
DOCUMENT_KIND = {COURIER: "receipt_courier", LSP: "receipt_lsp"}
RECEIPT_NO = re.compile(r"TT\s*-\s*(\d{4})\s*-\s*(\d{6})")
MAX_PAGES = 6  # a scanned receipt is a page or two; an e-mail thread printed to PDF is not read to its end
SCAN_TYPES = frozenset({"pdf", "image"})


def kind_arg(text: str) -> str:
    """'kurir'/'courier' or 'lsp', as the officer types it."""
    key = (text or "").strip().lower()
    if key in ("kurir", "courier", "pod"):
        return COURIER
    if key in ("lsp", "ttd", "tanda-terima"):
        return LSP
    raise RuleError(f"Jenis tanda terima '{text}' tidak dikenal: 'kurir' (bukti terima dari kurir) atau 'lsp' "
                    "(tanda terima yang ditandatangani LSP).")


@dataclass(frozen=True)
class Codes:
    """What could be read on a scan: receipt numbers from QR codes and from text, other barcodes, words."""

    qr_numbers: tuple[str, ...]
    text_numbers: tuple[str, ...]
    barcodes: tuple[str, ...]
    tokens: tuple[str, ...]


def _decode_images(images) -> list[tuple[str, bool]]:
    """(text, is a QR code) of every barcode zxing-cpp finds on the images."""
    import zxingcpp

    out = []
    for image in images:
        try:
            hits = zxingcpp.read_barcodes(image.convert("L"))
        except Exception:  # noqa: BLE001 - an image zxing cannot take is simply one without codes
            continue
        out += [(hit.text, "QR" in str(hit.format).upper()) for hit in hits if hit.text]
    return out


def _numbers(text: str) -> list[str]:
    return list(dict.fromkeys(f"TT-{m.group(1)}-{m.group(2)}" for m in RECEIPT_NO.finditer(text or "")))


def read_codes(name: str, data: bytes, extra_text: str = "") -> Codes:
    """The codes on a scan (image or PDF: the page images and the text layer) and in `extra_text`."""
    from PIL import Image

    kind = detect_type(data, name)
    images, texts = [], [extra_text]
    if kind == "image":
        try:
            images.append(Image.open(io.BytesIO(data)))
        except Exception:  # noqa: BLE001 - a broken image has no codes
            pass
    elif kind == "pdf":
        from pypdf import PdfReader

        from blanko_desktop.core import pdftext

        try:
            reader = PdfReader(io.BytesIO(data))
            for page in reader.pages[:MAX_PAGES]:
                texts.append(pdftext.extract_text(page))  # pypdf's text, quicker on plain pages
                try:
                    images += [img.image for img in page.images if img.image is not None]
                except Exception:  # noqa: BLE001 - an image filter pypdf cannot decode: the text may still do
                    continue
        except Exception:  # noqa: BLE001 - an unreadable PDF has no codes; the officer picks the parcel
            pass
    decoded = _decode_images(images)
    qr = [n for text, is_qr in decoded if is_qr for n in _numbers(text)]
    text = "\n".join(texts)
    barcodes = [t.strip().upper() for t, is_qr in decoded if not _numbers(t)]
    tokens = {re.sub(r"\s+", "", t).upper() for t in re.findall(r"[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}", text)}
    return Codes(tuple(dict.fromkeys(qr)), tuple(n for n in _numbers(text) if n not in qr), tuple(barcodes),
                 tuple(sorted(tokens)))


@dataclass
class PlannedReceipt:
    """One dropped scan and the parcel it belongs to (or why it cannot be attached)."""

    name: str
    data: bytes
    sha256: str
    codes: Codes
    parcel_id: int | None = None
    request_id: int | None = None
    kind: str | None = None
    how: str = ""  # 'qr' | 'teks' | 'resi' | 'petugas'
    problem: str = ""
    parent: int | None = None  # index of the e-mail it came in
    needs_officer: bool = False  # nothing on it names a parcel: the officer picks one (`choose`)

    @property
    def ok(self) -> bool:
        return not self.problem and self.parcel_id is not None and self.kind in KINDS

    def as_dict(self) -> dict:
        return {"name": self.name, "parcel": self.parcel_id, "request": self.request_id, "kind": self.kind,
                "how": self.how, "problem": self.problem, "numbers": list(self.codes.qr_numbers
                                                                        + self.codes.text_numbers)}


@dataclass
class ReceiptPlan:
    """What a drop of returned receipts contains, matched, before anything is written."""

    files: list[PlannedReceipt] = field(default_factory=list)
    email: tuple[str, bytes, str] | None = None  # (name, bytes, sender) of the e-mail the scans came in
    sender_lsp: Lsp | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.files) and all(f.ok for f in self.files)


def prepare(services: Services, items: list[tuple[str, bytes]], parcel_id: int | None = None,
            kind: str | None = None) -> ReceiptPlan:
    """Read and match every scan (e-mails are opened: their attachments are the scans); writes nothing."""
    plan = ReceiptPlan()
    for raw_name, data in items:
        name = safe_filename(raw_name)
        detected = detect_type(data, name)
        if detected in EMAIL_TYPES:
            mail = parse_email(data, name)
            plan.email = (name, data, mail.sender)
            plan.sender_lsp = services.lsp_for_sender(mail.sender) if mail.sender else None
            hint = f"{mail.subject}\n{mail.body}"
            scans = [a for a in mail.attachments if detect_type(a.data, a.filename) in SCAN_TYPES]
            if not scans:
                plan.problems.append(f"{name}: e-mail dari {mail.sender or 'pengirim tak dikenal'} tidak berisi "
                                     "pindaian (PDF atau gambar).")
            for a in scans:
                plan.files.append(_planned(a.filename, a.data, hint, parent=0))
        elif detected in SCAN_TYPES:
            plan.files.append(_planned(name, data, ""))
        else:
            plan.problems.append(f"{name}: bukan pindaian tanda terima (PDF atau gambar).")
    for f in plan.files:
        _match(services, f, plan.sender_lsp, parcel_id, kind, plan.email[2] if plan.email else "")
    if parcel_id is not None and len([f for f in plan.files if f.ok]) > 1:
        for f in plan.files[1:]:
            f.problem = f.problem or (f"{f.name}: paket #{parcel_id} dipilih untuk beberapa berkas sekaligus; "
                                      "lampirkan satu per satu.")
    return plan


def _planned(name: str, data: bytes, hint: str, parent: int | None = None) -> PlannedReceipt:
    name = safe_filename(name)
    return PlannedReceipt(name, data, sha256_bytes(data), read_codes(name, data, hint), parent=parent)


def _match(services: Services, f: PlannedReceipt, sender_lsp: Lsp | None, parcel_id: int | None,
           kind: str | None, sender: str) -> None:
    seen = _received_before(f.sha256)
    if seen is not None:
        f.problem = (f"{f.name}: sudah diterima pada {seen.received_at.astimezone():%d-%m-%Y %H:%M} untuk "
                     f"permohonan #{seen.request_id}; tidak disimpan lagi.")
        return
    found: list[tuple[Parcel, str, str]] = []  # (parcel, kind, how)
    unknown: list[str] = []
    for number, how in [(n, "qr") for n in f.codes.qr_numbers] + [(n, "teks") for n in f.codes.text_numbers]:
        parcel = _parcel_for_number(number)
        if parcel is None:
            unknown.append(number)
        else:
            found.append((parcel, LSP, how))
    if not found:
        tokens = set(f.codes.barcodes) | set(f.codes.tokens)
        if tokens:
            for parcel in Parcel.select().where(Parcel.tracking_no.in_(sorted(tokens)) & (Parcel.tracking_no != "")):
                found.append((parcel, COURIER, "resi"))
    parcels = {p.id: (p, k, how) for p, k, how in found}
    if parcel_id is not None:
        chosen = Parcel.get_or_none(Parcel.id == parcel_id)
        if chosen is None:
            f.problem = f"Paket #{parcel_id} tidak ditemukan."
            return
        others = [p for p in parcels.values() if p[0].request_id != chosen.request_id]
        if others:
            p = others[0][0]
            f.problem = (f"{f.name} adalah tanda terima permohonan #{p.request_id} (paket #{p.id}"
                         f"{', ' + p.receipt_number if p.receipt_number else ''}), bukan paket #{chosen.id} "
                         f"(permohonan #{chosen.request_id}).")
            return
        match = parcels.get(chosen.id)
        f.how = match[2] if match else "petugas"
        f.kind = kind or (match[1] if match else (LSP if sender_lsp is not None else None))
        _settle(f, chosen, services.request(chosen.request_id), sender_lsp, sender)
        if not f.problem and f.kind is None:
            f.problem = (f"{f.name}: jenis tanda terima tidak dapat dikenali; pilih tanda terima kurir atau "
                         "tanda terima LSP.")
        return
    if len({p[0].request_id for p in parcels.values()}) > 1:
        named = ", ".join(f"#{p[0].request_id}" for p in parcels.values())
        f.problem = f"{f.name} memuat tanda terima beberapa permohonan ({named}); pilih paketnya."
        f.needs_officer = True
        return
    if not parcels:
        f.needs_officer = True
        if unknown:
            f.problem = (f"{f.name}: tanda terima {', '.join(unknown)} tidak dikenal (tidak ada paket dengan nomor "
                         "itu); pilih paketnya.")
        else:
            f.problem = (f"{f.name}: tidak ada kode QR atau nomor tanda terima (TT-...) maupun nomor resi yang "
                         "terbaca; pilih paketnya.")
        return
    parcel, found_kind, how = next(iter(parcels.values()))
    # the request's parcel in force: a number of a parcel that was re-sent belongs to the new one
    parcel = current_parcel(parcel.request_id) or parcel
    f.how, f.kind = how, kind or found_kind
    _settle(f, parcel, services.request(parcel.request_id), sender_lsp, sender)


def _parcel_for_number(number: str) -> Parcel | None:
    """The parcel a receipt number belongs to: by the number packed with it, else the request it names."""
    parcel = Parcel.select().where(Parcel.receipt_number == number).order_by(Parcel.id.desc()).first()
    if parcel is not None:
        return parcel
    request_id = int(number.rsplit("-", 1)[1])
    candidate = current_parcel(request_id)
    return candidate if candidate is not None and not candidate.receipt_number else None


def _settle(f: PlannedReceipt, parcel: Parcel, req: Request, sender_lsp: Lsp | None, sender: str) -> None:
    """Fill in the parcel (of request `req`, read by the caller), or say why the scan cannot go with it."""
    f.parcel_id, f.request_id = parcel.id, req.id
    ref = f"permohonan #{req.id}" + (f", {parcel.receipt_number}" if parcel.receipt_number else "")
    if req.state == State.CLOSED:
        f.problem = (f"{f.name}: permohonan #{req.id} sudah selesai (kedua tanda terima sudah kembali); "
                     "pindaian tidak disimpan.")
    elif req.state == State.CANCELLED:
        f.problem = f"{f.name}: permohonan #{req.id} sudah dibatalkan; pindaian tidak disimpan."
    elif sender_lsp is not None and req.lsp_id != sender_lsp.id:
        owner = req.lsp.name if req.lsp else "LSP lain"
        f.problem = (f"{f.name}: tanda terima ini milik {owner} ({ref}), tetapi e-mail dikirim oleh "
                     f"{sender_lsp.name} ({sender}).")
    elif parcel.status == PACKED or parcel.pickup_id is None:
        f.problem = f"{f.name}: paket #{parcel.id} ({ref}) belum diserahkan ke kurir."
    elif parcel.resolution:
        f.problem = (f"{f.name}: paket #{parcel.id} ({ref}) {status_label(parcel.status).lower()} dan sudah "
                     "ditindaklanjuti.")
    elif f.kind == COURIER and parcel.courier_receipt_at is not None:
        f.problem = (f"{f.name}: tanda terima kurir paket #{parcel.id} ({ref}) sudah dilampirkan pada "
                     f"{parcel.courier_receipt_at.astimezone():%d-%m-%Y}.")
    elif f.kind == LSP and parcel.lsp_receipt_at is not None:
        f.problem = (f"{f.name}: tanda terima LSP paket #{parcel.id} ({ref}) sudah dilampirkan pada "
                     f"{parcel.lsp_receipt_at.astimezone():%d-%m-%Y}.")


@dataclass(frozen=True)
class ReceiptOutcome:
    name: str
    document_id: int
    parcel_id: int
    request_id: int
    kind: str
    state: str  # the request's state afterwards


def choose(plan: ReceiptPlan, index: int, services: Services, parcel_id: int, kind: str) -> PlannedReceipt:
    """The officer picks the parcel (and kind) of a scan the software could not match; checked again."""
    f = plan.files[index]
    fresh = replace(f, parcel_id=None, request_id=None, kind=None, how="", problem="", needs_officer=False)
    _match(services, fresh, plan.sender_lsp, parcel_id, kind, plan.email[2] if plan.email else "")
    plan.files[index] = fresh
    return fresh


def commit(services: Services, plan: ReceiptPlan) -> list[ReceiptOutcome]:
    """Attach every matched scan to its parcel in one transaction (the e-mail kept as their parent); the first
    receipt back makes the request delivered, the second closes it. Refused whole when any scan is not matched."""
    bad = [f.problem or f"{f.name}: paketnya belum dipilih." for f in plan.files if not f.ok]
    if bad or not plan.files:
        raise RuleError(" ".join(bad + plan.problems) or "Tidak ada pindaian tanda terima untuk dilampirkan.")
    services.storage.assert_writable()
    for f in plan.files:
        services.storage.files.put(f.data)
    email_sha = services.storage.files.put(plan.email[1]) if plan.email else None

    def op():
        outcomes = []
        parent = None
        for f in plan.files:
            recheck = replace(f, problem="")
            parcel = parcel_by_id(f.parcel_id)
            # read once: checked here, then moved along by this operation
            req = services.request(parcel.request_id)
            _settle(recheck, parcel, req, plan.sender_lsp, plan.email[2] if plan.email else "")
            if _received_before(f.sha256) is not None:
                recheck.problem = f"{f.name}: sudah diterima; tidak disimpan lagi."
            if recheck.problem:
                raise RuleError(recheck.problem)
            now = utcnow()
            if plan.email and parent is None and _received_before(email_sha) is None:
                name, data, sender = plan.email
                parent = _document(services, req, "email", name, email_sha, data, None, now, parcel, sender)
            doc = _document(services, req, DOCUMENT_KIND[f.kind], f.name, f.sha256, f.data, parent, now, parcel,
                            plan.email[2] if plan.email else "", how=f.how)
            before = parcel_dict(parcel)
            changes = ({"courier_receipt_at": now, "courier_receipt_doc": doc.id} if f.kind == COURIER
                       else {"lsp_receipt_at": now, "lsp_receipt_doc": doc.id})
            if parcel.status == SHIPPED or parcel.delivered_on is None:
                changes.update(status=DELIVERED, delivered_on=parcel.delivered_on or office_date(services, now))
            services._bump(parcel, None, f"Paket #{parcel.id}", changes)
            services._audit("shipping.receipt_back", "request", req.id, before,
                            {**parcel_dict(parcel), "document": doc.id, "kind": f.kind, "how": f.how})
            if req.state == State.SHIPPED:
                services._enter(req, State.DELIVERED)
            if parcel.courier_receipt_at is not None and parcel.lsp_receipt_at is not None \
                    and req.state == State.DELIVERED:
                services._enter(req, State.CLOSED)
            outcomes.append(ReceiptOutcome(f.name, doc.id, parcel.id, req.id, f.kind, req.state))
        return outcomes

    return services._write(op)


# Asked of every scan when it is matched and again under the write lock: SQL written once (peewee built the select
# anew each time); raw SQL goes to the server untranslated, so it carries the engine's own placeholder.
_RECEIVED_BEFORE = "SELECT request_id, received_at FROM document WHERE sha256 = {p} LIMIT 1"  # sha256 is unique


def _received_before(sha: str) -> Document | None:
    """The first document stored with this content (its request and arrival), or None: not received yet."""
    return next(iter(Document.raw(_RECEIVED_BEFORE.format(p=Document._meta.database.param), sha)), None)


def _document(services: Services, req: Request, kind: str, name: str, sha: str, data: bytes, parent,
              now: datetime, parcel: Parcel, sender: str, how: str = "") -> Document:
    services.storage.files.ensure(data, sha)  # under the write lock (see DocumentStore.ensure)
    detected = detect_type(data, name)
    doc = Document.create(request=req, kind=kind, original_name=name, sha256=sha, size=len(data),
                          media_type=media_type(data, "eml" if kind == "email" else detected), source="receipt",
                          parent=parent, received_at=now, added_by=services.actor.label,
                          analysis={"parcel": parcel.id, "sender": sender, "matched_by": how})
    services._audit("shipping.receipt", "request", req.id, None,
                    {"document": doc.id, "name": name, "kind": kind, "sha256": sha, "parcel": parcel.id})
    return doc


def attach_paths(services: Services, paths, parcel_id: int | None = None, kind: str | None = None):
    """`prepare` + `commit` for files on disk (the CLI): (plan, outcomes); refused when a scan is not matched."""
    from pathlib import Path

    items = [(Path(p).name, Path(p).read_bytes()) for p in paths]
    plan = prepare(services, items, parcel_id, kind)
    return plan, commit(services, plan)


def state_text(state: str) -> str:
    return label(state)
