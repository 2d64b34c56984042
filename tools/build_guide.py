"""Copy the README's officer's guide and keyboard section into resources/guide/, where the app's Bantuan
menu shows them (an installed app has no README).

    python tools/build_guide.py          # write resources/guide/guide.md and its screenshots
    python tools/build_guide.py --check  # exit 1 when the shipped guide differs from the README

Screenshots are copied scaled down to GUIDE_IMAGE_WIDTH, so the installer does not carry full-size ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GUIDE = ROOT / "resources" / "guide"
SECTIONS = ("Officer's guide", "Keyboard")
GUIDE_IMAGE_WIDTH = 960
IMAGE = re.compile(r"!\[([^\]]*)\]\(docs/screenshots/([^)]+)\)")


def guide_text(readme: str) -> str:
    """The README's sections named in SECTIONS (each up to the next '## ' heading), images made local."""
    parts = []
    for title in SECTIONS:
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
        if match is None:
            raise SystemExit(f"README.md has no '## {title}' section")
        parts.append(f"## {title}\n{match.group(1).rstrip()}\n")
    return IMAGE.sub(r"![\1](\2)", "\n".join(parts))


def images(text: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)/]+\.png)\)", text)


def build() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    text = guide_text(README.read_text(encoding="utf-8"))
    GUIDE.mkdir(parents=True, exist_ok=True)
    (GUIDE / "guide.md").write_text(text, encoding="utf-8")
    wanted = set(images(text))
    for name in wanted:
        image = QImage(str(ROOT / "docs" / "screenshots" / name))
        if image.isNull():
            raise SystemExit(f"docs/screenshots/{name} is missing or not an image")
        if image.width() > GUIDE_IMAGE_WIDTH:
            image = image.scaledToWidth(GUIDE_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(GUIDE / name), "PNG")
    for old in GUIDE.glob("*.png"):
        if old.name not in wanted:
            old.unlink()
    print(f"{GUIDE / 'guide.md'}: {len(text.splitlines())} lines, {len(wanted)} screenshots")


def stale() -> list[str]:
    """What differs between the README and the shipped guide (empty: in step)."""
    problems = []
    shipped = GUIDE / "guide.md"
    text = guide_text(README.read_text(encoding="utf-8"))
    if not shipped.is_file() or shipped.read_text(encoding="utf-8") != text:
        problems.append("resources/guide/guide.md differs from the README's sections")
    problems += [f"resources/guide/{name} is missing" for name in images(text) if not (GUIDE / name).is_file()]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(line)
        return 1 if problems else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
