"""Ordered schema migration steps, tracked by PRAGMA user_version (a file) or the blanko_schema table (a
PostgreSQL server); each step is frozen SQL, written for SQLite and, where PostgreSQL differs, for the server.

A step never changes once released: a later change is a new step. Every step has its own test in
tests/migrations, run on both engines (a meta-test fails when one is missing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    version: int
    name: str
    statements: tuple[str, ...]
    # Statements that must succeed for the step to apply. When one fails (this SQLite lacks what the step
    # needs) the step is skipped, the version still counts it, and the feature it serves falls back.
    probe: tuple[str, ...] = ()
    # The step on a PostgreSQL server, where its SQL differs (None: the same statements on both engines).
    server: tuple[str, ...] | None = None
    server_probe: tuple[str, ...] | None = None

    def for_engine(self, engine: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(probe, statements) of this step on `engine` ('sqlite' or 'postgresql')."""
        if engine == "postgresql":
            return (self.probe if self.server_probe is None else self.server_probe,
                    tuple(_bytewise(sql) for sql in (self.statements if self.server is None else self.server)))
        return self.probe, self.statements


# Text on the server behaves as on SQLite: it compares and sorts byte by byte (SQLite's BINARY; the server
# would follow the database's language setting, en_US putting 'lsp b' before 'LSP C'), so every text column
# gets the "C" collation; and a declared length is not a limit (SQLite keeps a 300-character e-mail subject in
# a VARCHAR(255)), so the server's text columns are TEXT. The officer sees the same on either engine, whatever
# locale the server database was made with.
_TEXT_COLUMN = re.compile(r'("\w+" )(?:VARCHAR\(\d+\)|TEXT)(?=[ ,)]|$)')


def _bytewise(sql: str) -> str:
    if not sql.lstrip().upper().startswith(("CREATE TABLE", "ALTER TABLE")):
        return sql
    return _TEXT_COLUMN.sub(lambda m: f'{m.group(1)}TEXT COLLATE "C"', sql)


