/* The editor at /beheer/ (Decap CMS): the preview that looks like the site's item page, and the widget
   that offers only the beoogde resultaten of the chosen themes. Loaded only by /beheer/index.html, after
   Decap's bundle, which provides CMS, h (React.createElement) and createClass.

   The form itself (collections, fields, allowed values, patterns, hints) is generated from the content
   model into config.yml (kennisbank/publish/beheer.py); the data this script needs (the rows of the
   card, the names of the terms, the site's stylesheets) is in the page as JSON. Markup mirrors
   kennisbank/site/templates/components.html: item_head, badges, card. Everything a contributor
   types is passed to React as text, which escapes it; no innerHTML. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var DATA = JSON.parse(document.getElementById("kb-beheer-gegevens").textContent);
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"];

  function plain(value) {  // Immutable.js value from Decap, or a plain one
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  function list(value) {
    value = plain(value);
    if (value === undefined || value === null || value === "") { return []; }
    return Array.isArray(value) ? value : [value];
  }

  function dutchDate(text) {  // "2024-05-31" -> "31 mei 2024", "2024-05" -> "mei 2024" (content/dates.py)
    var parts = String(text || "").split("-");
    var month = MONTHS[parseInt(parts[1], 10) - 1];
    if (!month) { return String(text || ""); }
    return (parts[2] ? parseInt(parts[2], 10) + " " : "") + month + " " + parts[0];
  }

  function term(taxonomy, id) {
    var names = DATA.terms[taxonomy] || {};
    return names[id] || id;
  }

  // -- the preview: item_head, badges and card of the site's item page --------------------------------

  function badges(kind, data) {  // site/views.py, badges()
    var found = [];
    if (kind === "casus") {
      found.push([term("steden", data.stad), "stad"], [term("fasen", data.fase), "fase"],
                 [term("status", data.status), "status"]);
      if (data.voorbeeld) { found.push(["Voorbeeld", "voorbeeld"]); }
    } else if (kind === "instrument") {
      found.push([term("sturing", data.sturing), "trede"], [term("soort", data.soort), "soort"]);
    } else {
      list(data.thema).forEach(function (id) { found.push([term("themas", id), "thema"]); });
    }
    if (data.concept) { found.push(["Concept", "concept"]); }
    found = found.filter(function (badge) { return badge[0]; });
    if (!found.length) { return null; }
    return h("ul", {className: "kb-badges", "aria-label": "Kenmerken"}, found.map(function (badge, index) {
      return h("li", {key: index, className: "kb-badge kb-badge--" + badge[1]}, badge[0]);
    }));
  }

  function rowValues(row, value, collections) {  // site/views.py, _values()
    if (row.points_at && DATA.kinds[row.points_at + "s"]) { return list(value); }
    if (row.points_at) {
      return list(value).map(function (id) { return term(row.points_at, id); });
    }
    if (!value || (typeof value === "object" && !Object.keys(value).length)) { return []; }
    if (row.show === "datum") { return [dutchDate(value)]; }
    if (row.show === "periode") {
      return value.start ? [dutchDate(value.start) + " – " + (value.eind ? dutchDate(value.eind) : "heden")] : [];
    }
    if (row.show === "contact") {
      return [value.naam, value.organisatie, value.email].filter(Boolean);
    }
    if (row.show === "aantal") { return [String(list(value).length)]; }
    if (row.show === "wettelijke_basis") {
      return list(value).map(function (basis) { return [basis.wet, basis.artikel].filter(Boolean).join(", artikel "); });
    }
    return [String(value)];
  }

  function card(info, data) {
    var rows = info.card.map(function (row) {
      return {label: row.label, values: rowValues(row, data[row.name])};
    }).filter(function (row) { return row.values.length; });
    if (!rows.length) { return null; }
    var items = [];
    rows.forEach(function (row, index) {
      items.push(h("dt", {key: "t" + index}, row.label), h("dd", {key: "d" + index}, row.values.join(", ")));
    });
    return h("div", {className: "kb-kaart"}, h("dl", {"aria-label": "Kenmerken"}, items));
  }

  function notice(kind, title, text) {
    return h("div", {className: "admonition " + kind}, h("p", {className: "admonition-title"}, title), h("p", null, text));
  }

  function history(data) {  // "Verloop: zaaien (1 oktober 2023), groeien (…)" as on the case page
    var steps = list(data.historie);
    if (!steps.length) { return null; }
    return h("p", {className: "kb-historie"}, "Verloop: " + steps.map(function (step) {
      return term("fasen", step.fase) + " (" + dutchDate(step.datum) + ")";
    }).join(", ") + ".");
  }

  function previewFor(collection) {
    var info = DATA.kinds[collection];
    return createClass({
      render: function () {
        var data = plain(this.props.entry.get("data")) || {};
        var title = data[info.title_field] || "(nog zonder titel)";
        return h("div", {className: "md-main"}, h("div", {className: "md-content"},
          h("article", {className: "md-content__inner md-typeset"},
            h("p", {className: "kb-noot"}, "Voorvertoning: zo ziet de pagina eruit op de site."),
            h("h1", null, title),
            data.concept ? notice("warning", "Concept", "Dit is een concept. Het staat niet op de openbare site.") : null,
            info.kind === "casus" && data.voorbeeld ? notice("info kb-voorbeeld", "Illustratief voorbeeld",
              "Deze casus is een illustratief voorbeeld en beschrijft geen echt project.") : null,
            badges(info.kind, data),
            data.samenvatting ? h("p", {className: "kb-samenvatting"}, data.samenvatting) : null,
            info.kind === "casus" && data.goede_praktijk && data.goede_praktijk.reden ?
              notice("success", "Goede praktijk", data.goede_praktijk.reden) : null,
            card(info, data),
            info.kind === "casus" ? history(data) : null,
            this.props.widgetFor("body"))));
      }
    });
  }

  // -- the widget: beoogde resultaten of the chosen themes only ----------------------------------------

  // Decap re-renders a widget only when its own value changes and has no change event for other fields,
  // so the widget looks at the chosen themes (getEntry, the live entry) four times a second.
  var Resultaten = createClass({
    getInitialState: function () { return {themes: this.chosenThemes().join(" ")}; },
    componentDidMount: function () {
      var self = this;
      this.timer = window.setInterval(function () {
        var now = self.chosenThemes().join(" ");
        if (now !== self.state.themes) { self.setState({themes: now}); }
      }, 250);
    },
    componentWillUnmount: function () { window.clearInterval(this.timer); },
    shouldComponentUpdate: function () { return true; },
    chosenThemes: function () {
      var entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      return list(entry && entry.getIn(["data", "themas"]));
    },
    value: function () { return list(this.props.value); },
    isValid: function () {
      var themes = this.chosenThemes(), of = plain(this.props.field.get("thema_van")) || {};
      var wrong = this.value().filter(function (id) { return themes.indexOf(of[id]) < 0; });
      if (!wrong.length) { return true; }
      return {error: {message: "Hoort niet bij een gekozen thema: " + wrong.join(", ") +
        ". Kies het thema erbij of haal het resultaat weg."}};
    },
    toggle: function (id, checked) {
      var now = this.value().filter(function (value) { return value !== id; });
      if (checked) { now.push(id); }
      this.props.onChange(now);
    },
    render: function () {
      var self = this, field = this.props.field;
      var options = plain(field.get("options")) || [], of = plain(field.get("thema_van")) || {};
      var themes = this.chosenThemes(), chosen = this.value();
      var shown = options.filter(function (option) {
        return themes.indexOf(of[option.value]) >= 0 || chosen.indexOf(option.value) >= 0;
      });
      var body = shown.length ? shown.map(function (option) {
        var id = self.props.forID + "-" + option.value;
        return h("div", {key: option.value, className: "kb-keuze"},
          h("input", {type: "checkbox", id: id, checked: chosen.indexOf(option.value) >= 0,
                      onChange: function (event) { self.toggle(option.value, event.target.checked); }}),
          " ", h("label", {htmlFor: id}, option.label));
      }) : h("p", null, "Kies eerst een of meer thema's; dan staan hier hun beoogde resultaten.");
      return h("div", {id: this.props.forID, role: "group", className: this.props.classNameWrapper,
                       "aria-label": field.get("label")}, body);
    }
  });

  function ResultatenPreview(props) {
    return h("span", null, list(props.value).join(", "));
  }

  CMS.registerWidget("kb-resultaten", Resultaten, ResultatenPreview);
  DATA.styles.forEach(function (href) { CMS.registerPreviewStyle(new URL(href, document.baseURI).href); });
  Object.keys(DATA.kinds).forEach(function (collection) {
    CMS.registerPreviewTemplate(collection, previewFor(collection));
  });
})();
