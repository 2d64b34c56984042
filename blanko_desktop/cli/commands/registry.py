"""`blanko lsp`: the register of LSPs (add, list, import)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from blanko_desktop.cli.args import EXIT_OK, Refused, Registrar
from blanko_desktop.cli.output import table
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


def register(r: Registrar) -> None:
    lsp = r.group("lsp", "daftar LSP", dest="lsp_command")
    p = lsp.command("add", cmd_lsp_add, "daftarkan LSP baru")
    p.add_argument("--name", required=True, help="nama LSP")
    p.add_argument("--email", action="append", required=True, metavar="E",
                   help="alamat e-mail pengirim (boleh diulang)")
    p.add_argument("--domain", action="append", default=[], metavar="D",
                   help="domain e-mail LSP, mis. lsp-x.or.id (boleh diulang)")
    p.add_argument("--address", required=True, help="alamat kirim paket")
    p.add_argument("--city", required=True, help="kota/kabupaten")
    p.add_argument("--postal-code", default="", help="kode pos (5 digit)")
    p.add_argument("--phone", required=True, help="nomor telepon")
    p.add_argument("--licence", default="", help="nomor lisensi, mis. BNSP-LSP-1234-ID")
    p.add_argument("--contact", default="", help="narahubung")
    p = lsp.command("list", cmd_lsp_list, "tampilkan daftar LSP")
    p.add_argument("--active", action="store_true", help="hanya LSP yang aktif")
    p = lsp.command("import", cmd_lsp_import, "impor daftar LSP dari berkas Excel")
    p.add_argument("file", metavar="FILE", help="berkas .xlsx/.xls/.ods")


def cmd_lsp_add(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        added = services.add_lsp(args.name, list(args.email) + list(args.domain), require_address=True,
                                 licence_no=args.licence,
                                 address=args.address, city=args.city, postal_code=args.postal_code,
                                 phone=args.phone, contact_person=args.contact)
        data = services.lsp_view(added.id).as_dict()
    ctx.emit(data, f"LSP #{data['id']} terdaftar: {data['name']} "
                   f"({', '.join(data['emails'] + data['domains'])})")
    return EXIT_OK


def cmd_lsp_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        lsps = services.lsp_views(active_only=args.active)
    rows = [(lsp.id, lsp.name + ("" if lsp.active else " (nonaktif)"), lsp.city, lsp.licence_no,
             ", ".join(lsp.senders)) for lsp in lsps]
    lines = table(("ID", "Nama", "Kota", "Lisensi", "E-mail/domain"), rows) if rows else ["Belum ada LSP."]
    ctx.emit({"count": len(lsps), "lsps": [lsp.as_dict() for lsp in lsps]}, lines)
    return EXIT_OK


def cmd_lsp_import(ctx: Context, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise RuleError(f"Berkas {path} tidak ditemukan.")
    with ctx.services() as services:
        result = services.import_lsps(path)
    data = {"file": str(path), "added": result.added, "updated": result.updated, "problems": result.problems}
    if not result.added and not result.updated:
        if not ctx.json:
            for problem in result.problems:
                print(f"  - {problem}", file=sys.stderr)
        raise Refused(f"Tidak ada LSP yang dapat diimpor dari {path.name}.", data)
    lines = [f"Ditambahkan: {result.added}, diperbarui: {result.updated}, bermasalah: {len(result.problems)}"]
    lines += [f"  - {p}" for p in result.problems]
    ctx.emit(data, lines)
    return EXIT_OK