# The schema as first released (generated once from models.py, then frozen).
_M0001 = (
    '''CREATE TABLE "lsp" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "licence_no" VARCHAR(255) NOT NULL, "address" TEXT NOT NULL, "city" VARCHAR(255) NOT NULL, "postal_code" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "contact_person" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "created_at" TEXT NOT NULL)''',
    '''CREATE UNIQUE INDEX "lsp_name" ON "lsp" ("name")''',
    '''CREATE TABLE "request" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "lsp_id" INTEGER, "kind" VARCHAR(255) NOT NULL, "state" VARCHAR(255) NOT NULL, "letter_number" VARCHAR(255) NOT NULL, "letter_date" DATE, "sender" VARCHAR(255) NOT NULL, "subject" VARCHAR(255) NOT NULL, "received_at" TEXT NOT NULL, "due_at" TEXT, "clock_running" INTEGER NOT NULL, "requested_qty" INTEGER, "competent_qty" INTEGER, "not_yet_qty" INTEGER, "approved_qty" INTEGER, "cancel_reason" TEXT NOT NULL, "note" TEXT NOT NULL, "created_at" TEXT NOT NULL, FOREIGN KEY ("lsp_id") REFERENCES "lsp" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "request_lsp_id" ON "request" ("lsp_id")''',
    '''CREATE INDEX "request_state" ON "request" ("state")''',
    '''CREATE TABLE "signatory" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "nip" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL)''',
    '''CREATE TABLE "approval" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "signatory_id" INTEGER, "approved_qty" INTEGER NOT NULL, "approved_at" TEXT NOT NULL, "recorded_by" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("signatory_id") REFERENCES "signatory" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "approval_request_id" ON "approval" ("request_id")''',
    '''CREATE INDEX "approval_signatory_id" ON "approval" ("signatory_id")''',
    '''CREATE TABLE "audit_event" ("id" INTEGER NOT NULL PRIMARY KEY, "at" TEXT NOT NULL, "os_user" VARCHAR(255) NOT NULL, "officer" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT NULL, "entity" VARCHAR(255) NOT NULL, "entity_id" VARCHAR(255) NOT NULL, "before" TEXT, "after" TEXT, "prev_hash" VARCHAR(64) NOT NULL, "hash" VARCHAR(64) NOT NULL)''',
    '''CREATE UNIQUE INDEX "audit_event_hash" ON "audit_event" ("hash")''',
    '''CREATE TABLE "closure" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "kind" VARCHAR(255) NOT NULL, "note" VARCHAR(255) NOT NULL, "created_by" VARCHAR(255) NOT NULL)''',
    '''CREATE UNIQUE INDEX "closure_day" ON "closure" ("day")''',
    '''CREATE TABLE "courier_pickup" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "day" DATE NOT NULL, "courier" VARCHAR(255) NOT NULL, "handed_at" TEXT, "manifest_sha256" VARCHAR(255) NOT NULL)''',
    '''CREATE INDEX "courier_pickup_day" ON "courier_pickup" ("day")''',
    '''CREATE TABLE "document" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "original_name" VARCHAR(255) NOT NULL, "sha256" VARCHAR(64) NOT NULL, "size" INTEGER NOT NULL, "media_type" VARCHAR(255) NOT NULL, "source" VARCHAR(255) NOT NULL, "parent_id" INTEGER, "received_at" TEXT NOT NULL, "added_at" TEXT NOT NULL, "added_by" VARCHAR(255) NOT NULL, "analysis" TEXT, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("parent_id") REFERENCES "document" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "document_request_id" ON "document" ("request_id")''',
    '''CREATE INDEX "document_sha256" ON "document" ("sha256")''',
    '''CREATE INDEX "document_parent_id" ON "document" ("parent_id")''',
    '''CREATE TABLE "finding" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "document_id" INTEGER, "item" VARCHAR(255) NOT NULL, "sheet" VARCHAR(255), "row" INTEGER, "severity" VARCHAR(255) NOT NULL, "message" TEXT NOT NULL, "accepted" INTEGER NOT NULL, "accepted_note" TEXT NOT NULL, "accepted_by" VARCHAR(255) NOT NULL, "accepted_at" TEXT, "created_at" TEXT NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "finding_request_id" ON "finding" ("request_id")''',
    '''CREATE INDEX "finding_document_id" ON "finding" ("document_id")''',
    '''CREATE TABLE "lsp_address" ("id" INTEGER NOT NULL PRIMARY KEY, "lsp_id" INTEGER NOT NULL, "value" VARCHAR(255) NOT NULL, "is_domain" INTEGER NOT NULL, FOREIGN KEY ("lsp_id") REFERENCES "lsp" ("id") ON DELETE CASCADE)''',
    '''CREATE INDEX "lsp_address_lsp_id" ON "lsp_address" ("lsp_id")''',
    '''CREATE UNIQUE INDEX "lsp_address_value" ON "lsp_address" ("value")''',
    '''CREATE TABLE "parcel" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "request_id" INTEGER NOT NULL, "pickup_id" INTEGER, "tracking_no" VARCHAR(255) NOT NULL, "address" TEXT NOT NULL, "packed_at" TEXT, "courier_receipt_at" TEXT, "lsp_receipt_at" TEXT, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pickup_id") REFERENCES "courier_pickup" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "parcel_request_id" ON "parcel" ("request_id")''',
    '''CREATE INDEX "parcel_pickup_id" ON "parcel" ("pickup_id")''',
    '''CREATE TABLE "printed_form" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER, "form" VARCHAR(255) NOT NULL, "sha256" VARCHAR(64) NOT NULL, "printer" VARCHAR(255) NOT NULL, "printed_at" TEXT NOT NULL, "printed_by" VARCHAR(255) NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "printed_form_request_id" ON "printed_form" ("request_id")''',
    '''CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" TEXT NOT NULL, "updated_by" VARCHAR(255) NOT NULL, "value" TEXT)''',
    '''CREATE TABLE "stock_count" ("id" INTEGER NOT NULL PRIMARY KEY, "at" TEXT NOT NULL, "counted" INTEGER NOT NULL, "book_balance" INTEGER NOT NULL, "explanation" TEXT NOT NULL, "by" VARCHAR(255) NOT NULL)''',
    '''CREATE TABLE "stock_movement" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "prefix" VARCHAR(255) NOT NULL, "first_no" INTEGER NOT NULL, "last_no" INTEGER NOT NULL, "quantity" INTEGER NOT NULL, "request_id" INTEGER, "parcel_id" INTEGER, "reverses_id" INTEGER, "at" TEXT NOT NULL, "by" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, FOREIGN KEY ("parcel_id") REFERENCES "parcel" ("id") ON DELETE RESTRICT, FOREIGN KEY ("reverses_id") REFERENCES "stock_movement" ("id") ON DELETE RESTRICT)''',
    '''CREATE INDEX "stock_movement_request_id" ON "stock_movement" ("request_id")''',
    '''CREATE INDEX "stock_movement_parcel_id" ON "stock_movement" ("parcel_id")''',
    '''CREATE INDEX "stock_movement_reverses_id" ON "stock_movement" ("reverses_id")''',
)

