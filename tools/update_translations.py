"""Extract the UI strings into resources/translations/blanko_id.ts (and their plural forms into blanko_en.ts)
and compile the .qm files.

    python tools/update_translations.py          # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check  # list unfinished or empty translations; exit 1 if any

After an update, translate the new entries (type="unfinished") in blanko_id.ts, and write the singular and
plural of each new entry in blanko_en.ts ("%n request" / "%n requests": English is the source text, but
without its plural forms Qt shows "1 request(s)"), with Qt Linguist or a text editor, then run the script
again to compile.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "blanko_id.ts"
QM = TRANSLATIONS / "blanko_id.qm"
TS_EN = TRANSLATIONS / "blanko_en.ts"  # plural forms only
QM_EN = TRANSLATIONS / "blanko_en.qm"


def sources() -> list[Path]:
    """Every module that shows text: app.py and the ui package."""
    package = ROOT / "blanko_desktop"
    return [package / "app.py"] + sorted((package / "ui").rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


def unfinished(ts: Path = TS) -> list[str]:
    """Entries without a finished, non-empty translation, as 'context: source'."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                problems.append(f"{name}: {source}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if not all(t and t.strip() for t in texts):
                problems.append(f"{name}: {source}")
    return problems


def update() -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run([_tool("lupdate"), *files, "-ts", str(TS.relative_to(ROOT)), "-no-obsolete",
                    "-locations", "none", "-target-language", "id_ID"], cwd=ROOT, check=True)
    subprocess.run([_tool("lupdate"), *files, "-ts", str(TS_EN.relative_to(ROOT)), "-no-obsolete", "-pluralonly",
                    "-locations", "none", "-target-language", "en_GB"], cwd=ROOT, check=True)
    fill_english_plurals(TS_EN)
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    subprocess.run([_tool("lrelease"), str(TS_EN), "-qm", str(QM_EN)], cwd=ROOT, check=True)


def english_forms(source: str) -> list[str]:
    """"%n request(s)" -> ["%n request", "%n requests"]: every plural of the UI is a regular one so far."""
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def fill_english_plurals(ts: Path = TS_EN) -> int:
    """Write the singular and plural of each new entry of the English catalogue; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for text in english_forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished translations")
    args = parser.parse_args(argv)
    if not args.check:
        update()
    missing = unfinished() + [f"(en) {line}" for line in unfinished(TS_EN)]
    for line in missing:
        print(f"unfinished: {line}")
    print(f"{len(missing)} unfinished translation(s)" if missing else "all strings translated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
