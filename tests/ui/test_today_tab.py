"""Hari ini: the first tab; its figures come from the core's day page and a double-click opens the request."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State
from tests.core.shipping.conftest import Desk


def test_the_day_at_a_glance(window, qtbot, services):
    lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["sertifikasi@ktr-sertifikasi.id"],
                           address="Jl. Ahmad Yani No. 45", city="Surabaya")
    official = services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian")
    StockLedger(services).receive("KB 0000001 - KB 0000100", "PERURI/1", date.today() - timedelta(days=1))
    desk = Desk(services, lsp.id, official.id)
    late = services.create_request(datetime.now(timezone.utc) - timedelta(days=9), lsp.id).id
    waiting = services.create_request(datetime.now(timezone.utc) - timedelta(days=1), lsp.id).id
    services.transition(waiting, State.WAITING_LSP)
    packed = desk.packed(4)
    tab = window.today_tab
    assert window.tabs.widget(0) is tab and window.tab_titles()[0] == "Hari ini"
    tab.refresh()
    tab.wait()
    qtbot.waitUntil(lambda: tab.page is not None and tab.page.counts["overdue"] == 1, timeout=10000)
    assert tab.tiles["overdue"].text().startswith("1\n")
    assert tab.tiles["pickup_parcels"].text().startswith("1\n")
    assert tab.tiles["waiting_lsp"].text().startswith("1\n")
    assert "Kepatuhan SLA" in tab.sla.text()
    overdue = tab.sections["overdue"].child(0)
    assert overdue.text(0) == f"#{late}"
    tab.tree.itemActivated.emit(overdue, 0)
    assert window.tabs.currentWidget() is window.requests_tab
    parcel_row = tab.sections["pickup_parcels"].child(0)
    tab.tree.itemActivated.emit(parcel_row, 0)
    assert window.tabs.currentWidget() is window.shipping_tab
    window.shipping_tab.wait()
    assert packed > 0
