/* Names and roles that Dash 4.4's own components get wrong, set right once each is drawn (axe-core checks the
   page: tests/web/test_accessibility.py). React sets an attribute again only when its value in the component
   changes, and these never do, so a repair lasts as long as the element.
   - Checklist and RadioItems: a role="listbox" of role="option" labels, each holding a native input (nested
     interactive controls). The native inputs, in a fieldset with a legend, say it all: the roles go.
   - Dropdown: focus goes to an input hidden from screen readers, and the button is named by its value
     alone. The button takes the focus instead, named by its label and its value (`data-label`).
   - Slider: its thumb has no name (`aria-valuetext`, the date as people read it, is set as it moves). */
(function (root) {
  "use strict";

  /* The ids that name a dropdown's button: its label's, then its value's (Dash 4.4 draws "<id>-value"). */
  function dropdownName(labelId, buttonId) { return labelId + " " + buttonId + "-value"; }

  /* Whether these mutation records ({addedNodes}) added an element (a component drawn), not only text. */
  function addsElements(mutations) {
    return mutations.some(function (m) {
      return Array.prototype.some.call(m.addedNodes, function (n) { return n.nodeType === 1; });
    });
  }

  var api = {dropdownName: dropdownName, addsElements: addsElements};
  // Under Node (tests/js/) only the pure functions: the repairs need a page.
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  function repair(within) {
    within.querySelectorAll(".dash-checklist[role=listbox], .dash-radioitems[role=listbox]").forEach(function (list) {
      list.removeAttribute("role");
      list.querySelectorAll("[role=option]").forEach(function (o) {
        o.removeAttribute("role");
        o.removeAttribute("aria-selected");
      });
    });
    within.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrap) {
      var target = wrap.querySelector(".dash-dropdown-focus-target");
      var button = wrap.querySelector("button.dash-dropdown");
      var named = button && button.id && document.querySelector('[data-label-for="' + button.id + '"]');
      if (!button || button.getAttribute("data-repaired")) return;
      if (target) target.setAttribute("tabindex", "-1");
      button.setAttribute("tabindex", "0");
      if (named) {
        if (!named.id) named.id = button.id + "-label";
        button.setAttribute("aria-labelledby", dropdownName(named.id, button.id));
      }
      button.setAttribute("data-repaired", "1");
    });
    within.querySelectorAll("[role=slider]:not([aria-label])").forEach(function (thumb) {
      var host = thumb.closest("[data-slider-label]");
      if (host) thumb.setAttribute("aria-label", host.getAttribute("data-slider-label"));
      // The date until the cursor first moves (then dashboard.js keeps it up to date).
      var now = thumb.getAttribute("aria-valuenow");
      if (!thumb.getAttribute("aria-valuetext") && now !== null && window.dayNumbers) {
        thumb.setAttribute("aria-valuetext", window.dayNumbers.label(+now));
      }
    });
  }

  // Only when elements are added (a component drawn): the text the cursor changes on every move (its
  // label, the table's cells) adds text nodes, and a repair then would be work on the cursor's path for nothing.
  var pending = false;
  function soon(mutations) {
    if (pending || !addsElements(mutations)) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repair(document); });
  }
  new MutationObserver(soon).observe(document.documentElement, {childList: true, subtree: true});
  root.ariaRepair = {repair: repair};
})(typeof window !== "undefined" ? window : this);
