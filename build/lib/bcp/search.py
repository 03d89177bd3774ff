"""Thai word boundaries for the site's search index.

Thai is written without spaces between words, and the site's search (lunr in
Material's web worker) only splits text at its `separator`.  Before a page's
text goes into the index, a ZERO WIDTH SPACE (U+200B, part of the separator in
mkdocs.yml) is put between Thai words, found with PyThaiNLP's dictionary
tokenizer.  The names of the plan's people are added to the dictionary so that
a name stays one word.  What the user types is segmented in the browser
(docs/assets/javascripts/workers/bcp_search_worker.js).

Knows nothing of MkDocs: the hook hands over strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bcp.thai import normalize_thai

WORD_BREAK = "\u200b"

# A run of letters and digits holding at least one Thai character: the only
# text the tokenizer sees.  Markup and entities (&amp;) are never touched.
_WORD_CHARS = "0-9A-Za-z\u0e01-\u0e3a\u0e40-\u0e4e\u0e50-\u0e59"
_THAI_RUN = re.compile(f"[{_WORD_CHARS}]*[\u0e01-\u0e3a\u0e40-\u0e4e\u0e50-\u0e59][{_WORD_CHARS}]*")
_TAG = re.compile(r"(<[^>]*>)")


class SearchSegmenter:
    """Put WORD_BREAK between the Thai words of index text."""

    def __init__(self, extra_words: Iterable[str] = ()):
        from pythainlp.corpus.common import thai_words

        self._dictionary = _word_set_dictionary(set(thai_words()) | {w for w in extra_words if w})
        # The same run ("ทีมงาน", a name) recurs all over the index: tokenize it once.
        self.words = lru_cache(maxsize=None)(self._words)

    def _words(self, run: str) -> list[str]:
        from pythainlp.tokenize import word_tokenize

        return [w for w in word_tokenize(run, custom_dict=self._dictionary, engine="newmm",
                                         keep_whitespace=False) if w.strip()]

    def segment(self, text: str) -> str:
        """`text` may hold the few tags Material keeps (<p>, <li>, <code>...)."""
        parts = _TAG.split(text)
        for i in range(0, len(parts), 2):  # even items are text, odd items tags
            parts[i] = _THAI_RUN.sub(lambda m: WORD_BREAK.join(self.words(m.group())), normalize_thai(parts[i]))
        return "".join(parts)


def _word_set_dictionary(words: Iterable[str]):
    """PyThaiNLP's dictionary interface over a plain set of words.

    PyThaiNLP's own Trie makes some 500,000 small objects for its 62,000 words:
    0.5 s to build, and every garbage collection of the build then walks them
    all (about 1 s more, mostly at exit).  newmm only asks `prefixes(text, i)`,
    so a frozenset of strings, which the collector never visits, plus the
    longest word for each two-letter start does the same job and gives the
    same words (tests/test_search_index.py compares the two).
    """
    from pythainlp.util import Trie

    class WordSet(Trie):
        def __init__(self, words: Iterable[str]):  # Trie.__init__ (its tree of nodes) is not called
            self._words = frozenset(w for w in (word.strip() for word in words) if w)
            longest: dict[str, int] = {}
            for word in self._words:
                if len(word) > longest.get(word[:2], 0):
                    longest[word[:2]] = len(word)
            self._longest = longest

        def prefixes(self, text: str, start: int = 0) -> list[str]:
            words = self._words
            # At least one letter: a one-letter word has no two-letter start.
            stop = min(len(text), start + max(self._longest.get(text[start:start + 2], 0), 1))
            return [text[start:end] for end in range(start + 1, stop + 1) if text[start:end] in words]

        def __contains__(self, word: object) -> bool:
            return word in self._words

        def __iter__(self):
            return iter(self._words)

        def __len__(self) -> int:
            return len(self._words)

        def add(self, word: str) -> None:
            raise TypeError("the search dictionary is fixed once built")

        remove = add

    return WordSet(words)


@lru_cache(maxsize=4)
def _segmenter(extra_words: frozenset[str]) -> SearchSegmenter:
    return SearchSegmenter(extra_words)


def segmenter_for(words: Iterable[str]) -> SearchSegmenter:
    """One segmenter per set of extra words (the dictionary is built once per process)."""
    return _segmenter(frozenset(words))


def people_words(people: Iterable) -> set[str]:
    """Titles, first and last names of the plan's people, as dictionary words."""
    words: set[str] = set()
    for person in people:
        for value in (person.title, person.first_name, person.last_name):
            words.update(normalize_thai(value).split())
    return words


def separate_text_chunks(chunks: list[str]) -> list[str]:
    """Put WORD_BREAK between two pieces of text that markup had kept apart.

    Material's indexer drops tags such as </td><td> or <br> and glues the text
    on either side together ("ลำดับ" + "กระบวนการ" -> "ลำดับกระบวนการ", or "งาน"
    + "๔" -> "งาน๔").  The break is invisible in the search results.
    """
    out: list[str] = []
    for chunk in chunks:
        if out and _is_text(out[-1]) and _is_text(chunk):
            out.append(WORD_BREAK)
        out.append(chunk)
    return out


def _is_text(chunk: str) -> bool:
    return bool(chunk.strip()) and not chunk.startswith("<")
