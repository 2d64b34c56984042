"""Persetujuan & Cetak: the approval queue, the paperwork of approved requests, and the print log per request."""

from blanko_desktop.ui.tabs.approval.tab import ApprovalTab

__all__ = ["ApprovalTab"]
