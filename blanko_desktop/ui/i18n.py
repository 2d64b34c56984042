"""Translations, locale and the translated names of core codes (states, kinds, audit actions)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from blanko_desktop import paths
from blanko_desktop.core import labels as core_labels
from blanko_desktop.core.workflow import State

LANGUAGES = ("id", "en")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def locale_for(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def install(app: QCoreApplication, language: str) -> bool:
    """Make `language` the UI language: our catalogue plus Qt's own strings (file dialogs, buttons).

    The source strings are English; the English catalogue holds only their plural forms ("1 request",
    "2 requests": without it Qt shows "1 request(s)"). Replaces whatever an earlier call installed, so
    tests can switch languages in one process. Returns False when our catalogue for `language` is missing.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale_for(language)
    QLocale.setDefault(locale)
    if language != "en":
        # Qt ships no Indonesian catalogue of itself (checked with PySide6 6.12): the dialogs Qt draws
        # (file dialogs where the platform has no native one, message boxes) use ours, qtbase_id.qm.
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) \
                or qt.load(str(translations_dir() / f"qtbase_{language}.qm")):
            app.installTranslator(qt)
            _installed.append(qt)
    ours = QTranslator(app)  # installed last, so asked first
    ok = ours.load(str(translations_dir() / f"blanko_{language}.qm"))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    return ok


# -- dates and times ---------------------------------------------------------------------------------

_office_zone: tzinfo | None = None


def set_office_zone(zone: tzinfo | None) -> None:
    """Show times on the office clock (the settings' time zone), whatever zone this PC is set to:
    due times are counted in office hours, so they must read as such."""
    global _office_zone
    _office_zone = zone


def local(moment: datetime) -> datetime:
    """A stored (aware) time on the office clock (this workstation's until the office zone is known)."""
    return moment.astimezone(_office_zone) if _office_zone else moment.astimezone()


def office_time(naive: datetime) -> datetime:
    """A time the officer typed (as shown by `local`) made aware."""
    return naive.replace(tzinfo=_office_zone) if _office_zone else naive.astimezone()


def fmt_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    m = local(moment)
    return QLocale().toString(QDate(m.year, m.month, m.day), DATE_FORMAT) + f" {m:%H:%M}"


DATE_FORMAT = "d MMM yyyy"  # every date the window shows: "29 Nov 2026" (times add " 16:00")


