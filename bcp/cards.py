"""Role cards: everything one person needs in an emergency, from the plan data.

A card holds the person's roles (primary or backup, in every team), the
recovery steps that fall to them phase by phase, and their part of the call
tree.  It is printed three ways: the wall card (one A4 page: roles, calls,
where to go, the first actions in one short line each; wall_card.html), the
full duties (duties.html) and the wallet card (wallet_document.html).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from markupsafe import Markup

from bcp import model as m
from bcp import wallcard
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


@dataclass(frozen=True)
class FirstAction:
    """A day-1 step as the wall card prints it: one short line."""

    duty: Duty
    line: str


@dataclass(frozen=True)
class Card:
    person: m.Person
    assignments: list[Assignment]
    is_head: bool
    phases: list[tuple[m.Phase, list[Duty]]]
    incoming: list[Incoming]
    outgoing: list[Outgoing]
    url: str | None  # absolute intranet address of the card, when the site address is known
    # The first phase's duties, one short line each: the person's own, then those they take on
    # only when standing in for someone, by whom (in plan order within each).
    first_actions: list[FirstAction]
    office_lines_only: bool = False  # someone the card says to call has no mobile number

    @property
    def duty_count(self) -> int:
        return sum(len(duties) for _, duties in self.phases)

    @property
    def standin_for_all(self) -> tuple[str, ...]:
        """The primaries every one of the person's steps is done for, when that is so (a backup only)."""
        return _common_standin(d for _, duties in self.phases for d in duties)

    @property
    def calls_in(self) -> list[CallLine]:
        """Who calls the person, each caller once (the wall card): whoever calls instead, and why."""
        lines = _Lines()
        for inc in self.incoming:
            # ("no-answer", ids): called when everyone before them for the role did not answer, in order
            reason = ("standby", inc.node) if inc.standby else ("no-answer", tuple(inc.tried_before)) if inc.as_backup else None
            lines.add(inc.caller, list(inc.caller_standins), reason)
        return lines.done()

    @property
    def calls_out(self) -> list[CallGroup]:
        """Whom the person calls, each once: first the calls of the roles they hold, then those they
        make only when standing in for someone, by whom."""
        groups: dict[str | None, _Lines] = {}
        for out in self.outgoing:
            lines = groups.setdefault(out.standin_for, _Lines())
            for node in out.calls:
                if node.led_by_caller:  # the caller leads this team: its first backup stands by, else the next
                    lines.add(node.backups[0], list(node.backups[1:]), ("standby", node))
                else:
                    lines.add(node.person, list(node.backups), ("lead", node) if out.node.is_root else None)
        ordered = sorted(groups.items(), key=lambda item: item[0] is not None)
        return [CallGroup(standin_for, lines.done()) for standin_for, lines in ordered]

    def calls_within(self, limit: int | None) -> tuple[list[CallLine], list[CallGroup], int]:
        """The call lines a wall card with room for `limit` of them shows (None: all): who calls,
        whom to call by group, and how many lines are left out."""
        calls_in, groups = self.calls_in, self.calls_out
        total = len(calls_in) + sum(len(group.lines) for group in groups)
        if limit is None or limit >= total:
            return calls_in, groups, 0
        shown_in = calls_in[:limit]
        room, shown_groups = limit - len(shown_in), []
        for group in groups:
            if room <= 0:
                break
            shown_groups.append(CallGroup(group.standin_for, group.lines[:room]))
            room -= len(shown_groups[-1].lines)
        return shown_in, shown_groups, total - limit

    @property
    def callers_and_callees(self) -> list[str]:
        """Ids of everyone the wall card names to call or to be called by, in the card's order, each once."""
        found = [pid for line in self.calls_in for pid in (line.person, *line.fallbacks)]
        found += [pid for group in self.calls_out for line in group.lines for pid in (line.person, *line.fallbacks)]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class CallLine:
    """One person on the wall card's calls, once however many roles bring the call: whom to try
    if they do not answer (or who calls instead of them), and why the call is made, when it is
    not plain: ("lead", node) a team's head, ("standby", node) to stand by for the node's role,
    ("no-answer", ids) because those (the primary, then any backups before) did not answer."""

    person: str
    fallbacks: tuple[str, ...]
    reasons: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class CallGroup:
    standin_for: str | None  # calls made only when standing in for this primary; None: always
    lines: list[CallLine]


