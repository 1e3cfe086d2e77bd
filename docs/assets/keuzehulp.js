/*
 * The decision aid (kennisbank/site/pages/kiezen.py) on its start page: all questions as one form.
 *
 * Without this script the start page asks the first question as a list of links, and each answer leads to a
 * page with the next one; every route ends on a page with its outcome. With it, the reader answers every
 * question on one page and the form goes straight to that outcome page: /instrumenten/kiezen/<answer>/…/.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.kb-keuzehulp");
  if (!form) return;
  var status = form.querySelector("[role=status]");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset"));
  var steps = document.querySelector(".kb-keuzehulp-stappen");

  form.hidden = false;
  if (steps) steps.hidden = true;  // the same first question, as links: not needed twice
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var path = [];
    var missing = null;
    fieldsets.forEach(function (fieldset) {
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      if (chosen) path.push(encodeURIComponent(chosen.value));
      else if (!missing) missing = fieldset;
    });
    if (missing) {
      status.textContent = "Beantwoord eerst: " + missing.querySelector("legend").textContent.replace(/^\d+\.\s*/, "");
      missing.querySelector("input").focus();
      return;
    }
    window.location.href = new URL(path.join("/") + "/", new URL(form.getAttribute("data-kb-map"), window.location.href)).href;
  });
})();
