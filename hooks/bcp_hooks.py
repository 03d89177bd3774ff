"""MkDocs hooks: load the plan before anything is built, stop on bad data.

Small on purpose: the plan model and the markup live in `bcp` and in
overrides/partials/bcp; this file only connects them to MkDocs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from bcp import DataError, load_plan_cached  # noqa: E402
from bcp.plan import Plan  # noqa: E402
from bcp.render import Renderer  # noqa: E402

log = logging.getLogger("mkdocs.hooks.bcp")
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
        plan = load_plan_cached(folder)
        renderer = Renderer(plan, PARTIALS, edition)
    except DataError as error:
        raise Abort("\n" + error.report()) from None
    except ValueError as error:
        raise Abort(str(error)) from None
    return BuildContext(plan, renderer, edition)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = build_context(config)
    info = context.plan.info
    config.site_name = f"{info.title} {info.office.name}"
    config.site_description = f"{info.title} ({info.title_en}) {info.office.name}"
    for warning in context.plan.warnings:
        # INFO, not WARNING: weak data must not fail `mkdocs build --strict`.
        log.info("%s", warning)
    return config


# href="something/" or href="../" (relative, ending in a slash): the page is
# that folder's index.html.  Spelled out, links also work from file:// on a
# laptop with no web server, and still work on the intranet server.
_DIR_LINK = re.compile(r'(href=")((?![a-z][a-z0-9+.-]*:|/|#)[^"#?]*/)(["#?])')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _mark_printout(output)
    output = _DIR_LINK.sub(r"\1\2index.html\3", output)
    return re.sub(r'(href=")(\.|\.\.)(["#])', r"\1\2/index.html\3", output)


# --- role cards and printouts (cards/<id>/, pdf/) ------------------------------

# A card page: the name as its heading, the card from overrides/partials/bcp/card.html.
_CARD_PAGE = """# {{{{ plan.people["{id}"].full_name | md }}}} {{ #card-name .bcp-card__name }}

{{{{ component("card", person_id="{id}") }}}}
"""


# Card page -> its title, escaped: Material prints page.meta.title as it is,
# and a title taken from the heading would go through `striptags`, which
# turns "&lt;" back into "<".
_card_titles: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan = build_context(config).plan
    _card_titles.clear()
    for person_id, person in plan.people.items():  # ids are validated ASCII ([a-z0-9_-])
        path = f"cards/{person_id}.md"
        files.append(File.generated(config, path, content=_CARD_PAGE.format(id=person_id)))
        _card_titles[path] = str(escape(person.full_name))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _card_titles:
        page.meta["title"] = _card_titles[page.file.src_uri]
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
