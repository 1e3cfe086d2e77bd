"""Personal data guard: no private e-mail addresses, phone numbers or BSNs on the site or in the open data.

Everything a contributor writes is published twice: on the page and, under CC BY, in the open
data. The privacy page promises no personal data, so the check looks, in every field and every
line of the text, for

- e-mail addresses at a free-mail or internet provider (gmail.com, ziggo.nl, …), and addresses
  that look like a person's (``jan.jansen@…``, ``j.jansen@…``);
- Dutch phone numbers: mobile (06, +31 6) always, other numbers unless they are a general
  number of the organisation (service numbers 0800/0900/088/085 and 14 0xx pass);
- nine-digit numbers that pass the elfproef, as a BSN does;
- a person's name in ``contact.naam``, which holds a function ("Programmamanager binnenstad").

A functional address or general number that looks personal is confirmed, once, in
``data/functieadressen.yml`` (``adres`` and ``organisatie``, reviewed like all reference data);
then it passes everywhere. Each finding is a problem like any other, so ``--strict`` fails on it.
"""

from __future__ import annotations

import re
from pathlib import Path

from kennisbank.content.body import Body
from kennisbank.content.problems import Problem
from kennisbank.content.read import Source, read_yaml
from kennisbank.content.validate import schema_problems

CONFIRMED_FILE = "data/functieadressen.yml"

FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.com", "live.nl",
    "msn.com", "yahoo.com", "yahoo.nl", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.com",
    "gmx.net", "gmx.de", "proton.me", "protonmail.com", "pm.me", "mail.com", "ziggo.nl", "kpnmail.nl",
    "kpnplanet.nl", "planet.nl", "home.nl", "hetnet.nl", "xs4all.nl", "quicknet.nl", "zeelandnet.nl", "chello.nl",
    "casema.nl", "upcmail.nl", "tele2.nl", "online.nl", "freeler.nl", "telfort.nl", "caiway.nl", "solcon.nl",
    "delta.nl", "kabelfoon.nl", "onsbrabantnet.nl", "tiscali.nl", "wxs.nl", "t-mobilethuis.nl", "vodafonethuis.nl",
})
# Words that make an address or a contact a function, not a person.
FUNCTION_WORDS = frozenset({
    "info", "informatie", "contact", "secretariaat", "team", "afdeling", "binnenstad", "centrum", "programma",
    "project", "projecten", "servicedesk", "helpdesk", "communicatie", "pers", "redactie", "post", "mail",
    "noreply", "kennisbank", "citydeal", "gemeente", "loket", "economie", "vastgoed", "ondermijning", "veiligheid",
    "wonen", "retail", "ondernemers", "ondernemersloket", "bedrijven", "bestuur", "beleid", "ruimte", "stad",
    "stadsontwikkeling", "gebied", "gebiedsontwikkeling", "transformatie", "leegstand", "handhaving", "riec",
    "klantcontact", "balie", "algemeen", "office", "support", "hallo", "vragen", "aanmelden", "bureau",
})
ROLE_WORDS = re.compile(
    r"manager|leider|co[öo]rdinator|adviseur|medewerker|team|afdeling|programma|project|secretariaat|beleid|"
    r"regisseur|kwartiermaker|directeur|wethouder|burgemeester|specialist|officier|consulent|bureau|loket|"
    r"functionaris|contactpersoon|aanspreekpunt|ontwikkelaar|strateeg|onderzoeker|jurist|planner|"
    r"eigenaar|makelaar|voorzitter|secretaris|trekker|expert|analist|gemeente|ministerie|afdeling|"
    r"binnenstad|centrum|economie|vastgoed|ondermijning|veiligheid|wonen|handhaving|toezicht",
    re.I)

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.\-]*(?:\(0\)[\s.\-]*)?|\(?0)\d(?:[\s.\-)]{0,2}\d){8}(?![\d])")
BSN = re.compile(r"(?<![\d.,\-/])(?:\d{9}|\d{3}[.\s]\d{3}[.\s]\d{3}|\d{4}[.\s]\d{2}[.\s]\d{3})(?![\d,]|\.\d)")
SERVICE_NUMBERS = ("0800", "0900", "0906", "0909", "085", "088", "097", "091")
PERSON_TITLE = re.compile(r"(?:^|\s)(?:dhr|mevr|mw|mr|drs|ir|dr|ing|prof)\.?\s", re.I)
INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.\s?)+(?:(?:van|de|der|den|te|ter|ten)\s+)*[A-Z][a-z]")
FULL_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:van|de|der|den|te|ter|ten|het|in|'t|la|le|du|da|von|op|uit))*"
                       r"\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def normalised(address: str) -> str:
    """An e-mail address in lower case, a phone number as its ten digits (0…)."""
    address = address.strip()
    if "@" in address:
        return address.lower()
    digits = re.sub(r"\D", "", address.replace("(0)", ""))
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and address.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    return digits


