"""`blanko ship ...`, `blanko today`, `blanko report monthly`: packing, courier pickups, tracking, returned
receipts, the shipping notice, the officer's day and the monthly recap."""

from __future__ import annotations

import argparse
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from blanko_desktop.cli.args import EXIT_OK, Refused, Registrar, date_arg, numbered, positive_int, request_id
from blanko_desktop.cli.output import short
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


parcel_id = numbered("paket", 7)


def time_arg(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"jam '{text}' tidak valid: tulis seperti 14:30") from None


def register(r: Registrar) -> None:
    ship = r.group("ship", "pengiriman: kemas, kurir, resi, tanda terima kembali, pemberitahuan", dest="ship_command")
    p = ship.command("check", cmd_check, "periksa kesiapan paket sebelum dikemas")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--address", metavar="TEKS", help="alamat pada label bila berbeda dari Daftar LSP")
    p = ship.command("receipt-pdf", cmd_receipt_pdf,
                     "simpan tanda terima (dengan nomor seri yang dikeluarkan) sebagai PDF untuk dicetak")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p = ship.command("label", cmd_label, "simpan label alamat paket sebagai PDF")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--address", metavar="TEKS", help="alamat lain (dikonfirmasi petugas)")
    p = ship.command("pack", cmd_pack, "tandai paket sudah dikemas (jam SLA berhenti)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--address", metavar="TEKS", help="alamat pada label bila berbeda dari Daftar LSP")
    p.add_argument("--confirm-address", action="store_true",
                   help="petugas sudah memastikan alamat pada label (alamat diubah atau Daftar LSP berubah)")
    p = ship.command("pickups", cmd_pickups, "jadwal penjemputan kurir dan paket yang menunggu")
    p.add_argument("--from", dest="from_day", type=date_arg, metavar="DATE", help="mulai tanggal (bawaan: hari ini)")
    p.add_argument("--count", type=positive_int, default=6, metavar="N", help="berapa hari (bawaan 6)")
    p = ship.command("handover", cmd_handover, "serahkan paket yang menunggu ke kurir (daftar serah terima)")
    p.add_argument("--pickup", type=date_arg, required=True, metavar="DATE", help="tanggal penjemputan")
    p.add_argument("--courier", required=True, metavar="NAMA", help="nama kurir yang menjemput")
    p.add_argument("--time", type=time_arg, metavar="HH:MM", help="jam serah terima (bawaan: sekarang)")
    p.add_argument("--manifest", metavar="FILE.pdf", help="simpan daftar serah terima sebagai PDF")
    p.add_argument("--parcel", type=parcel_id, action="append", metavar="PAKET",
                   help="hanya paket ini (boleh berulang; bawaan: semua yang menunggu)")
    p = ship.command("track", cmd_track, "catat nomor resi kurir untuk paket permohonan")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--resi", required=True, metavar="TEKS", help="nomor resi (diketik atau dipindai)")
    p = ship.command("delivered", cmd_delivered, "catat paket diterima LSP (menurut kurir)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--date", type=date_arg, metavar="DATE", help="tanggal diterima (bawaan: hari ini)")
    p = ship.command("receipt", cmd_receipt,
                     "lampirkan tanda terima yang kembali (pindaian/e-mail); paketnya dicocokkan otomatis")
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF, gambar, atau e-mail (.eml/.msg)")
    p.add_argument("--parcel", type=parcel_id, metavar="PAKET", help="paketnya (bila tidak terbaca otomatis)")
    p.add_argument("--kind", metavar="JENIS", help="kurir atau lsp (bila tidak dikenali otomatis)")
    p = ship.command("notice", cmd_notice, "tulis e-mail pemberitahuan pengiriman ke LSP (.eml)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.eml")
    p.add_argument("--from", dest="from_address", default="", metavar="ALAMAT")
    p = ship.command("problem", cmd_problem, "catat paket kembali ke pengirim atau hilang")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--status", required=True, choices=("returned", "lost"), help="returned (kembali) atau lost")
    p.add_argument("--note", required=True, metavar="TEKS", help="keterangan kurir")
    p = ship.command("resend", cmd_resend, "kirim ulang paket yang kembali dengan nomor seri yang sama")
    p.add_argument("id", type=request_id, metavar="ID")
    p = ship.command("reverse", cmd_reverse,
                     "batalkan pengeluaran blanko paket yang kembali/hilang (permohonan kembali disetujui)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--reason", required=True, metavar="TEKS")
    p = ship.command("list", cmd_list, "daftar paket")
    p.add_argument("--status", choices=("packed", "shipped", "delivered", "returned", "lost"))

    r.command("today", cmd_today, "hari ini: tenggat, terlambat, menunggu LSP, kurir berikutnya, tanda terima")
    rep = r.group("report", "laporan", dest="report_command")
    p = rep.command("monthly", cmd_monthly, "rekap bulanan (Excel): status, blanko per LSP, stok, SLA, terlambat")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")


