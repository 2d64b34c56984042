"""Tampering done behind the app (the file through sqlite3, the server as its owner; append-only triggers dropped
or switched off first) is reported by check, by what and where."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import types
from datetime import datetime, timedelta, timezone

import pytest

from blanko_desktop.core import audit, integrity, replay
from blanko_desktop.core.models import Document, StockMovement
from blanko_desktop.core.server import ServerStorage
from blanko_desktop.core.storage import Storage
from tests.core.tamper import behind_the_app, raw, where

RECEIVED = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)


def add_document(services, req_id: int, name: str, data: bytes) -> Document:
    """A stored document and its audited event, as intake leaves them."""
    sha = services.storage.files.put(data)

    def op():
        doc = Document.create(request=req_id, kind="letter", original_name=name, sha256=sha, size=len(data),
                              received_at=RECEIVED)
        services._audit("document.add", "request", req_id, None,
                        {"document": doc.id, "name": name, "kind": "letter", "sha256": sha})
        return doc

    return services.storage.write(op)


def add_movement(services, first: int, last: int) -> StockMovement:
    """A ledger line and its audited event, as the stock module is to record them."""
    def op():
        row = StockMovement.create(kind="receive", prefix="B-", first_no=first, last_no=last,
                                   quantity=last - first + 1, by="Budi")
        services._audit("stock.receive", "stock_movement", row.id, None, replay.movement_snapshot(row))
        return row

    return services.storage.write(op)


@pytest.fixture
def office(services):
    """Three requests (one with a document, one further along), a stock receipt: a small real history."""
    lsp = services.add_lsp("LSP Teknologi Digital", ["admin@lsp-tkd.id"], city="Jakarta")
    reqs = [services.create_request(RECEIVED + timedelta(hours=i), lsp.id, sender="admin@lsp-tkd.id",
                                    requested_qty=10 + i) for i in range(3)]
    doc = add_document(services, reqs[0].id, "surat.pdf", b"%PDF-1.4 surat permohonan")
    services.transition(reqs[1].id, "waiting_lsp", "Daftar peserta belum dilampirkan.")
    movement = add_movement(services, 1, 500)
    services.update_request(reqs[2].id, None, note="ditelepon")
    assert services.storage.check().problems == []
    return {"requests": [r.id for r in reqs], "document": doc, "movement": movement, "lsp": lsp}


def last_entry(storage) -> int:
    return storage.db.execute_sql("SELECT MAX(id) FROM audit_event").fetchone()[0] or 0


def rewrite_chain(storage, entry: int, edit, keep_mac: bool = True) -> None:
    """Change one entry's `after` and recompute every hash from it on, so the plain chain verifies."""
    with behind_the_app(storage) as execute:
        prev = execute("SELECT hash FROM audit_event WHERE id = ?", (entry - 1,)).fetchone()
        prev = prev[0] if prev else audit.GENESIS
        rows = execute("SELECT id, at, os_user, officer, action, entity, entity_id, before, after "
                       "FROM audit_event WHERE id >= ? ORDER BY id", (entry,)).fetchall()
        for eid, at, os_user, officer, action, entity, entity_id, before, after in rows:
            before = json.loads(before) if before else None
            after = json.loads(after) if after else None
            if eid == entry:
                after = edit(after)
            digest = audit._digest(prev, at, os_user, officer, action, entity, entity_id, before, after)
            dumped = json.dumps(after, ensure_ascii=False, sort_keys=True, default=str)
            mac_sql = "" if keep_mac else ", mac = '', mac_key = ''"
            execute(f"UPDATE audit_event SET after = ?, prev_hash = ?, hash = ?{mac_sql} WHERE id = ?",
                    (dumped, prev, digest, eid))
            prev = digest
    assert audit.verify_chain().problems == []  # the plain chain is fooled: only keys and anchors tell


def problems_of(storage) -> str:
    return "\n".join(storage.check().problems)


# -- one test per kind of tampering --------------------------------------------------------------------

def test_tail_cut_off_is_reported_against_the_anchor(office, storage):
    last = last_entry(storage)
    raw(storage, f"DELETE FROM audit_event WHERE id > {last - 2}")
    text = problems_of(storage)
    assert (f"Jejak audit lebih pendek dari jangkar workstation ini ({where(storage)}): entri {last} "
            in text)
    assert f"tidak ada, entri terakhir sekarang {last - 2}. Ekor jejak audit dipotong atau dikosongkan" in text
    # the removed events were the stock receipt's and the last edit: replay names those rows too
    assert "Mutasi stok #1 (receive B-1–B-500, 500 lembar) ada di tabel stock_movement tetapi tidak tercatat" in text


