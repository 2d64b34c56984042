"""`blanko`: the scriptable twin of Blanko Desktop (like calibredb beside calibre), over the same Services.

Exit status: 0 done, 1 refused by a rule (message on stderr; with --json also {"error": ...} on stdout),
2 usage error, 3 unexpected internal error (a bug: BLANKO_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from blanko_desktop import __version__
from blanko_desktop.core.errors import BlankoError, RuleError

if TYPE_CHECKING:
    from blanko_desktop.core.services import Services

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_LIMIT = 50

EPILOG = """\
Basis data: --db PATH (boleh sebelum atau sesudah perintah); tanpa --db dipakai basis data yang
dipilih di aplikasi, atau basis data lokal bawaan. --json memberi keluaran untuk skrip.
Status keluar: 0 selesai, 1 ditolak oleh aturan, 2 salah penggunaan.
Contoh:
  blanko init
  blanko demo
  blanko list --overdue
  blanko calendar due --received 2026-12-24T10:00+07:00
"""


class Refused(RuleError):
    """A command that ends refused (exit 1) but still has a report to give (--json carries `data`)."""

    def __init__(self, message: str, data: dict[str, Any] | None = None):
        super().__init__(message)
        self.data = data or {}


# -- argument types (a bad value is a usage error: exit 2 with the reason) ----------------------------

def _date_arg(text: str) -> date:
    """A date as 2026-12-24 (ISO) or 24-12-2026 / 24/12/2026 (as written in Indonesia)."""
    value = text.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(
        f"tanggal '{text}' tidak valid: tulis seperti 2026-12-24 atau 24-12-2026")


def _datetime_arg(text: str) -> datetime:
    """An ISO date-time (2026-12-24T10:00+07:00); without a zone it is office time (Asia/Jakarta)."""
    value = text.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?", value):
            raise ValueError
        moment = datetime.fromisoformat(value)
        if not 2000 <= moment.year <= 2200:  # far dates overflow time-zone arithmetic; none is meant
            raise ValueError
        return moment
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"waktu '{text}' tidak valid: tulis seperti 2026-12-24T10:00+07:00 "
            "(tanpa zona waktu berarti waktu kantor)") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"harus 1 atau lebih, bukan {value}")
    return value


def _count_arg(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(".", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"tidak boleh negatif ({value})")
    return value


def _request_id(text: str) -> int:
    try:
        value = int(text.strip().lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan nomor permohonan (contoh: 12 atau #12)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"nomor permohonan harus 1 atau lebih, bukan {value}")
    return value


def _document_id(text: str) -> int:
    try:
        value = int(text.strip().lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan nomor dokumen (contoh: 31 atau #31)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"nomor dokumen harus 1 atau lebih, bukan {value}")
    return value


#: What an officer may type for a document kind, besides the codes themselves.
KIND_WORDS = {
    "letter": "letter", "surat": "letter", "surat-permohonan": "letter", "permohonan": "letter",
    "minutes": "minutes", "berita-acara": "minutes", "ba": "minutes",
    "decision": "decision", "keputusan": "decision", "sk": "decision",
    "list": "list", "daftar": "list", "daftar-peserta": "list", "peserta": "list",
    "other": "other", "lainnya": "other", "lain": "other",
}
KIND_LABELS = {"letter": "surat permohonan", "minutes": "berita acara", "decision": "keputusan sertifikasi",
               "list": "daftar peserta", "other": "lainnya", "email": "e-mail", "completion": "permintaan kelengkapan"}


def _kind_arg(text: str) -> str:
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    if key not in KIND_WORDS:
        raise argparse.ArgumentTypeError(
            f"jenis dokumen '{text}' tidak dikenal: letter (surat), minutes (berita-acara), "
            "decision (keputusan), list (daftar), other (lainnya)")
    return KIND_WORDS[key]


# -- the command line -----------------------------------------------------------------------------

class UsageError(Exception):
    """A bad command line (exit 2); raised instead of argparse's exit so --json can report it too."""

    def __init__(self, parser: argparse.ArgumentParser, message: str):
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(self, message)


def _common() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the command is not overwritten by the subcommand's default.
    common = _Parser(add_help=False)
    group = common.add_argument_group("opsi umum")
    group.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                       help="berkas basis data (bawaan: yang dipilih di aplikasi)")
    group.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="keluaran JSON untuk skrip")
    group.add_argument("--officer", metavar="NAMA", default=argparse.SUPPRESS,
                       help="nama petugas untuk jejak audit (bawaan: profil petugas)")
    return common


