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
                               "draft. Opened in your mail program, the request then waits for the LSP and its "
                               "one-working-day clock stops. If you copy the text instead (web mail), the request "
                               "stays in the queue until you confirm the e-mail has been sent."))
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
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(self.tr("&Open in the mail program"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = self.buttons.addButton(self.tr("&Copy the text"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("For mail in a web browser: the draft is saved and its text copied; "
                                            "paste it into a new e-mail, send it, then click “It has been sent”."))
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


class _NoteDialog(QDialog):
    """A finding and a reason the officer must give (kept in the audit log)."""

    def __init__(self, title: str, what: str, prompt: str, placeholder: str, ok_text: str,
                 parent: QWidget | None = None, consequence: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.what = QLabel(what)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.effect = QLabel(consequence)
        self.effect.setWordWrap(True)
        self.effect.setStyleSheet("font-weight: bold;")
        self.effect.setVisible(bool(consequence))
        layout.addWidget(self.effect)
        label = QLabel(prompt)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(placeholder)
        label.setBuddy(self.note)
        layout.addWidget(label)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.text())))
        self.ok_button.setEnabled(False)
        self.resize(480, 280)

    def text(self) -> str:
        return self.note.toPlainText().strip()


def _line(finding: CheckedFinding) -> str:
    from blanko_desktop.core.verification.wording import finding_line

    return finding_line(finding)  # the row said once ("baris 17: Baris 17: ..." no more)


class AcceptFindingDialog(_NoteDialog):
    """Accepting a finding needs a reason (kept in the audit log), e.g. 'NIK confirmed by phone'."""

    def __init__(self, findings: list[CheckedFinding], parent: QWidget | None = None):
        from blanko_desktop.core.verification import recount

        text = _line(findings[0])
        if len(findings) > 1:
            text += "\n" + self.tr("and %n more finding(s)", "", len(findings) - 1)
        rows = [f.row for f in findings if recount.is_duplicate(f.document, f.sheet, f.row, f.message, f.severity)]
        consequence = self.tr("Accepting a duplicate row counts that participant once: row %1 is left out of the "
                              "counts, and the comparisons with the letter, the minutes and the decision follow."
                              ).replace("%1", ", ".join(str(r) for r in rows)) if rows else ""
        super().__init__(self.tr("Accept finding"), text, self.tr("&Why is it acceptable? (kept in the history)"),
                         self.tr("e.g. NIK confirmed by the LSP by phone"), self.tr("Accept"), parent, consequence)


class ReopenFindingDialog(_NoteDialog):
    """Withdrawing an acceptance needs a reason too; the earlier acceptance stays in the history."""

    def __init__(self, finding: CheckedFinding, parent: QWidget | None = None):
        text = _line(finding) + "\n" + self.tr("Accepted: %1").replace("%1", finding.note)
        super().__init__(self.tr("Re-open finding"), text, self.tr("&Why re-open it? (kept in the history)"),
                         self.tr("e.g. accepted by mistake; the LSP must correct the list"), self.tr("Re-open"),
                         parent)
