"""Officers in several processes writing one database at the same moment (a file, or one server database) lose
nothing: serials issued once, a document stored once, no lost update, the audit chain unbroken."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from blanko_desktop.core import audit
from blanko_desktop.core.models import Document, Request, StockMovement, StockRange
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.stock.verify import verify
from blanko_desktop.core.storage import Storage, open_storage
from tests.core.intake.intake_builders import LETTER_TEXT, eml_bytes, pdf_bytes
from tests.core.stock.conftest import make_approved

WRITER = r"""
import sys, time
from datetime import datetime, timezone
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.models import Document
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage

target, who, count, start_at, shared = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1"
storage = open_storage(target, create=False, shared=shared)
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


def write_at_once(target: str, shared: bool) -> None:
    count = 60
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, target, who, str(count), str(start_at),
                               "1" if shared else "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for who in ("sari", "budi")]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    # the busy timeout (SQLite's, or the server's lock timeout) absorbs every collision of two short writers:
    # none needed Storage's own retry (a retry means a lock held for the whole timeout, which these never do)
    assert [int(out) for out, _ in outputs] == [0, 0]
    storage = open_storage(target, create=False, shared=shared)
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


@pytest.mark.slow
def test_two_processes_write_at_once_and_lose_nothing(database):
    open_storage(database).close()  # a new file, or the server database of this test (migrated)
    write_at_once(str(database), shared=False)


@pytest.mark.slow
@pytest.mark.sqlite_only  # the rollback journal of a file on a network share
def test_two_processes_write_a_shared_file_at_once_and_lose_nothing(tmp_path):
    path = tmp_path / "bersama.sqlite"
    Storage.open(path, shared=True).close()
    write_at_once(str(path), shared=True)


# -- races in rounds: every process has read the same state before any of them writes --------------------------

ROUND_HARNESS = r"""
import os, sys, time
from pathlib import Path
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import ConflictError, RuleError
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage

target, who, rounds, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
args = sys.argv[5:]
storage = open_storage(target, create=False)
services = Services(storage, Actor(who, who))

def wait(text):
    while not (go.exists() and go.read_text() == text):
        time.sleep(0.0005)

%s

for round_ in range(rounds):
    wait(str(round_))
    state = prepare(round_)
    print("ready", flush=True)
    wait(f"{round_}!")
    try:
        print(act(state), flush=True)
    except (RuleError, ConflictError) as exc:
        print(f"refused {type(exc).__name__}: {exc}".replace("\n", " "), flush=True)
    sys.stdin.readline()
"""


def _signal(go: Path, text: str) -> None:
    tmp = go.with_name(go.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, go)  # whole: a process never reads half a signal


def play_rounds(target: str, tmp_path: Path, body: str, rounds: int, officers: dict[str, list[str]]) -> list[list[str]]:
    """Run `body` (defining prepare(round_) and act(state)) in one process per officer (with the officer's
    arguments): each round all of them prepare, then all act at once. Each round's answers, sorted."""
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", ROUND_HARNESS % body, target, name, str(rounds), str(go), *args],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, args in officers.items()]
    played = []
    try:
        for round_ in range(rounds):
            _signal(go, str(round_))
            ready = [p.stdout.readline().strip() for p in procs]
            assert ready == ["ready"] * len(procs), (round_, ready, [p.poll() for p in procs])
            _signal(go, f"{round_}!")
            played.append(sorted(p.stdout.readline().strip() for p in procs))
            for p in procs:
                p.stdin.write("\n")
                p.stdin.flush()
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=60)
    assert [p.returncode for p in procs] == [0] * len(procs), [p.stderr.read() for p in procs]
    assert len(played) == rounds
    return played


OFFICERS = ("sari", "budi", "wati")

ISSUE = r"""
from blanko_desktop.core.stock import StockLedger
ledger = StockLedger(services)
requests = [int(x) for x in args[0].split(",")]

def prepare(round_):  # as an officer does: look at the suggestion, then issue it
    req = requests[round_]
    return req, ledger.suggest(services.request(req).approved_qty)

def act(state):
    req, suggestion = state
    try:
        ledger.issue(req, suggestion)
        return "issued"
    except RuleError:  # a colleague took those serials meanwhile: the suggestion again, decided in the lock
        ledger.issue(req)
        return "issued again"
"""


