"""What a drag or the clipboard carries: files on disk, Outlook's virtual files, or nothing the intake can read.

Facts from trials (shared/notes/email-drop-and-printing.md): Explorer, Thunderbird and saved e-mails give file
URLs; classic Outlook gives its attachments as virtual files (`FileGroupDescriptorW` with the names, one
`FileContents` stream per attachment, asked for with `;index=N`); browser mail gives web links that need the
browser's login, or nothing at all.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData

_WIN = 'application/x-qt-windows-mime;value="%s"'
DESCRIPTOR_W = _WIN % "FileGroupDescriptorW"
DESCRIPTOR_A = _WIN % "FileGroupDescriptor"
CONTENTS = _WIN % "FileContents"
# A document row dragged inside the window (onto a checklist slot): never an intake.
DOCUMENT_FORMAT = "application/x-blanko-document"

# FILEDESCRIPTORW: flags(4) clsid(16) sizel(8) pointl(8) attributes(4) 3 x FILETIME(24) size high/low(8),
# then the name, WCHAR[260]: 72 + 520 = 592 bytes. FILEDESCRIPTORA has CHAR[260]: 332 bytes.
_RECORD_W, _RECORD_A, _NAME_AT, _NAME_CHARS = 592, 332, 72, 260
_ATTRIBUTES_AT, _SIZE_AT = 36, 64
FD_ATTRIBUTES, FD_FILESIZE = 0x04, 0x40
FILE_ATTRIBUTE_DIRECTORY = 0x10

NOTHING = "nothing"   # no file, no link: text, an image, an empty virtual file
WEB_LINKS = "web"     # only http(s) links: browser mail (Gmail, Outlook on the web, new Outlook)


@dataclass(frozen=True)
class VirtualFile:
    """One entry of a FILEGROUPDESCRIPTOR: a name, and a size when the source gave one."""

    name: str
    size: int | None = None
    is_folder: bool = False


def parse_file_group_descriptor(data: bytes, wide: bool = True) -> list[VirtualFile]:
    """The entries of a FILEGROUPDESCRIPTOR(W/A) blob: a uint32 count, then fixed-size records.

    A short or damaged blob gives the entries that are whole; names stop at the first NUL.
    """
    record = _RECORD_W if wide else _RECORD_A
    if len(data) < 4:
        return []
    (count,) = struct.unpack_from("<I", data, 0)
    entries = []
    for index in range(count):
        start = 4 + index * record
        if start + record > len(data):
            break
        flags, = struct.unpack_from("<I", data, start)
        attributes, = struct.unpack_from("<I", data, start + _ATTRIBUTES_AT)
        high, low = struct.unpack_from("<II", data, start + _SIZE_AT)
        raw = data[start + _NAME_AT:start + record]
        if wide:
            name = raw.decode("utf-16-le", errors="replace").split("\0", 1)[0]
        else:
            name = raw.split(b"\0", 1)[0].decode("cp1252", errors="replace")
        entries.append(VirtualFile(
            name=name,
            size=(high << 32 | low) if flags & FD_FILESIZE else None,
            is_folder=bool(flags & FD_ATTRIBUTES and attributes & FILE_ATTRIBUTE_DIRECTORY),
        ))
    return entries


def file_group_descriptor(names: list[str], sizes: list[int] | None = None) -> bytes:
    """A FILEGROUPDESCRIPTORW as Outlook writes it (tests and the benchmark build drops with it)."""
    out = bytearray(struct.pack("<I", len(names)))
    for index, name in enumerate(names):
        record = bytearray(_RECORD_W)
        size = sizes[index] if sizes else None
        struct.pack_into("<I", record, 0, FD_FILESIZE if size is not None else 0)
        if size is not None:
            struct.pack_into("<II", record, _SIZE_AT, size >> 32, size & 0xFFFFFFFF)
        encoded = name[:_NAME_CHARS - 1].encode("utf-16-le")
        record[_NAME_AT:_NAME_AT + len(encoded)] = encoded
        out += record
    return bytes(out)


@dataclass
class DropContents:
    """What the intake gets from one drop or paste; `problem` says why there is nothing to read."""

    paths: list[Path] = field(default_factory=list)
    items: list[tuple[str, bytes]] = field(default_factory=list)  # virtual files: (untrusted name, bytes)
    problem: str = ""  # "" | NOTHING | WEB_LINKS
    unreadable: list[str] = field(default_factory=list)  # virtual files that came without content

    @property
    def empty(self) -> bool:
        return not self.paths and not self.items


def offers_something(mime: QMimeData | None) -> bool:
    """Whether a drag is worth taking: anything but our own document rows (those go to checklist slots).

    Drags with no file are taken too, so the window can say what to do instead of showing a no-entry cursor.
    """
    if mime is None or mime.hasFormat(DOCUMENT_FORMAT):
        return False
    return bool(mime.formats())


def read_mime(mime: QMimeData | None) -> DropContents:
    """Everything readable in a drop or the clipboard; call it inside the drop (the data lives only then)."""
    out = DropContents()
    if mime is None:
        out.problem = NOTHING
        return out
    urls = mime.urls() if mime.hasUrls() else []
    out.paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]
    formats = set(mime.formats())
    wide = DESCRIPTOR_W in formats
    if not out.paths and (wide or DESCRIPTOR_A in formats):
        entries = parse_file_group_descriptor(bytes(mime.data(DESCRIPTOR_W if wide else DESCRIPTOR_A).data()),
                                              wide=wide)
        for index, entry in enumerate(entries):
            if entry.is_folder:
                continue
            data = bytes(mime.data(f"{CONTENTS};index={index}").data())
            if not data and index == 0:
                data = bytes(mime.data(CONTENTS).data())  # some sources answer only without the index
            if data or entry.size == 0:
                out.items.append((entry.name, data))
            else:
                out.unreadable.append(entry.name)  # new Outlook: delivered later, asynchronously: unreadable
    if out.empty:
        web = [u for u in urls if u.scheme() in ("http", "https")]
        out.problem = WEB_LINKS if web else NOTHING
    return out
