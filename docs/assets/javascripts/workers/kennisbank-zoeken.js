/*
 * Kennisbank search worker: Material's search box and result list, answered from Pagefind.
 *
 * Material's search component talks to a worker in four messages (SETUP with its index, READY,
 * QUERY with what the reader typed, RESULT with groups of documents). This worker speaks that
 * protocol, so the search box, the result list, keyboard handling and the Dutch texts stay
 * Material's, but it answers from the Pagefind index that kennisbank/integration/search.py
 * writes at build time (the whole text of every page, by section, with Dutch stemming and
 * compounds split into their parts):
 *
 *   - SETUP: Material's index holds no documents (settings only); nothing else is loaded.
 *     Pagefind (its script, its WebAssembly and the index files for the words typed) is loaded
 *     at the first query: a page that nobody searches on downloads nothing of the index.
 *   - QUERY: every word is looked up on its own (`match`):
 *       1. as a whole word: Pagefind's exact mode gives the pages that have the word (or its
 *          stem, or a compound with it as a part); its ranked mode orders them. Only pages of
 *          the exact set are kept, so "straat" never finds "strategisch" by prefix. The
 *          irregular forms of data/zoeken-woordvormen.yml (steden → stad) and the root of a
 *          diminutive (kantoortje → kantoor) are looked up with it.
 *       2. not a word of the site: completed from the vocabulary (search/woorden/), so a
 *          half-typed word finds results while typing ("kantoo" → kantoor, kantoorpanden);
 *          A compound the site does not have is split as the index splits the text
 *          (samenstellingen.js): the pages with all its parts ("kantoorpanden" finds "kantoren"
 *          and "panden").
 *       3. still nothing: a word one letter off (typed, left out, added, swapped) from the
 *          vocabulary, the most frequent one ("leegstnad" → leegstand); the result says so. Never
 *          for a valid Dutch word (search/nederlands/, from OpenTaal's list): "ombouwen" is not
 *          "opbouwen"; it is missing, and the other words of the query still find their pages.
 *     Several words: first the pages with all of them; if there are none, the pages with any
 *     of them, with "Ontbreekt: …" under each (as Material does).
 *   - RESULT: a group per page: the page (title, tags, excerpt) and the sections where the
 *     words were found, each linked to its heading.
 *
 * What Material's result list cannot show (the word that was corrected, "Bedoelde u …?" and
 * links to the overviews filtered by a theme, city or topic when nothing is found) is posted on
 * the BroadcastChannel "kennisbank-zoeken"; docs/assets/javascripts/zoekhulp.js shows it.
 */
"use strict"

const BASE = new URL("../../../", self.location.href)  /* the site root: assets/javascripts/workers/ */
const MAX_RESULTS = 10                 /* pages returned: an excerpt each is loaded (the help says how many more) */
const MAX_SECTIONS = 3                 /* sections shown under a page */
const MAX_COMPLETIONS = 8              /* words a half-typed word is completed to */
/* Score of a generated list or a hand-written page (search/zoekhulp.json "soorten"): below the
   cases, instruments and toolkits that share their words */
const OTHER_FACTOR = 0.25
/* Score of a page that has the parts of a typed compound the site lacks ("kantoren" and "panden" for
   "kantoorpanden"): the lower of its parts' scores, halved */
const PART_FACTOR = 0.5
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3   /* Material's message types */

/* Short words that say nothing in a query of several words (the index keeps them: a query of one works) */
const STOPWORDS = new Set(("aan af al alle als bij dan dat de deze die dit door dus een en er geen het hij hun " +
  "ik in is je kan maar met meer na naar niet nog nu of om ook op over te tot uit van voor was wat we wel " +
  "werd wordt ze zich zij zijn zo").split(" "))

importScripts(new URL("assets/javascripts/workers/samenstellingen.js", BASE).href)  /* splitCompound */

const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("kennisbank-zoeken")
let engine = null
let latest = 0

/* -- Loading ----------------------------------------------------------------------------------- */

