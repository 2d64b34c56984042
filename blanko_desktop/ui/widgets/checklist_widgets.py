"""The pieces of the Verifikasi tab: checklist slots, the documents list, findings and participants models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QFrame, QGridLayout, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from blanko_desktop.core.services.views import DocumentView
from blanko_desktop.ui.dropdata import DOCUMENT_FORMAT

if TYPE_CHECKING:  # the intake stack (pypdf, parsers) loads on first use, not at start-up
    from blanko_desktop.core.verification.checklist import CheckedFinding, Item
    from blanko_desktop.core.intake import Participant


# status -> (mark, text colour, background, border); each status also has words, never colour alone
STATUS_STYLE = {
    "ok": ("✓", "#1b6e35", "#e8f5ec", "#9fd3ae"),
    "missing": ("✗", "#a31515", "#fcebeb", "#e6a5a5"),
    "invalid": ("⚠", "#7a4f00", "#fff5d6", "#e3c46e"),
}
ERROR_FG, WARNING_FG, ACCEPTED_FG = "#a31515", "#7a4f00", "#6b6b6b"
FLAGGED_BG = "#fcebeb"

translate = QCoreApplication.translate

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def status_words(status: str) -> str:
    return {
        "ok": translate("Checklist", "in order"),
        "missing": translate("Checklist", "not received"),
        "invalid": translate("Checklist", "has problems"),
    }.get(status, status)


class ChecklistSlot(QFrame):
    """One of the four required documents: its status, the reason and its files.

    A document row dropped here becomes this kind of document (`kind_dropped`).
    """

    kind_dropped = Signal(int, str)

    def __init__(self, kind: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.status = ""
        self.setObjectName(f"slot_{kind}")
        self.setAcceptDrops(True)
        self.mark = QLabel()
        font = QFont(self.mark.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.mark.setFont(font)
        self.mark.setFixedWidth(self.mark.fontMetrics().horizontalAdvance("✓✓"))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel(title)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.files = QLabel()
        self.files.setWordWrap(True)
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.mark, 0, 0, 3, 1)
        layout.addWidget(self.title, 0, 1)
        layout.addWidget(self.reason, 1, 1)
        layout.addWidget(self.files, 2, 1)
        self._hover = False
        self.set_item(None)

    def set_item(self, item: Item | None) -> None:
        self.status = item.status if item else ""
        mark, fg, bg, border = STATUS_STYLE.get(self.status, ("·", "#555555", "transparent", "#cccccc"))
        self.mark.setText(mark)
        self._colours = (fg, bg, border)
        words = status_words(self.status) if item else ""
        self.title.setToolTip(words)
        title = self.title.text().split("  —  ")[0]
        self.title.setText(f"{title}  —  {words}" if words else title)
        # "missing" says it all in the title; an invalid document needs its reason
        reason = item.reason if item and item.status == "invalid" else ""
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.files.setText(", ".join(item.files) if item and item.files else "")
        self.files.setVisible(bool(self.files.text()))
        self._restyle()

    def _restyle(self) -> None:
        fg, bg, border = self._colours
        width = 2 if self._hover else 1
        border = "palette(highlight)" if self._hover else border
        self.setStyleSheet(
            f"#slot_{self.kind} {{ background: {bg}; border: {width}px solid {border}; border-radius: 6px; }}"
            f"#slot_{self.kind} QLabel {{ color: {fg}; background: transparent; }}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_FORMAT):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._hover = True
            self._restyle()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dragLeaveEvent(self, event) -> None:
        self._hover = False
        self._restyle()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover = False
        self._restyle()
        if not event.mimeData().hasFormat(DOCUMENT_FORMAT):
            event.ignore()
            return
        document_id = int(bytes(event.mimeData().data(DOCUMENT_FORMAT).data()).decode())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.kind_dropped.emit(document_id, self.kind)


def document_mime(document_id: int) -> QMimeData:
    """A document row on the move inside the window."""
    mime = QMimeData()
    mime.setData(DOCUMENT_FORMAT, QByteArray(str(document_id).encode()))
    return mime


class DocumentList(QTreeWidget):
    """The request's files; rows can be dragged onto a checklist slot."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def document_id(self, item: QTreeWidgetItem | None = None) -> int | None:
        item = item or self.currentItem()
        return item.data(0, DOC_ID_ROLE) if item is not None else None

    def item_for(self, document_id: int) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            if self.topLevelItem(i).data(0, DOC_ID_ROLE) == document_id:
                return self.topLevelItem(i)
        return None

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_FORMAT]

    def mimeData(self, items) -> QMimeData:
        return document_mime(items[0].data(0, DOC_ID_ROLE)) if items else QMimeData()


