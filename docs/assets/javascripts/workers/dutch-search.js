/*
 * Kennisbank search worker: Material's own search worker, taught Dutch word forms.
 *
 * Why: Material appends a wildcard to every query word (results while typing), and Lunr
 * skips the stemmer for wildcard words. With the Dutch stemmer switched on for the index
 * (`pipeline` in mkdocs.yml) the index holds stems ("gemeent") while the query keeps the
 * typed form ("gemeenten*"), so a plural finds nothing. This file loads Material's worker
 * unchanged and adds three things:
 *
 *   1. One stemmer for index and query: Lunr's Dutch (Snowball) stemmer, then long vowels
 *      written single ("kantoor" and "kantoren" both become "kantor", so "kantoor" also
 *      finds "kantoorgebouw" by prefix, and "straat" finds "straatje").
 *   2. Query words are stemmed before the wildcard: "gemeenten*" becomes "gemeent*". A
 *      diminutive is cut to its root ("winkeltje" -> "winkel*"), and a half-typed suffix is
 *      dropped ("ondermijni" -> "ondermijn*") so results stay on screen while typing.
 *   3. Several words find the entries that have all of them first; only if there are none,
 *      Material's default: entries with any of them ("Ontbreekt: …" under the result).
 *
 * docs/overrides/main.html points Material at this file and passes the name of Material's
 * worker (it carries a content hash) as `?material=`.
 */
"use strict"

const material = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
  throw new Error(`Kennisbank: onverwachte naam van Materials zoekworker: '${material}'`)
importScripts(material)

/* Endings that may be the start of a suffix the stemmer removes (-ing, -heid, -lijk, -baar) */
const UNFINISHED_SUFFIX = /(?:in|i|hei|he|h|lij|li|l|baa|ba|b)$/

/** "kantoor" -> "kantor": Dutch spelling doubles a vowel only in closed syllables. */
function singleVowels(word) {
  return word.replace(/([aeou])\1/g, "$1")
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

function useDutchWordForms(lunr) {
  const snowball = lunr.nl.stemmer
  const stem = word => singleVowels(snowball(word))

  /* 1. The stemmer of the index (and of query words without a wildcard) */
  const stemmer = token => token.update(word => stem(word))
  stemmer.dutchWordForms = true
  lunr.Pipeline.registerFunction(stemmer, "stemmer-nl-kennisbank")
  lunr.nl.stemmer = stemmer

  /* 2. Query words with a trailing wildcard: stem the part before it */
  const queryStem = word => {
    if (!lunr.nl.stopWordFilter(new lunr.Token(word)))
      return word                                 /* "onder" may be the start of "ondernemer" */
    let root = diminutiveRoot(word)
    if (root === word && word.length >= 7)
      root = word.replace(UNFINISHED_SUFFIX, "")
    return stem(root) || word
  }
  const parseTerm = lunr.QueryParser.parseTerm
  lunr.QueryParser.parseTerm = function (parser) {
    const lexeme = parser.peekLexeme()
    if (lexeme && /^[^*]+\*$/.test(lexeme.str))
      lexeme.str = `${queryStem(lexeme.str.slice(0, -1).toLowerCase())}*`
    return parseTerm(parser)
  }

  /* 3. Several words: first the entries with all of them ("leegstand Dordrecht" -> the
        Dordrecht case about vacancy, not every title with "leegstand"); none, then any */
  const { OPTIONAL, REQUIRED } = lunr.Query.presence
  const isStopWord = term => !lunr.nl.stopWordFilter(new lunr.Token(term.replace(/\*$/, "")))
  const query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    let words = 0
    const all = query.call(this, q => {
      fn(q)
      const optional = q.clauses.filter(clause => clause.presence === OPTIONAL && !isStopWord(clause.term))
      if ((words = optional.length) > 1)
        optional.forEach(clause => { clause.presence = REQUIRED })
    })
    return all.length || words < 2 ? all : query.call(this, fn)
  }
}

/* Material loads the Dutch language support on its first message; adapt it right after */
const importScriptsOfWorker = self.importScripts
self.importScripts = function (...urls) {
  importScriptsOfWorker.apply(self, urls)
  if (self.lunr && self.lunr.nl && !self.lunr.nl.stemmer.dutchWordForms)
    useDutchWordForms(self.lunr)
}
