"""Stock register at 10 million serials issued over 20,000 requests: balance, where(serial), issue suggestion,
the ledger's replay for `blanko check`, and the Stok Blanko tab's first load.

Run: python benchmarks/bench_stock.py [--serials N] [--requests N] [--db PATH] [--no-ui]
The ledger is bulk-inserted (receipts, one issue line per request, some spoils and reversals) with the
current ranges it implies; each figure is the median (and worst) in ms of what the officer waits for.
The tab is opened offscreen the way the window opens it: the time until its figures and the ledger's first
page are shown, and the longest the GUI thread went without handling events meanwhile (a stall).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 20
T0 = datetime(2024, 1, 1, 1, 0, tzinfo=timezone.utc)


def timed(fn, repeat: int = 30) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def fill(storage, serials: int, requests: int) -> None:
    """Receipts of 100,000 sheets; every request issued its share from the lowest serials; one sheet in 500
    spoiled; one issue in 200 reversed and issued again further on."""
    db = storage.db
    rng = random.Random(7)
    at = iso(T0)
    with db.atomic():
        db.execute_sql("INSERT INTO lsp (version, updated_at, updated_by, name, licence_no, address, city, "
                       "postal_code, phone, contact_person, active, created_at) VALUES " + ",".join(
                           f"(1, '{at}', 'b', 'LSP Bench {i}', '', 'Jl', 'Kota', '', '', '', 1, '{at}')"
                           for i in range(1, 201)))
        db.execute_sql("INSERT INTO request (version, updated_at, updated_by, lsp_id, kind, state, letter_number, "
                       "sender, subject, received_at, clock_running, approved_qty, cancel_reason, note, created_at) "
                       "VALUES " + ",".join(
                           f"(1, '{at}', 'b', {1 + i % 200}, 'new', 'packed', '', '', '', '{at}', 0, 0, '', '', '{at}')"
                           for i in range(requests)))
        lines, ranges = [], []
        step = 100_000
        for first in range(1, serials + 1, step):
            last = min(serials, first + step - 1)
            lines.append(("receive", first, last, None, None, "", "available", iso(T0), "SJ"))
        share = int(serials * 0.95) // requests
        pos, moment = 1, T0
        for req in range(1, requests + 1):
            moment += timedelta(minutes=50)
            if rng.random() < 0.01:  # a spoiled sheet before this bundle
                lines.append(("spoil", pos, pos, None, None, "available", "spoiled", iso(moment), ""))
                ranges.append((pos, pos, "spoiled", None, None))
                pos += 1
            lsp = 1 + (req - 1) % 200
            lines.append(("issue", pos, pos + share - 1, req, lsp, "available", "issued", iso(moment), ""))
            ranges.append((pos, pos + share - 1, "issued", req, lsp))
            pos += share
        ranges.append((pos, serials, "available", None, None))
        for chunk in range(0, len(lines), 5000):
            part = lines[chunk:chunk + 5000]
            db.execute_sql(
                "INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, request_id, lsp_id, "
                "from_place, to_place, at, by, note, doc_number) VALUES "
                + ",".join(["(?, 'KB', ?, ?, ?, ?, ?, ?, ?, ?, 'b', '', ?)"] * len(part)),
                [v for k, f, last, r, lsp, fp, tp, a, doc in part
                 for v in (k, f, last, last - f + 1, r, lsp, fp, tp, a, doc)])
        for chunk in range(0, len(ranges), 5000):
            part = ranges[chunk:chunk + 5000]
            db.execute_sql("INSERT INTO stock_range (prefix, first_no, last_no, place, request_id, lsp_id) VALUES "
                           + ",".join(["('KB', ?, ?, ?, ?, ?)"] * len(part)), [v for row in part for v in row])
    db.execute_sql("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serials", type=int, default=10_000_000)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    parser.add_argument("--no-ui", action="store_true", help="skip the tab's first load (no Qt)")
    args = parser.parse_args()

    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.models import Request, StockMovement, StockRange
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.core.workflow import State

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "stock.sqlite"
        fresh = not db.exists()
        storage = Storage.open(db)
        if fresh:
            start = time.perf_counter()
            fill(storage, args.serials, args.requests)
            print(f"filled {args.serials:,} serials, {args.requests:,} requests in {time.perf_counter() - start:.1f} s")
        services = Services(storage, Actor.current("bench"))
        ledger = StockLedger(services)
        print(f"ledger lines: {StockMovement.select().count():,}; current ranges: {StockRange.select().count():,}")
        rng = random.Random(1)
        figures = {
            "balance now": timed(ledger.balance),
            "where(serial)": timed(lambda: ledger.where(f"KB {rng.randint(1, args.serials):07d}")),
            "issue suggestion (500)": timed(lambda: ledger.suggest(500)),
            "available ranges": timed(ledger.available_ranges),
            "ranges of a request": timed(lambda: ledger.request_ranges(rng.randint(1, args.requests))),
            "ledger first page": timed(lambda: ledger.ledger(page_size=50)),
            "ledger of one serial": timed(lambda: ledger.ledger(serial=rng.randint(1, args.serials))),
            "low-stock warning": timed(ledger.low_stock, repeat=5),
            "balance at a past date": timed(lambda: ledger.balance(T0 + timedelta(days=300)), repeat=5),
        }
        # one real issue (write, audit) to a fresh approved request, repeated
        def issue_one():
            req = Request.create(lsp=1, kind="new", state=State.APPROVED.value, received_at=T0, approved_qty=40)
            ledger.issue(req.id)
        figures["issue (write + audit)"] = timed(issue_one, repeat=10)
        figures["issued per LSP + month"] = timed(lambda: (ledger.issued_per_lsp(), ledger.issued_per_month()),
                                                  repeat=5)
        figures["ledger replay (check)"] = timed(ledger.verify, repeat=3)
        # a new serial format is weighed against every serial on record, inside the write lock
        from blanko_desktop.core import shared_settings
        figures["serials on record (format)"] = timed(shared_settings.serials_on_record, repeat=10)
        figures["serial format change (write)"] = timed(
            lambda: shared_settings.change(services, "stock_serial_format",
                                           f"KB:{9 if ledger.serial_format().digits == 8 else 8}"), repeat=10)
        for name, (median, worst) in figures.items():
            flag = "" if name not in ("balance now", "where(serial)", "issue suggestion (500)") else (
                " ok" if median < TARGET_MS else f" OVER {TARGET_MS} ms")
            print(f"{name:28s} median {median:7.2f} ms   worst {worst:7.2f} ms{flag}")
        storage.close()
        if not args.no_ui:
            # the same tab on an empty register: what the first layout and paint cost by themselves
            empty = Path(tmp) / "empty.sqlite"
            Storage.open(empty).close()
            tab_first_load(empty, "tab, empty register")
            tab_first_load(db, "tab, this register")


def tab_first_load(db: Path, name: str, rounds: int = 5) -> None:
    """Open the Stok Blanko tab on `db` as the window does, `rounds` times (a fresh tab each time)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.session import Session
    from blanko_desktop.ui.tabs.stock import StockTab

    app = QApplication.instance() or QApplication([])
    i18n.install(app, "id")
    storage = Storage.open(db, create=False)
    session = Session(LocalConfig(database=str(storage.path), officer="bench"), storage)
    shown, stalls, lines = [], [], 0
    for _ in range(rounds):
        tab = StockTab(session)
        tab.resize(1366, 700)
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat():
            now = time.perf_counter()
            gaps[0] = max(gaps[0], now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(beat)
        timer.start()
        start = time.perf_counter()
        last[0] = start
        tab.show()  # showEvent starts the loads
        while tab.current is None or tab.model.total is None:
            app.processEvents()
            time.sleep(0.001)
        shown.append((time.perf_counter() - start) * 1000)
        timer.stop()
        stalls.append(gaps[0] * 1000)
        lines = tab.model.total
        tab.close()
        tab.deleteLater()
        app.processEvents()
    print(f"{name + ': shown':28s} median {statistics.median(shown):7.2f} ms   worst {max(shown):7.2f} ms"
          f"   ({lines:,} ledger lines)")
    print(f"{'  longest GUI-thread stall':28s} median {statistics.median(stalls):7.2f} ms   worst {max(stalls):7.2f} ms")
    storage.close()


if __name__ == "__main__":
    main()
