"""mkdocs-to-pdf's event hook module for the plan PDF, and the changes to the
assembled document before it is laid out.

mkdocs-to-pdf imports its event hook module by the name `pdf_event_hook`;
bcp_mkdocs.plan_pdf hands it this module under that name.  Everything here
changes only what goes to WeasyPrint: the web pages keep their normal spelling
and links.
"""

from __future__ import annotations

import re
from logging import Logger
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag

from bcp.thai import pdf_text

# Text inside these is not drawn on the page (or must keep its spelling, like
# the document title that becomes the PDF's Title).
_NOT_DRAWN = ("head", "script", "style", "title")


def inject_link(output_content: str, pdf_path: str, page, logger: Logger) -> str:
    """No header button: the home page links the PDF itself (partial pdf_link)."""
    return output_content


def head_and_article(page_html: str) -> str:
    """The parts of a page mkdocs-to-pdf reads (its <head>, its <article>), without the header,
    navigation and footer around them, which it would parse for nothing; the page whole when it
    has no such parts."""
    head_end = page_html.find("</head>")
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if head_end < 0 or start < head_end or end < start:
        return page_html
    body = re.search(r"<body\b[^>]*>", page_html[head_end:start])
    return (page_html[:head_end] + "</head>" + (body.group(0) if body else "<body>")
            + page_html[start:end + len("</article>")] + "</body></html>")


def prepare(soup: BeautifulSoup, cover: str) -> BeautifulSoup:
    """Last changes to the assembled plan before WeasyPrint lays it out."""
    insert_cover(soup, cover)
    drop_metadata(soup)
    open_details(soup)
    break_long_words(soup)
    decompose_sara_am(soup)
    return soup


def insert_cover(soup: BeautifulSoup, cover: str) -> None:
    """The cover (our partial pdf_cover.html, already escaped) as the document's first page."""
    if soup.body is not None:
        soup.body.insert(0, BeautifulSoup(cover, "html.parser"))


def drop_metadata(soup: BeautifulSoup) -> None:
    """The PDF's metadata is written from the data as plain text (bcp.pdf), never from the page's <meta>."""
    if soup.head is not None:
        for meta in soup.head.find_all("meta", attrs={"name": True}):
            meta.decompose()


# A run of non-Thai letters this long has no place to break (Thai text breaks
# between words through libthai; Latin at spaces).
_LONG_WORD = re.compile(r"[^\s\u0e00-\u0e7f]{40,}")


def break_long_words(soup: BeautifulSoup) -> None:
    """Let a very long word (a URL, a mistyped run) break anywhere inside a table cell.

    WeasyPrint sizes a table column by its longest word, even with
    overflow-wrap: anywhere: one such word widens the table past the page.
    `word-break: break-all` (styles.scss) adds break points without adding
    characters, so the text layer is unchanged.
    """
    body = soup.body
    if body is None:
        return
    for text in body.find_all(string=_LONG_WORD):
        if any(parent.name in _NOT_DRAWN for parent in text.parents) or text.find_parent(["td", "th"]) is None:
            continue
        pieces, last = [], 0
        for match in _LONG_WORD.finditer(str(text)):
            pieces.append(str(text)[last:match.start()])
            span = soup.new_tag("span", attrs={"class": "bcp-long-word"})
            span.string = match.group(0)
            pieces.append(span)
            last = match.end()
        pieces.append(str(text)[last:])
        text.replace_with(*[piece for piece in pieces if piece != ""])


def open_details(soup: BeautifulSoup) -> None:
    """Paper cannot be clicked: every collapsible block is printed open."""
    for details in soup.find_all("details"):
        details["open"] = ""


def decompose_sara_am(soup: BeautifulSoup) -> None:
    """Write SARA AM as NIKHAHIT + SARA AA in the drawn text (see bcp.thai.pdf_text).

    WeasyPrint otherwise maps later SARA AA glyphs to SARA AM in the PDF's
    text layer, so copied or searched text is wrong.  Same glyphs on paper.
    """
    body = soup.body
    if body is None:
        return
    # The PDF's bookmarks keep the normal spelling (styles.scss: bookmark-label).
    for heading in body.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        heading["data-bookmark"] = " ".join(heading.get_text().split())
    for text in body.find_all(string=True):
        if "\u0e33" in text and not any(parent.name in _NOT_DRAWN for parent in text.parents):
            # Keep the string's class (CSS in <style> must stay unescaped).
            text.replace_with(type(text)(pdf_text(str(text))))


def unlink_outside(generator) -> None:
    """Links to pages that are not in the PDF (role cards, forms, the PDF itself) become text.

    Runs on mkdocs-to-pdf's collected articles before it checks that every
    link in the PDF has a target (which fails the strict build otherwise).
    Its links look like "#teams/:team-relief" (page path, colon, anchor).
    """
    articles: dict[int, Tag] = generator._articles  # noqa: SLF001 (no public access)
    pages = generator._nav.pages if generator._nav else []  # noqa: SLF001
    included = {generator._page_path_for_id(page) for page in pages if id(page) in articles}  # noqa: SLF001
    for article in articles.values():
        for link in article.find_all("a", href=True):
            href = link["href"]
            if not href.startswith("#"):
                continue  # tel:, https: and the like stay links
            target = unquote(href[1:]).split(":", 1)[0]
            if target not in included:
                link.unwrap()


def pages_in_pdf(generator, nav) -> list:
    """The navigation's pages that mkdocs-to-pdf puts in the plan PDF (its `exclude_pages` left out)."""
    patterns = generator._exclude_page_patterns  # noqa: SLF001 (no public access)
    return [page for page in nav.pages if not any(pattern.match(page.url) for pattern in patterns)]
