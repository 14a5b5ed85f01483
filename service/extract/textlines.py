"""Lines of the page's visible text that a pattern matches, found with one search over the joined text
instead of a search per line: most pages hold a credit line or a copyright notice in one or two of
their hundreds of lines.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from service.page import Block, Page

_JOINED: WeakKeyDictionary[Page, tuple[str, list[int], str]] = WeakKeyDictionary()


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


def _joined(page: Page) -> tuple[str, list[int], str]:
    """The blocks' texts joined by newlines, where each block starts, and the text lower-cased (or ""
    when lower-casing changes its length, as a few letters do: then no offset in it is usable)."""
    if page not in _JOINED:
        starts, offset = [], 0
        for block in page.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        text = "\n".join(block.text for block in page.blocks)
        lowered = text.lower()
        _JOINED[page] = (text, starts, lowered if len(lowered) == len(text) else "")
    return _JOINED[page]


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
    text, starts, lowered = _joined(page)
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
