"""Write resources/translations/qtbase_id.ts (Qt's own strings the officer meets, in Indonesian) and compile it.

    python tools/make_qt_catalogue.py

Qt ships no Indonesian catalogue of itself (PySide6 6.12: none), so the dialogs Qt draws — the file dialog
where the platform has no native one, message boxes, the edit menus of spin boxes — would say "Look in",
"File name" and "Open" beside our "Batal". The source strings are Qt's, exactly as in its catalogues.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "qtbase_id.ts"
QM = TS.with_suffix(".qm")

CATALOGUE: dict[str, dict[str, str]] = {
    "QFileDialog": {
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nFolder tidak ditemukan.\nPeriksa apakah nama folder sudah benar.",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nBerkas tidak ditemukan.\nPeriksa apakah nama berkas sudah benar.",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
        "&Choose": "&Pilih",
        "&Delete": "&Hapus",
        "&Look in:": "&Lihat di:",
        "&New Folder": "Folder &baru",
        "&Open": "&Buka",
        "&Rename": "&Ganti nama",
        "&Save": "&Simpan",
        "'%1' is write protected.\nDo you want to delete it anyway?":
            "'%1' dilindungi dari penulisan.\nTetap hapus?",
        "All Files (*)": "Semua berkas (*)",
        "All files (*)": "Semua berkas (*)",
        "Are you sure you want to delete '%1'?": "Yakin menghapus '%1'?",
        "Back": "Kembali",
        "Change to detail view mode": "Tampilan rincian",
        "Change to list view mode": "Tampilan daftar",
        "Could not delete directory.": "Folder tidak dapat dihapus.",
        "Create New Folder": "Buat folder baru",
        "Create a New Folder": "Buat folder baru",
        "Delete": "Hapus",
        "Detail View": "Rincian",
        "Directories": "Folder",
        "Directory:": "Folder:",
        "File &name:": "&Nama berkas:",
        "Files": "Berkas",
        "Files of &type:": "&Jenis berkas:",
        "Find Directory": "Cari folder",
        "Forward": "Maju",
        "Go back": "Kembali",
        "Go forward": "Maju",
        "Go to the parent directory": "Ke folder induk",
        "List View": "Daftar",
        "List of places and bookmarks": "Daftar tempat dan markah",
        "New Folder": "Folder baru",
        "Open": "Buka",
        "Parent Directory": "Folder induk",
        "Recent Places": "Tempat terakhir",
        "Remove": "Hapus",
        "Save As": "Simpan sebagai",
        "Show ": "Tampilkan ",
        "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "Sidebar": "Panel samping",
    },
    "QFileSystemModel": {
        "Computer": "Komputer",
        "Date Modified": "Tanggal diubah",
        "Kind": "Jenis",
        "My Computer": "Komputer saya",
        "Name": "Nama",
        "Size": "Ukuran",
        "Type": "Jenis",
    },
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian...",
        "Hide Details...": "Sembunyikan rincian...",
        "About Qt": "Tentang Qt",
    },
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Simpan",
        "Save All": "Simpan semua",
        "Open": "Buka",
        "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &semua",
        "&No": "&Tidak",
        "N&o to All": "T&idak untuk semua",
        "Abort": "Hentikan",
        "Retry": "Coba lagi",
        "Ignore": "Abaikan",
        "Close": "Tutup",
        "Cancel": "Batal",
        "Discard": "Buang",
        "Help": "Bantuan",
        "Apply": "Terapkan",
        "Reset": "Atur ulang",
        "Restore Defaults": "Kembalikan bawaan",
    },
    "QDialogButtonBox": {"OK": "OK"},
    "QAbstractSpinBox": {
        "&Select All": "Pilih &semua",
        "&Step up": "&Naik",
        "Step &down": "T&urun",
    },
    "QInputDialog": {"Enter a value:": "Masukkan nilai:"},
}


def write_ts(path: Path = TS) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="id_ID" sourcelanguage="en">']
    for context, messages in CATALOGUE.items():
        lines.append(f"<context>\n    <name>{context}</name>")
        for source, translation in messages.items():
            lines.append(f"    <message>\n        <source>{escape(source)}</source>\n"
                         f"        <translation>{escape(translation)}</translation>\n    </message>")
        lines.append("</context>")
    lines.append("</TS>\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    sys.path.insert(0, str(ROOT / "tools"))
    from update_translations import _tool

    write_ts()
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True)
    print(QM)
    return 0


if __name__ == "__main__":
    sys.exit(main())
