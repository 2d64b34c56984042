"""The echelon-4 official's approval of one request: who signs, how many blanks, the sheet previewed; and taking it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services.requests import MAX_SHEETS
from blanko_desktop.ui.operations import Changes, Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.print_preview import PdfPreview

PREVIEW_DELAY_MS = 250  # typing a quantity or a reason renders the sheet once, after a pause


class ApprovalDialog(QDialog):
    """Approve a verified request: signatory, approved quantity (the competent count unless a reason is given),
    the approval sheet previewed (rendered off the GUI thread), then the approval recorded by the core, which
    decides every rule; a refusal is shown as the core words it and nothing is written."""

    def __init__(self, session: Session, paperwork, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.paperwork = paperwork
        self.request = paperwork.request
        self.paper = None  # the sheet previewed (paperwork.Paper), once rendered
        self.approved = None  # the request after the approval, once recorded
        self._generation = 0
        self._tasks: set[Op] = set()
        req = self.request
        self.setWindowTitle(self.tr("Approval — request #%1").replace("%1", str(req.id)))
        self.resize(1040, 720)

        heading = self.tr("Request #%1 — %2").replace("%1", str(req.id)).replace("%2", req.lsp_name or "—")
        title = QLabel(heading)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        title.setWordWrap(True)
        facts = [self.tr("Letter %1").replace("%1", req.letter_number)] if req.letter_number else []
        facts.append(self.tr("competent: %1").replace("%1", "—" if req.competent_qty is None
                                                       else str(req.competent_qty)))
        if req.requested_qty is not None:
            facts.append(self.tr("asked for: %1").replace("%1", str(req.requested_qty)))
        subtitle = QLabel("  ·  ".join(facts))
        subtitle.setWordWrap(True)

        # -- who signs: the active officials, or the way to Settings when there are none
        self.signatory = QComboBox()
        self.signatory.setMinimumContentsLength(16)
        self.signatory.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.no_signatory = QLabel()
        self.no_signatory.setWordWrap(True)
        self.no_signatory.setStyleSheet("color: #a31515;")
        self.settings_button = QPushButton(self.tr("Open Settings › Signatories…"))
        self.settings_button.clicked.connect(self.open_settings)
        # the combo, or (no official to sign) the way to Settings: one shown at a time, each at its own height
        self.none_box = QWidget()
        none_layout = QVBoxLayout(self.none_box)
        none_layout.setContentsMargins(0, 0, 0, 0)
        none_layout.addWidget(self.no_signatory)
        none_layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignLeft)
        signer_box = QWidget()
        signer_layout = QVBoxLayout(signer_box)
        signer_layout.setContentsMargins(0, 0, 0, 0)
        signer_layout.addWidget(self.signatory)
        signer_layout.addWidget(self.none_box)

        self.quantity = QSpinBox()
        # the core refuses a figure above the competent count with its reason: the box does not hide it
        self.quantity.setRange(1, MAX_SHEETS)
        self.quantity.setValue(req.competent_qty or 1)
        self.quantity_hint = QLabel()
        self.quantity_hint.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required when the number differs from the competent count"))
        self.print_after = QCheckBox(self.tr("Print the approval sheet afterwards"))
        self.print_after.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("&Signed by:"), signer_box)
        form.addRow(self.tr("&Blanks approved:"), self.quantity)
        form.addRow("", self.quantity_hint)
        form.addRow(self.tr("&Reason:"), self.reason)

        self.print_proposal_button = QPushButton(self.tr("Print proposal…"))
        self.print_proposal_button.setToolTip(self.tr("Print the sheet for the official to sign before the "
                                                      "approval is recorded."))
        self.print_proposal_button.clicked.connect(self.print_proposal)
        self.buttons = QDialogButtonBox()
        self.approve_button = self.buttons.addButton(self.tr("&Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.approve_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.approve)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(title)
        side.addWidget(subtitle)
        side.addSpacing(6)
        side.addLayout(form)
        side.addStretch(1)
        side.addWidget(self.print_after)
        side.addWidget(self.print_proposal_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.buttons)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(400)

        self.preview = PdfPreview()
        layout = QHBoxLayout(self)
        layout.addWidget(side_widget)
        layout.addWidget(self.preview, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)
        self.signatory.currentIndexChanged.connect(self._changed)
        self.quantity.valueChanged.connect(self._changed)
        self.reason.textChanged.connect(self._changed)
        self._fill_signatories(paperwork.active_signatories)
        self._update_hint()
        self.render_preview()

    # -- inputs -------------------------------------------------------------------------------------

    def _fill_signatories(self, signatories) -> None:
        self.signatory.blockSignals(True)
        self.signatory.clear()
        for sig in signatories:
            text = sig.name + (f" — {sig.title}" if sig.title else "")
            self.signatory.addItem(text, sig.id)
        self.signatory.blockSignals(False)
        self.no_signatory.setText(self.tr("No echelon-4 official is set up to sign. Add the officials (name, "
                                          "NIP, title) in Settings › Signatories."))
        self.signatory.setVisible(bool(signatories))
        self.none_box.setVisible(not signatories)

    def signatory_id(self) -> int | None:
        return self.signatory.currentData() if self.signatory.count() else None

    def _changed(self, *_args) -> None:
        self._update_hint()
        self._timer.start()

    def _update_hint(self) -> None:
        competent = self.request.competent_qty
        value = self.quantity.value()
        if competent is None:
            text, style = self.tr("The number of competent participants is not known."), "color: #a31515;"
        elif value > competent:
            text = self.tr("More than the %1 competent participants: one blank per competent participant.")
            text, style = text.replace("%1", str(competent)), "color: #a31515; font-weight: bold;"
        elif value != competent:
            text = self.tr("Differs from the %1 competent participants: give the reason.").replace(
                "%1", str(competent))
            style = "color: #8a5a00; font-weight: bold;"
        else:
            text, style = self.tr("Equal to the competent participants."), "color: palette(mid);"
        self.quantity_hint.setText(text)
        self.quantity_hint.setStyleSheet(style)

    def open_settings(self) -> None:
        from blanko_desktop.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        for index in range(dialog.pages.count()):
            if dialog.pages.widget(index).isAncestorOf(dialog.signatories):
                dialog.pages.setCurrentIndex(index)
        self.exec_settings(dialog)
        self._fill_signatories(self.session.services.signatory_views(active_only=True))
        self._changed()

    def exec_settings(self, dialog: QDialog) -> int:
        return dialog.exec()

    # -- the sheet ------------------------------------------------------------------------------------

    def render_preview(self) -> None:
        """Render the sheet as it would be signed, on a worker; a refusal of the core is shown in its place."""
        from blanko_desktop.core.approval import paperwork

        self._timer.stop()
        self._generation += 1
        generation = self._generation
        services, request_id = self.session.services, self.request.id
        sig, qty, reason = self.signatory_id(), self.quantity.value(), self.reason.text()
        self.paper = None
        self.print_proposal_button.setEnabled(False)
        self.preview.show_busy(self.tr("Preparing the approval sheet…"))
        task = Op(lambda: paperwork.render_form(services, "approval", request_id, signatory_id=sig, quantity=qty,
                                                reason=reason), self.session.storage, self)
        task.finished.connect(lambda paper: self._rendered(generation, paper, task))
        task.failed.connect(lambda exc: self._render_failed(generation, exc, task))
        self._tasks.add(task)
        task.start()

    def _forget(self, task: Op) -> None:
        self._tasks.discard(task)
        task.deleteLater()

    def _rendered(self, generation: int, paper, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        self.paper = paper
        self.preview.show_pdf(paper.pdf)
        self.print_proposal_button.setEnabled(True)

    def _render_failed(self, generation: int, exc: BaseException, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        if isinstance(exc, BlankoError):
            self.preview.show_message(str(exc), error=True)
        else:
            self.preview.show_message(self.tr("The approval sheet could not be prepared: %1").replace(
                "%1", f"{type(exc).__name__}: {exc}"), error=True)

    def wait_idle(self, timeout: float = 15.0) -> None:
        """Block until the preview is rendered and shown (tests)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        QCoreApplication.processEvents()
        while (self._tasks or self._timer.isActive()) and time.monotonic() < deadline:
            if self._timer.isActive() and not self._tasks:
                self.render_preview()
            for task in list(self._tasks):
                task.wait(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()

    def print_proposal(self):
        """The sheet as previewed, to the print dialog (before the approval: the official signs this one)."""
        if self.paper is None:
            return None
        from blanko_desktop.ui.dialogs.print_dialog import PrintDialog

        dialog = PrintDialog(self.session, self.paper, self)
        self.exec_print(dialog)
        return dialog

    def exec_print(self, dialog: QDialog) -> int:
        return dialog.exec()

    # -- the decision -----------------------------------------------------------------------------------

    def approve(self) -> bool:
        from blanko_desktop.core import approval

        req, services = self.request, self.session.services
        sig, qty, reason = self.signatory_id(), self.quantity.value(), self.reason.text()
        # the dialog itself is the confirmation: the official, the number and the sheet are in front of the
        # officer when Setujui is pressed (a second question asked the same again, 20 times a day)
        done = self.session.perform(self, lambda: approval.approve(services, req.id, sig, qty, reason,
                                                                   expected_version=req.version),
                                    Changes.of_request(req.id))
        if done is None:
            return False
        self.approved = done
        self.accept()
        return True


class CancelApprovalDialog(QDialog):
    """Why the approval is taken back; the tab asks for confirmation before the core records it."""

    def __init__(self, request_id: int, approval, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel the approval — request #%1").replace("%1", str(request_id)))
        what = QLabel(self.tr("The approval of %1 blank(s) by %2 is taken back (it stays in the history) and the "
                              "request goes back to the approval queue.")
                      .replace("%1", str(approval.quantity if approval else "—"))
                      .replace("%2", approval.signatory_name if approval else "—"))
        what.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. the official asked for another number"))
        self.reason.setFixedHeight(90)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Cancel the approval"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.text())))
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(QLabel(self.tr("&Reason:"), buddy=self.reason))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(520, 260)

    def text(self) -> str:
        return self.reason.toPlainText().strip()
