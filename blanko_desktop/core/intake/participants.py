"""The participant list (daftar peserta K/BK): read any layout LSPs send, count per scheme and funding, check rows."""

import functools
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import olefile
from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from blanko_desktop.core.intake.archive import archive_problem
from blanko_desktop.core.intake.dates import cell_date
from blanko_desktop.core.intake.findings import Finding, Severity, dotted, is_failure, summarise
from blanko_desktop.core.intake.limits import MAX_FINDINGS_PER_KIND, MAX_LIST_ROWS, MAX_SHEET_CELLS
from blanko_desktop.core.intake.nik import NikBirth, NikCheck, birth_date_matches, check_nik, nik_birth
from blanko_desktop.core.intake.sniff import SPREADSHEET_TYPES, detect_type, type_label

Verdict = Literal["K", "BK"]
# Rows of cells as calamine gives them: str, float, bool, date, datetime, time or timedelta.
Grid = list[list[Any]]

# The header is looked for this far down: title blocks above it run to a dozen rows at most.
HEADER_SCAN_ROWS = 40
HEADER_WANTED = (
    "NAMA (NAMA ASESI/NAMA PESERTA), NIK (NIK/NO KTP), REKOMENDASI (REKOMENDASI/KEPUTUSAN/HASIL atau kolom K dan BK) "
    "dan SKEMA (KODE SKEMA/NAMA SKEMA)"
)
ZIPPED_SPREADSHEETS = frozenset({"xlsx", "xlsb", "ods"})
_XML_PIECE = 1 << 20  # a sheet's XML is scanned for its rows in pieces of this size


@dataclass(frozen=True)
class Participant:
    """One participant row with a K or BK verdict; row is the 1-based Excel row number."""

    name: str
    nik: str
    scheme_code: str
    scheme_name: str
    verdict: Verdict
    funding: str
    registration: str
    sheet: str
    row: int


@dataclass
class ParticipantList:
    """Everything read from a participant list: rows, counts and findings; headers feed classification."""

    participants: list[Participant] = field(default_factory=list)
    per_scheme: dict[str, dict[str, int]] = field(default_factory=dict)
    per_funding: dict[str, dict[str, int]] = field(default_factory=dict)
    competent: int = 0
    not_yet: int = 0
    findings: list[Finding] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)


def parse_participant_list(data: bytes, filename: str) -> ParticipantList:
    """Read and check a participant list; unsafe or unreadable files give findings, never exceptions."""
    result = ParticipantList()
    refusal = _refusal(data, filename)
    if refusal:
        result.findings.append(Finding(filename, None, None, refusal))
        return result
    if detect_type(data, filename) == "xlsx":
        rows = xlsx_value_rows(data)
        if rows is not None and rows > MAX_LIST_ROWS:
            # counted in the XML before calamine builds the sheets: 1,000,000 rows are refused in about a
            # second instead of 7 s and 550 MB spent loading them
            result.findings.append(Finding(filename, None, None, too_many_rows(rows)))
            return result
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        result.findings.append(Finding(filename, None, None, "berkas Excel dikunci kata sandi; kirim tanpa kata sandi"))
        return result
    except BaseException as error:  # calamine raises its own types, plain ones and even panics on damaged files
        if not is_failure(error):
            raise
        result.findings.append(Finding(filename, None, None, "berkas Excel rusak, tidak dapat dibaca"))
        return result
    try:
        _Reader(filename, result).read(workbook)
    except _TooManyRows as refused:
        return ParticipantList(findings=[Finding(filename, None, None, too_many_rows(refused.rows))])
    result.findings = summarise(result.findings, MAX_FINDINGS_PER_KIND)
    return result


def too_many_rows(rows: int) -> str:
    """The refusal of a list above MAX_LIST_ROWS, with the figure and the limit."""
    return (f"daftar peserta terlalu besar: {dotted(rows)} baris berisi data (batas {dotted(MAX_LIST_ROWS)} baris "
            "per daftar); berkas tidak dibaca. Kirim daftar peserta saja, satu baris per peserta")


class _TooManyRows(Exception):
    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


