"""The overview of all cases, all instruments and all toolkits."""

from __future__ import annotations

from .common import GeneratedPage, Site, entity_list


def _sorted(items):
    return sorted(items, key=lambda entity: entity.title.lower())


def pages(site: Site):
    corpus = site.corpus
    yield GeneratedPage("cases/index.md", "# Casussen\n\n"
                        f"Alle {len(corpus.cases)} pilotcasussen uit de steden.\n\n"
                        + entity_list("cases/index.md", _sorted(corpus.cases.values()), empty="Nog geen casussen."))
    yield GeneratedPage("instrumenten/index.md", "# Instrumenten\n\n"
                        f"Alle {len(corpus.instrumenten)} instrumenten waarmee gemeenten regie voeren.\n\n"
                        + entity_list("instrumenten/index.md", _sorted(corpus.instrumenten.values()),
                                      empty="Nog geen instrumenten."))
    yield GeneratedPage("toolkits/index.md", "# Toolkits\n\n"
                        "Gebundelde aanpakken: de oogst per thema.\n\n"
                        + entity_list("toolkits/index.md", _sorted(corpus.toolkits.values()), empty="Nog geen toolkits."))
