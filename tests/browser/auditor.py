"""What an accessibility auditor checks beyond axe, as functions over a page in Chromium (issue 13).

Each function returns a list of problems (empty: nothing found), in Dutch, as the other gates do.
They are run on every kind of page (test_auditor.py) and on fixtures with a known fault
(tests/fixtures/gates/auditor/), which proves that each can fail.

- ``focus_walk``: Tab forward through the page and Shift+Tab back; at every stop the focus must be
  visible (outline or shadow), inside the viewport and not under a fixed or sticky element
  (header, "Terug naar boven"): WCAG 2.4.7, 2.4.11 (2.2), 2.4.3.
- ``unnamed_controls``: every link, control and focusable element has a non-empty name as Chromium
  computes it for screen readers (CDP ``Accessibility.getFullAXTree``; axe computes names itself
  and misses e.g. a link that wraps an <article>): WCAG 4.1.2, 2.4.4.
- ``reflow_problems``: the page is no wider than the viewport: WCAG 1.4.10 at 320 px.
- ``scroll_region_problems``: what scrolls sideways can be focused and is a named region: 2.1.1, 4.1.2.
- ``menu_problems``: on a narrow screen the menu opens with the keyboard, takes the focus, closes with
  Escape and gives the focus back; closed, nothing in it (or in the closed search) is a Tab stop.
- ``forced_colour_problems``: with forced colours (Windows high contrast) every SVG text stands out
  from what is behind it, measured in screenshot pixels; mask icons and the search field stay visible.
"""

from __future__ import annotations

import base64

# Viewports: a desktop, a phone, and WCAG's reflow case (1280 px at 400 %: 320 × 256).
WIDTHS = {"1280": (1280, 800), "390": (390, 844), "320": (320, 256)}

# Roles a visitor operates or that take the focus: each needs a name (ARIA's "name required").
NAMED_ROLES = {"link", "button", "textbox", "searchbox", "checkbox", "radio", "combobox", "listbox",
               "menuitem", "menuitemcheckbox", "menuitemradio", "option", "slider", "spinbutton",
               "switch", "tab", "treeitem", "region", "dialog", "navigation", "search", "form"}

# --- the focus walk ---------------------------------------------------------------------------------

