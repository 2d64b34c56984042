"""One certificate per competent participant per scheme: a NIK + scheme another request counted first is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from blanko_desktop.core import approval, roster
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Document, ListedParticipant, database
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist
from tests.core.intake.intake_builders import (
    LETTER_TEXT,
    MINUTES_TEXT,
    STANDARD_HEADER,
    STANDARD_ROWS,
    pdf_bytes,
    xlsx_bytes,
)

DECISION = """KEPUTUSAN KETUA LSP KELISTRIKAN TENAGA RAYA
Nomor: KEP.112/KTR/XI/2026
TENTANG PENETAPAN HASIL SERTIFIKASI KOMPETENSI
Menetapkan 3 (tiga) asesi dinyatakan KOMPETEN."""
LIST = "Daftar Peserta.xlsx"
HADI, INDAH, RINA = (row[2] for row in STANDARD_ROWS[:3])


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")


def list_bytes(tag: str, rows=STANDARD_ROWS) -> bytes:
    """The standard participant list; `tag` in its title makes each file a new one (a file is stored once)."""
    return xlsx_bytes({"Peserta": [[f"DAFTAR PESERTA {tag}"], [], [], STANDARD_HEADER, *rows]})


def take_in(services, lsp, tmp_path: Path, tag: str, rows=STANDARD_ROWS, request_id: int | None = None,
            only_list: bool = False) -> int:
    """A request of four documents (or a list for `request_id`) taken in as the officer's drop would be."""
    folder = tmp_path / tag
    folder.mkdir()
    files = {LIST: list_bytes(tag, rows)}
    if not only_list:
        files |= {"Surat.pdf": pdf_bytes(LETTER_TEXT.replace("045/", f"{tag}/")),
                  "BA Asesmen.pdf": pdf_bytes(MINUTES_TEXT + f"\n{tag}"),
                  "SK Penetapan.pdf": pdf_bytes(DECISION + f"\n{tag}")}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    reception = Reception(services)
    outcome = reception.commit(reception.prepare_paths(sorted(folder.iterdir())), request_id=request_id,
                               lsp_id=lsp.id)
    return outcome.request.id


def counted(services, request_id: int) -> list[tuple[str, str | None, int | None, str]]:
    return [(f.document, f.sheet, f.row, f.message) for f in checklist.build(services, request_id).findings
            if "sudah dihitung kompeten" in f.message]


def message(row: int, nik: str, scheme: str, request_id: int, tag: str) -> str:
    """The finding, naming the other request by its number and its letter's (which the LSP knows)."""
    return (f"Baris {row}: NIK {nik} skema {scheme} sudah dihitung kompeten pada permohonan #{request_id} "
            f"(surat {tag}/LSP-TKN/XI/2026)")


def test_a_request_counting_participants_of_an_earlier_one_has_an_error_per_row(services, lsp, tmp_path):
    first = take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    assert counted(services, second) == [
        (LIST, "Peserta", 5, message(5, HADI, "SKM.41.00012", first, "101")),
        (LIST, "Peserta", 6, message(6, INDAH, "SKM.41.00012", first, "101")),
        (LIST, "Peserta", 7, message(7, RINA, "SKM.78.00104", first, "101")),
    ]
    cl = checklist.build(services, second)
    assert not cl.complete and cl.items["list"].status == "invalid"
    assert cl.items["list"].reason.startswith("3 baris bermasalah; pertama: Baris 5: NIK")
    # only the later request is told; the earlier one holds the pairs
    assert counted(services, first) == [] and checklist.build(services, first).complete


def test_the_error_blocks_verification_until_accepted_with_a_note(services, lsp, tmp_path):
    take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    with pytest.raises(RuleError, match="sudah dihitung kompeten pada permohonan #1"):
        checklist.mark_verified(services, second)
    for f in [f for f in checklist.build(services, second).findings if "sudah dihitung" in f.message]:
        checklist.accept_finding(services, second, f, "LSP mengonfirmasi: sertifikat #1 rusak, diganti")
    assert checklist.mark_verified(services, second).state == "verified"


def verified(services, request_id):
    checklist.mark_verified(services, request_id)


def approved(services, request_id):
    checklist.mark_verified(services, request_id)
    signatory = services.save_signatory("Dra. Sri Wahyuni", "197001011990032001", "Kepala Subbagian")
    approval.approve(services, request_id, signatory.id)


@pytest.mark.parametrize("earlier, counts", [
    (lambda services, i: None, True),                                                  # received
    (lambda services, i: services.transition(i, "waiting_lsp"), True),                # waiting on the LSP
    (verified, True),
    (approved, True),                                                                   # on its way to the LSP
    (lambda services, i: services.transition(i, "cancelled", reason="dikirim ulang"), False),
])
def test_what_an_earlier_request_in_each_state_counts(services, lsp, tmp_path, earlier, counts):
    first = take_in(services, lsp, tmp_path, "101")
    earlier(services, first)
    second = take_in(services, lsp, tmp_path, "102")
    assert len(counted(services, second)) == (3 if counts else 0)


