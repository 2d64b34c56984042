"""The LSP registry's list: in the order an officer expects, and an import that says what it did not take."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from blanko_desktop.ui.dialogs.lsp_registry import LspRegistryDialog


@pytest.fixture
def registry(session, qtbot):
    dialog = LspRegistryDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def names(registry) -> list[str]:
    return [registry.table.item(r, 0).text() for r in range(registry.table.rowCount())]


def test_the_list_opens_a_to_z_whatever_the_case_and_accents(services, session, qtbot):
    for name in ["LSP Zamrud", "lsp alpha", "LSP Ékonomi Kreatif", "LSP Cendana", "LSP Bahari"]:
        services.add_lsp(name, [])
    registry = LspRegistryDialog(session)
    qtbot.addWidget(registry)
    assert names(registry) == ["lsp alpha", "LSP Bahari", "LSP Cendana", "LSP Ékonomi Kreatif", "LSP Zamrud"]
    registry.show()
    header = registry.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    assert names(registry)[0] == "LSP Zamrud"  # a click on the column: Z to A
    registry.reload()
    assert names(registry)[0] == "LSP Zamrud"  # and a reload keeps the officer's order


def test_an_import_says_what_it_did_not_take_and_why(registry, services, officer, qtbot, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "LSP"
    sheet.append(["NAMA LSP", "KOTA", "EMAIL"])
    sheet.append(["LSP Perhotelan Bali", "Denpasar", "admin@lsp-hotelbali.or.id; sertifikasi@lsp-hotelbali.or.id"])
    for row in range(5):
        sheet.append(["", "Kota", "x@y.id"])  # five rows without a name
    book.create_sheet("Catatan").append(["bukan daftar LSP"])
    path = tmp_path / "lsp-2026.xlsx"
    book.save(path)

    with qtbot.waitSignal(registry.import_finished, timeout=10_000):
        registry.start_import(path)

    lsp = services.find_lsp("LSP Perhotelan Bali")
    assert [a.value for a in lsp.addresses] == ["admin@lsp-hotelbali.or.id", "sertifikasi@lsp-hotelbali.or.id"]
    text, details = officer.infos[-1]
    lines = text.splitlines()
    assert lines[0] == "Ditambahkan: 1. Diperbarui: 0. (dari lsp-2026.xlsx)"
    assert lines[2] == "Tidak diimpor (6):"
    assert lines[3] == "• lsp-2026.xlsx, lembar 'LSP', baris 3: nama LSP kosong."
    assert lines[-1] == "… dan 3 lainnya: lihat rinciannya."
    assert len(details.splitlines()) == 6 and "lembar 'Catatan'" in details
