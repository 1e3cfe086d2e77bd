"""Legal bases that stay current: the official identifier of each law, its deep link, and how old its check is.

Each ``wettelijke_basis`` entry of an instrument names its source by the identifier the
government's own registers use, so that a link can be made (and checked) without guessing:

- ``BWBR0001941``: a national law or regulation in the Basiswettenbestand (wetten.overheid.nl);
- ``CVDR123456``: a local regulation in the Centrale Voorziening Decentrale Regelgeving
  (lokaleregelgeving.overheid.nl);
- ``ECLI:NL:RVS:2019:2912``: a court ruling, by its European Case Law Identifier.

Without a ``url`` the link is made from the identifier, to the article where the register
has a stable address for it (wetten.overheid.nl's ``jci1.3`` references). With a ``url`` the
checker makes sure it names the same identifier.

``gecontroleerd`` says when someone last checked the text against the law. Older than
``STALE_MONTHS`` months, ``kennisbank check`` warns (a warning, not a problem: the instrument
stays on the site) and the staff page /onderhoud/ lists it.
"""

from __future__ import annotations

import re
from datetime import date

from kennisbank.content.problems import Problem
from kennisbank.content.read import Source

STALE_MONTHS = 12

BWB = re.compile(r"BWB[RV]\d{7}")
CVDR = re.compile(r"CVDR\d+(?:_\d+)?")
ECLI = re.compile(r"ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}")
FAMILIES = {"BWB": BWB, "CVDR": CVDR, "ECLI": ECLI}
REGISTERS = {"BWB": "wetten.overheid.nl", "CVDR": "lokaleregelgeving.overheid.nl", "ECLI": "rechtspraak.nl"}

# The part of a law an entry names, and the jci1.3 parameter that addresses it on wetten.overheid.nl.
_PARTS = {"hoofdstuk": "hoofdstuk", "afdeling": "afdeling", "paragraaf": "paragraaf", "titel": "titeldeel"}
_ARTICLE = re.compile(r"^(?:artikel(?:en)?\s+)?(\d+[a-z]*(?:[.:]\d+[a-z]*)?)\b", re.I)
_PART = re.compile(r"^(hoofdstuk|afdeling|paragraaf|titel)\s+(\d+[a-z]*(?:\.\d+[a-z]*)?)\b", re.I)


def family(identifier: str) -> str | None:
    """'BWB', 'CVDR' or 'ECLI' for a valid identifier, else None."""
    return next((name for name, pattern in FAMILIES.items() if pattern.fullmatch(identifier or "")), None)


def deep_link(identifier: str, artikel: str = "") -> str:
    """The register's address for the identifier, at the article (or chapter) where it has one."""
    kind = family(identifier)
    if kind == "BWB":
        link = f"https://wetten.overheid.nl/jci1.3:c:{identifier}"
        text = str(artikel or "").strip()
        part = _PART.match(text)
        if part:
            return f"{link}&{_PARTS[part.group(1).lower()]}={part.group(2)}"
        article = _ARTICLE.match(text)
        if article:  # Burgerlijk Wetboek '5:85': the article number within the book
            return f"{link}&artikel={article.group(1).split(':')[-1]}"
        return link
    if kind == "CVDR":
        return f"https://lokaleregelgeving.overheid.nl/{identifier}"
    if kind == "ECLI":
        return f"https://uitspraken.rechtspraak.nl/details?id={identifier}"
    return ""


def link(basis: dict) -> str:
    """The link of a legal basis: its own ``url``, else the deep link made from its identifier."""
    return basis.get("url") or deep_link(basis.get("identificatie", ""), basis.get("artikel", ""))


def stale_before(today: date) -> date:
    """The first day that still counts as current: ``STALE_MONTHS`` months before today."""
    months = today.year * 12 + today.month - 1 - STALE_MONTHS
    year, month = divmod(months, 12)
    day = today.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:  # 29 February a year later, or the 31st in a shorter month
            day -= 1


def is_stale(checked: str, today: date) -> bool:
    """Was ``checked`` (JJJJ-MM-DD) longer than ``STALE_MONTHS`` months before ``today``?"""
    try:
        return date.fromisoformat(checked) < stale_before(today)
    except (TypeError, ValueError):
        return False


def link_problems(source: Source) -> list[Problem]:
    """A ``url`` that names another identifier of the same register than ``identificatie``."""
    problems = []
    for index, basis in enumerate(source.data.get("wettelijke_basis") or []):
        if not isinstance(basis, dict):
            continue
        identifier, url = str(basis.get("identificatie") or ""), str(basis.get("url") or "")
        kind = family(identifier)
        if not kind or not url:
            continue
        named = FAMILIES[kind].search(url)
        if named and named.group(0) != identifier:
            problems.append(Problem(source.path, source.line(("wettelijke_basis", index, "url")),
                f"veld 'wettelijke_basis[{index + 1}].url' verwijst naar {named.group(0)}, maar 'identificatie' is "
                f"{identifier}; maak ze gelijk, of laat 'url' weg: de link wordt dan gemaakt uit de identificatie "
                f"({deep_link(identifier, basis.get('artikel', ''))})"))
    return problems


def stale_warnings(source: Source, today: date) -> list[Problem]:
    """A warning for every legal basis whose ``gecontroleerd`` lies more than ``STALE_MONTHS`` months back."""
    warnings = []
    for index, basis in enumerate(source.data.get("wettelijke_basis") or []):
        if isinstance(basis, dict) and is_stale(str(basis.get("gecontroleerd") or ""), today):
            warnings.append(Problem(source.path, source.line(("wettelijke_basis", index, "gecontroleerd")),
                f"waarschuwing: de wettelijke basis '{basis.get('wet', '')}' is voor het laatst gecontroleerd op "
                f"{basis['gecontroleerd']}, meer dan {STALE_MONTHS} maanden geleden (vandaag is {today.isoformat()}); "
                f"kijk de wettekst na ({link(basis)}) en zet 'gecontroleerd' op de datum van vandaag"))
    return warnings
