"""tools/build_guide.py: the English and the Indonesian guide ship together and keep the same structure."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_guide", ROOT / "tools" / "build_guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def texts(tool) -> dict[str, str]:
    return tool.shipped_texts()


def test_both_shipped_guides_are_in_step_with_their_sources_and_each_other(tool, capsys):
    assert tool.stale() == []
    assert tool.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_the_shipped_copies(tool, texts):
    english, indonesian = texts["guide.md"], texts["panduan.md"]
    assert english.startswith("## Officer's guide\n\n### First start\n")
    assert indonesian.startswith("## Panduan petugas\n\n### Mulai pertama kali\n")
    assert "## Keyboard" in english and "## Pintasan papan ketik" in indonesian
    # the README's pointer to the Indonesian version stays in the README: in the app each language has its own
    assert "docs/panduan-petugas.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "panduan-petugas.md" not in english and "README.md" not in indonesian
    # screenshots beside the guide, shared by both; a picture is a paragraph of its own
    assert "docs/screenshots/" not in english and "screenshots/" not in indonesian
    assert "![Hari ini at 1366×768](hari-ini-1366.png)\n\n(also at [1024×768](hari-ini-1024.png)" in english
    assert set(tool.screenshots(english)) == set(tool.screenshots(indonesian))
    assert "server-dialog-kosong.png" in tool.screenshots(indonesian)  # linked, not shown: shipped too


def test_the_outline_pairs_headings_with_their_screenshots(tool, texts):
    english, indonesian = tool.outline(texts["guide.md"]), tool.outline(texts["panduan.md"])
    assert [head for head, _ in indonesian][:3] == [
        "## Panduan petugas", "### Mulai pertama kali", "### Bekerja di server kantor (PostgreSQL)"]
    assert dict(english)["### Hari ini (the day)"] == ["hari-ini-1366.png", "hari-ini-1024.png", "hari-ini-1920.png"]
    assert len(english) == len(indonesian) == 13
    # a '# ' line inside a code block is no heading
    assert tool.outline("## A\n```\n## not a heading\n```\n### B\n") == [("## A", []), ("### B", [])]


def test_a_section_missing_from_one_guide_is_drift(tool, texts):
    indonesian = texts["panduan.md"].replace("### Hari ini\n", "")  # its text now belongs to the section above
    problems = tool.drift(texts["guide.md"], indonesian)
    assert problems[0] == ("README.md has 13 '##'/'###' headings in its guide, docs/panduan-petugas.md 12: every "
                           "section of one guide must be in the other, in the same order")
    assert any("heading 4: '### Moving the database to a server (and back)'" in line for line in problems)
    assert problems[-1].endswith("whoever edits one edits the other")


def test_a_screenshot_missing_from_a_section_is_drift(tool, texts):
    indonesian = texts["panduan.md"].replace("![Stock opname](stok-opname.png)", "")
    assert tool.drift(texts["guide.md"], indonesian)[0] == (
        "heading 10: '### Stok Blanko (the blank stock)' (README.md) shows stok-blanko-1366.png, stok-blanko-1024.png, "
        "stok-blanko-1920.png, stok-keluarkan-blanko.png, stok-opname.png; '### Stok Blanko' "
        "(docs/panduan-petugas.md) shows stok-blanko-1366.png, stok-blanko-1024.png, stok-blanko-1920.png, "
        "stok-keluarkan-blanko.png")


def test_a_heading_at_another_level_is_drift(tool, texts):
    indonesian = texts["panduan.md"].replace("### Pengiriman (", "## Pengiriman (")
    problems = tool.drift(texts["guide.md"], indonesian)
    assert problems[0].startswith("heading 11: '### Pengiriman (packing, courier, receipts)' in README.md but "
                                  "'## Pengiriman (pengemasan, kurir, tanda terima)' in docs/panduan-petugas.md")
    assert len(problems) == 2  # what follows is shifted: one message says where, one what to do


def test_check_fails_when_a_shipped_copy_is_stale_or_the_guides_drift(tool, tmp_path):
    readme, panduan, guide = tmp_path / "README.md", tmp_path / "panduan-petugas.md", tmp_path / "guide"
    shutil.copy(ROOT / "README.md", readme)
    shutil.copy(ROOT / "docs" / "panduan-petugas.md", panduan)
    shutil.copytree(ROOT / "resources" / "guide", guide)
    sources = (tool.Source(readme, tool.SECTIONS, "guide.md"),
               tool.Source(panduan, ("Panduan petugas", "Pintasan papan ketik"), "panduan.md"))
    assert tool.stale(sources, guide) == []

    text = panduan.read_text(encoding="utf-8")
    panduan.write_text(text.replace("Tab pertama:", "Tab yang pertama:"), encoding="utf-8")
    assert tool.stale(sources, guide) == [
        f"resources/guide/panduan.md differs from {panduan}'s sections: run python tools/build_guide.py"]

    panduan.write_text(text.replace("\n### Stok Blanko\n", "\n"), encoding="utf-8")
    problems = tool.stale(sources, guide)
    assert problems[0].startswith("resources/guide/panduan.md differs")
    assert problems[-1].endswith("whoever edits one edits the other")

    panduan.write_text(text, encoding="utf-8")
    (guide / "stok-opname.png").unlink()
    (guide / "lama.png").write_bytes(b"")
    assert tool.stale(sources, guide) == ["resources/guide/stok-opname.png is missing",
                                          "resources/guide/lama.png is in neither guide"]
