"""What the officer decided on an intake: the dialog answers it, the controller stores by it (neither imports the other)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class IntakeDecision:
    """What the officer decided (or what needed no decision)."""

    lsp_id: int | None
    request_id: int | None  # None: a new request
    received_at: datetime
    add_address: bool = False
