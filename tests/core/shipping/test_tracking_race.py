"""Two officers (two processes) typing the same tracking number onto two parcels at the same moment: one gets
it, the other is refused naming the parcel that has it, every round (on a file, or one server database)."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from blanko_desktop.core.audit import Actor
from blanko_desktop.core.models import Parcel
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage

ROUNDS = 25

TYPIST = r"""
import sys, time
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping import set_tracking
from blanko_desktop.core.storage import open_storage

target, who, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
requests = [int(x) for x in sys.argv[4].split(",")]
services = Services(open_storage(target, create=False), Actor(who, who))
won = refused = 0
while time.time() < start_at:
    time.sleep(0.001)
for i, req in enumerate(requests):
    try:
        set_tracking(services, req, f"JPRACE{i:04d}")
        won += 1
    except RuleError as exc:
        assert "sudah dipakai paket" in str(exc), exc
        refused += 1
print(won, refused)
"""


@pytest.mark.slow
def test_one_tracking_number_one_parcel_between_two_processes(database):
    storage = open_storage(database)
    services = Services(storage, Actor("admin", "Admin"))
    lsp = services.add_lsp("LSP Bersama", address="Jl. B", city="Depok").id
    received = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)

    def parcel() -> int:
        req = services.create_request(received, lsp)
        services._write(lambda: Parcel.create(request=req.id, status="packed", address="Jl. B"))
        return req.id

    mine = {who: [parcel() for _ in range(ROUNDS)] for who in ("sari", "budi")}
    storage.close()
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", TYPIST, str(database), who, str(start_at), ",".join(map(str, reqs))],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for who, reqs in mine.items()]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    won = sum(int(out.split()[0]) for out, _ in outputs)
    refused = sum(int(out.split()[1]) for out, _ in outputs)
    assert (won, refused) == (ROUNDS, ROUNDS)
    storage = open_storage(database, create=False)
    try:
        numbers = [p.tracking_no for p in Parcel.select() if p.tracking_no]
        assert sorted(numbers) == [f"JPRACE{i:04d}" for i in range(ROUNDS)]
    finally:
        storage.close()
