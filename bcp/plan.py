"""The whole plan, validated, with the questions the site and the cards ask of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from bcp import model as m
from bcp import thai
from bcp.problems import Problem


# Between the parties of a joint responsibility (Step.joint), as plans write it.
JOINTLY = " ร่วมกับ "


@dataclass(frozen=True)
class Assignment:
    """One role a person holds in one team: as its primary person, or as its backup of a given rank."""

    team: m.Team
    role: m.Role
    rank: int  # 0: the primary person; 1, 2 ...: the first, second ... backup (role.backups, in order)

    @property
    def as_backup(self) -> bool:
        return self.rank > 0

    @property
    def backups_before(self) -> list[str]:
        """The backups who stand in before this one (empty for the primary and the first backup)."""
        return self.role.backups[: max(self.rank - 1, 0)]


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
        """Where work goes on when the office cannot be used, in the plan's order (either form typed)."""
        return self.info.alternate_sites

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

    @property
    def version_label(self) -> str:
        """"ฉบับที่ 2 (ปรับปรุง)": the version as plan.yaml words it, after "ฉบับที่" unless it says "ฉบับ..." itself."""
        version = self.info.version
        return version if version.startswith("ฉบับ") else f"ฉบับที่ {version}"

    # --- teams and people ----------------------------------------------------

    def lead_of(self, team: m.Team) -> m.Role | None:
        return next((r for r in team.roles if r.role == "lead"), None)

    @staticmethod
    def backups(role: m.Role) -> list[str]:
        """Ids of the role's backups, in the order they are called (`backup: x` or `backups: [x, y]`)."""
        return role.backups

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
                for rank, person_id in enumerate((role.primary, *role.backups)):
                    found.setdefault(person_id, []).append(Assignment(team, role, rank))
        return found

    def team_people(self, team: m.Team, scope: str = "team") -> set[str]:
        """Ids of the people (primary and backups) a responsibility reaches."""
        roles = [r for r in team.roles if scope != "lead" or r.role == "lead"]
        return {pid for r in roles for pid in (r.primary, *r.backups)}

    def responsible_people(self, responsible: m.Responsible) -> set[str]:
        if responsible.team:
            return self.team_people(self.teams[responsible.team], responsible.scope)
        unit = self.units[responsible.unit]
        return {pid for tid in unit.teams for pid in self.team_people(self.teams[tid])}

    @staticmethod
    def team_title(team: m.Team) -> str:
        """The team as a noun: its name as written, after "ทีม" unless the name starts with "ทีม" itself
        ("ทีมด้านอำนวยการ", "ทีมงานยุทธศาสตร์...", "ทีมงานบริหารความต่อเนื่องด้าน...": never "ทีมงานงาน...")."""
        return team.name if team.name.startswith("ทีม") else f"ทีม{team.name}"

    def responsible_label(self, responsible: m.Responsible) -> str:
        if responsible.unit:
            return self.units[responsible.unit].name
        prefix = {"lead": "หัวหน้า", "team": "", "lead_and_team": "หัวหน้าและ"}[responsible.scope]
        return prefix + self.team_title(self.teams[responsible.team])

    @staticmethod
    def responsibility(step: m.Step) -> list[list[m.Responsible]]:
        """Who does the step, line by line: everyone on one line when they act jointly, else a line each."""
        return [list(step.responsible)] if step.joint else [[r] for r in step.responsible]

    def responsibility_labels(self, step: m.Step) -> list[str]:
        """The step's responsibility lines in words: "A ร่วมกับ B" for a joint one."""
        return [JOINTLY.join(self.responsible_label(r) for r in line) for line in self.responsibility(step)]

    # --- procedure -----------------------------------------------------------

    def phase_label(self, phase: m.Phase) -> str:
        """The phase's `label` as typed, else "วันที่ ๑ (ภายใน ๒๔ ชั่วโมง)" in the plan's digits."""
        if phase.label:
            return phase.label
        days = f"วันที่ {phase.start_day}"
        if phase.end_day and phase.end_day != phase.start_day:
            days += f" - {phase.end_day}"
        if phase.within_hours:
            days += f" (ภายใน {phase.within_hours} ชั่วโมง)"
        return thai.digits(days, self.thai_digits)

    def phase_heading(self, phase: m.Phase) -> str:
        """The label for people who act on the phase: an open-ended one says so ("วันที่ ๘ เป็นต้นไป")."""
        open_ended = not phase.label and phase.end_day is None and phase.within_hours is None
        return self.phase_label(phase) + (" เป็นต้นไป" if open_ended else "")

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
    def totals(rows: list[dict[str, int | str | None]], windows: list[str]) -> dict[str, int | str | None]:
        """Column totals: the sum of the counts, "-" (m.NOT_APPLICABLE) left out; None (unknown) where
        any row's value is not stated; "-" where every row's is "-"."""
        totals: dict[str, int | str | None] = {}
        for w in windows:
            values = [row.get(w) for row in rows]
            counted = [v for v in values if v != m.NOT_APPLICABLE]
            if any(v is None for v in counted):
                totals[w] = None
            else:
                totals[w] = sum(counted) if counted else m.NOT_APPLICABLE
        return totals

    @property
    def staff_totals(self) -> dict[str, int | str | None]:
        return self.totals([s.counts for s in self.resources.staff], list(self.windows))

    @property
    def service_totals(self) -> dict[str, int | str | None]:
        return self.totals([s.counts for s in self.resources.services], list(self.windows))
