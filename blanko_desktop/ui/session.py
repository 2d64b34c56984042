"""The open database and the officer acting on it; views listen to its signals to refresh."""

from __future__ import annotations

import logging

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QWidget

from blanko_desktop.core import config
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.config import LocalConfig
from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import Storage
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.operations import Changes

T = TypeVar("T")


log = logging.getLogger(__name__)

class Session(QObject):
    """Holds Storage and Services for the UI; every write from a view goes through `perform`."""

    changed = Signal()           # data changed through the UI (any kind): views that cannot tell reload
    changes = Signal(object)     # the same, with what changed (operations.Changes): views reload what concerns them
    database_changed = Signal()  # another database file is open: views rebind and reload
    profile_changed = Signal()   # the officer's profile name changed
    busy = Signal(int)           # a write waits for another officer's lock (attempt number)

    def __init__(self, cfg: LocalConfig, storage: Storage, parent: QObject | None = None):
        super().__init__(parent)
        self.cfg = cfg
        self.storage = storage
        self.services = Services(storage, Actor.current(cfg.officer))
        storage.on_busy = self._on_busy
        self._follow_office_zone()
        self.changed.connect(self._follow_office_zone)  # the office hours may have changed in Settings

    # -- writes -------------------------------------------------------------------------------------

    def perform(self, parent: QWidget | None, fn: Callable[[], T], changes: Changes | None = None) -> T | None:
        """Run one service call; show a refusal as the core words it; announce `changes` on success
        (everything when the caller does not say).

        Returns the call's result, or None when it was refused (wrap a call that returns None
        itself as `lambda: call() or True`).
        """
        try:
            result = fn()
        except BlankoError as exc:
            messages.error(parent, exc)
            return None
        except Exception as exc:  # a bug or the machine (disk full, file locked by antivirus): say so, go on
            log.exception("unexpected error in a service call")
            messages.error(parent, exc)
            return None
        self.announce(changes or Changes.everything())
        return result

    def announce(self, changes: Changes) -> None:
        """Tell the views what changed (a write done here, or an operation that finished)."""
        self.changes.emit(changes)
        self.changed.emit()

    # -- database file ------------------------------------------------------------------------------

    def open_database(self, path: Path | str, create: bool = False) -> None:
        """Close the current file, open `path` and make it this workstation's database.

        Raises StorageError (the current file stays open) when `path` cannot be used.
        """
        path = Path(path)
        old_path = self.storage.path
        self.storage.close()
        try:
            storage = Storage.open(path, create=create)
        except BlankoError:
            # The models follow the last file opened: open the previous one again.
            self._bind(Storage.open(old_path, create=False))
            raise
        self._bind(storage)
        self.cfg.remember(storage.path)
        config.save(self.cfg)
        self.database_changed.emit()

    def _bind(self, storage: Storage) -> None:
        self.storage = storage
        storage.on_busy = self._on_busy
        self.services = Services(storage, self.services.actor)
        self._follow_office_zone()

    def _follow_office_zone(self) -> None:
        # the zone alone: building the calendar (holidays library) is not needed to read a clock
        hours = self.services.setting("office_hours") or {}
        try:
            i18n.set_office_zone(ZoneInfo(hours.get("tz") or "Asia/Jakarta"))
        except (ZoneInfoNotFoundError, ValueError):
            i18n.set_office_zone(None)

    def _on_busy(self, attempt: int) -> None:
        # the core retries by itself; say so, and let the window repaint (but take no clicks) meanwhile
        self.busy.emit(attempt)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def close(self) -> None:
        self.storage.close()

    # -- workstation settings ------------------------------------------------------------------------

    def set_officer(self, name: str) -> None:
        name = name.strip()
        if name == self.cfg.officer:
            return
        self.cfg.officer = name
        config.save(self.cfg)
        self.services = Services(self.storage, Actor.current(name))
        self.profile_changed.emit()

    def save_config(self) -> None:
        config.save(self.cfg)
