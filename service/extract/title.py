"""Title: the article's headline as the reader sees it, confirmed by the page's declared titles.

The visible <h1> is the cleanest headline (no "| Site" suffix, no kicker), but pages also hold h1s
for logos, menus and widgets. So the h1 that shares most words with the declared titles (JSON-LD
headline, og:title, <title>) wins; its kicker, date and screen-reader spans are left out. Without
such an h1, the declared titles are used with the site's name and separators cut off.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from service.domains import registrable_domain
from service.extract.rules import Found, Rule, first_match, jsonld_value
from service.page import Page, clean_text

DECLARED_META = ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title", "sailthru.title",
                 "parsely-title")
# Parts of a headline element that are not the headline: kickers, overlines, labels, hidden text.
NOT_HEADLINE = re.compile(r"kicker|overline|topline|toptitle|pretitle|supertitle|subtitle|dachzeile|spitzmarke"
                          r"|roofline|eyebrow|label|aural|visually-hidden|sr-only|screen-reader|hidden|invisible"
                          r"|category|rubri", re.IGNORECASE)
# An h1 only screen readers get ("Navigation", the section's name): a class token that hides it.
HIDDEN_HEADING = re.compile(r"(?:^|\s)(?:hidden|aural|sr-only|visually-?hidden|screen-reader-text"
                            r"|element-invisible|invisible)(?:\s|$)", re.IGNORECASE)
ATTACHED_PUNCTUATION = frozenset(".,;:!?…)]")  # never opens a word: no space before it unless the page has one
NOT_HEADLINE_TAGS = frozenset({"time", "script", "style", "button", "svg", "noscript", "template"})
OUTSIDE_TAGS = ("nav", "footer", "aside")
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
HOME_PATH = re.compile(r"/?(?:index\.\w+)?|(?:\.\./)+(?:index\.\w+)?")  # "", "/", "/index.html", "../index.html"
SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|»|›|::|/|:)\s+|\s*\|\s*")
SEPARATOR_CHAR = re.compile(r"[|\-–—·»›:/]")  # every SITE_SEPARATOR holds one
DATE_SEGMENT = re.compile(r"^[\d.,:/\s-]*(?:uhr|h)?$", re.IGNORECASE)
EDGE_CHARS = ":|-–—·/"
EDGE_PUNCTUATION = re.compile(r"^[\s:|\-–—·/]+|[\s:|\-–—·/]+$")  # EDGE_CHARS and spaces
WORD = re.compile(r"\w+")
NON_WORD = re.compile(r"\W")
MIN_SIMILARITY = 0.5  # shared words (Dice) between an h1 and a declared title
MAX_HEADINGS = 12
MIN_WORDS = 3
MIN_SHARED_CHARS = 4  # a word a lone h1 shares with a declared title: "der", "im" say nothing
MAX_REMEMBERED_CHARS = 300  # a headline's length; see _words


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = clean_text(html.unescape(value)).replace("\n", " ")
    return text or None


def _words(text: str) -> frozenset[str]:
    """The folded words of a title. Titles of a headline's length are remembered: the title rule and
    the date lines compare every h1 and h2 with each declared title, and these mostly say the same.
    A longer text is read afresh, so the cache never holds more than a few hundred KB of page text."""
    return _short_words(text) if len(text) <= MAX_REMEMBERED_CHARS else _word_set(text)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.casefold()))


_short_words = lru_cache(maxsize=1024)(_word_set)


def similarity(a: str, b: str) -> float:
    """Share of words two titles have in common (Dice coefficient)."""
    return _dice(_words(a), _words(b))


def _dice(wa: frozenset[str], wb: frozenset[str]) -> float:
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def declared_titles(page: Page) -> list[tuple[str, str]]:
    """(rule, title) for each title the page declares, most specific first, site names cut off."""
    return page.memo("title.declared", lambda: _declared_titles(page))


def _declared_titles(page: Page) -> list[tuple[str, str]]:
    out = []
    if page.article is not None:
        for key in ("headline", "name"):
            value = _text(jsonld_value(page.article.data, key))
            if value:
                out.append((f"json-ld:{key}", value))
                break
    for key in DECLARED_META:
        value = _text(page.meta[key][0]) if page.meta.get(key) else None
        if value:
            out.append((f"meta:{key}", value))
    for value, _ in page.itemprops.get("headline", ()):
        if _text(value) and not value.startswith(("http://", "https://")):
            out.append(("microdata:headline", _text(value) or ""))
            break
    if page.title_tag:
        out.append(("html:title", page.title_tag))
    is_site = _page_site_test(page)
    # og:title, twitter:title and <title> often say the same: each distinct value is cut once
    stripped = {value: _strip(value, is_site) for _, value in out}
    return [(rule, stripped[value]) for rule, value in out]


def site_names(page: Page) -> list[str]:
    """How the site calls itself: og:site_name, application-name, its host name."""
    names = [v for key in ("og:site_name", "application-name", "publisher") for v in page.meta.get(key, ())]
    try:
        host = urlsplit(page.url or "").hostname or ""
    except ValueError:  # "http://[broken" and the like
        host = ""
    labels = [label for label in host.split(".") if label not in {"www", "m", "com", "org", "net", "de"}]
    return names + ([labels[0]] if labels else [])


def strip_site(title: str, names: list[str]) -> str:
    """title without a leading or trailing part that names the site or is a date."""
    return _strip(title, _site_test(names))


def _strip(title: str, is_site: Callable[[str], bool]) -> str:
    if not SEPARATOR_CHAR.search(title):  # most headlines: a one-character search, not the separator regex
        return title
    separators = list(SITE_SEPARATOR.finditer(title))
    for separator in separators:  # leftmost first: "Headline | Section - Site" loses both
        if is_site(title[separator.end():]):
            return title[: separator.start()].strip() or title
    for separator in reversed(separators):
        if is_site(title[: separator.start()]):
            return title[separator.end():].strip() or title
    return title


def _page_site_test(page: Page) -> Callable[[str], bool]:
    """The site test for this page's names, built once: every declared title and h1 is held to it."""
    return page.memo("title.site_test", lambda: _site_test(site_names(page) + _logo_names(page)))


