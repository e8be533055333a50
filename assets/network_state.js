/* What the network shows at a day, from the bounds Python computed (core/validity.py): pure
   functions on plain objects, used by dashboard.js and tested with `node --test tests/js/`.
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
     the differences (dashboard.js), so a cursor move touches the elements that change. `always`: people
     drawn whenever they are in the record (a scene's focus), tie or not. */
  function classesAt(elements, day, layers, memberships, always) {
    var colour = factionAt(memberships, factionColours(memberships), day);
    var out = {}, linked = {};
    (always || []).forEach(function (id) { linked[id] = true; });
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

  /* `elements` as the page first draws them, each with its classes at the day (`want`: id -> classes, from
     `classesAt`) added to those it has, so that they are styled once. */
  function withClasses(elements, want) {
    return elements.map(function (e) {
      var extra = want[e.data.id] || [];
      return extra.length ? Object.assign({}, e, {classes: (e.classes ? e.classes + " " : "") + extra.join(" ")}) : e;
    });
  }

  /* Which elements cytoscape holds at the day (`want`: id -> classes, from `classesAt`): the people drawn
     then (with `everyone`, every person sent) and the ties shown between two of them. id -> true. */
  function drawnIds(elements, want, everyone) {
    var out = {};
    elements.forEach(function (e) {
      if (e.data.source === undefined && (everyone || isDrawn(want[e.data.id] || []))) out[e.data.id] = true;
    });
    elements.forEach(function (e) {
      var d = e.data;
      if (d.source !== undefined && (want[d.id] || []).indexOf("off") < 0 && out[d.source] && out[d.target]) out[d.id] = true;
    });
    return out;
  }

  /* What cytoscape must change to hold what is drawn: the ids it holds (`held`: id -> true) that are not
     drawn (`drawn`, from `drawnIds`), and the elements (as sent) that are drawn but not held. */
  function drawnChanges(elements, held, drawn) {
    return {remove: Object.keys(held).filter(function (id) { return !drawn[id]; }),
            add: elements.filter(function (e) { return drawn[e.data.id] && !held[e.data.id]; })};
  }

  /* The ego view's class for an element (`view` from web/paths.py: {keep: {nodes, edges}, path: {nodes,
     edges}}, either may be missing): `onpath` on the path to the second person, else `outside` when it is
     not around the selected one. */
  function egoClasses(id, isNode, view) {
    if (!view) return [];
    var path = view.path, keep = view.keep;
    if (path && (path.nodes.indexOf(id) >= 0 || path.edges.indexOf(id) >= 0)) return ["onpath"];
    if (keep && (isNode ? keep.nodes : keep.edges).indexOf(id) < 0) return ["outside"];
    return [];
  }

  var STATE_CLASS = /^(off|gone|alone|uncertain|fc\d+)$/;

  /* What a cursor move changes on an element that has the classes `has` (its others, such as the selection's,
     untouched): {add, remove}, both empty when its state at the day is the same. */
  function classChanges(has, target) {
    var state = has.filter(function (c) { return STATE_CLASS.test(c); });
    return {add: target.filter(function (c) { return state.indexOf(c) < 0; }),
            remove: state.filter(function (c) { return target.indexOf(c) < 0; })};
  }

  /* Whether a node with these classes (from `classesAt`) is drawn at the day, "everyone" aside. */
  function isDrawn(classes) { return classes.indexOf("gone") < 0 && classes.indexOf("alone") < 0; }

  /* Where to put each label so that none overlaps another label or a node, or crosses the panel's edge.
     `items` are {id, rank, node: {x1, y1, x2, y2}, w, h}: the node's box and its label's size on screen;
     smaller rank = more important (the scene's focus and the selection, then the most connected). In
     rank order each label takes the first place that is free: below its node, above, right, left, then
     the four corners;
     free of nodes if it can be, else free of other labels only (a label may cover a node, never another
     label); a label with no free place is hidden (null). Greedy. */
  var PLACES = ["bottom", "top", "right", "left", "bottom-right", "bottom-left", "top-right", "top-left"];

  function placeLabels(items, width, height, gap) {
    var pad = gap || 0, nodes = items.map(function (it) { return it.node; }), labels = [];
    var clear = function (box, others) {
      return others.every(function (t) {
        return box.x2 + pad <= t.x1 || t.x2 + pad <= box.x1 || box.y2 + pad <= t.y1 || t.y2 + pad <= box.y1;
      });
    };
    var inside = function (box) { return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height; };
    var out = {};
    items.slice().sort(function (a, b) { return a.rank - b.rank || (a.id < b.id ? -1 : 1); }).forEach(function (it) {
      var n = it.node, cx = (n.x1 + n.x2) / 2, cy = (n.y1 + n.y2) / 2, m = 2;
      var boxes = {
        bottom: {x1: cx - it.w / 2, x2: cx + it.w / 2, y1: n.y2 + m, y2: n.y2 + m + it.h},
        top: {x1: cx - it.w / 2, x2: cx + it.w / 2, y1: n.y1 - m - it.h, y2: n.y1 - m},
        right: {x1: n.x2 + m, x2: n.x2 + m + it.w, y1: cy - it.h / 2, y2: cy + it.h / 2},
        left: {x1: n.x1 - m - it.w, x2: n.x1 - m, y1: cy - it.h / 2, y2: cy + it.h / 2},
        "bottom-right": {x1: n.x2, x2: n.x2 + it.w, y1: n.y2, y2: n.y2 + it.h},
        "bottom-left": {x1: n.x1 - it.w, x2: n.x1, y1: n.y2, y2: n.y2 + it.h},
        "top-right": {x1: n.x2, x2: n.x2 + it.w, y1: n.y1 - it.h, y2: n.y1},
        "top-left": {x1: n.x1 - it.w, x2: n.x1, y1: n.y1 - it.h, y2: n.y1},
      };
      out[it.id] = null;
      for (var pass = 0; pass < 2; pass++) {
        for (var i = 0; i < PLACES.length; i++) {
          var box = boxes[PLACES[i]];
          if (inside(box) && clear(box, labels) && (pass === 1 || clear(box, nodes))) {
            out[it.id] = PLACES[i];
            labels.push(box);
            return;
          }
        }
      }
    });
    return out;
  }

  /* The labels to hide so that none overlaps a more important one or crosses the panel's edge, from the
     boxes actually drawn (`items`: {id, rank, x1, y1, x2, y2}): the check after `placeLabels`, whose
     boxes are predictions. */
  function overlapping(items, width, height, gap) {
    var pad = gap || 0, kept = [], hide = [];
    items.slice().sort(function (a, b) { return a.rank - b.rank || (a.id < b.id ? -1 : 1); }).forEach(function (b) {
      var inside = b.x1 >= 0 && b.y1 >= 0 && b.x2 <= width && b.y2 <= height;
      var clear = inside && kept.every(function (k) {
        return b.x2 + pad <= k.x1 || k.x2 + pad <= b.x1 || b.y2 + pad <= k.y1 || k.y2 + pad <= b.y1;
      });
      if (clear) kept.push(b); else hide.push(b.id);
    });
    return hide;
  }

  /* The class that draws a node's label in `place` (one of PLACES, or null: no label). Below is the default. */
  function placeClass(place) {
    return place === null ? "nolabel" : place === "bottom" ? "" : "lbl-" + place;
  }

  /* Where a label that must show (the scene's focus, the selection) goes when `placeLabels` left it none,
     from the boxes it takes when drawn in each place: `near`, one per PLACES in order, and `far`, further
     out. `kept`: the labels shown ({id, x1, y1, x2, y2}); `first`: the ids whose labels must show. The first
     near place inside the panel and clear of the labels shown; else the first near one whose labels in the
     way may all be hidden (none in `first`); else the first far one that is clear. {far, index, hide: the
     `kept` labels to hide}, or null: no place (the label stays hidden). */
  function rescuePlace(near, far, kept, first, width, height) {
    var inside = function (b) { return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= width && b.y2 <= height; };
    var over = function (b) {
      return kept.filter(function (k) { return !(b.x2 + 1 <= k.x1 || k.x2 + 1 <= b.x1 || b.y2 + 1 <= k.y1 || k.y2 + 1 <= b.y1); });
    };
    var fallback = null, i;
    for (i = 0; i < near.length; i++) {
      if (!inside(near[i])) continue;
      var hit = over(near[i]);
      if (!hit.length) return {far: false, index: i, hide: []};
      var movable = hit.every(function (k) { return first.indexOf(k.id) < 0; });
      if (movable && fallback === null) fallback = {far: false, index: i, hide: hit};
    }
    if (fallback) return fallback;
    for (i = 0; i < far.length; i++) {
      if (inside(far[i]) && !over(far[i]).length) return {far: true, index: i, hide: []};
    }
    return null;
  }

  var api = {status: status, factionAt: factionAt, factionColours: factionColours, edgeClasses: edgeClasses,
             nodeClasses: nodeClasses, classesAt: classesAt, withClasses: withClasses, classChanges: classChanges,
             isDrawn: isDrawn, drawnIds: drawnIds, drawnChanges: drawnChanges,
             egoClasses: egoClasses, placeLabels: placeLabels, overlapping: overlapping, placeClass: placeClass,
             rescuePlace: rescuePlace, PLACES: PLACES};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.networkState = api;
})(typeof window !== "undefined" ? window : this);
