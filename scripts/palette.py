"""How the network's colours were checked (docs/accessibility.md): the contrast of every colour against the
panel's background (WCAG 2.1 relative luminance; graphics need 3:1), and how far apart the colours stay for
the three common colour-vision deficiencies, simulated at full strength with colorspacious (Machado et al.
2009), as the smallest CAM02-UCS distance between two colours of the set (about 10 or more: told apart at a
glance; under 5: hard to tell apart by colour alone).

Usage: python scripts/palette.py
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
from colorspacious import cspace_convert, deltaE

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dashboard.views import style  # noqa: E402

VISION = {"normal vision": None, "deuteranopia": "deuteranomaly", "protanopia": "protanomaly",
          "tritanopia": "tritanomaly"}


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def seen(colour: str, deficiency: str | None) -> np.ndarray:
    if deficiency is None:
        return _rgb(colour)
    cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(cspace_convert(_rgb(colour), cvd, "sRGB1"), 0, 1)


def closest_pair(colours: list[str], deficiency: str | None) -> tuple[float, str, str]:
    pairs = itertools.combinations(colours, 2)
    return min((float(deltaE(seen(a, deficiency), seen(b, deficiency), input_space="sRGB1")), a, b)
               for a, b in pairs)


def report() -> str:
    sets = {"faction colours (the first 8)": style.PALETTE[:8],
            "all faction colours": style.PALETTE,
            "relation kinds (also told apart by line and ends)": [c for c, _, _ in style.RELATION_STYLE.values()]}
    lines = ["Contrast against the background (" + style.BACKGROUND + "), lowest first:"]
    for name, colour in sorted(style.network_colours().items(), key=lambda kv: style.contrast(kv[1])):
        lines.append(f"  {style.contrast(colour):5.2f}:1  {colour}  {name}")
    for title, colours in sets.items():
        lines.append(f"\nSmallest distance between two {title}:")
        for vision, deficiency in VISION.items():
            d, a, b = closest_pair(colours, deficiency)
            lines.append(f"  {vision:14} {d:5.1f}  ({a} and {b})")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
