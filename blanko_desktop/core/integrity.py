"""Tamper evidence beyond the hash chain: workstation keys (HMAC), anchors kept outside the file, and replay.

The hash chain alone shows an edited middle entry, but anyone who can write the file can cut its tail or
rewrite an entry and recompute every hash after it. Three things close that:

- **Keys.** Each installation has its own secret key, kept outside the database (the system keyring where
  one is usable, else a file only the user can read in the config folder). Every entry it writes carries
  HMAC(key, database id | entry number | entry hash). A workstation verifies the entries it signed; by the
  chain, its last own entry vouches for every entry before it. Entries signed elsewhere are counted, not
  judged: their key is on another workstation, whose own `check` verifies them.
- **Anchors.** After each committed write the workstation keeps the chain's head (entry number + hash) in a
  small file per database in its config folder; every backup carries the head in its manifest. A chain
  shorter than, or different at, a known anchor is reported.
- **Replay.** The tables must say what the audit log says: each request equals its latest audited snapshot,
  each document, finding and stock movement has the event that created it (and that event its row).

Stock movements are audited with entity "stock_movement", entity id = the row id and `after` =
`movement_snapshot(row)`: the stock module records that when it writes a ledger line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from blanko_desktop import paths

log = logging.getLogger(__name__)

KEYRING_SERVICE = "blanko-desktop"
KEYRING_USER = "audit-key"
KEY_FILE = "kunci-audit.key"
ANCHOR_DIR = "jangkar-audit"
MAX_SIGNATURE_PROBLEMS = 20
KEY_STORE_ENV = "BLANKO_KEY_STORE"  # "file" keeps the key in the config folder even where a keyring exists
_KEYS: dict[str, tuple[bytes, str]] = {}  # config folder -> (key, where it is kept)
_WRITTEN: dict[Path, tuple[int, str]] = {}  # anchor file -> head last written by this process


# -- the workstation key ------------------------------------------------------------------------------

def key_id(key: bytes) -> str:
    """A short public name for a key (stored with each entry it signs)."""
    return hashlib.sha256(b"blanko-audit-key-id:" + key).hexdigest()[:16]


def _keyring():
    """The keyring module when it has a real backend; None otherwise (CI, headless Linux)."""
    if os.environ.get(KEY_STORE_ENV, "").lower() == "file":
        return None
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception:  # not installed, or no D-Bus/credential service: the file store serves
        return None
    if getattr(backend, "priority", 0) <= 0:  # keyring's fail/null backends have no priority
        return None
    return keyring


def _key_from_keyring(ring) -> bytes | None:
    try:
        stored = ring.get_password(KEYRING_SERVICE, KEYRING_USER)
        if not stored:
            ring.set_password(KEYRING_SERVICE, KEYRING_USER, secrets.token_hex(32))
            # re-read: a second process that raced us to create it may have won; both then use its key
            stored = ring.get_password(KEYRING_SERVICE, KEYRING_USER)
        return bytes.fromhex(stored) if stored else None
    except Exception as exc:  # a locked or broken keyring must not stop the office: fall back to the file
        log.warning("keyring unusable, audit key kept in a file: %s", exc)
        return None


def _key_from_file(folder: Path) -> bytes:
    target = folder / KEY_FILE
    try:
        return bytes.fromhex(target.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    except ValueError as exc:
        from blanko_desktop.core.errors import StorageError
        raise StorageError(f"Kunci audit workstation ini ({target}) rusak; perubahan tidak disimpan. "
                           "Hubungi pengelola aplikasi.") from exc
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")  # mkstemp creates it readable by the user only
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            # never replace an existing key: a process that raced us keeps its key, we read it back
            if os.name == "nt":
                os.rename(tmp, target)
            else:
                os.link(tmp, target)
        except FileExistsError:
            pass
    finally:
        Path(tmp).unlink(missing_ok=True)
    return bytes.fromhex(target.read_text(encoding="ascii").strip())


def workstation_key() -> tuple[bytes, str]:
    """This installation's audit key (created on first use) and where it is kept."""
    folder = paths.config_dir()
    cached = _KEYS.get(str(folder))
    if cached:
        return cached
    # a key already kept in the file stays the key (an installation from before the keyring was at hand)
    ring = _keyring() if not (folder / KEY_FILE).is_file() else None
    key = _key_from_keyring(ring) if ring is not None else None
    found = (key, "keyring") if key else (_key_from_file(folder), str(folder / KEY_FILE))
    _KEYS[str(folder)] = found
    return found


def mac(key: bytes, database_id: str, entry: int, digest: str) -> str:
    return hmac.new(key, f"{database_id}|{entry}|{digest}".encode("ascii"), hashlib.sha256).hexdigest()


