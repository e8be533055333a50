import pandas as pd
import pytest

from conftest import FIXTURES, ROOT
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.views import lecture, timeline


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "mini")


def _traces(fig, role):
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def test_one_bar_trace_per_colour(ds):
    fig = timeline.figure(ds)
    solid = _traces(fig, "tenure")
    names = [t.name for t in solid]
    assert len(names) == len(set(names)) == 2  # Party, Soviet government
    for t in solid:
        assert isinstance(t.marker.color, str)  # never a per-bar colour array


def test_vague_ends_are_separate_hatched_segments(ds):
    fig = timeline.figure(ds)
    vague = _traces(fig, "vague")
    assert vague and all(t.marker.pattern.shape == "/" for t in vague)
    # Lenin's end is "Jan 1924": surely in force on 1 January (the earliest end), maybe to the 31st.
    lenin = [(b, x) for t in vague for b, x, c in zip(t.base, t.x, t.customdata) if c[0] == "lenin-sovnarkom-chair"]
    assert lenin == [(timeline.ms(D(1924, 1, 2)), 30 * timeline.DAY_MS)]


def test_open_end_runs_to_the_end_of_the_record_with_marker(ds):
    fig = timeline.figure(ds)
    markers = [t for t in fig.data if t.name.startswith("Open")]
    assert markers and list(markers[0].y) == ["General Secretary"]
    stalin = ds["tenures"].set_index("tenure_id").loc["stalin-gen-sec"]
    assert stalin["v_end"] == D(1929, 12, 31)  # the last day the record speaks of (1929, a year)
    assert markers[0].x[0] == timeline.ms(stalin["v_end"] + 1)


def test_hover_shows_precision_aware_dates(ds):
    fig = timeline.figure(ds)
    text = " ".join(h for t in _traces(fig, "tenure") for h in t.hovertext)
    assert "7 Nov 1917 (25 Oct O.S.) – Jan 1924" in text
    assert "3 Apr 1922 – open" in text


def test_lanes_grouped_by_organisation_and_per_person(ds):
    fig = timeline.figure(ds)
    lanes = list(fig.layout.yaxis.categoryarray)[::-1]
    assert lanes[0] == timeline.EVENTS_LANE
    orgs = {"Chairman of the Council of People's Commissars": "Soviet government",
            "People's Commissar for Foreign Affairs": "Soviet government", "General Secretary": "Party"}
    groups = [orgs[lane] for lane in lanes[1:]]
    assert groups == sorted(groups, key=groups.index)  # each organisation's lanes are adjacent
    people = list(timeline.figure(ds, lanes="person").layout.yaxis.categoryarray)[::-1]
    assert people[1:] == ["Vladimir Lenin", "Leon Trotsky", "Joseph Stalin"]


def test_colour_by_faction(ds):
    bars = timeline.tenure_bars(ds, colour="faction")
    assert set(bars["colour_label"]) == {"no faction recorded"}
    at = timeline.faction_at(ds, pd.Series(["trotsky"]), pd.Series([D(1925, 1, 1)]))
    assert list(at) == ["left-opposition"]


def test_filters_and_cursor(ds):
    fig = timeline.figure(ds, organisations=["Party"], cursor=D(1927, 11, 15))
    assert {t.name for t in _traces(fig, "tenure")} == {"Party"}
    assert fig.layout.shapes[0].x0 == timeline.ms(D(1927, 11, 15)) and fig.layout.shapes[0].name == "cursor"


def test_data_strings_are_escaped_in_hover(ds):
    ds2 = type(ds)(ds.path, ds.title, ds.description, ds.descriptor, dict(ds.frames))
    people = ds.frames["people"].copy()
    people.loc[people["person_id"] == "stalin", "name"] = "<img src=x onerror=alert(1)>"
    ds2.frames["people"] = people
    text = " ".join(h for t in timeline.figure(ds2).data for h in (t.hovertext or []))
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def test_lanes_past_the_limit_are_paged(ds, monkeypatch):
    def lanes(fig):
        return [c for c in fig.layout.yaxis.categoryarray[::-1] if c != timeline.EVENTS_LANE]

    everything = lanes(timeline.figure(ds))
    monkeypatch.setattr(timeline, "MAX_LANES", 2)
    first, last = timeline.figure(ds, lane_page=1), timeline.figure(ds, lane_page=99)  # 99: clamped to the last
    assert lanes(first) == everything[:2] and lanes(last) == everything[2:]
    assert {k: first.layout.meta[k] for k in ("lanes", "lane_page", "lane_pages")} == {"lanes": 3, "lane_page": 1, "lane_pages": 2}
    assert last.layout.meta["lane_page"] == 2
    # Only the bars of the page's lanes are drawn.
    drawn = {lane for t in _traces(last, "tenure") + _traces(last, "vague") for lane in t.y}
    assert drawn == set(everything[2:])


