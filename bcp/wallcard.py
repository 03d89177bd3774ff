"""How much of a wall card fits its one A4 page, known before WeasyPrint lays it out.

A wall card lists the person's first actions, as many as fit at full size.
Laying every card out to find out would cost a WeasyPrint layout per card
(slow on Thai text), so the card's own HTML is measured instead, with a small
model of its print styles: every block marked `data-fit="<style>"` is made of
lines of one fixed height (bcp.css sets the same sizes for `.bcp-wall`
[data-fit]), and a line holds what the block's width holds of the text's
estimated width.  Widths are Sarabun's advances rounded up by class of
character, and a line is assumed to lose up to two em where a word does not
fit, so the estimate errs on the side of room; the PDF build lays a card out
again with fewer actions only if it still spills (bcp.printouts).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

MM = 72 / 25.4  # points in a millimetre
# bcp.css: @page wall (10 mm clear of the paper's edge; a Thai mark above a first line reaches into the top margin)
PAGE_MARGIN_Y, PAGE_MARGIN_X = 11 * MM, 10 * MM
WIDTH = 210 * MM - 2 * PAGE_MARGIN_X
HEIGHT = 297 * MM - 2 * PAGE_MARGIN_Y
# Kept free at the foot of the page: line boxes round differently in WeasyPrint and Chromium.
SAFETY = 8.0


@dataclass(frozen=True)
class TypeStyle:
    """One kind of block on the printed wall card; bcp.css gives `[data-fit="<name>"]` the same figures."""

    size: float  # font size, pt
    line: float  # line height, pt: every line of the block is this tall
    before: float = 0  # margin above, pt (none below, so that no two margins collapse)
    below: float = 0  # padding and border under the text, pt
    indent: float = 0  # room on the left for a hanging number, pt
    bold: bool = False

    def height(self, lines: int) -> float:
        return self.before + lines * self.line + self.below


STYLES = {
    "name": TypeStyle(30, 36, bold=True),
    "body": TypeStyle(16, 23),
    "strong": TypeStyle(16, 23, bold=True),
    "heading": TypeStyle(18, 25, before=8, below=3, bold=True),
    "label": TypeStyle(14, 19, bold=True),
    "group": TypeStyle(14, 19, before=4, bold=True),  # heads a run of first actions
    "small": TypeStyle(12, 16),
    "note": TypeStyle(16, 23, before=4, bold=True),
    "action": TypeStyle(16, 23, before=3, indent=28),
    "more": TypeStyle(16, 23, before=4, bold=True),
    "footer": TypeStyle(12, 16, before=12),  # a table: only the room above it
}
CELL_PADDING = 2.0  # pt above and below a table cell's text (bcp.css: .bcp-wall td, th)
CELL_GAP = 6.0  # pt right of a table cell's text
ROW_RULE = 0.75  # pt: the line under each table row
WRAP_LOSS = 2.0  # em a wrapped line may leave empty (a word that did not fit moves down whole)

# Sarabun's advance widths in em, rounded up by class; every other Thai letter is at most 0.63.
_CLASS_WIDTHS = ((0.40, "เใโไๅ()/-:.,·'\"[]"), (0.52, "งราำวะ"), (0.67, "ฆทนบปห"),
                 (0.75, "ษฑพฟฬ๐๑๒๓๔๕๖๗๘๙๚"), (0.85, "ฌญฒณ๛"), (0.95, "mwMW"))
_WIDTHS = {char: width for width, chars in _CLASS_WIDTHS for char in chars}


def text_em(text: str, bold: bool = False) -> float:
    """The width of `text` in em, a little wider than Sarabun sets it."""
    em = 0.0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue  # marks above and below a letter, zero-width spaces
        if char.isspace():
            em += 0.27
        elif char in _WIDTHS:
            em += _WIDTHS[char]
        elif char.isascii():
            em += 0.72 if char.isupper() else 0.56
        else:
            em += 0.63
    return em * (1.04 if bold else 1.0)


def lines_of(text: str, style: TypeStyle, width: float) -> int:
    """How many lines `text` takes in a block of `width` pt (0 when there is no text)."""
    words = " ".join(text.split())
    if not words:
        return 0
    room = width - style.indent
    wide = text_em(words, style.bold) * style.size
    if wide <= room:
        return 1
    return math.ceil(wide / (room - WRAP_LOSS * style.size))  # a wrapped line may end short of the edge


def fits_one_line(text: str, style_name: str, width: float = WIDTH) -> bool:
    return lines_of(text, STYLES[style_name], width) <= 1


# --- the card's HTML as a tree of blocks -----------------------------------------------------


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)

    @property
    def is_block(self) -> bool:
        """Measured on its own: a styled block, a fixed-height box, a table."""
        return "data-fit" in self.attrs or "data-fit-height" in self.attrs or self.tag == "table"

    def own_text(self) -> str:
        """Text of the node outside the blocks inside it; <br> starts a new line (LINE_BREAK here)."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append(_LINE_BREAK)
            elif not child.is_block and "data-fit-hang" not in child.attrs:  # hung in the indent: takes no line room
                parts.append(child.own_text())
        return "".join(parts)

    def blocks(self) -> list[_Node]:
        """The blocks directly inside the node (not inside another block)."""
        found = []
        for child in self.children:
            if isinstance(child, _Node):
                found.extend([child] if child.is_block else child.blocks())
        return found

    def find_all(self, tags: tuple[str, ...]) -> list[_Node]:
        found = []
        for child in self.children:
            if isinstance(child, _Node):
                if child.tag in tags:
                    found.append(child)
                found.extend(child.find_all(tags))
        return found


