"""Publication and modification dates, as ISO 8601 (date-time with offset when the page gives one).

A first version: JSON-LD, meta tags and <time datetime>. Visible date lines and URL patterns next.
"""
from __future__ import annotations

import datetime as dt

from dateutil import parser as dateparser

from service.extract.rules import Found, Rule, first_match, jsonld_value, meta_rule
from service.page import Page

EARLIEST_YEAR = 1990


def normalise(value: object) -> str | None:
    """An ISO 8601 string for a machine-readable date, or None when it is not one."""
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    text = value.strip()
    try:
        parsed = dateparser.isoparse(text)
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(text, default=dt.datetime(1, 1, 1))
        except (ValueError, OverflowError):
            return None
    if parsed.year < EARLIEST_YEAR or parsed.year > dt.date.today().year + 1:
        return None
    has_time = "T" in text or ":" in text
    if not has_time:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _jsonld(key: str):  # type: ignore[no-untyped-def]
    return lambda page: normalise(jsonld_value(page.article.data, key)) if page.article else None


def _time_element(page: Page) -> str | None:
    for element in page.tree.iter("time"):
        value = normalise(element.get("datetime"))
        if value:
            return value
    return None


PUBLISHED_RULES: list[Rule] = [
    ("json-ld:datePublished", _jsonld("datePublished")),
    ("meta", meta_rule("article:published_time", "og:article:published_time", "datepublished",
                       "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "pubdate",
                       "publishdate", "citation_publication_date", "sailthru.date", "parsely-pub-date",
                       normalise=normalise)),
    ("json-ld:dateCreated", _jsonld("dateCreated")),
    ("html:time", _time_element),
]

MODIFIED_RULES: list[Rule] = [
    ("json-ld:dateModified", _jsonld("dateModified")),
    ("meta", meta_rule("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                       "last-modified", normalise=normalise)),
]


def published(page: Page) -> Found[str] | None:
    return first_match(page, PUBLISHED_RULES)


def modified(page: Page) -> Found[str] | None:
    return first_match(page, MODIFIED_RULES)
