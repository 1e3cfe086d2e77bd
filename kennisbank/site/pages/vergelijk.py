"""Casussen vergelijken (``/vergelijk/?casus=a&casus=b``): two to four cases side by side, a row per field.

A static site cannot render a table for every choice of cases, and a page listing every case
would grow with every case. So the page is small and fixed, and each case has its own small
data file, ``/vergelijk/<id>.json``: the rows of the table as lines of text and links, made
here with the same views as the case page (``Views.evaluation``). ``docs/assets/vergelijk.js``
reads the ids from the address, fetches only those files, and builds one table: a row per
field, a column per case, the values every chosen case shares marked (in words too, for screen
readers and on paper). The address is the selection, so a link shares it; the script also
offers the selection as CSV and the page prints as a landscape table for a council memo. The
cases to add come from the overview's index (``/cases/lijst.json``), which the overview loads
anyway.

Without JavaScript the page says how to choose (the "Vergelijk" boxes on the overview, the
button on a case page) and lists the newest cases with a link that adds each; the overview
lists them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from typing import Any

from kennisbank.content.model import Casus
from kennisbank.graph import Site
from kennisbank.site.inputs import Inputs, Planned
from kennisbank.site.pages.overviews import ordered
from kennisbank.site.render import Page, PageContext, data_markdown
from kennisbank.site.sections import section
from kennisbank.site.views import Link, Views, duration, make_page

URI = "vergelijk/index.md"
FOLDER = "vergelijk"
MAX_CASES = 4
NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}  # "twee tot vier", never "twee tot 4"
SHOWN_WITHOUT_SCRIPT = 20  # newest cases listed for readers without JavaScript; the overview has them all

# The rows of the table, in the order of the field list: (id, label).
ROWS = (("stad", "Stad"), ("themas", "Thema's"), ("fase", "Fase"), ("status", "Status"), ("periode", "Periode"),
        ("doorlooptijd", "Doorlooptijd"), ("rol_gemeente", "Rol van de gemeente"), ("instrumenten", "Instrumenten"),
        ("succesfactoren", "Succesfactoren"), ("knelpunten", "Knelpunten"), ("kosten", "Kosten"),
        ("juridische_aspecten", "Juridische aspecten"), ("overdraagbaarheid", "Overdraagbaarheid"),
        ("beoogde_resultaten", "Beoogde resultaten"), ("resultaten", "Resultaten"), ("lessen", "Lessen"))

_BLOCK = re.compile(r"<(?:p|li|h[1-6])\b[^>]*>(.*?)</(?:p|li|h[1-6])>", re.S)
_TAG = re.compile(r"<[^>]+>")


def data_uri(case: Casus) -> str:
    return f"{FOLDER}/{case.id}.json"


def plain_blocks(markdown: str) -> list[str]:
    """A body section as plain text, a line per paragraph or list item (notes and markup left out)."""
    text = re.sub(r"\[\^[^\]\s]+\]", "", markdown)  # footnote references
    html = str(data_markdown(text))
    blocks = [" ".join(_TAG.sub(" ", block).split()) for block in _BLOCK.findall(html)]
    return [block.replace(" .", ".").replace(" ,", ",") for block in blocks if block]


def rows(site: Site, case: Casus, kb: Views) -> dict[str, list[list[Link]]]:
    """Every row of the table for one case: lines of links and texts, as the case page shows them."""
    evaluation = {lines.id: lines.lines for lines in kb.evaluation(case)}
    months = case.doorlooptijd
    found: dict[str, list[list[Link]]] = {
        "stad": [[kb.term("steden", case.stad)]],
        "themas": [[kb.term("themas", thema)] for thema in case.themas],
        "fase": [[kb.term("fasen", case.fase)]],
        "status": [[kb.term("status", case.status)]],
        "periode": [[Link(kb.period(case.periode, with_duration=False))]],
        "doorlooptijd": [[Link(duration(months))]] if months else [],
        "rol_gemeente": [[kb.term("rollen", rol)] for rol in case.rol_gemeente],
        "instrumenten": [[kb.item(site.corpus.instrumenten[i])] for i in case.instrumenten
                         if i in site.corpus.instrumenten],
        "beoogde_resultaten": [[kb.term("resultaten", resultaat)] for resultaat in case.resultaten],
        "resultaten": [[Link(block)] for block in plain_blocks(section(case.body, "Resultaten"))],
        "lessen": [[Link(block)] for block in plain_blocks(section(case.body, "Lessen"))],
    }
    for name in ("succesfactoren", "knelpunten", "kosten", "juridische_aspecten", "overdraagbaarheid"):
        found[name] = evaluation.get(name, [])
    return {name: found[name] for name, _ in ROWS}


def cost_amounts(case: Casus) -> dict[str, int]:
    """The amounts of a case's costs as numbers, for the CSV (a column each, so a spreadsheet can add them up)."""
    return {name: case.kosten[name] for name in ("bedrag", "bedrag_min", "bedrag_max") if name in (case.kosten or {})}


def case_data(site: Site, case: Casus) -> dict[str, Any]:
    """What the script needs of one case: t title, u address, v example, r rows (lines of {t, u}), k the amounts of
    its costs in euro (bedrag, or bedrag_min and bedrag_max)."""
    page = PageContext(URI)
    kb = Views(site, page)

    def part(link: Link) -> dict[str, str]:
        return {"t": link.text, "u": link.href} if link.href else {"t": link.text}

    return {"id": case.id, "t": case.titel, "u": page.url(case), "v": case.voorbeeld, "k": cost_amounts(case),
            "r": {name: [[part(link) for link in line] for line in lines]
                  for name, lines in rows(site, case, kb).items()}}


def data_file(site: Site, case: Casus) -> str:
    return json.dumps(case_data(site, case), ensure_ascii=False, separators=(",", ":"))


def data_files(site: Site, inputs: Inputs) -> Iterator[Planned[str]]:
    """The data file of every case: its rows, with the names of the instruments it names."""
    for case in site.corpus.cases.values():
        yield Planned(data_uri(case), partial(data_file, site, case), partial(_case_shows, inputs, case))


def _case_shows(inputs: Inputs, case: Casus) -> tuple:
    return inputs.item(case), inputs.named(case)


def compare_page(site: Site) -> Page:
    newest = ordered(site, "casus", "nieuwste")[:SHOWN_WITHOUT_SCRIPT]
    return make_page(site, "pages/vergelijk.html", URI, "Casussen vergelijken",
                     description="Zet twee tot vier casussen naast elkaar: stad, aanpak, instrumenten, kosten, "
                                 "succesfactoren, knelpunten en lessen in één tabel, om te delen, te printen of als "
                                 "CSV te downloaden.",
                     rows=ROWS, rows_json=json.dumps(ROWS, ensure_ascii=False), newest=newest,
                     total=len(site.corpus.cases), max_cases=MAX_CASES,
                     max_words=NUMBER_WORDS.get(MAX_CASES, str(MAX_CASES)),
                     hide=("toc",))  # four cases side by side need the width of the table of contents


def _page_shows(site: Site, inputs: Inputs) -> tuple:
    return inputs.cards(ordered(site, "casus", "nieuwste")[:SHOWN_WITHOUT_SCRIPT]), len(site.corpus.cases)


def plan(site: Site, inputs: Inputs) -> Iterator[Planned[Page]]:
    yield Planned(URI, partial(compare_page, site), partial(_page_shows, site, inputs))
