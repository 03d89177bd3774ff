"""The search index the site ships: Thai words kept apart so the browser can find them."""

from __future__ import annotations

import json
import re

import pytest

from bcp.search import WORD_BREAK, SearchSegmenter, people_words, separate_text_chunks

THAI = re.compile("[\u0e01-\u0e4e]")


@pytest.fixture(scope="module")
def segmenter(lampang_plan):
    return SearchSegmenter(people_words(lampang_plan.people.values()))


def test_thai_words_get_a_break_between_them(segmenter):
    assert segmenter.segment("เกิดจากภัยธรรมชาติ").split(WORD_BREAK) == ["เกิด", "จาก", "ภัยธรรมชาติ"]


def test_markup_entities_and_latin_text_are_left_alone(segmenter):
    text = "<p>แผน BCP &amp; Call Tree</p> <code>notes.yaml</code>"
    assert segmenter.segment(text) == text
    assert segmenter.segment("<li>แจ้งเหตุฉุกเฉิน</li>").startswith("<li>แจ้ง" + WORD_BREAK)


def test_digits_and_latin_are_cut_from_thai_words(segmenter):
    assert segmenter.segment("ภายใน๒๔ชั่วโมงระบบIT").split(WORD_BREAK) == ["ภายใน", "๒๔", "ชั่วโมง", "ระบบ", "IT"]


def test_peoples_names_stay_whole(segmenter, lampang_plan):
    for person in lampang_plan.people.values():
        text = segmenter.segment(f"โทรหา{person.title}{person.first_name} {person.last_name}ทันที")
        words = re.split(f"[ {WORD_BREAK}]", text)
        assert person.first_name in words and person.last_name in words, text


def test_the_name_dictionary_matters():
    # Without the plan's names PyThaiNLP cuts this surname in two: the test above is not idle.
    assert "พึ่งพิบูลย์" not in SearchSegmenter().segment("นางวันเพ็ญ พึ่งพิบูลย์").split(WORD_BREAK)


def test_typing_mistakes_are_normalised(segmenter):
    decomposed_am = "น\u0e4d\u0e32"  # น + NIKHAHIT + SARA AA, looks like น้ำ without the tone
    assert segmenter.segment(decomposed_am) == "นำ"


def test_text_that_markup_kept_apart_stays_apart():
    # Material drops </td><td> and <br>: cells would run together as one word.
    assert separate_text_chunks(["<p>", "ลำดับ", "กระบวนการหลัก", " ", "งาน", "๔", "</p>"]) == [
        "<p>", "ลำดับ", WORD_BREAK, "กระบวนการหลัก", " ", "งาน", WORD_BREAK, "๔", "</p>"]


def _index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _tokens(index) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    tokens: set[str] = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            tokens.update(t for t in separator.split(re.sub(r"<[^>]*>", " ", doc[field])) if t)
    return tokens


def test_the_built_index_holds_thai_words_not_sentences(lampang_site):
    index = _index(lampang_site)
    assert "\\u200b" in index["config"]["separator"]
    thai_tokens = [t for t in _tokens(index) if THAI.search(t)]
    assert len(thai_tokens) > 300
    longest = max(thai_tokens, key=len)
    assert len(longest) <= 25, f"not cut into words: {longest}"


def test_the_built_index_finds_words_in_the_middle_of_sentences(lampang_site):
    tokens = _tokens(_index(lampang_site))
    # "กระบวนการงานหลักฝ่ายงานวินิจฉัย..." and the like: each word is a token of its own.
    for word in ("ฉุกเฉิน", "วินิจฉัย", "ศักยภาพ", "พึ่งพิบูลย์", "กฤษณนัยน์", "หน่วยงาน"):
        assert word in tokens, word
    # table cells no longer run together
    assert not any(re.search("[\u0e01-\u0e4e][\u0e50-\u0e59]", t) for t in tokens)


def test_the_word_set_dictionary_cuts_as_pythainlps_own_trie(segmenter, lampang_plan):
    # bcp.search replaces PyThaiNLP's Trie (slow to build, heavy on the garbage
    # collector) with a set of words: the words found must be the same.
    from pathlib import Path

    from pythainlp.corpus.common import thai_words
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import dict_trie

    from bcp.search import _THAI_RUN

    root = Path(__file__).resolve().parent.parent
    text = " ".join(p.read_text(encoding="utf-8") for p in [*root.glob("data/*.yaml"), *root.glob("docs/*.md")])
    runs = sorted(set(_THAI_RUN.findall(text))) + ["ก", "กข", "สวัสดีครับ", "กกกกกกกก"]
    assert len(runs) > 1000
    trie = dict_trie(set(thai_words()) | people_words(lampang_plan.people.values()))
    for run in runs:
        expected = [w for w in word_tokenize(run, custom_dict=trie, engine="newmm", keep_whitespace=False) if w.strip()]
        assert segmenter.words(run) == expected, run


def test_search_needs_neither_pydantic_nor_the_plan_models():
    # The Thai search index is made without the data layer: a site's search never waits for pydantic.
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, bcp_mkdocs.search; print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'bcp.'))))"
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['bcp.search', 'bcp.thai']"
