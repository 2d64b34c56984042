"""What storing a document costs the writer: N documents put inside one write transaction (as `blanko demo`
stores its 371), and N put one by one outside any transaction (as intake stores before its short commit).

`python benchmarks/bench_store.py [--documents 400] [--size 20000] [--runs 3] [--work 0]` prints, per run, the
milliseconds per document the writer spends in `put` and in the commit (which waits for the files' fsyncs),
and per document put outside a transaction, then the medians. `--work MS` spends that much CPU between two
puts inside the transaction (the demo spends ~10 ms per document building and recording it): the files'
writes and fsyncs hide behind it. Prints figures; the tests assert the guarantees, not the speed.

Measured on the shared 2-core machine (ext4), 29 Nov 2026, before (37782c5: each put synchronous) and after
(s1: puts inside a transaction flushed by a pool of 4 threads before the commit), back to back at load ~3.5:
  371 documents, nothing between:        2.11 ms -> 0.54 ms per document in one transaction
  200 documents, 10 ms CPU between them:  3.11 ms -> 0.64 ms per document (what remains: the GIL handed
                                          back and forth with the pool's threads on a loaded machine)
  outside a transaction: unchanged (synchronous), 1-3 ms per document with the load.
`blanko demo` (bench_demo.py, median of 3): 6.48/6.52 s -> 4.56/4.53 s as a process at load ~3.4; its 371
puts took 1.3-1.9 s of the writer's time before, 0.14-0.18 s after (timed in-process).
Later the same day, at load ~0.8 the pool's threads writing *while* the writer computed cost the writer more
than they saved (each system call of theirs took the GIL from it): the demo ran 0.1-0.2 s slower than with
synchronous puts. Now a transaction keeps its files in memory and the pool writes them side by side while the
writer waits at the commit: 0.49 ms per document in one transaction (0.47 ms with 10 ms of CPU between puts),
0.68 ms outside; the demo 0.15-0.2 s faster than synchronous puts (alternating runs, /usr/bin/time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def busy(ms: float) -> None:
    """CPU work holding the GIL, as building a PDF or recording rows does."""
    end = time.thread_time() + ms / 1000
    x = 0
    while time.thread_time() < end:
        x += 1


def one_run(folder: Path, documents: int, size: int, work: float) -> tuple[float, float]:
    from blanko_desktop.core.storage import Storage

    storage = Storage.open(folder / "bench.sqlite")
    try:
        blobs = [os.urandom(size) for _ in range(documents * 2)]
        waited, ended = [0.0], [0.0]

        def fill() -> None:
            for data in blobs[:documents]:
                t = time.perf_counter()
                storage.files.put(data)
                waited[0] += time.perf_counter() - t
                if work:
                    busy(work)
            ended[0] = time.perf_counter()

        storage.write(fill)
        # the writer's time in put and in the commit (which waits for the files): what the documents cost it,
        # whatever the CPU work between them takes on a loaded machine
        inside = waited[0] + time.perf_counter() - ended[0]
        t0 = time.perf_counter()
        for data in blobs[documents:]:
            storage.files.put(data)
        outside = time.perf_counter() - t0
        assert storage.check().ok
    finally:
        storage.close()
    return inside * 1000 / documents, outside * 1000 / documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--size", type=int, default=20000, help="bytes per document")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=float, default=0.0, help="CPU milliseconds between two puts")
    args = parser.parse_args()
    inside, outside = [], []
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = one_run(Path(tmp), args.documents, args.size, args.work)
        inside.append(a)
        outside.append(b)
        print(f"run {run + 1}: in one transaction {a:6.3f} ms/document   outside a transaction {b:6.3f} ms/document")
    extra = f", {args.work:g} ms CPU between puts not counted" if args.work else ""
    print(f"{args.documents} documents of {args.size:,} bytes{extra}: median {statistics.median(inside):.3f} ms per "
          f"document in one transaction, {statistics.median(outside):.3f} ms outside; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
