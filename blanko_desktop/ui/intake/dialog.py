"""The intake dialog: what arrived, from which LSP, for which request, and since when the clock runs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core import intake_routing
from blanko_desktop.core.intake_routing import IntakeDecision
from blanko_desktop.core.reception import IntakePlan, PlannedFile
from blanko_desktop.ui import i18n
from blanko_desktop.ui.lazy import lsp_suggestion
from blanko_desktop.ui.session import Session

DUPLICATE_FG = "#6b6b6b"
PROBLEM_FG = "#a31515"


class IntakeDialog(QDialog):
    """Shown when the intake needs the officer: an unknown sender, a waiting request, duplicates, problems."""

    def __init__(self, session: Session, plan: IntakePlan, decision: IntakeDecision, target_request: int | None,
                 dropped_at: datetime, parent: QWidget | None = None):
        """`decision` is the core's answer (intake_routing.decide); the officer's changes go back to it."""
        super().__init__(parent)
        self.session = session
        self.plan = plan
        self.first_decision = decision
        self.target_request = target_request
        self._target = None
        if target_request is not None:
            try:
                self._target = session.services.request_view(target_request)
            except BlankoError:
                self.target_request = None
        self._waiting_id: int | None = None
        self.setWindowTitle(self.tr("Receive files"))
        layout = QVBoxLayout(self)

        # -- where it came from
        if plan.sender:
            who = f"{plan.sender_name} <{plan.sender}>" if plan.sender_name else plan.sender
            origin = self.tr("E-mail from %1").replace("%1", who)
            if plan.subject:
                origin += " — " + plan.subject
        else:
            origin = self.tr("Loose files (not an e-mail): %n file(s)", "", len(plan.files))
        self.origin = QLabel(origin)
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.origin.font())
        font.setBold(True)
        self.origin.setFont(font)
        layout.addWidget(self.origin)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        # -- the LSP
        self.lsp_label = QLabel()
        self.lsp_label.setWordWrap(True)
        self.lsp_combo = QComboBox()
        self.lsp_hint = QLabel()
        self.lsp_hint.setWordWrap(True)
        self.lsp_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.lsp_hint.hide()
        self.add_address = QCheckBox()
        self.suggestion, self.draft = None, None
        self._last_lsp_index = 0
        lsp_box = QVBoxLayout()
        lsp_box.setContentsMargins(0, 0, 0, 0)
        lsp_box.addWidget(self.lsp_label)
        lsp_box.addWidget(self.lsp_combo)
        lsp_box.addWidget(self.lsp_hint)
        lsp_box.addWidget(self.add_address)
        if decision.lsp_id is not None and decision.lsp_source in ("request", "sender"):
            self.lsp_label.setText(decision.lsp_name + "  " + (
                self.tr("(the request's LSP)") if decision.lsp_source == "request"
                else self.tr("(recognised by the sender's address)")))
            self.lsp_combo.hide()
            self.add_address.hide()
            self._fixed_lsp = decision.lsp_id
        else:
            self._fixed_lsp = None
            self.lsp_label.setText(
                self.tr("The sender %1 is not in the LSP registry. Choose the LSP:").replace("%1", plan.sender)
                if plan.sender else self.tr("Choose the LSP that sent these files:"))
            # nothing is pre-selected without evidence: the letter's letterhead or the sender's domain
            self.suggestion, self.draft = lsp_suggestion.for_plan(session.services, plan)
            self._fill_lsps()
            self.lsp_hint.setText(self._hint_text())
            self.lsp_hint.setVisible(bool(self.lsp_hint.text()))
            self.add_address.setText(self.tr("Add %1 to this LSP's e-mail addresses").replace("%1", plan.sender))
            self.add_address.setVisible(bool(plan.sender))
            self.add_address.setChecked(bool(plan.sender))
            self.add_address.setEnabled(False)
            self.lsp_combo.currentIndexChanged.connect(self._lsp_chosen)
            self.lsp_combo.activated.connect(self._lsp_activated)
        lsp_title = QLabel(self.tr("&LSP:"))
        lsp_title.setBuddy(self.lsp_combo)
        form.addRow(lsp_title, lsp_box)

        # -- which request
        self.to_waiting = QRadioButton()
        self.to_new = QRadioButton(self.tr("A new request"))
        self.target_label = QLabel()
        self.request_group = QButtonGroup(self)
        self.request_group.addButton(self.to_waiting)
        self.request_group.addButton(self.to_new)
        request_box = QVBoxLayout()
        request_box.setContentsMargins(0, 0, 0, 0)
        request_box.addWidget(self.target_label)
        request_box.addWidget(self.to_waiting)
        request_box.addWidget(self.to_new)
        form.addRow(self.tr("Request:"), request_box)
        if self._target is not None:
            self.target_label.setText(self.tr("Add to request #%1 (%2)").replace("%1", str(self._target.id))
                                      .replace("%2", i18n.state_label(self._target.state)))
            self.to_waiting.hide()
            self.to_new.hide()
        else:
            self._offer(decision)

        # -- since when
        self.received_edit = QDateTimeEdit()
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("d MMM yyyy HH:mm")
        moment = decision.received_at or plan.received_at or dropped_at
        self.received_edit.setDateTime(QDateTime(i18n.local(moment).replace(tzinfo=None)))
        self.received_hint = QLabel(self.tr("the e-mail's date") if plan.received_at
                                    else self.tr("when the files were dropped; change it if they arrived earlier"))
        self.received_hint.setEnabled(False)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_edit)
        received_row.addWidget(self.received_hint, 1)
        received_title = QLabel(self.tr("&Received:"))
        received_title.setBuddy(self.received_edit)
        form.addRow(received_title, received_row)
        layout.addLayout(form)

        # -- the files
        self.files = QTreeWidget()
        self.files.setHeaderLabels([self.tr("File"), self.tr("Detected as"), self.tr("Status")])
        self.files.setRootIsDecorated(any(f.parent is not None for f in plan.files))
        self.files.setAlternatingRowColors(True)
        self.files.setUniformRowHeights(True)
        items: list[QTreeWidgetItem] = []
        for planned in plan.files:
            item = QTreeWidgetItem([planned.name, i18n.document_kind_label(planned.kind), self.file_status(planned)])
            item.setToolTip(0, planned.name)
            item.setToolTip(2, item.text(2))
            if planned.duplicate_of is not None:
                for col in range(3):
                    item.setForeground(col, QBrush(QColor(DUPLICATE_FG)))
            parent = items[planned.parent] if planned.parent is not None and planned.parent < len(items) else None
            (parent.addChild(item) if parent is not None else self.files.addTopLevelItem(item))
            items.append(item)
        self.files.expandAll()
        header = self.files.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout.addWidget(self.files, 1)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setStyleSheet(f"color: {PROBLEM_FG};")
        self.problems.setText("\n".join(f"• {p}" for p in plan.problems))
        self.problems.setVisible(bool(plan.problems))
        layout.addWidget(self.problems)

        self.nothing_new = QLabel(self.tr("Every file had been received before: nothing new to store."))
        self.nothing_new.setVisible(not plan.new_files)
        layout.addWidget(self.nothing_new)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("&Receive the files"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(bool(plan.new_files))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel if plan.new_files
                               else QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 460)
        if self.suggestion is not None and self.suggestion.lsp_id is not None:
            self.choose_lsp(self.suggestion.lsp_id)  # core says again where the files go with it

    # -- pieces ---------------------------------------------------------------------------------------

    def file_status(self, planned: PlannedFile) -> str:
        if planned.duplicate_of is not None:
            _doc, request_id, added_at = planned.duplicate_of
            return self.tr("already received on %1 for request #%2").replace(
                "%1", i18n.fmt_date(i18n.local(added_at).date(), long=False)).replace("%2", str(request_id))
        return self.tr("new")

    def _offer(self, decision: IntakeDecision) -> None:
        """Say where core puts the files; when it adds them to an existing request, offer a new one instead."""
        request_id = None if decision.nothing_new else decision.request_id
        self._waiting_id = request_id
        if request_id is None:
            # nothing to choose: say what happens
            self.to_waiting.hide()
            self.to_new.hide()
            self.to_new.setChecked(True)
            self.target_label.setText(self.tr("A new request"))
            self.target_label.show()
            return
        self.target_label.hide()
        try:
            received_at = self.session.services.request_view(request_id).received_at
        except BlankoError:
            received_at = None
        text = self.tr("Add to request #%1, which waits for the LSP to complete it").replace("%1", str(request_id))
        if received_at is not None:
            text += " " + self.tr("(received %1)").replace("%1", i18n.fmt_date(i18n.local(received_at).date(),
                                                                                 long=False))
        self.to_waiting.setText(text)
        self.to_waiting.show()
        self.to_new.show()
        self.to_waiting.setChecked(True)

    NEW_LSP = -1  # the item "Register a new LSP…"

    def _fill_lsps(self, select: int | None = None) -> None:
        self.lsp_combo.blockSignals(True)
        self.lsp_combo.clear()
        self.lsp_combo.addItem(self.tr("— not decided yet —"), None)
        for lsp in self.session.services.lsp_views(active_only=True):
            self.lsp_combo.addItem(lsp.name, lsp.id)
        self.lsp_combo.insertSeparator(self.lsp_combo.count())
        self.lsp_combo.addItem(self.tr("Register a new LSP…"), self.NEW_LSP)
        self.lsp_combo.setCurrentIndex(max(0, self.lsp_combo.findData(select)) if select is not None else 0)
        self._last_lsp_index = self.lsp_combo.currentIndex()
        self.lsp_combo.blockSignals(False)

    def _hint_text(self) -> str:
        if self.suggestion is None:
            return ""
        if self.suggestion.lsp_id is None:
            return self.suggestion.reason
        return self.tr("Suggested: %1. Why: %2").replace("%1", self.suggestion.lsp_name).replace(
            "%2", self.suggestion.reason)

    def _lsp_activated(self, index: int) -> None:
        if self.lsp_combo.itemData(index) != self.NEW_LSP:
            self._last_lsp_index = index
            return
        self.lsp_combo.setCurrentIndex(self._last_lsp_index)
        self.register_lsp()

    def lsp_dialog(self):
        from blanko_desktop.ui.dialogs.lsp_registry import LspEditDialog

        return LspEditDialog(self.session, None, self, draft=self.draft)

    def register_lsp(self) -> int | None:
        """*Register a new LSP…*: pre-filled from the letter (name, address, phone) and the sender; then chosen."""
        dialog = self.lsp_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.lsp_id is None:
            return None
        self._fill_lsps()
        self.choose_lsp(dialog.lsp_id)
        self.lsp_hint.setText(self.tr("Registered from the letter: %1.").replace("%1", self.lsp_combo.currentText()))
        self.lsp_hint.show()
        return dialog.lsp_id

    def _lsp_chosen(self) -> None:
        lsp_id = self.lsp_combo.currentData()
        if lsp_id == self.NEW_LSP:
            return
        self.add_address.setEnabled(lsp_id is not None)
        if self._target is not None:
            return
        # core says again where the files go with this LSP (its request waiting for completion, if any)
        try:
            decision = intake_routing.decide(self.session.services, self.plan, lsp_id=lsp_id)
        except BlankoError:
            decision = self.first_decision
        self._offer(decision)

    def choose_lsp(self, lsp_id: int | None) -> None:
        """Select an LSP in the combo, or None for undecided (the officer's pick; tests use it too)."""
        self.lsp_combo.setCurrentIndex(0 if lsp_id is None else self.lsp_combo.findData(lsp_id))
        self._last_lsp_index = self.lsp_combo.currentIndex()

    # -- result ---------------------------------------------------------------------------------------

    def received_at(self) -> datetime:
        return i18n.office_time(self.received_edit.dateTime().toPython())

    def choices(self) -> dict:
        """What the officer chose, as the keyword arguments of `intake_routing.decide`."""
        lsp_id = self._fixed_lsp if self._fixed_lsp is not None else self.lsp_combo.currentData()
        lsp_id = None if lsp_id == self.NEW_LSP else lsp_id
        if self._target is not None:
            request_id, force_new = self._target.id, False
        else:
            to_existing = self._waiting_id is not None and self.to_waiting.isChecked()
            request_id, force_new = (self._waiting_id, False) if to_existing else (None, True)
        return {"request_id": request_id, "lsp_id": lsp_id, "force_new": force_new,
                "received_at": self.received_at(),
                "remember_sender": bool(self.plan.sender) and self.add_address.isChecked()
                and self.add_address.isEnabled() and self._fixed_lsp is None}

    def decision(self) -> IntakeDecision:
        """Core's decision with the officer's choices (refusals raise, as core words them)."""
        return intake_routing.decide(self.session.services, self.plan, **self.choices())
