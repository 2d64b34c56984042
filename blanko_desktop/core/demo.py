"""Realistic demo data, so a newcomer sees the app at work (`blanko demo`); also feeds the benchmarks.

`fill` goes through Services step by step (real history and audit trail), and most of its requests carry
the documents an LSP sends (letter, minutes, decision as PDF, participant list as Excel, often inside the
LSP's e-mail), taken in through Reception like a dropped e-mail and verified through the checklist;
`fill_bulk` inserts large numbers of document-free requests in one transaction with a single audit event,
for benchmarks at 10,000-100,000 rows.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from blanko_desktop.core import audit
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Closure, Lsp, Request, Signatory, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.textid import roman_month
from blanko_desktop.core.workflow import CLOCK_RUNNING, State

#: Above this many requests `blanko demo` switches from `fill` to `fill_bulk`.
SERVICES_LIMIT = 500
BULK_BATCH = 1000
WINDOW_DAYS = 21


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

COMPLETION_REASONS = (
    "Berita acara asesmen belum ditandatangani ketua TUK.",
    "Keputusan sertifikasi belum dilampirkan.",
    "Daftar peserta kompeten belum dilampirkan (berkas Excel).",
    "Jumlah blanko yang diminta tidak sama dengan jumlah peserta kompeten.",
    "NIK beberapa peserta tidak valid (kurang dari 16 digit).",
    "Surat permohonan belum bernomor dan belum ditandatangani.",
)
CANCEL_REASONS = (
    "Permohonan ganda: sudah diajukan dengan surat sebelumnya.",
    "LSP menarik permohonan melalui e-mail.",
    "Lisensi LSP sedang dibekukan.",
    "Dokumen tidak dilengkapi lebih dari 30 hari.",
)
# A newly licensed LSP whose address is not in the registry yet: intake cannot tell who it is.
UNKNOWN_SENDER, UNKNOWN_CODE = "lsp.kreatifsulawesi@gmail.com", "KRS"
UNKNOWN_NAME, UNKNOWN_CITY = "LSP Industri Kreatif Sulawesi", "Palu"
# Participants per request that carries documents: small, so `blanko demo` stays quick.
DOC_PARTICIPANTS = (5, 40)
# About this many requests get documents (35 ms each); past it the share drops, so 500 requests stay quick.
DOC_REQUESTS = 120

# The path a request takes to each state (from 'received'); cancelled is handled apart.
PATHS: dict[State, tuple[State, ...]] = {
    State.RECEIVED: (),
    State.WAITING_LSP: (State.WAITING_LSP,),
    State.VERIFIED: (State.VERIFIED,),
    State.APPROVED: (State.VERIFIED, State.APPROVED),
    State.PACKED: (State.VERIFIED, State.APPROVED, State.PACKED),
    State.SHIPPED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED),
    State.DELIVERED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED),
    State.CLOSED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED),
}

# Where a request of a given age (working hours since it arrived) has most likely got to.
_BY_AGE: tuple[tuple[float, tuple[tuple[State, int], ...]], ...] = (
    (8, ((State.RECEIVED, 45), (State.VERIFIED, 20), (State.WAITING_LSP, 15), (State.APPROVED, 12),
         (State.PACKED, 8))),
    (24, ((State.RECEIVED, 6), (State.VERIFIED, 8), (State.APPROVED, 8), (State.WAITING_LSP, 15),
          (State.PACKED, 35), (State.SHIPPED, 23), (State.CANCELLED, 5))),
    (56, ((State.WAITING_LSP, 10), (State.PACKED, 8), (State.SHIPPED, 40), (State.DELIVERED, 25),
          (State.CLOSED, 12), (State.CANCELLED, 5))),
    (120, ((State.WAITING_LSP, 4), (State.SHIPPED, 4), (State.DELIVERED, 18), (State.CLOSED, 66),
           (State.CANCELLED, 8))),
    # weeks old: all but a few are done (an LSP that never sent its receipt back keeps one 'delivered')
    (float("inf"), ((State.DELIVERED, 2), (State.CLOSED, 91), (State.CANCELLED, 7))),
)


def _state_for_age(rng: random.Random, hours: float) -> State:
    for limit, table in _BY_AGE:
        if hours < limit:
            states, weights = zip(*table)
            return rng.choices(states, weights)[0]
    raise AssertionError("unreachable")


def request_count() -> int:
    return Request.select().count()


def _refuse_if_filled(force: bool) -> None:
    count = request_count()
    if count and not force:
        raise RuleError(
            f"Basis data ini sudah berisi {count} permohonan; data demo hanya diisikan ke basis data kosong. "
            "Gunakan basis data baru (--db) atau --force untuk tetap menambahkannya."
        )


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
    return added


def _received_times(rng: random.Random, count: int, now: datetime, days: int, zone) -> list[datetime]:
    """Arrival times of e-mails over the last `days`: mostly office hours on weekdays, some evenings."""
    local_now = now.astimezone(zone)
    times = []
    while len(times) < count:
        day = (local_now - timedelta(days=rng.uniform(0, days))).date()
        if day.weekday() >= 5 and rng.random() > 0.12:
            continue
        if rng.random() < 0.85:
            minute = rng.randint(7 * 60 + 30, 16 * 60 + 30)
        else:
            minute = rng.randint(16 * 60 + 30, 22 * 60)
        moment = datetime(day.year, day.month, day.day, minute // 60, minute % 60,
                          rng.randint(0, 59), tzinfo=zone)
        if moment < local_now - timedelta(minutes=10):
            times.append(moment)
    return sorted(times)


def _due_today_time(services: Services, now: datetime) -> datetime | None:
    """An arrival time whose due time falls later today (None when the office has closed for today)."""
    cal = services.calendar()
    limit = float(services.setting("sla_hours"))
    zone = cal.hours.zone
    today = now.astimezone(zone).date()
    probe = now.astimezone(zone) - timedelta(minutes=5)
    for _ in range(7 * 24 * 4):  # walk back in quarter hours, at most a week
        due = cal.due_time(probe, limit)
        if due.date() == today and due > now + timedelta(minutes=20):
            return probe
        if due < now:
            break
        probe -= timedelta(minutes=15)
    return None


def _working_days_ago(services: Services, now: datetime, days: int, at_hour: int) -> datetime:
    cal = services.calendar()
    zone = cal.hours.zone
    day = now.astimezone(zone).date()
    while days > 0:
        day -= timedelta(days=1)
        if cal.is_working_day(day):
            days -= 1
    return datetime(day.year, day.month, day.day, at_hour, 17, tzinfo=zone)


class _Letters:
    """Letter numbers per LSP: 045/LSP-TDN/XI/2026, in sequence."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.seq: dict[tuple[str, int], int] = {}

    def next(self, code: str, day: date) -> str:
        # an LSP numbers its outgoing letters per year; other letters come between two requests
        key = (code, day.year)
        n = self.seq.get(key) or self.rng.randint(3, 140)
        self.seq[key] = n + self.rng.randint(1, 3)
        return f"{n:03d}/LSP-{code}/{roman_month(day.month)}/{day.year}"


