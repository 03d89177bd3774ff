"""What the plan says to do when one of its incidents happens.

An incident names the impact areas it hits (scope.yaml); the plan answers
each area with a continuity strategy (strategies.yaml), and the business
impact analysis says which processes must be back first (bia.yaml), the
resources page what is needed in the first time window (resources.yaml), the
procedure's first phase who does what first (procedure.yaml).  An incident's
page and sheet gather those answers in one place: nothing here is new, every
line comes from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from bcp import model as m
from bcp.plan import Plan


@dataclass(frozen=True)
class IncidentBrief:
    incident: m.Incident
    areas: tuple[m.ImpactArea, ...]  # the areas the incident hits, in the plan's order
    strategies: tuple[m.Strategy, ...]  # the plan's strategies for those areas
    processes: tuple[m.Process, ...]  # the BIA's processes, the soonest to recover first
    needs: FirstNeeds  # what the resources page says is needed in the first time window


def sheet_first_step(incident_id: str) -> str:
    """The id of an incident sheet's first step: on the sheet's first page, that page alone is printed."""
    return f"sheet-first-step-{incident_id}"


def brief(plan: Plan, incident_id: str) -> IncidentBrief:
    incident = plan.incidents[incident_id]
    hit = set(incident.impacts)
    areas = tuple(area for area in plan.scope.impact_areas if area.id in hit)
    strategies = tuple(strategy for strategy in plan.strategies if strategy.area in hit)
    # Stable sort: processes with the same target keep the BIA's own order.
    processes = tuple(sorted(plan.bia.processes, key=lambda p: plan.windows[p.recovery].hours))
    return IncidentBrief(incident, areas, strategies, processes, first_needs(plan))


@dataclass(frozen=True)
class Need:
    """One resource needed in the first time window: its name, how many (a count, or None when the
    plan does not state it; no count for a work space or a system), the unit, a note."""

    name: str
    count: int | None = None
    counted: bool = False  # the resource is counted per window (equipment, staff, services)
    unit: str = ""
    note: str = ""
    marked: bool = False  # the services table's "*": its note follows the list


@dataclass(frozen=True)
class FirstNeeds:
    """The resources page's first time window, table by table; only what that window uses."""

    window: str  # the window's id
    workspace: tuple[Need, ...]
    equipment: tuple[Need, ...]
    it_systems: tuple[Need, ...]
    staff: tuple[Need, ...]
    services: tuple[Need, ...]

    @property
    def groups(self) -> tuple[tuple[str, tuple[Need, ...]], ...]:
        """(table key, needs) for every table with something in the window, in the page's order."""
        found = (("workspace", self.workspace), ("equipment", self.equipment), ("it_systems", self.it_systems),
                 ("staff", self.staff), ("services", self.services))
        return tuple((key, needs) for key, needs in found if needs)


def _used(value: int | str | None) -> bool:
    """A count that says the resource is used in the window: a number above 0, or not stated (unknown)."""
    return value is None or (isinstance(value, int) and value > 0)


def first_needs(plan: Plan) -> FirstNeeds:
    r = plan.resources
    w = plan.info.time_windows[0].id
    return FirstNeeds(
        window=w,
        workspace=tuple(Need(f"{n.requirement} ({n.source})") for n in r.workspace if w in n.windows),
        equipment=tuple(Need(n.item, n.quantities.get(w), True, n.unit) for n in r.equipment if _used(n.quantities.get(w))),
        it_systems=tuple(Need(n.name, note=n.notes.get(w, "")) for n in r.it_systems if w in n.windows),
        staff=tuple(Need(n.role, n.counts.get(w), True) for n in r.staff if _used(n.counts.get(w))),
        services=tuple(Need(n.name, n.counts.get(w), True, marked=n.note_mark)
                       for n in r.services if _used(n.counts.get(w))),
    )


def incident_path(incident_id: str) -> str:
    """The incident's page, relative to the site root."""
    return f"incidents/{incident_id}/"
