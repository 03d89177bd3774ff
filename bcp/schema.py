"""JSON Schema of each data file, generated from the pydantic models.

VS Code's YAML extension reads schema/<file>.schema.json (mapped in
.vscode/settings.json) to complete keys and flag mistakes while the plan owner
types.  The schemas are committed; a test checks they match the models, so
regenerate with `bcp schema` after changing bcp/model.py.

Thai help for the fields lives here rather than in the models, so that the
models stay readable; a field without help keeps pydantic's English title.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bcp.model import FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# What each file holds, shown when the file is opened.
FILE_HELP = {
    "plan.yaml": "ข้อมูลทั่วไปของแผน: หน้าปก บทนำ วัตถุประสงค์ สมมติฐาน ช่วงเวลา และระดับความเร่งด่วน",
    "scope.yaml": "ขอบเขตของแผน: เหตุการณ์ที่รองรับ และผลกระทบ ๕ ด้าน",
    "people.yaml": "บุคลากรในแผน: แต่ละคนมีข้อมูลที่นี่ที่เดียว ทีมงานอ้างถึงด้วย id",
    "teams.yaml": "ทีมงานบริหารความต่อเนื่อง: บทบาท บุคลากรหลัก และบุคลากรสำรอง",
    "strategies.yaml": "กลยุทธ์ความต่อเนื่อง: มาตรการต่อทรัพยากรแต่ละด้าน",
    "bia.yaml": "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA): กระบวนการ ความเร่งด่วน และเวลาฟื้นคืน",
    "resources.yaml": "ความต้องการทรัพยากรตามช่วงเวลา",
    "procedure.yaml": "ขั้นตอนการบริหารความต่อเนื่อง แบ่งตามระยะ",
    "checklist.yaml": "แบบตรวจสอบความครบถ้วนของแผน (Checklist)",
    "notes.yaml": "บันทึกการตัดสินใจเรื่องข้อมูล",
    "revisions.yaml": "ประวัติการแก้ไขแผน และวันที่ทบทวน/ซ้อมแผน",
}

# model name -> field -> Thai help.
FIELD_HELP: dict[str, dict[str, str]] = {
    "PlanInfo": {
        "title": "ชื่อแผน", "title_en": "ชื่อแผนภาษาอังกฤษ", "office": "หน่วยงานเจ้าของแผน",
        "author_unit": "ฝ่ายผู้จัดทำแผน", "date": "วันที่ของแผนฉบับนี้ (ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03)",
        "version": "ฉบับที่ของแผน: ต้องตรงกับฉบับล่าสุดใน revisions.yaml",
        "digits": "ตัวเลขที่แสดงในแผน: thai (เลขไทย) หรือ arabic (เลขอารบิก)",
        "introduction": "ย่อหน้าในบทนำ", "objectives": "วัตถุประสงค์ของแผน", "assumptions_intro": "ข้อความนำสมมติฐาน",
        "assumptions": "สมมติฐานของแผน", "alternate_site": "สถานที่ปฏิบัติงานสำรอง",
        "time_windows": "ช่วงเวลาที่ใช้ในตาราง BIA และทรัพยากร", "urgency_levels": "ระดับความเร่งด่วน",
    },
    "Office": {"name": "ชื่อหน่วยงาน", "phone": "เบอร์โทรศัพท์สำนักงาน เช่น \"054265018-21\"", "address": "ที่อยู่"},
    "AlternateSite": {"name": "ชื่อสถานที่", "address": "ที่อยู่"},
    "TimeWindow": {"id": "รหัสช่วงเวลา เช่น 4h, 1d, 1w", "amount": "จำนวน",
                   "unit": "หน่วย: hour (ชั่วโมง), day (วัน), week (สัปดาห์), month (เดือน)"},
    "UrgencyLevel": {"id": "รหัสระดับ เช่น high", "name": "ชื่อระดับ เช่น สูง"},
    "Incident": {"id": "รหัสเหตุการณ์ (ภาษาอังกฤษ)", "name": "ชื่อเหตุการณ์", "impacts": "id ของผลกระทบ (impact_areas)"},
    "ImpactArea": {"id": "รหัสผลกระทบ (ภาษาอังกฤษ)", "name": "ชื่อด้าน", "definition": "คำอธิบาย"},
    "Person": {
        "id": "รหัสบุคคล: อักษรอังกฤษตัวเล็ก ตัวเลข - หรือ _ เช่น somchai (ใช้อ้างถึงใน teams.yaml)",
        "title": "คำนำหน้า เช่น นาย นาง นางสาว", "first_name": "ชื่อ", "last_name": "นามสกุล",
        "position": "ตำแหน่ง", "extension": "เบอร์ต่อภายใน ๒ ถึง ๕ หลัก เช่น \"209\"",
        "mobile": "เบอร์มือถือ ๑๐ หลัก เช่น \"0812345678\" (ควรมีสำหรับหัวหน้าทีม)",
    },
    "Teams": {"introduction": "ย่อหน้าในบทนำทีมงาน", "role_names": "ชื่อเรียกบทบาท lead และ member",
              "bcp_head": "id ของหัวหน้าคณะบริหารความต่อเนื่อง (ต้นสาย Call Tree)",
              "teams": "ทีมงานบริหารความต่อเนื่อง", "units": "หน่วยงานผู้รับผิดชอบขั้นตอนที่ไม่ใช่ทีม BCP"},
    "Team": {"id": "รหัสทีม (ภาษาอังกฤษ)", "name": "ชื่อทีม เช่น ด้านการป้องกันและปฏิบัติการ", "roles": "บทบาทในทีม"},
    "Role": {"role": "lead (หัวหน้าทีม) หรือ member (ทีมงาน)", "primary": "id ของบุคลากรหลัก (people.yaml)",
             "backup": "id ของบุคลากรสำรอง (people.yaml): ต้องมี และต้องไม่ใช่คนเดียวกับบุคลากรหลัก"},
    "Unit": {"id": "รหัสหน่วยงาน (ภาษาอังกฤษ)", "name": "ชื่อหน่วยงาน", "teams": "id ของทีมที่ทำงานแทนหน่วยงานนี้"},
    "Strategy": {"area": "id ของผลกระทบ (scope.yaml)", "resource": "ชื่อทรัพยากร", "measures": "มาตรการ"},
    "Bullet": {"text": "ข้อความ", "highlight": "ข้อความที่ต้นฉบับขีดเส้นใต้"},
    "Process": {"id": "รหัสกระบวนการ (ภาษาอังกฤษ)", "name": "ชื่อกระบวนการ",
                "urgency": "id ของระดับความเร่งด่วน (plan.yaml)", "recovery": "id ของช่วงเวลาที่ต้องฟื้นคืน (plan.yaml)"},
    "EquipmentNeed": {"item": "รายการ", "source": "แหล่งที่มา", "unit": "หน่วยนับ",
                      "quantities": "จำนวนตามช่วงเวลา: ใส่ทุกช่วง null = แผนไม่ได้ระบุ"},
    "StaffNeed": {"role": "บทบาท", "counts": "จำนวนคนตามช่วงเวลา"},
    "ServiceNeed": {"name": "ผู้ให้บริการ", "counts": "จำนวนตามช่วงเวลา"},
    "Phase": {"id": "รหัสระยะ (ภาษาอังกฤษ)", "start_day": "วันเริ่มต้น", "end_day": "วันสิ้นสุด",
              "within_hours": "ภายในกี่ชั่วโมง", "title": "ชื่อระยะ", "instruction": "คำแนะนำของระยะ", "steps": "ขั้นตอน"},
    "Step": {"id": "รหัสขั้นตอน (ภาษาอังกฤษ ไม่ซ้ำกันทั้งแผน) เช่น d1-alert-staff", "text": "ข้อความขั้นตอน",
             "highlight": "ข้อความที่เน้น", "items": "หัวข้อย่อย", "responsible": "ผู้รับผิดชอบ: team หรือ unit"},
    "Responsible": {"team": "id ของทีม (teams.yaml)", "unit": "id ของหน่วยงาน (teams.yaml: units)",
                    "scope": "lead (หัวหน้าทีม), team (ทีมงาน) หรือ lead_and_team (หัวหน้าและทีมงาน)"},
    "ChecklistItem": {"text": "ข้อความ", "specify": "ข้อความที่ระบุ", "answer": "true = มี, false = ไม่มี, ไม่ใส่ = ไม่ได้ตอบ",
                      "evidence": "ส่วนของข้อมูลที่แสดงว่ามีจริง เช่น teams, bia, strategy:building", "items": "ข้อย่อย"},
    "DataNote": {"id": "รหัสบันทึก", "topic": "เรื่อง", "source": "ต้นฉบับว่าอย่างไร", "decision": "สิ่งที่ตัดสินใจ",
                 "where": "แก้ที่ไฟล์ใด", "confirmed": "true เมื่อผู้รับผิดชอบแผนตรวจแล้ว"},
    "Revisions": {"review": "การทบทวนและการซ้อมแผน", "revisions": "ประวัติการแก้ไข เรียงจากเก่าไปใหม่ (ฉบับล่าสุดอยู่ล่างสุด)"},
    "Review": {
        "last_reviewed": "วันที่ทบทวนแผนครั้งล่าสุด (ค.ศ. ปี-เดือน-วัน)",
        "review_every_months": "ต้องทบทวนทุกกี่เดือน",
        "last_exercised": "วันที่ซ้อมแผนครั้งล่าสุด (ค.ศ. ปี-เดือน-วัน) หรือ null ถ้ายังไม่มีบันทึก",
        "exercise_every_months": "ต้องซ้อมแผนทุกกี่เดือน",
    },
    "Revision": {"version": "ฉบับที่ เช่น \"2\"", "date": "วันที่อนุมัติ (ค.ศ. ปี-เดือน-วัน)",
                 "changes": "สิ่งที่เปลี่ยนแปลง ข้อละบรรทัด", "approved_by": "ชื่อและตำแหน่งผู้อนุมัติ (null = ไม่ทราบ)"},
}


def _describe(schema: dict[str, Any], model_name: str) -> None:
    # Model docstrings are notes for developers, not help for the plan owner.
    schema.pop("description", None)
    for name, prop in schema.get("properties", {}).items():
        help_text = FIELD_HELP.get(model_name, {}).get(name)
        if help_text:
            prop.pop("title", None)
            prop["description"] = help_text


def schema_for(file: str) -> dict[str, Any]:
    model = FILES[file]
    schema = model.model_json_schema()
    _describe(schema, model.__name__)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    schema["description"] = FILE_HELP.get(file, schema.get("description", ""))
    return {"$schema": DIALECT, "title": file, **{k: v for k, v in schema.items() if k != "title"}}


def schema_name(file: str) -> str:
    return file.removesuffix(".yaml") + ".schema.json"


def schema_text(file: str) -> str:
    return json.dumps(schema_for(file), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, check: bool = False) -> list[str]:
    """Write every data file's schema into `folder`; return the names that were stale.

    With check=True nothing is written."""
    stale = []
    if not check:
        folder.mkdir(parents=True, exist_ok=True)
    for file in FILES:
        path = folder / schema_name(file)
        text = schema_text(file)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale
