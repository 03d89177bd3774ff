"""The plan's labels filled in: the words the tool writes around the data (bcp/labels.yaml,
an office's labels.yaml; the models in bcp.model).

A label is data: its text is escaped wherever it lands, like every value from the data
folder.  Its placeholders ("{number}") are filled by the tool; a placeholder a label may
hold but no value was given for is a fault of the program, never printed as it stands.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from bcp.model import PLACEHOLDER, placeholders

__all__ = ["fill", "fill_text", "placeholders"]


def _value(values: dict[str, object], name: str) -> object:
    if name not in values:
        raise KeyError(f"label placeholder {{{name}}} was not given a value")
    return values[name]


def fill_text(label: str, **values: object) -> str:
    """The label as plain text, each placeholder replaced by its value."""
    return PLACEHOLDER.sub(lambda match: str(_value(values, match.group(1))), label)


def fill(label: str, **values: object) -> Markup:
    """The label as HTML: its own text escaped, each placeholder replaced by its value,
    escaped too unless it is Markup already (a link the template rendered)."""
    pieces: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(label):
        pieces += [escape(label[last:match.start()]), escape(_value(values, match.group(1)))]
        last = match.end()
    pieces.append(escape(label[last:]))
    return Markup("").join(pieces)
