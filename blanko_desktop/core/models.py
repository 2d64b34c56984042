"""The domain model of the whole procedure, as peewee models bound to whatever database storage opens."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelIndex,
    TextField,
)

from blanko_desktop.core import clock

database = DatabaseProxy()


def utcnow() -> datetime:
    """The current time in UTC, from the one clock (core/clock.py) that tests and the demo can set."""
    return clock.now()


class UtcDateTimeField(Field):
    """An aware datetime stored as sortable UTC ISO text ('2026-11-25T06:00:00.000000+00:00')."""

    field_type = "TEXT"

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC field")
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")

    def python_value(self, value):
        return None if value is None else datetime.fromisoformat(value)


class IsoDateField(DateField):
    """A date stored as ISO text (on either engine: the server's column is TEXT too)."""

    def db_value(self, value):
        if isinstance(value, datetime):
            value = value.date()
        return value.isoformat() if isinstance(value, date) else value

    def python_value(self, value):
        if isinstance(value, date):
            return value
        return date.fromisoformat(value) if value else None


class FlagField(BooleanField):
    """A yes/no stored as 0/1, as SQLite stores it: the server's column is an INTEGER too, so that a query
    reads `clock_running = 1` the same on either engine."""

    field_type = "INTEGER"

    def db_value(self, value):
        return None if value is None else int(bool(value))


class JsonField(TextField):
    """Any JSON-serialisable value."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Versioned(BaseModel):
    """A record officers edit: a version column refuses a stale save (optimistic locking)."""

    version = IntegerField(default=1)
    updated_at = UtcDateTimeField(default=utcnow)
    updated_by = CharField(default="")


class Lsp(Versioned):
    id = AutoField()
    name = CharField(unique=True)
    licence_no = CharField(default="")
    address = TextField(default="")
    city = CharField(default="")
    postal_code = CharField(default="")
    phone = CharField(default="")
    contact_person = CharField(default="")
    active = FlagField(default=True)
    created_at = UtcDateTimeField(default=utcnow)


class LspAddress(BaseModel):
    """An e-mail address or a whole domain that identifies an LSP as sender."""

    id = AutoField()
    lsp = ForeignKeyField(Lsp, backref="addresses", on_delete="CASCADE")
    value = CharField(unique=True)  # lower-case: 'admin@lsp-x.id' or 'lsp-x.id'
    is_domain = FlagField(default=False)


class Request(Versioned):
    id = AutoField()
    lsp = ForeignKeyField(Lsp, null=True, backref="requests", on_delete="RESTRICT")
    kind = CharField(default="new")  # 'new' | 'replacement'
    state = CharField(default="received", index=True)
    letter_number = CharField(default="")
    letter_date = IsoDateField(null=True)
    sender = CharField(default="")
    subject = CharField(default="")
    received_at = UtcDateTimeField()
    due_at = UtcDateTimeField(null=True)
    clock_running = FlagField(default=True)
    # the 1-working-day clock restarts when new documents arrive for a request that waited on the LSP
    clock_started_at = UtcDateTimeField(null=True)
    requested_qty = IntegerField(null=True)
    competent_qty = IntegerField(null=True)
    not_yet_qty = IntegerField(null=True)
    approved_qty = IntegerField(null=True)
    cancel_reason = TextField(default="")
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)


class Document(BaseModel):
    id = AutoField()
    request = ForeignKeyField(Request, backref="documents", on_delete="RESTRICT")
    kind = CharField(default="other")  # letter | minutes | decision | list | email | other
    original_name = CharField()
    sha256 = CharField(max_length=64, index=True)
    size = IntegerField()
    media_type = CharField(default="application/octet-stream")
    source = CharField(default="")  # 'drop', 'import', 'cli', 'email'
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    received_at = UtcDateTimeField()
    added_at = UtcDateTimeField(default=utcnow)
    added_by = CharField(default="")
    analysis = JsonField(null=True)
    # set only on rows stored twice before the unique key of schema step 9 existed: the first copy's id
    repeat_of = IntegerField(null=True)


# The kinds that are the secretariat's own papers, not received files: outside the stored-once key.
OWN_PAPER_KINDS = ("completion", "approval_scan", "notice")
Document.add_index(ModelIndex(
    Document, (Document.sha256,), unique=True, name="document_sha256_once",
    where=Document.repeat_of.is_null() & Document.kind.not_in(OWN_PAPER_KINDS)))


class Finding(BaseModel):
    id = AutoField()
    request = ForeignKeyField(Request, backref="findings", on_delete="RESTRICT")
    document = ForeignKeyField(Document, null=True, backref="findings", on_delete="RESTRICT")
    document_name = CharField(default="")  # the file name, or the label of what a cross-check concerns
    item = CharField(default="")  # letter | minutes | decision | list | '' (whole request)
    sheet = CharField(null=True)
    row = IntegerField(null=True)
    severity = CharField(default="error")
    message = TextField()
    accepted = FlagField(default=False)
    accepted_note = TextField(default="")
    accepted_by = CharField(default="")
    accepted_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField(default=utcnow)


class ListedParticipant(BaseModel):
    """A row of a received participant list as intake read it (16-digit NIKs only), kept with its document.

    The roster the checklist compares with the decision without reading the file again, and the competent
    NIK + scheme pairs: one certificate each, so a pair counted by another request is found by one index lookup.
    """

    id = AutoField()
    document = ForeignKeyField(Document, backref="participants", on_delete="RESTRICT")
    request = ForeignKeyField(Request, backref="participants", on_delete="RESTRICT")
    nik = CharField(max_length=16)
    scheme = CharField()  # the scheme's code, else its name, as one key: upper case, spaces collapsed
    verdict = CharField()  # K | BK
    name = CharField(default="")
    sheet = CharField(default="")
    row = IntegerField()
    # of the request's list that counts (its latest participant list); earlier lists' rows are kept, not counted
    current = FlagField(default=False)
    # the row as the list wrote it, so that counts per scheme and funding can be redone without the file
    scheme_code = CharField(default="")
    scheme_name = CharField(default="")
    funding = CharField(default="")

    class Meta:
        indexes = ((("nik", "scheme"), False),)


class Signatory(Versioned):
    id = AutoField()
    name = CharField()
    nip = CharField(default="")
    title = CharField(default="")
    active = FlagField(default=True)


class Approval(BaseModel):
    id = AutoField()
    request = ForeignKeyField(Request, backref="approvals", on_delete="RESTRICT")
    signatory = ForeignKeyField(Signatory, null=True, on_delete="RESTRICT")
    approved_qty = IntegerField()
    approved_at = UtcDateTimeField(default=utcnow)
    recorded_by = CharField(default="")
    note = TextField(default="")  # the reason when the figure differs from the competent count
    cancelled_at = UtcDateTimeField(null=True)
    cancelled_by = CharField(default="")
    cancel_reason = TextField(default="")


class PrintedForm(BaseModel):
    id = AutoField()
    request = ForeignKeyField(Request, null=True, backref="forms", on_delete="RESTRICT")
    form = CharField()  # approval | receipt | label | manifest | completion
    sha256 = CharField(max_length=64)
    printer = CharField(default="")
    printed_at = UtcDateTimeField(default=utcnow)
    printed_by = CharField(default="")
    copies = IntegerField(default=1)
    number = CharField(default="")  # the number the form carries, e.g. a receipt's TT-2026-000123


class CourierPickup(Versioned):
    """One courier pickup: the day, who took the parcels and when, and the manifest they signed."""

    id = AutoField()
    day = IsoDateField(index=True)
    courier = CharField(default="")
    handed_at = UtcDateTimeField(null=True)
    manifest_sha256 = CharField(default="")


class Parcel(Versioned):
    """The blanks of one request packed with their receipt; re-sending a returned parcel makes a new one."""

    id = AutoField()
    request = ForeignKeyField(Request, backref="parcels", on_delete="RESTRICT")
    pickup = ForeignKeyField(CourierPickup, null=True, backref="parcels", on_delete="RESTRICT")
    tracking_no = CharField(default="")  # the courier's nomor resi; unique when given
    address = TextField(default="")  # the address on the label (the LSP's address of record, or confirmed)
    packed_at = UtcDateTimeField(null=True)
    courier_receipt_at = UtcDateTimeField(null=True)
    lsp_receipt_at = UtcDateTimeField(null=True)
    status = CharField(default="packed")  # packed | shipped | delivered | returned | lost
    receipt_number = CharField(default="")  # the receipt packed with it, e.g. TT-2026-000123
    delivered_on = IsoDateField(null=True)
    problem_at = UtcDateTimeField(null=True)  # when it was reported returned or lost
    problem_note = TextField(default="")
    resolution = CharField(default="")  # a returned/lost parcel: 'resent' | 'reversed'
    replaces = ForeignKeyField("self", null=True, backref="resent_as", on_delete="RESTRICT")
    courier_receipt_doc = ForeignKeyField(Document, null=True, backref="+", on_delete="RESTRICT")
    lsp_receipt_doc = ForeignKeyField(Document, null=True, backref="+", on_delete="RESTRICT")


# One tracking number, one parcel: the database refuses the second (an empty number is "not yet known").
Parcel.add_index(ModelIndex(Parcel, (Parcel.tracking_no,), unique=True, name="parcel_tracking_no_once",
                            where=Parcel.tracking_no != ""))


class StockCount(BaseModel):
    """A stock opname: counted sheets against the books, the difference explained."""

    id = AutoField()
    at = UtcDateTimeField(default=utcnow)
    counted = BigIntegerField()
    book_balance = BigIntegerField()
    explanation = TextField(default="")
    by = CharField(default="")
    counted_ranges = JsonField(null=True)  # the ranges found, when the officer entered ranges
    missing = JsonField(null=True)  # on the books, not found: [[prefix, first, last], ...]
    surplus = JsonField(null=True)  # found, not on the books
    settled_at = UtcDateTimeField(null=True)
    settled_by = CharField(default="")


class StockMovement(BaseModel):
    """Append-only ledger line over a serial range, from one place to another; corrections are reversing
    lines. Places: '' (outside: printer), available, issued, spoiled, returned, missing."""

    id = AutoField()
    kind = CharField()  # receive | issue | spoil | return_damaged | reversal | adjust
    prefix = CharField(default="")
    # serials have up to 12 digits (core/stock/serials.py) and a range as many sheets: every serial and
    # count of sheets in the stock tables is 64-bit, on the server too (migration step 13)
    first_no = BigIntegerField()
    last_no = BigIntegerField()
    quantity = BigIntegerField()
    request = ForeignKeyField(Request, null=True, backref="movements", on_delete="RESTRICT")
    parcel = ForeignKeyField(Parcel, null=True, backref="movements", on_delete="RESTRICT")
    reverses = ForeignKeyField("self", null=True, on_delete="RESTRICT")
    at = UtcDateTimeField(default=utcnow)
    by = CharField(default="")
    note = TextField(default="")
    from_place = CharField(default="")
    to_place = CharField(default="")
    lsp = ForeignKeyField(Lsp, null=True, on_delete="RESTRICT")
    doc_number = CharField(default="")  # the printer's delivery document (receive)
    doc_date = IsoDateField(null=True)
    # a replacement issue: serial first_no + i replaces replaces_first_no + i (of replaces_prefix)
    replaces_prefix = CharField(null=True)
    replaces_first_no = BigIntegerField(null=True)
    count = ForeignKeyField(StockCount, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = (
            (("prefix", "first_no"), False),  # which movements touch a serial
            (("prefix", "quantity"), False),  # the longest one bounds that lookup
            (("at",), False),
            (("kind", "at"), False),
            (("lsp", "at"), False),
        )


class StockRange(BaseModel):
    """Where every serial is now, as non-overlapping ranges: maintained in the same transaction as the
    ledger (never edited otherwise) and verifiable from it (stock.ledger.verify)."""

    id = AutoField()
    prefix = CharField()
    first_no = BigIntegerField()
    last_no = BigIntegerField()
    place = CharField()  # available | issued | spoiled | returned | missing
    request = ForeignKeyField(Request, null=True, on_delete="RESTRICT")  # issued to (or returned from)
    lsp = ForeignKeyField(Lsp, null=True, on_delete="RESTRICT")

    class Meta:
        indexes = (
            (("prefix", "first_no"), True),
            (("place", "prefix", "first_no", "last_no"), False),
        )


class Setting(Versioned):
    key = CharField(primary_key=True)
    value = JsonField(null=True)


class Closure(BaseModel):
    """A non-working day the library does not know: cuti bersama or an office closure."""

    id = AutoField()
    day = IsoDateField(unique=True)
    kind = CharField(default="closure")  # cuti_bersama | closure
    note = CharField(default="")
    created_by = CharField(default="")


class AuditEvent(BaseModel):
    """Append-only, hash-chained record of every state change."""

    id = AutoField()
    at = UtcDateTimeField(default=utcnow)
    os_user = CharField(default="")
    officer = CharField(default="")
    action = CharField()
    entity = CharField()
    entity_id = CharField(default="")
    before = JsonField(null=True)
    after = JsonField(null=True)
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64, unique=True)
    mac = CharField(max_length=64, default="")      # HMAC by the writing workstation's key (core/integrity.py)
    mac_key = CharField(max_length=16, default="")  # which workstation key made it


class DatabaseIdentity(BaseModel):
    """The one row naming this database file; anchors kept outside the file refer to it."""

    id = CharField(max_length=32, primary_key=True)
    created_at = TextField()
    unsigned_until = IntegerField(default=0)  # entries up to here predate signing


ALL_MODELS = [
    Lsp, LspAddress, Request, Document, Finding, ListedParticipant, Signatory, Approval, PrintedForm,
    CourierPickup, Parcel, StockMovement, StockRange, StockCount, Setting, Closure, AuditEvent, DatabaseIdentity,
]
