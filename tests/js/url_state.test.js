// Unit tests for assets/url_state.js (`node --test tests/js/`): the query the browser writes, which
// dashboard/web/state.py reads back.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const u = require("../../assets/url_state.js");

test("query sets, replaces and removes keys; no query left is the bare path", () => {
  assert.equal(u.query("?date=1924-01-01&sel=stalin", "/", {date: "1927-11-15", sel: null}), "?date=1927-11-15");
  assert.equal(u.query("?orgs=a", "/", {orgs: ["Party", "Army"], kinds: []}), "?orgs=Party%2CArmy");
  assert.equal(u.query("?sel=stalin", "/", {sel: ""}), "/");
  assert.equal(u.query("", "/scene/2", {lp: 3}), "?lp=3");
});

const defaults = {lanes: "office", colour: "organisation", layers: ["political"]};
const view = {date: "1927-11-15", sel: "", lanes: "office", colour: "organisation", orgs: [], kinds: [], groups: [],
              rels: [], layers: ["political"], everyone: [], lp: 1, ego: null, to: ""};

test("viewChanges leaves the defaults out", () => {
  assert.deepEqual(u.viewChanges(view, defaults), {
    date: "1927-11-15", sel: "", lanes: null, colour: null, orgs: [], kinds: [], groups: [], rels: [], layers: null,
    everyone: null, lp: null, ego: null, to: null});
  const changed = u.viewChanges(Object.assign({}, view, {lanes: "person", colour: "faction", layers: ["political", "personal"],
                                                         everyone: ["on"], lp: 2, ego: "1", to: "trotsky"}), defaults);
  assert.equal(changed.lanes, "person");
  assert.equal(changed.colour, "faction");
  assert.deepEqual(changed.layers, ["political", "personal"]);
  assert.equal(changed.everyone, "1");
  assert.equal(changed.lp, 2);
  assert.equal(changed.ego, "1");
  assert.equal(changed.to, "trotsky");
  assert.equal(u.query("", "/", changed), "?date=1927-11-15&lanes=person&colour=faction&layers=political%2Cpersonal"
               + "&everyone=1&lp=2&ego=1&to=trotsky");
});

test("windowChanges reads the window a zoom, a pan, a preset or a reset asks for", () => {
  const dateAxis = {meta: {}}, dayAxis = {meta: {x_per_day: 1}};
  assert.deepEqual(u.windowChanges({"xaxis.range[0]": "1924-01-01 06:00", "xaxis.range[1]": "1929-12-31"}, dateAxis),
                   {start: "1924-01-01", end: "1929-12-31"});
  assert.deepEqual(u.windowChanges({"xaxis.range": [-733000, -732000.5]}, dayAxis), {start: "-0037-02-12", end: "-0035-11-07"});
  // Day 0 on the day axis (1970-01-01) is an edge like any other. The expected days are core/days.py's.
  assert.deepEqual(u.windowChanges({"xaxis.range[0]": 0, "xaxis.range[1]": 10}, dayAxis), {start: "1970-01-01", end: "1970-01-11"});
  assert.deepEqual(u.windowChanges({"xaxis.autorange": true}, dateAxis), {start: null, end: null});
  assert.equal(u.windowChanges({"yaxis.range[0]": 3}, dateAxis), null);
  assert.equal(u.windowChanges(null, dateAxis), null);
});

test("isDrag: only the timeline's own zoom or pan replaces the history entry", () => {
  assert.equal(u.isDrag("timeline", {"xaxis.range[0]": "1924-01-01", "xaxis.range[1]": "1925-01-01"}), true);
  assert.equal(u.isDrag("timeline", {"xaxis.range": ["1924-01-01", "1925-01-01"]}), false);  // a preset
  assert.equal(u.isDrag("lanes", {"xaxis.range[0]": "1924-01-01"}), false);
  assert.equal(u.isDrag("timeline", null), false);
});

test("inScene and sceneOf read a scene's path", () => {
  assert.equal(u.inScene("/scene/3"), true);
  assert.equal(u.inScene("/"), false);
  assert.equal(u.sceneOf("/scene/12"), 12);
  assert.equal(u.sceneOf("/scene/x"), null);
  assert.equal(u.sceneOf("/"), null);
});

test("sceneUrl keeps the view's options and drops what the scene sets", () => {
  assert.equal(u.sceneUrl(2, "?date=1924-01-01&start=1920&end=1930&sel=stalin&lanes=person&dataset=mini"),
               "/scene/2?lanes=person&dataset=mini");
  assert.equal(u.sceneUrl(1, "?date=1924-01-01"), "/scene/1");
  assert.equal(u.sceneUrl(1, ""), "/scene/1");
});