def fmt_date(day: date | None, long: bool = False) -> str:
    """A date in the one format of the window ("29 Nov 2026"); `long` is accepted and ignored (one format)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), DATE_FORMAT)


def weekday_name(weekday: int) -> str:
    """Monday = 0, in the UI language."""
    return QLocale().dayName(weekday + 1)


# -- core codes --------------------------------------------------------------------------------------

def state_label(state: str) -> str:
    """A request state in the UI language (Indonesian: the same words as workflow.LABELS_ID)."""
    labels = {
        State.RECEIVED: QCoreApplication.translate("State", "Received"),
        State.WAITING_LSP: QCoreApplication.translate("State", "Waiting on LSP"),
        State.VERIFIED: QCoreApplication.translate("State", "Verified"),
        State.APPROVED: QCoreApplication.translate("State", "Approved"),
        State.PACKED: QCoreApplication.translate("State", "Packed"),
        State.SHIPPED: QCoreApplication.translate("State", "Handed to courier"),
        State.DELIVERED: QCoreApplication.translate("State", "Delivered"),
        State.CLOSED: QCoreApplication.translate("State", "Closed"),
        State.CANCELLED: QCoreApplication.translate("State", "Cancelled"),
    }
    try:
        return labels[State(state)]
    except ValueError:
        return state


def transition_label(current: str, target: str) -> str:
    """What the button that moves a request from `current` to `target` says."""
    target = State(target)
    if target is State.RECEIVED and current == State.WAITING_LSP:
        return QCoreApplication.translate("Transition", "New documents arrived")
    labels = {
        State.RECEIVED: QCoreApplication.translate("Transition", "Back to received"),
        State.WAITING_LSP: QCoreApplication.translate("Transition", "Incomplete: ask the LSP to complete"),
        State.VERIFIED: QCoreApplication.translate("Transition", "Complete: mark verified"),
        State.APPROVED: QCoreApplication.translate("Transition", "Approved by the echelon-4 official"),
        State.PACKED: QCoreApplication.translate("Transition", "Mark packed"),
        State.SHIPPED: QCoreApplication.translate("Transition", "Handed to the courier"),
        State.DELIVERED: QCoreApplication.translate("Transition", "First receipt back"),
        State.CLOSED: QCoreApplication.translate("Transition", "Both receipts back: close"),
        State.CANCELLED: QCoreApplication.translate("Transition", "Cancel request…"),
    }
    return labels[target]


def kind_label(kind: str) -> str:
    labels = {
        "new": QCoreApplication.translate("Kind", "New blanks"),
        "replacement": QCoreApplication.translate("Kind", "Replacement of damaged blanks"),
    }
    return _known(labels, kind, core_labels.request_kind)


def document_kind_label(kind: str) -> str:
    labels = {
        "letter": QCoreApplication.translate("DocumentKind", "Request letter"),
        "minutes": QCoreApplication.translate("DocumentKind", "Assessment minutes"),
        "decision": QCoreApplication.translate("DocumentKind", "Certification decision"),
        "list": QCoreApplication.translate("DocumentKind", "Participant list"),
        "email": QCoreApplication.translate("DocumentKind", "E-mail"),
        "other": QCoreApplication.translate("DocumentKind", "Other"),
        "completion": QCoreApplication.translate("DocumentKind", "Completion request"),
        "approval_scan": QCoreApplication.translate("DocumentKind", "Scan of the approval sheet"),
    }
    return _known(labels, kind, core_labels.document_kind)


def closure_kind_label(kind: str) -> str:
    labels = {
        "cuti_bersama": QCoreApplication.translate("ClosureKind", "Collective leave (cuti bersama)"),
        "closure": QCoreApplication.translate("ClosureKind", "Office closed"),
    }
    return _known(labels, kind, core_labels.closure_kind)


def request_field_label(key: str) -> str:
    labels = {
        "lsp_id": QCoreApplication.translate("RequestField", "LSP"),
        "kind": QCoreApplication.translate("RequestField", "Kind"),
        "state": QCoreApplication.translate("RequestField", "State"),
        "letter_number": QCoreApplication.translate("RequestField", "Letter no."),
        "letter_date": QCoreApplication.translate("RequestField", "Letter date"),
        "sender": QCoreApplication.translate("RequestField", "Sender"),
        "subject": QCoreApplication.translate("RequestField", "Subject"),
        "received_at": QCoreApplication.translate("RequestField", "Received"),
        "due_at": QCoreApplication.translate("RequestField", "Due"),
        "clock_running": QCoreApplication.translate("RequestField", "Clock running"),
        "clock_started_at": QCoreApplication.translate("RequestField", "Clock started"),
        "requested_qty": QCoreApplication.translate("RequestField", "Requested"),
        "competent_qty": QCoreApplication.translate("RequestField", "Competent"),
        "not_yet_qty": QCoreApplication.translate("RequestField", "Not yet competent"),
        "approved_qty": QCoreApplication.translate("RequestField", "Approved"),
        "cancel_reason": QCoreApplication.translate("RequestField", "Cancellation reason"),
        "note": QCoreApplication.translate("RequestField", "Note"),
        "reason": QCoreApplication.translate("RequestField", "Reason"),
    }
    return labels.get(key, "")


def has_request_field_label(key: str) -> bool:
    return bool(request_field_label(key))


def audit_action_labels() -> dict[str, str]:
    """Every audit action the core writes, in the UI language (Indonesian: the words of core/labels.py)."""
    translate = QCoreApplication.translate
    return {
        "request.create": translate("AuditAction", "Recorded"),
        "request.edit": translate("AuditAction", "Edited"),
        "request.due_recomputed": translate("AuditAction", "Due time computed again"),
        "document.add": translate("AuditAction", "Document added"),
        "document.kind": translate("AuditAction", "Document kind changed"),
        "finding.accept": translate("AuditAction", "Check finding accepted"),
        "finding.reopen": translate("AuditAction", "Check finding reopened"),
        "completion.write": translate("AuditAction", "Completion request written"),
        "demo.bulk_insert": translate("AuditAction", "Demo data filled in"),
        "closure.add": translate("AuditAction", "Holiday entered"),
        "closure.remove": translate("AuditAction", "Holiday removed"),
        "setting.change": translate("AuditAction", "Settings changed"),
        "lsp.add": translate("AuditAction", "LSP registered"),
        "lsp.edit": translate("AuditAction", "LSP edited"),
        "signatory.add": translate("AuditAction", "Signatory added"),
        "signatory.edit": translate("AuditAction", "Signatory edited"),
        "approval.add": translate("AuditAction", "Approval recorded"),
        "approval.cancel": translate("AuditAction", "Approval withdrawn"),
        "approval.scan": translate("AuditAction", "Scan of the approval sheet attached"),
        "form.print": translate("AuditAction", "Form printed"),
        "stock.receive": translate("AuditAction", "Blanks received from the printer"),
        "stock.issue": translate("AuditAction", "Blanks issued"),
        "stock.spoil": translate("AuditAction", "Blanks spoiled in the office recorded"),
        "stock.return_damaged": translate("AuditAction", "Damaged blanks returned by the LSP"),
        "stock.reverse": translate("AuditAction", "Stock movement reversed"),
        "stock.cancel_issue": translate("AuditAction", "Issue of blanks cancelled"),
        "stock.count": translate("AuditAction", "Stock count recorded"),
        "stock.count_settled": translate("AuditAction", "Stock count difference settled"),
        "stock.line": translate("AuditAction", "Stock ledger line recorded"),
    }


def audit_action_label(action: str) -> str:
    """An audit action code ('request.verified') as the officer reads it; never the code itself.

    An action this table does not know yet (added in the core later) falls back to the core's Indonesian
    label: another language for a moment is better than a raw key on the screen.
    """
    labels = audit_action_labels()
    if action in labels:
        return labels[action]
    entity, _, verb = action.partition(".")
    if entity == "request" and verb in {s.value for s in State}:
        return QCoreApplication.translate("AuditAction", "State changed")
    return core_labels.audit_action(action)


def _known(labels: dict[str, str], code: str, core_label) -> str:
    """The UI label of a code, else the core's Indonesian one (a code added in the core later)."""
    return labels.get(code) or core_label(code)
