"""Where on the page an element sits: the article itself, the site's chrome (header, footer, navigation,
sidebars), or somewhere neither says. Copyright notices and taxonomy labels mean different things in
each: "© 2024 Site Inc." in the footer is the site's, "Copyright © South Front, 2017" under the text
is the article's.
"""
from __future__ import annotations

import re
from typing import Any

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


def _marks(node: Any) -> str:
    return f"{node.get('class', '')} {node.get('id', '')}".strip()


def zone_of(element: Any) -> str:
    """ARTICLE, CHROME or NEUTRAL, from the element's ancestors' tags, class and id words."""
    chrome_at = weak_article_at = None
    article_at: list[int] = []
    chain = [element, *element.iterancestors()]
    for depth, node in enumerate(chain):
        if not isinstance(node.tag, str) or node.tag in {"body", "html"}:
            break
        marks = _marks(node)
        layout = ARTICLE_WORDS.search(marks) or WEAK_ARTICLE_WORDS.search(marks)  # "content sidebar-right"
        if node.tag in STRONG_CHROME_TAGS or (STRONG_CHROME_WORDS.search(marks) and not layout):
            return CHROME
        if node.tag in WEAK_CHROME_TAGS or WEAK_CHROME_WORDS.search(marks):
            chrome_at = depth if chrome_at is None else chrome_at
        elif (node.tag in ARTICLE_TAGS or node.get("itemprop", "").lower() in ARTICLE_ITEMPROPS
              or ARTICLE_WORDS.search(marks)):
            article_at.append(depth)
        elif node.tag in WEAK_ARTICLE_TAGS or WEAK_ARTICLE_WORDS.search(marks):
            weak_article_at = depth if weak_article_at is None else weak_article_at
    if chrome_at is not None:
        return ARTICLE if any(depth > chrome_at for depth in article_at) else CHROME
    return ARTICLE if article_at or weak_article_at is not None else NEUTRAL
