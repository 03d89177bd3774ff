"""The plan's wording (bcp/labels.yaml, an office's labels.yaml): every word the tool writes around
the data comes from a label, an office changes any of them, the tool counts the tables, and no word
is said twice.  The second office's own wording is read from its site and PDF in test_second_office.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from bcp import load_plan
from bcp.labels import fill, fill_text
from bcp.model import DEFAULT_LABELS, FILES, LABEL_CATALOGUE, LABEL_SPECS
from conftest import LAMPANG, ROOT, SECOND_OFFICE, DataCopy, built_site
from test_diff import repo  # noqa: F401 (the fixture)
from test_second_office import fold, one, page, text_of

PARTIALS = ROOT / "overrides" / "partials" / "bcp"
THAI = re.compile("[\u0e00-\u0e7f]")


# --- the catalogue ----------------------------------------------------------------------------------


def _used_keys() -> set[str]:
    """Every label the partials, the pages, the code and mkdocs.yml's navigation print."""
    sources = [*PARTIALS.glob("*.html"), *(ROOT / "docs").rglob("*.md"), *(ROOT / "bcp").rglob("*.py"),
               *(ROOT / "bcp_mkdocs").glob("*.py"), ROOT / "macros.py"]
    used: set[str] = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        # labels.<key>, not a method call (labels.items()) nor a file named in prose (labels.yaml)
        used |= set(re.findall(r"labels\.(?!fill\b|py\b|yaml\b)([a-z][a-z0-9_]*)\b(?!\()", text))
        used |= set(re.findall(r"labels\.fill\(\"([a-z][a-z0-9_]*)\"", text))
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    used |= set(re.findall(r"^\s*- ([a-z][a-z0-9_]*):", nav, re.M))
    # Named from data rather than written out: a time window's unit (Plan.window_label), a file's diff section.
    used |= {"hour", "day", "week", "month"} | {"diff_" + name.removesuffix(".yaml") for name in FILES}
    return used


def test_every_label_is_printed_somewhere_and_every_label_printed_is_in_the_catalogue():
    used = _used_keys()
    assert sorted(used - set(LABEL_SPECS)) == [], "printed but not in bcp/labels.yaml"
    assert sorted(set(LABEL_SPECS) - used) == [], "in bcp/labels.yaml but printed nowhere"


def test_each_default_holds_only_placeholders_it_is_given_and_may_be_blank_only_where_said():
    for key, spec in LABEL_SPECS.items():
        assert getattr(DEFAULT_LABELS, key) == spec.text
        assert THAI.search(spec.where), key  # where it appears, in Thai, for the owner guide and the editor
    assert {name for spec in LABEL_SPECS.values() for name in spec.allowed} <= set(LABEL_CATALOGUE.placeholders)
    assert LABEL_SPECS["bia_table_reference"].blank and not LABEL_SPECS["scope_title"].blank


def _thai_outside_comments(template: str) -> list[str]:
    """The lines of a partial with Thai letters of their own: anywhere but in a Jinja comment,
    so in a heading, a caption, a column header, a sentence or a string inside {{ }} alike."""
    without_comments = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group().count("\n"), template, flags=re.S)
    return [line.strip() for line in without_comments.splitlines() if THAI.search(line)]


def test_the_scan_finds_thai_written_into_a_partial():
    assert _thai_outside_comments("<table><caption>ตารางที่ {{ n }}</caption></table>")
    assert _thai_outside_comments('<tr><th scope="col">บทบาท</th></tr>')
    assert _thai_outside_comments("<h2>{{ 'การแจ้งเหตุ' }}</h2>")
    assert _thai_outside_comments("<p>{% if x %}ไม่มี{% endif %}</p>")
    assert not _thai_outside_comments("{# ตารางทีมงาน #}\n<th>{{ labels.column_role }}</th>")


