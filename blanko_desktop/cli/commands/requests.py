"""The requests: list, show, transition."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Registrar, count_arg, datetime_arg, request_id
from blanko_desktop.cli.output import deadline_flags, iso, local, office_zone, parse, short, table

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context
    from blanko_desktop.core.services import Services

DEFAULT_LIMIT = 50


def register(r: Registrar) -> None:
    p = r.command("list", cmd_list, "tampilkan permohonan (terbaru dahulu)")
    p.add_argument("--state", action="append", default=[], metavar="S",
                   help="status (kode atau nama: received, 'Menunggu LSP', ...); boleh diulang")
    p.add_argument("--overdue", action="store_true", help="hanya yang melewati tenggat 1 hari kerja")
    p.add_argument("--lsp", metavar="NAMA", help="nama LSP (atau bagian nama yang khas)")
    p.add_argument("--search", metavar="TEKS", default="", help="cari di nama LSP, nomor surat, pengirim")
    p.add_argument("--limit", type=count_arg, default=DEFAULT_LIMIT, metavar="N",
                   help=f"paling banyak N baris (bawaan {DEFAULT_LIMIT}; 0 = semua)")
    p.add_argument("--offset", type=count_arg, default=0, metavar="N", help="lewati N baris pertama")

    p = r.command("show", cmd_show, "rincian satu permohonan: LSP, dokumen, riwayat")
    p.add_argument("id", type=request_id, metavar="ID")

    p = r.command("transition", cmd_transition, "ubah status permohonan menurut alur SOP")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("state", metavar="STATE", help="status tujuan (kode atau nama)")
    p.add_argument("--reason", default="", help="alasan (wajib untuk pembatalan)")
    p.add_argument("--at", type=datetime_arg, metavar="ISO-DATETIME",
                   help="waktu dokumen baru tiba (kembali dari 'Menunggu LSP'); bawaan: sekarang")


def _request_filter(services: "Services", args: argparse.Namespace):
    from blanko_desktop.core import workflow
    from blanko_desktop.core.services import RequestFilter

    states = tuple(dict.fromkeys(workflow.parse_state(s).value for s in args.state))
    lsp_id = services.find_lsp_view(args.lsp).id if args.lsp else None
    return RequestFilter(text=args.search, lsp_id=lsp_id, states=states, overdue=args.overdue)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import clock, workflow

    now = clock.now()
    with ctx.services() as services:
        zone = office_zone(services)
        flt = _request_filter(services, args)
        total = services.request_count(flt, now)
        limit = args.limit or max(total, 1)
        rows = services.request_page(flt, args.offset, limit, now)
        items = []
        for r in rows:
            overdue, today = deadline_flags(zone, r.due_at, r.clock_running, now)
            items.append({
                "id": r.id, "lsp": r.lsp, "kind": r.kind, "state": r.state, "state_label": workflow.label(r.state),
                "letter_number": r.letter_number, "sender": r.sender,
                "received_at": iso(local(zone, r.received_at)), "due_at": iso(local(zone, r.due_at)),
                "clock_running": r.clock_running, "requested_qty": r.requested_qty,
                "overdue": overdue, "due_today": today,
            })
    data = {"total": total, "count": len(items), "offset": args.offset, "requests": items}
    if not items:
        ctx.emit(data, "Tidak ada permohonan yang cocok." if total or args.offset else "Belum ada permohonan.")
        return EXIT_OK

    def lsp_cell(i: dict[str, Any]) -> str:
        return i["lsp"] or (f"(tidak dikenal: {i['sender']})" if i["sender"] else "(LSP belum ditentukan)")

    rows_text = [(i["id"], short(parse(i["received_at"])), lsp_cell(i), i["state_label"], short(parse(i["due_at"])),
                  i["requested_qty"] if i["requested_qty"] is not None else "-",
                  "TERLAMBAT" if i["overdue"] else ("HARI INI" if i["due_today"] else ""))
                 for i in items]
    lines = table(("ID", "Diterima", "LSP", "Status", "Tenggat", "Jml", ""), rows_text)
    lines.append(f"{len(items)} dari {total} permohonan" +
                 (f" (mulai baris {args.offset + 1})" if args.offset else ""))
    ctx.emit(data, lines)
    return EXIT_OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import clock, labels, workflow
    from blanko_desktop.core.textid import format_date_id, format_datetime_id, terbilang

    now = clock.now()
    with ctx.services() as services:
        zone = office_zone(services)
        req = services.request_view(args.id)
        documents_v = services.document_views(req.id)
        findings_v = services.finding_views(req.id)
        history_v = services.history_entries(req.id)
    data = req.as_dict()
    overdue, today = deadline_flags(zone, req.due_at, req.clock_running, now)
    data.update(received_at=iso(local(zone, req.received_at)), due_at=iso(local(zone, req.due_at)),
                state_label=workflow.label(req.state), overdue=overdue, due_today=today,
                next_states=[s.value for s in workflow.State if s in workflow.allowed(req.state)])
    lsp = req.lsp.as_dict() if req.lsp is not None else None
    documents = [{
        "id": d.id, "kind": d.kind, "original_name": d.original_name, "sha256": d.sha256, "size": d.size,
        "media_type": d.media_type, "source": d.source, "parent_id": d.parent_id,
        "received_at": iso(local(zone, d.received_at)), "added_at": iso(local(zone, d.added_at)),
        "added_by": d.added_by,
    } for d in documents_v]
    findings = [{
        "id": f.id, "document_id": f.document_id, "item": f.item, "sheet": f.sheet, "row": f.row,
        "severity": f.severity, "message": f.message, "accepted": f.accepted,
    } for f in findings_v]
    history = [{
        "id": e.id, "at": iso(local(zone, e.at)), "officer": e.officer, "os_user": e.os_user,
        "action": e.action, "before": e.before, "after": e.after,
    } for e in history_v]

    out = {"request": data, "lsp": lsp, "documents": documents, "findings": findings, "history": history}
    if ctx.json:
        ctx.emit(out)
        return EXIT_OK

    def qty(n: int | None) -> str:
        return "-" if n is None else f"{n} ({terbilang(n)})"

    received, due = parse(data["received_at"]), parse(data["due_at"])
    flag = " TERLAMBAT" if overdue else (" (hari ini)" if today else "")
    clock_text = "jam berjalan" if data["clock_running"] else "jam berhenti"
    letter = data["letter_number"] or "-"
    if req.letter_date:
        letter += f", tanggal {format_date_id(req.letter_date)}"
    lines = [
        f"Permohonan #{data['id']}: {data['state_label']} ({clock_text})",
        f"  LSP            : {lsp['name'] + ' (#' + str(lsp['id']) + ')' if lsp else '(belum dikenali)'}",
    ]
    if lsp:
        lines.append(f"  Alamat kirim   : {lsp['address']}, {lsp['city']} {lsp['postal_code']}".rstrip())
    lines += [
        f"  Jenis          : {labels.request_kind(data['kind'])}",
        f"  Nomor surat    : {letter}",
        f"  Pengirim       : {data['sender'] or '-'}",
        f"  Perihal        : {data['subject'] or '-'}",
        f"  Diterima       : {format_datetime_id(received) if received else '-'}",
        f"  Tenggat        : {format_datetime_id(due) if due else '-'}{flag}",
        f"  Diminta        : {qty(data['requested_qty'])}",
        f"  Kompeten / BK  : {qty(data['competent_qty'])} / {qty(data['not_yet_qty'])}",
        f"  Disetujui      : {qty(data['approved_qty'])}",
    ]
    if data["cancel_reason"]:
        lines.append(f"  Alasan batal   : {data['cancel_reason']}")
    if data["note"]:
        lines.append(f"  Catatan        : {data['note']}")
    nxt = [workflow.label(s) for s in data["next_states"]]
    lines.append(f"  Langkah berikut: {', '.join(nxt) if nxt else '(status akhir)'}")
    lines.append(f"Dokumen ({len(documents)})")
    width = max((len(labels.document_kind(d["kind"])) for d in documents), default=0)
    lines += [f"  #{d['id']} {labels.document_kind(d['kind']):<{width}}  {d['original_name']}  {d['size']} bita  "
              f"{d['sha256'][:12]}" for d in documents]
    if findings:
        lines.append(f"Temuan ({len(findings)})")
        lines += [f"  [{labels.severity(f['severity'])}] {f['message']}" + (" (diterima)" if f["accepted"] else "")
                  for f in findings]
    lines.append(f"Riwayat ({len(history)})")
    for e in history:
        who = f"{e['officer']} ({e['os_user']})" if e["officer"] else e["os_user"]
        before, after = e["before"] if isinstance(e["before"], dict) else {}, \
            e["after"] if isinstance(e["after"], dict) else {}
        before_state, after_state = before.get("state"), after.get("state")
        change = (f"  {workflow.label(before_state)} -> {workflow.label(after_state)}"
                  if before_state and after_state and before_state != after_state else "")
        reason = after.get("reason")
        lines.append(f"  {short(parse(e['at']))}  {who}  {labels.audit_action(e['action'])}{change}"
                     + (f"  ({reason})" if reason else ""))
    ctx.emit(out, lines)
    return EXIT_OK


def cmd_transition(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow

    target = workflow.parse_state(args.state)
    with ctx.services() as services:
        zone = office_zone(services)
        before = services.request_view(args.id).state
        at = args.at
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=zone)
        services.transition(args.id, target, reason=args.reason, at=at)
        req = services.request_view(args.id)
    data = req.as_dict()
    data.update(previous_state=before, state_label=workflow.label(req.state),
                received_at=iso(local(zone, req.received_at)), due_at=iso(local(zone, req.due_at)))
    ctx.emit(data, f"Permohonan #{data['id']}: {workflow.label(before)} -> {data['state_label']}")
    return EXIT_OK