# Installed once per page: the focused element is measured in the page, after the browser moved the
# focus and scrolled it into view, and the result kept in window.__kbWalk, so that the walk costs one
# key event per stop instead of a key press and a round trip to measure.
_INSTALL_WALK = """() => {
    window.__kbWalk = [];
    if (window.__kbWalkInstalled) return;
    window.__kbWalkInstalled = true;
    const ids = new WeakMap();
    const measure = () => {
        // Transitions (a link's opacity, a sliding panel) are measured at their end.
        document.getAnimations().forEach(a => { if (a.effect && a.effect.getTiming().iterations !== Infinity) a.finish(); });
        const element = document.activeElement;
        if (!element || element === document.body || element === document.documentElement) return null;
        if (!ids.has(element)) ids.set(element, Math.random());
        const id = String(ids.get(element));
        // A visually hidden input (Material's palette switch) shows its focus on its label.
        let shown = element;
        const size = element.getBoundingClientRect();
        if (size.width <= 1 || size.height <= 1) {
            const next = element.nextElementSibling;
            shown = (next && next.tagName === 'LABEL' && !next.hidden ? next : null)
                || (element.id && document.querySelector(`label[for="${CSS.escape(element.id)}"]:not([hidden])`))
                || element;
        }
        const style = getComputedStyle(shown);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
            && !/rgba\\(.*, 0\\)$/.test(style.outlineColor);
        const visible = (outline || style.boxShadow !== 'none')
            && shown.checkVisibility({opacityProperty: true, visibilityProperty: true});
        const html = element.outerHTML.replace(/\\s+/g, ' ').slice(0, 140);
        const width = document.documentElement.clientWidth, height = window.innerHeight;
        const rects = [...shown.getClientRects()].filter(r => r.width > 0 && r.height > 0);
        if (!rects.length) return {id, html, visible: false, where: 'zonder afmeting', covered: []};
        // Clipped by a container (overflow hidden, a closed panel of width 0): the part left over.
        const clip = {left: 0, top: 0, right: width, bottom: height};
        for (let n = shown.parentElement; n && n !== document.body; n = n.parentElement) {
            const overflow = getComputedStyle(n);
            if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
            const r = n.getBoundingClientRect();
            if (overflow.overflowX !== 'visible') { clip.left = Math.max(clip.left, r.left); clip.right = Math.min(clip.right, r.right); }
            if (overflow.overflowY !== 'visible') { clip.top = Math.max(clip.top, r.top); clip.bottom = Math.min(clip.bottom, r.bottom); }
        }
        const box = rects.reduce((a, r) => ({left: Math.min(a.left, r.left), top: Math.min(a.top, r.top),
            right: Math.max(a.right, r.right), bottom: Math.max(a.bottom, r.bottom)}),
            {left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity});
        // What the browser can show of it: the viewport less the scroll padding for sticky parts.
        const root = getComputedStyle(document.documentElement);
        const padTop = parseFloat(root.scrollPaddingTop) || 0, padBottom = parseFloat(root.scrollPaddingBottom) || 0;
        const fits = box.right - box.left <= width && box.bottom - box.top <= height - padTop - padBottom;
        const seen = Math.min(box.right, clip.right) - Math.max(box.left, clip.left) > 0
            && Math.min(box.bottom, clip.bottom) - Math.max(box.top, clip.top) > 0;
        // Entirely out of sight is the fault (a closed drawer, a closed search field). Partly is what
        // browsers do with a link in a table that scrolls sideways: they scroll only "if needed".
        const where = seen ? '' : `buiten beeld of afgeknipt (${Math.round(box.left)},${Math.round(box.top)} tot `
            + `${Math.round(box.right)},${Math.round(box.bottom)} in ${width}×${height})`;
        // What covers it: at points spread over each visible box, the topmost element must be the
        // focused one (or inside it). A fixed or sticky element on top is the fault 2.4.11 describes.
        const fixedAncestor = node => {
            for (let n = node; n && n !== document.documentElement; n = n.parentElement) {
                const position = getComputedStyle(n).position;
                if (position === 'fixed' || position === 'sticky') return n;
            }
            return null;
        };
        const covered = new Set();
        let points = 0, hidden = 0;
        for (const r of rects) {
            const left = Math.max(r.left, clip.left) + 1, right = Math.min(r.right, clip.right) - 1;
            const top = Math.max(r.top, clip.top) + 1, bottom = Math.min(r.bottom, clip.bottom) - 1;
            if (right <= left || bottom <= top) continue;
            for (const fx of [0, 0.25, 0.5, 0.75, 1]) for (const fy of [0, 0.5, 1]) {
                const topmost = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
                points += 1;
                if (!topmost || shown.contains(topmost) || element.contains(topmost) || topmost.contains(shown)) continue;
                const cover = fixedAncestor(topmost);
                // Material hides "Terug naar boven" at the top of the page (250 ms later): not a cover there.
                if (cover && cover.classList.contains('md-top') && window.scrollY <= 0) continue;
                // Material's sticky sidebars stand beside the content; its script fits their height to
                // the footer one frame after a scroll, so right after a jump to the footer they may
                // overlap it for that frame. Only a cover that is not a sidebar counts there.
                if (cover && cover.classList.contains('md-sidebar') && !shown.closest('.md-main__inner')) continue;
                if (cover && !cover.contains(shown)) {
                    hidden += 1;
                    covered.add(cover.tagName.toLowerCase() + (typeof cover.className === 'string' && cover.className.trim()
                        ? '.' + cover.className.trim().split(/\\s+/).join('.') : ''));
                }
            }
        }
        // An element larger than what can be shown only has to show part of itself (WCAG 2.4.11, minimum).
        const obscured = fits ? hidden > 0 : points > 0 && hidden === points;
        return {id, html, visible, where, covered: obscured ? [...covered] : []};
    };
    // Measured when the next Tab goes down, before the browser moves on: so that a key press needs
    // one round trip (key down only). window.__kbMeasure() measures the last stop.
    window.__kbMeasure = () => {
        const element = document.activeElement;
        if (element && element.id === 'kb-startpunt') return;
        window.__kbWalk.push(measure());
    };
    document.addEventListener('keydown', event => {
        if (event.key === 'Tab') window.__kbMeasure();
    }, true);
}"""

