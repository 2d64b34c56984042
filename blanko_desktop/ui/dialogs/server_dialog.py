"""File → Open database server…: a PostgreSQL server's address, tested off the GUI thread before it is opened."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core import server, server_probe
from blanko_desktop.ui import messages
from blanko_desktop.ui.operations import Op

DEFAULT_PORT = 5432
SSL_MODES = ("disable", "prefer", "require", "verify-full")
# the questions still out to a server, kept until answered (see test_connection)
_ASKING: set[Op] = set()


@dataclass(frozen=True)
class ServerChoice:
    """What the officer chose: `address` is shown and remembered (never with the password); `target` is
    what the window opens (the password written in it when there is one); `create` makes the schema."""

    address: str
    target: str
    create: bool = False


def address_of(host: str, port: int, database: str, user: str, sslmode: str) -> str:
    """postgresql://user@host:port/db?sslmode=... (no password: that goes to the credential store)."""
    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    who = urllib.parse.quote(user.strip(), safe="") + "@" if user.strip() else ""
    query = urllib.parse.urlencode({"sslmode": sslmode}) if sslmode else ""
    return urllib.parse.urlunsplit(("postgresql", f"{who}{host}:{port}",
                                    "/" + urllib.parse.quote(database.strip(), safe=""), query, ""))


def with_password(address: str, password: str) -> str:
    """The address with the password written in it (only in memory, to open it)."""
    if not password:
        return address
    parts = urllib.parse.urlsplit(address)
    user, _, host = parts.netloc.rpartition("@")
    netloc = f"{user}:{urllib.parse.quote(password, safe='')}@{host}" if user else \
        f":{urllib.parse.quote(password, safe='')}@{host}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


class ServerDialog(QDialog):
    """Host, port, database, user, password and TLS; *Test connection* says what the server answers, and
    *Open* tests again before the window switches (an empty database: the schema is made on request)."""

    def __init__(self, parent: QWidget | None = None, initial: str | None = None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open database server"))
        self.choice: ServerChoice | None = None
        self.last_probe: server_probe.ServerProbe | None = None
        self._op: Op | None = None
        self._open_after_test = False

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The office's PostgreSQL server keeps one database for every officer. The "
                               "server's administrator gives you these details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. db.bnsp.local or 10.0.0.5"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText("blanko")
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. petugas"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password (in this computer's credential store)"))
        self.sslmode = QComboBox()
        for mode, text in (("disable", self.tr("off (disable)")),
                           ("prefer", self.tr("when the server offers it (prefer)")),
                           ("require", self.tr("required (require)")),
                           ("verify-full", self.tr("required, server certificate checked (verify-full)"))):
            self.sslmode.addItem(text, mode)
        self.sslmode.setCurrentIndex(SSL_MODES.index("prefer"))
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Secure connection (&TLS):"), self.sslmode)
        layout.addLayout(form)

        self.address_label = QLabel()
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setEnabled(False)
        layout.addWidget(self.address_label)
        self.test_button = QPushButton(self.tr("&Test connection"))
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = QLabel(note)
        self.result.setObjectName("serverAnswer")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("&Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.open_clicked)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self.sslmode.currentIndexChanged.connect(self._edited)
        self.test_button.clicked.connect(self.test_connection)
        if initial:
            self.fill(initial)
        self._edited()
        self.resize(520, 420)

    # -- the address --------------------------------------------------------------------------------

    def fill(self, address: str) -> None:
        """The fields of a remembered address, and its remembered password."""
        clean, written = server.split_address(address)
        parts = urllib.parse.urlsplit(clean)
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or DEFAULT_PORT)
        self.database.setText(urllib.parse.unquote(parts.path.lstrip("/")))
        self.user.setText(urllib.parse.unquote(parts.username or ""))
        mode = urllib.parse.parse_qs(parts.query).get("sslmode", ["prefer"])[0]
        if mode in SSL_MODES:
            self.sslmode.setCurrentIndex(SSL_MODES.index(mode))
        stored = written or server.stored_password(clean)
        if stored:
            self.password.setText(stored)
            self.remember.setChecked(not written)

    def address(self) -> str:
        return address_of(self.host.text(), self.port.value(), self.database.text(), self.user.text(),
                          self.sslmode.currentData())

    def complete(self) -> bool:
        return bool(self.host.text().strip() and self.database.text().strip())

    def _edited(self) -> None:
        complete = self.complete()
        self.address_label.setText(self.address() if complete else "")
        busy = self._op is not None
        self.test_button.setEnabled(complete and not busy)
        self.open_button.setEnabled(complete and not busy)

    # -- testing and opening ------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Ask the server on a worker thread (a connection may take seconds to time out)."""
        if not self.complete() or self._op is not None:
            return
        address, password = self.address(), self.password.text()
        self.result.setText(self.tr("Connecting to %1…").replace("%1", address))
        self.result.setStyleSheet("")
        # no storage: the probe closes its own connection. Not the dialog's child: a dialog closed while the
        # server is still being asked (a timeout takes seconds) must not delete the question under its thread.
        op = self._op = Op(lambda: server_probe.probe(address, password or None), None)
        _ASKING.add(op)
        op.finished.connect(self._answered)
        op.failed.connect(self._failed)
        for signal in (op.finished, op.failed):
            signal.connect(lambda _result, op=op: _ASKING.discard(op))
        self._edited()
        op.start()

    def open_clicked(self) -> None:
        """Open: tested first, so a wrong password or an empty database is said here, not in the window."""
        self._open_after_test = True
        self.test_connection()

    def _failed(self, exc: BaseException) -> None:
        self._op = None
        self._open_after_test = False
        self.result.setText(str(exc))
        self._edited()

    def _answered(self, answer: server_probe.ServerProbe) -> None:
        self._op = None
        self.last_probe = answer
        self.result.setText(answer.message)
        good = answer.can_open or answer.state == server_probe.EMPTY
        self.result.setStyleSheet("" if good else "#serverAnswer { color: #a01818; }")
        self._edited()
        opening, self._open_after_test = self._open_after_test, False
        if not opening:
            return
        if answer.can_open:
            self._choose(create=False)
        elif answer.state == server_probe.EMPTY and messages.confirm(
                self, self.tr("Empty database"),
                self.tr("The database %1 is empty. Create the Blanko Desktop tables in it and start working "
                        "there?").replace("%1", answer.address),
                self.tr("&Create and open")):
            self._choose(create=True)

    def _choose(self, create: bool) -> None:
        address, password = self.address(), self.password.text()
        if not self.remember.isChecked():
            server.forget_password(address)  # unticked: a password kept before goes too
        elif password and not server.remember_password(address, password):
            messages.warn(self, self.tr("Password not remembered"), self.tr(
                "This computer has no credential store: the password will be asked again next time."))
        self.choice = ServerChoice(address, with_password(address, password), create)
        self.accept()


def ask(parent: QWidget | None, initial: str | None = None, note: str = "") -> ServerChoice | None:
    """The officer's server (None: cancelled)."""
    dialog = ServerDialog(parent, initial, note)
    dialog.exec()
    return dialog.choice
