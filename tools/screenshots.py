"""Screenshots for docs/screenshots/ from a demo database: the Verifikasi tab after two dropped e-mails, or
(--window) Permohonan Masuk at the office's three screen sizes with the dialogs of Data.

    blanko demo --db /tmp/demo.sqlite
    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 TZ=Asia/Jakarta python tools/screenshots.py --db /tmp/demo.sqlite
    TZ=Asia/Jakarta python tools/screenshots.py --db /tmp/demo.sqlite --window   # offscreen, any size

With DISPLAY set the real window is shown (Qt's xcb plugin) and the screen is grabbed with xwd and
ImageMagick, as the officer would see it; without, the window is drawn offscreen with QWidget.grab().
The e-mails are dropped onto the window the way a mail program delivers them (a QDropEvent with file URLs).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database filled by `blanko demo`")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--window", action="store_true",
                        help="Permohonan Masuk at 1024x768, 1366x768 and 1920x1080, Pengaturan and Daftar LSP")
    args = parser.parse_args()
    if args.window:
        return window_shots(args)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="blanko-shots-"))
    os.environ.setdefault("BLANKO_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("BLANKO_DATA_DIR", str(work / "data"))

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication, QDialog

    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.demo.documents import (
        participants,
        request_documents,
        request_email,
    )
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.intake.dialog import IntakeDialog
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(args.db, create=False)
    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    window = MainWindow(session)
    screen = app.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()

    def settle(seconds: float = 0.6) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or window.intake.busy or window.verification_tab.busy:
            app.processEvents()
            time.sleep(0.01)

    def new_request(dialog) -> QDialog.DialogCode:
        dialog.to_new.setChecked(True)  # a demo LSP may have a request waiting on it: keep the two apart
        return QDialog.DialogCode.Accepted

    IntakeDialog.exec = new_request

    def drop_email(lsp_name: str, sender: str, people, kinds: tuple[str, ...], seq: int) -> None:
        docs = request_documents(lsp_name, "Denpasar", people, date.today() - timedelta(days=1), seq=seq)
        wanted = {name: data for name, data in docs.files.items()
                  if any(name.startswith(prefix) for prefix in kinds)}
        docs.files = wanted
        path = work / f"permohonan-{seq}.eml"
        path.write_bytes(request_email(sender, lsp_name, docs, datetime.now(timezone.utc) - timedelta(hours=2)))
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        window.dropEvent(QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        settle()

    def shoot(name: str) -> Path:
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        settle(0.8)
        if os.environ.get("DISPLAY") and shutil.which("xwd") and shutil.which("convert"):
            xwd = subprocess.run(["xwd", "-root", "-silent"], check=True, capture_output=True).stdout
            subprocess.run(["convert", "xwd:-", str(target)], input=xwd, check=True)
        else:
            window.grab().save(str(target))
        print(target)
        return target

    lsps = {lsp.name: lsp for lsp in session.services.lsps(active_only=True)}
    complete_lsp = lsps.get("LSP Pariwisata Bali Dwipa") or next(iter(lsps.values()))
    sender = next((a.value for a in complete_lsp.addresses if not a.is_domain), "admin@example.id")
    rng = random.Random(2026)
    drop_email(complete_lsp.name, sender, participants(148, rng), ("Surat", "BA", "SK", "Daftar"), seq=88)
    shoot("verifikasi.png")

    other = lsps.get("LSP Maritim Celebes") or next(iter(lsps.values()))
    sender = next((a.value for a in other.addresses if not a.is_domain), "admin@example.id")
    people = participants(64, rng)
    people[6].nik = "737104120395"           # lost its leading digits in Excel
    people[23].nik = people[22].nik           # the same person twice
    drop_email(other.name, sender, people, ("Surat", "BA", "Daftar"), seq=17)
    tab = window.verification_tab
    listing = next(d for d in tab.current.documents if d.kind == "list")
    tab.documents.setCurrentItem(tab.documents.item_for(listing.id))
    settle()
    first_error = next((i for i, f in enumerate(tab.findings_model.findings) if f.row), None)
    if first_error is not None:
        tab.findings.selectRow(tab.findings_proxy.mapFromSource(tab.findings_model.index(first_error, 0)).row())
        settle()
    shoot("verifikasi-belum-lengkap.png")
    window.close()
    session.close()
    return 0


# The office's screens, less what Windows takes: the taskbar (40 px) and the maximised window's title bar (23 px).
SCREENS = ((1024, 768), (1366, 768), (1920, 1080))
TASKBAR_AND_TITLE = 63


def window_shots(args) -> int:
    """Permohonan Masuk as the officer sees it maximised on each screen, and the dialogs of Data."""
    import json

    work = Path(tempfile.mkdtemp(prefix="blanko-shots-"))
    layout = work / "screen.json"  # offscreen, with a screen large enough for every size
    layout.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={layout}"
    os.environ.setdefault("BLANKO_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("BLANKO_DATA_DIR", str(work / "data"))

    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.services import RequestFilter
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.dialogs.lsp_registry import LspRegistryDialog
    from blanko_desktop.ui.dialogs.settings import SettingsDialog
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(args.db, create=False)
    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.5) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.01)

    def save(widget, name: str) -> None:
        target = args.out / name
        widget.grab().save(str(target))
        print(target)

    waiting = next(r for r in session.services.request_page(RequestFilter(states=("waiting_lsp",)), 0, 5))
    for width, height in SCREENS:
        window = MainWindow(session)
        window.setGeometry(0, 0, width, height - TASKBAR_AND_TITLE)
        window.show()
        settle()
        window.requests_tab.set_detail_share(None)
        settle(0.2)
        window.requests_tab.select_request(waiting.id)
        settle()
        save(window, "permohonan-masuk.png" if width == 1366 else f"permohonan-masuk-{width}.png")
        window.close()

    window = MainWindow(session)
    window.setGeometry(0, 0, 1366, 768 - TASKBAR_AND_TITLE)
    window.show()
    settings = SettingsDialog(session, window)
    settings.show()
    settings.pages.setCurrentIndex(3)
    settle()
    save(settings, "pengaturan.png")
    registry = LspRegistryDialog(session, window)
    registry.show()
    settle()
    save(registry, "lsp.png")
    window.close()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
