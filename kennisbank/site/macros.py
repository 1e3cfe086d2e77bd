"""Macros for hand-written pages: the deal's data rendered as Markdown.

A hand-written page opts in with ``render_macros: true`` in its front matter (the
macros plugin runs with ``render_by_default: false``), then calls for example
``{{ doelen() }}``. Each macro returns Markdown with ``.md`` links relative to the calling
page (MkDocs checks and rewrites them). A label from data/ is escaped for Markdown
(``markdown_text``); the deal's own longer texts are Markdown. A macro that lists items
(``nieuwste_cases``) returns HTML from the same templates as the generated pages.
The first paragraph of each macro's docstring is its entry on docs/macros.md
(``macro_overzicht``), so the reference cannot drift from the code; that is why those
docstrings, unlike the rest of the code, are written in Dutch: they are page text.
"""

from __future__ import annotations

import inspect
import re
from typing import Callable

from markupsafe import Markup

from kennisbank.content.dates import dutch_date
from kennisbank.content.registry import TAXONOMY
from kennisbank.graph import Site
from kennisbank.site.pages.kiezen import decision_aid_start
from kennisbank.site.render import PageContext, examples_note, render
from kennisbank.site.views import Views, newest_first

# The macros hand-written pages may call, in the order of the reference page (docs/macros.md).
NAMES = (
    "in_een_oogopslag", "deal_tekst", "looptijd", "aantallen", "aanleiding", "opgaven", "rollen",
    "systeemkenmerken", "doelen", "doelen_kort", "werkplan", "themas", "resultaten", "inzichten", "fasen",
    "fasen_kort", "werkvormen", "begeleiden", "onderwerpen", "city_deals", "partners", "partners_per_soort",
    "ijkmomenten", "zoekveld", "taken", "toolkits_uitgelicht", "nieuwste_cases", "contactpunten", "macro_overzicht",
)
PARTNER_GROUPS = {"gemeente": "Gemeenten", "ministerie": "Ministeries", "kennisnetwerk": "Kennisnetwerken",
                  "brancheorganisatie": "Brancheorganisaties"}


