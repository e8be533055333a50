// Unit tests for assets/network_state.js, run by `node --test tests/js/` (scripts/test).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const ns = require("../../assets/network_state.js");

const sure = {lo: 10, start: 20, end: 30, hi: 40};  // maybe in force 10-40, surely 20-30

test("status compares the day with the bounds", () => {
  assert.equal(ns.status(sure, 9), null);
  assert.equal(ns.status(sure, 10), "uncertain");
  assert.equal(ns.status(sure, 20), "in force");
  assert.equal(ns.status(sure, 30), "in force");
  assert.equal(ns.status(sure, 31), "uncertain");
  assert.equal(ns.status(sure, 41), null);
  // Never surely in force (an undated row): only uncertain within lo..hi.
  assert.equal(ns.status({lo: 0, start: 1e7, end: -1e7, hi: 5}, 3), "uncertain");
});

test("factionColours keeps the order of first appearance", () => {
  assert.deepEqual(ns.factionColours([{colour: "#a"}, {colour: "#b"}, {colour: "#a"}]), ["#a", "#b"]);
});

test("factionAt: the narrower membership, applied later, wins", () => {
  const m = [{person: "p", lo: 0, hi: 100, colour: "#wide"}, {person: "p", lo: 40, hi: 60, colour: "#narrow"}];
  const colours = ns.factionColours(m);
  assert.deepEqual(ns.factionAt(m, colours, 50), {p: 1});
  assert.deepEqual(ns.factionAt(m, colours, 70), {p: 0});
  assert.deepEqual(ns.factionAt(m, colours, 200), {});
});

test("edgeClasses: off outside its bounds or when its layer is not shown", () => {
  const e = Object.assign({layer: "personal"}, sure);
  assert.deepEqual(ns.edgeClasses(e, 25, ["political"]), ["off"]);
  assert.deepEqual(ns.edgeClasses(e, 25, ["political", "personal"]), []);
  assert.deepEqual(ns.edgeClasses(e, 35, ["personal"]), ["uncertain"]);
  assert.deepEqual(ns.edgeClasses(e, 50, ["personal"]), ["off"]);
});

test("nodeClasses: gone, alone, uncertain and faction colour", () => {
  const n = Object.assign({id: "p"}, sure);
  assert.deepEqual(ns.nodeClasses(n, 5, true, {}), ["gone"]);
  assert.deepEqual(ns.nodeClasses(n, 25, false, {}), ["alone"]);
  assert.deepEqual(ns.nodeClasses(n, 25, true, {}), []);
  assert.deepEqual(ns.nodeClasses(n, 25, false, {p: 2}), ["fc2"]);  // a faction member is drawn
  assert.deepEqual(ns.nodeClasses(n, 35, true, {p: 0}), ["uncertain", "fc0"]);
});

test("classesAt: a node is linked only by an edge shown that day", () => {
  const elements = [
    {data: Object.assign({id: "a"}, sure)}, {data: Object.assign({id: "b"}, sure)},
    {data: {id: "e", source: "a", target: "b", layer: "political", lo: 22, start: 22, end: 24, hi: 24}},
  ];
  assert.deepEqual(ns.classesAt(elements, 23, ["political"], []), {a: [], b: [], e: []});
  assert.deepEqual(ns.classesAt(elements, 28, ["political"], []), {a: ["alone"], b: ["alone"], e: ["off"]});
  assert.deepEqual(ns.classesAt(elements, 23, ["personal"], [])["a"], ["alone"]);
});

test("STATE_CLASS matches only the classes the date decides", () => {
  for (const c of ["off", "gone", "alone", "uncertain", "fc0", "fc12"]) assert.ok(ns.STATE_CLASS.test(c), c);
  for (const c of ["person", "alliance", "directed", "fc", "focus"]) assert.ok(!ns.STATE_CLASS.test(c), c);
});
