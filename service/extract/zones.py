"""Where on the page an element sits: the article itself, the site's chrome (header, footer, navigation,
sidebars), or somewhere neither says. Copyright notices and taxonomy labels mean different things in
each: "© 2024 Site Inc." in the footer is the site's, "Copyright © South Front, 2017" under the text
is the article's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from service.page import Page

ARTICLE = "article"
CHROME = "chrome"
NEUTRAL = "neutral"

# Navigation and sidebars are chrome wherever they sit. Headers and footers are the site's unless an
# article container (<article>, itemprop=articleBody, an article/post/entry/story class) holds them:
# <article><footer> is the article's own. <main> and content/text/body classes often wrap the whole
# page, site footer included, so they make an article zone only where no chrome is in the way.
STRONG_CHROME_TAGS = frozenset({"nav", "aside"})
WEAK_CHROME_TAGS = frozenset({"footer", "header"})
ARTICLE_TAGS = frozenset({"article"})
WEAK_ARTICLE_TAGS = frozenset({"main"})
ARTICLE_ITEMPROPS = frozenset({"articlebody", "text"})
# A class token is chrome when it is, ends with, or starts a layout name with the word: "sidebar",
# "main-menu", "sidebar-left", "widget-area"; not a modifier such as "content-sidebar-included".
STRONG_CHROME_WORDS = re.compile(r"(?:^|\s)(?:[\w-]*[-_])?(?:sidebar|widget|widgets|navbar|nav|navigation|menu|"
                                 r"breadcrumbs?)(?:[-_](?:left|right|area|primary|secondary|container|inner|"
                                 r"wrapper|\d+))?(?:$|\s)", re.IGNORECASE)
WEAK_CHROME_WORDS = re.compile(r"footer|colophon|site-info|masthead|(?:^|\s)(?:[\w-]*[-_])?(?:header|bottom)"
                               r"(?:[-_](?:area|container|inner|wrapper|\d+))?(?:$|\s)", re.IGNORECASE)
# Class tokens that start or end with the word ("entry-content", "post-123"), not utility classes
# that merely contain it ("text-center").
ARTICLE_WORDS = re.compile(r"(?:^|\s)(?:(?:article|post|entry|story)(?:[-_][\w-]*)?|[\w-]*[-_](?:article|post|"
                           r"entry|story))(?:$|\s)", re.IGNORECASE)
WEAK_ARTICLE_WORDS = re.compile(r"(?:^|\s)(?:[\w-]*[-_])?(?:content|text|body|main)(?:[-_](?:area|container|inner|"
                                r"wrapper|\d+))?(?:$|\s)", re.IGNORECASE)

MARKS_CACHE = 8192  # distinct class/id strings remembered: pages and sites repeat theirs


@lru_cache(maxsize=MARKS_CACHE)
def _words(marks: str) -> tuple[bool, bool, bool, bool]:
    """Whether class/id words name an article, a weak article zone, strong chrome, weak chrome."""
    return (ARTICLE_WORDS.search(marks) is not None, WEAK_ARTICLE_WORDS.search(marks) is not None,
            STRONG_CHROME_WORDS.search(marks) is not None, WEAK_CHROME_WORDS.search(marks) is not None)


def _marks(node: Any) -> str:
    return f"{node.get('class', '')} {node.get('id', '')}".strip()


# What one element says about its zone, on its own (zone_of weighs a whole chain of them).
_STOP, _STRONG_CHROME, _WEAK_CHROME, _ARTICLE, _WEAK_ARTICLE, _NOTHING = range(6)


def _kind(node: Any) -> int:
    if not isinstance(node.tag, str) or node.tag in {"body", "html"}:
        return _STOP
    marks = _marks(node)
    if not marks:  # most elements have neither class nor id: their tag alone says it
        return _kind_of_tag(node)
    article, weak_article, strong_chrome, weak_chrome = _words(marks)
    if node.tag in STRONG_CHROME_TAGS or (strong_chrome and not (article or weak_article)):  # "content sidebar"
        return _STRONG_CHROME
    if node.tag in WEAK_CHROME_TAGS or weak_chrome:
        return _WEAK_CHROME
    if node.tag in ARTICLE_TAGS or node.get("itemprop", "").lower() in ARTICLE_ITEMPROPS or article:
        return _ARTICLE
    if node.tag in WEAK_ARTICLE_TAGS or weak_article:
        return _WEAK_ARTICLE
    return _NOTHING


def _kind_of_tag(node: Any) -> int:
    if node.tag in STRONG_CHROME_TAGS:
        return _STRONG_CHROME
    if node.tag in WEAK_CHROME_TAGS:
        return _WEAK_CHROME
    if node.tag in ARTICLE_TAGS or node.get("itemprop", "").lower() in ARTICLE_ITEMPROPS:
        return _ARTICLE
    return _WEAK_ARTICLE if node.tag in WEAK_ARTICLE_TAGS else _NOTHING


def zone_of(element: Any, kinds: dict[Any, int] | None = None) -> str:
    """ARTICLE, CHROME or NEUTRAL, from the element's ancestors' tags, class and id words.

    kinds: a cache of what each element says, kept by the caller for one page (Page.memo): the
    elements asked about share most of their ancestors, and reading an element's class and id words
    is what costs. The cache holds the elements, so lxml keeps handing out the same element objects.
    """
    kinds = {} if kinds is None else kinds
    chrome_at = weak_article_at = None
    article_at: list[int] = []
    chain = [element, *element.iterancestors()]
    for depth, node in enumerate(chain):
        kind = kinds.get(node)
        if kind is None:
            kind = kinds[node] = _kind(node)
        if kind == _STOP:
            break
        if kind == _STRONG_CHROME:
            return CHROME
        if kind == _WEAK_CHROME:
            chrome_at = depth if chrome_at is None else chrome_at
        elif kind == _ARTICLE:
            article_at.append(depth)
        elif kind == _WEAK_ARTICLE:
            weak_article_at = depth if weak_article_at is None else weak_article_at
    if chrome_at is not None:
        return ARTICLE if any(depth > chrome_at for depth in article_at) else CHROME
    return ARTICLE if article_at or weak_article_at is not None else NEUTRAL


def page_zone(page: Page, element: Any) -> str:
    """zone_of(element), with the page's shared cache of element kinds."""
    return zone_of(element, page.memo("zones.kinds", dict))


# Containers of pictures and their credits: a "©" or "Source:" there is a photo credit.
MEDIA_MARKS = re.compile(r"caption|credit|photo|image|media|picture|bild|foto|gallery|teaser", re.IGNORECASE)
MEDIA_TAGS = ("img", "picture", "figure", "video")
MEDIA_ANCESTORS = 3


def near_media(element: Any) -> bool:
    """The element or one of its nearest ancestors holds a picture or is marked as a caption/credit."""
    node = element
    for _ in range(MEDIA_ANCESTORS):
        if node is None or not isinstance(node.tag, str):
            return False
        if MEDIA_MARKS.search(_marks(node)) or next(node.iter(*MEDIA_TAGS), None) is not None:
            return True
        node = node.getparent()
    return False
