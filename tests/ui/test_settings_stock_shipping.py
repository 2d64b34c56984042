"""Pengaturan ▸ Stok dan pengiriman, as the officer uses it: type, save, and the core reads it back; a refused value
shows the core's message and changes nothing; a colleague's change in between; the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QLineEdit

from blanko_desktop.core import shared_settings
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.services import Services
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.ui.dialogs.settings import SettingsDialog

DEFAULTS = {"stock_serial_format": {"prefix": "KB", "digits": 7}, "stock_low_weeks": 8, "receipt_reminder_days": 5,
            "courier": ""}


@pytest.fixture
def page(session, window, qtbot):
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentWidget(dialog.stock_page)
    return dialog


def values(services) -> dict:
    return {v.key: v.value for v in shared_settings.views(services)}


def retype(qtbot, field, text: str) -> None:
    """Select what the field shows and type over it, as the officer does."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    if isinstance(field, QAbstractSpinBox):
        field.interpretText()


def save(qtbot, page) -> None:
    assert page.save_stock_button.isEnabled()
    qtbot.mouseClick(page.save_stock_button, Qt.MouseButton.LeftButton)


def test_the_page_shows_the_rules_in_force_and_the_note(page, services):
    assert page.pages.tabText(page.pages.currentIndex()) == "Stok dan pen&giriman"
    assert (page.serial_prefix.text(), page.serial_digits.value(), page.low_weeks.value(), page.receipt_days.value(),
            page.default_courier.text()) == ("KB", 7, 8, 5, "")
    assert page.serial_example.text() == "dicetak sebagai KB 0000001"
    notes = [label.text() for label in page.stock_page.findChildren(QLabel)]
    assert ("Pengaturan ini berlaku bagi semua yang memakai basis data ini; setiap perubahan tercatat dalam "
            "riwayat.") in notes
    assert not page.save_stock_button.isEnabled()  # nothing changed yet
    # the spin boxes offer what the core allows
    assert (page.low_weeks.minimum(), page.low_weeks.maximum()) == (1, 52)
    assert (page.receipt_days.minimum(), page.receipt_days.maximum()) == (1, 60)
    assert (page.serial_digits.minimum(), page.serial_digits.maximum()) == (3, 12)


def test_typed_values_are_saved_for_everyone_and_read_by_the_core(page, services, qtbot):
    retype(qtbot, page.low_weeks, "12")
    retype(qtbot, page.receipt_days, "10")
    qtbot.keyClicks(page.default_courier, "JNE Kantor Pusat")
    retype(qtbot, page.serial_prefix, "sn")
    retype(qtbot, page.serial_digits, "5")
    assert page.serial_example.text() == "dicetak sebagai SN 00001"
    save(qtbot, page)
    assert values(services) == {"stock_serial_format": {"prefix": "SN", "digits": 5}, "stock_low_weeks": 12,
                                "receipt_reminder_days": 10, "courier": "JNE Kantor Pusat"}
    ledger = StockLedger(services)
    assert (ledger.low_stock().threshold_weeks, ledger.serial_format().text(42)) == (12, "SN 00042")
    assert not page.save_stock_button.isEnabled()
    assert page.serial_prefix.text() == "SN"  # shown as stored
    assert {v.key: v.updated_by for v in shared_settings.views(services)}["courier"].startswith("Budi Santoso")


def test_only_what_was_changed_is_saved(page, services, qtbot):
    retype(qtbot, page.receipt_days, "9")
    save(qtbot, page)
    assert [v.key for v in shared_settings.views(services) if v.stored] == ["receipt_reminder_days"]


