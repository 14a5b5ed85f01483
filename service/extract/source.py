"""Original source: where a cross-posted or syndicated article was first published.

Rules, specific first: a visible credit line ("The original source of this article is X", "Originally
published at X", "This article first appeared in X", in several languages), the article's JSON-LD
isBasedOn / sourceOrganization, syndication meta tags, a "Source:" / "Quelle:" label line, and last a
wire agency in the dateline ("BEIRUT (Reuters) -"). The name is the linked text when X is a link.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from service.extract.lead import paragraphs
from service.extract.model import OriginalSource
from service.extract.names import domain_label, site_names
from service.extract.rules import Found, Rule, first_match, jsonld_value
from service.extract.textlines import matching_lines, may_hold
from service.extract.zones import CHROME, near_media, page_zone
from service.page import BLOCK_TAGS, Page, clean_text

# A credit phrase starts a line or a sentence ("... text. This article first appeared in X.").
CREDIT_PHRASES = re.compile(
    r"(?:^(?:[^\w\n]|_)*|(?<=[.!?] ))"
    r"(?:the\s+original\s+source\s+of\s+this\s+(?:article|post|story)\s+is"
    r"|(?:this\s+(?:article|post|story|piece)\s+(?:was\s+)?)?(?:originally|first)\s+(?:appeared|published|posted)"
    r"(?:\s+(?:at|by|on|in))?"
    r"|(?:this\s+(?:article|post|story|piece)\s+)?(?:was\s+)?(?:re)?published\s+with\s+permission\s+(?:of|from)"
    r"|(?:dieser\s+(?:artikel|beitrag|text)\s+)?erschien\s+(?:zuerst|erstmals|ursprünglich)\s+(?:in|bei|auf|im)"
    r"|(?:zuerst|erstmals)\s+(?:erschienen|veröffentlicht)\s+(?:in|bei|auf|im)"
    r"|(?:(?:este|esta)\s+\w+\s+(?:foi|fue)\s+)?(?:publicado|publicada)\s+originalmente\s+(?:en|em|no|na|por|pelo|pela)"
    r"|(?:article\s+)?(?:publié|paru)\s+(?:initialement|originellement|d'abord)\s+(?:dans|sur|par)"
    # Dutch, Polish, Czech, Swedish, Danish, Norwegian and Russian
    r"|(?:dit\s+(?:artikel|stuk|bericht)\s+)?verscheen\s+(?:eerder|eerst|oorspronkelijk)\s+(?:op|in|bij)"
    r"|dit\s+(?:artikel|stuk|bericht)\s+is\s+(?:eerder|eerst|oorspronkelijk)\s+(?:verschenen|gepubliceerd)"
    r"\s+(?:op|in|bij)"
    r"|(?:oorspronkelijk|eerder)\s+(?:gepubliceerd|verschenen)\s+(?:op|in|bij|door)"
    r"|(?:artykuł|tekst)\s+ukazał\s+się\s+(?:pierwotnie|po\s+raz\s+pierwszy)\s+(?:w|na)"
    r"|(?:pierwotnie|oryginalnie)\s+opublikowan[oy]\s+(?:w|na)"
    r"|(?:článek|text)\s+(?:původně\s+)?vyšel\s+(?:původně\s+)?(?:ve|v|na)"
    r"|původně\s+(?:publikováno|zveřejněno|vyšlo)\s+(?:ve|v|na)"
    r"|(?:artikeln|texten)\s+publicerades\s+(?:först|ursprungligen)\s+(?:i|på|hos)"
    r"|(?:ursprungligen|först)\s+publicerad\s+(?:i|på|hos)"
    r"|(?:artiklen|artikkelen|teksten|saken)\s+(?:blev\s+|ble\s+)?(?:først|oprindeligt|opprinnelig)"
    r"\s+(?:bragt|publiceret|publisert|offentliggjort)\s+(?:i|på|hos)"
    r"|(?:oprindeligt|opprinnelig|først)\s+(?:bragt|publiceret|publisert)\s+(?:i|på|hos)"
    r"|(?:статья|материал)\s+(?:впервые|первоначально|изначально)\s+(?:опубликован[аоы]?|вышла|вышел)\s+(?:в|на)"
    r"|(?:впервые|первоначально|изначально)\s+опубликован[аоы]?\s+(?:в|на))"
    r"[ \t]*:?[ \t]*", re.IGNORECASE | re.MULTILINE)
# A word every credit phrase holds, lower-cased: only lines holding one are searched.
CREDIT_WORDS = ("original", "first", "published", "erschien", "zuerst", "erstmals", "publié", "paru", "eerder",
                "eerst", "oorspronkelijk", "pierwotnie", "oryginalnie", "vyšel", "původně", "först",
                "ursprungligen", "først", "oprindeligt", "opprinnelig", "впервые", "первоначально", "изначально")
SOURCE_LABEL = re.compile(r"^(?:source|quelle|fuente|fonte|bron|źródło|zdroj|källa|kilde|kaynak|источник"
                          r"|original source) ?:[ \t]*", re.IGNORECASE | re.MULTILINE)
SOURCE_LABEL_WORDS = ("source", "quelle", "fuente", "fonte", "bron", "źródło", "zdroj", "källa", "kilde", "kaynak",
                      "источник")
SOURCE_META_KEYS = ("original-source", "syndication-source", "dc.source", "dcterms.source")
WIRE_AGENCIES = ("AP", "AFP", "Reuters", "dpa", "DPA", "Xinhua", "TASS", "ANSA", "EFE", "APA", "KNA", "epd", "AAP",
                 "UPI", "Bloomberg", "Keystone-SDA", "SDA", "Kyodo", "Yonhap")
WIRE_DATELINE = re.compile(r"^[^()\n]{2,60}\((?P<agency>" + "|".join(map(re.escape, WIRE_AGENCIES)) +
                           r")(?:/[\w-]+)*\)\s*[-–—:]")
# "(" and an agency, lower-cased: a page without any has no wire dateline, and its lead is not looked for.
WIRE_WORDS = tuple(dict.fromkeys(f"({agency.lower()}" for agency in WIRE_AGENCIES))
NAME_END = re.compile(r"\s*(?:[.;|]\s|[.;|]$|\n|,\s*(?:copyright|©)|\s[-–—]\s).*", re.IGNORECASE | re.DOTALL)
MAX_NAME_CHARS = 80
MAX_CREDIT_LINE_CHARS = 400
EXCLUDED_TAGS = frozenset({"figcaption", "caption", "figure", "td", "th"})


def _links_after(element: Any, text: str) -> list[tuple[str, str]]:
    out = []
    for anchor in element.iter("a"):
        parent = anchor.getparent()
        while parent is not None and parent is not element and parent.tag not in BLOCK_TAGS:
            parent = parent.getparent()
        link_text = clean_text(anchor.text_content()).replace("\n", " ")
        if parent is element and link_text and text.startswith(link_text):
            out.append((link_text, anchor.get("href", "")))
    return out


def _web_host(value: str) -> str | None:
    """The host of an http(s) URL; None for anything else, malformed URLs included."""
    try:
        parts = urlsplit(value.strip())
        return parts.hostname if parts.scheme in {"http", "https"} else None
    except ValueError:
        return None


def _absolute(page: Page, href: str) -> str | None:
    try:
        return page.absolute(href)
    except ValueError:  # a malformed page URL or href
        return None


def _credit(page: Page, pattern: re.Pattern[str], words: tuple[str, ...],
            photo_credits: bool) -> OriginalSource | None:
    """The source a credit line names: the link right after the phrase, else the words up to the
    sentence's end (a capitalised name or a domain). photo_credits: the line may be a picture's
    credit ("Quelle: J. Roe" under a photo), so lines next to pictures are skipped. words: the
    lower-case words every match of pattern holds."""
    for found in matching_lines(page, pattern, words):
        if found.element.tag in EXCLUDED_TAGS or len(found.line) > MAX_CREDIT_LINE_CHARS:
            continue
        credited = _credited(page, found.line[found.end:], found.element)
        # where the line sits is looked up last, for a line that names a source: it walks the ancestors
        if (credited is not None and page_zone(page, found.element) != CHROME
                and not (photo_credits and near_media(found.element))):
            return credited
    return None


def _credited(page: Page, rest: str, element: Any) -> OriginalSource | None:
    """The source named by the text after a credit phrase: its first link, or a name or domain."""
    links = _links_after(element, rest)
    if links:
        return OriginalSource(links[0][0], _absolute(page, links[0][1]))
    name = NAME_END.sub("", rest).strip(" \"'“”«».,:")
    if 0 < len(name) <= MAX_NAME_CHARS and (name[0].isupper() or "." in name.split()[0]):
        host = _web_host(name)
        return OriginalSource(host or name, name if host else None)
    return None


def _elsewhere(page: Page, url: str | None) -> bool:
    """url is on another site than the page (a page's own URL as its "source" is no cross-post).

    Without the page's URL (HTML sent alone), a source whose domain is named like the site itself
    (theconversation.com on a page whose og:site_name is "The Conversation") is the page's own.
    With it, only the host counts: another edition of the same brand (wired.co.uk for wired.com) is
    a source."""
    own = _web_host(page.url or "")
    other = _web_host(url or "")
    if not other:
        return True
    if own:
        return own.removeprefix("www.") != other.removeprefix("www.")
    label = domain_label(url)
    return not (label and label in site_names(page))


def _jsonld(page: Page) -> Found[OriginalSource] | None:
    if page.article is None:
        return None
    for key in ("isBasedOn", "isBasedOnUrl", "sourceOrganization"):
        value = jsonld_value(page.article.data, key)
        if isinstance(value, str) and _web_host(value) and _elsewhere(page, value):
            return Found(OriginalSource(_web_host(value) or value, value), f"json-ld:{key}")
        if isinstance(value, dict):
            publisher = value.get("publisher")
            publisher = publisher if isinstance(publisher, dict) else {}
            name = value.get("name") if key == "sourceOrganization" else publisher.get("name") or value.get("name")
            url = value.get("url") if isinstance(value.get("url"), str) else None
            if (isinstance(name, str) and 0 < len(name.strip()) <= MAX_NAME_CHARS and _elsewhere(page, url)
                    and (url or key == "sourceOrganization" or publisher)):  # a work cited is no source
                return Found(OriginalSource(clean_text(name), url), f"json-ld:{key}")
    return None


def _meta(page: Page) -> Found[OriginalSource] | None:
    for key in SOURCE_META_KEYS:
        for content in page.meta.get(key, ()):
            host = _web_host(content)
            if host and _elsewhere(page, content):
                return Found(OriginalSource(host, content), f"meta:{key}")
    return None


def _wire(page: Page) -> OriginalSource | None:
    if not may_hold(page, WIRE_WORDS):  # finding the lead paragraph costs more than the test
        return None
    lead = paragraphs(page)[:1]
    match = WIRE_DATELINE.match(lead[0]) if lead else None
    return OriginalSource(match.group("agency")) if match else None


RULES: list[Rule] = [
    ("text:credit-line", lambda p: _credit(p, CREDIT_PHRASES, CREDIT_WORDS, photo_credits=False)),
    ("json-ld", _jsonld),
    ("meta", _meta),
    ("text:source-label", lambda p: _credit(p, SOURCE_LABEL, SOURCE_LABEL_WORDS, photo_credits=True)),
    ("text:wire-dateline", _wire),
]


def extract(page: Page) -> Found[OriginalSource] | None:
    """The article's original source, {name, url}, or None for an article first published here."""
    return first_match(page, RULES)