/** Pagefind and the help file, loaded once, at the first query. */
function load() {
  if (!engine)
    engine = (async () => {
      const pagefind = await import(new URL("pagefind/pagefind.js", BASE).href)
      await pagefind.options({
        basePath: new URL("pagefind/", BASE).href,
        baseUrl: "/",
        excerptLength: 24,
        /* Rank a word far above longer words it is the start of (Pagefind's default is 1) */
        ranking: { termSimilarity: 8 }
      })
      const [help] = await Promise.all([fetchJSON("search/zoekhulp.json", { woordvormen: {}, filters: {}, soorten: {},
                                                   samenstellingen: null, nederlands: false }),
                                        pagefind.init()])
      const base = {}
      for (const [form, root] of Object.entries(help.woordvormen))
        (base[root] = base[root] || []).push(form)
      return {
        pagefind, help,
        other: id => id in help.soorten,
        forms: word => [...(help.woordvormen[word] ? [help.woordvormen[word]] : []), ...(base[word] || [])]
      }
    })().catch(error => {
      engine = null                      /* try again at the next query (the connection may be back) */
      throw error
    })
  return engine
}

async function fetchJSON(path, fallback) {
  try {
    const response = await fetch(new URL(path, BASE))
    return response.ok ? await response.json() : fallback
  } catch (error) {
    return fallback
  }
}

const vocabularies = new Map()
const loadedVocabularies = new Map()

/** The words of the site that start with this letter, with their frequency ({"straat": 12}). */
function vocabulary(letter) {
  if (!vocabularies.has(letter))
    vocabularies.set(letter, fetchJSON(`search/woorden/${letter.codePointAt(0).toString(16)}.json`, {})
      .then(words => { loadedVocabularies.set(letter, words); return words }))
  return vocabularies.get(letter)
}

const dutchWords = new Map()

/** The valid Dutch words with this first letter that are one letter off from a word of the site: a typed word
    among them is right, and is never "corrected" (kennisbank/site/woordenlijst.py). */
function dutch(letter) {
  if (!dutchWords.has(letter))
    dutchWords.set(letter, fetchJSON(`search/nederlands/${letter.codePointAt(0).toString(16)}.json`, [])
      .then(words => new Set(words)))
  return dutchWords.get(letter)
}

/** The parts of a typed compound, split as the index splits the text (samenstellingen.js); [] if it is none. */
async function parts(word, rules) {
  if (!rules || word.length < rules.min_samenstelling && !(word in rules.lijst))
    return []
  await Promise.all([...new Set(word)].map(vocabulary))    /* a part may start with any letter of the word */
  const found = splitCompound(word, rules, w => (loadedVocabularies.get(w[0]) || {})[w] || 0)
  return found.length > 1 ? found : []
}

/* -- Words ------------------------------------------------------------------------------------- */

function tokenize(query) {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
}

/** The root of a diminutive, or the word itself: "winkeltje" -> "winkel", "pandjes" -> "pand". */
function diminutiveRoot(word) {
  const w = word.endsWith("jes") ? word.slice(0, -1) : word
  if (w.length < 5 || !w.endsWith("je"))
    return word
  const doubled = w.match(/^(.{2,}?)([bdfgklmnprst])\2etje$/)      /* balletje -> bal */
  if (doubled)
    return doubled[1] + doubled[2]
  for (const suffix of ["etje", "tje", "pje", "je"])                /* bloemetje, winkeltje, boompje, pandje */
    if (w.endsWith(suffix) && w.length - suffix.length >= 3)
      return w.slice(0, -suffix.length)
  return word
}

/** Words one edit away (a letter changed, left out, added, or two swapped) that the vocabulary knows. */
function oneLetterOff(word, words) {
  const found = []
  for (const candidate of Object.keys(words)) {
    if (Math.abs(candidate.length - word.length) > 1 || candidate === word)
      continue
    if (editDistanceAtMostOne(word, candidate))
      found.push(candidate)
  }
  return found.sort((a, b) => words[b] - words[a])
}

function editDistanceAtMostOne(a, b) {
  if (a.length === b.length) {
    const diff = []
    for (let i = 0; i < a.length; i++)
      if (a[i] !== b[i])
        diff.push(i)
    return diff.length === 1 ||
      (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]])
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  let i = 0
  while (i < short.length && short[i] === long[i])
    i++
  return short.slice(i) === long.slice(i + 1)
}

/* -- Searching --------------------------------------------------------------------------------- */

