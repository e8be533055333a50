"""The film of Play (views/film.py, views/film_draw.py): its frames are Play's steps, each the state the
views and the API show at that day, drawn where the model says, and the encoded file holds as many frames,
for as long, as asked."""
from __future__ import annotations

import io
import json
import re
import subprocess

import av
import pytest
from PIL import Image

from conftest import FIXTURES, ROOT
from dashboard.core import days
from dashboard.core.build import load
from dashboard.views import changes, film, film_draw, network, play, state, timeline
from dashboard.views.style import BACKGROUND, SELECTED_COLOUR


@pytest.fixture(scope="module")
def soviet():
    return load(ROOT / "data" / "soviet")


@pytest.fixture(scope="module")
def medium():
    return load(FIXTURES / "medium")


def _day(text: str) -> int:
    return days.from_gregorian(*map(int, text.split("-")))


@pytest.fixture(scope="module")
def soviet_film(soviet):
    return film.film(soviet, (_day("1922-01-01"), _day("1930-12-31")), "month")


def test_play_steps_start_each_month_quarter_and_year():
    lo, hi = _day("1922-02-15"), _day("1923-02-01")
    assert [days.iso(d) for d in play.steps(lo, hi, "quarter")] == [
        "1922-04-01", "1922-07-01", "1922-10-01", "1923-01-01"]
    assert [days.iso(d) for d in play.steps(lo, hi, "year")] == ["1923-01-01"]
    assert len(play.steps(lo, hi, "month")) == 12 and days.iso(play.steps(lo, hi, "month")[0]) == "1922-03-01"
    assert play.steps(lo, hi, "month", most=11) is None and len(play.steps(lo, hi, "month", most=12)) == 12
    assert play.play_steps(lo, hi)["year"] == play.steps(lo, hi, "year")
    # From December: the quarters still start in January, April, July and October.
    assert [days.iso(d) for d in play.steps(_day("1922-12-15"), _day("1923-07-01"), "quarter")] == [
        "1923-01-01", "1923-04-01", "1923-07-01"]


def test_soviet_1922_1930_has_one_frame_a_month(soviet_film):
    f = soviet_film
    assert len(f.days) == len(f.frames) == 108
    assert (days.iso(f.days[0]), days.iso(f.days[-1])) == ("1922-01-01", "1930-12-01")
    assert [fr["date"] for fr in f.frames[:2]] == ["1 Jan 1922", "1 Feb 1922"]
    assert f.seconds == pytest.approx(108 * 0.4)


def test_each_frame_is_the_state_the_api_gives(soviet, soviet_film):
    """The ties and people of a frame are the API's relations and people at that day, on the political layer."""
    f = soviet_film
    for i in (0, 40, 70, 107):
        day, frame = f.days[i], f.frames[i]
        at = state.at(soviet, day)
        political = {f"rel::{r['relation_id']}": r["status"] for r in at["relations"]
                     if network.layer_of(r["kind"], r["scope"]) == "political"}
        assert frame["edges"] == political
        people = {p["person_id"]: p["status"] for p in at["people"]}
        linked = {e["source"] for e in f.edges if e["id"] in political} | {
            e["target"] for e in f.edges if e["id"] in political}
        assert set(frame["nodes"]) >= linked
        assert all(people[p] == frame["nodes"][p]["status"] for p in frame["nodes"])


def test_a_frame_says_what_changed_since_the_step_before(soviet, soviet_film):
    f = soviet_film
    assert f.frames[0]["changes"] == []
    for i in range(1, len(f.days)):
        found = changes.between(soviet, f.days[i - 1], f.days[i])
        assert len(f.frames[i]["changes"]) == len(found["began"]) + len(found["ended"])
    # December 1927: the Fifteenth Congress expels the United Opposition.
    december = f.frames[f.days.index(_day("1928-01-01"))]["changes"]
    assert any(line.startswith("\u2212") and "United Opposition" in line for line in december), december


