"""HTML to PDF with WeasyPrint: Thai text layer fixed, reproducible metadata.

The HTML links its stylesheet relative to `base_url` (the docs folder or the
built site), where assets/stylesheets/bcp.css loads Sarabun from
assets/fonts: the PDF embeds the same fonts as the site.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from bcp.thai import pdf_text

# WeasyPrint logs every CSS property it does not support (Material's) as a
# warning; our documents use bcp.css only, so keep its chatter out of builds.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def source_date(environ: Mapping[str, str] = os.environ) -> str | None:
    """SOURCE_DATE_EPOCH as a W3C date for the PDF's dates; None when unset (no date at all)."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def render(html: str, base_url: str | os.PathLike):
    """Lay out one HTML document; returns a weasyprint Document (pages can be combined)."""
    import weasyprint  # imported late: loading Pango costs time a site-only build does not need

    base = Path(base_url).resolve().as_uri() + "/"
    # SARA AM decomposed: WeasyPrint's text layer maps the composed glyph wrongly.
    return weasyprint.HTML(string=pdf_text(html), base_url=base).render()


def combine(documents: Iterable):
    """One document holding every page of `documents`, in order (no new layout)."""
    documents = list(documents)
    combined = documents[0].copy([page for document in documents for page in document.pages])
    combined.metadata = copy.copy(combined.metadata)  # copy() shares it with the first document
    return combined


def write(document, target: str | os.PathLike, title: str | None = None,
          environ: Mapping[str, str] = os.environ) -> Path:
    """Write `document` to `target`; dates only from SOURCE_DATE_EPOCH, so builds are byte-identical."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    metadata = document.metadata
    if title:
        metadata.title = title
    metadata.created = metadata.modified = source_date(environ)
    document.write_pdf(target)
    return target
