"""Lighthouse for readers: ``python -m bench.lighthouse <site>`` (and ``python -m bench --lighthouse``).

Serves a built site gzipped, as GitHub Pages does, and runs Lighthouse (npm, pinned in
package.json; mobile, its default) on one page of each type: home, the overview of cases, a
case, the instruments, a theme, a city and the map; with the bench, also a page of the bare Material
build beside it. Prints the four scores per page.

Lighthouse is installed with the test tools (``scripts/setup-test-tools``); Chromium is the
system's (``CHROME_PATH``). The machine may be shared: performance varies between runs, so the
report gives the load average with it, and each page is measured three times (``--keer``): the
performance score is the median of the runs, as Lighthouse's own documentation advises ("Lighthouse
variability"), the other three are the lowest, so that a failure in any run shows.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import statistics
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update " \
    "--disable-sync"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser accepts it (as Pages serves them)."""

    def log_message(self, format, *args):  # noqa: A002 (the name is the base class's)
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()  # folders without a slash are redirected there
        body = _compressed(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as Pages does
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    """A file-like object over bytes, for copyfile() of the base class."""

    def __init__(self, data: bytes):
        self.data, self.done = data, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self) -> None:
        pass


@functools.lru_cache(maxsize=4096)
def _compressed(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free local port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_types(site: Path) -> dict[str, str]:
    """One address per page type; the case, theme and city are those with the most around them."""
    def first(folder: str) -> str:
        names = sorted(path.parent.name for path in (site / folder).glob("*/index.html")
                       if path.parent.name != "pagina")
        return f"{folder}/{names[0]}/" if names else f"{folder}/"

    cities = sorted((site / "steden").glob("*/index.html"), key=lambda path: -path.stat().st_size)
    return {
        "home": "", "overzicht casussen": "cases/", "casus": first("cases"), "instrumenten": "instrumenten/",
        "thema": "themas/vastgoed/" if (site / "themas/vastgoed/index.html").exists() else first("themas"),
        "stad": f"steden/{cities[0].parent.name}/" if cities else "steden/", "kaart": "kaart/",
    }


def run_lighthouse(url: str) -> dict[str, int]:
    """The four scores (0-100) of one page, mobile."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse ontbreekt: draai scripts/setup-test-tools (npm ci).")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "rapport.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                       check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
                       capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failed = [audit["id"] for audit in data["audits"].values()
              if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary"]
    return {**scores, "onvoldoende": failed}  # type: ignore[dict-item]


RUNS = 3


def combined(runs: list[dict]) -> dict:
    """One page's scores over several runs: the median performance (it varies with the machine's load), the
    lowest of the others, every audit that failed in some run, and each run's performance score."""
    scores = {name: min(run[name] for run in runs) for name in CATEGORIES}
    scores["performance"] = round(statistics.median(run["performance"] for run in runs))
    failed = sorted({audit for run in runs for audit in run["onvoldoende"]})
    return {**scores, "onvoldoende": failed, "runs": [run["performance"] for run in runs]}


REFERENCE_LABEL = "referentie: kale Material"


def measure(site: Path, runs: int = RUNS, reference: Path | None = None) -> dict[str, dict]:
    """Lighthouse scores per page type of a built site, served gzipped; ``runs`` runs per page.

    ``reference``: the bench's bare Material build (bench/run.py), whose first plain page holds a case's
    text. Measured in the same run, it shows what this machine gives a page without anything of ours.
    """
    pages = [(site, label, path) for label, path in page_types(site).items()]
    if reference is not None:
        plain = sorted(path.parent.name for path in (reference / "p").glob("*/index.html"))
        pages.append((reference, REFERENCE_LABEL, f"p/{plain[0]}/"))
    results = {}
    for folder, label, path in pages:
        with serve(folder) as base:
            results[label] = {"pad": path, **combined([run_lighthouse(base + path) for _ in range(runs)])}
    return results


def print_scores(results: dict[str, dict]) -> None:
    print("| pagina | pad | performance (mediaan) | per meting | toegankelijkheid | best practices | SEO |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, scores in results.items():
        runs = ", ".join(map(str, scores.get("runs", [scores["performance"]])))
        print(f"| {label} | /{scores['pad']} | {scores['performance']} | {runs} | {scores['accessibility']} "
              f"| {scores['best-practices']} | {scores['seo']} |")
    for label, scores in results.items():
        if scores["onvoldoende"]:
            print(f"{label}: onvoldoende audits: {', '.join(scores['onvoldoende'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse",
                                     description="Lighthouse (mobiel) op elk paginatype van een gebouwde site.")
    parser.add_argument("site", type=Path, help="de map van een gebouwde site (mkdocs build)")
    parser.add_argument("--keer", type=int, default=RUNS, help=f"metingen per pagina (standaard {RUNS})")
    parser.add_argument("--referentie", type=Path,
                        help="ook de eerste gewone pagina van deze kale Material-build meten (bench --bewaar)")
    args = parser.parse_args(argv)
    print("load average bij de start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print_scores(measure(args.site, args.keer, args.referentie))
    print("load average aan het eind: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
