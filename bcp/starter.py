"""`bcp new FOLDER`: a complete starter plan for a new office, every data file commented in Thai.

The files are written from the models (bcp.model): each key's comment is its
field's Thai title and description, so the starter says what the editor's help
and the messages say.  A field added to a model must be given a value in
STARTER (tests/test_starter.py looks for every field in the written files), and a
key the models do not know stops the writing (StarterIncomplete).  The values
below are the only thing kept here: neutral defaults a plan may keep (the time
windows, the five impact areas) and placeholders it must replace.

A placeholder is text in «» (French quotes, which no Thai plan uses), or one of
PLACEHOLDER_VALUES where text cannot go (a phone number, an extension, a date).
`bcp check` warns at each one, with file and line, until it is replaced
(bcp.validate: starter_values_are_replaced).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bcp.field_errors import inner_model
from bcp.model import FILES, LABEL_SPECS
from bcp.publish import disk_message

PLACEHOLDER = re.compile("«[^»]*»")
# Typed values that cannot carry «»: numbers no office has, and a date no plan is from.
OFFICE_PHONE = "020000000"
MOBILE = "0800000000"
EXTENSION = "000"
UNKNOWN_DATE = dt.date(1900, 1, 1)
PLACEHOLDER_VALUES = {OFFICE_PHONE, MOBILE, EXTENSION, UNKNOWN_DATE.isoformat()}


def placeholder_message(text: str) -> str | None:
    """The Thai warning for a value still as the starter wrote it, or None."""
    if PLACEHOLDER.search(text):
        return "ยังเป็นค่าตัวอย่างของแผนเริ่มต้น: แก้เป็นข้อมูลจริงของสำนักงาน และลบเครื่องหมาย « »"
    if text.strip() in PLACEHOLDER_VALUES:
        return f"ยังเป็นค่าตัวอย่างของแผนเริ่มต้น ({text.strip()}): ใส่ค่าจริงของสำนักงาน"
    return None


@dataclass(frozen=True)
class Commented:
    """An optional field shown commented out: its value cannot be a placeholder (an address the QR codes use)."""

    value: Any


TODAY = "{today}"  # the day `bcp new` ran, filled in when writing

def _person(person_id: str, who: str, position: str) -> dict:
    return {"id": person_id, "title": f"«คำนำหน้าของ{who}»", "first_name": f"«ชื่อ{who}»",
            "last_name": f"«นามสกุล{who}»", "position": f"«{position}»", "extension": EXTENSION, "mobile": MOBILE}


def _windows(values: tuple) -> dict:
    return dict(zip(("4h", "1d", "1w", "1m"), values))


# Each data file's starter content, in the models' terms.  Every field of every model appears at
# least once (a test checks it), so the owner sees each optional section and how it is written.
STARTER: dict[str, dict] = {
    "plan.yaml": {
        "title": "แผนบริหารความต่อเนื่อง",
        "title_en": "Business Continuity Plan (BCP)",
        "office": {"name": "«ชื่อเต็มของสำนักงาน»", "phone": OFFICE_PHONE, "address": "«ที่อยู่ของสำนักงาน»"},
        "author_unit": "«ฝ่ายที่จัดทำแผน เช่น ฝ่ายบริหารทั่วไป»",
        "date": TODAY,
        "version": "1",
        "cover_notice": "«ข้อความแจ้งบนหน้าปก เช่น ฉบับร่าง รอผู้บริหารอนุมัติ (ไม่บังคับ)»",
        "digits": "thai",
        "introduction": ["«ย่อหน้าแรกของบทนำ: แผนนี้จัดทำขึ้นเพื่ออะไร»",
                         "«ย่อหน้าถัดไปของบทนำ (ย่อหน้าละหนึ่งรายการ)»"],
        "objectives": ["«วัตถุประสงค์ข้อที่ ๑»", "«วัตถุประสงค์ข้อที่ ๒»"],
        "assumptions_intro": "แผนนี้จัดทำขึ้นภายใต้สมมติฐาน ดังต่อไปนี้",
        "assumptions": ["«สมมติฐานข้อที่ ๑ เช่น เหตุการณ์ไม่กระทบสถานที่ปฏิบัติงานสำรอง»"],
        "alternate_sites": [
            {"name": "«ชื่อสถานที่ปฏิบัติงานสำรองแห่งที่ ๑»", "address": "«ที่อยู่ของสถานที่ปฏิบัติงานสำรอง»",
             "notes": "«หมายเหตุ เช่น ผู้ประสานงานของสถานที่ (ไม่บังคับ)»"},
            {"name": "«สถานที่แห่งที่ ๒ เมื่อแห่งที่ ๑ ใช้ไม่ได้ (ไม่บังคับ)»"},
        ],
        # The single form, shown as the other way to write it: the two cannot be used together.
        "alternate_site": Commented({"name": "«ชื่อสถานที่ปฏิบัติงานสำรอง»"}),
        "site_url": Commented("http://bcp.intranet.local/"),
        "time_windows": [
            {"id": "4h", "amount": 4, "unit": "hour"},
            {"id": "1d", "amount": 1, "unit": "day"},
            {"id": "1w", "amount": 1, "unit": "week"},
            {"id": "1m", "amount": 1, "unit": "month"},
        ],
        "urgency_levels": [{"id": "high", "name": "สูง"}, {"id": "medium", "name": "ปานกลาง"}, {"id": "low", "name": "ต่ำ"}],
    },
    "scope.yaml": {
        "introduction": "«ข้อความนำขอบเขตของแผน: แผนนี้รองรับเหตุการณ์ใดบ้าง»",
        "incidents": [
            {"id": "fire", "name": "เหตุการณ์อัคคีภัย", "impacts": ["building", "equipment", "it", "people", "partners"]},
            {"id": "epidemic", "name": "เหตุการณ์โรคระบาด", "impacts": ["people", "partners"]},
        ],
        "resource_analysis": "«ข้อความนำการวิเคราะห์ทรัพยากร: ทรัพยากรที่สำคัญพิจารณาจากผลกระทบ ๕ ด้าน»",
        "impact_areas": [
            {"id": "building", "name": "ด้านอาคาร/สถานที่ปฏิบัติงานหลัก",
             "definition": "สถานที่ปฏิบัติงานหลักเสียหายหรือเข้าไปปฏิบัติงานไม่ได้"},
            {"id": "equipment", "name": "ด้านวัสดุอุปกรณ์ที่สำคัญ",
             "definition": "ใช้งาน จัดหา หรือจัดส่งวัสดุอุปกรณ์ที่สำคัญไม่ได้"},
            {"id": "it", "name": "ด้านเทคโนโลยีสารสนเทศและข้อมูลที่สำคัญ",
             "definition": "ระบบสารสนเทศหรือข้อมูลที่สำคัญใช้งานไม่ได้ตามปกติ"},
            {"id": "people", "name": "ด้านบุคลากรหลัก", "definition": "บุคลากรหลักมาปฏิบัติงานไม่ได้ตามปกติ"},
            {"id": "partners", "name": "ด้านคู่ค้า/ผู้ให้บริการที่สำคัญ/ผู้มีส่วนได้ส่วนเสีย",
             "definition": "คู่ค้าหรือผู้ให้บริการติดต่อหรือให้บริการไม่ได้"},
        ],
    },
    "people.yaml": {
        "people": [
            _person("head", "หัวหน้าสำนักงาน", "ตำแหน่งของหัวหน้าสำนักงาน"),
            _person("deputy", "ผู้ทำหน้าที่แทนหัวหน้า", "ตำแหน่ง"),
            _person("staff-1", "เจ้าหน้าที่คนที่ ๑", "ตำแหน่ง"),
            _person("staff-2", "เจ้าหน้าที่คนที่ ๒", "ตำแหน่ง"),
            _person("staff-3", "เจ้าหน้าที่คนที่ ๓", "ตำแหน่ง"),
        ],
    },
    "teams.yaml": {
        "introduction": ["«บทนำทีมงาน: ทีมงานบริหารความต่อเนื่องประกอบด้วยใคร และผู้สำรองทำหน้าที่เมื่อใด»"],
        "role_names": {"lead": "หัวหน้าทีม", "member": "ทีมงาน"},
        "bcp_head": "head",
        "teams": [
            {"id": "operations", "name": "«ชื่อทีม เช่น ด้านการป้องกันและปฏิบัติการ»", "roles": [
                {"role": "lead", "primary": "head", "backup": "deputy"},
                {"role": "member", "primary": "staff-1", "backup": "staff-2"},
            ]},
            {"id": "support", "name": "«ชื่อทีม เช่น ด้านสนับสนุน»", "roles": [
                {"role": "lead", "primary": "deputy", "backups": ["staff-1", "staff-3"]},
                {"role": "member", "primary": "staff-3", "backup": "staff-2"},
            ]},
        ],
        "units": [
            {"id": "general-admin", "name": "«ชื่อฝ่ายที่รับผิดชอบขั้นตอน เช่น ฝ่ายบริหารทั่วไป»"},
            {"id": "all-teams", "name": "ทีมงานบริหารความต่อเนื่องทุกด้าน", "teams": ["operations", "support"]},
        ],
    },
    "strategies.yaml": {
        "strategies": [
            {"area": "building", "resource": "อาคาร/สถานที่ปฏิบัติงานสำรอง",
             "measures": [{"text": "«มาตรการ เช่น ย้ายไปปฏิบัติงาน ณ สถานที่ปฏิบัติงานสำรอง»",
                           "highlight": "«ข้อความที่ต้องการเน้น (ไม่บังคับ)»"}]},
            {"area": "equipment", "resource": "วัสดุอุปกรณ์ที่สำคัญ", "measures": [{"text": "«มาตรการด้านวัสดุอุปกรณ์»"}]},
            {"area": "it", "resource": "เทคโนโลยีสารสนเทศและข้อมูลที่สำคัญ", "measures": [{"text": "«มาตรการด้านเทคโนโลยีสารสนเทศ»"}]},
            {"area": "people", "resource": "บุคลากรหลัก", "measures": [{"text": "«มาตรการด้านบุคลากร»"}]},
            {"area": "partners", "resource": "คู่ค้า/ผู้ให้บริการที่สำคัญ", "measures": [{"text": "«มาตรการด้านคู่ค้าและผู้ให้บริการ»"}]},
        ],
    },
    "bia.yaml": {
        "introduction": "«ข้อความนำการวิเคราะห์ผลกระทบทางธุรกิจ: กระบวนการใดต้องฟื้นคืนก่อน»",
        "processes": [
            {"id": "process-1", "name": "«ชื่องานหรือกระบวนการที่สำคัญ ๑»", "urgency": "high", "recovery": "1d"},
            {"id": "process-2", "name": "«ชื่องานหรือกระบวนการที่สำคัญ ๒»", "urgency": "medium", "recovery": "1w"},
        ],
    },
    "resources.yaml": {
        "workspace": [{"requirement": "«พื้นที่ที่ต้องการ เช่น ๓ ตร.ม. ต่อเจ้าหน้าที่ ๑ คน»",
                       "source": "«แหล่งพื้นที่ เช่น สถานที่ปฏิบัติงานสำรอง»", "windows": ["1d"]}],
        "equipment": [
            {"item": "«รายการวัสดุอุปกรณ์ เช่น คอมพิวเตอร์โน้ตบุ๊ก»", "source": "«แหล่งที่มา»", "unit": "เครื่อง",
             "quantities": _windows((1, 2, 2, 2))},
            {"item": "«รายการที่บางช่วงไม่ใช้ (-) หรือแผนไม่ได้ระบุ (null)»", "source": "«แหล่งที่มา»", "unit": "เครื่อง",
             "quantities": _windows((1, 1, "-", None))},
        ],
        "it_introduction": "«ข้อความนำเทคโนโลยีสารสนเทศ: ระบบที่ต้องใช้ และใครดูแล»",
        "it_systems": [{"name": "«ชื่อระบบงาน»", "source": "«แหล่งที่มา เช่น ส่วนกลาง»", "windows": ["1d", "1w", "1m"],
                        "notes": {"1w": "«หมายเหตุของช่วงเวลานี้ (ไม่บังคับ)»"}}],
        "staff": [{"role": "«บทบาทของเจ้าหน้าที่ที่จำเป็น»", "counts": _windows((1, 2, 2, 3))}],
        "services": [{"name": "«ผู้ให้บริการที่ต้องติดต่อ เช่น ผู้ให้บริการอินเทอร์เน็ต»", "counts": _windows((1, 1, 1, 1)),
                      "note_mark": True}],
        "services_note": "«หมายเหตุท้ายตารางผู้ให้บริการ (แถวที่มี note_mark: true)»",
    },
    "procedure.yaml": {
        "phases": [
            {"id": "day-1", "start_day": 1, "within_hours": 24, "title": "การตอบสนองต่อเหตุการณ์ทันที",
             "instruction": "«คำแนะนำของระยะนี้ เช่น คำนึงถึงความปลอดภัยในชีวิตก่อน»",
             "steps": [
                 {"id": "d1-alert", "text": "«ขั้นตอนแรก เช่น แจ้งเหตุตามสายการแจ้งเหตุ (Call Tree)»",
                  "short": "«ข้อความสั้นบนบัตรติดผนัง เช่น แจ้งเหตุตาม Call Tree (ไม่บังคับ)»",
                  "responsible": [{"team": "operations", "scope": "lead"}]},
                 {"id": "d1-assess", "text": "«ขั้นตอนถัดไป เช่น ประชุมประเมินความเสียหาย»",
                  "highlight": "«ข้อความที่ต้องการเน้น (ไม่บังคับ)»",
                  "items": ["«หัวข้อย่อยที่ ๑ (ไม่บังคับ)»", "«หัวข้อย่อยที่ ๒»"],
                  "responsible": [{"team": "operations", "scope": "lead_and_team"}, {"team": "support", "scope": "team"}],
                  "joint": True},
                 {"id": "d1-report", "text": "«ขั้นตอนที่หน่วยงานอื่นรับผิดชอบ»",
                  "responsible": [{"unit": "general-admin"}]},
             ]},
            {"id": "days-2-7", "start_day": 2, "end_day": 7, "title": "การกอบกู้กระบวนการ",
             "instruction": "«คำแนะนำของระยะนี้»",
             "steps": [{"id": "d2-recover", "text": "«ขั้นตอนของทุกทีม เช่น กอบกู้งานที่สำคัญตามลำดับ»",
                        "responsible": [{"unit": "all-teams"}]}]},
            {"id": "day-8-on", "start_day": 8, "label": "วันที่ ๘ เป็นต้นไป", "title": "การกลับสู่สภาวะปกติ",
             "instruction": "«คำแนะนำของระยะนี้»",
             "steps": [{"id": "d8-return", "text": "«ขั้นตอน เช่น ย้ายกลับสถานที่ปฏิบัติงานหลัก»",
                        "responsible": [{"team": "support", "scope": "lead"}]}]},
        ],
    },
    "checklist.yaml": {
        "title": "แบบตรวจสอบความครบถ้วนของแผนบริหารความต่อเนื่อง (Checklist)",
        "parts": [
            {"id": "basics", "title": "ข้อมูลพื้นฐาน", "items": [
                {"text": "ก่อนหน้านี้มีแผนเดิมอยู่", "answer": None},
                {"text": "แผนรองรับเหตุการณ์ ดังต่อไปนี้", "items": [
                    {"text": "เหตุการณ์อัคคีภัย", "answer": True, "evidence": "incident:fire"},
                    {"text": "เหตุการณ์โรคระบาด", "answer": True, "evidence": "incident:epidemic"},
                    {"text": "อื่น ๆ (ระบุ)", "specify": "«เหตุการณ์อื่นที่รองรับ (ไม่บังคับ)»", "answer": False},
                ]},
            ]},
            {"id": "components", "title": "องค์ประกอบของแผน", "items": [
                {"text": "ทีมงานบริหารความต่อเนื่อง", "answer": True, "evidence": "teams"},
                {"text": "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)", "answer": True, "evidence": "bia"},
                {"text": "ความต้องการทรัพยากรที่สำคัญ", "answer": True, "evidence": "resources"},
                {"text": "กลยุทธ์ด้านอาคารและด้านเทคโนโลยีสารสนเทศ", "answer": True,
                 "evidence": ["strategy:building", "strategy:it"]},
                {"text": "กระบวนการแจ้งเหตุฉุกเฉิน (Call Tree)", "answer": True, "evidence": "call_tree"},
                {"text": "ขั้นตอนการบริหารความต่อเนื่อง", "answer": True, "evidence": "procedure"},
            ]},
        ],
        "priorities": {
            "title": "ประเด็นที่คณะกรรมการให้ความสำคัญ",
            "resolution_date": UNKNOWN_DATE,
            "e_service": {"question": "«คำถามเรื่องระบบ e-Service ตามแบบตรวจสอบ»",
                          "rows": [{"task": "«ภารกิจหรืองาน»", "system": "«ระบบที่ใช้หรือจะพัฒนา»"}]},
            "digital_title": "การนำระบบเทคโนโลยีดิจิทัลมาใช้ในการบริหารงาน",
            "digital_current": {"question": "«คำถามเรื่องระบบดิจิทัลที่ใช้อยู่»", "rows": []},
            "digital_planned": {"question": "«คำถามเรื่องระบบดิจิทัลที่วางแผนไว้»", "rows": []},
            "infrastructure": {"question": "«คำถามเรื่องบริการโครงสร้างพื้นฐาน»", "heading": "«หัวตาราง»",
                               "services": [{"name": "«ชื่อบริการ (ถ้าสำนักงานไม่มี ให้เป็น services: [])»",
                                             "measures": "«มาตรการ»", "continuous": False,
                                             "max_downtime": "«หยุดชะงักได้ไม่เกิน เช่น ๑ วัน»"}]},
        },
        "notes": ["«หมายเหตุท้ายแบบตรวจสอบ (ไม่บังคับ)»"],
    },
    "notes.yaml": {
        "notes": [{"id": "example-note", "topic": "«เรื่องที่ต้องบันทึก (ไม่มี ให้เป็น notes: [])»",
                   "source": "«ต้นฉบับว่าอย่างไร»", "decision": "«ตัดสินใจอย่างไร»",
                   "where": "«แก้ที่ไฟล์ใด เช่น people.yaml»", "confirmed": False}],
    },
    "revisions.yaml": {
        "review": {"last_reviewed": None, "review_every_months": 12, "last_exercised": None, "exercise_every_months": 12},
        "revisions": [{"version": "1", "date": TODAY, "changes": ["จัดทำแผน"],
                       "approved_by": "«ชื่อและตำแหน่งผู้อนุมัติ»"}],
    },
    # Every label at its default, each explained: commented out, to be uncommented and reworded where the
    # office writes otherwise; the first one in use, to show the form (and a file of comments only is empty).
    "labels.yaml": {key: spec.text if index == 0 else Commented(spec.text)
                    for index, (key, spec) in enumerate(LABEL_SPECS.items())},
}

HEADER = (
    f"แผนเริ่มต้นจากคำสั่ง bcp new: ข้อความในเครื่องหมาย « » เบอร์โทร {OFFICE_PHONE} และ {MOBILE} เบอร์ต่อ {EXTENSION} "
    f"และวันที่ {UNKNOWN_DATE.isoformat()} เป็นค่าตัวอย่าง",
    "แก้เป็นข้อมูลจริงของสำนักงาน (make check เตือนทุกค่าที่ยังเป็นค่าตัวอย่าง พร้อมบรรทัด)",
    "บรรทัดที่ขึ้นต้นด้วย # เป็นคำอธิบาย ระบบไม่อ่าน ช่องที่ (ไม่บังคับ) ลบได้ทั้งบรรทัด",
)

# A plain YAML scalar that every reader (this tool's, VS Code's YAML 1.2, PyYAML's 1.1) takes as this text.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^:#]|:(?!\s)|(?<!\s)#)*(?<![\s:])")
_LOOKS_TYPED = re.compile(r"[-+0-9.:_\s]*|(?i:null|true|false|yes|no|on|off|y|n|~)")


def _scalar(value: Any, in_flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    text = str(value)
    plain = _PLAIN.fullmatch(text) and not _LOOKS_TYPED.fullmatch(text)
    if plain and not (in_flow and re.search(r"[,\[\]{}]", text)):
        return text
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


# Fields the model lets be absent but bcp.validate requires, with its own message: one of each pair.
REQUIRED_BY_VALIDATION = {("Role", "backup"), ("Role", "backups"), ("PlanInfo", "alternate_site"),
                          ("PlanInfo", "alternate_sites")}


def _comment(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    title, description = field.title or name, field.description
    text = description if description and description.startswith(title) else (
        f"{title}: {description}" if description else title)
    optional = not field.is_required() and (model.__name__, name) not in REQUIRED_BY_VALIDATION
    return text + (" (ไม่บังคับ)" if optional else "")


class StarterIncomplete(Exception):
    """STARTER names a key its model does not have: the models changed and the starter did not."""


class _Writer:
    """One data file's text: keys in the order STARTER gives them, each field explained the first time it appears."""

    def __init__(self) -> None:
        self.explained: set[tuple[type, str]] = set()

    def mapping(self, model: type[BaseModel], data: dict, indent: int) -> list[str]:
        lines: list[str] = []
        pad = " " * indent
        for name, value in data.items():
            if name not in model.model_fields:
                raise StarterIncomplete(f"{model.__name__} has no field {name!r}")
            if indent == 0 and lines:
                lines.append("")
            if (model, name) not in self.explained:
                self.explained.add((model, name))
                lines.append(f"{pad}# {_comment(model, name)}")
            annotation = model.model_fields[name].annotation
            if isinstance(value, Commented):
                lines += [f"{pad}# {line[indent:]}" for line in self.entry(name, value.value, annotation, indent)]
            else:
                lines += self.entry(name, value, annotation, indent)
        return lines

    def entry(self, key: str, value: Any, annotation: Any, indent: int) -> list[str]:
        pad = " " * indent
        model = inner_model(annotation)
        if isinstance(value, dict) and model is not None:
            return [f"{pad}{key}:", *self.mapping(model, value, indent + 2)]
        if isinstance(value, dict):
            return [f"{pad}{key}: {{" + ", ".join(f"{k}: {_scalar(v, in_flow=True)}" for k, v in value.items()) + "}"]
        if isinstance(value, list) and model is not None and value:
            return [f"{pad}{key}:", *(line for item in value for line in self.item(model, item, indent + 2))]
        if isinstance(value, list) and all(re.fullmatch(r"[a-z0-9_-]+", str(v)) for v in value):
            return [f"{pad}{key}: [" + ", ".join(value) + "]"]  # ids, on one line
        if isinstance(value, list):
            return [f"{pad}{key}:", *(f"{pad}  - {_scalar(v)}" for v in value)]
        return [f"{pad}{key}: {_scalar(value)}"]

    def item(self, model: type[BaseModel], data: dict, indent: int) -> list[str]:
        """A list item: its first key after "- ", the comments before it at the dash's indent."""
        lines = self.mapping(model, data, indent + 2)
        first = next(index for index, line in enumerate(lines) if not line.lstrip().startswith("#"))
        lines = [line[2:] for line in lines[:first]] + lines[first:]
        lines[first] = " " * indent + "- " + lines[first][indent + 2:]
        return lines


