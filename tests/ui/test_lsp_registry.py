"""The LSP registry dialog: add, edit, conflicts and Excel import, checked through the core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from blanko_desktop.core.services import lsp_dict
from blanko_desktop.ui.dialogs.lsp_registry import LspEditDialog, LspRegistryDialog


@pytest.fixture
def registry(session, qtbot):
    dialog = LspRegistryDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def save(dialog: LspEditDialog, qtbot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_add_lsp_through_the_form(session, services, qtbot):
    dialog = LspEditDialog(session)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.edits["name"], "LSP Logistik Nusantara")
    qtbot.keyClicks(dialog.edits["licence_no"], "BNSP-LSP-1234-ID")
    qtbot.keyClicks(dialog.address, "Jl. Gatot Subroto Kav. 12")
    qtbot.keyClicks(dialog.edits["city"], "Jakarta Selatan")
    qtbot.keyClicks(dialog.edits["postal_code"], "12950")
    qtbot.keyClicks(dialog.edits["phone"], "021-5550123")
    qtbot.keyClicks(dialog.edits["contact_person"], "Dewi Lestari")
    dialog.emails.setPlainText("admin@lsp-logistik.or.id\nlsp-logistik.id")
    save(dialog, qtbot)

    assert dialog.result() == LspEditDialog.DialogCode.Accepted
    data = lsp_dict(services.find_lsp("LSP Logistik Nusantara"))
    assert data["city"] == "Jakarta Selatan" and data["postal_code"] == "12950"
    assert data["licence_no"] == "BNSP-LSP-1234-ID" and data["contact_person"] == "Dewi Lestari"
    assert data["emails"] == ["admin@lsp-logistik.or.id"] and data["domains"] == ["lsp-logistik.id"]
    assert data["active"] is True


def test_edit_lsp_saves_and_deactivates(session, services, lsps, qtbot):
    lsp = lsps[0]
    dialog = LspEditDialog(session, lsp.id)
    qtbot.addWidget(dialog)
    assert dialog.edits["name"].text() == "LSP Teknologi Digital"
    assert dialog.emails.toPlainText() == "admin@lsp-tekdig.or.id"
    dialog.edits["city"].setText("Depok")
    dialog.emails.setPlainText("admin@lsp-tekdig.or.id\nsertifikasi@lsp-tekdig.or.id")
    dialog.active.setChecked(False)
    save(dialog, qtbot)
    data = lsp_dict(services.lsp(lsp.id))
    assert data["city"] == "Depok" and data["active"] is False
    assert data["emails"] == ["admin@lsp-tekdig.or.id", "sertifikasi@lsp-tekdig.or.id"]
    assert data["version"] == 2


@pytest.mark.parametrize("field, value, message", [
    ("name", "", "Nama LSP wajib diisi."),
    ("postal_code", "123", "Kode pos '123' tidak valid"),
    ("emails", "admin@", "Alamat e-mail 'admin@' tidak valid."),
    ("address", "", "Alamat LSP Migas Indonesia wajib diisi: blanko dikirim ke alamat LSP yang tercatat."),
    ("city", " ", "Kota/kabupaten LSP Migas Indonesia wajib diisi: blanko dikirim ke alamat LSP yang tercatat."),
])
def test_rule_errors_are_shown_and_the_form_stays(session, services, officer, qtbot, field, value, message):
    """An LSP could be saved without address or city; blanks are shipped there, so both are required."""
    dialog = LspEditDialog(session)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("LSP Migas Indonesia")
    qtbot.keyClicks(dialog.address, "Jl. Medan Merdeka Timur 1")
    qtbot.keyClicks(dialog.edits["city"], "Jakarta Pusat")
    if field == "emails":
        dialog.emails.setPlainText(value)
    elif field == "address":
        dialog.address.setPlainText(value)
    else:
        dialog.edits[field].setText(value)
    save(dialog, qtbot)
    assert message in officer.error_texts[0]
    assert dialog.result() != LspEditDialog.DialogCode.Accepted
    assert services.lsps() == []


def test_duplicate_name_is_refused(session, lsps, officer, qtbot):
    dialog = LspEditDialog(session)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("LSP Teknologi Digital")
    dialog.address.setPlainText("Jl. Margonda Raya 100")
    dialog.edits["city"].setText("Depok")
    save(dialog, qtbot)
    assert officer.error_texts == ["LSP 'LSP Teknologi Digital' sudah terdaftar."]


def test_conflict_when_a_colleague_saved_first(session, services, lsps, officer, qtbot):
    lsp = lsps[1]
    dialog = LspEditDialog(session, lsp.id)
    qtbot.addWidget(dialog)
    services.update_lsp(lsp.id, phone="0361-222333")  # another workstation, meanwhile
    dialog.edits["city"].setText("Badung")
    save(dialog, qtbot)

    assert "sudah diubah oleh Budi Santoso (officer1)" in officer.error_texts[0]
    assert services.lsp(lsp.id).city == "Denpasar"  # nothing overwritten
    assert dialog.edits["phone"].text() == "0361-222333"  # the form shows the colleague's data
    assert dialog.reload_note.isVisibleTo(dialog)
    dialog.edits["city"].setText("Badung")
    save(dialog, qtbot)
    assert services.lsp(lsp.id).city == "Badung" and services.lsp(lsp.id).phone == "0361-222333"


def test_registry_lists_filters_and_opens_the_editor(lsps, registry, monkeypatch):
    assert registry.table.rowCount() == 3
    assert registry.count_label.text() == "3 LSP"
    registry.filter_edit.setText("denpasar")
    visible = [r for r in range(3) if not registry.table.isRowHidden(r)]
    assert [registry.table.item(r, 0).text() for r in visible] == ["LSP Pariwisata Nusantara"]
    registry.select_lsp(lsps[1].id)
    opened = []
    monkeypatch.setattr(LspEditDialog, "exec", lambda self: opened.append(self.lsp_id) or 0)
    registry.edit_button.click()
    assert opened == [lsps[1].id]


def test_import_from_excel(lsps, registry, services, officer, qtbot, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Daftar LSP"
    sheet.append(["DAFTAR LSP BERLISENSI BNSP"])
    sheet.append([])
    sheet.append(["NO", "NAMA LSP", "KOTA", "EMAIL", "KODE POS"])
    sheet.append([1, "LSP Perhotelan Bali", "Denpasar", "admin@lsp-hotelbali.or.id", 80361])
    sheet.append([2, "LSP Teknologi Digital", "Depok", "", None])  # known: updated
    sheet.append([3, "", "Surabaya", "x@y.id", None])  # no name: a problem, by row
    path = tmp_path / "daftar-lsp.xlsx"
    book.save(path)

    with qtbot.waitSignal(registry.import_finished, timeout=10_000):
        registry.start_import(path)

    assert services.find_lsp("LSP Perhotelan Bali").postal_code == "80361"
    assert services.lsp(lsps[0].id).city == "Depok"
    assert registry.table.rowCount() == 4
    text, details = officer.infos[-1]
    assert text.startswith("Ditambahkan: 1. Diperbarui: 1.")
    assert "baris 6: nama LSP kosong" in details
    assert registry.import_button.isEnabled()


def test_older_records_without_an_address_are_flagged_not_rejected(session, services, lsps, registry, qtbot):
    """The lsps fixture registers cities only (as an import or an older version did): kept, marked, editable."""
    flagged = lsps[0]
    row = next(r for r in range(registry.table.rowCount()) if registry.table.item(r, 0).text() == flagged.name)
    name = registry.table.item(row, 0)
    assert not name.icon().isNull()
    assert name.toolTip() == "Belum lengkap untuk pengiriman: alamat belum diisi."
    complete = services.add_lsp("LSP Lengkap", [], require_address=True, address="Jl. A 1", city="Bogor")
    registry.reload()
    row = next(r for r in range(registry.table.rowCount()) if registry.table.item(r, 0).text() == complete.name)
    assert registry.table.item(row, 0).icon().isNull() and not registry.table.item(row, 0).toolTip()

    dialog = LspEditDialog(session, flagged.id)
    qtbot.addWidget(dialog)
    assert dialog.gaps_note.isVisibleTo(dialog)
    assert dialog.gaps_note.text() == "Belum lengkap untuk pengiriman: alamat belum diisi."
    dialog.edits["phone"].setText("021-777")  # another change is still saved
    save(dialog, qtbot)
    assert dialog.result() == LspEditDialog.DialogCode.Accepted
    assert services.lsp(flagged.id).phone == "021-777" and services.lsp(flagged.id).address == ""
