"""A synthetic but realistic corpus: N cases, N/5 instruments and a few toolkits.

Every file is valid against kennisbank/content/schema/ and every relation points at an id that
exists: the reference ids are read from the project's own data/, so the corpus follows
the data when it changes. Bodies are Dutch, 300-600 words, with the sections a real
case has (Opgave, Aanpak, Resultaten, Lessen). The same seed gives the same corpus.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

STRATEN = [
    "Lange Nieuwstraat", "Voorstraat", "Grote Markt", "Hoogstraat", "Kerkstraat", "Oude Gracht",
    "Vismarkt", "Steenstraat", "Molenstraat", "Breestraat", "Spoorstraat", "Nieuwe Binnenweg",
    "Korte Putstraat", "Herenstraat", "Stationsplein", "Marktplein", "Lombardstraat", "Wijnhaven",
    "Havenkade", "Burchtstraat", "Zuidwal", "Noordeinde", "Westersingel", "Oosterstraat",
]
FUNCTIES = [
    "wonen boven winkels", "kleinschalige horeca", "ambachtelijke bedrijven", "culturele ondernemers",
    "zorg en welzijn", "flexibele werkplekken", "maatschappelijke voorzieningen", "startende retailers",
    "studentenhuisvesting", "een buurtkamer", "pop-upwinkels", "makers en ontwerpers",
]
OPGAVEN = [
    "structurele leegstand", "versnipperd eigendom", "een eenzijdig winkelaanbod", "verloedering van panden",
    "signalen van ondermijning", "hoge huren", "een onrendabele top bij transformatie",
    "een afnemende bezoekersstroom", "verouderde kantoorpanden", "overlast in de avonduren",
]
ACTOREN = [
    "eigenaren", "ondernemers", "bewoners", "de ondernemersvereniging", "beleggers", "makelaars",
    "de politie", "het RIEC", "de provincie", "woningcorporaties", "vastgoedontwikkelaars", "studenten",
]
TITEL_VORMEN = [
    "{functie_hoofd} in de {straat}", "Aanpak van {opgave} in de {straat}", "Nieuwe invulling voor de {straat}",
    "Regie op de plinten van de {straat}", "{straat}: van {opgave} naar {functie}",
    "Samen met {actor} aan de slag in de {straat}", "Transformatie van leegstaande panden aan de {straat}",
]

OPGAVE_ZINNEN = [
    "In de {straat} in {stad} staat al jaren een groot deel van de winkelpanden leeg.",
    "De gemeente ziet dat {opgave} de aantrekkingskracht van de binnenstad aantast.",
    "Het eigendom van de panden is verdeeld over veel partijen, waardoor niemand het initiatief neemt.",
    "Veel {actor} hebben geen zicht op de plannen van de gemeente en wachten af.",
    "De huurprijzen zijn hoog, terwijl de vraag naar winkelruimte daalt.",
    "Er is behoefte aan {functie}, maar de bestaande panden zijn daar niet op ingericht.",
    "Signalen van {opgave} kwamen binnen via wijkagenten en het meldpunt van de gemeente.",
    "De raad vroeg het college om de regie te nemen op de transformatie van het gebied.",
    "Eerdere pogingen om de straat op te knappen liepen vast op gebrek aan samenwerking.",
    "De straat is een belangrijke looproute tussen het station en het centrum.",
    "Bij een aantal panden is de bovenverdieping al jaren niet in gebruik.",
    "De ondernemers in de straat maken zich zorgen over de toekomst van hun zaak.",
]
AANPAK_ZINNEN = [
    "De gemeente bracht eerst per pand in beeld wie de eigenaar is en wat de plannen zijn.",
    "Met {actor} zijn gesprekken gevoerd, eerst één op één en later aan een gezamenlijke tafel.",
    "In een reeks ontwerpateliers is een toekomstbeeld voor de straat gemaakt.",
    "De gemeente zette {instrument} in om de gewenste ontwikkeling te ondersteunen.",
    "Een kwartiermaker kreeg de opdracht om {actor} en de gemeente met elkaar te verbinden.",
    "Voor de financiering werd gekeken naar een revolverend fonds en bijdragen van de provincie.",
    "Samen met {actor} is een convenant opgesteld met afspraken over de invulling van de plinten.",
    "De gemeente paste het omgevingsplan aan zodat {functie} op de verdiepingen mogelijk werd.",
    "Het team gebruikte data over bezoekersaantallen en leegstand om keuzes te onderbouwen.",
    "Een jurist toetste de aanpak aan de Dienstenrichtlijn en de Wet Markt en Overheid.",
    "Via een open oproep konden initiatiefnemers zich melden voor tijdelijke invulling.",
    "De aanpak is afgestemd met andere steden in de City Deal om ervaringen te delen.",
    "Bij twee panden nam de gemeente zelf een eigendomspositie in om de transformatie te versnellen.",
    "Er werd een proef gedaan met {functie} in een leegstaand pand.",
]
RESULTATEN_ZINNEN = [
    "Het aantal leegstaande panden in de {straat} daalde binnen twee jaar met een derde.",
    "Er zijn {aantal} nieuwe woningen boven winkels gerealiseerd.",
    "Een groep van {aantal} eigenaren heeft afspraken gemaakt over de gewenste invulling.",
    "De straat heeft nu een herkenbaar profiel met ruimte voor {functie}.",
    "De gemeente heeft een werkwijze die ze ook in andere straten kan toepassen.",
    "{instrument_hoofd} bleek een bruikbaar middel om {actor} in beweging te krijgen.",
    "De samenwerking tussen de afdelingen economie, ruimte en veiligheid is versterkt.",
    "Een monitor laat per kwartaal zien hoe de straat zich ontwikkelt.",
    "Enkele panden met signalen van {opgave} zijn gesloten of van eigenaar gewisseld.",
    "De kennis uit deze casus is gedeeld op een bijeenkomst van de City Deal.",
]
LESSEN_ZINNEN = [
    "Begin met het gesprek met {actor}: zij kennen de straat het best.",
    "Een kwartiermaker met mandaat werkt sneller dan een overleg zonder eigenaar.",
    "Maak vroeg duidelijk welke rol de gemeente wil nemen en welke niet.",
    "Leg afspraken vast, ook als de samenwerking goed loopt.",
    "Tijdelijke invulling is waardevol, maar vraagt om een plan voor daarna.",
    "Betrek juristen al bij het ontwerp van de aanpak, niet pas aan het eind.",
    "Data helpen om het gesprek over de straat te objectiveren.",
    "Houd rekening met de tijd die eigenaren nodig hebben om een besluit te nemen.",
    "Zonder budget voor de onrendabele top komt transformatie moeilijk op gang.",
    "Deel tussentijdse resultaten, zodat {actor} zien dat er iets verandert.",
]
ROLLEN = ["publiek", "actief-eigenaar", "proactief-verbinder", "sturend"]
INSTRUMENT_BASIS = [
    ("leegstandsverordening", "juridisch", "reguleren", "Leegstandwet", "2"),
    ("transformatiefonds", "financieel", "faciliteren", None, None),
    ("huurkortingsregeling", "financieel", "stimuleren", None, None),
    ("gebiedsconvenant", "organisatorisch", "onderhandelen", None, None),
    ("voorkeursrecht", "juridisch", "reguleren", "Wet voorkeursrecht gemeenten", "2"),
    ("branchebepaling", "ruimtelijk", "reguleren", "Omgevingswet", "4.2"),
    ("leegstandsmonitor", "informatief", "stimuleren", None, None),
    ("bedrijveninvesteringszone", "financieel", "faciliteren", "Wet op de bedrijveninvesteringszones", "3"),
    ("bestuurlijke boete", "juridisch", "afdwingen", "Algemene wet bestuursrecht", "5:40"),
    ("Bibob-toets", "juridisch", "afdwingen", "Wet Bibob", "3"),
    ("kwartiermaker", "organisatorisch", "faciliteren", None, None),
    ("erfpachtvoorwaarde", "juridisch", "onderhandelen", "Burgerlijk Wetboek Boek 5", "85"),
]
INSTRUMENT_VARIANT = ["Gebiedsgerichte", "Regionale", "Tijdelijke", "Gemeentelijke", "Gezamenlijke", "Vernieuwde",
                      "Digitale", "Stedelijke", "Wijkgerichte", "Collectieve"]
INSTRUMENT_SECTIES = {
    "Wat het is": [
        "Met dit instrument kan de gemeente {actor} aanspreken op het gebruik van hun pand.",
        "Het instrument geeft de gemeente een formele rol bij {opgave}.",
        "Het gaat om een regeling die de gemeente zelf vaststelt en uitvoert.",
        "Het instrument is ontwikkeld in de City Deal en getest in meerdere steden.",
        "De gemeente legt vast welke functies in een gebied gewenst zijn, zoals {functie}.",
    ],
    "Wanneer inzetten": [
        "Zet het in als het gesprek met {actor} niet tot resultaat leidt.",
        "Het werkt het best in een afgebakend gebied met een duidelijke opgave.",
        "Gebruik het samen met een gebiedsvisie, zodat de keuzes te onderbouwen zijn.",
        "Het is geschikt bij {opgave} die al langer dan een jaar duurt.",
    ],
    "Aandachtspunten": [
        "Zorg voor een zorgvuldige belangenafweging en leg die vast in het besluit.",
        "Houd rekening met de Dienstenrichtlijn als het instrument de vestiging van ondernemers raakt.",
        "Het instrument vraagt capaciteit voor uitvoering en handhaving.",
        "Informeer {actor} tijdig, zodat het instrument niet als verrassing komt.",
    ],
}


@dataclass
class Reference:
    """The ids in the project's data/ that synthetic content may point at."""

    steden: dict[str, str]
    themas: dict[str, list[str]]  # thema -> its resultaten
    partners: dict[str, str]  # partner id -> stad (or "")
    ijkmomenten: list[str]
    inzichten: list[str]
    onderwerpen: list[str]
    werkvormen: list[str]
    citydeals: list[str]

    @classmethod
    def read(cls, root: Path) -> Reference:
        def items(name):
            return yaml.safe_load((root / "data" / f"{name}.yml").read_text(encoding="utf-8"))
        return cls(
            steden={item["id"]: item["naam"] for item in items("steden")},
            themas={item["id"]: [r["id"] for r in item["resultaten"]] for item in items("themas")},
            partners={item["id"]: item.get("stad", "") for item in items("partners")},
            ijkmomenten=[item["id"] for item in items("ijkmomenten")],
            inzichten=[item["id"] for item in items("inzichten")],
            onderwerpen=[item["id"] for item in items("onderwerpen")],
            werkvormen=[item["id"] for item in items("werkvormen")],
            citydeals=[item["id"] for item in items("citydeals")],
        )


