"""Drawing a film (views/film.py) with Pillow and encoding it: MP4 (H.264) and WebM (VP9) with PyAV, whose
wheels carry FFmpeg, and animated GIF with Pillow. Everything runs in the server process, offline.

A frame is 1280x720 (16:9, as slides are): the date and what changed on top, the timeline's lanes on the
left with the cursor, the network on the right, the legend along the bottom. The lanes, the axis and the
legend are the same in every frame and drawn once; each frame adds the cursor and the network."""
from __future__ import annotations

import io
from fractions import Fraction

from PIL import Image, ImageDraw

from ..core import days
from ..core.validity import IN_FORCE, status
from . import picture
from .film import Film
from .picture import MUTED, fit, font
from .style import BACKGROUND, LABEL_COLOUR, SELECTED_COLOUR

WIDTH, HEIGHT = 1280, 720
FORMATS = {"mp4": "video/mp4", "webm": "video/webm", "gif": "image/gif"}
TOP, LEGEND_TOP = 118, 650  # the views sit between the header and the legend
LANE_LEFT, PLOT_LEFT, PLOT_RIGHT = 16, 250, 710
NET_LEFT, NET_RIGHT = 740, 1264
CHANGES_LEFT, CHANGE_LINES = 300, 3
SOFT = 0.45  # the uncertain part of a bar: its colour this strong over white


def _wrap(text: str, size: int, width: float, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width` pixels, broken between words, the last one cut to fit."""
    out, words = [], text.split()
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and font(size).getlength(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out.append(fit(" ".join(words), size, width))
    return [fit(line, size, width) for line in out]


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
    d.text((LANE_LEFT, 8), fit(film.title, 18, WIDTH - 2 * LANE_LEFT), font=font(18), fill=MUTED)
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
                        fill=picture.soft(bar["colour"], SOFT))
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
    items = ([{"kind": "bar", "colour": c, "name": name} for name, c in film.legend["timeline"]]
             + picture.legend_items(film.legend["relations"], film.legend["groups"]))
    picture.draw(d, picture.legend_shapes(items, LANE_LEFT, LEGEND_TOP + 8, WIDTH - LANE_LEFT, HEIGHT))
    return img


def _changes(d: ImageDraw.ImageDraw, changes: list[str]) -> None:
    """What began (+) and ended (−) since the frame before, beside the date: as many lines as fit."""
    shown = changes if len(changes) <= CHANGE_LINES else changes[:CHANGE_LINES - 1]
    lines = [fit(words, 16, WIDTH - CHANGES_LEFT - LANE_LEFT) for words in shown]
    if len(shown) < len(changes):
        lines.append(f"and {len(changes) - len(shown)} more changes")
    for i, line in enumerate(lines):
        d.text((CHANGES_LEFT, 30 + i * 20), line, font=font(16), fill=MUTED if line.startswith("and ") else LABEL_COLOUR)


def positions(film: Film) -> dict[str, tuple[float, float]]:
    """Where each person of the film is drawn: all of them fitted into the panel once, so nobody moves
    between frames."""
    return picture.place(film.nodes, (NET_LEFT + 30, TOP + 20, NET_RIGHT - 30, LEGEND_TOP - 40))


def frames(film: Film):
    """Each frame of the film as an RGB image, in order."""
    base = _background(film)
    where = positions(film)
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
        picture.draw(d, picture.network_shapes(film.nodes, film.edges, frame, where,
                                               (NET_LEFT, TOP, WIDTH, LEGEND_TOP)))
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
