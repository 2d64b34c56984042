"""Pengiriman: packing, the courier's pickups, tracking numbers, returned receipts."""

from blanko_desktop.ui.tabs.shipping.shipping_tab import ShippingTab

__all__ = ["ShippingTab"]
