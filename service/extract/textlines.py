"""Lines of the page's visible text that a pattern matches, found with one search over the joined text
instead of a search per line: most pages hold a credit line or a copyright notice in one or two of
their hundreds of lines.

A pattern's search is gated by keywords, lower-case words every match holds. The rules declare theirs
at import (keywords()), and one Aho-Corasick pass over the page's text finds all of them for every
rule: a str.find pass per keyword cost three times as much. The pass reads the text as UTF-8 with its
ASCII letters lower-cased (bytes.lower, in C) and each keyword spelled in every case of its other
letters: that finds what a search of text.lower() finds, at half the cost of lower-casing the text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import Any

from ahocorasick_rs import BytesAhoCorasick

from service.page import Block, Page

_DECLARED: dict[str, None] = {}  # every keyword declared, in order


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


def joined(page: Page) -> Joined:
    """The page's text as one string (once per page: the source and copyright rules share it)."""
    return page.memo("textlines.joined", lambda: _join(page.blocks))


def _join(blocks: tuple[Block, ...]) -> Joined:
    texts = list(map(attrgetter("text"), blocks))
    if not texts:
        return Joined("", [])
    # block i starts after the texts before it and a newline each (summed in C: pages have hundreds)
    return Joined("\n".join(texts), list(accumulate(map(add, map(len, texts[:-1]), repeat(1)), initial=0)))


def keywords(*words: str) -> tuple[str, ...]:
    """Declare lower-case keywords a rule gates a pattern on (at import, as a module constant): the
    one pass over each page's text then finds them with every other rule's. Returns words."""
    _DECLARED.update(dict.fromkeys(words))
    return words


def _folded(page: Page) -> bytes | None:
    """The joined text as UTF-8 with its ASCII letters lower-cased; None when the text holds "İ", the
    one letter whose lower case is two characters long (a text.lower() offset would not be usable)."""
    def fold() -> bytes | None:
        folded = joined(page).text.encode("utf-8", "surrogatepass").lower()
        return None if "İ".encode() in folded else folded
    return page.memo("textlines.folded", fold)


def _spellings(word: str) -> list[str]:
    """word as the folded text may hold it: each character other than an ASCII letter in every case
    whose lower case it is ("é": "é", "É"), the Kelvin sign for "k" (it lower-cases to "k")."""
    out = [""]
    for char in word:
        cases = {char} if char.isascii() else {c for c in (char, char.upper(), char.title()) if c.lower() == char}
        if char == "k":
            cases.add("\u212a")
        out = [start + case for start in out for case in sorted(cases)]
    return out


@lru_cache(maxsize=16)
def _automaton(words: tuple[str, ...]) -> tuple[BytesAhoCorasick, list[str]]:
    """An automaton over every spelling of words, and the word each of its patterns spells."""
    spelled = [(spelling, word) for word in words for spelling in _spellings(word)]
    return BytesAhoCorasick([s.encode() for s, _ in spelled]), [word for _, word in spelled]


def _scan(folded: bytes, words: tuple[str, ...]) -> dict[str, list[int]]:
    """Where each of words starts in the text (character offsets), from one pass over folded."""
    automaton, spelled = _automaton(words)
    found: dict[str, list[int]] = {word: [] for word in words}
    chars = done = 0
    for start, index in sorted((start, index) for index, start, _ in
                               automaton.find_matches_as_indexes(folded, overlapping=True)):
        chars += len(folded[done:start].decode("utf-8", "surrogatepass"))  # a few hits a page: count up to each
        done = start
        found[spelled[index]].append(chars)
    return found


def _positions(page: Page, words: tuple[str, ...], folded: bytes) -> list[int]:
    """Where any of the lower-case words starts in the text, in order. The first call on a page
    scans for every declared keyword; a word not declared by then costs a pass of its own."""
    found: dict[str, list[int]] = page.memo("textlines.hits", dict)
    missing = tuple(dict.fromkeys(word for word in words if word not in found))
    if missing:
        found.update(_scan(folded, missing if found else tuple(dict.fromkeys((*_DECLARED, *missing)))))
    return sorted(at for word in words for at in found[word])


def may_hold(page: Page, words: tuple[str, ...]) -> bool:
    """Whether the page's visible text may hold one of the lower-case words (case-insensitively):
    False only when it surely does not."""
    folded = _folded(page)
    return folded is None or bool(_positions(page, words, folded))


def _lines_with(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each line of text that holds one of positions, in order."""
    spans: list[tuple[int, int]] = []
    end = -1
    for at in positions:
        if at <= end:  # on the line found last
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        spans.append((start, end))
    return spans


def matching_lines(page: Page, pattern: re.Pattern[str], words: tuple[str, ...] = ()) -> Iterator[LineMatch]:
    """Each match of pattern (compiled with re.MULTILINE when it anchors at ^) within one line, in
    document order.

    words: lower-case keywords of which every match holds one (a case-insensitive pattern's literal
    words), best declared with keywords(). Given them, the pattern only searches the few lines that
    hold one: a regex that tries each of a page's ten thousand characters costs a third of a
    millisecond even when it never matches.
    """
    text, starts = joined(page).text, joined(page).starts
    found: Iterator[re.Match[str]]
    folded = _folded(page) if words else None
    if folded is not None:
        found = (match for start, end in _lines_with(text, _positions(page, words, folded))
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
