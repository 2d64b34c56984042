"""Services: LSP registry, sender recognition, settings, the requests table queries."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import openpyxl
import pytest

from blanko_desktop.core.errors import ConflictError, RuleError
from blanko_desktop.core.services import RequestFilter


@pytest.fixture
def two_lsps(services):
    a = services.add_lsp("LSP Teknologi Digital Nusantara", ["admin@lsp-tdn.id", "lsp-tdn.id"],
                         city="Jakarta Selatan", postal_code="12950")
    b = services.add_lsp("LSP Pariwisata Bali Dwipa", ["sekretariat@lsppbd.or.id"], city="Denpasar")
    return a, b


@pytest.mark.parametrize("sender, expected", [
    ("admin@lsp-tdn.id", "LSP Teknologi Digital Nusantara"),
    ("ADMIN@LSP-TDN.ID", "LSP Teknologi Digital Nusantara"),
    ("staf.baru@lsp-tdn.id", "LSP Teknologi Digital Nusantara"),     # by domain
    ("x@mail.lsp-tdn.id", "LSP Teknologi Digital Nusantara"),         # sub-domain
    ("sekretariat@lsppbd.or.id", "LSP Pariwisata Bali Dwipa"),
    ("lain@lsppbd.or.id", None),                                      # address only, no domain
    ("someone@gmail.com", None),
    ("", None),
])
def test_sender_recognition(services, two_lsps, sender, expected):
    found = services.lsp_for_sender(sender)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("kwargs, message", [
    ({"name": " "}, "Nama LSP wajib diisi"),
    ({"name": "LSP X", "postal_code": "123"}, "Kode pos '123' tidak valid"),
    ({"name": "LSP X", "emails": ["bukan-email"]}, "bukan alamat e-mail atau domain"),
    ({"name": "LSP X", "emails": ["admin@localhost"]}, "tidak valid"),
    ({"name": "LSP X", "emails": ["admin@lsp-tdn.id"]}, "sudah terdaftar untuk LSP Teknologi"),
    ({"name": "LSP Pariwisata Bali Dwipa"}, "sudah terdaftar"),
    ({"name": "LSP X", "emails": ["gmail.com"]}, "dipakai banyak orang"),
    ({"name": "LSP X", "emails": ["@co.id"]}, "dipakai banyak orang"),
])
def test_lsp_rules(services, two_lsps, kwargs, message):
    kwargs = dict(kwargs)  # the table's dict serves the other engine's run too
    name = kwargs.pop("name")
    with pytest.raises(RuleError, match=message):
        services.add_lsp(name, kwargs.pop("emails", []), **kwargs)


def test_lsp_edit_conflict(services, two_lsps):
    a, _ = two_lsps
    services.update_lsp(a.id, a.version, phone="021-555")
    with pytest.raises(ConflictError):
        services.update_lsp(a.id, a.version, phone="021-777")


def test_find_lsp(services, two_lsps):
    assert services.find_lsp("bali").name == "LSP Pariwisata Bali Dwipa"
    with pytest.raises(RuleError, match="cocok dengan beberapa"):
        services.find_lsp("LSP")
    with pytest.raises(RuleError, match="tidak ada di daftar"):
        services.find_lsp("LSP Kelautan")


def test_lsp_import_from_excel(services, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar LSP"
    ws.append(["DAFTAR LSP BERLISENSI"])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["No", "Nama LSP", "Alamat", "Kota", "Kode Pos", "E-mail"])
    ws.append([1, "LSP Migas Indonesia", "Jl. Gatot Subroto 1", "Jakarta", 12930, "admin@lspmigas.id"])
    ws.append([2, None, "Jl. Tanpa Nama", "Bogor", 16111, ""])
    ws.append([3, "LSP Kopi Nusantara", "Jl. Kopi 2", "Medan", "2011", ""])
    path = tmp_path / "lsp.xlsx"
    wb.save(path)
    result = services.import_lsps(path)
    assert result.added == 1
    assert any("lembar 'Daftar LSP', baris 5: nama LSP kosong" in p for p in result.problems)
    assert any("baris 6" in p and "Kode pos '2011'" in p for p in result.problems)
    assert services.lsp_for_sender("admin@lspmigas.id").name == "LSP Migas Indonesia"
    assert services.import_lsps(path).updated == 1


def test_settings_versioned_and_validated(services):
    assert services.setting("pickup_weekdays") == [0, 2, 4]
    services.set_setting("pickup_weekdays", [1, 3])
    version = services.setting_version("pickup_weekdays")
    services.set_setting("pickup_weekdays", [0, 2, 4], expected_version=version)
    with pytest.raises(ConflictError):
        services.set_setting("pickup_weekdays", [1], expected_version=version)
    with pytest.raises(RuleError):
        services.set_setting("office_hours", {"start": "16:00", "end": "08:00"})
    assert services.calendar().pickup_weekdays == (0, 2, 4)


def test_signatory_rules(services):
    s = services.save_signatory("Dra. Siti Rahmawati, M.M.", "19780312 200501 2 003", "Kepala Subbagian")
    assert s.nip == "197803122005012003"
    with pytest.raises(RuleError, match="18 digit"):
        services.save_signatory("Ahmad", "12345")


def test_request_table_queries(services, two_lsps):
    a, b = two_lsps
    now = datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc)
    old = services.create_request(now - timedelta(days=7), a.id, letter_number="045/LSP-TDN/XI/2026")
    services.create_request(now - timedelta(days=1), b.id)
    done = services.create_request(now - timedelta(days=3), b.id)
    services.transition(done.id, "waiting_lsp")
    assert services.request_count(RequestFilter()) == 3
    assert [r.id for r in services.request_page(RequestFilter(), 0, 10)][-1] == old.id  # newest first
    assert services.request_count(RequestFilter(lsp_id=b.id)) == 2
    assert services.request_count(RequestFilter(states=("waiting_lsp",))) == 1
    assert services.request_count(RequestFilter(text="045/LSP")) == 1
    assert services.request_count(RequestFilter(text="bali")) == 2
    assert services.request_count(RequestFilter(text=f"#{old.id}")) == 1
    # the stopped clock of the waiting request does not make it overdue
    assert [r.id for r in services.request_page(RequestFilter(overdue=True), 0, 10, now=now)] == [old.id]
    assert services.state_counts() == {"received": 2, "waiting_lsp": 1}
    # continuing after the last row shown gives the same rows as an offset
    first = services.request_page(RequestFilter(), 0, 1)
    rest = services.request_page(RequestFilter(), 0, 10, after=(first[0].received_at, first[0].id))
    assert [r.id for r in rest] == [r.id for r in services.request_page(RequestFilter(), 1, 10)]
