"""`blanko calendar`: due times on the office clock, courier pickups, cuti bersama and closures."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("received, due, human", [
    # the README example: Christmas (Friday) and the weekend skipped
    ("2026-12-24T10:00+07:00", "2026-12-28T10:00:00+07:00", "Senin, 28 Desember 2026 10:00"),
    ("2026-12-24T10:00", "2026-12-28T10:00:00+07:00", "Senin, 28 Desember 2026 10:00"),  # naive = office time
    ("2026-12-24T03:00Z", "2026-12-28T10:00:00+07:00", "Senin, 28 Desember 2026 10:00"),  # UTC converted
    ("2026-11-26T10:00+07:00", "2026-11-27T10:00:00+07:00", "Jumat, 27 November 2026 10:00"),
    ("2026-11-27T17:30+07:00", "2026-11-30T16:00:00+07:00", "Senin, 30 November 2026 16:00"),  # after hours
    ("2026-08-17T09:00+07:00", "2026-08-18T16:00:00+07:00", "Selasa, 18 Agustus 2026 16:00"),  # Independence Day
])
def test_due_prints_the_due_time_and_an_indonesian_line(cli, db, received, due, human):
    assert cli("calendar", "due", "--received", received, db=db).out.splitlines() == [due, human]


def test_due_json_and_limit_hours(cli, db):
    data = cli("calendar", "due", "--received", "2026-12-24T10:00+07:00", "--hours", "4", "--json", db=db).json()
    assert data["due"] == "2026-12-24T14:00:00+07:00" and data["limit_hours"] == 4
    assert data["timezone"] == "Asia/Jakarta"


def test_pickups_from_21_december_skip_christmas(cli, db):
    text = cli("calendar", "pickups", "--from", "2026-12-21", "--count", "4", db=db).out.splitlines()
    assert text == ["2026-12-21  Senin, 21 Desember 2026", "2026-12-23  Rabu, 23 Desember 2026",
                    "2026-12-28  Senin, 28 Desember 2026", "2026-12-30  Rabu, 30 Desember 2026"]
    data = cli("calendar", "pickups", "--from", "21-12-2026", "--count", "4", "--json", db=db).json()
    assert data == {"from": "2026-12-21", "count": 4,
                    "pickups": ["2026-12-21", "2026-12-23", "2026-12-28", "2026-12-30"]}


def test_add_closure_shifts_the_due_time_and_is_listed(cli, db):
    due = ("calendar", "due", "--received", "2026-12-24T10:00+07:00", "--json")
    assert cli(*due, db=db).json()["due"] == "2026-12-28T10:00:00+07:00"

    added = cli("calendar", "add-closure", "2026-12-24", "--kind", "cuti_bersama", "--note", "Hari Raya Natal",
                "--officer", "Budi Santoso", db=db).out
    assert "Kamis, 24 Desember 2026 (cuti bersama): Hari Raya Natal" in added
    # the 24th no longer counts: the clock starts Monday 08:00
    assert cli(*due, db=db).json()["due"] == "2026-12-28T16:00:00+07:00"

    cli("calendar", "add-closure", "28-12-2026", "--note", "Pemadaman listrik gedung", db=db)
    assert cli(*due, db=db).json()["due"] == "2026-12-29T16:00:00+07:00"
    assert cli("calendar", "pickups", "--from", "2026-12-21", "--count", "3", "--json", db=db).json()["pickups"] \
        == ["2026-12-21", "2026-12-23", "2026-12-30"]

    listed = cli("calendar", "closures", "--json", db=db).json()
    assert listed["closures"] == [
        {"day": "2026-12-24", "kind": "cuti_bersama", "note": "Hari Raya Natal",
         "created_by": listed["closures"][0]["created_by"]},
        {"day": "2026-12-28", "kind": "closure", "note": "Pemadaman listrik gedung",
         "created_by": listed["closures"][1]["created_by"]},
    ]
    assert listed["closures"][0]["created_by"].startswith("Budi Santoso (")
    assert "Senin, 28 Desember 2026" in cli("calendar", "closures", "--year", "2026", db=db).out

    cli("calendar", "remove-closure", "2026-12-28", db=db)
    assert cli(*due, db=db).json()["due"] == "2026-12-28T16:00:00+07:00"


def test_add_closure_recomputes_open_requests(cli, demo_db, demo_ids):
    rid = demo_ids["received"][0]
    before = cli("show", rid, "--json", db=demo_db).json()["request"]
    due_day = before["due_at"][:10]
    cli("calendar", "add-closure", due_day, "--note", "Kantor tutup", db=demo_db)
    after = cli("show", rid, "--json", db=demo_db).json()["request"]
    assert after["due_at"] > before["due_at"]
    assert after["due_at"][:10] != due_day
