"""The network at a day as plain shapes in pixels: ties as lines, people as marks, names as labels, and a
legend. The film's frames (views/film_draw.py) draw them with Pillow (`draw`); the network export writes
them as SVG (`svg`, `network_svg`). What is drawn is views/film.py's `network_at`, the network view's rule;
where, the layout's positions fitted into a box.

Shapes are dicts: {"shape": "line", "a": (x, y), "b": (x, y), "colour", "width", "style"},
{"shape": "circle" | "square", "box": (x1, y1, x2, y2), "fill", "outline", "outline_width"},
{"shape": "text", "at": (x, y) (top left), "text", "size", "colour"}.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from PIL import ImageDraw, ImageFont

from ..core import days
from ..core.validity import IN_FORCE
from . import network
from .film import network_at, network_parts
from .style import (
    BACKGROUND,
    FADED_COLOUR,
    LABEL_COLOUR,
    NONE_COLOUR,
    ORGANISATION_COLOUR,
    RELATION_STYLE,
)

# DejaVu (its licence beside it) covers the Latin, Cyrillic and Greek a dataset may hold, and the dashes;
# shipped with the package, so a picture looks the same on any server.
FONT_FILE = Path(__file__).parent / "fonts" / "DejaVuSansCondensed.ttf"
SVG_FONT = "'DejaVu Sans Condensed', 'DejaVu Sans', 'Arial Narrow', sans-serif"
MUTED = "#555555"
RADIUS = 9
LABEL_SIZE = 15
DASHES = {"dashed": (10, 6), "dotted": (3, 5)}

_fonts: dict[int, ImageFont.FreeTypeFont] = {}


def font(size: int) -> ImageFont.FreeTypeFont:
    if size not in _fonts:
        _fonts[size] = ImageFont.truetype(str(FONT_FILE), size)
    return _fonts[size]


def width(text: str, size: int) -> float:
    return font(size).getlength(text)


def fit(text: str, size: int, room: float) -> str:
    """`text`, cut with an ellipsis to fit `room` pixels."""
    if width(text, size) <= room:
        return text
    while text and width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def soft(colour: str, strength: float) -> str:
    """`colour` at `strength` over white, as a hex colour."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in rgb)


def place(nodes: list[dict], box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    """Each node's position (the layout's `x`, `y`) scaled into `box` (left, top, right, bottom), kept in
    proportion and centred."""
    xs, ys = [n["x"] for n in nodes] or [0.0], [n["y"] for n in nodes] or [0.0]
    left, top, right, bottom = box
    span = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    scale = min((right - left) / span[0], (bottom - top) / span[1])
    cx, cy = (left + right) / 2, (top + bottom) / 2
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n["id"]: (cx + (n["x"] - mx) * scale, cy + (n["y"] - my) * scale) for n in nodes}


def _free(box, taken) -> bool:
    return all(box[2] <= t[0] or t[2] <= box[0] or box[3] <= t[1] or t[3] <= box[1] for t in taken)


