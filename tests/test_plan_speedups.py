"""The benchmark's speed-ups change no answer: indexed queries, libyaml parsing, cached partials."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from bcp import DataError, load_plan
from bcp.settings import Settings
from bcp import yaml_reading as loader
from conftest import LAMPANG

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not an installed package
from bench.synthetic import write_plan  # noqa: E402


def assignments_by_scanning(plan, person_id):
    found = []
    for team in plan.teams_file.teams:
        for role in team.roles:
            if role.primary == person_id:
                found.append((team.id, role, 0))
            if person_id in role.backups:
                found.append((team.id, role, role.backups.index(person_id) + 1))
    return found


def steps_by_scanning(plan, person_id):
    return [(phase.id, [s.id for s in phase.steps
                        if any(person_id in plan.responsible_people(r) for r in s.responsible)])
            for phase in plan.procedure.phases]


@pytest.fixture(scope="module", params=["lampang", "synthetic-3x"])
def plan(request, tmp_path_factory):
    if request.param == "lampang":
        return load_plan(LAMPANG)
    return load_plan(write_plan(tmp_path_factory.mktemp("s3") / "data", scale=3, seed=5, extra_steps=9))


def test_assignments_match_a_full_scan(plan):
    for person_id in [*plan.people, "nobody"]:
        got = [(a.team.id, a.role, a.rank) for a in plan.assignments(person_id)]
        assert got == assignments_by_scanning(plan, person_id)
    assert any(plan.assignments(person_id) for person_id in plan.people)


def test_steps_for_match_a_full_scan(plan):
    for person_id in [*plan.people, "nobody"]:
        got = [(phase.id, [s.id for s in steps]) for phase, steps in plan.steps_for(person_id)]
        assert got == steps_by_scanning(plan, person_id)
    assert any(steps for person_id in plan.people for _, steps in plan.steps_for(person_id))


def test_callers_may_change_the_lists_they_get(plan):
    person_id = next(iter(plan.people))
    plan.assignments(person_id).clear()
    for _, steps in plan.steps_for(person_id):
        steps.clear()
    assert [(a.team.id, a.role, a.rank) for a in plan.assignments(person_id)] == assignments_by_scanning(plan, person_id)
    assert [(p.id, [s.id for s in st]) for p, st in plan.steps_for(person_id)] == steps_by_scanning(plan, person_id)


@pytest.mark.parametrize("name", sorted(p.name for p in LAMPANG.glob("*.yaml")))
def test_libyaml_and_pyyaml_read_the_same(name):
    text = (LAMPANG / name).read_text(encoding="utf-8")
    fast_node, fast = loader._parse(loader._FastLoader, text)
    slow_node, slow = loader._parse(loader._Loader, text)
    fast_lines, slow_lines = {}, {}
    loader._record_lines(fast_node, (), fast_lines)
    loader._record_lines(slow_node, (), slow_lines)
    assert fast == slow
    assert fast_lines == slow_lines


def test_fast_loader_is_libyaml():
    assert yaml.__with_libyaml__, "PyYAML without libyaml: loading large plans is several times slower"
    assert issubclass(loader._FastLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("text, expected_line, hint", [
    ("a: 1\n\tb: 2\n", 2, "Tab"),
    ('a: "open\n', 1, "เครื่องหมายคำพูด"),  # reported where the quote opens
    ("a: 1\na: 2\n", 2, "ซ้ำกับบรรทัด 1"),
])
def test_broken_yaml_still_gets_the_thai_hint(tmp_path, text, expected_line, hint):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        loader.read_yaml(path, "data/plan.yaml")
    problem = error.value.problems[0]
    assert problem.line == expected_line
    assert hint in problem.message


# --- compiled partials kept between builds -------------------------------------------

PARTIALS = LAMPANG.parent / "overrides" / "partials" / "bcp"


def render_all(renderer, plan):
    names = sorted(p.stem for p in PARTIALS.glob("[a-z]*.html") if p.stem not in ("team_table", "procedure_phase"))
    # What the per-person and per-phase partials are given by their pages.
    context = {"person_id": next(iter(plan.people)), "phase": plan.procedure.phases[0],
               "incident_id": plan.scope.incidents[0].id, "problems": plan.warnings, "errors": 0}
    return ([str(renderer.render(name, **context)) for name in names]
            + [str(renderer.render("team_table", team=t)) for t in plan.teams.values()]
            + [str(renderer.render("procedure_phase", phase=p)) for p in plan.procedure.phases])


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_cached_partials_render_the_same_html(private_tmp, monkeypatch, lampang_plan):
    import jinja2

    from bcp.render import Renderer

    uncached = Renderer(lampang_plan, PARTIALS, Settings.from_environ({"BCP_TEMPLATE_CACHE": "0"}))
    assert uncached.env.bytecode_cache is None
    expected = render_all(uncached, lampang_plan)

    assert render_all(Renderer(lampang_plan, PARTIALS), lampang_plan) == expected  # compiles, fills the cache
    assert list(private_tmp.glob("_jinja2-cache-*/__bcp_*.cache"))
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a) or pytest.fail("compiled again despite the cache"))
    assert render_all(Renderer(lampang_plan, PARTIALS), lampang_plan) == expected
    assert not compiled


def test_an_unusable_cache_folder_only_costs_time(private_tmp, lampang_plan):
    import os

    from bcp.render import Renderer

    (private_tmp / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    renderer = Renderer(lampang_plan, PARTIALS)
    assert renderer.env.bytecode_cache is None
    assert "bcp-team" in str(renderer.render("team_table", team=next(iter(lampang_plan.teams.values()))))


def test_cache_entries_differ_when_the_syntax_options_differ(private_tmp):
    import jinja2

    from bcp.render import template_cache

    plain = template_cache(jinja2.Environment(autoescape=True))
    trimmed = template_cache(jinja2.Environment(autoescape=True, trim_blocks=True))
    assert plain.pattern != trimmed.pattern
    assert plain.pattern == template_cache(jinja2.Environment(autoescape=True)).pattern


def plugin_config(tmp_path, data):
    """The project's mkdocs.yml with its data folder set to `data`, as MkDocs loads it."""
    from mkdocs.config import load_config

    return load_config(config_file=str(LAMPANG.parent / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                       plugins={"bcp": {"data_dir": str(data)}, "search": {}})


def test_the_plan_is_loaded_once_per_build_and_again_when_the_data_changed(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(LAMPANG, data)
    config = plugin_config(tmp_path, data)
    bcp = config.plugins["bcp"]
    bcp.on_startup(command="serve", dirty=False)
    bcp.on_config(config)
    first = bcp.plan
    bcp.on_config(config)  # mkdocs serve's next build, nothing saved
    assert bcp.plan is first
    people = data / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace('extension: "411"', 'extension: "499"'), encoding="utf-8")
    bcp.on_config(config)
    assert bcp.plan is not first
    assert {p.extension for p in bcp.plan.people.values()} >= {"499"}


@pytest.mark.parametrize("command, frozen", [("build", True), ("serve", False)])
def test_objects_are_frozen_out_of_collections_only_in_a_one_off_build(command, frozen, tmp_path):
    import gc

    config = plugin_config(tmp_path, LAMPANG)
    bcp = config.plugins["bcp"]
    bcp.on_startup(command=command, dirty=False)
    bcp.on_config(config)
    gc.unfreeze()
    try:
        bcp.on_pre_build(config=config)
        assert (gc.get_freeze_count() > 0) is frozen
    finally:
        gc.unfreeze()


def test_step_numbers_are_the_positions_in_their_phase(plan):
    for phase in plan.procedure.phases:
        assert [plan.step_number(step) for step in phase.steps] == list(range(1, len(phase.steps) + 1))
