import contextlib
import datetime as dt
import io
import re

import edtf
import pytest
from edtf.parser.edtf_exceptions import EDTFParseException
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard.core import days
from dashboard.core.dates import (
    EXAMPLES,
    RUSSIA,
    DateError,
    Switch,
    _evaluate,
    _part,
    parse,
    resolve,
    single,
    switch_of,
)

D = days.from_gregorian  # resolved bounds are day numbers
PROPERTY = settings(derandomize=True, deadline=None, database=None, max_examples=400)


def _day(iso: str | None) -> int | None:
    """'1985-04-12' (or '-0499-01-01') as a day number."""
    if iso is None:
        return None
    sign = -1 if iso.startswith("-") else 1
    y, m, d = iso.lstrip("-").split("-")
    return D(sign * int(y), int(m), int(d))


# ---------------------------------------------------------------------------------------------------------------
# The Library of Congress EDTF specification's examples (2019), levels 0, 1 and 2: bounds, precision, label.

LOC = [
    # level 0: date, date and time, interval
    ("1985-04-12", "1985-04-12", "1985-04-12", "day", "12 Apr 1985"),
    ("1985-04", "1985-04-01", "1985-04-30", "month", "Apr 1985"),
    ("1985", "1985-01-01", "1985-12-31", "year", "1985"),
    ("1985-04-12T23:20:30", "1985-04-12", "1985-04-12", "day", "12 Apr 1985, 23:20:30 local time"),
    ("1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", "day", "12 Apr 1985, 23:20:30 UTC"),
    ("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12", "day", "12 Apr 1985, 23:20:30 UTC-04"),
    ("1985-04-12T23:20:30+04:30", "1985-04-12", "1985-04-12", "day", "12 Apr 1985, 23:20:30 UTC+04:30"),
    ("1964/2008", "1964-01-01", "2008-12-31", "interval", "1964–2008"),
    ("2004-06/2006-08", "2004-06-01", "2006-08-31", "interval", "Jun 2004 – Aug 2006"),
    ("2004-02-01/2005-02-08", "2004-02-01", "2005-02-08", "interval", "1 Feb 2004 – 8 Feb 2005"),
    ("2004-02-01/2005-02", "2004-02-01", "2005-02-28", "interval", "1 Feb 2004 – Feb 2005"),
    ("2004-02-01/2005", "2004-02-01", "2005-12-31", "interval", "1 Feb 2004 – 2005"),
    ("2005/2006-02", "2005-01-01", "2006-02-28", "interval", "2005 – Feb 2006"),
    # level 1: seasons, qualification, unspecified digits from the right, extended intervals, negative years
    ("2001-21", "2001-03-01", "2001-05-31", "season", "spring 2001"),
    ("1984?", "1984-01-01", "1984-12-31", "year", "1984?"),
    ("2004-06~", "2004-05-01", "2004-07-31", "month", "c. Jun 2004"),
    ("2004-06-11%", "2004-06-04", "2004-06-18", "day", "c. 11 Jun 2004?"),
    ("201X", "2010-01-01", "2019-12-31", "decade", "2010s"),
    ("20XX", "2000-01-01", "2099-12-31", "century", "2000–2099"),
    ("2004-XX", "2004-01-01", "2004-12-31", "year", "2004, month unknown"),
    ("1985-04-XX", "1985-04-01", "1985-04-30", "month", "Apr 1985, day unknown"),
    ("1985-XX-XX", "1985-01-01", "1985-12-31", "year", "1985, month and day unknown"),
    ("1985-04-12/..", "1985-04-12", None, "interval", "from 12 Apr 1985"),
    ("1985-04/..", "1985-04-01", None, "interval", "from Apr 1985"),
    ("1985/..", "1985-01-01", None, "interval", "from 1985"),
    ("../1985-04-12", None, "1985-04-12", "interval", "until 12 Apr 1985"),
    ("../1985-04", None, "1985-04-30", "interval", "until Apr 1985"),
    ("../1985", None, "1985-12-31", "interval", "until 1985"),
    ("1985-04-12/", "1985-04-12", None, "interval", "from 12 Apr 1985, end unknown"),
    ("1985-04/", "1985-04-01", None, "interval", "from Apr 1985, end unknown"),
    ("1985/", "1985-01-01", None, "interval", "from 1985, end unknown"),
    ("/1985-04-12", None, "1985-04-12", "interval", "until 12 Apr 1985, start unknown"),
    ("/1985-04", None, "1985-04-30", "interval", "until Apr 1985, start unknown"),
    ("/1985", None, "1985-12-31", "interval", "until 1985, start unknown"),
    ("-1985", "-1985-01-01", "-1985-12-31", "year", "1986 BCE"),
    ("1984~/2004-06", "1983-01-01", "2004-06-30", "interval", "c. 1984 – Jun 2004"),
    ("1984/2004-06~", "1984-01-01", "2004-07-31", "interval", "1984 – c. Jun 2004"),
    ("1984~/2004~", "1983-01-01", "2005-12-31", "interval", "c. 1984 – c. 2004"),
    ("1984?/2004%", "1984-01-01", "2005-12-31", "interval", "1984? – c. 2004?"),
    ("1984-06?/2004-08?", "1984-06-01", "2004-08-31", "interval", "Jun 1984? – Aug 2004?"),
    ("1984-06-02?/2004-08-08~", "1984-06-02", "2004-08-15", "interval", "2 Jun 1984? – c. 8 Aug 2004"),
    ("1984-06-02?/", "1984-06-02", None, "interval", "from 2 Jun 1984?, end unknown"),
    # level 2: significant digits, seasons 21-41, sets, qualification of parts, unspecified digits anywhere,
    # intervals with either
    ("1950S2", "1900-01-01", "1999-12-31", "century", "1900–1999 (estimated 1950)"),
    ("2001-34", "2001-04-01", "2001-06-30", "season", "Q2 2001"),
    ("[1667,1668,1670..1672]", "1667-01-01", "1672-12-31", "set", "one of 1667, 1668, 1670–1672"),
    ("[..1760-12-03]", None, "1760-12-03", "set", "3 Dec 1760 or earlier"),
    ("[1760-12..]", "1760-12-01", None, "set", "Dec 1760 or later"),
    ("[1760-01,1760-02,1760-12..]", "1760-01-01", None, "set", "one of Jan 1760, Feb 1760, Dec 1760 or later"),
    ("[1667,1760-12]", "1667-01-01", "1760-12-31", "set", "one of 1667, Dec 1760"),
    ("[..1984]", None, "1984-12-31", "set", "1984 or earlier"),
    ("{1667,1668,1670..1672}", "1667-01-01", "1672-12-31", "set", "all of 1667, 1668, 1670–1672"),
    ("{1960,1961-12}", "1960-01-01", "1961-12-31", "set", "all of 1960, Dec 1961"),
    ("{..1984}", None, "1984-12-31", "set", "all of 1984 and earlier"),
    ("2004-06~-11", "2004-05-11", "2004-07-11", "day", "11 Jun 2004 (year and month approximate)"),
    ("2004?-06-11", "2004-06-11", "2004-06-11", "day", "11 Jun 2004 (year uncertain)"),
    ("?2004-06-~11", "2004-06-04", "2004-06-18", "day", "11 Jun 2004 (year uncertain, day approximate)"),
    ("2004-%06-11", "2004-05-11", "2004-07-11", "day", "11 Jun 2004 (month uncertain and approximate)"),
    ("156X-12-25", "1560-12-25", "1569-12-25", "decade", "25 Dec, year 1560s"),
    ("15XX-12-25", "1500-12-25", "1599-12-25", "century", "25 Dec, year 1500–1599"),
    ("XXXX-12-XX", "0000-12-01", "9999-12-31", "millennium", "Dec, year unknown, day unknown"),
    ("1XXX-XX", "1000-01-01", "1999-12-31", "millennium", "1000–1999, month unknown"),
    ("1XXX-12", "1000-12-01", "1999-12-31", "millennium", "Dec, year 1000–1999"),
    ("1984-1X-XX", "1984-10-01", "1984-12-31", "year", "Oct–Dec 1984, day unknown"),
    ("2004-06-~01/2004-06-~20", "2004-05-25", "2004-06-27", "interval",
     "1 Jun 2004 (day approximate) – 20 Jun 2004 (day approximate)"),
    ("2004-06-XX/2004-07-03", "2004-06-01", "2004-07-03", "interval", "Jun 2004, day unknown – 3 Jul 2004"),
]

