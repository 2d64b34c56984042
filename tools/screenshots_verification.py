"""The Verifikasi tab's states for docs/screenshots/ (incomplete, draft, complete, unknown LSP) at 1366×768, from a
small demo database and e-mails dropped onto the window (the tab at three sizes: tools/screenshots.py).

    QT_QPA_PLATFORM=offscreen python tools/screenshots_verification.py [--out docs/screenshots]

The window is drawn offscreen with QWidget.grab().
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZES = ((1024, 768), (1366, 768), (1920, 1080))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="blanko-verif-shots-"))
    os.environ["BLANKO_CONFIG_DIR"] = str(work / "config")
    os.environ["BLANKO_DATA_DIR"] = str(work / "data")

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDesktopServices, QDropEvent
    from PySide6.QtWidgets import QApplication, QDialog

    from blanko_desktop.core import demo
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.demo.documents import participants, request_documents, request_email
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.dialogs.completion_dialogs import COPY_TEXT
    from blanko_desktop.ui.intake.dialog import IntakeDialog
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    storage = Storage.open(work / "blanko.sqlite")
    demo.fill(Services(storage, Actor("demo", "Sri Wahyuni")), requests=8)
    session = Session(LocalConfig(database=str(storage.path), officer="Sri Wahyuni"), storage)
    window = MainWindow(session)
    window.resize(*SIZES[1])
    window.show()
    tab = window.verification_tab
    QDesktopServices.openUrl = staticmethod(lambda url: False)  # no mail program here

    def settle(seconds: float = 0.5) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or window.intake.busy or tab.busy:
            app.processEvents()
            time.sleep(0.01)

    IntakeDialog.exec = lambda dialog: (dialog.to_new.setChecked(True), QDialog.DialogCode.Accepted)[1]

    def drop(files: dict[str, bytes], lsp_name: str, sender: str, seq: int) -> None:
        docs = request_documents(lsp_name, "Makassar", [], date.today(), seq=seq)
        docs.files = files
        path = work / f"permohonan-{seq}.eml"
        path.write_bytes(request_email(sender, lsp_name, docs, datetime.now(timezone.utc) - timedelta(hours=2)))
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        window.dropEvent(QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        settle()

    def shoot(name: str, size: tuple[int, int]) -> None:
        window.resize(*size)
        settle(0.4)
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(target))
        print(target, window.width(), window.height())

    lsps = {lsp.name: lsp for lsp in session.services.lsp_views(active_only=True)}
    lsp = lsps.get("LSP Maritim Celebes") or next(iter(lsps.values()))
    sender = lsp.emails[0] if lsp.emails else "admin@example.id"
    rng = random.Random(2026)
    people = participants(40, rng)
    people[6].nik = "737104120395"  # lost its leading digits in Excel
    files = dict(request_documents(lsp.name, "Makassar", people, date.today(), seq=17).files)
    twice = next(p for p in people if p.verdict == "K")
    files["Daftar Peserta K-BK.xlsx"] = request_documents(lsp.name, "Makassar", people + [twice], date.today(),
                                                          seq=17).files["Daftar Peserta K-BK.xlsx"]
    drop(files, lsp.name, sender, 17)
    listing = next(d for d in tab.current.documents if d.kind == "list")
    tab.documents.setCurrentItem(tab.documents.item_for(listing.id))
    settle()
    duplicate = next(i for i, f in enumerate(tab.findings_model.findings) if "ganda" in f.message)
    tab.findings_panel.select_finding(duplicate)
    settle()
    shoot("verifikasi-belum-lengkap.png", SIZES[1])

    # the completion text copied for web mail: a draft until the officer says it was sent
    tab.ask_completion = lambda request_id, message: COPY_TEXT
    tab.send_completion()
    settle()
    shoot("verifikasi-draf.png", SIZES[1])

    # a complete request
    complete = lsps.get("LSP Pariwisata Bali Dwipa") or next(iter(lsps.values()))
    drop(request_documents(complete.name, "Denpasar", participants(120, rng), date.today(), seq=88).files,
         complete.name, complete.emails[0] if complete.emails else "admin@example.id", 88)
    shoot("verifikasi.png", SIZES[1])

    # an LSP nobody registered: nothing pre-selected, the new LSP registered from the picker
    from tests.core.intake.intake_builders import pdf_bytes

    letterhead = ("LSP INDUSTRI KREATIF SULAWESI\nJl. Perintis Kemerdekaan No. 10, Makassar 90245 Telp. (0411) "
                  "555-0123\n\nNomor    : 012/LSP-IKS/XI/2026\nPerihal  : Permohonan Blanko Sertifikat\nUntuk itu "
                  "kami mohon dapat diberikan blanko sertifikat sebanyak 8 (delapan) lembar.\n")
    IntakeDialog.exec = lambda dialog: (dialog.choose_lsp(None), dialog.to_new.setChecked(True),
                                        QDialog.DialogCode.Accepted)[2]
    kreatif = request_documents("LSP Industri Kreatif Sulawesi", "Makassar", participants(8, rng), date.today(),
                                seq=12).files
    kreatif["Surat Permohonan Blanko.pdf"] = pdf_bytes(letterhead)
    drop(kreatif, "LSP Industri Kreatif Sulawesi", "lsp.iks@gmail.com", 12)
    shoot("verifikasi-lsp.png", SIZES[1])
    window.close()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
