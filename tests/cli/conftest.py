"""CLI tests run the real entry point, `blanko_desktop.cli.main`, with data and config folders of their own:
most in this process (fast), a few of each command family as a separate process (`cli_process`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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

    def __call__(self, *args: Any, db: Path | None = None, expect: int | None = 0) -> Result:
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

    def __call__(self, *args: Any, db: Path | None = None, expect: int | None = 0) -> Result:
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


@pytest.fixture
def cli(tmp_path) -> InProcessCli:
    """`blanko ...` through main() in this process (see InProcessCli); most tests use it."""
    return InProcessCli(tmp_path)


@pytest.fixture
def cli_process(tmp_path) -> Cli:
    """`blanko ...` as a separate `python -m blanko_desktop.cli` process: the real streams, exit status and
    working folder; a few tests of each command family go this way."""
    return Cli(tmp_path)


@pytest.fixture
def db(cli) -> Path:
    """A fresh, initialised database file."""
    path = cli.base / "work" / "blanko.sqlite"
    cli("init", db=path)
    return path


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory) -> tuple[Path, dict[str, list]]:
    """A database filled once by `blanko demo` (its JSON report beside it), and its request ids by state."""
    base = tmp_path_factory.mktemp("demo")
    run = Cli(base)
    path = base / "demo.sqlite"
    filled = run("demo", "--requests", DEMO_REQUESTS, "--seed", 7, "--json", db=path)
    path.with_suffix(".json").write_text(filled.out, encoding="utf-8")  # what `demo` reported, for test_demo
    listing = run("list", "--json", "--limit", 0, db=path).json()
    by_state: dict[str, list] = {}
    for item in listing["requests"]:
        by_state.setdefault(item["state"], []).append(item["id"])
    closures = run("calendar", "closures", "--json", db=path).json()["closures"]
    by_state["closure"] = [c["day"] for c in closures]
    return path, by_state


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
def demo_db(demo_source, cli) -> Path:
    """A private copy of the demo database (and its documents), free to change."""
    source, _ = demo_source
    return copy_database(source, cli.base / "demo" / "blanko.sqlite")


@pytest.fixture
def demo_ids(demo_source) -> dict[str, list]:
    """Request ids of the demo database by state, and its closure days under 'closure'."""
    return demo_source[1]


@pytest.fixture(scope="session")
def registry_source(tmp_path_factory) -> Path:
    """A database with the LSPs that intake tests send from (made once)."""
    from .builders import REGISTRY

    base = tmp_path_factory.mktemp("registry")
    run = Cli(base)
    path = base / "registry.sqlite"
    run("init", db=path)
    for name, addresses, city in REGISTRY:
        emails = [a for a in addresses if "@" in a]
        domains = [a for a in addresses if "@" not in a]
        run("lsp", "add", "--name", name, *[x for e in emails for x in ("--email", e)],
            *[x for d in domains for x in ("--domain", d)], "--address", "Jl. Contoh No. 1", "--city", city,
            "--phone", "021 555 0101", db=path)
    return path


@pytest.fixture
def intake_db(registry_source, tmp_path) -> Path:
    """A private database that knows the LSPs of tests/cli/builders.py and holds no request yet."""
    return copy_database(registry_source, tmp_path / "kantor" / "blanko.sqlite")
