"""Relations to other City Deals: ``/city-deals/`` and a page per City Deal.

The deal names six City Deals to connect with. For each: its aim, period and link, where
it touches this deal's themes and voorwaardenscheppende inzichten (data/citydeals.yml),
and the cases and instruments that refer to it. The overview adds two matrices (HTML
tables with row and column headers) and a relations graph drawn as SVG at build time;
the graph is a picture (role img) whose text equivalent is the matrices above it.
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.graph import TAXONOMY
from kennisbank.site.html import element, esc, svg, wrap
from kennisbank.site.pages.blocks import table, yes_no
from kennisbank.site.pages.common import GeneratedPage, entity_list, link, term_link, term_uri, text

CITYDEALS = TAXONOMY["citydeals"]


def _period(deal: dict) -> str:
    period = text(deal.get("periode", "onbekend"))
    return period + (" (begin of einde niet zeker)" if deal.get("bron") == "aanname" else "")


def _references(site: Site, deal_id: str) -> tuple[list, list]:
    return (site.graph.items_with(CITYDEALS, deal_id, "casus"), site.graph.items_with(CITYDEALS, deal_id, "instrument"))


def _terms(site: Site, uri: str, taxonomy: str, ids: list[str]) -> str:
    return ", ".join(term_link(site, uri, taxonomy, term) for term in ids) or "—"


def _facts(site: Site, uri: str, deal: dict) -> str:
    """A definition list with the City Deal's facts."""
    rows = [("Doel", text(deal["doel"])), ("Looptijd", _period(deal))]
    if deal.get("url"):
        rows.append(("Website", f"[{text(deal['url'])}]({deal['url']})"))
    rows.append(("Raakt aan thema's", _terms(site, uri, "themas", deal.get("themas", []))))
    rows.append(("Raakt aan inzichten", _terms(site, uri, "inzichten", deal.get("inzichten", []))))
    if deal.get("genoemd_in"):
        rows.append(("Genoemd in de dealtekst", text(deal["genoemd_in"])))
    return "".join(f"{label}\n:   {value}\n\n" for label, value in rows)


def _referring(site: Site, uri: str, deal_id: str, level: str) -> str:
    cases, instruments = _references(site, deal_id)
    return (f"{level} Casussen die ernaar verwijzen\n\n"
            + entity_list(uri, cases, empty="Nog geen casus verwijst naar deze City Deal.") + "\n"
            + f"{level} Instrumenten die ernaar verwijzen\n\n"
            + entity_list(uri, instruments, empty="Nog geen instrument verwijst naar deze City Deal.") + "\n")


def deal_page(site: Site, deal: dict) -> GeneratedPage:
    uri = term_uri(CITYDEALS, deal["id"])
    markdown = f"# City Deal {text(deal['naam'])}\n\n"
    markdown += f"*Andere City Deal* · {link(uri, 'city-deals/index.md', 'alle andere City Deals')}\n\n"
    markdown += f'<div class="kb-kaart" markdown>\n\n{_facts(site, uri, deal)}</div>\n\n'
    markdown += f"## Raakvlak met Dynamische Binnensteden\n\n{text(deal['raakvlak'])}\n\n"
    markdown += _referring(site, uri, deal["id"], "##")
    return GeneratedPage(uri, markdown)


def _matrix(site: Site, uri: str, columns: str, labelled_by: str, counts: bool) -> str:
    terms = list(site.reference[columns].values())
    headers = ["City Deal"] + [term_link(site, uri, columns, term["id"]) for term in terms]
    if counts:
        headers += ["Casussen", "Instrumenten"]
    rows = []
    for deal in site.reference["citydeals"].values():
        cells = [yes_no(term["id"] in deal.get(columns, [])) for term in terms]
        if counts:
            cases, instruments = _references(site, deal["id"])
            cells += [str(len(cases)), str(len(instruments))]
        rows.append((link(uri, term_uri(CITYDEALS, deal["id"]), deal["naam"]), cells))
    return table(headers, rows, labelled_by, css="kb-matrix")


# -- the relations graph -----------------------------------------------------

WIDTH, BOX_WIDTH, BOX_HEIGHT, GAP = 760, 250, 36, 10
RIGHT_X = WIDTH - BOX_WIDTH - 2


def _box(x: float, y: float, label: str, css: str) -> str:
    lines = wrap(label, 36)[:2]
    first = y + BOX_HEIGHT / 2 + 4 - 7 * (len(lines) - 1)
    texts = "".join(element("text", esc(line), x=f"{x + 10:g}", y=f"{first + 14 * n:g}", class_="kb-svg-tekst")
                    for n, line in enumerate(lines))
    return element("rect", x=f"{x:g}", y=f"{y:g}", width=BOX_WIDTH, height=BOX_HEIGHT, rx=4, class_=css) + texts


