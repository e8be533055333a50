"""The timeline of a record that reaches before year 1: day numbers with ticks computed in Python."""
import pytest

from conftest import FIXTURES
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.views import day_axis, timeline


@pytest.fixture(scope="module")
def ancient():
    return load(FIXTURES / "ancient")


@pytest.fixture(scope="module")
def mini():
    return load(FIXTURES / "mini")


def test_a_modern_record_keeps_plotlys_date_axis(mini):
    fig = timeline.figure(mini)
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.tickvals is None
    assert "x_per_day" not in fig.layout.meta
    assert timeline.axis_figure(None, ds=mini).layout.xaxis.type == "date"


def test_a_record_before_year_1_is_drawn_in_day_numbers(ancient):
    assert day_axis.needs_days(ancient)
    fig = timeline.figure(ancient)
    assert fig.layout.xaxis.type == "linear" and fig.layout.meta["x_per_day"] == 1
    # Caesar's dictatorship: surely from the end of 49 BCE (a year) to his death on the Ides of March.
    t = ancient["tenures"].set_index("tenure_id").loc["caesar-dictator"]
    bars = [(b, x) for tr in fig.data if tr.type == "bar" for b, x, c in zip(tr.base, tr.x, tr.customdata)
            if c[0] == "caesar-dictator"]
    assert (t["v_start"], t["v_end"] - t["v_start"] + 1) in bars
    assert t["v_end"] == D(-43, 3, 13)  # 15 March 44 BCE (Julian) is 13 March in the proleptic Gregorian calendar
    # The events, the cursor and the window are day numbers too.
    events = next(tr for tr in fig.data if (tr.meta or {}).get("role") == "events")
    assert min(events.x) == pytest.approx(D(-48, 1, 8) + 0.5)  # the Rubicon, 10 January 49 BCE (O.S.)
    fig = timeline.figure(ancient, window=(D(-50, 1, 1), D(-40, 12, 31)), cursor=D(-43, 3, 13))
    assert fig.layout.shapes[0].x0 == D(-43, 3, 13)
    assert list(fig.layout.xaxis.range) == [D(-50, 1, 1), D(-39, 1, 1)]


def test_ticks_read_as_historians_count_years(ancient):
    fig = timeline.figure(ancient, window=(D(-50, 1, 1), D(-40, 12, 31)))
    assert list(fig.layout.xaxis.ticktext) == ["50 BCE", "48 BCE", "46 BCE", "44 BCE", "42 BCE", "40 BCE"]
    assert list(fig.layout.xaxis.tickvals) == [D(y, 1, 1) for y in (-49, -47, -45, -43, -41, -39)]
    # The sticky axis above the lanes has the same ticks.
    axis = timeline.axis_figure((D(-50, 1, 1), D(-40, 12, 31)), ds=ancient)
    assert list(axis.layout.xaxis.ticktext) == list(fig.layout.xaxis.ticktext) and axis.layout.xaxis.type == "linear"


@pytest.mark.parametrize("window, labels", [
    ((D(-499, 1, 1), D(1500, 12, 31)), ["500 BCE", "1 CE", "500 CE", "1000 CE", "1500 CE"]),  # no year zero
    ((D(-50, 1, 1), D(20, 1, 1)), ["40 BCE", "20 BCE", "1 CE", "20 CE"]),
    ((D(-43, 1, 1), D(-40, 1, 1)), ["44 BCE", "43 BCE", "42 BCE", "41 BCE"]),
    ((D(-44, 1, 1), D(-43, 12, 31)), ["Jan 45 BCE", "Jul 45 BCE", "Jan 44 BCE", "Jul 44 BCE"]),  # zoomed in: months
    ((D(-43, 3, 10), D(-43, 3, 20)), ["11 Mar 44 BCE", "13 Mar 44 BCE", "15 Mar 44 BCE", "17 Mar 44 BCE",
                                      "19 Mar 44 BCE"]),  # further: days
    ((D(-9999, 1, 1), D(9999, 12, 31)), ["10000 BCE", "5000 BCE", "1 CE", "5000 CE"]),
])
def test_ticks_for_a_window(window, labels):
    vals, text = day_axis.ticks(*window)
    assert text == labels
    assert all(window[0] <= v <= window[1] for v in vals) and vals == sorted(vals)


def test_slides_get_fewer_ticks(ancient):
    fig = timeline.figure(ancient, window=(D(-50, 1, 1), D(-40, 12, 31)), fill=True)
    assert 2 <= len(fig.layout.xaxis.ticktext) <= day_axis.SLIDE_TICKS


