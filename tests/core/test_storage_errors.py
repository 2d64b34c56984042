"""Storage's refusals say what happened in Indonesian (disk full, busy), a busy file is waited for and not
called damaged, the journal mode follows the file, and a colleague's commit is noticed."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date

import pytest

from blanko_desktop.core import server
from blanko_desktop.core import storage as storage_module
from blanko_desktop.core.errors import BusyError, StorageError
from blanko_desktop.core.models import Closure
from blanko_desktop.core.storage import Storage


def _insert_closure(day: str = "2026-11-19", note: str = "x"):
    return lambda: Closure.create(day=day, kind="closure", note=note, created_by="t")


@pytest.mark.sqlite_only  # the file's page limit stands in for a full disk; a server's full disk is its admin's
def test_disk_full_message(storage):
    pages = storage.db.execute_sql("PRAGMA page_count").fetchone()[0]
    storage.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match=re.escape(
            f"Basis data {storage.path} tidak dapat ditulis (database or disk is full); perubahan tidak "
            "disimpan. Periksa ruang disk dan sambungan jaringan.")):
        for i in range(50):
            storage.write(_insert_closure(f"2026-12-{i % 28 + 1:02d}" if i < 28 else f"2027-01-{i - 27:02d}",
                                          note="x" * 4000))
    storage.db.execute_sql("PRAGMA max_page_count = 1073741823")
    storage.write(_insert_closure("2028-01-03"))  # the connection is usable again once there is room
    assert Closure.select().where(Closure.day == "2028-01-03").count() == 1


@contextmanager
def colleague_writing(storage):
    """Another connection in the middle of a write transaction, holding the one write lock of the database:
    the file's reserved lock, or the server's advisory write lock."""
    if storage.is_file:
        holder = sqlite3.connect(storage.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        holder = psycopg.connect(storage.location)
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (server.WRITE_LOCK,))
    try:
        yield
    finally:
        holder.rollback() if not storage.is_file else holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.server_only
def test_a_full_server_disk_is_a_clear_message(storage):
    def write_on_a_full_disk():
        Closure.create(day="2026-11-19", kind="closure", note="x", created_by="t")
        # what the server answers when its disk cannot take the change (SQLSTATE 53100)
        storage.db.execute_sql("""DO $$ BEGIN RAISE EXCEPTION 'could not extend file "base/16384/16385": No '
                               'space left on device' USING ERRCODE = 'disk_full'; END $$""")

    with pytest.raises(StorageError, match=re.escape(
            f"Server basis data {storage.location} tidak dapat menulis (could not extend file \"base/16384/16385\": "
            "No space left on device); perubahan tidak disimpan. Ruang disk server penuh: hubungi pengelola "
            "server.")):
        storage.write(write_on_a_full_disk)
    assert Closure.select().count() == 0
    storage.write(_insert_closure())  # the connection is usable again once there is room
    assert Closure.select().count() == 1


def test_busy_timeout_message_after_retries(storage, monkeypatch):
    monkeypatch.setattr(storage_module, "BUSY_RETRIES", 3)
    storage.db.execute_sql("PRAGMA busy_timeout = 50" if storage.is_file else "SET lock_timeout = 50")
    attempts = []
    storage.on_busy = attempts.append
    with colleague_writing(storage):
        with pytest.raises(BusyError, match=re.escape(
                "Basis data sedang dipakai petugas lain terlalu lama. Coba lagi sebentar lagi.")):
            storage.write(_insert_closure())
    assert attempts == [1, 2]
    storage.write(_insert_closure())  # the lock gone, the same write goes through
    assert Closure.select().count() == 1


def test_open_of_a_locked_file_is_busy_not_damaged(tmp_path, monkeypatch):
    path = tmp_path / "b.sqlite"
    Storage.open(path, shared=True).close()
    monkeypatch.setattr(storage_module, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(storage_module, "OPEN_RETRIES", 2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a colleague switching the journal mode holds it like this
    try:
        with pytest.raises(BusyError) as info:
            Storage.open(path, create=False, shared=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(info.value) == (f"Basis data {path} sedang dipakai (dikunci) petugas lain terlalu lama; "
                               "berkasnya tidak rusak. Coba buka lagi sebentar lagi.")
    assert "pulihkan" not in str(info.value)


def test_shared_file_stays_shared_when_a_workstation_opens_it_locally(tmp_path):
    path = tmp_path / "bersama.sqlite"
    colleague = Storage.open(path, shared=True)
    try:
        mine = Storage.open(path, create=False, shared=False)
        try:
            assert mine.shared is True
            assert mine.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
            mine.write(_insert_closure())
        finally:
            mine.close()
        assert colleague.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert colleague.db.execute_sql("SELECT COUNT(*) FROM closure").fetchone()[0] == 1
    finally:
        colleague.close()
    with open(path, "rb") as fh:
        assert fh.read(20)[18:20] == b"\x01\x01"  # still a rollback-journal file


@pytest.mark.sqlite_only  # a bare insert through sqlite3; the server's twin writes as a colleague does
def test_changed_elsewhere_notices_another_connections_commit(storage):
    assert storage.changed_elsewhere() is False
    storage.write(_insert_closure())
    assert storage.changed_elsewhere() is False  # its own commits are not news
    other = sqlite3.connect(storage.path)
    other.execute("INSERT INTO closure (day, kind, note, created_by) VALUES ('2026-12-01', 'closure', '', 'x')")
    other.commit()
    assert storage.changed_elsewhere() is True
    assert storage.changed_elsewhere() is False
    other.close()


COLLEAGUE = r"""
import sys
from datetime import date
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.server import ServerStorage
from blanko_desktop.core.services import Services
storage = ServerStorage.open(sys.argv[1], create=False)
Services(storage, Actor("rina", "Rina")).add_closure(date.fromisoformat(sys.argv[2]), "closure", "rapat")
storage.close()
"""


@pytest.mark.server_only
def test_changed_elsewhere_hears_a_colleagues_commit_on_the_server(services, storage):
    def colleague_closes(day: str) -> None:
        proc = subprocess.run([sys.executable, "-c", COLLEAGUE, storage.location, day], capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr

    assert storage.changed_elsewhere() is False  # starts listening
    services.add_closure(date(2026, 11, 19), "closure", "tutup")
    # its own commits are not news (given the time a colleague's notification takes to arrive, below)
    assert _heard_within(storage, seconds=1) is False
    rounds = 3
    heard = []
    for n in range(rounds):
        colleague_closes(f"2026-12-0{n + 1}")
        heard.append(_heard_within(storage, seconds=10))
        assert storage.changed_elsewhere() is False  # drained
    assert heard == [True] * rounds
    assert [c.day for c in services.closures()][-rounds:] == [date(2026, 12, n + 1) for n in range(rounds)]


def _heard_within(storage, seconds: float) -> bool:
    """A notification travels after the colleague's commit: polled the way the window's timer polls."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if storage.changed_elsewhere():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.server_only
