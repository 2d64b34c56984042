"""Verifikasi: the officer checks a request, corrects what the intake could not know, and decides."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from blanko_desktop import paths
from blanko_desktop.core.models import AuditEvent, Document, Finding, Request
from blanko_desktop.core.workflow import State
from blanko_desktop.ui.dialogs.completion_dialogs import COPY_TEXT, OPEN_MAIL, AcceptFindingDialog, CompletionDialog
from blanko_desktop.ui.dropdata import DOCUMENT_FORMAT
from blanko_desktop.ui.widgets.checklist_widgets import FindingsModel
from tests.core.intake.intake_builders import encrypted_pdf_bytes, scan_pdf_bytes
from tests.ui.drops import (
    LSP_DOMAIN,
    LSP_NAME,
    NAMES,
    answer_intake,
    drop_on,
    file_mime,
    request_docs,
    wait_idle,
    write_email,
    write_files,
)


@pytest.fixture
def lsp(services):
    return services.add_lsp(LSP_NAME, [LSP_DOMAIN], city="Surabaya")


@pytest.fixture
def opened(monkeypatch):
    """What was handed to the default program (QDesktopServices.openUrl), and whether that works."""
    calls = {"urls": [], "works": True}

    def open_url(url: QUrl) -> bool:
        calls["urls"].append(url.toLocalFile())
        return calls["works"]

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return calls


def receive(window, qtbot, tmp_path, kinds=("letter", "minutes", "decision", "list"), count=30,
            bad_nik_rows=()) -> tuple[Request, list]:
    """The LSP's e-mail with `kinds` attached, dropped onto the window and checked."""
    docs, people = request_docs(count, bad_nik_rows=bad_nik_rows)
    drop_on(window, file_mime([write_email(tmp_path, docs, kinds=kinds)]))
    wait_idle(window, qtbot)
    return Request.select().order_by(Request.id.desc()).first(), people


def doc_named(req: Request, name: str) -> Document:
    return Document.get((Document.request == req) & (Document.original_name == name))


# -- complete: on to approval -------------------------------------------------------------------------------

def test_complete_request_shows_counts_and_is_marked_verified(window, lsp, tmp_path, qtbot):
    req, people = receive(window, qtbot, tmp_path)
    tab = window.verification_tab
    assert window.tab_titles() == ["Permohonan Masuk", "Verifikasi", "Persetujuan && Cetak"]
    competent = [p for p in people if p.verdict == "K"]
    schemes = {tab.scheme_table.item(r, 0).text(): tab.scheme_table.item(r, 1).text()
               for r in range(tab.scheme_table.rowCount())}
    for code in {p.scheme[0] for p in people}:
        assert schemes[code] == str(sum(p.scheme[0] == code for p in competent))
    total_row = tab.scheme_table.rowCount() - 1
    assert tab.scheme_table.item(total_row, 0).text() == "Jumlah"
    assert tab.scheme_table.item(total_row, 3).text() == str(len(people))
    funding = {tab.funding_table.item(r, 0).text() for r in range(tab.funding_table.rowCount() - 1)}
    assert funding and funding <= {"BNSP", "Kementerian", "Mandiri", "RCC"}
    assert not tab.mismatch.isVisibleTo(tab)
    assert tab.verify_button.text() == "Lengkap — lanjut ke persetujuan"

    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)

    fresh = Request.get_by_id(req.id)
    assert fresh.state == State.VERIFIED and fresh.competent_qty == len(competent)
    assert not tab.verify_button.isEnabled()
    assert "terverifikasi" in tab.banner.text()
    assert window.statusBar().currentMessage().startswith(f"Permohonan #{req.id} terverifikasi")


# -- incomplete: ask the LSP ---------------------------------------------------------------------------------