def _slug(text: str) -> str:
    import re
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _fill(rng: random.Random, sentence: str, **fixed) -> str:
    values = {
        "straat": rng.choice(STRATEN), "stad": "", "opgave": rng.choice(OPGAVEN), "functie": rng.choice(FUNCTIES),
        "actor": rng.choice(ACTOREN), "aantal": rng.randint(3, 40), "instrument": "een bestaand instrument",
        **fixed,
    }
    values["instrument_hoofd"] = values["instrument"][:1].upper() + values["instrument"][1:]
    values["functie_hoofd"] = values["functie"][:1].upper() + values["functie"][1:]
    return sentence.format(**values)


def _paragraphs(rng: random.Random, bank: list[str], sentences: int, **fixed) -> str:
    chosen = [_fill(rng, rng.choice(bank), **fixed) for _ in range(sentences)]
    middle = max(1, len(chosen) // 2)
    return " ".join(chosen[:middle]) + "\n\n" + " ".join(chosen[middle:])


def _bullets(rng: random.Random, bank: list[str], count: int, **fixed) -> str:
    return "\n".join(f"- {_fill(rng, sentence, **fixed)}" for sentence in rng.sample(bank, count))


def case_body(rng: random.Random, stad: str, straat: str, instrument: str) -> str:
    """Opgave, Aanpak, Resultaten, Lessen: about 300-600 words."""
    fixed = {"stad": stad, "straat": straat, "instrument": instrument}
    return (
        "## Opgave\n\n" + _paragraphs(rng, OPGAVE_ZINNEN, rng.randint(6, 11), **fixed) + "\n\n"
        "## Aanpak\n\n" + _paragraphs(rng, AANPAK_ZINNEN, rng.randint(9, 17), **fixed) + "\n\n"
        "## Resultaten\n\n" + _bullets(rng, RESULTATEN_ZINNEN, rng.randint(4, 7), **fixed) + "\n\n"
        "## Lessen\n\n" + _bullets(rng, LESSEN_ZINNEN, rng.randint(4, 7), **fixed) + "\n"
    )


def _month(rng: random.Random, first_year: int = 2023, last_year: int = 2026) -> str:
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}"


