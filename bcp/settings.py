"""The build's settings, read from the environment in this one place.

Every `BCP_*` variable (and SOURCE_DATE_EPOCH) is read here and nowhere
else; the rest of the code receives a `Settings` and never looks at
`os.environ`.  The MkDocs plugin (bcp_mkdocs) lets `mkdocs.yml` override each
value; `bcp check` and the other commands use the environment as it is.

    BCP_DATA      the plan's data folder (default: data/ beside mkdocs.yml, or
                  in the current folder for the commands)
    BCP_EDITION   internal (default) or public (no personal data)
    BCP_PDF       1: build the PDFs too (make site); anything else: site only
    BCP_TODAY     YYYY-MM-DD: the date review reminders compare with (tests);
                  default: today in Thailand
    BCP_SITE_URL  the site's intranet address for QR codes, over plan.yaml's site_url
    BCP_TEMPLATE_CACHE  0: compile the Jinja partials every build
    BCP_DEBUG     1: show the Python traceback of an unexpected error
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

EDITIONS = ("internal", "public")

# The office's calendar day, whatever the build machine's time zone.
THAILAND = dt.timezone(dt.timedelta(hours=7), "ICT")


class SettingsError(ValueError):
    """A setting that cannot be used: the message is Thai and names the variable."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    edition: str = "internal"
    pdf: bool = False
    # The date reminders compare with; None: today in Thailand, asked when needed
    # (`mkdocs serve` runs for days).
    today: dt.date | None = None
    site_url: str | None = None
    template_cache: bool = True
    debug: bool = False
    # Seconds since 1970 for the PDFs' dates (reproducible builds); None: no date.
    source_date_epoch: int | None = None

    @property
    def public(self) -> bool:
        return self.edition == "public"

    def reference_date(self) -> dt.date:
        """The day review reminders compare with: BCP_TODAY, else today in Thailand.

        Not SOURCE_DATE_EPOCH: builds take it from the last commit, and a plan that
        nobody touches is exactly the one whose review falls overdue."""
        return self.today or dt.datetime.now(THAILAND).date()

    def with_overrides(self, **values: object) -> Settings:
        """These settings with the given values replaced (None keeps the current one)."""
        given = {key: value for key, value in values.items() if value is not None}
        if "data_dir" in given:
            given["data_dir"] = Path(given["data_dir"])
        if "edition" in given:
            given["edition"] = _edition(str(given["edition"]), "edition")
        if isinstance(given.get("today"), str):
            given["today"] = _date(given["today"], "today")
        return replace(self, **given)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, default_data: str | os.PathLike = "data") -> Settings:
        """The settings the environment gives; raises SettingsError with a Thai message."""
        environ = os.environ if environ is None else environ
        return cls(
            data_dir=Path(environ.get("BCP_DATA") or default_data),
            edition=_edition(environ.get("BCP_EDITION") or "internal", "BCP_EDITION"),
            pdf=environ.get("BCP_PDF") == "1",
            today=_date(environ.get("BCP_TODAY") or "", "BCP_TODAY"),
            site_url=(environ.get("BCP_SITE_URL") or "").strip() or None,
            template_cache=environ.get("BCP_TEMPLATE_CACHE") != "0",
            debug=debug_enabled(environ),
            source_date_epoch=_epoch(environ.get("SOURCE_DATE_EPOCH") or ""),
        )


def debug_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """BCP_DEBUG=1: show the traceback of an unexpected error (asked on its own: the
    other settings may be the very thing that is broken)."""
    return (os.environ if environ is None else environ).get("BCP_DEBUG") == "1"


def _edition(value: str, name: str) -> str:
    value = value.strip()
    if value not in EDITIONS:
        raise SettingsError(f"{name} ต้องเป็น {' หรือ '.join(EDITIONS)} (พบ {value[:40]!r})")
    return value


def _date(value: str, name: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{name} ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2026-01-31 (พบ {value[:40]!r})") from None


def _epoch(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 11:
        raise SettingsError(f"SOURCE_DATE_EPOCH ต้องเป็นจำนวนวินาทีนับจาก พ.ศ. ๒๕๑๓ (ค.ศ. 1970) เช่น 1672704000 (พบ {value[:40]!r})")
    return int(value)
