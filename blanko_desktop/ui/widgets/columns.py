"""A table's name column (the LSP) keeps a readable width in a narrow pane: chosen other columns give way first."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle

# "LSP Informatika Brawijaya Mandiri" may elide to "LSP Informatika…", never to "L…" (what a Stretch column
# came to at 1024 px when the fixed columns beside it took the whole pane)
READABLE_LSP = "LSP Informatika…"
WHOLE_LSP = "LSP Informatika Brawijaya Mandiri"


class KeepColumn(QObject):
    """Sizes `view`'s columns whenever its viewport changes width: `column` takes what is left. When that is less
    than a long LSP name (`whole`), the `give_way` columns shrink first (their text elided), each down to its
    floor in pixels; only then does `column` shrink, never below `readable` (narrower still, the view scrolls: the
    window stays usable at 800 px, so the view sets no minimum width of its own).

    Call `remember()` after setting the other columns' widths (the widths they have when there is room)."""

    def __init__(self, view: QAbstractItemView, column: int, give_way: dict[int, int],
                 readable: str = READABLE_LSP, whole: str = WHOLE_LSP):
        super().__init__(view)
        self.view = view
        self.column = column
        self.give_way = give_way
        metrics = view.fontMetrics()
        self.minimum = metrics.horizontalAdvance(readable) + 14  # the cell's margins and focus frame
        self.comfortable = metrics.horizontalAdvance(whole) + 14
        self.natural: dict[int, int] = {}
        header = view.horizontalHeader()
        self.alignment = header.defaultAlignment()
        header.setStretchLastSection(False)
        # the style's default minimum section size would keep a "✓" column from giving way down to its floor
        header.setMinimumSectionSize(min([*give_way.values(), header.minimumSectionSize()]))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        view.viewport().installEventFilter(self)
        self.remember()

    def remember(self) -> None:
        """The other columns' current widths become the widths they get when the pane has room."""
        header = self.view.horizontalHeader()
        self.natural = {c: header.sectionSize(c) for c in range(header.count())
                        if c != self.column and not header.isSectionHidden(c)}
        self.fit()

    def needed(self) -> int:
        """The view's width at which `column` is readable with the others at their floors, without scrolling."""
        floors = sum(min(self.give_way.get(c, w), w) for c, w in self.natural.items())
        scrollbar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.minimum + floors + 2 * self.view.frameWidth() + scrollbar

    def fit(self) -> None:
        available = self.view.viewport().width()
        widths = dict(self.natural)
        deficit = self.comfortable + sum(widths.values()) - available
        if deficit > 0:
            # the give-way columns shrink in proportion to what each can spare
            slack = {c: max(0, w - self.give_way[c]) for c, w in self.natural.items() if c in self.give_way}
            total = sum(slack.values())
            if total:
                share = min(1.0, deficit / total)
                for c, spare in slack.items():
                    # rounded up: a pixel too many in all would bring a horizontal scroll bar
                    widths[c] = self.natural[c] - math.ceil(spare * share)
        header = self.view.horizontalHeader()
        # a header cut short shows its first letters ("Lemba…"), not its middle ("emba")
        squeezed = any(widths[c] < self.natural[c] for c in widths)
        alignment = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) if squeezed else self.alignment
        if header.defaultAlignment() != alignment:
            header.setDefaultAlignment(alignment)
        for c, w in widths.items():
            if header.sectionSize(c) != w:
                header.resizeSection(c, w)
        header.resizeSection(self.column, max(self.minimum, available - sum(widths.values())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