def sign(database_id: str, entry: int, digest: str) -> tuple[str, str]:
    """The MAC of one audit entry by this workstation, and the key's id."""
    key, _ = workstation_key()
    return mac(key, database_id, entry, digest), key_id(key)


# -- database identity and head -----------------------------------------------------------------------

def database_id(execute) -> str | None:
    """The identity of the open database (None when its identity row is gone)."""
    try:
        row = execute("SELECT id FROM database_identity LIMIT 1").fetchone()
    except Exception:  # the table itself dropped
        return None
    return row[0] if row else None


@dataclass(frozen=True)
class Head:
    """The chain's latest entry: what anchors, backups and the monthly report keep."""

    database_id: str
    entry: int
    hash: str
    at: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"database_id": self.database_id, "entry": self.entry, "hash": self.hash, "at": self.at}


def _head(execute) -> Head:
    row = execute("SELECT id, hash, at FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return Head(database_id(execute) or "", *(row if row else (0, "", "")))


def head(storage) -> Head:
    """The head of the chain, for the monthly report: print it, and the next report can be checked against it."""
    return _head(storage.db.execute_sql)


# -- anchors kept by this workstation -----------------------------------------------------------------

def anchor_dir() -> Path:
    return paths.config_dir() / ANCHOR_DIR


def _anchor_file(db_id: str, db_path: Path | str) -> Path:
    where = hashlib.sha256(_resolved(db_path).encode("utf-8")).hexdigest()[:8]
    return anchor_dir() / f"{db_id}-{where}.json"


_RESOLVED: dict[str, str] = {}


def _resolved(db_path: Path | str) -> str:
    # resolving walks the path on disk (slow on a network drive): once per file and process
    key = str(db_path)
    if key not in _RESOLVED:
        # a server's address is its own name
        _RESOLVED[key] = key if key.startswith("postgresql://") else str(Path(db_path).resolve())
    return _RESOLVED[key]


def _write_json(target: Path, data: dict[str, Any]) -> None:
    # a temporary name per process and thread (cheaper than mkstemp on every write), then an atomic rename
    tmp = target.with_name(f".{target.stem}-{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        try:
            fh = open(tmp, "w", encoding="utf-8")
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            fh = open(tmp, "w", encoding="utf-8")
        with fh:
            fh.write(json.dumps(data, ensure_ascii=False))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("entry"), int) else None


def note_commit(storage) -> None:
    """Keep the head after a committed write (called by Storage.write; a few microseconds when unchanged).

    No fsync: a lost update leaves an older anchor, which is still true, only less recent.
    """
    try:
        now = _head(storage.db.execute_sql)
        if not now.database_id or not now.entry:
            return
        target = _anchor_file(now.database_id, storage.location)
        if _WRITTEN.get(target) == (now.entry, now.hash):
            return
        known = _read_json(target) if target not in _WRITTEN else None
        if known and known["entry"] > now.entry:
            return  # another process of this workstation already anchored a later head
        _write_json(target, {**now.as_dict(), "path": _resolved(storage.location),
                             "kept_at": datetime.now().astimezone().isoformat(timespec="seconds")})
        _WRITTEN[target] = (now.entry, now.hash)
    except Exception as exc:  # the write is committed: a missing anchor must not make it look failed
        log.warning("audit anchor not kept: %s", exc)


def _anchors(db_id: str) -> list[tuple[str, dict[str, Any]]]:
    folder = anchor_dir()
    found = []
    for path in sorted(folder.glob(f"{db_id}-*.json")) if folder.is_dir() else []:
        data = _read_json(path)
        if data and data.get("database_id") == db_id:
            found.append((f"jangkar workstation ini ({data.get('path', path.name)})", data))
    return found


def _anchors_of_other_ids(db_id: str, db_path: Path | str) -> list[dict[str, Any]]:
    folder, here = anchor_dir(), _resolved(db_path)
    if not folder.is_dir():
        return []
    return [d for p in sorted(folder.glob("*.json"))
            if (d := _read_json(p)) and d.get("path") == here and d.get("database_id") != db_id]


# -- backups ------------------------------------------------------------------------------------------

def manifest_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".manifest.json")


def write_manifest(copy_path: Path, files: int) -> tuple[Path, Head]:
    """The backup's manifest beside its copy: the copy's chain head (signed here), its hash, the file count."""
    import sqlite3

    from blanko_desktop.core.storage import sha256_file

    conn = sqlite3.connect(copy_path)
    try:
        now = _head(conn.execute)
    finally:
        conn.close()
    signature, kid = sign(now.database_id, now.entry, now.hash)
    target = manifest_path(copy_path)
    _write_json(target, {**now.as_dict(), "mac": signature, "mac_key": kid, "files": files,
                         "database_sha256": sha256_file(copy_path),
                         "made_at": datetime.now().astimezone().isoformat(timespec="seconds")})
    return target, now