@pytest.mark.slow
def test_officers_issuing_at_once_never_get_the_same_serial(services, tmp_path):
    rounds = 12
    ledger = StockLedger(services)
    lsp = services.add_lsp(name="LSP Bersama", address="Jl. B", city="Depok").id
    ledger.receive("KB 0000001 - KB 0010000", "SJ-9", date(2026, 8, 1))
    mine = {who: [make_approved(services, 3 + i % 7, lsp) for i in range(rounds)] for who in OFFICERS}
    # each officer issues to requests of their own, the same quantity in the same round
    played = play_rounds(services.storage.location, tmp_path, ISSUE, rounds,
                         {who: [",".join(map(str, reqs))] for who, reqs in mine.items()})
    for answers in played:
        # all three suggested the same serials: the first to write got them, the others were refused and
        # issued the next free ones
        assert answers == ["issued", "issued again", "issued again"], answers
    issued = list(StockRange.select(StockRange.first_no, StockRange.last_no).where(StockRange.place == "issued")
                  .tuples())
    serials = [n for first, last in issued for n in range(first, last + 1)]
    wanted = sum(3 + i % 7 for i in range(rounds)) * len(OFFICERS)
    assert len(serials) == len(set(serials)) == wanted  # no serial twice, none missing
    for reqs in mine.values():
        assert [sum(r.count for r in ledger.request_ranges(req)) for req in reqs] == [3 + i % 7 for i in range(rounds)]
    lines = [(m.first_no, m.last_no) for m in StockMovement.select().where(StockMovement.kind == "issue")]
    assert len({n for first, last in lines for n in range(first, last + 1)}) == sum(
        last - first + 1 for first, last in lines) == wanted
    assert verify() == []
    assert audit.verify_chain().problems == []


TAKE_IN = r"""
from blanko_desktop.core.reception import Reception
folder = Path(args[0])

def prepare(round_):  # the same e-mail dropped by every officer: read and checked, nothing written
    return Reception(services).prepare_paths([folder / f"m{round_}.eml"])

def act(plan):
    outcome = Reception(services).commit(plan)
    return "stored" if outcome.added else "nothing added"
"""


@pytest.mark.slow
def test_one_email_taken_in_by_officers_at_once_is_stored_once(services, tmp_path):
    rounds = 10
    services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"], address="Jl. Ahmad Yani No. 45",
                     city="Surabaya", postal_code="60234")
    mails = tmp_path / "surat"
    mails.mkdir()
    for i in range(rounds):
        letter = pdf_bytes(LETTER_TEXT.replace("LSP KELISTRIKAN", f"LSP KELISTRIKAN (kiriman {i})"))
        (mails / f"m{i}.eml").write_bytes(eml_bytes([("surat.pdf", letter, "application/pdf")]))
    played = play_rounds(services.storage.location, tmp_path, TAKE_IN, rounds, {who: [str(mails)] for who in OFFICERS})
    for round_, answers in enumerate(played):
        # all three had checked it as new: the first to write stored it, the others were refused naming it
        assert answers[2] == "stored", answers
        refusal = f"refused RuleError: m{round_}.eml: sudah diterima pada "
        assert all(a.startswith(refusal) for a in answers[:2]), answers
    assert Request.select().count() == rounds
    # the e-mail and its letter, each stored once
    assert Document.select().count() == 2 * rounds
    assert len({d.sha256 for d in Document.select()}) == 2 * rounds
    assert audit.verify_chain().problems == []
    assert services.storage.check().ok


EDIT = r"""
request_id = int(args[0])

def prepare(round_):  # the request as the officer's window shows it
    return services.request(request_id)

def act(shown):
    services.update_request(request_id, shown.version, note=f"{shown.note}|{who}")
    return "saved"
"""


@pytest.mark.slow
def test_officers_saving_one_request_at_once_lose_no_update(services, tmp_path):
    rounds = 12
    req = services.create_request(datetime(2026, 11, 2, 2, 0, tzinfo=UTC), sender="a@lsp.id")
    played = play_rounds(services.storage.location, tmp_path, EDIT, rounds, {who: [str(req.id)] for who in OFFICERS})
    for answers in played:
        # all three edited the same version: one saved, the others told someone saved it first
        assert answers[2] == "saved" and all(a.startswith("refused ConflictError") for a in answers[:2]), answers
    final = services.request(req.id)
    writers = final.note.split("|")[1:]
    assert final.version == 1 + rounds and len(writers) == rounds and set(writers) <= set(OFFICERS)
    edits = [e for e in services.history(req.id) if e.action == "request.edit"]
    assert len(edits) == rounds
    assert audit.verify_chain().problems == []