class Macros:
    """The macros, bound to one build's site and to the page being rendered."""

    def __init__(self, site: Site, current_uri: Callable[[], str]):
        self.site = site
        self.current_uri = current_uri
        self.reference = site.reference

    def registry(self) -> dict[str, Callable]:
        """Name -> function, for the macros plugin."""
        return {name: getattr(self, name) for name in NAMES}

    def _link(self, to_uri: str, label: str, anchor: str = "") -> str:
        target = docs_relative(self.current_uri(), to_uri)
        return f"[{markdown_text(label)}]({target}{'#' + anchor if anchor else ''})"

    # -- the deal in one screen ------------------------------------------------

    def in_een_oogopslag(self) -> str:
        """De deal in één scherm: kaarten met doel, looptijd, thema's, fasen, partners en wat de kennisbank bevat."""
        corpus = self.site.corpus
        themes = ", ".join(self._link(term_uri("themas", t["id"]), t["naam"]) for t in self.reference["themas"].values())
        phases = " → ".join(self._link(term_uri("fasen", f["id"]), f["naam"]) for f in self.reference["fasen"].values())
        partners = list(self.reference["partners"].values())
        cities = sum(1 for p in partners if p.get("soort") == "gemeente")
        ministries = sum(1 for p in partners if p.get("soort") == "ministerie")
        cards = [
            ("Doel", "Gemeenten versterken in hun regie op de transformatie van de binnenstad: met inzicht, "
                     "samenwerking en een mix van instrumenten, van drang tot dwang. "
                     + self._link("over.md", "De zes doelen", "doelen")),
            ("Looptijd", f"Van {self.looptijd()}."),
            ("Vier ontwikkelthema's", themes),
            ("Drie fasen", f"{phases}: verkennen, experimenteren, en oogsten in toolkits en instrumenten."),
            ("Partners", f"{cities} gemeenten, {ministries} ministeries, kennisnetwerken en de retailbranche. "
                         + self._link("partners/index.md", "Alle partners")),
            ("In de kennisbank", f"{self._link('cases/index.md', f'{len(corpus.cases)} casussen')}, "
                                 f"{self._link('instrumenten/index.md', f'{len(corpus.instrumenten)} instrumenten')}"
                                 f", {self._link('toolkits/index.md', f'{len(corpus.toolkits)} toolkits')} en een "
                                 f"{self._link('kaart/index.md', 'kaart van de casussen')}."),
        ]
        items = "".join(f"-   **{title}**\n\n    {body}\n\n" for title, body in cards)
        return f'<div class="grid cards" markdown>\n\n{items}</div>\n'

    # -- the deal's texts ------------------------------------------------------

    def deal_tekst(self, key: str, alineas: int = 0) -> str:
        """Een tekst uit data/deal.yml, bijvoorbeeld `samenvatting`; met `alineas` alleen de eerste alinea's."""
        value = str(self.reference.deal.get(key, "")).strip()
        return "\n\n".join(value.split("\n\n")[:alineas]) if alineas else value

    def looptijd(self) -> str:
        """De looptijd van de deal uit data/deal.yml: "14 juni 2023 tot 14 juni 2027"."""
        deal = self.reference.deal
        if not (deal.get("ondertekend") and deal.get("einddatum")):
            return ""  # data/deal.yml is broken: that is reported as a problem already
        return f"{dutch_date(deal['ondertekend'])} tot {dutch_date(deal['einddatum'])}"

    def aantallen(self) -> str:
        """Hoeveel casussen (waarvan hoeveel voorbeelden), instrumenten en toolkits de kennisbank bevat, in een zin."""
        corpus = self.site.corpus
        examples = sum(1 for case in corpus.cases.values() if case.voorbeeld)
        cases = f"{len(corpus.cases)} {'casus' if len(corpus.cases) == 1 else 'casussen'}"
        if examples:
            cases += f" ({examples_note(len(corpus.cases), examples)})"
        return (f"{cases}, {len(corpus.instrumenten)} instrumenten en {len(corpus.toolkits)} toolkits")

    def _sections(self, key: str, level: int) -> str:
        hashes = "#" * level
        return "".join(f"{hashes} {section['titel']}\n\n{section['tekst'].strip()}\n\n"
                       for section in self.reference.deal.get(key, []))

    def aanleiding(self, niveau: int = 3) -> str:
        """De aanleiding en analyse uit de dealtekst, met koppen van het opgegeven niveau."""
        return self._sections("aanleiding", niveau)

    def werkplan(self, niveau: int = 3) -> str:
        """Het werkplan en de aanzet voor het uitvoeringsprogramma, met koppen van het opgegeven niveau."""
        return self._sections("werkplan", niveau)

    def systeemkenmerken(self) -> str:
        """De systeemkenmerken van binnensteden die transformatie belemmeren."""
        return "".join(f"- **{item['naam']}**: {item['tekst'].strip()}\n"
                       for item in self.reference.deal.get("systeemkenmerken", []))

    def opgaven(self) -> str:
        """De actuele vraagstukken en opgaven in binnensteden."""
        return "".join(f"**{item['naam']}.** {item.get('tekst', '').strip()}\n\n"
                       for item in self.reference["opgaven"].values())

    def rollen(self) -> str:
        """De vier rollen van de gemeente als regisseur, elk met een link naar zijn pagina."""
        return "".join(f"- {self._link(term_uri('rollen', item['id']), item['naam'])}: {item['tekst'].strip()}\n"
                       for item in self.reference["rollen"].values())

    def doelen(self) -> str:
        """De zes doelen met hun toelichting."""
        return "".join(f"{item['nummer']}. **{item['titel'].strip()}**  \n    {item['toelichting'].strip()}\n"
                       for item in self.reference["doelen"].values())

    def doelen_kort(self) -> str:
        """De zes doelen, alleen de titels, met een link naar de toelichting op "Over de City Deal"."""
        return ("".join(f"{item['nummer']}. {item['titel'].strip()}\n" for item in self.reference["doelen"].values())
                + f"\n{self._link('over.md', 'Meer over de doelen', 'doelen')}\n")

    # -- themes and terms ------------------------------------------------------

    def themas(self) -> str:
        """De vier ontwikkelthema's met een korte omschrijving en het aantal casussen."""
        lines = []
        for thema in self.reference["themas"].values():
            cases = len([c for c in self.site.corpus.cases.values() if thema["id"] in c.themas])
            lines.append(f"- **{self._link(term_uri('themas', thema['id']), thema['naam'])}** — "
                         f"{thema['kort'].strip()} ({cases} casussen)\n")
        return "".join(lines)

    def resultaten(self, thema: str) -> str:
        """De beoogde resultaten van één thema (`thema` is de id), elk gelinkt aan zijn dekking op de themapagina."""
        items = self.reference["themas"].get(thema, {}).get("resultaten", [])  # unknown: data/themas.yml is broken
        return "".join(f"- {self._link(term_uri('themas', thema), item['kort'], item['id'])}: {item['tekst'].strip()}\n"
                       for item in items)

    def _terms(self, name: str, description: str = "omschrijving") -> str:
        return "".join(f"- {self._link(term_uri(name, item['id']), item['naam'])}"
                       + (f": {item[description].strip()}" if item.get(description) else "") + "\n"
                       for item in self.reference[name].values())

    def inzichten(self) -> str:
        """De voorwaardenscheppende inzichten met een korte samenvatting."""
        return self._terms("inzichten", "kort")

    def werkvormen(self) -> str:
        """De methodieken en werkvormen met een uitleg in gewone taal."""
        return self._terms("werkvormen")

    def onderwerpen(self) -> str:
        """De groslijst van mogelijke onderwerpen."""
        return self._terms("onderwerpen")

    def begeleiden(self) -> str:
        """De onderwerpen voor begeleiden en toetsen, als gewone lijst."""
        return "".join(f"- {item['naam']}\n" for item in self.reference["begeleiden"].values())

    def fasen(self) -> str:
        """De drie fasen met hun activiteiten en resultaat."""
        markdown = ""
        for fase in self.reference["fasen"].values():
            markdown += f"### {self._link(term_uri('fasen', fase['id']), fase['naam'])}: {fase['titel']}\n\n"
            markdown += (fase.get("omschrijving", "").strip() + "\n\n") if fase.get("omschrijving") else ""
            for activiteit in fase["activiteiten"]:
                if isinstance(activiteit, str):
                    markdown += f"- {activiteit}\n"
                else:
                    markdown += f"- {activiteit['tekst']}\n"
                    markdown += "".join(f"    - {part}\n" for part in activiteit.get("onderdelen", []))
            markdown += f"\nResultaat: {fase['resultaat']}\n\n" if fase.get("resultaat") else "\n"
        return markdown

    def fasen_kort(self) -> str:
        """De drie fasen, elk op één regel, met het aantal casussen per fase."""
        lines = []
        for fase in self.reference["fasen"].values():
            count = sum(1 for case in self.site.corpus.cases.values() if case.fase == fase["id"])
            lines.append(f"- **{self._link(term_uri('fasen', fase['id']), fase['naam'])}**: {fase['titel']} "
                         f"({count} {'casus' if count == 1 else 'casussen'})\n")
        return "".join(lines)

    def city_deals(self) -> str:
        """De andere City Deals waarmee de deal verbinding zoekt, met hun doel."""
        return "".join(f"- **{self._link(term_uri('citydeals', deal['id']), deal['naam'])}** — {deal['doel'].strip()}\n"
                       for deal in self.reference["citydeals"].values())

    def partners(self) -> str:
        """Alle partners op één regel, elk gelinkt aan zijn pagina."""
        return ", ".join(self._link(term_uri("partners", p["id"]), p["naam"]) for p in self.reference["partners"].values())

    def partners_per_soort(self) -> str:
        """De partners per soort: gemeenten, ministeries, kennisnetwerken, brancheorganisaties."""
        groups: dict[str, list[dict]] = {}
        for partner in self.reference["partners"].values():
            groups.setdefault(partner.get("soort", "overig"), []).append(partner)
        return "".join(f"- **{PARTNER_GROUPS.get(soort, soort.capitalize())}**: "
                       + ", ".join(self._link(term_uri("partners", p["id"]), p["naam"]) for p in members) + "\n"
                       for soort, members in groups.items())

    def ijkmomenten(self) -> str:
        """De ijkmomenten met hun datum, gelinkt aan wat er is geoogst."""
        return "".join(f"- {self._link(term_uri('ijkmomenten', m['id']), m['naam'])} ({dutch_date(m['datum'])})\n"
                       for m in self.reference["ijkmomenten"].values())

    # -- content ---------------------------------------------------------------

    def nieuwste_cases(self, aantal: int = 5) -> Markup:
        """De nieuwste casussen (standaard vijf): het laatst in de kennisbank gezet, elk met stad, fase en status."""
        return self._render("macros/items.html", items=newest_first(self.site.corpus.cases.values())[:aantal])

    def _render(self, template: str, **context) -> Markup:
        page = PageContext(self.current_uri())
        return render(template, page, kb=Views(self.site, page), **context)

    def zoekveld(self) -> Markup:
        """Een zoekveld in de pagina: zoekt in de hele kennisbank (opent de zoekfunctie van de site)."""
        return self._render("macros/zoekveld.html")

    def taken(self) -> Markup:
        """De ingangen naar wat een lezer komt doen, één per thema (uit data/themas.yml), elk met de instrumenten,
        toolkits en casussen die erbij horen."""
        themas = TAXONOMY["themas"]
        tasks = []
        for thema in self.reference["themas"].values():
            toolkits = self.site.graph.items_with(themas, thema["id"], "toolkit")
            tasks.append({"thema": thema, "toolkits": newest_first(toolkits)[:TOOLKITS_PER_TASK],
                          "toolkits_total": len(toolkits),
                          "cases": len(self.site.graph.items_with(themas, thema["id"], "casus")),
                          "instruments": len(self.site.graph.items_with(themas, thema["id"], "instrument")),
                          "start": decision_aid_start(self.site, thema["id"])})
        return self._render("macros/taken.html", tasks=tasks)

    def toolkits_uitgelicht(self) -> Markup:
        """De toolkits die het laatst zijn bijgewerkt (stappenplannen per opgave, met hun samenvatting), en een
        link naar alle toolkits."""
        toolkits = list(self.site.corpus.toolkits.values())
        return self._render("macros/toolkits.html", toolkits=newest_first(toolkits)[:TOOLKITS_FEATURED],
                            total=len(toolkits))

    def contactpunten(self) -> Markup:
        """De aanspreekpunten van de casussen en toolkits, per organisatie: functie en functioneel e-mailadres."""
        points: dict[str, dict[tuple[str, str], list]] = {}
        for entity in self.site.corpus.entities():
            contact = getattr(entity, "contact", None)
            if contact:
                role = (contact.get("naam") or "Algemeen aanspreekpunt", contact.get("email") or "")
                points.setdefault(contact["organisatie"], {}).setdefault(role, []).append(entity)
        rows = [(organisation, sorted(roles.items())) for organisation, roles in sorted(points.items())]
        return self._render("macros/contactpunten.html", rows=rows)

    # -- this reference --------------------------------------------------------

    def macro_overzicht(self) -> str:
        """Deze lijst: elke macro, hoe u hem aanroept en wat hij toont (rechtstreeks uit de code)."""
        entries = []
        for name in NAMES:
            function = getattr(self, name)
            summary = " ".join((inspect.getdoc(function) or "").split("\n\n")[0].split())
            entries.append(f"`{{{{ {name}{_call(function)} }}}}`\n:   {summary}\n\n")
        return "".join(entries)


TOOLKITS_PER_TASK = 2  # on the home page, per theme; the overview filtered on the theme has them all
TOOLKITS_FEATURED = 4


def term_uri(taxonomy: str, term: str) -> str:
    """The docs path of a term's page."""
    return f"{TAXONOMY[taxonomy].folder}/{term}.md"


def docs_relative(from_uri: str, to_uri: str) -> str:
    """A relative ``.md`` link between two docs paths, as MkDocs expects it in Markdown."""
    start, target = from_uri.split("/")[:-1], to_uri.split("/")
    common = 0
    while common < len(start) and common < len(target) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+\-.!|<>&])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: object) -> str:
    """Text for inline Markdown that shows exactly as written: markup characters escaped, quotes left alone."""
    return _MARKDOWN_SPECIAL.sub(lambda match: _ENTITIES.get(match.group(1)) or "\\" + match.group(1), str(value))


def _call(function: Callable) -> str:
    """How a writer calls a macro: ``(key, alineas=0)``."""
    parameters = inspect.signature(function).parameters.values()
    return "(" + ", ".join(p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}"
                           for p in parameters) + ")"
