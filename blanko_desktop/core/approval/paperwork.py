"""A request's paperwork as PDF, the same for the window and the CLI: which form, its data, number and file name."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from blanko_desktop.core.approval.views import SAVED_PREFIX, PrintedFormView, printed_form_view
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import FORMS, render
from blanko_desktop.core.forms import loaders

#: The forms of one request (the manifest is of a pickup day).
REQUEST_FORMS = ("approval", "receipt", "label", "completion")


@dataclass(frozen=True)
class Paper:
    """A rendered form, ready to preview, print or save."""

    form: str
    request_id: int | None
    number: str  # the number the form carries (a receipt's TT-2026-000123; the label's reference)
    pdf: bytes
    file_name: str  # what 'Simpan sebagai PDF' proposes
    proposed: bool = False  # an approval sheet drawn up for signing, before the approval is recorded

    @property
    def title(self) -> str:
        return FORMS[self.form].title

    @property
    def job_title(self) -> str:
        """The print job's name in the printer queue."""
        return f"blanko-{self.file_name.removesuffix('.pdf')}"


def _stem(form: str) -> str:
    return FORMS[form].file.rsplit(".", 1)[0]


def render_form(services, form: str, request_id: int | None = None, *, pickup: date | None = None,
                signatory_id: int | None = None, quantity: int | None = None, reason: str = "") -> Paper:
    """The PDF of `form` for a request (`manifest`: for the pickup day). The approval sheet of a verified
    request is the one proposed for signing (`signatory_id`, `quantity`, `reason` as the approval would take
    them); of an approved request, the approval recorded."""
    if form not in FORMS:
        raise RuleError(f"Formulir '{form}' tidak dikenal (pilihan: {', '.join(FORMS)}).")
    if form == "manifest":
        if pickup is None:
            raise RuleError("Daftar serah terima kurir dibuat per hari penjemputan: sebutkan tanggalnya.")
        from blanko_desktop.core.shipping.pickups import day_manifest_data

        data = day_manifest_data(services, pickup)  # the day as the Pengiriman tab shows it
        return Paper(form, None, pickup.isoformat(), render(form, data), f"{_stem(form)}-{pickup.isoformat()}.pdf")
    if request_id is None:
        raise RuleError(f"{FORMS[form].title} dibuat untuk satu permohonan: sebutkan nomornya.")
    number, proposed = "", False
    if form == "approval":
        state = services.request(request_id).state
        data = loaders.approval_sheet_data(services, request_id, signatory_id, quantity, reason)
        proposed = state == "verified"
    elif form == "receipt":
        data = loaders.receipt_data(services, request_id)
        number = data.number
    elif form == "label":
        data = loaders.label_data(services, request_id)
        number = data.reference
    else:
        data = loaders.completion_letter_data(services, request_id)
    return Paper(form, request_id, number, render(form, data), f"{_stem(form)}-{request_id:06d}.pdf", proposed)


def write_pdf(pdf: bytes, path: Path) -> None:
    """Write the file whole or not at all (a half-written PDF on a shared drive would be taken for the form)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".blanko-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_pdf(services, paper: Paper, path: Path) -> PrintedFormView:
    """Save the form as a PDF file and log it as produced (printer 'PDF: <path>'): a receipt saved to be sent
    or printed elsewhere counts like a printed one."""
    from blanko_desktop.core.forms.printlog import log_printed

    path = Path(path).expanduser().absolute()
    try:
        write_pdf(paper.pdf, path)
    except OSError as exc:
        raise RuleError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}.") from None
    row = log_printed(services, paper.form, paper.pdf, paper.request_id, printer=f"{SAVED_PREFIX}{path}",
                      copies=1, number=paper.number)
    return printed_form_view(services, row.id)


def stored_paper(services, printed: PrintedFormView) -> Paper:
    """A form as it was printed (the kept PDF), for a reprint that gives exactly the same sheet."""
    try:
        pdf = services.storage.files.read(printed.sha256)
    except OSError:
        pdf = b""
    if hashlib.sha256(pdf).hexdigest() != printed.sha256:
        raise RuleError(f"PDF {printed.title.lower()} yang dicetak {printed.printed_at:%d-%m-%Y %H:%M} hilang atau "
                        "berubah di penyimpanan dokumen; jalankan pemeriksaan basis data (blanko check).")
    name = (f"{_stem(printed.form)}-{printed.request_id:06d}.pdf" if printed.request_id is not None
            else f"{_stem(printed.form)}.pdf") if printed.form in FORMS else "formulir.pdf"
    return Paper(printed.form, printed.request_id, printed.number, pdf, name)
