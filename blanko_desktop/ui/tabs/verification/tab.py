"""Verifikasi: the completeness check of one request, and the two ways out of it (verified, or ask the LSP)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.services.views import DocumentView
from blanko_desktop.core.workflow import State
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.dialogs.completion_dialogs import (
    COPY_TEXT,
    OPEN_MAIL,
    AcceptFindingDialog,
    CompletionDialog,
    ReopenFindingDialog,
    mail_body,
)
from blanko_desktop.ui.lazy import (
    checklist_core,
    completion,
    intake_sniff,
    lsp_suggestion,
    verification_queue,
)
from blanko_desktop.ui.operations import Changes, Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.verification.load import (
    Verification,
    completion_folder,
    draft_text,
    load_verification,
    participants_of,
)
from blanko_desktop.ui.tabs.verification.panels import (
    KIND_ORDER,
    DraftBar,
    FindingsPanel,
    LspPicker,
    ParticipantsPanel,
    PreviewPanel,
    SlotsPanel,
    elided_title,
)
from blanko_desktop.ui.widgets.stored_file import open_copy

if TYPE_CHECKING:
    from blanko_desktop.core.verification.checklist import CheckedFinding
    from blanko_desktop.core.verification.lsp_suggestion import LspDraft

# the requests the selector offers: those whose documents are being checked, newest first
SELECTOR_STATES = (State.RECEIVED.value, State.WAITING_LSP.value, State.VERIFIED.value)
SELECTOR_LIMIT = 200
OK_STYLE = "background: #e8f5ec; color: #1b6e35; border: 1px solid #9fd3ae;"
BAD_STYLE = "background: #fcebeb; color: #a31515; border: 1px solid #e6a5a5;"
TASK_STYLE = "background: #fff5d6; color: #5c3b00; border: 1px solid #e3c46e;"
NEUTRAL_STYLE = "background: palette(alternate-base); border: 1px solid palette(mid);"
# Each pane keeps at least this much: together they fit a 1024-pixel screen with the window's frame
PANE_MINIMUM = (220, 260, 180)
VERIFY_KEYS = ("Ctrl+Return", "Ctrl+Enter")
COMPLETION_KEYS = ("Ctrl+K",)


class _PaneSplitter(QSplitter):
    """The panes' splitter; `chosen` once the officer moved a handle or the last session's sizes came back."""

    chosen = False

    def restoreState(self, state) -> bool:
        self.chosen = bool(super().restoreState(state))
        return self.chosen


class VerificationTab(QWidget):
    """The Verifikasi tab: the officer's tasks, four slots, counts, findings, a preview, and the decision."""

    status_message = Signal(str)
    notice = Signal(str)
    request_picked = Signal(int)   # the officer chose a request in this tab's selector (or moved on to it)
    loaded = Signal(int)           # the checklist of this request is now shown
    all_verified = Signal(int)     # this request was verified and no other waits for the check: on to approval

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.current: Verification | None = None
        self._generation = 0
        self._stale = True
        self._tasks: set[Op] = set()
        self._preview_generation = 0

        # -- top: which request, and the check running
        self.selector = QComboBox()
        self.selector.setMinimumContentsLength(24)
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        selector_label = QLabel(self.tr("&Request:"))
        selector_label.setBuddy(self.selector)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self.tr("Checking the documents…"))
        top = QHBoxLayout()
        top.addWidget(selector_label)
        top.addWidget(self.selector, 1)
        top.addSpacing(12)
        top.addWidget(self.progress)
        top.addWidget(self.progress_label)
        top.addStretch(1)
        self._show_progress(False)

        # -- header and verdict, with the decision beside it (always in view)
        self.title = elided_title()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bold = self.banner.font()
        bold.setBold(True)
        self.banner.setFont(bold)
        self.banner.setContentsMargins(10, 6, 10, 6)
        self.verify_button = QPushButton(self.tr("Complete — on to approval"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setStyleSheet("#verifyButton:enabled { font-weight: bold; }")
        self.verify_button.clicked.connect(self.mark_verified)
        self.completion_button = QPushButton(self.tr("Send completion request…"))
        self.completion_button.clicked.connect(self.send_completion)
        for button in (self.verify_button, self.completion_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._shortcuts = [self._shortcut(keys, self._verify_key) for keys in VERIFY_KEYS]
        self._shortcuts += [self._shortcut(keys, self._completion_key) for keys in COMPLETION_KEYS]
        self.draft_bar = DraftBar()
        self.draft_bar.sent_clicked.connect(self.confirm_sent)
        self.draft_bar.copy_clicked.connect(self.copy_draft_again)

        # -- the panes
        self.slots_panel = SlotsPanel()
        self.slots_panel.kind_dropped.connect(self.change_kind)
        self.lsp_picker = LspPicker()
        self.lsp_picker.assign_requested.connect(self.set_lsp)
        self.lsp_picker.register_requested.connect(self.register_lsp)
        self.participants = ParticipantsPanel()
        self.participants.requested_entered.connect(lambda _value: self.save_requested())
        left_body = QWidget()
        left_layout = QVBoxLayout(left_body)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.slots_panel)
        left_layout.addWidget(self.lsp_picker)
        left_layout.addWidget(self.participants)
        left_layout.addStretch(1)
        left = QScrollArea()
        left.setWidget(left_body)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.findings_panel = FindingsPanel()
        self.findings_panel.accept_requested.connect(lambda findings: self.accept_selected())
        self.findings_panel.reopen_requested.connect(self.reopen)
        self.findings_panel.selection_changed.connect(self._findings_selected)

        self.preview_panel = PreviewPanel()
        self.preview_panel.document_chosen.connect(self.preview_document)
        self.preview_panel.menu_requested.connect(self._document_menu)
        self.preview_panel.open_requested.connect(self.open_document)

        self.splitter = _PaneSplitter(Qt.Orientation.Horizontal)
        for pane, minimum in zip((left, self.findings_panel, self.preview_panel), PANE_MINIMUM):
            # an explicit minimum: what a pane shows can never push the others aside
            pane.setMinimumWidth(minimum)
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setCollapsible(2, True)   # the preview folds away on a small screen
        self.splitter.setSizes([300, 520, 460])
        self.splitter.splitterMoved.connect(lambda *_: setattr(self.splitter, "chosen", True))

        # the names earlier code and tools use
        self.slots = self.slots_panel.slots
        self.lsp_box, self.lsp_combo, self.lsp_button = self.lsp_picker, self.lsp_picker.combo, self.lsp_picker.button
        p = self.participants
        self.scheme_table, self.funding_table, self.mismatch = p.scheme_table, p.funding_table, p.mismatch
        self.requested_value, self.requested_spin, self.requested_save = (p.requested_value, p.requested_spin,
                                                                          p.requested_save)
        self.competent_value, self.not_yet_value = p.competent_value, p.not_yet_value
        f = self.findings_panel
        self.findings_model, self.findings_proxy, self.findings = f.model, f.proxy, f.table
        self.accept_button, self.findings_count = f.accept_button, f.count
        self.documents, self.preview = self.preview_panel.documents, self.preview_panel.preview

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title)
        content_layout.addWidget(self.subtitle)
        verdict = QHBoxLayout()
        verdict.addWidget(self.banner, 1)
        verdict.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        verdict.addWidget(self.completion_button, 0, Qt.AlignmentFlag.AlignTop)
        content_layout.addLayout(verdict)
        content_layout.addWidget(self.draft_bar)
        content_layout.addWidget(self.splitter, 1)

        self.placeholder = QLabel(self.tr("Choose a request above, or select one in Incoming requests, to check "
                                          "its documents. Dropped e-mails and files open here once received."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        # -- behaviour
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        self.selector.activated.connect(self._selector_chosen)
        session.changes.connect(self._data_changed)
        session.database_changed.connect(self.rebind)
        self._fill_selector()
        self._show_nothing()

    def _shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return shortcut

    # -- small builders -------------------------------------------------------------------------------

    def _fill_selector(self) -> None:
        services = self.session.services
        rows = services.request_page(RequestFilter(states=SELECTOR_STATES), 0, SELECTOR_LIMIT)
        self.selector.blockSignals(True)
        self.selector.clear()
        self.selector.addItem(self.tr("— choose a request —"), None)
        for row in rows:
            self.selector.addItem(self._selector_text(row.id, row.lsp, row.state), row.id)
        if self.request_id is not None and self.selector.findData(self.request_id) < 0 and self.current:
            req = self.current.request
            self.selector.insertItem(1, self._selector_text(req.id, self.current.lsp_name or "", req.state),
                                     req.id)
        self.selector.setCurrentIndex(max(0, self.selector.findData(self.request_id)))
        self.selector.blockSignals(False)

    def _selector_text(self, request_id: int, lsp: str, state: str) -> str:
        return f"#{request_id} · {lsp or self.tr('(unknown sender)')} · {i18n.state_label(state)}"

    def _show_progress(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress_label.setVisible(on)

    # -- which request ----------------------------------------------------------------------------------

    def set_request(self, request_id: int | None) -> None:
        """Follow the request selected elsewhere; the check runs when this tab is shown."""
        if request_id == self.request_id and not self._stale:
            return
        self.request_id = request_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def show_request(self, request_id: int | None) -> None:
        """Show `request_id` now (after an intake, or from the detail pane); no second check of the same."""
        if request_id == self.request_id and not self._stale:
            return
        self.request_id = request_id
        self.reload()

    def _selector_chosen(self, index: int) -> None:
        request_id = self.selector.itemData(index)
        if request_id is None or request_id == self.request_id:
            return
        self.show_request(request_id)
        self.request_picked.emit(request_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_panes()

    def _fit_panes(self) -> None:
        """Share the width out by what each pane needs: the checklist column a fixed room, the preview about a
        third, the findings the rest — until the officer drags a handle (or the window restored their sizes)."""
        if self.splitter.chosen or not self.splitter.isVisible():
            return
        handles = self.splitter.handleWidth() * (self.splitter.count() - 1)
        width = self.splitter.width() - handles
        left = int(min(330, max(PANE_MINIMUM[0], width * 0.26)))
        preview = int(min(640, max(PANE_MINIMUM[2], width * 0.30)))
        self.splitter.setSizes([left, max(PANE_MINIMUM[1], width - left - preview), preview])

    def _data_changed(self, changes: Changes) -> None:
        if changes.lsps and self.current is not None and self.current.request.lsp_id is None:
            self.lsp_picker.fill(list(self.session.services.lsp_views(active_only=True)))
        if not (changes.requests or changes.touches(self.request_id)):
            return
        # several writes may come in one go (intake, then the address): check once
        self._stale = True
        self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if self.isVisible() and self._stale:
            self.reload()

    def rebind(self) -> None:
        self.request_id = None
        self.current = None
        self._fill_selector()
        self._show_nothing()

    def refresh(self) -> None:
        """F5."""
        self.reload()

    # -- loading ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        self._reload_timer.stop()
        request_id = self.request_id
        self._generation += 1
        if request_id is None:
            self._fill_selector()
            self._show_nothing()
            return
        generation = self._generation
        services = self.session.services
        task = Op(lambda: load_verification(services, request_id), self.session.storage, self, serial=True)
        task.finished.connect(lambda result: self._loaded(generation, result, task))
        task.failed.connect(lambda exc: self._load_failed(generation, exc, task))
        self._tasks.add(task)
        self._show_progress(True)
        self.verify_button.setEnabled(False)
        self.completion_button.setEnabled(False)
        task.start()

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the running checks (and the preview they start) are done and shown (tests, benchmark)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        QCoreApplication.processEvents()
        while (self._tasks or self._reload_timer.isActive()) and time.monotonic() < deadline:
            for task in list(self._tasks):
                task.wait(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _forget(self, task: Op) -> None:
        self._tasks.discard(task)
        task.deleteLater()
        if not self._tasks:
            self._show_progress(False)

    def _load_failed(self, generation: int, exc: BaseException, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        if isinstance(exc, BlankoError):  # e.g. the request is gone after a database switch
            self.request_id = None
            self._show_nothing()
            self.status_message.emit(str(exc))
            return
        messages.error(self, exc)

    def _loaded(self, generation: int, result: Verification, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        previous = self.current
        self.current = result
        self._fill(result, keep_preview=previous is not None and previous.request.id == result.request.id)
        self._fill_selector()
        self.loaded.emit(result.request.id)

    def _show_nothing(self) -> None:
        self.current = None
        self.stack.setCurrentWidget(self.placeholder)
        self.verify_button.setEnabled(False)
        self.completion_button.setEnabled(False)
        self.draft_bar.hide()

    # -- showing ------------------------------------------------------------------------------------------

    def _fill(self, v: Verification, keep_preview: bool) -> None:
        req, cl = v.request, v.checklist
        self.stack.setCurrentIndex(1)
        title = self.tr("Request #%1 — %2").replace("%1", str(req.id)).replace(
            "%2", v.lsp_name or self.tr("(unknown sender)"))
        self.title.setText(title)
        self.title.setToolTip(title)
        parts = [i18n.state_label(req.state),
                 self.tr("received %1").replace("%1", i18n.fmt_datetime(req.received_at))]
        if req.clock_running and req.due_at:
            parts.append(self.tr("due %1").replace("%1", i18n.fmt_datetime(req.due_at)))
        else:
            parts.append(self.tr("clock stopped"))
        if req.letter_number:
            parts.append(self.tr("letter %1").replace("%1", req.letter_number))
        if req.sender:
            parts.append(req.sender)
        self.subtitle.setText("  ·  ".join(parts))

        self.slots_panel.show_checklist(cl)
        self._fill_banner(v)
        self._fill_draft_bar(v)
        self.lsp_picker.setVisible(req.lsp_id is None)
        if req.lsp_id is None:
            self.lsp_picker.show_for(req.sender, v.suggestion, list(v.lsps))
        self.participants.show_numbers(cl, v.letter_readable)
        keep = self.preview_panel.documents.document_id() if keep_preview else None
        if self.preview_panel.show_documents(v.documents, keep) is None:
            self.preview.set_document(None, "")
            self.preview.show_message(self.tr("No documents yet."))
        self.findings_panel.show_checklist(cl, len(v.problems))
        self._fill_actions(v)

    def _fill_banner(self, v: Verification) -> None:
        req, cl = v.request, v.checklist
        if req.state not in (State.RECEIVED, State.WAITING_LSP):
            text = self.tr("This request is %1: the check is shown for reference.").replace(
                "%1", i18n.state_label(req.state).lower())
            style = NEUTRAL_STYLE
        elif cl.complete:
            text = "✓ " + self.tr("Complete: all four documents are in order and the numbers agree.")
            style = OK_STYLE
        else:
            tasks = len(cl.officer_tasks)
            if v.problems:
                text = "✗ " + self.tr("Incomplete: %n point(s) to settle with the LSP.", "", len(v.problems))
                if tasks:
                    text += " " + self.tr("And %n task(s) of yours.", "", tasks)
                style = BAD_STYLE
            else:
                # nothing is asked of the LSP: the officer's own tasks hold the request
                text = "⚠ " + self.tr("Your turn: %n task(s) before the request can go on.", "", tasks)
                style = TASK_STYLE
        if req.state == State.WAITING_LSP:
            text += " " + self._waiting_text(v)
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ {style} border-radius: 4px; padding: 2px; }}")

    def _waiting_text(self, v: Verification) -> str:
        sent = v.completion
        if sent is None or sent.sent_at is None:
            return self.tr("The request waits for the LSP.")
        when = i18n.fmt_datetime(sent.sent_at)
        if sent.handed_over == "mail_program":
            return self.tr("The completion request was handed to the mail program on %1; the request waits for "
                           "the LSP.").replace("%1", when)
        return self.tr("The completion request was confirmed sent on %1; the request waits for the LSP.").replace(
            "%1", when)

    def _fill_draft_bar(self, v: Verification) -> None:
        drafted = v.completion
        pending = (drafted is not None and drafted.pending and not v.checklist.complete
                   and v.request.state in (State.RECEIVED, State.VERIFIED))
        if pending:
            self.draft_bar.text.setText(
                self.tr("Completion request drafted on %1 for %2 (text copied), not yet confirmed sent: the request "
                        "stays in the queue and its clock runs. Once the e-mail has left, click “It has been "
                        "sent”.").replace("%1", i18n.fmt_datetime(drafted.written_at)).replace("%2", drafted.to))
        self.draft_bar.setVisible(pending)

    def _fill_actions(self, v: Verification) -> None:
        req, cl = v.request, v.checklist
        reasons = [t.text for t in cl.officer_tasks] + v.problems
        can_verify = cl.complete and req.state == State.RECEIVED
        self.verify_button.setEnabled(can_verify)
        keys = QKeySequence(VERIFY_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        if req.state != State.RECEIVED:
            tip = self.tr("The request is %1.").replace("%1", i18n.state_label(req.state).lower())
            if req.state == State.WAITING_LSP:
                tip += " " + self.tr("New documents from the LSP put it back in the queue.")
        elif not cl.complete:
            tip = self.tr("Not yet possible:") + "\n" + "\n".join(f"• {r}" for r in reasons[:12])
            if len(reasons) > 12:
                tip += "\n" + self.tr("… and %n more", "", len(reasons) - 12)
        else:
            tip = self.tr("Mark the request verified; it then goes to the echelon-4 official for approval.")
        self.verify_button.setToolTip(f"{tip}\n({keys})")
        can_ask = (bool(v.problems) and req.lsp_id is not None
                   and req.state in (State.RECEIVED, State.WAITING_LSP, State.VERIFIED))
        self.completion_button.setEnabled(can_ask)
        keys = QKeySequence(COMPLETION_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        if can_ask:
            tip = self.tr("Write the e-mail to the LSP listing exactly what is missing or wrong.")
        elif v.problems and req.lsp_id is None:
            tip = self.tr("Set the LSP first: its reply is matched to this request through the LSP.")
        else:
            tip = self.tr("Nothing to ask the LSP for.")
        self.completion_button.setToolTip(f"{tip}\n({keys})")

    # -- documents and preview ----------------------------------------------------------------------------

    def document(self, document_id: int | None) -> DocumentView | None:
        if self.current is None or document_id is None:
            return None
        return next((d for d in self.current.documents if d.id == document_id), None)

    def document_named(self, name: str) -> DocumentView | None:
        if self.current is None:
            return None
        return next((d for d in reversed(self.current.documents) if d.original_name == name), None)

    def preview_document(self, document_id: int | None, then_row: tuple[str | None, int | None] | None = None):
        doc = self.document(document_id)
        self._preview_generation += 1
        if doc is None:
            self.preview.set_document(None, "")
            self.preview.show_message(self.tr("Select a document to preview it here."))
            return
        self.preview.set_document(doc.id, doc.original_name)
        detected = (doc.analysis or {}).get("detected_type", "")
        if detected == "pdf":
            try:  # on a server: a local copy of the document, written once
                self.preview.show_pdf(self.session.storage.files.path_for(doc.sha256))
            except OSError:
                self.preview.show_message(self.tr("The stored file is missing. Run the database check."))
        elif detected in intake_sniff.SPREADSHEET_TYPES:
            self._preview_sheet(doc, then_row)
        else:
            self.preview.show_message(
                self.tr("No preview for this file (%1). Use “Open with the default program”.")
                .replace("%1", intake_sniff.type_label(detected) if detected else doc.media_type))

    def _preview_sheet(self, doc: DocumentView, then_row) -> None:
        generation = self._preview_generation
        services = self.session.services
        self.preview.show_message(self.tr("Reading the participant list…"))
        task = Op(lambda: participants_of(services, doc), self.session.storage, self, serial=True)

        def shown(result) -> None:
            self._forget(task)
            if generation != self._preview_generation or self.current is None:
                return
            rows, findings = result
            if rows is None or not rows.participants:
                first = findings[0].message if findings else ""
                self.preview.show_message(self.tr("No participant rows could be read from this file.")
                                          + (f"\n{first}" if first else ""))
                return
            flagged = {(f.sheet, f.row) for f in self.current.checklist.open_errors
                       if f.document == doc.original_name and f.row}
            self.preview.show_participants(rows.participants, flagged)
            if then_row is not None:
                self.preview.select_participant(*then_row)

        task.finished.connect(shown)
        task.failed.connect(lambda exc: (self._forget(task), self.preview.show_message(str(exc))))
        self._tasks.add(task)
        task.start()

    def _findings_selected(self, chosen: list) -> None:
        if len(chosen) != 1:
            return
        finding = chosen[0]
        doc = self.document_named(finding.document)
        if doc is None:
            return
        if self.preview.document_id == doc.id and self.preview.mode == "sheet":
            self.preview.select_participant(finding.sheet, finding.row)
            return
        self.preview_panel.highlight(doc.id)
        self.preview_document(doc.id, (finding.sheet, finding.row))

    def selected_findings(self) -> list[CheckedFinding]:
        return self.findings_panel.selected()

    def _document_menu(self, document_id: int, where: QPoint) -> None:
        self.document_menu(document_id).exec(where)

    def document_menu(self, document_id: int) -> QMenu:
        """The right-click menu of a document row: change its kind, preview, open."""
        doc = self.document(document_id)
        menu = QMenu(self)
        kinds = menu.addMenu(self.tr("Change kind"))
        kinds.setObjectName("kindMenu")
        for kind in KIND_ORDER:
            action = kinds.addAction(i18n.document_kind_label(kind))
            action.setCheckable(True)
            action.setChecked(doc is not None and doc.kind == kind)
            action.setData(kind)
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(document_id, k))
        menu.addSeparator()
        menu.addAction(self.tr("Open with the default program"), lambda: self.open_document(document_id))
        return menu

    def open_document(self, document_id: int | None) -> Path | None:
        """Open a copy under a readable name; the stored file itself is never handed to another program."""
        doc = self.document(document_id)
        if doc is None:
            return None
        target, opened = open_copy(self, self.session.storage, doc)
        if target is not None and not opened:
            self.notice.emit(self.tr("No program could open %1. The copy is at %2.")
                             .replace("%1", doc.original_name).replace("%2", str(target)))
        return target

    # -- the officer's corrections and tasks ---------------------------------------------------------------

    def change_kind(self, document_id: int, kind: str) -> bool:
        from blanko_desktop.ui.lazy import reception

        doc = self.document(document_id)
        if doc is not None and doc.kind == kind:
            return False
        services = self.session.services
        done = self.session.perform(self, lambda: reception.Reception(services).set_kind(document_id, kind),
                                    Changes.of_request(self.request_id, documents=True, requests=False))
        if done is not None:
            self.status_message.emit(self.tr("%1 is now: %2").replace("%1", done.original_name)
                                     .replace("%2", i18n.document_kind_label(kind)))
        return done is not None

    def save_requested(self) -> bool:
        if self.current is None or not self.requested_spin.isVisible():
            return False
        req, value = self.current.request, self.requested_spin.value()
        services = self.session.services
        return self.session.perform(self, lambda: services.update_request(
            req.id, req.version, requested_qty=value), Changes.of_request(req.id, requests=False)) is not None

    def set_lsp(self, lsp_id: int | None = None, remember: bool | None = None) -> bool:
        """Attach the request to the LSP chosen in the picker (and remember its sender when ticked)."""
        if self.current is None:
            return False
        lsp_id = self.lsp_picker.chosen() if lsp_id is None else lsp_id
        if lsp_id is None:
            return False
        if remember is None:
            remember = self.lsp_picker.remember.isVisible() and self.lsp_picker.remember.isChecked()
        req, services = self.current.request, self.session.services
        done = self.session.perform(
            self, lambda: lsp_suggestion.assign(services, req.id, lsp_id, remember, req.version),
            Changes.of_request(req.id) | Changes(lsps=remember))
        return done is not None

    def lsp_dialog(self, draft: LspDraft | None):
        from blanko_desktop.ui.dialogs.lsp_registry import LspEditDialog

        return LspEditDialog(self.session, None, self, draft=draft)

    def register_lsp(self) -> int | None:
        """*Register a new LSP…* in the picker: the registration pre-filled from the letter and the sender; the
        new LSP is then selected (the officer still sets it)."""
        if self.current is None:
            return None
        dialog = self.lsp_dialog(self.current.draft)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.lsp_id is None:
            return None
        self.lsp_picker.fill(list(self.session.services.lsp_views(active_only=True)), select=dialog.lsp_id)
        self.lsp_picker.hint.setText(self.tr("Registered. Click “Set LSP” to attach this request to it."))
        return dialog.lsp_id

    def ask_note(self, findings: list[CheckedFinding]) -> str | None:
        dialog = AcceptFindingDialog(findings, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def accept_selected(self) -> bool:
        if self.current is None:
            return False
        findings = [f for f in self.selected_findings() if not f.accepted]
        if not findings:
            return False
        note = self.ask_note(findings)
        if not note:
            return False
        services, request_id = self.session.services, self.current.request.id

        def accept_all() -> bool:
            for finding in findings:
                checklist_core.accept_finding(services, request_id, finding, note)
            return True

        return self.session.perform(self, accept_all, Changes.of_request(request_id, requests=False)) is not None

    def ask_reopen_note(self, finding: CheckedFinding) -> str | None:
        dialog = ReopenFindingDialog(finding, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def reopen(self, finding: CheckedFinding | None = None) -> bool:
        """Withdraw an acceptance (with a note, audited): the finding counts against the request again."""
        if self.current is None:
            return False
        if finding is None:
            chosen = self.selected_findings()
            finding = chosen[0] if len(chosen) == 1 and chosen[0].accepted else None
        if finding is None:
            return False
        note = self.ask_reopen_note(finding)
        if not note:
            return False
        services, request_id = self.session.services, self.current.request.id
        return self.session.perform(
            self, lambda: checklist_core.reopen_finding(services, request_id, finding, note) or True,
            Changes.of_request(request_id, requests=False)) is not None

    # -- the decision, then the next request ------------------------------------------------------------------

    def _verify_key(self) -> None:
        if self.verify_button.isEnabled():
            self.mark_verified()

    def _completion_key(self) -> None:
        if self.completion_button.isEnabled():
            self.send_completion()

    def mark_verified(self) -> bool:
        if self.current is None:
            return False
        services, request_id = self.session.services, self.current.request.id

        def verify() -> int | None:
            checklist_core.mark_verified(services, request_id)
            return verification_queue.next_waiting(services, request_id) or 0

        next_id = self.session.perform(self, verify, Changes.of_request(request_id))
        if next_id is None:
            return False
        self._advance(self.tr("Request #%1 is verified: on to the echelon-4 official's approval.")
                      .replace("%1", str(request_id)), next_id)
        if not next_id:
            self.all_verified.emit(request_id)
        return True

    def _advance(self, done: str, next_id: int) -> None:
        """After a decision, on to the request that waits for the check next (due soonest)."""
        if next_id:
            self.status_message.emit(done + " " + self.tr("Next: request #%1.").replace("%1", str(next_id)))
            self.show_request(next_id)
            self.request_picked.emit(next_id)
        else:
            self.status_message.emit(done + " " + self.tr("No other request waits for the check."))

    def ask_completion(self, request_id: int, message) -> int:
        dialog = CompletionDialog(request_id, message, self)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else 0

    def ask_officer_name(self) -> str | None:
        from blanko_desktop.ui.dialogs.first_start import OfficerNameDialog

        dialog = OfficerNameDialog(self, for_letter=True)
        return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name() else None

    def send_completion(self) -> Path | None:
        """Preview the completion e-mail and write the draft; then hand it to the mail program (the request
        waits for the LSP) or copy its text (the request waits for the officer to say it has been sent)."""
        if self.current is None:
            return None
        if not (self.session.services.actor.officer or "").strip():
            # the letter is signed by name: without one it went out signed with the computer login
            name = self.ask_officer_name()
            if not name:
                return None
            self.session.set_officer(name)
        services, request_id = self.session.services, self.current.request.id
        try:
            message = completion.compose(services, request_id)
        except BlankoError as exc:
            messages.error(self, exc)
            return None
        choice = self.ask_completion(request_id, message)
        if not choice:
            return None
        out = completion_folder() / f"permintaan-kelengkapan-{request_id}-{datetime.now():%Y%m%d-%H%M%S}.eml"
        result = self.session.perform(
            self, lambda: completion.write_completion_request(services, request_id, out, handed_over=None),
            Changes.of_request(request_id, documents=True))
        if result is None:
            return None
        path, _req = result
        to = str(message["To"])
        if choice == OPEN_MAIL and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            next_id = self.session.perform(self, lambda: self._sent(services, request_id, "mail_program"),
                                           Changes.of_request(request_id))
            if next_id is not None:
                self._advance(self.tr("The completion request for request #%1 is open in the mail program; the "
                                      "request now waits for the LSP.").replace("%1", str(request_id)), next_id)
            return path
        QGuiApplication.clipboard().setText(mail_body(message))
        if choice == COPY_TEXT:
            self.status_message.emit(self.tr("The text is on the clipboard: paste it into an e-mail to %1. Once it "
                                             "has been sent, click “It has been sent”.").replace("%1", to))
        else:
            self.notice.emit(self.tr("No mail program could open the draft. Its text is on the clipboard: paste "
                                     "it into an e-mail to %1, then click “It has been sent”. The draft is saved "
                                     "at %2.").replace("%1", to).replace("%2", str(path)))
        return path

    @staticmethod
    def _sent(services, request_id: int, how: str) -> int:
        completion.confirm_sent(services, request_id, how)
        return verification_queue.next_waiting(services, request_id) or 0

    def confirm_sent(self) -> bool:
        """*It has been sent*: the drafted e-mail left; the request waits for the LSP (audited)."""
        if self.current is None:
            return False
        services, request_id = self.session.services, self.current.request.id
        next_id = self.session.perform(self, lambda: self._sent(services, request_id, "officer"),
                                       Changes.of_request(request_id))
        if next_id is None:
            return False
        self._advance(self.tr("The completion request for request #%1 is recorded as sent; the request now waits "
                              "for the LSP.").replace("%1", str(request_id)), next_id)
        return True

    def copy_draft_again(self) -> str:
        """The drafted e-mail's text back on the clipboard (it may have been overwritten since)."""
        if self.current is None or self.current.completion is None:
            return ""
        text = draft_text(self.session.services, self.current.completion.document_id)
        QGuiApplication.clipboard().setText(text)
        self.status_message.emit(self.tr("The text is on the clipboard again."))
        return text