# The requests table is sorted by received time and filtered by state, LSP and due time; at 100,000
# requests these need indexes to answer in milliseconds.
_M0002 = (
    'CREATE INDEX "request_received_at" ON "request" ("received_at")',
    'CREATE INDEX "request_state_received" ON "request" ("state", "received_at")',
    'CREATE INDEX "request_lsp_received" ON "request" ("lsp_id", "received_at")',
    'CREATE INDEX "request_due_at" ON "request" ("due_at")',
    'CREATE INDEX "audit_event_entity" ON "audit_event" ("entity", "entity_id")',
)

# The audit log and the stock ledger are append-only, like any security-paper register: the database
# itself refuses an UPDATE or DELETE, whatever program touches the file.
_M0003 = tuple(
    f"""CREATE TRIGGER "{table}_no_{op.lower()}" BEFORE {op} ON "{table}"
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"""
    for table in ("audit_event", "stock_movement")
    for op in ("UPDATE", "DELETE")
)

# "Overdue only" counts running clocks past their due time: a partial index holds just those rows
# (150 -> 26 ms at 100,000 requests).
_M0004 = (
    'CREATE INDEX "request_running_due" ON "request" ("due_at") WHERE "clock_running" = 1',
)

# The SLA clock restarts when the LSP completes a request; a due time recomputed after a calendar change
# must count from that restart, not from the first arrival. An accepted finding keeps the name of what it
# concerns, which is not always a stored document (a cross-check names the request letter by its label).
_M0005 = (
    'ALTER TABLE "request" ADD COLUMN "clock_started_at" TEXT',
    'UPDATE "request" SET "clock_started_at" = "received_at"',
    'ALTER TABLE "finding" ADD COLUMN "document_name" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'UPDATE "finding" SET "document_name" = COALESCE('
    '(SELECT original_name FROM document WHERE document.id = finding.document_id), \'\')',
)

# Tamper evidence beyond the chain: each entry carries a keyed hash (HMAC) by the workstation that wrote it
# (its key is not in this file), and the database gets an identity that anchors kept outside it refer to.
# Entries already there stay unsigned: `unsigned_until` says up to which entry that is expected.
_M0006 = (
    'ALTER TABLE "audit_event" ADD COLUMN "mac" VARCHAR(64) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "audit_event" ADD COLUMN "mac_key" VARCHAR(16) NOT NULL DEFAULT \'\'',
    'CREATE TABLE "database_identity" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "created_at" TEXT NOT NULL, '
    '"unsigned_until" INTEGER NOT NULL)',
    'INSERT INTO "database_identity" ("id", "created_at", "unsigned_until") VALUES (lower(hex(randomblob(16))), '
    'strftime(\'%Y-%m-%dT%H:%M:%f000+00:00\', \'now\'), (SELECT COALESCE(MAX(id), 0) FROM audit_event))',
)

# An approval can be taken back (a reversing step, the row kept with who cancelled it, when and why); a
# printed form records how many copies went to the printer and the number it carries (a receipt's TT-...).
_M0007 = (
    'ALTER TABLE "approval" ADD COLUMN "cancelled_at" TEXT',
    'ALTER TABLE "approval" ADD COLUMN "cancelled_by" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "approval" ADD COLUMN "cancel_reason" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "printed_form" ADD COLUMN "copies" INTEGER NOT NULL DEFAULT 1',
    'ALTER TABLE "printed_form" ADD COLUMN "number" VARCHAR(255) NOT NULL DEFAULT \'\'',
)

# Text search of the requests table by substring (LSP name, letter number, sender) without reading every
# row: an FTS5 trigram index, the LSP name copied in, kept in step by triggers whatever program writes.
# It only narrows the candidates; the search still applies LIKE to them, so results stay exactly LIKE's.
# detail=none keeps only which rows hold a trigram (13 instead of 31 MB at 100,000 requests): a search asks
# for all of its trigrams, no phrase, and LIKE removes the rows that hold them apart.
_SEARCH_ROW = ("COALESCE((SELECT name FROM lsp WHERE lsp.id = NEW.lsp_id), ''), "
               "NEW.letter_number, NEW.sender")
_M0008 = (
    'CREATE VIRTUAL TABLE "request_search" USING fts5(lsp_name, letter_number, sender, tokenize = \'trigram\', detail = none)',
    'INSERT INTO "request_search" (rowid, lsp_name, letter_number, sender) '
    'SELECT r.id, COALESCE(l.name, \'\'), r.letter_number, r.sender FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id',
    f"""CREATE TRIGGER "request_search_insert" AFTER INSERT ON "request" BEGIN
        INSERT INTO request_search (rowid, lsp_name, letter_number, sender) VALUES (NEW.id, {_SEARCH_ROW}); END""",
    f"""CREATE TRIGGER "request_search_update" AFTER UPDATE OF id, lsp_id, letter_number, sender ON "request"
        WHEN OLD.id IS NOT NEW.id OR OLD.lsp_id IS NOT NEW.lsp_id OR OLD.letter_number IS NOT NEW.letter_number
          OR OLD.sender IS NOT NEW.sender BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id;
        INSERT INTO request_search (rowid, lsp_name, letter_number, sender) VALUES (NEW.id, {_SEARCH_ROW}); END""",
    """CREATE TRIGGER "request_search_delete" AFTER DELETE ON "request" BEGIN
        DELETE FROM request_search WHERE rowid = OLD.id; END""",
    """CREATE TRIGGER "request_search_lsp_rename" AFTER UPDATE OF name ON "lsp" WHEN OLD.name IS NOT NEW.name BEGIN
        UPDATE request_search SET lsp_name = NEW.name WHERE rowid IN (SELECT id FROM request WHERE lsp_id = NEW.id);
        END""",
)
_FTS5_TRIGRAM = ("CREATE VIRTUAL TABLE temp.blanko_probe_trigram USING fts5(x, tokenize = 'trigram')",
                 "DROP TABLE temp.blanko_probe_trigram")

# The stock ledger in use: each line moves a range from one place to another (so a balance is a sum of
# lines), with its LSP, the printer's delivery document, the replaced serial and the stock count it settles;
# `stock_range` holds where every serial is now, so that balance, where-is and issue answer from a few rows
# instead of every line; a stock count keeps its counted ranges and differences.
_M0009 = (
    'ALTER TABLE "stock_movement" ADD COLUMN "from_place" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "stock_movement" ADD COLUMN "to_place" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "stock_movement" ADD COLUMN "lsp_id" INTEGER REFERENCES "lsp" ("id") ON DELETE RESTRICT',
    'ALTER TABLE "stock_movement" ADD COLUMN "doc_number" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "stock_movement" ADD COLUMN "doc_date" DATE',
    'ALTER TABLE "stock_movement" ADD COLUMN "replaces_prefix" VARCHAR(255)',
    'ALTER TABLE "stock_movement" ADD COLUMN "replaces_first_no" INTEGER',
    'ALTER TABLE "stock_movement" ADD COLUMN "count_id" INTEGER REFERENCES "stock_count" ("id") '
    'ON DELETE RESTRICT',
    # lines written before this step get their places from their kind (the append-only trigger steps
    # aside for this one backfill and is put back unchanged)
    'DROP TRIGGER "stock_movement_no_update"',
    """UPDATE "stock_movement" SET
        "from_place" = CASE "kind" WHEN 'issue' THEN 'available' WHEN 'spoil' THEN 'available'
                                   WHEN 'return_damaged' THEN 'issued' ELSE '' END,
        "to_place" = CASE "kind" WHEN 'receive' THEN 'available' WHEN 'issue' THEN 'issued'
                                 WHEN 'spoil' THEN 'spoiled' WHEN 'return_damaged' THEN 'returned' ELSE '' END,
        "lsp_id" = (SELECT "lsp_id" FROM "request" WHERE "request"."id" = "stock_movement"."request_id")""",
    """UPDATE "stock_movement" SET
        "from_place" = (SELECT o."to_place" FROM "stock_movement" o WHERE o."id" = "stock_movement"."reverses_id"),
        "to_place" = (SELECT o."from_place" FROM "stock_movement" o WHERE o."id" = "stock_movement"."reverses_id")
        WHERE "kind" = 'reversal' AND "reverses_id" IS NOT NULL""",
    """CREATE TRIGGER "stock_movement_no_update" BEFORE UPDATE ON "stock_movement"
        BEGIN SELECT RAISE(ABORT, 'stock_movement is append-only'); END""",
    'CREATE INDEX "stock_movement_lsp_id" ON "stock_movement" ("lsp_id")',
    'CREATE INDEX "stock_movement_count_id" ON "stock_movement" ("count_id")',
    'CREATE INDEX "stock_movement_prefix_first_no" ON "stock_movement" ("prefix", "first_no")',
    'CREATE INDEX "stock_movement_prefix_quantity" ON "stock_movement" ("prefix", "quantity")',
    'CREATE INDEX "stock_movement_at" ON "stock_movement" ("at")',
    'CREATE INDEX "stock_movement_kind_at" ON "stock_movement" ("kind", "at")',
    'CREATE INDEX "stock_movement_lsp_id_at" ON "stock_movement" ("lsp_id", "at")',
    'CREATE TABLE "stock_range" ("id" INTEGER NOT NULL PRIMARY KEY, "prefix" VARCHAR(255) NOT NULL, '
    '"first_no" INTEGER NOT NULL, "last_no" INTEGER NOT NULL, "place" VARCHAR(255) NOT NULL, '
    '"request_id" INTEGER, "lsp_id" INTEGER, '
    'FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("lsp_id") REFERENCES "lsp" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "stock_range_request_id" ON "stock_range" ("request_id")',
    'CREATE INDEX "stock_range_lsp_id" ON "stock_range" ("lsp_id")',
    'CREATE UNIQUE INDEX "stock_range_prefix_first_no" ON "stock_range" ("prefix", "first_no")',
    'CREATE INDEX "stock_range_place_prefix_first_no_last_no" ON "stock_range" '
    '("place", "prefix", "first_no", "last_no")',
    'ALTER TABLE "stock_count" ADD COLUMN "counted_ranges" TEXT',
    'ALTER TABLE "stock_count" ADD COLUMN "missing" TEXT',
    'ALTER TABLE "stock_count" ADD COLUMN "surplus" TEXT',
    'ALTER TABLE "stock_count" ADD COLUMN "settled_at" TEXT',
    'ALTER TABLE "stock_count" ADD COLUMN "settled_by" VARCHAR(255) NOT NULL DEFAULT \'\'',
)

# The same received file is stored once: a unique key on its hash, so that two officers (or two processes)
# taking in the same e-mail at once cannot both store it; the database refuses the second. Completion e-mails
# and approval scans are the secretariat's own papers, not received ones, and stay outside the key. Rows that
# already repeat a hash (stored by that race before this step) point at the first copy and stay outside too.
_M0010 = (
    'ALTER TABLE "document" ADD COLUMN "repeat_of" INTEGER',
    'UPDATE "document" SET "repeat_of" = (SELECT MIN(d.id) FROM "document" d WHERE d.sha256 = "document".sha256 '
    'AND d.kind NOT IN (\'completion\', \'approval_scan\')) '
    'WHERE "kind" NOT IN (\'completion\', \'approval_scan\') AND "id" > (SELECT MIN(d.id) FROM "document" d '
    'WHERE d.sha256 = "document".sha256 AND d.kind NOT IN (\'completion\', \'approval_scan\'))',
    'CREATE UNIQUE INDEX "document_sha256_once" ON "document" ("sha256") '
    'WHERE "repeat_of" IS NULL AND "kind" NOT IN (\'completion\', \'approval_scan\')',
)

# Shipping in use: a parcel's status with its dates (delivered, returned or lost, and what was done about it),
# the receipt packed with it, the scanned receipts that came back, and the parcel it re-sends. One tracking
# number, one parcel: numbers typed twice before this step are kept, marked with the parcel's id, so the
# unique key can stand. The shipping notice e-mail is the secretariat's own paper, outside the stored-once key.
_M0011 = (
    'ALTER TABLE "parcel" ADD COLUMN "status" VARCHAR(255) NOT NULL DEFAULT \'packed\'',
    'ALTER TABLE "parcel" ADD COLUMN "receipt_number" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "parcel" ADD COLUMN "delivered_on" DATE',
    'ALTER TABLE "parcel" ADD COLUMN "problem_at" TEXT',
    'ALTER TABLE "parcel" ADD COLUMN "problem_note" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "parcel" ADD COLUMN "resolution" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "parcel" ADD COLUMN "replaces_id" INTEGER REFERENCES "parcel" ("id") ON DELETE RESTRICT',
    'ALTER TABLE "parcel" ADD COLUMN "courier_receipt_doc_id" INTEGER REFERENCES "document" ("id") '
    'ON DELETE RESTRICT',
    'ALTER TABLE "parcel" ADD COLUMN "lsp_receipt_doc_id" INTEGER REFERENCES "document" ("id") ON DELETE RESTRICT',
    """UPDATE "parcel" SET "status" = CASE
        WHEN "courier_receipt_at" IS NOT NULL OR "lsp_receipt_at" IS NOT NULL THEN 'delivered'
        WHEN "pickup_id" IS NOT NULL THEN 'shipped' ELSE 'packed' END""",
    'UPDATE "parcel" SET "delivered_on" = substr(COALESCE("courier_receipt_at", "lsp_receipt_at"), 1, 10) '
    'WHERE "status" = \'delivered\'',
    'UPDATE "parcel" SET "tracking_no" = trim("tracking_no")',
    'UPDATE "parcel" SET "tracking_no" = "tracking_no" || \' #\' || "id" WHERE "tracking_no" != \'\' AND "id" > '
    '(SELECT MIN(p.id) FROM "parcel" p WHERE p.tracking_no = "parcel".tracking_no)',
    'CREATE UNIQUE INDEX "parcel_tracking_no_once" ON "parcel" ("tracking_no") WHERE "tracking_no" != \'\'',
    'CREATE INDEX "parcel_replaces_id" ON "parcel" ("replaces_id")',
    'CREATE INDEX "parcel_courier_receipt_doc_id" ON "parcel" ("courier_receipt_doc_id")',
    'CREATE INDEX "parcel_lsp_receipt_doc_id" ON "parcel" ("lsp_receipt_doc_id")',
    'DROP INDEX "document_sha256_once"',
    'CREATE UNIQUE INDEX "document_sha256_once" ON "document" ("sha256") '
    'WHERE "repeat_of" IS NULL AND "kind" NOT IN (\'completion\', \'approval_scan\', \'notice\')',
)

# The participants of every received list, read at intake (16-digit NIKs only): the checklist compares the
# decision with them without reading the file again, and finds a competent NIK + scheme already counted by
# another request with one lookup in the (nik, scheme) index. Nothing to backfill from: the analyses stored
# before this step do not hold the NIKs. An older request's list is read once (and its rows written) the
# first time its checklist is built; until then another request cannot meet its NIKs.
_M0012 = (
    'CREATE TABLE "listed_participant" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL, '
    '"request_id" INTEGER NOT NULL, "nik" VARCHAR(16) NOT NULL, "scheme" VARCHAR(255) NOT NULL, '
    '"verdict" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "sheet" VARCHAR(255) NOT NULL, '
    '"row" INTEGER NOT NULL, "current" INTEGER NOT NULL, "scheme_code" VARCHAR(255) NOT NULL DEFAULT \'\', '
    '"scheme_name" VARCHAR(255) NOT NULL DEFAULT \'\', "funding" VARCHAR(255) NOT NULL DEFAULT \'\', '
    'FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("request_id") REFERENCES "request" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "listed_participant_document_id" ON "listed_participant" ("document_id")',
    'CREATE INDEX "listed_participant_request_id" ON "listed_participant" ("request_id")',
    'CREATE INDEX "listed_participant_nik_scheme" ON "listed_participant" ("nik", "scheme")',
)

# Serials of up to 12 digits (the serial format an office may choose) and ranges as many sheets long: every
# serial and count of sheets in the stock tables must hold a 64-bit number. A file's INTEGER already does
# (SQLite stores up to 8 bytes), so nothing changes there; the step is numbered on both engines all the same,
# so that one schema version means one schema.
_M0013: tuple[str, ...] = ()


# -- the same steps on a PostgreSQL server ---------------------------------------------------------------
# Types stay what SQLite stores, so that every query (and its results) means the same on both engines:
# times and dates as ISO text, flags as 0/1 integers. Ids are SERIAL (a sequence behind each table).

def _server_table(sql: str) -> str:
    """A CREATE TABLE of the SQLite schema, on the server: the id column drawn from a sequence and dates
    kept as ISO text (derived once from the frozen statement above, so frozen just the same)."""
    sql = sql.replace('"id" INTEGER NOT NULL PRIMARY KEY', '"id" SERIAL PRIMARY KEY')
    return re.sub(r'(" )DATE\b', r"\1TEXT", sql)


# The server keeps the documents in the database itself (written in the transaction that refers to them, so
# a pg_dump holds everything and no orphan can exist), and tells open windows what changed: every change is
# audited, so one trigger on the audit log serves (a NOTIFY reaches the listeners when its commit does).
_S0001 = tuple(_server_table(sql) for sql in _M0001) + (
    'CREATE TABLE "stored_file" ("sha256" VARCHAR(64) NOT NULL PRIMARY KEY, "size" BIGINT NOT NULL, '
    '"data" BYTEA NOT NULL, "stored_at" TEXT NOT NULL, "quarantined_at" TEXT)',
    """CREATE FUNCTION blanko_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('blanko_changes', ''); RETURN NULL; END $$""",
    'CREATE TRIGGER "audit_event_notify" AFTER INSERT ON "audit_event" FOR EACH STATEMENT '
    'EXECUTE FUNCTION blanko_notify()',
)

_S0003 = (
    """CREATE FUNCTION blanko_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$""",
) + tuple(
    f'CREATE TRIGGER "{table}_no_{op.lower()}" BEFORE {op} ON "{table}" FOR EACH '
    f'{"STATEMENT" if op == "TRUNCATE" else "ROW"} EXECUTE FUNCTION blanko_append_only()'
    for table in ("audit_event", "stock_movement")
    for op in ("UPDATE", "DELETE", "TRUNCATE")
)

_S0006 = _M0006[:3] + (
    'INSERT INTO "database_identity" ("id", "created_at", "unsigned_until") VALUES '
    '(md5(random()::text || clock_timestamp()::text), '
    'to_char(clock_timestamp() AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"\'), '
    '(SELECT COALESCE(MAX(id), 0) FROM audit_event))',
)

# Substring search on the server: trigram indexes (pg_trgm) under the columns the requests table searches
# with ILIKE; the planner uses them by itself, no shadow table to keep in step.
_S0008 = (
    'CREATE INDEX "request_letter_number_trgm" ON "request" USING gin ("letter_number" gin_trgm_ops)',
    'CREATE INDEX "request_sender_trgm" ON "request" USING gin ("sender" gin_trgm_ops)',
    'CREATE INDEX "lsp_name_trgm" ON "lsp" USING gin ("name" gin_trgm_ops)',
)
_PG_TRGM = ("CREATE EXTENSION IF NOT EXISTS pg_trgm",)

_S0009 = tuple(
    'ALTER TABLE "stock_movement" DISABLE TRIGGER "stock_movement_no_update"' if sql.startswith("DROP TRIGGER")
    else 'ALTER TABLE "stock_movement" ENABLE TRIGGER "stock_movement_no_update"' if sql.startswith(
        'CREATE TRIGGER "stock_movement_no_update"')
    else _server_table(sql) if sql.startswith("CREATE TABLE")
    else sql.replace('"doc_date" DATE', '"doc_date" TEXT')
    for sql in _M0009
)

_S0011 = tuple(sql.replace('"delivered_on" DATE', '"delivered_on" TEXT') for sql in _M0011)

_S0012 = tuple(_server_table(sql) if sql.startswith("CREATE TABLE") else sql for sql in _M0012)

# The server's INTEGER is 32-bit: a serial from 2,147,483,648 on was refused ("integer out of range"). One
# ALTER per table rewrites it once, its indexes rebuilt with it; the rewrite is DDL, not an UPDATE, so the
# ledger's append-only triggers neither fire nor need to step aside, and no key, view or trigram index
# involves these columns.
_S0013 = (
    'ALTER TABLE "stock_movement" ALTER COLUMN "first_no" TYPE BIGINT, ALTER COLUMN "last_no" TYPE BIGINT, '
    'ALTER COLUMN "quantity" TYPE BIGINT, ALTER COLUMN "replaces_first_no" TYPE BIGINT',
    'ALTER TABLE "stock_range" ALTER COLUMN "first_no" TYPE BIGINT, ALTER COLUMN "last_no" TYPE BIGINT',
    'ALTER TABLE "stock_count" ALTER COLUMN "counted" TYPE BIGINT, ALTER COLUMN "book_balance" TYPE BIGINT',
)

STEPS: tuple[Step, ...] = (
    Step(1, "m0001_initial", _M0001, server=_S0001),
    Step(2, "m0002_request_list_indexes", _M0002),
    Step(3, "m0003_append_only_triggers", _M0003, server=_S0003),
    Step(4, "m0004_running_due_index", _M0004),
    Step(5, "m0005_clock_restart_and_finding_names", _M0005),
    Step(6, "m0006_audit_mac_and_database_identity", _M0006, server=_S0006),
    Step(7, "m0007_approval_cancel_and_print_copies", _M0007),
    Step(8, "m0008_request_search_index", _M0008, probe=_FTS5_TRIGRAM, server=_S0008, server_probe=_PG_TRGM),
    Step(9, "m0009_stock_ledger_places", _M0009, server=_S0009),
    Step(10, "m0010_document_received_once", _M0010),
    Step(11, "m0011_shipping_parcels", _M0011, server=_S0011),
    Step(12, "m0012_listed_participants", _M0012, server=_S0012),
    Step(13, "m0013_serials_64_bit", _M0013, server=_S0013),
)

LATEST = STEPS[-1].version


def pending(current: int) -> list[Step]:
    """The steps to run on a database at schema version `current`, in order."""
    return [s for s in STEPS if s.version > current]


def apply(execute: Callable[[str], object], step: Step, engine: str = "sqlite") -> bool:
    """Run one step's statements through `execute` (the caller owns the transaction); False when its probe
    failed and it was skipped. On the server a failed statement spoils the transaction, so the probe runs
    inside a savepoint."""
    probe, statements = step.for_engine(engine)
    server = engine == "postgresql"
    if probe and server:
        execute("SAVEPOINT blanko_probe")
    try:
        for sql in probe:
            execute(sql)
    except Exception:  # sqlite3's or peewee's OperationalError, whichever `execute` raises
        if server:
            execute("ROLLBACK TO SAVEPOINT blanko_probe")
        return False
    if probe and server:
        execute("RELEASE SAVEPOINT blanko_probe")
    for sql in statements:
        execute(sql)
    return True
