"""Documents stored inside a write transaction are written by the store's pool and flushed together before the
commit: the writer does not wait for the disk, and still no row commits before its file is durable under its
name. Outside a transaction a put is durable when it returns."""

from __future__ import annotations

import errno
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from blanko_desktop.core import storage as storage_module
from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.models import Document, Request

pytestmark = pytest.mark.sqlite_only  # the file engine's document folder; the server keeps them in a table

RECEIVED = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
# which file a descriptor holds, read from /proc (Linux, as CI runs)
needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")


class Gate:
    """Holds the store's writes (pool or caller) until opened, and records on which thread each ran."""

    def __init__(self, monkeypatch, closed: bool = True):
        self.open_ = threading.Event()
        if not closed:
            self.open_.set()
        self.threads: list[str] = []
        real = storage_module._write_durably

        def held(target: Path, data: bytes) -> None:
            self.threads.append(threading.current_thread().name)
            assert self.open_.wait(60), "the gate was never opened"
            real(target, data)

        monkeypatch.setattr(storage_module, "_write_durably", held)

    def open(self) -> None:
        self.open_.set()


def _pending(storage, sha: str):
    return storage_module._flushes.get(storage.files._target(sha))


def _documents(services, datas: list[bytes]) -> list[str]:
    """Inside a write: a request, and one document row per file (audited), each put just before its row."""
    req = services.create_request(RECEIVED)
    shas = []
    for n, data in enumerate(datas):
        sha = services.storage.files.put(data)
        doc = Document.create(request=req, original_name=f"lampiran-{n}.pdf", sha256=sha, size=len(data),
                              received_at=req.received_at)
        services._audit("document.add", "request", req.id, None,  # as intake records it
                        {"document": doc.id, "name": doc.original_name, "kind": doc.kind, "sha256": sha})
        shas.append(sha)
    return shas


def test_a_file_being_stored_reads_back_within_its_transaction(storage, monkeypatch):
    gate = Gate(monkeypatch)
    data = b"%PDF-1.4 tanda terima yang dibaca lagi dalam transaksi yang sama"

    def op():
        sha = storage.files.put(data)
        target = storage.files._target(sha)
        assert _pending(storage, sha) is not None and not target.exists()  # really not on the disk yet
        assert storage.files.read(sha) == data
        assert storage.files.has(sha)
        storage.files.ensure(data, sha)  # relies on the file being stored: no second copy
        assert gate.threads == []  # kept in memory: written when the transaction commits (or a path is asked)
        gate.open()
        assert storage.files.path_for(sha).read_bytes() == data  # a path to open waits for its file
        return sha

    sha = storage.write(op)
    assert storage.files.path_for(sha).read_bytes() == data
    assert gate.threads[0].startswith("blanko-fsync")  # the pool wrote it, not the writer


def test_the_commit_waits_for_every_file_of_its_transaction(services, storage, monkeypatch):
    gate = Gate(monkeypatch)
    datas = [f"%PDF-1.4 dokumen {n}".encode() for n in range(6)]

    def op():
        shas = _documents(services, datas)
        # all six handed to the pool, none written yet: opening the gate from another thread lets them go
        # while this transaction is about to commit
        threading.Timer(0.2, gate.open).start()
        return shas

    shas = storage.write(op)
    assert gate.open_.is_set()
    for sha, data in zip(shas, datas):
        assert _pending(storage, sha) is None
        assert storage.files._target(sha).read_bytes() == data  # durable under its name once committed
    assert all(name.startswith("blanko-fsync") for name in gate.threads), gate.threads
    assert storage.files.leftovers() == []
    assert storage.check().ok, storage.check().problems


@needs_proc
def test_each_file_is_synced_then_renamed_then_its_folder_synced_all_before_the_commit(services, storage,
                                                                                     monkeypatch):
    events: list[tuple[str, str]] = []
    real_fsync, real_replace, real_commit = os.fsync, os.replace, storage.db.commit
    lock = threading.Lock()

    def fsync(fd):
        real_fsync(fd)
        with lock:
            events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))

    def replace(src, dst):
        real_replace(src, dst)
        with lock:
            events.append(("replace", f"{src} {dst}"))

    def commit():
        events.append(("commit", ""))
        real_commit()

    datas = [f"%PDF-1.4 urutan {n}".encode() for n in range(5)]
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(storage.db, "commit", commit)
    shas = storage.write(lambda: _documents(services, datas))
    assert [kind for kind, _ in events].count("commit") == 1
    done = events.index(("commit", ""))
    for sha in shas:
        target = str(storage.files._target(sha))
        renamed = [n for n, (kind, what) in enumerate(events) if kind == "replace" and what.endswith(" " + target)]
        assert len(renamed) == 1, events
        tmp = events[renamed[0]][1].split(" ")[0]
        synced = events.index(("fsync", tmp))
        folder = events.index(("fsync", str(Path(target).parent)), renamed[0])
        assert synced < renamed[0] < folder < done  # never a name before its content is on the disk


