"""Macros for hand-written pages: the deal's data rendered as Markdown.

A hand-written page opts in with ``render_macros: true`` in its front matter (the
macros plugin runs with ``render_by_default: false``), then calls for example
``{{ doelen() }}``. Each macro returns Markdown with links relative to the calling page.
Contributor text is escaped (``common.text``); the deal's own texts are trusted Markdown.
"""

from __future__ import annotations

from typing import Callable

from .pages.common import Site, dutch_date, entity_link, link, term_uri, text


class Macros:
    """The macros, bound to one build's site and to the page being rendered."""

    def __init__(self, site: Site, current_uri: Callable[[], str]):
        self.site = site
        self.current_uri = current_uri
        self.reference = site.reference

    def registry(self) -> dict[str, Callable]:
        """Name -> function, for the macros plugin."""
        return {name: getattr(self, name) for name in (
            "deal_tekst", "aanleiding", "opgaven", "rollen", "doelen", "systeemkenmerken", "werkplan",
            "themas", "resultaten", "inzichten", "fasen", "werkvormen", "begeleiden", "onderwerpen",
            "city_deals", "partners", "ijkmomenten", "nieuwste_cases", "aantallen")}

    def _link(self, to_uri: str, label: str, anchor: str = "") -> str:
        return link(self.current_uri(), to_uri, label, anchor)

    # -- the deal's texts ------------------------------------------------------

    def deal_tekst(self, key: str) -> str:
        """A text field of data/deal.yml, e.g. ``samenvatting``."""
        return str(self.reference.deal.get(key, "")).strip()

    def _sections(self, key: str, level: int) -> str:
        hashes = "#" * level
        return "".join(f"{hashes} {section['titel']}\n\n{section['tekst'].strip()}\n\n"
                       for section in self.reference.deal.get(key, []))

    def aanleiding(self, niveau: int = 3) -> str:
        """The sections on why the deal exists."""
        return self._sections("aanleiding", niveau)

    def werkplan(self, niveau: int = 3) -> str:
        """The werkplan and the outline of the uitvoeringsprogramma."""
        return self._sections("werkplan", niveau)

    def systeemkenmerken(self) -> str:
        return "".join(f"- **{item['naam']}**: {item['tekst'].strip()}\n"
                       for item in self.reference.deal.get("systeemkenmerken", []))

    def opgaven(self) -> str:
        """The actuele vraagstukken en opgaven."""
        return "".join(f"**{item['naam']}.** {item.get('tekst', '').strip()}\n\n"
                       for item in self.reference.opgaven.values())

    def rollen(self) -> str:
        """The four roles of the municipality as regisseur."""
        return "".join(f"- {self._link(term_uri('rollen', item['id']), item['naam'])}: {item['tekst'].strip()}\n"
                       for item in self.reference.rollen.values())

    def doelen(self) -> str:
        """The six goals, with their explanation."""
        return "".join(f"{item['nummer']}. **{item['titel'].strip()}**  \n    {item['toelichting'].strip()}\n"
                       for item in self.reference.doelen.values())

    # -- themes and terms ------------------------------------------------------

    def themas(self) -> str:
        """The four ontwikkelthema's, each with its short description and counts."""
        lines = []
        for thema in self.reference.themas.values():
            cases = len([c for c in self.site.corpus.cases.values() if thema["id"] in c.themas])
            lines.append(f"- **{self._link(term_uri('themas', thema['id']), thema['naam'])}** — "
                         f"{thema['kort'].strip()} ({cases} casussen)\n")
        return "".join(lines)

    def resultaten(self, thema: str) -> str:
        """The beoogde resultaten of one theme, linked to their coverage."""
        items = self.reference.themas.get(thema, {}).get("resultaten", [])
        return "".join(f"- {self._link(term_uri('themas', thema), item['kort'], item['id'])}: {item['tekst'].strip()}\n"
                       for item in items)

    def _terms(self, name: str, description: str = "omschrijving") -> str:
        return "".join(f"- {self._link(term_uri(name, item['id']), item['naam'])}"
                       + (f": {item[description].strip()}" if item.get(description) else "") + "\n"
                       for item in getattr(self.reference, name).values())

    def inzichten(self) -> str:
        return self._terms("inzichten", "kort")

    def werkvormen(self) -> str:
        return self._terms("werkvormen")

    def onderwerpen(self) -> str:
        """The groslijst of topics."""
        return self._terms("onderwerpen")

    def begeleiden(self) -> str:
        """Begeleiden en toetsen (no pages of their own: plain list)."""
        return "".join(f"- {item['naam']}\n" for item in self.reference.begeleiden.values())

    def fasen(self) -> str:
        """The three phases with their activities."""
        markdown = ""
        for fase in self.reference.fasen.values():
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

    def city_deals(self) -> str:
        """The related City Deals with their aim."""
        return "".join(f"- **{self._link(term_uri('citydeals', deal['id']), deal['naam'])}** — {deal['doel'].strip()}\n"
                       for deal in self.reference.citydeals.values())

    def partners(self) -> str:
        return ", ".join(self._link(term_uri("partners", p["id"]), p["naam"]) for p in self.reference.partners.values())

    def ijkmomenten(self) -> str:
        return "".join(f"- {self._link(term_uri('ijkmomenten', m['id']), m['naam'])} ({dutch_date(m['datum'])})\n"
                       for m in self.reference.ijkmomenten.values())

    # -- content ---------------------------------------------------------------

    def nieuwste_cases(self, aantal: int = 5) -> str:
        """The most recently updated cases."""
        cases = sorted(self.site.corpus.cases.values(), key=lambda c: (c.bijgewerkt, c.titel), reverse=True)
        return "".join(f"- {entity_link(self.current_uri(), c)} ({text(self.site.reference.steden[c.stad]['naam'])}, "
                       f"{dutch_date(c.bijgewerkt)})\n" for c in cases[:aantal])

    def aantallen(self) -> str:
        corpus = self.site.corpus
        return (f"{len(corpus.cases)} casussen, {len(corpus.instrumenten)} instrumenten en "
                f"{len(corpus.toolkits)} toolkits")
