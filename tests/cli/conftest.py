"""CLI tests run the real entry point in a subprocess, with data and config folders of their own."""

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


@pytest.fixture(autouse=True)
def _isolated_cli_dirs(tmp_path, monkeypatch):
    # Also for anything a test runs in-process: never the developer's real data or settings.
    monkeypatch.setenv("BLANKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path)


@pytest.fixture
def db(cli) -> Path:
    """A fresh, initialised database file."""
    path = cli.base / "work" / "blanko.sqlite"
    cli("init", db=path)
    return path


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory) -> tuple[Path, dict[str, list]]:
    """A database filled once by `blanko demo`, and its request ids by state."""
    base = tmp_path_factory.mktemp("demo")
    run = Cli(base)
    path = base / "demo.sqlite"
    run("demo", "--requests", DEMO_REQUESTS, "--seed", 7, db=path)
    listing = run("list", "--json", "--limit", 0, db=path).json()
    by_state: dict[str, list] = {}
    for item in listing["requests"]:
        by_state.setdefault(item["state"], []).append(item["id"])
    closures = run("calendar", "closures", "--json", db=path).json()["closures"]
    by_state["closure"] = [c["day"] for c in closures]
    return path, by_state


@pytest.fixture
def demo_db(demo_source, cli) -> Path:
    """A private copy of the demo database, free to change."""
    source, _ = demo_source
    target = cli.base / "demo" / "blanko.sqlite"
    target.parent.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture
def demo_ids(demo_source) -> dict[str, list]:
    """Request ids of the demo database by state, and its closure days under 'closure'."""
    return demo_source[1]
