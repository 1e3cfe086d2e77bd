"""Comparing cases in a real browser: 2 and 4 cases, shared values marked, a shared link, print, CSV, the boxes."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..helpers import read_fixture_content

CORPUS = read_fixture_content()
DORDRECHT = "dordrecht-strategische-aankoop-aanloopstraat"
HILVERSUM = "hilversum-kantoor-tijdelijk-wonen"
UTRECHT = "utrecht-betaalbare-ruimte-voor-makers"
DEN_HAAG = "den-haag-keurmerk-veilig-ondernemen-winkelstraat"
ROWS = ["Stad", "Thema's", "Fase", "Status", "Periode", "Doorlooptijd", "Rol van de gemeente", "Instrumenten",
        "Succesfactoren", "Knelpunten", "Kosten", "Juridische aspecten", "Overdraagbaarheid", "Beoogde resultaten",
        "Resultaten", "Lessen"]


def compared(page, fixture_url: str, *ids: str):
    page.goto(fixture_url + "vergelijk/?" + "&".join(f"casus={case}" for case in ids))
    page.wait_for_selector(".kb-vergelijk[data-kb-klaar]", state="attached")
    return page.locator(".kb-vergelijk-tabel table")


def cell(table, row: str, column: int):
    return table.locator("tbody tr").filter(has=table.page.locator(f"th:text-is('{row}')")).locator("td").nth(column)


def test_two_cases_side_by_side_with_every_field_and_shared_values_marked(page, fixture_url):
    table = compared(page, fixture_url, DORDRECHT, HILVERSUM)
    heads = table.locator("thead th").all_inner_texts()
    assert heads[0] == "Kenmerk"
    assert CORPUS.cases[DORDRECHT].titel in heads[1] and CORPUS.cases[HILVERSUM].titel in heads[2]
    assert table.locator("tbody th").all_inner_texts() == ROWS
    assert table.locator("tbody tr").first.locator("td").count() == 2
    # Both are in the phase oogsten and afgerond, and both used the transformatiefonds: marked, in words too.
    for row in ("Fase", "Status"):
        assert cell(table, row, 0).locator("mark.kb-gedeeld").count() == 1, row
        assert "(gedeeld)" in cell(table, row, 1).inner_text()
    instruments = cell(table, "Instrumenten", 0)
    fonds = CORPUS.instrumenten["transformatiefonds"].naam
    assert [" ".join(text.split()) for text in instruments.locator("mark.kb-gedeeld").all_inner_texts()] == [
        f"{fonds} (gedeeld)"]
    assert cell(table, "Stad", 0).locator("mark").count() == 0  # Dordrecht and Hilversum differ
    assert "€ 1.400.000" in cell(table, "Kosten", 0).inner_text()
    assert cell(table, "Doorlooptijd", 0).inner_text() == "2 jaar"
    assert cell(table, "Lessen", 0).locator("li").count() >= 2
    link = cell(table, "Instrumenten", 1).get_by_role("link", name=fonds)
    assert link.get_attribute("href").endswith("/instrumenten/transformatiefonds/")
    assert "2 casussen naast elkaar" in page.get_by_role("status").inner_text()
    assert page.title().startswith("Vergelijking: ")


def test_four_cases_and_no_fifth(page, fixture_url):
    table = compared(page, fixture_url, DORDRECHT, HILVERSUM, UTRECHT, DEN_HAAG)
    assert table.locator("thead th").count() == 5
    assert cell(table, "Fase", 3).locator("mark.kb-gedeeld").count() == 1  # all four are in oogsten
    assert cell(table, "Instrumenten", 0).locator("mark").count() == 0  # no instrument used by all four
    assert not page.locator("#vergelijk-kies").is_visible()  # the maximum: nothing to add
    table = compared(page, fixture_url, DORDRECHT, HILVERSUM, UTRECHT, DEN_HAAG, "amsterdam-sturen-op-winkelaanbod")
    assert table.locator("thead th").count() == 5
    assert "hooguit vier casussen" in page.get_by_role("status").inner_text()


def test_add_and_remove_keep_the_address_shareable(page, fixture_url, browser):
    compared(page, fixture_url, DORDRECHT)
    assert "Kies nog minstens één casus" in page.get_by_role("status").inner_text()
    page.get_by_label("Casus toevoegen").select_option(UTRECHT)
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_function("() => document.querySelectorAll('.kb-vergelijk-tabel thead th').length === 3")
    assert parse_qs(urlsplit(page.url).query) == {"casus": [DORDRECHT, UTRECHT]}
    shared = page.url
    other = browser.new_context(locale="nl-NL").new_page()  # a colleague opens the link
    other.goto(shared)
    other.wait_for_selector(".kb-vergelijk[data-kb-klaar]", state="attached")
    assert other.locator(".kb-vergelijk-tabel thead th").count() == 3
    other.context.close()
    page.get_by_role("button", name=f"Verwijder {CORPUS.cases[DORDRECHT].titel} uit de vergelijking").click()
    assert parse_qs(urlsplit(page.url).query) == {"casus": [UTRECHT]}
    assert page.locator(".kb-vergelijk-tabel thead th").count() == 2


def test_unknown_cases_are_reported(page, fixture_url):
    compared(page, fixture_url, DORDRECHT, "bestaat-niet", HILVERSUM)
    assert "Niet gevonden en weggelaten: bestaat-niet" in page.get_by_role("status").inner_text()
    assert page.locator(".kb-vergelijk-tabel thead th").count() == 3


def test_it_prints_as_the_table_alone(page, fixture_url):
    compared(page, fixture_url, DORDRECHT, HILVERSUM)
    page.emulate_media(media="print")
    assert page.locator(".kb-vergelijk-tabel table").is_visible()
    for hidden in (".kb-vergelijk-kies", ".kb-vergelijk-acties", ".kb-vergelijk-uitleg", ".md-header", ".md-sidebar"):
        assert not page.locator(hidden).first.is_visible(), hidden
    widths = page.evaluate("""() => { const region = document.querySelector('.kb-vergelijk-tabel');
        return [region.querySelector('table').offsetWidth, region.clientWidth]; }""")
    assert widths[0] <= widths[1] + 1  # every column on the paper, nothing scrolled away
    assert page.pdf(format="A4")[:4] == b"%PDF"


def _download(page, button: str) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    return Path(download.value.path()).read_bytes()


def test_the_selection_downloads_for_excel_and_as_csv(page, fixture_url):
    """Issue 27: a Dutch Excel put the comma-separated comparison in column A. "Voor Excel": semicolons and a
    byte-order mark; "CSV": RFC 4180. A row per case, with whether it is an example and the costs' amounts apart."""
    compared(page, fixture_url, DORDRECHT, HILVERSUM)
    excel = _download(page, "Download voor Excel")
    assert excel.startswith(b"\xef\xbb\xbf")
    machine = _download(page, "Download als CSV")
    assert not machine.startswith(b"\xef\xbb\xbf")
    for raw, separator in ((excel, ";"), (machine, ",")):
        records = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator))
        assert [record["Casus"] for record in records] == [CORPUS.cases[DORDRECHT].titel, CORPUS.cases[HILVERSUM].titel]
        assert [record["Voorbeeld"] for record in records] == ["ja", "ja"]
        dordrecht = records[0]
        assert dordrecht["Adres"].endswith(f"/cases/{DORDRECHT}/")
        assert dordrecht["Kosten (euro)"] == "1400000"  # a number a spreadsheet can add up
        assert dordrecht["Kosten: toelichting"].startswith("Betaald door Gemeente Dordrecht")
        assert "€" not in dordrecht["Kosten: toelichting"]
        assert dordrecht["Stad"] == "Dordrecht" and set(ROWS) - {"Kosten"} <= set(dordrecht)
    assert page.get_by_text("opent met een dubbelklik goed in een Nederlandse Excel").is_visible()


