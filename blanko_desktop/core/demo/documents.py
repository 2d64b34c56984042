"""Realistic request documents (letter, minutes, decision as PDF; participant list as Excel) for demo data
and benchmarks: what an LSP's e-mail carries, generated for any number of participants."""

from __future__ import annotations

import io
import random
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTP
from email.utils import format_datetime

from blanko_desktop.core.demo import pdfmake
from blanko_desktop.core.textid import format_date_id, roman_month, terbilang

SCHEMES = [
    ("SKM.41.00012", "Pelaksana Lapangan Pekerjaan Gedung"),
    ("SKM.78.00104", "Operator Forklift"),
    ("SKM.62.00310", "Junior Web Developer"),
    ("SKM.85.00021", "Pemandu Wisata"),
]
FUNDING = ["APBN BNSP", "Kementerian", "Mandiri", "RCC"]
FIRST = ["Hadi", "Indah", "Rina", "Nur", "Joko", "Gede", "Rizky", "Citra", "Zainal", "Wahyu", "Siti", "Agus",
         "Dewi", "Bayu", "Putri", "Fajar", "Lestari", "Made", "Yusuf", "Ratna"]
LAST = ["Nugroho", "Harahap", "Wibowo", "Saputra", "Siregar", "Santoso", "Pratama", "Hidayat", "Lubis",
        "Kusuma", "Wijaya", "Simanjuntak", "Rahmawati", "Gunawan"]


@dataclass
class Participant:
    name: str
    nik: str
    born: date
    female: bool
    scheme: tuple[str, str]
    funding: str
    verdict: str


def participants(count: int, rng: random.Random, competent_share: float = 0.85) -> list[Participant]:
    """Participants with valid, unique NIKs (birth date in the NIK, +40 on the day for women)."""
    out, seen = [], set()
    while len(out) < count:
        born = date(1975, 1, 1) + timedelta(days=rng.randrange(0, 365 * 28))
        female = rng.random() < 0.5
        nik = (f"{rng.randint(11, 94):02d}{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}"
               f"{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}")
        if nik in seen:
            continue
        seen.add(nik)
        out.append(Participant(f"{rng.choice(FIRST)} {rng.choice(LAST)}", nik, born, female,
                               rng.choice(SCHEMES[:3]), rng.choice(FUNDING),
                               "K" if rng.random() < competent_share else "BK"))
    return out


