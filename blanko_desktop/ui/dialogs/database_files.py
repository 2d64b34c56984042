"""Choosing a database file: a new one, an existing one, or what to do when a database cannot be opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

OPEN_OTHER, CREATE_NEW, OPEN_SERVER, QUIT = "open", "new", "server", "quit"


def _filter() -> str:
    return QCoreApplication.translate("DatabaseFiles",
                                      "Blanko Desktop database (*.sqlite *.db);;All files (*)")


def choose_new(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """A path for a new database file (an existing file is never overwritten)."""
    while True:
        name, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("DatabaseFiles", "New database"),
            str((start or Path.home()) / "blanko.sqlite"), _filter(),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        if not path.exists():
            return path
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("DatabaseFiles", "New database"),
            QCoreApplication.translate(
                "DatabaseFiles", "%1 already exists. A new database never replaces a file. Open this one instead?")
            .replace("%1", str(path)),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Open:
            return path


def choose_existing(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """An existing database file, for example on a shared network drive."""
    name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("DatabaseFiles", "Open database"),
                                          str(start or Path.home()), _filter())
    return Path(name) if name else None


def ask_after_open_failure(parent: QWidget | None, message: str) -> str:
    """The database could not be opened: open another file, create a new one, open a server, or quit."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("DatabaseFiles", "Blanko Desktop"),
                      QCoreApplication.translate("DatabaseFiles", "The database cannot be opened."),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(message)
    open_other = box.addButton(QCoreApplication.translate("DatabaseFiles", "Open another file…"),
                               QMessageBox.ButtonRole.AcceptRole)
    create_new = box.addButton(QCoreApplication.translate("DatabaseFiles", "Create a new one…"),
                               QMessageBox.ButtonRole.ActionRole)
    open_server = box.addButton(QCoreApplication.translate("DatabaseFiles", "Open a server…"),
                                QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("DatabaseFiles", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_other)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_other:
        return OPEN_OTHER
    if clicked is create_new:
        return CREATE_NEW
    if clicked is open_server:
        return OPEN_SERVER
    return QUIT
