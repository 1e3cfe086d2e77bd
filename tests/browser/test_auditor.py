"""Accessibility as an auditor tests it (issue 13): every kind of page, at 1280, 390 and 320 px, in the
light and the dark palette, with the checks axe does not make (auditor.py).

Each (width, palette, kind of page) is opened once and every check is run on it; the tests below each
report one check, so that a known failure is marked for exactly the page, width and check it concerns.
Failures caused by markup that the Python engine generates (kennisbank/pages, kennisbank/svg.py) are
marked ``xfail(strict=True)`` in KNOWN below, with what is wrong: the gate stays strict, and the mark
must go as soon as the generated markup is fixed (a strict xfail that passes fails the suite).
"""

from __future__ import annotations

import time

import pytest

from ..gates import FIXTURES
from . import auditor
from .conftest import serve
from .site_tour import MUST_HAVE, PALETTES, open_view, settle, views

OTHER = "overige soorten"  # kinds a later build adds beyond MUST_HAVE: checked together
KINDS = sorted(MUST_HAVE) + [OTHER]
NARROW = ("390", "320")
# The Tab walk is the slow check (one key event per stop, both ways). The palettes differ in colour
# only, not in layout or Tab order, so the walk runs at every width in the light palette and, in the
# dark palette, on the phone (where the header and the menu are): that found the dark-only fault of
# the palette switch. All other checks run at every width in both palettes.
WALKS = {("1280", "licht"), ("390", "licht"), ("320", "licht"), ("390", "donker")}

GENERATED = "gegenereerde opmaak: komt met de componenten (issue 11)"
# (check, width, palette, kind) -> what is wrong in the generated markup. "*" is any width or palette.
KNOWN: dict[tuple[str, str, str, str], str] = {}


def _marks(check: str, width: str, palette: str, kind: str):
    for (known_check, known_width, known_palette, known_kind), why in KNOWN.items():
        if (known_check == check and known_kind == kind and known_width in ("*", width)
                and known_palette in ("*", palette)):
            return [pytest.mark.xfail(strict=True, reason=f"{GENERATED}: {why}")]
    return []


def cases(check: str, widths=tuple(auditor.WIDTHS), combinations=None) -> list:
    return [pytest.param(width, palette, kind, marks=_marks(check, width, palette, kind),
                         id=f"{width}-{palette}-{kind}")
            for width in widths for palette in PALETTES for kind in KINDS
            if combinations is None or (width, palette) in combinations]


_results: dict[tuple[str, str, str], dict[str, list[str]]] = {}
_seconds: dict[str, float] = {}


@pytest.fixture(scope="module")
def audit(browser, site_url, built_site):
    """(width, palette, kind) -> {check: problems}, each page visited once for all checks."""
    tour = views(built_site)

    def run(width: str, palette: str, kind: str) -> dict[str, list[str]]:
        key = (width, palette, kind)
        if key in _results:
            return _results[key]
        started = time.monotonic()
        chosen = [view for view in tour if (view.kind == kind if kind != OTHER else view.kind not in MUST_HAVE)]
        size = auditor.WIDTHS[width]
        context = browser.new_context(locale="nl-NL", color_scheme=PALETTES[palette][0],
                                      viewport={"width": size[0], "height": size[1]})
        page = context.new_page()
        found: dict[str, list[str]] = {"focus": [], "namen": [], "reflow": [], "regio": [], "menu": []}
        for view in chosen:
            where = f"{view.kind} ({view.path or '/'})"
            open_view(page, site_url, view)
            found["reflow"] += [f"{where}: {p}" for p in auditor.reflow_problems(page)]
            found["regio"] += [f"{where}: {p}" for p in auditor.scroll_region_problems(page)]
            found["namen"] += [f"{where}: {p}" for p in auditor.unnamed_controls(page)]
            if view.action != "zoeken" and (width, palette) in WALKS:  # the open search closes on Tab
                found["focus"] += [f"{where}: {p}" for p in auditor.focus_walk(page)]
            if width in NARROW and view.action != "zoeken":
                open_view(page, site_url, view)
                found["menu"] += [f"{where}: {p}" for p in auditor.menu_problems(page)]
        context.close()
        _seconds[f"{width} px"] = _seconds.get(f"{width} px", 0) + time.monotonic() - started
        _results[key] = found
        return found

    yield run
    if _seconds:
        print("\nauditor, seconden: " + ", ".join(f"{what} {seconds:.0f} s" for what, seconds in _seconds.items()))


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problemen:\n" + "\n".join(problems)


@pytest.mark.parametrize("width, palette, kind", cases("focus", combinations=WALKS))
def test_every_focus_stop_visible_in_view_and_not_covered(audit, width, palette, kind):
    problems = audit(width, palette, kind)["focus"]
    assert not problems, _report(problems)


@pytest.mark.parametrize("width, palette, kind", cases("namen"))
def test_every_link_and_control_has_a_name_in_chromium(audit, width, palette, kind):
    problems = audit(width, palette, kind)["namen"]
    assert not problems, _report(problems)


@pytest.mark.parametrize("width, palette, kind", cases("reflow"))
def test_no_page_wider_than_the_screen(audit, width, palette, kind):
    problems = audit(width, palette, kind)["reflow"]
    assert not problems, _report(problems)


# Every frame from the click on the search button until the search is open and still: the widest the page got.
_WIDEST_WHILE_OPENING = """() => {
    window.kbWidest = 0;
    const measure = () => {
        window.kbWidest = Math.max(window.kbWidest, document.documentElement.scrollWidth);
        if (!window.kbStopMeasuring) requestAnimationFrame(measure);
    };
    requestAnimationFrame(measure);
}"""
_SEARCH_OPEN_AND_STILL = """() => document.getElementById('__search').checked
    && document.body.hasAttribute('data-md-scrolllock')
    && document.getAnimations().every(animation => animation.playState !== 'running')"""


