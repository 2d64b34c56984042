"""The participants of each received list in the database: one certificate per competent NIK and scheme."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from blanko_desktop.core.intake.findings import Finding
from blanko_desktop.core.intake.nik import NIK_LENGTH
from blanko_desktop.core.intake.participants import Participant
from blanko_desktop.core.models import Document, ListedParticipant, database
from blanko_desktop.core.workflow import State

_INSERT = ('INSERT INTO listed_participant (document_id, request_id, nik, scheme, verdict, name, sheet, "row", '
           "current, scheme_code, scheme_name, funding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

# Another request's current, competent row with the same NIK and scheme, for each competent row of a list:
# per row one lookup in the (nik, scheme) index, whatever the number of requests (EXPLAIN QUERY PLAN in tests).
# Of two open requests only the later one (received later: a higher id) is told; an earlier one is told too
# once the later one has gone on to verification and beyond, for then both would be served.
_COUNTED_ELSEWHERE = f"""
SELECT mine.sheet, mine."row", mine.nik, mine.scheme, other.request_id, request.letter_number
FROM listed_participant AS mine
JOIN listed_participant AS other ON other.nik = mine.nik AND other.scheme = mine.scheme
JOIN request ON request.id = other.request_id
WHERE mine.document_id = ? AND mine.verdict = 'K'
  AND other.verdict = 'K' AND other.current = 1 AND other.request_id <> ?
  AND request.state <> '{State.CANCELLED.value}' AND request.kind <> 'replacement'
  AND (other.request_id < ? OR request.state IN ({", ".join(f"'{s.value}'" for s in (
      State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED))}))
ORDER BY mine.id, other.request_id
"""


def scheme_key(participant: Participant) -> str:
    """One key per scheme however a list writes it: its code, else its name; upper case, spaces collapsed."""
    return " ".join((participant.scheme_code or participant.scheme_name).split()).upper()


def is_list(analysis: dict[str, Any] | None) -> bool:
    """A stored analysis (core/intake/stored.py) of a spreadsheet read as a participant list (its header found)."""
    return bool(analysis and analysis.get("v") == 2 and (analysis.get("list") or {}).get("headers"))


def record(document: Document, participants: Iterable[Participant]) -> int:
    """Write the rows of a list read at intake (inside its write transaction); rows without a 16-digit NIK
    are left out: they are findings already and cannot be met in another list or a decision."""
    document_id, request_id = document.id, document.request_id
    rows = [(document_id, request_id, p.nik, scheme_key(p), p.verdict, p.name, p.sheet, p.row, 0,
             p.scheme_code or "", p.scheme_name or "", p.funding or "")
            for p in participants if len(p.nik) == NIK_LENGTH and p.nik.isdigit()]
    # one statement run for all rows: peewee's insert_many renders every value in Python, 2.4 s for 20,000
    # rows where this takes a few tens of milliseconds
    database.executemany(_INSERT, rows)
    return len(rows)


def roster_document(documents: Sequence[Document]) -> Document | None:
    """Of a request's documents (in id order), the participant list that counts: the latest one of kind 'list'
    that was read as a list. A later one replaces it; one that could not be read does not."""
    return next((d for d in reversed(documents) if d.kind == "list" and is_list(d.analysis)), None)


# A request's documents as refresh_current weighs them, and the flag it sets: SQL written once, as intake and every
# change of a document's kind run them (peewee built both anew each time, several times SQLite's cost).
_LIST_CANDIDATES = "SELECT id, kind, analysis FROM document WHERE request_id = {p} ORDER BY id"
_MARK_CURRENT = ("UPDATE listed_participant SET current = CASE WHEN document_id = ? THEN 1 ELSE 0 END "
                 "WHERE request_id = ? AND current <> CASE WHEN document_id = ? THEN 1 ELSE 0 END")


def refresh_current(request_id: int) -> None:
    """Mark the rows of the request's counting list as current and every other list's rows not (inside the write
    transaction that added a document or changed a kind)."""
    db = Document._meta.database
    # raw SQL goes to the server untranslated: it carries the engine's own placeholder
    documents = list(Document.raw(_LIST_CANDIDATES.format(p=db.param), request_id))
    roster = roster_document(documents)
    keep = roster.id if roster is not None else 0
    db.execute_sql(_MARK_CURRENT, (keep, request_id, keep))  # a 0/1 flag on either engine


_ROWS_OF = ('SELECT name, nik, scheme_code, scheme, scheme_name, verdict, funding, sheet, "row" '
            "FROM listed_participant WHERE document_id = ? ORDER BY id")


def participants_of(document_id: int) -> list[Participant]:
    """The rows of one list as Participants, in list order (the decision is compared with them)."""
    # the cursor's own tuples: a model instance per row cost ~30 ms for the 2,000 rows of the checklist
    # `blanko intake` prints, peewee's tuples (a converter per column) still ~10 ms; text and integers need none
    return [Participant(name=name, nik=nik, scheme_code=code or scheme, scheme_name=scheme_name, verdict=verdict,
                        funding=funding, registration="", sheet=sheet, row=row)
            for name, nik, code, scheme, scheme_name, verdict, funding, sheet, row
            in database.execute_sql(_ROWS_OF, (document_id,))]


def has_rows(document_id: int) -> bool:
    """Whether the rows of this document are written already (two sessions upgrading one old list)."""
    return ListedParticipant.select().where(ListedParticipant.document == document_id).exists()


def counted_elsewhere(request_id: int, document: Document) -> list[Finding]:
    """An error per competent row of `document` (the request's counting list) whose NIK and scheme another request
    that is not cancelled counts too (see _COUNTED_ELSEWHERE for which of the two is told): one blank per person
    and scheme, a re-sent request is not a second."""
    found: dict[tuple[str, int], tuple[str, str, list[str]]] = {}
    for sheet, row, nik, scheme, other, letter in database.execute_sql(
            _COUNTED_ELSEWHERE, (document.id, request_id, request_id)):
        # the letter number too: the completion e-mail quotes this, and the LSP knows its letters, not our numbers
        named = f"#{other} (surat {letter})" if letter else f"#{other}"
        found.setdefault((sheet, row), (nik, scheme, []))[2].append(named)
    return [Finding(document.original_name, sheet or None, row,
                    f"Baris {row}: NIK {nik} skema {scheme} sudah dihitung kompeten pada permohonan "
                    + ", ".join(others))
            for (sheet, row), (nik, scheme, others) in found.items()]
