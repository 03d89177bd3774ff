"""The summary's shape (sections of changes in words) and data written into it as Markdown text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Change:
    text: str
    details: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    changes: list[Change]


_MD_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def esc(text: object) -> str:
    """Data as literal Markdown text on one line (a pull-request comment)."""
    return " ".join(str(text).split()).translate(_MD_SPECIALS)


def short(text: str, limit: int = 80) -> str:
    """The start of a long text, cut at a space, to name a step or an item."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    if cut <= limit * 2 // 3:
        # Thai runs long without spaces: cut between words (PyThaiNLP's dictionary segmenter).
        from pythainlp.tokenize import word_tokenize

        cut = 0
        for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
            if cut + len(word) > limit:
                break
            cut += len(word)
        cut = cut or limit  # one "word" longer than the limit (a URL)
    return text[:cut].rstrip() + "…"
