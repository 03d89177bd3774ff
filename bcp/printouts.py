"""The printed outputs beside the plan: wall cards, full duties, wallet cards, incident sheets,
call tree, checklists.

Each is a standalone document partial (no site navigation), laid out once
(bcp.pdf.LayoutJob).  Documents that share a stylesheet and a page series
are laid out together: every wall card in one pass, cut into one file per
person and cards.pdf; every person's duties in one pass, cut into one file
each; all the wallet cards on their sheets; every incident's sheet.  The checklists and the call tree
number their sheets over themselves ("หน้า x / y"), so each is a document of
its own.  A wall card shows as many first actions as bcp.wallcard estimates
fit its page; one that still spills onto a second page is laid out again
showing less.  An incident's sheet lists every first step, and only its first
page is printed: its footer says how many steps that page left out and where
they all are (bcp.css), so the sheets are laid out once, with no estimate, and
no further than that page.  A sheet too long before its first step is laid out
again whole, alone with any others like it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bcp.incidents import sheet_first_step
from bcp.labels import fill_text
from bcp.pdf import LayoutJob, LayoutResult, PdfFile
from bcp.render import Renderer
from bcp.wallcard import Fit

CARDS_JOB = "บัตรติดผนัง"
DUTIES_JOB = "หน้าที่ฉบับเต็ม"
WALLET_JOB = "บัตรติดตัว"
CHECKLISTS_JOB = "แบบตรวจสอบและบันทึก Log Book"
CALL_TREE_JOB = "สายการแจ้งเหตุ"
INCIDENTS_JOB = "เมื่อเกิดเหตุ"
# Lines taken off a wall card that spilled over (first actions, or calls when it shows no action):
# the estimate errs on the side of room, so a spill is a few lines at most.
RETRY_FEWER = 3


def card_section(person_id: str) -> str:
    """The element that starts a person's wall card sheet (wall_card_sheet.html)."""
    return f"wall-sheet-{person_id}"


def duties_section(person_id: str) -> str:
    return f"duties-page-{person_id}"


def incident_section(incident_id: str) -> str:
    return f"incident-page-{incident_id}"


def incident_file(incident_id: str) -> Path:
    """An incident's sheet, under the folder of the PDFs."""
    return Path("incidents") / f"{incident_id}.pdf"


