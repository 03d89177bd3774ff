"""An incident's page and sheet: what the plan says to do when that incident happens.

Every line comes from the data: the areas the incident hits (scope.yaml), the
plan's strategies for them (strategies.yaml), the processes to recover first
(bia.yaml), the BCP head to call and the alternate site.
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
from conftest import FIXTURES, page_text


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


@pytest.fixture(scope="module")
def second_office_site(tmp_path_factory):
    from conftest import build_site

    out = tmp_path_factory.mktemp("second-office-incidents") / "site"
    result = build_site(out, data=FIXTURES / "second-office")
    assert result.returncode == 0, result.stderr
    return out


def test_another_office_gets_a_page_per_incident_of_its_own(second_office_site):
    plan = load_plan(FIXTURES / "second-office")
    built = sorted(p.name for p in (second_office_site / "incidents").iterdir() if p.is_dir())
    assert built == sorted(i.id for i in plan.scope.incidents)