def test_the_film_draws_what_the_network_view_draws(soviet, soviet_film):
    """network_at is the browser's classesAt (assets/network_state.js) on the same elements and days."""
    f = soviet_film
    elements = network.elements(soviet)
    script = ("const s = require(process.argv[1]); const a = JSON.parse(require('fs').readFileSync(0));"
              "console.log(JSON.stringify(a.days.map(d => s.classesAt(a.elements, d, ['political'], a.mem, []))));")
    payload = json.dumps({"elements": elements, "days": f.days, "mem": network.memberships(soviet)})
    out = subprocess.run(["node", "-e", script, str(ROOT / "assets" / "network_state.js")], input=payload,
                         capture_output=True, text=True, check=True).stdout
    for classes, frame in zip(json.loads(out), f.frames):
        shown = {i for i, c in classes.items() if not {"off", "gone", "alone"} & set(c)}
        nodes = {e["data"]["id"] for e in elements if "source" not in e["data"]}
        # cytoscape hides the edges of a hidden node
        ends = {e["data"]["id"]: (e["data"]["source"], e["data"]["target"]) for e in elements if "source" in e["data"]}
        shown -= {i for i in shown - nodes if not set(ends[i]) <= shown}
        assert shown & nodes == set(frame["nodes"])
        assert shown - nodes == set(frame["edges"])
        assert {i for i in shown if "uncertain" in classes[i]} == {
            i for i, s in {**frame["edges"], **{n: v["status"] for n, v in frame["nodes"].items()}}.items()
            if s == "uncertain"}


def test_people_come_and_go_with_their_ties(medium):
    """Medium fixture: Vera's alliance with Boris turns into a rivalry in September 1925, and Boris dies in
    March 1937: he is drawn until then, never after."""
    f = film.film(medium, (_day("1925-01-01"), _day("1938-12-31")), "year")
    by_year = dict(zip((days.to_gregorian(d)[0] for d in f.days), f.frames))
    assert by_year[1925]["edges"].get("rel::boris-vera-alliance") == "in force"
    assert "rel::boris-vera-alliance" not in by_year[1926]["edges"]
    assert by_year[1926]["edges"].get("rel::boris-vera-rivalry") == "in force"
    assert "boris" in by_year[1937]["nodes"] and "boris" not in by_year[1938]["nodes"]


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"speed": "week"}, "Unknown speed 'week': use one of month, quarter, year."),
    ({"ms": 50}, "Each frame shows for 50 ms: use 100 to 5000 ms."),
    ({"ms": 99}, "Each frame shows for 99 ms"),
    ({"ms": 5001}, "Each frame shows for 5001 ms"),
    ({"window": ("1900-01-01", "1953-12-31")}, "The window 1 Jan 1900 to 31 Dec 1953 has more than 300 steps of "
                                               "one month: choose a longer step or a shorter window."),
    ({"window": ("1922-01-02", "1922-01-30")}, "The window 2 Jan 1922 to 30 Jan 1922 holds no step of one month: "
                                               "choose a shorter step or a longer window."),
])
def test_a_film_that_cannot_be_made_says_what_to_change(soviet, kwargs, words):
    kwargs = dict(kwargs)  # the parameters are shared by every run in this process: pop from a copy
    lo, hi = kwargs.pop("window", ("1922-01-01", "1923-01-01"))
    with pytest.raises(film.FilmError, match=re.escape(words)):
        film.film(soviet, (_day(lo), _day(hi)), **{"speed": "month", **kwargs})


def test_a_frame_may_show_from_100_to_5000_ms(medium):
    for ms in (100, 5000):
        assert film.film(medium, (_day("1925-01-01"), _day("1926-12-31")), "year", ms=ms).ms == ms


_RECORD = ("1900-01-01", "1937-12-31")  # medium's whole record


def _lane_ids(f):
    return [(lane["lane"], [b["id"] for b in lane["bars"]]) for lane in f.lanes]