def test_a_dropped_server_connection_is_a_clear_message_and_the_next_write_reconnects(storage, pg_cluster):
    pid = storage.db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    pg_cluster.admin(f"SELECT pg_terminate_backend({pid})")
    with pytest.raises(StorageError, match=re.escape(
            f"Sambungan ke server basis data {storage.location} terputus (")) as info:
        storage.write(_insert_closure())
    assert str(info.value).endswith("perubahan tidak disimpan. Periksa jaringan lalu coba lagi.")
    storage.write(_insert_closure())  # the network back: the next write connects again
    assert Closure.select().count() == 1


OPENER = r"""
import sys, time
from blanko_desktop.core.storage import Storage
path, start_at = sys.argv[1], float(sys.argv[2])
while time.time() < start_at:
    time.sleep(0.001)
st = Storage.open(path, create=False)
print(st.schema_version())
st.close()
"""


@pytest.mark.slow
def test_four_processes_opening_an_old_file_all_succeed_and_one_migrates(tmp_path):
    from blanko_desktop.core import migrations

    rounds, procs_per_round = 10, 4
    failures = []
    for n in range(rounds):
        folder = tmp_path / f"r{n}"
        folder.mkdir()
        path = folder / "lama.sqlite"
        con = sqlite3.connect(path)
        for step in migrations.STEPS[:4]:
            migrations.apply(con.execute, step)
        con.execute("PRAGMA user_version = 4")
        con.commit()
        con.close()
        start_at = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(start_at)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(procs_per_round)]
        for p in procs:
            out, err = p.communicate(timeout=120)
            if p.returncode != 0 or out.strip() != str(migrations.LATEST):
                failures.append(err)
        backups = sorted(f.name for f in folder.iterdir() if ".bak." in f.name)
        assert len(backups) == 1, backups  # migrated once, backed up once
        assert not [f for f in folder.iterdir() if f.name.endswith(".partial")]
    assert failures == [] and rounds * procs_per_round == 40


@pytest.mark.server_only
def test_server_write_waits_for_the_write_lock_then_goes_through(storage, monkeypatch):
    """A write that could not get the server's one write lock in time is retried on a clean connection, and
    goes through once the colleague's transaction ends (a failed lock wait left the transaction aborted)."""
    import psycopg

    from blanko_desktop.core import server

    def closure():
        return Closure.create(day="2026-11-19", kind="closure", note="x", created_by="t")

    storage.db.execute_sql("SET lock_timeout = 50")
    monkeypatch.setattr(server.time, "sleep", lambda s: None)
    attempts: list[int] = []
    storage.on_busy = attempts.append
    with psycopg.connect(storage.address) as colleague:  # a transaction holding the write lock
        colleague.execute("SELECT pg_advisory_xact_lock(%s)", (server.WRITE_LOCK,))
        with pytest.raises(BusyError, match=re.escape(
                "Basis data sedang dipakai petugas lain terlalu lama. Coba lagi sebentar lagi.")):
            storage.write(closure)
        assert attempts == [1, 2, 3, 4, 5]
        colleague.rollback()
    storage.write(closure)  # the lock gone, the same write goes through on the same connection
    assert Closure.select().where(Closure.day == "2026-11-19").count() == 1
