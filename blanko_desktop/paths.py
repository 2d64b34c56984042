"""Where the app finds its resources and keeps its data, in development and when installed."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from blanko_desktop import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # The repo (editable install, CI) keeps resources/ and forms/ beside the package; a wheel
    # (setup.py maps them in) and the Windows installer carry them inside the package folder.
    for candidate in (_PACKAGE_DIR.parent / name, _PACKAGE_DIR / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    """The folder with icons, fonts and translations."""
    return _bundled("resources")


def forms_dir() -> Path:
    """The folder with the printable form templates."""
    return _bundled("forms")


def data_dir() -> Path:
    """The user's data folder (default database lives here); BLANKO_DATA_DIR overrides it."""
    override = os.environ.get("BLANKO_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """The per-workstation settings folder; BLANKO_CONFIG_DIR overrides it."""
    override = os.environ.get("BLANKO_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_ID, appauthor=False))


def default_database() -> Path:
    """The default local database file."""
    return data_dir() / "blanko.sqlite"
