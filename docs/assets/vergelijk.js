/*
 * Comparing cases (kennisbank/site/pages/vergelijk.py).
 *
 * On every page: the "Vergelijk" boxes on case cards (server-rendered, and the ones filters.js draws) are shown
 * and keep the choice for this browser tab (sessionStorage, nothing leaves the browser); with a choice, a bar at
 * the bottom of the screen links to /vergelijk/?casus=a&casus=b.
 *
 * On /vergelijk/: the ids in the address are the selection (so a link shares it). Each chosen case's rows come
 * from its own small file, /vergelijk/<id>.json; the table gets a row per field and a column per case, and a
 * value every chosen case has is marked, in words too. Cases are added from the overview's index
 * (/cases/lijst.json) and removed per column; the address follows. On a phone the same values stand one under
 * another, per field. The selection downloads as a table for Excel or as CSV for programs.
 * Text from the data files is put in the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  var KEY = "kb-vergelijk";
  var MAX = 4;
  var WORDS = ["geen", "een", "twee", "drie", "vier"];  // small numbers in a sentence in words: "twee tot vier"
  function inWords(number) { return WORDS[number] || String(number); }
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function siteBase() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* no Material config */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  // -- the choice kept for this tab ----------------------------------------------------------------------------

  function stored() {
    try {
      var found = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
      return Array.isArray(found) ? found.filter(function (item) { return item && SLUG.test(item.id); }) : [];
    } catch (error) { return []; }
  }

  function store(chosen) {
    try { window.sessionStorage.setItem(KEY, JSON.stringify(chosen.slice(0, MAX))); } catch (error) { /* private mode */ }
  }

  function compareUrl(ids) {
    var url = new URL("vergelijk/", siteBase());
    ids.forEach(function (id) { url.searchParams.append("casus", id); });
    return url.pathname + url.search;
  }

  // -- boxes on case cards and the bar -----------------------------------------------------------------------

  var bar = null;

  function updateBar(chosen) {
    if (document.querySelector(".kb-vergelijk[data-kb-rijen]")) return;  // the compare page needs no bar
    if (!bar) {
      bar = element("div", "kb-vergelijk-balk");
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", "Casussen vergelijken");
      document.body.appendChild(bar);
    }
    bar.textContent = "";
    bar.hidden = chosen.length === 0;
    if (!chosen.length) return;
    var text = chosen.length === 1 ? "1 casus gekozen; kies er nog een om te vergelijken."
      : chosen.length + " casussen gekozen" + (chosen.length >= MAX ? " (het maximum)." : ".");
    bar.appendChild(element("span", "kb-vergelijk-balk-tekst", text + " "));
    if (chosen.length >= 2) {
      var link = element("a", "md-button md-button--primary", "Vergelijk");
      link.href = compareUrl(chosen.map(function (item) { return item.id; }));
      bar.appendChild(link);
      bar.appendChild(document.createTextNode(" "));
    }
    var clear = element("button", "md-button", "Wis keuze");
    clear.type = "button";
    clear.addEventListener("click", function () { store([]); sync(); });
    bar.appendChild(clear);
  }

  function sync() {
    var chosen = stored();
    var ids = chosen.map(function (item) { return item.id; });
    Array.prototype.forEach.call(document.querySelectorAll("label.kb-vergelijk-keuze"), function (label) {
      var input = label.querySelector("input");
      label.hidden = false;
      input.checked = ids.indexOf(input.value) >= 0;
      input.disabled = !input.checked && ids.length >= MAX;
      label.classList.toggle("kb-uit", input.disabled);
    });
    updateBar(chosen);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.closest || !input.closest("label.kb-vergelijk-keuze")) return;
    var chosen = stored().filter(function (item) { return item.id !== input.value; });
    if (input.checked && chosen.length < MAX) chosen.push({ id: input.value, t: input.getAttribute("data-kb-titel") });
    store(chosen);
    sync();
  });
  document.addEventListener("kb:lijst", sync);
  sync();

  // -- the compare page ------------------------------------------------------------------------------------

  var root = document.querySelector(".kb-vergelijk[data-kb-rijen]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  var rows = JSON.parse(root.getAttribute("data-kb-rijen"));
  var dataBase = new URL(root.getAttribute("data-kb-gegevens"), window.location.href);
  var sheet = root.querySelector(".kb-vergelijk-werkblad");
  var table = sheet.querySelector("table");
  var caption = table.querySelector("caption");
  var status = sheet.querySelector(".kb-vergelijk-status");
  var stack = sheet.querySelector(".kb-vergelijk-stapel");
  var picker = sheet.querySelector("form.kb-vergelijk-kies");
  var select = picker.querySelector("select");
  var cases = {};  // id -> data file content
  var index = [];  // every case: {i, t}
  var problems = [];

  function selection() {
    var ids = [];
    new URLSearchParams(window.location.search).getAll("casus").forEach(function (id) {
      if (ids.indexOf(id) < 0) ids.push(id);
    });
    return ids;
  }

  function setSelection(ids) {
    var params = new URLSearchParams(window.location.search);
    params.delete("casus");
    ids.forEach(function (id) { params.append("casus", id); });
    history.replaceState(history.state, "", window.location.pathname + "?" + params.toString() + window.location.hash);
    store(ids.filter(function (id) { return cases[id]; }).map(function (id) { return { id: id, t: cases[id].t }; }));
    render();
  }

  function load(id) {
    if (cases[id] || !SLUG.test(id)) return Promise.resolve();
    return fetch(new URL(id + ".json", dataBase).href, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (data) { cases[id] = data; })
      .catch(function () { problems.push(id); });
  }

  function key(line) { return JSON.stringify(line); }

  function lineNode(parts, base) {
    var span = element("span");
    function part(item) {
      if (!item.u) return document.createTextNode(item.t);
      var link = element("a", "", item.t);
      link.href = new URL(item.u, base).href;
      return link;
    }
    if (parts.length > 1) {
      span.appendChild(document.createTextNode(parts[0].t + ": "));
      parts.slice(1).forEach(function (item, number) {
        if (number) span.appendChild(document.createTextNode(", "));
        span.appendChild(part(item));
      });
    } else {
      span.appendChild(part(parts[0]));
    }
    return span;
  }

  function cellNode(lines, shared, base, tag) {
    var td = element(tag || "td");
    if (!lines.length) {
      td.appendChild(element("span", "kb-leeg-waarde", "—")).setAttribute("aria-hidden", "true");
      td.appendChild(element("span", "kb-sr-only", "niet ingevuld"));
      return td;
    }
    var holder = lines.length > 1 ? td.appendChild(element("ul")) : td;
    lines.forEach(function (line) {
      var node = lineNode(line, base);
      if (shared.indexOf(key(line)) >= 0) {
        var mark = element("mark", "kb-gedeeld");
        mark.appendChild(node);
        mark.appendChild(element("span", "kb-sr-only", " (gedeeld)"));
        node = mark;
      }
      if (lines.length > 1) holder.appendChild(element("li")).appendChild(node);
      else holder.appendChild(node);
    });
    return td;
  }

  function removeButton(id) {
    var remove = element("button", "kb-link-knop kb-vergelijk-weg", "Verwijder");
    remove.type = "button";
    remove.appendChild(element("span", "kb-sr-only", " " + cases[id].t + " uit de vergelijking"));
    remove.addEventListener("click", function () {
      setSelection(selection().filter(function (other) { return other !== id; }));
      select.focus();
    });
    return remove;
  }

  function render() {
    var ids = selection().filter(function (id) { return cases[id]; }).slice(0, MAX);
    var headRow = table.querySelector("thead tr");
    while (headRow.children.length > 1) headRow.removeChild(headRow.lastChild);
    ids.forEach(function (id) {
      var data = cases[id];
      var th = element("th");
      th.scope = "col";
      var link = element("a", "", data.t);
      link.href = new URL(data.u, dataBase).href;
      th.appendChild(link);
      if (data.v) th.appendChild(element("span", "kb-badge kb-badge--voorbeeld", "Voorbeeld"));
      th.appendChild(removeButton(id));
      headRow.appendChild(th);
    });
    stack.textContent = "";
    var chosenList = stack.appendChild(element("ul", "kb-vergelijk-gekozen"));
    ids.forEach(function (id) {
      var item = chosenList.appendChild(element("li"));
      var link = item.appendChild(element("a", "", cases[id].t));
      link.href = new URL(cases[id].u, dataBase).href;
      if (cases[id].v) item.appendChild(element("span", "kb-badge kb-badge--voorbeeld", "Voorbeeld"));
      item.appendChild(removeButton(id));
    });
    rows.forEach(function (row) {
      var tr = table.querySelector("tr[data-kb-rij='" + row[0] + "']");
      while (tr.children.length > 1) tr.removeChild(tr.lastChild);
      var values = ids.map(function (id) { return cases[id].r[row[0]] || []; });
      var shared = ids.length < 2 ? [] : values[0].map(key).filter(function (line) {
        return values.every(function (lines) { return lines.map(key).indexOf(line) >= 0; });
      });
      tr.classList.toggle("kb-alles-gedeeld", shared.length > 0 && values.every(function (lines) {
        return lines.length === shared.length;
      }));
      values.forEach(function (lines) { tr.appendChild(cellNode(lines, shared, dataBase)); });
      // On a phone the same values one under another: per field, each chosen case (kennisbank.css hides one view)
      var section = stack.appendChild(element("section", "kb-vergelijk-kenmerk"));
      section.appendChild(element("h3", "", row[1]));
      var list = section.appendChild(element("dl"));
      values.forEach(function (lines, number) {
        list.appendChild(element("dt", "", cases[ids[number]].t));
        list.appendChild(cellNode(lines, shared, dataBase, "dd"));
      });
    });
    stack.hidden = ids.length === 0;
    var titles = ids.map(function (id) { return cases[id].t; });
    caption.textContent = ids.length ? "Vergelijking van " + titles.join(", ") : "Vergelijking (nog geen casus gekozen)";
    table.parentNode.hidden = ids.length === 0;
    // With cases chosen the comparison comes first; how to choose follows it (on a phone it took two screens).
    var help = root.querySelector(".kb-vergelijk-uitleg");
    if (ids.length && help.previousElementSibling !== sheet) root.appendChild(help);
    else if (!ids.length && help.nextElementSibling !== sheet) root.insertBefore(help, sheet);
    sheet.querySelector(".kb-vergelijk-acties").hidden = ids.length === 0;
    sheet.querySelector(".kb-vergelijk-legenda").hidden = ids.length < 2;
    document.title = (ids.length ? "Vergelijking: " + titles.join(" – ") : "Casussen vergelijken") +
      document.title.replace(/^.*?( - [^-]*)$/, "$1");
    var messages = [];
    if (problems.length) messages.push("Niet gevonden en weggelaten: " + problems.join(", ") + ".");
    if (selection().length > MAX) messages.push("U kunt hooguit " + inWords(MAX) + " casussen vergelijken; de eerste " + inWords(MAX) + " staan in de tabel.");
    messages.push(ids.length === 0 ? "Kies hieronder twee tot " + inWords(MAX) + " casussen."
      : ids.length === 1 ? "Kies nog minstens één casus om te vergelijken."
      : ids.length + " casussen naast elkaar." + (ids.length < MAX ? " U kunt er nog " + inWords(MAX - ids.length) + " toevoegen." : ""));
    status.textContent = messages.join(" ");
    fillPicker(ids);
    rewriteAddLinks(ids);
  }

  function fillPicker(ids) {
    while (select.options.length > 1) select.remove(1);
    index.forEach(function (item) {
      if (ids.indexOf(item.i) < 0) select.appendChild(new Option(item.t, item.i));
    });
    picker.hidden = ids.length >= MAX || !index.length;
  }

  function rewriteAddLinks(ids) {  // the links under "Nieuwste casussen" add a case to this selection
    Array.prototype.forEach.call(root.querySelectorAll("a.kb-vergelijk-voeg-toe"), function (link) {
      var id = link.getAttribute("data-kb-casus");
      var next = ids.indexOf(id) >= 0 ? ids : ids.concat([id]).slice(-MAX);
      link.href = "?" + next.map(function (other) { return "casus=" + encodeURIComponent(other); }).join("&");
    });
  }

  // The selection as a table, a row per case: for Excel (';' and a byte-order mark, as a Dutch Excel opens a file by
  // double-click; a cell that starts like a formula gets an apostrophe) or as CSV for programs (RFC 4180: ',' and
  // UTF-8 without a mark). The amounts of the costs are numbers in columns of their own, the rest of the costs in
  // a column beside them; /data/casussen-voor-excel.csv and /data/cases.csv do the same for every case.
  var AMOUNTS = [["bedrag", "Kosten (euro)"], ["bedrag_min", "Kosten ten minste (euro)"],
                 ["bedrag_max", "Kosten ten hoogste (euro)"]];

  function download(forExcel) {
    var ids = selection().filter(function (id) { return cases[id]; }).slice(0, MAX);
    var separator = forExcel ? ";" : ",";
    function cell(value) {
      var text = String(value);
      if (forExcel && /^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text)) text = "'" + text;
      return new RegExp('["\r\n' + separator + ']').test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }
    function lineText(line) {
      return line.length > 1 ? line[0].t + ": " + line.slice(1).map(function (item) { return item.t; }).join(", ")
        : line[0].t;
    }
    var header = ["Casus", "Adres", "Voorbeeld"];
    rows.forEach(function (row) {
      if (row[0] === "kosten") header = header.concat(AMOUNTS.map(function (amount) { return amount[1]; }), ["Kosten: toelichting"]);
      else header.push(row[1]);
    });
    var records = [header];
    ids.forEach(function (id) {
      var data = cases[id], amounts = data.k || {};
      var record = [data.t, new URL(data.u, dataBase).href, data.v ? "ja" : "nee"];
      rows.forEach(function (row) {
        var lines = data.r[row[0]] || [];
        if (row[0] === "kosten") {
          record = record.concat(AMOUNTS.map(function (amount) { return amount[0] in amounts ? amounts[amount[0]] : ""; }));
          lines = Object.keys(amounts).length ? lines.slice(1) : lines;  // the first line is the amount, written out
        }
        record.push(lines.map(lineText).join(" | "));
      });
      records.push(record);
    });
    var text = (forExcel ? "\ufeff" : "") + records.map(function (record) {
      return record.map(cell).join(separator);
    }).join("\r\n") + "\r\n";
    var link = element("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "vergelijking-" + ids.join("-").slice(0, 110) + (forExcel ? "-excel" : "") + ".csv";
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  picker.addEventListener("submit", function (event) {
    event.preventDefault();
    var id = select.value;
    if (!id) return;
    load(id).then(function () {
      setSelection(selection().concat([id]).slice(0, MAX));
    });
  });
  sheet.querySelector("[data-kb-actie=excel]").addEventListener("click", function () { download(true); });
  sheet.querySelector("[data-kb-actie=csv]").addEventListener("click", function () { download(false); });
  sheet.querySelector("[data-kb-actie=print]").addEventListener("click", function () { window.print(); });

  sheet.hidden = false;
  root.querySelector(".kb-zonder-script").hidden = true;
  Promise.all(selection().slice(0, MAX).map(load)).then(function () {
    render();
    if (selection().length) store(selection().filter(function (id) { return cases[id]; }).map(function (id) {
      return { id: id, t: cases[id].t };
    }));
    return fetch(new URL(root.getAttribute("data-kb-index"), window.location.href).href, { credentials: "same-origin" });
  }).then(function (response) { return response.ok ? response.json() : { items: [] }; })
    .then(function (data) {
      index = (data.items || []).filter(function (item) { return item.i; })
        .sort(function (a, b) { return a.t.localeCompare(b.t, "nl"); });
      fillPicker(selection().filter(function (id) { return cases[id]; }));
      root.setAttribute("data-kb-klaar", "");  // for anyone waiting on the table: it is ready
    })
    .catch(function () { root.setAttribute("data-kb-klaar", ""); });
})();