_LINE_BREAK = "\x00"  # where a <br> was: the HTML's own newlines are spaces
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(node)
        if tag not in _VOID:
            self.open.append(node)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(_Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def _tree(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


_LENGTH = re.compile(r"^\s*([\d.]+)\s*(mm|pt|%)\s*$")


def _length(value: str, of: float = 0.0) -> float | None:
    match = _LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    return number * MM if unit == "mm" else number if unit == "pt" else number / 100 * of


# --- measuring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    fixed: float  # pt taken by everything that is always shown
    # pt each droppable item takes, in order, by kind ("actions", "calls"): elements marked
    # data-fit-item="<kind>", each with the line marked data-fit-lead="<kind>" that heads it, if any.
    items: dict[str, tuple[float, ...]]


def measure(html: str) -> Measure:
    """The heights of a wall card's parts, from its HTML (the partial wall_card_sheet.html)."""
    items: dict[str, list[float]] = {}
    leads: dict[str, float] = {}  # a heading waiting for the first item under it

    def droppable(node: _Node, total: float) -> float:
        """What `node` adds to the fixed part: nothing when it is an item or heads one."""
        if "data-fit-lead" in node.attrs:
            leads[node.attrs["data-fit-lead"]] = total
            return 0.0
        if "data-fit-item" in node.attrs:
            kind = node.attrs["data-fit-item"]
            items.setdefault(kind, []).append(leads.pop(kind, 0.0) + total)
            return 0.0
        return total

    def height(node: _Node, width: float) -> float:
        if "data-fit-height" in node.attrs:
            return _length(node.attrs["data-fit-height"]) or 0.0
        style = STYLES.get(node.attrs.get("data-fit", ""))
        if node.tag == "table":  # its style gives the room above it; its cells have their own
            return (style.before if style else 0.0) + table_height(node, width)
        inner = sum(height(block, width) for block in node.blocks())
        if style is None:
            return droppable(node, inner)
        lines = sum(lines_of(line, style, width) for line in node.own_text().split(_LINE_BREAK))
        return droppable(node, style.height(lines) + inner)

    def table_height(table: _Node, width: float) -> float:
        specs = [_length(col.attrs.get("style", "").partition("width:")[2], width) for col in table.find_all(("col",))]
        known = sum(w for w in specs if w is not None)
        free = [w for w in specs if w is None]
        columns = [w if w is not None else (width - known) / len(free) for w in specs] or [width]
        total = 0.0
        for row in table.find_all(("tr",)):
            tallest, column = 0.0, 0
            for cell in [c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]:
                span = int(cell.attrs.get("colspan", "1") or 1)
                cell_width = sum(columns[column: column + span]) - CELL_GAP
                column += span
                tallest = max(tallest, height(cell, cell_width))
            total += droppable(row, tallest + 2 * CELL_PADDING + ROW_RULE)
        return total

    fixed = height(_tree(html), WIDTH)
    return Measure(fixed, {kind: tuple(heights) for kind, heights in items.items()})


@dataclass(frozen=True)
class Fit:
    actions: int  # first actions the card shows, in order
    calls: int  # call lines it shows, in order: all of them unless the card is very full


def what_fits(html: str) -> Fit:
    """What the card can show on its page: every call line and as many first actions as fit,
    each kind with its "more" line when some are left; when even no action leaves room for every
    call (a head who calls many teams), as many call lines as fit."""
    found = measure(html)
    actions, calls = found.items.get("actions", ()), found.items.get("calls", ())
    more = STYLES["more"].height(1)
    room = HEIGHT - SAFETY - found.fixed
    if sum(actions) + sum(calls) <= room:
        return Fit(len(actions), len(calls))
    room -= more if actions else 0.0
    if sum(calls) <= room:
        return Fit(_count(actions, room - sum(calls)), len(calls))
    return Fit(0, _count(calls, room - more))


def _count(heights: tuple[float, ...], room: float) -> int:
    """How many of `heights`, from the first, fit in `room`."""
    shown = 0
    for height in heights:
        if height > room:
            break
        room -= height
        shown += 1
    return shown
