"""The demo's requests past verification, through the real operations at the times an officer would have done
them: approval, issue, receipt, packing, the courier's pickups, tracking numbers, and the receipts coming back."""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from blanko_desktop.core import clock
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import State

# Where each step stands after the one before it, in working hours (packing within the day, mostly).
COURIERS = ("Agus Salim (JNE)", "Rudi Hartono (POS Indonesia)", "Dedi Kurnia (J&T Express)")
STOCK_DELIVERY = "PERURI/BNSP/{year}/0{n}"
ORDER = (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED)


@contextmanager
def at(moment: datetime):
    """Run the steps inside at `moment` on the one clock (core/clock.py), so their records carry that time."""
    when = moment.astimezone(timezone.utc)
    previous = clock._source  # put back whatever clock the caller runs on (tests set one), as registry.py does
    clock.set_source(lambda: when)
    try:
        yield
    finally:
        clock.set_source(previous)


@dataclass
class Trip:
    """One request's way past verification, planned: the times of its steps and the state it ends in."""

    request_id: int
    final: State
    times: dict[State, datetime] = field(default_factory=dict)
    pickup: date | None = None


class Dispatch:
    """The secretariat's side of the demo: stock, the official, and each request's steps after verification."""

    def __init__(self, services: Services, rng: random.Random, now: datetime, window_days: int):
        from blanko_desktop.core.models import Signatory
        from blanko_desktop.core.stock import StockLedger

        self.services = services
        self.rng = rng
        self.now = now
        self.cal = services.calendar()
        self.zone = self.cal.hours.zone
        self.ledger = StockLedger(services)
        self.official = Signatory.select().where(Signatory.active == True).order_by(Signatory.id).first()  # noqa: E712
        self.trips: list[Trip] = []
        self.window_days = window_days
        self.pickup_times: dict[date, datetime] = {}

    # -- planning --------------------------------------------------------------------------------------

    def later(self, moment: datetime, hours: float) -> datetime:
        return self.cal.add_working_hours(moment, hours)

    def plan(self, request_id: int, start: datetime, final: State) -> tuple[State, datetime]:
        """The times of a request's steps from `start` (its clock's start); the final state is cut back to the
        last step that lies in the past. Returns (final state, time of the verification)."""
        trip = Trip(request_id, final)
        late = self.rng.random() < 0.12  # some are packed the next working day: late on the SLA
        t = self.later(start, self.rng.uniform(0.3, 2.5))
        trip.times[State.VERIFIED] = t
        trip.times[State.APPROVED] = t = self.later(t, self.rng.uniform(0.5, 2.0))
        trip.times[State.PACKED] = t = self.later(t, self.rng.uniform(8.5, 12) if late else self.rng.uniform(0.8, 2.5))
        day = self.cal.next_pickup(t)
        handed = self._pickup_time(day)
        if handed <= t:  # the courier had already been: the next pickup
            day = self.cal.pickups(day + timedelta(days=1), 1)[0]
            handed = self._pickup_time(day)
        trip.pickup = day
        trip.times[State.SHIPPED] = handed
        delivered = datetime.combine(day + timedelta(days=self.rng.randint(1, 3)), time(11), self.zone)
        trip.times[State.DELIVERED] = delivered + timedelta(days=self.rng.randint(0, 2), hours=self.rng.randint(0, 5))
        trip.times[State.CLOSED] = trip.times[State.DELIVERED] + timedelta(days=self.rng.randint(1, 5), hours=2)
        limit = self.now - timedelta(minutes=30)
        reached = State.VERIFIED
        for state in ORDER:
            if ORDER.index(state) > ORDER.index(final) or trip.times[state] > limit:
                break
            reached = state
        trip.final = reached
        if ORDER.index(reached) >= ORDER.index(State.APPROVED):
            self.trips.append(trip)
        return reached, trip.times[State.VERIFIED]

    def _pickup_time(self, day: date) -> datetime:
        """The courier comes once on a pickup day, early afternoon."""
        if day not in self.pickup_times:
            self.pickup_times[day] = datetime.combine(day, time(14, self.rng.randint(0, 45)), self.zone)
        return self.pickup_times[day]

    # -- doing -----------------------------------------------------------------------------------------

    def run(self) -> None:
        """Every planned trip, step by step in time order across requests (pickups take all parcels packed
        before them, as the courier does)."""
        if not self.trips:
            return
        self._stock()
        from blanko_desktop.core import shipping

        steps = []
        for trip in self.trips:
            for state in ORDER[1:ORDER.index(trip.final) + 1]:
                steps.append((trip.times[state], ORDER.index(state), trip, state))
        steps.sort(key=lambda s: (s[0], s[1], s[2].request_id))
        handed_days: set[date] = set()
        for moment, _, trip, state in steps:
            if state is State.SHIPPED:
                if trip.pickup in handed_days:
                    continue
                handed_days.add(trip.pickup)
                group = [t for t in self.trips if t.pickup == trip.pickup and ORDER.index(t.final) >= 3]
                with at(moment):
                    pickup = shipping.handover(self.services, trip.pickup, self.rng.choice(COURIERS),
                                               parcel_ids=[shipping.current_parcel(t.request_id).id for t in group])
                for t in group:
                    with at(pickup.handed_at + timedelta(minutes=5)):
                        shipping.set_tracking(self.services, t.request_id, self._tracking(pickup.courier))
                continue
            with at(moment):
                self._step(trip, state)

    def _stock(self) -> None:
        """Blanks from the printer before the window, unless the stock on hand already covers the trips."""
        from peewee import fn

        from blanko_desktop.core.models import Request, StockMovement

        ids = [t.request_id for t in self.trips]
        needed = sum(qty or 0 for (qty,) in Request.select(Request.competent_qty).where(Request.id.in_(ids)).tuples())
        if self.ledger.balance().available >= needed:
            return
        prefix = self.ledger.serial_format().prefix
        last = StockMovement.select(fn.MAX(StockMovement.last_no)).where(StockMovement.prefix == prefix).scalar()
        start = (last or 100000) + 1
        size = max(2000, (needed // 1000 + 2) * 1000)
        first = self.now.astimezone(self.zone) - timedelta(days=self.window_days + 10)
        with at(first):
            self.ledger.receive(f"{prefix} {start:07d} - {prefix} {start + size - 1:07d}",
                                STOCK_DELIVERY.format(year=first.year, n=self.rng.randint(100, 999)), first.date())

    def _tracking(self, courier: str) -> str:
        if "JNE" in courier:
            return f"JP{self.rng.randint(10**9, 10**10 - 1)}"
        if "POS" in courier:
            return f"P{self.rng.randint(10**11, 10**12 - 1)}"
        return f"JX{self.rng.randint(10**9, 10**10 - 1)}"

    def _step(self, trip: Trip, state: State) -> None:
        from blanko_desktop.core import approval, shipping
        from blanko_desktop.core.forms import printlog

        services, rid = self.services, trip.request_id
        if state is State.APPROVED:
            approval.approve(services, rid, self.official.id)
        elif state is State.PACKED:
            self.ledger.issue(rid)
            pdf, number = shipping.receipt_pdf(services, rid)
            printlog.log_printed(services, "receipt", pdf, rid, printer="HP LaserJet Sekretariat", copies=2,
                                 number=number)
            shipping.pack(services, rid)
        elif state is State.DELIVERED:
            if self.rng.random() < 0.35:
                shipping.mark_delivered(services, rid)  # the courier's tracking says so; no paper back yet
            else:
                self._receipt(rid, "lsp" if self.rng.random() < 0.6 else "courier")
        elif state is State.CLOSED:
            parcel = shipping.current_parcel(rid)
            for kind, back in (("lsp", parcel.lsp_receipt_at), ("courier", parcel.courier_receipt_at)):
                if back is None:
                    self._receipt(rid, kind)

    def _receipt(self, request_id: int, kind: str) -> None:
        """A scan coming back: the LSP's signed receipt (half of them inside its e-mail) or the courier's."""
        from blanko_desktop.core import shipping
        from blanko_desktop.core.shipping import receipts

        parcel = shipping.current_parcel(request_id)
        if kind == "lsp":
            data = _scan_pdf(f"TANDA TERIMA  Nomor: {parcel.receipt_number}", "Diterima dan ditandatangani LSP")
            items = [(f"TT {parcel.receipt_number} ttd.pdf", data)]
            req = self.services.request(request_id)
            if req.sender and self.rng.random() < 0.5:
                items = [("tanda-terima.eml", _email(req.sender, items[0]))]
        else:
            data = _scan_pdf(f"BUKTI TERIMA KIRIMAN  No. Resi: {parcel.tracking_no}", "Penerima: staf LSP",
                             barcode=parcel.tracking_no)
            items = [(f"POD {parcel.tracking_no}.pdf", data)]
        plan = receipts.prepare(self.services, items, None, kind)
        receipts.commit(self.services, plan)


def _scan_pdf(title: str, note: str, barcode: str = "") -> bytes:
    """A small PDF standing in for a scan: the receipt's number or the tracking number in its text (a QR code
    drawn as vectors would only slow the text reading down: the tests cover real scans)."""
    from blanko_desktop.core.demo import pdfmake

    page = [pdfmake.text_lines(40, 540, [title], "F2", 12), pdfmake.text_lines(40, 520, [note])]
    if barcode:
        page.append(pdfmake.rects(_code128_bars(barcode, 40, 440)))
    page += [pdfmake.line(40, 200, 200, 200), pdfmake.text_lines(40, 186, ["Tanda tangan"])]
    return pdfmake.document([b"".join(page)], pdfmake.A5)


def _code128_bars(value: str, x: float, y: float) -> list[tuple[float, float, float, float]]:
    """The bars of a Code 128 barcode at (x, y): 36 pt high, 1.2 pt a module, after an 18 pt quiet zone (what
    reportlab's Code128 drew). zxing-cpp encodes it: the receipt form's QR code has it loaded already, where
    reportlab's barcode package would cost ~9 ms of imports for one symbol."""
    import zxingcpp

    image = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.Code128).to_image(scale=1, add_quiet_zones=False)
    width = image.shape[1]
    row = bytes(memoryview(image))[:width]  # one row says it all: dark modules are bars
    bars, start = [], None
    for i, level in enumerate((*row, 255)):
        if level < 128 and start is None:
            start = i
        elif level >= 128 and start is not None:
            bars.append((x + 18 + start * 1.2, y, (i - start) * 1.2, 36))
            start = None
    return bars


def _email(sender: str, attachment: tuple[str, bytes]) -> bytes:
    from blanko_desktop.core.demo.documents import mail
    from blanko_desktop.core.models import utcnow

    return mail(sender, "blanko@bnsp.go.id", "Tanda terima blanko sertifikat", utcnow(),
                "Bersama ini kami kirimkan pindaian tanda terima yang telah kami tandatangani.", [attachment])
