"""Command line: ``kennisbank check`` validates the content without building the site,
``kennisbank nieuw`` starts a new case, instrument or toolkit from its template (or a new city,
partner, ijkmoment or City Deal in data/), ``kennisbank gepubliceerd`` records what is published.

``check`` always reads the whole corpus, so that references resolve exactly as in the
build, and then reports the problems of the files asked for. With ``--format github`` each
problem becomes a workflow command that GitHub shows on the line in the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kennisbank.content.corpus import CONTENT_FOLDERS, load_corpus
from kennisbank.content.nieuw import DATA_KINDS, Refused, new_entry, new_file
from kennisbank.content.problems import Problem
from kennisbank.content.published import MANIFEST, updated_manifest

CHECKED_FOLDERS = (*CONTENT_FOLDERS.values(), "data")

# argparse's own words, in Dutch (its messages come from gettext without a Dutch catalogue)
_ARGPARSE_WORDS = {
    "the following arguments are required": "deze argumenten ontbreken",
    "invalid choice": "ongeldige keuze",
    "choose from": "kies uit",
    "unrecognized arguments": "onbekende argumenten",
    "expected one argument": "verwacht één waarde",
}


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that speaks Dutch in its usage line, headings and errors."""

    def __init__(self, *args, **kwargs):
        kwargs.update(add_help=False, formatter_class=_Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str):
        for english, dutch in _ARGPARSE_WORDS.items():
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


# -- check --------------------------------------------------------------------------------

