"""A hand-written page's macros run in Jinja's sandbox: a page in docs/ cannot run Python in the build (issue 28)."""

from __future__ import annotations

PAYLOAD = "{{{{ self.__init__.__globals__.__builtins__.open('{path}').read() }}}}"


def test_a_page_cannot_read_a_file_of_the_build_machine_through_jinja(project, tmp_path):
    secret = tmp_path / "hostname"
    secret.write_text("GEHEIM-VAN-DE-BOUWMACHINE\n", encoding="utf-8")
    project.write("docs/proef.md", "---\nrender_macros: true\n---\n\n# Proef\n\n"
                                   f"{PAYLOAD.format(path=secret)}\n\nDe deal loopt {{{{ looptijd() }}}}.\n")
    result = project.build()
    assert result.returncode != 0
    assert "access to attribute '__init__' of 'TemplateReference' object is unsafe" in result.stdout + result.stderr
    assert not [path for path in project.site.rglob("*") if path.is_file() and b"GEHEIM" in path.read_bytes()]


def test_the_sites_own_macros_still_render_in_the_sandbox(project):
    project.write("docs/proef.md", "---\nrender_macros: true\n---\n\n# Proef\n\nDe deal loopt {{ looptijd() }}.\n")
    site = project.built()
    text = (site / "proef" / "index.html").read_text(encoding="utf-8")
    assert "De deal loopt" in text and "{{" not in text and "2027" in text
