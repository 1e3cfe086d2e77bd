/*
 * A typed compound split as the index splits the text: the splitter of kennisbank/site/search_text.py, step for
 * step, so that "winkelpanden" in a query finds what the index knows as "winkel" and "panden" (issue 27).
 *
 * `rules` comes from search/zoekhulp.json ("samenstellingen": the same limits, linking morphemes, particles,
 * stop words and curated list as the index); `count(word)` is the word's frequency in the site's vocabulary
 * (search/woorden/), 0 for a word it lacks. tests/browser/test_search.py checks that both splitters agree on
 * every long word of a corpus.
 *
 * Loaded by the search worker (importScripts); it defines one function and loads nothing itself.
 */
"use strict"

/** The parts of `word` (a linking morpheme stays on the part before it), or [] when it is not split. */
function splitCompound(word, rules, count) {
  if (Object.prototype.hasOwnProperty.call(rules.lijst, word))
    return rules.lijst[word]
  if (word.length < rules.min_samenstelling)
    return []
  const stop = new Set(rules.stopwoorden), shortLast = new Set(rules.korte_laatste)
  const particles = new Set(rules.partikels)
  const curated = new Set(Object.values(rules.lijst).flat())
  const minPart = rules.min_deel

  /* The splitter's vocabulary: words of four letters or more (or a short last part), no stop words; a part the
     curated list names counts once if the site lacks it. */
  function frequency(w) {
    const own = (w.length >= minPart || shortLast.has(w)) && !stop.has(w) ? count(w) : 0
    return own || (curated.has(w) ? 1 : 0)
  }
  function known(w, last) {
    if (w.length < minPart && !(last && shortLast.has(w)))
      return false
    return frequency(w) > 0 || frequency(w + "s") > 0 || frequency(w + "en") > 0
  }
  function* candidates(w, depth) {
    for (let end = minPart; end < w.length - 2; end++) {
      const head = w.slice(0, end)
      if (!known(head, false) || (depth === 0 && particles.has(head)))
        continue
      for (const link of rules.tussenklanken) {
        if (!w.startsWith(link, end))
          continue
        const rest = w.slice(end + link.length)
        if (known(rest, true))
          yield [head + link, rest]
        if (depth === 0 && rest.length >= 2 * minPart)
          for (const tail of candidates(rest, depth + 1))
            yield [head + link, ...tail]
      }
    }
  }
  function meanFrequency(parts) {
    const logs = parts.map(part => {
      let bare = part
      for (const link of ["en", "s", "e"])
        if (part.endsWith(link) && frequency(part.slice(0, -link.length)) > 0) {
          bare = part.slice(0, -link.length)
          break
        }
      return Math.log(1 + frequency(part) + frequency(bare))
    })
    return logs.reduce((sum, value) => sum + value, 0) / logs.length
  }

  let best = null
  for (const candidate of candidates(word, 0)) {
    const rank = [-candidate.length, meanFrequency(candidate)]
    if (best === null || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1]))
      best = { rank, parts: candidate }
  }
  return best ? best.parts : []
}