def starter_text(file: str, today: dt.date) -> str:
    """The text of one starter data file."""
    model = FILES[file]
    data = _dated(STARTER[file], today)
    header = [f"{file}: {model.model_config.get('title') or ''}", *(model.__doc__ or "").strip().splitlines(), "", *HEADER]
    lines = [f"# {line}".rstrip() for line in header] + [""] + _Writer().mapping(model, data, 0)
    return "\n".join(lines) + "\n"


def _dated(value: Any, today: dt.date) -> Any:
    if value == TODAY:
        return today
    if isinstance(value, dict):
        return {key: _dated(item, today) for key, item in value.items()}
    if isinstance(value, list):
        return [_dated(item, today) for item in value]
    return value


class StarterError(Exception):
    """The starter cannot be written there: a Thai message naming the folder."""


def write_starter(folder: Path, today: dt.date) -> list[str]:
    """Write every data file into `folder`, which must be new or empty; return the file names.

    The files are written into a fresh folder beside it, then renamed into place at
    once: a failure leaves nothing half-written, and a folder with files is never touched."""
    target = Path(os.path.abspath(folder))
    if folder.exists() and not folder.is_dir():
        raise StarterError(f"{folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์: ระบุชื่อโฟลเดอร์ใหม่สำหรับแผนของสำนักงาน")
    if folder.is_dir() and any(folder.iterdir()):
        raise StarterError(f"โฟลเดอร์ {folder} มีไฟล์อยู่แล้ว: bcp new ไม่เขียนทับข้อมูลเดิม "
                           "ให้ระบุโฟลเดอร์ใหม่ที่ยังไม่มี หรือโฟลเดอร์ว่าง")
    texts = {file: starter_text(file, today) for file in FILES}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))
    except OSError as error:
        raise StarterError(f"สร้างโฟลเดอร์ {folder} ไม่ได้: {disk_message(error)}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(work, 0o777 & ~umask)  # as a folder made by hand, not mkdtemp's owner-only
        for file, text in texts.items():
            (work / file).write_text(text, encoding="utf-8")
        os.rename(work, target)  # onto an empty folder too (POSIX)
    except OSError as error:
        raise StarterError(f"เขียนแผนเริ่มต้นลงใน {folder} ไม่ได้: {disk_message(error)}") from None
    finally:
        if work.exists():
            for leftover in work.iterdir():
                leftover.unlink()
            work.rmdir()
    return list(texts)
