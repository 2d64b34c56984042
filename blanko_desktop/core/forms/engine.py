"""Printable forms from editable templates: Jinja2 fills an XML layout of blocks that reportlab Platypus lays out.

Why this route: the secretariat edits wording, blocks, letterhead and logo in plain files under forms/ (one per
form); Jinja2 is the well-kept template language (loops for schemes and ranges, filters for dates and words)
with line numbers in its errors; the XML is parsed with expat, which gives the line of every block, so a
mistake is reported by file and line when the template is loaded, not as a traceback while printing.
"""

from __future__ import annotations

import copy
import io
import math
import os
import re
import threading
import xml.etree.ElementTree as ET
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.parsers import expat

import jinja2
import markupsafe
from jinja2 import meta
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFImageXObject,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
)
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontFace
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import _FUZZ, cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from blanko_desktop import paths
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.textid import format_date_id, terbilang

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
LETTERHEAD = "kop-surat.xml"

#: Paragraph styles a template may name in style="...".
_BASE = dict(fontName=FONT, fontSize=10.5, leading=14)
STYLES: dict[str, ParagraphStyle] = {
    "normal": ParagraphStyle("normal", **_BASE),
    "justify": ParagraphStyle("justify", **_BASE, alignment=TA_JUSTIFY),
    "center": ParagraphStyle("center", **_BASE, alignment=TA_CENTER),
    "right": ParagraphStyle("right", **_BASE, alignment=TA_RIGHT),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=8.5, leading=11),
    "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER,
                            spaceAfter=2),
    "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_CENTER),
    "heading": ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=4),
    "big": ParagraphStyle("big", fontName=FONT_BOLD, fontSize=16, leading=21),
    "org": ParagraphStyle("org", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
    "copy": ParagraphStyle("copy", fontName=FONT_BOLD, fontSize=9, leading=11, alignment=TA_RIGHT,
                           textColor=colors.HexColor("#444444")),
}
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

#: Block elements and the attributes each accepts.
BLOCKS: dict[str, frozenset[str]] = {
    "form": frozenset({"title", "margin", "top", "bottom"}),
    "letterhead": frozenset(),
    "p": frozenset({"style", "align", "indent"}),
    "space": frozenset({"h"}),
    "hr": frozenset({"thickness", "width"}),
    "pagebreak": frozenset(),
    "keep": frozenset(),
    "table": frozenset({"widths", "grid", "header", "align", "pad", "valign", "box"}),
    "tr": frozenset({"bold", "shade"}),
    "td": frozenset({"style", "align", "colspan"}),
    "qr": frozenset({"value", "size", "align"}),
    "image": frozenset({"src", "width", "height", "align"}),
}
#: Inline markup inside a paragraph or cell (reportlab's paragraph markup).
INLINE: dict[str, frozenset[str]] = {
    "b": frozenset(), "i": frozenset(), "u": frozenset(), "strike": frozenset(), "br": frozenset(),
    "super": frozenset(), "sub": frozenset(), "font": frozenset({"size", "color", "name"}),
}
_CHILDREN = {"form": {"letterhead", "p", "space", "hr", "pagebreak", "keep", "table", "qr", "image"},
             "keep": {"p", "space", "hr", "table", "qr", "image"}, "table": {"tr"}, "tr": {"td"},
             "letterhead": {"p", "space", "hr", "table", "qr", "image"},
             "td": {"p", "qr", "image", "space"}}
_GRIDS = {"none", "all", "box", "rows"}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mm|cm|pt)?\s*$")


class FormTemplateError(RuleError):
    """A form template that cannot be used, with the file and line of the mistake."""

    def __init__(self, file: str, line: int | None, problem: str):
        self.file, self.line, self.problem = file, line, problem
        where = f"{file}, baris {line}" if line else file
        super().__init__(f"Templat formulir {where}: {problem}. Perbaiki berkas templat di folder forms.")


