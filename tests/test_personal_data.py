"""Personal data guard (issue 15, item 5): nothing private reaches the page or the open data unnoticed."""

from __future__ import annotations

import pytest

from kennisbank.content.corpus import load_corpus
from kennisbank.content.privacy import normalised, text_problems

from .helpers import ROOT, VALID_CASE


@pytest.mark.parametrize("text, fragment", [
    ("Mail jan.jansen@gmail.com", "privé-e-mailadres (gmail.com)"),
    ("Mail info@ziggo.nl", "privé-e-mailadres (ziggo.nl)"),
    ("Mail j.jansen@dordrecht.nl", "lijkt een persoonlijk e-mailadres"),
    ("Mail jan.de.vries@dordrecht.nl", "lijkt een persoonlijk e-mailadres"),
    ("Bel 06-12345678", "lijkt een mobiel nummer"),
    ("Bel 06 1234 5678", "lijkt een mobiel nummer"),
    ("Bel +31 6 12345678", "lijkt een mobiel nummer"),
    ("Bel +31 (0)6 1234 5678", "lijkt een mobiel nummer"),
    ("Bel 0612345678.", "lijkt een mobiel nummer"),
    ("Bel 078-1234567", "is een telefoonnummer"),
    ("Bel (010) 123 45 67", "is een telefoonnummer"),
    ("BSN 123456782", "burgerservicenummer"),
    ("BSN 1234.56.782", "burgerservicenummer"),
])
def test_personal_data_is_found(text, fragment):
    found = text_problems(text, set())
    assert len(found) == 1 and fragment in found[0], found


@pytest.mark.parametrize("text", [
    "Mail binnenstad@dordrecht.nl of team.binnenstad@dordrecht.nl",  # functional
    "Bel 14 078 of 0800-1234567 of 088 123 4567 of 0900-8844",  # municipal, free, company and service numbers
    "Het project kostte € 123.456.782 en 123456789 euro",  # amounts; 123456789 fails the elfproef anyway
    "Van 2023-2027, op 14-06-2023, om 09.00-17.00 uur, postcode 3311 AB, KvK 12345678",
    "Dossier 123456789 (geen elfproef)",
])
def test_functional_addresses_numbers_and_ordinary_figures_pass(text):
    assert text_problems(text, set()) == []


def test_a_confirmed_functional_address_or_number_passes(project):
    project.write("data/functieadressen.yml", "- adres: j.smit-team@dordrecht.nl\n  organisatie: Gemeente Dordrecht\n"
                                              "- adres: 078 770 4911\n  organisatie: Gemeente Dordrecht\n")
    text = VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\nMail j.smit-team@dordrecht.nl of bel 078-7704911.")
    project.write("cases/a.md", text)
    assert load_corpus(project.root, with_dates=False).problems == []
    project.write("cases/a.md", text.replace("078-7704911", "078-7704912"))
    assert ["is een telefoonnummer" in p.message for p in load_corpus(project.root, with_dates=False).problems] == [True]


def test_the_confirmed_list_is_checked_too(project):
    project.write("data/functieadressen.yml", "- adres: x@y.nl\n")
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert problem.path == "data/functieadressen.yml" and "verplicht veld" in problem.message


@pytest.mark.parametrize("naam, person", [
    ("Programmamanager binnenstad", False), ("Team Binnenstad", False), ("Gebiedscoördinator veiligheid", False),
    ("Wethouder Economie", False), ("Jan de Vries", True), ("J.P. de Vries", True), ("dhr. Jansen", True),
    ("Mevr. A. Bakker", True), ("Anne-Marie van den Berg", True),
])
def test_contact_naam_holds_a_function_not_a_person(project, naam, person):
    project.write("cases/a.md", VALID_CASE.replace("  organisatie: Gemeente Dordrecht",
                                                   f"  naam: {naam}\n  organisatie: Gemeente Dordrecht"))
    found = [p for p in load_corpus(project.root, with_dates=False).problems if "lijkt de naam van een persoon" in p.message]
    assert bool(found) == person, found
    if person:
        assert found[0].line == 11 and "Vul een functie in" in found[0].message


def test_fields_and_body_are_both_searched_with_their_lines(project):
    text = VALID_CASE.replace("  organisatie: Gemeente Dordrecht",
                              "  organisatie: Gemeente Dordrecht\n  email: a.bakker@hotmail.com").replace(
        "## Lessen\n\nTekst.", "## Lessen\n\nBel 06-98765432 voor meer.")
    project.write("cases/a.md", text)
    found = load_corpus(project.root, with_dates=False).problems
    assert [p.line for p in found] == [12, 30]
    assert found[0].message.startswith("veld 'contact.email': 'a.bakker@hotmail.com' is een privé-e-mailadres")
    assert found[1].message.startswith("'06-98765432' lijkt een mobiel nummer")


def test_numbers_are_compared_by_their_digits():
    assert normalised("+31 (0)78 770 4911") == normalised("078-7704911") == "0787704911"
    assert normalised("Binnenstad@Dordrecht.NL") == "binnenstad@dordrecht.nl"


def test_the_shipped_list_is_valid_and_the_privacy_texts_explain_consent_and_removal():
    from kennisbank.content.privacy import confirmed_addresses
    assert confirmed_addresses(ROOT)[1] == []
    privacy = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for text in (privacy, contributing):
        assert "toestemming" in text and "AVG" in text and "verwijder" in text.lower()
    assert "functieadressen.yml" in contributing
