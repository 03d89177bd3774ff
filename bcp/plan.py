"""The whole plan, validated, with the questions the site and the cards ask of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from bcp import model as m
from bcp.problems import Problem


@dataclass(frozen=True)
class Assignment:
    """One role a person holds in one team, as primary or as backup."""

    team: m.Team
    role: m.Role
    as_backup: bool
    rank: int | None = None  # a backup's place in the role's order of backups (1: called first)

    @property
    def counterpart(self) -> str | None:
        """Id of the person they back up, or who backs them up."""
        return self.role.primary if self.as_backup else self.role.backup


@dataclass
class Plan:
    info: m.PlanInfo
    scope: m.Scope
    people_file: m.People
    teams_file: m.Teams
    strategies_file: m.Strategies
    bia: m.Bia
    resources: m.Resources
    procedure: m.Procedure
    checklist: m.Checklist
    notes_file: m.DataNotes
    revisions_file: m.Revisions
    warnings: list[Problem] = field(default_factory=list)
    # Each data file as read (bcp.yaml_reading.Document): where a value sits, for messages.
    sources: dict = field(default_factory=dict, repr=False, compare=False)

    # --- lookups -------------------------------------------------------------

    @cached_property
    def people(self) -> dict[str, m.Person]:
        return {p.id: p for p in self.people_file.people}

    @cached_property
    def teams(self) -> dict[str, m.Team]:
        return {t.id: t for t in self.teams_file.teams}

    @cached_property
    def units(self) -> dict[str, m.Unit]:
        return {u.id: u for u in self.teams_file.units}

    @cached_property
    def windows(self) -> dict[str, m.TimeWindow]:
        return {w.id: w for w in self.info.time_windows}

    @cached_property
    def urgency(self) -> dict[str, m.UrgencyLevel]:
        return {u.id: u for u in self.info.urgency_levels}

    @cached_property
    def impact_areas(self) -> dict[str, m.ImpactArea]:
        return {a.id: a for a in self.scope.impact_areas}

    @cached_property
    def incidents(self) -> dict[str, m.Incident]:
        return {i.id: i for i in self.scope.incidents}

    @property
    def bcp_head(self) -> m.Person:
        return self.people[self.teams_file.bcp_head]

    @property
    def alternate_sites(self) -> list[m.AlternateSite]:
        """Where work goes on when the office cannot be used, in the plan's order."""
        return [self.info.alternate_site]

    @property
    def strategies(self) -> list[m.Strategy]:
        return self.strategies_file.strategies

    @property
    def notes(self) -> list[m.DataNote]:
        return self.notes_file.notes

    @property
    def revisions(self) -> list[m.Revision]:
        """Revision history, oldest first."""
        return self.revisions_file.revisions

    @property
    def review(self) -> m.Review | None:
        return self.revisions_file.review

    @property
    def thai_digits(self) -> bool:
        return self.info.digits == "thai"

    # --- teams and people ----------------------------------------------------

    def lead_of(self, team: m.Team) -> m.Role | None:
        return next((r for r in team.roles if r.role == "lead"), None)

    @staticmethod
    def backups(role: m.Role) -> list[str]:
        """Ids of the role's backups, in the order they are called."""
        return [role.backup] if role.backup else []

    def assignments(self, person_id: str) -> list[Assignment]:
        """Every role the person holds, in team order, primary roles first within a team."""
        return list(self._assignments_by_person.get(person_id, ()))

    @cached_property
    def _assignments_by_person(self) -> dict[str, list[Assignment]]:
        # One pass over the teams for everybody: asking per person made a
        # card for each person cost people x roles.
        found: dict[str, list[Assignment]] = {}
        for team in self.teams_file.teams:
            for role in team.roles:
                found.setdefault(role.primary, []).append(Assignment(team, role, as_backup=False))
                for rank, backup in enumerate(self.backups(role), 1):
                    found.setdefault(backup, []).append(Assignment(team, role, as_backup=True, rank=rank))
        return found

    def team_people(self, team: m.Team, scope: str = "team") -> set[str]:
        """Ids of the people (primary and backup) a responsibility reaches."""
        roles = [r for r in team.roles if scope != "lead" or r.role == "lead"]
        return {pid for r in roles for pid in (r.primary, r.backup) if pid}

    def responsible_people(self, responsible: m.Responsible) -> set[str]:
        if responsible.team:
            return self.team_people(self.teams[responsible.team], responsible.scope)
        unit = self.units[responsible.unit]
        return {pid for tid in unit.teams for pid in self.team_people(self.teams[tid])}

    def responsible_label(self, responsible: m.Responsible) -> str:
        if responsible.unit:
            return self.units[responsible.unit].name
        team = self.teams[responsible.team]
        prefix = {"lead": "หัวหน้าทีม", "team": "ทีมงาน", "lead_and_team": "หัวหน้าและทีมงาน"}[responsible.scope]
        return f"{prefix}{team.name}"

    # --- procedure -----------------------------------------------------------

    def phase_label(self, phase: m.Phase) -> str:
        """"วันที่ 1 (ภายใน 24 ชั่วโมง)" with ASCII digits; callers apply the digit setting."""
        days = f"วันที่ {phase.start_day}"
        if phase.end_day and phase.end_day != phase.start_day:
            days += f" - {phase.end_day}"
        if phase.within_hours:
            days += f" (ภายใน {phase.within_hours} ชั่วโมง)"
        return days

    @property
    def first_phase(self) -> m.Phase:
        """The phase that starts when the incident does (day 1): the wall cards' first actions."""
        return self.procedure.phases[0]

    def steps_for(self, person_id: str) -> list[tuple[m.Phase, list[m.Step]]]:
        """The steps whose responsible parties include the person, by phase, in order."""
        per_phase = self._steps_by_person.get(person_id)
        return [(phase, list(per_phase[index]) if per_phase else []) for index, phase in enumerate(self.procedure.phases)]

    @cached_property
    def _steps_by_person(self) -> dict[str, list[list[m.Step]]]:
        # Person id -> each phase's steps they take part in, from one pass over
        # the procedure (asking every step about every person was people x steps).
        phases = self.procedure.phases
        found: dict[str, list[list[m.Step]]] = {}
        for index, phase in enumerate(phases):
            for step in phase.steps:
                for person_id in set().union(*(self.responsible_people(r) for r in step.responsible)):
                    found.setdefault(person_id, [[] for _ in phases])[index].append(step)
        return found

    def step_number(self, step: m.Step) -> int:
        """The step's number within its phase (1, 2, ...)."""
        return self._step_numbers[id(step)]

    @cached_property
    def _step_numbers(self) -> dict[int, int]:
        # By identity: `phase.steps.index(step)` compares steps field by field, and a
        # card asks for each of its steps (quadratic in a big plan: 27 s at 50x).
        return {id(step): number for phase in self.procedure.phases for number, step in enumerate(phase.steps, 1)}

    @property
    def all_steps(self) -> list[m.Step]:
        return [s for phase in self.procedure.phases for s in phase.steps]

    # --- resources -----------------------------------------------------------

    def window_label(self, window_id: str) -> str:
        window = self.windows[window_id]
        unit = {"hour": "ชั่วโมง", "day": "วัน", "week": "สัปดาห์", "month": "เดือน"}[window.unit]
        return f"{window.amount} {unit}"

    @staticmethod
    def totals(rows: list[dict[str, int | None]], windows: list[str]) -> dict[str, int | None]:
        """Column totals; None where any row's value is unknown."""
        totals: dict[str, int | None] = {}
        for w in windows:
            values = [row.get(w) for row in rows]
            totals[w] = None if any(v is None for v in values) else sum(values)
        return totals

    @property
    def staff_totals(self) -> dict[str, int | None]:
        return self.totals([s.counts for s in self.resources.staff], list(self.windows))

    @property
    def service_totals(self) -> dict[str, int | None]:
        return self.totals([s.counts for s in self.resources.services], list(self.windows))
