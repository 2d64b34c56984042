"""Serial numbers of blanks: the configured format, parsing what officers type or scanners send, ranges."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from blanko_desktop.core.errors import RuleError

SETTING_KEY = "stock_serial_format"
DEFAULT_FORMAT = {"prefix": "KB", "digits": 7}
DIGITS_MIN, DIGITS_MAX = 3, 12  # the printed width of the number; shared_settings offers the same range

_PREFIX_RE = re.compile(r"^[A-Z]{1,8}$")
# A serial inside free text: optional letters (the prefix), optional spaces/dashes, then digits.
_TOKEN_RE = re.compile(r"([A-Z]+)?[\s\-./]*(\d+)")
# Words officers put between the first and the last sheet of a range.
_BETWEEN_RE = re.compile(r"\s*(?:S\s*/\s*D|S\.\s*D\.?|SAMPAI(?:\s+DENGAN)?|HINGGA|–|—|\.\.|\bTO\b)\s*")


@dataclass(frozen=True)
class SerialFormat:
    """Prefix and zero-padded number, printed as 'KB 0012345'."""

    prefix: str = "KB"
    digits: int = 7

    @classmethod
    def from_setting(cls, value: dict | None) -> "SerialFormat":
        value = value or DEFAULT_FORMAT
        return cls.checked(str(value.get("prefix", "")), int(value.get("digits", 0)))

    @classmethod
    def checked(cls, prefix: str, digits: int) -> "SerialFormat":
        prefix = prefix.strip().upper()
        if not _PREFIX_RE.match(prefix):
            raise RuleError(f"Awalan nomor seri '{prefix}' tidak valid: gunakan 1–8 huruf (misalnya KB).")
        if not DIGITS_MIN <= digits <= DIGITS_MAX:
            raise RuleError(f"Jumlah digit nomor seri {digits} tidak valid: gunakan {DIGITS_MIN} sampai "
                            f"{DIGITS_MAX} digit.")
        return cls(prefix, digits)

    def to_setting(self) -> dict:
        return {"prefix": self.prefix, "digits": self.digits}

    @property
    def largest(self) -> int:
        return 10 ** self.digits - 1

    def text(self, number: int, prefix: str | None = None) -> str:
        """A serial as printed everywhere: 'KB 0012345'."""
        return f"{self.prefix if prefix is None else prefix} {number:0{self.digits}d}"

    def range_text(self, first: int, last: int, prefix: str | None = None) -> str:
        if first == last:
            return self.text(first, prefix)
        return f"{self.text(first, prefix)} – {self.text(last, prefix)}"

    # -- parsing ----------------------------------------------------------------------------------------

    def _number(self, letters: str | None, digits: str, typed: str) -> int:
        if letters and letters != self.prefix:
            raise RuleError(f"Nomor seri '{typed.strip()}' berawalan '{letters}', bukan '{self.prefix}' "
                            f"(format: {self.text(1)}).")
        number = int(digits)
        if len(digits.lstrip("0")) > self.digits or number > self.largest:
            raise RuleError(f"Nomor seri '{typed.strip()}' lebih dari {self.digits} digit "
                            f"(format: {self.text(1)}).")
        if number < 1:
            raise RuleError(f"Nomor seri '{typed.strip()}' tidak valid: nomor dimulai dari 1.")
        return number

    def _tokens(self, typed: str) -> list[tuple[str | None, str]]:
        text = typed.strip().upper()
        if not text:
            raise RuleError("Nomor seri kosong.")
        text = _BETWEEN_RE.sub(" | ", text)
        tokens, pos = [], 0
        for match in _TOKEN_RE.finditer(text):
            gap = text[pos:match.start()]
            if gap.strip(" \t-|,;:"):
                raise RuleError(f"Nomor seri '{typed.strip()}' tidak dapat dibaca (format: {self.text(1)}).")
            tokens.append((match.group(1), match.group(2)))
            pos = match.end()
        if not tokens or text[pos:].strip(" \t-|,;:"):
            raise RuleError(f"Nomor seri '{typed.strip()}' tidak dapat dibaca (format: {self.text(1)}).")
        return tokens

    def parse(self, typed: str) -> int:
        """One serial from what was typed or scanned ('kb-0012345', 'KB0012345', '12345')."""
        tokens = self._tokens(typed)
        if len(tokens) != 1:
            raise RuleError(f"'{typed.strip()}' bukan satu nomor seri (format: {self.text(1)}).")
        return self._number(*tokens[0], typed)

    def parse_range(self, typed: str) -> "SerialRange":
        """A range 'KB 0000001 - KB 0000100' (or 's/d', 'sampai', '..'), or one serial as a range of one."""
        tokens = self._tokens(typed)
        if len(tokens) > 2:
            raise RuleError(f"'{typed.strip()}' berisi lebih dari dua nomor seri; tulis satu rentang per baris "
                            "(nomor awal – nomor akhir).")
        first = self._number(*tokens[0], typed)
        last = self._number(*tokens[-1], typed)
        if last < first:
            raise RuleError(f"Rentang terbalik: {self.text(first)} – {self.text(last)}; nomor awal harus "
                            "lebih kecil dari nomor akhir.")
        return SerialRange(self.prefix, first, last)

    def parse_ranges(self, typed: Iterable[str] | str) -> list["SerialRange"]:
        """Several ranges, one per line (or ';'-separated), checked not to overlap one another."""
        lines = typed.replace(";", "\n").splitlines() if isinstance(typed, str) else list(typed)
        ranges = [self.parse_range(line) for line in lines if line.strip()]
        check_disjoint(ranges, self)
        return ranges


@dataclass(frozen=True, order=True)
class SerialRange:
    """Serials first..last (inclusive) of one prefix."""

    prefix: str
    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def text(self, fmt: SerialFormat) -> str:
        return fmt.range_text(self.first, self.last, self.prefix)


def check_disjoint(ranges: list[SerialRange], fmt: SerialFormat) -> None:
    """Refuse ranges given twice or overlapping one another in one entry."""
    ordered = sorted(ranges)
    for a, b in zip(ordered, ordered[1:]):
        if a.prefix == b.prefix and b.first <= a.last:
            both = SerialRange(a.prefix, b.first, min(a.last, b.last))
            raise RuleError(f"Rentang {a.text(fmt)} dan {b.text(fmt)} tumpang tindih ({both.text(fmt)} "
                            "disebut dua kali).")


def merge(ranges: Iterable[SerialRange]) -> list[SerialRange]:
    """Ranges sorted, with touching or overlapping ones joined."""
    out: list[SerialRange] = []
    for r in sorted(ranges):
        if out and out[-1].prefix == r.prefix and r.first <= out[-1].last + 1:
            out[-1] = SerialRange(r.prefix, out[-1].first, max(out[-1].last, r.last))
        else:
            out.append(r)
    return out


def subtract(whole: Iterable[SerialRange], minus: Iterable[SerialRange]) -> list[SerialRange]:
    """The serials of `whole` that are not in `minus`, as ranges."""
    out: list[SerialRange] = []
    cuts = merge(minus)
    for r in merge(whole):
        start = r.first
        for c in cuts:
            if c.prefix != r.prefix or c.last < start or c.first > r.last:
                continue
            if c.first > start:
                out.append(SerialRange(r.prefix, start, c.first - 1))
            start = max(start, c.last + 1)
        if start <= r.last:
            out.append(SerialRange(r.prefix, start, r.last))
    return out


def total(ranges: Iterable[SerialRange]) -> int:
    return sum(r.count for r in ranges)
