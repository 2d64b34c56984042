"""What the Verifikasi tab shows of one request, read on a worker thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from blanko_desktop import paths
from blanko_desktop.core.services import Services
from blanko_desktop.core.services.views import DocumentView, LspView, RequestView
from blanko_desktop.ui.lazy import checklist_core, completion, lsp_suggestion, reception

if TYPE_CHECKING:  # the intake stack loads on first use, not at start-up
    from blanko_desktop.core.verification.checklist import Checklist
    from blanko_desktop.core.verification.completion import CompletionStatus
    from blanko_desktop.core.verification.lsp_suggestion import LspDraft, LspSuggestion


@dataclass
class Verification:
    """One request's check: the checklist and what the officer may do next."""

    request: RequestView
    lsp_name: str | None
    checklist: Checklist
    documents: list[DocumentView]
    letter_readable: bool   # the letter's text gave the number of blanks asked for
    problems: list[str]     # what the completion e-mail would list (the LSP's points only)
    completion: CompletionStatus | None = None  # the latest completion e-mail: drafted, or gone and how
    lsps: tuple[LspView, ...] = ()              # for the LSP picker, when the request has none
    suggestion: LspSuggestion | None = None
    draft: LspDraft | None = None


def load_verification(services: Services, request_id: int) -> Verification:
    cl = checklist_core.build(services, request_id)
    req = services.request_view(request_id)
    docs = [d for d in services.document_views(request_id) if d.kind not in ("email", "completion")]
    readable = any(((d.analysis or {}).get("counts") or {}).get("requested") is not None
                   for d in docs if d.kind == "letter")
    result = Verification(req, req.lsp_name or None, cl, docs, readable, completion.problem_lines(cl),
                          completion.status(services, request_id))
    if req.lsp_id is None:
        result.lsps = tuple(services.lsp_views(active_only=True))
        result.suggestion, result.draft = lsp_suggestion.for_request(services, request_id)
    return result


def participants_of(services: Services, doc: DocumentView):
    """The rows of a participant list (the analysis the checklist made is reused)."""
    analysis = reception.cached_analysis(doc.sha256, doc.original_name, lambda: services.storage.files.read(doc.sha256))
    return analysis.participants, analysis.findings


def completion_folder() -> Path:
    """Where completion e-mail drafts are written (a copy is also kept with the request)."""
    return paths.data_dir() / "kelengkapan"


def draft_text(services: Services, document_id: int) -> str:
    """The body of a stored completion draft (to copy it again)."""
    import email
    from email import policy

    doc = services.document_view(document_id)
    if doc is None:
        return ""
    message = email.message_from_bytes(services.storage.files.read(doc.sha256), policy=policy.default)
    return message.get_content().rstrip("\n") if not message.is_multipart() else ""
