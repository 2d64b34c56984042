"""Translations, locale and the translated names of core codes (states, kinds, audit actions)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from blanko_desktop import paths
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
    """Make `language` the UI language: our catalogue (source strings are English) plus Qt's own.

    Replaces whatever an earlier call installed, so tests can switch languages in one process.
    Returns False when the Indonesian catalogue is missing (the UI then shows English).
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale_for(language)
    QLocale.setDefault(locale)
    if language == "en":
        return True
    ok = True
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"blanko_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = False
    # Qt ships no Indonesian catalogue today; take it if a later Qt does.
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
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
    return QLocale().toString(QDate(m.year, m.month, m.day), "d MMM yyyy") + f" {m:%H:%M}"


def fmt_date(day: date | None, long: bool = True) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy" if long else "d MMM yyyy")


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
    return labels.get(kind, kind)


def document_kind_label(kind: str) -> str:
    labels = {
        "letter": QCoreApplication.translate("DocumentKind", "Request letter"),
        "minutes": QCoreApplication.translate("DocumentKind", "Assessment minutes"),
        "decision": QCoreApplication.translate("DocumentKind", "Certification decision"),
        "list": QCoreApplication.translate("DocumentKind", "Participant list"),
        "email": QCoreApplication.translate("DocumentKind", "E-mail"),
        "other": QCoreApplication.translate("DocumentKind", "Other"),
    }
    return labels.get(kind, kind)


def closure_kind_label(kind: str) -> str:
    labels = {
        "cuti_bersama": QCoreApplication.translate("ClosureKind", "Collective leave (cuti bersama)"),
        "closure": QCoreApplication.translate("ClosureKind", "Office closed"),
    }
    return labels.get(kind, kind)


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
        "requested_qty": QCoreApplication.translate("RequestField", "Requested"),
        "competent_qty": QCoreApplication.translate("RequestField", "Competent"),
        "not_yet_qty": QCoreApplication.translate("RequestField", "Not yet competent"),
        "approved_qty": QCoreApplication.translate("RequestField", "Approved"),
        "cancel_reason": QCoreApplication.translate("RequestField", "Cancellation reason"),
        "note": QCoreApplication.translate("RequestField", "Note"),
        "reason": QCoreApplication.translate("RequestField", "Reason"),
    }
    return labels.get(key, key)


def audit_action_label(action: str) -> str:
    """An audit action code ('request.verified') as the officer reads it."""
    entity, _, verb = action.partition(".")
    if entity == "request":
        if verb == "create":
            return QCoreApplication.translate("AuditAction", "Recorded")
        if verb == "edit":
            return QCoreApplication.translate("AuditAction", "Edited")
        if verb in {s.value for s in State}:
            return QCoreApplication.translate("AuditAction", "State changed")
    if action.startswith("document."):
        return QCoreApplication.translate("AuditAction", "Document added")
    if action.startswith("finding."):
        return QCoreApplication.translate("AuditAction", "Check finding")
    return action
