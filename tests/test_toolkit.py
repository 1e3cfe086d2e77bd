"""Toolkit pages as a printable guide, and goede praktijken with their lessons side by side."""

from __future__ import annotations

from kennisbank.site.printing import with_print_urls

from .helpers import content


def test_toolkit_page_is_a_step_by_step_guide(fixture_site, fixture_corpus):
    corpus = fixture_corpus
    toolkit = corpus.toolkits[sorted(corpus.toolkits)[0]]
    article = content(fixture_site, f"toolkits/{toolkit.id}")
    steps = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in article.select("h3[id^=stap-]")]
    assert steps == [f"Stap {n}: {step['titel']}" for n, step in enumerate(toolkit.stappen, start=1)]

    # In the order of use (issue 27): by the first step that names each instrument, as the heading says; not by
    # the toolkit's list (which may be sorted by ladder step) and not by the ladder.
    rows = article.find(id="instrumenten").find_next("table").select("tbody tr")
    in_steps = list(dict.fromkeys((i, n) for n, step in enumerate(toolkit.stappen, start=1)
                                  for i in step["instrumenten"]))
    first_step = {}
    for instrument_id, number in in_steps:
        first_step.setdefault(instrument_id, number)
    order = list(first_step) + [i for i in toolkit.instrumenten if i not in first_step]
    assert order != toolkit.instrumenten  # the fixture's list is in ladder order, so the test tells them apart
    assert [row.th.get_text(strip=True) for row in rows] == [corpus.instrumenten[i].naam for i in order]
    assert "in volgorde van inzet" in article.find(id="instrumenten-bijschrift").get_text()
    ladder = {item["id"]: item for item in corpus.reference.lists["sturing"].values()}
    for row, instrument_id in zip(rows, order, strict=True):
        instrument = corpus.instrumenten[instrument_id]
        step = ladder[instrument.sturing]
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        assert cells[0] == (f"Stap {first_step[instrument_id]}" if instrument_id in first_step else "Bij geen stap")
        assert cells[1] == f"trede {step['trede']} van 5: {step['naam']}"
        for basis in instrument.wettelijke_basis:
            assert basis["wet"] in cells[2]

    cases = [a.get_text() for a in article.find(id="casussen").find_next("ul").select(".kb-item-titel a")]
    assert cases == [corpus.cases[c].titel for c in toolkit.cases]
    contacts = article.find(id="contact").find_next("ul").get_text(" ")
    for case_id in toolkit.cases:
        assert corpus.cases[case_id].contact["organisatie"] in contacts


def test_goede_praktijken_show_reason_and_lessons_per_marked_case(fixture_site, fixture_corpus):
    corpus = fixture_corpus
    marked = {case.id for case in corpus.cases.values() if case.goede_praktijk}
    assert marked
    cards = content(fixture_site, "goede-praktijken").select("section.kb-praktijk")
    assert {card.find("h2")["id"].removeprefix("praktijk-") for card in cards} == marked
    for card in cards:
        case = corpus.cases[card.find("h2")["id"].removeprefix("praktijk-")]
        text = " ".join(card.get_text(" ").split())
        assert case.goede_praktijk["reden"] in text
        lessons = case.body.split("## Lessen", 1)[1].strip().splitlines()
        assert lessons[0].lstrip("- ").strip() in text
        assert card.find("h3") is not None  # "Lessen" as a heading inside each card


def test_print_addresses_only_for_references():
    html = ('<a href="../../cases/x/">x</a> <a href="../../steden/dordrecht/">D</a> '
            '<a href="https://wetten.overheid.nl/BWBR1/">wet</a> <a href="#boven">boven</a> '
            '<a href="mailto:a@b.nl">a@b.nl</a>')
    result = with_print_urls(html, "https://example.org/kb/toolkits/t/", "https://example.org/kb/")
    assert 'href="../../cases/x/" data-print-href="https://example.org/kb/cases/x/"' in result
    assert 'data-print-href="https://wetten.overheid.nl/BWBR1/"' in result
    assert result.count("data-print-href") == 2  # not the city (a facet), the anchor or the e-mail
