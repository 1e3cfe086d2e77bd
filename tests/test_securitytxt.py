"""A security contact: SECURITY.md in the repository, and /.well-known/security.txt when the site has its own domain.

The file is judged by the Digital Trust Center's validator (PyPI: sectxt, the one internet.nl uses),
offline, against RFC 9116: required fields, dates, languages, the canonical address. The validator is
shown to fail on a file that breaks the RFC.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sectxt import Parser

from kennisbank.publish import securitytxt

from .helpers import ROOT, Project, replaced

OWN_DOMAIN = "https://kennisbank.example.nl/"
PUBLISHED = "site_url: https://citydeal-dynamische-binnensteden.github.io/kennisbank/"


def judged(text: str, url: str) -> Parser:
    return Parser(text.encode("utf-8"), urls=url)


@pytest.fixture(scope="module")
def own_domain_site(tmp_path_factory):
    project = Project.create(tmp_path_factory.mktemp("eigen-domein"))
    project.write("mkdocs.yml", replaced(project.read("mkdocs.yml"), PUBLISHED, f"site_url: {OWN_DOMAIN}"))
    return project.built(env={"SOURCE_DATE_EPOCH": "1780000000"})  # 2026-05-28: the build's moment


def test_on_its_own_domain_the_site_publishes_a_valid_security_txt(own_domain_site):
    text = (own_domain_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    parsed = judged(text, OWN_DOMAIN + securitytxt.PATH)
    assert parsed.is_valid(), parsed.errors
    assert [item["code"] for item in parsed.recommendations] == ["not_signed"]  # no PGP key: see SECURITY.md
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert fields["Contact"] == "https://github.com/citydeal-dynamische-binnensteden/kennisbank/security/advisories/new"
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == OWN_DOMAIN + ".well-known/security.txt"
    built = datetime.fromtimestamp(1780000000, UTC)
    expires = datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    assert 300 < (expires - built).days < 365, "Expires ligt minder dan een jaar na de build (RFC 9116, 2.5.5)"


def test_under_a_path_the_site_writes_none(fixture_site):
    """RFC 9116 counts only /.well-known/ at the root of the host: under /kennisbank/ it would mislead."""
    assert not (fixture_site / ".well-known").exists()
    assert not securitytxt.applies("https://citydeal-dynamische-binnensteden.github.io/kennisbank/")
    assert securitytxt.applies(OWN_DOMAIN) and securitytxt.applies("https://kennisbank.example.nl")


def test_the_validator_catches_a_file_that_breaks_the_rfc():
    good = securitytxt.security_txt(OWN_DOMAIN, "eigenaar/site", datetime(2026, 5, 28, tzinfo=UTC))
    expired = replaced(good, "Expires: 2027-05-27T00:00:00Z", "Expires: 2020-01-01T00:00:00Z")
    without_contact = "\n".join(line for line in good.splitlines() if not line.startswith("Contact:")) + "\n"
    elsewhere = judged(good, "https://andere-site.example.org/.well-known/security.txt")
    assert {item["code"] for item in judged(expired, OWN_DOMAIN + securitytxt.PATH).errors} >= {"expired"}
    assert {item["code"] for item in judged(without_contact, OWN_DOMAIN + securitytxt.PATH).errors} >= {"no_contact"}
    assert "no_canonical_match" in {item["code"] for item in elsewhere.errors}


def test_security_md_says_how_to_report_and_what_is_in_scope():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for needed in ("security/advisories/new", "Wat valt eronder", "Wat valt er niet onder", "/.well-known/security.txt"):
        assert needed in text, needed