class Printouts:
    """The printouts of one build as layout jobs, and the second pass of a wall card that spilled over."""

    def __init__(self, renderer: Renderer, base_url: str) -> None:
        self.renderer = renderer
        self.base_url = base_url
        self.plan = renderer.plan
        # What a wall card shows where a spill overrode the estimate (bcp.render.Renderer.wall_fit).
        self.fits: dict[str, Fit] = {}
        # Incidents whose sheet is printed whole: too long before its first step.
        self.whole_sheets: list[str] = []

    def jobs(self) -> list[LayoutJob]:
        """Every printout of the edition, longest first (cards are per person: not in the public edition)."""
        found = [self.incidents_job(), self.checklists_job(), self.call_tree_job()]
        if self.renderer.edition != "public":
            found[0:0] = [self.duties_job(), self.cards_job(), self.wallet_job()]
        return found

    def cards_job(self) -> LayoutJob:
        """Every person's wall card in one document: pdf/cards/<id>.pdf each, and pdf/cards.pdf."""
        plan = self.plan
        html = self.renderer.render("cards_document", pdf=True, wall_fits=self.fits)
        wall_card = plan.labels.wall_card
        files = [PdfFile(Path("cards") / f"{pid}.pdf", f"{wall_card} {person.full_name}", (card_section(pid),))
                 for pid, person in plan.people.items()]
        files.append(PdfFile(Path("cards.pdf"), f"{wall_card} {plan.info.office.name}"))
        return LayoutJob(CARDS_JOB, str(html), self.base_url, tuple(files),
                         sections=tuple(card_section(pid) for pid in plan.people), subject=self._subject())

    def duties_job(self) -> LayoutJob:
        """Every person's full duties in one document: pdf/duties/<id>.pdf each."""
        html = self.renderer.render("duties_document", pdf=True)
        duties = self.plan.labels.duties_title
        files = tuple(PdfFile(Path("duties") / f"{pid}.pdf", f"{duties} {person.full_name}", (duties_section(pid),))
                      for pid, person in self.plan.people.items())
        return LayoutJob(DUTIES_JOB, str(html), self.base_url, files,
                         sections=tuple(duties_section(pid) for pid in self.plan.people), subject=self._subject())

    def wallet_job(self) -> LayoutJob:
        """Everybody's wallet card, ten to a sheet (pdf/wallet.pdf)."""
        return self._document_job(WALLET_JOB, "wallet_document", "wallet.pdf", self._titled(self.plan.labels.wallet_card))

    def checklists_job(self) -> LayoutJob:
        """The phase checklists with the log book (pdf/checklists.pdf)."""
        return self._document_job(CHECKLISTS_JOB, "checklists_document", "checklists.pdf",
                                  self._titled(self.plan.labels.checklists_document))

    def call_tree_job(self) -> LayoutJob:
        """The call tree on one sheet (pdf/call-tree.pdf)."""
        return self._document_job(CALL_TREE_JOB, "call_tree_document", "call-tree.pdf",
                                  self._titled(self.plan.labels.call_tree_title))

    def _titled(self, label: str) -> str:
        """A document's title (the PDF's metadata): its label, then the office."""
        return f"{label} {self.plan.info.office.name}"

    def _subject(self) -> str:
        return f"{self.plan.info.title} {self.plan.info.office.name}"

    def _document_job(self, name: str, template: str, path: str, title: str) -> LayoutJob:
        # A document of its own: its sheets are numbered over itself ("หน้า x / y").
        html = self.renderer.render(template, pdf=True)
        return LayoutJob(name, str(html), self.base_url, (PdfFile(Path(path), title),), subject=self._subject())

    def incidents_job(self, whole: Sequence[str] = ()) -> LayoutJob:
        """Every incident's sheet in one document: the first page of each is pdf/incidents/<id>.pdf.

        `whole`: only these incidents' sheets, every page of each."""
        plan = self.plan
        # A sheet keeps its first page only when its first step is on it; else everything before the
        # steps did not fit, and the sheet is printed whole (LayoutResult.without_holder, retry).
        steps = bool(plan.first_phase.steps)
        incidents = [incident for incident in plan.scope.incidents if not whole or incident.id in whole]
        html = self.renderer.render("incidents_document", pdf=True, incidents=incidents, whole=bool(whole))
        files = tuple(PdfFile(incident_file(incident.id),
                              self._titled(fill_text(plan.labels.incident_page_title, incident=incident.name)),
                              (incident_section(incident.id),),
                              first_page_holding=sheet_first_step(incident.id) if steps else None)
                      for incident in incidents)
        return LayoutJob(INCIDENTS_JOB, str(html), self.base_url, files,
                         sections=tuple(incident_section(incident.id) for incident in incidents),
                         subject=self._subject())

    def retry(self, result: LayoutResult) -> LayoutJob | None:
        """The wall cards again, showing less on each that spilled onto a second page; the incidents'
        sheets too long before their first step, whole; None when done."""
        if result.name == INCIDENTS_JOB:
            return self._retry_sheets(result)
        if result.name != CARDS_JOB:
            return None
        retried = False
        for pid in self._spilled(result):
            if pid in self.fits:
                continue  # one retry a card: the layout passes stay fixed
            fit = self.renderer.wall_fit(pid)
            if fit.actions:
                fewer = Fit(max(0, fit.actions - RETRY_FEWER), fit.calls)
            else:
                fewer = Fit(0, max(0, fit.calls - RETRY_FEWER))
            if fewer != fit:
                self.fits[pid] = fewer
                retried = True
        return self.cards_job() if retried else None

    def _retry_sheets(self, result: LayoutResult) -> LayoutJob | None:
        cut_short = [incident.id for incident in self.plan.scope.incidents
                     if str(incident_file(incident.id)) in result.without_holder]
        if not cut_short or self.whole_sheets:
            return None  # one retry: the whole sheets' own layout has them on later pages
        self.whole_sheets = cut_short
        return self.incidents_job(whole=cut_short)

    def overflowing(self, result: LayoutResult) -> list[str]:
        """Names of the people whose wall card (or the incidents whose sheet) is still longer than a
        page (Thai, for the build log)."""
        if result.name == INCIDENTS_JOB:
            return [self.plan.incidents[i].name for i in self._spilled_incidents(result)]
        if result.name != CARDS_JOB:
            return []
        return [self.plan.people[pid].full_name for pid in self._spilled(result)]

    def _spilled_incidents(self, result: LayoutResult) -> list[str]:
        """The sheets printed on more than a page: what comes before their first step is too long."""
        return [i.id for i in self.plan.scope.incidents if result.section_pages.get(incident_section(i.id), 1) > 1]

    def _spilled(self, result: LayoutResult) -> list[str]:
        return [pid for pid in self.plan.people if result.section_pages.get(card_section(pid), 1) > 1]
