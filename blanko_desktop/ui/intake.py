"""Files in: drops, File ▸ Import and paste go through here, from the dropped bytes to a stored request.

The core's two phases set the pace: `Reception.prepare` reads and analyses on a worker thread (the window
stays responsive and shows progress), the officer is asked only when something needs a decision, then
`Reception.commit` stores the files through the session (so a refusal is shown as the core words it).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from blanko_desktop.core.models import utcnow
from blanko_desktop.core.reception import IntakeOutcome, IntakePlan, Reception
from blanko_desktop.ui import dropdata
from blanko_desktop.ui.dropdata import DropContents
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.worker import Task

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


def choose_import_files(parent: QWidget | None, start: Path) -> list[Path]:
    """File ▸ Import files…: the officer picks files (tests replace this function)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("Intake", "Import files"), str(start),
        translate("Intake", "Request documents (*.pdf *.xlsx *.xlsm *.xls *.ods *.eml *.msg);;All files (*)"))
    return [Path(n) for n in names]


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


@dataclass
class IntakeJob:
    contents: DropContents
    request_id: int | None
    source: str
    dropped_at: datetime


@dataclass
class IntakeDecision:
    """What the officer decided (or what needed no decision)."""

    lsp_id: int | None
    request_id: int | None  # None: a new request
    received_at: datetime
    add_address: bool = False


class IntakeController(QObject):
    """Runs intakes one after the other; the window shows its signals."""

    notice = Signal(str)               # a message for the window's notice bar
    status = Signal(str)               # a short status-bar message
    progress = Signal(int, int, str)   # done, total, file name
    busy_changed = Signal(bool)
    prepared = Signal(object)          # the IntakePlan, when it is in (benchmark, tests)
    committed = Signal(int)            # the request the files went to

    def __init__(self, session: Session, window: QWidget):
        super().__init__(window)
        self.session = session
        self.window = window
        self._queue: deque[IntakeJob] = deque()
        self._task: Task | None = None
        self.last_outcome: IntakeOutcome | None = None

    # -- entry points -------------------------------------------------------------------------------

    def submit(self, contents: DropContents, request_id: int | None = None, source: str = "drop") -> bool:
        """Take what a drop, an import or a paste delivered; False when there is nothing to read."""
        if contents.unreadable:
            self.notice.emit(unreadable_text(contents.unreadable))
        if contents.empty:
            if not contents.unreadable:
                self.notice.emit(problem_text(contents, pasted=source == "paste"))
            return False
        self._queue.append(IntakeJob(contents, request_id, source, utcnow()))
        self._next()
        return True

    def submit_paths(self, paths: list[Path], request_id: int | None = None, source: str = "import") -> bool:
        return self.submit(DropContents(paths=list(paths)), request_id, source)

    def paste(self) -> bool:
        """Ctrl+V: files copied in Explorer or attachments copied in Outlook."""
        return self.submit(dropdata.read_mime(QGuiApplication.clipboard().mimeData()), None, "paste")

    def import_files(self) -> bool:
        paths = choose_import_files(self.window, Path.home())
        return bool(paths) and self.submit_paths(paths)

    @property
    def busy(self) -> bool:
        """Reading, asking or storing, or more drops waiting their turn."""
        return self._task is not None or bool(self._queue)

    # -- phase 1: read and analyse on a worker --------------------------------------------------------

    def _next(self) -> None:
        if self._task is not None or not self._queue:
            return
        job = self._queue.popleft()
        reception = Reception(self.session.services)

        def work() -> IntakePlan:
            def report(done: int, total: int, name: str) -> None:
                task.progress.emit(done, total, name)

            if job.contents.paths:
                return reception.prepare_paths(job.contents.paths, report)
            return reception.prepare(job.contents.items, report)

        task = Task(work, self.session.storage, self, serial=True)
        task.progress.connect(self.progress)
        task.finished.connect(lambda plan: self._prepared(job, plan))
        task.failed.connect(self._failed)
        self._task = task
        self.busy_changed.emit(True)
        self.progress.emit(0, 0, "")
        task.start()

    def _failed(self, exc: BaseException) -> None:
        from blanko_desktop.ui import messages

        self._done()
        messages.error(self.window, exc)

    def _done(self) -> None:
        self._task = None
        self.busy_changed.emit(False)
        QTimer.singleShot(0, self._next)

    # -- the officer's decision -----------------------------------------------------------------------

    @staticmethod
    def needs_decision(plan: IntakePlan, request_id: int | None) -> bool:
        """Ask only when there is something to decide or to see: unknown LSP, a waiting request,
        files already received, problems, or nothing new at all."""
        if plan.problems or not plan.new_files or len(plan.new_files) != len(plan.files):
            return True
        if request_id is not None:
            return False
        return plan.lsp is None or plan.waiting_request is not None

    def ask(self, plan: IntakePlan, job: IntakeJob) -> IntakeDecision | None:
        from blanko_desktop.ui.dialogs.intake_dialog import IntakeDialog

        dialog = IntakeDialog(self.session, plan, job.request_id, job.dropped_at, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.decision()

    def _prepared(self, job: IntakeJob, plan: IntakePlan) -> None:
        self.prepared.emit(plan)
        try:
            if self.needs_decision(plan, job.request_id):
                decision = self.ask(plan, job)
                if decision is None:
                    if plan.new_files:
                        self.status.emit(translate("Intake", "Intake cancelled: nothing was stored."))
                    return
            else:
                decision = IntakeDecision(plan.lsp.id if plan.lsp else None, job.request_id,
                                          plan.received_at or job.dropped_at)
            self._commit(job, plan, decision)
        finally:
            self._done()

    # -- phase 2: store ------------------------------------------------------------------------------

    def _commit(self, job: IntakeJob, plan: IntakePlan, decision: IntakeDecision) -> None:
        session = self.session
        reception = Reception(session.services)
        outcome = session.perform(self.window, lambda: reception.commit(
            plan, request_id=decision.request_id, lsp_id=decision.lsp_id, received_at=decision.received_at,
            source=job.source))
        if outcome is None:
            return
        self.last_outcome = outcome
        if decision.add_address and plan.sender and decision.lsp_id is not None:
            session.perform(self.window, lambda: session.services.add_lsp_address(decision.lsp_id, plan.sender))
        if outcome.request is None:
            self.status.emit(translate("Intake", "Nothing new: every file had been received before."))
            return
        text = translate("Intake", "Request #%1: %n file(s) stored.", "", len(outcome.added))
        text = text.replace("%1", str(outcome.request.id))
        if outcome.duplicates:
            text += " " + translate(
                "Intake", "%n file(s) had been received before.", "", len(outcome.duplicates))
        self.status.emit(text)
        self.committed.emit(outcome.request.id)
