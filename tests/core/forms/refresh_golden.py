"""Refresh the golden images after an intended layout change: python -m tests.core.forms.refresh_golden"""

from __future__ import annotations

import tempfile
from pathlib import Path

from blanko_desktop.core import forms
from blanko_desktop.core.forms.samples import sample
from tests.core.forms.pdftools import page_images

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 40  # low: the layout, not the glyphs, is what a reference guards


def render_pages(form: str, tmp: Path) -> list:
    return page_images(forms.render(form, sample(form)), DPI, tmp)


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for form in forms.FORMS:
        with tempfile.TemporaryDirectory() as tmp:
            for index, image in enumerate(render_pages(form, Path(tmp)), 1):
                path = GOLDEN / f"{form}-{index}.png"
                image.save(path, optimize=True)
                print(f"wrote {path}")


if __name__ == "__main__":
    main()
