"""`blanko intake`: receive what an LSP sent; the routing decision is core's (intake_routing)."""

from __future__ import annotations

import argparse
import gc
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Refused, Registrar, datetime_arg, request_id
from blanko_desktop.cli.commands.verification import checklist_json, checklist_lines, open_request_or_refuse
from blanko_desktop.cli.output import iso, local, office_zone, short_date_id

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


def register(r: Registrar) -> None:
    p = r.command("intake", cmd_intake,
                  "terima berkas permohonan (PDF, Excel, e-mail .eml/.msg, folder): simpan, kenali LSP, periksa")
    p.add_argument("files", nargs="+", metavar="FILE", help="berkas atau folder (boleh beberapa)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--request", type=request_id, metavar="ID",
                        help="tambahkan ke permohonan ini (bawaan: permohonan baru, atau yang menunggu LSP itu)")
    target.add_argument("--new", action="store_true",
                        help="selalu buat permohonan baru, walaupun ada permohonan LSP itu yang menunggu")
    p.add_argument("--lsp", metavar="NAMA", help="LSP pengirim (bawaan: dikenali dari alamat pengirim e-mail)")
    p.add_argument("--received", type=datetime_arg, metavar="ISO-DATETIME",
                   help="waktu diterima (bawaan: tanggal e-mail, atau sekarang untuk berkas lepas)")


def cmd_intake(ctx: Context, args: argparse.Namespace) -> int:
    # The command is most of its process and builds many objects that live to its end (the modules it imports,
    # a list's rows, the PDFs' objects): the cyclic collector ran ~140 times over them, one full pass among
    # them, 40-120 ms of an intake, and found next to nothing to free (what it builds has few cycles). Paused
    # for the command; a 99,000-row list's peak memory stays the same (benchmarks/stress_inputs.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _intake(ctx, args)
    finally:
        if enabled:
            gc.enable()


def _intake(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import intake_routing as routing
    from blanko_desktop.core.reception import Reception
    from blanko_desktop.core.workflow import State

    paths: list[Path] = []
    problems: list[str] = []
    for name in args.files:
        path = Path(name).expanduser()
        if not path.exists():
            problems.append(f"{path.name or name}: tidak ditemukan")
        elif path.resolve() not in {p.resolve() for p in paths}:  # the same file named twice is taken once
            paths.append(path)
    if not paths:
        raise Refused("Tidak ada berkas yang dapat diterima: " + "; ".join(problems) + ".",
                      {"request": None, "added": [], "duplicates": [], "problems": problems})
    with ctx.services() as services:
        zone = office_zone(services)
        chosen = services.find_lsp_view(args.lsp) if args.lsp else None
        if args.request is not None:
            open_request_or_refuse(services, args.request, "berkas baru tidak dapat ditambahkan")
        reception = Reception(services)
        plan = reception.prepare_paths(paths)
        plan.problems[:0] = problems
        received = args.received
        if received is not None and received.tzinfo is None:
            received = received.replace(tzinfo=zone)
        decision = routing.decide(services, plan, request_id=args.request,
                                  lsp_id=chosen.id if chosen is not None else None, force_new=args.new,
                                  received_at=received)
        notes, lsp_source, attached_to_waiting = decision.notes, decision.lsp_source, decision.attached_to_waiting
        duplicates = [f for f in plan.files if f.duplicate_of is not None]
        target = services.request_view(decision.request_id) if decision.request_id is not None else None
        req, added = None, []
        if not decision.nothing_new:
            outcome = routing.commit(services, plan, decision, source="cli")
            req = services.request_view(outcome.request.id)
            added_ids = {d.id for d in outcome.added}
            added = [d for d in services.document_views(req.id) if d.id in added_ids]
            if target is not None and target.state == State.WAITING_LSP and req.state == State.RECEIVED:
                notes.append(f"Permohonan #{req.id} kembali ke antrean (tidak lagi menunggu LSP); "
                             "tenggat baru dihitung dari waktu berkas diterima.")
        chosen = services.lsp_view(decision.lsp_id) if decision.lsp_id is not None else None
        lsp = req.lsp if req is not None and req.lsp is not None else chosen
        arrival = added[0].received_at if added else received or plan.received_at
        data: dict[str, Any] = {
            "request": req.id if req is not None else None,
            "lsp": lsp.name if lsp is not None else None,
            "lsp_id": lsp.id if lsp is not None else None,
            "lsp_source": lsp_source if lsp is not None else None,
            "sender": plan.sender,
            "subject": plan.subject,
            "received_at": iso(local(zone, arrival)),
            "created": req is not None and target is None,
            "attached_to_waiting": attached_to_waiting and req is not None,
            "added": [{"id": d.id, "name": d.original_name, "kind": d.kind, "sha256": d.sha256, "size": d.size}
                      for d in added],
            "duplicates": [],
            "problems": list(plan.problems),
            "notes": notes,
        }
        for f in duplicates:
            doc_id, request_no, added_at = f.duplicate_of
            when = local(zone, added_at)
            data["duplicates"].append({
                "name": f.name, "document": doc_id, "request": request_no, "received": iso(when),
                "message": f"{f.name}: sudah diterima pada {short_date_id(when)} untuk permohonan #{request_no}",
            })
        if req is not None:
            data["checklist"] = checklist_json(services, req.id)
    if req is None and not duplicates:
        raise Refused("Tidak ada berkas yang dapat diterima" +
                      (": " + "; ".join(data["problems"]) if data["problems"] else "") + ".", data)
    ctx.emit(data, _intake_lines(data))
    return EXIT_OK


def _intake_lines(data: dict[str, Any]) -> list[str]:
    from blanko_desktop.core import labels
    from blanko_desktop.core.textid import format_datetime_id

    lines: list[str] = []
    number = data["request"]
    if number is None:
        lines.append("Tidak ada berkas baru: semua sudah diterima sebelumnya (tidak disimpan lagi).")
    else:
        count = f"{len(data['added'])} berkas"
        if data["created"]:
            lines.append(f"Permohonan baru #{number}: {count} diterima.")
        elif data["attached_to_waiting"]:
            lines.append(f"{count} ditambahkan ke permohonan #{number} yang menunggu kelengkapan dari "
                         f"{data['lsp']}.")
        else:
            lines.append(f"{count} ditambahkan ke permohonan #{number}.")
        source = {"option": "dipilih dengan --lsp", "sender": f"dikenali dari pengirim {data['sender']}",
                  "request": "LSP permohonan"}.get(data["lsp_source"] or "", "")
        if data["lsp"]:
            lines.append(f"  LSP       : {data['lsp']} ({source})")
        else:
            lines.append(f"  LSP       : belum dikenali (pengirim: {data['sender'] or '-'}); pilih dengan: "
                         f"blanko set-lsp {number} NAMA")
        if data["received_at"]:
            lines.append(f"  Diterima  : {format_datetime_id(datetime.fromisoformat(data['received_at']))}")
        for d in data["added"]:
            lines.append(f"  + #{d['id']} {labels.document_kind(d['kind']).lower()}: {d['name']}")
    for d in data["duplicates"]:
        lines.append(f"  = {d['message']}")
    for note in data["notes"]:
        lines.append(f"  Catatan: {note}")
    for problem in data["problems"]:
        lines.append(f"  ! {problem}")
    if "checklist" in data:
        lines += [""] + checklist_lines(data["checklist"])
    return lines
