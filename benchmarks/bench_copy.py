"""How long `blanko copy` takes file → server → file, and how much memory the process needs as the database grows.

`python benchmarks/bench_copy.py [--requests 200 20000]` fills a file per size with `blanko demo` (bulk mode past
500 requests), copies it to a database on a throw-away PostgreSQL server (tests/pgserver.py, or
BLANKO_TEST_POSTGRES) and back to a new file, each as its own process, and prints per direction the rows, the
wall time, rows per second and the process's peak memory (max RSS). The copy streams: peak memory should hardly
move with the size, while the time grows with the rows.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# the process reports its own peak memory when done (RUSAGE_CHILDREN would give the largest of all children)
CHILD = ("import resource, sys\n"
         "from blanko_desktop.cli.main import main\n"
         "rc = main(sys.argv[1:])\n"
         "sys.stderr.write(f'\\nMAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}')\n"
         "sys.exit(rc)\n")


def run(env: dict[str, str], *args: str) -> tuple[dict, float, float]:
    """One `blanko` process: its JSON, wall seconds, and its peak memory in MB."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, "--json", *args], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"blanko {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    peak = int(proc.stderr.rpartition("MAXRSS ")[2]) / 1024
    return json.loads(proc.stdout), wall, peak


def main() -> None:
    from tests.pgserver import Cluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, nargs="+", default=[200, 20000])
    args = parser.parse_args()
    cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, BLANKO_DATA_DIR=str(Path(tmp) / "data"),
                       BLANKO_CONFIG_DIR=str(Path(tmp) / "config"), PYTHONPATH=str(ROOT))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            for n in args.requests:
                source = Path(tmp) / f"demo-{n}.sqlite"
                run(env, "demo", "--requests", str(n), "--db", str(source), "--officer", "Benchmark")
                server = cluster.new_database()
                back = Path(tmp) / f"kembali-{n}.sqlite"
                directions = (("file → server", str(source), server), ("server → file", server, str(back)))
                for label, frm, to in directions:
                    data, wall, peak = run(env, "copy", "--from", frm, "--to", to)
                    rows = data["total_rows"]
                    print(f"{n:>7} requests  {label}: {rows:>8} rows, {data['files']:>5} documents  "
                          f"{wall:6.2f} s  ({rows / max(data['seconds'], 1e-9):8.0f} rows/s in the copy)  "
                          f"peak {peak:6.1f} MB")
                cluster.drop(server)
            print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (shared machine: wall time "
                  "follows the load)")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