class _SubsetCachingFace(TTFontFace):
    """A TrueType face whose embedded subsets are built and compressed once per distinct subset.

    Every form embeds a subset of both DejaVu faces: codes 32-127 are ASCII itself and the few other characters
    follow in first-use order (letterhead first), so nearly every receipt embeds the very same subset; making it
    (and zlib-compressing its ~35 KB) was ~2 ms of each render. The stream written is the one reportlab writes
    (same bytes, same /Length1), only not computed again."""

    _subsets: OrderedDict[tuple[int, ...], tuple[bytes, int]]
    _subsets_lock: threading.Lock

    def addSubsetObjects(self, doc, fontname, subset):
        if not doc.compression:
            return super().addSubsetObjects(doc, fontname, subset)
        key = tuple(subset)
        with self._subsets_lock:
            made = self._subsets.get(key)
            if made is not None:
                self._subsets.move_to_end(key)
        if made is None:
            raw = self.makeSubset(subset)
            made = (zlib.compress(raw), len(raw))  # what PDFZCompress writes
            with self._subsets_lock:
                self._subsets[key] = made
                while len(self._subsets) > 32:
                    self._subsets.popitem(last=False)
        compressed, length1 = made
        font_file = PDFStream(content=compressed)
        font_file.dictionary["Length1"] = length1
        font_file.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        # from here on as TTFontFace.addSubsetObjects, with the prepared stream
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        descriptor = PDFDictionary({
            "Type": "/FontDescriptor", "Ascent": self.ascent, "CapHeight": self.capHeight,
            "Descent": self.descent, "Flags": (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": PDFArray(self.bbox), "FontName": PDFName(fontname), "ItalicAngle": self.italicAngle,
            "StemV": self.stemV, "FontFile2": font_file_ref, "MissingWidth": self.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


def _with_subset_cache(font: TTFont) -> TTFont:
    if not isinstance(font.face, _SubsetCachingFace):
        # the face reportlab loaded, given the cache (a subclass adding no state of its own but the cache)
        font.face.__class__ = _SubsetCachingFace
        font.face._subsets, font.face._subsets_lock = OrderedDict(), threading.Lock()
    return font


def register_fonts() -> None:
    """Embed the shipped DejaVu fonts (Windows has none; Helvetica lacks many characters)."""
    # streams stay binary (zlib only): the pure-Python ASCII85 step took a third of a receipt's render time.
    # Set on every render, not only when registering: the stock report registers the same fonts by name, and a
    # form must come out the same whichever was made first in the process.
    rl_config.useA85 = 0
    registered = pdfmetrics.getRegisteredFontNames()
    fonts = paths.resources_dir() / "fonts"
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        if name in registered:
            _with_subset_cache(pdfmetrics.getFont(name))
        else:
            pdfmetrics.registerFont(_with_subset_cache(TTFont(name, str(fonts / file))))
    # (the family too, every time: fonts registered by the stock report come without it, and <b> needs it)
    # no italic face is shipped: <i> falls back to the upright one rather than failing
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def length(text: str, file: str = "", line: int | None = None) -> float:
    """'20mm', '2cm', '12pt' or '12' (points) as points."""
    hit = _LENGTH.match(text or "")
    if not hit:
        raise FormTemplateError(file, line, f"ukuran '{text}' tidak dikenal (contoh: 20mm, 2cm, 12pt)")
    value, unit = float(hit.group(1)), hit.group(2) or "pt"
    return value * {"mm": mm, "cm": cm, "pt": 1}[unit]


def angka(n: int) -> str:
    """A whole number with Indonesian thousands dots: 1250 -> '1.250'."""
    return f"{int(n):,}".replace(",", ".")


def _baris(value) -> markupsafe.Markup:
    """Keep the line breaks of a multi-line value (an address) as <br/>, the text itself escaped."""
    return markupsafe.Markup("<br/>").join(markupsafe.escape(line) for line in str(value or "").splitlines())


def _tanggal(value) -> str:
    return format_date_id(value) if value else "...................."


@dataclass
class Node:
    element: ET.Element
    lines: dict[int, int]

    def line(self, el: ET.Element) -> int | None:
        return self.lines.get(id(el))


def parse_xml(text: str, file: str) -> Node:
    """An element tree with the line of every element (expat reports it; ElementTree would not)."""
    parser = expat.ParserCreate()
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}

    def start(tag, attrs):
        lines[id(builder.start(tag, attrs))] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.ordered_attributes = False
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise FormTemplateError(file, exc.lineno, f"susunan XML salah ({expat.ErrorString(exc.code)}); periksa "
                                "tanda < > dan pasangan tag pembuka/penutup") from None
    return Node(builder.close(), lines)


def _check_tree(node: Node, file: str, root: str = "form") -> None:
    """Every block known, in a place it may stand, with attributes it accepts; inline markup known."""
    top = node.element
    if top.tag != root:
        raise FormTemplateError(file, node.line(top), f"elemen teratas harus <{root}>, bukan <{top.tag}>")

    def walk(el: ET.Element, parent: str | None) -> None:
        line = node.line(el)
        if el.tag in BLOCKS and parent not in INLINE:
            if parent is not None and el.tag not in _CHILDREN.get(parent, ()):
                raise FormTemplateError(file, line, f"<{el.tag}> tidak boleh berada di dalam <{parent}>")
            allowed = BLOCKS[el.tag]
        elif el.tag in INLINE and parent in ("p", "td") or (el.tag in INLINE and parent in INLINE):
            allowed = INLINE[el.tag]
        else:
            known = ", ".join(sorted(BLOCKS))
            raise FormTemplateError(file, line, f"elemen <{el.tag}> tidak dikenal di sini (blok yang dikenal: "
                                    f"{known}; di dalam paragraf: b, i, u, br, font, super, sub, strike)")
        for attr in el.attrib:
            if attr not in allowed:
                names = ", ".join(sorted(allowed)) or "tidak ada"
                raise FormTemplateError(file, line, f"atribut '{attr}' tidak dikenal pada <{el.tag}> "
                                        f"(yang dikenal: {names})")
        style = el.get("style")
        if style is not None and "{" not in style and style not in STYLES:
            raise FormTemplateError(file, line, f"gaya '{style}' tidak dikenal (pilihan: {', '.join(STYLES)})")
        grid = el.get("grid")
        if el.tag == "table" and grid is not None and grid not in _GRIDS:
            raise FormTemplateError(file, line, f"grid '{grid}' tidak dikenal (pilihan: {', '.join(sorted(_GRIDS))})")
        for attr in ("h", "size", "width", "height", "margin", "top", "bottom", "indent", "pad", "thickness"):
            value = el.get(attr)
            if value is not None and "{" not in value and not value.endswith("%"):
                length(value, file, line)
        if el.tag == "image" and el.get("src") and "{" not in el.get("src"):
            if not (paths.forms_dir() / el.get("src")).is_file():
                raise FormTemplateError(file, line, f"berkas gambar '{el.get('src')}' tidak ada di folder forms")
        for child in el:
            walk(child, el.tag)

    walk(top, None)


@dataclass
class FormTemplate:
    """One loaded, checked template."""

    name: str
    file: str
    template: jinja2.Template
    variables: frozenset[str]


_ENV: jinja2.Environment | None = None
_CACHE: dict[tuple[str, float], FormTemplate] = {}


def environment() -> jinja2.Environment:
    global _ENV
    folder = str(paths.forms_dir())
    if _ENV is None or _ENV.loader.searchpath != [folder]:  # type: ignore[union-attr]
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.filters.update(tanggal=_tanggal, terbilang=terbilang, angka=angka, baris=_baris)
        _ENV = env
    return _ENV


def _line_of(source: str, word: str) -> int | None:
    hit = re.search(rf"\b{re.escape(word)}\b", source)
    return source.count("\n", 0, hit.start()) + 1 if hit else None


def load(file: str, fields: frozenset[str]) -> FormTemplate:
    """Read and check a template: XML, blocks, Jinja2 syntax, and that it asks only for `fields`."""
    path = paths.forms_dir() / file
    try:
        stamp = path.stat().st_mtime
        # an unchanged template is not read again: every form loads the letterhead besides its own template
        cached = _CACHE.get((file, stamp))
        if cached:
            return cached
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormTemplateError(file, None, "berkas templat tidak ada di folder forms") from None
    except UnicodeDecodeError:
        raise FormTemplateError(file, None, "berkas bukan teks UTF-8") from None
    env = environment()
    try:
        ast = env.parse(source, name=file, filename=str(path))
    except jinja2.TemplateSyntaxError as exc:
        raise FormTemplateError(file, exc.lineno, f"isian Jinja salah ({exc.message})") from None
    root = "letterhead" if file == LETTERHEAD else "form"
    _check_tree(parse_xml(source, file), file, root)
    unknown = sorted(meta.find_undeclared_variables(ast) - fields)
    if unknown:
        raise FormTemplateError(file, _line_of(source, unknown[0]), f"isian '{unknown[0]}' tidak dikenal untuk "
                                f"formulir ini (yang tersedia: {', '.join(sorted(fields))})")
    template = env.get_template(file)
    loaded = FormTemplate(file.rsplit(".", 1)[0], file, template, fields)
    _CACHE[(file, stamp)] = loaded
    return loaded


def _template_line(exc: BaseException, file: str) -> int | None:
    """The template line a Jinja2 render error happened on (Jinja2 rewrites tracebacks onto the template)."""
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(file):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def fill(template: FormTemplate, context: Mapping[str, Any]) -> str:
    try:
        return template.template.render(**context)
    except jinja2.UndefinedError as exc:
        raise FormTemplateError(template.file, _template_line(exc, template.file),
                                f"isian tidak ada ({exc.message})") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise FormTemplateError(template.file, _template_line(exc, template.file), f"isian gagal diolah ({exc})"
                                ) from None


# -- layout ----------------------------------------------------------------------------------------


def _inner_markup(el: ET.Element) -> str:
    parts = [_escape(el.text or "")]
    for child in el:
        _write_inline(child, parts)
    # collapse the template's line breaks and indentation: paragraph text flows; <br/> breaks a line
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _write_inline(el: ET.Element, out: list[str]) -> None:
    """An inline element and its tail as ET.tostring writes them (same text, so the same cached paragraph),
    without its serializer's set-up per call, which cost more than a receipt's markup parsing now does."""
    attributes = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in el.items())
    if el.text or len(el):
        out.append(f"<{el.tag}{attributes}>{_escape(el.text or '')}")
        for child in el:
            _write_inline(child, out)
        out.append(f"</{el.tag}>")
    else:
        out.append(f"<{el.tag}{attributes} />")
    out.append(_escape(el.tail or ""))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    return (_escape(text).replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
            .replace("\t", "&#09;"))


def _style(el: ET.Element, default: str = "normal") -> ParagraphStyle:
    return _aligned_style(el.get("style") or default, default, el.get("align") or "", el.get("indent") or "")


@lru_cache(maxsize=256)
def _aligned_style(name: str, default: str, align: str, indent: str) -> ParagraphStyle:
    # one style object per distinct look: parsed paragraphs are cached by (markup, style object)
    style = STYLES.get(name, STYLES[default])
    if align in ALIGN or indent:
        style = ParagraphStyle(f"{style.name}-x", parent=style, alignment=ALIGN.get(align, style.alignment),
                               leftIndent=length(indent) if indent else style.leftIndent)
    return style


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: ParagraphStyle) -> tuple[ParagraphStyle, tuple]:
    """A paragraph's markup parsed into reportlab's fragments, once per (markup, style): reportlab's markup
    parser (an HTMLParser per paragraph) was a third of a form's render time, and a receipt's two copies,
    every letterhead and every label repeat the same markup."""
    parser = ParaParser()
    parser.caseSensitive = 1
    style, frags, _bullet = parser.parse(cleanBlockQuotedText(markup), style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n'{markup[:30]}'")
    textTransformFrags(frags, style)
    return style, tuple(frags)


_LINES: OrderedDict[tuple, tuple] = OrderedDict()  # (markup, style, width) -> what wrapping set, and the size
_LINES_MAX = 4096
_LINES_LOCK = threading.Lock()
_ABSENT = object()


class Para(Paragraph):
    """reportlab's Paragraph from cached fragments, its lines broken once per (markup, style, width).

    Each paragraph gets its own copies of the cached fragments, so one form's text can never reach another's.
    Breaking lines was the largest part of laying out a form, done again for every copy of the receipt, every
    letterhead and twice per table cell (to size the row, then to draw it). Paragraph.wrap sets the lines
    (blPara), the size and, for mixed markup, the fragments regrouped as words; drawing only reads them, so
    paragraphs of the same markup, style and width take over what the first one's wrap set. Splitting a
    paragraph across pages edits its lines and words: a paragraph about to split gets copies of its own."""

    def __init__(self, text, style=None, bulletText=None, frags=None, **kwargs):
        # the signature is Paragraph's: reportlab builds the two parts of a split paragraph through this class
        self._markup = None
        if frags is None and text is not None and style is not None and bulletText is None:
            style, parsed = _parsed(text, style)
            frags = [frag.clone() for frag in parsed]
            self._markup = text
        super().__init__(text, style, bulletText=bulletText, frags=frags, **kwargs)

    def wrap(self, availWidth, availHeight):
        if self._markup is None or availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)
        key = (self._markup, self.style, availWidth)  # the lines depend on the width alone, not the height
        with _LINES_LOCK:
            known = _LINES.get(key)
            if known is not None:
                _LINES.move_to_end(key)
        if known is None:
            before = dict(self.__dict__)
            size = super().wrap(availWidth, availHeight)
            wrapped = {k: v for k, v in self.__dict__.items() if before.get(k, _ABSENT) is not v}
            with _LINES_LOCK:
                _LINES[key] = (wrapped, size)
                while len(_LINES) > _LINES_MAX:
                    _LINES.popitem(last=False)
            return size
        wrapped, size = known
        self.__dict__.update({k: list(v) if isinstance(v, list) else v for k, v in wrapped.items()})
        return size

    def split(self, availWidth, availHeight):
        if self._markup is not None:
            self._markup = None  # from here on this paragraph lays itself out
            if hasattr(self, "blPara"):
                self.blPara, self.frags = copy.deepcopy((self.blPara, self.frags))
        return super().split(availWidth, availHeight)


