"""Review and exercise reminders: is the plan overdue for review or for an exercise?

The plan states when it was last reviewed and exercised and how often it must
be (revisions.yaml, `review`).  "Today" is the caller's (bcp.settings:
today in Thailand, or $BCP_TODAY for tests).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from bcp import thai
from bcp.plan import Plan
from bcp.problems import Problem

def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Reminder:
    """Something the plan owner must do: shown on the site and printed by the build."""

    kind: str  # "review" or "exercise"
    field: str  # where to record it once done, in revisions.yaml
    message: str  # Thai, for the site banner
    path: tuple[str, ...] = ("review",)  # that field's keys in revisions.yaml

    def problem(self, file: str, line: int | None = None) -> Problem:
        """As a warning line for the console: names the file, line and field to update."""
        return Problem(file, line, self.field, self.message + ": เมื่อทำแล้วให้บันทึกวันที่ในช่องนี้", "warning")


def reminder_problems(plan: Plan, file: str, today: dt.date) -> list[Problem]:
    """The plan's reminders as of `today`, as console warnings, each at its line of
    revisions.yaml (`file` names it when the plan was not read from files)."""
    source = plan.sources.get("revisions.yaml")
    shown = source.file if source is not None else file
    return [reminder.problem(shown, source.line(reminder.path) if source is not None and source.lines else None)
            for reminder in review_status(plan, today).reminders]


@dataclass(frozen=True)
class ReviewStatus:
    today: dt.date
    last_reviewed: dt.date | None
    review_due: dt.date | None
    last_exercised: dt.date | None
    exercise_due: dt.date | None
    reminders: tuple[Reminder, ...]

    @property
    def overdue(self) -> bool:
        return bool(self.reminders)


# What a reminder says: (no record yet, overdue), for each kind.
_WORDING = {
    "review": ("แผนยังไม่มีบันทึกการทบทวน: ต้องทบทวนทุก {every} เดือน",
               "แผนเลยกำหนดทบทวนแล้ว: ทบทวนครั้งล่าสุดเมื่อ {last} ต้องทบทวนทุก {every} เดือน (ครบกำหนด {due})"),
    "exercise": ("ยังไม่มีบันทึกการซ้อมแผน: ต้องซ้อมแผนทุก {every} เดือน",
                 "เลยกำหนดซ้อมแผนแล้ว: ซ้อมครั้งล่าสุดเมื่อ {last} ต้องซ้อมทุก {every} เดือน (ครบกำหนด {due})"),
}


def _due(last: dt.date | None, every_months: int) -> dt.date | None:
    return add_months(last, every_months) if last else None


def review_status(plan: Plan, today: dt.date) -> ReviewStatus:
    review = plan.review
    d = lambda value: thai.digits(value, plan.thai_digits)  # noqa: E731
    date = lambda value: thai.thai_date(value, plan.thai_digits)  # noqa: E731
    reminders: list[Reminder] = []
    if review is None:
        reminders.append(Reminder("review", "review",
                                  "แผนไม่ได้ระบุวันที่ทบทวนและซ้อมแผนครั้งล่าสุด"))
        return ReviewStatus(today, None, None, None, None, tuple(reminders))

    review_due = _due(review.last_reviewed, review.review_every_months)
    exercise_due = _due(review.last_exercised, review.exercise_every_months)
    for kind, field, last, every, due in (
            ("review", "last_reviewed", review.last_reviewed, review.review_every_months, review_due),
            ("exercise", "last_exercised", review.last_exercised, review.exercise_every_months, exercise_due)):
        missing, overdue = _WORDING[kind]
        if last is None:
            reminders.append(Reminder(kind, f"review › {field}", missing.format(every=d(every)), ("review", field)))
        elif due < today:
            reminders.append(Reminder(kind, f"review › {field}",
                                      overdue.format(last=date(last), every=d(every), due=date(due)), ("review", field)))
    return ReviewStatus(today, review.last_reviewed, review_due, review.last_exercised, exercise_due, tuple(reminders))
