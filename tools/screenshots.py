"""Screenshots for docs/screenshots/: every tab of the window at the office's three screen sizes, and (--all) the detail shots.

    TZ=Asia/Jakarta python tools/screenshots.py          # fills a demo database (`blanko demo`), then each tab
    TZ=Asia/Jakarta python tools/screenshots.py --all    # also the dialogs and states the guide shows

Each tab is grabbed as `<tab>-1024.png`, `<tab>-1366.png` and `<tab>-1920.png`: the real MainWindow, drawn
offscreen (QWidget.grab()) on a 1920×1080 virtual screen at the size a maximised window has on that screen
under Windows (less the taskbar and title bar), so no X server is needed and every size fits. `--all` then runs
tools/screenshots_verification.py, screenshots_approval.py and screenshots_stock.py (their own states and
dialogs) and grabs the Pengaturan and Daftar LSP dialogs. `--db` reuses a database `blanko demo` filled.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The office's screens, less what Windows takes: the taskbar (40 px) and the maximised window's title bar (23 px).
SCREENS = ((1024, 768), (1366, 768), (1920, 1080))
TASKBAR_AND_TITLE = 63
# The tabs in the window's order, by the file name their screenshots carry.
TABS = ("hari-ini", "permohonan-masuk", "verifikasi", "persetujuan-cetak", "stok-blanko", "pengiriman")
DETAIL_SCRIPTS = ("screenshots_verification.py", "screenshots_approval.py", "screenshots_stock.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database filled by `blanko demo` (default: a new one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--all", action="store_true", help="also the detail shots of each tab and the dialogs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="blanko-shots-"))
    layout = work / "screen.json"  # offscreen, with a screen large enough for every size
    layout.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, BLANKO_CONFIG_DIR=str(work / "config"), BLANKO_DATA_DIR=str(work / "data"),
               QT_QPA_PLATFORM=f"offscreen:configfile={layout}", PYTHONPATH=str(ROOT))
    os.environ.update(env)
    db = args.db
    if db is None:
        db = work / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "blanko_desktop.cli", "demo", "--db", str(db)], check=True, env=env)
    if args.all:
        # each detail script makes its own changes: the stock one on a copy, so the tab shots stay the demo's
        stock_db = work / "stock.sqlite"
        stock_db.write_bytes(db.read_bytes())
        for script in DETAIL_SCRIPTS:
            extra = ["--db", str(stock_db)] if script == "screenshots_stock.py" else []
            subprocess.run([sys.executable, str(ROOT / "tools" / script), "--out", str(args.out), *extra],
                           check=True, env=env)
    return tab_shots(db, args.out, dialogs=args.all)


def tab_shots(db: Path, out: Path, dialogs: bool) -> int:
    """Each tab as the officer sees it maximised on each screen, each showing a request of the demo."""
    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.services import RequestFilter
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(db, create=False)
    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    services = session.services
    out.mkdir(parents=True, exist_ok=True)

    def first(*states: str, documents: bool = False) -> int | None:
        for row in services.request_page(RequestFilter(states=states), 0, 50):
            # for the checklist, a request with its documents from a registered LSP (not the unknown sender)
            if not documents or (services.document_views(row.id) and row.lsp):
                return row.id
        return None

    waiting = first("waiting_lsp")
    to_check = first("received", documents=True) or first("received")
    to_approve = first("verified")
    approved = to_pack = first("approved")

    for width, height in SCREENS:
        window = MainWindow(session)
        window.setGeometry(0, 0, width, height - TASKBAR_AND_TITLE)
        window.show()

        def settle(seconds: float = 0.5, window=window) -> None:
            end = time.perf_counter() + seconds
            while time.perf_counter() < end or window.intake.busy or window.verification_tab.busy \
                    or window.approval_tab.busy or window.stock_tab.busy:
                app.processEvents()
                time.sleep(0.01)

        settle()
        window.requests_tab.set_detail_share(None)
        for slug, tab in zip(TABS, (window.today_tab, window.requests_tab, window.verification_tab,
                                    window.approval_tab, window.stock_tab, window.shipping_tab), strict=True):
            window.tabs.setCurrentWidget(tab)
            settle(0.3)
            if slug == "permohonan-masuk" and waiting:
                window.requests_tab.select_request(waiting)
            elif slug == "verifikasi" and to_check:
                window.show_verification(to_check)
            elif slug == "persetujuan-cetak" and (approved or to_approve):
                tab.show_request(approved or to_approve)  # an approved one: its sheet renders with its signatory
                tab.choose_form("approval")
            elif slug == "stok-blanko":
                tab.where_edit.setText("KB 0000123")
                tab.find_serial("KB 0000123")
                settle()
                tab.serial_filter.clear()  # the answer stays; the ledger shows every line again
                tab.apply_filters()
            elif slug == "pengiriman":
                tab.wait()
                settle(0.2)
                if to_pack is None or not tab.select(to_pack):
                    tab.table.selectRow(0)
            if hasattr(tab, "wait"):
                tab.wait()
            settle()
            target = out / f"{slug}-{width}.png"
            window.grab().save(str(target))
            print(target)
        window.close()

    if dialogs:
        from blanko_desktop.ui.dialogs.lsp_registry import LspRegistryDialog
        from blanko_desktop.ui.dialogs.settings import SettingsDialog

        window = MainWindow(session)
        window.setGeometry(0, 0, 1366, 768 - TASKBAR_AND_TITLE)
        window.show()
        settings = SettingsDialog(session, window)
        settings.show()
        for page, name in ((settings.holidays_page, "pengaturan.png"),
                           (settings.stock_page, "pengaturan-stok-pengiriman.png")):
            settings.pages.setCurrentWidget(page)
            app.processEvents()
            time.sleep(0.5)
            app.processEvents()
            settings.grab().save(str(out / name))
        registry = LspRegistryDialog(session, window)
        registry.show()
        app.processEvents()
        time.sleep(0.5)
        app.processEvents()
        registry.grab().save(str(out / "lsp.png"))
        window.close()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
