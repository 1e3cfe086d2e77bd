"""Which pages the browser gates visit, taken from the built site, and how to put each in its state.

The list is derived, not written down: one page per kind (the index of every top-level
folder, and of each folder depth the largest page, which shows the most of its kind), the
home page, the "not found" page, the search with results open, and every overview with
its first filter applied. A page type another issue adds is visited from its first build.
``MUST_HAVE`` names the kinds that exist today, so that a change in the derivation which
silently drops one fails loudly instead.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

# The kinds of page that must be visited (a kind is a folder at a depth: "cases/*" is a case).
MUST_HAVE = {
    "home", "niet gevonden", "zoeken met resultaten",
    "over/", "bijdragen/", "toegankelijkheid/", "privacy/",
    "cases/", "cases/*", "cases/ met filter", "instrumenten/", "instrumenten/*", "instrumenten/ met filter",
    "toolkits/", "toolkits/*", "themas/", "themas/*", "steden/", "steden/*", "city-deals/", "city-deals/*",
    "kaart/", "oogst/", "oogst/*", "goede-praktijken/", "data/", "monitor/", "sturing/", "sturing/*", "velden/*",
}

# The editor at /beheer/ is Decap CMS's application, not a page of the site: tests/browser/test_beheer.py
# checks it (axe on our own parts of it); Decap's own faults are listed in the toegankelijkheidsverklaring.
NOT_TOURED = {"beheer"}

SEARCH_QUERY = "leegstand"
PALETTES = {"licht": ("light", "default"), "donker": ("dark", "slate")}  # name: (prefers-color-scheme, Material scheme)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@dataclass(frozen=True)
class View:
    """A page in a state: ``path`` relative to the site's address, ``action`` done after loading."""

    kind: str
    path: str
    action: str = ""  # "", "zoeken" or "filter"


def _is_redirect(html: str) -> bool:
    return 'http-equiv="refresh"' in html[:2000]


def _has_filters(html: str) -> bool:
    article = BeautifulSoup(html, "html.parser").find("article")
    return bool(article and article.select("form input[type=checkbox], form input[type=radio], form select"))


def views(site: Path) -> list[View]:
    """Every kind of page of the built site, plus the states a visitor puts pages in."""
    found = [View("home", ""), View("niet gevonden", "deze-pagina-bestaat-niet/")]
    largest: dict[str, tuple[int, str]] = {}
    overviews_with_filters = []
    for index in sorted(site.glob("*/**/index.html")):
        parts = index.relative_to(site).parts[:-1]
        html = index.read_text(encoding="utf-8")
        if _is_redirect(html) or parts[0] in NOT_TOURED:
            continue
        path = "/".join(parts) + "/"
        if len(parts) == 1:
            found.append(View(path, path))
            if _has_filters(html):
                overviews_with_filters.append(View(f"{path} met filter", path, "filter"))
        else:
            kind = parts[0] + "/*" * (len(parts) - 1)
            size = len(html)
            if size > largest.get(kind, (-1, ""))[0]:
                largest[kind] = (size, path)
    found += [View(kind, path) for kind, (_, path) in sorted(largest.items())]
    found += overviews_with_filters
    found.append(View("zoeken met resultaten", "", "zoeken"))
    return found


def kinds(site: Path) -> dict[str, list[str]]:
    """Kind -> paths, for messages."""
    grouped = defaultdict(list)
    for view in views(site):
        grouped[view.kind].append(view.path)
    return grouped


def open_view(page, site_url: str, view: View) -> None:
    """Load the page and put it in the view's state, as a visitor would."""
    page.goto(site_url + view.path)
    page.wait_for_load_state("load")
    if view.action == "zoeken":
        search = page.locator("input.md-search__input")
        opener = page.locator("button.kb-zoekknop")  # narrow screens: the search opens as an overlay
        if opener.is_visible():
            opener.click()
        search.click()
        search.press_sequentially(SEARCH_QUERY)
        page.locator(".md-search-result__item").first.wait_for(state="visible")
    elif view.action == "filter":
        if page.locator(".kb-overzicht[data-kb-index]").count():  # an overview: wait for its filter script
            page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
        fold = page.locator("button.kb-filters-knop")  # narrow screens: the filters are folded away
        if fold.is_visible() and fold.get_attribute("aria-expanded") != "true":
            fold.click()
        control = page.locator("article form input[type=checkbox], article form input[type=radio], "
                               "article form select").first
        if control.evaluate("element => element.tagName") == "SELECT":
            control.select_option(index=1)
        else:
            control.check()
    settle(page)


def settle(page) -> None:
    """Wait until fading and sliding is over (axe measures colours as they are at that moment), and until
    toegankelijkheid.js has made the regions that scroll sideways reachable, just after the first frame."""
    page.wait_for_function("""() => document.getAnimations().every(animation =>
        animation.playState !== 'running' || animation.effect.getTiming().iterations === Infinity)
        && (document.documentElement.hasAttribute('data-kb-regios')
            || !document.querySelector('script[src$="toegankelijkheid.js"]'))""")


def axe_violations(page, within: str | None = None) -> list[str]:
    """axe-core's WCAG 2.1 and 2.2 A/AA violations on the page as it is now (or in the element ``within``
    selects): ``rule (impact): element — why``."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=within, options=options)
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            why = checks[0]["message"] if checks else violation["help"]
            found.append(f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))} — {why}")
    return found
