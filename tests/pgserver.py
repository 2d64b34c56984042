"""A throw-away PostgreSQL cluster for the tests and benchmarks that run on the server engine.

CI sets BLANKO_TEST_POSTGRES to a server it started (`.ci/run`); without it, a cluster is made here in a
temporary folder from Debian's PostgreSQL binaries (/usr/lib/postgresql/<v>/bin), started on a free local
port and removed at the end. Running as root, the cluster runs as the `postgres` system user (the server
refuses root). Each test gets a database of its own, copied from a migrated template (tens of ms).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

ENV = "BLANKO_TEST_POSTGRES"
TEMPLATE = "blanko_template"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install postgresql); "
                           f"or set {ENV} to a server URL")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: The one role that must give its password over TCP (every other role is trusted on loopback): the wrong-password
#: path of the window and the CLI is tested with it. .ci/run writes the same line into its cluster's pg_hba.conf.
PASSWORD_ROLE = "petugas_sandi"
HBA_LINE = f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"


def require_password(hba: Path) -> None:
    """PASSWORD_ROLE's line first in pg_hba.conf (the first matching line decides)."""
    text = hba.read_text(encoding="utf-8")
    hba.write_text(HBA_LINE + text, encoding="utf-8")


class Cluster:
    """A running server and the URL of its maintenance database (superuser, trust on loopback)."""

    def __init__(self) -> None:
        self.url = os.environ.get(ENV, "")
        self._dir: Path | None = None
        self._as: list[str] = []
        if not self.url:
            self._start()

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self._as, *cmd], check=True, capture_output=True, timeout=120)

    def _start(self) -> None:
        bindir = _bindir()
        self._dir = Path(tempfile.mkdtemp(prefix="blanko-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self._dir, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        data = self._dir / "data"
        port = _free_port()
        self._run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        require_password(data / "pg_hba.conf")
        # a test cluster: durability off (the tests never pull the plug on it)
        options = (f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self._dir} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self._dir / "log"),
                  "-w", "-t", "60", "start")
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        if self._dir is not None:
            subprocess.run([*self._as, str(_bindir() / "pg_ctl"), "-D", str(self._dir / "data"), "-m", "immediate",
                            "stop"], capture_output=True, timeout=60)
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def url_for(self, name: str) -> str:
        base, _, _ = self.url.rpartition("/")
        return f"{base}/{name}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql)

    def password_role(self, password: str) -> str:
        """PASSWORD_ROLE with `password`, allowed to connect to every database: its user name."""
        self.admin(f"DO $$BEGIN CREATE ROLE {PASSWORD_ROLE} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$")
        self.admin(f"ALTER ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{password}'")
        return PASSWORD_ROLE

    def new_database(self, template: str = "template0") -> str:
        """A fresh empty (or templated) database; its URL."""
        name = "t_" + uuid.uuid4().hex[:16]
        for attempt in range(20):
            try:
                self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                break
            except Exception as exc:  # a template in use by another connection for a moment
                if "being accessed" not in str(exc) or attempt == 19:
                    raise
                time.sleep(0.1)
        return self.url_for(name)

    def drop(self, url: str) -> None:
        name = url.rpartition("/")[2]
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