def test_a_films_lanes_are_the_timelines_bars_in_its_window(medium):
    """Medium, 1925-1930, by default: a month a step and the timeline's office lanes coloured by
    organisation. Only Boris's and Gleb's chairs fall in the window (Vera's and Dina's secretaryships and
    the council seats ended by 1917); each bar has the tenure's bounds and its organisation's colour."""
    f = film.film(medium, (_day("1925-01-01"), _day("1930-12-31")))
    assert f.speed == "month" and f.days == play.steps(_day("1925-01-01"), _day("1930-12-31"), "month")
    assert _lane_ids(f) == [("Party chairman", ["boris-chair", "gleb-chair"])] and f.more_lanes == 0
    tenures = medium["tenures"].set_index("tenure_id")
    party = timeline.colours_for(medium, "organisation")["Party"]
    for bar in f.lanes[0]["bars"]:
        row = tenures.loc[bar["id"]]
        assert (bar["lo"], bar["start"], bar["end"], bar["hi"]) == (row.v_lo, row.v_start, row.v_end, row.v_hi)
        assert bar["colour"] == party
    assert f.legend["timeline"] == [("Party", party)]
    # A bar on the window's first or last day is in it: Boris's last day in the chair, Gleb's first.
    edge = film.film(medium, (_day("1930-02-01"), _day("1930-02-02")))
    assert _lane_ids(edge) == [("Party chairman", ["boris-chair", "gleb-chair"])]
    assert (days.iso(tenures.at["boris-chair", "v_hi"]), days.iso(tenures.at["gleb-chair", "v_lo"])) == (
        "1930-02-01", "1930-02-02")


def test_a_film_keeps_the_timelines_lanes_colours_and_filters(medium):
    """Lanes by person come in the order each first appears; coloured by faction, Arkady's council seat of
    1900 (before any faction) has the "no faction" colour. The organisation and office kind filters keep
    their offices' bars, and the legend names only the colours drawn."""
    by_person = film.film(medium, (_day(_RECORD[0]), _day(_RECORD[1])), "year", lanes="person", colour="faction")
    assert _lane_ids(by_person) == [
        ("Arkady Antonov", ["arkady-council", "arkady-chair"]), ("Boris Belov", ["boris-council", "boris-chair"]),
        ("Vera Volkova", ["vera-secretary"]), ("Dina Dorina", ["dina-secretary"]), ("Gleb Gromov", ["gleb-chair"])]
    colours = timeline.colours_for(medium, "faction")
    colour = {b["id"]: b["colour"] for lane in by_person.lanes for b in lane["bars"]}
    assert colour["arkady-council"] == colours[""]  # no faction recorded
    assert colour["boris-chair"] == colours["left"] and colour["gleb-chair"] == colours["right"]
    assert [name for name, _ in by_person.legend["timeline"]] == ["Left faction", "Right faction",
                                                                 "no faction recorded"]
    council = film.film(medium, (_day(_RECORD[0]), _day(_RECORD[1])), "year", orgs=["Council"])
    assert _lane_ids(council) == [("Member of the council", ["arkady-council", "boris-council"])]
    assert council.legend["timeline"] == [("Council", timeline.colours_for(medium, "organisation")["Council"])]
    party = film.film(medium, (_day(_RECORD[0]), _day(_RECORD[1])), "year", kinds=["party"])
    assert _lane_ids(party) == [("Party chairman", ["arkady-chair", "boris-chair", "gleb-chair"]),
                                ("Party secretary", ["vera-secretary", "dina-secretary"])]


def test_a_film_keeps_the_networks_filters_and_its_legend_names_what_it_draws(medium):
    """1925-1930 unfiltered: Vera's alliance with Boris, then their rivalry (Gleb's repression of Boris comes
    in 1936); only the rivalry with the kind filter; with the group filter only the Right faction's people
    (Dina, Gleb), and their one tie is family, a layer not shown. The legend names what is drawn."""
    window = (_day("1925-01-01"), _day("1930-12-31"))
    f = film.film(medium, window, "year")
    assert {e["id"] for e in f.edges} == {e for fr in f.frames for e in fr["edges"]} == {
        "rel::boris-vera-alliance", "rel::boris-vera-rivalry"}
    assert {n["id"] for n in f.nodes} == {n for fr in f.frames for n in fr["nodes"]}
    assert [r["kind"] for r in f.legend["relations"]] == ["alliance", "rivalry"]
    assert [g["id"] for g in f.legend["groups"]] == ["left", "right"]
    rivalry = film.film(medium, window, "year", rels=["rivalry"])
    assert [e["id"] for e in rivalry.edges] == ["rel::boris-vera-rivalry"]
    assert [r["kind"] for r in rivalry.legend["relations"]] == ["rivalry"]
    right = film.film(medium, (_day(_RECORD[0]), _day(_RECORD[1])), "year", groups=["right"])
    assert {n["id"] for n in right.nodes} == {"dina", "gleb"} and right.edges == []
    later = film.film(medium, (_day("1931-01-01"), _day("1936-12-31")), "year")
    assert [g["id"] for g in later.legend["groups"]] == ["right"]  # the Left faction ended in December 1926


