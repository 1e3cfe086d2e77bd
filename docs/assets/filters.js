/*
 * Filters, sorting and pages for the overviews of cases and instruments (kennisbank/site/pages/overviews.py).
 *
 * Without this script an overview shows its first page of items and links to the others. With it, the
 * whole list comes from a compact index next to the overview (lijst.json, same site) and is filtered,
 * sorted and paged here:
 * - every choice is in the address (?thema=vastgoed&stad=dordrecht&sorteer=az&pagina=2), so a shared link
 *   opens the same list; a value in the address that does not exist is reported, not silently ignored;
 *   a filter on a taxonomy without a control (?partner=bzk, from a term page) works and is shown;
 * - the count after each option follows the selection, and an option that would give nothing is marked;
 * - the number of results is said in a live region (role="status");
 * - on a narrow screen the form folds into one "Filters" button above the results.
 * Text from the index is put in the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector(".kb-overzicht[data-kb-index]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  var form = root.querySelector("form.kb-filters");
  var list = document.getElementById(form.getAttribute("data-kb-list"));
  var status = document.getElementById(form.getAttribute("data-kb-count"));
  var sortBox = root.querySelector(".kb-sorteren");
  var sortSelect = sortBox.querySelector("select");
  var prefix = root.getAttribute("data-kb-prefix");
  var pageSize = Number(root.getAttribute("data-kb-page-size")) || 20;
  var names = form.getAttribute("data-kb-facetten").split(" ");
  var indexUrl = new URL(root.getAttribute("data-kb-index"), window.location.href);
  var base = new URL("./", indexUrl);
  var firstTitle = list.querySelector(".kb-item-titel");
  var titleTag = firstTitle ? firstTitle.tagName.toLowerCase() : "h2";
  var total = Number(status.getAttribute("data-kb-total"));
  var singular = status.getAttribute("data-kb-singular");
  var plural = status.getAttribute("data-kb-plural");
  var items = [];
  var labels = {};
  var page = 1;

  function controls() {
    return Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name], select[name]"))
      .filter(function (control) { return control.name !== "sorteer"; });
  }

  function hasControl(name) {
    return controls().some(function (control) { return control.name === name; });
  }

  // -- the selection: from the form, and from the address for facets without a control ---------------------

  var hiddenSelection = {};  // facet name -> values chosen in the address for a facet without a control

  function selection() {
    var chosen = {};
    names.forEach(function (name) { chosen[name] = (hiddenSelection[name] || []).slice(); });
    controls().forEach(function (control) {
      if (control.type === "checkbox" ? control.checked : control.value !== "") chosen[control.name].push(control.value);
    });
    return chosen;
  }

  function matchesFacet(item, chosen, name) {
    var wanted = chosen[name];
    if (!wanted.length) return true;
    var values = item.f[name] || [];
    return wanted.some(function (value) { return values.indexOf(value) >= 0; });
  }

  function matches(item, chosen) {
    return names.every(function (name) { return matchesFacet(item, chosen, name); });
  }

  // -- reading and writing the address ----------------------------------------------------------------------

  function known(name, value) {
    return items.some(function (item) { return (item.f[name] || []).indexOf(value) >= 0; }) ||
      Boolean(labels[name] && labels[name][value]);
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var unknown = [];
    hiddenSelection = {};
    controls().forEach(function (control) {
      var values = params.getAll(control.name);
      if (control.type === "checkbox") {
        control.checked = values.indexOf(control.value) >= 0;
      } else {
        var found = values.filter(function (value) {
          return Array.prototype.some.call(control.options, function (option) { return option.value === value; });
        });
        control.value = found.length ? found[0] : "";
      }
      values.forEach(function (value) {
        var offered = control.type === "checkbox" ? controls().some(function (other) {
          return other.name === control.name && other.value === value;
        }) : Array.prototype.some.call(control.options, function (option) { return option.value === value; });
        if (!offered && unknown.indexOf(control.name + " '" + value + "'") < 0) unknown.push(control.name + " '" + value + "'");
      });
    });
    names.forEach(function (name) {
      if (hasControl(name)) return;
      params.getAll(name).forEach(function (value) {
        if (known(name, value)) (hiddenSelection[name] = hiddenSelection[name] || []).push(value);
        else unknown.push(name + " '" + value + "'");
      });
    });
    var sort = params.get("sorteer");
    var sorts = Array.prototype.map.call(sortSelect.options, function (option) { return option.value; });
    if (sort && sorts.indexOf(sort) < 0) unknown.push("sorteer '" + sort + "'");
    sortSelect.value = sort && sorts.indexOf(sort) >= 0 ? sort : sorts[0];
    page = Math.max(1, parseInt(params.get("pagina"), 10) || Number(root.getAttribute("data-kb-page")) || 1);
    return unknown;
  }

  function query(chosen, number) {
    var params = new URLSearchParams();
    names.forEach(function (name) { chosen[name].forEach(function (value) { params.append(name, value); }); });
    if (sortSelect.value !== sortSelect.options[0].value) params.set("sorteer", sortSelect.value);
    if (number > 1) params.set("pagina", String(number));
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function writeUrl(chosen) {
    var address = base.pathname + query(chosen, page) + window.location.hash;
    history.replaceState(history.state, "", address);
  }

  // -- showing the result -------------------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(item) {
    var li = element("li", "kb-item");
    var heading = element(titleTag, "kb-item-titel");
    var link = element("a", "", item.t);
    link.href = new URL(item.u, base).href;
    heading.appendChild(link);
    li.appendChild(heading);
    if (prefix === "cases" && item.i) {  // "Vergelijk": shown and kept by vergelijk.js, as on the server's cards
      var box = element("label", "kb-vergelijk-keuze");
      box.hidden = true;
      var input = element("input");
      input.type = "checkbox";
      input.value = item.i;
      input.setAttribute("data-kb-titel", item.t);
      box.appendChild(input);
      box.appendChild(document.createTextNode(" Vergelijk"));
      box.appendChild(element("span", "kb-sr-only", " " + item.t));
      li.appendChild(box);
    }
    if (item.b.length) {
      var badges = element("ul", "kb-badges");
      badges.setAttribute("aria-label", "Kenmerken");
      item.b.forEach(function (badge) { badges.appendChild(element("li", "kb-badge kb-badge--" + badge[1], badge[0])); });
      li.appendChild(badges);
    }
    li.appendChild(element("p", "kb-item-samenvatting", item.s));
    return li;
  }

  function sorted(found) {
    var how = sortSelect.value;
    return found.slice().sort(function (a, b) {
      var x = a.k[how], y = b.k[how];
      if (x === y) return a.k.az < b.k.az ? -1 : a.k.az > b.k.az ? 1 : 0;
      if (how === "nieuwste") return x < y ? 1 : -1;
      return x < y ? -1 : 1;
    });
  }

  /* How many items each option would give with the rest of the selection: facet name -> value -> count.
     One pass over the items (not one per option): an item counts for a facet's options when it matches
     every other facet, so an item that fails two facets counts nowhere. */
  function facetCounts(chosen) {
    var counts = {};
    names.forEach(function (name) { counts[name] = {}; });
    items.forEach(function (item) {
      var failing = names.filter(function (name) { return !matchesFacet(item, chosen, name); });
      if (failing.length > 1) return;
      names.forEach(function (name) {
        if (failing.length && failing[0] !== name) return;
        (item.f[name] || []).forEach(function (value) { counts[name][value] = (counts[name][value] || 0) + 1; });
      });
    });
    return counts;
  }

  function updateCounts(chosen) {
    var counts = facetCounts(chosen);
    controls().forEach(function (control) {
      var options = control.type === "checkbox" ? [control] : Array.prototype.slice.call(control.options, 1);
      options.forEach(function (option) {
        var count = counts[control.name][option.value] || 0;
        var label = control.type === "checkbox" ? form.querySelector("label[for='" + option.id + "']") : option;
        label.textContent = label.getAttribute("data-kb-label") + " (" + count + ")";
        var chosenHere = control.type === "checkbox" ? option.checked : control.value === option.value;
        var empty = count === 0 && !chosenHere;
        option.disabled = empty;
        (control.type === "checkbox" ? option.parentNode : option).classList.toggle("kb-nul", empty);
      });
    });
  }

  function countText(shown, pages) {
    var text = shown === total ? total + " " + (total === 1 ? singular : plural)
      : shown === 0 ? "Geen " + plural + " met deze filters (van de " + total + "). Wis een of meer filters."
      : shown + " van de " + total + " " + plural;
    return pages > 1 ? text + "; pagina " + page + " van " + pages : text;
  }

  var pagerNav = root.querySelector(".kb-pagina-s");

  function renderPager(chosen, pages) {
    if (!pagerNav) {
      pagerNav = element("nav", "kb-pagina-s");
      pagerNav.id = prefix + "-paginas";
      pagerNav.setAttribute("aria-label", "Pagina's met " + plural);
      list.parentNode.insertBefore(pagerNav, list.nextSibling);
    }
    pagerNav.textContent = "";
    pagerNav.hidden = pages < 2;
    var ul = element("ul");
    pagerNumbers(page, pages).forEach(function (number) {
      if (number === null) {
        var gap = element("li", "kb-pagina-s-weggelaten", "…");
        gap.setAttribute("aria-hidden", "true");
        ul.appendChild(gap);
        return;
      }
      var li = element("li");
      var link = element("a", "", String(number));
      link.href = base.pathname + query(chosen, number);
      link.setAttribute("data-kb-pagina", String(number));
      if (number === page) link.setAttribute("aria-current", "page");
      li.appendChild(link);
      ul.appendChild(li);
    });
    pagerNav.appendChild(ul);
  }

  /* The page numbers a pager shows, as the server's (site/pages/overviews.pager_numbers): the first, the last, the
     current and two either side; null where numbers are left out (a single left-out number is shown instead). */
  function pagerNumbers(current, pages) {
    var shown = [];
    for (var number = 1; number <= pages; number += 1) {
      if (number === 1 || number === pages || Math.abs(number - current) <= 2) shown.push(number);
    }
    var found = [];
    var previous = 0;
    shown.forEach(function (number) {
      if (number - previous === 2) found.push(number - 1);
      else if (number - previous > 2) found.push(null);
      found.push(number);
      previous = number;
    });
    return found;
  }

  var foldButton = null;
  var noticeBox = element("div", "kb-meldingen");
  noticeBox.setAttribute("aria-live", "polite");
  form.parentNode.insertBefore(noticeBox, form);

  function notices(unknown) {
    noticeBox.textContent = "";
    if (unknown.length) {
      noticeBox.appendChild(element("p", "kb-melding",
        (unknown.length === 1 ? "Deze keuze uit de link bestaat niet en is genegeerd: " : "Deze keuzes uit de link bestaan niet en zijn genegeerd: ") + unknown.join(", ") + "."));
    }
    Object.keys(hiddenSelection).forEach(function (name) {
      hiddenSelection[name].forEach(function (value) {
        var line = element("p", "kb-melding kb-melding--filter");
        line.appendChild(document.createTextNode("Alleen " + plural + " met " + name + " " +
          ((labels[name] && labels[name][value]) || value) + ". "));
        var clear = element("button", "kb-link-knop", "Dit filter wissen");
        clear.type = "button";
        clear.addEventListener("click", function () {
          hiddenSelection[name] = hiddenSelection[name].filter(function (other) { return other !== value; });
          page = 1;
          apply(true);
        });
        line.appendChild(clear);
        noticeBox.appendChild(line);
      });
    });
  }

  function apply(updateUrl, unknown) {
    var chosen = selection();
    var found = sorted(items.filter(function (item) { return matches(item, chosen); }));
    var pages = Math.max(1, Math.ceil(found.length / pageSize));
    page = Math.min(page, pages);
    list.textContent = "";
    found.slice((page - 1) * pageSize, page * pageSize).forEach(function (item) { list.appendChild(card(item)); });
    status.textContent = countText(found.length, pages);
    updateCounts(chosen);
    renderPager(chosen, pages);
    if (unknown !== undefined) notices(unknown);
    else notices([]);
    if (foldButton) {
      var active = names.reduce(function (sum, name) { return sum + chosen[name].length; }, 0);
      foldButton.textContent = active ? "Filters (" + active + ")" : "Filters";
      showResults.textContent = "Toon " + countText(found.length, 1).replace(/\. Wis.*$/, "");
    }
    if (updateUrl) writeUrl(chosen);
    document.dispatchEvent(new CustomEvent("kb:lijst"));  // new cards: vergelijk.js shows their "Vergelijk"
  }

  // -- folding the form on a narrow screen --------------------------------------------------------------------

  var showResults = element("button", "md-button md-button--primary kb-toon-resultaten", "Toon resultaten");
  showResults.type = "button";

  function fold() {
    foldButton = element("button", "md-button kb-filters-knop", "Filters");
    foldButton.type = "button";
    foldButton.setAttribute("aria-controls", form.id);
    foldButton.setAttribute("aria-expanded", "false");
    form.parentNode.insertBefore(foldButton, form);
    form.classList.add("kb-gevouwen");
    foldButton.addEventListener("click", function () {
      var open = foldButton.getAttribute("aria-expanded") !== "true";
      foldButton.setAttribute("aria-expanded", String(open));
      form.classList.toggle("kb-open", open);
      if (open) {
        var first = form.querySelector("input, select");
        if (first) first.focus();
      }
    });
    form.querySelector(".kb-filter-knoppen").appendChild(showResults);
    showResults.addEventListener("click", function () {
      foldButton.setAttribute("aria-expanded", "false");
      form.classList.remove("kb-open");
      status.setAttribute("tabindex", "-1");
      status.focus();
    });
  }

  function start(data) {
    items = data.items;
    labels = data.labels || {};
    form.hidden = false;
    sortBox.hidden = false;
    fold();
    form.addEventListener("change", function () { page = 1; apply(true); });
    sortSelect.addEventListener("change", function () { page = 1; apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function (event) {
      // The browser would clear the controls only after this event; cleared here, the list, the counts and the
      // address change in the same task as the click, with no moment in which they disagree.
      event.preventDefault();
      controls().forEach(function (control) {
        if (control.type === "checkbox") control.checked = false;
        else control.value = "";
      });
      hiddenSelection = {};
      page = 1;
      apply(true);
    });
    root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-kb-pagina]") : null;
      if (!link) return;
      event.preventDefault();
      page = Number(link.getAttribute("data-kb-pagina"));
      apply(true);
      status.setAttribute("tabindex", "-1");
      status.focus();
    });
    window.addEventListener("popstate", function () { apply(false, readUrl()); });
    // Without a choice in the address the server's page is already the list, the counts and the pages this
    // would draw: nothing to redo while the page loads (on a phone that is time before the first tap).
    if (chosenInAddress()) apply(false, readUrl());
    root.setAttribute("data-kb-klaar", "");  // for anyone waiting on the list: it is ready
  }

  function chosenInAddress() {
    var params = new URLSearchParams(window.location.search);
    return names.concat(["sorteer", "pagina"]).some(function (name) { return params.has(name); });
  }

  fetch(indexUrl.href, { credentials: "same-origin" })
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(start)
    .catch(function () { /* the pages without the script still list every item */ });
})();
