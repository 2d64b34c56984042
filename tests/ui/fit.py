"""What "fits the office's smallest screen" means for a tab: 1024 px wide, less the maximised window's frame."""

from __future__ import annotations

# a maximised window on Windows keeps an 8-pixel border on each side; the tab must fit inside
SMALLEST_SCREEN = 1024
WINDOW_FRAME = 16
LONG_LSP = "LSP Informatika Brawijaya Mandiri"


def at_smallest_screen(window, qtbot) -> None:
    window.resize(SMALLEST_SCREEN - WINDOW_FRAME, 768 - 63)
    qtbot.waitUntil(lambda: window.width() == SMALLEST_SCREEN - WINDOW_FRAME)


def lsp_column_readable(view, column: int) -> bool:
    """The LSP column shows the long name whole, or elided at its end with its first two words ("LSP
    Informatika…"), never "L…"."""
    metrics = view.fontMetrics()
    return view.columnWidth(column) >= metrics.horizontalAdvance("LSP Informatika…") + 8
