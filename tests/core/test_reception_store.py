"""The files of an intake put in the document store side by side, before the rows that refer to them."""

from __future__ import annotations

import threading

import pytest

from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.models import Document, Request
from blanko_desktop.core.reception import Reception
from tests.core.intake.intake_builders import pdf_bytes


def files(count: int) -> list[tuple[str, bytes]]:
    return [(f"lampiran-{n}.pdf", pdf_bytes(f"Lampiran nomor {n} " * 5)) for n in range(count)]


def test_every_file_of_a_big_drop_is_stored(services, storage) -> None:
    reception = Reception(services)
    dropped = files(9)  # more than one batch of puts side by side
    outcome = reception.commit(reception.prepare(dropped))
    assert len(outcome.added) == 9
    for doc in outcome.added:
        assert storage.files.read(doc.sha256) == dict(dropped)[doc.original_name]
    assert storage.check().ok


@pytest.mark.sqlite_only  # the file store's puts wait for the disk; the server's go in with the transaction
def test_the_puts_of_a_folder_store_overlap(services, storage) -> None:
    """Two files' writes to the disk meet at a barrier: one after the other, the first would wait there alone until
    it broke. (The store's batch writes them; intake puts them in it one by one.)"""
    from blanko_desktop.core import storage as storage_module

    reception = Reception(services)
    plan = reception.prepare(files(2))
    real_write = storage_module._write_durably
    both = threading.Barrier(2, timeout=10)

    def write_meeting_the_other(target, data: bytes) -> None:
        both.wait()
        real_write(target, data)

    storage_module._write_durably = write_meeting_the_other
    try:
        outcome = reception.commit(plan)
    finally:
        storage_module._write_durably = real_write
    assert len(outcome.added) == 2 and not both.broken


def test_a_file_that_cannot_be_stored_refuses_the_intake_before_any_row(services, storage) -> None:
    reception = Reception(services)
    plan = reception.prepare(files(4))
    real_put = storage.files.put
    refused = plan.files[2].data

    def put_or_fail(data: bytes) -> str:
        if data == refused:
            raise StorageError("Berkas tidak dapat disimpan: disk penuh.")
        return real_put(data)

    storage.files.put = put_or_fail
    try:
        with pytest.raises(StorageError, match="disk penuh"):
            reception.commit(plan)
    finally:
        storage.files.put = real_put
    assert Request.select().count() == 0 and Document.select().count() == 0