class _Lines:
    """Call lines merged by person, in order of first appearance."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[list[str], list]] = {}

    def add(self, person: str, fallbacks: list[str], reason) -> None:
        known_fallbacks, reasons = self.found.setdefault(person, ([], []))
        known_fallbacks += [pid for pid in fallbacks if pid not in known_fallbacks and pid != person]
        # by identity: a node compares its whole subtree
        if reason is not None and not any(kind == reason[0] and what is reason[1] for kind, what in reasons):
            reasons.append(reason)

    def done(self) -> list[CallLine]:
        return [CallLine(person, tuple(fallbacks), tuple(reasons)) for person, (fallbacks, reasons) in self.found.items()]


def _common_standin(duties) -> tuple[str, ...]:
    found = {d.standin_for for d in duties}
    return found.pop() if len(found) == 1 else ()


def first_actions(day_one: list[Duty]) -> list[FirstAction]:
    """The first phase's duties for the wall card: own ones first, then by whom they stand in for."""
    standins = list(dict.fromkeys(duty.standin_for for duty in day_one))
    ordered = sorted(day_one, key=lambda duty: (bool(duty.standin_for), standins.index(duty.standin_for)))
    return [FirstAction(duty, short_line(duty.step)) for duty in ordered]


def short_line(step: m.Step) -> str:
    """The step in one short line: its `short` text, else its opening words, as many whole words as fit a line.

    Never other words than the plan's: a cut line ends in "…" and the full step is in the person's duties."""
    if step.short:
        return step.short
    words = step.text.split()
    line = words[0]
    for word in words[1:]:
        if not wallcard.fits_one_line(f"{line} {word} …", "action"):
            return f"{line} …"
        line = f"{line} {word}"
    return line


@dataclass(frozen=True)
class Contact:
    """Someone on a person's wallet card, and why: "head" (of the BCP), "lead" (of a team of
    theirs), "backup" (backs them up), "primary" (whom they back up)."""

    person_id: str
    reasons: tuple[str, ...]


def wallet_contacts(plan: Plan, card: Card) -> list[Contact]:
    """The few people a person needs to reach, each once: the BCP head, their team heads, their
    backups and whom they back up (not themselves)."""
    found: dict[str, list[str]] = {}

    def add(person_id: str | None, reason: str) -> None:
        if person_id and person_id != card.person.id and reason not in found.setdefault(person_id, []):
            found[person_id].append(reason)

    add(plan.teams_file.bcp_head, "head")
    for a in card.assignments:
        lead = plan.lead_of(a.team)
        add(lead.primary if lead else None, "lead")
    for a in card.assignments:
        for person_id in ([a.role.primary] if a.as_backup else plan.backups(a.role)):
            add(person_id, "primary" if a.as_backup else "backup")
    return [Contact(person_id, tuple(reasons)) for person_id, reasons in found.items()]


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
    phases = duties(plan, person_id)
    found = Card(
        person=plan.people[person_id],
        assignments=plan.assignments(person_id),
        is_head=tree.is_head(person_id),
        phases=phases,
        incoming=tree.who_notifies(person_id),
        outgoing=tree.notifies(person_id),
        url=base + card_path(person_id) if base else None,
        first_actions=first_actions(phases[0][1]) if phases else [],
    )
    # No mobile number: the call goes through the office's lines, which a power cut or a fire may take down.
    office_only = any(not plan.people[pid].mobile for pid in found.callers_and_callees)
    return dataclasses.replace(found, office_lines_only=office_only)


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for `url` (made at build time: no script, prints everywhere)."""
    import segno  # only a plan with site_url has QR codes

    # Error level M survives a creased or slightly soiled printed card.
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, title=url, dark="#000", light="#fff"))