def describe(doc: DocumentView) -> str:
    """A short line about what the intake found in a stored file (its analysis summary)."""
    summary = doc.analysis or {}
    pdf = summary.get("pdf")
    parts = []
    if pdf:
        if pdf.get("encrypted"):
            parts.append(translate("DocumentInfo", "PDF protected by password"))
        elif not pdf.get("valid", True):
            parts.append(translate("DocumentInfo", "damaged PDF"))
        else:
            pages = pdf.get("pages") or 0
            parts.append(translate("DocumentInfo", "PDF, %n page(s)", "", pages))
            parts.append(translate("DocumentInfo", "text") if pdf.get("has_text")
                         else translate("DocumentInfo", "scan (no text)"))
    counts = summary.get("counts") or {}
    if doc.kind == "list" and counts.get("participants") is not None:
        parts.append(translate("DocumentInfo", "%n participant(s)", "", int(counts["participants"])))
    findings = summary.get("findings") or 0
    if findings:
        parts.append(translate("DocumentInfo", "%n finding(s)", "", int(findings)))
    return ", ".join(parts)


def short_message(f: CheckedFinding) -> str:
    """The message without the "Baris N: " the core puts first when the Row column already says it."""
    from blanko_desktop.core.verification.wording import message_only

    return message_only(f)


class FindingsModel(QAbstractTableModel):
    """Every finding of the checklist: file, sheet, row, message, and whether it is open or accepted."""

    COLUMNS = 5
    COL_DOCUMENT, COL_SHEET, COL_ROW, COL_MESSAGE, COL_STATUS = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: list[CheckedFinding] = []
        self.labels: dict[str, str] = {}
        self._brushes = {k: QBrush(QColor(v)) for k, v in
                         (("error", ERROR_FG), ("warning", WARNING_FG), ("accepted", ACCEPTED_FG))}

    def set_findings(self, findings: list[CheckedFinding], labels: dict[str, str] | None = None) -> None:
        """`labels`: a shorter name per document (its kind, for the four required ones); the file name stays in
        the tooltip."""
        self.beginResetModel()
        self.findings = list(findings)
        self.labels = dict(labels or {})
        self.endResetModel()

    def finding(self, row: int) -> CheckedFinding | None:
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Finding"),
                    self.tr("Status"))[section]
        return None

    def status_text(self, f: CheckedFinding) -> str:
        if f.accepted:
            return "✓ " + self.tr("accepted")
        if f.cause:
            return "↳ " + self.tr("follows from %1").replace("%1", f.cause)
        return "✗ " + self.tr("open error") if f.severity == "error" else "⚠ " + self.tr("warning")

    def _text(self, f: CheckedFinding, col: int) -> str:
        if col == self.COL_DOCUMENT:
            return self.labels.get(f.document, f.document)
        if col == self.COL_SHEET:
            return f.sheet or ""
        if col == self.COL_ROW:
            return str(f.row) if f.row else ""
        if col == self.COL_MESSAGE:
            if f.accepted and f.note:
                # the officer's reason stays in sight, under the finding it settles
                return short_message(f) + "\n" + self.tr("Accepted: %1").replace("%1", f.note)
            return short_message(f)
        return self.status_text(f)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_STATUS and f.accepted:
                return self.tr("Accepted: %1").replace("%1", f.note)
            if col == self.COL_MESSAGE:
                return f.message
            if col == self.COL_DOCUMENT:
                return f.document
            return self._text(f, col) or None
        if role == SORT_ROLE:
            if col == self.COL_ROW:
                return f.row or 0
            if col == self.COL_STATUS:
                return 3 if f.accepted else (0 if f.severity == "error" and not f.cause else
                                             1 if f.severity == "error" else 2)
            return self._text(f, col).lower()
        if role == Qt.ItemDataRole.ForegroundRole:
            if f.accepted:
                return self._brushes["accepted"]
            return self._brushes["error" if f.severity == "error" and not f.cause else "warning"]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.COL_ROW:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class ParticipantsModel(QAbstractTableModel):
    """The participant rows read from a list (the spreadsheet preview); rows with open errors are tinted.

    The verdict comes second, beside the row number, so that it stays in view in a narrow pane."""

    COLUMNS = 7
    COL_ROW, COL_VERDICT, COL_NAME, COL_NIK, COL_SCHEME, COL_FUNDING, COL_SHEET = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Participant] = []
        self.flagged: set[tuple[str, int]] = set()
        self._flag_brush = QBrush(QColor(FLAGGED_BG))
        self._flag_fg = QBrush(QColor(ERROR_FG))

    def set_rows(self, rows: list[Participant], flagged: set[tuple[str, int]]) -> None:
        self.beginResetModel()
        self.rows, self.flagged = list(rows), set(flagged)
        self.endResetModel()

    def row_of(self, sheet: str | None, row: int | None) -> int | None:
        for i, p in enumerate(self.rows):
            if p.row == row and (sheet is None or p.sheet == sheet):
                return i
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("K/BK"), self.tr("Name"), self.tr("NIK"), self.tr("Scheme"),
                    self.tr("Funding"), self.tr("Sheet"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(p.row), p.verdict, p.name, p.nik, p.scheme_code or p.scheme_name, p.funding,
                    p.sheet)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_SCHEME:
            return p.scheme_name
        flagged = (p.sheet, p.row) in self.flagged
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return self._flag_brush
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return self._flag_fg
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_VERDICT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
