"""The officer reads the same on either engine: every read command's text over the demo database, filled on a file
and on a server with the same seed and the same clock, differs only in where the database is."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from .conftest import InProcessCli, clock_at, demo_source_on

# what the officer reads, with {state} standing for the first demo request in that state
READS = [
    ("list", "--limit", "0"),
    ("list", "--overdue", "--limit", "0"),
    ("list", "--state", "Selesai", "--state", "cancelled"),
    ("list", "--search", "lsp"),
    ("lsp", "list"),
    ("calendar", "closures"),
    ("settings",),
    ("calendar", "pickups", "--count", "6"),
    ("signatory", "list"),
    ("stock", "balance"),
    ("stock", "ledger", "--limit", "500"),
    ("stock", "issued"),
    ("ship", "list"),
    ("ship", "pickups"),
    ("today",),
    ("printed",),
    ("check",),
]
PER_STATE = [("show", "{id}"), ("checklist", "{id}")]
# The demo's files carry the wall clock inside them (reportlab's creation date and document id, the xlsx zip's
# times, an e-mail's Message-ID), so two fills store other bytes under the same rows: their hashes and sizes are
# left out of the comparison; everything else the officer reads is compared.
FILE_BYTES = [
    (re.compile(r"\d+ bita  [0-9a-f]{12}"), "<berkas>"),  # show's document lines
    (re.compile(r'"[0-9a-f]{64}"'), '"<sha256>"'),
    (re.compile(r'"size": \d+'), '"size": 0'),
    (re.compile(r'\\"sha256\\": \\"[0-9a-f]{64}\\"'), "<sha256>"),  # inside the audit's JSON text
    (re.compile(r'\\"size\\": \d+'), "<size>"),
]


def _alike(text: str, location: str) -> str:
    text = text.replace(location, "<basis data>")
    for pattern, mask in FILE_BYTES:
        text = pattern.sub(mask, text)
    return text


def _reads(by_state: dict[str, list]) -> list[tuple[str, ...]]:
    reads = list(READS)
    for state, ids in sorted(by_state.items()):
        if state != "closure":
            reads += [tuple(a.format(id=ids[0]) for a in args) for args in PER_STATE]
    return reads


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_every_read_command_says_the_same_on_a_file_and_on_a_server(request, tmp_path, as_json):
    sources = {engine: demo_source_on(request, engine) for engine in ("sqlite", "postgresql")}
    assert sources["sqlite"].by_state == sources["postgresql"].by_state
    cli = InProcessCli(tmp_path)
    moment = request.getfixturevalue("_sources")["clock"] + timedelta(minutes=30)
    seen: dict[str, dict[tuple[str, ...], str]] = {}
    for engine, source in sources.items():
        seen[engine] = {}
        for args in _reads(source.by_state):
            with clock_at(moment):  # "overdue", "today" and "in 3 hours" read at one moment on both
                result = cli(*args, *(("--json",) if as_json else ()), db=source.target, expect=None)
            assert result.rc == 0, str(result)
            seen[engine][args] = _alike(result.out, str(source.target))
    differ = [args for args in seen["sqlite"] if seen["sqlite"][args] != seen["postgresql"][args]]
    assert not differ, f"{len(differ)} differ: {[' '.join(a) for a in differ]}\n\n" + "\n\n".join(
        f"blanko {' '.join(args)}\n--- sqlite:\n{seen['sqlite'][args]}\n--- postgresql:\n{seen['postgresql'][args]}"
        for args in differ[:3])
