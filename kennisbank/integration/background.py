"""What a build writes that no page needs first: the open data, the feed and the search index.

Why: at 1,000 cases these took about a third of a full build (Pagefind's index alone several
seconds), and they waited for MkDocs to finish rendering every page while the machine's second
core sat idle. In ``mkdocs serve`` they were redone before the edited page could be served.

How:

- ``mkdocs build``: once every page is rendered to HTML (``on_env``: the search index needs their
  text), a second process is forked (``Beside``). It writes the open data, the feed and the search
  index while MkDocs puts every page through the theme's templates and writes it, and the build
  waits for it at the end (``on_post_build``). A failure there fails the build, with its message.
  The output is the same as writing them one after the other (tests/test_reproducible.py).
- ``mkdocs serve``: the same job runs in a thread after the build (``After``), so the edited page is
  served at once and the search and downloads catch up a few seconds later; only the newest job
  runs. The open data and feed are made again only when what they show changed.
- Where fork is not available, the build writes them itself, after the pages.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from kennisbank.graph import Site
from kennisbank.integration import search
from kennisbank.publish import export
from kennisbank.publish.feed import feed_xml
from kennisbank.site.render import Page

log = logging.getLogger("mkdocs.plugins.kennisbank")


def published_files(site: Site, site_url: str) -> list[tuple[str, str]]:
    """The open data (/data/*, with its schemas and catalogue) and the feed, as (site path, content)."""
    files = [(data_file.src_uri, data_file.content) for data_file in export.files(site, site_url)]
    return [*files, ("feed.xml", feed_xml(site, export.base_url_of(site_url)))]


@dataclass
class Job:
    """Everything the side work needs, taken at the end of the build's first half."""

    site_dir: str
    site: Site
    site_url: str
    generated: dict[str, Page]
    searched: dict[str, search.Rendered]
    use_directory_urls: bool
    published_key: str = ""  # what the open data and feed show (serve: unchanged, they are not made again)

    def run(self, made: Callable[[Job], list[tuple[str, str]]] | None = None) -> None:
        files = (made or _make_files)(self)
        for uri, text in files:
            path = Path(self.site_dir, uri)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        search.write_index(self.site_dir, self.site, self.generated, self.searched, self.use_directory_urls)


def _make_files(job: Job) -> list[tuple[str, str]]:
    return published_files(job.site, job.site_url)


class Beside:
    """``mkdocs build``: the job in a forked process beside the rendering; ``wait`` logs the warnings it gave (a
    strict build fails on them) and raises what went wrong there."""

    def __init__(self, job: Job):
        self.job = job
        self.process: multiprocessing.process.BaseProcess | None = None
        self.result: multiprocessing.connection.Connection | None = None  # (warnings, error) from the child
        if hasattr(os, "fork"):
            context = multiprocessing.get_context("fork")  # the child shares the corpus and pages, nothing is copied
            receive, send = context.Pipe(duplex=False)
            self.process = context.Process(target=_child, args=(job, send), name="kennisbank-naast-de-build")
            self.process.start()
            send.close()
            self.result = receive

    def stop(self) -> None:
        """The build failed: the side work is not needed any more."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()

    def wait(self) -> None:
        if self.process is None:
            self.job.run()  # no fork here: one after the other
            return
        assert self.result is not None
        try:
            warnings, message = self.result.recv()
        except EOFError:  # it stopped without a word (killed): its exit code says so below
            warnings, message = [], None
        self.process.join()
        self.result.close()
        for warning in warnings:  # counted here, so that --strict fails on them as on any warning
            log.warning(warning)
        if message or self.process.exitcode:
            raise PluginError(f"de open data, de feed of de zoekindex zijn niet geschreven: "
                               f"{message or f'het proces stopte met code {self.process.exitcode}'}")


class _Warnings(logging.Handler):
    """The child's warnings, collected to be logged by the parent: a strict build counts only the parent's."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _child(job: Job, result: multiprocessing.connection.Connection) -> None:
    warnings = _Warnings()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers = [warnings]  # the parent prints them, once
    error = ""
    try:
        job.run()
    except BaseException as failure:  # everything goes to the parent, which fails the build with it
        where = traceback.extract_tb(failure.__traceback__)[-1]
        error = f"{type(failure).__name__}: {failure} ({where.filename}:{where.lineno})"
    finally:
        result.send((warnings.messages, error))
        result.close()


class After:
    """``mkdocs serve``: the job in a thread after each build; a build that ends while it works replaces the job
    that waits, so only the newest is written. The open data and feed are kept while what they show is the same."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: Job | None = None
        self._thread: threading.Thread | None = None
        self._files: tuple[str, list[tuple[str, str]]] | None = None

    def submit(self, job: Job) -> None:
        with self._lock:
            self._waiting = job
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="kennisbank-na-de-build", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._waiting = self._waiting, None
                if job is None:
                    return
            try:
                job.run(self._kept_files)
            except Exception as error:  # a failed index must not stop the preview
                log.warning(f"open data, feed of zoekindex niet geschreven: {error}")

    def _kept_files(self, job: Job) -> list[tuple[str, str]]:
        if self._files is None or self._files[0] != job.published_key or not job.published_key:
            self._files = (job.published_key, published_files(job.site, job.site_url))
        return self._files[1]

    def wait(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.join()