def network_shapes(nodes: list[dict], edges: list[dict], drawn: dict, where: dict, bounds) -> list[dict]:
    """The ties, marks and labels of what is `drawn` (network_at's answer), at `where`. A label takes the
    first free place below, above, right or left of its node inside `bounds`, the most connected first,
    or is left out."""
    shapes = []
    for e in edges:
        s = drawn["edges"].get(e["id"])
        if s:
            colour, line, _ = RELATION_STYLE[e["kind"]]
            shapes.append({"shape": "line", "a": where[e["source"]], "b": where[e["target"]], "colour": colour,
                           "width": 3.5 if s == IN_FORCE else 1.5, "style": line})
    r, taken = RADIUS, []
    for n in nodes:
        mark = drawn["nodes"].get(n["id"])
        if not mark:
            continue
        x, y = where[n["id"]]
        colour = mark["colour"] or (ORGANISATION_COLOUR if n["kind"] == "organisation" else NONE_COLOUR)
        box = (x - r, y - r, x + r, y + r)
        sure = mark["status"] == IN_FORCE
        # Uncertain: a faint fill in a grey ring, as the network view draws it.
        shapes.append({"shape": "square" if n["kind"] == "organisation" else "circle", "box": box,
                       "fill": colour if sure else soft(colour, 0.3), "outline": BACKGROUND if sure else FADED_COLOUR,
                       "outline_width": 2})
        taken.append(box)
    left, top, right, bottom = bounds
    for n in sorted((n for n in nodes if n["id"] in drawn["nodes"]), key=lambda n: (-n["weight"], n["id"])):
        x, y = where[n["id"]]
        w, h = width(n["label"], LABEL_SIZE), LABEL_SIZE + 1
        for bx, by in ((x - w / 2, y + r + 2), (x - w / 2, y - r - 2 - h), (x + r + 3, y - h / 2),
                       (x - r - 3 - w, y - h / 2)):
            box = (bx, by, bx + w, by + h)
            if left <= bx and bx + w <= right and top <= by and by + h <= bottom and _free(box, taken):
                shapes.append({"shape": "text", "at": (bx, by), "text": n["label"], "size": LABEL_SIZE,
                               "colour": LABEL_COLOUR})
                taken.append(box)
                break
    return shapes


def legend_shapes(items: list[dict], left: float, top: float, right: float, bottom: float) -> list[dict]:
    """Legend entries in rows: {"kind": "bar" | "line" | "dot", "colour", "name", "style" (lines)}; the
    entries past `bottom` are left out."""
    shapes, x, y = [], left, top
    for item in items:
        text = fit(str(item["name"]), 14, 220)
        w = 26 + width(text, 14) + 18
        if x + w > right and x > left:
            x, y = left, y + 22
        if y + 18 > bottom:
            break
        if item["kind"] == "bar":
            shapes.append({"shape": "square", "box": (x, y + 3, x + 20, y + 15), "fill": item["colour"],
                           "outline": item["colour"], "outline_width": 0})
        elif item["kind"] == "line":
            shapes.append({"shape": "line", "a": (x, y + 9), "b": (x + 20, y + 9), "colour": item["colour"],
                           "width": 3, "style": item["style"]})
        else:
            shapes.append({"shape": "circle", "box": (x + 4, y + 2, x + 18, y + 16), "fill": item["colour"],
                           "outline": item["colour"], "outline_width": 0})
        shapes.append({"shape": "text", "at": (x + 26, y + 1), "text": text, "size": 14, "colour": LABEL_COLOUR})
        x += w
    return shapes


