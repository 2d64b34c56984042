"""Persetujuan & Cetak at scale: the tab opening with 10,000 requests, and the click on Print to the job in the
CUPS queue (target: under 1 s). Prints figures; asserts nothing.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_print.py [--requests N] [--rounds N] [--printer PDF]
(the print part needs a CUPS queue, e.g. cups-pdf's 'PDF' as .ci/run installs it; without one it is skipped)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill(services, requests: int, verified: int, approved: int, seed: int = 5) -> None:
    """`requests` demo requests (bulk mode), then `verified` of them verified and `approved` approved with a
    printed form or two — written straight into the tables (a benchmark only: no audit for these)."""
    from blanko_desktop.core.demo.bulk import fill_bulk
    from blanko_desktop.core.models import Approval, PrintedForm, Request, Signatory, database, utcnow

    fill_bulk(services, requests, seed=seed)
    rng = random.Random(seed)
    ids = [r.id for r in Request.select(Request.id).where(Request.state.in_(["received", "waiting_lsp"]))]
    rng.shuffle(ids)
    signer = Signatory.select().where(Signatory.active == True).first()  # noqa: E712
    now = utcnow()
    sha = services.storage.files.put(b"%PDF-1.4 bench")
    with database.atomic():
        chosen_v, chosen_a = ids[:verified], ids[verified:verified + approved]
        Request.update(state="verified", competent_qty=Request.requested_qty).where(
            Request.id.in_(chosen_v)).execute()
        Request.update(state="approved", competent_qty=Request.requested_qty,
                       approved_qty=Request.requested_qty).where(Request.id.in_(chosen_a)).execute()
        qty = dict(Request.select(Request.id, Request.requested_qty).where(Request.id.in_(chosen_a)).tuples())
        Approval.insert_many([{"request": rid, "signatory": signer.id, "approved_qty": qty[rid] or 1,
                               "approved_at": now, "recorded_by": "bench"} for rid in chosen_a]).execute()
        PrintedForm.insert_many([{"request": rid, "form": form, "sha256": sha, "printer": "PDF", "printed_at": now,
                                  "printed_by": "bench"} for rid in chosen_a[::2] for form in ("approval", "receipt")
                                 ]).execute()


class StallMeter:
    """The longest gap between ticks of a 5 ms timer: how long the GUI thread was busy at a stretch."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def start(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def wait_for(predicate, app, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - start


def job_ids(printer: str) -> set[str]:
    """Every job CUPS knows of the queue, waiting or done (`lpstat -o` lists the waiting ones)."""
    ids = set()
    for which in ("not-completed", "completed"):
        listed = subprocess.run(["lpstat", "-W", which, "-o", printer], capture_output=True, text=True).stdout
        ids.update(line.split()[0] for line in listed.splitlines() if line.strip())
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--verified", type=int, default=1_500)
    parser.add_argument("--approved", type=int, default=800)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--printer", default="PDF")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="blanko-bench-print-"))
    os.environ["BLANKO_DATA_DIR"] = str(work / "data")
    os.environ["BLANKO_CONFIG_DIR"] = str(work / "config")

    from PySide6.QtWidgets import QApplication

    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n

    storage = Storage.open(work / "bench.sqlite")
    started = time.perf_counter()
    fill(Services(storage, Actor("bench", "Bench")), args.requests, args.verified, args.approved)
    print(f"database: {args.requests} requests ({args.verified} verified, {args.approved} approved) "
          f"in {time.perf_counter() - started:.1f} s")

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    from blanko_desktop.ui.session import Session
    from blanko_desktop.ui.tabs.approval import ApprovalTab

    session = Session(LocalConfig(database=str(storage.path), officer="Bench"), storage)
    meter = StallMeter()

    # -- the tab opening: queues loaded off the GUI thread
    opens, stalls = [], []
    rows = (0, 0)
    for _ in range(args.rounds):
        tab = ApprovalTab(session)
        tab.resize(1366, 700)
        loaded = []
        tab.queues_loaded.connect(lambda: loaded.append(True))
        meter.start()
        t = time.perf_counter()
        tab.show()
        wait_for(lambda: loaded, app)
        opens.append(time.perf_counter() - t)
        stalls.append(meter.stop())
        rows = (tab.waiting_model.rowCount(), tab.approved_model.rowCount())
        tab.close()
        tab.deleteLater()
        app.processEvents()
    print(f"tab opened, queues shown ({rows[0]} + {rows[1]} rows): median {statistics.median(opens) * 1000:.0f} ms, "
          f"slowest {max(opens) * 1000:.0f} ms; longest GUI stall {max(stalls) * 1000:.0f} ms")

    # -- one approved request: detail and receipt preview
    tab = ApprovalTab(session)
    tab.resize(1366, 700)
    tab.show()
    tab.wait_idle()
    rid = tab.approved_model.request_id(0)
    meter.start()
    t = time.perf_counter()
    tab.show_request(rid)
    tab.wait_idle()
    tab.choose_form("receipt")
    tab.wait_idle()
    print(f"request #{rid} shown with its receipt rendered: {(time.perf_counter() - t) * 1000:.0f} ms "
          f"(longest GUI stall {meter.stop() * 1000:.0f} ms)")

    # -- Print: from the click in the print dialog to the job in the CUPS queue
    from PySide6.QtPrintSupport import QPrinterInfo

    from blanko_desktop.core.approval import paperwork
    from blanko_desktop.ui.dialogs.print_dialog import PrintDialog

    if QPrinterInfo.printerInfo(args.printer).isNull():
        print(f"no printer '{args.printer}': click-to-queue skipped")
        return
    out_dir = Path.home() / "PDF"
    done, queued, stalls = [], [], []
    for n in range(args.rounds):
        tag = f"bench{os.getpid()}r{n}"
        shown = tab.paper
        paper = paperwork.Paper(shown.form, shown.request_id, shown.number, shown.pdf, f"{tag}.pdf")
        dialog = PrintDialog(session, paper, tab)
        dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData(args.printer))
        dialog.show()
        app.processEvents()
        before = job_ids(args.printer)
        arrived: list[float] = []
        t = time.perf_counter()

        def watch() -> None:  # polls CUPS from its own thread, so the GUI stall figure is the app's own
            while time.perf_counter() - t < 30 and not arrived:
                if job_ids(args.printer) - before:
                    arrived.append(time.perf_counter() - t)
                time.sleep(0.005)

        watcher = threading.Thread(target=watch)
        meter.start()
        t = time.perf_counter()
        dialog.print_button.click()
        watcher.start()
        done.append(wait_for(lambda: dialog.task is None, app))
        stalls.append(meter.stop())
        watcher.join()
        if not arrived:
            raise SystemExit("the job never reached the queue")
        queued.append(arrived[0])
        dialog.deleteLater()
    # cups-pdf writes its files a moment later: tidy them once they are there
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(list(out_dir.glob(f"blanko-bench{os.getpid()}r*.pdf"))) < args.rounds:
        time.sleep(0.2)
    for written in out_dir.glob(f"blanko-bench{os.getpid()}r*.pdf"):
        written.unlink()
    print(f"print click -> job in the CUPS queue (a new job id in lpstat): median "
          f"{statistics.median(queued) * 1000:.0f} ms, slowest {max(queued) * 1000:.0f} ms (target < 1000 ms)")
    print(f"print click -> printed and logged (dialog closes): median {statistics.median(done) * 1000:.0f} ms, "
          f"slowest {max(done) * 1000:.0f} ms; longest GUI stall per print (ms): "
          f"{', '.join(str(round(s * 1000)) for s in stalls)}")


if __name__ == "__main__":
    main()
