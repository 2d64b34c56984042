"""Replay of the audit log against the tables: a row the log does not explain was written around the app."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

MAX_PER_KIND = 50  # a wholesale tampering is reported by its first rows and a count, not 100,000 lines

REQUEST_COLUMNS = ("lsp_id", "kind", "state", "letter_number", "letter_date", "sender", "subject", "received_at",
                   "due_at", "clock_running", "clock_started_at", "requested_qty", "competent_qty", "not_yet_qty",
                   "approved_qty", "cancel_reason", "note", "version")
REQUEST_TIMES = frozenset({"received_at", "due_at", "clock_started_at"})
LABELS = {
    "lsp_id": "LSP", "kind": "jenis", "state": "status", "letter_number": "nomor surat", "letter_date": "tanggal surat",
    "sender": "pengirim", "subject": "perihal", "received_at": "waktu diterima", "due_at": "tenggat",
    "clock_running": "jam SLA berjalan", "clock_started_at": "jam SLA mulai", "requested_qty": "jumlah diminta",
    "competent_qty": "jumlah kompeten", "not_yet_qty": "jumlah belum kompeten", "approved_qty": "jumlah disetujui",
    "cancel_reason": "alasan batal", "note": "catatan", "version": "versi",
    "original_name": "nama", "sha256": "sha256", "request_id": "permohonan",
    "prefix": "awalan", "first_no": "nomor awal", "last_no": "nomor akhir", "quantity": "jumlah",
    "parcel_id": "paket", "reverses_id": "membalik mutasi",
}
MOVEMENT_COLUMNS = ("kind", "prefix", "first_no", "last_no", "quantity", "request_id", "parcel_id", "reverses_id",
                    "from_place", "to_place", "lsp_id")
DOCUMENT_EVENT_KEYS = {"name": "original_name", "kind": "kind", "sha256": "sha256"}

# The events that create a document row, with the kind the row gets when the event does not carry one.
DOCUMENT_CREATED_BY: dict[str, str | None] = {
    "document.add": None,
    "completion.write": "completion",
    "approval.scan": "approval_scan",
    "shipping.receipt": None,  # a returned receipt scan (receipt_courier / receipt_lsp) or the e-mail it came in
    "shipping.notice": "notice",
}


def movement_snapshot(row) -> dict[str, Any]:
    """What the audit event of a stock movement carries (after=...), so that replay can match its row."""
    return {c: getattr(row, c) for c in MOVEMENT_COLUMNS}


def _instant(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _same(column: str, table: Any, audited: Any) -> bool:
    if column in REQUEST_TIMES:
        return _instant(table) == _instant(audited)
    if column == "clock_running":
        return bool(table) == bool(audited)
    return table == audited or (table is not None and audited is not None and str(table) == str(audited))


def _shown(value: Any) -> str:
    if isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value[:12] + "…"  # a sha256
    return "kosong" if value in (None, "") else repr(value)


def _differences(row: dict[str, Any], audited: dict[str, Any]) -> list[str]:
    return [f"{LABELS.get(c, c)} {_shown(row[c])} (jejak audit: {_shown(audited[c])})"
            for c in row if c in audited and not _same(c, row[c], audited[c])]


class _Log:
    """What the audit log says each row should be."""

    def __init__(self):
        self.requests: dict[int, tuple[int, dict[str, Any]]] = {}   # id -> (entry, latest snapshot)
        self.bulk: list[tuple[int, int, int]] = []                  # (first id, last id, entry)
        self.documents: dict[int, tuple[int, dict[str, Any]]] = {}
        self.findings: dict[int, int] = {}
        self.movements: dict[int, tuple[int, dict[str, Any]]] = {}

    def read(self, execute) -> "_Log":
        cursor = execute("SELECT id, action, entity, entity_id, after FROM audit_event ORDER BY id")
        for entry, action, entity, entity_id, after in cursor:
            after = json.loads(after) if after else None
            if entity == "request":
                self._request_event(entry, action, entity_id, after)
            elif entity == "stock_movement" and entity_id.isdigit() and isinstance(after, dict):
                self.movements[int(entity_id)] = (entry, after)
        return self

    def _request_event(self, entry: int, action: str, entity_id: str, after: Any) -> None:
        if not isinstance(after, dict):
            return
        if action == "demo.bulk_insert":
            if after.get("first_id") is not None:
                self.bulk.append((after["first_id"], after["last_id"], entry))
            return
        if not entity_id.isdigit():
            return
        rid = int(entity_id)
        if action == "request.due_recomputed":
            if rid in self.requests:  # only the due time moves (no version bump)
                self.requests[rid] = (entry, {**self.requests[rid][1], "due_at": after.get("due_at")})
        elif action.startswith("request.") and "state" in after:
            self.requests[rid] = (entry, {k: v for k, v in after.items() if k != "reason"})
        elif action in DOCUMENT_CREATED_BY and "document" in after:
            data = {col: after[key] for key, col in DOCUMENT_EVENT_KEYS.items() if key in after}
            if DOCUMENT_CREATED_BY[action]:
                data["kind"] = DOCUMENT_CREATED_BY[action]
            self.documents[after["document"]] = (entry, {**data, "request_id": rid})
        elif action == "document.kind" and after.get("document") in self.documents:
            did = after["document"]
            self.documents[did] = (entry, {**self.documents[did][1], "kind": after.get("kind")})
        elif action == "finding.accept" and "finding" in after:
            self.findings[after["finding"]] = entry

    def in_bulk(self, rid: int) -> bool:
        return any(first <= rid <= last for first, last, _ in self.bulk)


class _Problems:
    def __init__(self):
        self.by_kind: dict[str, list[str]] = defaultdict(list)

    def add(self, kind: str, text: str) -> None:
        self.by_kind[kind].append(text)

    def lines(self) -> list[str]:
        out = []
        for kind, texts in self.by_kind.items():
            out += texts[:MAX_PER_KIND]
            if len(texts) > MAX_PER_KIND:
                out.append(f"... dan {len(texts) - MAX_PER_KIND} masalah {kind} lain yang sejenis")
        return out


def check(execute, checked: dict[str, int]) -> list[str]:
    """Every request, document, accepted finding and stock movement against its audited events."""
    log = _Log().read(execute)
    problems = _Problems()
    _requests(execute, log, problems, checked)
    _documents(execute, log, problems, checked)
    _findings(execute, log, problems, checked)
    _movements(execute, log, problems, checked)
    return problems.lines()


def _requests(execute, log: _Log, problems: _Problems, checked: dict[str, int]) -> None:
    seen = set()
    unsnapshotted = 0
    for values in execute(f"SELECT id, {', '.join(REQUEST_COLUMNS)} FROM request ORDER BY id"):
        rid, row = values[0], dict(zip(REQUEST_COLUMNS, values[1:]))
        seen.add(rid)
        if rid not in log.requests:
            if log.in_bulk(rid):
                unsnapshotted += 1  # demo bulk rows: their event names the range, not each row's values
            else:
                problems.add("permohonan", f"Permohonan #{rid} ada di tabel request tetapi tidak ada di jejak "
                                           "audit: baris disisipkan di luar aplikasi")
            continue
        entry, audited = log.requests[rid]
        diffs = _differences(row, audited)
        if diffs:
            problems.add("permohonan", f"Permohonan #{rid} di tabel request berbeda dari jejak audit (entri "
                                       f"{entry}): " + ", ".join(diffs) + "; baris diubah di luar aplikasi")
    for rid in sorted(set(log.requests) - seen):
        problems.add("permohonan", f"Permohonan #{rid} tercatat di jejak audit (entri {log.requests[rid][0]}) "
                                   "tetapi barisnya tidak ada di tabel request: dihapus di luar aplikasi")
    for first, last, entry in log.bulk:
        gone = sum(1 for rid in range(first, last + 1) if rid not in seen)
        if gone:
            problems.add("permohonan", f"{gone} permohonan dari isian demo #{first}–#{last} (entri {entry}) tidak "
                                       "ada lagi di tabel request: dihapus di luar aplikasi")
    checked["replayed_requests"] = len(seen)
    if unsnapshotted:
        checked["requests_bulk_demo"] = unsnapshotted


def _documents(execute, log: _Log, problems: _Problems, checked: dict[str, int]) -> None:
    seen = set()
    for did, request_id, name, kind, sha in execute(
            "SELECT id, request_id, original_name, kind, sha256 FROM document ORDER BY id"):
        seen.add(did)
        row = {"request_id": request_id, "original_name": name, "kind": kind, "sha256": sha}
        if did not in log.documents:
            problems.add("dokumen", f"Dokumen #{did} ({name}, sha256 {sha[:12]}…) ada di tabel document tetapi "
                                    "tidak tercatat di jejak audit: disisipkan di luar aplikasi")
            continue
        entry, audited = log.documents[did]
        diffs = _differences(row, audited)
        if diffs:
            problems.add("dokumen", f"Dokumen #{did} di tabel document berbeda dari jejak audit (entri {entry}): "
                                    + ", ".join(diffs) + "; baris diubah di luar aplikasi")
    for did in sorted(set(log.documents) - seen):
        entry, audited = log.documents[did]
        what = ", ".join(f"{LABELS.get(k, k)} {_shown(v)}" for k, v in audited.items())
        problems.add("dokumen", f"Dokumen #{did} tercatat di jejak audit (entri {entry}: {what}) tetapi barisnya "
                                "tidak ada di tabel document: dihapus di luar aplikasi")
    checked["replayed_documents"] = len(seen)


def _findings(execute, log: _Log, problems: _Problems, checked: dict[str, int]) -> None:
    seen = {r[0] for r in execute("SELECT id FROM finding WHERE accepted = 1")}
    for fid in sorted(seen - set(log.findings)):
        problems.add("temuan", f"Temuan diterima #{fid} ada di tabel finding tetapi tidak tercatat di jejak audit: "
                               "disisipkan di luar aplikasi")
    for fid in sorted(set(log.findings) - seen):
        problems.add("temuan", f"Temuan diterima #{fid} tercatat di jejak audit (entri {log.findings[fid]}) "
                               "tetapi barisnya tidak ada di tabel finding: dihapus di luar aplikasi")
    checked["replayed_findings"] = len(seen)


def _movements(execute, log: _Log, problems: _Problems, checked: dict[str, int]) -> None:
    seen = set()
    for values in execute(f"SELECT id, {', '.join(MOVEMENT_COLUMNS)} FROM stock_movement ORDER BY id"):
        mid, row = values[0], dict(zip(MOVEMENT_COLUMNS, values[1:]))
        seen.add(mid)
        if mid not in log.movements:
            problems.add("mutasi stok", f"Mutasi stok #{mid} ({row['kind']} {row['prefix']}{row['first_no']}–"
                                        f"{row['prefix']}{row['last_no']}, {row['quantity']} lembar) ada di tabel "
                                        "stock_movement tetapi tidak tercatat di jejak audit: disisipkan di luar "
                                        "aplikasi")
            continue
        entry, audited = log.movements[mid]
        diffs = _differences(row, audited)
        if diffs:
            problems.add("mutasi stok", f"Mutasi stok #{mid} di tabel stock_movement berbeda dari jejak audit "
                                        f"(entri {entry}): " + ", ".join(diffs) + "; baris diubah di luar aplikasi")
    for mid in sorted(set(log.movements) - seen):
        problems.add("mutasi stok", f"Mutasi stok #{mid} tercatat di jejak audit (entri {log.movements[mid][0]}) "
                                    "tetapi barisnya tidak ada di tabel stock_movement: dihapus di luar aplikasi")
    checked["replayed_movements"] = len(seen)


def audited_files(execute) -> set[str]:
    """Every stored file the audit log names (a repair must not move aside the file of a deleted row)."""
    log = _Log().read(execute)
    return {d["sha256"] for _, d in log.documents.values() if d.get("sha256")}
