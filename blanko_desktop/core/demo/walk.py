"""The demo's requests, each taken in through Reception and moved along only by the real operations.

Most carry the documents an LSP sends (letter, minutes, decision as PDF, participant list as Excel,
often inside the LSP's e-mail); the checklist verifies them, a completion e-mail makes one wait on its LSP.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from blanko_desktop.core.demo.dispatch import Dispatch, at
from blanko_desktop.core.demo.plan import (
    CANCEL_REASONS,
    CHECKED_STATES,
    COMPLETION_REASONS,
    PATHS,
    WINDOW_DAYS,
    Letters,
    quantities,
    reachable,
    received_times,
    refuse_if_filled,
    state_for_age,
    summary,
)
from blanko_desktop.core.demo.registry import (
    LSPS,
    UNKNOWN_CITY,
    UNKNOWN_CODE,
    UNKNOWN_NAME,
    UNKNOWN_SENDER,
    setup_registry,
)
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Lsp, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import State

#: Who signs the demo's papers when no officer is named (`blanko demo` without --officer).
DEMO_OFFICER = "Petugas Contoh"
#: Above this many requests `blanko demo` switches from `fill` to `fill_bulk`.
SERVICES_LIMIT = 500
# Participants per request that carries documents: small, so `blanko demo` stays quick (5 at least, as
# tests/cli/test_demo.py expects of a request that came with its documents).
DOC_PARTICIPANTS = (5, 14)
# About this many requests get documents (35 ms each); past it the share drops, so 500 requests stay quick.
DOC_REQUESTS = 120

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


def fill(services: Services, requests: int = 60, seed: int = 2026, *, now: datetime | None = None,
         force: bool = False) -> dict[str, Any]:
    """Fill the database with LSPs, signatories, cuti bersama and `requests` requests in every state.

    Everything goes through Services (create_request, update_request, transition), so each request has
    a real history and the audit chain is real. Refused on a database that already has requests unless
    `force`. Returns what was made: counts by state, overdue, due today.
    """
    if requests < 0:
        raise RuleError("Jumlah permohonan demo tidak boleh negatif.")
    refuse_if_filled(services, force)
    if not (services.actor.officer or "").strip():  # papers are signed by name (core refuses without one)
        from blanko_desktop.core.audit import Actor

        services = Services(services.storage, Actor(services.actor.os_user, DEMO_OFFICER))
    started = time.perf_counter()
    # One write transaction around the ~500 operations (each runs in a savepoint, as it would nested in
    # any write): the same records, audit chain and checks, without a commit and an anchor update per
    # operation; a demo that fails halfway leaves the database as it was.
    result = services.storage.write(lambda: _fill(services, requests, seed, now))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _fill(services: Services, requests: int, seed: int, now: datetime | None) -> dict[str, Any]:
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
    anchors = [(moment, reachable(state), special) for moment, state, special in anchors]
    plan = anchors[:requests]
    for moment in received_times(rng, requests - len(plan), now, WINDOW_DAYS, zone):
        age = cal.working_seconds_between(moment, now) / 3600
        plan.append((moment, reachable(state_for_age(rng, age)), ""))
    plan.sort(key=lambda p: p[0])

    letters = Letters(rng)
    states: Counter[str] = Counter()
    documents = 0
    doc_share = min(1.0, DOC_REQUESTS / max(len(plan), 1))
    dispatch = Dispatch(services, random.Random(seed * 104729 + 3), now, WINDOW_DAYS)
    with tempfile.TemporaryDirectory(prefix="blanko-demo-") as drafts:
        paper = _Paperwork(services, random.Random(seed * 7919 + 1), Path(drafts), dispatch, now)
        for received, final, special in plan:
            unknown = special == "unknown"
            spec = rng.choice(specs)
            replacement = rng.random() < 0.08 and not special
            letter_day = received.date() - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
            qty = quantities(rng, replacement)
            typed_later = rng.random() < 0.15 and not special  # a scanned letter: the officer types the numbers
            fields: dict[str, Any] = {
                "letter_number": letters.next(UNKNOWN_CODE if unknown else spec.code, letter_day),
                "letter_date": letter_day,
                "note": "",
            }
            # A replacement request follows the sister SOP (damaged sheets by courier): no e-mailed documents.
            # Only a checked request can be verified: one that gets that far carries its documents.
            with_documents = not replacement and (bool(special) or final in CHECKED_STATES
                                                  or paper.rng.random() < doc_share)
            if replacement and final in CHECKED_STATES:
                final = State.RECEIVED
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
                final = paper.walk(req.id, files, received, final, now, sender=sender, lsp_name=lsp_name,
                                   missing=LIST_FILE if special == "no_list" else None,
                                   typed=asked if typed_later else None)
                documents += 1
            else:
                if typed_later:
                    services.update_request(req.id, req.version, **qty)
                _walk(services, rng, req.id, received, final, now)
            states[final.value] += 1
        dispatch.run()  # approval, stock, packing, pickups and receipts, in time order across requests

    result["requests"] = len(plan)
    result["with_documents"] = documents
    result.update(summary(services, now, states))
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
        with at(_answered(services, received, now, rng)):
            services.transition(request_id, State.WAITING_LSP, rng.choice(COMPLETION_REASONS))
        return
    if steps and rng.random() < 0.25:
        # incomplete first; the LSP sent the missing documents later (a new clock from their arrival)
        back = received + timedelta(hours=rng.uniform(3, 40))
        if back < now - timedelta(hours=1):
            with at(min(_answered(services, received, now, rng), back - timedelta(minutes=30))):
                services.transition(request_id, State.WAITING_LSP, rng.choice(COMPLETION_REASONS))
            with at(back):
                services.transition(request_id, State.RECEIVED, at=back.astimezone(timezone.utc))
    for step in steps:
        services.transition(request_id, step)


def _answered(services: Services, received: datetime, now: datetime, rng: random.Random) -> datetime:
    """When the officer answered a submission (a completion request): within the working day, mostly."""
    answer = services.calendar().add_working_hours(received, rng.uniform(0.3, 5))
    return min(answer, now - timedelta(minutes=5))


# File names as documents writes them.
LETTER_FILE, MINUTES_FILE, DECISION_FILE, LIST_FILE = (
    "Surat Permohonan Blanko.pdf", "BA Asesmen.pdf", "SK Penetapan Kompeten.pdf", "Daftar Peserta K-BK.xlsx")


class _Paperwork:
    """The documents of demo requests, taken in through Reception as the officer's drop would be."""

    def __init__(self, services: Services, rng: random.Random, drafts: Path, dispatch: Dispatch, now: datetime):
        from blanko_desktop.core.reception import Reception

        self.dispatch = dispatch
        self.now = now
        self.services = services
        self.rng = rng
        self.drafts = drafts
        self.reception = Reception(services)

    def documents(self, lsp_name: str, city: str, letter_number: str, day: date, *, bad_nik: bool = False,
                  scanned_letter: bool = False) -> tuple[dict[str, bytes], int]:
        """The four files of one consistent request (5-40 participants, at least one competent), and the
        number of blanks its letter asks for."""
        from blanko_desktop.core.demo import documents

        while True:
            people = documents.participants(self.rng.randint(*DOC_PARTICIPANTS), self.rng)
            if any(p.verdict == "K" for p in people) and (not bad_nik or len(people) >= 8):
                break
        if bad_nik:
            people = _with_bad_niks(people)
        seq, code = letter_number.split("/")[:2]
        files = dict(documents.request_documents(lsp_name, city, people, day, seq=int(seq), code=code).files)
        if bad_nik:
            files[LIST_FILE] = _scheme_sheets_workbook(lsp_name, people)
        if scanned_letter:
            files[LETTER_FILE] = _scan_pdf()
        return files, sum(p.verdict == "K" for p in people)

    def attach(self, request_id: int, files: dict[str, bytes], arrival: datetime, sender: str = "",
               lsp_name: str = "") -> None:
        """Files into the store and onto the request; about half arrive inside the LSP's e-mail."""
        from blanko_desktop.core.demo import documents

        items = list(files.items())
        if sender and self.rng.random() < 0.25:
            bundle = documents.RequestDocuments("", files)
            items = [("permohonan.eml", documents.request_email(sender, lsp_name, bundle, arrival))]
        plan = self.reception.prepare(items)
        self.reception.commit(plan, request_id=request_id, received_at=arrival.astimezone(timezone.utc),
                              source="email" if items[0][0].endswith(".eml") else "drop")

    def completion_mail(self, request_id: int, moment: datetime) -> None:
        """The officer's e-mail asking for what is missing: the request then waits on the LSP."""
        from blanko_desktop.core.verification import completion

        with at(moment):
            completion.write_completion_request(self.services, request_id, self.drafts / f"kelengkapan-{request_id}.eml")

    def walk(self, request_id: int, files: dict[str, bytes], received: datetime, final: State, now: datetime,
             *, sender: str, lsp_name: str, missing: str | None, typed: int | None) -> State:
        """Documents in, then on to `final` the way the officer works: checklist, completion e-mail, verify; the
        steps after verification are planned with the dispatch (which may stop short of `final` when a step
        would lie in the future). Returns the state the request ends in."""
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
            answer = _answered(services, received, now, rng)
            if back is not None:
                answer = min(answer, back - timedelta(minutes=30))
            self.completion_mail(request_id, answer)
        if later and back is not None:
            with at(back):
                self.attach(request_id, later, back, sender, lsp_name)  # back in the queue, a new clock
        if final is State.CANCELLED:
            services.transition(request_id, State.CANCELLED, rng.choice(CANCEL_REASONS))
            return final
        if final is State.WAITING_LSP or not steps:
            return final
        final, verified_at = self.dispatch.plan(request_id, back if later else received, final)
        with at(min(verified_at, now - timedelta(minutes=10))):
            checklist.mark_verified(services, request_id)
        return final


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
    from blanko_desktop.core.demo.documents import xlsx

    schemes: dict[tuple[str, str], list] = {}
    for person in people:
        schemes.setdefault(person.scheme, []).append(person)
    mangled = people[6].nik if len(people) > 6 else None
    sheets = []
    for (code, title), group in schemes.items():
        rows: list[list] = [[f"SKEMA: {code} {title}"], [lsp_name],
                            ["No", "Nama Peserta", "No KTP", "Tempat Lahir", "Tgl Lahir", "L/P", "Sumber Anggaran",
                             "Keputusan"]]
        for i, p in enumerate(group, 1):
            nik = f"{int(p.nik) / 1e15:.14f}".rstrip("0") + "E+15" if p.nik == mangled else p.nik
            rows.append([i, p.name, nik, "Makassar", f"{p.born:%d-%m-%Y}", "P" if p.female else "L", p.funding,
                         " kompeten " if p.verdict == "K" else "Belum Kompeten"])
        sheets.append((code, rows, "A1:H1"))
    return xlsx(sheets)


def _scan_pdf() -> bytes:
    """A scanned letter: a page image with no text layer (the officer types the number of blanks)."""
    from blanko_desktop.core.demo import pdfmake

    strokes = [(70, y, 300 + (y * 37) % 150, 6) for y in range(740, 200, -18)]
    return pdfmake.document([pdfmake.rects([(36, 36, 523, 770)], gray=0.93) + pdfmake.rects(strokes, gray=0.35)])
