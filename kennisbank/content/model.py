"""The kinds of item in the knowledge base and the reference data they point at: the content registry.

Each field of ``Casus``, ``Instrument`` and ``Toolkit`` is declared once, with what it means
(``content/registry.py``): its label, what it points at, its edge in the relation graph. The
order of the fields is the order of the card on the item's page and of the columns in the
open data. Entities are built only from front matter that passed validation, so their fields
can be trusted; optional lists default to empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, ClassVar

from kennisbank.content import legal
from kennisbank.content.registry import ref, refs, value


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a docs page, relative to the site root: 'cases/x.md' -> 'cases/x/'."""
    path = src_uri[: -len(".md")]
    if not use_directory_urls:
        return f"{path}.html"
    if path == "index" or path.endswith("/index"):
        return path[: -len("index")]
    return f"{path}/"


_FIELD_NAMES: dict[type, frozenset[str]] = {}  # per kind: the fields a front matter may fill


@dataclass
class Entity:
    """What every content file has: an id (its file name), a path, a Markdown body, and the shared fields."""

    id: str
    path: str  # the file in the repository, e.g. cases/x.md
    body: str = ""
    body_line: int = 1
    gepubliceerd: str = ""  # first appearance in Git (content/dates.py); newest-first lists sort by it
    gewijzigd: str = ""  # moment of the file's last commit, else its modification time (content/dates.py)
    samenvatting: str = value("Samenvatting", "")
    oogst: str | None = ref("ijkmomenten", "Geoogst bij", "geoogst_bij")
    bijgewerkt: str = value("Laatst bijgewerkt", "", show="datum", card=True)
    concept: bool = value("Concept", False, export=False)  # a draft: left out of the public build (drafts.py)
    vorige_namen: list[str] = value("Vorige namen", [])  # old ids that redirect here (redirects.py)
    # Images and PDFs from the folder next to the file, published with the page (media.py); not front matter.
    media: list = field(default_factory=list, repr=False)
    bijlagen: list = field(default_factory=list, repr=False)  # the PDFs among them, listed on the page

    kind: ClassVar[str] = "entity"
    folder: ClassVar[str] = ""  # URL folder of its pages
    source_folder: ClassVar[str] = ""  # where its files live in the repository
    collection: ClassVar[str] = ""  # the attribute of Corpus that holds this kind
    singular: ClassVar[str] = ""
    plural: ClassVar[str] = ""
    title_field: ClassVar[str] = "titel"
    sections: ClassVar[tuple[str, ...]] = ()  # the ## sections its body must have, in this order (body.py)

    @classmethod
    def build(cls, id: str, path: str, meta: dict, body: str, body_line: int) -> Entity:
        names = _FIELD_NAMES.get(cls) or _FIELD_NAMES.setdefault(cls, frozenset(f.name for f in fields(cls)))
        return cls(id=id, path=path, body=body, body_line=body_line,
                   **{key: value for key, value in meta.items() if key in names})

    @property
    def title(self) -> str:
        """Its name as readers see it: ``titel`` of a case or toolkit, ``naam`` of an instrument."""
        return getattr(self, self.title_field)

    @property
    def src_uri(self) -> str:
        """Where the generated page lives in the site (a virtual docs/ path)."""
        return f"{self.folder}/{self.id}.md"

    def values(self, name: str) -> list[Any]:
        """The values of a field as a list (a single id, nothing, or the list itself)."""
        found = getattr(self, name, None)
        if found is None or found == "":
            return []
        return list(found) if isinstance(found, list) else [found]


@dataclass
class Casus(Entity):
    kind: ClassVar[str] = "casus"
    folder: ClassVar[str] = "cases"
    source_folder: ClassVar[str] = "cases"
    collection: ClassVar[str] = "cases"
    singular: ClassVar[str] = "casus"
    plural: ClassVar[str] = "casussen"
    sections: ClassVar[tuple[str, ...]] = ("Opgave", "Aanpak", "Resultaten", "Lessen")

    titel: str = value("Titel", "")
    stad: str = ref("steden", "Stad", "in_stad", search="tag")
    themas: list[str] = refs("themas", "Thema's", "thema", search="tag")
    fase: str = ref("fasen", "Fase", "in_fase", search="tag")
    status: str = ref("status", "Status", "heeft_status")
    periode: dict = value("Periode", {}, show="periode", card=True)
    rol_gemeente: list[str] = refs("rollen", "Rol van de gemeente", "rol")
    partners: list[str] = refs("partners", "Partners", "partner")
    instrumenten: list[str] = refs("instrument", "Instrumenten", "gebruikt")
    resultaten: list[str] = refs("resultaten", "Beoogde resultaten", "werkt_aan")
    inzichten: list[str] = refs("inzichten", "Inzichten", "inzicht")
    onderwerpen: list[str] = refs("onderwerpen", "Onderwerpen", "onderwerp", search="text")
    werkvormen: list[str] = refs("werkvormen", "Werkvormen", "werkvorm")
    citydeals: list[str] = refs("citydeals", "Andere City Deals", "verbonden_met")
    # The evaluation (issue 16): optional in zaaien, required from oogsten on (validate.py). Shown in its own
    # section of the case page and on /vergelijk/, not on the card; the duration is derived from periode.
    succesfactoren: list[str] = value("Succesfactoren", [])
    knelpunten: list[str] = value("Knelpunten", [])
    kosten: dict = value("Kosten", {}, within={"financieringsinstrumenten": "instrument"})
    juridische_aspecten: dict = value("Juridische aspecten", {}, within={"instrumenten": "instrument"})
    overdraagbaarheid: dict = value("Overdraagbaarheid", {})
    contact: dict = value("Contact", {}, show="contact", card=True)
    locatie: dict | None = value("Locatie")
    historie: list[dict] = value("Historie", [])  # [{fase, datum}], oldest first (history.py)
    goede_praktijk: dict | None = value("Goede praktijk", within={"sinds": "ijkmomenten"})  # set by coalition staff
    voorbeeld: bool = value("Voorbeeld", False)

    EVALUATION: ClassVar[tuple[str, ...]] = ("succesfactoren", "knelpunten", "kosten", "juridische_aspecten",
                                             "overdraagbaarheid")
    EVALUATED_FROM: ClassVar[str] = "oogsten"  # the phase from which the evaluation fields are required

    @property
    def doorlooptijd(self) -> int | None:
        """Months from the start to the (expected) end of ``periode``, both months counted; None without an end."""
        start, end = self.periode.get("start"), self.periode.get("eind")
        if not start or not end:
            return None
        (y1, m1), (y2, m2) = (map(int, start.split("-")), map(int, end.split("-")))
        return (y2 - y1) * 12 + m2 - m1 + 1


