"""The completeness check: checklist, completion-mail, verify and the officer's corrections."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blanko_desktop.cli.args import EXIT_OK, Refused, Registrar, count_arg, document_id, kind_arg, positive_int, request_id
from blanko_desktop.core.errors import RuleError

if TYPE_CHECKING:
    from blanko_desktop.cli.main import Context
    from blanko_desktop.core.services import RequestView, Services


def register(r: Registrar) -> None:
    p = r.command("checklist", cmd_checklist, "daftar periksa kelengkapan dokumen satu permohonan")
    p.add_argument("id", type=request_id, metavar="ID")

    p = r.command("completion-mail", cmd_completion_mail,
                  "tulis draf e-mail permintaan kelengkapan ke LSP (.eml); setelah dikirim: completion-sent")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.eml", help="berkas .eml tujuan (belum boleh ada)")
    p.add_argument("--from", dest="from_address", default="", metavar="ALAMAT",
                   help="alamat pengirim (bawaan: diisi program e-mail)")
    p.add_argument("--sent", action="store_true",
                   help="e-mail ini langsung dikirim (oleh skrip Anda): permohonan menunggu LSP sekarang juga")

    p = r.command("completion-sent", cmd_completion_sent,
                  "catat bahwa draf permintaan kelengkapan sudah dikirim: permohonan menunggu LSP")
    p.add_argument("id", type=request_id, metavar="ID")

    p = r.command("verify", cmd_verify, "nyatakan dokumen lengkap: permohonan lanjut ke persetujuan")
    p.add_argument("id", type=request_id, metavar="ID")

    p = r.command("set-kind", cmd_set_kind, "ubah jenis dokumen (surat, berita acara, keputusan, daftar)")
    p.add_argument("document", type=document_id, metavar="DOKUMEN_ID")
    p.add_argument("kind", type=kind_arg, metavar="JENIS",
                   help="letter|minutes|decision|list|other (atau surat, berita-acara, keputusan, daftar, lainnya)")

    p = r.command("set-requested", cmd_set_requested, "isi jumlah blanko yang diminta (dari surat hasil pindaian)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("count", type=count_arg, metavar="N")

    p = r.command("set-lsp", cmd_set_lsp, "tentukan LSP sebuah permohonan (pengirim belum dikenali)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("lsp", metavar="NAMA", help="nama LSP (atau bagian nama yang khas)")
    p.add_argument("--remember-sender", action="store_true",
                   help="catat alamat pengirim permohonan ini pada LSP tersebut")

    p = r.command("accept-finding", cmd_accept_finding,
                  "terima satu temuan daftar periksa dengan catatan (tercatat di jejak audit)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--index", type=positive_int, required=True, metavar="N",
                   help="nomor temuan seperti di 'blanko checklist ID' (mulai 1)")
    p.add_argument("--note", required=True, metavar="TEKS", help="alasan menerima temuan")

    p = r.command("reopen-finding", cmd_reopen_finding,
                  "buka kembali temuan yang sudah diterima (tercatat di jejak audit)")
    p.add_argument("id", type=request_id, metavar="ID")
    p.add_argument("--index", type=positive_int, required=True, metavar="N",
                   help="nomor temuan seperti di 'blanko checklist ID' (mulai 1)")
    p.add_argument("--note", required=True, metavar="TEKS", help="alasan membuka kembali")


# -- shared with intake ---------------------------------------------------------------------------

def open_request_or_refuse(services: "Services", request_id: int, doing: str) -> "RequestView":
    """The request, refused if it has ended (closed or cancelled): `doing` says what cannot be done then."""
    from blanko_desktop.core.workflow import State

    req = services.request_view(request_id)
    if req.state in (State.CLOSED, State.CANCELLED):
        ended = "selesai" if req.state == State.CLOSED else "dibatalkan"
        raise RuleError(f"Permohonan #{req.id} sudah {ended}; {doing}.")
    return req


def checklist_json(services: "Services", request_id: int) -> dict[str, Any]:
    """The checklist as scripts read it: Checklist.as_json() with each finding's number (for accept-finding)
    and the officer's note on an accepted one; plus the request's state."""
    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist

    cl = checklist.build(services, request_id)
    data = cl.as_json()
    for index, (finding, checked) in enumerate(zip(data["findings"], cl.findings), 1):
        finding["index"] = index
        finding["note"] = checked.note
    state = services.request_view(request_id).state
    data["state"], data["state_label"] = state, workflow.label(state)
    return data


def _line(finding: dict[str, Any]) -> str:
    """'Daftar Peserta.xlsx, lembar 'Peserta': Baris 7: NIK ...' — the row said once."""
    from types import SimpleNamespace

    from blanko_desktop.core.verification.wording import location, names_row

    f = SimpleNamespace(**{k: finding.get(k) for k in ("document", "sheet", "row", "message")})
    return f"{location(f, with_row=not names_row(f))}: {finding['message']}"


def checklist_lines(data: dict[str, Any]) -> list[str]:
    """The checklist in Indonesian, as the Verifikasi tab shows it."""
    from blanko_desktop.core import labels
    from blanko_desktop.core.textid import terbilang
    from blanko_desktop.core.verification.checklist import ITEM_LABELS

    lsp = data["lsp"] or "(belum ditentukan: blanko set-lsp {} NAMA)".format(data["request"])
    verdict = "LENGKAP" if data["complete"] else (
        "BELUM LENGKAP" if any(i["status"] != "ok" for i in data["items"].values())
        or any(f["severity"] == "error" and not f["accepted"] for f in data["findings"])
        else "MENUNGGU TUGAS PETUGAS")
    lines = [f"Daftar periksa permohonan #{data['request']} ({data['state_label']}): {verdict}",
             f"  LSP      : {lsp}",
             f"  Pengirim : {data['sender'] or '-'}"]
    marks = {"ok": "✓", "missing": "✗", "invalid": "✗"}
    words = {"ok": "ada", "missing": "belum ada", "invalid": "bermasalah"}
    for key, item in data["items"].items():
        line = f"  {marks[item['status']]} {ITEM_LABELS[key]}: {words[item['status']]}"
        if item["files"]:
            line += f" ({', '.join(item['files'])})"
        if item["status"] != "ok" and item["reason"]:
            line += f" - {item['reason']}"
        lines.append(line)

    def qty(n: int | None) -> str:
        return "-" if n is None else f"{n} ({terbilang(n)})"

    lines.append(f"  Blanko diminta: {qty(data['requested'])}; kompeten: {qty(data['competent'])}; "
                 f"belum kompeten: {qty(data['not_yet'])}")
    for row in data.get("not_counted", []):
        lines.append(f"  Tidak dihitung (baris ganda diterima): {row['document']}, baris {row['row']}")
    if data["per_scheme"]:
        lines.append("  Per skema:")
        width = max(len(code) for code in data["per_scheme"])
        lines += [f"    {code:<{width}}  K {counts.get('K', 0):>4}  BK {counts.get('BK', 0):>4}"
                  for code, counts in data["per_scheme"].items()]
    if data.get("officer_tasks"):
        lines.append(f"  Tugas petugas ({len(data['officer_tasks'])}; bukan untuk LSP):")
        lines += [f"    - {t['text']}" for t in data["officer_tasks"]]
    if data["findings"]:
        lines.append(f"  Temuan ({len(data['findings'])}):")
        for f in data["findings"]:
            accepted = f" [diterima: {f['note']}]" if f["accepted"] else ""
            cause = f" [akibat {f['cause']}]" if f.get("cause") and not f["accepted"] else ""
            lines.append(f"    {f['index']}. [{labels.severity(f['severity'])}] {_line(f)}{accepted}{cause}")
    elif data["complete"]:
        lines.append("  Temuan: tidak ada")
    else:
        lines.append("  Temuan: tidak ada pada berkas yang diterima")
    return lines


# -- commands -------------------------------------------------------------------------------------

def cmd_checklist(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.services() as services:
        data = checklist_json(services, args.id)
    ctx.emit(data, checklist_lines(data))
    return EXIT_OK


def cmd_completion_mail(ctx: Context, args: argparse.Namespace) -> int:
    import email
    from email import policy

    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist, completion
    from blanko_desktop.core.workflow import State

    out = Path(args.out).expanduser()
    if out.exists():
        raise RuleError(f"Berkas {out} sudah ada; pilih nama lain.")
    with ctx.services() as services:
        req = services.request_view(args.id)
        if req.state not in (State.RECEIVED, State.VERIFIED, State.WAITING_LSP):
            raise RuleError(f"Permohonan #{req.id} berstatus '{workflow.label(req.state)}': "
                            "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa.")
        cl = checklist.build(services, req.id)
        lines = completion.problem_lines(cl)
        if not lines and cl.lsp is None:
            raise RuleError(f"Dokumen permohonan #{req.id} lengkap, tetapi LSP-nya belum ditentukan: "
                            f"blanko set-lsp {req.id} NAMA.")
        before = req.state
        path, _ = completion.write_completion_request(services, req.id, out, args.from_address.strip(),
                                                      handed_over="cli" if args.sent else None)
        req = services.request_view(req.id)
    mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    data = {"request": req.id, "out": str(path), "to": mail["To"] or "", "subject": mail["Subject"],
            "problems": lines, "previous_state": before, "state": req.state,
            "state_label": workflow.label(req.state), "clock_running": req.clock_running, "sent": args.sent}
    text = [f"Draf e-mail ditulis: {data['out']}",
            f"  Kepada : {data['to']}",
            f"  Perihal: {data['subject']}",
            f"  Yang dimintakan ({len(lines)}):", *[f"    {i}. {line}" for i, line in enumerate(lines, 1)]]
    if args.sent:
        text.append(f"Permohonan #{data['request']}: {data['state_label']} (jam tenggat berhenti sampai dokumen "
                    "baru tiba).")
    else:
        text.append(f"Belum tercatat terkirim: permohonan #{data['request']} tetap {data['state_label']}. Setelah "
                    f"e-mailnya dikirim: blanko completion-sent {data['request']}")
    ctx.emit(data, text)
    return EXIT_OK


def cmd_completion_sent(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import completion

    with ctx.services() as services:
        before = services.request_view(args.id).state
        completion.confirm_sent(services, args.id, how="cli")
        req = services.request_view(args.id)
    data = {"request": req.id, "previous_state": before, "state": req.state,
            "state_label": workflow.label(req.state), "clock_running": req.clock_running}
    ctx.emit(data, f"Permintaan kelengkapan permohonan #{req.id} tercatat terkirim: {workflow.label(before)} -> "
                   f"{data['state_label']} (jam tenggat berhenti sampai dokumen baru tiba).")
    return EXIT_OK


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import workflow
    from blanko_desktop.core.verification import checklist

    with ctx.services() as services:
        before = services.request_view(args.id).state
        try:
            checklist.mark_verified(services, args.id)
        except RuleError as exc:
            raise Refused(str(exc), {"request": args.id, "checklist": checklist_json(services, args.id)}) from None
        req = services.request_view(args.id)
    data = req.as_dict()
    data.update(previous_state=before, state_label=workflow.label(req.state))
    ctx.emit(data, f"Permohonan #{data['id']}: {workflow.label(before)} -> {data['state_label']} "
                   f"({data['competent_qty']} kompeten, {data['not_yet_qty']} belum kompeten)")
    return EXIT_OK


def cmd_set_kind(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core import labels
    from blanko_desktop.core.reception import Reception

    with ctx.services() as services:
        doc = services.document_view(args.document)
        if doc is None:
            raise RuleError(f"Dokumen #{args.document} tidak ditemukan.")
        if doc.kind in ("email", "completion"):
            raise RuleError(f"Dokumen #{doc.id} ({doc.original_name}) adalah {labels.document_kind(doc.kind).lower()}; "
                            "jenisnya tidak dapat diubah.")
        open_request_or_refuse(services, doc.request_id, "jenis dokumennya tidak dapat diubah lagi")
        before = doc.kind
        Reception(services).set_kind(doc.id, args.kind)
        doc = services.document_view(doc.id)
        data = {"document": doc.id, "name": doc.original_name, "request": doc.request_id,
                "previous_kind": before, "kind": doc.kind,
                "checklist": checklist_json(services, doc.request_id)}
    ctx.emit(data, [f"Dokumen #{data['document']} ({data['name']}): {labels.document_kind(before).lower()} -> "
                    f"{labels.document_kind(data['kind']).lower()}", ""] + checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_set_requested(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.textid import terbilang

    with ctx.services() as services:
        req = open_request_or_refuse(services, args.id, "jumlahnya tidak dapat diubah lagi")
        before = req.requested_qty
        services.update_request(req.id, None, requested_qty=args.count)
        data = {"request": req.id, "previous_requested": before, "requested": args.count,
                "checklist": checklist_json(services, req.id)}
    ctx.emit(data, [f"Permohonan #{data['request']}: blanko diminta {args.count} ({terbilang(args.count)})", ""]
             + checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_set_lsp(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.verification import lsp_suggestion

    with ctx.services() as services:
        req = open_request_or_refuse(services, args.id, "LSP-nya tidak dapat diubah lagi")
        lsp = services.find_lsp_view(args.lsp)
        before = req.lsp_name or None
        if args.remember_sender and not req.sender:
            raise RuleError(f"Permohonan #{req.id} tidak mempunyai alamat pengirim untuk dicatat.")
        known = bool(req.sender) and services.lsp_for_sender(req.sender) is not None
        lsp_suggestion.assign(services, req.id, lsp.id, remember_sender=args.remember_sender)
        remembered = req.sender.lower() if args.remember_sender and not known else None
        data = {"request": req.id, "previous_lsp": before, "lsp": lsp.name, "lsp_id": lsp.id,
                "remembered_sender": remembered, "checklist": checklist_json(services, req.id)}
    lines = [f"Permohonan #{data['request']}: LSP ditetapkan {lsp.name}"
             + (f" (sebelumnya {before})" if before and before != lsp.name else "")]
    if remembered:
        lines.append(f"  Alamat {remembered} dicatat untuk {lsp.name}: e-mail berikutnya dikenali otomatis.")
    ctx.emit(data, lines + [""] + checklist_lines(data["checklist"]))
    return EXIT_OK


def cmd_accept_finding(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.verification import checklist

    with ctx.services() as services:
        open_request_or_refuse(services, args.id, "temuannya tidak dapat diubah lagi")
        cl = checklist.build(services, args.id)
        if not cl.findings:
            raise RuleError(f"Permohonan #{args.id} tidak mempunyai temuan.")
        if args.index > len(cl.findings):
            raise RuleError(f"Temuan nomor {args.index} tidak ada; permohonan #{args.id} mempunyai "
                            f"{len(cl.findings)} temuan (lihat: blanko checklist {args.id}).")
        finding = cl.findings[args.index - 1]
        if finding.accepted:
            raise RuleError(f"Temuan nomor {args.index} sudah diterima sebelumnya ({finding.note}).")
        checklist.accept_finding(services, args.id, finding, args.note)
        data = {"request": args.id, "index": args.index, "accepted": {
            "document": finding.document, "sheet": finding.sheet, "row": finding.row, "message": finding.message,
            "note": args.note.strip()}, "checklist": checklist_json(services, args.id)}
    ctx.emit(data, [f"Temuan {args.index} diterima: {finding.message}", ""] + checklist_lines(data["checklist"]))
    return EXIT_OK


def _finding_by_index(services: "Services", request_id: int, index: int):
    from blanko_desktop.core.verification import checklist

    cl = checklist.build(services, request_id)
    if not cl.findings:
        raise RuleError(f"Permohonan #{request_id} tidak mempunyai temuan.")
    if index > len(cl.findings):
        raise RuleError(f"Temuan nomor {index} tidak ada; permohonan #{request_id} mempunyai "
                        f"{len(cl.findings)} temuan (lihat: blanko checklist {request_id}).")
    return cl.findings[index - 1]


def cmd_reopen_finding(ctx: Context, args: argparse.Namespace) -> int:
    from blanko_desktop.core.verification import checklist

    with ctx.services() as services:
        open_request_or_refuse(services, args.id, "temuannya tidak dapat diubah lagi")
        finding = _finding_by_index(services, args.id, args.index)
        if not finding.accepted:
            raise RuleError(f"Temuan nomor {args.index} belum diterima; tidak ada yang dibuka kembali.")
        checklist.reopen_finding(services, args.id, finding, args.note)
        data = {"request": args.id, "index": args.index, "reopened": {
            "document": finding.document, "sheet": finding.sheet, "row": finding.row, "message": finding.message,
            "accepted_note": finding.note, "note": args.note.strip()}, "checklist": checklist_json(services, args.id)}
    ctx.emit(data, [f"Temuan {args.index} dibuka kembali: {finding.message}", ""]
             + checklist_lines(data["checklist"]))
    return EXIT_OK
