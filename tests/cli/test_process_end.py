"""`blanko` as its own process leaves what its command built to the end of the process, uncollected."""

from __future__ import annotations

import gc
import sys

import pytest

from blanko_desktop.cli.main import main


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # the objects of this test process go back to the collector


@pytest.mark.parametrize("own_process, frozen", [(True, True), (False, False)])
def test_objects_frozen_only_when_the_process_ends_with_the_command(monkeypatch, unfrozen, own_process, frozen):
    monkeypatch.setattr(sys, "argv", ["blanko", "--version"])
    exit_code = main() if own_process else main(["--version"])
    assert exit_code == 0
    # frozen: the interpreter's last collection skips them (~60 ms of an intake); a caller that goes on keeps
    # its garbage collected as usual
    assert (gc.get_freeze_count() > 0) == frozen
