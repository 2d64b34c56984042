"""Hari ini: overdue and due today, waiting on an LSP and since when, the parcels for the next pickup, receipts
still missing, and SLA compliance per month; double-click a row to open the request."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.ui import i18n
from blanko_desktop.ui.operations import Changes, query
from blanko_desktop.ui.session import Session

ROLE_REQUEST = Qt.ItemDataRole.UserRole
ROLE_SECTION = Qt.ItemDataRole.UserRole + 1
SECTIONS = ("overdue", "due_today", "waiting_lsp", "pickup_parcels", "receipts_missing")
RED, AMBER = QColor("#b3261e"), QColor("#8a5a00")


class Tile(QPushButton):
    """A figure of the day: its count, large, over what it counts; clicking it shows that list.

    The text is a word-wrapped label inside the button (a QPushButton's own text never wraps): at 1024 px five
    tiles share ~1000 px and "paket untuk kurir 30 Nov 2026" was cut at both ends."""

    LINES = 3  # the count, and a title on up to two lines

    def __init__(self, section: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        # clicks go to the button underneath
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        inner = QVBoxLayout(self)
        inner.setContentsMargins(6, 4, 6, 4)
        inner.addWidget(self.label)
        # the window stays resizable to small screens: a long title wraps (and is cut past two lines) rather
        # than widening the window
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setCheckable(True)
        # set once: scaling the current font on every refresh made the tiles' text grow at each reload
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.15)
        font.setBold(True)
        self.setFont(font)
        self.label.setFont(font)
        self._fit_height()

    def text(self) -> str:  # noqa: D102 - what the tile shows (the button's own text stays empty)
        return self.label.text()

    def show_count(self, count: int, title: str, alert: bool) -> None:
        self.label.setText(f"{count}\n{title}")
        self.setToolTip(f"{count} {title}")
        self.setAccessibleName(f"{count} {title}")
        # a style sheet on the button would not reach its label
        self.label.setStyleSheet("QLabel { color: #b3261e; }" if alert and count else "")

    def _fit_height(self) -> None:
        self.setFixedHeight(max(64, self.label.fontMetrics().lineSpacing() * self.LINES + 16))


class TodayTab(QWidget):
    """The officer's day, reloaded whenever requests change."""

    request_picked = Signal(int)   # double-click on a request row
    parcel_picked = Signal(int)    # double-click on a parcel row (the request id)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.page = None
        self._op = None
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)

        self.tiles = {key: Tile(key) for key in SECTIONS}
        grid = QGridLayout()
        for column, key in enumerate(SECTIONS):
            grid.addWidget(self.tiles[key], 0, column)
            self.tiles[key].clicked.connect(lambda _checked=False, k=key: self.focus_section(k))

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Request"), self.tr("LSP"), self.tr("When"), self.tr("Note")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._activated)
        self.sla = QLabel()
        self.sla.setWordWrap(True)
        self.sla.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.sla)
        session.changes.connect(self._changed)
        session.database_changed.connect(self.refresh)
        # read the day once the window is on screen: the read imports the shipping core on its worker thread,
        # which would otherwise compete for Python's lock with the window being shown
        QTimer.singleShot(0, self.refresh)

    # -- loading ------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.requests or changes.request_ids or changes.calendar or changes.settings:
            self.refresh()

    def refresh(self) -> None:
        services = self.session.services
        self._op = query(self.session.storage, lambda: _read_today(services), self._show,
                         lambda exc: self.heading.setText(self.tr("The day could not be read: %1")
                                                          .replace("%1", str(exc))), parent=self)

    def wait(self, timeout: float = 10) -> None:
        """Tests: until the day's page has been read (its result arrives on the event loop)."""
        if self._op is None:
            self.refresh()  # the first read was not started yet (it waits for the event loop)
        self._op.wait(timeout)

    def _show(self, page) -> None:
        self.page = page
        self.heading.setText(self.tr("Today, %1").replace("%1", i18n.weekday_name(page.day.weekday()) + ", "
                                                                 + i18n.fmt_date(page.day)))
        c = page.counts
        titles = {
            "overdue": self.tr("overdue"),
            "due_today": self.tr("due today"),
            "waiting_lsp": self.tr("waiting on an LSP"),
            "pickup_parcels": self.tr("parcels for the courier on %1").replace("%1", i18n.fmt_date(page.next_pickup,
                                                                                                   long=False)),
            "receipts_missing": self.tr("receipts missing"),
        }
        for key, tile in self.tiles.items():
            tile.show_count(c[key], titles[key], key in ("overdue", "receipts_missing"))
        titles["receipts_missing"] = (self.tr("receipts missing (> %1 working days)")
                                      .replace("%1", str(page.receipt_days)))
        self.tree.clear()
        self.sections: dict[str, QTreeWidgetItem] = {}
        for key in SECTIONS:
            head = QTreeWidgetItem([f"{titles[key][0].upper()}{titles[key][1:]} ({c[key]})"])
            head.setData(0, ROLE_SECTION, key)
            bold = head.font(0)
            bold.setBold(True)
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            self.sections[key] = head
            for row in self._rows(key, page):
                head.addChild(row)
            head.setExpanded(True)
        for column in (0, 2):
            self.tree.resizeColumnToContents(column)
        self.sla.setText(self._sla_text(page.sla))

    def _rows(self, key: str, page) -> list[QTreeWidgetItem]:
        rows = []
        if key in ("overdue", "due_today", "waiting_lsp"):
            for item in getattr(page, key):
                if key == "waiting_lsp":
                    when = self.tr("since %1").replace("%1", i18n.fmt_datetime(item.since or item.received_at))
                else:
                    when = i18n.fmt_datetime(item.due_at)
                row = QTreeWidgetItem([f"#{item.request_id}", item.lsp_name or self.tr("(LSP not set)"), when,
                                       i18n.state_label(item.state)])
                row.setData(0, ROLE_REQUEST, item.request_id)
                if key == "overdue":
                    row.setForeground(2, RED)
                elif key == "due_today":
                    row.setForeground(2, AMBER)
                rows.append(row)
        elif key == "pickup_parcels":
            for p in page.pickup_parcels:
                row = QTreeWidgetItem([f"#{p.request_id}", p.lsp_name, i18n.fmt_datetime(p.packed_at),
                                       self.tr("%1 blanks, tracking number %2").replace("%1", str(p.quantity))
                                       .replace("%2", p.tracking_no or "-")])
                row.setData(0, ROLE_REQUEST, -p.request_id)
                rows.append(row)
        else:
            for m in page.receipts_missing:
                missing = ", ".join(self.tr("courier's") if k == "courier" else self.tr("LSP's") for k in m.missing)
                row = QTreeWidgetItem([f"#{m.parcel.request_id}", m.parcel.lsp_name,
                                       self.tr("%1 working days").replace("%1", str(m.working_days)),
                                       self.tr("missing: %1").replace("%1", missing)])
                row.setData(0, ROLE_REQUEST, -m.parcel.request_id)
                row.setForeground(2, RED)
                rows.append(row)
        return rows

    def _sla_text(self, months) -> str:
        parts = []
        for m in months:
            if m.share is None:
                continue
            colour = "#1b5e20" if m.share >= 0.9 else ("#8a5a00" if m.share >= 0.75 else "#b3261e")
            parts.append(f"{m.month}: <b style='color:{colour}'>{m.share:.0%}</b> ({m.in_time}/{m.counted})")
        text = " · ".join(parts) or self.tr("no submissions handled yet")
        return self.tr("SLA compliance (handled within 1 working day): %1").replace("%1", text)

    # -- actions ------------------------------------------------------------------------------------

    def focus_section(self, key: str) -> None:
        for k, tile in self.tiles.items():
            tile.setChecked(k == key)
        head = getattr(self, "sections", {}).get(key)
        if head is not None:
            self.tree.scrollToItem(head, QTreeWidget.ScrollHint.PositionAtTop)
            self.tree.setCurrentItem(head.child(0) if head.childCount() else head)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, ROLE_REQUEST)
        if not value:
            return
        if value > 0:
            self.request_picked.emit(int(value))
        else:
            self.parcel_picked.emit(int(-value))


def _read_today(services):
    """On the worker thread, imports included: the shipping core brings the form renderer (reportlab, ~0.2 s),
    which the first screen must not wait for."""
    from blanko_desktop.core.shipping import today

    return today.today(services)
