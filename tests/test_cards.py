"""Role cards and the call tree: what each person reads on their card, on the site and on paper."""

from __future__ import annotations

import re
import statistics
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
import segno
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bcp import load_plan
from bcp.calltree import CallTree
from conftest import FIXTURES, LAMPANG, built_site, page_text, print_from_disk

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

MINI = FIXTURES / "cards-mini"
ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MINI_URL = "http://bcp.test.example/intranet/"


# --- an independent reading of the raw data: who must find which step and role on their card ---


def raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def raw_backups(role: dict) -> list[str]:
    """A role's backups as typed: `backups: [a, b]` or `backup: a`."""
    return role.get("backups") or ([role["backup"]] if role.get("backup") else [])


def expected_steps(folder: Path) -> dict[str, list[str]]:
    """Step ids per person, in plan order: a step is theirs when a responsible team (or a unit
    made of teams) reaches them as primary or backup; `scope: lead` reaches the lead role only."""
    teams = raw(folder, "teams.yaml")
    roles = {t["id"]: t["roles"] for t in teams["teams"]}
    units = {u["id"]: u.get("teams", []) for u in teams.get("units", [])}
    people = [p["id"] for p in raw(folder, "people.yaml")["people"]]
    found: dict[str, list[str]] = {pid: [] for pid in people}
    for phase in raw(folder, "procedure.yaml")["phases"]:
        for step in phase["steps"]:
            reached = set()
            for r in step["responsible"]:
                if "team" in r:
                    held = [x for x in roles[r["team"]] if r.get("scope", "team") != "lead" or x["role"] == "lead"]
                else:
                    held = [x for t in units[r["unit"]] for x in roles[t]]
                reached |= {x["primary"] for x in held} | {b for x in held for b in raw_backups(x)}
            for pid in people:
                if pid in reached:
                    found[pid].append(step["id"])
    return found


def expected_roles(folder: Path) -> dict[str, set[str]]:
    teams = raw(folder, "teams.yaml")
    found: dict[str, set[str]] = {p["id"]: set() for p in raw(folder, "people.yaml")["people"]}
    found[teams["bcp_head"]].add("bcp-head")
    for team in teams["teams"]:
        for role in team["roles"]:
            found[role["primary"]].add(f"{team['id']}:{role['role']}:primary")
            for backup in raw_backups(role):
                found[backup].add(f"{team['id']}:{role['role']}:backup")
    return found


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_of(element) -> str:
    return fold(element.get_text(" "))


def card_soup(site: Path, person_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "cards" / person_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def the_one(soup: BeautifulSoup, selector: str):
    found = soup.select(selector)
    assert len(found) == 1, selector
    return found[0]


def the_card(site: Path, person_id: str):
    """The wall card on the person's card page."""
    return the_one(card_soup(site, person_id), ".bcp-wall")


def the_duties(site: Path, person_id: str):
    """The full duties below it."""
    return the_one(card_soup(site, person_id), ".bcp-duties")


def first_phase_steps(folder: Path) -> set[str]:
    return {step["id"] for step in raw(folder, "procedure.yaml")["phases"][0]["steps"]}


# --- the call tree as data ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mini_plan():
    return load_plan(MINI)


def test_call_tree_reaches_everyone_with_a_role_and_no_one_else(mini_plan, lampang_plan):
    assert CallTree(mini_plan).unreachable() == ["eve"]
    assert CallTree(lampang_plan).unreachable() == []


def test_who_notifies_whom_in_the_small_plan(mini_plan):
    tree = CallTree(mini_plan)
    calls = lambda pid: [(i.caller, i.caller_standins, i.node.team.id, i.rank) for i in tree.who_notifies(pid)]  # noqa: E731
    assert calls("head") == []  # the head starts the tree
    # ann is a member of alpha, which the head leads herself; her deputy calls if she cannot
    assert calls("ann") == [("head", ("deputy",), "alpha", 0)]
    # deputy: told to stand by for alpha's lead, and called by beta's lead as a member
    assert calls("deputy") == [("head", (), "alpha", 1), ("bob", ("cat",), "beta", 0)]
    assert tree.who_notifies("deputy")[0].standby
    # bob: beta's lead, called by the head; and ann's backup, called when ann does not answer
    assert calls("bob") == [("head", ("deputy",), "alpha", 1), ("head", (), "beta", 0)]
    assert not tree.who_notifies("bob")[0].standby
    assert calls("eve") == []

    outgoing = lambda pid: [(o.node.team.id if o.node.team else None, o.standin_for,  # noqa: E731
                             [(n.person, n.backups) for n in o.calls]) for o in tree.notifies(pid)]
    assert outgoing("head") == [(None, None, [("head", ("deputy",)), ("bob", ("cat",))]),
                                ("alpha", None, [("ann", ("bob",))])]
    assert outgoing("deputy") == [("alpha", "head", [("ann", ("bob",))])]
    assert outgoing("cat") == [("beta", "bob", [("deputy", ("dan",))])]
    assert outgoing("ann") == [] and outgoing("eve") == []


def test_validator_reports_who_the_call_tree_misses(mini_plan):
    missed = [w for w in mini_plan.warnings if "Call Tree" in w.message]
    assert [(w.file.rsplit("/", 1)[-1], w.line, w.field) for w in missed] == [("people.yaml", 8, "people › eve")]
    assert "นางสาวอีฟ ทดสอบ" in missed[0].message and "teams.yaml" in missed[0].message


# --- cards on the site: one per person, every role and every step ----------------------------------


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory, "cards-mini", data=MINI, extra_env={"BCP_SITE_URL": MINI_URL})


