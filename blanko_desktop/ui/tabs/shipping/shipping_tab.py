"""Pengiriman: approved requests to pack (the packing check, receipt and label, packed), the next courier pickup
(manifest, hand-over), each parcel's tracking number and status, and the receipts that come back (dropped)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop import paths
from blanko_desktop.core.errors import BlankoError
from blanko_desktop.ui import dropdata, i18n, messages
from blanko_desktop.ui.operations import Changes, query
from blanko_desktop.ui.printing import print_form, printer_names
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.columns import KeepColumn

ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 6


def drafts_folder() -> Path:
    """Where shipping notice drafts and forms saved as PDF are written (a copy stays with the request)."""
    return paths.data_dir() / "pengiriman"


class ReceiptChoiceDialog(QDialog):
    """The officer picks the parcel (and which receipt it is) for a scan the software could not match."""

    def __init__(self, name: str, problem: str, parcels: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which parcel is this receipt for?"))
        self.parcel = QComboBox()
        for p in parcels:
            self.parcel.addItem(f"#{p.request_id} {p.lsp_name} — {p.receipt_number} — {p.tracking_no or '-'}", p.id)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Receipt signed by the LSP"), "lsp")
        self.kind.addItem(self.tr("Courier's delivery receipt"), "courier")
        form = QFormLayout(self)
        info = QLabel(f"<b>{name}</b><br>{problem}")
        info.setWordWrap(True)
        form.addRow(info)
        form.addRow(self.tr("&Parcel:"), self.parcel)
        form.addRow(self.tr("&Receipt:"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ShippingTab(QWidget):
    """The Pengiriman tab."""

    status_message = Signal(str)
    request_picked = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[tuple[str, int, int]] = []  # (kind 'request'|'parcel', id, request id)
        self.selected: tuple[str, int, int] | None = None
        self.check = None
        self.parcel = None
        self._ops: list = []
        self._wanted: int | None = None  # a request to select once a load shows its row
        self.setAcceptDrops(True)

        # the next pickup
        self.pickup_label = QLabel()
        self.pickup_label.setWordWrap(True)
        self.courier_input = QLineEdit()
        self.courier_input.setPlaceholderText(self.tr("Courier's name"))
        # the office's default courier (Pengaturan ▸ Stok dan pengiriman), until the officer types another
        self._courier_default = str(session.services.setting("courier") or "")
        self.courier_input.setText(self._courier_default)
        self.handover_button = QPushButton(self.tr("Print manifest && &hand over"))
        self.handover_button.clicked.connect(self.hand_over)
        pickup_box = QGroupBox(self.tr("Next courier pickup"))
        row = QHBoxLayout(pickup_box)
        row.addWidget(self.pickup_label, 1)
        row.addWidget(QLabel(self.tr("Courier:")))
        row.addWidget(self.courier_input)
        row.addWidget(self.handover_button)

        # the list
        self.filter = QComboBox()
        self.filter.addItem(self.tr("Needs action"), "open")
        self.filter.addItem(self.tr("All parcels"), "all")
        self.filter.currentIndexChanged.connect(self.refresh)
        self.attach_button = QPushButton(self.tr("&Attach returned receipt…"))
        self.attach_button.clicked.connect(self.choose_receipts)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Request"), self.tr("LSP"), self.tr("Blanks"), self.tr("Status"),
                                              self.tr("Tracking no."), self.tr("Receipts back")])
        # the LSP takes the rest of the list but stays readable: in a narrow pane (1024 px) the number, status and
        # receipts columns give way first, elided, down to what their common values need
        metrics = self.table.fontMetrics()
        self.columns = KeepColumn(self.table, 1, give_way={
            0: metrics.horizontalAdvance("#0000") + 16, 2: metrics.horizontalAdvance("000") + 16,
            3: metrics.horizontalAdvance("Diserahkan ke kurir") + 16, 5: metrics.horizontalAdvance("kurir, LSP") + 16})
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.itemSelectionChanged.connect(self._selection)
        hint = QLabel(self.tr("Drop returned receipts (scans or the LSP's e-mail) anywhere on this tab."))
        hint.setWordWrap(True)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.filter)
        lv.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.attach_button)
        lv.addLayout(bottom)

        # the detail
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an approved request to pack it, or a parcel to follow it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._pack_page())
        self.stack.addWidget(self._parcel_page())

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(pickup_box)
        layout.addWidget(split, 1)
        session.changes.connect(self._changed)
        session.database_changed.connect(self.refresh)
        session.database_changed.connect(self._follow_default_courier)
        self.refresh()

    # -- pages --------------------------------------------------------------------------------------

    def _pack_page(self) -> QWidget:
        page = QWidget()
        self.pack_title = QLabel()
        self.pack_title.setWordWrap(True)
        self.check_list = QLabel()
        self.check_list.setWordWrap(True)
        self.check_list.setTextFormat(Qt.TextFormat.RichText)
        self.check_list.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.address = QPlainTextEdit()
        self.address.setMaximumHeight(80)
        self.address.textChanged.connect(self._address_edited)
        self.confirm_address = QCheckBox(self.tr("I have checked the address on the label"))
        self.confirm_address.setMinimumWidth(120)
        self.confirm_address.toggled.connect(lambda _on: self._reload_check())
        self.receipt_button = QPushButton(self.tr("Print &receipt"))
        self.receipt_button.clicked.connect(lambda: self.produce_form("receipt"))
        self.label_button = QPushButton(self.tr("Print &label"))
        self.label_button.clicked.connect(lambda: self.produce_form("label"))
        self.pack_button = QPushButton(self.tr("&Packed"))
        self.pack_button.clicked.connect(self.pack)
        buttons = QHBoxLayout()
        for b in (self.receipt_button, self.label_button, self.pack_button):
            buttons.addWidget(b)
        v = QVBoxLayout(page)
        v.addWidget(self.pack_title)
        v.addWidget(self.check_list)
        v.addWidget(QLabel(self.tr("Address on the label:")))
        v.addWidget(self.address)
        v.addWidget(self.confirm_address)
        v.addLayout(buttons)
        v.addStretch(1)
        return page

    def _parcel_page(self) -> QWidget:
        page = QWidget()
        self.parcel_info = QLabel()
        self.parcel_info.setWordWrap(True)
        self.parcel_info.setTextFormat(Qt.TextFormat.RichText)
        self.parcel_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tracking_input = QLineEdit()
        self.tracking_input.setPlaceholderText(self.tr("Type or scan the tracking number, then Enter"))
        self.tracking_input.returnPressed.connect(self.save_tracking)
        self.delivered_button = QPushButton(self.tr("&Delivered"))
        self.delivered_button.clicked.connect(self.mark_delivered)
        self.notice_button = QPushButton(self.tr("Write shipping &notice…"))
        self.notice_button.clicked.connect(self.write_notice)
        self.returned_button = QPushButton(self.tr("Came &back…"))
        self.returned_button.clicked.connect(lambda: self.report_problem("returned"))
        self.lost_button = QPushButton(self.tr("&Lost…"))
        self.lost_button.clicked.connect(lambda: self.report_problem("lost"))
        self.resend_button = QPushButton(self.tr("&Send again"))
        self.resend_button.clicked.connect(self.resend)
        self.reverse_button = QPushButton(self.tr("&Reverse the issue…"))
        self.reverse_button.clicked.connect(self.reverse)
        form = QFormLayout()
        form.addRow(self.tr("&Tracking number:"), self.tracking_input)
        grid = QGridLayout()
        for index, b in enumerate((self.delivered_button, self.notice_button, self.returned_button, self.lost_button,
                                   self.resend_button, self.reverse_button)):
            grid.addWidget(b, index // 2, index % 2)
        v = QVBoxLayout(page)
        v.addWidget(self.parcel_info)
        v.addLayout(form)
        v.addLayout(grid)
        v.addStretch(1)
        return page

    # -- loading ------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.settings:
            self._follow_default_courier()
        if changes.requests or changes.request_ids or changes.documents or changes.calendar:
            self.refresh()

    def _follow_default_courier(self) -> None:
        """A new default courier replaces the one shown, never a name the officer typed for this pickup."""
        new = str(self.session.services.setting("courier") or "")
        if self.courier_input.text().strip() in ("", self._courier_default):
            self.courier_input.setText(new)
        self._courier_default = new

    def _run(self, fn, done) -> None:
        self._ops = [op for op in self._ops if op.running]
        self._ops.append(query(self.session.storage, fn, done, lambda exc: messages.error(self, exc), parent=self))

    def wait(self, timeout: float = 10) -> None:
        """Tests: until the reads started so far are done (their results arrive on the event loop)."""
        for op in list(self._ops):
            op.wait(timeout)

    def refresh(self) -> None:
        from blanko_desktop.core import shipping
        from blanko_desktop.core.shipping import pickups

        services = self.session.services
        everything = self.filter.currentData() == "all"

        def load():
            ready = shipping.ready_to_pack(services)
            parcels = shipping.parcel_views(services, None)
            if not everything:
                parcels = [p for p in parcels if p.request_state not in ("closed", "cancelled") and not p.resolution]
            return ready, list(reversed(parcels)), pickups.next_pickup_day(services), pickups.waiting_parcels(services)

        self._run(load, self._show)

    def _show(self, loaded) -> None:
        ready, parcels, next_day, waiting = loaded
        self.pickup_label.setText(self.tr("%1: %2 parcel(s) waiting").replace(
            "%1", i18n.weekday_name(next_day.weekday()) + ", " + i18n.fmt_date(next_day))
            .replace("%2", str(len(waiting))))
        self.handover_button.setEnabled(bool(waiting))
        keep = self.selected
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.rows = []
        for r in ready:
            status = self.tr("Approved: to pack") if r.issued and r.receipt else (
                self.tr("Approved: receipt to print") if r.issued else self.tr("Approved: blanks to issue"))
            self._add_row(("request", r.request_id, r.request_id),
                          [f"#{r.request_id}", r.lsp_name, str(r.quantity), status, "", ""])
        for p in parcels:
            back = " + ".join(w for w, at in ((self.tr("courier"), p.courier_receipt_at), ("LSP", p.lsp_receipt_at))
                              if at) or "-"
            self._add_row(("parcel", p.id, p.request_id),
                          [f"#{p.request_id}", p.lsp_name, str(p.quantity), p.status_label, p.tracking_no or "-", back])
        self.table.blockSignals(False)
        for column in (0, 2, 3, 4, 5):
            self.table.resizeColumnToContents(column)
        self.columns.remember()
        wanted, self._wanted = self._wanted, None
        if wanted is not None and self.select(wanted):
            return
        if keep is not None:
            self.select(keep[2], keep[0])

    def _add_row(self, key: tuple[str, int, int], cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ROLE, key)
            self.table.setItem(row, column, item)
        self.rows.append(key)

    def show_request(self, request_id: int) -> None:
        """Select `request_id` now, or as soon as a load shows its row (it may have just been approved)."""
        self._wanted = None if self.select(request_id) else request_id
        if self._wanted is not None:
            self.refresh()

    def select(self, request_id: int, kind: str | None = None) -> bool:
        """Select the row of `request_id` (its parcel, or the request to pack)."""
        for index, key in enumerate(self.rows):
            if key[2] == request_id and (kind is None or key[0] == kind):
                self.table.selectRow(index)
                self._selection()
                return True
        return False

    def _selection(self) -> None:
        items = self.table.selectedItems()
        if not items:
            self.selected = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.selected = items[0].data(ROLE)
        kind, ident, request_id = self.selected
        if kind == "request":
            self.address.blockSignals(True)
            self.address.clear()
            self.address.blockSignals(False)
            self.confirm_address.setChecked(False)
            self._reload_check(first=True)
        else:
            self._load_parcel(ident)

    # -- packing ------------------------------------------------------------------------------------

    def _label_text(self) -> str | None:
        text = self.address.toPlainText().strip()
        return text or None

    def _address_edited(self) -> None:
        self._reload_check()

    def _reload_check(self, first: bool = False) -> None:
        from blanko_desktop.core import shipping

        if self.selected is None or self.selected[0] != "request":
            return
        services, rid = self.session.services, self.selected[2]
        label, confirmed = (None if first else self._label_text()), self.confirm_address.isChecked()
        self._run(lambda: shipping.packing_check(services, rid, label, confirmed), lambda c: self._show_check(c, first))

    def _show_check(self, check, first: bool) -> None:
        if self.selected is None or self.selected[2] != check.request_id:
            return
        self.check = check
        self.pack_title.setText(self.tr("<b>Request #%1</b> — %2, %3 blanks").replace("%1", str(check.request_id))
                                .replace("%2", check.lsp_name).replace("%3", str(check.quantity)))
        lines = []
        for item in check.items:
            mark, colour = ("✓", "#1b5e20") if item.ok else (("✗", "#b3261e") if item.blocking else ("•", "#8a5a00"))
            lines.append(f"<span style='color:{colour}'>{mark}</span> <b>{item.title}</b>: {item.text}")
        self.check_list.setText("<br>".join(lines))
        if first:
            self.address.blockSignals(True)
            self.address.setPlainText(check.address_of_record)
            self.address.blockSignals(False)
        self.confirm_address.setVisible(bool(check.confirm_reasons))
        self.pack_button.setEnabled(check.ok)
        self.stack.setCurrentIndex(1)

    def produce_form(self, form: str) -> None:
        """Render the form off the GUI thread, then print it (or save it as PDF when no printer is set up)."""
        from blanko_desktop.core import shipping

        if self.selected is None:
            return
        services, rid, label = self.session.services, self.selected[2], self._label_text()

        def render():
            if form == "receipt":
                return shipping.receipt_pdf(services, rid)
            return shipping.label_pdf(services, rid, label), ""

        self._run(render, lambda result: self._output(form, result[0], rid, result[1]))

    def _output(self, form: str, pdf: bytes, request_id: int | None, number: str = "") -> bool:
        """Print on the workstation's printer, or save as PDF where the officer says; logged either way."""
        from blanko_desktop.core.forms import printlog

        services = self.session.services
        names = printer_names()
        if names:
            printer = self.session.cfg.printer if self.session.cfg.printer in names else names[0]
            copies = 2 if form == "receipt" else 1
            done = self.session.perform(self, lambda: print_form(services, form, pdf, printer, copies, request_id,
                                                                 number), Changes.of_request(request_id,
                                                                                             requests=False))
            if done is not None:
                self.status_message.emit(self.tr("Printed on %1.").replace("%1", printer))
            return done is not None
        folder = drafts_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stem = number or (str(request_id) if request_id else f"{datetime.now():%Y%m%d-%H%M%S}")
        suggested = folder / f"{form}-{stem}.pdf"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("No printer: save the form as PDF"), str(suggested),
                                              self.tr("PDF (*.pdf)"))
        if not name:
            return False
        Path(name).write_bytes(pdf)
        done = self.session.perform(self, lambda: printlog.log_printed(services, form, pdf, request_id, "", 1, number),
                                    Changes.of_request(request_id, requests=False))
        if done is not None:
            self.status_message.emit(self.tr("Saved as %1: print it from there.").replace("%1", name))
            self._reload_check()
        return done is not None

    def pack(self) -> None:
        from blanko_desktop.core import shipping

        if self.selected is None or self.selected[0] != "request":
            return
        services, rid = self.session.services, self.selected[2]
        label, confirmed = self._label_text(), self.confirm_address.isChecked()
        done = self.session.perform(self, lambda: shipping.pack(services, rid, label, confirmed),
                                    Changes.of_request(rid))
        if done is not None:
            self.selected = ("parcel", done.id, rid)
            self.status_message.emit(self.tr("Request #%1 is packed: it goes with the next courier pickup.")
                                     .replace("%1", str(rid)))

    # -- the courier ----------------------------------------------------------------------------------

    def hand_over(self) -> None:
        """Print the manifest of the parcels waiting, then record the hand-over to the courier."""
        from blanko_desktop.core import shipping
        from blanko_desktop.core.shipping import pickups
        from blanko_desktop.core.shipping.common import office_date

        courier = self.courier_input.text().strip()
        services = self.session.services
        if not courier:
            messages.warn(self, self.tr("Courier"), self.tr("Type the name of the courier who picks the parcels up."))
            self.courier_input.setFocus()
            return
        day = office_date(services)
        try:
            pdf = pickups.manifest_pdf(services, day, courier)
        except BlankoError as exc:
            messages.error(self, exc)
            return
        if not self._output("manifest", pdf, None, day.isoformat()):
            return
        done = self.session.perform(self, lambda: shipping.handover(services, day, courier, pdf=pdf),
                                    Changes(requests=True))
        if done is not None:
            self.status_message.emit(self.tr("Handed over to %1.").replace("%1", courier))

    # -- a parcel -------------------------------------------------------------------------------------

    def _load_parcel(self, parcel_id: int) -> None:
        from blanko_desktop.core import shipping

        services = self.session.services
        self._run(lambda: shipping.parcel_view(services, parcel_id), self._show_parcel)

    def _show_parcel(self, p) -> None:
        if self.selected is None or self.selected[1] != p.id:
            return
        self.parcel = p
        lines = [self.tr("<b>Request #%1</b> — %2").replace("%1", str(p.request_id)).replace("%2", p.lsp_name),
                 f"{p.status_label}" + (f" · {i18n.fmt_date(p.delivered_on)}" if p.delivered_on else ""),
                 self.tr("%1 blanks: %2").replace("%1", str(p.quantity)).replace("%2", ", ".join(p.ranges) or "-"),
                 self.tr("Receipt %1 · packed %2").replace("%1", p.receipt_number or "-")
                 .replace("%2", i18n.fmt_datetime(p.packed_at)),
                 p.address.replace("\n", ", ")]
        if p.courier:
            lines.append(self.tr("Courier %1 · %2").replace("%1", p.courier).replace("%2", i18n.fmt_datetime(p.handed_at)))
        back = [self.tr("courier's receipt ✓") if p.courier_receipt_at else self.tr("courier's receipt —"),
                self.tr("LSP's signed receipt ✓") if p.lsp_receipt_at else self.tr("LSP's signed receipt —")]
        lines.append(" · ".join(back))
        if p.problem_note:
            lines.append(f"<span style='color:#b3261e'>{p.problem_note}</span>")
        self.parcel_info.setText("<br>".join(lines))
        self.tracking_input.setText(p.tracking_no)
        on_road = p.status == "shipped"
        problem = p.status in ("returned", "lost") and not p.resolution
        self.tracking_input.setEnabled(p.status in ("packed", "shipped"))
        self.delivered_button.setEnabled(on_road)
        self.notice_button.setEnabled(p.status in ("shipped", "delivered") and bool(p.tracking_no))
        self.returned_button.setEnabled(on_road)
        self.lost_button.setEnabled(on_road)
        self.resend_button.setEnabled(problem and p.status == "returned")
        self.reverse_button.setEnabled(problem)
        self.stack.setCurrentIndex(2)

    def _request(self) -> int | None:
        return self.selected[2] if self.selected is not None and self.selected[0] == "parcel" else None

    def save_tracking(self) -> None:
        from blanko_desktop.core import shipping

        rid = self._request()
        if rid is None:
            return
        text, services = self.tracking_input.text(), self.session.services
        done = self.session.perform(self, lambda: shipping.set_tracking(services, rid, text), Changes.of_request(rid))
        if done is not None:
            self.status_message.emit(self.tr("Tracking number %1 saved.").replace("%1", done.tracking_no))

    def mark_delivered(self) -> None:
        from blanko_desktop.core import shipping

        rid = self._request()
        if rid is not None:
            services = self.session.services
            self.session.perform(self, lambda: shipping.mark_delivered(services, rid), Changes.of_request(rid))

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def report_problem(self, status: str) -> None:
        from blanko_desktop.core import shipping

        rid = self._request()
        if rid is None:
            return
        note = self.ask_text(self.tr("Parcel"), self.tr("What did the courier say?"))
        if note is None:
            return
        services = self.session.services
        self.session.perform(self, lambda: shipping.report_problem(services, rid, status, note),
                             Changes.of_request(rid))

    def resend(self) -> None:
        from blanko_desktop.core import shipping

        rid = self._request()
        if rid is not None:
            services = self.session.services
            self.session.perform(self, lambda: shipping.resend(services, rid), Changes.of_request(rid))

    def reverse(self) -> None:
        from blanko_desktop.core import shipping

        rid = self._request()
        if rid is None:
            return
        reason = self.ask_text(self.tr("Reverse the issue"), self.tr("Why are the blanks taken back?"))
        if reason is None:
            return
        services = self.session.services
        self.session.perform(self, lambda: shipping.reverse(services, rid, reason), Changes.of_request(rid))

    def open_draft(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def write_notice(self) -> Path | None:
        from blanko_desktop.core.shipping import notice

        rid = self._request()
        if rid is None:
            return None
        services = self.session.services
        out = drafts_folder() / f"pemberitahuan-pengiriman-{rid}-{datetime.now():%Y%m%d-%H%M%S}.eml"
        path = self.session.perform(self, lambda: notice.write_notice(services, rid, out),
                                    Changes.of_request(rid, documents=True, requests=False))
        if path is not None:
            opened = self.open_draft(path)
            self.status_message.emit((self.tr("The shipping notice is open in the mail program.") if opened else
                                      self.tr("The shipping notice draft is saved at %1.").replace("%1", str(path))))
        return path

    # -- returned receipts ----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event: QDropEvent) -> None:
        contents = dropdata.read_mime(event.mimeData())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.attach_receipts(contents.paths, contents.items)

    def choose_receipts(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Returned receipts"), str(Path.home()),
                                                self.tr("Scans and e-mails (*.pdf *.png *.jpg *.jpeg *.tif *.tiff "
                                                        "*.eml *.msg)"))
        if names:
            self.attach_receipts([Path(n) for n in names])

    def attach_receipts(self, paths_in: list[Path], items: list[tuple[str, bytes]] | None = None) -> None:
        """Read and match the scans off the GUI thread; then ask for what could not be matched, and attach."""
        from blanko_desktop.core.shipping import receipts

        services = self.session.services
        parcel = self.parcel.id if self.parcel is not None and self._request() is not None else None

        def read():
            loaded = [(p.name, p.read_bytes()) for p in paths_in] + list(items or [])
            return receipts.prepare(services, loaded)

        self.status_message.emit(self.tr("Reading the receipts…"))
        self._run(read, lambda plan: self._attach(plan, parcel))

    def ask_parcel(self, name: str, problem: str, parcels: list) -> tuple[int, str] | None:
        dialog = ReceiptChoiceDialog(name, problem, parcels, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.parcel.currentData(), dialog.kind.currentData()

    def _attach(self, plan, selected_parcel: int | None) -> None:
        from blanko_desktop.core import shipping
        from blanko_desktop.core.shipping import receipts

        services = self.session.services
        if not plan.files:
            messages.warn(self, self.tr("Returned receipts"), " ".join(plan.problems) or self.tr("No scan found."))
            return
        for index, f in enumerate(plan.files):
            if f.ok:
                continue
            if not f.needs_officer:
                messages.warn(self, self.tr("Returned receipts"), f.problem)
                return
            candidates = shipping.parcel_views(services, None)
            candidates = [p for p in candidates if p.status in ("shipped", "delivered") and p.request_state
                          not in ("closed", "cancelled")]
            if selected_parcel is not None:
                candidates.sort(key=lambda p: p.id != selected_parcel)
            answer = self.ask_parcel(f.name, f.problem, candidates)
            if answer is None:
                return
            chosen = receipts.choose(plan, index, services, *answer)
            if chosen.problem:
                messages.warn(self, self.tr("Returned receipts"), chosen.problem)
                return
        ids = frozenset(f.request_id for f in plan.files)
        outcomes = self.session.perform(self, lambda: receipts.commit(services, plan),
                                        Changes(request_ids=ids, requests=True, documents=True))
        if outcomes:
            text = "; ".join(self.tr("%1: request #%2 now %3").replace("%1", o.name).replace("%2", str(o.request_id))
                             .replace("%3", i18n.state_label(o.state)) for o in outcomes)
            self.status_message.emit(text)