def test_emptied_chain_is_reported(office, storage):
    last = last_entry(storage)
    raw(storage, "DELETE FROM audit_event")
    text = problems_of(storage)
    assert f"entri {last} " in text and "entri terakhir sekarang 0" in text
    for rid in office["requests"]:
        assert (f"Permohonan #{rid} ada di tabel request tetapi tidak ada di jejak audit: baris disisipkan di "
                "luar aplikasi") in text
    assert f"Dokumen #{office['document'].id} (surat.pdf, sha256 " in text


def test_rewritten_and_rehashed_chain_fails_its_signature_and_anchor(office, storage):
    rid = office["requests"][0]
    create = storage.db.execute_sql("SELECT id FROM audit_event WHERE action = 'request.create' AND entity_id = ?",
                                    (str(rid),)).fetchone()[0]
    rewrite_chain(storage, create, lambda after: {**after, "requested_qty": 99})
    raw(storage, f"UPDATE request SET requested_qty = 99 WHERE id = {rid}")  # the table agrees with the lie
    text = problems_of(storage)
    assert (f"Tanda tangan entri audit {create} (ditulis workstation ini) tidak cocok: entri itu atau yang "
            "sebelumnya ditulis ulang") in text
    assert f"Jejak audit berbeda dari jangkar workstation ini ({where(storage)}): entri {last_entry(storage)}" \
        in text
    assert "Permohonan" not in text  # the replay is consistent: the keys are what catch this


def test_rewritten_chain_is_caught_by_the_key_alone_when_no_anchor_is_left(office, storage):
    shutil.rmtree(integrity.anchor_dir())
    rewrite_chain(storage, 3, lambda after: {**after, "city": "Bekasi"})
    text = problems_of(storage)
    assert "Tanda tangan entri audit 3 (ditulis workstation ini) tidak cocok" in text
    assert "jangkar" not in text


def test_rewritten_chain_with_signatures_stripped_is_reported(office, storage):
    shutil.rmtree(integrity.anchor_dir())
    rewrite_chain(storage, 3, lambda after: {**after, "city": "Bekasi"}, keep_mac=False)
    assert "Entri audit 3 tidak bertanda tangan workstation mana pun: ditulis di luar aplikasi" in problems_of(storage)


def test_request_closed_directly_in_the_table(office, storage):
    rid = office["requests"][0]
    raw(storage, f"UPDATE request SET state = 'closed', clock_running = 0 WHERE id = {rid}")
    text = problems_of(storage)
    assert f"Permohonan #{rid} di tabel request berbeda dari jejak audit (entri " in text
    assert "status 'closed' (jejak audit: 'received'), jam SLA berjalan 0 (jejak audit: True); baris diubah di " \
           "luar aplikasi" in text


@pytest.mark.parametrize("column, value, shown", [
    ("approved_qty", "500", "jumlah disetujui 500 (jejak audit: kosong)"),
    ("lsp_id", "NULL", "LSP kosong (jejak audit: 1)"),
    ("due_at", "'2027-01-01T00:00:00.000000+00:00'", "tenggat '2027-01-01T00:00:00.000000+00:00' (jejak audit: '"),
])
def test_other_request_columns_edited_directly(office, storage, column, value, shown):
    rid = office["requests"][2]
    raw(storage, f"UPDATE request SET {column} = {value} WHERE id = {rid}")
    assert shown in problems_of(storage)


def test_fake_request_inserted(office, storage):
    raw(storage, "INSERT INTO request (version, updated_at, updated_by, lsp_id, kind, state, letter_number, sender, "
                 "subject, received_at, clock_running, cancel_reason, note, created_at, approved_qty) VALUES (1, "
                 "'2026-11-03T01:00:00.000000+00:00', 'x', 1, 'new', 'approved', '999/PALSU', '', '', "
                 "'2026-11-03T01:00:00.000000+00:00', 0, '', '', '2026-11-03T01:00:00.000000+00:00', 900)")
    fake = max(office["requests"]) + 1
    assert (f"Permohonan #{fake} ada di tabel request tetapi tidak ada di jejak audit: baris disisipkan di luar "
            "aplikasi") in problems_of(storage)


def test_request_deleted(office, storage):
    rid = office["requests"][2]
    raw(storage, f"DELETE FROM request WHERE id = {rid}")
    assert (f"Permohonan #{rid} tercatat di jejak audit (entri ") in problems_of(storage)
    assert "tetapi barisnya tidak ada di tabel request: dihapus di luar aplikasi" in problems_of(storage)


