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
    page.wait_for_function("document.querySelectorAll('.kb-vergelijk-tabel thead th').length === 3")
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


def test_the_selection_downloads_as_csv(page, fixture_url):
    compared(page, fixture_url, DORDRECHT, HILVERSUM)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(text)))
    assert records[0] == ["Kenmerk", CORPUS.cases[DORDRECHT].titel, CORPUS.cases[HILVERSUM].titel]
    assert [record[0] for record in records[1:]] == ["Adres", *ROWS]
    costs = next(record for record in records if record[0] == "Kosten")
    assert costs[1].startswith("€ 1.400.000 | Betaald door Gemeente Dordrecht")


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
