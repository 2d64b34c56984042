"""Errors the core raises; their messages are shown to the officer as they are (Indonesian)."""

from __future__ import annotations


class BlankoError(Exception):
    """Base of every error the core reports to a person."""


class RuleError(BlankoError):
    """An action refused by a rule of the procedure (CLI exit status 1)."""


class NotFoundError(RuleError):
    """A record that does not exist."""


class NoOfficerError(RuleError):
    """A paper signed with the officer's name, asked for without one: it went out signed with the OS login."""

    def __init__(self, what: str):
        # what is missing, apart from where to fill it in (the window's Settings; the CLI says --officer)
        self.missing = f"Nama petugas belum diisi: {what} ditandatangani atas nama petugas."
        super().__init__(f"{self.missing} Isi nama Anda di Data ▸ Pengaturan.")


class ConflictError(RuleError):
    """A save refused because someone else changed the record first."""

    def __init__(self, what: str, changed_by: str | None, changed_at: str | None):
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = changed_by or "petugas lain"
        when = f" pada {changed_at}" if changed_at else ""
        super().__init__(
            f"{what} sudah diubah oleh {who}{when} setelah Anda membukanya. "
            "Muat ulang data lalu ulangi perubahan Anda."
        )


class StorageError(BlankoError):
    """The database file cannot be used (missing, damaged, too new, busy)."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer version of the app."""


class BusyError(StorageError):
    """The database stayed locked by another officer past every retry."""


def is_database_error(exc: BaseException) -> bool:
    """Whether `exc` comes from SQLite or peewee (a damaged or unusable file), for callers that import neither."""
    import sqlite3

    from peewee import DatabaseError

    return isinstance(exc, (DatabaseError, sqlite3.DatabaseError))
