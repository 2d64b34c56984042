"""The officer drags what the LSP sent onto the window; the request appears, checked, in the Verifikasi tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from blanko_desktop.core.models import Document, LspAddress, Request
from blanko_desktop.core.workflow import State
from blanko_desktop.ui import i18n
from blanko_desktop.ui.intake import controller as intake_module
from tests.ui.drops import (
    LSP_DOMAIN,
    LSP_NAME,
    SENT,
    answer_intake,
    browser_mime,
    drag_leave,
    drag_over,
    drop_on,
    file_mime,
    outlook_mime,
    request_docs,
    wait_idle,
    write_email,
    write_files,
)

# A copy of the shared example request kept in the repository, so that CI runs the test too.
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "example-request"


@pytest.fixture
def lsp(services):
    return services.add_lsp(LSP_NAME, [LSP_DOMAIN], city="Surabaya")


def only_request() -> Request:
    requests = list(Request.select())
    assert len(requests) == 1
    return requests[0]


def test_dropped_email_of_a_known_lsp_goes_straight_to_a_checked_request(window, lsp, tmp_path, qtbot,
                                                                        monkeypatch):
    docs, people = request_docs(40)
    eml = write_email(tmp_path, docs)
    asked = answer_intake(monkeypatch)

    drop_on(window, file_mime([eml]))
    wait_idle(window, qtbot)

    assert asked == []  # a recognised LSP and no waiting request: nothing to ask
    req = only_request()
    assert req.lsp_id == lsp.id and req.received_at == SENT and req.state == State.RECEIVED
    assert Document.select().where(Document.request == req).count() == 5  # the e-mail and its four files
    tab = window.verification_tab
    assert window.tabs.currentWidget() is tab and tab.request_id == req.id
    competent = sum(p.verdict == "K" for p in people)
    assert tab.banner.text().startswith("✓ Lengkap")
    assert all(slot.status == "ok" for slot in tab.slots.values())
    assert tab.competent_value.text() == str(competent) == tab.requested_value.text()
    assert tab.not_yet_value.text() == str(len(people) - competent)
    assert tab.verify_button.isEnabled() and not tab.completion_button.isEnabled()
    assert window.requests_tab.detail.request_id == req.id  # selected in Permohonan Masuk too
    assert window.statusBar().currentMessage() == f"Permohonan #{req.id}: 5 berkas disimpan."


def test_loose_files_ask_for_the_lsp_and_take_the_typed_arrival_time(window, lsp, tmp_path, qtbot, monkeypatch):
    from datetime import datetime, timezone

    from PySide6.QtCore import QDateTime

    docs, _ = request_docs(30)
    paths = write_files(tmp_path / "berkas", docs)
    arrived = datetime(2026, 11, 17, 1, 30, tzinfo=timezone.utc)

    def fill(dialog):
        assert dialog.lsp_combo.isVisibleTo(dialog)
        assert dialog.target_label.text() == "Permohonan baru"
        assert [dialog.files.topLevelItem(i).text(2) for i in range(4)] == ["baru"] * 4
        dialog.choose_lsp(lsp.id)
        dialog.received_edit.setDateTime(QDateTime(i18n.local(arrived).replace(tzinfo=None)))

    asked = answer_intake(monkeypatch, fill)
    drop_on(window, file_mime(paths))
    wait_idle(window, qtbot)

    assert len(asked) == 1
    assert asked[0].origin.text() == "Berkas lepas (bukan e-mail): 4 berkas"
    req = only_request()
    assert req.lsp_id == lsp.id and req.received_at == arrived
    assert window.verification_tab.banner.text().startswith("✓ Lengkap")


def test_a_dropped_folder_is_read_whole(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(12)
    write_files(tmp_path / "folder", docs)
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, file_mime([tmp_path / "folder"]))
    wait_idle(window, qtbot)
    assert Document.select().count() == 4
    assert window.verification_tab.current.checklist.complete


def test_outlook_attachments_dropped_as_virtual_files(window, lsp, qtbot, monkeypatch):
    docs, people = request_docs(25)
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, outlook_mime(list(docs.files.items())))
    wait_idle(window, qtbot)
    req = only_request()
    names = sorted(d.original_name for d in Document.select().where(Document.request == req))
    assert names == sorted(docs.files)
    assert window.verification_tab.current.checklist.competent == sum(p.verdict == "K" for p in people)


@pytest.mark.parametrize("mime, words", [
    (browser_mime, "e-mail di peramban"),
    (lambda: text_mime("Permohonan blanko"), "Tidak ada berkas yang dapat dibaca"),
], ids=["browser-link", "plain-text"])
def test_a_drag_without_a_readable_file_says_what_to_do(window, lsp, qtbot, mime, words):
    drop_on(window, mime())
    qtbot.waitUntil(lambda: not window.notice.isHidden(), timeout=2000)
    assert words in window.notice.text()
    assert "Simpan dulu" in window.notice.text() and "Desktop" in window.notice.text()
    assert Request.select().count() == 0


def test_new_outlook_attachments_without_content_are_named(window, qtbot):
    from PySide6.QtCore import QByteArray

    from blanko_desktop.ui import dropdata

    mime = QMimeData()
    mime.setData(dropdata.DESCRIPTOR_W, QByteArray(dropdata.file_group_descriptor(["Surat.pdf"], [2048])))
    drop_on(window, mime)
    qtbot.waitUntil(lambda: not window.notice.isHidden(), timeout=2000)
    assert "Surat.pdf" in window.notice.text()


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_overlay_shows_while_dragging_and_names_the_target_row(window, lsp, services, tmp_path, qtbot):
    from tests.ui.conftest import ago

    req = services.create_request(ago(hours=1), lsp.id)
    window.refresh()
    mime = file_mime([tmp_path / "x.pdf"])
    assert drag_over(window, mime).isAccepted()
    assert window.overlay.isVisible() and "Lepaskan untuk menerima berkas" in window.overlay.text()
    table = window.requests_tab.table
    row_pos = table.visualRect(table.model().index(0, 1)).center()
    drag_over(table.viewport(), mime, row_pos)
    assert window.overlay.text() == f"Lepaskan untuk menambahkan berkas ke permohonan #{req.id}"
    assert table.drop_row == 0
    drag_leave(table.viewport())
    qtbot.waitUntil(lambda: not window.overlay.isVisible(), timeout=1000)
    assert table.drop_row == -1


def test_files_dropped_onto_a_request_row_are_added_to_it(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(20)
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    drop_on(window, file_mime(write_files(tmp_path / "a", docs, ("letter", "minutes"))))
    wait_idle(window, qtbot)
    req = only_request()
    assert not window.verification_tab.current.checklist.complete

    asked = answer_intake(monkeypatch)
    window.tabs.setCurrentWidget(window.requests_tab)
    table = window.requests_tab.table
    row = window.requests_tab.model.row_of(req.id)
    drop_on(table.viewport(), file_mime(write_files(tmp_path / "b", docs, ("decision", "list"))),
            table.visualRect(table.model().index(row, 1)).center())
    wait_idle(window, qtbot)

    assert asked == []  # the target is known and nothing is odd: no questions
    assert only_request().id == req.id
    assert Document.select().where(Document.request == req).count() == 4
    assert window.verification_tab.current.checklist.complete


def test_files_dropped_onto_the_detail_pane_go_to_the_request_shown(window, lsp, services, tmp_path, qtbot,
                                                                   monkeypatch):
    from tests.ui.conftest import ago

    req = services.create_request(ago(hours=2), lsp.id, sender=f"admin@{LSP_DOMAIN}")
    window.refresh()
    window.requests_tab.select_request(req.id)
    docs, _ = request_docs(15)
    answer_intake(monkeypatch)
    drop_on(window.requests_tab.detail, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    assert only_request().id == req.id
    assert Document.select().where(Document.request == req).count() == 4


def test_the_empty_state_takes_the_first_drop(window, lsp, tmp_path, qtbot, monkeypatch):
    tab = window.requests_tab
    assert tab.stack.currentWidget() is tab.empty_state and tab.empty_state.acceptDrops()
    docs, _ = request_docs(10)
    answer_intake(monkeypatch)
    drop_on(tab.empty_state, file_mime([write_email(tmp_path, docs)]))
    wait_idle(window, qtbot)
    assert only_request().lsp_id == lsp.id
    assert tab.stack.currentIndex() == 0  # the table replaces the invitation


def test_a_file_received_before_is_recognised_and_not_stored_twice(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    eml = write_email(tmp_path, docs)
    drop_on(window, file_mime([eml]))
    wait_idle(window, qtbot)
    first = only_request()
    stored = Document.select().count()

    asked = answer_intake(monkeypatch, accept=False)
    drop_on(window, file_mime(write_files(tmp_path / "lagi", docs)))
    wait_idle(window, qtbot)

    dialog = asked[0]
    statuses = [dialog.files.topLevelItem(i).text(2) for i in range(dialog.files.topLevelItemCount())]
    assert all(s.startswith("sudah diterima pada ") and s.endswith(f"untuk permohonan #{first.id}")
               for s in statuses), statuses
    assert not dialog.ok_button.isEnabled()
    assert dialog.nothing_new.isVisibleTo(dialog)
    assert Document.select().count() == stored and Request.select().count() == 1


def test_unknown_sender_picks_the_lsp_and_adds_the_address(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    eml = write_email(tmp_path, docs, sender="sertifikasi.ktr@gmail.com")

    def fill(dialog):
        assert "sertifikasi.ktr@gmail.com" in dialog.lsp_label.text()
        # the letterhead names a registered LSP: suggested, with the reason in view
        assert dialog.lsp_combo.currentData() == lsp.id
        assert dialog.lsp_hint.text() == (f"Disarankan: {LSP_NAME}. Alasannya: Nama pada kop surat "
                                          f"(\u201c{LSP_NAME.upper()}\u201d) sama dengan nama LSP ini.")
        dialog.choose_lsp(None)
        assert not dialog.add_address.isEnabled()  # nothing to add it to
        dialog.choose_lsp(lsp.id)
        assert dialog.add_address.isEnabled() and dialog.add_address.isChecked()
        assert dialog.add_address.text() == "Tambahkan sertifikasi.ktr@gmail.com ke alamat e-mail LSP ini"

    answer_intake(monkeypatch, fill)
    drop_on(window, file_mime([eml]))
    wait_idle(window, qtbot)

    assert only_request().lsp_id == lsp.id
    address = LspAddress.get(LspAddress.value == "sertifikasi.ktr@gmail.com")
    assert address.lsp_id == lsp.id and not address.is_domain
    assert window.session.services.lsp_for_sender("sertifikasi.ktr@gmail.com").id == lsp.id


def test_files_for_a_waiting_request_are_offered_to_it(window, lsp, services, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    drop_on(window, file_mime([write_email(tmp_path, docs, kinds=("letter", "minutes"), name="a.eml")]))
    wait_idle(window, qtbot)
    req = only_request()
    services.transition(req.id, State.WAITING_LSP)

    def fill(dialog):
        assert dialog.to_waiting.isChecked()  # the default
        assert dialog.to_waiting.text() == (f"Tambahkan ke permohonan #{req.id} yang menunggu kelengkapan "
                                            "(diterima 16 Nov 2026)")

    asked = answer_intake(monkeypatch, fill)
    drop_on(window, file_mime([write_email(tmp_path, docs, kinds=("decision", "list"), name="b.eml")]))
    wait_idle(window, qtbot)

    assert len(asked) == 1
    fresh = only_request()
    assert fresh.state == State.RECEIVED and fresh.clock_running
    assert window.verification_tab.current.checklist.complete


def test_the_officer_may_start_a_new_request_instead(window, lsp, services, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    drop_on(window, file_mime([write_email(tmp_path, docs, kinds=("letter",), name="a.eml")]))
    wait_idle(window, qtbot)
    services.transition(only_request().id, State.WAITING_LSP)
    other, _ = request_docs(12, seed=99, seq=46)
    answer_intake(monkeypatch, lambda d: d.to_new.setChecked(True))
    drop_on(window, file_mime([write_email(tmp_path, other, name="b.eml")]))
    wait_idle(window, qtbot)
    assert Request.select().count() == 2


def test_cancelling_the_dialog_stores_nothing(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    answer_intake(monkeypatch, accept=False)
    drop_on(window, file_mime(write_files(tmp_path, docs)))
    wait_idle(window, qtbot)
    assert Request.select().count() == 0 and Document.select().count() == 0
    assert window.statusBar().currentMessage() == "Penerimaan dibatalkan: tidak ada yang disimpan."


def test_problems_are_listed_in_the_dialog(window, lsp, tmp_path, qtbot, monkeypatch):
    from tests.core.intake.intake_builders import eml_bytes

    eml = tmp_path / "kosong.eml"
    eml.write_bytes(eml_bytes([], sender=f"Admin <admin@{LSP_DOMAIN}>"))
    asked = answer_intake(monkeypatch, accept=False)
    drop_on(window, file_mime([eml]))
    wait_idle(window, qtbot)
    assert asked and asked[0].problems.isVisibleTo(asked[0])
    assert "lampiran" in asked[0].problems.text()


def test_paste_takes_files_copied_in_explorer(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    QGuiApplication.clipboard().setMimeData(file_mime([write_email(tmp_path, docs)]))
    window.action_paste.trigger()
    wait_idle(window, qtbot)
    assert only_request().lsp_id == lsp.id
    assert window.action_paste.shortcut().toString() == "Ctrl+V"


def test_paste_without_files_says_so(window, qtbot):
    QGuiApplication.clipboard().setText("bukan berkas")
    window.action_paste.trigger()
    assert window.notice.text().startswith("Papan klip tidak berisi berkas")


def test_file_import_menu(window, lsp, tmp_path, qtbot, monkeypatch):
    docs, _ = request_docs(10)
    eml = write_email(tmp_path, docs)
    monkeypatch.setattr(intake_module, "choose_import_files", lambda parent, start: [eml])
    assert window.action_import.shortcut().toString() == "Ctrl+I"
    assert window.file_menu.actions()[0] is window.action_import
    assert window.action_import.text() == "&Impor berkas…"
    window.action_import.trigger()
    wait_idle(window, qtbot)
    doc = Document.select().where(Document.kind == "email").get()
    assert doc.source == "import"


def test_the_window_stays_responsive_and_shows_progress(window, lsp, tmp_path, qtbot):
    docs, _ = request_docs(300)
    progress = []
    window.intake.progress.connect(lambda done, total, name: progress.append((done, total, name)))
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    drop_on(window, file_mime([write_email(tmp_path, docs)]))
    qtbot.waitUntil(lambda: window.intake.busy, timeout=2000)
    assert window.intake_progress.isVisibleTo(window)
    wait_idle(window, qtbot)
    timer.stop()
    assert progress and progress[-1][0] == progress[-1][1] == 1
    assert len(ticks) > 2  # the event loop kept turning while the files were read
    assert not window.intake_progress.isVisibleTo(window)


@pytest.mark.parametrize("as_email", [True, False], ids=["eml", "four-files"])
def test_the_shared_example_request(window, tmp_path, qtbot, monkeypatch, services, as_email):
    lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"])
    answer_intake(monkeypatch, lambda d: d.choose_lsp(lsp.id))
    paths = [SAMPLES / "example-request.eml"] if as_email else sorted((SAMPLES / "files").iterdir())
    drop_on(window, file_mime(paths))
    wait_idle(window, qtbot)
    assert only_request().lsp_id == lsp.id
    tab = window.verification_tab
    cl = tab.current.checklist
    assert cl.complete and cl.competent == cl.requested == 10 and cl.not_yet == 2
    assert tab.competent_value.text() == "10" and tab.not_yet_value.text() == "2"


def test_files_dropped_onto_an_lsp_less_request_take_the_lsp_chosen_and_remember_the_sender(
        window, lsp, services, tmp_path, qtbot, monkeypatch):
    """The dialog shows core's decision (the request named, no LSP known); the LSP the officer picks goes to
    core's decision again, which gives it to the request and remembers the sender, in the one commit."""
    from tests.ui.conftest import ago

    req = services.create_request(ago(hours=2), None)
    window.refresh()
    window.requests_tab.select_request(req.id)
    docs, _ = request_docs(12)
    eml = write_email(tmp_path, docs, kinds=("decision", "list"), sender="lsp.baru@gmail.com")
    seen = {}

    def fill(dialog):
        seen["combo"] = dialog.lsp_combo.isVisibleTo(dialog)
        seen["target"] = dialog.target_label.text()
        dialog.choose_lsp(lsp.id)

    answer_intake(monkeypatch, fill)
    drop_on(window.requests_tab.detail, file_mime([eml]))
    wait_idle(window, qtbot)

    assert seen == {"combo": True, "target": f"Tambahkan ke permohonan #{req.id} (Diterima)"}
    view = services.request_view(req.id)
    assert (view.lsp_id, view.lsp_name, view.sender) == (lsp.id, LSP_NAME, "lsp.baru@gmail.com")
    assert services.lsp_for_sender("lsp.baru@gmail.com").id == lsp.id
    assert [d.original_name for d in services.document_views(req.id)][0].endswith(".eml")
    assert Request.select().count() == 1


