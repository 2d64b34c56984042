"""The Qt-free core: storage, models, workflow, calendar, intake and the services the UI and CLI share."""

import sys as _sys


def _peewee_without_server_driver() -> None:
    """Import peewee without PostgreSQL's driver: peewee imports psycopg as it loads (~0.1 s, a third of a
    command's start), yet only a server needs it. `core.server` loads it and hands it to peewee when a server
    is opened (`server.load_driver`)."""
    if "peewee" in _sys.modules or "psycopg" in _sys.modules:
        return
    _sys.modules["psycopg"] = None  # type: ignore[assignment]  # makes peewee's `import psycopg` fail at once
    try:
        import peewee  # noqa: F401
    finally:
        del _sys.modules["psycopg"]


_peewee_without_server_driver()
