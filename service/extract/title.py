"""Title: the article's headline, from structured data first, the <title> tag last."""
from __future__ import annotations

from service.extract.rules import Found, Rule, first_match, jsonld_value, meta_rule
from service.page import Page, clean_text


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = clean_text(value).replace("\n", " ")
    return text or None


def _jsonld_headline(page: Page) -> Found[str] | None:
    node = page.article
    if node is None:
        return None
    for key in ("headline", "name"):
        value = _text(jsonld_value(node.data, key))
        if value:
            return Found(value, f"json-ld:{key}")
    return None


def _h1(page: Page) -> str | None:
    headings = page.tree.xpath("//h1")
    texts = [t for t in (_text(h.text_content()) for h in headings) if t]
    return texts[0] if len(texts) == 1 else None


RULES: list[Rule] = [
    ("json-ld:headline", _jsonld_headline),
    ("meta", meta_rule("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title",
                       "sailthru.title", "parsely-title", normalise=_text)),
    ("microdata:headline", lambda p: next((_text(v) for v, _ in p.itemprops.get("headline", ()) if _text(v)), None)),
    ("html:h1", _h1),
    ("html:title", lambda p: p.title_tag),
]


def extract(page: Page) -> Found[str] | None:
    return first_match(page, RULES)
