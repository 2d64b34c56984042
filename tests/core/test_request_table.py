"""The requests table's search index and page plans give exactly the rows the plain LIKE query gives."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from blanko_desktop.core import demo
from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.services.request_table import RequestTableService, search_query

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc)


def reference(services, flt: RequestFilter) -> list[int]:
    """The filter as the plain query it was before the index: LIKE on every row, sorted in full."""
    clauses, params = [], []
    if flt.lsp_id is not None:
        clauses.append("r.lsp_id = ?")
        params.append(flt.lsp_id)
    if flt.states:
        clauses.append("r.state IN (%s)" % ",".join("?" * len(flt.states)))
        params += list(flt.states)
    if flt.overdue:
        clauses.append("r.clock_running = 1 AND r.due_at < ?")
        params.append(NOW.isoformat(timespec="microseconds"))
    text = flt.text.strip()
    if text:
        like = f"%{text}%"
        if text.lstrip("#").isdigit():
            clauses.append("(r.id = ? OR l.name LIKE ? OR r.letter_number LIKE ?)")
            params += [int(text.lstrip("#")), like, like]
        else:
            clauses.append("(l.name LIKE ? OR r.letter_number LIKE ? OR r.sender LIKE ?)")
            params += [like, like, like]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT r.id FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id" + where +
           " ORDER BY r.received_at DESC, r.id DESC")
    return [r[0] for r in services.storage.db.execute_sql(sql, params)]


def paged(services, flt: RequestFilter, limit: int = 7) -> list[int]:
    """Every row of the filter, page after page as the view fetches them (keyset continuation)."""
    rows = services.request_page(flt, 0, limit, now=NOW)
    ids = [r.id for r in rows]
    while len(rows) == limit:
        rows = services.request_page(flt, len(ids), limit, now=NOW, after=(rows[-1].received_at, rows[-1].id))
        ids += [r.id for r in rows]
    return ids


@pytest.fixture
def filled(services):
    demo.fill_bulk(services, 300, now=NOW)
    lsps = services.lsps()
    # text LIKE treats in its own way: wildcards, quotes, non-ASCII case, no LSP at all
    for letter, sender, lsp in [("a_b%c/1\"2/XI/2026", "Élodie@lsp.id", lsps[0].id),
                                ("aXb-c/É/2026", "élodie@lsp.id", lsps[1].id),
                                ("tanpa/LSP/2026", "x@y.id", None)]:
        services.create_request(NOW - timedelta(days=2), lsp, sender=sender, letter_number=letter)
    return services


def filters(services) -> list[RequestFilter]:
    rows = services.request_page(RequestFilter(), 0, 400, now=NOW)
    texts = {"ab", "a_b", "a_b%", "%", "_", "1\"2", '"', "É", "é", "élodie", "ÉLODIE", "zzz-tidak-ada",
             "  Pariwisata  ", "pariwisata", "PARIWISATA", "LSP", "lsp", "/2026", "2026", "0", "12"}
    for row in rows[::37]:
        texts |= {f"#{row.id}", str(row.id), row.letter_number[:5], row.letter_number[2:9].lower(),
                  row.sender[1:7].upper(), row.lsp[4:12], row.lsp[4:12].swapcase()}
    lsp_id = services.lsps()[2].id
    found = [RequestFilter(text=t) for t in sorted(texts)]
    found += [RequestFilter(overdue=True), RequestFilter(overdue=True, text="lsp"),
              RequestFilter(overdue=True, text="Pariwisata"), RequestFilter(lsp_id=lsp_id, text="LSP"),
              RequestFilter(states=("closed", "received"), text="/XI/"), RequestFilter(lsp_id=lsp_id, overdue=True)]
    return found


@pytest.mark.parametrize("page_hint", [0, RequestTableService.PAGE_HINT, 10 ** 9],
                         ids=["always walk", "as shipped", "always narrow and sort"])
def test_every_filter_gives_the_rows_of_the_plain_like_query(filled, monkeypatch, page_hint):
    monkeypatch.setattr(RequestTableService, "PAGE_HINT", page_hint)
    checked = matched = 0
    for flt in filters(filled):
        expected = reference(filled, flt)
        assert paged(filled, flt) == expected, flt
        assert filled.request_count(flt, now=NOW) == len(expected), flt
        checked += 1
        matched += bool(expected)
    # the table is not empty talk: most filters find rows, and not every filter finds all of them
    assert checked >= 45 and matched >= 35
    assert len(reference(filled, RequestFilter(text="pariwisata"))) not in (0, 303)


def test_without_the_index_the_search_falls_back_to_like(filled):
    execute = filled.storage.db.execute_sql
    if filled.storage.engine == "postgresql":  # the server's search indexes are its trigram indexes
        for name in ("request_letter_number_trgm", "request_sender_trgm", "lsp_name_trgm"):
            execute(f"DROP INDEX {name}")
    else:
        execute("DROP TABLE request_search")
        for name in ("insert", "update", "delete", "lsp_rename"):
            execute(f"DROP TRIGGER request_search_{name}")
    assert not filled._has_search_index()
    for flt in filters(filled):
        expected = reference(filled, flt)
        assert paged(filled, flt) == expected, flt
        assert filled.request_count(flt, now=NOW) == len(expected), flt


def test_an_lsp_renamed_is_found_by_its_new_name_only(filled):
    lsp = filled.lsps()[0]
    theirs = reference(filled, RequestFilter(lsp_id=lsp.id))
    assert theirs
    filled.update_lsp(lsp.id, lsp.version, name="LSP Kelautan Zamrud Khatulistiwa")
    assert paged(filled, RequestFilter(text="zamrud khatul")) == theirs
    assert paged(filled, RequestFilter(text=lsp.name)) == []


def test_an_edited_letter_number_is_found_by_the_new_one(filled):
    request = filled.create_request(NOW - timedelta(hours=3), filled.lsps()[0].id, letter_number="991/QQQ/XI/2026")
    assert paged(filled, RequestFilter(text="991/QQQ")) == [request.id]
    filled.storage.db.execute_sql("UPDATE request SET letter_number = '992/RRR/XI/2026' WHERE id = ?", (request.id,))
    assert paged(filled, RequestFilter(text="991/QQQ")) == []
    assert paged(filled, RequestFilter(text="992/rrr")) == [request.id]


@pytest.mark.parametrize("text, query", [
    ("ab", None),                                  # shorter than a trigram: LIKE alone
    ("a%b_c", None),                               # no literal run of 3
    ("abc", '"abc"'),
    ("045/LSP", '"045" AND "45/" AND "5/L" AND "/LS" AND "LSP"'),
    ("aaaa", '"aaa"'),                             # each trigram once
    ("x%abcd_yz", '"abc" AND "bcd"'),              # wildcards split the runs
    ('a"bc', '"a""b" AND """bc"'),                 # quotes doubled inside the FTS5 string
])
def test_search_query(text, query):
    assert search_query(text) == query