def relations_figure(site: Site) -> str:
    """City Deals on the left, this deal's themes and inzichten on the right, a line for each touch."""
    deals = list(site.reference["citydeals"].values())
    themas = list(site.reference["themas"].values())
    inzichten = list(site.reference["inzichten"].values())
    right_y: dict[tuple[str, str], float] = {}
    y = 30.0
    parts = [element("text", "Thema's", x=RIGHT_X, y=20, class_="kb-svg-label")]
    for thema in themas:
        right_y["themas", thema["id"]] = y
        y += BOX_HEIGHT + GAP
    y += 26
    parts.append(element("text", "Voorwaardenscheppende inzichten", x=RIGHT_X, y=f"{y - 10:g}", class_="kb-svg-label"))
    for inzicht in inzichten:
        right_y["inzichten", inzicht["id"]] = y
        y += BOX_HEIGHT + GAP
    height = y + 30
    step = (height - 60 - BOX_HEIGHT) / max(len(deals) - 1, 1)
    parts.append(element("text", "Andere City Deals", x=2, y=20, class_="kb-svg-label"))
    lines, boxes, description = [], [], []
    for index, deal in enumerate(deals):
        left_y = 30 + index * step
        boxes.append(_box(2, left_y, deal["naam"], "kb-svg-knoop kb-svg-knoop-deal"))
        touched = []
        for kind, css in (("themas", "kb-svg-lijn"), ("inzichten", "kb-svg-lijn kb-svg-lijn-inzicht")):
            for term in deal.get(kind, []):
                if (kind, term) not in right_y:
                    continue
                y1, y2 = left_y + BOX_HEIGHT / 2, right_y[kind, term] + BOX_HEIGHT / 2
                x1, x2 = 2 + BOX_WIDTH, RIGHT_X
                middle = (x1 + x2) / 2
                lines.append(element("path", d=f"M{x1:g},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {x2:g},{y2:g}",
                                     class_=css))
                touched.append(site.graph.label(TAXONOMY[kind], term))
        description.append(f"{deal['naam']} raakt aan {', '.join(touched) or 'niets'}.")
    for (kind, term), top in right_y.items():
        boxes.append(_box(RIGHT_X, top, site.graph.label(TAXONOMY[kind], term), f"kb-svg-knoop kb-svg-knoop-{kind}"))
    parts += lines + boxes
    parts.append(element("text", "Doorgetrokken lijn: raakt aan een thema. Gestreepte lijn: raakt aan een inzicht.",
                         x=2, y=f"{height - 8:g}", class_="kb-svg-klein"))
    title = element("title", "Relaties van de andere City Deals met de thema's en inzichten", id="relaties-titel")
    desc = element("desc", esc(" ".join(description)), id="relaties-uitleg")
    picture = svg(title + desc + "".join(parts), WIDTH, height, role="img", class_="kb-relaties-svg",
                  aria_labelledby="relaties-titel relaties-uitleg")
    return (f'<figure class="kb-figuur">\n{picture}\n<figcaption>Elke lijn verbindt een andere City Deal met een '
            "thema of inzicht van deze deal waarop hij aansluit. Dezelfde relaties staan in de tabellen "
            "hierboven.</figcaption>\n</figure>\n\n")


def index_page(site: Site) -> GeneratedPage:
    uri = "city-deals/index.md"
    deals = list(site.reference["citydeals"].values())
    markdown = "# Andere City Deals\n\n"
    markdown += (f"De deal zoekt actief verbinding met {len(deals)} andere City Deals waarin kennis en instrumenten "
                 "worden ontwikkeld die voor binnensteden van belang zijn. Per City Deal: het doel, de looptijd, "
                 "waar hij raakt aan de thema's en inzichten van deze deal, en welke casussen en instrumenten "
                 "ernaar verwijzen.\n\n")
    markdown += "## City Deals en thema's {#matrix-themas}\n\n"
    markdown += _matrix(site, uri, "themas", "matrix-themas", counts=True)
    markdown += "## City Deals en voorwaardenscheppende inzichten {#matrix-inzichten}\n\n"
    markdown += _matrix(site, uri, "inzichten", "matrix-inzichten", counts=False)
    markdown += "## Relaties in beeld {#relaties}\n\n" + relations_figure(site)
    for deal in deals:
        markdown += f"## {link(uri, term_uri(CITYDEALS, deal['id']), deal['naam'])} {{#{deal['id']}}}\n\n"
        markdown += f"{text(deal['doel'])}\n\n"
        markdown += f"Looptijd: {_period(deal)}. Raakt aan: "
        markdown += ", ".join([term_link(site, uri, "themas", t) for t in deal.get("themas", [])]
                              + [term_link(site, uri, "inzichten", i) for i in deal.get("inzichten", [])]) + ".\n\n"
        markdown += _referring(site, uri, deal["id"], "###")
    return GeneratedPage(uri, markdown)


def pages(site: Site):
    yield index_page(site)
    for deal in site.reference["citydeals"].values():
        yield deal_page(site, deal)
