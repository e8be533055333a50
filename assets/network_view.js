/* How the network's panel is styled and framed: its stylesheet from the parts Python sends
   (views/network.py, `styles`), a slide's type size at a zoom, and the zoom and pan that frame people.
   Pure functions on plain objects, tested with `node --test tests/js/`; dashboard.js and lecture.js apply
   them to cytoscape. */
(function (root) {
  "use strict";

  /* A cytoscape selector for the element with this id (quotes and backslashes dropped: they would end it). */
  function quoted(id) { return '"' + String(id).replace(/["\\]/g, "") + '"'; }
  function selector(id) { return "[id = " + quoted(id) + "]"; }

  /* The stylesheet: the base sheet, then what the slides (`presenting`), the "everyone" toggle, the faction
     colours (`colours`, in the order of the classes fcN), the scene's `focus` ({people, relations}) and the
     selected `person` add to it, in that order (a later rule wins). */
  function styleRules(styles, view) {
    var rules = (styles.base || []).slice();
    if (view.presenting) rules.push({selector: "node", style: styles.present});
    // Everyone in the record, on request (not on a slide, where the others must stay legible).
    if (view.everyone && !view.presenting) rules = rules.concat(styles.everyone || []);
    (view.colours || []).forEach(function (colour, i) {
      rules.push({selector: "node.fc" + i, style: {"background-color": colour}});
    });
    var focus = view.focus || {};
    if (focus.people && focus.people.length) {
      rules.push({selector: focus.people.map(selector).join(", "), style: styles.focus});
    }
    if (focus.relations && focus.relations.length) {
      rules.push({selector: focus.relations.map(function (r) { return selector("rel::" + r); }).join(", "),
                  style: styles.focus_edge});
    }
    if (view.person) {
      rules.push({selector: "node" + selector(view.person), style: styles.selected});
      rules.push({selector: "edge[source = " + quoted(view.person) + "], edge[target = " + quoted(view.person) + "]",
                  style: styles.selected_edge});
    }
    return rules;
  }

  /* A slide's names at `zoom`: the slide's type (`present`: {"font-size", "text-max-width"}), larger when
     zoomed out so that none is smaller than `minPx` on screen; names wrap at the same width on screen. */
  function nameFont(present, minPx, zoom) {
    var base = present["font-size"], size = Math.max(base, minPx / zoom);
    return {"font-size": size, "text-max-width": present["text-max-width"] * size / base};
  }

  /* Whether box `inner` lies within box `outer` ({x1, y1, x2, y2}). */
  function contains(outer, inner) {
    return inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
  }

  /* The box around points ({x, y}) with `reach` on every side: {x1, y1, x2, y2}. */
  function around(points, reach) {
    var xs = points.map(function (p) { return p.x; }), ys = points.map(function (p) { return p.y; });
    return {x1: Math.min.apply(null, xs) - reach, y1: Math.min.apply(null, ys) - reach,
            x2: Math.max.apply(null, xs) + reach, y2: Math.max.apply(null, ys) + reach};
  }

  /* The zoom and pan that frame box `target` (model units, {x1, y1, x2, y2}) in a `width` x `height` panel
     with `pad` pixels around it, no closer than 1x (the layout leaves room for names at that scale) nor
     farther than `minZoom`. Centred on the target, but moved as far as it takes to show no empty margin
     where there are other people (`all`: the box of everyone drawn). {zoom, pan: {x, y}}. */
  function frame(target, all, width, height, pad, minZoom) {
    var w = Math.max(target.x2 - target.x1, 1), h = Math.max(target.y2 - target.y1, 1);
    var zoom = Math.max(minZoom, Math.min(1, (width - 2 * pad) / w, (height - 2 * pad) / h));
    var centre = function (lo, hi, want, half) {
      return hi - lo <= 2 * half ? (lo + hi) / 2 : Math.min(Math.max(want, lo + half), hi - half);
    };
    var cx = centre(all.x1, all.x2, (target.x1 + target.x2) / 2, width / (2 * zoom));
    var cy = centre(all.y1, all.y2, (target.y1 + target.y2) / 2, height / (2 * zoom));
    return {zoom: zoom, pan: {x: width / 2 - cx * zoom, y: height / 2 - cy * zoom}};
  }

  var api = {selector: selector, styleRules: styleRules, nameFont: nameFont, contains: contains, around: around, frame: frame};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.networkView = api;
})(typeof window !== "undefined" ? window : this);
