/* What a key or a button does, decided on plain values: pure functions, tested with `node --test
   tests/js/`. The listeners that act on the answers are in lecture.js (scenes, black-out, full screen),
   dashboard.js (the search's results) and keys.js (the shortcuts' dialog). */
(function (root) {
  "use strict";

  /* Whether keys pressed on `target` (an element, or {tagName, isContentEditable}) are text being typed. */
  function typing(target) {
    if (!target) return false;
    var tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || !!target.isContentEditable;
  }

  /* A character key (P, B, F, ".", digits, "?") acts only while single-key shortcuts are on (WCAG 2.1.4:
     the setting in the keys dialog); arrows, Space, PageUp/PageDown, Home, End and Esc always do. */
  function allowed(key, singleKeysOn) {
    var single = key.length === 1 && key !== " ";
    return !single || singleKeysOn;
  }

  /* Scene `n` brought within 1..count, or null when there are no scenes. */
  function sceneNumber(n, count) {
    return count ? Math.min(Math.max(n, 1), count) : null;
  }

  /* The scene after (or, `back`, before) scene `n` of `count`, staying within 1..count; 0 is "no scene yet". */
  function sceneAfter(n, count, back) {
    return back ? Math.max(1, (n || 1) - 1) : Math.min(count, (n || 0) + 1);
  }

  /* What a key does in lecture mode, `at` being {presenting, index, count} (the scene shown, of how many):
     {action: "keys" | "present" | "scene" | "blackout" | "fullscreen" | "leave", scene}, `scene` the
     number to show (null when there are no scenes), or null when the key is not a shortcut. */
  function lectureKey(key, at) {
    if (key === "?") return {action: "keys"};
    if (key === "p" || key === "P") return {action: "present"};
    if (!at.presenting) return null;
    var count = at.count, n = null;
    if (key === "ArrowRight" || key === "PageDown" || key === " " || key === "Spacebar") n = sceneAfter(at.index, count);
    else if (key === "ArrowLeft" || key === "PageUp") n = sceneAfter(at.index, count, true);
    else if (key === "Home") n = 1;
    else if (key === "End") n = count;
    else if (/^[0-9]$/.test(key)) n = key === "0" ? 10 : +key;
    else if (key === "b" || key === "B" || key === ".") return {action: "blackout"};  // clickers send "." for black screen
    else if (key === "f" || key === "F") return {action: "fullscreen"};
    else if (key === "Escape") return {action: "leave"};
    else return null;
    return {action: "scene", scene: sceneNumber(n, count)};
  }

  /* The search's results by keyboard, `at` being the focused result (-1: the search field) of `count`:
     Down goes from the field into the list and down it, Up back up to the field, Esc closes the list.
     {focus: index (-1: the field), close}, or null when the key is not for the list. */
  function searchKey(key, at, count) {
    if (key === "ArrowDown" && count) return {focus: Math.min(at + 1, count - 1), close: false};
    if (key === "ArrowUp" && at >= 0) return {focus: at - 1, close: false};
    if (key === "Escape" && count) return {focus: -1, close: true};
    return null;
  }

  /* Tab and Shift+Tab stay inside an open dialog: the index to focus among its `count` controls, from `at`
     (-1: focus is not on one of them). */
  function tabTarget(at, count, back) {
    if (back) return at <= 0 ? count - 1 : at - 1;
    return (at + 1) % count;
  }

  var api = {typing: typing, allowed: allowed, sceneNumber: sceneNumber, sceneAfter: sceneAfter, lectureKey: lectureKey, searchKey: searchKey,
             tabTarget: tabTarget};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.controls = api;
})(typeof window !== "undefined" ? window : this);
