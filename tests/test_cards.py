"""Role cards and the call tree: what each person reads on their card, on the site and on paper."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import segno
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bcp import load_plan
from bcp.calltree import CallTree
from conftest import FIXTURES, LAMPANG, built_site, print_from_disk

MINI = FIXTURES / "cards-mini"
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


def the_card(site: Path, person_id: str):
    cards = card_soup(site, person_id).select(".bcp-card")
    assert len(cards) == 1
    return cards[0]


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


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_a_card_for_every_person_and_no_one_else(which, request):
    site = request.getfixturevalue("lampang_site" if which == "lampang" else "mini_site")
    folder = LAMPANG if which == "lampang" else MINI
    people = [p["id"] for p in raw(folder, "people.yaml")["people"]]
    pages = sorted(p.parent.name for p in (site / "cards").glob("*/index.html"))
    assert pages == sorted(people)
    if which == "lampang":
        assert len(pages) == 13
    index = BeautifulSoup((site / "cards" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [row["data-person"] for row in index.select("tr[data-person]")] == people
    for person_id in people:
        assert the_card(site, person_id)["data-person"] == person_id


@pytest.mark.parametrize("which", ["lampang", "mini"])
def test_each_card_lists_all_roles_and_steps_of_that_person(which, request):
    site = request.getfixturevalue("lampang_site" if which == "lampang" else "mini_site")
    folder = LAMPANG if which == "lampang" else MINI
    plan = load_plan(folder)
    steps, roles = expected_steps(folder), expected_roles(folder)
    for person_id in plan.people:
        card = the_card(site, person_id)
        assert [li["data-step"] for li in card.select("[data-step]")] == steps[person_id], person_id
        assert {li["data-role"] for li in card.select("[data-role]")} == roles[person_id], person_id
        shown = text_of(card)
        for step_id in steps[person_id]:
            step = next(s for s in plan.all_steps if s.id == step_id)
            li = card.select_one(f'[data-step="{step_id}"]')
            assert fold(step.text) in text_of(li)
            for item in step.items:
                assert fold(item) in text_of(li)
        for li in card.select("[data-role]"):
            if li["data-role"] == "bcp-head":
                assert "หัวหน้าคณะบริหารความต่อเนื่อง" in text_of(li)
                continue
            team_id, role, capacity = li["data-role"].split(":")
            team = plan.teams[team_id]
            assert f"{plan.teams_file.role_names[role]} {team.name}" in text_of(li)
            assert ("บุคลากรสำรอง" if capacity == "backup" else "บุคลากรหลัก") in text_of(li)
            held = next(r for r in team.roles if r.role == role and person_id in (r.primary, *r.backups))
            others = [held.primary] if capacity == "backup" else held.backups
            for other in others:
                assert plan.people[other].full_name in text_of(li)  # whom they back up / who backs them up
        assert all(site.name in shown for site in plan.info.alternate_sites)


def test_a_card_reads_like_the_plan_for_lampang(lampang_site):
    card = the_card(lampang_site, "hathairat")
    shown = text_of(card)
    # every phase is there, day 8 onwards said so
    assert "วันที่ ๑ (ภายใน ๒๔ ชั่วโมง)" in shown and "วันที่ ๒ - ๗" in shown and "วันที่ ๘ เป็นต้นไป" in shown
    # the call tree from her side: her team leads call her, with who calls if they cannot
    calls = text_of(card.select(".bcp-card__calls-table")[0])
    assert "นางวันเพ็ญ พึ่งพิบูลย์ ต่อ ๒๐๙" in calls
    assert "นางสาวทัชชกร กฤษณนัยน์ ต่อ ๔๑๑" in calls and "นางสาวสุพัตรา คุณยศยิ่ง ต่อ ๓๐๙" in calls
    assert "๐ ๕๔๒๖ ๕๐๑๘–๒๑" in shown  # the office's number
    # a backup's steps say whom they stand in for: once when it is the same for all, else step by step
    uraiwan = the_card(lampang_site, "uraiwan")
    assert "ทุกขั้นตอนด้านล่าง ทำเมื่อทำหน้าที่แทน นางหทัยรัตน์ เทพประสิทธิ์" in text_of(uraiwan.select_one(".bcp-card__steps"))
    supattra = the_card(lampang_site, "supattra")
    assert "เมื่อทำหน้าที่แทน นางหทัยรัตน์ เทพประสิทธิ์" in text_of(supattra.select_one('[data-step="d1-report-damage"]'))
    assert "เมื่อทำหน้าที่แทน นางวันเพ็ญ พึ่งพิบูลย์" in text_of(supattra.select_one('[data-step="d1-identify-urgent-work"]'))
    assert "เมื่อทำหน้าที่แทน" not in text_of(the_card(lampang_site, "hathairat").select_one(".bcp-card__steps"))
    # the head starts the tree and calls the head of the other team, with the backup to try next
    head = the_card(lampang_site, "wanphen")
    outgoing = head.select(".bcp-card__calls-table")[1]
    row = next(tr for tr in outgoing.select("tbody tr") if "นายกริชณ" in text_of(tr))
    assert "นายเสกสรรค์ ปัญญาสงค์ ต่อ ๔๐๗" in text_of(row.select("td")[1])


def test_card_data_is_escaped(mini_site):
    card = the_card(mini_site, "ann")
    assert "ผู้ช่วย <งาน> & ธุรการ" in text_of(card)
    assert "หัวข้อ <สอง> & สาม" in text_of(card)
    html = str(card)
    assert "<งาน>" not in html and "<สอง>" not in html


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
    card = the_card(mini_site, "eve")
    shown = text_of(card)
    assert "ไม่มีบทบาทในทีมงานบริหารความต่อเนื่อง" in shown
    assert "สายการแจ้งเหตุไปไม่ถึงคุณ" in shown
    assert not card.select("[data-step]")


def test_qr_code_opens_the_card_on_the_intranet(mini_site):
    for person_id in ("ann", "eve"):
        svg = the_card(mini_site, person_id).select_one(".bcp-card__qr svg")
        assert svg is not None
        # the same modules as a code made here for the address the card must open
        expected = segno.make(f"{MINI_URL}cards/{person_id}/", error="m", micro=False)
        path = BeautifulSoup(expected.svg_inline(scale=1, border=2, omitsize=True), "html.parser").find("path")["d"]
        assert svg.find("path", class_="qrline")["d"] == path


def test_without_a_site_address_the_owner_is_told_not_the_card(lampang_site):
    card = the_card(lampang_site, "krit")
    assert not card.select("svg")
    # a setup hint is the plan owner's: on the data-notes page, with the file and the field
    assert "ยังไม่ได้กำหนดที่อยู่เว็บไซต์" not in text_of(card) and "site_url" not in text_of(card)
    notices = BeautifulSoup((lampang_site / "data-notes" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hint = [text_of(li) for li in notices.select("#owner-notices-list li") if "site_url" in text_of(li)]
    assert len(hint) == 1 and "ยังไม่ได้กำหนดที่อยู่เว็บไซต์ของแผนบนอินทราเน็ต" in hint[0] and "data/plan.yaml" in hint[0]


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


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_every_card_pdf_is_exactly_one_page(lampang_site_pdf, lampang_plan):
    folder = lampang_site_pdf / "pdf"
    assert sorted(p.stem for p in (folder / "cards").glob("*.pdf")) == sorted(lampang_plan.people)
    for person_id in lampang_plan.people:
        assert len(PdfReader(folder / "cards" / f"{person_id}.pdf").pages) == 1, person_id
    combined = folder / "cards.pdf"
    assert len(PdfReader(combined).pages) == len(lampang_plan.people) == 13
    for number, person in enumerate(lampang_plan.people.values(), 1):
        assert squeeze(person.full_name) in pdf_text(combined, number)


def test_card_pdfs_hold_every_step_with_a_true_thai_text_layer(lampang_site_pdf, lampang_plan):
    steps = expected_steps(LAMPANG)
    by_id = {s.id: s for s in lampang_plan.all_steps}
    for person_id in ("wanphen", "thatchakorn", "krit", "uraiwan"):  # the busiest and some others
        text = pdf_text(lampang_site_pdf / "pdf" / "cards" / f"{person_id}.pdf")
        for step_id in steps[person_id]:
            assert squeeze(by_id[step_id].text) in text, (person_id, step_id)
    # SARA AM and the letters after it extract as typed ("สำนักงาน", not "สำนักงำน")
    assert squeeze("สำนักงานประกันสังคม") in pdf_text(lampang_site_pdf / "pdf" / "cards" / "krit.pdf")


def test_card_pdfs_embed_sarabun_only(lampang_site_pdf):
    fonts = subprocess.run(["pdffonts", str(lampang_site_pdf / "pdf" / "cards.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "no font in the PDF"
    for line in fonts:
        assert "Sarabun" in line.split()[0], line
        assert " yes yes " in line, line  # embedded and subset


def test_card_pdf_has_no_site_navigation_and_no_links_into_the_site(lampang_site_pdf):
    reader = PdfReader(lampang_site_pdf / "pdf" / "cards" / "hathairat.pdf")
    text = pdf_text(lampang_site_pdf / "pdf" / "cards" / "hathairat.pdf")
    assert squeeze("ขั้นตอนการบริหารความต่อเนื่อง") not in text  # a navigation entry
    # The missing-QR note is for the plan owner on the site, not for the wall.
    assert squeeze("ยังไม่ได้กำหนดที่อยู่เว็บไซต์") not in text
    links = [a.get_object().get("/A", {}).get("/URI") for a in reader.pages[0].get("/Annots", []) or []]
    assert all(uri is None or str(uri).startswith("tel:") for uri in links), links


def test_site_links_to_the_pdfs(lampang_site_pdf):
    for page, target in (("cards/index.html", "../pdf/cards.pdf"), ("cards/wanphen/index.html", "../../pdf/cards/wanphen.pdf"),
                         ("checklists/index.html", "../pdf/checklists.pdf"), ("call-tree/index.html", "../pdf/call-tree.pdf")):
        soup = BeautifulSoup((lampang_site_pdf / page).read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        assert target in hrefs, page
        assert (lampang_site_pdf / page).parent.joinpath(target).resolve().is_file()


def lay_out_cards(plan, out: Path, epoch: int | None = None) -> None:
    """The cards job of `make site`, laid out in this process."""
    from bcp.pdf import LayoutPool
    from bcp.printouts import Printouts
    from bcp.render import Renderer

    root = Path(__file__).parents[1]
    renderer = Renderer(plan, root / "overrides" / "partials" / "bcp")
    pool = LayoutPool([root / "docs"], epoch, processes=0)
    (job, *_) = Printouts(renderer, str(root / "docs")).jobs()
    pool.submit(job, out).result()


def test_card_pdf_bytes_are_reproducible(tmp_path, mini_plan):
    lay_out_cards(mini_plan, tmp_path / "a")
    lay_out_cards(mini_plan, tmp_path / "b")
    a, b = tmp_path / "a" / "cards" / "bob.pdf", tmp_path / "b" / "cards" / "bob.pdf"
    assert a.read_bytes() == b.read_bytes()
    assert "/CreationDate" not in PdfReader(a).metadata
    lay_out_cards(mini_plan, tmp_path / "c", epoch=1714521600)
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
    assert squeeze("บันทึกการตัดสินใจเรื่องข้อมูล") not in text  # the site's navigation is not printed
    assert squeeze("ยังไม่ได้กำหนดที่อยู่เว็บไซต์") not in text  # nor the note to the plan owner
