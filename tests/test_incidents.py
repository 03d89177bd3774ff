"""An incident's page and sheet: what the plan says to do when that incident happens.

Every line comes from the data: the areas the incident hits (scope.yaml), the
plan's strategies for them (strategies.yaml), the processes to recover first
(bia.yaml), what the first time window needs (resources.yaml), the first
phase's steps with who does them (procedure.yaml), whom to call first (the top
of the call tree), the alternate site.  The home page and the scope table link
to the pages; the plan PDF holds them as a section; each has a one-page sheet.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bcp import load_plan
from bcp.incidents import brief
from bcp.labels import fill_text
from conftest import FIXTURES, LAMPANG, SECOND_OFFICE, page_text

import pdfplumber
from pypdf import PdfReader

from bcp.cards import short_line
from bcp.incidents import first_needs
from bcp.render import Renderer
from bcp.thai import format_extension, format_phone


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path) -> str:
    return squeeze(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def test_the_brief_takes_the_incidents_areas_and_their_strategies_only(lampang_plan):
    protest = brief(lampang_plan, "protest")
    assert [a.id for a in protest.areas] == [a.id for a in lampang_plan.scope.impact_areas if a.id in ("people", "partners")]
    assert {s.area for s in protest.strategies} == {"people", "partners"}
    hours = [lampang_plan.windows[p.recovery].hours for p in protest.processes]
    assert hours == sorted(hours) and len(protest.processes) == len(lampang_plan.bia.processes)


def test_every_incident_has_its_page_with_what_the_plan_says(lampang_site, lampang_plan):
    for incident in lampang_plan.scope.incidents:
        b = brief(lampang_plan, incident.id)
        text = page_text(lampang_site, f"incidents/{incident.id}")
        assert f"เมื่อเกิด{incident.name}" in text
        for area in b.areas:
            assert area.name in text, (incident.id, area.id)
        others = [a for a in lampang_plan.scope.impact_areas if a not in b.areas]
        for area in others:  # an area the incident does not hit is not on its page
            assert area.definition not in text, (incident.id, area.id)
        for strategy in b.strategies:
            for measure in strategy.measures:
                assert " ".join(measure.text.split()) in text, (incident.id, measure.text[:30])
        for process in lampang_plan.bia.processes:
            assert process.name in text
        assert lampang_plan.bcp_head.full_name in text
        assert lampang_plan.info.alternate_site.name in text


def test_the_incidents_index_links_every_incident(lampang_site, lampang_plan):
    soup = BeautifulSoup((lampang_site / "incidents" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article table a")}
    for incident in lampang_plan.scope.incidents:
        target = (lampang_site / "incidents" / links[incident.name]).resolve()
        assert target == (lampang_site / "incidents" / incident.id / "index.html").resolve()
    assert "incidents/index.html" in (lampang_site / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_every_incident_has_its_pdf(lampang_site_pdf, lampang_plan):
    for incident in lampang_plan.scope.incidents:
        path = lampang_site_pdf / "pdf" / "incidents" / f"{incident.id}.pdf"
        text = pdf_text(path)
        assert squeeze(f"เมื่อเกิด{incident.name}") in text
        for strategy in brief(lampang_plan, incident.id).strategies:
            assert squeeze(strategy.resource) in text
        # no other incident's sheet in this file
        for other in lampang_plan.scope.incidents:
            if other.id != incident.id:
                assert squeeze(f"เมื่อเกิด{other.name}") not in text


def test_another_office_gets_a_page_per_incident_of_its_own(second_office_site):
    plan = load_plan(FIXTURES / "second-office")
    built = sorted(p.name for p in (second_office_site / "incidents").iterdir() if p.is_dir())
    assert built == sorted(i.id for i in plan.scope.incidents)


# --- the page: what to do, from every part of the plan ---------------------------------------


def fold(text: str) -> str:
    return " ".join(text.split())


def text_of(element) -> str:
    return fold(element.get_text(" "))


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_first_window_needs_only_what_that_window_uses(lampang_plan):
    needs = first_needs(lampang_plan)
    assert needs.window == lampang_plan.info.time_windows[0].id == "4h"
    assert [n.name for n in needs.equipment] == [e.item for e in lampang_plan.resources.equipment]  # all used at 4h
    assert [n.count for n in needs.equipment][:2] == [2, 2]
    assert needs.workspace == () and needs.it_systems == ()  # none starts within 4 hours
    assert [(n.name, n.count) for n in needs.staff][0] == ("เจ้าหน้าที่รับชำระเงินสมทบ", 1)
    second = first_needs(load_plan(SECOND_OFFICE))
    # "-" (none) and 0 are not needed; only the internet provider is, in the first two hours
    assert second.window == "2h" and [key for key, _ in second.groups] == ["services"]
    assert [(n.name, n.count) for n in second.services] == [("ผู้ให้บริการอินเทอร์เน็ตตัวอย่าง", 1)]


def assert_incident_pages(site: Path, plan) -> None:
    """Each incident's page holds, in its own sections, what the plan says to do."""
    first = plan.procedure.phases[0]
    renderer = Renderer(plan, "overrides/partials/bcp")
    digits = renderer.digits
    for incident in plan.scope.incidents:
        b = brief(plan, incident.id)
        page = soup_of(site, f"incidents/{incident.id}").select_one("article .bcp-incident")
        # the strategies of each area it hits, under the area's strategy heading
        strategies = page.select_one(".bcp-incident__strategies")
        assert b.strategies
        for strategy in b.strategies:
            measures = text_of(strategies.select_one(f'ul[data-area="{strategy.area}"]'))
            assert strategy.resource in text_of(strategies)
            for measure in strategy.measures:
                assert fold(measure.text) in measures, (incident.id, measure.text[:30])
        # the BIA's processes, each with its urgency and recovery target on its row
        rows = {text_of(row.th): text_of(row) for row in page.select(".bcp-incident__processes tbody tr")}
        for process in plan.bia.processes:
            assert plan.urgency[process.urgency].name in rows[process.name]
            assert digits(plan.window_label(process.recovery)) in rows[process.name]
        # what the first time window needs, with the counts
        needs = text_of(page.select_one(".bcp-incident__needs"))
        assert digits(plan.window_label(plan.info.time_windows[0].id)) in needs
        for key, group in b.needs.groups:
            for need in group:
                line = text_of(page.select_one(f'.bcp-incident__needs [data-needs="{key}"]'))
                assert need.name in line, (incident.id, need.name)
                if need.counted:
                    assert f"{need.name} {digits(need.count)}" in line.replace("*", ""), need.name
        # the first phase's steps, each with who does it
        steps = page.select(".bcp-incident__steps li[data-step]")
        assert [li["data-step"] for li in steps] == [step.id for step in first.steps]
        for li, step in zip(steps, first.steps):
            assert fold(step.text) in text_of(li)
            for who in plan.responsibility_labels(step):
                assert fold(who) in text_of(li.select_one(".bcp-incident__who")), step.id
        # whom to call first: the head, then each team's lead and who to try next, with their numbers
        calls = page.select_one(".bcp-incident__calls")
        tree = renderer.call_tree
        called = [tree.root, *tree.root.children]
        for node in called:
            for pid in node.people:
                person = plan.people[pid]
                assert person.full_name in text_of(calls)
                number = person.mobile and format_phone(person.mobile, plan.thai_digits)
                assert (number or format_extension(person.extension, plan.thai_digits)) in text_of(calls), pid
        for team in tree.root.children:
            assert calls.select_one(f'[data-call="{team.team.id}"]')
        only_office = any(not plan.people[pid].mobile for node in called for pid in node.people)
        assert bool(calls.select("[data-office-lines]")) == only_office
        if only_office:
            assert format_phone(plan.info.office.phone, plan.thai_digits) in text_of(calls)


