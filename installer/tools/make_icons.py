#!/usr/bin/env python3
"""Draw the Blanko Desktop icon: resources/icons/blanko.svg, blanko.ico (16-256 px) and blanko.png (256 px).

A white certificate sheet with a folded corner, a dark-blue 'B' and a gold seal, on a dark-blue rounded square.
The SVG and the bitmaps come from the same shapes below. Run: python3 installer/tools/make_icons.py (Pillow).
The outputs are committed; run this again only to change the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[2] / "resources" / "icons"

BLUE = "#1d3a6b"
BLUE_LIGHT = "#c8d5ea"
WHITE = "#ffffff"
GOLD = "#e2a72e"
GOLD_DARK = "#b98416"

# Shapes in a 256x256 box: (kind, colour, geometry)
TILE = (8, 8, 248, 248, 46)                       # rounded square: x0, y0, x1, y1, radius
SHEET = [(60, 30), (158, 30), (196, 68), (196, 222), (60, 222)]
FOLD = [(158, 30), (158, 68), (196, 68)]
B_PARTS = [                                      # rounded rects (x0, y0, x1, y1, r): stem and two bowls
    (86, 70, 108, 176, 3),
    (86, 70, 150, 124, 26),
    (86, 118, 156, 176, 29),
]
B_COUNTERS = [(108, 89, 130, 105, 8), (108, 136, 135, 157, 10)]
RIBBON = [[(151, 198), (143, 240), (157, 232), (167, 244), (168, 206)],
          [(174, 206), (175, 244), (185, 232), (199, 240), (190, 198)]]
SEAL = (170, 192, 25)                            # cx, cy, r
SEAL_RING = (170, 192, 16)


def svg() -> str:
    def rrect(x0, y0, x1, y1, r, fill):
        return f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{fill}"/>'

    def poly(points, fill):
        pts = " ".join(f"{x},{y}" for x, y in points)
        return f'<polygon points="{pts}" fill="{fill}"/>'

    parts = [rrect(*TILE, BLUE), poly(SHEET, WHITE), poly(FOLD, BLUE_LIGHT)]
    parts += [rrect(*b, BLUE) for b in B_PARTS]
    parts += [rrect(*c, WHITE) for c in B_COUNTERS]
    parts += [poly(r, GOLD_DARK) for r in RIBBON]
    cx, cy, r = SEAL
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{GOLD}"/>')
    cx, cy, r = SEAL_RING
    parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{WHITE}" stroke-width="4"/>')
    body = "\n  ".join(parts)
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
            f'  <title>Blanko Desktop</title>\n  {body}\n</svg>\n')


def render(size: int) -> Image.Image:
    scale = 8 if size <= 64 else 4
    big = size * scale
    k = big / 256
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def rr(x0, y0, x1, y1, r, fill):
        d.rounded_rectangle([x0 * k, y0 * k, x1 * k, y1 * k], radius=r * k, fill=fill)

    def pg(points, fill):
        d.polygon([(x * k, y * k) for x, y in points], fill=fill)

    rr(*TILE, BLUE)
    pg(SHEET, WHITE)
    pg(FOLD, BLUE_LIGHT)
    for b in B_PARTS:
        rr(*b, BLUE)
    for c in B_COUNTERS:
        rr(*c, WHITE)
    for r in RIBBON:
        pg(r, GOLD_DARK)
    cx, cy, r = SEAL
    d.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=GOLD)
    cx, cy, r = SEAL_RING
    d.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], outline=WHITE, width=round(4 * k))
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "blanko.svg").write_text(svg(), encoding="utf-8")
    sizes = [16, 20, 24, 32, 40, 48, 64, 128, 256]
    images = [render(s) for s in sizes]
    images[-1].save(OUT / "blanko.png", optimize=True)
    images[-1].save(OUT / "blanko.ico", format="ICO", sizes=[(s, s) for s in sizes], append_images=images[:-1])
    check = Image.open(OUT / "blanko.ico")
    print("wrote", OUT / "blanko.svg", OUT / "blanko.png", OUT / "blanko.ico", sorted(check.info["sizes"]))


if __name__ == "__main__":
    main()
