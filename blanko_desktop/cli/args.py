"""Argument types, the parser scaffold every command group registers into, and what a command is."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

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

def date_arg(text: str) -> date:
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


def datetime_arg(text: str) -> datetime:
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


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"harus 1 atau lebih, bukan {value}")
    return value


def count_arg(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(".", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"tidak boleh negatif ({value})")
    return value


def numbered(what: str, example: int) -> Callable[[str], int]:
    """An argument type for a record number as the officer types it: 12 or #12, 1 or more."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().lstrip("#"))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"'{text}' bukan nomor {what} (contoh: {example} atau #{example})") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"nomor {what} harus 1 atau lebih, bukan {value}")
        return value

    parse.__name__ = f"{what.replace(' ', '_')}_id"
    return parse


request_id = numbered("permohonan", 12)
document_id = numbered("dokumen", 31)


#: What an officer may type for a document kind, besides the codes themselves.
KIND_WORDS = {
    "letter": "letter", "surat": "letter", "surat-permohonan": "letter", "permohonan": "letter",
    "minutes": "minutes", "berita-acara": "minutes", "ba": "minutes",
    "decision": "decision", "keputusan": "decision", "sk": "decision",
    "list": "list", "daftar": "list", "daftar-peserta": "list", "peserta": "list",
    "other": "other", "lainnya": "other", "lain": "other",
}


def kind_arg(text: str) -> str:
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    if key not in KIND_WORDS:
        raise argparse.ArgumentTypeError(
            f"jenis dokumen '{text}' tidak dikenal: letter (surat), minutes (berita-acara), "
            "decision (keputusan), list (daftar), other (lainnya)")
    return KIND_WORDS[key]


# -- the parser scaffold --------------------------------------------------------------------------

class UsageError(Exception):
    """A bad command line (exit 2); raised instead of argparse's exit so --json can report it too."""

    def __init__(self, parser: argparse.ArgumentParser, message: str):
        super().__init__(message)
        self.parser = parser


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(self, message)


def common_options() -> argparse.ArgumentParser:
    # SUPPRESS: an option given before the command is not overwritten by the subcommand's default.
    common = Parser(add_help=False)
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


class Registrar:
    """What a command group is given to add its subcommands: the shared options come with every one."""

    def __init__(self, subparsers: Any, common: argparse.ArgumentParser):
        self.subparsers = subparsers
        self.common = common

    def command(self, name: str, run: Callable[..., int], help: str, opens: str = "default") -> argparse.ArgumentParser:
        p = self.subparsers.add_parser(name, parents=[self.common], help=help, description=help)
        p.set_defaults(handler=Command(run, opens))
        return p

    def group(self, name: str, help: str, dest: str) -> "Registrar":
        """A command with subcommands of its own (`blanko lsp add`)."""
        p = self.subparsers.add_parser(name, parents=[self.common], help=help, description=help)
        return Registrar(p.add_subparsers(dest=dest, metavar="PERINTAH", required=True), self.common)


def build_parser(groups: list[Callable[[Registrar], None]], version: str) -> argparse.ArgumentParser:
    common = common_options()
    parser = Parser(
        prog="blanko", parents=[common], epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Blanko Desktop dari baris perintah: permohonan blanko sertifikat, LSP, kalender, "
                    "pemeriksaan dan cadangan basis data.")
    parser.add_argument("--version", action="version", version=f"blanko {version}")
    registrar = Registrar(parser.add_subparsers(dest="command", metavar="PERINTAH", required=True), common)
    for register in groups:
        register(registrar)
    return parser
