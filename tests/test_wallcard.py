"""The wall card's fitting: the estimate of what fits its A4 page (bcp.wallcard) against the
print styles it models (bcp.css) and the typeface it estimates (Sarabun)."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import pytest
import tinycss2
import yaml
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

from bcp import load_plan, wallcard
from bcp.render import Renderer
from bcp.settings import Settings
from conftest import FIXTURES, LAMPANG, ROOT

CSS = ROOT / "docs" / "assets" / "stylesheets" / "bcp.css"
FONTS = ROOT / "docs" / "assets" / "fonts" / "sarabun"
PARTIALS = ROOT / "overrides" / "partials" / "bcp"


def print_rules() -> dict[str, dict[str, str]]:
    """bcp.css's @media print declarations by selector (the wall card's, the last one winning)."""
    found: dict[str, dict[str, str]] = {}
    sheet = tinycss2.parse_stylesheet(CSS.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    for rule in sheet:
        if rule.type != "at-rule" or rule.lower_at_keyword != "media" or "print" not in tinycss2.serialize(rule.prelude):
            continue
        for inner in tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True):
            if inner.type != "qualified-rule":
                continue
            declarations = {d.lower_name: tinycss2.serialize(d.value).strip()
                            for d in tinycss2.parse_declaration_list(inner.content, skip_comments=True, skip_whitespace=True)
                            if d.type == "declaration"}
            for selector in tinycss2.serialize(inner.prelude).split(","):
                found.setdefault(" ".join(selector.split()), {}).update(declarations)
    return found


def points(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(pt|mm)?", value).groups()
    return float(number) * (72 / 25.4 if unit == "mm" else 1)


def test_the_estimate_counts_with_the_print_styles_of_bcp_css():
    rules = print_rules()
    for name, style in wallcard.STYLES.items():
        selector = '.bcp-wall-sheet [data-fit="name"]' if name == "name" else f'.bcp-wall [data-fit="{name}"]'
        declared = rules.get(selector)
        assert declared is not None, f"bcp.css has no print rule for {selector}"
        if name != "footer":  # a table: only the room above it counts
            assert points(declared["font-size"]) == style.size, name
            assert points(declared["line-height"]) == style.line, name
            assert (declared.get("font-weight") == "700") == style.bold, name
        assert points(declared.get("margin-top", "0")) == style.before, name
        below = points(declared.get("padding", "0 0 0").split()[2]) if "padding" in declared else 0.0
        below += points(declared["border-bottom"].split()[0]) if "border-bottom" in declared else 0.0
        assert below == style.below, name
        assert points(declared.get("padding-left", "0")) == style.indent, name
    cells = rules[".bcp-wall .bcp-wall__table td"]
    top, right, bottom, _ = (points(v) for v in cells["padding"].split())
    assert (top, bottom, right) == (wallcard.CELL_PADDING, wallcard.CELL_PADDING, wallcard.CELL_GAP)
    assert points(cells["border-bottom"].split()[0]) == wallcard.ROW_RULE
    page = re.search(r"@page wall \{[^}]*margin: ([\d.]+mm) ([\d.]+mm);", CSS.read_text(encoding="utf-8"))
    assert page, "bcp.css: @page wall { margin: <top and bottom> <sides>; }"
    assert points(page.group(1)) == pytest.approx(wallcard.PAGE_MARGIN_Y)
    assert points(page.group(2)) == pytest.approx(wallcard.PAGE_MARGIN_X)


def all_texts() -> list[str]:
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            found.append(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for folder in (LAMPANG, FIXTURES / "cards-mini", FIXTURES / "second-office"):
        for path in folder.glob("*.yaml"):
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [text for text in found if text]


@pytest.mark.parametrize("bold, face", [(False, "Sarabun_400Regular.ttf"), (True, "Sarabun_700Bold.ttf")])
def test_estimated_widths_are_never_narrower_than_sarabun_sets_them(bold, face):
    font = TTFont(FONTS / face)
    cmap, advances, units = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    thai_digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    texts = all_texts()
    texts += [text.translate(thai_digits) for text in texts]
    for text in texts:
        real = sum(advances[cmap[ord(ch)]][0] for ch in text if ord(ch) in cmap) / units
        assert wallcard.text_em(text, bold) >= real, text


def test_a_line_holds_what_its_width_holds():
    body = wallcard.STYLES["body"]
    assert wallcard.lines_of("", body, wallcard.WIDTH) == 0
    assert wallcard.lines_of("ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง", body, wallcard.WIDTH) == 1
    long = "ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง " * 4
    at_least = math.ceil(wallcard.text_em(" ".join(long.split())) * body.size / wallcard.WIDTH)
    # never fewer lines than the width needs, and a wrapped line may end a word short
    assert at_least <= wallcard.lines_of(long, body, wallcard.WIDTH) <= at_least + 1
    assert wallcard.lines_of(long, body, wallcard.WIDTH / 2) > wallcard.lines_of(long, body, wallcard.WIDTH)


def sheet(actions: int, calls: int = 1) -> str:
    rows = "".join(f'<tr data-fit-item="calls"><td data-fit="body">นายทดสอบ {n}</td><td data-fit="second">-</td></tr>'
                   for n in range(calls))
    items = "".join(f'<li data-fit="action" data-fit-item="actions"><span data-fit-hang>{n}</span>ขั้นตอนที่ {n}</li>'
                    for n in range(actions))
    return (f'<h1 data-fit="name">นางทดสอบ ระบบ</h1><h2 data-fit="heading">การแจ้งเหตุ</h2>'
            f'<table><col style="width: 56%"><col>{rows}</table><ol>{items}</ol>')


def test_as_many_actions_as_fit_then_as_many_calls():
    assert wallcard.what_fits(sheet(3)) == wallcard.Fit(actions=3, calls=1)
    many = wallcard.what_fits(sheet(60))
    assert 20 < many.actions < 60 and many.calls == 1
    measured = wallcard.measure(sheet(60))
    shown = (measured.fixed + sum(measured.items["calls"]) + sum(measured.items["actions"][:many.actions])
             + wallcard.STYLES["more"].height(1))
    assert shown <= wallcard.HEIGHT - wallcard.SAFETY < shown + measured.items["actions"][many.actions]
    # a head who calls forty teams: no room for actions, as many calls as fit
    crowded = wallcard.what_fits(sheet(5, calls=40))
    assert crowded.actions == 0 and 10 < crowded.calls < 40


@pytest.mark.parametrize("folder", [LAMPANG, FIXTURES / "cards-mini"], ids=["lampang", "mini"])
def test_every_word_of_the_wall_card_is_in_a_measured_block(folder):
    """The estimate counts only `data-fit` blocks: a word outside one would take room unseen."""
    plan = load_plan(folder)
    renderer = Renderer(plan, PARTIALS, Settings(data_dir=folder, site_url="http://bcp.test.example/"))
    for person_id in plan.people:
        soup = BeautifulSoup(str(renderer.render("wall_card_sheet", person_id=person_id, pdf=True)), "html.parser")
        for text in soup.find_all(string=True):
            if text.strip() and unicodedata.category(text.strip()[0]) != "Zs":
                measured = text.find_parent(attrs={"data-fit": True}) or text.find_parent(attrs={"data-fit-height": True})
                assert measured is not None, (person_id, text.strip())


def test_a_card_that_still_spills_is_laid_out_once_more_with_fewer_actions(lampang_plan):
    from bcp.pdf import LayoutResult
    from bcp.printouts import CARDS_JOB, Printouts, card_section

    renderer = Renderer(lampang_plan, PARTIALS, Settings(data_dir=LAMPANG))
    printouts = Printouts(renderer, str(ROOT / "docs"))
    estimated = renderer.wall_fit("wanphen")
    spilled = LayoutResult(CARDS_JOB, 14, {card_section(pid): 1 for pid in lampang_plan.people} | {card_section("wanphen"): 2})
    again = printouts.retry(spilled)
    assert again is not None and again.name == CARDS_JOB
    sheet = BeautifulSoup(again.html, "html.parser").select_one("#wall-sheet-wanphen")
    shown = sheet.select("[data-action]")
    assert len(shown) == estimated.actions - 3
    day_one = renderer.card("wanphen").phases[0][1]
    assert int(sheet.select_one("[data-more]")["data-more"]) == len(day_one) - len(shown)
    assert printouts.overflowing(spilled) == ["นางวันเพ็ญ พึ่งพิบูลย์"]
    # one retry a card: the layout passes stay fixed, and a card that still spills is reported
    assert printouts.retry(spilled) is None
