"""What the templates show of the knowledge graph: links, card rows and badges, computed from the registry.

Templates lay out; this module decides what an item's card holds (every field the content
registry marks for the card, in declared order) and how a term, an item or a beoogd resultaat
is linked. Values are plain data (``Link``, ``Row``); the templates escape them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from kennisbank.content.dates import dutch_date
from kennisbank.content.model import ENTITY_TYPES, Casus, Entity, Instrument
from kennisbank.content.registry import TAXONOMY, Declared, declared_fields
from kennisbank.content.validate import load_schema
from kennisbank.graph import Site
from kennisbank.site.render import Page, PageContext, json_ld, render


@dataclass(frozen=True)
class Link:
    """A link as the templates show it: text, address, and an optional note after it."""

    text: str
    href: str | None = None
    note: str = ""


@dataclass
class Row:
    """One row of an item's card: a label and its values."""

    label: str
    values: list[Link] = field(default_factory=list)
    name: str = ""  # the field it shows ("stad")


@dataclass
class Lines:
    """A field shown as lines (the evaluation of a case, a row of /vergelijk/): each line a few links or texts."""

    id: str
    label: str
    lines: list[list[Link]] = field(default_factory=list)


def newest_key(item: Entity) -> str:
    """What "Nieuwste eerst" sorts on, descending: first appearance, then last update (the title breaks a tie,
    ascending). One string, so that the overview's script (docs/assets/filters.js) sorts it the same way."""
    return f"{item.gepubliceerd or item.bijgewerkt}|{item.bijgewerkt}"


def newest_first(items) -> list:
    """Items in the order of "Nieuwste eerst", the same on every page that lists the newest: the overview, the
    home page, a term page, /vergelijk/. Every case that first appeared on one day sorts by its last update."""
    return sorted(sorted(items, key=lambda item: item.title.lower()), key=newest_key, reverse=True)


def euro(amount: int) -> str:
    """450000 -> '€ 450.000' (Dutch thousands separator)."""
    return "€ " + f"{amount:,}".replace(",", ".")


def duration(months: int) -> str:
    """'8 maanden', '2 jaar', '1 jaar en 3 maanden'."""
    years, rest = divmod(months, 12)
    if not years:
        return f"{months} {'maand' if months == 1 else 'maanden'}"
    text = f"{years} jaar"
    return text + (f" en {rest} {'maand' if rest == 1 else 'maanden'}" if rest else "")


def amount(costs: dict) -> str:
    """'€ 450.000', '€ 300.000 tot € 500.000', or '' when the costs name no amount."""
    if "bedrag" in costs:
        return euro(costs["bedrag"])
    if "bedrag_min" in costs and "bedrag_max" in costs:
        return f"{euro(costs['bedrag_min'])} tot {euro(costs['bedrag_max'])}"
    return ""


def joined(parts: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1] if parts else ""


def legal_basis_label(basis: dict) -> str:
    """'Opiumwet, artikel 13b'; 'Leegstandwet, artikelen 2 en 3'; a chapter, title or section is named as such:
    'Omgevingswet, hoofdstuk 9'."""
    article = str(basis.get("artikel") or "").strip()
    if not article:
        return basis["wet"]
    first = article.split()[0].lower()
    if first in ("hoofdstuk", "titel", "afdeling", "paragraaf", "artikel", "artikelen", "bijlage", "boek"):
        return f"{basis['wet']}, {article}"
    return f"{basis['wet']}, {'artikelen' if _several_articles(article) else 'artikel'} {article}"


# Another article number after a comma, semicolon, "en" or "tot (en met)": "2 en 3", "1; 3 tot en met 7".
_NEXT_ARTICLE = re.compile(r"(?:[,;]|\ben\b|\btot\b)\s*(?:en\s+)?(?:met\s+)?\d")


def _several_articles(article: str) -> bool:
    """Whether a reference names more than one article. A note in brackets does not count ("4:23 (titel 4.2,
    subsidies)"), nor does a member or part of one article ("160, eerste lid, onder d, en tweede lid")."""
    reference = re.sub(r"\([^)]*\)", "", article)
    return bool(_NEXT_ARTICLE.search(reference)) or " en verder" in reference


