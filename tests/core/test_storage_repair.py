"""`check --repair` beside a running intake moves no file an intake is about to refer to, and what the
quarantine holds can be put back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blanko_desktop.core.models import Document
from blanko_desktop.core.storage import ORPHAN_GRACE_SECONDS, QUARANTINE, Storage, open_storage
from tests.core.tamper import raw

INTAKES = 200
FILES_PER_INTAKE = 2

INTAKE_LOOP = r"""
import sys
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage

path, count, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
storage = open_storage(path, create=False)
reception = Reception(Services(storage, Actor("sari", "Sari")))
for i in range(count):
    items = [(f"lampiran-{i}-{k}.pdf", f"%PDF-1.4 permohonan {i} lampiran {k}".encode()) for k in range(per)]
    outcome = reception.commit(reception.prepare(items), source="drop")
    assert len(outcome.added) == per, outcome
print(count)
"""

REPAIR_LOOP = r"""
import sys
from pathlib import Path
from blanko_desktop.core.storage import open_storage

path, stop = sys.argv[1], Path(sys.argv[2])
storage = open_storage(path, create=False)
rounds = moved = 0
while not stop.exists():
    # moved to the quarantine folder (file), set aside in the database (server)
    moved += sum("dipindahkan" in line or "disisihkan" in line for line in storage.repair())
    rounds += 1
print(rounds, moved)
"""


def _run(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_repair_beside_a_running_intake_moves_nothing(database, tmp_path):
    path = database
    open_storage(path).close()
    stop = tmp_path / "stop"
    repairer = _run(REPAIR_LOOP, path, stop)
    time.sleep(0.5)  # the repair loop runs before the first intake stores anything
    intake = _run(INTAKE_LOOP, path, INTAKES, FILES_PER_INTAKE)
    out, err = intake.communicate(timeout=600)
    stop.touch()
    rep_out, rep_err = repairer.communicate(timeout=120)
    assert intake.returncode == 0, err
    assert repairer.returncode == 0, rep_err
    rounds, moved = map(int, rep_out.split())
    assert int(out) == INTAKES
    assert rounds >= 50, rounds  # the two loops really overlapped
    assert moved == 0
    storage = open_storage(path, create=False)
    try:
        assert storage.files.quarantined() == []
        assert Document.select().count() == INTAKES * FILES_PER_INTAKE
        assert storage.check().ok, storage.check().problems
    finally:
        storage.close()


def _age(storage: Storage, sha: str) -> None:
    os.utime(storage.files.path_for(sha), (0, 0))


@pytest.mark.sqlite_only  # files and their age in the folder; the server's twin below
def test_young_unreferenced_file_is_neither_a_problem_nor_moved(storage):
    young = storage.files.put(b"%PDF-1.4 intake yang sedang menyimpan")
    report = storage.check()
    assert report.ok and report.checked["files_being_stored"] == 1
    assert storage.repair() == []
    assert storage.files.has(young)
    assert storage.repair(grace=0) == [f"Berkas yatim {young} dipindahkan ke {storage.files.root / QUARANTINE}"]


@pytest.mark.sqlite_only  # files and their age in the folder; the server's twin below
def test_storing_an_old_orphan_again_makes_it_young(storage):
    sha = storage.files.put(b"%PDF-1.4 pernah yatim")
    _age(storage, sha)
    assert storage.files.put(b"%PDF-1.4 pernah yatim") == sha
    assert time.time() - storage.files.path_for(sha).stat().st_mtime < ORPHAN_GRACE_SECONDS
    assert storage.repair() == []


@pytest.mark.sqlite_only  # files and their age in the folder; the server's twin below
def test_restore_puts_back_what_is_referenced_again_and_never_overwrites(services, storage):
    from tests.core.test_storage import _store_document

    referenced = _store_document(services, b"%PDF-1.4 dirujuk lagi")
    stray = storage.files.put(b"%PDF-1.4 tidak dirujuk")
    for sha in (referenced, stray):
        _age(storage, sha)
        storage.files.quarantine(sha)
    yatim = storage.files.root / QUARANTINE
    assert "Berkas hilang dari penyimpanan" in storage.check().problems[0]
    assert storage.restore_quarantined() == [f"Berkas {referenced} dikembalikan dari {yatim}"]
    assert storage.check().ok and sorted(p.name for p in yatim.iterdir()) == [stray]
    # a copy already in place is left alone, and a tampered quarantined file is not put back
    (yatim / referenced).write_bytes(b"%PDF-1.4 dirujuk lagi")
    (yatim / ("ab" + "0" * 62)).write_bytes(b"bukan isinya")
    assert sorted(storage.restore_quarantined(everything=True)) == sorted([
        f"Berkas {yatim / ('ab' + '0' * 62)} tidak dikembalikan: isinya tidak cocok dengan namanya",
        f"Berkas {referenced} sudah ada di penyimpanan; salinan di {yatim} dibiarkan",
        f"Berkas {stray} dikembalikan dari {yatim}",
    ])
    assert storage.files.read(referenced) == b"%PDF-1.4 dirujuk lagi"




def _set_aside(storage, sha: str) -> str:
    """Put a stored document in quarantine as repair does; what restoring it then says it came back from."""
    if storage.is_file:
        _age(storage, sha)
        storage.files.quarantine(sha)
        return str(storage.files.root / QUARANTINE)
    raw(storage, "UPDATE stored_file SET quarantined_at = '2026-01-01T00:00:00.000000+00:00' WHERE sha256 = ?",
        params=(sha,), guards_off=False)
    return "karantina"


def test_cli_check_restore_puts_referenced_files_back(services, storage, tmp_path):
    from tests.core.test_storage import _store_document

    sha = _store_document(services, b"%PDF-1.4 dipindahkan dahulu")
    source = _set_aside(storage, sha)
    assert f"Berkas hilang dari penyimpanan: {sha}" in storage.check().problems
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                                       os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", "check", "--repair", "--restore",
                           "--db", storage.location], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Berkas {sha} dikembalikan dari {source}" in proc.stdout
    assert storage.files.read(sha) == b"%PDF-1.4 dipindahkan dahulu"
    assert storage.check().ok


def test_an_intake_paused_past_the_grace_period_stores_its_files_again(tmp_path):
    """A laptop suspended between storing the documents and saving them: a colleague's repair moved the
    files meanwhile (they were old and nothing referred to them); the save puts them back under its lock."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.reception import Reception
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage

    storage = Storage.open(tmp_path / "blanko.sqlite")
    services = Services(storage, Actor("petugas", "Rina"))
    reception = Reception(services)
    plan = reception.prepare([("daftar.txt", b"bukan pdf tetapi tetap disimpan")])
    real_store = reception._store_files
    moved = []

    def store_then_repair_elsewhere(datas):
        real_store(datas)
        if not moved:  # the colleague's repair, right after the files are stored (before the save's transaction)
            moved.extend(storage.repair(grace=0))

    reception._store_files = store_then_repair_elsewhere
    outcome = reception.commit(plan, received_at=None)
    assert moved, "the repair must have moved the file for this test to mean anything"
    doc = outcome.added[0]
    assert storage.files.read(doc.sha256) == b"bukan pdf tetapi tetap disimpan"
    assert storage.check().ok
    storage.close()


