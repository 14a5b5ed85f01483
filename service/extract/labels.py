"""A generic reader of labelled values in visible text: "Theme: Terrorism, US NATO War Agenda".

It reads the page's text blocks line by line, and definition lists (dt/dd). A line is a labelled line
when it starts with a short label (at most five words) and a colon; its values are the texts of the
links after the label when links make up the value, else the value text split at commas, semicolons,
bars or bullets. A label alone on its line takes its values from the list or line that follows. Lines
that read as sentences are not labelled values ("Region: the fighting spread north.").

Which labels are taxonomies is decided by the caller (taxonomy.py); this module only finds the pairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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


def read_labels(page: Page, inner_label: re.Pattern[str] | None = None) -> list[LabelledValues]:
    """Every labelled line and definition-list entry of the page, in document order.

    inner_label, when given, marks where a further label starts inside one line ("Region: X Theme: Y"):
    only labels the caller knows, since a value may itself hold a colon.
    """
    out: list[LabelledValues] = []
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
        for line in _segments(block.text, inner_label):
            position += 1
            colon = line.find(":")
            match = LABEL_LINE.match(line) if 0 < colon <= MAX_LABEL_CHARS and len(line) <= MAX_LINE_CHARS else None
            if not match:
                continue
            label, rest = match.group(1).strip(), match.group(2).strip()
            if not rest:
                rest, skip_until, links = _following(blocks, index)
            else:
                links = _own_links(block.element)
            values, hrefs = split_values(rest, links)
            if _plausible(values, rest, hrefs):
                out.append(LabelledValues(label, values, hrefs, position, block.element))
    return out


def _segments(text: str, inner_label: re.Pattern[str] | None) -> list[str]:
    lines = text.split("\n")
    if inner_label is None:
        return lines
    out: list[str] = []
    for line in lines:
        if line.count(":") < 2:  # no room for a second label: skip the costly split
            out.append(line)
            continue
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


def _definition(block: Block, blocks: tuple[Block, ...], index: int,
                position: int) -> tuple[list[LabelledValues], int]:
    label = block.text.replace("\n", " ").strip().rstrip(":").strip()
    values: list[str] = []
    hrefs: list[str] = []
    linked = True
    end = index
    while end + 1 < len(blocks) and blocks[end + 1].element.tag == "dd":
        end += 1
        found, targets = split_values(blocks[end].text, _own_links(blocks[end].element))
        values += found
        hrefs += targets
        linked = linked and bool(targets)
    targets = tuple(hrefs) if linked else ()
    if not LABEL_LINE.match(label + ": x") or not _plausible(tuple(values), " ".join(values), targets):
        return [], end
    return [LabelledValues(label, _unique(values), targets, position, block.element)], end


def _following(blocks: tuple[Block, ...], index: int) -> tuple[str, int, list[tuple[str, str]]]:
    """The values of a label alone on its line: the items of the list that follows, or the next line."""
    if index + 1 >= len(blocks):
        return "", index, []
    first = blocks[index + 1]
    if first.element.tag not in FOLLOWING_ITEM_TAGS:
        return first.text.split("\n")[0], index + 1, _own_links(first.element)
    end = index + 1
    parent = first.element.getparent()
    while end + 1 < len(blocks) and blocks[end + 1].element.getparent() is parent:
        end += 1
    items = blocks[index + 1:end + 1]
    links = [link for item in items for link in _own_links(item.element)]
    return ", ".join(item.text.replace("\n", " ") for item in items), end, links
