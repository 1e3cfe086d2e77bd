"""Oogst pages: cases moving through the phases over two ijkmomenten give exactly the expected lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kennisbank.site.sections import section

from .helpers import EVALUATION_YAML, Project, instrument


def case(titel: str, fase: str, historie: list[tuple[str, str]] | None, *, themas="[vastgoed]", start="2023-07",
         extra: str = "", resultaten: str = "[]") -> str:
    lines = "".join(f'  - {{fase: {f}, datum: "{d}"}}\n' for f, d in historie) if historie else ""
    return (f"---\ntitel: {titel}\nsamenvatting: Een korte samenvatting van deze proefcasus voor de tests.\n"
            f"stad: dordrecht\nthemas: {themas}\nfase: {fase}\nstatus: lopend\nperiode:\n  start: \"{start}\"\n"
            + (f"historie:\n{lines}" if lines else "")
            + (EVALUATION_YAML if fase == "oogsten" else "")
            + f"resultaten: {resultaten}\ncontact:\n  organisatie: Gemeente Dordrecht\n{extra}bijgewerkt: \"2026-01-15\"\n"
            f"---\n\n## Opgave\n\nDe opgave van {titel}.\n\n## Aanpak\n\nDe aanpak van {titel}.\n\n"
            f"## Resultaten\n\n- Resultaat van {titel}.\n\n"
            f"### Detail\n\nMeer.\n\n## Lessen\n\n- Les van {titel}.\n")


# Two ijkmomenten from data/ijkmomenten.yml: 2023-q4 (2023-12-31) and 2024-q4 (2024-12-31).
CASES = {
    # new in 2023-q4; moves twice in 2024-q4 and is harvested there
    "anna": case("Casus Anna", "oogsten", [("zaaien", "2023-09-01"), ("groeien", "2024-02-01"), ("oogsten", "2024-10-01")],
                 extra="oogst: 2024-q4\n", resultaten="[vastgoed-1]"),
    # new in 2023-q4 and moves in it
    "bram": case("Casus Bram", "groeien", [("zaaien", "2023-11-15"), ("groeien", "2023-12-20")], themas="[financiering]"),
    # new in 2024-q4, two themes
    "cato": case("Casus Cato", "zaaien", [("zaaien", "2024-03-01")], themas="[vastgoed, financiering]",
                 resultaten="[financiering-1]"),
    # no history: counts from the start of its period (2024-05), no moves
    "daan": case("Casus Daan", "groeien", None, start="2024-05"),
    # harvested at 2023-q4, skipping groeien
    "eva": case("Casus Eva", "oogsten", [("zaaien", "2023-07-01"), ("oogsten", "2023-12-01")],
                extra="oogst: 2023-q4\n"),
    # a draft harvested at 2024-q4: never on the public pages
    "fenna": case("Casus Fenna", "oogsten", [("zaaien", "2024-01-01"), ("oogsten", "2024-06-01")],
                  extra="oogst: 2024-q4\nconcept: true\n"),
}

TOOLKIT = """---
titel: Proeftoolkit
samenvatting: Een korte samenvatting van deze proeftoolkit voor de tests.
thema: vastgoed
stappen:
  - titel: Eerste stap
    toelichting: Wat u in de eerste stap doet.
    instrumenten: [proefinstrument]
