"""Each form's layout against a committed reference image: a block that moves or vanishes fails the test.

After an intended change: python -m tests.core.forms.refresh_golden, look at the new PNGs, commit them.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from blanko_desktop.core import forms
from tests.core.forms.refresh_golden import GOLDEN, render_pages

# Share of pixels allowed to differ by more than a grey step: font hinting and rasteriser versions move
# edges by a pixel; a moved block or a missing line changes far more.
TOLERANCE = 0.01


def differing_share(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    return diff.histogram()[255] / (a.width * a.height)


@pytest.mark.parametrize("form", list(forms.FORMS))
def test_layout_matches_the_reference(form, tmp_path):
    pages = render_pages(form, tmp_path)
    references = sorted(GOLDEN.glob(f"{form}-*.png"))
    assert len(pages) == len(references), f"{form}: {len(pages)} pages, reference has {len(references)}"
    for page, ref_path in zip(pages, references):
        ref = Image.open(ref_path).convert("L")
        assert page.size == ref.size
        share = differing_share(page, ref)
        assert share <= TOLERANCE, f"{ref_path.name}: {share:.2%} of pixels differ (refresh if intended)"


def test_the_comparison_sees_a_moved_block(tmp_path):
    page = render_pages("label", tmp_path)[0]
    moved = ImageChops.offset(page, 0, 12)
    assert differing_share(page, moved) > TOLERANCE
