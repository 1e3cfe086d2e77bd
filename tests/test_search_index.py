"""The search index: Pagefind's, with the whole text of every item by section, metadata as tags, compounds
split, lists kept short, drafts out; Material's own index empty (kennisbank/integration/search.py,
kennisbank/site/search_index.py, kennisbank/site/search_text.py)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from kennisbank.content.model import page_path as page_url
from kennisbank.site import woordenlijst
from kennisbank.site.search_index import Block, Record, list_record, own_headings, page_record, sections
from kennisbank.site.search_text import MIN_COMPOUND, Splitter, vocabulary, vocabulary_files

from .helpers import Project
from .helpers import search_records as fragments

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
voorbeeld: true
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
def built(tmp_path_factory):
    project = build_fixture_site(tmp_path_factory.mktemp("zoeken"))
    return project.site, fragments(project.site)


def test_materials_index_holds_settings_only(built):
    site, _ = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["nl"]
    assert (site / "search" / "search_index.json").stat().st_size < 1000


def test_pagefind_writes_a_dutch_index_and_nothing_of_its_own_interface(built):
    site, _ = built
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert (site / "pagefind" / "pagefind.js").exists() and (site / "pagefind" / "wasm.nl.pagefind").exists()
    assert not list((site / "pagefind").glob("pagefind-*ui*"))


def test_pages_use_our_worker(built):
    site, _ = built
    html = (site / "index.html").read_text(encoding="utf-8")
    worker = re.search(r'"search":\s*"([^"]+)"', html).group(1)
    assert worker.startswith("assets/javascripts/workers/kennisbank-zoeken.js?material=search.")
    assert (site / "assets/javascripts/workers/kennisbank-zoeken.js").exists()


def test_a_case_has_its_whole_text_by_section(built):
    _, records = built
    case = records["cases/dordrecht-zeepziederij/"]
    assert case["meta"]["title"] == "Een nieuwe bestemming voor de oude zeepziederij"
    assert case["content"].count("werkten samen aan een nieuwe invulling") == 30 * 6  # every word of all six sections
    anchors = [anchor["text"] for anchor in case["anchors"] if anchor["element"] == "h2"]
    assert anchors == ["Opgave", "Zo kregen de marktkooplieden ruimte", "Aanpak", "Resultaten", "Lessen", "Nog een les"]
    assert all(anchor["id"] for anchor in case["anchors"] if anchor["element"] == "h2")
    assert "Geen kop maar code" not in anchors


def test_metadata_are_tags_and_text(built):
    _, records = built
    case = records["cases/dordrecht-zeepziederij/"]
    assert {"Dordrecht", "Vastgoed"} <= set(case["meta"]["tags"].split("|"))
    assert any(tag.startswith("Groeien") for tag in case["meta"]["tags"].split("|"))  # the phase
    assert "Sluiting van drugspanden" in case["content"]  # its instrument
    assert "Blurring" in case["content"]  # its topic
    instrument = records["instrumenten/sluiting-drugspanden/"]
    assert "Opiumwet" in instrument["meta"]["tags"].split("|")
    assert "Opiumwet, artikel 13b" in instrument["content"]


def test_the_neighbours_of_a_case_are_not_in_its_record(built):
    site, records = built
    page = (site / "cases/dordrecht-zeepziederij/index.html").read_text(encoding="utf-8")
    assert "Lampenkappenfabriek" in page  # the related case is listed on the page
    assert "ampenkappen" not in records["cases/dordrecht-zeepziederij/"]["content"]


def test_contributor_text_stays_text(built):
    _, records = built
    case = records["cases/dordrecht-zeepziederij/"]
    assert "<img src=x onerror=alert(1)>" in case["content"]  # as text; the worker shows Pagefind's escaped excerpt


def test_list_pages_have_their_name_and_the_start_of_their_intro(built):
    _, records = built
    city = records["steden/dordrecht/"]
    assert city["meta"]["title"] == "Dordrecht"
    assert "zeepziederij" not in city["content"].lower()
    assert len(city["content"]) < 400


def test_hand_written_pages_are_searched_by_section(built):
    _, records = built
    assert len([anchor for anchor in records["over/"]["anchors"] if anchor["element"] == "h2"]) > 1


def test_a_draft_is_not_in_the_index(built):
    site, records = built
    assert "cases/geheim-concept/" not in records
    assert not any("Zwanenburg" in record["content"] for record in records.values())
    assert not any("zwanenburg" in path.read_text(encoding="utf-8") for path in (site / "search" / "woorden").glob("*.json"))


def test_the_worker_gets_the_vocabulary_and_its_help(built):
    site, _ = built
    words = json.loads((site / "search" / "woorden" / f"{ord('z'):x}.json").read_text(encoding="utf-8"))
    assert words["zeepziederij"] >= 2
    help = json.loads((site / "search" / "zoekhulp.json").read_text(encoding="utf-8"))
    assert help["woordvormen"]["steden"] == "stad"
    assert ["Dordrecht", "?stad=dordrecht"] in help["filters"]["dordrecht"]
    assert ["Vastgoed", "?thema=vastgoed"] in help["filters"]["vastgoed"]


# -- Compounds -------------------------------------------------------------------------------------

VOCABULARY = vocabulary([
    "winkel straat leegstand verordening aanloop gesprek onderzoek zoek kantoor gebouw vast goed wet opium "
    "winkelleegstand leegstandsverordening aanloopstraat gesprekken onderzoek vastgoed kantoorgebouw"])


@pytest.mark.parametrize("word, parts", [
    ("winkelleegstand", ("winkel", "leegstand")),  # the fewest parts, not winkel + leeg + stand
    ("leegstandsverordening", ("leegstands", "verordening")),  # linking -s- stays with the first part
    ("aanloopstraat", ("aanloop", "straat")),
    ("kantoorgebouw", ("kantoor", "gebouw")),
    ("gemeentewet", ()),  # "gemeente" is not a word of this vocabulary
    ("gesprekken", ()),  # -ken is a suffix, not a word
    ("onderzoek", ()),  # a particle and a verb: one word
    ("straat", ()),  # too short
])
def test_the_splitter_uses_the_vocabulary(word, parts):
    assert Splitter(VOCABULARY).split(word) == parts


def test_the_curated_list_wins():
    splitter = Splitter(VOCABULARY, {"kantoorgebouw": [], "opiumwet": ["opium", "wet"]})
    assert splitter.split("kantoorgebouw") == () and splitter.split("opiumwet") == ("opium", "wet")
    assert Splitter(VOCABULARY).split("vastgoed") == ()  # "vast" is a particle: vastleggen, vaststellen


def test_marked_text_keeps_the_letters_and_capitals():
    splitter = Splitter(VOCABULARY)
    assert splitter.mark("De Aanloopstraat en winkelleegstand.") == "De Aanloop~straat en winkel~leegstand."


def test_records_mark_compounds_and_escape_text():
    record = Record("x/", "Titel <b>", [Block("In de aanloopstraat <script>", weight=2.0),
                                       Block("Aanpak", heading=2, id="aanpak")], ["Dordrecht, Utrecht"])
    html = record.html(Splitter(VOCABULARY))
    assert 'content="Titel &lt;b&gt;"' in html and 'content="Dordrecht, Utrecht"' in html
    assert '<div data-pagefind-weight="2"><p>In de aanloop~straat &lt;script&gt;</p></div>' in html
    assert '<h2 id="aanpak">Aanpak</h2>' in html


def test_vocabulary_files_by_first_letter():
    files = vocabulary_files(Counter({"straat": 3, "stad": 5, "aanpak": 1, "a": 9}))
    assert files == {"s": {"stad": 5, "straat": 3}, "a": {"aanpak": 1}}


# -- Reading rendered pages ------------------------------------------------------------------------


def test_sections_of_rendered_html():
    content = ('<p>intro</p><h2 id="opgave">Opgave<a class="headerlink" href="#opgave">¶</a></h2><p>Een &amp; twee'
               '</p><h3>zonder id</h3><p>drie</p><h2 id="x">X</h2><script>niet</script><p>vier</p>')
    assert sections(content) == [(2, "opgave", "Opgave", "Een & twee zonder id drie"), (2, "x", "X", "vier")]
    record = page_record("p/", "Pagina", content)
    assert [block.text for block in record.blocks] == ["Pagina", "intro", "Opgave", "Een & twee zonder id drie",
                                                       "X", "vier"]


def test_a_list_record_is_short_and_weighted_low():
    record = list_record("steden/x/", "X", "woord " * 200)
    assert len(record.blocks[1].text) < 320 and record.blocks[1].weight < 1


def test_own_headings_skip_code_blocks_and_attributes():
    body = "## Opgave {#opgave}\n\n```\n## Geen kop\n```\n\n### De [aanpak](x.md) *in* stappen\n"
    assert own_headings(body) == {"opgave", "de aanpak in stappen"}


@pytest.mark.parametrize("src_uri, url", [("index.md", ""), ("cases/index.md", "cases/"), ("cases/x.md", "cases/x/")])
def test_page_url_as_mkdocs_writes_it(src_uri, url):
    assert page_url(src_uri) == url


def test_an_example_is_tagged_voorbeeld_first(built):
    """Issue 27: the result list marks an example as every list does (mkdocs.yml extra.tags styles the tag)."""
    _, records = built
    example = next(record for url, record in records.items() if "utrecht-lampenkap" in url)
    assert example["meta"]["tags"].split("|")[0] == "Voorbeeld"
    other = next(record for url, record in records.items() if "dordrecht-zeepziederij" in url)
    assert "Voorbeeld" not in other["meta"]["tags"].split("|")


def test_valid_dutch_words_near_the_vocabulary_are_written_for_the_worker(built):
    """search/nederlands/<letter>.json: the words of OpenTaal's list one letter off from a word of the site (never
    "corrected"); zoekhulp.json has the splitter's rules, so that the worker splits a query as the index does."""
    site, _ = built
    help_file = json.loads((site / "search" / "zoekhulp.json").read_text(encoding="utf-8"))
    assert help_file["nederlands"] is True
    rules = help_file["samenstellingen"]
    assert rules["min_samenstelling"] == MIN_COMPOUND and rules["lijst"]["vastgoed"] == []
    vocabulary = set()
    for path in (site / "search" / "woorden").glob("*.json"):
        vocabulary |= set(json.loads(path.read_text(encoding="utf-8")))
    protected = set()
    for path in (site / "search" / "nederlands").glob("*.json"):
        words = json.loads(path.read_text(encoding="utf-8"))
        assert {word[0] for word in words} == {chr(int(path.stem, 16))}
        protected |= set(words)
    assert protected and not protected & vocabulary
    assert protected <= woordenlijst.dutch_words()
    for word in sorted(protected)[:25]:  # each is one letter off from a word of the site
        assert any(one_edit(word, known) for known in vocabulary if known[0] == word[0]), word


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter changed, left out, added, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def test_the_dutch_word_list_is_the_locked_one():
    """OpenTaal's list from Debian's wdutch, as locked in kennisbank/site/woordenlijst.py (scripts/setup-venv
    installs it); its letters are those the edits use."""
    assert woordenlijst.digest() == woordenlijst.SHA256, f"{woordenlijst.PATH} is niet {woordenlijst.VERSION}"
    counts = Counter(letter for word in woordenlijst.dutch_words() for letter in word)
    assert "".join(sorted(letter for letter, count in counts.items() if count >= 100)) == woordenlijst.ALPHABET


def test_without_the_word_list_the_build_says_how_to_install_it(tmp_path):
    with pytest.raises(woordenlijst.Missing, match="apt-get install wdutch"):
        woordenlijst.dutch_words(tmp_path / "dutch")
