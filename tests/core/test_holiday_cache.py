"""The holidays library's answers kept per workstation: the same holidays, without importing it in each process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from blanko_desktop.core import calendar, holiday_cache
from blanko_desktop.core.calendar import WorkCalendar

INDEPENDENCE = "Hari Kemerdekaan Republik Indonesia"

PROBE = """
import json, sys
from pathlib import Path
from blanko_desktop.core.calendar import WorkCalendar
cal = WorkCalendar(kept_in=Path(sys.argv[1]))
days = {d.isoformat(): name for d, name in cal.national_holidays(2026).items()}
print(json.dumps({"days": days, "imported": "holidays" in sys.modules,
                  "due": cal.due_time(__import__("datetime").datetime.fromisoformat("2026-12-24T10:00+07:00"),
                                      8).isoformat()}))
"""


def probe(folder: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    calendar._language_for.cache_clear()
    calendar._library_days.cache_clear()
    yield
    calendar._language_for.cache_clear()
    calendar._library_days.cache_clear()


def test_a_second_process_has_the_same_holidays_without_the_library(tmp_path: Path) -> None:
    first, second = probe(tmp_path), probe(tmp_path)
    assert first["imported"] and not second["imported"]
    assert second["days"] == first["days"] and second["due"] == first["due"] == "2026-12-28T10:00:00+07:00"
    assert second["days"]["2026-12-25"] == "Hari Raya Natal"
    assert second["days"] == {d.isoformat(): n for d, n in WorkCalendar().national_holidays(2026).items()}


def test_another_copy_of_the_library_is_asked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_cache, "_library_stamp", lambda: "holidays 1")
    WorkCalendar(kept_in=tmp_path).national_holidays(2026)
    stored = json.loads((tmp_path / holiday_cache.FILE_NAME).read_text(encoding="utf-8"))
    stored["entries"]["days|ID|2026|public|id"] = [["2026-11-11", "Hari yang dulu"]]
    (tmp_path / holiday_cache.FILE_NAME).write_text(json.dumps(stored), encoding="utf-8")
    calendar._library_days.cache_clear()
    assert WorkCalendar(kept_in=tmp_path).national_holidays(2026) == {date(2026, 11, 11): "Hari yang dulu"}

    monkeypatch.setattr(holiday_cache, "_library_stamp", lambda: "holidays 2")  # the library was upgraded
    calendar._library_days.cache_clear()
    calendar._language_for.cache_clear()
    assert WorkCalendar(kept_in=tmp_path).national_holidays(2026)[date(2026, 12, 25)] == "Hari Raya Natal"
    assert json.loads((tmp_path / holiday_cache.FILE_NAME).read_text(encoding="utf-8"))["library"] == "holidays 2"


@pytest.mark.parametrize("content", ["{not json", '{"library": 1}', "[]"])
def test_a_damaged_file_means_asking_the_library(tmp_path: Path, content: str) -> None:
    (tmp_path / holiday_cache.FILE_NAME).write_text(content, encoding="utf-8")
    assert WorkCalendar(kept_in=tmp_path).national_holidays(2026)[date(2026, 8, 17)] == INDEPENDENCE
    stored = json.loads((tmp_path / holiday_cache.FILE_NAME).read_text(encoding="utf-8"))
    assert "days|ID|2026|public|id" in stored["entries"]


def test_a_damaged_entry_is_asked_again(tmp_path: Path) -> None:
    WorkCalendar(kept_in=tmp_path).national_holidays(2026)
    stored = json.loads((tmp_path / holiday_cache.FILE_NAME).read_text(encoding="utf-8"))
    stored["entries"]["days|ID|2026|public|id"] = [["17-08-2026", "tanggal salah tulis"]]
    (tmp_path / holiday_cache.FILE_NAME).write_text(json.dumps(stored), encoding="utf-8")
    calendar._library_days.cache_clear()
    assert WorkCalendar(kept_in=tmp_path).national_holidays(2026)[date(2026, 8, 17)] == INDEPENDENCE


def test_a_folder_that_cannot_be_written_only_means_asking(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert date(2026, 12, 25) in WorkCalendar(kept_in=blocked / "config").national_holidays(2026)


def test_an_unknown_country_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(NotImplementedError):
        WorkCalendar(country="XX", kept_in=tmp_path)
    assert not (tmp_path / holiday_cache.FILE_NAME).exists()
