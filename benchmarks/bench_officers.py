"""Many officers at once on one database: each a process of its own doing a day's work, then every acknowledged
write checked in the database, no serial issued twice, `check` clean, and p50/p95/p99 per operation.

Run: python benchmarks/bench_officers.py [--officers 50] [--minutes 10] [--db postgresql://...|FILE|sqlite]
     [--requests-per-officer 4] [--quick]
Without --db a throw-away PostgreSQL server is started (tests/pgserver.py); `--db sqlite` uses a shared file in a
temporary folder. `--quick`: one minute, one request per officer, 10 officers.

A day's work per officer, spread evenly over the minutes given (think time between steps is not measured):
for each of its requests, the LSP's e-mail taken in (Reception + intake_routing, generated documents), the
requests table's first page and the checklist read, verified, approved, blanks issued (StockLedger.issue), the
receipt rendered and logged as printed, packed, handed to the courier, tracking number and delivery recorded.
Each worker reports what the database acknowledged; the parent then looks for all of it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

P95_TARGET_MS = 200
STOCK_SERIALS = 2_000_000
COURIER = "Agus Salim (JNE)"


# -- the parent: set up, spawn, verify, report ---------------------------------------------------------------

def setup(target: str) -> None:
    """The registry (LSPs with their senders, signatories) and the blanks in stock."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.demo.registry import setup_registry
    from blanko_desktop.core.models import utcnow
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import open_storage

    storage = open_storage(target)
    services = Services(storage, Actor.current("Kepala Gudang"))
    setup_registry(services, utcnow())
    ledger = StockLedger(services)
    prefix = ledger.serial_format().prefix
    # past the demo registry's own few thousand sheets
    ledger.receive(f"{prefix} {1_000_001:07d} - {prefix} {1_000_000 + STOCK_SERIALS:07d}", "PERURI/BNSP/2026/0777",
                   utcnow().date())
    storage.close()


def spawn(args, target: str, out: Path, start_at: float) -> list[subprocess.Popen]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = []
    for i in range(args.officers):
        cmd = [sys.executable, __file__, "--worker", str(i), "--db", target, "--out", str(out),
               "--minutes", str(args.minutes), "--requests-per-officer", str(args.requests_per_officer),
               "--start-at", repr(start_at)]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=open(out / f"w{i}.err", "w")))
    return procs