@dataclass(frozen=True)
class Command:
    run: Callable[["Context", argparse.Namespace], int]
    opens: str = "default"  # 'create': make the file if missing | 'default': only the local default | 'never'


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="blanko", parents=[common], epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Blanko Desktop dari baris perintah: permohonan blanko sertifikat, LSP, kalender, "
                    "pemeriksaan dan cadangan basis data.")
    parser.add_argument("--version", action="version", version=f"blanko {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True)

    def add(parent, name: str, command: Command, help: str) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(handler=command)
        return p

    add(sub, "init", Command(cmd_init, "create"), "buat atau perbarui basis data")

    lsp = sub.add_parser("lsp", parents=[common], help="daftar LSP", description="Daftar LSP")
    lsp_sub = lsp.add_subparsers(dest="lsp_command", metavar="PERINTAH", required=True)
    p = add(lsp_sub, "add", Command(cmd_lsp_add), "daftarkan LSP baru")
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
    p = add(lsp_sub, "list", Command(cmd_lsp_list), "tampilkan daftar LSP")
    p.add_argument("--active", action="store_true", help="hanya LSP yang aktif")
    p = add(lsp_sub, "import", Command(cmd_lsp_import), "impor daftar LSP dari berkas Excel")
    p.add_argument("file", metavar="FILE", help="berkas .xlsx/.xls/.ods")

    p = add(sub, "list", Command(cmd_list), "tampilkan permohonan (terbaru dahulu)")
    p.add_argument("--state", action="append", default=[], metavar="S",
                   help="status (kode atau nama: received, 'Menunggu LSP', ...); boleh diulang")
    p.add_argument("--overdue", action="store_true", help="hanya yang melewati tenggat 1 hari kerja")
    p.add_argument("--lsp", metavar="NAMA", help="nama LSP (atau bagian nama yang khas)")
    p.add_argument("--search", metavar="TEKS", default="", help="cari di nama LSP, nomor surat, pengirim")
    p.add_argument("--limit", type=_count_arg, default=DEFAULT_LIMIT, metavar="N",
                   help=f"paling banyak N baris (bawaan {DEFAULT_LIMIT}; 0 = semua)")
    p.add_argument("--offset", type=_count_arg, default=0, metavar="N", help="lewati N baris pertama")

    p = add(sub, "show", Command(cmd_show), "rincian satu permohonan: LSP, dokumen, riwayat")
    p.add_argument("id", type=_request_id, metavar="ID")

    p = add(sub, "transition", Command(cmd_transition), "ubah status permohonan menurut alur SOP")
    p.add_argument("id", type=_request_id, metavar="ID")
    p.add_argument("state", metavar="STATE", help="status tujuan (kode atau nama)")
    p.add_argument("--reason", default="", help="alasan (wajib untuk pembatalan)")
    p.add_argument("--at", type=_datetime_arg, metavar="ISO-DATETIME",
                   help="waktu dokumen baru tiba (kembali dari 'Menunggu LSP'); bawaan: sekarang")

    cal = sub.add_parser("calendar", parents=[common], help="kalender kerja, tenggat, jadwal kurir",
                         description="Kalender kerja, tenggat, jadwal kurir")
    cal_sub = cal.add_subparsers(dest="calendar_command", metavar="PERINTAH", required=True)
    p = add(cal_sub, "due", Command(cmd_calendar_due), "tenggat 1 hari kerja untuk waktu terima")
    p.add_argument("--received", type=_datetime_arg, required=True, metavar="ISO-DATETIME",
                   help="waktu e-mail diterima, mis. 2026-12-24T10:00+07:00 (tanpa zona: waktu kantor)")
    p.add_argument("--hours", type=float, metavar="JAM", help="batas jam kerja (bawaan: pengaturan, 8)")
    p = add(cal_sub, "pickups", Command(cmd_calendar_pickups), "hari penjemputan kurir berikutnya")
    p.add_argument("--from", dest="from_day", type=_date_arg, metavar="DATE", help="mulai tanggal (bawaan: hari ini)")
    p.add_argument("--count", type=_positive_int, default=6, metavar="N", help="berapa hari (bawaan 6)")
    p = add(cal_sub, "add-closure", Command(cmd_calendar_add_closure),
            "catat cuti bersama atau hari kantor tutup (tenggat dihitung ulang)")
    p.add_argument("day", type=_date_arg, metavar="DATE")
    p.add_argument("--note", default="", help="keterangan, mis. 'Hari Raya Natal'")
    p.add_argument("--kind", choices=("cuti_bersama", "closure"), default="closure",
                   help="cuti_bersama atau closure (kantor tutup; bawaan)")
    p = add(cal_sub, "remove-closure", Command(cmd_calendar_remove_closure), "hapus hari libur/tutup yang dicatat")
    p.add_argument("day", type=_date_arg, metavar="DATE")
    p = add(cal_sub, "closures", Command(cmd_calendar_closures), "daftar cuti bersama dan hari kantor tutup")
    p.add_argument("--year", type=int, help="hanya tahun ini")

    p = add(sub, "intake", Command(cmd_intake),
            "terima berkas permohonan (PDF, Excel, e-mail .eml/.msg, folder): simpan, kenali LSP, periksa")
    p.add_argument("files", nargs="+", metavar="FILE", help="berkas atau folder (boleh beberapa)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--request", type=_request_id, metavar="ID",
                        help="tambahkan ke permohonan ini (bawaan: permohonan baru, atau yang menunggu LSP itu)")
    target.add_argument("--new", action="store_true",
                        help="selalu buat permohonan baru, walaupun ada permohonan LSP itu yang menunggu")
    p.add_argument("--lsp", metavar="NAMA", help="LSP pengirim (bawaan: dikenali dari alamat pengirim e-mail)")
    p.add_argument("--received", type=_datetime_arg, metavar="ISO-DATETIME",
                   help="waktu diterima (bawaan: tanggal e-mail, atau sekarang untuk berkas lepas)")

    p = add(sub, "checklist", Command(cmd_checklist), "daftar periksa kelengkapan dokumen satu permohonan")
    p.add_argument("id", type=_request_id, metavar="ID")

    p = add(sub, "completion-mail", Command(cmd_completion_mail),
            "tulis e-mail permintaan kelengkapan ke LSP (.eml); permohonan lalu menunggu LSP")
    p.add_argument("id", type=_request_id, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.eml", help="berkas .eml tujuan (belum boleh ada)")
    p.add_argument("--from", dest="from_address", default="", metavar="ALAMAT",
                   help="alamat pengirim (bawaan: diisi program e-mail)")

    p = add(sub, "verify", Command(cmd_verify), "nyatakan dokumen lengkap: permohonan lanjut ke persetujuan")
    p.add_argument("id", type=_request_id, metavar="ID")

    p = add(sub, "set-kind", Command(cmd_set_kind), "ubah jenis dokumen (surat, berita acara, keputusan, daftar)")
    p.add_argument("document", type=_document_id, metavar="DOKUMEN_ID")
    p.add_argument("kind", type=_kind_arg, metavar="JENIS",
                   help="letter|minutes|decision|list|other (atau surat, berita-acara, keputusan, daftar, lainnya)")

    p = add(sub, "set-requested", Command(cmd_set_requested),
            "isi jumlah blanko yang diminta (dari surat hasil pindaian)")
    p.add_argument("id", type=_request_id, metavar="ID")
    p.add_argument("count", type=_count_arg, metavar="N")

    p = add(sub, "set-lsp", Command(cmd_set_lsp), "tentukan LSP sebuah permohonan (pengirim belum dikenali)")
    p.add_argument("id", type=_request_id, metavar="ID")
    p.add_argument("lsp", metavar="NAMA", help="nama LSP (atau bagian nama yang khas)")
    p.add_argument("--remember-sender", action="store_true",
                   help="catat alamat pengirim permohonan ini pada LSP tersebut")

    p = add(sub, "accept-finding", Command(cmd_accept_finding),
            "terima satu temuan daftar periksa dengan catatan (tercatat di jejak audit)")
    p.add_argument("id", type=_request_id, metavar="ID")
    p.add_argument("--index", type=_positive_int, required=True, metavar="N",
                   help="nomor temuan seperti di 'blanko checklist ID' (mulai 1)")
    p.add_argument("--note", required=True, metavar="TEKS", help="alasan menerima temuan")

    p = add(sub, "check", Command(cmd_check, "never"),
            "periksa basis data: integritas, kunci asing, berkas tersimpan, jejak audit")
    p.add_argument("--repair", action="store_true",
                   help="pindahkan berkas yatim ke folder 'yatim' dan hapus sisa penulisan terputus, lalu periksa")
    p.add_argument("--restore", action="store_true",
                   help="kembalikan dari folder 'yatim' berkas yang dirujuk basis data lagi (tanpa menimpa)")
    p = add(sub, "backup", Command(cmd_backup, "never"), "salinan konsisten basis data beserta dokumennya")
    p.add_argument("--out", required=True, metavar="PATH", help="berkas tujuan (belum boleh ada)")

    p = add(sub, "demo", Command(cmd_demo, "create"),
            "isi basis data dengan data contoh yang realistis (untuk mencoba aplikasi)")
    p.add_argument("--requests", type=_count_arg, default=60, metavar="N", help="jumlah permohonan (bawaan 60)")
    p.add_argument("--seed", type=int, default=2026, metavar="S", help="benih acak (bawaan 2026)")
    p.add_argument("--force", action="store_true", help="tetap isi walaupun sudah ada permohonan")
    return parser


# -- running a command ----------------------------------------------------------------------------

class Context:
    """What a command works with: the options, the output, and (once opened) the services."""

    def __init__(self, args: argparse.Namespace, opens: str = "default"):
        from blanko_desktop.core import config

        self.opens = opens
        self.cfg = config.load()
        self.json = bool(getattr(args, "json", False))
        self.db_given = getattr(args, "db", None)
        self.db_path = Path(self.db_given).expanduser() if self.db_given else self.cfg.database_path
        self.officer = getattr(args, "officer", None) or self.cfg.officer

    @contextmanager
    def services(self) -> Iterator["Services"]:
        """The database opened for this command (created only where the command allows), closed after."""
        from blanko_desktop import paths
        from blanko_desktop.core.audit import Actor
        from blanko_desktop.core.services import Services
        from blanko_desktop.core.storage import Storage

        path = self.db_path
        # Like the app: the local default database is made on first use; any other file only by
        # init/demo, so a typo or an unmounted network share never turns into a new empty database.
        create = self.opens == "create" or (self.opens == "default" and path == paths.default_database())
        if not path.exists() and not create:
            if self.db_given:
                raise RuleError(f"Berkas basis data {path} tidak ditemukan. "
                                f"Buat dengan: blanko init --db \"{path}\"")
            raise RuleError(f"Basis data yang dipilih di aplikasi, {path}, tidak ditemukan. Periksa sambungan "
                            "ke folder bersama, atau pilih berkas dengan --db.")
        storage = Storage.open(path, create=create)
        storage.on_busy = lambda attempt: print(
            f"Basis data sedang dipakai petugas lain, mencoba lagi ({attempt})...", file=sys.stderr)
        try:
            yield Services(storage, Actor.current(self.officer))
        finally:
            storage.close()

    def emit(self, data: Any, lines: Sequence[str] | str = ()) -> None:
        """Print `data` as JSON in --json mode, else the human `lines`."""
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        else:
            print(lines if isinstance(lines, str) else "\n".join(lines))


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return str(value)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:  # a Windows console code page must not turn one odd character into a crash
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except UsageError as exc:
        exc.parser.print_usage(sys.stderr)
        print(f"{exc.parser.prog}: {exc}", file=sys.stderr)
        if "--json" in argv:
            print(json.dumps({"error": f"{exc.parser.prog}: {exc}"}, ensure_ascii=False))
        return EXIT_USAGE
    wants_json = bool(getattr(args, "json", False))
    try:
        command: Command = args.handler
        ctx = Context(args, command.opens)
        return command.run(ctx, args)
    except BrokenPipeError:
        # the reader went away (`blanko list | head`): the work is done, the rest of the output unwanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except BlankoError as exc:
        return _refused(str(exc), wants_json, getattr(exc, "data", None))
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the officer gets a sentence, never a traceback
        known = _known_failure(exc)
        if known:
            return _refused(known, wants_json)
        if os.environ.get("BLANKO_DEBUG"):
            import traceback
            traceback.print_exc()
        message = (f"Kesalahan internal ({type(exc).__name__}: {exc}). "
                   "Jalankan ulang dengan BLANKO_DEBUG=1 untuk rinciannya dan laporkan.")
        print(f"blanko: {message}", file=sys.stderr)
        if wants_json:
            print(json.dumps({"error": message}, ensure_ascii=False))
        return EXIT_INTERNAL


def _known_failure(exc: Exception) -> str | None:
    """A sentence for failures caused by the input or the machine, not by a bug."""
    import sqlite3

    from peewee import DatabaseError

    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"Berkas{where} tidak dapat dipakai: {exc.strerror or exc}."
    if isinstance(exc, (DatabaseError, sqlite3.DatabaseError)):
        return f"Basis data tidak dapat dipakai: {exc}. Jalankan 'blanko check' atau pulihkan dari cadangan."
    if isinstance(exc, ValueError):  # the calendar's own checks (e.g. no working time at all)
        return str(exc)
    return None


def _refused(message: str, wants_json: bool, data: dict[str, Any] | None = None) -> int:
    print(f"blanko: {message}", file=sys.stderr)
    if wants_json:
        print(json.dumps({"error": message, **(data or {})}, ensure_ascii=False, indent=2, default=_json_default))
    return EXIT_REFUSED


# -- helpers for output ---------------------------------------------------------------------------

def _office_zone(services: "Services") -> ZoneInfo:
    """The office time zone from the settings, without building the calendar (the holidays library
    loads every country's module: 0.2 s that list/show/transition do not need)."""
    from blanko_desktop.core.calendar import OfficeHours

    return OfficeHours.from_dict(services.setting("office_hours")).zone


def _local(zone: ZoneInfo, moment: datetime | None) -> datetime | None:
    return moment.astimezone(zone) if moment else None


def _short(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*headers).rstrip()] + [fmt.format(*r).rstrip() for r in cells]


def _lsp_json(lsp) -> dict[str, Any]:
    from blanko_desktop.core.services import lsp_dict

    return lsp_dict(lsp)


def _deadline_flags(zone: ZoneInfo, due: datetime | None, running: bool,
                    now: datetime) -> tuple[bool, bool]:
    """(overdue, due later today) on the office clock."""
    if not running or due is None:
        return False, False
    if due < now:
        return True, False
    return False, due.astimezone(zone).date() == now.astimezone(zone).date()


# -- commands -------------------------------------------------------------------------------------

def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    existed = ctx.db_path.exists()
    with ctx.services() as services:
        storage = services.storage
        data = {"database": str(storage.path), "created": not existed,
                "schema_version": storage.schema_version(), "mode": "shared" if storage.shared else "local",
                "documents": str(storage.files.root)}
    mode = ("bersama (jaringan, rollback journal)" if data["mode"] == "shared" else "lokal (WAL)")
    ctx.emit(data, [
        f"Basis data  : {data['database']}" + (" (baru dibuat)" if data["created"] else ""),
        f"Versi skema : {data['schema_version']}",
        f"Mode        : {mode}",
        f"Dokumen     : {data['documents']}",
    ])
    return EXIT_OK


def cmd_lsp_add(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        lsp = services.add_lsp(args.name, list(args.email) + list(args.domain), licence_no=args.licence,
                               address=args.address, city=args.city, postal_code=args.postal_code,
                               phone=args.phone, contact_person=args.contact)
        data = _lsp_json(lsp)
    ctx.emit(data, f"LSP #{data['id']} terdaftar: {data['name']} "
                   f"({', '.join(data['emails'] + data['domains'])})")
    return EXIT_OK


def cmd_lsp_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        lsps = [_lsp_json(l) for l in services.lsps(active_only=args.active)]
    rows = [(l["id"], l["name"] + ("" if l["active"] else " (nonaktif)"), l["city"], l["licence_no"],
             ", ".join(l["emails"] + l["domains"])) for l in lsps]
    lines = _table(("ID", "Nama", "Kota", "Lisensi", "E-mail/domain"), rows) if rows else ["Belum ada LSP."]
    ctx.emit({"count": len(lsps), "lsps": lsps}, lines)
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


def _request_filter(services: "Services", args: argparse.Namespace):
    from blanko_desktop.core import workflow
    from blanko_desktop.core.services import RequestFilter

    states = tuple(dict.fromkeys(workflow.parse_state(s).value for s in args.state))
    lsp_id = services.find_lsp(args.lsp).id if args.lsp else None
    return RequestFilter(text=args.search, lsp_id=lsp_id, states=states, overdue=args.overdue)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.models import utcnow

    now = utcnow()
    with ctx.services() as services:
        zone = _office_zone(services)
        flt = _request_filter(services, args)
        total = services.request_count(flt, now)
        limit = args.limit or max(total, 1)
        rows = services.request_page(flt, args.offset, limit, now)
        items = []
        for r in rows:
            overdue, today = _deadline_flags(zone, r.due_at, r.clock_running, now)
            items.append({
                "id": r.id, "lsp": r.lsp, "kind": r.kind, "state": r.state, "state_label": workflow.label(r.state),
                "letter_number": r.letter_number, "sender": r.sender,
                "received_at": _iso(_local(zone, r.received_at)), "due_at": _iso(_local(zone, r.due_at)),
                "clock_running": r.clock_running, "requested_qty": r.requested_qty,
                "overdue": overdue, "due_today": today,
            })
    data = {"total": total, "count": len(items), "offset": args.offset, "requests": items}
    if not items:
        ctx.emit(data, "Tidak ada permohonan yang cocok." if total or args.offset else "Belum ada permohonan.")
        return EXIT_OK
    table = [(i["id"], _short(_parse(i["received_at"])), i["lsp"] or (f"(tidak dikenal: {i['sender']})" if i["sender"] else "(LSP belum ditentukan)"),
              i["state_label"], _short(_parse(i["due_at"])), i["requested_qty"] if i["requested_qty"] is not None
              else "-", "TERLAMBAT" if i["overdue"] else ("HARI INI" if i["due_today"] else ""))
             for i in items]
    lines = _table(("ID", "Diterima", "LSP", "Status", "Tenggat", "Jml", ""), table)
    lines.append(f"{len(items)} dari {total} permohonan" +
                 (f" (mulai baris {args.offset + 1})" if args.offset else ""))
    ctx.emit(data, lines)
    return EXIT_OK


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.models import utcnow
    from blanko_desktop.core.services import request_dict
    from blanko_desktop.core.textid import format_date_id, format_datetime_id, terbilang

    now = utcnow()
    with ctx.services() as services:
        zone = _office_zone(services)
        req = services.request(args.id)
        data = request_dict(req)
        overdue, today = _deadline_flags(zone, req.due_at, req.clock_running, now)
        data.update(received_at=_iso(_local(zone, req.received_at)), due_at=_iso(_local(zone, req.due_at)),
                    state_label=workflow.label(req.state), overdue=overdue, due_today=today,
                    next_states=[s.value for s in workflow.State if s in workflow.allowed(req.state)])
        lsp = _lsp_json(req.lsp) if req.lsp_id else None
        documents = [{
            "id": d.id, "kind": d.kind, "original_name": d.original_name, "sha256": d.sha256, "size": d.size,
            "media_type": d.media_type, "source": d.source, "parent_id": d.parent_id,
            "received_at": _iso(_local(zone, d.received_at)), "added_at": _iso(_local(zone, d.added_at)),
            "added_by": d.added_by,
        } for d in services.documents(req.id)]
        findings = [{
            "id": f.id, "document_id": f.document_id, "item": f.item, "sheet": f.sheet, "row": f.row,
            "severity": f.severity, "message": f.message, "accepted": bool(f.accepted),
        } for f in sorted(req.findings, key=lambda f: f.id)]
        history = [{
            "id": e.id, "at": _iso(_local(zone, e.at)), "officer": e.officer, "os_user": e.os_user,
            "action": e.action, "before": e.before, "after": e.after,
        } for e in services.history(req.id)]

    out = {"request": data, "lsp": lsp, "documents": documents, "findings": findings, "history": history}
    if ctx.json:
        ctx.emit(out)
        return EXIT_OK

    def qty(n: int | None) -> str:
        return "-" if n is None else f"{n} ({terbilang(n)})"

    received, due = _parse(data["received_at"]), _parse(data["due_at"])
    flag = " TERLAMBAT" if overdue else (" (hari ini)" if today else "")
    clock = "jam berjalan" if data["clock_running"] else "jam berhenti"
    letter = data["letter_number"] or "-"
    if req.letter_date:
        letter += f", tanggal {format_date_id(req.letter_date)}"
    lines = [
        f"Permohonan #{data['id']}: {data['state_label']} ({clock})",
        f"  LSP            : {lsp['name'] + ' (#' + str(lsp['id']) + ')' if lsp else '(belum dikenali)'}",
    ]
    if lsp:
        lines.append(f"  Alamat kirim   : {lsp['address']}, {lsp['city']} {lsp['postal_code']}".rstrip())
    lines += [
        f"  Jenis          : {'penggantian blanko rusak' if data['kind'] == 'replacement' else 'baru'}",
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
    lines += [f"  #{d['id']} {d['kind']:<9} {d['original_name']}  {d['size']} bita  {d['sha256'][:12]}"
              for d in documents]
    if findings:
        lines.append(f"Temuan ({len(findings)})")
        lines += [f"  [{f['severity']}] {f['message']}" + (" (diterima)" if f["accepted"] else "")
                  for f in findings]
    lines.append(f"Riwayat ({len(history)})")
    for e in history:
        who = f"{e['officer']} ({e['os_user']})" if e["officer"] else e["os_user"]
        before_state = (e["before"] or {}).get("state")
        after_state = (e["after"] or {}).get("state")
        change = (f"  {workflow.label(before_state)} -> {workflow.label(after_state)}"
                  if before_state and after_state and before_state != after_state else "")
        reason = (e["after"] or {}).get("reason")
        lines.append(f"  {_short(_parse(e['at']))}  {who}  {e['action']}{change}"
                     + (f"  ({reason})" if reason else ""))
    ctx.emit(out, lines)
    return EXIT_OK


def cmd_transition(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.services import request_dict

    target = workflow.parse_state(args.state)
    with ctx.services() as services:
        zone = _office_zone(services)
        before = services.request(args.id).state
        at = args.at
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=zone)
        req = services.transition(args.id, target, reason=args.reason, at=at)
        data = request_dict(req)
        data.update(previous_state=before, state_label=workflow.label(req.state),
                    received_at=_iso(_local(zone, req.received_at)), due_at=_iso(_local(zone, req.due_at)))
    ctx.emit(data, f"Permohonan #{data['id']}: {workflow.label(before)} -> {data['state_label']}")
    return EXIT_OK


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


def _closure_json(row) -> dict[str, Any]:
    return {"day": row.day.isoformat(), "kind": row.kind, "note": row.note, "created_by": row.created_by}


def cmd_calendar_add_closure(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import format_date_id

    with ctx.services() as services:
        row = services.add_closure(args.day, args.kind, args.note.strip())
        data = _closure_json(row)
    label = "cuti bersama" if data["kind"] == "cuti_bersama" else "kantor tutup"
    ctx.emit(data, f"Dicatat: {format_date_id(args.day, weekday=True)} ({label})"
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
        rows = [_closure_json(c) for c in services.closures() if args.year is None or c.day.year == args.year]
    lines = [f"{c['day']}  {format_date_id(date.fromisoformat(c['day']), weekday=True):<28} "
             f"{'cuti bersama' if c['kind'] == 'cuti_bersama' else 'kantor tutup':<13} {c['note']}".rstrip()
             for c in rows] or ["Belum ada cuti bersama atau hari kantor tutup yang dicatat."]
    ctx.emit({"count": len(rows), "closures": rows}, lines)
    return EXIT_OK


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        repaired = services.storage.restore_quarantined() if args.restore else []
        repaired += services.storage.repair() if args.repair else []
        if args.repair and (changed := services.recompute_due_times()):  # audited under the officer
            repaired.append(f"Tenggat {changed} permohonan dihitung ulang menurut kalender")
        report = services.storage.check()
        path = str(services.storage.path)
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
    if out.resolve() == ctx.db_path.resolve():
        raise RuleError("Cadangan tidak boleh menimpa basis data itu sendiri.")
    with ctx.services() as services:
        result = services.storage.backup(out)
    ctx.emit(result, [f"Cadangan dibuat: {result['database']}",
                      f"  dokumen: {result['files']} berkas di {result['documents']}"])
    return EXIT_OK


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import demo

    with ctx.services() as services:
        if args.requests <= demo.SERVICES_LIMIT:
            result = demo.fill(services, args.requests, args.seed, force=args.force)
        else:
            result = demo.fill_bulk(services, args.requests, args.seed, force=args.force)
        result["database"] = str(services.storage.path)
    from blanko_desktop.core import workflow

    states = ", ".join(f"{workflow.label(s)} {n}" for s, n in result["states"].items())
    ctx.emit(result, [
        f"Data demo diisikan ke {result['database']} dalam {result['seconds']:.1f} detik:",
        f"  {result['lsps']} LSP, {result['signatories']} pejabat penandatangan, "
        f"{result['closures']} hari cuti bersama",
        f"  {result['requests']} permohonan: {states}" if result["requests"] else "  0 permohonan",
        *([(f"  {result['with_documents']} di antaranya dengan dokumen LSP (surat, berita acara, keputusan, "
            "daftar peserta): coba 'blanko checklist ID'")] if result.get("with_documents") else []),
        f"  terlambat: {result['overdue']}, tenggat hari ini: {result['due_today']}",
        "Buka dengan: blanko-desktop" + ("" if not ctx.db_given else f"  (lalu buka berkas {result['database']})"),
    ])
    return EXIT_OK


# -- intake and verification ----------------------------------------------------------------------

MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
SEVERITY_LABELS = {"error": "galat", "warning": "peringatan"}


def _short_date_id(moment: datetime) -> str:
    """'14 Nov 2026' (Indonesian month abbreviations, locale-free)."""
    return f"{moment.day} {MONTHS_SHORT[moment.month - 1]} {moment.year}"


def _open_request_or_refuse(services: "Services", request_id: int, doing: str):
    from blanko_desktop.core.workflow import State

    req = services.request(request_id)
    if req.state in (State.CLOSED, State.CANCELLED):
        ended = "selesai" if req.state == State.CLOSED else "dibatalkan"
        raise RuleError(f"Permohonan #{req.id} sudah {ended}; {doing}.")
    return req


def _checklist_json(services: "Services", request_id: int) -> dict[str, Any]:
    """The checklist as scripts read it: Checklist.as_json() with each finding's number (for accept-finding)
    and the officer's note on an accepted one; plus the request's state."""
    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist

    cl = checklist.build(services, request_id)
    data = cl.as_json()
    for index, (finding, checked) in enumerate(zip(data["findings"], cl.findings), 1):
        finding["index"] = index
        finding["note"] = checked.note
    state = services.request(request_id).state
    data["state"], data["state_label"] = state, workflow.label(state)
    return data


def _where(finding: dict[str, Any]) -> str:
    """'Daftar Peserta.xlsx, lembar Peserta, baris 7' (the row only when the message does not say it)."""
    where = finding["document"] or "(permohonan)"
    if finding.get("sheet"):
        where += f", lembar '{finding['sheet']}'"
    if finding.get("row") and not finding["message"].startswith(f"Baris {finding['row']}"):
        where += f", baris {finding['row']}"
    return where


def _checklist_lines(data: dict[str, Any]) -> list[str]:
    """The checklist in Indonesian, as the Verifikasi tab shows it."""
    from blanko_desktop.core.verification.checklist import ITEM_LABELS
    from blanko_desktop.core.textid import terbilang

    lsp = data["lsp"] or "(belum ditentukan: blanko set-lsp {} NAMA)".format(data["request"])
    verdict = "LENGKAP" if data["complete"] else "BELUM LENGKAP"
    lines = [f"Daftar periksa permohonan #{data['request']} ({data['state_label']}): {verdict}",
             f"  LSP      : {lsp}",
             f"  Pengirim : {data['sender'] or '-'}"]
    marks = {"ok": "✓", "missing": "✗", "invalid": "✗"}
    words = {"ok": "ada", "missing": "belum ada", "invalid": "bermasalah"}
    for key, item in data["items"].items():
        line = f"  {marks[item['status']]} {ITEM_LABELS[key]}: {words[item['status']]}"
        if item["files"]:
            line += f" ({', '.join(item['files'])})"
        if item["status"] != "ok" and item["reason"]:
            line += f" - {item['reason']}"
        lines.append(line)

    def qty(n: int | None) -> str:
        return "-" if n is None else f"{n} ({terbilang(n)})"

    lines.append(f"  Blanko diminta: {qty(data['requested'])}; kompeten: {qty(data['competent'])}; "
                 f"belum kompeten: {qty(data['not_yet'])}")
    if data["per_scheme"]:
        lines.append("  Per skema:")
        width = max(len(code) for code in data["per_scheme"])
        lines += [f"    {code:<{width}}  K {counts.get('K', 0):>4}  BK {counts.get('BK', 0):>4}"
                  for code, counts in data["per_scheme"].items()]
    if data["findings"]:
        lines.append(f"  Temuan ({len(data['findings'])}):")
        for f in data["findings"]:
            accepted = f" [diterima: {f['note']}]" if f["accepted"] else ""
            lines.append(f"    {f['index']}. [{SEVERITY_LABELS.get(f['severity'], f['severity'])}] "
                         f"{_where(f)}: {f['message']}{accepted}")
    else:
        lines.append("  Temuan: tidak ada")
    return lines


def _waiting_request_of(lsp) -> Any:
    """The latest request of an LSP that waits on it (new files from that LSP belong to it)."""
    from blanko_desktop.core.models import Request
    from blanko_desktop.core.workflow import State

    return (Request.select().where((Request.lsp == lsp) & (Request.state == State.WAITING_LSP))
            .order_by(Request.received_at.desc()).first())


def cmd_intake(ctx: Context, args: argparse.Namespace) -> int:
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
        zone = _office_zone(services)
        notes: list[str] = []
        chosen = services.find_lsp(args.lsp) if args.lsp else None
        target = None
        if args.request is not None:
            target = _open_request_or_refuse(services, args.request, "berkas baru tidak dapat ditambahkan")
            if chosen is not None and target.lsp_id not in (None, chosen.id):
                raise RuleError(f"Permohonan #{target.id} milik {target.lsp.name}, bukan {chosen.name}.")
        reception = Reception(services)
        plan = reception.prepare_paths(paths)
        plan.problems[:0] = problems
        lsp_source = "option" if chosen is not None else None
        if chosen is None and target is not None and target.lsp_id is not None:
            chosen, lsp_source = target.lsp, "request"
        if plan.lsp is not None:
            if chosen is None:
                chosen, lsp_source = plan.lsp, "sender"
            elif plan.lsp.id != chosen.id:
                notes.append(f"Pengirim {plan.sender} terdaftar untuk {plan.lsp.name}; dipakai {chosen.name}.")
        attached_to_waiting = False
        if target is None and not args.new and chosen is not None:
            waiting = plan.waiting_request if plan.lsp is not None and plan.lsp.id == chosen.id \
                else _waiting_request_of(chosen)
            if waiting is not None:
                target, attached_to_waiting = waiting, True
        new = plan.new_files
        duplicates = [f for f in plan.files if f.duplicate_of is not None]
        if target is None and not args.new and new and duplicates and all(f.kind == "email" for f in new):
            # the e-mail whose attachments were dropped before: it belongs with them, not in a request of its own
            owners = {f.duplicate_of[1] for f in duplicates}
            owner = services.request(owners.pop()) if len(owners) == 1 else None
            if owner is not None and owner.state not in (State.CLOSED, State.CANCELLED):
                target = owner
                notes.append(f"Lampiran e-mail ini sudah ada di permohonan #{owner.id}; e-mailnya ditambahkan ke sana.")
            else:
                new = []
        received = args.received
        if received is not None and received.tzinfo is None:
            received = received.replace(tzinfo=zone)
        outcome, req = None, None
        if new:
            before = target.state if target is not None else None
            outcome = reception.commit(plan, request_id=target.id if target is not None else None,
                                       lsp_id=chosen.id if chosen is not None else None,
                                       received_at=received, source="cli")
            req = outcome.request
            fix: dict[str, Any] = {}
            if chosen is not None and req.lsp_id is None:
                fix["lsp_id"] = chosen.id
            if plan.sender and not req.sender:  # loose files first, their e-mail later
                fix.update(sender=plan.sender, subject=req.subject or plan.subject)
            if fix:
                req = services.update_request(req.id, None, **fix)
            if before == State.WAITING_LSP and req.state == State.RECEIVED:
                notes.append(f"Permohonan #{req.id} kembali ke antrean (tidak lagi menunggu LSP); "
                             "tenggat baru dihitung dari waktu berkas diterima.")
        lsp = req.lsp if req is not None and req.lsp_id else chosen
        arrival = (outcome.added[0].received_at if outcome is not None and outcome.added
                   else received or plan.received_at)
        data: dict[str, Any] = {
            "request": req.id if req is not None else None,
            "lsp": lsp.name if lsp is not None else None,
            "lsp_id": lsp.id if lsp is not None else None,
            "lsp_source": lsp_source if lsp is not None else None,
            "sender": plan.sender,
            "subject": plan.subject,
            "received_at": _iso(_local(zone, arrival)),
            "created": req is not None and target is None,
            "attached_to_waiting": attached_to_waiting and req is not None,
            "added": [{"id": d.id, "name": d.original_name, "kind": d.kind, "sha256": d.sha256, "size": d.size}
                      for d in (outcome.added if outcome is not None else [])],
            "duplicates": [],
            "problems": list(plan.problems),
            "notes": notes,
        }
        for f in duplicates:
            doc_id, request_id, added_at = f.duplicate_of
            local = _local(zone, added_at)
            data["duplicates"].append({
                "name": f.name, "document": doc_id, "request": request_id, "received": _iso(local),
                "message": f"{f.name}: sudah diterima pada {_short_date_id(local)} untuk permohonan #{request_id}",
            })
        if req is not None:
            data["checklist"] = _checklist_json(services, req.id)
    if req is None and not duplicates:
        raise Refused("Tidak ada berkas yang dapat diterima" +
                      (": " + "; ".join(data["problems"]) if data["problems"] else "") + ".", data)
    ctx.emit(data, _intake_lines(data, req))
    return EXIT_OK


def _intake_lines(data: dict[str, Any], req) -> list[str]:
    from blanko_desktop.core.textid import format_datetime_id

    lines: list[str] = []
    if req is None:
        lines.append("Tidak ada berkas baru: semua sudah diterima sebelumnya (tidak disimpan lagi).")
    else:
        count = f"{len(data['added'])} berkas"
        if data["created"]:
            lines.append(f"Permohonan baru #{req.id}: {count} diterima.")
        elif data["attached_to_waiting"]:
            lines.append(f"{count} ditambahkan ke permohonan #{req.id} yang menunggu kelengkapan dari "
                         f"{data['lsp']}.")
        else:
            lines.append(f"{count} ditambahkan ke permohonan #{req.id}.")
        source = {"option": "dipilih dengan --lsp", "sender": f"dikenali dari pengirim {data['sender']}",
                  "request": "LSP permohonan"}.get(data["lsp_source"] or "", "")
        if data["lsp"]:
            lines.append(f"  LSP       : {data['lsp']} ({source})")
        else:
            lines.append(f"  LSP       : belum dikenali (pengirim: {data['sender'] or '-'}); pilih dengan: "
                         f"blanko set-lsp {req.id} NAMA")
        if data["received_at"]:
            lines.append(f"  Diterima  : {format_datetime_id(datetime.fromisoformat(data['received_at']))}")
        for d in data["added"]:
            lines.append(f"  + #{d['id']} {KIND_LABELS.get(d['kind'], d['kind'])}: {d['name']}")
    for d in data["duplicates"]:
        lines.append(f"  = {d['message']}")
    for note in data["notes"]:
        lines.append(f"  Catatan: {note}")
    for problem in data["problems"]:
        lines.append(f"  ! {problem}")
    if "checklist" in data:
        lines += [""] + _checklist_lines(data["checklist"])
    return lines


def cmd_checklist(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        data = _checklist_json(services, args.id)
    ctx.emit(data, _checklist_lines(data))
    return EXIT_OK


def cmd_completion_mail(ctx: Context, args: argparse.Namespace) -> int:
    import email
    from email import policy

    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist, completion
    from blanko_desktop.core.workflow import State

    out = Path(args.out).expanduser()
    if out.exists():
        raise RuleError(f"Berkas {out} sudah ada; pilih nama lain.")
    with ctx.services() as services:
        req = services.request(args.id)
        if req.state not in (State.RECEIVED, State.VERIFIED, State.WAITING_LSP):
            raise RuleError(f"Permohonan #{req.id} berstatus '{workflow.label(req.state)}': "
                            "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa.")
        cl = checklist.build(services, req.id)
        lines = completion.problem_lines(cl)
        if not lines:
            if cl.lsp is None:
                raise RuleError(f"Dokumen permohonan #{req.id} lengkap, tetapi LSP-nya belum ditentukan: "
                                f"blanko set-lsp {req.id} NAMA.")
            raise RuleError(f"Permohonan #{req.id} sudah lengkap; tidak ada yang perlu dimintakan ke LSP.")
        before = req.state
        path, req = completion.write_completion_request(services, req.id, out, args.from_address.strip())
        mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        data = {"request": req.id, "out": str(path), "to": mail["To"] or "", "subject": mail["Subject"],
                "problems": lines, "previous_state": before, "state": req.state,
                "state_label": workflow.label(req.state), "clock_running": req.clock_running}
    text = [f"Draf e-mail ditulis: {data['out']}",
            f"  Kepada : {data['to'] or '(isi sendiri: pengirim tidak diketahui)'}",
            f"  Perihal: {data['subject']}",
            f"  Yang dimintakan ({len(lines)}):", *[f"    {i}. {line}" for i, line in enumerate(lines, 1)],
            f"Permohonan #{data['request']}: {data['state_label']} (jam tenggat berhenti sampai dokumen baru tiba)."]
    ctx.emit(data, text)
    return EXIT_OK


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist
    from blanko_desktop.core.services import request_dict

    with ctx.services() as services:
        before = services.request(args.id).state
        try:
            req = checklist.mark_verified(services, args.id)
        except RuleError as exc:
            raise Refused(str(exc), {"request": args.id, "checklist": _checklist_json(services, args.id)}) from None
        data = request_dict(req)
        data.update(previous_state=before, state_label=workflow.label(req.state))
    ctx.emit(data, f"Permohonan #{data['id']}: {workflow.label(before)} -> {data['state_label']} "
                   f"({data['competent_qty']} kompeten, {data['not_yet_qty']} belum kompeten)")
    return EXIT_OK


def cmd_set_kind(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.models import Document
    from blanko_desktop.core.reception import Reception

    with ctx.services() as services:
        doc = Document.get_or_none(Document.id == args.document)
        if doc is None:
            raise RuleError(f"Dokumen #{args.document} tidak ditemukan.")
        if doc.kind in ("email", "completion"):
            raise RuleError(f"Dokumen #{doc.id} ({doc.original_name}) adalah {KIND_LABELS[doc.kind]}; "
                            "jenisnya tidak dapat diubah.")
        _open_request_or_refuse(services, doc.request_id, "jenis dokumennya tidak dapat diubah lagi")
        before = doc.kind
        doc = Reception(services).set_kind(doc.id, args.kind)
        data = {"document": doc.id, "name": doc.original_name, "request": doc.request_id,
                "previous_kind": before, "kind": doc.kind,
                "checklist": _checklist_json(services, doc.request_id)}
    ctx.emit(data, [f"Dokumen #{data['document']} ({data['name']}): {KIND_LABELS.get(before, before)} -> "
                    f"{KIND_LABELS[data['kind']]}", ""] + _checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_set_requested(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import terbilang

    with ctx.services() as services:
        req = _open_request_or_refuse(services, args.id, "jumlahnya tidak dapat diubah lagi")
        before = req.requested_qty
        services.update_request(req.id, None, requested_qty=args.count)
        data = {"request": req.id, "previous_requested": before, "requested": args.count,
                "checklist": _checklist_json(services, req.id)}
    ctx.emit(data, [f"Permohonan #{data['request']}: blanko diminta {args.count} ({terbilang(args.count)})", ""]
             + _checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_set_lsp(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        req = _open_request_or_refuse(services, args.id, "LSP-nya tidak dapat diubah lagi")
        lsp = services.find_lsp(args.lsp)
        before = req.lsp.name if req.lsp_id else None
        services.update_request(req.id, None, lsp_id=lsp.id)
        remembered = None
        if args.remember_sender:
            if not req.sender:
                raise RuleError(f"Permohonan #{req.id} tidak mempunyai alamat pengirim untuk dicatat.")
            if services.lsp_for_sender(req.sender) is None:
                services.add_lsp_address(lsp.id, req.sender)
                remembered = req.sender.lower()
        data = {"request": req.id, "previous_lsp": before, "lsp": lsp.name, "lsp_id": lsp.id,
                "remembered_sender": remembered, "checklist": _checklist_json(services, req.id)}
    lines = [f"Permohonan #{data['request']}: LSP ditetapkan {lsp.name}"
             + (f" (sebelumnya {before})" if before and before != lsp.name else "")]
    if remembered:
        lines.append(f"  Alamat {remembered} dicatat untuk {lsp.name}: e-mail berikutnya dikenali otomatis.")
    ctx.emit(data, lines + [""] + _checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_accept_finding(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.verification import checklist

    with ctx.services() as services:
        _open_request_or_refuse(services, args.id, "temuannya tidak dapat diubah lagi")
        cl = checklist.build(services, args.id)
        if not cl.findings:
            raise RuleError(f"Permohonan #{args.id} tidak mempunyai temuan.")
        if args.index > len(cl.findings):
            raise RuleError(f"Temuan nomor {args.index} tidak ada; permohonan #{args.id} mempunyai "
                            f"{len(cl.findings)} temuan (lihat: blanko checklist {args.id}).")
        finding = cl.findings[args.index - 1]
        if finding.accepted:
            raise RuleError(f"Temuan nomor {args.index} sudah diterima sebelumnya ({finding.note}).")
        checklist.accept_finding(services, args.id, finding, args.note)
        data = {"request": args.id, "index": args.index, "accepted": {
            "document": finding.document, "sheet": finding.sheet, "row": finding.row, "message": finding.message,
            "note": args.note.strip()}, "checklist": _checklist_json(services, args.id)}
    ctx.emit(data, [f"Temuan {args.index} diterima: {finding.message}", ""] + _checklist_lines(data["checklist"]))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
