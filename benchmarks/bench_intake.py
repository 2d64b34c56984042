"""Drop to checklist for a request of four files with a 2,000-participant list: `python benchmarks/bench_intake.py`.

Target (issue 3): under 1 s on the reference machine (2 cores).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from blanko_desktop.core.audit import Actor  # noqa: E402
from blanko_desktop.core.demo.documents import (  # noqa: E402
    participants,
    request_documents,
    request_email,
)
from blanko_desktop.core.reception import Reception  # noqa: E402
from blanko_desktop.core.services import Services  # noqa: E402
from blanko_desktop.core.storage import Storage  # noqa: E402
from blanko_desktop.core.verification import checklist  # noqa: E402


def run(count: int, as_email: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        storage = Storage.open(tmp / "bench.sqlite")
        services = Services(storage, Actor("bench", "Bench"))
        services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"])
        docs = request_documents("LSP Kelistrikan Tenaga Raya", "Surabaya",
                                 participants(count, random.Random(count)), date(2026, 11, 16))
        if as_email:
            paths = [tmp / "permohonan.eml"]
            paths[0].write_bytes(request_email("admin@ktr-sertifikasi.id", "LSP Kelistrikan Tenaga Raya", docs,
                                               datetime(2026, 11, 16, 2, 0, tzinfo=timezone.utc)))
        else:
            paths = []
            for name, data in docs.files.items():
                (tmp / name).write_bytes(data)
                paths.append(tmp / name)
        reception = Reception(services)
        t0 = time.perf_counter()
        plan = reception.prepare_paths(paths)
        t1 = time.perf_counter()
        lsp_id = services.find_lsp("Kelistrikan").id
        outcome = reception.commit(plan, lsp_id=lsp_id)
        t2 = time.perf_counter()
        result = checklist.build(services, outcome.request.id)
        t3 = time.perf_counter()
        storage.close()
        print(f"{count:>6} participants, {'e-mail' if as_email else '4 files':7}: read+analyse {1000 * (t1 - t0):6.0f} ms, "
              f"store {1000 * (t2 - t1):5.0f} ms, checklist {1000 * (t3 - t2):5.0f} ms, "
              f"total {1000 * (t3 - t0):6.0f} ms  (complete={result.complete}, competent={result.competent})")


if __name__ == "__main__":
    for n, mail in ((2000, False), (2000, True), (20000, False)):
        run(n, mail)
