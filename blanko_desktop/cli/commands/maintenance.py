"""The database itself: init, check, backup, demo."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from blanko_desktop.cli.args import EXIT_OK, EXIT_REFUSED, Registrar, count_arg
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context


def register_init(r: Registrar) -> None:
    r.command("init", cmd_init, "buat atau perbarui basis data", opens="create")


def register(r: Registrar) -> None:
    p = r.command("check", cmd_check, "periksa basis data: integritas, kunci asing, berkas tersimpan, jejak audit",
                  opens="never")
    p.add_argument("--repair", action="store_true",
                   help="pindahkan berkas yatim ke folder 'yatim' dan hapus sisa penulisan terputus, lalu periksa")
    p.add_argument("--restore", action="store_true",
                   help="kembalikan dari folder 'yatim' berkas yang dirujuk basis data lagi (tanpa menimpa)")
    p = r.command("backup", cmd_backup, "salinan konsisten basis data beserta dokumennya", opens="never")
    p.add_argument("--out", required=True, metavar="PATH", help="berkas tujuan (belum boleh ada)")

    p = r.command("demo", cmd_demo, "isi basis data dengan data contoh yang realistis (untuk mencoba aplikasi)",
                  opens="create")
    p.add_argument("--requests", type=count_arg, default=60, metavar="N", help="jumlah permohonan (bawaan 60)")
    p.add_argument("--seed", type=int, default=2026, metavar="S", help="benih acak (bawaan 2026)")
    p.add_argument("--force", action="store_true", help="tetap isi walaupun sudah ada permohonan")


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    existed = ctx.db_path.exists() if isinstance(ctx.db_path, Path) else None
    with ctx.services() as services:
        storage = services.storage
        server = not storage.is_file
        created = not existed if existed is not None else storage.schema_created
        data = {"database": storage.location, "created": created,
                "schema_version": storage.schema_version(),
                "mode": "server" if server else "shared" if storage.shared else "local",
                "documents": "di dalam basis data server" if server else str(storage.files.root)}
    mode = {"server": "server PostgreSQL", "shared": "bersama (jaringan, rollback journal)"}.get(
        data["mode"], "lokal (WAL)")
    ctx.emit(data, [
        f"Basis data  : {data['database']}" + (" (baru dibuat)" if data["created"] else ""),
        f"Versi skema : {data['schema_version']}",
        f"Mode        : {mode}",
        f"Dokumen     : {data['documents']}",
    ])
    return EXIT_OK


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        repaired = services.storage.restore_quarantined() if args.restore else []
        repaired += services.storage.repair() if args.repair else []
        if args.repair and (changed := services.recompute_due_times()):  # audited under the officer
            repaired.append(f"Tenggat {changed} permohonan dihitung ulang menurut kalender")
        report = services.storage.check()
        path = services.storage.location
    for line in repaired:
        if not ctx.json:
            print(line)
    data = {"database": path, "ok": report.ok, "problems": report.problems, "checked": report.checked,
            "repaired": repaired}
    checked = ", ".join(f"{k}={v}" for k, v in report.checked.items())
    if report.ok:
        ctx.emit(data, [f"OK: {path}", f"  diperiksa: {checked}"])
        return EXIT_OK
    if ctx.json:
        ctx.emit(data)
    else:
        print(f"Ditemukan {len(report.problems)} masalah di {path}:")
        for problem in report.problems:
            print(f"  - {problem}")
        print(f"  diperiksa: {checked}")
    print(f"blanko: pemeriksaan menemukan {len(report.problems)} masalah.", file=sys.stderr)
    return EXIT_REFUSED


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if isinstance(ctx.db_path, Path) and out.resolve() == ctx.db_path.resolve():
        raise RuleError("Cadangan tidak boleh menimpa basis data itu sendiri.")
    with ctx.services() as services:
        result = services.storage.backup(out)
    ctx.emit(result, [f"Cadangan dibuat: {result['database']}",
                      f"  dokumen: {result['files']} berkas di {result['documents']}",
                      f"  jejak audit: entri {result['audit_head']['entry']}, hash {result['audit_head']['hash']}"])
    return EXIT_OK


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import demo, workflow

    with ctx.services() as services, _fewer_collections():
        if args.requests <= demo.SERVICES_LIMIT:
            result = demo.fill(services, args.requests, args.seed, force=args.force)
        else:
            result = demo.fill_bulk(services, args.requests, args.seed, force=args.force)
        result["database"] = services.storage.location

    states = ", ".join(f"{workflow.label(s)} {n}" for s, n in result["states"].items())
    ctx.emit(result, [
        f"Data demo diisikan ke {result['database']} dalam {result['seconds']:.1f} detik:",
        f"  {result['lsps']} LSP, {result['signatories']} pejabat penandatangan, "
        f"{result['closures']} hari cuti bersama",
        f"  {result['requests']} permohonan: {states}" if result["requests"] else "  0 permohonan",
        *([(f"  {result['with_documents']} di antaranya dengan dokumen LSP (surat, berita acara, keputusan, "
            "daftar peserta): coba 'blanko checklist ID'")] if result.get("with_documents") else []),
        f"  terlambat: {result['overdue']}, tenggat hari ini: {result['due_today']}",
        "Buka dengan: blanko-desktop" + ("" if not ctx.db_given else _how_to_open(ctx, result["database"])),
    ])
    return EXIT_OK


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Fewer cyclic garbage collections while the demo fills a database: only this command, not the window's.

    At the usual threshold (700 objects more than were freed) a 60-request demo ran ~225 collections, every
    tenth over all younger objects and two over the whole heap: ~0.085 s. What exists before the demo starts
    stays to the end (frozen: no collection looks at it again) and a collection comes every 50,000 objects:
    3 collections, ~0.047 s, peak memory 76 -> 86 MB (at 200,000 none at all, but 106 MB; at 100,000 one
    collection of ~0.04 s: the cost follows the young objects looked at, most of which the demo still holds).
    Put back after, for a caller that goes on (the tests' main(argv))."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, threshold[2])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _how_to_open(ctx: Context, location: str) -> str:
    if isinstance(ctx.db_path, str):  # a server's address
        return f"  (lalu Berkas → Buka server basis data… {location})"
    return f"  (lalu buka berkas {location})"
