/* The keyboard shortcuts' overlay ("?" or the Keys button) and the setting that turns single-key shortcuts
   off (WCAG 2.1.4), remembered in this browser. The shortcuts themselves are in assets/lecture.js. */
(function () {
  "use strict";
  var SETTING = "history-dashboard:single-keys";
  var before = null;

  function singleKeysOn() {
    try { return window.localStorage.getItem(SETTING) !== "off"; } catch (e) { return true; }
  }

  function dialog() { return document.getElementById("keys-dialog"); }

  function open() {
    var d = dialog();
    if (!d || !d.hidden) return;
    before = document.activeElement;
    window.dash_clientside.set_props("single-keys", {value: singleKeysOn() ? ["on"] : []});
    d.hidden = false;
    d.focus();
  }

  function close() {
    var d = dialog();
    if (!d || d.hidden) return;
    d.hidden = true;
    var back = before && document.body.contains(before) && before.offsetParent !== null ? before
      : document.getElementById("keys-open");
    before = null;
    if (back && back.focus) back.focus();
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    if (t.closest(".keys-open")) open();
    else if (t.closest("#keys-close")) close();
  });

  document.addEventListener("change", function (e) {
    if (!e.target || !e.target.closest || !e.target.closest("#single-keys")) return;
    try { window.localStorage.setItem(SETTING, e.target.checked ? "on" : "off"); } catch (err) { /* private mode */ }
  });

  document.addEventListener("keydown", function (e) {
    var d = dialog();
    if (d && !d.hidden) {
      if (e.key === "Escape") { close(); e.preventDefault(); e.stopImmediatePropagation(); return; }
      // Tab stays inside the open dialog.
      if (e.key === "Tab") {
        var items = Array.prototype.slice.call(d.querySelectorAll("button, input"));
        var at = items.indexOf(document.activeElement);
        items[window.controls.tabTarget(at, items.length, e.shiftKey)].focus();  // assets/controls.js
        e.preventDefault();
      }
      e.stopImmediatePropagation();  // no shortcut acts behind the dialog
      return;
    }
  }, true);

  window.keySettings = {singleKeysOn: singleKeysOn, open: open, close: close};
})();
