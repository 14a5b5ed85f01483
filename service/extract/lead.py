"""The lead of an article: its title, description and first paragraphs, where what an article is about
is said. Regions and themes are inferred from the lead only: a country named once deep in the body
text does not make the article about it.
"""
from __future__ import annotations

from dataclasses import dataclass

from service.extract.zones import CHROME, zone_of
from service.page import Block, Page

LEAD_PARAGRAPHS = 2
MIN_PARAGRAPH_CHARS = 80  # shorter <p> blocks are bylines, date lines, captions or labels
PARAGRAPH_TAGS = frozenset({"p"})


@dataclass(frozen=True)
class Lead:
    title: str
    description: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        """Description and first paragraphs, one text."""
        return "\n".join([self.description, *self.paragraphs])


def paragraph_blocks(page: Page, limit: int = LEAD_PARAGRAPHS) -> list[Block]:
    """The first blocks of running text (paragraphs) outside the site's chrome."""
    out: list[Block] = []
    for block in page.blocks:
        if (block.element.tag in PARAGRAPH_TAGS and len(block.text) >= MIN_PARAGRAPH_CHARS
                and zone_of(block.element) != CHROME):
            out.append(block)
            if len(out) >= limit:
                break
    return out


def paragraphs(page: Page, limit: int = LEAD_PARAGRAPHS) -> tuple[str, ...]:
    """The texts of the first paragraphs of running text outside the site's chrome."""
    return tuple(block.text for block in paragraph_blocks(page, limit))


def of(page: Page, title: str | None, description: str | None) -> Lead:
    """The lead of the page, from the title and description already extracted."""
    return Lead(title or "", description or "", paragraphs(page))
