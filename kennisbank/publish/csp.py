"""What a page may load and run: its Content-Security-Policy, written into the page as a <meta>.

The site promises that it loads nothing from other hosts and that a contributor's text is never
code. The tests check both; this makes the visitor's browser enforce them: a script that slipped
past escaping, or a future template that loads something from elsewhere, is refused and reported
(a ``securitypolicyviolation`` event, which tests/browser/test_csp.py collects on every kind of page).

GitHub Pages sends no headers of our choosing, so the policy is a ``<meta http-equiv>``, the first
thing in ``<head>``: a policy in a meta applies only to what comes after it. A meta cannot carry
``frame-ancestors`` (framing by other sites), ``report-uri``/``report-to`` or ``sandbox``; browsers
ignore those there, so they are left out. Clickjacking protection would need a real header from the
host (a site on its own domain behind a server or CDN that sets one).

Pages of the site (``SITE``): everything from the site itself; scripts only as files of the site or
as the inline scripts the page names by their SHA-256 hash (Material's, which the integration layer
hashes at build time): no ``'unsafe-inline'``, no ``'unsafe-eval'``. Styles only from the site's
stylesheets: no page has a ``style`` attribute or ``<style>`` element (scripts set styles through
the CSSOM, which a policy does not restrict). Images from the site and ``data:`` (Material's icons
in its stylesheets). Search runs Pagefind's WebAssembly inside the search worker, which is loaded
from the site and gets no policy from the page (a worker from a URL has its own, none here).

The editor at /beheer/ (``beheer``) is Decap CMS, a React application: it may also talk to GitHub's
API and the sign-in endpoint its configuration names (and to decap-server on this machine, which it
uses only on localhost), show the user's GitHub avatar, needs inline styles (Decap writes its CSS as
``<style>`` elements at run time) and ``'unsafe-eval'`` (it compiles the JSON Schema it checks its
configuration with into a function). No reader page links to it, and it holds no contributor text
but what the signed-in editor types. Decap's check of www.githubstatus.com is refused on
purpose: a third party, and Decap then assumes GitHub works.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

SELF = "'self'"
SITE: dict[str, tuple[str, ...]] = {
    "default-src": (SELF,),
    "script-src": (SELF, "'report-sample'"),
    "style-src": (SELF, "'report-sample'"),
    "img-src": (SELF, "data:"),
    "font-src": (SELF,),
    "connect-src": (SELF,),
    "worker-src": (SELF,),
    "object-src": ("'none'",),
    "base-uri": (SELF,),
    "form-action": (SELF,),
}
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


def script_hash(text: str) -> str:
    """The source expression that allows exactly this inline script (its text between the tags)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(directives: dict[str, tuple[str, ...]], scripts: Iterable[str] = ()) -> str:
    """The policy as the header value: ``directives`` with the hashes of the inline ``scripts`` added."""
    hashes = tuple(dict.fromkeys(script_hash(text) for text in scripts))
    parts = []
    for name, sources in directives.items():
        if name == "script-src":
            sources = (*sources, *hashes)
        parts.append(" ".join((name, *sources)))
    return "; ".join(parts)


def meta(value: str) -> str:
    """The policy as the <meta> that carries it (its quotes stay readable: a policy holds no double quote)."""
    if '"' in value:
        raise ValueError(f"a policy holds no double quote: {value}")
    return f'<meta http-equiv="Content-Security-Policy" content="{escape(value, quote=False)}">'


def site_meta(scripts: Iterable[str] = ()) -> str:
    """The <meta> of a page of the site that runs the given inline scripts."""
    return meta(policy(SITE, scripts))


def origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def beheer_directives(config: dict) -> dict[str, tuple[str, ...]]:
    """The policy of /beheer/, from the same Decap configuration that config.yml is written from."""
    backend = config.get("backend", {})
    talks_to = [backend.get("api_root", GITHUB_API)]
    if backend.get("base_url"):  # the sign-in endpoint (an OAuth proxy), once one is configured
        talks_to.append(backend["base_url"])
    if config.get("local_backend"):  # decap-server, used only when the page is on localhost
        talks_to.append(config["local_backend"]["url"])
    hosts = tuple(dict.fromkeys(found for found in map(origin, talks_to) if found))
    return {
        **SITE,
        # Decap checks its configuration with Ajv, which compiles a JSON Schema into a function (new Function):
        # without 'unsafe-eval' the editor does not start. Only /beheer/ allows it; its own scripts are files.
        "script-src": (SELF, "'unsafe-eval'", "'report-sample'"),
        "style-src": (SELF, "'unsafe-inline'", "'report-sample'"),
        "img-src": (SELF, "data:", "blob:", GITHUB_AVATARS),
        "connect-src": (SELF, *hosts),
    }
