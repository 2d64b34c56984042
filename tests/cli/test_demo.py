"""`blanko demo`: a lived-in database for a newcomer, and a bulk mode for the benchmarks."""

from __future__ import annotations

import re

from blanko_desktop.core import workflow
from blanko_desktop.core.demo import REACHABLE
from blanko_desktop.core.workflow import State

from .conftest import DEMO_REQUESTS, is_server, raw_sql


def test_demo_fills_every_state_it_can_build_with_real_history(cli, demo_source):
    path, by_state = demo_source.target, demo_source.by_state
    listing = cli("list", "--json", "--limit", "0", db=path).json()
    assert listing["total"] == DEMO_REQUESTS
    states = {i["state"] for i in listing["requests"]}
    # every state whose operation exists; the others wait for theirs (approval, stock, shipping)
    assert states == {s.value for s in REACHABLE}
    assert {State.RECEIVED, State.WAITING_LSP, State.VERIFIED, State.CANCELLED} <= REACHABLE
    assert any(i["overdue"] for i in listing["requests"])
    assert all(re.fullmatch(r"\d{3,}/LSP-[A-Z]{3}/[IVX]+/20\d\d", i["letter_number"])
               for i in listing["requests"])
    assert sum(1 for i in listing["requests"] if not i["lsp"]) == 1  # one sender not yet recognised

    cancelled = cli("show", by_state["cancelled"][0], "--json", db=path).json()
    assert cancelled["request"]["cancel_reason"]
    verified = cli("show", by_state["verified"][0], "--json", db=path).json()
    actions = [e["action"] for e in verified["history"]]
    assert actions[0] == "request.create" and actions[-1] == "request.verified"
    assert "document.add" in actions
    assert cli("check", "--json", db=path).json()["ok"] is True


def test_demo_registry_is_plausible(cli, demo_source):
    path = demo_source.target
    lsps = cli("lsp", "list", "--json", db=path).json()["lsps"]
    assert len(lsps) >= 12
    for lsp in lsps:
        assert lsp["name"].startswith("LSP ")
        assert re.fullmatch(r"BNSP-LSP-\d{4}-ID", lsp["licence_no"])
        assert re.fullmatch(r"\d{5}", lsp["postal_code"])
        assert lsp["emails"] and lsp["address"] and lsp["city"] and lsp["phone"]
    assert any(not lsp["active"] for lsp in lsps)
    closures = cli("calendar", "closures", "--json", db=path).json()["closures"]
    assert closures and {c["kind"] for c in closures} == {"cuti_bersama"}
    nips = [r[0] for r in raw_sql(path, "SELECT nip FROM signatory")]
    assert len(nips) == 2 and all(re.fullmatch(r"\d{18}", n) for n in nips)


def test_demo_text_tells_the_newcomer_what_happened(cli, new_db):
    target = new_db()
    text = cli("demo", "--requests", "12", db=target).out
    assert "12 permohonan" in text and "13 LSP" in text and "blanko-desktop" in text
    how = f"(lalu Berkas → Buka server basis data… {target})" if is_server(target) else f"(lalu buka berkas {target})"
    assert how in text


def test_demo_refuses_a_filled_database_unless_forced(cli, demo_db):
    refused = cli("demo", db=demo_db, expect=1).err
    assert f"Basis data {demo_db} sudah berisi {DEMO_REQUESTS} permohonan" in refused
    assert "--force" in refused
    data = cli("demo", "--requests", "5", "--force", "--json", db=demo_db).json()
    assert data["requests"] == 5 and data["lsps"] == 0  # the registry is already there
    assert cli("list", "--json", db=demo_db).json()["total"] == DEMO_REQUESTS + 5


