"""Shared fixtures: every test gets its own data and config folders and a fresh database.

The core, CLI and migration tests that use a database run on both engines: `engine` is "sqlite" (a file in
the test's folder) or "postgresql" (a database of its own on a throw-away server, tests/pgserver.py). A test
about the file itself is marked `sqlite_only`; one about the server alone `server_only`.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ENGINES = ("sqlite", "postgresql")
# where both engines run: the rest (the window's tests) use the file
BOTH_ENGINES_UNDER = ("core", "cli", "migrations", "architecture")


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames:
        return
    rel = Path(str(metafunc.definition.fspath)).relative_to(Path(__file__).parent).parts
    node = metafunc.definition
    if node.get_closest_marker("server_only"):
        engines = ["postgresql"]
    elif node.get_closest_marker("sqlite_only") or rel[0] not in BOTH_ENGINES_UNDER:
        engines = ["sqlite"]
    else:
        engines = list(ENGINES)
    metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture
def engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("BLANKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="session")
def pg_cluster():
    """The PostgreSQL server of this test run (CI's, or one started here)."""
    from .pgserver import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster) -> str:
    """A database migrated to the latest schema, copied for each test (much faster than migrating each)."""
    from blanko_desktop.core.server import ServerStorage

    url = pg_cluster.new_database()
    ServerStorage.open(url).close()
    return url.rpartition("/")[2]


@pytest.fixture
def server_db(pg_cluster, pg_template):
    """A fresh, migrated server database of this test's own: its address."""
    url = pg_cluster.new_database(template=pg_template)
    yield url
    pg_cluster.drop(url)


@pytest.fixture
def database(engine, tmp_path, request) -> str | Path:
    """What `storage` opens: a file path, or a fresh server database's address."""
    if engine == "postgresql":
        return request.getfixturevalue("server_db")
    return tmp_path / "db" / "blanko.sqlite"


@pytest.fixture
def storage(database):
    from blanko_desktop.core.storage import open_storage

    st = open_storage(database)
    yield st
    st.close()


@pytest.fixture
def services(storage):
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services

    return Services(storage, Actor("officer1", "Budi Santoso"))
