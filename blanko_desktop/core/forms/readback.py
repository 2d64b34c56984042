"""Reading a rendered form's text back: one page's text, white space made single spaces.

Why not simply pypdf: before a parcel is packed, the check reads the stored receipt to see that it lists the
serials issued, and pypdf's pure-Python content-stream parser took ~7 ms a receipt (every number of every
drawing operator becomes an object). The pages the forms engine writes are of one plain kind: simple TrueType
subset fonts, each with a ToUnicode map of one-byte codes; text shown with Tj (never TJ), positioned with
Tm/Td/T*; pictures and the QR code as image XObjects. Their text needs only the text operators, found with one
regular expression, so that is all `page_text` reads (~5x faster); pypdf still opens the file (cross-reference
table, objects, streams). A page with anything else on it (another producer's PDF, a Type0 or Type3 font, TJ,
an inline image, a form XObject that may hold text) is read by pypdf as before: the quick reader declines it
rather than guess. Tests hold both readers to the same text on every form.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

from pypdf import PdfReader

__all__ = ["page_text", "pypdf_page_text"]


class _NotPlain(Exception):
    """The page holds something the quick reader does not read: pypdf reads it."""


def page_text(pdf: bytes, index: int = 0) -> str:
    """The text of page `index` (from 0), its runs of white space made single spaces, trimmed."""
    try:
        return _plain_page_text(pdf, index)
    except Exception:  # noqa: BLE001 - the quick path is an optimisation: on any surprise pypdf decides
        return pypdf_page_text(pdf, index)


def pypdf_page_text(pdf: bytes, index: int = 0) -> str:
    """The same text as pypdf extracts it (the reference the quick reader is held to)."""
    return _spaces(PdfReader(io.BytesIO(pdf)).pages[index].extract_text() or "")


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# A content stream's tokens that matter for its text. Numbers are not matched (skipped over): only strings,
# names (a font's) and operators count. A literal string is taken only without unescaped parentheses inside
# (the engine escapes every one); a lone parenthesis means a page this reader does not know.
_TOKENS = re.compile(rb"""
      \((?P<string>(?:[^\\()]|\\.)*)\)
    | <(?P<hex>[0-9A-Fa-f\s]*)>
    | (?P<name>/[^\s/\[\]()<>{}%]*)
    | (?P<op>[A-Za-z'"][A-Za-z0-9*'"]*)
    | (?P<comment>%[^\r\n]*)
    | (?P<odd>[()])
""", re.DOTALL | re.VERBOSE)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\r\n": b"", b"\r": b"", b"\n": b""}
_BREAKS = {b"BT", b"ET", b"Td", b"TD", b"Tm", b"T*"}  # a new line or a new place: words are apart
_DECLINED = {b"TJ", b"BI", b"ID", b"EI", b"d0", b"d1"}  # spacing by numbers, inline images, Type3 glyphs


def _unescape(raw: bytes) -> bytes:
    if b"\\" not in raw:
        return raw

    def one(m: re.Match) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, raw)


@lru_cache(maxsize=64)
def _to_unicode(cmap: bytes) -> dict[int, str]:
    """A one-byte ToUnicode CMap as code -> text (the same few subsets recur in every form)."""
    for lo, hi in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", _section(cmap, b"codespacerange")):
        if len(lo) != 2 or len(hi) != 2:
            raise _NotPlain("codes of more than one byte")
    table: dict[int, str] = {}
    for code, text in re.findall(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]*)>", _section(cmap, b"bfchar")):
        table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    ranges = _section(cmap, b"bfrange")
    if b"[" in ranges:
        raise _NotPlain("bfrange with an array")
    for lo, hi, start in re.findall(rb"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]+)>", ranges):
        first = bytes.fromhex(start.decode()).decode("utf-16-be")
        for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
            table[code] = first[:-1] + chr(ord(first[-1]) + offset)
    return table


def _section(cmap: bytes, name: bytes) -> bytes:
    return b"\n".join(re.findall(rb"begin" + name + rb"(.*?)end" + name, cmap, re.DOTALL))


def _plain_page_text(pdf: bytes, index: int) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[index]
    resources = page["/Resources"].get_object()
    fonts: dict[bytes, dict[int, str]] = {}
    for name, ref in (resources.get("/Font") or {}).items():
        font = ref.get_object()
        if font.get("/Subtype") not in ("/TrueType", "/Type1") or "/ToUnicode" not in font:
            raise _NotPlain(f"font {name}")
        fonts[name.encode()] = _to_unicode(font["/ToUnicode"].get_object().get_data())
    for ref in (resources.get("/XObject") or {}).values():
        if ref.get_object().get("/Subtype") != "/Image":
            raise _NotPlain("a form XObject")
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    parts: list[str] = []
    shown: list[bytes] = []  # the string operands since the last operator
    font: dict[int, str] | None = None
    name = b""
    for m in _TOKENS.finditer(data):
        kind = m.lastgroup
        if kind == "string":
            shown.append(_unescape(m.group("string")))
        elif kind == "hex":
            digits = re.sub(rb"\s", b"", m.group("hex")).decode()
            shown.append(bytes.fromhex(digits + "0" * (len(digits) % 2)))  # an odd last digit is padded
        elif kind == "name":
            name = m.group("name")
        elif kind == "op":
            op = m.group("op")
            if op == b"Tj" or op == b"'" or op == b'"':
                if font is None or not shown:
                    raise _NotPlain("text without a font")
                if op != b"Tj":
                    parts.append("\n")
                parts.append("".join(font[byte] for byte in shown[-1]))
            elif op == b"Tf":
                font = fonts[name]
            elif op in _BREAKS:
                parts.append("\n")
            elif op in _DECLINED:
                raise _NotPlain(op.decode())
            shown.clear()
        elif kind == "odd":
            raise _NotPlain("unbalanced parenthesis")
    return _spaces("".join(parts))