@dataclass
class Instrument(Entity):
    kind: ClassVar[str] = "instrument"
    folder: ClassVar[str] = "instrumenten"
    source_folder: ClassVar[str] = "instrumenten"
    collection: ClassVar[str] = "instrumenten"
    singular: ClassVar[str] = "instrument"
    plural: ClassVar[str] = "instrumenten"
    title_field: ClassVar[str] = "naam"

    naam: str = value("Naam", "")
    soort: str = ref("soort", "Soort", "soort", search="text")
    sturing: str = ref("sturing", "Sturing", "trede", search="tag")
    status: str = ref("instrumentstatus", "Status", "heeft_status")
    themas: list[str] = refs("themas", "Thema's", "thema", search="tag")
    rol_gemeente: list[str] = refs("rollen", "Rol van de gemeente", "rol")
    wettelijke_basis: list[dict] = value("Wettelijke basis", [], show="wettelijke_basis", card=True)
    resultaten: list[str] = refs("resultaten", "Beoogde resultaten", "werkt_aan")
    onderwerpen: list[str] = refs("onderwerpen", "Onderwerpen", "onderwerp", search="text")
    citydeals: list[str] = refs("citydeals", "Andere City Deals", "verbonden_met")
    bronnen: list[dict] = value("Bronnen", [])  # [{titel, url, geraadpleegd}]: shown at the end of the page
    beoordeeld_door: dict | None = value("Juridisch nagekeken")  # {rol, datum}: only after a lawyer's review

    def __post_init__(self) -> None:
        # Every legal basis has a link: its own url, else the deep link made from its identifier (legal.py).
        self.wettelijke_basis = [{**basis, "url": legal.link(basis)} for basis in self.wettelijke_basis]


@dataclass
class Toolkit(Entity):
    kind: ClassVar[str] = "toolkit"
    folder: ClassVar[str] = "toolkits"
    source_folder: ClassVar[str] = "instrumenten/toolkits"
    collection: ClassVar[str] = "toolkits"
    singular: ClassVar[str] = "toolkit"
    plural: ClassVar[str] = "toolkits"

    titel: str = value("Titel", "")
    thema: str = ref("themas", "Thema", "thema", search="tag")
    stappen: list[dict] = value("Stappen", [], show="aantal", card=True, within={"instrumenten": "instrument"})
    instrumenten: list[str] = refs("instrument", "Instrumenten", "bevat", card=False)
    cases: list[str] = refs("casus", "Casussen", "voorbeeld", card=False)
    contact: dict = value("Contact", {}, show="contact", card=True)

    @property
    def themas(self) -> list[str]:
        return [self.thema] if self.thema else []


ENTITY_TYPES: dict[str, type[Entity]] = {cls.kind: cls for cls in (Casus, Instrument, Toolkit)}


@dataclass
class Reference:
    """The deal as data (data/*.yml): each list keyed by id, plus the deal's own texts."""

    deal: dict = field(default_factory=dict)
    lists: dict[str, dict[str, dict]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # data files that could not be read

    def __getitem__(self, name: str) -> dict[str, dict]:
        """The items of data/<name>.yml by id ('resultaten': every beoogd resultaat); empty when broken."""
        if name == "resultaten":
            return self.resultaten
        return self.lists.get(name, {})

    @cached_property
    def resultaten(self) -> dict[str, dict]:
        """Every beoogd resultaat of every theme, with the theme's id added."""
        return {
            resultaat["id"]: {**resultaat, "thema": thema["id"]}
            for thema in self.lists.get("themas", {}).values()
            for resultaat in thema.get("resultaten", [])
        }


@dataclass
class Corpus:
    """Everything the site is built from; invalid files are absent and reported in problems."""

    root: str
    reference: Reference
    cases: dict[str, Casus] = field(default_factory=dict)
    instrumenten: dict[str, Instrument] = field(default_factory=dict)
    toolkits: dict[str, Toolkit] = field(default_factory=dict)
    problems: list = field(default_factory=list)
    # Things to look at that keep no file off the site, e.g. a legal basis not checked for a year (legal.py).
    warnings: list = field(default_factory=list)
    site_url: str = ""  # the public address (mkdocs.yml site_url): absolute links in linked data and exports

    def entities(self) -> Iterator[Entity]:
        yield from self.cases.values()
        yield from self.instrumenten.values()
        yield from self.toolkits.values()

    def of_kind(self, kind: str) -> dict[str, Any]:
        """The items of one kind by id."""
        return getattr(self, ENTITY_TYPES[kind].collection)
