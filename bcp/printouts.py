"""The printed outputs beside the plan: role cards, call tree, checklists.

Each is a standalone document partial (no site navigation), laid out once
(bcp.pdf.LayoutJob).  Documents that share a stylesheet and a page series
are laid out together: every card in one pass, cut into one file per person
and cards.pdf.  The checklists and the call tree number their sheets over
themselves ("หน้า x / y"), so each is a document of its own.  A card that
spills onto a second page is laid out again at a smaller type size.
"""

from __future__ import annotations

from pathlib import Path

from bcp.cards import DENSITIES
from bcp.pdf import LayoutJob, LayoutResult, PdfFile
from bcp.render import Renderer

CARDS_JOB = "บัตรหน้าที่"
CHECKLISTS_JOB = "แบบตรวจสอบและบันทึก Log Book"
CALL_TREE_JOB = "สายการแจ้งเหตุ"
INCIDENTS_JOB = "เมื่อเกิดเหตุ"


def card_section(person_id: str) -> str:
    return f"card-page-{person_id}"


def incident_section(incident_id: str) -> str:
    return f"incident-page-{incident_id}"


class Printouts:
    """The printouts of one build as layout jobs, and the second pass of a card that spilled over."""

    def __init__(self, renderer: Renderer, base_url: str) -> None:
        self.renderer = renderer
        self.base_url = base_url
        self.plan = renderer.plan
        # Each card's type size class, from how much it holds (bcp.cards.Card.density).
        self.densities = {pid: renderer.card(pid).density for pid in self.plan.people}

    def jobs(self) -> list[LayoutJob]:
        """Every printout of the edition (cards are per person: not in the public edition)."""
        found = [self.checklists_job(), self.call_tree_job(), self.incidents_job()]
        if self.renderer.edition != "public":
            found.insert(0, self.cards_job())
        return found

    def cards_job(self) -> LayoutJob:
        """Every person's wall card in one document: pdf/cards/<id>.pdf each, and pdf/cards.pdf."""
        plan = self.plan
        html = self.renderer.render("cards_document", pdf=True, densities=self.densities)
        files = [PdfFile(Path("cards") / f"{pid}.pdf", f"บัตรหน้าที่ {person.full_name}", (card_section(pid),))
                 for pid, person in plan.people.items()]
        files.append(PdfFile(Path("cards.pdf"), f"บัตรหน้าที่ {plan.info.office.name}"))
        return LayoutJob(CARDS_JOB, str(html), self.base_url, tuple(files),
                         sections=tuple(card_section(pid) for pid in plan.people),
                         subject=f"{plan.info.title} {plan.info.office.name}")

    def checklists_job(self) -> LayoutJob:
        """The phase checklists with the log book (pdf/checklists.pdf)."""
        office = self.plan.info.office.name
        return self._document_job(CHECKLISTS_JOB, "checklists_document", "checklists.pdf",
                                  f"แบบตรวจสอบการปฏิบัติตามขั้นตอนและบันทึก Log Book {office}")

    def call_tree_job(self) -> LayoutJob:
        """The call tree on one sheet (pdf/call-tree.pdf)."""
        return self._document_job(CALL_TREE_JOB, "call_tree_document", "call-tree.pdf",
                                  f"สายการแจ้งเหตุ (Call Tree) {self.plan.info.office.name}")

    def _document_job(self, name: str, template: str, path: str, title: str) -> LayoutJob:
        # A document of its own: its sheets are numbered over itself ("หน้า x / y").
        html = self.renderer.render(template, pdf=True)
        return LayoutJob(name, str(html), self.base_url, (PdfFile(Path(path), title),),
                         subject=f"{self.plan.info.title} {self.plan.info.office.name}")

    def incidents_job(self) -> LayoutJob:
        """Every incident's sheet in one document: pdf/incidents/<id>.pdf each."""
        plan = self.plan
        html = self.renderer.render("incidents_document", pdf=True)
        files = tuple(PdfFile(Path("incidents") / f"{incident.id}.pdf", f"เมื่อเกิด{incident.name} {plan.info.office.name}",
                              (incident_section(incident.id),)) for incident in plan.scope.incidents)
        return LayoutJob(INCIDENTS_JOB, str(html), self.base_url, files,
                         sections=tuple(incident_section(incident.id) for incident in plan.scope.incidents),
                         subject=f"{plan.info.title} {plan.info.office.name}")

    def retry(self, result: LayoutResult) -> LayoutJob | None:
        """The cards again, with smaller type for each card that spilled onto a second page; None when done."""
        if result.name != CARDS_JOB:
            return None
        spilled = [pid for pid in self.plan.people
                   if result.section_pages.get(card_section(pid), 1) > 1 and self.densities[pid] < DENSITIES[-1]]
        for pid in spilled:
            self.densities[pid] += 1
        return self.cards_job() if spilled else None

    def overflowing(self, result: LayoutResult) -> list[str]:
        """Names of the people whose card is still longer than a page (Thai, for the build log)."""
        if result.name != CARDS_JOB:
            return []
        return [person.full_name for pid, person in self.plan.people.items()
                if result.section_pages.get(card_section(pid), 1) > 1]