def _quantities(rng: random.Random, replacement: bool) -> dict[str, int | None]:
    if replacement:
        return {"requested_qty": rng.randint(1, 6), "competent_qty": None, "not_yet_qty": None}
    competent = max(5, min(150, int(rng.lognormvariate(3.3, 0.55))))
    return {"requested_qty": competent, "competent_qty": competent,
            "not_yet_qty": rng.randint(0, max(1, competent // 6))}


def fill(services: Services, requests: int = 60, seed: int = 2026, *, now: datetime | None = None,
         force: bool = False) -> dict[str, Any]:
    """Fill the database with LSPs, signatories, cuti bersama and `requests` requests in every state.

    Everything goes through Services (create_request, update_request, transition), so each request has
    a real history and the audit chain is real. Refused on a database that already has requests unless
    `force`. Returns what was made: counts by state, overdue, due today.
    """
    if requests < 0:
        raise RuleError("Jumlah permohonan demo tidak boleh negatif.")
    _refuse_if_filled(force)
    started = time.perf_counter()
    rng = random.Random(seed)
    now = now or utcnow()
    result: dict[str, Any] = {"mode": "services", **setup_registry(services, now)}
    cal = services.calendar()
    zone = cal.hours.zone
    lsps = {l.name: l for l in Lsp.select().where(Lsp.active == True)}  # noqa: E712
    specs = [s for s in LSPS if s.name in lsps]

    # Anchors first, most telling first: every state once, two overdue, one due later today (when the
    # office is still open), one from a sender not yet recognised; random arrivals fill the rest.
    def ago(days: int, hour: int) -> datetime:
        return _working_days_ago(services, now, days, hour)

    due_today = _due_today_time(services, now)
    anchors: list[tuple[datetime, State, str]] = [  # (received, final state, what is special about it)
        (ago(3, 9), State.RECEIVED, "bad_nik"),     # overdue; its participant list has bad NIK rows
        (ago(4, 15), State.WAITING_LSP, "no_list"),  # the list never came: completion e-mail sent
        (ago(1, 8), State.VERIFIED, ""),
        (ago(2, 13), State.APPROVED, ""),        # overdue
        (ago(3, 11), State.PACKED, ""),
        (ago(5, 14), State.SHIPPED, ""),
        (ago(8, 10), State.DELIVERED, ""),
        (ago(14, 9), State.CLOSED, ""),
        (ago(6, 10), State.CANCELLED, ""),
        *([(due_today, State.RECEIVED, "")] if due_today is not None else []),
        (now.astimezone(zone) - timedelta(hours=2, minutes=13), State.RECEIVED, "unknown"),
    ]
    plan = anchors[:requests]
    for moment in _received_times(rng, requests - len(plan), now, WINDOW_DAYS, zone):
        age = cal.working_seconds_between(moment, now) / 3600
        plan.append((moment, _state_for_age(rng, age), ""))
    plan.sort(key=lambda p: p[0])

    letters = _Letters(rng)
    states: Counter[str] = Counter()
    documents = 0
    doc_share = min(1.0, DOC_REQUESTS / max(len(plan), 1))
    with tempfile.TemporaryDirectory(prefix="blanko-demo-") as drafts:
        paper = _Paperwork(services, random.Random(seed * 7919 + 1), Path(drafts))
        for received, final, special in plan:
            unknown = special == "unknown"
            spec = rng.choice(specs)
            replacement = rng.random() < 0.08 and not special
            letter_day = received.date() - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            qty = _quantities(rng, replacement)
            typed_later = rng.random() < 0.15 and not special  # a scanned letter: the officer types the numbers
            fields: dict[str, Any] = {
                "letter_number": letters.next(UNKNOWN_CODE if unknown else spec.code, letter_day),
                "letter_date": letter_day,
                "note": "",
            }
            # A replacement request follows the sister SOP (damaged sheets by courier): no e-mailed documents.
            with_documents = not replacement and (bool(special) or paper.rng.random() < doc_share)
            if not typed_later and not with_documents:
                fields.update(qty)
            subject = ("Permohonan Penggantian Blanko Sertifikat Rusak" if replacement
                       else "Permohonan Blanko Sertifikat Kompetensi")
            sender = UNKNOWN_SENDER if unknown else spec.emails[0]
            req = services.create_request(
                received.astimezone(timezone.utc), None if unknown else lsps[spec.name].id,
                kind="replacement" if replacement else "new",
                sender=sender, subject=f"{subject} {fields['letter_number']}", **fields)
            if with_documents:
                lsp_name, city = (UNKNOWN_NAME, UNKNOWN_CITY) if unknown else (spec.name, spec.city)
                files, asked = paper.documents(lsp_name, city, fields["letter_number"], letter_day,
                                               bad_nik=special == "bad_nik", scanned_letter=typed_later)
                paper.walk(req.id, files, received, final, now, sender=sender, lsp_name=lsp_name,
                           missing=LIST_FILE if special == "no_list" else None,
                           typed=asked if typed_later else None)
                documents += 1
            else:
                if typed_later:
                    services.update_request(req.id, req.version, **qty)
                _walk(services, rng, req.id, received, final, now)
            states[final.value] += 1

    result["requests"] = len(plan)
    result["with_documents"] = documents
    result.update(_summary(services, now, states))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _walk(services: Services, rng: random.Random, request_id: int, received: datetime, final: State,
          now: datetime) -> None:
    """Move a document-free request to `final` the way an officer would, sometimes via a completion request."""
    if final is State.CANCELLED:
        if rng.random() < 0.5:
            services.transition(request_id, State.WAITING_LSP, rng.choice(COMPLETION_REASONS))
        services.transition(request_id, State.CANCELLED, rng.choice(CANCEL_REASONS))
        return
    steps = PATHS[final]
    if final is State.WAITING_LSP:
        services.transition(request_id, State.WAITING_LSP, rng.choice(COMPLETION_REASONS))
        return
    if steps and rng.random() < 0.25:
        # incomplete first; the LSP sent the missing documents later (a new clock from their arrival)
        back = received + timedelta(hours=rng.uniform(3, 40))
        if back < now - timedelta(hours=1):
            services.transition(request_id, State.WAITING_LSP, rng.choice(COMPLETION_REASONS))
            services.transition(request_id, State.RECEIVED, at=back.astimezone(timezone.utc))
    for step in steps:
        services.transition(request_id, step)


# File names as demo_documents writes them.
LETTER_FILE, MINUTES_FILE, DECISION_FILE, LIST_FILE = (
    "Surat Permohonan Blanko.pdf", "BA Asesmen.pdf", "SK Penetapan Kompeten.pdf", "Daftar Peserta K-BK.xlsx")


class _Paperwork:
    """The documents of demo requests, taken in through Reception as the officer's drop would be."""

    def __init__(self, services: Services, rng: random.Random, drafts: Path):
        from blanko_desktop.core.reception import Reception

        self.services = services
        self.rng = rng
        self.drafts = drafts
        self.reception = Reception(services)

    def documents(self, lsp_name: str, city: str, letter_number: str, day: date, *, bad_nik: bool = False,
                  scanned_letter: bool = False) -> tuple[dict[str, bytes], int]:
        """The four files of one consistent request (5-40 participants, at least one competent), and the
        number of blanks its letter asks for."""
        from blanko_desktop.core import demo_documents

        while True:
            people = demo_documents.participants(self.rng.randint(*DOC_PARTICIPANTS), self.rng)
            if any(p.verdict == "K" for p in people) and (not bad_nik or len(people) >= 8):
                break
        if bad_nik:
            people = _with_bad_niks(people)
        seq, code = letter_number.split("/")[:2]
        files = dict(demo_documents.request_documents(lsp_name, city, people, day, seq=int(seq), code=code).files)
        if bad_nik:
            files[LIST_FILE] = _scheme_sheets_workbook(lsp_name, people)
        if scanned_letter:
            files[LETTER_FILE] = _scan_pdf()
        return files, sum(p.verdict == "K" for p in people)

    def attach(self, request_id: int, files: dict[str, bytes], arrival: datetime, sender: str = "",
               lsp_name: str = "") -> None:
        """Files into the store and onto the request; about half arrive inside the LSP's e-mail."""
        from blanko_desktop.core import demo_documents

        items = list(files.items())
        if sender and self.rng.random() < 0.5:
            bundle = demo_documents.RequestDocuments("", files)
            items = [("permohonan.eml", demo_documents.request_email(sender, lsp_name, bundle, arrival))]
        plan = self.reception.prepare(items)
        self.reception.commit(plan, request_id=request_id, received_at=arrival.astimezone(timezone.utc),
                              source="email" if items[0][0].endswith(".eml") else "drop")

    def completion_mail(self, request_id: int) -> None:
        """The officer's e-mail asking for what is missing: the request then waits on the LSP."""
        from blanko_desktop.core.verification import completion

        completion.write_completion_request(self.services, request_id,
                                            self.drafts / f"kelengkapan-{request_id}.eml")

    def walk(self, request_id: int, files: dict[str, bytes], received: datetime, final: State, now: datetime,
             *, sender: str, lsp_name: str, missing: str | None, typed: int | None) -> None:
        """Documents in, then on to `final` the way the officer works: checklist, completion e-mail, verify."""
        from blanko_desktop.core.verification import checklist

        services, rng = self.services, self.rng
        steps = PATHS.get(final, ())  # cancelled: no steps, handled below
        later: dict[str, bytes] = {}
        back = None
        if final is State.WAITING_LSP or (final is State.CANCELLED and rng.random() < 0.5):
            missing = missing or rng.choice((LIST_FILE, LIST_FILE, DECISION_FILE))
        elif steps and rng.random() < 0.25:
            # incomplete first; the LSP sent the missing document later (a new clock from its arrival)
            back = received + timedelta(hours=rng.uniform(3, 40))
            if back < now - timedelta(hours=1):
                missing = rng.choice((LIST_FILE, DECISION_FILE))
                later = {missing: files[missing]}
        first = {name: data for name, data in files.items() if name != missing}
        self.attach(request_id, first, received, sender, lsp_name)
        if typed is not None:  # the letter is a scan: the officer reads the number and types it
            services.update_request(request_id, None, requested_qty=typed)
        if missing:
            self.completion_mail(request_id)
        if later and back is not None:
            self.attach(request_id, later, back, sender, lsp_name)  # back in the queue, a new clock
        if final is State.CANCELLED:
            services.transition(request_id, State.CANCELLED, rng.choice(CANCEL_REASONS))
            return
        if final is State.WAITING_LSP:
            return
        for step in steps:
            if step is State.VERIFIED:
                checklist.mark_verified(services, request_id)
            else:
                services.transition(request_id, step)


def _with_bad_niks(people: list) -> list:
    """Participants with the NIK mistakes officers meet: too short, implausible birth date, duplicated (and,
    in the workbook, one in scientific notation). They are made not yet competent, so the decision (which
    names the competent ones) still agrees with the list: the findings are the list's rows, nothing else."""
    people = list(people)
    for i in (1, 3, 5, 6):
        people[i] = replace(people[i], verdict="BK")
    if people[4].verdict != "K":
        people[4] = replace(people[4], verdict="K")
    nik = people[1].nik
    people[1] = replace(people[1], nik=nik[:-1])                          # 15 digits
    nik = people[3].nik
    people[3] = replace(people[3], nik=nik[:6] + "00" + nik[8:])          # day 00: not a date
    people[5] = replace(people[5], nik=people[4].nik)                     # a competent one's NIK again
    return people


def _scheme_sheets_workbook(lsp_name: str, people: list) -> bytes:
    """Another real-world layout: one sheet per scheme, the scheme in a title row, header in row 3,
    'Kompeten'/'Belum Kompeten' in mixed case, and one NIK that Excel turned into scientific notation."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    schemes: dict[tuple[str, str], list] = {}
    for person in people:
        schemes.setdefault(person.scheme, []).append(person)
    mangled = people[6].nik if len(people) > 6 else None
    for (code, title), group in schemes.items():
        sheet = book.create_sheet(code)
        sheet.append([f"SKEMA: {code} {title}"])
        sheet.merge_cells("A1:H1")
        sheet.append([lsp_name])
        sheet.append(["No", "Nama Peserta", "No KTP", "Tempat Lahir", "Tgl Lahir", "L/P", "Sumber Anggaran",
                      "Keputusan"])
        for i, p in enumerate(group, 1):
            nik = f"{int(p.nik) / 1e15:.14f}".rstrip("0") + "E+15" if p.nik == mangled else p.nik
            sheet.append([i, p.name, nik, "Makassar", f"{p.born:%d-%m-%Y}", "P" if p.female else "L", p.funding,
                          " kompeten " if p.verdict == "K" else "Belum Kompeten"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _scan_pdf() -> bytes:
    """A scanned letter: a page image with no text layer (the officer types the number of blanks)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFillGray(0.93)
    pdf.rect(36, 36, 523, 770, fill=1, stroke=0)
    pdf.setFillGray(0.35)
    for y in range(740, 200, -18):
        pdf.rect(70, y, 300 + (y * 37) % 150, 6, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _summary(services: Services, now: datetime, states: Counter[str] | None = None) -> dict[str, Any]:
    zone = services.calendar().hours.zone
    now_utc = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
    db = services.storage.db
    if states is None:
        states = Counter(dict(db.execute_sql("SELECT state, COUNT(*) FROM request GROUP BY state").fetchall()))
    overdue = db.execute_sql("SELECT COUNT(*) FROM request WHERE clock_running = 1 AND due_at < ?",
                             (now_utc,)).fetchone()[0]
    local_now = now.astimezone(zone)
    end_of_day = datetime(local_now.year, local_now.month, local_now.day, tzinfo=zone) + timedelta(days=1)
    due_today = db.execute_sql(
        "SELECT COUNT(*) FROM request WHERE clock_running = 1 AND due_at >= ? AND due_at < ?",
        (now_utc, end_of_day.astimezone(timezone.utc).isoformat(timespec="microseconds"))).fetchone()[0]
    return {"states": dict(sorted(states.items())), "overdue": overdue, "due_today": due_today}


def fill_bulk(services: Services, requests: int, seed: int = 2026, *, now: datetime | None = None,
              force: bool = False) -> dict[str, Any]:
    """Insert `requests` requests at once (benchmarks): one transaction, one audit event.

    The registry (LSPs, signatories, cuti bersama) still goes through Services. Requests spread back
    from now at about 40 per working day, so most old ones are closed and the recent ones are open.
    """
    if requests < 0:
        raise RuleError("Jumlah permohonan demo tidak boleh negatif.")
    _refuse_if_filled(force)
    started = time.perf_counter()
    rng = random.Random(seed)
    now = now or utcnow()
    result: dict[str, Any] = {"mode": "bulk", **setup_registry(services, now)}
    cal = services.calendar()
    zone = cal.hours.zone
    limit = float(services.setting("sla_hours"))
    lsps = {l.name: l.id for l in Lsp.select().where(Lsp.active == True)}  # noqa: E712
    specs = [s for s in LSPS if s.name in lsps]
    days = max(WINDOW_DAYS, round(requests / 40 * 7 / 5))
    letters = _Letters(rng)
    label = services.actor.label
    stamp = utcnow()
    states: Counter[str] = Counter()

    rows: list[dict[str, Any]] = []
    for received in _received_times(rng, requests, now, days, zone):
        spec = rng.choice(specs)
        age = cal.working_seconds_between(received, now) / 3600
        state = _state_for_age(rng, age)
        replacement = rng.random() < 0.08
        letter_day = received.date() - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        qty = _quantities(rng, replacement)
        number = letters.next(spec.code, letter_day)
        subject = ("Permohonan Penggantian Blanko Sertifikat Rusak" if replacement
                   else "Permohonan Blanko Sertifikat Kompetensi")
        rows.append({
            "lsp": lsps[spec.name], "kind": "replacement" if replacement else "new", "state": state.value,
            "letter_number": number, "letter_date": letter_day, "sender": spec.emails[0],
            "subject": f"{subject} {number}", "received_at": received, "due_at": cal.due_time(received, limit),
            "clock_running": state in CLOCK_RUNNING, "clock_started_at": received, **qty,
            "approved_qty": qty["requested_qty"] if state in _APPROVED_OR_LATER else None,
            "cancel_reason": rng.choice(CANCEL_REASONS) if state is State.CANCELLED else "", "note": "",
            "created_at": stamp, "version": 1, "updated_at": stamp, "updated_by": label,
        })
        states[state.value] += 1

    # peewee renders the INSERT once and each value goes through its field's own conversion;
    # insert_many would render 20 placeholders per row in Python, slower than SQLite's own work here.
    fields = [f for f in Request._meta.sorted_fields if f is not Request.id]
    sql, _ = Request.insert({f: None for f in fields}).sql()
    values = [[f.db_value(row[f.name]) for f in fields] for row in rows]

    def op():
        first = None
        cursor = services.storage.db.cursor()
        for i in range(0, len(values), BULK_BATCH):
            cursor.executemany(sql, values[i:i + BULK_BATCH])
        if rows:
            first = services.storage.db.execute_sql("SELECT MAX(id) FROM request").fetchone()[0] - len(rows) + 1
        audit.record(services.actor, "demo.bulk_insert", "request", "*", None,
                     {"count": len(rows), "seed": seed, "first_id": first,
                      "last_id": first + len(rows) - 1 if first else None})

    services.storage.write(op)
    result["requests"] = len(rows)
    result["with_documents"] = 0
    result.update(_summary(services, now, states))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


_APPROVED_OR_LATER = frozenset({State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED})
