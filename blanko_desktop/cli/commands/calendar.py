"""`blanko calendar`: due times, courier pickups, cuti bersama and office closures."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING

from blanko_desktop.cli.args import EXIT_OK, Registrar, date_arg, datetime_arg, positive_int
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


def register(r: Registrar) -> None:
    cal = r.group("calendar", "kalender kerja, tenggat, jadwal kurir", dest="calendar_command")
    p = cal.command("due", cmd_calendar_due, "tenggat 1 hari kerja untuk waktu terima")
    p.add_argument("--received", type=datetime_arg, required=True, metavar="ISO-DATETIME",
                   help="waktu e-mail diterima, mis. 2026-12-24T10:00+07:00 (tanpa zona: waktu kantor)")
    p.add_argument("--hours", type=float, metavar="JAM", help="batas jam kerja (bawaan: pengaturan, 8)")
    p = cal.command("pickups", cmd_calendar_pickups, "hari penjemputan kurir berikutnya")
    p.add_argument("--from", dest="from_day", type=date_arg, metavar="DATE", help="mulai tanggal (bawaan: hari ini)")
    p.add_argument("--count", type=positive_int, default=6, metavar="N", help="berapa hari (bawaan 6)")
    p = cal.command("add-closure", cmd_calendar_add_closure,
                    "catat cuti bersama atau hari kantor tutup (tenggat dihitung ulang)")
    p.add_argument("day", type=date_arg, metavar="DATE")
    p.add_argument("--note", default="", help="keterangan, mis. 'Hari Raya Natal'")
    p.add_argument("--kind", choices=("cuti_bersama", "closure"), default="closure",
                   help="cuti_bersama atau closure (kantor tutup; bawaan)")
    p = cal.command("remove-closure", cmd_calendar_remove_closure, "hapus hari libur/tutup yang dicatat")
    p.add_argument("day", type=date_arg, metavar="DATE")
    p = cal.command("closures", cmd_calendar_closures, "daftar cuti bersama dan hari kantor tutup")
    p.add_argument("--year", type=int, help="hanya tahun ini")


def _closure_word(kind: str) -> str:
    from blanko_desktop.core import labels

    return labels.closure_kind(kind).lower()


def cmd_calendar_due(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_datetime_id

    with ctx.services() as services:
        cal = services.calendar()
        hours = args.hours if args.hours is not None else float(services.setting("sla_hours"))
        if hours < 0:
            raise RuleError("Batas jam kerja tidak boleh negatif.")
        received = args.received
        if received.tzinfo is None:
            received = received.replace(tzinfo=cal.hours.zone)
        due = cal.due_time(received, hours)
        start = cal.next_opening(received)
    data = {"received": received.isoformat(), "clock_starts": start.isoformat(), "due": due.isoformat(),
            "due_text": format_datetime_id(due), "limit_hours": hours, "timezone": cal.hours.tz}
    ctx.emit(data, [data["due"], data["due_text"]])
    return EXIT_OK


def cmd_calendar_pickups(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_date_id

    with ctx.services() as services:
        cal = services.calendar()
        start = args.from_day or datetime.now(cal.hours.zone).date()
        days = cal.pickups(start, args.count)
    data = {"from": start.isoformat(), "count": len(days), "pickups": [d.isoformat() for d in days]}
    ctx.emit(data, [f"{d.isoformat()}  {format_date_id(d, weekday=True)}" for d in days])
    return EXIT_OK


def cmd_calendar_add_closure(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_date_id

    with ctx.services() as services:
        services.add_closure(args.day, args.kind, args.note.strip())
        data = next(c for c in services.closure_views() if c.day == args.day).as_dict()
    ctx.emit(data, f"Dicatat: {format_date_id(args.day, weekday=True)} ({_closure_word(data['kind'])})"
                   + (f": {data['note']}" if data["note"] else "") + ". Tenggat permohonan terbuka dihitung ulang.")
    return EXIT_OK


def cmd_calendar_remove_closure(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_date_id

    with ctx.services() as services:
        services.remove_closure(args.day)
    ctx.emit({"day": args.day.isoformat(), "removed": True},
             f"Dihapus: {format_date_id(args.day, weekday=True)}. Tenggat permohonan terbuka dihitung ulang.")
    return EXIT_OK


def cmd_calendar_closures(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_date_id

    with ctx.services() as services:
        rows = [c.as_dict() for c in services.closure_views() if args.year is None or c.day.year == args.year]
    lines = [f"{c['day']}  {format_date_id(date.fromisoformat(c['day']), weekday=True):<28} "
             f"{_closure_word(c['kind']):<13} {c['note']}".rstrip()
             for c in rows] or ["Belum ada cuti bersama atau hari kantor tutup yang dicatat."]
    ctx.emit({"count": len(rows), "closures": rows}, lines)
    return EXIT_OK
