"""The installed program's self-test (`blanko-desktop --self-test`) passes from the repo on Linux, offscreen."""

from __future__ import annotations

import os

import pytest

from blanko_desktop import selftest


@pytest.mark.gui
def test_selftest_passes_offscreen(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    code = selftest.run(["blanko-desktop", "--self-test", "-platform", "offscreen"])
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln[:4] in ("OK  ", "SKIP", "FAIL")]
    assert code == 0, out
    assert len(lines) >= 10, out
    assert not [ln for ln in lines if ln.startswith("FAIL")], out
    for name in ("imports", "database", "form", "print"):
        assert any(ln.startswith(f"OK   {name}:") for ln in lines), out


def test_wine_detection_is_false_off_windows():
    if os.name != "nt":
        assert selftest.running_under_wine() is False


def test_selftest_reports_failure(capsys, monkeypatch):
    """A failing check makes the run fail (exit 1) and is named on a FAIL line."""
    def broken(self):
        raise RuntimeError("simulated")

    monkeypatch.setattr(selftest.SelfTest, "excel", broken)
    monkeypatch.setattr(selftest.SelfTest, "print_pdf", lambda self: "skipped in this test")
    monkeypatch.setattr(selftest.SelfTest, "images", lambda self: "skipped in this test")
    code = selftest.run(["blanko-desktop"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL excel: RuntimeError: simulated" in out
