"""How long `blanko` commands take as processes, and intake against a bare read of the same files.

`python benchmarks/bench_cli.py` prints seconds (best of a few runs) and ratios measured in this run:
- `blanko --version`, `list`, `show` on a small database (target: list and show under 0.5 s);
- `blanko intake` of a 4-file request with a 2,000-row list, against a script that only reads those files
  with calamine and pypdf (target: within 2x).
"""

from __future__ import annotations

import os
import random
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


def timed(argv: list[str], env: dict[str, str], runs: int = 3, setup=None) -> float:
    best = float("inf")
    for _ in range(runs):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(f"{argv} failed ({proc.returncode}): {proc.stderr}")
        best = min(best, elapsed)
    return best


def main() -> None:
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
        bare = timed([sys.executable, "-c", BARE, *files], env)
        intake_db = tmp / "intake.sqlite"

        def fresh():
            for leftover in tmp.glob("intake.sqlite*"):
                leftover.unlink()
            subprocess.run(blanko + ["init", "--db", str(intake_db)], env=env, check=True, capture_output=True)

        intake = timed(blanko + ["intake", *files, "--db", str(intake_db)], env, setup=fresh)
        print(f"bare read (4 files) {bare:6.3f} s")
        print(f"blanko intake       {intake:6.3f} s   ratio {intake / bare:4.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
