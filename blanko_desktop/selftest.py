"""`blanko-desktop --self-test`: check that the installed program works on this machine.

Prints one line per check (OK / SKIP / FAIL, name, detail) and returns 0 only when no check failed:
  imports     every runtime dependency, and every Qt module the app's source mentions
  app         every module of the blanko_desktop package imports
  resources   icons, fonts, forms and translations are where blanko_desktop.paths looks
  data folder where the officer's data goes, and that it is outside the program folder
  database    a database created in a temporary folder, filled a little, checked, reopened, checked
  server      when this workstation's database is a PostgreSQL server: the connection, the schema version,
              and that the connected role cannot change or delete the audit log (SKIP for a file)
  shared mode a UNC path counts as the shared (network) database, the local temp folder does not
  excel       a workbook written with openpyxl and read back with python-calamine
  form        a form page rendered to PDF with reportlab and the app's font, read back with pypdf
  images      the SVG and ICO image plugins load the app's icon
  print       a page printed with QPrinter to a PDF file (with the rendered form rasterised by QtPdf,
              except under Wine, where QPdfDocument crashes), read back with pypdf

Runs in the installed program (`blanko-desktop --self-test`, or `python -m blanko_desktop --self-test`);
Qt options such as `-platform offscreen` may follow. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import re
import shutil
import string
import sys
import tempfile
import textwrap
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import blanko_desktop

# Third-party modules the app needs at run time (pyproject.toml's dependencies, by import name).
RUNTIME_IMPORTS = [
    "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtSvg", "PySide6.QtNetwork",
    "openpyxl", "pypdf", "reportlab", "reportlab.pdfbase.ttfonts", "peewee", "holidays", "num2words",
    "python_calamine", "extract_msg", "defusedxml", "platformdirs", "tzdata", "sqlite3", "zoneinfo",
    # the server option: psycopg with its binary wheel (libpq inside; a Windows PC has no libpq of its own)
    "psycopg", "psycopg_binary", "keyring",
]
# Modules of the package that must not be imported here: they run the app.
SKIP_APP_MODULES = {"blanko_desktop.__main__", "blanko_desktop.selftest"}
FORM_MARKER = "SELFTEST-BLANKO-7431"


class _Placeholders(dict):
    """Fills every $field of a form template with a visible placeholder."""

    def __missing__(self, key: str) -> str:
        return f"[{key}]"


class Skip(Exception):
    """A check that does not apply here (the reason is printed)."""


def running_under_wine() -> bool:
    """True when this Windows process runs under Wine (ntdll exports wine_get_version)."""
    if sys.platform != "win32":
        return False
    try:
        import ctypes

        ntdll = ctypes.WinDLL("ntdll")
        if hasattr(ntdll, "wine_get_version"):
            return True
    except (OSError, AttributeError):
        pass
    try:
        import winreg

        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Wine"))
        return True
    except OSError:
        return False


def _declared_dependency_modules() -> tuple[list[str], list[str]]:
    """Top-level modules of the distributions blanko-desktop's metadata requires, and those not installed.

    Empty when the app runs from a source tree without installed metadata (the static list covers that).
    """
    from importlib import metadata

    try:
        requires = metadata.requires("blanko-desktop") or []
    except metadata.PackageNotFoundError:
        return [], []
    try:
        from packaging.requirements import Requirement
    except ImportError:
        Requirement = None
    providers: dict[str, list[str]] = {}
    private: dict[str, list[str]] = {}  # a distribution of private modules only (rl_accel: _rl_accel)
    for module, dists in metadata.packages_distributions().items():
        if not module.isidentifier():
            continue
        for dist in dists:
            key = re.sub(r"[-_.]+", "-", dist).lower()
            (private if module.startswith("_") else providers).setdefault(key, []).append(module)
    for key, modules in private.items():
        providers.setdefault(key, modules)
    modules, missing = [], []
    for text in requires:
        if "extra ==" in text:
            continue
        if Requirement is not None:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate():
                continue
            name = req.name
        elif ";" in text:
            continue  # a marker we cannot evaluate without packaging: RUNTIME_IMPORTS covers the usual ones
        else:
            name = re.split(r"[ <>=!~\[(]", text, maxsplit=1)[0]
        found = [m for m in providers.get(re.sub(r"[-_.]+", "-", name).lower(), []) if _has_module(m)]
        if not found:
            missing.append(name)
        else:
            modules += sorted(set(found))
    return modules, missing


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _program_dir() -> Path:
    """The program folder: <install dir> for the Windows installer's pkgs/ layout, else the package's parent."""
    parent = Path(blanko_desktop.__file__).resolve().parent.parent
    return parent.parent if parent.name.lower() == "pkgs" else parent


class SelfTest:
    def __init__(self, argv: list[str], out):
        self.argv = argv
        self.out = out
        self.tmp = Path(tempfile.mkdtemp(prefix="blanko-selftest-"))
        self.form_pdf: Path | None = None
        self.wine = running_under_wine()
        self.failures = 0
        self.app = None

    # -- plumbing ------------------------------------------------------------------------------------

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def check(self, name: str, fn: Callable[[], str]) -> None:
        t0 = time.monotonic()
        try:
            detail = fn()
            status = "OK  "
        except Skip as exc:
            status, detail = "SKIP", str(exc)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
            self.failures += 1
            status = "FAIL"
            where = traceback.extract_tb(exc.__traceback__)[-1:]
            loc = f" [{Path(where[0].filename).name}:{where[0].lineno}]" if where else ""
            detail = f"{type(exc).__name__}: {exc}{loc}"
        self.say(f"{status} {name}: {detail} ({time.monotonic() - t0:.1f}s)")

    def qt_app(self):
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is None:
            args = list(self.argv) if self.argv and not self.argv[0].startswith("-") else ["blanko-desktop",
                                                                                          *self.argv]
            app = QApplication(args)
        self.app = app
        return app

    # -- checks --------------------------------------------------------------------------------------

    def environment(self) -> str:
        return (f"Blanko Desktop {blanko_desktop.__version__}, Python {platform.python_version()} "
                f"({platform.architecture()[0]}), {platform.platform()}"
                + (", under Wine" if self.wine else "") + f", program in {_program_dir()}")

    def imports(self) -> str:
        names = list(RUNTIME_IMPORTS)
        # The installed program's own metadata lists pyproject.toml's dependencies: import each one's modules.
        declared, not_installed = _declared_dependency_modules()
        names += [n for n in declared if n not in names]
        # Every Qt module the app's source mentions, so a module the installer trimmed is caught here.
        pkg_dir = Path(blanko_desktop.__file__).resolve().parent
        for path in pkg_dir.rglob("*.py"):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for mod in re.findall(r"\bPySide6\.(Qt\w+)", text):
                if f"PySide6.{mod}" not in names:
                    names.append(f"PySide6.{mod}")
        failed = [f"{dist} (not installed)" for dist in not_installed]
        for name in names:
            try:
                importlib.import_module(name)
            except Exception as exc:  # noqa: BLE001
                failed.append(f"{name} ({type(exc).__name__}: {exc})")
        if failed:
            raise ImportError("; ".join(failed))
        from zoneinfo import ZoneInfo

        import holidays
        from num2words import num2words

        ZoneInfo("Asia/Jakarta")  # needs the tzdata package on Windows
        id_holidays = holidays.country_holidays("ID", years=2026)
        words = num2words(1250000, lang="id")
        import PySide6

        import psycopg

        # "binary" is the wheel's compiled driver with its own libpq; "python" would need a system libpq
        import keyring

        driver = f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})"
        # where "Ingat kata sandi" keeps a server's password (Windows: the Credential Manager)
        driver += f", credential store {type(keyring.get_keyring()).__name__}"
        return (f"{len(names)} modules (PySide6 {PySide6.__version__}, {driver}); {len(id_holidays)} Indonesian "
                f"holidays in 2026; 1250000 = '{words}'")

    def app_modules(self) -> str:
        count, failed = 0, []
        for info in pkgutil.walk_packages(blanko_desktop.__path__, "blanko_desktop."):
            if info.name in SKIP_APP_MODULES:
                continue
            try:
                importlib.import_module(info.name)
                count += 1
            except Exception as exc:  # noqa: BLE001
                failed.append(f"{info.name} ({type(exc).__name__}: {exc})")
        if failed:
            raise ImportError("; ".join(failed))
        return f"{count} modules"

    def resources(self) -> str:
        from blanko_desktop import paths

        res, forms = paths.resources_dir(), paths.forms_dir()
        missing = [str(p) for p in (res, res / "icons", forms) if not p.is_dir()]
        if missing:
            raise FileNotFoundError("missing " + ", ".join(missing))
        icons = sorted(p.name for p in (res / "icons").iterdir() if p.is_file())
        if "blanko.ico" not in icons and "blanko.svg" not in icons:
            raise FileNotFoundError(f"no app icon in {res / 'icons'}")
        fonts = sorted(p.name for p in (res / "fonts").glob("*.[tToO][tT][fF]")) if (res / "fonts").is_dir() else []
        qms = list((res / "translations").glob("*.qm")) if (res / "translations").is_dir() else []
        n_forms = sum(1 for p in forms.rglob("*") if p.is_file())
        return (f"{res}: {len(icons)} icons, {len(fonts)} fonts, {len(qms)} translations; "
                f"{forms}: {n_forms} files")

    def data_folder(self) -> str:
        from blanko_desktop import paths

        data = paths.data_dir().resolve()
        program = _program_dir()
        if os.environ.get("BLANKO_DATA_DIR"):
            where = "BLANKO_DATA_DIR"
        else:
            where = "user data folder"
        if (program / "Python").is_dir() and (data == program or program in data.parents):
            raise RuntimeError(f"data folder {data} is inside the program folder {program}")
        return f"{data} ({where}; {'exists' if data.exists() else 'not created yet'})"

    def database(self) -> str:
        from blanko_desktop.core.storage import Storage

        path = self.tmp / "db" / "selftest.sqlite"
        storage = Storage.open(path, create=True)
        filled = ""
        try:
            version = storage.schema_version()
            try:
                from blanko_desktop.core import demo
                from blanko_desktop.core.audit import Actor
                from blanko_desktop.core.services import Services
            except ImportError:
                filled = "; no demo data (core.demo missing)"
            else:
                demo.fill(Services(storage, Actor("selftest", "Self-test")), requests=4)
                filled = "; demo data added (4 requests)"
            report = storage.check()
            if not report.ok:
                raise RuntimeError("check found: " + "; ".join(report.problems[:5]))
        finally:
            storage.close()
        storage = Storage.open(path, create=False)
        try:
            report = storage.check()
            if not report.ok:
                raise RuntimeError("check after reopening found: " + "; ".join(report.problems[:5]))
            mode = "shared" if storage.shared else "local"
        finally:
            storage.close()
        return f"schema {version}, {mode} mode, check OK {report.checked}{filled}"

    def server(self) -> str:
        """The configured PostgreSQL server, as the window would open it (nothing is written)."""
        from blanko_desktop.core import config
        from blanko_desktop.core.server_probe import BEHIND, READY, probe
        from blanko_desktop.core.storage import is_server_address

        target = config.load().database_target
        if not is_server_address(target):
            raise Skip(f"this workstation's database is a file ({target})")
        answer = probe(str(target))
        if answer.state not in (READY, BEHIND):
            raise RuntimeError(f"{answer.address}: {answer.state}: {answer.message}")
        role = f"role {answer.role}"
        if not answer.audit_log_protected:
            can = sorted(k for k, v in answer.privileges.items() if v and k.split(".")[-1] in
                         ("update", "delete", "truncate"))
            raise RuntimeError(
                f"{answer.address}: {role}{' (the owner)' if answer.privileges.get('owner') else ''} may change "
                f"the append-only tables ({', '.join(can)}); officers' workstations must connect with the "
                "officers' role, which may only add to them (see the README, 'PostgreSQL server')")
        schema = f"schema {answer.schema}" + (" (upgraded when opened)" if answer.state == BEHIND else "")
        return (f"{answer.address}: PostgreSQL {answer.server_version}, {schema}, {role}, the audit "
                f"log and the stock ledger add-only for it" + ("; read-only standby" if answer.read_only else ""))

    def shared_mode(self) -> str:
        from blanko_desktop.core.storage import is_network_path

        unc = Path(r"\\kantor-nas\blanko\blanko.sqlite" if sys.platform == "win32" else "//kantor-nas/blanko/blanko.sqlite")
        if not is_network_path(unc):
            raise RuntimeError(f"{unc} not detected as a network path (shared mode)")
        if is_network_path(self.tmp / "local.sqlite"):
            raise RuntimeError(f"the local temp folder {self.tmp} is taken for a network path")
        return f"{unc} -> shared; {self.tmp.anchor or '/'} -> local"

    def excel(self) -> str:
        import openpyxl
        from python_calamine import CalamineWorkbook

        path = self.tmp / "lsp.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Nama LSP", "Kota"])
        ws.append(["LSP Uji Coba", "Jakarta"])
        wb.save(path)
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        if rows[1][:2] != ["LSP Uji Coba", "Jakarta"]:
            raise RuntimeError(f"read back {rows!r}")
        return f"{len(rows)} rows written and read back"

    def form(self) -> str:
        from num2words import num2words
        from pypdf import PdfReader
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        from blanko_desktop import paths

        fonts_dir = paths.resources_dir() / "fonts"
        ttfs = sorted(fonts_dir.glob("*.[tT][tT][fF]")) if fonts_dir.is_dir() else []
        regular = [f for f in ttfs if re.search(r"regular|book|roman", f.stem, re.IGNORECASE)] or ttfs
        if regular:
            pdfmetrics.registerFont(TTFont("BlankoSelfTest", str(regular[0])))
            font, font_note = "BlankoSelfTest", f"font {regular[0].name}"
        else:
            font, font_note = "Helvetica", "no TTF in resources/fonts: Helvetica used"
        # The first text form shipped in forms/, its $fields filled with placeholders, as the page body.
        body, form_note = [], "no form in forms/"
        shipped = sorted(paths.forms_dir().glob("*.txt")) if paths.forms_dir().is_dir() else []
        if shipped:
            text = shipped[0].read_text(encoding="utf-8")
            kept = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
            filled = string.Template(kept).substitute(_Placeholders())
            for para in filled.splitlines():
                body += textwrap.wrap(para, 90) or [""]
            form_note = f"form {shipped[0].name} ({len(body)} lines)"
        path = self.tmp / "form.pdf"
        c = canvas.Canvas(str(path), pagesize=A4)
        c.setTitle("Blanko Desktop self-test")
        c.setFont(font, 16)
        c.drawString(72, 770, "Formulir Permohonan Blanko Sertifikat Kompetensi")
        c.setFont(font, 11)
        c.drawString(72, 740, f"Nomor: 001/LSP-UJI/XI/2026 — {FORM_MARKER}")
        c.drawString(72, 720, f"Jumlah: 125 ({num2words(125, lang='id')}) blanko")
        c.rect(72, 560, 451, 140)
        c.drawString(84, 680, "Tempat, tanggal: Jakarta, 24 Desember 2026")
        y = 540
        c.setFont(font, 10)
        for line in body[:40]:
            c.drawString(72, y, line)
            y -= 13
        c.showPage()
        c.save()
        reader = PdfReader(str(path))
        text = reader.pages[0].extract_text() or ""
        if len(reader.pages) != 1 or FORM_MARKER not in text:
            raise RuntimeError(f"rendered PDF reads back wrong ({len(reader.pages)} pages)")
        self.form_pdf = path
        return f"{path.stat().st_size} bytes, {form_note}, {font_note}"

    def images(self) -> str:
        from PySide6.QtGui import QImage, QImageReader

        from blanko_desktop import paths

        self.qt_app()
        formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"svg", "ico", "png", "jpg"} - formats
        if missing:
            raise RuntimeError(f"Qt image formats missing: {sorted(missing)}")
        icons = paths.resources_dir() / "icons"
        loaded = []
        for name in ("blanko.svg", "blanko.ico"):
            if (icons / name).is_file():
                img = QImage(str(icons / name))
                if img.isNull():
                    raise RuntimeError(f"{name} does not load")
                loaded.append(f"{name} {img.width()}x{img.height()}")
        return ", ".join(loaded) or "no icon files to load"

    def print_pdf(self) -> str:
        from pypdf import PdfReader
        from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
        from PySide6.QtGui import (
            QColor,
            QFont,
            QImage,
            QPageLayout,
            QPageSize,
            QPainter,
        )
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        app = self.qt_app()
        page_image, how = None, ""
        skip_raster = self.wine or os.environ.get("BLANKO_SELFTEST_NO_PDF_RENDER") == "1"
        if self.form_pdf is not None and not skip_raster:
            from PySide6.QtPdf import QPdfDocument

            doc = QPdfDocument(None)
            doc.load(str(self.form_pdf))
            if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() != 1:
                raise RuntimeError(f"QPdfDocument could not load the form ({doc.status()})")
            page_image = doc.render(0, QSize(595, 842))
            doc.close()
            if page_image.isNull():
                raise RuntimeError("QPdfDocument rendered an empty image")
            how = "form rasterised with QtPdf"
        else:
            # Under Wine QPdfDocument crashes: paint a widget instead (headless grab works there).
            from PySide6.QtWidgets import QApplication, QLabel

            if isinstance(app, QApplication):
                label = QLabel("Blanko Desktop — self-test")
                label.resize(400, 60)
                page_image = label.grab().toImage()
                how = "widget grab painted (QtPdf rasterising skipped: " + (
                    "Wine)" if self.wine else "BLANKO_SELFTEST_NO_PDF_RENDER)")
            else:
                page_image = QImage(400, 60, QImage.Format.Format_RGB32)
                page_image.fill(QColor("white"))
                how = "plain image painted"

        out = self.tmp / "print.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("QPainter could not begin on the PDF printer")
        try:
            rect = painter.viewport()
            painter.setFont(QFont("Arial", 12))
            painter.drawText(QRectF(0, 0, rect.width(), rect.height() * 0.05), Qt.AlignmentFlag.AlignLeft,
                             f"Blanko Desktop print self-test {FORM_MARKER}")
            target = QRectF(0, rect.height() * 0.08, rect.width(), rect.height() * 0.85)
            scaled = page_image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), scaled.toSizeF()), page_image)
        finally:
            painter.end()
        reader = PdfReader(str(out))
        if len(reader.pages) != 1:
            raise RuntimeError(f"printed PDF has {len(reader.pages)} pages")
        printers = len(QPrinterInfo.availablePrinters())
        return f"{out.stat().st_size} bytes, 1 page; {how}; {printers} system printers"

    # -- run ------------------------------------------------------------------------------------------

    def run(self) -> int:
        self.say(f"Blanko Desktop self-test ({time.strftime('%Y-%m-%d %H:%M:%S')})")
        steps = [
            ("environment", self.environment),
            ("imports", self.imports),
            ("app", self.app_modules),
            ("resources", self.resources),
            ("data folder", self.data_folder),
            ("database", self.database),
            ("server", self.server),
            ("shared mode", self.shared_mode),
            ("excel", self.excel),
            ("form", self.form),
            ("images", self.images),
            ("print", self.print_pdf),
        ]
        for name, fn in steps:
            self.check(name, fn)
        if self.failures:
            self.say(f"Self-test FAILED: {self.failures} of {len(steps)} checks failed")
        else:
            self.say(f"Self-test OK: all {len(steps)} checks passed")
        shutil.rmtree(self.tmp, ignore_errors=True)
        return 1 if self.failures else 0


def _output():
    """stdout, or a report file in the temp folder when there is none (pythonw)."""
    out = sys.stdout
    if out is None:
        out = open(Path(tempfile.gettempdir()) / "blanko-selftest.txt", "w", encoding="utf-8")  # noqa: SIM115
    else:
        try:
            out.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    return out


def run(argv: list[str] | None = None) -> int:
    """Run every check; 0 when all passed (or were skipped), 1 when any failed."""
    argv = list(sys.argv if argv is None else argv)
    return SelfTest(argv, _output()).run()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
