"""Time 100,000 due times spread over ~7 years of arrivals: `python benchmarks/bench_calendar.py` (target: under 5 s)."""

import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blanko_desktop.core.calendar import WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")
COUNT = 100_000


def main() -> None:
    base = datetime(2026, 1, 1, tzinfo=WIB)
    received = [base + timedelta(minutes=37 * i) for i in range(COUNT)]
    runs = []
    for _ in range(5):
        # A fresh calendar each run, so the per-year tables are built inside the timing as at start-up.
        calendar = WorkCalendar()
        began = time.perf_counter()
        for r in received:
            calendar.due_time(r)
        runs.append(time.perf_counter() - began)
    print(f"{COUNT:,} due times: median {statistics.median(runs):.2f} s, slowest {max(runs):.2f} s (target < 5 s)")


if __name__ == "__main__":
    main()