@pytest.mark.parametrize("partial", sorted(p.name for p in PARTIALS.glob("*.html")))
def test_no_partial_writes_a_heading_caption_column_header_or_sentence_of_its_own(partial):
    # Every word a partial prints around the data is a label (labels.<key>): an office can change it.
    assert _thai_outside_comments((PARTIALS / partial).read_text(encoding="utf-8")) == []


def test_no_page_writes_a_heading_or_sentence_of_its_own():
    # docs/*.md: headings and lead sentences are labels; the owner guide is the tool's own manual.
    pages = [p for p in (ROOT / "docs").rglob("*.md") if p.name != "owner-guide.md"]
    assert len(pages) > 10
    for path in pages:
        body = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)  # front matter
        assert _thai_outside_comments(body) == [], path
        for heading in re.findall(r"^#+ .*$", body, re.M):
            assert re.search(r"\{ #[a-z-]+ \}$", heading), heading  # ids stay ASCII and stable


# --- filling a label -----------------------------------------------------------------------------------


def test_a_label_and_its_values_are_text_never_markup():
    html = fill("<b>ตารางที่</b> {number} {team}", number="๑", team="ทีม <i>x</i> & y")
    assert html == "&lt;b&gt;ตารางที่&lt;/b&gt; ๑ ทีม &lt;i&gt;x&lt;/i&gt; &amp; y"
    # a value the template rendered itself (a link) stays as it is
    assert fill("โทร {phone}", phone=Markup('<a href="tel:1">1</a>')) == 'โทร <a href="tel:1">1</a>'
    assert fill_text("{number}. {title}", number="2", title="x") == "2. x"
    with pytest.raises(KeyError):
        fill("ตารางที่ {number}")  # a placeholder the template forgot is a fault, never printed as it is


# --- an office's labels.yaml --------------------------------------------------------------------------


