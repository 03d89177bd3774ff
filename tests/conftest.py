"""Shared test set-up: build a site the way `make site` does, once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
LAMPANG = ROOT / "data"


def build_site(out: Path, data: Path = LAMPANG, edition: str = "internal", pdf: bool = False,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into `out`; returns the finished process."""
    env = {**os.environ, "BCP_DATA": str(data), "BCP_EDITION": edition, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    if pdf:
        env["BCP_PDF"] = "1"
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def lampang_site(tmp_path_factory) -> Path:
    """The Lampang plan's site, built once for the whole session."""
    out = tmp_path_factory.mktemp("lampang") / "site"
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def lampang_site_pdf(tmp_path_factory) -> Path:
    """The Lampang site with its PDFs (BCP_PDF=1, as `make site` builds it), built once."""
    out = tmp_path_factory.mktemp("lampang-pdf") / "site"
    result = build_site(out, pdf=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def lampang_plan():
    from bcp import load_plan

    return load_plan(LAMPANG)


def page_text(site: Path, page: str) -> str:
    """Visible text of a built page (tags stripped, entities decoded, whitespace folded)."""
    import html
    import re

    raw = (site / page / "index.html").read_text(encoding="utf-8") if not page.endswith(".html") else (site / page).read_text(encoding="utf-8")
    main = raw.split('<article', 1)[-1].split('</article>', 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(text))
