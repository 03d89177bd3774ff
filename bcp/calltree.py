"""The emergency call tree (Call Tree), derived from the team data.

The source plan says a call tree exists but draws none, so it is built from
the teams: the head of the BCP team calls each team's lead, each lead calls
the members of their team.  Every call goes to a role: first to its primary
person, then to its backups in their order (the first, then the second ...)
until someone answers.  When a team is led by the person making the calls (a
head may lead teams themselves), nobody needs to call the lead, so the caller
tells the lead's backups directly, in order: the first who answers takes the
team over if the lead becomes unavailable.

Anyone in people.yaml that no call reaches is reported by the validator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bcp import model as m
from bcp.plan import Plan


@dataclass
class Node:
    """One role in the tree: who to call, and who to call next, in order, if they do not answer."""

    person: str  # the primary person's id (for the root: the BCP head)
    backups: tuple[str, ...] = ()
    team: m.Team | None = None  # None for the root
    role: m.Role | None = None
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list)

    @property
    def is_root(self) -> bool:
        return self.parent is None

    @property
    def led_by_caller(self) -> bool:
        """The caller holds this role themselves (the head leading a team): no call to the primary."""
        return self.parent is not None and self.parent.person == self.person

    @property
    def people(self) -> list[str]:
        """Who is tried, in order: the primary person, then each backup."""
        return [self.person, *self.backups]


@dataclass(frozen=True)
class Incoming:
    """A call a person receives: from whom, for which role, and when."""

    node: Node  # the role the person is called for
    caller: str
    caller_standins: tuple[str, ...]  # make the call, in order, when the caller is unavailable
    rank: int  # 0: called as the primary; 1, 2 ...: as the first, second ... backup

    @property
    def as_backup(self) -> bool:
        """Called because the people before did not answer (or to stand by)."""
        return self.rank > 0

    @property
    def standby(self) -> bool:
        """Told directly to stand by for a lead who is the caller themselves."""
        return self.as_backup and self.node.led_by_caller

    @property
    def tried_before(self) -> list[str]:
        """Who is called before this person for the role (the caller never calls themselves)."""
        tried = self.node.people[: self.rank]
        return tried[1:] if self.node.led_by_caller else tried


@dataclass(frozen=True)
class Outgoing:
    """Calls a person makes for one role they hold: the roles under it."""

    node: Node  # the role the person holds
    standin_for: str | None  # they make these calls only when standing in for this primary
    calls: tuple[Node, ...]


class CallTree:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.root = Node(person=plan.teams_file.bcp_head)
        for team in plan.teams_file.teams:
            lead = plan.lead_of(team)
            if lead is None:
                continue  # a validation error; the tree is not drawn for invalid data
            team_node = Node(lead.primary, tuple(lead.backups), team, lead, parent=self.root)
            self.root.children.append(team_node)
            for role in team.roles:
                if role is not lead:
                    team_node.children.append(Node(role.primary, tuple(role.backups), team, role, parent=team_node))

    def nodes(self) -> list[Node]:
        """Every node, depth first, in team order."""
        found: list[Node] = []

        def walk(node: Node) -> None:
            found.append(node)
            for child in node.children:
                walk(child)

        walk(self.root)
        return found

    @property
    def reached(self) -> set[str]:
        return {pid for node in self.nodes() for pid in node.people}

    def without_mobile(self) -> list[str]:
        """Ids of the people in the tree who have no mobile number: their calls go through the
        office's lines, which a power cut or a fire may take down."""
        reached = self.reached
        return [pid for pid, person in self.plan.people.items() if pid in reached and not person.mobile]

    def unreachable(self) -> list[str]:
        """Ids of the people no call reaches, in people.yaml order."""
        reached = self.reached
        return [pid for pid in self.plan.people if pid not in reached]

    def who_notifies(self, person_id: str) -> list[Incoming]:
        """The calls that reach the person, in tree order (empty for the head)."""
        found = []
        for node in self.nodes():
            if node.is_root:
                continue
            parent = node.parent
            standins = () if parent.is_root else parent.backups
            for rank, called in enumerate(node.people):
                if called == person_id and not (rank == 0 and node.led_by_caller):
                    found.append(Incoming(node, parent.person, standins, rank))
        return found

    def notifies(self, person_id: str) -> list[Outgoing]:
        """The calls the person must make, per role they hold (as primary, then standing in)."""
        found = []
        for node in self.nodes():
            if not node.children:
                continue
            if node.person == person_id:
                found.append(Outgoing(node, None, tuple(node.children)))
            elif person_id in node.backups:
                found.append(Outgoing(node, node.person, tuple(node.children)))
        return found

    def is_head(self, person_id: str) -> bool:
        return self.root.person == person_id
