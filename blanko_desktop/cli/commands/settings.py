"""`blanko settings`: the shared rules an office may change (serial format, low-stock warning, receipt reminder,
default courier), shown with their defaults and allowed values, and changed by the same core rule as the window's
Pengaturan ▸ Stok dan pengiriman."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Command, Registrar
from blanko_desktop.cli.output import iso, local, office_zone, short

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


def register(r: Registrar) -> None:
    p = r.command("settings", cmd_settings_show,
                  "pengaturan bersama: format nomor seri, peringatan stok menipis, pengingat tanda terima, kurir "
                  "bawaan (nilai, bawaan, nilai yang boleh)")
    # `blanko settings` alone shows them; `blanko settings set` changes one
    sub = p.add_subparsers(dest="settings_command", metavar="PERINTAH")
    help_ = "ubah satu pengaturan bersama (berlaku untuk semua petugas pada basis data ini; tercatat di riwayat)"
    s = sub.add_parser("set", parents=[r.common], help=help_, description=help_)
    s.set_defaults(handler=Command(cmd_settings_set))
    s.add_argument("key", metavar="KUNCI",
                   help="stock_serial_format, stock_low_weeks, receipt_reminder_days atau courier")
    s.add_argument("value", metavar="NILAI",
                   help="mis. 'KB 00000001' atau KB:8 (format nomor seri), 10 (minggu/hari kerja), 'JNE Kantor "
                        "Pusat' (kurir; '' mengosongkan)")
    s.add_argument("--if-version", type=int, metavar="N",
                   help="ditolak bila pengaturan sudah diubah orang lain sejak versi N (versi dari --json)")


def _data(view, zone) -> dict[str, Any]:
    data = view.as_dict()
    data["updated_at"] = iso(local(zone, view.updated_at))
    return data


def _lines(view, zone) -> list[str]:
    value = view.text
    if view.stored:
        value += f"  (diubah oleh {view.updated_by}, {short(local(zone, view.updated_at))})"
    else:
        value += "  (bawaan)"
    return [f"{view.key}  {view.label}", f"  nilai   {value}", f"  bawaan  {view.default_text}",
            f"  boleh   {view.allowed}"]


def cmd_settings_show(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shared_settings

    with ctx.services() as services:
        views = shared_settings.views(services)
        zone = office_zone(services)
    lines: list[str] = []
    for view in views:
        lines += ([""] if lines else []) + _lines(view, zone)
    ctx.emit({"settings": [_data(v, zone) for v in views]}, lines)
    return EXIT_OK


def cmd_settings_set(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import shared_settings

    with ctx.services() as services:
        before = shared_settings.view(services, args.key)
        after = shared_settings.change(services, args.key, args.value, args.if_version)
        zone = office_zone(services)
    changed = after.version != before.version
    data = {**_data(after, zone), "changed": changed, "before": before.value}
    if changed:
        line = f"Disimpan: {after.label} = {after.text} (sebelumnya {before.text}). Berlaku untuk semua petugas."
    else:
        line = f"Tidak berubah: {after.label} sudah {after.text}."
    ctx.emit(data, line)
    return EXIT_OK
