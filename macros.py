"""mkdocs-macros entry point: the plan's components as macros for the pages.

Pages call `{{ component("bia") }}`; the markup lives in overrides/partials/bcp/.
The plan and its renderer come from the `bcp` plugin, which loaded them for this build.
"""

from __future__ import annotations

from bcp.render import MarkdownLabels, markdown_text
from bcp_mkdocs.pages import site_root_from


def define_env(env) -> None:
    bcp = env.conf.plugins["bcp"]
    renderer, plan = bcp.renderer, bcp.plan
    if renderer is None:  # `mkdocs serve` showing the data's problems: no page renders the plan
        return

    def render(name: str, **context):
        # `base`: the relative path from the current page to the site root ("" at the top).
        return renderer.render(name, base=site_root_from(env.page.url if env.page else ""), **context)

    @env.macro
    def component(name: str, **kwargs):
        """Render one plan component (a partial under overrides/partials/bcp/)."""
        return render(name, **kwargs)

    @env.macro
    def team_tables():
        return "\n\n".join(render("team_table", team=team) for team in plan.teams.values())

    @env.macro
    def procedure_phases():
        return "\n\n".join(render("procedure_phase", phase=phase) for phase in plan.procedure.phases)

    @env.macro
    def pdf_link():
        """Link to the plan PDF, only when this build makes it (`make site`, not `make serve`)."""
        return render("pdf_link") if bcp.settings.pdf else ""

    @env.macro
    def site_zip_link():
        """Link to the whole site as a zip, only when this build makes it (`make site`, with the PDFs)."""
        return render("site_zip_link") if bcp.settings.pdf else ""

    @env.macro
    def labels_table():
        """The owner guide's list of every label: where it appears, its default, this office's wording."""
        return render("labels_table")

    env.variables["plan"] = plan
    # Headings and lead sentences of the pages: the plan's labels, escaped for Markdown.
    env.variables["labels"] = MarkdownLabels(plan.labels, renderer.digits)
    env.filter(renderer.digits, name="d")
    env.filter(markdown_text, name="md")
