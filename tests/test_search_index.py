"""The search index: Dutch stemming switched on, metadata in it, lists kept out of it, and a size per case
that does not grow with the length of the case (kennisbank/search.py)."""

from __future__ import annotations

import json
import re

import pytest

from kennisbank.integration import search
from kennisbank.integration.search import own_headings, page_url

from .helpers import Project

FILLER = "De eigenaren, de gemeente en de ondernemers werkten samen aan een nieuwe invulling van de straat. " * 30

ZEEPZIEDERIJ = f"""---
titel: Een nieuwe bestemming voor de oude zeepziederij
samenvatting: >-
  De gemeente zoekt met de eigenaar een nieuwe invulling voor een leeg fabriekspand <img src=x onerror=alert(1)>.
stad: dordrecht
themas: [vastgoed]
fase: groeien
status: lopend
periode:
  start: "2024-01"
instrumenten: [sluiting-drugspanden]
onderwerpen: [blurring]
contact:
  organisatie: Gemeente Dordrecht
bijgewerkt: "2026-01-15"
---

## Opgave

{FILLER}

## Zo kregen de marktkooplieden ruimte

{FILLER}

```
## Geen kop maar code
```

## Aanpak

{FILLER}

## Resultaten

{FILLER}

## Lessen

{FILLER}

## Nog een les

{FILLER}
"""

LAMPENKAP = """---
titel: Lampenkappenfabriek wordt woonwerkpand
samenvatting: Een voormalige lampenkappenfabriek krijgt woningen en werkplaatsen voor makers.
stad: utrecht
themas: [vastgoed]
fase: zaaien
status: gepland
periode:
  start: "2025-03"
instrumenten: [sluiting-drugspanden]
contact:
  organisatie: Gemeente Utrecht
bijgewerkt: "2026-01-15"
---

## Opgave

Tekst.

## Aanpak

Tekst.

## Resultaten

Tekst.

## Lessen

Tekst.
"""

SLUITING = """---
naam: Sluiting van drugspanden
samenvatting: De burgemeester kan een pand sluiten als daar drugs worden verkocht.
soort: juridisch
sturing: afdwingen
themas: [ondermijnende-criminaliteit]
status: bestaand
wettelijke_basis:
  - wet: Opiumwet
    artikel: "13b"
    identificatie: BWBR0001941
    gecontroleerd: "2026-01-15"
bronnen:
  - titel: Opiumwet, artikel 13b
    url: https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b
    geraadpleegd: "2026-01-15"
bijgewerkt: "2026-01-15"
---

## Wat het is

Tekst.
"""

DRAFT = LAMPENKAP.replace("titel: Lampenkappenfabriek wordt woonwerkpand", "titel: Geheim plan Zwanenburg").replace(
    "bijgewerkt:", "concept: true\nbijgewerkt:")


def build_fixture_site(root) -> Project:
    """Two cases, an instrument and a draft, built with --strict (shared with the browser tests)."""
    project = Project.create(root)
    project.write("cases/dordrecht-zeepziederij.md", ZEEPZIEDERIJ)
    project.write("cases/utrecht-lampenkap.md", LAMPENKAP)
    project.write("cases/geheim-concept.md", DRAFT)
    project.write("instrumenten/sluiting-drugspanden.md", SLUITING)
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return project


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> dict:
    """The search index of a small project: two cases, an instrument, a draft."""
    project = build_fixture_site(tmp_path_factory.mktemp("zoeken"))
    index = json.loads((project.site / search.INDEX_PATH).read_text(encoding="utf-8"))
    index["site"] = project.site
    return index


def entries(index: dict, url: str) -> list[dict]:
    return [entry for entry in index["docs"] if entry["location"].split("#")[0] == url]


def test_the_dutch_stemmer_is_kept_and_titles_weigh_most(index):
    config = index["config"]
    assert config["lang"] == ["nl"]
    assert "stemmer" in config["pipeline"]
    boosts = {field: spec["boost"] for field, spec in config["fields"].items()}
    assert boosts["title"] > boosts["tags"] > boosts["text"]


