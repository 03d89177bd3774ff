"""Role cards: everything one person needs in an emergency, from the plan data.

A card holds the person's roles (primary or backup, in every team), the
recovery steps that fall to them phase by phase, and their part of the call
tree.  The markup is overrides/partials/bcp/card.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from bcp import model as m
from bcp.calltree import CallTree, Incoming, Outgoing
from bcp.plan import Assignment, Plan


@dataclass(frozen=True)
class Duty:
    """A step that falls to the person, numbered as in the plan's procedure table."""

    step: m.Step
    number: int
    # Primaries the person stands in for: non-empty when every responsible
    # role that reaches them is held by them only as a backup.
    standin_for: tuple[str, ...]
    responsible: tuple[m.Responsible, ...]  # the responsible parties that include them


# Type size classes of a printed card, largest first (bcp.css: .bcp-card--d1 ...).
DENSITIES = (1, 2, 3, 4, 5, 6, 7)
_WEIGHT_LIMITS = (1850, 2400, 3000, 4000, 5300, 6000)  # the largest weight each class holds on one page


@dataclass(frozen=True)
class Card:
    person: m.Person
    assignments: list[Assignment]
    is_head: bool
    phases: list[tuple[m.Phase, list[Duty]]]
    incoming: list[Incoming]
    outgoing: list[Outgoing]
    url: str | None  # absolute intranet address of the card, when the site address is known

    @property
    def duty_count(self) -> int:
        return sum(len(duties) for _, duties in self.phases)

    @property
    def standin_for_all(self) -> tuple[str, ...]:
        """The primaries every one of the person's steps is done for, when that is so (a backup only)."""
        found = {d.standin_for for _, duties in self.phases for d in duties}
        return found.pop() if len(found) == 1 else ()

    @property
    def weight(self) -> int:
        """Roughly how much room the card needs, in characters of step text."""
        text = sum(len(d.step.text) + len(d.step.highlight or "") + sum(map(len, d.step.items))
                   for _, duties in self.phases for d in duties)
        standins = sum(1 for _, duties in self.phases for d in duties if d.standin_for)
        calls = len(self.incoming) + sum(len(out.calls) + 1 for out in self.outgoing)
        notes = 80 if self.standin_for_all else 40 * standins
        return text + 60 * self.duty_count + notes + 150 * calls + 100 * len(self.assignments)

    @property
    def density(self) -> int:
        """The type size class for one A4 page: the more the card holds, the smaller the type.

        Limits measured on the first office's cards; the PDF build steps a card down
        further if it still spills onto a second page."""
        for density, limit in zip(DENSITIES, _WEIGHT_LIMITS):
            if self.weight <= limit:
                return density
        return DENSITIES[-1]


def responsible_roles(plan: Plan, responsible: m.Responsible) -> list[tuple[m.Team, m.Role]]:
    """The team roles a responsible party stands for (the same reach as Plan.responsible_people)."""
    if responsible.team:
        teams, scope = [plan.teams[responsible.team]], responsible.scope
    else:
        teams, scope = [plan.teams[t] for t in plan.units[responsible.unit].teams], "team"
    return [(team, role) for team in teams for role in team.roles if scope != "lead" or role.role == "lead"]


def duties(plan: Plan, person_id: str) -> list[tuple[m.Phase, list[Duty]]]:
    result = []
    for phase, steps in plan.steps_for(person_id):
        found = []
        for step in steps:
            parties, as_primary, standin = [], False, []
            for r in step.responsible:
                roles = [role for _, role in responsible_roles(plan, r) if person_id in (role.primary, *role.backups)]
                if roles:
                    parties.append(r)
                as_primary |= any(role.primary == person_id for role in roles)
                standin += [role.primary for role in roles if person_id in role.backups and role.primary not in standin]
            found.append(Duty(step, plan.step_number(step), () if as_primary else tuple(standin), tuple(parties)))
        result.append((phase, found))
    return result


def site_url(plan: Plan, override: str | None = None) -> str | None:
    """The intranet address of the site (`override`, else plan.yaml's site_url), ending in "/"; None if unset."""
    url = override or plan.info.site_url
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def card_path(person_id: str) -> str:
    """The card's page, relative to the site root."""
    return f"cards/{person_id}/"


def card(plan: Plan, person_id: str, tree: CallTree, base: str | None = None) -> Card:
    """The person's card; `base` is the site's intranet address (bcp.cards.site_url), if known."""
    return Card(
        person=plan.people[person_id],
        assignments=plan.assignments(person_id),
        is_head=tree.is_head(person_id),
        phases=duties(plan, person_id),
        incoming=tree.who_notifies(person_id),
        outgoing=tree.notifies(person_id),
        url=base + card_path(person_id) if base else None,
    )


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for `url` (made at build time: no script, prints everywhere)."""
    import segno  # only a plan with site_url has QR codes

    # Error level M survives a creased or slightly soiled printed card.
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, title=url, dark="#000", light="#fff"))
