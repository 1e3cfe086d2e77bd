"""The Dutch the site writes itself reads right: a scan of every built page for phrases that gave it away before.

Only the site's own sentences are scanned: not tables (figures, not sentences) and not the
contributor's text (``.kb-proza``), which is theirs.

Each pattern is a mistake that was found on the site once (a legal basis as "artikel hoofdstuk 9",
"0 beoogde resultaten", escaping shown to the reader, English left from a theme or plugin). The
scan runs over the fixture site and over a project with one of everything, so a new page type
is covered from its first build.
"""

from __future__ import annotations

import re

import pytest

from .helpers import soup

BAD = [
    (r"\bartikel (hoofdstuk|titel|afdeling|paragraaf|artikel|bijlage)\b", "een hoofdstuk of titel is geen artikel"),
    (r"\bartikel \d+\w* (en|tot en met) \d", "meer artikelen: 'artikelen'"),
    (r"\balle (status|van drang|oogst per)\b", "een index met een naam die niet in 'alle …' past"),
    (r"(?<![\d.,])\b0 (casus|casussen|instrumenten?|toolkits?|beoogde resultaten|beoogd resultaat|faseovergang)\b",
     "nul als getal in een zin: 'geen …'"),
    (r"(?<![\d.,])\b1 (casussen|instrumenten|toolkits|beoogde resultaten|faseovergangen)\b", "enkelvoud bij 1"),
    (r"(?<![\d.,])\b([2-9]|[1-9]\d+) (casus|instrument|toolkit|faseovergang)\b(?!-)", "meervoud bij meer dan 1"),
    (r"&\w+;|&#\d+;|\\[*_{}\[\]#+!|`]", "een escape die de lezer ziet"),
    (r"\b(Redirecting|Table of contents|Made with|Last update|Back to top|Previous|Next)\b", "Engels"),
    (r"\bNone\b|\bnull\b|\bTrue\b|\bFalse\b|\bundefined\b", "een waarde uit de code"),
    (r"\s[,;:](?!\w)|\s\.(?!\w)", "een spatie voor een leesteken"),
    (r"\b(\w+) \1\b", "een woord twee keer"),
    (r"\b(\d+) casussen \(waarvan \1\b", "'waarvan' als het alle zijn: 'alle … zijn'"),
    (r"\b(twee|drie|vier|vijf) tot \d|\b[2-9] tot (twee|drie|vier|vijf|zes)\b", "getallen in één zin: beide in woorden"),
]
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "div", "section", "figcaption",
          "caption", "br", "ul", "ol", "table", "tr", "label", "legend", "option", "button", "summary", "nav"]


def visible_texts(path) -> list[str]:
    """The text of each block of a page's content (a heading, a paragraph, a list item), whitespace collapsed."""
    page = soup(path)
    article = page.select_one("article") or page
    for hidden in article.select("script, style, pre, .headerlink, [aria-hidden=true], svg, table, .kb-proza"):
        hidden.decompose()  # tables hold figures, not sentences; .kb-proza is the contributor's own text
    for code in article.select("code"):
        code.replace_with("CODE")
    for block in article.find_all(BLOCKS):  # words of two blocks never run together; inline text stays as written
        block.insert_after("\x1e")
        block.insert_before("\x1e")
    return [" ".join(part.split()) for part in article.get_text("").split("\x1e") if part.strip()]


def problems_in(site) -> list[str]:
    found = []
    for path in sorted(site.rglob("index.html")):
        if "assets" in path.parts:
            continue
        for text in visible_texts(path):
            for pattern, why in BAD:
                for match in re.finditer(pattern, text):
                    start = max(0, match.start() - 40)
                    found.append(f"{path.relative_to(site).parent.as_posix()}: {why}: …{text[start:match.end() + 40]}…")
    return found


def test_the_fixture_site_reads_as_dutch(fixture_site):
    assert problems_in(fixture_site) == []


@pytest.mark.parametrize("pattern, why", BAD)
def test_each_pattern_finds_what_it_is_for(pattern, why):
    examples = {
        "een hoofdstuk of titel is geen artikel": "Omgevingswet, artikel hoofdstuk 9",
        "meer artikelen: 'artikelen'": "Leegstandwet, artikel 2 en 3",
        "een index met een naam die niet in 'alle …' past": "Status · alle status van casussen",
        "nul als getal in een zin: 'geen …'": "0 beoogde resultaten voor het eerst gedekt",
        "enkelvoud bij 1": "1 casussen",
        "meervoud bij meer dan 1": "3 casus geoogst",
        "een escape die de lezer ziet": "auto&#39;s en \\*leeg\\*",
        "Engels": "Table of contents",
        "een waarde uit de code": "eind: None",
        "een spatie voor een leesteken": "Dordrecht , fase",
        "een woord twee keer": "de de casus",
        "'waarvan' als het alle zijn: 'alle … zijn'": "12 casussen (waarvan 12 illustratieve voorbeelden)",
        "getallen in één zin: beide in woorden": "Zet twee tot 4 casussen naast elkaar",
    }
    assert re.search(pattern, examples[why])


def test_field_descriptions_of_the_open_data_name_a_real_place():
    """Issue 27: /data/velden/ said "ids uit data/de schema-lijst.yml" for a field whose values are in the schema."""
    from kennisbank.publish.export import EXPORTS
    from kennisbank.publish.schemas import schema

    def descriptions(node):
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                yield node["description"]
            for value in node.values():
                yield from descriptions(value)
        elif isinstance(node, list):
            for value in node:
                yield from descriptions(value)

    found = [text for name, _ in EXPORTS.values() for text in descriptions(schema(name))]
    assert found and not [text for text in found if re.search(r"data/(?![\w-]+\.yml|\))", text)]
    assert any("een van de vaste waarden die het schema noemt" in text for text in found)
