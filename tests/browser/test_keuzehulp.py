"""The decision aid in a real browser: every route by links without JavaScript, and by the form with it."""

from __future__ import annotations

from kennisbank.content import keuzehulp

from ..helpers import read_fixture_content

CORPUS = read_fixture_content()
QUESTIONS = list(CORPUS.reference["keuzehulp"].values())
ROUTES = keuzehulp.routes(QUESTIONS)


def test_without_javascript_every_route_is_a_path_of_links(browser, fixture_url):
    """Follow every answer link from the start page, each step page once: every route ends on its outcome."""
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    start = fixture_url + "instrumenten/kiezen/"
    page.goto(start)
    assert not page.locator("form.kb-keuzehulp").is_visible()
    assert page.locator("details.kb-keuzehulp-routes li a").count() == len(ROUTES)  # also every route at once
    waiting, outcomes = [start], set()
    while waiting:
        page.goto(waiting.pop())
        options = page.locator(".kb-keuzehulp-opties a")
        if options.count():
            waiting += [page.evaluate("href => new URL(href, location.href).href", options.nth(number).get_attribute(
                "href")) for number in range(options.count())]
        else:
            assert page.get_by_role("heading", name="Passende instrumenten, de lichtste eerst").is_visible()
            outcomes.add(page.url)
    assert outcomes == {start + "/".join(answer["id"] for answer in route) + "/" for route in ROUTES}
    context.close()


def test_with_javascript_the_form_leads_to_the_outcome(page, fixture_url):
    """One route for each answer to the first question (the links above cover every route)."""
    start = fixture_url + "instrumenten/kiezen/"
    page.goto(start)
    form = page.locator("form.kb-keuzehulp")
    assert form.is_visible() and not page.locator(".kb-keuzehulp-stappen").is_visible()
    page.get_by_role("button", name="Toon passende instrumenten").click()  # nothing chosen: said, not sent
    assert page.url == start
    for route in [next(route for route in ROUTES if route[0] is answer) for answer in QUESTIONS[0]["antwoorden"]]:
        page.goto(start)
        for question, answer in zip(QUESTIONS, route, strict=True):
            page.locator(f"#keuzehulp-{question['id']}-{answer['id']}").check()
        page.get_by_role("button", name="Toon passende instrumenten").click()
        page.wait_for_url(start + "/".join(answer["id"] for answer in route) + "/")
        assert page.locator("ol.kb-keuzehulp-uitkomst").count() >= 1 or page.locator(".kb-leeg").count() == 1


def test_an_unanswered_question_is_named(page, fixture_url):
    page.goto(fixture_url + "instrumenten/kiezen/")
    first = QUESTIONS[0]
    page.locator(f"#keuzehulp-{first['id']}-{first['antwoorden'][0]['id']}").check()
    # past the browser's own check of required answers, to the script's message
    page.evaluate("document.querySelectorAll('form.kb-keuzehulp input').forEach(i => i.required = false)")
    page.get_by_role("button", name="Toon passende instrumenten").click()
    assert page.get_by_role("status").inner_text() == f"Beantwoord eerst: {QUESTIONS[1]['vraag']}"
    assert page.evaluate("document.activeElement.name") == QUESTIONS[1]["id"]


def _skip_then_tab(page):
    """"Ga naar inhoud" by keyboard, then one Tab: the element that then has focus."""
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return page.evaluate("({id: document.activeElement.id, text: document.activeElement.textContent.trim(),"
                         " tag: document.activeElement.tagName})")


def test_the_skip_link_lands_on_the_first_question_with_javascript(page, fixture_url):
    """Issue 27: the skip link pointed at the heading of the pages without JavaScript, hidden once the form shows;
    the next Tab went past the form to "Alle 64 routes"."""
    page.goto(fixture_url + "instrumenten/kiezen/")
    page.wait_for_selector("form.kb-keuzehulp:not([hidden])")
    first = QUESTIONS[0]
    assert _skip_then_tab(page)["id"] == f"keuzehulp-{first['id']}-{first['antwoorden'][0]['id']}"


def test_the_skip_link_lands_on_the_first_question_without_javascript(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(fixture_url + "instrumenten/kiezen/")
    focused = _skip_then_tab(page)
    assert focused["tag"] == "A" and focused["text"] == QUESTIONS[0]["antwoorden"][0]["antwoord"]
    context.close()


def test_changing_the_first_answer_keeps_the_later_ones(page, fixture_url):
    """Issue 27: "wijzig" on question 1 threw every later answer away."""
    route = ROUTES[-1]
    page.goto(fixture_url + "instrumenten/kiezen/" + "/".join(answer["id"] for answer in route) + "/")
    first = page.locator(".kb-keuzehulp-antwoorden details").first
    first.locator("summary").click()
    other = QUESTIONS[0]["antwoorden"][0]
    first.get_by_role("link", name=other["antwoord"], exact=True).click()
    expected = [other["id"]] + [answer["id"] for answer in route[1:]]
    page.wait_for_url(fixture_url + "instrumenten/kiezen/" + "/".join(expected) + "/")
    assert page.get_by_role("heading", name="Passende instrumenten, de lichtste eerst").is_visible()
