"""How long `blanko` commands take as processes, and intake against a bare read of the same files.

`python benchmarks/bench_cli.py [--runs N] [--server]` prints seconds (best of N runs) and ratios measured in
this run:
- `blanko --version`, `list`, `show` on a small database (target: list and show under 0.5 s);
- `blanko intake` of a 4-file request with a 2,000-row list, against a script that only reads those files
  with calamine and pypdf (target: within 2x), as wall time and as CPU time of the process (user + system):
  on a machine shared with other work the wall time also measures the others, the CPU time much less so;
- with --server, `blanko intake` into a PostgreSQL database as well (tests/pgserver.py: BLANKO_TEST_POSTGRES
  or a throw-away cluster).

The bare read does the parsing intake cannot do without, with the same libraries: every page's text of each
PDF (intake reads a decision's names from all its pages, up to 60) and every sheet's cells of the list. What
intake does on top is its own: checking each row and NIK, reading the letter, storing the files and the rows,
auditing, and printing the checklist.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blanko_desktop.core.demo.documents import participants, request_documents  # noqa: E402

BARE = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
from pypdf import PdfReader
for name in sys.argv[1:]:
    path = Path(name)
    if path.suffix == ".xlsx":
        book = CalamineWorkbook.from_path(str(path))
        rows = sum(len(book.get_sheet_by_name(s).to_python()) for s in book.sheet_names)
    else:
        text = "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
"""


def timed_both(argv, env: dict[str, str], runs: int = 3, setup=None) -> tuple[float, float]:
    """The best wall time and the best CPU time (user + system) of the process over `runs` runs.

    `argv` is the command, or a function giving it after `setup` ran (a database made for each run)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(runs):
        if setup is not None:
            setup()
        command = argv() if callable(argv) else argv
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"{command} failed ({proc.returncode}): {proc.stderr}")
        best = min(best, elapsed)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, best_cpu


def timed(argv: list[str], env: dict[str, str], runs: int = 3, setup=None) -> float:
    return timed_both(argv, env, runs, setup)[0]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5, help="runs of each command; the best is printed")
    options.add_argument("--server", action="store_true", help="time intake into a PostgreSQL database too")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, BLANKO_DATA_DIR=str(tmp / "data"), BLANKO_CONFIG_DIR=str(tmp / "config"),
                   PYTHONPATH=str(ROOT))
        # An installed app has its bytecode compiled; without this every run would compile our modules again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        blanko = [sys.executable, "-m", "blanko_desktop.cli"]
        db = tmp / "small.sqlite"
        subprocess.run(blanko + ["demo", "--requests", "40", "--db", str(db)], env=env, check=True,
                       capture_output=True)
        python = timed([sys.executable, "-c", "pass"], env)
        version = timed(blanko + ["--version"], env)
        listing = timed(blanko + ["list", "--db", str(db)], env)
        show = timed(blanko + ["show", "1", "--db", str(db)], env)
        print(f"python -c pass      {python:6.3f} s")
        print(f"blanko --version    {version:6.3f} s")
        print(f"blanko list (40)    {listing:6.3f} s   (target < 0.5 s)")
        print(f"blanko show 1       {show:6.3f} s   (target < 0.5 s)")

        docs = request_documents("LSP Kelistrikan Tenaga Raya", "Surabaya",
                                 participants(2000, random.Random(2000)), date(2026, 11, 16))
        files = []
        for name, data in docs.files.items():
            (tmp / name).write_bytes(data)
            files.append(str(tmp / name))
        bare, bare_cpu = timed_both([sys.executable, "-c", BARE, *files], env, args.runs)
        intake_db = tmp / "intake.sqlite"

        def fresh():
            # the documents' folder too (intake-dokumen): kept from the run before, it spared the next runs
            # writing and syncing the files, which a real first intake does
            for leftover in [*tmp.glob("intake.sqlite*"), *tmp.glob("intake-dokumen")]:
                if leftover.is_dir():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
            subprocess.run(blanko + ["init", "--db", str(intake_db)], env=env, check=True, capture_output=True)

        intake, intake_cpu = timed_both(blanko + ["intake", *files, "--db", str(intake_db)], env, args.runs,
                                        setup=fresh)
        print(f"bare read (4 files) {bare:6.3f} s   CPU {bare_cpu:6.3f} s")
        print(f"blanko intake       {intake:6.3f} s   CPU {intake_cpu:6.3f} s   ratio {intake / bare:4.2f}x "
              f"(CPU {intake_cpu / bare_cpu:4.2f}x) (target <= 2x)")
        if args.server:
            server_intake(blanko, env, files, args.runs)


def server_intake(blanko: list[str], env: dict[str, str], files: list[str], runs: int) -> None:
    """`blanko intake` of the same files into a fresh PostgreSQL database each run."""
    from tests.pgserver import Cluster

    cluster = Cluster()
    made: list[str] = []
    try:
        def fresh():
            made.append(cluster.new_database())
            subprocess.run(blanko + ["init", "--db", made[-1]], env=env, check=True, capture_output=True)

        wall, cpu = timed_both(lambda: blanko + ["intake", *files, "--db", made[-1]], env, runs, setup=fresh)
        print(f"blanko intake (PostgreSQL server) {wall:6.3f} s   CPU of the client {cpu:6.3f} s")
    finally:
        for url in made:
            try:
                cluster.drop(url)
            except Exception:  # noqa: BLE001 - a benchmark's clean-up; the cluster goes away below anyway
                pass
        cluster.stop()


if __name__ == "__main__":
    main()