def xlsx_value_rows(data: bytes) -> int | None:
    """Rows holding a value in all the worksheets of an .xlsx, counted in its XML; None when it cannot be read.

    Reads each worksheet in pieces, so memory stays at a piece whatever the sheet's size (the archive guard has
    already bounded the inflated size). Rows that carry only formatting do not count, as they do not for calamine.
    """
    rows = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                tail = b""
                with archive.open(info) as stream:
                    while piece := stream.read(_XML_PIECE):
                        parts = (tail + piece).split(b"<row")
                        tail = parts.pop()  # the last row may go on in the next piece
                        rows += sum(1 for part in parts if b"<v>" in part or b"<is>" in part)
                        if len(tail) > _XML_PIECE:  # one endless row: count it and do not keep it all
                            rows += b"<v>" in tail or b"<is>" in tail
                            tail = tail[-8:]
                rows += b"<v>" in tail or b"<is>" in tail
    except Exception:  # damaged: calamine reports it in its own words
        return None
    return rows


def _refusal(data: bytes, filename: str) -> str | None:
    """Why the file is not opened at all: not a spreadsheet, macros, a password, or an unsafe archive."""
    detected = detect_type(data, filename)
    if detected == "empty":
        return "berkas kosong (0 byte)"
    if detected == "xlsm" or (detected == "xls" and _xls_has_macros(data)):
        return "berkas Excel berisi makro; demi keamanan tidak dibuka. Simpan ulang sebagai Excel Workbook (.xlsx)"
    if detected == "encrypted":
        return "berkas Excel dikunci kata sandi; kirim tanpa kata sandi"
    if detected == "zip" or detected in ZIPPED_SPREADSHEETS:
        problem = archive_problem(data)
        if problem:
            return f"berkas ditolak: {problem}"
    if detected not in SPREADSHEET_TYPES:
        return f"bukan berkas Excel (isi berkas: {type_label(detected)})"
    return None


