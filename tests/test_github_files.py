"""The files under .github/ cannot run here; check what can be checked: valid YAML, GitHub's keys,
the case fields the issue form maps to, and that every command the workflows call exists."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from kennisbank.content.validate import load_schema

from .helpers import ROOT

GITHUB = ROOT / ".github"
FORM_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ELEMENT_ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
BODY_SECTIONS = {"opgave", "aanpak", "resultaten", "lessen"}  # the text of a case
FORM_ONLY = {"toelichting", "toestemming"}


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def data_options(name: str) -> list[str]:
    return [f"{item['naam']} ({item['id']})" for item in load(ROOT / "data" / f"{name}.yml")]


def enum_options(field: str) -> list[str]:
    spec = load_schema("casus")["properties"][field]
    values = spec.get("enum") or spec["items"]["enum"]
    return [f"{spec['x-labels'][value]} ({value})" for value in values]


@pytest.mark.parametrize("path", sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")), ids=lambda p: p.name)
def test_issue_forms_follow_githubs_form_schema(path):
    form = load(path)
    if path.name == "config.yml":
        assert isinstance(form["blank_issues_enabled"], bool)
        for link in form["contact_links"]:
            assert set(link) == {"name", "url", "about"} and link["url"].startswith("https://")
        return
    assert set(form) <= FORM_KEYS and {"name", "description", "body"} <= set(form)
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    for element in form["body"]:
        kind = element["type"]
        assert set(element) <= {"type", "id", "attributes", "validations"}
        assert set(element["attributes"]) <= ELEMENT_ATTRIBUTES[kind], element
        if kind == "markdown":
            assert "id" not in element and "validations" not in element and element["attributes"]["value"]
            continue
        assert element["attributes"]["label"]
        assert set(element.get("validations", {})) <= {"required"}
        options = element["attributes"].get("options")
        if kind == "dropdown":
            assert options and all(isinstance(o, str) for o in options) and len(options) == len(set(options))
        if kind == "checkboxes":
            assert options and all(set(o) <= {"label", "required"} for o in options)


def test_new_case_form_fields_map_to_case_fields():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "nieuwe-casus.yml")
    schema = load_schema("casus")
    fields = {element["id"]: element for element in form["body"] if "id" in element}
    for name in fields:
        group, _, sub = name.partition("_")
        is_field = name in schema["properties"] or sub in schema["properties"].get(group, {}).get("properties", {})
        assert is_field or name in BODY_SECTIONS | FORM_ONLY, f"{name} is geen veld van een casus"
    # every required case field can be filled in from the form, and is required there too
    for name in schema["required"]:
        covering = [f for f in fields if f == name or f.startswith(f"{name}_")]
        assert covering, f"verplicht veld {name} ontbreekt in het formulier"
        assert any(fields[f].get("validations", {}).get("required") for f in covering), name
    assert set(fields) >= BODY_SECTIONS


def test_new_case_form_dropdowns_match_the_schema_and_data():
    fields = {e["id"]: e["attributes"] for e in load(GITHUB / "ISSUE_TEMPLATE" / "nieuwe-casus.yml")["body"] if "id" in e}
    assert fields["fase"]["options"] == enum_options("fase")
    assert fields["status"]["options"] == enum_options("status")
    assert fields["rol_gemeente"]["options"] == enum_options("rol_gemeente")
    assert fields["themas"]["options"] == data_options("themas")
    assert fields["stad"]["options"] == data_options("steden") + ["Andere gemeente"]
    assert fields["partners"]["options"] == data_options("partners")
    assert fields["onderwerpen"]["options"] == data_options("onderwerpen")
    for multiple in ("themas", "rol_gemeente", "partners", "onderwerpen"):
        assert fields[multiple]["multiple"] is True


def test_pull_request_template_has_the_reviewer_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "## Checklist voor de reviewer" in text
    assert len(re.findall(r"^- \[ \] ", text, re.MULTILINE)) >= 10
    for topic in ("Privacy", "Rechten", "concept: true", "vorige_namen", "CC BY 4.0"):
        assert topic in text


def workflow(name: str) -> dict:
    parsed = load(GITHUB / "workflows" / name)
    parsed["on"] = parsed.pop(True, parsed.get("on"))  # YAML 1.1 reads the key 'on' as true
    return parsed


SEPARATORS = {"|", "||", "&&", ";", "&"}
REDIRECTIONS = {">", ">>", "<", ">&", "&>"}


def simple_commands(line: str) -> list[list[str]]:
    """The commands of one shell line: pipelines and lists split, redirections (and their file) left out."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split, lexer.commenters = True, ""
    found, words, redirected = [], [], False
    for token in lexer:
        if redirected:
            redirected = False
        elif token in REDIRECTIONS:
            redirected = True
        elif token in SEPARATORS:
            found, words = found + [words] * bool(words), []
        else:
            words.append(token)
    return found + [words] * bool(words)


