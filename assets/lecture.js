/* Lecture mode: presentation toggle, scenes driven by keys or a presenter's clicker, black-out,
   full screen, exports and "cite this view". Runs in the browser only. */
(function () {
  "use strict";
  function no() { return window.dash_clientside.no_update; }
  function set(id, props) { window.dash_clientside.set_props(id, props); }
  function graphDiv() { return document.querySelector("#timeline .js-plotly-plot"); }
  function page() { return document.getElementById("page"); }
  function presenting() { var p = page(); return !!p && p.classList.contains("present"); }
  function storeData(id) {
    // Stores keep their data in React props; the lecture keeps a copy on window for the key handler.
    return window.__lecture && window.__lecture[id];
  }

  var animation = null;
  /* Move the cursor to `target` through time, briefly (a fifth of a second: a scene settles within one). */
  function animateCursor(from, target) {
    clearInterval(animation);
    var days = window.timelineCursor.sweep(from, target, 6), i = 0;  // assets/timeline_cursor.js
    set("cursor", {value: days[0]});
    if (days.length > 1) {
      animation = setInterval(function () {
        i += 1;
        set("cursor", {value: days[i]});
        if (i >= days.length - 1) clearInterval(animation);
      }, 35);
    }
  }

  /* The scene's window: first and last day (day numbers from Python). */
  function setWindow(start, end) {
    var gd = graphDiv();
    if (gd && window.Plotly && start !== null && end !== null && start !== undefined && end !== undefined) {
      Plotly.relayout(gd, {"xaxis.range": window.dayNumbers.windowRange(start, end, gd.layout)});
    }
  }

  // How far a person's node and name reach from their position, in model units (views/network.py: a node
  // 26 wide, its name below it): the box framed around people who may not be drawn yet at the cursor's day.
  var NODE_REACH = 40;

  /* Frame the scene's people at the scene's date, with room around them for their ties: the whole
     network at once has labels too small to read from the back of a room. */
  function zoomTo(people, day, padding, layers) {
    var el = document.getElementById("network");
    var cy = el && el._cyreg && el._cyreg.cy;
    var net = window.networkElements;  // dashboard.js: every element and membership, drawn at the cursor's day or not
    if (!cy || !net || !net.all().length) return;
    // The people drawn at `day` (in the record, with a tie or a faction then), by the bounds Python sent.
    var elements = net.all();
    var classes = window.networkState.classesAt(elements, day, layers || ["political"], net.memberships(), people);
    var drawn = elements.filter(function (e) {
      return e.data.source === undefined && window.networkState.isDrawn(classes[e.data.id] || []);
    });
    var target = drawn.filter(function (e) { return people.indexOf(e.data.id) >= 0; });
    if (!target.length) target = drawn;
    if (!target.length) return;
    // A margin for their ties; the frame shows no empty margin where others are drawn (network_view.js).
    var pad = padding === undefined ? Math.min(cy.width(), cy.height()) / 6 : padding;
    var box = function (nodes) { return window.networkView.around(nodes.map(net.position), NODE_REACH); };
    var view = window.networkView.frame(box(target), box(drawn), cy.width(), cy.height(), pad, cy.minZoom());
    cy.stop();
    cy.animate({zoom: view.zoom, pan: view.pan}, {duration: 300});
  }

  /* Focus never left on the page's body or on an element a mode change hid: it goes to `id` instead. */
  function keepFocus(id) {
    window.requestAnimationFrame(function () {
      var at = document.activeElement;
      var lost = !at || at === document.body || at.offsetParent === null;
      var to = document.getElementById(id);
      if (lost && to && to.offsetParent !== null) to.focus();
    });
  }

  /* Scene `n` (from the URL: Back and Forward), within the scenes there are. */
  function go(n) {
    var to = window.controls.sceneNumber(n, (storeData("scenes") || []).length);
    if (to !== null) set("scene-index", {data: to});
  }

  function toggleBlackout() {
    var b = document.getElementById("blackout");
    if (b) b.classList.toggle("on");
  }

  function fullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    var el = document.documentElement;
    if (el.requestFullscreen) el.requestFullscreen().catch(function () {});
  }

  function leave() {
    if (document.fullscreenElement) document.exitFullscreen();
    var b = document.getElementById("blackout");
    if (b) b.classList.remove("on");
    set("present", {data: false});
  }

  /* The shortcuts, decided in assets/controls.js (loaded before this file). */
  document.addEventListener("keydown", function (e) {
    var c = window.controls;
    if (c.typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!c.allowed(e.key, !window.keySettings || window.keySettings.singleKeysOn())) return;
    var act = c.lectureKey(e.key, {presenting: presenting(), index: storeData("index") || 0,
                                   count: (storeData("scenes") || []).length});
    if (!act) return;
    if (act.action === "keys") { if (window.keySettings) window.keySettings.open(); }
    else if (act.action === "present") set("present", {data: !presenting()});
    else if (act.action === "scene") { if (act.scene !== null) set("scene-index", {data: act.scene}); }
    else if (act.action === "blackout") toggleBlackout();
    else if (act.action === "fullscreen") fullScreen();
    else if (act.action === "leave") leave();
    e.preventDefault();
  });

  /* The network's panel changed size (a window or a tablet turned, the page's layout settling, a mode
     change): tell cytoscape, and frame the scene again for the new size. */
  var reframe = null, watched = null;
  function onResize() {
    clearTimeout(reframe);
    reframe = setTimeout(function () {
      var el = document.getElementById("network"), cy = el && el._cyreg && el._cyreg.cy;
      if (!cy) return;
      cy.resize();
      var scenes = storeData("scenes") || [], n = storeData("index") || 0, s = n && scenes[n - 1];
      if (s && presenting()) zoomTo(s.people, s.day, undefined, storeData("layers"));
    }, 150);
  }
  var observer = window.ResizeObserver ? new ResizeObserver(onResize) : null;
  setInterval(function () {  // the network element is replaced when the page renders again
    var el = document.getElementById("network");
    if (observer && el && el !== watched) { observer.disconnect(); observer.observe(el); watched = el; }
  }, 500);

  /* Back and forward between scenes step there; anywhere else dcc.Location renders the page from the URL
     (dashboard/web/page.py), which is the view's state. */
  window.addEventListener("popstate", function () {
    var n = window.urlState.sceneOf(window.location.pathname);  // assets/url_state.js
    if (n !== null && presenting()) go(n);
  });

  // The data export link carries the current view's query.
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("#export-data");
    if (a) a.setAttribute("href", "/export/data.zip" + window.location.search);
  }, true);

  window.__lecture = {};
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    lecture: {
      present: function (on, meta) {
        var fig = graphDiv();
        // Bigger type in the plot too (the projector is far away): the sizes a slide's page is drawn with.
        var size = meta && meta.font_size && meta.font_size[on ? "present" : "page"];
        if (fig && window.Plotly && fig._fullLayout && size) {
          Plotly.relayout(fig, {"font.size": size, "hoverlabel.font.size": size, "yaxis.tickfont.size": size,
                                "xaxis.rangeslider.visible": !on});
        }
        var button = document.getElementById("present-toggle");
        if (button) button.textContent = on ? "Leave (Esc)" : "Present";
        window.dispatchEvent(new Event("resize"));
        // A mode change (not the page's first render) may hide the focused control.
        if (window.__lecture.presenting !== undefined && window.__lecture.presenting !== !!on) {
          keepFocus(on && (storeData("scenes") || []).length ? "scene-next" : "present-toggle");
        }
        window.__lecture.presenting = !!on;
        if (!on && window.urlState.inScene(window.location.pathname)) {
          window.history.pushState(null, "", "/" + window.location.search);
        }
        return on ? "present" : "";
      },
      toggle: function (_n, on) { return !on; },
      showScene: function (n, scenes, cursor, layers) {
        window.__lecture.scenes = scenes || [];
        window.__lecture.index = n || 0;
        window.__lecture.layers = layers;
        if (!n || !scenes || !scenes.length) {
          return ["", "", scenes && scenes.length ? "Scene – / " + scenes.length : "", no()];
        }
        var s = scenes[n - 1];
        // One history entry per scene (the cursor date in the query is replaced as it moves).
        if (window.location.pathname !== "/scene/" + n) window.history.pushState(null, "", window.urlState.sceneUrl(n, window.location.search));
        if (!document.getElementById("page").classList.contains("present")) set("present", {data: true});
        setWindow(s.start, s.end);
        keepFocus("scene-next");
        animateCursor(cursor, s.day);
        zoomTo(s.people, s.day, undefined, layers);
        return [s.title, s.caption || "", n + " / " + scenes.length, {people: s.people, relations: s.relations}];
      },
      frameScene: function (_drawn, n, scenes, day, layers) {
        // The network's elements arrive after the page (viewdata.py): once they are drawn, frame the
        // scene's people, or else the people active at the cursor date (not everyone who ever lived).
        var s = n && scenes && scenes[n - 1];
        var el = document.getElementById("network");
        var cy = el && el._cyreg && el._cyreg.cy;
        if (!cy) return no();
        var done = false;
        var frame = function () {
          if (done) return;
          done = true;
          if (s) zoomTo(s.people, s.day, undefined, layers); else zoomTo([], day, 20, layers);
        };
        cy.one("layoutstop", function () { setTimeout(frame, 0); });
        setTimeout(frame, 400);
        return no();
      },
      step: function (_prev, _next, n, scenes) {
        var trigger = window.dash_clientside.callback_context.triggered_id;
        var count = (scenes || []).length;
        if (!count) return no();
        return window.controls.sceneAfter(n, count, trigger === "scene-prev");
      },
      exportTimeline: function () {
        var trigger = window.dash_clientside.callback_context.triggered_id;
        var gd = graphDiv();
        if (!gd) return no();
        var line = gd.querySelector(".cursor-line");
        var date = line && line.dataset.date;
        var format = trigger === "export-timeline-svg" ? "svg" : "png";
        // The live cursor is an overlay: draw it into the figure for the file, then hide it again.
        Plotly.relayout(gd, {"shapes[0].visible": !!date, "shapes[0].x0": date, "shapes[0].x1": date})
          .then(function () { return Plotly.downloadImage(gd, {format: format, scale: 2, filename: "timeline-" + (date || "")}); })
          .then(function () { Plotly.relayout(gd, {"shapes[0].visible": false}); });
        return no();
      },
      /* PNG of the network as drawn on the page; its SVG comes from the server (/export/network.svg), so
         the page does not load cytoscape's SVG bundle. */
      exportNetwork: function () {
        return {type: "png", action: "download", filename: "network", options: {full: true, scale: 2, bg: "#ffffff"}};
      }
    }
  });
})();
