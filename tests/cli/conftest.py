"""CLI tests run the real entry point, `blanko_desktop.cli.main`, with data and config folders of their own:
most in this process (fast), a few of each command family as a separate process (`cli_process`).

Each test that takes a database runs on both engines (tests/conftest.py's `engine`): `db`, `demo_db`, `intake_db`
and `new_db()` are files in the test's folder or databases of its own on the test server, the demo and registry
databases filled once per engine and copied for each test (a file copy, or CREATE DATABASE ... TEMPLATE)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

DEMO_REQUESTS = 40


@dataclass
class Result:
    args: tuple[str, ...]
    rc: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def __str__(self) -> str:
        return f"blanko {' '.join(self.args)} -> {self.rc}\nstdout:\n{self.out}\nstderr:\n{self.err}"


class Cli:
    """`blanko ...` as an officer's script runs it: `python -m blanko_desktop.cli` in a fresh process."""

    def __init__(self, base: Path):
        self.base = base
        self.env = dict(os.environ)
        self.env["BLANKO_DATA_DIR"] = str(base / "data")
        self.env["BLANKO_CONFIG_DIR"] = str(base / "config")
        self.env.pop("BLANKO_DEBUG", None)

    @property
    def default_db(self) -> Path:
        return self.base / "data" / "blanko.sqlite"

    def __call__(self, *args: Any, db: Path | str | None = None, expect: int | None = 0) -> Result:
        argv = tuple(str(a) for a in args) + (("--db", str(db)) if db is not None else ())
        proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", *argv], env=self.env,
                              cwd=self.base, capture_output=True, text=True, encoding="utf-8", timeout=120)
        result = Result(argv, proc.returncode, proc.stdout, proc.stderr)
        # Whatever the input, the officer never sees a Python traceback.
        assert "Traceback" not in proc.stderr, str(result)
        if expect is not None:
            assert proc.returncode == expect, str(result)
        return result


class InProcessCli(Cli):
    """The same entry point, `blanko_desktop.cli.main(argv)`, called in the test process: the intake
    libraries are imported once instead of once per command (about 0.6 s each), which keeps the many intake
    and verification cases fast. Output is captured the same way; an exception logged with its traceback
    counts as a traceback shown. Tests that care about the working folder or the process use `cli`."""

    def __call__(self, *args: Any, db: Path | str | None = None, expect: int | None = 0) -> Result:
        import contextlib
        import io
        import logging

        from blanko_desktop import cli as cli_module

        argv = tuple(str(a) for a in args) + (("--db", str(db)) if db is not None else ())
        out, err = io.StringIO(), io.StringIO()
        logged: list[logging.LogRecord] = []

        class Keep(logging.Handler):
            def emit(self, record):
                logged.append(record)

        handler = Keep(logging.WARNING)
        root = logging.getLogger()
        root.addHandler(handler)
        old = {k: os.environ.get(k) for k in ("BLANKO_DATA_DIR", "BLANKO_CONFIG_DIR", "BLANKO_DEBUG")}
        os.environ.update(BLANKO_DATA_DIR=self.env["BLANKO_DATA_DIR"], BLANKO_CONFIG_DIR=self.env["BLANKO_CONFIG_DIR"])
        os.environ.pop("BLANKO_DEBUG", None)
        cwd = os.getcwd()
        os.chdir(self.base)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc = cli_module.main(list(argv))
        finally:
            os.chdir(cwd)
            root.removeHandler(handler)
            for key, value in old.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        result = Result(argv, rc, out.getvalue(), err.getvalue())
        assert "Traceback" not in result.err, str(result)
        assert not [r for r in logged if r.exc_info], str(result) + "\nlogged: " + "; ".join(
            r.getMessage() for r in logged if r.exc_info)
        if expect is not None:
            assert rc == expect, str(result)
        return result


