"""Command line: ``kennisbank check`` validates the content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import load_corpus


def check(args: argparse.Namespace) -> int:
    corpus = load_corpus(Path(args.root))
    for problem in corpus.problems:
        print(problem)
    count = len(corpus.problems)
    print(f"{count} probleem gevonden" if count == 1 else f"{count} problemen gevonden", file=sys.stderr)
    return 1 if count else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kennisbank", description="Kennisbank Dynamische Binnensteden")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="controleer alle inhoud")
    check_parser.add_argument("--root", default=".", help="map van de kennisbank (standaard: huidige map)")
    check_parser.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
