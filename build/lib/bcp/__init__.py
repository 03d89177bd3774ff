"""Business Continuity Plan as data: load, validate, query, format.

Knows nothing of MkDocs: the site, the cards and the PDFs are built on top.

The names below are imported on first use, so that `bcp.thai` and `bcp.search`
(standard library and PyThaiNLP only) do not pull in pydantic and the models.
"""

from __future__ import annotations

import importlib

__all__ = ["DataError", "Plan", "Problem", "data_dir", "load_plan", "load_plan_cached"]

_HOME = {
    "DataError": "bcp.problems",
    "Problem": "bcp.problems",
    "Plan": "bcp.plan",
    "data_dir": "bcp.plan_loading",
    "load_plan": "bcp.plan_loading",
    "load_plan_cached": "bcp.plan_loading",
}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'bcp' has no attribute {name!r}")