def verify(target: str, reports: list[dict]) -> dict:
    """What the workers were told was saved, looked for in the database; serials issued once; `check`."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.models import AuditEvent, Parcel, PrintedForm, Request, StockMovement, StockRange
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import open_storage

    storage = open_storage(target)
    services = Services(storage, Actor.current("bench"))
    lost: list[str] = []
    acked = defaultdict(int)
    for rep in reports:
        for req in rep["requests"]:
            rid = req["id"]
            row = Request.get_or_none(Request.id == rid)
            acked["requests"] += 1
            if row is None:
                lost.append(f"request #{rid} ({rep['officer']}) missing")
                continue
            if row.state != req["state"]:
                lost.append(f"request #{rid}: state {row.state}, acknowledged {req['state']}")
            actions = {a for (a,) in AuditEvent.select(AuditEvent.action)
                       .where((AuditEvent.entity == "request") & (AuditEvent.entity_id == str(rid))).tuples()}
            for action in req["audited"]:
                acked["audit entries"] += 1
                if action not in actions:
                    lost.append(f"request #{rid}: no audit entry {action}")
            if req.get("issued"):
                acked["ledger lines"] += 1
                issued = (StockMovement.select().where((StockMovement.kind == "issue")
                                                       & (StockMovement.request == rid)).count())
                if issued != 1:
                    lost.append(f"request #{rid}: {issued} issue lines, acknowledged 1")
            if req.get("printed"):
                acked["printed forms"] += 1
                if not PrintedForm.select().where((PrintedForm.request == rid) & (PrintedForm.form == "receipt")).exists():
                    lost.append(f"request #{rid}: printed receipt not logged")
            if req.get("parcel"):
                acked["parcels"] += 1
                if Parcel.get_or_none(Parcel.id == req["parcel"]) is None:
                    lost.append(f"request #{rid}: parcel #{req['parcel']} missing")
    found = {
        "requests": Request.select().count(),
        "ledger lines": StockMovement.select().where(StockMovement.kind == "issue").count(),
        "printed forms": PrintedForm.select().count(),
        "parcels": Parcel.select().count(),
        "audit entries": AuditEvent.select().count(),
    }
    # a serial in at most one issued range: the current ranges never overlap, nor do the issue lines
    twice = []
    last = None
    for prefix, first, last_no, place, request in (StockRange.select(StockRange.prefix, StockRange.first_no,
                                                                     StockRange.last_no, StockRange.place,
                                                                     StockRange.request)
                                                   .order_by(StockRange.prefix, StockRange.first_no).tuples()):
        if last is not None and last[0] == prefix and first <= last[1]:
            twice.append(f"{prefix} {first}-{last_no} ({place}, #{request}) overlaps up to {last[1]}")
        last = (prefix, last_no)
    lines = sorted(StockMovement.select(StockMovement.prefix, StockMovement.first_no, StockMovement.last_no,
                                        StockMovement.request).where(StockMovement.kind == "issue").tuples())
    for (p1, f1, l1, r1), (p2, f2, l2, r2) in zip(lines, lines[1:]):
        if p1 == p2 and f2 <= l1:
            twice.append(f"issue lines of #{r1} and #{r2} share serials {f2}-{min(l1, l2)}")
    stock_problems = StockLedger(services).verify()
    report = storage.check()
    storage.close()
    return {"lost": lost, "acked": dict(acked), "found": found, "twice": twice, "stock": stock_problems,
            "check": report.problems}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--requests-per-officer", type=int, default=4)
    parser.add_argument("--db", help="postgresql://... (a server database, or its maintenance database: a new one "
                                     "is made on it), a file path, or 'sqlite' for a file in a temporary folder")
    parser.add_argument("--quick", action="store_true", help="one minute, one request per officer, 10 officers "
                                                              "unless --officers says otherwise")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        return worker(args)
    if args.quick:
        args.minutes, args.requests_per_officer = 1, 1
    if args.officers is None:
        args.officers = 10 if args.quick else 50

    cluster = None
    with tempfile.TemporaryDirectory(prefix="blanko-officers-") as tmp:
        tmp_path = Path(tmp)
        try:
            if args.db and args.db != "sqlite" and not args.db.startswith(("postgresql://", "postgres://")):
                target, engine = str(Path(args.db).resolve()), "sqlite"
            elif args.db == "sqlite":
                target, engine = str(tmp_path / "shared.sqlite"), "sqlite"
            else:
                from tests.pgserver import ENV, Cluster

                if args.db:
                    os.environ[ENV] = args.db
                cluster = Cluster()
                target, engine = cluster.new_database(), "postgresql"
            run(args, target, engine, tmp_path)
        finally:
            if cluster is not None:
                cluster.stop()


def run(args, target: str, engine: str, tmp: Path) -> None:
    setup(target)
    out = tmp / "reports"
    out.mkdir()
    # every worker imports and prepares its documents first; the day starts for all at once
    start_at = time.time() + 15 + args.officers * 0.6
    print(f"{engine}: {args.officers} officers x {args.requests_per_officer} requests in {args.minutes:g} min "
          f"(starting in {start_at - time.time():.0f} s)", flush=True)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    procs = spawn(args, target, out, start_at)
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - started
    reports = []
    for i in range(args.officers):
        path = out / f"w{i}.json"
        if path.exists():
            reports.append(json.loads(path.read_text()))
    failed = [i for i, c in enumerate(codes) if c != 0]
    for i in failed[:5]:
        print(f"worker {i} exited {codes[i]}: " + (out / f"w{i}.err").read_text()[-800:])

    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    for rep in reports:
        for kind, ms in rep["ops"]:
            latencies[kind].append(ms)
        errors += rep["errors"]
    every = [ms for values in latencies.values() for ms in values]
    held: dict[str, list[float]] = defaultdict(list)
    for rep in reports:
        for kind, ms in rep["held"]:
            held[kind].append(ms)
    if held:  # not an operation: how long each write transaction kept the others waiting
        latencies["(write lock held)"] = [ms for values in held.values() for ms in values]
    print(f"\nload average before {load_before:.1f}, after {os.getloadavg()[0]:.1f} (2 cores, shared)")
    print(f"{engine}: {len(reports)}/{args.officers} officers reported; wall {wall:.0f} s; "
          f"{len(every)} operations; {len(errors)} refused or failed")
    for e in errors[:8]:
        print("  ", e)
    print(f"\n{'operation':24} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in KINDS + ("(write lock held)",):
        values = latencies.get(kind)
        if values:
            print(f"{kind:24} {len(values):>6} {percentile(values, 50):>8.1f} {percentile(values, 95):>8.1f} "
                  f"{percentile(values, 99):>8.1f} {max(values):>8.1f}")
    if held:
        print("write lock held, by operation (p95 / max ms): " + ", ".join(
            f"{kind} {percentile(values, 95):.0f} / {max(values):.0f}" for kind, values in held.items()))
    db_ops = [ms for kind, values in latencies.items() if kind not in LOCAL and kind[0] != "(" for ms in values]
    if every:
        for name, values in (("all operations", every), ("database operations", db_ops)):
            print(f"{name:24} {len(values):>6} {percentile(values, 50):>8.1f} {percentile(values, 95):>8.1f} "
                  f"{percentile(values, 99):>8.1f} {max(values):>8.1f}")
        p95 = percentile(db_ops, 95)

    found = verify(target, reports)
    print("\nacknowledged to the workers (each looked for) vs. all in the database:")
    for key in ("requests", "audit entries", "ledger lines", "printed forms", "parcels"):
        print(f"  {key:16} acknowledged {found['acked'].get(key, 0):>6}   in the database {found['found'][key]:>6}")
    print(f"lost writes: {len(found['lost'])}" + "".join(f"\n   {x}" for x in found["lost"][:10]))
    print(f"serials in more than one issued range: {len(found['twice'])}"
          + "".join(f"\n   {x}" for x in found["twice"][:10]))
    print(f"stock ledger replay: {'OK' if not found['stock'] else found['stock'][:3]}")
    print(f"check(): {'OK' if not found['check'] else found['check'][:5]}")
    if every:
        ok = not found["lost"] and not found["twice"] and not found["check"] and not found["stock"] and not failed
        print(f"\n{engine}: p95 of database operations {p95:.1f} ms (target < {P95_TARGET_MS}: "
              f"{'OK' if p95 < P95_TARGET_MS else 'OVER'}); lost writes {len(found['lost'])}, serials issued twice "
              f"{len(found['twice'])}, check {'clean' if not found['check'] else 'FAILED'}: {'OK' if ok else 'NO'}")


# -- a worker: one officer's day -----------------------------------------------------------------------------

KINDS = ("intake: read files", "intake: store", "requests table page", "checklist", "verify", "approve", "issue",
         "receipt: render", "receipt: log printed", "pack", "hand over", "tracking", "delivered")
# reading the e-mail's files and drawing the receipt happen on the officer's computer, whatever the database
LOCAL = ("intake: read files", "receipt: render")


class Officer:
    def __init__(self, index: int, target: str):
        from blanko_desktop.core.audit import Actor
        from blanko_desktop.core.services import Services
        from blanko_desktop.core.storage import open_storage

        self.index = index
        self.name = f"Petugas {index:02d}"
        self.storage = open_storage(target, create=False)
        self.services = Services(self.storage, Actor.current(self.name))
        self.ops: list[tuple[str, float]] = []
        self.errors: list[str] = []
        self.requests: list[dict] = []
        self.doing = "setup"

    def timed(self, kind: str, fn):
        self.doing = kind
        start = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:  # a refusal or failure is reported, never counted as acknowledged
            self.errors.append(f"{self.name} {kind}: {type(exc).__name__}: {str(exc)[:200]}")
            self.storage.db.rollback() if self.storage.db.in_transaction() else None
            return None
        self.ops.append((kind, (time.perf_counter() - start) * 1000))
        return result

    def mail(self, rng: random.Random, k: int) -> tuple[str, bytes]:
        """The LSP's e-mail with its four documents (made before the day starts: the LSP's work, not ours)."""
        from blanko_desktop.core.demo import documents
        from blanko_desktop.core.demo.registry import LSPS
        from blanko_desktop.core.models import utcnow

        spec = LSPS[(self.index * 7 + k) % len(LSPS)]
        while not spec.active:
            spec = LSPS[(LSPS.index(spec) + 1) % len(LSPS)]
        while True:
            people = documents.participants(rng.randint(5, 14), rng)
            if any(p.verdict == "K" for p in people):
                break
        seq = 1 + (self.index * 19 + k) % 999  # a letter number of its own per LSP
        docs = documents.request_documents(spec.name, spec.city, people, utcnow().date(), seq=seq, code=spec.code)
        return "permohonan.eml", documents.request_email(spec.emails[0], spec.name, docs, utcnow())


def hold_timer(officer: "Officer") -> list[tuple[str, float]]:
    """How long each write transaction of this officer held the one write lock (begin to commit), by the
    operation that ran it."""
    db, held, since = officer.storage.db, [], [0.0]
    begin, commit, rollback = db.begin, db.commit, db.rollback

    def timed_begin(*a, **k):
        result = begin(*a, **k)
        since[0] = time.perf_counter()
        return result

    def ended(fn):
        def end(*a, **k):
            try:
                return fn(*a, **k)
            finally:
                if since[0]:
                    held.append((officer.doing, (time.perf_counter() - since[0]) * 1000))
                    since[0] = 0.0
        return end

    db.begin, db.commit, db.rollback = timed_begin, ended(commit), ended(rollback)
    return held


def worker(args) -> None:
    from blanko_desktop.core import approval, intake_routing, shipping
    from blanko_desktop.core.forms import printlog
    from blanko_desktop.core.models import Signatory
    from blanko_desktop.core.reception import Reception
    from blanko_desktop.core.services import RequestFilter
    from blanko_desktop.core.shipping.common import office_date
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.verification import checklist
    from blanko_desktop.core.workflow import OPEN_STATES

    officer = Officer(args.worker, args.db)
    services = officer.services
    held = hold_timer(officer)
    rng = random.Random(1000 + args.worker)
    mails = [officer.mail(rng, k) for k in range(args.requests_per_officer)]
    official = Signatory.select().where(Signatory.active == True).order_by(Signatory.id).first().id  # noqa: E712
    ledger = StockLedger(services)
    queue = RequestFilter(states=tuple(s.value for s in OPEN_STATES), order="due")

    steps_per_request = len(KINDS) - 1  # "intake: read files" and "intake: store" are one step
    # Officers are not in step: each begins its day somewhere within one request's worth of steps (50 e-mails
    # taken in within the same few seconds would be a flood, not a day), and still ends within the minutes.
    interval = args.minutes * 60 / (steps_per_request * (args.requests_per_officer + 1))
    next_at = args.start_at + rng.uniform(0, interval * steps_per_request)
    time.sleep(max(0.0, args.start_at - time.time()))

    def pace():
        nonlocal next_at
        time.sleep(max(0.0, next_at - time.time()))
        next_at += interval * rng.uniform(0.7, 1.3)

    def log_receipt(rid):
        pdf, number = receipt
        return printlog.log_printed(services, "receipt", pdf, rid, printer="HP LaserJet Sekretariat", copies=2,
                                    number=number)

    def render_receipt(rid):
        nonlocal receipt
        receipt = shipping.receipt_pdf(services, rid)
        return receipt

    receipt = None
    # the window has its parsers and forms loaded before the officer's first file: so does this worker
    Reception(services).prepare([officer.mail(rng, args.requests_per_officer)])

    for mail in mails:
        record: dict = {"id": None, "state": None, "audited": []}

        def store():
            decision = intake_routing.decide(services, plan)
            if intake_routing.needs_officer(plan, decision):
                raise RuntimeError(f"intake needs the officer: {plan.problems or decision.notes}")
            return intake_routing.commit(services, plan, decision, source="email")

        pace()
        plan = officer.timed("intake: read files", lambda: Reception(services).prepare([mail]))
        outcome = plan and officer.timed("intake: store", store)
        if outcome is None or outcome.request is None:
            continue
        rid = outcome.request.id
        record.update(id=rid, state="received", audited=["request.create"])
        officer.requests.append(record)

        pace()
        officer.timed("requests table page", lambda: services.request_page(queue, 0, 200))
        pace()
        if officer.timed("checklist", lambda: checklist.build(services, rid)) is None:
            continue
        steps = [
            ("verify", lambda: checklist.mark_verified(services, rid), {"state": "verified"}, "request.verified"),
            ("approve", lambda: approval.approve(services, rid, official), {"state": "approved"}, "request.approved"),
            ("issue", lambda: ledger.issue(rid), {"issued": True}, "stock.issue"),
            ("receipt: render", lambda: render_receipt(rid), {}, None),
            ("receipt: log printed", lambda: log_receipt(rid), {"printed": True}, None),
            ("pack", lambda: shipping.pack(services, rid), {"state": "packed"}, "request.packed"),
            ("hand over", lambda: shipping.handover(services, office_date(services), COURIER,
                                                     parcel_ids=[shipping.current_parcel(rid).id]),
             {"state": "shipped"}, "request.shipped"),
            ("tracking", lambda: shipping.set_tracking(services, rid, f"JP{args.worker:03d}{rid:07d}"), {},
             "shipping.tracking"),
            ("delivered", lambda: shipping.mark_delivered(services, rid), {"state": "delivered"},
             "request.delivered"),
        ]
        for kind, fn, effect, action in steps:
            pace()
            result = officer.timed(kind, fn)
            if result is None:
                break
            record.update(effect)
            if kind == "pack":
                record["parcel"] = result.id
            if action:
                record["audited"].append(action)

    officer.storage.close()
    (args.out / f"w{args.worker}.json").write_text(json.dumps({
        "officer": officer.name, "ops": officer.ops, "held": held, "errors": officer.errors, "requests": officer.requests}))


if __name__ == "__main__":
    main()
