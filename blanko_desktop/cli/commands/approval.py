"""Approval and paperwork: signatories, approve (and take back), forms as PDF, printing, the printers here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Registrar, date_arg, positive_int, request_id
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context

FORM_CODES = ("approval", "receipt", "label", "completion", "manifest")
FORM_HELP = ("approval (lembar persetujuan), receipt (tanda terima, dua salinan), label (label alamat), "
             "completion (surat permintaan kelengkapan), manifest (daftar serah terima kurir: --pickup TANGGAL)")


def register(r: Registrar) -> None:
    sig = r.group("signatory", "pejabat eselon IV yang menandatangani persetujuan dan tanda terima", "signatory_command")
    p = sig.command("add", cmd_signatory_add, "tambah pejabat penandatangan")
    p.add_argument("--name", required=True, metavar="NAMA", help="nama lengkap dengan gelar")
    p.add_argument("--nip", default="", metavar="NIP", help="NIP 18 digit")
    p.add_argument("--title", default="", metavar="JABATAN", help="jabatan, misalnya Kepala Subbagian Sertifikasi")
    sig.command("list", cmd_signatory_list, "daftar pejabat penandatangan")
    p = sig.command("deactivate", cmd_signatory_deactivate,
                    "nonaktifkan pejabat (tidak dapat dipilih lagi; persetujuan lamanya tetap tercatat)")
    p.add_argument("id", type=_signatory_id, metavar="ID")

    p = r.command("approve", cmd_approve, "catat persetujuan pejabat eselon IV atas jumlah blanko (atau batalkan)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--approver", metavar="NAMA", help="pejabat yang menyetujui (nama, bagian nama yang khas, atau "
                                                      "#id); bawaan: satu-satunya pejabat aktif")
    p.add_argument("--quantity", type=positive_int, metavar="N",
                   help="jumlah blanko yang disetujui (bawaan: jumlah peserta kompeten; berbeda → --reason)")
    p.add_argument("--reason", default="", metavar="TEKS",
                   help="alasan jumlah yang berbeda, atau alasan pembatalan (--cancel)")
    p.add_argument("--cancel", action="store_true", help="batalkan persetujuan (wajib --reason)")

    p = r.command("form", cmd_form, "simpan formulir sebagai PDF (tercatat sebagai formulir yang dibuat)")
    _form_arguments(p)
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="berkas PDF tujuan (belum boleh ada)")

    p = r.command("print", cmd_print, "cetak formulir ke printer (tercatat: printer, salinan, petugas, PDF-nya)")
    _form_arguments(p)
    p.add_argument("--printer", metavar="NAMA", help="printer tujuan (bawaan: printer terakhir untuk formulir "
                                                     "ini di komputer ini, lalu printer bawaan); diingat")
    p.add_argument("--copies", type=positive_int, default=1, metavar="N", help="jumlah salinan (bawaan 1)")

    r.command("printers", cmd_printers, "printer yang terpasang di komputer ini dan printer per formulir",
              opens="never")

    p = r.command("printed", cmd_printed, "formulir yang pernah dicetak atau disimpan (semua, atau satu permohonan)")
    p.add_argument("id", type=request_id, metavar="ID", nargs="?")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N", help="paling banyak N baris (bawaan 50)")


def _signatory_id(text: str) -> int:
    try:
        value = int(text.strip().lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan nomor pejabat (contoh: 2 atau #2)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"nomor pejabat harus 1 atau lebih, bukan {value}")
    return value


def _form_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("form", choices=FORM_CODES, metavar="FORMULIR", help=FORM_HELP)
    p.add_argument("id", type=request_id, metavar="ID", nargs="?", help="nomor permohonan (bukan untuk manifest)")
    p.add_argument("--pickup", type=date_arg, metavar="TANGGAL", help="hari penjemputan kurir (manifest)")
    p.add_argument("--approver", metavar="NAMA",
                   help="lembar persetujuan sebelum disetujui: pejabat yang akan menandatangani")
    p.add_argument("--quantity", type=positive_int, metavar="N",
                   help="lembar persetujuan sebelum disetujui: jumlah yang diusulkan")
    p.add_argument("--reason", default="", metavar="TEKS", help="alasan jumlah yang berbeda")


# -- signatories ----------------------------------------------------------------------------------

def _signatory_dict(s) -> dict[str, Any]:
    return {"id": s.id, "name": s.name, "nip": s.nip, "title": s.title, "active": s.active}


def cmd_signatory_add(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        row = services.save_signatory(args.name, args.nip, args.title)
        view = next(s for s in services.signatory_views() if s.id == row.id)
    data = _signatory_dict(view)
    ctx.emit(data, f"Pejabat #{view.id} ditambahkan: {view.name}" + (f", NIP {view.nip}" if view.nip else "")
             + (f", {view.title}" if view.title else ""))
    return EXIT_OK


def cmd_signatory_list(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.cli import output

    with ctx.services() as services:
        rows = services.signatory_views()
    data = {"signatories": [_signatory_dict(s) for s in rows]}
    if not rows:
        ctx.emit(data, "Belum ada pejabat penandatangan. Tambahkan: blanko signatory add --name NAMA --nip NIP "
                       "--title JABATAN")
        return EXIT_OK
    ctx.emit(data, output.table(["ID", "NAMA", "NIP", "JABATAN", "STATUS"],
                                [(s.id, s.name, s.nip or "-", s.title or "-", "aktif" if s.active else "tidak aktif")
                                 for s in rows]))
    return EXIT_OK


def cmd_signatory_deactivate(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        view = next((s for s in services.signatory_views() if s.id == args.id), None)
        if view is None:
            raise RuleError(f"Pejabat #{args.id} tidak ditemukan (lihat: blanko signatory list).")
        if not view.active:
            raise RuleError(f"Pejabat #{view.id} {view.name} sudah tidak aktif.")
        services.save_signatory(view.name, view.nip, view.title, active=False, signatory_id=view.id,
                                expected_version=view.version)
        view = next(s for s in services.signatory_views() if s.id == args.id)
    ctx.emit(_signatory_dict(view), f"Pejabat #{view.id} {view.name} dinonaktifkan: tidak dapat dipilih lagi untuk "
                                    "persetujuan baru.")
    return EXIT_OK


# -- approval -------------------------------------------------------------------------------------

def _approval_dict(view) -> dict[str, Any] | None:
    if view is None:
        return None
    return {"id": view.id, "quantity": view.quantity, "reason": view.reason,
            "signatory": {"id": view.signatory_id, "name": view.signatory_name, "nip": view.signatory_nip,
                          "title": view.signatory_title},
            "approved_at": view.approved_at.isoformat() if view.approved_at else None,
            "recorded_by": view.recorded_by}


def cmd_approve(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import approval, workflow
    from blanko_desktop.core.textid import terbilang

    with ctx.services() as services:
        before = services.request_view(args.id).state
        if args.cancel:
            if args.approver or args.quantity is not None:
                raise RuleError("--cancel membatalkan persetujuan: --approver dan --quantity tidak dipakai.")
            previous = approval.approval_of(args.id)
            approval.cancel_approval(services, args.id, args.reason)
            req = services.request_view(args.id)
            data = {"request": req.id, "previous_state": before, "state": req.state,
                    "state_label": workflow.label(req.state), "cancelled": _approval_dict(previous),
                    "reason": args.reason.strip()}
            ctx.emit(data, f"Persetujuan permohonan #{req.id} dibatalkan ({args.reason.strip()}): "
                           f"{workflow.label(before)} -> {data['state_label']}")
            return EXIT_OK
        signatory = approval.find_signatory(args.approver) if args.approver else None
        approval.approve(services, args.id, signatory, args.quantity, args.reason)
        req = services.request_view(args.id)
        current = approval.approval_of(args.id)
    data = {"request": req.id, "previous_state": before, "state": req.state,
            "state_label": workflow.label(req.state), "competent": req.competent_qty,
            "approval": _approval_dict(current)}
    lines = [f"Permohonan #{req.id}: {workflow.label(before)} -> {data['state_label']}",
             f"  Disetujui : {current.quantity} ({terbilang(current.quantity)}) lembar"
             + (f" dari {req.competent_qty} kompeten" if req.competent_qty != current.quantity else ""),
             f"  Pejabat   : {current.signatory_name}" + (f", NIP {current.signatory_nip}" if current.signatory_nip
                                                          else "")]
    if current.reason:
        lines.append(f"  Alasan    : {current.reason}")
    lines.append(f"Cetak lembar persetujuan: blanko print approval {req.id}")
    ctx.emit(data, lines)
    return EXIT_OK


# -- forms ----------------------------------------------------------------------------------------

def _paper(services, args: argparse.Namespace):
    from blanko_desktop.core import approval
    from blanko_desktop.core.approval import paperwork

    if args.form == "manifest":
        if args.id is not None:
            raise RuleError("Daftar serah terima kurir dibuat per hari penjemputan: pakai --pickup TANGGAL, "
                            "tanpa nomor permohonan.")
        if args.pickup is None:
            raise RuleError("Sebutkan hari penjemputan kurir: --pickup TANGGAL (contoh: --pickup 2026-11-27).")
    elif args.id is None:
        raise RuleError(f"Sebutkan nomor permohonan: blanko {args.command} {args.form} ID.")
    proposal = args.approver or args.quantity is not None or args.reason
    if proposal and args.form != "approval":
        raise RuleError("--approver, --quantity dan --reason hanya untuk lembar persetujuan (approval).")
    signatory = approval.find_signatory(args.approver) if args.approver else None
    return paperwork.render_form(services, args.form, args.id, pickup=args.pickup, signatory_id=signatory,
                                 quantity=args.quantity, reason=args.reason)


def _printed_dict(view, paper) -> dict[str, Any]:
    data = view.as_dict()
    data["proposed"] = paper.proposed
    return data


def cmd_form(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.approval import paperwork

    out = Path(args.out).expanduser()
    if out.exists():
        raise RuleError(f"Berkas {out} sudah ada; pilih nama lain.")
    if out.suffix.lower() != ".pdf":
        raise RuleError(f"Formulir disimpan sebagai PDF: beri nama berakhiran .pdf (bukan '{out.name}').")
    with ctx.services() as services:
        paper = _paper(services, args)
        view = paperwork.save_pdf(services, paper, out)
    data = _printed_dict(view, paper)
    data["out"] = str(out.absolute())
    what = f"{paper.title}" + (f" permohonan #{paper.request_id}" if paper.request_id else f" {paper.number}")
    lines = [f"{what} disimpan: {data['out']}" + (f" (nomor {paper.number})" if paper.request_id and paper.number
                                                  else "")]
    if paper.proposed:
        lines.append("  Usulan untuk ditandatangani: persetujuan belum dicatat (blanko approve "
                     f"{paper.request_id}).")
    ctx.emit(data, lines)
    return EXIT_OK


def cmd_print(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.ui import printing

    printing.ensure_gui_app()
    with ctx.services() as services:
        paper = _paper(services, args)
        printer = printing.printer_for(ctx.cfg, args.form, args.printer)
        view = printing.print_paper(services, paper, printer, args.copies)
    printing.remember_printer(ctx.cfg, args.form, printer)
    data = _printed_dict(view, paper)
    what = f"{paper.title}" + (f" permohonan #{paper.request_id}" if paper.request_id else f" {paper.number}")
    ctx.emit(data, f"{what} dicetak ke {printer}, {args.copies} salinan"
                   + (f" (nomor {paper.number})" if paper.request_id and paper.number else "") + ".")
    return EXIT_OK


def cmd_printers(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.forms import FORMS
    from blanko_desktop.ui import printing

    printing.ensure_gui_app()
    names = printing.printer_names()
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinterName()
    per_form = {form: ctx.cfg.printers.get(form, "") for form in FORMS}
    data = {"printers": [{"name": n, "default": n == default} for n in names], "default": default or None,
            "settings_default": ctx.cfg.printer or None, "per_form": per_form,
            "missing": sorted({p for p in [*per_form.values(), ctx.cfg.printer] if p and p not in names})}
    lines = ["Printer di komputer ini:"] + ([f"  {n}{'  (bawaan sistem)' if n == default else ''}" for n in names]
                                           or ["  (tidak ada printer terpasang)"])
    lines.append("Printer per formulir:")
    for form, spec in FORMS.items():
        chosen = per_form[form]
        if chosen:
            note = "  (TIDAK ADA LAGI: pilih printer lain)" if chosen not in names else ""
            lines.append(f"  {spec.title}: {chosen}{note}")
        else:
            lines.append(f"  {spec.title}: (bawaan: {ctx.cfg.printer or default or '-'})")
    ctx.emit(data, lines)
    return EXIT_OK


def cmd_printed(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.cli import output
    from blanko_desktop.core.approval.views import printed_form_views

    with ctx.services() as services:
        if args.id is not None:
            services.request_view(args.id)  # an unknown number is refused by name
        zone = output.office_zone(services)
        rows = printed_form_views(services, args.id, args.limit)
    data = {"request": args.id, "printed": [r.as_dict() for r in rows]}
    if not rows:
        ctx.emit(data, "Belum ada formulir yang dicetak" + (f" untuk permohonan #{args.id}." if args.id else "."))
        return EXIT_OK
    ctx.emit(data, output.table(
        ["ID", "WAKTU", "FORMULIR", "PERMOHONAN", "NOMOR", "PRINTER", "SALINAN", "PETUGAS"],
        [(r.id, output.short(output.local(zone, r.printed_at)), r.title, f"#{r.request_id}" if r.request_id else "-",
          r.number or "-", r.printer, r.copies, r.printed_by) for r in rows]))
    return EXIT_OK
