"""A page per term of every taxonomy, listing everything tagged with it, and an index per taxonomy.

This is the reverse direction of every card value: a case links to its city, the city's
page links back to every case in it.
"""

from __future__ import annotations

from ..index import TAXONOMIES, Taxonomy
from .common import GeneratedPage, Site, entity_list, link, text

KIND_HEADINGS = {"casus": "Casussen", "instrument": "Instrumenten", "toolkit": "Toolkits"}
DESCRIPTION_FIELDS = ("intro", "tekst", "omschrijving", "doel", "toelichting")


def _description(item: dict) -> str:
    """The term's own text from the deal data (trusted Markdown)."""
    for key in DESCRIPTION_FIELDS:
        if item.get(key):
            return str(item[key]).strip() + "\n\n"
    return ""


def theme_results(site: Site, uri: str, thema: dict) -> str:
    """Each beoogd resultaat with the cases and instruments that work on it."""
    markdown = "## Beoogde resultaten\n\n"
    for resultaat in thema.get("resultaten", []):
        cases, instruments = site.graph.coverage(resultaat["id"])
        markdown += f"### {text(resultaat['kort'])} {{#{resultaat['id']}}}\n\n{resultaat['tekst'].strip()}\n\n"
        markdown += "**Casussen:**\n\n" + entity_list(uri, cases, empty="Nog geen casus.")
        markdown += "\n**Instrumenten:**\n\n" + entity_list(uri, instruments, empty="Nog geen instrument.") + "\n"
    return markdown


def term_page(site: Site, taxonomy: Taxonomy, term: str, item: dict) -> GeneratedPage:
    uri = f"{taxonomy.folder}/{term}.md"
    markdown = f"# {text(site.graph.label(taxonomy, term))}\n\n"
    markdown += f"*{text(taxonomy.singular[:1].upper() + taxonomy.singular[1:])}* · "
    markdown += link(uri, f"{taxonomy.folder}/index.md", f"alle {taxonomy.plural.lower()}") + "\n\n"
    markdown += _description(item)
    if taxonomy.name == "themas":
        markdown += theme_results(site, uri, item)
    for kind in taxonomy.kinds:
        items = site.graph.items_with(taxonomy, term, kind)
        markdown += f"## {KIND_HEADINGS[kind]}\n\n"
        markdown += entity_list(uri, items, empty=f"Nog geen {KIND_HEADINGS[kind].lower()} met deze {taxonomy.singular}.")
        markdown += "\n"
    return GeneratedPage(uri, markdown)


def taxonomy_index(site: Site, taxonomy: Taxonomy) -> GeneratedPage:
    uri = f"{taxonomy.folder}/index.md"
    markdown = f"# {text(taxonomy.plural)}\n\n"
    for term in site.graph.terms(taxonomy):
        count = len(site.graph.items_with(taxonomy, term))
        markdown += f"- {link(uri, f'{taxonomy.folder}/{term}.md', site.graph.label(taxonomy, term))} ({count})\n"
    return GeneratedPage(uri, markdown)


# Taxonomies whose pages another module writes: the oogst pages assemble the harvest (pages/oogst.py).
OWN_PAGES = {"ijkmomenten"}


def pages(site: Site):
    for taxonomy in TAXONOMIES:
        if taxonomy.name in OWN_PAGES:
            continue
        yield taxonomy_index(site, taxonomy)
        for term, item in site.graph.terms(taxonomy).items():
            yield term_page(site, taxonomy, term, item)
