"""Pengiriman: packing, courier pickups, tracking, returned receipts, the shipping notice, the day, the monthly recap."""

from blanko_desktop.core.shipping.common import (
    DELIVERED,
    LOST,
    PACKED,
    RECEIPT_DAYS_DEFAULT,
    RECEIPT_DAYS_KEY,
    RETURNED,
    SHIPPED,
    STATUS_LABELS,
    ParcelView,
    current_parcel,
    normalise_tracking,
    parcel_view,
    parcel_views,
    status_label,
)
from blanko_desktop.core.shipping.packing import (
    CheckItem,
    PackingCheck,
    ReadyView,
    label_pdf,
    pack,
    packing_check,
    ready_to_pack,
    receipt_pdf,
)
from blanko_desktop.core.shipping.pickups import (
    PickupView,
    handover,
    manifest_data,
    manifest_pdf,
    next_pickup_day,
    schedule,
    waiting_parcels,
)
from blanko_desktop.core.shipping.tracking import mark_delivered, report_problem, resend, reverse, set_tracking

__all__ = [
    "DELIVERED", "LOST", "PACKED", "RECEIPT_DAYS_DEFAULT", "RECEIPT_DAYS_KEY", "RETURNED", "SHIPPED", "STATUS_LABELS",
    "CheckItem", "PackingCheck", "ParcelView", "ReadyView", "ready_to_pack", "PickupView", "current_parcel", "handover", "label_pdf",
    "manifest_data", "manifest_pdf", "mark_delivered", "next_pickup_day", "normalise_tracking", "pack",
    "packing_check", "parcel_view", "parcel_views", "receipt_pdf", "report_problem", "resend", "reverse",
    "schedule", "set_tracking", "status_label", "waiting_parcels",
]