def test_network_at_colours_by_faction_to_its_last_day_and_drops_ties_to_people_not_drawn():
    """c is drawn for its faction alone, to the membership's last day; b's narrower faction (the later one)
    wins; d has left the record on day 20, so neither of its ties is drawn, whichever end it is."""
    def span(lo, hi):
        return {"lo": lo, "start": lo, "end": hi, "hi": hi}
    nodes = [{"id": p, **span(0, 100)} for p in "abc"] + [{"id": "d", **span(0, 5)}]
    edges = [{"id": i, "source": s, "target": t, "layer": "political", **span(0, 100)}
             for i, s, t in (("ab", "a", "b"), ("ad", "a", "d"), ("da", "d", "a"))]
    memberships = [{"person": "c", "colour": "#111111", "lo": 10, "hi": 20},
                   {"person": "b", "colour": "#222222", "lo": 0, "hi": 100},
                   {"person": "b", "colour": "#333333", "lo": 15, "hi": 25}]
    assert film.network_at(nodes, edges, memberships, 20, ["political"]) == {
        "nodes": {"a": {"status": "in force", "colour": None}, "b": {"status": "in force", "colour": "#333333"},
                  "c": {"status": "in force", "colour": "#111111"}},
        "edges": {"ab": "in force"}}
    assert set(film.network_at(nodes, edges, memberships, 21, ["political"])["nodes"]) == {"a", "b"}
    assert film.network_at(nodes, edges, memberships, 20, ["personal"])["nodes"] == {
        "b": {"status": "in force", "colour": "#333333"}, "c": {"status": "in force", "colour": "#111111"}}


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_a_frame_draws_the_cursor_and_the_people_where_they_are(soviet_film):
    f = soviet_film
    images = list(film_draw.frames(f))
    assert len(images) == 108 and {im.size for im in images} == {(1280, 720)}
    where = film_draw.positions(f)
    for i in (10, 60):
        img, frame = images[i], f.frames[i]
        x = round(film_draw._x(f.days[i], f.window))
        assert img.getpixel((x, film_draw.TOP + 2)) == _rgb(SELECTED_COLOUR)
        for n in f.nodes:
            px = img.getpixel(tuple(round(v) for v in where[n["id"]]))
            drawn = frame["nodes"].get(n["id"])
            if drawn and drawn["status"] == "in force" and drawn["colour"]:
                assert px == _rgb(drawn["colour"]), n["id"]
            elif not drawn:
                # Nobody there: a tie may cross the spot, a node may not.
                assert px not in {_rgb(m["colour"]) for m in f.legend["groups"]}, n["id"]
    assert images[10].tobytes() != images[60].tobytes()
    assert _rgb(BACKGROUND) == images[0].getpixel((1275, 5))


@pytest.mark.parametrize("fmt", ["mp4", "webm"])
def test_a_video_has_as_many_frames_as_steps_each_shown_as_long_as_asked(medium, fmt):
    f = film.film(medium, (_day("1925-01-01"), _day("1930-12-31")), "quarter", ms=250)
    body = film_draw.encode(f, fmt)
    with av.open(io.BytesIO(body)) as container:
        stream = container.streams.video[0]
        decoded = sum(1 for _ in container.decode(stream))
        assert (stream.width, stream.height) == (1280, 720)
        assert container.duration / 1e6 == pytest.approx(len(f.days) * 0.25, abs=0.01)
    assert decoded == len(f.days) == 24


def test_a_gif_has_one_frame_per_step_each_shown_as_long_as_asked(medium):
    f = film.film(medium, (_day("1925-01-01"), _day("1930-12-31")), "year", ms=700)
    img = Image.open(io.BytesIO(film_draw.encode(f, "gif")))
    shown = []
    for i in range(img.n_frames):
        img.seek(i)
        shown.append(img.info["duration"])
    assert shown == [700] * 6 and img.info.get("loop") == 0
