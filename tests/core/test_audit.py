"""The audit log: every change recorded with who and when; append-only; tampering detected."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from peewee import DatabaseError

from blanko_desktop.core import audit
from blanko_desktop.core.models import AuditEvent
from tests.core.tamper import raw


def test_changes_are_recorded_with_who_and_what(services):
    lsp = services.add_lsp("LSP Logistik Samudra", ["admin@lsp-logistik.id"], city="Surabaya")
    services.update_lsp(lsp.id, lsp.version, city="Sidoarjo")
    events = list(AuditEvent.select().order_by(AuditEvent.id))
    assert [e.action for e in events] == ["lsp.add", "lsp.edit"]
    assert events[1].os_user == "officer1" and events[1].officer == "Budi Santoso"
    assert events[1].before["city"] == "Surabaya" and events[1].after["city"] == "Sidoarjo"
    assert events[1].prev_hash == events[0].hash
    assert audit.verify_chain().problems == []


def test_log_is_append_only_in_the_database(services):
    services.add_lsp("LSP Agro Lestari", ["lsp@agro.id"])
    # the file's trigger fails as a constraint (IntegrityError), the server's as a raised error: both refuse
    with pytest.raises(DatabaseError, match="append-only"):
        AuditEvent.update(officer="orang lain").execute()
    with pytest.raises(DatabaseError, match="append-only"):
        AuditEvent.delete().execute()
    assert [(e.action, e.officer) for e in AuditEvent.select()] == [("lsp.add", "Budi Santoso")]


@pytest.mark.server_only
@pytest.mark.parametrize("table", ["audit_event", "stock_movement"])
def test_server_refuses_truncating_the_append_only_tables(services, storage, table):
    services.add_lsp("LSP Agro Lestari", ["lsp@agro.id"])
    with pytest.raises(DatabaseError, match=f"{table} is append-only"):
        storage.db.execute_sql(f"TRUNCATE {table}")
    assert AuditEvent.select().count() == 1


@pytest.mark.parametrize("tamper, message", [
    ("UPDATE audit_event SET officer = 'Penyusup' WHERE id = 2", "Jejak audit diubah di entri 2"),
    ("DELETE FROM audit_event WHERE id = 2", "Jejak audit terputus di entri 3"),
])
def test_tampering_is_detected(services, storage, tamper, message):
    for name in ("LSP A Satu", "LSP B Dua", "LSP C Tiga"):
        services.add_lsp(name, [])
    raw(storage, tamper)
    problems = storage.check().problems
    assert any(message in p for p in problems)
    assert any("trigger audit_event_no_update dihapus" in p for p in problems)


def test_failed_change_leaves_no_audit_entry(services):
    services.add_lsp("LSP Energi Baru", [])
    before = AuditEvent.select().count()
    with pytest.raises(Exception):
        services.add_lsp("LSP Energi Baru", [])
    with pytest.raises(Exception):
        services.transition(services.create_request(datetime.now(timezone.utc)).id, "closed")
    assert AuditEvent.select().count() == before + 1  # only the request.create
