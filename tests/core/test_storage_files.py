"""The database file refused or opened read-only as it deserves: empty, read-only file or folder, with the
officer's commands run as a real process by a user who may not write (root may write anything)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.storage import Storage

READ_ONLY_MESSAGE = "hanya dapat dibaca (hak akses berkas atau folder jaringan); perubahan tidak disimpan."
UNPRIVILEGED = 65534  # nobody: when the tests run as root, file modes bind only another user


@pytest.mark.parametrize("create", [True, False])
def test_empty_file_is_refused_not_made_a_new_database(tmp_path, create):
    path = tmp_path / "blanko.sqlite"
    path.write_bytes(b"")
    with pytest.raises(StorageError, match=r"kosong \(0 bita\).*Pulihkan dari cadangan"):
        Storage.open(path, create=create)
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blanko.sqlite"]


@pytest.fixture
def world(tmp_path):
    """A folder another user can reach (pytest's own is private to its user)."""
    base = Path(tempfile.mkdtemp(prefix="blanko-ro-"))
    base.chmod(0o755)
    yield base
    for p in [base, *base.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(base)


def blanko_as_other_user(base: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, BLANKO_DATA_DIR=str(base / "data"), BLANKO_CONFIG_DIR=str(base / "config"),
               PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                           os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([*_unprivileged(), sys.executable, "-m", "blanko_desktop.cli", *args], env=env,
                          cwd=base, capture_output=True, text=True, timeout=120)


def _unprivileged() -> list[str]:
    """The launcher that drops root (setpriv execs the interpreter before root's rights go, so a venv
    under /root still starts); nothing for an ordinary user."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={UNPRIVILEGED}", f"--regid={UNPRIVILEGED}", "--clear-groups"]


def test_the_commands_below_really_run_without_write_rights(world):
    probe = world / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    code = "import os, sys; open(sys.argv[1], 'a'); print(os.geteuid())"
    proc = subprocess.run([*_unprivileged(), sys.executable, "-c", code, str(probe)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1 and "PermissionError" in proc.stderr, proc.stdout + proc.stderr


def _make_database(base: Path, shared: bool) -> tuple[Path, int]:
    from datetime import datetime, timezone

    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services

    folder = base / "kantor"
    folder.mkdir()
    path = folder / "blanko.sqlite"
    storage = Storage.open(path, shared=shared)
    try:
        req = Services(storage, Actor("o", "Budi")).create_request(datetime(2026, 11, 18, 3, tzinfo=timezone.utc),
                                                                   sender="lsp@contoh.id")
    finally:
        storage.close()
    for p in (base, base / "data", base / "config"):
        p.mkdir(exist_ok=True)
        p.chmod(0o777)
    return path, req.id


@pytest.mark.parametrize("shared", [False, True], ids=["wal", "rollback"])
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_database_reads_and_refuses_writes_with_a_clear_message(world, shared, what):
    path, req_id = _make_database(world, shared)
    path.chmod(0o444)
    path.parent.chmod(0o555 if what == "folder" else 0o777)
    db = ("--db", str(path))
    listed = blanko_as_other_user(world, "list", "--json", *db)
    assert listed.returncode == 0, listed.stderr
    assert "lsp@contoh.id" not in listed.stderr and f'"id": {req_id}' in listed.stdout
    shown = blanko_as_other_user(world, "show", str(req_id), *db)
    assert shown.returncode == 0, shown.stderr
    checked = blanko_as_other_user(world, "check", *db)
    assert checked.returncode == 0 and checked.stdout.startswith("OK"), checked.stdout + checked.stderr
    refused = blanko_as_other_user(world, "calendar", "add-closure", "2026-11-19", *db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"Basis data {path} {READ_ONLY_MESSAGE}" in refused.stderr
    # intake refuses before it stores anything: no orphan documents
    letter = world / "surat.pdf"
    letter.write_bytes(b"%PDF-1.4 surat permohonan")
    letter.chmod(0o644)
    intake = blanko_as_other_user(world, "intake", str(letter), *db)
    assert intake.returncode == 1 and READ_ONLY_MESSAGE in intake.stderr, intake.stderr
    store = path.parent / "blanko-dokumen"
    assert not store.exists() or not any(p.is_file() for p in store.rglob("*"))
    path.parent.chmod(0o755)
    reopened = Storage.open(path, create=False)
    try:
        assert reopened.check().ok and reopened.db.execute_sql("SELECT COUNT(*) FROM closure").fetchone()[0] == 0
    finally:
        reopened.close()


# why a database refuses writes, per engine: the file's rights, or a standby server
READ_ONLY_REASON = {"sqlite": READ_ONLY_MESSAGE,
                    "postgresql": "hanya dapat dibaca (server cadangan); perubahan tidak disimpan."}


def test_read_only_flag_refuses_every_write_in_process(storage, engine):
    storage.read_only = True
    message = f"Basis data {storage.location} {READ_ONLY_REASON[engine]}"
    with pytest.raises(StorageError, match=re.escape(message)):
        storage.write(lambda: None)
    with pytest.raises(StorageError, match=re.escape(message)):
        storage.assert_writable()
