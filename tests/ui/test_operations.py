"""One operations mechanism: work off the GUI thread, plain results back on it, and what changed announced."""

from __future__ import annotations

import threading

import pytest

from blanko_desktop.core.errors import RuleError
from blanko_desktop.ui import operations
from blanko_desktop.ui.operations import Changes, Op
from tests.ui.conftest import ago


def test_a_query_runs_off_the_gui_thread_and_closes_its_connection(session, qtbot, monkeypatch):
    storage = session.storage
    closed_in: list[str] = []
    real_close = storage.db.close
    monkeypatch.setattr(storage.db, "close", lambda: (closed_in.append(threading.current_thread().name),
                                                      real_close())[1])

    def work():
        views = session.services.lsp_views()  # opens this thread's own connection
        return threading.current_thread().name, views

    got = []
    op = operations.query(storage, work, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    op.wait(5)
    (thread, views), = got
    assert thread == "blanko-op" and thread != threading.main_thread().name
    assert views == []
    assert closed_in == ["blanko-op"]


def test_a_failure_arrives_as_the_exception(session, qtbot):
    def refused():
        raise RuleError("Permohonan #9 tidak ditemukan.")

    op = Op(refused, session.storage)
    with qtbot.waitSignal(op.failed, timeout=5000) as blocker:
        op.start()
    assert isinstance(blocker.args[0], RuleError) and str(blocker.args[0]) == "Permohonan #9 tidak ditemukan."


@pytest.mark.parametrize("changes, touches", [
    (Changes.of_request(7), {7}),
    (Changes(lsps=True), set()),
    (Changes(calendar=True), {7, 8}),
    (Changes.everything(), {7, 8}),
])
def test_changes_say_which_requests_they_touch(changes, touches):
    assert {i for i in (7, 8) if changes.touches(i)} == touches
    assert not changes.touches(None)


def test_changes_combine():
    both = Changes.of_request(3) | Changes(lsps=True)
    assert both == Changes(request_ids=frozenset({3}), requests=True, lsps=True)


def test_perform_announces_what_the_caller_says_changed(session, lsps, qtbot):
    with qtbot.waitSignal(session.changes, timeout=1000) as blocker:
        session.perform(None, lambda: session.services.create_request(ago(hours=1), lsps[0].id), Changes(requests=True))
    assert blocker.args == [Changes(requests=True)]
    with qtbot.waitSignal(session.changes, timeout=1000) as blocker:
        session.perform(None, lambda: True)
    assert blocker.args == [Changes.everything()]


def test_the_lsp_filter_reloads_on_lsp_changes_only(window, lsps, monkeypatch):
    tab = window.requests_tab
    fills = []
    real = tab._fill_lsp_combo
    monkeypatch.setattr(tab, "_fill_lsp_combo", lambda: (fills.append(1), real())[1])
    window.session.announce(Changes.of_request(1))
    assert fills == []
    window.session.services.add_lsp("LSP Baru", ["baru.example"])
    window.session.announce(Changes(lsps=True))
    assert fills == [1]
    assert "LSP Baru" in [tab.lsp_combo.itemText(i) for i in range(tab.lsp_combo.count())]
