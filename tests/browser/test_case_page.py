"""A case page on a phone: the story starts within two screens; the rest of the facts fold (issue 27)."""

from __future__ import annotations

from ..helpers import read_fixture_content

CORPUS = read_fixture_content()
# The longest card of the fixture: the case with the most facts.
CASE = max(CORPUS.cases.values(), key=lambda case: len(case.partners) + len(case.instrumenten) + len(case.resultaten)
           + len(case.onderwerpen) + len(case.werkvormen) + len(case.inzichten))


def test_on_a_phone_the_story_starts_within_two_screens_and_every_fact_is_one_tap_away(browser, fixture_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(fixture_url + f"cases/{CASE.id}/")
    story = page.evaluate("document.querySelector('.kb-proza h2').getBoundingClientRect().top + scrollY")
    assert story < 2 * 844, f"het verhaal begint na {story / 844:.1f} schermen"
    more = page.locator("details.kb-kaart-meer")
    assert page.get_by_text("Stad", exact=True).first.is_visible() and not more.locator("dl").is_visible()
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    assert more.locator("dl").is_visible()
    labels = page.locator(".kb-kaart dt").all_inner_texts()
    assert {"Stad", "Fase", "Instrumenten", "Partners", "Laatst bijgewerkt"} <= set(labels)
    page.keyboard.press("Enter")  # closed again; on paper it opens by itself
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert more.get_attribute("open") is not None
    context.close()
