"""core.intake gives each of its names from the module that defines it, loading no more than that module needs."""

from __future__ import annotations

import subprocess
import sys

import blanko_desktop.core.intake as intake


def test_every_name_is_given_from_its_module() -> None:
    assert sorted(intake.__all__) == sorted(intake._HOME)
    for name in intake.__all__:
        value = getattr(intake, name)
        home = f"blanko_desktop.core.intake.{intake._HOME[name]}"
        assert getattr(sys.modules[home], name) is value


def test_the_findings_come_without_the_readers() -> None:
    """The roster needs a Finding: not pypdf, calamine or the e-mail parser (~0.1 s of a process)."""
    code = ("import sys; from blanko_desktop.core.intake import Finding; "
            "print(sorted(m for m in ('pypdf', 'python_calamine', 'blanko_desktop.core.intake.email_parse') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
