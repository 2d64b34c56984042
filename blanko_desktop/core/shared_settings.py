"""The shared rules an office may change: what each is called, its default, what it allows, and the one way to
change it (audited, refused when a colleague changed it first). Pengaturan ▸ Stok dan pengiriman and
`blanko settings` only ask here; `Services.set_setting` asks here too, so no path stores a value these rules refuse.

What a new serial-number format does to the blanks on record: the ledger (core/stock) stores each serial as its
prefix and a plain number, and prints the number zero-padded to the format's digits. So the digits are only the
printed width: a wider format prints every old serial with more zeros, and what was typed or printed before still
reads as the same number (leading zeros are ignored) — nothing becomes ambiguous. A narrower one is refused when
the largest number on record would no longer fit: it could not be typed or printed whole. The prefix is another
matter: serials are read only in the current prefix, and every stored range keeps its own, so a new prefix would
leave every serial on record out of reach (not typed, found, issued, returned or counted). It is refused while the
books hold serials of another prefix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import fn

from blanko_desktop.core.due_times import SETTING_DEFAULTS
from blanko_desktop.core.errors import ConflictError, RuleError
from blanko_desktop.core.models import Setting, StockCount, StockMovement
from blanko_desktop.core.stock.queries import LOW_STOCK_WEEKS_DEFAULT, LOW_STOCK_WEEKS_KEY
from blanko_desktop.core.stock.serials import DEFAULT_FORMAT, DIGITS_MAX, DIGITS_MIN, SerialFormat
from blanko_desktop.core.stock.serials import SETTING_KEY as SERIAL_FORMAT_KEY

#: Working days after delivery before a receipt that has not come back is listed on Hari ini. Defined here and
#: read by core/shipping: importing the shipping package loads the forms (reportlab, jinja2: ~0.15 s of each
#: `blanko settings`), which these rules do not need.
RECEIPT_DAYS_KEY = "receipt_reminder_days"
RECEIPT_DAYS_DEFAULT = 5
COURIER_KEY = "courier"
COURIER_MAX = 80  # a name or a company and a person ("JNE — Pak Agus"); the manifest prints it on one line

# What an officer may type for a serial format: a serial as printed ("KB 0000001": the prefix, and as many digits
# as the sheets carry) or the two parts ("KB:7").
_EXAMPLE_RE = re.compile(r"^\s*([A-Za-z]+)[\s\-./]*(\d+)\s*$")
_PARTS_RE = re.compile(r"^\s*([^:\s]*)\s*:\s*(\d+)\s*$")


class SharedSetting:
    """One shared setting: its key in the `setting` table, its Indonesian label, default and allowed values."""

    key: str
    label: str
    allowed: str

    @property
    def default(self) -> Any:
        raise NotImplementedError

    def checked(self, value: Any) -> Any:
        """`value` (as stored, or as typed) in the form it is stored; refused with the rule's words."""
        raise NotImplementedError

    def text(self, value: Any) -> str:
        """A stored value as the officer reads it."""
        raise NotImplementedError


@dataclass(frozen=True)
class WholeNumber(SharedSetting):
    key: str
    label: str
    default_value: int
    minimum: int
    maximum: int
    unit: str  # "minggu", "hari kerja"
    meaning: str  # completes the allowed values: what the number counts

    @property
    def default(self) -> int:
        return self.default_value

    @property
    def allowed(self) -> str:
        return f"{self.minimum}–{self.maximum} {self.unit} {self.meaning}"

    def checked(self, value: Any) -> int:
        if isinstance(value, str):
            typed = value.strip()
            if not re.fullmatch(r"[+-]?\d+", typed):
                raise RuleError(f"{self.label}: '{typed}' bukan bilangan bulat; isi {self.minimum} sampai "
                                f"{self.maximum} {self.unit}.")
            value = int(typed)
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleError(f"{self.label}: '{value}' bukan bilangan bulat; isi {self.minimum} sampai "
                            f"{self.maximum} {self.unit}.")
        if not self.minimum <= value <= self.maximum:
            raise RuleError(f"{self.label}: {value} {self.unit} tidak dapat dipakai; isi {self.minimum} sampai "
                            f"{self.maximum} {self.unit}.")
        return value

    def text(self, value: Any) -> str:
        return f"{value} {self.unit}"


