/* The date cursor's moves (Play's steps, a scene's sweep, the stops the change panel compares) and the
   timeline bars it marks: pure functions on day numbers and plain objects, tested with `node --test
   tests/js/`. dashboard.js and lecture.js drive the cursor and plotly with them. */
(function (root) {
  "use strict";
  var nodeDays = typeof module !== "undefined" && module.exports ? require("./day_numbers.js") : null;
  function meta(layout) { return (nodeDays || root.dayNumbers).layoutMeta(layout); }

  /* Play's next day after `day`: the first of `steps` (calendar steps computed in Python, page.play_steps)
     past it. {day, end}: `end` when Play reaches `max` (or runs out of steps) and stops there. */
  function nextPlay(steps, day, max) {
    var next = (steps || []).find(function (d) { return d > day; });
    if (next === undefined || next >= max) return {day: max, end: true};
    return {day: next, end: false};
  }

  /* The two days the change panel compares (web/changes.py) when the cursor comes to rest at `day` after
     resting at `last`, or null when it came back to the same day. */
  function stopPair(last, day) {
    return day === last ? null : {from: last, to: day};
  }

  /* The days the cursor passes through on its way from `from` to `target` in `steps` frames, eased in and
     out (a scene's move reads as a move through time, not a jump). A step of a day or less, or no day to
     start from: `target` at once. */
  function sweep(from, target, steps) {
    if (from === null || from === undefined || Math.abs(target - from) < 2) return [target];
    var out = [];
    for (var i = 1; i <= steps; i++) {
      var t = i / steps, eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
      out.push(Math.round(from + (target - from) * eased));
    }
    return out;
  }

  /* The outlines of the timeline's bars: the tenures that just began or ended (`flashed`, tenure ids) in
     black, the bars of `people` (person ids) in red, the others none. `traces` are the figure's data; only
     those of tenures (meta.role "tenure" or "vague") have bars, their customdata [tenure id, person id, kind]
     (views/timeline.py). {indices: the traces, widths and colours: per trace, per bar}, for Plotly.restyle,
     only for the traces whose outlines are not already so: a restyle redraws the whole figure (after every
     zoom, which redraws the figure, this is most often none). */
  function barOutlines(traces, people, flashed) {
    var out = {indices: [], widths: [], colours: []};
    traces.forEach(function (trace, i) {
      var role = trace.meta && trace.meta.role;
      if (role !== "tenure" && role !== "vague") return;
      var widths = trace.customdata.map(function (c) {
        return flashed.indexOf(c[0]) >= 0 ? 5 : people.indexOf(c[1]) >= 0 ? 4 : 0;
      });
      var colours = trace.customdata.map(function (c) { return flashed.indexOf(c[0]) >= 0 ? "#000000" : "#C00000"; });
      if (outlined(trace, widths, colours)) return;
      out.indices.push(i);
      out.widths.push(widths);
      out.colours.push(colours);
    });
    return out;
  }

  /* Whether a bar trace's outline (marker.line: a width and a colour, each one value or one per bar) is
     `widths` and `colours` already; a bar without an outline has no colour to compare. */
  function outlined(trace, widths, colours) {
    var line = (trace.marker && trace.marker.line) || {};
    var at = function (v, j) { return Array.isArray(v) ? v[j] : v; };
    return widths.every(function (w, j) {
      return (at(line.width, j) || 0) === w && (w === 0 || at(line.color, j) === colours[j]);
    });
  }

  /* The relayout that fits a figure to a screen `width` px wide, from the two layouts Python gave it
     (`layout.meta.fit`, views/timeline.py `fit`: a narrower column of lane names on a phone); {} when it
     fits already or has no such layouts. */
  function fitWidth(layout, width) {
    var fit = meta(layout).fit;
    if (!fit) return {};
    var want = width <= fit.below ? fit.narrow : fit.wide;
    return layout.margin && layout.margin.l === want["margin.l"] ? {} : want;
  }

  /* The relayout that shows as many of a slide's lanes as fit its plot, `height` px tall, from the steps Python
     gave it (`layout.meta.slide`, views/timeline.py `slide_fit`, most lanes first: each keeps the top `lanes`
     lanes, whose names need `need` px a lane); the fewest when none fits; {} when it shows them already. */
  function fitSlide(layout, height) {
    var steps = meta(layout).slide;
    if (!steps || !steps.length || !(height > 0)) return {};
    var pick = steps.find(function (s) { return height / (s.lanes + 0.2) >= s.need; }) || steps[steps.length - 1];
    var now = layout.yaxis && layout.yaxis.range, want = pick.relayout["yaxis.range"];
    return now && now[0] === want[0] && now[1] === want[1] ? {} : pick.relayout;
  }

  var api = {nextPlay: nextPlay, stopPair: stopPair, sweep: sweep, barOutlines: barOutlines, fitWidth: fitWidth,
             fitSlide: fitSlide};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.timelineCursor = api;
})(typeof window !== "undefined" ? window : this);
