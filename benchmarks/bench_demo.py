"""How long `blanko demo` (60 requests, every state through its operation) takes as a process.

`python benchmarks/bench_demo.py [--runs 3] [--requests 60]` prints each run's wall time of the whole process
the time the demo reports for its own work and the process's CPU time, then the medians (target: 60 requests
under 3 s) and the load average: on a shared machine the wall time follows the load, the CPU time hardly.
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
