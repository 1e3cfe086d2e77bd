"""Images and attachments: the folder next to each file, and what may be in it.

A case ``cases/breda-leegstand.md`` keeps its images and PDF attachments in the folder
``cases/breda-leegstand/`` (an instrument in ``instrumenten/<naam>/``, a toolkit in
``instrumenten/toolkits/<naam>/``). The body links them relative to the file, as GitHub's
editor and preview do: ``![Gevel na de verbouwing](breda-leegstand/gevel.jpg)``. The site
publishes the folder next to the item's page (``/cases/breda-leegstand/gevel.jpg``), so the
same link works there; a toolkit's folder moves with its page to ``/toolkits/<naam>/``.

The checks here need no body: a folder must belong to a file (a rename moves both), a file
must be an image (png, jpg, gif, webp) or a PDF, at most 1 MB, with a plain name; anything
else in a content folder that is not read is reported instead of ignored. PDF attachments are
listed on the item's page with their size (``Attachment``).

A file is what its content says, not what its name says: the first bytes of each file must
be the signature its extension promises (the fixed "magic numbers" at the start of PNG,
JPEG, GIF, WebP and PDF, from each format's specification), so a text or HTML file named
``foto.png`` is refused, and a JPEG named ``.png`` is told its right name. Five fixed byte
strings need no library (``filetype`` or libmagic would compare the same bytes). A symbolic
link is refused before anything is read (``symlinks.py``).

SVG from contributors is refused, not sanitised: an SVG is a document that can carry script
and links, which run at the site's own address when a reader opens the file; there is no
well-kept sanitiser for SVG in Python (nh3/ammonia cleans HTML, not SVG), and a contributor
loses nothing by saving a drawing as PNG or WebP. The site's own drawings in ``docs/`` are
checked by ``svg.py``.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kennisbank.content import symlinks
from kennisbank.content.problems import Problem

MAX_BYTES = 1024 * 1024  # 1 MB per file
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
ATTACHMENT_TYPES = (".pdf",)
ALLOWED = ", ".join(t.lstrip(".") for t in IMAGE_TYPES + ATTACHMENT_TYPES)
NAME = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*\.[a-z0-9]+$")
# Per type: what a file of it starts with ('?' is any byte: WebP is 'RIFF', four bytes of size, 'WEBP'), the
# extension to suggest for it, and the extensions that promise it.
SIGNATURES = {
    "PNG-afbeelding": ((b"\x89PNG\r\n\x1a\n",), ".png", (".png",)),
    "JPEG-afbeelding": ((b"\xff\xd8\xff",), ".jpg", (".jpg", ".jpeg")),
    "GIF-afbeelding": ((b"GIF87a", b"GIF89a"), ".gif", (".gif",)),
    "WebP-afbeelding": ((b"RIFF????WEBP",), ".webp", (".webp",)),
    "PDF-document": ((b"%PDF-",), ".pdf", (".pdf",)),
}


@dataclass(frozen=True)
class MediaFile:
    """An image or attachment of an item, as the repository has it and as the site publishes it."""

    repo: str  # cases/x/foto.jpg
    site: str  # cases/x/foto.jpg on the site (toolkits/x/foto.jpg for a toolkit)
    path: str  # absolute path on disk
    size: int

    @property
    def name(self) -> str:
        return self.repo.rsplit("/", 1)[-1]

    @property
    def is_image(self) -> bool:
        return self.name.lower().endswith(IMAGE_TYPES)

    @property
    def is_attachment(self) -> bool:
        return self.name.lower().endswith(ATTACHMENT_TYPES)


@dataclass(frozen=True)
class Attachment:
    """A PDF listed under 'Bijlagen' on the item's page."""

    title: str
    site: str  # docs path of the file on the site
    size: int

    @property
    def size_text(self) -> str:
        """'240 kB', '1,2 MB'."""
        return size_text(self.size)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def _shrink_advice(name: str) -> str:
    if name.lower().endswith(ATTACHMENT_TYPES):
        return ("Maak de PDF kleiner (in Word of Acrobat: 'Opslaan als PDF' met 'Minimale grootte' of 'Kleiner "
                "bestand'), of link naar de PDF op de site van uw organisatie")
    return ("Verklein de afbeelding tot hooguit 1600 pixels breed en sla haar op als JPEG met kwaliteit 80 (in "
            "Paint: 'Formaat wijzigen'; op een Mac in Voorvertoning: 'Pas grootte aan'); een foto is dan zo'n 300 kB")


