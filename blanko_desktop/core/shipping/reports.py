"""The monthly recap as an Excel workbook: requests by state, blanks issued per LSP and scheme, stock movements
and balance, SLA compliance and the late requests, with the audit chain's head printed on it (openpyxl)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.integrity import head
from blanko_desktop.core.models import Document, Lsp, Request, StockMovement, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import office_hours
from blanko_desktop.core.shipping.today import _month_bounds, _months_back, _stamp, sla_by_month, sla_runs
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.stock import places as P
from blanko_desktop.core.textid import MONTHS_ID
from blanko_desktop.core.workflow import State, label

NO_SCHEME = "(tanpa rincian skema)"


def parse_month(text: str) -> str:
    """'2026-11' (also '11-2026', '11/2026'); refused with an example otherwise."""
    value = (text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", value) or re.fullmatch(r"(\d{1,2})[-/](\d{4})", value)
    if m:
        a, b = m.groups()
        year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if 1 <= month <= 12 and 2000 <= year <= 2200:
            return f"{year:04d}-{month:02d}"
    raise RuleError(f"Bulan '{text}' tidak valid: tulis seperti 2026-11.")


@dataclass
class LateRequest:
    request_id: int
    lsp_name: str
    started: datetime
    due: datetime
    ended: datetime | None
    late_hours: float  # working hours past the due time
    state: str


@dataclass
class MonthlyReport:
    month: str
    title: str
    made_at: datetime
    made_by: str
    head: dict[str, Any]
    received: int
    states: dict[str, int]  # requests received in the month, by their state now
    issued: list[tuple[str, str, int]]  # (LSP, scheme, blanks) net of reversals
    movements: dict[str, int]  # ledger line kind -> sheets moved in the month
    balance_start: dict[str, int]
    balance_end: dict[str, int]
    sla: list[Any]
    late: list[LateRequest] = field(default_factory=list)

    @property
    def issued_total(self) -> int:
        return sum(q for _, _, q in self.issued)


def _scheme_split(request_ids: list[int]) -> dict[int, dict[str, int]]:
    """Competent participants per scheme of each request, from its participant list's analysis."""
    out: dict[int, dict[str, int]] = {}
    for doc in (Document.select(Document.request, Document.analysis)
                .where(Document.request.in_(request_ids) & (Document.kind == "list")).order_by(Document.id)):
        per = ((doc.analysis or {}).get("counts") or {}).get("per_scheme") or {}
        if per:
            out[doc.request_id] = {code: int(c.get("K", 0)) for code, c in per.items() if c.get("K")}
    return out