def _front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def write_instruments(root: Path, reference: Reference, count: int, seed: int) -> list[str]:
    folder = root / "instrumenten"
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    themas = list(reference.themas)
    for number in range(1, count + 1):
        rng = _random(seed, "instrument", number)
        basis, soort, sturing, wet, artikel = INSTRUMENT_BASIS[number % len(INSTRUMENT_BASIS)]
        variant = INSTRUMENT_VARIANT[(number // len(INSTRUMENT_BASIS)) % len(INSTRUMENT_VARIANT)]
        naam = f"{variant} {basis} {number}"
        slug = _slug(naam)
        chosen = rng.sample(themas, rng.randint(1, 2))
        data = {
            "naam": naam,
            "samenvatting": _fill(rng, f"Met de {variant.lower()} {basis} stuurt de gemeente op {{opgave}} "
                                       "en maakt ruimte voor {functie}."),
            "soort": soort, "sturing": sturing,
            "rol_gemeente": rng.sample(ROLLEN, rng.randint(1, 2)),
            "themas": chosen,
            "status": rng.choice(["bestaand", "verbeterd", "nieuw", "aanbeveling-wetswijziging"]),
            "resultaten": [rng.choice(reference.themas[thema]) for thema in chosen],
            "onderwerpen": rng.sample(reference.onderwerpen, rng.randint(1, 3)),
            "bijgewerkt": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            "bronnen": [{"titel": f"Bron bij {naam}", "url": f"https://example.org/bronnen/{slug}",
                         "geraadpleegd": "2026-10-01"}],
        }
        if wet:
            identifier = f"BWBR{zlib.crc32(slug.encode()) % 10_000_000:07d}"  # stable, and leaves rng's sequence alone
            data["wettelijke_basis"] = [{"wet": wet, "artikel": artikel, "identificatie": identifier,
                                         "gecontroleerd": "2026-10-01"}]
        if rng.random() < 0.3:
            data["citydeals"] = rng.sample(reference.citydeals, 1)
        body = "".join(f"## {heading}\n\n" + _paragraphs(rng, bank, rng.randint(4, 7)) + "\n\n"
                       for heading, bank in INSTRUMENT_SECTIES.items())
        (folder / f"{slug}.md").write_text(_front_matter(data) + body, encoding="utf-8")
        ids.append(slug)
    return ids


def write_cases(root: Path, reference: Reference, count: int, instruments: list[str], seed: int) -> list[str]:
    folder = root / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    steden = list(reference.steden)
    themas = list(reference.themas)
    ids = []
    for number in range(1, count + 1):
        rng = _random(seed, "casus", number)
        stad = steden[number % len(steden)] if rng.random() < 0.8 else rng.choice(steden)
        straat = rng.choice(STRATEN)
        chosen_themas = rng.sample(themas, rng.choice([1, 1, 2, 2, 3]))
        fase = rng.choice(["zaaien", "groeien", "groeien", "oogsten"])
        status = {"zaaien": rng.choice(["gepland", "lopend"]), "groeien": rng.choice(["lopend", "lopend", "gestopt"]),
                  "oogsten": "afgerond"}[fase]
        start = _month(rng, 2023, 2025)
        own_partner = [p for p, s in reference.partners.items() if s == stad]
        other_partners = [p for p, s in reference.partners.items() if not s]
        existing = _available(instruments, number, 5)  # N/5 instruments: one written per five cases
        used = rng.sample(existing, min(len(existing), rng.randint(1, 4)))
        titel = _fill(rng, rng.choice(TITEL_VORMEN), straat=straat) + f" ({reference.steden[stad]}, {number})"
        data = {
            "titel": titel,
            "samenvatting": _fill(rng, "De gemeente {stad} pakt {opgave} in de {straat} aan samen met {actor}, "
                                       "met ruimte voor {functie}.", stad=reference.steden[stad], straat=straat),
            "stad": stad,
            "themas": chosen_themas,
            "fase": fase,
            "status": status,
            "periode": {"start": start},
            "partners": own_partner + rng.sample(other_partners, rng.randint(0, 2)),
            "rol_gemeente": rng.sample(ROLLEN, rng.randint(1, 2)),
            "instrumenten": used,
            "resultaten": sorted({rng.choice(reference.themas[thema]) for thema in chosen_themas}),
            "inzichten": rng.sample(reference.inzichten, rng.randint(0, 2)),
            "onderwerpen": rng.sample(reference.onderwerpen, rng.randint(1, 4)),
            "werkvormen": rng.sample(reference.werkvormen, rng.randint(1, 3)),
            "contact": {"naam": "Programmamanager binnenstad", "organisatie": f"Gemeente {reference.steden[stad]}"},
            "bijgewerkt": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
        }
        if status in ("afgerond", "gestopt"):
            data["periode"]["eind"] = f"{min(int(start[:4]) + rng.randint(1, 2), 2026)}-{start[5:]}"
        if rng.random() < 0.2:
            data["citydeals"] = rng.sample(reference.citydeals, 1)
        if fase == "oogsten":
            data["oogst"] = rng.choice(reference.ijkmomenten)
        if fase == "oogsten" or rng.random() < 0.5:  # the evaluation: required from oogsten on (issue 16)
            data.update(evaluation(rng, reference.steden[stad], used))
        body = case_body(rng, reference.steden[stad], straat, f"de {used[0].replace('-', ' ')}")
        slug = _slug(titel)
        (folder / f"{slug}.md").write_text(_front_matter(data) + body, encoding="utf-8")
        ids.append(slug)
    return ids


def evaluation(rng: random.Random, city: str, instruments: list[str]) -> dict:
    """Succesfactoren, knelpunten, kosten, juridische aspecten and overdraagbaarheid of a generated case."""
    low = rng.randint(2, 40) * 10000
    costs: dict = ({"bedrag": low} if rng.random() < 0.5 else {"bedrag_min": low, "bedrag_max": low + 100000})
    costs["betaald_door"] = [f"Gemeente {city}"] + (["Rijk (Volkshuisvestingsfonds)"] if rng.random() < 0.3 else [])
    return {
        "succesfactoren": rng.sample(["Een vaste projectleider kende de eigenaren persoonlijk.",
                                      "Een actuele monitor liet zien welke panden de sleutel waren.",
                                      "Ondernemers en eigenaren zaten vanaf het begin aan tafel."], 2),
        "knelpunten": rng.sample(["Eigenaren waren moeilijk te bereiken.", "De businesscase sloot maar net.",
                                  "Juridische vragen vertraagden de aanpak."], 1),
        "kosten": costs,
        "juridische_aspecten": {"tekst": "De gemeente legde de juridische grondslag vooraf vast.",
                                "instrumenten": instruments[:1]},
        "overdraagbaarheid": {"voorwaarden": ["Een actuele monitor van vastgoed en leegstand."],
                              "stadsgrootte": rng.sample(["klein", "middelgroot", "groot"], 2),
                              "capaciteit": "Een projectleider twee dagen per week."},
    }


def write_toolkits(root: Path, reference: Reference, count: int, instruments: list[str], cases: list[str],
                   seed: int) -> None:
    folder = root / "instrumenten" / "toolkits"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        rng = _random(seed, "toolkit", number)
        thema = list(reference.themas)[number % len(reference.themas)]
        existing = _available(instruments, 100 * number, 5)  # one toolkit per hundred cases
        written = _available(cases, 100 * number, 1)
        chosen = rng.sample(existing, min(len(existing), rng.randint(3, 6)))
        data = {
            "titel": f"Toolkit {thema.replace('-', ' ')} {number}",
            "samenvatting": "Een stappenplan voor gemeenten, van verkennen en het gesprek met eigenaren tot "
                            "regelgeving en handhaving.",
            "thema": thema,
            "stappen": [{"titel": f"Stap {i + 1}", "toelichting": _fill(rng, rng.choice(AANPAK_ZINNEN)),
                         "instrumenten": [instrument]} for i, instrument in enumerate(chosen)],
            "instrumenten": chosen,
            "cases": rng.sample(written, min(len(written), rng.randint(2, 6))),
            "bijgewerkt": "2026-11-01",
        }
        body = "## Voor wie\n\n" + _paragraphs(rng, OPGAVE_ZINNEN, 4) + "\n"
        (folder / f"toolkit-{number}.md").write_text(_front_matter(data) + body, encoding="utf-8")


def generate(root: Path, cases: int, instruments: int | None = None, seed: int = 2026) -> dict[str, int]:
    """Write cases/, instrumenten/ and instrumenten/toolkits/ under ``root`` (which has data/).

    A larger corpus holds the smaller one: case, instrument and toolkit number n are the same at
    any size (each has its own random generator, and uses only what was written before it, as a
    knowledge base that grows over time would). So a page that does not grow with the corpus has
    the same size at 1,000 and 2,000 cases, and the bench can compare them page by page.
    """
    reference = Reference.read(root)
    instrument_ids = write_instruments(root, reference, instruments if instruments is not None else max(1, cases // 5),
                                       seed)
    case_ids = write_cases(root, reference, cases, instrument_ids, seed)
    toolkits = max(1, cases // 100)
    write_toolkits(root, reference, toolkits, instrument_ids, case_ids, seed)
    write_keuzehulp(root, instrument_ids, random.Random(seed + 1))
    return {"cases": len(case_ids), "instruments": len(instrument_ids), "toolkits": toolkits}


def _random(seed: int, kind: str, number: int) -> random.Random:
    """The generator of one item: the same for item n at any size of the corpus."""
    return random.Random(f"{seed}-{kind}-{number}")


def _available(items: list[str], number: int, per: int) -> list[str]:
    """What item ``number`` of its kind may point at: what existed when it was written (one per ``per``)."""
    return items[: max(1, min(len(items), number // per))]


def write_keuzehulp(root: Path, instruments: list[str], rng: random.Random) -> None:
    """data/keuzehulp.yml with the site's questions, its answers naming generated instruments (64 routes); the
    first twenty, which a corpus of 100 cases or more has."""
    instruments = instruments[:20]
    path = root / "data" / "keuzehulp.yml"
    questions = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    for question in questions:
        for answer in question["antwoorden"]:
            for key in ("instrumenten", "zonder"):
                if key in answer:
                    answer[key] = rng.sample(instruments, min(len(instruments), len(answer[key])))
            if "zonder" in answer and "instrumenten" in answer:
                answer["zonder"] = [i for i in answer["zonder"] if i not in answer["instrumenten"]]
    path.write_text(yaml.safe_dump(questions, allow_unicode=True, sort_keys=False), encoding="utf-8")
