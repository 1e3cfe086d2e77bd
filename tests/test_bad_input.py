"""Every kind of bad contributed content is reported as path:line: message, in Dutch, all at once.

A missing field is reported at the first line of the front matter (2).
Line numbers of VALID_CASE: 1 ---, 2 titel, 3 samenvatting, 4 stad, 5 themas, 6 fase, 7 status,
8 periode, 9 start, 10 contact, 11 organisatie, 12 bijgewerkt, 13 ---.
"""

from __future__ import annotations

import pytest

from kennisbank.content.corpus import load_corpus

from .helpers import VALID_CASE, VALID_INSTRUMENT


def case_with(old: str, new: str) -> str:
    assert old in VALID_CASE
    return VALID_CASE.replace(old, new, 1)


TOOLKIT_POINTING_AT_BROKEN_CASE = """---
titel: Proeftoolkit voor de tests
samenvatting: Een toolkit die naar een kapotte casus verwijst, voor de tests.
thema: vastgoed
stappen:
  - titel: Stap een
    toelichting: Doe eerst dit en dan dat.
instrumenten: [proefinstrument]
cases:
  - kapot
bijgewerkt: "2026-01-01"
---
"""

# (name, files to write, expected (path, line, fragment of the message))
BAD_INPUT = [
    ("broken YAML", {"cases/a.md": case_with("titel: Proefcasus in de binnenstad", "titel: [Proefcasus")},
     ("cases/a.md", 3, "ongeldige YAML")),
    ("unclosed front matter", {"cases/a.md": VALID_CASE.rsplit("---", 1)[0]},
     ("cases/a.md", 1, "wordt niet afgesloten")),
    ("no front matter", {"cases/a.md": "## Opgave\n\nAlleen tekst.\n"},
     ("cases/a.md", 1, "de YAML-kop ontbreekt")),
    ("empty file", {"cases/a.md": ""},
     ("cases/a.md", 1, "het bestand is leeg")),
    ("non-UTF-8 bytes", {"cases/a.md": case_with("Proefcasus", "Proefcasus caf\xe9").encode("latin-1")},
     ("cases/a.md", 2, "geen geldige UTF-8")),
    ("BOM keeps line numbers", {"cases/a.md": b"\xef\xbb\xbf" + case_with("fase: groeien", "fase: groei").encode()},
     ("cases/a.md", 6, "'groei' is geen toegestane waarde. Bedoelde u 'groeien'? Toegestaan: 'zaaien', 'groeien', 'oogsten'")),
    ("missing required field", {"cases/a.md": case_with("stad: dordrecht\n", "")},
     ("cases/a.md", 2, "verplicht veld 'stad' ontbreekt")),
    ("wrong type", {"cases/a.md": case_with("themas: [vastgoed]", "themas: vastgoed")},
     ("cases/a.md", 5, "veld 'themas' moet een lijst zijn, maar is een tekst. Schrijf bijvoorbeeld: themas: [vastgoed]")),
    ("unknown enum value", {"cases/a.md": case_with("status: lopend", "status: bezig")},
     ("cases/a.md", 7, "veld 'status': 'bezig' is geen toegestane waarde. Toegestaan: 'gepland', 'lopend', 'afgerond', 'gestopt'")),
    ("unknown reference", {"cases/a.md": case_with("stad: dordrecht", "stad: Dordrecht")},
     ("cases/a.md", 4, "'Dordrecht' bestaat niet in data/steden.yml. Bedoelde u 'dordrecht'?")),
    ("unknown reference in a list", {"cases/a.md": case_with("themas: [vastgoed]", "themas:\n  - vastgoed\n  - financiren")},
     ("cases/a.md", 7, "veld 'themas[2]': 'financiren' bestaat niet in data/themas.yml. Bedoelde u 'financiering'?")),
    ("unknown field", {"cases/a.md": case_with("themas: [vastgoed]", "themas: [vastgoed]\nthema: vastgoed")},
     ("cases/a.md", 6, "onbekend veld 'thema'. Bedoelde u 'themas'?")),
    ("duplicate key", {"cases/a.md": case_with("fase: groeien", "fase: groeien\nfase: oogsten")},
     ("cases/a.md", 7, "veld 'fase' staat er twee keer in")),
    ("bad date", {"cases/a.md": case_with('bijgewerkt: "2026-01-15"', "bijgewerkt: 15-01-2026")},
     ("cases/a.md", 12, "verwacht wordt een datum in de vorm JJJJ-MM-DD")),
    ("tab indentation", {"cases/a.md": case_with('  start: "2024-01"', '\tstart: "2024-01"')},
     ("cases/a.md", 9, "een tab; gebruik spaties")),
    ("invalid file name", {"cases/Mijn Casus.md": VALID_CASE},
     ("cases/Mijn Casus.md", 1, "bestandsnaam 'Mijn Casus.md' is geen geldige id")),
    ("resultaat of another theme", {"cases/a.md": case_with("themas: [vastgoed]", "themas: [vastgoed]\nresultaten: [financiering-2]")},
     ("cases/a.md", 6, "'financiering-2' hoort bij thema 'financiering', dat niet in 'themas' staat")),
    ("oogst outside oogsten", {"cases/a.md": case_with("fase: groeien", "fase: groeien\noogst: 2024-q4")},
     ("cases/a.md", 7, "veld 'oogst' mag alleen bij fase 'oogsten'")),
    ("unknown instrument", {"cases/a.md": case_with("themas: [vastgoed]", "themas: [vastgoed]\ninstrumenten: [wet-bibop]")},
     ("cases/a.md", 6, "verwijst naar instrument 'wet-bibop', maar instrumenten/wet-bibop.md bestaat niet")),
    ("period ends before it starts", {"cases/a.md": case_with('  start: "2024-01"', '  start: "2024-01"\n  eind: "2023-05"')},
     ("cases/a.md", 10, "ligt vóór 'periode.start'")),
    ("reference to an invalid case", {
        "cases/kapot.md": case_with("stad: dordrecht", "stad: atlantis"),
        "instrumenten/proefinstrument.md": VALID_INSTRUMENT,
        "instrumenten/toolkits/proef.md": TOOLKIT_POINTING_AT_BROKEN_CASE},
     ("instrumenten/toolkits/proef.md", 10, "verwijst naar casus 'kapot', maar cases/kapot.md bevat zelf fouten")),
    ("front matter is a list", {"cases/a.md": "---\n- titel\n- stad\n---\n"},
     ("cases/a.md", 2, "de YAML-kop moet bestaan uit regels 'veld: waarde'")),
    ("too short text", {"cases/a.md": case_with("samenvatting: Een korte samenvatting van deze proefcasus voor de tests.",
                                                "samenvatting: Kort.")},
     ("cases/a.md", 3, "veld 'samenvatting' is te kort (5 tekens); minimaal 20 tekens")),
    ("duplicate id in reference data", {"data/werkvormen.yml": "- id: expertteams\n  naam: Expertteams\n"
                                                               "- id: expertteams\n  naam: Nog eens\n"},
     ("data/werkvormen.yml", 3, "id 'expertteams' komt twee keer voor")),
]


