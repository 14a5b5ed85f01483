"""Authors: people or organisations in byline order, each with a profile URL when the page gives one.

Declared sources first (JSON-LD author with @id references resolved, author meta tags, the "Written
by" label CMSs put in twitter:data1, microdata, rel=author links), then the visible byline
(byline.py, bylinetext.py). A declared value that only names the site itself ("Example News" on example-news.com)
is not an author: the rules go on to the byline, and give nothing if no byline is found. The
visible byline is also read when the declared names are mere handles or initials ("jdoe", "JD"); it
wins when it gives full names, or more names including every declared one.
"""
from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any

from service.extract import byline, bylinetext
from service.extract.model import Author
from service.extract.names import (
    DECLARED,
    ELEMENT,
    authors_from_text,
    is_site,
    normal,
    normal_words,
    site_names,
)
from service.extract.rules import Found, run_rule
from service.page import JsonLdNode, Page

# Meta keys naming the author, most specific first: scholarly citation tags, Dublin Core, the plain
# author tag, then vendor tags of analytics and recommendation tools.
AUTHOR_META_KEYS = ("citation_author", "dc.creator", "dcterms.creator", "dc:creator", "author",
                    "article:author", "og:article:author", "parsely-author", "sailthru.author",
                    "cxenseparse:author", "byl")
# Meta keys whose URL value is the author's profile, not a name.
AUTHOR_URL_META_KEYS = ("article:author", "og:article:author")
# Labels CMSs (Yoast and others) put in twitter:labelN when twitter:dataN is the author.
AUTHOR_LABELS = ("written by", "verfasst von", "geschrieben von", "autor", "author", "écrit par",
                 "escrito por", "scritto da", "geschreven door", "von", "by")
# JSON-LD node types whose "author" is not the article's (a comment's writer, a photographer).
NOT_ARTICLE_TYPES = frozenset({"Comment", "ImageObject", "Answer", "Question", "Rating", "Person",
                               "Organization"})
MAX_AUTHORS = 12
# Words of a desk credit ("Online-Redaktion", "Newsroom Staff"), which is no co-author beside a person.
DESK_WORDS = frozenset({"redaktion", "team", "staff", "editors", "newsroom", "desk", "online", "rédaction",
                        "redacción", "redazione"})


def _dedupe(authors: list[Author]) -> list[Author]:
    """Byline order kept; a name seen twice stays once, with the first URL either copy had."""
    out: dict[str, Author] = {}
    for author in authors:
        key = normal(author.name)
        if not key:
            continue
        if key not in out:
            out[key] = author
        elif out[key].url is None and author.url:
            out[key] = Author(out[key].name, author.url)
    return list(out.values())[:MAX_AUTHORS]


# -- JSON-LD ------------------------------------------------------------------------------------
def _jsonld_people(value: Any, index: dict[str, dict[str, Any]], sites: AbstractSet[str],
                   depth: int = 0) -> list[Author]:
    """Authors from a JSON-LD author value: strings, Person/Organization objects, lists, @id references.

    A name that is the site's own is dropped, even when typed Person: CMSs often fill the Person node
    with the site's name, more often than a person names a site after themselves.
    """
    if depth > 3:
        return []
    if isinstance(value, list):
        return [a for item in value for a in _jsonld_people(item, index, sites, depth + 1)]
    if isinstance(value, str):
        return [a for a in authors_from_text(value, None, DECLARED) if not is_site(a.name, sites)]
    if not isinstance(value, dict):
        return []
    if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in index:
        value = index[value["@id"]]
    name = value.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str)), None)
    if isinstance(name, dict):
        name = name.get("@value")
    if not isinstance(name, str):
        given, family = value.get("givenName"), value.get("familyName")
        name = " ".join(n for n in (given, family) if isinstance(n, str)) or None
    url = value.get("url") if isinstance(value.get("url"), str) else None
    authors = authors_from_text(name, url, DECLARED) if name else []
    return [a for a in authors if not is_site(a.name, sites)]


def _jsonld_nodes(page: Page) -> list[JsonLdNode]:
    """The article node first, then any other node that declares an author and is not a comment."""
    nodes = [page.article] if page.article is not None else []
    nodes += [n for n in page.jsonld if n is not page.article and "author" in n.data
              and not NOT_ARTICLE_TYPES & set(n.types)]
    return nodes


def _jsonld(page: Page) -> list[Author] | None:
    index = {n.data["@id"]: n.data for n in page.jsonld if isinstance(n.data.get("@id"), str)}
    sites = site_names(page)
    for node in _jsonld_nodes(page):
        authors = _jsonld_people(node.data.get("author") or node.data.get("creator"), index, sites)
        if authors:
            return authors
    return None


# -- meta ---------------------------------------------------------------------------------------
def _meta(page: Page) -> Found[list[Author]] | None:
    sites = site_names(page)
    for key in AUTHOR_META_KEYS:
        values = [v for v in page.meta.get(key, ()) if not v.lower().startswith(("http:", "https:", "//"))]
        authors = []
        for value in values:  # "Site, City, Country" is the site's address; "Ann Roe, Site" is Ann Roe
            found = authors_from_text(value, None, DECLARED)
            if found and not is_site(found[0].name, sites):
                authors += [a for a in found if not is_site(a.name, sites)]
        if authors:
            return Found(authors, f"meta:{key}")
    return None


