"""What the plan owner should see to, that does not stop a build: the data's
warnings, overdue review or exercise, and setup that is missing.

Said once, by `bcp check` and by each build, in Thai with file and line: the
owner's words (file and field names) stay here and off the printed plan.
"""

from __future__ import annotations

from pathlib import Path

from bcp.cards import site_url
from bcp.plan import Plan
from bcp.problems import Problem
from bcp.review import reminder_problems
from bcp.settings import Settings

NO_SITE_URL = ("ยังไม่ได้กำหนดที่อยู่เว็บไซต์ของแผนบนอินทราเน็ต บัตรหน้าที่จึงไม่มี QR code: "
               "ใส่ที่อยู่จริงในช่องนี้ เช่น site_url: http://bcp.intranet.local/ (หรือตั้งค่า BCP_SITE_URL ตอนสร้างเว็บไซต์)")


def owner_notices(plan: Plan, settings: Settings, folder: Path) -> list[Problem]:
    """Every warning for the plan owner, as console lines (level "warning"); and the notice of a plan
    not reviewed yet (level "notice", not a warning: bcp.review)."""
    found = list(plan.warnings)
    found += reminder_problems(plan, str(folder / "revisions.yaml"), settings.reference_date())
    if not settings.public and site_url(plan, settings.site_url) is None:
        source = plan.sources.get("plan.yaml")
        found.append(Problem(source.file if source else str(folder / "plan.yaml"), None, "site_url", NO_SITE_URL,
                             "warning"))
    return found
