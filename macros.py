"""mkdocs-macros entry point: load the plan once, expose its components to pages.

Pages call `{{ component("bia") }}`; the markup lives in overrides/partials/bcp/.
"""

from __future__ import annotations

import sys
from pathlib import Path

# mkdocs-macros loads this file by path: make the project's packages importable.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bcp.render import markdown_text  # noqa: E402
from hooks.context import build_context, site_root_from  # noqa: E402


def define_env(env) -> None:
    context = build_context(env.conf)
    renderer = context.renderer

    def base() -> str:
        # Relative path from the current page to the site root ("" at the top).
        return site_root_from(env.page.url if env.page else "")

    @env.macro
    def component(name: str, **kwargs):
        """Render one plan component (a partial under overrides/partials/bcp/)."""
        return renderer.render(name, base=base(), **kwargs)

    @env.macro
    def team_tables():
        return "\n\n".join(renderer.render("team_table", base=base(), team=t) for t in context.plan.teams.values())

    @env.macro
    def procedure_phases():
        return "\n\n".join(renderer.render("procedure_phase", base=base(), phase=p) for p in context.plan.procedure.phases)

    @env.macro
    def pdf_link():
        """Link to the plan PDF, only when this build makes it (`make site`, not `make serve`)."""
        pdf = env.conf.plugins.get("to-pdf")
        if pdf is None or not getattr(pdf, "enabled", False):
            return ""
        return renderer.render("pdf_link", base=base(), href=base() + pdf.config["output_path"])

    env.variables["plan"] = context.plan
    env.filter(renderer.digits, name="d")
    env.filter(markdown_text, name="md")
