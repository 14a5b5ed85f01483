"""Tags and keywords as the page declares them."""
from __future__ import annotations

from typing import Any

from service.extract.rules import Found, Rule, first_match
from service.page import Page, clean_text

MAX_TAGS = 200  # a keyword list longer than this is stuffing, not tagging; the rest is dropped


def _split(values: Any) -> tuple[str, ...]:
    items = values if isinstance(values, list) else [values]
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            continue
        for part in item.split(","):
            part = clean_text(part).replace("\n", " ")
            if part and part.casefold() not in seen:
                seen.add(part.casefold())
                out.append(part)
                if len(out) >= MAX_TAGS:
                    return tuple(out)
    return tuple(out)


def _meta(page: Page) -> Found[tuple[str, ...]] | None:
    for key in ("article:tag", "news_keywords", "keywords"):
        values = page.meta.get(key)
        if values:
            return Found(_split(values), f"meta:{key}")
    return None


RULES: list[Rule] = [
    ("json-ld:keywords", lambda p: _split(p.article.data.get("keywords")) if p.article else None),
    ("meta", _meta),
    ("link:rel-tag", lambda p: _split([link.text for link in p.links_with_rel("tag")])),
]


def extract(page: Page) -> Found[tuple[str, ...]] | None:
    return first_match(page, RULES)