@dataclass(frozen=True)
class OneLine(SharedSetting):
    key: str
    label: str
    default_value: str
    longest: int
    allowed: str

    @property
    def default(self) -> str:
        return self.default_value

    def checked(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise RuleError(f"{self.label}: tulis teks, bukan '{value}'.")
        text = value.strip()
        if "\n" in text or "\r" in text or "\t" in text:
            raise RuleError(f"{self.label}: tulis satu baris saja, paling banyak {self.longest} huruf.")
        if len(text) > self.longest:
            raise RuleError(f"{self.label}: {len(text)} huruf terlalu panjang; paling banyak {self.longest} huruf.")
        return text

    def text(self, value: Any) -> str:
        return str(value) if value else "(tidak ada)"


@dataclass(frozen=True)
class SerialFormatSetting(SharedSetting):
    key: str
    label: str

    @property
    def default(self) -> dict:
        return dict(DEFAULT_FORMAT)

    @property
    def allowed(self) -> str:
        return (f"awalan 1–8 huruf dan {DIGITS_MIN}–{DIGITS_MAX} digit, ditulis seperti nomor seri (KB 0000001) "
                "atau AWALAN:DIGIT (KB:7); awalan tetap selama buku stok mencatat nomor seri, digit cukup untuk "
                "nomor terbesar yang tercatat")

    def checked(self, value: Any) -> dict:
        return self.format_of(value).to_setting()

    def format_of(self, value: Any) -> SerialFormat:
        """A SerialFormat from a stored dict, a SerialFormat, or what was typed ('KB 0000001', 'KB:7', JSON)."""
        if isinstance(value, SerialFormat):
            return SerialFormat.checked(value.prefix, value.digits)
        if isinstance(value, str):
            value = self._typed(value)
        if isinstance(value, dict):
            digits = value.get("digits")
            if isinstance(digits, bool) or not isinstance(digits, int):
                raise RuleError(f"{self.label}: jumlah digit '{digits}' bukan bilangan bulat.")
            return SerialFormat.checked(str(value.get("prefix", "")), digits)
        raise RuleError(f"{self.label}: '{value}' tidak dapat dibaca; {self.allowed}.")

    def _typed(self, typed: str) -> dict:
        text = typed.strip()
        if text.startswith("{"):
            try:
                value = json.loads(text)
            except ValueError:
                value = None
            if isinstance(value, dict):
                return value
        parts = _PARTS_RE.match(text)
        if parts:
            return {"prefix": parts.group(1), "digits": int(parts.group(2))}
        example = _EXAMPLE_RE.match(text)
        if example:
            return {"prefix": example.group(1), "digits": len(example.group(2))}
        raise RuleError(f"{self.label}: '{text}' tidak dapat dibaca; tulis nomor seri seperti KB 0000001 (awalan "
                        "dan digitnya) atau AWALAN:DIGIT seperti KB:7.")

    def text(self, value: Any) -> str:
        try:
            fmt = SerialFormat.from_setting(value)
        except (RuleError, TypeError, ValueError, AttributeError):
            return f"{value} (tidak valid)"  # stored behind the app's back: shown as it is, never a crash
        return f"{fmt.prefix}, {fmt.digits} digit ({fmt.text(1)})"


SERIAL_FORMAT = SerialFormatSetting(SERIAL_FORMAT_KEY, "Format nomor seri blanko")
LOW_STOCK_WEEKS = WholeNumber(LOW_STOCK_WEEKS_KEY, "Batas peringatan stok menipis", LOW_STOCK_WEEKS_DEFAULT, 1, 52,
                              "minggu", "persediaan pada laju pengeluaran 90 hari terakhir")
RECEIPT_DAYS = WholeNumber(RECEIPT_DAYS_KEY, "Pengingat tanda terima belum kembali", RECEIPT_DAYS_DEFAULT, 1, 60,
                           "hari kerja", "setelah paket diterima LSP")
COURIER = OneLine(COURIER_KEY, "Kurir bawaan", SETTING_DEFAULTS[COURIER_KEY], COURIER_MAX,
                  f"nama kurir, satu baris, paling banyak {COURIER_MAX} huruf; kosong: diketik saat serah terima")

#: In the order the page and `blanko settings` show them.
SETTINGS: tuple[SharedSetting, ...] = (SERIAL_FORMAT, LOW_STOCK_WEEKS, RECEIPT_DAYS, COURIER)
BY_KEY = {s.key: s for s in SETTINGS}
KEYS = frozenset(BY_KEY)


def spec(key: str) -> SharedSetting:
    """The setting named `key`; refused with the keys there are."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise RuleError(f"Pengaturan '{key}' tidak dikenal; yang dapat diubah: "
                        + ", ".join(s.key for s in SETTINGS) + ".") from None


@dataclass(frozen=True)
class SettingView:
    """A shared setting as it stands: the value in force (the default while nothing is stored) and who set it."""

    key: str
    label: str
    value: Any
    text: str
    default: Any
    default_text: str
    allowed: str
    stored: bool  # False: never set, the default applies
    version: int  # what a change hands back as `expected_version` (0: never set)
    updated_by: str
    updated_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "value": self.value, "text": self.text,
                "default": self.default, "default_text": self.default_text, "allowed": self.allowed,
                "stored": self.stored, "version": self.version, "updated_by": self.updated_by,
                "updated_at": self.updated_at.isoformat() if self.updated_at else None}


def views(services) -> list[SettingView]:
    """Every shared setting an office may change, in one query."""
    rows = {r.key: r for r in Setting.select().where(Setting.key.in_(list(KEYS)))}
    out = []
    for s in SETTINGS:
        row = rows.get(s.key)
        # a row holding null reads as the default, as each capability reads it
        value = row.value if row is not None and row.value is not None else s.default
        out.append(SettingView(s.key, s.label, value, s.text(value), s.default, s.text(s.default), s.allowed,
                               row is not None, row.version if row is not None else 0,
                               row.updated_by if row is not None else "", row.updated_at if row is not None else None))
    return out


def view(services, key: str) -> SettingView:
    spec(key)
    return next(v for v in views(services) if v.key == key)


def checked(services, key: str, value: Any) -> Any:
    """`value` for `key` as it is stored, refused unless the rule allows it. The serial format is weighed
    against the serials on record: call this inside the write transaction that stores it (set_setting does),
    so that no receipt slips in between."""
    setting = spec(key)
    value = setting.checked(value)
    if setting is SERIAL_FORMAT:
        _check_serials_on_record(services, SERIAL_FORMAT.format_of(value))
    return value


def change(services, key: str, value: Any, expected_version: int | None = None) -> SettingView:
    """Store one shared setting; the setting as it stands. A value equal to the one in force is left alone (no
    audit entry for nothing)."""
    return change_many(services, {key: (value, expected_version)})[0]


def change_many(services, changes: dict[str, tuple[Any, int | None]]) -> list[SettingView]:
    """Store several shared settings in one transaction: all of them, or none when one is refused or a
    colleague changed one since `expected_version` (ConflictError). Each change is audited by set_setting."""
    for key, (value, _version) in changes.items():
        spec(key).checked(value)  # the plain rules first, before the write lock is taken

    def op():
        current = {v.key: v for v in views(services)}
        for key, (value, version) in changes.items():
            if version is not None and current[key].version != version:
                raise _conflict(current[key])
            if spec(key).checked(value) != current[key].value:
                services.set_setting(key, value, current[key].version)

    services._write(op)
    after = {v.key: v for v in views(services)}
    return [after[key] for key in changes]


def _conflict(view: SettingView) -> ConflictError:
    from blanko_desktop.core.services.base import _local_text

    return ConflictError(f"Pengaturan '{view.label}'", view.updated_by or None, _local_text(view.updated_at))


# -- the serials on record -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Series:
    prefix: str
    lowest: int
    highest: int


def serials_on_record() -> list[_Series]:
    """Each prefix the books hold serials of, with its lowest and highest number: every ledger line (the ranges
    where serials are now all came from one) and every stock count's ranges (a surplus found enters the stock
    when the count is settled)."""
    found: dict[str, list[int]] = {}
    for prefix, low, high in (StockMovement.select(StockMovement.prefix, fn.MIN(StockMovement.first_no),
                                                   fn.MAX(StockMovement.last_no))
                              .group_by(StockMovement.prefix).tuples()):
        found[prefix] = [low, high]
    counted = StockCount.select(StockCount.counted_ranges).where(StockCount.counted_ranges.is_null(False))
    for (ranges,) in counted.tuples():
        for prefix, low, high in ranges or []:
            span = found.setdefault(prefix, [low, high])
            span[0], span[1] = min(span[0], low), max(span[1], high)
    return [_Series(p, low, high) for p, (low, high) in sorted(found.items())]


def _check_serials_on_record(services, new: SerialFormat) -> None:
    from blanko_desktop.core.stock import StockLedger

    old = StockLedger(services).serial_format()
    series = serials_on_record()
    others = [s for s in series if s.prefix != new.prefix]
    if others:
        held = "; ".join(f"{old.text(s.lowest, s.prefix)} sampai {old.text(s.highest, s.prefix)}" for s in others)
        raise RuleError(
            f"Awalan nomor seri tidak dapat diubah dari '{old.prefix}' ke '{new.prefix}': buku stok sudah mencatat "
            f"nomor seri {held}. Nomor seri disimpan bersama awalannya dan hanya awalan yang berlaku yang dapat "
            "diketik, sehingga lembar-lembar itu tidak dapat lagi dicari, dikeluarkan, dikembalikan, atau dihitung.")
    if series:
        top = max(series, key=lambda s: s.highest)
        need = len(str(top.highest))
        if new.digits < need:
            raise RuleError(
                f"Jumlah digit nomor seri {new.digits} terlalu sedikit: nomor seri terbesar yang tercatat, "
                f"{old.text(top.highest, top.prefix)}, memerlukan {need} digit dan tidak dapat lagi diketik atau "
                f"dicetak utuh. Gunakan {need} sampai {DIGITS_MAX} digit.")