def test_incomplete_request_lists_what_is_missing_and_blocks_verification(window, lsp, tmp_path, qtbot):
    receive(window, qtbot, tmp_path, kinds=("letter", "minutes"))
    tab = window.verification_tab
    assert {k: s.status for k, s in tab.slots.items()} == {
        "letter": "ok", "minutes": "ok", "decision": "missing", "list": "missing"}
    assert "belum diterima" in tab.slots["decision"].title.text()
    assert tab.banner.text() == "✗ Belum lengkap: 2 hal perlu dilengkapi LSP."
    assert not tab.verify_button.isEnabled()
    tip = tab.verify_button.toolTip()
    assert tip.startswith("Belum dapat diverifikasi:")
    assert "Keputusan sertifikasi: belum kami terima." in tip
    assert "Daftar nama peserta kompeten dan belum kompeten: belum kami terima." in tip
    assert tab.completion_button.isEnabled()


def test_completion_request_opens_the_draft_and_the_request_waits(window, lsp, tmp_path, qtbot, opened,
                                                                 monkeypatch):
    req, _ = receive(window, qtbot, tmp_path, kinds=("letter", "minutes", "list"), bad_nik_rows=(4,))
    tab = window.verification_tab
    shown = []
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: shown.append(message) or OPEN_MAIL)

    qtbot.mouseClick(tab.completion_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)

    assert len(opened["urls"]) == 1
    draft = Path(opened["urls"][0])
    assert draft.parent == paths.data_dir() / "kelengkapan" and draft.suffix == ".eml"
    mail = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    body = mail.get_content()
    assert "Keputusan sertifikasi: belum kami terima." in body
    row_line = next(line for line in body.splitlines() if NAMES["list"] in line)
    assert "lembar 'Peserta'" in row_line and "Baris 9: NIK" in row_line  # participant 5 sits in row 9
    assert mail["To"] == f"admin@{LSP_DOMAIN}" and mail["X-Unsent"] == "1"
    assert shown[0].get_content() == body
    fresh = Request.get_by_id(req.id)
    assert fresh.state == State.WAITING_LSP and not fresh.clock_running
    assert "menunggu LSP" in tab.banner.text()
    assert Document.select().where((Document.request == req) & (Document.kind == "completion")).count() == 1


def test_completion_text_is_copied_when_no_mail_program_opens_it(window, lsp, tmp_path, qtbot, opened,
                                                                monkeypatch):
    req, _ = receive(window, qtbot, tmp_path, kinds=("letter",))
    tab = window.verification_tab
    opened["works"] = False
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: OPEN_MAIL)
    path = tab.send_completion()
    assert path.is_file()
    assert "Berita acara asesmen kompetensi: belum kami terima." in QGuiApplication.clipboard().text()
    assert window.notice.text().startswith("Tidak ada program e-mail yang dapat membuka draf")
    assert Request.get_by_id(req.id).state == State.WAITING_LSP


def test_completion_text_copied_on_request(window, lsp, tmp_path, qtbot, opened, monkeypatch):
    receive(window, qtbot, tmp_path, kinds=("letter", "minutes", "decision"))
    tab = window.verification_tab
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: COPY_TEXT)
    tab.send_completion()
    assert opened["urls"] == []
    assert "Daftar nama peserta" in QGuiApplication.clipboard().text()
    assert window.statusBar().currentMessage().startswith("Teksnya sudah disalin ke papan klip")


def test_completion_dialog_shows_the_mail(qtbot, services, lsp):
    from email.message import EmailMessage

    message = EmailMessage()
    message["To"] = "admin@ktr-sertifikasi.id"
    message["Subject"] = "Kelengkapan dokumen"
    message.set_content("Yth. Pimpinan\n\n1. Keputusan sertifikasi: belum kami terima.")
    dialog = CompletionDialog(7, message)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Permintaan kelengkapan untuk permohonan #7"
    assert dialog.to.text() == "admin@ktr-sertifikasi.id"
    assert "belum kami terima" in dialog.body.toPlainText()
    dialog.copy_button.click()
    assert dialog.choice == COPY_TEXT and dialog.result() == dialog.DialogCode.Accepted


