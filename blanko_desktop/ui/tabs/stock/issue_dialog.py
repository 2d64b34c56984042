"""Keluarkan blanko: issue exactly the approved number of blanks to an approved request (any tab may open it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.stock import SerialRange, StockRequest
from blanko_desktop.ui import i18n
from blanko_desktop.ui.operations import Changes
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.stock.dialogs import StockDialog
from blanko_desktop.ui.tabs.stock.labels import number, sheets
from blanko_desktop.ui.tabs.stock.serial_entry import BAD_COLOUR, OK_COLOUR, RangesEntry


class IssueDialog(StockDialog):
    """The suggestion (one bundle if one holds them all, else the lowest serials) shown as ranges, to keep or
    change by typing or scanning the first and last sheet of each bundle; issued only when the ranges hold
    exactly the approved number. Without a request id the officer picks one of the approved requests that
    have no blanks yet.

    From another tab: `IssueDialog(session, request_id, parent).exec()`, or `issue_blanks(...)`."""

    def __init__(self, session: Session, request_id: int | None = None, parent: QWidget | None = None):
        super().__init__(session, self.tr("Issue blanks"), self.tr("&Issue"), parent)
        self.issued: list[SerialRange] | None = None
        self.requests: dict[int, StockRequest] = {r.id: r for r in self.ledger.issuable_requests()}
        self.request_id: int | None = None
        self.picker = QComboBox()
        for req in self.requests.values():
            self.picker.addItem(self._request_text(req), req.id)
        self.picker.currentIndexChanged.connect(lambda _i: self.set_request(self.picker.currentData()))
        picker_label = QLabel(self.tr("&Request:"))
        picker_label.setBuddy(self.picker)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.available = QLabel()
        self.entry = RangesEntry(self.fmt)
        self.entry.changed.connect(self._check)
        self.suggest_button = QPushButton(self.tr("Use the &suggestion"))
        self.suggest_button.setToolTip(self.tr("Put back the ranges the program suggests."))
        self.suggest_button.setAutoDefault(False)
        self.suggest_button.clicked.connect(self.use_suggestion)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.suggestion: list[SerialRange] = []

        form = QFormLayout()
        form.addRow(picker_label, self.picker)
        form.addRow(self.tr("Stock on hand:"), self.available)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.info)
        self.layout_.addWidget(QLabel(self.tr("Ranges to issue (take these bundles from the store):")))
        self.layout_.addWidget(self.entry, 1)
        row = QHBoxLayout()
        row.addWidget(self.verdict, 1)
        row.addWidget(self.suggest_button)
        self.layout_.addLayout(row)
        self.finish_layout()

        if request_id is not None:
            # opened for one request (from the approval tab): show it even when it cannot be issued, so the
            # officer reads why from the core when pressing Issue
            if request_id not in self.requests:
                self.picker.insertItem(0, f"#{request_id}", request_id)
            self.picker.setCurrentIndex(self.picker.findData(request_id))
            self.picker.setEnabled(False)
        self.set_request(self.picker.currentData())
        self.entry.scan.setFocus()
        self.resize(560, 480)

    def _request_text(self, req: StockRequest) -> str:
        text = f"#{req.id} · {req.lsp_name or self.tr('(unknown LSP)')} · {sheets(req.approved_qty or 0)}"
        if req.kind == "replacement":
            text += " · " + i18n.kind_label(req.kind).lower()
        return text

    # -- which request, and the suggestion -------------------------------------------------------------------

    def set_request(self, request_id: int | None) -> None:
        self.request_id = request_id
        self.suggestion = []
        balance = self.ledger.balance()
        self.available.setText(sheets(balance.available))
        req = self.requests.get(request_id) if request_id is not None else None
        if request_id is None:
            self.info.setText(self.tr("No approved request is waiting for blanks."))
            self.entry.set_ranges([])
            self._check()
            return
        if req is None:
            view = self.session.services.request_view(request_id)
            self.info.setText(self.tr("Request #%1 (%2) is %3.").replace("%1", str(view.id))
                              .replace("%2", view.lsp_name or self.tr("(unknown LSP)"))
                              .replace("%3", i18n.state_label(view.state).lower()))
            self.entry.set_ranges(self.ledger.request_ranges(request_id))
            self._check()
            return
        text = self.tr("Request #%1 from %2: %3 approved.").replace("%1", str(req.id)).replace(
            "%2", req.lsp_name or self.tr("(unknown LSP)")).replace("%3", sheets(req.approved_qty or 0))
        if req.kind == "replacement":
            text += " " + self.tr("Replacement: %1 damaged sheets returned.").replace("%1", number(req.returned))
        try:
            self.suggestion = self.ledger.suggest(req.approved_qty or 0)
        except BlankoError as exc:  # short stock: the core says how short
            text += "\n" + str(exc)
        self.info.setText(text)
        self.entry.set_ranges(self.suggestion)
        self._check()

    def use_suggestion(self) -> None:
        self.entry.set_ranges(self.suggestion)

    @property
    def approved(self) -> int | None:
        req = self.requests.get(self.request_id) if self.request_id is not None else None
        return req.approved_qty if req else None

    def _check(self) -> None:
        total, approved = self.entry.total(), self.approved
        self.suggest_button.setEnabled(bool(self.suggestion))
        if approved is None or total is None:
            self.verdict.setText("")
            return
        ok = total == approved
        self.verdict.setText((self.tr("✓ %1 of %2 approved") if ok else self.tr("✗ %1 of %2 approved: exactly "
                                                                               "the approved number is issued"))
                             .replace("%1", number(total)).replace("%2", number(approved)))
        self.verdict.setStyleSheet(f"color: {OK_COLOUR if ok else BAD_COLOUR}; font-weight: bold;")

    # -- issue ---------------------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.request_id is None:
            return False
        ledger, request_id, text = self.ledger, self.request_id, self.entry.plain_text()
        self.issued = self._perform(lambda: ledger.issue(request_id, text),
                                    Changes.of_request(request_id, requests=False))
        return self.issued is not None


def issue_blanks(session: Session, request_id: int | None = None,
                 parent: QWidget | None = None) -> list[SerialRange] | None:
    """Open the dialog; the ranges issued, or None when the officer cancelled."""
    dialog = IssueDialog(session, request_id, parent)
    return dialog.issued if dialog.exec() == QDialog.DialogCode.Accepted else None
