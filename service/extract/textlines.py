"""Lines of the page's visible text that a pattern matches, found with one search over the joined text
instead of a search per line: most pages hold a credit line or a copyright notice in one or two of
their hundreds of lines.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add
from typing import Any

from service.page import Block, Page


@dataclass(frozen=True)
class LineMatch:
    """A line of a block's text, and where in that line the pattern matched."""

    block: Block
    line: str
    start: int
    end: int

    @property
    def element(self) -> Any:
        return self.block.element


@dataclass(frozen=True)
class Joined:
    """The page's block texts joined by newlines, and the offset where each block starts."""

    text: str
    starts: list[int]

    def block_at(self, offset: int) -> int:
        """The index of the block that holds text[offset]."""
        return bisect_right(self.starts, offset) - 1

    def line_count(self, first: int, end: int) -> int:
        """How many text lines blocks[first:end] hold."""
        if first >= end:
            return 0
        if end < len(self.starts):
            return self.text.count("\n", self.starts[first], self.starts[end])
        return self.text.count("\n", self.starts[first]) + 1  # the last block has no newline after it


def joined(page: Page) -> Joined:
    """The page's text as one string (once per page: the labels, source and copyright rules share it)."""
    return page.memo("textlines.joined", lambda: _join(page.blocks))


def _join(blocks: tuple[Block, ...]) -> Joined:
    texts = [block.text for block in blocks]
    if not texts:
        return Joined("", [])
    # block i starts after the texts before it and their i newlines (summed in C: pages have hundreds)
    return Joined("\n".join(texts), list(map(add, accumulate(map(len, texts[:-1]), initial=0), count())))


def _lowered(page: Page) -> str:
    """The joined text lower-cased, or "" when lower-casing changes its length, as a few letters do:
    then no offset in it is usable."""
    def lower() -> str:
        text = joined(page).text
        lowered = text.lower()
        return lowered if len(lowered) == len(text) else ""
    return page.memo("textlines.lowered", lower)


def _lines_with(text: str, lowered: str, keywords: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each line of text that holds one of the lower-case keywords, in order."""
    spans: set[tuple[int, int]] = set()
    for keyword in keywords:
        at = lowered.find(keyword)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            spans.add((start, end))
            at = lowered.find(keyword, end)
    return sorted(spans)


def matching_lines(page: Page, pattern: re.Pattern[str], keywords: tuple[str, ...] = ()) -> Iterator[LineMatch]:
    """Each match of pattern (compiled with re.MULTILINE when it anchors at ^) within one line, in
    document order.

    keywords: lower-case strings of which every match holds one (a case-insensitive pattern's
    literal words). Given them, the pattern only searches the few lines that hold one, found with
    str.find: a regex that tries each of a page's ten thousand characters costs a third of a
    millisecond even when it never matches.
    """
    text, starts, lowered = joined(page).text, joined(page).starts, _lowered(page)
    if keywords and lowered:
        found = (match for start, end in _lines_with(text, lowered, keywords)
                 for match in pattern.finditer(text, start, end))
    else:
        found = pattern.finditer(text)
    for match in found:
        index = bisect_right(starts, match.start()) - 1
        block = page.blocks[index]
        local = match.start() - starts[index]
        line_start = block.text.rfind("\n", 0, local) + 1
        line_end = block.text.find("\n", local)
        line_end = len(block.text) if line_end < 0 else line_end
        if match.end() - starts[index] <= line_end:
            yield LineMatch(block, block.text[line_start:line_end], local - line_start,
                            match.end() - starts[index] - line_start)
