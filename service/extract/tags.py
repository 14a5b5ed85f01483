"""Tags and keywords as the page declares them, in the page's order, without duplicates.

Ordered rules, the tags the article shows its readers first: rel=tag links (never the
rel="category tag" links CMSs put on categories, nor tag clouds), a tag list the page marks by class
("tags", "post-tags", "schlagworte"); then the structured declarations, article:tag meta and JSON-LD
keywords (string or list), which CMSs often fill with sections and SEO terms as well (corpus tags F1
0.865 with these first, 0.901 with the visible lists first); then news_keywords meta. The generic
keywords meta is left out on purpose: on the evaluation corpus it holds site-wide SEO terms far more
often than the article's tags (F1 0.826 with it, 0.833 without; false tags on pages without any 47%
vs 32%). Lists known only by a visible label ("Tags:", "Schlagwörter:" in unmarked markup) are left to
the labelled-taxonomy reader: read here, they cost the text-blocks view on most pages for +0.002 F1.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from typing import Any

from service.extract.rules import Found, first_match, jsonld_value
from service.extract.title import declared_titles
from service.page import Page, clean_text

# Class words of a container that lists the article's tags.
TAG_LIST_WORDS = frozenset({"tags", "tag", "taglist", "tagliste", "schlagworte", "schlagwörter", "schlagwort",
                            "keywords", "stichworte", "stichwörter", "etiquetas", "motscles", "tagi", "taggar",
                            "trefwoorden", "etiketler", "etiketter", "stikkord", "emneord", "nyckelord"})
# Class substrings searched first, so that only likely containers are split into words.
TAG_LIST_STEMS = ("tag", "schlag", "keyword", "stichw", "etiquet", "mots", "trefw", "etiket", "stikk", "emneord",
                  "nyckelord")
# Class words that may mark a plain-text tag list (no links): "tags", never the singular "tag".
TEXT_TAG_LIST_WORDS = TAG_LIST_WORDS - {"tag"}
# A list item that is a date, a count or a sentence, so the list is not a tag list.
NOT_A_TAG = re.compile(r"^\d+$|\d{4}|\b\d{1,2}\.\s|[.!?]\s|\w{2,}\s\w+\s\w+\s\w+\s\w+\s\w+")
# Containers that hold many sites' tags, not the article's: clouds, indexes, menus, teasers.
NOT_THE_ARTICLE = frozenset({"cloud", "tagcloud", "widget", "menu", "nav", "navigation", "teaser", "related",
                             "sidebar", "comment", "comments", "index", "search", "trending", "popular",
                             "filter", "filters", "breadcrumb", "breadcrumbs"})
OTHER_CONTEXT_TAGS = frozenset({"nav", "aside"})
# A label that opens a tag list, to be told from the tags in it. "Themen" and "Topics" head menus too
# often, so they count only with a colon.
# Words for tags in Portuguese, Dutch, Polish, Czech, the Nordic languages, Turkish and Russian, then
# the words for topics, which count only with a colon as well.
OTHER_TAG_WORDS = (r"tagi|taggar|etiketler|trefwoorden|štítky|stikkord|emneord|n(?:ø|o)gleord|nyckelord"
                   r"|palavras[- ]chave|s(?:ł|l)owa kluczowe|klíčová slova|anahtar kelimeler|теги|метки"
                   r"|ключевые слова")
OTHER_TOPIC_WORDS = r"assuntos|onderwerpen|tematy|témata|ämnen|emner|konular|темы"
TAG_LABEL = re.compile(r"^\s*(?:(?:tags?|schlagw(?:ö|oe)rter|schlagworte?|stichw(?:ö|oe)rter|stichworte"
                       rf"|keywords|etiquetas|mots[- ]cl[ée]s|tagged(?: with)?|verschlagwortet mit|{OTHER_TAG_WORDS})\s*:?"
                       rf"|(?:themen|topics|thèmes|temas|{OTHER_TOPIC_WORDS})\s*:)\s*$", re.IGNORECASE)
TAG_LABEL_PREFIX = re.compile(r"^\s*(?:tags?|schlagw(?:ö|oe)rter|schlagworte?|stichworte|keywords|themen"
                              rf"|tagged(?: with)?|{OTHER_TAG_WORDS}|{OTHER_TOPIC_WORDS})\s*:\s*", re.IGNORECASE)
# A facet a platform puts among the keywords: a word, a colon and no space. One naming a tag
# ("Tag:Docker", "topic:climate") gives its value; a two-letter prefix is a name's own spelling
# ("re:publica", "re:Invent") and stays; any other ("Lite:true", "region:us", "type:story", a URL) is
# a machine's field, no tag.
FACET = re.compile(r"^(?P<key>[A-Za-z][\w-]*):(?P<value>\S.*)$")
TAG_FACET_KEYS = frozenset({"tag", "tags", "topic", "topics", "keyword", "keywords"})
NAME_PREFIX_CHARS = 2
# A post count after a tag in archive lists: "Elections (611 posts)", "Iowa (140)".
COUNT_SUFFIX = re.compile(r"\s*\(\d[\d.,]*(?:\s+\w+)?\)\s*$")
MAX_TAG_CHARS = 80
MAX_TAGS = 60
# What a link in a real tag list never is: a sentence, six words or more, a URL or a handle's link,
# a full date. Years and slashes are not enough ("Wahl 2021", "AC/DC", "Ukraine/Russland").
NOT_A_LINKED_TAG = re.compile(r"[.!?]\s|[.!?]$|\w{2,}\s\w+\s\w+\s\w+\s\w+\s\w+|://|\w\.[a-z]{2,}/"
                              r"|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{1,2},?\s\d{4}\b|\b\d{1,2}\.?\s\w+\s\d{4}\b")
MAX_UNLIKE_SHARE = (1, 4)  # a link list with more items that cannot be tags than this (and 2+) is no tag list
MAX_TEXT_LIST_CHARS = 400  # a plain-text tag list is short; longer text is prose
MAX_TEXT_PARTS = 200
MAX_CANDIDATES = 40  # tag-list containers looked at: a bound for pages that class every link "tag"
_CLASS_WORD = re.compile(r"[^a-z0-9äöüé]+")
NOT_A_LIST_TAGS = frozenset({"a", "body", "article", "main", "html", "h1"})
MARKS_CACHE = 4096  # distinct class/id strings remembered


def _add(out: list[str], seen: set[str], raw: str) -> None:
    tag = COUNT_SUFFIX.sub("", clean_text(raw).replace("\n", " ")).strip(" ,;|#·•")
    if ":" in tag and (facet := FACET.match(tag)):
        key, value = facet.group("key"), facet.group("value").strip()
        if key.casefold() in TAG_FACET_KEYS:
            tag = value
        elif len(key) > NAME_PREFIX_CHARS or not value[:1].isalpha():
            return
    key = tag.casefold()
    if tag and len(tag) <= MAX_TAG_CHARS and key not in seen and len(out) < MAX_TAGS:
        seen.add(key)
        out.append(tag)


def split_tags(values: Any) -> tuple[str, ...]:
    """Tags from one or more declared strings, split on commas and semicolons, de-duplicated."""
    items = values if isinstance(values, (list, tuple)) else [values]
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            for part in re.split(r"[,;]", item):
                _add(out, seen, part)
    return tuple(out)


def _link_texts(links: list[str]) -> tuple[str, ...] | None:
    out: list[str] = []
    seen: set[str] = set()
    for text in links:
        _add(out, seen, text)
    return tuple(out) or None


def _words(element: Any) -> frozenset[str]:
    return _marks_words(f"{element.get('class', '')} {element.get('id', '')}")


@lru_cache(maxsize=MARKS_CACHE)
def _marks_words(marks: str) -> frozenset[str]:
    """The words of an element's class and id: read once per distinct string, as pages and sites repeat
    theirs (the ancestors of every candidate list are read again for each)."""
    return frozenset(_CLASS_WORD.split(marks.lower()))


def _in_other_context(element: Any, depth: int = 8) -> bool:
    """The element or an ancestor is a cloud, menu, teaser, sidebar or comment: not the article's tags."""
    node = element
    for _ in range(depth):
        if node is None or node.tag in {"body", "html"}:
            return False
        if node.tag in OTHER_CONTEXT_TAGS or _words(node) & NOT_THE_ARTICLE:
            return True
        node = node.getparent()
    return False


