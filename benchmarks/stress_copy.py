"""`blanko copy` killed (-9) at a random moment, file → server and server → file: the target is absent (a file) or
still empty (a server database), or whole and passing `check` — never half. Prints figures; run it, do not
assert on it.

`python benchmarks/stress_copy.py [--rounds 10] [--requests 200]`: a demo database is filled once and copied to
a throw-away PostgreSQL server (tests/pgserver.py, or BLANKO_TEST_POSTGRES); each round starts a copy as its own
process, kills it after a random delay within the copy's usual duration, then looks at what is left.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def blanko(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", *args], env=env, capture_output=True,
                          text=True, check=False)
    if check and proc.returncode != 0:
        raise SystemExit(f"blanko {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


def timed(env: dict[str, str], *args: str) -> float:
    t0 = time.perf_counter()
    blanko(env, *args)
    return time.perf_counter() - t0


def server_rows(address: str) -> int:
    import psycopg

    with psycopg.connect(address) as conn:
        if conn.execute("SELECT to_regclass('request') IS NULL").fetchone()[0]:
            return 0  # killed before its schema was made: an empty database still
        return conn.execute("SELECT (SELECT COUNT(*) FROM request) + (SELECT COUNT(*) FROM audit_event) "
                            "+ (SELECT COUNT(*) FROM stored_file)").fetchone()[0]


def main() -> None:
    from tests.pgserver import Cluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(13)
    cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, BLANKO_DATA_DIR=str(Path(tmp) / "data"),
                       BLANKO_CONFIG_DIR=str(Path(tmp) / "config"), PYTHONPATH=str(ROOT))
            source = Path(tmp) / "demo.sqlite"
            blanko(env, "demo", "--requests", str(args.requests), "--db", str(source), "--officer", "Stress")
            server_source = cluster.new_database()
            blanko(env, "copy", "--from", str(source), "--to", server_source)
            # the usual duration of each direction, so that kills land before, during and after the copy's work
            usual = {"file → server": timed(env, "copy", "--from", str(source), "--to", cluster.new_database()),
                     "server → file": timed(env, "copy", "--from", server_source, "--to", f"{tmp}/probe.sqlite")}
            print("usual duration: " + ", ".join(f"{k} {v:.1f} s" for k, v in usual.items()))
            outcome: dict[str, dict[str, int]] = {k: {"absent": 0, "whole": 0, "half": 0} for k in usual}
            for n in range(args.rounds):
                for label, seconds in usual.items():
                    folder = Path(tmp) / f"round-{n}-{label[0]}"
                    folder.mkdir()
                    target = cluster.new_database() if label == "file → server" else str(folder / "blanko.sqlite")
                    frm = str(source) if label == "file → server" else server_source
                    proc = subprocess.Popen([sys.executable, "-m", "blanko_desktop.cli", "copy", "--from", frm,
                                             "--to", target], env=env, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
                    time.sleep(rng.uniform(0.3, seconds * 1.6))
                    proc.send_signal(signal.SIGKILL)
                    proc.wait()
                    if label == "file → server":
                        time.sleep(0.5)  # the server notices the lost client and rolls its transaction back
                        present = server_rows(target) > 0
                    else:
                        present = Path(target).exists()
                    if not present:
                        state = "absent"
                    else:
                        report = json.loads(blanko(env, "check", "--json", "--db", target, check=False).stdout)
                        state = "whole" if report.get("ok") else "half"
                        if state == "half":
                            print(f"  round {n + 1} {label}: {report['problems'][:3]}")
                    outcome[label][state] += 1
                    leftovers = [p.name for p in folder.iterdir()] if label == "server → file" else []
                    print(f"round {n + 1:>2} {label}: {state:<6} (exit {proc.returncode})"
                          + (f", left in the folder: {', '.join(sorted(leftovers))}" if leftovers and state ==
                             "absent" else ""))
            for label, counts in outcome.items():
                print(f"{label}: {args.rounds} kills → absent/empty {counts['absent']}, whole and checked "
                      f"{counts['whole']}, half {counts['half']}")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
