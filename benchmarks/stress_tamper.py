"""Try every kind of tampering on a fresh demo database each, and print how many `check` detected.

    PYTHONPATH=. python benchmarks/stress_tamper.py [--requests 20] [--server]

Each kind is done straight on the SQLite file (sqlite3, append-only triggers dropped first, as a tamperer
would) and then `Storage.check()` runs; also prints what the anchor costs per committed write. With
`--server`, on a PostgreSQL database instead (a throw-away server from tests/pgserver.py, or the one in
BLANKO_TEST_POSTGRES), tampered as its owner would: the append-only triggers disabled, not dropped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRIGGERS = ("audit_event_no_update", "audit_event_no_delete", "stock_movement_no_update", "stock_movement_no_delete")


class _Behind:
    """A connection behind the app, append-only triggers out of the way: the file through sqlite3 (dropped),
    a server database as its owner (disabled), statements in SQLite's dialect either way."""

    def __init__(self, target: Path | str):
        if isinstance(target, Path):
            self.conn = sqlite3.connect(target)
            for name in TRIGGERS:
                self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            self.execute = self.conn.execute
        else:
            import psycopg

            from blanko_desktop.core.server import translate

            self.conn = psycopg.connect(target)
            for name in TRIGGERS:
                self.conn.execute(f'ALTER TABLE "{name.rpartition("_no_")[0]}" DISABLE TRIGGER "{name}"')
            self.execute = lambda sql, params=None: self.conn.execute(translate(sql), params)

    def done(self) -> None:
        self.conn.commit()
        self.conn.close()


def _raw(target: Path | str, *statements: str) -> None:
    conn = _Behind(target)
    for sql in statements:
        conn.execute(sql)
    conn.done()


