"""Search in a real browser: a clerk types a Thai word and must land on the right page.

Each case checks its own premise against the built page first (the word sits
inside a run of Thai letters, the phrase has several words, the number is
printed in the other digits), so a case cannot pass for the wrong reason.
"""

from __future__ import annotations

import re

import pytest

from bcp.thai import thai_digits
from tests.browser.browsing import SiteSearch, new_context
from tests.conftest import page_text

TOP = 3  # the page must be among the first results, not somewhere down the list
THAI_LETTER = "[\u0e01-\u0e4e]"

# A word in the middle of a sentence: Thai letters right before and right after it.
MID_SENTENCE_WORDS = [
    ("ทรัพย์สิน", ""),
    ("ศักยภาพ", ""),
    ("ชั่วคราว", "scope/"),
    ("ประสิทธิภาพ", "teams/"),
    ("ร่วมมือ", "teams/"),
    ("อินเทอร์เน็ต", "strategies/"),
    ("กรมบัญชีกลาง", "strategies/"),
    ("วงกว้าง", "strategies/"),
    ("วินิจฉัย", "bia/"),
    ("กองทุน", "bia/"),
    ("ศูนย์บริการร่วม", "resources/"),
    ("ปลอดภัย", "procedure/"),
    ("มติ", "checklist/"),
    ("ชำระเงิน", "checklist/"),
    ("ต้นฉบับ", "data-notes/"),
]

# Several words typed without spaces, as Thai is typed.
PHRASES = [
    ("หยุดชะงักในการดำเนินงาน", ""),
    ("เหตุการณ์ฉุกเฉิน", "scope/"),
    ("ชุมนุมประท้วง", "incidents/protest/"),  # the incident's own page, named after it
    ("ฟื้นคืนสภาพ", "bia/"),
    ("รองรับการใช้งานกับเครื่องคอมพิวเตอร์", "resources/"),
    ("แผนเผชิญเหตุ", "procedure/"),
    ("ไม่เดาตัวเลข", "data-notes/"),  # a decision in notes.yaml
]

# Typed in Arabic digits; the Lampang pages print Thai digits.
NUMBERS = [
    ("209", "teams/"),      # ต่อ ๒๐๙
    ("24", "procedure/"),   # ภายใน ๒๔ ชั่วโมง
    ("2563", "checklist/"),  # ๓๑ มีนาคม ๒๕๖๓
    ("5015", "data-notes/"),  # ๐ ๕๔๒๖ ๕๐๑๕-๒๑
]


def _ids(cases):
    """Readable test ids: the page and the case's number on it ("bia-2")."""
    seen: dict[str, int] = {}
    ids = []
    for _, page in cases:
        name = page.strip("/") or "home"
        seen[name] = seen.get(name, 0) + 1
        ids.append(f"{name}-{seen[name]}")
    return ids


def _text(site, page: str) -> str:
    return page_text(site, page or "index.html")


def _words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(text, engine="newmm") if w.strip()]


def test_enough_cases_from_enough_pages():
    cases = MID_SENTENCE_WORDS + PHRASES + NUMBERS
    assert len(cases) >= 20
    assert len({page for _, page in cases}) >= 9


@pytest.mark.parametrize(("word", "page"), MID_SENTENCE_WORDS, ids=_ids(MID_SENTENCE_WORDS))
def test_word_in_the_middle_of_a_sentence(search, lampang_site, word, page):
    assert re.search(f"{THAI_LETTER}{word}{THAI_LETTER}", _text(lampang_site, page)), \
        f"premise: {word} should sit inside a run of Thai letters on {page or 'the home page'}"
    assert page in search(word)[:TOP]


@pytest.mark.parametrize(("phrase", "page"), PHRASES, ids=_ids(PHRASES))
def test_phrase_typed_without_spaces(search, lampang_site, phrase, page):
    assert len(_words(phrase)) >= 2, f"premise: {phrase} should be several words"
    assert phrase in _text(lampang_site, page)
    assert page in search(phrase)[:TOP]


def test_phrase_finds_only_pages_with_every_word(search, lampang_site, screenshots):
    # ฉุกเฉิน alone is on more pages than เหตุการณ์ฉุกเฉิน; every page found must hold both words.
    found = search("เหตุการณ์ฉุกเฉิน")
    search.page.screenshot(path=str(screenshots / "search-phrase.png"))
    assert found
    # Material lists a query word it did not see at the start of an index word as
    # "ไม่พบ" (not found), even when it matched inside one; none is missing here.
    assert search.page.locator(".md-search-result__terms").count() == 0
    for page in found:
        text = _text(lampang_site, page)
        assert "เหตุการณ์" in text and "ฉุกเฉิน" in text, page
    assert len(search("ฉุกเฉิน")) > len(found)


