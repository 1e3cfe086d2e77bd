"""Link addresses for paper: links to items get their full public URL written out in print.

On paper a link is only useful if its address is written out. CSS can print an
attribute after a link (the print section of docs/assets/kennisbank.css: ``a[data-print-href]::after``), but the
``href`` MkDocs writes is relative (``../../cases/x/``), so the absolute address is
computed here, at build time, from the page's public URL (``site_url``).

Only references get an address: links to other sites and to the pages of cases,
instruments, toolkits, oogst and open data. Links to facets (a city, a theme, a status,
a step of the ladder) are navigation; their addresses would bury the text on paper.
Links within the page (``#…``), e-mail and phone links and heading permalinks are left alone.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

_LINK = re.compile(r'<a\s(?P<attributes>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>')
_SKIP = ("#", "mailto:", "tel:")
REFERENCE_FOLDERS = ("cases/", "instrumenten/", "toolkits/", "oogst/", "goede-praktijken/", "data/", "feed.xml")


def with_print_urls(content: str, page_url: str, site_url: str) -> str:
    """Add ``data-print-href`` with the absolute URL to every link in ``content`` that is a reference."""
    site_url = urljoin(page_url, site_url or "/")

    def absolute(match: re.Match) -> str:
        href = html.unescape(match["href"])
        if not href or href.startswith(_SKIP) or "headerlink" in match["attributes"] + match["rest"]:
            return match[0]
        full = urljoin(page_url, href)
        inside = full.startswith(site_url)
        if inside and not full[len(site_url):].startswith(REFERENCE_FOLDERS):
            return match[0]
        return match[0][:-1] + f' data-print-href="{html.escape(full, quote=True)}">'
    return _LINK.sub(absolute, content)