# What the specification allows and the dashboard refuses, with the message.
LOC_REFUSED = [
    ("Y170000002", "out of the supported range (years -9999 to 9999)"),
    ("Y-170000002", "out of the supported range"),
    ("Y-17E7", "out of the supported range"),
    ("Y171010000S3", "out of the supported range"),
    ("Y3388E2S3", "out of the supported range"),
]


def test_the_table_holds_at_least_40_of_the_specification_examples():
    assert len({text for text, *_ in LOC}) >= 40


@pytest.mark.parametrize("text, lo, hi, precision, label", LOC)
def test_specification_examples(text, lo, hi, precision, label):
    p = parse(text)
    assert (p.lo, p.hi, p.precision, p.label) == (_day(lo), _day(hi), precision, label)
    assert edtf.parse_edtf(text) is not None  # the reference grammar accepts it too


@pytest.mark.parametrize("text, message", LOC_REFUSED)
def test_specification_examples_beyond_the_years_shown_are_refused(text, message):
    with pytest.raises(DateError, match=re.escape(message)):
        parse(text)


@pytest.mark.parametrize("text, lo, hi, precision, label", [
    ("-0499", "-0499-01-01", "-0499-12-31", "year", "500 BCE"),  # astronomical years: -0499 is 500 BCE
    ("0000", "0000-01-01", "0000-12-31", "year", "1 BCE"),
    ("-0043-03-15", "-0043-03-15", "-0043-03-15", "day", "15 Mar 44 BCE"),
    ("-156X", "-1569-01-01", "-1560-12-31", "decade", "1570–1561 BCE"),  # not "the 1560s BCE": those are -1568..-1559
    ("000X", "0000-01-01", "0009-12-31", "decade", "1 BCE–9 CE"),
    ("19X5", "1905-01-01", "1995-12-31", "century", "a year 19X5 (1905–1995)"),
    ("1985-XX-25", "1985-01-25", "1985-12-25", "year", "day 25 of a month, 1985"),
    ("1984-X1", "1984-01-01", "1984-11-30", "year", "Jan or Nov 1984"),
    ("1984-04-1X", "1984-04-10", "1984-04-19", "month", "10–19 Apr 1984"),
    ("2001-24", "2001-12-01", "2002-02-28", "season", "winter 2001"),  # the winter that begins in Dec 2001
    ("2001-30", "2001-12-01", "2002-02-28", "season", "summer 2001 (southern hemisphere)"),
    ("2001-38", "2001-05-01", "2001-08-31", "season", "May–Aug 2001"),
    ("2001-41", "2001-07-01", "2001-12-31", "season", "second half of 2001"),
    ("192X~", "1915-01-01", "1934-12-31", "decade", "c. 1920s"),
    ("1985-04-XX~", "1985-03-01", "1985-05-31", "month", "c. Apr 1985, day unknown"),
    ("[1667, 1668, 1670 .. 1672]", "1667-01-01", "1672-12-31", "set", "one of 1667, 1668, 1670–1672"),
])
def test_honest_labels(text, lo, hi, precision, label):
    p = parse(text)
    assert (p.lo, p.hi, p.precision, p.label) == (_day(lo), _day(hi), precision, label)