def commands(flow: dict) -> list[list[str]]:
    """Every command of every run step (each command of a pipeline on its own)."""
    lines = []
    for job in flow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.strip() and not line.strip().startswith("#"):
                    lines += simple_commands(line)
    return lines


def test_commands_are_split_at_pipes_and_redirections():
    assert simple_commands('a --x "b c" | tee "$F" && d >> "$G"') == [["a", "--x", "b c"], ["tee", "$F"], ["d"]]


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_workflow_commands_exist(name):
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for words in commands(workflow(name)):
        program = words[0]
        if program.startswith("scripts/"):
            assert (ROOT / program).is_file() and (ROOT / program).stat().st_mode & 0o111, program
        elif program.startswith(".venv/bin/"):
            tool = program.removeprefix(".venv/bin/")
            assert tool in scripts or tool in ("python", "mkdocs"), program
            assert shutil.which(tool, path=str(Path(sys.executable).parent)), program
            if tool == "python" and words[1].endswith(".py"):
                assert (ROOT / words[1]).is_file(), words[1]
        if words[:2] == [".venv/bin/kennisbank", "check"]:
            assert words[2:] == ["--format", "github"]


def test_ci_runs_the_check_the_tests_and_the_strict_build_on_every_pull_request():
    flow = workflow("ci.yml")
    assert "pull_request" in flow["on"]
    run = [" ".join(words) for words in commands(flow)]
    assert ".venv/bin/kennisbank check --format github" in run
    assert any(line.startswith("scripts/test") for line in run)
    assert ".venv/bin/mkdocs build --strict --site-dir site" in run
    checkout = next(s for s in flow["jobs"]["controle"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # dates come from the history


def test_ci_uploads_the_preview_and_writes_a_summary_on_a_pull_request():
    flow = workflow("ci.yml")
    steps = flow["jobs"]["controle"]["steps"]
    check = next(s for s in steps if s.get("run", "").startswith(".venv/bin/kennisbank check"))
    build = next(s for s in steps if s.get("run", "").startswith(".venv/bin/mkdocs build"))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    summary = next(s for s in steps if "scripts/pr_preview.py" in s.get("run", ""))
    assert steps.index(check) < steps.index(build) < steps.index(upload) < steps.index(summary)
    # the site that was built strictly is the one uploaded
    assert build["run"].split("--site-dir ")[1] == upload["with"]["path"] == "site"
    assert upload["with"]["if-no-files-found"] == "error"
    assert "github.event_name == 'pull_request'" in upload["if"]
    # the summary also when the check or the build failed: then it lists the problems
    assert "github.event_name == 'pull_request'" in summary["if"] and "!cancelled()" in summary["if"]
    assert summary["run"].rstrip().endswith('>> "$GITHUB_STEP_SUMMARY"')
    kept = check["run"].split("| tee ")[1]
    assert f"--controle {kept}" in summary["run"] and f"--artefact {upload['with']['name']}" in summary["run"]
    assert summary["env"]["BASIS"] == "${{ github.event.pull_request.base.sha }}"
    # piped into tee, a failing check must still fail its step: bash with pipefail
    assert flow["defaults"]["run"]["shell"] == "bash"


@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_run_scripts_take_event_data_only_through_env(name):
    """No ${{ }} in a run script: a branch name or title would run as shell code (template injection)."""
    for job in workflow(name)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
            if "|" in step.get("run", ""):  # GitHub's default shell has no pipefail
                assert step.get("shell", workflow(name).get("defaults", {}).get("run", {}).get("shell")) == "bash"


def test_pages_deploys_from_main_with_the_pages_actions():
    flow = workflow("pages.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    # least privilege: nothing for the workflow, reading for the build, Pages only for the deployment
    assert flow["permissions"] == {}
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for step in build["steps"]]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert ".venv/bin/mkdocs build --strict --site-dir site" in [" ".join(w) for w in commands(flow)]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["steps"][0]["id"] == "deployment"