_WALK_STATUS = """() => {
    const walk = window.__kbWalk;
    const ids = new Set();
    let end = walk.length;
    for (let i = 0; i < walk.length; i++) {
        if (walk[i] !== null && i > 0 && walk[i - 1] !== null && walk[i - 1].id === walk[i].id) continue;
        if (walk[i] === null || ids.has(walk[i].id)) { end = i; break; }
        ids.add(walk[i].id);
    }
    const stops = walk.slice(0, end).filter((stop, i, all) => i === 0 || all[i - 1].id !== stop.id);
    return {done: end < walk.length, stops};
}"""


def focus_walk(page, limit: int = 600, directions=("Tab", "Shift+Tab")) -> list[str]:
    """Tab through the whole page and Shift+Tab back: every stop visible, in view, not covered."""
    problems: list[str] = []
    page.evaluate(_INSTALL_WALK)
    for key in directions:
        # Start before the first element (Tab) or after the last (Shift+Tab): a focused placeholder there.
        page.evaluate("""backward => {
            window.__kbWalk = [];
            const start = document.createElement('span');
            start.tabIndex = -1;
            start.id = 'kb-startpunt';
            backward ? document.body.append(start) : document.body.prepend(start);
            start.focus({preventScroll: true});
            window.scrollTo(0, backward ? document.documentElement.scrollHeight : 0);
        }""", key != "Tab")
        status = {"done": False, "stops": []}
        if key != "Tab":
            page.keyboard.down("Shift")
        for _batch in range(0, limit, 20):
            for _ in range(20):
                page.keyboard.down("Tab")  # held down: the browser moves on at every repeat
            page.evaluate("() => window.__kbMeasure()")
            status = page.evaluate(_WALK_STATUS)
            if status["done"]:
                break
        page.keyboard.up("Tab")
        if key != "Tab":
            page.keyboard.up("Shift")
        page.evaluate("() => document.getElementById('kb-startpunt')?.remove()")
        if not status["done"]:
            problems.append(f"{key}: na {limit} stappen nog geen einde van de pagina")
        for stop in status["stops"]:
            if not stop["visible"]:
                problems.append(f"{key}: focus niet zichtbaar op {stop['html']}")
            if stop["where"]:
                problems.append(f"{key}: focus {stop['where']} op {stop['html']}")
            if stop["covered"]:
                problems.append(f"{key}: focus onder {', '.join(stop['covered'])} op {stop['html']}")
    return list(dict.fromkeys(problems))


# --- names as Chromium computes them ------------------------------------------------------------------

def _ax_value(node: dict, key: str) -> str:
    return str((node.get(key) or {}).get("value", "") or "").strip()


def _focusable(node: dict) -> bool:
    return any(prop.get("name") == "focusable" and prop.get("value", {}).get("value")
               for prop in node.get("properties", []))


