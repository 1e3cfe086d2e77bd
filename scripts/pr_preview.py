"""The job summary of a pull request: which pages to look at in the preview, and the check's problems.

.github/workflows/ci.yml runs this after the strict build and appends what it prints (Markdown, in
Dutch, for the reviewer) to $GITHUB_STEP_SUMMARY:

    .venv/bin/python scripts/pr_preview.py --basis <sha of the base> --site site \\
        --controle controle.txt --artefact voorvertoning-site --artefact-url <url> >> "$GITHUB_STEP_SUMMARY"

The pages come from the files the pull request changes (``git diff`` against the base):
``cases/<id>.md`` -> ``cases/<id>/``, ``instrumenten/<id>.md`` -> ``instrumenten/<id>/``,
``instrumenten/toolkits/<id>.md`` -> ``toolkits/<id>/``, ``docs/<p>.md`` -> its page. A change in
``data/*.yml`` (reference data), the theme or the engine can change every page; that is said once.
The problems are the ``kennisbank check --format github`` output, read back from its workflow commands.

Everything shown comes from the pull request (file names, titles, messages), so it is escaped: a
contributor cannot put links, images or HTML into the summary. Run locally:
``.venv/bin/python scripts/pr_preview.py --basis main --site site``.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kennisbank.content.corpus import CONTENT_FOLDERS
from kennisbank.content.model import ENTITY_TYPES, page_path
from kennisbank.content.read import read_markdown

ROOT = Path(__file__).resolve().parent.parent
KIND_LABELS = {"casus": "Casus", "instrument": "Instrument", "toolkit": "Toolkit"}
# The most specific folder first: instrumenten/toolkits/x.md is a toolkit, not an instrument.
FOLDERS = sorted(CONTENT_FOLDERS.items(), key=lambda item: -len(item[1]))
SITE_WIDE = {  # changed files that can change every page, and what to tell the reviewer
    "data": "Referentiedata gewijzigd: alle pagina's",
    "code": "Opmaak of code van de site gewijzigd: alle pagina's",
}
MAX_ROWS = 200  # a job summary holds at most 1 MiB
STATUS_WORDS = {"A": "nieuw", "M": "gewijzigd", "T": "gewijzigd"}


# -- what changed -------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One changed file: git's status letter (A, M, D, R, C, T), its path and, renamed or copied, the old path."""

    status: str
    path: str
    old_path: str | None = None


def changed_files(base: str, head: str = "HEAD", cwd: Path = ROOT) -> list[Change]:
    """The files that differ between ``base`` and ``head`` (renames found as renames)."""
    if base.startswith("-") or head.startswith("-"):
        raise ValueError(f"geen geldige git-revisie: {base!r} / {head!r}")
    out = subprocess.run(["git", "diff", "--name-status", "-z", "--find-renames", base, head, "--"],
                         cwd=cwd, capture_output=True, check=True).stdout.decode("utf-8", "replace")
    return parse_name_status(out)


def parse_name_status(out: str) -> list[Change]:
    """Parse ``git diff --name-status -z``: status NUL path NUL, with two paths for R and C."""
    fields = out.split("\0")
    changes, i = [], 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            changes.append(Change(status, fields[i + 2], old_path=fields[i + 1]))
            i += 3
        else:
            changes.append(Change(status, fields[i + 1]))
            i += 2
    return changes


@dataclass(frozen=True)
class Page:
    """A page of the site that a changed file makes: its kind, id and URL path relative to the site root."""

    kind: str  # casus, instrument, toolkit or pagina
    id: str
    url: str
    attachment: bool = False  # the change is an image or attachment of the page, not its text


def page_of(path: str) -> Page | None:
    """The page a content file makes, or None (data, code, anything else)."""
    for kind, folder in FOLDERS:
        if not path.startswith(folder + "/"):
            continue
        rest = path[len(folder) + 1:]
        name, slash, _ = rest.partition("/")
        if not slash and name.endswith(".md"):
            slug = name[: -len(".md")]
            return Page(kind, slug, page_path(f"{ENTITY_TYPES[kind].folder}/{name}"))
        if slash:  # a file in the item's own folder: an image or attachment of its page
            return Page(kind, name, page_path(f"{ENTITY_TYPES[kind].folder}/{name}.md"), attachment=True)
        return None
    if path.startswith("docs/") and path.endswith(".md") and not path.startswith("docs/overrides/"):
        src_uri = path[len("docs/"):]
        return Page("pagina", src_uri, page_path(src_uri))
    return None


