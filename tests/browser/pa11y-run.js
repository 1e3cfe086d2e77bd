/*
 * A second engine beside axe: pa11y with HTML_CodeSniffer (WCAG2AA) on the pages test_pa11y.py names.
 *
 * Reads {chromium, flags, query, width, height, views: [{kind, url, action}]} as JSON on standard input,
 * writes [{kind, url, issues: [{code, type, selector, context, message}]}] as JSON on standard output.
 * One Chromium (the system's: puppeteer's own download is skipped by `npm ci --ignore-scripts`) for all
 * pages; each page is put in its state first (search with results, a filter applied), as site_tour.py
 * does for the other gates, and then handed to pa11y as it is (ignoreUrl).
 */
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function read() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  return JSON.parse(input);
}

async function putInState(page, view, query) {
  if (view.action === "zoeken") {
    const opener = await page.$("button.kb-zoekknop");
    if (opener && await opener.isVisible()) await opener.click();
    await page.click("input.md-search__input");
    await page.type("input.md-search__input", query);
    await page.waitForSelector(".md-search-result__item", { visible: true });
  } else if (view.action === "filter") {
    if (await page.$(".kb-overzicht[data-kb-index]")) await page.waitForSelector(".kb-overzicht[data-kb-klaar]");
    const fold = await page.$("button.kb-filters-knop");  // narrow screens: the filters are folded away
    if (fold && await fold.isVisible() && await fold.evaluate(button => button.getAttribute("aria-expanded") !== "true")) {
      await fold.click();
    }
    const control = await page.$("article form input[type=checkbox], article form input[type=radio], article form select");
    if (await control.evaluate(element => element.tagName === "SELECT")) {
      await control.evaluate(element => {
        element.selectedIndex = 1;
        element.dispatchEvent(new Event("change", { bubbles: true }));
      });
    } else {
      await control.click();
    }
  }
  // Let Material's fading and sliding end and the scroll regions be set up, as site_tour.settle does.
  await page.waitForFunction(() => document.getAnimations().every(animation =>
    animation.playState !== "running" || animation.effect.getTiming().iterations === Infinity)
    && (document.documentElement.hasAttribute("data-kb-regios")
        || !document.querySelector('script[src$="toegankelijkheid.js"]')));
}

async function main() {
  const job = await read();
  const browser = await puppeteer.launch({ executablePath: job.chromium, args: job.flags, headless: true });
  const viewport = { width: job.width, height: job.height };
  const report = [];
  try {
    for (const view of job.views) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await page.goto(view.url, { waitUntil: "load" });
      await putInState(page, view, job.query);
      const result = await pa11y(view.url, {
        browser, page, ignoreUrl: true, viewport,
        runners: ["htmlcs"], standard: "WCAG2AA",
        includeWarnings: false, includeNotices: false, timeout: 60000,
      });
      report.push({
        kind: view.kind, url: view.url,
        issues: result.issues.map(({ code, type, selector, context, message }) =>
          ({ code, type, selector, context, message })),
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
}

main().catch(error => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
