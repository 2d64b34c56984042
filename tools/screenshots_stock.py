"""The dialogs of Stok Blanko for docs/screenshots/, from a demo database given some months of issuing (the tab: tools/screenshots.py).

    blanko demo --db /tmp/demo.sqlite
    python tools/screenshots_stock.py --db /tmp/demo.sqlite

The demo's requests stop at verified, so this approves some of them and issues their blanks spread over
the last months (the clock set back for each), records a spoiled sheet and a month-end count with a difference still open,
then draws offscreen (QWidget.grab) the issue dialog and the count dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def lived_in(services) -> None:
    """Four months of issuing to the demo's verified requests, the way the officer records it."""
    from blanko_desktop.core import clock
    from blanko_desktop.core.approval import approve
    from blanko_desktop.core.services import RequestFilter
    from blanko_desktop.core.stock import StockLedger

    ledger = StockLedger(services)
    signatory = services.signatory_views(active_only=True)[0].id
    verified = services.request_page(RequestFilter(states=("verified",)), 0, 40)
    real_now = clock.now()
    if ledger.balance().issued:  # `blanko demo` issues blanks now: only the spoiled sheet and the count are missing
        verified = verified[:0]
    try:
        issuing = verified[:-4]  # the last ones stay waiting for approval
        for n, row in enumerate(issuing):  # from the first delivery (62 days back) to last week
            clock.set_source(lambda n=n: real_now - timedelta(days=60 - n * 52 / len(issuing), hours=3))
            approve(services, row.id, signatory)
            if n % 9 != 8:  # some approved requests still wait for their blanks
                ledger.issue(row.id)
        clock.set_source(lambda: real_now - timedelta(days=5))
        ledger.spoil(ledger.suggest(1), "uji cetak printer: kertas terlipat")
        clock.set_source(lambda: real_now - timedelta(days=3))
        # the month-end count misses one small bundle: the difference waits for the officer's explanation
        found = [r for r in ledger.available_ranges()]
        found[-1] = type(found[-1])(found[-1].prefix, found[-1].first, found[-1].last - 10)
        ledger.count(counted_ranges=found, note="opname akhir bulan, gudang 2")
    finally:
        clock.set_source(None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database filled by `blanko demo`")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="blanko-shots-"))
    os.environ.setdefault("BLANKO_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("BLANKO_DATA_DIR", str(work / "data"))

    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session
    from blanko_desktop.ui.tabs.stock import IssueDialog
    from blanko_desktop.ui.tabs.stock.count_dialog import CountDialog

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(args.db, create=False)
    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    if not StockLedger(session.services).count_results(1):
        lived_in(session.services)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    tab = window.stock_tab
    window.tabs.setCurrentWidget(tab)

    def settle(seconds: float = 0.5) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or tab.busy:
            app.processEvents()
            time.sleep(0.01)

    settle()
    args.out.mkdir(parents=True, exist_ok=True)

    dialog = IssueDialog(session, None, window)
    dialog.show()
    settle(0.3)
    dialog.grab().save(str(args.out / "stok-keluarkan-blanko.png"))
    dialog.close()

    counts = StockLedger(session.services).count_results(1)
    if counts:
        count = CountDialog(session, counts[0].id, window)
        count.explanation.setPlainText("Sepuluh lembar terakhir terselip di rak arsip; dicari ulang "
                                       "bersama kepala subbagian.")
        count.show()
        settle(0.3)
        count.grab().save(str(args.out / "stok-opname.png"))
        count.close()
    print(f"screenshots in {args.out}")
    storage.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
