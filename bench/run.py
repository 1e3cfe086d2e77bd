"""Measure builds at scale: ``python -m bench`` (see BENCHMARKS.md).

For each size N it generates N cases, N/5 instruments and N/100 toolkits (bench/corpus.py)
in a temporary copy of the site (mkdocs.yml, docs/, hooks/, data/) and measures, one after
the other on the same machine:

- validation alone (``load_corpus``, in-process time, and ``kennisbank check`` as a command);
- the full ``mkdocs build --strict``: wall time, peak memory (RSS) of the build process,
  HTML pages, output bytes per page, search index size;
- the reference: a bare mkdocs-material build of as many plain pages (a case body each,
  outside the nav) with the same theme settings, Markdown extensions, search settings and
  nav, but without our hook, other plugins or theme overrides;
- with ``mkdocs serve``: the time from editing one case (first its text, then its summary)
  until the case page, and a list page that shows its summary, are served with the new text;
- with ``--lighthouse``: Lighthouse (mobile) on one page of each type of the full build, served
  gzipped (bench/lighthouse.py).

Each build runs as a child process, so its peak memory is its own (``os.wait4``).
The machine may be shared: compare the ratios of one run, and read the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

from .corpus import generate
from .lighthouse import measure as measure_lighthouse
from .lighthouse import print_scores

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "Jinja2",
            "PyYAML", "jsonschema", "nh3")


@dataclass
class Build:
    seconds: float  # wall time of the whole command, interpreter start included
    reported: float | None  # "Documentation built in X seconds" (without loading the config)
    peak_mb: float  # maximum resident set size of the build process
    pages: int
    bytes_per_page: int
    search_index_bytes: int  # Material's index, or Pagefind's folder when the site has one
    html_bytes: dict[str, int] = field(default_factory=dict)  # largest pages of a type: address -> bytes


@dataclass
class Result:
    cases: int
    instruments: int
    toolkits: int
    validation_seconds: float  # load_corpus in-process
    check_seconds: float  # `kennisbank check` as a command (interpreter start and imports included)
    full: Build
    reference: Build
    serve_initial_seconds: float | None = None
    serve_text_seconds: float | None = None  # edit of the text -> the case page shows it
    serve_page_seconds: float | None = None  # edit of the summary -> the case page shows it
    serve_lists_seconds: float | None = None  # edit of the summary -> the overview's index (cases/lijst.json) has it
    serve_rebuild_reported: list[str] = field(default_factory=list)  # "Documentation built in" of each rebuild
    lighthouse: dict[str, dict] = field(default_factory=dict)  # page type -> scores (bench/lighthouse.py)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.full.seconds / self.reference.seconds


# -- running children --------------------------------------------------------------


def run_child(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a command; return (wall seconds, peak RSS in MB, stderr). Raise with its output if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} faalde in {cwd}:\n{output[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, output


def measure_build(project: Path) -> Build:
    site = project / "site"
    seconds, peak, output = run_child([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project)
    reported = re.findall(r"Documentation built in ([0-9.]+) seconds", output)
    pages = [p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts]
    pagefind = site / "pagefind"
    index = [site / "search" / "search_index.json"] if not pagefind.exists() else \
        [path for path in pagefind.rglob("*") if path.is_file()]
    largest = sorted(pages, key=lambda path: -path.stat().st_size)[:5]
    return Build(seconds=seconds, reported=float(reported[-1]) if reported else None, peak_mb=peak,
                 pages=len(pages), bytes_per_page=sum(p.stat().st_size for p in pages) // max(1, len(pages)),
                 search_index_bytes=sum(path.stat().st_size for path in index if path.exists()),
                 html_bytes={str(path.relative_to(site).parent): path.stat().st_size for path in largest})


def measure_validation(project: Path) -> tuple[float, float]:
    code = ("import sys, time\nfrom kennisbank.content.corpus import load_corpus\n"
            "start = time.perf_counter(); corpus = load_corpus(sys.argv[1])\n"
            "print(time.perf_counter() - start, len(corpus.problems))\n"
            "[print(p) for p in corpus.problems[:20]]")
    _, _, output = run_child([PYTHON, "-c", code, str(project)], project)
    seconds, problems = output.split("\n", 1)[0].split()
    if int(problems):
        raise SystemExit(f"het gegenereerde corpus bevat {problems} problemen:\n{output}")
    check, _, _ = run_child([PYTHON, "-m", "kennisbank.cli", "check", "--root", str(project)], project)
    return float(seconds), check


# -- the projects ------------------------------------------------------------------


def make_project(base: Path, cases: int) -> tuple[Path, dict[str, int]]:
    project = base / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "hooks", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    counts = generate(project, cases)
    return project, counts


class _Tagged(yaml.YAMLObject):
    """A value with a tag we do not interpret (e.g. !!python/name:), kept as it was."""

    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


def _keep_tag(loader, suffix, node):
    value = (loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode)
             else loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
             else loader.construct_mapping(node))
    return _Tagged(node.tag, value)


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", _keep_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_Dumper.add_representer(_Tagged, lambda dumper, data: (
    dumper.represent_scalar(data.tag, data.value) if isinstance(data.value, str)
    else dumper.represent_sequence(data.tag, data.value) if isinstance(data.value, list)
    else dumper.represent_mapping(data.tag, data.value)))


def _nav_paths(nav) -> list[str]:
    """Every page path in a nav config (nested lists and dicts)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [path for item in nav for path in _nav_paths(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    return []


def reference_config(project: Path) -> dict:
    """Our mkdocs.yml without the hook, the other plugins and the theme overrides: bare Material.

    Same theme settings, Markdown extensions, search settings and nav (its pages become plain
    pages), so the only differences are the content and what our engine adds.
    """
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    search = [plugin for plugin in config.get("plugins", ["search"])
              if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin)]
    return {
        "site_name": "Referentie", "site_url": config.get("site_url"), "theme": theme,
        "plugins": search or ["search"], "markdown_extensions": config.get("markdown_extensions", []),
        "nav": config.get("nav", [{"Home": "index.md"}]), "not_in_nav": "/p/",
        "validation": {"nav": {"omitted_files": "info", "not_found": "info"},
                       "links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}},
    }


def _write_reference(reference: Path, project: Path) -> Path:
    docs = reference / "docs"
    docs.mkdir(parents=True)
    (reference / "mkdocs.yml").write_text(yaml.dump(reference_config(project), Dumper=_Dumper, allow_unicode=True),
                                          encoding="utf-8")
    return docs


def make_reference(base: Path, project: Path, pages: int) -> Path:
    """As many plain pages as the full build has, each a case body under its title; the nav's pages too."""
    reference = base / "reference"
    docs = _write_reference(reference, project)
    bodies = []
    for path in sorted((project / "cases").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        bodies.append(f"# {yaml.safe_load(front)['titel']}\n\n{body}")
    nav = _nav_paths(yaml.load((reference / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"])
    paths = nav + [f"p/{number:05d}.md" for number in range(pages - 1 - len(nav))]  # 404.html is built by both
    for number, path in enumerate(paths):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(bodies[number % len(bodies)], encoding="utf-8")
    return reference


# -- mkdocs serve --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, timeout: float, process: subprocess.Popen) -> float | None:
    """Seconds until ``url`` serves a page containing ``text`` (None after ``timeout``)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            return None
        page = _fetch(url)
        if page is not None and text in page:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def measure_serve(project: Path, result: Result) -> None:
    """Start ``mkdocs serve`` and edit one case twice; time until the browser can get the result.

    First a change in the text (the usual edit: only the case's own page depends on it), then
    a change in its summary, which the lists showing the case repeat (timed on the overview's index).
    """
    cases = sorted((project / "cases").glob("*.md"))
    case = cases[len(cases) // 2]
    text = original = case.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    port = _free_port()
    base = f"http://127.0.0.1:{port}" + (re.sub(r"^https?://[^/]+", "", meta_site_url(project)) or "/")
    case_url = f"{base}cases/{case.stem}/"
    # The list that holds every case's summary: the overview's index (term pages show only the ten newest).
    list_url = f"{base}cases/lijst.json"
    log = open(project / "serve.log", "w")  # noqa: SIM115 (closed in the finally below, after serve stops)
    process = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr",
                                f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        result.serve_initial_seconds = _wait_for(case_url, "<html", 900, process)
        if result.serve_initial_seconds is None:
            result.notes.append("mkdocs serve startte niet; zie serve.log")
            return
        time.sleep(2)  # let the file watcher take its first snapshot
        marker = f"Tekst{port}"
        text += f"\nDeze alinea is toegevoegd tijdens de meting ({marker}).\n"
        case.write_text(text, encoding="utf-8")
        start = time.monotonic()
        page = _wait_for(case_url, marker, 300, process)
        result.serve_text_seconds = None if page is None else time.monotonic() - start
        time.sleep(2)  # let that rebuild finish
        marker = f"Samenvatting{port}"
        edited = text.replace(f"samenvatting: {meta['samenvatting']}",
                              f"samenvatting: {meta['samenvatting']} {marker} bijgewerkt.", 1)
        assert marker in edited, "samenvatting niet gevonden in de YAML-kop"
        case.write_text(edited, encoding="utf-8")
        start = time.monotonic()
        page = _wait_for(case_url, marker, 300, process)
        result.serve_page_seconds = None if page is None else time.monotonic() - start
        lists = _wait_for(list_url, marker, 300, process)
        result.serve_lists_seconds = None if lists is None else time.monotonic() - start
        time.sleep(1)
    finally:
        case.write_text(original, encoding="utf-8")
        process.terminate()  # only the process this benchmark started
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
    reported = re.findall(r"Documentation built in ([0-9.]+) seconds", (project / "serve.log").read_text())
    result.serve_rebuild_reported = reported[1:]


def meta_site_url(project: Path) -> str:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    url = config.get("site_url") or "/"
    return url if url.endswith("/") else url + "/"


# -- report ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    versions = {}
    for package in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"), "nproc": str(os.cpu_count()), "cpu": cpu,
        "ram": f"{int(memory) / 1024 / 1024:.1f} GiB", "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "packages": ", ".join(f"{name} {version}" for name, version in versions.items()),
        "load": "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg()),
    }


def _fmt(value: float | None, unit: str = " s") -> str:
    return "–" if value is None else f"{value:.2f}{unit}"


def print_result(result: Result) -> None:
    full, ref = result.full, result.reference
    print(f"\n== {result.cases} casussen, {result.instruments} instrumenten, {result.toolkits} toolkits "
          f"({full.pages} pagina's)")
    print(f"validatie (load_corpus)        {_fmt(result.validation_seconds)}   "
          f"kennisbank check: {_fmt(result.check_seconds)}")
    builds = [("volledige build --strict", full), ("referentie (kale Material)", ref)]
    for label, build in builds:
        print(f"{label:<30} {_fmt(build.seconds)}  {1000 * build.seconds / build.pages:6.1f} ms/pagina  "
              f"piek {build.peak_mb:6.0f} MB  {build.bytes_per_page / 1024:6.1f} KB/pagina  "
              f"zoekindex {build.search_index_bytes / 1e6:5.2f} MB  (intern {_fmt(build.reported)})")
    print(f"verhouding volledig/referentie {result.ratio:.2f}x")
    if result.serve_page_seconds is not None:
        print(f"mkdocs serve: eerste build {_fmt(result.serve_initial_seconds)}; tekst bewerkt: casuspagina na "
              f"{_fmt(result.serve_text_seconds)}; samenvatting bewerkt: casuspagina na "
              f"{_fmt(result.serve_page_seconds)}, overzichtsindex na {_fmt(result.serve_lists_seconds)} "
              f"(rebuilds intern: {', '.join(result.serve_rebuild_reported)} s)")
    print("grootste pagina's: " + ", ".join(f"/{url}/ {size / 1024:.0f} KB" for url, size in full.html_bytes.items()))
    if result.lighthouse:
        print_scores(result.lighthouse)
    for note in result.notes:
        print(f"let op: {note}")


def print_summary(results: list[Result]) -> None:
    print("\n| N casussen | pagina's | volledig | ms/pagina | referentie | verhouding | validatie | piekgeheugen "
          "| bytes/pagina | zoekindex | serve: tekst | serve: samenvatting (casus / overzichtsindex) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r.cases} | {r.full.pages} | {r.full.seconds:.1f} s | {1000 * r.full.seconds / r.full.pages:.1f} "
              f"| {r.reference.seconds:.1f} s | {r.ratio:.2f}× | {r.validation_seconds:.2f} s "
              f"| {r.full.peak_mb:.0f} MB | {r.full.bytes_per_page / 1024:.1f} KB "
              f"| {r.full.search_index_bytes / 1e6:.2f} MB "
              f"| {_fmt(r.serve_text_seconds)} | {_fmt(r.serve_page_seconds)} / {_fmt(r.serve_lists_seconds)} |")
    by_size = {r.cases: r for r in results}
    if 1000 in by_size and 2000 in by_size:
        one, two = by_size[1000], by_size[2000]
        print(f"\nlineariteit: build 2000/1000 = {two.full.seconds / one.full.seconds:.2f}× "
              f"(referentie {two.reference.seconds / one.reference.seconds:.2f}×), bytes/pagina "
              f"{two.full.bytes_per_page / one.full.bytes_per_page:.2f}×")


def run(size: int, serve: bool, keep: bool, lighthouse: bool = False) -> Result:
    base = Path(tempfile.mkdtemp(prefix=f"kennisbank-bench-{size}-"))
    try:
        project, counts = make_project(base, size)
        validation, check = measure_validation(project)
        full = measure_build(project)
        reference_project = make_reference(base, project, full.pages)
        reference = measure_build(reference_project)
        result = Result(cases=counts["cases"], instruments=counts["instruments"], toolkits=counts["toolkits"],
                        validation_seconds=validation, check_seconds=check, full=full, reference=reference)
        if lighthouse:
            result.lighthouse = measure_lighthouse(project / "site", reference=reference_project / "site")
        if serve:
            measure_serve(project, result)
        if keep:
            result.notes.append(f"bewaard in {base}")
        return result
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Meet builds van de kennisbank op schaal.")
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 1000, 2000], help="aantallen casussen")
    parser.add_argument("--geen-serve", action="store_true", help="sla de meting met mkdocs serve over")
    parser.add_argument("--bewaar", action="store_true", help="laat de tijdelijke mappen staan")
    parser.add_argument("--lighthouse", action="store_true",
                        help="meet ook elke paginasoort met Lighthouse (mobiel, gzip), zie bench/lighthouse.py")
    parser.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit bestand")
    args = parser.parse_args(argv)
    info = machine()
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram']} RAM, Python {info['python']}, "
          f"{info['system']}\npakketten: {info['packages']}\nload average bij de start: {info['load']}")
    results = []
    for size in args.sizes:
        result = run(size, serve=not args.geen_serve, keep=args.bewaar, lighthouse=args.lighthouse)
        print_result(result)
        results.append(result)
    info["load_end"] = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    print_summary(results)
    print(f"\nload average aan het eind: {info['load_end']} ({info['date']})")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": [
            {**asdict(r), "ratio": r.ratio} for r in results]}, indent=2), encoding="utf-8")
    return 0
