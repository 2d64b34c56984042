"""Which LSP a request from an unknown sender belongs to: suggested only on evidence, always with the reason;
what a new LSP's registration is pre-filled with; and assigning the LSP to the request."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Request
from blanko_desktop.core.services import Services
from blanko_desktop.core.services.registry import PUBLIC_SUFFIXES, SHARED_MAIL_DOMAINS
from blanko_desktop.core.services.views import LspView

# two names this alike are the same body written differently ("Kreatif" / "Kreative"); below it, no suggestion
NAME_LIKENESS = 0.9


@dataclass(frozen=True)
class LspSuggestion:
    """The LSP to pre-select, and why; `lsp_id` None means the evidence disagrees (the reason says how)."""

    lsp_id: int | None
    lsp_name: str
    reason: str


@dataclass(frozen=True)
class LspDraft:
    """A new LSP as the letter and the e-mail describe it, for the officer to check and complete."""

    name: str = ""
    address: str = ""
    city: str = ""
    postal_code: str = ""
    phone: str = ""
    emails: tuple[str, ...] = ()


def name_key(name: str) -> str:
    """An LSP name compared without 'LSP'/'Lembaga Sertifikasi Profesi', case, punctuation or spacing."""
    name = re.sub(r"lembaga\s+sertifikasi\s+profesi|\blsp\b", " ", (name or "").lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower() if "@" in address else ""


def _shared(domain: str) -> bool:
    return domain in SHARED_MAIL_DOMAINS or domain in PUBLIC_SUFFIXES


def _by_sender(lsps: Sequence[LspView], sender: str) -> list[tuple[LspView, str]]:
    sender = (sender or "").strip().lower()
    domain = _domain(sender)
    if not domain:
        return []
    hits = []
    for lsp in lsps:
        if sender in lsp.emails:
            hits.append((lsp, f"alamat pengirim {sender} terdaftar untuk LSP ini"))
        elif any(domain == d or domain.endswith("." + d) for d in lsp.domains):
            hits.append((lsp, f"domain pengirim {domain} terdaftar untuk LSP ini"))
        elif not _shared(domain):
            same = next((e for e in lsp.emails if _domain(e) == domain), None)
            if same:
                hits.append((lsp, f"domain pengirim {domain} sama dengan alamat terdaftar {same}"))
    return hits


def _by_letterhead(lsps: Sequence[LspView], letterhead: str | None) -> list[tuple[LspView, str]]:
    key = name_key(letterhead or "")
    if not key:
        return []
    exact = [lsp for lsp in lsps if name_key(lsp.name) == key]
    if exact:
        return [(lsp, f"nama pada kop surat (\u201c{letterhead}\u201d) sama dengan nama LSP ini") for lsp in exact]
    scored = sorted(((difflib.SequenceMatcher(None, key, name_key(lsp.name)).ratio(), lsp) for lsp in lsps),
                    key=lambda pair: -pair[0])
    if scored and scored[0][0] >= NAME_LIKENESS and (len(scored) == 1 or scored[1][0] < NAME_LIKENESS):
        return [(scored[0][1], f"nama pada kop surat (\u201c{letterhead}\u201d) hampir sama dengan nama LSP ini")]
    return []


def suggest(lsps: Sequence[LspView], sender: str, letterhead: str | None) -> LspSuggestion | None:
    """The LSP the evidence points to — the sender's address or domain, the letterhead's name — or None when
    there is none. Evidence pointing at two LSPs suggests neither and says so."""
    hits = _by_sender(lsps, sender) + _by_letterhead(lsps, letterhead)
    if not hits:
        return None
    ids = {lsp.id for lsp, _ in hits}
    if len(ids) > 1:
        names = sorted({lsp.name for lsp, _ in hits})
        reasons = "; ".join(f"{lsp.name}: {why}" for lsp, why in hits)
        return LspSuggestion(None, "", f"Petunjuk tidak sejalan ({' / '.join(names)}): {reasons}. Pilih sendiri.")
    lsp = hits[0][0]
    reasons = "; ".join(dict.fromkeys(why for _, why in hits))
    return LspSuggestion(lsp.id, lsp.name, reasons[:1].upper() + reasons[1:] + ".")


def _title(name: str) -> str:
    """'LSP INDUSTRI KREATIF SULAWESI' as 'LSP Industri Kreatif Sulawesi' (a name typed in capitals)."""
    if not name.isupper():
        return name
    small = {"DAN", "DI", "KE", "DARI", "UNTUK"}
    words = []
    for i, word in enumerate(name.split()):
        if word in ("LSP", "BNSP", "TIK", "K3") or any(c.isdigit() for c in word):
            words.append(word)
        elif word in small and i:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


_CITY_TAIL = re.compile(r",\s*([A-Za-z][A-Za-z .'\-]+?)\s*(\d{5})?\s*$")


def draft(sender: str, letterhead: str | None, address: str | None = None, phone: str | None = None) -> LspDraft:
    """The registration of a new LSP pre-filled from the letter (name, address, city, postal code, phone) and the
    e-mail (the sender's address)."""
    city = postal = ""
    street = (address or "").strip()
    tail = _CITY_TAIL.search(street)
    if tail:
        city, postal = tail.group(1).strip(), tail.group(2) or ""
        street = street[:tail.start()].strip()
    sender = (sender or "").strip().lower()
    return LspDraft(name=_title((letterhead or "").strip()), address=street, city=city, postal_code=postal,
                    phone=(phone or "").strip(), emails=(sender,) if "@" in sender else ())


def _letter_of(services: Services, request_id: int):
    """The letter's reading (LetterInfo) of the request's latest letter, or None."""
    from blanko_desktop.core.verification.checklist import _analysed

    letters = [d for d in services.documents(request_id) if d.kind == "letter"]
    for doc in reversed(letters):
        analysis = _analysed(services, doc)
        if analysis.letter is not None:
            return analysis.letter
    return None


def for_request(services: Services, request_id: int) -> tuple[LspSuggestion | None, LspDraft]:
    """The suggestion and the new-LSP draft for a request whose LSP is not set (reads its letter)."""
    req = services.request(request_id)
    letter = _letter_of(services, request_id)
    name = letter.lsp_name if letter else None
    suggestion = suggest(services.lsp_views(active_only=True), req.sender, name)
    return suggestion, draft(req.sender, name, letter.lsp_address if letter else None,
                             letter.lsp_phone if letter else None)


def for_plan(services: Services, plan) -> tuple[LspSuggestion | None, LspDraft]:
    """The same for a prepared intake (reception.IntakePlan) whose sender is not registered."""
    letter = next((f.analysis.letter for f in plan.files
                   if f.analysis is not None and f.analysis.kind == "letter" and f.analysis.letter is not None), None)
    name = letter.lsp_name if letter else None
    suggestion = suggest(services.lsp_views(active_only=True), plan.sender, name)
    return suggestion, draft(plan.sender, name, letter.lsp_address if letter else None,
                             letter.lsp_phone if letter else None)


def assign(services: Services, request_id: int, lsp_id: int, remember_sender: bool = False,
           expected_version: int | None = None) -> Request:
    """Set the request's LSP; with `remember_sender`, the request's sender address is added to that LSP (one
    transaction, audited) so its next e-mail is recognised."""
    if lsp_id is None:
        raise RuleError(f"Pilih LSP untuk permohonan #{request_id} dulu.")

    def op():
        req = services.update_request(request_id, expected_version, lsp_id=lsp_id)
        sender = (req.sender or "").strip().lower()
        if remember_sender and "@" in sender and services.lsp_for_sender(sender) is None:
            services.add_lsp_address(lsp_id, sender)
        return req

    return services.storage.write(op)
