"""Drawing a film (views/film.py) with Pillow and encoding it: MP4 (H.264) and WebM (VP9) with PyAV, whose
wheels carry FFmpeg, and animated GIF with Pillow. Everything runs in the server process, offline.

A frame is 1280x720 (16:9, as slides are): the date and what changed on top, the timeline's lanes on the
left with the cursor, the network on the right, the legend along the bottom. The lanes, the axis and the
legend are the same in every frame and drawn once; each frame adds the cursor and the network."""
from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..core import days
from ..core.validity import IN_FORCE, status
from .film import Film
from .style import BACKGROUND, FADED_COLOUR, LABEL_COLOUR, NONE_COLOUR, ORGANISATION_COLOUR, SELECTED_COLOUR

WIDTH, HEIGHT = 1280, 720
FORMATS = {"mp4": "video/mp4", "webm": "video/webm", "gif": "image/gif"}
TOP, LEGEND_TOP = 118, 650  # the views sit between the header and the legend
LANE_LEFT, PLOT_LEFT, PLOT_RIGHT = 16, 250, 710
NET_LEFT, NET_RIGHT = 740, 1264
CHANGES_LEFT, CHANGE_LINES = 300, 3
MUTED = "#555555"
SOFT = 0.45  # the uncertain part of a bar: its colour this strong over white
# DejaVu (its licence beside it) covers the Latin, Cyrillic and Greek a dataset may hold, and the dashes.
FONT_FILE = Path(__file__).parent / "fonts" / "DejaVuSansCondensed.ttf"

_fonts: dict[int, ImageFont.FreeTypeFont] = {}


def font(size: int) -> ImageFont.FreeTypeFont:
    """The film's font, shipped with the package, so the film looks the same on any server."""
    if size not in _fonts:
        _fonts[size] = ImageFont.truetype(str(FONT_FILE), size)
    return _fonts[size]


def _soft(colour: str, strength: float = SOFT) -> tuple[int, int, int]:
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(255 - (255 - c) * strength) for c in rgb)