def _segments(a, b, style: str):
    """A line as the pieces drawn: all of it when solid, else its dashes or dots."""
    if style not in DASHES:
        yield a, b
        return
    on, off = DASHES[style]
    (x1, y1), (x2, y2) = a, b
    length = max(1e-9, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    t = 0.0
    while t < length:
        u = min(length, t + on)
        yield (x1 + (x2 - x1) * t / length, y1 + (y2 - y1) * t / length), (x1 + (x2 - x1) * u / length,
                                                                           y1 + (y2 - y1) * u / length)
        t = u + off


def draw(d: ImageDraw.ImageDraw, shapes: list[dict]) -> None:
    """Shapes into a Pillow image."""
    for s in shapes:
        if s["shape"] == "line":
            for a, b in _segments(s["a"], s["b"], s["style"]):
                d.line([a, b], fill=s["colour"], width=round(s["width"]))
        elif s["shape"] == "text":
            d.text(s["at"], s["text"], font=font(s["size"]), fill=s["colour"])
        else:
            mark = d.rectangle if s["shape"] == "square" else d.ellipse
            mark(s["box"], fill=s["fill"], outline=s["outline"] if s["outline_width"] else None,
                 width=s["outline_width"])


def svg(shapes: list[dict], size: tuple[int, int], title: str) -> str:
    """Shapes as an SVG document (text as text, so it can be edited and searched)."""
    w, h = size
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'font-family="{escape(SVG_FONT, {chr(34): "&quot;"})}">',
           f"<title>{escape(title)}</title>", f'<rect width="{w}" height="{h}" fill="{BACKGROUND}"/>']
    for s in shapes:
        if s["shape"] == "line":
            dash = f' stroke-dasharray="{DASHES[s["style"]][0]} {DASHES[s["style"]][1]}"' if s["style"] in DASHES else ""
            (x1, y1), (x2, y2) = s["a"], s["b"]
            out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{s["colour"]}" '
                       f'stroke-width="{s["width"]}"{dash}/>')
        elif s["shape"] == "text":
            ascent = font(s["size"]).getmetrics()[0]  # Pillow places text by its top, SVG by its baseline
            out.append(f'<text x="{s["at"][0]:.1f}" y="{s["at"][1] + ascent:.1f}" font-size="{s["size"]}" '
                       f'fill="{s["colour"]}">{escape(s["text"])}</text>')
        else:
            x1, y1, x2, y2 = s["box"]
            stroke = f' stroke="{s["outline"]}" stroke-width="{s["outline_width"]}"' if s["outline_width"] else ""
            if s["shape"] == "square":
                out.append(f'<rect x="{x1:.1f}" y="{y1:.1f}" width="{x2 - x1:.1f}" height="{y2 - y1:.1f}" '
                           f'fill="{s["fill"]}"{stroke}/>')
            else:
                out.append(f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{(y1 + y2) / 2:.1f}" r="{(x2 - x1) / 2:.1f}" '
                           f'fill="{s["fill"]}"{stroke}/>')
    out.append("</svg>")
    return "\n".join(out)


def legend_items(relations: list[dict], groups: list[dict]) -> list[dict]:
    """Legend entries for relation kinds (network.legend's `relations`) and factions (its `groups`)."""
    return ([{"kind": "line", "colour": r["colour"], "name": r["kind"], "style": r["line"]} for r in relations]
            + [{"kind": "dot", "colour": g["colour"], "name": g["name"]} for g in groups])


SVG_SIZE = (1200, 860)


def network_svg(ds, day: int, layers=None, groups=None, rels=None) -> str:
    """The network at `day` as the network view draws it (the URL's layers and filters), fitted to the
    picture, with its title, date and legend."""
    nodes, edges = network_parts(ds, groups, rels)
    drawn = network_at(nodes, edges, network.memberships(ds), day, list(layers or network.DEFAULT_LAYERS))
    shown = [n for n in nodes if n["id"] in drawn["nodes"]]
    w, h = SVG_SIZE
    legend_top = h - 80
    where = place(shown, (40, 100, w - 40, legend_top - 40))
    full = network.legend(ds)
    kinds = {e["kind"] for e in edges if e["id"] in drawn["edges"]}
    colours = {m["colour"] for m in drawn["nodes"].values()}
    items = legend_items([r for r in full["relations"] if r["kind"] in kinds],
                         [g for g in full["groups"] if g["colour"] in colours])
    title = f"Who stood with whom, {days.label(day)}"
    shapes = [{"shape": "text", "at": (20, 14), "text": fit(ds.title, 18, w - 40), "size": 18, "colour": MUTED},
              {"shape": "text", "at": (20, 42), "text": title, "size": 30, "colour": LABEL_COLOUR},
              *network_shapes(shown, edges, drawn, where, (0, 90, w, legend_top)),
              *legend_shapes(items, 20, legend_top + 6, w - 20, h)]
    if not shown:
        shapes.append({"shape": "text", "at": (40, 120), "text": "Nobody is drawn at this date.", "size": 18,
                       "colour": MUTED})
    return svg(shapes, SVG_SIZE, f"{ds.title}: {title}")