def test_bulk_demo_inserts_fast_with_one_audit_event(cli, new_db):
    path = new_db()
    data = cli("demo", "--requests", "3000", "--json", db=path).json()
    assert data["mode"] == "bulk" and data["requests"] == 3000
    # document-free requests never stand in a state that needs records (not even verified: no checklist)
    assert set(data["states"]) == {"received", "waiting_lsp", "cancelled"}
    assert cli("list", "--json", "--limit", "1", db=path).json()["total"] == 3000
    bulk = raw_sql(path, "SELECT after FROM audit_event WHERE action = 'demo.bulk_insert'")
    per_request = raw_sql(path, "SELECT COUNT(*) FROM audit_event WHERE action LIKE ?", ("request.%",))[0][0]
    approved = raw_sql(path, "SELECT COUNT(*) FROM request WHERE approved_qty IS NOT NULL")[0][0]
    assert len(bulk) == 1 and '"count": 3000' in bulk[0][0]
    assert approved == 0
    assert per_request == 0
    assert cli("check", "--json", db=path).json()["ok"] is True


def _documents_by_request(path) -> dict[int, dict[str, int]]:
    rows = raw_sql(path, "SELECT request_id, kind, COUNT(*) FROM document GROUP BY request_id, kind")
    out: dict[int, dict[str, int]] = {}
    for request_id, kind, count in rows:
        out.setdefault(request_id, {})[kind] = count
    return out


def test_demo_requests_carry_real_documents(cli, demo_source):
    path, by_state, report = demo_source.target, demo_source.by_state, demo_source.report
    assert report["with_documents"] == len(_documents_by_request(path))
    docs = _documents_by_request(path)
    assert len(docs) >= DEMO_REQUESTS // 2  # a good share, taken in through Reception
    required = {"letter", "minutes", "decision", "list"}
    # verified and later: the four documents, a complete checklist
    later = [i for s in workflow.OPERATION_FOR for i in by_state.get(s.value, [])
             if required <= set(docs.get(i, {}))]
    assert len(later) >= 5
    for request_id in later[:3]:
        checklist = cli("checklist", request_id, "--json", db=path).json()
        assert checklist["complete"] is True, checklist
        assert checklist["competent"] == checklist["requested"] and 1 <= checklist["competent"] <= 40
        assert 5 <= checklist["competent"] + checklist["not_yet"] <= 40
    # waiting on the LSP: a document missing and the completion e-mail kept with the request
    waiting = [i for i in by_state["waiting_lsp"] if "completion" in docs.get(i, {})]
    assert waiting
    checklist = cli("checklist", waiting[0], "--json", db=path).json()
    assert checklist["complete"] is False
    assert "missing" in {i["status"] for i in checklist["items"].values()}
    # the unregistered sender: documents, but no LSP until the officer picks one
    listing = cli("list", "--json", "--limit", "0", db=path).json()["requests"]
    unknown = next(r for r in listing if not r["lsp"])
    checklist = cli("checklist", unknown["id"], "--json", db=path).json()
    assert checklist["lsp"] is None and checklist["complete"] is False
    assert {i["status"] for i in checklist["items"].values()} == {"ok"}
    # one list with bad NIK rows, each finding with its sheet and row
    bad = []
    for request_id in by_state["received"]:
        if "list" in docs.get(request_id, {}):
            checklist = cli("checklist", request_id, "--json", db=path).json()
            bad += [f for f in checklist["findings"] if f["row"] and "NIK" in f["message"]]
    assert {"bukan 16 digit", "ganda", "notasi ilmiah", "bukan tanggal"} <= {
        w for f in bad for w in ("bukan 16 digit", "ganda", "notasi ilmiah", "bukan tanggal") if w in f["message"]}
    assert all(f["sheet"] for f in bad)


def test_demo_in_process_leaves_the_garbage_collector_as_it_found_it(new_db, monkeypatch):
    # the command collects less often while it fills; a caller that goes on (the window's process, the tests)
    # gets its own thresholds back and nothing left frozen
    import gc

    from blanko_desktop.cli.main import main
    from blanko_desktop.core import demo

    seen = []
    real_fill = demo.fill
    monkeypatch.setattr(demo, "fill", lambda *a, **k: (seen.append(gc.get_threshold()), real_fill(*a, **k))[1])
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert main(["demo", "--requests", "3", "--officer", "Uji", "--db", str(new_db())]) == 0
    assert seen and seen[0][0] > before[0]  # it did collect less often while filling
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
