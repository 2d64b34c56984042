"""A form rendered again with the same data and the same forms folder is not laid out again; any change is."""

from __future__ import annotations

import dataclasses
import os
import shutil

import pytest
from PIL import Image

from blanko_desktop import paths
from blanko_desktop.core import forms
from blanko_desktop.core.forms import engine
from blanko_desktop.core.forms.samples import sample


@pytest.fixture
def layouts(tmp_path, monkeypatch):
    """The shipped templates in a folder the test may change, and a count of the forms laid out."""
    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    monkeypatch.setattr(paths, "forms_dir", lambda: folder)
    count = {"n": 0}
    real = engine.render

    def counting(*args, **kwargs):
        count["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "render", counting)
    return folder, count


def _touch_later(path):
    # a change within the file system's timestamp granularity must still count: move the time on explicitly
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def test_same_receipt_twice_is_laid_out_once(layouts):
    _, count = layouts
    first = forms.render("receipt", sample("receipt"))
    again = forms.render("receipt", sample("receipt"))
    assert again == first and count["n"] == 1


@pytest.mark.parametrize("change", ["data", "template", "logo"])
def test_any_change_lays_the_form_out_again(layouts, change):
    folder, count = layouts
    data = sample("receipt")
    before = forms.render("receipt", data)
    if change == "data":
        data = dataclasses.replace(data, quantity=data.quantity + 1)
    elif change == "template":
        template = folder / "tanda-terima.xml"
        template.write_text(template.read_text(encoding="utf-8").replace("Telah diserahkan", "Sudah diserahkan"),
                            encoding="utf-8")
        _touch_later(template)
    else:
        logo = folder / "logo.png"
        Image.new("RGB", (64, 64), "red").save(logo)
        _touch_later(logo)
    after = forms.render("receipt", data)
    assert count["n"] == 2 and after != before
