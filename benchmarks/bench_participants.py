"""Time parse_participant_list on generated 2,000- and 20,000-row lists: `python benchmarks/bench_participants.py`."""

import io
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blanko_desktop.core.demo.documents import FUNDING, SCHEMES
from blanko_desktop.core.intake.analyse import analyse_file
from blanko_desktop.core.intake.archive import archive_problem
from blanko_desktop.core.intake.participants import parse_participant_list

HEADER = [
    "NO",
    "NAMA ASESI",
    "NIK",
    "TEMPAT LAHIR",
    "TANGGAL LAHIR",
    "JENIS KELAMIN (L/P)",
    "KODE SKEMA",
    "NAMA SKEMA SERTIFIKASI",
    "NO. REGISTRASI",
    "SUMBER ANGGARAN",
    "TUK",
    "NAMA ASESOR",
    "REKOMENDASI (K/BK)",
]
NAMES = ["Hadi", "Indah", "Rina", "Nur", "Joko", "Gede", "Rizky", "Citra", "Zainal", "Wahyu", "Siti", "Agus"]
FAMILY = ["Nugroho", "Harahap", "Sitompul", "Purnomo", "Wibowo", "Santoso", "Lestari", "Saputra"]


def make_list(rows: int, seed: int = 1) -> bytes:
    """A BNSP-template participant list with title rows, merged title and `rows` participants."""
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Peserta")
    sheet.append(["DAFTAR PESERTA UJI KOMPETENSI"])
    sheet.append(["LSP Benchmark"])
    sheet.append([])
    sheet.append(HEADER)
    for number in range(1, rows + 1):
        female = rng.random() < 0.5
        born = date(1970, 1, 1) + timedelta(days=rng.randrange(12000))
        day = born.day + (40 if female else 0)
        region = f"{rng.randrange(11, 95)}{rng.randrange(1, 80):02d}{rng.randrange(1, 40):02d}"
        nik = f"{region}{day:02d}{born:%m%y}{number % 9999 + 1:04d}"
        code, title = rng.choice(SCHEMES)
        sheet.append(
            [
                number,
                f"{rng.choice(NAMES)} {rng.choice(FAMILY)}",
                nik,
                "Surabaya",
                born,
                "P" if female else "L",
                code,
                title,
                f"REG.{number:05d} 2026",
                rng.choice(FUNDING),
                "TUK Sewaktu",
                "Drs. Suharto",
                "K" if rng.random() < 0.85 else "BK",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def best_of(runs: int, action) -> float:
    """The fastest of `runs` timings of action(), in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    for rows in (2_000, 20_000):
        data = make_list(rows)
        result = parse_participant_list(data, "bench.xlsx")
        assert result.competent + result.not_yet == rows, (result.competent, result.not_yet, result.findings[:3])
        guard = best_of(3, lambda data=data: archive_problem(data))
        parse = best_of(3, lambda data=data: parse_participant_list(data, "bench.xlsx"))
        whole = best_of(3, lambda data=data: analyse_file(data, "Daftar Peserta.xlsx"))
        print(
            f"{rows:>6} rows, {len(data) / 1024:>6.0f} KB: zip guard {guard * 1000:6.1f} ms, "
            f"parse+check {parse * 1000:7.1f} ms, analyse_file {whole * 1000:7.1f} ms, "
            f"findings {len(result.findings)}"
        )


if __name__ == "__main__":
    main()
