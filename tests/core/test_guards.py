"""Rules kept once, in core: ended requests are frozen, one waiting-request query, completion states, findings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from blanko_desktop.core import workflow
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import AuditEvent, Document, Finding, Request
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist, completion
from blanko_desktop.core.workflow import State
from tests.core.intake.intake_builders import pdf_bytes
from tests.core.test_reception import four_files, lsp  # noqa: F401  (fixture)


def _with_finding(services, lsp, tmp_path):
    """A request whose list slot holds a PDF: an error finding the officer can accept."""
    paths = four_files(tmp_path)
    (tmp_path / "lampiran.pdf").write_bytes(pdf_bytes("Dokumen pendukung tanpa judul yang dikenal"))
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths(paths[:3] + [tmp_path / "lampiran.pdf"]), lsp_id=lsp.id).request
    other = next(d for d in services.documents(req.id) if d.original_name == "lampiran.pdf")
    reception.set_kind(other.id, "list")
    finding = next(f for f in checklist.build(services, req.id).findings if f.item == "list" and f.severity == "error")
    return req, finding, other


def _state_of_everything():
    return (Request.select().count(), Document.select().count(), Finding.select().count(),
            AuditEvent.select().count(), [(r.state, r.version, r.requested_qty) for r in Request.select()])


FROZEN_REFUSALS = [
    ("update_request", "datanya tidak dapat diubah lagi"),
    ("transition", "statusnya tidak dapat diubah lagi"),
    ("intake", "berkas baru tidak dapat ditambahkan"),
    ("set_kind", "jenis dokumennya tidak dapat diubah lagi"),
    ("accept_finding", "temuannya tidak dapat diubah lagi"),
    ("reopen_finding", "temuannya tidak dapat diubah lagi"),
    ("verify", "statusnya tidak dapat diubah lagi"),
]


@pytest.mark.parametrize("doing, message", FROZEN_REFUSALS, ids=[d for d, _ in FROZEN_REFUSALS])
def test_a_cancelled_request_is_frozen_by_the_services_themselves(services, lsp, tmp_path, doing, message):
    req, finding, other = _with_finding(services, lsp, tmp_path)
    if doing == "reopen_finding":
        checklist.accept_finding(services, req.id, finding, "Dikonfirmasi LSP lewat telepon")
    services.transition(req.id, State.CANCELLED, "LSP menarik permohonan")
    (tmp_path / "baru.pdf").write_bytes(pdf_bytes("Lampiran baru"))
    reception = Reception(services)
    act = {
        "update_request": lambda: services.update_request(req.id, None, requested_qty=99),
        "transition": lambda: services.transition(req.id, State.RECEIVED),
        "intake": lambda: reception.commit(reception.prepare_paths([tmp_path / "baru.pdf"]), request_id=req.id),
        "set_kind": lambda: reception.set_kind(other.id, "minutes"),
        "accept_finding": lambda: checklist.accept_finding(services, req.id, finding, "Dikonfirmasi"),
        "reopen_finding": lambda: checklist.reopen_finding(services, req.id, finding, "Salah terima"),
        "verify": lambda: checklist.mark_verified(services, req.id),
    }[doing]
    before = _state_of_everything()
    with pytest.raises(RuleError) as refused:
        act()
    if doing != "verify":  # verify first says what the checklist lacks; either way nothing is written
        assert str(refused.value) == f"Permohonan #{req.id} sudah dibatalkan; {message}."
    assert _state_of_everything() == before
    assert services.request(req.id).requested_qty != 99


def test_waiting_request_is_one_core_query(services, lsp):
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    assert services.waiting_request(lsp.id) is None and services.waiting_request(None) is None
    older = services.create_request(now - timedelta(days=3), lsp.id)
    newer = services.create_request(now - timedelta(days=1), lsp.id)
    services.create_request(now, lsp.id)  # in the queue, not waiting
    for req in (older, newer):
        services.transition(req.id, State.WAITING_LSP)
    assert services.waiting_request(lsp.id).id == newer.id
    assert Reception(services).waiting_request_for(lsp).id == newer.id
    services.transition(newer.id, State.CANCELLED, "Permohonan ganda")
    assert services.waiting_request(lsp.id).id == older.id


@pytest.mark.parametrize("state", sorted(State, key=list(State).index))
def test_completion_mail_only_while_the_request_is_checked(services, lsp, tmp_path, state):
    req = services.create_request(__import__("datetime").datetime.now(__import__("datetime").timezone.utc), lsp.id)
    if state is not State.RECEIVED:
        path = {State.WAITING_LSP: [State.WAITING_LSP], State.CANCELLED: [State.CANCELLED]}.get(
            state, [s for s in (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED,
                                State.CLOSED)][:list(State).index(state) - 1])
        for step in path:
            services.storage.write(lambda: services._enter(services.request(req.id), step, "alasan"))
    out = tmp_path / "draft.eml"
    if state in workflow.COMPLETION_ALLOWED:
        completion.write_completion_request(services, req.id, out)
        assert services.request(req.id).state == State.WAITING_LSP
    else:
        with pytest.raises(RuleError) as refused:
            completion.write_completion_request(services, req.id, out)
        assert str(refused.value) == (f"Permohonan #{req.id} berstatus '{workflow.LABELS_ID[state]}': "
                                      "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa.")
        assert not out.exists()


def test_accepting_twice_is_refused_and_reopening_is_audited(services, lsp, tmp_path):
    req, finding, _ = _with_finding(services, lsp, tmp_path)
    with pytest.raises(RuleError, match="belum diterima pada permohonan"):
        checklist.reopen_finding(services, req.id, finding, "Salah terima")
    checklist.accept_finding(services, req.id, finding, "NIK dikonfirmasi LSP lewat telepon")
    with pytest.raises(RuleError) as twice:
        checklist.accept_finding(services, req.id, finding, "Sekali lagi")
    assert str(twice.value) == ("Temuan itu sudah diterima sebelumnya oleh Budi Santoso (officer1) "
                                "(NIK dikonfirmasi LSP lewat telepon).")
    assert Finding.select().where(Finding.accepted == True).count() == 1  # noqa: E712
    with pytest.raises(RuleError, match="Membuka kembali temuan wajib disertai catatan alasan."):
        checklist.reopen_finding(services, req.id, finding, "  ")
    checklist.reopen_finding(services, req.id, finding, "Diterima karena salah baca; NIK memang salah")
    again = next(f for f in checklist.build(services, req.id).findings if f.key == finding.key)
    assert not again.accepted
    event = services.history(req.id)[-1]
    assert event.action == "finding.reopen"
    assert event.before["accepted_note"] == "NIK dikonfirmasi LSP lewat telepon"
    assert event.after["note"] == "Diterima karena salah baca; NIK memang salah"
    checklist.accept_finding(services, req.id, finding, "Dikonfirmasi ulang")  # accepted anew after re-opening
    assert next(f for f in checklist.build(services, req.id).findings if f.key == finding.key).accepted


ACCEPTER = r"""
import sys, time
from pathlib import Path
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import open_storage
from blanko_desktop.core.verification import checklist

