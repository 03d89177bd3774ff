"""The benchmark's synthetic plans are valid plans that build (not a timed test)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import LAMPANG, ROOT, build_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package
from bench.synthetic import write_plan  # noqa: E402


@pytest.fixture(scope="module")
def synthetic_2x(tmp_path_factory):
    return write_plan(tmp_path_factory.mktemp("synthetic") / "data", scale=2, seed=7, extra_steps=3)


def test_synthetic_plan_passes_bcp_check(synthetic_2x, lampang_plan):
    result = subprocess.run([sys.executable, "-m", "bcp", "check", str(synthetic_2x)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    people, teams = 2 * len(lampang_plan.people), 2 * len(lampang_plan.teams)
    steps = 2 * len(lampang_plan.all_steps) + 3
    assert f"({people} คน, {teams} ทีม, {steps} ขั้นตอน" in result.stdout


def test_synthetic_plan_keeps_no_wording_of_its_base(synthetic_2x):
    written = "\n".join(path.read_text(encoding="utf-8") for path in synthetic_2x.glob("*.yaml"))
    base = yaml.safe_load((LAMPANG / "plan.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((LAMPANG / "people.yaml").read_text(encoding="utf-8"))["people"]
    assert base["office"]["name"] not in written
    for person in people:
        assert person["first_name"] not in written and person["last_name"] not in written


def test_synthetic_plan_is_deterministic(tmp_path):
    first = write_plan(tmp_path / "a", scale=2, seed=3)
    again = write_plan(tmp_path / "b", scale=2, seed=3)
    other = write_plan(tmp_path / "c", scale=2, seed=4)
    for path in first.glob("*.yaml"):
        assert path.read_bytes() == (again / path.name).read_bytes()
    assert (first / "people.yaml").read_bytes() != (other / "people.yaml").read_bytes()


def test_synthetic_plan_builds(synthetic_2x, tmp_path, lampang_plan):
    result = build_site(tmp_path / "site", data=synthetic_2x)
    assert result.returncode == 0, result.stderr
    teams = (tmp_path / "site" / "teams" / "index.html").read_text(encoding="utf-8")
    procedure = (tmp_path / "site" / "procedure" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'class="bcp-table bcp-team"', teams)) == 2 * len(lampang_plan.teams)
    assert len(re.findall(r'<tr id="step-', procedure)) == 2 * len(lampang_plan.all_steps) + 3
    office = yaml.safe_load((synthetic_2x / "plan.yaml").read_text(encoding="utf-8"))["office"]["name"]
    assert office in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
