// Unit tests for assets/timeline_cursor.js (`node --test tests/js/`): the cursor's moves and the bars it marks.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const tc = require("../../assets/timeline_cursor.js");

test("nextPlay: the first step past the day, and the end at the cursor's last day", () => {
  const firsts = [0, 31, 59, 90];  // firsts of the month, as page.play_steps gives them
  assert.deepEqual(tc.nextPlay(firsts, 0, 200), {day: 31, end: false});
  assert.deepEqual(tc.nextPlay(firsts, 40, 200), {day: 59, end: false});
  assert.deepEqual(tc.nextPlay(firsts, 90, 200), {day: 200, end: true});  // no step left: the last day
  assert.deepEqual(tc.nextPlay(firsts, 40, 59), {day: 59, end: true});
  assert.deepEqual(tc.nextPlay(undefined, 40, 59), {day: 59, end: true});
});

test("stopPair: two stops in a row are the dates compared, unless the cursor came back", () => {
  assert.deepEqual(tc.stopPair(100, 250), {from: 100, to: 250});
  assert.deepEqual(tc.stopPair(250, 100), {from: 250, to: 100});
  assert.equal(tc.stopPair(100, 100), null);
});

test("sweep eases from one day to another and ends on the target", () => {
  const days = tc.sweep(0, 600, 6);
  assert.deepEqual(days, [33, 133, 300, 467, 567, 600]);
  assert.deepEqual(tc.sweep(600, 0, 6), [567, 467, 300, 133, 33, 0]);
  assert.deepEqual(tc.sweep(10, 11, 6), [11]);  // a day away: no sweep
  assert.deepEqual(tc.sweep(null, 11, 6), [11]);
  assert.deepEqual(tc.sweep(undefined, 11, 6), [11]);
});

test("barOutlines: flashed tenures black and wider, the people's bars red, only on tenure traces", () => {
  const traces = [
    {meta: {role: "tenure"}, customdata: [["t1", "stalin", "tenure"], ["t2", "lenin", "tenure"], ["t3", "rykov", "tenure"]]},
    {meta: {role: "event"}, customdata: [["e1", "", "event"]]},
    {customdata: [["x", "stalin"]]},
    {meta: {role: "vague"}, customdata: [["t4", "stalin", "tenure"]]},
  ];
  assert.deepEqual(tc.barOutlines(traces, ["stalin"], ["t2"]), {
    indices: [0, 3],
    widths: [[4, 5, 0], [4]],
    colours: [["#C00000", "#000000", "#C00000"], ["#C00000"]],
  });
  assert.deepEqual(tc.barOutlines([], ["stalin"], []), {indices: [], widths: [], colours: []});
});

test("barOutlines: only the traces whose outlines are not already what is asked", () => {
  const bars = (role, rows, line) => ({meta: {role}, customdata: rows, marker: {line}});
  // As Python draws them (no outline, one width for the trace): nobody selected asks for no restyle.
  const drawn = [bars("tenure", [["t1", "stalin"], ["t2", "lenin"]], {width: 0}), bars("vague", [["t4", "rykov"]], {width: 0})];
  assert.deepEqual(tc.barOutlines(drawn, [], []), {indices: [], widths: [], colours: []});
  // Stalin selected: only his trace changes; once it shows his outline, asking again changes nothing.
  const picked = tc.barOutlines(drawn, ["stalin"], []);
  assert.deepEqual(picked, {indices: [0], widths: [[4, 0]], colours: [["#C00000", "#C00000"]]});
  const shown = [bars("tenure", drawn[0].customdata, {width: [4, 0], color: ["#C00000", "#C00000"]}), drawn[1]];
  assert.deepEqual(tc.barOutlines(shown, ["stalin"], []).indices, []);
  // The same width in another colour (a flash ending: black back to red) is a change; deselecting is one too.
  const flashed = [bars("tenure", drawn[0].customdata, {width: [4, 0], color: ["#000000", "#C00000"]})];
  assert.deepEqual(tc.barOutlines(flashed, ["stalin"], []).indices, [0]);
  assert.deepEqual(tc.barOutlines(shown, [], []), {indices: [0], widths: [[0, 0]], colours: [["#C00000", "#C00000"]]});
  // A trace with no marker at all reads as no outline.
  assert.deepEqual(tc.barOutlines([{meta: {role: "tenure"}, customdata: [["t1", "stalin"]]}], [], []).indices, []);
});

test("fitWidth: a phone gets the narrow column of lane names, a wider screen the wide one, once", () => {
  const fit = {below: 600, wide: {"margin.l": 250, "yaxis.ticktext": ["Leader of the Soviet Union"]},
               narrow: {"margin.l": 124, "yaxis.ticktext": ["Leader of the<br>Soviet Union"]}};
  const wide = {margin: {l: 250}, meta: {fit}};
  assert.deepEqual(tc.fitWidth(wide, 390), fit.narrow);
  assert.deepEqual(tc.fitWidth(wide, 600), fit.narrow);
  assert.deepEqual(tc.fitWidth(wide, 601), {});
  const narrow = {margin: {l: 124}, meta: {fit}};
  assert.deepEqual(tc.fitWidth(narrow, 390), {});
  assert.deepEqual(tc.fitWidth(narrow, 1280), fit.wide);
  assert.deepEqual(tc.fitWidth({margin: {l: 10}, meta: {}}, 390), {});  // a slide: no such layouts
  assert.deepEqual(tc.fitWidth(undefined, 390), {});
  // The timeline's own figure carries its meta as JSON text (views/timeline.py, for_browser).
  assert.deepEqual(tc.fitWidth({margin: {l: 250}, meta: JSON.stringify({fit})}, 390), fit.narrow);
});

test("fitSlide: the most lanes whose names fit the plot's height, the fewest when none does, nothing when shown", () => {
  const step = (lanes, need) => ({lanes, need, relayout: {"yaxis.range": [5 - lanes - 0.6, 4.6], "xaxis.title.text": lanes < 5 ? `+${5 - lanes} more offices` : null}});
  const layout = {meta: {slide: [step(5, 59), step(4, 59), step(3, 59), step(2, 59)]}, yaxis: {range: [-0.6, 4.6]}};
  assert.deepEqual(tc.fitSlide(layout, 400), {});  // 400 / 5.2 = 77 px a lane: all five fit, as drawn
  assert.deepEqual(tc.fitSlide(layout, 230), {"yaxis.range": [1.4, 4.6], "xaxis.title.text": "+2 more offices"});
  assert.deepEqual(tc.fitSlide(layout, 60), {"yaxis.range": [2.4, 4.6], "xaxis.title.text": "+3 more offices"});
  assert.deepEqual(tc.fitSlide({meta: layout.meta, yaxis: {range: [1.4, 4.6]}}, 230), {});
  assert.deepEqual(tc.fitSlide({meta: {}}, 230), {});
  assert.deepEqual(tc.fitSlide({...layout, meta: JSON.stringify(layout.meta)}, 230)["yaxis.range"], [1.4, 4.6]);
  assert.deepEqual(tc.fitSlide(layout, 0), {});
});
