"""Full builds: every item gets a page with a linked card, drafts of the deal reach /over/, and a preview keeps going.

Built from the frozen fixture content (tests/fixtures/inhoud/), never from the site's own content.
"""

from __future__ import annotations

import re

import yaml

from kennisbank.content.corpus import CONTENT_FOLDERS as FOLDERS
from kennisbank.content.corpus import RESERVED

from .helpers import ROOT, case, content, page, replaced, text_of


def test_every_content_file_has_a_page(fixture_site, fixture_corpus):
    for entity in fixture_corpus.entities():
        assert (fixture_site / entity.folder / entity.id / "index.html").exists(), entity.src_uri


def test_case_card_links_every_value(fixture_site, fixture_corpus):
    for item in fixture_corpus.cases.values():
        card = content(fixture_site, f"cases/{item.id}").select_one(".kb-kaart")
        hrefs = [a["href"] for a in card.find_all("a")]
        assert f"../../steden/{item.stad}/" in hrefs
        assert f"../../fasen/{item.fase}/" in hrefs
        assert all(f"../../themas/{thema}/" in hrefs for thema in item.themas)
        assert all(f"../../instrumenten/{instrument}/" in hrefs for instrument in item.instrumenten)
        labels = [dt.get_text() for dt in card.find_all("dt")]
        assert labels[:4] == ["Stad", "Thema's", "Fase", "Status"]


def test_no_problem_banner_when_the_content_is_valid(fixture_site):
    assert "md-banner" not in (fixture_site / "index.html").read_text(encoding="utf-8")


def test_edit_link_points_at_the_source_file(fixture_site, fixture_corpus):
    for entity in fixture_corpus.entities():
        link = page(fixture_site, f"{entity.folder}/{entity.id}").find("a", rel="edit")
        assert re.fullmatch(rf"https://github.com/[^/]+/[^/]+/edit/main/{re.escape(entity.path)}", link["href"])


def test_generated_detail_pages_are_not_in_the_navigation(fixture_site):
    nav = page(fixture_site, "").select_one("nav.md-nav--primary")
    links = {a["href"] for a in nav.find_all("a", href=True)}
    assert "cases/" in links
    details = {href for href in links if re.match(r"(cases|instrumenten|toolkits|steden|themas)/[a-z0-9-]+/$", href)}
    overviews = {f"{FOLDERS[kind]}/{name}/" for kind, names in RESERVED.items() for name in names}
    assert not details - overviews, links


def test_the_deal_text_is_on_the_site(fixture_site):
    data = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("themas", "doelen", "fasen", "werkvormen", "onderwerpen", "citydeals", "begeleiden")}
    over = text_of(fixture_site, "over")
    for thema in data["themas"]:
        assert thema["naam"] in over
        for resultaat in thema["resultaten"]:
            assert " ".join(resultaat["tekst"].split())[:80] in over, resultaat["id"]
    for doel in data["doelen"]:
        assert " ".join(doel["titel"].split()) in over
    for fase in data["fasen"]:
        assert fase["titel"] in over
    for name in ("werkvormen", "onderwerpen", "citydeals", "begeleiden"):
        for item in data[name]:
            assert item["naam"] in over, (name, item["id"])


def test_theme_page_has_an_anchor_for_each_resultaat(fixture_site):
    for thema in yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8")):
        found = page(fixture_site, f"themas/{thema['id']}")
        for resultaat in thema["resultaten"]:
            assert found.find(id=resultaat["id"]) is not None


