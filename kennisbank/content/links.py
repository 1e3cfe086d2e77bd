"""Links and images in a body: does each one lead somewhere on the site, and how is it written for the site.

A contributor writes a link as a path to a file in the repository, relative to the file the
link is in: ``[Erfpacht](../instrumenten/erfpacht.md)``, ``![Gevel](mijn-casus/gevel.jpg)``.
That is the one form that works in GitHub's editor and preview and can be checked here. The
check resolves it against the repository (and, for links written relative to the page on the
site, against the site), and says in Dutch what is wrong: a file that does not exist, a draft,
a file with errors of its own, an anchor that is not there, a web address of this site where a
path belongs, an image from another host, an image without a description.

Every link that resolves is then rewritten for the site as a path from the root of the docs
(``/instrumenten/erfpacht.md``), which MkDocs resolves on whatever page the text lands (mkdocs.yml:
``validation.links.absolute_links: relative_to_docs``): the Lessen of a case are also shown on
the oogst pages, where a relative link would point elsewhere. MkDocs thus never meets a link
in a contributor's text that this module has not checked: a file with a link problem is left
out of the site, like a file with any other problem.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kennisbank.content.body import Body, Link
from kennisbank.content.problems import Problem

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True)
class Target:
    """Something a link can lead to: a page or a file on the site, and where it comes from."""

    site: str  # docs path on the site: cases/x.md, over.md, steden/dordrecht.md, cases/x/foto.jpg
    repo: str | None = None  # the file in the repository, if there is one
    kind: str = "pagina"  # "casus", "instrument", "toolkit", "pagina", "term", "bestand"
    slug: str = ""
    status: str = "geldig"  # items: "geldig", "fouten", "concept"


@dataclass
class Index:
    """Every target by repository path and by site path; bodies by site path, for anchors."""

    by_repo: dict[str, Target] = field(default_factory=dict)
    by_site: dict[str, Target] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # site path -> Markdown (items and docs pages)
    site_url: str = ""  # https://host/base/ of the public site, to recognise its addresses
    include_drafts: bool = False
    root: Path | None = None  # the project, to tell a file that is not on the site from one that does not exist
    waiting: dict[str, set[str]] = field(default_factory=dict)  # site path -> broken data files it waits for
    broken_folders: dict[str, str] = field(default_factory=dict)  # term folder -> its broken data file

    def add(self, target: Target, body: str | None = None) -> None:
        if target.repo:
            self.by_repo[target.repo] = target
        self.by_site.setdefault(target.site, target)
        if body is not None:
            self.bodies[target.site] = body

    def anchors(self, site: str) -> frozenset[str]:
        return _anchors(self.bodies.get(site, ""))


_ANCHOR_EXTENSIONS = ["toc", "attr_list", "def_list", "md_in_html", "tables", "admonition"]


@lru_cache(maxsize=2048)
def _anchors(text: str) -> frozenset[str]:
    """The ids Python-Markdown gives the headings (and {#id} elements) of a text, as MkDocs renders it."""
    import markdown  # only when a link names an anchor: most checks need no Markdown at all

    converter = markdown.Markdown(extensions=_ANCHOR_EXTENSIONS)
    html = converter.convert(text)
    return frozenset(re.findall(r"\sid=\"([^\"]+)\"", html))


@dataclass
class Checked:
    """The problems of one body's links, and the rewrites that make the good ones work on the site."""

    problems: list[Problem] = field(default_factory=list)
    rewrites: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, new target)
    broken: set[str] = field(default_factory=set)  # data files that must be fixed before these links can be checked


def _relative(from_repo: str, to_repo: str) -> str:
    return posixpath.relpath(to_repo, posixpath.dirname(from_repo) or ".")


def _site_path_of_address(path: str) -> list[str]:
    """The docs paths a site address can stand for: 'cases/x/' -> ['cases/x.md', 'cases/x/index.md']."""
    path = path.strip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
        if path.endswith("/index") or path == "index":
            path = path[: -len("index")].rstrip("/")
    if not path:
        return ["index.md"]
    return [f"{path}.md", f"{path}/index.md"]


def check_links(path: str, own: Target, body: Body, index: Index, media_folder: str,
                is_draft: bool = False) -> Checked:
    """Check every link and image of a body (``path`` its file, ``own`` its page); collect the rewrites.

    ``media_folder``: the folder next to the file that holds its images and attachments.
    """
    result = Checked()
    base = urlsplit(index.site_url) if index.site_url else None
    for link in body.links:
        _check(path, own, link, index, media_folder, is_draft, base, result)
    return result


def _problem(result: Checked, path: str, link: Link, message: str) -> None:
    result.problems.append(Problem(path, link.line, message))


def _check(path: str, own: Target, link: Link, index: Index, media_folder: str, is_draft: bool, base,
           result: Checked) -> None:
    target = link.target.strip()
    what = "de afbeelding" if link.image else "de link"
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if link.image and link.form != "html" and not link.text.strip():
        _problem(result, path, link,
                 f"{what} '{target}' heeft geen beschrijving (alt-tekst): zet tussen de [ ] wat erop staat, voor "
                 f"wie de afbeelding niet ziet, bijvoorbeeld ![Gevel van het pand na de verbouwing]({target})")
    if link.form == "html" and link.image:
        _problem(result, path, link,
                 f"schrijf de afbeelding in Markdown, niet als <img>: ![beschrijving van de afbeelding]({target}); "
                 "alleen dan komt zij mee naar de site en wordt zij gecontroleerd")
        return
    if scheme and len(scheme) > 1 or target.startswith("//"):  # 'c:' would be a Windows drive, not a scheme
        _external(path, link, target, scheme, parts, index, media_folder, base, result)
        return
    if link.form == "autolink" and "@" in target:
        return  # <naam@organisatie.nl>: an e-mail address (the personal data check looks at it)
    if link.form == "html":
        if target.startswith("#"):
            return
        _problem(result, path, link,
                 f"schrijf de link in Markdown, niet als <a href>: [tekst]({target}); alleen dan werkt hij op de "
                 "site en wordt hij gecontroleerd")
        return
    if not target:
        _problem(result, path, link, f"{what} '[{link.text}]()' heeft geen adres; vul het adres in tussen de ( )")
        return
    address, _, anchor = target.partition("#")
    address = unquote(address.split("?", 1)[0])
    if not address:  # an anchor on this page
        if _anchor(path, link, own, anchor, index, result, target, "dit bestand"):
            result.rewrites.append((link.start, link.end, f"/{own.site}#{anchor}"))
        return
    if address.startswith("/"):
        found = index.by_repo.get(posixpath.normpath(address.lstrip("/")))
        if found is None:
            for candidate in _site_path_of_address(address[len(base.path):] if base and address.startswith(
                    base.path) else address):
                if candidate in index.by_site:
                    _site_address(path, link, target, index.by_site[candidate], anchor, result)
                    return
            _problem(result, path, link, f"{what} '{target}' begint met '/' en gaat zo op de site nergens heen; "
                                         f"schrijf het pad naar het bestand vanaf {path}, bijvoorbeeld "
                                         f"'{_relative(path, 'cases/andere-casus.md')}'")
            return
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), address))
        found = index.by_repo.get(resolved)
        if found is None:
            on_site = posixpath.normpath(posixpath.join(posixpath.dirname(own.site), address))
            found = index.by_site.get(on_site)
            if found is None and not posixpath.splitext(address)[1]:
                # '../andere-casus/': an address relative to the page's URL (/cases/deze-casus/)
                as_url = posixpath.normpath(posixpath.join(own.site[: -len(".md")] + "/", address))
                for candidate in _site_path_of_address(as_url):
                    if candidate in index.by_site:
                        _site_address(path, link, target, index.by_site[candidate], anchor, result)
                        return
            if found is None:
                folder = on_site.split("/", 1)[0]
                if folder in index.broken_folders:  # a term page of a data file with errors
                    result.broken.add(index.broken_folders[folder])
                    return
                _missing(path, link, target, resolved, index, media_folder, result)
                return
    if link.image and found.kind != "bestand":
        _problem(result, path, link, f"{what} '{target}' is geen afbeelding maar een pagina; gebruik [tekst]({target})")
        return
    if found.kind == "bestand":
        _media(path, link, target, found, media_folder, result)
    elif found.kind in ("casus", "instrument", "toolkit") and not _item(path, link, target, found, index, is_draft,
                                                                        result):
        return
    if anchor and found.kind != "bestand" and not _anchor(path, link, found, anchor, index, result, target,
                                                          found.repo or found.site):
        return
    result.rewrites.append((link.start, link.end, "/" + found.site + (f"#{anchor}" if anchor else "")))


