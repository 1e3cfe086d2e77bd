"""The browser enforces each page's Content-Security-Policy, and no page of the site breaks it.

Every kind of page (the tour of site_tour.py: every page kind, the search with results, every
overview with a filter applied), every page that loads a combination of scripts the tour did not
run, the other colour palette and the print view are visited with every violation recorded
(``watch_policy``: the ``securitypolicyviolation`` event and the browser's console). There must
be none. The gate is shown to fail on a page with an inline script and an inline style, built by
the engine like any other page (a hand-written page may hold raw HTML): the policy does not name
that script, so the browser refuses it and the gate reports it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..gates import html_files, site_path
from ..helpers import VALID_CASE, replaced
from .conftest import serve, watch_policy
from .site_tour import View, open_view, views

_SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')


def scripts_of(html: str) -> frozenset[str]:
    """The site's scripts a page loads, by file name (the same script at any depth)."""
    return frozenset(src.rsplit("/", 1)[-1].split("?")[0] for src in _SCRIPT_SRC.findall(html))


def untoured(site: Path, toured: list[View]) -> list[View]:
    """One page for each combination of scripts that no page of the tour loads, and the redirect pages' kind."""
    def page_of(view: View) -> Path:
        return site / view.path / "index.html" if view.path.endswith("/") or not view.path else site / view.path

    seen = {scripts_of(page_of(view).read_text(encoding="utf-8")) for view in toured if page_of(view).exists()}
    found = []
    for path in html_files(site):
        relative = path.relative_to(site)
        if relative.parts[0] in ("beheer",):  # the editor has its own policy and test (test_beheer.py)
            continue
        html = path.read_text(encoding="utf-8")
        kind = "doorverwijzing" if 'http-equiv="refresh"' in html[:2000] else None
        scripts = scripts_of(html)
        if kind or scripts not in seen:
            seen.add(scripts)
            address = relative.parent.as_posix() + "/" if relative.name == "index.html" else relative.as_posix()
            found.append(View(kind or f"scripts {', '.join(sorted(scripts))}", address.removeprefix("./")))
            if kind:
                break  # one redirect page is every redirect page
    return found


def test_no_page_breaks_its_policy(browser, site_url, built_site):
    context = browser.new_context(locale="nl-NL")
    violations = watch_policy(context)
    page = context.new_page()
    found, visited = [], []
    tour = views(built_site)
    for view in [*tour, *untoured(built_site, tour)]:
        if view.kind == "doorverwijzing":
            old = site_url + view.path
            page.goto(old)
            page.wait_for_url(lambda url, old=old: url != old)  # its script has sent the browser on
        else:
            open_view(page, site_url, view)
        page.wait_for_load_state("networkidle")  # scripts that fetch or run later have done so
        found += [f"{view.kind}: {violation}" for violation in violations]
        violations.clear()
        visited.append(view.kind)
    page.goto(site_url)
    page.locator("form[data-md-component=palette] label:not([hidden])").click()  # the other palette
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")
    found += [f"andere weergave, print: {violation}" for violation in violations]
    context.close()
    assert {"zoeken met resultaten", "cases/ met filter", "cases/*", "kaart/"} <= set(visited), visited
    assert not found, "het Content-Security-Policy weigerde:\n" + "\n".join(found)


def test_an_inline_script_breaks_the_policy_and_is_caught(browser, project):
    """A hand-written page with an inline script and an inline style: built, served, refused, reported. On the
    same site the page at a renamed case's old address runs its own script (allowed by its hash) and sends the
    browser on without a violation."""
    project.write("docs/proef.md", "# Proef\n\n<script>document.title = 'uitgevoerd';</script>\n\n"
                                   '<p style="color: red">Rode tekst.</p>\n')
    project.write("cases/nieuwe-naam.md", replaced(VALID_CASE, "themas: [vastgoed]",
                                                   "themas: [vastgoed]\nvorige_namen: [oude-naam]"))
    site = project.built()
    url, server = serve(site, site_path())
    context = browser.new_context(locale="nl-NL")
    try:
        violations = watch_policy(context)
        page = context.new_page()
        page.goto(url + "proef/")
        page.wait_for_load_state("networkidle")
        title = page.title()
        found = "\n".join(violations)
        violations.clear()
        page.goto(url + "cases/oude-naam/#aanpak")
        page.wait_for_url(url + "cases/nieuwe-naam/#aanpak")  # the script kept the place on the page
        page.wait_for_load_state("networkidle")
        redirect = list(violations)
    finally:
        context.close()
        server.shutdown()
    assert title != "uitgevoerd", "het inline script liep"
    assert re.search(r"^script-src-elem weigert inline op .*/proef/", found, re.M), found
    assert re.search(r"^style-src-attr weigert inline op .*/proef/", found, re.M), found
    assert redirect == [], redirect