def _pdf(lines: list[str], title: str = "") -> bytes:
    """Pages of 53 lines of 10 pt Helvetica from the top left down, each page one text object (fewer operators
    for intake's text reading to parse than a font and a position per line; the same text)."""
    return pdfmake.document([pdfmake.text_lines(56, 800, lines[start:start + 53])
                             for start in range(0, max(len(lines), 1), 53)], pdfmake.A4, title)


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '{sheets}</Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/>'
        '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/>{sheets}</Relationships>'),
    # two cell formats: general, and a date (built-in format 14, shown as the reader's short date)
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>'),
}
_EXCEL_EPOCH = date(1899, 12, 30)
# what xml.sax.saxutils.escape does, without the ~7 ms its import costs (it pulls in urllib, http, ssl)
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    return text.translate(_XML_ESCAPES)


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def xlsx(sheets: list[tuple[str, list[list], str]]) -> bytes:
    """A workbook as Excel writes it (shared strings, real dates), written straight from each sheet's (name, rows,
    merged range): openpyxl took ~4 ms of the ~6 ms a demo request's four documents cost to make."""
    strings: dict[str, int] = {}
    parts: dict[str, str] = {}
    for number, (_name, rows, merged) in enumerate(sheets, 1):
        lines = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, value in enumerate(row):
                ref = f"{_column(c)}{r}"
                if value is None or value == "":
                    continue
                if isinstance(value, date):
                    cells.append(f'<c r="{ref}" s="1"><v>{(value - _EXCEL_EPOCH).days}</v></c>')
                elif isinstance(value, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                else:
                    index = strings.setdefault(str(value), len(strings))
                    cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
            lines.append(f'<row r="{r}">{"".join(cells)}</row>')
        parts[f"xl/worksheets/sheet{number}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(lines)}</sheetData>'
            + (f'<mergeCells count="1"><mergeCell ref="{merged}"/></mergeCells>' if merged else "")
            + '</worksheet>')
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        # leading or trailing spaces kept, as Excel keeps them (a ' kompeten ' cell of a real list)
        + "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' if text != text.strip()
                  else f"<si><t>{escape(text)}</t></si>" for text in strings) + "</sst>")
    listed = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
                     for n, (name, _rows, _merged) in enumerate(sheets, 1))
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets>{listed}</sheets></workbook>')
    numbers = range(1, len(sheets) + 1)
    fixed = {
        "[Content_Types].xml": _XLSX_PARTS["[Content_Types].xml"].replace("{sheets}", "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in numbers)),
        "_rels/.rels": _XLSX_PARTS["_rels/.rels"],
        "xl/_rels/workbook.xml.rels": _XLSX_PARTS["xl/_rels/workbook.xml.rels"].replace("{sheets}", "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>' for n in numbers)),
        "xl/styles.xml": _XLSX_PARTS["xl/styles.xml"],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in (*fixed.items(), *parts.items()):
            package.writestr(name, text)
    return buffer.getvalue()


@dataclass
class RequestDocuments:
    letter_number: str
    files: dict[str, bytes]  # file name -> content


def request_documents(lsp_name: str, city: str, people: list[Participant], day: date,
                      seq: int = 45, code: str = "LSP") -> RequestDocuments:
    """The four documents of one consistent request."""
    competent = [p for p in people if p.verdict == "K"]
    not_yet = len(people) - len(competent)
    by_fund = Counter(p.funding for p in competent)
    number = f"{seq:03d}/{code}/{roman_month(day.month)}/{day.year}"
    n = len(competent)
    letter = _pdf([
        lsp_name.upper(), f"{city}", "", f"Nomor    : {number}",
        "Perihal  : Permohonan Blanko Sertifikat Kompetensi", "",
        "Kepada Yth. Kepala Sekretariat BNSP", "",
        "Dengan hormat, bersama ini kami sampaikan hasil asesmen dengan rincian sebagai berikut:",
        f"  Kompeten Anggaran BNSP   : {by_fund['APBN BNSP']} orang",
        f"  Kompeten Kementerian     : {by_fund['Kementerian']} orang",
        f"  Kompeten Mandiri         : {by_fund['Mandiri']} orang",
        f"  Kompeten RCC             : {by_fund['RCC']} orang",
        f"  Belum Kompeten           : {not_yet} orang",
        f"  Total                    : {len(people)} orang",
        f"Untuk itu kami mohon dapat diberikan blanko sertifikat sebanyak {n} ({terbilang(n)}) lembar.",
        "", f"{city}, {format_date_id(day)}", f"Ketua {lsp_name}",
    ])
    scheme_lines = []
    for code_, title in SCHEMES:
        of_scheme = [p for p in people if p.scheme[0] == code_]
        if of_scheme:
            k = sum(p.verdict == "K" for p in of_scheme)
            scheme_lines.append(f"  Skema {code_} {title}: peserta {len(of_scheme)}, kompeten {k}, "
                                f"belum kompeten {len(of_scheme) - k}")
    minutes = _pdf(["BERITA ACARA ASESMEN / UJI KOMPETENSI", "",
                    f"Pada hari ini telah dilaksanakan uji kompetensi oleh {lsp_name}", *scheme_lines,
                    "", "Demikian berita acara ini dibuat."])
    decision = _pdf([f"KEPUTUSAN KETUA {lsp_name.upper()}", f"Nomor: KEP.{seq:03d}/{code}/{roman_month(day.month)}/{day.year}",
                     "TENTANG PENETAPAN HASIL SERTIFIKASI KOMPETENSI", "MEMUTUSKAN:",
                     "Menetapkan asesi berikut dinyatakan KOMPETEN:",
                     *[f"  {i}. {p.name}   NIK {p.nik}   {p.scheme[0]}" for i, p in enumerate(competent, 1)]])
    rows: list[list] = [
        [f"DAFTAR NAMA PESERTA KOMPETEN DAN BELUM KOMPETEN - {lsp_name.upper()}"],
        [f"Periode asesmen: {format_date_id(day - timedelta(days=5))}"],
        [],
        ["NO", "NAMA ASESI", "NIK", "TANGGAL LAHIR", "JENIS KELAMIN (L/P)", "KODE SKEMA", "NAMA SKEMA",
         "SUMBER ANGGARAN", "REKOMENDASI (K/BK)"],
        *([i, p.name, p.nik, p.born, "P" if p.female else "L", p.scheme[0], p.scheme[1], p.funding, p.verdict]
          for i, p in enumerate(people, 1)),
    ]
    workbook = xlsx([("Peserta", rows, "A1:I1")])  # the title across the columns, as LSPs lay it out
    return RequestDocuments(number, {
        "Surat Permohonan Blanko.pdf": letter,
        "BA Asesmen.pdf": minutes,
        "SK Penetapan Kompeten.pdf": decision,
        "Daftar Peserta K-BK.xlsx": workbook,
    })


def request_email(sender: str, lsp_name: str, docs: RequestDocuments, sent: datetime) -> bytes:
    """The LSP's e-mail carrying the four documents."""
    return mail(f"Admin {lsp_name} <{sender}>", "sertifikasi@bnsp.go.id", f"Permohonan blanko sertifikat - {lsp_name}",
                sent, f"Dengan hormat,\n\nTerlampir dokumen permohonan blanko sertifikat nomor {docs.letter_number}."
                f"\n\nHormat kami,\n{lsp_name}", docs.files.items())


_SUBTYPES = {".pdf": "pdf", ".xlsx": "vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def mail(sender: str, to: str, subject: str, sent: datetime, body: str, files: Iterable[tuple[str, bytes]]) -> bytes:
    """An e-mail as a mail program sends it: a text part, then each file as a base64 attachment (CRLF lines).

    Built with the compat32 classes: the default policy's header objects (parsed back at every assignment) cost
    twice the time for the same message; reading one in (core/intake) keeps the default policy."""
    msg = MIMEMultipart()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent.astimezone(timezone.utc))
    # plain ASCII text goes as 7bit, anything else as UTF-8 (base64), as a mail program would choose
    msg.attach(MIMEText(body, "plain", "us-ascii" if body.isascii() else "utf-8"))
    for name, data in files:
        part = MIMEApplication(data, _SUBTYPES.get(name[name.rfind("."):].lower(), "octet-stream"))
        part.add_header("Content-Disposition", "attachment", filename=name)
        msg.attach(part)
    return msg.as_bytes(policy=SMTP)
