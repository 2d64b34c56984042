"""Shared fixtures: every test gets its own data and config folders and a fresh database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("BLANKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def storage(tmp_path):
    from blanko_desktop.core.storage import Storage

    st = Storage.open(tmp_path / "db" / "blanko.sqlite")
    yield st
    st.close()


@pytest.fixture
def services(storage):
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services

    return Services(storage, Actor("officer1", "Budi Santoso"))
