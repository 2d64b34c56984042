"""The window is a thin layer: no module of `ui/` reaches the database models or peewee, lazily or not."""

from __future__ import annotations

from tests.architecture import imports


def _reaches_the_database(target: str) -> bool:
    return target.split(".")[0] in ("peewee", "playhouse") or target == "blanko_desktop.core.models"


def test_ui_modules_are_read():
    assert sum(1 for i in imports.imports() if i.module.startswith("blanko_desktop.ui.")) > 50


def test_ui_imports_no_peewee_and_no_models():
    offending = sorted(f"{i.module}:{i.line} imports {i.target}" for i in imports.imports()
                       if i.module.startswith("blanko_desktop.ui") and _reaches_the_database(i.target))
    assert offending == []
