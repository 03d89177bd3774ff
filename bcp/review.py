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
    revisions.yaml (`file` names it when the plan was not read from files); then
    the calm notice of a plan not yet reviewed, if it is one."""
    source = plan.sources.get("revisions.yaml")
    shown = source.file if source is not None else file
    line = lambda path: source.line(path) if source is not None and source.lines else None  # noqa: E731
    status = review_status(plan, today)
    problems = [reminder.problem(shown, line(reminder.path)) for reminder in status.reminders]
    if status.notice:
        problems.append(Problem(shown, line(("review",)), "review", status.notice, "notice"))
    return problems


@dataclass(frozen=True)
class ReviewStatus:
    today: dt.date
    last_reviewed: dt.date | None
    review_due: dt.date | None
    last_exercised: dt.date | None
    exercise_due: dt.date | None
    reminders: tuple[Reminder, ...]  # overdue: the banner on every page, warnings in `bcp check`
    # Not reviewed or exercised yet, and not overdue (a first edition): one calm line on the
    # revisions page and in `bcp check`, no banner.
    notice: str | None = None

    @property
    def overdue(self) -> bool:
        return bool(self.reminders)


# Without a review section (revisions.yaml: review) the plan is reviewed and exercised yearly,
# as government plans are, counted from its date (plan.yaml: date).
DEFAULT_EVERY_MONTHS = 12

# What a reminder says: (no record yet, overdue), for each kind.
_WORDING = {
    "review": ("แผนยังไม่มีบันทึกการทบทวน: ต้องทบทวนทุก {every} เดือน (ครบกำหนดครั้งแรก {due} นับจากวันที่ของแผน)",
               "แผนเลยกำหนดทบทวนแล้ว: ทบทวนครั้งล่าสุดเมื่อ {last} ต้องทบทวนทุก {every} เดือน (ครบกำหนด {due})"),
    "exercise": ("ยังไม่มีบันทึกการซ้อมแผน: ต้องซ้อมแผนทุก {every} เดือน (ครบกำหนดครั้งแรก {due} นับจากวันที่ของแผน)",
                 "เลยกำหนดซ้อมแผนแล้ว: ซ้อมครั้งล่าสุดเมื่อ {last} ต้องซ้อมทุก {every} เดือน (ครบกำหนด {due})"),
}
_RECORD = {"review": "การทบทวน", "exercise": "การซ้อมแผน"}


def review_status(plan: Plan, today: dt.date) -> ReviewStatus:
    """Due dates count from the last review or exercise, or from the plan's date when there is none yet."""
    d = lambda value: thai.digits(value, plan.thai_digits)  # noqa: E731
    date = lambda value: thai.thai_date(value, plan.thai_digits)  # noqa: E731
    review = plan.review
    if review is None:
        due = add_months(plan.info.date, DEFAULT_EVERY_MONTHS)
        if due < today:
            reminder = Reminder("review", "review", "แผนไม่ได้ระบุวันที่ทบทวนและซ้อมแผนครั้งล่าสุด และเลยกำหนดทบทวนประจำปีแล้ว "
                                f"(ครบกำหนด {date(due)})")
            return ReviewStatus(today, None, due, None, due, (reminder,))
        notice = f"แผนฉบับนี้ยังไม่มีบันทึกการทบทวนและการซ้อมแผน: การทบทวนและการซ้อมแผนครั้งแรกภายใน {date(due)}"
        return ReviewStatus(today, None, due, None, due, (), notice)

    reminders: list[Reminder] = []
    not_yet: dict[str, str] = {}  # kind -> when it is first due, for what is not recorded and not yet due
    dues = {}
    for kind, field, last, every in (
            ("review", "last_reviewed", review.last_reviewed, review.review_every_months),
            ("exercise", "last_exercised", review.last_exercised, review.exercise_every_months)):
        due = dues[kind] = add_months(last or plan.info.date, every)
        missing, overdue = _WORDING[kind]
        if due < today:
            text = overdue.format(last=date(last), every=d(every), due=date(due)) if last else missing.format(every=d(every), due=date(due))
            reminders.append(Reminder(kind, f"review › {field}", text, ("review", field)))
        elif last is None:
            not_yet[kind] = date(due)
    notice = None
    if not_yet:
        notice = (f"แผนฉบับนี้ยังไม่มีบันทึก{'และ'.join(_RECORD[kind] for kind in not_yet)}: "
                  + " ".join(f"{_RECORD[kind]}ครั้งแรกภายใน {due}" for kind, due in not_yet.items()))
    return ReviewStatus(today, review.last_reviewed, dues["review"], review.last_exercised, dues["exercise"], tuple(reminders), notice)
