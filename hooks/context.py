"""The plan and its renderer for one build, shared by the hooks and macros.py.

MkDocs loads hooks/bcp_hooks.py by path and mkdocs-macros loads macros.py by
path; both import this module by name, so there is one copy of it, and one
context per build however many events ask for it.
"""

from __future__ import annotations

import datetime
import os
import posixpath
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from bcp import DataError, load_plan_cached
from bcp.edition import plan_for
from bcp.plan import Plan
from bcp.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
PARTIALS = ROOT / "overrides" / "partials" / "bcp"


@dataclass
class BuildContext:
    plan: Plan
    renderer: Renderer
    edition: str


def build_context(config: MkDocsConfig) -> BuildContext:
    """The plan for this build; a data error aborts with the Thai report, no traceback."""
    config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    folder = Path(os.environ["BCP_DATA"]) if os.environ.get("BCP_DATA") else config_dir / "data"
    edition = os.environ.get("BCP_EDITION") or "internal"
    try:
        loaded = load_plan_cached(folder)
        # Every event of a build asks; one context serves them all while the data,
        # the BCP_* settings (BCP_PDF, BCP_TODAY...) and the day stay the same.
        key = (edition, sorted((k, v) for k, v in os.environ.items() if k.startswith("BCP_")), datetime.date.today())
        if _context and _context[0] is loaded and _context[1] == key:  # `is`: a new load is a new context
            return _context[2]
        # The public edition: the same pages from a plan without personal data (bcp.edition).
        plan = plan_for(loaded, edition)
        context = BuildContext(plan, Renderer(plan, PARTIALS, edition), edition)
    except (DataError, ValueError) as error:
        # Abort prints to stdout: the report itself goes to stderr, with every other error.
        print(error.report() if isinstance(error, DataError) else str(error), file=sys.stderr)
        raise Abort("หยุดสร้างเว็บไซต์: แก้ตามรายการด้านบนแล้วลองใหม่") from None
    _context[:] = [loaded, key, context]
    return context


_context: list = []  # [loaded plan, settings, BuildContext] of the last build_context()


def site_root_from(url: str) -> str:
    """The relative path from the page at `url` ("cards/krit/") to the site root ("../../")."""
    depth = len([part for part in posixpath.dirname(url.rstrip("/") + "/x").split("/") if part])
    return "../" * depth
