"""How long `blanko demo` (60 requests, every state through its operation) takes as a process.

`python benchmarks/bench_demo.py [--runs 3] [--requests 60] [--statements]` prints each run's wall time of the
whole process, the time the demo reports for its own work and the process's CPU time, then the medians (target:
60 requests under 3 s) and the load average: on a shared machine the wall time follows the load, the CPU time
hardly. --statements also fills one database in this process and counts the SQL statements and stored files.

Measured on the shared 2-core machine, 29 Nov 2026, before (51eb27d) and after (h7) back to back, median of 3:
  load ~10:  26.51 s as a process (24.81 s inside, 6.78 s CPU) -> 18.88 s (17.53 s inside, 5.25 s CPU)
  load ~5:   11.10 s as a process (10.53 s inside, 6.14 s CPU) ->  9.44 s ( 8.81 s inside, 4.77 s CPU)
  --statements: 9,769 -> 8,195 SQL statements (same clock); 370 documents stored either way (two fsyncs each)
On the PostgreSQL server (tests/pgserver.py Cluster, same machine, `check` clean after): 34.3 -> 24.0 s as a
process at load ~9, 25.7 -> 21.4 s at load 6-15; 14.4 s at load 6; the client's CPU 7.5 -> 5.4-5.8 s.

The demo's own side (d1, 29 Nov 2026, before 2962faa and after alternating, 3 x 2 runs at load 0.3-0.6):
  3.07 / 3.12 / 3.14 s as a process (3.10-3.20 s CPU) -> 2.92 / 2.89 / 2.93 s (2.94-3.02 s CPU);
  --statements 8,870 and 361 documents either way. Per item: the four request documents 1.35 -> 0.49 ms, the
  LSP's e-mail 2.27 -> 1.13 ms, a courier scan 0.45 -> 0.10 ms, a scanned letter 0.33 -> 0.04 ms (PDFs written
  straight out, e-mails with compat32); cyclic collections ~0.10 -> ~0.06 s (frozen heap, every 50,000
  allocations); ~16 ms fewer imports (xml.sax.saxutils's urllib/ssl, reportlab's barcode package).

All of the day's work together (main after merging f1 forms, s1 store, q1 SQL, r1 PDF text, d1 demo side), the
target met: quiet machine (load 0.5), median of 5: 4.14 s as a process at the day's start (4.00 s inside, 4.07 s
CPU) -> 2.38 s (2.24 s inside, 2.44 s CPU); a first run with a new config folder 2.6 s; 8,547 statements.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--statements", action="store_true", help="count SQL statements and stored files too")
    args = parser.parse_args()
    if args.statements:
        count_statements(args.requests)
    walls, inner, cpus = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BLANKO_DATA_DIR=str(Path(tmp) / "data"),
                   BLANKO_CONFIG_DIR=str(Path(tmp) / "config"), PYTHONPATH=str(ROOT))
        # An installed app has its bytecode compiled; without this every run would compile our modules again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for run in range(args.runs):
            db = Path(tmp) / f"demo-{run}.sqlite"
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", "--json", "demo", "--requests",
                                   str(args.requests), "--db", str(db), "--officer", "Benchmark"],
                                  env=env, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - t0
            if proc.returncode != 0:
                raise SystemExit(f"blanko demo failed ({proc.returncode}): {proc.stderr}")
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(wall)
            inner.append(json.loads(proc.stdout)["seconds"])
            # CPU time barely moves with the load of a shared machine; wall time does
            cpus.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
            print(f"run {run + 1}: process {wall:6.2f} s   demo itself {inner[-1]:6.2f} s   CPU {cpus[-1]:6.2f} s")
    print(f"blanko demo --requests {args.requests}: median {statistics.median(walls):.2f} s as a process "
          f"({statistics.median(inner):.2f} s inside, {statistics.median(cpus):.2f} s CPU), target < 3 s; "
          f"load average {os.getloadavg()[0]:.1f}")


def count_statements(requests: int) -> None:
    """Fill one database in this process, counting what goes to SQLite and to the document store."""
    import peewee

    sys.path.insert(0, str(ROOT))
    from blanko_desktop.core import demo
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import DocumentStore, open_storage

    counts = {"sql": 0, "files": 0}
    execute_sql, put = peewee.Database.execute_sql, DocumentStore.put

    def counting_sql(self, *args, **kwargs):
        counts["sql"] += 1
        return execute_sql(self, *args, **kwargs)

    def counting_put(self, data):
        counts["files"] += 1
        return put(self, data)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(BLANKO_DATA_DIR=str(Path(tmp) / "data"), BLANKO_CONFIG_DIR=str(Path(tmp) / "config"))
        storage = open_storage(Path(tmp) / "count.sqlite", create=True)
        peewee.Database.execute_sql, DocumentStore.put = counting_sql, counting_put
        try:
            result = demo.fill(Services(storage, Actor.current("Benchmark")), requests)
        finally:
            peewee.Database.execute_sql, DocumentStore.put = execute_sql, put
            storage.close()
    print(f"{result['requests']} requests: {counts['sql']:,} SQL statements, {counts['files']} documents stored")


if __name__ == "__main__":
    main()
