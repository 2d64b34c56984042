"""Files in: drops, File ▸ Import and paste go through here, from the dropped bytes to a stored request.

The core's two phases set the pace: `Reception.prepare` reads and analyses on a worker thread (the window
stays responsive and shows progress), the officer is asked only when something needs a decision, then
`Reception.commit` stores the files through the session (so a refusal is shown as the core words it).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.ui import dropdata
from blanko_desktop.ui.dropdata import DropContents
from blanko_desktop.ui.intake.router import problem_text, unreadable_text
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.operations import Op

if TYPE_CHECKING:  # the intake stack (pypdf, parsers) is imported on the first drop, not at start-up
    from blanko_desktop.core.intake_routing import IntakeDecision
    from blanko_desktop.core.reception import IntakeOutcome, IntakePlan

translate = QCoreApplication.translate


def choose_import_files(parent: QWidget | None, start: Path) -> list[Path]:
    """File ▸ Import files…: the officer picks files (tests replace this function)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("Intake", "Import files"), str(start),
        translate("Intake", "Request documents (*.pdf *.xlsx *.xlsm *.xls *.ods *.eml *.msg);;All files (*)"))
    return [Path(n) for n in names]


@dataclass
class IntakeJob:
    contents: DropContents
    request_id: int | None
    source: str
    dropped_at: datetime


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
        self._task: Op | None = None
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
        self._queue.append(IntakeJob(contents, request_id, source, datetime.now(UTC)))
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
        def work() -> tuple[IntakePlan, IntakeDecision]:
            from blanko_desktop.core import intake_routing
            from blanko_desktop.core.reception import Reception

            reception = Reception(self.session.services)

            def report(done: int, total: int, name: str) -> None:
                task.progress.emit(done, total, name)

            if job.contents.paths:
                plan = reception.prepare_paths(job.contents.paths, report)
            else:
                plan = reception.prepare(job.contents.items, report)
            # where it goes is core's decision; without a dialog, the e-mail's date or the time of the drop
            return plan, intake_routing.decide(self.session.services, plan, request_id=job.request_id,
                                               received_at=plan.received_at or job.dropped_at)

        task = Op(work, self.session.storage, self, serial=True)
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

    def ask(self, plan: IntakePlan, decision: IntakeDecision, job: IntakeJob) -> IntakeDecision | None:
        """Show core's decision; the officer's changes are decided by core again (a refusal is shown)."""
        from blanko_desktop.ui.intake.dialog import IntakeDialog

        dialog = IntakeDialog(self.session, plan, decision, job.request_id, job.dropped_at, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            return dialog.decision()
        except BlankoError as exc:  # e.g. the request was closed meanwhile: nothing is stored
            from blanko_desktop.ui import messages

            messages.error(self.window, exc)
            return None

    def _prepared(self, job: IntakeJob, prepared: tuple[IntakePlan, IntakeDecision]) -> None:
        from blanko_desktop.core import intake_routing

        plan, decision = prepared
        self.prepared.emit(plan)
        try:
            if intake_routing.needs_officer(plan, decision, job.request_id):
                decision = self.ask(plan, decision, job)
                if decision is None:
                    if plan.new_files:
                        self.status.emit(translate("Intake", "Intake cancelled: nothing was stored."))
                    return
            self._commit(job, plan, decision)
        finally:
            self._done()

    # -- phase 2: store ------------------------------------------------------------------------------

    def _commit(self, job: IntakeJob, plan: IntakePlan, decision: IntakeDecision) -> None:
        from blanko_desktop.core import intake_routing

        session = self.session
        outcome = session.perform(self.window, lambda: intake_routing.commit(
            session.services, plan, decision, source=job.source))
        if outcome is None:
            return
        self.last_outcome = outcome
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
