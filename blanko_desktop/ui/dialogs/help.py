"""Bantuan: the officer's guide (the README's, shipped with the app) and the keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextCursor, QTextImageFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop import paths

IMAGE_WIDTH = 640  # screenshots in the guide, scaled to read beside the text


def guide_dir() -> Path:
    return paths.resources_dir() / "guide"


class GuideWindow(QDialog):
    """The officer's guide in a window of its own, beside the work (not modal)."""

    _open: "GuideWindow | None" = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Officer's guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        source = guide_dir() / "guide.md"
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(guide_dir()) + "/"))
        if source.is_file():
            self.browser.setMarkdown(source.read_text(encoding="utf-8"))
            _fit_images(self.browser)
        else:
            self.browser.setPlainText(self.tr("The guide is missing from this installation (%1).")
                                      .replace("%1", str(source)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)

    @classmethod
    def show_for(cls, parent: QWidget) -> "GuideWindow":
        """One guide window: F1 again brings it to the front instead of opening another."""
        if cls._open is None or cls._open.parent() is not parent:
            cls._open = cls(parent)
        cls._open.show()
        cls._open.raise_()
        cls._open.activateWindow()
        return cls._open

    def text(self) -> str:
        return self.browser.toPlainText()


def _fit_images(browser: QTextBrowser) -> None:
    """Markdown has no image width: scale the screenshots down to the reading width."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                scaled = QTextImageFormat(image)
                scaled.setWidth(IMAGE_WIDTH)
                cursor.setCharFormat(scaled)
            it += 1
        block = block.next()


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