def scan_folder(root: Path, folder: str, site_folder: str, slugs: set[str], skip: set[str]) -> tuple[
        dict[str, list[MediaFile]], list[Problem]]:
    """The media of every item in a content folder, by slug, and the problems of what lies there.

    ``slugs``: the items (file names without .md) in ``folder``; ``skip``: sub-folders that are
    content folders themselves (``instrumenten/toolkits``).
    """
    media: dict[str, list[MediaFile]] = {}
    problems: list[Problem] = []
    directory = root / folder
    refusal = symlinks.refusal(directory, folder)
    if refusal is not None:
        return media, [refusal]
    if not directory.is_dir():
        return media, problems
    for entry in sorted(directory.iterdir()):
        relative = f"{folder}/{entry.name}"
        if entry.name.startswith(".") or relative in skip:
            continue
        if entry.suffix == ".md":
            continue  # a content file: the corpus reads it, or says why it cannot (a link, a folder)
        if not symlinks.is_plain(entry):
            problems.append(symlinks.problem(relative, relative, root))
            continue
        if entry.is_file():
            problems.append(Problem(relative, 1, _stray_file(entry, folder, slugs)))
            continue
        if entry.name not in slugs:
            problems += _orphan_folder(root, entry, folder, relative, slugs)
            continue
        media[entry.name] = []
        for item in sorted(entry.rglob("*")):  # a linked folder is listed, not entered
            item_relative = item.relative_to(root).as_posix()
            plain = symlinks.is_plain(item)
            if item.name.startswith(".") or (plain and item.is_dir()):
                continue
            if not plain:  # never read, not even for its size
                problems.append(symlinks.problem(item_relative, item_relative, root))
            elif item.parent != entry:
                problems.append(Problem(item_relative, 1, f"zet bestanden direct in {relative}/, zonder submap"))
            else:
                problems += _file_problems(item, item_relative)
            if item.parent == entry:
                # Listed even with a problem: a link to it then finds it, and the problem above says what is wrong.
                media[entry.name].append(MediaFile(item_relative, f"{site_folder}/{entry.name}/{item.name}",
                                                   str(item), item.lstat().st_size))
    return media, problems


def _stray_file(entry: Path, folder: str, slugs: set[str]) -> str:
    if entry.suffix.lower() in (".md", ".markdown", ".mdown", ".txt") or entry.name.lower().endswith(".md.txt"):
        stem = entry.name.split(".")[0]
        return (f"dit bestand wordt niet gelezen: alleen bestanden die eindigen op '.md' (kleine letters) zijn "
                f"inhoud. Hernoem het naar {stem}.md")
    if entry.suffix.lower() in IMAGE_TYPES + ATTACHMENT_TYPES:
        return (f"afbeeldingen en bijlagen horen in de map van het bestand waar ze bij horen, bijvoorbeeld "
                f"{folder}/<naam>/{entry.name}, naast {folder}/<naam>.md")
    return f"dit bestand wordt niet gelezen: in {folder}/ horen alleen .md-bestanden en hun mappen met afbeeldingen"


