"""How long schema step 13 (the stock ledger's serials and sheet counts made 64-bit) takes on a PostgreSQL server,
and what it does to the stock tables' size and the officer's stock queries there.

`python benchmarks/bench_m0013.py [--requests 20000 100000]`: per size, a server database (tests/pgserver.py, or
BLANKO_TEST_POSTGRES) is taken to schema 12 and its ledger filled as benchmarks/bench_stock.py fills it (10
million serials issued over the requests: receipts, one issue line per request, spoils); then the app opens it
(which runs step 13, one ALTER TABLE per table, rewriting each with its indexes). Printed: the step's seconds,
the stock tables' size before -> after, and the median ms of balance, where(serial), the issue suggestion
and the ledger's replay, with the 32-bit columns (the same database, step 13 skipped) -> migrated.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_stock import fill, timed  # noqa: E402

SERIALS = 10_000_000
TABLES = ("stock_movement", "stock_range", "stock_count")


def size_mb(conn) -> float:
    return sum(conn.execute("SELECT pg_total_relation_size(%s)", (t,)).fetchone()[0] for t in TABLES) / 2**20


def at_version_12(url: str) -> None:
    import psycopg

    from blanko_desktop.core import migrations

    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE blanko_schema (version INTEGER NOT NULL)")
        conn.execute("CREATE TABLE blanko_officer_role (role VARCHAR(255) NOT NULL PRIMARY KEY)")
        for step in migrations.STEPS[:12]:
            migrations.apply(conn.execute, step, "postgresql")
        conn.execute("INSERT INTO blanko_schema (version) VALUES (12)")


class _Filler:
    """Just enough of a storage for bench_stock.fill: its SQL (SQLite's dialect) sent to the server."""

    def __init__(self, url: str):
        import psycopg

        from blanko_desktop.core.server import translate

        self.conn = psycopg.connect(url, autocommit=True)
        self.translate = translate
        self.db = self

    def atomic(self):
        return self.conn.transaction()

    def execute_sql(self, sql, params=None):
        return self.conn.execute(self.translate(sql), params)


def queries(storage) -> dict[str, tuple[float, float]]:
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger

    ledger = StockLedger(Services(storage, Actor.current("bench")))
    rng = random.Random(1)
    return {
        "balance now": timed(ledger.balance),
        "where(serial)": timed(lambda: ledger.where(f"KB {rng.randint(1, SERIALS):07d}")),
        "issue suggestion (500)": timed(lambda: ledger.suggest(500)),
        "ledger replay (check)": timed(ledger.verify, repeat=3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, nargs="+", default=[20_000, 100_000])
    args = parser.parse_args()

    from blanko_desktop.core.models import StockMovement
    from blanko_desktop.core.server import ServerStorage
    from tests.pgserver import Cluster

    cluster = Cluster()
    try:
        for requests in args.requests:
            figures = {}
            for wide in (False, True):
                url = cluster.new_database()
                at_version_12(url)
                filler = _Filler(url)
                fill(filler, SERIALS, requests)
                filler.conn.execute("ANALYZE")
                before = size_mb(filler.conn)
                if not wide:  # the 32-bit columns as they were: the step marked done without running
                    filler.conn.execute("UPDATE blanko_schema SET version = 13")
                start = time.perf_counter()
                storage = ServerStorage.open(url)  # runs step 13 (when wide)
                seconds = time.perf_counter() - start
                after = size_mb(filler.conn)
                filler.conn.close()
                try:
                    lines = StockMovement.select().count()
                    figures[wide] = queries(storage)
                finally:
                    storage.close()
                cluster.drop(url)
                if wide:
                    print(f"{requests:,} requests, {lines:,} ledger lines: step 13 took {seconds:.2f} s "
                          f"(the open included); stock tables {before:.1f} -> {after:.1f} MB")
            for name in figures[True]:
                (m32, w32), (m64, w64) = figures[False][name], figures[True][name]
                print(f"  {name:<24} 32-bit {m32:7.2f} ms (worst {w32:.2f}) -> 64-bit {m64:7.2f} ms "
                      f"(worst {w64:.2f})")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
