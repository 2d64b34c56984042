"""The Pengiriman tab as the officer uses it: the packing check, receipt saved as PDF (no printer), packed, the
courier's hand-over, the tracking number scanned, returned receipts dropped (and one picked by hand)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from blanko_desktop.core import shipping
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State
from tests.core.shipping import scans
from tests.core.shipping.conftest import Desk
from tests.ui.drops import drop_on, file_mime
from tests.ui.fit import LONG_LSP, SMALLEST_SCREEN, WINDOW_FRAME, at_smallest_screen, lsp_column_readable


@pytest.fixture
def desk(services):
    lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["sertifikasi@ktr-sertifikasi.id"],
                           address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")
    official = services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian")
    StockLedger(services).receive("KB 0000001 - KB 0000500", "PERURI/2026/118", date.today() - timedelta(days=2))
    return Desk(services, lsp.id, official.id)


@pytest.fixture
def no_printer(monkeypatch, tmp_path):
    """No printer on this workstation: forms are saved as PDF where the officer says."""
    from PySide6.QtWidgets import QFileDialog

    from blanko_desktop.ui.tabs.shipping import shipping_tab

    saved = []
    monkeypatch.setattr(shipping_tab, "printer_names", lambda: [])

    def save(parent, title, suggested, filters):
        path = tmp_path / "cetak" / suggested.rsplit("/", 1)[-1]
        path.parent.mkdir(exist_ok=True)
        saved.append(path)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return saved


def settle(tab, qtbot, until=None):
    tab.wait()
    qtbot.wait(30)
    tab.wait()
    if until is not None:
        qtbot.waitUntil(until, timeout=10000)


def test_pack_hand_over_track_and_receipts_back(window, qtbot, services, desk, no_printer, monkeypatch, tmp_path):
    rid = desk.issued(5)
    tab = window.shipping_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    settle(tab, qtbot, lambda: bool(tab.rows))
    assert tab.select(rid, "request")
    settle(tab, qtbot, lambda: tab.check is not None and tab.check.request_id == rid)
    assert not tab.pack_button.isEnabled()
    assert "belum dicetak" in tab.check_list.text()
    qtbot.mouseClick(tab.receipt_button, Qt.MouseButton.LeftButton)
    settle(tab, qtbot, lambda: tab.pack_button.isEnabled())
    assert no_printer[0].read_bytes().startswith(b"%PDF-")
    qtbot.mouseClick(tab.pack_button, Qt.MouseButton.LeftButton)
    assert services.request(rid).state == State.PACKED
    settle(tab, qtbot, lambda: tab.stack.currentIndex() == 2)
    qtbot.keyClicks(tab.tracking_input, "jp5550009")
    qtbot.keyClick(tab.tracking_input, Qt.Key.Key_Return)
    assert shipping.current_parcel(rid).tracking_no == "JP5550009"
    tab.courier_input.clear()
    qtbot.keyClicks(tab.courier_input, "Agus (JNE)")
    settle(tab, qtbot, lambda: tab.handover_button.isEnabled())
    qtbot.mouseClick(tab.handover_button, Qt.MouseButton.LeftButton)
    assert services.request(rid).state == State.SHIPPED
    assert shipping.current_parcel(rid).pickup.courier == "Agus (JNE)"

    receipt = no_printer[0].read_bytes()
    scan = tmp_path / "scan0001.png"
    scan.write_bytes(scans.scanned(receipt, tmp_path))
    drop_on(tab, file_mime([scan]))
    qtbot.waitUntil(lambda: services.request(rid).state == State.DELIVERED, timeout=15000)
    pod = tmp_path / "foto-bukti.png"
    pod.write_bytes(scans.png(__import__("PIL.Image", fromlist=["Image"]).new("L", (400, 300), 255)))
    asked = []

    def pick(name, problem, parcels):
        asked.append((name, [p.request_id for p in parcels]))
        return parcels[0].id, "courier"

    monkeypatch.setattr(tab, "ask_parcel", pick)
    drop_on(tab, file_mime([pod]))
    qtbot.waitUntil(lambda: services.request(rid).state == State.CLOSED, timeout=15000)
    assert asked == [("foto-bukti.png", [rid])]
    assert services.storage.check().ok


def test_a_returned_parcel_sent_again(window, qtbot, services, desk, monkeypatch):
    rid = desk.shipped(tracking="JP7770001")
    tab = window.shipping_tab
    tab.refresh()
    settle(tab, qtbot, lambda: bool(tab.rows))
    assert tab.select(rid, "parcel")
    settle(tab, qtbot, lambda: tab.parcel is not None and tab.returned_button.isEnabled())
    monkeypatch.setattr(tab, "ask_text", lambda title, label: "Alamat tidak ditemukan")
    qtbot.mouseClick(tab.returned_button, Qt.MouseButton.LeftButton)
    settle(tab, qtbot, lambda: tab.resend_button.isEnabled())
    qtbot.mouseClick(tab.resend_button, Qt.MouseButton.LeftButton)
    assert services.request(rid).state == State.PACKED
    assert shipping.current_parcel(rid).replaces_id is not None


def test_a_refusal_is_shown_as_the_core_words_it(window, qtbot, services, desk, officer):
    a, b = desk.packed(), desk.packed()
    shipping.set_tracking(services, a, "JP0000001")
    tab = window.shipping_tab
    tab.refresh()
    settle(tab, qtbot, lambda: bool(tab.rows))
    tab.select(b, "parcel")
    settle(tab, qtbot, lambda: tab.stack.currentIndex() == 2)
    qtbot.keyClicks(tab.tracking_input, "JP0000001")
    qtbot.keyClick(tab.tracking_input, Qt.Key.Key_Return)
    assert officer.error_texts == [f"Nomor resi JP0000001 sudah dipakai paket #1 (permohonan #{a}); satu nomor resi "
                                   "hanya untuk satu paket. Periksa kembali nomor yang diketik atau dipindai."]


def test_the_tab_fits_the_smallest_screen(window, qtbot, services, desk):
    """At 1024×768 the LSP column shrank to "L…" beside a status written out whole."""
    lsp = services.add_lsp(LONG_LSP, ["a@informatika.id"], address="Jl. Veteran 8", city="Malang")
    desk.issued(5, lsp_id=lsp.id)
    desk.shipped(8, tracking="JP6056490559", lsp_id=lsp.id)
    tab = window.shipping_tab
    window.tabs.setCurrentWidget(tab)
    at_smallest_screen(window, qtbot)
    tab.filter.setCurrentIndex(tab.filter.findData("all"))
    tab.refresh()
    settle(tab, qtbot, lambda: len(tab.rows) == 2)
    assert tab.minimumSizeHint().width() <= tab.width() <= SMALLEST_SCREEN - WINDOW_FRAME
    assert lsp_column_readable(tab.table, 1), tab.table.columnWidth(1)
    assert not tab.table.horizontalScrollBar().isVisible()
    # the status gave way (it elides) before the name did
    status = max(tab.table.item(r, 3).text() for r in range(2))
    metrics = tab.table.fontMetrics()
    whole_name = tab.table.columnWidth(1) >= metrics.horizontalAdvance(LONG_LSP) + 8
    status_cut = tab.table.columnWidth(3) < metrics.horizontalAdvance(status) + 8
    assert whole_name or status_cut, (tab.table.columnWidth(1), tab.table.columnWidth(3))
