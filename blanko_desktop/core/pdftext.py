"""A page's text exactly as pypdf's `extract_text()` gives it, read without pypdf's content-stream parser where safe.

Why: intake reads the first pages of every PDF taken in (and the returned receipts' scans) and pypdf spent ~1.5 ms
a small page, most of it in its pure-Python tokenizer (every number of every drawing operator becomes an object)
and in its per-page set-up (fonts and encodings rebuilt for every page). The intake's analysis (classification,
letter number, counts) depends on that text, so this reader does not approximate it: it is a copy of pypdf
7.1.1's plain-mode algorithm (`PageObject._extract_text`, `TextExtraction`, `crlf_space_check`,
`get_text_operands`) for the part of PDF it understands, fed by one regular expression instead of the parser:

- fonts: simple fonts only (Type1 - the standard 14 among them - and TrueType), whose encoding pypdf resolves
  to a byte -> text table; pypdf's own `Font` object supplies the encoding, the ToUnicode map and the widths,
  so what a byte reads as and how wide it is are pypdf's by construction;
- operators: the text operators (BT ET Tf Td TD Tm T* Tj TJ ' " Tc Tw Tz TL Ts Tr), q Q cm, Do of an image,
  and operators that cannot change the text (paths, colours, graphics state, marked content);
- operands: numbers, names without # escapes, strings with the plain escapes, arrays and dictionaries of those.

Anything else - a Type0 or Type3 font, an unknown operator, a form XObject (text inside), an inline image,
nested or oddly escaped string, a right-to-left character, another pypdf version - makes `quick_text` decline
(`NotPlain`), and `extract_text` lets pypdf read the page, as before. Tests hold the quick reader to pypdf's
exact text on every PDF of the tests, the demo's documents and scans, and the forms.

The copied parts are pypdf's (https://github.com/py-pdf/pypdf), under its BSD 3-Clause licence: Copyright (c)
2006-2008, Mathieu Fenniak; some contributions copyright (c) 2007, Ashish Kulkarni; some contributions
copyright (c) 2014, Steve Witham; and pypdf's contributors. pyproject.toml pins that version.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import pypdf
from pypdf import PageObject

__all__ = ["NotPlain", "extract_text", "quick_text"]

# The pypdf whose algorithm this module copies: with any other, every page goes to pypdf.
PYPDF_VERSION = "7.1.1"
_SUPPORTED = pypdf.__version__ == PYPDF_VERSION
if _SUPPORTED:
    import pypdf._text_extraction as _tx
    from pypdf._page import _get_font_resources, _get_page_resources
    from pypdf._text_extraction import (
        RTL_CHARACTER_PATTERN,
        _get_content_stream_for_text,
    )
    from pypdf.generic import DictionaryObject
    from pypdf.generic._font import Font

# pypdf stops parsing a stream past 2,000,000 tokens (and then has no text): far larger streams than any page
# here, and declined before that limit could matter.
_MAX_STREAM = 500_000
_SPACE_WIDTH = 200.0  # extract_text's default `space_width`, for fonts without a width for the space


class NotPlain(Exception):
    """The page holds something the quick reader does not read: pypdf reads it."""


def extract_text(page: PageObject) -> str:
    """`page.extract_text()`'s text: quickly where the page is plain, by pypdf otherwise."""
    try:
        return quick_text(page)
    except Exception:  # noqa: BLE001 - the quick path is an optimisation: on any surprise pypdf decides
        return page.extract_text() or ""


# A content stream's tokens. Whitespace is all that is skipped unmatched: any other byte no alternative takes
# (a brace, a NUL, a string with deeply nested parentheses or an unusual escape) falls to `bad` and declines the
# page. A string's byte is plain or one of the plain escapes; balanced parentheses inside a string (one level
# deep) are kept as they are, as pypdf keeps them.
_CHAR = rb"(?:[^\\()]|\\(?:[nrtbf()\\]|[0-7]{1,3}))"
_TOKENS = re.compile(rb"""
      \((?P<str>(?:%(c)s|\(%(c)s*\))*)\)
    | (?P<dict><<) | (?P<enddict>>>)
    | <(?P<hex>[0-9A-Fa-f \t\r\n]*)>
    | (?P<name>/[^ \t\r\n\f\x00/\[\]()<>{}%%]*)
    | (?P<num>[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(?![+,\-.0-9])
    | (?P<op>[A-Za-z'"][^ \t\r\n\f\x00/\[\]()<>{}%%]*)
    | (?P<array>\[) | (?P<endarray>\])
    | (?P<comment>%%[^\r\n]*)
    | (?P<bad>[^ \t\r\n])
""" % {b"c": _CHAR}, re.VERBOSE)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")",
            b"\\": b"\\"}
