"""The printed outputs beside the plan: role cards, call tree, checklists.

Each is rendered from a standalone document partial (no site navigation)
and laid out once by WeasyPrint; pdf/cards.pdf reuses the pages laid out for
the per-person PDFs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bcp import pdf
from bcp.cards import DENSITIES
from bcp.render import Renderer

log = logging.getLogger("bcp.printouts")


@dataclass
class CardLayout:
    person_id: str
    density: int
    document: object  # weasyprint Document

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def layout_card(renderer: Renderer, person_id: str, base_url: str | os.PathLike) -> CardLayout:
    """Lay out one card at the type size its content calls for; smaller only if it spills over."""
    density = renderer.env.globals["card"](person_id).density
    while True:
        html = renderer.render("card_document", person_id=person_id, pdf=True, density=density)
        layout = CardLayout(person_id, density, pdf.render(str(html), base_url))
        if layout.pages == 1 or density == DENSITIES[-1]:
            return layout
        density += 1


def write_cards(renderer: Renderer, out_dir: str | os.PathLike, base_url: str | os.PathLike,
                environ: Mapping[str, str] = os.environ) -> list[CardLayout]:
    """pdf/cards/<id>.pdf for each person and pdf/cards.pdf with all of them, one a page."""
    out_dir = Path(out_dir)
    plan = renderer.plan
    layouts = [layout_card(renderer, pid, base_url) for pid in plan.people]
    for layout in layouts:
        person = plan.people[layout.person_id]
        if layout.pages != 1:
            log.warning("บัตรหน้าที่ของ %s ยาว %d หน้าแม้ใช้ตัวอักษรเล็กที่สุดแล้ว", person.full_name, layout.pages)
        pdf.write(layout.document, out_dir / "cards" / f"{layout.person_id}.pdf",
                  title=f"บัตรหน้าที่ {person.full_name}", environ=environ)
    combined = pdf.combine(layout.document for layout in layouts)
    pdf.write(combined, out_dir / "cards.pdf", title=f"บัตรหน้าที่ {plan.info.office.name}", environ=environ)
    return layouts


def write_document(renderer: Renderer, template: str, target: str | os.PathLike, title: str,
                   base_url: str | os.PathLike, environ: Mapping[str, str] = os.environ) -> Path:
    html = renderer.render(template, pdf=True)
    return pdf.write(pdf.render(str(html), base_url), target, title=title, environ=environ)


def write_all(renderer: Renderer, out_dir: str | os.PathLike, base_url: str | os.PathLike,
              environ: Mapping[str, str] = os.environ) -> None:
    """Every printout into out_dir (the site's pdf/ folder)."""
    out_dir = Path(out_dir)
    office = renderer.plan.info.office.name
    if renderer.edition != "public":  # cards are per person: not in the public edition (bcp.edition)
        write_cards(renderer, out_dir, base_url, environ)
    write_document(renderer, "checklists_document", out_dir / "checklists.pdf",
                   f"แบบตรวจสอบการปฏิบัติตามขั้นตอนและบันทึก Log Book {office}", base_url, environ)
    write_document(renderer, "call_tree_document", out_dir / "call-tree.pdf",
                   f"สายการแจ้งเหตุ (Call Tree) {office}", base_url, environ)