def confirmed_addresses(root: Path) -> tuple[set[str], list[Problem]]:
    """The functional addresses and numbers confirmed in data/functieadressen.yml (normalised)."""
    path = root / CONFIRMED_FILE
    if not path.exists() and not path.is_symlink():  # a link is refused by read_yaml
        return set(), []
    source, problems = read_yaml(path, CONFIRMED_FILE)
    if source.data is None and not problems:
        return set(), []
    problems = problems or schema_problems(source, "referentie", "functieadressen")
    if problems:
        return set(), problems
    return {normalised(item["adres"]) for item in source.data}, []


def _email_problem(address: str, confirmed: set[str]) -> str | None:
    if address.lower() in confirmed:
        return None
    local, _, domain = address.lower().partition("@")
    if domain in FREE_MAIL:
        return (f"'{address}' is een privé-e-mailadres ({domain}); de kennisbank publiceert geen privégegevens "
                "(AVG). Gebruik een functieadres van de organisatie, zoals binnenstad@gemeente.nl")
    parts = re.split(r"[._-]", local)
    if any(part in FUNCTION_WORDS for part in parts):
        return None
    if len(parts) >= 2 and all(part.isalpha() for part in parts):
        return (f"'{address}' lijkt een persoonlijk e-mailadres (voornaam.achternaam); gebruik een functieadres, "
                f"zoals binnenstad@{domain}. Is dit toch een functieadres? Zet het dan in {CONFIRMED_FILE}")
    return None


def _phone_problem(number: str, confirmed: set[str]) -> str | None:
    digits = normalised(number)
    if len(digits) != 10 or not digits.startswith("0") or digits in confirmed:
        return None
    if digits.startswith(SERVICE_NUMBERS):
        return None
    if digits.startswith("06"):
        return (f"'{number.strip()}' lijkt een mobiel nummer; de kennisbank publiceert geen privégegevens (AVG). "
                "Noem een functie met een functieadres of een algemeen nummer van de organisatie")
    return (f"'{number.strip()}' is een telefoonnummer; noem alleen een algemeen nummer van de organisatie, en zet "
            f"het dan in {CONFIRMED_FILE} zodat de controle weet dat het geen persoonlijk nummer is")


def _elfproef(digits: str) -> bool:
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def _bsn_problem(text: str, start: int, number: str) -> str | None:
    digits = re.sub(r"\D", "", number)
    before, after = text[max(0, start - 4):start], text[start + len(number):start + len(number) + 6].lower()
    if "€" in before or after.strip().startswith(("euro", "eur")) or not _elfproef(digits):
        return None
    return (f"'{number}' lijkt een burgerservicenummer (negen cijfers die de elfproef doorstaan); een BSN hoort "
            "nooit in de kennisbank. Haal het weg; is het een ander nummer, noem dan wat het is of laat het weg")


def text_problems(text: str, confirmed: set[str]) -> list[str]:
    """What looks like personal data in one piece of text."""
    found = []
    for match in EMAIL.finditer(text):
        message = _email_problem(match.group(0).rstrip("."), confirmed)
        if message:
            found.append(message)
    without_mail = EMAIL.sub(lambda match: " " * len(match.group(0)), text)
    for match in PHONE.finditer(without_mail):
        message = _phone_problem(match.group(0), confirmed)
        if message:
            found.append(message)
    for match in BSN.finditer(without_mail):
        message = _bsn_problem(without_mail, match.start(), match.group(0))
        if message:
            found.append(message)
    return found


def _strings(value, location=()):
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, location + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, location + (index,))


def _looks_like_a_name(text: str) -> bool:
    text = " ".join(text.split())
    if ROLE_WORDS.search(text):
        return False
    return bool(PERSON_TITLE.search(" " + text) or INITIALS.search(" " + text) or FULL_NAME.match(text))


def personal_data_problems(source: Source, body: Body | None, confirmed: set[str]) -> list[Problem]:
    """Every field and every line of the body that looks like personal data."""
    problems = []
    if isinstance(source.data, dict):
        for location, text in _strings(source.data):
            name = ".".join(str(part) for part in location)
            for message in text_problems(text, confirmed):
                problems.append(Problem(source.path, source.line(location), f"veld '{name}': {message}"))
        contact = source.data.get("contact")
        if isinstance(contact, dict) and isinstance(contact.get("naam"), str) and _looks_like_a_name(contact["naam"]):
            problems.append(Problem(source.path, source.line(("contact", "naam")),
                f"veld 'contact.naam': '{contact['naam']}' lijkt de naam van een persoon. Vul een functie in, zoals "
                "'Programmamanager binnenstad': die blijft kloppen als iemand vertrekt, en de kennisbank publiceert "
                "geen namen van personen (AVG)"))
    if body is not None:
        for number, line in enumerate(body.text.split("\n")):
            for message in text_problems(line, confirmed):
                problems.append(Problem(source.path, body.first_line + number, message))
    return problems
