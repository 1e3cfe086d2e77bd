"""Measure builds at scale: ``python -m bench`` (see BENCHMARKS.md, which defines every row).

For each size N it generates N cases, N/5 instruments and N/100 toolkits (bench/corpus.py)
in a temporary copy of the site (mkdocs.yml, docs/, hooks/, data/) and measures, one after
the other on the same machine:

- ``kennisbank check`` as a command: the first run (no cache), the second run, and a run after
  one case changed (content/filecache.py keeps what unchanged files gave);
- the full ``mkdocs build --strict`` (after the check, as the workflows run it): wall time, peak
  memory (RSS) of the build process, HTML pages, output bytes per page, the size of every page,
  search index size;
- the reference: a bare mkdocs-material build of as many plain pages (a case's text each,
  outside the nav) with the same theme settings, Markdown extensions, Material's search plugin
  and nav, but without our hook, other plugins or theme overrides;
- with ``mkdocs serve`` (at the sizes of ``--serve``, and on a copy of the shipped site): the time
  from editing one case (its text, its summary, its title) until the case page, and after the
  summary the overview's index, are served with the new text;
- between sizes: build N ÷ build N/2, and every page's size at N against N/2 (a page that
  grows more than 5 % is reported);
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
    html_bytes: dict[str, int] = field(default_factory=dict)  # largest pages: address -> bytes
    page_bytes: dict[str, int] = field(default_factory=dict, repr=False)  # every HTML page: address -> bytes


@dataclass
class Serve:
    """mkdocs serve: seconds from saving an edit until the browser gets the page with it."""

    initial: float | None = None  # the first build, until the case page is served
    edits: dict[str, float | None] = field(default_factory=dict)  # "tekst", "samenvatting", "titel" -> seconds
    summary_in_index: float | None = None  # the summary edit, until the overview's index (cases/lijst.json) has it
    rebuilds: list[str] = field(default_factory=list)  # "Documentation built in" of each rebuild


@dataclass
class Result:
    cases: int
    instruments: int
    toolkits: int
    check_first: float  # `kennisbank check` as a command, no cache (interpreter start and imports included)
    check_second: float  # the same, run again
    check_one_changed: float  # the same, after one case's text changed
    full: Build
    reference: Build
    serve: Serve | None = None
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
    sizes = {_address(path.relative_to(site)): path.stat().st_size for path in pages}
    largest = sorted(sizes, key=lambda address: -sizes[address])[:5]
    return Build(seconds=seconds, reported=float(reported[-1]) if reported else None, peak_mb=peak,
                 pages=len(pages), bytes_per_page=sum(sizes.values()) // max(1, len(pages)),
                 search_index_bytes=sum(path.stat().st_size for path in index if path.exists()),
                 html_bytes={address: sizes[address] for address in largest}, page_bytes=sizes)


def _address(relative: Path) -> str:
    """'cases/x/index.html' -> 'cases/x/', '404.html' -> '404.html'."""
    return relative.parent.as_posix() + "/" if relative.name == "index.html" and relative.parent.parts else \
        ("" if relative.name == "index.html" else relative.as_posix())


def measure_checks(project: Path) -> tuple[float, float, float]:
    """`kennisbank check` as a command: the first run, the second, and one after a case's text changed."""
    command = [PYTHON, "-m", "kennisbank.cli", "check", "--root", str(project)]
    first, _, _ = run_child(command, project)
    second, _, _ = run_child(command, project)
    case = sorted((project / "cases").glob("*.md"))[len(list((project / "cases").glob("*.md"))) // 3]
    original = case.read_text(encoding="utf-8")
    try:
        case.write_text(original + "\nEen alinea die de meting toevoegt.\n", encoding="utf-8")
        changed, _, _ = run_child(command, project)
    finally:
        case.write_text(original, encoding="utf-8")
    return first, second, changed


# -- the projects ------------------------------------------------------------------


def make_project(base: Path, cases: int) -> tuple[Path, dict[str, int]]:
    project = base / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "hooks", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    counts = generate(project, cases)
    return project, counts


def make_shipped(base: Path) -> Path:
    """A copy of the site as it is in the repository, with its own cases and instruments."""
    project = base / "echt"
    project.mkdir()
    for name in ("mkdocs.yml", "gepubliceerd.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, project / name)
    for folder in ("docs", "hooks", "data", "cases", "instrumenten", "sjablonen"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return project


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


def _cpu_ticks(pid: int) -> int:
    """CPU time used so far by a process and everything it started (Pagefind runs as a child)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


IDLE_SHARE = 0.25  # of one core: MkDocs' file watcher polls every file twice a second (about 9 % at 1,000 cases)


def _wait_until_idle(process: subprocess.Popen, timeout: float = 300) -> None:
    """Until serve and its children use less than a quarter of a core for a second: the rebuild and the work
    after it are done, and only the file watcher's polling is left."""
    start, previous = time.monotonic(), -1
    per_second = os.sysconf("SC_CLK_TCK")
    while time.monotonic() - start < timeout and process.poll() is None:
        ticks = _cpu_ticks(process.pid)
        if previous >= 0 and ticks - previous < IDLE_SHARE * per_second:
            return
        previous = ticks
        time.sleep(1)


SERVE_EDITS = ("tekst", "samenvatting", "titel")


def _with_field(text: str, name: str, value: str) -> str:
    """A content file with one field of its front matter changed."""
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data[name] = value
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body


def measure_serve(project: Path) -> Serve:
    """Start ``mkdocs serve`` and edit one case three times; time until the browser can get each result.

    First its text (only the case's own page shows it), then its summary (which the lists that
    show the case repeat; timed on the case page and on the overview's index), then its title.
    Before each edit serve has finished the previous rebuild and the work after it (search index).
    """
    cases = sorted((project / "cases").glob("*.md"))
    case = cases[len(cases) // 2]
    text = original = case.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    port = _free_port()
    base = f"http://127.0.0.1:{port}" + (re.sub(r"^https?://[^/]+", "", meta_site_url(project)) or "/")
    case_url = f"{base}cases/{case.stem}/"
    list_url = f"{base}cases/lijst.json"  # every case's summary: what the overview filters
    result = Serve()
    log = open(project / "serve.log", "w")  # noqa: SIM115 (closed in the finally below, after serve stops)
    process = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr",
                                f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    try:
        result.initial = _wait_for(case_url, "<html", 900, process)
        if result.initial is None:
            return result
        for edit in SERVE_EDITS:
            _wait_until_idle(process)
            marker = f"{edit.capitalize()}{port}"
            if edit == "tekst":
                text += f"\nDeze alinea is toegevoegd tijdens de meting ({marker}).\n"
            elif edit == "samenvatting":
                text = _with_field(text, "samenvatting", f"{meta['samenvatting']} {marker}")
            else:
                text = _with_field(text, "titel", f"Een bewerkte titel {marker}")
            case.write_text(text, encoding="utf-8")
            start = time.monotonic()
            page = _wait_for(case_url, marker, 300, process)
            result.edits[edit] = None if page is None else time.monotonic() - start
            if edit == "samenvatting":
                listed = _wait_for(list_url, marker, 300, process)
                result.summary_in_index = None if listed is None else time.monotonic() - start
        _wait_until_idle(process)
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
    result.rebuilds = reported[1:]
    return result


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


def _serve_line(serve: Serve) -> str:
    edits = ", ".join(f"{edit} {_fmt(seconds)}" for edit, seconds in serve.edits.items())
    return (f"eerste build {_fmt(serve.initial)}; bewerkt, tot de casuspagina het toont: {edits}; samenvatting in de "
            f"overzichtsindex {_fmt(serve.summary_in_index)} (rebuilds volgens MkDocs: {', '.join(serve.rebuilds)} s)")


def print_result(result: Result) -> None:
    full, ref = result.full, result.reference
    print(f"\n== {result.cases} casussen, {result.instruments} instrumenten, {result.toolkits} toolkits "
          f"({full.pages} pagina's)")
    print(f"kennisbank check: eerste run {_fmt(result.check_first)}, tweede run {_fmt(result.check_second)}, "
          f"na één gewijzigde casus {_fmt(result.check_one_changed)}")
    builds = [("volledige build --strict", full), ("referentie (kale Material)", ref)]
    for label, build in builds:
        print(f"{label:<30} {_fmt(build.seconds)}  {1000 * build.seconds / build.pages:6.1f} ms/pagina  "
              f"piek {build.peak_mb:6.0f} MB  {build.bytes_per_page / 1024:6.1f} KB/pagina  "
              f"zoekindex {build.search_index_bytes / 1e6:5.2f} MB  (intern {_fmt(build.reported)})")
    print(f"verhouding volledig/referentie {result.ratio:.2f}x")
    if result.serve is not None:
        print(f"mkdocs serve: {_serve_line(result.serve)}")
    print("grootste pagina's: " + ", ".join(f"/{url} {size / 1024:.0f} KB" for url, size in full.html_bytes.items()))
    if result.lighthouse:
        print_scores(result.lighthouse)
    for note in result.notes:
        print(f"let op: {note}")


GROWTH = 1.05  # a page more than 5 % larger at twice the cases grows with the corpus


def kind_of(address: str) -> str:
    """Pages of one kind: 'cases/x/' -> 'cases/*', 'cases/pagina/3/' -> 'cases/pagina/*'; an index is its own kind."""
    parts = address.rstrip("/").split("/")
    return address if len(parts) < 2 else "/".join(parts[:-1]) + "/*"


def grown_pages(small: Build, large: Build) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Pages more than 5 % larger in the larger build: compared with their own size, and with the largest page
    of their kind in the smaller build (a list that is full at its bound there does not count as growing)."""
    largest: dict[str, int] = {}
    for address, size in small.page_bytes.items():
        largest[kind_of(address)] = max(size, largest.get(kind_of(address), 0))
    own, beyond_kind = [], []
    for address, size in sorted(large.page_bytes.items()):
        if address in small.page_bytes and size > small.page_bytes[address] * GROWTH:
            own.append((address, small.page_bytes[address], size))
        bound = largest.get(kind_of(address))
        if bound is not None and size > bound * GROWTH:
            beyond_kind.append((address, bound, size))
    return own, beyond_kind


def print_growth(small: Result, large: Result) -> None:
    own, beyond = grown_pages(small.full, large.full)
    common = len(set(small.full.page_bytes) & set(large.full.page_bytes))
    print(f"\nPaginagrootte {small.cases} → {large.cases} casussen (HTML; zoekindex, open data en lijst.json niet): "
          f"{len(own)} van de {common} pagina's meer dan 5 % groter dan zichzelf; {len(beyond)} pagina's meer dan 5 % "
          f"groter dan de grootste pagina van hun soort bij {small.cases}")
    for label, found in (("groter dan zichzelf", own), ("groter dan hun soort", beyond)):
        for address, before, after in sorted(found, key=lambda row: row[1] - row[2])[:15]:
            print(f"  {label}: /{address} {before / 1024:.1f} → {after / 1024:.1f} KB ({after / before - 1:+.0%})")


def print_summary(results: list[Result], shipped: Serve | None) -> None:
    """The table of issue 25, in one run: each row with its goal."""
    by_size = {r.cases: r for r in results}
    main = by_size.get(1000) or next((r for r in results if r.serve), results[len(results) // 2])
    rows: list[tuple[str, str, str]] = []
    if main.serve is not None:
        for edit, label in (("tekst", "een tekst bewerkt, zichtbaar op de casuspagina"),
                            ("samenvatting", "een samenvatting bewerkt, zichtbaar"), ("titel", "een titel bewerkt, zichtbaar")):
            rows.append((f"`mkdocs serve`, {main.cases} casussen: {label}", _fmt(main.serve.edits.get(edit)), "≤ 2 s"))
    if shipped is not None:
        rows.append(("dezelfde bewerkingen op de echte site", " / ".join(_fmt(shipped.edits.get(edit))
                                                                        for edit in SERVE_EDITS), "houden (≈ 1 s)"))
    rows.append((f"`kennisbank check`, {main.cases} casussen, tweede run", _fmt(main.check_second), "≤ 1 s"))
    rows.append((f"`kennisbank check`, {main.cases} casussen, één bestand gewijzigd", _fmt(main.check_one_changed),
                 "≤ 0,3 s"))
    rows.append((f"strikte build ÷ kale Material, {main.cases} casussen",
                 f"{main.full.seconds:.1f} s ÷ {main.reference.seconds:.1f} s = {main.ratio:.2f}×", "≤ 1,5×"))
    half = by_size.get(main.cases // 2)
    if half is not None:
        rows.append((f"build {main.cases} ÷ build {half.cases}", f"{main.full.seconds / half.full.seconds:.2f}",
                     "≤ 2,2"))
    double = by_size.get(main.cases * 2)
    if double is not None:
        own, beyond = grown_pages(main.full, double.full)
        rows.append((f"pagina's > 5 % gegroeid, {main.cases} → {double.cases} (zelf / boven hun soort)",
                     f"{len(own)} / {len(beyond)}", "0"))
    print("\n| wat | gemeten | doel |\n|---|---:|---:|")
    for what, measured, goal in rows:
        print(f"| {what} | {measured} | {goal} |")
    print("\n| N casussen | pagina's | volledig | referentie | verhouding | check 1e / 2e / 1 gewijzigd | piekgeheugen "
          "| bytes/pagina | zoekindex |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r.cases} | {r.full.pages} | {r.full.seconds:.1f} s | {r.reference.seconds:.1f} s | {r.ratio:.2f}× "
              f"| {r.check_first:.2f} / {r.check_second:.2f} / {r.check_one_changed:.2f} s | {r.full.peak_mb:.0f} MB "
              f"| {r.full.bytes_per_page / 1024:.1f} KB | {r.full.search_index_bytes / 1e6:.2f} MB |")


def run(size: int, serve: bool, keep: bool, lighthouse: bool = False) -> Result:
    base = Path(tempfile.mkdtemp(prefix=f"kennisbank-bench-{size}-"))
    try:
        project, counts = make_project(base, size)
        first, second, changed = measure_checks(project)
        full = measure_build(project)
        reference_project = make_reference(base, project, full.pages)
        reference = measure_build(reference_project)
        result = Result(cases=counts["cases"], instruments=counts["instruments"], toolkits=counts["toolkits"],
                        check_first=first, check_second=second, check_one_changed=changed, full=full,
                        reference=reference)
        if lighthouse:
            result.lighthouse = measure_lighthouse(project / "site", reference=reference_project / "site")
        if serve:
            result.serve = measure_serve(project)
            if result.serve.initial is None:
                result.notes.append(f"mkdocs serve startte niet; zie {project / 'serve.log'}")
        if keep:
            result.notes.append(f"bewaard in {base}")
        return result
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def run_shipped(keep: bool) -> Serve:
    """mkdocs serve on a copy of the site's own content (the same three edits)."""
    base = Path(tempfile.mkdtemp(prefix="kennisbank-bench-echt-"))
    try:
        return measure_serve(make_shipped(base))
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Meet builds van de kennisbank op schaal.")
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000], help="aantallen casussen")
    parser.add_argument("--serve", type=int, nargs="*", default=[1000],
                        help="meet mkdocs serve bij deze aantallen (standaard 1000; ook altijd op de echte site)")
    parser.add_argument("--geen-serve", action="store_true", help="sla de metingen met mkdocs serve over")
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
        result = run(size, serve=not args.geen_serve and size in args.serve, keep=args.bewaar,
                     lighthouse=args.lighthouse)
        print_result(result)
        results.append(result)
    shipped = None
    if not args.geen_serve:
        shipped = run_shipped(args.bewaar)
        print(f"\nmkdocs serve op de echte site: {_serve_line(shipped)}")
    by_size = {r.cases: r for r in results}
    for r in results:
        if r.cases * 2 in by_size:
            print_growth(r, by_size[r.cases * 2])
    info["load_end"] = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    print_summary(results, shipped)
    print(f"\nload average aan het eind: {info['load_end']} ({info['date']})")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "shipped_serve": asdict(shipped) if shipped else None,
                                         "results": [{**asdict(r), "ratio": r.ratio} for r in results]}, indent=2),
                             encoding="utf-8")
    return 0