# -- the officer's corrections ------------------------------------------------------------------------------

def test_change_kind_by_the_context_menu(window, lsp, tmp_path, qtbot):
    req, _ = receive(window, qtbot, tmp_path)
    tab = window.verification_tab
    decision = doc_named(req, NAMES["decision"])
    menu = tab.document_menu(decision.id)
    kinds = menu.findChild(type(menu), "kindMenu")
    assert kinds.title() == "Ubah jenis"
    other = next(a for a in kinds.actions() if a.text() == "Lainnya")
    assert next(a for a in kinds.actions() if a.isChecked()).text() == "Keputusan sertifikasi"
    other.trigger()
    wait_idle(window, qtbot)
    assert Document.get_by_id(decision.id).kind == "other"
    assert tab.slots["decision"].status == "missing"
    assert AuditEvent.select().where(AuditEvent.action == "document.kind").count() == 1


def test_drag_a_document_onto_a_checklist_slot(window, lsp, tmp_path, qtbot):
    req, _ = receive(window, qtbot, tmp_path)
    tab = window.verification_tab
    minutes = doc_named(req, NAMES["minutes"])
    tab.change_kind(minutes.id, "other")
    wait_idle(window, qtbot)
    assert tab.slots["minutes"].status == "missing"

    row_drag = tab.documents.mimeData([tab.documents.item_for(minutes.id)])  # what dragging the row carries
    assert bytes(row_drag.data(DOCUMENT_FORMAT).data()) == str(minutes.id).encode()
    drop = drop_on(tab.slots["minutes"], row_drag)
    assert drop.isAccepted()
    wait_idle(window, qtbot)
    assert Document.get_by_id(minutes.id).kind == "minutes"
    assert tab.slots["minutes"].status == "ok"
    assert not window.overlay.isVisible()  # a row moved inside the window is no intake


def test_accept_a_finding_with_a_note(window, lsp, tmp_path, qtbot, monkeypatch):
    req, _ = receive(window, qtbot, tmp_path, bad_nik_rows=(2,))
    tab = window.verification_tab
    assert not tab.verify_button.isEnabled()
    model, view = tab.findings_model, tab.findings

    def select(rows: list[int]) -> None:
        view.clearSelection()
        for row in rows:
            view.selectionModel().select(
                tab.findings_proxy.mapFromSource(model.index(row, 0)),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    nik = next(i for i, f in enumerate(model.findings) if f.severity == "error" and f.row == 7)
    assert tab.findings_proxy.mapFromSource(model.index(nik, FindingsModel.COL_STATUS)).data() == "✗ kesalahan"
    select([nik])
    assert tab.accept_button.isEnabled() and tab.accept_button.text() == "Terima temuan…"
    notes = []
    note = "NIK dikonfirmasi LSP lewat telepon"
    monkeypatch.setattr(tab, "ask_note", lambda findings: notes.append(findings) or note)

    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)

    stored = Finding.get(Finding.request == req)
    assert stored.accepted and stored.accepted_note == "NIK dikonfirmasi LSP lewat telepon" and stored.row == 7
    assert stored.accepted_by.startswith("Budi Santoso")
    assert AuditEvent.select().where(AuditEvent.action == "finding.accept").count() == 1
    accepted = next(i for i, f in enumerate(tab.findings_model.findings) if f.row == 7)
    index = tab.findings_proxy.mapFromSource(tab.findings_model.index(accepted, FindingsModel.COL_STATUS))
    assert index.data() == "✓ diterima"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Diterima: NIK dikonfirmasi LSP lewat telepon"

    # the malformed NIK is one finding (not repeated against the decision): accepted, the request is complete
    assert not [f for f in tab.findings_model.findings if f.severity == "error" and not f.accepted]
    assert tab.verify_button.isEnabled(), tab.verify_button.toolTip()


