"""Stok Blanko: the tab, and the stock dialogs other tabs open (`IssueDialog` for an approved request)."""

from blanko_desktop.ui.tabs.stock.issue_dialog import IssueDialog, issue_blanks
from blanko_desktop.ui.tabs.stock.stock_tab import StockTab

__all__ = ["IssueDialog", "StockTab", "issue_blanks"]