def _orphan_folder(root: Path, entry: Path, folder: str, relative: str, slugs: set[str]) -> list[Problem]:
    close = difflib.get_close_matches(entry.name, sorted(slugs), n=1, cutoff=0.6)
    hint = (f" Hoort de map bij {folder}/{close[0]}.md? Hernoem haar dan naar {folder}/{close[0]}/." if close else
            " Hebt u het bestand hernoemd? Hernoem de map dan mee; anders kan zij weg.")
    files = [item for item in sorted(entry.rglob("*")) if item.is_file() and not item.name.startswith(".")]
    where = files[0].relative_to(root).as_posix() if files else relative
    return [Problem(where, 1, f"de map {relative}/ hoort bij geen bestand: {relative}.md bestaat niet; een map met "
                              f"afbeeldingen heet net zo als het bestand waar zij bij hoort.{hint}")]


def _file_problems(item: Path, relative: str) -> list[Problem]:
    problems = []
    suffix = item.suffix.lower()
    if suffix not in IMAGE_TYPES + ATTACHMENT_TYPES:
        hint = " (een SVG kan scripts bevatten; sla de afbeelding op als PNG, JPG of WebP)" if suffix == ".svg" else (
            " (sla een document op als PDF)" if suffix in (".doc", ".docx", ".odt", ".ppt", ".pptx", ".xls",
                                                           ".xlsx") else "")
        problems.append(Problem(relative, 1, f"bestanden van de soort '{suffix or item.name}' staan niet op de site; "
                                             f"toegestaan: {ALLOWED}{hint}"))
    elif not NAME.match(item.name):
        problems.append(Problem(relative, 1,
            f"de bestandsnaam '{item.name}' werkt niet goed in een link; gebruik kleine letters, cijfers en "
            f"koppeltekens, bijvoorbeeld '{_plain_name(item.name)}'"))
    size = item.stat().st_size
    if size > MAX_BYTES:
        problems.append(Problem(relative, 1, f"het bestand is {size_text(size)}; de grens is 1 MB per bestand. "
                                             f"{_shrink_advice(item.name)}"))
    elif suffix in IMAGE_TYPES + ATTACHMENT_TYPES:
        problems += _content_problems(item, relative, suffix)
    return problems


def content_type(start: bytes) -> str | None:
    """What the first bytes of a file say it is ('PNG-afbeelding', …), or None for none of the allowed types."""
    for name, (signatures, _, _) in SIGNATURES.items():
        if any(_starts_with(start, signature) for signature in signatures):
            return name
    return None


def _starts_with(start: bytes, signature: bytes) -> bool:
    """``start`` begins with ``signature``, where '?' in the signature stands for any byte."""
    return len(start) >= len(signature) and all(
        wanted in (actual, ord("?")) for wanted, actual in zip(signature, start, strict=False))


def _content_problems(item: Path, relative: str, suffix: str) -> list[Problem]:
    """The content must be the type the extension promises."""
    with item.open("rb") as file:
        start = file.read(16)
    found = content_type(start)
    expected = next(name for name, (_, _, suffixes) in SIGNATURES.items() if suffix in suffixes)
    if found == expected:
        return []
    if found is not None:
        right = item.stem + SIGNATURES[found][1]
        return [Problem(relative, 1, f"de inhoud van dit bestand is een {found}, maar de naam eindigt op "
                                     f"'{item.suffix}'; hernoem het naar '{right}' (en pas de link in de tekst aan)")]
    what = "leeg" if not start else "tekst (bijvoorbeeld HTML of SVG)" if _is_text(start) else "iets anders"
    advice = ("Sla het document opnieuw op als PDF" if suffix in ATTACHMENT_TYPES else
              "Sla de afbeelding opnieuw op als PNG, JPG of WebP (een andere naam geven verandert het bestand niet)")
    return [Problem(relative, 1, f"dit bestand heet '{item.name}', maar de inhoud is {what}, geen {expected}. {advice}")]


def _is_text(start: bytes) -> bool:
    """UTF-8 text (the start of it: a character may be cut off at the end)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        return False
    return b"\0" not in start


def _plain_name(name: str) -> str:
    stem, _, suffix = name.rpartition(".")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return (re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-") or "bestand") + "." + suffix.lower()