def test_only_the_latest_list_of_a_request_counts(services, lsp, tmp_path):
    first = take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    # the first request's list is replaced by one without Hadi: his pair is no longer counted there
    take_in(services, lsp, tmp_path, "103", rows=STANDARD_ROWS[1:], request_id=first, only_list=True)
    assert [row for _, _, row, _ in counted(services, second)] == [6, 7]
    # the second request sends a corrected list: nothing of it was counted elsewhere
    corrected = [STANDARD_ROWS[0], STANDARD_ROWS[3]]
    take_in(services, lsp, tmp_path, "104", rows=corrected, request_id=second, only_list=True)
    assert counted(services, second) == []
    assert ListedParticipant.select().where(ListedParticipant.current == True).count() == 5  # noqa: E712


@pytest.mark.parametrize("scheme_code, scheme_name, found", [
    ("SKM.41.00012", "Pelaksana Lapangan", True),
    ("skm.41.00012 ", "pelaksana lapangan", True),   # the same scheme written another way
    ("SKM.41.00099", "Pelaksana Gedung", False),      # the same person, another scheme: another certificate
])
def test_the_pair_is_the_nik_and_the_scheme(services, lsp, tmp_path, scheme_code, scheme_name, found):
    take_in(services, lsp, tmp_path, "101")
    rows = [[*STANDARD_ROWS[0][:5], scheme_code, scheme_name, *STANDARD_ROWS[0][7:]]]
    second = take_in(services, lsp, tmp_path, "102", rows=rows)
    assert [row for _, _, row, _ in counted(services, second)] == ([5] if found else [])


def test_a_replacement_request_is_not_a_second_count(services, lsp, tmp_path):
    take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    services.update_request(second, None, kind="replacement")
    assert counted(services, second) == []


def test_a_list_called_something_else_no_longer_counts(services, lsp, tmp_path):
    first = take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    listed = Document.get((Document.request == first) & (Document.kind == "list"))
    reception = Reception(services)
    reception.set_kind(listed.id, "other")
    assert counted(services, second) == []
    reception.set_kind(listed.id, "list")
    assert len(counted(services, second)) == 3


def test_the_lookup_searches_the_indexes_and_scans_no_table(services, lsp, tmp_path):
    first = take_in(services, lsp, tmp_path, "101")
    listed = Document.get((Document.request == first) & (Document.kind == "list"))
    args = (listed.id, first, first)
    if services.storage.engine == "sqlite":
        plan = [row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + roster._COUNTED_ELSEWHERE, args)]
        scans = [step for step in plan if step.startswith("SCAN")]
    else:
        # a table of three rows is read whole whatever its indexes: with sequential scans priced out, the plan
        # shows whether the indexes can answer the lookup (a missing one leaves a Seq Scan all the same)
        database.execute_sql("SET enable_seqscan = off")
        try:
            plan = [row[0] for row in database.execute_sql("EXPLAIN " + roster._COUNTED_ELSEWHERE, args)]
        finally:
            database.execute_sql("RESET enable_seqscan")
        scans = [step for step in plan if "Seq Scan" in step]
    assert any("listed_participant_document_id" in step for step in plan), plan
    assert any("listed_participant_nik_scheme" in step for step in plan), plan
    assert not scans, plan


def make_old(document_id: int) -> None:
    """What a document stored before schema step 12 looks like: a short analysis, no rows."""
    doc = Document.get_by_id(document_id)
    old = {k: doc.analysis[k] for k in ("detected_type", "kind", "pdf", "findings")}
    old["counts"] = {k: v for k, v in doc.analysis["counts"].items() if k != "niks"}
    Document.update(analysis=old).where(Document.id == document_id).execute()
    ListedParticipant.delete().where(ListedParticipant.document == document_id).execute()


def test_an_old_list_is_read_once_and_counts_from_then_on(services, lsp, tmp_path, monkeypatch):
    first = take_in(services, lsp, tmp_path, "101")
    for doc in services.documents(first):
        make_old(doc.id)
    second = take_in(services, lsp, tmp_path, "102")
    # not read since the upgrade: another request cannot meet its NIKs yet
    assert counted(services, second) == []
    before = checklist.build(services, first)   # the first checklist of the old request reads its files once
    assert all(d.analysis["v"] == 2 for d in services.documents(first))
    assert len(counted(services, second)) == 3
    # from then on its checklist reads what is stored, not the files
    from blanko_desktop.core import reception as reception_module

    reception_module._ANALYSES.clear()
    monkeypatch.setattr(services.storage.files, "read", lambda sha: pytest.fail("a stored file was read again"))
    assert checklist.build(services, first).as_json() == before.as_json()


def test_an_earlier_open_request_is_told_once_a_later_one_goes_on(services, lsp, tmp_path):
    first = take_in(services, lsp, tmp_path, "101")
    second = take_in(services, lsp, tmp_path, "102")
    for f in [f for f in checklist.build(services, second).findings if "sudah dihitung" in f.message]:
        checklist.accept_finding(services, second, f, "permohonan #1 akan dibatalkan LSP")
    checklist.mark_verified(services, second)
    # the later one was verified first: now both would be served, so the earlier one is told
    assert counted(services, first) == [
        (LIST, "Peserta", row, message(row, nik, scheme, second, "102"))
        for row, nik, scheme in ((5, HADI, "SKM.41.00012"), (6, INDAH, "SKM.41.00012"), (7, RINA, "SKM.78.00104"))]
