"""The quality gates as plain functions over a built site.

Each gate runs twice in the tests: on the real site, where it must find nothing, and on a
fixture in tests/fixtures/gates/ with a known fault, where it must find that fault. A gate
that cannot fail proves nothing.

Links are checked by a BeautifulSoup walk rather than a ready-made checker. Tried and
rejected: linkchecker 10.6 (reports a missing anchor only as a warning, does not check
anchors within the same page at all, throttles to 10 requests a second per host and takes
20 s for this small site); mkdocs-htmlproofer-plugin 1.6 (runs inside every MkDocs build,
does not see 404.html, resolves /kennisbank/… links against the domain root, and accepts
anchors found in the Markdown source rather than in the page).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "gates"


def site_url() -> str:
    """site_url of mkdocs.yml: the address the site is published at."""
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else "/"


def site_path() -> str:
    """The path part of site_url ("/kennisbank/"): 404.html links to it absolutely."""
    return urlsplit(site_url()).path.rstrip("/") + "/"


def require(available: bool, missing: str, how: str = "scripts/test installeert het als root") -> None:
    """Skip a gate whose tool is missing on a developer's machine; in CI (CI=true) that is a failure.

    ``how``: how a developer gets the tool (said with the skip)."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing}; in CI moet deze controle draaien ({how})")
    pytest.skip(f"{missing} ({how})")


def vendored(available: bool, missing: str) -> None:
    """Skip a gate whose standard's file no package registry carries, also in CI, with the reason.

    Those files (tests/standaarden/README.md) must be put in by hand, unchanged and with their
    licence; until then the gate cannot run anywhere, and failing CI for it would block every change."""
    if not available:
        pytest.skip(f"{missing}; geen pakketregister levert het, zie tests/standaarden/README.md")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- Nothing from another host -------------------------------------------------------------

# <link rel> values that make the browser fetch or connect by itself (rel=canonical or
# rel=alternate only name an address; the visitor's browser does not go there).
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
                 "mask-icon", "manifest", "preload", "prefetch", "preconnect", "dns-prefetch",
                 "modulepreload", "prerender"}
