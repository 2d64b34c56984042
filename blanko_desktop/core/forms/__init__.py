"""The forms the secretariat prints, each rendered to PDF bytes from plain data through its template in forms/."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from blanko_desktop import paths
from blanko_desktop.core.forms import engine
from blanko_desktop.core.forms.engine import FormTemplateError

__all__ = [
    "FORMS", "ApprovalSheetData", "CompletionLetterData", "FormTemplateError", "LabelData", "ManifestData",
    "ManifestParcel", "ReceiptData", "SchemeCount", "SerialRange", "SignatoryData", "check_templates",
    "receipt_number", "render", "render_approval_sheet", "render_completion_letter", "render_label",
    "render_manifest", "render_receipt",
]


@dataclass
class SignatoryData:
    name: str
    nip: str = ""
    title: str = ""


@dataclass
class SchemeCount:
    scheme: str
    competent: int
    not_yet: int = 0


@dataclass
class SerialRange:
    """Blanks first..last (inclusive) with a printed prefix, e.g. 'B' 1200..1236 -> B0001200 – B0001236
    (with `sep` ' ' as the stock register prints them: KB 0001200 – KB 0001236)."""

    prefix: str
    first: int
    last: int
    width: int = 7
    sep: str = ""

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def text(self) -> str:
        first = f"{self.prefix}{self.sep}{self.first:0{self.width}d}"
        return first if self.first == self.last else f"{first} – {self.prefix}{self.sep}{self.last:0{self.width}d}"


@dataclass
class ApprovalSheetData:
    request_id: int
    lsp_name: str
    lsp_address: str
    letter_number: str
    letter_date: date | None
    received_on: date
    schemes: list[SchemeCount]
    competent: int
    quantity: int
    reason: str
    signatory: SignatoryData
    officer: str
    date: date


@dataclass
class ReceiptData:
    number: str
    request_id: int
    lsp_name: str
    lsp_address: str
    letter_number: str
    quantity: int
    ranges: list[SerialRange]
    signatory: SignatoryData
    date: date
    copies: list[str] = field(default_factory=lambda: ["untuk LSP", "arsip"])


@dataclass
class LabelData:
    lsp_name: str
    address: str
    contact_person: str
    phone: str
    reference: str  # the receipt number, so the parcel and its paperwork match
    quantity: int
    request_id: int


@dataclass
class ManifestParcel:
    lsp_name: str
    city: str
    tracking_no: str
    reference: str
    quantity: int


@dataclass
class ManifestData:
    pickup_date: date
    courier: str
    parcels: list[ManifestParcel]
    officer: str


@dataclass
class CompletionLetterData:
    request_id: int
    lsp_name: str
    lsp_address: str
    letter_number: str
    received_on: date
    lines: list[str]
    officer: str
    deadline: str
    date: date


@dataclass(frozen=True)
class FormSpec:
    name: str  # the code in the printed-forms log (PrintedForm.form)
    title: str  # what the officer calls it
    file: str
    data: type


FORMS: dict[str, FormSpec] = {spec.name: spec for spec in (
    FormSpec("approval", "Lembar persetujuan", "lembar-persetujuan.xml", ApprovalSheetData),
    FormSpec("receipt", "Tanda terima", "tanda-terima.xml", ReceiptData),
    FormSpec("label", "Label alamat paket", "label-alamat.xml", LabelData),
    FormSpec("manifest", "Daftar serah terima kurir", "manifest-kurir.xml", ManifestData),
    FormSpec("completion", "Surat permintaan kelengkapan", "surat-kelengkapan.xml", CompletionLetterData),
)}


def receipt_number(request_id: int, year: int) -> str:
    """A receipt's number: 'TT-2026-000123' (year of approval, request number), the same on every reprint."""
    return f"TT-{year}-{request_id:06d}"


def _fields(data_type: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(data_type))


def _context(data: Any) -> dict[str, Any]:
    # shallow: nested dataclasses stay objects, so a template can use a range's .text and .count
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}


_letterhead_parsed: tuple[Any, list] | None = None  # (the loaded letterhead template, its blocks)


def _letterhead():
    # the letterhead has no fields: filled and parsed once per version of its file, not once per page
    global _letterhead_parsed
    template = engine.load(engine.LETTERHEAD, frozenset())
    parsed = _letterhead_parsed
    if parsed is None or parsed[0] is not template:
        parsed = (template, list(engine.parse_xml(engine.fill(template, {}), engine.LETTERHEAD).element))
        _letterhead_parsed = parsed
    return parsed[1]


# The last forms rendered, by what makes their bytes (form, data, the forms folder's files): the officer previews
# a form and then prints or saves it, the approval tab and the Pengiriman tab render the same receipt; rendering
# is deterministic (reportlab's invariant mode), so the same key gives the same PDF without laying it out again.
_RENDERED: OrderedDict[tuple, bytes] = OrderedDict()
_RENDERED_MAX = 8
_RENDERED_LOCK = threading.Lock()


def _folder_stamp() -> tuple:
    """What the forms folder holds now (templates, letterhead, pictures): name, modification time and size."""
    folder = paths.forms_dir()
    try:
        with os.scandir(folder) as entries:
            files = sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in entries if e.is_file())
    except OSError:
        files = []
    return (str(folder), *files)


def render(form: str, data: Any) -> bytes:
    """The PDF of `form` ('approval', 'receipt', 'label', 'manifest', 'completion') filled with `data`."""
    spec = FORMS.get(form)
    if spec is None:
        raise FormTemplateError(form, None, f"formulir tidak dikenal (pilihan: {', '.join(FORMS)})")
    if not isinstance(data, spec.data):
        raise TypeError(f"{form} needs {spec.data.__name__}, got {type(data).__name__}")
    key = (form, repr(data), _folder_stamp())
    with _RENDERED_LOCK:
        pdf = _RENDERED.get(key)
        if pdf is not None:
            _RENDERED.move_to_end(key)
            return pdf
    template = engine.load(spec.file, _fields(spec.data))
    pdf = engine.render(template, _context(data), _letterhead)
    with _RENDERED_LOCK:
        _RENDERED[key] = pdf
        while len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    return pdf


def render_approval_sheet(data: ApprovalSheetData) -> bytes:
    return render("approval", data)


def render_receipt(data: ReceiptData) -> bytes:
    return render("receipt", data)


def render_label(data: LabelData) -> bytes:
    return render("label", data)


def render_manifest(data: ManifestData) -> bytes:
    return render("manifest", data)


def render_completion_letter(data: CompletionLetterData) -> bytes:
    return render("completion", data)


def check_templates() -> list[str]:
    """Load every template (and the letterhead); the list of problems, one message each, empty when all are fine."""
    problems = []
    for item in [engine.LETTERHEAD] + [spec.name for spec in FORMS.values()]:
        try:
            if item == engine.LETTERHEAD:
                engine.load(item, frozenset())
            else:
                engine.load(FORMS[item].file, _fields(FORMS[item].data))
        except FormTemplateError as exc:
            problems.append(str(exc))
    return problems
