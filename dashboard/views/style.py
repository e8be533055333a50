"""Colours and sizes shared by the views. Okabe-Ito: safe for colour-blind viewers
and distinct on a washed-out projector."""
from __future__ import annotations

import html

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
EXTRA = ["#7F3C8D", "#8C564B", "#3969AC", "#F2B701", "#E73F74", "#17BECF", "#E68310", "#008695", "#CF1C90",
         "#4B4B8F", "#A5AA99"]
PALETTE = OKABE_ITO[:7] + EXTRA
NONE_COLOUR = "#9A9A9A"

RELATION_STYLE = {
    # kind: (colour, line style, arrow)
    "alliance": ("#009E73", "solid", False),
    "rivalry": ("#E69F00", "dashed", False),
    "patronage": ("#0072B2", "solid", True),
    "repression": ("#D55E00", "solid", True),
    "agreement": ("#7A5195", "dotted", False),
    "family": ("#CC79A7", "dotted", False),
    "succession": ("#56B4E9", "dashed", True),  # predecessor -> successor in an office
    "other": ("#7A7A7A", "dotted", False),
}

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
