"""The plan's data model: what each YAML file may hold, field by field.

Pydantic checks types and required fields; cross-references (a team naming a
person who does not exist, ...) are checked in `bcp.validate`, which has the
whole plan in hand.  Every model forbids unknown keys so that a misspelt key
is an error, not silently ignored data.

Every field is named here, once, for the people who edit the plan: its Thai
title is its name in `bcp diff` and in messages, its Thai description (or the
title, where that says enough) the editor's help (`bcp schema`).  The root
model of a data file has a Thai title, its part of the plan, and a Thai
docstring, the help shown when the file is opened; other models' docstrings are
notes for developers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, StringConstraints,
                      ValidationInfo, WithJsonSchema, create_model, field_validator)

from bcp.settings import Settings
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
    # Extensions are kept as ASCII digit strings.
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
    # Today as the build sees it (BCP_TODAY in tests); the commands and the plugin
    # check the settings before loading, so a bad BCP_TODAY is reported there first.
    today = Settings.from_environ().reference_date()
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
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), AfterValidator(_short_id)]
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
def _phone(value: object) -> object:
    # As people type them ("080-000-0101", "+66 80 000 0101", "๐๘๐ ๐๐๐ ๐๑๐๑"), normalised once, here,
    # to the digits the site formats ("0800000101", "054265018-21"): a number that passes never fails the build.
    if not isinstance(value, str):
        return value  # pydantic says it must be text
    try:
        return normalize_phone(value)
    except ValueError as error:
        raise ValueError(f"{error}: พิมพ์ได้ทั้งแบบติดกัน มีขีด หรือเว้นวรรค เช่น \"081-234-5678\" หรือ \"054 265 018\"") from None


PhoneNumber = Annotated[
    str,
    BeforeValidator(_phone),
    # The editor takes what the loader takes: digits (Thai or Arabic), +66, spaces, dashes, dots, brackets.
    WithJsonSchema({"type": "string", "pattern": "^\\s*(\\+\\s*66|\\(?[0๐])[\\s0-9๐-๙().\\-\u2010-\u2015\u2212]*$"}),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Single fields that have a list form, by name: "backup" -> "backups" (messages show the list form).
LIST_FORMS: dict[str, str] = {}


def one_or_many(single: str, many: str, what: str) -> AfterValidator:
    """The validator of a list field `many` that may be given in its single form `single` instead
    (`backup: x` for `backups: [x]`).

    The list field always holds the whole list, in order, whichever form was typed;
    the single field keeps what was typed (for messages that point at it).  Declare
    the single field first: the list field reads it once it is validated."""
    LIST_FORMS[single] = many

    def whole_list(value: list, info: ValidationInfo) -> list:
        given = info.data.get(single)
        if given is not None and value:
            raise ValueError(f"ใช้ได้ทีละแบบ: {single} (มีรายการเดียว) หรือ {many} (หลายรายการ เรียงตามลำดับ) "
                             f"ไม่ใช่ทั้งสองช่อง: ย้าย{what}ในช่อง {single} ไปไว้ในรายการ {many} แล้วลบช่อง {single}")
        return [given] if given is not None else value

    return AfterValidator(whole_list)


def field_label(model: type[BaseModel], name: str) -> str:
    """A field as a message names it: its Thai title and the key typed in the file, "ตำแหน่ง (position)"."""
    return f"{model.model_fields[name].title} ({name})"


# --- plan.yaml ---------------------------------------------------------------


def _version(value: object) -> object:
    # "version: 2" typed without quotes arrives as a number.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


Version = Annotated[str, BeforeValidator(_version), StringConstraints(min_length=1),
                    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]})]
_VERSION_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def version_key(version: str) -> str:
    """What names a version: its number, so that "๒ (ปรับปรุง)" and "2" are the same version
    (the plan's cover and its revision history may word it differently); its whole text if it has none."""
    text = arabic_digits(version)
    number = _VERSION_NUMBER.search(text)
    return number.group() if number else " ".join(text.split())


class TimeWindow(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสช่วงเวลา เช่น 4h, 1d, 1w")
    amount: Count = Field(title="จำนวน", description="จำนวนชั่วโมง วัน สัปดาห์ หรือเดือน ตามหน่วย (unit)")
    unit: Literal["hour", "day", "week", "month"] = Field(
        title="หน่วยเวลา", description="หน่วย: hour (ชั่วโมง), day (วัน), week (สัปดาห์), month (เดือน)")

    @property
    def hours(self) -> int:
        return self.amount * {"hour": 1, "day": 24, "week": 168, "month": 720}[self.unit]


class UrgencyLevel(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสระดับ เช่น high")
    name: Text = Field(title="ชื่อระดับ", description="ชื่อระดับ เช่น สูง")


class Office(Model):
    name: Text = Field(title="ชื่อหน่วยงาน")
    phone: PhoneNumber = Field(
        title="เบอร์โทรศัพท์สำนักงาน",
        description="เบอร์โทรศัพท์สำนักงาน เช่น \"054-265-018\" หรือหลายคู่สาย \"054265018-21\" (เลขท้ายของคู่สายสุดท้าย)")
    address: Text | None = Field(None, title="ที่อยู่สำนักงาน", description="ที่อยู่")


class AlternateSite(Model):
    name: Text = Field(title="ชื่อสถานที่")
    address: Text | None = Field(None, title="ที่อยู่สถานที่ปฏิบัติงานสำรอง", description="ที่อยู่")
    notes: Text | None = Field(None, title="หมายเหตุสถานที่ปฏิบัติงานสำรอง",
                               description="หมายเหตุ เช่น ผู้ประสานงาน หรือเมื่อใดจึงใช้สถานที่นี้")


# The editor asks for one form of the alternate site, as the loader and the validator do.
class PlanInfo(Model, title="ข้อมูลทั่วไป", json_schema_extra={
        "not": {"required": ["alternate_site", "alternate_sites"]},
        "anyOf": [{"required": ["alternate_site"]}, {"required": ["alternate_sites"]}]}):
    """ข้อมูลทั่วไปของแผน: หน้าปก บทนำ วัตถุประสงค์ สมมติฐาน ช่วงเวลา และระดับความเร่งด่วน"""

    title: Text = Field(title="ชื่อแผน")
    title_en: Text = Field(title="ชื่อแผนภาษาอังกฤษ")
    office: Office = Field(title="หน่วยงานเจ้าของแผน")
    author_unit: Text = Field(title="ผู้จัดทำ", description="ฝ่ายผู้จัดทำแผน")
    date: Date = Field(title="วันที่ของแผน", description="วันที่ของแผนฉบับนี้ (ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03)")
    version: Version = Field(
        title="ฉบับที่ของแผน", description="ฉบับที่ของแผนตามที่ต้องการให้แสดงบนปก เช่น \"2\" หรือ \"๒ (ปรับปรุง)\": "
        "เลขฉบับต้องตรงกับฉบับล่าสุดใน revisions.yaml")
    cover_notice: Text | None = Field(
        None, title="ข้อความแจ้งบนหน้าปก",
        description="ข้อความแจ้งบนหน้าปก (หน้าแรกของเว็บไซต์และปก PDF) เช่น \"ฉบับร่าง รอผู้บริหารอนุมัติ\"")
    digits: Literal["thai", "arabic"] = Field(
        "thai", title="รูปแบบตัวเลข", description="ตัวเลขที่แสดงในแผน: thai (เลขไทย) หรือ arabic (เลขอารบิก)")
    introduction: list[Text] = Field(min_length=1, title="บทนำ", description="ย่อหน้าในบทนำ")
    objectives: list[Text] = Field(min_length=1, title="วัตถุประสงค์", description="วัตถุประสงค์ของแผน")
    assumptions_intro: Text = Field(title="ข้อความนำสมมติฐาน")
    assumptions: list[Text] = Field(min_length=1, title="สมมติฐาน", description="สมมติฐานของแผน")
    # One is required (bcp.validate: an alternate site is given), in either form.
    alternate_site: AlternateSite | None = Field(
        None, title="สถานที่ปฏิบัติงานสำรอง", description="สถานที่ปฏิบัติงานสำรองเมื่อมีแห่งเดียว (มีหลายแห่ง ใช้ alternate_sites แทน)")
    alternate_sites: Annotated[list[AlternateSite], one_or_many("alternate_site", "alternate_sites", "สถานที่")] = Field(
        default_factory=list, validate_default=True, title="สถานที่ปฏิบัติงานสำรองตามลำดับ",
        description="สถานที่ปฏิบัติงานสำรองหลายแห่ง เรียงตามลำดับที่จะใช้ แต่ละแห่งมี name และ address กับ notes ถ้ามี "
        "(ใช้ alternate_site หรือ alternate_sites อย่างใดอย่างหนึ่ง)")
    # The site's address on the intranet, for the QR codes on printed cards.
    site_url: SiteUrl | None = Field(
        None, title="ที่อยู่เว็บไซต์ของแผน",
        description="ที่อยู่เว็บไซต์ของแผนในอินทราเน็ต สำหรับ QR code บนบัตรหน้าที่ที่พิมพ์ เช่น \"http://bcp.intranet.local/\"")
    time_windows: list[TimeWindow] = Field(min_length=1, title="ช่วงเวลา", description="ช่วงเวลาที่ใช้ในตาราง BIA และทรัพยากร")
    urgency_levels: list[UrgencyLevel] = Field(min_length=1, title="ระดับความเร่งด่วน")


# --- scope.yaml --------------------------------------------------------------


class ImpactArea(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสผลกระทบ (ภาษาอังกฤษ)")
    name: Text = Field(title="ชื่อด้าน")
    definition: Text = Field(title="คำอธิบาย")


class Incident(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสเหตุการณ์ (ภาษาอังกฤษ)")
    name: Text = Field(title="ชื่อเหตุการณ์")
    impacts: list[Id] = Field(title="ผลกระทบ", description="id ของผลกระทบ (impact_areas)")


class Scope(Model, title="ขอบเขตและผลกระทบ"):
    """ขอบเขตของแผน: เหตุการณ์ที่รองรับ และผลกระทบ ๕ ด้าน"""

    introduction: Text = Field(title="ข้อความนำขอบเขตของแผน")
    incidents: list[Incident] = Field(min_length=1, title="เหตุการณ์", description="เหตุการณ์ที่แผนรองรับ")
    resource_analysis: Text = Field(title="ข้อความการวิเคราะห์ทรัพยากร")
    impact_areas: list[ImpactArea] = Field(
        min_length=1, title="ด้านผลกระทบ", description="ผลกระทบแต่ละด้าน: incidents และ strategies.yaml อ้างถึงด้วย id")


# --- people.yaml -------------------------------------------------------------


class Person(Model):
    id: Id = Field(title="รหัส (id)",
                   description="รหัสบุคคล: อักษรอังกฤษตัวเล็ก ตัวเลข - หรือ _ เช่น somchai (ใช้อ้างถึงใน teams.yaml)")
    title: Text = Field(title="คำนำหน้า", description="คำนำหน้า เช่น นาย นาง นางสาว")
    first_name: Text = Field(title="ชื่อ")
    last_name: Text = Field(title="นามสกุล")
    position: Text | None = Field(None, title="ตำแหน่ง")
    extension: Extension | None = Field(None, title="เบอร์ต่อ", description="เบอร์ต่อภายใน ๒ ถึง ๕ หลัก เช่น \"209\"")
    mobile: PhoneNumber | None = Field(
        None, title="เบอร์มือถือ",
        description="เบอร์มือถือ ๑๐ หลัก เช่น \"081-234-5678\" หรือ \"+66 81 234 5678\" (ควรมีสำหรับหัวหน้าทีม)")

    @property
    def full_name(self) -> str:
        # The public edition's people have no title or last name (bcp.edition).
        return " ".join(part for part in (f"{self.title}{self.first_name}", self.last_name) if part)


class People(Model, title="บุคลากร"):
    """บุคลากรในแผน: แต่ละคนมีข้อมูลที่นี่ที่เดียว ทีมงานอ้างถึงด้วย id"""

    people: list[Person] = Field(min_length=1, title="บุคลากร", description="บุคลากรในแผน คนละหนึ่งรายการ")


# --- teams.yaml --------------------------------------------------------------


# The editor flags `backup` and `backups` typed together, as the loader does.
class Role(Model, json_schema_extra={"not": {"required": ["backup", "backups"]}}):
    """A role in a team: its primary person and the backups, tried in order when the primary cannot act.

    `backups` is always the whole ordered list (a single `backup:` becomes a list of one);
    `backup` is only what was typed, for messages that point at it (`backup_key`)."""

    role: Literal["lead", "member"] = Field(title="บทบาท", description="lead (หัวหน้าทีม) หรือ member (ทีมงาน)")
    primary: Id = Field(title="บุคลากรหลัก", description="id ของบุคลากรหลัก (people.yaml)")
    # At least one is required by validation, with a clear message.
    backup: Id | None = Field(
        None, title="บุคลากรสำรอง", description="id ของบุคลากรสำรอง (people.yaml) เมื่อมีผู้สำรองคนเดียว: "
        "ต้องไม่ใช่คนเดียวกับบุคลากรหลัก (มีหลายคน ใช้ backups แทน)")
    backups: Annotated[list[Id], one_or_many("backup", "backups", "ผู้สำรอง")] = Field(
        default_factory=list, validate_default=True, title="บุคลากรสำรองตามลำดับ",
        description="id ของบุคลากรสำรองหลายคน เรียงตามลำดับที่ เช่น [somsri, somchai]: "
        "ลำดับที่ ๑ ทำหน้าที่แทนก่อน ถ้าไม่ว่างจึงเป็นลำดับที่ ๒ (ใช้ backup หรือ backups อย่างใดอย่างหนึ่ง)")

    def backup_key(self, index: int) -> tuple:
        """Where the backup at `index` (0: the first) was typed, under the role."""
        return ("backup",) if self.backup is not None else ("backups", index)


class Team(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสทีม (ภาษาอังกฤษ)")
    name: Text = Field(title="ชื่อทีม", description="ชื่อทีม เช่น ด้านการป้องกันและปฏิบัติการ")
    roles: list[Role] = Field(min_length=1, title="บทบาทในทีม")


class Unit(Model):
    """A responsible party that is not a BCP team (a section, a committee).

    `teams` lists the BCP teams whose people act for the unit, if any."""

    id: Id = Field(title="รหัส (id)", description="รหัสหน่วยงาน (ภาษาอังกฤษ)")
    name: Text = Field(title="ชื่อหน่วยงาน")
    teams: list[Id] = Field([], title="ทีมที่ทำงานแทนหน่วยงาน", description="id ของทีมที่ทำงานแทนหน่วยงานนี้")


class Teams(Model, title="ทีมงาน"):
    """ทีมงานบริหารความต่อเนื่อง: บทบาท บุคลากรหลัก และบุคลากรสำรอง"""

    introduction: list[Text] = Field(min_length=1, title="บทนำทีมงาน", description="ย่อหน้าในบทนำทีมงาน")
    role_names: dict[Literal["lead", "member"], Text] = Field(
        title="ชื่อเรียกบทบาท", description="ชื่อเรียกบทบาท lead และ member")
    bcp_head: Id = Field(title="หัวหน้าคณะบริหารความต่อเนื่อง",
                         description="id ของหัวหน้าคณะบริหารความต่อเนื่อง (ต้นสาย Call Tree)")
    teams: list[Team] = Field(min_length=1, title="ทีมงาน", description="ทีมงานบริหารความต่อเนื่อง")
    units: list[Unit] = Field([], title="หน่วยงานผู้รับผิดชอบ", description="หน่วยงานผู้รับผิดชอบขั้นตอนที่ไม่ใช่ทีม BCP")

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
    text: Text = Field(title="ข้อความมาตรการ")
    highlight: Text | None = Field(None, title="ข้อความที่เน้น", description="ข้อความที่ต้นฉบับขีดเส้นใต้")


class Strategy(Model):
    area: Id = Field(title="ด้านผลกระทบ", description="id ของผลกระทบ (scope.yaml)")
    resource: Text = Field(title="ทรัพยากร", description="ชื่อทรัพยากร")
    measures: list[Bullet] = Field(min_length=1, title="มาตรการ")


class Strategies(Model, title="กลยุทธ์"):
    """กลยุทธ์ความต่อเนื่อง: มาตรการต่อทรัพยากรแต่ละด้าน"""

    strategies: list[Strategy] = Field(min_length=1, title="กลยุทธ์", description="กลยุทธ์ของทรัพยากรแต่ละด้าน")


# --- bia.yaml ----------------------------------------------------------------


class Process(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสกระบวนการ (ภาษาอังกฤษ)")
    name: Text = Field(title="ชื่อกระบวนการ")
    urgency: Id = Field(title="ความเร่งด่วน", description="id ของระดับความเร่งด่วน (plan.yaml)")
    recovery: Id = Field(title="ระยะเวลาฟื้นคืน", description="id ของช่วงเวลาที่ต้องฟื้นคืน (plan.yaml)")


class Bia(Model, title="การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)"):
    """การวิเคราะห์ผลกระทบทางธุรกิจ (BIA): กระบวนการ ความเร่งด่วน และเวลาฟื้นคืน"""

    introduction: Text = Field(title="ข้อความนำ BIA")
    processes: list[Process] = Field(min_length=1, title="กระบวนการ", description="กระบวนการที่วิเคราะห์")


# --- resources.yaml ----------------------------------------------------------

# A resource table's cell: a count, "-" (none / not used in that window, as the plans print it),
# or null: not stated in the plan (unknown).  Not the same: totals leave "-" out and are unknown with a null.
NOT_APPLICABLE = "-"
_DASHES = {"-", "\u2013", "\u2014", "\u2212"}  # a hyphen, or the dash a word processor made of it


def _cell(value: object) -> int | str:
    if isinstance(value, str) and value.strip() in _DASHES:
        return NOT_APPLICABLE
    number = _number(value)
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError("ต้องเป็นตัวเลขจำนวนเต็ม (ใช้เลขไทยหรือเลขอารบิกก็ได้) หรือ - (ไม่มี/ไม่ใช้ในช่วงนี้) "
                         f"หรือ null (แผนไม่ได้ระบุ) (พบ {value!r})")
    return _not_negative(number)


Cell = Annotated[int | Literal["-"], PlainValidator(_cell), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^\\s*([0-9๐-๙]+|[-\u2013\u2014\u2212])\\s*$"}]})]
# A value per time window.
Quantities = dict[Id, Cell | None]


class WorkspaceNeed(Model):
    requirement: Text = Field(title="ความต้องการพื้นที่")
    source: Text = Field(title="แหล่งพื้นที่")
    windows: list[Id] = Field(min_length=1, title="ช่วงเวลาที่ใช้", description="id ของช่วงเวลาที่เริ่มใช้แหล่งนี้ (plan.yaml)")


class EquipmentNeed(Model):
    item: Text = Field(title="รายการ")
    source: Text = Field(title="แหล่งที่มา")
    unit: Text = Field(title="หน่วยนับ")
    quantities: Quantities = Field(
        title="จำนวน", description="จำนวนตามช่วงเวลา: ใส่ทุกช่วง เป็นตัวเลข หรือ - (ไม่มี/ไม่ใช้ในช่วงนี้) หรือ null (แผนไม่ได้ระบุ)")


class SystemNeed(Model):
    name: Text = Field(title="ชื่อระบบ")
    source: Text = Field(title="แหล่งที่มา")
    windows: list[Id] = Field(min_length=1, title="ช่วงเวลาที่ต้องใช้", description="id ของช่วงเวลาที่ต้องใช้ระบบ (plan.yaml)")
    notes: dict[Id, Text] = Field({}, title="หมายเหตุ", description="หมายเหตุของช่วงเวลา (id ของช่วงเวลา: ข้อความ)")


class StaffNeed(Model):
    role: Text = Field(title="บทบาท")
    counts: Quantities = Field(
        title="จำนวนคน", description="จำนวนคนตามช่วงเวลา: ตัวเลข หรือ - (ไม่มี/ไม่ใช้ในช่วงนี้) หรือ null (แผนไม่ได้ระบุ)")


class ServiceNeed(Model):
    name: Text = Field(title="ผู้ให้บริการ")
    counts: Quantities = Field(
        title="จำนวนผู้ให้บริการ", description="จำนวนตามช่วงเวลา: ตัวเลข หรือ - (ไม่มี/ไม่ใช้ในช่วงนี้) หรือ null (แผนไม่ได้ระบุ)")
    note_mark: bool = Field(False, title="เครื่องหมายหมายเหตุ (*)", description="true เมื่อแถวนี้มีเครื่องหมาย * ของหมายเหตุท้ายตาราง")


class Resources(Model, title="ทรัพยากร"):
    """ความต้องการทรัพยากรตามช่วงเวลา"""

    workspace: list[WorkspaceNeed] = Field(min_length=1, title="พื้นที่ปฏิบัติงานสำรอง")
    equipment: list[EquipmentNeed] = Field(min_length=1, title="วัสดุอุปกรณ์")
    it_introduction: Text = Field(title="ข้อความนำเทคโนโลยีสารสนเทศ")
    it_systems: list[SystemNeed] = Field(min_length=1, title="ระบบเทคโนโลยีสารสนเทศ")
    staff: list[StaffNeed] = Field(min_length=1, title="บุคลากรหลักที่จำเป็น")
    services: list[ServiceNeed] = Field(min_length=1, title="ผู้ให้บริการที่ต้องติดต่อ")
    services_note: Text | None = Field(None, title="หมายเหตุผู้ให้บริการ")


# --- procedure.yaml ----------------------------------------------------------


class Responsible(Model):
    """Either a BCP team (its lead, or the whole team) or another unit."""

    team: Id | None = Field(None, title="ทีม", description="id ของทีม (teams.yaml)")
    unit: Id | None = Field(None, title="หน่วยงาน", description="id ของหน่วยงาน (teams.yaml: units)")
    scope: Literal["lead", "team", "lead_and_team"] = Field(
        "team", title="ขอบเขต", description="lead (หัวหน้าทีม), team (ทีมงาน) หรือ lead_and_team (หัวหน้าและทีมงาน)")


class Step(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสขั้นตอน (ภาษาอังกฤษ ไม่ซ้ำกันทั้งแผน) เช่น d1-alert-staff")
    text: Text = Field(title="ข้อความขั้นตอน")
    # One line on the wall card; without it the card prints the step's opening words (bcp.cards.short_line).
    short: Text | None = Field(
        None, title="ข้อความสั้นบนบัตรติดผนัง",
        description="ข้อความสั้นหนึ่งบรรทัดของขั้นตอนนี้บนบัตรหน้าที่ติดผนัง ใช้ถ้อยคำจากข้อความขั้นตอนเอง "
                    "(ไม่ใส่ก็ได้: บัตรจะพิมพ์คำต้น ๆ ของขั้นตอนเท่าที่พอหนึ่งบรรทัด)")
    highlight: Text | None = Field(None, title="ข้อความที่เน้น")
    items: list[Text] = Field([], title="หัวข้อย่อย")
    responsible: list[Responsible] = Field(min_length=1, title="ผู้รับผิดชอบ", description="ผู้รับผิดชอบ: team หรือ unit")
    joint: bool = Field(
        False, title="รับผิดชอบร่วมกัน",
        description="true = ผู้รับผิดชอบทุกรายทำขั้นตอนนี้ร่วมกัน แสดงบรรทัดเดียวว่า \"A ร่วมกับ B\" "
        "(ไม่ใส่ = แต่ละรายแยกเป็นข้อ)")


class Phase(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสระยะ (ภาษาอังกฤษ)")
    start_day: Count = Field(title="วันเริ่มต้น")
    end_day: Count | None = Field(None, title="วันสิ้นสุด")
    within_hours: Count | None = Field(None, title="ภายในกี่ชั่วโมง")
    label: Text | None = Field(
        None, title="ชื่อเรียกช่วงเวลาของระยะ",
        description="ชื่อเรียกช่วงเวลาของระยะตามที่ต้องการให้แสดง เช่น \"วันที่ ๘ เป็นต้นไป\" "
        "(ไม่ใส่ = ระบบเขียนให้จาก start_day end_day within_hours เช่น วันที่ 1 (ภายใน 24 ชั่วโมง))")
    title: Text = Field(title="ชื่อระยะ")
    instruction: Text = Field(title="คำแนะนำของระยะ")
    steps: list[Step] = Field(min_length=1, title="ขั้นตอน")


class Procedure(Model, title="ขั้นตอน"):
    """ขั้นตอนการบริหารความต่อเนื่อง แบ่งตามระยะ"""

    phases: list[Phase] = Field(min_length=1, title="ระยะ", description="ระยะของการบริหารความต่อเนื่อง เรียงตามเวลา")


# --- checklist.yaml ----------------------------------------------------------

EVIDENCE_PATTERN = r"^[a-z_]+(:[a-z0-9_-]+)?$"
Evidence = Annotated[str, StringConstraints(pattern=EVIDENCE_PATTERN)]


def _as_list(value: object) -> object:
    # One evidence is typed as a word, several as a list: the model holds a list either way.
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


Evidences = Annotated[list[Evidence], BeforeValidator(_as_list), WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": EVIDENCE_PATTERN}, {"type": "array", "items": {"type": "string", "pattern": EVIDENCE_PATTERN}},
    {"type": "null"}]})]


class ChecklistItem(Model):
    text: Text = Field(title="ข้อความ")
    specify: Text | None = Field(None, title="ข้อความที่ระบุ", description="ข้อความที่ระบุ เช่น อื่นๆ (ระบุ) ...")
    # As ticked in the signed plan; None: not answered.
    answer: bool | None = Field(None, title="คำตอบ", description="true = มี, false = ไม่มี, ไม่ใส่ = ไม่ได้ตอบ")
    # What in the data shows it (see bcp.checklist).
    evidence: Evidences = Field(
        default_factory=list, title="หลักฐาน (evidence)",
        description="ส่วนของข้อมูลที่แสดงว่ามีจริง เช่น teams, bia, strategy:building หรือหลายส่วน เช่น [teams, call_tree]")
    items: list[ChecklistItem] = Field([], title="ข้อย่อย")


class ChecklistPart(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสส่วน (ภาษาอังกฤษ)")
    title: Text = Field(title="ชื่อส่วน")
    items: list[ChecklistItem] = Field(min_length=1, title="ข้อ")


class TaskSystem(Model):
    task: Text = Field(title="ภารกิจ/งาน")
    system: Text = Field(title="ระบบ")


class TaskTable(Model):
    question: Text = Field(title="คำถาม")
    rows: list[TaskSystem] = Field([], title="แถว")


class InfrastructureService(Model):
    name: Text = Field(title="ชื่อบริการ")
    measures: Text = Field(title="มาตรการ")
    continuous: bool = Field(False, title="บริการได้ต่อเนื่องไม่หยุดชะงัก")
    max_downtime: Text | None = Field(None, title="หยุดชะงักไม่เกิน")


class Infrastructure(Model):
    question: Text = Field(title="คำถาม")
    heading: Text = Field(title="หัวตาราง")
    services: list[InfrastructureService] = Field([], title="บริการ")


class Priorities(Model):
    """Part 3: the issues the committee asked about (resolution of a given date)."""

    title: Text = Field(title="หัวข้อ")
    resolution_date: Date = Field(title="วันที่มติ", description="วันที่มติ (ค.ศ. ปี-เดือน-วัน)")
    e_service: TaskTable = Field(title="ระบบ e-Service")
    digital_title: Text = Field(title="หัวข้อระบบดิจิทัล")
    digital_current: TaskTable = Field(title="ระบบดิจิทัลที่ใช้อยู่")
    digital_planned: TaskTable = Field(title="ระบบดิจิทัลที่วางแผนไว้")
    infrastructure: Infrastructure = Field(title="โครงสร้างพื้นฐาน")


class Checklist(Model, title="แบบตรวจสอบ"):
    """แบบตรวจสอบความครบถ้วนของแผน (Checklist)"""

    title: Text = Field(title="ชื่อแบบตรวจสอบ")
    parts: list[ChecklistPart] = Field(min_length=1, title="ส่วน")
    priorities: Priorities = Field(title="ส่วนประเด็นที่คณะกรรมการสอบถาม")
    notes: list[Text] = Field([], title="หมายเหตุ", description="หมายเหตุท้ายแบบตรวจสอบ")


# --- notes.yaml --------------------------------------------------------------


class DataNote(Model):
    id: Id = Field(title="รหัส (id)", description="รหัสบันทึก")
    topic: Text = Field(title="เรื่อง")
    source: Text = Field(title="สิ่งที่ต้นฉบับระบุ", description="ต้นฉบับว่าอย่างไร")
    decision: Text = Field(title="สิ่งที่ตัดสินใจ")
    where: Text = Field(title="แก้ที่ไฟล์", description="แก้ที่ไฟล์ใด")
    confirmed: bool = Field(False, title="สถานะการยืนยัน", description="true เมื่อผู้รับผิดชอบแผนตรวจแล้ว")


class DataNotes(Model, title="บันทึกการตัดสินใจเรื่องข้อมูล"):
    """บันทึกการตัดสินใจเรื่องข้อมูล"""

    notes: list[DataNote] = Field([], title="บันทึก")


# --- revisions.yaml ----------------------------------------------------------


class Revision(Model):
    """One approved version of the plan: what changed and who approved it."""

    version: Version = Field(title="ฉบับที่", description="ฉบับที่ เช่น \"2\"")
    date: Date = Field(title="วันที่อนุมัติ", description="วันที่อนุมัติ (ค.ศ. ปี-เดือน-วัน)")
    changes: list[Text] = Field(min_length=1, title="สิ่งที่เปลี่ยนแปลง", description="สิ่งที่เปลี่ยนแปลง ข้อละบรรทัด")
    # Name and position as signed: the approver need not be a person in the plan.
    approved_by: Text | None = Field(None, title="ผู้อนุมัติ", description="ชื่อและตำแหน่งผู้อนุมัติ (null = ไม่ทราบ)")


class Review(Model):
    """When the plan was last reviewed and exercised, and how often it must be."""

    last_reviewed: PastDate | None = Field(
        title="วันที่ทบทวนแผนครั้งล่าสุด", description="วันที่ทบทวนแผนครั้งล่าสุด (ค.ศ. ปี-เดือน-วัน)")
    review_every_months: Months = Field(title="รอบการทบทวนแผน (เดือน)", description="ต้องทบทวนทุกกี่เดือน")
    # null: no exercise on record.
    last_exercised: PastDate | None = Field(
        title="วันที่ซ้อมแผนครั้งล่าสุด",
        description="วันที่ซ้อมแผนครั้งล่าสุด (ค.ศ. ปี-เดือน-วัน) หรือ null ถ้ายังไม่มีบันทึก")
    exercise_every_months: Months = Field(title="รอบการซ้อมแผน (เดือน)", description="ต้องซ้อมแผนทุกกี่เดือน")


class Revisions(Model, title="ประวัติการแก้ไขและการทบทวน"):
    """ประวัติการแก้ไขแผน และวันที่ทบทวน/ซ้อมแผน"""

    review: Review | None = Field(None, title="การทบทวนและการซ้อมแผน")
    revisions: list[Revision] = Field(
        [], title="ประวัติการแก้ไข", description="ประวัติการแก้ไข เรียงจากเก่าไปใหม่ (ฉบับล่าสุดอยู่ล่างสุด)")


ChecklistItem.model_rebuild()


# --- labels.yaml ---------------------------------------------------------------
# The words the tool writes around the data: headings, captions, column headers, lead
# sentences and what it adds before or after a value ("ตารางที่ ๔", "ฉบับที่").  bcp/labels.yaml,
# shipped with the tool, holds each with its Thai default and where it appears; an office
# overrides any of them, key by key, in its own labels.yaml.  A label may hold placeholders
# ("{number}") that the tool fills in (bcp.labels.fill).

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
LABEL_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
LABEL_CATALOGUE_PATH = Path(__file__).with_name("labels.yaml")


def placeholders(text: str) -> list[str]:
    """The placeholders of a label, in order: "ตารางที่ {number} {team}" -> ["number", "team"]."""
    return PLACEHOLDER.findall(text)


class LabelSpec(BaseModel):
    """One label of the catalogue: its default, where it appears, what it may be filled with."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    where: str
    fills: list[str] = []  # placeholders an office may add that the default does not use
    blank: bool = False  # an office may set it to "" (something the tool adds, which it may drop)

    @property
    def allowed(self) -> list[str]:
        return list(dict.fromkeys([*placeholders(self.text), *self.fills]))


class LabelGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    labels: dict[str, LabelSpec]


class LabelCatalogue(BaseModel):
    """bcp/labels.yaml: every label the tool writes, by group, and what each placeholder means."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    placeholders: dict[str, str]
    groups: list[LabelGroup]

    @property
    def specs(self) -> dict[str, LabelSpec]:
        return {key: spec for group in self.groups for key, spec in group.labels.items()}

    @field_validator("groups")
    @classmethod
    def _keys_unique_and_ascii(cls, groups: list[LabelGroup]) -> list[LabelGroup]:
        seen: set[str] = set()
        for group in groups:
            for key, spec in group.labels.items():
                if key in seen or not LABEL_KEY.match(key):
                    raise ValueError(f"label key {key!r}: repeated or not ASCII snake_case")
                if not spec.text.strip() or not spec.where.strip():
                    raise ValueError(f"label {key!r}: a default and where it appears are required")
                seen.add(key)
        return groups

    def model_post_init(self, context: object) -> None:
        for key, spec in self.specs.items():
            unknown = set(spec.allowed) - set(self.placeholders)
            if unknown:
                raise ValueError(f"label {key!r}: placeholders {sorted(unknown)} are not described under placeholders")


def _read_label_catalogue() -> LabelCatalogue:
    # Plain PyYAML: the catalogue is the tool's own file (tests/test_labels.py checks it); the
    # careful reader of the offices' files (bcp.yaml_reading) is built on this module.
    import yaml

    # libyaml's parser where PyYAML has it: every command and build reads this file at start-up (50 ms in Python).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return LabelCatalogue.model_validate(yaml.load(LABEL_CATALOGUE_PATH.read_text(encoding="utf-8"), Loader=loader))


LABEL_CATALOGUE = _read_label_catalogue()
LABEL_SPECS = LABEL_CATALOGUE.specs


def _blankable_text(value: object) -> object:
    # Like Text, but "" is a choice: the office drops something the tool would add.
    if isinstance(value, str):
        return normalize_thai(value.strip().strip(_INVISIBLE_EDGES).strip())
    return value


def _fills_only(key: str, spec: LabelSpec) -> AfterValidator:
    def known_placeholders(text: str) -> str:
        unknown = [name for name in placeholders(text) if name not in spec.allowed]
        if unknown:
            usable = (f"ถ้อยคำนี้เติมได้เฉพาะ {', '.join('{' + name + '}' for name in spec.allowed)}" if spec.allowed
                      else "ถ้อยคำนี้ไม่มีช่องให้ระบบเติม")
            raise ValueError(f"ไม่รู้จักช่องเติม {{{unknown[0]}}}: {usable} (พิมพ์ในวงเล็บปีกกาให้ตรงตามนี้)")
        return text

    return AfterValidator(known_placeholders)


def _label_help(spec: LabelSpec) -> str:
    fills = "".join(f" {{{name}}} = {LABEL_CATALOGUE.placeholders[name]}" for name in spec.allowed)
    blank = " ใส่ \"\" ได้ถ้าไม่ต้องการให้ระบบเติม" if spec.blank else ""
    return f"{spec.where} (ค่าเริ่มต้น: {spec.text}){fills}{blank}"


def _no_default(schema: dict) -> None:
    # Not set is "the default wording"; the editor must not offer null, which the loader refuses.
    schema.pop("default", None)


class _LabelFile(Model, title="ถ้อยคำของแผน"):
    """ถ้อยคำที่ระบบเขียนเอง (หัวข้อ ชื่อตาราง หัวตาราง ข้อความนำ) ที่สำนักงานต้องการเปลี่ยน: ใส่เฉพาะที่ต้องการเปลี่ยน"""

    # A misspelt key is told with a guess; the whole list is too long for one message.
    unknown_key_help: ClassVar[str] = "รายการทั้งหมดอยู่ในคู่มือผู้รับผิดชอบแผน หัวข้อ \"เปลี่ยนถ้อยคำของแผน\""


# An office's labels.yaml: any label, each checked for the placeholders it may hold.
LabelOverrides = create_model(
    "LabelOverrides", __base__=_LabelFile, __doc__=_LabelFile.__doc__,
    **{key: (Annotated[str, BeforeValidator(_blankable_text if spec.blank else _text),
                       StringConstraints(min_length=0 if spec.blank else 1), _fills_only(key, spec)],
             Field(None, title=spec.where, description=_label_help(spec), json_schema_extra=_no_default))
       for key, spec in LABEL_SPECS.items()})

# Every label, the office's where it set one, the default elsewhere (bcp.plan.Plan.labels).
Labels = create_model("Labels", __base__=Model, **{key: (str, Field(title=spec.where)) for key, spec in LABEL_SPECS.items()})
DEFAULT_LABELS = Labels(**{key: spec.text for key, spec in LABEL_SPECS.items()})

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
    "labels.yaml": LabelOverrides,
}
