"""Three attributes in mkdocs-material's output that the HTML standard forbids, taken out.

The Nu Html Checker (tests/test_html_valid.py) reports them on every page. They come from
places a theme override cannot reach without copying whole Material templates: the two
toggles in ``base.html`` sit outside any block, the other two deep in ``nav-item.html``
and ``toc.html``. A copied template goes stale with each Material release; these exact
strings do not change silently: if Material changes them, the checker says so.

- ``autocomplete="off"`` on the drawer and search checkboxes (allowed on text-like inputs
  only). Material adds it so that Firefox does not restore an open drawer on "back"; the
  drawer simply starts closed without it.
- ``tabindex=""`` on section labels in the navigation (an empty tabindex is no number).
- ``<label for="__toc">`` on pages outside the navigation, where no ``__toc`` toggle exists.

Every change is idempotent: a page that is repaired twice stays the same.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link"[^>]*?) tabindex=""')
_TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')


def repair(html: str) -> str:
    """The page with Material's invalid attributes removed; anything else untouched."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
