"""The templates in sjablonen/ explain every field and validate; placeholders left behind are reported."""

from __future__ import annotations

import re

import pytest

from kennisbank.content.corpus import load_corpus, load_reference
from kennisbank.content.read import Source, parse_yaml, read_markdown
from kennisbank.content.sjablonen import PLACEHOLDER, TEMPLATES, placeholder_problems, render
from kennisbank.content.validate import _values_at, checked_references, load_schema, schema_problems

from .helpers import FIXTURE_CONTENT, ROOT

KINDS = list(TEMPLATES)

# A commented-out field: '# veld: …', '#   veld: …', '  # veld: …', '#   - veld: …' or '#   - {…}'
COMMENTED_FIELD = re.compile(r"^(\s*)# ((?:  )*)((?:- )?[a-z_]+:(?: |$)|- \{)")


def template(kind: str) -> str:
    return (ROOT / "sjablonen" / TEMPLATES[kind]).read_text(encoding="utf-8")


def front_matter(text: str) -> str:
    return text.split("\n---\n", 1)[0].removeprefix("---\n")


def parsed(kind: str, text: str) -> Source:
    source = Source(f"sjablonen/{kind}.md")
    assert parse_yaml(front_matter(text), source, first_line=2) == []
    return source


def all_fields(schema: dict, prefix: str = "") -> list[str]:
    """Every field name in a schema, nested ones as 'groep.veld'."""
    names = []
    for name, spec in schema.get("properties", {}).items():
        names.append(prefix + name)
        group = spec.get("items", {}) if spec.get("type") == "array" else spec
        names += all_fields(group, f"{prefix}{name}.")
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_template_validates_against_its_schema(kind):
    source = parsed(kind, template(kind))
    assert schema_problems(source, kind) == []


@pytest.mark.parametrize("kind", KINDS)
def test_schema_line_is_the_first_line_inside_the_front_matter(kind):
    lines = template(kind).split("\n")
    assert lines[0] == "---"
    assert lines[1] == f"# yaml-language-server: $schema=../kennisbank/content/schema/{kind}.schema.json"
    assert (ROOT / "sjablonen" / lines[1].split("=", 1)[1]).resolve() == (
        ROOT / "kennisbank" / "content" / "schema" / f"{kind}.schema.json")


@pytest.mark.parametrize("kind", KINDS)
def test_template_explains_every_field_and_every_allowed_value(kind):
    text = template(kind)
    schema = load_schema(kind)
    for name in schema["properties"]:
        top_level = re.compile(rf"^(# )?{name}:")
        assert any(top_level.match(line) for line in text.split("\n")), f"{name} ontbreekt in sjablonen/{kind}.md"
        line = next(i for i, line in enumerate(text.split("\n")) if top_level.match(line))
        assert text.split("\n")[line - 1].lstrip().startswith("#"), f"{name} heeft geen uitleg erboven"
    for spec in schema["properties"].values():
        for value in spec.get("enum") or spec.get("items", {}).get("enum") or []:
            assert value in text, f"toegestane waarde {value} staat niet in sjablonen/{kind}.md"


@pytest.mark.parametrize("kind", KINDS)
def test_every_optional_field_in_the_comments_is_valid_once_uncommented(kind):
    uncommented = "\n".join(COMMENTED_FIELD.sub(r"\1\2\3", line) for line in template(kind).split("\n"))
    source = parsed(kind, uncommented)
    assert set(source.data) == set(load_schema(kind)["properties"])
    assert schema_problems(source, kind) == []
    reference, _ = load_reference(ROOT)
    corpus = load_corpus(ROOT, with_dates=False)
    ids = {"instrument": set(corpus.instrumenten), "casus": set(corpus.cases), "toolkit": set(corpus.toolkits)}
    for dotted, target in checked_references(kind).items():
        for _, value in _values_at(source.data, dotted):
            if value == PLACEHOLDER:
                continue
            allowed = ids[target] if target in ids else set(reference[target])
            assert value in allowed, f"voorbeeld {dotted}: {value} bestaat niet"


def test_left_over_placeholders_are_reported_with_their_line(project):
    project.write("cases/a.md", render(template("casus"), "../kennisbank/content/schema/casus.schema.json"))
    corpus = load_corpus(project.root)
    assert "a" not in corpus.cases
    text = (project.root / "cases" / "a.md").read_text(encoding="utf-8").split("\n")
    expected = [number for number, line in enumerate(text, start=1)
                if PLACEHOLDER in line and not line.lstrip().startswith("#")]
    assert sorted({p.line for p in corpus.problems}) == expected
    messages = {p.line: p.message for p in corpus.problems}
    stad = next(n for n in expected if text[n - 1].startswith("stad:"))
    assert messages[stad].startswith("veld 'stad' is nog niet ingevuld")
    assert "Kies uit: 'amsterdam'" in messages[stad]


def test_placeholder_check_leaves_real_text_alone():
    cases = FIXTURE_CONTENT / "cases"
    source, problems = read_markdown(cases / sorted(p.name for p in cases.glob("*.md"))[0], "cases/x.md")
    reference, _ = load_reference(ROOT)
    assert problems == [] and placeholder_problems(source, "casus", reference) == []


def test_reference_page_lists_every_field_of_the_schema(fixture_site):
    for kind in KINDS:
        html = (fixture_site / "velden" / kind / "index.html").read_text(encoding="utf-8")
        for name in all_fields(load_schema(kind)):
            field = name.rsplit(".", 1)[-1]
            if "." in name:
                assert f"<code>{field}</code>" in html, (kind, name)
            else:
                assert f'id="{field}"' in html, (kind, name)


def test_reference_page_shows_allowed_values_with_labels_and_ids_from_data(fixture_site):
    html = (fixture_site / "velden" / "casus" / "index.html").read_text(encoding="utf-8")
    labels = load_schema("casus")["properties"]["fase"]["x-labels"]
    for value, label in labels.items():
        assert f"<code>{value}</code> — {label}" in html
    reference, _ = load_reference(ROOT)
    for stad, item in reference["steden"].items():
        assert f"<code>{stad}</code> ({item['naam']})" in html
    assert 'href="../../steden/"' in html
    assert "Voorbeeld" in html and 'language-yaml' in html


def test_schemas_are_published_and_linked(fixture_site):
    import json
    for kind in (*KINDS, "referentie"):
        published = json.loads((fixture_site / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert published == load_schema(kind)
    bijdragen = (fixture_site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f'href="../velden/{kind}/"' in bijdragen
        assert f'href="../schema/{kind}.schema.json"' in bijdragen