# -- an LSP nobody has registered yet ------------------------------------------------------------------------------

KREATIF_LETTER = """LSP INDUSTRI KREATIF SULAWESI
Jl. Perintis Kemerdekaan No. 10, Makassar 90245 Telp. (0411) 555-0123

Nomor    : 012/LSP-IKS/XI/2026
Perihal  : Permohonan Blanko Sertifikat Kompetensi
Untuk itu kami mohon dapat diberikan blanko sertifikat sebanyak 8 (delapan) lembar.
Makassar, 13 November 2026
Ketua LSP Industri Kreatif Sulawesi
"""


def test_an_empty_registry_offers_to_register_the_lsp_from_the_letter(window, services, tmp_path, qtbot,
                                                                     monkeypatch):
    """The intake dialog offered only '— belum ditentukan —'; now the LSP is registered from inside it."""
    from tests.core.intake.intake_builders import pdf_bytes
    from PySide6.QtWidgets import QDialogButtonBox

    from blanko_desktop.ui.dialogs.lsp_registry import LspEditDialog

    docs, _ = request_docs(8)
    docs.files = {"Surat Permohonan.pdf": pdf_bytes(KREATIF_LETTER)}
    eml = write_email(tmp_path, docs, sender="admin@lsp-iks.or.id")
    prefilled = {}

    def register(edit: LspEditDialog):
        prefilled.update(name=edit.edits["name"].text(), address=edit.address.toPlainText(),
                         city=edit.edits["city"].text(), postal=edit.edits["postal_code"].text(),
                         phone=edit.edits["phone"].text(), emails=edit.emails.toPlainText())
        edit.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return edit.result()

    monkeypatch.setattr(LspEditDialog, "exec", register)

    def fill(dialog):
        items = [dialog.lsp_combo.itemText(i) for i in range(dialog.lsp_combo.count())]
        assert items == ["— belum ditentukan —", "", "Daftarkan LSP baru…"]
        assert dialog.lsp_combo.currentData() is None and not dialog.lsp_hint.isVisibleTo(dialog)
        new = dialog.lsp_combo.findText("Daftarkan LSP baru…")
        dialog.lsp_combo.setCurrentIndex(new)
        dialog.lsp_combo.activated.emit(new)  # what choosing it with the mouse sends
        assert dialog.lsp_combo.currentText() == "LSP Industri Kreatif Sulawesi"

    answer_intake(monkeypatch, fill)
    drop_on(window, file_mime([eml]))
    wait_idle(window, qtbot)

    assert prefilled == {"name": "LSP Industri Kreatif Sulawesi", "address": "Jl. Perintis Kemerdekaan No. 10",
                         "city": "Makassar", "postal": "90245", "phone": "(0411) 555-0123",
                         "emails": "admin@lsp-iks.or.id"}
    lsp = services.find_lsp_view("LSP Industri Kreatif Sulawesi")
    assert (lsp.address, lsp.city, lsp.postal_code, lsp.emails) == (
        "Jl. Perintis Kemerdekaan No. 10", "Makassar", "90245", ("admin@lsp-iks.or.id",))
    assert only_request().lsp_id == lsp.id
