"""What a page makes a phone load: its own scripts only, and nothing Material fetches for features we
do not use. Lighthouse at 1,000 cases (``python -m bench --lighthouse``) measures the effect; these
tests hold the cause in place.
"""

from __future__ import annotations

from .site_tour import open_view, views

# Scripts that one kind of page uses, and the element that page has for it to work on.
PAGE_SCRIPTS = {"filters.js": ".kb-overzicht[data-kb-index]", "keuzehulp.js": "form.kb-keuzehulp"}


def _loads_of_each_page(browser, fixture_url, fixture_site):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    seen = {}
    for view in views(fixture_site):
        if view.action:
            continue
        requested.clear()
        open_view(page, fixture_url, view)
        page.wait_for_load_state("networkidle")
        has = {script: page.locator(selector).count() > 0 for script, selector in PAGE_SCRIPTS.items()}
        seen[view.kind] = (list(requested), has)
    context.close()
    return seen


def test_a_page_loads_only_the_scripts_it_uses_and_no_sitemap(browser, fixture_url, fixture_site):
    seen = _loads_of_each_page(browser, fixture_url, fixture_site)
    problems = []
    for kind, (requested, has) in seen.items():
        scripts = {url.rsplit("/", 1)[-1].split("?")[0] for url in requested if url.split("?")[0].endswith(".js")}
        for script, needed in has.items():
            if needed and script not in scripts:
                problems.append(f"{kind}: gebruikt {script}, maar laadt het niet")
            if not needed and script in scripts:
                problems.append(f"{kind}: laadt {script}, maar gebruikt het niet")
        # Material downloads and parses a sitemap for every link[rel=alternate] (another language of the
        # site); our feed link must not count as one (docs/overrides/main.html).
        problems += [f"{kind}: vraagt {url} op" for url in requested if url.endswith("sitemap.xml")]
    assert {"cases/", "instrumenten/", "cases/*", "home"} <= seen.keys()
    assert seen["cases/"][1]["filters.js"] and not seen["cases/*"][1]["filters.js"]  # the test sees both sides
    assert not problems, "\n".join(problems)


def test_the_filters_and_the_keuzehulp_still_work_where_they_are_loaded(page, fixture_url):
    page.goto(fixture_url + "cases/")
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")  # filters.js has started
    page.goto(fixture_url + "instrumenten/kiezen/")
    page.wait_for_selector("form.kb-keuzehulp:not([hidden])")  # keuzehulp.js shows its form
