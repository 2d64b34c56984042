"""Bantuan → Panduan petugas (F1): the guide in the window's language, its pictures and the screenshots it links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from blanko_desktop.ui.dialogs import help as help_dialog
from blanko_desktop.ui.dialogs.help import GuideWindow


def headings(guide: GuideWindow) -> list[str]:
    """The headings as the window shows them (the markdown's ## and ###, formatted as headings)."""
    found, block = [], guide.browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append(block.text())
        block = block.next()
    return found


def pictures(guide: GuideWindow) -> dict[str, float]:
    """Each picture of the guide and the width it is shown at."""
    found, block = {}, guide.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found[fmt.toImageFormat().name()] = fmt.toImageFormat().width()
            it += 1
        block = block.next()
    return found


def press_f1(qtbot, window) -> GuideWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = GuideWindow._open
    assert guide is not None and guide.parent() is window
    qtbot.waitExposed(guide)
    return guide


def test_f1_shows_the_indonesian_guide_in_the_indonesian_window(window, qtbot):
    guide = press_f1(qtbot, window)

    assert guide.windowTitle() == "Panduan petugas"
    shown = headings(guide)
    assert shown[:2] == ["Panduan petugas", "Mulai pertama kali"]
    assert {"Verifikasi (pemeriksaan kelengkapan)", "Stok Blanko", "Pintasan papan ketik"} <= set(shown)
    assert "First start" not in guide.text() and "Officer's guide" not in shown
    # the menu names it teaches are the window's own
    assert "Berkas → Impor berkas…" in guide.text() and window.action_import.text().replace("&", "") == "Impor berkas…"


def test_f1_shows_the_english_guide_in_the_english_window(qapp, qtbot, session):
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.main_window import MainWindow

    i18n.install(qapp, "en")
    try:
        win = MainWindow(session)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        guide = press_f1(qtbot, win)

        assert guide.windowTitle() == "Officer's guide"
        shown = headings(guide)
        assert shown[:2] == ["Officer's guide", "First start"]
        assert "Keyboard" in shown and "Pintasan papan ketik" not in shown
        assert "Mulai pertama kali" not in guide.text()
    finally:
        i18n.install(qapp, "id")


def test_the_same_window_comes_back_until_the_language_changes(qapp, window, monkeypatch):
    first = GuideWindow.show_for(window)
    assert GuideWindow.show_for(window) is first
    monkeypatch.setattr(help_dialog, "window_language", lambda: "en")
    second = GuideWindow.show_for(window)
    assert second is not first and headings(second)[0] == "Officer's guide"


def test_a_missing_guide_is_said_in_the_windows_language(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(help_dialog, "guide_dir", lambda: tmp_path)
    guide = GuideWindow()
    qtbot.addWidget(guide)
    assert guide.text() == f"Panduan tidak ada di instalasi ini ({tmp_path / 'panduan.md'})."


def test_the_pictures_fit_the_text_and_are_never_blown_up(qtbot):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.resize(760, 640)
    guide.show()
    qtbot.waitExposed(guide)
    room = guide.browser.viewport().width()
    narrow = pictures(guide)
    import re

    source = help_dialog.guide_file(guide.language).read_text(encoding="utf-8")
    shown = set(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source))
    assert set(narrow) == shown and len(shown) >= 17  # every picture the guide shows (the linked ones open apart)
    assert all(0 < width <= room for width in narrow.values())
    assert narrow["server-dialog.png"] == 553  # a small dialog at its own size, not stretched to the text
    assert narrow["verifikasi-1366.png"] > 553

    guide.resize(1400, 800)  # maximised: the screenshots grow with the text, up to their own width
    qtbot.waitUntil(lambda: pictures(guide)["verifikasi-1366.png"] == 960, timeout=3000)
    assert pictures(guide)["server-dialog.png"] == 553


def test_a_click_on_a_linked_screenshot_shows_it_and_keeps_the_guide(qtbot):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    before = guide.text()
    browser = guide.browser
    # "(juga pada 1024×768 dan 1920×1080)" under Hari ini
    found = browser.document().find("1024×768", browser.document().find("(juga pada "))
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    assert cursor.charFormat().anchorHref() == "hari-ini-1024.png"
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    spot = browser.cursorRect(cursor).center() + QPoint(1, 0)

    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=spot)

    qtbot.waitUntil(lambda: guide.picture is not None and guide.picture.isVisible(), timeout=2000)
    assert guide.picture.windowTitle() == "Gambar layar: hari-ini-1024"
    assert guide.picture.label.pixmap().width() == 960
    assert guide.text() == before  # the guide is still there, not replaced by the picture


@pytest.mark.parametrize("name", ["guide.md", "panduan.md"])
def test_every_link_of_the_shipped_guides_leads_somewhere(name):
    """A link the window cannot follow would do nothing: every link is a shipped screenshot or a web address."""
    import re

    text = (help_dialog.guide_dir() / name).read_text(encoding="utf-8")
    links = re.findall(r"(?<!!)\[[^\]]*\]\(([^)]+)\)", text)
    assert links, name
    for link in links:
        assert link.startswith("https://") or (help_dialog.guide_dir() / link).is_file(), link


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_heading_is_drawn(qapp, qtbot, language):
    """Fitting the pictures edits the text: Qt then left the headings below unlaid, and the one right above
    the keyboard table was never drawn."""
    from blanko_desktop.ui import i18n

    i18n.install(qapp, language)
    try:
        guide = GuideWindow()
        qtbot.addWidget(guide)
        guide.show()
        qtbot.waitExposed(guide)
        layout = guide.browser.document().documentLayout()
        block, heights = guide.browser.document().begin(), {}
        while block.isValid():
            if block.blockFormat().headingLevel():
                heights[block.text()] = layout.blockBoundingRect(block).height()
            block = block.next()
        assert len(heights) == 13
        assert [name for name, height in heights.items() if height <= 0] == []
    finally:
        i18n.install(qapp, "id")