def issued_per_lsp_scheme(start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """Blanks issued in [start, end), net of reversals, per LSP and scheme (split by the competent count per
    scheme of the request's participant list; what the list does not explain goes under NO_SCHEME)."""
    per_request: dict[int, int] = defaultdict(int)
    lsp_of: dict[int, int | None] = {}
    cond = ((StockMovement.at >= _stamp(start)) & (StockMovement.at < _stamp(end))
            & ((StockMovement.kind == P.ISSUE) | ((StockMovement.kind == P.REVERSAL)
                                                  & (StockMovement.from_place == P.ISSUED))))
    for rid, lsp_id, kind, qty in (StockMovement.select(StockMovement.request, StockMovement.lsp,
                                                        StockMovement.kind, StockMovement.quantity)
                                   .where(cond).tuples()):
        per_request[rid] += qty if kind == P.ISSUE else -qty
        lsp_of[rid] = lsp_id
    names = dict(Lsp.select(Lsp.id, Lsp.name).tuples())
    split = _scheme_split([r for r in per_request if r is not None])
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for rid, qty in per_request.items():
        if not qty:
            continue
        lsp = names.get(lsp_of.get(rid), "-")
        left = qty
        for code, competent in sorted(split.get(rid, {}).items()):
            take = min(left, competent) if qty > 0 else 0
            if take:
                totals[(lsp, code)] += take
                left -= take
        if left:
            totals[(lsp, NO_SCHEME)] += left
    return sorted(((l, s, q) for (l, s), q in totals.items() if q), key=lambda t: (t[0], t[1]))


def build(services: Services, month: str, now: datetime | None = None) -> MonthlyReport:
    """The month's figures, from the database (nothing written)."""
    month = parse_month(month)
    now = now or utcnow()
    zone = office_hours(services).zone
    start, end = _month_bounds(month, zone)
    received = list(Request.select(Request.id, Request.state).where(
        (Request.received_at >= _stamp(start)) & (Request.received_at < _stamp(end))).tuples())
    states = {s.value: 0 for s in State}
    for _, state in received:
        states[state] = states.get(state, 0) + 1
    ledger = StockLedger(services)
    movements: dict[str, int] = {k: 0 for k in P.KINDS}
    for kind, qty in (StockMovement.select(StockMovement.kind, StockMovement.quantity)
                      .where((StockMovement.at >= _stamp(start)) & (StockMovement.at < _stamp(end))).tuples()):
        movements[kind] = movements.get(kind, 0) + qty
    b0 = ledger.balance(start - timedelta(microseconds=1))
    b1 = ledger.balance(end - timedelta(microseconds=1))

    def places(b) -> dict[str, int]:
        return {p: getattr(b, p) for p in P.PLACES}

    cal = services.calendar()
    late = []
    names = dict(Lsp.select(Lsp.id, Lsp.name).tuples())
    for run in sla_runs(services, start, end):
        if run.late(now):
            stop = run.ended or now
            req = Request.get_by_id(run.request_id)
            late.append(LateRequest(run.request_id, names.get(req.lsp_id, ""), run.started, run.due, run.ended,
                                    round(cal.working_seconds_between(run.due, stop) / 3600, 1), req.state))
    year, mon = (int(x) for x in month.split("-"))
    h = head(services.storage)
    return MonthlyReport(
        month=month, title=f"Rekap bulanan layanan blanko sertifikat — {MONTHS_ID[mon - 1]} {year}",
        made_at=now, made_by=services.actor.label, head=h.as_dict(), received=len(received), states=states,
        issued=issued_per_lsp_scheme(start, end), movements=movements, balance_start=places(b0),
        balance_end=places(b1), sla=sla_by_month(services, _months_back(date(year, mon, 1), 6), now, cal),
        late=late)


# -- the workbook ----------------------------------------------------------------------------------------

HEADER_FILL = "DCE6F1"
NUMBER = "#,##0"
PERCENT = "0.0%"
HOURS = "#,##0.0"
WHEN = "dd-mm-yyyy hh:mm"


def _local(moment: datetime | None, zone) -> datetime | None:
    # Excel has no time zones: office time, written without one
    return moment.astimezone(zone).replace(tzinfo=None) if moment else None


def write(services: Services, month: str, out: Path, now: datetime | None = None) -> tuple[Path, MonthlyReport]:
    """Write the month's workbook to `out`; (path, the figures written)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    report = build(services, month, now)
    zone = office_hours(services).zone
    book = Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)

    def sheet(title: str, headers: list[str], rows: list[list], widths: list[int], formats: dict[int, str],
              intro: list[list] | None = None):
        ws = book.create_sheet(title)
        for row in intro or []:
            ws.append(row)
        if intro:
            ws.append([])
        ws.append(headers)
        header_row = ws.max_row
        for cell in ws[header_row]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for row in rows:
            ws.append(row)
            for col, fmt in formats.items():
                ws.cell(ws.max_row, col).number_format = fmt
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = ws.cell(header_row + 1, 1)
        return ws

    book.remove(book.active)
    current = next((m for m in report.sla if m.month == report.month), None)
    summary = [
        ["Bulan", report.month],
        ["Permohonan diterima", report.received],
        ["Blanko dikeluarkan (bersih)", report.issued_total],
        ["Kepatuhan SLA (1 hari kerja)", current.share if current and current.share is not None else "-"],
        ["Permohonan terlambat", len(report.late)],
        ["Stok tersedia akhir bulan", report.balance_end[P.AVAILABLE]],
        ["Dibuat", _local(report.made_at, zone)],
        ["Oleh", report.made_by],
        ["Jejak audit: basis data", report.head["database_id"]],
        ["Jejak audit: entri terakhir", report.head["entry"]],
        ["Jejak audit: hash entri terakhir", report.head["hash"]],
        ["Jejak audit: waktu entri terakhir", report.head["at"]],
    ]
    ws = sheet("Ringkasan", ["Keterangan", "Nilai"], summary, [36, 70], {}, intro=[[report.title]])
    ws["A1"].font = Font(bold=True, size=13)
    for row in ws.iter_rows(min_row=4):
        key, value = row[0].value, row[1]
        if key == "Kepatuhan SLA (1 hari kerja)" and isinstance(value.value, float):
            value.number_format = PERCENT
        elif isinstance(value.value, int):
            value.number_format = NUMBER
        elif isinstance(value.value, datetime):
            value.number_format = WHEN
        value.alignment = Alignment(horizontal="left")

    sheet("Status permohonan", ["Status (sekarang)", "Kode", "Permohonan diterima bulan ini"],
          [[label(s), s, n] for s, n in report.states.items()] + [["Jumlah", "", report.received]],
          [28, 14, 30], {3: NUMBER})
    sheet("Blanko per LSP", ["LSP", "Skema", "Blanko dikeluarkan"],
          [[l, s, q] for l, s, q in report.issued] + [["Jumlah", "", report.issued_total]],
          [44, 26, 20], {3: NUMBER})
    stock_rows = [[P.KIND_LABELS.get(k, k), k, q] for k, q in report.movements.items()]
    stock_rows += [[f"Saldo awal: {P.place_label(p)}", p, report.balance_start[p]] for p in P.PLACES]
    stock_rows += [[f"Saldo akhir: {P.place_label(p)}", p, report.balance_end[p]] for p in P.PLACES]
    sheet("Stok", ["Mutasi / saldo", "Kode", "Lembar"], stock_rows, [44, 18, 14], {3: NUMBER})
    sheet("SLA", ["Bulan", "Tepat waktu", "Terlambat", "Belum jatuh tempo", "Kepatuhan"],
          [[m.month, m.in_time, m.late, m.pending, m.share if m.share is not None else None] for m in report.sla],
          [12, 14, 14, 18, 14], {2: NUMBER, 3: NUMBER, 4: NUMBER, 5: PERCENT})
    sheet("Terlambat", ["Permohonan", "LSP", "Masuk / mulai", "Batas waktu", "Ditangani", "Terlambat (jam kerja)",
                        "Status"],
          [[r.request_id, r.lsp_name, _local(r.started, zone), _local(r.due, zone), _local(r.ended, zone) or "belum",
            r.late_hours, label(r.state)] for r in report.late],
          [12, 40, 18, 18, 18, 22, 20], {1: "0", 3: WHEN, 4: WHEN, 5: WHEN, 6: HOURS})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out, report
