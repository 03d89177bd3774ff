"""The `bcp` MkDocs plugin: one office's plan, published as a site and PDFs.

The plan is loaded and validated once per build, before anything else; a data
error stops the build with the Thai report and no traceback.  The plan, its
renderer and the build's settings live on the plugin instance for that build;
mkdocs-macros (macros.py) takes them from here.  The domain (bcp) knows
nothing of MkDocs: this package only connects the two.
"""

from __future__ import annotations

import functools
import gc
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bcp import DataError, load_plan_cached
from bcp.edition import is_excluded, plan_for
from bcp.pdf import LayoutPool, LayoutResult, wait_all
from bcp.plan import Plan
from bcp.printouts import Printouts
from bcp.render import Renderer
from bcp.review import reminder_problems
from bcp.search import people_words
from bcp.problems import INTERNAL_ERROR
from bcp.settings import Settings, SettingsError, debug_enabled
from bcp_mkdocs import pages
from bcp_mkdocs.config import BcpConfig
from bcp_mkdocs.search import use_thai_search_index

log = logging.getLogger("mkdocs.plugins.bcp")



def _one_thai_line_on_a_fault(event):
    """A fault in our own code stops the build with one Thai line, not a traceback
    (BCP_DEBUG=1 shows it); MkDocs prints a PluginError's message and exits 1."""

    @functools.wraps(event)  # keeps event_priority's mark
    def guarded(self, *args, **kwargs):
        try:
            return event(self, *args, **kwargs)
        except (Abort, PluginError):
            raise
        except Exception as error:
            log.debug("bcp", exc_info=error)
            if debug_enabled():
                import traceback

                traceback.print_exc()
            raise PluginError(INTERNAL_ERROR) from None

    return guarded