@pytest.fixture
def office(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def test_an_office_changes_labels_key_by_key_and_keeps_the_rest(office):
    office.write("labels.yaml", "revisions_caption: ประวัติการปรับปรุงแผน\nbia_table_reference: \"\"\n")
    labels = office.load().labels
    assert labels.revisions_caption == "ประวัติการปรับปรุงแผน" and labels.bia_table_reference == ""
    assert labels.scope_title == DEFAULT_LABELS.scope_title
    assert load_plan(LAMPANG).labels == DEFAULT_LABELS  # the first office keeps the tool's wording


def test_an_unknown_label_is_a_thai_error_with_file_line_and_the_nearest_key(office):
    office.write("labels.yaml", "revisions_caption: ประวัติการปรับปรุงแผน\n# ชื่อตาราง\nimpact_matrix_captoin: ตาราง\n")
    (problem,) = office.problems()
    assert (problem.file, problem.line, problem.field) == (office.shown("labels.yaml"), 3, "impact_matrix_captoin")
    assert problem.message.startswith("ไม่รู้จักช่อง 'impact_matrix_captoin' หมายถึง 'impact_matrix_caption' หรือไม่?")
    assert "คู่มือผู้รับผิดชอบแผน" in problem.message  # where the list is, not 300 keys in one message


def test_a_placeholder_the_label_does_not_take_is_an_error_naming_the_ones_it_takes(office):
    office.write("labels.yaml", "team_table_caption: ตารางที่ {number} {tem}\nscope_title: ขอบเขต {number}\n")
    problems = {p.field: p for p in office.problems()}
    assert problems["team_table_caption"].line == 1
    assert problems["team_table_caption"].message == (
        "ไม่รู้จักช่องเติม {tem}: ถ้อยคำนี้เติมได้เฉพาะ {number}, {team} (พิมพ์ในวงเล็บปีกกาให้ตรงตามนี้)")
    assert problems["scope_title"].message.startswith("ไม่รู้จักช่องเติม {number}: ถ้อยคำนี้ไม่มีช่องให้ระบบเติม")


def test_only_what_the_tool_adds_may_be_blank(office):
    office.write("labels.yaml", 'team_word: ""\nscope_title: ""\n')
    (problem,) = office.problems()
    assert (problem.field, problem.line) == ("scope_title", 2)


# --- no word said twice ---------------------------------------------------------------------------------


def test_a_role_and_a_team_named_from_the_team_word_share_it_once(office):
    office.replace("teams.yaml", "name: ด้านการป้องกันและปฏิบัติการ", "name: ทีมงานบริหารความต่อเนื่องด้านการป้องกันและปฏิบัติการ")
    plan = office.load()
    team = plan.teams["operations"]
    lead, member = team.roles[0], team.roles[1]
    # role_names: "หัวหน้าทีมงานบริหารความต่อเนื่อง" and "ทีมงานบริหารความต่อเนื่อง"
    assert plan.role_title(team, lead) == "หัวหน้าทีมงานบริหารความต่อเนื่องด้านการป้องกันและปฏิบัติการ"
    assert plan.role_title(team, member) == "ทีมงานบริหารความต่อเนื่องด้านการป้องกันและปฏิบัติการ"
    assert plan.team_title(team) == team.name
    relief = plan.teams["relief"]  # "ด้าน...": the role's name, then the team's
    assert plan.role_title(relief, relief.roles[0]) == "หัวหน้าทีมงานบริหารความต่อเนื่อง ด้านการให้ความช่วยเหลือผู้ประสบภัย"
    second = load_plan(SECOND_OFFICE)  # role "หัวหน้าทีม", team "ทีมงาน...ด้านอำนวยการ"
    command = second.teams["command"]
    assert second.role_title(command, command.roles[0]) == "หัวหน้าทีมงานบริหารความต่อเนื่องด้านอำนวยการ"
    services = second.teams["services"]  # "งาน...": not named from the team word
    assert second.role_title(services, services.roles[0]) == "หัวหน้าทีม งานบริการประชาชน"


def test_without_a_team_word_names_are_printed_as_written(office):
    office.write("labels.yaml", 'team_word: ""\n')
    plan = office.load()
    team = plan.teams["operations"]
    assert plan.team_title(team) == "ด้านการป้องกันและปฏิบัติการ"
    assert plan.role_title(team, team.roles[0]) == "หัวหน้าทีมงานบริหารความต่อเนื่อง ด้านการป้องกันและปฏิบัติการ"


@pytest.mark.parametrize("version, label", [("2", "ฉบับที่ 2"), ("๒ (ปรับปรุง)", "ฉบับที่ ๒ (ปรับปรุง)"),
                                            ("ฉบับที่ 2", "ฉบับที่ 2"), ("ฉบับปรับปรุง 2", "ฉบับปรับปรุง 2")])
def test_the_version_label_is_added_before_a_number_only(office, version, label):
    office.replace("plan.yaml", 'version: "1"', f'version: "{version}"')
    office.replace("revisions.yaml", 'version: "1"', 'version: "2"')
    assert office.load().version_label == label


# --- a site with an office's labels: numbering, escaping, no doubled words -------------------------------

HOSTILE_HEADING = "<script>alert(1)</script> {{ 7*7 }} *เอียง* # ไม่ใช่หัวข้อ { #x }"
HOSTILE_NAV = 'ขอบเขต <b>หนา</b> {{ 7*7 }} & "คำพูด"'
RELABELLED = f"""\
impact_matrix_caption: ตารางที่ {{number}} สรุปเหตุการณ์
scope_title: '{HOSTILE_HEADING}'
nav_scope: '{HOSTILE_NAV}'
column_role: <i>บทบาท</i>
cards_lead: "[ลิงก์](http://example.com) `โค้ด` ข้อความนำ"
incident_page_title: "เมื่อเกิด{{incident}} <u>!</u>"
"""


@pytest.fixture(scope="module")
def relabelled(tmp_path_factory) -> tuple[Path, object]:
    """Lampang's plan with labels of its own (one numbers the impact matrix; some hostile), a team
    named from the team word and a version that says "ฉบับที่" itself; built as a site."""
    copy = DataCopy(tmp_path_factory.mktemp("relabelled") / "data")
    copy.write("labels.yaml", RELABELLED)
    copy.replace("teams.yaml", "name: ด้านการป้องกันและปฏิบัติการ", "name: ทีมงานบริหารความต่อเนื่องด้านการป้องกันและปฏิบัติการ")
    copy.replace("plan.yaml", 'version: "1"', 'version: "ฉบับที่ 1"')
    return built_site(tmp_path_factory, "relabelled-site", data=copy.folder), copy.load()


def test_tables_are_numbered_as_they_appear_a_caption_with_a_number_counts(relabelled):
    site, plan = relabelled
    numbers = []
    for name in ("scope", "teams", "strategies", "bia", "resources"):  # the pages in the navigation's order
        numbers += [text_of(c).split()[1] for c in page(site, name).select("caption") if text_of(c).startswith("ตารางที่ ")]
    assert numbers == ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐", "๑๑"]  # the impact matrix first
    assert text_of(one(page(site, "scope"), "#impact-matrix + .bcp-table-wrap caption")) == "ตารางที่ ๑ สรุปเหตุการณ์"
    bia = page(site, "bia")
    assert text_of(bia.select_one("article p")).endswith("ปรากฏดังตารางที่ ๖")
    assert text_of(one(bia, "table.bcp-bia caption")).startswith("ตารางที่ ๖ ")


def test_labels_are_printed_as_text_in_headings_navigation_titles_and_cells(relabelled):
    site, _ = relabelled
    scope = page(site, "scope")
    assert text_of(one(scope, "h1#scope")) == HOSTILE_HEADING
    assert not scope.select("article script") and "49" not in text_of(one(scope, "h1#scope"))
    nav_link = next(a for a in scope.select("nav.md-nav--primary a.md-nav__link") if "ขอบเขต" in text_of(a))
    assert text_of(nav_link) == fold(HOSTILE_NAV) and not nav_link.select("b")
    assert text_of(scope.title).startswith(fold(HOSTILE_NAV) + " - ")
    teams = page(site, "teams")
    assert {text_of(th) for th in teams.select("table.bcp-team thead th")} >= {"<i>บทบาท</i>"}
    assert not teams.select("table.bcp-team thead i")
    cards = page(site, "cards")
    lead = one(cards, "article p:-soup-contains('ข้อความนำ')")
    assert text_of(lead) == "[ลิงก์](http://example.com) `โค้ด` ข้อความนำ" and not lead.select("a, code")
    fire = page(site, "incidents/fire")
    assert text_of(one(fire, "h1")) == "เมื่อเกิดเหตุการณ์อัคคีภัย <u>!</u>" and not fire.select("h1 u")


def test_no_word_is_said_twice_on_the_pages_of_a_team_named_from_the_team_word(relabelled):
    site, plan = relabelled
    roles = text_of(one(page(site, "cards"), 'tr[data-person="wanphen"]'))
    assert "หัวหน้าทีมงานบริหารความต่อเนื่องด้านการป้องกันและปฏิบัติการ" in roles
    card = page(site, "cards/wanphen")
    assert "ฉบับที่ ๑ (" in text_of(one(card, ".bcp-wall__footer"))
    for path in site.rglob("*.html"):
        text = fold(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" "))
        for doubled in ("ฉบับที่ ฉบับที่", "ทีมงานบริหารความต่อเนื่อง ทีมงาน", "ทีมทีม"):
            assert doubled not in text, (path, doubled)


