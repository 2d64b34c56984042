"""The approval dialog of Persetujuan & Cetak for docs/screenshots/ (the tab itself: tools/screenshots.py).

    QT_QPA_PLATFORM=offscreen python tools/screenshots_approval.py [--out docs/screenshots]

Makes its own demo database (`blanko demo`'s data), approves a request, saves its approval sheet, attaches a
signed scan, and grabs the approval dialog of the next request (offscreen: QWidget.grab()).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="blanko-shots-"))
    os.environ["BLANKO_CONFIG_DIR"] = str(work / "config")
    os.environ["BLANKO_DATA_DIR"] = str(work / "data")

    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core import approval
    from blanko_desktop.core.approval import paperwork
    from blanko_desktop.core.approval import views as approval_views
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.demo.walk import fill
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.dialogs.approval_dialog import ApprovalDialog
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(work / "demo.sqlite")
    services = Services(storage, Actor("petugas", "Sri Wahyuni"))
    fill(services, 40, seed=7)
    queues = approval_views.queues(services)
    waiting = [w.request_id for w in queues.waiting]
    chosen = waiting[len(waiting) // 2]
    signer = services.signatory_views(active_only=True)[-1]
    approval.approve(services, chosen, signer.id)
    paperwork.save_pdf(services, paperwork.render_form(services, "approval", chosen), work / "lembar.pdf")
    approval.attach_approval_scan(services, chosen, work / "lembar.pdf", "Lembar persetujuan ttd.pdf")

    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    tab = window.approval_tab  # built on first access (the window builds only the tab on screen at start)
    window.tabs.setCurrentWidget(tab)

    def settle(seconds: float = 0.4) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or tab.busy:
            app.processEvents()
            time.sleep(0.01)

    settle()
    args.out.mkdir(parents=True, exist_ok=True)

    dialog = ApprovalDialog(session, approval_views.request_paperwork(services, waiting[0]), window)
    dialog.resize(1040, 700)
    dialog.show()
    dialog.wait_idle()
    settle()
    dialog.grab().save(str(args.out / "persetujuan-dialog.png"))
    print(args.out / "persetujuan-dialog.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
