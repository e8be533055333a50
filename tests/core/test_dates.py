import datetime as dt

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.core import days
from dashboard.core.dates import DateError, parse, resolve

D = days.from_gregorian  # resolved bounds are day numbers


@pytest.mark.parametrize("text, lo, hi, precision", [
    ("1917-11-07", D(1917, 11, 7), D(1917, 11, 7), "day"),
    ("1917-11", D(1917, 11, 1), D(1917, 11, 30), "month"),
    ("1917", D(1917, 1, 1), D(1917, 12, 31), "year"),
    ("1916-02", D(1916, 2, 1), D(1916, 2, 29), "month"),
    ("192X", D(1920, 1, 1), D(1929, 12, 31), "decade"),
    ("19XX", D(1900, 1, 1), D(1999, 12, 31), "century"),
    ("1970-21", D(1970, 3, 1), D(1970, 5, 31), "season"),
])
def test_precisions(text, lo, hi, precision):
    r = resolve(text)
    assert (r.lo, r.hi, r.precision, r.approx) == (lo, hi, precision, False)


@pytest.mark.parametrize("text, lo, hi, label", [
    ("1926~", D(1925, 1, 1), D(1927, 12, 31), "c. 1926"),
    ("1926?", D(1926, 1, 1), D(1926, 12, 31), "1926?"),
    ("1926%", D(1925, 1, 1), D(1927, 12, 31), "c. 1926?"),
    ("1917-11~", D(1917, 10, 1), D(1917, 12, 31), "c. Nov 1917"),
    ("1917-11-07~", D(1917, 10, 31), D(1917, 11, 14), "c. 7 Nov 1917"),
])
def test_approximate_and_uncertain(text, lo, hi, label):
    r = resolve(text)
    assert (r.lo, r.hi, r.label, r.approx) == (lo, hi, label, True)


def test_unknown_and_open():
    assert resolve("").precision == "unknown" and resolve("").lo is None
    assert resolve("..").precision == "open" and resolve("..").label == "open"


@pytest.mark.parametrize("ns, os, expected, label", [
    ("", "1917-10-25", D(1917, 11, 7), "7 Nov 1917 (25 Oct O.S.)"),
    ("1878-12-18", "1878-12-06", D(1878, 12, 18), "18 Dec 1878 (6 Dec O.S.)"),
    ("", "1700-02-29", D(1700, 3, 11), "11 Mar 1700 (29 Feb O.S.)"),  # a Julian-only leap day
    ("", "1700-02-28", D(1700, 3, 10), "10 Mar 1700 (28 Feb O.S.)"),  # 11 days behind before 1 Mar 1700 (O.S.)
    ("", "1800-03-01", D(1800, 3, 13), "13 Mar 1800 (1 Mar O.S.)"),  # 12 days in the 19th century
    ("", "1900-03-01", D(1900, 3, 14), "14 Mar 1900 (1 Mar O.S.)"),  # 13 days after 1 Mar 1900 (O.S.)
    ("", "1917-12-31", D(1918, 1, 13), "13 Jan 1918 (31 Dec 1917 O.S.)"),
    ("", "1918-01-31", D(1918, 2, 13), "13 Feb 1918 (31 Jan O.S.)"),
])
def test_old_style_conversion(ns, os, expected, label):
    r = resolve(ns, os)
    assert (r.lo, r.hi, r.label) == (expected, expected, label)


def test_february_1918_switch():
    # The last Old Style day was followed directly by 14 February 1918 (New Style).
    last_os = resolve("", "1918-01-31").lo
    assert last_os + 1 == D(1918, 2, 14)
    with pytest.raises(DateError, match="after 31 January 1918"):
        resolve("", "1918-02-01")
    with pytest.raises(DateError, match="after 31 January 1918"):
        resolve("", "1918-02")


def test_old_style_month_spans_two_new_style_months():
    r = resolve("", "1917-10")
    assert (r.lo, r.hi, r.label) == (D(1917, 10, 14), D(1917, 11, 13), "Oct 1917 O.S.")


def test_both_calendars_must_agree():
    with pytest.raises(DateError, match="disagree: O.S. 1917-10-25 is N.S. 7 Nov 1917"):
        resolve("1917-11-08", "1917-10-25")
    # A coarser N.S. cell that contains the converted day agrees.
    assert resolve("1917-11", "1917-10-25").lo == D(1917, 11, 7)


@pytest.mark.parametrize("text, message", [
    ("1917-02-30", "Feb 1917 has no day 30"),
    ("1917-13", "impossible month 13"),
    ("7 Nov 1917", "cannot read date"),
    ("1917/11/07", "cannot read date"),
])
def test_bad_dates(text, message):
    with pytest.raises(DateError, match=message):
        resolve(text)


def test_julian_leap_day_only_in_old_style():
    with pytest.raises(DateError, match="Gregorian"):
        resolve("1700-02-29")
    with pytest.raises(DateError, match="Julian"):
        resolve("", "1701-02-29")


def _struct(d):
    return (d.tm_year, d.tm_mon, d.tm_mday)


simple_dates = st.builds(
    lambda y, m, d, q, prec: (f"{y:04d}" + (f"-{m:02d}" if prec >= 2 else "") + (f"-{d:02d}" if prec >= 3 else "") + q),
    st.integers(1000, 2100), st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", "~", "?", "%"]),
    st.integers(1, 3),
)


@given(simple_dates)
def test_fast_path_agrees_with_edtf_library(text):
    ours = parse(text)
    ref = edtf.parse_edtf(text)
    assert ours.lo == _struct(ref.lower_strict()) and ours.hi == _struct(ref.upper_strict())


@given(st.dates(min_value=dt.date(1583, 1, 1), max_value=dt.date(1918, 1, 31)))
def test_julian_round_trip(d):
    g = days.from_julian(d.year, d.month, d.day)
    assert days.to_julian(g) == (d.year, d.month, d.day)
    # the calendars drift 10 to 13 days apart over 1583-1918
    assert 10 <= g - days.from_gregorian(d.year, d.month, d.day) <= 13
