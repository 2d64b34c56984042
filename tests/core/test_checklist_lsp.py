"""The LSP of a request from an unknown sender: suggested only on evidence and with the reason, a new LSP
pre-filled from the letter, assigned with its sender remembered; address and city required to register."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.intake import parse_letter
from blanko_desktop.core.models import AuditEvent
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.services.registry import shipping_gaps
from blanko_desktop.core.verification import lsp_suggestion
from blanko_desktop.core.verification.lsp_suggestion import LspSuggestion, suggest
from tests.core.intake.intake_builders import pdf_bytes

LETTERHEAD = """LSP INDUSTRI KREATIF SULAWESI
Jl. Perintis Kemerdekaan No. 10, Makassar 90245 Telp. (0411) 555-0123
Email: admin@lsp-iks.or.id

Nomor    : 012/LSP-IKS/XI/2026
Perihal  : Permohonan Blanko Sertifikat Kompetensi
Untuk itu kami mohon dapat diberikan blanko sertifikat sebanyak 12 (dua belas) lembar.
Makassar, 13 November 2026
Ketua LSP Industri Kreatif Sulawesi
"""


@pytest.fixture
def registry(services):
    """The LSPs of the issue: the first in the list is not the sender's."""
    return {lsp.name: lsp for lsp in (
        services.add_lsp("LSP Teknologi Digital Nusantara", ["sertifikasi@lsp-tdn.or.id"], address="Jl. A",
                         city="Jakarta"),
        services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"], address="Jl. B", city="Surabaya"),
        services.add_lsp("LSP Industri Kreatif Sulawesi", ["admin@lsp-iks.or.id"], address="Jl. C",
                         city="Makassar"),
    )}


@pytest.mark.parametrize("sender, letterhead, expected, reason", [
    ("panitia@lsp-iks.or.id", None, "LSP Industri Kreatif Sulawesi",
     "Domain pengirim lsp-iks.or.id sama dengan alamat terdaftar admin@lsp-iks.or.id."),
    ("someone@mail.ktr-sertifikasi.id", None, "LSP Kelistrikan Tenaga Raya",
     "Domain pengirim mail.ktr-sertifikasi.id terdaftar untuk LSP ini."),
    ("lsp.iks@gmail.com", "LSP INDUSTRI KREATIF SULAWESI", "LSP Industri Kreatif Sulawesi",
     "Nama pada kop surat (\u201cLSP INDUSTRI KREATIF SULAWESI\u201d) sama dengan nama LSP ini."),
    ("lsp.iks@gmail.com", "Lembaga Sertifikasi Profesi Industri Kreatif Sulawesi", "LSP Industri Kreatif Sulawesi",
     "Nama pada kop surat (\u201cLembaga Sertifikasi Profesi Industri Kreatif Sulawesi\u201d) sama dengan nama "
     "LSP ini."),
    ("lsp.iks@gmail.com", "LSP Industri Kreative Sulawesi", "LSP Industri Kreatif Sulawesi",
     "Nama pada kop surat (\u201cLSP Industri Kreative Sulawesi\u201d) hampir sama dengan nama LSP ini."),
])
def test_a_suggestion_comes_with_its_evidence(services, registry, sender, letterhead, expected, reason):
    found = suggest(services.lsp_views(), sender, letterhead)
    assert found == LspSuggestion(registry[expected].id, expected, reason)


@pytest.mark.parametrize("sender, letterhead", [
    ("panitia@gmail.com", None),                          # a free-mail sender says nothing
    ("panitia@gmail.com", "LSP Pariwisata Nusantara"),    # a name nobody registered
    ("admin@lsp-lain.or.id", "LSP Industri Sulawesi"),    # too unlike any name
    ("", None),
])
def test_no_evidence_no_suggestion(services, registry, sender, letterhead):
    assert suggest(services.lsp_views(), sender, letterhead) is None


