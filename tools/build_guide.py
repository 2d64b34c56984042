"""Copy the officer's guide, in English and in Indonesian, into resources/guide/, where the app's Bantuan menu
shows it in the window's language (an installed app has no README and no docs/).

    python tools/build_guide.py          # write resources/guide/guide.md, panduan.md and their screenshots
    python tools/build_guide.py --check  # exit 1 when a shipped guide is stale or the two guides drift apart

English: README.md's sections "Officer's guide" and "Keyboard" -> guide.md. Indonesian: docs/panduan-petugas.md's
sections "Panduan petugas" and "Pintasan papan ketik" -> panduan.md. The two are one guide in two languages:
--check also fails unless they have the same '##'/'###' headings in the same order and the same screenshots in
each section, so that whoever edits one is told to edit the other.

Screenshots (shown or linked) are shared by both and copied scaled down to GUIDE_IMAGE_WIDTH, so the installer
does not carry full-size ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PANDUAN = ROOT / "docs" / "panduan-petugas.md"
SCREENSHOTS = ROOT / "docs" / "screenshots"
GUIDE = ROOT / "resources" / "guide"
SECTIONS = ("Officer's guide", "Keyboard")
GUIDE_IMAGE_WIDTH = 960


class Source(NamedTuple):
    path: Path  # the guide as written (README.md, docs/panduan-petugas.md)
    sections: tuple[str, ...]  # its '## ' sections the app shows, in this order
    target: str  # the shipped copy, in resources/guide/


SOURCES = (
    Source(README, SECTIONS, "guide.md"),
    Source(PANDUAN, ("Panduan petugas", "Pintasan papan ketik"), "panduan.md"),
)

# A screenshot shown (![..](..)) or linked ([..](..)): README.md names it docs/screenshots/x.png, the
# Indonesian guide (in docs/) screenshots/x.png; the shipped copies keep them beside themselves.
SCREENSHOT = re.compile(r"\]\((?:docs/)?screenshots/([^)/]+\.png)\)")
LOCAL_SCREENSHOT = re.compile(r"\]\(([^):/]+\.png)\)")
# The line of each guide that points to the other: in the app each language shows its own, and there the
# link would lead nowhere.
OTHER_GUIDE = re.compile(r"\]\((?:\.\./README\.md|docs/panduan-petugas\.md)[)#]")
HEADING = re.compile(r"^(#{2,3}) (.+)$")


def guide_text(text: str, sections: tuple[str, ...] = SECTIONS) -> str:
    """The guide's sections named in `sections` (each up to the next '## ' heading), as shipped: screenshots
    made local, the link to the other language left out, a picture set apart from the text after it."""
    parts = []
    for title in sections:
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
        if match is None:
            raise SystemExit(f"no '## {title}' section in the guide")
        parts.append(f"## {title}\n{match.group(1).rstrip()}\n")
    lines: list[str] = []
    for line in "\n".join(parts).split("\n"):
        if OTHER_GUIDE.search(line):
            continue
        if not line.strip() and lines and not lines[-1].strip():
            continue  # the blank line that stood after the left-out one
        lines.append(line)
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        # Markdown puts "![picture](..)" and the line under it in one paragraph: in the app the caption
        # line then starts at the picture's bottom right. A blank line makes the picture a paragraph.
        if line.startswith("![") and line.rstrip().endswith(")") and i + 1 < len(lines) and lines[i + 1].strip():
            out.append("")
    return SCREENSHOT.sub(r"](\1)", "\n".join(out))


def screenshots(text: str) -> list[str]:
    """The screenshots a shipped guide shows or links to, in order."""
    return LOCAL_SCREENSHOT.findall(text)


def outline(text: str) -> list[tuple[str, list[str]]]:
    """Each '##' / '###' heading (outside code blocks) with the screenshots of its section, in order."""
    sections: list[tuple[str, list[str]]] = []
    fenced = False
    for line in text.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
            continue
        heading = None if fenced else HEADING.match(line)
        if heading:
            sections.append((line, []))
        elif sections:
            sections[-1][1].extend(screenshots(line))
    return sections


def drift(english: str, indonesian: str, names: tuple[str, str] = ("README.md", "docs/panduan-petugas.md")) -> list[str]:
    """Where the two guides (as shipped) differ in structure: headings (count, level, order) and the
    screenshots of each section. Empty: they go together."""
    ours, theirs = outline(english), outline(indonesian)
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{names[0]} has {len(ours)} '##'/'###' headings in its guide, {names[1]} "
                        f"{len(theirs)}: every section of one guide must be in the other, in the same order")
    for number, ((head_en, shots_en), (head_id, shots_id)) in enumerate(zip(ours, theirs), start=1):
        level_en, level_id = head_en.split(" ")[0], head_id.split(" ")[0]
        if level_en != level_id:
            problems.append(f"heading {number}: '{head_en}' in {names[0]} but '{head_id}' in {names[1]} "
                            f"(not the same level: a section is missing or out of order)")
            break  # everything after it is shifted: one message says where
        if shots_en != shots_id:
            problems.append(f"heading {number}: '{head_en}' ({names[0]}) shows {', '.join(shots_en) or 'no screenshot'}"
                            f"; '{head_id}' ({names[1]}) shows {', '.join(shots_id) or 'no screenshot'}")
    if problems:
        problems.append("the English and the Indonesian guide drift apart: whoever edits one edits the other")
    return problems


def shipped_texts(sources: tuple[Source, ...] = SOURCES) -> dict[str, str]:
    return {source.target: guide_text(source.path.read_text(encoding="utf-8"), source.sections)
            for source in sources}


def build(sources: tuple[Source, ...] = SOURCES, guide: Path = GUIDE) -> list[str]:
    """Write the shipped guides and their screenshots; returns the drift between the two (to fix by hand)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    texts = shipped_texts(sources)
    guide.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for target, text in texts.items():
        (guide / target).write_text(text, encoding="utf-8")
        wanted.update(screenshots(text))
    for name in sorted(wanted):
        image = QImage(str(SCREENSHOTS / name))
        if image.isNull():
            raise SystemExit(f"docs/screenshots/{name} is missing or not an image")
        if image.width() > GUIDE_IMAGE_WIDTH:
            image = image.scaledToWidth(GUIDE_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(guide / name), "PNG")
    for old in guide.glob("*.png"):
        if old.name not in wanted:
            old.unlink()
    for target, text in texts.items():
        print(f"{guide / target}: {len(text.splitlines())} lines")
    print(f"{len(wanted)} screenshots")
    return drift(*texts.values())


def stale(sources: tuple[Source, ...] = SOURCES, guide: Path = GUIDE) -> list[str]:
    """What differs between the guides as written and as shipped, and between the two languages (empty: in step)."""
    problems = []
    texts = shipped_texts(sources)
    for source in sources:
        shipped = guide / source.target
        if not shipped.is_file() or shipped.read_text(encoding="utf-8") != texts[source.target]:
            problems.append(f"resources/guide/{source.target} differs from {_name(source.path)}'s sections: "
                            f"run python tools/build_guide.py")
    wanted = {name for text in texts.values() for name in screenshots(text)}
    problems += [f"resources/guide/{name} is missing" for name in sorted(wanted) if not (guide / name).is_file()]
    problems += [f"resources/guide/{old.name} is in neither guide" for old in sorted(guide.glob("*.png"))
                 if old.name not in wanted]
    if len(sources) == 2:
        problems += drift(*texts.values(), names=tuple(_name(s.path) for s in sources))
    return problems


def _name(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    problems = stale() if args.check else build()
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
