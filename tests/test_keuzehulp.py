"""The decision aid: its data checked (schema and instruments, with lines), its outcomes, and its pages."""

from __future__ import annotations

from kennisbank.content import keuzehulp
from kennisbank.content.corpus import load_corpus

from .helpers import instrument, page, search_records

LADDER = {"stimuleren": 1, "faciliteren": 2, "onderhandelen": 3, "reguleren": 4, "afdwingen": 5}
STEPS = {"advies": "stimuleren", "monitor": "faciliteren", "convenant": "onderhandelen", "regel": "reguleren",
         "dwangsom": "afdwingen"}
QUESTIONS = [
    {"id": "probleem", "vraag": "Wat speelt er?", "antwoorden": [
        {"id": "leeg", "antwoord": "Leegstand", "instrumenten": ["dwangsom", "regel", "monitor", "advies"]},
        {"id": "vies", "antwoord": "Verloedering", "instrumenten": ["convenant", "dwangsom"]}]},
    {"id": "eigenaar", "vraag": "Werkt de eigenaar mee?", "antwoorden": [
        {"id": "ja", "antwoord": "Ja", "hoogste_trede": "onderhandelen"},
        {"id": "nee", "antwoord": "Nee", "zonder": ["advies"], "instrumenten": ["convenant"]}]},
]


def test_outcome_is_lightest_first_up_to_the_lowest_ceiling_without_what_an_answer_leaves_out():
    leeg, vies = QUESTIONS[0]["antwoorden"]
    ja, nee = QUESTIONS[1]["antwoorden"]
    assert keuzehulp.outcome(QUESTIONS, (leeg, ja), LADDER, STEPS) == (["advies", "monitor"], ["regel", "dwangsom"], 3)
    assert keuzehulp.outcome(QUESTIONS, (leeg, nee), LADDER, STEPS) == (
        ["monitor", "convenant", "regel", "dwangsom"], [], 5)
    assert keuzehulp.outcome(QUESTIONS, (vies, ja), LADDER, STEPS) == (["convenant"], ["dwangsom"], 3)
    assert len(keuzehulp.routes(QUESTIONS)) == 4


def write(project, text: str) -> list[str]:
    project.write("data/keuzehulp.yml", text)
    project.write("instrumenten/leegstandsverordening.md", instrument(naam="Leegstandsverordening"))
    return [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]


def test_an_unknown_instrument_is_a_problem_with_its_line(project):
    found = write(project, """- id: probleem
  vraag: Wat is het probleem?
  antwoorden:
    - id: leegstand
      antwoord: Leegstand
      instrumenten:
        - leegstandsverordening
        - leegstandverordening
    - id: verloedering
      antwoord: Verloedering
      antwoord_extra: x
""")
    assert any(problem.startswith("data/keuzehulp.yml:11: ") and "onbekend veld" in problem for problem in found), found
    found = write(project, """- id: probleem
  vraag: Wat is het probleem?
  antwoorden:
    - id: leegstand
      antwoord: Leegstand
      instrumenten:
        - leegstandsverordening
        - leegstandverordening
    - id: leegstand
      antwoord: Verloedering
""")
    assert ("data/keuzehulp.yml:8: veld 'instrumenten' van antwoord 'leegstand' noemt instrument "
            "'leegstandverordening', maar instrumenten/leegstandverordening.md bestaat niet of staat niet op de site. "
            "Bedoelde u 'leegstandsverordening'?") in found
    assert "data/keuzehulp.yml:9: antwoord 'leegstand' komt twee keer voor bij vraag 'probleem'" in found


def test_too_many_routes_is_a_problem(project):
    answers = "".join(f"    - {{id: a{n}, antwoord: Antwoord {n}}}\n" for n in range(5))
    questions = "".join(f"- id: v{q}\n  vraag: Vraag nummer {q}?\n  antwoorden:\n{answers}" for q in range(4))
    assert any("de vragen geven 625 routes" in problem for problem in write(project, questions))


def test_an_instrument_cannot_take_the_address_of_the_aid(project):
    project.write("instrumenten/kiezen.md", instrument(naam="Kiezen"))
    found = [str(problem) for problem in load_corpus(project.root, with_dates=False).problems]
    assert "instrumenten/kiezen.md:1: de naam 'kiezen' is al in gebruik voor de keuzehulp (/instrumenten/kiezen/); " \
           "kies een andere bestandsnaam" in found


def test_every_route_has_a_page_and_only_the_start_is_searched(fixture_site, fixture_corpus):
    questions = list(fixture_corpus.reference["keuzehulp"].values())
    routes = keuzehulp.routes(questions)
    pages = sorted(path.parent for path in (fixture_site / "instrumenten/kiezen").rglob("index.html"))
    sizes = [len(question["antwoorden"]) for question in questions]
    expected, width = 1, 1
    for size in sizes:
        width *= size
        expected += width
    assert len(pages) == expected
    for route in routes:
        url = "instrumenten/kiezen/" + "/".join(answer["id"] for answer in route)
        outcome = page(fixture_site, url).select_one("article")
        assert outcome.find(id="passend") is not None, url
    found = [url for url in search_records(fixture_site) if url.startswith("instrumenten/kiezen/")]
    assert found == ["instrumenten/kiezen/"]


def test_an_outcome_names_when_to_use_legal_basis_and_cases(fixture_site):
    outcome = page(fixture_site, "instrumenten/kiezen/verloedering/eigenaar-werkt-niet-mee/gemeente-geen-bezit/plan/"
                                 "urgent").select_one("article")
    items = outcome.select("#passend ~ ol.kb-keuzehulp-uitkomst > li")
    names = [item.h3.get_text().rstrip("¶") for item in items]
    assert "Monitoring van vastgoed, eigendom en leegstand" in names[0]
    steps = [int(item.select_one(".kb-noot").get_text().split()[1]) for item in items]
    assert steps == sorted(steps)  # lightest first
    dwangsom = next(item for item in items if "dwangsom" in item.h3.get_text().lower())
    assert "Wanneer inzetten:" in dwangsom.get_text() and "Wettelijke basis:" in dwangsom.get_text()
    assert dwangsom.find("a", href=lambda href: href and "wetten.overheid.nl" in href) is not None
    assert "Toegepast in:" in dwangsom.get_text() and dwangsom.find("a", href=lambda h: h and "/cases/" in h)
    cooperative = page(fixture_site, "instrumenten/kiezen/verloedering/eigenaar-werkt-mee/gemeente-geen-bezit/plan/"
                                     "urgent").select_one("article")
    assert cooperative.find(id="als-dit-niet-werkt") is not None  # dwang only as the escalation
    assert "dwangsom" in cooperative.find(id="als-dit-niet-werkt").find_next("ol").get_text().lower()


def test_an_unknown_theme_on_an_answer_is_a_problem_with_the_allowed_values(project):
    found = write(project, """- id: probleem
  vraag: Wat is het probleem?
  antwoorden:
    - id: leegstand
      thema: vastgoedd
      antwoord: Leegstand
    - id: verloedering
      antwoord: Verloedering
""")
    problem = next(problem for problem in found if "vastgoedd" in problem)
    assert problem.startswith("data/keuzehulp.yml:5:") and "vastgoed" in problem.replace("vastgoedd", ""), problem
