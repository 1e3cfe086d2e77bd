"""Images and attachments (issue 15, item 4), and contributor links, footnotes and images in a real build."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from kennisbank.content.corpus import load_corpus
from kennisbank.content.media import size_text

from .helpers import EVALUATION_YAML, VALID_CASE, VALID_INSTRUMENT

PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)

HARVESTED = VALID_CASE.replace("fase: groeien", "fase: oogsten").replace(
    "contact:", EVALUATION_YAML + 'historie:\n  - {fase: oogsten, datum: "2024-03-01"}\noogst: 2024-q4\ncontact:').replace(
    "## Aanpak\n\nTekst.", "## Aanpak\n\nLees [de evaluatie](a/evaluatie-2025.pdf) en [erfpacht](../instrumenten/"
                            "proefinstrument.md)[^1].").replace(
    "## Lessen\n\nTekst.", "## Lessen\n\nKijk naar [de andere casus](andere.md#aanpak) en ![Gevel van het pand](a/gevel.png)"
                           "[^2].\n\n[^1]: Raadsbesluit van 12 maart 2024.\n[^2]: Foto van de gemeente.")


def write_media(project):
    project.write("cases/a/gevel.png", PNG)
    project.write("cases/a/evaluatie-2025.pdf", b"%PDF-1.4\n" + bytes(250_000))
    project.write("cases/a/bijlage-zonder-link.pdf", b"%PDF-1.4\n" + bytes(2_000))


@pytest.mark.parametrize("relative, content, fragment", [
    ("cases/a/groot.jpg", bytes(1_100_000), "het bestand is 1,0 MB; de grens is 1 MB per bestand. Verklein de afbeelding"),
    ("cases/a/groot.pdf", bytes(2_500_000), "het bestand is 2,4 MB; de grens is 1 MB per bestand. Maak de PDF kleiner"),
    ("cases/a/logo.svg", b"<svg/>", "een SVG kan scripts bevatten; sla de afbeelding op als PNG"),
    ("cases/a/notulen.docx", b"x", "sla een document op als PDF"),
    ("cases/a/Foto Gevel.png", PNG, "gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'foto-gevel.png'"),
    ("cases/a/sub/gevel.png", PNG, "zet bestanden direct in cases/a/, zonder submap"),
    ("cases/b/gevel.png", PNG, "de map cases/b/ hoort bij geen bestand: cases/b.md bestaat niet"),
    ("cases/gevel.png", PNG, "afbeeldingen en bijlagen horen in de map van het bestand"),
])
def test_what_may_not_be_in_a_folder_is_reported_on_the_file(project, relative, content, fragment):
    project.write("cases/a.md", VALID_CASE)
    project.write(relative, content)
    found = [str(p) for p in load_corpus(project.root, with_dates=False).problems]
    assert any(p.startswith(f"{relative}:1: ") and fragment in p for p in found), found


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100)


@pytest.mark.parametrize("name, content, message", [
    ("foto.png", b"Dit is tekst, geen foto.\n",
     "dit bestand heet 'foto.png', maar de inhoud is tekst (bijvoorbeeld HTML of SVG), geen PNG-afbeelding. Sla de "
     "afbeelding opnieuw op als PNG, JPG of WebP (een andere naam geven verandert het bestand niet)"),
    ("foto.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
     "dit bestand heet 'foto.jpg', maar de inhoud is tekst (bijvoorbeeld HTML of SVG), geen JPEG-afbeelding."),
    ("foto.png", JPEG, "de inhoud van dit bestand is een JPEG-afbeelding, maar de naam eindigt op '.png'; hernoem "
                       "het naar 'foto.jpg' (en pas de link in de tekst aan)"),
    ("foto.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", "de inhoud is iets anders, geen WebP-afbeelding"),
    ("foto.gif", b"", "de inhoud is leeg, geen GIF-afbeelding"),
    ("verslag.pdf", b"<html><body>Verslag</body></html>",
     "dit bestand heet 'verslag.pdf', maar de inhoud is tekst (bijvoorbeeld HTML of SVG), geen PDF-document. Sla "
     "het document opnieuw op als PDF"),
])
def test_a_file_is_what_its_content_says_not_what_its_name_says(project, name, content, message):
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", f"## Aanpak\n\n[Bestand](a/{name})"))
    project.write(f"cases/a/{name}", content)
    found = [str(p) for p in load_corpus(project.root, with_dates=False).problems]
    assert len(found) == 1 and found[0].startswith(f"cases/a/{name}:1: ") and message in found[0], found


@pytest.mark.parametrize("name, content", [
    ("foto.png", PNG), ("foto.jpg", JPEG), ("foto.jpeg", JPEG), ("foto.gif", b"GIF89a" + bytes(20)),
    ("foto.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(20)), ("verslag.pdf", b"%PDF-1.7\n" + bytes(20)),
])
def test_each_allowed_type_passes_with_its_own_content(project, name, content):
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", f"## Aanpak\n\n![Een foto](a/{name})"
                                                   if name.startswith("foto") else f"## Aanpak\n\n[Verslag](a/{name})"))
    project.write(f"cases/a/{name}", content)
    assert load_corpus(project.root, with_dates=False).problems == []


def test_an_image_the_text_does_not_show_is_reported(project):
    project.write("cases/a.md", VALID_CASE)
    project.write("cases/a/gevel.png", PNG)
    [problem] = load_corpus(project.root, with_dates=False).problems
    assert str(problem) == ("cases/a/gevel.png:1: de afbeelding wordt nergens getoond: zet ![beschrijving](a/gevel.png) "
                            "in cases/a.md, of haal het bestand weg")


def test_an_image_of_another_item_is_not_borrowed(project):
    project.write("cases/andere.md", VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\n![Gevel](andere/gevel.png)"))
    project.write("cases/andere/gevel.png", PNG)
    project.write("cases/a.md", VALID_CASE.replace("## Aanpak\n\nTekst.", "## Aanpak\n\n![Gevel](andere/gevel.png)"))
    found = [str(p) for p in load_corpus(project.root, with_dates=False).problems]
    assert found == ["cases/a.md:21: 'andere/gevel.png' hoort bij een ander bestand (map cases/andere/); zet "
                     "afbeeldingen en bijlagen in de map cases/a/ van dit bestand"]


def test_sizes_are_said_the_dutch_way():
    assert [size_text(n) for n in (100, 250_000, 1_300_000)] == ["1 kB", "244 kB", "1,2 MB"]


def test_a_build_publishes_images_and_attachments_and_renders_links_and_footnotes_on_every_page(project):
    project.write("instrumenten/proefinstrument.md", VALID_INSTRUMENT)
    project.write("cases/andere.md", VALID_CASE)
    project.write("cases/a.md", HARVESTED)
    write_media(project)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    page = project.site / "cases" / "a"
    assert (page / "gevel.png").read_bytes() == PNG and (page / "evaluatie-2025.pdf").exists()
    soup = BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article.find("img", src="gevel.png", alt="Gevel van het pand") is not None
    assert article.find("a", href="../../instrumenten/proefinstrument/") is not None
    assert article.find("a", href="../andere/#aanpak") is not None
    assert "[^1]" not in article.get_text() and article.find("div", class_="footnote") is not None
    bijlagen = soup.find(id="bijlagen").find_next("ul").find_all("li")
    assert [li.get_text(" ", strip=True) for li in bijlagen] == [
        "bijlage-zonder-link.pdf (PDF, 2 kB)", "de evaluatie (PDF, 244 kB)"]
    assert bijlagen[1].a["href"] == "evaluatie-2025.pdf"
    # The Lessen also appear on the oogst page: the image, the link and the footnote still work there.
    oogst = BeautifulSoup((project.site / "oogst" / "2024-q4" / "index.html").read_text(encoding="utf-8"),
                          "html.parser").find("article")
    assert oogst.find("img", src="../../cases/a/gevel.png") is not None
    assert oogst.find("a", href="../../cases/andere/#aanpak") is not None
    assert "Foto van de gemeente" in oogst.get_text() and "[^2]" not in oogst.get_text()
    assert "Raadsbesluit" not in oogst.get_text()  # the footnote of the Aanpak stays with the Aanpak