@pytest.mark.parametrize(("number", "page"), NUMBERS, ids=_ids(NUMBERS))
def test_arabic_digits_find_thai_digits(search, lampang_site, number, page):
    text = _text(lampang_site, page)
    assert thai_digits(number) in text and number not in text, "premise: the page prints Thai digits"
    assert page in search(number)[:TOP]
    assert page in search(thai_digits(number))[:TOP]


def test_thai_digits_find_arabic_digits(browser, arabic_digits_site_url):
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(arabic_digits_site_url + "teams/")
        assert "ต่อ 209" in page.locator("article").inner_text(), "premise: this site prints Arabic digits"
        search = SiteSearch(page, arabic_digits_site_url)
        assert "teams/" in search("๒๐๙")[:TOP]
        assert "teams/" in search("209")[:TOP]
    finally:
        context.close()


def test_every_persons_name_finds_their_card_then_the_teams_page(search, lampang_plan, lampang_site):
    teams_text = _text(lampang_site, "teams/")
    for person in lampang_plan.people.values():
        assert f"{person.title}{person.first_name} {person.last_name}" in teams_text
        for query in (person.first_name, person.last_name, f"{person.title}{person.first_name}"):
            found = search(query)
            assert found[:1] == [f"cards/{person.id}/"], query
            assert "teams/" in found, query


def test_a_word_that_is_not_in_the_plan_finds_nothing(search, lampang_site):
    all_text = " ".join(_text(lampang_site, page) for page in ("", "scope/", "checklist/"))
    assert "สึนามิ" not in all_text
    assert search("สึนามิ") == []


def test_latin_words_still_work(search):
    found = search("Call Tree")
    assert found[:1] == ["call-tree/"]
    assert "procedure/" in found
    assert "strategies/" in search("laptop")[:TOP]


def test_enter_lands_on_the_page_with_the_word_highlighted(browser, site_url):
    context = new_context(browser)
    try:
        search = SiteSearch(context.new_page(), site_url)
        assert search("วินิจฉัย")[0] == "bia/"
        search.box.press("Enter")  # Material opens the best result
        page = search.page
        page.wait_for_url(re.compile(r"/bia/"))
        marks = page.locator("article mark[data-md-highlight]")
        marks.first.wait_for()
        assert any("วินิจฉัย" in text for text in marks.all_inner_texts())
    finally:
        context.close()


REWRITE = """async ([workerUrl, segmenter, queries]) => {
  // The query rewriting alone: our worker script without Material's behind it;
  // a listener added after it echoes each message as our script left it.
  const source = `${segmenter ? "" : "delete Intl.Segmenter;"}
    try { importScripts(${JSON.stringify(workerUrl)}) } catch (err) {}  // no Material URL in the hash
    addEventListener("message", ev => postMessage(ev.data))`
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })))
  const send = message => new Promise(done => {
    worker.onmessage = ev => done(ev.data)
    worker.postMessage(message)
  })
  const index = await (await fetch("search/search_index.json")).json()
  await send({ type: 0, data: index })
  const rewritten = []
  for (const query of queries)
    rewritten.push((await send({ type: 2, data: query })).data)
  worker.terminate()
  return rewritten
}"""


@pytest.mark.parametrize("segmenter", [True, False], ids=["intl-segmenter", "no-intl-segmenter"])
def test_how_queries_are_rewritten(page, site_url, segmenter):
    page.goto(site_url)
    queries = ["เหตุการณ์ฉุกเฉิน", "209", "๒๐๙", "ต่อ209", "Call Tree", "ฉุกเฉิน", "-ไฟ"]
    rewritten = page.evaluate(REWRITE, [site_url + "assets/javascripts/workers/bcp_search_worker.js",
                                        segmenter, queries])
    assert rewritten == [
        "+*เหตุการณ์* +*ฉุกเฉิน*",  # every word required, anywhere in an index word
        # The digits the pages use, in every script they use: the plan prints ๒๐๙,
        # the owner guide quotes data files with 209 (Material adds the trailing *).
        "209 ๒๐๙",
        "209 ๒๐๙",
        "+*ต่อ* 209 ๒๐๙",
        "Call Tree",              # not Thai: Material's own handling
        "*ฉุกเฉิน",
        "-ไฟ",                    # Material's syntax for "without" is left alone
    ]
