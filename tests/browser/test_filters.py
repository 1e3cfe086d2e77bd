"""The facet filters in a real browser: instant, counted, in the URL, usable with the keyboard, optional."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from ..helpers import read_fixture_content

CORPUS = read_fixture_content()


def opened(page, url: str):
    """Go to an overview and wait until the filter script has read its index."""
    page.goto(url)
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
    return page


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
    opened(page, fixture_url + "cases/")
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
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
    assert page.locator(f"#cases-thema-{thema}").is_checked()
    assert page.locator("#cases-stad").input_value() == stad
    assert visible_titles(page, "cases") == {c.titel for c in both}
    assert page.get_by_role("status").inner_text() == f"{len(both)} van de {total} casussen"

    other = page.context.new_page()  # a colleague opens the shared link
    opened(other, shared)
    assert visible_titles(other, "cases") == {c.titel for c in both}
    other.close()

    # filters.js redraws the list (no item is ever hidden), so the test waits for what the reader is told: the
    # count of all cases. The redraw happens in the task of the click itself, so this holds at once.
    page.get_by_role("button", name="Alle filters wissen").click()
    expect(status).to_have_text(f"{total} casussen")
    assert len(visible_titles(page, "cases")) == total
    assert status.inner_text() == f"{total} casussen"
    assert urlsplit(page.url).query == ""
    assert not page.locator(f"#cases-thema-{thema}").is_checked() and page.locator("#cases-stad").input_value() == ""


def test_filters_work_with_the_keyboard(page, fixture_url):
    instruments = CORPUS.instrumenten.values()
    opened(page, fixture_url + "instrumenten/")
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
    opened(page, fixture_url + f"instrumenten/?soort={empty[0]}&sturing={empty[1]}")
    assert visible_titles(page, "instrumenten") == set()
    assert page.get_by_role("status").inner_text().startswith("Geen instrumenten met deze filters")


def test_without_javascript_everything_is_listed(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(fixture_url + "cases/?thema=vastgoed&stad=dordrecht")
    assert len(visible_titles(page, "cases")) == len(CORPUS.cases)  # the fixture fits on one page
    assert not page.locator("#cases-filters").is_visible()  # filters need the script; the list does not
    context.close()


def test_counts_follow_the_selection_and_empty_options_are_marked(page, fixture_url):
    opened(page, fixture_url + "instrumenten/")
    page.locator("#instrumenten-sturing-afdwingen").check()
    # a kind of instrument that never sits on the step 'afdwingen' cannot be combined with it
    empty = [soort for soort in sorted({i.soort for i in CORPUS.instrumenten.values()})
             if not any(i.soort == soort and i.sturing == "afdwingen" for i in CORPUS.instrumenten.values())]
    assert empty
    option = page.locator(f"#instrumenten-soort-{empty[0]}")
    assert option.is_disabled()
    assert page.locator(f"label[for='instrumenten-soort-{empty[0]}']").inner_text().endswith("(0)")
    chosen = {i.soort for i in CORPUS.instrumenten.values() if i.sturing == "afdwingen"}
    some = sorted(chosen)[0]
    expected = sum(1 for i in CORPUS.instrumenten.values() if i.sturing == "afdwingen" and i.soort == some)
    assert page.locator(f"label[for='instrumenten-soort-{some}']").inner_text().endswith(f"({expected})")


def test_an_unknown_value_in_a_shared_link_is_reported(page, fixture_url):
    opened(page, fixture_url + "cases/?stad=breda")
    assert "bestaat niet en is genegeerd: stad 'breda'" in page.locator(".kb-meldingen").inner_text()
    assert len(visible_titles(page, "cases")) == len(CORPUS.cases)


def test_a_link_from_a_term_page_filters_on_a_taxonomy_without_a_control(page, fixture_url):
    partner = next(p for case in CORPUS.cases.values() for p in case.partners)
    opened(page, fixture_url + f"cases/?partner={partner}")
    expected = {c.titel for c in CORPUS.cases.values() if partner in c.partners}
    assert visible_titles(page, "cases") == expected and len(expected) < len(CORPUS.cases)
    page.get_by_role("button", name="Dit filter wissen").click()
    assert len(visible_titles(page, "cases")) == len(CORPUS.cases)
    assert urlsplit(page.url).query == ""


def test_sorting_is_in_the_address(page, fixture_url):
    opened(page, fixture_url + "cases/")
    page.locator("#cases-sorteer").select_option("az")
    titles = page.locator("#cases-lijst > li .kb-item-titel").all_inner_texts()
    assert titles == sorted(titles, key=str.lower)
    assert parse_qs(urlsplit(page.url).query) == {"sorteer": ["az"]}
    page.reload()
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
    assert page.locator("#cases-lijst > li .kb-item-titel").all_inner_texts() == titles


def test_on_a_phone_the_filters_fold_and_the_first_case_is_in_the_first_screen(browser, fixture_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    opened(page, fixture_url + "cases/")
    first = page.locator("#cases-lijst > li").first
    box = first.bounding_box()
    assert box is not None and box["y"] < 844, box
    assert not page.locator("#cases-filters").is_visible()
    toggle = page.get_by_role("button", name="Filters", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("#cases-filters").is_visible() and toggle.get_attribute("aria-expanded") == "true"
    thema = next(iter(CORPUS.cases.values())).themas[0]
    page.locator(f"#cases-thema-{thema}").check()
    expected = sum(1 for c in CORPUS.cases.values() if thema in c.themas)
    page.get_by_role("button", name=f"Toon {expected} van de").click()
    assert not page.locator("#cases-filters").is_visible()
    assert page.get_by_role("button", name="Filters (1)").is_visible()
    context.close()


def test_pages_of_a_long_list_with_and_without_javascript(browser, tmp_path_factory):
    from ..gates import site_path
    from ..helpers import Project, case
    from .conftest import serve

    project = Project.create(tmp_path_factory.mktemp("lang"))
    for number in range(45):
        project.write(f"cases/c{number:02d}.md", case(titel=f"Casus nummer {number:02d}",
                                                      stad="utrecht" if number % 3 else "dordrecht"))
    url, server = serve(project.built(), site_path())
    try:
        page = browser.new_page(locale="nl-NL")
        opened(page, url + "cases/")
        assert page.locator("#cases-lijst > li").count() == 20
        assert page.get_by_role("status").inner_text() == "45 casussen; pagina 1 van 3"
        page.locator("nav.kb-pagina-s a", has_text="3").click()
        assert page.locator("#cases-lijst > li").count() == 5
        assert parse_qs(urlsplit(page.url).query) == {"pagina": ["3"]}
        page.locator("#cases-stad-dordrecht").check()
        assert page.get_by_role("status").inner_text() == "15 van de 45 casussen"  # back to one page
        page.close()
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        plain = context.new_page()
        seen = set()
        for path in ("cases/", "cases/pagina/2/", "cases/pagina/3/"):
            plain.goto(url + path)
            seen |= set(plain.locator("#cases-lijst > li .kb-item-titel").all_inner_texts())
        assert len(seen) == 45
        context.close()
    finally:
        server.shutdown()
