"""The two queues of the tab as table models: verified requests by due time, approved requests with their forms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from blanko_desktop.ui import i18n
from blanko_desktop.ui.widgets.print_preview import form_title

OVERDUE = QColor("#a31515")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate

#: The forms of an approved request, in the order they are made.
PAPER_FORMS = ("approval", "receipt", "label")


class _QueueModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.now: datetime | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list, now: datetime) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ApprovalQueue", self.headers[section])
        return None

    def row_of(self, request_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.request_id == request_id), -1)

    def request_id(self, row: int) -> int | None:
        return self.rows[row].request_id if 0 <= row < len(self.rows) else None

    @staticmethod
    def _identity(item, column: int) -> str:
        """Columns 0 and 1 of both queues: the request's number and its LSP."""
        if column == 0:
            return f"#{item.request_id}"
        return item.lsp_name or translate("ApprovalQueue", "(unknown sender)")

    def _common(self, item, column: int, role: int) -> Any:
        overdue = self.now is not None and item.overdue(self.now)
        if role == ID_ROLE:
            return item.request_id
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.FontRole and overdue and column == self.due_column:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and (overdue or column == 1):
            lines = [item.lsp_name] if column == 1 and item.lsp_name else []
            if overdue:
                lines.append(translate("ApprovalQueue", "Overdue: the working day for this request has passed."))
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.number_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    due_column = -1
    number_columns: tuple[int, ...] = ()


class WaitingModel(_QueueModel):
    """Verified requests waiting for the official, most urgent first."""

    # marked for lupdate here, translated in headerData
    headers = (QT_TRANSLATE_NOOP("ApprovalQueue", "No."), QT_TRANSLATE_NOOP("ApprovalQueue", "LSP"),
               QT_TRANSLATE_NOOP("ApprovalQueue", "Competent"), QT_TRANSLATE_NOOP("ApprovalQueue", "Due"))
    due_column = 3
    number_columns = (0, 2)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col < 2:
                return self._identity(item, col)
            if col == 2:
                return "—" if item.competent_qty is None else str(item.competent_qty)
            if col == 3:
                return i18n.fmt_datetime(item.due_at) if item.clock_running and item.due_at else "—"
        return self._common(item, col, role)


class ApprovedModel(_QueueModel):
    """Approved requests whose paperwork is being made: which forms are produced, whether the signed sheet is in
    and whether their blanks are issued (`issued`: the request ids that have theirs)."""

    # two-line headers keep the check columns narrow, leaving room for the LSP's name
    headers = (QT_TRANSLATE_NOOP("ApprovalQueue", "No."), QT_TRANSLATE_NOOP("ApprovalQueue", "LSP"),
               QT_TRANSLATE_NOOP("ApprovalQueue", "Blanks"), QT_TRANSLATE_NOOP("ApprovalQueue", "Approval\nsheet"),
               QT_TRANSLATE_NOOP("ApprovalQueue", "Receipt"), QT_TRANSLATE_NOOP("ApprovalQueue", "Label"),
               QT_TRANSLATE_NOOP("ApprovalQueue", "Signed\nscan"),
               QT_TRANSLATE_NOOP("ApprovalQueue", "Blanks\nissued"))
    number_columns = (0, 2)
    due_column = 1
    issued: set[int] = frozenset()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col < 2:
                return self._identity(item, col)
            if col == 2:
                return "—" if item.approved_qty is None else str(item.approved_qty)
            if 3 <= col <= 5:
                return "✓" if PAPER_FORMS[col - 3] in item.printed else "–"
            if col == 6:
                return "✓" if item.scan_attached else "–"
            if col == 7:
                return "✓" if item.request_id in self.issued else "–"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and 3 <= col <= 5:
            done = PAPER_FORMS[col - 3] in item.printed
            text = (translate("ApprovalQueue", "%1: printed or saved") if done
                    else translate("ApprovalQueue", "%1: not printed yet"))
            return text.replace("%1", form_title(PAPER_FORMS[col - 3]))
        if role == Qt.ItemDataRole.ToolTipRole and col == 6:
            return (translate("ApprovalQueue", "The signed approval sheet is attached") if item.scan_attached
                    else translate("ApprovalQueue", "No scan of the signed approval sheet yet"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 7:
            return (translate("ApprovalQueue", "The blanks are issued from the stock")
                    if item.request_id in self.issued else translate("ApprovalQueue", "No blanks issued yet"))
        return self._common(item, col, role)
