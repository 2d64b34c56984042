"""Builders for intake test inputs: PDFs, workbooks, e-mails (.eml and Outlook .msg), archives, forged zips."""

import functools
import io
import itertools
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime

from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

# --- PDF ---------------------------------------------------------------------------------------------------------


def pdf_bytes(*pages: str) -> bytes:
    """A text PDF, one page per argument, lines split on newlines."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in pages or ("",):
        y = 800
        for line in page.splitlines():
            pdf.drawString(50, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scan_pdf_bytes(pages: int = 1) -> bytes:
    """A PDF with drawings only and no text layer, as a scanner produces."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        pdf.rect(50, 50, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf_bytes(user_password: str, owner_password: str = "pemilik") -> bytes:
    """A text PDF encrypted with pypdf (RC4, no crypto library needed)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Berita acara asesmen kompetensi " * 3))))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


LETTER_TEXT = """LSP KELISTRIKAN TENAGA RAYA
Jl. Ahmad Yani No. 45, Surabaya 60234
Nomor    : 045/LSP-TKN/XI/2026
Perihal  : Permohonan Blanko Sertifikat Kompetensi
Kepada Yth. Kepala Sekretariat BNSP
Dengan rincian sebagai berikut:
  Kompeten Anggaran BNSP   : 0 orang
  Kompeten Kementerian     : 2 orang
  Kompeten Mandiri         : 1 orang
  Kompeten RCC             : 0 orang
  Belum Kompeten           : 1 orang
  Total                    : 4 orang
kami mohon dapat diberikan blanko sertifikat sebanyak 3
(tiga) lembar.
Surabaya, 14 November 2026
Ketua LSP Kelistrikan Tenaga Raya"""

MINUTES_TEXT = """BERITA ACARA ASESMEN / UJI KOMPETENSI
Pada hari ini telah dilaksanakan uji kompetensi oleh LSP Kelistrikan Tenaga Raya
  Skema SKM.41.00012 Pelaksana Lapangan: peserta 2, kompeten 2, belum kompeten 0
  Skema SKM.78.00104 Operator Forklift: peserta 2, kompeten 1, belum kompeten 1
Demikian berita acara ini dibuat."""

# --- workbooks ---------------------------------------------------------------------------------------------------

STANDARD_HEADER = [
    "NO",
    "NAMA ASESI",
    "NIK",
    "TANGGAL LAHIR",
    "JENIS KELAMIN (L/P)",
    "KODE SKEMA",
    "NAMA SKEMA",
    "SUMBER ANGGARAN",
    "REKOMENDASI (K/BK)",
]
STANDARD_ROWS = [
    [
        1,
        "Hadi Nugroho",
        "3635362911760125",
        "29-11-1976",
        "L",
        "SKM.41.00012",
        "Pelaksana Lapangan",
        "Kementerian",
        "K",
    ],
    [2, "Indah Nugroho", "3260046802025858", "28-02-2002", "P", "SKM.41.00012", "Pelaksana Lapangan", "Mandiri", "K"],
    [3, "Rina Harahap", "3347124404801187", "04-04-1980", "P", "SKM.78.00104", "Operator Forklift", "Kementerian", "K"],
    [4, "Gede Wibowo", "3644262511926324", "25-11-1992", "L", "SKM.78.00104", "Operator Forklift", "Kementerian", "BK"],
]


def xlsx_bytes(
    sheets: dict[str, Sequence[Sequence[object]]],
    merges: dict[str, Iterable[str]] | None = None,
    hidden: Iterable[str] = (),
) -> bytes:
    """A workbook with one sheet per key, rows written from A1, optional merged ranges and hidden sheets."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merges or {}).get(title, ()):
            sheet.merge_cells(cell_range)
        if title in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def large_list_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    """A one-sheet workbook written in openpyxl's streaming mode, for lists of thousands of rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Peserta")
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def standard_list_bytes() -> bytes:
    """The BNSP template shape: title rows (merged) above the header, which sits in row 4."""
    rows = [["DAFTAR PESERTA UJI KOMPETENSI"], ["LSP Kelistrikan Tenaga Raya"], [], STANDARD_HEADER, *STANDARD_ROWS]
    return xlsx_bytes({"Peserta": rows}, merges={"Peserta": ["A1:I1", "A2:I2"]})


def rewrite_zip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip with some members replaced and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def xlsm_bytes() -> bytes:
    """A macro-enabled workbook: macro content type and a vbaProject.bin member."""
    data = standard_list_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    return rewrite_zip(data, {"[Content_Types].xml": types}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0fake vba"})


def zeros_member_zip(member: str, size: int, others: dict[str, bytes] | None = None) -> bytes:
    """A zip whose member inflates to `size` zero bytes, streamed so the test never holds them in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (others or {}).items():
            archive.writestr(name, content)
        with archive.open(member, "w", force_zip64=True) as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                stream.write(chunk)
    return out.getvalue()