def unnamed_controls(page) -> list[str]:
    """Every link, control, region and focusable element has a name in Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        problems = []
        for node in nodes:
            if node.get("ignored"):
                continue
            role = _ax_value(node, "role")
            if role in ("RootWebArea", "none", "presentation", "StaticText", "InlineTextBox"):
                continue
            if role not in NAMED_ROLES and not _focusable(node):
                continue
            if role in ("navigation", "form", "search") and not _focusable(node):
                continue  # landmarks may go unnamed when there is one of a kind; axe checks those
            if _ax_value(node, "name"):
                continue
            described = ""
            if "backendDOMNodeId" in node:
                html = cdp.send("DOM.getOuterHTML", {"backendNodeId": node["backendDOMNodeId"]})["outerHTML"]
                described = " ".join(html.split())[:160]
            problems.append(f"geen naam voor schermlezers ({role}): {described}")
        return problems
    finally:
        cdp.detach()


# --- reflow and scrolling regions --------------------------------------------------------------------

_WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    const total = document.documentElement.scrollWidth;
    if (total <= width) return null;
    // Name the elements that stick out furthest, outside any container that scrolls them away.
    const clipped = element => {
        for (let n = element.parentElement; n && n !== document.body; n = n.parentElement) {
            const overflow = getComputedStyle(n).overflowX;
            if (overflow !== 'visible') return true;
        }
        return false;
    };
    const out = [...document.body.querySelectorAll('*')]
        .filter(e => e.getBoundingClientRect().right > width + 1 && !clipped(e))
        .map(e => ({html: e.outerHTML.replace(/\\s+/g, ' ').slice(0, 120), right: e.getBoundingClientRect().right}))
        .sort((a, b) => b.right - a.right).slice(0, 3);
    return {width, total, out};
}"""


def reflow_problems(page) -> list[str]:
    """``document.documentElement.scrollWidth`` is at most the viewport's width (WCAG 1.4.10)."""
    wide = page.evaluate(_WIDER_THAN_VIEWPORT)
    if wide is None:
        return []
    culprits = "; ".join(f"{item['html']} (tot {round(item['right'])} px)" for item in wide["out"])
    return [f"pagina is {wide['total']} px breed in een venster van {wide['width']} px: {culprits}"]


_SCROLL_REGIONS = """() => [...document.querySelectorAll('body *')].filter(element => {
        const style = getComputedStyle(element);
        return /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1
            && element.clientHeight > 0 && element.checkVisibility({visibilityProperty: true})
            && !element.closest('[inert], [aria-hidden=true]');
    }).map(element => ({
        html: element.outerHTML.replace(/\\s+/g, ' ').slice(0, 140),
        tabindex: element.getAttribute('tabindex'),
        focusable: element.tabIndex >= 0,
        role: element.getAttribute('role'),
        mark: (element.dataset.kbRegioProef = String(Math.random())),
    }))"""


def scroll_region_problems(page) -> list[str]:
    """What scrolls sideways is a Tab stop (tabindex="0"), a region and named (Chromium's name)."""
    regions = page.evaluate(_SCROLL_REGIONS)
    problems = []
    cdp = page.context.new_cdp_session(page)
    try:
        for region in regions:
            if not region["focusable"]:
                problems.append(f"scrollt zijwaarts maar is niet met Tab te bereiken: {region['html']}")
            if region["role"] != "region":
                problems.append(f"scrollt zijwaarts maar heeft geen role=\"region\": {region['html']}")
            handle = cdp.send("Runtime.evaluate", {"expression":
                f"document.querySelector('[data-kb-regio-proef=\"{region['mark']}\"]')"})["result"]
            node = cdp.send("Accessibility.getPartialAXTree", {"objectId": handle["objectId"],
                                                                "fetchRelatives": False})["nodes"][0]
            if not _ax_value(node, "name"):
                problems.append(f"scrollt zijwaarts maar heeft geen naam: {region['html']}")
    finally:
        cdp.detach()
    return problems


# --- the menu on a narrow screen ----------------------------------------------------------------------

_MENU_STATE = """() => {
    const button = document.querySelector('header button[aria-controls]:not([hidden])');
    const drawer = button && document.getElementById(button.getAttribute('aria-controls'));
    const tabbable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const reachable = root => [...root.querySelectorAll(tabbable)].filter(element =>
        element.tabIndex >= 0 && !element.disabled && !element.closest('[inert]')
        && element.checkVisibility({visibilityProperty: true}));
    const focused = document.activeElement;
    return {
        button: button ? button.outerHTML.replace(/\\s+/g, ' ').slice(0, 120) : null,
        shown: Boolean(button && button.checkVisibility()),
        tag: button ? button.tagName : null,
        expanded: button ? button.getAttribute('aria-expanded') : null,
        focusOnButton: Boolean(button && focused === button),
        focusInDrawer: Boolean(drawer && drawer.contains(focused)),
        inDrawer: drawer ? reachable(drawer).length : 0,
        outsideDrawer: drawer ? reachable(document.body).filter(e => !drawer.contains(e))
            .map(e => e.outerHTML.replace(/\\s+/g, ' ').slice(0, 100)).slice(0, 3) : [],
    };
}"""

