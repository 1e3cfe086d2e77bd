"""What docs/overrides/main.html and docs/assets/toegankelijkheid.js rely on in Material (issue 13).

The menu and search buttons are put beside Material's labels by finding the labels' exact markup,
and the script follows Material's breakpoints and checkboxes. A Material update that changes any of
this must fail here, by name, rather than silently leave the keyboard without a menu.
"""

from __future__ import annotations

import pytest

from .site_tour import settle, views

# Built markup the override inserts, once on every page.
INSERTED = {
    'class="md-header__button md-icon kb-menuknop"': "menuknop",
    'class="md-header__button md-icon kb-zoekknop"': "zoekknop",
    'id="kb-menu" class="md-sidebar md-sidebar--primary"': "id van het menu",
    'class="md-icon kb-menu-sluiten"': "sluitknop in het menu",
    'class="md-search" id="kb-zoeken"': "id van het zoekvenster",
    'aria-label="Sitekop"': "Nederlandse naam van de kop",
}
# Material's markup the override and the script find (header.html, base.html, nav.html).
MATERIAL = {
    '<label class="md-header__button md-icon" for="__drawer">': "menulabel in de kop",
    '<label class="md-header__button md-icon" for="__search">': "zoeklabel in de kop",
    'data-md-toggle="drawer"': "checkbox van het menu",
    'data-md-toggle="search"': "checkbox van het zoeken",
    '<label class="md-nav__title" for="__drawer">': "titel van het menu",
}


def test_the_override_finds_materials_markup_on_every_page(built_site):
    report = []
    for view in views(built_site):
        if view.action or view.kind == "niet gevonden":
            continue
        html = (built_site / view.path / "index.html").read_text(encoding="utf-8")
        for marker, what in {**INSERTED, **MATERIAL}.items():
            if html.count(marker) != 1:
                report.append(f"{view.kind} ({view.path or '/'}): {what} {html.count(marker)} keer in plaats van 1")
    assert not report, "Material is veranderd of de override werkt niet meer:\n" + "\n".join(report)


_LAYOUT = """() => {
    const shown = selector => { const e = document.querySelector(selector); return Boolean(e && e.checkVisibility()); };
    return {
        drawer: getComputedStyle(document.querySelector('.md-sidebar--primary')).position === 'fixed',
        overlay: getComputedStyle(document.querySelector('.md-search__inner')).position === 'fixed',
        menuButton: shown('.kb-menuknop'),
        searchButton: shown('.kb-zoekknop'),
        menuLabel: shown('label.md-header__button[for=__drawer]'),
        searchLabel: shown('label.md-header__button[for=__search]'),
        closedDrawerInert: document.getElementById('kb-menu').inert,
        closedSearchInert: document.getElementById('kb-zoeken').inert,
    };
}"""


@pytest.mark.parametrize("width, drawer, overlay", [
    (1221, False, False), (1219, True, False),  # Material's drawer: below 76.25em (1220 px)
    (961, True, False), (959, True, True),  # Material's search overlay: below 60em (960 px)
])
def test_buttons_follow_materials_breakpoints(browser, site_url, width, drawer, overlay):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "over/")
    layout = page.evaluate(_LAYOUT)
    context.close()
    expected = {"drawer": drawer, "overlay": overlay, "menuButton": drawer, "searchButton": overlay,
                "menuLabel": False, "searchLabel": False,
                "closedDrawerInert": drawer, "closedSearchInert": overlay}
    assert layout == expected, f"bij {width} px: {layout}, verwacht {expected}"


def test_scroll_padding_covers_the_header_and_back_to_top(browser, site_url):
    """html's scroll-padding-top (kennisbank.css, section 6) is at least the bottom of the sticky header
    and of Material's "Terug naar boven" when it shows: else Shift+Tab hides the focus under them."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "over/")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => window.scrollY >= Math.min(3000, document.documentElement.scrollHeight - innerHeight) - 1")
    page.mouse.wheel(0, -400)  # scrolling up shows "Terug naar boven"
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    settle(page)  # "Terug naar boven" has slid into its place
    sizes = page.evaluate("""() => ({
        padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop),
        header: document.querySelector('.md-header').getBoundingClientRect().bottom,
        top: document.querySelector('.md-top').getBoundingClientRect().bottom,
    })""")
    context.close()
    assert sizes["padding"] >= max(sizes["header"], sizes["top"]), sizes


def test_a_sub_panel_opened_by_keyboard_keeps_the_focus_in_view(browser, fixture_url):
    """Issue 27: after opening "Instrumenten" in the phone menu by keyboard, the focus sat on the panel's title,
    scrolled a panel's width off-screen (focusing it while it slid in scrolled the drawer)."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(fixture_url)
    page.wait_for_selector("html[data-kb-regios]", state="attached")
    page.locator("button.kb-menuknop").focus()
    page.keyboard.press("Enter")
    opener = page.locator("#kb-menu label.md-nav__link[role=button]", has_text="Instrumenten")
    for _ in range(40):
        if opener.evaluate("label => label === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getAnimations().length === 0")  # the panel has slid in
    focused = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {text: e.textContent.trim(), left: r.left, right: r.right}; }""")
    assert focused["text"] == "Instrumenten" and focused["left"] >= 0 and focused["right"] <= 390, focused
    context.close()