def test_evidence_that_disagrees_suggests_neither(services, registry):
    found = suggest(services.lsp_views(), "admin@ktr-sertifikasi.id", "LSP Industri Kreatif Sulawesi")
    assert found.lsp_id is None
    assert found.reason.startswith("Petunjuk tidak sejalan (LSP Industri Kreatif Sulawesi / LSP Kelistrikan "
                                   "Tenaga Raya)") and found.reason.endswith("Pilih sendiri.")


def test_an_empty_registry_suggests_nothing(services):
    assert suggest(services.lsp_views(), "admin@lsp-iks.or.id", "LSP Industri Kreatif Sulawesi") is None


def test_the_letterhead_is_read_for_a_new_lsp():
    letter = parse_letter(LETTERHEAD)
    assert letter.lsp_name == "LSP INDUSTRI KREATIF SULAWESI"
    assert letter.lsp_address == "Jl. Perintis Kemerdekaan No. 10, Makassar 90245"
    assert letter.lsp_phone == "(0411) 555-0123"
    draft = lsp_suggestion.draft("Admin@LSP-IKS.or.id", letter.lsp_name, letter.lsp_address, letter.lsp_phone)
    assert draft == lsp_suggestion.LspDraft(
        name="LSP Industri Kreatif Sulawesi", address="Jl. Perintis Kemerdekaan No. 10", city="Makassar",
        postal_code="90245", phone="(0411) 555-0123", emails=("admin@lsp-iks.or.id",))


def test_a_request_gets_its_suggestion_and_draft_from_its_letter(services):
    reception = Reception(services)
    plan = reception.prepare([("Surat Permohonan.pdf", pdf_bytes(LETTERHEAD))])
    suggestion, draft = lsp_suggestion.for_plan(services, plan)
    assert suggestion is None and draft.name == "LSP Industri Kreatif Sulawesi" and draft.city == "Makassar"
    req = reception.commit(plan).request
    lsp = services.add_lsp(draft.name, draft.emails, require_address=True, address=draft.address, city=draft.city)
    suggestion, _ = lsp_suggestion.for_request(services, req.id)
    assert suggestion.lsp_id == lsp.id and "kop surat" in suggestion.reason


def test_assigning_remembers_the_sender_in_the_same_step(services, registry):
    lsp = registry["LSP Industri Kreatif Sulawesi"]
    req = services.create_request(datetime.now(timezone.utc), sender="Panitia@LSP-IKS.or.id")
    lsp_suggestion.assign(services, req.id, lsp.id, remember_sender=True)
    assert services.request(req.id).lsp_id == lsp.id
    assert services.lsp_for_sender("panitia@lsp-iks.or.id").id == lsp.id
    with pytest.raises(RuleError, match="Pilih LSP untuk permohonan"):
        lsp_suggestion.assign(services, req.id, None)


# -- the registry: what a parcel needs ---------------------------------------------------------------------------

@pytest.mark.parametrize("fields, message", [
    ({"city": "Makassar"}, "Alamat LSP Baru wajib diisi: blanko dikirim ke alamat LSP yang tercatat."),
    ({"address": "Jl. C"}, "Kota/kabupaten LSP Baru wajib diisi"),
    ({"address": "  ", "city": ""}, "Alamat dan kota/kabupaten LSP Baru wajib diisi"),
])
def test_registering_needs_address_and_city(services, fields, message):
    with pytest.raises(RuleError) as refused:
        services.add_lsp("LSP Baru", ["a@lsp-baru.id"], require_address=True, **fields)
    assert message in str(refused.value)
    assert services.lsps() == []


def test_older_records_without_an_address_are_flagged_not_rejected(services):
    old = services.add_lsp("LSP Lama", ["a@lsp-lama.id"])  # an import, or a record from before the rule
    assert shipping_gaps(old) == ["address", "city"]
    services.update_lsp(old.id, phone="021-1")  # still editable
    services.update_lsp(old.id, address="Jl. Lama 1", city="Bogor")
    assert shipping_gaps(services.lsp_view(old.id)) == []
    with pytest.raises(RuleError, match="Alamat LSP Lama tidak boleh dikosongkan"):
        services.update_lsp(old.id, address=" ")
    assert AuditEvent.select().where(AuditEvent.action == "lsp.edit").count() == 2