_NAME_OK = re.compile(rb"/[\x21-\x7e]*")  # printable ASCII and no '#': read the same with or without decoding
# Operators that leave the extracted text alone (pypdf ignores them): path construction and painting, clipping,
# colour, graphics state, marked content, compatibility sections, shading, text rise and render mode.
_IGNORED = frozenset(b"""m l c v y h re S s f F f* B B* b b* n W W* CS cs SC SCN sc scn G g RG rg K k
    w J j M d ri i gs BMC BDC EMC MP DP BX EX sh Ts Tr""".split())
_VALUES = frozenset((b"true", b"false", b"null"))  # keywords pypdf reads as values inside arrays and dictionaries
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _unescape(raw: bytes) -> bytes:
    if b"\\" not in raw:
        return raw

    def one(m: re.Match) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            value = int(code, 8)
            if value > 255:  # pypdf reads an overflowing octal escape its own way
                raise NotPlain("octal escape above 255")
            return bytes([value])
        return _ESCAPES[code]

    return _ESCAPE.sub(one, raw)


def _mult(m, n) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _Face:
    """One font as the quick reader uses it: per byte, the text pypdf shows and the width it counts."""

    __slots__ = ("length", "shown", "space_text_width", "space_width", "width")

    def __init__(self, font: Font) -> None:
        encoding = font.encoding
        if not isinstance(encoding, dict):
            raise NotPlain("a font with a multi-byte encoding")
        cmap = font.character_map
        widths = font.character_widths
        default = widths["default"]
        self.shown: list[str] = []
        self.length: list[int] = []
        self.width: list[float] = []
        for byte in range(256):
            decoded = encoding.get(byte, chr(byte))
            shown = "".join(cmap.get(ch, ch) for ch in decoded)
            if not isinstance(shown, str) or RTL_CHARACTER_PATTERN.search(shown):
                raise NotPlain("right-to-left text")  # pypdf reorders it; not copied here
            raw = chr(byte)
            self.shown.append(shown)
            self.length.append(len(decoded))
            # get_text_operands: the raw character's width, a space's width for the space character
            self.width.append(font.space_width if raw == font.space_char else 0.0 + widths.get(raw, default))
        self.space_width = font.space_width
        # the width of a " " that TJ inserts (a str operand: measured as text, not as a byte)
        self.space_text_width = font.space_width if font.space_char == " " else 0.0 + widths.get(" ", default)


def _font_key(font: Any) -> tuple | None:
    """A font dictionary made only of direct names and numbers, as a hashable key (the standard 14 fonts that
    reportlab writes: the same Helvetica in every PDF of a demo); None when it refers to other objects."""
    items = []
    for key, value in font.items():
        if isinstance(value, (str, int, float)) and not isinstance(value, bytes):
            items.append((key, type(value).__name__, value))
        else:
            return None
    return tuple(sorted(items))


@lru_cache(maxsize=64)
def _face_by_key(key: tuple) -> _Face:
    font = DictionaryObject()
    from pypdf.generic import FloatObject, NameObject, NumberObject, TextStringObject
    kinds = {"NameObject": NameObject, "NumberObject": NumberObject, "FloatObject": FloatObject,
             "TextStringObject": TextStringObject}
    for name, kind, value in key:
        if kind not in kinds:
            raise NotPlain(f"a font entry of type {kind}")
        font[NameObject(name)] = kinds[kind](value)
    return _face(font)


