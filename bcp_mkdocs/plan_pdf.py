"""The plan PDF (pdf/plan.pdf): assembled by mkdocs-to-pdf, laid out by our pool.

mkdocs-to-pdf collects the site's pages, builds the table of contents and
normalises the links; the `bcp` plugin drives it (it is not listed in
mkdocs.yml, so a build without PDFs never imports it or WeasyPrint).  Its last
step, the layout, goes through the renderer slot its `relaxed_js` driver uses
(`write_pdf(html, path)`): the document is handed to bcp.pdf's worker
processes, with the URL fetcher that reads only the site's own files.

The plan is handed over as soon as its last page is built, not when the whole
site is: the pages it leaves out (the cards, the incidents' own pages, the
owner's pages) come last (bcp_mkdocs.pages), and the plan, the longest layout,
starts while they are built.

Three places reach inside mkdocs-to-pdf 0.12.1 (pinned): that renderer slot on
its options, its collected articles (`unlink_outside`) and its page
exclusions (`pdf_events.pages_in_pdf`).
"""

from __future__ import annotations

import concurrent.futures
import logging
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bcp.pdf import LayoutJob, LayoutPool, PdfFile
from bcp.render import Renderer
from bcp_mkdocs import pdf_events

PLAN_JOB = "แผนฉบับเต็ม"

# What the plan PDF is, whatever mkdocs.yml says: the cover is ours (so nothing
# from the data reaches mkdocs-to-pdf's own templates or its <style>), and the
# document is never written as HTML beside the site.
_FIXED_OPTIONS = {"cover": False, "back_cover": False, "render_js": False, "html_path": None,
                  "debug_html": False}


class PlanPdf:
    """mkdocs-to-pdf, driven from the bcp plugin's events for one build."""

    def __init__(self, options: dict, config: MkDocsConfig, renderer: Renderer) -> None:
        from mkdocs_to_pdf.plugin import WithPdfPlugin

        self.renderer = renderer
        self.pool: LayoutPool | None = None  # set by the plugin once its workers are started
        self.futures: list[concurrent.futures.Future] = []
        self.pages_awaited: set[str] | None = None  # the plan's pages not built yet (once the nav is known)
        self.handed_over = False
        self.output_path = options.get("output_path", "pdf/plan.pdf")
        # The contents' heading is the plan's label (the theme's option, if any, gives way).
        options = {**options, **_FIXED_OPTIONS, "toc_title": renderer.plan.labels.pdf_toc_title}
        template_dir = Path(options.get("custom_template_path", "overrides/pdf"))
        if not template_dir.is_absolute():
            # mkdocs-to-pdf looks it up from the current folder: `mkdocs -f` from elsewhere would miss it.
            template_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent / template_dir
        options["custom_template_path"] = str(template_dir)
        self.plugin = WithPdfPlugin()
        errors, _warnings = self.plugin.load_config({k: v for k, v in options.items() if v is not None},
                                                    config.config_file_path)
        if errors:
            raise PluginError(f"bcp: plan_pdf: {errors}")
        # It logs each step at INFO (its own level, whatever MkDocs' is); its warnings (a
        # broken link) still show, and fail --strict.  Its steps show with `mkdocs -v`.
        if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
            logging.getLogger("mkdocs.to-pdf").setLevel(logging.WARNING)
        # Its event hook module, under the name it imports (it would otherwise look in the current folder).
        sys.modules["pdf_event_hook"] = pdf_events
        self.plugin.on_config(config)
        self.plugin._options.relaxed_js = self  # noqa: SLF001 (the renderer slot: write_pdf below)

    def on_nav(self, nav, config: MkDocsConfig, files) -> None:
        self.plugin.on_nav(nav, config, files)
        self.pages_awaited = {page.file.src_uri for page in pdf_events.pages_in_pdf(self.plugin.generator, nav)}

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        # The page as it is written to the site: mkdocs-to-pdf gives it back unchanged (no link
        # injected, pdf_events.inject_link).
        self.plugin.on_post_page(pdf_events.head_and_article(output), page, config)
        if self.pages_awaited:
            self.pages_awaited.discard(page.file.src_uri)
            if not self.pages_awaited:  # its last page: the rest of the site is built beside its layout
                self.on_post_build(config)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Assemble the plan and hand it to the pool (write_pdf), once; the caller waits for `futures`."""
        if self.handed_over:
            return
        self.handed_over = True
        pdf_events.unlink_outside(self.plugin.generator)
        try:
            self.plugin.on_post_build(config)
        except RuntimeError as error:  # its strict mode: warnings were logged above
            raise PluginError(f"สร้าง PDF ของแผนไม่สำเร็จ: {error}") from None

    def write_pdf(self, html_string: str, output: str) -> None:
        """mkdocs-to-pdf's last step: lay out the assembled plan in a worker process."""
        plan = self.renderer.plan
        soup = pdf_events.prepare(BeautifulSoup(html_string, "html.parser"), str(self.renderer.render("pdf_cover")))
        title = f"{plan.info.title} {plan.info.office.name}"
        job = LayoutJob(PLAN_JOB, str(soup), base_url=None, files=(PdfFile(Path(output), title),),
                        subject=f"{plan.info.title} ({plan.info.title_en}) {plan.info.office.name}",
                        decompose_sara_am=False)  # done above, on the drawn text only (bookmarks keep their spelling)
        # First to the next free worker: the plan is the one job that waited for the whole site.
        self.futures.append(self.pool.submit(job, Path(output).parent, first=True))
