"""Material's search index with Thai words kept apart (see bcp/search.py).

Not tied to the plan: the benchmark's plain-Markdown twin of the site uses it
as it is, so that the two builds differ only by the data and macro layer.
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig

from bcp.search import segmenter_for, separate_text_chunks


def use_thai_search_index(config: MkDocsConfig, extra_words: Iterable[str] = ()) -> None:
    """Put a word break (U+200B) between Thai words in every index entry.

    `extra_words` (the people's names) are kept whole.  Call from on_pre_build:
    Material makes its index in its own on_config."""
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:
        return
    from material.plugins.search.plugin import SearchIndex

    segmenter = segmenter_for(extra_words)

    class ThaiSearchIndex(SearchIndex):
        def create_entry_for_section(self, section, toc, url, page):
            section.title = separate_text_chunks(section.title)
            section.text = separate_text_chunks(section.text)
            count = len(self.entries)
            super().create_entry_for_section(section, toc, url, page)
            for entry in self.entries[count:]:
                entry["title"] = segmenter.segment(entry["title"])
                entry["text"] = segmenter.segment(entry["text"])

    search.search_index = ThaiSearchIndex(**search.config)