class Views:
    """The site as one page's templates see it (``kb`` in a template)."""

    def __init__(self, site: Site, page: PageContext):
        self.site, self.page = site, page
        self.reference = site.reference
        self.graph = site.graph

    # -- links ----------------------------------------------------------------

    def item(self, entity: Entity, note: str = "") -> Link:
        return Link(entity.title, self.page.url(entity), note)

    def term(self, taxonomy: str, term: str, note: str = "") -> Link:
        """A term linked to its page (or, for a beoogd resultaat, to its place on the theme page)."""
        if taxonomy == "resultaten":
            resultaat = self.reference.resultaten.get(term, {})
            return Link(resultaat.get("kort", term), self.page.url(f"themas/{resultaat.get('thema', '')}.md", term), note)
        found = TAXONOMY[taxonomy]
        label = self.graph.label(found, term)
        return Link(label, self.page.url(f"{found.folder}/{term}.md") if found.folder else None, note)

    def label(self, taxonomy: str, term: str) -> str:
        return self.graph.label(TAXONOMY[taxonomy], term)

    def terms(self, taxonomy: str) -> dict[str, dict]:
        return self.graph.terms(TAXONOMY[taxonomy])

    # -- the card -------------------------------------------------------------

    def card(self, entity: Entity) -> list[Row]:
        """The rows of an item's card: every field the registry puts on it, in order, that has a value."""
        rows = []
        for item in declared_fields(type(entity)):
            if item.about.card:
                values = self._values(entity, item)
                if values:
                    rows.append(Row(item.about.label, values, item.name))
        return rows

    def _values(self, entity: Entity, item: Declared) -> list[Link]:
        target, show = item.about.points_at, item.about.show
        if target in ENTITY_TYPES:
            found = self.site.corpus.of_kind(target)
            return [self.item(found[value]) for value in entity.values(item.name) if value in found]
        if target:
            return [self.term(target, value) for value in entity.values(item.name)]
        value = getattr(entity, item.name)
        if not value:
            return []
        if show == "datum":
            return [Link(dutch_date(value))]
        if show == "periode":
            return [Link(self.period(value))]
        if show == "contact":
            return self.contact(value)
        if show == "aantal":
            return [Link(str(len(value)))]
        if show == "wettelijke_basis":
            return [Link(legal_basis_label(basis), basis.get("url"),
                         f"{basis['identificatie']}, gecontroleerd op {dutch_date(basis['gecontroleerd'])}")
                    for basis in value]
        return [Link(str(value))]

    @staticmethod
    def period(periode: dict, with_duration: bool = True) -> str:
        """'oktober 2023 – september 2025 (2 jaar)': the duration derived from the period (doorlooptijd)."""
        start = dutch_date(periode["start"])
        if not periode.get("eind"):
            return f"{start} – heden"
        months = Casus(id="", path="", periode=periode).doorlooptijd
        shown = f" ({duration(months)})" if months and with_duration else ""
        return f"{start} – {dutch_date(periode['eind'])}{shown}"

    # -- the evaluation of a case -----------------------------------------------

    def evaluation(self, case: Casus) -> list[Lines]:
        """Succesfactoren, knelpunten, kosten, juridische aspecten and overdraagbaarheid, as lines with links."""
        found = [Lines("succesfactoren", "Succesfactoren", [[Link(text)] for text in case.succesfactoren]),
                 Lines("knelpunten", "Knelpunten", [[Link(text)] for text in case.knelpunten]),
                 Lines("kosten", "Kosten", self.costs(case.kosten)),
                 Lines("juridische_aspecten", "Juridische aspecten", self.legal_aspects(case.juridische_aspecten)),
                 Lines("overdraagbaarheid", "Overdraagbaarheid", self.transferability(case.overdraagbaarheid))]
        return [lines for lines in found if lines.lines]

    def _instruments(self, ids: list[str]) -> list[Link]:
        found = self.site.corpus.instrumenten
        return [self.item(found[value]) for value in ids if value in found]

    def costs(self, costs: dict) -> list[list[Link]]:
        if not costs:
            return []
        lines = [[Link(amount(costs))]] if amount(costs) else []
        if costs.get("betaald_door"):
            lines.append([Link(f"Betaald door {joined(costs['betaald_door'])}")])
        financing = self._instruments(costs.get("financieringsinstrumenten", []))
        if financing:
            lines.append([Link("Gefinancierd met"), *financing])
        if costs.get("toelichting"):
            lines.append([Link(costs["toelichting"])])
        return lines

    def legal_aspects(self, aspects: dict) -> list[list[Link]]:
        if not aspects:
            return []
        lines = [[Link(aspects["tekst"])]]
        instruments = self._instruments(aspects.get("instrumenten", []))
        if instruments:
            lines.append([Link("Instrumenten"), *instruments])
        return lines

    def transferability(self, transfer: dict) -> list[list[Link]]:
        if not transfer:
            return []
        lines = [[Link(text)] for text in transfer.get("voorwaarden", [])]
        sizes = load_schema("casus")["properties"]["overdraagbaarheid"]["properties"]["stadsgrootte"]["x-labels"]
        if transfer.get("stadsgrootte"):
            lines.append([Link("Past bij"), *(Link(sizes[size]) for size in transfer["stadsgrootte"])])
        if transfer.get("capaciteit"):
            lines.append([Link(f"Capaciteit: {transfer['capaciteit']}")])
        return lines

    @staticmethod
    def contact(contact: dict) -> list[Link]:
        """The contact point: role or name and organisation, and the e-mail address as a link."""
        if not contact:
            return []
        parts = [Link(", ".join(contact[key] for key in ("naam", "organisatie") if contact.get(key)))]
        if contact.get("email"):
            parts.append(Link(contact["email"], f"mailto:{contact['email']}"))
        return parts

    # -- badges and facts -----------------------------------------------------

    def badges(self, entity: Entity) -> list[tuple[str, str]]:
        """Short facts shown as badges on a list item: (text, kind) pairs."""
        found: list[tuple[str, str]] = []
        if isinstance(entity, Casus):
            found += [(self.label("steden", entity.stad), "stad"), (self.label("fasen", entity.fase), "fase"),
                      (self.label("status", entity.status), "status")]
            if entity.voorbeeld:
                found.append(("Voorbeeld", "voorbeeld"))
        elif isinstance(entity, Instrument):
            step = self.reference["sturing"].get(entity.sturing, {})
            found.append((f"{step.get('trede', '?')}. {step.get('naam', entity.sturing)}", "trede"))
            found.append((self.label("soort", entity.soort), "soort"))
        else:
            found += [(self.label("themas", thema), "thema") for thema in entity.values("thema")]
        if entity.concept:
            found.append(("Concept", "concept"))
        return found

    def ladder_step(self, instrument: Instrument) -> Link:
        """'trede 4 van 5: Reguleren', linked to the step's page."""
        ladder = self.reference["sturing"]
        step = ladder.get(instrument.sturing, {})
        return Link(f"trede {step.get('trede', '?')} van {len(ladder)}: {step.get('naam', instrument.sturing)}",
                    self.page.url(f"sturing/{instrument.sturing}.md"))

    def legal_basis(self, instrument: Instrument) -> list[Link]:
        return [Link(legal_basis_label(basis), basis.get("url")) for basis in instrument.wettelijke_basis]

    def history(self, case: Casus) -> str:
        """'zaaien sinds 1 februari 2025 → groeien sinds 1 september 2025' (only a recorded history)."""
        return " → ".join(f"{step['fase']} sinds {dutch_date(step['datum'])}" for step in case.historie)


def make_page(site: Site, template: str, src_uri: str, title: str, *, description: str = "",
              source: str | None = None, search: str = "lijst", linked_data: dict | None = None,
              scripts: tuple[str, ...] = (), sitemap: bool = True, hide: tuple[str, ...] = (),
              **context: Any) -> Page:
    """A generated page from a page template (``pages/<name>.html``), which sees ``kb``, ``page`` and ``title``.

    ``linked_data``: its schema.org JSON-LD (publish/linkeddata.py), for the page's head; ``scripts``: the
    scripts in docs/assets/ that this page alone needs (``filters.js``); ``sitemap``: False leaves it out of
    sitemap.xml; ``hide``: what of Material's layout it leaves out (``("toc",)``).
    """
    page = PageContext(src_uri)
    html = render(template, page, kb=Views(site, page), title=title, **context)
    return Page(src_uri, title, html, page.prose_parts, description=description, source=source, search=search,
                head=json_ld(linked_data) if linked_data else Markup(""), scripts=scripts, sitemap=sitemap,
                hide=hide)