def test_stock_movement_inserted(office, storage):
    raw(storage, "INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, at, by, note) VALUES "
                 "('issue', 'B-', 501, 600, 100, '2026-11-03T01:00:00.000000+00:00', 'x', '')")
    assert ("Mutasi stok #2 (issue B-501–B-600, 100 lembar) ada di tabel stock_movement tetapi tidak tercatat di "
            "jejak audit: disisipkan di luar aplikasi") in problems_of(storage)


def test_stock_movement_edited(office, storage):
    raw(storage, "UPDATE stock_movement SET last_no = 450, quantity = 450 WHERE id = 1")
    text = problems_of(storage)
    assert "Mutasi stok #1 di tabel stock_movement berbeda dari jejak audit (entri " in text
    assert "nomor akhir 450 (jejak audit: 500), jumlah 450 (jejak audit: 500); baris diubah di luar aplikasi" in text


def test_stock_movement_deleted(office, storage):
    raw(storage, "DELETE FROM stock_movement WHERE id = 1")
    assert ("Mutasi stok #1 tercatat di jejak audit (entri ") in problems_of(storage)
    assert "tetapi barisnya tidak ada di tabel stock_movement: dihapus di luar aplikasi" in problems_of(storage)


def test_document_row_deleted_is_reported_and_repair_keeps_its_file(office, storage):
    doc = office["document"]
    raw(storage, f"DELETE FROM document WHERE id = {doc.id}")
    text = problems_of(storage)
    assert (f"Dokumen #{doc.id} tercatat di jejak audit (entri 5: nama 'surat.pdf', jenis 'letter', sha256 "
            f"{doc.sha256[:12]}…, permohonan {office['requests'][0]}) tetapi barisnya tidak ada di tabel document: "
            "dihapus di luar aplikasi") in text
    assert storage.repair() == []  # the file is the evidence: not moved aside as an orphan
    assert storage.files.has(doc.sha256)


def test_document_hash_swapped(office, storage):
    doc = office["document"]
    other = storage.files.put(b"%PDF-1.4 surat lain")
    raw(storage, f"UPDATE document SET sha256 = '{other}' WHERE id = {doc.id}")
    text = problems_of(storage)
    assert (f"Dokumen #{doc.id} di tabel document berbeda dari jejak audit (entri 5): sha256 {other[:12]}… "
            f"(jejak audit: {doc.sha256[:12]}…); baris diubah di luar aplikasi") in text
    assert storage.repair() == []
    assert storage.files.has(doc.sha256)


def test_document_inserted(office, storage):
    raw(storage, "INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 f"received_at, added_at, added_by) VALUES (1, 'list', 'palsu.xlsx', '{'ab' * 32}', 1, 'x', 'drop', "
                 "'2026-11-03T01:00:00.000000+00:00', '2026-11-03T01:00:00.000000+00:00', 'x')")
    assert (f"Dokumen #2 (palsu.xlsx, sha256 {'ab' * 6}…) ada di tabel document tetapi tidak tercatat di jejak "
            "audit: disisipkan di luar aplikasi") in problems_of(storage)


def test_accepted_finding_inserted(office, storage):
    raw(storage, "INSERT INTO finding (request_id, item, severity, message, accepted, accepted_note, accepted_by, "
                 "created_at, document_name) VALUES (1, 'list', 'error', 'NIK salah', 1, 'ok', 'x', "
                 "'2026-11-03T01:00:00.000000+00:00', 'd.xlsx')")
    assert ("Temuan diterima #1 ada di tabel finding tetapi tidak tercatat di jejak audit: disisipkan di luar "
            "aplikasi") in problems_of(storage)


def test_database_identity_changed(office, storage):
    old = integrity.database_id(storage.db.execute_sql)
    raw(storage, "UPDATE database_identity SET id = 'ffffffffffffffffffffffffffffffff'")
    text = problems_of(storage)
    place, replaced = ("Berkas", "berkasnya") if storage.is_file else ("Alamat server", "basis datanya")
    assert (f"{place} {where(storage)} dulu basis data {old} (sampai entri {last_entry(storage)}), kini "
            f"ffffffffffffffffffffffffffffffff: {replaced} diganti atau identitasnya diubah") in text
    assert "Tanda tangan entri audit 1 (ditulis workstation ini) tidak cocok" in text


def test_database_identity_dropped(office, storage):
    raw(storage, "DROP TABLE database_identity")
    assert ("Identitas basis data hilang (tabel database_identity kosong atau dihapus): tanda tangan dan jangkar "
            "jejak audit tidak dapat dicocokkan") in problems_of(storage)


