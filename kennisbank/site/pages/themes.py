"""The page of each ontwikkelthema (``/themas/<id>/``) and the index of themes.

A theme page answers "what does the deal want here, and how far are we": the deal's text,
then every beoogd resultaat with its coverage (the cases and instruments working on it, or
a visible "Nog geen casus"), then the theme's cases per phase, its instruments on the
drang -> dwang ladder, its toolkits and the City Deals it touches.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY
from kennisbank.content.model import Casus
from kennisbank.site.pages import ladder
from kennisbank.site.pages.blocks import table
from kennisbank.site.pages.common import GeneratedPage, entity_list, link, term_link, term_uri, text

THEMAS = TAXONOMY["themas"]
NO_CASE = "Nog geen casus."
NO_INSTRUMENT = "Nog geen instrument."


def _coverage_table(site: Site, uri: str, thema: dict) -> str:
    rows = []
    for resultaat in thema.get("resultaten", []):
        cases, instruments = site.graph.coverage(resultaat["id"])
        rows.append((f"[{text(resultaat['kort'])}](#{resultaat['id']})",
                     [str(len(cases)) if cases else NO_CASE.rstrip("."),
                      str(len(instruments)) if instruments else NO_INSTRUMENT.rstrip(".")]))
    return table(["Beoogd resultaat", "Casussen", "Instrumenten"], rows, "dekking", css="kb-dekking")


def _results(site: Site, uri: str, thema: dict) -> str:
    markdown = "## Beoogde resultaten {#beoogde-resultaten}\n\n"
    for resultaat in thema.get("resultaten", []):
        cases, instruments = site.graph.coverage(resultaat["id"])
        markdown += f"### {text(resultaat['kort'])} {{#{resultaat['id']}}}\n\n{resultaat['tekst'].strip()}\n\n"
        markdown += "**Casussen die hieraan werken:**\n\n" + entity_list(uri, cases, empty=NO_CASE) + "\n"
        markdown += ("**Instrumenten die hieraan bijdragen:**\n\n"
                     + entity_list(uri, instruments, empty=NO_INSTRUMENT) + "\n")
    return markdown


def _cases_per_phase(site: Site, uri: str, cases: list[Casus]) -> str:
    markdown = "## Casussen per fase {#casussen}\n\n"
    for fase in site.reference["fasen"].values():
        in_phase = [case for case in cases if case.fase == fase["id"]]
        markdown += f"### {text(fase['naam'])}: {text(fase['titel'])} {{#fase-{fase['id']}}}\n\n"
        markdown += entity_list(uri, in_phase, empty="Nog geen casus in deze fase.") + "\n"
    return markdown


def _city_deals(site: Site, uri: str, thema_id: str, cases: list[Casus]) -> str:
    """City Deals touching this theme: by the deal's own data, or because a case of the theme refers to one."""
    deals = [deal for deal in site.reference["citydeals"].values()
             if thema_id in deal.get("themas", []) or any(deal["id"] in case.citydeals for case in cases)]
    if not deals:
        return ""
    return "## Andere City Deals {#city-deals}\n\n" + "".join(
        f"- {term_link(site, uri, 'citydeals', deal['id'])}\n" for deal in deals) + "\n"


def theme_page(site: Site, thema: dict) -> GeneratedPage:
    thema_id = thema["id"]
    uri = term_uri(THEMAS, thema_id)
    cases = site.graph.items_with(THEMAS, thema_id, "casus")
    toolkits = site.graph.items_with(THEMAS, thema_id, "toolkit")
    total = len(site.reference["themas"])
    markdown = f"# {text(thema['naam'])}\n\n"
    markdown += f"*Ontwikkelthema {thema.get('nummer', '')} van {total}* · {link(uri, 'themas/index.md', 'alle thema’s')}\n\n"
    markdown += f'<p class="kb-samenvatting">{text(thema.get("kort", ""))}</p>\n\n' if thema.get("kort") else ""
    markdown += (thema.get("intro", "").strip() + "\n\n") if thema.get("intro") else ""
    markdown += "## Dekking in één oogopslag {#dekking}\n\n"
    markdown += ("Hoeveel casussen en instrumenten aan elk beoogd resultaat van de deal werken. "
                 "Waar nog niets staat, is ruimte voor een nieuwe casus.\n\n")
    markdown += _coverage_table(site, uri, thema)
    markdown += _results(site, uri, thema)
    markdown += _cases_per_phase(site, uri, cases)
    markdown += "## Instrumenten van drang naar dwang {#instrumenten}\n\n"
    markdown += (f"De instrumenten van dit thema op de {link(uri, 'sturing/index.md', 'sturingsladder')}; "
                 f"zie ook {link(uri, 'instrumenten/index.md', 'alle instrumenten', anchor='ladder')}.\n\n")
    markdown += ladder.ladder_table(site, uri, thema_id, "instrumenten")
    markdown += ladder.ladder_figure(site, thema_id, f"ladder-{thema_id}-svg")
    markdown += "## Toolkits {#toolkits}\n\n" + entity_list(uri, toolkits, empty="Nog geen toolkit voor dit thema.")
    markdown += "\n" + _city_deals(site, uri, thema_id, cases)
    return GeneratedPage(uri, markdown)


def themes_index(site: Site) -> GeneratedPage:
    uri = "themas/index.md"
    markdown = "# Thema's\n\nDe City Deal werkt in vier ontwikkelthema's. Per thema: wat de deal wil bereiken, "
    markdown += "hoe ver de casussen en instrumenten daarin zijn, en de ladder van drang naar dwang.\n\n"
    for thema in site.reference["themas"].values():
        resultaten = thema.get("resultaten", [])
        covered = sum(1 for r in resultaten if site.graph.coverage(r["id"])[0])
        cases = len(site.graph.items_with(THEMAS, thema["id"], "casus"))
        instruments = len(site.graph.items_with(THEMAS, thema["id"], "instrument"))
        markdown += f"## {link(uri, term_uri(THEMAS, thema['id']), thema['naam'])}\n\n"
        markdown += f"{text(thema.get('kort', ''))}\n\n" if thema.get("kort") else ""
        markdown += (f"{cases} casussen, {instruments} instrumenten; {covered} van de {len(resultaten)} beoogde "
                     "resultaten hebben een casus.\n\n")
    return GeneratedPage(uri, markdown)


def pages(site: Site):
    yield themes_index(site)
    for thema in site.reference["themas"].values():
        yield theme_page(site, thema)


__all__ = ["pages", "theme_page"]