@pytest.fixture(autouse=True)
def _isolated_cli_dirs(tmp_path, monkeypatch):
    # Also for anything a test runs in-process: never the developer's real data or settings.
    monkeypatch.setenv("BLANKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))


OFFICER_PROFILE = "Rina Wulandari"


@pytest.fixture
def officer_profile(_isolated_cli_dirs):
    """The officer's name filled in on this computer (the window asks for it at first start): papers that are
    signed by name (approval sheet, completion letter, courier manifest, shipping notice) can be made."""
    from blanko_desktop.core import config

    cfg = config.load()
    cfg.officer = OFFICER_PROFILE
    config.save(cfg)
    return OFFICER_PROFILE


@pytest.fixture
def cli(tmp_path) -> InProcessCli:
    """`blanko ...` through main() in this process (see InProcessCli); most tests use it."""
    return InProcessCli(tmp_path)


@pytest.fixture
def cli_process(tmp_path) -> Cli:
    """`blanko ...` as a separate `python -m blanko_desktop.cli` process: the real streams, exit status and
    working folder; a few tests of each command family go this way."""
    return Cli(tmp_path)


Target = Path | str  # a database file, or a server database's address


def is_server(db: Target) -> bool:
    return isinstance(db, str) and db.startswith("postgresql://")


def raw_sql(db: Target, statement: str, params: Sequence[Any] = ()) -> list[tuple]:
    """A statement sent behind the application's back (SQLite's dialect, `?` placeholders), committed; its rows.
    What a test reads or tampers with, the same on a file and on a server."""
    if is_server(db):
        import psycopg

        from blanko_desktop.core.server import translate

        with psycopg.connect(db, autocommit=True) as con:
            cur = con.execute(translate(statement), tuple(params) or None)
            return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cur.fetchall()] \
                if cur.description else []
    import sqlite3

    con = sqlite3.connect(db)
    try:
        rows = con.execute(statement, tuple(params)).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


@contextmanager
def opened(db: Target, officer: tuple[str, str] = ("tester", "Penguji")) -> Iterator[Any]:
    """The core's services on `db`, in this process, for setting up and checking."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import open_storage

    storage = open_storage(db, create=False)
    try:
        yield Services(storage, Actor(*officer))
    finally:
        storage.close()


@pytest.fixture
def new_db(engine, request, tmp_path) -> Callable[[str], Target]:
    """Where a test makes a database of its own (`blanko init`/`demo` fill it): a file path in the test's
    folder, or an empty database on the server (dropped after the test)."""
    def new(name: str = "blanko.sqlite") -> Target:
        if engine == "postgresql":
            cluster = request.getfixturevalue("pg_cluster")
            url = cluster.new_database()
            request.addfinalizer(lambda: cluster.drop(url))
            return url
        return tmp_path / "baru" / name

    return new


@pytest.fixture
def db(cli, engine, request) -> Target:
    """A fresh, initialised database: a file, or a server database of the test's own."""
    if engine == "postgresql":
        target: Target = request.getfixturevalue("server_db")
    else:
        target = cli.base / "work" / "blanko.sqlite"
    cli("init", db=target)
    return target


@dataclass
class Source:
    """A database made once per engine for the session; tests use copies of it (`copy_of`)."""
    target: Target
    by_state: dict[str, list]
    report: dict[str, Any]


