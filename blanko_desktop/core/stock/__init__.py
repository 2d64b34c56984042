"""Stok Blanko: the append-only serial-number ledger of security paper, its current ranges and queries."""

from blanko_desktop.core.stock.ledger import StockLedger
from blanko_desktop.core.stock.queries import (
    Balance,
    CountResult,
    IssuedTotal,
    LedgerPage,
    Line,
    LowStock,
    SerialWhere,
    StockRequest,
)
from blanko_desktop.core.stock.serials import SerialFormat, SerialRange

__all__ = ["Balance", "CountResult", "IssuedTotal", "LedgerPage", "Line", "LowStock", "SerialFormat",
           "SerialRange", "SerialWhere", "StockLedger", "StockRequest"]
