"""The officer's day, SLA compliance rebuilt from the audited clock, the notice e-mail, and the monthly workbook
read back and compared with the database."""

from __future__ import annotations

import email
import email.policy
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from blanko_desktop.core import clock, integrity, shipping
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Document, PrintedForm, StockMovement
from blanko_desktop.core.shipping import notice, receipts, reports
from blanko_desktop.core.shipping import today as day_page
from blanko_desktop.core.workflow import State
from tests.core.shipping import scans
from tests.core.shipping.conftest import today

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def at():
    """Run steps at a given office time (the one clock of core/clock.py), back to the real clock after."""
    @contextmanager
    def moment(*args):
        when = datetime(*args, tzinfo=WIB)
        clock.set_source(lambda: when.astimezone(timezone.utc))
        try:
            yield when
        finally:
            clock.set_source(None)
    return moment


def test_notice_email_with_count_serials_and_tracking_number(services, desk, tmp_path):
    rid = desk.packed(3)
    with pytest.raises(RuleError, match="belum diserahkan ke kurir"):
        notice.write_notice(services, rid, tmp_path / "n.eml")
    shipping.handover(services, today(services), "Agus (JNE)")
    with pytest.raises(RuleError, match="Nomor resi paket permohonan #1 belum dicatat"):
        notice.write_notice(services, rid, tmp_path / "n.eml")
    shipping.set_tracking(services, rid, "JP3030")
    out = notice.write_notice(services, rid, tmp_path / "n.eml")
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    body = msg.get_content()
    number = shipping.current_parcel(rid).receipt_number
    assert msg["To"] == "sertifikasi@ktr-sertifikasi.id" and msg["X-Unsent"] == "1"
    assert "3 (tiga) lembar" in body and "KB 0000001 – KB 0000003" in body and "JP3030" in body
    assert f"menyebut nomor {number}" in body and "Agus (JNE)" in body
    doc = Document.get(Document.kind == "notice")
    assert services.storage.files.read(doc.sha256) == out.read_bytes()
    assert services.storage.check().ok


def test_the_day_lists_what_needs_the_officer(services, desk, at):
    now = datetime.now(timezone.utc)
    overdue = services.create_request(now - timedelta(days=10), desk.lsp_id).id
    waiting = desk.verified()
    completion_out = services.transition(waiting, State.WAITING_LSP)
    packed = desk.packed()
    shipped = desk.shipped(tracking="JP0001")
    shipping.mark_delivered(services, shipped)
    page = day_page.today(services, now)
    assert [i.request_id for i in page.overdue] == [overdue]
    assert [(i.request_id, i.since is not None) for i in page.waiting_lsp] == [(waiting, True)]
    assert [p.request_id for p in page.pickup_parcels] == [packed]
    assert page.next_pickup == shipping.next_pickup_day(services)
    assert page.counts["overdue"] == 1 and page.receipts_missing == []  # delivered today: not yet missing
    later = now + timedelta(days=14)
    missing = day_page.today(services, later).receipts_missing
    assert [(m.parcel.request_id, m.missing, m.delivered) for m in missing] == [(shipped, ("courier", "lsp"), True)]
    assert missing[0].working_days >= 5
    services.set_setting("receipt_reminder_days", 30)
    assert day_page.today(services, later).receipts_missing == []
    assert completion_out.state == State.WAITING_LSP


def test_requests_due_at_one_instant_are_listed_by_number(services, desk):
    """Ties in the day's lists come by request number on both engines (the server otherwise returns them as it
    happens to read them: an edited row moves to the end of its table)."""
    now = datetime.now(timezone.utc)
    received = now - timedelta(days=10)
    ids = [services.create_request(received, desk.lsp_id).id for _ in range(5)]
    for rid in reversed(ids):
        services.update_request(rid, None, letter_number=f"{rid}/LSP/XI/2026")
    assert [i.request_id for i in day_page.today(services, now).overdue] == ids