# -- the server: documents in the database, written with the record that refers to them -----------------------

@pytest.mark.server_only
def test_a_document_stored_before_its_save_is_neither_a_problem_nor_set_aside_on_the_server(services, storage):
    """The twin of the young file: on the server a document stored before its save waits in memory and goes
    into the database with the save's transaction, whatever else this thread writes meanwhile."""
    sha = storage.files.put(b"%PDF-1.4 intake yang sedang menyimpan")
    report = storage.check()
    assert report.ok and report.checked["files_being_stored"] == 1
    assert storage.repair(grace=0) == []  # its write carried the document in: still not an orphan
    assert storage.files.has(sha) and storage.files.quarantined() == []


@pytest.mark.server_only
def test_a_set_aside_document_stored_again_is_back_on_the_server(services, storage):
    from tests.core.test_storage import _store_document, stray_document

    sha = stray_document(storage, b"%PDF-1.4 pernah yatim")
    assert storage.repair() == [f"Berkas yatim {sha} disisihkan (karantina di server)"]
    assert _store_document(services, b"%PDF-1.4 pernah yatim") == sha  # an intake brings the same file again
    assert storage.files.has(sha) and storage.files.quarantined() == []
    assert storage.check().ok and storage.repair() == []


@pytest.mark.server_only
def test_restore_puts_back_what_is_referenced_and_never_altered_content_on_the_server(services, storage):
    from tests.core.test_storage import _store_document, stray_document

    referenced = _store_document(services, b"%PDF-1.4 dirujuk lagi")
    stray = stray_document(storage, b"%PDF-1.4 tidak dirujuk")
    altered = _store_document(services, b"%PDF-1.4 diubah selama disisihkan")
    for sha in (referenced, stray, altered):
        _set_aside(storage, sha)
    raw(storage, "UPDATE stored_file SET data = ? WHERE sha256 = ?", params=(b"bukan isinya", altered),
        guards_off=False)
    assert f"Berkas hilang dari penyimpanan: {referenced}" in storage.check().problems
    assert sorted(storage.restore_quarantined()) == sorted([
        f"Berkas {referenced} dikembalikan dari karantina",
        f"Berkas {altered} tidak dikembalikan dari karantina: isinya tidak cocok dengan namanya",
    ])
    assert storage.files.read(referenced) == b"%PDF-1.4 dirujuk lagi"
    assert sorted(storage.files.quarantined()) == sorted([stray, altered])
    assert sorted(storage.restore_quarantined(everything=True)) == sorted([
        f"Berkas {stray} dikembalikan dari karantina",
        f"Berkas {altered} tidak dikembalikan dari karantina: isinya tidak cocok dengan namanya",
    ])
    assert storage.files.quarantined() == [altered]


@pytest.mark.server_only
def test_a_repair_between_storing_and_saving_sets_nothing_aside_on_the_server(services, storage):
    """The twin of the intake paused past the grace period: a repair run between storing the documents and
    saving them (here in the same thread, the hardest case) sets none of them aside."""
    from blanko_desktop.core.reception import Reception

    reception = Reception(services)
    plan = reception.prepare([("daftar.txt", b"bukan pdf tetapi tetap disimpan")])
    real_put = storage.files.put
    repaired = []

    def put_then_repair(data):
        sha = real_put(data)
        if not repaired:
            repaired.append(storage.repair(grace=0))
        return sha

    storage.files.put = put_then_repair
    try:
        outcome = reception.commit(plan, received_at=None)
    finally:
        storage.files.put = real_put
    assert repaired == [[]]
    doc = outcome.added[0]
    assert storage.files.read(doc.sha256) == b"bukan pdf tetapi tetap disimpan"
    assert storage.files.quarantined() == [] and storage.check().ok
