"""The workstation settings file: versioned, upgraded step by step, newer files kept, broken files kept aside."""

from __future__ import annotations

import dataclasses
import json
import sys

import pytest

from blanko_desktop.core import config
from blanko_desktop.core.config import LocalConfig

# The file as releases before the version number wrote it (json.dump of the dataclass).
UNVERSIONED = {"database": "D:\\data\\blanko.sqlite", "recent": ["D:\\data\\blanko.sqlite", "\\\\srv\\b\\x.sqlite"],
               "officer": "Budi Santoso", "language": "en", "printer": "HP LaserJet"}


def write(raw) -> None:
    path = config.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw if isinstance(raw, str) else json.dumps(raw), encoding="utf-8")


def on_disk() -> dict:
    return json.loads(config.config_file().read_text(encoding="utf-8"))


def set_aside_copies() -> list:
    return sorted(p.name for p in config.config_file().parent.glob("config-unreadable-*"))


# ----------------------------------------------------------------------- steps


def test_steps_are_numbered_in_order_and_each_has_a_test():
    assert config.VERSION == len(config.STEPS) >= 1
    assert [s.__name__ for s in config.STEPS] == [f"upgrade_to_{n}" for n in range(1, config.VERSION + 1)]
    tests = {name for name in dir(sys.modules[__name__]) if name.startswith("test_")}
    missing = [s.__name__ for s in config.STEPS if f"test_{s.__name__}" not in tests]
    assert missing == [], f"config upgrade steps without a test: {missing}"


def test_upgrade_to_1():
    """The unversioned layout becomes version 1 with every setting as it was."""
    write(UNVERSIONED)
    cfg = config.load()
    assert (cfg.database, cfg.recent, cfg.officer, cfg.language, cfg.printer) == tuple(UNVERSIONED.values())
    assert cfg.version == config.VERSION and cfg.set_aside is None
    assert config.upgrade_to_1(dict(UNVERSIONED)) == UNVERSIONED


def test_upgrade_to_2():
    """Version 2 adds the printer per form, empty: every form still goes to the default printer."""
    write({**UNVERSIONED, "version": 1})
    cfg = config.load()
    assert cfg.printers == {} and cfg.printer == "HP LaserJet" and cfg.version == 2
    assert [cfg.printer_for(form) for form in ("receipt", "label")] == ["HP LaserJet", "HP LaserJet"]
    assert config.upgrade({**UNVERSIONED, "version": 1}) == {**UNVERSIONED, "printers": {}, "version": 2}
    cfg.printers["label"] = "Zebra GK420"
    config.save(cfg)
    again = config.load()
    assert again.printers == {"label": "Zebra GK420"}
    assert (again.printer_for("label"), again.printer_for("receipt")) == ("Zebra GK420", "HP LaserJet")


def test_upgrade_to_2_refuses_a_printers_value_of_the_wrong_type():
    write({**UNVERSIONED, "version": 2, "printers": {"label": 7}})
    cfg = config.load()
    assert cfg.set_aside is not None and cfg.printers == {}


def test_upgrade_runs_only_the_steps_after_the_files_version(monkeypatch):
    calls = []

    def step(number):
        def upgrade_to(raw):
            calls.append(number)
            return {**raw, f"added_by_{number}": True}
        return upgrade_to

    monkeypatch.setattr(config, "STEPS", tuple(step(n) for n in range(1, 4)))
    assert config.upgrade({"version": 1, "officer": "Sari"}) == {
        "version": 3, "officer": "Sari", "added_by_2": True, "added_by_3": True}
    assert calls == [2, 3]
    calls.clear()
    assert config.upgrade({"officer": "Sari"})["version"] == 3 and calls == [1, 2, 3]


def test_every_setting_is_checked_when_read():
    stored = {f.name for f in dataclasses.fields(LocalConfig)} - {"version", "extra", "set_aside"}
    assert set(config._SETTINGS) == stored


# ------------------------------------------------------------------ round trip


def test_missing_file_gives_the_defaults_and_creates_nothing():
    assert config.load() == LocalConfig()
    assert not config.config_file().parent.exists()


def test_saved_file_carries_the_version_and_loads_back_equal():
    cfg = LocalConfig(officer="Siti Rahma", language="en")
    cfg.remember(config.paths.data_dir() / "a.sqlite")
    config.save(cfg)
    assert on_disk()["version"] == config.VERSION
    assert set(on_disk()) == {"version", "database", "recent", "officer", "language", "printer", "printers"}
    assert config.load() == cfg


def test_an_upgraded_file_is_written_in_the_current_layout_on_the_next_save():
    write(UNVERSIONED)
    config.save(config.load())
    assert on_disk() == {**UNVERSIONED, "printers": {}, "version": config.VERSION}


# ------------------------------------------------------------ from a newer app


def test_a_newer_file_is_read_and_its_unknown_keys_and_version_survive_a_save():
    newer = {**UNVERSIONED, "printers": {"label": "Zebra"}, "version": config.VERSION + 1, "theme": "gelap",
             "scanner": {"dpi": 300}}
    write(newer)
    cfg = config.load()
    assert cfg.officer == "Budi Santoso" and cfg.database == UNVERSIONED["database"]
    assert cfg.set_aside is None
    cfg.officer = "Sari Wulandari"
    config.save(cfg)
    assert on_disk() == {**newer, "officer": "Sari Wulandari"}


def test_a_newer_file_without_a_known_key_gives_its_default():
    write({"version": config.VERSION + 5, "officer_name": "Sari"})  # e.g. a later rename
    cfg = config.load()
    assert cfg.officer == "" and cfg.extra == {"officer_name": "Sari"}


# ------------------------------------------------------------------ unreadable


@pytest.mark.parametrize("text", [
    "{ tidak lengkap",
    "[1, 2, 3]",
    '"hanya teks"',
    json.dumps({**UNVERSIONED, "version": "dua"}),
    json.dumps({**UNVERSIONED, "version": -1}),
    json.dumps({**UNVERSIONED, "version": True}),
    json.dumps({**UNVERSIONED, "recent": "D:\\data\\blanko.sqlite"}),
    json.dumps({**UNVERSIONED, "officer": 7}),
], ids=["truncated", "list", "string", "version-text", "version-negative", "version-bool", "recent-text",
        "officer-number"])
def test_an_unreadable_file_is_kept_aside_before_it_can_be_overwritten(text):
    write(text)
    cfg = config.load()
    assert cfg == LocalConfig()
    assert cfg.set_aside is not None and cfg.set_aside.read_text(encoding="utf-8") == text
    config.save(cfg)
    assert on_disk()["version"] == config.VERSION
    assert cfg.set_aside.read_text(encoding="utf-8") == text  # still there after the save


def test_not_utf8_is_unreadable_too():
    config.config_file().parent.mkdir(parents=True)
    config.config_file().write_bytes(b'{"officer": "\xff\xfe"}')
    cfg = config.load()
    assert cfg.set_aside is not None and cfg.set_aside.read_bytes() == b'{"officer": "\xff\xfe"}'


def test_loading_the_same_broken_file_again_keeps_one_copy():
    write("{ rusak")
    config.load()
    config.load()
    assert len(set_aside_copies()) == 1
    write("{ rusak lagi")
    config.load()
    assert len(set_aside_copies()) == 2
