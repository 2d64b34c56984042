"""The stock register's codes (kinds of line, places of a serial) and figures in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from blanko_desktop.core.stock import places as P


def kind_label(kind: str) -> str:
    labels = {
        P.RECEIVE: QCoreApplication.translate("StockLabels", "Received from the printer"),
        P.ISSUE: QCoreApplication.translate("StockLabels", "Issued to an LSP"),
        P.SPOIL: QCoreApplication.translate("StockLabels", "Spoiled in the office"),
        P.RETURN: QCoreApplication.translate("StockLabels", "Returned damaged by an LSP"),
        P.REVERSAL: QCoreApplication.translate("StockLabels", "Reversal"),
        P.ADJUST: QCoreApplication.translate("StockLabels", "Stock count adjustment"),
    }
    return labels.get(kind, kind)


def place_label(place: str) -> str:
    labels = {
        P.OUTSIDE: QCoreApplication.translate("StockLabels", "never received"),
        P.AVAILABLE: QCoreApplication.translate("StockLabels", "available in the store"),
        P.ISSUED: QCoreApplication.translate("StockLabels", "issued"),
        P.SPOILED: QCoreApplication.translate("StockLabels", "spoiled in the office"),
        P.RETURNED: QCoreApplication.translate("StockLabels", "returned damaged by the LSP"),
        P.MISSING: QCoreApplication.translate("StockLabels", "missing (stock count difference)"),
    }
    return labels.get(place, place)


def number(value: int) -> str:
    """4850 -> '4.850' in Indonesian, '4,850' in English."""
    return QLocale().toString(int(value))


def sheets(value: int) -> str:
    return QCoreApplication.translate("StockLabels", "%Ln sheet(s)", "", int(value))


def decimal(value: float) -> str:
    return QLocale().toString(float(value), "f", 1)
