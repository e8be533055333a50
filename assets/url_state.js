/* The view's state as the URL's query (dashboard/web/state.py reads it back): pure functions on strings
   and plain objects, tested with `node --test tests/js/`. dashboard.js and lecture.js write the URL
   with them. */
(function (root) {
  "use strict";
  var nodeDays = typeof module !== "undefined" && module.exports ? require("./day_numbers.js") : null;
  function days() { return nodeDays || root.dayNumbers; }

  /* The URL of `search` (a query string) with `changes` applied: an empty value (null, "", []) removes its
     key, a list is written comma-separated. No query left: the bare `pathname`. */
  function query(search, pathname, changes) {
    var params = new URLSearchParams(search);
    Object.keys(changes).forEach(function (k) {
      var v = changes[k];
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) params.delete(k);
      else params.set(k, Array.isArray(v) ? v.join(",") : v);
    });
    var s = params.toString();
    return s ? "?" + s : pathname;
  }

  /* The query's keys for the view's controls, `view` holding them by their query names; a control at its
     default (`defaults`, from Python: web/state.py, `url_defaults`) is left out. */
  function viewChanges(view, defaults) {
    var same = function (a, b) { return String(a || "") === String(b || ""); };
    return {date: view.date, sel: view.sel, lanes: same(view.lanes, defaults.lanes) ? null : view.lanes,
            colour: same(view.colour, defaults.colour) ? null : view.colour, orgs: view.orgs, kinds: view.kinds,
            groups: view.groups, rels: view.rels,
            layers: same(view.layers, defaults.layers) ? null : view.layers,
            everyone: view.everyone && view.everyone.length ? "1" : null,
            lp: view.lp > 1 ? view.lp : null, ego: view.ego || null, to: view.to || null};
  }

  /* The timeline window a plotly relayout asks for, as the query's start and end ({start, end}; both null:
     the whole record), or null when the relayout leaves the window alone. A zoom or pan reports
     "xaxis.range[0]" and "[1]", a preset (Plotly.relayout) the whole "xaxis.range"; `layout` says the
     axis's unit. */
  function windowChanges(relayout, layout) {
    if (!relayout) return null;
    var range = relayout["xaxis.range"] ||
      (relayout["xaxis.range[0]"] !== undefined && [relayout["xaxis.range[0]"], relayout["xaxis.range[1]"]]);
    var iso = function (v) { var d = days().dayOf(v, layout); return d === null ? null : days().iso(d); };
    if (range) return {start: iso(range[0]), end: iso(range[1])};
    if (relayout["xaxis.autorange"]) return {start: null, end: null};
    return null;
  }

  /* A zoom or pan drag replaces the history entry; any other change pushes one, so Back undoes it. */
  function isDrag(trigger, relayout) {
    return trigger === "timeline" && !!relayout && relayout["xaxis.range[0]"] !== undefined;
  }

  /* Whether `pathname` is a scene's page: there the scene is the state, not the query. */
  function inScene(pathname) { return /^\/scene\//.test(pathname); }

  /* The scene number of `pathname` ("/scene/3": 3), or null. */
  function sceneOf(pathname) {
    var m = /^\/scene\/(\d+)$/.exec(pathname);
    return m ? +m[1] : null;
  }

  /* The URL of scene `n`, keeping the query's view options; the date, the window and the selection are
     the scene's own. */
  function sceneUrl(n, search) {
    var q = query(search, "", {date: null, start: null, end: null, sel: null});
    return "/scene/" + n + q;
  }

  var api = {query: query, viewChanges: viewChanges, windowChanges: windowChanges, isDrag: isDrag, inScene: inScene,
             sceneOf: sceneOf, sceneUrl: sceneUrl};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.urlState = api;
})(typeof window !== "undefined" ? window : this);