def _external(path: str, link: Link, target: str, scheme: str, parts, index: Index, media_folder: str, base,
              result: Checked) -> None:
    if link.image:
        name = posixpath.basename(parts.path) or "afbeelding.jpg"
        _problem(result, path, link,
                 f"de afbeelding '{target}' komt van een andere site; die toont de kennisbank niet, want bezoekers "
                 "zouden dan die site bezoeken zonder het te weten. Zet de afbeelding (als u haar mag gebruiken) in "
                 f"de map {media_folder}/ en schrijf ![{link.text or 'beschrijving'}]"
                 f"({posixpath.basename(media_folder)}/{name})")
        return
    if scheme and scheme not in ALLOWED_SCHEMES:
        _problem(result, path, link,
                 f"de link '{target}' begint met '{scheme}:' en wordt van de pagina gehaald; alleen links die beginnen "
                 "met https://, http://, mailto: of tel: blijven staan")
        return
    if base and parts.netloc.lower() == base.netloc.lower() and parts.path.startswith(base.path):
        for candidate in _site_path_of_address(parts.path[len(base.path):]):
            if candidate in index.by_site:
                _site_address(path, link, target, index.by_site[candidate], parts.fragment, result)
                return


def _site_address(path: str, link: Link, target: str, found: Target, anchor: str, result: Checked) -> None:
    """A link written as a web address of this site: say how to write it as a path."""
    if found.repo:
        suggestion = _relative(path, found.repo) + (f"#{anchor}" if anchor else "")
        how = f"[{link.text}]({suggestion})"
    else:
        suggestion = "/" + found.site + (f"#{anchor}" if anchor else "")
        how = f"[{link.text}]({suggestion})"
    _problem(result, path, link,
             f"de link '{target}' is een webadres van deze site; schrijf een link naar een pagina van de kennisbank "
             f"als pad naar het bestand, dan werkt hij op GitHub en op de site en wordt hij gecontroleerd: {how}")


