"""Reading content: every value keeps its line; dates stay text; bad bytes become problems."""

from kennisbank.content.read import read_markdown

CASE = """---
titel: Iets
periode:
  start: "2024-01"
themas:
  - vastgoed
  - financiering
bijgewerkt: 2026-01-15
---

## Opgave

Tekst.
"""


def test_every_key_and_list_item_keeps_its_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(CASE, encoding="utf-8")
    source, problems = read_markdown(path, "cases/a.md")
    assert problems == []
    assert source.line(("titel",)) == 2
    assert source.line(("periode", "start")) == 4
    assert source.line(("themas", 1)) == 7
    assert source.line(("niet", "bestaand")) == 2  # falls back to the front matter itself


def test_dates_stay_text_so_the_schema_can_check_their_form(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(CASE, encoding="utf-8")
    source, _ = read_markdown(path, "cases/a.md")
    assert source.data["bijgewerkt"] == "2026-01-15"


def test_body_and_its_first_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(CASE, encoding="utf-8")
    source, _ = read_markdown(path, "cases/a.md")
    assert source.body.startswith("\n## Opgave")
    assert source.body_line == 10


def test_windows_line_endings_and_bom_are_accepted(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + CASE.replace("\n", "\r\n").encode())
    source, problems = read_markdown(path, "cases/a.md")
    assert problems == []
    assert source.data["titel"] == "Iets"
    assert source.line(("themas", 1)) == 7
