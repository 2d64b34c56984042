"""Settings: this workstation's (database file, officer, language, printer) and the shared ones in the
database (signatories, office hours, courier pickup days, the stock and shipping rules, holidays and closures).

One model: every change is saved as it is made, and the dialog has only Tutup. Office hours and pickup days
have their own Simpan button, because saving them computes every running due time again; so have the stock and
shipping rules, because a serial format is weighed against the whole stock ledger and the four are saved together
or not at all."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core import shared_settings
from blanko_desktop.core.calendar import OfficeHours
from blanko_desktop.core.errors import BlankoError, ConflictError
from blanko_desktop.core.services.views import SignatoryView
from blanko_desktop.core.stock.serials import DIGITS_MAX, DIGITS_MIN, SerialFormat
from blanko_desktop.ui.operations import Changes
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.session import Session

LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


def _weekday_boxes(parent_layout: QGridLayout) -> list[QCheckBox]:
    boxes = []
    for day in range(7):
        box = QCheckBox(i18n.weekday_name(day))
        parent_layout.addWidget(box, 0, day)
        boxes.append(box)
    return boxes


class SignatoryDialog(QDialog):
    """Name, NIP and title of an official who signs the approval sheet and the receipt."""

    def __init__(self, session: Session, signatory: SignatoryView | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.signatory = signatory
        self.setWindowTitle(self.tr("Signatory"))
        self.name = QLineEdit(signatory.name if signatory else "")
        self.nip = QLineEdit(signatory.nip if signatory else "")
        self.nip.setPlaceholderText(self.tr("18 digits"))
        self.nip.setMaxLength(21)
        self.title = QLineEdit(signatory.title if signatory else "")
        self.title.setPlaceholderText(self.tr("e.g. Kepala Subbagian Sertifikasi"))
        self.active = QCheckBox(self.tr("&Active (offered on new forms)"))
        self.active.setChecked(signatory.active if signatory else True)
        form = QFormLayout()
        for text, widget in ((self.tr("&Name:"), self.name), (self.tr("NI&P:"), self.nip),
                             (self.tr("&Title:"), self.title)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def accept(self) -> None:
        services = self.session.services
        sig = self.signatory
        result = self.session.perform(self, lambda: services.save_signatory(
            self.name.text(), self.nip.text(), self.title.text(), self.active.isChecked(),
            signatory_id=sig.id if sig else None, expected_version=sig.version if sig else None))
        if result is not None:
            super().accept()


class SuggestedClosuresDialog(QDialog):
    """The library's cuti bersama days of a year, for the officer to check against the decree."""

    def __init__(self, suggestions, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested collective leave %1").replace("%1", str(year)))
        intro = QLabel(self.tr("These days are known as cuti bersama for %1. Check them against this year's "
                               "decree and tick the ones that apply.").replace("%1", str(year)))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for closure in suggestions:
            item = QListWidgetItem(f"{i18n.fmt_date(closure.day)} — {closure.note}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, closure)
            self.list.addItem(item)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Add the ticked days"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def chosen(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class SettingsDialog(QDialog):
    """Settings, saved as they are made (see the module's docstring)."""

    def __init__(self, session: Session, parent: QWidget | None = None, window=None):
        super().__init__(parent)
        self.session = session
        self.window_ = window if window is not None else parent
        self.setWindowTitle(self.tr("Settings"))
        self.pages = QTabWidget()
        self.pages.addTab(self._database_page(), self.tr("&Database and profile"))
        self.pages.addTab(self._signatories_page(), self.tr("Si&gnatories"))
        self.pages.addTab(self._hours_page(), self.tr("Office &hours and courier"))
        self.stock_page = self._stock_page()
        self.pages.addTab(self.stock_page, self.tr("S&tock and shipping"))
        self.holidays_page = self._holidays_page()
        self.pages.addTab(self.holidays_page, self.tr("Holidays and &closures"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.saved_note = QLabel(self.tr("Changes are saved as you make them."))
        self.saved_note.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_note, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)
        session.database_changed.connect(self.load)
        self.load()
        self._connect_autosave()
        self.resize(760, 560)

    # -- pages --------------------------------------------------------------------------------------

    def _database_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        db_box = QGroupBox(self.tr("Database"))
        db_layout = QVBoxLayout(db_box)
        self.db_path = QLabel()
        self.db_path.setWordWrap(True)
        self.db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_mode = QLabel()
        db_layout.addWidget(self.db_path)
        db_layout.addWidget(self.db_mode)
        row = QHBoxLayout()
        self.new_db_button = QPushButton(self.tr("&New database…"))
        self.open_db_button = QPushButton(self.tr("&Open database…"))
        self.open_server_button = QPushButton(self.tr("Open database se&rver…"))
        row.addWidget(self.new_db_button)
        row.addWidget(self.open_db_button)
        row.addWidget(self.open_server_button)
        row.addStretch(1)
        db_layout.addLayout(row)
        recent_label = QLabel(self.tr("&Recent databases:"))
        self.recent_list = QListWidget()
        self.recent_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        recent_label.setBuddy(self.recent_list)
        self.open_recent_button = QPushButton(self.tr("Open the &selected one"))
        db_layout.addWidget(recent_label)
        db_layout.addWidget(self.recent_list)
        db_layout.addWidget(self.open_recent_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(db_box)
        if self.window_ is not None and hasattr(self.window_, "action_new_db"):
            self.new_db_button.clicked.connect(self.window_.action_new_db.trigger)
            self.open_db_button.clicked.connect(self.window_.action_open_db.trigger)
            self.open_server_button.clicked.connect(self.window_.action_open_server.trigger)
        else:
            self.new_db_button.setEnabled(False)
            self.open_db_button.setEnabled(False)
            self.open_server_button.setEnabled(False)
        self.open_recent_button.clicked.connect(self.open_recent)
        self.recent_list.itemActivated.connect(lambda _item: self.open_recent())

        form_box = QGroupBox(self.tr("This workstation"))
        form = QFormLayout(form_box)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Your name, as it appears in the history"))
        label = QLabel(self.tr("Officer &profile name:"))
        label.setBuddy(self.officer)
        form.addRow(label, self.officer)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        note = QLabel(self.tr("A new language takes effect when Blanko Desktop is started again."))
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow(label, self.language)
        form.addRow("", note)
        self.printer = QComboBox()
        label = QLabel(self.tr("Defa&ult printer:"))
        label.setBuddy(self.printer)
        form.addRow(label, self.printer)
        layout.addWidget(form_box)
        layout.addStretch(1)
        return page

    def _signatories_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("The echelon-4 officials who sign the approval sheet and the receipt."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.signatories = QTreeWidget()
        self.signatories.setRootIsDecorated(False)
        self.signatories.setHeaderLabels([self.tr("Name"), self.tr("NIP"), self.tr("Title"), self.tr("Active")])
        self.signatories.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.signatories.itemActivated.connect(lambda _item: self.edit_signatory())
        layout.addWidget(self.signatories)
        row = QHBoxLayout()
        self.add_signatory_button = QPushButton(self.tr("&Add…"))
        self.edit_signatory_button = QPushButton(self.tr("&Edit…"))
        self.add_signatory_button.clicked.connect(self.add_signatory)
        self.edit_signatory_button.clicked.connect(self.edit_signatory)
        row.addWidget(self.add_signatory_button)
        row.addWidget(self.edit_signatory_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _hours_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hours_box = QGroupBox(self.tr("Office hours (the one-working-day limit counts only these)"))
        hours_layout = QVBoxLayout(hours_box)
        grid = QGridLayout()
        self.office_days = _weekday_boxes(grid)
        hours_layout.addLayout(grid)
        times = QHBoxLayout()
        self.start_time = QTimeEdit()
        self.end_time = QTimeEdit()
        for edit in (self.start_time, self.end_time):
            edit.setDisplayFormat("HH:mm")
        start_label = QLabel(self.tr("&Opens at:"))
        start_label.setBuddy(self.start_time)
        end_label = QLabel(self.tr("C&loses at:"))
        end_label.setBuddy(self.end_time)
        self.zone_label = QLabel()
        for widget in (start_label, self.start_time, end_label, self.end_time, self.zone_label):
            times.addWidget(widget)
        times.addStretch(1)
        hours_layout.addLayout(times)
        layout.addWidget(hours_box)

        pickup_box = QGroupBox(self.tr("Courier pickup days (skipped when the office is closed)"))
        pickup_grid = QGridLayout(pickup_box)
        self.pickup_days = _weekday_boxes(pickup_grid)
        layout.addWidget(pickup_box)
        note = QLabel(self.tr("These settings are shared by everyone who uses this database. When you save, "
                              "the due times of requests whose clock runs are computed again."))
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        self.save_hours_button = QPushButton(self.tr("&Save office hours and pickup days"))
        self.save_hours_button.clicked.connect(self.save_hours)
        layout.addWidget(self.save_hours_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _stock_page(self) -> QWidget:
        """The shared rules of the stock and shipping steps (core/shared_settings.py): the spin boxes offer the
        ranges the core allows, and the core refuses the rest (a prefix, a width the serials on record forbid)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        labels: list[QLabel] = []

        def row(form: QFormLayout, text: str, field: QWidget, after: str | QWidget = "") -> None:
            """A form row whose label carries the field's mnemonic (Alt+letter goes to the field); `after` says
            what the number counts."""
            label = QLabel(text)
            label.setBuddy(field)
            labels.append(label)
            line = QHBoxLayout()
            line.addWidget(field)
            if after:
                line.addWidget(after if isinstance(after, QWidget) else QLabel(after))
            line.addStretch(1)
            form.addRow(label, line)

        serial_box = QGroupBox(self.tr("Serial numbers of the blanks"))
        serial_layout = QVBoxLayout(serial_box)
        serial_form = QFormLayout()
        self.serial_prefix = QLineEdit()
        self.serial_prefix.setMaxLength(8)
        self.serial_prefix.setPlaceholderText(self.tr("letters, e.g. KB"))
        self.serial_prefix.setMinimumWidth(self.fontMetrics().horizontalAdvance("MMMMMMMM") + 16)
        self.serial_digits = QSpinBox()
        self.serial_digits.setRange(DIGITS_MIN, DIGITS_MAX)
        self.serial_example = QLabel()
        row(serial_form, self.tr("Serial number &prefix:"), self.serial_prefix)
        row(serial_form, self.tr("N&umber of digits:"), self.serial_digits, self.serial_example)
        serial_layout.addLayout(serial_form)
        serial_note = QLabel(self.tr("As printed on the sheets. The prefix cannot change while the stock ledger holds "
                                     "serials, and the digits must fit the largest serial on record."))
        serial_note.setWordWrap(True)
        serial_note.setEnabled(False)
        serial_layout.addWidget(serial_note)
        layout.addWidget(serial_box)

        stock_box = QGroupBox(self.tr("Low-stock warning"))
        stock_form = QFormLayout(stock_box)
        self.low_weeks = QSpinBox()
        self.low_weeks.setRange(shared_settings.LOW_STOCK_WEEKS.minimum, shared_settings.LOW_STOCK_WEEKS.maximum)
        row(stock_form, self.tr("&Warn when the stock lasts less than:"), self.low_weeks,
            self.tr("weeks (at the pace of the last 90 days)"))
        layout.addWidget(stock_box)

        shipping_box = QGroupBox(self.tr("Shipping"))
        shipping_form = QFormLayout(shipping_box)
        self.receipt_days = QSpinBox()
        self.receipt_days.setRange(shared_settings.RECEIPT_DAYS.minimum, shared_settings.RECEIPT_DAYS.maximum)
        row(shipping_form, self.tr("Chase missing &receipts after:"), self.receipt_days,
            self.tr("working days after the LSP received the parcel"))
        self.default_courier = QLineEdit()
        self.default_courier.setMaxLength(shared_settings.COURIER_MAX)
        self.default_courier.setPlaceholderText(self.tr("none: typed at each hand-over"))
        self.default_courier.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 24))
        row(shipping_form, self.tr("Default c&ourier:"), self.default_courier)
        layout.addWidget(shipping_box)
        # one label column down the page, whichever box a field is in
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

        note = QLabel(self.tr("These settings are shared by everyone who uses this database; every change is kept in "
                              "the history."))
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        self.save_stock_button = QPushButton(self.tr("&Save stock and shipping settings"))
        self.save_stock_button.clicked.connect(self.save_stock)
        layout.addWidget(self.save_stock_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _holidays_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        self.suggest_button = QPushButton(self.tr("Suggest cuti &bersama…"))
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.suggest_button)
        layout.addLayout(top)

        lists = QHBoxLayout()
        national_box = QGroupBox(self.tr("National holidays"))
        national_layout = QVBoxLayout(national_box)
        self.national = QTreeWidget()
        self.national.setRootIsDecorated(False)
        self.national.setHeaderLabels([self.tr("Date"), self.tr("Holiday")])
        self.national.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.national.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        national_layout.addWidget(self.national)
        lists.addWidget(national_box, 1)

        closures_box = QGroupBox(self.tr("Cuti bersama and office closures"))
        closures_layout = QVBoxLayout(closures_box)
        self.closures = QTreeWidget()
        self.closures.setRootIsDecorated(False)
        self.closures.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Note")])
        self.closures.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.closures.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        closures_layout.addWidget(self.closures)
        add_row = QHBoxLayout()
        self.closure_date = QDateEdit()
        self.closure_date.setCalendarPopup(True)
        self.closure_date.setDisplayFormat(i18n.DATE_FORMAT)  # the one date format of the window
        self.closure_date.setDate(QDate.currentDate())
        self.closure_kind = QComboBox()
        for kind in ("cuti_bersama", "closure"):
            self.closure_kind.addItem(i18n.closure_kind_label(kind), kind)
        self.closure_note = QLineEdit()
        self.closure_note.setPlaceholderText(self.tr("Note"))
        self.add_closure_button = QPushButton(self.tr("&Add"))
        self.remove_closure_button = QPushButton(self.tr("&Remove"))
        for widget in (self.closure_date, self.closure_kind, self.closure_note):
            add_row.addWidget(widget)
        closures_layout.addLayout(add_row)
        buttons_row = QHBoxLayout()
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.add_closure_button)
        buttons_row.addWidget(self.remove_closure_button)
        closures_layout.addLayout(buttons_row)
        lists.addWidget(closures_box, 1)
        layout.addLayout(lists, 1)
        note = QLabel(self.tr("Cuti bersama is decreed each year; enter the days that apply."))
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)

        self.year.valueChanged.connect(self._load_holidays)
        self.add_closure_button.clicked.connect(self.add_closure)
        self.remove_closure_button.clicked.connect(self.remove_closure)
        self.suggest_button.clicked.connect(self.suggest_joint_holidays)
        self.closures.itemSelectionChanged.connect(
            lambda: self.remove_closure_button.setEnabled(bool(self.closures.selectedItems())))
        return page

    # -- loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Show what is stored now (also after the database file changed)."""
        session = self.session
        storage = session.storage
        self.db_path.setText(storage.location)
        if not storage.is_file:
            self.db_mode.setText(self.tr("Server (PostgreSQL)"))
        else:
            self.db_mode.setText(self.tr("Shared mode (network)") if storage.shared else self.tr("Local"))
        self.recent_list.clear()
        for path in session.cfg.recent:
            if path != storage.location:
                self.recent_list.addItem(path)
        self.open_recent_button.setEnabled(self.recent_list.count() > 0)

        self.officer.setText(session.cfg.officer)
        self.language.setCurrentIndex(max(0, self.language.findData(session.cfg.language)))
        self._load_printers()
        self._load_signatories()
        self._load_hours()
        self._load_stock()
        self._load_holidays()

    def _load_printers(self) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo  # only here: printing support loads slowly

        self.printer.clear()
        self.printer.addItem(self.tr("(the system's default printer)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        wanted = self.session.cfg.printer
        if wanted and self.printer.findData(wanted) < 0:
            self.printer.addItem(self.tr("%1 (not available now)").replace("%1", wanted), wanted)
        self.printer.setCurrentIndex(max(0, self.printer.findData(wanted)))

    def _load_signatories(self) -> None:
        self.signatories.clear()
        for sig in self.session.services.signatory_views():
            item = QTreeWidgetItem([sig.name, sig.nip, sig.title, self.tr("yes") if sig.active else self.tr("no")])
            item.setData(0, Qt.ItemDataRole.UserRole, sig.id)
            self.signatories.addTopLevelItem(item)
        self.edit_signatory_button.setEnabled(self.signatories.topLevelItemCount() > 0)

    def _load_hours(self) -> None:
        services = self.session.services
        self.hours = OfficeHours.from_dict(services.setting("office_hours"))
        self.hours_version = services.setting_version("office_hours") or 0
        self.pickups = tuple(services.setting("pickup_weekdays"))
        self.pickups_version = services.setting_version("pickup_weekdays") or 0
        for day, box in enumerate(self.office_days):
            box.setChecked(day in self.hours.weekdays)
        for day, box in enumerate(self.pickup_days):
            box.setChecked(day in self.pickups)
        self.start_time.setTime(QTime(self.hours.start.hour, self.hours.start.minute))
        self.end_time.setTime(QTime(self.hours.end.hour, self.hours.end.minute))
        self.zone_label.setText(self.tr("(time zone %1)").replace("%1", self.hours.tz))
        self._hours_edited()

    def _load_stock(self) -> None:
        """The stock and shipping rules as stored now (the defaults where none is), and their versions."""
        self.stock_views = {v.key: v for v in shared_settings.views(self.session.services)}
        fmt = self.stock_views[shared_settings.SERIAL_FORMAT.key].value
        self.serial_prefix.setText(str(fmt.get("prefix", "")) if isinstance(fmt, dict) else "")
        self.serial_digits.setValue(int(fmt.get("digits", DIGITS_MIN)) if isinstance(fmt, dict) else DIGITS_MIN)
        self.low_weeks.setValue(int(self.stock_views[shared_settings.LOW_STOCK_WEEKS.key].value))
        self.receipt_days.setValue(int(self.stock_views[shared_settings.RECEIPT_DAYS.key].value))
        self.default_courier.setText(str(self.stock_views[shared_settings.COURIER.key].value or ""))
        # what the form showed once loaded: a value stored out of range (SQL) shows clamped, not as an edit
        self.stock_loaded = self._stock_values()
        self._stock_edited()

    def _load_holidays(self) -> None:
        year = self.year.value()
        services = self.session.services
        self.national.clear()
        for day, name in sorted(services.calendar().national_holidays(year).items()):
            self.national.addTopLevelItem(QTreeWidgetItem([i18n.fmt_date(day, long=False), name]))
        self.closures.clear()
        for closure in services.closure_views():
            if closure.day.year != year:
                continue
            item = QTreeWidgetItem([i18n.fmt_date(closure.day, long=False),
                                    i18n.closure_kind_label(closure.kind), closure.note])
            item.setData(0, Qt.ItemDataRole.UserRole, closure.day)
            self.closures.addTopLevelItem(item)
        self.remove_closure_button.setEnabled(False)
        if self.closure_date.date().year() != year:
            self.closure_date.setDate(QDate(year, 1, 1))

    # -- database -----------------------------------------------------------------------------------

    def open_recent(self) -> None:
        item = self.recent_list.currentItem()
        if item is None or self.window_ is None or not hasattr(self.window_, "switch_database"):
            return
        from blanko_desktop.ui.session import as_target

        self.window_.switch_database(as_target(item.text()), create=False)

    # -- signatories --------------------------------------------------------------------------------

    def add_signatory(self) -> None:
        if SignatoryDialog(self.session, None, self).exec():
            self._load_signatories()

    def edit_signatory(self) -> None:
        item = self.signatories.currentItem()
        if item is None:
            return
        sig_id = item.data(0, Qt.ItemDataRole.UserRole)
        sig = next((s for s in self.session.services.signatory_views() if s.id == sig_id), None)
        if sig is not None and SignatoryDialog(self.session, sig, self).exec():
            self._load_signatories()

    # -- closures -----------------------------------------------------------------------------------

    def add_closure(self) -> bool:
        qd = self.closure_date.date()
        day = date(qd.year(), qd.month(), qd.day())
        services = self.session.services
        kind, note = self.closure_kind.currentData(), self.closure_note.text().strip()
        added = self.session.perform(self, lambda: services.add_closure(day, kind, note))
        if added is None:
            return False
        self.closure_note.clear()
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self._load_holidays()
        return True

    def remove_closure(self) -> bool:
        item = self.closures.currentItem()
        if item is None:
            return False
        day = item.data(0, Qt.ItemDataRole.UserRole)
        if not messages.confirm(self, self.tr("Remove closure"),
                                self.tr("Make %1 a working day again?").replace("%1", i18n.fmt_date(day)),
                                self.tr("Remove")):
            return False
        services = self.session.services
        # remove_closure returns nothing: `or True` tells success from a refusal
        if self.session.perform(self, lambda: services.remove_closure(day) or True) is None:
            return False
        self._load_holidays()
        return True

    def suggestions_dialog(self, suggestions, year: int) -> SuggestedClosuresDialog:
        return SuggestedClosuresDialog(suggestions, year, self)

    def suggest_joint_holidays(self) -> int:
        year = self.year.value()
        services = self.session.services
        known = {c.day for c in services.closure_views()}
        suggestions = [c for c in services.calendar().suggested_joint_holidays(year) if c.day not in known]
        if not suggestions:
            messages.info(self, self.tr("Suggested collective leave"),
                          self.tr("No further cuti bersama days are known for %1.").replace("%1", str(year)))
            return 0
        dialog = self.suggestions_dialog(suggestions, year)
        if not dialog.exec():
            return 0
        added = 0
        for closure in dialog.chosen():
            if self.session.perform(self, lambda c=closure: services.add_closure(c.day, c.kind, c.note)) is None:
                break
            added += 1
        self._load_holidays()
        return added

    # -- saving -------------------------------------------------------------------------------------

    def _hours_from_form(self) -> tuple[OfficeHours | None, tuple[int, ...]]:
        days = tuple(d for d, box in enumerate(self.office_days) if box.isChecked())
        pickups = tuple(d for d, box in enumerate(self.pickup_days) if box.isChecked())
        start, end = self.start_time.time(), self.end_time.time()
        if not days:
            messages.warn(self, self.tr("Office hours"), self.tr("Tick at least one office day."))
            return None, pickups
        if end <= start:
            messages.warn(self, self.tr("Office hours"), self.tr("The closing time must be after the opening time."))
            return None, pickups
        if not set(pickups) & set(days):
            messages.warn(self, self.tr("Courier pickup days"),
                          self.tr("Tick at least one pickup day on which the office is open."))
            return None, pickups
        hours = OfficeHours(days, time(start.hour(), start.minute()), time(end.hour(), end.minute()),
                            self.hours.tz)
        return hours, pickups

    def _connect_autosave(self) -> None:
        self.officer.editingFinished.connect(self.save_workstation)
        self.language.currentIndexChanged.connect(self.save_workstation)
        self.printer.currentIndexChanged.connect(self.save_workstation)
        for box in self.office_days + self.pickup_days:
            box.toggled.connect(self._hours_edited)
        self.start_time.timeChanged.connect(self._hours_edited)
        self.end_time.timeChanged.connect(self._hours_edited)
        self.serial_prefix.textChanged.connect(self._stock_edited)
        self.serial_digits.valueChanged.connect(self._stock_edited)
        self.low_weeks.valueChanged.connect(self._stock_edited)
        self.receipt_days.valueChanged.connect(self._stock_edited)
        self.default_courier.textChanged.connect(self._stock_edited)

    def save_workstation(self) -> None:
        """This workstation's profile name, language and printer, saved as they change."""
        session = self.session
        session.set_officer(self.officer.text())
        language, printer = self.language.currentData(), self.printer.currentData() or ""
        if language and (language, printer) != (session.cfg.language, session.cfg.printer):
            session.cfg.language, session.cfg.printer = language, printer
            session.save_config()

    def hours_changed(self) -> bool:
        """The office hours or pickup days on the form differ from what is stored."""
        days = tuple(d for d, box in enumerate(self.office_days) if box.isChecked())
        pickups = {d for d, box in enumerate(self.pickup_days) if box.isChecked()}
        start, end = self.start_time.time(), self.end_time.time()
        return (set(days) != set(self.hours.weekdays) or pickups != set(self.pickups)
                or (start.hour(), start.minute()) != (self.hours.start.hour, self.hours.start.minute)
                or (end.hour(), end.minute()) != (self.hours.end.hour, self.hours.end.minute))

    def _hours_edited(self, *_args) -> None:
        if hasattr(self, "hours"):
            self.save_hours_button.setEnabled(self.hours_changed())

    def save_hours(self) -> bool:
        """The shared office hours and pickup days; the due times of running clocks follow."""
        hours, pickups = self._hours_from_form()
        if hours is None:
            self.pages.setCurrentIndex(2)
            return False
        services = self.session.services
        try:
            changed = False
            if hours != self.hours:
                services.set_setting("office_hours", hours.to_dict(), self.hours_version)
                changed = True
            if set(pickups) != set(self.pickups):
                services.set_setting("pickup_weekdays", list(pickups), self.pickups_version)
                changed = True
            if changed:
                services.recompute_due_times()
        except ConflictError as exc:
            messages.error(self, exc)
            self._load_hours()
            self.pages.setCurrentIndex(2)
            return False
        except BlankoError as exc:
            messages.error(self, exc)
            self.pages.setCurrentIndex(2)
            return False
        self._load_hours()
        if changed:
            self.session.announce(Changes.everything())  # office hours, SLA, holidays: every due time
        return True

    def _stock_values(self) -> dict:
        """The stock and shipping rules as the form shows them, in the form they are stored."""
        return {
            shared_settings.SERIAL_FORMAT.key: {"prefix": self.serial_prefix.text().strip().upper(),
                                                "digits": self.serial_digits.value()},
            shared_settings.LOW_STOCK_WEEKS.key: self.low_weeks.value(),
            shared_settings.RECEIPT_DAYS.key: self.receipt_days.value(),
            shared_settings.COURIER.key: self.default_courier.text().strip(),
        }

    def stock_changes(self) -> dict:
        """The rules the officer changed on the form, each with the version it was loaded at."""
        return {key: (value, self.stock_views[key].version) for key, value in self._stock_values().items()
                if value != self.stock_loaded[key]}

    def _stock_edited(self, *_args) -> None:
        if not hasattr(self, "stock_loaded"):
            return
        prefix = self.serial_prefix.text().strip().upper() or "?"
        self.serial_example.setText(self.tr("printed as %1").replace(
            "%1", SerialFormat(prefix, self.serial_digits.value()).text(1)))
        self.save_stock_button.setEnabled(bool(self.stock_changes()))

    def save_stock(self) -> bool:
        """The stock and shipping rules, all changed ones in one transaction or none; refusals as the core words
        them, and a colleague's change in between reloads the page."""
        changes = self.stock_changes()
        if not changes:
            return True
        try:
            shared_settings.change_many(self.session.services, changes)
        except ConflictError as exc:
            messages.error(self, exc)
            self._load_stock()
            self.pages.setCurrentWidget(self.stock_page)
            return False
        except BlankoError as exc:
            messages.error(self, exc)
            self.pages.setCurrentWidget(self.stock_page)
            return False
        self._load_stock()
        self.session.announce(Changes(settings=True))  # the stock tab's warning, Hari ini, the courier field
        return True

    def reject(self) -> None:
        """Tutup: the form's changes are saved already; office hours or stock and shipping rules left unsaved
        are offered once each."""
        self.save_workstation()
        if self.hours_changed():
            if messages.confirm(self, self.tr("Office hours"),
                                self.tr("The office hours or pickup days were changed but not saved. Save them "
                                        "now (the due times are computed again)?"), self.tr("Save")):
                if not self.save_hours():
                    return  # refused: the officer sees why and stays in the dialog
        if self.stock_changes():
            if messages.confirm(self, self.tr("Stock and shipping"),
                                self.tr("The stock and shipping settings were changed but not saved. Save them "
                                        "now?"), self.tr("Save")):
                if not self.save_stock():
                    return
        super().reject()
