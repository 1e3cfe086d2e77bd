/*
 * Accessibility on top of mkdocs-material (issue 13): what an auditor tests and Material does not do.
 *
 * 1. Menu and search on narrow screens. Material opens its drawer (below 76.25em) and its search
 *    overlay (below 60em) with <label>s for hidden checkboxes, which the keyboard cannot reach
 *    (squidfunk/mkdocs-material#4101). docs/overrides/main.html puts a real <button> beside each label;
 *    this script shows the buttons instead of the labels, keeps aria-expanded right, moves the focus
 *    into the menu when it opens and back to the button when it closes (Escape closes), and makes what
 *    is off-screen `inert`: the closed drawer, the closed sub-panels of the drawer ("Verkennen", the
 *    table of contents), the closed search overlay, and, while the drawer is open, the page behind it.
 *    The drawer's sub-panels open with Enter or Space on their (focusable) labels.
 *    State lives where Material keeps it, in the checkboxes: the buttons click them as Material does.
 * 2. Search results get an accessible name: the <article> inside Material's result link blocks
 *    the name from its content in Chromium, so each link is named after its result's title.
 * 3. Regions that scroll sideways (tables in Material's .md-typeset__scrollwrap, code blocks, any other
 *    overflow container in the content) are focusable (tabindex="0"), role="region" and named, and carry a
 *    visible cue (class kb-schuift); a link that gets focus inside one is scrolled fully into view.
 *
 * Nothing is loaded from elsewhere. tests/browser/test_menu.py and test_auditor.py hold Material to
 * the markup and breakpoints this relies on.
 */
