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
