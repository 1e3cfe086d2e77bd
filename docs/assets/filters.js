/*
 * Facet filters for the overviews of cases and instruments (kennisbank/pages/overviews.py).
 *
 * The page lists every item in its HTML; each <li> carries its terms in data-* attributes
 * named after the facets (data-thema="vastgoed financiering"). This script shows the filter
 * form (hidden without JavaScript), hides the items that do not match, writes the count into
 * a live region (role="status") and keeps the selection in the URL query, e.g.
 * ?thema=vastgoed&thema=financiering&stad=dordrecht, so that a shared link reopens it.
 * Within one facet a match on any chosen value counts; across facets all must match.
 * Material's instant navigation is not enabled, so running once on load is enough.
 */
(function () {
  "use strict";

  function controls(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name], select[name]"));
  }

  function facetNames(form) {
    var names = [];
    controls(form).forEach(function (control) {
      if (names.indexOf(control.name) < 0) names.push(control.name);
    });
    return names;
  }

  function chosen(form) {
    var selection = {};
    facetNames(form).forEach(function (name) { selection[name] = []; });
    controls(form).forEach(function (control) {
      if (control.type === "checkbox" ? control.checked : control.value !== "") {
        selection[control.name].push(control.value);
      }
    });
    return selection;
  }

  function matches(item, selection) {
    return Object.keys(selection).every(function (name) {
      var wanted = selection[name];
      if (!wanted.length) return true;
      var values = (item.getAttribute("data-" + name) || "").split(" ");
      return wanted.some(function (value) { return values.indexOf(value) >= 0; });
    });
  }

  function countText(status, shown) {
    var total = Number(status.getAttribute("data-kb-total"));
    var plural = status.getAttribute("data-kb-plural");
    var singular = status.getAttribute("data-kb-singular");
    if (shown === total) return total + " " + (total === 1 ? singular : plural);
    if (shown === 0) return "Geen " + plural + " met deze filters (van de " + total + "). Wis een of meer filters.";
    return shown + " van de " + total + " " + plural;
  }

  function writeUrl(selection) {
    var params = new URLSearchParams();
    Object.keys(selection).forEach(function (name) {
      selection[name].forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function readUrl(form) {
    var params = new URLSearchParams(location.search);
    controls(form).forEach(function (control) {
      var values = params.getAll(control.name);
      if (control.type === "checkbox") {
        control.checked = values.indexOf(control.value) >= 0;
      } else {
        var known = values.filter(function (value) {
          return Array.prototype.some.call(control.options, function (option) { return option.value === value; });
        });
        control.value = known.length ? known[0] : "";
      }
    });
  }

  function setup(form) {
    var list = document.getElementById(form.getAttribute("data-kb-list"));
    var status = document.getElementById(form.getAttribute("data-kb-count"));
    if (!list || !status) return;
    var items = Array.prototype.slice.call(list.children);

    function apply(updateUrl) {
      var selection = chosen(form);
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, selection);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = countText(status, shown);
      if (updateUrl) writeUrl(selection);
    }

    form.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0); // after the browser has cleared the controls
    });
    window.addEventListener("popstate", function () { readUrl(form); apply(false); });
    readUrl(form);
    apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-kb-list]"), setup);
})();