def test_every_incident_page_says_what_to_do_lampang(lampang_site, lampang_plan):
    assert_incident_pages(lampang_site, lampang_plan)
    # nobody at the top of Lampang's call tree has a mobile: the office line's caveat shows
    assert "เบอร์ต่อ" in text_of(soup_of(lampang_site, "incidents/fire").select_one("[data-office-lines]"))


def test_every_incident_page_says_what_to_do_second_office(second_office_site):
    plan = load_plan(SECOND_OFFICE)
    assert_incident_pages(second_office_site, plan)
    page = soup_of(second_office_site, "incidents/flood")
    assert page.select_one('.bcp-incident__calls a[href="tel:+66891112222"]')  # mobile numbers as links


def test_an_incident_that_hits_no_area_says_so(data_copy):
    data_copy.replace("scope.yaml", "incidents:\n", "incidents:\n  - id: quiet\n    name: เหตุการณ์ทดสอบเงียบ\n    impacts: []\n")
    plan = data_copy.load()
    html = str(Renderer(plan, "overrides/partials/bcp").render("incident", incident_id="quiet"))
    page = BeautifulSoup(html, "html.parser")
    assert text_of(page.select_one(".bcp-incident__impacts p")) == plan.labels.incident_no_impact
    assert text_of(page.select_one(".bcp-incident__strategies p")) == plan.labels.incident_no_strategy
    assert not page.select(".bcp-incident__strategies h3, .bcp-incident__impacts li")
    # what does not hang on the areas is still there: calls, processes, resources, first steps
    assert page.select(".bcp-incident__calls li") and page.select(".bcp-incident__processes tbody tr")
    assert page.select(".bcp-incident__needs li") and page.select(".bcp-incident__steps li")


