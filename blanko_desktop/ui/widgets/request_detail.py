"""One request in detail: its data, documents, history, and the moves the procedure allows next."""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core import workflow
from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.clock import now as utcnow
from blanko_desktop.core.services.views import RequestView
from blanko_desktop.core.workflow import State
from blanko_desktop.ui import i18n
from blanko_desktop.ui.intake.router import DropRouter
from blanko_desktop.ui.operations import Changes
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.stored_file import open_copy

SKIP_IN_SUMMARY = {"id", "version", "clock_running"}
NARROW_PANE = 520  # px: below this the documents list leaves out its received column


class CancelDialog(QDialog):
    """Asks why a request is cancelled; the reason is required and goes into the audit log."""

    def __init__(self, request_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel request #%1").replace("%1", str(request_id)))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Cancelling is final: the request leaves the procedure for good. "
                               "Give the reason (it is kept in the history)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Reason:"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Cancel the request"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.resize(420, 240)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class RequestDetail(QWidget):
    """The detail pane beside the requests table; files dropped onto it are added to the request shown."""

    transitioned = Signal(int, str)
    verify_requested = Signal(int)  # open the completeness check (Verifikasi) of this request

    def __init__(self, session: Session, parent: QWidget | None = None, drops: DropRouter | None = None):
        super().__init__(parent)
        self.session = session
        self.drops = drops
        self.setAcceptDrops(drops is not None)
        self.check_button: QPushButton | None = None
        self._docs: dict = {}
        self.request_id: int | None = None
        self.waiting_since: datetime | None = None
        self.version: int | None = None
        self.state: str | None = None
        self.action_buttons: dict[State, QPushButton] = {}

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.placeholder = QLabel(self.tr("Select a request to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.stack.addWidget(self.placeholder)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.scroll.setWidget(body)
        self.stack.addWidget(self.scroll)
        layout = QVBoxLayout(body)

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.urgency = QLabel()
        self.urgency.setWordWrap(True)
        layout.addWidget(self.urgency)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("lsp", self.tr("LSP:")), ("state", self.tr("State:")), ("kind", self.tr("Kind:")),
            ("sender", self.tr("Sender:")), ("subject", self.tr("Subject:")),
            ("letter", self.tr("Letter no.:")), ("letter_date", self.tr("Letter date:")),
            ("received", self.tr("Received:")), ("due", self.tr("Due:")),
            ("quantities", self.tr("Quantities:")), ("cancel_reason", self.tr("Cancellation reason:")),
            ("note", self.tr("Note:")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self._form = form
        layout.addLayout(form)

        self.actions_box = QGroupBox(self.tr("Next step"))
        actions_outer = QVBoxLayout(self.actions_box)
        self.actions_layout = QGridLayout()
        actions_outer.addLayout(self.actions_layout)
        self.keys_hint = QLabel(self.tr("From the table: Enter comes here, Tab moves on, Enter presses the "
                                        "button, Esc goes back to the table."))
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setEnabled(False)  # greyed: a hint, not content
        actions_outer.addWidget(self.keys_hint)
        layout.addWidget(self.actions_box)

        docs_box = QGroupBox(self.tr("Documents"))
        docs_layout = QVBoxLayout(docs_box)
        self.documents = QTreeWidget()
        self.documents.setRootIsDecorated(False)
        self.documents.setHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Received")])
        self.documents.setRootIsDecorated(False)
        self.documents.setAlternatingRowColors(True)
        self.documents.itemActivated.connect(self._open_document)
        self.documents.setToolTip(self.tr("Double-click or press Enter to open a copy of the file."))
        self.documents_empty = QLabel(self.tr("No documents stored for this request yet."))
        self.documents_empty.setEnabled(False)
        docs_layout.addWidget(self.documents)
        docs_layout.addWidget(self.documents_empty)
        layout.addWidget(docs_box)

        history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history_box)
        # rich text wraps to the pane's width: long before → after summaries stay readable
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history_rows: list[tuple[str, str, str, str]] = []
        history_layout.addWidget(self.history)
        layout.addWidget(history_box)
        layout.addStretch(1)

        self.documents.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.setStyleSheet("QTreeView::item { padding: 2px 0; }")

        self.show_request(None)

    # -- showing ------------------------------------------------------------------------------------

    def show_request(self, request_id: int | None) -> None:
        another = request_id != self.request_id
        self.request_id = request_id
        if request_id is None:
            self.version = self.state = None
            self._clear_actions()
            self.stack.setCurrentWidget(self.placeholder)
            return
        services = self.session.services
        try:
            req = services.request_view(request_id)
        except BlankoError:
            self.show_request(None)
            return
        self.version, self.state = req.version, req.state
        self._fill_documents(request_id)
        self._fill_history(request_id)
        self._fill(req)
        self._fill_actions(req)
        self.stack.setCurrentWidget(self.scroll)
        if another:  # a new request starts at its number and urgency, not where the last one was scrolled to
            self.scroll.verticalScrollBar().setValue(0)

    def reload(self) -> None:
        self.show_request(self.request_id)

    def _fill(self, req: RequestView) -> None:
        lsp_name = req.lsp_name or self.tr("(unknown sender)")
        self.title.setText(self.tr("Request #%1 — %2").replace("%1", str(req.id)).replace("%2", lsp_name))
        f = self.fields
        f["lsp"].setText(lsp_name)
        f["state"].setText(i18n.state_label(req.state))
        f["kind"].setText(i18n.kind_label(req.kind))
        f["sender"].setText(req.sender or "—")
        f["subject"].setText(req.subject or "—")
        f["letter"].setText(req.letter_number or "—")
        f["letter_date"].setText(i18n.fmt_date(req.letter_date) or "—")
        f["received"].setText(i18n.fmt_datetime(req.received_at))
        f["due"].setText(self._due_text(req))
        f["quantities"].setText(self._quantities(req))
        f["cancel_reason"].setText(req.cancel_reason)
        f["note"].setText(req.note)
        self._form.setRowVisible(f["cancel_reason"], bool(req.cancel_reason))
        self._form.setRowVisible(f["note"], bool(req.note))

        now = utcnow()
        text, style = "", ""
        if req.clock_running and req.due_at and req.due_at < now:
            text = self.tr("Overdue: the one-working-day limit passed at %1.").replace(
                "%1", i18n.fmt_datetime(req.due_at))
            style = "color: #a31515; font-weight: bold;"
        elif req.clock_running and req.due_at and i18n.local(req.due_at).date() == i18n.local(now).date():
            text = self.tr("Due today at %1.").replace("%1", f"{i18n.local(req.due_at):%H:%M}")
            style = "color: #8a5a00; font-weight: bold;"
        self.urgency.setText(text)
        self.urgency.setStyleSheet(style)
        self.urgency.setVisible(bool(text))

    def _due_text(self, req: RequestView) -> str:
        """The due time while the clock runs; otherwise why there is none."""
        if req.clock_running and req.due_at:
            return i18n.fmt_datetime(req.due_at)
        if req.state == State.WAITING_LSP:
            since = self.waiting_since
            if since is None:
                return self.tr("clock stopped: waiting on the LSP")
            return self.tr("clock stopped: waiting on the LSP since %1").replace("%1", i18n.fmt_datetime(since))
        if req.state in (State.PACKED, State.SHIPPED, State.DELIVERED):
            return self.tr("— (packed: the secretariat's part is done)")
        return "—"

    def _quantities(self, req: RequestView) -> str:
        parts = []
        for value, label in ((req.requested_qty, self.tr("requested %1")),
                             (req.competent_qty, self.tr("competent %1")),
                             (req.not_yet_qty, self.tr("not yet competent %1")),
                             (req.approved_qty, self.tr("approved %1"))):
            if value is not None:
                parts.append(label.replace("%1", str(value)))
        return ", ".join(parts) if parts else "—"

    def _fill_documents(self, request_id: int) -> None:
        self.documents.clear()
        docs = self.session.services.document_views(request_id)
        self._docs = {doc.id: doc for doc in docs}
        for doc in docs:
            item = QTreeWidgetItem([doc.original_name, i18n.document_kind_label(doc.kind),
                                    _size_text(doc.size), i18n.fmt_datetime(doc.received_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(0, self.tr("%1 — received %2").replace("%1", doc.original_name).replace(
                "%2", i18n.fmt_datetime(doc.received_at)))
            self.documents.addTopLevelItem(item)
        self.documents.setVisible(bool(docs))
        self.documents_empty.setVisible(not docs)
        if docs:
            rows = self.documents.sizeHintForRow(0) * min(len(docs), 8)
            self.documents.setFixedHeight(rows + self.documents.header().sizeHint().height()
                                          + 2 * self.documents.frameWidth() + 4)

    def _fill_history(self, request_id: int) -> None:
        """The request's history, newest first (what just happened is what the officer looks for)."""
        lsp_names = {lsp.id: lsp.name for lsp in self.session.services.lsp_views()}
        doc_names = {doc_id: doc.original_name for doc_id, doc in self._docs.items()}
        self.history_rows = []
        self.waiting_since = None
        parts = []
        events = self.session.services.history_entries(request_id)
        for event in events:
            if event.action == f"request.{State.WAITING_LSP.value}":
                self.waiting_since = event.at
        for event in reversed(events):
            row = (i18n.fmt_datetime(event.at), event.who, i18n.audit_action_label(event.action),
                   describe(event.action, event.before, event.after, lsp_names, doc_names))
            self.history_rows.append(row)
            when, who, action, change = (html.escape(x) for x in row)
            parts.append(f"<p style='margin:0 0 6px 0'><b>{when}</b> &nbsp;{action}"
                         f" &nbsp;<span style='color:#666'>{who}</span>"
                         + (f"<br/>{change}" if change else "") + "</p>")
        self.history.setText("".join(parts))

    def _clear_actions(self) -> None:
        buttons = list(self.action_buttons.values()) + ([self.check_button] if self.check_button else [])
        for button in buttons:
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        self.check_button = None

    def _fill_actions(self, req: RequestView) -> None:
        self._clear_actions()
        # only the moves that need no record (wait for the LSP, back to the queue, cancel); the states that stand
        # for records (verified, approved, packed…) are entered by their operations, never by a bare button
        order = list(State)
        targets = sorted(workflow.generic_targets(req.state), key=order.index)
        n = 0
        if req.state == State.RECEIVED:
            # complete or not is the checklist's verdict: both ways out start in the Verifikasi tab
            targets = [t for t in targets if t is not State.WAITING_LSP]
            self.check_button = QPushButton(self.tr("Check completeness…"))
            self.check_button.setObjectName("open_verification")
            self.check_button.setToolTip(self.tr("The four documents, the counts and the findings; from there the "
                                                 "request goes on to approval or back to the LSP."))
            self.check_button.clicked.connect(lambda: self.verify_requested.emit(req.id))
            self.actions_layout.addWidget(self.check_button, 0, 0)
            n = 1
        for target in targets:
            button = QPushButton(i18n.transition_label(req.state, target))
            button.setObjectName(f"transition_{target.value}")
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self.actions_layout.addWidget(button, n // 2, n % 2)
            self.action_buttons[target] = button
            n += 1
        if self.session.read_only:  # nothing can be saved: offer no move (the window's banner says why)
            for button in self.action_buttons.values():
                button.setEnabled(False)
                button.setToolTip(self.tr("The database is read-only: no change can be saved."))
        self.actions_box.setVisible(n > 0)

    def focus_first_action(self) -> None:
        for button in ([self.check_button] if self.check_button else []) + list(self.action_buttons.values()):
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.scroll.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a narrow pane (a 1024 px screen) keeps the file names readable: the received time is in their tooltip
        self.documents.setColumnHidden(3, self.width() < NARROW_PANE)

    # -- drops: add to the request shown ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.drops is not None:
            self.drops.enter(event, self.request_id)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.drops is not None:
            self.drops.enter(event, self.request_id)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self.drops is not None:
            self.drops.leave()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.drops is not None:
            self.drops.drop(event, self.request_id)

    # -- acting -------------------------------------------------------------------------------------

    def ask_cancel_reason(self) -> str | None:
        """The officer's reason for cancelling, or None when they keep the request."""
        dialog = CancelDialog(self.request_id or 0, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    def move_to(self, target: State) -> bool:
        """Move the shown request to `target` through the core; True when it moved."""
        if self.request_id is None:
            return False
        request_id, reason = self.request_id, ""
        if target is State.CANCELLED:
            reason = self.ask_cancel_reason()
            if reason is None:
                return False
        services = self.session.services
        result = self.session.perform(self, lambda: services.transition(
            request_id, target, reason=reason, expected_version=self.version), Changes.of_request(request_id))
        if result is None:
            self.reload()  # a colleague's change: show what is there now
            return False
        self.transitioned.emit(request_id, target.value)
        return True

    def _open_document(self, item: QTreeWidgetItem) -> Path | None:
        doc = self._docs.get(item.data(0, Qt.ItemDataRole.UserRole))
        if doc is None:
            return None
        return open_copy(self, self.session.storage, doc)[0]


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _value_text(key: str, value: Any, lsp_names: dict[int, str]) -> str:
    if value is None or value == "":
        return "—"
    if key == "state":
        return i18n.state_label(value)
    if key == "kind":
        return i18n.kind_label(value)
    if key == "lsp_id":
        return lsp_names.get(value, f"#{value}")
    if key.endswith("_at") and isinstance(value, str):
        try:
            return i18n.fmt_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if key.endswith("_date") and isinstance(value, str):
        try:
            return i18n.fmt_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def describe(action: str, before: Any, after: Any, lsp_names: dict[int, str],
             doc_names: dict[int, str] | None = None) -> str:
    """What one history entry did, in the officer's words: the file added, the kind changed, the finding
    accepted, the serials issued; for changes of the request itself, 'field: old → new'."""
    translate = QCoreApplication.translate
    doc_names = doc_names or {}
    after_ = after if isinstance(after, dict) else {}
    before_ = before if isinstance(before, dict) else {}

    def name_of() -> str:
        return str(after_.get("name") or doc_names.get(after_.get("document"), "") or "")

    if action == "document.add":
        kind = after_.get("kind")
        return name_of() + (f" ({i18n.document_kind_label(kind)})" if kind else "")
    if action == "document.kind":
        name = doc_names.get(after_.get("document"), "")
        change = f"{i18n.document_kind_label(before_.get('kind', ''))} → {i18n.document_kind_label(after_.get('kind', ''))}"
        return f"{name}: {change}" if name else change
    if action == "completion.write":
        to = after_.get("to")
        return name_of() + (" — " + translate("History", "to %1").replace("%1", str(to)) if to else "")
    if action in ("finding.accept", "finding.reopen"):
        where = ", ".join(str(x) for x in (after_.get("document"), after_.get("sheet"),
                                           translate("History", "row %1").replace("%1", str(after_["row"]))
                                           if after_.get("row") else None) if x)
        text = str(after_.get("message") or "")
        if where:
            text = f"{where}: {text}"
        note = after_.get("note")
        return text + (" — " + translate("History", "note: %1").replace("%1", str(note)) if note else "")
    if action == "approval.scan":
        return name_of()
    if action in ("stock.issue", "stock.return_damaged"):
        ranges = ", ".join(str(r) for r in after_.get("ranges") or ())
        quantity = after_.get("quantity")
        text = ranges + (" (" + translate("History", "%n sheet(s)", "", int(quantity)) + ")" if quantity else "")
        reason = after_.get("reason")
        return text + (" — " + str(reason) if reason else "")
    if action == "stock.cancel_issue":
        return str(after_.get("reason") or "")
    if action.startswith("request."):
        return summarize(before, after, lsp_names)
    return ""  # an entry of another kind: its label says it; raw keys are never shown


def summarize(before: Any, after: Any, lsp_names: dict[int, str]) -> str:
    """What an audit entry changed, as 'field: old → new' parts."""
    if not isinstance(after, dict):
        return ""
    if not isinstance(before, dict):
        parts = []
        for key in ("lsp_id", "letter_number", "requested_qty"):
            if after.get(key) not in (None, ""):
                parts.append(f"{i18n.request_field_label(key)}: {_value_text(key, after[key], lsp_names)}")
        return "; ".join(parts)
    parts = []
    for key, new in after.items():
        if key in SKIP_IN_SUMMARY or key == "reason" or not i18n.has_request_field_label(key):
            continue
        old = before.get(key)
        if old != new:
            parts.append(f"{i18n.request_field_label(key)}: {_value_text(key, old, lsp_names)} → "
                         f"{_value_text(key, new, lsp_names)}")
    if after.get("reason") and after.get("reason") != after.get("cancel_reason"):
        parts.append(f"{i18n.request_field_label('reason')}: {after['reason']}")
    return "; ".join(parts)
