"""What a PostgreSQL server answers at an address, before (and without) opening it as the app's database."""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import DatabaseError, InterfaceError

from blanko_desktop.core import migrations
from blanko_desktop.core.server import APPEND_ONLY_TABLES, ServerStorage, _explain, database_at

READY, EMPTY, BEHIND, TOO_NEW, FOREIGN, REFUSED = "ready", "empty", "behind", "too_new", "foreign", "refused"


@dataclass(frozen=True)
class ServerProbe:
    """The server's answer: `state` says what opening would do, `message` says it to the officer."""

    address: str  # without the password
    state: str
    message: str
    schema: int = 0
    read_only: bool = False
    role: str = ""
    server_version: str = ""
    privileges: dict[str, bool] = field(default_factory=dict)

    @property
    def can_open(self) -> bool:
        """Opening works as it is (a schema behind is brought up to date on opening)."""
        return self.state in (READY, BEHIND)

    @property
    def audit_log_protected(self) -> bool:
        """The connected role can neither change nor delete the audit log and the stock ledger (the
        officers' role); the owner can, as it can drop the triggers that guard them."""
        return not any(self.privileges.get(f"{table}.{what}")
                       for table in APPEND_ONLY_TABLES for what in ("update", "delete", "truncate"))


def probe(address: str, password: str | None = None) -> ServerProbe:
    """Connect to `address`, read what is there and disconnect: nothing is written, and the app's open
    database stays the models' database (ServerStorage.open would bind them)."""
    clean, db = database_at(address, password)
    storage = ServerStorage(clean, db)
    try:
        db.connect()
        execute = db.execute_sql
        read_only = bool(execute("SELECT pg_is_in_recovery()").fetchone()[0])
        role, version = execute("SELECT current_user, current_setting('server_version')").fetchone()
        version = version.split()[0]  # "15.18", without the packager's "(Debian 15.18-0+deb12u1)"
        schema = storage.schema_version()
        found = dict(address=clean, schema=schema, read_only=read_only, role=role, server_version=version)
        latest = migrations.LATEST
        if schema == 0:
            others = storage._foreign_tables()
            if others:
                return ServerProbe(state=FOREIGN, message=(
                    f"Basis data {clean} berisi tabel lain ({', '.join(others[:5])}) dan bukan basis data "
                    "Blanko Desktop. Pilih basis data kosong atau yang benar."), **found)
            return ServerProbe(state=EMPTY, message=(
                f"Tersambung ke PostgreSQL {version} sebagai {role}. Basis data {clean} masih kosong: skema "
                "Blanko Desktop dapat dibuat di sana."), **found)
        if schema > latest:
            return ServerProbe(state=TOO_NEW, message=(
                f"Basis data {clean} dibuat oleh versi aplikasi yang lebih baru (skema {schema}, aplikasi ini "
                f"mengenal sampai {latest}). Perbarui Blanko Desktop."), **found)
        privileges = storage.privileges()
        state = READY if schema == latest else BEHIND
        text = f"Tersambung ke PostgreSQL {version} sebagai {role}. Basis data Blanko Desktop, skema {schema}"
        text += "." if state == READY else f"; diperbarui ke skema {latest} saat dibuka."
        if read_only:
            text += " Server ini hanya dapat dibaca (server cadangan)."
        return ServerProbe(state=state, message=text, privileges=privileges, **found)
    except (DatabaseError, InterfaceError, OSError) as exc:
        return ServerProbe(address=clean, state=REFUSED, message=_explain(clean, exc))
    finally:
        db.close()
