"""The built site, read from its HTML the way a clerk reads the pages.

Three sites are built once per session: Lampang's (tests/conftest.py), a fictional
second office (tests/fixtures/second-office, Arabic digits) and a copy of Lampang's
data with markup and template syntax typed into it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bcp import load_plan, thai
from conftest import LAMPANG, ROOT, SECOND_OFFICE, DataCopy, build_site

THAI_DIGIT = re.compile("[๐-๙]")


def fold(text: str) -> str:
    return " ".join(text.split())


def text_of(element) -> str:
    return fold(element.get_text(" "))


def page(site: Path, name: str) -> BeautifulSoup:
    path = site / "index.html" if name == "" else site / name / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def one(soup, selector: str):
    found = soup.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} elements"
    return found[0]


def html_files(site: Path) -> list[Path]:
    files = sorted(site.rglob("*.html"))
    assert files
    return files


@pytest.fixture(params=["lampang", "second-office"])
def office(request):
    """(site, plan, digits) of each office: the same checks hold for both."""
    if request.param == "lampang":
        site, plan = request.getfixturevalue("lampang_site"), request.getfixturevalue("lampang_plan")
    else:
        site, plan = request.getfixturevalue("second_office_site"), load_plan(SECOND_OFFICE)
    return site, plan, lambda value: thai.digits(value, plan.thai_digits)


# --- every piece of data is on the right page ---------------------------------------------


def test_every_person_is_in_the_table_of_their_team(office):
    site, plan, d = office
    teams = page(site, "teams")
    seen = set()
    for number, team in enumerate(plan.teams.values(), 1):
        table = one(teams, f"#team-{team.id} table")
        assert text_of(table.caption).startswith(f"ตารางที่ {d(number)} ")
        assert text_of(table.caption).endswith(team.name)
        rows = table.select("tbody tr")
        assert len(rows) == len(team.roles)
        for row, role in zip(rows, team.roles):
            assert text_of(row.th) == plan.teams_file.role_names[role.role]
            primary, backup_cell = row.select("td")
            backups = backup_cell.select(".bcp-backup")
            assert len(backups) == len(role.backups)
            for rank, box in enumerate(backups, 1):  # in order, each with its rank when there are several
                assert text_of(box).startswith(f"ลำดับที่ {d(rank)} ") == (len(role.backups) > 1)
            for cell, person_id in ((primary, role.primary), *zip(backups, role.backups)):
                person = plan.people[person_id]
                assert text_of(one(cell, ".bcp-person__name")) == person.full_name
                assert text_of(one(cell, ".bcp-person__position")) == (person.position or "ตำแหน่ง: ไม่ระบุ")
                contact = text_of(one(cell, ".bcp-contact"))
                assert thai.format_phone(plan.info.office.phone, plan.thai_digits) in contact
                if person.extension:
                    assert f"ต่อ {d(person.extension)}" in contact
                seen.add(person_id)
    assert seen == set(plan.people), "everyone in people.yaml has a role"


def test_every_bia_process_with_its_urgency_and_recovery(office):
    site, plan, d = office
    bia = page(site, "bia")
    rows = bia.select("table.bcp-bia tbody tr")
    assert [row["id"] for row in rows] == [f"process-{p.id}" for p in plan.bia.processes]
    windows = list(plan.windows)
    for row, process in zip(rows, plan.bia.processes):
        cells = row.find_all(["td", "th"])
        assert text_of(cells[1]) == process.name
        assert text_of(cells[2]) == plan.urgency[process.urgency].name
        ticks = [text_of(cell) for cell in cells[3:]]
        assert ticks == ["✓" if w == process.recovery else "" for w in windows]


def test_every_recovery_step_is_under_its_phase(office):
    site, plan, d = office
    procedure = page(site, "procedure")
    sections = procedure.select("section.bcp-phase")
    assert [s["id"] for s in sections] == [f"phase-{p.id}" for p in plan.procedure.phases]
    for section, phase in zip(sections, plan.procedure.phases):
        assert text_of(one(section, ".bcp-phase__title")) == f"{plan.phase_label(phase)} {phase.title}"
        rows = section.select("tbody tr")
        assert [row["id"] for row in rows] == [f"step-{s.id}" for s in phase.steps]
        for number, (row, step) in enumerate(zip(rows, phase.steps), 1):
            order, what, who, done = row.find_all("td", recursive=False)
            assert text_of(order) == d(number)
            expected = fold(step.text + (f" {step.highlight}" if step.highlight else ""))
            assert text_of(what).startswith(expected)
            assert [text_of(li) for li in what.select("li")] == [fold(i) for i in step.items]
            assert [text_of(x) for x in (who.select("li") or [who])] == plan.responsibility_labels(step)
            assert len(done.select(".bcp-box")) == len(plan.responsibility(step))  # a box per line: one for a joint step


def test_every_strategy_measure(office):
    site, plan, d = office
    strategies = page(site, "strategies")
    for strategy in plan.strategies:
        row = one(strategies, f"#strategy-{strategy.area}")
        assert text_of(row.th) == strategy.resource
        measures = [text_of(li) for li in row.select("li")]
        assert measures == [fold(m.text + (f" {m.highlight}" if m.highlight else "")) for m in strategy.measures]


def test_every_incident_and_impact_area_on_the_scope_page(office):
    site, plan, d = office
    scope = page(site, "scope")
    for incident in plan.scope.incidents:
        assert text_of(one(scope, f"#incident-{incident.id}")) == incident.name
    for number, area in enumerate(plan.scope.impact_areas, 1):
        assert text_of(one(scope, f"#impact-{area.id}")) == fold(f"{d(number)}. ผลกระทบ{area.name} หมายถึง {area.definition}")
    matrix = one(scope, "table.bcp-matrix")
    for row, incident in zip(matrix.select("tbody tr"), plan.scope.incidents, strict=True):
        assert text_of(row.th) == incident.name
        ticks = [text_of(td) for td in row.select("td.bcp-tick")]
        assert ticks == ["✓" if a in incident.impacts else "" for a in plan.impact_areas]


def test_checklist_items_with_their_answers(office):
    site, plan, d = office
    checklist = page(site, "checklist")
    rows = checklist.select("table.bcp-checklist tbody tr")
    expected = []
    for part_no, part in enumerate(plan.checklist.parts, 1):
        expected.append((f"ส่วนที่ {d(part_no)} {part.title}", None))
        for item_no, item in enumerate(part.items, 1):
            expected.append((f"{d(f'{part_no}.{item_no}')} {fold(item.text)}", item.answer))
            for sub in item.items:
                expected.append((fold(f"- {sub.text} {sub.specify or ''}"), sub.answer))

    def answer(row):
        boxes = row.select("td.bcp-tick")
        if not boxes or not row.select(".bcp-box"):
            return None
        return bool(boxes[0].select(".bcp-box--checked"))

    assert [(text_of(row.find(["td", "th"])), answer(row)) for row in rows] == expected
    priorities = text_of(one(checklist, "#checklist-priorities"))
    for table in (plan.checklist.priorities.e_service, plan.checklist.priorities.digital_current,
                  plan.checklist.priorities.digital_planned):
        assert fold(table.question) in priorities
        for row in table.rows:
            assert fold(row.task) in priorities and fold(row.system) in priorities
    for note in plan.checklist.notes:
        assert fold(note) in priorities


def test_tables_are_numbered_in_order_on_their_pages(office):
    site, plan, d = office
    teams = len(plan.teams)
    expected = {"teams": list(range(1, teams + 1)), "strategies": [teams + 1], "bia": [teams + 2],
                "resources": list(range(teams + 3, teams + 8))}
    for name, numbers in expected.items():
        captions = [text_of(c) for c in page(site, name).select("caption") if text_of(c).startswith("ตารางที่ ")]
        assert [c.split()[1] for c in captions] == [d(n) for n in numbers], name


def test_staff_and_service_totals_are_computed(office):
    site, plan, d = office
    resources = page(site, "resources")
    for key, totals in (("staff", plan.staff_totals), ("services", plan.service_totals)):
        table = one(resources, f"#{key} + .bcp-table-wrap table")
        shown = ["ไม่ระบุ" if totals[w] is None else d(totals[w]) for w in plan.windows]  # unknown when a row is not stated
        assert [text_of(c) for c in table.select("tfoot tr > *")] == ["รวม", *shown]


# --- Lampang: what the source plan prints ----------------------------------------------------


def test_lampang_table_captions_one_to_ten(lampang_site):
    numbers = []
    for name in ("teams", "strategies", "bia", "resources"):
        numbers += [text_of(c).split()[1] for c in page(lampang_site, name).select("caption") if text_of(c).startswith("ตารางที่ ")]
    assert numbers == ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"]


def test_lampang_table_9_totals_as_in_the_source(lampang_site):
    resources = page(lampang_site, "resources")
    table = next(t for t in resources.select("table") if t.caption and text_of(t.caption).startswith("ตารางที่ ๙ "))
    assert [text_of(c) for c in table.select("tfoot tr > *")] == ["รวม", "๔", "๗", "๙", "๑๐", "๑๒"]
    assert [text_of(c) for c in table.select("thead th")][1:] == ["๔ ชั่วโมง", "๑ วัน", "๑ สัปดาห์", "๒ สัปดาห์", "๑ เดือน"]


def test_lampang_unknown_quantity_reads_not_stated(lampang_site):
    resources = page(lampang_site, "resources")
    wifi = next(tr for tr in resources.select("tr") if tr.th and text_of(tr.th) == "Wifi ระบบ VPN")
    assert [text_of(td) for td in wifi.select("td")][1:] == ["๒ เครื่อง", "๒ เครื่อง", "๒ เครื่อง", "๒ เครื่อง", "ไม่ระบุ"]


def test_lampang_date_and_office_phone_thai_style(lampang_site):
    home = page(lampang_site, "")
    cover = text_of(one(home, ".bcp-cover"))
    assert "สำนักงานประกันสังคมจังหวัดลำปาง" in cover
    assert "ฉบับที่ ๑ · ๓ มกราคม ๒๕๖๖" in cover
    author = one(home, ".bcp-author")
    assert "๓ มกราคม ๒๕๖๖" in text_of(author)
    phone = one(author, 'a[href^="tel:"]')
    assert (text_of(phone), phone["href"]) == ("๐ ๕๔๒๖ ๕๐๑๘–๒๑", "tel:+6654265018")


def test_lampang_team_names_are_never_prefixed_twice(lampang_site):
    # "งานยุทธศาสตร์..." is a team's name: "ทีม" is put before it once, never "ทีมงาน" ("ทีมงานงาน...").
    for path in html_files(lampang_site):
        assert "ทีมงานงาน" not in path.read_text(encoding="utf-8"), path
    step = text_of(one(page(lampang_site, "procedure"), "#step-d1-identify-urgent-work"))
    assert step.endswith("หัวหน้าและทีมงานยุทธศาสตร์และการจัดการ และผู้ประสานคณะบริหารความต่อเนื่อง")


def test_lampang_people_without_a_position_read_not_stated(lampang_site):
    teams = page(lampang_site, "teams")
    for name in ("นางสาวอุไรวรรณ วงศ์ไชย", "นางสาวณัฐภาพันธุ์ มาทา", "นางประภาพรธณ ต๊ะทอง"):
        person = next(p for p in teams.select(".bcp-person") if text_of(p.select_one(".bcp-person__name")) == name)
        assert text_of(one(person, ".bcp-person__position")) == "ตำแหน่ง: ไม่ระบุ"


def test_data_notes_page_lists_every_note(lampang_site, lampang_plan):
    notes = page(lampang_site, "data-notes")
    rows = notes.select("table.bcp-notes tbody tr")
    assert [row["id"] for row in rows] == [f"note-{n.id}" for n in lampang_plan.notes]
    for row, note in zip(rows, lampang_plan.notes):
        assert [text_of(c) for c in row.find_all(["th", "td"])] == [
            fold(note.topic), fold(note.source), fold(note.decision), fold(note.where), "ยืนยันแล้ว" if note.confirmed else "รอยืนยัน"]


# --- a second office: nothing about Lampang outside data/ ---------------------------------------


def test_second_office_builds_from_its_own_folder(second_office_site):
    home = page(second_office_site, "")
    assert "สำนักงานตัวอย่างจังหวัดสมมุติ" in text_of(home.title)
    assert text_of(one(home, ".bcp-cover__office")) == "สำนักงานตัวอย่างจังหวัดสมมุติ"
    assert "29 กุมภาพันธ์ 2567" in text_of(one(home, ".bcp-author"))
    assert text_of(one(home, '.bcp-author a[href^="tel:"]')) == "0 2123 4567"
    assert "ไม่มีบันทึก" in text_of(page(second_office_site, "data-notes").select_one("table.bcp-notes"))


# The owner guide is the product's own help text: it quotes the checker's messages
# (which count in Thai digits) and is the same for every office, so it is not plan output.
HELP_PAGES = {"owner-guide/index.html"}


def test_second_office_uses_arabic_digits_everywhere(second_office_site):
    for path in html_files(second_office_site):
        if str(path.relative_to(second_office_site)) in HELP_PAGES:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not THAI_DIGIT.findall(soup.get_text()), path.relative_to(second_office_site)
    captions = [text_of(c) for c in page(second_office_site, "resources").select("caption")]
    assert [c.split()[1] for c in captions] == ["7", "8", "9", "10", "11"]  # after 4 teams, strategies and the BIA


ARABIC_DIGIT = re.compile("[0-9]")


def test_lampang_uses_thai_digits_everywhere(lampang_site):
    # Footnotes and numbered notes included; the data notes quote ids ("d1-log-book"), which are not numbers.
    checked = 0
    for path in html_files(lampang_site):
        if str(path.relative_to(lampang_site)) in HELP_PAGES | {"data-notes/index.html", "404.html"}:
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
        assert not ARABIC_DIGIT.findall(article.get_text()), (path.relative_to(lampang_site), ARABIC_DIGIT.findall(article.get_text()))
        checked += 1
    assert checked > 20
    notes = one(page(lampang_site, "checklist"), ".bcp-priorities .bcp-table-note")
    assert [text_of(li).split()[0] for li in notes.select("li")] == ["๑.", "๒."]


def test_second_office_site_has_nothing_of_lampang(second_office_site, lampang_plan):
    words = ["ลำปาง", "lampang", "ประกันสังคม"]
    words += [p.full_name for p in lampang_plan.people.values()] + [p.last_name for p in lampang_plan.people.values()]
    checked = 0
    for path in sorted(second_office_site.rglob("*")):
        # The theme's Thai word list for search names every province: it is not plan data.
        if not path.is_file() or path.suffix == ".gz" or "lunr" in path.parts:
            continue
        text = path.read_bytes().decode("utf-8", errors="replace").lower()
        found = [w for w in words if w.lower() in text]
        assert not found, f"{path.relative_to(second_office_site)}: {found}"
        checked += 1
    assert checked > 10


def test_no_file_outside_data_and_tests_mentions_lampang():
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    files = [f for f in listed if f and not f.startswith(("data/", "tests/"))]
    assert "mkdocs.yml" in files and "bcp/yaml_reading.py" in files
    leaks = []
    for name in files:
        path = ROOT / name
        if not path.is_file():
            continue
        raw = path.read_bytes().lower()
        if "ลำปาง".encode() in raw or b"lampang" in raw:
            leaks.append(name)
    assert leaks == []


# --- offline: nothing is loaded from another host -------------------------------------------------

EXTERNAL = re.compile(r"^\s*(?:https?:)?//(?!localhost[:/]|127\.0\.0\.1[:/])", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
           "embed": "src", "track": "src", "input": "src", "link": "href", "object": "data"}


def test_no_page_loads_anything_from_another_host(lampang_site):
    external = []
    for path in html_files(lampang_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in LOADING.items():
            for element in soup.find_all(tag):
                if EXTERNAL.match(element.get(attr, "")):
                    external.append((path.name, tag, element[attr]))
        for element in soup.find_all(srcset=True):
            external += [(path.name, "srcset", u) for u in element["srcset"].split(",") if EXTERNAL.match(u)]
        css = " ".join(s.get_text() for s in soup.find_all("style")) + " ".join(e["style"] for e in soup.find_all(style=True))
        external += [(path.name, "css", u) for u in CSS_URL.findall(css) for u in u if u and EXTERNAL.match(u)]
        # A diagram makes the theme fetch mermaid from unpkg.com at run time.
        assert not soup.select(".mermaid, pre.mermaid"), path
    for path in list(lampang_site.rglob("*.css")) + list(lampang_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        external += [(path.name, "url", u) for u in CSS_URL.findall(text) for u in u if u and EXTERNAL.match(u)]
        external += [(path.name, "attr", m) for m in re.findall(r"""(?:src|href)\s*=\s*["'`]((?:https?:)?//[^"'`]+)""", text)
                     if EXTERNAL.match(m)]
    assert external == []