instrumenten: [proefinstrument]
cases: [anna]
oogst: 2024-q4
bijgewerkt: "2026-01-15"
---
"""


@pytest.fixture(scope="module")
def harvest_site(tmp_path_factory) -> Path:
    project = Project.create(tmp_path_factory.mktemp("oogst"))
    for slug, text in CASES.items():
        project.write(f"cases/{slug}.md", text)
    project.write("instrumenten/proefinstrument.md", instrument(status="nieuw", resultaten=["vastgoed-3"],
                                                                oogst="2024-q4"))
    project.write("instrumenten/toolkits/proeftoolkit.md", TOOLKIT)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project.site


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def list_after(page: BeautifulSoup, heading_id: str) -> list[str]:
    """The text of each item of the list right under a heading ([] when it says there are none)."""
    heading = page.find(id=heading_id)
    sibling = heading.find_next_sibling()
    return [" ".join(li.get_text(" ", strip=True).split()) for li in sibling.find_all("li")] if sibling.name == "ul" else []


def harvested(page: BeautifulSoup) -> list[str]:
    return [tag["id"].removeprefix("casus-") for tag in page.select("article h4[id^=casus-]")]


def test_first_ijkmoment_lists_exactly_what_was_harvested_new_and_moved(harvest_site):
    page = soup(harvest_site, "oogst/2023-q4")
    assert harvested(page) == ["eva"]
    assert list_after(page, "nieuw") == [
        "Casus Anna — Dordrecht , fase zaaien sinds 1 september 2023",
        "Casus Bram — Dordrecht , fase zaaien sinds 15 november 2023",
        "Casus Eva — Dordrecht , fase zaaien sinds 1 juli 2023",
    ]
    assert list_after(page, "gewisseld") == [
        "Casus Eva : van zaaien naar oogsten op 1 december 2023",
        "Casus Bram : van zaaien naar groeien op 20 december 2023",
    ]
    assert [a.get_text() for a in page.find(id="nieuw-gedekt").find_next_sibling("ul").find_all("a")] == [
        "Actieve rol in eigendom"]


def test_second_ijkmoment_lists_exactly_what_changed_since_the_first(harvest_site):
    page = soup(harvest_site, "oogst/2024-q4")
    assert harvested(page) == ["anna"]
    assert list_after(page, "nieuw") == [
        "Casus Cato — Dordrecht , fase zaaien sinds 1 maart 2024",
        "Casus Daan — Dordrecht , fase groeien sinds 1 mei 2024",
    ]
    assert list_after(page, "gewisseld") == [
        "Casus Anna : van zaaien naar groeien op 1 februari 2024",
        "Casus Anna : van groeien naar oogsten op 1 oktober 2024",
    ]
    newly = [a.get_text() for a in page.find(id="nieuw-gedekt").find_next_sibling("ul").find_all("a")]
    assert newly == ["Review van huidig instrumentarium", "Scenario's voor fondsvorming"]  # instrument, then Cato
    before = [a.get_text() for a in page.find(id="eerder-gedekt").find_next_sibling("ul").find_all("a")]
    assert before == ["Actieve rol in eigendom"]
    text = page.select_one("article").get_text(" ")
    assert "Fenna" not in text  # the draft


def test_harvested_case_shows_its_own_resultaten_and_lessen_under_its_theme(harvest_site):
    page = soup(harvest_site, "oogst/2024-q4")
    theme = page.find(id="thema-vastgoed")
    assert "kb-thema" in theme.find_parent("section")["class"]
    block = page.find(id="casus-anna")
    following = []
    for tag in block.find_all_next():
        if tag.name in ("h2", "h4") and tag is not block:
            break
        following.append(tag)
    text = " ".join(tag.get_text(" ", strip=True) for tag in following if tag.name in ("h5", "h6", "li"))
    assert "Resultaat van Casus Anna." in text and "Les van Casus Anna." in text
    assert "De opgave van Casus Anna" not in text  # only Resultaten and Lessen
    assert any(tag.name == "h6" and tag.get_text(strip=True).startswith("Detail") for tag in following)
    toolkits = [a.get_text() for a in page.find(id="toolkits-vastgoed").find_next_sibling("ul").find_all("a")]
    assert toolkits == ["Proeftoolkit"]
    instruments = page.find(id="instrumenten-vastgoed").find_next_sibling("ul")
    assert "Proefinstrument" in instruments.get_text() and "nieuw ontwikkeld" in instruments.get_text()


def test_oogst_index_counts_each_ijkmoment(harvest_site):
    rows = {tr.find("a").get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
            for tr in soup(harvest_site, "oogst").select("article table tbody tr")}
    assert rows["Eerste ijkmoment"] == ["1", "0", "0", "3"]
    assert rows["IJkmoment 2024"] == ["1", "1", "1", "2"]


def test_an_inconsistent_history_fails_the_build_with_path_and_line(project):
    text = CASES["anna"].replace('{fase: oogsten, datum: "2024-10-01"}', '{fase: oogsten, datum: "2024-01-01"}')
    project.write("cases/anna.md", text)
    result = project.build()
    assert result.returncode != 0
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "2024-01-01" in row)
    assert (f"cases/anna.md:{line}: veld 'historie[3].datum' (2024-01-01) ligt vóór de datum van de vorige fase "
            "'groeien' (2024-02-01)") in result.stdout + result.stderr


def test_section_takes_one_section_and_shifts_its_headings():
    body = ("## Opgave\n\nA\n\n## Resultaten\n\n- r1\n\n### Sub\n\n```\n## niet een kop\n```\n\n"
            "## Lessen ##\n\n- l1\n\n# Bijlage\n\nB\n")
    assert section(body, "Resultaten", shift=2) == "- r1\n\n##### Sub\n\n```\n## niet een kop\n```"
    assert section(body, "lessen") == "- l1"
    assert section(body, "Aanpak") == ""


def test_contributor_text_on_oogst_and_goede_praktijken_pages_stays_data(project):
    lessen = "- Les {{ 7*7 }} met {% if 1 %} en &lt;script&gt;alert(1)&lt;/script&gt; als tekst.\n"
    text = (case("Casus Gerrit", "oogsten", [("zaaien", "2023-07-01"), ("oogsten", "2023-12-01")],
                 extra="oogst: 2023-q4\ngoede_praktijk:\n  reden: Een reden die lang genoeg is voor de test.\n"
                       "  sinds: 2023-q4\n")
            .replace("- Les van Casus Gerrit.\n", lessen))
    project.write("cases/gerrit.md", text)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("oogst/2023-q4", "goede-praktijken"):
        article = soup(project.site, url).select_one("article")
        assert "Les {{ 7*7 }} met {% if 1 %} en <script>alert(1)</script> als tekst." in article.get_text(), url
        assert article.find("script") is None, url