def test_the_owner_guide_lists_every_label_with_its_default_and_the_plans_own(lampang_site, relabelled):
    rows = page(lampang_site, "owner-guide").select("#labels-table tr[data-label]")
    assert [row["data-label"] for row in rows] == list(LABEL_SPECS)
    for row in rows:
        key, where, default, current = (text_of(td) for td in row.select("td"))
        spec = LABEL_SPECS[key]
        assert (where.startswith(fold(spec.where)), default, current) == (True, fold(spec.text), "(ค่าเริ่มต้น)"), key
        for name in spec.allowed:  # what the tool fills in, said
            assert f"{{{name}}} {LABEL_CATALOGUE.placeholders[name]}" in where, key
    relabelled_rows = page(relabelled[0], "owner-guide").select("#labels-table tr[data-label]")
    current = {row["data-label"]: text_of(row.select("td")[3]) for row in relabelled_rows}
    assert current["column_role"] == "<i>บทบาท</i>" and current["scope_title"] == HOSTILE_HEADING


# --- bcp diff ----------------------------------------------------------------------------------------------


def test_bcp_diff_says_which_wording_changed_under_the_plans_own_titles(repo):  # noqa: F811
    repo.edit("labels.yaml", "\n{}\n", "\nrevisions_caption: ประวัติการปรับปรุงแผน\ndiff_title: สรุปการปรับปรุงแผน\n")
    text = repo.changed()
    assert text.startswith("## สรุปการปรับปรุงแผน\n")
    assert "\n### ถ้อยคำของแผน\n" in text
    spec = LABEL_SPECS["revisions_caption"]
    assert (f"- ถ้อยคำ revisions\\_caption ({spec.where}) เปลี่ยนจาก “ประวัติการแก้ไขแผน” เป็น “ประวัติการปรับปรุงแผน”"
            in text.splitlines())


