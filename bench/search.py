"""Search engines side by side: ``python -m bench.search --voor <tree>`` (see BENCHMARKS.md, "Zoeken").

Measures, for the engine of this tree and for the engine of another checkout of the project
(``--voor``: e.g. the commit before Pagefind, with its own kennisbank package), in Chromium:

- **index bytes** at N cases (bench/corpus.py): every file of the search index, raw and gzipped;
- **bytes before first use**: what a page downloads of the search index when nobody searches;
- **bytes for the first query**: every file fetched from the moment the reader types a query
  until the results are shown (gzipped sizes, as a static host serves them), the page's own
  HTML, CSS and bundle not counted;
- **query time**: from typing to results, for the first query (loading included) and for the
  next ones (median and slowest), through Material's search box;
- **relevance** on the test set (tests/search_set.py, its own small corpus): recall@3 and MRR.

Each tree builds its own copies with its own code (``PYTHONPATH``), so both run on the same
machine, corpus and browser.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import generate

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["leegstand", "winkelpanden", "Dordrecht", "kwartiermaker", "revolverend fonds", "eigenaren",
           "transformatie van kantoorpanden", "ondermijning", "Voorstraat", "huurkorting"]


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def build(tree: Path, project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build in {project} faalde:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def copy_site(tree: Path, project: Path) -> None:
    project.mkdir(parents=True)
    shutil.copy(tree / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "hooks", "data"):
        shutil.copytree(tree / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))


def index_files(site: Path) -> list[Path]:
    files = [site / "search" / "search_index.json"]
    for folder in ("pagefind", "search/woorden"):
        if (site / folder).exists():
            files += [path for path in (site / folder).rglob("*") if path.is_file()]
    files += [site / "search" / "zoekhulp.json"] if (site / "search" / "zoekhulp.json").exists() else []
    return files


SEARCHING = ("search/", "pagefind/", "javascripts/workers/", "javascripts/lunr/")


def measure_browser(site: Path, queries: list[str]) -> dict:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, serve

    url, server = serve(site, "/")
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(request.url[len(url):].split("?")[0]))
            page.goto(url)
            page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                                   " === 'Typ om te beginnen met zoeken'", timeout=120_000)
            page.wait_for_timeout(500)
            before = [path for path in fetched if path.startswith(SEARCHING)]
            fetched.clear()
            times = []
            first_bytes = None
            for number, query in enumerate(queries):
                box = page.locator("input.md-search__input")
                box.click()
                box.fill("")
                page.wait_for_timeout(100)
                start = time.perf_counter()
                box.fill(query)
                box.press("End")  # Material reads the box on keyup
                page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0"
                                       " || /Geen/.test(document.querySelector('.md-search-result__meta').textContent)",
                                       timeout=60_000)
                times.append((time.perf_counter() - start) * 1000)
                if number == 0:
                    page.wait_for_timeout(300)
                    first = [path for path in fetched if path.startswith(SEARCHING)]
                    first_bytes = sum(gz(site / path) for path in dict.fromkeys(first) if (site / path).is_file())
            browser.close()
    finally:
        server.shutdown()
    before_bytes = sum(gz(site / path) for path in dict.fromkeys(before) if (site / path).is_file())
    return {"before_files": sorted(set(before)), "before_gz": before_bytes, "first_query_gz": first_bytes,
            "first_files": len(set(first)), "first_ms": times[0], "next_ms_median": statistics.median(times[1:]),
            "next_ms_max": max(times[1:])}


def relevance(tree: Path, work: Path) -> dict:
    """recall@3 and MRR of the test set, with the engine of ``tree``."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests import search_set
    from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, serve
    from tests.browser.search_harness import ask

    project = work / "zoekset"
    copy_site(tree, project)
    for path, text in search_set.CORPUS.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    build(tree, project)
    url, server = serve(project / "site", "/")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(url)
            answers = {answer.query: answer.pages for answer in ask(page, project / "site", search_set.all_queries())}
            browser.close()
    finally:
        server.shutdown()
    return {**search_set.scores(answers), "misses": search_set.misses(answers)}


def measure(tree: Path, cases: int, work: Path) -> dict:
    project = work / f"n{cases}"
    copy_site(tree, project)
    generate(project, cases)
    seconds = build(tree, project)
    site = project / "site"
    files = index_files(site)
    return {"tree": str(tree), "cases": cases, "build_s": round(seconds, 1),
            "index_raw": sum(path.stat().st_size for path in files), "index_gz": sum(gz(path) for path in files),
            "index_files": len(files), **measure_browser(site, QUERIES), "relevance": relevance(tree, work)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voor", type=Path, help="een andere checkout om mee te vergelijken")
    parser.add_argument("--casussen", type=int, default=1000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = []
    for tree in ([args.voor] if args.voor else []) + [ROOT]:
        with tempfile.TemporaryDirectory(prefix="kb-zoeken-") as work:
            results.append(measure(tree.resolve(), args.casussen, Path(work)))
            print(json.dumps(results[-1], indent=1, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
