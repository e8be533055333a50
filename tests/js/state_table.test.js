// Unit tests for assets/state_table.js (`node --test tests/js/`): the table view's rows at a day.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const st = require("../../assets/state_table.js");

// Surely in force on days 20-30, maybe on 10-40 (the bounds of core/validity.py).
const bounds = {lo: 10, start: 20, end: 30, hi: 40};
const text = (node) => typeof node === "string" ? node : Array.isArray(node) ? node.map(text).join("|")
  : text(node.props.children);
const classes = (rows) => rows.map((r) => r.props.className);

test("listed: the rows in force, then those that may be, apart under a heading", () => {
  const rows = [Object.assign({name: "a"}, bounds), Object.assign({name: "b"}, bounds, {start: 25}),
                Object.assign({name: "c"}, bounds, {hi: 20, end: 15})];
  const at = (day) => st.listed(rows, day, (r) => [{type: "Td", namespace: "dash_html_components", props: {children: r.name}}], 2);
  assert.deepEqual(at(22).map(text), ["a", "Possibly still in force: no end recorded, or dates uncertain", "b"]);
  assert.deepEqual(classes(at(22)), ["", "apart", "uncertain"]);
  assert.equal(at(22)[1].props.children[0].props.colSpan, 2);
  assert.deepEqual(at(26).map(text), ["a", "b"]);
  assert.deepEqual(classes(at(26)), ["", ""]);
  assert.deepEqual(at(50), []);
  assert.deepEqual(st.listed(undefined, 26, () => [], 2), []);
});

test("tables: each table's cells, the first a button that opens the row's detail", () => {
  const state = {
    offices: [Object.assign({title: "General Secretary", name: "Stalin", held: "1922–1952", ended: "resigned",
                             pick: "tenure:t1"}, bounds)],
    relations: [Object.assign({label: "Stalin — Trotsky: rivalry", held: "1923–1940", ended: "death", pick: "relation:r1"}, bounds)],
    memberships: [Object.assign({group: "Left Opposition", name: "Trotsky", held: "1923–1927", ended: "expelled",
                                 pick: "group:g1"}, bounds, {start: 28})],
    events: [{title: "Lenin dies", when: "21 Jan 1924", people: "Lenin", pick: "event:e1", lo: 100, hi: 100},
             {title: "Earlier", when: "", people: "", pick: "event:e0", lo: 0, hi: 0}],
    event_window: 75,
  };
  const t = st.tables(25, state);
  assert.deepEqual(Object.keys(t), ["offices", "relations", "memberships", "events"]);
  assert.deepEqual(t.offices.map(text), ["General Secretary|Stalin|1922–1952|resigned"]);
  const pick = t.offices[0].props.children[0];
  assert.equal(pick.type, "Th");
  assert.deepEqual(pick.props.children.props, {children: "General Secretary", className: "row-pick", "data-pick": "tenure:t1"});
  assert.deepEqual(t.relations.map(text), ["Stalin — Trotsky: rivalry|1923–1940|death"]);
  assert.deepEqual(classes(t.memberships), ["apart", "uncertain"]);  // maybe in force on day 25, surely from 28
  assert.equal(t.memberships[0].props.children[0].props.colSpan, 4);
  // Events within event_window days either side: day 100 is 75 days after 25 (not after 24), day 0 25 before.
  assert.deepEqual(t.events.map(text), ["Lenin dies|21 Jan 1924|Lenin", "Earlier||"]);
  assert.deepEqual(st.tables(24, state).events.map(text), ["Earlier||"]);
  assert.deepEqual(st.tables(25, {}), {offices: [], relations: [], memberships: [], events: []});
});
