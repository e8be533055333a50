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
  // A scene's focus is drawn while in the record, tie or not; never once gone.
  assert.deepEqual(ns.classesAt(elements, 28, ["political"], [], ["a"])["a"], []);
  assert.deepEqual(ns.classesAt(elements, 50, ["political"], [], ["a"])["a"], ["gone"]);
});

test("withClasses adds the day's classes to those an element has, and leaves the others as they are", () => {
  const a = {data: {id: "a"}, classes: "person"}, b = {data: {id: "b"}}, c = {data: {id: "c"}, classes: "person"};
  const out = ns.withClasses([a, b, c], {a: ["alone", "fc1"], b: ["gone"], c: []});
  assert.deepEqual(out, [{data: {id: "a"}, classes: "person alone fc1"}, {data: {id: "b"}, classes: "gone"}, c]);
  assert.equal(out[2], c);
  assert.equal(a.classes, "person");  // the payload's own elements are not changed
});

test("classChanges touches only the classes the date decides", () => {
  assert.deepEqual(ns.classChanges(["person", "alone", "fc0", "hover"], ["fc2"]), {add: ["fc2"], remove: ["alone", "fc0"]});
  assert.deepEqual(ns.classChanges(["person", "uncertain"], ["uncertain"]), {add: [], remove: []});
  assert.deepEqual(ns.classChanges(["person", "focus", "fc", "changed"], ["off"]), {add: ["off"], remove: []});
  assert.deepEqual(ns.classChanges(["gone", "fc12"], []), {add: [], remove: ["gone", "fc12"]});
});

test("isDrawn: neither gone nor alone", () => {
  assert.equal(ns.isDrawn([]), true);
  assert.equal(ns.isDrawn(["uncertain", "fc0"]), true);
  assert.equal(ns.isDrawn(["gone"]), false);
  assert.equal(ns.isDrawn(["alone", "uncertain"]), false);
});

test("drawnIds: the people drawn at the day and the ties shown between two of them; everyone on request", () => {
  const elements = [{data: {id: "a"}}, {data: {id: "b"}}, {data: {id: "c"}},
                    {data: {id: "ab", source: "a", target: "b"}}, {data: {id: "bc", source: "b", target: "c"}},
                    {data: {id: "ac", source: "a", target: "c"}}];
  const want = {a: ["uncertain"], b: [], c: ["gone"], ab: ["uncertain"], bc: [], ac: ["off"]};
  assert.deepEqual(ns.drawnIds(elements, want), {a: true, b: true, ab: true});
  // With everyone, the people not drawn are too, and so are the ties shown between them; never one that is off.
  assert.deepEqual(ns.drawnIds(elements, want, true), {a: true, b: true, c: true, ab: true, bc: true});
  assert.deepEqual(ns.drawnIds(elements, {a: ["alone"], b: ["alone"], c: []}), {c: true});
});

test("drawnChanges: what cytoscape holds and is no longer drawn, and what is drawn and not held", () => {
  const a = {data: {id: "a"}}, b = {data: {id: "b"}}, ab = {data: {id: "ab", source: "a", target: "b"}};
  assert.deepEqual(ns.drawnChanges([a, b, ab], {a: true, ab: true}, {a: true, b: true}), {remove: ["ab"], add: [b]});
  assert.deepEqual(ns.drawnChanges([a, b, ab], {}, {}), {remove: [], add: []});
  assert.deepEqual(ns.drawnChanges([a, b], {a: true, b: true}, {a: true, b: true}), {remove: [], add: []});
});

test("egoClasses: on the path, else outside the neighbourhood kept, else nothing", () => {
  const view = {keep: {nodes: ["a", "b"], edges: ["ab"]}, path: {nodes: ["c"], edges: ["bc"]}};
  assert.deepEqual(ns.egoClasses("a", true, view), []);
  assert.deepEqual(ns.egoClasses("ab", false, view), []);
  assert.deepEqual(ns.egoClasses("d", true, view), ["outside"]);
  assert.deepEqual(ns.egoClasses("a", false, view), ["outside"]);  // an edge's id is looked up among edges
  assert.deepEqual(ns.egoClasses("c", true, view), ["onpath"]);
  assert.deepEqual(ns.egoClasses("bc", false, view), ["onpath"]);
  assert.deepEqual(ns.egoClasses("d", true, {path: {nodes: ["c"], edges: []}}), []);
  assert.deepEqual(ns.egoClasses("d", true, null), []);
});

test("placeLabels: below the node if free, else above, right, left, a corner; hidden if nowhere", () => {
  const node = (id, x, y, rank, w = 40) => ({id, rank, node: {x1: x - 5, y1: y - 5, x2: x + 5, y2: y + 5}, w, h: 10});
  // Alone in the middle: below.
  assert.deepEqual(ns.placeLabels([node("a", 100, 100, 0)], 300, 200), {a: "bottom"});
  // Near the bottom edge: above.
  assert.deepEqual(ns.placeLabels([node("a", 100, 195, 0)], 300, 200), {a: "top"});
  // Two nodes stacked closely: the upper one's label cannot go below (the lower node is there), so it goes
  // above; the lower one's goes below. Nodes are obstacles for every label.
  const out = ns.placeLabels([node("low", 100, 112, 1), node("high", 100, 100, 0)], 300, 200);
  assert.deepEqual(out, {high: "top", low: "bottom"});
  // Nodes below, above and on both sides: a corner.
  const boxed = [node("c", 100, 100, 0, 30), node("s", 100, 113, 1, 8), node("n", 100, 87, 2, 8),
                 node("e", 117, 100, 3, 8), node("w", 83, 100, 4, 8)];
  assert.equal(ns.placeLabels(boxed, 300, 200).c, "bottom-right");
  // Nodes all round: over a node rather than hidden.
  const ring = [node("c", 100, 100, 0, 30)];
  for (const [dx, dy] of [[0, 13], [0, -13], [17, 0], [-17, 0], [22, 13], [-22, 13], [22, -13], [-22, -13],
                          [40, 13], [-40, 13], [40, -13], [-40, -13]]) ring.push(node(`r${dx},${dy}`, 100 + dx, 100 + dy, 9, 1));
  assert.equal(ns.placeLabels(ring, 300, 200).c, "bottom");
  // No room for a second wide label next to the first one, in a panel this small: hidden.
  const crowd = [node("x", 150, 15, 0, 290), node("y", 150, 16, 1, 290)];
  assert.equal(ns.placeLabels(crowd, 300, 30).y, null);
  assert.deepEqual(ns.placeLabels([], 300, 200), {});
});

