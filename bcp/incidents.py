"""What the plan says to do when one of its incidents happens.

An incident names the impact areas it hits (scope.yaml); the plan answers
each area with a continuity strategy (strategies.yaml), and the business
impact analysis says which processes must be back first (bia.yaml).  An
incident's page and sheet gather those answers in one place: nothing here is
new, every line comes from the data.
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


def brief(plan: Plan, incident_id: str) -> IncidentBrief:
    incident = plan.incidents[incident_id]
    hit = set(incident.impacts)
    areas = tuple(area for area in plan.scope.impact_areas if area.id in hit)
    strategies = tuple(strategy for strategy in plan.strategies if strategy.area in hit)
    # Stable sort: processes with the same target keep the BIA's own order.
    processes = tuple(sorted(plan.bia.processes, key=lambda p: plan.windows[p.recovery].hours))
    return IncidentBrief(incident, areas, strategies, processes)


def incident_path(incident_id: str) -> str:
    """The incident's page, relative to the site root."""
    return f"incidents/{incident_id}/"
