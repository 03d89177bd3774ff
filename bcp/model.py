"""The plan's data model: what each YAML file may hold, field by field.

Pydantic checks types and required fields; cross-references (a team naming a
person who does not exist, ...) are checked in `bcp.validate`, which has the
whole plan in hand.  Every model forbids unknown keys so that a misspelt key
is an error, not silently ignored data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, field_validator

from bcp.thai import THAI_MONTHS, arabic_digits, normalize_phone, normalize_thai


# Invisible characters pasted around a word (zero-width space, joiners, BOM): a name of only these is empty.
_INVISIBLE_EDGES = " \t\n\u00a0\u200b\u200c\u200d\u2060\ufeff"


def _text(value: object) -> object:
    # Thai typed on different keyboards/OSes arrives decomposed or with a mark
    # typed twice; show it as it should be (bcp check warns so the file gets fixed).
    if isinstance(value, str):
        text = normalize_thai(value.strip().strip(_INVISIBLE_EDGES).strip())
        if not text:  # said here: pydantic's own error for it reads as if a list were short
            raise ValueError("ต้องเป็นข้อความ และต้องไม่เว้นว่าง")
        return text
    return value


# No count in a plan comes near this; Python refuses to read numbers of more than 4,300 digits at all.
MAX_COUNT_DIGITS = 9


def _number(value: object) -> object:
    # Clerks type Thai digits ("๑๒"): accept them wherever a number is expected.  Values
    # arrive as text (bcp.yaml_reading); a sign is read so that "-2" is reported as negative.
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?[0-9๐-๙]+\s*", value):
        if len(value.strip(" \t+-0๐")) > MAX_COUNT_DIGITS:
            raise ValueError(f"ตัวเลขใหญ่เกินไป (เกิน {MAX_COUNT_DIGITS} หลัก): ตรวจว่าพิมพ์ตัวเลขถูกต้อง")
        return int(arabic_digits(value))
    return value


def _not_negative(number: int) -> int:
    # Said here, not by Field(ge=0): pydantic would quote the text as typed ('-2') instead of the number.
    if number < 0:
        raise ValueError(f"ต้องเป็นตัวเลขไม่ติดลบ (พบ {number})")
    return number


def _digits_string(value: object) -> object:
    # Extensions and phone numbers are kept as ASCII digit strings.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return arabic_digits(value).strip()
    return value


# Ids become file names and web addresses (cards/<id>/, pdf/cards/<id>.pdf).
MAX_ID_LENGTH = 60


def _short_id(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(f"id ยาว {len(value)} ตัวอักษร เกิน {MAX_ID_LENGTH} ตัวอักษร (id ใช้เป็นชื่อไฟล์และที่อยู่หน้าเว็บ): "
                         "ตั้ง id ให้สั้นลง เช่น somchai")
    return value


# The years a plan's dates can be in (C.E.), and the Buddhist Era years a clerk may type instead.
CE_YEARS = range(1900, 2201)
BE_YEARS = range(2400, 2701)
_BE_OFFSET = 543
_ISO_DATE = re.compile(r"\s*([0-9๐-๙]{4})-([0-9๐-๙]{1,2})-([0-9๐-๙]{1,2})\s*")
_DATE_FORMAT = "ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03"


def _calendar_date(value: object) -> object:
    """A date as typed (text: "2023-01-03"), checked for what a Thai clerk gets wrong: B.E. years, 31 February."""
    if isinstance(value, dt.datetime) or not isinstance(value, (str, dt.date)):
        return value  # pydantic reports the wrong type
    if isinstance(value, dt.date):
        year, month, day, typed = value.year, value.month, value.day, value.isoformat()
    else:
        match = _ISO_DATE.fullmatch(value)
        if not match:
            raise ValueError(f"{_DATE_FORMAT} (พบ {value!r})")
        year, month, day = (int(arabic_digits(part)) for part in match.groups())
        typed = value.strip()
    if year in BE_YEARS:
        raise ValueError(f"ปี {year} เป็นปี พ.ศ.: ให้เขียนปี ค.ศ. ({year} - {_BE_OFFSET} = {year - _BE_OFFSET}) "
                         f"คือ {year - _BE_OFFSET:04d}-{month:02d}-{day:02d} (พบ {typed!r})")
    if year not in CE_YEARS:
        raise ValueError(f"ปี {year} ไม่ถูกต้อง: {_DATE_FORMAT} (พบ {typed!r})")
    if not 1 <= month <= 12:
        raise ValueError(f"ไม่มีเดือนที่ {month}: เดือนต้องเป็น 01 ถึง 12 (พบ {typed!r})")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(f"ไม่มีวันที่ {day} ในเดือน{THAI_MONTHS[month - 1]} ค.ศ. {year} (เดือนนี้มี {days} วัน): "
                         f"แก้วันที่ให้ถูกต้อง (พบ {typed!r})")
    return dt.date(year, month, day)


def _not_after_today(value: dt.date) -> dt.date:
    from bcp.review import build_date  # bcp.review needs the models

    today = build_date()
    if value > today:
        raise ValueError(f"วันที่ {value.isoformat()} ยังมาไม่ถึง (วันนี้คือ {today.isoformat()}): "
                         "บันทึกเฉพาะวันที่ที่ทบทวนหรือซ้อมแผนไปแล้วจริง")
    return value


# Reviews and exercises are yearly in practice: longer than this is a typing slip (or 1000000).
MAX_PERIOD_MONTHS = 36


def _sensible_period(months: int) -> int:
    if months > MAX_PERIOD_MONTHS:
        raise ValueError(f"รอบเวลาต้องไม่เกิน {MAX_PERIOD_MONTHS} เดือน (๓ ปี) (พบ {months}): "
                         "แผนต้องทบทวนและซ้อมอย่างน้อยทุก ๓ ปี โดยทั่วไปปีละครั้ง (12)")
    return months


Text = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$"), AfterValidator(_short_id)]
# An intranet address for the QR codes: no spaces, and nothing that could end an HTML attribute or a CSS string.
SiteUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/?#\"'<>\\`]+[^\s?#\"'<>\\`]*$")]
# A real date of the Common Era (not B.E., not 31 February), typed as text.
Date = Annotated[dt.date, BeforeValidator(_calendar_date), WithJsonSchema({"format": "date", "type": "string"})]
# When something was done: not after today.
PastDate = Annotated[Date, AfterValidator(_not_after_today)]
# WithJsonSchema: the editor's schema (bcp.schema) accepts what the loader accepts
# (Thai digits, unquoted numbers), so VS Code does not flag valid data.
Count = Annotated[int, BeforeValidator(_number), AfterValidator(_not_negative), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^\\s*[0-9๐-๙]+\\s*$"}]})]
Months = Annotated[Count, AfterValidator(_sensible_period)]
Extension = Annotated[str, BeforeValidator(_digits_string), StringConstraints(pattern=r"^[0-9]{2,5}$"), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": "^\\s*[0-9๐-๙]{2,5}\\s*$"}, {"type": "integer", "minimum": 10, "maximum": 99999}]})]
PhoneNumber = Annotated[
    str,
    BeforeValidator(_digits_string),
    # 9 digits (landline, optionally a block of lines "054265018-21") or 10 (mobile).
    StringConstraints(pattern=r"^0[0-9]{8}(-[0-9]{1,2})?$|^0[0-9]{9}$"),
    # The prefixes and ranges the site formats: a number that passes here never fails the build.
    AfterValidator(normalize_phone),
    WithJsonSchema({"type": "string", "pattern": "^\\s*[0๐][0-9๐-๙]{8}(-[0-9๐-๙]{1,2})?\\s*$|^\\s*[0๐][0-9๐-๙]{9}\\s*$"}),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- plan.yaml ---------------------------------------------------------------


class TimeWindow(Model):
    id: Id
    amount: Count
    unit: Literal["hour", "day", "week", "month"]

    @property
    def hours(self) -> int:
        return self.amount * {"hour": 1, "day": 24, "week": 168, "month": 720}[self.unit]


class UrgencyLevel(Model):
    id: Id
    name: Text


class Office(Model):
    name: Text
    phone: PhoneNumber
    address: Text | None = None


class AlternateSite(Model):
    name: Text
    address: Text | None = None


class PlanInfo(Model):
    title: Text
    title_en: Text
    office: Office
    author_unit: Text
    date: Date
    version: Text
    digits: Literal["thai", "arabic"] = "thai"
    introduction: list[Text] = Field(min_length=1)
    objectives: list[Text] = Field(min_length=1)
    assumptions_intro: Text
    assumptions: list[Text] = Field(min_length=1)
    alternate_site: AlternateSite
    # The site's address on the intranet, for the QR codes on printed cards.
    site_url: SiteUrl | None = None
    time_windows: list[TimeWindow] = Field(min_length=1)
    urgency_levels: list[UrgencyLevel] = Field(min_length=1)


# --- scope.yaml --------------------------------------------------------------


class ImpactArea(Model):
    id: Id
    name: Text
    definition: Text


class Incident(Model):
    id: Id
    name: Text
    impacts: list[Id]


class Scope(Model):
    introduction: Text
    incidents: list[Incident] = Field(min_length=1)
    resource_analysis: Text
    impact_areas: list[ImpactArea] = Field(min_length=1)


# --- people.yaml -------------------------------------------------------------


class Person(Model):
    id: Id
    title: Text  # นาย / นาง / นางสาว ...
    first_name: Text
    last_name: Text
    position: Text | None = None
    extension: Extension | None = None
    mobile: PhoneNumber | None = None

    @property
    def full_name(self) -> str:
        # The public edition's people have no title or last name (bcp.edition).
        return " ".join(part for part in (f"{self.title}{self.first_name}", self.last_name) if part)


class People(Model):
    people: list[Person] = Field(min_length=1)


# --- teams.yaml --------------------------------------------------------------


class Role(Model):
    role: Literal["lead", "member"]
    primary: Id
    backup: Id | None = None  # required by validation, with a clear message


class Team(Model):
    id: Id
    name: Text
    roles: list[Role] = Field(min_length=1)


class Unit(Model):
    """A responsible party that is not a BCP team (a section, a committee).

    `teams` lists the BCP teams whose people act for the unit, if any."""

    id: Id
    name: Text
    teams: list[Id] = []


class Teams(Model):
    introduction: list[Text] = Field(min_length=1)
    role_names: dict[Literal["lead", "member"], Text]
    bcp_head: Id
    teams: list[Team] = Field(min_length=1)
    units: list[Unit] = []

    @field_validator("role_names")
    @classmethod
    def _every_role_named(cls, names: dict) -> dict:
        # Every team table prints the name of each role: a missing one would fail the build.
        missing = [role for role in ("lead", "member") if role not in names]
        if missing:
            raise ValueError(f"ต้องมีชื่อบทบาทครบทั้ง lead และ member: ขาด {', '.join(missing)}")
        return names


# --- strategies.yaml ---------------------------------------------------------


class Bullet(Model):
    text: Text
    highlight: Text | None = None  # a sentence the source underlines


class Strategy(Model):
    area: Id
    resource: Text
    measures: list[Bullet] = Field(min_length=1)


class Strategies(Model):
    strategies: list[Strategy] = Field(min_length=1)


# --- bia.yaml ----------------------------------------------------------------


class Process(Model):
    id: Id
    name: Text
    urgency: Id
    recovery: Id


class Bia(Model):
    introduction: Text
    processes: list[Process] = Field(min_length=1)


# --- resources.yaml ----------------------------------------------------------

# A value per time window; null means "not stated in the plan" (unknown).
Quantities = dict[Id, Count | None]


class WorkspaceNeed(Model):
    requirement: Text
    source: Text
    windows: list[Id] = Field(min_length=1)


class EquipmentNeed(Model):
    item: Text
    source: Text
    unit: Text
    quantities: Quantities


class SystemNeed(Model):
    name: Text
    source: Text
    windows: list[Id] = Field(min_length=1)
    notes: dict[Id, Text] = {}


class StaffNeed(Model):
    role: Text
    counts: Quantities


class ServiceNeed(Model):
    name: Text
    counts: Quantities
    note_mark: bool = False  # the row carries the table note's asterisk


class Resources(Model):
    workspace: list[WorkspaceNeed] = Field(min_length=1)
    equipment: list[EquipmentNeed] = Field(min_length=1)
    it_introduction: Text
    it_systems: list[SystemNeed] = Field(min_length=1)
    staff: list[StaffNeed] = Field(min_length=1)
    services: list[ServiceNeed] = Field(min_length=1)
    services_note: Text | None = None


# --- procedure.yaml ----------------------------------------------------------


class Responsible(Model):
    """Either a BCP team (its lead, or the whole team) or another unit."""

    team: Id | None = None
    unit: Id | None = None
    scope: Literal["lead", "team", "lead_and_team"] = "team"


class Step(Model):
    id: Id
    text: Text
    highlight: Text | None = None
    items: list[Text] = []
    responsible: list[Responsible] = Field(min_length=1)


class Phase(Model):
    id: Id
    start_day: Count
    end_day: Count | None = None
    within_hours: Count | None = None
    title: Text
    instruction: Text
    steps: list[Step] = Field(min_length=1)


class Procedure(Model):
    phases: list[Phase] = Field(min_length=1)


# --- checklist.yaml ----------------------------------------------------------

Evidence = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(:[a-z0-9_-]+)?$")]


class ChecklistItem(Model):
    text: Text
    specify: Text | None = None  # "อื่นๆ (ระบุ) ..."
    answer: bool | None = None  # as ticked in the signed plan; None: not answered
    evidence: Evidence | None = None  # what in the data shows it (see bcp.checklist)
    items: list[ChecklistItem] = []


class ChecklistPart(Model):
    id: Id
    title: Text
    items: list[ChecklistItem] = Field(min_length=1)


class TaskSystem(Model):
    task: Text
    system: Text


class TaskTable(Model):
    question: Text
    rows: list[TaskSystem] = []


class InfrastructureService(Model):
    name: Text
    measures: Text
    continuous: bool = False
    max_downtime: Text | None = None


class Infrastructure(Model):
    question: Text
    heading: Text
    services: list[InfrastructureService] = []


class Priorities(Model):
    """Part 3: the issues the committee asked about (resolution of a given date)."""

    title: Text
    resolution_date: Date
    e_service: TaskTable
    digital_title: Text
    digital_current: TaskTable
    digital_planned: TaskTable
    infrastructure: Infrastructure


class Checklist(Model):
    title: Text
    parts: list[ChecklistPart] = Field(min_length=1)
    priorities: Priorities
    notes: list[Text] = []


# --- notes.yaml --------------------------------------------------------------


class DataNote(Model):
    id: Id
    topic: Text
    source: Text
    decision: Text
    where: Text
    confirmed: bool = False


class DataNotes(Model):
    notes: list[DataNote] = []


# --- revisions.yaml ----------------------------------------------------------


def _version(value: object) -> object:
    # "version: 2" typed without quotes arrives as a number.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


Version = Annotated[str, BeforeValidator(_version), StringConstraints(min_length=1),
                    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]})]


class Revision(Model):
    """One approved version of the plan: what changed and who approved it."""

    version: Version
    date: Date
    changes: list[Text] = Field(min_length=1)
    # Name and position as signed: the approver need not be a person in the plan.
    approved_by: Text | None = None


class Review(Model):
    """When the plan was last reviewed and exercised, and how often it must be."""

    last_reviewed: PastDate | None
    review_every_months: Months
    last_exercised: PastDate | None  # null: no exercise on record
    exercise_every_months: Months


class Revisions(Model):
    review: Review | None = None
    revisions: list[Revision] = []


ChecklistItem.model_rebuild()

# Each data file and the model of its content, in the order of the source plan.
FILES: dict[str, type[Model]] = {
    "plan.yaml": PlanInfo,
    "scope.yaml": Scope,
    "people.yaml": People,
    "teams.yaml": Teams,
    "strategies.yaml": Strategies,
    "bia.yaml": Bia,
    "resources.yaml": Resources,
    "procedure.yaml": Procedure,
    "checklist.yaml": Checklist,
    "notes.yaml": DataNotes,
    "revisions.yaml": Revisions,
}
