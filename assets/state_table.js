/* The table view's rows at a day, as Dash components (plain objects): pure functions, tested with
   `node --test tests/js/`. Python sends every row once with its bounds and its text (views/state.py);
   here the day only chooses which rows show, and where. */
(function (root) {
  "use strict";
  var nodeState = typeof module !== "undefined" && module.exports ? require("./network_state.js") : null;
  function status(row, day) { return (nodeState || root.networkState).status(row, day); }

  function html(type, props) { return {type: type, namespace: "dash_html_components", props: props}; }
  function cell(text, tag) { return html(tag || "Td", {children: text}); }
  function row(cells, className) { return html("Tr", {children: cells, className: className || ""}); }

  /* A row's first cell: a button that opens the row's detail (`pick`, named in views/state.py). */
  function pickCell(text, pick) {
    return cell(html("Button", {children: text, className: "row-pick", "data-pick": pick}), "Th");
  }

  /* The rows in force at `day`, then those that may be, apart under a heading that says why. `cells` gives
     a row's cells; `columns`, how many there are. */
  function listed(rows, day, cells, columns) {
    var sure = [], maybe = [];
    (rows || []).forEach(function (r) {
      var s = status(r, day);
      if (s === "in force") sure.push(row(cells(r), ""));
      else if (s === "uncertain") maybe.push(row(cells(r), "uncertain"));
    });
    if (maybe.length) {
      maybe.unshift(html("Tr", {className: "apart", children: [
        html("Th", {colSpan: columns, scope: "colgroup",
                    children: "Possibly still in force: no end recorded, or dates uncertain"})]}));
    }
    return sure.concat(maybe);
  }

  /* The four tables' rows at `day`, from the table view's data (`state`: views/state.py). Events show
     within `event_window` days of the day. */
  function tables(day, state) {
    var w = state.event_window || 0;
    return {
      offices: listed(state.offices, day, function (t) {
        return [pickCell(t.title, t.pick), cell(t.name), cell(t.held), cell(t.ended)];
      }, 4),
      relations: listed(state.relations, day, function (r) {
        return [pickCell(r.label, r.pick), cell(r.held), cell(r.ended)];
      }, 3),
      memberships: listed(state.memberships, day, function (m) {
        return [pickCell(m.group, m.pick), cell(m.name), cell(m.held), cell(m.ended)];
      }, 4),
      events: (state.events || []).filter(function (e) { return e.lo <= day + w && e.hi >= day - w; })
        .map(function (e) { return row([pickCell(e.title, e.pick), cell(e.when), cell(e.people)]); }),
    };
  }

  var api = {listed: listed, tables: tables};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.stateTable = api;
})(typeof window !== "undefined" ? window : this);
