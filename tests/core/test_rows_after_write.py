"""An operation hands back the row as the database now holds it, so the next step need not read it again."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

from blanko_desktop.core import clock
from blanko_desktop.core.demo import documents
from blanko_desktop.core.reception import Reception


def _as_stored(services, row):
    return services.request(row.id).__data__


def test_an_edit_returns_the_version_and_who_saved_it(services):
    clock.set_source(lambda: datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc))
    try:
        req = services.create_request(datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc))
    finally:
        clock.set_source(None)
    edited = services.update_request(req.id, req.version, letter_number="045/LSP-KTR/XI/2026")
    assert edited.version == req.version + 1 and edited.updated_at > req.updated_at
    assert edited.__data__ == _as_stored(services, edited)


def test_intake_returns_the_request_as_its_documents_filled_it(services):
    lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"], address="Jl. Ahmad Yani No. 45",
                           city="Surabaya", postal_code="60234")
    people = documents.participants(8, random.Random(5))
    files = documents.request_documents(lsp.name, "Surabaya", people, date(2026, 11, 20), seq=45, code="LSP-KTR").files
    reception = Reception(services)
    outcome = reception.commit(reception.prepare(files.items()), lsp_id=lsp.id,
                               received_at=datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc))
    # the documents' letter number and counts were written after the request was made: the row handed back has them
    assert outcome.request.letter_number == "045/LSP-KTR/XI/2026"
    assert outcome.request.competent_qty == sum(p.verdict == "K" for p in people)
    assert outcome.request.__data__ == _as_stored(services, outcome.request)
