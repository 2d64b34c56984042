"""A whole database copied file → server → file: the same rows, documents and audit head on all three, each passing
`check`; a target that is not new refused; an interrupted copy leaving no target; the source read in one snapshot."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest

from blanko_desktop.core import demo, integrity, models, transfer
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import REFERENCED_FILES_SQL, Storage, documents_dir, open_storage

DEMO_REQUESTS = 40
ARRIVED = datetime(2026, 11, 27, 2, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo database (40 requests, every state, with documents and stock), filled once."""
    base = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:  # module scope: the per-test folders are not set yet
        mp.setenv("BLANKO_DATA_DIR", str(base / "data"))
        mp.setenv("BLANKO_CONFIG_DIR", str(base / "config"))
        storage = open_storage(base / "demo.sqlite")
        try:
            services = Services(storage, Actor("petugas", "Budi Santoso"))
            demo.fill(services, DEMO_REQUESTS, seed=7)
            services.set_setting("courier", "JNE Kantor Pusat")  # settings are rows with a text key
            services.set_setting("pickup_weekdays", [1, 3])
        finally:
            storage.close()
    return base / "demo.sqlite"


@pytest.fixture
def source(demo_file, tmp_path):
    """A private copy of the demo database, open."""
    path = tmp_path / "sumber" / "blanko.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    shutil.copytree(documents_dir(demo_file), documents_dir(path))
    storage = open_storage(path)
    yield storage
    storage.close()


@contextmanager
def opened(target: Path | str) -> Iterator:
    """Another database opened for a look, the models given back to the one open before."""
    before = models.database.obj
    storage = open_storage(target)
    try:
        yield storage
    finally:
        storage.close()
        models.database.initialize(before)


def contents(storage) -> dict[str, list[tuple]]:
    """Every row of every table the copy carries, in id order, as plain values."""
    found = {}
    for model in (*transfer.TABLES, models.DatabaseIdentity):
        table = model._meta.table_name
        key = model._meta.primary_key.column_name
        found[table] = [tuple(r) for r in storage.db.execute_sql(f'SELECT * FROM "{table}" ORDER BY "{key}"')]
    return found


def documents(storage) -> dict[str, bytes]:
    return {sha: storage.files.read(sha) for (sha,) in storage.db.execute_sql(REFERENCED_FILES_SQL).fetchall()}


def assert_checked(storage) -> None:
    report = storage.check(grace=0)
    assert report.ok, report.problems
    assert report.checked["replayed_requests"] == DEMO_REQUESTS


def test_a_database_goes_to_the_server_and_back_the_same(source, server_db, tmp_path):
    rows, files, head = contents(source), documents(source), integrity.head(source)
    assert len(files) > 100 and len(rows["audit_event"]) > 500 and rows["stock_movement"] and len(rows["setting"]) == 2

    there = transfer.copy(source, server_db)
    assert (there.database, there.files, there.audit_head) == (server_db, len(files), head)
    assert there.rows == {table: len(found) for table, found in rows.items()}
    back_path = tmp_path / "kembali" / "blanko.sqlite"
    with opened(server_db) as server:
        assert_checked(server)
        assert (contents(server), documents(server), integrity.head(server)) == (rows, files, head)
        back = transfer.copy(server, back_path)
    assert (back.database, back.documents, back.files) == (str(back_path), str(documents_dir(back_path)), len(files))
    with opened(back_path) as copied:
        assert_checked(copied)
        assert (contents(copied), documents(copied), integrity.head(copied)) == (rows, files, head)
    assert_checked(source)  # the source is left as it was


def test_the_server_copy_goes_on_numbering_after_the_copied_ids(source, server_db):
    last = source.db.execute_sql("SELECT MAX(id) FROM request").fetchone()[0]
    transfer.copy(source, server_db)
    with opened(server_db) as server:
        created = Services(server, Actor("petugas", "Budi Santoso")).create_request(ARRIVED, sender="a@lsp-baru.id")
        assert created.id == last + 1
        assert server.check(grace=0).ok


def test_a_server_database_goes_to_another_server_database(source, server_db, pg_cluster, pg_template):
    transfer.copy(source, server_db)
    other = pg_cluster.new_database(template=pg_template)
    try:
        with opened(server_db) as server:
            moved = transfer.copy(server, other)
            rows, head = contents(server), integrity.head(server)
        assert moved.audit_head == head and moved.files > 100
        with opened(other) as copied:
            assert_checked(copied)
            assert contents(copied) == rows
    finally:
        pg_cluster.drop(other)


