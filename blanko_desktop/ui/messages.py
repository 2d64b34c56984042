"""Message boxes in one place, so every refusal reads the same and tests can stand in for the officer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from blanko_desktop.core.errors import BlankoError, ConflictError, StorageError


def error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a refusal from the core; its (Indonesian) message is shown as it is."""
    if isinstance(exc, ConflictError):
        title = QCoreApplication.translate("Messages", "Changed by someone else")
    elif isinstance(exc, StorageError):
        title = QCoreApplication.translate("Messages", "Database problem")
    elif isinstance(exc, BlankoError):
        title = QCoreApplication.translate("Messages", "Not possible")
    else:
        title = QCoreApplication.translate("Messages", "Unexpected error")
        text = QCoreApplication.translate(
            "Messages", "Something went wrong that the program did not expect; nothing was saved. "
                        "Please tell the maintainer:\n\n%1").replace("%1", f"{type(exc).__name__}: {exc}")
        QMessageBox.critical(parent, title, text)
        return
    QMessageBox.warning(parent, title, str(exc))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before anything that cannot be undone; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
