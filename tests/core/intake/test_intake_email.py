"""E-mails: .eml and Outlook .msg, attached e-mails, inline images left aside, untrusted attachment names."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from intake_builders import (
    PNG_1PX,
    eml_bytes,
    msg_bytes,
    msg_tree,
    pdf_bytes,
    standard_list_bytes,
)

from blanko_desktop.core.intake.email_parse import parse_email

PDF = pdf_bytes("Surat permohonan")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_eml_headers_and_attachments() -> None:
    raw = eml_bytes([("Surat.pdf", PDF, "application/pdf"), ("Daftar.xlsx", standard_list_bytes(), XLSX_MIME)])
    parsed = parse_email(raw, "pesan.eml")
    assert (parsed.sender, parsed.sender_name) == ("lsp.ktr@ktr-sertifikasi.id", "Admin LSP")
    assert parsed.subject == "Permohonan blanko sertifikat"
    assert parsed.date == datetime(2026, 11, 16, 9, 12, tzinfo=UTC)
    assert parsed.message_id == "<abc@ktr-sertifikasi.id>"
    assert [(a.filename, a.media_type, a.from_email) for a in parsed.attachments] == [
        ("Surat.pdf", "application/pdf", None),
        ("Daftar.xlsx", XLSX_MIME, None),
    ]
    assert parsed.attachments[0].data == PDF
    assert parsed.findings == [] and parsed.skipped == []
    assert "Terlampir" in parsed.body


def test_date_keeps_the_senders_zone() -> None:
    sent = datetime(2026, 11, 16, 9, 12, tzinfo=timezone(timedelta(hours=7)))
    parsed = parse_email(eml_bytes([("a.pdf", PDF, "application/pdf")], date=sent), "x.eml")
    assert parsed.date == sent and parsed.date.utcoffset() == timedelta(hours=7)


def test_missing_date_is_none() -> None:
    assert parse_email(eml_bytes([("a.pdf", PDF, "application/pdf")], date=None), "x.eml").date is None


def test_inline_signature_images_are_left_aside() -> None:
    raw = eml_bytes([("Surat.pdf", PDF, "application/pdf")], inline_images=[("image001.png", PNG_1PX)])
    parsed = parse_email(raw, "x.eml")
    assert [a.filename for a in parsed.attachments] == ["Surat.pdf"]
    assert parsed.skipped == ["image001.png: gambar di badan e-mail (logo/tanda tangan), tidak diambil"]


def test_an_attached_scan_image_is_kept() -> None:
    parsed = parse_email(eml_bytes([("surat.jpg", PNG_1PX, "image/png")]), "x.eml")
    assert [(a.filename, a.media_type) for a in parsed.attachments] == [("surat.jpg", "image/png")]


def test_attached_emails_are_opened() -> None:
    inner = eml_bytes([("Daftar.xlsx", standard_list_bytes(), XLSX_MIME)], subject="Dokumen LSP")
    innermost = eml_bytes([("BA.pdf", PDF, "application/pdf")], subject="BA")
    as_file = eml_bytes([("SK.pdf", PDF, "application/pdf")], subject="SK")
    outer = eml_bytes(
        [("Surat.pdf", PDF, "application/pdf"), ("diteruskan.eml", as_file, "application/octet-stream")],
        attached_messages=[eml_bytes([], subject="Dokumen LSP", attached_messages=[innermost]), inner],
    )
    parsed = parse_email(outer, "fwd.eml")
    assert [(a.filename, a.from_email) for a in parsed.attachments] == [
        ("Surat.pdf", None),
        ("SK.pdf", "diteruskan.eml"),
        ("BA.pdf", "BA"),
        ("Daftar.xlsx", "Dokumen LSP"),
    ]


def test_attachment_named_with_a_path_is_renamed() -> None:
    parsed = parse_email(eml_bytes([("../../x.pdf", PDF, "application/pdf")]), "x.eml")
    assert [a.filename for a in parsed.attachments] == ["x.pdf"]
    assert [(f.message, f.severity) for f in parsed.findings] == [
        ('Nama lampiran "../../x.pdf" diganti menjadi "x.pdf"', "warning")
    ]


def test_email_without_attachments() -> None:
    parsed = parse_email(eml_bytes([]), "kosong.eml")
    assert parsed.attachments == []
    assert [(f.document, f.message, f.severity) for f in parsed.findings] == [
        ("kosong.eml", "E-mail tidak berisi lampiran", "error")
    ]
    assert parsed.sender == "lsp.ktr@ktr-sertifikasi.id"


def test_rfc2231_encoded_names_decode() -> None:
    parsed = parse_email(eml_bytes([("Berita Acara \u2013 Nov 2026 (revisi).pdf", PDF, "application/pdf")]), "x.eml")
    assert parsed.attachments[0].filename == "Berita Acara \u2013 Nov 2026 (revisi).pdf"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "bukan berkas e-mail (isi berkas: kosong (0 byte))"),
        (PDF, "bukan berkas e-mail (isi berkas: PDF)"),
    ],
)
def test_not_an_email(data: bytes, message: str) -> None:
    assert [f.message for f in parse_email(data, "x.eml").findings] == [message]


def test_msg_with_exchange_sender_inline_logo_and_attached_msg() -> None:
    inner = msg_tree(
        "Fwd",
        "Inner",
        "inner@lsp.id",
        [{"name": "Daftar.xlsx", "data": standard_list_bytes(), "mime": XLSX_MIME}],
        embedded=True,
    )
    raw = msg_bytes(
        "Permohonan blanko",
        "Admin LSP",
        "Admin@KTR-Sertifikasi.id",
        [
            {"name": "Surat.pdf", "data": PDF, "mime": "application/pdf"},
            {"name": "image001.png", "data": PNG_1PX, "mime": "image/png", "hidden": True, "cid": "image001.png@01"},
            {"name": "Dokumen.msg", "msg": inner},
        ],
    )
    parsed = parse_email(raw, "permohonan.msg")
    assert (parsed.sender, parsed.sender_name, parsed.subject) == (
        "admin@ktr-sertifikasi.id",
        "Admin LSP",
        "Permohonan blanko",
    )
    assert parsed.date == datetime(2026, 11, 16, 2, 12, tzinfo=UTC)
    assert [(a.filename, a.media_type, a.from_email) for a in parsed.attachments] == [
        ("Surat.pdf", "application/pdf", None),
        ("Daftar.xlsx", XLSX_MIME, "Dokumen.msg"),
    ]
    assert parsed.skipped == ["image001.png: gambar di badan e-mail (logo/tanda tangan), tidak diambil"]
    assert parsed.findings == []


def test_msg_smtp_sender_without_exchange() -> None:
    raw = msg_bytes("s", "LSP", "lsp@contoh.id", [{"name": "a.pdf", "data": PDF}], exchange=False)
    assert parse_email(raw, "a.msg").sender == "lsp@contoh.id"


def test_eml_attached_to_a_msg_is_opened() -> None:
    eml = eml_bytes([("SK.pdf", PDF, "application/pdf")])
    raw = msg_bytes("s", "LSP", "lsp@contoh.id", [{"name": "asli.eml", "data": eml}])
    assert [(a.filename, a.from_email) for a in parse_email(raw, "a.msg").attachments] == [("SK.pdf", "asli.eml")]


def test_damaged_msg_is_a_finding() -> None:
    raw = msg_bytes("s", "LSP", "lsp@contoh.id", [{"name": "a.pdf", "data": PDF}])
    broken = raw[:1536] + bytes(len(raw) - 1536)
    findings = parse_email(broken, "a.msg").findings
    assert findings and findings[0].severity == "error"


def test_a_large_inline_photo_is_kept_as_a_document() -> None:
    """Apple Mail sends attached photos with an inline disposition: a photographed letter is not a logo."""
    photo = PNG_1PX + bytes(200 * 1024)
    raw = eml_bytes([("foto surat.png", photo, "image/png")]).replace(b"attachment;", b"inline;")
    assert [a.filename for a in parse_email(raw, "x.eml").attachments] == ["foto surat.png"]


def test_a_small_inline_image_outside_the_html_is_a_logo() -> None:
    raw = eml_bytes([("logo.png", PNG_1PX, "image/png")]).replace(b"attachment;", b"inline;")
    parsed = parse_email(raw, "x.eml")
    assert parsed.attachments == [] and parsed.skipped[0].startswith("logo.png:")


def test_nesting_deeper_than_the_limit_is_not_followed() -> None:
    raw = eml_bytes([("dalam.pdf", PDF, "application/pdf")])
    for level in range(7):
        raw = eml_bytes([], subject=f"lapis {level}", attached_messages=[raw])
    parsed = parse_email(raw, "x.eml")
    assert parsed.attachments == []
    assert len(parsed.skipped) == 1 and "terlalu dalam" in parsed.skipped[0]
