"""Render plan components from Jinja partials (one component a file).

Autoescaping is on and undefined names are errors: every value from the data
lands in HTML escaped, and a template typo fails the build instead of
printing nothing.  No MkDocs here: the site, the cards and the PDFs share it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from bcp import cards, checklist, incidents, thai, wallcard
from bcp.calltree import CallTree
from bcp.labels import fill, fill_text, placeholders
from bcp.model import DEFAULT_LABELS, LABEL_CATALOGUE
from bcp.notices import owner_notices
from bcp.plan import Plan
from bcp.problems import DataError
from bcp.review import review_status
from bcp.settings import EDITIONS, Settings, SettingsError

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(value: object) -> str:
    """Data as literal text inside Markdown: HTML-escaped, Markdown specials backslashed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(str(value))))


class MarkdownLabels:
    """The plan's labels as the pages (docs/*.md) print them: literal text on one line, escaped for
    Markdown like any data (`# {{ labels.scope_title }} { #scope }`); a label with placeholders
    through `labels.fill("workspace_title", number=1)`, numbers in the plan's digits."""

    def __init__(self, labels: object, digits) -> None:
        self._labels = labels
        self._digits = digits

    def fill(self, key: str, **values: object) -> str:
        text = fill_text(getattr(self._labels, key), **{name: self._digits(value) if isinstance(value, int) else value
                                                        for name, value in values.items()})
        return markdown_text(" ".join(text.split()))  # a heading is one line

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        return self.fill(key)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's on-disk cache of compiled templates; one that cannot be read or written only costs time."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache(env: jinja2.Environment, enabled: bool = True) -> jinja2.BytecodeCache | None:
    """Compiled partials kept between builds, in the user's temporary folder.

    Compiling the partials was most of the render time of a site build.  Jinja
    recompiles a template whose source changed (it checks a checksum); the file
    names also carry what else shapes the compiled code (Jinja's version, the
    syntax options), so a stale entry is never used.  BCP_TEMPLATE_CACHE=0 turns it off."""
    if not enabled:
        return None
    shape = repr((jinja2.__version__, env.autoescape, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
                  env.newline_sequence, env.block_start_string, env.block_end_string, env.variable_start_string,
                  env.variable_end_string, env.comment_start_string, env.comment_end_string,
                  env.line_statement_prefix, env.line_comment_prefix, sorted(env.extensions)))
    key = hashlib.sha256(shape.encode()).hexdigest()[:16]
    try:
        return _TemplateCache(pattern=f"__bcp_{key}_%s.cache")
    except (OSError, RuntimeError):  # no private temporary folder: compile every time
        return None


def unbroken(text: str) -> Markup:
    """A phone number or an extension, never split across lines (bcp.css: .bcp-phone)."""
    return Markup('<span class="bcp-phone">{}</span>').format(text)


