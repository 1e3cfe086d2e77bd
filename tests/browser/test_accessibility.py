"""WCAG 2.1 and 2.2 A and AA as far as axe-core can tell: every kind of page, in the light and the dark
palette, at 1280 and at 320 px wide.

Dutch law asks WCAG 2.1 AA of government sites. The pages visited are taken from the
built site (site_tour.py), so a page type added later is checked from its first build.
"""

from __future__ import annotations

import pytest

from ..gates import FIXTURES
from .conftest import serve
from .site_tour import MUST_HAVE, PALETTES, axe_violations, kinds, open_view, views


def test_every_kind_of_page_is_visited(built_site):
    missing = MUST_HAVE - set(kinds(built_site))
    assert not missing, f"deze soorten pagina's worden niet meer bezocht: {sorted(missing)}"


# A desktop, and WCAG's reflow case (1280 px at 400 %): what axe finds at 320 px (scroll regions that
# cannot be focused, targets too small on a phone) it does not find at 1280.
AXE_SIZES = {"1280": (1280, 720), "320": (320, 256)}


@pytest.mark.parametrize("size", AXE_SIZES)
@pytest.mark.parametrize("palette", PALETTES)
def test_no_axe_violations_on_any_kind_of_page(browser, site_url, built_site, palette, size):
    color_scheme, material_scheme = PALETTES[palette]
    width, height = AXE_SIZES[size]
    context = browser.new_context(locale="nl-NL", color_scheme=color_scheme,
                                  viewport={"width": width, "height": height})
    page = context.new_page()
    report = []
    for view in views(built_site):
        open_view(page, site_url, view)
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        assert scheme == material_scheme, f"{view.kind}: weergave {scheme!r} in plaats van {material_scheme!r}"
        report += [f"{view.kind} ({site_url}{view.path}): {violation}" for violation in axe_violations(page)]
    context.close()
    assert not report, (f"{len(report)} toegankelijkheidsfouten in de {palette}e weergave op {size} px:\n"
                        + "\n".join(report))


# Every kind of token Pygments marks in code blocks, as Material colours them.
CODE_TOKENS = ["c", "cp", "k", "kc", "kd", "kn", "kt", "m", "mi", "mf", "s", "s2", "sd", "se", "si", "sr",
               "na", "nb", "nc", "nd", "ne", "nf", "nt", "nv", "o", "ow", "p", "gd", "gi", "gh", "go", "gp", "gu", "err"]


@pytest.mark.parametrize("palette", PALETTES)
def test_highlighted_code_is_readable(browser, site_url, palette):
    """No page has highlighted code yet; when one does, its colours must already pass."""
    context = browser.new_context(locale="nl-NL", color_scheme=PALETTES[palette][0])
    page = context.new_page()
    page.goto(site_url)
    spans = "\n".join(f'<span class="{token}">{token}_voorbeeld</span>' for token in CODE_TOKENS)
    page.evaluate("""spans => document.querySelector('article').insertAdjacentHTML('beforeend',
        `<div class="highlight" id="code-proef"><pre><span></span><code>${spans}</code></pre></div>`)""", spans)
    violations = axe_violations(page, "#code-proef")
    context.close()
    assert not violations, "\n".join(violations)


def test_axe_catches_a_known_violation(page):
    """The gate can fail: a page with an image without text, an unnamed button and grey on grey."""
    url, server = serve(FIXTURES)
    try:
        page.goto(url + "axe.html")
        found = " ".join(axe_violations(page))
    finally:
        server.shutdown()
    for rule in ("image-alt", "button-name", "color-contrast"):
        assert rule in found, f"{rule} niet gevonden in: {found}"
