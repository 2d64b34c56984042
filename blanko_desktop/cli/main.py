"""The `blanko` entry point: parse, open the database a command needs, run it, turn failures into exit codes.

Exit status: 0 done, 1 refused by a rule (message on stderr; with --json also {"error": ...} on stdout),
2 usage error, 3 unexpected internal error (a bug: BLANKO_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blanko_desktop import __version__
from blanko_desktop.cli import output
from blanko_desktop.cli.args import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Command,
    UsageError,
    build_parser,
)
from blanko_desktop.cli.commands import (
    approval,
    calendar,
    intake,
    maintenance,
    registry,
    requests,
    settings,
    shipping,
    stock,
    transfer,
    verification,
)
from blanko_desktop.core.errors import BlankoError, NoOfficerError, RuleError

if TYPE_CHECKING:
    from blanko_desktop.core.services import Services

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "Context", "main", "parser"]


def parser() -> argparse.ArgumentParser:
    """Every command group adds its own subcommands, in the order `blanko --help` lists them."""
    return build_parser([maintenance.register_init, registry.register, requests.register, calendar.register,
                         settings.register, intake.register, verification.register, approval.register, stock.register,
                         shipping.register, maintenance.register, transfer.register], __version__)


class Context:
    """What a command works with: the options, the output, and (once opened) the services."""

    def __init__(self, args: argparse.Namespace, opens: str = "default"):
        from blanko_desktop.core import config

        self.opens = opens
        self.cfg = config.load()
        self.json = bool(getattr(args, "json", False))
        self.db_given = getattr(args, "db", None)
        if self.db_given and str(self.db_given).startswith(("postgresql://", "postgres://")):
            self.db_path: Path | str = self.db_given  # a PostgreSQL server's address
        else:
            self.db_path = Path(self.db_given).expanduser() if self.db_given else self.cfg.database_target
        self.officer = getattr(args, "officer", None) or self.cfg.officer

    @contextmanager
    def services(self) -> Iterator["Services"]:
        """The database opened for this command (created only where the command allows), closed after."""
        from blanko_desktop import paths
        from blanko_desktop.core.audit import Actor
        from blanko_desktop.core.services import Services
        from blanko_desktop.core.storage import open_storage

        path = self.db_path
        if isinstance(path, str):  # a server: connecting tells whether it is there
            create = self.opens == "create"
        else:
            # Like the app: the local default database is made on first use; any other file only by
            # init/demo, so a typo or an unmounted network share never turns into a new empty database.
            create = self.opens == "create" or (self.opens == "default" and path == paths.default_database())
            if not path.exists() and not create:
                if self.db_given:
                    raise RuleError(f"Berkas basis data {path} tidak ditemukan. "
                                    f"Buat dengan: blanko init --db \"{path}\"")
                raise RuleError(f"Basis data yang dipilih di aplikasi, {path}, tidak ditemukan. Periksa "
                                "sambungan ke folder bersama, atau pilih berkas dengan --db.")
        storage = open_storage(path, create=create)
        storage.on_busy = lambda attempt: print(
            f"Basis data sedang dipakai petugas lain, mencoba lagi ({attempt})...", file=sys.stderr)
        try:
            yield Services(storage, Actor.current(self.officer))
        finally:
            storage.close()

    def emit(self, data: Any, lines: Sequence[str] | str = ()) -> None:
        """Print `data` as JSON in --json mode, else the human `lines`."""
        output.emit(self.json, data, lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; without `argv`, the command line of this process (the console script, `-m`)."""
    try:
        return _main(argv)
    finally:
        if argv is None:
            # The process ends with the command, and what the command built lives until then: the interpreter's
            # last garbage collection went over all of it (~60 ms of `blanko intake`) to find it all still in use.
            # Frozen, it is left alone. A caller that goes on (the tests: main(argv)) keeps the usual collection.
            gc.freeze()


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:  # a Windows console code page must not turn one odd character into a crash
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser().parse_args(argv)
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
    except NoOfficerError as exc:  # the window's hint (its Settings) does not help at a command line
        return _refused(f"{exc.missing} Beri nama dengan --officer \"NAMA\" atau isi profil petugas di aplikasi.",
                        wants_json)
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
    from blanko_desktop.core.errors import is_database_error

    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"Berkas{where} tidak dapat dipakai: {exc.strerror or exc}."
    if is_database_error(exc):
        text = str(exc).lower()
        # a colleague holds the file (SQLite's words) or the server's lock: busy, not broken
        if any(word in text for word in ("locked", "busy", "lock timeout", "deadlock detected",
                                         "could not serialize", "could not obtain lock")):
            return ("Basis data sedang dipakai petugas lain terlalu lama; basis datanya tidak rusak. "
                    "Coba lagi sebentar lagi.")
        if "server closed the connection" in text or "connection" in text and ("lost" in text or "closed" in text
                                                                              or "terminat" in text):
            return ("Sambungan ke server basis data terputus; basis datanya tidak rusak. Periksa jaringan lalu "
                    "coba lagi.")
        return f"Basis data tidak dapat dipakai: {exc}. Jalankan 'blanko check' atau pulihkan dari cadangan."
    if isinstance(exc, ValueError):  # the calendar's own checks (e.g. no working time at all)
        return str(exc)
    return None


def _refused(message: str, wants_json: bool, data: dict[str, Any] | None = None) -> int:
    print(f"blanko: {message}", file=sys.stderr)
    if wants_json:
        print(json.dumps({"error": message, **(data or {})}, ensure_ascii=False, indent=2,
                         default=output.json_default))
    return EXIT_REFUSED