@pytest.mark.parametrize("target, message", [
    ("file", "sudah ada; salinan hanya dibuat ke berkas baru"),
    ("documents", "-dokumen sudah ada; salinan hanya dibuat ke tempat baru"),
    ("request", r"tidak kosong \(request 1 baris, audit_event 1 baris\); salinan hanya dibuat ke basis data baru"),
    ("audit", r"tidak kosong \(audit_event 1 baris, closure 1 baris\)"),
    ("same", "Sumber dan tujuan salinan sama"),
])
def test_a_target_that_is_not_new_is_refused(source, server_db, tmp_path, target, message):
    address: Path | str = tmp_path / "tujuan" / "blanko.sqlite"
    before = None
    if target == "file":
        address.parent.mkdir()
        address.write_bytes(b"milik orang lain")
    elif target == "documents":
        documents_dir(address).mkdir(parents=True)
    elif target == "same":
        address = source.location
    else:
        address = server_db
        with opened(server_db) as other:
            services = Services(other, Actor("petugas", "Ani"))
            if target == "request":
                services.create_request(ARRIVED, sender="admin@lsp-lain.id")
            else:
                services.add_closure(ARRIVED.date(), note="Cuti bersama")
            before = contents(other)
    with pytest.raises(StorageError, match=message):
        transfer.copy(source, address)
    if before is not None:  # nothing of the source went in
        with opened(server_db) as other:
            assert contents(other) == before
    elif target == "file":
        assert address.read_bytes() == b"milik orang lain"


class Boom(Exception):
    pass


@pytest.mark.parametrize("kind", ["file", "server"])
@pytest.mark.parametrize("stage", ["request", "audit_event", "dokumen"])
def test_an_interrupted_copy_leaves_no_target(source, server_db, tmp_path, kind, stage):
    folder = tmp_path / "tujuan"
    target: Path | str = folder / "blanko.sqlite" if kind == "file" else server_db
    seen = []

    def fail_midway(table: str, done: int, total: int) -> None:
        seen.append(table)
        if table == stage:
            raise Boom(table)

    with pytest.raises(Boom):
        transfer.copy(source, target, progress=fail_midway)
    assert "lsp" in seen and "request" in seen  # it stopped after rows had gone in
    if kind == "file":
        assert sorted(folder.iterdir()) == []  # no copy, no temporary leftover
    else:
        with opened(server_db) as server:
            assert contents(server)["database_identity"] != contents(source)["database_identity"]
            assert not server.db.execute_sql("SELECT 1 FROM lsp UNION ALL SELECT 1 FROM request UNION ALL "
                                             "SELECT 1 FROM audit_event UNION ALL SELECT 1 FROM stored_file").fetchall()
    # nothing half-made stands in the way of the next attempt
    assert transfer.copy(source, target).audit_head == integrity.head(source)


@pytest.fixture
def busy_source(engine, source, database):
    """The demo database on this test's engine, open: an officer may save while it is copied."""
    if engine == "sqlite":
        yield source
        return
    transfer.copy(source, database)
    with opened(database) as storage:
        models.database.initialize(storage.db)
        yield storage


def test_the_source_is_read_in_one_snapshot(busy_source, tmp_path):
    """An officer saving while the copy runs: the copy holds the database as it was when the copy began."""
    services = Services(busy_source, Actor("petugas", "Budi Santoso"))
    before, head = contents(busy_source), integrity.head(busy_source)
    saved = []

    def officer_saves(table: str, done: int, total: int) -> None:
        if table == "request" and not saved:
            saved.append(services.create_request(ARRIVED, sender="admin@lsp-baru.id").id)

    result = transfer.copy(busy_source, tmp_path / "salinan.sqlite", progress=officer_saves)
    assert saved and integrity.head(busy_source).entry == head.entry + 1  # the save was committed meanwhile
    assert result.audit_head == head
    with opened(tmp_path / "salinan.sqlite") as copied:
        assert contents(copied) == before
        # the same database, one entry behind the source's anchor: check says so (as of any older copy)
        problems = copied.check(grace=0).problems
    assert len(problems) == 1 and problems[0].startswith(
        f"Jejak audit lebih pendek dari jangkar workstation ini ({busy_source.location}"), problems


def test_a_shared_file_stays_free_for_colleagues_while_copied(demo_file, tmp_path):
    """On a network drive (rollback journal) a reader holds every writer off: the copy reads a snapshot of the
    pages instead, so a colleague's save goes through at once, and still does not reach the copy."""
    path = tmp_path / "bersama" / "blanko.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    shutil.copytree(documents_dir(demo_file), documents_dir(path))
    storage = Storage.open(path, shared=True)
    try:
        assert storage.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        services = Services(storage, Actor("petugas", "Ani"))
        retries: list[int] = []
        storage.on_busy = retries.append
        before, head = contents(storage), integrity.head(storage)
        saved = []

        def colleague_saves(table: str, done: int, total: int) -> None:
            if table == "audit_event" and not saved:
                saved.append(services.create_request(ARRIVED, sender="admin@lsp-baru.id").id)

        result = transfer.copy(storage, tmp_path / "salinan.sqlite", progress=colleague_saves)
        assert saved and retries == []
        assert result.audit_head == head
        with opened(tmp_path / "salinan.sqlite") as copied:
            assert contents(copied) == before
        assert list(Path(tempfile.gettempdir()).glob("blanko-salin-*")) == []  # the snapshot is gone
    finally:
        storage.close()
