"""Time per form: laying it out to PDF, and reading page 1's text back: python benchmarks/bench_forms.py [--rounds N]

render: forms.render with the finished-PDF cache cleared each round (the layout caches stay warm, as in a running
app after its first form); read: the packing check's packing._first_page_text with its cache cleared; pypdf: the
same page through pypdf's extract_text, the reader before. Medians of CPU time (the process's own, so the figures
hardly follow the load of a shared machine) and the wall time's median. Target: under 100 ms per render, and for
issue #8 (`blanko demo` under 3 s, ~38 receipts rendered and read) the receipt at least twice as fast as before.

Measured on the shared 2-core machine, 29 Nov 2026, CPU ms medians of 30, before (37782c5) -> after (f1):
  receipt     render 19.5 -> 7.6   read 8.1 -> 1.9
  approval    render 13.0 -> 5.0   read 7.8 -> 1.9
  label       render  5.3 -> 2.1   read 3.6 -> 1.2
  manifest    render 10.3 -> 3.8   read 5.9 -> 1.6
  completion  render  9.0 -> 3.2   read 4.8 -> 1.5
  receipts, each another request (new number, QR code, LSP, serials, as in the demo): 19.2 -> 8.9, 7.8 -> 2.1
  `blanko demo` (bench_demo.py, median of 3, load ~3.5): 3.76 -> 3.04 s CPU, 5.67 -> 4.69 s as a process
What did it: each paragraph's markup parsed, and its lines broken, once per (markup, style[, width]) per process;
the logo's image object and each font subset built and compressed once (the PDFs byte for byte as before); the
QR code one image mask instead of ~80 rectangles; rl_accel (ReportLab's C helpers, 9.4 -> 7.7 ms a receipt)
declared; page text read from the text operators (pypdf opens the file).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from functools import partial

from blanko_desktop.core import forms
from blanko_desktop.core.forms import SerialRange, readback
from blanko_desktop.core.forms.samples import sample
from blanko_desktop.core.shipping import packing

FORMS = ("receipt", "approval", "label", "manifest", "completion")


def timed(action, rounds: int, before=lambda: None) -> tuple[float, float]:
    """(CPU ms median, wall ms median) of `action` over `rounds`, `before` run untimed ahead of each."""
    cpu, wall = [], []
    for _ in range(rounds):
        before()
        c, w = time.process_time(), time.perf_counter()
        action()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def distinct_receipt(i: int) -> forms.ReceiptData:
    lsp = ("LSP Kelistrikan Tenaga Raya", "LSP Teknologi Digital Nusantara", "LSP Pariwisata Bali")[i % 3]
    return dataclasses.replace(sample("receipt"), number=f"TT-2026-{i:06d}", request_id=i, lsp_name=lsp,
                               quantity=10 + i % 90, letter_number=f"{i}/LSP/XI/2026",
                               ranges=[SerialRange("KB ", 100 * i + 1, 100 * i + 10 + i % 90, 7)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    print(f"{'form':<11}{'render (CPU / wall ms)':>24}{'read':>16}{'read by pypdf':>18}   ({args.rounds} rounds)")
    for form in FORMS:
        data = sample(form)
        pdf = forms.render(form, data)  # the first render loads fonts and the template
        packing._first_page_text(pdf)
        render = timed(partial(forms.render, form, data), args.rounds, forms._RENDERED.clear)
        read = timed(partial(packing._first_page_text, pdf), args.rounds, packing._first_page_text.cache_clear)
        by_pypdf = timed(partial(readback.pypdf_page_text, pdf), args.rounds)
        print(f"{form:<11}{render[0]:>14.1f} / {render[1]:5.1f}{read[0]:>8.1f} / {read[1]:4.1f}"
              f"{by_pypdf[0]:>10.1f} / {by_pypdf[1]:4.1f}")
    # as in `blanko demo`: every receipt of another request (its own number, QR code, LSP and serials)
    receipts = iter(distinct_receipt(i) for i in range(10 ** 6))
    render = timed(lambda: forms.render("receipt", next(receipts)), args.rounds)
    pdfs = iter([forms.render("receipt", distinct_receipt(10 ** 6 + i)) for i in range(args.rounds)])
    read = timed(lambda: packing._first_page_text(next(pdfs)), args.rounds)
    print(f"{'receipts, each another request':<31}{render[0]:>5.1f} / {render[1]:5.1f}{read[0]:>8.1f} / {read[1]:4.1f}")
    start = time.perf_counter()
    forms.check_templates()
    print(f"check_templates (cached) {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