def _face(font: Any) -> _Face:
    if font.get("/Subtype") not in ("/Type1", "/TrueType"):
        raise NotPlain(f"a {font.get('/Subtype')} font")
    parsed = Font.from_font_resource(font)
    # _extract_text's override of the space width
    if parsed.character_widths.get(parsed.space_char, 0) == 0:
        parsed.space_width = _SPACE_WIDTH
    return _Face(parsed)


class _Faces(dict):
    """The page's fonts by resource name, each made a _Face when a Tf first selects it (an unused Type0 font in
    the resources does not decline the page)."""

    def __init__(self, resources: Any) -> None:
        super().__init__()
        self._fonts = _get_font_resources(resources)

    def __missing__(self, name: str) -> _Face:
        if name not in self._fonts:
            raise NotPlain(f"font {name} not in the resources")
        font = self._fonts[name].get_object()
        key = _font_key(font)
        face = self[name] = _face_by_key(key) if key is not None else _face(font)
        return face


def quick_text(page: PageObject) -> str:
    """The page's text as pypdf 7.1.1's `extract_text()` gives it; NotPlain where it cannot be sure of that."""
    if not _SUPPORTED:
        raise NotPlain(f"pypdf {pypdf.__version__}")
    if _tx.CUSTOM_RTL_MIN or _tx.CUSTOM_RTL_MAX or _tx.CUSTOM_RTL_SPECIAL_CHARS:
        raise NotPlain("custom right-to-left ranges")
    resources = _get_page_resources(page)
    if not resources:
        return ""
    faces = _Faces(resources)
    content = _get_content_stream_for_text(page, page.pdf, "/Contents", has_visitor=False)
    if content is None:
        return ""
    data = content.get_data()
    if len(data) > _MAX_STREAM:
        raise NotPlain("a very long content stream")
    return _run(data, faces, resources)


