"""What a build prints, for a person: the plan's own lines, in Thai, and MkDocs' steps only with -v.

MkDocs logs every step at INFO ("Cleaning site directory", the macros
plugin's modules, mkdocs-to-pdf's pages).  At MkDocs' default level a
person sees only the bcp plugin's lines (data warnings with file and line,
PDF progress, the preview's address) as they are written, and every warning
or error from anyone else: those fail a --strict build, and hiding them
would make it fail unexplained.  With -v (DEBUG) nothing is left out; with
-q MkDocs shows errors only.
"""

from __future__ import annotations

import logging

OWN_LOGGER = "mkdocs.plugins.bcp"
_MKDOCS_HANDLER = "MkDocsStreamHandler"  # the console handler `mkdocs` installs (mkdocs.__main__.State)
_LABELS = {logging.INFO: "", logging.WARNING: "คำเตือน: ", logging.ERROR: "ข้อผิดพลาด: "}


def _own(record: logging.LogRecord) -> bool:
    return record.name == OWN_LOGGER or record.name.startswith(OWN_LOGGER + ".")


class ForAPerson(logging.Filter):
    """The bcp plugin's lines, and warnings and errors from anyone."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or _own(record)


class OwnLinesPlain(logging.Formatter):
    """The bcp plugin's lines as Thai text, without MkDocs' "INFO    -  "; others as MkDocs prints them."""

    def __init__(self, others: logging.Formatter | None) -> None:
        super().__init__()
        self.others = others or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if _own(record) and record.levelno in _LABELS:
            label = _LABELS[record.levelno]
            return message if message.startswith(label) else label + message
        return self.others.format(record)


def for_a_person() -> None:
    """Install the filter on MkDocs' console handler, when MkDocs logs at its default level."""
    logger = logging.getLogger("mkdocs")
    if logger.level != logging.INFO:  # -v, -q, or MkDocs run without its command line
        return
    for handler in logger.handlers:
        if handler.get_name() == _MKDOCS_HANDLER and not any(isinstance(f, ForAPerson) for f in handler.filters):
            handler.addFilter(ForAPerson())
            handler.setFormatter(OwnLinesPlain(handler.formatter))
