"""Browser fixtures: the built site served on localhost, and Debian's Chromium driven by Playwright.

Without Chromium the browser tests are skipped on a developer's machine, but fail in CI
(``CI=true``): there a missing browser means the gates did not run.

Every test that uses the ``page`` fixture also fails when the page breaks its Content-Security-Policy
(``watch_policy``): search, filters, comparing, the decision aid, the map and print are all tried
under the policy the site publishes, and whatever the browser refuses is named.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..gates import site_path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site as its host does: under the path of site_url, with 404.html for what is missing."""

    prefix = "/"

    def log_message(self, *args):  # keep test output readable
        pass

    def translate_path(self, path):
        if path.startswith(self.prefix) or path.split("?")[0] == self.prefix.rstrip("/"):
            return super().translate_path("/" + path[len(self.prefix):])
        return str(Path(self.directory) / "buiten-de-site")  # not under the site's path: 404

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, path: str = "/"):
    """Serve a folder on a free localhost port under ``path``; returns (base_url, server)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": path}), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{path}", server


def record_other_hosts(context, *addresses: str) -> list[str]:
    """Block and list every request of the context that goes to a server other than ``addresses``."""
    own = {urlsplit(address).netloc for address in addresses}
    other: list[str] = []

    def route(route):
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc in own:
            route.continue_()
        else:
            other.append(f"{route.request.resource_type} {url}")
            route.abort()

    context.route("**/*", route)
    context.on("websocket", lambda socket: other.append(f"websocket {socket.url}"))
    return other


# Reports every refusal of the page's Content-Security-Policy to the test, from the first moment of every
# document (an init script; the policy does not apply to it) and in every frame.
_POLICY_WATCH = """document.addEventListener("securitypolicyviolation", event => window.kbCspOvertreding(
  event.effectiveDirective + " weigert " + (event.blockedURI || "?") + " op " + location.pathname
  + (event.sourceFile ? " (" + event.sourceFile + ":" + event.lineNumber + ")" : "")
  + (event.sample ? ": " + event.sample : "")));"""


def watch_policy(context) -> list[str]:
    """Record every Content-Security-Policy violation in the context's pages: the ``securitypolicyviolation``
    event, and the browser's own console report (which also covers what no document sees)."""
    found: list[str] = []
    context.expose_binding("kbCspOvertreding", lambda source, text: found.append(text))
    context.add_init_script(_POLICY_WATCH)
    context.on("console", lambda message: found.append(f"console: {message.text}")
               if message.type == "error" and "Content Security Policy" in message.text else None)
    return found


@pytest.fixture(scope="session")
def site_url(built_site):
    """The real site (its own content), for the gates."""
    url, server = serve(built_site, site_path())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    """The site built from the frozen fixture content, for tests of how the pages behave."""
    url, server = serve(fixture_site, site_path())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium ontbreekt ({CHROMIUM}); in CI moeten de browsertests draaien")
        pytest.skip("Chromium is niet geïnstalleerd (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page in a fresh context; the test fails when anything on it broke the Content-Security-Policy."""
    context = browser.new_context(locale="nl-NL")
    violations = watch_policy(context)
    page = context.new_page()
    yield page
    context.close()
    assert not violations, "het Content-Security-Policy weigerde:\n" + "\n".join(violations)