def test_the_incident_page_escapes_the_data(data_copy):
    data_copy.replace("scope.yaml", "incidents:\n", "incidents:\n  - id: odd\n    name: \"<b>เหตุ</b> & <i>\"\n    impacts: [people]\n")
    plan = data_copy.load()
    renderer = Renderer(plan, "overrides/partials/bcp")
    for name in ("incident", "incidents_home", "incidents_plan", "impact_matrix"):
        html = str(renderer.render(name, incident_id="odd"))
        assert "<b>เหตุ</b>" not in html and "&lt;b&gt;เหตุ&lt;/b&gt; &amp; &lt;i&gt;" in html, name


def test_the_home_page_opens_with_the_incidents(lampang_site, lampang_plan):
    article = soup_of(lampang_site, ".").select_one("article")
    picker = article.select_one(".bcp-incident-picker")
    assert text_of(picker.select_one(".bcp-incident-picker__title")) == lampang_plan.labels.home_incidents_title
    # the first thing under the page's title, before the cover and the introduction
    assert article.find("h1").find_next_sibling() is picker
    first_links = [a for a in article.find_all("a", href=True) if "md-content__button" not in (a.get("class") or [])]
    links = picker.select("a")
    assert first_links[: len(links)] == links
    assert [text_of(a) for a in links] == [i.name for i in lampang_plan.scope.incidents]
    for a, incident in zip(links, lampang_plan.scope.incidents):
        assert (lampang_site / a["href"]).resolve() == (lampang_site / "incidents" / incident.id / "index.html").resolve()


def test_the_scope_table_links_each_incident_to_its_page(lampang_site, lampang_plan):
    scope = soup_of(lampang_site, "scope")
    rows = scope.select("table.bcp-matrix tbody tr")
    assert len(rows) == len(lampang_plan.scope.incidents)
    for row, incident in zip(rows, lampang_plan.scope.incidents):
        link = row.select_one("th a")
        assert text_of(link) == incident.name
        assert (lampang_site / "scope" / link["href"]).resolve() == (lampang_site / "incidents" / incident.id / "index.html").resolve()


# --- on paper --------------------------------------------------------------------------------


def outline_titles(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, fold(item.title)))
    walk(PdfReader(path).outline, 0)
    return found


def test_the_plan_pdf_has_the_incidents_section(lampang_site_pdf, lampang_plan):
    path = lampang_site_pdf / "pdf" / "plan.pdf"
    titles = outline_titles(path)
    section = titles.index((0, lampang_plan.labels.incidents_title))
    names = [fold(f"เมื่อเกิด{i.name}") for i in lampang_plan.scope.incidents]
    # each incident one level under the section, its parts under it, in order
    assert [t for d, t in titles[section + 1:] if d == 1][: len(names)] == names
    incident_at = titles.index((1, names[0]))
    assert (2, lampang_plan.labels.incident_call_title) in titles[incident_at: titles.index((1, names[1]))]
    text = pdf_text(path)
    for incident in lampang_plan.scope.incidents:
        for strategy in brief(lampang_plan, incident.id).strategies:
            assert squeeze(strategy.measures[0].text) in text
    # the incidents' own pages are not in the plan twice: each brief is there once
    assert text.count(squeeze(f"เมื่อเกิด{lampang_plan.scope.incidents[0].name}")) == 2  # the contents and the section


@pytest.mark.parametrize("which", ["lampang", "second-office"])
def test_every_incident_sheet_is_one_page_with_the_strategies(which, request):
    site = request.getfixturevalue("lampang_site_pdf" if which == "lampang" else "second_office_site_pdf")
    plan = load_plan(LAMPANG if which == "lampang" else SECOND_OFFICE)
    steps = plan.procedure.phases[0].steps
    for incident in plan.scope.incidents:
        path = site / "pdf" / "incidents" / f"{incident.id}.pdf"
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == 1, incident.id
            smallest = min(c["size"] for c in pdf.pages[0].chars if c["text"].strip())
        assert smallest >= 9.99, (incident.id, smallest)
        text = pdf_text(path)
        for strategy in brief(plan, incident.id).strategies:
            assert squeeze(strategy.resource) in text
            for measure in strategy.measures:
                assert squeeze(measure.text) in text, (incident.id, measure.text[:30])
        for process in plan.bia.processes:
            assert squeeze(process.name) in text
        # the first steps as short lines; those left off are counted, and the page named for them
        shown = [step for step in steps if squeeze(short_line(step)) in text]
        assert shown == steps[: len(shown)] and shown, incident.id
        left = len(steps) - len(shown)
        more = squeeze(fill_text(plan.labels.incident_sheet_more_steps, count=thai_count(plan, left)))
        assert (more in text) == (left > 0), incident.id
        assert squeeze(plan.labels.incident_sheet_more.split("{")[0]) in text
    if which == "second-office":  # a short plan: every first step on the sheet
        assert squeeze(short_line(steps[-1])) in pdf_text(site / "pdf" / "incidents" / "fire.pdf")


