"""The visible text of a page, split into blocks: one Block per run of text a block element holds directly.

Every extractor that reads prose (bylines, date lines, labels, copyright lines, the lead, the terms)
reads these blocks, so they are computed once per page, by one walk that also gathers the classed
elements (Page.classed). Each walk over the tree costs a Python object per element, about as much
as the parse itself: one walk for both views is measured cheaper than a walk for each, and than
an XSLT stylesheet writing the text in C (its markers still need pairing with elements in Python).
"""
from __future__ import annotations

from typing import Any, NamedTuple

import lxml.etree

# Elements whose content is never visible article text.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe",
                            "object", "select", "option", "button", "textarea"})
# Elements that start a new block of text; everything else is inline.
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div",
                        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                        "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
                        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
                        "caption", "center", "menu"})

class Block(NamedTuple):
    """A run of visible text that one block element holds directly (nested blocks are separate)."""

    text: str
    element: Any  # the enclosing block element


def clean_text(text: str) -> str:
    """Whitespace collapsed (non-breaking spaces included) and trimmed, line breaks kept."""
    if "\u200b" in text:  # the one zero-width space str.split() does not count as whitespace
        text = text.replace("\u200b", " ")
    text = text.strip()
    if "\n" not in text:
        return " ".join(text.split())
    return "\n".join([line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line])


def text_blocks(root: Any, classed: list[tuple[Any, str]] | None = None,
                marked: list[Any] | None = None) -> tuple[Block, ...]:
    """The visible text under root in document order, split at block boundaries, from one walk
    (lxml's iterwalk, in C).

    Comments and processing instructions are dropped at parse time, so every node walked is an
    element; invisible subtrees are skipped whole for the text. When classed is given, the same walk
    gathers every element with a class and every h1, each with its lower-cased class, and into
    marked every element with an itemprop (invisible ones included in both).
    This loop runs for every element of every page: it is kept flat on purpose.
    """
    out: list[Block] = []
    buffer: list[str] = []
    append = buffer.append
    owners: list[Any] = [root]
    blocks, invisible = BLOCK_TAGS, INVISIBLE_TAGS
    gather = classed is not None
    marked = [] if marked is None else marked
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if gather:
                if (classes := element.get("class")) is not None or tag == "h1":
                    classed.append((element, (classes or "").lower()))  # type: ignore[union-attr]
                if element.get("itemprop") is not None:
                    marked.append(element)
            if tag in blocks:
                if buffer:  # the flush is written out at both block edges: a call per edge costs measurably
                    raw = "".join(buffer)
                    buffer.clear()
                    if not raw.isspace() and (text := clean_text(raw)):
                        out.append(Block(text, owners[-1]))
                owners.append(element)
            elif tag in invisible and element is not root:
                walker.skip_subtree()  # its "end" event still comes: only its tail is read
                if gather and len(element):  # most are childless (scripts, styles)
                    _gather_marked(element, classed, marked)  # type: ignore[arg-type]
                continue
            elif tag == "br":
                append("\n")
            if text := element.text:
                append(text)
        else:
            if tag in blocks:
                if buffer:
                    raw = "".join(buffer)
                    buffer.clear()
                    if not raw.isspace() and (text := clean_text(raw)):
                        out.append(Block(text, owners[-1]))
                if element is root:
                    break
                owners.pop()
            if text := element.tail:
                append(text)
    if buffer and (text := clean_text("".join(buffer))):
        out.append(Block(text, owners[-1]))
    return tuple(out)


def _gather_marked(subtree: Any, classed: list[tuple[Any, str]], marked: list[Any]) -> None:
    """The classed elements, h1s and itemprop elements inside an invisible element the text walk skips."""
    for element in subtree.iterdescendants(lxml.etree.Element):
        classes = element.get("class")
        if classes is not None or element.tag == "h1":
            classed.append((element, (classes or "").lower()))
        if element.get("itemprop") is not None:
            marked.append(element)
