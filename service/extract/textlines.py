"""Lines of the page's visible text that a pattern matches, found with one search over the joined text
instead of a search per line: most pages hold a credit line or a copyright notice in one or two of
their hundreds of lines.

A pattern's search is gated by keywords, lower-case words every match holds: one Aho-Corasick pass
per rule finds them all (a str.find pass per keyword over text.lower() cost five times as much). The
pass reads the text as UTF-8 with its ASCII letters lower-cased (bytes.lower, in C) and each keyword
spelled in every case of its other letters, which finds what a search of text.lower() finds:
lower-casing a non-ASCII str and handing it to Rust as UTF-8 cost more than the search.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import Any, NamedTuple

from ahocorasick_rs import MATCHKIND_LEFTMOST_FIRST, BytesAhoCorasick

from service.page import Block, Page


class LineMatch(NamedTuple):
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


def _folded(page: Page) -> bytes | None:
    """The joined text as UTF-8 with its ASCII letters lower-cased; None when the text holds "İ", the
    one letter whose lower case is two characters long (a text.lower() offset would not be usable)."""
    def fold() -> bytes | None:
        text = joined(page).text
        return None if "İ" in text else text.encode("utf-8", "surrogatepass").lower()
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


# The automaton's patterns at most: up to about 64 it searches with a SIMD prefilter (1.7 us a page
# for the credit words), past that byte by byte (16 us at 78 patterns, 39 us at 126). A word of
# non-ASCII letters has 2**n spellings ("первоначально": 8192), so such words are looked for by
# their first letters only, as few as keep the whole set under the bound.
MAX_PATTERNS = 64


def _searched_part(word: str, max_spellings: int) -> str:
    """The part of a keyword the automaton looks for: the whole word, or its first letters (three
    at least) when spelling it out would take more than max_spellings forms. A line a match of the
    whole word holds also holds its first letters, so no line is missed; a few more are searched."""
    count = 1
    for end, char in enumerate(word):
        count *= len(_spellings(char))
        if count > max_spellings:
            return word[:max(end, 3)]
    return word


@lru_cache(maxsize=16)
def _automaton(words: tuple[str, ...]) -> BytesAhoCorasick:
    """Every spelling of words (of their first letters where MAX_PATTERNS asks). Leftmost-first
    matching (three times as fast as the standard kind) skips an occurrence that overlaps one
    reported, which sits on the same line: no line is missed."""
    max_spellings = MAX_PATTERNS
    while True:
        patterns = {spelling.encode() for word in words for spelling in _spellings(_searched_part(word, max_spellings))}
        if len(patterns) <= MAX_PATTERNS or max_spellings <= 2:
            return BytesAhoCorasick(sorted(patterns), matchkind=MATCHKIND_LEFTMOST_FIRST)
        max_spellings //= 2


def _positions(page: Page, words: tuple[str, ...], folded: bytes) -> list[int]:
    """Where the words start in the text (character offsets), in order; an occurrence that overlaps
    one found before may be left out."""
    def scan() -> list[int]:
        out: list[int] = []
        chars = done = 0
        for _, start, _ in _automaton(words).find_matches_as_indexes(folded):
            chars += len(folded[done:start].decode("utf-8", "surrogatepass"))  # a few a page: count up to each
            done = start
            out.append(chars)
        return out
    found: dict[tuple[str, ...], list[int]] = page.memo("textlines.positions", dict)
    if words not in found:
        found[words] = scan()
    return found[words]


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
    words). Given them, the pattern only searches the few lines that hold one: a regex that tries
    each of a page's ten thousand characters costs a third of a millisecond even when it never matches.
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
