"""Drops from any widget that takes files: accepting the drag, the overlay's hover target, the texts for a drop
that carries nothing readable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from blanko_desktop.ui import dropdata
from blanko_desktop.ui.dropdata import DropContents

NEW_REQUEST = 0  # the hover target when the files are not dropped onto a request

translate = QCoreApplication.translate


def problem_text(contents: DropContents, pasted: bool = False) -> str:
    """What the window says when a drop or paste carries nothing the intake can read."""
    if pasted and contents.problem == dropdata.NOTHING:
        return translate("Intake", "The clipboard holds no files. Copy the files in Explorer or your mail "
                                   "program (Ctrl+C), then paste them here (Ctrl+V).")
    if contents.problem == dropdata.WEB_LINKS:
        return translate("Intake", "Only a web link arrived, not a file: mail in a web browser (Gmail, Outlook "
                                   "on the web, the new Outlook) does not hand over its attachments. Save the "
                                   "attachments to the desktop (or drag them onto the desktop) first, then drag "
                                   "those files here.")
    return translate("Intake", "Nothing that was dropped can be read as a file. Save the e-mail's attachments "
                               "to the desktop (or drag them onto the desktop) first, then drag those files here.")


def unreadable_text(names: list[str]) -> str:
    return translate("Intake", "These attachments could not be read from the mail program: %1. Save them to "
                               "the desktop first, then drag the files here.").replace("%1", ", ".join(names))


class DropRouter(QObject):
    """Drag events from any widget that takes files: accept, tell the overlay, hand the drop on.

    `hovering(target)`: NEW_REQUEST, or the id of the request under the cursor; `left()` when the drag
    leaves the window; `dropped(contents, request_id or None)` after the drop has returned (a dialog shown
    inside the drop would keep the mail program waiting).
    """

    hovering = Signal(int)
    left = Signal()
    dropped = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # moving from one widget to another sends leave, then enter: hide only if no enter follows
        self._leave = QTimer(self)
        self._leave.setSingleShot(True)
        self._leave.setInterval(80)
        self._leave.timeout.connect(self.left)
        self.pending = 0  # drops taken but not yet handed on

    @staticmethod
    def _copy(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> None:
        # always copy: a "move" would let Explorer delete the officer's file
        if event.possibleActions() & Qt.DropAction.CopyAction:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.acceptProposedAction()

    def enter(self, event: QDragEnterEvent | QDragMoveEvent, request_id: int | None = None) -> bool:
        if not dropdata.offers_something(event.mimeData()):
            event.ignore()
            return False
        self._copy(event)
        self._leave.stop()
        self.hovering.emit(request_id or NEW_REQUEST)
        return True

    move = enter

    def leave(self) -> None:
        self._leave.start()

    def drop(self, event: QDropEvent, request_id: int | None = None) -> None:
        self._leave.stop()
        self.left.emit()
        if not dropdata.offers_something(event.mimeData()):
            event.ignore()
            return
        contents = dropdata.read_mime(event.mimeData())
        self._copy(event)
        self.pending += 1

        def hand_on() -> None:
            self.pending -= 1
            self.dropped.emit(contents, request_id)

        QTimer.singleShot(0, hand_on)