def _missing(path: str, link: Link, target: str, resolved: str, index: Index, media_folder: str,
             result: Checked) -> None:
    what = "de afbeelding" if link.image else "de link"
    if index.root is not None and not resolved.startswith("../") and (index.root / resolved).is_file():
        _problem(result, path, link,
                 f"{what} '{target}' gaat naar {resolved}; dat bestand staat wel in de repository maar niet op de "
                 "site. Link naar een pagina van de kennisbank (een .md-bestand in cases/, instrumenten/ of docs/), "
                 "of gebruik het volledige adres van het bestand op GitHub")
        return
    name = posixpath.basename(resolved)
    pages = [repo for repo, found in index.by_repo.items() if found.kind != "bestand"]
    own_media = [repo for repo, found in index.by_repo.items() if posixpath.dirname(repo) == media_folder]
    candidates = own_media if resolved.startswith(media_folder + "/") or link.image else pages
    same_name = sorted(repo for repo in candidates if posixpath.basename(repo) == name)
    if not posixpath.splitext(name)[1]:
        same_name = sorted(repo for repo in pages if posixpath.basename(repo) == f"{name}.md") or same_name
    if same_name:
        hint = f" Bedoelde u '{_relative(path, same_name[0])}'?"
    else:
        folder = posixpath.dirname(resolved)
        nearby = {posixpath.basename(repo): repo for repo in candidates if posixpath.dirname(repo) == folder}
        close = difflib.get_close_matches(name, sorted(nearby), n=1, cutoff=0.8)
        hint = f" Bedoelde u '{_relative(path, nearby[close[0]])}'?" if close else ""
    if not hint and (link.image or resolved.startswith(media_folder + "/")):
        hint = (f" Zet de afbeelding in de map {media_folder}/." if link.image else
                f" Zet het bestand in de map {media_folder}/, of pas de link aan.")
    elif not hint and resolved.endswith(".md"):
        hint = (f" Kijk hoe het bestand in {posixpath.dirname(resolved) or 'de hoofdmap'}/ heet (kleine letters, "
                "eindigt op .md), of haal de link weg.")
    _problem(result, path, link, f"{what} '{target}' gaat naar {resolved}, en dat bestaat niet.{hint}")