def test_contributor_body_is_data_not_code(project):
    """Markup that could run is refused by the strict build, with a Dutch message per line (the
    sanitiser that would remove it is tested in test_sanitize.py)."""
    body = (
        "## Opgave\n\nDe som {{ 7*7 }} en {% if true %}ja{% endif %} blijven staan.\n\n"
        "<script>alert('x')</script>\n\n"
        '<img src="x.png" onerror="alert(1)" alt="plaatje">\n\n'
        "[klik](javascript:alert(1)) en <a href=\"JAVASCRIPT:alert(2)\">hier</a>\n\n"
        '<iframe src="https://example.org"></iframe>\n\n'
        '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>\n\n'
        "## Aanpak\n\nA.\n\n## Resultaten\n\nR.\n\n## Lessen\n\nL.\n"
    )
    project.write("cases/proef.md", case(body, titel="Proefcasus {{ 6*7 }} <b onmouseover=x>"))
    strict = project.build()
    assert strict.returncode != 0 and "Traceback" not in strict.stderr
    lines = project.read("cases/proef.md").split("\n")
    line_of = {marker: next(n for n, text in enumerate(lines, start=1) if marker in text)
               for marker in ("<script>", "<img", "javascript:", "<iframe", "data:text")}
    for marker, message in [("<script>", "HTML-tag <script> wordt van de pagina gehaald"),
                            ("<img", "schrijf de afbeelding in Markdown, niet als <img>"),
                            ("javascript:", "begint met 'javascript:' en wordt van de pagina gehaald"),
                            ("<iframe", "HTML-tag <iframe> wordt van de pagina gehaald"),
                            ("data:text", "begint met 'data:' en wordt van de pagina gehaald")]:
        reported = [text for text in strict.stderr.splitlines() if f"cases/proef.md:{line_of[marker]}: " in text]
        assert any(message in text for text in reported), (marker, strict.stderr[-3000:])

    assert project.preview().returncode == 0  # the preview lists them and leaves the page out
    assert not (project.site / "cases" / "proef").exists()
    assert f"cases/proef.md:{line_of['<script>']}: HTML-tag <script>" in text_of(project.site, "problemen")


def test_jinja_in_a_case_is_text(project):
    body = "## Opgave\n\nDe som {{ 7*7 }} en {% if true %}ja{% endif %} blijven staan.\n\n" + \
        "## Aanpak\n\nA.\n\n## Resultaten\n\nR.\n\n## Lessen\n\nL.\n"
    project.write("cases/proef.md", case(body, titel="Proefcasus {{ 6*7 }}"))
    text = content(project.built(), "cases/proef").get_text(" ")
    assert "{{ 7*7 }}" in text and "{% if true %}ja{% endif %}" in text
    assert "Proefcasus {{ 6*7 }}" in text and "49" not in text and "42" not in text


def test_macros_are_not_rendered_on_pages_that_do_not_opt_in(project):
    project.write("docs/gewoon.md", "# Gewoon\n\nDit blijft {{ 7*7 }}.\n")
    project.write("docs/met-macros.md", "---\nrender_macros: true\n---\n\n# Met\n\nDit wordt {{ 7*7 }}.\n")
    site = project.built()
    assert "Dit blijft {{ 7*7 }}." in text_of(site, "gewoon")
    assert "Dit wordt 49." in text_of(site, "met-macros")


def test_a_preview_keeps_valid_pages_and_lists_problems(project):
    project.write("cases/goed.md", case())
    project.write("cases/fout.md", replaced(case(), "stad: dordrecht", "stad: dordrect"))
    assert project.build().returncode != 0  # strict fails ...
    assert project.preview().returncode == 0  # ... a normal build (as serve does) goes on
    assert (project.site / "cases" / "goed" / "index.html").exists()
    assert not (project.site / "cases" / "fout").exists()
    line = next(number for number, text in enumerate(project.read("cases/fout.md").split("\n"), start=1)
                if text.startswith("stad:"))
    assert f"cases/fout.md:{line}: veld 'stad': 'dordrect' bestaat niet" in text_of(project.site, "problemen")
    banner = page(project.site, "").select_one(".md-banner")
    assert "de inhoud bevat problemen;" in " ".join(banner.get_text(" ").split())
    assert banner.find("a")["href"] == "problemen/"
