/* Clientside callbacks: everything the date cursor drives runs here, on data
   fetched once after the page (see dashboard/web/viewdata.py and payload.py). */
(function () {
  "use strict";
  function no() { return window.dash_clientside.no_update; }

  // Day numbers as text and as the timeline's x unit: assets/day_numbers.js (loaded after this file).
  function iso(day) { return window.dayNumbers.iso(day); }
  function label(day) { return window.dayNumbers.label(day); }
  function perDay(gd) { return window.dayNumbers.perDay(gd && gd.layout); }
  function graphDiv() { return document.querySelector("#timeline .js-plotly-plot"); }

  /* Timeline cursor: an HTML line laid over the plot. Moving a div costs nothing; a plotly
     relayout of a shape costs 60-100 ms per move. Shape 0 in the figure carries the same date
     for static exports. */
  var cursorDay = null, retry = null;
  function moveLine(day) {
    cursorDay = day;
    var gd = graphDiv();
    if (!gd || !gd._fullLayout || !gd._fullLayout.xaxis || !gd.on) {
      // The graph is still being drawn (first load): try again shortly.
      clearTimeout(retry);
      retry = setTimeout(function () { moveLine(cursorDay); }, 50);
      return;
    }
    if (!gd._cursorHooked && gd.on) {
      gd._cursorHooked = true;
      gd.on("plotly_relayout", function () { moveLine(cursorDay); syncSoon(gd); });
      // A figure drawn (the first, a new one, a redraw) gets the outlines asked for, which may have been
      // asked for before it was drawn (a selection in the URL).
      gd.on("plotly_afterplot", function () { moveLine(cursorDay); syncSoon(gd); outline(outlined, flashing); });
      syncAxis(gd);
      outline(outlined, flashing);
    }
    place(gd, day);
    var strip = stripDiv();
    if (strip && strip._fullLayout && strip._fullLayout.xaxis) place(strip, day);
  }

  function stripDiv() { return document.querySelector("#metrics-strip .js-plotly-plot"); }

  /* The cursor's line over one plot (the lanes, or the metrics strip under them). */
  function place(gd, day) {
    var line = gd.querySelector(".cursor-line");
    if (!line) {
      line = document.createElement("div");
      line.className = "cursor-line";
      line.setAttribute("aria-hidden", "true");
      gd.appendChild(line);
    }
    var fl = gd._fullLayout, xa = fl.xaxis, x = xa.d2p(day * perDay(gd));
    line.dataset.date = iso(day);
    line.style.display = x >= 0 && x <= xa._length ? "block" : "none";
    line.style.transform = "translateX(" + (xa._offset + x) + "px)";
    line.style.top = fl._size.t + "px";
    line.style.height = fl._size.h + "px";
  }

  /* The sticky date axis above the scrolling lanes, and the metrics strip under them, show the lanes'
     range (zoom, pan, presets): in the frame after the lanes are drawn, once per frame, so that redrawing
     them does not delay the lanes (a zoom took 40% longer when they were redrawn at once). */
  var syncFrame = null;
  function syncSoon(gd) {
    if (syncFrame !== null) return;
    syncFrame = window.requestAnimationFrame(function () { syncFrame = null; syncAxis(gd); });
  }
  function syncAxis(gd) {
    fitScreen();
    var range = gd.layout && gd.layout.xaxis && gd.layout.xaxis.range;
    if (!window.Plotly || !range) return;
    [document.querySelector("#timeline-axis .js-plotly-plot"), stripDiv()].forEach(function (other) {
      if (!other || !other.layout) return;
      var now = other.layout.xaxis && other.layout.xaxis.range;
      if (now && now[0] === range[0] && now[1] === range[1]) return;
      Plotly.relayout(other, {"xaxis.range": [range[0], range[1]]});
    });
  }

  /* The lanes, the axis above them and the metrics strip take the lane names' column that suits the
     screen's width (computed in Python: views/timeline.py, `fit`), when drawn and when the window turns; a
     slide shows as many lanes as its panel's height lets it name (`slide_fit`). */
  function fitScreen() {
    if (!window.Plotly) return;
    [graphDiv(), document.querySelector("#timeline-axis .js-plotly-plot"), stripDiv()].forEach(function (gd) {
      if (!gd || !gd.layout) return;
      var plot = gd._fullLayout && gd._fullLayout._size;
      var change = Object.assign(window.timelineCursor.fitWidth(gd.layout, window.innerWidth),
                                 plot ? window.timelineCursor.fitSlide(gd.layout, plot.h) : {});
      if (Object.keys(change).length) Plotly.relayout(gd, change);
    });
  }
  window.addEventListener("resize", function () { var gd = graphDiv(); if (gd) syncSoon(gd); });

  /* The detail drawer: focus moves into it when it opens, and back to where it was when it closes. */
  var focusBefore = null;
  function closeDetail() {
    // Through Dash, so that the next detail ("open" again) is a change it applies.
    window.dash_clientside.set_props("detail", {className: "panel detail"});
    var back = focusBefore && document.body.contains(focusBefore) ? focusBefore : document.getElementById("views");
    focusBefore = null;
    if (back && back.focus) back.focus();
  }
  /* The search's results by keyboard: Down from the field into the list, Up and Down through it, Esc
     closes it (Enter on a result picks it: it is a button). */
  document.addEventListener("keydown", function (e) {
    var box = document.getElementById("search-box"), list = document.getElementById("search-hits");
    if (!box || !list) return;
    var hits = Array.prototype.slice.call(list.querySelectorAll("button.hit"));
    var at = hits.indexOf(document.activeElement);
    if (e.target !== box && at < 0) return;
    var act = window.controls.searchKey(e.key, at, hits.length);  // assets/controls.js
    if (!act) return;
    if (act.close) {
      window.dash_clientside.set_props("search-hits", {children: []});
      e.stopImmediatePropagation();
    }
    (act.focus < 0 ? box : hits[act.focus]).focus();
    e.preventDefault();
  }, true);

  document.addEventListener("keydown", function (e) {
    var aside = document.getElementById("detail");
    if (e.key === "Escape" && aside && aside.classList.contains("open")) {
      closeDetail();
      e.preventDefault();
      e.stopImmediatePropagation();  // Esc closes the drawer first, before it leaves presentation mode
    }
  }, true);

  /* Outline the selected person's bars, and for a moment the bars of the tenures that just began or ended
     (`flashed`, tenure ids): asked when the selection changes and whenever the figure is drawn; only the
     traces whose outlines differ are restyled (`barOutlines`). */
  var outlined = [], flashing = [];
  function outline(people, flashed) {
    var gd = graphDiv();
    outlined = people;
    flashed = flashing = flashed || [];
    if (!gd || !gd.data || !window.Plotly) return;
    var bars = window.timelineCursor.barOutlines(gd.data, people, flashed);  // assets/timeline_cursor.js
    if (bars.indices.length) Plotly.restyle(gd, {"marker.line.width": bars.widths, "marker.line.color": bars.colours}, bars.indices);
  }

  /* The cursor's stops: where it rests for STOP_MS after a drag, a typed date, a scene or a Play that
     ended. Two stops in a row are the change panel's dates (web/changes.py). */
  var STOP_MS = 700, FLASH_MS = 4000, lastStop = null, stopTimer = null, flashTimer = null;
  function noteStop(day) {
    if (lastStop === null) { lastStop = day; return; }
    clearTimeout(stopTimer);
    stopTimer = setTimeout(function () {
      var pair = window.timelineCursor.stopPair(lastStop, day);
      if (!pair) return;
      window.dash_clientside.set_props("cursor-stops", {data: pair});
      lastStop = day;
      keepInView();
    }, STOP_MS);
  }

  /* After a stop, the people drawn at the new date are all in view (a slide frames its own scene). */
  function keepInView() {
    var cy = cyOf();
    if (!cy || presenting()) return;
    var drawn = cy.nodes(":visible");
    if (!drawn.length) return;
    if (NV().contains(cy.extent(), drawn.boundingBox())) return;
    cy.animate({fit: {eles: drawn, padding: 30}}, {duration: 250});
  }

  /* Mark what changed in both views for a moment: ids computed in Python (views/changes.py, `marks`). */
  function flash(changed) {
    var cy = cyOf();
    clearTimeout(flashTimer);
    if (cy) {
      cy.batch(function () {
        cy.elements(".changed").removeClass("changed");
        (changed.nodes || []).concat(changed.edges || []).forEach(function (id) { cy.getElementById(id).addClass("changed"); });
      });
    }
    outline(outlined, changed.tenures || []);
    flashTimer = setTimeout(function () {
      var c = cyOf();
      if (c) c.elements(".changed").removeClass("changed");
      outline(outlined, []);
    }, FLASH_MS);
  }

  /* The network's stylesheet changes only with the selection, focus and modes. The date is applied
     as classes on the elements whose state changes (`showDay`): replacing the stylesheet on every
     move made cytoscape restyle all elements, 0.8 s a move on 8,000 of them (bench/run, x100). */
  // assets/network_state.js (loaded after this file: Dash loads assets in name order).
  function NS() { return window.networkState; }

  // The network's stylesheet and framing: assets/network_view.js.
  function NV() { return window.networkView; }
  function presenting() { var page = document.getElementById("page"); return !!page && page.classList.contains("present"); }

  /* `styles` come from Python (views/network.py, `styles`): the base sheet, and what the selection, the
     scene's focus, the "everyone" toggle and the slides add to it. */
  function networkStyle(styles, person, everyone, payload, focus) {
    return NV().styleRules(styles, {person: person, everyone: everyone, presenting: presenting(), focus: focus,
                                    colours: NS().factionColours(payload.memberships || [])});
  }

  function shownLayers(layers) { return Array.isArray(layers) ? layers : ["political"]; }

  /* Labels: none may overlap another or cross the panel's edge. The scene's focus and the selection keep
     theirs first, then the most connected (`weight`, from Python); the others show on hover. Measured
     on screen after every change of date, zoom or style; past LABEL_LIMIT drawn people, cytoscape's
     min-zoomed-font-size thins them instead (measuring thousands of labels would slow the cursor). */
  var LABEL_LIMIT = 400, labelFirst = [], labelFrame = null, sceneFocus = [];

  function cyOf() {
    var el = document.getElementById("network");
    return el && el._cyreg && el._cyreg.cy;
  }

  // The classes that move a label (all of them, or all but the one that hides it).
  function placeOnly() { return NS().PLACES.map(NS().placeClass).filter(Boolean).join(" "); }
  function placeClasses() { return NS().placeClass(null) + " " + placeOnly(); }
  function placeSelector() { return placeClasses().split(" ").map(function (c) { return "." + c; }).join(", "); }
  var LABEL_ONLY = {includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true,
                    includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false,
                    includeUnderlays: false};

  /* Names keep a size on screen whatever the zoom: on a slide they are larger (views/network.py, PRESENT) and
     none is smaller than `present_min_px`; off a slide none is smaller than `names_min_px` (a whole network
     framed in a laptop's panel is zoomed out to a third). Past LABEL_LIMIT people, min-zoomed-font-size thins
     them instead. */
  var slideStyles = null;  // net-style, as moveCursor last had it
  function nameFonts(cy) {
    var nodes = cy.nodes(), s = slideStyles || {};
    var want = presenting() ? {base: s.present, min: s.present_min_px} : {base: s.names, min: s.names_min_px};
    if (nodes.length > LABEL_LIMIT || !want.base) {
      if (cy._nameFont) { cy.batch(function () { nodes.removeStyle("font-size text-max-width"); }); cy._nameFont = null; }
      return;
    }
    var font = NV().nameFont(want.base, want.min || 0, cy.zoom());
    if (!cy._nameFont || cy._nameFont["font-size"] !== font["font-size"]) {
      cy.batch(function () { nodes.style(font); });
      cy._nameFont = font;
    }
  }

  function declutter() {
    var cy = cyOf();
    if (!cy) return;
    nameFonts(cy);
    var nodes = cy.nodes(":visible");
    // Measure every label where it is by default (below its node), then place them.
    cy.batch(function () {
      cy.nodes(placeSelector()).removeClass(placeClasses());
      (cy._shifted || []).forEach(function (id) { cy.getElementById(id).removeStyle("text-margin-y"); });
      cy._shifted = [];
    });
    if (nodes.length > LABEL_LIMIT) return;
    var items = [];
    nodes.forEach(function (n) {
      var label = n.renderedBoundingBox(LABEL_ONLY);
      var body = n.renderedBoundingBox({includeNodes: true, includeLabels: false, includeOverlays: false});
      var first = labelFirst.indexOf(n.id()) >= 0;
      items.push({id: n.id(), rank: (first ? -1e9 : 0) - (n.data("weight") || 0),
                  node: {x1: body.x1, y1: body.y1, x2: body.x2, y2: body.y2},
                  w: label.w > 0 ? label.w : 0, h: label.h > 0 ? label.h : 0});
    });
    var places = NS().placeLabels(items, cy.width(), cy.height(), 4);
    cy.batch(function () {
      Object.keys(places).forEach(function (id) {
        var c = NS().placeClass(places[id]);
        if (c) cy.getElementById(id).addClass(c);
      });
    });
    // The places were predicted from sizes; check the labels as drawn and drop any that still collide.
    var rank = {};
    items.forEach(function (it) { rank[it.id] = it.rank; });
    var drawn = [];
    nodes.forEach(function (n) {
      if (n.hasClass("nolabel")) return;
      var b = n.renderedBoundingBox(LABEL_ONLY);
      if (b.w > 0) drawn.push({id: n.id(), rank: rank[n.id()], x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2});
    });
    var clash = NS().overlapping(drawn, cy.width(), cy.height(), 1);
    cy.batch(function () { clash.forEach(function (id) { cy.getElementById(id).addClass("nolabel"); }); });
    repairFirst(cy, drawn.filter(function (d) { return clash.indexOf(d.id) < 0; }));
  }

  /* The scene's focus and the selection must keep their labels: one the predictions could not place is
     drawn in each place and measured (network_state.js, `rescuePlace`, chooses), in the places of
     PLACES, then further out: one and two label heights below or above its node. */
  function repairFirst(cy, kept) {
    var only = placeOnly();
    labelFirst.forEach(function (id) {
      var n = cy.getElementById(id);
      if (!n.length || !n.visible() || !n.hasClass("nolabel")) return;
      n.removeClass("nolabel");
      // The label's box on screen, drawn with class `cls` and moved down by `margin` (model units).
      var draw = function (place) {
        n.removeClass(only);
        if (place.cls) n.addClass(place.cls);
        if (place.margin) n.style("text-margin-y", place.margin); else n.removeStyle("text-margin-y");
        var b = n.renderedBoundingBox(LABEL_ONLY);
        return {id: id, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2};
      };
      var near = NS().PLACES.map(function (p) { return {cls: NS().placeClass(p), margin: 0}; });
      var nearBoxes = near.map(draw);
      var tall = (nearBoxes[0].y2 - nearBoxes[0].y1) || 20;
      var far = [];
      [1, 2].forEach(function (k) {
        far.push({cls: "", margin: k * tall / cy.zoom()}, {cls: "lbl-top", margin: -k * tall / cy.zoom()});
      });
      var farBoxes = far.map(draw);
      var pick = NS().rescuePlace(nearBoxes, farBoxes, kept, labelFirst, cy.width(), cy.height());
      if (pick === null) { draw(near[0]); n.addClass("nolabel"); return; }
      draw((pick.far ? far : near)[pick.index]);
      if (pick.far) cy._shifted = (cy._shifted || []).concat([id]);
      pick.hide.forEach(function (k) {
        cy.getElementById(k.id).addClass("nolabel");
        kept.splice(kept.indexOf(k), 1);
      });
      kept.push((pick.far ? farBoxes : nearBoxes)[pick.index]);
    });
  }

  function declutterSoon() {
    // Once the view has stopped changing: during a scene's zoom or the cursor's sweep, labels would be
    // measured on every frame for nothing (and slow the animation down).
    clearTimeout(labelFrame);
    labelFrame = setTimeout(function () {
      var cy = cyOf();
      if (cy && cy.animated()) { declutterSoon(); return; }
      window.requestAnimationFrame(declutter);
    }, 60);
  }

  function hookLabels() {
    var cy = cyOf();
    if (!cy || cy._labelsHooked) return;
    cy._labelsHooked = true;
    cy.on("zoom pan resize layoutstop", declutterSoon);
    cy.on("mouseover", "node", function (e) { e.target.addClass("hover"); });
    cy.on("mouseout", "node", function (e) { e.target.removeClass("hover"); });
  }

  /* The network's elements, all of them as Python sent them (`net.elements`), while cytoscape holds only
     those drawn at the day: hidden ones still cost cytoscape on every frame (their bounds, their z-order),
     and at x100 8,000 of them made a cursor move about twice as slow and the first paint 1.5 s longer
     (bench/run). Elements go straight to cytoscape, not through the component's `elements` property, which
     dash-cytoscape copies back to Dash whole on every addition. A node taken out keeps its position
     (`moved`: a re-run layout or a drag survives the cursor). */
  var net = {payload: null, elements: [], moved: {}, memberships: [], ego: null, drawn: 0};

  // "Everyone in the record" is ticked and the page is not a slide (where the others would crowd the names).
  function everyoneShown(everyone) { return Array.isArray(everyone) && everyone.length > 0 && !presenting(); }

  /* An element as cytoscape takes it: where it was last, with the ego view's class. */
  function asDrawn(e) {
    var id = e.data.id, ego = NS().egoClasses(id, e.data.source === undefined, net.ego);
    if (!ego.length && !net.moved[id]) return e;
    var out = Object.assign({}, e);
    if (ego.length) out.classes = (e.classes ? e.classes + " " : "") + ego.join(" ");
    if (net.moved[id]) out.position = net.moved[id];
    return out;
  }

  /* Cytoscape made to hold what is drawn at `day`, each element with its classes then: only the elements
     whose state changes are touched. */
  function showDay(day, layers, everyone) {
    var el = document.getElementById("network");
    var cy = el && el._cyreg && el._cyreg.cy;
    if (!cy) return;
    var want = NS().classesAt(net.elements, day, shownLayers(layers), net.memberships, sceneFocus);
    var drawn = NS().drawnIds(net.elements, want, everyoneShown(everyone));
    var held = {};
    cy.elements().forEach(function (e) { held[e.id()] = true; });
    var change = NS().drawnChanges(net.elements, held, drawn);
    cy.batch(function () {
      var out = cy.collection();
      change.remove.forEach(function (id) {
        var e = cy.getElementById(id);
        if (e.isNode()) net.moved[id] = Object.assign({}, e.position());
        out.merge(e);
      });
      cy.remove(out);
      cy.elements().forEach(function (e) {
        var c = NS().classChanges(e.classes(), want[e.id()] || []);
        if (c.remove.length) e.removeClass(c.remove.join(" "));
        if (c.add.length) e.addClass(c.add.join(" "));
      });
      if (!change.add.length) return;
      var added = cy.add(NS().withClasses(change.add, want).map(asDrawn)).nodes();
      // The newcomers' names take the size the others have (nameFonts): restyling only them, not everyone.
      if (cy._nameFont && added.length) added.style(cy._nameFont);
    });
    el.dataset.day = String(day);  // for tests and benchmarks: the day the network shows
    // An empty panel says why, rather than look broken (cytoscape holds only who is drawn).
    var empty = document.getElementById("network-empty");
    if (empty) empty.hidden = cy.nodes().length > 0;
    hookLabels();
    declutterSoon();
  }

  /* New elements (a dataset's, or a filter's): cytoscape is emptied and given those drawn at the day,
     once the component is there. */
  function drawNetwork(payload, filter, day, layers, everyone) {
    var keep = filter ? new Set(filter) : null;
    net.elements = keep ? payload.elements.filter(function (e) { return keep.has(e.data.id); }) : payload.elements;
    if (payload !== net.payload) net.moved = {};
    net.payload = payload;
    net.memberships = payload.memberships || [];
    var tries = 0;
    (function draw() {
      var cy = cyOf();
      if (!cy) { if (++tries < 100) setTimeout(draw, 50); return; }
      if (!cy._echoOff) {
        // dash-cytoscape copies every element back to Dash (its `elements` property) on each addition, removal
        // or drag: 8,000 of them at x100, for nothing here, and a copy its own update would add again.
        cy.off("add remove dragfree");
        cy._echoOff = true;
      }
      cy.batch(function () { cy.elements().remove(); });
      showDay(tries && cursorDay !== null ? cursorDay : day, layers, everyone);  // the cursor may have moved
    })();
  }

  // For lecture.js (a scene frames its people at its own day): every element sent, drawn or not, and where
  // a node is (or was last drawn).
  window.networkElements = {
    all: function () { return net.elements; },
    memberships: function () { return net.memberships; },  // who is drawn by a faction at a day
    position: function (e) {
      var cy = cyOf(), held = cy && cy.getElementById(e.data.id);
      return held && held.length ? held.position() : net.moved[e.data.id] || e.position;
    }
  };

  /* A click (or Enter, or Space) on a row's button, in the table view or the change panel, opens its detail
     through the server (views.show_detail). */
  var picks = 0;
  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest && e.target.closest("#state-table [data-pick], #changes [data-pick]");
    if (!button) return;
    picks += 1;
    window.dash_clientside.set_props("table-pick", {data: {pick: button.getAttribute("data-pick"), n: picks}});
  });

  /* Fetch a view-data file (dashboard/web/viewdata.py) into a store, or say on the page that it failed. */
  function fetchInto(url, store, failure) {
    if (!url) return;
    fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      window.dash_clientside.set_props(store, {data: data});
    }).catch(function () {
      window.dash_clientside.set_props("notices", {className: "notices", children: [
        {type: "P", namespace: "dash_html_components", props: {children: failure}}]});
    });
  }

  // The URL's query: assets/url_state.js.
  function query(changes) { return window.urlState.query(window.location.search, window.location.pathname, changes); }

  /* After a reload that a control asked for (the dataset switch), focus goes back to that control. */
  var REFOCUS = "history-dashboard:refocus";
  (function refocus() {
    var id = null;
    try { id = window.sessionStorage.getItem(REFOCUS); } catch (e) { return; }
    if (!id) return;
    var tries = 0, wait = setInterval(function () {
      var el = document.getElementById(id);
      tries += 1;
      if ((el && el.offsetParent !== null) || tries > 100) {
        clearInterval(wait);
        try { window.sessionStorage.removeItem(REFOCUS); } catch (e) { /* private mode */ }
        if (el) el.focus();
      }
    }, 100);
  })();

  /* Cursor moves replace the current history entry (dragging would otherwise flood it). */
  function writeDate(day) {
    var url = query({date: iso(day)});
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    history: {
      loadData: function (url) {
        fetchInto(url, "payload", "The network and the cursor data could not be loaded: reload the page.");
        return no();
      },
      loadTable: function (open, url, loaded) {
        if (open && !loaded) fetchInto(url, "table-data", "The table view could not be loaded: reload the page.");
        return no();
      },
      showNetwork: function (payload, filter, day, layers, everyone) {
        if (!payload || !payload.elements) return no();
        drawNetwork(payload, filter, day, layers, everyone);
        net.drawn += 1;
        return net.drawn;  // network-drawn: what waits for the elements (frameScene, applyEgo) runs after
      },
      moveCursor: function (day, person, layers, everyone, base, open, table, focus, _present, payload, typed) {
        if (day === null || day === undefined || !payload) return [no(), no(), no(), no(), no(), no(), no(), no()];
        var trigger = window.dash_clientside.callback_context.triggered_id;
        sceneFocus = focus && focus.people ? focus.people : [];
        slideStyles = base;
        labelFirst = sceneFocus.concat(person ? [person] : []);
        // A new selection changes only the stylesheet (and the label order); anything else, the day's classes.
        if (trigger === "selection") declutterSoon();
        else { moveLine(day); writeDate(day); showDay(day, layers, everyone); noteStop(day); }
        var thumb = document.querySelector("#cursor [role=slider]");
        if (thumb) thumb.setAttribute("aria-valuetext", label(day));  // not the day number
        // The table is built only while it is open; its rows arrive when it is first opened.
        var t = open && table && trigger !== "selection" ? window.stateTable.tables(day, table) : null;  // assets/state_table.js
        var all = everyoneShown(everyone);
        return [trigger === "cursor" ? no() : networkStyle(base || {}, person, all, payload, focus), label(day),
                // The date field follows the cursor, unless someone is typing in it.
                document.activeElement && document.activeElement.id === "date-input" ? no() : iso(day),
                t ? t.offices : no(), t ? t.relations : no(), t ? t.memberships : no(), t ? t.events : no(),
                t ? "The state on " + label(day) : no()];
      },
      stripDrawn: function (_figure, day) {
        // A new strip: once plotly has drawn it, the lanes' range and the cursor on it (and again after
        // every redraw of it).
        var tries = 0;
        (function hook() {
          var strip = stripDiv();
          if (!strip || !strip.on || !strip._fullLayout || !strip._fullLayout.xaxis) {
            if (++tries < 100) setTimeout(hook, 50);
            return;
          }
          if (!strip._cursorHooked) {
            strip._cursorHooked = true;
            strip.on("plotly_afterplot", function () { if (cursorDay !== null) place(strip, cursorDay); });
          }
          var gd = graphDiv();
          if (gd) syncAxis(gd);
          if (cursorDay !== null || day !== null) place(strip, cursorDay !== null ? cursorDay : day);
        })();
        return no();
      },
      redrawTimeline: function (_figure, person, focus, day) {
        var people = (focus && focus.people ? focus.people : []).concat(person ? [person] : []);
        window.requestAnimationFrame(function () { outline(people); if (day !== null) moveLine(day); });
        return no();
      },
      applyEgo: function (view) {
        // Ids from Python (web/paths.py): who stays around the selected person, and the path to a second one.
        net.ego = view && (view.keep || view.path) ? view : null;
        var cy = cyOf();
        if (!cy) return no();
        cy.batch(function () {
          cy.elements(".outside, .onpath").removeClass("outside onpath");
          if (net.ego) {
            cy.elements().forEach(function (e) {
              var c = NS().egoClasses(e.id(), e.isNode(), net.ego);
              if (c.length) e.addClass(c[0]);
            });
          }
        });
        declutterSoon();
        return no();
      },
      flashChanges: function (changed) {
        if (changed) flash(changed);
        return no();
      },
      detailShown: function (_children) {
        var aside = document.getElementById("detail");
        if (!aside) return no();
        if (!aside.contains(document.activeElement)) focusBefore = document.activeElement;
        window.requestAnimationFrame(function () { aside.focus(); });
        return no();
      },
      detailClosed: function (_n) {
        closeDetail();
        return "panel detail";
      },
      toggleTable: function (_n, open) {
        var button = document.getElementById("table-toggle");
        if (button) button.setAttribute("aria-expanded", String(!open));
        return [!open, open, open ? "Show the table view: the state at the cursor date" : "Hide the table view"];
      },
      togglePlay: function (_n, disabled) {
        return [!disabled, disabled ? "❚❚ Pause" : "▶ Play"];
      },
      step: function (_n, day, max, speed, steps) {
        // The next calendar step (first of the month, quarter or year), computed in Python (page.play_steps).
        var next = window.timelineCursor.nextPlay(steps && steps[speed], day, max);
        return next.end ? [next.day, true, "▶ Play"] : [next.day, no(), no()];
      },
      preset: function () {
        var trigger = window.dash_clientside.callback_context.triggered_id;
        var gd = graphDiv();
        if (!trigger || !gd) return no();
        var button = document.getElementById(JSON.stringify(trigger)) ||
          document.querySelector("[id='" + JSON.stringify(trigger).replace(/'/g, "\\'") + "']");
        if (trigger.index === "all" || !button) {
          Plotly.relayout(gd, {"xaxis.autorange": true});
        } else {
          // First and last day of the period, computed in Python (page.periods).
          var a = +button.getAttribute("data-start"), b = +button.getAttribute("data-end");
          Plotly.relayout(gd, {"xaxis.range": window.dayNumbers.windowRange(a, b, gd.layout)});
        }
        return no();
      },
      writeUrl: function (person, lanes, colour, orgs, kinds, groups, rels, layers, everyone, relayout, lanePage,
                          ego, pathTo, day, meta) {
        // In a scene the scene's URL is the state: its window and focus come from the scene.
        var u = window.urlState;
        if (u.inScene(window.location.pathname)) return no();
        var changes = u.viewChanges({date: iso(day), sel: person, lanes: lanes, colour: colour, orgs: orgs, kinds: kinds,
                                     groups: groups, rels: rels, layers: layers, everyone: everyone, lp: lanePage,
                                     ego: ego, to: pathTo}, (meta && meta.defaults) || {});
        var gd = graphDiv();
        Object.assign(changes, u.windowChanges(relayout, gd && gd.layout));
        var url = query(changes);
        if (url === window.location.pathname + window.location.search) return no();
        // Discrete changes push a history entry, so Back undoes them; a zoom or pan drag replaces it.
        if (u.isDrag(window.dash_clientside.callback_context.triggered_id, relayout)) {
          window.history.replaceState(null, "", url);
        } else {
          window.history.pushState(null, "", url);
        }
        return url;
      },
      wholeRecord: function (value) {
        window.location.assign(query({whole: value && value.length ? "1" : null}));
        return no();
      },
      switchDataset: function (name, meta) {
        // The new dataset's page keeps the focus on the switch (`refocus`, below).
        try { window.sessionStorage.setItem(REFOCUS, "dataset"); } catch (e) { /* private mode */ }
        window.location.assign(window.location.pathname + "?dataset=" + encodeURIComponent(name));
        return no();
      }
    }
  });
})();