def thai_count(plan, count: int) -> str:
    from bcp.thai import digits

    return digits(count, plan.thai_digits)


def test_the_incidents_section_printed_in_the_plan_is_not_searched_twice(lampang_site, lampang_plan):
    """The incidents page carries every brief for paper only: search lands on each incident's own page."""
    import json

    docs = json.loads((lampang_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    index_page = [d for d in docs if d["location"].startswith("incidents/") and d["location"].split("#")[0] == "incidents/"]
    assert [d["location"] for d in index_page] == ["incidents/"]
    measure = lampang_plan.strategies[0].measures[0].text
    for doc in docs:  # no page's entry holds a brief from an element hidden on screen
        if doc["location"].startswith("incidents/"):
            assert squeeze(measure)[:20] not in squeeze(doc["text"].replace("\u200b", "")), doc["location"]


def lay_out_sheets(plan, out: Path):
    """The sheets laid out as a build does: a second pass while the printouts ask for one.
    The results of every pass, in order."""
    from bcp import pdf
    from bcp.printouts import Printouts

    root = Path(__file__).resolve().parents[1]
    printouts = Printouts(Renderer(plan, root / "overrides" / "partials" / "bcp"), str(root / "docs"))
    pdf.start_worker([str(root / "docs")], None)
    results = [pdf.lay_out(printouts.incidents_job(), str(out))]
    while (again := printouts.retry(results[-1])) is not None:
        assert len(results) < 3, "a sheet laid out a third time"
        results.append(pdf.lay_out(again, str(out)))
    return printouts, results


def test_a_sheet_is_laid_out_once_and_its_first_page_says_how_many_steps_it_left_out(lampang_plan, tmp_path):
    """Every first step goes into the layout and only each sheet's first page is printed: its footer
    counts the steps that page left out, so no sheet is laid out a second time with fewer steps,
    and nothing is laid out past that page (no page nobody prints)."""
    printouts, results = lay_out_sheets(lampang_plan, tmp_path)
    [result] = results
    assert result.pages == len(lampang_plan.scope.incidents)
    assert printouts.overflowing(result) == []
    steps = lampang_plan.first_phase.steps
    for incident in lampang_plan.scope.incidents:
        path = tmp_path / "incidents" / f"{incident.id}.pdf"
        assert len(PdfReader(path).pages) == 1, incident.id
        text = pdf_text(path)
        shown = [step for step in steps if squeeze(short_line(step)) in text]
        assert shown == steps[: len(shown)] and 0 < len(shown) < len(steps), incident.id
        # the count of the steps left out is the one the last step on the page gave the footer
        counts = re.findall(r"และอีก(\S+?)ขั้นตอน", text)
        assert counts == [thai_count(lampang_plan, len(steps) - len(shown))], (incident.id, counts)


def test_a_sheet_too_long_before_its_first_step_is_printed_whole_and_named(data_copy, tmp_path):
    """Cutting such a sheet to one page would drop the strategies: it keeps every page, and the build names it."""
    long_measure = "กำหนดให้มีมาตรการสำรองที่ยาวมากเพื่อทดสอบ " * 60
    resource = "    resource: อาคาร/สถานที่ปฏิบัติงานสำรอง\n    measures:\n"
    data_copy.replace("strategies.yaml", resource, f"{resource}      - text: {long_measure.strip()}\n")
    plan = data_copy.load()
    printouts, results = lay_out_sheets(plan, tmp_path)
    # the premise: the long measure pushes some sheet's first step off its first page
    assert len(results) == 2
    long_sheets = printouts.overflowing(results[-1])
    assert long_sheets and printouts.overflowing(results[0]) == []
    # only those are laid out again
    assert sorted(results[-1].section_pages) == sorted(f"incident-page-{i.id}" for i in plan.scope.incidents
                                                       if i.name in long_sheets)
    for incident in plan.scope.incidents:
        pages = len(PdfReader(tmp_path / "incidents" / f"{incident.id}.pdf").pages)
        assert (pages > 1) == (incident.name in long_sheets), incident.id
