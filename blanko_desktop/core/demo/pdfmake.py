"""Small PDFs written straight out, for the LSP's side of the demo: letters, minutes, decisions, scans.

What reportlab's canvas wrote for these pages (text in the standard Helvetica fonts, filled rectangles, a line),
without building and formatting an object tree per file: the canvas took ~1 ms of a demo's ~3 ms per document.
The output is an ordinary PDF 1.4 with a cross-reference table, an /Info dictionary and a file /ID; every file is
a distinct one (its /ID carries a counter and the time), as every canvas-written file was, so two scans of the
same page are never taken for the same file at intake.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from blanko_desktop.core import clock

A4 = (595.2756, 841.8898)
A5 = (419.5276, 595.2756)

# One font dictionary for every page, indirect as writers keep it: F1 Helvetica, F2 Helvetica-Bold (WinAnsi).
_FONTS = (b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\n"
          b"/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >>")
_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r", "\n": "\\n"})
_serial = itertools.count(1)


def literal(text: str) -> bytes:
    """A PDF string in the fonts' WinAnsi encoding (cp1252), what a writer puts between Tj's parentheses."""
    return b"(" + text.translate(_ESCAPES).encode("cp1252", "replace") + b")"


def text_lines(x: float, y: float, lines: Iterable[str], font: str = "F1", size: float = 10,
               leading: float = 14) -> bytes:
    """One text object: the lines from (x, y) down, `leading` apart."""
    # each line shown then a move to the next (an empty one only moves), as the canvas's textLines wrote them
    shown = b" ".join(literal(line) + b" Tj T*" if line else b"T*" for line in lines)
    return (f"BT 1 0 0 1 {_num(x)} {_num(y)} Tm /{font} {_num(size)} Tf {_num(leading)} TL ".encode()
            + shown + b" ET\n")


def rects(boxes: Iterable[tuple[float, float, float, float]], gray: float | None = None) -> bytes:
    """Filled rectangles (x, y, width, height), in `gray` (0 black .. 1 white) or the current colour."""
    ops = [f"{_num(gray)} g" if gray is not None else ""]
    ops += [f"{_num(x)} {_num(y)} {_num(w)} {_num(h)} re f" for x, y, w, h in boxes]
    return " ".join(op for op in ops if op).encode() + b"\n"


def line(x1: float, y1: float, x2: float, y2: float) -> bytes:
    return f"{_num(x1)} {_num(y1)} m {_num(x2)} {_num(y2)} l S\n".encode()


def document(pages: Sequence[bytes], size: tuple[float, float] = A4, title: str = "",
             created: datetime | None = None) -> bytes:
    """A PDF of `pages` (each its content stream), all of `size`."""
    created = (created or clock.now()).astimezone(timezone.utc)  # the demo's moment, when it sets one
    stamp = f"D:{created:%Y%m%d%H%M%S}+00'00'"
    count = len(pages)
    # objects: 1 catalog, 2 page tree, 3 fonts, 4 info, then each page and its contents
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(count))
    media = f"[0 0 {_num(size[0])} {_num(size[1])}]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        _FONTS,
        b"<< /Producer (Blanko demo)" + (b" /Title " + literal(title) if title else b"")
        + f" /CreationDate ({stamp}) /ModDate ({stamp}) >>".encode(),
    ]
    for i, content in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox {media} /Resources << /Font 3 0 R "
                       f"/ProcSet [/PDF /Text] >> /Contents {6 + 2 * i} 0 R >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    # a file identifier of its own for every file written, as the canvas's was (digest of the time and more)
    fingerprint = hashlib.md5(bytes(out), usedforsecurity=False)
    fingerprint.update(f"{time.time_ns()} {next(_serial)}".encode())
    ident = fingerprint.hexdigest()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R /ID [<{ident}> <{ident}>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def _num(value: float) -> str:
    """A number as PDF writes it: no exponent, no trailing zeros."""
    if value == int(value):
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")
