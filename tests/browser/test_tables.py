"""Tables on a phone: each fits the screen or says that it scrolls, and no scroll area sits inside another (issue 27).

The contact table, the open data table and a toolkit's instruments were cut off at 390 px with no cue that more
was to the side; the comparison sat in two nested scroll areas (tests/browser/test_vergelijk.py).
"""

from __future__ import annotations

import pytest

from ..helpers import read_fixture_content

TOOLKIT = sorted(read_fixture_content().toolkits)[0]

REGIONS = """() => {
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const all = [...document.querySelectorAll('article *')].filter(scrolls);
  return {
    nested: all.filter(e => all.some(other => other !== e && other.contains(e))).map(e => e.className),
    tables: [...document.querySelectorAll('article .kb-tabel')].map(region => {
      const cue = getComputedStyle(region, '::before');
      return {name: region.querySelector('caption').textContent, fits: region.scrollWidth <= region.clientWidth + 1,
              cue: region.classList.contains('kb-schuift') && cue.content.includes('schuif') && cue.display !== 'none'
                   && region.getBoundingClientRect().width > 0};
    }),
  };
}"""


@pytest.mark.parametrize("url", ["contact/", "data/", f"toolkits/{TOOLKIT}/", "data/velden/", "oogst/"])
def test_a_table_on_a_phone_fits_or_shows_that_it_scrolls(browser, fixture_url, url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(fixture_url + url)
    page.wait_for_selector("html[data-kb-regios]", state="attached")
    found = page.evaluate(REGIONS)
    assert found["tables"], url
    assert found["nested"] == [], url
    for table in found["tables"]:
        assert table["fits"] or table["cue"], (url, table)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_field_names_on_a_phone_break_only_between_their_parts(browser, fixture_url):
    """Issue 27: on /data/velden/ at 390 px a field name wrapped a letter or two per line ("case/s[]./sta/d")."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(fixture_url + "data/velden/")
    broken = page.evaluate("""() => [...document.querySelectorAll('code.kb-veldnaam')].filter(code => {
        const widest = Math.max(...code.textContent.split(/(?<=[._])/).map(piece => {
            const probe = document.createElement('code');
            probe.className = code.className;
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = piece;
            code.parentNode.appendChild(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return width;
        }));
        return code.getBoundingClientRect().width + 1 < widest;
    }).map(code => code.textContent)""")
    assert page.locator("code.kb-veldnaam").count() > 20
    assert broken == []
    context.close()