def _run(data: bytes, faces: _Faces, resources: Any) -> str:
    # The state of pypdf's TextExtraction (what only its visitors use is left out).
    cm = list(_IDENTITY)
    tm = list(_IDENTITY)
    cm_prev = list(_IDENTITY)
    tm_prev = list(_IDENTITY)
    stack: list[tuple] = []
    char_spacing = 0.0
    half_space = 500.0  # _space_width, set at the first Tf
    previous_font_space: float | None = None
    str_widths_acc = 0.0  # _actual_str_size["str_widths"]
    str_height = 0.0
    leading = 0.0
    font_size = 12.0
    line_span: tuple[int, float, float] | None = None
    text = ""
    output = ""
    face: _Face | None = None

    def post(str_widths: float) -> None:
        """_post_process_text_operation and crlf_space_check, after Td, Tm, T* and Tj."""
        nonlocal text, output, cm_prev, tm_prev, line_span
        space_width = font_size * half_space
        if previous_font_space is not None:
            space_width = min(space_width, previous_font_space)
        spacewidth = space_width / 1000
        m_prev = _mult(tm_prev, cm_prev)
        m = _mult(tm, cm)
        # orient(m); every orientation is extracted
        if m[3] > 1e-6:
            orientation = 0
        elif m[3] < -1e-6:
            orientation = 180
        elif m[1] > 0:
            orientation = 90
        else:
            orientation = 270
        delta_x = m[4] - m_prev[4]
        delta_y = m[5] - m_prev[5]
        scale_prev_x = math.sqrt(m_prev[0] ** 2 + m_prev[1] ** 2)
        scale_prev_y = math.sqrt(m_prev[2] ** 2 + m_prev[3] ** 2)
        scale_y = math.sqrt(m[2] ** 2 + m[3] ** 2)
        if orientation in (0, 180):
            moved_height = delta_y
            moved_width = delta_x
        else:
            moved_height = delta_x
            moved_width = delta_y
        axis_index = 5 if orientation in (0, 180) else 4
        axis = m[axis_index]
        if line_span is None or line_span[0] != axis_index:
            distance = abs(moved_height)
        else:
            lower, upper = line_span[1], line_span[2]
            distance = 0.0 if lower <= axis <= upper else min(abs(axis - lower), abs(axis - upper))
        last = text[-1:] or output[-1:]  # (output + text)[-1:] without the copy
        threshold = 0.8 * min(str_height * scale_prev_y, font_size * scale_y)
        if distance > threshold:
            if last not in ("", "\n"):
                output += text + "\n"
                text = ""
            line_span = (axis_index, axis, axis)
        else:
            moved_to_other_baseline = abs(moved_height) > threshold
            if (
                (moved_to_other_baseline or moved_width >= (spacewidth + str_widths) * scale_prev_x)
                and last not in ("", " ")
            ):
                text += " "
            if last in ("", "\n") or line_span is None or line_span[0] != axis_index:
                line_span = (axis_index, axis, axis)
            else:
                line_span = (axis_index, min(line_span[1], axis), max(line_span[2], axis))
        tm_prev = tm.copy()
        cm_prev = cm.copy()

    def show(raw: bytes) -> None:
        """Tj with a string operand (_handle_tj_operation, get_text_operands, get_display_str)."""
        nonlocal text, previous_font_space, str_widths_acc, str_height
        if face is None:
            raise NotPlain("text before a font")  # pypdf's placeholder font; not copied
        previous_font_space = None
        widths = 0.0
        length = 0
        shown = face.shown
        for byte in raw:
            widths += face.width[byte]
            length += face.length[byte]
        text += "".join([shown[byte] for byte in raw])
        str_widths_acc += widths * font_size + 1000 * char_spacing * length
        str_height = font_size
        post(0.0)

    def show_space() -> None:
        """The " " a TJ's word gap adds: a str operand, measured by the font and added as it is."""
        nonlocal text, previous_font_space, str_widths_acc, str_height
        previous_font_space = None
        text += " "
        str_widths_acc += (0.0 + face.space_text_width) * font_size + 1000 * char_spacing * 1
        str_height = font_size
        post(0.0)

    def moved() -> float:
        nonlocal str_widths_acc
        str_widths = str_widths_acc / 1000
        str_widths_acc = 0.0
        return str_widths

    def next_line() -> None:
        tm[4] -= leading * tm[2]
        tm[5] -= leading * tm[3]
        post(moved())

    operands: list[Any] = []
    containers: list[list] = []  # open arrays and dictionaries, innermost last
    for match in _TOKENS.finditer(data):
        kind = match.lastgroup
        if kind == "num":
            token = match.group("num")
            if len(token) > 19:  # pypdf reads a longer number another way
                raise NotPlain("a very long number")
            value: Any = float(token) if b"." in token else int(token)
        elif kind == "str":
            value = _unescape(match.group("str"))
        elif kind == "name":
            token = match.group("name")
            if not _NAME_OK.fullmatch(token) or b"#" in token:
                raise NotPlain("a name with escapes")
            value = _Name(token.decode("ascii"))
        elif kind == "hex":
            digits = re.sub(rb"[ \t\r\n]", b"", match.group("hex")).decode()
            value = bytes.fromhex(digits + "0" * (len(digits) % 2))  # an odd last digit is padded
        elif kind == "array" or kind == "dict":
            containers.append([kind])
            continue
        elif kind == "endarray" or kind == "enddict":
            if not containers or containers[-1][0] != kind[3:]:
                raise NotPlain("unbalanced brackets")
            items = containers.pop()[1:]
            if kind == "enddict":
                if len(items) % 2 or not all(isinstance(k, _Name) for k in items[::2]):
                    raise NotPlain("an odd dictionary")
                value = _Dict()
            else:
                value = items
        elif kind == "op":
            op = match.group("op")
            if containers:
                if op not in _VALUES:
                    raise NotPlain("an operator inside an array")
                value = _Dict()  # a keyword value: nothing the text operators read
            else:
                # --- one operation, as _extract_text dispatches it ---
                n = len(operands)
                if op == b"Tj":
                    if n != 1 or not isinstance(operands[0], bytes):
                        raise NotPlain("Tj without one string")
                    show(operands[0])
                elif op == b"TJ":
                    if n != 1 or not isinstance(operands[0], list):
                        raise NotPlain("TJ without one array")
                    confirm_space_width = half_space * 0.95
                    for item in operands[0]:
                        if isinstance(item, bytes):
                            show(item)
                        elif isinstance(item, (int, float)):
                            # process_tj_offset
                            offset = float(item)
                            str_widths = str_widths_acc - offset * font_size
                            previous = text or output
                            if -offset >= confirm_space_width and previous and previous[-1] not in " \n":
                                if face is None:
                                    raise NotPlain("text before a font")
                                show_space()
                            str_widths_acc = str_widths
                        else:
                            raise NotPlain("TJ with something other than strings and numbers")
                elif op == b"Td" or op == b"TD":
                    if n != 2 or not all(isinstance(v, (int, float)) for v in operands):
                        raise NotPlain(f"{op.decode()} without two numbers")
                    tx, ty = float(operands[0]), float(operands[1])
                    if op == b"TD":
                        leading = float(-operands[1])
                    tm[4] += tx * tm[0] + ty * tm[2]
                    tm[5] += tx * tm[1] + ty * tm[3]
                    post(moved())
                elif op == b"Tm" or op == b"cm":
                    if n != 6 or not all(isinstance(v, (int, float)) for v in operands):
                        raise NotPlain(f"{op.decode()} without six numbers")
                    if op == b"Tm":
                        tm = [float(v) for v in operands]
                        post(moved())
                    else:
                        output += text
                        text = ""
                        cm = _mult([float(v) for v in operands], cm)
                elif op == b"T*":
                    if n:
                        raise NotPlain("T* with operands")
                    next_line()
                elif op == b"'" or op == b'"':
                    if op == b"'":
                        if n != 1 or not isinstance(operands[0], bytes):
                            raise NotPlain("' without one string")
                    else:
                        if n != 3 or not isinstance(operands[2], bytes) or not all(
                                isinstance(v, (int, float)) for v in operands[:2]):
                            raise NotPlain('" without two numbers and a string')
                        char_spacing = float(operands[1])
                    next_line()
                    show(operands[-1])
                elif op == b"Tf":
                    if n != 2 or not isinstance(operands[0], _Name) or not isinstance(operands[1], (int, float)):
                        raise NotPlain("Tf without a name and a size")
                    if text != "":
                        previous_font_space = font_size * half_space
                        output += text
                    text = ""
                    face = faces[operands[0]]
                    half_space = face.space_width / 2
                    font_size = float(operands[1])
                elif op == b"BT":
                    tm = list(_IDENTITY)
                    output += text
                    text = ""
                elif op == b"ET":
                    output += text
                    text = ""
                elif op == b"q":
                    stack.append((cm, face, font_size, char_spacing, leading))
                elif op == b"Q":
                    if stack:
                        cm, face, font_size, char_spacing, leading = stack.pop()
                    else:
                        cm = list(_IDENTITY)
                elif op == b"Tc" or op == b"TL" or op == b"Tw" or op == b"Tz":
                    if n != 1 or not isinstance(operands[0], (int, float)):
                        raise NotPlain(f"{op.decode()} without a number")
                    if op == b"Tc":
                        char_spacing = float(operands[0])
                    elif op == b"TL":
                        leading = float(operands[0])
                    # Tw and Tz change nothing pypdf's plain text reads
                elif op == b"Do":
                    if n != 1 or not isinstance(operands[0], _Name):
                        raise NotPlain("Do without a name")
                    xobjects = resources.get("/XObject")
                    xobject = xobjects.get_object().get(operands[0]) if xobjects is not None else None
                    if xobject is None or xobject.get_object().get("/Subtype") != "/Image":
                        raise NotPlain("a form XObject")  # it may hold text: pypdf reads it
                    output += text
                    if output and output[-1] != "\n":
                        output += "\n"
                    text = ""
                elif op not in _IGNORED:
                    raise NotPlain(f"operator {op[:20]!r}")
                operands = []
                continue
        elif kind == "comment":
            if containers:
                raise NotPlain("a comment inside an array")
            continue
        else:
            raise NotPlain(f"unexpected byte {match.group()[:1]!r}")
        (containers[-1] if containers else operands).append(value)
    if containers:
        raise NotPlain("an unclosed array")
    return output + text


class _Name(str):
    """A name operand (a font's, an XObject's), told apart from text."""


class _Dict:
    """A dictionary or keyword operand: only marked-content operators take one, and they are ignored."""
