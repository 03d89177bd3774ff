"""The `bcp` plugin's options in mkdocs.yml.

Each option left out takes its value from the environment (bcp.settings, the
one place that reads `BCP_*`): `make site` and the tests set the environment,
mkdocs.yml sets nothing that differs between builds.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from bcp.settings import EDITIONS


class BcpConfig(Config):
    # The plan's data folder; default $BCP_DATA, else data/ beside mkdocs.yml.
    data_dir = c.Optional(c.Type(str))
    # internal (everything) or public (no personal data); default $BCP_EDITION.
    edition = c.Optional(c.Choice(EDITIONS))
    # Build the PDFs too (`make site`); default: $BCP_PDF is 1.
    pdf = c.Optional(c.Type(bool))
    # YYYY-MM-DD: the date review reminders compare with; default $BCP_TODAY, else today in Thailand.
    today = c.Optional(c.Type(str))
    # Options for mkdocs-to-pdf, which assembles the plan PDF (pdf/plan.pdf) when PDFs are built.
    plan_pdf = c.Type(dict, default={})
    # Worker processes laying out the printouts, besides the plan's own; default: one per other core (two at most).
    pdf_workers = c.Optional(c.Type(int))
