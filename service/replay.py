"""Pages replayed from a web archive: what the archive adds to a page is not the page.

The Wayback Machine puts its toolbar into every page it replays; parse_html removes it, so no
extractor reads its capture dates, links or counts.
"""
from __future__ import annotations

from itertools import islice
from typing import Any

import lxml.etree

# The toolbar the Wayback Machine puts into every page it replays (div#wm-ipp-base, and div#wm-ipp
# alone in older replays): its capture dates ("21 Feb 2007 - 23 Mar 2021"), links and counts are the
# archive's, not the article's. It is inserted at the top of <body>: only the first few elements
# there are looked at (a substring search of the markup cost a tenth of the parse).
ARCHIVE_TOOLBAR_IDS = frozenset({"wm-ipp-base", "wm-ipp"})
TOOLBAR_REACH = 4  # elements at the top of <body> looked at, besides those below
# Head elements that end up in <body> when a body element in <head> (a tracking pixel's <img>) makes
# the parser open <body> early: they do not count against the reach.
STRAY_HEAD_TAGS = frozenset({"script", "link", "meta", "style", "noscript", "img", "iframe", "title", "base"})
MAX_STRAY = 100


def drop_replay_toolbar(root: Any) -> None:
    """Remove the toolbar from a parsed page (called by parse_html on every page)."""
    body = root.find("body")
    if body is None:
        return
    toolbars, counted = [], 0
    for element in islice(body.iterchildren(lxml.etree.Element), TOOLBAR_REACH + MAX_STRAY):
        if element.get("id") in ARCHIVE_TOOLBAR_IDS:
            toolbars.append(element)
        elif element.tag not in STRAY_HEAD_TAGS:
            counted += 1
            if counted >= TOOLBAR_REACH:
                break
    for element in toolbars:  # removed once the walk is over: it reads the siblings they would leave
        element.drop_tree()  # its tail, text that follows the toolbar, stays