test("placeLabels: no two placed labels overlap, none crosses the edge", () => {
  const items = [];
  for (let i = 0; i < 40; i++) {
    const x = 20 + (i * 37) % 260, y = 20 + (i * 53) % 160;
    items.push({id: "n" + i, rank: i, node: {x1: x - 6, y1: y - 6, x2: x + 6, y2: y + 6}, w: 30 + i % 20, h: 12});
  }
  const places = ns.placeLabels(items, 300, 200);
  const boxes = items.filter(it => places[it.id]).map(it => {
    const n = it.node, cx = (n.x1 + n.x2) / 2, cy = (n.y1 + n.y2) / 2;
    return {bottom: [cx - it.w / 2, n.y2 + 2, cx + it.w / 2, n.y2 + 2 + it.h],
            top: [cx - it.w / 2, n.y1 - 2 - it.h, cx + it.w / 2, n.y1 - 2],
            right: [n.x2 + 2, cy - it.h / 2, n.x2 + 2 + it.w, cy + it.h / 2],
            left: [n.x1 - 2 - it.w, cy - it.h / 2, n.x1 - 2, cy + it.h / 2],
            "bottom-right": [n.x2, n.y2, n.x2 + it.w, n.y2 + it.h], "bottom-left": [n.x1 - it.w, n.y2, n.x1, n.y2 + it.h],
            "top-right": [n.x2, n.y1 - it.h, n.x2 + it.w, n.y1], "top-left": [n.x1 - it.w, n.y1 - it.h, n.x1, n.y1]}[places[it.id]];
  });
  assert.ok(boxes.length > 10);
  for (const [i, a] of boxes.entries()) {
    assert.ok(a[0] >= 0 && a[1] >= 0 && a[2] <= 300 && a[3] <= 200);
    for (const b of boxes.slice(i + 1)) assert.ok(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]);
  }
});

test("overlapping: the less important of two overlapping drawn labels, and those past the edge", () => {
  const box = (id, x, y, rank) => ({id, x1: x, y1: y, x2: x + 50, y2: y + 20, rank});
  const items = [box("minor", 10, 10, 5), box("focus", 30, 15, 0), box("far", 200, 10, 3), box("edge", 280, 100, 1)];
  assert.deepEqual(ns.overlapping(items, 300, 200).sort(), ["edge", "minor"]);
  assert.deepEqual(ns.overlapping([box("a", 0, 0, 1), box("b", 52, 0, 2)], 300, 200, 4), ["b"]);  // the gap
  assert.deepEqual(ns.overlapping([], 300, 200), []);
});

test("placeClass names the class of each place; below is the default, null hides the label", () => {
  assert.deepEqual(ns.PLACES.map(ns.placeClass), ["", "lbl-top", "lbl-right", "lbl-left", "lbl-bottom-right",
                                                  "lbl-bottom-left", "lbl-top-right", "lbl-top-left"]);
  assert.equal(ns.placeClass(null), "nolabel");
});

test("rescuePlace: a clear place, else one over labels that may go, else one further out, else none", () => {
  const box = (x, y, id) => ({id, x1: x, y1: y, x2: x + 40, y2: y + 10});
  const other = box(100, 100, "other"), focus = box(100, 130, "focus");
  const kept = [other, focus];
  const first = ["focus", "me"];
  // The first place inside the panel and clear of the labels shown.
  assert.deepEqual(ns.rescuePlace([box(-5, 50), box(100, 105), box(10, 10)], [], kept, first, 300, 200),
                   {far: false, index: 2, hide: []});
  // None clear: the first over labels not in focus (the one over the focus's label is passed over).
  assert.deepEqual(ns.rescuePlace([box(100, 125), box(110, 95), box(90, 98)], [box(0, 0)], kept, first, 300, 200),
                   {far: false, index: 1, hide: [other]});
  // Only labels in focus in the way: further out, where it is clear.
  assert.deepEqual(ns.rescuePlace([box(100, 125)], [box(100, 135), box(200, 20)], kept, first, 300, 200),
                   {far: true, index: 1, hide: []});
  // 1 pixel apart is in the way, 1 pixel more is not.
  assert.equal(ns.rescuePlace([box(140, 100)], [], [other], first, 300, 200).hide.length, 1);
  assert.equal(ns.rescuePlace([box(141, 100)], [], [other], first, 300, 200).hide.length, 0);
  assert.equal(ns.rescuePlace([box(100, 125)], [box(100, 195)], kept, first, 300, 200), null);
});