# -- check ---------------------------------------------------------------------------------------------

def _short(text: str) -> str:
    return (text or "")[:12] + "…"


def _check_anchor(hashes: dict[int, str], last: int, where: str, anchor: dict[str, Any],
                  is_file: bool = True) -> list[str]:
    entry, expected = anchor["entry"], anchor.get("hash", "")
    when = anchor.get("at", "")[:19].replace("T", " ")
    if entry not in hashes:
        replaced = "berkas ini diganti salinan lama" if is_file else "basis data ini dipulihkan dari salinan lama"
        return [f"Jejak audit lebih pendek dari {where}: entri {entry} (hash {_short(expected)}, {when} UTC) "
                f"tidak ada, entri terakhir sekarang {last}. Ekor jejak audit dipotong atau dikosongkan, atau "
                f"{replaced}"]
    if hashes[entry] != expected:
        return [f"Jejak audit berbeda dari {where}: entri {entry} kini ber-hash {_short(hashes[entry])}, tercatat "
                f"{_short(expected)} ({when} UTC). Riwayat sampai entri itu ditulis ulang"]
    return []


def check(storage, checked: dict[str, int]) -> list[str]:
    """Everything beyond the plain chain: identity, signatures, anchors, replay of the log against tables."""
    execute = storage.db.execute_sql
    problems: list[str] = []
    db_id = database_id(execute)
    if db_id is None:
        problems.append("Identitas basis data hilang (tabel database_identity kosong atau dihapus): "
                        "tanda tangan dan jangkar jejak audit tidak dapat dicocokkan")
        db_id = ""
    # a server database is named by its address: the same address now holding another database
    place, replaced = ("Berkas", "berkasnya") if storage.is_file else ("Alamat server", "basis datanya")
    for other in _anchors_of_other_ids(db_id, storage.location):
        problems.append(f"{place} {other['path']} dulu basis data {other['database_id']} (sampai entri "
                        f"{other['entry']}), kini {db_id or 'tanpa identitas'}: {replaced} diganti atau "
                        "identitasnya diubah")
    rows = execute("SELECT id, hash, mac, mac_key FROM audit_event ORDER BY id").fetchall()
    problems += _check_signatures(execute, db_id, rows, checked)
    hashes = {r[0]: r[1] for r in rows}
    last = rows[-1][0] if rows else 0
    anchors = _anchors(db_id) if db_id else []
    manifest = _read_json(manifest_path(storage.path)) if storage.is_file else None
    if manifest and manifest.get("database_id") == db_id:
        anchors.append((f"manifes cadangan {manifest_path(storage.path).name}", manifest))
    for where, anchor in anchors:
        problems += _check_anchor(hashes, last, where, anchor, storage.is_file)
    checked["audit_anchors"] = len(anchors)
    from blanko_desktop.core import replay
    problems += replay.check(execute, checked)
    return problems


def _check_signatures(execute, db_id: str, rows: list[tuple], checked: dict[str, int]) -> list[str]:
    key, _ = workstation_key()
    own = key_id(key)
    try:
        unsigned_until = execute("SELECT unsigned_until FROM database_identity LIMIT 1").fetchone()[0]
    except Exception:
        unsigned_until = 0
    problems: list[str] = []
    counts = {"here": 0, "elsewhere": 0, "old": 0}
    last_own = 0
    for position, (entry, digest, signature, kid) in enumerate(rows, 1):
        if not signature:
            if entry > unsigned_until:
                problems.append(f"Entri audit {entry} tidak bertanda tangan workstation mana pun: ditulis di luar "
                                "aplikasi")
            counts["old"] += 1
        elif kid == own:
            if hmac.compare_digest(signature, mac(key, db_id, entry, digest)):
                counts["here"] += 1
                last_own = position
            else:
                problems.append(f"Tanda tangan entri audit {entry} (ditulis workstation ini) tidak cocok: entri "
                                "itu atau yang sebelumnya ditulis ulang")
        else:
            counts["elsewhere"] += 1
    if len(problems) > MAX_SIGNATURE_PROBLEMS:  # a wholesale rewrite: its first entries and a count
        problems[MAX_SIGNATURE_PROBLEMS:] = [f"... dan {len(problems) - MAX_SIGNATURE_PROBLEMS} entri audit lain "
                                             "dengan tanda tangan tidak cocok atau kosong"]
    checked["audit_signed_here"] = counts["here"]
    checked["audit_signed_elsewhere"] = counts["elsewhere"]  # their keys are on the workstations that wrote them
    checked["audit_unsigned_old"] = counts["old"]
    # the chain makes the last own entry vouch for all before it; after it only other workstations can judge
    checked["audit_after_last_own"] = len(rows) - last_own
    return problems
