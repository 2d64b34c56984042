"""Open a copy of a stored document with the workstation's default program."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from blanko_desktop.core.services.views import DocumentView
from blanko_desktop.core.storage import Storage
from blanko_desktop.ui import messages


translate = QCoreApplication.translate


def open_copy(parent: QWidget | None, storage: Storage, doc: DocumentView) -> tuple[Path | None, bool]:
    """Copy `doc` out of the store under a readable name and open it; returns (copy, opened).

    The store names files by hash and must never be changed by another program: the copy carries the original
    extension so that the right program opens it. A missing stored file is said in a warning: (None, False).
    """
    from blanko_desktop.core.reception import file_name_for  # the intake stack: not needed at start-up

    try:
        # a file beside the database, or a local copy written from the server's database
        source = storage.files.path_for(doc.sha256)
    except OSError:  # not on the server (FileNotFoundError), or the copy could not be written
        source = None
    if source is None or not source.is_file():
        messages.warn(parent, translate("StoredFile", "File missing"),
                      translate("StoredFile", "The stored file is missing. Run the database check."))
        return None, False
    target = Path(tempfile.mkdtemp(prefix="blanko-")) / file_name_for(doc)
    shutil.copyfile(source, target)
    return target, QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
