"""The main window: menus, the tabs of the officer's work, and a status bar that says where the data is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QObject, QPoint, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop import APP_NAME, __version__, paths
from blanko_desktop.core.errors import BlankoError, DatabaseTooNewError, StorageError
from blanko_desktop.ui import messages
from blanko_desktop.ui.intake.controller import IntakeController
from blanko_desktop.ui.intake.router import DropRouter
from blanko_desktop.ui.session import Session, as_target
from blanko_desktop.ui.widgets.drop_overlay import DropOverlay, NoticeBar

WARM_UP_DELAY_MS = 1500

# The window on the office's screens: a first start on a big screen gets this size, centred; on a smaller
# one (a 1366x768 laptop, a 1024x768 monitor) it starts maximised, so nothing is cut off or off-screen.
FIRST_SIZE = QSize(1360, 860)
SMALL_SCREEN = QSize(1440, 900)
# What the window manager adds around the client area (Windows 10/11 title bar and borders).
FRAME = QMargins(8, 32, 8, 8)


def initial_geometry(available: QRect) -> tuple[QRect, bool]:
    """First start: the window's (normal geometry, maximised) on a screen with `available` space."""
    room = available.marginsRemoved(FRAME)
    rect = QRect(QPoint(0, 0), FIRST_SIZE.boundedTo(room.size()))
    rect.moveCenter(room.center())
    small = available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height()
    return rect, small