@pytest.mark.sqlite_only  # the server's twin: test_server_database_restored_from_an_older_copy
def test_file_replaced_by_an_older_copy(office, services, storage, tmp_path):
    old = tmp_path / "lama.sqlite"
    storage.backup_database(old)
    services.transition(office["requests"][0], "cancelled", "Ditarik LSP.")
    head = integrity.head(storage)
    storage.close()
    os.replace(old, storage.path)
    reopened = Storage.open(storage.path, create=False)
    try:
        text = "\n".join(reopened.check().problems)
    finally:
        reopened.close()
    assert f"Jejak audit lebih pendek dari jangkar workstation ini ({where(storage)}): entri {head.entry} " \
        in text


@pytest.mark.sqlite_only  # the server's backup (core/transfer.py) is being written: its twin comes with it
def test_tampered_backup_is_reported_against_its_manifest(office, storage, tmp_path):
    out = tmp_path / "cadangan" / "salinan.sqlite"
    result = storage.backup(out)
    shutil.rmtree(integrity.anchor_dir())  # another workstation: only the manifest knows the head
    raw(Storage.open(out, create=False), f"DELETE FROM audit_event WHERE id = {result['audit_head']['entry']}")
    copy = Storage.open(out, create=False)
    try:
        text = "\n".join(copy.check().problems)
    finally:
        copy.close()
    assert (f"Jejak audit lebih pendek dari manifes cadangan salinan.manifest.json: entri "
            f"{result['audit_head']['entry']} ") in text


@pytest.mark.server_only
def test_server_database_restored_from_an_older_copy(office, services, storage, pg_cluster):
    """The server's twin of a file replaced by an older copy: an old copy of the database put back under the
    same address (a restored dump, a renamed database)."""
    name = storage.location.rpartition("/")[2]
    storage.close()  # a database is copied on the server only while nobody is connected to it
    old = pg_cluster.new_database(template=name).rpartition("/")[2]
    services.transition(office["requests"][0], "cancelled", "Ditarik LSP.")
    head = integrity.head(storage)
    storage.close()
    pg_cluster.admin(f'DROP DATABASE "{name}" WITH (FORCE)')
    pg_cluster.admin(f'ALTER DATABASE "{old}" RENAME TO "{name}"')
    reopened = ServerStorage.open(storage.location, create=False)
    try:
        text = "\n".join(reopened.check().problems)
    finally:
        reopened.close()
    assert (f"Jejak audit lebih pendek dari jangkar workstation ini ({storage.location}): entri {head.entry} "
            in text)
    assert "atau basis data ini dipulihkan dari salinan lama" in text


# -- what a clean database says --------------------------------------------------------------------------

def test_demo_database_checks_clean(services, storage):
    from blanko_desktop.core import demo

    demo.fill(services, requests=20)
    report = storage.check()
    assert report.problems == []
    assert report.checked["replayed_requests"] == 20 and report.checked["replayed_documents"] > 20
    assert report.checked["audit_signed_here"] == report.checked["audit_events"]
    assert report.checked["audit_after_last_own"] == 0 and report.checked["audit_anchors"] == 1


def test_bulk_demo_database_checks_clean(services, storage):
    from blanko_desktop.core import demo

    demo.fill_bulk(services, 300)
    report = storage.check()
    assert report.problems == []
    assert report.checked["requests_bulk_demo"] == 300
    raw(storage, "DELETE FROM request WHERE id = 7")
    assert "1 permohonan dari isian demo #1–#300 (entri " in problems_of(storage)


def test_entries_of_another_workstation_are_counted_not_judged(office, services, storage, tmp_path, monkeypatch):
    mine = storage.check().checked["audit_signed_here"]
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "workstation-2"))
    services.update_request(office["requests"][0], None, note="dari meja 2")
    services.update_request(office["requests"][1], None, note="dari meja 2")
    there = storage.check()
    assert there.problems == []
    assert there.checked["audit_signed_here"] == 2 and there.checked["audit_signed_elsewhere"] == mine
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))  # back to workstation 1
    here = storage.check()
    assert here.problems == []
    # workstation 1 vouches for everything up to its own last entry; the two after it are workstation 2's to judge
    assert here.checked["audit_signed_elsewhere"] == 2 and here.checked["audit_after_last_own"] == 2