def _finish_transitions(page) -> None:
    page.evaluate("""() => document.getAnimations().forEach(animation => {
        if (animation.effect && animation.effect.getTiming().iterations !== Infinity) animation.finish();
    })""")


def menu_problems(page) -> list[str]:
    """On a narrow screen: a real button opens the menu with Enter (and Space), the focus goes into the
    menu and stays there, Escape closes it and the focus returns; closed, nothing in it is a Tab stop.
    (Other off-screen Tab stops, such as a closed search overlay, are found by the focus walk.)"""
    problems: list[str] = []
    state = page.evaluate(_MENU_STATE)
    if not state["button"] or not state["shown"]:
        return problems + ["geen zichtbare menuknop (<button aria-controls> in de kop)"]
    if state["tag"] != "BUTTON":
        problems.append(f"de menuknop is geen <button>: {state['button']}")
    if state["inDrawer"]:
        problems.append(f"het gesloten menu heeft {state['inDrawer']} Tab-stops")
    for key in ("Enter", " "):
        page.focus("header button[aria-controls]:not([hidden])")
        page.keyboard.press(key)
        _finish_transitions(page)  # Material's drawer slides in
        state = page.evaluate(_MENU_STATE)
        name = "Enter" if key == "Enter" else "Spatie"
        if state["expanded"] != "true":
            problems.append(f"{name} opent het menu niet (aria-expanded={state['expanded']!r})")
        if not state["focusInDrawer"]:
            problems.append(f"na {name} staat de focus niet in het menu")
        if not state["inDrawer"]:
            problems.append(f"na {name} is in het menu niets met Tab te bereiken")
        if state["outsideDrawer"]:
            problems.append(f"met het menu open is achter het menu nog te bereiken: {state['outsideDrawer']}")
        page.keyboard.press("Escape")
        _finish_transitions(page)
        state = page.evaluate(_MENU_STATE)
        if state["expanded"] != "false":
            problems.append(f"Escape sluit het menu niet (aria-expanded={state['expanded']!r})")
        if not state["focusOnButton"]:
            problems.append("na Escape staat de focus niet terug op de menuknop")
        if state["inDrawer"]:
            problems.append(f"het gesloten menu heeft nog {state['inDrawer']} Tab-stops")
    return list(dict.fromkeys(problems))


# --- forced colours -----------------------------------------------------------------------------------

_CANVAS = """() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;width:1px;height:1px;background:Canvas;color:CanvasText';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    const colours = {canvas: style.backgroundColor, text: style.color};
    probe.remove();
    return colours;
}"""

# Pixels of a text: where the screenshot with the text differs from the one without it. The text is
# readable when enough of those pixels stand out from what was behind them (contrast, as WCAG counts it).
_TEXT_CONTRAST = """async ([withText, withoutText, boxes]) => {
    const decode = async data => {
        // From the bytes, not fetch('data:…'): the page's policy lets it connect to the site only.
        const blob = new Blob([Uint8Array.from(atob(data), c => c.charCodeAt(0))], {type: 'image/png'});
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const a = await decode(withText), b = await decode(withoutText);
    const luminance = (data, i) => {
        const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(data[i]) + 0.7152 * channel(data[i + 1]) + 0.0722 * channel(data[i + 2]);
    };
    return boxes.map(box => {
        let changed = 0, strong = 0;
        for (let y = Math.max(0, box.top); y < Math.min(a.height, box.bottom); y++) {
            for (let x = Math.max(0, box.left); x < Math.min(a.width, box.right); x++) {
                const i = (y * a.width + x) * 4;
                const l1 = luminance(a.data, i), l2 = luminance(b.data, i);
                if (Math.abs(l1 - l2) < 0.001) continue;
                changed += 1;
                const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                if (ratio >= 3) strong += 1;
            }
        }
        return {changed, strong};
    });
}"""

