"""The article body of a parsed page, as paragraphs: what the no-derivatives check compares."""
from __future__ import annotations

from typing import Any

from service.page import Page

# Where the body lives, most specific first.
BODY_CONTAINERS = ('//*[@itemprop="articleBody"]', "//article", '//*[@role="main"]', "//main")
# Blocks inside these are never body text: captions, asides, site chrome, the headline itself.
NOT_BODY = frozenset({"figcaption", "aside", "nav", "footer", "header", "h1", "form"})


def _inside(element: Any, container: Any) -> bool:
    node = element
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _excluded(element: Any, container: Any) -> bool:
    node = element
    while node is not None and node is not container:
        if isinstance(node.tag, str) and node.tag in NOT_BODY:
            return True
        node = node.getparent()
    return False


def body_paragraphs(page: Page) -> list[str]:
    """The text blocks of the page's article body (or of the whole page when no container is marked)."""
    container = None
    for xpath in BODY_CONTAINERS:
        found = page.tree.xpath(xpath)
        if found:
            container = found[0]
            break
    root = container if container is not None else page.tree
    return [block.text.replace("\n", " ") for block in page.blocks
            if (container is None or _inside(block.element, container)) and not _excluded(block.element, root)]


def headline(page: Page) -> str | None:
    """The page's visible headline: its first <h1>, else its <title>."""
    for h1 in page.tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    return page.title_tag