def _twitter_label(page: Page) -> Found[list[Author]] | None:
    for n in ("1", "2"):
        label = page.meta.get(f"twitter:label{n}", [""])[0].strip().casefold().rstrip(":")
        data = page.meta.get(f"twitter:data{n}")
        if data and label in AUTHOR_LABELS:
            return Found(authors_from_text(data[0], None, DECLARED), f"meta:twitter:data{n}")
    return None


def _profile_url(page: Page) -> str | None:
    """An author profile URL declared in article:author, used only as the URL of a sole author."""
    for key in AUTHOR_URL_META_KEYS:
        for value in page.meta.get(key, ()):
            url = page.absolute(value)
            if url:
                return url
    return None


# -- microdata and links ------------------------------------------------------------------------
def _microdata(page: Page) -> list[Author] | None:
    authors: list[Author] = []
    for _value, element in page.itemprops.get("author", ()):
        if element.tag == "meta" or byline.outside_article(element):
            continue
        scoped = element.get("itemscope") is not None
        name_element = element.find(".//*[@itemprop='name']") if scoped else None
        limit = byline.MAX_ELEMENT_CHARS
        text = byline.visible_text(name_element if name_element is not None else element, limit)
        if len(text) > limit:
            continue
        link = element if element.tag == "a" else element.find(".//a[@href]")
        url = page.absolute(link.get("href")) if link is not None else None
        authors += authors_from_text(text, url, ELEMENT)
    return authors or None


def _rel_author(page: Page) -> list[Author] | None:
    authors: list[Author] = []
    seen_urls: set[str] = set()
    for link in page.links_with_rel("author"):
        if link.href in seen_urls or not link.text or byline.outside_article(link.element):
            continue
        found = authors_from_text(link.text, link.href, ELEMENT)
        if found:
            seen_urls.add(link.href)
            authors += found
    return authors or None


RuleFn = Callable[[Page], Any]
DECLARED_RULES: list[tuple[str, RuleFn]] = [
    ("json-ld:author", _jsonld),
    ("meta", _meta),
    ("meta:twitter:data", _twitter_label),
    ("microdata:author", _microdata),
    ("link:rel-author", _rel_author),
]
# Rules not held to the site-name check here: JSON-LD does its own, and a visible byline naming the
# site or its owner ("By Attac France", "von zahlenzauberin" on zahlenzauberin's blog) is the page's
# own statement, not a CMS default (corpus: +5 authors found, +4 site names on pages annotated empty).
SITE_CHECK_EXEMPT = frozenset({"json-ld:author", "html:byline-element", "html:byline-text"})
VISIBLE_RULES: list[tuple[str, RuleFn]] = [
    ("html:byline-element", byline.from_elements),
    ("html:byline-text", bylinetext.from_text),
]


def _first(page: Page, rules: list[tuple[str, RuleFn]],
           sites: AbstractSet[str]) -> Found[list[Author]] | None:
    """The first rule giving authors other than the site itself."""
    for name, fn in rules:
        found = run_rule(page, name, fn)
        if found is None:
            continue
        exempt = name in SITE_CHECK_EXEMPT
        authors = _dedupe([a for a in found.value if exempt or not is_site(a.name, sites)])
        if authors:
            return Found(authors, found.rule)
    return None


def _weak(declared: list[Author]) -> bool:
    """Declared names that are only handles or initials ("jdoe", "JD"): worth checking the byline."""
    return all(" " not in a.name for a in declared)


def _better(visible: list[Author], declared: list[Author], sites: AbstractSet[str]) -> bool:
    """The visible byline says more: full names where the declared data only has handles or initials,
    or more names including every declared one, the extra ones people rather than the site or a desk
    ("Ann Roe, CNN" or "Ann Roe, Online-Redaktion" adds no co-author)."""
    if _weak(declared) and all(" " in a.name for a in visible):
        return True
    declared_keys = {normal(a.name) for a in declared}
    visible_keys = {normal(a.name) for a in visible}
    extra = [a.name for a in visible if normal(a.name) not in declared_keys]
    return (len(visible) > len(declared) and declared_keys <= visible_keys
            and not any(is_site(name, sites) or DESK_WORDS & set(normal_words(name)) for name in extra))


def extract(page: Page) -> Found[tuple[Author, ...]] | None:
    """The article's authors and the rule that found them; None when the page names no author."""
    sites = site_names(page)
    declared = _first(page, DECLARED_RULES, sites)
    if declared is None or _weak(declared.value):
        visible = _first(page, VISIBLE_RULES, sites)
    else:  # only the byline element, for a co-author the declared data left out (no text scan)
        visible = _first(page, VISIBLE_RULES[:1], sites)
    chosen = declared or visible
    if declared and visible and _better(visible.value, declared.value, sites):
        chosen = visible
    if chosen is None:
        return None
    authors = chosen.value
    if len(authors) == 1 and authors[0].url is None:
        url = _profile_url(page)
        authors = [Author(authors[0].name, url)] if url else authors
    return Found(tuple(authors), chosen.rule)
