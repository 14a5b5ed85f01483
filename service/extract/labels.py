"""A generic reader of labelled values in visible text: "Theme: Terrorism, US NATO War Agenda".

It reads the page's text blocks line by line, and definition lists (dt/dd). A line is a labelled line
when it starts with a short label (at most five words) and a colon; its values are the texts of the
links after the label when links make up the value, else the value text split at commas, semicolons,
bars or bullets. A label alone on its line takes its values from the list or line that follows. Lines
that read as sentences are not labelled values ("Region: the fighting spread north.").

Which labels are taxonomies is decided by the caller (taxonomy.py); this module only finds the pairs.
Finding a labelled line is cheap, reading its values is not (links, splits): labelled_lines finds them
and leaves the reading to LabelledLine.read, for a caller that needs the values of few of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from service.page import BLOCK_TAGS, Block, Page, clean_text

LABEL_LINE = re.compile(r"^([^\W\d_][\w'’&-]*(?: [\w'’&-]+){0,4})\s?:(?:\s+|$|(?=\S)(?!//))(.*)$")
VALUE_SEPARATORS = re.compile(r"\s*(?:[,;|·•]|\s/\s)\s*")
SENTENCE_END = re.compile(r"[a-zà-ÿß]{2,}[.!?](?:\s|$)")
MAX_LINE_CHARS = 300
MAX_LABEL_CHARS = 80  # where the first colon must be for a line to start with a label
MAX_VALUE_CHARS = 80
MAX_VALUE_WORDS = 8
MAX_VALUES = 30
FOLLOWING_ITEM_TAGS = frozenset({"li", "dd"})


@dataclass(frozen=True)
class LabelledValues:
    """A label as written on the page (colon dropped), its values, and where it was found."""

    label: str
    values: tuple[str, ...]
    hrefs: tuple[str, ...]  # the links' targets, when the values are link texts
    position: int  # order of the labelled line among all text lines of the page
    element: Any


class LabelledLine(NamedTuple):
    """A line (or a definition-list term) that starts with a label, its values not yet read (a named
    tuple: pages have several, a frozen dataclass costs four times as much to build)."""

    label: str
    rest: str  # the text after the label, or of what follows a label alone on its line
    sources: tuple[Any, ...]  # the block elements whose own links may make up the values
    position: int
    element: Any
    definitions: tuple[Block, ...] = ()  # a term's dd blocks, each read on its own (none: no values)

    def link_targets(self) -> list[str]:
        """The targets of every link under the line's elements, without reading the values: the links
        that may make up the values are among them."""
        return [anchor.get("href", "") for source in self.sources for anchor in source.iter("a")]

    def read(self) -> LabelledValues | None:
        """The values, or None when they do not read as values (too long, too many, a sentence)."""
        if self.definitions:
            return _read_definition(self)
        links = [link for source in self.sources for link in _own_links(source)]
        values, hrefs = split_values(self.rest, links)
        if not _plausible(values, self.rest, hrefs):
            return None
        return LabelledValues(self.label, values, hrefs, self.position, self.element)


def _own_links(element: Any) -> list[tuple[str, str]]:
    """(text, href) of the links whose nearest block ancestor is element (not a nested block's)."""
    out = []
    for anchor in element.iter("a"):
        parent = anchor.getparent()
        while parent is not None and parent is not element and parent.tag not in BLOCK_TAGS:
            parent = parent.getparent()
        text = clean_text(anchor.text_content()).replace("\n", " ")
        if parent is element and text:
            out.append((text, anchor.get("href", "")))
    return out


def split_values(text: str, links: list[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The values of a label and their link targets: link texts when links make up the text, else the
    text split (and no targets)."""
    inside = [(t, href) for t, href in links if t in text]
    rest = text
    for link_text, _ in inside:
        rest = rest.replace(link_text, " ", 1)
    if inside and len(VALUE_SEPARATORS.sub("", rest).strip()) <= 3:
        return _unique([t for t, _ in inside]), tuple(href for _, href in inside)
    return _unique(VALUE_SEPARATORS.split(text)), ()


def _unique(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        value = value.strip(" .:\u2013\u2014-")
        if value and value.casefold() not in {v.casefold() for v in out}:
            out.append(value)
    return tuple(out)


def _plausible(values: tuple[str, ...], text: str, hrefs: tuple[str, ...]) -> bool:
    """Short values, not too many, and no sentence unless the values are links."""
    if not values or len(values) > MAX_VALUES:
        return False
    if any(len(v) > MAX_VALUE_CHARS or len(v.split()) > MAX_VALUE_WORDS for v in values):
        return False
    return bool(hrefs) or not SENTENCE_END.search(text)


def read_labels(page: Page, inner_labels: frozenset[str] = frozenset()) -> list[LabelledValues]:
    """Every labelled line and definition-list entry of the page, in document order, values read."""
    return [entry for line in labelled_lines(page, inner_labels) if (entry := line.read()) is not None]


def labelled_lines(page: Page, inner_labels: frozenset[str] = frozenset()) -> list[LabelledLine]:
    """Every line and definition-list term of the page that starts with a label, in document order.

    inner_labels: the casefolded labels that may also start inside one line ("Region: X Theme: Y");
    only labels the caller knows, since a value may itself hold a colon.
    """
    out: list[LabelledLine] = []
    blocks = page.blocks
    position = 0
    skip_until = -1
    for index, block in enumerate(blocks):
        if index <= skip_until:
            continue
        if block.element.tag == "dt":
            found, skip_until = _definition(block, blocks, index, position)
            out.extend(found)
            position += 1
            continue
        if ":" not in block.text:  # no label on any of its lines: only count them
            position += block.text.count("\n") + 1
            continue
        for line in _segments(block.text, inner_labels):
            position += 1
            colon = line.find(":")
            match = LABEL_LINE.match(line) if 0 < colon <= MAX_LABEL_CHARS and len(line) <= MAX_LINE_CHARS else None
            if not match:
                continue
            label, rest = match.group(1).strip(), match.group(2).strip()
            sources: tuple[Any, ...] = (block.element,)
            if not rest:
                rest, skip_until, sources = _following(blocks, index)
            out.append(LabelledLine(label, rest, sources, position, block.element))
    return out


def _segments(text: str, inner_labels: frozenset[str]) -> list[str]:
    lines = text.split("\n")
    if not inner_labels:
        return lines
    out: list[str] = []
    for line in lines:
        # no room for a second label, or no known label before any ": ": skip the costly split
        if line.count(":") < 2 or not _may_hold_label(line, inner_labels):
            out.append(line)
        else:
            out += _split_at_labels(line, _inner_label(inner_labels)[0])
    return out


def _split_at_labels(line: str, inner_label: re.Pattern[str]) -> list[str]:
    out: list[str] = []
    pending = ""
    for part in inner_label.split(line):
        part = f"{pending} {part}" if pending else part
        pending = ""
        if LABEL_LINE.match(part):
            out.append(part)
        else:  # not split at a label after all ("Special Dossier:"): rejoin
            pending = part
    if pending:
        out.append(pending)
    return out


@lru_cache(maxsize=8)
def _inner_label(labels: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str], int]:
    """Where one of labels starts inside a line (the space before "label: " or "label : "), one of
    labels alone, and the most words a label has."""
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True) if label)
    return (re.compile(r"\s+(?=(?:" + alternatives + r")\s?:\s)", re.IGNORECASE),
            re.compile(alternatives, re.IGNORECASE), max(label.count(" ") for label in labels) + 1)


def _may_hold_label(line: str, labels: frozenset[str]) -> bool:
    """Whether the split at a label inside line can find anything: a ": " after a space and one of
    labels (the words before it, tested with the split's own case-insensitive match).

    The split tries every label at every space of the line, costly on pages with long prose lines;
    this looks at the words before each ": " only. Block lines are clean: their only whitespace is
    single spaces, so the split's \\s is a space.
    """
    _, label, most_words = _inner_label(labels)
    at = line.find(": ", 1)
    while at > 0:
        head = line[:at - 1] if line[at - 1] == " " else line[:at]  # "Theme : X"
        words = head.rsplit(" ", most_words)
        # the last one or more words, with a space before them
        if any(label.fullmatch(" ".join(words[-count:])) for count in range(1, len(words))):
            return True
        at = line.find(": ", at + 2)
    return False


def _definition(block: Block, blocks: tuple[Block, ...], index: int,
                position: int) -> tuple[list[LabelledLine], int]:
    """The term at blocks[index] with the dd blocks after it, and the index of its last dd."""
    label = block.text.replace("\n", " ").strip().rstrip(":").strip()
    end = index
    while end + 1 < len(blocks) and blocks[end + 1].element.tag == "dd":
        end += 1
    if not LABEL_LINE.match(label + ": x"):
        return [], end
    items = blocks[index + 1:end + 1]
    return [LabelledLine(label, "", tuple(item.element for item in items), position, block.element, items)], end


def _read_definition(line: LabelledLine) -> LabelledValues | None:
    values: list[str] = []
    hrefs: list[str] = []
    linked = True
    for item in line.definitions:
        found, targets = split_values(item.text, _own_links(item.element))
        values += found
        hrefs += targets
        linked = linked and bool(targets)
    targets = tuple(hrefs) if linked else ()
    if not _plausible(tuple(values), " ".join(values), targets):
        return None
    return LabelledValues(line.label, _unique(values), targets, line.position, line.element)


def _following(blocks: tuple[Block, ...], index: int) -> tuple[str, int, tuple[Any, ...]]:
    """The values of a label alone on its line: the items of the list that follows, or the next line;
    the index of the last block they take; the elements whose links may make up the values."""
    if index + 1 >= len(blocks):
        return "", index, ()
    first = blocks[index + 1]
    if first.element.tag not in FOLLOWING_ITEM_TAGS:
        return first.text.split("\n")[0], index + 1, (first.element,)
    end = index + 1
    parent = first.element.getparent()
    while end + 1 < len(blocks) and blocks[end + 1].element.getparent() is parent:
        end += 1
    items = blocks[index + 1:end + 1]
    return ", ".join(item.text.replace("\n", " ") for item in items), end, tuple(item.element for item in items)
