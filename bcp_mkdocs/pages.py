"""What the plugin does to pages: the generated card pages, the public edition's
navigation, and links that work from a laptop's disk (file://)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from bcp.edition import is_excluded
from bcp.labels import fill_text
from bcp.render import Renderer, markdown_text

# A generated page: its heading, then its component, rendered here from the
# plan: the page holds no macro left for mkdocs-macros.  A card page's heading
# is printed as the wall card's name (data-fit: bcp.wallcard).
_CARD_PAGE = '# {heading} {{ #card-name .bcp-wall__name data-fit="name" }}\n\n{body}\n'
# An incident page comes first in search for the incident's name (its title; the body repeats
# the plan's pages and is left out of the index: overrides/partials/bcp/incident.html).
_INCIDENT_PAGE = "---\nsearch:\n  boost: 2\n---\n\n# {heading} {{ #incident-name }}\n\n{body}\n"


def site_root_from(url: str) -> str:
    """The relative path from the page at `url` ("cards/krit/") to the site root ("../../")."""
    depth = len([part for part in posixpath.dirname(url.rstrip("/") + "/x").split("/") if part])
    return "../" * depth


def card_pages(config: MkDocsConfig, renderer: Renderer) -> dict[str, tuple[File, str]]:
    """cards/<id>.md for each person: the file, and the page title (escaped)."""
    return {f"cards/{person_id}.md": _generated(config, renderer, f"cards/{person_id}.md", _CARD_PAGE, person.full_name,
                                                 "card", person_id=person_id)
            for person_id, person in renderer.plan.people.items()}  # ids are validated ASCII ([a-z0-9_-])


def incident_pages(config: MkDocsConfig, renderer: Renderer) -> dict[str, tuple[File, str]]:
    """incidents/<id>.md for each incident the plan covers: the file, and the page title (escaped)."""
    heading = renderer.plan.labels.incident_page_title
    return {f"incidents/{incident.id}.md": _generated(config, renderer, f"incidents/{incident.id}.md", _INCIDENT_PAGE,
                                                      incident.name, "incident", incident_id=incident.id,
                                                      heading=fill_text(heading, incident=incident.name))
            for incident in renderer.plan.scope.incidents}


def _generated(config: MkDocsConfig, renderer: Renderer, path: str, page: str, name: str, component: str,
               heading: str | None = None, **context: object) -> tuple[File, str]:
    """One page made from the data, headed `heading` (`name` if none).  Its title, `name`, goes on the
    page's meta: Material prints page.meta.title as it is, and a title taken from the heading would
    go through `striptags`, which turns "&lt;" back into "<"."""
    file = File.generated(config, path, content="")
    body = renderer.render(component, base=site_root_from(file.url), **context)
    file.content_string = page.format(heading=markdown_text(heading or name), body=body)
    return file, str(escape(name))


def labelled_nav(nav, labels):
    """mkdocs.yml's navigation with each title, the key of a label ("nav_scope"), replaced by the
    plan's label: escaped, as the theme prints a title as it is."""
    if isinstance(nav, list):
        return [labelled_nav(item, labels) for item in nav]
    if isinstance(nav, dict):
        return {_nav_title(key, labels): labelled_nav(value, labels) for key, value in nav.items()}
    return nav


def is_labelled(nav) -> bool:
    """True for a navigation labelled_nav made (its titles are Markup), False for mkdocs.yml's."""
    if isinstance(nav, list):
        return any(is_labelled(item) for item in nav)
    return isinstance(nav, dict) and any(isinstance(key, Markup) or is_labelled(value) for key, value in nav.items())


def _nav_title(key: str, labels) -> Markup:
    if not hasattr(labels, key):
        raise PluginError(f"bcp: mkdocs.yml nav: {key!r} is not a label of bcp/labels.yaml")
    # Braces as entities too: mkdocs-macros renders a page title holding "{{" as a template.
    return Markup(str(escape(getattr(labels, key))).replace("{", "&#123;").replace("}", "&#125;"))


def _nav_paths(nav) -> list[str]:
    if isinstance(nav, list):
        return [path for item in nav for path in _nav_paths(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    return [nav] if isinstance(nav, str) else []


def in_nav_order(files: Files, nav, later: Sequence[str] = ()) -> Files:
    """The site's files with its pages in the navigation's order, the others after them as they were;
    the pages whose address starts with one of `later` (the plan PDF's exclude_pages) after the
    plan's own.

    MkDocs renders the pages in the order of its files, and tables are numbered as they are
    rendered (bcp.render.Renderer.table_number): the numbers follow the order of the plan's pages.
    The plan PDF starts as soon as its last page is built (bcp_mkdocs.plan_pdf): the owner's
    pages and forms are built while it is laid out."""
    order = {path: index for index, path in enumerate(_nav_paths(nav or []))}
    patterns = [re.compile(pattern if pattern.startswith("^") else f"^{pattern}") for pattern in later]

    def place(file) -> tuple[bool, int]:
        return any(pattern.match(file.url) for pattern in patterns), order.get(file.src_uri, len(order))

    return Files(sorted(files, key=place))


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


# A link to a section of the plan (the checklist's verdicts): its text becomes the
# heading of what it points to, once every page has been read.
_SECTION_LINK = re.compile(r'(<a class="bcp-section-link[^"]*" href="([^"#]*)#([^"]*)">)(.*?)(</a>)', re.S)


def headings(pages) -> dict[str, dict[str, str]]:
    """Each page's headings by id (HTML, as the table of contents holds them), by the page's
    folder ("teams"); the first heading, the page's title, also under ""."""
    found: dict[str, dict[str, str]] = {}
    for page in pages:
        titles: dict[str, str] = {}
        stack = list(page.toc or ())
        if stack:
            titles[""] = stack[0].title
        while stack:
            item = stack.pop()
            titles[item.id] = item.title
            stack.extend(item.children)
        found[posixpath.normpath(page.url or ".")] = titles
    return found


def name_sections(html: str, page_url: str, by_page: dict[str, dict[str, str]]) -> str:
    """Section links named by the heading they point to, or by their page's title when they
    point inside a section (a table row); a link to a page not built keeps its text."""
    here = posixpath.dirname(page_url.rstrip("/") + "/_")

    def named(match: re.Match) -> str:
        titles = by_page.get(posixpath.normpath(posixpath.join(here, match.group(2))))
        if not titles:
            return match.group(0)
        title = titles.get(match.group(3)) or titles.get("")
        return match.group(1) + title + match.group(5) if title else match.group(0)

    return _SECTION_LINK.sub(named, html)
