"""The registry: LSPs with the addresses they write from, and the echelon-4 signatories."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import Lsp, LspAddress, Signatory
from blanko_desktop.core.services.base import ServiceBase

LSP_FIELDS = ("name", "licence_no", "address", "city", "postal_code", "phone", "contact_person", "active")
# Blanks are shipped to the LSP's address of record: a registration needs both (older records may lack them and
# are flagged, see shipping_gaps).
SHIPPING_FIELDS = {"address": "alamat", "city": "kota/kabupaten"}


def shipping_gaps(lsp: Any) -> list[str]:
    """The fields (of SHIPPING_FIELDS) an LSP (row, view or dict) still lacks for a parcel to be sent to it."""
    get = lsp.get if isinstance(lsp, dict) else (lambda name, default="": getattr(lsp, name, default))
    return [name for name in SHIPPING_FIELDS if not str(get(name, "") or "").strip()]


def lsp_dict(lsp: Lsp) -> dict[str, Any]:
    """An LSP as plain data (audit snapshots, CLI JSON)."""
    data = {f: getattr(lsp, f) for f in LSP_FIELDS}
    data.update(id=lsp.id, version=lsp.version,
                emails=sorted(a.value for a in lsp.addresses if not a.is_domain),
                domains=sorted(a.value for a in lsp.addresses if a.is_domain))
    return data


# A whole domain identifies an LSP only when the LSP owns it: never a free-mail provider or a public suffix,
# or every sender there would be taken for that LSP.
SHARED_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.id", "ymail.com", "rocketmail.com", "outlook.com",
    "outlook.co.id", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "proton.me",
    "protonmail.com", "mail.com", "zoho.com", "yandex.com", "gmx.com",
})

PUBLIC_SUFFIXES = frozenset({
    "co.id", "or.id", "ac.id", "go.id", "web.id", "sch.id", "my.id", "biz.id", "net.id", "mil.id", "desa.id",
    "ponpes.id", "co.uk", "com.sg", "com.my",
})


def _split_addresses(values: Iterable[str]) -> tuple[list[str], list[str]]:
    emails, domains = [], []
    for raw in values:
        for part in str(raw).replace(";", ",").replace("\n", ",").split(","):
            value = part.strip().lower().lstrip("@")
            if not value:
                continue
            if "@" in value:
                local, _, host = value.partition("@")
                if not local or "." not in host:
                    raise RuleError(f"Alamat e-mail '{part.strip()}' tidak valid.")
                emails.append(value)
            elif value in SHARED_MAIL_DOMAINS or value in PUBLIC_SUFFIXES:
                raise RuleError(f"Domain '{value}' dipakai banyak orang, bukan milik satu LSP: daftarkan alamat "
                                "e-mail lengkapnya saja.")
            elif "." in value:
                domains.append(value)
            else:
                raise RuleError(f"'{part.strip()}' bukan alamat e-mail atau domain.")
    return emails, domains


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    problems: list[str] = field(default_factory=list)


class RegistryService(ServiceBase):
    """LSPs, their sender addresses and domains, and the signatories."""

    def signatories(self, active_only: bool = False) -> list[Signatory]:
        query = Signatory.select().order_by(Signatory.name, Signatory.id)
        return list(query.where(Signatory.active == True) if active_only else query)  # noqa: E712

    def save_signatory(self, name: str, nip: str = "", title: str = "", active: bool = True,
                       signatory_id: int | None = None, expected_version: int | None = None) -> Signatory:
        name, nip = name.strip(), nip.replace(" ", "")
        if not name:
            raise RuleError("Nama pejabat penandatangan wajib diisi.")
        if nip and (not nip.isdigit() or len(nip) != 18):
            raise RuleError(f"NIP '{nip}' tidak valid: NIP terdiri dari 18 digit.")
        data = {"name": name, "nip": nip, "title": title.strip(), "active": active}

        def op():
            if signatory_id is None:
                row = Signatory.create(**data, updated_by=self.actor.label)
                self._audit("signatory.add", "signatory", row.id, None, data)
                return row
            row = Signatory.get_or_none(Signatory.id == signatory_id)
            if row is None:
                raise NotFoundError(f"Pejabat #{signatory_id} tidak ditemukan.")
            before = {k: getattr(row, k) for k in data}
            self._bump(row, expected_version, f"Data pejabat {row.name}", data)
            self._audit("signatory.edit", "signatory", row.id, before, data)
            return row

        return self._write(op)

    # -- LSP registry -------------------------------------------------------------------------------

    def lsps(self, active_only: bool = False) -> list[Lsp]:
        query = Lsp.select().order_by(Lsp.name)
        return list(query.where(Lsp.active == True) if active_only else query)  # noqa: E712

    def lsp(self, lsp_id: int) -> Lsp:
        # read by every new request and most forms: SQL written once (peewee built its select anew each call);
        # raw SQL goes to the server untranslated, so it carries the engine's own placeholder
        sql = f"SELECT * FROM lsp WHERE id = {Lsp._meta.database.param}"
        row = next(iter(Lsp.raw(sql, lsp_id)), None)
        if row is None:
            raise NotFoundError(f"LSP #{lsp_id} tidak ditemukan.")
        return row

    def find_lsp(self, name: str) -> Lsp:
        """An LSP by exact name (any case) or by a part of its name that fits only one."""
        wanted = name.strip().lower()
        rows = self.lsps()
        exact = [l for l in rows if l.name.lower() == wanted]
        if exact:
            return exact[0]
        partial = [l for l in rows if wanted and wanted in l.name.lower()]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise NotFoundError(f"LSP '{name}' tidak ada di daftar LSP.")
        raise RuleError(f"'{name}' cocok dengan beberapa LSP: " + ", ".join(l.name for l in partial[:5]))

    def lsp_for_sender(self, address: str) -> Lsp | None:
        """The LSP that a sender address belongs to: its exact address, else its domain."""
        address = (address or "").strip().lower()
        if not address:
            return None
        hit = LspAddress.get_or_none(LspAddress.value == address)
        if hit is None and "@" in address:
            domain = address.rpartition("@")[2]
            # a sub-domain (mail.lsp-x.id) belongs to the registered domain (lsp-x.id)
            candidates = [domain] + [domain.split(".", i)[-1] for i in range(1, domain.count("."))]
            hit = (LspAddress.select().where((LspAddress.is_domain == True)  # noqa: E712
                                             & LspAddress.value.in_(candidates)).first())
        return hit.lsp if hit else None

    def _validate_lsp(self, data: dict[str, Any], require_address: bool = False,
                      before: dict[str, Any] | None = None) -> None:
        if not str(data.get("name", "")).strip():
            raise RuleError("Nama LSP wajib diisi.")
        name = str(data.get("name", "")).strip()
        if require_address:
            missing = [SHIPPING_FIELDS[f] for f in shipping_gaps(data)]
            if missing:
                raise RuleError(f"{' dan '.join(m.capitalize() if i == 0 else m for i, m in enumerate(missing))} "
                                f"{name} wajib diisi: blanko dikirim ke alamat LSP yang tercatat.")
        if before is not None:
            # a record without them stays usable (flagged in the registry); one that has them keeps them
            emptied = [word for field, word in SHIPPING_FIELDS.items()
                       if str(before.get(field) or "").strip() and not str(data.get(field) or "").strip()]
            if emptied:
                raise RuleError(f"{' dan '.join(emptied).capitalize()} {name} tidak boleh dikosongkan: blanko "
                                "dikirim ke alamat LSP yang tercatat.")
        code = str(data.get("postal_code", "")).strip()
        if code and (not code.isdigit() or len(code) != 5):
            raise RuleError(f"Kode pos '{code}' tidak valid: kode pos terdiri dari 5 digit.")

    def _set_addresses(self, lsp: Lsp, addresses: Iterable[str]) -> None:
        emails, domains = _split_addresses(addresses)
        for value in emails + domains:
            other = LspAddress.get_or_none(LspAddress.value == value)
            if other and other.lsp_id != lsp.id:
                raise RuleError(f"Alamat '{value}' sudah terdaftar untuk {other.lsp.name}.")
        LspAddress.delete().where(LspAddress.lsp == lsp).execute()
        for value in emails:
            LspAddress.create(lsp=lsp, value=value, is_domain=False)
        for value in domains:
            LspAddress.create(lsp=lsp, value=value, is_domain=True)

    def add_lsp(self, name: str, emails: Iterable[str] = (), *, require_address: bool = False,
                **fields: Any) -> Lsp:
        """Register an LSP with its e-mail addresses and/or domains.

        `require_address`: the officer registers it (window, CLI), so the address and city that blanks are
        shipped to are required. An Excel import and older records may lack them; the registry flags those.
        """
        data = {"name": name.strip(), **{k: (v.strip() if isinstance(v, str) else v)
                                          for k, v in fields.items() if k in LSP_FIELDS}}
        self._validate_lsp(data, require_address=require_address)

        def op():
            if Lsp.get_or_none(Lsp.name == data["name"]):
                raise RuleError(f"LSP '{data['name']}' sudah terdaftar.")
            row = Lsp.create(**data, updated_by=self.actor.label)
            self._set_addresses(row, emails)
            self._audit("lsp.add", "lsp", row.id, None, lsp_dict(row))
            return row

        return self._write(op)

    def update_lsp(self, lsp_id: int, expected_version: int | None = None,
                   emails: Iterable[str] | None = None, **fields: Any) -> Lsp:
        """Edit an LSP; refused if a colleague saved it since `expected_version`."""
        changes = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items() if k in LSP_FIELDS}

        def op():
            row = self.lsp(lsp_id)
            before = lsp_dict(row)
            self._validate_lsp({**before, **changes}, before=before)
            if "name" in changes and Lsp.get_or_none((Lsp.name == changes["name"]) & (Lsp.id != lsp_id)):
                raise RuleError(f"LSP '{changes['name']}' sudah terdaftar.")
            self._bump(row, expected_version, f"Data {row.name}", changes)
            if emails is not None:
                self._set_addresses(row, emails)
            self._audit("lsp.edit", "lsp", row.id, before, lsp_dict(row))
            return row

        return self._write(op)

    def add_lsp_address(self, lsp_id: int, address: str) -> Lsp:
        """Add one sender address (or domain) to an LSP, e.g. after recognising an unknown sender."""
        row = self.lsp(lsp_id)
        current = [a.value for a in row.addresses]
        return self.update_lsp(lsp_id, None, emails=current + [address])

    def import_lsps(self, path) -> ImportResult:
        """Add or update LSPs from an Excel list; each bad row is reported by sheet and row."""
        from blanko_desktop.core.lsp_import import read_lsp_rows

        result = ImportResult()
        rows, problems = read_lsp_rows(path)
        result.problems += problems
        for where, data in rows:
            emails = data.pop("emails", [])
            try:
                existing = Lsp.get_or_none(Lsp.name == data["name"])
                if existing:
                    # an empty cell does not erase what the registry holds
                    data = {k: v for k, v in data.items() if v not in ("", None)}
                    self.update_lsp(existing.id, None, emails=emails or None, **data)
                    result.updated += 1
                else:
                    self.add_lsp(data.pop("name"), emails, **data)
                    result.added += 1
            except RuleError as exc:
                result.problems.append(f"{where}: {exc}")
        return result