def _new_file(path: str) -> Path:
    out = Path(path).expanduser()
    if out.exists():
        raise RuleError(f"Berkas {out} sudah ada; pilih nama lain.")
    return out


def _parcel_lines(view) -> list[str]:
    lines = [f"Paket #{view.id} permohonan #{view.request_id} - {view.lsp_name} ({view.city}): {view.status_label}",
             f"  {view.quantity} lembar: {', '.join(view.ranges) or '-'}; tanda terima {view.receipt_number or '-'}",
             f"  Resi: {view.tracking_no or '(belum dicatat)'}"]
    if view.courier:
        lines.append(f"  Kurir: {view.courier}, {short(view.handed_at.astimezone())}")
    if view.delivered_on:
        back = [w for w, at in (("kurir", view.courier_receipt_at), ("LSP", view.lsp_receipt_at)) if at]
        lines.append(f"  Diterima {view.delivered_on:%d-%m-%Y}; tanda terima kembali: {', '.join(back) or 'belum'}")
    if view.problem_note:
        lines.append(f"  Catatan: {view.problem_note}" + (f" ({view.resolution})" if view.resolution else ""))
    return lines


def _check_lines(check) -> list[str]:
    lines = [f"Pemeriksaan paket permohonan #{check.request_id} ({check.lsp_name}): "
             + ("SIAP DIKEMAS" if check.ok else "BELUM SIAP")]
    for item in check.items:
        mark = "✓" if item.ok else ("✗" if item.blocking else "-")
        lines.append(f"  {mark} {item.title}: {item.text}")
    return lines


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        check = shipping.packing_check(services, args.id, args.address)
    ctx.emit(check.as_dict(), _check_lines(check))
    return EXIT_OK