def test_puts_outside_a_transaction_are_durable_when_they_return(storage, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(threading.current_thread().name)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    gate = Gate(monkeypatch, closed=False)
    sha = storage.files.put(b"%PDF-1.4 diterima sebelum transaksinya")
    assert gate.threads == [threading.current_thread().name]  # written by the caller, not the pool
    assert synced == [threading.current_thread().name] * len(synced) and len(synced) >= 2  # file, folder
    assert _pending(storage, sha) is None
    assert storage.files._target(sha).read_bytes() == b"%PDF-1.4 diterima sebelum transaksinya"


def test_a_nested_write_joins_the_outermost_batch(services, storage, monkeypatch):
    gate = Gate(monkeypatch)
    data = b"%PDF-1.4 disimpan dalam savepoint"

    def outer():
        sha = storage.write(lambda: storage.files.put(data))
        assert _pending(storage, sha) is not None  # the savepoint did not wait: the outer commit will
        gate.open()
        return sha

    sha = storage.write(outer)
    assert _pending(storage, sha) is None and storage.files._target(sha).read_bytes() == data


@needs_proc
@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_file_that_cannot_be_stored_rolls_its_transaction_back(services, storage, monkeypatch, failing):
    datas = [f"%PDF-1.4 dokumen gagal {n}".encode() for n in range(5)]
    bad = storage_module.sha256_bytes(datas[2])
    real_fsync, real_replace = os.fsync, os.replace
    failed: list[str] = []

    def fsync(fd):
        # the pool's fsync of the third file's contents (the folder's fsync opens the folder, not the file)
        if threading.current_thread().name.startswith("blanko-fsync"):
            try:
                name = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                name = ""
            if ".incoming-" in name and Path(name).parent.name == bad[:2] and Path(name).read_bytes() == datas[2]:
                failed.append(name)
                raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    def replace(src, dst):
        if Path(dst).name == bad:
            failed.append(str(src))
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst)

    monkeypatch.setattr(os, failing, fsync if failing == "fsync" else replace)
    with pytest.raises(StorageError) as raised:
        storage.write(lambda: _documents(services, datas))
    assert len(failed) == 1
    assert str(raised.value) == (f"Berkas {bad} tidak dapat disimpan di {storage.files.root}: Input/output error; "
                                 "perubahan tidak disimpan.")
    assert Request.select().count() == 0 and Document.select().count() == 0  # rolled back
    assert not storage.files._target(bad).exists()
    assert storage.files.leftovers() == []  # its temporary file removed
    monkeypatch.undo()
    # the others are young orphans (a repair after the grace period sets them aside); nothing is missing
    assert storage.check().ok, storage.check().problems
    assert storage.check().checked["files_being_stored"] == 4
    assert _documents_stored_again(services, storage, datas) == 5


def _documents_stored_again(services, storage, datas) -> int:
    storage.write(lambda: _documents(services, datas))
    assert storage.check().ok, storage.check().problems
    return Document.select().count()


def test_a_file_being_stored_by_another_thread_is_waited_for_not_written_twice(storage, monkeypatch):
    gate = Gate(monkeypatch)
    data = b"%PDF-1.4 disimpan oleh dua utas"
    sha = storage_module.sha256_bytes(data)
    stored, release = threading.Event(), threading.Event()
    outside: list[str] = []

    def op():
        storage.files.put(data)
        stored.set()
        assert release.wait(60)

    writer = threading.Thread(target=lambda: storage.write(op))
    writer.start()
    assert stored.wait(60)
    other = threading.Thread(target=lambda: outside.append(storage.files.put(data)))  # outside a transaction
    other.start()
    other.join(0.3)
    assert other.is_alive() and outside == []  # waits for the file being stored rather than return early
    gate.open()
    other.join(60)
    assert outside == [sha] and storage.files._target(sha).read_bytes() == data
    release.set()
    writer.join(60)
    assert len(gate.threads) == 1  # one write of the file, not two


# -- a real process killed while its transaction's files are on their way ---------------------------------

ROUNDS = 200
INTAKES, FILES = 3, 2  # per transaction: three intakes of two documents each, as the demo nests them