# -- rules ----------------------------------------------------------------------------------------
def _meta(*keys: str) -> Callable[[Page], Found[tuple[str, ...]] | None]:
    def rule(page: Page) -> Found[tuple[str, ...]] | None:
        for key in keys:
            values = page.meta.get(key)
            if values and (tags := _not_headline(page, split_tags(values))):
                return Found(tags, f"meta:{key}")
        return None

    return rule


def _jsonld(page: Page) -> tuple[str, ...] | None:
    return _not_headline(page, split_tags(jsonld_value(page.article.data, "keywords"))) if page.article else None


def _not_headline(page: Page, tags: tuple[str, ...]) -> tuple[str, ...]:
    """Declared keywords without the article's own headline, which some CMSs list as a keyword."""
    if not tags:
        return tags
    headlines = {value.casefold() for _, value in declared_titles(page)}  # the title rule's, read once a page
    return tuple(tag for tag in tags if " " not in tag or tag.casefold() not in headlines)


def _rel_tag(page: Page) -> tuple[str, ...] | None:
    """rel=tag links, except rel="category tag" (categories) and links in clouds, menus or teasers."""
    texts = [link.text for link in page.links_with_rel("tag")
             if "category" not in link.rel and link.text and not _in_other_context(link.element)]
    return _link_texts(texts)


