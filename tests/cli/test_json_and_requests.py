"""--json answers parse with their documented keys; list, show and transition over the demo database."""

from __future__ import annotations

from datetime import datetime

import pytest

from blanko_desktop.core.migrations import LATEST

LSP_KEYS = {"id", "name", "licence_no", "address", "city", "postal_code", "phone", "contact_person", "active",
            "version", "emails", "domains"}
REQUEST_KEYS = {"id", "lsp_id", "kind", "state", "letter_number", "letter_date", "sender", "subject",
                "received_at", "due_at", "clock_running", "clock_started_at", "requested_qty", "competent_qty", "not_yet_qty",
                "approved_qty", "cancel_reason", "note", "version"}
LIST_ITEM_KEYS = {"id", "lsp", "kind", "state", "state_label", "letter_number", "sender", "received_at", "due_at",
                  "clock_running", "requested_qty", "overdue", "due_today"}

# command -> the keys of its JSON object (the documented contract for scripts)
DOCUMENTED = [
    (("init",), {"database", "created", "schema_version", "mode", "documents"}),
    (("lsp", "list"), {"count", "lsps"}),
    (("list",), {"total", "count", "offset", "requests"}),
    (("show", "{received}"), {"request", "lsp", "documents", "findings", "history"}),
    (("transition", "{received}", "waiting_lsp", "--reason", "Berita acara belum ditandatangani."),
     REQUEST_KEYS | {"previous_state", "state_label"}),
    (("calendar", "due", "--received", "2026-12-24T10:00+07:00"),
     {"received", "clock_starts", "due", "due_text", "limit_hours", "timezone"}),
    (("calendar", "pickups", "--from", "2026-12-21", "--count", "4"), {"from", "count", "pickups"}),
    (("calendar", "closures"), {"count", "closures"}),
    (("calendar", "add-closure", "2031-01-02", "--note", "Kantor tutup"), {"day", "kind", "note", "created_by"}),
    (("calendar", "remove-closure", "{closure}"), {"day", "removed"}),
    (("check",), {"database", "ok", "problems", "checked", "repaired"}),
    (("demo", "--requests", "3", "--force"),
     {"mode", "lsps", "signatories", "closures", "requests", "with_documents", "states", "overdue", "due_today",
      "seconds", "database"}),
]


@pytest.mark.parametrize("args, keys", DOCUMENTED, ids=[" ".join(a[:2]) for a, _ in DOCUMENTED])
def test_json_output_has_the_documented_keys(cli, demo_db, demo_ids, tmp_path, args, keys):
    values = {state: ids[0] for state, ids in demo_ids.items()}
    args = tuple(a.format(tmp=tmp_path, **values) for a in args)
    data = cli(*args, "--json", db=demo_db).json()
    assert set(data) == keys


@pytest.mark.sqlite_only  # a server's backup is transfer.copy's (blanko copy): its keys are tested there
def test_backup_json_has_the_documented_keys(cli, demo_db, tmp_path):
    data = cli("backup", "--out", tmp_path / "cadangan.sqlite", "--json", db=demo_db).json()
    assert set(data) == {"database", "documents", "files", "manifest", "audit_head"}


def test_lsp_and_request_objects_have_their_keys(cli, demo_db, demo_ids):
    lsps = cli("lsp", "list", "--json", db=demo_db).json()["lsps"]
    assert lsps and all(set(l) == LSP_KEYS for l in lsps)
    listing = cli("list", "--json", "--limit", "5", db=demo_db).json()
    assert listing["count"] == 5 and all(set(i) == LIST_ITEM_KEYS for i in listing["requests"])
    shown = cli("show", demo_ids["cancelled"][0], "--json", db=demo_db).json()
    assert REQUEST_KEYS <= set(shown["request"])
    assert set(shown["lsp"]) == LSP_KEYS
    assert set(shown["history"][0]) == {"id", "at", "officer", "os_user", "action", "before", "after"}


@pytest.mark.sqlite_only
def test_init_creates_then_reopens(cli, tmp_path):
    path = tmp_path / "baru" / "blanko.sqlite"
    first = cli("init", "--json", db=path).json()
    assert first == {"database": str(path), "created": True, "schema_version": LATEST, "mode": "local",
                     "documents": str(tmp_path / "baru" / "blanko-dokumen")}
    assert cli("init", "--json", db=path).json()["created"] is False
    text = cli("init", db=path).out
    assert f"Versi skema : {LATEST}" in text and "lokal (WAL)" in text


@pytest.mark.server_only
def test_init_makes_the_schema_of_an_empty_server_database_then_reopens(cli, new_db):
    """The server twin of the above: `blanko init --db postgresql://...` makes the schema in an empty database."""
    url = new_db()
    first = cli("init", "--json", db=url).json()
    assert first == {"database": url, "created": True, "schema_version": LATEST, "mode": "server",
                     "documents": "di dalam basis data server"}
    assert cli("init", "--json", db=url).json()["created"] is False
    text = cli("init", db=url).out
    assert f"Basis data  : {url}\n" in text and f"Versi skema : {LATEST}" in text and "server PostgreSQL" in text