# Imports once, then forks a child per round on request: a child starts in milliseconds, from one thread.
ZYGOTE = r"""
import os, sys, traceback
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage

INTAKES, FILES = int(sys.argv[2]), int(sys.argv[3])


def transaction(storage, tag):
    reception = Reception(Services(storage, Actor("sari", "Sari")))

    def op(n):
        for k in range(INTAKES):
            items = [(f"lampiran-{n}-{k}-{j}.pdf", f"%PDF-1.4 {tag} transaksi {n} permohonan {k} lampiran {j}".encode())
                     for j in range(FILES)]
            outcome = reception.commit(reception.prepare(items), source="drop")
            assert len(outcome.added) == FILES, outcome
    return op


warm = open_storage(sys.argv[1])  # every module loaded; outside a transaction: no pool thread here
transaction(warm, "pemanasan")(0)
warm.close()
for line in sys.stdin:
    db, progress = line.split()
    pid = os.fork()
    if pid == 0:
        out = os.open(progress, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            storage = open_storage(db, create=False)
            op = transaction(storage, f"anak-{os.getpid()}")
            n = 0
            while True:
                n += 1
                storage.write(lambda: (os.write(out, b"begin\n"), op(n)))
                os.write(out, b"committed\n")
        except BaseException:
            os.write(out, ("error " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
        finally:
            os._exit(1)
    print(pid, flush=True)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks its children (POSIX)")
def test_a_process_killed_at_random_moments_never_leaves_a_row_without_its_file(tmp_path):
    import random
    import shutil
    import signal
    import subprocess
    import sys

    from blanko_desktop.core.storage import Storage

    zygote = subprocess.Popen([sys.executable, "-c", ZYGOTE, tmp_path / "warm.sqlite", str(INTAKES), str(FILES)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rng = random.Random(8)
    rounds = inside = in_flight = committed_total = 0
    try:
        for n in range(ROUNDS):
            folder = tmp_path / f"round-{n}"
            folder.mkdir()
            db, progress = folder / "blanko.sqlite", folder / "progress"
            Storage.open(db).close()  # a database of its own (a copy would share its identity and anchors)
            zygote.stdin.write(f"{db} {progress}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            threading.Event().wait(rng.uniform(0.0, 0.1))  # a random moment of its work
            os.kill(pid, signal.SIGKILL)
            status = int(zygote.stdout.readline())
            lines = progress.read_text().splitlines() if progress.exists() else []
            assert not [line for line in lines if line.startswith("error")], lines
            assert status == -signal.SIGKILL, (status, lines)
            committed, begun = lines.count("committed"), lines.count("begin")
            storage = Storage.open(db, create=False)
            try:
                report = storage.check()
                assert report.ok, (n, report.problems)
                # all or nothing: each transaction's documents, never part of one
                documents = Document.select().count()
                assert documents in (committed * INTAKES * FILES, (committed + 1) * INTAKES * FILES), (n, documents)
                assert documents <= begun * INTAKES * FILES
                in_flight += bool(report.checked["files_being_stored"] or storage.files.leftovers())
            finally:
                storage.close()
            rounds += 1
            inside += bool(lines) and lines[-1] == "begin"
            committed_total += documents // (INTAKES * FILES)
            shutil.rmtree(folder)
    finally:
        zygote.stdin.close()
        zygote.wait(60)
    assert rounds == ROUNDS
    print(f"{rounds} rounds: killed inside a transaction {inside}, files left in flight {in_flight}, "
          f"transactions committed {committed_total}")
    assert inside >= ROUNDS // 3, inside  # the kills really hit transactions at work
    assert in_flight >= ROUNDS // 10, in_flight  # and files on their way to the disk
    assert committed_total >= ROUNDS // 4, committed_total  # and commits: files waited for, rows in


@pytest.mark.parametrize("count, size, handed", [
    (3, 1000, False),  # a few small files wait in memory for the commit
    (storage_module.FLUSH_IN_FLIGHT, 100, True),  # many files go to the pool before the commit
    (3, storage_module.FLUSH_BYTES // 2, True),  # large ones too, by their bytes
])
def test_a_long_transaction_hands_its_files_over_before_the_commit(storage, monkeypatch, count, size, handed):
    """A transaction keeps its documents in memory until the commit, but not without bound: past a number of
    files or of bytes they go to the pool early (a copy of thousands of scans must not hold them all)."""
    gate = Gate(monkeypatch, closed=False)
    datas = [bytes([n % 256]) * size + n.to_bytes(4, "big") for n in range(count)]

    def op():
        shas = [storage.files.put(data) for data in datas]
        early = [storage_module._flushes.get(storage.files._target(sha)) for sha in shas]
        return shas, any(p is None or p.submitted for p in early)

    shas, went_early = storage.write(op)
    assert went_early is handed
    assert [storage.files.read(sha) for sha in shas] == datas and storage.check().ok
    assert len(gate.threads) == count