def _xls_has_macros(data: bytes) -> bool:
    """An old-format workbook carrying a VBA project."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return any(entry[0].lower() == "_vba_project_cur" for entry in ole.listdir(streams=True, storages=True))
    except Exception:  # unreadable OLE: calamine will report the damage
        return False


# --- header recognition -------------------------------------------------------------------------------------------

# NAMA headers that name something other than the participant: NAMA ASESOR, NAMA TUK, NAMA IBU KANDUNG ...
_NOT_A_PERSON = frozenset(
    "ASESOR TUK LSP IBU AYAH PERUSAHAAN INSTANSI LEMBAGA TEMPAT KANTOR ORGANISASI JABATAN SEKOLAH PENGUJI SKEMA "
    "UNIT KELOMPOK PROGRAM".split()
)
_VERDICT_WORDS = frozenset({"REKOMENDASI", "KEPUTUSAN", "HASIL", "STATUS", "KESIMPULAN"})
_FUNDING_WORDS = frozenset({"ANGGARAN", "DANA", "PEMBIAYAAN", "BIAYA"})
_NUMBER_HEADERS = frozenset({"NO", "NOMOR", "NO URUT", "NOMOR URUT"})
_MARK_K = frozenset({"K", "KOMPETEN"})
_MARK_BK = frozenset({"BK", "B K", "BELUM KOMPETEN", "TK"})
# Words that head a column only under a parent cell: "SKEMA" over "KODE | NAMA", "REKOMENDASI" over "K | BK".
_SUB_HEADER_WORDS = frozenset({"KODE", "NAMA", "JUDUL", "NOMOR", "NO"}) | _MARK_K | _MARK_BK


def _normalise_header(value: object) -> str:
    text = value if isinstance(value, str) else ""
    text = " ".join(re.sub(r"[^0-9A-Z]+", " ", text.upper()).split())
    # letters typed apart for a wide column ("N I K", "N A M A") are one word
    return re.sub(r"\b[A-Z](?: [A-Z]\b){2,}", lambda m: m.group(0).replace(" ", ""), text)


def header_field(value: object) -> str | None:
    """The participant field a header cell names ('name', 'nik', 'verdict', ...), or None."""
    text = _normalise_header(value)
    if not text:
        return None
    words = set(text.split())
    if text in _NUMBER_HEADERS:
        return "no"
    if "SKEMA" in words:
        return "scheme_code" if words & {"KODE", "NO", "NOMOR"} else "scheme_name"
    if "NAMA" in words:
        return None if words & _NOT_A_PERSON else "name"
    if text in ("ASESI", "PESERTA"):
        return "name"
    if "NIK" in words or "KTP" in words or "KEPENDUDUKAN" in words:
        return "nik"
    if "REGISTRASI" in words or "REG" in words:
        return "registration"
    if words & _FUNDING_WORDS:
        return "funding"
    if words & _VERDICT_WORDS or text in ("K BK", "KOMPETEN BELUM KOMPETEN"):
        return "verdict"
    if "LAHIR" in words and words & {"TANGGAL", "TGL"}:
        return "birth_date"
    if "KELAMIN" in words or text in ("L P", "JK", "GENDER"):
        return "sex"
    return None


def looks_like_list_header(headers: Sequence[str]) -> bool:
    """True when header cells name a participant list: a name column plus NIK or verdict."""
    fields = {header_field(h) for h in headers}
    return "name" in fields and bool(fields & {"nik", "verdict"})


@dataclass
class _Layout:
    """Where things are on a sheet: column per field, split K/BK mark columns, header and first data row (0-based)."""

    header_row: int
    columns: dict[str, int]
    mark_k: int | None
    mark_bk: int | None
    data_start: int
    headers: list[str]

    @property
    def has_verdict(self) -> bool:
        return "verdict" in self.columns or (self.mark_k is not None and self.mark_bk is not None)


def _row_fields(row: Sequence[object], parent: Sequence[object] | None = None) -> dict[str, int]:
    """Field -> column for one header row; with parent, each cell is read under the cell above (two-row headers)."""
    found: dict[str, int] = {}
    for column, cell in enumerate(row):
        if not isinstance(cell, str) or not cell.strip():
            continue
        name = header_field(cell)
        if parent is not None and column < len(parent) and isinstance(parent[column], str):
            name = header_field(f"{parent[column]} {cell}") or name
        if name and name not in found:
            found[name] = column
    return found


def _marks(row: Sequence[object]) -> tuple[int | None, int | None]:
    """Columns headed exactly K and BK, the split-verdict layout where each row ticks one of them."""
    mark_k = mark_bk = None
    for column, cell in enumerate(row):
        text = _normalise_header(cell)
        if text in _MARK_K and mark_k is None:
            mark_k = column
        elif text in _MARK_BK and mark_bk is None:
            mark_bk = column
    return mark_k, mark_bk


def _is_numbering_row(row: Sequence[object]) -> bool:
    """A row '(1) (2) (3) ...' printed under the header in Indonesian tables."""
    values = [_normalise_header(c) if isinstance(c, str) else c for c in row if c not in ("", None)]
    if len(values) < 3:
        return False
    return all(str(v).removesuffix(".0").isdigit() for v in values)


def _find_layout(grid: Grid) -> _Layout | None:
    best: tuple[int, int] | None = None
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        fields = _row_fields(row)
        mark_k, mark_bk = _marks(row)
        has_verdict = "verdict" in fields or (mark_k is not None and mark_bk is not None)
        if "name" not in fields or not ("nik" in fields or has_verdict):
            continue
        score = len(fields) + (1 if has_verdict else 0)
        if best is None or score > best[1]:
            best = (index, score)
    if best is None:
        return None
    index = best[0]
    header = grid[index]
    columns = _row_fields(header)
    mark_k, mark_bk = _marks(header)
    data_start = index + 1
    if data_start < len(grid):
        below = grid[data_start]
        if _section_scheme(below) is None and _is_sub_header(below, header):
            # A second header row refines the first: "SKEMA" over "KODE | NAMA", "REKOMENDASI" over "K | BK".
            columns.update(_row_fields(below, parent=header))
            sub_k, sub_bk = _marks(below)
            if sub_k is not None and sub_bk is not None:
                mark_k, mark_bk = sub_k, sub_bk
            data_start += 1
    if data_start < len(grid) and _is_numbering_row(grid[data_start]):
        data_start += 1
    if mark_k is not None and mark_bk is not None and columns.get("verdict") in (mark_k, mark_bk):
        del columns["verdict"]
    headers = [str(c).strip() for c in header if isinstance(c, str) and c.strip()]
    return _Layout(index, columns, mark_k, mark_bk, data_start, headers)


def _is_sub_header(row: Sequence[object], header: Sequence[object]) -> bool:
    """True when every filled cell of row is a header word or repeats the (vertically merged) cell above."""
    differs = False
    for column, cell in enumerate(row):
        if cell in ("", None) or (column < len(header) and cell == header[column]):
            continue
        text = _normalise_header(cell)
        if not text or (header_field(cell) is None and text not in _SUB_HEADER_WORDS):
            return False
        differs = True
    return differs


# --- values ------------------------------------------------------------------------------------------------------

_SCHEME_CODE = re.compile(r"(?<![\w.])([A-Z][A-Z0-9]*(?:[./\-][A-Z0-9]+)+)(?![\w])")
# Separators around a scheme code: hyphen, en dash, colon, brackets, slash, comma.
_SCHEME_PUNCTUATION = " -\u2013:()/,"
_GENERIC_SHEET = re.compile(r"^(sheet|lembar|lembar kerja|tabel|table|data|daftar|peserta|daftar peserta)\s*\d*$", re.I)
_FOOTER = re.compile(
    r"^(jumlah|total|rekap|mengetahui|keterangan|catatan|disahkan|dibuat|ditetapkan|ketua|direktur|tanda tangan|ttd)\b",
    re.I,
)
_SECTION = re.compile(r"^\s*skema(?:\s+sertifikasi)?\s*[:\-]?\s*(?!sertifikasi\s*$)(.+)$", re.I)


def _text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return " ".join(str(value).split())


def _verdict_present(row: Sequence[object], layout: _Layout) -> bool:
    columns = [layout.columns.get("verdict"), layout.mark_k, layout.mark_bk]
    return any(c is not None and c < len(row) and _text(row[c]) for c in columns)


@functools.lru_cache(maxsize=1024)  # a list repeats a handful of schemes over thousands of rows
def split_scheme(text: str) -> tuple[str, str]:
    """Split 'SKM.78.00104 - Operator Forklift' (in any order) into (code, name); either may be empty."""
    text = " ".join(text.split())
    match = None
    for candidate in _SCHEME_CODE.finditer(text.upper()):
        if any(ch.isdigit() for ch in candidate.group(1)) and len(candidate.group(1)) >= 5:
            match = candidate
            break
    if match is None:
        return "", text.strip(_SCHEME_PUNCTUATION)
    code = text[match.start(1) : match.end(1)]
    rest = (text[: match.start(1)] + " " + text[match.end(1) :]).replace("()", " ")
    return code, " ".join(rest.split()).strip(_SCHEME_PUNCTUATION)


def normalise_verdict(value: object) -> Verdict | None:
    """K or BK from any way of writing it ('k', ' Belum  Kompeten ', 'B.K.'); None when it is neither."""
    return _verdict_of(_text(value))


# A list writes its verdicts and funding sources a handful of ways over thousands of rows: each way is read once.
@functools.lru_cache(maxsize=1024)
def _verdict_of(text: str) -> Verdict | None:
    letters = re.sub(r"[^A-Z]", "", text.upper())
    if letters in ("BK", "TK") or letters.startswith("BK") or "BELUM" in letters or "TIDAK" in letters:
        return "BK"
    if letters == "K" or "KOMPETEN" in letters:
        return "K"
    return None


def normalise_funding(value: object) -> str:
    """The funding categories of the request letter (BNSP, Kementerian, Mandiri, RCC), else the text as written."""
    return _funding_of(_text(value))


@functools.lru_cache(maxsize=1024)
def _funding_of(text: str) -> str:
    upper = text.upper()
    if "RCC" in upper:
        return "RCC"
    if "MANDIRI" in upper:
        return "Mandiri"
    if "BNSP" in upper:
        return "BNSP"
    if re.search(r"\bKEM", upper):
        return "Kementerian"
    return text


def _section_scheme(row: Sequence[object]) -> tuple[str, str] | None:
    """A row such as 'SKEMA: Operator Forklift (SKM.78.00104)' that opens a block of one scheme."""
    values = {_text(v) for v in row if _text(v)}
    if len(values) != 1:
        return None
    match = _SECTION.match(values.pop())
    return split_scheme(match.group(1)) if match else None


def _fill_merged(grid: Grid, merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None) -> None:
    """Copy each merged range's value into all its cells: calamine puts it in the top-left cell only."""
    for (top, left), (bottom, right) in merged or ():
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for row in grid[top : bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                if row[column] in ("", None):
                    row[column] = value


# --- reading ---------------------------------------------------------------------------------------------------------


@dataclass
class _Seen:
    name: str
    scheme: str
    sheet: str
    row: int


class _Reader:
    """Walks the sheets of one workbook and fills a ParticipantList."""

    def __init__(self, document: str, result: ParticipantList) -> None:
        self.document = document
        self.result = result
        self.seen_niks: dict[str, _Seen] = {}

    def finding(self, sheet: str | None, row: int | None, message: str, severity: Severity = "error") -> None:
        self.result.findings.append(Finding(self.document, sheet, row, message, severity))

    def read(self, workbook: CalamineWorkbook) -> None:
        sheets = []
        rows_with_values = 0
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                rows, columns = (sheet.end[0] + 1, sheet.end[1] + 1) if sheet.end else (0, 0)
                if rows * columns > MAX_SHEET_CELLS:
                    message = (
                        f'Lembar "{meta.name}" terlalu besar ({dotted(rows)} baris x {dotted(columns)} kolom = '
                        f"{dotted(rows * columns)} sel; batas {dotted(MAX_SHEET_CELLS)} sel per lembar); "
                        "hapus isi di luar tabel peserta"
                    )
                    self.finding(meta.name, None, message)
                    continue
                if rows_with_values + rows > MAX_LIST_ROWS:
                    # the used range may reach far below the table (one stray cell): count what holds values
                    rows_with_values += sum(1 for row in sheet.iter_rows() if any(v not in ("", None) for v in row))
                    if rows_with_values > MAX_LIST_ROWS:
                        raise _TooManyRows(rows_with_values)
                else:
                    rows_with_values += rows
                grid = sheet.to_python(skip_empty_area=False)
                _fill_merged(grid, sheet.merged_cell_ranges)
            except _TooManyRows:
                raise
            except BaseException as error:  # one damaged sheet should not hide the others
                if not is_failure(error):
                    raise
                self.finding(meta.name, None, f'Lembar "{meta.name}" tidak dapat dibaca')
                continue
            layout = _find_layout(grid)
            if layout is None:
                continue
            if meta.visible != SheetVisibleEnum.Visible:
                self.finding(
                    meta.name,
                    None,
                    f'Lembar tersembunyi "{meta.name}" berisi daftar peserta dan tidak dihitung',
                    "warning",
                )
                continue
            sheets.append((meta.name, grid, layout))
        if not sheets:
            self.finding(None, None, f"Judul kolom daftar peserta tidak ditemukan; dicari kolom {HEADER_WANTED}")
            return
        self.result.headers = sheets[0][2].headers
        # One sheet per scheme is a layout of its own: then a sheet's name may be the scheme.
        sheet_is_scheme = len(sheets) > 1
        for name, grid, layout in sheets:
            self.read_sheet(name, grid, layout, sheet_is_scheme)
        if not self.result.participants and not any(f.severity == "error" for f in self.result.findings):
            self.finding(None, None, "Tidak ada baris peserta di bawah judul kolom")

    def read_sheet(self, sheet: str, grid: Grid, layout: _Layout, sheet_is_scheme: bool) -> None:
        columns = layout.columns
        has_scheme_column = "scheme_code" in columns or "scheme_name" in columns
        current_scheme = self.title_scheme(grid[: layout.header_row]) or self.sheet_scheme(sheet, sheet_is_scheme)
        # Said once for the sheet, ahead of its row findings, once the rows show a scheme is missing somewhere.
        sheet_findings_at = len(self.result.findings)
        if not layout.has_verdict:
            self.finding(sheet, None, f'Lembar "{sheet}": kolom rekomendasi (K/BK) tidak ada')
        after_gap = False
        rows_read = 0
        schemeless = 0

        def cell(row: Sequence[object], key: str) -> object:
            column = columns.get(key)
            return row[column] if column is not None and column < len(row) else ""

        for index in range(layout.data_start, len(grid)):
            row = grid[index]
            excel_row = index + 1
            name = _text(cell(row, "name"))
            nik_value = cell(row, "nik")
            nik_text = _text(nik_value)
            # A section row ("SKEMA: ...") has no NIK; testing that first spares the scan of every participant row.
            section = None if nik_text[:1].isdigit() else _section_scheme(row)
            if section is not None:
                current_scheme = section
                continue
            if not name and not nik_text and not _verdict_present(row, layout):
                # a blank (maybe pre-numbered) row; one with a verdict is a participant whose name and NIK
                # are missing, and it is checked (and reported) like any other
                if rows_read and not any(_text(v) for v in row):
                    after_gap = True
                continue
            if _FOOTER.match(name) and not nik_text:
                continue
            if not nik_text[:1].isdigit() and header_field(name) == "name":
                continue  # the header repeated on a later printed page
            verdict_text, verdict = self.verdict(row, layout, sheet, excel_row)
            if after_gap and not nik_text and not verdict_text:
                continue  # signature block or note under the table
            rows_read += 1
            code, scheme_name = self.row_scheme(row, columns, current_scheme)
            schemeless += not (code or scheme_name or has_scheme_column)
            nik = self.check_row(
                sheet, excel_row, row, layout, name, nik_value, code or scheme_name, verdict_text, verdict
            )
            if verdict is None:
                continue
            self.add(
                Participant(
                    name=name,
                    nik=nik.nik or nik_text,
                    scheme_code=code,
                    scheme_name=scheme_name,
                    verdict=verdict,
                    funding=normalise_funding(cell(row, "funding")),
                    registration=_text(cell(row, "registration")),
                    sheet=sheet,
                    row=excel_row,
                )
            )
        if schemeless:
            message = f'Lembar "{sheet}": kolom skema tidak ada dan nama skema tidak tertulis di judul'
            self.result.findings.insert(sheet_findings_at, Finding(self.document, sheet, None, message))

    def verdict(self, row: Sequence[object], layout: _Layout, sheet: str, excel_row: int) -> tuple[str, Verdict | None]:
        column = layout.columns.get("verdict")
        if column is not None:
            text = _text(row[column]) if column < len(row) else ""
            return text, normalise_verdict(text) if text else None
        if layout.mark_k is None or layout.mark_bk is None:
            return "", None
        ticked_k = layout.mark_k < len(row) and bool(_text(row[layout.mark_k]))
        ticked_bk = layout.mark_bk < len(row) and bool(_text(row[layout.mark_bk]))
        if ticked_k and ticked_bk:
            self.finding(sheet, excel_row, f"Baris {excel_row}: kolom K dan BK sama-sama diisi")
            return "K+BK", None
        if ticked_k:
            return "K", "K"
        if ticked_bk:
            return "BK", "BK"
        return "", None

    def check_row(
        self,
        sheet: str,
        excel_row: int,
        row: Sequence[object],
        layout: _Layout,
        name: str,
        nik_value: object,
        scheme: str,
        verdict_text: str,
        verdict: Verdict | None,
    ) -> NikCheck:
        prefix = f"Baris {excel_row}: "
        columns, has_verdict = layout.columns, layout.has_verdict
        if not name:
            self.finding(sheet, excel_row, prefix + "nama kosong")
        nik = check_nik(nik_value)
        if nik.problem:
            self.finding(sheet, excel_row, prefix + nik.problem, nik.severity)
        if not scheme and ("scheme_code" in columns or "scheme_name" in columns):
            self.finding(sheet, excel_row, prefix + "skema kosong")
        if not verdict_text and has_verdict:
            self.finding(sheet, excel_row, prefix + "rekomendasi (K/BK) kosong")
        elif verdict is None and verdict_text != "K+BK":
            self.finding(sheet, excel_row, prefix + f'rekomendasi "{verdict_text}" tidak dikenal (harus K atau BK)')
        if nik.nik and len(nik.nik) == 16:
            birth = nik_birth(nik.nik)
            if birth is not None:
                self.check_birth(sheet, excel_row, row, columns, nik.nik, birth)
            self.check_duplicate(sheet, excel_row, nik.nik, name, scheme)
        return nik

    def check_birth(
        self, sheet: str, excel_row: int, row: Sequence[object], columns: dict[str, int], nik: str, birth: NikBirth
    ) -> None:
        """Birth date and sex columns, when present, must agree with the NIK: a typo shows up as a mismatch."""
        prefix = f"Baris {excel_row}: "
        column = columns.get("birth_date")
        born = cell_date(row[column]) if column is not None and column < len(row) else None
        if born is not None and not birth_date_matches(birth, born):
            self.finding(
                sheet, excel_row, prefix + f"tanggal lahir {born:%d-%m-%Y} tidak sesuai NIK ({nik[6:12]})", "warning"
            )
        column = columns.get("sex")
        sex = _text(row[column]).upper()[:1] if column is not None and column < len(row) else ""
        if sex in ("L", "P") and (sex == "P") != birth.female:
            expected = "perempuan" if birth.female else "laki-laki"
            self.finding(sheet, excel_row, prefix + f"jenis kelamin {sex} tidak sesuai NIK (NIK {expected})", "warning")

    def check_duplicate(self, sheet: str, excel_row: int, nik: str, name: str, scheme: str) -> None:
        earlier = self.seen_niks.get(nik)
        if earlier is None:
            self.seen_niks[nik] = _Seen(name, scheme, sheet, excel_row)
            return
        where = f"baris {earlier.row}" if earlier.sheet == sheet else f'lembar "{earlier.sheet}" baris {earlier.row}'
        same_person = earlier.name.casefold().split() == name.casefold().split()
        if same_person and earlier.scheme != scheme:
            # One person may sit two schemes in one batch: two certificates, not a mistake, but worth a look.
            message = f"Baris {excel_row}: NIK {nik} ({name}) juga tercatat di {where} untuk skema lain"
            self.finding(sheet, excel_row, message, "warning")
            return
        message = f"Baris {excel_row}: NIK {nik} ganda, sama dengan {where} ({earlier.name} / {name})"
        self.finding(sheet, excel_row, message)

    def add(self, participant: Participant) -> None:
        result = self.result
        result.participants.append(participant)
        key = participant.scheme_code or participant.scheme_name
        counts = result.per_scheme.setdefault(key, {"K": 0, "BK": 0})
        counts[participant.verdict] += 1
        if participant.funding:
            funding = result.per_funding.setdefault(participant.funding, {"K": 0, "BK": 0})
            funding[participant.verdict] += 1
        if participant.verdict == "K":
            result.competent += 1
        else:
            result.not_yet += 1

    @staticmethod
    def row_scheme(row: Sequence[object], columns: dict[str, int], fallback: tuple[str, str] | None) -> tuple[str, str]:
        code = name = ""
        if "scheme_code" in columns and columns["scheme_code"] < len(row):
            code, extra_name = split_scheme(_text(row[columns["scheme_code"]]))
            if not code:
                # A "kode skema" column holding something that is not code-shaped is still the scheme's key.
                code, extra_name = extra_name, ""
            name = extra_name
        if "scheme_name" in columns and columns["scheme_name"] < len(row):
            name_code, name_text = split_scheme(_text(row[columns["scheme_name"]]))
            code = code or name_code
            name = name_text or name
        if not code and not name and fallback:
            return fallback
        return code, name

    def title_scheme(self, rows: Grid) -> tuple[str, str] | None:
        for row in rows:
            for value in row:
                match = _SECTION.match(_text(value))
                if match:
                    return split_scheme(match.group(1))
        return None

    @staticmethod
    def sheet_scheme(sheet: str, sheet_is_scheme: bool) -> tuple[str, str] | None:
        code, name = split_scheme(sheet)
        if code or (sheet_is_scheme and not _GENERIC_SHEET.match(sheet.strip())):
            return code, name
        return None