def test_accept_several_findings_at_once(window, lsp, tmp_path, qtbot, monkeypatch):
    receive(window, qtbot, tmp_path, bad_nik_rows=(2, 4))
    tab = window.verification_tab
    model, view = tab.findings_model, tab.findings
    errors = [i for i, f in enumerate(model.findings) if f.severity == "error"]
    assert len(errors) == 2 and not tab.verify_button.isEnabled()
    view.clearSelection()
    for row in errors:
        view.selectionModel().select(
            tab.findings_proxy.mapFromSource(model.index(row, 0)),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    notes = []
    monkeypatch.setattr(tab, "ask_note", lambda findings: notes.append(findings) or "Dikonfirmasi LSP")
    tab.accept_selected()
    wait_idle(window, qtbot)
    assert len(notes[-1]) == 2
    assert tab.verify_button.isEnabled(), tab.verify_button.toolTip()


def test_accept_dialog_needs_a_note(qtbot):
    from blanko_desktop.core.verification.checklist import CheckedFinding

    dialog = AcceptFindingDialog([CheckedFinding("Daftar.xlsx", "Peserta", 8, "NIK tidak valid", "error", "list")])
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note, "  ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note, "Dikonfirmasi")
    assert dialog.ok_button.isEnabled() and dialog.text() == "Dikonfirmasi"


def test_findings_table_sorts_by_row_number(window, lsp, tmp_path, qtbot):
    receive(window, qtbot, tmp_path, bad_nik_rows=(20, 3, 11))
    tab = window.verification_tab
    tab.findings.sortByColumn(FindingsModel.COL_ROW, Qt.SortOrder.AscendingOrder)
    rows = [tab.findings.model().index(r, FindingsModel.COL_ROW).data() for r in range(tab.findings.model().rowCount())]
    numbers = [int(r) for r in rows if r]
    assert numbers == sorted(numbers) and {8, 16, 25} <= set(numbers)  # title rows and header above


def test_scanned_letter_takes_the_typed_number(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, people = request_docs(20)
    docs.files[NAMES["letter"]] = scan_pdf_bytes()
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    assert tab.requested_spin.isVisibleTo(tab) and not tab.requested_value.isVisibleTo(tab)
    assert tab.slots["letter"].status == "invalid"
    competent = sum(p.verdict == "K" for p in people)

    tab.requested_spin.setValue(competent + 2)
    qtbot.mouseClick(tab.requested_save, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    req = Request.select().get()
    assert req.requested_qty == competent + 2
    assert tab.mismatch.text() == (f"Surat meminta {competent + 2} blanko, tetapi daftar berisi {competent} "
                                   "peserta kompeten.")
    assert not tab.verify_button.isEnabled()

    tab.requested_spin.setValue(competent)
    tab.save_requested()
    wait_idle(window, qtbot)
    assert not tab.mismatch.isVisibleTo(tab)
    assert tab.verify_button.isEnabled()


def test_unknown_lsp_is_set_in_the_tab(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    answer_intake(monkeypatch)  # the officer leaves the LSP undecided
    drop_on(window, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    assert Request.select().get().lsp_id is None
    assert tab.lsp_box.isVisibleTo(tab) and not tab.verify_button.isEnabled()
    assert "LSP belum ditentukan" in tab.verify_button.toolTip()
    tab.lsp_combo.setCurrentIndex(tab.lsp_combo.findData(lsp.id))
    qtbot.mouseClick(tab.lsp_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert Request.select().get().lsp_id == lsp.id
    assert not tab.lsp_box.isVisibleTo(tab) and tab.verify_button.isEnabled()


# -- preview and opening --------------------------------------------------------------------------------------

def test_preview_shows_the_pdf_and_the_participant_rows(window, lsp, tmp_path, qtbot):
    req, people = receive(window, qtbot, tmp_path, bad_nik_rows=(5,))
    tab = window.verification_tab
    letter = doc_named(req, NAMES["letter"])
    tab.documents.setCurrentItem(tab.documents.item_for(letter.id))
    wait_idle(window, qtbot)
    assert tab.preview.mode == "pdf" and tab.preview.page_count() == 1
    assert tab.preview.name_label.full_text() == NAMES["letter"]

    listing = doc_named(req, NAMES["list"])
    tab.documents.setCurrentItem(tab.documents.item_for(listing.id))
    wait_idle(window, qtbot)
    assert tab.preview.mode == "sheet"
    model = tab.preview.participants_model
    assert model.rowCount() >= len(people) - 1
    assert model.index(0, 1).data() == people[0].name

    # a finding picked in the table shows its row
    finding_row = next(i for i, f in enumerate(tab.findings_model.findings) if f.row == 10)
    view_row = tab.findings_proxy.mapFromSource(tab.findings_model.index(finding_row, 0)).row()
    tab.findings.selectRow(view_row)
    wait_idle(window, qtbot)
    selected = tab.preview.participants.selectionModel().selectedRows()
    if model.row_of("Peserta", 10) is not None:  # the row is shown when the reader kept it
        assert [model.index(i.row(), 0).data() for i in selected] == ["10"]


def test_a_password_protected_pdf_says_so_in_the_preview(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    docs.files[NAMES["minutes"]] = encrypted_pdf_bytes("rahasia")
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    req = Request.select().get()
    minutes = doc_named(req, NAMES["minutes"])
    assert tab.slots["minutes"].status == "invalid"
    tab.preview_document(minutes.id)
    assert tab.preview.mode == "message" and "kata sandi" in tab.preview.message.text()
    item = tab.documents.item_for(minutes.id)
    assert item.text(2) == "PDF dilindungi kata sandi, 1 temuan"


def test_open_with_the_default_program_hands_over_a_copy(window, lsp, tmp_path, qtbot, opened):
    req, _ = receive(window, qtbot, tmp_path)
    tab = window.verification_tab
    listing = doc_named(req, NAMES["list"])
    tab.documents.setCurrentItem(tab.documents.item_for(listing.id))
    wait_idle(window, qtbot)
    assert tab.preview.open_button.text() == "Buka dengan program bawaan"
    qtbot.mouseClick(tab.preview.open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened["urls"][0])
    store = window.session.storage.files.path_for(listing.sha256)
    assert copy != store and copy.name == f"{listing.id}-Daftar Peserta K-BK.xlsx"
    assert copy.read_bytes() == store.read_bytes()


# -- moving between the tabs ------------------------------------------------------------------------------------

def test_detail_pane_sends_the_officer_to_the_check(window, lsp, services, qtbot):
    from tests.ui.conftest import ago

    req = services.create_request(ago(hours=3), lsp.id)
    window.refresh()
    tab = window.requests_tab
    tab.select_request(req.id)
    button = tab.detail.check_button
    assert button.text() == "Periksa kelengkapan…"
    assert State.VERIFIED not in tab.detail.action_buttons  # no way around the checklist
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert window.tabs.currentWidget() is window.verification_tab
    assert window.verification_tab.request_id == req.id
    assert window.verification_tab.banner.text() == "✗ Belum lengkap: 4 hal perlu dilengkapi LSP."


def test_the_tab_follows_the_selection_and_its_own_selector(window, lsp, services, qtbot):
    from tests.ui.conftest import ago

    first = services.create_request(ago(hours=3), lsp.id)
    second = services.create_request(ago(hours=1), lsp.id)
    window.refresh()
    window.requests_tab.select_request(first.id)
    window.tabs.setCurrentWidget(window.verification_tab)
    wait_idle(window, qtbot)
    tab = window.verification_tab
    assert tab.request_id == first.id and tab.title.text() == f"Permohonan #{first.id} — {LSP_NAME}"
    index = tab.selector.findData(second.id)
    assert tab.selector.itemText(index) == f"#{second.id} · {LSP_NAME} · Diterima"
    tab.selector.setCurrentIndex(index)
    tab.selector.activated.emit(index)
    wait_idle(window, qtbot)
    assert tab.request_id == second.id
    assert window.requests_tab.detail.request_id == second.id
