/* Clientside callbacks: everything the date cursor drives runs here, on data
   shipped once with the page (see dashboard/web/payload.py). */
(function () {
  "use strict";
  var DAY_MS = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function no() { return window.dash_clientside.no_update; }

  function iso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function label(day) {
    var d = new Date(day * DAY_MS);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function parseDate(text) {
    var m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text || "");
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    var t = Date.UTC(y, mo - 1, d);
    if (new Date(t).getUTCDate() !== d) return null;
    return Math.floor(t / DAY_MS);
  }
  function graphDiv() { return document.querySelector("#timeline .js-plotly-plot"); }
  function cell(text, tag) {
    return {type: tag || "Td", namespace: "dash_html_components", props: {children: text}};
  }
  function row(cells) {
    return {type: "Tr", namespace: "dash_html_components", props: {children: cells}};
  }
  function sel(id) { return '[id = "' + String(id).replace(/["\\]/g, "") + '"]'; }

  /* Timeline: move the cursor line (shape 0), fade bars not held at the date,
     outline the selected person's bars. One Plotly.update, no server trip. */
  function paintTimeline(day, person) {
    var gd = graphDiv();
    if (!gd || !gd.data || !window.Plotly) return;
    var ms = day * DAY_MS, idx = [], opacity = [], widths = [];
    gd.data.forEach(function (trace, i) {
      var role = trace.meta && trace.meta.role;
      if (role !== "tenure" && role !== "vague") return;
      var base = role === "vague" ? 0.45 : 1.0;
      idx.push(i);
      opacity.push(trace.customdata.map(function (c) { return c[3] <= ms && ms <= c[4] ? base : base * 0.3; }));
      widths.push(trace.customdata.map(function (c) { return person && c[1] === person ? 3 : 0; }));
    });
    var layout = {"shapes[0].x0": iso(day), "shapes[0].x1": iso(day), "shapes[0].visible": true};
    if (idx.length) {
      Plotly.update(gd, {"marker.opacity": opacity, "marker.line.width": widths, "marker.line.color": "#C00000"},
                    layout, idx);
    } else {
      Plotly.relayout(gd, layout);
    }
  }

  function networkStyle(base, day, person, inactive, payload) {
    var rules = base.slice();
    rules.push({selector: "edge[lo > " + day + "], edge[hi < " + day + "]", style: {display: "none"}});
    var gone = inactive === "hide" ? {display: "none"} : {opacity: 0.16};
    rules.push({selector: "node[alo > " + day + "], node[ahi < " + day + "]", style: gone});
    var byColour = {};
    (payload.memberships || []).forEach(function (m) {
      if (m[2] <= day && day <= m[3]) byColour[m[4]] = (byColour[m[4]] || []).concat([m[0]]);
    });
    Object.keys(byColour).forEach(function (colour) {
      rules.push({selector: byColour[colour].map(sel).join(", "), style: {"background-color": colour}});
    });
    if (person) {
      rules.push({selector: "node" + sel(person), style: {"border-width": 6, "border-color": "#C00000",
                  width: 40, height: 40, "font-weight": "bold", "z-index": 10}});
      rules.push({selector: 'edge[source = "' + person + '"], edge[target = "' + person + '"]',
                  style: {width: 6, opacity: 1}});
    }
    return rules;
  }

  function tables(day, payload) {
    var active = function (r) { return r[0] <= day && day <= r[1]; };
    var offices = (payload.tenures || []).filter(active).map(function (t) {
      return row([cell(t[2], "Th"), cell(t[3]), cell(t[4])]);
    });
    var relations = (payload.relations || []).filter(active).map(function (r) {
      return row([cell(r[2]), cell(r[3]), cell(r[4]), cell(r[5])]);
    });
    return [offices, relations];
  }

  function query(meta, changes) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) {
      var v = changes[k];
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) params.delete(k);
      else params.set(k, Array.isArray(v) ? v.join(",") : v);
    });
    var s = params.toString();
    return s ? "?" + s : window.location.pathname;
  }

  var defaults = {lanes: "office", colour: "organisation", inactive: "grey"};
  var lastWritten = null;

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    history: {
      moveCursor: function (day, person, inactive, _figure, base, payload) {
        if (day === null || day === undefined || !payload) return [no(), no(), no(), no(), no()];
        window.requestAnimationFrame(function () { paintTimeline(day, person); });
        var t = tables(day, payload);
        return [networkStyle(base || [], day, person, inactive, payload), label(day), t[0], t[1],
                "Offices held and relations in force on " + label(day)];
      },
      typedDate: function (text, min, max) {
        var day = parseDate(text);
        if (day === null) {
          return [no(), [{type: "P", namespace: "dash_html_components",
                        props: {children: "'" + text + "' is not a date: write it like 1927-11-15, 1927-11 or 1927."}}]];
        }
        return [Math.min(Math.max(day, min), max), []];
      },
      showDate: function (day, current) {
        var typed = parseDate(current);
        return typed === day ? no() : iso(day);
      },
      togglePlay: function (_n, disabled) {
        return [!disabled, disabled ? "❚❚ Pause" : "▶ Play"];
      },
      step: function (_n, day, max, speed) {
        var next = day + (speed || 30);
        if (next >= max) return [max, true, "▶ Play"];
        return [next, no(), no()];
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
          var a = button.getAttribute("data-start"), b = button.getAttribute("data-end");
          var end = parseDate(b);
          Plotly.relayout(gd, {"xaxis.range": [iso(parseDate(a)), iso(end + (b.length === 4 ? 365 : 0))]});
        }
        return no();
      },
      writeUrl: function (day, person, lanes, colour, orgs, kinds, groups, rels, inactive, relayout, meta) {
        var changes = {date: iso(day), sel: person, lanes: lanes === defaults.lanes ? null : lanes,
          colour: colour === defaults.colour ? null : colour, orgs: orgs, kinds: kinds, groups: groups,
          rels: rels, inactive: inactive === defaults.inactive ? null : inactive};
        if (relayout && relayout["xaxis.range[0]"]) {
          changes.start = String(relayout["xaxis.range[0]"]).slice(0, 10);  // a day is precise enough
          changes.end = String(relayout["xaxis.range[1]"]).slice(0, 10);
        } else if (relayout && relayout["xaxis.autorange"]) {
          changes.start = null; changes.end = null;
        }
        var url = query(meta, changes);
        if (url === lastWritten) return no();
        var trigger = window.dash_clientside.callback_context.triggered_id;
        // Cursor drags replace the history entry; discrete changes push one, so Back undoes them.
        if (trigger === "cursor") window.history.replaceState(null, "", url);
        else window.history.pushState(null, "", url);
        lastWritten = url;
        return url;
      },
      switchDataset: function (name, meta) {
        window.location.assign(window.location.pathname + "?dataset=" + encodeURIComponent(name));
        return no();
      }
    }
  });
})();