def test_typing_what_the_tool_adds_is_warned_at_its_line(office):
    office.replace("scope.yaml", "name: ด้านบุคลากรหลัก", "name: ผลกระทบด้านบุคลากรหลัก")
    office.replace("scope.yaml", "name: เหตุการณ์ไฟดับ", "name: เมื่อเกิดเหตุการณ์ไฟดับ")
    office.replace("checklist.yaml", "title: ข้อมูลพื้นฐาน", "title: ส่วนที่ 1 ข้อมูลพื้นฐาน")
    office.replace("bia.yaml", "ภายในระยะเวลาตามที่กำหนด", "ภายในระยะเวลาตามที่กำหนด ปรากฏดังตารางที่ ๕")
    warned = {(w.file, w.line): w.message for w in office.load().warnings if "ระบบเติม" in w.message}

    def at(file: str, text: str) -> tuple[str, int]:
        return office.shown(file), office.line_of(file, text)

    def before(words: str, key: str) -> str:
        return (f'ระบบเติม "{words}" ไว้หน้าข้อความนี้ให้เอง: ลบ "{words}" ออกจากข้อความ มิฉะนั้นจะแสดงซ้ำสองครั้ง '
                f"(หรือเปลี่ยนถ้อยคำ {key} ใน labels.yaml)")

    assert warned == {
        at("scope.yaml", "ผลกระทบด้านบุคลากรหลัก"): before("ผลกระทบ", "impact_area_name"),
        at("scope.yaml", "เมื่อเกิดเหตุการณ์ไฟดับ"): before("เมื่อเกิด", "incident_page_title"),
        at("checklist.yaml", "ส่วนที่ 1 ข้อมูลพื้นฐาน"): before("ส่วนที่", "checklist_part"),
        at("bia.yaml", "introduction:"): 'ระบบเติม "ปรากฏดังตารางที่" และเลขที่ตารางที่นับให้ไว้ท้ายข้อความนี้เอง: '
                                         'ลบออกจากข้อความ (หรือตั้ง bia_table_reference: "" ใน labels.yaml)',
    }
    assert not [w for w in load_plan(LAMPANG).warnings if "ระบบเติม" in w.message]
    office.write("labels.yaml", 'bia_table_reference: ""\n')  # the office's own reference kept, the tool's dropped
    assert not [w for w in office.load().warnings if "ปรากฏดังตารางที่" in w.message]