def test_sla_compliance_per_month_from_the_audited_clock(services, desk, at, tmp_path):
    def request(*received):
        when = datetime(*received, tzinfo=WIB)
        with at(*received):
            rid = services.create_request(when.astimezone(timezone.utc), desk.lsp_id, sender="a@b.id").id
        return rid

    a = request(2026, 10, 5, 9, 0)           # packed the same day: in time
    with at(2026, 10, 5, 10, 0):
        services._write(lambda: services._enter(services.request(a), State.VERIFIED, competent_qty=2))
        from blanko_desktop.core import approval
        approval.approve(services, a, desk.official_id)
        desk.ledger.issue(a)
        desk.receipt(a)
    with at(2026, 10, 5, 14, 0):
        shipping.pack(services, a)
    b = request(2026, 10, 6, 9, 0)           # asked to complete two days later: late by 8 working hours
    with at(2026, 10, 8, 9, 0):
        services.transition(b, State.WAITING_LSP)
    c = request(2026, 10, 7, 10, 0)          # asked within the hour: in time ...
    with at(2026, 10, 7, 11, 0):
        services.transition(c, State.WAITING_LSP)
    with at(2026, 11, 2, 9, 0):              # ... completed in November: a new run, still running
        services.transition(c, State.RECEIVED, at=datetime(2026, 11, 2, 9, 0, tzinfo=WIB).astimezone(timezone.utc))
    d = request(2026, 10, 9, 9, 0)           # cancelled: not counted
    with at(2026, 10, 9, 9, 30):
        services.transition(d, State.CANCELLED, "permohonan ganda")
    now = datetime(2026, 11, 2, 12, 0, tzinfo=WIB)
    october, november = day_page.sla_by_month(services, ["2026-10", "2026-11"], now)
    assert (october.in_time, october.late, october.pending, october.share) == (2, 1, 0, 2 / 3)
    assert (november.in_time, november.late, november.pending) == (0, 0, 1)
    later = datetime(2026, 11, 4, 12, 0, tzinfo=WIB)  # c's new clock ran out on 3 November
    assert day_page.sla_by_month(services, ["2026-11"], later)[0].late == 1

    path, report = reports.write(services, "2026-10", tmp_path / "rekap.xlsx", now=now)
    assert [(r.request_id, r.late_hours) for r in report.late] == [(b, 8.0)]
    from openpyxl import load_workbook
    book = load_workbook(path)
    late = book["Terlambat"]
    assert [c.value for c in late[2]][:2] == [b, "LSP Kelistrikan Tenaga Raya"] and late["F2"].value == 8.0
    assert late["F2"].number_format == "#,##0.0" and late.freeze_panes == "A2"
    sla = {row[0].value: row for row in book["SLA"].iter_rows(min_row=2)}
    assert sla["2026-10"][4].value == pytest.approx(2 / 3) and sla["2026-10"][4].number_format == "0.0%"


def test_the_monthly_workbook_matches_the_database(services, desk, tmp_path):
    a = desk.shipped(5, tracking="JP-A")
    desk.shipped(3, tracking="JP-B")
    c = desk.issued(4)
    desk.ledger.cancel_issue(c, "salah hitung")
    desk.ledger.spoil("KB 0000490 - KB 0000491", "uji cetak")
    scan = scans.scanned(services.storage.files.read(PrintedForm.get(PrintedForm.request == a).sha256), tmp_path)
    receipts.commit(services, receipts.prepare(services, [("tt.png", scan)]))
    month = today(services).strftime("%Y-%m")
    path, report = reports.write(services, month, tmp_path / "rekap.xlsx")

    from openpyxl import load_workbook
    book = load_workbook(path)
    assert book.sheetnames == ["Ringkasan", "Status permohonan", "Blanko per LSP", "Stok", "SLA", "Terlambat"]
    summary = {row[0].value: row[1].value for row in book["Ringkasan"].iter_rows(min_row=3) if row[0].value}
    head = integrity.head(services.storage)
    assert summary["Jejak audit: hash entri terakhir"] == report.head["hash"]
    assert summary["Jejak audit: entri terakhir"] <= head.entry
    assert summary["Permohonan diterima"] == 3 and summary["Blanko dikeluarkan (bersih)"] == 8
    states = {row[1].value: row[2].value for row in book["Status permohonan"].iter_rows(min_row=2) if row[1].value}
    assert (states["shipped"], states["delivered"], states["approved"]) == (1, 1, 1)
    issued = [(r[0].value, r[2].value) for r in book["Blanko per LSP"].iter_rows(min_row=2)]
    net = sum(m.quantity if m.kind == "issue" else -m.quantity for m in StockMovement.select().where(
        (StockMovement.kind == "issue") | ((StockMovement.kind == "reversal") & (StockMovement.from_place == "issued"))))
    assert issued == [("LSP Kelistrikan Tenaga Raya", 8), ("Jumlah", net)]
    stock = {row[1].value: row[2].value for row in book["Stok"].iter_rows(min_row=2)
             if str(row[0].value).startswith("Saldo akhir")}
    balance = desk.ledger.balance()
    assert stock == {"available": balance.available, "issued": balance.issued, "spoiled": balance.spoiled,
                     "returned": 0, "missing": 0}
    moved = {row[1].value: row[2].value for row in book["Stok"].iter_rows(min_row=2)
             if not str(row[0].value).startswith("Saldo")}
    assert (moved["receive"], moved["issue"], moved["reversal"], moved["spoil"]) == (500, 12, 4, 2)
    sheet = book["Blanko per LSP"]
    assert sheet.column_dimensions["A"].width == 44 and sheet.freeze_panes == "A2"
    assert sheet["C2"].number_format == "#,##0"


def test_month_text(services):
    assert reports.parse_month("11/2026") == "2026-11"
    with pytest.raises(RuleError, match="Bulan '2026-13' tidak valid"):
        reports.parse_month("2026-13")