def test_paged_events_lane_holds_the_events_of_the_lanes_people(ds, monkeypatch):
    monkeypatch.setattr(timeline, "MAX_LANES", 2)
    events = ds["events"].set_index("event_id")["people"]
    for page in (1, 2):
        fig = timeline.figure(ds, lane_page=page)
        people = {c[1] for t in _traces(fig, "tenure") + _traces(fig, "vague") for c in t.customdata}
        lane = _traces(fig, "events")
        named = {e for e, ps in events.items() if people & set(ps.split(";"))}
        if not named:  # nobody in these lanes is named by an event: no events lane at all
            assert not lane and timeline.EVENTS_LANE not in fig.layout.yaxis.categoryarray
            continue
        assert {c[0] for c in lane[0].customdata} == named
        assert fig.layout.yaxis.ticktext[0] == timeline.wrap(timeline.PAGED_EVENTS, 28)
    # Unpaged, the lane holds every dated event and says just "Events".
    monkeypatch.setattr(timeline, "MAX_LANES", 60)
    fig = timeline.figure(ds)
    assert len(_traces(fig, "events")[0].customdata) == len(events)
    assert fig.layout.yaxis.ticktext[0] == timeline.EVENTS_LANE


def test_presentation_keeps_a_few_lanes_focus_first_and_counts_the_rest(ds, monkeypatch):
    monkeypatch.setattr(timeline, "PRESENT_LANES", 1)
    window = (D(1917, 1, 1), D(1953, 12, 31))
    fig = timeline.figure(ds, fill=True, window=window, focus=["stalin"])
    lanes = [c for c in fig.layout.yaxis.categoryarray if c != timeline.EVENTS_LANE]
    assert lanes == ["General Secretary"]
    assert fig.layout.xaxis.title.text == "+2 more offices"
    # Without focus the first lanes in rank order; with room for all, no note.
    assert len([c for c in timeline.figure(ds, fill=True, window=window).layout.yaxis.categoryarray
                if c != timeline.EVENTS_LANE]) == 1
    monkeypatch.setattr(timeline, "PRESENT_LANES", 4)
    assert timeline.figure(ds, fill=True, window=window).layout.xaxis.title.text is None


def test_a_slide_offers_fewer_lanes_for_a_short_panel_counting_the_ones_it_hides(ds, monkeypatch):
    monkeypatch.setattr(timeline, "PRESENT_LANES", 3)
    window = (D(1917, 1, 1), D(1953, 12, 31))
    fig = timeline.figure(ds, fill=True, window=window, font_size=22)
    steps, n = fig.layout.meta["slide"], len(fig.layout.yaxis.categoryarray)
    assert [s["lanes"] for s in steps] == list(range(n, 1, -1))
    # All of them: the figure's own range; fewer: the top lanes (the events lane first) and the rest counted.
    assert steps[0]["relayout"]["yaxis.range"] == list(fig.layout.yaxis.range)
    assert steps[0]["relayout"]["xaxis.title.text"] == fig.layout.xaxis.title.text
    top = steps[-1]["relayout"]
    assert top["yaxis.range"] == [n - 2.6, n - 0.4]
    assert top["xaxis.title.text"] == f"+{n - 2} more offices"
    # A lane named on two lines needs room for two lines of the slide's type.
    two = [t.count("<br>") for t in fig.layout.yaxis.ticktext]
    assert max(two) == 1 and steps[0]["need"] == round(2 * 22 * 1.25 + 4)
    assert timeline.slide_fit(["Events", "Short"], 20, 0, "people")[0]["need"] == round(20 * 1.25 + 4)
    assert timeline.slide_fit(["Events", "Short"], 20, 3, "people")[0]["relayout"]["xaxis.title.text"] == "+3 more people"


@pytest.mark.parametrize("days, dtick, fmt", [(300, "M6", "%b %Y"), (420, "M12", "%Y"), (3 * 365, "M12", "%Y"),
                                              (40 * 365, "M240", "%Y"), (50, "M1", "%b %Y")])
