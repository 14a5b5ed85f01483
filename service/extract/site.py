"""Page-level facts: site name, canonical URL, language and description."""
from __future__ import annotations

from urllib.parse import urlsplit

from service.extract.names import domain_label, normal
from service.extract.rules import Found, Rule, first_match, jsonld_value, meta_rule
from service.extract.title import SITE_SEPARATOR
from service.page import Page, clean_text

MAX_SITE_WORDS = 6  # a longer title segment is a headline or a slogan, not a name


def _one_line(value: object) -> str | None:
    return clean_text(value).replace("\n", " ") or None if isinstance(value, str) else None


def _jsonld_publisher(page: Page) -> str | None:
    node = page.article
    publisher = jsonld_value(node.data, "publisher") if node else None
    if isinstance(publisher, dict):
        return _one_line(publisher.get("name"))
    for other in page.jsonld:
        if "WebSite" in other.types:
            return _one_line(other.data.get("name"))
    return None


def _title_segment(page: Page) -> str | None:
    """The <title> segment that names the site: "Headline | Global Research" on globalresearch.ca.

    Segments after the first are read from the end (titles open with the headline and end with the
    site; a leading site name, "Site | Headline", is left alone). A segment names the site when its
    letters hold the whole name of the site's registrable domain and not much more: "The Guardian"
    on theguardian.com, "Spiegel Online" on spiegel.de, never a section such as "Tech" on
    techcrunch.com.
    """
    title, label = page.title_tag, domain_label(page.url)
    if not title or not label or len(label) < 3:
        return None
    for segment in reversed(SITE_SEPARATOR.split(title)[1:]):
        key = normal(segment)
        if len(segment.split()) <= MAX_SITE_WORDS and label in key and len(key) <= 2 * len(label):
            return segment.strip()
    return None


SITE_NAME_RULES: list[Rule] = [
    ("meta", meta_rule("og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher",
                       "citation_publisher", normalise=_one_line)),
    ("json-ld:publisher.name", _jsonld_publisher),
    ("html:title-segment", _title_segment),
]


def _canonical_link(page: Page) -> str | None:
    links = page.links_with_rel("canonical")
    return links[0].href if links else None


CANONICAL_RULES: list[Rule] = [
    ("link:canonical", _canonical_link),
    ("meta", meta_rule("og:url", normalise=lambda v: v if urlsplit(v).scheme in {"http", "https"} else None)),
]


def _lang_code(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split(",")[0].strip()
    return code if 2 <= len(code) <= 20 and code.replace("-", "").isalnum() else None


LANGUAGE_RULES: list[Rule] = [
    ("html:lang", lambda p: _lang_code(p.lang)),
    ("json-ld:inLanguage", lambda p: _lang_code(jsonld_value(p.article.data, "inLanguage")) if p.article else None),
    ("meta", meta_rule("og:locale", "content-language", "language", "dc.language", "dcterms.language",
                       normalise=_lang_code)),
    ("header:content-language", lambda p: _lang_code(p.headers.get("content-language"))),
]

DESCRIPTION_RULES: list[Rule] = [
    ("meta", meta_rule("description", "og:description", "twitter:description", "dc.description",
                       "dcterms.description", normalise=_one_line)),
    ("json-ld:description", lambda p: _one_line(jsonld_value(p.article.data, "description")) if p.article else None),
]


def site_name(page: Page) -> Found[str] | None:
    return first_match(page, SITE_NAME_RULES)


def canonical_url(page: Page) -> Found[str] | None:
    return first_match(page, CANONICAL_RULES)


def language(page: Page) -> Found[str] | None:
    return first_match(page, LANGUAGE_RULES)


def description(page: Page) -> Found[str] | None:
    return first_match(page, DESCRIPTION_RULES)