def _fit(text: str, size: int, width: float) -> str:
    """`text`, cut with an ellipsis to fit `width` pixels."""
    f = font(size)
    if f.getlength(text) <= width:
        return text
    while text and f.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(text: str, size: int, width: float, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width` pixels, broken between words, the last one cut to fit."""
    out, words = [], text.split()
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and font(size).getlength(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out.append(_fit(" ".join(words), size, width))
    return [_fit(line, size, width) for line in out]


def _x(day: int, window: tuple[int, int]) -> float:
    lo, hi = window
    return PLOT_LEFT + (day - lo) / max(1, hi - lo) * (PLOT_RIGHT - PLOT_LEFT)


def _lane_height(film: Film) -> float:
    return min(40.0, (LEGEND_TOP - 40 - TOP) / max(1, len(film.lanes)))


def _axis_ticks(window: tuple[int, int]) -> list[tuple[int, str]]:
    """Years across the window, every 1, 2, 5, 10 ... so at most about 8 are labelled."""
    first, last = days.to_gregorian(window[0])[0], days.to_gregorian(window[1])[0]
    every = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (last - first) / s <= 8)
    years = range(first + (-first) % every, last + 1, every)
    return [(days.year_start(y), days.year_label(y)) for y in years if window[0] <= days.year_start(y) <= window[1]]


def _background(film: Film) -> Image.Image:
    """What every frame shares: the lanes with their bars, the axis, the panels' titles and the legend."""
    img = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    d = ImageDraw.Draw(img)
    d.text((LANE_LEFT, 8), _fit(film.title, 18, WIDTH - 2 * LANE_LEFT), font=font(18), fill=MUTED)
    d.text((LANE_LEFT, TOP - 24), "Who held which office", font=font(16), fill=MUTED)
    d.text((NET_LEFT, TOP - 24), "Who stood with whom", font=font(16), fill=MUTED)
    h = _lane_height(film)
    for i, lane in enumerate(film.lanes):
        y = TOP + i * h
        if i % 2:
            d.rectangle([PLOT_LEFT, y, PLOT_RIGHT, y + h], fill="#F4F4F4")
        lines = _wrap(lane["lane"], 14, PLOT_LEFT - LANE_LEFT - 8, 2 if h >= 34 else 1)
        d.multiline_text((LANE_LEFT, y + h / 2), "\n".join(lines), font=font(14), fill=LABEL_COLOUR, anchor="lm",
                         spacing=1)
        for bar in lane["bars"]:
            lo, hi = max(bar["lo"], film.window[0]), min(bar["hi"], film.window[1])
            top, bottom = y + h * 0.2, y + h * 0.8
            d.rectangle([_x(lo, film.window), top, max(_x(lo, film.window) + 1, _x(hi, film.window)), bottom],
                        fill=_soft(bar["colour"]))
            start, end = max(bar["start"], film.window[0]), min(bar["end"], film.window[1])
            if start <= end:
                d.rectangle([_x(start, film.window), top, max(_x(start, film.window) + 1, _x(end, film.window)),
                             bottom], fill=bar["colour"])
    bottom = TOP + len(film.lanes) * h
    if film.more_lanes:
        d.text((LANE_LEFT, bottom + 4), f"+{film.more_lanes} more", font=font(14), fill=MUTED)
    d.line([PLOT_LEFT, bottom + 2, PLOT_RIGHT, bottom + 2], fill=MUTED, width=1)
    for day, text in _axis_ticks(film.window):
        x = _x(day, film.window)
        d.line([x, bottom + 2, x, bottom + 8], fill=MUTED, width=1)
        d.text((x, bottom + 10), text, font=font(14), fill=MUTED, anchor="mt")
    _legend(d, film)
    return img


def _legend(d: ImageDraw.ImageDraw, film: Film) -> None:
    x, y = LANE_LEFT, LEGEND_TOP + 8
    items = ([("bar", c, name) for name, c in film.legend["timeline"]]
             + [("line", r["colour"], r["kind"], r["line"]) for r in film.legend["relations"]]
             + [("dot", g["colour"], g["name"]) for g in film.legend["groups"]])
    for kind, colour, name, *line in items:
        text = _fit(str(name), 14, 220)
        w = 26 + font(14).getlength(text) + 18
        if x + w > WIDTH - LANE_LEFT:
            x, y = LANE_LEFT, y + 22
            if y > HEIGHT - 18:
                return
        if kind == "bar":
            d.rectangle([x, y + 3, x + 20, y + 15], fill=colour)
        elif kind == "line":
            _line(d, (x, y + 9), (x + 20, y + 9), colour, 3, line[0])
        else:
            d.ellipse([x + 4, y + 2, x + 18, y + 16], fill=colour)
        d.text((x + 26, y + 9), text, font=font(14), fill=LABEL_COLOUR, anchor="lm")
        x += w


def _line(d: ImageDraw.ImageDraw, a, b, colour, width: float, style: str) -> None:
    """A solid, dashed or dotted line (Pillow draws only solid ones)."""
    if style == "solid":
        d.line([a, b], fill=colour, width=round(width))
        return
    on, off = (10, 6) if style == "dashed" else (3, 5)
    (x1, y1), (x2, y2) = a, b
    length = max(1e-9, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
    t = 0.0
    while t < length:
        u = min(length, t + on)
        d.line([(x1 + (x2 - x1) * t / length, y1 + (y2 - y1) * t / length),
                (x1 + (x2 - x1) * u / length, y1 + (y2 - y1) * u / length)], fill=colour, width=round(width))
        t = u + off


def _placer(film: Film):
    """Screen position of each node: the film's people fitted into the network panel once, so nobody moves
    between frames."""
    xs, ys = [n["x"] for n in film.nodes] or [0.0], [n["y"] for n in film.nodes] or [0.0]
    left, top, right, bottom = NET_LEFT + 30, TOP + 20, NET_RIGHT - 30, LEGEND_TOP - 40
    span = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    scale = min((right - left) / span[0], (bottom - top) / span[1])
    cx, cy = (left + right) / 2, (top + bottom) / 2
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n["id"]: (cx + (n["x"] - mx) * scale, cy + (n["y"] - my) * scale) for n in film.nodes}


def _free(box, taken) -> bool:
    return all(box[2] <= t[0] or t[2] <= box[0] or box[3] <= t[1] or t[3] <= box[1] for t in taken)


def _network(d: ImageDraw.ImageDraw, film: Film, frame: dict, where: dict, styles: dict) -> None:
    for e in film.edges:
        s = frame["edges"].get(e["id"])
        if s:
            colour, line = styles[e["kind"]]
            _line(d, where[e["source"]], where[e["target"]], colour, 3.5 if s == IN_FORCE else 1.5, line)
    r = 9
    boxes = []
    for n in film.nodes:
        drawn = frame["nodes"].get(n["id"])
        if not drawn:
            continue
        x, y = where[n["id"]]
        colour = drawn["colour"] or (ORGANISATION_COLOUR if n["kind"] == "organisation" else NONE_COLOUR)
        box = [x - r, y - r, x + r, y + r]
        shape = d.rectangle if n["kind"] == "organisation" else d.ellipse
        if drawn["status"] == IN_FORCE:
            shape(box, fill=colour, outline=BACKGROUND, width=2)
        else:  # uncertain: a faint fill in a dashed-looking ring, as the network view draws it
            shape(box, fill=_soft(colour, 0.3), outline=FADED_COLOUR, width=2)
        boxes.append(box)
    # Labels, the most connected first; each takes the first free place below, above, right or left of its
    # node, or is left out.
    taken = list(boxes)
    for n in sorted((n for n in film.nodes if n["id"] in frame["nodes"]), key=lambda n: (-n["weight"], n["id"])):
        x, y = where[n["id"]]
        w, h = font(15).getlength(n["label"]), 16
        for bx, by in ((x - w / 2, y + r + 2), (x - w / 2, y - r - 2 - h), (x + r + 3, y - h / 2),
                       (x - r - 3 - w, y - h / 2)):
            box = (bx, by, bx + w, by + h)
            if NET_LEFT <= bx and bx + w <= WIDTH and TOP <= by and by + h <= LEGEND_TOP and _free(box, taken):
                d.text((bx, by), n["label"], font=font(15), fill=LABEL_COLOUR)
                taken.append(box)
                break


def _changes(d: ImageDraw.ImageDraw, changes: list[str]) -> None:
    """What began (+) and ended (−) since the frame before, beside the date: as many lines as fit."""
    shown = changes if len(changes) <= CHANGE_LINES else changes[:CHANGE_LINES - 1]
    lines = [_fit(words, 16, WIDTH - CHANGES_LEFT - LANE_LEFT) for words in shown]
    if len(shown) < len(changes):
        lines.append(f"and {len(changes) - len(shown)} more changes")
    for i, line in enumerate(lines):
        d.text((CHANGES_LEFT, 30 + i * 20), line, font=font(16), fill=MUTED if line.startswith("and ") else LABEL_COLOUR)


def frames(film: Film):
    """Each frame of the film as an RGB image, in order."""
    base = _background(film)
    where = _placer(film)
    styles = {r["kind"]: (r["colour"], r["line"]) for r in film.legend["relations"]}
    h = _lane_height(film)
    bottom = TOP + len(film.lanes) * h
    for day, frame in zip(film.days, film.frames):
        img = base.copy()
        d = ImageDraw.Draw(img)
        d.text((LANE_LEFT, 34), frame["date"], font=font(40), fill=LABEL_COLOUR)
        _changes(d, frame["changes"])
        # Bars in force at the cursor get a dark outline, so the eye finds who holds office now.
        for i, lane in enumerate(film.lanes):
            y = TOP + i * h
            for bar in lane["bars"]:
                if status(bar, day) == IN_FORCE:
                    x1 = _x(max(bar["start"], film.window[0]), film.window)
                    x2 = max(x1 + 1, _x(min(bar["end"], film.window[1]), film.window))
                    d.rectangle([x1, y + h * 0.2, x2, y + h * 0.8], outline=LABEL_COLOUR, width=2)
        x = _x(day, film.window)
        d.line([x, TOP - 4, x, bottom + 2], fill=SELECTED_COLOUR, width=3)
        _network(d, film, frame, where, styles)
        yield img


def _gif(images: list[Image.Image], ms: int) -> bytes:
    """One 255-colour palette for the whole film, from a sample of its frames: quantising each frame on its
    own takes ten times longer, and a shared palette keeps a colour the same from frame to frame."""
    sample = images[:: max(1, len(images) // 8)]
    sheet = Image.new("RGB", (WIDTH, HEIGHT * len(sample)))
    for i, img in enumerate(sample):
        sheet.paste(img, (0, HEIGHT * i))
    palette = sheet.quantize(colors=255, method=Image.Quantize.FASTOCTREE)
    paletted = [img.quantize(palette=palette, dither=Image.Dither.NONE) for img in images]
    out = io.BytesIO()
    paletted[0].save(out, format="GIF", save_all=True, append_images=paletted[1:], duration=ms, loop=0)
    return out.getvalue()


def encode(film: Film, fmt: str) -> bytes:
    """The film as MP4, WebM or GIF bytes: one picture per frame, each shown `film.ms` milliseconds."""
    if fmt == "gif":
        return _gif(list(frames(film)), film.ms)
    import av  # PyAV is needed only here

    out = io.BytesIO()
    codec = {"mp4": "libx264", "webm": "libvpx-vp9"}[fmt]
    # Small fast settings: the pictures are flat colour, so quality stays high.
    options = {"crf": "23", "preset": "veryfast"} if fmt == "mp4" else {"crf": "32", "b": "0", "deadline": "realtime",
                                                                       "cpu-used": "8"}
    with av.open(out, mode="w", format=fmt) as container:
        stream = container.add_stream(codec, rate=Fraction(1000, film.ms), options=options)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        for img in frames(film):
            for packet in stream.encode(av.VideoFrame.from_image(img)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()
