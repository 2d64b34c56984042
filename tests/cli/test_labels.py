"""One language at a time: `blanko show` names kinds and events in Indonesian; --json keeps the codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blanko_desktop.core import labels

CORE = Path(labels.__file__).resolve().parent


def _codes_in(shown: dict) -> set[str]:
    """The codes that `show --json` carries and the text must translate."""
    return ({e["action"] for e in shown["history"]} | {d["kind"] for d in shown["documents"]}
            | {f["severity"] for f in shown["findings"]} | {shown["request"]["kind"]})


def test_show_text_shows_no_raw_code_for_any_demo_request(cli, demo_db, demo_ids):
    ids = sorted(i for state, found in demo_ids.items() if state != "closure" for i in found)
    seen_codes: set[str] = set()
    for rid in ids:
        shown = cli("show", rid, "--json", db=demo_db).json()
        text = cli("show", rid, db=demo_db).out
        codes = _codes_in(shown)
        seen_codes |= codes
        body = "\n".join(line for line in text.splitlines() if not line.startswith("  Pengirim"))
        for name in [d["original_name"] for d in shown["documents"]]:
            body = body.replace(name, "")  # a file may be called anything
        raw = sorted(c for c in codes if re.search(rf"(?<![\w.@-]){re.escape(c)}(?![\w-])", body))
        assert raw == [], f"request #{rid} shows raw codes {raw}:\n{text}"
        assert not re.search(r"\b[a-z_]+\.[a-z_]+\b(?!\.)", body.replace(".or.id", "")), text
    # the demo gives the test something to catch: actions, several document kinds
    assert {"request.create", "document.add"} <= seen_codes and {"letter", "list"} <= seen_codes


def _actions_written_by_core() -> set[str]:
    """Every literal audit action code core writes (`_audit("x.y", ...)`, `audit.record(actor, "x.y", ...)`)."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'_audit\(\s*"([a-z_]+\.[a-z_]+)"', source))
        found |= set(re.findall(r'audit\.record\(\s*[\w.]+,\s*"([a-z_]+\.[a-z_]+)"', source))
    return found


def test_every_audit_action_core_writes_has_an_indonesian_label():
    written = _actions_written_by_core()
    assert {"request.create", "document.add", "completion.write", "lsp.add"} <= written  # the scan sees them
    assert sorted(a for a in written if labels.audit_action(a) == a) == []


@pytest.mark.parametrize("code, label", [
    ("request.create", "Dicatat"),
    ("request.verified", "Status diubah"),
    ("request.cancelled", "Status diubah"),
    ("document.add", "Dokumen ditambahkan"),
    ("completion.write", "Permintaan kelengkapan ditulis"),
    ("request.unknown_thing", "request.unknown_thing"),  # an unknown code is shown, not hidden
])
def test_audit_action_labels(code, label):
    assert labels.audit_action(code) == label


@pytest.mark.parametrize("kind, label", [
    ("letter", "Surat permohonan"), ("minutes", "Berita acara asesmen"), ("decision", "Keputusan sertifikasi"),
    ("list", "Daftar peserta"), ("email", "E-mail"), ("other", "Lainnya"), ("completion", "Permintaan kelengkapan"),
])
def test_document_kind_labels_use_the_window_words(kind, label):
    assert labels.document_kind(kind) == label
