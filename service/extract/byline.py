"""Visible bylines: the author as the reader sees it, when structured data is missing or names the site.

Two rules, in order: an element the page marks as a byline (a class with "byline", "author",
"autor", "verfasser", ...), looked for after the article's h1 first (this module), then a short text
block that opens with a byline word in one of several languages (bylinetext.py). Bylines of
comments, teasers of other articles, menus and author boxes are skipped; photo credits are never
authors.
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Any

from ahocorasick_rs import AhoCorasick

from service.extract.model import Author
from service.extract.names import (
    ELEMENT,
    authors_from_text,
)
from service.extract.title import h1_elements
from service.page import Page

# Words in a class that mark a byline ("uthor" covers Author and author), searched in the lower-cased
# classes of Page.classed: an XPath of many contains() or translate() calls costs ten times more.
# "auteur" (Dutch, French), "forfatter" (Danish, Norwegian) and "skribent" (Swedish) name the writer too.
BYLINE_HINTS = ("uthor", "autor", "auteur", "forfatter", "skribent", "byline", "verfasser", "writer", "posted-by",
                "contributor", "reporter")
# Class/id words (split at "-", "_" and spaces) of an ancestor that mean "not this article's byline":
# comments, teasers of other articles, menus, author boxes at the foot of the article. Whole words
# only: "taxomenu" or "cards" say nothing.
CONTEXT_WORDS = frozenset({"comment", "comments", "commentlist", "kommentar", "kommentare", "related",
                           "teaser", "teasers", "recommended", "recommendations", "popular", "trending",
                           "newsletter", "reply", "respond", "menu", "breadcrumb", "breadcrumbs", "gallery",
                           "authorbox", "authorbio", "bio", "biography", "morearticles"})
# Context words that are a theme's names for a layout component, used for the article's own header too.
LAYOUT_WORDS = frozenset({"teaser", "teasers"})
# Class words of the element itself that mark a picture, a biography, a link list, not a byline.
SELF_WORDS = frozenset({"avatar", "description", "desc", "credit", "credits", "copyright", "photo", "foto",
                        "image", "img", "pic", "picture", "social", "share", "follow", "contact", "email",
                        "mail", "box"})
_CLASS_WORD = re.compile(r"[^a-z0-9]+")
# Any of those words as a substring, found in one pass (a regex of them costs eight times more).
_CONTEXT_HINT = AhoCorasick(sorted(CONTEXT_WORDS | SELF_WORDS))
# Ancestors that never hold the article's byline.
ELSEWHERE_TAGS = frozenset({"nav", "form", "figure", "figcaption", "select"})
# Where the walk up from a byline stops: the article's context is below them.
STOP_TAGS = frozenset({"body", "html"})
# Class words a CMS derives from the article's own terms ("category-credit-cards", "tag-bio",
# "post_tag-kommentar" in Sandbox-derived WordPress themes): not layout.
TERM_CLASS_PREFIXES = ("tag-", "category-", "post-", "post_tag-", "post_format-", "format-", "status-", "type-",
                       "postid-", "with-", "has-", "no-", "is-")
SKIPPED_TAGS = frozenset({"nav", "aside", "footer", "form", "figcaption", "figure", "script", "style",
                          "noscript", "select", "button", "input", "textarea", "label", "h1", "h2"})
# A credit for pictures, not words: "Foto: ...", "Photo by ...", "Bild: ...".
PICTURE_CREDIT = re.compile(r"^\s*(?:fotos?|photos?|bilder?|images?|illustrations?|grafik|credits?|quelle"
                            r"|source|video|kamera|camera)\b", re.IGNORECASE)
MAX_ELEMENT_CHARS = 200
# Byline-marked elements looked at, after the title and before it: a bound for pages with thousands
# of comment or teaser bylines.
MAX_CANDIDATES = 40
MAX_ANCESTORS = 12
# Classed elements after the article's h1 within which a byline's containers are judged leniently (see
# _elsewhere_under_title): the byline sits right under the headline.
UNDER_TITLE = 8


def visible_text(element: Any, limit: int | None = None) -> str:
    """Visible text with a space between text nodes ("von<a>Ann</a>" reads "von Ann").

    With a limit, reading stops once the text is longer: a byline is short, a container is not.
    """
    parts: list[str] = []
    size = 0
    for part in element.itertext():
        words = " ".join(part.split())
        if words:
            parts.append(words)
            size += len(words) + 1
            if limit is not None and size > limit:
                break
    return " ".join(parts)


def outside_article(element: Any) -> bool:
    """The element sits in a comment, a teaser, an author box, a menu or similar: not the article's.

    A class or id is split into words only when one of the words occurs in it at all (one
    Aho-Corasick pass), which for most elements on the way up none does.
    """
    node = element
    for _ in range(MAX_ANCESTORS):
        if node is None or not isinstance(tag := node.tag, str) or tag in STOP_TAGS:
            return False
        if node is not element and tag in ELSEWHERE_TAGS:
            return True
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _CONTEXT_HINT.find_matches_as_indexes(names):
            words = _class_words(names)
            if words & CONTEXT_WORDS or (node is element and words & SELF_WORDS):
                return True
        node = node.getparent()
    return False


def _class_words(names: str) -> set[str]:
    tokens = [t for t in names.split() if not t.startswith(TERM_CLASS_PREFIXES)]
    return {w for t in tokens for w in _CLASS_WORD.split(t)}


def _elsewhere_under_title(element: Any, headline: Any) -> bool:
    """outside_article for a byline right under the headline: the element's own class words and a
    menu, form or figure round it count as everywhere. Of its containers only those it does not share
    with the headline are read, and there a comment, related-articles or other semantic word still
    counts (a short article is soon followed by its comments and teasers); a layout word ("teaser",
    a theme's card component) counts only outside the headline's own container: beside the h1 a
    "teaser-small__metadata" box is the article's."""
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if _CONTEXT_HINT.find_matches_as_indexes(names) and _class_words(names) & (CONTEXT_WORDS | SELF_WORDS):
        return True
    shared = set(headline.iterancestors())
    home = headline.getparent()
    meeting: Any = None  # the nearest container the byline shares with the headline
    layout = False
    blocks: set[str] | None = set()  # BEM blocks the layout-named containers belong to; None: not BEM
    for node in islice(element.iterancestors(), MAX_ANCESTORS):
        if node.tag in ELSEWHERE_TAGS:
            return True
        if meeting is None and node in shared:
            meeting = node
        if meeting is not None:
            if layout and blocks and not blocks.isdisjoint(node.get("class", "").lower().split()):
                layout = False  # the block ("teaser-large") holds the headline too: it is the article
            continue
        names = f"{node.get('class', '')} {node.get('id', '')}".lower()
        if _CONTEXT_HINT.find_matches_as_indexes(names) and (words := _class_words(names) & CONTEXT_WORDS):
            if words - LAYOUT_WORDS:
                return True
            layout = True
            blocks = _bem_blocks(names, blocks)
    return layout and (home is None or meeting is not home or home.tag in STOP_TAGS)


def _bem_blocks(names: str, blocks: set[str] | None) -> set[str] | None:
    """blocks and the BEM blocks of names' layout-named classes ("teaser-large__meta" is an element of
    "teaser-large"); None once a layout-named class is not a BEM element ("teaser")."""
    for token in names.split():
        if blocks is not None and not LAYOUT_WORDS.isdisjoint(_CLASS_WORD.split(token)):
            block, bem, _ = token.partition("__")
            blocks = blocks | {block} if bem else None
    return blocks


def from_elements(page: Page) -> list[Author] | None:
    """The first element marked as a byline after the title (else before it) whose text holds names."""
    classed = page.classed
    hinted = page.classed_containing(BYLINE_HINTS)
    if not hinted:
        return None
    title_at = _title_index(page)
    before_title: list[Any] = []
    tried = 0
    for index in hinted:  # document order: the article's h1 comes before its byline
        element = classed[index][0]
        if element.tag in SKIPPED_TAGS:  # h1 among them
            continue
        if index < title_at:
            before_title.append(element)
            continue
        headline = classed[title_at][0] if index - title_at <= UNDER_TITLE else None
        authors = _element_authors(page, element, headline)
        if authors:
            return authors
        tried += 1
        if tried >= MAX_CANDIDATES:
            break
    for element in before_title[:MAX_CANDIDATES]:
        authors = _element_authors(page, element)
        if authors:
            return authors
    return None


def _title_index(page: Page) -> int:
    """Where in page.classed the first h1 with visible text is (every h1 of the body is there); past
    the end if none.

    The title rule has the h1s already: finding one in classed is a list.index in C, cheaper than
    reading the tag of every classed element up to it.
    """
    classed = page.classed
    for element in h1_elements(page):
        if visible_text(element, 1):
            try:
                return classed.index((element, (element.get("class") or "").lower()))
            except ValueError:  # an h1 outside the body (a page without one has no classed elements)
                continue
    return len(classed)


def _element_authors(page: Page, element: Any, headline: Any = None) -> list[Author] | None:
    """The names one byline-marked element holds, unless it is a comment's, a teaser's or a credit.
    headline: the article's h1 when the element is right under it (see _elsewhere_under_title)."""
    if _elsewhere_under_title(element, headline) if headline is not None else outside_article(element):
        return None
    text = visible_text(element, MAX_ELEMENT_CHARS)
    if not text or len(text) > MAX_ELEMENT_CHARS or PICTURE_CREDIT.match(text):
        return None
    authors = authors_from_text(text, None, ELEMENT)
    if not authors or not _one_name(text):
        return authors or None
    # The element's link is a sole author's profile: looked for only once the element holds a name.
    link = element if element.tag == "a" else element.find(".//a[@href]")
    url = page.absolute(link.get("href")) if link is not None else None
    return [Author(author.name, url) for author in authors] if url else authors


def _one_name(text: str) -> bool:
    return "," not in text and " und " not in text and " and " not in text
