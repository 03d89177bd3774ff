"""MkDocs hooks: load the plan before anything is built, stop on bad data.

Small on purpose: the plan model and the markup live in `bcp` and in
overrides/partials/bcp; this file only connects them to MkDocs.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import re
import sys
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from bcp.edition import is_excluded  # noqa: E402
from bcp.render import markdown_text  # noqa: E402
from bcp.review import reminder_problems  # noqa: E402
from bcp.search import people_words  # noqa: E402
from hooks.context import BuildContext, build_context, site_root_from  # noqa: E402
from hooks.thai_search import use_thai_search_index  # noqa: E402

log = logging.getLogger("mkdocs.hooks.bcp")


# Before the plugins' on_config: mkdocs-to-pdf reads site_name and
# site_description there for the PDF's title and metadata.
@event_priority(50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = build_context(config)
    info = context.plan.info
    # The theme prints these unescaped in <title>, <meta> and the header (and escapes
    # them with `|e` elsewhere): Markup is escaped once here and never twice.
    config.site_name = escape(f"{info.title} {info.office.name}")
    config.site_description = escape(f"{info.title} ({info.title_en}) {info.office.name}")
    for warning in context.plan.warnings:
        # INFO, not WARNING: weak data must not fail `mkdocs build --strict`.
        log.info("%s", warning)
    log_review_reminders(context)
    if context.edition == "public":
        config.nav = _public_nav(config.nav)
    return config


def _public_nav(nav):
    """The navigation without the pages the public edition leaves out (bcp.edition)."""
    if isinstance(nav, list):
        kept = [_public_nav(item) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        kept = {title: _public_nav(value) for title, value in nav.items()}
        return {title: value for title, value in kept.items() if value not in (None, [], {})} or None
    return None if isinstance(nav, str) and is_excluded(nav) else nav


def on_pre_build(config: MkDocsConfig) -> None:
    # After every plugin's on_config: Material's search makes its index there, and
    # our on_config runs early (priority 50) for the PDF plugin's sake.
    use_thai_search_index(config, people_words(build_context(config).plan.people.values()))
    _freeze_what_lasts_the_build()


# --- garbage collection ----------------------------------------------------------

_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _freeze_what_lasts_the_build() -> None:
    """Leave the objects made so far out of every later garbage collection.

    By now the plan, its pydantic models, the Jinja environments and every
    imported module are loaded and live until the process ends; Python's
    collector would walk all of them again in each full collection of the
    build and at exit (bench/README.md: about 0.15 s of a 1.3 s build).  Only
    for `mkdocs build`, a process that ends with its build: `mkdocs serve`
    builds again and again, and frozen garbage of one build would never be freed.
    """
    if _command == "build":
        gc.freeze()


# --- review reminders (bcp.review) ---------------------------------------------


def log_review_reminders(context: BuildContext) -> None:
    # INFO with the Thai "คำเตือน" prefix: an overdue review must not fail --strict.
    folder = os.environ.get("BCP_DATA") or "data"
    for reminder in reminder_problems(context.plan, str(Path(folder) / "revisions.yaml")):
        log.info("%s", reminder)


def on_env(env, config: MkDocsConfig, files):
    """`bcp_review_banner(base_url)` for overrides/main.html's announcement bar."""
    renderer = build_context(config).renderer

    # The same banner on every page: rendered once per depth of page in the site.
    @functools.lru_cache(maxsize=None)
    def banner(base_url: str):
        return renderer.render("review_banner", base=f"{base_url.rstrip('/')}/" if base_url else "")

    env.globals["bcp_review_banner"] = banner
    return env


# href="something/" or href="../" (relative, ending in a slash): the page is
# that folder's index.html.  Spelled out, links also work from file:// on a
# laptop with no web server, and still work on the intranet server.
_DIR_LINK = re.compile(r'(href=")((?![a-z][a-z0-9+.-]*:|/|#)[^"#?]*/)(["#?])')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _mark_printout(output)
    output = _DIR_LINK.sub(r"\1\2index.html\3", output)
    return re.sub(r'(href=")(\.|\.\.)(["#])', r"\1\2/index.html\3", output)


# --- role cards and printouts (cards/<id>/, pdf/) ------------------------------

# A card page: the name as its heading, then the card (overrides/partials/bcp/card.html),
# rendered here from the plan: the page holds no macro left for mkdocs-macros.
_CARD_PAGE = "# {name} {{ #card-name .bcp-card__name }}\n\n{card}\n"


# Card page -> its title, escaped: Material prints page.meta.title as it is,
# and a title taken from the heading would go through `striptags`, which
# turns "&lt;" back into "<".
_card_titles: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    context = build_context(config)
    plan = context.plan
    _card_titles.clear()
    if context.edition == "public":
        # No cards, data notes or owner's guide: not built, so in no search index or sitemap.
        for file in [f for f in files if f.src_uri.endswith(".md") and is_excluded(f.src_uri)]:
            files.remove(file)
        return files
    for person_id, person in plan.people.items():  # ids are validated ASCII ([a-z0-9_-])
        path = f"cards/{person_id}.md"
        file = File.generated(config, path, content="")
        card = context.renderer.render("card", base=site_root_from(file.url), person_id=person_id)
        file.content_string = _CARD_PAGE.format(name=markdown_text(person.full_name), card=card)
        files.append(file)
        _card_titles[path] = str(escape(person.full_name))
    return files


# Before mkdocs-macros (priority 0): a card page is finished Markdown already,
# and data in it ("{{ 7*7 }}" in a name) must stay text.
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _card_titles:
        page.meta["title"] = _card_titles[page.file.src_uri]
        page.meta["render_macros"] = False
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """PDFs of the cards, the call tree and the checklists, when BCP_PDF=1 (make site)."""
    if os.environ.get("BCP_PDF") != "1":
        return
    from bcp import printouts

    context = build_context(config)
    printouts.write_all(context.renderer, Path(config.site_dir) / "pdf", base_url=config.docs_dir)


# A page that prints as a card or a form says so on <body>: bcp.css gives it
# its own A4 sheet there, and nothing else (a combined PDF of many pages keeps its own).
_PRINTOUTS = (("card", 'class="bcp-card '), ("form", 'class="bcp-checklist-phase"'),
              ("form", 'class="bcp-logbook-sheet"'), ("form", 'class="bcp-tree"'))


def _mark_printout(output: str) -> str:
    for kind, marker in _PRINTOUTS:
        if marker in output:
            return output.replace("<body ", f'<body data-bcp-print="{kind}" ', 1)
    return output
