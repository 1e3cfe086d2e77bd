"""What keeps builds fast, checked without timing anything.

- Generated pages stay out of the navigation: MkDocs renders the nav into every page, so a
  nav that grows with the content makes the build quadratic.
- In ``mkdocs serve`` an edit to one case renders that case's page again and every list that
  shows it, re-uses the rest (kennisbank/rendercache.py), and the result is the same site a
  fresh build makes.
- The benchmark's synthetic corpus (bench/corpus.py) is valid content.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from bench.corpus import generate
from kennisbank.content.corpus import load_corpus
from kennisbank.integration import rendercache
from kennisbank.integration.plugin import Kennisbank

from .test_search_index import fragments

SERVE_URL = "http://127.0.0.1:8000/kennisbank/"


def nav_links(html: str) -> set[str]:
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    return {a["href"] for a in nav.find_all("a", href=True)}


def test_synthetic_corpus_is_valid_content(project):
    counts = generate(project.root, 40)
    corpus = load_corpus(project.root)
    assert corpus.problems == []
    assert (len(corpus.cases), len(corpus.instrumenten), len(corpus.toolkits)) == (40, 8, 1) == tuple(counts.values())
    for case in corpus.cases.values():
        headings = re.findall(r"^## (.+)$", case.body, re.MULTILINE)
        assert headings == ["Opgave", "Aanpak", "Resultaten", "Lessen"]
        assert 250 <= len(case.body.split()) <= 650


def test_generated_detail_pages_are_not_in_the_navigation(project):
    generate(project.root, 12)
    small = project.build()
    assert small.returncode == 0, small.stdout + small.stderr
    small_nav = nav_links((project.site / "index.html").read_text(encoding="utf-8"))

    for folder in ("cases", "instrumenten"):
        shutil.rmtree(project.root / folder)
    generate(project.root, 36, seed=7)  # three times the content
    large = project.build()
    assert large.returncode == 0, large.stdout + large.stderr
    detail = re.compile(r"^(\.\./)*(cases|instrumenten|toolkits|steden|themas|fasen|onderwerpen|partners)/"
                        r"(?!kiezen/$)[a-z0-9-]+/$")  # /instrumenten/kiezen/ is the decision aid, in the nav
    for page in ("index.html", next((project.site / "cases").glob("*/index.html")).relative_to(project.site)):
        links = nav_links((project.site / page).read_text(encoding="utf-8"))
        assert not [href for href in links if detail.match(href)], page
    large_nav = nav_links((project.site / "index.html").read_text(encoding="utf-8"))
    assert large_nav == small_nav  # the nav does not grow with the content


def _build(root: Path, site: Path):
    """One build as `mkdocs serve` runs it (same process, serve URL), returning the render log."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    return rendercache.last_build()


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")
            if "assets" not in p.relative_to(site).parts}


def _search_entries(site: Path) -> list[str]:
    """The search records as Pagefind stored them (url, text, meta, sections)."""
    return sorted(json.dumps({key: record[key] for key in ("url", "content", "meta", "anchors")}, sort_keys=True)
                  for record in fragments(site).values())


def _assert_like_a_fresh_build(root: Path, served: Path, tmp_path: Path) -> Path:
    """The preview is the site a fresh build makes: same pages, same search entries; returns the fresh site."""
    rendercache.enable(False)
    fresh = tmp_path / "fresh"
    _build(root, fresh)
    assert _pages(served) == _pages(fresh)
    assert _search_entries(served) == _search_entries(fresh)
    return fresh


