"""The documents of one request against each other: letter, minutes and decision against the participant list."""

import re
from collections.abc import Callable, Sequence

from blanko_desktop.core.intake.analyse import FileAnalysis
from blanko_desktop.core.intake.findings import Finding, Severity
from blanko_desktop.core.intake.participants import Participant


def _latest(files: Sequence[FileAnalysis], kind: str) -> FileAnalysis | None:
    """The last file of a kind that yielded counts: a resent document replaces the earlier one."""
    for analysis in reversed(files):
        if analysis.kind == kind and analysis.counts:
            if kind == "list" and (analysis.participants is None or not analysis.participants.headers):
                continue  # a PDF the officer called the list has counts, but not a list's
            return analysis
    return None


def _lsp_key(name: str) -> str:
    name = re.sub(r"lembaga\s+sertifikasi\s+profesi|\blsp\b", " ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def cross_check(files: Sequence[FileAnalysis], lsp_name: str | None = None) -> list[Finding]:
    """Disagreements between the documents of one request; lsp_name is the sender's LSP from the registry."""
    findings: list[Finding] = []

    def add(document: FileAnalysis, message: str, severity: Severity = "error") -> None:
        findings.append(Finding(document.filename, None, None, message, severity))

    roster = _latest(files, "list")
    letter = _latest(files, "letter")
    if letter is not None and letter.letter is not None:
        named = letter.letter.lsp_name
        if lsp_name and named and _lsp_key(named) != _lsp_key(lsp_name):
            add(letter, f'surat atas nama "{named}", sedangkan pengirim terdaftar sebagai "{lsp_name}"', "warning")
    if roster is None:
        return findings
    competent = roster.counts["competent"]
    if letter is not None and letter.counts.get("requested") is not None:
        requested = letter.counts["requested"]
        if requested != competent:
            add(letter, f"surat meminta {requested} blanko, daftar peserta berisi {competent} peserta kompeten")
        listed = roster.counts.get("per_funding", {})
        for source, stated in letter.counts.get("per_funding", {}).items():
            actual = listed.get(source, {}).get("K", 0)
            if listed and stated != actual:
                add(letter, f"surat menyebut {stated} kompeten anggaran {source}, daftar peserta berisi {actual}")
        not_yet = letter.counts.get("not_yet")
        if not_yet is not None and not_yet != roster.counts["not_yet"]:
            add(
                letter,
                f"surat menyebut {not_yet} belum kompeten, daftar peserta berisi {roster.counts['not_yet']}",
                "warning",
            )
    for kind, label in (("minutes", "berita acara"), ("decision", "keputusan")):
        document = _latest(files, kind)
        if document is None:
            continue
        stated = document.counts.get("competent")
        expected = competent
        if document.counts.get("competent_from_niks") and roster.participants is not None:
            # counted from the NIKs the decision names: a list row whose NIK is malformed (already a
            # finding of its own) cannot be found there, so it is not counted against the decision twice
            expected = sum(1 for p in roster.participants.participants if p.verdict == "K" and _well_formed(p.nik))
        if stated is not None and stated != expected:
            add(document, f"{label} menyebut {stated} peserta kompeten, daftar peserta berisi {competent}")
        for scheme, counts in document.counts.get("per_scheme", {}).items():
            actual = roster.counts["per_scheme"].get(scheme)
            if actual is not None and actual["K"] != counts["K"]:
                add(document, f"{label}: skema {scheme} kompeten {counts['K']}, daftar peserta {actual['K']}")
    decision = _latest(files, "decision")
    if decision is not None and decision.counts.get("niks") and roster.participants is not None:
        _compare_decision_niks(decision, roster.participants.participants, add)
    return findings


def _well_formed(nik: str) -> bool:
    return len(nik) == 16 and nik.isdigit()


def _compare_decision_niks(
    decision: FileAnalysis, participants: Sequence[Participant], add: Callable[[FileAnalysis, str], None]
) -> None:
    """Every competent participant of the list is named in the decision, and nobody else."""
    in_decision = set(decision.counts["niks"])
    # a malformed NIK is reported by the list check; here it would only repeat that finding
    competent = {p.nik: p for p in participants if p.verdict == "K" and _well_formed(p.nik)}
    everyone = {p.nik: p for p in participants}
    missing = [p for nik, p in competent.items() if nik not in in_decision]
    extra = sorted(in_decision - set(competent))
    if missing:
        names = ", ".join(f"{p.name} ({p.nik})" for p in missing[:10])
        add(decision, f"peserta kompeten di daftar tetapi tidak ada di keputusan: {names}")
    for nik in extra[:10]:
        who = everyone.get(nik)
        detail = f"{who.name}, {who.verdict} di daftar peserta" if who else "tidak ada di daftar peserta"
        add(decision, f"NIK {nik} ada di keputusan ({detail})")