def _logo_names(page: Page) -> list[str]:
    """The texts of h1s that link to the front page: the site's name as its header spells it."""
    return [headline_text(element) for element in h1_elements(page)[:MAX_HEADINGS] if _links_home(element, page)]


def _site_test(names: list[str]) -> Callable[[str], bool]:
    keys = [key for key in (NON_WORD.sub("", name.casefold()) for name in names if name) if len(key) > 2]

    def is_site(part: str) -> bool:
        compact = NON_WORD.sub("", part.casefold())
        if not compact:
            return bool(part.strip())
        if DATE_SEGMENT.match(part):
            return True
        return any(compact in key or (key in compact and len(compact) <= 2 * len(key)) for key in keys)

    return is_site


def headline_text(element: Any) -> str:
    """An h1's own words: kicker, date and screen-reader spans inside it left out."""
    return " ".join(_own_text(element).split())


def _own_text(element: Any) -> str:
    text = element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag not in NOT_HEADLINE_TAGS \
                and not NOT_HEADLINE.search(child.get("class", "") + " " + child.get("id", "")):
            text = _join(text, _own_text(child))
        text = _join(text, child.tail or "")
    return text


def _join(left: str, right: str) -> str:
    """Two pieces of a heading: spans side by side are words apart ("KICKER</span><span>Headline"),
    but a full stop or comma right after a span closes its sentence ("wird</span>.")."""
    if not left or not right or left[-1].isspace() or right[0].isspace() or right[0] in ATTACHED_PUNCTUATION:
        return left + right
    return left + " " + right


def _trim_edges(text: str) -> str:
    """text without separators or spaces at either end; the regex runs only when an end is one."""
    if text and not any(end in EDGE_CHARS or end.isspace() for end in (text[0], text[-1])):
        return text
    return EDGE_PUNCTUATION.sub("", text)


def h1_elements(page: Page) -> list[Any]:
    """The page's h1s in document order, gathered once: the headline is among them, and the byline
    rule looks for the byline after the first."""
    return page.memo("title.h1", lambda: list(page.tree.iter("h1")))


def _headings(page: Page) -> list[str]:
    is_site = _page_site_test(page)
    out: list[str] = []
    for element in h1_elements(page):
        if len(out) >= MAX_HEADINGS:
            break
        if next(element.iterancestors(*OUTSIDE_TAGS), None) is not None:  # lxml filters the tags in C
            continue
        if HIDDEN_HEADING.search(element.get("class", "")) or _links_home(element, page):
            continue
        text = _strip(_trim_edges(headline_text(element)), is_site)
        if text and text not in out and not is_site(text):
            out.append(text)
    return out


def _links_home(element: Any, page: Page) -> bool:
    """Whether an h1 links to its site's front page: it is the site's logo or name, not a headline.

    The link must carry the h1 (at least half its text, or an image logo without text), point to this
    site (relative, or a host of the page's registrable domain) and not into the page ("#", whose path
    is as empty as the front page's): a headline that links one word to another site's front page, or
    to itself, stays a headline.
    """
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or "?" in href:
            continue
        try:
            parts = urlsplit(href)
        except ValueError:  # "http://[broken"
            continue
        if not HOME_PATH.fullmatch(parts.path):
            continue
        if parts.netloc and (site := _site_domain(page)) and registrable_domain(parts.netloc) != site:
            continue
        linked = len(" ".join(" ".join(link.itertext()).split()))
        if not linked or 2 * linked >= len(headline_text(element)):
            return True
    return False


