"""/.well-known/security.txt (RFC 9116): where to report a vulnerability in the site, for people and for scanners.

RFC 9116 counts a security.txt only at ``/.well-known/security.txt`` of a host, so the build writes it
only when the site is the whole host: when the path of ``site_url`` is "/" (the site on its own
domain). Under a path, as now (``/kennisbank/`` on github.io), the file would sit where nobody looks;
then whoever runs the host must place it at the host's root (README, "Beveiliging").

The contact is GitHub's private vulnerability reporting of the repository (SECURITY.md says how it
works and what is in scope). ``Expires`` is the build's moment plus 364 days: RFC 9116 advises less
than a year, and a site that is not rebuilt for a year should stop vouching for its contact. The
moment is the build's own (``clock.build_moment``: the last commit's date), so two builds of one
commit give the same file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

PATH = ".well-known/security.txt"
VALID_FOR = timedelta(days=364)
LANGUAGES = "nl, en"


def applies(site_url: str) -> bool:
    """True when the site is published at the root of its own host (https, path "/")."""
    parts = urlsplit(site_url or "")
    return parts.scheme == "https" and bool(parts.netloc) and parts.path in ("", "/")


def security_txt(site_url: str, repo: str, moment: datetime) -> str:
    """The file's text: contact, expiry, languages, its own address and the policy (SECURITY.md)."""
    root = site_url.rstrip("/") + "/"
    expires = (moment + VALID_FOR).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        "# Een kwetsbaarheid in deze site melden: zie Policy. Reporting a vulnerability: see Policy.\n"
        f"Contact: https://github.com/{repo}/security/advisories/new\n"
        f"Expires: {expires}\n"
        f"Preferred-Languages: {LANGUAGES}\n"
        f"Canonical: {root}{PATH}\n"
        f"Policy: https://github.com/{repo}/blob/main/SECURITY.md\n"
    )
