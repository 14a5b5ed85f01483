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

# Navigation and sidebars are chrome wherever they sit; headers and footers are the article's own when
# nested in an article container (<article><footer>), else the site's.
STRONG_CHROME_TAGS = frozenset({"nav", "aside"})
WEAK_CHROME_TAGS = frozenset({"footer", "header"})
ARTICLE_TAGS = frozenset({"article", "main"})
STRONG_CHROME_WORDS = re.compile(r"(?:^|[\s_-])(?:sidebar|widget|navbar|nav|menu|breadcrumbs?)(?:$|[\s_-])",
                                 re.IGNORECASE)
WEAK_CHROME_WORDS = re.compile(r"(?:^|[\s_-])(?:footer|colophon|site-info|masthead|header|bottom)(?:$|[\s_-])",
                               re.IGNORECASE)
ARTICLE_WORDS = re.compile(r"(?:^|[\s_-])(?:article|post|entry|story|content|text|body|main)(?:$|[\s_-])",
                           re.IGNORECASE)
ARTICLE_ITEMPROPS = frozenset({"articlebody", "text"})


def zone_of(element: Any) -> str:
    """ARTICLE, CHROME or NEUTRAL, from the element's ancestors' tags, class and id words."""
    weak_chrome = False
    node = element
    while node is not None and isinstance(node.tag, str) and node.tag not in {"body", "html"}:
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag in STRONG_CHROME_TAGS or STRONG_CHROME_WORDS.search(marks):
            return CHROME
        if node.tag in WEAK_CHROME_TAGS or WEAK_CHROME_WORDS.search(marks):
            weak_chrome = True
        elif (node.tag in ARTICLE_TAGS or node.get("itemprop", "").lower() in ARTICLE_ITEMPROPS
              or ARTICLE_WORDS.search(marks)):
            return ARTICLE
        node = node.getparent()
    return CHROME if weak_chrome else NEUTRAL