@pytest.mark.parametrize("window, labels", [
    ((D(1, 1, 1), D(10, 12, 31)), ["2 CE", "4 CE", "6 CE", "8 CE", "10 CE"]),  # from the first year of the era
    ((D(1, 1, 1), D(30, 12, 31)), ["1 CE", "10 CE", "20 CE", "30 CE"]),  # from its first day
    ((D(-5, 1, 1), D(1, 12, 31)), ["6 BCE", "4 BCE", "2 BCE"]),  # to it
    ((D(0, 1, 1), D(3, 12, 31)), ["1 BCE", "1 CE", "2 CE", "3 CE"]),
    ((D(-3, 1, 1), D(0, 12, 31)), ["4 BCE", "3 BCE", "2 BCE", "1 BCE"]),  # to the last year before it
    ((D(-2, 1, 1), D(2, 1, 1)), ["3 BCE", "2 BCE", "1 BCE", "1 CE", "2 CE"]),
    ((D(-7, 1, 1), D(2, 1, 1)), ["8 BCE", "6 BCE", "4 BCE", "2 BCE", "2 CE"]),  # a step of 2 counts from 2 CE
    ((D(-20, 1, 1), D(5, 12, 31)), ["20 BCE", "15 BCE", "10 BCE", "5 BCE", "1 CE", "5 CE"]),
    ((D(-1, 1, 1), D(12, 1, 1)), ["1 CE", "5 CE", "10 CE"]),
    ((D(-100, 1, 1), D(0, 1, 1)), ["100 BCE", "80 BCE", "60 BCE", "40 BCE", "20 BCE"]),
    ((D(101, 1, 1), D(160, 1, 1)), ["110 CE", "120 CE", "130 CE", "140 CE", "150 CE", "160 CE"]),
    ((D(-43, 1, 1), D(-41, 1, 1)), ["44 BCE", "43 BCE", "42 BCE"]),  # three years rather than five half-years
    ((D(5, 3, 15), D(5, 9, 1)), ["Apr 5 CE", "May 5 CE", "Jun 5 CE", "Jul 5 CE", "Aug 5 CE", "Sep 5 CE"]),
    ((D(1990, 1, 1), D(1990, 6, 30)), ["Jan 1990 CE", "Feb 1990 CE", "Mar 1990 CE", "Apr 1990 CE", "May 1990 CE",
                                       "Jun 1990 CE"]),
    ((D(-43, 3, 10), D(-43, 3, 15)), ["10 Mar 44 BCE", "11 Mar 44 BCE", "12 Mar 44 BCE", "13 Mar 44 BCE",
                                      "14 Mar 44 BCE", "15 Mar 44 BCE"]),  # six days: each of them
    ((D(-43, 3, 15), D(-43, 3, 16)), ["15 Mar 44 BCE", "16 Mar 44 BCE"]),  # two fit: two
    ((D(-43, 3, 15), D(-43, 3, 15)), ["15 Mar 44 BCE"]),  # one day: its own
])
def test_ticks_around_the_start_of_the_era_and_at_the_limits_of_a_unit(window, labels):
    vals, text = day_axis.ticks(*window)
    assert text == labels
    assert all(window[0] <= v <= window[1] for v in vals) and vals == sorted(vals)


def test_to_day_numbers_converts_every_x_of_every_trace():
    """Bars' x and bases, a line's gaps (None), error bars, shapes on the x axis; a trace without x is left."""
    import plotly.graph_objects as go

    ms = day_axis.DAY_MS
    fig = go.Figure([go.Bar(x=[2 * ms, 3 * ms], base=[ms, 4 * ms], y=["a", "b"], orientation="h",
                            error_x={"type": "data", "array": [ms, 2 * ms]}),
                     go.Scatter(x=[0, ms, None, 5 * ms], y=[1, 1, None, 1]),
                     go.Pie(values=[1, 2])])
    fig.add_shape(type="line", xref="x", x0=ms, x1=3 * ms, yref="paper", y0=0, y1=1)
    fig.add_shape(type="line", xref="paper", x0=0.5, x1=0.5, yref="paper", y0=0, y1=1)
    day_axis.to_day_numbers(fig)
    bar, line, _pie = fig.data
    assert list(bar.x) == [2, 3] and list(bar.base) == [1, 4] and list(bar.error_x.array) == [1, 2]
    assert list(line.x) == [0, 1, None, 5]
    assert (fig.layout.shapes[0].x0, fig.layout.shapes[0].x1) == (1, 3)
    assert (fig.layout.shapes[1].x0, fig.layout.shapes[1].x1) == (0.5, 0.5)


def test_month_ticks_fall_on_the_first_of_each_month_to_the_last_day():
    vals, text = day_axis.ticks(D(1990, 1, 1), D(1990, 6, 1))
    assert vals == [D(1990, m, 1) for m in range(1, 7)] and text[-1] == "Jun 1990 CE"


def test_the_record_span_is_every_drawn_tenure_and_every_event_date():
    """A one-day tenure counts, one never in force does not, nor an open end (NEVER); an event's end counts."""
    import pandas as pd

    never = day_axis.NEVER
    ds = {"tenures": pd.DataFrame({"v_lo": [-5000, 10, 20, 9000], "v_hi": [-5000, 15, never, 8000]}),
          "events": pd.DataFrame({"date_lo": [30, 35], "date_hi": [40, 36], "end_hi": [None, 38]})}
    assert day_axis.record_span(ds) == (-5000, 40)
    empty = {"tenures": pd.DataFrame({"v_lo": [], "v_hi": []}),
             "events": pd.DataFrame({"date_lo": [], "date_hi": [], "end_hi": []})}
    assert day_axis.record_span(empty) is None and not day_axis.needs_days(empty)
    first = {"tenures": pd.DataFrame({"v_lo": [day_axis.FIRST_DATE_DAY], "v_hi": [day_axis.FIRST_DATE_DAY + 9]}),
             "events": empty["events"]}
    assert not day_axis.needs_days(first)  # 1 January of year 1 is on plotly's date axis


def test_x_axis_settings(mini, ancient):
    assert day_axis.x_axis(mini) == day_axis.XAxis({}, day_axis.DAY_MS)
    assert day_axis.x_axis(ancient).settings["range"] is None  # the whole record, no range of its own
    # The window's last day is drawn to its end, not a day further: 1 January 44 BCE is no tick of a window
    # ending on 30 December 45 BCE.
    axis = day_axis.x_axis(ancient, window=(D(-46, 1, 1), D(-44, 12, 30)))
    assert list(axis.settings["ticktext"]) == ["47 BCE", "46 BCE", "45 BCE"]
