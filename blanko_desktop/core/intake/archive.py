"""Zip-bomb and malformed-archive guard, run on an Office zip before any reader unpacks it."""

import io
import struct
import zipfile
import zlib

from blanko_desktop.core.intake.limits import (
    ARCHIVE_RATIO_GRACE_BYTES,
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_MEMBERS,
    MAX_COMPRESSION_RATIO,
)

_LOCAL_HEADER = struct.Struct("<4s22xHH")
_CHUNK = 1024 * 1024
_MB = 1024 * 1024


class _Refused(Exception):
    """The archive is unsafe or damaged; the argument says why, in Indonesian."""


def archive_problem(data: bytes) -> str | None:
    """Why this zip must not be unpacked (bomb, forged sizes, damage, encryption), or None when it is safe."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
        _check_declared(infos)
        total = 0
        for info in infos:
            total += _inflate_counting(data, info)
            if total > MAX_ARCHIVE_BYTES:
                raise _Refused(_too_big(total))
    except _Refused as refused:
        return str(refused)
    except Exception:  # zipfile, zlib and struct raise a dozen types on damaged archives; all mean the same here
        return "arsip rusak (struktur zip tidak utuh)"
    return None


def _too_big(size: int) -> str:
    return f"isi berkas terlalu besar setelah dibuka ({size // _MB} MB; batas {MAX_ARCHIVE_BYTES // _MB} MB)"


def _check_declared(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse on the central directory alone, before inflating a byte."""
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        raise _Refused(f"berisi {len(infos)} bagian, tidak wajar untuk berkas Excel")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_ARCHIVE_BYTES:
        raise _Refused(_too_big(declared))
    for info in infos:
        if info.flag_bits & 0x1:
            raise _Refused("dikunci kata sandi")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _Refused("metode kompresi tidak dikenal untuk berkas Excel")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ARCHIVE_RATIO_GRACE_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _Refused(f"rasio kompresi tidak wajar ({ratio:.0f}:1), kemungkinan zip bomb")


def _member_bytes(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The member's compressed bytes, located through its local header."""
    offset = info.header_offset
    header = data[offset : offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise _Refused("arsip rusak (struktur zip tidak utuh)")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04":
        raise _Refused("arsip rusak (struktur zip tidak utuh)")
    start = offset + _LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    if len(raw) < info.compress_size:
        raise _Refused("arsip rusak (berkas terpotong)")
    return raw


def _inflate_counting(data: bytes, info: zipfile.ZipInfo) -> int:
    """Inflate one member in bounded chunks and return its real size.

    Sizes in the header can be forged: zipfile stops at the declared size, but other readers (calamine's Rust
    zip) inflate the whole stream, so the stream itself is measured and must end exactly at the declared size.
    """
    raw = _member_bytes(data, info)
    if info.compress_type == zipfile.ZIP_STORED:
        size, crc = len(raw), zlib.crc32(raw)
    else:
        size, crc, finished = _inflate(raw, info.file_size)
        if not finished:
            raise _Refused("arsip rusak (data terkompresi terpotong)")
    if size != info.file_size:
        raise _Refused("ukuran isi tidak sesuai dengan yang tertulis di arsip (kemungkinan dipalsukan)")
    if crc != info.CRC:
        raise _Refused("arsip rusak (checksum tidak cocok)")
    return size


def _inflate(raw: memoryview, declared: int) -> tuple[int, int, bool]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = crc = 0
    for position in range(0, max(len(raw), 1), _CHUNK):
        pending = bytes(raw[position : position + _CHUNK])
        while True:
            out = inflater.decompress(pending, _CHUNK)
            size += len(out)
            if size > declared:
                raise _Refused("ukuran isi tidak sesuai dengan yang tertulis di arsip (kemungkinan dipalsukan)")
            crc = zlib.crc32(out, crc)
            pending = inflater.unconsumed_tail
            # A full output buffer may leave output inside zlib even when all input was taken: ask again.
            if inflater.eof or (not pending and len(out) < _CHUNK):
                break
        if inflater.eof:
            break
    return size, crc, inflater.eof
