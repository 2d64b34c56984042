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
    assert window.tab_titles() == ["Hari ini", "Permohonan Masuk", "Verifikasi", "Persetujuan && Cetak", "Stok Blanko", "Pengiriman"]
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
    # no other request waits for the check: the window leads on to the approval of this one
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.approval_tab)
    window.tabs.setCurrentWidget(tab)  # back to Verifikasi: it says the request is verified
    wait_idle(window, qtbot)
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
    # handed to the mail program is what the banner says, not "sent"
    assert "Permintaan kelengkapan diserahkan ke program e-mail pada" in tab.banner.text()
    assert tab.banner.text().endswith("permohonan menunggu LSP.")
    assert not tab.draft_bar.isVisibleTo(tab)
    assert Document.select().where((Document.request == req) & (Document.kind == "completion")).count() == 1
    assert AuditEvent.get(AuditEvent.action == "completion.sent").after["how"] == "mail_program"


def test_completion_text_is_copied_when_no_mail_program_opens_it(window, lsp, tmp_path, qtbot, opened,
                                                                monkeypatch):
    req, _ = receive(window, qtbot, tmp_path, kinds=("letter",))
    tab = window.verification_tab
    opened["works"] = False
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: OPEN_MAIL)
    path = tab.send_completion()
    wait_idle(window, qtbot)
    assert path.is_file()
    assert "Berita acara asesmen kompetensi: belum kami terima." in QGuiApplication.clipboard().text()
    assert window.notice.text().startswith("Tidak ada program e-mail yang dapat membuka draf")
    assert f"e-mail untuk admin@{LSP_DOMAIN}, lalu klik “Sudah dikirim”" in window.notice.text()
    assert Request.get_by_id(req.id).state == State.RECEIVED  # nothing has left: a draft, not a sent e-mail
    assert tab.draft_bar.isVisibleTo(tab)


def test_copied_text_is_a_draft_until_the_officer_says_it_was_sent(window, lsp, tmp_path, qtbot, opened,
                                                                  monkeypatch):
    """"Salin teksnya" moved the request to "Menunggu LSP" and the banner said it was sent though nothing was."""
    req, _ = receive(window, qtbot, tmp_path, kinds=("letter", "minutes", "decision"))
    tab = window.verification_tab
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: COPY_TEXT)
    qtbot.mouseClick(tab.completion_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert opened["urls"] == []
    assert "Daftar nama peserta" in QGuiApplication.clipboard().text()
    assert window.statusBar().currentMessage() == (f"Teksnya sudah disalin ke papan klip: tempelkan ke e-mail untuk "
                                                   f"admin@{LSP_DOMAIN}. Setelah terkirim, klik “Sudah dikirim”.")
    assert Request.get_by_id(req.id).state == State.RECEIVED and Request.get_by_id(req.id).clock_running
    assert "terkirim" not in tab.banner.text() and "dikirim" not in tab.banner.text()
    assert tab.draft_bar.isVisibleTo(tab)
    assert tab.draft_bar.text.text().startswith("Draf permintaan kelengkapan dibuat pada ")
    assert "belum dinyatakan terkirim" in tab.draft_bar.text.text()

    QGuiApplication.clipboard().setText("something else")
    qtbot.mouseClick(tab.draft_bar.copy_button, Qt.MouseButton.LeftButton)
    assert "Daftar nama peserta" in QGuiApplication.clipboard().text()

    qtbot.mouseClick(tab.draft_bar.sent_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    fresh = Request.get_by_id(req.id)
    assert fresh.state == State.WAITING_LSP and not fresh.clock_running
    assert AuditEvent.get(AuditEvent.action == "completion.sent").after["how"] == "officer"
    assert "Permintaan kelengkapan dinyatakan terkirim pada" in tab.banner.text()
    assert not tab.draft_bar.isVisibleTo(tab)


def test_a_completion_request_without_a_recipient_is_refused(window, services, tmp_path, qtbot, officer,
                                                            monkeypatch):
    """An empty "Kepada" was accepted; now the reason is shown and nothing is written."""
    lsp = services.add_lsp(LSP_NAME, [LSP_DOMAIN], city="Surabaya")  # a domain only: no address to write to
    docs, _ = request_docs(10)
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, file_mime(write_files(tmp_path, docs, kinds=("letter", "minutes"))))  # loose files
    wait_idle(window, qtbot)
    tab = window.verification_tab
    asked = []
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: asked.append(message) or COPY_TEXT)
    qtbot.mouseClick(tab.completion_button, Qt.MouseButton.LeftButton)
    req = Request.select().get()
    assert officer.error_texts == [
        f"Permintaan kelengkapan permohonan #{req.id} tidak dapat dibuat: tidak ada alamat e-mail tujuan "
        f"(pengirim tidak tercatat dan {LSP_NAME} tidak mempunyai alamat e-mail terdaftar). Tambahkan alamat "
        "e-mail LSP di Data ▸ Daftar LSP."]
    assert asked == [] and req.state == State.RECEIVED
    assert Document.select().where(Document.kind == "completion").count() == 0