def test_slide_ticks_are_few_and_horizontal(ds, days, dtick, fmt):
    window = (D(1926, 1, 1), D(1926, 1, 1) + days)
    fig = timeline.figure(ds, fill=True, window=window)
    assert (fig.layout.xaxis.dtick, fig.layout.xaxis.tickformat, fig.layout.xaxis.tickangle) == (dtick, fmt, 0)
    assert days / 30.44 / int(dtick[1:]) <= (3 if fmt == "%Y" else 2)


def test_a_scene_draws_its_lanes_and_events_first():
    medium = load(FIXTURES / "medium")
    window = (D(1930, 1, 1), D(1940, 12, 31))
    fig = timeline.figure(medium, fill=True, window=window, focus=["gleb"], focus_events=["boris-execution-1937"])
    lanes = [c for c in fig.layout.yaxis.categoryarray[::-1] if c != timeline.EVENTS_LANE]
    assert lanes[0] == "Party chairman"  # Gleb took the chair in the window
    scene = [t for t in fig.data if (t.meta or {}).get("role") == "scene events"][0]
    others = [t for t in fig.data if (t.meta or {}).get("role") == "events"][0]
    assert [c[0] for c in scene.customdata] == ["boris-execution-1937"] and scene.text == ("Boris shot",)
    assert scene.marker.size > others.marker.size and "boris-execution-1937" not in {c[0] for c in others.customdata}


def test_thin_bars_get_an_invisible_hit_target():
    medium = load(FIXTURES / "medium")
    window = (D(1800, 1, 1), D(1999, 12, 31))  # two centuries: a two-year tenure is a pixel or two
    fig = timeline.figure(medium, window=window)
    hit = [t for t in fig.data if (t.meta or {}).get("role") == "hit"]
    assert hit, "no hit targets"
    ids = {c[0] for c in hit[0].customdata}
    # Dina's secretaryship (a month sure, two years maybe) is thin in two centuries; Boris's decade as chair is not.
    assert "dina-secretary" in ids and "boris-chair" not in ids
    bars = timeline.tenure_bars(medium)
    thin = bars[(bars["v_hi"] - bars["v_lo"] + 1) < timeline.THIN * (window[1] - window[0])]
    assert ids == set(thin["tenure_id"])
    assert hit[0].marker.color == "rgba(0,0,0,0)" and hit[0].marker.size >= 14


def test_a_scene_event_near_the_window_edge_keeps_its_title_inside():
    """Scene 12 (the break with Bukharin, window 1928-1930): Rykov's dismissal in December 1930 sits at the
    window's right edge, so its title goes to the left of its mark; Bukharin's removal in November 1929 is
    in the middle and stays centred above its mark."""
    ds = load(ROOT / "data" / "soviet")
    scene = lecture.scenes(ds)[11]
    fig = timeline.figure(ds, window=(scene["start"], scene["end"]), cursor=scene["day"],
                          focus_events=scene["events"])
    trace = _traces(fig, "scene events")[0]
    assert dict(zip(scene["events"], trace.textposition)) == {"bukharin-politburo-expulsion-1929": "top center",
                                                              "rykov-dismissed-1930": "bottom left"}


def test_a_cached_figure_is_the_figure_and_each_caller_gets_its_own_copy():
    ds = load(ROOT / "data" / "soviet")
    args = {"lanes": "office", "colour": "faction", "window": (-19000, -10000), "cursor": -15000}
    first = timeline.cached_figure(ds, **args)
    assert first == timeline.for_browser(timeline.figure(ds, **args).to_plotly_json())
    first["layout"]["shapes"][0]["x0"] = "changed"
    again = timeline.cached_figure(ds, **args)
    assert again["layout"]["shapes"][0]["x0"] != "changed"  # the cache kept its own
    assert timeline.cached_figure(ds, **{**args, "cursor": -14000}) != again  # other arguments, other figure
    assert len(ds.cache["figures"]) == 2
    for i in range(timeline.CACHED_FIGURES + 5):
        timeline.cached_figure(ds, **{**args, "cursor": i})
    assert len(ds.cache["figures"]) == timeline.CACHED_FIGURES


