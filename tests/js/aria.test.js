// Unit tests for the pure part of assets/aria.js (`node --test tests/js/`); the repairs themselves are
// checked on the page by axe-core (tests/web/test_accessibility.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const aria = require("../../assets/aria.js");

test("dropdownName: the label first, then the value Dash draws beside the button", () => {
  assert.equal(aria.dropdownName("dataset-label", "dataset"), "dataset-label dataset-value");
});

test("addsElements: an element drawn counts, text changed does not", () => {
  const text = {nodeType: 3}, element = {nodeType: 1};
  assert.equal(aria.addsElements([{addedNodes: [text]}, {addedNodes: []}]), false);
  assert.equal(aria.addsElements([{addedNodes: [text]}, {addedNodes: [text, element]}]), true);
  assert.equal(aria.addsElements([]), false);
});
