"""Every page carries a Content-Security-Policy that forbids what the site never needs, and allows what it runs.

Read from the built HTML (tests/gates.py, ``policy_problems``): the policy is the first thing in <head>,
forbids plug-ins, other base addresses and forms to elsewhere, allows no inline script but the ones it
names by hash, and no inline style at all. The browser gate (tests/browser/test_csp.py) checks what
actually runs; this checks every page, also those that no tour visits, and the parts the browser
cannot show: which scripts are hashed, and that an inline script in a page's content never is.
"""

from __future__ import annotations

import pytest

from kennisbank.integration import csp as material_csp
from kennisbank.publish import beheer, csp

from .gates import html_files, page_policy, policy_problems
from .helpers import VALID_CASE, read_fixture_content, replaced

INLINE_SCRIPT = "document.title = 'uitgevoerd';"


def site_problems(site) -> list[str]:
    found = []
    for path in html_files(site):
        relative = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        editor = relative == "beheer/index.html" and "decap-cms.js" in html
        found += [f"{relative}: {problem}" for problem in policy_problems(html, editor=editor)]
    return found


def test_every_page_of_the_site_has_its_policy(built_site):
    assert not site_problems(built_site), "\n".join(site_problems(built_site))


@pytest.fixture(scope="module")
def risky_site(tmp_path_factory):
    """A project with what a policy must get right: a hand-written page with an inline script and an inline
    style (raw HTML is allowed there), and a renamed case, whose old address is a redirect page with a script."""
    from .helpers import Project

    project = Project.create(tmp_path_factory.mktemp("csp"))
    project.write("docs/proef.md", f"# Proef\n\n<script>{INLINE_SCRIPT}</script>\n\n"
                                   '<p style="color: red">Rode tekst.</p>\n')
    project.write("cases/nieuwe-naam.md", replaced(VALID_CASE, "themas: [vastgoed]",
                                                   "themas: [vastgoed]\nvorige_namen: [oude-naam]"))
    return project.built()


def test_an_inline_script_in_a_page_is_never_allowed(risky_site):
    problems = policy_problems((risky_site / "proef" / "index.html").read_text(encoding="utf-8"))
    assert f"inline script dat het beleid niet toestaat: {INLINE_SCRIPT!r}" in problems, problems
    assert 'style-attribuut dat het beleid niet toestaat: <p style="color: red">' in problems, problems
    assert len(problems) == 2, problems  # Material's own scripts are allowed by their hashes


def test_the_other_pages_of_that_site_keep_to_their_policy(risky_site):
    problems = [problem for problem in site_problems(risky_site) if not problem.startswith("proef/")]
    assert not problems, "\n".join(problems)


def test_the_redirect_page_runs_only_its_own_script(risky_site):
    html = (risky_site / "cases" / "oude-naam" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in html
    assert policy_problems(html) == []
    assert len([source for source in page_policy(html)["script-src"] if source.startswith("'sha256-")]) == 1


def test_the_policy_of_a_page_lists_only_materials_scripts(fixture_site):
    """Each hash in a page's policy is one of the inline scripts Material wrote into that page."""
    html = (fixture_site / "cases" / "index.html").read_text(encoding="utf-8")
    hashes = [source for source in page_policy(html)["script-src"] if source.startswith("'sha256-")]
    assert len(hashes) == 3  # scope and storage, the palette, the tab a link points at
    assert page_policy(html)["style-src"] == ["'self'", "'report-sample'"]


def test_materials_scripts_are_read_from_material_and_vary_only_in_their_address():
    scope = ('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t='
             'localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
    assert material_csp.is_material_script(scope)
    assert material_csp.is_material_script(scope.replace('"../.."', '"/kennisbank/"'))
    assert not material_csp.is_material_script(scope.replace('"../.."', '"x");alert(1);("'))
    assert not material_csp.is_material_script(scope + ";alert(1)")
    assert not material_csp.is_material_script(INLINE_SCRIPT)


def test_the_policy_is_added_once_and_first():
    page = '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body></body></html>'
    protected = material_csp.protect(page)
    assert protected.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security')
    assert material_csp.protect(protected) == protected


def test_the_editor_may_talk_to_github_and_the_sign_in_endpoint_it_is_configured_with():
    settings = beheer.config(read_fixture_content())
    directives = csp.beheer_directives(settings)
    assert directives["connect-src"] == ("'self'", "https://api.github.com", "http://127.0.0.1:8081")
    settings["backend"]["base_url"] = "https://inloggen.example.org/decap"
    assert "https://inloggen.example.org" in csp.beheer_directives(settings)["connect-src"]
    value = csp.policy(directives)
    assert "frame-ancestors" not in value  # a meta cannot carry it; browsers ignore it there
    for directive, sources in {"object-src": "'none'", "base-uri": "'self'", "form-action": "'self'"}.items():
        assert f"{directive} {sources}" in value
