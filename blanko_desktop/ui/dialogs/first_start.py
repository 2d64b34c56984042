"""First start: who is the officer at this workstation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class OfficerNameDialog(QDialog):
    """Asks the officer's name once; the audit log records it beside the computer login."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Blanko Desktop"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every change you make is recorded in the history with your name. "
                               "What is your name as officer?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("Officer &name:"))
        self.name_edit = QLineEdit()
        label.setBuddy(self.name_edit)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        note = QLabel(self.tr("You can change it later in Data ▸ Settings."))
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(400, 180)

    def name(self) -> str:
        return self.name_edit.text().strip()
