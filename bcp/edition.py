"""Editions of the plan: `internal` (everything) and `public` (no personal data).

The public edition is the same plan with its people made anonymous, once,
here: every output (site pages, search index, call tree, PDFs) is rendered
from the plan `public_plan` returns, so no template has to remember to hide
a name.  What only makes sense with personal data (role cards per person,
the data notes quoting names, the owner's guide) is left out of the public
build by the MkDocs hooks (`PUBLIC_EXCLUDED_PAGES`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from bcp import thai
from bcp.personal_data import personal_data_problems
from bcp.plan import Plan
from bcp.problems import DataError

EDITIONS = ("internal", "public")

# Shown in place of a person without a position in the public edition.
NO_POSITION = "ผู้ปฏิบัติงาน (ไม่ระบุตำแหน่ง)"
# Shown in place of free text that may name a person (revisions' approved_by).
WITHHELD = "ไม่เปิดเผยในฉบับเผยแพร่"

# Pages of docs/ that are not built in the public edition: the cards are one
# per person (their addresses carry person ids), the data notes quote names,
# the owner's guide is for whoever keeps the data.
PUBLIC_EXCLUDED_PAGES = ("cards/", "data-notes.md", "owner-guide.md")


def is_excluded(src_uri: str) -> bool:
    """True for a docs/ file the public edition leaves out (cards/<id>.md included)."""
    return any(src_uri == page or (page.endswith("/") and src_uri.startswith(page)) for page in PUBLIC_EXCLUDED_PAGES)


def public_label(position: str | None, number: int | None, thai_digits: bool) -> str:
    """How a person reads in the public edition: their position, numbered when several share it."""
    label = position or NO_POSITION
    return f"{label} (คนที่ {thai.digits(number, thai_digits)})" if number else label


def public_plan(plan: Plan) -> Plan:
    """The plan without personal data: people by position, no extension or mobile, no names in free text.

    Person ids become p01, p02...: the ids in the data are made from names.
    The office's main number (plan.yaml) stays.  A name or a personal number
    typed into free text cannot be taken out by rewriting: it raises DataError
    naming file and line (bcp.personal_data), so no public build goes ahead.
    """
    cached = _public_plans.get(id(plan))
    if cached is not None and cached[0] is plan:
        return cached[1]
    found = personal_data_problems(plan)
    if found:
        raise DataError(found)
    people = plan.people_file.people
    new_id = {p.id: f"p{index:02d}" for index, p in enumerate(people, start=1)}
    shared = Counter(p.position or NO_POSITION for p in people)
    seen: Counter[str] = Counter()
    anonymous = []
    for person in people:
        label = person.position or NO_POSITION
        seen[label] += 1
        anonymous.append(person.model_copy(update={
            "id": new_id[person.id],
            "title": "",
            "first_name": public_label(person.position, seen[label] if shared[label] > 1 else None, plan.thai_digits),
            "last_name": "",
            "extension": None,
            "mobile": None,
        }))
    teams_file = plan.teams_file
    teams = [team.model_copy(update={"roles": [
        role.model_copy(update={"primary": new_id[role.primary],
                                "backup": new_id[role.backup] if role.backup else None,
                                "backups": [new_id[backup] for backup in role.backups]})
        for role in team.roles]}) for team in teams_file.teams]
    revisions = plan.revisions_file.model_copy(update={"revisions": [
        revision.model_copy(update={"approved_by": WITHHELD}) if revision.approved_by else revision
        for revision in plan.revisions_file.revisions]})
    redacted = dataclasses.replace(
        plan,
        people_file=plan.people_file.model_copy(update={"people": anonymous}),
        teams_file=teams_file.model_copy(update={"teams": teams, "bcp_head": new_id[teams_file.bcp_head]}),
        notes_file=plan.notes_file.model_copy(update={"notes": []}),
        revisions_file=revisions,
        # Warnings quote names; the public build does not log them twice.
        warnings=[],
    )
    _public_plans[id(plan)] = (plan, redacted)
    return redacted


_public_plans: dict[int, tuple[Plan, Plan]] = {}


def plan_for(plan: Plan, edition: str) -> Plan:
    """The plan as the edition shows it."""
    if edition not in EDITIONS:
        raise ValueError(f"BCP_EDITION ต้องเป็น {' หรือ '.join(EDITIONS)} (พบ {edition!r})")
    return public_plan(plan) if edition == "public" else plan
