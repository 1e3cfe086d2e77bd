"""Valid HTML: the Nu Html Checker (the W3C validator, vnu-jar from npm) finds no error on the built site.

Invalid HTML is where browsers and screen readers start to differ. The checker needs
Java and node_modules/vnu-jar (scripts/test installs both); without them the test is
skipped on a developer's machine and fails in CI.
"""

from __future__ import annotations

from .gates import FIXTURES, require_vnu, vnu_errors


def test_the_nu_checker_finds_no_error_on_the_site(built_site):
    errors = vnu_errors(require_vnu(), built_site)
    assert not errors, f"{len(errors)} fouten in de HTML:\n" + "\n".join(errors[:100])


def test_the_nu_checker_catches_invalid_html():
    """The gate can fail: Material's own mistakes, on a fixture page."""
    errors = "\n".join(vnu_errors(require_vnu(), FIXTURES / "ongeldig.html"))
    assert "autocomplete" in errors and "tabindex" in errors, errors