def fit_geometry(saved: QRect, available: QRect) -> QRect:
    """A saved normal geometry made to fit the screen it opens on now (a smaller screen, another resolution):
    never larger than the screen, never partly off it."""
    room = available.marginsRemoved(FRAME)
    size = saved.size().boundedTo(room.size())
    x = min(max(saved.x(), room.left()), room.right() + 1 - size.width())
    y = min(max(saved.y(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(x, y), size)


class WindowDrops(DropRouter):
    """The window's drop router: on a read-only database a drop is refused at once, before the intake reads
    the files or asks anything (it could never be saved)."""

    refused = Signal()

    def __init__(self, parent: QObject, read_only: Callable[[], bool]):
        super().__init__(parent)
        self._read_only = read_only

    def drop(self, event: QDropEvent, request_id: int | None = None) -> None:
        if self._read_only():
            self.left.emit()
            event.ignore()
            self.refused.emit()
            return
        super().drop(event, request_id)


def _warm(services) -> None:
    """Work the first intake would pay for on the GUI thread, done early on a worker.

    The working calendar computes the year's holidays on first use (~160 ms, in `create_request`),
    and QtPdf loads its libraries when the first PDF is previewed.
    """
    from blanko_desktop.core.clock import now as utcnow

    services.calendar().due_time(utcnow(), float(services.setting("sla_hours")))
    import PySide6.QtPdf  # noqa: F401
    import blanko_desktop.core.intake_routing  # noqa: F401  (pypdf and the parsers, kept off start-up)
    import PySide6.QtPdfWidgets  # noqa: F401


def _freeze_long_lived() -> None:
    """Keep the cyclic GC's full collections from walking what lives as long as the window.

    A full collection runs in whichever thread allocates, holding the GIL: during an intake the worker
    triggers them, and with the window's ~85,000 objects each took ~65 ms of GUI time; frozen, ~15 ms.
    """
    import gc

    gc.freeze()


class _Unopened(QWidget):
    """Holds a tab's place until the officer first opens it (or the code asks for it)."""


class _LazyTab:
    """`window.<key>_tab`: the tab, built (and its module imported) on first access."""

    def __init__(self, key: str):
        self.key = key

    def __get__(self, window: MainWindow | None, owner=None):
        return self if window is None else window.tab(self.key)


def window_settings() -> QSettings:
    """Window geometry and splitter positions, kept beside the workstation config."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(APP_NAME)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.notice = NoticeBar()
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("#readOnlyBanner { background: #fde2e1; color: #6b0f0f; "
                                            "border: 1px solid #d9a3a0; border-radius: 4px; padding: 6px 10px; }")
        self.read_only_banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        # files dropped anywhere in the window (or onto a request) go to the intake
        self.drops = WindowDrops(self, lambda: self.session.read_only)
        self.intake = IntakeController(session, self)
        self.overlay = DropOverlay(central)
        self.setAcceptDrops(True)

        self._create_actions()
        self._create_menus()
        self._create_status_bar()

        # Only the tab on screen is built at start-up: building all six (and importing their modules) took
        # ~0.4 s of a 0.5 s start. The others are built when first opened or asked for (`window.stock_tab`).
        self._detail_share: float | None = self._saved_detail_share()
        self._placed = False
        self._built: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._wiring = [
            (("today",), self._wire_today),
            (("requests",), self._wire_requests),
            (("verification",), self._wire_verification),
            (("approval",), self._wire_approval),
            (("stock",), self._wire_stock),
            (("shipping",), self._wire_shipping),
            (("requests", "verification"), self._wire_requests_to_verification),
        ]
        self.add_lazy_tab(self._make_today, self.tr("Today"), "today")
        self.add_lazy_tab(self._make_requests, self.tr("Incoming requests"), "requests")
        self.add_lazy_tab(self._make_verification, self.tr("Verification"), "verification")
        self.add_lazy_tab(self._make_approval, self.tr("Approval && printing"), "approval")
        self.add_lazy_tab(self._make_stock, self.tr("Blank stock"), "stock")
        self.add_lazy_tab(self._make_shipping, self.tr("Shipping"), "shipping")
        self.tabs.currentChanged.connect(self._tab_opened)
        self._tab_opened(self.tabs.currentIndex())

        self.drops.hovering.connect(self.overlay.show_for)
        self.drops.left.connect(self.overlay.hide)
        self.drops.dropped.connect(lambda contents, request_id: self.intake.submit(contents, request_id))
        self.intake.notice.connect(self.notice.show_message)
        self.intake.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.intake.progress.connect(self._show_intake_progress)
        self.intake.busy_changed.connect(self._intake_busy)
        self.intake.committed.connect(self.show_verification)

        session.database_changed.connect(self._database_changed)
        session.profile_changed.connect(self._update_status)
        session.busy.connect(self._show_busy)
        self._update_status()
        self._fill_recent_menu()
        self._restore()
        self.drops.refused.connect(lambda: self.notice.show_message(self.read_only_text()))
        # colleagues' commits (a new request, a closure) reach this window without F5
        session.start_watching()
        # once the window is up: warm what the first drop would otherwise wait for on the GUI thread
        QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    def _warm_up(self) -> None:
        from blanko_desktop.ui.operations import Op

        task = Op(lambda: _warm(self.session.services), self.session.storage, self)
        task.finished.connect(lambda _result: _freeze_long_lived())
        task.failed.connect(lambda _exc: None)  # only a head start: the real call reports its own errors
        task.start()

    # -- tabs ---------------------------------------------------------------------------------------

    today_tab = _LazyTab("today")
    requests_tab = _LazyTab("requests")
    verification_tab = _LazyTab("verification")
    approval_tab = _LazyTab("approval")
    stock_tab = _LazyTab("stock")
    shipping_tab = _LazyTab("shipping")

    def add_tab(self, widget: QWidget, title: str, key: str) -> int:
        """Add one of the officer's tabs; `key` names it in the saved window state."""
        widget.setObjectName(f"tab_{key}")
        self._built[key] = widget
        return self.tabs.addTab(widget, title)

    def add_lazy_tab(self, make: Callable[[], QWidget], title: str, key: str) -> int:
        """Add a tab that `make` builds when it is first opened or asked for (`tab(key)`)."""
        self._factories[key] = make
        holder = _Unopened()
        holder.setObjectName(f"unopened_{key}")
        return self.tabs.addTab(holder, title)

    def tab(self, key: str) -> QWidget:
        """The tab named `key`, built now if it was not yet."""
        widget = self._built.get(key)
        return widget if widget is not None else self._build(key)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def _build(self, key: str) -> QWidget:
        widget = self._factories.pop(key)()
        widget.setObjectName(f"tab_{key}")
        self._built[key] = widget
        holder = self.tabs.findChild(_Unopened, f"unopened_{key}")
        index = self.tabs.indexOf(holder)
        current = self.tabs.currentIndex()
        # swapped without currentChanged: the stand-in's neighbours flash by as current while it is removed,
        # and would be built for nothing
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, widget, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        holder.deleteLater()
        for keys, wire in list(self._wiring):
            if all(k in self._built for k in keys):
                self._wiring.remove((keys, wire))
                wire(*(self._built[k] for k in keys))
        return widget

    def _tab_opened(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if isinstance(holder, _Unopened):
            self._build(holder.objectName().removeprefix("unopened_"))

    # the tabs (their modules are imported here: each costs start-up time the first screen does not need)

    def _make_today(self) -> QWidget:
        from blanko_desktop.ui.tabs.today import TodayTab

        return TodayTab(self.session)

    def _make_requests(self) -> QWidget:
        from blanko_desktop.ui.tabs.requests_tab import RequestsTab

        return RequestsTab(self.session, drops=self.drops)

    def _make_verification(self) -> QWidget:
        from blanko_desktop.ui.tabs.verification import VerificationTab

        tab = VerificationTab(self.session)
        splitter = window_settings().value("verification/splitter")
        if isinstance(splitter, QByteArray):
            tab.splitter.restoreState(splitter)
        return tab

    def _make_approval(self) -> QWidget:
        from blanko_desktop.ui.tabs.approval import ApprovalTab

        return ApprovalTab(self.session)

    def _make_stock(self) -> QWidget:
        from blanko_desktop.ui.tabs.stock import StockTab

        return StockTab(self.session)

    def _make_shipping(self) -> QWidget:
        from blanko_desktop.ui.tabs.shipping import ShippingTab

        return ShippingTab(self.session)

    # what a tab says to the window and to the other tabs, connected once the tabs concerned exist

    def _wire_today(self, today) -> None:
        today.request_picked.connect(self.show_request)
        today.parcel_picked.connect(self.show_shipping)

    def _wire_requests(self, requests) -> None:
        requests.open_lsp_registry.connect(self.show_lsp_registry)
        requests.import_requested.connect(lambda: self.intake.import_files())
        requests.detail.verify_requested.connect(self.show_verification)
        requests.empty_state.import_button.setEnabled(not self.session.read_only)
        if self._placed:
            # the detail pane's share, once the tab has its size in the window
            share = self._detail_share
            QTimer.singleShot(0, lambda: requests.set_detail_share(share))

    def _wire_verification(self, verification) -> None:
        # the procedure leads on: the last check to its approval (after the event loop turns: the tab that
        # acted first starts reloading what it just changed)
        verification.all_verified.connect(
            lambda request_id: QTimer.singleShot(0, lambda: self.show_approval(request_id)))
        verification.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        verification.notice.connect(self.notice.show_message)

    def _wire_approval(self, approval) -> None:
        # issued blanks lead on to their parcel
        approval.blanks_issued.connect(
            lambda request_id: QTimer.singleShot(0, lambda: self.show_shipping(request_id)))

    def _wire_stock(self, stock) -> None:
        stock.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _wire_shipping(self, shipping) -> None:
        shipping.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _wire_requests_to_verification(self, requests, verification) -> None:
        requests.request_changed.connect(verification.set_request)
        verification.request_picked.connect(requests.select_request)
        if verification.request_id is None and requests.detail.request_id is not None:
            verification.set_request(requests.detail.request_id)  # what was selected before it existed

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_request(self, request_id: int) -> None:
        """Permohonan Masuk with `request_id` selected (from Hari ini)."""
        self.requests_tab.select_request(request_id)
        self.tabs.setCurrentWidget(self.requests_tab)

    def show_shipping(self, request_id: int) -> None:
        """Pengiriman with the parcel (or the request to pack) of `request_id` selected."""
        self.shipping_tab.show_request(request_id)
        self.tabs.setCurrentWidget(self.shipping_tab)

    def show_approval(self, request_id: int) -> None:
        """Persetujuan & Cetak with `request_id` shown (after the last request waiting for the check)."""
        self.approval_tab.show_request(request_id)
        self.tabs.setCurrentWidget(self.approval_tab)

    def show_verification(self, request_id: int) -> None:
        """The Verifikasi tab with `request_id` (after an intake, or from the detail pane)."""
        self.requests_tab.select_request(request_id)
        self.verification_tab.show_request(request_id)
        self.tabs.setCurrentWidget(self.verification_tab)

    def refresh(self) -> str:
        """F5: read everything again (a colleague may have changed the shared database); the status bar
        says what was read. Returns that message."""
        self.session.services._calendar = None  # closures and office hours as stored now
        parts = []
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            # a tab not opened yet reads everything when it is: nothing to read again now
            refresh = getattr(widget, "refresh", None)
            if refresh or isinstance(widget, _Unopened):
                if refresh:
                    refresh()
                # '&&' is a literal ampersand in a tab title, a lone '&' marks the mnemonic letter
                title = self.tabs.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&")
                if widget is self._built.get("requests") and widget.model.total is not None:
                    title += " (" + widget.count_label.text() + ")"
                parts.append(title)
        text = self.tr("Read again from the database: %1.").replace("%1", ", ".join(parts))
        self.statusBar().showMessage(text, 6000)
        return text

    def focus_search(self) -> None:
        """Ctrl+F from anywhere in the window: the requests tab's search box."""
        self.tabs.setCurrentWidget(self.requests_tab)
        self.requests_tab.focus_search()

    # -- menus --------------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.action_import = QAction(self.tr("&Import files…"), self)
        self.action_import.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.action_import.setStatusTip(self.tr("Receive request files or saved e-mails (.eml, .msg) from disk"))
        self.action_import.triggered.connect(lambda: self.intake.import_files())
        self.action_paste = QAction(self.tr("&Paste files"), self)
        self.action_paste.setShortcut(QKeySequence.StandardKey.Paste)  # Ctrl+V; text fields keep their own
        self.action_paste.setStatusTip(self.tr("Receive the files copied in Explorer or in the mail program"))
        self.action_paste.triggered.connect(lambda: self.intake.paste())
        self.action_new_db = QAction(self.tr("&New database…"), self)
        self.action_new_db.triggered.connect(self.new_database)
        self.action_open_db = QAction(self.tr("&Open database…"), self)
        self.action_open_db.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open_db.triggered.connect(self.open_database)
        self.action_open_server = QAction(self.tr("Open database &server…"), self)
        self.action_open_server.setStatusTip(self.tr("Work on the office's PostgreSQL server instead of a file"))
        self.action_open_server.triggered.connect(lambda: self.open_server())
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.action_quit.triggered.connect(self.close)
        self.action_lsp = QAction(self.tr("&LSP registry…"), self)
        self.action_lsp.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.action_lsp.triggered.connect(self.show_lsp_registry)
        self.action_settings = QAction(self.tr("&Settings…"), self)
        self.action_settings.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        self.action_settings.triggered.connect(self.show_settings)
        self.action_refresh = QAction(self.tr("&Refresh"), self)
        self.action_refresh.setShortcut(QKeySequence.StandardKey.Refresh)  # F5
        self.action_refresh.triggered.connect(self.refresh)
        # a window shortcut: it works wherever the focus is (after a file dialog, focus may be nowhere)
        self.action_find = QAction(self.tr("&Find a request"), self)
        self.action_find.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F
        self.action_find.triggered.connect(self.focus_search)
        self.action_guide = QAction(self.tr("Officer's &guide"), self)
        self.action_guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.action_guide.triggered.connect(self.show_guide)
        self.action_keys = QAction(self.tr("&Keyboard shortcuts"), self)
        self.action_keys.triggered.connect(self.show_keys)
        self.action_about = QAction(self.tr("&About Blanko Desktop"), self)
        self.action_about.triggered.connect(self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.action_import)
        self.file_menu.addAction(self.action_paste)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_new_db)
        self.file_menu.addAction(self.action_open_db)
        self.file_menu.addAction(self.action_open_server)
        self.recent_menu = QMenu(self.tr("&Recent databases"), self)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_quit)
        self.data_menu = bar.addMenu(self.tr("&Data"))
        self.data_menu.addAction(self.action_find)
        self.data_menu.addSeparator()
        self.data_menu.addAction(self.action_lsp)
        self.data_menu.addAction(self.action_settings)
        self.data_menu.addSeparator()
        self.data_menu.addAction(self.action_refresh)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.action_guide)
        self.help_menu.addAction(self.action_keys)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.action_about)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.storage.location
        entries = [p for p in self.session.cfg.recent if p != current]
        for number, text in enumerate(entries, start=1):
            # '&' in a file name or an address would mark a mnemonic: doubled, it is shown as it is
            shown = text.replace("&", "&&")
            action = self.recent_menu.addAction(f"&{number} {shown}" if number < 10 else shown)
            action.setData(text)
            action.triggered.connect(lambda _=False, p=text: self.switch_database(as_target(p), create=False))
        if not entries:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    def recent_paths(self) -> list[str]:
        return [a.data() for a in self.recent_menu.actions() if a.data()]

    # -- status bar ---------------------------------------------------------------------------------

    def _create_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mode_label = QLabel()
        self.officer_label = QLabel()
        for label in (self.db_label, self.mode_label, self.officer_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.intake_label = QLabel()
        self.intake_progress = QProgressBar()
        self.intake_progress.setMaximumWidth(180)
        self.intake_progress.setTextVisible(False)
        status = self.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.intake_label)
        status.addPermanentWidget(self.intake_progress)
        self._intake_busy(False)
        status.addPermanentWidget(self.mode_label)
        status.addPermanentWidget(self.officer_label)

    def _update_status(self) -> None:
        storage = self.session.storage
        self.db_label.setText(self.tr("Database: %1").replace("%1", storage.location))
        self.db_label.setToolTip(storage.location)
        if not storage.is_file:
            self.mode_label.setText(self.tr("Server (PostgreSQL)"))
            self.mode_label.setToolTip(self.tr(
                "The database is on the office's server: other officers use it at the same time."))
        elif storage.shared:
            self.mode_label.setText(self.tr("Shared mode (network)"))
            self.mode_label.setToolTip(self.tr(
                "The database is on a network drive: other officers may use it at the same time."))
        else:
            self.mode_label.setText(self.tr("Local"))
            self.mode_label.setToolTip(self.tr("The database is on this computer."))
        officer = self.session.cfg.officer or self.session.services.actor.os_user
        self.officer_label.setText(self.tr("Officer: %1").replace("%1", officer))
        self._show_read_only()

    def _show_read_only(self) -> None:
        """A file that cannot be written: say so across the window and offer no writes."""
        read_only = self.session.read_only
        self.read_only_banner.setText(self.read_only_text())
        self.read_only_banner.setVisible(read_only)
        for action in (self.action_import, self.action_paste):
            action.setEnabled(not read_only)
        if self.is_built("requests"):
            self.requests_tab.empty_state.import_button.setEnabled(not read_only)
        if read_only:
            self.mode_label.setText(self.mode_label.text() + " · " + self.tr("read-only"))

    def read_only_text(self) -> str:
        if not self.session.storage.is_file:
            return self.tr("The database is read-only: this server is a standby copy. You can look at everything, "
                           "but no change can be saved. Open the office's main server to work.")
        return self.tr("The database is read-only: you can look at everything, but no change can be saved "
                       "(permissions of the file or its folder). Ask for write access, or open another file.")

    def _show_busy(self, attempt: int) -> None:
        self.statusBar().showMessage(
            self.tr("The database is busy: another officer is saving. Retrying (%1)…").replace("%1", str(attempt)),
            4000)

    def _intake_busy(self, busy: bool) -> None:
        self.intake_label.setVisible(busy)
        self.intake_progress.setVisible(busy)
        if busy:
            self.notice.hide()  # a new drop: the earlier message is moot

    def _show_intake_progress(self, done: int, total: int, name: str) -> None:
        self.intake_progress.setRange(0, total)  # 0, 0: busy without a count yet
        self.intake_progress.setValue(done)
        if total and name:
            self.intake_label.setText(self.tr("Reading %1 of %2: %3").replace("%1", str(done + 1))
                                      .replace("%2", str(total)).replace("%3", name))
        else:
            self.intake_label.setText(self.tr("Reading the files…"))

    # -- drops onto the window --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter presses the focused button, as Space does: buttons outside a dialog ignore Enter in Qt, and
        # the officer who tabbed to "Periksa kelengkapan…" expects Enter to press it
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            focused = QApplication.focusWidget()
            if isinstance(focused, (QPushButton, QToolButton)) and focused.isEnabled() \
                    and focused.window() is self:
                focused.animateClick()
                return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drops.enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.drops.move(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drops.leave()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drops.drop(event)

    # -- database file ------------------------------------------------------------------------------

    def _start_dir(self) -> Path:
        """Where the file dialogs start: beside the open file, or the officer's home folder when the
        database is on a server."""
        storage = self.session.storage
        return storage.path.parent if storage.is_file else Path.home()

    def new_database(self) -> None:
        from blanko_desktop.ui.dialogs.database_files import choose_new

        path = choose_new(self, self._start_dir())
        if path:
            self.switch_database(path, create=True)

    def open_database(self) -> None:
        from blanko_desktop.ui.dialogs.database_files import choose_existing

        path = choose_existing(self, self._start_dir())
        if path:
            self.switch_database(path, create=False)

    def open_server(self, initial: str | None = None, note: str = "") -> bool:
        """File → Open database server…: the address, tested, then opened (the open server's own address
        when none is given, so its details can be corrected)."""
        from blanko_desktop.ui.dialogs import server_dialog

        storage = self.session.storage
        choice = server_dialog.ask(self, initial or (None if storage.is_file else storage.location), note)
        if choice is None:
            return False
        return self.switch_database(choice.target, create=choice.create)

    def switch_database(self, target: Path | str, create: bool = False) -> bool:
        """Work on `target` (a file's path or a server's address) from now on; a refusal leaves the current
        database open. A server that refuses (a password not remembered, the network) is offered again in
        its dialog, with the server's answer."""
        target = as_target(target)
        try:
            self.session.open_database(target, create=create)
        except BlankoError as exc:
            if isinstance(target, str) and isinstance(exc, StorageError) \
                    and not isinstance(exc, DatabaseTooNewError):
                return self.open_server(target, str(exc))
            messages.error(self, exc)
            return False
        # the file dialog took the focus away: give it back to the table, so the keyboard works at once
        self.activateWindow()
        self.tabs.setCurrentWidget(self.requests_tab)
        self.requests_tab.focus_table()
        return True

    def _database_changed(self) -> None:
        self._update_status()
        self._fill_recent_menu()

    # -- dialogs ------------------------------------------------------------------------------------

    def show_lsp_registry(self) -> None:
        from blanko_desktop.ui.dialogs.lsp_registry import LspRegistryDialog

        LspRegistryDialog(self.session, self).exec()

    def show_settings(self) -> None:
        from blanko_desktop.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.session, self).exec()

    def show_guide(self) -> None:
        from blanko_desktop.ui.dialogs.help import GuideWindow

        GuideWindow.show_for(self)

    def show_keys(self) -> None:
        from blanko_desktop.ui.dialogs.help import KeysDialog

        KeysDialog(self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Blanko Desktop"), self.tr(
            "<h3>Blanko Desktop %1</h3><p>The BNSP secretariat's workstation for requests for blank "
            "competency certificates: intake, completeness check, approval, packing, courier and stock."
            "</p><p>Licence: GPL-3.0-or-later.</p>").replace("%1", __version__))

    # -- window state -------------------------------------------------------------------------------

    def _available(self, near: QRect | None = None) -> QRect:
        """The space of the screen the window opens on (the one under its saved place, if still there)."""
        screen = QGuiApplication.screenAt(near.center()) if near is not None else None
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _restore(self) -> None:
        """The size and place the officer left the window in, fitted to the screen it opens on now; a first
        start fits the screen (maximised on a small one)."""
        settings = window_settings()
        saved = settings.value("main/normal")
        if isinstance(saved, QRect) and saved.isValid():
            rect = fit_geometry(saved, self._available(saved))
            maximised = settings.value("main/maximized", False, type=bool)
        else:
            rect, maximised = initial_geometry(self._available())
        self.setGeometry(rect)
        if maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _saved_detail_share(self) -> float | None:
        share = window_settings().value("requests/detail_share")
        try:
            return min(max(float(share), 0.0), 0.8) if share is not None else None
        except (TypeError, ValueError):
            return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._placed:
            return
        self._placed = True
        # the detail pane's share of the width, applied once the window has its real width (a saved pixel
        # size from a wide screen would squeeze the table on a narrow one)
        # (a requests tab not opened yet gets it when it is built)
        if self.is_built("requests"):
            share, requests = self._detail_share, self.requests_tab
            QTimer.singleShot(0, lambda: requests.set_detail_share(share))

    def save_state(self) -> None:
        settings = window_settings()
        maximised = self.isMaximized() or self.isFullScreen()
        settings.setValue("main/normal", self.normalGeometry() if maximised else self.geometry())
        settings.setValue("main/maximized", self.isMaximized())
        # a tab never opened this time leaves what was saved before
        if self.is_built("requests"):
            settings.setValue("requests/detail_share", self.requests_tab.detail_share())
        if self.is_built("verification"):
            settings.setValue("verification/splitter", self.verification_tab.splitter.saveState())
        for old in ("main/geometry", "main/state", "requests/header", "requests/splitter"):
            settings.remove(old)  # earlier versions' blobs restored a wrong size (issue 8)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.stop_watching()
        self.save_state()
        super().closeEvent(event)