class _PreparedImage:
    """An image XObject made once and placed into every document that draws it.

    canvas.drawImage hashed the picture's pixels (md5, to name it) and zlib-compressed them again for every
    document; here reportlab's own loader builds the object once (`prototype`, its stream already compressed)
    and each document gets a shallow copy under the same name, registered the way drawImage registers it, so
    the PDF comes out byte for byte as before. A copy per document: registering marks the object itself."""

    def __init__(self, name: str, prototype: PDFObject, width: int, height: int):
        self.name, self.prototype, self.width, self.height = name, prototype, width, height

    def draw(self, canv, width: float, height: float) -> None:
        # canvas internals, as drawImage (reportlab 4-5) uses them: the document's object table, the page's
        # drawing code and the list of XObjects the page uses
        doc = canv._doc
        registered = doc.getXObjectName(self.name)
        if doc.idToObject.get(registered) is None:
            obj = copy.copy(self.prototype)
            obj.name = self.name
            canv._setXObjects(obj)
            doc.Reference(obj, registered)
            doc.addForm(self.name, obj)
            smask = getattr(obj, "_smask", None)
            if smask is not None:
                smask = copy.copy(smask)
                mask_name = doc.getXObjectName(smask.name)
                if doc.idToObject.get(mask_name) is None:
                    canv._setXObjects(smask)
                    obj.smask = doc.Reference(smask, mask_name)
                else:
                    obj.smask = PDFObjectReference(mask_name)
                del obj._smask
        canv._currentPageHasImages = 1
        canv.saveState()
        canv.scale(width, height)
        canv._code.append(f"/{registered} Do")
        canv.restoreState()
        canv._formsinuse.append(self.name)


