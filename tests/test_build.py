"""Full builds: the real content with --strict, and contributor content that must stay data."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, VALID_CASE

CONTENT = {
    "cases": sorted((ROOT / "cases").glob("*.md")),
    "instrumenten": sorted((ROOT / "instrumenten").glob("*.md")),
    "toolkits": sorted((ROOT / "instrumenten" / "toolkits").glob("*.md")),
}


def page_text(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def test_every_content_file_has_a_page(built_site):
    for folder, files in CONTENT.items():
        assert files, f"no content in {folder}"
        for file in files:
            page = built_site / folder / file.stem / "index.html"
            assert page.exists(), page


def test_case_card_links_every_value(built_site):
    case = CONTENT["cases"][0]
    meta = yaml.safe_load(case.read_text(encoding="utf-8").split("---")[1])
    soup = BeautifulSoup((built_site / "cases" / case.stem / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = soup.select_one(".kb-kaart")
    hrefs = [a["href"] for a in card.find_all("a")]
    assert f"../../steden/{meta['stad']}/" in hrefs
    assert f"../../fasen/{meta['fase']}/" in hrefs
    for thema in meta["themas"]:
        assert f"../../themas/{thema}/" in hrefs
    for instrument in meta.get("instrumenten", []):
        assert f"../../instrumenten/{instrument}/" in hrefs


def test_no_problem_banner_when_the_content_is_valid(built_site):
    assert "md-banner" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_edit_link_points_at_the_source_file(built_site):
    case = CONTENT["cases"][0]
    html = (built_site / "cases" / case.stem / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'href="https://github.com/[^"]+/edit/main/cases/{case.stem}.md"', html)
    toolkit = CONTENT["toolkits"][0]
    html = (built_site / "toolkits" / toolkit.stem / "index.html").read_text(encoding="utf-8")
    assert f"/edit/main/instrumenten/toolkits/{toolkit.stem}.md" in html


def test_generated_detail_pages_are_not_in_the_navigation(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    links = {a["href"] for a in nav.find_all("a", href=True)}
    assert "cases/" in links
    assert not any(re.match(r"(cases|instrumenten|toolkits|steden|themas)/[a-z0-9-]+/$", href) for href in links), links


def test_the_deal_text_is_on_the_site(built_site):
    data = {name: yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("themas", "doelen", "fasen", "werkvormen", "onderwerpen", "citydeals", "begeleiden")}
    over = page_text(built_site, "over")
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


def test_theme_page_shows_coverage_of_each_resultaat(built_site):
    themas = yaml.safe_load((ROOT / "data" / "themas.yml").read_text(encoding="utf-8"))
    for thema in themas:
        soup = BeautifulSoup((built_site / "themas" / thema["id"] / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        for resultaat in thema["resultaten"]:
            assert soup.find(id=resultaat["id"]) is not None


def test_contributor_content_is_data_not_code(project):
    body = (
        "\n## Opgave\n\nDe som {{ 7*7 }} en {% if true %}ja{% endif %} blijven staan.\n\n"
        "<script>alert('x')</script>\n\n"
        '<img src="x.png" onerror="alert(1)" alt="plaatje">\n\n'
        "[klik](javascript:alert(1)) en <a href=\"JAVASCRIPT:alert(2)\">hier</a>\n\n"
        '<iframe src="https://example.org"></iframe>\n\n'
        '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>\n'
    )
    project.write("cases/proef.md", VALID_CASE.replace("titel: Proefcasus in de binnenstad",
                                                        "titel: \"Proefcasus {{ 6*7 }} <b onmouseover=x>\"") + body)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project.site / "cases" / "proef" / "index.html").read_text(encoding="utf-8")
    content = html.split('<article', 1)[1].split("</article>", 1)[0]
    text = BeautifulSoup(content, "html.parser").get_text(" ")
    assert "{{ 7*7 }}" in text and "{% if true %}ja{% endif %}" in text
    assert "Proefcasus {{ 6*7 }}" in text and "49" not in text and "42" not in text
    soup = BeautifulSoup(content, "html.parser")
    assert soup.find(["script", "iframe"]) is None
    attributes = [(tag.name, name, value) for tag in soup.find_all(True) for name, value in tag.attrs.items()]
    assert not [a for a in attributes if a[1].lower().startswith("on")]
    urls = [str(value).strip().lower() for _, name, value in attributes if name in ("href", "src")]
    assert not [url for url in urls if url.startswith(("javascript:", "data:"))], urls
    assert soup.find("img", alt="plaatje") is not None  # the harmless part survives


def test_macros_are_not_rendered_on_pages_that_do_not_opt_in(project):
    project.write("docs/gewoon.md", "# Gewoon\n\nDit blijft {{ 7*7 }}.\n")
    project.write("docs/met-macros.md", "---\nrender_macros: true\n---\n\n# Met\n\nDit wordt {{ 7*7 }}.\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "Dit blijft {{ 7*7 }}." in page_text(project.site, "gewoon")
    assert "Dit wordt 49." in page_text(project.site, "met-macros")


def test_serve_keeps_valid_pages_and_lists_problems(project):
    project.write("cases/goed.md", VALID_CASE)
    project.write("cases/fout.md", VALID_CASE.replace("stad: dordrecht", "stad: dordrect"))
    result = project.build()  # strict fails ...
    assert result.returncode != 0
    import subprocess, sys, os
    relaxed = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project.root, capture_output=True,
                             text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert relaxed.returncode == 0  # ... a normal build (as serve does) goes on
    assert (project.site / "cases" / "goed" / "index.html").exists()
    assert not (project.site / "cases" / "fout").exists()
    assert "cases/fout.md:4: veld 'stad': 'dordrect' bestaat niet" in page_text(project.site, "problemen")
    banner = BeautifulSoup((project.site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        ".md-banner")
    assert "de inhoud bevat problemen;" in " ".join(banner.get_text(" ").split())
    assert banner.find("a")["href"] == "problemen/"