(function () {
  "use strict";

  // Material's breakpoints (its main.css): the drawer below 76.25em, the search overlay below 60em.
  var DRAWER_MODE = window.matchMedia("(max-width: 76.234375em)");
  var SEARCH_MODE = window.matchMedia("(max-width: 59.984375em)");
  var TABBABLE = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, " +
    "textarea, summary, [tabindex]:not([tabindex='-1'])";

  var made = []; // elements this script made inert, to undo on the next update

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function rendered(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }

  function makeInert(element) {
    if (!element.inert) {
      element.inert = true;
      made.push(element);
    }
  }

  function releaseAll() {
    made.forEach(function (element) { element.inert = false; });
    made = [];
  }

  /* Everything inside `root` except `target`, its ancestors and what `keep` spares becomes inert:
     a modal without moving it in the DOM (inert cannot be undone for a descendant). */
  function isolate(target, root, keep) {
    for (var node = target; node && node !== root && node.parentElement; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !keep(sibling)) makeInert(sibling);
      });
    }
  }

  function firstTabbable(root) {
    return $$(TABBABLE, root).filter(function (element) {
      return !element.closest("[inert]") && rendered(element);
    })[0] || null;
  }

  /* --- 1. menu (drawer) and search ------------------------------------------------------------ */

  var drawerToggle = $("input[data-md-toggle=drawer]");
  var searchToggle = $("input[data-md-toggle=search]");
  var drawer = $("#kb-menu");
  var menuButton = $(".kb-menuknop");
  var closeButton = $(".kb-menu-sluiten");
  var search = $("#kb-zoeken");
  var searchButton = $(".kb-zoekknop");
  var searchInput = search && $("input.md-search__input", search);
  var nav = drawer && $(".md-nav--primary", drawer);

  // Keep in the page, whatever is isolated: Material's checkboxes (it clicks them), the drawer's
  // overlay (a click on it closes the drawer), scripts and the close button.
  function keep(element) {
    return element.matches("input.md-toggle, label.md-overlay, script, style, .kb-menu-sluiten");
  }

  /* The drawer's sub-panels: a checkbox, the label that opens the panel and the panel's title that
     closes it. Only where Material shows them as panels (narrow screens); on wide screens the same
     labels are section titles and stay as they are. */
  function panels() {
    if (!nav) return [];
    return $$("input.md-nav__toggle", nav).map(function (toggle) {
      var item = toggle.parentElement;
      return {
        toggle: toggle,
        opener: $("label.md-nav__link[for='" + toggle.id + "']", item),
        panel: $(":scope > nav.md-nav", item),
      };
    }).filter(function (entry) { return entry.opener && entry.panel; });
  }

  // Attributes this script sets on Material's labels, with their original values to restore.
  function setAttributes(element, attributes) {
    if (!element.kbOriginal) {
      element.kbOriginal = {};
      Object.keys(attributes).forEach(function (name) { element.kbOriginal[name] = element.getAttribute(name); });
    }
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
  }

  function restoreAttributes(element) {
    if (!element.kbOriginal) return;
    Object.keys(element.kbOriginal).forEach(function (name) {
      var value = element.kbOriginal[name];
      if (value === null) element.removeAttribute(name); else element.setAttribute(name, value);
    });
    delete element.kbOriginal;
  }

  function panelTitle(entry) {
    return $(":scope > label.md-nav__title[for='" + entry.toggle.id + "']", entry.panel);
  }

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* The panels, each with whether its opener is on screen as a panel. Read before update() changes
     anything: a read of the layout after a change makes the browser lay out the page again, and on a
     phone every forced layout delays the first tap (issue 12). */
  function measuredPanels() {
    return panels().map(function (entry) {
      entry.shown = DRAWER_MODE.matches && rendered(entry.opener);
      return entry;
    });
  }

  function updatePanels(entries, drawerOpen) {
    var open = [];
    entries.forEach(function (entry) {
      var title = panelTitle(entry);
      if (!entry.shown) {
        restoreAttributes(entry.opener);
        if (title) restoreAttributes(title);
        return;
      }
      if (!entry.panel.id) entry.panel.id = entry.toggle.id + "_panel";
      setAttributes(entry.opener, {
        role: "button", tabindex: "0", "aria-expanded": String(entry.toggle.checked), "aria-controls": entry.panel.id,
      });
      if (title) setAttributes(title, { role: "button", tabindex: "0", "aria-label": text(title) + ", terug" });
      if (entry.toggle.checked) open.push(entry); else makeInert(entry.panel);
    });
    if (!drawerOpen) return;
    // The deepest open panel covers the ones it is in: only it can be used.
    var front = open.filter(function (entry) {
      return !open.some(function (other) { return other !== entry && entry.panel.contains(other.panel); })
        && !entry.panel.closest("[inert]");
    }).pop();
    if (front) isolate(front.panel, nav, keep);
  }

  function currentPanel() {
    var panel = null;
    panels().forEach(function (entry) {
      if (entry.toggle.checked && !entry.panel.closest("[inert]") && rendered(entry.opener)) panel = entry.panel;
    });
    return panel || nav;
  }

  function update() {
    var entries = drawer ? measuredPanels() : [];
    releaseAll();
    var drawerOpen = DRAWER_MODE.matches && drawerToggle.checked;
    if (menuButton) menuButton.setAttribute("aria-expanded", String(drawerOpen));
    if (closeButton) closeButton.hidden = !drawerOpen;
    if (drawer) {
      if (DRAWER_MODE.matches && !drawerOpen) makeInert(drawer);
      if (drawerOpen) isolate(drawer, document.body, keep);
      updatePanels(entries, drawerOpen);
    }
    if (search) {
      var searchOpen = searchToggle.checked;
      if (searchButton) searchButton.setAttribute("aria-expanded", String(searchOpen && SEARCH_MODE.matches));
      // Closed, the overlay (narrow) or the list of results (wide) is out of sight and out of reach.
      if (!searchOpen) makeInert(SEARCH_MODE.matches ? search : $(".md-search__output", search));
    }
  }

  var sameDocumentTarget = null; // the heading a link in the drawer leads to, on this page

  function focusTarget(id) {
    var target = document.getElementById(id);
    if (!target) return false;
    if (!target.matches(TABBABLE)) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    return true;
  }

  function onToggle(event) {
    var toggle = event.target;
    if (toggle === drawerToggle) {
      var hadFocus = drawer.contains(document.activeElement) || document.activeElement === document.body;
      update();
      if (!DRAWER_MODE.matches) return;
      if (drawerToggle.checked) {
        sameDocumentTarget = null;
        var first = firstTabbable(currentPanel());
        if (first) first.focus();
      } else if (hadFocus) {
        if (!(sameDocumentTarget && focusTarget(sameDocumentTarget)) && menuButton) menuButton.focus();
        sameDocumentTarget = null;
      }
    } else if (toggle === searchToggle) {
      var inSearch = search.contains(document.activeElement) || document.activeElement === document.body;
      update();
      if (!SEARCH_MODE.matches) return;
      if (searchToggle.checked) {
        if (searchInput && document.activeElement !== searchInput) searchInput.focus();
      } else if (inSearch && searchButton) {
        searchButton.focus();
      }
    } else if (nav && nav.contains(toggle) && toggle.matches("input.md-nav__toggle")) {
      update();
    }
  }

  // The panel slides in sideways: a focus that scrolls it into view while it moves left the drawer scrolled by a
  // panel's width once the slide ended, with the focused title off-screen (issue 27). So no scrolling on focus.
  function togglePanel(entry, open) {
    if (entry.toggle.checked !== open) entry.toggle.click();
    var focus = open ? firstTabbable(entry.panel) : entry.opener;
    if (focus) focus.focus({ preventScroll: true });
  }

  function onKeydown(event) {
    if (event.key === "Escape" && DRAWER_MODE.matches && drawerToggle.checked) {
      event.preventDefault();
      drawerToggle.click();
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && nav && nav.contains(event.target)) {
      var label = event.target.closest("label[role=button]");
      if (!label) return;
      var entry = panels().filter(function (candidate) { return candidate.toggle.id === label.htmlFor; })[0];
      if (!entry) return;
      event.preventDefault();
      event.stopPropagation(); // Material clicks a focused label on Enter as well
      togglePanel(entry, label === entry.opener);
      return;
    }
    // Material's shortcuts (f, s, /) focus the search field: it must not be inert then.
    if (search && search.inert && !searchToggle.checked && /^[fs/]$/.test(event.key)
        && !event.ctrlKey && !event.metaKey && !event.altKey
        && !(event.target.closest && event.target.closest("input, textarea, select, [contenteditable]"))) {
      search.inert = false;
    }
  }

  function setUpMenuAndSearch() {
    if (!drawerToggle || !searchToggle) return;
    // Material's hidden checkboxes for the sub-panels have two labels that name nothing useful
    // together; HTML_CodeSniffer (pa11y) asks for a name all the same. The panel's title is it.
    if (nav) {
      $$("input.md-nav__toggle", nav).forEach(function (toggle) {
        if (toggle.hasAttribute("aria-label")) return;
        // A page without headings has the table of contents' checkbox but no label that opens it.
        var label = $("label[for='" + toggle.id + "']", toggle.parentElement);
        toggle.setAttribute("aria-label", text(label) || "Inhoudsopgave");
      });
    }
    if (menuButton && drawer) {
      var menuLabel = $("label.md-header__button[for=__drawer]");
      if (menuLabel) menuLabel.hidden = true;
      menuButton.hidden = false;
      menuButton.addEventListener("click", function () { drawerToggle.click(); });
    }
    if (closeButton) {
      closeButton.addEventListener("click", function () {
        if (drawerToggle.checked) drawerToggle.click();
      });
    }
    if (searchButton && search) {
      var searchLabel = $("label.md-header__button[for=__search]");
      if (searchLabel) searchLabel.hidden = true;
      searchButton.hidden = false;
      searchButton.addEventListener("click", function () {
        search.inert = false;
        if (!searchToggle.checked) searchToggle.click();
      });
    }
    if (drawer) {
      drawer.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href]");
        if (link && link.hash && link.pathname === location.pathname) sameDocumentTarget = decodeURIComponent(link.hash.slice(1));
      });
    }
    // Capture: before Material's own listeners react to the same change.
    document.addEventListener("change", onToggle, true);
    document.addEventListener("keydown", onKeydown, true);
    [DRAWER_MODE, SEARCH_MODE].forEach(function (query) { query.addEventListener("change", update); });
    update();
  }

  /* --- 2. names for search results ------------------------------------------------------------ */

  function nameResults(list) {
    $$("a.md-search-result__link", list).forEach(function (link) {
      var title = $("article h1, article h2", link);
      if (title && link.getAttribute("aria-label") !== text(title)) link.setAttribute("aria-label", text(title));
    });
  }

  function setUpSearchResults() {
    var list = $(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { nameResults(list); }).observe(list, { childList: true, subtree: true });
    nameResults(list);
  }

  /* --- 3. scrolling regions ------------------------------------------------------------------- */

  function precedingHeading(element) {
    var headings = $$(".md-content h1, .md-content h2, .md-content h3, .md-content h4, .md-content h5, .md-content h6");
    var found = null;
    headings.forEach(function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading;
    });
    return found;
  }

  function regionName(element) {
    var caption = $("caption", element);
    var heading = precedingHeading(element);
    var kind = $("table", element) ? "Tabel" : element.matches("code, pre") || $("code", element) ? "Code" : "Inhoud";
    if (caption) return kind + ": " + text(caption);
    // The heading's own text, without the permalink sign Material's toc extension adds.
    var title = heading ? text(heading).replace(/[¶#]$/, "").trim() : "";
    return title ? kind + " bij “" + title + "”" : kind;
  }

  function scrollsSideways(element) {
    return element.scrollWidth > element.clientWidth + 1;
  }

  function updateRegion(element, scrolls) {
    element.classList.toggle("kb-schuift", scrolls);  // the visible cue: a line above it and a shadow (kennisbank.css)
    if (scrolls) {
      if (element.dataset.kbRegio === undefined) {
        element.dataset.kbRegio = [element.getAttribute("tabindex"), element.getAttribute("role"),
          element.getAttribute("aria-label")].map(function (value) { return value === null ? "" : value; }).join("|");
      }
      if (!element.hasAttribute("tabindex") || element.getAttribute("tabindex") === "-1") element.setAttribute("tabindex", "0");
      if (!element.getAttribute("role")) element.setAttribute("role", "region");
      if (!element.getAttribute("aria-label") && !element.getAttribute("aria-labelledby")) {
        element.setAttribute("aria-label", regionName(element));
      }
    } else if (element.dataset.kbRegio !== undefined) {
      var before = element.dataset.kbRegio.split("|");
      ["tabindex", "role", "aria-label"].forEach(function (name, index) {
        if (before[index]) element.setAttribute(name, before[index]); else element.removeAttribute(name);
      });
      delete element.dataset.kbRegio;
    }
  }

  function scrollCandidates() {
    var content = $(".md-content");
    if (!content) return [];
    return $$("*", content).filter(function (element) {
      var overflow = getComputedStyle(element).overflowX;
      return overflow === "auto" || overflow === "scroll";
    });
  }

  var observed = new WeakSet();
  // Measure every region first, then change attributes: one layout of the page, not one per region.
  function updateRegions(elements) {
    elements.map(scrollsSideways).forEach(function (scrolls, index) { updateRegion(elements[index], scrolls); });
  }

  var resizeObserver = "ResizeObserver" in window ? new ResizeObserver(function (entries) {
    updateRegions(entries.map(function (entry) { return entry.target; }));
  }) : null;

  function setUpRegions() {
    var elements = scrollCandidates();
    updateRegions(elements);
    elements.forEach(function (element) {
      if (resizeObserver && !observed.has(element)) {
        observed.add(element);
        resizeObserver.observe(element);
      }
    });
  }

  // Chromium scrolls a focused link into view only when none of it shows; a link in a far column of
  // a table that is cut off at the edge stays mostly hidden (WCAG 2.4.11). Show all of it.
  function showFocusInRegion(event) {
    var target = event.target;
    if (!(target instanceof Element) || target.matches("[data-kb-regio], [role=region]")) return;
    var region = target.closest("[data-kb-regio], .kb-tabel");
    if (!region || region.scrollWidth <= region.clientWidth + 1) return;
    var box = target.getBoundingClientRect(), frame = region.getBoundingClientRect();
    if (box.left < frame.left) region.scrollLeft -= frame.left - box.left + 8;
    else if (box.right > frame.right) region.scrollLeft += Math.min(box.right - frame.right + 8, box.left - frame.left);
  }

  /* --- start ---------------------------------------------------------------------------------- */

  // "Meer kenmerken" of a case is folded on screen; on paper everything is there.
  function unfoldForPrint() {
    window.addEventListener("beforeprint", function () {
      $$("details.kb-kaart-meer:not([open])").forEach(function (details) {
        details.open = true;
        details.setAttribute("data-kb-geprint", "");
      });
    });
    window.addEventListener("afterprint", function () {
      $$("details[data-kb-geprint]").forEach(function (details) {
        details.open = false;
        details.removeAttribute("data-kb-geprint");
      });
    });
  }

  function start() {
    setUpMenuAndSearch();
    unfoldForPrint();
    setUpSearchResults();
    document.addEventListener("focusin", showFocusInRegion);
    // The regions after the first frame: Material has wrapped its tables by then, and the page is on
    // screen before this walks its content (a separate task, so no long one at load).
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        setUpRegions();
        document.documentElement.setAttribute("data-kb-regios", "");  // done: for tests that wait for it
      }, 0);
    });
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; setUpRegions(); });
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    var started = false;
    window.document$.subscribe(function () {
      if (!started) { started = true; start(); } else { setUpRegions(); }
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
