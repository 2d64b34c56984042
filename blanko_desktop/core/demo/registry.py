"""The demo's registry: LSPs with real cities and postal codes, signatories, the cuti bersama already past,
and the blank stock delivered by the printer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from blanko_desktop.core.models import Closure, Lsp, Signatory, utcnow
from blanko_desktop.core.services import Services


@dataclass(frozen=True)
class DemoLsp:
    name: str
    code: str  # the abbreviation in its letter numbers: 045/LSP-TDN/XI/2026
    city: str
    postal_code: str
    address: str
    phone: str
    contact: str
    emails: tuple[str, ...]
    active: bool = True


# Real cities with real postal codes of the named area; street numbers and bodies are made up.
LSPS: tuple[DemoLsp, ...] = (
    DemoLsp("LSP Teknologi Digital Nusantara", "TDN", "Jakarta Selatan", "12950",
            "Jl. H.R. Rasuna Said Kav. C-22, Kuningan", "(021) 5201 733", "Rina Marlina, S.Kom.",
            ("sertifikasi@lsp-tdn.or.id", "lsp-tdn.or.id")),
    DemoLsp("LSP Pariwisata Bali Dwipa", "PBD", "Denpasar", "80234",
            "Jl. Raya Puputan No. 41, Renon", "(0361) 226 418", "I Gusti Ayu Made Sriani",
            ("admin@lsppbd.id", "lsppbd.id")),
    DemoLsp("LSP Konstruksi Jaya Abadi", "KJA", "Surabaya", "60264",
            "Jl. Raya Darmo No. 96", "(031) 567 2210", "Ir. Bambang Setiawan",
            ("lspkja.sertifikasi@gmail.com",)),
    DemoLsp("LSP Logistik Parahyangan", "LGP", "Bandung", "40132",
            "Jl. Ir. H. Juanda No. 112, Dago", "(022) 250 4417", "Dewi Kartika",
            ("sekretariat@lsplogistik-parahyangan.id", "lsplogistik-parahyangan.id")),
    DemoLsp("LSP Perhotelan Sumatera Utara", "PSU", "Medan", "20112",
            "Jl. Imam Bonjol No. 7", "(061) 453 9021", "Hendra Siregar",
            ("lsp@perhotelan-sumut.or.id", "perhotelan-sumut.or.id")),
    DemoLsp("LSP Maritim Celebes", "MCB", "Makassar", "90111",
            "Jl. Penghibur No. 23, Losari", "(0411) 872 355", "Andi Nurhayati",
            ("sertifikasi@lspmaritimcelebes.id", "lspmaritimcelebes.id")),
    DemoLsp("LSP Kriya dan Batik Mataram", "KBM", "Yogyakarta", "55213",
            "Jl. Malioboro No. 56", "(0274) 512 688", "Sri Hartati",
            ("lsp.kbm@gmail.com",)),
    DemoLsp("LSP Manufaktur Otomotif Jawa Tengah", "MOJ", "Semarang", "50241",
            "Jl. Pahlawan No. 9", "(024) 841 7720", "Agus Prasetyo, S.T.",
            ("admin@lsp-moj.id", "lsp-moj.id")),
    DemoLsp("LSP Migas Borneo Energi", "MBE", "Balikpapan", "76114",
            "Jl. Jenderal Sudirman No. 45, Klandasan Ilir", "(0542) 733 190", "Yohanes Pakpahan",
            ("sertifikasi@lspmigasborneo.co.id", "lspmigasborneo.co.id")),
    DemoLsp("LSP Perkebunan Sriwijaya", "PKS", "Palembang", "30126",
            "Jl. Angkatan 45 No. 12", "(0711) 356 402", "M. Ridwan Hakim",
            ("lsp@perkebunan-sriwijaya.or.id", "perkebunan-sriwijaya.or.id")),
    DemoLsp("LSP Perikanan Bahari Nyiur", "PBN", "Manado", "95111",
            "Jl. Piere Tendean No. 15", "(0431) 862 014", "Meiske Wowor",
            ("admin@lspbaharinyiur.id", "lspbaharinyiur.id")),
    DemoLsp("LSP Informatika Brawijaya Mandiri", "IBM", "Malang", "65145",
            "Jl. Veteran No. 8, Ketawanggede", "(0341) 551 276", "Fitri Handayani, M.Kom.",
            ("lsp@ibmandiri.ac.id", "ibmandiri.ac.id")),
    DemoLsp("LSP Tata Boga Nusantara", "TBN", "Jakarta Timur", "13220",
            "Jl. Pemuda No. 66, Rawamangun", "(021) 475 3318", "Yuliana Sari",
            ("lsptataboga@yahoo.co.id",), active=False),
)

# NIP: birth date (8), appointment year-month (6), sex (1: male, 2: female), sequence (3).
SIGNATORIES: tuple[tuple[str, str, str], ...] = (
    ("Dra. Sri Wahyuni, M.M.", "197805122005012003", "Kepala Subbagian Sertifikasi Kompetensi"),
    ("Ahmad Fauzi, S.E., M.Si.", "198203172009121001", "Plh. Kepala Subbagian Sertifikasi Kompetensi"),
)

# A newly licensed LSP whose address is not in the registry yet: intake cannot tell who it is.
UNKNOWN_SENDER, UNKNOWN_CODE = "lsp.kreatifsulawesi@gmail.com", "KRS"
UNKNOWN_NAME, UNKNOWN_CITY = "LSP Industri Kreatif Sulawesi", "Palu"

def setup_registry(services: Services, now: datetime | None = None) -> dict[str, Any]:
    """The LSPs, signatories and cuti bersama days of the demo; what already exists is kept."""
    added = {"lsps": 0, "signatories": 0, "closures": 0}
    rng = random.Random(7)  # licence numbers stay the same whatever the requests' seed
    for spec in LSPS:
        licence = f"BNSP-LSP-{rng.randint(120, 2450):04d}-ID"
        if Lsp.get_or_none(Lsp.name == spec.name) is None:
            services.add_lsp(spec.name, spec.emails, licence_no=licence, address=spec.address, city=spec.city,
                             postal_code=spec.postal_code, phone=spec.phone, contact_person=spec.contact,
                             active=spec.active)
            added["lsps"] += 1
    for name, nip, title in SIGNATORIES:
        if Signatory.get_or_none(Signatory.nip == nip) is None:
            services.save_signatory(name, nip, title)
            added["signatories"] += 1
    # The officer enters each year's cuti bersama decree; the library's list stands in for it. Only the
    # days already past are entered, so the demo never changes a future due time that a newcomer checks
    # (README: received 2026-12-24 10:00 is due 2026-12-28 10:00 on the office calendar as shipped).
    cal = services.calendar()
    today = (now or utcnow()).astimezone(cal.hours.zone).date()
    past = [c for c in cal.suggested_joint_holidays(today.year) if c.day < today]
    if not past:  # early January: last year's decree
        past = [c for c in cal.suggested_joint_holidays(today.year - 1)][-2:]
    for closure in past:
        if Closure.get_or_none(Closure.day == closure.day) is None:
            services.add_closure(closure.day, "cuti_bersama", closure.note)
            added["closures"] += 1
    setup_stock(services, now or utcnow())
    return added


# Two deliveries from the security printer, and a printer test that spoiled three sheets. Demo requests stop
# before approval, so nothing is issued: the stock tab shows a store waiting for its first issue.
DELIVERIES = ((1, 2500, "SJ-0418/PERURI/IX", 62), (2501, 5000, "SJ-0533/PERURI/XI", 9))


def setup_stock(services: Services, now: datetime) -> int:
    """The printer's deliveries into an empty stock register, each recorded on the day it came (so the
    balance at a past date reads true); the sheets received (0 when stock exists)."""
    from blanko_desktop.core import clock
    from blanko_desktop.core.stock import SerialRange, StockLedger

    ledger = StockLedger(services)
    if ledger.balance().received:
        return 0
    prefix = ledger.serial_format().prefix
    previous = clock._source  # put back whatever clock the caller runs on (tests set one)
    try:
        for n, (first, last, doc, days_ago) in enumerate(DELIVERIES):
            delivered = now - timedelta(days=days_ago)
            clock.set_source(lambda moment=delivered: moment)
            day = delivered.astimezone(services.calendar().hours.zone).date()
            ledger.receive([SerialRange(prefix, first, last)], f"{doc}/{day.year}", day,
                           "kiriman percetakan, diperiksa dan disegel")
            if n == 0:  # the next day, the new certificate printer was tried on the first sheets
                clock.set_source(lambda moment=delivered: moment + timedelta(days=1))
                ledger.spoil([SerialRange(prefix, 1, 3)], "uji cetak printer sertifikat yang baru dipasang")
    finally:
        clock.set_source(previous)
    return sum(last - first + 1 for first, last, _doc, _days in DELIVERIES)
