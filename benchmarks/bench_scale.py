"""Scale on both engines in one run: the requests table at 1,000,000 requests (first page and count per filter)
and the stock balance at 10,000,000 serials, on a SQLite file and on a PostgreSQL server.

Run: python benchmarks/bench_scale.py [--requests N] [--serials N] [--db postgresql://...] [--engines sqlite,postgresql]
Without --db a throw-away server is started (tests/pgserver.py). The databases are filled in bulk (executemany
on the file, COPY on the server), not row by row through peewee; the figures are medians of what the officer
waits for: the first page of the requests table (target < 50 ms) and the balance (target < 20 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGE_TARGET_MS = 50
BALANCE_TARGET_MS = 20
PAGE = 200  # the requests table's page (RequestTableModel.PAGE)


def timed(fn, repeat: int = 7) -> float:
    """Median milliseconds of `repeat` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def request_rows(count: int, lsp_ids: list[int], seed: int = 1):
    """Request rows as stored (every column but id), in the column order of `Request._meta.sorted_fields`:
    three years of arrivals in arrival order, most long closed, as bench_startup's fill."""
    from blanko_desktop.core.models import Request, utcnow
    from blanko_desktop.core.workflow import CLOCK_RUNNING, State

    rnd = random.Random(seed)
    now = utcnow()
    states = list(State)
    weights = [8, 3, 3, 2, 2, 4, 6, 60, 2]
    fields = [f for f in Request._meta.sorted_fields if f is not Request.id]
    # requests are stored as they arrive: ids (and the table's own order) follow the received time
    arrivals = sorted(now - timedelta(minutes=rnd.randint(0, 3 * 365 * 24 * 60)) for _ in range(count))
    for i, received in enumerate(arrivals):
        state = rnd.choices(states, weights)[0]
        qty = rnd.randint(5, 120)
        row = {
            "version": 1, "updated_at": now, "updated_by": "bench", "lsp": rnd.choice(lsp_ids), "kind": "new",
            "state": state.value, "letter_number": f"{rnd.randint(1, 999):03d}/LSP-{i % 97}/XI/{received.year}",
            "letter_date": None, "sender": f"admin{i % 50}@lsp{i % 40}.or.id",
            "subject": "Permohonan blanko sertifikat", "received_at": received,
            # 8 working hours, roughly (the calendar's exact due time costs more than the insert)
            "due_at": received + timedelta(hours=rnd.choice((24, 24, 26, 72))), "clock_running": state in CLOCK_RUNNING, "requested_qty": qty,
            "competent_qty": qty, "not_yet_qty": None, "approved_qty": None, "cancel_reason": "", "note": "",
            "created_at": now, "clock_started_at": received,
        }
        yield [f.db_value(row[f.name]) for f in fields]


