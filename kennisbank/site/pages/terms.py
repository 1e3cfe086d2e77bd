"""A page per term of every taxonomy, listing everything tagged with it, and an index per taxonomy.

This is the reverse direction of every card value: a case links to its city, the city's
page links back to every case in it.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMIES, Taxonomy, kinds_with
from kennisbank.site.pages.common import GeneratedPage, entity_list, link, term_uri, text

KIND_HEADINGS = {"casus": "Casussen", "instrument": "Instrumenten", "toolkit": "Toolkits"}
DESCRIPTION_FIELDS = ("intro", "tekst", "omschrijving", "doel", "toelichting")


def _description(item: dict) -> str:
    """The term's own text from the deal data (trusted Markdown)."""
    for key in DESCRIPTION_FIELDS:
        if item.get(key):
            return str(item[key]).strip() + "\n\n"
    return ""


def _lead(item: dict) -> str:
    """A short summary of the term, if the data has one besides its text."""
    return f'<p class="kb-samenvatting">{text(item["kort"])}</p>\n\n' if item.get("kort") else ""


def _extra(site: Site, uri: str, taxonomy: Taxonomy, term: str) -> str:
    """What a kind of term page shows besides its items."""
    if taxonomy.name == "inzichten":
        deals = [deal for deal in site.reference["citydeals"].values() if term in deal.get("inzichten", [])]
        if deals:
            return "## Andere City Deals over dit inzicht\n\n" + "".join(
                f"- {link(uri, term_uri('citydeals', deal['id']), deal['naam'])}\n" for deal in deals) + "\n"
    if taxonomy.name == "steden":
        return f"Bekijk de casussen ook {link(uri, 'kaart/index.md', 'op de kaart', anchor=f'stad-{term}')}.\n\n" \
            if site.graph.items_with(taxonomy, term) else ""
    return ""


def term_page(site: Site, taxonomy: Taxonomy, term: str, item: dict) -> GeneratedPage:
    uri = f"{taxonomy.folder}/{term}.md"
    markdown = f"# {text(site.graph.label(taxonomy, term))}\n\n"
    markdown += f"*{text(taxonomy.singular[:1].upper() + taxonomy.singular[1:])}* · "
    markdown += link(uri, f"{taxonomy.folder}/index.md", f"alle {taxonomy.plural.lower()}") + "\n\n"
    markdown += _lead(item) + _description(item)
    for kind in kinds_with(taxonomy):
        items = site.graph.items_with(taxonomy, term, kind)
        markdown += f"## {KIND_HEADINGS[kind]}\n\n"
        markdown += entity_list(uri, items, empty=f"Nog geen {KIND_HEADINGS[kind].lower()}.")
        markdown += "\n"
    markdown += _extra(site, uri, taxonomy, term)
    return GeneratedPage(uri, markdown)


def taxonomy_index(site: Site, taxonomy: Taxonomy) -> GeneratedPage:
    uri = f"{taxonomy.folder}/index.md"
    markdown = f"# {text(taxonomy.plural)}\n\n"
    if taxonomy.name == "steden":
        markdown += f"De casussen per stad staan ook {link(uri, 'kaart/index.md', 'op de kaart')}.\n\n"
    if taxonomy.name == "sturing":
        markdown += ("De treden van drang (stimuleren) naar dwang (afdwingen). Per thema staan de instrumenten op "
                     f"deze ladder bij {link(uri, 'instrumenten/index.md', 'de instrumenten', anchor='ladder')}.\n\n")
    for term, item in site.graph.terms(taxonomy).items():
        count = len(site.graph.items_with(taxonomy, term))
        summary = item.get("kort") or item.get("omschrijving")
        markdown += f"- {link(uri, f'{taxonomy.folder}/{term}.md', site.graph.label(taxonomy, term))} ({count})"
        markdown += f": {text(' '.join(str(summary).split()))}\n" if summary else "\n"
    return GeneratedPage(uri, markdown)


# Taxonomies whose pages another module writes: the oogst pages assemble the harvest (pages/oogst.py),
# themes show coverage and the ladder (pages/themes.py), City Deals their relations (pages/citydeals.py).
OWN_PAGES = {"ijkmomenten", "themas", "citydeals"}


def pages(site: Site):
    for taxonomy in TAXONOMIES:
        if taxonomy.name in OWN_PAGES or not taxonomy.folder:
            continue
        yield taxonomy_index(site, taxonomy)
        for term, item in site.graph.terms(taxonomy).items():
            yield term_page(site, taxonomy, term, item)
