/*
 * Search help under Material's search box: what the search worker knows but Material's result
 * list cannot show (docs/assets/javascripts/workers/kennisbank-zoeken.js posts it on the
 * BroadcastChannel "kennisbank-zoeken" with every answer):
 *
 *   - a word that was corrected: "Resultaten voor leegstand (u typte leegstnad)";
 *   - nothing found: "Bedoelde u …?" with words of the site that look like what was typed (a
 *     button puts the word in the search box);
 *   - nothing found, or no page with all the words: links to the overview of cases filtered on
 *     the words that are a theme, city or topic ("Vastgoed" to cases/?thema=vastgoed);
 *   - more pages found than shown: "De 10 beste van 949 pagina's", in place of Material's count (one count);
 *   - a word that found nothing while the others did: "Niet op de site: ombouwen" (a valid Dutch word is never
 *     replaced by another);
 *   - every result link is named by its title (the link holds the title, the excerpt and the
 *     tags; a screen reader's list of links needs the title only).
 *
 * Nothing here loads anything: it waits for the worker's messages.
 */
(function () {
  "use strict"
  var input = document.querySelector("[data-md-component=search-query]")
  var result = document.querySelector("[data-md-component=search-result]")
  if (!input || !result)
    return

  var box = document.createElement("div")
  box.className = "kb-zoekhulp"
  box.setAttribute("aria-live", "polite")
  box.hidden = true
  var meta = result.querySelector(".md-search-result__meta")
  meta.parentNode.insertBefore(box, meta.nextSibling)

  function element(tag, text, attributes) {
    var node = document.createElement(tag)
    if (text)
      node.textContent = text
    for (var name in attributes || {})
      node.setAttribute(name, attributes[name])
    return node
  }

  function search(word) {
    input.value = word
    input.focus()
    input.dispatchEvent(new Event("input", { bubbles: true }))
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  }

  function wordList(paragraph, words, last) {
    words.forEach(function (word, index) {
      if (index)
        paragraph.appendChild(document.createTextNode(index === words.length - 1 ? " of " : ", "))
      var button = element("button", word, { type: "button", "class": "kb-zoekhulp__woord" })
      button.addEventListener("click", function () { search(word) })
      paragraph.appendChild(button)
    })
    paragraph.appendChild(document.createTextNode(last))
  }

  function show(help) {
    box.textContent = ""
    var corrected = help.corrected || []
    if (corrected.length) {
      var note = element("p", "Resultaten voor ")
      wordList(note, corrected.map(function (c) { return c.instead }), "")
      note.appendChild(document.createTextNode(" (u typte " +
        corrected.map(function (c) { return c.word }).join(", ") + ")."))
      box.appendChild(note)
    }
    /* One count in the header: with more pages than shown, this line takes the place of Material's
       "10 overeenkomende documenten" (kennisbank.css hides it while the class is on) */
    var more = help.total > help.count
    result.classList.toggle("kb-zoekhulp-telt", more)
    if (more)
      box.appendChild(element("p", "De " + help.count + " beste van " + help.total + " pagina's. Maak uw zoekvraag " +
        "preciezer met een woord meer, of bekijk de casussen met een filter."))
    if (help.count !== undefined && help.missing && help.missing.length)  /* a word that found nothing, not replaced */
      box.appendChild(element("p", "Niet op de site: " + help.missing.join(", ") + ". De resultaten zijn voor de " +
        "andere woorden."))
    var nothing = help.count === undefined && !help.error
    var notAll = help.count !== undefined && help.allWords === false  /* no page has every word */
    if (nothing && help.suggestions && help.suggestions.length) {
      var suggestion = element("p", "Bedoelde u ")
      wordList(suggestion, help.suggestions, "?")
      box.appendChild(suggestion)
    }
    if ((nothing || notAll) && help.filters && help.filters.length) {
      box.appendChild(element("p", (notAll ? "Geen pagina bevat alle woorden. " : "") +
        "Bekijk de casussen met een filter:"))
      var list = element("ul")
      help.filters.forEach(function (filter) {
        var item = element("li")
        item.appendChild(element("a", filter.label, { href: filter.href }))
        list.appendChild(item)
      })
      box.appendChild(list)
    }
    if (nothing && help.error)
      box.appendChild(element("p", "Zoeken lukt nu niet. Probeer het later opnieuw, of gebruik de overzichten."))
    box.hidden = !box.childNodes.length
  }

  if (typeof BroadcastChannel !== "undefined")
    new BroadcastChannel("kennisbank-zoeken").addEventListener("message", function (event) {
      var help = event.data || {}
      if (help.type === "zoekhulp" && help.query === input.value)  /* other tabs search too */
        show(help)
    })
  input.addEventListener("input", function () {
    if (!input.value)
      show({})
  })
  show({})

  /* Each result link named by its title */
  var list = result.querySelector(".md-search-result__list")
  new MutationObserver(function () {
    list.querySelectorAll("a.md-search-result__link:not([aria-label])").forEach(function (link) {
      var title = link.querySelector("h1, h2")
      if (title)
        link.setAttribute("aria-label", title.textContent.trim())
    })
  }).observe(list, { childList: true, subtree: true })
})()
