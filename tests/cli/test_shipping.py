"""`blanko ship ...`, `blanko today` and `blanko report monthly` through the real entry point, on a database
whose requests were approved and issued through core (approval and stock have no commands of their own yet)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo
from pathlib import Path

import pytest

from tests.core.shipping import scans

# papers signed by name need the officer's name: set, as the window's first start sets it
pytestmark = pytest.mark.usefixtures("officer_profile")


def office_day() -> date:
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


@pytest.fixture
def office(cli, new_db):
    """A database with an LSP, an official, stock, and requests #1-#3 issued (5, 3, 4 blanks)."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import open_storage
    from tests.core.shipping.conftest import Desk

    path = new_db()
    storage = open_storage(path)
    try:
        services = Services(storage, Actor("officer1", "Rina Wulandari"))
        lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["sertifikasi@ktr-sertifikasi.id"],
                               address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")
        services.add_lsp("LSP Pariwisata Bali Dwipa", ["admin@lsppbd.id"], address="Jl. Puputan 41", city="Denpasar")
        official = services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian")
        StockLedger(services).receive("KB 0000001 - KB 0000500", "PERURI/2026/118", date.today() - timedelta(days=2))
        desk = Desk(services, lsp.id, official.id)
        for qty in (5, 3, 4):
            desk.issued(qty)
    finally:
        storage.close()
    return path


def test_pack_hand_over_track_notice_receipts_close(cli, office, tmp_path):
    refused = cli("ship", "pack", 1, "--json", db=office, expect=1)
    assert refused.json()["check"]["ok"] is False
    assert "Tanda terima permohonan #1 belum dicetak" in refused.err
    cli("ship", "receipt-pdf", 1, "--out", tmp_path / "tt1.pdf", db=office)
    packed = cli("ship", "pack", 1, "--json", db=office).json()
    assert (packed["status"], packed["quantity"], packed["ranges"]) == ("packed", 5, ["KB 0000001 – KB 0000005"])
    cli("ship", "track", 1, "--resi", "jp 5550 0001", db=office)
    waiting = cli("ship", "pickups", "--json", db=office).json()["pickups"]
    assert [p["request"] for day in waiting for p in day["parcels"]] == [1]
    today = office_day().isoformat()
    handed = cli("ship", "handover", "--pickup", today, "--courier", "Agus (JNE)", "--manifest",
                 tmp_path / "manifest.pdf", "--json", db=office).json()
    assert [p["request"] for p in handed["parcels"]] == [1] and Path(handed["manifest"]).read_bytes()[:5] == b"%PDF-"
    mail = cli("ship", "notice", 1, "--out", tmp_path / "kabar.eml", db=office)
    assert "kabar.eml" in mail.out and b"JP55500001" in (tmp_path / "kabar.eml").read_bytes()
    scan = scans.scanned((tmp_path / "tt1.pdf").read_bytes(), tmp_path)
    (tmp_path / "scan0001.png").write_bytes(scan)
    back = cli("ship", "receipt", tmp_path / "scan0001.png", db=office)
    assert "dikenali dari kode QR" in back.out and "'Terkirim'" in back.out
    (tmp_path / "pod.png").write_bytes(scans.courier_pod("JP55500001", tmp_path))
    closed = cli("ship", "receipt", tmp_path / "pod.png", "--json", db=office).json()["attached"]
    assert (closed[0]["kind"], closed[0]["how"], closed[0]["state"]) == ("courier", "resi", "closed")
    assert cli("check", "--json", db=office).json()["ok"] is True


def test_today_and_the_monthly_report(cli, office, tmp_path):
    cli("ship", "receipt-pdf", 2, "--out", tmp_path / "tt2.pdf", db=office)
    cli("ship", "pack", 2, db=office)
    page = cli("today", "--json", db=office).json()
    assert page["counts"]["pickup_parcels"] == 1 and page["pickup_parcels"][0]["request"] == 2
    text = cli("today", db=office).out
    assert "Kurir berikutnya" in text and "Kepatuhan SLA per bulan" in text
    month = office_day().strftime("%Y-%m")
    report = cli("report", "monthly", "--month", month, "--out", tmp_path / "rekap.xlsx", "--json", db=office).json()
    assert (report["received"], report["issued"]) == (3, 12) and report["audit_head"]["entry"] > 0
    from openpyxl import load_workbook
    assert load_workbook(tmp_path / "rekap.xlsx").sheetnames[0] == "Ringkasan"


def _second_parcel_same_resi(cli, office, tmp_path):
    for rid in (1, 2):
        cli("ship", "receipt-pdf", rid, "--out", tmp_path / f"tt{rid}.pdf", db=office)
        cli("ship", "pack", rid, db=office)
    cli("ship", "track", 1, "--resi", "JP0001", db=office)
    return ("ship", "track", 2, "--resi", "jp0001")


def _scan_of_nothing(cli, office, tmp_path):
    (tmp_path / "kosong.pdf").write_bytes(scans.text_pdf("Terima kasih"))
    return ("ship", "receipt", tmp_path / "kosong.pdf")


def _other_lsps_email(cli, office, tmp_path):
    cli("ship", "receipt-pdf", 1, "--out", tmp_path / "tt1.pdf", db=office)
    cli("ship", "pack", 1, db=office)
    cli("ship", "handover", "--pickup", office_day().isoformat(), "--courier", "Agus", db=office)
    scan = scans.scanned((tmp_path / "tt1.pdf").read_bytes(), tmp_path)
    (tmp_path / "tt.eml").write_bytes(scans.lsp_email("admin@lsppbd.id", ("tt.png", scan)))
    return ("ship", "receipt", tmp_path / "tt.eml")


def _pack_without_receipt(cli, office, tmp_path):
    return ("ship", "pack", 3)


def _handover_nothing(cli, office, tmp_path):
    return ("ship", "handover", "--pickup", office_day().isoformat(), "--courier", "Agus")


@pytest.mark.parametrize("make, message", [
    (_second_parcel_same_resi, "Nomor resi JP0001 sudah dipakai paket #1 (permohonan #1)"),
    (_scan_of_nothing, "tidak ada kode QR atau nomor tanda terima (TT-...) maupun nomor resi yang terbaca"),
    (_other_lsps_email, "tanda terima ini milik LSP Kelistrikan Tenaga Raya (permohonan #1, TT-"),
    (_pack_without_receipt, "Tanda terima permohonan #3 belum dicetak"),
    (_handover_nothing, "Tidak ada paket yang menunggu kurir"),
])
def test_refusals(cli, office, tmp_path, make, message):
    args = make(cli, office, tmp_path)
    result = cli(*args, db=office, expect=1)
    assert message in result.err


def test_a_process_run_and_usage_errors(cli_process, office, tmp_path):
    bad = cli_process("report", "monthly", "--month", "2026-13", "--out", tmp_path / "x.xlsx", db=office, expect=1)
    assert "Bulan '2026-13' tidak valid" in bad.err
    assert cli_process("ship", "track", "abc", "--resi", "X", db=office, expect=2).rc == 2
    listing = cli_process("ship", "list", "--json", db=office).json()
    assert listing == {"parcels": []}