def partials_environment(templates: str | Path, cache: bool = True) -> jinja2.Environment:
    """The Jinja environment of the partials: autoescaping, strict names, compact output."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.bytecode_cache = template_cache(env, cache)
    return env


def compact(html: str) -> Markup:
    """Rendered HTML without indentation or blank lines.

    Markdown treats a block of HTML as raw only when no line is indented by
    four spaces or more and no blank line splits it."""
    return Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))


def render_problems(templates: str | Path, error: DataError) -> Markup:
    """The page shown instead of the plan while its data cannot be used (`mkdocs serve`)."""
    # The office's own labels may be what cannot be read: the tool's words here.
    env = partials_environment(templates)
    env.filters["fill"] = fill
    return compact(env.get_template("data_problems.html").render(
        problems=error.problems, errors=len(error.errors), labels=DEFAULT_LABELS))


class Renderer:
    """The plan's partials, rendered in one Jinja environment with one context.

    Everything a partial may use is assembled here, in `_globals`: the plan,
    its derived views (call tree, cards, review status, checklist verdicts),
    the edition and whether this build makes PDFs.
    """

    def __init__(self, plan: Plan, templates: str | Path, settings: Settings | None = None,
                 pdfs_built: bool = False) -> None:
        settings = settings or Settings(data_dir=Path("data"))
        if settings.edition not in EDITIONS:
            raise SettingsError(f"BCP_EDITION ต้องเป็น {' หรือ '.join(EDITIONS)} (พบ {settings.edition!r})")
        self.plan = plan
        self.settings = settings
        self.edition = settings.edition
        self.env = partials_environment(templates, settings.template_cache)
        # Each table's number, given the first time a label asks for it: tables are numbered in the
        # order they are rendered, which the plugin makes the order of the pages (bcp_mkdocs.pages).
        self._table_numbers: dict[str, int] = {}
        self.env.filters.update(self.filters())
        self.call_tree = CallTree(plan)
        self.site_url = cards.site_url(plan, settings.site_url)
        # Cached: a person's card is shown on their page, summed up on the cards
        # index and printed; it is computed once.
        self.card = functools.lru_cache(maxsize=None)(
            lambda person_id: cards.card(plan, person_id, self.call_tree, self.site_url))
        self.wall_fit = functools.lru_cache(maxsize=None)(self._wall_fit)
        self.env.globals.update(self._globals(pdfs_built))

    def _globals(self, pdfs_built: bool) -> dict:
        plan = self.plan
        return {
            "plan": plan,
            "edition": self.edition,
            "public": self.edition == "public",
            "labels": plan.labels,
            "label_catalogue": LABEL_CATALOGUE,  # every label with its default, for the owner guide's list
            "numbered": self.numbered,
            # Review reminders as of today ($BCP_TODAY in tests).
            "review": review_status(plan, self.settings.reference_date()),
            "call_tree": self.call_tree,
            "card": self.card,
            "wall_fit": self.wall_fit,
            "wallet_contacts": lambda person_id: cards.wallet_contacts(plan, self.card(person_id)),
            "qr_svg": cards.qr_svg,
            "site_url": self.site_url,
            "pdfs_built": pdfs_built,
            "pdf": False,  # True while rendering a document for WeasyPrint: no links into the site
            "checklist_verdict": lambda item: checklist.verdict(plan, item, self.call_tree),
            "incident_brief": lambda incident_id: incidents.brief(plan, incident_id),
            "incident_path": incidents.incident_path,
            "sheet_first_step": incidents.sheet_first_step,
            "short_line": cards.short_line,  # a step in one line, as the wall card prints it
            # For the plan owner's page only (data-notes): never on a printed page.
            "owner_notices": lambda: owner_notices(plan, self.settings, self.settings.data_dir),
        }

    def _wall_fit(self, person_id: str) -> wallcard.Fit:
        """What the person's wall card shows: as many first actions (and calls) as fit its page (bcp.wallcard).

        Measured on the card as printed, with everything on it; the site's card page shows the same."""
        sheet = self.render("wall_card_sheet", person_id=person_id, pdf=True, wall_fits={person_id: None})
        return wallcard.what_fits(str(sheet))

    # --- formatting ----------------------------------------------------------

    def digits(self, value: object) -> str:
        return thai.digits(value, self.plan.thai_digits)

    def filters(self) -> dict:
        thai_digits = self.plan.thai_digits
        return {
            "d": self.digits,
            "thai_date": lambda d, abbr=False: thai.thai_date(d, thai_digits, abbr) if isinstance(d, dt.date) else "",
            "phone": lambda n: unbroken(thai.format_phone(n, thai_digits)) if n else "",
            "tel": lambda n: thai.tel_uri(n) if n else "",
            "ext": lambda e: unbroken(thai.format_extension(e, thai_digits)) if e else "",
            "window": lambda w: self.digits(self.plan.window_label(w)),
            # A resource table's cell: "-" (none) as typed, null as "not stated" (bcp.model.Cell).
            "count": lambda n: self.plan.labels.not_stated if n is None else self.digits(n),
            # A label with its placeholders filled, escaped (bcp.labels.fill); numbers in the plan's digits.
            "fill": lambda label, **values: fill(label, **{name: self.digits(value) if isinstance(value, int) else value
                                                            for name, value in values.items()}),
        }

    def table_number(self, key: str) -> str:
        """The number of the table `key` ("bia", "team:<id>"): the next number the first time it is asked for."""
        number = self._table_numbers.setdefault(key, len(self._table_numbers) + 1)
        return self.digits(number)

    def numbered(self, label: str, key: str, **values: object) -> Markup:
        """A caption (or a sentence citing a table): the label filled, with table `key`'s number when
        the label shows one, so that a table whose caption has no number takes none."""
        if "number" in placeholders(label):
            values["number"] = self.table_number(key)
        return self.env.filters["fill"](label, **values)

    # --- rendering -----------------------------------------------------------

    def render(self, name: str, base: str = "", **context: object) -> Markup:
        """Render `name`.html; `base` is the relative path from the page to the site root."""
        template = self.env.get_template(f"{name}.html")
        context.setdefault("card_url", lambda person_id: f"{base}cards/{person_id}/")
        context.setdefault("page_url", lambda page: f"{base}{page}/")
        context.setdefault("file_url", lambda path: f"{base}{path}")
        return compact(template.render(**context))
