"""A renamed item keeps its old URL: vorige_namen becomes a redirect, and clashes are refused."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.content.redirects import redirect_map

from .helpers import VALID_CASE, VALID_INSTRUMENT, replaced

TOOLKIT = """---
titel: Proeftoolkit voor de tests
samenvatting: Een toolkit met een nieuwe naam, voor de tests van doorverwijzingen.
thema: vastgoed
stappen:
  - titel: Stap een
    toelichting: Doe eerst dit en dan dat.
instrumenten: [nieuw-instrument]
vorige_namen: [oude-toolkit]
---
"""


def renamed(text: str, *old: str) -> str:
    return replaced(text, "themas: [vastgoed]", f"themas: [vastgoed]\nvorige_namen: [{', '.join(old)}]")


def test_old_urls_redirect_to_the_new_pages_in_the_built_site(project):
    project.write("cases/nieuwe-naam.md", renamed(VALID_CASE, "oude-naam", "nog-oudere-naam"))
    project.write("instrumenten/nieuw-instrument.md", renamed(VALID_INSTRUMENT, "oud-instrument"))
    project.write("instrumenten/toolkits/nieuwe-toolkit.md", TOOLKIT)
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    for old, new in (("cases/oude-naam", "cases/nieuwe-naam"), ("cases/nog-oudere-naam", "cases/nieuwe-naam"),
                     ("instrumenten/oud-instrument", "instrumenten/nieuw-instrument"),
                     ("toolkits/oude-toolkit", "toolkits/nieuwe-toolkit")):
        page = project.site / old / "index.html"
        assert page.exists(), old
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = re.match(r"0; url=(.+)$", refresh)[1]
        assert target == f"../{new.split('/')[1]}/"  # relative, so it works under any site path
        assert (project.site / old / target / "index.html").resolve() == (project.site / new / "index.html").resolve()
        assert soup.html["lang"] == "nl"
        assert soup.find("link", rel="canonical")["href"] == target


def test_redirect_map_only_has_published_items(project):
    project.write("cases/nieuwe-naam.md", renamed(VALID_CASE, "oude-naam"))
    project.write("cases/concept.md", replaced(renamed(VALID_CASE, "oud-concept"), "fase:", "concept: true\nfase:"))
    assert redirect_map(load_corpus(project.root)) == {"cases/oude-naam.md": "cases/nieuwe-naam.md"}


def test_a_new_file_may_not_take_an_old_name_of_another_item(project):
    project.write("cases/nieuwe-naam.md", renamed(VALID_CASE, "oude-naam"))
    project.write("cases/oude-naam.md", VALID_CASE)
    corpus = load_corpus(project.root)
    assert [str(p) for p in corpus.problems] == [
        "cases/oude-naam.md:1: de naam 'oude-naam' is een vorige naam van cases/nieuwe-naam.md (vorige_namen, regel 6); "
        "het oude webadres verwijst daarheen. Kies een andere bestandsnaam, of haal 'oude-naam' weg uit vorige_namen "
        "van cases/nieuwe-naam.md"]
    assert set(corpus.cases) == {"nieuwe-naam"}


def test_an_old_name_may_be_used_only_once(project):
    project.write("cases/a.md", renamed(VALID_CASE, "oude-naam"))
    project.write("cases/b.md", renamed(VALID_CASE, "andere-naam", "oude-naam"))
    corpus = load_corpus(project.root)
    assert [str(p) for p in corpus.problems] == [
        "cases/b.md:6: veld 'vorige_namen': 'oude-naam' staat ook bij cases/a.md (regel 6); een oud webadres kan "
        "maar naar één pagina doorverwijzen"]


def test_an_old_name_is_not_the_current_name_and_has_the_form_of_a_name(project):
    project.write("cases/a.md", renamed(VALID_CASE, "a"))
    project.write("cases/b.md", renamed(VALID_CASE, "Oude Naam"))
    messages = [str(p) for p in load_corpus(project.root).problems]
    assert messages[0] == ("cases/a.md:6: veld 'vorige_namen': 'a' is de huidige naam van dit bestand, geen vorige; "
                           "haal hem weg")
    assert messages[1].startswith("cases/b.md:6: veld 'vorige_namen[1]': 'Oude Naam' heeft niet de juiste vorm")


def test_old_names_are_per_folder(project):
    project.write("cases/dezelfde.md", VALID_CASE)
    project.write("instrumenten/instrument.md", renamed(VALID_INSTRUMENT, "dezelfde"))
    assert load_corpus(project.root).problems == []
