"""The `bcp` MkDocs plugin: one office's plan, published as a site and PDFs.

The plan is loaded and validated once per build, before anything else; a data
error stops the build with the Thai report and no traceback.  Under `mkdocs
serve` (the plan owner's preview, which also watches the data folder) it does
not: every page shows the problems instead, until the next good save.  The plan, its
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

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bcp import DataError, load_plan_cached
from bcp.edition import is_excluded, plan_for
from bcp.model import DEFAULT_LABELS
from bcp.notices import owner_notices
from bcp.pdf import LayoutPool, LayoutResult, as_laid_out
from bcp.plan import Plan
from bcp.printouts import CARDS_JOB, INCIDENTS_JOB, Printouts
from bcp.problems import INTERNAL_ERROR
from bcp.render import Renderer, render_problems, template_cache
from bcp.search import people_words
from bcp.settings import Settings, SettingsError, debug_enabled
from bcp_mkdocs import console, pages
from bcp_mkdocs.config import BcpConfig
from bcp_mkdocs.offline import SiteZip, write_disk_search_index
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


# The printouts' folder in the site (pdf/cards/<id>.pdf ...).
PDF_FOLDER = "pdf"
# The collector's thresholds for the rest of a `mkdocs build` (Python's default: 700, 10, 10).
BUILD_GC_THRESHOLD = (50_000, 20, 20)


class BcpPlugin(BasePlugin[BcpConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.settings: Settings | None = None
        self.plan: Plan | None = None
        self.renderer: Renderer | None = None
        self.page_titles: dict[str, str] = {}  # generated page (cards, incidents) -> its title, escaped
        self.headings: dict[str, dict[str, str]] | None = None  # pages.headings(), once a build
        self.pool: LayoutPool | None = None
        self.plan_pdf = None  # bcp_mkdocs.plan_pdf.PlanPdf when PDFs are built
        self.printouts: Printouts | None = None
        self.printout_futures: list = []
        self.printout_dir: Path | None = None
        self.site_zip: SiteZip | None = None  # started while the PDFs are laid out
        # `mkdocs serve` with data that cannot be used: the page every page shows instead.
        self.problems_page: Markup | None = None
        self.build_started = 0.0
        self.notices_said: list[str] = []  # the warnings printed by the last build
        self.nav_keys = None  # mkdocs.yml's navigation, titled by labels' keys

    # --- start --------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        console.for_a_person()

    # Before the other plugins' on_config: mkdocs-macros takes the plan from here
    # in its own on_config.
    @event_priority(50)
    @_one_thai_line_on_a_fault
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # `mkdocs serve` keeps this plugin from one build to the next: nothing of the last build stays.
        self.build_started = time.perf_counter()
        self.plan = self.renderer = self.plan_pdf = self.printouts = self.headings = None
        self.printout_futures = []
        self.settings = self._settings(config)
        # The partials sit in the theme's folder (overrides/), beside Material's own.
        loaded = self._load(self.settings, Path(config.theme.custom_dir) / "partials" / "bcp")
        # The navigation's titles are labels' keys (mkdocs.yml): the plan's wording, or the tool's
        # while the preview shows the data's problems.  A config built again keeps the keys it had.
        if not pages.is_labelled(config.nav):
            self.nav_keys = config.nav
        config.nav = pages.labelled_nav(self.nav_keys, loaded[0].labels if loaded else DEFAULT_LABELS)
        if loaded is None:
            return config
        self.plan, self.renderer = loaded
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

    def _load(self, settings: Settings, partials: Path) -> tuple[Plan, Renderer] | None:
        """The plan and its renderer; None when the preview shows the data's problems instead."""
        try:
            plan = plan_for(load_plan_cached(settings.data_dir), settings.edition)
        except DataError as error:
            # Abort prints to stdout: the report itself goes to stderr, with every other error.
            print(error.report(), file=sys.stderr)
            if self.command != "serve":
                raise Abort("หยุดสร้างเว็บไซต์: แก้ตามรายการด้านบนแล้วลองใหม่") from None
            # Stopping here would stop the preview (or leave its pages waiting for a
            # build that never ends): it shows the problems until the next good save.
            print("หน้าเว็บตัวอย่างแสดงรายการนี้ จนกว่าจะแก้ไฟล์แล้วบันทึก", file=sys.stderr)
            self.problems_page = render_problems(partials, error)
            return None
        if self.problems_page is not None:
            log.info("ข้อมูลแผนถูกต้องแล้ว: หน้าเว็บตัวอย่างกลับมาแสดงแผน")
            self.problems_page = None
        return plan, Renderer(plan, partials, settings, pdfs_built=settings.pdf)

    def _log_warnings(self) -> None:
        # INFO with the Thai "คำเตือน" (or "หมายเหตุ") prefix: weak data and an overdue review must not fail --strict.
        # The preview builds on every save: the same warnings are not said again.
        notices = [str(notice) for notice in owner_notices(self.plan, self.settings, self.settings.data_dir)]
        if notices != self.notices_said:
            for notice in notices:
                log.info("%s", notice)
        self.notices_said = notices

    # --- pages ----------------------------------------------------------------------

    @_one_thai_line_on_a_fault
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._drop_pdf_templates(files, config)
        self.page_titles.clear()
        if self.plan is None:  # the data's problems on every page instead: no page to make
            return files
        generated = pages.incident_pages(config, self.renderer)
        if self.settings.public:
            # No cards, data notes or owner's guide: not built, so in no search index or sitemap.
            for file in [f for f in files if f.src_uri.endswith(".md") and is_excluded(f.src_uri)]:
                files.remove(file)
        else:
            generated |= pages.card_pages(config, self.renderer)
        for path, (file, title) in generated.items():
            files.append(file)
            self.page_titles[path] = title
        return pages.in_nav_order(files, config.nav, later=self.config.plan_pdf.get("exclude_pages", ()))

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
        use_thai_search_index(config, people_words(self.plan.people.values()) if self.plan else ())
        if self.printouts:
            self._submit_printouts()
        if self.command == "build":
            # The plan, the models, the templates and the modules live until the
            # process ends: leave them out of every later garbage collection
            # (bench/README.md).  Not for `serve`: it builds again and again.
            gc.freeze()
            # And collect less often: what the build makes lasts as long (with PDFs, mkdocs-to-pdf
            # keeps every page of the plan parsed until the end), so a collection finds little.
            gc.set_threshold(*BUILD_GC_THRESHOLD)

    # Before mkdocs-macros (priority 0): a generated page is finished Markdown already,
    # and data in it ("{{ 7*7 }}" in a name) must stay text.
    @event_priority(50)
    @_one_thai_line_on_a_fault
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.problems_page is not None:  # the theme shows the problems (on_env); no plan to render
            page.meta["render_macros"] = False
            return ""
        title = self.page_titles.get(page.file.src_uri)
        if title is not None:
            page.meta["title"] = title
            page.meta["render_macros"] = False
        elif isinstance(page.title, Markup) and not page.is_homepage:  # the home page is titled by the site's name
            # A title from the navigation (a label, escaped): printed as it is, never through `striptags`.
            page.meta.setdefault("title", page.title)
        return markdown

    @_one_thai_line_on_a_fault
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """`bcp_review_banner(base_url)` for overrides/main.html's announcement bar, or
        `bcp_data_problems`, shown there instead of every page's content."""
        if self.command == "serve":
            # The preview builds again on every save: the theme's templates are compiled once,
            # not on every build (about a third of a rebuild).  Not for `build`: bench/README.md.
            env.bytecode_cache = template_cache(env, self.settings.template_cache)
        if self.problems_page is not None:
            env.globals["bcp_data_problems"] = self.problems_page
            return env
        renderer = self.renderer
        banners: dict[str, str] = {}  # the same banner on every page: rendered once per depth

        def banner(base_url: str):
            if base_url not in banners:
                banners[base_url] = renderer.render("review_banner", base=f"{base_url.rstrip('/')}/" if base_url else "")
            return banners[base_url]

        env.globals["bcp_review_banner"] = banner
        return env

    # Every page has been read by now: a link to a section can be named by its heading.
    @_one_thai_line_on_a_fault
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if page.content and "bcp-section-link" in page.content:
            if self.headings is None:
                self.headings = pages.headings(nav.pages)
            page.content = pages.name_sections(page.content, page.url, self.headings)
        return context

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
        # Parsed once in each worker, before any document: our stylesheet, and the theme's in the plan's worker.
        theme_sheets = [path for folder in config.theme.dirs
                        for path in sorted(Path(folder, "assets", "stylesheets").glob("*.min.css"))]
        # The printouts' workers first: they load WeasyPrint on the other core while this process does.
        self.pool = LayoutPool(roots=[docs, config.site_dir], epoch=self.settings.source_date_epoch,
                               preload=[docs / "assets" / "stylesheets" / "bcp.css"], preload_first=theme_sheets,
                               processes=workers, defer_first=True)
        # mkdocs-to-pdf imports WeasyPrint: the plan's worker, forked after it, starts with it loaded.
        self.plan_pdf = PlanPdf(self.config.plan_pdf, config, self.renderer)
        self.pool.start_first()
        self.plan_pdf.pool = self.pool
        self.printouts = Printouts(self.renderer, str(docs))

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
        try:
            futures = self.printout_futures + self.plan_pdf.futures
            first_passes = 0
            for result, number in as_laid_out(futures, self._lay_out_again):
                if number == 1:
                    first_passes += 1
                    self._progress(result, first_passes, len(futures))
                else:  # the same document again: one progress line each is enough
                    self._retry_progress(result)
            shutil.copytree(self.printout_dir, Path(config.site_dir) / PDF_FOLDER, dirs_exist_ok=True)
        except PluginError:
            raise
        except Exception as error:  # a worker's failure: one Thai line, the detail under -v
            log.debug("PDF", exc_info=error)
            raise PluginError(f"สร้าง PDF ไม่สำเร็จ: {type(error).__name__}: {error}") from None
        finally:
            self._close_pool()
        # From the start of the build: the layouts run beside the site's pages from the beginning.
        log.info("สร้างเว็บไซต์และ PDF ทั้งหมดใน %.1f วินาที", time.perf_counter() - self.build_started)

    def _lay_out_again(self, result: LayoutResult):
        """The wall cards again, showing less, when some spilled over: at once, beside the layouts
        still running.  An incident's sheet is laid out once (only its first page is printed), except
        one too long before its first step: laid out again whole, and named."""
        spilled = self.printouts.overflowing(result)
        retry = self.printouts.retry(result)
        if retry is None:
            for name in spilled:
                if result.name == INCIDENTS_JOB:
                    log.warning("แผ่นเมื่อเกิดเหตุของ %s ยาวเกินหนึ่งหน้าก่อนถึงขั้นตอนแรก: พิมพ์ทุกหน้า", name)
                else:
                    log.warning("บัตรติดผนังของ %s ยาวเกินหนึ่งหน้าแม้ลดสิ่งที่ต้องทำก่อนแล้ว", name)
            return None
        if result.name == CARDS_JOB:
            # The estimate (bcp.wallcard) was short: the browser's print of these cards may spill too.
            log.info("บัตรติดผนังของ %s ยาวเกินหนึ่งหน้า: จัดหน้าใหม่โดยแสดงสิ่งที่ต้องทำก่อนน้อยลง", ", ".join(spilled))
        return self.pool.submit(retry, self.printout_dir)

    @staticmethod
    def _retry_progress(result: LayoutResult) -> None:
        log.debug("จัดหน้าใหม่ %s (%d หน้า, %.1f วินาที)", result.name, result.pages, result.seconds)
        BcpPlugin._refused(result)

    @staticmethod
    def _progress(result: LayoutResult, done: int, total: int) -> None:
        log.info("สร้าง PDF %d/%d: %s (%d หน้า, %.1f วินาที)", done, total, result.name, result.pages, result.seconds)
        BcpPlugin._refused(result)

    @staticmethod
    def _refused(result: LayoutResult) -> None:
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
        if self.site_zip is not None:
            self.site_zip.abandon()
            self.site_zip = None

    # --- the preview ---------------------------------------------------------------------

    @_one_thai_line_on_a_fault
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Plan owners edit only the data folder, wherever BCP_DATA puts it.
        if self.settings.data_dir.is_dir():
            server.watch(str(self.settings.data_dir))
        log.info("ดูตัวอย่างได้ที่ %s : แก้ไฟล์ข้อมูลแล้วบันทึก หน้าเว็บจะเปลี่ยนเอง (กด Ctrl+C เพื่อหยุด)", config.site_url)
        return server

    # After Material's search has written its index (priority 0).
    @_one_thai_line_on_a_fault
    def _write_disk_search(self, config: MkDocsConfig) -> None:
        write_disk_search_index(config.site_dir)

    # The whole site to download (`make site` only, with the PDFs): the pages are final, and go
    # into the zip while the PDFs are laid out; the PDFs go in last.
    @_one_thai_line_on_a_fault
    def _start_site_zip(self, config: MkDocsConfig) -> None:
        if self.plan is not None and self.settings.pdf:
            self.site_zip = SiteZip(config.site_dir, self.settings.source_date_epoch,
                                    later=[PDF_FOLDER, self.plan_pdf.output_path])

    @_one_thai_line_on_a_fault
    def _write_site_zip(self, config: MkDocsConfig) -> None:
        if self.site_zip is not None:
            zip_, self.site_zip = self.site_zip, None
            zip_.finish()

    def _say_preview_built(self, config: MkDocsConfig) -> None:
        if self.command == "serve" and self.problems_page is None:
            log.info("สร้างหน้าเว็บตัวอย่างแล้ว (%.1f วินาที)", time.perf_counter() - self.build_started)

    on_post_build = CombinedEvent(event_priority(50)(_write_plan_pdf), event_priority(-40)(_write_disk_search),
                                  event_priority(-45)(_start_site_zip), event_priority(-50)(_finish_pdfs),
                                  event_priority(-90)(_write_site_zip), event_priority(-100)(_say_preview_built))

    def on_shutdown(self) -> None:
        self._close_pool()