def test_boxes_on_the_overview_build_the_address(page, fixture_url):
    page.goto(fixture_url + "cases/")
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
    page.get_by_label(f"Vergelijk {CORPUS.cases[DORDRECHT].titel}").check()
    page.get_by_label(f"Vergelijk {CORPUS.cases[UTRECHT].titel}").check()
    bar = page.get_by_role("region", name="Casussen vergelijken")
    assert "2 casussen gekozen" in bar.inner_text()
    bar.get_by_role("link", name="Vergelijk").click()
    page.wait_for_selector(".kb-vergelijk[data-kb-klaar]", state="attached")
    assert set(parse_qs(urlsplit(page.url).query)["casus"]) == {DORDRECHT, UTRECHT}
    assert page.locator(".kb-vergelijk-tabel thead th").count() == 3


def test_the_button_on_a_case_page_starts_a_comparison(page, fixture_url):
    page.goto(fixture_url + f"cases/{DORDRECHT}/")
    page.get_by_role("link", name="Vergelijk met andere casussen").click()
    page.wait_for_selector(".kb-vergelijk[data-kb-klaar]", state="attached")
    assert parse_qs(urlsplit(page.url).query) == {"casus": [DORDRECHT]}


def test_without_javascript_it_explains_and_links(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(fixture_url + f"vergelijk/?casus={DORDRECHT}&casus={HILVERSUM}")
    assert page.get_by_role("heading", name="Zo kiest u casussen").is_visible()
    assert "werkt alleen met JavaScript" in page.locator(".kb-zonder-script").inner_text()
    assert not page.locator(".kb-vergelijk-werkblad").is_visible()
    links = page.locator("a.kb-vergelijk-voeg-toe")
    assert links.count() == len(CORPUS.cases)
    assert links.first.get_attribute("href").startswith("?casus=")
    context.close()


def test_the_comparison_and_the_decision_aid_pass_axe_in_both_palettes(browser, fixture_url):
    from .site_tour import PALETTES, axe_violations

    report = []
    for scheme, material in PALETTES.values():
        context = browser.new_context(locale="nl-NL", color_scheme=scheme)
        page = context.new_page()
        for url in (f"vergelijk/?casus={DORDRECHT}&casus={HILVERSUM}&casus={UTRECHT}", "instrumenten/kiezen/",
                    "instrumenten/kiezen/leegstand/eigenaar-werkt-mee/gemeente-bezit/plan/urgent/", "cases/"):
            page.goto(fixture_url + url)
            if url.startswith("vergelijk"):
                page.wait_for_selector(".kb-vergelijk[data-kb-klaar]", state="attached")
            if url == "cases/":
                page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
                page.locator("label.kb-vergelijk-keuze input").first.check()  # the bar at the bottom, too
            report += [f"{url} ({material}): {violation}" for violation in axe_violations(page)]
        context.close()
    assert report == []


def test_two_to_four_cases_fit_the_width_at_1280_without_a_scroll_area(browser, fixture_url):
    """Issue 27: at 1280 px the second case was cut off mid-word inside two nested scroll areas."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for cases in ((DORDRECHT, HILVERSUM), (DORDRECHT, HILVERSUM, UTRECHT, DEN_HAAG)):
        table = compared(page, fixture_url, *cases)
        page.wait_for_selector("html[data-kb-regios]", state="attached")
        found = page.evaluate("""() => {
            const region = document.querySelector('.kb-vergelijk-tabel');
            const scrolling = [...region.querySelectorAll('*')].filter(e => ['auto', 'scroll'].includes(
                getComputedStyle(e).overflowX));
            const cut = [...region.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1);
            return {region: [region.scrollWidth, region.clientWidth], nested: scrolling.length, cut: cut.length,
                    cue: region.classList.contains('kb-schuift')}; }""")
        assert found["region"][0] <= found["region"][1] + 1, found
        assert found == {**found, "nested": 0, "cut": 0, "cue": False}
        assert table.is_visible()
    context.close()


def test_on_a_phone_the_cases_stand_one_under_another(browser, fixture_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    compared(page, fixture_url, DORDRECHT, HILVERSUM, UTRECHT)
    assert not page.locator(".kb-vergelijk-tabel").is_visible()
    stack = page.locator(".kb-vergelijk-stapel")
    assert stack.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert stack.locator("h3").all_inner_texts() == ROWS
    city = stack.locator("section").filter(has=page.get_by_role("heading", name="Stad", exact=True))
    assert city.locator("dt").all_inner_texts() == [CORPUS.cases[c].titel for c in (DORDRECHT, HILVERSUM, UTRECHT)]
    # the comparison comes before the explanation of how to choose
    assert page.evaluate("""() => !!(document.querySelector('.kb-vergelijk-werkblad').compareDocumentPosition(
        document.querySelector('.kb-vergelijk-uitleg')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    stack.get_by_role("button", name=f"Verwijder {CORPUS.cases[UTRECHT].titel} uit de vergelijking").click()
    assert parse_qs(urlsplit(page.url).query) == {"casus": [DORDRECHT, HILVERSUM]}
    context.close()


def _bar(page, fixture_url):
    page.goto(fixture_url + "cases/")
    page.wait_for_selector(".kb-overzicht[data-kb-klaar]", state="attached")
    page.get_by_label(f"Vergelijk {CORPUS.cases[DORDRECHT].titel}").check()
    page.get_by_label(f"Vergelijk {CORPUS.cases[UTRECHT].titel}").check()
    return page.get_by_role("region", name="Casussen vergelijken")


STYLE = """e => { const s = getComputedStyle(e); return {background: s.backgroundColor, color: s.color,
    border: parseFloat(s.borderTopWidth), outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
    height: e.getBoundingClientRect().height, underline: s.textDecorationLine.includes('underline')}; }"""


def test_the_compare_bar_buttons_look_like_buttons(page, fixture_url):
    """Issue 27: "Vergelijk" and "Wis keuze" in the bar carried button classes, but looked like plain text."""
    bar = _bar(page, fixture_url)
    main, clear = bar.get_by_role("link", name="Vergelijk"), bar.get_by_role("button", name="Wis keuze")
    backdrop = bar.evaluate("e => getComputedStyle(e).backgroundColor")
    main_style, clear_style = main.evaluate(STYLE), clear.evaluate(STYLE)
    assert main_style["background"] != backdrop  # filled: the main action
    assert clear_style["border"] >= 1 and main_style["border"] >= 1  # both have an edge
    assert main_style["height"] >= 24 and clear_style["height"] >= 24
    assert not main_style["underline"]
    main.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert main.evaluate(STYLE)["outline"] >= 2  # a visible focus
    page.emulate_media(forced_colors="active")
    forced = main.evaluate(STYLE), clear.evaluate(STYLE)
    assert forced[0]["border"] >= 2 and forced[1]["border"] >= 1  # edges stay in high contrast
    assert forced[0]["background"] != forced[1]["background"]