class _StencilImage(PDFObject):
    """A 1-bit image mask (its stream compressed already): the 0 pixels are painted in the fill colour, the
    1 pixels left alone, exactly like a filled path of the dark areas."""

    def __init__(self, width: int, height: int, data: bytes):
        self.width, self.height, self.data = width, height, data

    def format(self, document):
        stream = PDFStream(content=self.data)
        d = stream.dictionary
        d["Type"], d["Subtype"] = PDFName("XObject"), PDFName("Image")
        d["Width"], d["Height"], d["BitsPerComponent"] = self.width, self.height, 1
        d["ImageMask"] = b"true"
        d["Filter"] = PDFArray([PDFName("FlateDecode")])
        return stream.format(document)


QR_QUIET = 4  # modules of white border, as the standard asks
QR_DPI = 300  # pixels per inch of the printed code, at least


@lru_cache(maxsize=128)
def _qr_image(value: str, size: float) -> _PreparedImage:
    """A QR code as one image mask, each module a square of pixels, the quiet zone included.

    Why an image: drawn as ~80 filled rectangles, the code was ~40% of what a reader of the receipt (pypdf,
    checking its serials before packing) had to tokenise; an image's stream is skipped by text extraction.
    Why so many pixels: a viewer or printer that smooths a scaled image would blur 1-pixel modules into grey;
    at >= 300 pixels per inch of the printed size the edges stay sharp. Encoded in C++ by zxing-cpp
    (reportlab's pure-Python encoder took ~2.3 ms per receipt number), once per value and size."""
    import zxingcpp
    from PIL import Image

    code = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
        scale=1, add_quiet_zones=False)
    n = code.shape[0]
    modules = n + 2 * QR_QUIET
    scale = max(1, math.ceil(size / 72 * QR_DPI / modules))
    grid = Image.new("1", (modules, modules), 1)
    # one bit per module, dark -> 0, which the image mask paints (no dithering: the pixels are black or white)
    grid.paste(Image.frombytes("L", (n, n), bytes(memoryview(code))).convert("1", dither=Image.Dither.NONE),
               (QR_QUIET, QR_QUIET))
    side = modules * scale
    mask = grid.resize((side, side), Image.Resampling.NEAREST)
    name = _digester(f"qr|{value}|{side}")
    return _PreparedImage(name, _StencilImage(side, side, zlib.compress(mask.tobytes())), side, side)


