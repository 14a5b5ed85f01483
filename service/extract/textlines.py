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

_JOINED: WeakKeyDictionary[Page, tuple[str, list[int]]] = WeakKeyDictionary()


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


def _joined(page: Page) -> tuple[str, list[int]]:
    if page not in _JOINED:
        starts, offset = [], 0
        for block in page.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        _JOINED[page] = ("\n".join(block.text for block in page.blocks), starts)
    return _JOINED[page]


def matching_lines(page: Page, pattern: re.Pattern[str]) -> Iterator[LineMatch]:
    """Each match of pattern (compiled with re.MULTILINE when it anchors at ^) within one line, in
    document order."""
    text, starts = _joined(page)
    for match in pattern.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        block = page.blocks[index]
        local = match.start() - starts[index]
        line_start = block.text.rfind("\n", 0, local) + 1
        line_end = block.text.find("\n", local)
        line_end = len(block.text) if line_end < 0 else line_end
        if match.end() - starts[index] <= line_end:
            yield LineMatch(block, block.text[line_start:line_end], local - line_start,
                            match.end() - starts[index] - line_start)