def _media(path: str, link: Link, target: str, found: Target, media_folder: str, result: Checked) -> None:
    if posixpath.dirname(found.repo or "") != media_folder:
        _problem(result, path, link,
                 f"'{target}' hoort bij een ander bestand (map {posixpath.dirname(found.repo or '')}/); zet "
                 f"afbeeldingen en bijlagen in de map {media_folder}/ van dit bestand")
    elif link.image and not (found.repo or "").lower().endswith(IMAGE_TYPES + (".pdf",)):
        return  # a kind of file that is not published at all: media.py says so on the file itself
    elif link.image and not (found.repo or "").lower().endswith(IMAGE_TYPES):
        _problem(result, path, link,
                 f"'{target}' is geen afbeelding (png, jpg, gif of webp); link er met [tekst]({target}) naar")


def _item(path: str, link: Link, target: str, found: Target, index: Index, is_draft: bool,
          result: Checked) -> bool:
    if found.site in index.waiting:
        result.broken.update(index.waiting[found.site])
        return False
    if found.status == "fouten":
        _problem(result, path, link, f"de link '{target}' gaat naar {found.repo}, maar dat bestand bevat zelf fouten; "
                                     "herstel die eerst")
        return False
    if found.status == "concept" and not index.include_drafts and not is_draft:
        _problem(result, path, link,
                 f"de link '{target}' gaat naar {found.repo}, maar dat is een concept (concept: true) en staat niet op "
                 "de openbare site; publiceer dat eerst of haal de link weg")
        return False
    return True


def _anchor(path: str, link: Link, found: Target, anchor: str, index: Index, result: Checked, target: str,
            where: str) -> bool:
    """True if the anchor exists on the target; else a problem with the anchors that do."""
    anchors = index.anchors(found.site)
    if unquote(anchor) in anchors:
        return True
    headings = sorted(a for a in anchors if not a.startswith(("fn:", "fnref:")))
    close = difflib.get_close_matches(unquote(anchor), headings, n=1, cutoff=0.6)
    hint = f" Bedoelde u '#{close[0]}'?" if close else (
        f" Ankers daar: {', '.join('#' + a for a in headings[:12])}" if headings else " Daar staan geen kopjes.")
    _problem(result, path, link, f"de link '{target}' gaat naar het anker '#{anchor}', maar dat bestaat niet in "
                                 f"{where}; een anker is de naam van een kopje in kleine letters met koppeltekens."
                                 f"{hint}")
    return False


def rewrite(text: str, rewrites: list[tuple[int, int, str]]) -> str:
    """The body with each rewritten link target in place (offsets from ``check_links``)."""
    for start, end, new in sorted(rewrites, reverse=True):
        text = text[:start] + new + text[end:]
    return text
