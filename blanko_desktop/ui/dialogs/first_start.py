"""First start: who is the officer at this workstation (a name is required: letters are signed with it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

# a name, not an initial or a login: it signs letters to the LSPs
MIN_NAME = 3


class OfficerNameDialog(QDialog):
    """Asks the officer's name; the audit log records it beside the computer login and letters are signed
    with it. It cannot be left empty (letters were signed with the Windows login, "root")."""

    def __init__(self, parent: QWidget | None = None, for_letter: bool = False):
        super().__init__(parent)
        self.for_letter = for_letter
        self.setWindowTitle(self.tr("Welcome to Blanko Desktop") if not for_letter else self.tr("Your name"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Letters to the LSPs are signed with your name, and every change you make is "
                               "recorded in the history with it. What is your name as officer?")
                       if for_letter else
                       self.tr("Every change you make is recorded in the history with your name, and letters "
                               "to the LSPs are signed with it. What is your name as officer?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("Officer &name:"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Sri Wahyuni"))
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        self.hint = QLabel(self.tr("Required. You can change it later in Data ▸ Settings."))
        self.hint.setEnabled(False)
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | (QDialogButtonBox.StandardButton.Cancel if for_letter
                                      else QDialogButtonBox.StandardButton.NoButton))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(lambda: self.ok_button.setEnabled(self.valid()))
        self.resize(420, 190)

    def valid(self) -> bool:
        return len(self.name()) >= MIN_NAME

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def accept(self) -> None:
        if self.valid():
            super().accept()

    def reject(self) -> None:
        # at first start there is no way around it (Esc or the close box do nothing); when a letter asks for
        # it, leaving means not writing the letter
        if self.for_letter:
            super().reject()
