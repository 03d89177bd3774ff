"""MkDocs hooks for the plan PDF (pdf/plan.pdf, made by mkdocs-to-pdf).

The PDF is built from the same pages as the site, only when BCP_PDF=1.
This file feeds the plugin the cover's values and keeps its template folder
out of the published site; hooks/pdf_event_hook.py changes what goes to
WeasyPrint.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # hooks are loaded by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from bcp import thai  # noqa: E402
from hooks.context import build_context  # noqa: E402

PLUGIN = "to-pdf"


def _plugin(config: MkDocsConfig):
    return config.plugins.get(PLUGIN)


def _template_dir(config: MkDocsConfig) -> Path | None:
    plugin = _plugin(config)
    if plugin is None:
        return None
    folder = Path(plugin.config["custom_template_path"])
    config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    return folder if folder.is_absolute() else config_dir / folder


# After bcp_hooks' on_config, before the plugin's: it reads its options then.
@event_priority(40)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The cover's values (formatted from the data) and an absolute template folder.

    The cover template (overrides/pdf/cover.html) gets plain text through
    `extra.pdf_cover`; its markup and escaping stay in the template.
    """
    # mkdocs-to-pdf imports hooks/pdf_event_hook.py by its bare name in its
    # on_config; MkDocs restores sys.path after loading the hooks, so add it now.
    for folder in (ROOT, ROOT / "hooks"):
        if str(folder) not in sys.path:
            sys.path.append(str(folder))
    # The plugin logs every step at INFO even under `mkdocs build --quiet`
    # (make site); keep its warnings, which --strict counts.
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO:
        logging.getLogger("mkdocs.to-pdf").setLevel(logging.WARNING)
    context = build_context(config)
    plan = context.plan
    info = plan.info
    config.extra["pdf_cover"] = {
        "title": info.title,
        "title_en": info.title_en,
        "office": info.office.name,
        "author_unit": info.author_unit,
        "version": thai.digits(info.version, plan.thai_digits),
        "date": thai.thai_date(info.date, plan.thai_digits),
        # Already escaped markup (our own autoescaping renderer): the history table.
        "history": context.renderer.render("revisions"),
    }
    folder = _template_dir(config)
    if folder is not None:
        # The plugin looks the folder up from the current directory: a build
        # started elsewhere (mkdocs -f ...) would silently get its default cover.
        _plugin(config).config["custom_template_path"] = str(folder)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The PDF's templates sit in the theme folder (overrides/): don't publish them.

    Also in builds without the PDF plugin (mkdocs.yml alone), where the theme
    would otherwise copy them into the site."""
    folder = _template_dir(config) or ROOT / "overrides" / "pdf"
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(folder.resolve()):
            files.remove(file)
    return files


# Before the plugin's on_post_build, which checks links and renders the PDF.
@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    plugin = _plugin(config)
    generator = getattr(plugin, "generator", None)
    if plugin is None or not plugin.enabled or generator is None:
        return
    from pdf_event_hook import unlink_outside  # noqa: PLC0415

    unlink_outside(generator)