def site_and_folder(which: str, request) -> tuple[Path, Path]:
    site = request.getfixturevalue("lampang_site" if which == "lampang" else "mini_site")
    return site, LAMPANG if which == "lampang" else MINI


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_a_card_for_every_person_and_no_one_else(which, request):
    site, folder = site_and_folder(which, request)
    people = [p["id"] for p in raw(folder, "people.yaml")["people"]]
    pages = sorted(p.parent.name for p in (site / "cards").glob("*/index.html"))
    assert pages == sorted(people)
    if which == "lampang":
        assert len(pages) == 13
    index = BeautifulSoup((site / "cards" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [row["data-person"] for row in index.select("tr[data-person]")] == people
    for person_id in people:
        assert the_card(site, person_id)["data-person"] == person_id
        assert the_duties(site, person_id)["data-person"] == person_id


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_the_duties_list_all_roles_and_steps_of_that_person(which, request):
    site, folder = site_and_folder(which, request)
    plan = load_plan(folder)
    steps, roles = expected_steps(folder), expected_roles(folder)
    for person_id in plan.people:
        duties = the_duties(site, person_id)
        assert [tr["data-step"] for tr in duties.select("[data-step]")] == steps[person_id], person_id
        assert {li["data-role"] for li in duties.select("[data-role]")} == roles[person_id], person_id
        for step_id in steps[person_id]:
            step = next(s for s in plan.all_steps if s.id == step_id)
            row = text_of(duties.select_one(f'[data-step="{step_id}"]'))
            assert fold(step.text) in row
            for item in step.items:
                assert fold(item) in row
        for li in duties.select("[data-role]"):
            if li["data-role"] == "bcp-head":
                assert "หัวหน้าคณะบริหารความต่อเนื่อง" in text_of(li)
                continue
            team_id, role, capacity = li["data-role"].split(":")
            team = plan.teams[team_id]
            assert f"{plan.teams_file.role_names[role]} {team.name}" in text_of(li)
            held = next(r for r in team.roles if r.role == role and person_id in (r.primary, *r.backups))
            rank = held.backups.index(person_id) + 1 if capacity == "backup" else None
            assert (f"บุคลากรสำรอง ลำดับที่ {rank}" if rank else "บุคลากรหลัก") in text_of(li).translate(ARABIC)
            others = [held.primary] if capacity == "backup" else held.backups
            for other in others:
                assert plan.people[other].full_name in text_of(li)  # whom they back up / who backs them up
        assert all(site.name in text_of(duties) for site in plan.alternate_sites)


def wall_cards(which: str, request):
    """The plan's data folder, the plan, and each person's wall card from the built site."""
    site, folder = site_and_folder(which, request)
    plan = load_plan(folder)
    return folder, plan, {person_id: the_card(site, person_id) for person_id in plan.people}


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_the_wall_card_names_every_role_in_words_and_where_to_go(which, request):
    folder, plan, cards = wall_cards(which, request)
    roles = expected_roles(folder)
    for person_id, card in cards.items():
        assert {li["data-role"] for li in card.select("[data-role]")} == roles[person_id], person_id
        for li in card.select("[data-role]"):
            if li["data-role"] == "bcp-head":
                continue
            team_id, role, capacity = li["data-role"].split(":")
            team = plan.teams[team_id]
            words = text_of(li).translate(ARABIC)
            assert f"{plan.teams_file.role_names[role]} {team.name}" in words
            if capacity == "backup":  # whose backup, and in which order
                held = next(r for r in team.roles if r.role == role and person_id in r.backups)
                rank = held.backups.index(person_id) + 1
                assert f"สำรอง ลำดับที่ {rank} ของ {plan.people[held.primary].full_name}" in words
        go = [text_of(site) for site in card.select(".bcp-wall__go .bcp-wall__site")]
        assert go == [" ".join(filter(None, (site.name, site.address))) for site in plan.alternate_sites]


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_everyone_the_wall_card_names_to_call_has_a_number(which, request):
    _, plan, cards = wall_cards(which, request)
    tree = CallTree(plan)
    for person_id, card in cards.items():
        calls = card.select_one(".bcp-wall__calls")
        named = [text_of(r.select_one(".bcp-reach__name")) for r in calls.select(".bcp-reach")]
        numbers = [text_of(r.select_one(".bcp-reach__num")) for r in calls.select(".bcp-reach")]
        assert all(numbers), (person_id, named, numbers)
        # every caller and callee of the call tree is there (the Lampang cards have room for all)
        expected = {plan.people[i.caller].full_name for i in tree.who_notifies(person_id)}
        expected |= {plan.people[pid].full_name for out in tree.notifies(person_id) for n in out.calls
                     for pid in (n.backups if n.led_by_caller else n.people)}
        assert set(named) >= expected, person_id
        assert not calls.select("[data-more-calls]")


def test_numbers_on_the_wall_card_are_mobile_first_and_office_lines_are_flagged(mini_site, lampang_site):
    # ann's card: her caller and the caller's stand-in both have mobiles, no extension is printed
    ann = the_card(mini_site, "ann").select_one(".bcp-wall__calls")
    assert [text_of(n) for n in ann.select(".bcp-reach__num")] == ["081 111 1111", "082 222 2222"]
    assert not ann.select(".bcp-wall__warning")
    # bob calls deputy, whose backup dan has only an extension: the card says office lines may be down
    bob = the_card(mini_site, "bob").select_one(".bcp-wall__calls")
    assert "ต่อ 105" in text_of(bob)
    assert "ไฟดับหรือไฟไหม้ สายสำนักงานอาจใช้ไม่ได้" in text_of(bob.select_one(".bcp-wall__warning"))
    # Lampang has no mobile numbers: every card that names someone to call says so
    for person_id in load_plan(LAMPANG).people:
        assert the_card(lampang_site, person_id).select(".bcp-wall__warning"), person_id


def test_the_call_tree_says_office_lines_may_be_down(lampang_site, lampang_site_pdf):
    note = "ไฟดับหรือไฟไหม้ โทรศัพท์สำนักงานอาจใช้ไม่ได้"
    assert note in page_text(lampang_site, "call-tree")
    assert squeeze(note) in pdf_text(lampang_site_pdf / "pdf" / "call-tree.pdf")


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_every_day_one_step_is_on_the_wall_card_or_counted(which, request):
    site, folder = site_and_folder(which, request)
    steps, day_one = expected_steps(folder), first_phase_steps(folder)
    for person_id, theirs in steps.items():
        card = the_card(site, person_id)
        shown = [li["data-action"] for li in card.select("[data-action]")]
        more = card.select_one("[data-more]")
        expected = [step_id for step_id in theirs if step_id in day_one]
        assert len(set(shown)) == len(shown) and set(shown) <= set(expected), person_id
        assert len(shown) + (int(more["data-more"]) if more else 0) == len(expected), person_id
        if more:  # the line says how many, in the plan's digits
            assert f"อีก {more['data-more']} ข้อ" in text_of(more).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if which == "lampang":  # the quiet cards show all; the busiest still show some
        assert not the_card(site, "krit").select("[data-more]")
        assert len(the_card(site, "wanphen").select("[data-action]")) >= 4


def test_first_actions_are_one_short_line_from_the_steps_own_words(lampang_site, mini_site, lampang_plan, mini_plan):
    for site, plan in ((lampang_site, lampang_plan), (mini_site, mini_plan)):
        by_id = {s.id: s for s in plan.all_steps}
        for person_id in plan.people:
            for li in the_card(site, person_id).select("[data-action]"):
                step = by_id[li["data-action"]]
                line = text_of(li).split(" ", 1)[1]  # after the step's number
                if step.short:
                    assert line == fold(step.short)
                else:  # the step's opening words, cut at a word and marked as cut when shorter
                    assert fold(step.text).startswith(line.removesuffix(" …")), line
    # Lampang's short lines are phrases of their own step (data/notes.yaml: wall-card-short)
    shorts = [s for s in lampang_plan.all_steps if s.short]
    assert len(shorts) == 15
    for step in shorts:
        assert fold(step.short) in fold(step.text), step.id
    assert all(not s.short for phase in lampang_plan.procedure.phases[1:] for s in phase.steps)


def test_a_card_reads_like_the_plan_for_lampang(lampang_site):
    duties = the_duties(lampang_site, "hathairat")
    shown = text_of(duties)
    # every phase is there, day 8 onwards said so
    assert "วันที่ ๑ (ภายใน ๒๔ ชั่วโมง)" in shown and "วันที่ ๒ - ๗" in shown and "วันที่ ๘ เป็นต้นไป" in shown
    # the call tree from her side: her team leads call her, with who calls if they cannot
    calls = text_of(duties.select(".bcp-duties__calls")[0])
    assert "นางวันเพ็ญ พึ่งพิบูลย์ ต่อ ๒๐๙" in calls
    assert "นางสาวทัชชกร กฤษณนัยน์ ต่อ ๔๑๑" in calls and "นางสาวสุพัตรา คุณยศยิ่ง ต่อ ๓๐๙" in calls
    assert "๐ ๕๔๒๖ ๕๐๑๘–๒๑" in shown  # the office's number
    # the wall card: called once by the head, whoever stands in for her in either team
    wall = the_card(lampang_site, "hathairat").select_one('[data-calls="incoming"]')
    rows = wall.select("tbody tr")
    assert len(rows) == 1
    assert text_of(rows[0].select("td")[0]) == "นางวันเพ็ญ พึ่งพิบูลย์ ต่อ ๒๐๙"
    assert text_of(rows[0].select("td")[1]) == "นางสาวทัชชกร กฤษณนัยน์ ต่อ ๔๑๑ นางสาวสุพัตรา คุณยศยิ่ง ต่อ ๓๐๙"
    # a backup's steps say whom they stand in for: once when it is the same for all, else step by step
    uraiwan = the_duties(lampang_site, "uraiwan")
    assert "ทุกขั้นตอนด้านล่าง ทำเมื่อทำหน้าที่แทน นางหทัยรัตน์ เทพประสิทธิ์" in text_of(uraiwan)
    supattra = the_duties(lampang_site, "supattra")
    assert "เมื่อทำหน้าที่แทน นางหทัยรัตน์ เทพประสิทธิ์" in text_of(supattra.select_one('[data-step="d1-report-damage"]'))
    assert "เมื่อทำหน้าที่แทน นางวันเพ็ญ พึ่งพิบูลย์" in text_of(supattra.select_one('[data-step="d1-identify-urgent-work"]'))
    assert "เมื่อทำหน้าที่แทน" not in text_of(duties)
    # on her wall card the stand-in actions come under one line saying for whom
    wall = the_card(lampang_site, "supattra")
    assert text_of(wall.select_one(".bcp-wall__standin-for")) == "เมื่อคุณทำหน้าที่แทน นางวันเพ็ญ พึ่งพิบูลย์"
    # the head starts the tree and calls the head of the other team, with the backup to try next
    head = the_card(lampang_site, "wanphen").select_one('[data-calls="outgoing"]')
    assert "คุณเป็นต้นสาย" in text_of(head.select_one("thead"))
    row = next(tr for tr in head.select("tbody tr") if "นายกริชณ" in text_of(tr))
    assert text_of(row.select("td")[1]) == "นายเสกสรรค์ ปัญญาสงค์ ต่อ ๔๐๗"
    assert "หัวหน้าทีมด้านการให้ความช่วยเหลือผู้ประสบภัย" in text_of(row.select("td")[0])


def test_card_data_is_escaped(mini_site):
    for part in (the_card(mini_site, "ann"), the_duties(mini_site, "ann")):
        assert "ผู้ช่วย <งาน> & ธุรการ" in text_of(part)
        assert "<งาน>" not in str(part)
    duties = the_duties(mini_site, "ann")
    assert "หัวข้อ <สอง> & สาม" in text_of(duties)
    assert "<สอง>" not in str(duties)


def test_markup_in_a_name_shows_literally_on_every_page(mini_site):
    name = "นายแดน ทดสอบ <b>หนา</b> & {{ 1+1 }}"
    soup = card_soup(mini_site, "dan")
    assert text_of(soup.title).startswith(f"{name} - ")
    assert text_of(soup.select_one("h1")) == name
    assert text_of(soup.select(".md-header__topic .md-ellipsis")[-1]) == name
    for path in mini_site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not [b for b in page.find_all("b") if "หนา" in b.get_text()], path


def test_card_without_a_role_says_so(mini_site):
    card, duties = the_card(mini_site, "eve"), the_duties(mini_site, "eve")
    for part in (card, duties):
        assert "ไม่มีบทบาทในทีมงานบริหารความต่อเนื่อง" in text_of(part)
        assert "สายการแจ้งเหตุไปไม่ถึงคุณ" in text_of(part)
    assert "ไม่มีขั้นตอนที่ระบุให้คุณใน" in text_of(card)
    assert not card.select("[data-action]") and not duties.select("[data-step]")


def test_qr_code_opens_the_card_on_the_intranet(mini_site):
    for person_id in ("ann", "eve"):
        card = the_card(mini_site, person_id)
        svg = card.select_one(".bcp-wall__qr svg")
        assert svg is not None
        # the same modules as a code made here for the address the card must open
        expected = segno.make(f"{MINI_URL}cards/{person_id}/", error="m", micro=False)
        path = BeautifulSoup(expected.svg_inline(scale=1, border=2, omitsize=True), "html.parser").find("path")["d"]
        assert svg.find("path", class_="qrline")["d"] == path
        assert f"{MINI_URL}cards/{person_id}/" in text_of(card.select_one(".bcp-wall__footer"))


def test_without_a_site_address_the_owner_is_told_not_the_card(lampang_site):
    page = card_soup(lampang_site, "krit").select_one("article")
    assert not page.select(".bcp-wall svg")
    # a setup hint is the plan owner's: on the data-notes page, with the file and the field
    assert "ยังไม่ได้กำหนดที่อยู่เว็บไซต์" not in text_of(page) and "site_url" not in text_of(page)
    notices = BeautifulSoup((lampang_site / "data-notes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hint = [text_of(li) for li in notices.select("#owner-notices-list li") if "site_url" in text_of(li)]
    assert len(hint) == 1 and "ยังไม่ได้กำหนดที่อยู่เว็บไซต์ของแผนบนอินทราเน็ต" in hint[0] and "data/plan.yaml" in hint[0]
    # the card's footer still says where the full duties are
    assert "หน้าที่ฉบับเต็มของคุณ: เว็บไซต์ของแผน หัวข้อ บัตรหน้าที่" in text_of(the_card(lampang_site, "krit"))


def test_call_tree_page_shows_every_role_and_who_is_missed(lampang_site, mini_site):
    soup = BeautifulSoup((lampang_site / "call-tree" / "index.html").read_text(encoding="utf-8"), "html.parser")
    tree = soup.select_one("#call-tree-diagram")
    names = [text_of(n) for n in tree.select(".bcp-reach__name")]
    plan = load_plan(LAMPANG)
    assert set(names) == {p.full_name for p in plan.people.values()}
    assert [li["data-team"] for li in tree.select("li[data-team]")] == list(plan.teams)
    assert not soup.select("#call-tree-unreached")
    mini = BeautifulSoup((mini_site / "call-tree" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "นางสาวอีฟ ทดสอบ" in text_of(mini.select_one("#call-tree-unreached"))


# --- cards on paper --------------------------------------------------------------------------------


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text layer in drawing order, NFKC, without whitespace (Thai has no spaces between words).

    -raw: pdftotext's default layout mode sorts glyphs by position and moves a tone mark that
    shares its x with the next letter after it ("พึ่ง" -> "พึง่"); the text layer itself is right."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", out))


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def skeleton(text: str) -> str:
    """Text without whitespace and without the marks set above and below a letter."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace() and unicodedata.category(ch) != "Mn")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def lay_out(plan, out: Path, jobs=("cards",), epoch: int | None = None, site_url: str | None = None) -> None:
    """Printout jobs of `make site` ("cards", "duties", "wallet"), laid out in this process."""
    from bcp.pdf import LayoutPool
    from bcp.printouts import Printouts
    from bcp.render import Renderer
    from bcp.settings import Settings

    root = Path(__file__).parents[1]
    renderer = Renderer(plan, root / "overrides" / "partials" / "bcp", Settings(data_dir=MINI, site_url=site_url))
    pool = LayoutPool([root / "docs"], epoch, processes=0)
    printouts = Printouts(renderer, str(root / "docs"))
    for job in jobs:
        pool.submit(getattr(printouts, f"{job}_job")(), out).result()


@pytest.fixture(scope="module")
def mini_pdfs(tmp_path_factory, mini_plan) -> Path:
    """The small plan's wall cards, duties and wallet cards, with QR codes (its site address is set)."""
    out = tmp_path_factory.mktemp("mini-pdf")
    lay_out(mini_plan, out, ("cards", "duties", "wallet"), site_url=MINI_URL)
    return out


def pdfs_of(which: str, request) -> tuple[Path, object]:
    """The folder holding cards/, duties/ and wallet.pdf, and the plan."""
    if which == "lampang":
        return request.getfixturevalue("lampang_site_pdf") / "pdf", request.getfixturevalue("lampang_plan")
    return request.getfixturevalue("mini_pdfs"), request.getfixturevalue("mini_plan")


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_every_wall_card_is_one_page_of_large_type(which, request):
    folder, plan = pdfs_of(which, request)
    assert sorted(p.stem for p in (folder / "cards").glob("*.pdf")) == sorted(plan.people)
    for person_id, person in plan.people.items():
        with pdfplumber.open(folder / "cards" / f"{person_id}.pdf") as pdf:
            assert len(pdf.pages) == 1, person_id
            chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
        sizes = sorted(c["size"] for c in chars)
        assert sizes[0] >= 11.99, (person_id, sizes[0])  # every character at least 12 pt
        assert statistics.median(sizes) >= 15.99, person_id  # body about 16 pt
        name = squeeze(person.full_name)
        top = min(c["top"] for c in chars)
        first_line = "".join(c["text"] for c in chars if c["top"] < top + 20)
        assert first_line.startswith(name[:8]), (person_id, first_line)  # the name heads the card
        assert min(c["size"] for c in chars if c["top"] < top + 20) >= 28, person_id
    combined = folder / "cards.pdf"
    assert len(PdfReader(combined).pages) == len(plan.people)
    for number, person in enumerate(plan.people.values(), 1):
        assert squeeze(person.full_name) in pdf_text(combined, number)


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_the_printed_wall_card_shows_what_the_card_page_shows(which, request):
    """Where to go, whom to call with the number, the first actions and the "more" line: in the PDF too."""
    folder, plan = pdfs_of(which, request)
    site = request.getfixturevalue("lampang_site" if which == "lampang" else "mini_site")
    for person_id in plan.people:
        card, printed = the_card(site, person_id), pdf_text(folder / "cards" / f"{person_id}.pdf")
        assert squeeze(plan.info.alternate_site.name) in printed
        for reach in card.select(".bcp-wall__calls .bcp-reach"):
            assert squeeze(text_of(reach)) in printed, (person_id, text_of(reach))
        for li in card.select("[data-action]"):
            assert squeeze(text_of(li)) in printed, (person_id, text_of(li))
        for more in card.select("[data-more], [data-more-calls]"):
            assert squeeze(text_of(more)) in printed, person_id


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_the_duties_pdf_holds_every_step_of_the_person_in_full(which, request):
    folder, plan = pdfs_of(which, request)
    steps = expected_steps(LAMPANG if which == "lampang" else MINI)
    by_id = {s.id: s for s in plan.all_steps}
    for person_id in plan.people:
        path = folder / "duties" / f"{person_id}.pdf"
        pages = [pdf_text(path, n) for n in range(1, len(PdfReader(path).pages) + 1)]
        assert squeeze(plan.people[person_id].full_name) in pages[0]
        for step_id in steps[person_id]:
            step = by_id[step_id]
            # each step on one page: a table row is never cut across pages
            for part in [step.text, step.highlight or "", *step.items]:
                assert any(squeeze(part) in page for page in pages), (person_id, step_id, part)
        with pdfplumber.open(path) as pdf:
            smallest = min(c["size"] for page in pdf.pages for c in page.chars if c["text"].strip())
        assert smallest >= 9.99, (person_id, smallest)
    # SARA AM and the letters after it extract as typed ("สำนักงาน", not "สำนักงำน")
    if which == "lampang":
        assert squeeze("สำนักงานประกันสังคม") in pdf_text(folder / "duties" / "krit.pdf")


# The wallet sheet as wallet_document.html lays it out: 85.6 x 54 mm cards, 2 by 5, centred on A4.
WALLET_CARD = (85.6, 54.0)
WALLET_GRID = (2, 5)


def wallet_slots() -> list[tuple[float, float, float, float]]:
    """Each card's rectangle on a sheet (x0, top, x1, bottom) in points, in order."""
    mm = 72 / 25.4
    (w, h), (columns, rows) = WALLET_CARD, WALLET_GRID
    left, top = (210 - columns * w) / 2, (297 - rows * h) / 2
    return [((left + c * w) * mm, (top + r * h) * mm, (left + (c + 1) * w) * mm, (top + (r + 1) * h) * mm)
            for r in range(rows) for c in range(columns)]


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_the_wallet_sheet_has_a_card_a_person_with_their_numbers(which, request):
    folder, plan = pdfs_of(which, request)
    people = list(plan.people.values())
    slots = wallet_slots()
    with pdfplumber.open(folder / "wallet.pdf") as pdf:
        assert len(pdf.pages) == -(-len(people) // len(slots))
        for number, page in enumerate(pdf.pages):
            sheet = people[number * len(slots):(number + 1) * len(slots)]
            chars = [c for c in page.chars if c["text"].strip()]
            inside = [[c for c in chars if x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom]
                      for x0, top, x1, bottom in slots[:len(sheet)]]
            assert sum(map(len, inside)) == len(chars), "every letter lies inside its card's cut lines"
            # cut marks: a short line in the top margin at each column edge
            edges = {round(x0) for x0, *_ in slots[:len(sheet)]} | {round(x1) for _, _, x1, _ in slots[:len(sheet)]}
            marks = {round((r["x0"] + r["x1"]) / 2) for r in page.rects if r["bottom"] < slots[0][1] and r["width"] < 1}
            assert edges <= marks
            for person, letters in zip(sheet, inside):
                # letters in reading order; marks above and below left out (their order is the renderer's)
                text = skeleton("".join(c["text"] for c in sorted(letters, key=lambda c: (round(c["bottom"]), c["x0"]))))
                assert skeleton(person.full_name) in text, person.id
                needed = {plan.bcp_head.id} | {pid for a in plan.assignments(person.id)
                                               for pid in ([a.role.primary] if a.as_backup else plan.backups(a.role))}
                needed |= {plan.lead_of(a.team).primary for a in plan.assignments(person.id)}
                for pid in needed - {person.id}:  # BCP head, team heads, backups: each with a number
                    other = plan.people[pid]
                    assert skeleton(other.full_name) in text, (person.id, pid)
                    number = other.mobile or other.extension
                    assert skeleton(number).translate(THAI_DIGITS) in text.translate(THAI_DIGITS), (person.id, pid)
                assert skeleton(plan.info.alternate_site.name) in text, person.id
                office = "".join(ch for ch in plan.info.office.phone if ch.isdigit())[:9]
                assert office in re.sub(r"\D", "", text.translate(THAI_DIGITS)), person.id


def test_printouts_embed_sarabun_only(lampang_site_pdf):
    for name in ("cards.pdf", "duties/wanphen.pdf", "wallet.pdf"):
        fonts = subprocess.run(["pdffonts", str(lampang_site_pdf / "pdf" / name)], capture_output=True,
                               text=True, check=True).stdout.splitlines()[2:]
        assert fonts, f"no font in {name}"
        for line in fonts:
            assert "Sarabun" in line.split()[0], (name, line)
            assert " yes yes " in line, (name, line)  # embedded and subset


def test_card_pdf_has_no_site_navigation_and_no_links_into_the_site(lampang_site_pdf):
    for name in ("cards/hathairat.pdf", "duties/hathairat.pdf"):
        reader = PdfReader(lampang_site_pdf / "pdf" / name)
        text = pdf_text(lampang_site_pdf / "pdf" / name)
        assert squeeze("ขั้นตอนการบริหารความต่อเนื่อง") not in text  # a navigation entry
        # The missing-QR note is for the plan owner on the site, not for the wall.
        assert squeeze("ยังไม่ได้กำหนดที่อยู่เว็บไซต์") not in text
        links = [a.get_object().get("/A", {}).get("/URI") for page in reader.pages for a in page.get("/Annots", []) or []]
        assert all(uri is None or str(uri).startswith("tel:") for uri in links), links


def test_site_links_to_the_pdfs(lampang_site_pdf):
    for page, targets in (("cards/index.html", ["../pdf/cards.pdf", "../pdf/wallet.pdf", "../pdf/duties/krit.pdf"]),
                          ("cards/wanphen/index.html", ["../../pdf/cards/wanphen.pdf", "../../pdf/duties/wanphen.pdf"]),
                          ("checklists/index.html", ["../pdf/checklists.pdf"]), ("call-tree/index.html", ["../pdf/call-tree.pdf"])):
        soup = BeautifulSoup((lampang_site_pdf / page).read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        for target in targets:
            assert target in hrefs, (page, target)
            assert (lampang_site_pdf / page).parent.joinpath(target).resolve().is_file()


def test_card_pdf_bytes_are_reproducible(tmp_path, mini_plan):
    lay_out(mini_plan, tmp_path / "a")
    lay_out(mini_plan, tmp_path / "b")
    a, b = tmp_path / "a" / "cards" / "bob.pdf", tmp_path / "b" / "cards" / "bob.pdf"
    assert a.read_bytes() == b.read_bytes()
    assert "/CreationDate" not in PdfReader(a).metadata
    lay_out(mini_plan, tmp_path / "c", epoch=1714521600)
    assert PdfReader(tmp_path / "c" / "cards" / "bob.pdf").metadata["/CreationDate"].startswith("D:20240501000000")


@pytest.mark.parametrize("person_id", ["wanphen", "krit"])
def test_card_page_prints_on_one_a4_page_in_a_browser(browser, lampang_site, person_id, tmp_path):
    out = print_from_disk(browser, lampang_site / "cards" / person_id / "index.html", tmp_path / f"{person_id}.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = pdf_text(out)
    assert squeeze("บัตรหน้าที่ในภาวะฉุกเฉิน") in text
    for li in the_card(lampang_site, person_id).select("[data-action]"):  # the wall card's first actions
        assert squeeze(text_of(li)) in text
    assert squeeze("สิ่งที่คุณต้องทำ ทุกระยะ") not in text  # the full duties have their own PDF
    assert squeeze("บันทึกการตัดสินใจเรื่องข้อมูล") not in text  # the site's navigation is not printed
    assert squeeze("ยังไม่ได้กำหนดที่อยู่เว็บไซต์") not in text  # nor the note to the plan owner