/** Pages (id -> {score, result}) that have one of these words, ranked; never by prefix. */
async function wholeWords({ pagefind, other }, forms) {
  const pages = new Map()
  await Promise.all(forms.map(async form => {
    const exact = await pagefind.search(`"${form}"`)
    if (!exact.results.length)
      return
    const allowed = new Set(exact.results.map(result => result.id))
    const ranked = await pagefind.search(form)
    for (const result of ranked.results) {
      const score = result.score * (other(result.id) ? OTHER_FACTOR : 1)
      if (allowed.has(result.id) && !(pages.get(result.id)?.score >= score))
        pages.set(result.id, { score, result })
    }
  }))
  return pages
}

/**
 * Singular and plural of a word, as far as the stemmer does not bring them together: Dutch
 * Snowball stems "fonds" to "fond" but "fondsen" to "fonds", and "lessen" to "less".
 */
function numberForms(word) {
  const forms = [word]
  if (word.length >= 6 && word.endsWith("en")) {                    /* fondsen -> fonds, lessen -> les */
    const singular = word.slice(0, -2)
    forms.push(singular, singular.replace(/([bdfgklmnprst])\1$/, "$1"))
  } else if (word.length >= 4) {
    forms.push(`${word}en`)                                         /* fonds -> fondsen */
  }
  if (word.length >= 5 && /[^aeiouj]s$/.test(word))
    forms.push(word.slice(0, -1))                                   /* winkels -> winkel */
  return forms
}

/** The forms of one word that are looked up together: plural and singular, irregular forms, a diminutive's root. */
function ownForms({ forms }, word) {
  const root = diminutiveRoot(word)
  return [...new Set([...numberForms(word), ...forms(word), root, ...forms(root)])]
}

/** Pages that have every part of a compound (each in its own forms), scored below the whole word. */
async function allParts(loaded, split) {
  const found = await Promise.all(split.map(part => wholeWords(loaded, ownForms(loaded, part))))
  const pages = new Map()
  for (const [id, { score, result }] of found[0])
    if (found.every(other => other.has(id)))
      pages.set(id, { score: PART_FACTOR * Math.min(score, ...found.map(other => other.get(id).score)), result })
  return pages
}

/** One word of the query: the pages it finds, and how (see the file header). */
async function match(loaded, word) {
  let pages = await wholeWords(loaded, ownForms(loaded, word))
  if (pages.size)
    return { word, pages, how: "woord" }
  const split = await parts(word, loaded.help.samenstellingen)
  if (split.length) {                      /* "kantoorpanden" stands nowhere: the pages with "kantoren" and "panden" */
    pages = await allParts(loaded, split)
    if (pages.size)
      return { word, pages, how: "delen" }
  }
  const words = await vocabulary(word[0])
  const completions = Object.keys(words).filter(known => known.startsWith(word) && known !== word)
    .sort((a, b) => words[b] - words[a]).slice(0, MAX_COMPLETIONS)
  if (completions.length) {
    pages = await wholeWords(loaded, completions)
    if (pages.size)
      return { word, pages, how: "aangevuld" }
  }
  if (loaded.help.nederlands && (await dutch(word[0])).has(word))
    return { word, pages: new Map(), how: "geen" }  /* a right Dutch word the site lacks: said, never replaced */
  for (const candidate of oneLetterOff(word, words).slice(0, 3)) {
    pages = await wholeWords(loaded, [candidate, ...loaded.forms(candidate)])
    if (pages.size)
      return { word, pages, how: "verbeterd", instead: candidate }
  }
  return { word, pages: new Map(), how: "geen" }
}

/** Words the vocabulary knows that look like a word nothing was found for ("Bedoelde u …?"). */
async function suggestions(word) {
  const words = await vocabulary(word[0])
  const close = oneLetterOff(word, words)
  if (close.length)
    return close.slice(0, 3)
  for (let length = word.length - 1; length >= 3; length--) {      /* the longest start they share */
    const start = word.slice(0, length)
    const found = Object.keys(words).filter(known => known.startsWith(start))
    if (found.length)
      return found.sort((a, b) => words[b] - words[a] || a.length - b.length).slice(0, 3)
  }
  return []
}