@pytest.mark.server_only
def test_init_refuses_a_server_database_holding_other_tables(cli, new_db):
    from .conftest import raw_sql

    url = new_db()
    raw_sql(url, "CREATE TABLE pegawai (id INTEGER)")
    refused = cli("init", db=url, expect=1).err
    assert f"Basis data {url} berisi tabel lain (pegawai) dan bukan basis data Blanko Desktop" in refused
    assert raw_sql(url, "SELECT to_regclass('blanko_schema') IS NULL") == [(True,)]


def test_list_filters_by_state_lsp_search_and_overdue(cli, demo_db):
    everything = cli("list", "--json", "--limit", "0", db=demo_db).json()
    assert everything["total"] == everything["count"] > 0
    received = [i["received_at"] for i in everything["requests"]]
    assert received == sorted(received, reverse=True)  # newest first

    closed = cli("list", "--state", "Selesai", "--state", "cancelled", "--json", "--limit", "0", db=demo_db).json()
    assert closed["total"] > 0
    assert {i["state"] for i in closed["requests"]} <= {"closed", "cancelled"}

    overdue = cli("list", "--overdue", "--json", "--limit", "0", db=demo_db).json()
    assert overdue["total"] >= 1
    now = datetime.now().astimezone()
    for item in overdue["requests"]:
        assert item["overdue"] and item["clock_running"]
        assert datetime.fromisoformat(item["due_at"]) < now

    lsp = everything["requests"][0]["lsp"] or everything["requests"][1]["lsp"]
    by_lsp = cli("list", "--lsp", lsp, "--json", "--limit", "0", db=demo_db).json()
    assert by_lsp["total"] >= 1 and {i["lsp"] for i in by_lsp["requests"]} == {lsp}

    letter = everything["requests"][-1]["letter_number"]
    found = cli("list", "--search", letter, "--json", db=demo_db).json()
    assert letter in [i["letter_number"] for i in found["requests"]]

    page = cli("list", "--limit", "3", "--offset", "2", "--json", db=demo_db).json()
    assert [i["id"] for i in page["requests"]] == [i["id"] for i in everything["requests"][2:5]]


def test_list_text_marks_overdue_requests(cli, demo_db):
    text = cli("list", "--overdue", db=demo_db).out
    assert "TERLAMBAT" in text
    assert text.splitlines()[0].split()[:4] == ["ID", "Diterima", "LSP", "Status"]


def test_show_text_speaks_indonesian(cli, demo_db, demo_ids):
    text = cli("show", f"#{demo_ids['cancelled'][0]}", db=demo_db).out
    assert "Dibatalkan" in text and "Riwayat" in text and "-> Dibatalkan" in text
    assert "request.cancelled" not in text  # the history speaks Indonesian, not event codes
    assert any(month in text for month in ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                           "Agustus", "September", "Oktober", "November", "Desember"))
    assert "(status akhir)" in text


def test_transition_walks_the_record_free_moves_and_history_records_them(cli, demo_db, demo_ids):
    rid = demo_ids["received"][0]
    steps = [("waiting_lsp", "Diterima -> Menunggu LSP"), ("received", "Menunggu LSP -> Diterima"),
             ("Dibatalkan", "Diterima -> Dibatalkan")]
    for state, line in steps:
        args = (("--reason", "Keputusan sertifikasi belum dilampirkan.") if state == "waiting_lsp"
                else ("--reason", "Permohonan ganda.") if state == "Dibatalkan" else ())
        assert cli("transition", rid, state, *args, db=demo_db).out.strip() == f"Permohonan #{rid}: {line}"
    shown = cli("show", rid, "--json", db=demo_db).json()
    assert shown["request"]["state"] == "cancelled" and shown["request"]["clock_running"] is False
    actions = [e["action"] for e in shown["history"]]
    assert actions[-3:] == ["request.waiting_lsp", "request.received", "request.cancelled"]
    waiting = next(e for e in shown["history"] if e["action"] == "request.waiting_lsp")
    assert waiting["after"]["reason"] == "Keputusan sertifikasi belum dilampirkan."


@pytest.mark.parametrize("target, operation", [
    ("verified", "verifikasi: daftar periksa lengkap"),
])
def test_transition_refuses_a_state_that_stands_for_records_and_names_its_operation(cli, demo_db, demo_ids,
                                                                                     target, operation):
    rid = demo_ids["received"][0]
    result = cli("transition", rid, target, db=demo_db, expect=1)
    assert f"hanya dapat dicapai lewat {operation}" in result.err
    assert cli("show", rid, "--json", db=demo_db).json()["request"]["state"] == "received"


def test_back_from_the_lsp_starts_a_new_clock_at_the_given_time(cli, demo_db, demo_ids):
    rid = demo_ids["waiting_lsp"][0]
    arrival = "2026-11-26T10:00"  # naive: office time
    expected = cli("calendar", "due", "--received", arrival, "--json", db=demo_db).json()["due"]
    data = cli("transition", rid, "received", "--at", arrival, "--json", db=demo_db).json()
    assert data["state"] == "received" and data["previous_state"] == "waiting_lsp"
    assert data["due_at"] == expected
