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
STOP_TAGS = frozenset({"body", "html"})  # nothing above them says anything
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
    tag = node.tag
    if not isinstance(tag, str) or tag in STOP_TAGS:
        return _STOP
    article = weak_article = strong_chrome = weak_chrome = False
    marks = _marks(node)
    if marks:  # most elements have neither class nor id: their tag alone says it
        article, weak_article, strong_chrome, weak_chrome = _words(marks)
    if tag in STRONG_CHROME_TAGS or (strong_chrome and not (article or weak_article)):  # "content sidebar"
        return _STRONG_CHROME
    if tag in WEAK_CHROME_TAGS or weak_chrome:
        return _WEAK_CHROME
    if tag in ARTICLE_TAGS or article or node.get("itemprop", "").lower() in ARTICLE_ITEMPROPS:
        return _ARTICLE
    return _WEAK_ARTICLE if tag in WEAK_ARTICLE_TAGS or weak_article else _NOTHING


def zone_of(element: Any) -> str:
    """ARTICLE, CHROME or NEUTRAL, from the element's ancestors' tags, class and id words (up to body)."""
    chrome_at = weak_article_at = None
    article_at: list[int] = []
    for depth, node in enumerate([element, *element.iterancestors()]):
        kind = _kind(node)
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


# What zone_of reads from a chain of elements, from the top down (bits of one int): strong chrome seen,
# weak chrome seen, an article above the lowest weak chrome, an article seen, a weak article seen.
_SEEN_STRONG, _SEEN_WEAK, _ARTICLE_ABOVE_WEAK, _SEEN_ARTICLE, _SEEN_WEAK_ARTICLE = 1, 2, 4, 8, 16


def _below(state: int, kind: int) -> int:
    """The state of a chain one element longer, the element saying kind."""
    if kind == _STOP:  # body, html: nothing above counts
        return 0
    if kind == _STRONG_CHROME:
        return state | _SEEN_STRONG
    if kind == _WEAK_CHROME:
        above = _ARTICLE_ABOVE_WEAK if state & _SEEN_ARTICLE else 0
        return (state & ~_ARTICLE_ABOVE_WEAK) | _SEEN_WEAK | above
    if kind == _ARTICLE:
        return state | _SEEN_ARTICLE
    return state | _SEEN_WEAK_ARTICLE if kind == _WEAK_ARTICLE else state


def _zone(state: int) -> str:
    if state & _SEEN_STRONG:
        return CHROME
    if state & _SEEN_WEAK:
        return ARTICLE if state & _ARTICLE_ABOVE_WEAK else CHROME
    return ARTICLE if state & (_SEEN_ARTICLE | _SEEN_WEAK_ARTICLE) else NEUTRAL


def page_zone(page: Page, element: Any) -> str:
    """zone_of(element), from the page's memo of each element's chain state: the elements asked about
    (paragraphs, labels, notices, links) share most of their ancestors, so a question walks up only to
    the nearest element asked about before, and each element's class and id words are read once. The
    memo holds the elements, so lxml keeps handing out the same element objects."""
    states: dict[Any, int] = page.memo("zones.states", dict)
    chain = []
    node = element
    while node is not None and node not in states:
        chain.append(node)
        node = node.getparent()
    state = 0 if node is None else states[node]
    for node in reversed(chain):
        state = states[node] = _below(state, _kind(node))
    return _zone(state)


# Containers of pictures and their credits: a "©" or "Source:" there is a photo credit.
MEDIA_MARKS = re.compile(r"caption|credit|photo|image|media|picture|bild|foto|gallery|teaser", re.IGNORECASE)
MEDIA_TAGS = ("img", "picture", "figure", "video")
MEDIA_ANCESTORS = 3


def near_media(element: Any) -> bool:
    """The element or one of its nearest ancestors holds a picture or is marked as a caption/credit.
    The ancestors' subtrees nest: only the highest one is searched for a picture."""
    node, highest = element, None
    for _ in range(MEDIA_ANCESTORS):
        if node is None or not isinstance(node.tag, str):
            break
        if MEDIA_MARKS.search(_marks(node)):
            return True
        node, highest = node.getparent(), node
    return highest is not None and next(highest.iter(*MEDIA_TAGS), None) is not None
