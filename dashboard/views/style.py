"""Colours and sizes shared by the views. Every colour drawn on the white panels has at least 3:1 contrast
against it, as graphics need (WCAG 2.1, 1.4.11): for relations, Okabe-Ito hues, those too light for that
darkened in CIELab until they reach it; for factions and organisations, the palette below. `scripts/palette.py` reports the contrast and how far
apart the colours stay for colour-blind viewers (docs/accessibility.md)."""
from __future__ import annotations

import html

BACKGROUND = "#FFFFFF"  # the panels', in the normal and in the presentation theme
# Mid-dark hues (3.1:1 to 6.5:1 against the panel, so none reads as black inside a focus ring), each the one
# farthest from those before it for normal vision and the three colour-vision deficiencies, from a CIELCh grid
# (scripts/palette.py reports the distances): the first eight stay well apart for all four.
PALETTE = ["#665DC2", "#ED6829", "#8D4A57", "#B97FA3", "#B8210F", "#689C75", "#AE74F7", "#75527E", "#966F47",
           "#2A8476", "#7A70A3", "#3D6921", "#809A49", "#5E96C4"]
NONE_COLOUR = "#8E8E8E"  # no organisation or faction
ORGANISATION_COLOUR = "#5C5C5C"  # an organisation's node
SELECTED_COLOUR = "#C00000"  # the selected person's ring, the cursor
FOCUS_COLOUR = "#000000"  # a scene's people
LABEL_COLOUR = "#111111"  # names
FADED_COLOUR = "#767676"  # the ring of someone shown only on request (not in the record at the date)

# kind: (colour, line style, ends). The kinds differ by line and ends as well as colour, so none is told
# apart by colour alone: "arrow" points from the first person to the second, "tee" marks the one repressed,
# "circles" and "squares" sit at both ends of a tie without a direction.
RELATION_STYLE = {
    "alliance": ("#009E73", "solid", ""),
    "rivalry": ("#C48200", "dashed", ""),
    "patronage": ("#0072B2", "solid", "arrow"),
    "repression": ("#D55E00", "solid", "tee"),
    "agreement": ("#7A5195", "dotted", ""),
    "family": ("#C875A3", "dotted", "circles"),
    "succession": ("#3098CB", "dashed", "arrow"),  # predecessor -> successor in an office
    "other": ("#7A7A7A", "dotted", "squares"),
}
DIRECTED_ENDS = ("arrow", "tee")


def network_colours() -> dict[str, str]:
    """Every colour the network draws, by what it marks (checked against BACKGROUND in the tests)."""
    out = {f"faction {i + 1}": c for i, c in enumerate(PALETTE)}
    out.update({f"relation: {k}": c for k, (c, _, _) in RELATION_STYLE.items()})
    out.update({"no faction": NONE_COLOUR, "organisation": ORGANISATION_COLOUR, "selected": SELECTED_COLOUR,
                "scene focus": FOCUS_COLOUR, "shown on request": FADED_COLOUR, "names": LABEL_COLOUR})
    return out


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(colour: str, background: str = BACKGROUND) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours."""
    hi, lo = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def colour_map(keys) -> dict[str, str]:
    """A stable colour per key, in order of first appearance."""
    out: dict[str, str] = {}
    for k in keys:
        if k not in out:
            out[k] = PALETTE[len(out) % len(PALETTE)]
    return out


def esc(value) -> str:
    """Data strings go into plotly hover text, which understands a little HTML: escape them."""
    return html.escape("" if value is None else str(value), quote=False)
