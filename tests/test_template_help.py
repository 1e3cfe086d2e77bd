"""Field explanations in the templates (issue 15, item 8): every field, nested ones and the jargon, and dates said once."""

from __future__ import annotations

import re

import pytest

from kennisbank.content.sjablonen import TEMPLATES
from kennisbank.content.validate import load_schema

from .helpers import ROOT

KINDS = list(TEMPLATES)


def template(kind: str) -> str:
    return (ROOT / "sjablonen" / TEMPLATES[kind]).read_text(encoding="utf-8")


def comments(kind: str) -> str:
    return "\n".join(line for line in template(kind).split("\n---\n", 1)[0].split("\n") if line.lstrip().startswith("#"))


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_inside_a_group_is_explained_by_name(kind):
    text = comments(kind)
    for name, spec in load_schema(kind)["properties"].items():
        group = spec.get("items", {}) if spec.get("type") == "array" else spec
        for sub in group.get("properties", {}):
            assert f"'{sub}'" in text, f"{name}.{sub} wordt niet uitgelegd in sjablonen/{kind}.md"


@pytest.mark.parametrize("kind", KINDS)
def test_the_date_format_is_said_once_at_the_top(kind):
    text = template(kind)
    assert text.count("JJJJ-MM-DD") == 1
    assert text.index("JJJJ-MM-DD") < text.index("\n\n")  # in the opening block, before the first field
    assert text.count('"JJJJ-MM"') <= 1


@pytest.mark.parametrize("kind, field, values", [
    ("casus", "rol_gemeente", ["publiek", "actief-eigenaar", "proactief-verbinder", "sturend"]),
    ("instrument", "rol_gemeente", ["publiek", "actief-eigenaar", "proactief-verbinder", "sturend"]),
    ("instrument", "sturing", ["stimuleren", "faciliteren", "onderhandelen", "reguleren", "afdwingen"]),
    ("casus", "inzichten", ["programmering", "stakeholders-en-samenwerking", "data-en-monitoring",
                            "individueel-en-collectief"]),
])
def test_jargon_values_are_each_explained_in_plain_words(kind, field, values):
    text = comments(kind)
    for value in values:
        assert re.search(rf"#\s+{re.escape(value)}\s+=\s+\w+", text), f"{field}: {value} zonder uitleg"


def test_voorbeeld_and_contact_say_what_they_are_for():
    text = comments("casus")
    assert "verzonnen" in text  # voorbeeld: not a real project
    assert "FUNCTIE" in text and "geen persoonsnaam" in text and "functieadres" in text
