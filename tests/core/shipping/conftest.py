"""A secretariat with an LSP, an official, blanks in stock, and requests taken as far as each test needs,
through the real operations (approve, issue, print the receipt, pack, hand over)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from blanko_desktop.core import approval, shipping
from blanko_desktop.core.forms import printlog
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State


class Desk:
    """The officer's operations, one call per step, on one database."""

    def __init__(self, services, lsp_id: int, official_id: int):
        self.services = services
        self.lsp_id = lsp_id
        self.official_id = official_id
        self.ledger = StockLedger(services)

    def verified(self, competent: int = 5, lsp_id: int | None = None, received: datetime | None = None) -> int:
        received = received or datetime.now(timezone.utc) - timedelta(hours=2)
        req = self.services.create_request(received, lsp_id=lsp_id or self.lsp_id, letter_number="045/LSP-KTR/XI/2026",
                                           requested_qty=competent, sender="sertifikasi@ktr-sertifikasi.id")
        self.services._write(lambda: self.services._enter(self.services.request(req.id), State.VERIFIED,
                                                          competent_qty=competent, not_yet_qty=1))
        return req.id

    def approved(self, competent: int = 5, **kw) -> int:
        rid = self.verified(competent, **kw)
        approval.approve(self.services, rid, self.official_id)
        return rid

    def issued(self, competent: int = 5, **kw) -> int:
        rid = self.approved(competent, **kw)
        self.ledger.issue(rid)
        return rid

    def receipt(self, rid: int) -> str:
        pdf, number = shipping.receipt_pdf(self.services, rid)
        printlog.log_printed(self.services, "receipt", pdf, rid, printer="", number=number)
        return number

    def ready(self, competent: int = 5, **kw) -> int:
        rid = self.issued(competent, **kw)
        self.receipt(rid)
        return rid

    def packed(self, competent: int = 5, **kw) -> int:
        rid = self.ready(competent, **kw)
        shipping.pack(self.services, rid)
        return rid

    def shipped(self, competent: int = 5, tracking: str | None = None, **kw) -> int:
        rid = self.packed(competent, **kw)
        if tracking:
            shipping.set_tracking(self.services, rid, tracking)
        shipping.handover(self.services, today(self.services), "Agus (JNE)",
                          parcel_ids=[shipping.current_parcel(rid).id])
        return rid


def today(services) -> date:
    from blanko_desktop.core.shipping.common import office_date
    return office_date(services)


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["sertifikasi@ktr-sertifikasi.id", "ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234",
                            contact_person="Ani", phone="031-5551234")


@pytest.fixture
def other_lsp(services):
    return services.add_lsp("LSP Pariwisata Bali Dwipa", ["admin@lsppbd.id", "lsppbd.id"],
                            address="Jl. Raya Puputan No. 41", city="Denpasar", postal_code="80234")


@pytest.fixture
def official(services):
    return services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian Sertifikasi")


@pytest.fixture
def desk(services, lsp, official) -> Desk:
    ledger = StockLedger(services)
    ledger.receive("KB 0000001 - KB 0000500", "PERURI/2026/118", date.today() - timedelta(days=3))
    return Desk(services, lsp.id, official.id)