def site_wide(path: str) -> str | None:
    """'data' or 'code' when a changed file can change every page."""
    if path.startswith("data/") and path.endswith((".yml", ".yaml")):
        return "data"
    if path == "mkdocs.yml" or path.startswith(("kennisbank/", "hooks/", "docs/overrides/", "docs/assets/")):
        return "code"
    return None


# -- the check's problems -------------------------------------------------------------------

@dataclass(frozen=True)
class Annotation:
    level: str  # error, warning or notice
    file: str
    line: int | None
    message: str


_COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def _unescape(text: str, properties: bool = False) -> str:
    if properties:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse_annotations(text: str) -> list[Annotation]:
    """The annotations among GitHub workflow commands (``::error file=…,line=…::message``)."""
    found = []
    for raw in text.splitlines():
        match = _COMMAND.match(raw.strip())
        if not match:
            continue
        level, props, message = match.groups()
        values = {}
        for prop in (props or "").split(","):
            key, _, value = prop.partition("=")
            if key.strip():
                values[key.strip()] = _unescape(value, properties=True)
        line = values.get("line", "")
        found.append(Annotation(level, values.get("file", ""), int(line) if line.isdigit() else None,
                                _unescape(message)))
    return found


# -- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")


def md(text: str) -> str:
    """Text from the pull request as plain inline Markdown: no HTML, links, images or table breaks."""
    text = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def code(text: str) -> str:
    """A path or name as inline code (escaped as text when it cannot be one)."""
    text = str(text)
    if "`" in text or any(c in text for c in "\r\n\t") or not text:
        return md(text)
    return "`" + text.replace("|", "\\|") + "`"  # a code span shows <, > and & as they are


# -- the site -------------------------------------------------------------------------------

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def _site_name(site: Path) -> str:
    home = site / "index.html"
    if home.is_file():
        match = _TITLE.search(home.read_text(encoding="utf-8", errors="replace"))
        if match:
            return html.unescape(match.group(1)).strip()
    return ""


def built_title(site: Path, page: Page, site_name: str) -> str | None:
    """The page's title in the built site (without the site name), or None when it is not there."""
    file = site / page.url / "index.html"
    if not file.is_file():
        return None
    match = _TITLE.search(file.read_text(encoding="utf-8", errors="replace"))
    title = html.unescape(match.group(1)).strip() if match else page.id
    return title.removesuffix(f" - {site_name}") if site_name and title != site_name else title


def is_redirect(site: Path, page: Page) -> bool:
    """An old address that mkdocs-redirects turned into a forwarding page (vorige_namen)."""
    file = site / page.url / "index.html"
    return file.is_file() and 'http-equiv="refresh"' in file.read_text(encoding="utf-8", errors="replace")


def front_matter(root: Path, relative: str) -> dict:
    """The YAML front matter of a content file ({} when there is none or it does not parse).

    Read as the checker reads it (``kennisbank.content.read``): a symbolic link is not followed,
    a huge file is not read, a YAML alias bomb is refused before it expands.
    """
    try:
        source, _ = read_markdown(root / relative, relative)
    except OSError:
        return {}
    return source.data if isinstance(source.data, dict) else {}


# -- the summary ----------------------------------------------------------------------------

def _artefact_path(page: Page) -> str:
    return f"{page.url}index.html"


def _page_label(page: Page, title: str | None) -> str:
    name = md(title) if title else code(page.id)
    if page.kind == "pagina" or (title and title.lower().startswith(page.kind)):  # "Toolkit leegstandsaanpak"
        return name
    return f"{KIND_LABELS[page.kind]}: {name}"