class QrFlowable(Flowable):
    """A QR code (size x size, quiet zone included) drawn as one image mask in black."""

    def __init__(self, value: str, size: float):
        super().__init__()
        self.value, self.size = value, size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        _qr_image(self.value, self.size).draw(self.canv, self.size, self.size)


def _qr(el: ET.Element) -> Flowable:
    flowable = QrFlowable(el.get("value") or "", length(el.get("size") or "30mm"))
    flowable.hAlign = (el.get("align") or "left").upper()
    return flowable


_PICTURE_LOCK = threading.Lock()


@lru_cache(maxsize=16)
def _picture(path: str, stamp: tuple[int, int]) -> _PreparedImage:
    """A template's picture read, decoded and compressed once per file version (`stamp`): every form carries
    the logo, twice for a receipt's two copies."""
    reader = ImageReader(path)
    pixels = reader.getRGBData()
    alpha = reader._dataA  # set by getRGBData: the alpha channel of a picture that has one
    name = _digester(pixels + (alpha.getRGBData() if alpha else b"auto"))  # the name drawImage gives it
    width, height = reader.getSize()
    return _PreparedImage(name, PDFImageXObject(name, reader, mask="auto"), width, height)


class Picture(Flowable):
    """A picture from the forms folder scaled proportionally into width x height, drawn as canvas.drawImage
    draws it (mask="auto": a PNG's transparency kept) from the image object prepared once per file version."""

    def __init__(self, path: str, width: float, height: float):
        super().__init__()
        try:
            info = os.stat(path)
        except FileNotFoundError:  # removed since the template was loaded
            raise FormTemplateError(os.path.basename(path), None, "berkas gambar tidak ada di folder forms") from None
        with _PICTURE_LOCK:
            self.image = _picture(path, (info.st_mtime_ns, info.st_size))
        factor = min(width / self.image.width, height / self.image.height)
        self.width, self.height = self.image.width * factor, self.image.height * factor

    def draw(self) -> None:
        self.image.draw(self.canv, self.width, self.height)


