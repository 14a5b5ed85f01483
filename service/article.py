"""The article a request names, read into one Page: either HTML the caller sent or a safe fetch."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from service import fetch
from service.page import Page


@dataclass
class Article:
    page: Page
    fetched: bool = False
    warnings: list[str] = field(default_factory=list)
    follow_terms: bool = False  # also read the publisher's linked terms page (same site only)


def from_html(html: str, url: str | None) -> Article:
    """The caller's own HTML; url (optional) is only the base for links."""
    return Article(page=Page(html, url))


def from_url(url: str, config: Mapping[str, Any]) -> Article:
    """Fetch url through the safe fetcher and parse what it returned."""
    response = fetch.fetch(url, fetch.FetchSettings.from_config(config))
    return Article(page=Page(response.text, response.url, response.headers), fetched=True,
                   warnings=list(response.warnings))