def page_rows(changes: list[Change], site: Path | None, root: Path) -> list[tuple[str, str, str]]:
    """(what, page, where in the artifact) for every page the changes add, change or remove."""
    site_name = _site_name(site) if site else ""
    rows, seen = [], set()
    for change in changes:
        page = page_of(change.path)
        if change.old_path and (old := page_of(change.old_path)) and (not page or old.url != page.url):
            rows.append(_gone(old, site, f"hernoemd naar {code(change.path)}"))
        if not page or page.url in seen:
            continue
        seen.add(page.url)
        if change.status == "D" and not page.attachment:
            rows.append(_gone(page, site, "verwijderd"))
            continue
        if page.attachment:
            what = "bijlage of afbeelding gewijzigd"
        elif change.status in "RC":
            what = "nieuw adres" if change.status == "R" and page_of(change.old_path or "") else "nieuw"
        else:
            what = STATUS_WORDS.get(change.status, "gewijzigd")
        title = built_title(site, page, site_name) if site else None
        if title is not None:
            where = code(_artefact_path(page))
        elif site is None:
            where = "—"
        elif front_matter(root, change.path).get("concept") is True and not page.attachment:
            where = ("concept: staat niet in de voorvertoning; bekijk het lokaal met "
                     "`KENNISBANK_CONCEPTEN=1 scripts/serve`")
        else:
            where = "**niet gebouwd**: zie de meldingen hieronder"
        rows.append((what, _page_label(page, title), where))
    return rows


def _gone(page: Page, site: Path | None, what: str) -> tuple[str, str, str]:
    if site and is_redirect(site, page):
        where = "het oude adres stuurt door (`vorige_namen`)"
    elif site:
        where = ("**het oude adres verdwijnt** (404 voor wie een link of bladwijzer heeft); "
                 "hernoemd? zet de oude naam in `vorige_namen`")
    else:
        where = "—"
    return what, _page_label(page, None) + f" ({code('/' + page.url)})", where


