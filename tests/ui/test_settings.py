"""Settings: closures, signatories, office hours and pickups, profile, language, printer, database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from blanko_desktop.core import config
from blanko_desktop.core.calendar import Closure
from blanko_desktop.ui.dialogs.settings import SettingsDialog, SignatoryDialog


@pytest.fixture
def settings(session, window, qtbot):
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    return dialog


def test_add_closure(settings, services, qtbot):
    settings.year.setValue(2026)
    settings.closure_date.setDate(QDate(2026, 12, 24))
    settings.closure_kind.setCurrentIndex(settings.closure_kind.findData("cuti_bersama"))
    qtbot.keyClicks(settings.closure_note, "Natal")
    qtbot.mouseClick(settings.add_closure_button, Qt.MouseButton.LeftButton)

    closures = services.closures()
    assert [(c.day, c.kind, c.note) for c in closures] == [(date(2026, 12, 24), "cuti_bersama", "Natal")]
    assert settings.closures.topLevelItemCount() == 1
    assert settings.closures.topLevelItem(0).text(1) == "Cuti bersama"
    assert not services.calendar().is_working_day(date(2026, 12, 24))


def test_add_closure_twice_shows_the_rule(settings, services, officer):
    settings.closure_date.setDate(QDate(2026, 8, 18))
    assert settings.add_closure()
    assert not settings.add_closure()
    assert "sudah tercatat" in officer.error_texts[0]


def test_remove_closure_asks_first(settings, services, officer):
    services.add_closure(date(2026, 3, 20), "closure", "Rapat kerja")
    settings.year.setValue(2026)
    settings.load()  # entered elsewhere: the dialog shows it once reopened
    settings.closures.setCurrentItem(settings.closures.topLevelItem(0))
    officer.confirm_answer = False
    assert not settings.remove_closure()
    assert len(services.closures()) == 1
    officer.confirm_answer = True
    assert settings.remove_closure()
    assert services.closures() == []


def test_national_holidays_of_the_year(settings):
    settings.year.setValue(2026)
    names = [settings.national.topLevelItem(i).text(1) for i in range(settings.national.topLevelItemCount())]
    assert any("Kemerdekaan" in n for n in names)
    assert settings.national.topLevelItem(0).text(0) == "1 Jan 2026"


def test_suggested_joint_holidays_are_offered(settings, services, monkeypatch):
    suggestion = [Closure(date(2026, 12, 24), "cuti_bersama", "Hari Raya Natal")]
    monkeypatch.setattr(type(services.calendar()), "suggested_joint_holidays", lambda self, year: suggestion)

    class Accept:
        def exec(self):
            return True

        def chosen(self):
            return suggestion

    monkeypatch.setattr(settings, "suggestions_dialog", lambda s, year: Accept())
    settings.year.setValue(2026)
    assert settings.suggest_joint_holidays() == 1
    assert [(c.day, c.note) for c in services.closures()] == [(date(2026, 12, 24), "Hari Raya Natal")]


def test_signatory_add_and_edit(session, services, qtbot, officer):
    dialog = SignatoryDialog(session)
    qtbot.addWidget(dialog)
    dialog.name.setText("Dr. Hendra Wijaya, M.M.")
    dialog.nip.setText("19750312 200112 1 002")
    dialog.title.setText("Kepala Subbagian Sertifikasi")
    dialog.accept()
    (sig,) = services.signatories()
    assert (sig.name, sig.nip, sig.active) == ("Dr. Hendra Wijaya, M.M.", "197503122001121002", True)

    edit = SignatoryDialog(session, sig)
    qtbot.addWidget(edit)
    edit.active.setChecked(False)
    edit.accept()
    assert services.signatories(active_only=True) == []

    bad = SignatoryDialog(session)
    qtbot.addWidget(bad)
    bad.name.setText("Rina")
    bad.nip.setText("123")
    bad.accept()
    assert "NIP '123' tidak valid" in officer.error_texts[0]


def test_office_hours_and_pickups_are_saved_for_everyone(settings, services, qtbot):
    assert not settings.save_hours_button.isEnabled()  # nothing changed yet
    settings.end_time.setTime(QTime(15, 30))
    settings.pickup_days[4].setChecked(False)  # no Friday pickup
    settings.pickup_days[1].setChecked(True)   # Tuesday instead
    assert settings.save_hours_button.isEnabled()
    qtbot.mouseClick(settings.save_hours_button, Qt.MouseButton.LeftButton)
    assert services.setting("office_hours")["end"] == "15:30"
    assert services.setting("pickup_weekdays") == [0, 1, 2]
    assert services.calendar().pickup_weekdays == (0, 1, 2)
    assert not settings.save_hours_button.isEnabled()


@pytest.mark.parametrize("answer, end", [(True, "15:00"), (False, "16:00")])
def test_closing_with_unsaved_office_hours_asks_once(settings, services, officer, answer, end):
    settings.end_time.setTime(QTime(15, 0))
    officer.confirm_answer = answer
    settings.reject()
    assert officer.questions == ["Jam kantor atau hari penjemputan kurir diubah tetapi belum disimpan. Simpan "
                                 "sekarang (batas waktu dihitung ulang)?"]
    assert services.setting("office_hours")["end"] == end
    assert settings.result() == 0 and not settings.isVisible()


def test_the_dialog_has_one_model_saved_as_made_and_only_tutup(settings, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    assert [b.text() for b in settings.buttons.buttons()] == ["Tutup"]
    assert settings.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    assert settings.saved_note.text() == "Perubahan langsung disimpan."


def test_impossible_office_hours_are_refused_in_the_form(settings, services, officer):
    settings.end_time.setTime(QTime(7, 0))
    assert not settings.save_hours()
    assert officer.warnings == ["Jam tutup harus setelah jam buka."]
    assert services.setting_version("office_hours") is None


def test_office_hours_conflict(settings, services, officer):
    services.set_setting("office_hours", {**services.setting("office_hours"), "start": "07:30"})
    settings.end_time.setTime(QTime(15, 0))
    assert not settings.save_hours()
    assert "sudah diubah oleh" in officer.error_texts[0]
    assert services.setting("office_hours")["end"] == "16:00"
    assert settings.start_time.time() == QTime(7, 30)  # reloaded


def test_profile_language_and_printer_are_saved_as_changed(settings, window, qtbot):
    settings.officer.clear()
    qtbot.keyClicks(settings.officer, "Siti Rahma")
    qtbot.keyClick(settings.officer, Qt.Key.Key_Return)  # editing finished: saved, no Simpan to press
    assert config.load().officer == "Siti Rahma"
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert config.load().language == "en"
    assert settings.printer.itemData(0) == ""  # the system default is always offered
    saved = config.load()
    assert (saved.officer, saved.language, saved.printer) == ("Siti Rahma", "en", "")
    assert "Siti Rahma" in window.officer_label.text()


def test_database_page_reuses_the_window_and_follows_a_switch(settings, window, tmp_path):
    other = tmp_path / "lain" / "blanko-2026.sqlite"
    assert window.switch_database(other, create=True)
    assert settings.db_path.text() == str(other)
    assert settings.recent_list.count() == 1
    settings.recent_list.setCurrentRow(0)
    settings.open_recent()
    assert window.session.storage.path != other
    assert settings.db_path.text() == str(window.session.storage.path)