/** Material's groups for the pages found: the page, then the sections where the words are. */
async function groups(found, { pagefind }) {
  const words = found.map(m => m.word)
  const scores = new Map()
  for (const m of found)
    for (const [id, { score }] of m.pages)
      scores.set(id, (scores.get(id) || 0) + score)
  const all = [...scores.keys()].filter(id => found.every(m => m.pages.has(id)))
  const ranked = (all.length ? all : [...scores.keys()]).sort((a, b) => scores.get(b) - scores.get(a))
  const ids = ranked.slice(0, MAX_RESULTS)
  /* A page that has every word: its excerpt and sections from one search for all of them together */
  const together = new Map()
  if (found.length > 1 && all.length) {
    const used = found.map(m => m.instead || m.word).join(" ")
    for (const result of (await pagefind.search(used)).results)
      together.set(result.id, result)
  }
  return { items: await Promise.all(ids.map(async id => {       /* the excerpts load side by side */
    const best = together.get(id) ||
      found.map(m => m.pages.get(id)).filter(Boolean).sort((a, b) => b.score - a.score)[0].result
    const data = await best.data()
    const terms = Object.fromEntries(found.map(m => [m.instead || m.word, m.pages.has(id)]))
    const score = scores.get(id)
    const location = relative(data.url)
    const page = { location, title: escapeHTML(data.meta.title || location), text: clean(data.excerpt), score,
                   terms }
    if (data.meta.tags)
      page.tags = data.meta.tags.split("|").map(escapeHTML)
    const sections = (data.sub_results || [])
      .filter(sub => relative(sub.url) !== location && sub.url.includes("#"))
      .slice(0, MAX_SECTIONS)
      .map(sub => ({ location: relative(sub.url), title: clean(escapeHTML(sub.title)), text: clean(sub.excerpt),
                      score, terms }))
    return [page, ...sections]
  })), all: all.length > 0, total: ranked.length, words }
}

function relative(url) {
  return url.replace(/^\//, "")
}

/** Text as Material shows it (as HTML: Pagefind's excerpts escape < and >): compound marks (~) removed. */
function clean(text) {
  return (text || "").replace(/(\p{L})~(?=\p{L})/gu, "$1").replace(/(\p{L})(<\/?mark>)~(?=\p{L})/gu, "$1$2")
    .replace(/(\p{L})~(<\/?mark>)(?=\p{L})/gu, "$1$2")
}

function escapeHTML(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/** Links to the overview of cases filtered on the words that are a theme, city or topic. */
function filterLinks(help, query, words) {
  const joined = words.join(" ")
  const links = []
  for (const key of [joined, ...words])
    for (const [label, filter] of help.filters[key] || [])
      if (!links.some(link => link.filter === filter))
        links.push({ label, filter, href: new URL(`cases/${filter}`, BASE).href })
  return links
}

async function answer(query) {
  const words = tokenize(query)
  if (!words.length)
    return { result: { items: [] }, help: null }
  const loaded = await load()
  const significant = words.length > 1 && words.some(word => !STOPWORDS.has(word))
    ? words.filter(word => !STOPWORDS.has(word)) : words
  const matches = await Promise.all(significant.map(word => match(loaded, word)))
  const found = matches.filter(m => m.pages.size)
  const help = {
    query,
    corrected: found.filter(m => m.how === "verbeterd").map(m => ({ word: m.word, instead: m.instead })),
    missing: matches.filter(m => !m.pages.size).map(m => m.word),
    filters: filterLinks(loaded.help, query, significant),
    suggestions: []
  }
  if (!found.length) {
    for (const word of help.missing)
      help.suggestions.push(...await suggestions(word))
    return { result: { items: [] }, help }
  }
  const { items, all, total } = await groups(found, loaded)
  help.count = items.length
  help.total = total
  help.allWords = all || significant.length < 2
  return { result: { items }, help }
}

/* -- Material's messages ----------------------------------------------------------------------- */

addEventListener("message", async ev => {
  const message = ev.data
  switch (message.type) {
    case SETUP:
      postMessage({ type: READY })
      break
    case QUERY: {
      const id = ++latest
      let answered
      try {
        answered = await answer(message.data)
      } catch (error) {
        console.warn("Kennisbank: zoeken mislukt", error)
        answered = { result: { items: [] }, help: { query: message.data, error: true } }
      }
      if (id !== latest)
        return                          /* the reader typed on: only the newest query is answered */
      postMessage({ type: RESULT, data: answered.result })
      if (channel)
        channel.postMessage({ type: "zoekhulp", ...(answered.help || { query: message.data }) })
      break
    }
    default:
      throw new TypeError("Kennisbank: onbekend bericht aan de zoekworker")
  }
})
