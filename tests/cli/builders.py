"""What an LSP sends, for the intake tests: the four documents of a request (demo_documents) as files,
as one e-mail (.eml) or as an Outlook message (.msg), and a registry database to receive them."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from blanko_desktop.core.demo import documents as demo_documents
from blanko_desktop.core.demo.documents import Participant

TDN = "LSP Teknologi Digital Nusantara"
TDN_SENDER = "sertifikasi@lsp-tdn.or.id"
KTR = "LSP Kelistrikan Tenaga Raya"
OFFICER = "Rina Wulandari"  # the officer whose name signs a completion letter
SENT = datetime(2026, 11, 16, 2, 12, tzinfo=timezone.utc)  # 09:12 office time
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LETTER, MINUTES, DECISION, LIST = ("Surat Permohonan Blanko.pdf", "BA Asesmen.pdf", "SK Penetapan Kompeten.pdf",
                                   "Daftar Peserta K-BK.xlsx")
KIND_OF = {LETTER: "letter", MINUTES: "minutes", DECISION: "decision", LIST: "list"}

# The LSPs every intake database knows: (name, addresses, city)
REGISTRY = (
    (TDN, (TDN_SENDER, "lsp-tdn.or.id"), "Jakarta Selatan"),
    (KTR, ("sertifikasi@ktr-sertifikasi.id", "ktr-sertifikasi.id"), "Surabaya"),
)


@dataclass
class LspRequest:
    """The four documents of one consistent request and the participants behind them."""

    lsp: str
    people: list[Participant]
    letter_number: str
    files: dict[str, bytes]
    city: str = "Jakarta Selatan"

    @property
    def competent(self) -> int:
        return sum(p.verdict == "K" for p in self.people)

    @property
    def not_yet(self) -> int:
        return len(self.people) - self.competent

    @property
    def per_scheme(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter] = {}
        for p in self.people:
            counts.setdefault(p.scheme[0], Counter())[p.verdict] += 1
        return {code: {"K": c["K"], "BK": c["BK"]} for code, c in counts.items()}

    def write(self, folder: Path, names: tuple[str, ...] | None = None) -> list[Path]:
        """The files (or some of them) written into `folder`, as the officer would drop them."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in names or tuple(self.files):
            (folder / name).write_bytes(self.files[name])
            paths.append(folder / name)
        return paths

    def eml(self, sender: str = TDN_SENDER, sent: datetime = SENT, names: tuple[str, ...] | None = None) -> bytes:
        kept = {n: d for n, d in self.files.items() if names is None or n in names}
        docs = demo_documents.RequestDocuments(self.letter_number, kept)
        return demo_documents.request_email(sender, self.lsp, docs, sent)

    def msg(self, sender: str = TDN_SENDER) -> bytes:
        from tests.core.intake.intake_builders import msg_bytes

        attachments = [{"name": n, "data": d, "mime": XLSX_MIME if n.endswith(".xlsx") else "application/pdf"}
                       for n, d in self.files.items()]
        return msg_bytes(f"Permohonan blanko sertifikat {self.letter_number}", f"Admin {self.lsp}", sender,
                         attachments, exchange=False, sent=SENT)


def lsp_request(seed: int = 1, count: int = 12, lsp: str = TDN, city: str = "Jakarta Selatan",
                seq: int = 45, code: str = "LSP-TDN") -> LspRequest:
    rng = random.Random(seed)
    while True:
        people = demo_documents.participants(count, rng)
        if 0 < sum(p.verdict == "K" for p in people) < count:
            break
    docs = demo_documents.request_documents(lsp, city, people, date(2026, 11, 13), seq=seq, code=code)
    return LspRequest(lsp, people, docs.letter_number, dict(docs.files), city)


def with_bad_niks(request: LspRequest) -> tuple[LspRequest, dict[int, str]]:
    """The same request whose list has NIK mistakes on not-yet-competent rows (so the decision, which names the
    competent, still agrees); returns the Excel row -> the expected finding text."""
    from tests.core.intake.intake_builders import STANDARD_HEADER, xlsx_bytes

    people = list(request.people)
    k, short, dup = 0, 2, 4
    people[k] = replace(people[k], verdict="K")
    people[short] = replace(people[short], verdict="BK", nik=people[short].nik[:15])
    people[dup] = replace(people[dup], verdict="BK", nik=people[k].nik)
    seq, code = request.letter_number.split("/")[:2]
    docs = demo_documents.request_documents(request.lsp, request.city, people, date(2026, 11, 13), seq=int(seq),
                                            code=code)
    rows = [[i, p.name, p.nik, f"{p.born:%d-%m-%Y}", "P" if p.female else "L", p.scheme[0], p.scheme[1],
             p.funding, p.verdict] for i, p in enumerate(people, 1)]
    files = dict(docs.files)
    files[LIST] = xlsx_bytes({"Peserta": [["DAFTAR PESERTA"], [], STANDARD_HEADER, *rows]})
    header_row = 3
    expected = {header_row + 1 + short: "bukan 16 digit", header_row + 1 + dup: "ganda"}
    return LspRequest(request.lsp, people, docs.letter_number, files, request.city), expected
