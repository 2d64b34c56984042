"""Render time per form (target: under 100 ms each): python benchmarks/bench_forms.py"""

from __future__ import annotations

import statistics
import time

from blanko_desktop.core import forms
from blanko_desktop.core.forms.samples import sample

ROUNDS = 20


def main() -> None:
    for form in forms.FORMS:
        forms.render(form, sample(form))  # first render loads fonts and the template
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            forms.render(form, sample(form))
            times.append((time.perf_counter() - start) * 1000)
        print(f"{form:<11} median {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms   "
              f"(target < 100 ms, {ROUNDS} rounds)")
    start = time.perf_counter()
    forms.check_templates()
    print(f"check_templates (cached) {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
