"""Large lists and many requests: the NIK + scheme check at 5,000 requests x 20 participants, and big participant
lists through `blanko intake` and `blanko checklist` as processes (time and peak memory). Prints figures."""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.intake.intake_builders import fast_list_bytes  # noqa: E402

HEADER = ["NAMA ASESI", "NIK", "KODE SKEMA", "REKOMENDASI"]


def nik(n: int) -> str:
    """A distinct, plausible NIK per n: province 32, born on day 1-28 of January 1990, n spread over the rest."""
    return f"32{n // 280_000:04d}{(n // 10_000) % 28 + 1:02d}0190{n % 10_000:04d}"


def median_ms(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def nik_check(requests: int, per: int) -> None:
    """The later request's lookup against every other request's competent rows."""
    from blanko_desktop.core import roster
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.demo.bulk import fill_bulk
    from blanko_desktop.core.models import Document, Request, database
    from blanko_desktop.core.reception import Reception
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.core.verification import checklist

    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as tmp:
        storage = Storage.open(Path(tmp) / "nik.sqlite")
        services = Services(storage, Actor("bench", "Bench"))
        fill_bulk(services, requests)
        ids = [r.id for r in Request.select(Request.id).order_by(Request.id)]
        schemes = [f"SKM.{s:02d}.00{s:03d}" for s in range(1, 51)]
        pairs = {}
        now = "2026-11-20T01:00:00.000000+00:00"
        started = time.perf_counter()
        # one list per request, its rows as intake writes them (inserted directly: 5,000 intakes take minutes)
        with database.atomic():
            cursor = database.cursor()
            cursor.executemany(
                "INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                "received_at, added_at, added_by) VALUES (?, 'list', 'Daftar.xlsx', ?, 1, 'x', 'bench', ?, ?, 'b')",
                [(i, f"{i:064x}", now, now) for i in ids])
            docs = dict(database.execute_sql("SELECT request_id, id FROM document WHERE source = 'bench'"))
            rows = []
            for i in ids:
                for k in range(per):
                    n = i * per + k
                    scheme = rng.choice(schemes)
                    pairs[n] = scheme
                    rows.append((docs[i], i, nik(n), scheme, "K", f"Peserta {n}", "Peserta", k + 2, 1))
            cursor.executemany("INSERT INTO listed_participant (document_id, request_id, nik, scheme, verdict, "
                               "name, sheet, \"row\", current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        filled = time.perf_counter() - started
        lsp = services.lsps()[0]
        # the measured request: 20 participants, 5 of them counted before by random requests
        again = rng.sample(sorted(pairs), 5)
        listed = [[f"Ulang {n}", nik(n), pairs[n], "K"] for n in again]
        listed += [[f"Baru {k}", nik(10_000_000 + k), schemes[0], "K"] for k in range(per - len(again))]
        reception = Reception(services)
        started = time.perf_counter()
        plan = reception.prepare([("Daftar Peserta.xlsx", fast_list_bytes([HEADER, *listed]))])
        request = reception.commit(plan, lsp_id=lsp.id).request
        intake_ms = (time.perf_counter() - started) * 1000
        doc = Document.get((Document.request == request.id) & (Document.kind == "list"))
        found = roster.counted_elsewhere(request.id, doc)
        counts = {r.id: r.state != "cancelled" and r.kind != "replacement" for r in Request.select().where(
            Request.id.in_([n // per for n in again]))}
        expected = sum(1 for n in again if counts[n // per])
        lookup = median_ms(lambda: roster.counted_elsewhere(request.id, doc), 50)
        build = median_ms(lambda: checklist.build(services, request.id), 20)
        plan_rows = [r[3] for r in database.execute_sql("EXPLAIN QUERY PLAN " + roster._COUNTED_ELSEWHERE,
                                                        (doc.id, request.id, request.id))]
        total = database.execute_sql("SELECT COUNT(*) FROM listed_participant").fetchone()[0]
        storage.close()
    print(f"NIK + scheme check: {requests:,} requests x {per} participants ({total:,} rows, filled in "
          f"{filled:.1f} s)")
    print(f"  findings on the new request: {len(found)} (expected {expected}: 5 re-counted, "
          f"{5 - expected} of them in cancelled or replacement requests)")
    print(f"  intake of the 20-row list {intake_ms:.0f} ms; lookup median {lookup:.2f} ms; "
          f"whole checklist median {build:.1f} ms")
    for row in plan_rows:
        print(f"  plan: {row}")


def measured(args: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    """Run the CLI as a process under /usr/bin/time: (seconds, peak MB, exit status, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name, sys.executable, "-m",
                               "blanko_desktop.cli", *args], env=env, capture_output=True, text=True)
        seconds, kb = out.read().split()[-2:]
    return float(seconds), int(kb) // 1024, proc.returncode, proc.stdout


def big_lists(sizes: list[int]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "lists.sqlite"
        subprocess.run([sys.executable, "-m", "blanko_desktop.cli", "init", "--db", str(db)], env=env, check=True,
                       capture_output=True)
        first = 1
        for size in sizes:
            path = folder / f"daftar-{size}.xlsx"
            # NIKs of their own per list: no list counts another's participants
            rows = ([f"Peserta {n}", nik(n), "SKM.41.00012", "K"] for n in range(first, first + size))
            first += size
            path.write_bytes(fast_list_bytes([HEADER, *rows]))
            seconds, peak, rc, out = measured(["intake", str(path), "--new", "--json", "--db", str(db)], env)
            request = json.loads(out)["request"] if rc == 0 else None
            print(f"{size:>9,}-row list ({path.stat().st_size / 1e6:.1f} MB): intake {seconds:5.1f} s, "
                  f"peak {peak} MB, exit {rc}")
            if request is None:
                continue
            for attempt in ("first", "again"):
                seconds, peak, rc, out = measured(["checklist", str(request), "--json", "--db", str(db)], env)
                data = json.loads(out) if out.strip() else {}
                findings = len(data.get("findings", []))
                print(f"{'':>10} checklist ({attempt}) {seconds:5.1f} s, peak {peak} MB, {findings} findings, "
                      f"competent {data.get('competent')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--lists", default="20000,99000,1000000", help="list sizes, comma-separated")
    args = parser.parse_args()
    nik_check(args.requests, args.participants)
    big_lists([int(s) for s in args.lists.split(",") if s])


if __name__ == "__main__":
    main()
