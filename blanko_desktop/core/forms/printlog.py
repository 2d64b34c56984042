"""The printed-forms log: each print (or save) keeps the very PDF and who printed it where, after it succeeded."""

from __future__ import annotations

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import FORMS
from blanko_desktop.core.models import PrintedForm, utcnow
from blanko_desktop.core.services import Services


def log_printed(services: Services, form: str, pdf: bytes, request_id: int | None = None, printer: str = "",
                copies: int = 1, number: str = "") -> PrintedForm:
    """Record a form that has been printed (or saved: printer ''): the PDF in the document store, a log row,
    the audit entry, one transaction. Call it only after the print succeeded; a reprint is a new row."""
    if form not in FORMS:
        raise RuleError(f"Formulir '{form}' tidak dikenal (pilihan: {', '.join(FORMS)}).")
    if copies < 1:
        raise RuleError(f"Jumlah salinan harus lebih dari 0 (diisi: {copies}).")
    if not pdf.startswith(b"%PDF-"):
        raise RuleError(f"Formulir '{form}' yang akan dicatat bukan PDF.")
    if request_id is not None:
        services.request(request_id)
    sha = services.storage.files.put(pdf)  # content-addressed; a refused save leaves an orphan for repair

    def op():
        services.storage.files.ensure(pdf, sha)  # under the write lock (see DocumentStore.ensure)
        row = PrintedForm.create(request=request_id, form=form, sha256=sha, printer=printer, copies=copies,
                                 number=number, printed_at=utcnow(), printed_by=services.actor.label)
        services._audit("form.print", "printed_form", row.id, None,
                        {"form": form, "request": request_id, "printer": printer, "copies": copies,
                         "number": number, "sha256": sha})
        return row

    return services._write(op)


def printed_forms(request_id: int | None = None) -> list[PrintedForm]:
    """The log, newest first; of one request when given."""
    query = PrintedForm.select().order_by(PrintedForm.id.desc())
    return list(query.where(PrintedForm.request == request_id) if request_id is not None else query)
