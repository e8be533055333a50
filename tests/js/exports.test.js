// Every function a file in assets/ exports is called in a test here (issue 20: one test at least per exported
// function). The files that export nothing are the page's glue: they only wire these functions to the page.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const assets = path.join(__dirname, "..", "..", "assets");
const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.js") && f !== path.basename(__filename))
  .map((f) => fs.readFileSync(path.join(__dirname, f), "utf8")).join("\n");

const modules = fs.readdirSync(assets).filter((f) => f.endsWith(".js"))
  .filter((f) => fs.readFileSync(path.join(assets, f), "utf8").includes("module.exports"));

for (const file of modules) {
  test(`every function ${file} exports is called in a test`, () => {
    const api = require(path.join(assets, file));
    const functions = Object.keys(api).filter((k) => typeof api[k] === "function");
    assert.ok(functions.length > 0);
    const untested = functions.filter((name) => !new RegExp("\\." + name + "\\(").test(tests));
    assert.deepEqual(untested, []);
  });
}
