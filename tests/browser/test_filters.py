"""The facet filters in a real browser: instant, counted, in the URL, usable with the keyboard, optional."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from ..helpers import read_fixture_content

CORPUS = read_fixture_content()


def visible_titles(page, folder: str) -> set[str]:
    return set(page.locator(f"#{folder}-lijst > li:visible .kb-item-titel").all_inner_texts())


def _theme_and_city():
    """A theme and a city whose combination narrows the list twice: fewer than the theme alone, more than none."""
    for case in sorted(CORPUS.cases.values(), key=lambda c: c.id):
        for thema in case.themas:
            with_theme = [c for c in CORPUS.cases.values() if thema in c.themas]
            both = [c for c in with_theme if c.stad == case.stad]
            if len(both) < len(with_theme) < len(CORPUS.cases):
                return thema, case.stad, with_theme, both
    raise AssertionError("de inhoud heeft geen thema en stad die de lijst verkleinen")


def test_choose_a_theme_and_a_city_then_reload(page, fixture_url):
    thema, stad, with_theme, both = _theme_and_city()
    total = len(CORPUS.cases)
    page.goto(fixture_url + "cases/")
    status = page.get_by_role("status")
    assert page.locator("#cases-filters").is_visible()
    assert status.inner_text() == f"{total} casussen"
    assert len(visible_titles(page, "cases")) == total

    page.locator(f"#cases-thema-{thema}").check()
    assert visible_titles(page, "cases") == {c.titel for c in with_theme}
    assert status.inner_text() == f"{len(with_theme)} van de {total} casussen"

    page.locator("#cases-stad").select_option(stad)
    assert visible_titles(page, "cases") == {c.titel for c in both}
    assert status.inner_text() == f"{len(both)} van de {total} casussen"
    assert parse_qs(urlsplit(page.url).query) == {"thema": [thema], "stad": [stad]}

    shared = page.url
    page.reload()
    assert page.locator(f"#cases-thema-{thema}").is_checked()
    assert page.locator("#cases-stad").input_value() == stad
    assert visible_titles(page, "cases") == {c.titel for c in both}
    assert page.get_by_role("status").inner_text() == f"{len(both)} van de {total} casussen"

    other = page.context.new_page()  # a colleague opens the shared link
    other.goto(shared)
    assert visible_titles(other, "cases") == {c.titel for c in both}
    other.close()

    page.get_by_role("button", name="Alle filters wissen").click()
    page.wait_for_function("document.querySelectorAll('#cases-lijst > li[hidden]').length === 0")
    assert len(visible_titles(page, "cases")) == total
    assert urlsplit(page.url).query == ""


def test_filters_work_with_the_keyboard(page, fixture_url):
    instruments = CORPUS.instrumenten.values()
    page.goto(fixture_url + "instrumenten/")
    checkbox = page.get_by_role("checkbox", name="5. Afdwingen", exact=False)
    checkbox.focus()
    page.keyboard.press("Space")
    expected = {i.naam for i in instruments if i.sturing == "afdwingen"}
    assert expected and visible_titles(page, "instrumenten") == expected
    assert page.get_by_role("status").inner_text() == f"{len(expected)} van de {len(instruments)} instrumenten"
    assert parse_qs(urlsplit(page.url).query) == {"sturing": ["afdwingen"]}


def test_a_choice_with_no_result_says_so(page, fixture_url):
    soorten = {i.soort for i in CORPUS.instrumenten.values()}
    sturing = {i.sturing for i in CORPUS.instrumenten.values()}
    empty = next(((s, t) for s in sorted(soorten) for t in sorted(sturing)
                  if not any(i.soort == s and i.sturing == t for i in CORPUS.instrumenten.values())), None)
    assert empty is not None
    page.goto(fixture_url + f"instrumenten/?soort={empty[0]}&sturing={empty[1]}")
    assert visible_titles(page, "instrumenten") == set()
    assert page.get_by_role("status").inner_text().startswith("Geen instrumenten met deze filters")


def test_without_javascript_everything_is_listed(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(fixture_url + "cases/?thema=vastgoed&stad=dordrecht")
    assert len(visible_titles(page, "cases")) == len(CORPUS.cases)
    assert not page.locator("#cases-filters").is_visible()  # filters need the script; the list does not
    context.close()