def _image(el: ET.Element) -> Flowable:
    img = Picture(str(paths.forms_dir() / el.get("src", "")), width=length(el.get("width") or "20mm"),
                  height=length(el.get("height") or el.get("width") or "20mm"))
    img.hAlign = (el.get("align") or "left").upper()
    return img


def _table(el: ET.Element, width: float) -> Flowable:
    rows, spans, styles = [], [], []
    for r, tr in enumerate(el.findall("tr")):
        row, c = [], 0
        for td in tr.findall("td"):
            blocks = [child for child in td if child.tag in BLOCKS]
            if blocks:
                cell: Any = [_block(child, width) for child in blocks]
            else:
                default = "normal"
                markup = _inner_markup(td)
                cell = Para(f"<b>{markup}</b>" if tr.get("bold") == "1" else markup, _style(td, default))
            row.append(cell)
            span = int(td.get("colspan") or 1)
            if span > 1:
                spans.append(("SPAN", (c, r), (c + span - 1, r)))
                row.extend([""] * (span - 1))
            c += span
        if tr.get("shade") == "1":
            styles.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#e8e8e8")))
        rows.append(row)
    ncols = max((len(r) for r in rows), default=1)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    widths = _widths(el.get("widths"), ncols, width)
    pad = length(el.get("pad") or "3pt")
    styles += [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), (el.get("valign") or "top").upper()),
               ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
               ("TOPPADDING", (0, 0), (-1, -1), pad / 2), ("BOTTOMPADDING", (0, 0), (-1, -1), pad / 2), *spans]
    grid = el.get("grid") or "none"
    if grid == "all":
        styles.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    elif grid == "box":
        styles.append(("BOX", (0, 0), (-1, -1), 1.2, colors.black))
    elif grid == "rows":
        styles.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey))
    header = int(el.get("header") or 0)
    if header:
        styles.append(("BACKGROUND", (0, 0), (-1, header - 1), colors.HexColor("#e8e8e8")))
    table = Table(rows, colWidths=widths, repeatRows=header, style=TableStyle(styles))
    table.hAlign = (el.get("align") or "left").upper()
    return table


