"""A verified request and an official to sign, reached the quick way (the verify step is tested elsewhere)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from blanko_desktop.core.workflow import State

RECEIVED = datetime(2026, 11, 16, 2, 0, tzinfo=timezone.utc)


def make_verified(services, lsp_id: int, competent: int = 37) -> int:
    req = services.create_request(RECEIVED, lsp_id=lsp_id, letter_number="045/LSP-TKN/XI/2026",
                                  requested_qty=competent)
    services._write(lambda: services._enter(services.request(req.id), State.VERIFIED,
                                            competent_qty=competent, not_yet_qty=2))
    return req.id


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")


@pytest.fixture
def verified(services, lsp) -> int:
    return make_verified(services, lsp.id)


@pytest.fixture
def official(services):
    return services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001",
                                   "Kepala Subbagian Sertifikasi")