@pytest.mark.parametrize("palette", PALETTES)
def test_opening_the_search_on_a_phone_never_widens_the_page(browser, site_url, palette):
    """Material opens its search on a phone with a circle that grows 45 times to cover the screen, and fixes
    the page under it only 400 ms after the search opened. Until then the circle made the page 1,192 px
    wide at 320: a reader could scroll sideways, and the reflow gate, measuring at whatever moment the
    machine's load gave it, failed now and then ("1169 px breed ... md-search__overlay"). Measured here
    on every frame of the opening, not at one moment."""
    width, height = auditor.WIDTHS["320"]
    context = browser.new_context(locale="nl-NL", color_scheme=PALETTES[palette][0],
                                  viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("load")
    page.evaluate(_WIDEST_WHILE_OPENING)
    page.locator("button.kb-zoekknop").click()
    page.wait_for_function(_SEARCH_OPEN_AND_STILL)
    widest = page.evaluate("window.kbStopMeasuring = true, window.kbWidest")
    context.close()
    assert widest <= width, f"de pagina werd {widest} px breed in een venster van {width} px"


@pytest.mark.parametrize("width, palette, kind", cases("regio"))
def test_what_scrolls_sideways_is_a_named_focusable_region(audit, width, palette, kind):
    problems = audit(width, palette, kind)["regio"]
    assert not problems, _report(problems)


@pytest.mark.parametrize("width, palette, kind", cases("menu", NARROW))
def test_the_menu_works_with_the_keyboard(audit, width, palette, kind):
    problems = audit(width, palette, kind)["menu"]
    assert not problems, _report(problems)


# Windows high contrast, light and dark, over either palette of the site (the visitor may have chosen
# "Lichte weergave" before turning high contrast on: black chart labels on a black canvas).
SYSTEMS = {"licht-hoog-contrast": "light", "donker-hoog-contrast": "dark"}


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("system", SYSTEMS)
def test_forced_colours_keep_every_graphic_readable(browser, site_url, built_site, system, palette):
    started = time.monotonic()
    context = browser.new_context(locale="nl-NL", color_scheme=SYSTEMS[system], forced_colors="active",
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    scheme = PALETTES[palette][1]
    report = []
    for view in views(built_site):
        open_view(page, site_url, view)
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        report += [f"{view.kind} ({view.path or '/'}): {p}" for p in auditor.forced_colour_problems(page)]
    # The drawer's icons (chevrons, table of contents) show on narrow screens, with the menu open.
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("over/", "kaart/"):
        page.goto(site_url + path)
        page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
        page.locator("button.kb-menuknop").click()
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        settle(page)  # the drawer has slid in
        report += [f"{path} met het menu open: {p}" for p in page.evaluate(auditor.MASK_ICONS_AND_FIELDS)]
    context.close()
    _seconds[f"geforceerde kleuren {system}/{palette}"] = time.monotonic() - started
    assert not report, _report(report)


# --- the checks can fail ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_url():
    url, server = serve(FIXTURES / "auditor")
    yield url
    server.shutdown()


def _fixture_page(browser, fixture_url, width: str, **options):
    size = auditor.WIDTHS[width]
    context = browser.new_context(locale="nl-NL", viewport={"width": size[0], "height": size[1]}, **options)
    page = context.new_page()
    page.goto(fixture_url + "fouten.html")
    return context, page


def _expect(found: list[str], *expected: str) -> None:
    text = "\n".join(found)
    for fragment in expected:
        assert fragment in text, f"niet gevonden: {fragment}\nwel gevonden:\n{text}"


def test_the_checks_catch_known_problems(browser, fixture_url):
    """tests/fixtures/gates/auditor/fouten.html: Material's old label menu with its drawer off-screen in
    the Tab order, a closed search field still a Tab stop, a sticky header without scroll padding, a
    link around an <article>, a page too wide, a scroll container without tabindex, role or name."""
    context, page = _fixture_page(browser, fixture_url, "320")
    try:
        _expect(auditor.focus_walk(page),
                "focus buiten beeld of afgeknipt", "Eerste menulink",  # the closed drawer
                'aria-label="Zoeken"',  # the closed search field
                "Shift+Tab: focus onder header")  # under the sticky header
        _expect(auditor.unnamed_controls(page), "geen naam voor schermlezers (link)")
        _expect(auditor.reflow_problems(page), "pagina is", "te-breed")
        _expect(auditor.scroll_region_problems(page), "niet met Tab te bereiken", "geen role=\"region\"",
                "geen naam")
        _expect(auditor.menu_problems(page), "geen zichtbare menuknop")
    finally:
        context.close()


def test_the_forced_colour_check_catches_known_problems(browser, fixture_url):
    """Dark high contrast: black map labels on the black canvas, white text on a white bar, a mask icon
    that takes the forced background, a search field without edge."""
    context, page = _fixture_page(browser, fixture_url, "1280", color_scheme="dark", forced_colors="active")
    try:
        page.evaluate("() => document.querySelector('.md-search__inner').style.cssText = "
                      "'position:static;width:300px;height:40px'")
        _expect(auditor.forced_colour_problems(page), "\u201cDordrecht\u201d", "\u201cOogst\u201d",
                "maskerpictogram onzichtbaar", "het zoekveld heeft geen rand")
    finally:
        context.close()
