"""Intake's text reading of a PDF: ms per PDF with the quick reader (core/pdftext) and with pypdf alone.

Run: python benchmarks/bench_pdftext.py [--rounds 5]. The PDFs are the demo's: a request's letter, minutes and
decision (60 requests, as `blanko demo --requests 60` makes them) and the returned receipts' scans; each is
checked as intake checks it (`read_pdf`: open, first 3 pages' text) and every page of the decision is read.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blanko_desktop.core import pdftext
from blanko_desktop.core.demo import documents
from blanko_desktop.core.demo.dispatch import _scan_pdf
from blanko_desktop.core.intake.pdfcheck import read_pdf


def corpus() -> list[bytes]:
    pdfs = []
    for seed in range(60):
        rng = random.Random(seed)
        docs = documents.request_documents(f"LSP {seed}", "Bandung", documents.participants(rng.randint(5, 60), rng),
                                           date(2026, 3, 4), seq=seed)
        pdfs += [data for name, data in docs.files.items() if name.endswith(".pdf")]
    for n in range(55):
        pdfs.append(_scan_pdf(f"TANDA TERIMA  Nomor: TT-2026-{n:06d}", "Diterima dan ditandatangani LSP"))
    return pdfs


def intake(pdfs: list[bytes]) -> None:
    for pdf in pdfs:
        _, pages = read_pdf(pdf)
        pages.first(99)


def timed(pdfs: list[bytes], rounds: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        intake(pdfs)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return min(wall) * 1000 / len(pdfs), min(cpu) * 1000 / len(pdfs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pdfs = corpus()
    quick = pdftext.quick_text
    intake(pdfs)  # warm caches and imports
    for label in ("quick", "pypdf", "quick", "pypdf"):  # alternated: the same load for both
        pdftext.quick_text = quick if label == "quick" else _declined
        wall, cpu = timed(pdfs, args.rounds)
        print(f"{label:6s} {len(pdfs)} PDFs: {wall:.3f} ms/PDF wall, {cpu:.3f} ms/PDF CPU (best of {args.rounds})")
    pdftext.quick_text = quick


def _declined(page):
    raise pdftext.NotPlain("benchmark: pypdf alone")


if __name__ == "__main__":
    main()