@pytest.mark.parametrize("name, files, expected", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_bad_input_is_reported_with_path_and_line(project, name, files, expected):
    for relative, content in files.items():
        project.write(relative, content)
    problems = [(p.path, p.line, p.message) for p in load_corpus(project.root).problems]
    path, line, fragment = expected
    assert any(p[0] == path and p[1] == line and fragment in p[2] for p in problems), problems


def test_bad_file_is_left_out_but_never_silently(project):
    project.write("cases/goed.md", VALID_CASE)
    project.write("cases/fout.md", case_with("fase: groeien", "fase: klaar"))
    corpus = load_corpus(project.root)
    assert list(corpus.cases) == ["goed"]
    assert [p.path for p in corpus.problems] == ["cases/fout.md"]


def test_strict_build_reports_every_problem_at_once_without_traceback(project):
    written = {}
    for name, files, expected in BAD_INPUT:
        if name in ("duplicate id in reference data", "reference to an invalid case"):
            continue  # these change shared files; covered above
        for relative, content in files.items():
            # give every case its own file so that all problems appear in one build
            unique = relative.replace("a.md", f"{name.replace(' ', '-').lower()}.md")
            project.write(unique, content)
            written[unique] = expected
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for path, (_, line, _fragment) in written.items():
        assert f"{path}:{line}: " in output, (path, output[-3000:])
    assert "Aborted with" in output


def test_broken_reference_data_fails_the_build_without_traceback(project):
    project.write("cases/a.md", VALID_CASE)
    project.write("data/themas.yml", "- id: vastgoed\n  naam: [kapot\n")
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "Error" not in output
    assert "data/themas.yml:3: ongeldige YAML: een lijst tussen [ ] wordt niet goed afgesloten" in output
    # the files that use it are named in one line after the data file's own problems (issue 15, item 2)
    assert "data/themas.yml:1: 1 bestand gebruikt waarden uit dit bestand en blijft buiten de site" in output
    assert "cases/a.md" in output.split("data/themas.yml:1: ", 1)[1].splitlines()[0]


def test_a_folder_named_like_a_content_file_is_a_problem_not_a_traceback(project):
    """Git can hold cases/x.md/ as a folder (with a file in it); reading it as a file raised IsADirectoryError."""
    project.write("cases/x.md/foto.png", b"\x89PNG\r\n\x1a\n")
    found = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert found == ["cases/x.md:1: dit is een map, geen bestand; zet de tekst in het bestand cases/x.md en afbeeldingen "
                     "en bijlagen in de map cases/x/ ernaast"]


@pytest.mark.parametrize("path, overview", [
    ("cases/index.md", "het overzicht van de casussen (/cases/)"),
    ("instrumenten/index.md", "het overzicht van de instrumenten (/instrumenten/)"),
    ("instrumenten/toolkits/index.md", "het overzicht van de toolkits (/toolkits/)"),
])
def test_an_item_cannot_take_the_address_of_an_overview(project, path, overview):
    """A case named 'index' made the page /cases/ twice: the build said so about a docs/ file that did not exist."""
    project.write(path, VALID_CASE)
    found = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert f"{path}:1: de naam 'index' is al in gebruik voor {overview}; kies een andere bestandsnaam" in found


def test_a_file_name_with_a_line_break_is_not_a_valid_id(project):
    """'^…$' matches before a final line break: cases/abc<newline>.md passed as id 'abc\\n'."""
    project.write("cases/abc\n.md", VALID_CASE)
    found = [problem.message for problem in load_corpus(project.root, with_dates=False).problems]
    assert found == ["bestandsnaam 'abc\n.md' is geen geldige id: gebruik alleen kleine letters, cijfers en "
                     "koppeltekens, bijvoorbeeld 'abc.md'"]
