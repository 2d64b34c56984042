"""The Qt-free core: storage, models, workflow, calendar, intake and the services the UI and CLI share."""

import sys as _sys


class _PeeweeWithoutServerDriver:
    """Load peewee, when something first imports it, without PostgreSQL's driver: peewee imports psycopg as it
    loads (~0.1 s, a third of a command's start), yet only a server needs it; `core.server.load_driver` hands
    it over when a server is opened. A finder on the import path, so that importing core alone (the calendar,
    say) still imports no database library at all."""

    def find_spec(self, name, path=None, target=None):
        if name != "peewee":
            return None
        _sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        loader = getattr(spec, "loader", None)
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module):
            blocked = "psycopg" not in _sys.modules
            if blocked:
                _sys.modules["psycopg"] = None  # makes peewee's `import psycopg` fail at once
            try:
                run(module)
            finally:
                if blocked and _sys.modules.get("psycopg", False) is None:
                    del _sys.modules["psycopg"]

        loader.exec_module = exec_module
        return spec


if "peewee" not in _sys.modules and "psycopg" not in _sys.modules:
    _sys.meta_path.insert(0, _PeeweeWithoutServerDriver())