def fill_requests(storage, count: int, lsps: int = 40) -> None:
    """`count` requests in one transaction: COPY on the server, executemany in batches on the file."""
    from bench_startup import LSP_NAMES

    from blanko_desktop.core.models import Lsp, Request, utcnow

    db = storage.db
    now = utcnow()
    with db.atomic():
        names = [(LSP_NAMES[i % len(LSP_NAMES)] + (f" {i // len(LSP_NAMES) + 1}" if i >= len(LSP_NAMES) else ""))
                 for i in range(lsps)]
        Lsp.insert_many([{"name": n, "city": "Jakarta", "updated_at": now, "created_at": now} for n in names]).execute()
        lsp_ids = [row.id for row in Lsp.select(Lsp.id)]
        fields = [f for f in Request._meta.sorted_fields if f is not Request.id]
        rows = request_rows(count, lsp_ids)
        if storage.engine == "postgresql":
            columns = ", ".join(f'"{f.column_name}"' for f in fields)
            with db.cursor().copy(f'COPY "request" ({columns}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql, _ = Request.insert({f: None for f in fields}).sql()
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10_000:
                    db.executemany(sql, batch)
                    batch = []
            if batch:
                db.executemany(sql, batch)
    # the statistics (and on the server the visibility map, which autovacuum keeps) of a table in use
    db.execute_sql("VACUUM ANALYZE request" if storage.engine == "postgresql" else "ANALYZE")


def fill_stock(storage, serials: int, requests: int) -> None:
    from bench_stock import fill

    fill(storage, serials, requests)
    if storage.engine == "postgresql":
        storage.db.execute_sql("VACUUM ANALYZE stock_range")


def table_figures(storage, services) -> list[tuple[str, int | str, float, float]]:
    """(filter, matches, first page ms, count ms) for the filters of bench_requests_table."""
    from blanko_desktop.core.services import RequestFilter
    from blanko_desktop.core.services.request_table import ORDER_DUE
    from blanko_desktop.core.workflow import OPEN_STATES, State

    lsp_id = services.lsps()[3].id
    filters = {
        "no filter": RequestFilter(),
        "state = Diterima": RequestFilter(states=(State.RECEIVED.value,)),
        "state = in process (7 states)": RequestFilter(states=tuple(s.value for s in OPEN_STATES)),
        "in process by due time (tab default)": RequestFilter(states=tuple(s.value for s in OPEN_STATES),
                                                              order=ORDER_DUE),
        "overdue only, by due time": RequestFilter(overdue=True, order=ORDER_DUE),
        "LSP": RequestFilter(lsp_id=lsp_id),
        "text 'Pariwisata' (LSP name)": RequestFilter(text="Pariwisata"),
        "text '045/LSP' (letter no.)": RequestFilter(text="045/LSP"),
        "text '123' (number: id or letter)": RequestFilter(text="123"),
        "text 'admin1@lsp1' (sender)": RequestFilter(text="admin1@lsp1"),
        "text 'LSP' (in every row)": RequestFilter(text="LSP"),
        "overdue only": RequestFilter(overdue=True),
        "LSP + state + text": RequestFilter(lsp_id=lsp_id, states=(State.CLOSED.value,), text="0"),
    }
    out = []
    for name, flt in filters.items():
        page_ms = timed(lambda: services.request_page(flt, 0, PAGE))
        count_ms = timed(lambda: services.request_count(flt), repeat=3)
        out.append((name, services.request_count(flt), page_ms, count_ms))
    return out


def stock_figures(services, serials: int) -> list[tuple[str, float]]:
    from blanko_desktop.core.stock import StockLedger

    ledger = StockLedger(services)
    rng = random.Random(1)
    return [
        ("balance now", timed(ledger.balance, repeat=30)),
        ("where(serial)", timed(lambda: ledger.where(f"KB {rng.randint(1, serials):07d}"), repeat=30)),
        ("issue suggestion (500)", timed(lambda: ledger.suggest(500), repeat=30)),
        ("ledger first page", timed(lambda: ledger.ledger(page_size=50), repeat=30)),
    ]


def run_engine(engine: str, target: str, stock_target: str, args) -> dict:
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import open_storage

    figures: dict = {}
    storage = open_storage(target)
    start = time.perf_counter()
    fill_requests(storage, args.requests)
    figures["fill_requests_s"] = time.perf_counter() - start
    services = Services(storage, Actor.current("bench"))
    figures["table"] = table_figures(storage, services)
    storage.close()

    storage = open_storage(stock_target)
    start = time.perf_counter()
    fill_stock(storage, args.serials, args.stock_requests)
    figures["fill_stock_s"] = time.perf_counter() - start
    services = Services(storage, Actor.current("bench"))
    figures["stock"] = stock_figures(services, args.serials)
    storage.close()
    print(f"[{engine}] filled {args.requests:,} requests in {figures['fill_requests_s']:.0f} s, "
          f"{args.serials:,} serials in {figures['fill_stock_s']:.0f} s", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--serials", type=int, default=10_000_000)
    parser.add_argument("--stock-requests", type=int, default=20_000)
    parser.add_argument("--db", help="a PostgreSQL server's maintenance address (postgresql://user@host:port/db); "
                                     "two databases are created on it")
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    engines = args.engines.split(",")

    results: dict[str, dict] = {}
    cluster = None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if "sqlite" in engines:
                results["sqlite"] = run_engine("sqlite", str(Path(tmp) / "requests.sqlite"),
                                               str(Path(tmp) / "stock.sqlite"), args)
            if "postgresql" in engines:
                from tests.pgserver import Cluster

                if args.db:
                    import os

                    os.environ["BLANKO_TEST_POSTGRES"] = args.db
                cluster = Cluster()
                requests_db, stock_db = cluster.new_database(), cluster.new_database()
                try:
                    results["postgresql"] = run_engine("postgresql", requests_db, stock_db, args)
                finally:
                    for url in (requests_db, stock_db):
                        cluster.drop(url)
        finally:
            if cluster is not None:
                cluster.stop()
    report(results, args)


def report(results: dict[str, dict], args) -> None:
    engines = list(results)
    print(f"\nrequests table at {args.requests:,} requests: first page of {PAGE} (target < {PAGE_TARGET_MS} ms) "
          "and the count (on a worker thread, after the page is shown), ms")
    head = f"{'filter':38} {'rows':>8}"
    for engine in engines:
        head += f" {engine + ' page':>16} {'count':>8}"
    print(head)
    worst = {e: 0.0 for e in engines}
    for i, (name, rows, _, _) in enumerate(next(iter(results.values()))["table"]):
        line = f"{name:38} {rows:>8}"
        for engine in engines:
            _, _, page_ms, count_ms = results[engine]["table"][i]
            worst[engine] = max(worst[engine], page_ms)
            line += f" {page_ms:>16.1f} {count_ms:>8.1f}"
        print(line)
    print(f"\nstock at {args.serials:,} serials over {args.stock_requests:,} requests, ms")
    print(f"{'':38} {'':>8}" + "".join(f" {engine:>16} {'':>8}" for engine in engines))
    for i, (name, _) in enumerate(next(iter(results.values()))["stock"]):
        print(f"{name:38} {'':>8}" + "".join(f" {results[e]['stock'][i][1]:>16.2f} {'':>8}" for e in engines))
    for engine in engines:
        balance = results[engine]["stock"][0][1]
        print(f"[{engine}] worst first page {worst[engine]:.1f} ms (< {PAGE_TARGET_MS}: "
              f"{'OK' if worst[engine] < PAGE_TARGET_MS else 'TOO SLOW'}); balance {balance:.2f} ms "
              f"(< {BALANCE_TARGET_MS}: {'OK' if balance < BALANCE_TARGET_MS else 'TOO SLOW'})")


if __name__ == "__main__":
    main()
