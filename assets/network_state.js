/* What the network shows at a day, from the bounds Python computed (core/validity.py): pure
   functions on plain objects, used by dashboard.js and tested with `node --test` (assets/tests/).
   Nothing here derives a date or a rule: it compares the day with named bounds. */
(function (root) {
  "use strict";

  /* "in force", "uncertain" or null, for an object with lo, start, end, hi (day numbers). */
  function status(b, day) {
    if (b.start <= day && day <= b.end) return "in force";
    if (b.lo <= day && day <= b.hi) return "uncertain";
    return null;
  }

  /* person -> index of the colour of the narrowest faction they belong to at `day`. Memberships come
     widest first (views/network.py), so a narrower group, applied later, wins. */
  function factionAt(memberships, colours, day) {
    var index = {}, out = {};
    colours.forEach(function (c, i) { index[c] = i; });
    memberships.forEach(function (m) {
      if (m.lo <= day && day <= m.hi) out[m.person] = index[m.colour];
    });
    return out;
  }

  /* The distinct faction colours, in order of first appearance. */
  function factionColours(memberships) {
    var seen = {}, out = [];
    memberships.forEach(function (m) {
      if (!(m.colour in seen)) { seen[m.colour] = out.length; out.push(m.colour); }
    });
    return out;
  }

  /* Classes of an edge at `day`: `off` (not listed, or its layer is off), `uncertain`. */
  function edgeClasses(edge, day, layers) {
    if (layers.indexOf(edge.layer) < 0) return ["off"];
    var s = status(edge, day);
    return s === null ? ["off"] : s === "uncertain" ? ["uncertain"] : [];
  }

  /* Classes of a node at `day`: `gone` (not in the record), `alone` (in the record but with no relation
     of a shown layer and no faction membership at that day: drawn only when "everyone" is asked for),
     `uncertain`, `fcN` (faction colour N). `linked`: whether one of its edges is shown at that day. */
  function nodeClasses(node, day, linked, colour) {
    var s = status(node, day);
    if (s === null) return ["gone"];
    var out = [];
    var inFaction = node.id in colour;
    if (!linked && !inFaction) out.push("alone");
    if (s === "uncertain") out.push("uncertain");
    if (inFaction) out.push("fc" + colour[node.id]);
    return out;
  }

  /* Everything at once, for plain element objects ({data: ...}): id -> classes. The page applies only
     the differences (dashboard.js), so a cursor move touches the elements that change. */
  function classesAt(elements, day, layers, memberships) {
    var colour = factionAt(memberships, factionColours(memberships), day);
    var out = {}, linked = {};
    elements.forEach(function (e) {
      if (e.data.source === undefined) return;
      var c = edgeClasses(e.data, day, layers);
      out[e.data.id] = c;
      if (c.indexOf("off") < 0) { linked[e.data.source] = true; linked[e.data.target] = true; }
    });
    elements.forEach(function (e) {
      if (e.data.source === undefined) out[e.data.id] = nodeClasses(e.data, day, !!linked[e.data.id], colour);
    });
    return out;
  }

  var STATE_CLASS = /^(off|gone|alone|uncertain|fc\d+)$/;

  var api = {status: status, factionAt: factionAt, factionColours: factionColours, edgeClasses: edgeClasses,
             nodeClasses: nodeClasses, classesAt: classesAt, STATE_CLASS: STATE_CLASS};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.networkState = api;
})(typeof window !== "undefined" ? window : this);
