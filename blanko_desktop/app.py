"""The one place that wires the QApplication, the translations, the database and the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()


def _since_process_start() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since this module loaded)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _STARTED


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if "--self-test" in argv:
        from blanko_desktop.selftest import run

        return run(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from blanko_desktop import APP_ID, APP_NAME, paths
    from blanko_desktop.core import config
    from blanko_desktop.ui import i18n

    QApplication.setOrganizationName(APP_ID)
    QApplication.setApplicationName(APP_ID)
    QApplication.setApplicationDisplayName(APP_NAME)
    app = QApplication.instance() or QApplication(argv)
    icons = paths.resources_dir() / "icons"
    for name in ("blanko.svg", "blanko.ico", "blanko.png"):
        if (icons / name).is_file():
            app.setWindowIcon(QIcon(str(icons / name)))
            break

    cfg = config.load()
    i18n.install(app, cfg.language)
    install_excepthook()

    storage = open_storage(cfg)
    if storage is None:
        return 1
    window = create_main_window(cfg, storage)
    window.show()
    if not cfg.officer and not os.environ.get("BLANKO_BENCH_EXIT_ON_SHOWN"):
        QTimer.singleShot(0, lambda: ask_officer_name(window))

    if os.environ.get("BLANKO_BENCH_EXIT_ON_SHOWN"):
        def shown() -> None:
            shown_ms = _since_process_start() * 1000
            # the size a moment later: a maximised window gets the screen's size from the window system
            QTimer.singleShot(150, lambda: report(shown_ms))

        def report(shown_ms: float) -> None:
            print(f"shown_ms={shown_ms:.0f} window={window.width()}x{window.height()} "
                  f"maximized={int(window.isMaximized())} minimum={window.minimumSizeHint().width()}x"
                  f"{window.minimumSizeHint().height()}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, shown)
    try:
        return app.exec()
    finally:
        window.session.close()


def install_excepthook() -> None:
    """An exception escaping a Qt slot would otherwise vanish (or end the program): show it instead."""
    import logging
    import traceback

    from blanko_desktop.ui import messages

    def hook(kind, value, tb) -> None:
        logging.getLogger("blanko_desktop").error("".join(traceback.format_exception(kind, value, tb)))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        messages.error(None, value)

    sys.excepthook = hook


def open_storage(cfg):
    """The configured database (a file or a server); when it cannot be opened, let the officer choose
    another file, a new one, a server (the configured one's details offered again), or quit."""
    from blanko_desktop.core import config
    from blanko_desktop.core.errors import DatabaseTooNewError, StorageError
    from blanko_desktop.core.storage import is_server_address
    from blanko_desktop.core.storage import open_storage as open_target
    from blanko_desktop.ui.dialogs import database_files

    target, create = cfg.database_target, not cfg.database  # only the default file is created unasked
    while True:
        try:
            storage = open_target(target, create=create)
        except StorageError as exc:
            server = is_server_address(target)
            choice = database_files.ask_after_open_failure(None, str(exc))
            if choice == database_files.QUIT:
                return None
            start = Path.home() if server else Path(target).parent
            if choice == database_files.OPEN_SERVER:
                from blanko_desktop.ui.dialogs import server_dialog

                # the configured server's details, unless it is the server's software that is too new
                again = target if server and not isinstance(exc, DatabaseTooNewError) else None
                picked = server_dialog.ask(None, again, str(exc) if again else "")
                if picked is not None:
                    target, create = picked.target, picked.create
                continue
            chosen = (database_files.choose_existing(None, start) if choice == database_files.OPEN_OTHER
                      else database_files.choose_new(None, start))
            if chosen is not None:
                target, create = chosen, choice == database_files.CREATE_NEW
            continue
        if storage.location != str(cfg.database_target) or not cfg.recent:
            cfg.remember(storage.location)
            config.save(cfg)
        return storage


def create_main_window(cfg, storage):
    """The main window over an open database (the tests build it this way too)."""
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    return MainWindow(Session(cfg, storage))


def ask_officer_name(window) -> None:
    """First start: the officer's profile name, which the audit log records beside the OS login.

    Asked once per workstation; later it is changed in Settings.
    """
    from blanko_desktop.ui.dialogs.first_start import OfficerNameDialog
    from blanko_desktop.ui.main_window import window_settings

    settings = window_settings()
    if settings.value("profile/asked", False, type=bool):
        return
    settings.setValue("profile/asked", True)
    settings.sync()
    dialog = OfficerNameDialog(window)
    if dialog.exec() and dialog.name():
        window.session.set_officer(dialog.name())


if __name__ == "__main__":
    sys.exit(main())