def _site_domain(page: Page) -> str | None:
    """The page's registrable domain; for HTML given without its URL, its canonical URL's or og:url's.
    None when the page names none: an absolute link to a front page is then taken to be the site's."""
    def compute() -> str | None:
        declared = [link.href for link in page.links_with_rel("canonical")] + page.meta.get("og:url", [])
        return next(filter(None, map(registrable_domain, [page.url, *declared])), None)
    return page.memo("title:site_domain", compute)


def _matching_h1(page: Page) -> Found[str] | None:
    """The h1 most like a declared title, when it is like one at all.

    Provenance names the declared source when the h1 says exactly the same, the h1 otherwise.
    """
    declared = declared_titles(page)
    declared_words = [_words(value) for _, value in declared]
    best, best_score = None, MIN_SIMILARITY
    for heading in _headings(page):
        words = _words(heading)
        score = max((_dice(words, other) for other in declared_words), default=0.0)
        if score < MIN_SIMILARITY and any(_leads(heading, value) for _, value in declared):
            score = MIN_SIMILARITY  # enough to stand, not to beat an h1 that matches a whole title
        if score >= best_score + 1e-9 or (best is None and score >= best_score):
            best, best_score = heading, score
    if best is None:
        return None
    folded = best.casefold()
    for rule, value in declared:
        if value.casefold() == folded:
            return Found(best, rule)
    for rule, value in declared:
        # An h1 that ends with a declared title: the words before are a kicker the markup did not mark.
        if folded.endswith(value.casefold()) and len(value.split()) >= MIN_WORDS:
            return Found(value, rule)
    return Found(best, "html:h1")


def _leads(heading: str, title: str) -> bool:
    """Whether a declared title is the heading followed by a separator and more: the rest names the
    site and its sections ("Headline / Section / Home - Site, slogan") in words the site test cannot
    know. A heading of a few words only, so that a section name does not pass for a headline."""
    if len(title) <= len(heading) or title[: len(heading)].casefold() != heading.casefold():
        return False
    return len(heading.split()) >= MIN_WORDS and SITE_SEPARATOR.match(title, len(heading)) is not None


def _lone_h1(page: Page) -> Found[str] | None:
    """The page's only h1, though unlike its declared titles: those were written for search engines
    ("Product 2022 - Comparison") while the reader sees the h1. It must be a headline of a few words
    that shares a content word with a declared title, and no heading under it may show a declared
    title; when it begins with one, the rest is a subline and the declared title is the headline."""
    headings = _headings(page)
    if len(headings) != 1 or len(headings[0].split()) < MIN_WORDS:
        return None
    heading, declared = headings[0], declared_titles(page)
    folded = heading.casefold()
    for rule, value in declared:
        if folded.startswith(value.casefold()) and len(value.split()) >= MIN_WORDS:
            return Found(value, rule)
    words = {word for word in _words(heading) if len(word) >= MIN_SHARED_CHARS}
    if any(words & _words(value) for _, value in declared) and not _shown_as_heading(page, declared):
        return Found(heading, "html:h1")
    return None


def _shown_as_heading(page: Page, declared: list[tuple[str, str]]) -> bool:
    """Whether a heading below the h1 says what a declared title says: then the h1 is a topic or
    live-blog banner ("Ann Roe news" over the story's h2) and the declared title is the headline.
    Read only for the rare page the lone-h1 rule would take; one pass over the text blocks."""
    declared_words = [_words(value) for _, value in declared]
    return any(block.element.tag in SUBHEADING_TAGS
               and max(_dice(_words(block.text), other) for other in declared_words) >= MIN_SIMILARITY
               for block in page.blocks)


def _declared(page: Page) -> Found[str] | None:
    """The most specific declared title, passing over one that is only the site's name (a JSON-LD
    node named for its publisher, an og:title left at the site's default)."""
    titles = declared_titles(page)
    if not titles:
        return None
    is_site = _page_site_test(page)
    rule, value = next(((rule, value) for rule, value in titles if not is_site(value)), titles[0])
    return Found(value, rule)


RULES: list[Rule] = [
    ("html:h1", _matching_h1),
    ("html:h1", _lone_h1),
    ("declared", _declared),
]


def extract(page: Page) -> Found[str] | None:
    """The article's headline and the rule that found it."""
    return first_match(page, RULES)
