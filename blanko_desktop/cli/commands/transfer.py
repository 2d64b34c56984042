"""Moving a whole database between a file and a server (`blanko copy`), and the officers' role on the server."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from blanko_desktop.cli.args import EXIT_OK, Registrar
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context

# a table (or the documents) this large takes seconds: its progress is shown
PROGRESS_FROM_ROWS = 5000
PROGRESS_EVERY_S = 1.0


def register(r: Registrar) -> None:
    p = r.command("copy", cmd_copy, "salin seluruh basis data (dengan dokumen dan jejak audit) dari berkas ke server "
                  "PostgreSQL atau sebaliknya", opens="never")
    p.add_argument("--from", dest="source", required=True, metavar="SUMBER",
                   help="berkas basis data atau alamat postgresql://... yang disalin")
    p.add_argument("--to", dest="target", required=True, metavar="TUJUAN",
                   help="berkas baru (belum boleh ada) atau alamat basis data server yang masih kosong")
    p.add_argument("--without-documents", action="store_true", help="salin basis data saja, tanpa dokumen")

    server = r.group("server", "server PostgreSQL: peran petugas dan keadaannya", dest="server_command")
    p = server.command("grant", cmd_grant, "beri peran (login) PostgreSQL hak kerja petugas: membaca dan menulis "
                       "catatan, jejak audit dan buku stok hanya ditambah", opens="never")
    p.add_argument("role", metavar="PERAN", help="nama peran PostgreSQL (sudah dibuat pengelola server)")
    server.command("status", cmd_status, "versi skema, peran yang tersambung dan hak-haknya", opens="never")


def _server_address(ctx: Context) -> str:
    if not isinstance(ctx.db_path, str):
        raise RuleError("Perintah ini untuk server PostgreSQL: beri --db postgresql://pengguna@host/basisdata "
                        f"(bukan berkas {ctx.db_path}).")
    return ctx.db_path


def _is_server(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))


def cmd_copy(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import transfer
    from blanko_desktop.core.storage import open_storage

    source_text, target_text = args.source.strip(), args.target.strip()
    if not _is_server(source_text):
        path = Path(source_text).expanduser()
        if not path.exists():
            raise RuleError(f"Berkas basis data sumber {path} tidak ditemukan.")
        source_text = str(path)
    target: Path | str = target_text if _is_server(target_text) else Path(target_text).expanduser()
    source = open_storage(source_text, create=False)
    try:
        result = transfer.copy(source, target, with_documents=not args.without_documents,
                               progress=_progress_printer())
    finally:
        source.close()
    data = result.as_dict()
    rows = data["rows"]
    head = data["audit_head"] or {}
    ctx.emit(data, [
        f"Disalin: {data['source']} → {data['database']} ({data['seconds']:.1f} detik)",
        f"  {rows.get('request', 0)} permohonan, {rows.get('audit_event', 0)} entri jejak audit, "
        f"{rows.get('stock_movement', 0)} baris buku stok, {data['total_rows']} baris seluruhnya",
        f"  dokumen: {data['files']} berkas" + (f" ({data['documents']})" if data["documents"] else " (tidak disalin)"),
        f"  jejak audit: entri {head.get('entry', 0)}, hash {head.get('hash', '')}, basis data "
        f"{head.get('database_id', '')} (sama dengan sumbernya)",
        f"Periksa salinannya dengan: blanko check --db {data['database']}",
    ])
    return EXIT_OK


def _progress_printer():
    """Lines on stderr for the big tables of a copy (stdout stays the result, for --json)."""
    last = {"at": 0.0}

    def report(table: str, done: int, total: int) -> None:
        if total < PROGRESS_FROM_ROWS:
            return
        now = time.monotonic()
        if done == total or now - last["at"] >= PROGRESS_EVERY_S:
            last["at"] = now
            what = "berkas" if table == "dokumen" else "baris"
            print(f"Menyalin {table}: {done}/{total} {what}", file=sys.stderr, flush=True)

    return report


def cmd_grant(ctx: Context, args: argparse.Namespace) -> int:
    _server_address(ctx)
    with ctx.services() as services:
        statements = services.storage.grant_officer_role(args.role)
        status = services.storage.role_status()
    data = {"database": ctx.db_path, "role": args.role, "statements": statements,
            "officer_roles": status["officer_roles"]}
    ctx.emit(data, [
        f"Peran {args.role} kini boleh bekerja sebagai petugas di {ctx.db_path}:",
        "  membaca dan menulis catatan; jejak audit dan buku stok hanya dapat ditambah (tidak diubah, dihapus",
        "  atau dikosongkan); skema hanya diubah pemiliknya. Hak ini ikut ke tabel yang ditambah pembaruan skema.",
        *[f"  {sql}" for sql in statements],
        f"Peran petugas di basis data ini: {', '.join(status['officer_roles'])}",
    ])
    return EXIT_OK


def cmd_status(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import migrations

    _server_address(ctx)
    with ctx.services() as services:
        status = services.storage.role_status()
    privileges = status["privileges"]
    data = {"database": ctx.db_path, "latest_schema": migrations.LATEST, **status}

    def allowed(key: str) -> str:
        return "boleh" if privileges.get(key) else "tidak"

    lines = [
        f"Basis data  : {ctx.db_path}",
        f"Versi skema : {status['schema_version']} (aplikasi ini {migrations.LATEST})",
        f"Peran       : {status['role']}" + (" (pemilik skema)" if privileges.get("owner") else ""),
        f"Pemilik     : {status['owner']}",
        f"Peran petugas: {', '.join(status['officer_roles']) or '(belum ada: blanko server grant PERAN)'}",
    ]
    for table, label in (("audit_event", "Jejak audit"), ("stock_movement", "Buku stok")):
        lines.append(f"{label:<12}: tambah {allowed(table + '.insert')}, ubah {allowed(table + '.update')}, "
                     f"hapus {allowed(table + '.delete')}, kosongkan {allowed(table + '.truncate')}")
    ctx.emit(data, lines)
    return EXIT_OK
