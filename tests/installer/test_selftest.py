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


def _server_line(address: str | None) -> str:
    import io

    from blanko_desktop.core import config

    if address is not None:
        config.save(config.LocalConfig(database=address, recent=[address]))
    out = io.StringIO()
    test = selftest.SelfTest(["blanko-desktop"], out)
    test.check("server", test.server)
    return out.getvalue()


def test_selftest_skips_the_server_for_a_file_database():
    assert _server_line(None).startswith("SKIP server: this workstation's database is a file (")


def test_selftest_checks_the_configured_server_its_schema_and_the_officers_privileges(server_db, pg_cluster):
    import uuid

    from blanko_desktop.core import migrations
    from blanko_desktop.core.server import ServerStorage

    # the owner (the administrator's login) may change the audit log: a workstation must not use it
    line = _server_line(server_db)
    assert line.startswith(f"FAIL server: RuntimeError: {server_db}: role postgres (the owner) may change the "
                           "append-only tables (audit_event.delete, audit_event.truncate, audit_event.update,"), line
    role = "petugas_" + uuid.uuid4().hex[:8]
    pg_cluster.admin(f'CREATE ROLE "{role}" LOGIN')
    try:
        owner = ServerStorage.open(server_db)
        try:
            owner.grant_officer_role(role)
        finally:
            owner.close()
        officer_address = server_db.replace("postgres@", f"{role}@")
        line = _server_line(officer_address)
        assert line.startswith(f"OK   server: {officer_address}: PostgreSQL "), line
        assert (f"schema {migrations.LATEST}, role {role}, the audit log and the stock ledger add-only for it"
                in line), line
    finally:
        pg_cluster.drop(server_db)
        pg_cluster.admin(f'DROP ROLE IF EXISTS "{role}"')


def test_selftest_names_a_server_it_cannot_reach():
    line = _server_line("postgresql://postgres@127.0.0.1:1/blanko")
    assert line.startswith("FAIL server: RuntimeError: postgresql://postgres@127.0.0.1:1/blanko: refused: Server "
                           "basis data postgresql://postgres@127.0.0.1:1/blanko tidak terjangkau"), line
