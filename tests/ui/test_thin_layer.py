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


def test_the_first_screen_does_not_import_the_intake_stack():
    """pypdf, the parsers and num2words load on the first drop (or the warm-up after the window is up)."""
    import subprocess
    import sys

    code = ("import sys, blanko_desktop.ui.main_window; "
            "print(sorted(m for m in ('pypdf', 'num2words', 'blanko_desktop.core.reception', "
            "'blanko_desktop.core.intake', 'blanko_desktop.core.verification.checklist') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