def test_pages_use_our_worker_which_loads_materials(index):
    html = (index["site"] / "index.html").read_text(encoding="utf-8")
    worker = re.search(r'"search":\s*"([^"]+)"', html).group(1)
    assert worker.startswith("assets/javascripts/workers/dutch-search.js?material=search.")
    material = worker.split("material=")[1]
    assert (index["site"] / "assets/javascripts/workers" / material).exists()
    assert (index["site"] / "assets/javascripts/workers/dutch-search.js").exists()


def test_case_main_entry_has_summary_and_metadata(index):
    main = entries(index, "cases/dordrecht-zeepziederij/")[0]
    assert main["title"] == "Een nieuwe bestemming voor de oude zeepziederij"
    assert "nieuwe invulling voor een leeg fabriekspand" in main["text"]
    assert {"Dordrecht", "Vastgoed"} <= set(main["tags"])
    assert any(tag.startswith("Groeien") for tag in main["tags"])  # the phase
    assert "Sluiting van drugspanden" in main["text"]  # its instrument
    assert "Blurring" in main["text"]  # its topic
    assert main["boost"] > 1


def test_contributor_text_is_escaped_in_the_index(index):
    # Material's result list inserts the index text as HTML
    main = entries(index, "cases/dordrecht-zeepziederij/")[0]
    assert "<img" not in main["text"] and "&lt;img src=x onerror=alert(1)&gt;" in main["text"]


def test_instrument_found_by_its_legal_basis(index):
    main = entries(index, "instrumenten/sluiting-drugspanden/")[0]
    assert "Opiumwet" in main["tags"]
    assert "Opiumwet, artikel 13b" in main["text"]


def test_own_sections_are_kept_and_lists_the_site_adds_are_not(index):
    titles = [entry["title"] for entry in entries(index, "cases/dordrecht-zeepziederij/")[1:]]
    assert titles == ["Opgave", "Zo kregen de marktkooplieden ruimte", "Aanpak", "Resultaten", "Lessen", "Nog een les"]
    # the related case is listed on the page, but its words do not make this case a result
    page = (index["site"] / "cases/dordrecht-zeepziederij/index.html").read_text(encoding="utf-8")
    assert "Lampenkappenfabriek" in page
    assert not any("ampenkappen" in json.dumps(entry) for entry in entries(index, "cases/dordrecht-zeepziederij/"))


def test_body_text_in_the_index_does_not_grow_with_the_body(index):
    sections = entries(index, "cases/dordrecht-zeepziederij/")[1:]
    body = sum(len(re.sub(r"<[^>]*>| …$", "", entry["text"].removesuffix("</p>"))) for entry in sections)
    assert len(FILLER) * 5 > 10 * search.BODY_TEXT_CHARS
    assert 0.5 * search.BODY_TEXT_CHARS < body <= search.BODY_TEXT_CHARS


def test_list_pages_have_one_short_entry_below_the_items(index):
    city = entries(index, "steden/dordrecht/")
    assert len(city) == 1 and city[0]["title"] == "Dordrecht"
    assert "zeepziederij" not in city[0]["text"].lower()
    assert city[0]["boost"] < entries(index, "cases/dordrecht-zeepziederij/")[0]["boost"]
    assert len(entries(index, "cases/")) == 1


def test_hand_written_pages_keep_their_sections(index):
    assert len(entries(index, "over/")) > 1


def test_a_draft_is_not_in_the_index(index):
    text = json.dumps(index["docs"], ensure_ascii=False)
    assert "Zwanenburg" not in text and "geheim-concept" not in text


def test_own_headings_skip_code_blocks_and_attributes():
    body = "## Opgave {#opgave}\n\n```\n## Geen kop\n```\n\n### De [aanpak](x.md) *in* stappen\n"
    assert own_headings(body) == {"opgave", "de aanpak in stappen"}


@pytest.mark.parametrize("src_uri, url", [("index.md", ""), ("cases/index.md", "cases/"), ("cases/x.md", "cases/x/")])
def test_page_url_as_material_writes_it(src_uri, url):
    assert page_url(src_uri) == url

