"""Nothing in the built site loads from another host: no CDN, no Google Fonts, no external images.

Public-sector sites must not hand their visitors' addresses to third parties. This checks
every page and stylesheet for a script, stylesheet, font, image, icon or frame on another
host; ordinary links (<a href>) to other sites are allowed. The browser test
tests/browser/test_no_external_requests.py checks what a browser actually requests.
"""

from __future__ import annotations

from .gates import FIXTURES, external_assets, external_assets_in_html


def test_no_page_or_stylesheet_loads_from_another_host(built_site):
    found = external_assets(built_site)
    assert not found, "geladen van een andere server:\n" + "\n".join(found)


def test_the_check_catches_every_kind_of_external_load():
    """The gate can fail: a fixture page with a script, stylesheet, icon, font and image from elsewhere."""
    found = "\n".join(external_assets_in_html((FIXTURES / "extern" / "index.html").read_text(encoding="utf-8")))
    for url in ("https://cdn.example.org/analytics.js", "https://fonts.googleapis.com/css?family=Roboto",
                "//cdn.example.org/favicon.ico", "https://fonts.example.org/extern.woff2",
                "https://images.example.org/foto.jpg"):
        assert url in found, f"niet gevonden: {url}\nwel gevonden:\n{found}"
    assert "www.example.org" not in found and "voorbeeld.example" not in found  # a link or canonical is fine
