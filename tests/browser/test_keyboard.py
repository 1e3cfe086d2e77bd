"""Keyboard and screen-reader basics on every kind of page, in a real browser.

A visitor without a mouse must be able to skip the navigation, see where the focus is,
and reach and identify every link, button and filter with Tab. A screen reader needs the
page's language and headings in order. axe-core checks some of this statically; these
tests press the keys.
"""

from __future__ import annotations

import pytest

from ..gates import FIXTURES
from .conftest import serve
from .site_tour import settle, views

# Visible elements a visitor can operate: each must be reachable with Tab.
CONTROLS = ("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], "
            "[role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=switch], [onclick]")

_MARK_CONTROLS = """selector => {
    const shown = element => element.checkVisibility({visibilityProperty: true, opacityProperty: true})
        && element.getBoundingClientRect().width > 1 && element.getBoundingClientRect().height > 1
        && !element.closest('[inert], [aria-hidden=true], [hidden]') && !element.disabled
        && element.getAttribute('tabindex') !== '-1';
    const controls = [...document.querySelectorAll(selector)].filter(shown);
    controls.forEach((element, index) => element.dataset.kbControl = index);
    // Tab enters a group of radio buttons once; the arrow keys move within it.
    const group = element => element.type === 'radio' && element.name ? 'radio:' + element.name : null;
    return controls.map(element => [element.outerHTML.slice(0, 160), group(element)]);
}"""

# What the focused element looks like: its control number and whether an outline or shadow
# shows it. A visually hidden input (Material's palette switch) shows focus on its label.
_FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    let shown = element;
    if (box.width <= 1 || box.height <= 1) {
        const next = element.nextElementSibling;
        shown = (next && next.tagName === 'LABEL' ? next : null)
            || (element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]:not([hidden])`))
            || element;
    }
    const style = getComputedStyle(shown);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
        && !/rgba\\(.*, 0\\)$/.test(style.outlineColor);
    return {
        control: element.dataset.kbControl ?? null,
        html: element.outerHTML.slice(0, 160),
        visible: outline || style.boxShadow !== 'none',
    };
}"""


def _accessible_name(cdp) -> tuple[str, str]:
    """The focused element's role and name as the browser gives them to a screen reader."""
    focused = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
    node = cdp.send("Accessibility.getPartialAXTree", {"objectId": focused, "fetchRelatives": False})["nodes"][0]
    return node.get("role", {}).get("value", ""), str(node.get("name", {}).get("value", "")).strip()


def tab_tour(page, limit: int = 800) -> list[str]:
    """Press Tab through the whole page; return every keyboard problem found on the way."""
    controls = page.evaluate(_MARK_CONTROLS, CONTROLS)
    cdp = page.context.new_cdp_session(page)
    reached, problems, seen, last = set(), [], set(), "het begin"
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None or focused["html"] + str(focused["control"]) in seen:
            break  # past the last element, or round again
        seen.add(focused["html"] + str(focused["control"]))
        last = focused["html"]
        reached.add(focused["control"])
        if not focused["visible"]:
            problems.append(f"focus niet zichtbaar op {focused['html']}")
        role, name = _accessible_name(cdp)
        if not name:
            problems.append(f"geen naam voor schermlezers ({role}): {focused['html']}")
    groups_reached = {controls[int(index)][1] for index in reached if index is not None} - {None}
    problems += [f"niet met Tab bereikbaar: {html} (de ronde eindigde na {len(seen)} stappen bij {last})"
                 for index, (html, group) in enumerate(controls) if str(index) not in reached
                 and group not in groups_reached]
    cdp.detach()
    return problems


def skip_link_problems(page) -> list[str]:
    """The first Tab shows "Ga naar inhoud"; Enter moves on to the page's own content."""
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => {
        const element = document.activeElement;
        return element && element.matches('a[href^="#"]')
            ? {text: element.textContent.trim(), target: element.getAttribute('href').slice(1)} : null;
    }""")
    if skip is None:
        return ["de eerste Tab komt niet op een link \"Ga naar inhoud\""]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate("""target => {
        const anchor = document.getElementById(target);
        const content = document.querySelector('main article, main');
        return Boolean(anchor && content && content.contains(anchor)
            && content.contains(document.activeElement) && location.hash === '#' + target);
    }""", skip["target"])
    return [] if in_content else [f"\"{skip['text']}\" brengt de focus niet naar de inhoud (#{skip['target']})"]


def heading_and_language_problems(page) -> list[str]:
    """Language nl, one h1 first, and no heading level skipped (h2 → h4)."""
    language, levels = page.evaluate("""() => [document.documentElement.lang,
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
            .filter(h => h.checkVisibility({visibilityProperty: true}) && !h.closest('[aria-hidden=true]'))
            .map(h => Number(h.tagName[1]))]""")
    problems = [] if language == "nl" else [f"taal van de pagina is {language!r}, niet 'nl'"]
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        problems.append(f"de pagina begint niet met één h1 (koppen: {levels})")
    problems += [f"kop springt van h{before} naar h{after}"
                 for before, after in zip(levels, levels[1:], strict=False) if after > before + 1]
    return problems


@pytest.fixture(scope="module")
def kinds_of_page(built_site):
    return [view for view in views(built_site) if not view.action]


def _check_every_kind(browser, site_url, kinds, check, skip_kinds=()) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    report = []
    for view in kinds:
        if view.kind in skip_kinds:
            continue
        page.goto(site_url + view.path)
        settle(page)
        report += [f"{view.kind} ({site_url}{view.path}): {problem}" for problem in check(page)]
    context.close()
    assert not report, "\n".join(report)


def test_language_and_headings_on_every_kind_of_page(browser, site_url, kinds_of_page):
    _check_every_kind(browser, site_url, kinds_of_page, heading_and_language_problems)


def test_skip_link_on_every_kind_of_page(browser, site_url, kinds_of_page):
    # The "not found" page has no headings to skip to (Material adds the link only then);
    # its landmarks (header, navigation, main) let a screen reader jump past the navigation.
    _check_every_kind(browser, site_url, kinds_of_page, skip_link_problems, skip_kinds={"niet gevonden"})


def test_every_control_reachable_named_and_visibly_focused(browser, site_url, kinds_of_page):
    _check_every_kind(browser, site_url, kinds_of_page, tab_tour)


def test_palette_switch_works_with_the_keyboard(page, site_url):
    page.goto(site_url)
    before = page.evaluate("document.body.dataset.mdColorScheme")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "__palette":
            break
    else:
        raise AssertionError("de knop voor licht/donker is niet met Tab bereikbaar")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") != before


def test_the_keyboard_checks_catch_known_problems(page):
    """The gates can fail: a page without skip link, with hidden focus, an unnamed button,
    a mouse-only control, the wrong language and a skipped heading level."""
    url, server = serve(FIXTURES)
    try:
        page.goto(url + "toetsenbord.html")
        found = "\n".join(heading_and_language_problems(page) + tab_tour(page))
        page.goto(url + "toetsenbord.html")
        found += "\n" + "\n".join(skip_link_problems(page))
    finally:
        server.shutdown()
    for expected in ("taal van de pagina is 'en'", "kop springt van h1 naar h3", "focus niet zichtbaar op <a",
                     "geen naam voor schermlezers (button)", "niet met Tab bereikbaar: <span role=\"button\"",
                     "brengt de focus niet naar de inhoud"):
        assert expected in found, f"niet gevonden: {expected}\nwel gevonden:\n{found}"
