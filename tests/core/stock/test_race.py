"""Two officers (two processes) issuing from one shared file at the same moment never get the same serial."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest

from blanko_desktop.core import audit
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.models import StockMovement, StockRange
from blanko_desktop.core.services import Services
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.stock.verify import verify
from blanko_desktop.core.storage import Storage
from tests.core.stock.conftest import make_approved

ROUNDS = 60

ISSUER = r"""
import sys, time
from pathlib import Path
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.services import Services
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.storage import Storage

path, who, start_at, shared = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4] == "1"
requests = [int(x) for x in sys.argv[5].split(",")]
storage = Storage.open(Path(path), create=False, shared=shared)
ledger = StockLedger(Services(storage, Actor(who, who)))
stale = done = 0
while time.time() < start_at:
    time.sleep(0.001)
for req in requests:
    qty = ledger.services.request(req).approved_qty
    # as an officer does: look at the suggestion, then issue it; a colleague may have taken it meanwhile
    suggestion = ledger.suggest(qty)
    try:
        ledger.issue(req, suggestion)
    except RuleError:
        stale += 1
        ledger.issue(req)  # the suggestion again, now decided inside the write lock
    done += 1
print(done, stale)
"""


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["local-wal", "shared-rollback-journal"])
def test_two_officers_issuing_at_once_never_get_the_same_serial(tmp_path, shared):
    path = tmp_path / "bersama.sqlite"
    storage = Storage.open(path, shared=shared)
    services = Services(storage, Actor("admin", "Admin"))
    ledger = StockLedger(services)
    lsp = services.add_lsp(name="LSP Bersama", address="Jl. B", city="Depok").id
    ledger.receive("KB 0000001 - KB 0010000", "SJ-9", date(2026, 8, 1))
    mine = {who: [make_approved(services, 3 + i % 7, lsp) for i in range(ROUNDS)] for who in ("sari", "budi")}
    storage.close()

    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", ISSUER, str(path), who, str(start_at), "1" if shared else "0",
                               ",".join(map(str, reqs))], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who, reqs in mine.items()]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    rounds = [int(out.split()[0]) for out, _err in outputs]
    assert rounds == [ROUNDS, ROUNDS]
    stale = sum(int(out.split()[1]) for out, _err in outputs)
    print(f"stale suggestions refused: {stale} of {2 * ROUNDS}")

    storage = Storage.open(path, create=False, shared=shared)
    try:
        issued = [(f, last, r) for f, last, r in StockRange.select(StockRange.first_no, StockRange.last_no,
                                                                   StockRange.request)
                  .where(StockRange.place == "issued").tuples()]
        serials = [n for f, last, _r in issued for n in range(f, last + 1)]
        assert len(serials) == len(set(serials))  # no serial twice
        wanted = sum(3 + i % 7 for i in range(ROUNDS)) * 2
        assert len(serials) == wanted
        ledger = StockLedger(Services(storage, Actor("admin", "Admin")))
        for reqs in mine.values():
            for req in reqs:
                assert sum(r.count for r in ledger.request_ranges(req)) == 3 + reqs.index(req) % 7
        lines = [(m.first_no, m.last_no) for m in StockMovement.select().where(StockMovement.kind == "issue")]
        assert sum(last - f + 1 for f, last in lines) == wanted and len({n for f, last in lines
                                                                         for n in range(f, last + 1)}) == wanted
        assert verify() == []
        assert audit.verify_chain().problems == []
    finally:
        storage.close()
