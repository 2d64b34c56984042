"""Dialogs of the completeness check: the completion e-mail before it is written, a note to accept a finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from email.message import EmailMessage

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the intake stack (pypdf, parsers) loads on first use, not at start-up
    from blanko_desktop.core.verification.checklist import CheckedFinding



OPEN_MAIL, COPY_TEXT = 1, 2


def mail_body(message: EmailMessage) -> str:
    return message.get_content().rstrip("\n") if not message.is_multipart() else ""


class CompletionDialog(QDialog):
    """The completion e-mail as the LSP will read it; the officer opens it in the mail program or copies it."""

    def __init__(self, request_id: int, message: EmailMessage, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Completion request for request #%1").replace("%1", str(request_id)))
        self.choice = 0
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This e-mail tells the LSP exactly what is missing or wrong. It is saved as a "
                               "draft and opened in your mail program; the request then waits for the LSP and "
                               "its one-working-day clock stops."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.to = QLineEdit(str(message["To"] or ""))
        self.to.setReadOnly(True)
        self.subject = QLineEdit(str(message["Subject"] or ""))
        self.subject.setReadOnly(True)
        form.addRow(self.tr("To:"), self.to)
        form.addRow(self.tr("Subject:"), self.subject)
        layout.addLayout(form)
        self.body = QPlainTextEdit(mail_body(message))
        self.body.setReadOnly(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        layout.addWidget(self.body, 1)
        if not self.to.text():
            warning = QLabel(self.tr("No address is known for this LSP: fill in the recipient in the mail "
                                     "program."))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #a31515;")
            layout.addWidget(warning)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(self.tr("&Open in the mail program"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = self.buttons.addButton(self.tr("&Copy the text"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("For mail in a web browser: the draft is saved and the request waits "
                                            "for the LSP; paste the text into a new e-mail."))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._choose(OPEN_MAIL))
        self.copy_button.clicked.connect(lambda: self._choose(COPY_TEXT))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(700, 520)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class AcceptFindingDialog(QDialog):
    """Accepting a finding needs a reason (kept in the audit log), e.g. 'NIK confirmed by phone'."""

    def __init__(self, findings: list[CheckedFinding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept finding"))
        layout = QVBoxLayout(self)
        first = findings[0]
        where = first.document + (f", {first.sheet}" if first.sheet else "") + (
            self.tr(", row %1").replace("%1", str(first.row)) if first.row else "")
        text = f"{where}: {first.message}"
        if len(findings) > 1:
            text += "\n" + self.tr("and %n more finding(s)", "", len(findings) - 1)
        what = QLabel(text)
        what.setWordWrap(True)
        layout.addWidget(what)
        label = QLabel(self.tr("&Why is it acceptable? (kept in the history)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. NIK confirmed by the LSP by phone"))
        label.setBuddy(self.note)
        layout.addWidget(label)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.text())))
        self.ok_button.setEnabled(False)
        self.resize(460, 260)

    def text(self) -> str:
        return self.note.toPlainText().strip()
