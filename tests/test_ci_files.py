"""The ready-made pre-commit hook and GitHub Actions workflow the plan owners' repository uses."""

from __future__ import annotations

import shlex
import subprocess

import yaml

from conftest import ROOT


def test_pre_commit_hooks_run_and_pass_on_the_committed_data():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"bcp-check", "bcp-schema"}
    for hook in hooks.values():
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        # pre-commit runs the entry from the repository root, as here.
        result = subprocess.run(shlex.split(hook["entry"]), cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, (hook["id"], result.stderr)
    assert "ข้อมูลแผนถูกต้อง" in subprocess.run(shlex.split(hooks["bcp-check"]["entry"]), cwd=ROOT,
                                                capture_output=True, text=True).stdout


def test_workflow_checks_builds_uploads_and_comments():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "bcp.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "push" in triggers
    assert workflow["permissions"]["pull-requests"] == "write"
    steps = workflow["jobs"]["plan"]["steps"]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    runs = [step.get("run", "") for step in steps]

    def step_running(text: str) -> dict:
        return next(step for step in steps if text in step.get("run", ""))

    diff = step_running("bcp diff")
    assert diff["if"] == "github.event_name == 'pull_request'"
    assert '"origin/$BASE_REF" HEAD > plan-changes.md' in diff["run"]
    assert diff["env"]["BASE_REF"] == "${{ github.base_ref }}"
    # bcp diff always says something ("no change" included): the comment is posted whatever it says
    script = uses["actions/github-script"]["with"]["script"]
    assert "plan-changes.md" in script and "return;" not in script
    # the comment goes out before a failing check can stop the job
    assert steps.index(uses["actions/github-script"]) < steps.index(step_running("bcp check"))
    assert any(run.strip() == ".venv/bin/python -m bcp check" for run in runs)
    assert any("scripts/build_site.sh site" in run for run in runs)
    artifacts = [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/upload-artifact")]
    assert artifacts == ["site/", "site/pdf/"]
    # every file the workflow installs from exists
    assert (ROOT / "requirements.txt").is_file() and (ROOT / "scripts" / "build_site.sh").is_file()


def _diff_step_run() -> str:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "bcp.yml").read_text(encoding="utf-8"))
    return next(step["run"] for step in workflow["jobs"]["plan"]["steps"] if "bcp diff" in step.get("run", ""))


def _run_diff_step(tmp_path, fake_bcp: str) -> str:
    """The workflow's diff step, as GitHub runs it (bash -e), with `.venv/bin/python` replaced by `fake_bcp`."""
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("#!/bin/sh\n" + fake_bcp, encoding="utf-8")
    python.chmod(0o755)
    subprocess.run(["bash", "-e", "-c", _diff_step_run()], cwd=tmp_path, check=True, env={"BASE_REF": "main", "PATH": "/usr/bin:/bin"})
    return (tmp_path / "plan-changes.md").read_text(encoding="utf-8")


def test_a_summary_that_failed_is_posted_as_its_error_not_as_no_change(tmp_path):
    posted = _run_diff_step(tmp_path, "echo 'ข้อผิดพลาดภายในของโปรแกรม' >&2\nexit 1\n")
    assert posted.startswith("## สรุปการเปลี่ยนแปลงของแผนไม่ได้")
    assert "    ข้อผิดพลาดภายในของโปรแกรม" in posted


def test_invalid_data_posts_the_summary_diff_wrote(tmp_path):
    posted = _run_diff_step(tmp_path, "echo '## ข้อมูลแผนมีข้อผิดพลาด'\nexit 1\n")
    assert posted == "## ข้อมูลแผนมีข้อผิดพลาด\n"


def test_no_change_is_posted_as_bcp_diff_says_it(tmp_path):
    said = "## สรุปการเปลี่ยนแปลงของแผน\n\nไม่มีการเปลี่ยนแปลงข้อมูลแผนระหว่าง `origin/main` (1234567) และ `HEAD` (89abcde)\n"
    assert _run_diff_step(tmp_path, f"printf '%s' '{said}'\nexit 0\n") == said


# --- every office, one job each ---------------------------------------------------------------


def _jobs() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "bcp.yml").read_text(encoding="utf-8"))["jobs"]


def _run_step(run: str, cwd, env: dict | None = None) -> None:
    subprocess.run(["bash", "-e", "-c", run], cwd=cwd, check=True, env={"PATH": "/usr/bin:/bin", **(env or {})})


def test_a_job_lists_the_offices_with_nothing_installed(tmp_path):
    import json
    import sys

    jobs = _jobs()
    steps = jobs["offices"]["steps"]
    assert [step["uses"].split("@")[0] for step in steps if "uses" in step] == ["actions/checkout", "actions/setup-python"]
    listing = next(step for step in steps if step.get("id") == "list")
    assert jobs["offices"]["outputs"]["offices"] == "${{ steps.list.outputs.offices }}"
    # as GitHub runs it: setup-python's `python`, before any pip install (-S: no site-packages, so
    # neither pydantic nor PyYAML can be imported)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec {sys.executable} -S "$@"\n', encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    output = tmp_path / "output"
    _run_step(listing["run"], ROOT, {"GITHUB_OUTPUT": str(output), "PATH": f"{bin_dir}:/usr/bin:/bin"})
    name, value = output.read_text(encoding="utf-8").strip().split("=", 1)
    assert name == "offices" and json.loads(value) == ["lampang"]


def test_each_office_is_a_job_of_the_matrix_and_uploads_its_site():
    job = _jobs()["office"]
    assert job["needs"] == "offices"
    assert job["strategy"]["matrix"]["office"] == "${{ fromJSON(needs.offices.outputs.offices) }}"
    assert job["strategy"]["fail-fast"] is False  # one office's bad data stops only its own job
    build = next(step for step in job["steps"] if "bcp.offices build" in step.get("run", ""))
    assert build["env"]["OFFICE"] == "${{ matrix.office }}" and build["run"].endswith('build "$OFFICE"')
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"] == {"name": "office-${{ matrix.office }}", "path": "site/${{ matrix.office }}/"}


def test_the_index_job_joins_the_offices_sites(tmp_path):
    import os
    import sys

    job = _jobs()["offices-index"]
    assert job["needs"] == ["offices", "office"] and job["if"].startswith("always()")
    download = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"pattern": "office-*", "path": "site"}
    index_step = next(step for step in job["steps"] if "bcp.offices index" in step.get("run", ""))
    # the checkout, with one office whose artifact arrived as download-artifact lays it out
    (tmp_path / "offices").mkdir()
    (tmp_path / "offices" / "mini").symlink_to(ROOT / "tests" / "fixtures" / "cards-mini")
    (tmp_path / "site" / "office-mini" / "pdf").mkdir(parents=True)
    (tmp_path / "site" / "office-mini" / "index.html").write_text("<p>mini</p>", encoding="utf-8")
    (tmp_path / "site" / "office-mini" / "pdf" / "plan.pdf").write_bytes(b"%PDF")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    _run_step(index_step["run"], tmp_path, {"PYTHONPATH": str(ROOT), "HOME": os.environ.get("HOME", "/tmp")})
    assert (tmp_path / "site" / "mini" / "index.html").read_text(encoding="utf-8") == "<p>mini</p>"
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a class="name" href="mini/index.html">สำนักงานทดสอบ</a>' in index
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"] == {"name": "bcp-offices", "path": "site/"}