_SVG_TEXTS = """() => {
    const texts = [...document.querySelectorAll('svg text')].filter(t => t.checkVisibility()
        && t.textContent.trim() && !t.closest('[aria-hidden=true] text, .md-search'));
    texts.forEach((t, i) => t.dataset.kbTekst = i);
    return texts.map(t => {
        const box = t.getBoundingClientRect();
        return {index: Number(t.dataset.kbTekst), text: t.textContent.trim().slice(0, 40),
                svg: t.closest('svg').getAttribute('class') || 'svg',
                left: box.left + scrollX, top: box.top + scrollY, width: box.width, height: box.height};
    });
}"""


def svg_text_problems(page) -> list[str]:
    """Every text in an SVG stands out from what is behind it, in screenshot pixels: at least a few
    pixels of each text have a contrast of 3:1 or more with the picture without the text."""
    texts = page.evaluate(_SVG_TEXTS)
    if not texts:
        return []
    page.evaluate("() => window.scrollTo(0, 0)")
    with_text = base64.b64encode(page.screenshot(full_page=True, animations="disabled")).decode()
    # Through the CSSOM: the page's Content-Security-Policy refuses an added <style>, as it should.
    page.evaluate("() => document.querySelectorAll('svg text[data-kb-tekst]').forEach(text => "
                  "text.style.setProperty('visibility', 'hidden', 'important'))")
    without_text = base64.b64encode(page.screenshot(full_page=True, animations="disabled")).decode()
    page.evaluate("() => document.querySelectorAll('svg text[data-kb-tekst]').forEach(text => "
                  "text.style.removeProperty('visibility'))")
    boxes = [{"left": int(t["left"]), "top": int(t["top"]), "right": int(t["left"] + t["width"]) + 1,
              "bottom": int(t["top"] + t["height"]) + 1} for t in texts]
    measured = page.evaluate(_TEXT_CONTRAST, [with_text, without_text, boxes])
    problems = []
    for text, result in zip(texts, measured, strict=True):
        # A glyph's stems give dozens of pixels; 6 at 3:1 is the least that still reads as a letter.
        if result["strong"] < 6:
            problems.append(f"tekst in {text['svg']} onleesbaar: \u201c{text['text']}\u201d "
                            f"({result['changed']} pixels anders, {result['strong']} met contrast 3:1)")
    return problems


MASK_ICONS_AND_FIELDS = """() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;width:1px;height:1px;background:Canvas';
    document.body.append(probe);
    const canvas = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const problems = [];
    for (const element of document.querySelectorAll('body *')) {
        if (!element.checkVisibility({visibilityProperty: true}) || element.closest('[inert]')) continue;
        for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            if (style.maskImage === 'none' && style.webkitMaskImage === 'none') continue;
            if (pseudo && style.content === 'none') continue;
            if (style.display === 'none' || parseFloat(style.width) === 0) continue;
            if (style.backgroundColor === canvas || /rgba\\(.*, 0\\)$/.test(style.backgroundColor)) {
                problems.push(`maskerpictogram onzichtbaar (${style.backgroundColor} op ${canvas}): `
                    + element.outerHTML.replace(/\\s+/g, ' ').slice(0, 100) + (pseudo || ''));
            }
        }
    }
    const form = document.querySelector('.md-search__form');
    if (form && form.checkVisibility()) {
        const style = getComputedStyle(form);
        if (style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) < 1)
            problems.push('het zoekveld heeft geen rand');
    }
    return problems;
}"""


def forced_colour_problems(page) -> list[str]:
    """Under ``forced-colors: active``: SVG texts readable, mask icons visible, the search field edged."""
    return svg_text_problems(page) + page.evaluate(MASK_ICONS_AND_FIELDS)