def cmd_receipt_pdf(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping
    from blanko_desktop.core.forms import printlog

    out = _new_file(args.out)
    with ctx.services() as services:
        pdf, number = shipping.receipt_pdf(services, args.id)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        printlog.log_printed(services, "receipt", pdf, args.id, printer="", number=number)
    ctx.emit({"request": args.id, "number": number, "out": str(out)},
             f"Tanda terima {number} disimpan: {out} (cetak dua salinan: untuk LSP dan arsip)")
    return EXIT_OK


def cmd_label(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping
    from blanko_desktop.core.forms import printlog

    out = _new_file(args.out)
    with ctx.services() as services:
        pdf = shipping.label_pdf(services, args.id, args.address)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
        printlog.log_printed(services, "label", pdf, args.id, printer="")
    ctx.emit({"request": args.id, "out": str(out)}, f"Label alamat disimpan: {out}")
    return EXIT_OK


def cmd_pack(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        check = shipping.packing_check(services, args.id, args.address, args.confirm_address)
        if not check.ok:
            hint = (" Bila alamatnya benar, ulangi dengan --confirm-address." if check.confirm_reasons else "")
            raise Refused("\n".join(_check_lines(check)) + hint, {"check": check.as_dict()})
        parcel = shipping.pack(services, args.id, args.address, args.confirm_address)
        view = shipping.parcel_view(services, parcel.id)
        pickup = shipping.next_pickup_day(services)
    data = {**view.as_dict(), "next_pickup": pickup.isoformat()}
    ctx.emit(data, _parcel_lines(view) + [f"  Ikut penjemputan kurir {pickup:%d-%m-%Y}."])
    return EXIT_OK


def cmd_pickups(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.shipping import pickups

    with ctx.services() as services:
        days = pickups.schedule(services, args.from_day, args.count)
    lines = []
    for p in days:
        head = f"{p.weekday} {p.day:%d-%m-%Y}: "
        if p.handed:
            head += f"diserahkan ke {p.courier} pukul {p.handed_at.astimezone():%H:%M}, {len(p.parcels)} paket"
        else:
            head += f"{len(p.parcels)} paket menunggu" if p.parcels else "-"
        lines.append(head)
        lines += [f"    #{v.id} permohonan #{v.request_id} {v.lsp_name} ({v.city}), {v.quantity} lembar, "
                  f"resi {v.tracking_no or '-'}" for v in p.parcels]
    ctx.emit({"pickups": [p.as_dict() for p in days]}, lines)
    return EXIT_OK


def cmd_handover(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping
    from blanko_desktop.core.forms import printlog
    from blanko_desktop.core.shipping import pickups
    from blanko_desktop.core.shipping.common import office_date, office_hours

    out = _new_file(args.manifest) if args.manifest else None
    with ctx.services() as services:
        zone = office_hours(services).zone
        if args.time is not None:
            at = datetime.combine(args.pickup, args.time, zone)
        elif args.pickup == office_date(services):
            at = None
        else:
            raise RuleError(f"Serah terima tanggal {args.pickup:%d-%m-%Y} bukan hari ini: sebutkan jamnya dengan "
                            "--time HH:MM.")
        pdf = pickups.manifest_pdf(services, args.pickup, args.courier, args.parcel)
        pickup = shipping.handover(services, args.pickup, args.courier, at, pdf, args.parcel)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(pdf)
            printlog.log_printed(services, "manifest", pdf, None, printer="", number=args.pickup.isoformat())
        views = pickups.pickup_parcels(services, pickup.id)
    data = {"pickup": pickup.id, "day": args.pickup.isoformat(), "courier": pickup.courier,
            "handed_at": pickup.handed_at.isoformat(), "manifest": str(out) if out else None,
            "parcels": [v.as_dict() for v in views]}
    lines = [f"{len(views)} paket diserahkan ke {pickup.courier} ({pickup.handed_at.astimezone(zone):%d-%m-%Y %H:%M}):"]
    lines += [f"  #{v.id} permohonan #{v.request_id} {v.lsp_name}, resi {v.tracking_no or '(belum dicatat)'}"
              for v in views]
    if out:
        lines.append(f"Daftar serah terima: {out}")
    ctx.emit(data, lines)
    return EXIT_OK


def _done(ctx: Context, services, parcel, text: str) -> int:
    from blanko_desktop.core import shipping

    view = shipping.parcel_view(services, parcel.id)
    ctx.emit(view.as_dict(), [text] + _parcel_lines(view))
    return EXIT_OK


def cmd_track(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        parcel = shipping.set_tracking(services, args.id, args.resi)
        return _done(ctx, services, parcel, f"Nomor resi {parcel.tracking_no} dicatat.")


def cmd_delivered(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        parcel = shipping.mark_delivered(services, args.id, args.date)
        return _done(ctx, services, parcel, f"Paket permohonan #{args.id} diterima LSP.")


def cmd_problem(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        parcel = shipping.report_problem(services, args.id, args.status, args.note)
        return _done(ctx, services, parcel, "Dicatat. Langkah berikutnya: blanko ship resend ID (kirim ulang, "
                                            "paket kembali) atau blanko ship reverse ID --reason ... (batalkan "
                                            "pengeluaran blanko).")


def cmd_resend(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        parcel = shipping.resend(services, args.id)
        return _done(ctx, services, parcel, f"Paket dikirim ulang sebagai paket #{parcel.id}; ikut kurir berikutnya.")


def cmd_reverse(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        lines = shipping.reverse(services, args.id, args.reason)
        state = services.request_view(args.id).state
    ctx.emit({"request": args.id, "lines": lines, "state": state},
             f"Pengeluaran blanko permohonan #{args.id} dibatalkan ({len(lines)} baris buku stok); permohonan "
             "kembali disetujui: keluarkan blanko dan kemas lagi.")
    return EXIT_OK


def cmd_receipt(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.shipping import receipts

    kind = receipts.kind_arg(args.kind) if args.kind else None
    items = []
    for name in args.files:
        path = Path(name).expanduser()
        if not path.is_file():
            raise RuleError(f"Berkas {path} tidak ditemukan.")
        items.append((path.name, path.read_bytes()))
    with ctx.services() as services:
        plan = receipts.prepare(services, items, args.parcel, kind)
        if not plan.ok:
            problems = [f.problem for f in plan.files if f.problem] + plan.problems
            raise Refused(" ".join(problems) or "Tidak ada pindaian tanda terima.",
                          {"files": [f.as_dict() for f in plan.files], "problems": plan.problems})
        outcomes = receipts.commit(services, plan)
    how_words = {"qr": "kode QR", "teks": "nomor tanda terima", "resi": "nomor resi", "petugas": "pilihan petugas"}
    lines = [f"{o.name}: {receipts.KIND_LABELS[o.kind]} paket #{o.parcel_id} (permohonan #{o.request_id}, dikenali "
             f"dari {how_words.get(f.how, f.how)}); permohonan kini '{receipts.state_text(o.state)}'."
             for o, f in zip(outcomes, plan.files)]
    ctx.emit({"attached": [{"name": o.name, "document": o.document_id, "parcel": o.parcel_id, "request": o.request_id,
                            "kind": o.kind, "how": f.how, "state": o.state} for o, f in zip(outcomes, plan.files)]},
             lines)
    return EXIT_OK


def cmd_notice(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.shipping import notice

    out = _new_file(args.out)
    with ctx.services() as services:
        path = notice.write_notice(services, args.id, out, args.from_address.strip())
    ctx.emit({"request": args.id, "out": str(path)},
             f"E-mail pemberitahuan pengiriman ditulis: {path} (buka di program e-mail untuk dikirim)")
    return EXIT_OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shipping

    with ctx.services() as services:
        views = shipping.parcel_views(services, None)
    views = [v for v in views if args.status is None or v.status == args.status]
    lines = [line for v in views for line in _parcel_lines(v)] or ["Belum ada paket."]
    ctx.emit({"parcels": [v.as_dict() for v in views]}, lines)
    return EXIT_OK


def cmd_today(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.shipping import today

    with ctx.services() as services:
        page = today.today(services)
    c = page.counts
    lines = [f"Hari ini, {page.day:%d-%m-%Y}",
             f"  Terlambat: {c['overdue']}"] + [
        f"    #{i.request_id} {i.lsp_name or '(LSP belum ditentukan)'} - batas {short(i.due_at.astimezone())}"
        for i in page.overdue[:20]] + [
        f"  Jatuh tempo hari ini: {c['due_today']}"] + [
        f"    #{i.request_id} {i.lsp_name} - batas {i.due_at.astimezone():%H:%M}" for i in page.due_today[:20]] + [
        f"  Menunggu LSP: {c['waiting_lsp']}"] + [
        f"    #{i.request_id} {i.lsp_name} - sejak {short((i.since or i.received_at).astimezone())}"
        for i in page.waiting_lsp[:20]] + [
        f"  Kurir berikutnya {page.next_pickup:%d-%m-%Y}: {c['pickup_parcels']} paket"] + [
        f"    #{p.id} permohonan #{p.request_id} {p.lsp_name}, resi {p.tracking_no or '-'}"
        for p in page.pickup_parcels[:20]] + [
        f"  Tanda terima belum kembali (> {page.receipt_days} hari kerja): {c['receipts_missing']}"] + [
        f"    #{m.parcel.request_id} {m.parcel.lsp_name}: {', '.join(m.missing)}, {m.working_days} hari kerja"
        for m in page.receipts_missing[:20]] + [
        "  Kepatuhan SLA per bulan: " + ", ".join(
            f"{m.month} {m.share:.0%} ({m.in_time}/{m.counted})" if m.share is not None else f"{m.month} -"
            for m in page.sla)]
    ctx.emit(page.as_dict(), lines)
    return EXIT_OK


def cmd_monthly(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.shipping import reports

    month = reports.parse_month(args.month)
    out = _new_file(args.out)
    with ctx.services() as services:
        path, report = reports.write(services, month, out)
    current = next((m for m in report.sla if m.month == month), None)
    data = {"month": month, "out": str(path), "received": report.received, "issued": report.issued_total,
            "late": len(report.late), "sla": current.as_dict() if current else None, "audit_head": report.head}
    share = f"{current.share:.1%}" if current and current.share is not None else "-"
    ctx.emit(data, [f"Rekap {month} ditulis: {path}",
                    f"  {report.received} permohonan, {report.issued_total} blanko dikeluarkan, SLA {share}, "
                    f"{len(report.late)} terlambat",
                    f"  Jejak audit: entri {report.head['entry']}, hash {report.head['hash'][:16]}…"])
    return EXIT_OK
