"""The toolkit page (``/toolkits/<slug>/``) as a printable, step-by-step guide.

A toolkit is what a municipality takes to a meeting: the steps in order, every
instrument with its place on the drang→dwang ladder (data/sturing.yml) and its legal
basis, the cases where the approach worked, and whom to call. It prints as a clean
document (the print section of docs/assets/kennisbank.css writes the link addresses out).
"""

from __future__ import annotations

from kennisbank.graph import Site
from kennisbank.content.model import Instrument, Toolkit
from kennisbank.site.pages.common import GeneratedPage, dutch_date, entity_link, link, term_link, text
from kennisbank.site.pages.detail import body, card, card_row, contact_line, legal_basis_label, term_links


def ladder_step(site: Site, uri: str, instrument: Instrument) -> str:
    """'trede 4 van 5: Reguleren', the step linked to its page."""
    ladder = site.reference.lists.get("sturing", {})
    step = ladder.get(instrument.sturing, {})
    label = f"trede {step.get('trede', '?')} van {len(ladder)}: {step.get('naam', instrument.sturing)}"
    return link(uri, f"sturing/{instrument.sturing}.md", label)


def legal_basis(instrument: Instrument) -> str:
    """Law and article of each legal basis, linked to the text where known."""
    return "; ".join(legal_basis_label(basis) for basis in instrument.wettelijke_basis) or \
        "geen specifieke wettelijke basis"


def _steps(site: Site, uri: str, toolkit: Toolkit) -> str:
    markdown = "## Stappen {#stappen}\n\n"
    for number, step in enumerate(toolkit.stappen, start=1):
        markdown += f"### Stap {number}: {text(step['titel'])} {{#stap-{number}}}\n\n{text(step['toelichting'])}\n\n"
        instruments = [site.corpus.instrumenten[i] for i in step.get("instrumenten", [])]
        if instruments:
            markdown += "Instrumenten bij deze stap:\n\n" + "".join(
                f"- {entity_link(uri, item)} ({ladder_step(site, uri, item)})\n" for item in instruments) + "\n"
    return markdown


def _instruments(site: Site, uri: str, toolkit: Toolkit) -> str:
    markdown = ("## Instrumenten, van drang naar dwang {#instrumenten}\n\n"
                "In de volgorde van inzet. De trede is de plaats op de ladder van drang (stimuleren) naar dwang "
                f"(afdwingen); zie {link(uri, 'sturing/index.md', 'van drang naar dwang')}.\n\n"
                "| Volgorde | Instrument | Trede | Wettelijke basis |\n|--:|---|---|---|\n")
    for number, instrument_id in enumerate(toolkit.instrumenten, start=1):
        instrument = site.corpus.instrumenten[instrument_id]
        markdown += (f"| {number} | {entity_link(uri, instrument)} | {ladder_step(site, uri, instrument)} "
                     f"| {legal_basis(instrument)} |\n")
    return markdown + "\n"


def _cases(site: Site, uri: str, toolkit: Toolkit) -> str:
    cases = [site.corpus.cases[c] for c in toolkit.cases if c in site.corpus.cases]
    if not cases:
        return ""
    markdown = "## Casussen waarin deze aanpak werkt {#casussen}\n\n"
    for case in cases:
        facts = [term_link(site, uri, "steden", case.stad), term_link(site, uri, "fasen", case.fase),
                 term_link(site, uri, "status", case.status)]
        markdown += f"### {entity_link(uri, case)}\n\n{' · '.join(facts)}\n\n{text(case.samenvatting)}\n\n"
    return markdown


def _contacts(site: Site, toolkit: Toolkit) -> str:
    lines = []
    if toolkit.contact:
        lines.append(f"- Voor deze toolkit: {contact_line(toolkit.contact)[0]}")
    for case_id in toolkit.cases:
        case = site.corpus.cases.get(case_id)
        if case and case.contact:
            lines.append(f"- Voor {text(case.title)}: {contact_line(case.contact)[0]}")
    return "## Contactpunten {#contact}\n\n" + "\n".join(lines) + "\n\n" if lines else ""


def toolkit_page(site: Site, toolkit: Toolkit) -> GeneratedPage:
    uri = toolkit.src_uri
    rows = (
        card_row("Thema", term_links(site, toolkit, "themas"))
        + card_row("Geoogst bij", term_links(site, toolkit, "ijkmomenten"))
        + card_row("Stappen", [str(len(toolkit.stappen))])
        + card_row("Contact", contact_line(toolkit.contact))
        + card_row("Laatst bijgewerkt", [dutch_date(toolkit.bijgewerkt)] if toolkit.bijgewerkt else [])
    )
    markdown = f"# {text(toolkit.titel)}\n\n"
    markdown += f'<p class="kb-samenvatting">{text(toolkit.samenvatting)}</p>\n\n'
    markdown += card(rows) + body(toolkit)
    markdown += _steps(site, uri, toolkit) + _instruments(site, uri, toolkit) + _cases(site, uri, toolkit)
    markdown += _contacts(site, toolkit)
    return GeneratedPage(uri, markdown, source=toolkit.path, contributor=True)


def pages(site: Site):
    yield from (toolkit_page(site, toolkit) for toolkit in site.corpus.toolkits.values())