# Elements and attributes the browser loads without a click.
LOADING_ATTRIBUTES = [("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
                      ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
                      ("track", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
                      ("object", "data"), ("input", "src"), ("image", "href"), ("image", "xlink:href"),
                      ("use", "href"), ("use", "xlink:href")]
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def is_other_host(url: str) -> bool:
    return bool(urlsplit(url.strip()).netloc)


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def external_assets_in_html(html: str) -> list[str]:
    """Every script, stylesheet, font, image, icon or frame in a page that comes from another host."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for link in soup.find_all("link", href=True):
        if FETCHING_RELS & {rel.lower() for rel in link.get("rel", [])} and is_other_host(link["href"]):
            found.append(f"<link rel={' '.join(link['rel'])}> {link['href']}")
    for tag, attribute in LOADING_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            urls = _srcset_urls(element[attribute]) if attribute == "srcset" else [element[attribute]]
            found += [f"<{tag} {attribute}> {url}" for url in urls if is_other_host(url)]
    styles = [style.get_text() for style in soup.find_all("style")]
    styles += [element["style"] for element in soup.find_all(style=True)]
    for css in styles:
        found += [f"CSS {url}" for url in external_assets_in_css(css)]
    return found


def external_assets_in_css(css: str) -> list[str]:
    """url(…) and @import in a stylesheet that point at another host (fonts, images, other CSS)."""
    urls = [first or second for first, second in _CSS_URL.findall(css)]
    return [url for url in urls if is_other_host(url)]


def external_assets(site: Path) -> list[str]:
    """``page: what`` for every load from another host in a built site, its pages and stylesheets."""
    problems = []
    for path in html_files(site):
        page = path.relative_to(site).as_posix()
        problems += [f"{page}: {what}" for what in external_assets_in_html(path.read_text(encoding="utf-8"))]
    for path in sorted(site.rglob("*.css")):
        page = path.relative_to(site).as_posix()
        problems += [f"{page}: CSS {url}" for url in external_assets_in_css(path.read_text(encoding="utf-8"))]
    return problems


# --- Links and anchors ---------------------------------------------------------------------

LINKING_ATTRIBUTES = [("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"),
                      ("img", "src"), ("source", "src"), ("iframe", "src"), ("form", "action")]


@cache
def _anchors(path: Path) -> frozenset[str]:
    soup = _soup(path)
    return frozenset([element["id"] for element in soup.find_all(id=True)] +
                     [element["name"] for element in soup.find_all("a", attrs={"name": True})])


def _page_url(site: Path, path: Path, base: str) -> str:
    relative = path.relative_to(site).as_posix()
    return base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _target_file(site: Path, path: str) -> Path:
    target = site / unquote(path)
    return target / "index.html" if path == "" or path.endswith("/") or target.is_dir() else target


def broken_links(site: Path, base: str = "/", site_url: str = "") -> list[str]:
    """``page: problem`` for every internal link or anchor in a built site that leads nowhere.

    ``base`` is the path the site is published under (the path of site_url): 404.html links
    to it absolutely. Links to ``site_url`` itself (canonical links) count as internal.
    """
    _soup.cache_clear()  # a rebuilt site may have changed
    _anchors.cache_clear()
    problems = []
    for path in html_files(site):
        page_url = _page_url(site, path, base)
        soup = _soup(path)
        for tag, attribute in LINKING_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                url = element[attribute].strip()
                if site_url and url.startswith(site_url):
                    url = base + url[len(site_url):]
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not url:
                    continue  # another site, mailto:, data: … (ordinary links elsewhere are allowed)
                target = urlsplit(urljoin(page_url, url))
                where = f"{path.relative_to(site).as_posix()}: <{tag} {attribute}=\"{element[attribute]}\">"
                if not target.path.startswith(base):
                    problems.append(f"{where} wijst buiten de site ({target.path})")
                    continue
                file = _target_file(site, target.path[len(base):])
                if not file.exists():
                    problems.append(f"{where} wijst naar een pagina die niet bestaat")
                elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in _anchors(file):
                    problems.append(f"{where}: anker #{unquote(target.fragment)} bestaat niet "
                                    f"op {file.relative_to(site).as_posix()}")
    return problems


# --- Valid HTML (the Nu Html Checker) --------------------------------------------------------

def vnu_jar() -> Path | None:
    """vnu.jar from npm (scripts/test installs it into node_modules/), or where VNU_JAR says."""
    jar = Path(os.environ.get("VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))
    return jar if jar.is_file() else None


def require_vnu() -> list[str]:
    """The command that runs the Nu Html Checker; skips or fails (CI) when Java or the jar is missing."""
    java = shutil.which("java")
    require(java is not None, "Java ontbreekt (apt-get install default-jre-headless)")
    jar = vnu_jar()
    require(jar is not None, "De Nu Html Checker ontbreekt (npm ci: node_modules/vnu-jar)")
    return [java, "-jar", str(jar)]


def vnu_errors(command: list[str], *paths: Path) -> list[str]:
    """``file:line: message`` for every error the Nu Html Checker finds in the given files or folders."""
    result = subprocess.run([*command, "--errors-only", "--skip-non-html", "--format", "json", *map(str, paths)],
                            capture_output=True, text=True)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"De Nu Html Checker gaf geen leesbaar antwoord:\n{result.stderr[-2000:]}") from None
    return [f"{urlsplit(m.get('url', '')).path}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages if m.get("type") in ("error", "non-document-error")]


# --- Structure for screen readers (issue 13) -------------------------------------------------------

def _article(soup: BeautifulSoup):
    return soup.select_one("article") or soup.body or soup


def pseudo_headings(html: str) -> list[str]:
    """Paragraphs that are only bold text: they look like a heading, but a screen reader cannot jump to
    them (WCAG 1.3.1). A bold link (the title of an item in a list) is a link, not a heading."""
    found = []
    for paragraph in _article(BeautifulSoup(html, "html.parser")).find_all("p"):
        children = [child for child in paragraph.contents if not (isinstance(child, str) and not child.strip())]
        if (len(children) == 1 and getattr(children[0], "name", None) in ("strong", "b")
                and not children[0].find("a")):
            found.append(f"vetgedrukte alinea als kop: <p><{children[0].name}>{paragraph.get_text(strip=True)}")
    return found


def description_in_name(html: str) -> list[str]:
    """aria-labelledby that also names the description (aria-describedby or an SVG <desc>): screen
    readers read it twice, as name and as description."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in _article(soup).select("[aria-labelledby]"):
        ids = element["aria-labelledby"].split()
        described = set(element.get("aria-describedby", "").split())
        doubled = [i for i in ids if i in described or getattr(soup.find(id=i), "name", None) == "desc"]
        if doubled:
            found.append(f"<{element.name} aria-labelledby=\"{element['aria-labelledby']}\">: "
                         f"ook de beschrijving in de naam ({' '.join(doubled)})")
    return found


def title_differs_from_heading(html: str, site_name: str) -> list[str]:
    """The page title (before " - site name") is the page's h1: what a tab or a bookmark says is what
    the page says (WCAG 2.4.2)."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text().strip() if soup.title else ""
    title = title.removesuffix(f" - {site_name}").strip()
    heading = _article(soup).find("h1")
    if heading is None:
        return []
    text = heading.get_text(" ", strip=True).replace("¶", "").strip()
    return [] if text == title else [f"titel \u201c{title}\u201d is niet de kop \u201c{text}\u201d"]


# --- The Content-Security-Policy (issue 23) ----------------------------------------------------------

# What every page's policy must say, whatever else it allows.
POLICY_REQUIRED = {"default-src": "'self'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'"}
_EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}


def page_policy(html: str) -> dict[str, list[str]] | None:
    """The page's policy from its <meta http-equiv>, directive -> sources; None without one."""
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if meta is None:
        return None
    parts = [part.split() for part in meta["content"].split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def policy_problems(html: str, *, editor: bool = False) -> list[str]:
    """What the browser would refuse on this page, or what its policy fails to forbid, read from the HTML.

    The browser gate (tests/browser/test_csp.py) sees what runs; this sees every page, also those no
    tour visits. ``editor``: the page of /beheer/, whose policy allows 'unsafe-eval' for Decap (publish/csp.py).
    """
    policy = page_policy(html)
    if policy is None:
        return ["geen Content-Security-Policy"]
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    first = soup.head.find(lambda tag: tag.name in ("meta", "link", "script", "style", "base", "title")
                           and not tag.has_attr("charset")) if soup.head else None
    if first is None or first.get("http-equiv") != "Content-Security-Policy":
        problems.append("het beleid staat niet vooraan in <head>: wat ervoor staat, valt er niet onder")
    for directive, source in POLICY_REQUIRED.items():
        if policy.get(directive) != [source]:
            problems.append(f"{directive} is niet {source}: {' '.join(policy.get(directive, ['(ontbreekt)']))}")
    scripts = policy.get("script-src", policy["default-src"])
    forbidden = {"'unsafe-inline'", "data:", "*"} | (set() if editor else {"'unsafe-eval'"})
    problems += [f"script-src staat {source} toe" for source in scripts if source in forbidden]
    for script in soup.find_all("script", src=False):
        if script.get("type", "").lower() not in _EXECUTABLE:
            continue  # JSON and JSON-LD are data, never run
        digest = base64.b64encode(hashlib.sha256(script.string.encode("utf-8") if script.string else b"").digest())
        if f"'sha256-{digest.decode('ascii')}'" not in scripts:
            problems.append(f"inline script dat het beleid niet toestaat: {(script.string or '')[:60]!r}")
    if "'unsafe-inline'" not in policy.get("style-src", []):
        problems += [f"<style> dat het beleid niet toestaat: {(style.string or '')[:60]!r}"
                     for style in soup.find_all("style")]
        problems += [f"style-attribuut dat het beleid niet toestaat: <{tag.name} style=\"{tag['style'][:40]}\">"
                     for tag in soup.find_all(style=True)]
    return problems