def _widths(spec: str | None, ncols: int, total: float) -> list[float | None]:
    if not spec:
        return [total / ncols] * ncols
    parts = [p.strip() for p in spec.split(",")]
    fixed = [None if p == "*" else (total * float(p[:-1]) / 100 if p.endswith("%") else length(p)) for p in parts]
    fixed += [None] * (ncols - len(fixed))
    free = total - sum(w for w in fixed if w)
    stars = sum(1 for w in fixed if w is None) or 1
    return [w if w is not None else max(free / stars, 10) for w in fixed[:ncols]]


def _block(el: ET.Element, width: float) -> Flowable:
    tag = el.tag
    if tag == "p":
        return Para(_inner_markup(el), _style(el))
    if tag == "space":
        return Spacer(1, length(el.get("h") or "5mm"))
    if tag == "hr":
        return HRFlowable(width=el.get("width") or "100%", thickness=length(el.get("thickness") or "1pt"),
                          color=colors.black, spaceBefore=2, spaceAfter=4)
    if tag == "pagebreak":
        return PageBreak()
    if tag == "keep":
        return KeepTogether([_block(child, width) for child in el])
    if tag == "table":
        return _table(el, width)
    if tag == "qr":
        return _qr(el)
    if tag == "image":
        return _image(el)
    raise AssertionError(tag)  # the tree was checked when the template was loaded


def render(template: FormTemplate, context: Mapping[str, Any],
           letterhead: Callable[[], list[ET.Element]] | None = None) -> bytes:
    """The filled template as PDF bytes (A4, DejaVu fonts embedded)."""
    register_fonts()
    xml = fill(template, context)
    root = parse_xml(xml, f"{template.file} (setelah diisi)").element
    margin = length(root.get("margin") or "20mm")
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=length(root.get("top") or "15mm"),
                            bottomMargin=length(root.get("bottom") or "15mm"),
                            title=root.get("title") or template.name, author="BNSP — Blanko Desktop",
                            creator="Blanko Desktop", invariant=1, initialFontName=FONT)
    width = doc.width - 12  # the frame keeps 6 pt padding on each side
    story: list[Flowable] = []
    for el in root:
        if el.tag == "letterhead":
            story += [_block(child, width) for child in (letterhead() if letterhead else [])]
        else:
            story.append(_block(el, width))
    doc.build(story)
    return out.getvalue()