def _tag_list(page: Page) -> tuple[str, ...] | None:
    """The longest container the page marks as its tag list: link texts inside it, else its text."""
    best: tuple[str, ...] | None = None
    tried = 0
    classed = page.classed
    for index in page.classed_containing(TAG_LIST_STEMS):
        element = classed[index][0]
        if element.tag in NOT_A_LIST_TAGS:
            continue
        words = _words(element)
        if not words & TAG_LIST_WORDS:
            continue
        tried += 1
        if tried > MAX_CANDIDATES:
            break
        if _in_other_context(element):
            continue
        tags = _list_items(element, text_allowed=bool(words & TEXT_TAG_LIST_WORDS))
        if tags and (best is None or len(tags) > len(best)):
            best = tags
    return best


def _list_items(element: Any, text_allowed: bool = True) -> tuple[str, ...] | None:
    """Tags in a list: its links (not category links), else its comma-separated text."""
    anchors = islice(element.iter("a"), MAX_TAGS * 2)
    links = [clean_text(a.text_content()) for a in anchors if "category" not in a.get("rel", "")]
    links = [t for t in links if t and not TAG_LABEL.match(t)]
    if links:
        # A container marked only by its terms' classes ("post tag-iran tag-usa" on the whole
        # article) holds every link of the article: sentences, dates and URLs among them.
        unlike = sum(1 for t in links if NOT_A_LINKED_TAG.search(t))
        if unlike > 1 and unlike * MAX_UNLIKE_SHARE[1] > len(links) * MAX_UNLIKE_SHARE[0]:
            return None
        return _link_texts(links)
    if not text_allowed:
        return None
    text = clean_text("".join(islice(element.itertext(), MAX_TEXT_PARTS)))
    if not text or TAG_LABEL.match(text) or len(text) > MAX_TEXT_LIST_CHARS:
        return None
    tags = split_tags(TAG_LABEL_PREFIX.sub("", text).replace("\n", ", "))
    return tags if tags and not any(NOT_A_TAG.search(t) for t in tags) else None


RULES: list[tuple[str, Callable[[Page], Any]]] = [
    ("link:rel-tag", _rel_tag),
    ("html:tag-list", _tag_list),
    ("meta:article:tag", _meta("article:tag", "og:article:tag")),
    ("json-ld:keywords", _jsonld),
    ("meta:news_keywords", _meta("news_keywords")),
]


def extract(page: Page) -> Found[tuple[str, ...]] | None:
    """The page's declared tags and the rule that found them; None when it declares none."""
    return first_match(page, RULES)
