"""`blanko stock`: the blank-certificate stock register (receive, allocate, spoil, return, reverse, count, reports)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Registrar, count_arg, date_arg, positive_int, request_id
from blanko_desktop.cli.output import iso, local, office_zone, table
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context
    from blanko_desktop.core.stock import CountResult, Line, SerialFormat, SerialRange, StockLedger


def register(r: Registrar) -> None:
    stock = r.group("stock", "stok blanko: penerimaan, pengeluaran, rusak, pengembalian, stock opname, buku stok",
                    dest="stock_command")
    p = stock.command("receive", cmd_receive, "catat blanko yang diterima dari percetakan (satu rentang)")
    p.add_argument("--first", required=True, metavar="S", help="nomor seri pertama, mis. KB 0000001")
    p.add_argument("--last", required=True, metavar="S", help="nomor seri terakhir")
    p.add_argument("--doc", default="", metavar="TEKS", help="nomor dokumen pengiriman (surat jalan) percetakan")
    p.add_argument("--date", type=date_arg, default=None, metavar="TANGGAL",
                   help="tanggal dokumen pengiriman (bawaan: hari ini)")
    p.add_argument("--note", default="", metavar="TEKS", help="catatan")

    p = stock.command("allocate", cmd_allocate,
                      "keluarkan blanko untuk permohonan yang disetujui: tepat sejumlah yang disetujui")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--range", dest="ranges", action="append", metavar="S-S",
                   help="rentang yang dikeluarkan (boleh diulang); tanpa ini dipakai usulan program")
    p.add_argument("--note", default="", metavar="TEKS", help="catatan")

    p = stock.command("cancel-issue", cmd_cancel_issue,
                      "batalkan seluruh pengeluaran blanko sebuah permohonan (jurnal balik)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--reason", required=True, metavar="TEKS", help="alasan pembatalan")

    p = stock.command("reverse", cmd_reverse, "batalkan satu catatan buku stok dengan catatan pembalik")
    p.add_argument("movement", type=positive_int, metavar="CATATAN", help="nomor catatan (lihat: blanko stock ledger)")
    p.add_argument("--reason", required=True, metavar="TEKS", help="alasan pembatalan")

    p = stock.command("spoil", cmd_spoil, "catat blanko yang rusak di kantor (tidak akan dikeluarkan lagi)")
    p.add_argument("ranges", nargs="+", metavar="S[-S]", help="nomor seri atau rentang (boleh beberapa)")
    p.add_argument("--reason", required=True, metavar="TEKS", help="apa yang terjadi, mis. uji cetak printer")

    p = stock.command("return", cmd_return, "catat blanko rusak yang dikembalikan LSP pada permohonan penggantiannya")
    p.add_argument("ranges", nargs="+", metavar="S[-S]", help="nomor seri atau rentang (boleh beberapa)")
    p.add_argument("--request", type=request_id, required=True, metavar="ID", help="permohonan penggantian")
    p.add_argument("--reason", default="", metavar="TEKS", help="keterangan dari berita acara kerusakan")

    p = stock.command("count", cmd_count, "catat stock opname: jumlah dihitung atau rentang yang ditemukan")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--counted", type=count_arg, metavar="N", help="jumlah lembar yang dihitung")
    how.add_argument("--range", dest="ranges", action="append", metavar="S-S",
                     help="rentang yang ditemukan di gudang (boleh diulang)")
    p.add_argument("--note", default="", metavar="TEKS", help="catatan")

    p = stock.command("settle", cmd_settle, "selesaikan selisih stock opname dengan penjelasan")
    p.add_argument("count", type=positive_int, metavar="OPNAME", help="nomor stock opname")
    p.add_argument("--explanation", required=True, metavar="TEKS", help="apa yang terjadi dengan lembar selisih")

    p = stock.command("report", cmd_report, "tulis berita acara stock opname (PDF)")
    p.add_argument("count", type=positive_int, metavar="OPNAME", help="nomor stock opname")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="berkas PDF tujuan (belum boleh ada)")

    p = stock.command("balance", cmd_balance, "saldo stok sekarang atau pada suatu tanggal, dan rentang tersedia")
    p.add_argument("--at", type=date_arg, default=None, metavar="TANGGAL", help="saldo pada akhir tanggal ini")

    p = stock.command("where", cmd_where, "di mana nomor seri ini sekarang, dan riwayatnya")
    p.add_argument("serial", metavar="S")

    p = stock.command("ledger", cmd_ledger, "buku stok: catatan terbaru dahulu, dengan saringan")
    p.add_argument("--kind", choices=("receive", "issue", "spoil", "return_damaged", "reversal", "adjust"),
                   help="jenis catatan")
    p.add_argument("--lsp", metavar="NAMA", help="LSP (nama atau bagian nama yang khas)")
    p.add_argument("--request", type=request_id, metavar="ID", help="permohonan")
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="TANGGAL", help="sejak tanggal")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="TANGGAL", help="sampai tanggal")
    p.add_argument("--serial", metavar="S", help="catatan yang menyangkut nomor seri ini")
    p.add_argument("--limit", type=positive_int, default=50, metavar="N", help="jumlah catatan (bawaan 50)")
    p.add_argument("--page", type=count_arg, default=0, metavar="N", help="halaman (mulai 0)")

    p = stock.command("issued", cmd_issued, "blanko yang dikeluarkan per LSP dan per bulan")
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="TANGGAL", help="sejak tanggal")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="TANGGAL", help="sampai tanggal")


# -- plain data for --json and lines for people ----------------------------------------------------

def _n(value: int) -> str:
    """4850 -> '4.850' (Indonesian thousands)."""
    return f"{value:,}".replace(",", ".")


def _sheets(value: int) -> str:
    return f"{_n(value)} lembar"


def range_json(r: SerialRange, fmt: SerialFormat) -> dict[str, Any]:
    return {"text": r.text(fmt), "prefix": r.prefix, "first": r.first, "last": r.last, "quantity": r.count}


def line_json(line: Line, zone) -> dict[str, Any]:
    return {"id": line.id, "kind": line.kind, "kind_label": line.kind_label, "range": line.range_text,
            "first": line.range.first, "last": line.range.last, "quantity": line.quantity,
            "from": line.from_place, "to": line.to_place, "at": iso(local(zone, line.at)), "by": line.by,
            "note": line.note, "request": line.request_id, "lsp": line.lsp_name, "doc_number": line.doc_number,
            "doc_date": line.doc_date.isoformat() if line.doc_date else None, "reverses": line.reverses_id,
            "reversed_by": line.reversed_by, "count": line.count_id, "replaces": line.replaces_text}


def ledger_table(lines: list[dict[str, Any]]) -> list[str]:
    rows = [(f"#{m['id']}", short_at(m["at"]), m["kind_label"], m["range"], _n(m["quantity"]),
             f"#{m['request']}" if m["request"] else "", m["lsp"] or "",
             _line_detail(m)) for m in lines]
    return table(("No", "Waktu", "Jenis", "Rentang", "Jumlah", "Permohonan", "LSP", "Keterangan"), rows)


def short_at(text: str | None) -> str:
    return text[:16].replace("T", " ") if text else "-"


def _line_detail(m: dict[str, Any]) -> str:
    parts = []
    if m["doc_number"]:
        parts.append(f"dok. {m['doc_number']}" + (f" ({m['doc_date']})" if m["doc_date"] else ""))
    if m["reverses"]:
        parts.append(f"membatalkan #{m['reverses']}")
    if m["reversed_by"]:
        parts.append(f"dibatalkan oleh #{m['reversed_by']}")
    if m["replaces"]:
        parts.append(f"pengganti {m['replaces']}")
    if m["note"]:
        parts.append(m["note"])
    return "; ".join(parts)


def count_json(result: CountResult, fmt: SerialFormat, zone) -> dict[str, Any]:
    return {"id": result.id, "at": iso(local(zone, result.at)), "book": result.book, "counted": result.counted,
            "difference": result.difference, "by_ranges": result.by_ranges,
            "missing": [range_json(r, fmt) for r in result.missing],
            "surplus": [range_json(r, fmt) for r in result.surplus], "explanation": result.explanation,
            "settled_at": iso(local(zone, result.settled_at)), "settled_by": result.settled_by}


def count_lines(data: dict[str, Any]) -> list[str]:
    lines = [f"Stock opname #{data['id']} ({short_at(data['at'])}): buku {_sheets(data['book'])}, "
             f"dihitung {_sheets(data['counted'])}, selisih {data['difference']:+d}"]
    lines += [f"  kurang (tidak ditemukan): {r['text']} ({_sheets(r['quantity'])})" for r in data["missing"]]
    lines += [f"  lebih (tidak ada di buku): {r['text']} ({_sheets(r['quantity'])})" for r in data["surplus"]]
    if data["settled_at"]:
        lines.append(f"  Diselesaikan oleh {data['settled_by']} ({short_at(data['settled_at'])}): "
                     f"{data['explanation']}")
    elif data["difference"] or data["missing"] or data["surplus"]:
        hint = (f"blanko stock settle {data['id']} --explanation \"...\"" if data["by_ranges"]
                else "isi rentang yang ditemukan (blanko stock count --range ...) agar selisihnya tercatat per nomor seri")
        lines.append(f"  Selisih belum diselesaikan: {hint}")
    else:
        lines.append("  Sesuai buku.")
    return lines


def _ledger(services) -> StockLedger:
    from blanko_desktop.core.stock import StockLedger

    return StockLedger(services)


def _office_today(services) -> date:
    from blanko_desktop.core import clock

    return clock.now().astimezone(office_zone(services)).date()


# -- commands -------------------------------------------------------------------------------------

def cmd_receive(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.stock import SerialRange

    with ctx.services() as services:
        ledger = _ledger(services)
        fmt = ledger.serial_format()
        received = [SerialRange(fmt.prefix, fmt.parse(args.first), fmt.parse(args.last))]
        doc_date = args.date or _office_today(services)
        ids = ledger.receive(received, args.doc, doc_date, args.note.strip())
        available = ledger.balance().available
    data = {"lines": ids, "ranges": [range_json(r, fmt) for r in received], "quantity": received[0].count,
            "doc_number": args.doc.strip(), "doc_date": doc_date.isoformat(), "available": available}
    ctx.emit(data, [f"Diterima dari percetakan: {received[0].text(fmt)} ({_sheets(received[0].count)}), "
                    f"dokumen {data['doc_number']} tanggal {data['doc_date']} (catatan #{ids[0]}).",
                    f"Stok tersedia sekarang: {_sheets(available)}."])
    return EXIT_OK


def cmd_allocate(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        fmt = ledger.serial_format()
        chosen = ledger.issue(args.id, args.ranges, args.note.strip())
        req = services.request_view(args.id)
        available = ledger.balance().available
    quantity = sum(r.count for r in chosen)
    data = {"request": args.id, "lsp": req.lsp_name or None, "quantity": quantity,
            "ranges": [range_json(r, fmt) for r in chosen], "available": available}
    ctx.emit(data, [f"Permohonan #{args.id} ({req.lsp_name or '-'}): dikeluarkan {_sheets(quantity)}",
                    *[f"  {r.text(fmt)} ({_sheets(r.count)})" for r in chosen],
                    f"Stok tersedia sekarang: {_sheets(available)}."])
    return EXIT_OK


def cmd_cancel_issue(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        fmt = ledger.serial_format()
        before = ledger.request_ranges(args.id)
        ids = ledger.cancel_issue(args.id, args.reason)
        available = ledger.balance().available
    data = {"request": args.id, "lines": ids, "ranges": [range_json(r, fmt) for r in before],
            "available": available}
    ctx.emit(data, [f"Pengeluaran untuk permohonan #{args.id} dibatalkan ({', '.join(r.text(fmt) for r in before)}); "
                    f"catatan pembalik {', '.join(f'#{i}' for i in ids)}.",
                    f"Stok tersedia sekarang: {_sheets(available)}."])
    return EXIT_OK


def cmd_reverse(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        zone = office_zone(services)
        rid = ledger.reverse(args.movement, args.reason)
        lines = {m.id: line_json(m, zone) for m in ledger.lines_by_id([args.movement, rid])}
    data = {"reversed": lines[args.movement], "line": lines[rid]}
    original = data["reversed"]
    ctx.emit(data, f"Catatan #{original['id']} ({original['kind_label']}, {original['range']}) dibatalkan "
                   f"oleh catatan #{rid}: {args.reason.strip()}")
    return EXIT_OK


def _move(ctx: Context, what: str, texts: list[str], run) -> int:
    """Spoil or return: `run(ledger, ranges)` records the ranges typed and gives the line ids."""
    with ctx.services() as services:
        ledger = _ledger(services)
        fmt = ledger.serial_format()
        ranges = ledger.parse_ranges(texts)
        ids = run(ledger, ranges)
        available = ledger.balance().available
    quantity = sum(r.count for r in ranges)
    data = {"lines": ids, "ranges": [range_json(r, fmt) for r in ranges], "quantity": quantity,
            "available": available}
    ctx.emit(data, [f"{what}: {', '.join(r.text(fmt) for r in ranges)} ({_sheets(quantity)}); "
                    f"catatan {', '.join(f'#{i}' for i in ids)}.",
                    f"Stok tersedia sekarang: {_sheets(available)}."])
    return EXIT_OK


def cmd_spoil(ctx: Context, args: argparse.Namespace) -> int:
    return _move(ctx, "Dicatat rusak di kantor", args.ranges,
                 lambda ledger, ranges: ledger.spoil(ranges, args.reason))


def cmd_return(ctx: Context, args: argparse.Namespace) -> int:
    return _move(ctx, f"Dikembalikan rusak oleh LSP (permohonan penggantian #{args.request})", args.ranges,
                 lambda ledger, ranges: ledger.return_damaged(args.request, ranges, args.reason))


def cmd_count(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        count_id = ledger.count(args.counted, args.ranges, args.note)
        data = count_json(ledger.count_result(count_id), ledger.serial_format(), office_zone(services))
    ctx.emit(data, count_lines(data))
    return EXIT_OK


def cmd_settle(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        ids = ledger.settle_count(args.count, args.explanation)
        data = count_json(ledger.count_result(args.count), ledger.serial_format(), office_zone(services))
        data["lines"] = ids
        available = ledger.balance().available
    data["available"] = available
    ctx.emit(data, count_lines(data) + [f"Catatan penyesuaian: {', '.join(f'#{i}' for i in ids) or '-'}; "
                                        f"stok tersedia sekarang: {_sheets(available)}."])
    return EXIT_OK


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists():
        raise RuleError(f"Berkas {out} sudah ada; pilih nama lain.")
    with ctx.services() as services:
        pdf = _ledger(services).count_report(args.count)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    data = {"count": args.count, "out": str(out), "bytes": len(pdf)}
    ctx.emit(data, f"Berita acara stock opname #{args.count} ditulis: {out}")
    return EXIT_OK


def cmd_balance(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.stock import places as P

    with ctx.services() as services:
        ledger = _ledger(services)
        fmt = ledger.serial_format()
        balance = ledger.balance(args.at)
        ranges = ledger.available_ranges() if args.at is None else []
        low = ledger.low_stock() if args.at is None else None
    per = {P.AVAILABLE: balance.available, P.ISSUED: balance.issued, P.SPOILED: balance.spoiled,
           P.RETURNED: balance.returned, P.MISSING: balance.missing}
    data: dict[str, Any] = {"at": args.at.isoformat() if args.at else None, **per, "received": balance.received}
    when = f"pada akhir {args.at.isoformat()}" if args.at else "sekarang"
    lines = [f"Saldo stok blanko {when}:"]
    lines += [f"  {P.place_label(place):32s} {_n(value):>12s}" for place, value in per.items()]
    lines.append(f"  {'jumlah diterima':32s} {_n(balance.received):>12s}")
    if args.at is None:
        data["available_ranges"] = [range_json(r, fmt) for r in ranges]
        data["low_stock"] = {"issued_90_days": low.issued_90_days, "per_week": low.per_week,
                             "weeks_of_cover": low.weeks_of_cover, "threshold_weeks": low.threshold_weeks,
                             "low": low.low}
        lines.append(f"Rentang tersedia ({len(ranges)}):")
        lines += [f"  {r.text(fmt)} ({_sheets(r.count)})" for r in ranges[:50]]
        if len(ranges) > 50:
            lines.append(f"  ... dan {len(ranges) - 50} rentang lagi (--json untuk semuanya)")
        if low.weeks_of_cover is None:
            lines.append("Tidak ada blanko yang dikeluarkan dalam 90 hari terakhir.")
        else:
            lines.append(f"Cukup untuk ±{str(low.weeks_of_cover).replace('.', ',')} minggu pada laju 90 hari "
                         f"terakhir ({str(low.per_week).replace('.', ',')} lembar/minggu)"
                         + (f" — STOK MENIPIS (batas {low.threshold_weeks} minggu)." if low.low else "."))
    ctx.emit(data, lines)
    return EXIT_OK


def cmd_where(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        zone = office_zone(services)
        where = ledger.where(args.serial)
        lines_v = [line_json(m, zone) for m in where.lines]
    data = {"serial": where.serial, "place": where.place, "place_label": where.place_label,
            "request": where.request_id, "lsp": where.lsp_name, "range": where.holding_range,
            "replaces": where.replaces, "replaced_by": where.replaced_by, "lines": lines_v}
    text = f"{where.serial}: {where.place_label}"
    if where.request_id:
        text += f" — permohonan #{where.request_id}"
    if where.lsp_name:
        text += f" ({where.lsp_name})"
    out = [text]
    if where.holding_range:
        out.append(f"  dalam rentang {where.holding_range}")
    if where.replaces:
        out.append(f"  dikeluarkan sebagai pengganti {where.replaces}")
    if where.replaced_by:
        out.append(f"  diganti dengan {where.replaced_by}")
    if lines_v:
        out += ["Riwayat:"] + ["  " + row for row in ledger_table(lines_v)]
    ctx.emit(data, out)
    return EXIT_OK


def cmd_ledger(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        zone = office_zone(services)
        lsp_id = services.find_lsp_view(args.lsp).id if args.lsp else None
        page = ledger.ledger(page=args.page, page_size=args.limit, kind=args.kind, lsp_id=lsp_id,
                             request_id=args.request, date_from=args.date_from, date_to=args.date_to,
                             serial=args.serial)
        lines_v = [line_json(m, zone) for m in page.lines]
    data = {"total": page.total, "page": page.page, "page_size": page.page_size, "lines": lines_v}
    shown = f"{page.page * page.page_size + 1}–{page.page * page.page_size + len(lines_v)}" if lines_v else "0"
    out = ledger_table(lines_v) if lines_v else ["Tidak ada catatan yang cocok."]
    ctx.emit(data, out + [f"({shown} dari {_n(page.total)} catatan)"])
    return EXIT_OK


def cmd_issued(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        ledger = _ledger(services)
        per_lsp = ledger.issued_per_lsp(args.date_from, args.date_to)
        per_month = ledger.issued_per_month(args.date_from, args.date_to)
    data = {"per_lsp": [{"lsp": t.key, "lsp_id": t.lsp_id, "quantity": t.quantity} for t in per_lsp],
            "per_month": [{"month": t.key, "quantity": t.quantity} for t in per_month],
            "total": sum(t.quantity for t in per_lsp)}
    lines = ["Blanko dikeluarkan per LSP:"]
    lines += ["  " + row for row in table(("LSP", "Lembar"), [(t.key, _n(t.quantity)) for t in per_lsp])] \
        if per_lsp else ["  (belum ada)"]
    lines.append("Per bulan:")
    lines += ["  " + row for row in table(("Bulan", "Lembar"), [(t.key, _n(t.quantity)) for t in per_month])] \
        if per_month else ["  (belum ada)"]
    lines.append(f"Jumlah: {_sheets(data['total'])}")
    ctx.emit(data, lines)
    return EXIT_OK
