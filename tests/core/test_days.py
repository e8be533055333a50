"""Days as numbers (core/days.py): the epoch, both calendars, the labels people read and calendar steps, on
days whose answers are known."""
import pytest

from dashboard.core import days
from dashboard.core.days import from_gregorian as D


def test_day_zero_is_the_unix_epoch_and_earlier_days_are_negative():
    assert D(1970, 1, 1) == 0 and D(1970, 1, 2) == 1 and D(1969, 12, 31) == -1
    assert days.to_gregorian(0) == (1970, 1, 1)
    assert D(1927, 11, 15) == -15388


def test_the_october_revolution_in_both_calendars():
    # 25 October 1917 old style is 7 November new style.
    assert days.from_julian(1917, 10, 25) == D(1917, 11, 7) == -19048
    assert days.from_calendar((1917, 10, 25), "julian") == D(1917, 11, 7)
    assert days.from_calendar((1917, 11, 7)) == D(1917, 11, 7)
    assert days.to_julian(D(1917, 11, 7)) == (1917, 10, 25)


@pytest.mark.parametrize("year, month, cal, length", [
    (1900, 2, "gregorian", 28), (1900, 2, "julian", 29), (2000, 2, "gregorian", 29), (1927, 4, "gregorian", 30),
    (1927, 12, "julian", 31),
])
def test_month_length_follows_the_calendar(year, month, cal, length):
    assert days.month_length(year, month, cal) == length


def test_labels_have_no_year_zero():
    assert [days.year_label(y) for y in (1927, 1, 0, -499)] == ["1927", "1", "1 BCE", "500 BCE"]
    assert days.label(D(1927, 11, 15)) == "15 Nov 1927"
    assert days.label(D(0, 1, 1)) == "1 Jan 1 BCE"
    assert days.long_label(D(1927, 11, 15)) == "15 November 1927"
    assert days.long_label(D(-43, 3, 15)) == "15 March 44 BCE"
    assert [days.label(D(1927, m, 1)).split()[1] for m in (1, 12)] == ["Jan", "Dec"]


@pytest.mark.parametrize("ymd, text", [
    ((1927, 11, 5), "1927-11-05"), ((0, 1, 1), "0000-01-01"), ((9999, 12, 31), "9999-12-31"),
    ((-43, 3, 15), "-0043-03-15"), ((12000, 1, 1), "+12000-01-01"), ((-1, 12, 31), "-0001-12-31"),
    ((10000, 1, 1), "+10000-01-01"), ((-10000, 1, 1), "-10000-01-01"),
])
def test_iso_writes_a_sign_only_outside_years_0_to_9999(ymd, text):
    assert days.iso(D(*ymd)) == text


@pytest.mark.parametrize("start, months, end", [
    ((1927, 11, 15), 1, (1927, 12, 15)), ((1927, 11, 15), 2, (1928, 1, 15)), ((1927, 1, 15), -1, (1926, 12, 15)),
    ((1928, 1, 31), 1, (1928, 2, 29)), ((1927, 1, 31), 1, (1927, 2, 28)), ((1927, 3, 31), -1, (1927, 2, 28)),
    ((1927, 12, 1), 12, (1928, 12, 1)), ((1927, 6, 30), 0, (1927, 6, 30)),
])
def test_add_months_steps_by_the_calendar_and_clamps_to_the_month_end(start, months, end):
    assert days.to_gregorian(days.add_months(D(*start), months)) == end


def test_a_year_runs_from_its_first_to_its_last_day():
    assert days.year_start(1927) == D(1927, 1, 1) and days.year_end(1927) == D(1927, 12, 31)
    assert days.year_end(1928) - days.year_start(1928) == 365  # a leap year: 366 days
    assert days.year_start(-43) == D(-43, 1, 1)