def test_old_entries_from_before_signing_are_accepted_unsigned(tmp_path):
    from blanko_desktop.core.services import Services
    from tests.migrations.test_migrations import database_at

    path = tmp_path / "lama.sqlite"
    conn = database_at(path, 5)  # written by the version before signing: one entry, no MAC columns yet
    at = "2026-10-01T01:00:00.000000+00:00"
    digest = audit._digest(audit.GENESIS, at, "u", "Ani", "setting.change", "setting", "courier", None, "JNE")
    conn.execute("INSERT INTO audit_event (at, os_user, officer, action, entity, entity_id, after, prev_hash, hash) "
                 "VALUES (?, 'u', 'Ani', 'setting.change', 'setting', 'courier', '\"JNE\"', ?, ?)",
                 (at, audit.GENESIS, digest))
    conn.commit()
    conn.close()
    storage = Storage.open(path)
    try:
        Services(storage, audit.Actor("u", "Ani")).add_lsp("LSP Lama", [])
        report = storage.check()
        assert report.problems == []
        assert report.checked["audit_unsigned_old"] == 1 and report.checked["audit_signed_here"] == 1
        # a later entry stripped of its MAC is not "old"
        raw(storage, "UPDATE audit_event SET mac = '' WHERE id = 2")
        assert "Entri audit 2 tidak bertanda tangan workstation mana pun" in "\n".join(storage.check().problems)
    finally:
        storage.close()


# -- the key, the anchor, the head ------------------------------------------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits; Windows keeps %APPDATA% per user")
def test_key_file_is_readable_by_the_user_only(office):
    key, where = integrity.workstation_key()
    assert len(key) == 32 and where.endswith(integrity.KEY_FILE)
    assert stat.S_IMODE(os.stat(where).st_mode) == 0o600


def test_key_lives_in_a_keyring_where_one_works(monkeypatch, tmp_path):
    stored: dict[tuple[str, str], str] = {}
    fake = types.ModuleType("keyring")
    fake.get_keyring = lambda: types.SimpleNamespace(priority=5)
    fake.get_password = lambda service, user: stored.get((service, user))
    fake.set_password = lambda service, user, value: stored.__setitem__((service, user), value)
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "dengan-keyring"))
    key, where = integrity.workstation_key()
    assert where == "keyring" and stored[("blanko-desktop", "audit-key")] == key.hex()
    assert not (tmp_path / "dengan-keyring" / integrity.KEY_FILE).exists()
    monkeypatch.setenv(integrity.KEY_STORE_ENV, "file")
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "tanpa-keyring"))
    assert integrity.workstation_key()[1].endswith(integrity.KEY_FILE)


def test_damaged_key_file_refuses_the_write_and_writes_nothing(services, tmp_path, monkeypatch):
    from blanko_desktop.core.errors import StorageError
    from blanko_desktop.core.models import AuditEvent, Lsp

    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "rusak"))
    (tmp_path / "rusak").mkdir()
    (tmp_path / "rusak" / integrity.KEY_FILE).write_text("bukan kunci")
    with pytest.raises(StorageError, match="Kunci audit workstation ini .* rusak; perubahan tidak disimpan"):
        services.add_lsp("LSP Baru", [])
    assert Lsp.select().count() == 0 and AuditEvent.select().count() == 0


def test_anchor_follows_each_committed_write_and_head_is_for_the_report(office, services, storage):
    (anchor,) = integrity.anchor_dir().glob("*.json")
    kept = json.loads(anchor.read_text())
    head = integrity.head(storage)
    assert (kept["entry"], kept["hash"], kept["database_id"]) == (head.entry, head.hash, head.database_id)
    assert head.entry == last_entry(storage) and len(head.hash) == 64
    services.update_request(office["requests"][0], None, note="lagi")
    assert json.loads(anchor.read_text())["entry"] == head.entry + 1
    with pytest.raises(Exception):
        services.transition(office["requests"][0], "closed")  # refused: no entry, the anchor stays
    assert json.loads(anchor.read_text())["entry"] == head.entry + 1


KEY_RACER = r"""
import os, sys, time
from pathlib import Path
from blanko_desktop.core import integrity
root, rounds, start_at = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
while time.time() < start_at:
    time.sleep(0.001)
for i in range(rounds):
    os.environ["BLANKO_CONFIG_DIR"] = str(root / str(i))  # a fresh installation each round: both create its key
    print(integrity.workstation_key()[0].hex())
"""


@pytest.mark.slow
def test_two_processes_creating_the_key_at_once_end_with_one_key(tmp_path):
    import subprocess
    import time

    rounds = 150
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", KEY_RACER, str(tmp_path), str(rounds), str(start_at)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, integrity.KEY_STORE_ENV: "file"}) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    first, second = (out.split() for out, _ in outputs)
    assert len(first) == len(second) == rounds
    # whoever lost the race to create a key reads the winner's: one key per installation, every round
    assert first == second
    assert [(tmp_path / str(i) / integrity.KEY_FILE).read_text() for i in range(rounds)] == first
