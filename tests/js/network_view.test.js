// Unit tests for assets/network_view.js (`node --test tests/js/`): the network's stylesheet and framing.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const nv = require("../../assets/network_view.js");

test("selector picks one element by id, and a quote cannot end it", () => {
  assert.equal(nv.selector("stalin"), '[id = "stalin"]');
  assert.equal(nv.selector('a"], node[id = "b'), '[id = "a], node[id = b"]');
  assert.equal(nv.selector("a\\"), '[id = "a"]');
});

const styles = {base: [{selector: "node", style: {label: "data(label)"}}], present: {"font-size": 26},
                everyone: [{selector: "node.gone", style: {display: "element"}}], focus: {"border-width": 6},
                focus_edge: {width: 8}, selected: {"border-width": 7}, selected_edge: {width: 6}};

test("styleRules: the base sheet alone when nothing is asked for", () => {
  assert.deepEqual(nv.styleRules(styles, {}), styles.base);
  assert.notEqual(nv.styleRules(styles, {}), styles.base);  // a copy: Python's sheet is not changed
});

test("styleRules adds factions, focus and selection, in that order", () => {
  const rules = nv.styleRules(styles, {person: "stalin", colours: ["#111", "#222"],
                                       focus: {people: ["lenin", "trotsky"], relations: ["r1"]}});
  assert.deepEqual(rules.map((r) => r.selector), [
    "node", "node.fc0", "node.fc1", '[id = "lenin"], [id = "trotsky"]', '[id = "rel::r1"]', 'node[id = "stalin"]',
    'edge[source = "stalin"], edge[target = "stalin"]']);
  assert.deepEqual(rules[2].style, {"background-color": "#222"});
  assert.equal(rules[3].style, styles.focus);
  assert.equal(rules[4].style, styles.focus_edge);
  assert.equal(rules[5].style, styles.selected);
  assert.equal(rules[6].style, styles.selected_edge);
});

test("styleRules: everyone off a slide; the slide's type on one, where everyone is not drawn", () => {
  assert.deepEqual(nv.styleRules(styles, {everyone: true}).map((r) => r.selector), ["node", "node.gone"]);
  const slide = nv.styleRules(styles, {everyone: true, presenting: true});
  assert.deepEqual(slide, [styles.base[0], {selector: "node", style: styles.present}]);
});

test("nameFont: the slide's type, larger when zoomed out, wrapping at the same width on screen", () => {
  const present = {"font-size": 26, "text-max-width": 220};
  assert.deepEqual(nv.nameFont(present, 18, 1), {"font-size": 26, "text-max-width": 220});
  assert.deepEqual(nv.nameFont(present, 18, 0.5), {"font-size": 36, "text-max-width": 220 * 36 / 26});
  assert.equal(nv.nameFont(present, 18, 0.5)["font-size"] * 0.5, 18);  // 18 px on screen
});

test("around: the points' box with the reach on every side", () => {
  assert.deepEqual(nv.around([{x: 0, y: 10}, {x: 100, y: -20}, {x: 50, y: 5}], 40), {x1: -40, y1: -60, x2: 140, y2: 50});
  assert.deepEqual(nv.around([{x: 3, y: 4}], 0), {x1: 3, y1: 4, x2: 3, y2: 4});
});

test("contains: inside, on the edge, or past it", () => {
  const view = {x1: 0, y1: 0, x2: 100, y2: 50};
  assert.equal(nv.contains(view, {x1: 10, y1: 10, x2: 90, y2: 40}), true);
  assert.equal(nv.contains(view, view), true);
  assert.equal(nv.contains(view, {x1: 10, y1: 10, x2: 101, y2: 40}), false);
  assert.equal(nv.contains(view, {x1: 10, y1: -1, x2: 90, y2: 40}), false);
});

test("frame: fits the people with a margin, never closer than 1x nor farther than the least zoom", () => {
  const box = (x1, y1, x2, y2) => ({x1, y1, x2, y2});
  // 400 x 200 model units in an 800 x 600 panel with 100 px around: 1x (600 / 400 would be closer).
  assert.deepEqual(nv.frame(box(0, 0, 400, 200), box(0, 0, 400, 200), 800, 600, 100, 0.1),
                   {zoom: 1, pan: {x: 200, y: 200}});
  // 1200 x 400: (800 - 200) / 1200 = 0.5, centred.
  assert.deepEqual(nv.frame(box(0, 0, 1200, 400), box(0, 0, 1200, 400), 800, 600, 100, 0.1),
                   {zoom: 0.5, pan: {x: 100, y: 200}});
  assert.equal(nv.frame(box(0, 0, 1e6, 10), box(0, 0, 1e6, 10), 800, 600, 100, 0.1).zoom, 0.1);
  // A lone point is framed at 1x, not divided by zero.
  assert.equal(nv.frame(box(5, 5, 5, 5), box(5, 5, 5, 5), 800, 600, 100, 0.1).zoom, 1);
});

test("frame: moved off the people's centre so no empty margin shows where others are drawn", () => {
  const box = (x1, y1, x2, y2) => ({x1, y1, x2, y2});
  // The scene at x 0-100 near the left end of a network spanning 0-2000: the panel (800 units wide at 1x)
  // starts at the network's left edge instead of showing 350 empty units left of the scene.
  const f = nv.frame(box(0, 0, 100, 100), box(0, 0, 2000, 100), 800, 600, 100, 0.1);
  assert.equal(f.zoom, 1);
  assert.equal(f.pan.x, 0);  // model x 0 at the panel's left edge
  assert.equal(f.pan.y, 250);  // all 100 units fit the height: centred
});