class BcpPlugin(BasePlugin[BcpConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.settings: Settings | None = None
        self.plan: Plan | None = None
        self.renderer: Renderer | None = None
        self.card_titles: dict[str, str] = {}  # card page -> its title, escaped
        self.pool: LayoutPool | None = None
        self.plan_pdf = None  # bcp_mkdocs.plan_pdf.PlanPdf when PDFs are built
        self.printouts: Printouts | None = None
        self.printout_futures: list = []
        self.printout_dir: Path | None = None

    # --- start --------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # Before the other plugins' on_config: mkdocs-macros takes the plan from here
    # in its own on_config.
    @event_priority(50)
    @_one_thai_line_on_a_fault
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = self._settings(config)
        # The partials sit in the theme's folder (overrides/), beside Material's own.
        self.plan, self.renderer = self._load(self.settings, Path(config.theme.custom_dir) / "partials" / "bcp")
        info = self.plan.info
        # The theme prints these unescaped in <title>, <meta> and the header (and escapes
        # them with `|e` elsewhere): Markup is escaped once here and never twice.
        config.site_name = escape(f"{info.title} {info.office.name}")
        config.site_description = escape(f"{info.title} ({info.title_en}) {info.office.name}")
        self._log_warnings()
        if self.settings.public:
            config.nav = pages.public_nav(config.nav)
        if self.settings.pdf:
            self._start_pdfs(config)
        return config

    def _settings(self, config: MkDocsConfig) -> Settings:
        config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            settings = Settings.from_environ(default_data=config_dir / "data")
            return settings.with_overrides(data_dir=self.config.data_dir, edition=self.config.edition,
                                           pdf=self.config.pdf, today=self.config.today)
        except SettingsError as error:
            raise Abort(f"ตั้งค่าไม่ถูกต้อง: {error}") from None

    def _load(self, settings: Settings, partials: Path) -> tuple[Plan, Renderer]:
        try:
            plan = plan_for(load_plan_cached(settings.data_dir), settings.edition)
        except DataError as error:
            # Abort prints to stdout: the report itself goes to stderr, with every other error.
            print(error.report(), file=sys.stderr)
            raise Abort("หยุดสร้างเว็บไซต์: แก้ตามรายการด้านบนแล้วลองใหม่") from None
        return plan, Renderer(plan, partials, settings, pdfs_built=settings.pdf)

    def _log_warnings(self) -> None:
        # INFO with the Thai "คำเตือน" prefix: weak data and an overdue review must not fail --strict.
        for warning in self.plan.warnings:
            log.info("%s", warning)
        revisions = str(self.settings.data_dir / "revisions.yaml")
        for reminder in reminder_problems(self.plan, revisions, self.settings.reference_date()):
            log.info("%s", reminder)

    # --- pages ----------------------------------------------------------------------

    @_one_thai_line_on_a_fault
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._drop_pdf_templates(files, config)
        self.card_titles.clear()
        if self.settings.public:
            # No cards, data notes or owner's guide: not built, so in no search index or sitemap.
            for file in [f for f in files if f.src_uri.endswith(".md") and is_excluded(f.src_uri)]:
                files.remove(file)
            return files
        for path, (file, title) in pages.card_pages(config, self.renderer).items():
            files.append(file)
            self.card_titles[path] = title
        return files

    @staticmethod
    def _drop_pdf_templates(files: Files, config: MkDocsConfig) -> None:
        """The plan PDF's stylesheet sits in the theme folder (overrides/pdf): never publish it."""
        folder = (Path(config.config_file_path or "mkdocs.yml").resolve().parent / "overrides" / "pdf").resolve()
        for file in list(files):
            if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(folder):
                files.remove(file)

    @_one_thai_line_on_a_fault
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.plan_pdf:
            self.plan_pdf.on_nav(nav, config, files)
        return nav

    # After every plugin's on_config: Material's search makes its index there.
    @_one_thai_line_on_a_fault
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        use_thai_search_index(config, people_words(self.plan.people.values()))
        if self.printouts:
            self._submit_printouts()
        if self.command == "build":
            # The plan, the models, the templates and the modules live until the
            # process ends: leave them out of every later garbage collection
            # (bench/README.md).  Not for `serve`: it builds again and again.
            gc.freeze()

    # Before mkdocs-macros (priority 0): a card page is finished Markdown already,
    # and data in it ("{{ 7*7 }}" in a name) must stay text.
    @event_priority(50)
    @_one_thai_line_on_a_fault
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        title = self.card_titles.get(page.file.src_uri)
        if title is not None:
            page.meta["title"] = title
            page.meta["render_macros"] = False
        return markdown

    @_one_thai_line_on_a_fault
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """`bcp_review_banner(base_url)` for overrides/main.html's announcement bar."""
        renderer = self.renderer
        banners: dict[str, str] = {}  # the same banner on every page: rendered once per depth

        def banner(base_url: str):
            if base_url not in banners:
                banners[base_url] = renderer.render("review_banner", base=f"{base_url.rstrip('/')}/" if base_url else "")
            return banners[base_url]

        env.globals["bcp_review_banner"] = banner
        return env

    @_one_thai_line_on_a_fault
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.plan_pdf:  # it reads the page as MkDocs made it, links included
            output = self.plan_pdf.on_post_page(output, page, config)
        return pages.links_for_disk(pages.mark_printout(output))

    # --- PDFs -------------------------------------------------------------------------

    def _start_pdfs(self, config: MkDocsConfig) -> None:
        """Worker processes start now, loading WeasyPrint and the fonts while the site is built."""
        from bcp_mkdocs.plan_pdf import PlanPdf

        docs = Path(config.docs_dir)
        # fork only for `mkdocs build`: `serve` runs threads, and a forked thread-holding process may hang.
        workers = self.config.pdf_workers if self.command == "build" else 0
        # Parsed once in each worker, before any document: our stylesheet and the theme's (the plan PDF's).
        theme_sheets = [path for folder in config.theme.dirs
                        for path in sorted(Path(folder, "assets", "stylesheets").glob("*.min.css"))]
        self.pool = LayoutPool(roots=[docs, config.site_dir], epoch=self.settings.source_date_epoch,
                               preload=[docs / "assets" / "stylesheets" / "bcp.css", *theme_sheets], processes=workers)
        self.printouts = Printouts(self.renderer, str(docs))
        self.plan_pdf = PlanPdf(self.config.plan_pdf, config, self.renderer, self.pool)

    def _submit_printouts(self) -> None:
        # Written to a folder of our own: MkDocs empties site/ after on_pre_build.
        self.printout_dir = Path(tempfile.mkdtemp(prefix="bcp-pdf-"))
        self.printout_futures = [self.pool.submit(job, self.printout_dir) for job in self.printouts.jobs()]

    # Before mkdocs-to-pdf would have run: the plan is handed over, then every PDF awaited.
    @_one_thai_line_on_a_fault
    def _write_plan_pdf(self, config: MkDocsConfig) -> None:
        if self.plan_pdf:
            self.plan_pdf.on_post_build(config)

    @_one_thai_line_on_a_fault
    def _finish_pdfs(self, config: MkDocsConfig) -> None:
        if not self.pool:
            return
        started = time.perf_counter()
        try:
            futures = self.printout_futures + self.plan_pdf.futures
            while futures:
                retries = []
                for result in wait_all(futures, self._progress):
                    spilled = self.printouts.overflowing(result)
                    retry = self.printouts.retry(result)
                    if retry is not None:
                        # The estimate (bcp.wallcard) was short: the browser's print of these cards may spill too.
                        log.info("บัตรติดผนังของ %s ยาวเกินหนึ่งหน้า: จัดหน้าใหม่โดยแสดงสิ่งที่ต้องทำก่อนน้อยลง", ", ".join(spilled))
                        retries.append(self.pool.submit(retry, self.printout_dir))
                    for name in spilled if retry is None else ():
                        log.warning("บัตรติดผนังของ %s ยาวเกินหนึ่งหน้าแม้ลดสิ่งที่ต้องทำก่อนแล้ว", name)
                futures = retries
            shutil.copytree(self.printout_dir, Path(config.site_dir) / "pdf", dirs_exist_ok=True)
        except PluginError:
            raise
        except Exception as error:  # a worker's failure: one Thai line, the detail under -v
            log.debug("PDF", exc_info=error)
            raise PluginError(f"สร้าง PDF ไม่สำเร็จ: {type(error).__name__}: {error}") from None
        finally:
            self._close_pool()
        log.info("PDF ทั้งหมดเสร็จใน %.1f วินาที", time.perf_counter() - started)

    on_post_build = CombinedEvent(event_priority(50)(_write_plan_pdf), event_priority(-50)(_finish_pdfs))

    @staticmethod
    def _progress(result: LayoutResult, done: int, total: int) -> None:
        log.info("PDF %d/%d: %s (%d หน้า, %.1f วินาที)", done, total, result.name, result.pages, result.seconds)
        for url in result.refused:
            log.warning("ไม่อ่านไฟล์นอกโฟลเดอร์ของเว็บไซต์ใน PDF %s: %s", result.name, url)

    def _close_pool(self) -> None:
        if self.pool:
            self.pool.close(cancel=True)
            self.pool = None
        if self.printout_dir:
            shutil.rmtree(self.printout_dir, ignore_errors=True)
            self.printout_dir = None

    def on_build_error(self, *, error: Exception) -> None:
        self._close_pool()

    def on_shutdown(self) -> None:
        self._close_pool()