class Ticking:
    """A clock standing at `start` that moves a microsecond at each reading (core/clock.py's source): the demo
    filled on either engine gets the same times, so the officer's views of the two can be compared."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(microseconds=1)
        return self.moment


@contextmanager
def clock_at(start: datetime) -> Iterator[None]:
    from blanko_desktop.core import clock

    previous = clock._source
    clock.set_source(Ticking(start))
    try:
        yield
    finally:
        clock.set_source(previous)


@pytest.fixture(scope="session")
def _sources() -> dict[Any, Any]:
    # one moment for the session's sources on both engines: now, to the minute
    return {"clock": datetime.now(timezone.utc).replace(second=0, microsecond=0)}


def _source(request, what: str, make: Callable[[Cli, Target], Source], engine: str | None = None) -> Source:
    engine = engine or request.getfixturevalue("engine")
    made = request.getfixturevalue("_sources")
    if (what, engine) not in made:
        base = request.getfixturevalue("tmp_path_factory").mktemp(what)
        if engine == "postgresql":
            # filled once, then the template of each test's copy (CREATE DATABASE ... TEMPLATE)
            target: Target = request.getfixturevalue("pg_cluster").new_database()
        else:
            target = base / f"{what}.sqlite"
        with clock_at(made["clock"]):
            made[(what, engine)] = make(InProcessCli(base), target)
    return made[(what, engine)]


def copy_of(request, source: Target, target: Path) -> Target:
    """A private copy of a session's database: the file (journal, documents) or a server database made from it
    as a template (dropped after the test)."""
    if is_server(source):
        cluster = request.getfixturevalue("pg_cluster")
        url = cluster.new_database(template=source.rpartition("/")[2])
        request.addfinalizer(lambda: cluster.drop(url))
        return url
    return copy_database(source, target)


def _fill_demo(run: Cli, target: Target) -> Source:
    filled = run("demo", "--requests", DEMO_REQUESTS, "--seed", 7, "--json", db=target)
    listing = run("list", "--json", "--limit", 0, db=target).json()
    by_state: dict[str, list] = {}
    for item in listing["requests"]:
        by_state.setdefault(item["state"], []).append(item["id"])
    closures = run("calendar", "closures", "--json", db=target).json()["closures"]
    by_state["closure"] = [c["day"] for c in closures]
    return Source(target, by_state, filled.json())


def demo_source_on(request, engine: str) -> Source:
    """The session's demo database on `engine` (for a test comparing the two engines)."""
    return _source(request, "demo", _fill_demo, engine)


@pytest.fixture
def demo_source(request, engine) -> Source:
    """A database filled once per engine by `blanko demo` (what it reported kept), and its request ids by state.
    Read it, never change it: tests that change use `demo_db`."""
    return _source(request, "demo", _fill_demo)


def store_of(db: Path) -> Path:
    """The document store beside a database file (`<name>-dokumen/`)."""
    return db.with_name(f"{db.stem}-dokumen")


def copy_database(source: Path, target: Path) -> Path:
    """A private copy of a database file with its journal and its document store."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    if store_of(source).is_dir():
        shutil.copytree(store_of(source), store_of(target))
    return target


@pytest.fixture
def demo_db(demo_source, cli, request) -> Target:
    """A private copy of the demo database (and its documents), free to change."""
    return copy_of(request, demo_source.target, cli.base / "demo" / "blanko.sqlite")


@pytest.fixture
def demo_ids(demo_source) -> dict[str, list]:
    """Request ids of the demo database by state, and its closure days under 'closure'."""
    return demo_source.by_state


def _fill_registry(run: Cli, target: Target) -> Source:
    from .builders import REGISTRY

    run("init", db=target)
    for name, addresses, city in REGISTRY:
        emails = [a for a in addresses if "@" in a]
        domains = [a for a in addresses if "@" not in a]
        run("lsp", "add", "--name", name, *[x for e in emails for x in ("--email", e)],
            *[x for d in domains for x in ("--domain", d)], "--address", "Jl. Contoh No. 1", "--city", city,
            "--phone", "021 555 0101", db=target)
    return Source(target, {}, {})


@pytest.fixture
def registry_source(request, engine) -> Target:
    """A database with the LSPs that intake tests send from (made once per engine)."""
    return _source(request, "registry", _fill_registry).target


@pytest.fixture
def intake_db(registry_source, tmp_path, request) -> Target:
    """A private database that knows the LSPs of tests/cli/builders.py and holds no request yet."""
    return copy_of(request, registry_source, tmp_path / "kantor" / "blanko.sqlite")