def test_a_refused_value_shows_the_core_message_and_changes_nothing(page, services, officer, qtbot):
    StockLedger(services).receive("KB 0000001 - KB 0001000", "SJ-1", date(2026, 8, 3))
    page.pages.setCurrentIndex(0)
    retype(qtbot, page.low_weeks, "10")  # fine on its own: saved with the rest or not at all
    retype(qtbot, page.serial_prefix, "SN")
    assert not page.save_stock()
    assert officer.error_texts == [
        "Awalan nomor seri tidak dapat diubah dari 'KB' ke 'SN': buku stok sudah mencatat nomor seri KB 0000001 "
        "sampai KB 0001000. Nomor seri disimpan bersama awalannya dan hanya awalan yang berlaku yang dapat diketik, "
        "sehingga lembar-lembar itu tidak dapat lagi dicari, dikeluarkan, dikembalikan, atau dihitung."]
    assert values(services) == DEFAULTS
    assert page.pages.currentWidget() is page.stock_page  # the officer sees where
    assert (page.serial_prefix.text(), page.low_weeks.value()) == ("SN", 10)  # kept to correct, still unsaved
    assert page.save_stock_button.isEnabled()

    retype(qtbot, page.serial_prefix, "K1")
    save(qtbot, page)
    assert officer.error_texts[1] == "Awalan nomor seri 'K1' tidak valid: gunakan 1–8 huruf (misalnya KB)."
    retype(qtbot, page.serial_prefix, "KB")
    retype(qtbot, page.serial_digits, "3")
    save(qtbot, page)
    assert officer.error_texts[2].startswith("Jumlah digit nomor seri 3 terlalu sedikit: nomor seri terbesar yang "
                                             "tercatat, KB 0001000, memerlukan 4 digit")
    assert values(services) == DEFAULTS
    retype(qtbot, page.serial_digits, "4")
    save(qtbot, page)
    assert values(services)["stock_serial_format"] == {"prefix": "KB", "digits": 4}
    assert values(services)["stock_low_weeks"] == 10
    assert len(officer.errors) == 3


def test_a_colleagues_change_in_between_is_refused_and_the_page_reloaded(page, services, officer, qtbot):
    colleague = Services(services.storage, Actor("sari", "Sari Dewi"))
    shared_settings.change(colleague, "courier", "TIKI")  # while the dialog was open
    qtbot.keyClicks(page.default_courier, "JNE")
    assert not page.save_stock()
    assert officer.error_texts[0].startswith("Pengaturan 'Kurir bawaan' sudah diubah oleh Sari Dewi (sari) pada ")
    assert services.setting("courier") == "TIKI"
    assert page.default_courier.text() == "TIKI"  # reloaded: the officer sees the colleague's value
    assert not page.save_stock_button.isEnabled()


def test_a_colleagues_change_of_another_setting_is_no_conflict(page, services, officer, qtbot):
    colleague = Services(services.storage, Actor("sari", "Sari Dewi"))
    shared_settings.change(colleague, "courier", "TIKI")
    retype(qtbot, page.low_weeks, "6")
    assert page.save_stock()
    assert officer.errors == []
    assert (services.setting("courier"), services.setting("stock_low_weeks")) == ("TIKI", 6)


@pytest.mark.parametrize("answer, weeks", [(True, 20), (False, 8)])
def test_closing_with_unsaved_rules_asks_once(page, services, officer, qtbot, answer, weeks):
    retype(qtbot, page.low_weeks, "20")
    officer.confirm_answer = answer
    page.reject()
    assert officer.questions == ["Pengaturan stok dan pengiriman diubah tetapi belum disimpan. Simpan sekarang?"]
    assert values(services)["stock_low_weeks"] == weeks
    assert not page.isVisible()


def test_every_field_has_a_mnemonic_label_of_its_own(page, qtbot):
    fields = [page.serial_prefix, page.serial_digits, page.low_weeks, page.receipt_days, page.default_courier]
    labels = {label.buddy(): label.text() for label in page.stock_page.findChildren(QLabel) if label.buddy()}
    assert set(labels) == set(fields)
    letters = [text[text.index("&") + 1].lower() for text in labels.values()]
    tabs = [page.pages.tabText(i) for i in range(page.pages.count())]
    tab_letters = [t[t.index("&") + 1].lower() for t in tabs]
    save_letter = page.save_stock_button.text()[page.save_stock_button.text().index("&") + 1].lower()
    everything = letters + tab_letters + [save_letter]
    assert len(everything) == len(set(everything)), (labels, tabs)
    # Alt+letter takes the officer to the field
    page.activateWindow()
    for field, text in labels.items():
        letter = text[text.index("&") + 1].upper()
        qtbot.keyClick(page, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() in (field, getattr(field, "lineEdit", lambda: None)()), text


def test_the_shipping_tab_follows_the_default_courier_unless_one_was_typed(page, window, services, qtbot):
    tab = window.shipping_tab
    qtbot.keyClicks(page.default_courier, "JNE Kantor Pusat")
    save(qtbot, page)
    assert tab.courier_input.text() == "JNE Kantor Pusat"
    tab.courier_input.setText("Pak Darto (SiCepat)")  # today's courier, typed by the officer
    retype(qtbot, page.default_courier, "TIKI")
    save(qtbot, page)
    assert tab.courier_input.text() == "Pak Darto (SiCepat)"
    assert isinstance(tab.courier_input, QLineEdit) and services.setting("courier") == "TIKI"
