"""The graph: both directions of every relation, coverage and related cases."""

from kennisbank.content.corpus import load_corpus
from kennisbank.graph import TAXONOMY, Graph

from .helpers import case, instrument, toolkit


def write_corpus(project):
    project.write("instrumenten/proefinstrument.md", instrument(resultaten=["vastgoed-2"]))
    project.write("cases/a.md", case(instrumenten=["proefinstrument"], resultaten=["vastgoed-1"]))
    project.write("cases/b.md", case(stad="utrecht", instrumenten=["proefinstrument"]))
    project.write("cases/c.md", case(themas=["financiering"]))
    project.write("instrumenten/toolkits/t.md", toolkit(cases=["a"]))
    corpus = load_corpus(project.root)
    assert corpus.problems == []
    return Graph(corpus)


def test_backlinks_are_computed(project):
    graph = write_corpus(project)
    corpus = graph.corpus
    instrument = corpus.instrumenten["proefinstrument"]
    assert [c.id for c in graph.linking_to(instrument, "casus")] == ["a", "b"]
    assert [t.id for t in graph.linking_to(corpus.cases["a"], "toolkit")] == ["t"]
    assert [t.id for t in graph.linking_to(instrument, "toolkit")] == ["t"]


def test_term_pages_know_their_items(project):
    graph = write_corpus(project)
    assert [e.id for e in graph.items_with(TAXONOMY["steden"], "dordrecht")] == ["a", "c"]
    assert {e.id for e in graph.items_with(TAXONOMY["themas"], "vastgoed")} == {"a", "b", "proefinstrument", "t"}
    assert graph.label(TAXONOMY["status"], "lopend") == "Lopend"


def test_coverage_of_beoogde_resultaten(project):
    graph = write_corpus(project)
    cases, instruments = graph.coverage("vastgoed-1")
    assert [c.id for c in cases] == ["a"] and instruments == []
    cases, instruments = graph.coverage("vastgoed-2")
    assert cases == [] and [i.id for i in instruments] == ["proefinstrument"]
    assert graph.coverage("financiering-3") == ([], [])


def test_related_cases_share_the_most_first(project):
    graph = write_corpus(project)
    corpus = graph.corpus
    assert [c.id for c in graph.related_cases(corpus.cases["a"])] == ["b"]  # c shares nothing
    assert graph.related_cases(corpus.cases["c"]) == []