def test_the_browser_gets_the_figure_without_a_template_with_its_meta_as_text_and_a_revision_of_its_content():
    """Dash's Graph copies the layout deeply on every draw: plotly must find a copy the same figure (for_browser)."""
    ds = load(ROOT / "data" / "soviet")
    fig = timeline.figure(ds, cursor=-15000)
    sent = timeline.for_browser(fig.to_plotly_json())
    assert "template" not in sent["layout"]
    assert isinstance(sent["layout"]["meta"], str) and timeline.layout_meta(sent) == fig.layout.meta
    assert sent["data"] == fig.to_plotly_json()["data"]  # the traces as drawn
    again = timeline.for_browser(timeline.figure(ds, cursor=-15000).to_plotly_json())
    other = timeline.for_browser(timeline.figure(ds, cursor=-14000).to_plotly_json())
    assert again["layout"]["datarevision"] == sent["layout"]["datarevision"] != other["layout"]["datarevision"]
    assert timeline.revision([[1, 2], ["a", "b"]]) != timeline.revision([[1, 2], ["a", "c"]])


def test_every_other_organisation_block_is_shaded():
    """Medium, lanes by office: the Party's two lanes, then the Council's; the Council's block (the second)
    gets the band, the Party's does not."""
    medium = load(FIXTURES / "medium")
    fig = timeline.figure(medium)
    positions = {lane: i for i, lane in enumerate(fig.layout.yaxis.categoryarray)}  # bottom-up
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(bands) == 1 and bands[0].xref == "paper" and bands[0].layer == "below"
    band = bands[0]
    covered = {lane for lane, y in positions.items() if band.y0 <= y <= band.y1}
    assert covered == {"Member of the council"}
    # Lanes by person are not grouped by organisation: no bands.
    assert not [s for s in timeline.figure(medium, lanes="person").layout.shapes if s.type == "rect"]


def test_long_lane_names_wrap_onto_two_lines(ds):
    """Mini: the Sovnarkom chair's title (44 characters) is broken at a space before 28, the short one is not."""
    axis = timeline.figure(ds).layout.yaxis
    ticks = dict(zip(axis.tickvals, axis.ticktext))
    assert ticks["Chairman of the Council of People's Commissars"] == "Chairman of the Council of<br>People's Commissars"
    assert ticks["General Secretary"] == "General Secretary"
    # No space early enough: cut at the width; a second line too long ends with "…".
    assert timeline.wrap("A" * 30 + " " + "B" * 40) == "A" * 26 + "<br>AAAA " + "B" * 20 + "…"


def test_a_bar_takes_the_narrowest_faction_at_its_day():
    """Medium: Dina is in the Left faction from 1910 to 1918 and in the Right from 1918 (last attested then, so
    possibly until 1920): in 1918 both hold, and the Right, the narrower, colours her."""
    medium = load(FIXTURES / "medium")
    at = timeline.faction_at(medium, pd.Series(["dina"] * 3), pd.Series([D(1915, 6, 1), D(1918, 6, 1), D(1919, 6, 1)]))
    assert list(at) == ["left", "right", "right"]
    bars = timeline.tenure_bars(medium, colour="faction").set_index("tenure_id")
    assert bars.at["dina-secretary", "colour_label"] == "Left faction"  # from March 1915


def test_a_phone_layout_names_the_same_lanes_in_a_narrower_column(ds):
    fig = timeline.figure(ds)
    fit = fig.layout.meta["fit"]
    wide, narrow = fit["wide"], fit["narrow"]
    assert fit["below"] == timeline.NARROW_PX
    assert wide == {"margin.l": timeline.LANE_LABEL_PX, "yaxis.ticktext": list(fig.layout.yaxis.ticktext)}
    assert narrow["margin.l"] == timeline.NARROW_LABEL_PX < wide["margin.l"]
    assert len(narrow["yaxis.ticktext"]) == len(wide["yaxis.ticktext"])
    for short, full in zip(narrow["yaxis.ticktext"], wide["yaxis.ticktext"]):
        lines = short.split("<br>")
        assert len(lines) <= 2 and all(len(line) <= timeline.NARROW_WRAP for line in lines), short
        assert full.replace("<br>", " ").startswith(lines[0])
    # A slide has its own margins and no phone layout; the axis and the strip follow the lanes.
    assert "fit" not in timeline.figure(ds, fill=True, window=(0, 3650)).layout.meta
    assert timeline.axis_figure().layout.meta["fit"]["narrow"] == {"margin.l": timeline.NARROW_LABEL_PX}