def test_twenty_xx_is_a_century_of_years_not_a_decade():
    assert parse("20XX").label == "2000–2099" and parse("202X").label == "2020s"


@pytest.mark.parametrize("text, lo, hi, precision", [
    ("1917-11-07", D(1917, 11, 7), D(1917, 11, 7), "day"),
    ("1917-11", D(1917, 11, 1), D(1917, 11, 30), "month"),
    ("1917", D(1917, 1, 1), D(1917, 12, 31), "year"),
    ("1916-02", D(1916, 2, 1), D(1916, 2, 29), "month"),
    ("192X", D(1920, 1, 1), D(1929, 12, 31), "decade"),
    ("19XX", D(1900, 1, 1), D(1999, 12, 31), "century"),
    ("1970-21", D(1970, 3, 1), D(1970, 5, 31), "season"),
    ("1964/2008", D(1964, 1, 1), D(2008, 12, 31), "interval"),
    ("[1667,1668,1670..1672]", D(1667, 1, 1), D(1672, 12, 31), "set"),
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


# ---------------------------------------------------------------------------------------------------------------
# A cell holds one span: an interval or set with an open or unknown bound is refused, saying what to write


@pytest.mark.parametrize("text, message, hint", [
    ("1985-04/..", "'1985-04/..' is an interval with an open end, not a single date",
     "give its start (1985-04) in the start column and '..' in the end column"),
    ("../1985", "'../1985' is an interval with an open start, not a single date",
     "give its end (1985) in the end column"),
    ("1985-04-12/", "'1985-04-12/' is an interval with an unknown end, not a single date",
     "give its start (1985-04-12) in the start column and leave the end column empty"),
    ("/1985", "an unknown start", "give its end (1985) in the end column"),
    ("[..1760-12-03]", "'[..1760-12-03]' has no earliest day", "list the dates of the set"),
])
def test_a_cell_refuses_open_intervals_with_what_to_write(text, message, hint):
    with pytest.raises(DateError) as e:
        resolve(text)
    assert message in str(e.value) and hint in e.value.hint
    with pytest.raises(DateError):
        single(text)


@pytest.mark.parametrize("text, message", [
    ("1917-02-30", "Feb 1917 has no day 30"),
    ("2001-02-29", "Feb 2001 has no day 29 in the Gregorian calendar"),
    ("1917-13", "impossible month 13"),
    ("7 Nov 1917", "write 1917-11-07"),
    ("April 1922", "write 1922-04"),
    ("1917/11/07", "write 1917-11-07"),
    ("07.11.1917", "1917-11-07 if 07 is the day"),
    ("1926-1927", "write 1926/1927 (an interval: EDTF separates its ends with /)"),
    ("c. 1926", "write 1926~"),
    ("1920s", "write 192X"),
    ("500 BC", "write -0499"),
    ("476", "write 0476"),
    ("1917-1-7", "write 1917-01-07"),
    ("10000", "years run from -9999 to 9999"),
    ("Y1E3", "write the year with four digits: 1000"),
    ("²", "write the digits as ASCII 0-9"),
    ("١٩٢٧", "write the digits as ASCII 0-9"),
    ("1927-١١", "write the digits as ASCII 0-9"),
    ("../..", "an interval needs a date at one end at least"),
    ("2008/1964", "ends before it starts"),
    ("[1667]", "a set lists two dates or more"),
    ("-0000", "cannot read date"),
    ("1927-11-15" + "~" * 400, "not a date"),
])
def test_bad_dates(text, message):
    with pytest.raises(DateError) as e:
        resolve(text)
    assert message in f"{e.value} {e.value.hint}"


@pytest.mark.parametrize("text, message", [
    ("?-0000-01", "cannot read date '?-0000-01'"),  # no negative zero, with qualified parts either
    ("-0000?-01", "cannot read date '-0000?-01'"),
    ("-0000-XX", "cannot read date '-0000-XX'"),
    ("-X1XX", "cannot read date '-X1XX'"),  # a signed year's X digits come last (level 1)
    ("1917-2X", "cannot read date '1917-2X'"),  # no month is 20-29
    # A set's range ends and bounds are plain dates: no season (and no hint that repeats the cell),
    # no X digits, no qualifier.
    ("[1917-21..1918]", "cannot read date '1917-21'"),
    ("[..192X]", "cannot read date '[..192X]'"),
    ("[1917~..1918]", "cannot read date '[1917~..1918]'"),
])
def test_forms_outside_the_grammar_are_refused_with_the_examples(text, message):
    with pytest.raises(DateError) as e:
        parse(text)
    assert (str(e.value), e.value.cell, e.value.hint) == (f"{message}: write {EXAMPLES}", "ns", "")


@pytest.mark.parametrize("text, lo, hi, label", [
    ("-1XXX", D(-1999, 1, 1), D(-1000, 12, 31), "2000–1001 BCE"),
    ("1917-11-2X", D(1917, 11, 20), D(1917, 11, 29), "20–29 Nov 1917"),
    # The latest 29 February of the 1900s is 1996's: every year is tried, not only some.
    ("19XX-02-29", D(1904, 2, 29), D(1996, 2, 29), "29 Feb, year 1904–1996"),
    # Approximate with the month unknown: the margin is a year, not a month.
    ("1917-XX~", D(1916, 1, 1), D(1918, 12, 31), "c. 1917, month unknown"),
    # An approximate season (a level 1 interval's end): a month's margin, and "c." for the whole.
    ("1917-21~/1918", D(1917, 2, 1), D(1918, 12, 31), "c. spring 1917 – 1918"),
])
def test_unspecified_digits_and_qualified_seasons_where_they_are_allowed(text, lo, hi, label):
    p = parse(text)
    assert (p.lo, p.hi, p.label) == (lo, hi, label)


OUT_OF_RANGE = ("the dashboard shows years -9999 to 9999; give the nearest date it can show, and the exact one "
                "in a note")


@pytest.mark.parametrize("text, message, hint", [
    ("Y9999", "cannot read date 'Y9999' as written", "write the year with four digits: 9999"),
    ("Y999E1", "cannot read date 'Y999E1' as written", "write the year with four digits: 9990"),
    ("Y-1E3", "cannot read date 'Y-1E3' as written", "write the year with four digits: -1000"),
    ("Y1E4", "date 'Y1E4' is out of the supported range (years -9999 to 9999)", OUT_OF_RANGE),
    ("Y10000", "date 'Y10000' is out of the supported range (years -9999 to 9999)", OUT_OF_RANGE),
])
def test_a_long_year_within_four_digits_is_rewritten_and_a_longer_one_refused(text, message, hint):
    with pytest.raises(DateError) as e:
        parse(text)
    assert (str(e.value), e.value.hint) == (message, hint)


def test_an_error_names_the_cell_at_fault_and_has_a_hint_only_when_there_is_one():
    with pytest.raises(DateError) as e:
        resolve("1917-02-30")
    assert (str(e.value), e.value.cell, e.value.hint) == (
        "impossible date '1917-02-30': Feb 1917 has no day 30 in the Gregorian calendar", "ns", "")
    with pytest.raises(DateError) as e:
        resolve("1917-11-07", "1917-02-30")
    assert e.value.cell == "os"


def test_julian_leap_day_only_in_old_style():
    with pytest.raises(DateError, match="Gregorian"):
        resolve("1700-02-29")
    with pytest.raises(DateError, match="Julian"):
        resolve("", "1701-02-29")


# ---------------------------------------------------------------------------------------------------------------
# Old Style: Julian dates of any year, checked against the dataset's switch to the Gregorian calendar


@pytest.mark.parametrize("ns, os, expected, label", [
    ("", "1917-10-25", D(1917, 11, 7), "7 Nov 1917 (25 Oct O.S.)"),
    ("1878-12-18", "1878-12-06", D(1878, 12, 18), "18 Dec 1878 (6 Dec O.S.)"),
    ("", "1700-02-29", D(1700, 3, 11), "11 Mar 1700 (29 Feb O.S.)"),  # a Julian-only leap day
    ("", "1700-02-28", D(1700, 3, 10), "10 Mar 1700 (28 Feb O.S.)"),  # 11 days behind before 1 Mar 1700 (O.S.)
    ("", "1800-03-01", D(1800, 3, 13), "13 Mar 1800 (1 Mar O.S.)"),  # 12 days in the 19th century
    ("", "1900-03-01", D(1900, 3, 14), "14 Mar 1900 (1 Mar O.S.)"),  # 13 days after 1 Mar 1900 (O.S.)
    ("", "1917-12-31", D(1918, 1, 13), "13 Jan 1918 (31 Dec 1917 O.S.)"),
    ("", "1918-01-31", D(1918, 2, 13), "13 Feb 1918 (31 Jan O.S.)"),
    ("", "-0043-03-15", D(-43, 3, 13), "13 Mar 44 BCE (15 Mar O.S.)"),  # the Ides of March, 44 BCE
    ("", "1066-10-14", D(1066, 10, 20), "20 Oct 1066 (14 Oct O.S.)"),  # Hastings: 6 days behind then
    ("", "0000-02-29", D(0, 2, 27), "27 Feb 1 BCE (29 Feb O.S.)"),  # year 0 is a leap year; Julian 2 days ahead
])
def test_old_style_conversion(ns, os, expected, label):
    r = resolve(ns, os)
    assert (r.lo, r.hi, r.label) == (expected, expected, label)


BRITAIN = Switch((1752, 9, 2), True)
SPAIN = Switch((1582, 10, 4), True)


@pytest.mark.parametrize("switch, last_os, first_ns, after", [
    # Russia: 31 January 1918 (O.S.) was followed by 14 February 1918 (N.S.)
    (RUSSIA, "1918-01-31", D(1918, 2, 14), "1918-02-01"),
    # Britain and its colonies: Wednesday 2 September 1752 was followed by Thursday 14 September
    (BRITAIN, "1752-09-02", D(1752, 9, 14), "1752-09-03"),
    # Spain, Portugal, the Papal States, Poland: Thursday 4 October 1582, then Friday 15 October
    (SPAIN, "1582-10-04", D(1582, 10, 15), "1582-10-05"),
])
def test_old_style_across_the_switch(switch, last_os, first_ns, after):
    last = resolve("", last_os, switch)
    assert last.lo + 1 == first_ns  # no day lost or doubled: the next day is the first New Style one
    assert dt.date(1970, 1, 1) + dt.timedelta(days=last.lo + 1) == dt.date.fromordinal(
        dt.date(1970, 1, 1).toordinal() + first_ns)
    with pytest.raises(DateError) as e:
        resolve("", after, switch)
    y, m, d = switch.last_os
    assert f"is after {d} {days.MONTH_NAMES[m - 1]} {y}" in str(e.value) and e.value.cell == "os"
    assert ("Russia's last Old Style day" in str(e.value)) == (switch is RUSSIA)
    with pytest.raises(DateError):
        resolve("", after[:7], switch)  # a month that reaches past the switch
    # The same day in New Style, after the switch, is fine.
    assert resolve(days.iso(first_ns), "", switch).lo == first_ns


def test_british_old_style_dates_are_fine_until_their_own_switch():
    assert resolve("", "1750-03-24", BRITAIN).label == "4 Apr 1750 (24 Mar O.S.)"
    with pytest.raises(DateError, match="after 31 January 1918"):
        resolve("", "1920-05-01")  # Russia's switch does not hold a British dataset back ...
    assert resolve("", "1752-09-02", BRITAIN).lo == D(1752, 9, 13)  # ... nor this under its own


@pytest.mark.parametrize("descriptor, switch, problem", [
    ({}, RUSSIA, None),
    ({"calendar": {"julian_until": "1752-09-02"}}, BRITAIN, None),
    ({"calendar": {"julian_until": "1582-10-04"}}, SPAIN, None),
    ({"calendar": {"julian_until": "1752-09"}}, RUSSIA, "must be one day"),
    ({"calendar": {"julian_until": "1752-02-30"}}, RUSSIA, "is not a date"),
    ({"calendar": {"julian_until": 1752}}, RUSSIA, "must be an object with julian_until"),
    ({"calendar": "Britain"}, RUSSIA, "must be an object with julian_until"),
])
def test_switch_from_the_descriptor(descriptor, switch, problem):
    got, message = switch_of(descriptor)
    assert got == switch
    assert (message is None) if problem is None else (problem in message)


def test_a_declared_switch_says_in_whole_what_is_wrong_and_where_it_is_declared():
    assert switch_of([]) == (RUSSIA, None)  # a datapackage.json that is not an object: its checks say so
    assert switch_of({"calendar": "Britain"})[1] == (
        "calendar must be an object with julian_until, the last Old Style day, as an EDTF day")
    # Only one day will do: an approximate or an uncertain one is refused alike.
    for text in ("1752-09-02~", "1752-09-02?"):
        assert switch_of({"calendar": {"julian_until": text}}) == (
            RUSSIA, f"calendar.julian_until ('{text}') must be one day, such as 1752-09-02")
    # Written in Old Style: 29 February 1700 was a day in the Julian calendar, not in the Gregorian.
    assert switch_of({"calendar": {"julian_until": "1700-02-29"}}) == (Switch((1700, 2, 29), True), None)
    assert BRITAIN.after("1760-01-01") == (
        "Old Style date '1760-01-01' is after 2 September 1752, the last Old Style day of this dataset's sources "
        "(calendar.julian_until in datapackage.json)")


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


def test_approximate_old_style_day_is_labelled_by_its_day_not_its_margin():
    r = resolve("", "1917-10-25~")
    assert r.label == "c. 7 Nov 1917 (25 Oct O.S.)"
    assert (r.lo, r.hi) == (D(1917, 11, 7) - 7, D(1917, 11, 7) + 7)


def test_approximate_years_widen_alike_in_both_calendars():
    ns, os = resolve("1916~"), resolve("", "1916~")
    assert ns.hi - ns.lo == os.hi - os.lo  # one year either side, in the calendar the cell is written in
    assert (os.lo, os.hi) == (days.from_julian(1915, 1, 1), days.from_julian(1917, 12, 31))
    # What the cell says (c. 1917), not its margin, is checked against the switch.
    assert resolve("", "1917~").hi == days.from_julian(1918, 12, 31)


def test_old_style_forms_beyond_a_day():
    assert resolve("", "1917-21").label == "spring 1917 O.S."
    assert resolve("", "1905/1907").label == "1905–1907 O.S."
    assert resolve("", "[1667,1668]").lo == days.from_julian(1667, 1, 1)


def test_both_calendars_must_agree():
    with pytest.raises(DateError, match="disagree: O.S. 1917-10-25 is N.S. 7 Nov 1917"):
        resolve("1917-11-08", "1917-10-25")
    # A coarser N.S. cell that contains the converted day agrees.
    assert resolve("1917-11", "1917-10-25").lo == D(1917, 11, 7)


# ---------------------------------------------------------------------------------------------------------------
# Properties (derandomized: the same examples on every run)

Q = st.sampled_from(["", "", "", "~", "?", "%"])


@st.composite
def years(draw):
    kind = draw(st.integers(0, 9))
    if kind < 6:
        return f"{draw(st.integers(0, 2100)):04d}"
    if kind < 7:
        return "-" + f"{draw(st.integers(1, 9999)):04d}"
    digits = list(f"{draw(st.integers(0, 9999)):04d}")
    for i in draw(st.sets(st.integers(0, 3), min_size=1)):
        digits[i] = "X"
    return draw(st.sampled_from(["", "", "", "-"])) + "".join(digits)


@st.composite
def parts(draw):
    """One EDTF date, and whether it has a day."""
    maybe = st.one_of(st.just(""), Q)
    y = draw(maybe) * draw(st.booleans()) + draw(years()) + draw(maybe)
    if draw(st.integers(0, 9)) == 0:
        y += f"S{draw(st.integers(1, 3))}"
    n = draw(st.integers(0, 2))
    if n == 0:
        return y, False
    month = draw(st.one_of(st.integers(1, 12).map(lambda m: f"{m:02d}"), st.integers(13, 45).map(str),
                           st.sampled_from(["XX", "0X", "1X", "X1", "X2", "2X"])))
    out = y + "-" + draw(maybe) + month + draw(maybe)
    if n == 1:
        return out, False
    day = draw(st.one_of(st.integers(1, 31).map(lambda d: f"{d:02d}"), st.sampled_from(["XX", "1X", "X1", "3X"])))
    return out + "-" + draw(maybe) + day + draw(maybe), True


@st.composite
def edtf_values(draw):
    """Strings shaped like EDTF (many of them invalid), and whether they name a day."""
    kind = draw(st.integers(0, 3))
    if kind <= 1:
        return draw(parts())
    if kind == 2:
        ends = st.one_of(st.sampled_from([("", False), ("..", False)]), parts())
        (a, da), (b, db) = draw(ends), draw(ends)
        return f"{a}/{b}", da or db
    items, day = [], False
    for _ in range(draw(st.integers(1, 3))):
        (a, da), (b, db) = draw(parts()), draw(parts())
        shape = draw(st.integers(0, 3))
        items.append([a, f"{a}..{b}", f"..{a}", f"{a}.."][shape])
        day = day or da or (db and shape == 1)
    return draw(st.sampled_from("[{")) + draw(st.sampled_from([",", ", "])).join(items) + draw(st.sampled_from("]}")), day


def _edtf_accepts(text: str) -> bool | None:
    """What the reference grammar says; None when the library crashes on it (a bug of the library: it raises
    AttributeError or TypeError for `1984-1X` and `/..`, and prints to stdout)."""
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            edtf.parse_edtf(text)
            return True
        except EDTFParseException:
            return False
        except Exception:
            return None


# Where the dashboard refuses what the edtf library's grammar accepts, on purpose: a day its month does not
# have (the grammar allows 29 February in every year and 31 in any month with X digits), an interval or
# range that ends before it starts, `../..` (no date at all).
DELIBERATE = ("impossible", "ends before it starts", "needs a date")


@PROPERTY
@given(edtf_values())
@example(("1984-1X", False))
@example(("-12XX/~1794", False))
@example(("~1878/..", False))
def test_accepts_what_the_edtf_grammar_accepts(value):
    text, _ = value
    reference = _edtf_accepts(text)
    try:
        parse(text)
        ours, why = True, ""
    except DateError as e:
        ours, why = False, str(e)
    if reference is None or reference == ours:
        return
    assert reference and not ours and any(w in why for w in DELIBERATE), (text, reference, ours, why)


_DAY_IN_LABEL = re.compile(r"\b[0-9]{1,2}(–[0-9]{1,2})? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\bday [0-9]")


@PROPERTY
@given(edtf_values(), st.sampled_from(["gregorian", "julian"]))
def test_every_value_has_ordered_bounds_and_a_label_without_invented_days(value, cal):
    text, has_day = value
    try:
        p = parse(text, cal)
    except DateError as e:
        assert str(e)  # a message, always
        return
    if p.lo is not None and p.hi is not None:
        assert p.lo <= p.hi
    assert p.strict[0] is None or p.lo is None or p.lo <= p.strict[0]
    assert p.label
    if not has_day:
        assert not _DAY_IN_LABEL.search(p.label), (text, p.label)


@PROPERTY
@given(st.one_of(st.text(max_size=30), st.text(st.sampled_from(list("0123456789X-/~?%.[]{},SYTZ:+ ²١")), max_size=30)))
@example("../1985-04-12")
@example("9" * 400)
@example("1984-1X")
def test_any_string_parses_or_says_why(text):
    for call in (lambda: parse(text), lambda: resolve(text), lambda: resolve("", text), lambda: single(text)):
        try:
            call()
        except DateError as e:
            assert str(e)


simple_dates = st.builds(
    lambda y, m, d, q, prec: (("-" if y < 0 else "") + f"{abs(y):04d}" + (f"-{m:02d}" if prec >= 2 else "")
                              + (f"-{d:02d}" if prec >= 3 else "") + q),
    st.integers(-9999, 9999), st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", "~", "?", "%"]),
    st.integers(1, 3),
).filter(lambda t: not t.startswith("-0000"))


@PROPERTY
@given(simple_dates, st.sampled_from(["gregorian", "julian"]))
def test_fast_path_agrees_with_the_full_parser(text, cal):
    assert parse(text, cal) == _evaluate(_part(text), cal, text)


def _struct(d):
    return (d.tm_year, d.tm_mon, d.tm_mday)


@PROPERTY
@given(simple_dates.filter(lambda t: not t.startswith("-") and t[-1] not in "~%"))
def test_plain_bounds_agree_with_edtf_library(text):
    # edtf's bounds are right for positive years without a margin (its margins differ: documented).
    ours = parse(text)
    ref = edtf.parse_edtf(text)
    assert days.to_gregorian(ours.lo) == _struct(ref.lower_strict())
    assert days.to_gregorian(ours.hi) == _struct(ref.upper_strict())


@PROPERTY
@given(st.dates(min_value=dt.date(1583, 1, 1), max_value=dt.date(1918, 1, 31)))
def test_julian_round_trip(d):
    g = days.from_julian(d.year, d.month, d.day)
    assert days.to_julian(g) == (d.year, d.month, d.day)
    # the calendars drift 10 to 13 days apart over 1583-1918
    assert 10 <= g - days.from_gregorian(d.year, d.month, d.day) <= 13


@PROPERTY
@given(st.integers(-9999, 9999), st.integers(1, 12), st.integers(1, 28))
def test_julian_dates_of_any_year(y, m, d):
    text = f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"
    r = resolve("", text, Switch((9999, 12, 31), True))
    assert days.to_julian(r.lo) == (y, m, d) and r.label.endswith(" O.S.)")
