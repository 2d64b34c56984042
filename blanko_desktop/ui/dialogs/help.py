"""Bantuan: the officer's guide in the window's language (shipped with the app) and the keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QKeySequence, QPixmap, QTextCursor, QTextImageFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop import paths

GUIDE_FILES = {"en": "guide.md", "id": "panduan.md"}  # tools/build_guide.py writes both


def guide_dir() -> Path:
    return paths.resources_dir() / "guide"


def window_language() -> str:
    """The language the window speaks: i18n.install makes the chosen language QLocale's default."""
    return "en" if QLocale().language() == QLocale.Language.English else "id"


def guide_file(language: str) -> Path:
    return guide_dir() / GUIDE_FILES.get(language, GUIDE_FILES["id"])


class GuideWindow(QDialog):
    """The officer's guide in a window of its own, beside the work (not modal), in the window's language."""

    _open: "GuideWindow | None" = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officer's guide"))
        self.language = window_language()
        self.picture: PictureWindow | None = None
        self.browser = QTextBrowser()
        # Links are ours to follow: left to QTextBrowser, a click on a screenshot's link would replace the
        # guide with the PNG read as text, and there is no way back.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.browser.document().setUndoRedoEnabled(False)  # refitting the pictures is not an edit
        source = guide_file(self.language)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(guide_dir()) + "/"))
        if source.is_file():
            self.browser.setMarkdown(source.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("The guide is missing from this installation (%1).")
                                      .replace("%1", str(source)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
        # the pictures follow the width of the text: refit once the resizing settles
        self._refit = QTimer(self, singleShot=True, interval=80)
        self._refit.timeout.connect(self.fit_images)

    @classmethod
    def show_for(cls, parent: QWidget) -> "GuideWindow":
        """One guide window: F1 again brings it to the front instead of opening another."""
        current = cls._open
        # another main window (a database switched, a test), or the language of the window changed
        if (current is None or not shiboken6.isValid(current) or current.parent() is not parent
                or current.language != window_language()):
            cls._open = cls(parent)
        cls._open.show()
        cls._open.raise_()
        cls._open.activateWindow()
        return cls._open

    def text(self) -> str:
        return self.browser.toPlainText()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_images()  # the text's width is known now

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit.start()

    def fit_images(self) -> None:
        """Markdown has no image width: each screenshot as wide as the text, never wider than it is (a
        small dialog blown up looks like a live one, and blurred)."""
        document = self.browser.document()
        room = max(200, self.browser.viewport().width() - 2 * int(document.documentMargin()) - 8)
        changed = False
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    natural = _natural_size(image.name())
                    width = min(room, natural.width()) if natural.isValid() else room
                    if image.width() != width:
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        scaled = QTextImageFormat(image)
                        scaled.setWidth(width)
                        if natural.isValid():  # both given: the layout needs not decode a picture out of sight
                            scaled.setHeight(natural.height() * width / natural.width())
                        cursor.setCharFormat(scaled)
                        changed = True
                it += 1
            block = block.next()
        if changed:
            # Lay the whole text out again: after these edits Qt left some headings unlaid (a heading right
            # before a table was never drawn: "Pintasan papan ketik" went missing).
            document.markContentsDirty(0, document.characterCount())

    def follow(self, url: QUrl) -> None:
        """A link of the guide: a screenshot opens in a picture window, a web address in the browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        path = guide_dir() / Path(url.path()).name
        if url.isRelative() and path.suffix.lower() == ".png" and path.is_file():
            if self.picture is None:
                self.picture = PictureWindow(self)
            self.picture.show_file(path)


def _natural_size(name: str) -> QSize:
    """A shipped picture's size, read from its header."""
    return QImageReader(str(guide_dir() / Path(name).name)).size()


class PictureWindow(QDialog):
    """A screenshot the guide links to (the same tab on another screen size), at its own size."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    def show_file(self, path: Path) -> None:
        pixmap = QPixmap(str(path))
        self.label.setPixmap(pixmap)
        self.setWindowTitle(self.tr("Screenshot: %1").replace("%1", path.stem))
        self.resize(min(pixmap.width() + 40, 1000), min(pixmap.height() + 80, 760))
        self.show()
        self.raise_()
        self.activateWindow()


class KeysDialog(QDialog):
    """Every keyboard shortcut of the window, for someone who does this 20 times a day."""

    def __init__(self, window: QWidget | None = None):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.keys = QTreeWidget()
        self.keys.setRootIsDecorated(False)
        self.keys.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.keys.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for keys, text in self.rows(window):
            self.keys.addTopLevelItem(QTreeWidgetItem([keys, text]))
        intro = QLabel(self.tr("Everything in the window works with the keyboard alone:"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.keys)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def rows(self, window: QWidget | None) -> list[tuple[str, str]]:
        def key(sequence) -> str:
            return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)

        rows = [
            (key(QKeySequence.StandardKey.Find), self.tr("Find a request: LSP, letter no., sender or #number")),
            (self.tr("Esc (in the search box)"), self.tr("Clear the search; again: back to the table")),
            (self.tr("↑ ↓ (in the table)"), self.tr("Select a request: its details show on the right")),
            (self.tr("Enter (in the table)"), self.tr("Go to the buttons of the next step in the detail pane")),
            (self.tr("Tab, Shift+Tab"), self.tr("Move between buttons and fields")),
            (self.tr("Enter or Space (on a button)"), self.tr("Press the button")),
            (self.tr("Esc (in the detail pane)"), self.tr("Back to the table")),
        ]
        # the menu shortcuts, as the window has them
        actions = [getattr(window, name, None) for name in (
            "action_import", "action_paste", "action_open_db", "action_lsp", "action_settings", "action_refresh",
            "action_guide", "action_quit")]
        for action in actions:
            if action is not None and not action.shortcut().isEmpty():
                rows.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                             action.text().replace("&", "").rstrip("…")))
        return rows
