"""Helpers for the intake tests: request files as an LSP sends them, drags as the mail programs deliver them."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from blanko_desktop.core.demo.documents import (
    participants,
    request_documents,
    request_email,
)
from blanko_desktop.ui import dropdata

LSP_NAME = "LSP Kelistrikan Tenaga Raya"
LSP_DOMAIN = "ktr-sertifikasi.id"
SENDER = f"admin@{LSP_DOMAIN}"
SENT = datetime(2026, 11, 16, 2, 0, tzinfo=timezone.utc)
NAMES = {"letter": "Surat Permohonan Blanko.pdf", "minutes": "BA Asesmen.pdf",
         "decision": "SK Penetapan Kompeten.pdf", "list": "Daftar Peserta K-BK.xlsx"}


def request_docs(count: int = 40, seed: int = 7, bad_nik_rows: tuple[int, ...] = (), seq: int = 45):
    """The four documents of one request; `bad_nik_rows` (0-based participants) get a broken NIK."""
    people = participants(count, random.Random(seed))
    for index in bad_nik_rows:
        people[index].nik = "32011"
    return request_documents(LSP_NAME, "Surabaya", people, date(2026, 11, 16), seq=seq), people


def write_files(folder: Path, docs, kinds=("letter", "minutes", "decision", "list")) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in kinds:
        path = folder / NAMES[kind]
        path.write_bytes(docs.files[NAMES[kind]])
        paths.append(path)
    return paths


def write_email(folder: Path, docs, sender: str = SENDER, kinds=None, name: str = "permohonan.eml") -> Path:
    """The LSP's e-mail with (some of) the four documents attached."""
    if kinds is not None:
        from blanko_desktop.core.demo.documents import RequestDocuments

        docs = RequestDocuments(docs.letter_number, {NAMES[k]: docs.files[NAMES[k]] for k in kinds})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(request_email(sender, LSP_NAME, docs, SENT))
    return path


def file_mime(paths: list[Path]) -> QMimeData:
    """What Explorer, Thunderbird or a saved e-mail gives: file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def outlook_mime(files: list[tuple[str, bytes]], with_index: bool = True) -> QMimeData:
    """Classic Outlook's attachments: FileGroupDescriptorW + one FileContents stream per attachment."""
    mime = QMimeData()
    mime.setData(dropdata.DESCRIPTOR_W,
                 QByteArray(dropdata.file_group_descriptor([n for n, _ in files], [len(d) for _, d in files])))
    for index, (_name, data) in enumerate(files):
        mime.setData(f"{dropdata.CONTENTS};index={index}" if with_index else dropdata.CONTENTS, QByteArray(data))
    return mime


def browser_mime() -> QMimeData:
    """Gmail in a browser: a link that needs the browser's login, and its text."""
    mime = QMimeData()
    url = "https://mail.google.com/mail/u/0/?ui=2&ik=abc&attid=0.1&disp=safe&realattid=f_x"
    mime.setUrls([QUrl(url)])
    mime.setText(url)
    return mime


def drag_over(widget: QWidget, mime: QMimeData, pos: QPoint | None = None) -> QDragEnterEvent:
    pos = pos if pos is not None else widget.rect().center()
    event = QDragEnterEvent(QPointF(pos), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def drag_leave(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QDragLeaveEvent())


def drop_on(widget: QWidget, mime: QMimeData, pos: QPoint | None = None) -> QDropEvent:
    """Drag over `widget` and release: what the window gets when the officer lets go."""
    pos = pos if pos is not None else widget.rect().center()
    drag_over(widget, mime, pos)
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def answer_intake(monkeypatch, fill=None, accept: bool = True) -> list:
    """The officer answers the intake dialog: `fill(dialog)` then Receive (or Cancel). Returns the dialogs seen."""
    from blanko_desktop.ui.intake.dialog import IntakeDialog

    seen = []

    def exec_(self):
        seen.append(self)
        if fill is not None:
            fill(self)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(IntakeDialog, "exec", exec_)
    return seen


def wait_idle(window, qtbot, timeout: int = 15000) -> None:
    """Until the intake and the checks it started are done and shown."""
    tab = window.verification_tab
    qtbot.waitUntil(lambda: not window.drops.pending and not window.intake.busy and not tab.busy
                    and not tab._reload_timer.isActive(), timeout=timeout)
