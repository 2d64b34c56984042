"""Courier pickups (the schedule, the hand-over with its manifest), tracking numbers (one number, one parcel),
delivery, and the next step for a parcel that came back or was lost."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from peewee import IntegrityError

from blanko_desktop.core import shipping
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import CourierPickup, Parcel
from blanko_desktop.core.shipping import pickups
from blanko_desktop.core.workflow import State
from tests.core.forms.pdftools import pdf_text
from tests.core.shipping.conftest import today


def test_schedule_skips_non_working_days(services):
    services.add_closure(date(2026, 12, 2), "closure", "Kantor tutup")  # a Wednesday
    days = [p.day for p in pickups.schedule(services, date(2026, 11, 30), 4)]
    assert days == [date(2026, 11, 30), date(2026, 12, 4), date(2026, 12, 7), date(2026, 12, 9)]
    assert {p.weekday for p in pickups.schedule(services, date(2026, 11, 30), 3)} == {"Senin", "Jumat"}


def test_waiting_parcels_go_with_the_next_open_pickup_then_hand_over(services, desk):
    a, b = desk.packed(3), desk.packed(4)
    shipping.set_tracking(services, a, " jp 111 222 333 ")
    first = next(p for p in pickups.schedule(services) if p.parcels)
    assert first.day == pickups.next_pickup_day(services)
    assert [p.request_id for p in first.parcels] == [a, b]
    manifest = pdf_text(pickups.manifest_pdf(services, today(services), "Agus (JNE)"))[0]
    assert "JP111222333" in manifest and "LSP Kelistrikan Tenaga Raya" in manifest
    pickup = shipping.handover(services, today(services), "Agus (JNE)")
    assert services.storage.files.read(pickup.manifest_sha256).startswith(b"%PDF-")
    for rid in (a, b):
        assert services.request(rid).state == State.SHIPPED
        assert shipping.current_parcel(rid).status == "shipped"
    assert pickups.next_pickup_day(services) > today(services)  # today's pickup is done
    later = desk.packed(2)
    assert [p.request_id for p in pickups.waiting_parcels(services)] == [later]
    extra = shipping.handover(services, today(services), "Budi (JNE)")  # the courier came again
    assert [p.request_id for p in shipping.parcel_views(services, Parcel.pickup == extra.id)] == [later]
    with pytest.raises(RuleError, match="Tidak ada paket yang menunggu kurir"):
        shipping.handover(services, today(services), "Budi (JNE)")
    assert services.storage.check().ok


def test_the_manifest_of_a_day_is_what_the_schedule_shows_that_day(services, desk):
    """`blanko form manifest --pickup DAY` and the Persetujuan & Cetak tab print what the Pengiriman tab shows for
    that day (they listed approved requests the courier could not take: not packed)."""
    from blanko_desktop.core.approval import paperwork

    packed, approved_only = desk.packed(4), desk.approved(3)
    day = pickups.next_pickup_day(services)
    shown = next(p for p in pickups.schedule(services, day, 1))
    number = shipping.current_parcel(packed).receipt_number
    data = pickups.day_manifest_data(services, day)
    assert [p.reference for p in data.parcels] == [number] and [p.request_id for p in shown.parcels] == [packed]
    assert data.parcels[0].quantity == 4 and data.parcels[0].city == "Surabaya" and approved_only != packed
    paper = paperwork.render_form(services, "manifest", pickup=day)
    assert paper.file_name == f"manifest-kurir-{day.isoformat()}.pdf" and paper.request_id is None
    # handed over today (twice: the courier came again): that day's manifest is what both trips took
    shipping.handover(services, today(services), "Agus (JNE)")
    later = desk.packed(2)
    shipping.handover(services, today(services), "Budi (JNE)")
    again = pickups.day_manifest_data(services, today(services))
    assert [p.quantity for p in again.parcels] == [4, 2] and again.courier == "Agus (JNE), Budi (JNE)"
    assert later != packed


@pytest.mark.parametrize("day, message", [
    (date(2026, 11, 24), "Selasa, 24 November 2026 bukan hari penjemputan kurir; penjemputan berikutnya Rabu, "
                         "25 November 2026."),
    (date(2026, 11, 20), "Tidak ada paket untuk penjemputan kurir Jumat, 20 November 2026: belum ada permohonan "
                         "yang dikemas untuk hari itu."),
])
def test_manifest_refusals(services, desk, day, message):
    desk.approved()  # approved, not packed: nothing the courier could take
    with pytest.raises(RuleError) as info:
        pickups.day_manifest_data(services, day)
    assert str(info.value) == message


@pytest.mark.parametrize("courier, at, message", [
    ("  ", None, "Nama kurir wajib diisi"),
    ("Agus", timedelta(days=2), "ada di masa depan"),
    ("Agus", -timedelta(days=3), "tidak pada tanggal penjemputan"),
])
def test_handover_refusals(services, desk, courier, at, message):
    desk.packed()
    when = None if at is None else datetime.now(timezone.utc) + at
    with pytest.raises(RuleError, match=message):
        shipping.handover(services, today(services), courier, at=when)
    assert CourierPickup.select().count() == 0


def test_handover_with_nothing_waiting(services, desk):
    with pytest.raises(RuleError, match="Tidak ada paket yang menunggu kurir"):
        shipping.handover(services, today(services), "Agus")


def test_one_tracking_number_one_parcel(services, desk):
    a, b = desk.packed(), desk.packed()
    shipping.set_tracking(services, a, "JP-0001")
    with pytest.raises(RuleError, match=re.escape(f"Nomor resi JP-0001 sudah dipakai paket #1 (permohonan #{a})")):
        shipping.set_tracking(services, b, "jp-0001")
    assert shipping.current_parcel(b).tracking_no == ""
    # the database itself refuses a second parcel with the number, whatever program writes
    with pytest.raises(IntegrityError):
        Parcel.update(tracking_no="JP-0001").where(Parcel.id == shipping.current_parcel(b).id).execute()


def test_the_unique_key_refuses_what_the_check_did_not_see(services, desk, monkeypatch):
    """With the check before the write silenced, the key refuses and the officer reads who holds the number
    (on the server the refused row aborts the transaction: the message is read after a savepoint)."""
    from blanko_desktop.core.shipping import tracking

    a, b = desk.packed(), desk.packed()
    shipping.set_tracking(services, a, "JP-0002")
    monkeypatch.setattr(tracking, "_holder", lambda number, parcel_id: None)
    with pytest.raises(RuleError, match=re.escape(f"Nomor resi JP-0002 sudah dipakai paket #1 (permohonan #{a})")):
        shipping.set_tracking(services, b, "JP-0002")
    assert (shipping.current_parcel(b).tracking_no, shipping.current_parcel(b).version) == ("", 1)


@pytest.mark.parametrize("typed, message", [
    ("", "Nomor resi kosong"),
    ("AB", "tidak valid"),
    ("JP#12345", "tidak valid"),
])
def test_tracking_number_refused(services, desk, typed, message):
    rid = desk.packed()
    with pytest.raises(RuleError, match=message):
        shipping.set_tracking(services, rid, typed)


def test_tracking_needs_a_parcel(services, desk):
    rid = desk.approved()
    with pytest.raises(RuleError, match=f"Permohonan #{rid} \\(Disetujui\\) belum dikemas"):
        shipping.set_tracking(services, rid, "JP12345")


def test_delivered_with_its_date(services, desk):
    rid = desk.shipped(tracking="JP777")
    with pytest.raises(RuleError, match="ada di masa depan"):
        shipping.mark_delivered(services, rid, today(services) + timedelta(days=1))
    with pytest.raises(RuleError, match="sebelum paket diserahkan ke kurir"):
        shipping.mark_delivered(services, rid, today(services) - timedelta(days=1))
    parcel = shipping.mark_delivered(services, rid)
    assert (parcel.status, parcel.delivered_on) == ("delivered", today(services))
    assert services.request(rid).state == State.DELIVERED


def test_a_returned_parcel_is_sent_again_with_the_same_serials(services, desk):
    rid = desk.shipped(tracking="JP900")
    serials = desk.ledger.request_ranges(rid)
    with pytest.raises(RuleError, match="Keterangan wajib diisi"):
        shipping.report_problem(services, rid, "returned", " ")
    shipping.report_problem(services, rid, "returned", "Alamat tidak ditemukan kurir")
    new = shipping.resend(services, rid)
    old = Parcel.get_by_id(new.replaces_id)
    assert (old.status, old.resolution, new.status) == ("returned", "resent", "packed")
    assert (new.receipt_number, new.address, new.tracking_no) == (old.receipt_number, old.address, "")
    assert services.request(rid).state == State.PACKED
    assert desk.ledger.request_ranges(rid) == serials
    shipping.set_tracking(services, rid, "JP901")  # a new number for the new trip
    with pytest.raises(RuleError, match="hanya untuk paket yang kembali atau hilang"):
        shipping.resend(services, rid)
    assert services.storage.check().ok


def test_a_lost_parcel_reverses_the_issue_and_writes_the_sheets_off(services, desk):
    rid = desk.shipped(4, tracking="JP404")
    before = desk.ledger.balance()
    shipping.report_problem(services, rid, "lost", "Kurir menyatakan paket hilang")
    with pytest.raises(RuleError, match="blankonya tidak ada di kantor"):
        shipping.resend(services, rid)
    shipping.reverse(services, rid, "Berita acara kehilangan dari kurir")
    after = desk.ledger.balance()
    assert (after.issued, after.spoiled, after.available) == (before.issued - 4, before.spoiled + 4, before.available)
    assert services.request(rid).state == State.APPROVED
    assert desk.ledger.verify() == [] and services.storage.check().ok
    desk.ledger.issue(rid)  # issued and packed anew, with other serials
    desk.receipt(rid)
    assert shipping.pack(services, rid).id != shipping.current_parcel(rid).replaces_id


def test_a_returned_parcel_reversed_puts_the_sheets_back(services, desk):
    rid = desk.shipped(4, tracking="JP405")
    available = desk.ledger.balance().available
    shipping.report_problem(services, rid, "returned", "LSP menolak paket (pindah alamat)")
    shipping.reverse(services, rid, "LSP meminta dikirim ke alamat baru setelah diperbarui")
    assert desk.ledger.balance().available == available + 4
    assert services.request(rid).state == State.APPROVED


def test_problems_only_for_parcels_on_the_road(services, desk):
    rid = desk.packed()
    with pytest.raises(RuleError, match="hanya paket yang sedang dikirim"):
        shipping.report_problem(services, rid, "lost", "hilang")
