// Unit tests for assets/day_numbers.js (`node --test tests/js/`); the expected values are what
// dashboard/core/days.py gives for the same day numbers.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const dn = require("../../assets/day_numbers.js");

test("iso writes days as Python does, BCE included", () => {
  assert.equal(dn.iso(-15388), "1927-11-15");
  assert.equal(dn.iso(0), "1970-01-01");
  assert.equal(dn.iso(-719528), "0000-01-01");
  assert.equal(dn.iso(-733000), "-0037-02-12");
});

test("label reads as people do, with no year zero", () => {
  assert.equal(dn.label(-15388), "15 Nov 1927");
  assert.equal(dn.label(-719528), "1 Jan 1 BCE");
  assert.equal(dn.label(-733000), "12 Feb 38 BCE");
});

test("layoutMeta reads the meta as JSON text (the timeline's) or as an object (the others')", () => {
  assert.deepEqual(dn.layoutMeta({meta: '{"x_per_day": 1, "fit": {"below": 600}}'}), {x_per_day: 1, fit: {below: 600}});
  assert.deepEqual(dn.layoutMeta({meta: '{"lanes": 3}'}), {lanes: 3});  // another text: read again
  assert.deepEqual(dn.layoutMeta({meta: {lanes: 4}}), {lanes: 4});
  assert.deepEqual(dn.layoutMeta({}), {});
  assert.deepEqual(dn.layoutMeta(undefined), {});
});

test("perDay and dayOf follow the axis's unit", () => {
  const dateAxis = {meta: {}}, dayAxis = {meta: {x_per_day: 1}};
  assert.equal(dn.perDay(dateAxis), 86400000);
  assert.equal(dn.perDay(dayAxis), 1);
  assert.equal(dn.perDay({meta: '{"x_per_day": 1}'}), 1);
  assert.equal(dn.perDay({meta: "{}"}), 86400000);
  assert.equal(dn.dayOf(-15388 * 86400000 + 3600000, dateAxis), -15388);
  assert.equal(dn.dayOf(-733000.4, dayAxis), -733001);
  assert.equal(dn.dayOf("1927-11-15 12:00:00", dateAxis), -15388);
  assert.equal(dn.dayOf("-0037-02-12", dateAxis), -733000);
  assert.equal(dn.dayOf("nonsense", dateAxis), null);
});

test("windowRange reads back as its first and last day, on either axis", () => {
  const dateAxis = {meta: {}}, dayAxis = {meta: {x_per_day: 1}};
  assert.deepEqual(dn.windowRange(-15388, -15387, dateAxis), [-15388 * 86400000, -15386 * 86400000 - 1]);
  for (const axis of [dateAxis, dayAxis]) {
    const [a, b] = dn.windowRange(-733000, -732000, axis);
    assert.equal(dn.dayOf(a, axis), -733000);
    assert.equal(dn.dayOf(b, axis), -732000);
  }
});
