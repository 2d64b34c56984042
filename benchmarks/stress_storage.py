"""Stress the database file and its store: writers x operations in both journal modes (lost writes),
and kill -9 rounds during intakes with `check` after each. Prints figures; run it, do not assert on it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WRITER = r"""
import sys
from datetime import datetime, timezone
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import Storage

path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
storage = Storage.open(path, create=False)
retries = []
storage.on_busy = retries.append
reception = Reception(Services(storage, Actor(who, who)))
for i in range(count):
    items = [(f"{who}-{i}-{k}.pdf", f"%PDF-1.4 {who} {i} {k}".encode()) for k in range(2)]
    reception.commit(reception.prepare(items), source="drop")
    print(i, flush=True)
print("retries", len(retries), flush=True)
"""

REPAIR = r"""
import sys
from pathlib import Path
from blanko_desktop.core.storage import Storage
storage = Storage.open(sys.argv[1], create=False)
stop, moved, rounds = Path(sys.argv[2]), 0, 0
while not stop.exists():
    moved += sum("dipindahkan" in line for line in storage.repair())
    rounds += 1
print(rounds, moved)
"""


def _py(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def writers(base: Path, shared: bool, count: int, ops: int) -> None:
    from blanko_desktop.core.models import Document, Request
    from blanko_desktop.core.storage import Storage

    path = base / f"w-{'shared' if shared else 'local'}.sqlite"
    Storage.open(path, shared=shared).close()
    stop = base / f"stop-{path.stem}"
    repair = _py(REPAIR, path, stop)
    started = time.perf_counter()
    procs = [_py(WRITER, path, f"w{n}", ops) for n in range(count)]
    outs = [p.communicate(timeout=1800) for p in procs]
    elapsed = time.perf_counter() - started
    stop.touch()
    rounds, moved = repair.communicate(timeout=120)[0].split()
    failed = sum(p.returncode != 0 for p in procs)
    retries = sum(int(o.strip().splitlines()[-1].split()[1]) for o, _ in outs if o.strip())
    st = Storage.open(path, create=False)
    try:
        requests, documents = Request.select().count(), Document.select().count()
        report = st.check()
    finally:
        st.close()
    lost = count * ops - requests
    print(f"{'shared/rollback' if shared else 'local/WAL':16} writers={count} x {ops} intakes: "
          f"requests={requests} documents={documents} lost={lost} failed_processes={failed} "
          f"retries={retries} repair_rounds={rounds} files_moved={moved} check_ok={report.ok} "
          f"{elapsed:.1f}s ({count * ops / elapsed:.0f} intakes/s)")


def kill_rounds(base: Path, rounds: int) -> None:
    from blanko_desktop.core.storage import Storage

    path = base / "kill.sqlite"
    Storage.open(path).close()
    for n in range(1, rounds + 1):
        proc = _py(WRITER, path, f"k{n}", 1000)
        time.sleep(1.0 + (n % 5) * 0.13)  # land the kill at varying points of the write
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        st = Storage.open(path, create=False)
        try:
            found = st.check(grace=0).problems
            kinds = sorted({p.split(":")[0].split(" (")[0] for p in found})
            repaired = st.repair(grace=0)
            after = st.check(grace=0)
        finally:
            st.close()
        print(f"kill -9 round {n:2}: check found {len(found)} ({', '.join(kinds) or 'nothing'}); "
              f"repair did {len(repaired)}; check after repair ok={after.ok}")


def main() -> None:
    base = Path(tempfile.mkdtemp(prefix="blanko-stress-"))
    writer_count = int(os.environ.get("STRESS_WRITERS", "4"))
    ops = int(os.environ.get("STRESS_OPS", "50"))
    for shared in (False, True):
        writers(base, shared, writer_count, ops)
    kill_rounds(base, int(os.environ.get("STRESS_KILLS", "10")))
    print(f"files in {base}")


if __name__ == "__main__":
    main()
