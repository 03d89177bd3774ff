"""What the plugin does to pages: the generated card pages, the public edition's
navigation, and links that work from a laptop's disk (file://)."""

from __future__ import annotations

import posixpath
import re

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from bcp.edition import is_excluded
from bcp.render import Renderer, markdown_text

# A card page: the name as its heading (printed as the wall card's name: data-fit, bcp.wallcard),
# then the wall card and the full duties (overrides/partials/bcp/card.html), rendered here
# from the plan: the page holds no macro left for mkdocs-macros.
_CARD_PAGE = '# {name} {{ #card-name .bcp-wall__name data-fit="name" }}\n\n{card}\n'


def site_root_from(url: str) -> str:
    """The relative path from the page at `url` ("cards/krit/") to the site root ("../../")."""
    depth = len([part for part in posixpath.dirname(url.rstrip("/") + "/x").split("/") if part])
    return "../" * depth


def card_pages(config: MkDocsConfig, renderer: Renderer) -> dict[str, tuple[File, str]]:
    """cards/<id>.md for each person: the file, and the page title (escaped).

    The title is set on the page's meta: Material prints page.meta.title as it
    is, and a title taken from the heading would go through `striptags`, which
    turns "&lt;" back into "<"."""
    pages = {}
    for person_id, person in renderer.plan.people.items():  # ids are validated ASCII ([a-z0-9_-])
        path = f"cards/{person_id}.md"
        file = File.generated(config, path, content="")
        card = renderer.render("card", base=site_root_from(file.url), person_id=person_id)
        file.content_string = _CARD_PAGE.format(name=markdown_text(person.full_name), card=card)
        pages[path] = (file, str(escape(person.full_name)))
    return pages


def public_nav(nav):
    """The navigation without the pages the public edition leaves out (bcp.edition)."""
    if isinstance(nav, list):
        kept = [public_nav(item) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        kept = {title: public_nav(value) for title, value in nav.items()}
        return {title: value for title, value in kept.items() if value not in (None, [], {})} or None
    return None if isinstance(nav, str) and is_excluded(nav) else nav


# href="something/" or href="../" (relative, ending in a slash): the page is
# that folder's index.html.  Spelled out, links also work from file:// on a
# laptop with no web server, and still work on the intranet server.
_DIR_LINK = re.compile(r'(href=")((?![a-z][a-z0-9+.-]*:|/|#)[^"#?]*/)(["#?])')
_DOT_LINK = re.compile(r'(href=")(\.|\.\.)(["#])')


def links_for_disk(output: str) -> str:
    output = _DIR_LINK.sub(r"\1\2index.html\3", output)
    return _DOT_LINK.sub(r"\1\2/index.html\3", output)


# A page that prints as a card or a form says so on <body>: bcp.css gives it
# its own A4 sheet there, and nothing else (a combined PDF of many pages keeps its own).
_PRINTOUTS = (("card", 'class="bcp-wall"'), ("form", 'class="bcp-checklist-phase"'),
              ("form", 'class="bcp-logbook-sheet"'), ("form", 'class="bcp-tree"'))


def mark_printout(output: str) -> str:
    for kind, marker in _PRINTOUTS:
        if marker in output:
            return output.replace("<body ", f'<body data-bcp-print="{kind}" ', 1)
    return output
