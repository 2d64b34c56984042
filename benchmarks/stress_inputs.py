"""Bad inputs through `blanko intake` as a process: how many are handled without a traceback, and what each costs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.intake.intake_builders import eml_bytes, fast_list_bytes, pdf_bytes, standard_list_bytes  # noqa: E402

HEADER = ["NO", "NAMA ASESI", "NIK", "KODE SKEMA", "REKOMENDASI"]


def nested_email(depth: int) -> bytes:
    mail = eml_bytes([("a.pdf", pdf_bytes("surat"), "application/pdf")])
    for _ in range(depth):
        mail = eml_bytes(attached_messages=[mail])
    return mail


def pdf_bombish() -> bytes:
    """A PDF whose one stream inflates a thousandfold (100 MB of zeros from ~100 KB)."""
    import zlib

    stream = zlib.compress(b"0" * (100 << 20), 9)
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream +
            b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    def file(name: str, data: bytes) -> str:
        (folder / name).write_bytes(data)
        return str(folder / name)

    fifo = folder / "pipa.eml"
    os.mkfifo(fifo)

    def rows(count: int):
        return ([i, f"Peserta {i}", f"3201{i:012d}", "SKM-01", "K"] for i in range(1, count + 1))

    xlsx = standard_list_bytes()
    return [
        ("empty file", [file("kosong.pdf", b"")]),
        ("0-byte eml", [file("kosong.eml", b"")]),
        ("truncated xlsx", [file("putus.xlsx", xlsx[: len(xlsx) // 2])]),
        ("not a zip named xlsx", [file("palsu.xlsx", b"PK\x03\x04" + b"\x00" * 100)]),
        ("PDF bomb-ish (100 MB stream)", [file("bom.pdf", pdf_bombish())]),
        ("e-mail nested 50 deep", [file("bersarang.eml", nested_email(50))]),
        ("e-mail dated 1900", [file("tua.eml", eml_bytes([("a.pdf", pdf_bytes("x"), "application/pdf")],
                                                          date=datetime(1900, 1, 1, tzinfo=timezone.utc)))]),
        ("8-bit subject", [file("subjek.eml", b"From: a@b.id\r\nSubject: Permohonan \x93blanko\x94\r\n\r\nisi\r\n")]),
        ("FIFO", [str(fifo)]),
        ("/dev/zero", ["/dev/zero"]),
        ("101 MB file", [file("besar.pdf", b"%PDF-1.4\n" + b"0" * (101 << 20))]),
        ("99,000-row list (under the limit)", [file("besar.xlsx", fast_list_bytes([HEADER, *rows(99_000)]))]),
        ("1,000,000-row list", [file("sejuta.xlsx", fast_list_bytes([HEADER, *rows(1_000_000)]))]),
    ]


def main() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "stress.sqlite"
        subprocess.run([sys.executable, "-m", "blanko_desktop.cli", "init", "--db", str(db)], env=env, check=True,
                       capture_output=True)
        handled, tried, results = 0, 0, []
        for label, args in cases(folder):
            started = time.perf_counter()
            # each case's own peak memory, from /usr/bin/time where it exists (RUSAGE_CHILDREN keeps the maximum)
            timer = ["/usr/bin/time", "-f", "%M", "-o", str(folder / "peak")] if Path("/usr/bin/time").exists() \
                else []
            try:
                proc = subprocess.run([*timer, sys.executable, "-m", "blanko_desktop.cli", "intake", *args, "--new",
                                       "--db", str(db)], env=env, capture_output=True, text=True, timeout=300)
                rc, err, out = proc.returncode, proc.stderr, proc.stdout
            except subprocess.TimeoutExpired:
                rc, err, out = "timeout", "", ""
            seconds = time.perf_counter() - started
            peak = int((folder / "peak").read_text().split()[-1]) if timer and rc != "timeout" else None
            tried += 1
            ok = rc in (0, 1) and "Traceback" not in err
            handled += ok
            said = [line.strip() for line in out.splitlines() if "terlalu besar" in line or "ditolak" in line]
            results.append((label, rc, seconds, peak, said[:1] or err.strip().splitlines()[-1:]))
        for label, rc, seconds, peak, last in results:
            memory = f"{peak / 1024:4.0f} MB peak" if peak else "peak unknown"
            print(f"{label:34} exit {rc}  {seconds:6.2f} s  {memory}  {last[0][:110] if last else ''}")
        print(f"tried {tried}, handled without traceback {handled}")


if __name__ == "__main__":
    main()