def render(changes: list[Change], *, site: Path | None, root: Path = ROOT, check: list[Annotation] | None = None,
           check_outcome: str | None = None, build_outcome: str | None = None,
           artefact: str = "voorvertoning-site", artefact_url: str = "") -> str:
    """The Markdown summary for the reviewer."""
    built = site is not None and (site / "index.html").is_file() and build_outcome in (None, "success")
    lines = ["## Voorvertoning van deze pull request", ""]
    if built:
        name = f"[{code(artefact)}]({artefact_url})" if artefact_url.startswith("https://") else code(artefact)
        lines += [
            "De site is strikt gebouwd zoals hij na het samenvoegen online komt (zonder concepten). "
            f"Download het artefact {name} (een zip-bestand, ook onder *Artifacts* van deze run), pak het uit "
            "en open het bestand uit de kolom *In het artefact* in uw browser. Om door te klikken: start in de "
            "uitgepakte map `python3 -m http.server` en ga naar http://localhost:8000/.",
            "",
        ]
    else:
        lines += [
            "**Er is geen voorvertoning**: de site is niet gebouwd, omdat de controle of de strikte build "
            "faalde. Los eerst de meldingen hieronder op (ze staan ook bij de regels onder *Files changed*); "
            "de rest staat in het log van deze run.",
            "",
        ]

    site_for_rows = site if built else None
    rows = page_rows(changes, site_for_rows, root)
    wide = {kind: [c.path for c in changes if site_wide(c.path) == kind] for kind in SITE_WIDE}
    others = [c.path for c in changes if not page_of(c.path) and not site_wide(c.path)
              and not (c.old_path and page_of(c.old_path))]

    lines += ["### Pagina's om te bekijken", ""]
    if rows:
        lines += ["| Wat | Pagina | In het artefact |", "|---|---|---|"]
        lines += [f"| {what} | {page} | {where} |" for what, page, where in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            lines.append(f"| … | en nog {len(rows) - MAX_ROWS} pagina's | |")
        lines.append("")
    elif not any(wide.values()):
        lines += ["Deze pull request verandert geen pagina's (geen inhoud, referentiedata, opmaak of code).", ""]
    for kind, paths in wide.items():
        if paths:
            listed = ", ".join(code(p) for p in paths[:20]) + (f" en nog {len(paths) - 20}" if len(paths) > 20 else "")
            lines += [f"**{SITE_WIDE[kind]}** ({listed}). Kijk behalve naar de pagina's hierboven ook naar de "
                      "startpagina en naar een paar pagina's die deze gegevens of deze opmaak tonen: een casus, "
                      "een instrument, een stad en een thema.", ""]
    if others:
        lines += [f"<details><summary>Overige gewijzigde bestanden, zonder eigen pagina ({len(others)})</summary>", ""]
        lines += [f"- {code(p)}" for p in others[:MAX_ROWS]]
        if len(others) > MAX_ROWS:
            lines.append(f"- … en nog {len(others) - MAX_ROWS}")
        lines += ["", "</details>", ""]

    lines += _check_section(changes, check, check_outcome)
    lines += [
        "### Waar u op let",
        "",
        "De controle heeft velden, waarden, verwijzingen en datums al nagekeken. Lees de pagina's hierboven zoals "
        "een collega uit een andere gemeente ze leest, en loop de *Checklist voor de reviewer* in de beschrijving "
        "van deze pull request na: inhoud, privacy (geen persoonsgegevens), rechten, taal en of `concept` en "
        "`vorige_namen` kloppen.",
        "",
    ]
    return "\n".join(lines)


def _check_section(changes: list[Change], check: list[Annotation] | None, outcome: str | None) -> list[str]:
    lines = ["### Meldingen van `kennisbank check`", ""]
    if check is None:
        return lines + ["De controle is niet gelopen; zie het log van deze run.", ""]
    if not check:
        if outcome in (None, "success"):
            return lines + ["Geen meldingen: de inhoud is in orde.", ""]
        return lines + ["**De controle faalde zonder meldingen per regel**; zie het log van de stap "
                        "*Inhoud controleren*.", ""]
    files = {a.file for a in check}
    changed = {c.path for c in changes}
    count = "1 melding" if len(check) == 1 else f"{len(check)} meldingen"
    elsewhere = (" Een melding in een bestand dat deze pull request niet wijzigt, komt meestal door een verwijzing: "
                 "er wijst iets naar wat hier hernoemd, verwijderd of fout is.") if files - changed else ""
    lines += [f"**{count} in {len(files)} bestand{'en' if len(files) != 1 else ''}.** Ze staan ook bij de regels "
              f"onder *Files changed*.{elsewhere}", "",
              "| Bestand | Regel | Melding |", "|---|---|---|"]
    ordered = sorted(check, key=lambda a: (a.file not in changed, a.file, a.line or 0))
    for annotation in ordered[:MAX_ROWS]:
        level = "" if annotation.level == "error" else f"({annotation.level}) "
        mark = "" if annotation.file in changed else " (niet gewijzigd)"
        lines.append(f"| {code(annotation.file)}{mark} | {annotation.line or ''} | {level}{md(annotation.message)} |")
    if len(check) > MAX_ROWS:
        lines.append(f"| … | | en nog {len(check) - MAX_ROWS} meldingen, zie *Files changed* |")
    return lines + [""]


# -- command line ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Samenvatting van een pull request voor de reviewer (Markdown).")
    parser.add_argument("--basis", required=True, help="de basis van de pull request (commit of branch)")
    parser.add_argument("--head", default="HEAD", help="de gebouwde versie (standaard HEAD)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="de gebouwde site")
    parser.add_argument("--controle", type=Path, help="uitvoer van 'kennisbank check --format github'")
    parser.add_argument("--controle-uitkomst", default=None, help="steps.<id>.outcome van de controle")
    parser.add_argument("--build-uitkomst", default=None, help="steps.<id>.outcome van de build")
    parser.add_argument("--artefact", default="voorvertoning-site", help="naam van het artefact met de site")
    parser.add_argument("--artefact-url", default="", help="adres van het artefact (upload-artifact: artifact-url)")
    parser.add_argument("--root", type=Path, default=ROOT, help="de git-checkout (standaard deze repository)")
    args = parser.parse_args(argv)
    try:
        changes = changed_files(args.basis, args.head, cwd=args.root)
    except (subprocess.CalledProcessError, ValueError) as error:
        detail = error.stderr.decode("utf-8", "replace").strip() if isinstance(error, subprocess.CalledProcessError) else error
        print(f"pr_preview: kan de gewijzigde bestanden niet bepalen (basis {args.basis}): {detail}", file=sys.stderr)
        return 1
    check = None
    if args.controle and args.controle.is_file():
        check = parse_annotations(args.controle.read_text(encoding="utf-8", errors="replace"))
    site = args.site if args.site.is_dir() else None
    print(render(changes, site=site, root=args.root, check=check, check_outcome=args.controle_uitkomst or None,
                 build_outcome=args.build_uitkomst or None, artefact=args.artefact, artefact_url=args.artefact_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