def github_escape_data(text: str) -> str:
    """Escape a workflow command's message (GitHub: % CR LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value (GitHub: % CR LF : ,)."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(path: str, problem: Problem, level: str = "error") -> str:
    return (f"::{level} file={github_escape_property(path)},line={problem.line}::"
            f"{github_escape_data(problem.message)}")


def _selection(root: Path, paths: list[str]) -> tuple[list[str], list[str]]:
    """The given paths relative to ``root`` (files or folders), and the ones that do not exist."""
    selected, missing = [], []
    for given in paths:
        path = Path(given).resolve()
        if not path.exists():
            missing.append(given)
            continue
        try:
            relative = path.relative_to(root.resolve()).as_posix()
        except ValueError:
            missing.append(given)
            continue
        selected.append("" if relative == "." else relative)
    return selected, missing


def _wanted(problem_path: str, selected: list[str]) -> bool:
    return any(not chosen or problem_path == chosen or problem_path.startswith(chosen.rstrip("/") + "/")
               for chosen in selected)


def check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    selected, missing = _selection(root, args.paths)
    if missing:
        for given in missing:
            print(f"{given}: bestaat niet (of ligt buiten {root})", file=sys.stderr)
        return 2
    for chosen in selected:
        if chosen and not any(chosen == folder or chosen.startswith(folder + "/") or folder.startswith(chosen + "/")
                              for folder in CHECKED_FOLDERS):
            print(f"{chosen}: overgeslagen, geen inhoud (gecontroleerd worden {', '.join(CHECKED_FOLDERS)})",
                  file=sys.stderr)
    corpus = load_corpus(root, with_dates=False)
    problems = [p for p in corpus.problems if not args.paths or _wanted(p.path, selected)]
    warnings = [w for w in corpus.warnings if not args.paths or _wanted(w.path, selected)]
    for level, found in (("error", problems), ("warning", warnings)):
        for problem in found:
            shown = os.path.relpath(root / problem.path) if args.root != "." else problem.path
            if args.format == "github":
                print(github_annotation(Path(shown).as_posix(), problem, level))
            else:
                print(f"{Path(shown).as_posix()}:{problem.line}: {problem.message}")
    files = len({problem.path for problem in problems})
    if warnings:
        count = "1 waarschuwing" if len(warnings) == 1 else f"{len(warnings)} waarschuwingen"
        effect = (" (met --streng telt elke waarschuwing als probleem)" if args.streng
                  else ": die houden niets van de site, maar kijk ze na (met --streng tellen ze als problemen)")
        print(count + effect, file=sys.stderr)
    if problems:
        count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
        print(f"{count} gevonden in {files} bestand{'en' if files != 1 else ''}", file=sys.stderr)
        return 1
    if warnings and args.streng:
        return 1
    print(f"Geen problemen gevonden ({len(corpus.cases)} casussen, {len(corpus.instrumenten)} instrumenten, "
          f"{len(corpus.toolkits)} toolkits; concepten tellen niet mee)", file=sys.stderr)
    return 0


# -- nieuw --------------------------------------------------------------------------------

def nieuw(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.soort in DATA_KINDS:
        try:
            relative, slug = new_entry(root, args.soort, args.naam)
        except Refused as refusal:
            print(f"Niet toegevoegd: {refusal}", file=sys.stderr)
            return 1
        print(f"Toegevoegd aan {relative}: {args.soort} '{slug}' (onderaan het bestand).\n"
              f"Vervang elke 'VUL IN' (de uitleg staat erbij); in een casus verwijst u ernaar met '{slug}'.\n"
              f"Controleer daarna met: kennisbank check {relative}")
        return 0
    try:
        path = new_file(root, args.soort, args.naam)
    except Refused as refusal:
        print(f"Niet aangemaakt: {refusal}", file=sys.stderr)
        return 1
    relative = path.relative_to(root).as_posix()
    print(f"Aangemaakt: {relative}\n"
          f"Vul elk veld met 'VUL IN' in (de uitleg staat erbij) en schrijf de tekst onder de kop.\n"
          f"Controleer daarna met: kennisbank check {relative}")
    return 0


# -- gepubliceerd -------------------------------------------------------------------------

def gepubliceerd(args: argparse.Namespace) -> int:
    root = Path(args.root)
    corpus = load_corpus(root, with_dates=False)
    published: dict[str, dict[str, str]] = {entity.kind: {} for entity in corpus.entities()}
    for entity in corpus.entities():
        published[entity.kind][entity.id] = entity.title
    text, added = updated_manifest(root, published)
    (root / MANIFEST).write_text(text, encoding="utf-8")
    if added:
        for kind, slugs in added.items():
            print(f"Toegevoegd aan {MANIFEST} ({kind}): {', '.join(slugs)}")
    else:
        print(f"{MANIFEST} was al bij: niets toegevoegd")
    if corpus.problems:
        print(f"Let op: {len(corpus.problems)} problemen; bestanden met een probleem staan niet op de site en zijn "
              "niet toegevoegd (zie kennisbank check)", file=sys.stderr)
    return 0


# -- entry point --------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    main_parser = _Parser(prog="kennisbank", description="Kennisbank Dynamische Binnensteden: inhoud controleren "
                                                         "en nieuwe casussen, instrumenten en toolkits beginnen.")
    commands = main_parser.add_subparsers(dest="command", required=True, title="opdrachten", metavar="OPDRACHT",
                                          parser_class=_Parser)

    check_parser = commands.add_parser(
        "check", help="controleer de inhoud (alles, of de bestanden die u noemt)",
        description="Controleer casussen, instrumenten, toolkits en referentiedata tegen de schema's en elkaar. "
                    "Elk probleem komt op een eigen regel als 'bestand:regel: melding'. Verwijzingen worden altijd "
                    "tegen de hele kennisbank gecontroleerd, ook als u alleen bepaalde bestanden noemt. "
                    "Een waarschuwing (regel met 'waarschuwing:') houdt niets van de site: wat nagekeken moet worden, zoals "
                    "een wettelijke basis die langer dan 12 maanden niet is gecontroleerd. "
                    "Afsluitcode: 0 zonder problemen, 1 bij problemen (of bij waarschuwingen met --streng), 2 bij een "
                    "verkeerd commando.")
    check_parser.add_argument("paths", nargs="*", metavar="PAD",
                              help="bestanden of mappen om te controleren (standaard: alles)")
    check_parser.add_argument("--root", default=".", help="map van de kennisbank (standaard: de huidige map)")
    check_parser.add_argument("--format", choices=("tekst", "github"), default="tekst",
                              help="'tekst' (standaard): bestand:regel: melding; 'github': meldingen als "
                                   "annotaties in een GitHub-workflow")
    check_parser.add_argument("--streng", action="store_true",
                              help="waarschuwingen (zoals een wettelijke basis die langer dan 12 maanden niet is "
                                   "gecontroleerd) tellen als problemen: afsluitcode 1")
    check_parser.set_defaults(run=check)

    new_parser = commands.add_parser(
        "nieuw", help="begin een nieuwe casus, instrument of toolkit, of voeg een stad, partner, ijkmoment of "
                      "City Deal toe",
        description="Maak een nieuw bestand uit het sjabloon in sjablonen/: cases/NAAM.md, instrumenten/NAAM.md "
                    "of instrumenten/toolkits/NAAM.md. De naam wordt ook het webadres: alleen kleine letters, "
                    "cijfers en koppeltekens, bijvoorbeeld 'utrecht-leegstand-oudegracht'. Of voeg onderaan "
                    "data/steden.yml, data/partners.yml, data/ijkmomenten.yml of data/citydeals.yml een nieuw "
                    "item toe: 'kennisbank nieuw stad \"\'s-Hertogenbosch\"', 'kennisbank nieuw ijkmoment 2027-q4'.")
    new_parser.add_argument("soort", choices=(*CONTENT_FOLDERS, *DATA_KINDS),
                            help="casus, instrument, toolkit, stad, partner, ijkmoment of citydeal")
    new_parser.add_argument("naam", help="de naam van het bestand zonder .md, bijvoorbeeld 'breda-leegstand-ginneken'; "
                                         "bij een stad, partner of City Deal de naam zoals lezers hem kennen; bij "
                                         "een ijkmoment jaar en kwartaal, bijvoorbeeld 2027-q4")
    new_parser.add_argument("--root", default=".", help="map van de kennisbank (standaard: de huidige map)")
    new_parser.set_defaults(run=nieuw)

    published_parser = commands.add_parser(
        "gepubliceerd", help=f"werk {MANIFEST} bij: de lijst van alles wat op de site staat",
        description=f"Voeg aan {MANIFEST} elke casus, elk instrument en elke toolkit toe die nu gepubliceerd is "
                    "(zonder problemen en geen concept). Er wordt niets weggehaald: staat een id in de lijst maar "
                    "niet meer in de inhoud, dan vraagt 'kennisbank check' om vorige_namen bij het nieuwe bestand. "
                    "Draai dit na het publiceren, of in de pull request die iets nieuws toevoegt.")
    published_parser.add_argument("--root", default=".", help="map van de kennisbank (standaard: de huidige map)")
    published_parser.set_defaults(run=gepubliceerd)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