@pytest.fixture
def serve_mode(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rendercache.enable(True)
    yield
    rendercache.enable(False)
    logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def test_an_edit_rebuilds_the_case_and_its_lists_and_reuses_the_rest(project, serve_mode, tmp_path, monkeypatch):
    generate(project.root, 30)
    monkeypatch.chdir(project.root)
    served = tmp_path / "served"
    first = _build(project.root, served)
    assert first["reused"] == []  # the first build renders everything

    # the case updated last: every list that shows the newest few shows it
    case = max(sorted((project.root / "cases").glob("*.md")), key=lambda path: _front(path)[0]["bijgewerkt"])
    text = case.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    case.write_text(text.replace(f"titel: {meta['titel']}", "titel: Herziene titel van de proefcasus", 1)
                    .replace(f"samenvatting: {meta['samenvatting']}", "samenvatting: Een nieuwe samenvatting "
                             "die alleen na de bewerking bestaat.", 1), encoding="utf-8")
    second = _build(project.root, served)

    lists = {f"cases/{case.stem}.md", "cases/index.md", f"steden/{meta['stad']}.md", f"fasen/{meta['fase']}.md",
             *(f"themas/{thema}.md" for thema in meta["themas"]),
             *(f"instrumenten/{instrument}.md" for instrument in meta["instrumenten"])}
    assert lists <= set(second["rendered"])
    other_city = next(uri for uri in second["reused"] if uri.startswith("steden/") and uri != "steden/index.md")
    assert len(second["reused"]) > len(second["rendered"])  # most pages were not rendered again
    for uri in lists - {f"cases/{case.stem}.md"}:
        page = served / uri.replace(".md", "/index.html").replace("/index/index.html", "/index.html")
        assert "Herziene titel van de proefcasus" in page.read_text(encoding="utf-8"), uri
    assert "Herziene titel" not in (served / other_city.replace(".md", "/index.html")).read_text(encoding="utf-8")

    # The preview is the site a fresh build makes: same pages, same search entries.
    fresh = _assert_like_a_fresh_build(project.root, served, tmp_path)
    assert os.listdir(served) and sorted(os.listdir(served)) == sorted(os.listdir(fresh))


def test_an_edit_of_a_text_makes_only_that_items_page_again(project, serve_mode, tmp_path, monkeypatch):
    generate(project.root, 30)
    monkeypatch.chdir(project.root)
    served = tmp_path / "served"
    _build(project.root, served)
    case = sorted((project.root / "cases").glob("*.md"))[4]
    case.write_text(case.read_text(encoding="utf-8") + "\nEen alinea die alleen na de bewerking bestaat.\n",
                    encoding="utf-8")
    _build(project.root, served)
    assert Kennisbank.instance().kept.made == [f"cases/{case.stem}.md", f"vergelijk/{case.stem}.json"]
    assert "Een alinea die alleen na de bewerking bestaat." in (
        served / "cases" / case.stem / "index.html").read_text(encoding="utf-8")

    _assert_like_a_fresh_build(project.root, served, tmp_path)


def test_a_case_that_becomes_invalid_leaves_the_preview_like_a_fresh_build(project, serve_mode, tmp_path, monkeypatch):
    generate(project.root, 30)
    monkeypatch.chdir(project.root)
    served = tmp_path / "served"
    _build(project.root, served)
    case = sorted((project.root / "cases").glob("*.md"))[5]
    project.write("cases/al-kapot.md", "")  # a preview that already shows the problem banner
    # a hand-written page that links to the case: its Markdown does not change, its link breaks
    project.write("docs/verwijzing.md", f"# Verwijzing\n\nZie [de casus](cases/{case.stem}.md).\n")
    _build(project.root, served)
    case.write_text(case.read_text(encoding="utf-8").replace("fase: ", "fase: zaaiien\nvorige_fase: ", 1),
                    encoding="utf-8")
    rebuilt = _build(project.root, served)
    assert not (served / "cases" / case.stem).exists()
    assert {"problemen.md", "verwijzing.md"} <= set(rebuilt["rendered"])
    assert len(rebuilt["reused"]) > len(rebuilt["rendered"])  # the store is not emptied for one bad file

    _assert_like_a_fresh_build(project.root, served, tmp_path)


def test_the_render_store_switches_itself_off_for_versions_it_was_not_written_for(monkeypatch, caplog):
    real = rendercache.metadata.version
    monkeypatch.setattr(rendercache.metadata, "version",
                        lambda name: "10.0.0" if name == "mkdocs-material" else real(name))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.kennisbank"):
        rendercache.enable(True)
    try:
        assert not rendercache.enabled()
        assert "Snelle voorvertoning staat uit" in caplog.text and "mkdocs-material 10.0.0" in caplog.text
    finally:
        rendercache.enable(False)
    monkeypatch.undo()
    rendercache.enable(True)
    assert rendercache.enabled()  # with the versions it knows, it is on
    rendercache.enable(False)


# -- every kind of generated page, after every kind of edit -----------------------------------------------------

def _front(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def _write(path: Path, meta: dict, body: str) -> None:
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body,
                    encoding="utf-8")


def _change(path: Path, **fields) -> None:
    meta, body = _front(path)
    _write(path, {**meta, **fields}, body)


def _case_where(root: Path, test) -> Path:
    return next(path for path in sorted((root / "cases").glob("*.md")) if test(_front(path)[0]))


def _edits(root: Path) -> list[tuple[str, object]]:
    """(what a contributor or editor does, how) for every kind of edit; applied one after the other."""
    harvested = _case_where(root, lambda meta: meta.get("oogst"))
    growing = _case_where(root, lambda meta: meta["fase"] == "groeien" and meta["status"] == "lopend")
    other = _case_where(root, lambda meta: meta["fase"] == "zaaien")
    instrument = sorted((root / "instrumenten").glob("*.md"))[0]
    toolkit = next((root / "instrumenten" / "toolkits").glob("*.md"))

    def body(path: Path, old: str, new: str) -> None:
        meta, text = _front(path)
        assert old in text, old
        _write(path, meta, text.replace(old, new, 1))

    def marked(path: Path) -> None:
        _change(path, goede_praktijk={"reden": "De aanpak is in twee andere steden overgenomen.", "sinds": "2024-q4"})

    def history(path: Path) -> None:
        start = _front(path)[0]["periode"]["start"]
        _change(path, historie=[{"fase": "zaaien", "datum": f"{start}-01"}, {"fase": "groeien", "datum": "2025-11-01"}],
                voorbeeld=True)

    def city_name(data: Path) -> None:
        text = data.read_text(encoding="utf-8")
        name = re.search(r"^  naam: (.+)$", text, re.M).group(1)
        data.write_text(text.replace(f"  naam: {name}", f"  naam: {name} aan de Rivier", 1), encoding="utf-8")

    new_case = root / "cases" / "een-nieuwe-proefcasus.md"
    return [
        ("tekst van een geoogste casus", lambda: body(harvested, "## Lessen\n\n", "## Lessen\n\n- Een nieuwe les.\n")),
        ("titel", lambda: _change(harvested, titel="Een herziene titel voor de proef")),
        ("samenvatting", lambda: _change(other, samenvatting="Een nieuwe samenvatting die alleen na de bewerking "
                                                             "bestaat, lang genoeg voor het schema.")),
        ("goede praktijk", lambda: marked(growing)),
        ("tekst van een goede praktijk", lambda: body(growing, "## Lessen\n\n", "## Lessen\n\n- Nog een les.\n")),
        ("fase", lambda: _change(other, fase="groeien", status="lopend")),
        ("stad", lambda: _change(growing, stad="utrecht", partners=[])),
        ("historie en voorbeeld", lambda: history(growing)),
        ("instrumenten van een casus", lambda: _change(other, instrumenten=[instrument.stem])),
        ("naam van een instrument", lambda: _change(instrument, naam="Een hernoemd proefinstrument")),
        ("tekst van een instrument", lambda: body(instrument, "## Wanneer inzetten\n\n",
                                                  "## Wanneer inzetten\n\nAls eerste stap, altijd. ")),
        ("toolkit", lambda: _change(toolkit, titel="Een herziene toolkit")),
        ("referentiedata", lambda: city_name(root / "data" / "steden.yml")),
        ("nieuwe casus", lambda: new_case.write_text(other.read_text(encoding="utf-8").replace(
            "titel: ", "titel: Nieuw ", 1), encoding="utf-8")),
        ("casus weg", lambda: harvested.unlink()),
        ("casus ongeldig", lambda: _change(new_case, fase="zaaiien")),
    ]


def test_after_every_kind_of_edit_the_kept_pages_are_the_pages_a_fresh_build_makes(project):
    """mkdocs serve keeps a generated page while its inputs are the same (integration/kept_pages.py): after each
    kind of edit, every generated page and data file, of every kind, equals what a fresh build makes."""
    from kennisbank.graph import Site
    from kennisbank.integration.kept_pages import KeptPages
    from kennisbank.site.inputs import Inputs
    from kennisbank.site.pages import data_files, planned

    generate(project.root, 30)
    kept = KeptPages()

    def compare(edit: str) -> list[str]:
        site = Site(load_corpus(project.root, with_dates=False))
        pages, files = kept.build(site, Inputs(site))
        fresh = {plan.src_uri: plan.make() for plan in planned(Site(load_corpus(project.root, with_dates=False)))}
        assert {page.src_uri: page for page in pages} == fresh, edit
        assert dict(files) == {plan.src_uri: plan.make() for plan in data_files(site)}, edit
        return list(kept.made)

    first = compare("eerste build")
    kinds = {uri.split("/")[0] for uri in first}
    assert {"cases", "instrumenten", "toolkits", "steden", "themas", "oogst", "goede-praktijken", "kaart", "monitor",
            "data", "velden", "vergelijk", "sturing", "onderhoud", "city-deals"} <= kinds
    for edit, apply in _edits(project.root):
        apply()
        made = compare(edit)
        if edit != "referentiedata":  # data/ is shown on every page: all of them are made again
            assert len(made) < len(first) / 2, (edit, len(made))  # the rest was kept
        if edit == "tekst van een geoogste casus":  # a text: its page, its row for /vergelijk/, the oogst page
            assert len(made) <= 3 and any(uri.startswith("oogst/") for uri in made), made
    assert "problemen.md" in made  # the last edit broke a file: the problems page is there
