"""Reading a publisher's linked terms page too ("follow_terms": true): same site only, through the
safe fetcher's cached `fetch_related`, never more than MAX_TERMS_PAGES per request.

A terms page that cannot be fetched is a warning, never a failed extraction: the article's own
terms stand, and the link stays in follow_up for a person to read. All terms pages of one request
share one fetch deadline (CLEARANCE_FETCH_DEADLINE), so a request with follow_terms takes at most
two deadlines: the article's fetch and the terms pages'.
"""
from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from service import fetch
from service.page import Page

MAX_TERMS_PAGES = 2
# Links tried at most: a refused one (another site) costs no request, a failed fetch does.
MAX_ATTEMPTS = 4


def fetch_terms_pages(page: Page, links: Sequence[str], config: Mapping[str, Any]) -> tuple[list[Page], list[str]]:
    """The linked terms pages as parsed Pages, and a warning for each one that could not be read."""
    pages: list[Page] = []
    warnings: list[str] = []
    if not page.url:
        return pages, ["follow_terms: the article has no URL, so no page counts as the same site"] if links else []
    settings = fetch.FetchSettings.from_config(config)
    ends_at = time.monotonic() + settings.deadline
    for url in list(dict.fromkeys(links))[:MAX_ATTEMPTS]:
        if len(pages) >= MAX_TERMS_PAGES:
            break
        try:
            fetched = fetch.fetch_related(url, page.url, settings, deadline=ends_at - time.monotonic())
        except fetch.FetchProblem as problem:
            warnings.append(f"follow_terms: {url} not read: {problem.detail or problem.title}")
            continue
        pages.append(Page(fetched.text, fetched.url, fetched.headers))
    return pages, warnings