def test_a_letter_is_never_signed_without_the_officers_name(window, lsp, tmp_path, qtbot, opened, monkeypatch):
    window.session.set_officer("")
    receive(window, qtbot, tmp_path, kinds=("letter",))
    tab = window.verification_tab
    shown = []
    monkeypatch.setattr(tab, "ask_officer_name", lambda: None)
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: shown.append(message) or OPEN_MAIL)
    assert tab.send_completion() is None and shown == []  # no name given: no letter

    monkeypatch.setattr(tab, "ask_officer_name", lambda: "Sri Wahyuni")
    tab.send_completion()
    assert shown[0].get_content().rstrip().endswith("Sri Wahyuni\nSekretariat Badan Nasional Sertifikasi Profesi "
                                                     "(BNSP)")
    assert window.session.cfg.officer == "Sri Wahyuni"


def test_first_start_requires_a_name(qtbot):
    from blanko_desktop.ui.dialogs.first_start import OfficerNameDialog

    dialog = OfficerNameDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no way around it: letters are signed with the name
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(dialog.name_edit, "Sri  Wahyuni ")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.name() == "Sri Wahyuni"


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
    # typing the number is the officer's task, shown apart: not a fault of the LSP's letter, not in the e-mail
    assert tab.slots["letter"].status == "ok"
    assert tab.slots_panel.tasks_box.isVisibleTo(tab)
    assert tab.slots_panel.task_texts() == ["Isi jumlah blanko yang diminta: surat permohonan hasil pindaian, "
                                            "angkanya tidak terbaca otomatis."]
    assert tab.banner.text() == "⚠ Giliran Anda: 1 tugas sebelum permohonan dapat dilanjutkan."
    assert not tab.completion_button.isEnabled()  # nothing to ask the LSP
    competent = sum(p.verdict == "K" for p in people)

    tab.requested_spin.setValue(competent + 2)
    qtbot.mouseClick(tab.requested_save, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    req = Request.select().get()
    assert req.requested_qty == competent + 2
    assert tab.mismatch.text() == (f"Surat meminta {competent + 2} blanko, tetapi daftar berisi {competent} "
                                   "peserta kompeten.")
    assert not tab.verify_button.isEnabled()

    assert tab.banner.text() == "✗ Belum lengkap: 1 hal perlu dilengkapi LSP."
    assert not tab.slots_panel.tasks_box.isVisibleTo(tab)

    tab.requested_spin.setValue(competent)
    tab.save_requested()
    wait_idle(window, qtbot)
    assert not tab.mismatch.isVisibleTo(tab)
    assert tab.verify_button.isEnabled()


def test_unknown_lsp_is_set_in_the_tab(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    answer_intake(monkeypatch, lambda d: d.choose_lsp(None))  # the officer leaves the LSP undecided
    drop_on(window, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    assert Request.select().get().lsp_id is None
    assert tab.lsp_box.isVisibleTo(tab) and not tab.verify_button.isEnabled()
    assert "Tetapkan LSP permohonan ini: berkasnya diterima tanpa alamat pengirim." in tab.verify_button.toolTip()
    assert tab.slots_panel.task_texts() == ["Tetapkan LSP permohonan ini: berkasnya diterima tanpa alamat pengirim."]
    # the letterhead names the registered LSP: pre-selected, and the reason is in view
    assert tab.lsp_picker.chosen() == lsp.id
    assert tab.lsp_picker.hint.text() == (f"Disarankan: {LSP_NAME}. Alasannya: Nama pada kop surat "
                                          f"(“{LSP_NAME.upper()}”) sama dengan nama LSP ini.")
    qtbot.mouseClick(tab.lsp_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert Request.select().get().lsp_id == lsp.id
    assert not tab.lsp_box.isVisibleTo(tab) and tab.verify_button.isEnabled()


@pytest.fixture
def registry(services):
    """The registry of the issue: the first LSP in the list is not the sender's."""
    return [services.add_lsp("LSP Teknologi Digital Nusantara", ["sertifikasi@lsp-tdn.or.id"], city="Jakarta"),
            services.add_lsp("LSP Pariwisata Nusantara", ["lsp-parnus.id"], city="Denpasar")]


def kreatif_email(tmp_path, sender="lsp.iks@gmail.com"):
    """A letter from "LSP Industri Kreatif Sulawesi", which the registry does not know, from a free-mail sender."""
    from tests.core.intake.intake_builders import pdf_bytes
    from tests.ui.test_intake_drop import KREATIF_LETTER

    docs, _ = request_docs(8)
    docs.files = {"Surat Permohonan.pdf": pdf_bytes(KREATIF_LETTER), NAMES["list"]: docs.files[NAMES["list"]]}
    return write_email(tmp_path, docs, sender=sender)


def test_nothing_is_preselected_without_evidence(window, registry, tmp_path, qtbot, monkeypatch):
    """A letter from "LSP Industri Kreatif Sulawesi" showed "LSP Teknologi Digital Nusa…", one click from the
    wrong body."""
    answer_intake(monkeypatch)
    drop_on(window, file_mime([kreatif_email(tmp_path)]))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    picker = tab.lsp_picker
    assert picker.isVisibleTo(tab)
    assert picker.combo.currentText() == "— pilih LSP —" and picker.chosen() is None
    assert not picker.button.isEnabled()
    assert picker.hint.text() == ("Tidak ada petunjuk di surat atau alamat pengirim yang menunjuk LSP terdaftar: "
                                  "pilih sendiri, atau daftarkan LSP baru.")
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert Request.select().get().lsp_id is None


def test_register_a_new_lsp_from_the_picker_when_the_registry_is_empty(window, services, tmp_path, qtbot,
                                                                      monkeypatch):
    """With an empty registry the picker was blank and "Tetapkan LSP" did nothing, silently."""
    from PySide6.QtWidgets import QDialogButtonBox

    from blanko_desktop.ui.dialogs.lsp_registry import LspEditDialog

    answer_intake(monkeypatch)
    drop_on(window, file_mime([kreatif_email(tmp_path, sender="admin@lsp-iks.or.id")]))
    wait_idle(window, qtbot)
    tab = window.verification_tab
    picker = tab.lsp_picker
    items = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert items == ["— pilih LSP —", "", "Daftarkan LSP baru…"]
    assert not picker.button.isEnabled()
    assert picker.hint.text() == "Daftar LSP masih kosong: daftarkan LSP pengirim (datanya diambil dari surat)."
    seen = {}

    def register(dialog):
        seen["name"], seen["city"] = dialog.edits["name"].text(), dialog.edits["city"].text()
        seen["emails"] = dialog.emails.toPlainText()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(LspEditDialog, "exec", register)
    new = picker.combo.findText("Daftarkan LSP baru…")
    picker.combo.setCurrentIndex(new)
    picker.combo.activated.emit(new)
    assert seen == {"name": "LSP Industri Kreatif Sulawesi", "city": "Makassar", "emails": "admin@lsp-iks.or.id"}
    lsp = services.find_lsp_view("LSP Industri Kreatif Sulawesi")
    assert picker.chosen() == lsp.id and picker.button.isEnabled()
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert Request.select().get().lsp_id == lsp.id


def test_a_suggested_lsp_is_set_and_its_sender_remembered(window, registry, services, tmp_path, qtbot,
                                                         monkeypatch):
    kreatif = services.add_lsp("LSP Industri Kreatif Sulawesi", ["lsp-iks.or.id"], city="Makassar")
    answer_intake(monkeypatch, lambda d: d.choose_lsp(None))
    drop_on(window, file_mime([kreatif_email(tmp_path, sender="lsp.iks@gmail.com")]))
    wait_idle(window, qtbot)
    picker = window.verification_tab.lsp_picker
    assert picker.chosen() == kreatif.id and "kop surat" in picker.hint.text()
    assert picker.remember.text() == "Catat lsp.iks@gmail.com untuk LSP ini" and picker.remember.isChecked()
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert Request.select().get().lsp_id == kreatif.id
    assert services.lsp_for_sender("lsp.iks@gmail.com").id == kreatif.id


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
    assert model.index(0, model.COL_NAME).data() == people[0].name

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
    assert tab.request_id == first.id and tab.title.full_text() == f"Permohonan #{first.id} — {LSP_NAME}"
    index = tab.selector.findData(second.id)
    assert tab.selector.itemText(index) == f"#{second.id} · {LSP_NAME} · Diterima"
    tab.selector.setCurrentIndex(index)
    tab.selector.activated.emit(index)
    wait_idle(window, qtbot)
    assert tab.request_id == second.id
    assert window.requests_tab.detail.request_id == second.id


# -- an honest checklist -------------------------------------------------------------------------------------------

def test_missing_documents_never_read_as_everything_passed(window, lsp, tmp_path, qtbot):
    """"Belum lengkap: 2 hal" stood beside "Tidak ada temuan: semua pemeriksaan lolos"."""
    receive(window, qtbot, tmp_path, kinds=("letter", "minutes"))
    tab = window.verification_tab
    assert tab.banner.text() == "✗ Belum lengkap: 2 hal perlu dilengkapi LSP."
    assert tab.findings_model.rowCount() == 0
    assert tab.findings_count.text() == "Tidak ada temuan pada berkas yang diterima; masih 2 hal terbuka dengan LSP."


def duplicate_request(window, qtbot, tmp_path, count=20):
    """The LSP's list repeats one competent participant (same NIK, scheme, verdict): letter, minutes and decision
    count him once. Returns the request, the competent count and the Excel row of the repeat."""
    from blanko_desktop.core.demo.documents import request_documents
    from datetime import date

    docs, people = request_docs(count)
    twice = next(p for p in people if p.verdict == "K")
    repeated = request_documents(LSP_NAME, "Surabaya", people + [twice], date(2026, 11, 16), seq=45)
    docs.files[NAMES["list"]] = repeated.files[NAMES["list"]]
    drop_on(window, file_mime([write_email(tmp_path, docs)]))
    wait_idle(window, qtbot)
    return Request.select().get(), sum(p.verdict == "K" for p in people), 4 + count + 1


def test_a_duplicate_row_is_the_cause_named_and_once_accepted_it_counts_once(window, lsp, tmp_path, qtbot,
                                                                           monkeypatch):
    """Accepting a duplicate NIK left the counts as they were and the e-mail blamed the letter, the minutes
    and the decision (5 items) instead of the one extra row."""
    req, competent, row = duplicate_request(window, qtbot, tmp_path)
    tab = window.verification_tab
    model = tab.findings_model
    assert tab.banner.text() == "✗ Belum lengkap: 1 hal perlu dilengkapi LSP."
    assert tab.competent_value.text() == str(competent + 1)
    followers = [i for i, f in enumerate(model.findings) if f.cause]
    assert len(followers) >= 3
    for i in followers:
        assert model.index(i, FindingsModel.COL_STATUS).data() == f"↳ akibat baris {row} (NIK ganda)"
    mails = []
    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: mails.append(message) or 0)
    qtbot.mouseClick(tab.completion_button, Qt.MouseButton.LeftButton)
    numbered = [line for line in mails[0].get_content().splitlines() if line[:2] == "1." or line[:2] == "2."]
    assert len(numbered) == 1 and f"Baris {row}: NIK " in numbered[0]
    assert numbered[0].endswith("tidak sama dengan surat permohonan, berita acara dan keputusan sertifikasi; "
                                "mohon hapus baris gandanya.")

    duplicate = next(i for i, f in enumerate(model.findings) if f.row == row)
    tab.findings_panel.select_finding(duplicate)
    assert tab.findings_panel.detail.text().startswith(f"{NAMES['list']}, lembar 'Peserta': Baris {row}: NIK")
    notes = []
    monkeypatch.setattr(tab, "ask_note", lambda findings: notes.append(findings) or "Peserta sama tercatat dua kali")
    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)

    assert tab.competent_value.text() == str(competent)
    assert tab.participants.not_counted.text() == f"Dihitung sekali (baris ganda diterima): baris {row}"
    assert tab.banner.text().startswith("✓ Lengkap") and tab.verify_button.isEnabled()
    accepted = next(i for i, f in enumerate(tab.findings_model.findings) if f.row == row)
    message = tab.findings_model.index(accepted, FindingsModel.COL_MESSAGE).data()
    assert message.endswith("\nDiterima: Peserta sama tercatat dua kali")  # the note stays in sight
    tab.findings_panel.select_finding(accepted)
    assert "Diterima oleh Budi Santoso" in tab.findings_panel.detail.text()
    assert tab.findings_panel.reopen_button.isEnabled()

    monkeypatch.setattr(tab, "ask_reopen_note", lambda finding: "LSP harus memperbaiki daftarnya")
    qtbot.mouseClick(tab.findings_panel.reopen_button, Qt.MouseButton.LeftButton)
    wait_idle(window, qtbot)
    assert tab.competent_value.text() == str(competent + 1) and not tab.verify_button.isEnabled()
    reopened = AuditEvent.get(AuditEvent.action == "finding.reopen")
    assert reopened.after["note"] == "LSP harus memperbaiki daftarnya"
    assert Request.get_by_id(req.id).state == State.RECEIVED


def test_the_accept_dialog_says_the_row_once_and_what_accepting_a_duplicate_does(qtbot):
    from blanko_desktop.core.verification.checklist import CheckedFinding

    finding = CheckedFinding("Daftar.xlsx", "Peserta", 17, "Baris 17: NIK 3201150389001234 ganda, sama dengan "
                             "baris 5 (Ani / Ani)", "error", "list")
    dialog = AcceptFindingDialog([finding])
    qtbot.addWidget(dialog)
    assert dialog.what.text() == ("Daftar.xlsx, lembar 'Peserta': Baris 17: NIK 3201150389001234 ganda, sama "
                                  "dengan baris 5 (Ani / Ani).")
    assert dialog.effect.text().startswith("Menerima baris ganda berarti peserta itu dihitung sekali: baris 17")


# -- the layout: fits the office's screens -------------------------------------------------------------------------

def test_the_tab_fits_a_1024_screen(window, lsp, tmp_path, qtbot):
    """At 1024×768 the tab forced the window to 1040 px, the buttons off-screen."""
    duplicate_request(window, qtbot, tmp_path)
    tab = window.verification_tab
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert tab.minimumSizeHint().width() <= tab.width() <= 1024
    for button in (tab.verify_button, tab.completion_button, tab.findings_panel.accept_button):
        right = button.mapTo(tab, button.rect().topRight()).x()
        assert button.isVisibleTo(tab) and 0 < right <= tab.width(), button.text()
    # the findings wrap (a long message spans lines) instead of being cut ("surat memint…")
    long = max(range(tab.findings_model.rowCount()), key=lambda r: len(tab.findings_model.findings[r].message))
    view_row = tab.findings_proxy.mapFromSource(tab.findings_model.index(long, 0)).row()
    assert tab.findings.wordWrap() and tab.findings.rowHeight(view_row) > 2 * tab.findings.fontMetrics().height()


def test_the_panes_stay_put_when_the_preview_changes(window, lsp, tmp_path, qtbot):
    req, _competent, _row = duplicate_request(window, qtbot, tmp_path)
    tab = window.verification_tab
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    sizes = tab.splitter.sizes()
    for name in (NAMES["list"], NAMES["letter"], NAMES["list"], NAMES["decision"]):
        tab.documents.setCurrentItem(tab.documents.item_for(doc_named(req, name).id))
        wait_idle(window, qtbot)
        assert tab.splitter.sizes() == sizes, name
    tab.preview_document(None)
    assert tab.splitter.sizes() == sizes


def test_the_verdict_column_stays_in_view(window, lsp, tmp_path, qtbot):
    """At 1366 the K/BK column of the spreadsheet preview needed horizontal scrolling."""
    req, _competent, _row = duplicate_request(window, qtbot, tmp_path)
    tab = window.verification_tab
    for width in (1024, 1366):
        window.resize(width, 768)
        qtbot.waitUntil(lambda: window.width() == width)
        tab.documents.setCurrentItem(tab.documents.item_for(doc_named(req, NAMES["list"]).id))
        wait_idle(window, qtbot)
        view, model = tab.preview.participants, tab.preview.participants_model
        assert model.headerData(model.COL_VERDICT, Qt.Orientation.Horizontal) == "K/BK"
        header = view.horizontalHeader()
        assert 0 <= header.sectionViewportPosition(model.COL_VERDICT)
        assert header.sectionViewportPosition(model.COL_VERDICT) + header.sectionSize(model.COL_VERDICT) \
            <= view.viewport().width()


def test_the_pdf_preview_zooms(window, lsp, tmp_path, qtbot):
    window.showNormal()  # the offscreen screen is 800 px: the window starts maximised there
    window.resize(1366, 768)
    req, _ = receive(window, qtbot, tmp_path)
    tab = window.verification_tab
    tab.documents.setCurrentItem(tab.documents.item_for(doc_named(req, NAMES["letter"]).id))
    wait_idle(window, qtbot)
    preview = tab.preview
    assert preview.mode == "pdf" and preview.zoom_bar.isVisibleTo(tab) and preview.fits_width()
    window.activateWindow()
    preview.pdf_view.setFocus()
    fit = preview.zoom_factor()
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    bigger = preview.zoom_factor()
    assert bigger > fit and not preview.fits_width()
    assert preview.zoom_label.text() == f"{round(bigger * 100)} %"
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_factor() < bigger
    qtbot.keyClick(preview.pdf_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.fits_width() and preview.fit_button.isChecked()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not preview.fits_width()
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.fits_width()


def test_shortcuts_decide_and_move_on_to_the_next_request(window, lsp, tmp_path, qtbot, opened, monkeypatch):
    """Ctrl+Enter verifies, Ctrl+K asks the LSP; after either the tab shows the next request waiting."""
    docs, _ = request_docs(12, seed=3, seq=46)
    drop_on(window, file_mime([write_email(tmp_path / "a", docs)]))
    wait_idle(window, qtbot)
    first = Request.select().order_by(Request.id).first()
    second, _people = receive(window, qtbot, tmp_path / "b", kinds=("letter", "minutes"))
    tab = window.verification_tab
    tab.show_request(first.id)
    wait_idle(window, qtbot)
    assert tab.verify_button.isEnabled()
    assert "Ctrl+Return" in tab.verify_button.toolTip()
    window.activateWindow()
    tab.findings.setFocus()
    qtbot.keyClick(tab.findings, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window, qtbot)
    assert Request.get_by_id(first.id).state == State.VERIFIED
    assert tab.request_id == second.id and window.requests_tab.detail.request_id == second.id
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Permohonan #{first.id} terverifikasi")
    assert message.endswith(f"Berikutnya: permohonan #{second.id}.")

    monkeypatch.setattr(tab, "ask_completion", lambda rid, message: OPEN_MAIL)
    assert "Ctrl+K" in tab.completion_button.toolTip()
    tab.findings.setFocus()
    qtbot.keyClick(tab.findings, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_idle(window, qtbot)
    assert Request.get_by_id(second.id).state == State.WAITING_LSP
    assert window.statusBar().currentMessage().endswith("Tidak ada lagi permohonan yang menunggu pemeriksaan.")