@functools.cache
def zip_bomb_300mb() -> bytes:
    """An .xlsx-shaped zip (~300 KB) whose worksheet inflates to 300 MB of zeros; built once per test run."""
    others = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    return zeros_member_zip("xl/worksheets/sheet1.xml", 300 * 1024 * 1024, others)


def forge_member(data: bytes, member: str, *, size: int | None = None, crc: int | None = None) -> bytes:
    """Rewrite the uncompressed size and CRC that the local and central headers declare for one member."""
    forged = bytearray(data)
    encoded = member.encode()
    for signature, crc_at, size_at in ((b"PK\x03\x04", 14, 22), (b"PK\x01\x02", 16, 24)):
        name_at = 26 if signature == b"PK\x03\x04" else 28
        start = 0
        while (start := forged.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", forged, start + name_at)[0]
            name_offset = start + (30 if signature == b"PK\x03\x04" else 46)
            if forged[name_offset : name_offset + name_length] == encoded:
                if size is not None:
                    struct.pack_into("<I", forged, start + size_at, size)
                if crc is not None:
                    struct.pack_into("<I", forged, start + crc_at, crc)
            start += 4
    return bytes(forged)


def docx_bytes() -> bytes:
    """A minimal Word document (.docx)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


# --- compound files (OLE2) and Outlook .msg --------------------------------------------------------------------

_SECTOR, _MINI, _CUTOFF = 512, 64, 4096
_FREE, _END, _FATSECT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Tree = dict[str, "bytes | Tree"]


def cfb_bytes(tree: Tree) -> bytes:
    """A version-3 compound file holding the given storages (dicts) and streams (bytes)."""
    entries: list[dict] = []

    def add(name: str, node: "bytes | Tree", kind: int) -> int:
        index = len(entries)
        entries.append(
            {"name": name, "type": kind, "left": _NONE, "right": _NONE, "child": _NONE, "start": 0, "size": 0}
        )
        if isinstance(node, dict):
            kids = [add(k, v, 1 if isinstance(v, dict) else 2) for k, v in node.items()]
            kids.sort(key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper()))
            if kids:
                entries[index]["child"] = kids[0]
                for a, b in itertools.pairwise(kids):
                    entries[a]["right"] = b
        else:
            entries[index]["data"] = node
        return index

    add("Root Entry", tree, 5)
    mini, minifat, sectors, fat = bytearray(), [], [], []

    def allocate(payload: bytes) -> int:
        count = max(1, -(-len(payload) // _SECTOR))
        start = len(sectors)
        for i in range(count):
            sectors.append(payload[i * _SECTOR : (i + 1) * _SECTOR].ljust(_SECTOR, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else _END)
        return start

    for entry in entries:
        data = entry.get("data")
        if data is None:
            continue
        entry["size"] = len(data)
        if not data:
            entry["start"] = _END
        elif len(data) < _CUTOFF:
            count = -(-len(data) // _MINI)
            entry["start"] = len(minifat)
            minifat.extend(entry["start"] + i + 1 if i < count - 1 else _END for i in range(count))
            mini += data.ljust(count * _MINI, b"\0")
        else:
            entry["start"] = allocate(data)
    root = entries[0]
    root["start"], root["size"] = (allocate(bytes(mini)), len(mini)) if mini else (_END, 0)
    minifat_start = allocate(struct.pack(f"<{len(minifat)}I", *minifat)) if minifat else _END
    minifat_sectors = -(-len(minifat) * 4 // _SECTOR)
    directory = b"".join(_dir_entry(e) for e in entries)
    directory += _dir_entry(None) * (-len(entries) % 4)
    dir_start = allocate(directory)
    fat_count = 1
    while (len(sectors) + fat_count) * 4 > fat_count * _SECTOR:
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([_FATSECT] * fat_count)
    fat.extend([_FREE] * (fat_count * _SECTOR // 4 - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    sectors.extend(fat_bytes[i * _SECTOR : (i + 1) * _SECTOR] for i in range(fat_count))
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        OLE_MAGIC,
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_count,
        dir_start,
        0,
        _CUTOFF,
        minifat_start,
        minifat_sectors,
        _END,
        0,
    ) + struct.pack("<109I", *difat)
    return header + b"".join(sectors)


def _dir_entry(entry: dict | None) -> bytes:
    if entry is None:
        return struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, _NONE, _NONE, _NONE, bytes(16), 0, 0, 0, 0, 0)
    name = (entry["name"] + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry["type"],
        1,
        entry["left"],
        entry["right"],
        entry["child"],
        bytes(16),
        0,
        0,
        0,
        entry["start"],
        entry["size"],
    )


def _filetime(moment: datetime) -> int:
    return int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)


def _props(
    header: bytes, fixed: dict[int, bytes], strings: dict[int, str], binaries: dict[int, bytes]
) -> tuple[bytes, Tree]:
    """A MAPI property stream plus the __substg1.0_ streams of its variable-length properties."""
    rows, streams = [], {}
    for tag, value in fixed.items():
        rows.append(struct.pack("<II8s", tag, 6, value.ljust(8, b"\0")))
    for prop_id, text in strings.items():
        encoded = text.encode("utf-16-le")
        rows.append(struct.pack("<IIII", (prop_id << 16) | 0x001F, 6, len(encoded) + 2, 0))
        streams[f"__substg1.0_{prop_id:04X}001F"] = encoded
    for prop_id, blob in binaries.items():
        rows.append(struct.pack("<IIII", (prop_id << 16) | 0x0102, 6, len(blob), 0))
        streams[f"__substg1.0_{prop_id:04X}0102"] = blob
    return header + b"".join(rows), streams


def msg_tree(
    subject: str,
    sender_name: str,
    sender_smtp: str,
    attachments: Sequence[dict],
    *,
    exchange: bool = True,
    sent: datetime | None = None,
    embedded: bool = False,
) -> Tree:
    """The storage tree of an Outlook message; attachments are dicts with name, data, mime, hidden, cid, or msg."""
    sent = sent or datetime(2026, 11, 16, 2, 12, tzinfo=UTC)
    strings = {
        0x001A: "IPM.Note",
        0x0037: subject,
        0x0C1A: sender_name,
        0x1000: "Terlampir dokumen.",
        0x5D01: sender_smtp,
    }
    if exchange:
        strings |= {0x0C1E: "EX", 0x0C1F: "/O=KTR/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=ADMIN"}
    else:
        strings |= {0x0C1E: "SMTP", 0x0C1F: sender_smtp}
    fixed = {0x00390040: struct.pack("<Q", _filetime(sent)), 0x0E070003: struct.pack("<I", 1)}
    count = len(attachments)
    header = bytes(8) + struct.pack("<IIII", 0, count, 0, count) + (b"" if embedded else bytes(8))
    properties, streams = _props(header, fixed, strings, {})
    tree: Tree = {"__properties_version1.0": properties, **streams}
    if not embedded:
        tree["__nameid_version1.0"] = {
            "__substg1.0_00020102": b"",
            "__substg1.0_00030102": b"",
            "__substg1.0_00040102": b"",
        }
    for index, attachment in enumerate(attachments):
        fixed = {
            0x37050003: struct.pack("<I", 5 if "msg" in attachment else 1),
            0x7FFE000B: struct.pack("<H", 1 if attachment.get("hidden") else 0),
        }
        strings = {0x3707: attachment["name"], 0x3704: attachment["name"][:12], 0x3001: attachment["name"]}
        if attachment.get("mime"):
            strings[0x370E] = attachment["mime"]
        if attachment.get("cid"):
            strings[0x3712] = attachment["cid"]
        binaries = {} if "msg" in attachment else {0x3701: attachment["data"]}
        properties, streams = _props(bytes(8), fixed, strings, binaries)
        storage: Tree = {"__properties_version1.0": properties, **streams}
        if "msg" in attachment:
            storage["__substg1.0_3701000D"] = attachment["msg"]
        tree[f"__attach_version1.0_#{index:08X}"] = storage
    return tree


def msg_bytes(*args: object, **kwargs: object) -> bytes:
    """An Outlook .msg file; see msg_tree for the arguments."""
    return cfb_bytes(msg_tree(*args, **kwargs))  # type: ignore[arg-type]


# --- .eml --------------------------------------------------------------------------------------------------------


def eml_bytes(
    attachments: Sequence[tuple[str, bytes, str]] = (),
    *,
    sender: str = "Admin LSP <LSP.KTR@ktr-sertifikasi.id>",
    subject: str = "Permohonan blanko sertifikat",
    date: datetime | None = datetime(2026, 11, 16, 9, 12, tzinfo=UTC),
    inline_images: Sequence[tuple[str, bytes]] = (),
    attached_messages: Sequence[bytes] = (),
) -> bytes:
    """An e-mail with file attachments (name, data, mime), inline images in an HTML body, and attached e-mails."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "sertifikat@bnsp.example"
    message["Subject"] = subject
    message["Message-ID"] = "<abc@ktr-sertifikasi.id>"
    if date is not None:
        message["Date"] = format_datetime(date)
    message.set_content("Terlampir dokumen permohonan blanko.")
    if inline_images:
        html = "".join(f'<img src="cid:{name}">' for name, _ in inline_images)
        message.add_alternative(f"<html><body><p>Salam</p>{html}</body></html>", subtype="html")
        html_part = message.get_payload()[1]
        for name, data in inline_images:
            html_part.add_related(data, "image", "png", cid=f"<{name}>", filename=name)
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for raw in attached_messages:
        message.add_attachment(message_from_bytes(raw, policy=policy.default))
    return message.as_bytes()


PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def crc_of_zeros(length: int) -> int:
    """CRC-32 of `length` zero bytes, for forging a member's declared checksum."""
    return zlib.crc32(bytes(length))



def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>'),
}


def fast_list_bytes(rows: Iterable[Sequence[object]], sheet: str = "Peserta") -> bytes:
    """A one-sheet .xlsx written directly as compact XML with shared strings, as Excel stores text: a million
    rows in seconds where openpyxl's streaming mode takes minutes. Numbers stay numbers, the rest is text."""
    strings: dict[str, int] = {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            f'<sheet name="{_escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main"><sheetData>')
            batch = []
            for row in rows:
                cells = []
                for value in row:
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        cells.append(f"<c><v>{value}</v></c>")
                    elif value in (None, ""):
                        cells.append("<c/>")
                    else:
                        index = strings.setdefault(str(value), len(strings))
                        cells.append(f'<c t="s"><v>{index}</v></c>')
                batch.append(f"<row>{''.join(cells)}</row>")
                if len(batch) == 10_000:
                    member.write("".join(batch).encode())
                    batch = []
            member.write("".join(batch).encode() + b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w") as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main">')
            for text in strings:
                member.write(f"<si><t>{_escape(text)}</t></si>".encode())
            member.write(b"</sst>")
    return out.getvalue()
