"""Ask the site's search worker directly, as Material's search box does, and read its answers.

Material's search component talks to its worker in messages (SETUP with the index, READY, QUERY,
RESULT). This harness opens a page of a built site in Chromium, starts the worker that page is
configured with, and sends it the same messages: the answers are exactly what the search box
would show, without typing key by key. The same harness measures the old engine (Material's lunr
worker) and the new one (Pagefind), so relevance and timings compare like with like
(bench/search.py, tests/browser/test_search_relevance.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ASK = """async ([worker, index, queries]) => {
  const search = new Worker(worker)
  const next = () => new Promise((resolve, reject) => {
    search.addEventListener("message", event => resolve(event.data), { once: true })
    search.addEventListener("error", event => reject(new Error(event.message)), { once: true })
  })
  search.postMessage({ type: 0, data: index })
  await next()
  const answers = []
  for (const query of queries) {
    const start = performance.now()
    search.postMessage({ type: 2, data: query })
    const message = await next()
    answers.push({ query, ms: performance.now() - start, groups: message.data.items.map(group => {
      const page = group.find(doc => !doc.location.includes("#")) || group[0]
      return { page: page.location.split("#")[0], title: page.title,
               sections: group.filter(doc => doc.location.includes("#")).map(doc => doc.location) }
    }) })
  }
  search.terminate()
  return answers
}"""


@dataclass
class Answer:
    query: str
    ms: float
    groups: list[dict]

    @property
    def pages(self) -> list[str]:
        return [group["page"] for group in self.groups]

    @property
    def titles(self) -> list[str]:
        return [re.sub(r"<[^>]+>", "", group["title"]) for group in self.groups]


def worker_url(page) -> str:
    """The worker the page's Material configuration names, as an absolute URL."""
    config = json.loads(page.locator("#__config").text_content())
    return page.evaluate("([base, worker]) => new URL(worker, new URL(base, location.href)).href",
                         [config["base"], config["search"]])


def ask(page, site: Path, queries: list[str]) -> list[Answer]:
    """Send the queries one after another to the worker of the open page; one answer each."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index["options"] = {"suggest": False}  # what Material's page adds to the index it sends
    answers = page.evaluate(ASK, [worker_url(page), index, queries])
    return [Answer(**answer) for answer in answers]
