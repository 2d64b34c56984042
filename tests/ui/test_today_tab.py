"""Hari ini: the first tab; its figures come from the core's day page and a double-click opens the request."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State
from tests.core.shipping.conftest import Desk
from tests.ui.fit import SMALLEST_SCREEN, WINDOW_FRAME, at_smallest_screen


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


def test_the_tiles_fit_the_smallest_screen(window, qtbot):
    """At 1024×768 the tiles cut their titles ("…ket untuk kurir 30 Nov 20", "…nda terima belum kemba…")."""
    tab = window.today_tab
    window.tabs.setCurrentWidget(tab)
    tab.wait()
    qtbot.waitUntil(lambda: tab.page is not None)
    at_smallest_screen(window, qtbot)
    assert tab.minimumSizeHint().width() <= tab.width() <= SMALLEST_SCREEN - WINDOW_FRAME
    for key, tile in tab.tiles.items():
        label = tile.label
        # every word fits the tile's width, and the wrapped lines fit its height
        words = label.text().split()
        assert max(label.fontMetrics().horizontalAdvance(w) for w in words) <= label.width(), key
        assert label.heightForWidth(label.width()) <= label.height(), key
    size = tab.tiles["overdue"].font().pointSizeF()
    tab.refresh()
    tab.wait()
    qtbot.wait(50)
    assert tab.tiles["overdue"].font().pointSizeF() == size  # it grew by 15 % at each reload
