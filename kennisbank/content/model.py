"""The entity types of the knowledge base and the reference data they point at.

Entities are built only from front matter that passed validation, so their fields
can be trusted; optional lists default to empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a docs page, relative to the site root: 'cases/x.md' -> 'cases/x/'."""
    path = src_uri[: -len(".md")]
    if not use_directory_urls:
        return f"{path}.html"
    if path == "index" or path.endswith("/index"):
        return path[: -len("index")]
    return f"{path}/"


@dataclass
class Entity:
    """What every content file has: an id (its file name), a path and a Markdown body."""

    id: str
    path: str
    body: str = ""
    body_line: int = 1
    concept: bool = False  # a draft: left out of the public build (kennisbank/drafts.py)
    vorige_namen: list[str] = field(default_factory=list)  # old slugs that redirect here (kennisbank/redirects.py)

    kind = "entity"
    folder = ""

    @classmethod
    def build(cls, id: str, path: str, meta: dict, body: str, body_line: int):
        names = {f.name for f in fields(cls)}
        return cls(id=id, path=path, body=body, body_line=body_line,
                   **{key: value for key, value in meta.items() if key in names})

    @property
    def title(self) -> str:
        return getattr(self, "titel", None) or getattr(self, "naam")

    @property
    def src_uri(self) -> str:
        """Where the generated page lives in the site (a virtual docs/ path)."""
        return f"{self.folder}/{self.id}.md"


@dataclass
class Casus(Entity):
    kind = "casus"
    folder = "cases"

    titel: str = ""
    samenvatting: str = ""
    stad: str = ""
    themas: list[str] = field(default_factory=list)
    fase: str = ""
    status: str = ""
    periode: dict = field(default_factory=dict)
    partners: list[str] = field(default_factory=list)
    rol_gemeente: list[str] = field(default_factory=list)
    instrumenten: list[str] = field(default_factory=list)
    resultaten: list[str] = field(default_factory=list)
    inzichten: list[str] = field(default_factory=list)
    onderwerpen: list[str] = field(default_factory=list)
    werkvormen: list[str] = field(default_factory=list)
    citydeals: list[str] = field(default_factory=list)
    contact: dict = field(default_factory=dict)
    locatie: dict | None = None
    oogst: str | None = None
    historie: list[dict] = field(default_factory=list)  # [{fase, datum}], oldest first (kennisbank/history.py)
    goede_praktijk: dict | None = None  # {reden, sinds}: set by coalition staff
    bijgewerkt: str = ""
    voorbeeld: bool = False


@dataclass
class Instrument(Entity):
    kind = "instrument"
    folder = "instrumenten"

    naam: str = ""
    samenvatting: str = ""
    soort: str = ""
    sturing: str = ""
    rol_gemeente: list[str] = field(default_factory=list)
    themas: list[str] = field(default_factory=list)
    wettelijke_basis: list[dict] = field(default_factory=list)
    status: str = ""
    resultaten: list[str] = field(default_factory=list)
    onderwerpen: list[str] = field(default_factory=list)
    citydeals: list[str] = field(default_factory=list)
    oogst: str | None = None  # ijkmoment at which a new or improved instrument became available
    bijgewerkt: str = ""


@dataclass
class Toolkit(Entity):
    kind = "toolkit"
    folder = "toolkits"

    titel: str = ""
    samenvatting: str = ""
    thema: str = ""
    stappen: list[dict] = field(default_factory=list)
    instrumenten: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    oogst: str | None = None
    contact: dict = field(default_factory=dict)
    bijgewerkt: str = ""

    @property
    def themas(self) -> list[str]:
        return [self.thema]


ENTITY_TYPES = {"casus": Casus, "instrument": Instrument, "toolkit": Toolkit}


@dataclass
class Reference:
    """The deal as data (data/*.yml): each list keyed by id, plus the deal's own texts."""

    deal: dict = field(default_factory=dict)
    lists: dict[str, dict[str, dict]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # data files that could not be read

    def __getattr__(self, name: str) -> dict[str, dict]:
        try:
            return self.__dict__["lists"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
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

    def entities(self):
        yield from self.cases.values()
        yield from self.instrumenten.values()
        yield from self.toolkits.values()