target, who, request_id, rounds, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
storage = open_storage(target, create=False)
services = Services(storage, Actor(who, who))
for round_ in range(rounds):
    while not (go.exists() and go.read_text() == str(round_)):
        time.sleep(0.001)
    finding = next(f for f in checklist.build(services, request_id).findings if f.item == "list" and f.severity == "error")
    print("ready", flush=True)
    while not (go.exists() and go.read_text() == f"{round_}!"):
        time.sleep(0.0005)
    try:
        checklist.accept_finding(services, request_id, finding, f"diterima {who}")
        print("ok", flush=True)
    except RuleError:
        print("refused", flush=True)
    sys.stdin.readline()
"""


@pytest.mark.slow
def test_two_officers_accepting_one_finding_at_once_one_succeeds(services, lsp, tmp_path):
    """Both read the checklist with the finding open, then accept at once: the check inside the write
    transaction lets exactly one through, round after round (on a file, or one server database)."""
    req, finding, _ = _with_finding(services, lsp, tmp_path)
    target = services.storage.location
    go = tmp_path / "go"
    rounds = 20
    procs = [subprocess.Popen([sys.executable, "-c", ACCEPTER, target, who, str(req.id), str(rounds), str(go)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("sari", "budi")]
    played = 0
    try:
        for round_ in range(rounds):
            go.write_text(str(round_))
            # both have built the checklist with the finding open before either accepts
            assert [p.stdout.readline().strip() for p in procs] == ["ready", "ready"], round_
            go.write_text(f"{round_}!")
            answers = sorted(p.stdout.readline().strip() for p in procs)
            assert answers == ["ok", "refused"], (round_, answers)
            assert Finding.select().where(Finding.accepted == True).count() == 1  # noqa: E712
            checklist.reopen_finding(services, req.id, finding, f"putaran {round_} selesai")
            for p in procs:
                p.stdin.write("\n")
                p.stdin.flush()
            played += 1
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=30)
    assert played == rounds
    assert [p.returncode for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    accepts = [e for e in services.history(req.id) if e.action == "finding.accept"]
    assert len(accepts) == rounds


@pytest.mark.parametrize("changes, message", [
    ({"requested_qty": -1}, "Jumlah blanko yang diminta harus bilangan bulat 0 sampai 1.000.000 (diisi: -1)."),
    ({"requested_qty": 3_000_000_000},
     "Jumlah blanko yang diminta harus bilangan bulat 0 sampai 1.000.000 (diisi: 3000000000)."),
    ({"competent_qty": 2.5}, "Jumlah peserta kompeten harus bilangan bulat 0 sampai 1.000.000 (diisi: 2.5)."),
    ({"not_yet_qty": True}, "Jumlah peserta belum kompeten harus bilangan bulat 0 sampai 1.000.000 (diisi: True)."),
])
def test_counts_of_a_request_are_whole_numbers_within_reason(services, lsp, changes, message):
    """A count past any real request (typed, or given by a script) is refused by name on both engines, instead of a
    negative count reaching the checklist or the server's 32-bit column answering 'integer out of range'."""
    from datetime import datetime, timezone

    from blanko_desktop.core.errors import RuleError

    req = services.create_request(datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc), lsp_id=lsp.id)
    with pytest.raises(RuleError) as edit:
        services.update_request(req.id, None, **changes)
    assert str(edit.value) == message
    with pytest.raises(RuleError) as create:
        services.create_request(datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc), lsp_id=lsp.id, **changes)
    assert str(create.value) == message
    from blanko_desktop.core.models import Request

    assert services.request(req.id).version == req.version and Request.select().count() == 1
