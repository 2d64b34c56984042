"""Realistic demo data, so a newcomer sees the app at work (`blanko demo`); also feeds the benchmarks.

`fill` (walk.py) builds every request through Reception and the real operations, so each has a real
history and its records; `fill_bulk` (bulk.py) inserts many document-free requests at once for benchmarks.
"""

from __future__ import annotations

from blanko_desktop.core.demo.bulk import BULK_BATCH, bulk_state, fill_bulk
from blanko_desktop.core.demo.plan import (
    CANCEL_REASONS,
    COMPLETION_REASONS,
    REACHABLE,
    WINDOW_DAYS,
    reachable,
    request_count,
)
from blanko_desktop.core.demo.registry import LSPS, SIGNATORIES, DemoLsp, setup_registry
from blanko_desktop.core.demo.walk import (
    DOC_PARTICIPANTS,
    DOC_REQUESTS,
    SERVICES_LIMIT,
    fill,
)

__all__ = [
    "BULK_BATCH", "CANCEL_REASONS", "COMPLETION_REASONS", "DOC_PARTICIPANTS", "DOC_REQUESTS", "LSPS", "REACHABLE",
    "SERVICES_LIMIT", "SIGNATORIES", "WINDOW_DAYS", "DemoLsp", "bulk_state", "fill", "fill_bulk", "reachable",
    "request_count", "setup_registry",
]