def _rewrite(target: Path | str, entry: int, edit) -> None:
    """Edit one entry and recompute every hash after it (the plain chain then verifies)."""
    from blanko_desktop.core import audit

    conn = _Behind(target)
    prev = conn.execute("SELECT hash FROM audit_event WHERE id = ?", (entry - 1,)).fetchone()
    prev = prev[0] if prev else audit.GENESIS
    for eid, at, os_user, officer, action, entity, entity_id, before, after in conn.execute(
            "SELECT id, at, os_user, officer, action, entity, entity_id, before, after FROM audit_event "
            "WHERE id >= ? ORDER BY id", (entry,)).fetchall():
        before = json.loads(before) if before else None
        after = json.loads(after) if after else None
        if eid == entry:
            after = edit(after)
        digest = audit._digest(prev, at, os_user, officer, action, entity, entity_id, before, after)
        conn.execute("UPDATE audit_event SET after = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (json.dumps(after, ensure_ascii=False, sort_keys=True), prev, digest, eid))
        prev = digest
    conn.done()


def _one(execute, sql: str):
    return execute(sql).fetchone()[0]


def kinds(path: Path | str, q):
    """(name, tamper function) for every kind the issue lists, and a few more."""
    last = q("SELECT MAX(id) FROM audit_event")
    closed_target = q("SELECT id FROM request WHERE state NOT IN ('closed', 'cancelled') ORDER BY id LIMIT 1")
    doc = q("SELECT id FROM document ORDER BY id LIMIT 1")
    create = q("SELECT MIN(id) FROM audit_event WHERE action = 'request.create'")
    rid = q(f"SELECT entity_id FROM audit_event WHERE id = {create}")
    other_lsp = q(f"SELECT MIN(id) FROM lsp WHERE id != (SELECT lsp_id FROM request WHERE id = {rid})")
    return [
        ("ekor jejak audit dipotong", lambda: _raw(path, f"DELETE FROM audit_event WHERE id > {last - 5}")),
        ("jejak audit dikosongkan", lambda: _raw(path, "DELETE FROM audit_event")),
        ("entri tengah diubah", lambda: _raw(path, f"UPDATE audit_event SET officer = 'X' WHERE id = {last // 2}")),
        ("entri tengah dihapus", lambda: _raw(path, f"DELETE FROM audit_event WHERE id = {last // 2}")),
        ("entri diubah, rantai dihitung ulang", lambda: (
            _rewrite(path, create, lambda a: {**a, "requested_qty": 999}),
            _raw(path, f"UPDATE request SET requested_qty = 999 WHERE id = {rid}"))),
        ("entri diubah, rantai dihitung ulang, MAC dikosongkan", lambda: (
            _rewrite(path, create, lambda a: {**a, "requested_qty": 999}),
            _raw(path, f"UPDATE audit_event SET mac = '', mac_key = '' WHERE id >= {create}",
                 f"UPDATE request SET requested_qty = 999 WHERE id = {rid}"))),
        ("trigger dihapus saja", lambda: _raw(path)),
        ("status permohonan diubah jadi selesai",
         lambda: _raw(path, f"UPDATE request SET state = 'closed', clock_running = 0 WHERE id = {closed_target}")),
        ("jumlah disetujui diubah", lambda: _raw(path, f"UPDATE request SET approved_qty = 500 WHERE id = {rid}")),
        ("LSP permohonan diganti", lambda: _raw(path, f"UPDATE request SET lsp_id = {other_lsp} WHERE id = {rid}")),
        ("permohonan palsu disisipkan", lambda: _raw(path, (
            "INSERT INTO request (version, updated_at, updated_by, lsp_id, kind, state, letter_number, sender, "
            "subject, received_at, clock_running, cancel_reason, note, created_at) VALUES (1, "
            "'2026-11-03T01:00:00.000000+00:00', 'x', 1, 'new', 'approved', '999/PALSU', '', '', "
            "'2026-11-03T01:00:00.000000+00:00', 0, '', '', '2026-11-03T01:00:00.000000+00:00')"))),
        ("mutasi stok disisipkan", lambda: _raw(path, (
            "INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, at, by, note) VALUES "
            "('issue', 'B-', 1, 100, 100, '2026-11-03T01:00:00.000000+00:00', 'x', '')"))),
        ("baris dokumen dihapus", lambda: _raw(path, f"DELETE FROM finding WHERE document_id = {doc}",
                                               f"DELETE FROM document WHERE parent_id = {doc}",
                                               f"DELETE FROM document WHERE id = {doc}")),
        ("hash dokumen ditukar", lambda: _raw(path, f"UPDATE document SET sha256 = '{'ab' * 32}' WHERE id = {doc}")),
        ("dokumen palsu disisipkan", lambda: _raw(path, (
            "INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, received_at, "
            f"added_at, added_by) VALUES ({rid}, 'list', 'palsu.xlsx', '{'cd' * 32}', 1, 'x', 'drop', "
            "'2026-11-03T01:00:00.000000+00:00', '2026-11-03T01:00:00.000000+00:00', 'x')"))),
        ("identitas basis data diganti", lambda: _raw(path, "UPDATE database_identity SET id = 'ff'")),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--server", action="store_true", help="tamper with a PostgreSQL database instead")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="blanko-tamper-"))
    os.environ["BLANKO_CONFIG_DIR"] = str(work / "config")
    os.environ["BLANKO_DATA_DIR"] = str(work / "data")
    from blanko_desktop.core import demo
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import open_storage

    cluster = None
    if args.server:
        from tests.pgserver import Cluster

        cluster = Cluster()
        template = cluster.new_database()
    else:
        template = work / "template.sqlite"
    storage = open_storage(template)
    services = Services(storage, Actor("petugas", "Budi"))
    started = time.perf_counter()
    demo.fill(services, requests=args.requests)
    fill_s = time.perf_counter() - started
    clean = storage.check()
    events = clean.checked["audit_events"]
    # the anchor's cost per committed write: the same small edit with and without it
    from blanko_desktop.core import integrity
    # a request still open to edits (the demo closes some, the first among them)
    rid = storage.db.execute_sql("SELECT MIN(id) FROM request WHERE state NOT IN ('closed', 'cancelled')"
                                 ).fetchone()[0]
    rounds = 200
    timings = {}
    for label, hook in (("with anchor", integrity.note_commit), ("without", lambda s: None)):
        real = integrity.note_commit
        integrity.note_commit = hook
        try:
            t0 = time.perf_counter()
            for i in range(rounds):
                services.update_request(rid, None, note=f"catatan {label} {i}")
            timings[label] = (time.perf_counter() - t0) / rounds * 1000
        finally:
            integrity.note_commit = real
    services.update_request(rid, None, note="selesai diukur")  # anchored: the head is known again
    t0 = time.perf_counter()
    clean = storage.check()
    check_ms = (time.perf_counter() - t0) * 1000
    storage.close()
    anchors = work / "config" / integrity.ANCHOR_DIR
    saved_anchors = work / "anchors.saved"
    shutil.copytree(anchors, saved_anchors)
    print(f"demo database: {args.requests} requests, {events} audit entries, filled in {fill_s:.1f} s")
    print(f"clean check: ok={clean.ok} ({check_ms:.0f} ms)")
    print(f"committed write: {timings['with anchor']:.2f} ms with the anchor, {timings['without']:.2f} ms without "
          f"({rounds} rounds each)")

    copy: Path | str = work / "copy.sqlite"
    if cluster is not None:
        copy = cluster.url_for("tamper_copy")
        probe_storage = open_storage(template, create=False)
        tried = kinds(copy, lambda sql: _one(probe_storage.db.execute_sql, sql))
        probe_storage.close()
    else:
        probe = sqlite3.connect(template)
        tried = kinds(copy, lambda sql: _one(probe.execute, sql))  # the copy starts as the template: same ids
        probe.close()
    detected = 0
    for name, tamper in tried:
        if cluster is not None:
            cluster.drop(copy)
            cluster.admin(f'CREATE DATABASE "tamper_copy" TEMPLATE "{template.rpartition("/")[2]}"')
        else:
            for leftover in (copy, copy.with_name("copy.sqlite-wal"), copy.with_name("copy.sqlite-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copyfile(template, copy)
            shutil.rmtree(copy.with_name("copy-dokumen"), ignore_errors=True)
            shutil.copytree(template.with_name("template-dokumen"), copy.with_name("copy-dokumen"))
        shutil.rmtree(anchors)
        shutil.copytree(saved_anchors, anchors)
        for f in anchors.glob("*.json"):  # the workstation anchored the template: re-point it at the copy
            data = json.loads(f.read_text())
            data["path"] = str(copy.resolve()) if isinstance(copy, Path) else copy
            f.write_text(json.dumps(data))
        tamper()
        opened = open_storage(copy, create=False)
        try:
            problems = opened.check().problems
        finally:
            opened.close()
        # dropping the triggers is reported for nearly every kind: a kind counts as detected only when check
        # says more than that (except the kind that only drops them)
        telling = [p for p in problems if not p.startswith(("Pengaman tambah-saja", "Berkas "))]
        telling = telling or [p for p in problems if not p.startswith("Pengaman tambah-saja")]
        found = bool(telling) or (name == "trigger dihapus saja" and bool(problems))
        telling = telling or problems or ["-"]
        detected += found
        print(f"  {'TERDETEKSI' if found else 'LOLOS     '}  {name} ({len(problems)}): {telling[0]}"[:220])
    print(f"kinds tried / detected: {len(tried)} / {detected}")
    shutil.rmtree(work)
    if cluster is not None:
        cluster.stop()
    return 0 if detected == len(tried) else 1


if __name__ == "__main__":
    raise SystemExit(main())
