/* Day numbers (days since 1970-01-01, proleptic Gregorian: dashboard/core/days.py) as the page writes
   them: pure functions, tested with `node --test tests/js/`. Python computes every date; these only
   format the day the cursor is on and convert it to the timeline's x unit. */
(function (root) {
  "use strict";
  var DAY_MS = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var two = function (n) { return String(n).padStart(2, "0"); };

  /* ISO 8601, with a sign and four digits outside years 0-9999, as days.iso writes it ("-0043-03-15"). */
  function iso(day) {
    var d = new Date(day * DAY_MS), y = d.getUTCFullYear();
    var year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(4, "0");
    return year + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate());
  }

  /* As days.label writes it: "15 Nov 1927", "15 Mar 44 BCE" (there is no year zero). */
  function label(day) {
    var d = new Date(day * DAY_MS), y = d.getUTCFullYear();
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + (y >= 1 ? y : (1 - y) + " BCE");
  }

  /* A figure's `layout.meta`: JSON text in the timeline's figure (views/timeline.py, `for_browser`: so that a
     copy of it is the same value to plotly), an object in the others; {} when there is none. The last text
     read is kept: the cursor asks on every move. */
  var metaText = null, metaRead = {};
  function layoutMeta(layout) {
    var m = layout && layout.meta;
    if (typeof m !== "string") return m || {};
    if (m !== metaText) { metaRead = JSON.parse(m); metaText = m; }
    return metaRead;
  }

  /* The timeline's x unit: milliseconds on plotly's date axis, days on the numeric axis of a record that
     reaches before year 1 (the figure says so in meta.x_per_day: views/day_axis.py). */
  function perDay(layout) { return layoutMeta(layout).x_per_day || DAY_MS; }

  /* The x-axis range from day `start` through day `end`: up to the axis's last unit inside `end`, so that
     the range reads back (`dayOf`) as those two days. */
  function windowRange(start, end, layout) {
    var per = perDay(layout);
    return [start * per, (end + 1) * per - 1];
  }

  /* The day of an x-axis value: a date string, or a number in the axis's unit. */
  function dayOf(value, layout) {
    if (typeof value === "number") return Math.floor(value / perDay(layout));
    var m = /^([+-]?\d{1,6})-(\d{2})-(\d{2})/.exec(String(value));
    if (!m) return null;
    var d = new Date(0);
    d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
    return Math.floor(d.getTime() / DAY_MS);
  }

  var api = {DAY_MS: DAY_MS, iso: iso, label: label, layoutMeta: layoutMeta, perDay: perDay, windowRange: windowRange, dayOf: dayOf};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.dayNumbers = api;
})(typeof window !== "undefined" ? window : this);
