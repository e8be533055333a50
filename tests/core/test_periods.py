"""The story's period and its preset windows (core/periods.py), on the fixtures' descriptors."""
from conftest import FIXTURES
from dashboard.core import days, periods
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.web import payload


def test_without_declared_periods_there_is_one_preset_per_decade():
    """Medium declares no period: its record (the whole years its rows reach, as the page computes it) runs
    from 1900 to 1937 (Boris's execution), so the presets are the four decades it touches."""
    medium = load(FIXTURES / "medium")
    assert "periods" not in medium.descriptor and "period" not in medium.descriptor
    record = payload.bounds(medium)
    assert record == (D(1900, 1, 1), D(1937, 12, 31))
    assert periods.presets(medium.descriptor, record) == [
        {"label": f"{y}s", "start": days.year_start(y), "end": days.year_end(y + 9)} for y in (1900, 1910, 1920, 1930)]


def test_declared_periods_come_first_and_a_declared_period_bounds_the_decades():
    record = (D(1900, 1, 1), D(1937, 12, 31))
    declared = {"periods": [{"label": "Founding", "start": "1900", "end": "1912"},
                            {"label": "bad", "start": "1930", "end": "1920"}]}  # unreadable: left out
    assert periods.presets(declared, record) == [{"label": "Founding", "start": D(1900, 1, 1), "end": D(1912, 12, 31)}]
    # A declared period, but no readable periods: decades of the period, not of the record.
    only = {"period": {"start": "1915", "end": "1932"}, "periods": [{"start": "1915", "end": "1920"}]}
    assert [p["label"] for p in periods.presets(only, record)] == ["1910s", "1920s", "1930s"]



def test_a_preset_may_be_one_day_and_the_decades_end_with_the_periods_last_year():
    record = (D(1900, 1, 1), D(1937, 12, 31))
    day = {"periods": [{"label": "October", "start": "1917-11-07", "end": "1917-11-07"}]}
    assert periods.presets(day, record) == [{"label": "October", "start": D(1917, 11, 7), "end": D(1917, 11, 7)}]
    assert periods.period({"period": {"start": "1917-11-07", "end": "1917-11-07"}}) == (D(1917, 11, 7), D(1917, 11, 7))
    # 1920-1929 is one decade; 1921-1930 touches two.
    assert [p["label"] for p in periods.presets({"period": {"start": "1920", "end": "1929"}}, record)] == ["1920s"]
    assert [p["label"] for p in periods.presets({"period": {"start": "1921", "end": "1930"}}, record)] == [
        "1920s", "1930s"]
