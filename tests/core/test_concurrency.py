"""Two officers (two processes) writing the same database file at the same moment lose nothing."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from blanko_desktop.core import audit
from blanko_desktop.core.models import Document, Request
from blanko_desktop.core.storage import Storage

WRITER = r"""
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.models import Document
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import Storage

path, who, count, start_at, shared = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1"
storage = Storage.open(Path(path), create=False, shared=shared)
retries = []
storage.on_busy = retries.append
services = Services(storage, Actor(who, who))
while time.time() < start_at:
    time.sleep(0.001)
for i in range(count):
    req = services.create_request(datetime.now(timezone.utc), sender=f"{who}-{i}@lsp.id")
    data = f"{who} dokumen {i}".encode()
    sha = storage.files.put(data)
    def op():  # as intake does it: the row and its audited event
        doc = Document.create(request=req, original_name=f"{who}-{i}.pdf", sha256=sha,
                              size=len(data), received_at=req.received_at)
        services._audit("document.add", "request", req.id, None,
                        {"document": doc.id, "name": doc.original_name, "kind": doc.kind, "sha256": sha})
    storage.write(op)
    services.update_request(req.id, req.version, note=f"dicek {who}")
print(len(retries))
"""


@pytest.mark.slow
@pytest.mark.parametrize("shared", [False, True], ids=["local-wal", "shared-rollback-journal"])
def test_two_processes_write_at_once_and_lose_nothing(tmp_path, shared):
    path = tmp_path / "bersama.sqlite"
    Storage.open(path, shared=shared).close()
    count = 60
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), who, str(count), str(start_at),
                               "1" if shared else "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for who in ("sari", "budi")]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    # SQLite's busy timeout absorbs every collision of two short writers: none needed Storage's own retry
    # (a retry means a lock held for the whole timeout, which these writes never do)
    assert [int(out) for out, _ in outputs] == [0, 0]
    storage = Storage.open(path, create=False, shared=shared)
    try:
        assert Request.select().count() == 2 * count
        assert Document.select().count() == 2 * count
        senders = {r.sender for r in Request.select()}
        assert {f"{w}-{i}@lsp.id" for w in ("sari", "budi") for i in range(count)} == senders
        assert all(r.note.startswith("dicek ") and r.version == 2 for r in Request.select())
        chain = audit.verify_chain()
        assert chain.count == 6 * count and chain.problems == []
        assert storage.check().ok
    finally:
        storage.close()
