"""No broken internal links or anchors anywhere in the built site, the theme's own links included.

MkDocs checks the links in Markdown; this checks what is published: every href and src
in every page (templates, macros and generated HTML too), and every #anchor.
"""

from __future__ import annotations

from .gates import FIXTURES, broken_links, site_path, site_url


def test_no_broken_internal_links_or_anchors(built_site):
    broken = broken_links(built_site, site_path(), site_url())
    assert not broken, f"{len(broken)} kapotte links:\n" + "\n".join(broken[:100])


def test_the_link_check_catches_broken_links_and_anchors():
    """The gate can fail: a fixture site with one of each kind of broken link."""
    broken = broken_links(FIXTURES / "links" / "kennisbank", "/kennisbank/", "https://voorbeeld.example/kennisbank/")
    report = "\n".join(broken)
    for expected in ('<link href="assets/weg.css"> wijst naar een pagina die niet bestaat',
                     '<a href="nergens/"> wijst naar een pagina die niet bestaat',
                     "anker #bestaat-niet bestaat niet op over/index.html",
                     "anker #ook-niet bestaat niet op index.html",
                     '<a href="../buiten/"> wijst buiten de site'):
        assert expected in report, f"niet gevonden: {expected}\nwel gevonden:\n{report}"
    assert len(broken) == 5, report  # and nothing that works
