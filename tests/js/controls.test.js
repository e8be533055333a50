// Unit tests for assets/controls.js (`node --test tests/js/`): what each key and button does.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const c = require("../../assets/controls.js");

test("typing: keys in a field, a list box or editable text are text, not shortcuts", () => {
  assert.equal(c.typing({tagName: "INPUT"}), true);
  assert.equal(c.typing({tagName: "textarea"}), true);
  assert.equal(c.typing({tagName: "SELECT"}), true);
  assert.equal(c.typing({tagName: "DIV", isContentEditable: true}), true);
  assert.equal(c.typing({tagName: "BUTTON"}), false);
  assert.equal(c.typing(null), false);
});

test("allowed: character keys only while single-key shortcuts are on; Space and named keys always", () => {
  for (const key of ["p", "B", ".", "3", "?"]) {
    assert.equal(c.allowed(key, true), true);
    assert.equal(c.allowed(key, false), false);
  }
  for (const key of [" ", "ArrowRight", "PageDown", "Home", "Escape"]) assert.equal(c.allowed(key, false), true);
});

test("sceneNumber keeps to the scenes there are", () => {
  assert.equal(c.sceneNumber(9, 3), 3);
  assert.equal(c.sceneNumber(0, 3), 1);
  assert.equal(c.sceneNumber(2, 3), 2);
  assert.equal(c.sceneNumber(2, 0), null);
});

test("sceneAfter steps one scene, never past the first or the last", () => {
  assert.equal(c.sceneAfter(0, 3), 1);  // no scene yet: Next shows the first
  assert.equal(c.sceneAfter(2, 3), 3);
  assert.equal(c.sceneAfter(3, 3), 3);
  assert.equal(c.sceneAfter(2, 3, true), 1);
  assert.equal(c.sceneAfter(1, 3, true), 1);
  assert.equal(c.sceneAfter(0, 3, true), 1);
});

test("lectureKey: P and ? always, the scene keys only while presenting", () => {
  const off = {presenting: false, index: 0, count: 3}, on = {presenting: true, index: 2, count: 3};
  assert.deepEqual(c.lectureKey("?", off), {action: "keys"});
  assert.deepEqual(c.lectureKey("P", off), {action: "present"});
  assert.equal(c.lectureKey("ArrowRight", off), null);
  assert.equal(c.lectureKey("b", off), null);
  const scene = (key, at) => c.lectureKey(key, at || on).scene;
  assert.equal(scene("ArrowRight"), 3);
  assert.equal(scene("PageDown", {presenting: true, index: 3, count: 3}), 3);
  assert.equal(scene(" "), 3);
  assert.equal(scene("PageUp"), 1);
  assert.equal(scene("ArrowLeft", {presenting: true, index: 1, count: 3}), 1);
  assert.equal(scene("Home"), 1);
  assert.equal(scene("End"), 3);
  assert.equal(scene("2"), 2);
  assert.equal(scene("9"), 3);
  assert.equal(scene("0", {presenting: true, index: 1, count: 12}), 10);
  assert.deepEqual(c.lectureKey("End", {presenting: true, index: 0, count: 0}), {action: "scene", scene: null});
  assert.deepEqual(c.lectureKey(".", on), {action: "blackout"});  // a clicker's black-screen button
  assert.deepEqual(c.lectureKey("B", on), {action: "blackout"});
  assert.deepEqual(c.lectureKey("f", on), {action: "fullscreen"});
  assert.deepEqual(c.lectureKey("Escape", on), {action: "leave"});
  assert.equal(c.lectureKey("x", on), null);
  assert.equal(c.lectureKey("Tab", on), null);
});

test("searchKey: Down into and down the results, Up back to the field, Esc closes", () => {
  assert.deepEqual(c.searchKey("ArrowDown", -1, 3), {focus: 0, close: false});
  assert.deepEqual(c.searchKey("ArrowDown", 2, 3), {focus: 2, close: false});
  assert.equal(c.searchKey("ArrowDown", -1, 0), null);
  assert.deepEqual(c.searchKey("ArrowUp", 2, 3), {focus: 1, close: false});
  assert.deepEqual(c.searchKey("ArrowUp", 0, 3), {focus: -1, close: false});
  assert.equal(c.searchKey("ArrowUp", -1, 3), null);  // the field's own Up (start of the text)
  assert.deepEqual(c.searchKey("Escape", 1, 3), {focus: -1, close: true});
  assert.equal(c.searchKey("Escape", -1, 0), null);  // nothing to close: Esc goes on (the drawer, the slides)
  assert.equal(c.searchKey("Enter", 1, 3), null);
});

test("tabTarget wraps around the dialog's controls both ways", () => {
  assert.equal(c.tabTarget(0, 3), 1);
  assert.equal(c.tabTarget(2, 3), 0);
  assert.equal(c.tabTarget(-1, 3), 0);
  assert.equal(c.tabTarget(0, 3, true), 2);
  assert.equal(c.tabTarget(-1, 3, true), 2);
  assert.equal(c.tabTarget(2, 3, true), 1);
});