def test_offline_check_catches_an_external_url(tmp_path):
    # The check above must be able to fail: the same patterns on a page that loads a CDN.
    bad = '<link rel="stylesheet" href="https://cdn.example.org/x.css"><script src="//unpkg.com/y.js"></script>'
    soup = BeautifulSoup(bad, "html.parser")
    assert [e.get(LOADING[e.name]) for e in soup.find_all(list(LOADING)) if EXTERNAL.match(e.get(LOADING[e.name], ""))] == [
        "https://cdn.example.org/x.css", "//unpkg.com/y.js"]
    assert [u for u in CSS_URL.findall("@import 'https://fonts.googleapis.com/css'; a{background:url(http://localhost/x.png)}")
            for u in u if u and EXTERNAL.match(u)] == ["https://fonts.googleapis.com/css"]


def test_sarabun_is_served_by_the_site_itself(lampang_site):
    fonts = lampang_site / "assets" / "fonts" / "sarabun"
    ttf = sorted(p.name for p in fonts.glob("*.ttf"))
    assert ttf == sorted(p.name for p in (ROOT / "docs/assets/fonts/sarabun").glob("*.ttf"))
    assert len(ttf) >= 4
    assert (fonts / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
    css_path = lampang_site / "assets" / "stylesheets" / "bcp.css"
    css = css_path.read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    assert faces
    used = set()
    for face in faces:
        assert re.search(r"""font-family:\s*["']?Sarabun""", face)
        for url in re.findall(r"""url\(\s*["']?([^"')]+)""", face):
            target = (css_path.parent / url).resolve()
            assert target.is_file(), url
            assert target.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{url} is not a TrueType font"
            used.add(target.name)
    assert {"Sarabun_400Regular.ttf", "Sarabun_700Bold.ttf"} <= used <= set(ttf)
    for path in html_files(lampang_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert any(h.endswith("assets/stylesheets/bcp.css") for h in links), path


# --- whatever is typed into the data shows as typed --------------------------------------------------

SCRIPT_NAME = "วันเพ็ญ<script>alert(1)</script>"
STEP_TEXT = "แต่งตั้งคณะ {{ 7*7 }} และ a | b *c* #d"
TITLE = "แผน *ไม่เอียง* <b>หนา</b> {{ 1+1 }} | x & y"
INCIDENT = "เหตุการณ์ไฟดับ <img src=x onerror=alert(2)> & {% raw %}"


@pytest.fixture(scope="session")
def escaping_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("escaping")
    copy = DataCopy(folder / "data")
    copy.replace("people.yaml", "    first_name: วันเพ็ญ\n", f"    first_name: '{SCRIPT_NAME}'\n")
    copy.replace("procedure.yaml", "        text: แต่งตั้งคณะบริหารความต่อเนื่องของสำนักงานประกันสังคม จังหวัดลำปาง\n",
                 f"        text: '{STEP_TEXT}'\n")
    copy.replace("plan.yaml", "title: แผนบริหารความต่อเนื่อง\n", f"title: '{TITLE}'\n")
    copy.replace("scope.yaml", "    name: เหตุการณ์ไฟดับ\n", f"    name: '{INCIDENT}'\n")
    result = build_site(folder / "site", data=copy.folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_markup_in_a_name_shows_literally(escaping_site):
    teams = page(escaping_site, "teams")
    names = [text_of(a) for a in teams.select(".bcp-person__name")]
    assert names.count(f"นาง{SCRIPT_NAME} พึ่งพิบูลย์") == 2  # lead of two teams
    assert f"นาง{SCRIPT_NAME} พึ่งพิบูลย์" in text_of(one(teams, ".bcp-teams-intro"))


def test_no_injected_element_anywhere(escaping_site):
    for path in html_files(escaping_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()], path
        assert not soup.find_all(onerror=True), path
        assert not [b for b in soup.find_all("b") if "หนา" in b.get_text()], path


def test_template_and_markdown_syntax_in_a_step_shows_literally(escaping_site):
    step = one(page(escaping_site, "procedure"), "#step-d1-appoint-committee")
    cell = step.find_all("td")[1]
    assert text_of(cell) == STEP_TEXT
    assert not cell.find_all(["em", "strong", "h1", "table"])


def test_title_with_markup_shows_literally(escaping_site):
    for name in ("", "teams"):
        soup = page(escaping_site, name)
        assert text_of(soup.title).endswith(f"{TITLE} สำนักงานประกันสังคมจังหวัดลำปาง")
        assert text_of(soup.select(".md-header__topic .md-ellipsis")[0]) == f"{TITLE} สำนักงานประกันสังคมจังหวัดลำปาง"
        assert one(soup, 'meta[name="description"]')["content"].startswith(TITLE)
    assert text_of(one(page(escaping_site, ""), "h1")) == TITLE


def test_incident_with_markup_shows_literally(escaping_site):
    scope = page(escaping_site, "scope")
    assert text_of(one(scope, "#incident-power-outage")) == INCIDENT
    assert not scope.select("article img")
